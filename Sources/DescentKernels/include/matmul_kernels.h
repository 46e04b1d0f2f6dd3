#ifndef DESCENT_MATMUL_KERNELS_H
#define DESCENT_MATMUL_KERNELS_H

#include <stddef.h>

// Matrix-product kernels compiled for AVX2 and FMA. Call them only when
// `descent_has_avx2_fma()` is true. Every kernel *adds* its product into the output, and
// does nothing when an extent is zero or negative. Strides count elements, not bytes.
//
// Rounding: every term is added with a fused multiply-add (one rounding per term instead
// of two), so results may differ from a separate multiply and add in the last bits. Each
// output element is summed in an order fixed by the shapes alone, never by the blocking,
// the position of the element or the number of threads: the same call gives the same bits.

#if defined(__x86_64__)

/// The number of doubles of scratch memory `descent_gemm_accumulate_avx2` needs.
size_t descent_gemm_scratch_count(void);

/// `output[i * output_row_stride + j] += Σₖ left(i, k) · right(k, j)` for `i < rows`,
/// `j < columns`, where `left(i, k) = left[i * left_row_stride + k * left_column_stride]`
/// and `right(k, j)` likewise: transposed operands are the same memory with the strides
/// swapped.
///
/// A cache-blocked, packed product (GotoBLAS/BLIS style, 6 × 8 register tiles). Each
/// output element is one chain of fused multiply-adds over k in increasing order, starting
/// from the value already in the output. `scratch` holds `descent_gemm_scratch_count()`
/// doubles and must not be shared with another thread.
void descent_gemm_accumulate_avx2(
    ptrdiff_t rows, ptrdiff_t inner, ptrdiff_t columns,
    const double *left, ptrdiff_t left_row_stride, ptrdiff_t left_column_stride,
    const double *right, ptrdiff_t right_row_stride, ptrdiff_t right_column_stride,
    double *output, ptrdiff_t output_row_stride, double *scratch);

/// `output[i * output_row_stride + j] += Σₖ left(i, k) · right[k * right_row_stride + j]`:
/// each output row built from the rows of `right`, whose elements must be contiguous. For
/// products too small or too flat to pay for packing, and for a vector times a matrix
/// (`rows == 1`). Each output element is one chain of fused multiply-adds over k in
/// increasing order, starting from the value in the output, as in the packed product.
void descent_row_products_accumulate_avx2(
    ptrdiff_t rows, ptrdiff_t inner, ptrdiff_t columns,
    const double *left, ptrdiff_t left_row_stride, ptrdiff_t left_column_stride,
    const double *right, ptrdiff_t right_row_stride,
    double *output, ptrdiff_t output_row_stride);

/// `output[i] += Σₖ matrix[i * row_stride + k] · vector[k]` for `i < rows`: dot products
/// of contiguous rows with a contiguous vector.
///
/// Each dot product runs in eight lanes over k (k mod 8), which are then added in a fixed
/// tree, so its bits depend on `inner` but not on which rows are computed together.
void descent_dot_rows_accumulate_avx2(
    ptrdiff_t rows, ptrdiff_t inner, const double *matrix, ptrdiff_t row_stride,
    const double *vector, double *output);

#endif

#endif

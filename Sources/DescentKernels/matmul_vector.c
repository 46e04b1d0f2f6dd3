#include "matmul_kernels.h"

#if defined(__x86_64__)

#include <immintrin.h>

#define DESCENT_AVX2 __attribute__((target("avx2,fma")))
#define ALWAYS_INLINE inline __attribute__((always_inline))

/// At most this many 4-lane accumulators per pass over k: with the broadcast factor and a
/// loaded operand they fill the sixteen vector registers without spilling.
enum { MAXIMUM_VECTORS = 12 };

/// Up to this many columns (4 KiB of output) a row of the output is updated in memory in
/// one pass rather than in register-sized passes.
enum { THROUGH_OUTPUT_COLUMNS = 512 };

static inline ptrdiff_t min_columns(ptrdiff_t a, ptrdiff_t b) { return a < b ? a : b; }

/// Lanes `0 ..< count` set (count 0 ... 4): masked loads and stores read and write only
/// those, so no kernel touches memory past the end of a row.
DESCENT_AVX2 static ALWAYS_INLINE __m256i lanes_below(ptrdiff_t count) {
    return _mm256_cmpgt_epi64(_mm256_set1_epi64x(count), _mm256_setr_epi64x(0, 1, 2, 3));
}

/// `output[j] = fma(factor(k), right[k * row_stride + j], output[j])` for k in order, for the
/// `4 * vectors` columns from `output` on, the last vector restricted to `last_mask` when
/// `masked`. `vectors` and `masked` are constants at every call site, so the accumulators
/// stay in registers.
DESCENT_AVX2 static ALWAYS_INLINE void accumulate_column_block(
    int vectors, int masked, __m256i last_mask, ptrdiff_t inner, const double *factors, ptrdiff_t factor_stride,
    const double *right, ptrdiff_t row_stride, double *output) {
    __m256d sums[MAXIMUM_VECTORS];
    int full = masked ? vectors - 1 : vectors;
    for (int v = 0; v < full; v++) sums[v] = _mm256_loadu_pd(output + 4 * v);
    if (masked) sums[full] = _mm256_maskload_pd(output + 4 * full, last_mask);
    for (ptrdiff_t k = 0; k < inner; k++) {
        __m256d factor = _mm256_broadcast_sd(factors + k * factor_stride);
        const double *row = right + k * row_stride;
        for (int v = 0; v < full; v++) sums[v] = _mm256_fmadd_pd(factor, _mm256_loadu_pd(row + 4 * v), sums[v]);
        if (masked) sums[full] = _mm256_fmadd_pd(factor, _mm256_maskload_pd(row + 4 * full, last_mask), sums[full]);
    }
    for (int v = 0; v < full; v++) _mm256_storeu_pd(output + 4 * v, sums[v]);
    if (masked) _mm256_maskstore_pd(output + 4 * full, last_mask, sums[full]);
}

#define BLOCK_CASE(n) \
    case n: \
        if (masked) { \
            accumulate_column_block(n, 1, mask, inner, factors, factor_stride, right, row_stride, output); \
        } else { \
            accumulate_column_block(n, 0, mask, inner, factors, factor_stride, right, row_stride, output); \
        } \
        break;

/// One pass over k for `columns` (1 ... 4 × MAXIMUM_VECTORS) columns.
DESCENT_AVX2 static void accumulate_columns(ptrdiff_t inner, const double *factors, ptrdiff_t factor_stride,
                                            const double *right, ptrdiff_t row_stride, ptrdiff_t columns,
                                            double *output) {
    int vectors = (int)((columns + 3) / 4);
    ptrdiff_t last_count = columns - 4 * (ptrdiff_t)(vectors - 1);
    int masked = last_count < 4;
    __m256i mask = lanes_below(last_count);
    switch (vectors) {
        BLOCK_CASE(1) BLOCK_CASE(2) BLOCK_CASE(3) BLOCK_CASE(4) BLOCK_CASE(5) BLOCK_CASE(6)
        BLOCK_CASE(7) BLOCK_CASE(8) BLOCK_CASE(9) BLOCK_CASE(10) BLOCK_CASE(11) BLOCK_CASE(12)
        default: break;
    }
}

/// Columns in passes of equal width (whole vectors, at most MAXIMUM_VECTORS), so no pass
/// is a sliver that reads every row of `right` for a handful of columns.
DESCENT_AVX2 static void accumulate_rows_in_passes(ptrdiff_t inner, const double *factors, ptrdiff_t factor_stride,
                                                   const double *right, ptrdiff_t row_stride, ptrdiff_t columns,
                                                   double *output) {
    ptrdiff_t vectors = (columns + 3) / 4;
    ptrdiff_t passes = (vectors + MAXIMUM_VECTORS - 1) / MAXIMUM_VECTORS;
    for (ptrdiff_t pass = 0; pass < passes; pass++) {
        ptrdiff_t first = 4 * (vectors * pass / passes);
        ptrdiff_t end = min_columns(4 * (vectors * (pass + 1) / passes), columns);
        accumulate_columns(inner, factors, factor_stride, right + first, row_stride, end - first, output + first);
    }
}

/// `output[j] = fma(factor(k), right[k * row_stride + j], output[j])` for k in order over
/// all `columns` in one pass, four rows of `right` per sweep of the output (which stays in
/// L1): each row of `right` is then read once, front to back, which streams better than
/// several passes over narrow column strips.
DESCENT_AVX2 static void accumulate_rows_through_output(ptrdiff_t inner, const double *factors, ptrdiff_t factor_stride,
                                                        const double *right, ptrdiff_t row_stride, ptrdiff_t columns,
                                                        double *output) {
    ptrdiff_t full = columns - columns % 4;
    __m256i tail_mask = lanes_below(columns - full);
    ptrdiff_t k = 0;
    for (; k + 4 <= inner; k += 4) {
        __m256d f0 = _mm256_broadcast_sd(factors + k * factor_stride);
        __m256d f1 = _mm256_broadcast_sd(factors + (k + 1) * factor_stride);
        __m256d f2 = _mm256_broadcast_sd(factors + (k + 2) * factor_stride);
        __m256d f3 = _mm256_broadcast_sd(factors + (k + 3) * factor_stride);
        const double *b0 = right + k * row_stride;
        const double *b1 = b0 + row_stride;
        const double *b2 = b1 + row_stride;
        const double *b3 = b2 + row_stride;
        for (ptrdiff_t j = 0; j < full; j += 4) {
            __m256d sum = _mm256_loadu_pd(output + j);
            sum = _mm256_fmadd_pd(f0, _mm256_loadu_pd(b0 + j), sum);
            sum = _mm256_fmadd_pd(f1, _mm256_loadu_pd(b1 + j), sum);
            sum = _mm256_fmadd_pd(f2, _mm256_loadu_pd(b2 + j), sum);
            sum = _mm256_fmadd_pd(f3, _mm256_loadu_pd(b3 + j), sum);
            _mm256_storeu_pd(output + j, sum);
        }
        if (full < columns) {
            __m256d sum = _mm256_maskload_pd(output + full, tail_mask);
            sum = _mm256_fmadd_pd(f0, _mm256_maskload_pd(b0 + full, tail_mask), sum);
            sum = _mm256_fmadd_pd(f1, _mm256_maskload_pd(b1 + full, tail_mask), sum);
            sum = _mm256_fmadd_pd(f2, _mm256_maskload_pd(b2 + full, tail_mask), sum);
            sum = _mm256_fmadd_pd(f3, _mm256_maskload_pd(b3 + full, tail_mask), sum);
            _mm256_maskstore_pd(output + full, tail_mask, sum);
        }
    }
    if (k < inner) accumulate_rows_in_passes(inner - k, factors + k * factor_stride, factor_stride, right + k * row_stride,
                                             row_stride, columns, output);
}

DESCENT_AVX2 void descent_row_products_accumulate_avx2(
    ptrdiff_t rows, ptrdiff_t inner, ptrdiff_t columns,
    const double *left, ptrdiff_t left_row_stride, ptrdiff_t left_column_stride,
    const double *right, ptrdiff_t right_row_stride,
    double *output, ptrdiff_t output_row_stride) {
    if (rows <= 0 || inner <= 0 || columns <= 0) return;
    for (ptrdiff_t row = 0; row < rows; row++) {
        const double *factors = left + row * left_row_stride;
        double *target = output + row * output_row_stride;
        if (columns > 4 * MAXIMUM_VECTORS && columns <= THROUGH_OUTPUT_COLUMNS && inner >= 4) {
            accumulate_rows_through_output(inner, factors, left_column_stride, right, right_row_stride, columns, target);
        } else {
            accumulate_rows_in_passes(inner, factors, left_column_stride, right, right_row_stride, columns, target);
        }
    }
}

/// Eight lanes of one dot product: lane l sums the terms k ≡ l (mod 8) in increasing k.
#define DOT_LANES_STEP(sums_low, sums_high, row, k) \
    sums_low = _mm256_fmadd_pd(_mm256_loadu_pd((row) + (k)), low, sums_low); \
    sums_high = _mm256_fmadd_pd(_mm256_loadu_pd((row) + (k) + 4), high, sums_high);

/// The lanes' total in a fixed tree: (l0 + l4, …) then ((0 + 2) + (1 + 3)).
DESCENT_AVX2 static ALWAYS_INLINE double total_of_lanes(__m256d sums_low, __m256d sums_high) {
    __m256d pairs = _mm256_add_pd(sums_low, sums_high);
    __m128d halves = _mm_add_pd(_mm256_castpd256_pd128(pairs), _mm256_extractf128_pd(pairs, 1));
    return _mm_cvtsd_f64(_mm_add_sd(halves, _mm_unpackhi_pd(halves, halves)));
}

/// Loads for the last `inner mod 8` terms: masked loads read nothing past the row and
/// give zeros there, so those lanes add exact zeros (0 · 0) and the lane order is kept.
/// The upper four lanes join only when more than four terms remain.
typedef struct {
    __m256i low_mask, high_mask;
    __m256d low, high;
} DotTail;

DESCENT_AVX2 static ALWAYS_INLINE DotTail make_tail(const double *vector, ptrdiff_t full, ptrdiff_t remaining) {
    DotTail tail;
    tail.low_mask = lanes_below(remaining < 4 ? remaining : 4);
    tail.high_mask = lanes_below(remaining > 4 ? remaining - 4 : 0);
    tail.low = _mm256_maskload_pd(vector + full, tail.low_mask);
    tail.high = remaining > 4 ? _mm256_maskload_pd(vector + full + 4, tail.high_mask) : _mm256_setzero_pd();
    return tail;
}

#define DOT_TAIL_STEP(sums_low, sums_high, row) \
    sums_low = _mm256_fmadd_pd(_mm256_maskload_pd((row) + full, tail.low_mask), tail.low, sums_low); \
    if (remaining > 4) { \
        sums_high = _mm256_fmadd_pd(_mm256_maskload_pd((row) + full + 4, tail.high_mask), tail.high, sums_high); \
    }

DESCENT_AVX2 void descent_dot_rows_accumulate_avx2(
    ptrdiff_t rows, ptrdiff_t inner, const double *matrix, ptrdiff_t row_stride,
    const double *vector, double *output) {
    if (rows <= 0 || inner <= 0) return;
    ptrdiff_t full = inner - inner % 8;
    ptrdiff_t remaining = inner - full;
    DotTail tail = make_tail(vector, full, remaining);
    ptrdiff_t row = 0;
    // Four rows share each load of the vector; every row gets exactly the operations it
    // would get alone, so the grouping (and the thread split) never changes a bit.
    for (; row + 4 <= rows; row += 4) {
        const double *r0 = matrix + row * row_stride;
        const double *r1 = r0 + row_stride;
        const double *r2 = r1 + row_stride;
        const double *r3 = r2 + row_stride;
        __m256d l0 = _mm256_setzero_pd(), h0 = l0, l1 = l0, h1 = l0, l2 = l0, h2 = l0, l3 = l0, h3 = l0;
        for (ptrdiff_t k = 0; k < full; k += 8) {
            __m256d low = _mm256_loadu_pd(vector + k);
            __m256d high = _mm256_loadu_pd(vector + k + 4);
            // A prefetch never faults, so it may run past the last row.
            _mm_prefetch((const char *)(r0 + 8 * row_stride + k), _MM_HINT_T0);
            _mm_prefetch((const char *)(r2 + 8 * row_stride + k), _MM_HINT_T0);
            DOT_LANES_STEP(l0, h0, r0, k) DOT_LANES_STEP(l1, h1, r1, k)
            DOT_LANES_STEP(l2, h2, r2, k) DOT_LANES_STEP(l3, h3, r3, k)
        }
        if (remaining > 0) {
            DOT_TAIL_STEP(l0, h0, r0) DOT_TAIL_STEP(l1, h1, r1) DOT_TAIL_STEP(l2, h2, r2) DOT_TAIL_STEP(l3, h3, r3)
        }
        output[row] += total_of_lanes(l0, h0);
        output[row + 1] += total_of_lanes(l1, h1);
        output[row + 2] += total_of_lanes(l2, h2);
        output[row + 3] += total_of_lanes(l3, h3);
    }
    for (; row < rows; row++) {
        const double *r0 = matrix + row * row_stride;
        __m256d l0 = _mm256_setzero_pd(), h0 = l0;
        for (ptrdiff_t k = 0; k < full; k += 8) {
            __m256d low = _mm256_loadu_pd(vector + k);
            __m256d high = _mm256_loadu_pd(vector + k + 4);
            DOT_LANES_STEP(l0, h0, r0, k)
        }
        if (remaining > 0) {
            DOT_TAIL_STEP(l0, h0, r0)
        }
        output[row] += total_of_lanes(l0, h0);
    }
}

#endif

#include "matmul_kernels.h"

#if defined(__x86_64__)

#include <immintrin.h>
#include <string.h>

#define DESCENT_AVX2 __attribute__((target("avx2,fma")))

// The register tile: 6 rows × 8 columns of C in twelve 4-lane registers, fed per k by two
// loads of B and six broadcasts of A. The blocks: a KC-deep micro-panel of B (16 KiB)
// stays in L1 while it meets every row panel of the packed block of A (MC × KC, 288 KiB,
// in L2); the packed block of B (KC × NC, 512 KiB) stays in L2 too on this machine.
enum { TILE_ROWS = 6, TILE_COLUMNS = 8, INNER_BLOCK = 256, ROW_BLOCK = 144, COLUMN_BLOCK = 256 };

size_t descent_gemm_scratch_count(void) {
    return (size_t)ROW_BLOCK * INNER_BLOCK + (size_t)INNER_BLOCK * COLUMN_BLOCK;
}

static inline ptrdiff_t min_extent(ptrdiff_t a, ptrdiff_t b) { return a < b ? a : b; }

/// Copies `rows × depth` of A into panels of TILE_ROWS rows, each k-major, padding the
/// last panel with zeros so the micro-kernel always reads whole panels.
static void pack_left(const double *left, ptrdiff_t row_stride, ptrdiff_t column_stride, ptrdiff_t rows,
                      ptrdiff_t depth, double *packed) {
    for (ptrdiff_t panel_start = 0; panel_start < rows; panel_start += TILE_ROWS) {
        ptrdiff_t panel_rows = min_extent(TILE_ROWS, rows - panel_start);
        double *panel = packed + panel_start * depth;
        const double *source = left + panel_start * row_stride;
        for (ptrdiff_t k = 0; k < depth; k++) {
            const double *column = source + k * column_stride;
            double *target = panel + k * TILE_ROWS;
            ptrdiff_t row = 0;
            for (; row < panel_rows; row++) target[row] = column[row * row_stride];
            for (; row < TILE_ROWS; row++) target[row] = 0;
        }
    }
}

/// Copies `depth × columns` of B into panels of TILE_COLUMNS columns, each k-major,
/// padding the last panel with zeros. A row-major B is read row by row (contiguously),
/// a transposed one column by column.
DESCENT_AVX2 static void pack_right(const double *right, ptrdiff_t row_stride, ptrdiff_t column_stride,
                                    ptrdiff_t depth, ptrdiff_t columns, double *packed) {
    ptrdiff_t full_panels = columns / TILE_COLUMNS;
    if (column_stride == 1) {
        for (ptrdiff_t k = 0; k < depth; k++) {
            const double *source = right + k * row_stride;
            for (ptrdiff_t panel = 0; panel < full_panels; panel++) {
                double *target = packed + panel * TILE_COLUMNS * depth + k * TILE_COLUMNS;
                _mm256_storeu_pd(target, _mm256_loadu_pd(source + panel * TILE_COLUMNS));
                _mm256_storeu_pd(target + 4, _mm256_loadu_pd(source + panel * TILE_COLUMNS + 4));
            }
        }
    } else {
        for (ptrdiff_t panel = 0; panel < full_panels; panel++) {
            double *target = packed + panel * TILE_COLUMNS * depth;
            for (ptrdiff_t column = 0; column < TILE_COLUMNS; column++) {
                const double *source = right + (panel * TILE_COLUMNS + column) * column_stride;
                for (ptrdiff_t k = 0; k < depth; k++) target[k * TILE_COLUMNS + column] = source[k * row_stride];
            }
        }
    }
    ptrdiff_t remaining = columns - full_panels * TILE_COLUMNS;
    if (remaining > 0) {
        double *target = packed + full_panels * TILE_COLUMNS * depth;
        const double *source = right + full_panels * TILE_COLUMNS * column_stride;
        for (ptrdiff_t k = 0; k < depth; k++) {
            ptrdiff_t column = 0;
            for (; column < remaining; column++) target[k * TILE_COLUMNS + column] = source[k * row_stride + column * column_stride];
            for (; column < TILE_COLUMNS; column++) target[k * TILE_COLUMNS + column] = 0;
        }
    }
}

#define LOAD_ROW(r) \
    __m256d c##r##0 = _mm256_loadu_pd(tile + (r) * row_stride); \
    __m256d c##r##1 = _mm256_loadu_pd(tile + (r) * row_stride + 4);
#define UPDATE_ROW(r) \
    { \
        __m256d a##r = _mm256_broadcast_sd(left + (r)); \
        c##r##0 = _mm256_fmadd_pd(a##r, b0, c##r##0); \
        c##r##1 = _mm256_fmadd_pd(a##r, b1, c##r##1); \
    }
#define STORE_ROW(r) \
    _mm256_storeu_pd(tile + (r) * row_stride, c##r##0); \
    _mm256_storeu_pd(tile + (r) * row_stride + 4, c##r##1);

/// `tile[r, c] = fma(left[k][r], right[k][c], tile[r, c])` for k = 0 ..< depth in order:
/// the whole 6 × 8 tile, from a packed row panel and a packed column panel.
DESCENT_AVX2 static void micro_kernel(ptrdiff_t depth, const double *left, const double *right, double *tile,
                                      ptrdiff_t row_stride) {
    LOAD_ROW(0) LOAD_ROW(1) LOAD_ROW(2) LOAD_ROW(3) LOAD_ROW(4) LOAD_ROW(5)
    for (ptrdiff_t k = 0; k < depth; k++) {
        __m256d b0 = _mm256_loadu_pd(right);
        __m256d b1 = _mm256_loadu_pd(right + 4);
        UPDATE_ROW(0) UPDATE_ROW(1) UPDATE_ROW(2) UPDATE_ROW(3) UPDATE_ROW(4) UPDATE_ROW(5)
        left += TILE_ROWS;
        right += TILE_COLUMNS;
    }
    STORE_ROW(0) STORE_ROW(1) STORE_ROW(2) STORE_ROW(3) STORE_ROW(4) STORE_ROW(5)
}

/// A tile at the bottom or right edge of C goes through a full-size copy, so the
/// micro-kernel never touches memory outside C; the arithmetic per element is the same.
DESCENT_AVX2 static void edge_kernel(ptrdiff_t depth, const double *left, const double *right, double *tile,
                                     ptrdiff_t row_stride, ptrdiff_t rows, ptrdiff_t columns) {
    double copy[TILE_ROWS * TILE_COLUMNS];
    memset(copy, 0, sizeof copy);
    for (ptrdiff_t row = 0; row < rows; row++) {
        for (ptrdiff_t column = 0; column < columns; column++) copy[row * TILE_COLUMNS + column] = tile[row * row_stride + column];
    }
    micro_kernel(depth, left, right, copy, TILE_COLUMNS);
    for (ptrdiff_t row = 0; row < rows; row++) {
        for (ptrdiff_t column = 0; column < columns; column++) tile[row * row_stride + column] = copy[row * TILE_COLUMNS + column];
    }
}

DESCENT_AVX2 static void multiply_packed(const double *packed_left, const double *packed_right, ptrdiff_t rows,
                                         ptrdiff_t depth, ptrdiff_t columns, double *output, ptrdiff_t row_stride) {
    for (ptrdiff_t column_start = 0; column_start < columns; column_start += TILE_COLUMNS) {
        const double *right_panel = packed_right + column_start * depth;
        ptrdiff_t tile_columns = min_extent(TILE_COLUMNS, columns - column_start);
        for (ptrdiff_t row_start = 0; row_start < rows; row_start += TILE_ROWS) {
            const double *left_panel = packed_left + row_start * depth;
            ptrdiff_t tile_rows = min_extent(TILE_ROWS, rows - row_start);
            double *tile = output + row_start * row_stride + column_start;
            if (tile_rows == TILE_ROWS && tile_columns == TILE_COLUMNS) {
                micro_kernel(depth, left_panel, right_panel, tile, row_stride);
            } else {
                edge_kernel(depth, left_panel, right_panel, tile, row_stride, tile_rows, tile_columns);
            }
        }
    }
}

DESCENT_AVX2 void descent_gemm_accumulate_avx2(
    ptrdiff_t rows, ptrdiff_t inner, ptrdiff_t columns,
    const double *left, ptrdiff_t left_row_stride, ptrdiff_t left_column_stride,
    const double *right, ptrdiff_t right_row_stride, ptrdiff_t right_column_stride,
    double *output, ptrdiff_t output_row_stride, double *scratch) {
    if (rows <= 0 || inner <= 0 || columns <= 0) return;
    double *packed_left = scratch;
    double *packed_right = scratch + ROW_BLOCK * INNER_BLOCK;
    for (ptrdiff_t column_start = 0; column_start < columns; column_start += COLUMN_BLOCK) {
        ptrdiff_t column_count = min_extent(COLUMN_BLOCK, columns - column_start);
        // The blocks over k run in increasing order and each tile is stored to C between
        // them, so every element stays one chain of fused multiply-adds.
        for (ptrdiff_t inner_start = 0; inner_start < inner; inner_start += INNER_BLOCK) {
            ptrdiff_t depth = min_extent(INNER_BLOCK, inner - inner_start);
            pack_right(right + inner_start * right_row_stride + column_start * right_column_stride, right_row_stride,
                       right_column_stride, depth, column_count, packed_right);
            for (ptrdiff_t row_start = 0; row_start < rows; row_start += ROW_BLOCK) {
                ptrdiff_t row_count = min_extent(ROW_BLOCK, rows - row_start);
                pack_left(left + row_start * left_row_stride + inner_start * left_column_stride, left_row_stride,
                          left_column_stride, row_count, depth, packed_left);
                multiply_packed(packed_left, packed_right, row_count, depth, column_count,
                                output + row_start * output_row_stride + column_start, output_row_stride);
            }
        }
    }
}

#endif

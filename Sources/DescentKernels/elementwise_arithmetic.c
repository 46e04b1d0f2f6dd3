#include "elementwise_arithmetic.h"

#if defined(__x86_64__)

#include <immintrin.h>

// Each element is exactly one IEEE operation: nothing may be fused into a multiply-add.
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

#define DESCENT_AVX2 __attribute__((target("avx2")))
#define ALWAYS_INLINE inline __attribute__((always_inline))

DESCENT_AVX2 static ALWAYS_INLINE __m256d vector_apply(descent_arithmetic_operation operation, __m256d a, __m256d b) {
    switch (operation) {
    case 0: return _mm256_add_pd(a, b);
    case 1: return _mm256_sub_pd(a, b);
    case 2: return _mm256_mul_pd(a, b);
    default: return _mm256_div_pd(a, b);
    }
}

static ALWAYS_INLINE double scalar_apply(descent_arithmetic_operation operation, double a, double b) {
    switch (operation) {
    case 0: return a + b;
    case 1: return a - b;
    case 2: return a * b;
    default: return a / b;
    }
}

/// One operation and one pair of steps per instantiation, so each loop is straight-line.
#define DEFINE_LOOP(name, operation, leftVector, rightVector, leftScalar, rightScalar)                  \
    DESCENT_AVX2 static void name(const double *left, const double *right, double *output, ptrdiff_t count) { \
        ptrdiff_t i = 0;                                                                                \
        for (; i + 4 <= count; i += 4) {                                                                \
            _mm256_storeu_pd(output + i, vector_apply(operation, leftVector, rightVector));              \
        }                                                                                               \
        for (; i < count; i++) output[i] = scalar_apply(operation, leftScalar, rightScalar);          \
    }

#define DEFINE_LOOPS(operation, suffix)                                                                 \
    DEFINE_LOOP(both_##suffix, operation, _mm256_loadu_pd(left + i), _mm256_loadu_pd(right + i), left[i], right[i]) \
    DEFINE_LOOP(left_##suffix, operation, _mm256_loadu_pd(left + i), _mm256_broadcast_sd(right), left[i], right[0]) \
    DEFINE_LOOP(right_##suffix, operation, _mm256_broadcast_sd(left), _mm256_loadu_pd(right + i), left[0], right[i])

DEFINE_LOOPS(0, add)
DEFINE_LOOPS(1, subtract)
DEFINE_LOOPS(2, multiply)
DEFINE_LOOPS(3, divide)

typedef void (*arithmetic_loop)(const double *, const double *, double *, ptrdiff_t);

void descent_arithmetic_avx2(
    descent_arithmetic_operation operation, const double *left, ptrdiff_t leftStep, const double *right,
    ptrdiff_t rightStep, double *output, ptrdiff_t count) {
    static const arithmetic_loop loops[4][3] = {
        {both_add, left_add, right_add},
        {both_subtract, left_subtract, right_subtract},
        {both_multiply, left_multiply, right_multiply},
        {both_divide, left_divide, right_divide},
    };
    if (count <= 0 || operation < 0 || operation > 3) return;
    if (leftStep == 0 && rightStep == 0) {
        for (ptrdiff_t i = 0; i < count; i++) output[i] = scalar_apply(operation, left[0], right[0]);
        return;
    }
    // Steps 1 and 1, 1 and 0, 0 and 1.
    int form = leftStep == 0 ? 2 : (rightStep == 0 ? 1 : 0);
    loops[operation][form](left, right, output, count);
}

#endif

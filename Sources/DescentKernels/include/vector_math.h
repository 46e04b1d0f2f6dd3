#ifndef DESCENT_VECTOR_MATH_H
#define DESCENT_VECTOR_MATH_H

#include <stddef.h>

// Elementwise functions of double arrays compiled for AVX2 and FMA. Call them only when
// `descent_has_avx2_fma()` is true. Each reads `input[i]` and writes `output[i]` for
// `i < count` (nothing when count is zero or negative); `output` may equal `input`.
//
// Accuracy: within 2 ULP of the correctly rounded result over the whole domain (the tests
// measure under 1 ULP against long-double references), so the last bits may differ from
// glibc's. Every element goes through the same 4-lane code, the tail included, so a value
// gives the same bits wherever it sits in an array and in an array of one.
// Special values are exact: ±0 keep their sign, NaN propagates, exp overflows to +inf and
// underflows to +0 (through the subnormals), tanh saturates to exactly ±1, and sigmoid
// reaches exactly 0 and 1.

#if defined(__x86_64__)

/// `output[i] = exp(input[i])`.
void descent_vector_exp_avx2(const double *input, double *output, ptrdiff_t count);

/// `output[i] = tanh(input[i])`.
void descent_vector_tanh_avx2(const double *input, double *output, ptrdiff_t count);

/// `output[i] = 1 / (1 + exp(-input[i]))`, the logistic function.
void descent_vector_sigmoid_avx2(const double *input, double *output, ptrdiff_t count);

#endif

#endif

#ifndef DESCENT_ELEMENTWISE_ARITHMETIC_H
#define DESCENT_ELEMENTWISE_ARITHMETIC_H

#include <stddef.h>

// The four arithmetic operations over double arrays, four lanes at a time with AVX2. Call
// only when `descent_has_avx2_fma()` is true. Each element is one IEEE operation, never
// fused with another, so the bits are those of the plain C (or Swift) expression.

/// The operation: 0 add, 1 subtract, 2 multiply, 3 divide.
typedef int descent_arithmetic_operation;

#if defined(__x86_64__)

/// `output[i] = left[i * leftStep] <operation> right[i * rightStep]` for `i < count`, where
/// each step is 0 (one number for every element) or 1. `output` may be `left` or `right`
/// when that operand's step is 1.
void descent_arithmetic_avx2(
    descent_arithmetic_operation operation, const double *left, ptrdiff_t leftStep, const double *right,
    ptrdiff_t rightStep, double *output, ptrdiff_t count);

#endif

#endif

#include "vector_math.h"

#if defined(__x86_64__)

#include <immintrin.h>

// Every multiply-add below is written as an explicit fused intrinsic; the compiler must not
// fuse the others, or the error-free transformations (two-sums, exact remainders) break.
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

#define DESCENT_AVX2 __attribute__((target("avx2,fma")))
#define ALWAYS_INLINE inline __attribute__((always_inline))

/// Adds `1.5 · 2^52`: the sum's low mantissa bits then hold the nearest integer.
static const double INTEGER_SHIFTER = 0x1.8p52;
static const double LOG2_E = 0x1.71547652b82fep0;
/// ln 2 split so that `k · LN2_HIGH` is exact for |k| < 2^21 (fdlibm's split).
static const double LN2_HIGH = 6.93147180369123816490e-01;
static const double LN2_LOW = 1.90821492927058770002e-10;
/// Inputs are clamped here: exp(-746) rounds to +0 and exp(710) overflows, like every
/// input beyond them, and 2^k then stays within the two-step scaling's reach.
static const double EXP_LOWEST = -746.0;
static const double EXP_HIGHEST = 710.0;

/// `(a + b)` as `*sum + *error` exactly (Knuth's two-sum, any magnitudes).
DESCENT_AVX2 static ALWAYS_INLINE void two_sum(__m256d a, __m256d b, __m256d *sum, __m256d *error) {
    __m256d s = _mm256_add_pd(a, b);
    __m256d bVirtual = _mm256_sub_pd(s, a);
    __m256d aVirtual = _mm256_sub_pd(s, bVirtual);
    *sum = s;
    *error = _mm256_add_pd(_mm256_sub_pd(a, aVirtual), _mm256_sub_pd(b, bVirtual));
}

/// `(a + b)` as `*sum + *error` exactly, when |a| >= |b| or a is 0 (Dekker's fast two-sum).
DESCENT_AVX2 static ALWAYS_INLINE void fast_two_sum(__m256d a, __m256d b, __m256d *sum, __m256d *error) {
    __m256d s = _mm256_add_pd(a, b);
    *sum = s;
    *error = _mm256_sub_pd(b, _mm256_sub_pd(s, a));
}

/// 2^k for integral doubles k in [-1022, 1023], built from the exponent bits.
DESCENT_AVX2 static ALWAYS_INLINE __m256d power_of_two(__m256d k) {
    const __m256d shifter = _mm256_set1_pd(INTEGER_SHIFTER);
    // bits(k + shifter) = bits(shifter) + k; subtracting bits(shifter) and adding the bias
    // in one integer addition leaves k + 1023, which the shift moves into the exponent.
    const __m256i rebias = _mm256_sub_epi64(_mm256_set1_epi64x(1023), _mm256_castpd_si256(shifter));
    __m256i biased = _mm256_add_epi64(_mm256_castpd_si256(_mm256_add_pd(k, shifter)), rebias);
    return _mm256_castsi256_pd(_mm256_slli_epi64(biased, 52));
}

/// exp(y) for every lane that is not NaN (a NaN lane gives a number the caller replaces).
///
/// y = k·ln2 + r with |r| <= ln2/2; exp(r) = 1 + r + r²·P(r) with P the Taylor series to
/// r^13/13! (truncation below 2^-57). `1 + r` is kept as a two-term sum, and the rounding
/// error of the reduction joins its low term, so the only large rounding is the final
/// one; the result is then scaled by 2^k in two exact steps (one rounding for subnormals).
DESCENT_AVX2 static ALWAYS_INLINE __m256d exp_lanes(__m256d y) {
    y = _mm256_min_pd(_mm256_max_pd(y, _mm256_set1_pd(EXP_LOWEST)), _mm256_set1_pd(EXP_HIGHEST));
    const __m256d shifter = _mm256_set1_pd(INTEGER_SHIFTER);
    __m256d k = _mm256_sub_pd(_mm256_fmadd_pd(y, _mm256_set1_pd(LOG2_E), shifter), shifter);
    __m256d reducedHigh = _mm256_fnmadd_pd(k, _mm256_set1_pd(LN2_HIGH), y);
    __m256d correction = _mm256_mul_pd(k, _mm256_set1_pd(-LN2_LOW));
    __m256d r, reductionError;
    two_sum(reducedHigh, correction, &r, &reductionError);

    // Estrin's scheme: a dependency chain of five steps instead of Horner's twelve, so
    // consecutive vectors overlap in the pipeline.
    __m256d square = _mm256_mul_pd(r, r);
    __m256d fourth = _mm256_mul_pd(square, square);
    __m256d c01 = _mm256_fmadd_pd(_mm256_set1_pd(1.0 / 6.0), r, _mm256_set1_pd(0.5));
    __m256d c23 = _mm256_fmadd_pd(_mm256_set1_pd(1.0 / 120.0), r, _mm256_set1_pd(1.0 / 24.0));
    __m256d c45 = _mm256_fmadd_pd(_mm256_set1_pd(1.0 / 5040.0), r, _mm256_set1_pd(1.0 / 720.0));
    __m256d c67 = _mm256_fmadd_pd(_mm256_set1_pd(1.0 / 362880.0), r, _mm256_set1_pd(1.0 / 40320.0));
    __m256d c89 = _mm256_fmadd_pd(_mm256_set1_pd(1.0 / 39916800.0), r, _mm256_set1_pd(1.0 / 3628800.0));
    __m256d c1011 = _mm256_fmadd_pd(_mm256_set1_pd(1.0 / 6227020800.0), r, _mm256_set1_pd(1.0 / 479001600.0));
    __m256d c03 = _mm256_fmadd_pd(c23, square, c01);
    __m256d c47 = _mm256_fmadd_pd(c67, square, c45);
    __m256d c811 = _mm256_fmadd_pd(c1011, square, c89);
    __m256d p = _mm256_fmadd_pd(_mm256_fmadd_pd(c811, fourth, c47), fourth, c03);

    __m256d high, low;
    fast_two_sum(_mm256_set1_pd(1.0), r, &high, &low);
    low = _mm256_add_pd(low, reductionError);
    low = _mm256_fmadd_pd(square, p, low);
    __m256d mantissa = _mm256_add_pd(high, low);

    __m256d firstHalf = _mm256_floor_pd(_mm256_mul_pd(k, _mm256_set1_pd(0.5)));
    __m256d secondHalf = _mm256_sub_pd(k, firstHalf);
    return _mm256_mul_pd(_mm256_mul_pd(mantissa, power_of_two(firstHalf)), power_of_two(secondHalf));
}

/// Lanes of `result` where `x` is NaN replaced by a quiet NaN from `x`.
DESCENT_AVX2 static ALWAYS_INLINE __m256d propagate_nan(__m256d x, __m256d result) {
    __m256d isNaN = _mm256_cmp_pd(x, x, _CMP_UNORD_Q);
    return _mm256_blendv_pd(result, _mm256_add_pd(x, x), isNaN);
}

DESCENT_AVX2 static ALWAYS_INLINE __m256d exp_vector(__m256d x) {
    return propagate_nan(x, exp_lanes(x));
}

/// Below this magnitude tanh uses the rational approximation, above it exp.
static const double TANH_RATIONAL_LIMIT = 0.625;
/// tanh(22) rounds to 1, as does tanh of every larger magnitude; clamping there keeps
/// exp finite.
static const double TANH_SATURATION = 22.0;

/// tanh(a) = a + a·a²·P(a²)/Q(a²) for 0 <= a < 0.625 (Cephes' minimax coefficients): the
/// correction is under an eighth of a, so its rounding errors shrink before they reach
/// the result. Returns a·a²·P(a²) in `*scaledNumerator` and Q(a²) in `*denominator`.
DESCENT_AVX2 static ALWAYS_INLINE void tanh_rational_terms(__m256d a, __m256d *scaledNumerator, __m256d *denominator) {
    __m256d z = _mm256_mul_pd(a, a);
    __m256d numerator = _mm256_set1_pd(-9.64399179425052238628E-1);
    numerator = _mm256_fmadd_pd(numerator, z, _mm256_set1_pd(-9.92877231001918586564E1));
    numerator = _mm256_fmadd_pd(numerator, z, _mm256_set1_pd(-1.61468768441708447952E3));
    __m256d q = _mm256_add_pd(z, _mm256_set1_pd(1.12811678491632931402E2));
    q = _mm256_fmadd_pd(q, z, _mm256_set1_pd(2.23548839060100448583E3));
    *denominator = _mm256_fmadd_pd(q, z, _mm256_set1_pd(4.84406305325125486048E3));
    *scaledNumerator = _mm256_mul_pd(_mm256_mul_pd(a, z), numerator);
}

/// tanh(a) = 1 - 2/(exp(2a) + 1) for a >= 0.625, with the sum, the quotient and the
/// difference carried to double length: only exp's error (damped, since the result moves
/// less than exp does) and the final rounding remain. `reciprocal` is RN(1/sumHigh).
DESCENT_AVX2 static ALWAYS_INLINE __m256d tanh_from_exp(__m256d sumHigh, __m256d sumLow, __m256d reciprocal) {
    const __m256d one = _mm256_set1_pd(1.0);
    const __m256d two = _mm256_set1_pd(2.0);
    // 2·RN(1/s) is RN(2/s); the small correction needs no more than the reciprocal's
    // precision. two - quotient·sumHigh is exact with one fused rounding; the low term of
    // the sum then enters the remainder.
    __m256d quotient = _mm256_add_pd(reciprocal, reciprocal);
    __m256d remainder = _mm256_fnmadd_pd(quotient, sumHigh, two);
    remainder = _mm256_fnmadd_pd(quotient, sumLow, remainder);
    __m256d quotientLow = _mm256_mul_pd(remainder, reciprocal);
    __m256d differenceHigh, differenceLow;
    fast_two_sum(one, _mm256_sub_pd(_mm256_setzero_pd(), quotient), &differenceHigh, &differenceLow);
    return _mm256_add_pd(differenceHigh, _mm256_sub_pd(differenceLow, quotientLow));
}

/// Both formulas for every lane, sharing one division: each lane divides by the
/// denominator of the formula it keeps.
DESCENT_AVX2 static ALWAYS_INLINE __m256d tanh_vector(__m256d x) {
    const __m256d signBit = _mm256_set1_pd(-0.0);
    const __m256d limit = _mm256_set1_pd(TANH_RATIONAL_LIMIT);
    __m256d magnitude = _mm256_andnot_pd(signBit, x);
    __m256d isSmall = _mm256_cmp_pd(magnitude, limit, _CMP_LT_OQ);
    // min returns its second operand for NaN, so NaN lanes compute tanh(22) harmlessly.
    __m256d saturated = _mm256_min_pd(magnitude, _mm256_set1_pd(TANH_SATURATION));
    __m256d small = _mm256_min_pd(saturated, limit);
    __m256d scaledNumerator, rationalDenominator;
    tanh_rational_terms(small, &scaledNumerator, &rationalDenominator);
    __m256d power = exp_lanes(_mm256_mul_pd(_mm256_max_pd(saturated, limit), _mm256_set1_pd(2.0)));
    __m256d sumHigh, sumLow;
    fast_two_sum(power, _mm256_set1_pd(1.0), &sumHigh, &sumLow);
    __m256d reciprocal = _mm256_div_pd(_mm256_set1_pd(1.0), _mm256_blendv_pd(sumHigh, rationalDenominator, isSmall));
    __m256d rational = _mm256_fmadd_pd(scaledNumerator, reciprocal, small);
    __m256d large = tanh_from_exp(sumHigh, sumLow, reciprocal);
    __m256d unsignedResult = _mm256_blendv_pd(large, rational, isSmall);
    return propagate_nan(x, _mm256_or_pd(unsignedResult, _mm256_and_pd(x, signBit)));
}

/// 1/(1 + e) for x >= 0 and e/(1 + e) below, with e = exp(-|x|) <= 1 so nothing
/// overflows; the denominator is a two-term sum and the quotient (numerator times the one
/// reciprocal) is corrected by its exact remainder, leaving exp's error (damped by
/// e/(1 + e) <= 1/2 above 0) and one rounding.
DESCENT_AVX2 static ALWAYS_INLINE __m256d sigmoid_vector(__m256d x) {
    const __m256d signBit = _mm256_set1_pd(-0.0);
    const __m256d one = _mm256_set1_pd(1.0);
    __m256d decay = exp_lanes(_mm256_or_pd(x, signBit));
    __m256d isNegative = _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_LT_OQ);
    __m256d numerator = _mm256_blendv_pd(one, decay, isNegative);
    __m256d sumHigh, sumLow;
    fast_two_sum(one, decay, &sumHigh, &sumLow);
    __m256d reciprocal = _mm256_div_pd(one, sumHigh);
    __m256d quotient = _mm256_mul_pd(numerator, reciprocal);
    __m256d remainder = _mm256_fnmadd_pd(quotient, sumHigh, numerator);
    remainder = _mm256_fnmadd_pd(quotient, sumLow, remainder);
    __m256d result = _mm256_fmadd_pd(remainder, reciprocal, quotient);
    return propagate_nan(x, result);
}

/// Applies `FUNCTION` to `count` doubles, two independent vectors at a time so their
/// latencies overlap; the last one to three go through a zero-padded vector so they get
/// exactly the bits a full vector would give them.
#define DEFINE_ELEMENTWISE_KERNEL(NAME, FUNCTION)                                          \
    DESCENT_AVX2 void NAME(const double *input, double *output, ptrdiff_t count) {       \
        ptrdiff_t index = 0;                                                             \
        for (; index + 8 <= count; index += 8) {                                         \
            __m256d first = FUNCTION(_mm256_loadu_pd(input + index));                    \
            __m256d second = FUNCTION(_mm256_loadu_pd(input + index + 4));               \
            _mm256_storeu_pd(output + index, first);                                     \
            _mm256_storeu_pd(output + index + 4, second);                                \
        }                                                                                \
        for (; index + 4 <= count; index += 4) {                                         \
            _mm256_storeu_pd(output + index, FUNCTION(_mm256_loadu_pd(input + index)));  \
        }                                                                                \
        if (index < count) {                                                             \
            double padded[4] = {0, 0, 0, 0};                                             \
            ptrdiff_t rest = count - index;                                              \
            for (ptrdiff_t lane = 0; lane < rest; lane++) padded[lane] = input[index + lane]; \
            _mm256_storeu_pd(padded, FUNCTION(_mm256_loadu_pd(padded)));                 \
            for (ptrdiff_t lane = 0; lane < rest; lane++) output[index + lane] = padded[lane]; \
        }                                                                                \
    }

DEFINE_ELEMENTWISE_KERNEL(descent_vector_exp_avx2, exp_vector)
DEFINE_ELEMENTWISE_KERNEL(descent_vector_tanh_avx2, tanh_vector)
DEFINE_ELEMENTWISE_KERNEL(descent_vector_sigmoid_avx2, sigmoid_vector)

#endif

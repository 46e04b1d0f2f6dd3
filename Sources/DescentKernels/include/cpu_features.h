#ifndef DESCENT_CPU_FEATURES_H
#define DESCENT_CPU_FEATURES_H

#include <stdbool.h>

/// Whether this processor runs AVX2 and FMA instructions, so the kernels compiled for
/// them may be called; everything else takes the portable path.
bool descent_has_avx2_fma(void);

#endif

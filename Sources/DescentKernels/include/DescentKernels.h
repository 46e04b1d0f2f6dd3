#ifndef DESCENT_KERNELS_H
#define DESCENT_KERNELS_H

// The C kernels Swift calls: each header is one concept.
#include "cpu_features.h"
#include "elementwise_arithmetic.h"
#include "matmul_kernels.h"
#include "memory_tuning.h"
#include "vector_math.h"

#endif

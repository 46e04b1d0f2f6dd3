#include "memory_tuning.h"

// Any C library header defines __GLIBC__ when the library is glibc.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void descent_keep_freed_memory(void) {
#if defined(__GLIBC__)
    // Blocks up to 32 MiB (glibc's largest threshold) come from the heap; the heap is
    // trimmed only when 2 GiB sit free at its top, and grows with 64 MiB of headroom, so
    // a step's arrays land on pages the previous step already touched.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 0x7fffffff);
    mallopt(M_TOP_PAD, 64 << 20);
#endif
}

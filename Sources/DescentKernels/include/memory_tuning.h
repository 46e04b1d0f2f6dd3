#ifndef DESCENT_MEMORY_TUNING_H
#define DESCENT_MEMORY_TUNING_H

/// Asks the C allocator to keep freed memory for reuse instead of returning it to the
/// kernel. A training step frees and re-allocates arrays of the same sizes every step;
/// by default glibc serves arrays over its mmap threshold with fresh pages and unmaps
/// them on free, and touching a fresh page costs microseconds. A process calls this once,
/// before it allocates much; it does nothing where the allocator is not glibc's.
void descent_keep_freed_memory(void);

#endif

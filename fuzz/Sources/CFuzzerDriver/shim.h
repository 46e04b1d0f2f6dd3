#include <stddef.h>
#include <stdint.h>

/// libFuzzer's documented entry for a program that has its own main: parses the usual
/// libFuzzer flags from argc/argv and calls `callback` with each input it generates.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

// memory.hpp: keep freed memory for the next batch instead of handing it back to the system.
//
// Introduced in chapter 11. Every batch of its ConvNet allocates and frees the same large
// tensors (the first convolution's output alone is 250 · 26 · 26 · 32 floats, 22 MB). glibc's
// malloc serves blocks that large with mmap and returns the top of its heap to the system once
// more than a threshold is free, so each batch would fault every page of them in again: a
// third of the ConvNet's time before this. keep_freed_memory() raises both thresholds once, at
// the start of main(): blocks up to 32 MB (glibc's largest threshold) come from the heap, and
// the heap keeps what it has. Only speed changes, never a number. Elsewhere it does nothing.
#pragma once

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace gd {

inline void keep_freed_memory() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
#endif
}

}  // namespace gd

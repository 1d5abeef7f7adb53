// blas.hpp: which kernels and how many threads OpenBLAS uses.
//
// Introduced in chapter 11, whose time goes almost all into sgemm. OpenBLAS is built for
// Debian with DYNAMIC_ARCH: when the library loads, it looks at the CPU's model number and picks
// the kernels written for that CPU. Debian 12's OpenBLAS (0.3.21, 2022) does not know models
// released after it (Sapphire and Emerald Rapids, for one) and falls back to "Prescott", its
// SSE3 kernels, which run sgemm three to four times slower than the AVX-512 ones the CPU can
// run. The library honours the environment variable OPENBLAS_CORETYPE, but reads it only while
// loading, before main() starts. So prefer_fast_kernels() checks what was chosen and, if it is
// the fallback on a CPU with AVX-512 or AVX2, sets the variable and executes the program again,
// once. Kernels differ in the order they add products up, so float results can differ in their
// last bits between machines that end up with different kernels.
// The CPU check and the restart need an x86-64 CPU, GCC's or clang's __builtin_cpu_supports and
// Linux's /proc/self/exe; elsewhere prefer_fast_kernels() leaves OpenBLAS's own choice alone.
#pragma once

#if defined(__x86_64__) && defined(__linux__) && defined(__GNUC__)
#define GD_BLAS_CAN_RESTART 1
#include <unistd.h>
#endif

#include <cstdlib>
#include <cstring>
#include <string>

extern "C" {
char* openblas_get_corename(void);
void openblas_set_num_threads(int);
int openblas_get_num_threads(void);
}

namespace gd::blas {

inline std::string core() {
    return openblas_get_corename();
}
inline int threads() {
    return openblas_get_num_threads();
}
inline void set_threads(int n) {
    openblas_set_num_threads(n);
}

// The kernels this CPU can run, by OpenBLAS's names; empty if the fallback is all it can do.
inline const char* best_core_for_this_cpu() {
#ifndef GD_BLAS_CAN_RESTART
    return "";
#else
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq")) {
        return "SkylakeX";
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "Haswell";
    return "";
#endif
}

// Call first thing in main(). Returns normally unless it restarts the program (then it never
// returns: the new process runs main() again, finds OPENBLAS_CORETYPE set and goes on).
inline void prefer_fast_kernels([[maybe_unused]] char** argv) {
#ifdef GD_BLAS_CAN_RESTART
    if (std::getenv("OPENBLAS_CORETYPE")) return;  // the user chose, or we already restarted
    if (core() != "Prescott") return;              // the library knows this CPU
    const char* better = best_core_for_this_cpu();
    if (*better == '\0') return;
    setenv("OPENBLAS_CORETYPE", better, 1);
    execv("/proc/self/exe", argv);  // returns only on failure: then carry on, just slower
#endif
}

}  // namespace gd::blas

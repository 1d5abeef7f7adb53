// gemm.cpp: the fixed-order matrix product of gemm.hpp: blocking, packing and three kernels.
//
// The layout is the classic one of GotoBLAS and BLIS (Goto & van de Geijn, "Anatomy of
// high-performance matrix multiplication", 2008): C is computed in tiles of MR × NR numbers
// that live in vector registers for a whole block of k; the columns of op(B) a tile needs are
// first copied ("packed") into a small contiguous panel, so the kernel reads them in order,
// while op(A)'s numbers are read where they are, one at a time, and broadcast. What is ours is
// the order: every element of C is the chain
//     c ← 0, then c ← fma(a_ip, b_pj, c) for p = 0, 1, …, k − 1
// (one rounding per step), and a block of k that is not the first starts its chain from the
// partial sum the previous block left in C. So the blocking changes nothing, and each kernel,
// portable, AVX2 or AVX-512, computes the same bits: a vector register holds NR/L neighbouring
// elements of one row of C, each lane running its own chain, and wider registers only run more
// chains side by side. tests/test_gemm.cpp checks every kernel against the chain written out.
#include "autodiff/gemm.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define GD_GEMM_X86 1
#include <immintrin.h>
#endif

namespace gd {
namespace {

// The blocks. They decide how fast, never what: an A block (kMc × kKc) stays in the L2 cache, a
// B panel (kKc × NR) in L1, and the B block (kKc × kNc) in L3, on any CPU of the last decade.
constexpr std::size_t kKc = 256;   // depth of a block of k
constexpr std::size_t kMc = 144;   // rows of op(A) per block
constexpr std::size_t kNc = 3072;  // columns of op(B) packed at once

// One MR × NR tile: c[r·ldc + j] continues (chain) or starts (from 0) its chain over the kc
// products a(r, p) · pb[p·NR + j], p = 0 … kc − 1, where a(r, p) is a[r·lda + p] when A's
// rows are op(A)'s rows (RowsA), and a[p·lda + r] when they are its columns (a transposed A,
// or a packed panel with lda = MR).
template <class T>
using TileFn = void (*)(std::size_t kc, const T* a, std::size_t lda, const T* pb, T* c,
                        std::size_t ldc, bool chain);

template <bool RowsA>
constexpr std::size_t at(std::size_t r, std::size_t p, std::size_t lda) {
    return RowsA ? r * lda + p : p * lda + r;
}

// ---- Portable: std::fma, one rounding per product as in the vector kernels ------------------

template <class T, std::size_t MR, std::size_t NR, bool RowsA>
void tile_portable(std::size_t kc, const T* a, std::size_t lda, const T* pb, T* c, std::size_t ldc,
                   bool chain) {
    T acc[MR][NR];
    for (std::size_t r = 0; r < MR; ++r)
        for (std::size_t j = 0; j < NR; ++j) acc[r][j] = chain ? c[r * ldc + j] : T(0);
    for (std::size_t p = 0; p < kc; ++p, pb += NR) {
        for (std::size_t r = 0; r < MR; ++r) {
            const T arp = a[at<RowsA>(r, p, lda)];
            for (std::size_t j = 0; j < NR; ++j) acc[r][j] = std::fma(arp, pb[j], acc[r][j]);
        }
    }
    for (std::size_t r = 0; r < MR; ++r)
        for (std::size_t j = 0; j < NR; ++j) c[r * ldc + j] = acc[r][j];
}

#ifdef GD_GEMM_X86
// ---- AVX2 + FMA: 8 floats or 4 doubles a register -----------------------------------------

#define GD_AVX2 __attribute__((target("avx2,fma"), always_inline)) inline
struct Avx2 {
    GD_AVX2 static __m256 load(const float* p) { return _mm256_loadu_ps(p); }
    GD_AVX2 static __m256d load(const double* p) { return _mm256_loadu_pd(p); }
    GD_AVX2 static void store(float* p, __m256 v) { _mm256_storeu_ps(p, v); }
    GD_AVX2 static void store(double* p, __m256d v) { _mm256_storeu_pd(p, v); }
    GD_AVX2 static __m256 broadcast(const float* p) { return _mm256_broadcast_ss(p); }
    GD_AVX2 static __m256d broadcast(const double* p) { return _mm256_broadcast_sd(p); }
    GD_AVX2 static __m256 zero(const float*) { return _mm256_setzero_ps(); }
    GD_AVX2 static __m256d zero(const double*) { return _mm256_setzero_pd(); }
    GD_AVX2 static __m256 fma(__m256 a, __m256 b, __m256 c) { return _mm256_fmadd_ps(a, b, c); }
    GD_AVX2 static __m256d fma(__m256d a, __m256d b, __m256d c) { return _mm256_fmadd_pd(a, b, c); }
};

// MR rows × NV registers of C held in MR·NV accumulators: per step p, NV loads of op(B)'s row
// p, then for each row r one broadcast of a(r, p) and NV fused multiply-adds, each lane of a
// register one element of C continuing its own chain.
template <class T, std::size_t MR, std::size_t NV, bool RowsA>
__attribute__((target("avx2,fma"))) void tile_avx2(std::size_t kc, const T* a, std::size_t lda,
                                                   const T* pb, T* c, std::size_t ldc, bool chain) {
    using V = decltype(Avx2::load(pb));
    constexpr std::size_t L = sizeof(V) / sizeof(T), NR = NV * L;
    V acc[MR][NV];
#pragma GCC unroll 16
    for (std::size_t r = 0; r < MR; ++r)
#pragma GCC unroll 4
        for (std::size_t v = 0; v < NV; ++v)
            acc[r][v] = chain ? Avx2::load(c + r * ldc + v * L) : Avx2::zero(c);
    for (std::size_t p = 0; p < kc; ++p, pb += NR) {
        V b[NV];
#pragma GCC unroll 4
        for (std::size_t v = 0; v < NV; ++v) b[v] = Avx2::load(pb + v * L);  // b_pj, NR of them
#pragma GCC unroll 16
        for (std::size_t r = 0; r < MR; ++r) {
            const V arp = Avx2::broadcast(a + at<RowsA>(r, p, lda));  // a(r, p) in every lane
#pragma GCC unroll 4
            for (std::size_t v = 0; v < NV; ++v) acc[r][v] = Avx2::fma(arp, b[v], acc[r][v]);
        }
    }
#pragma GCC unroll 16
    for (std::size_t r = 0; r < MR; ++r)
#pragma GCC unroll 4
        for (std::size_t v = 0; v < NV; ++v) Avx2::store(c + r * ldc + v * L, acc[r][v]);
}

// ---- AVX-512: 16 floats or 8 doubles a register, the same chains twice as many at a time ----

#define GD_AVX512 __attribute__((target("avx512f"), always_inline)) inline
struct Avx512 {
    GD_AVX512 static __m512 load(const float* p) { return _mm512_loadu_ps(p); }
    GD_AVX512 static __m512d load(const double* p) { return _mm512_loadu_pd(p); }
    GD_AVX512 static void store(float* p, __m512 v) { _mm512_storeu_ps(p, v); }
    GD_AVX512 static void store(double* p, __m512d v) { _mm512_storeu_pd(p, v); }
    GD_AVX512 static __m512 broadcast(const float* p) { return _mm512_set1_ps(*p); }
    GD_AVX512 static __m512d broadcast(const double* p) { return _mm512_set1_pd(*p); }
    GD_AVX512 static __m512 zero(const float*) { return _mm512_setzero_ps(); }
    GD_AVX512 static __m512d zero(const double*) { return _mm512_setzero_pd(); }
    GD_AVX512 static __m512 fma(__m512 a, __m512 b, __m512 c) { return _mm512_fmadd_ps(a, b, c); }
    GD_AVX512 static __m512d fma(__m512d a, __m512d b, __m512d c) {
        return _mm512_fmadd_pd(a, b, c);
    }
};

template <class T, std::size_t MR, std::size_t NV, bool RowsA>
__attribute__((target("avx512f"))) void tile_avx512(std::size_t kc, const T* a, std::size_t lda,
                                                    const T* pb, T* c, std::size_t ldc,
                                                    bool chain) {
    using V = decltype(Avx512::load(pb));
    constexpr std::size_t L = sizeof(V) / sizeof(T), NR = NV * L;
    V acc[MR][NV];
#pragma GCC unroll 16
    for (std::size_t r = 0; r < MR; ++r)
#pragma GCC unroll 4
        for (std::size_t v = 0; v < NV; ++v)
            acc[r][v] = chain ? Avx512::load(c + r * ldc + v * L) : Avx512::zero(c);
    for (std::size_t p = 0; p < kc; ++p, pb += NR) {
        V b[NV];
#pragma GCC unroll 4
        for (std::size_t v = 0; v < NV; ++v) b[v] = Avx512::load(pb + v * L);  // b_pj
#pragma GCC unroll 16
        for (std::size_t r = 0; r < MR; ++r) {
            const V arp = Avx512::broadcast(a + at<RowsA>(r, p, lda));  // a(r, p) in every lane
#pragma GCC unroll 4
            for (std::size_t v = 0; v < NV; ++v) acc[r][v] = Avx512::fma(arp, b[v], acc[r][v]);
        }
    }
#pragma GCC unroll 16
    for (std::size_t r = 0; r < MR; ++r)
#pragma GCC unroll 4
        for (std::size_t v = 0; v < NV; ++v) Avx512::store(c + r * ldc + v * L, acc[r][v]);
}
#endif  // GD_GEMM_X86

// The last rows of op(A), fewer than MR: copied into a panel with zero rows below, in the
// column layout (dst[p·MR + r] = op(A)(i0 + r, p0 + p)), so the tile never reads past A.
template <class T, std::size_t MR>
void pack_a_edge(bool trans, const T* a, std::size_t lda, std::size_t i0, std::size_t p0,
                 std::size_t mr, std::size_t kc, T* dst) {
    for (std::size_t q = 0; q < kc * MR; ++q) dst[q] = T(0);
    if (trans) {  // op(A)(i, p) = a[p·lda + i]: mr neighbours in each row of a
        for (std::size_t p = 0; p < kc; ++p)
            for (std::size_t r = 0; r < mr; ++r) dst[p * MR + r] = a[(p0 + p) * lda + i0 + r];
    } else {  // op(A)(i, p) = a[i·lda + p]: mr rows of a, interleaved
        for (std::size_t r = 0; r < mr; ++r) {
            const T* row = a + (i0 + r) * lda + p0;
            for (std::size_t p = 0; p < kc; ++p) dst[p * MR + r] = row[p];
        }
    }
}

// A panel of op(B): columns j0 … j0 + nr − 1 (nr ≤ NR, the rest zero), depth p0 … p0 + kc − 1:
// dst[p·NR + j] = op(B)(p0 + p, j0 + j).
template <class T, std::size_t NR>
void pack_b(bool trans, const T* b, std::size_t ldb, std::size_t p0, std::size_t j0, std::size_t kc,
            std::size_t nr, T* dst) {
    if (!trans && nr == NR) {  // op(B)(p, j) = b[p·ldb + j]: NR neighbours in a row of b
        for (std::size_t p = 0; p < kc; ++p)
            for (std::size_t j = 0; j < NR; ++j) dst[p * NR + j] = b[(p0 + p) * ldb + j0 + j];
        return;
    }
    for (std::size_t q = 0; q < kc * NR; ++q) dst[q] = T(0);
    for (std::size_t j = 0; j < nr; ++j)
        for (std::size_t p = 0; p < kc; ++p)
            dst[p * NR + j] = trans ? b[(j0 + j) * ldb + p0 + p] : b[(p0 + p) * ldb + j0 + j];
}

// Scratch memory per thread (chapter 11 runs two sweeps on two threads), 64-byte aligned so a
// packed row of op(B) never straddles two cache lines.
template <class T>
T* scratch(std::vector<unsigned char>& buf, std::size_t count) {
    const std::size_t bytes = count * sizeof(T) + 64;
    if (buf.size() < bytes) buf.resize(bytes);
    const auto address = reinterpret_cast<std::uintptr_t>(buf.data());
    return reinterpret_cast<T*>(buf.data() + ((64 - address % 64) % 64));
}

// The product with MR × NR tiles, tile_rows reading op(A)'s rows from A's rows and tile_cols
// from its columns (or from a padded panel).
template <class T, std::size_t MR, std::size_t NR>
void run(TileFn<T> tile_rows, TileFn<T> tile_cols, bool trans_a, bool trans_b, std::size_t m,
         std::size_t n, std::size_t k, const T* a, std::size_t lda, const T* b, std::size_t ldb,
         T* c, std::size_t ldc, bool accumulate) {
    if (m == 0 || n == 0 || (k == 0 && accumulate)) return;
    if (k == 0) {  // the empty sum
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = 0; j < n; ++j) c[i * ldc + j] = T(0);
        return;
    }
    thread_local std::vector<unsigned char> b_buf, edge_buf, tile_buf;
    T* pb = scratch<T>(b_buf, std::min(kNc, (n + NR - 1) / NR * NR) * kKc);
    T* edge = scratch<T>(edge_buf, MR * kKc);
    T* tmp = scratch<T>(tile_buf, MR * NR);
    for (std::size_t jc = 0; jc < n; jc += kNc) {
        const std::size_t nc = std::min(kNc, n - jc);
        for (std::size_t pc = 0; pc < k; pc += kKc) {  // blocks of k in order: the chain's order
            const std::size_t kc = std::min(kKc, k - pc);
            // A later block continues from C's partial sums, and so does the first if asked.
            const bool chain = pc > 0 || accumulate;
            for (std::size_t jr = 0; jr < nc; jr += NR)
                pack_b<T, NR>(trans_b, b, ldb, pc, jc + jr, kc, std::min(NR, nc - jr),
                              pb + jr * kc);
            for (std::size_t ic = 0; ic < m; ic += kMc) {
                const std::size_t mc = std::min(kMc, m - ic), full = mc / MR * MR;
                if (full < mc)
                    pack_a_edge<T, MR>(trans_a, a, lda, ic + full, pc, mc - full, kc, edge);
                for (std::size_t jr = 0; jr < nc; jr += NR) {
                    const std::size_t nr = std::min(NR, nc - jr);
                    for (std::size_t ir = 0; ir < mc; ir += MR) {
                        const std::size_t i = ic + ir, mr = std::min(MR, mc - ir);
                        // op(A)'s rows i … i + MR − 1 from column pc on, read where they are,
                        // or from the padded copy at the last rows.
                        const T* ai = mr < MR   ? edge
                                      : trans_a ? a + pc * lda + i
                                                : a + i * lda + pc;
                        const TileFn<T> tile = mr == MR && !trans_a ? tile_rows : tile_cols;
                        const std::size_t la = mr < MR ? MR : lda;
                        T* ct = c + i * ldc + jc + jr;
                        if (mr == MR && nr == NR) {
                            tile(kc, ai, la, pb + jr * kc, ct, ldc, chain);
                            continue;
                        }
                        // A tile at the edge of C: through a full-size copy, whose padding
                        // (zero rows of op(A), zero columns of op(B)) is dropped afterwards.
                        for (std::size_t r = 0; r < MR; ++r)
                            for (std::size_t j = 0; j < NR; ++j)
                                tmp[r * NR + j] = chain && r < mr && j < nr ? ct[r * ldc + j] : 0;
                        tile(kc, ai, la, pb + jr * kc, tmp, NR, chain);
                        for (std::size_t r = 0; r < mr; ++r)
                            std::memcpy(ct + r * ldc, tmp + r * NR, nr * sizeof(T));
                    }
                }
            }
        }
    }
}

// ---- Which kernels -------------------------------------------------------------------------

GemmPath fastest_supported() {
    for (GemmPath p : {GemmPath::avx512, GemmPath::avx2}) {
        if (gemm_path_supported(p)) return p;
    }
    return GemmPath::portable;
}

// The first use picks the fastest path, or the one the environment variable GD_GEMM names
// (portable, avx2, avx512): a whole program can then be run on each path and its files
// compared, which is how the book checks that the path changes no byte.
std::atomic<int>& path_slot() {
    static std::atomic<int> slot([] {
        const char* env = std::getenv("GD_GEMM");
        GemmPath p = fastest_supported();
        if (env && *env) {
            p = gemm_path_from_name(env);
            if (!gemm_path_supported(p)) {
                throw std::invalid_argument(std::string("GD_GEMM=") + env +
                                            ": this CPU or build cannot run those kernels");
            }
        }
        return static_cast<int>(p);
    }());
    return slot;
}

}  // namespace

const char* gemm_path_name(GemmPath p) {
    switch (p) {
        case GemmPath::avx2:
            return "avx2";
        case GemmPath::avx512:
            return "avx512";
        default:
            return "portable";
    }
}

GemmPath gemm_path_from_name(const std::string& name) {
    for (GemmPath p : {GemmPath::portable, GemmPath::avx2, GemmPath::avx512}) {
        if (name == gemm_path_name(p)) return p;
    }
    throw std::invalid_argument("unknown GEMM kernels '" + name + "' (portable, avx2, avx512)");
}

bool gemm_path_supported(GemmPath p) {
    if (p == GemmPath::portable) return true;
#ifdef GD_GEMM_X86
    __builtin_cpu_init();
    if (p == GemmPath::avx2) return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    if (p == GemmPath::avx512) return __builtin_cpu_supports("avx512f");
#endif
    return false;
}

GemmPath gemm_path() {
    return static_cast<GemmPath>(path_slot().load());
}

void set_gemm_path(GemmPath p) {
    if (!gemm_path_supported(p)) {
        throw std::invalid_argument(std::string("GEMM kernels '") + gemm_path_name(p) +
                                    "' cannot run on this CPU or build");
    }
    path_slot().store(static_cast<int>(p));
}

template <class T>
void gemm_into(bool trans_a, bool trans_b, std::size_t m, std::size_t n, std::size_t k, const T* a,
               std::size_t lda, const T* b, std::size_t ldb, T* c, std::size_t ldc,
               bool accumulate) {
    // Each path's tile: 4 × 8 numbers (portable), 6 × 2 registers (AVX2: 12 accumulators, 2 for
    // op(B) and 1 broadcast of its 16 registers) or 12 × 2 registers (AVX-512: 24 + 3 of 32).
    switch (gemm_path()) {
#ifdef GD_GEMM_X86
        case GemmPath::avx512: {
            constexpr std::size_t NR = 2 * 64 / sizeof(T);
            return run<T, 12, NR>(tile_avx512<T, 12, 2, true>, tile_avx512<T, 12, 2, false>,
                                  trans_a, trans_b, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
        }
        case GemmPath::avx2: {
            constexpr std::size_t NR = 2 * 32 / sizeof(T);
            return run<T, 6, NR>(tile_avx2<T, 6, 2, true>, tile_avx2<T, 6, 2, false>, trans_a,
                                 trans_b, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
        }
#endif
        default:
            return run<T, 4, 8>(tile_portable<T, 4, 8, true>, tile_portable<T, 4, 8, false>,
                                trans_a, trans_b, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
    }
}

template void gemm_into(bool, bool, std::size_t, std::size_t, std::size_t, const float*,
                        std::size_t, const float*, std::size_t, float*, std::size_t, bool);
template void gemm_into(bool, bool, std::size_t, std::size_t, std::size_t, const double*,
                        std::size_t, const double*, std::size_t, double*, std::size_t, bool);

}  // namespace gd

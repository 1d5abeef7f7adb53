// gemm.hpp: matrix products for the autodiff tape, C = op(A)·op(B), op = identity or transpose,
// with one fixed order of summation, so the same inputs give the same bits on every machine.
//
// Introduced in chapter 09; chapter 11 spends almost all its time here. Two shapes occur:
//  - plain matrices (chapter 11's batches of 250 images, its convolutions as im2col products):
//    gemm_into() below, our own blocked GEMM (autodiff/gemm.cpp). Every element of C is one
//    chain of fused multiply-adds over k in increasing order,
//        c ← 0;  c ← fma(a_i0, b_0j, c);  c ← fma(a_i1, b_1j, c);  …;  c ← fma(a_i,k−1, b_k−1,j, c)
//    whatever the CPU: the blocks over k hand the partial sum on through C itself (the next
//    block starts its chain from it), so the block sizes do not change a bit. Three kernels
//    compute exactly that chain, chosen once by what the CPU can run: AVX-512 (16 floats or 8
//    doubles a register), AVX2 + FMA (8 or 4), and portable C++ with std::fma. A library BLAS
//    picks its kernels at run time too, and each adds the products in its own order: the
//    reason chapter 11's data once differed between two CPUs of the same build.
//  - batches of small matrices, (B, n, k)·(B, k, m), one product per leading index (chapter
//    10's hive of 60 networks with 10 hidden units): a plain loop in the i-k-j order that walks
//    both operands' rows contiguously, multiplying and adding separately (as chapter 10's fused
//    engine does, bit for bit).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include <xtensor/xarray.hpp>

namespace gd {

// ---- The fixed-order product on raw row-major storage ----------------------------------------

// C (m × n, row stride ldc) = op(A)·op(B), where op(A) is m × k and op(B) is k × n. A is stored
// row-major with row stride lda: m × k as it is, or k × m when trans_a (then op(A) = Aᵀ); the
// same for B. C is overwritten (never read), unless accumulate: then every element continues
// its chain from the value C holds, so a sum over k cut into pieces, A₁B₁ then A₂B₂ with
// accumulate, is bit for bit the product in one piece (chapter 11's convolutions use this to
// work on a few images at a time). Defined for float and double in autodiff/gemm.cpp.
template <class T>
void gemm_into(bool trans_a, bool trans_b, std::size_t m, std::size_t n, std::size_t k, const T* a,
               std::size_t lda, const T* b, std::size_t ldb, T* c, std::size_t ldc,
               bool accumulate = false);

// The kernels, by the instructions they use. All three give the same bits (tests/test_gemm.cpp).
enum class GemmPath { portable, avx2, avx512 };

const char* gemm_path_name(GemmPath p);  // "portable", "avx2", "avx512"
bool gemm_path_supported(GemmPath p);    // this build and this CPU can run it
GemmPath gemm_path();                    // the kernels in use (first call: the fastest)
void set_gemm_path(GemmPath p);          // std::invalid_argument if not supported
GemmPath gemm_path_from_name(const std::string& name);  // std::invalid_argument if unknown

// ---- On xtensor arrays, for the tape ------------------------------------------------------------

template <class T>
xt::xarray<T> gemm(const xt::xarray<T>& a, const xt::xarray<T>& b, bool trans_a, bool trans_b) {
    const std::size_t d = a.dimension();
    if (d != b.dimension() || (d != 2 && d != 3)) {
        throw std::logic_error("gemm: both operands must be matrices or batches of matrices");
    }
    const std::size_t ra = a.shape()[d - 2], ca = a.shape()[d - 1];
    const std::size_t rb = b.shape()[d - 2], cb = b.shape()[d - 1];
    const std::size_t n = trans_a ? ca : ra, k = trans_a ? ra : ca, m = trans_b ? rb : cb;
    if ((trans_b ? cb : rb) != k) throw std::logic_error("gemm: inner dimensions differ");
    if (d == 2) {
        xt::xarray<T> c = xt::xarray<T>::from_shape({n, m});  // gemm_into overwrites it
        gemm_into<T>(trans_a, trans_b, n, m, k, a.data(), ca, b.data(), cb, c.data(), m);
        return c;
    }
    const std::size_t batch = a.shape()[0];
    if (b.shape()[0] != batch) throw std::logic_error("gemm: batch sizes differ");
    xt::xarray<T> c = xt::zeros<T>({batch, n, m});
    for (std::size_t s = 0; s < batch; ++s) {
        const T* A = a.data() + s * ra * ca;
        const T* B = b.data() + s * rb * cb;
        T* C = c.data() + s * n * m;
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t p = 0; p < k; ++p) {
                const T aip = trans_a ? A[p * ca + i] : A[i * ca + p];
                if (trans_b) {
                    for (std::size_t j = 0; j < m; ++j) C[i * m + j] += aip * B[j * cb + p];
                } else {
                    const T* Brow = B + p * cb;
                    for (std::size_t j = 0; j < m; ++j) C[i * m + j] += aip * Brow[j];
                }
            }
        }
    }
    return c;
}

// Compiled once, for float and double, in autodiff/autodiff.cpp: whoever includes this header
// links that copy rather than compiling the product again (seconds per program).
extern template xt::xarray<float> gemm(const xt::xarray<float>&, const xt::xarray<float>&, bool,
                                       bool);
extern template xt::xarray<double> gemm(const xt::xarray<double>&, const xt::xarray<double>&, bool,
                                        bool);

}  // namespace gd

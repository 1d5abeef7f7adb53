// gemm.hpp: matrix products for the autodiff tape, C = op(A)·op(B), op = identity or transpose.
//
// Introduced in chapter 09. Two shapes occur in the book:
//  - plain matrices (chapter 11's 250 × 784 batches): handed to OpenBLAS through xtensor-blas,
//    which passes the transposes on as flags instead of copying;
//  - batches of small matrices, (B, n, k)·(B, k, m), one product per leading index (chapter
//    10's hive of 60 networks with 10 hidden units): a BLAS call per tiny product would cost
//    more than the arithmetic, so a plain loop does them, in the i-k-j order that walks both
//    operands' rows contiguously.
#pragma once

#include <cstddef>
#include <stdexcept>

#include <xtensor-blas/xblas.hpp>
#include <xtensor/xarray.hpp>

namespace gd {

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
        if (n * m * k == 0) return xt::zeros<T>({n, m});
        xt::xarray<T> c = xt::xarray<T>::from_shape({n, m});  // sgemm with β = 0 overwrites it
        xt::blas::gemm(a, b, c, trans_a, trans_b);
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

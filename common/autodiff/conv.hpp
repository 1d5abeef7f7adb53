// conv.hpp: the operations of a convolutional network on the tape: conv2d, max_pool2d, reshape
// and flatten, each with its forward and backward rule side by side.
//
// Introduced in chapter 11, for the source article's ConvNet (Keras's Conv2D and MaxPooling2D
// with their defaults: stride 1 and no padding for the convolution, a pooling stride equal to
// its size, and rows or columns that do not fill a window dropped). Images are stored NHWC,
// (batch, height, width, channels), as Keras stores them, so one pixel's channels are
// contiguous. A convolution is then a matrix product ("im2col", Chellapilla et al. 2006):
// every output pixel's receptive field, kh·kw·c numbers, is copied into a row of a matrix, and
//     y = cols · W + b,  cols (batch·oh·ow, kh·kw·c), W (kh·kw·c, f)
// runs on gemm.hpp's fixed-order product, a few images at a time. The filters are stored (kh, kw,
// c, f), which is W row by row; PyTorch stores them (f, c, kh, kw) (tests/reference_conv.py
// converts). Every op is checked against central differences and against PyTorch in
// tests/test_conv.cpp. Notation: x input, y output, W filters, b bias, ȳ = ∂loss/∂y and so on.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <vector>

#include <xtensor/xarray.hpp>

#include "autodiff/gemm.hpp"
#include "autodiff/tape.hpp"

namespace gd::ad {

// The sizes of one convolution: input (n, h, w, c), filters kh × kw × c → f, output
// (n, oh, ow, f) with oh = h − kh + 1 and ow = w − kw + 1.
struct ConvShape {
    std::size_t n, h, w, c, kh, kw, f, oh, ow;
    std::size_t rows() const { return n * oh * ow; }   // output pixels: rows of cols
    std::size_t patch() const { return kh * kw * c; }  // one receptive field: columns of cols
};

// cols[(i, oy, ox), (dy, dx, ch)] = x[i, oy + dy, ox + dx, ch]. For a fixed dy the kw·c numbers
// of a row sit side by side in x too, so each is one copy.
template <class T>
void im2col(const T* x, const ConvShape& s, T* cols) {
    const std::size_t span = s.kw * s.c;
    for (std::size_t i = 0; i < s.n; ++i)
        for (std::size_t oy = 0; oy < s.oh; ++oy)
            for (std::size_t ox = 0; ox < s.ow; ++ox) {
                T* row = cols + ((i * s.oh + oy) * s.ow + ox) * s.patch();
                for (std::size_t dy = 0; dy < s.kh; ++dy) {
                    const T* src = x + ((i * s.h + oy + dy) * s.w + ox) * s.c;
                    for (std::size_t q = 0; q < span; ++q) row[dy * span + q] = src[q];
                }
            }
}

// The adjoint of im2col: x̄[i, oy + dy, ox + dx, ch] += cols̄[(i, oy, ox), (dy, dx, ch)], output
// pixels in order, so every input pixel sums its contributions in one fixed order.
template <class T>
void col2im_add(const T* cols, const ConvShape& s, T* x) {
    const std::size_t span = s.kw * s.c;
    for (std::size_t i = 0; i < s.n; ++i)
        for (std::size_t oy = 0; oy < s.oh; ++oy)
            for (std::size_t ox = 0; ox < s.ow; ++ox) {
                const T* row = cols + ((i * s.oh + oy) * s.ow + ox) * s.patch();
                for (std::size_t dy = 0; dy < s.kh; ++dy) {
                    T* dst = x + ((i * s.h + oy + dy) * s.w + ox) * s.c;
                    for (std::size_t q = 0; q < span; ++q) dst[q] += row[dy * span + q];
                }
            }
}

// Images per piece of a convolution. The whole batch's receptive fields (chapter 11's second
// convolution: 250 · 121 rows of 288 numbers, 35 MB) would be written, read once and thrown
// away; a few images' worth stays in the cache. The pieces change no number: the rows of y are
// independent, and W̄ sums over all pieces in one chain (gemm_into's accumulate).
constexpr std::size_t kConvImagesPerPiece = 16;

// y = conv(x, W) + b: x (n, h, w, c), W (kh, kw, c, f), b (f); y (n, oh, ow, f).
// Backward, with Ȳ = ȳ as a (rows, f) matrix and cols rebuilt piece by piece:
//     W̄ = colsᵀ · Ȳ,   b̄_f = Σ_rows Ȳ_rf,   x̄ = col2im(Ȳ · Wᵀ).
template <class T>
typename Tape<T>::Var conv2d(Tape<T>& t, typename Tape<T>::Var x, typename Tape<T>::Var w,
                             typename Tape<T>::Var b) {
    using Tensor = xt::xarray<T>;
    const Tensor& xv = t.value(x);
    const Tensor& wv = t.value(w);
    if (xv.dimension() != 4 || wv.dimension() != 4 || wv.shape()[2] != xv.shape()[3] ||
        t.value(b).size() != wv.shape()[3] || wv.shape()[0] > xv.shape()[1] ||
        wv.shape()[1] > xv.shape()[2]) {
        throw std::logic_error("conv2d: x (n, h, w, c), W (kh, kw, c, f), b (f), kernel <= image");
    }
    const ConvShape s{xv.shape()[0],
                      xv.shape()[1],
                      xv.shape()[2],
                      xv.shape()[3],
                      wv.shape()[0],
                      wv.shape()[1],
                      wv.shape()[3],
                      xv.shape()[1] - wv.shape()[0] + 1,
                      xv.shape()[2] - wv.shape()[1] + 1};
    const std::size_t image_in = s.h * s.w * s.c, image_rows = s.oh * s.ow;
    std::vector<T> cols(std::min(s.n, kConvImagesPerPiece) * image_rows * s.patch());
    Tensor y = Tensor::from_shape({s.n, s.oh, s.ow, s.f});
    for (std::size_t i0 = 0; i0 < s.n; i0 += kConvImagesPerPiece) {
        ConvShape piece = s;
        piece.n = std::min(kConvImagesPerPiece, s.n - i0);
        im2col(xv.data() + i0 * image_in, piece, cols.data());
        gemm_into<T>(false, false, piece.rows(), s.f, s.patch(), cols.data(), s.patch(), wv.data(),
                     s.f, y.data() + i0 * image_rows * s.f, s.f);  // cols · W
    }
    const T* bias = t.value(b).data();
    for (std::size_t r = 0; r < s.rows(); ++r)
        for (std::size_t j = 0; j < s.f; ++j) y.data()[r * s.f + j] += bias[j];  // + b
    const auto out = t.record(std::move(y), t.needs_grad(x) || t.needs_grad(w) || t.needs_grad(b));
    t.on_backward(out, [&t, x, w, b, out, s] {
        const T* g = t.grad(out).data();  // Ȳ, (rows, f)
        const T* xd = t.value(x).data();
        const std::size_t image_in = s.h * s.w * s.c, image_rows = s.oh * s.ow;
        if (t.needs_grad(b)) {  // b̄ = Σ over the output pixels, in order
            Tensor gb = xt::zeros<T>(t.value(b).shape());
            for (std::size_t r = 0; r < s.rows(); ++r)
                for (std::size_t j = 0; j < s.f; ++j) gb.data()[j] += g[r * s.f + j];
            t.accumulate(b, std::move(gb));
        }
        Tensor gw, gx;
        if (t.needs_grad(w)) gw = Tensor::from_shape(t.value(w).shape());
        if (t.needs_grad(x)) gx = xt::zeros<T>(t.value(x).shape());
        std::vector<T> cols(std::min(s.n, kConvImagesPerPiece) * image_rows * s.patch());
        for (std::size_t i0 = 0; i0 < s.n; i0 += kConvImagesPerPiece) {
            ConvShape piece = s;
            piece.n = std::min(kConvImagesPerPiece, s.n - i0);
            const T* gi = g + i0 * image_rows * s.f;  // this piece's rows of Ȳ
            if (t.needs_grad(w)) {  // W̄ = colsᵀ · Ȳ, one chain over all pieces
                im2col(xd + i0 * image_in, piece, cols.data());
                gemm_into<T>(true, false, s.patch(), s.f, piece.rows(), cols.data(), s.patch(), gi,
                             s.f, gw.data(), s.f, i0 > 0);
            }
            if (t.needs_grad(x)) {  // x̄ = col2im(Ȳ · Wᵀ)
                gemm_into<T>(false, true, piece.rows(), s.patch(), s.f, gi, s.f, t.value(w).data(),
                             s.f, cols.data(), s.patch());
                col2im_add(cols.data(), piece, gx.data() + i0 * image_in);
            }
        }
        if (t.needs_grad(w)) t.accumulate(w, std::move(gw));
        if (t.needs_grad(x)) t.accumulate(x, std::move(gx));
    });
    return out;
}

// Max-pooling over size × size windows with stride size: x (n, h, w, c) → (n, h/size, w/size, c),
// rounding down (the last rows or columns that do not fill a window are left out). Each output
// remembers which input it came from, chosen as PyTorch's CPU kernel chooses: the window is
// read in row-major order and a value replaces the best so far if it is larger or NaN (so the
// first of equal maxima wins, and the last NaN). x̄ gets ȳ there and 0 elsewhere.
template <class T>
typename Tape<T>::Var max_pool2d(Tape<T>& t, typename Tape<T>::Var x, std::size_t size = 2) {
    using Tensor = xt::xarray<T>;
    const Tensor& xv = t.value(x);
    if (xv.dimension() != 4 || size == 0 || xv.shape()[1] < size || xv.shape()[2] < size) {
        throw std::logic_error("max_pool2d: x (n, h, w, c) with h and w at least the window");
    }
    if (xv.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw std::logic_error("max_pool2d: more than 2^32 inputs");
    }
    const std::size_t n = xv.shape()[0], h = xv.shape()[1], w = xv.shape()[2], c = xv.shape()[3];
    const std::size_t oh = h / size, ow = w / size;
    Tensor y = Tensor::from_shape({n, oh, ow, c});
    std::vector<std::uint32_t> from(y.size());  // the flat index in x of each output's maximum
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t oy = 0; oy < oh; ++oy)
            for (std::size_t ox = 0; ox < ow; ++ox) {
                // The c channels of one output pixel at once: they are contiguous in x and y.
                const std::size_t o = ((i * oh + oy) * ow + ox) * c;
                T* best = y.data() + o;
                std::uint32_t* at = from.data() + o;
                for (std::size_t dy = 0; dy < size; ++dy)
                    for (std::size_t dx = 0; dx < size; ++dx) {
                        const std::size_t k = ((i * h + oy * size + dy) * w + ox * size + dx) * c;
                        const T* in = xv.data() + k;
                        if (dy == 0 && dx == 0) {  // the window's first value, to start from
                            for (std::size_t ch = 0; ch < c; ++ch) {
                                best[ch] = in[ch];
                                at[ch] = static_cast<std::uint32_t>(k + ch);
                            }
                            continue;
                        }
                        // Written as selects, not branches, so the channels run as vectors.
                        for (std::size_t ch = 0; ch < c; ++ch) {
                            const T v = in[ch];
                            const bool take = v > best[ch] || std::isnan(v);  // larger, or NaN
                            best[ch] = take ? v : best[ch];
                            at[ch] = take ? static_cast<std::uint32_t>(k + ch) : at[ch];
                        }
                    }
            }
    const auto out = t.record(std::move(y), t.needs_grad(x));
    t.on_backward(out, [&t, x, out, from = std::move(from)] {
        Tensor gx = xt::zeros<T>(t.value(x).shape());
        const T* g = t.grad(out).data();
        // The windows do not overlap, so each input receives at most one output's ȳ.
        for (std::size_t o = 0; o < from.size(); ++o) gx.data()[from[o]] = g[o];
        t.accumulate(x, std::move(gx));
    });
    return out;
}

// The same numbers in another shape (row-major order kept); x̄ is ȳ in x's shape.
template <class T>
typename Tape<T>::Var reshape(Tape<T>& t, typename Tape<T>::Var x,
                              const std::vector<std::size_t>& shape) {
    xt::xarray<T> y = t.value(x);
    std::size_t count = 1;
    for (std::size_t d : shape) count *= d;
    if (count != y.size()) throw std::logic_error("reshape: the sizes differ");
    y.reshape(shape);
    const auto out = t.record(std::move(y), t.needs_grad(x));
    t.on_backward(out, [&t, x, out] {
        xt::xarray<T> gx = t.grad(out);
        gx.reshape(t.value(x).shape());
        t.accumulate(x, std::move(gx));
    });
    return out;
}

// (n, h, w, c) → (n, h·w·c): each image's pixels in (row, column, channel) order, as Keras's
// Flatten orders NHWC images (PyTorch's nn.Flatten on NCHW orders them channel first).
template <class T>
typename Tape<T>::Var flatten(Tape<T>& t, typename Tape<T>::Var x) {
    const auto& shape = t.value(x).shape();
    if (shape.empty()) throw std::logic_error("flatten: x needs a batch axis");
    return reshape(t, x, {shape[0], t.value(x).size() / std::max<std::size_t>(shape[0], 1)});
}

// Compiled once, for float and double, in autodiff/autodiff.cpp.
extern template Tape<float>::Var conv2d(Tape<float>&, Tape<float>::Var, Tape<float>::Var,
                                        Tape<float>::Var);
extern template Tape<double>::Var conv2d(Tape<double>&, Tape<double>::Var, Tape<double>::Var,
                                         Tape<double>::Var);
extern template Tape<float>::Var max_pool2d(Tape<float>&, Tape<float>::Var, std::size_t);
extern template Tape<double>::Var max_pool2d(Tape<double>&, Tape<double>::Var, std::size_t);
extern template Tape<float>::Var reshape(Tape<float>&, Tape<float>::Var,
                                         const std::vector<std::size_t>&);
extern template Tape<double>::Var reshape(Tape<double>&, Tape<double>::Var,
                                          const std::vector<std::size_t>&);

}  // namespace gd::ad

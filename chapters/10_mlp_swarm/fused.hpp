// fused.hpp: chapter 10's fused engine, the hive's forward and backward pass written out.
//
// Loss, prediction and gradients of every bee without building a tape: the same floating-point
// operations as tape.hpp in the same order, so the results are equal bit for bit
// (tests/test_10_swarm.cpp), but no per-operation tensors and, for the book's 1-H-1 networks,
// all bees in one vectorised pass. Included by train.cpp alone.
// Notation: x inputs, y targets, W₁ b₁ the hidden layer, W₂ b₂ the output layer, z = x·W₁ + b₁,
// h = act(z), p = h·W₂ + b₂ the prediction, n points, ā = ∂loss/∂a for any a.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "autodiff/mlp.hpp"
#include "hive.hpp"

// Function multiversioning (see Fused::all_bees) needs an x86-64 target and the dynamic loader's
// ifunc (glibc), and GCC: clang does not clone templates; elsewhere one portable version.
#if defined(__x86_64__) && defined(__GLIBC__) && defined(__GNUC__) && !defined(__clang__)
#define CH10_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define CH10_VECTOR_CLONES
#endif

namespace ch10 {

// Loss, prediction and gradients of bee k: h₀ = x, z_l = h_{l−1}·W_l + b_l, h_l = act(z_l)
// (none after the last layer), loss = Σ(p − y)²/n. Every number is summed in the same order
// as tape.hpp sums it (gemm's loops, then the bias; bias and weight gradients summed over the
// points in order), so the results are equal, bit for bit; only the loop nesting differs.
// Activations are stored unit by unit (h[u·n + i], unit u at point i): the innermost loops
// then run over the 61 points, contiguous, which the compiler turns into vector instructions.
class Fused {
  public:
    Fused(const Spec& s, const Target& t) : sizes_(s.sizes), act_(s.act), t_(t) {
        for (std::size_t w : sizes_) {
            z_.emplace_back(t.x.size() * w);
            h_.emplace_back(t.x.size() * w);
            g_.emplace_back(t.x.size() * w);
        }
    }

    // Every bee of the hive: pred [bee][i], loss [bee]. The book's networks (1-H-1) take the
    // fast path below; deeper ones go bee by bee through run().
    void run_all(const Net& net, Net& grad, double* pred, double* loss) {
        const std::size_t B = net.bees(), n = t_.x.size();
        if (sizes_.size() != 3 || sizes_[0] != 1 || sizes_[2] != 1) {
            for (std::size_t k = 0; k < B; ++k) loss[k] = run(net, grad, k, pred + k * n);
            return;
        }
        if (act_ == gd::Activation::relu) all_bees<Relu>(net, grad, pred, loss);
        if (act_ == gd::Activation::tanh) all_bees<Tanh>(net, grad, pred, loss);
        if (act_ == gd::Activation::sigmoid) all_bees<Sigmoid>(net, grad, pred, loss);
    }

    double run(const Net& net, Net& grad, std::size_t k, double* pred) {
        const std::size_t n = t_.x.size(), L = sizes_.size() - 1;
        std::copy(t_.x.begin(), t_.x.end(), h_[0].begin());
        for (std::size_t l = 0; l < L; ++l) {  // forward: z = h·W + b, then the activation
            const std::size_t in = sizes_[l], out = sizes_[l + 1];
            const double* W = net.W[l].data() + k * in * out;
            const double* b = net.b[l].data() + k * out;
            const double* a = h_[l].data();
            double *z = z_[l + 1].data(), *h = h_[l + 1].data();
            for (std::size_t j = 0; j < out; ++j) {
                double* zj = z + j * n;
                // z_ij = Σ_p a_ip W_pj in order of p (the tape starts from 0 + a_i0 W_0j: equal)
                for (std::size_t i = 0; i < n; ++i) zj[i] = a[i] * W[j];
                for (std::size_t p = 1; p < in; ++p)
                    for (std::size_t i = 0; i < n; ++i) zj[i] += a[p * n + i] * W[p * out + j];
                for (std::size_t i = 0; i < n; ++i) zj[i] = zj[i] + b[j];
            }
            if (l + 1 == L)
                std::copy(z, z + n * out, h);  // no activation after the last layer
            else
                activate(z, h, n * out);
        }
        // loss = Σ(p − y)²/n, and ∂loss/∂p = 2(p − y)/n
        double sq = 0;
        double* gp = g_[L].data();
        for (std::size_t i = 0; i < n; ++i) {
            const double d = h_[L][i] - t_.y[i];
            sq += d * d;
            gp[i] = 2.0 / double(n) * d;
            pred[i] = h_[L][i];
        }
        for (std::size_t l = L; l-- > 0;) {  // backward, layer by layer
            const std::size_t in = sizes_[l], out = sizes_[l + 1];
            const double* W = net.W[l].data() + k * in * out;
            double* gW = grad.W[l].data() + k * in * out;
            double* gb = grad.b[l].data() + k * out;
            const double* gz = g_[l + 1].data();
            const double* a = h_[l].data();
            for (std::size_t j = 0; j < out; ++j) gb[j] = gz[j * n];  // b̄_j = Σ_i z̄_ij
            for (std::size_t i = 1; i < n; ++i)
                for (std::size_t j = 0; j < out; ++j) gb[j] += gz[j * n + i];
            for (std::size_t p = 0; p < in; ++p)  // W̄_pj = Σ_i a_ip z̄_ij, in order of i
                for (std::size_t j = 0; j < out; ++j) gW[p * out + j] = a[p * n] * gz[j * n];
            for (std::size_t i = 1; i < n; ++i)
                for (std::size_t p = 0; p < in; ++p) {
                    const double ap = a[p * n + i];
                    for (std::size_t j = 0; j < out; ++j) gW[p * out + j] += ap * gz[j * n + i];
                }
            if (l == 0) break;          // x is data: no gradient
            double* ga = g_[l].data();  // ā_ip = Σ_j z̄_ij W_pj in order of j
            for (std::size_t p = 0; p < in; ++p) {
                double* gap = ga + p * n;
                for (std::size_t i = 0; i < n; ++i) gap[i] = gz[i] * W[p * out];
                for (std::size_t j = 1; j < out; ++j)
                    for (std::size_t i = 0; i < n; ++i) gap[i] += gz[j * n + i] * W[p * out + j];
            }
            activate_back(z_[l].data(), h_[l].data(), ga, n * in);
        }
        return sq / double(n);
    }

  private:
    // h = act(z), and z̄ from h̄ as the tape writes it: relu passes h̄ where z > 0, tanh' = 1 − h²,
    // σ' = h(1 − h).
    // back_through(z, h, p̄, u) is back(z, h, p̄·u), the gradient through a unit whose output
    // is weighted by u. ReLU picks p̄ or 0 *before* multiplying: the result is the same
    // number, since 0·u is ±0 and adding ±0 to a sum that started at +0 changes nothing (u is
    // finite, or the bee's loss is not and the bee is masked). It matters for speed: with the
    // product inside the branch, the compiler may not compute it for every bee at once (a
    // multiplication could raise a floating-point exception), and the loop stays scalar.
    struct Relu {
        static double f(double z) { return std::max(z, 0.0); }
        static double back(double z, double, double g) { return z > 0.0 ? g : 0.0; }
        static double back_through(double z, double, double g, double u) {
            return (z > 0.0 ? g : 0.0) * u;
        }
    };
    struct Tanh {
        static double f(double z) { return std::tanh(z); }
        static double back(double, double h, double g) { return g * (1.0 - h * h); }
        static double back_through(double, double h, double g, double u) {
            return g * u * (1.0 - h * h);
        }
    };
    struct Sigmoid {
        static double f(double z) { return 1.0 / (1.0 + std::exp(-z)); }
        static double back(double, double h, double g) { return g * h * (1.0 - h); }
        static double back_through(double, double h, double g, double u) {
            return g * u * h * (1.0 - h);
        }
    };

    // The fast path for 1-H-1 networks, all B bees at once. Layout: every array is bee-minor,
    // a[j·B + k] for unit j (or point i) and bee k, so one number of all B bees is contiguous
    // and every innermost loop runs over the bees: B independent iterations, which the compiler
    // turns into vector instructions (`#pragma GCC ivdep` tells it the arrays, all carved from
    // one buffer, do not overlap). The bees are independent, so this reorders nothing *within*
    // a bee: forward, p_i = Σ_j act(x_i w_j + b_j)·u_j + c summed over the units in order, then
    // p̄_i = 2(p_i − y_i)/n; backward, unit by unit, its pre-activation is recomputed (the same
    // operations give the same number) and its three gradients summed over the points in order.
    // Each bee's numbers are bit for bit the tape's. target_clones compiles the function twice,
    // for any x86-64 (SSE2: 2 bees an instruction) and for AVX2 (4 bees), and picks one when the
    // program starts; both do the same IEEE operations in the same order, so the same numbers
    // (not AVX-512: GCC would then fuse a·b + c into one FMA, which rounds once, not twice).
    template <class Act>
    CH10_VECTOR_CLONES void all_bees(const Net& net, Net& grad, double* pred, double* loss) {
        const std::size_t B = net.bees(), H = sizes_[1], n = t_.x.size();
        const double* x = t_.x.data();
        const double* y = t_.y.data();
        // The bees' parameters, bee-minor: w = W₁ (1×H), b = b₁, u = W₂ (H×1), c = b₂.
        bee_minor_.resize(6 * H * B + 2 * B + 2 * n * B);
        double *w = bee_minor_.data(), *b = w + H * B, *u = b + H * B;
        double *gw = u + H * B, *gb = gw + H * B, *gu = gb + H * B;
        double *c = gu + H * B, *sq = c + B, *p = sq + B, *g = p + n * B;
        for (std::size_t k = 0; k < B; ++k)
            for (std::size_t j = 0; j < H; ++j) {
                w[j * B + k] = net.W[0].data()[k * H + j];
                b[j * B + k] = net.b[0].data()[k * H + j];
                u[j * B + k] = net.W[1].data()[k * H + j];
            }
        std::copy(net.b[1].data(), net.b[1].data() + B, c);

        // Forward: p = act(x·W₁ + b₁)·W₂ + b₂, summed unit after unit from 0, as the tape does.
        std::fill(p, p + n * B, 0.0);
        for (std::size_t j = 0; j < H; ++j)
            for (std::size_t i = 0; i < n; ++i)
#pragma GCC ivdep
                for (std::size_t k = 0; k < B; ++k)
                    p[i * B + k] += Act::f(x[i] * w[j * B + k] + b[j * B + k]) * u[j * B + k];
        std::fill(sq, sq + B, 0.0);
        std::fill(gu, gu + B, 0.0);  // gu's first row holds b̄₂ for now
        for (std::size_t i = 0; i < n; ++i)
#pragma GCC ivdep
            for (std::size_t k = 0; k < B; ++k) {
                p[i * B + k] = p[i * B + k] + c[k];  // + b₂
                const double d = p[i * B + k] - y[i];
                sq[k] += d * d;                      // Σ(p − y)², in order of i
                g[i * B + k] = 2.0 / double(n) * d;  // p̄ = 2(p − y)/n
                gu[k] += g[i * B + k];               // b̄₂ = Σ_i p̄_i
            }
        for (std::size_t k = 0; k < B; ++k) {
            for (std::size_t i = 0; i < n; ++i) pred[k * n + i] = p[i * B + k];
            grad.b[1].data()[k] = gu[k];
            loss[k] = sq[k] / double(n);
        }

        // Backward, unit by unit: W̄₂ = Σ_i h_i p̄_i, b̄₁ = Σ_i z̄_i, W̄₁ = Σ_i x_i z̄_i, each summed
        // from 0 in order of i, four points at a time (then the last ones one by one).
        std::fill(gw, gw + 3 * H * B, 0.0);
        for (std::size_t j = 0; j < H; ++j) {
            const std::size_t q = j * B;
            std::size_t i = 0;
            for (; i + 4 <= n; i += 4)
                unit_grads<Act, 4>(B, x + i, g + i * B, w + q, b + q, u + q, gw + q, gb + q,
                                   gu + q);
            for (; i < n; ++i)
                unit_grads<Act, 1>(B, x + i, g + i * B, w + q, b + q, u + q, gw + q, gb + q,
                                   gu + q);
        }
        for (std::size_t k = 0; k < B; ++k)
            for (std::size_t j = 0; j < H; ++j) {
                grad.W[0].data()[k * H + j] = gw[j * B + k];
                grad.b[0].data()[k * H + j] = gb[j * B + k];
                grad.W[1].data()[k * H + j] = gu[j * B + k];
            }
    }

    // Unit j's three gradient sums over R points, for every bee (pointers at unit j's row and
    // the first point): each sum is loaded once, kept in a register over the R points, in order,
    // and stored once, instead of going through memory at every point.
    template <class Act, std::size_t R>
    static void unit_grads(std::size_t B, const double* x, const double* g, const double* w,
                           const double* b, const double* u, double* gw, double* gb, double* gu) {
#pragma GCC ivdep
        for (std::size_t k = 0; k < B; ++k) {
            double sw = gw[k], sb = gb[k], su = gu[k];
            for (std::size_t r = 0; r < R; ++r) {
                const double gp = g[r * B + k];  // p̄ of bee k at point i + r
                const double z = x[r] * w[k] + b[k], h = Act::f(z);
                const double gz = Act::back_through(z, h, gp, u[k]);  // z̄ = act'(z)·p̄·W₂
                su += h * gp;
                sb += gz;
                sw += x[r] * gz;
            }
            gw[k] = sw, gb[k] = sb, gu[k] = su;
        }
    }

    // The general path's activation, forward and backward, over m numbers.
    void activate(const double* z, double* h, std::size_t m) const {
        for (std::size_t i = 0; i < m; ++i)
            h[i] = act_ == gd::Activation::relu   ? Relu::f(z[i])
                   : act_ == gd::Activation::tanh ? Tanh::f(z[i])
                                                  : Sigmoid::f(z[i]);
    }
    void activate_back(const double* z, const double* h, double* g, std::size_t m) const {
        for (std::size_t i = 0; i < m; ++i)
            g[i] = act_ == gd::Activation::relu   ? Relu::back(z[i], h[i], g[i])
                   : act_ == gd::Activation::tanh ? Tanh::back(z[i], h[i], g[i])
                                                  : Sigmoid::back(z[i], h[i], g[i]);
    }

    std::vector<std::size_t> sizes_;
    gd::Activation act_;
    const Target& t_;
    std::vector<std::vector<double>> z_, h_, g_;  // per layer: pre-activation, output, gradient
    std::vector<double> bee_minor_;               // the fast path's arrays
};

}  // namespace ch10

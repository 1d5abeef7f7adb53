// fused.hpp: chapter 10's fused engine, the hive's forward and backward pass written out.
//
// Loss, prediction and gradients of every bee without building a tape: the same floating-point
// operations as tape.hpp in the same order, so the results are equal bit for bit
// (tests/test_10_swarm.cpp), but no per-operation tensors. The book's 1-H-1 networks go eight
// bees at a time through blocks.hpp; deeper ones bee by bee through run() below. Included by
// train.cpp alone.
// Notation: x inputs, y targets, W₁ b₁ the hidden layer, W₂ b₂ the output layer, z = x·W₁ + b₁,
// h = act(z), p = h·W₂ + b₂ the prediction, n points, ā = ∂loss/∂a for any a.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "autodiff/mlp.hpp"
#include "blocks.hpp"
#include "hive.hpp"

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

    // Every bee of the hive: pred [bee][i], loss [bee]. The book's networks (1-H-1) go eight
    // at a time through blocks.hpp; deeper ones bee by bee through run().
    void run_all(const Net& net, Net& grad, double* pred, double* loss) {
        const std::size_t B = net.bees(), n = t_.x.size();
        if (sizes_.size() != 3 || sizes_[0] != 1 || sizes_[2] != 1) {
            for (std::size_t k = 0; k < B; ++k) loss[k] = run(net, grad, k, pred + k * n);
            return;
        }
        if (act_ == gd::Activation::relu) in_blocks<ReluLanes>(net, grad, pred, loss);
        if (act_ == gd::Activation::tanh) in_blocks<TanhLanes>(net, grad, pred, loss);
        if (act_ == gd::Activation::sigmoid) in_blocks<SigmoidLanes>(net, grad, pred, loss);
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
    struct Relu {
        static double f(double z) { return std::max(z, 0.0); }
        static double back(double z, double, double g) { return z > 0.0 ? g : 0.0; }
    };
    struct Tanh {
        static double f(double z) { return std::tanh(z); }
        static double back(double, double h, double g) { return g * (1.0 - h * h); }
    };
    struct Sigmoid {
        static double f(double z) { return 1.0 / (1.0 + std::exp(-z)); }
        static double back(double, double h, double g) { return g * h * (1.0 - h); }
    };

    // 1-H-1 bees eight at a time: each block's parameters copied in (bee-minor), one pass,
    // gradients, predictions and losses copied out. A last, partial block repeats bee B − 1 in
    // its spare lanes and writes nothing from them.
    template <class Act>
    void in_blocks(const Net& net, Net& grad, double* pred, double* loss) {
        const std::size_t B = net.bees(), H = sizes_[1], n = t_.x.size();
        Block s(H, n);
        for (std::size_t first = 0; first < B; first += kLanes) {
            for (std::size_t k = 0; k < kLanes; ++k) {
                const std::size_t bee = std::min(first + k, B - 1);
                for (std::size_t j = 0; j < H; ++j) {
                    s.w[j][k] = net.W[0].data()[bee * H + j];
                    s.b[j][k] = net.b[0].data()[bee * H + j];
                    s.u[j][k] = net.W[1].data()[bee * H + j];
                }
                s.c[k] = net.b[1].data()[bee];
            }
            pass_block<Act>(s, t_.x.data(), t_.y.data(), n);
            for (std::size_t k = 0; k < kLanes && first + k < B; ++k) {
                const std::size_t bee = first + k;
                for (std::size_t j = 0; j < H; ++j) {
                    grad.W[0].data()[bee * H + j] = s.gw[j][k];
                    grad.b[0].data()[bee * H + j] = s.gb[j][k];
                    grad.W[1].data()[bee * H + j] = s.gu[j][k];
                }
                grad.b[1].data()[bee] = s.gc[k];
                for (std::size_t i = 0; i < n; ++i) pred[bee * n + i] = s.p[i][k];
                loss[bee] = s.loss[k];
            }
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
};

}  // namespace ch10

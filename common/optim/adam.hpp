// adam.hpp: Adam, AdamW and AdamNoBias: momentum and per-coordinate scaling, bias-corrected.
//
// Chapter 05 introduces both: Adam keeps a moving average of the gradients (first moment, the
// momentum of chapter 02) and of their squares (second moment, RMSprop's of chapter 04), and
// divides out the bias both have towards their zero start. AdamW takes the weight decay out of
// the gradient and shrinks θ directly. The rules are torch.optim.Adam's and AdamW's
// single-tensor implementations (https://pytorch.org/docs/1.13/generated/torch.optim.Adam.html,
// .../torch.optim.AdamW.html), operation by operation: the step size η/(1 − β1ᵗ) multiplies m
// at the end, √v is divided by √(1 − β2ᵗ) before ε is added, and AMSGrad keeps the maximum of
// the raw second moments v (not of the corrected v̂ the docs' pseudocode names).
// Notation: θ parameters, g gradient, η learning rate, β1 β2 the moments' decay rates,
// ε stability term, ω weight decay, m first moment, v second moment, t step (from 1).
#pragma once

#include <cmath>
#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/adam_family.hpp"

namespace gd {

template <class T>
class Adam : public AdamFamily<T> {
  public:
    using typename Optimizer<T>::Tensor;
    using AdamFamily<T>::beta1, AdamFamily<T>::beta2, AdamFamily<T>::eps,
        AdamFamily<T>::weight_decay;
    explicit Adam(double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
                  double weight_decay = 0, bool amsgrad = false)
        : Adam("adam", false, lr, beta1, beta2, eps, weight_decay, amsgrad) {}
    const bool amsgrad;
    std::string name() const override { return "adam"; }

  protected:
    Adam(const std::string& who, bool decoupled, double lr, double beta1, double beta2, double eps,
         double weight_decay, bool amsgrad, bool correct = true)
        : AdamFamily<T>(who, lr, beta1, beta2, eps, weight_decay),
          amsgrad(amsgrad),
          decoupled_(decoupled),
          correct_(correct),
          m_(this->add_buffer("exp_avg")),
          v_(this->add_buffer("exp_avg_sq")),
          vmax_(amsgrad ? this->add_buffer("max_exp_avg_sq") : 0) {}

    void update(std::size_t i, Tensor& theta, const Tensor& grad) override {
        const double t = static_cast<double>(this->t_), eta = this->lr();
        // 1 − β1ᵗ (with this step's β1, as torch) and √(1 − β2ᵗ): the moments' bias towards their
        // zero start, divided out (AdamNoBias leaves both moments as they are: factors of 1).
        const double bias1 = correct_ ? 1 - std::pow(beta1, t) : 1.0;
        const double bias2_sqrt = correct_ ? std::sqrt(1 - std::pow(beta2, t)) : 1.0;
        const T b1 = static_cast<T>(beta1), b2 = static_cast<T>(beta2), e = static_cast<T>(eps);
        const T step_size = static_cast<T>(eta / bias1), root_bias2 = static_cast<T>(bias2_sqrt);
        if (decoupled_ && weight_decay != 0) {
            xt::noalias(theta) = theta * static_cast<T>(1 - eta * weight_decay);  // θ ← θ(1 − ηω)
        }
        // Adam folds the decay into the gradient, g ← g + ωθ (L2 penalty); AdamW did it above.
        const Tensor& g = decoupled_ ? grad : this->l2(i, grad, theta, weight_decay);
        Tensor& m = this->buffer(m_, i);
        Tensor& v = this->buffer(v_, i);
        const T c1 = static_cast<T>(1 - beta1), c2 = static_cast<T>(1 - beta2);
        if (amsgrad) {
            Tensor& vmax = this->buffer(vmax_, i);
            xt::noalias(m) = b1 * m + c1 * g;          // first moment m ← β1m + (1−β1)g
            xt::noalias(v) = b2 * v + c2 * g * g;      // second moment v ← β2v + (1−β2)g²
            xt::noalias(vmax) = xt::maximum(vmax, v);  // v_max ← max(v_max, v), uncorrected
            // θ ← θ − η/(1−β1ᵗ) · m / (√v_max/√(1−β2ᵗ) + ε)
            xt::noalias(theta) = theta - step_size * m / (xt::sqrt(vmax) / root_bias2 + e);
            return;
        }
        // The same three lines as above, fused into one pass over plain arrays: chapter 11 steps
        // 235 000 parameters every batch, and one loop the compiler vectorises beats three
        // passes of generic expressions. Each number sees the same operations in the same order.
        //   m ← β1m + (1−β1)g;  v ← β2v + (1−β2)g²;  θ ← θ − η m̂ / (√v̂ + ε)
        // with m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ), ε outside the root.
        fused_step(m.data(), v.data(), theta.data(), g.data(), theta.size(), b1, c1, b2, c2,
                   step_size, root_bias2, e);
    }

  private:
    static void fused_step(T* m, T* v, T* theta, const T* g, std::size_t n, T b1, T c1, T b2, T c2,
                           T step_size, T root_bias2, T e) {
        for (std::size_t k = 0; k < n; ++k) {
            const T gk = g[k];                      // g: this coordinate's gradient (+ ωθ)
            const T mk = b1 * m[k] + c1 * gk;       // first moment m ← β1m + (1−β1)g
            const T vk = b2 * v[k] + c2 * gk * gk;  // second moment v ← β2v + (1−β2)g²
            m[k] = mk;
            v[k] = vk;
            // θ ← θ − (η/(1−β1ᵗ))·m / (√v/√(1−β2ᵗ) + ε): m̂ = m/(1−β1ᵗ) folded into the step
            // size, v̂ = v/(1−β2ᵗ) under the root, ε added outside it (torch's order)
            theta[k] = theta[k] - step_size * mk / (std::sqrt(vk) / root_bias2 + e);
        }
    }

    bool decoupled_;            // AdamW: decay θ directly instead of adding ωθ to g
    bool correct_;              // divide out the moments' bias (all but AdamNoBias)
    std::size_t m_, v_, vmax_;  // ids of the first and second moments and of their maximum
};

// AdamW: Adam with decoupled weight decay, θ ← θ(1 − ηω) before the Adam step (Loshchilov and
// Hutter); torch's default ω is 1e-2 here, 0 for Adam.
template <class T>
class AdamW : public Adam<T> {
  public:
    explicit AdamW(double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
                   double weight_decay = 1e-2, bool amsgrad = false)
        : Adam<T>("adamw", true, lr, beta1, beta2, eps, weight_decay, amsgrad) {}

    std::string name() const override { return "adamw"; }
};

// Adam without bias correction, as the lecture writes it and the source post most likely ran it
// (chapters 05 and 08): the same two moving averages, used as they are, still biased towards
// their zero start, so the first step is η(1−β1)/√(1−β2) rather than η. Not in torch.optim.
//   m ← β1m + (1−β1)g;  v ← β2v + (1−β2)g²;  θ ← θ − η m / (√v + ε)
template <class T>
class AdamNoBias : public Adam<T> {
  public:
    explicit AdamNoBias(double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
                        double eps = 1e-8)
        : Adam<T>("adam-nobias", false, lr, beta1, beta2, eps, 0.0, false, false) {}

    std::string name() const override { return "adam-nobias"; }
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class Adam<float>;
extern template class Adam<double>;
extern template class AdamW<float>;
extern template class AdamW<double>;
extern template class AdamNoBias<float>;
extern template class AdamNoBias<double>;

}  // namespace gd

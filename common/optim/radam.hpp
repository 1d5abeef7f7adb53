// radam.hpp: RAdam, Adam whose adaptive rate is switched on only once its variance is tame.
//
// Chapter 05 adds it beside Adam and an explicit warm-up: in the first steps the second moment
// rests on a handful of gradients and its ratio m̂/√v̂ is erratic, which is why Adam often needs
// a warm-up. RAdam (Liu et al. 2020, arXiv:1908.03265) measures the length ρ_t of the moving
// average it effectively has; while ρ_t ≤ 5 it takes plain momentum steps η·m̂, after that Adam's
// step scaled by a rectification r_t < 1 that grows towards 1: a warm-up built into the rule.
// The rule is torch.optim.RAdam 1.13's single-tensor implementation, its default
// (https://pytorch.org/docs/1.13/generated/torch.optim.RAdam.html), operation by operation:
// the threshold is ρ_t > 5 (strictly), and ε is added to √v outside the root, after which
// √(1 − β2ᵗ) is divided by it.
// Notation: θ parameters, g gradient, η learning rate, β1 β2 decay rates, ε stability term,
// ω weight decay, m first moment, v second moment, ρ_∞ = 2/(1 − β2) − 1, t step (from 1).
#pragma once

#include <cmath>
#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/adam_family.hpp"

namespace gd {

template <class T>
class RAdam : public AdamFamily<T> {
  public:
    using typename Optimizer<T>::Tensor;
    using AdamFamily<T>::beta1, AdamFamily<T>::beta2, AdamFamily<T>::eps,
        AdamFamily<T>::weight_decay;

    explicit RAdam(double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
                   double weight_decay = 0)
        : AdamFamily<T>("radam", lr, beta1, beta2, eps, weight_decay),
          m_(this->add_buffer("exp_avg")),
          v_(this->add_buffer("exp_avg_sq")) {}

    std::string name() const override { return "radam"; }

    // ρ_∞ = 2/(1 − β2) − 1, the length of the moving average the second moment amounts to in
    // the long run, and ρ_t = ρ_∞ − 2tβ2ᵗ/(1 − β2ᵗ), the length at step t (from 1): the adaptive
    // step is taken once ρ_t > 5. Public for chapter 05's figure.
    double rho_inf() const { return 2 / (1 - beta2) - 1; }
    double rho(long t) const {
        const double step = static_cast<double>(t);
        return rho_inf() - 2 * step * std::pow(beta2, step) / (1 - std::pow(beta2, step));
    }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& grad) override {
        const double t = static_cast<double>(this->t_), eta = this->lr();
        const double bias1 = 1 - std::pow(beta1, t), bias2 = 1 - std::pow(beta2, t);
        const T b1 = static_cast<T>(beta1), c1 = static_cast<T>(1 - beta1),
                b2 = static_cast<T>(beta2), c2 = static_cast<T>(1 - beta2);
        const Tensor& g = this->l2(i, grad, theta, weight_decay);  // g ← g + ωθ (L2 penalty)
        Tensor& m = this->buffer(m_, i);
        Tensor& v = this->buffer(v_, i);
        xt::noalias(m) = b1 * m + c1 * g;      // first moment m ← β1m + (1−β1)g
        xt::noalias(v) = b2 * v + c2 * g * g;  // second moment v ← β2v + (1−β2)g²
        const double rho_inf = this->rho_inf(), rho_t = rho(this->t_);  // ρ_∞, ρ_t
        auto m_hat = m / static_cast<T>(bias1);                         // m̂ = m / (1 − β1ᵗ)
        if (rho_t > 5.) {
            // r_t = √((ρ_t − 4)(ρ_t − 2)ρ_∞ / ((ρ_∞ − 4)(ρ_∞ − 2)ρ_t)): the rectification
            const double rect = std::sqrt((rho_t - 4) * (rho_t - 2) * rho_inf /
                                          ((rho_inf - 4) * (rho_inf - 2) * rho_t));
            // √(1 − β2ᵗ) / (√v + ε): Adam's adaptive rate, 1/√v̂ with ε outside the root
            auto adaptive = static_cast<T>(std::sqrt(bias2)) / (xt::sqrt(v) + static_cast<T>(eps));
            // θ ← θ − m̂·η·adaptive·r_t, multiplied in torch's order
            xt::noalias(theta) =
                theta - m_hat * static_cast<T>(eta) * adaptive * static_cast<T>(rect);
        } else {
            xt::noalias(theta) = theta - m_hat * static_cast<T>(eta);  // θ ← θ − ηm̂: momentum only
        }
    }

  private:
    std::size_t m_, v_;  // ids of the two moments
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class RAdam<float>;
extern template class RAdam<double>;

}  // namespace gd

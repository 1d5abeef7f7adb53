// adamax.hpp: Adamax, Adam with the root mean square replaced by a decaying maximum.
//
// Chapter 05 adds it beside Adam: the same first moment m, but instead of √v̂ the denominator is
// an exponentially weighted infinity norm q ← max(β2·q, |g| + ε), which needs no bias
// correction and no square root (Kingma and Ba 2015, section 7.1). The rule is
// torch.optim.Adamax's single-tensor implementation
// (https://pytorch.org/docs/1.13/generated/torch.optim.Adamax.html), operation by operation:
// ε is added to |g| inside the maximum (not to the denominator), and the bias correction of m
// is folded into the step size η/(1 − β1ᵗ).
// Notation: θ parameters, g gradient, η learning rate, β1 β2 decay rates, ε stability term,
// ω weight decay, m first moment, q infinity norm (the paper's u), t step (from 1).
#pragma once

#include <cmath>
#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/adam_family.hpp"

namespace gd {

template <class T>
class Adamax : public AdamFamily<T> {
  public:
    using typename Optimizer<T>::Tensor;
    using AdamFamily<T>::beta1, AdamFamily<T>::beta2, AdamFamily<T>::eps,
        AdamFamily<T>::weight_decay;

    explicit Adamax(double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
                    double weight_decay = 0)
        : AdamFamily<T>("adamax", lr, beta1, beta2, eps, weight_decay),
          m_(this->add_buffer("exp_avg")),
          q_(this->add_buffer("exp_inf")) {}

    std::string name() const override { return "adamax"; }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& grad) override {
        const double t = static_cast<double>(this->t_);
        const T b1 = static_cast<T>(beta1), c1 = static_cast<T>(1 - beta1),
                b2 = static_cast<T>(beta2), e = static_cast<T>(eps);
        const Tensor& g = this->l2(i, grad, theta, weight_decay);  // g ← g + ωθ (L2 penalty)
        Tensor& m = this->buffer(m_, i);
        Tensor& q = this->buffer(q_, i);
        xt::noalias(m) = b1 * m + c1 * g;  // first moment m ← β1m + (1−β1)g
        xt::noalias(q) = xt::maximum(b2 * q, xt::abs(g) + e);  // q ← max(β2q, |g| + ε)
        // θ ← θ − (η/(1−β1ᵗ))·m / q: the bias correction of m folded into the step size
        const T clr = static_cast<T>(this->lr() / (1 - std::pow(beta1, t)));
        xt::noalias(theta) = theta - clr * m / q;
    }

  private:
    std::size_t m_, q_;  // ids of the first moment and the infinity norm
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class Adamax<float>;
extern template class Adamax<double>;

}  // namespace gd

// adadelta.hpp: Adadelta, RMSprop's per-coordinate scaling with the step's own units restored.
//
// Chapter 04 adds it next to RMSprop: the same moving average v of the squared gradients in the
// denominator, and in the numerator a moving average d of the squared steps actually taken, so a
// step is √(d + ε)/√(v + ε) · g and needs no learning rate of its own (Zeiler 2012,
// arXiv:1212.5701). PyTorch still multiplies by one, η = 1 by default. The rule is
// torch.optim.Adadelta's single-tensor implementation
// (https://pytorch.org/docs/1.13/generated/torch.optim.Adadelta.html), operation by operation:
// ε is added inside both square roots, the ratio √(d + ε)/√(v + ε) is formed before it
// multiplies g, and d takes the new step before θ does.
// Notation: θ parameters, g gradient, η learning rate, ρ decay of both averages, ε stability
// term, ω weight decay, v mean square gradient, d mean square step, δ step, t step count.
#pragma once

#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/optimizer.hpp"

namespace gd {

template <class T>
class Adadelta : public Optimizer<T> {
  public:
    using typename Optimizer<T>::Tensor;

    explicit Adadelta(double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0)
        : Optimizer<T>(lr),
          rho(rho),
          eps(eps),
          weight_decay(weight_decay),
          v_(this->add_buffer("square_avg")),
          d_(this->add_buffer("acc_delta")) {
        require("adadelta", "lr", lr, lr >= 0, "finite and >= 0");
        require("adadelta", "rho", rho, rho >= 0 && rho <= 1, "in [0, 1]");
        require("adadelta", "eps", eps, eps >= 0, "finite and >= 0");
        require("adadelta", "weight_decay", weight_decay, weight_decay >= 0, "finite and >= 0");
    }

    const double rho, eps, weight_decay;

    std::string name() const override { return "adadelta"; }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& grad) override {
        const T r = static_cast<T>(rho), c = static_cast<T>(1 - rho), e = static_cast<T>(eps);
        const Tensor& g = this->l2(i, grad, theta, weight_decay);  // g ← g + ωθ (L2 penalty)
        Tensor& v = this->buffer(v_, i);
        Tensor& d = this->buffer(d_, i);
        xt::noalias(v) = r * v + c * g * g;  // v ← ρv + (1−ρ)g²: mean square gradient
        // δ = √(d + ε) / √(v + ε) · g: the root of the past steps over that of the gradients
        delta_ = xt::sqrt(d + e) / xt::sqrt(v + e) * g;
        xt::noalias(d) = r * d + c * delta_ * delta_;  // d ← ρd + (1−ρ)δ²: mean square step
        xt::noalias(theta) = theta - static_cast<T>(this->lr()) * delta_;  // θ ← θ − ηδ
    }

  private:
    std::size_t v_, d_;  // ids of the mean square gradient and the mean square step
    Tensor delta_;       // scratch for the step δ
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class Adadelta<float>;
extern template class Adadelta<double>;

}  // namespace gd

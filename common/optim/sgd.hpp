// sgd.hpp: stochastic gradient descent, with momentum, dampening, Nesterov and weight decay.
//
// Chapter 02 introduces plain SGD and its momentum, chapter 03 the Nesterov variant. The rule is
// torch.optim.SGD's (https://pytorch.org/docs/1.13/generated/torch.optim.SGD.html), operation by
// operation: the velocity b is the sum of past gradients (v ← μv + g, not the average), it
// starts as the first gradient itself, undampened, and the rate multiplies it at the end.
// Notation: θ parameters, g gradient, η learning rate, μ momentum, τ dampening, λ weight decay,
// b velocity (torch's momentum_buffer), t step.
#pragma once

#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/optimizer.hpp"

namespace gd {

template <class T>
class Sgd : public Optimizer<T> {
  public:
    using typename Optimizer<T>::Tensor;

    Sgd(double lr, double momentum = 0, double dampening = 0, double weight_decay = 0,
        bool nesterov = false)
        : Optimizer<T>(lr),
          momentum(momentum),
          dampening(dampening),
          weight_decay(weight_decay),
          nesterov(nesterov),
          b_(momentum != 0 ? this->add_buffer("momentum_buffer") : 0) {
        require("sgd", "lr", lr, lr >= 0, "finite and >= 0");
        require("sgd", "momentum", momentum, momentum >= 0, "finite and >= 0");
        require("sgd", "dampening", dampening, true, "finite");
        require("sgd", "weight_decay", weight_decay, weight_decay >= 0, "finite and >= 0");
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw UsageError("sgd: nesterov needs momentum > 0 and dampening = 0");
        }
    }

    const double momentum, dampening, weight_decay;
    const bool nesterov;

    std::string name() const override { return "sgd"; }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& grad) override {
        const T eta = static_cast<T>(this->lr()), mu = static_cast<T>(momentum);
        const Tensor& g = this->l2(i, grad, theta, weight_decay);  // g ← g + λθ (L2 penalty)
        if (momentum == 0) {
            xt::noalias(theta) = theta - eta * g;  // θ ← θ − ηg
            return;
        }
        Tensor& b = this->buffer(b_, i);
        if (this->t_ == 1) {
            b = g;  // b₁ = g₁: the velocity starts as the first gradient, undampened
        } else {
            xt::noalias(b) = mu * b + static_cast<T>(1 - dampening) * g;  // b ← μb + (1−τ)g
        }
        if (nesterov) {
            xt::noalias(theta) = theta - eta * (g + mu * b);  // θ ← θ − η(g + μb): look ahead
        } else {
            xt::noalias(theta) = theta - eta * b;  // θ ← θ − ηb
        }
    }

  private:
    std::size_t b_;  // id of the velocity buffer (only with momentum)
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class Sgd<float>;
extern template class Sgd<double>;

}  // namespace gd

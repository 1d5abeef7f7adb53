// sgd.hpp: stochastic gradient descent, with momentum, dampening, Nesterov and weight decay.
//
// Chapter 02 introduces plain SGD and its momentum, chapter 03 the Nesterov variant. The rule is
// torch.optim.SGD's (https://pytorch.org/docs/1.13/generated/torch.optim.SGD.html), operation by
// operation: the velocity u is the sum of past gradients (u ← μu + g, not the average), it
// starts as the first gradient itself, undampened, and the rate multiplies it at the end.
// Notation: θ parameters, g gradient, η learning rate, μ momentum, τ dampening, ω weight decay,
// u velocity (torch's momentum_buffer), t step.
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
          nesterov(nesterov) {
        require("sgd", "lr", lr, lr >= 0, "finite and >= 0");
        require("sgd", "momentum", momentum, momentum >= 0, "finite and >= 0");
        if (momentum != 0) u_ = this->add_buffer("momentum_buffer"), has_u_ = true;
        require("sgd", "dampening", dampening, true, "finite");
        require("sgd", "weight_decay", weight_decay, weight_decay >= 0, "finite and >= 0");
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw UsageError("sgd: nesterov needs momentum > 0 and dampening = 0");
        }
    }

    double momentum;  // μ of the next update: as built, or as set_momentum() last set it
    const double dampening, weight_decay;
    const bool nesterov;

    std::string name() const override { return "sgd"; }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& grad) override {
        const T eta = static_cast<T>(this->lr()), mu = static_cast<T>(momentum);
        const Tensor& g = this->l2(i, grad, theta, weight_decay);  // g ← g + ωθ (L2 penalty)
        if (momentum == 0) {
            xt::noalias(theta) = theta - eta * g;  // θ ← θ − ηg
            return;
        }
        Tensor& u = this->buffer(u_, i);
        if (this->t_ == 1) {
            u = g;  // u₁ = g₁: the velocity starts as the first gradient, undampened
        } else {
            xt::noalias(u) = mu * u + static_cast<T>(1 - dampening) * g;  // u ← μu + (1−τ)g
        }
        if (nesterov) {
            xt::noalias(theta) = theta - eta * (g + mu * u);  // θ ← θ − η(g + μu): look ahead
        } else {
            xt::noalias(theta) = theta - eta * u;  // θ ← θ − ηu
        }
    }

  public:
    std::string momentum_name() const override { return "momentum"; }
    // μ from now on, as PyTorch's OneCycleLR and CyclicLR write group['momentum'] before every
    // update (train/step.hpp), even on an SGD built without momentum: the velocity then starts at
    // the first update, as torch's buffer does, and a μ of 0 at some update is a plain step that
    // keeps the velocity, as in torch. It can start only before the first update: after it,
    // torch's buffer would begin at a later step, which a state saved without it cannot resume.
    void set_momentum(double mu) override {
        require("sgd", "momentum", mu, mu >= 0, "finite and >= 0");
        if (mu != 0 && !has_u_) {
            if (this->t_ > 0) {
                throw UsageError(
                    "sgd: momentum cannot start after the first update (give the "
                    "schedule a first momentum > 0)");
            }
            u_ = this->add_buffer("momentum_buffer"), has_u_ = true;
        }
        momentum = mu;
    }

  private:
    std::size_t u_ = 0;   // id of the velocity buffer (only with momentum)
    bool has_u_ = false;  // the velocity exists
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class Sgd<float>;
extern template class Sgd<double>;

}  // namespace gd

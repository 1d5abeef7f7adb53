// adagrad.hpp: AdaGrad, a per-coordinate rate that shrinks with the gradients seen so far.
//
// Chapter 04 introduces it: each coordinate's step is divided by the root of the sum of all its
// squared gradients, so steep coordinates slow down and flat ones keep moving; the sum only
// grows, which is the weakness RMSprop (rmsprop.hpp) repairs. The rule is torch.optim.Adagrad's
// (https://pytorch.org/docs/1.13/generated/torch.optim.Adagrad.html), operation by operation,
// with its optional rate decay η_t = η / (1 + (t − 1)·lr_decay) and the sum starting at 0
// (torch's initial_accumulator_value = 0, its default).
// Notation: θ parameters, g gradient, η learning rate, ε stability term, ω weight decay,
// S sum of squared gradients, t step.
#pragma once

#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/optimizer.hpp"

namespace gd {

template <class T>
class Adagrad : public Optimizer<T> {
  public:
    using typename Optimizer<T>::Tensor;

    explicit Adagrad(double lr = 1e-2, double lr_decay = 0, double weight_decay = 0,
                     double eps = 1e-10)
        : Optimizer<T>(lr),
          lr_decay(lr_decay),
          weight_decay(weight_decay),
          eps(eps),
          sum_(this->add_buffer("sum")) {
        require("adagrad", "lr", lr, lr >= 0, "finite and >= 0");
        require("adagrad", "lr_decay", lr_decay, lr_decay >= 0, "finite and >= 0");
        require("adagrad", "weight_decay", weight_decay, weight_decay >= 0, "finite and >= 0");
        require("adagrad", "eps", eps, eps >= 0, "finite and >= 0");
    }

    const double lr_decay, weight_decay, eps;

    std::string name() const override { return "adagrad"; }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& grad) override {
        const double t = static_cast<double>(this->t_);
        const double eta_t = this->lr() / (1 + (t - 1) * lr_decay);  // η_t = η / (1 + (t−1)·decay)
        const Tensor& g = this->l2(i, grad, theta, weight_decay);  // g ← g + ωθ (L2 penalty)
        Tensor& S = this->buffer(sum_, i);
        xt::noalias(S) = S + g * g;  // S ← S + g²: every squared gradient, never forgotten
        const T eta = static_cast<T>(eta_t), e = static_cast<T>(eps);
        // θ ← θ − η_t·g / (√S + ε), ε outside the square root as PyTorch does
        xt::noalias(theta) = theta - eta * g / (xt::sqrt(S) + e);
    }

  private:
    std::size_t sum_;  // id of the sum of squared gradients
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class Adagrad<float>;
extern template class Adagrad<double>;

}  // namespace gd

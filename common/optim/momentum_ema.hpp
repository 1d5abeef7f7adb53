// momentum_ema.hpp: momentum as an exponential moving average of the gradients.
//
// Chapter 02 introduces momentum in this form, the one of the blog post the book follows (and of
// Andrew Ng's course): the velocity v is a weighted average of past gradients, so η keeps its
// meaning as a step size whatever β is. It is not in torch.optim; reference: the torch.optim.SGD
// page (https://pytorch.org/docs/1.13/generated/torch.optim.SGD.html), whose velocity form
// v ← βv + g is the same path with rate η(1 − β) (chapter 02; tests/test_optimizers.cpp).
// Notation: θ parameters, g gradient, η learning rate, β momentum, v velocity, t step.
#pragma once

#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/optimizer.hpp"

namespace gd {

template <class T>
class MomentumEma : public Optimizer<T> {
  public:
    using typename Optimizer<T>::Tensor;

    explicit MomentumEma(double lr, double beta = 0.9)
        : Optimizer<T>(lr), beta(beta), v_(this->add_buffer("velocity")) {
        require("momentum-ema", "lr", lr, lr >= 0, "finite and >= 0");
        require("momentum-ema", "beta", beta, beta >= 0 && beta < 1, "in [0, 1)");
    }

    const double beta;

    std::string name() const override { return "momentum-ema"; }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& g) override {
        Tensor& v = this->buffer(v_, i);  // v₀ = 0
        const T b = static_cast<T>(beta), eta = static_cast<T>(this->lr());
        xt::noalias(v) = b * v + static_cast<T>(1 - beta) * g;  // v ← βv + (1−β)g: average of g
        xt::noalias(theta) = theta - eta * v;                   // θ ← θ − ηv
    }

  private:
    std::size_t v_;  // id of the velocity buffer
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class MomentumEma<float>;
extern template class MomentumEma<double>;

}  // namespace gd

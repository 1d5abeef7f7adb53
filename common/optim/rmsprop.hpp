// rmsprop.hpp: RMSprop, each coordinate's step divided by its recent gradient magnitude.
//
// Chapter 04 introduces it after AdaGrad: the same per-coordinate scaling, but the squared
// gradients are averaged with forgetting (α) instead of summed, so the rate stops shrinking.
// The rule is torch.optim.RMSprop's (https://pytorch.org/docs/1.13/generated/
// torch.optim.RMSprop.html), operation by operation, including its optional centering (divide by
// an estimate of the variance instead of the raw second moment) and momentum, whose buffer,
// unlike SGD's, starts at zero and accumulates the already-scaled steps g / (√s + ε).
// Notation: θ parameters, g gradient, η learning rate, α smoothing, ε stability term,
// μ momentum, ω weight decay, s mean square, m mean gradient, u velocity, t step.
#pragma once

#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/optimizer.hpp"

namespace gd {

template <class T>
class RmsProp : public Optimizer<T> {
  public:
    using typename Optimizer<T>::Tensor;
    RmsProp(double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0,
            double momentum = 0, bool centered = false)
        : Optimizer<T>(lr),
          alpha(alpha),
          eps(eps),
          weight_decay(weight_decay),
          momentum(momentum),
          centered(centered),
          s_(this->add_buffer("square_avg")),
          u_(momentum > 0 ? this->add_buffer("momentum_buffer") : none),
          m_(centered ? this->add_buffer("grad_avg") : 0) {
        require("rmsprop", "lr", lr, lr >= 0, "finite and >= 0");
        require("rmsprop", "alpha", alpha, alpha >= 0, "finite and >= 0");
        require("rmsprop", "eps", eps, eps >= 0, "finite and >= 0");
        require("rmsprop", "weight_decay", weight_decay, weight_decay >= 0, "finite and >= 0");
        require("rmsprop", "momentum", momentum, momentum >= 0, "finite and >= 0");
    }

    const double alpha, eps, weight_decay;
    double momentum;  // μ of the next update: as built, or as set_momentum() last set it
    const bool centered;

    std::string name() const override { return "rmsprop"; }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& grad) override {
        const T a = static_cast<T>(alpha), e = static_cast<T>(eps),
                eta = static_cast<T>(this->lr());
        const Tensor& g = this->l2(i, grad, theta, weight_decay);  // g ← g + ωθ (L2 penalty)
        Tensor& s = this->buffer(s_, i);
        xt::noalias(s) = a * s + static_cast<T>(1 - alpha) * g * g;  // s ← αs + (1−α)g²
        // The step with a denominator d = √s + ε, or √(s − m²) + ε when centered.
        auto descend = [&](auto&& d) {
            if (momentum > 0) {
                Tensor& u = this->buffer(u_, i);
                xt::noalias(u) = static_cast<T>(momentum) * u + g / d;  // u ← μu + g/d
                xt::noalias(theta) = theta - eta * u;                   // θ ← θ − ηu
            } else {
                xt::noalias(theta) = theta - eta * g / d;  // θ ← θ − ηg/d
            }
        };
        if (centered) {
            Tensor& m = this->buffer(m_, i);
            xt::noalias(m) = a * m + static_cast<T>(1 - alpha) * g;  // m ← αm + (1−α)g
            descend(xt::sqrt(s - m * m) + e);  // √(s − m²) + ε: variance, ε outside the root
        } else {
            descend(xt::sqrt(s) + e);  // √s + ε: ε outside the square root, as PyTorch does
        }
    }

  public:
    std::string momentum_name() const override { return "momentum"; }
    // μ from now on, as PyTorch's OneCycleLR and CyclicLR write group['momentum'] before every
    // update (train/step.hpp), also on an RMSprop built without momentum: the velocity must then
    // exist from the first update, as torch creates it with the state when group['momentum'] > 0
    // there (and fails later when it is not); a μ of 0 at some update is a plain step.
    void set_momentum(double mu) override {
        require("rmsprop", "momentum", mu, mu >= 0, "finite and >= 0");
        if (mu > 0 && u_ == none) {
            if (this->t_ > 0) {
                throw UsageError(
                    "rmsprop: momentum cannot start after the first update (give "
                    "the schedule a first momentum > 0)");
            }
            u_ = this->add_buffer("momentum_buffer");
        }
        momentum = mu;
    }

  private:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);  // no velocity
    std::size_t s_, u_, m_;  // ids of the mean square, the velocity and the mean gradient
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class RmsProp<float>;
extern template class RmsProp<double>;

}  // namespace gd

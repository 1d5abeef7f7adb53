// rprop.hpp: Rprop, steps of a size learnt per coordinate, in the direction of the gradient's sign.
//
// Chapter 04 adds it: the gradient's magnitude is thrown away, only its sign is used. Each
// coordinate has its own step size, which grows by η+ while the gradient keeps its sign and
// shrinks by η− when the sign flips (the last step jumped over a minimum); after a flip that
// coordinate pauses for one step (Riedmiller and Braun 1993). The rule is torch.optim.Rprop 1.13's
// single-tensor implementation (https://pytorch.org/docs/1.13/generated/torch.optim.Rprop.html),
// operation by operation. What surprises in it:
//  - the learning rate only sets every step size at the first update; after that torch never
//    reads it again, so a schedule (which changes η before every update) does nothing to Rprop
//    but choose its first step;
//  - the sign compared is that of the product g·g′, not of g and g′ separately: two gradients
//    so small that their product underflows to 0 count as "no change" and keep the step size;
//  - a gradient set to 0 after a flip is what is remembered as g′, so the step after a pause
//    neither grows nor shrinks;
//  - torch does not check step_sizes; we refuse a minimum above the maximum (clamp would then
//    return the maximum) and negative sizes.
// Notation: θ parameters, g gradient, g′ the previous (possibly zeroed) gradient, η learning
// rate, η− η+ the factors (etas), Δ the step sizes, Δmin Δmax their bounds, t step.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/optimizer.hpp"

namespace gd {

template <class T>
class Rprop : public Optimizer<T> {
  public:
    using typename Optimizer<T>::Tensor;

    explicit Rprop(double lr = 1e-2, double etaminus = 0.5, double etaplus = 1.2,
                   double step_size_min = 1e-6, double step_size_max = 50)
        : Optimizer<T>(lr),
          etaminus(etaminus),
          etaplus(etaplus),
          step_size_min(step_size_min),
          step_size_max(step_size_max),
          prev_(this->add_buffer("prev")),
          size_(this->add_buffer("step_size")) {
        require("rprop", "lr", lr, lr >= 0, "finite and >= 0");
        if (!(etaminus > 0 && etaminus < 1 && 1 < etaplus && std::isfinite(etaplus))) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "%.17g, %.17g", etaminus, etaplus);
            throw UsageError(std::string("rprop: etas must be 0 < eta_minus < 1 < eta_plus, got ") +
                             buf);
        }
        require("rprop", "step_size_min", step_size_min, step_size_min >= 0, "finite and >= 0");
        require("rprop", "step_size_max", step_size_max, step_size_max >= step_size_min,
                "finite and >= step_size_min");
    }

    const double etaminus, etaplus, step_size_min, step_size_max;

    std::string name() const override { return "rprop"; }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& grad) override {
        Tensor& prev = this->buffer(prev_, i);  // g′, zero before the first step
        Tensor& size = this->buffer(size_, i);  // Δ
        if (this->t_ == 1) size.fill(static_cast<T>(this->lr()));  // Δ₀ = η, the only use of η
        const T minus = static_cast<T>(etaminus), plus = static_cast<T>(etaplus);
        const T lo = static_cast<T>(step_size_min), hi = static_cast<T>(step_size_max);
        g_ = grad;
        T *g = g_.data(), *p = prev.data(), *s = size.data();
        for (std::size_t k = 0; k < g_.size(); ++k) {
            const T product = g[k] * p[k];  // g·g′: its sign says whether the gradient flipped
            const T factor = product > 0 ? plus : product < 0 ? minus : T(1);
            s[k] = std::min(std::max(s[k] * factor, lo), hi);  // Δ ← clamp(Δ·factor, Δmin, Δmax)
            if (factor == minus) g[k] = 0;  // after a flip: no step now, and g′ = 0 next time
            p[k] = g[k];                    // g′ ← g
        }
        // θ ← θ − sign(g)·Δ
        xt::noalias(theta) = theta - xt::sign(g_) * size;
    }

  private:
    std::size_t prev_, size_;  // ids of the previous gradient and the step sizes
    Tensor g_;                 // scratch for the gradient, zeroed where it flipped
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class Rprop<float>;
extern template class Rprop<double>;

}  // namespace gd

// nadam.hpp: NAdam, Adam with Nesterov's look-ahead on the first moment.
//
// Chapter 05 adds it beside Adam: the step mixes the current gradient, weighted by 1 − μ_t, with
// the first moment as it will be one step later, weighted by μ_{t+1} (Dozat 2016, "Incorporating
// Nesterov Momentum into Adam"); the momentum μ_t = β1(1 − ½·0.96^(tψ)) warms up slowly
// (ψ = momentum_decay). The rule is torch.optim.NAdam 1.13's single-tensor implementation, its
// default (https://pytorch.org/docs/1.13/generated/torch.optim.NAdam.html), operation by
// operation. Two things in it surprise:
//  - the product for the look-ahead term is μ_prod_next = (μ_1···μ_t)·μ_t·μ_{t+1}: torch 1.13
//    multiplies the running product, already updated with μ_t, by μ_t once more. Its foreach
//    implementation (foreach=True) and later versions use (μ_1···μ_t)·μ_{t+1}, so 1.13 gives
//    different paths depending on that flag; we follow the default, foreach=False;
//  - torch keeps that product as a tensor of the default dtype: under float32 (torch's default)
//    it is rounded to float32 every step even for float64 parameters, and a float64 run moves by
//    ~1e-10 relative. We keep it in double, as torch does under set_default_dtype(float64), which
//    is how tests/reference_optimizers.py runs it.
// Notation: θ parameters, g gradient, η learning rate, β1 β2 decay rates, ε stability term,
// ω weight decay, ψ momentum decay, μ_t momentum of step t, m first moment, v second moment,
// t step (from 1).
#pragma once

#include <cmath>
#include <functional>
#include <istream>
#include <ostream>
#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/adam_family.hpp"

namespace gd {

template <class T>
class NAdam : public AdamFamily<T> {
  public:
    using typename Optimizer<T>::Tensor;
    using AdamFamily<T>::beta1, AdamFamily<T>::beta2, AdamFamily<T>::eps,
        AdamFamily<T>::weight_decay;

    explicit NAdam(double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
                   double weight_decay = 0, double momentum_decay = 4e-3)
        : AdamFamily<T>("nadam", lr, beta1, beta2, eps, weight_decay),
          momentum_decay(momentum_decay),
          m_(this->add_buffer("exp_avg")),
          v_(this->add_buffer("exp_avg_sq")) {
        require("nadam", "momentum_decay", momentum_decay, momentum_decay >= 0, "finite and >= 0");
    }

    const double momentum_decay;

    std::string name() const override { return "nadam"; }

  protected:
    // The scalars every parameter shares this step, in torch's order of operations.
    void begin_step() override {
        const double t = static_cast<double>(this->t_);
        bias2_ = 1 - std::pow(beta2, t);                                           // 1 − β2ᵗ
        mu_ = beta1 * (1. - 0.5 * std::pow(0.96, t * momentum_decay));             // μ_t
        mu_next_ = beta1 * (1. - 0.5 * std::pow(0.96, (t + 1) * momentum_decay));  // μ_{t+1}
        mu_product_ *= mu_;                                                        // μ_1···μ_t
        const double mu_product_next = mu_product_ * mu_ * mu_next_;  // torch 1.13: μ_t twice
        // the two step sizes: −η(1−μ_t)/(1 − μ_1···μ_t) for g, −ημ_{t+1}/(1 − μ_prod_next) for m
        step_g_ = -this->lr() * (1. - mu_) / (1. - mu_product_);
        step_m_ = -this->lr() * mu_next_ / (1. - mu_product_next);
    }

    void update(std::size_t i, Tensor& theta, const Tensor& grad) override {
        const T b1 = static_cast<T>(beta1), c1 = static_cast<T>(1 - beta1),
                b2 = static_cast<T>(beta2), c2 = static_cast<T>(1 - beta2);
        const Tensor& g = this->l2(i, grad, theta, weight_decay);  // g ← g + ωθ (L2 penalty)
        Tensor& m = this->buffer(m_, i);
        Tensor& v = this->buffer(v_, i);
        xt::noalias(m) = b1 * m + c1 * g;      // first moment m ← β1m + (1−β1)g
        xt::noalias(v) = b2 * v + c2 * g * g;  // second moment v ← β2v + (1−β2)g²
        // √(v / (1 − β2ᵗ)) + ε: v̂ under the root, ε outside (the single-tensor order)
        denom_ = xt::sqrt(v / static_cast<T>(bias2_)) + static_cast<T>(eps);
        // θ ← θ − η(1−μ_t)/(1 − μ_1···μ_t) · g/d: the current gradient's share
        xt::noalias(theta) = theta + static_cast<T>(step_g_) * g / denom_;
        // θ ← θ − ημ_{t+1}/(1 − μ_prod_next) · m/d: the first moment, one step ahead
        xt::noalias(theta) = theta + static_cast<T>(step_m_) * m / denom_;
    }

    // The running product μ_1···μ_t, the one scalar NAdam carries from step to step.
    void save_extra(std::ostream& os) const override {
        os << "mu_product " << this->hex(mu_product_) << '\n';
    }
    std::function<void()> load_extra(std::istream& is) override {
        this->expect(is, "mu_product");
        const double p = this->number(is);
        return [this, p] { mu_product_ = p; };
    }

  private:
    double mu_product_ = 1.0;  // μ_1···μ_t (torch's mu_product)
    double bias2_ = 1, mu_ = 0, mu_next_ = 0, step_g_ = 0, step_m_ = 0;  // this step's scalars
    std::size_t m_, v_;                                                  // ids of the two moments
    Tensor denom_;                                                       // scratch for √v̂ + ε
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class NAdam<float>;
extern template class NAdam<double>;

}  // namespace gd

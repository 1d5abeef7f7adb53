// local_gain.hpp: the lecture's local gain, a learning rate per weight that adapts to the
// gradient's sign.
//
// Chapter 04 adds it beside RMSprop and Rprop. Every weight has a gain, starting at 1. At each
// step, if there is a previous gradient g′, each weight compares its gradient g with it:
//     g·g′ > 0 → gain += β      (the same direction again: go faster, additively)
//     g·g′ < 0 → gain ×= 1 − β  (the sign flipped: we jumped over something, brake
//     multiplicatively) g·g′ = 0 → gain unchanged
// then w ← w − η·gain·g, and g becomes g′. It is the delta-bar-delta family (Jacobs 1988,
// "Increased rates of convergence through learning rate adaptation"); Hinton's lecture 6 uses
// +0.05 and ×0.95, which is β = 0.05. No torch class has it: tests/test_optimizers.cpp checks it
// against an independent plain implementation and against hand-worked first steps.
// Notation: θ parameters (the weights w), g gradient, g′ the previous gradient, η learning rate,
// β the gain's step, t step.
#pragma once

#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/optimizer.hpp"

namespace gd {

template <class T>
class LocalGain : public Optimizer<T> {
  public:
    using typename Optimizer<T>::Tensor;

    explicit LocalGain(double lr, double beta = 0.05)
        : Optimizer<T>(lr),
          beta(beta),
          gain_(this->add_buffer("gain")),
          prev_(this->add_buffer("prev_grad")) {
        require("local-gain", "lr", lr, lr >= 0, "finite and >= 0");
        require("local-gain", "beta", beta, beta > 0 && beta < 1, "in (0, 1)");
    }

    const double beta;

    std::string name() const override { return "local-gain"; }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& g) override {
        Tensor& gain = this->buffer(gain_, i);
        Tensor& prev = this->buffer(prev_, i);  // g′
        const T b = static_cast<T>(beta), shrink = static_cast<T>(1 - beta);
        if (this->t_ == 1) {
            gain.fill(T(1));  // every gain starts at 1; there is no g′ yet
        } else {
            T* k = gain.data();
            for (std::size_t j = 0; j < gain.size(); ++j) {
                const T agree = g.data()[j] * prev.data()[j];  // g·g′
                if (agree > 0) {
                    k[j] = k[j] + b;  // same sign: gain += β
                } else if (agree < 0) {
                    k[j] = k[j] * shrink;  // flipped: gain ×= 1 − β
                }
            }
        }
        const T eta = static_cast<T>(this->lr());
        xt::noalias(theta) = theta - eta * gain * g;  // w ← w − η·gain·g
        xt::noalias(prev) = g;                        // g′ ← g
    }

  private:
    std::size_t gain_, prev_;  // ids of the gains and the previous gradient
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class LocalGain<float>;
extern template class LocalGain<double>;

}  // namespace gd

// polynomial.hpp: PolynomialLR, the rate brought down to zero along a polynomial.
//
// Introduced in chapter 07. It follows torch.optim.lr_scheduler.PolynomialLR of PyTorch 1.13
// (https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.PolynomialLR.html):
//     η_t = η₀ · (1 − min(t, T)/T)^p,
// linear for p = 1, reaching 0 at t = T and staying there. PyTorch computes it recursively,
// multiplying by ((1 − t/T)/(1 − (t−1)/T))^p at each step; we write the closed form (its
// _get_closed_form_lr), equal up to one rounding per step.
//
// Notation: η₀ base rate, η_t rate of update t (t = 0 is the first update), T total_iters,
// p power.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "schedule/schedule.hpp"

namespace gd {

class PolynomialDecay : public Schedule {
  public:
    PolynomialDecay(double base_lr, long total_iters = 5, double power = 1.0)
        : base_(base_lr), total_(total_iters), power_(power) {
        require_rate("polynomial", "base_lr", base_lr);
        require_count("polynomial", "total_iters", total_iters);
        // torch does not check it; a negative power makes the rate infinite at t = T.
        require_rate("polynomial", "power", power);
    }
    std::string name() const override { return "polynomial"; }
    std::vector<ScheduleParam> params() const override {
        return {{"base_lr", base_}, {"total_iters", total_}, {"power", power_}};
    }

  protected:
    double rate_at(long t) const override {
        const double done = static_cast<double>(std::min(total_, t));  // min(t, T)
        return base_ * std::pow(1.0 - done / static_cast<double>(total_), power_);
    }

  private:
    double base_;
    long total_;
    double power_;
};

}  // namespace gd

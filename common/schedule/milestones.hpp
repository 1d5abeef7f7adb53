// milestones.hpp: the schedules that change the rate at chosen updates, MultiStepLR and
// ConstantLR.
//
// Introduced in chapter 07 beside the smooth schedules. They follow torch.optim.lr_scheduler of
// PyTorch 1.13 (https://pytorch.org/docs/1.13/optim.html). PyTorch computes both recursively,
// multiplying the previous rate at each milestone; both are cheap to follow exactly as a pure
// function of t, so rate(t) repeats those very multiplications, in their order, and agrees with
// torch to the bit (where StepDecay's closed form agrees to rounding).
//
// Notation: η₀ base rate, η_t rate of update t (t = 0 is the first update), γ decay factor,
// m_1 ≤ m_2 ≤ ... the milestones, f the factor, T total_iters.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "schedule/schedule.hpp"

namespace gd {

// MultiStepLR: η_t = η₀ · γ^(number of milestones ≤ t): the rate drops by γ at each milestone
// ("by 10 at epochs 30 and 80"). As in torch, a milestone given twice drops it by γ² there, the
// order they are given in does not matter, and a milestone 0 already applies to update 0.
class MultiStepDecay : public Schedule {
  public:
    MultiStepDecay(double base_lr, std::vector<long> milestones, double gamma = 0.1)
        : base_(base_lr), milestones_(std::move(milestones)), gamma_(gamma) {
        require_rate("multistep", "base_lr", base_lr);
        require(!milestones_.empty(), "multistep", "milestones must not be empty", 0);
        for (long m : milestones_) {
            require(m >= 0, "multistep", "milestones must be integers >= 0",
                    static_cast<double>(m));
        }
        require_rate("multistep", "gamma", gamma);
        std::sort(milestones_.begin(), milestones_.end());
    }
    std::string name() const override { return "multistep"; }
    std::vector<ScheduleParam> params() const override {
        std::string list;
        for (long m : milestones_) list += (list.empty() ? "" : ",") + std::to_string(m);
        return {{"base_lr", base_}, {"milestones", list}, {"gamma", gamma_}};
    }

  protected:
    // torch at milestone m: η ← η · γ^(times m is listed); in between, η stays.
    double rate_at(long t) const override {
        double eta = base_;
        for (std::size_t i = 0; i < milestones_.size() && milestones_[i] <= t;) {
            const auto times = std::count(milestones_.begin(), milestones_.end(), milestones_[i]);
            eta = eta * std::pow(gamma_, static_cast<double>(times));
            i += static_cast<std::size_t>(times);
        }
        return eta;
    }

  private:
    double base_;
    std::vector<long> milestones_;  // sorted
    double gamma_;
};

// ConstantLR: η_t = η₀ · f for t < T, then η₀ again: a constant warm-up (or cool-down) factor.
// Torch gets back by dividing, η_T = (η₀·f)·(1/f), which is η₀ only up to one rounding; we do
// the same. As in torch f lies in [0, 1]; f = 0 is refused, since torch's 1/f then raises
// ZeroDivisionError at update T.
class ConstantFactor : public Schedule {
  public:
    ConstantFactor(double base_lr, double factor = 1.0 / 3, long total_iters = 5)
        : base_(base_lr), factor_(factor), total_(total_iters) {
        require_rate("constant-lr", "base_lr", base_lr);
        require(factor > 0.0 && factor <= 1.0, "constant-lr", "factor must be in (0, 1]", factor);
        require_count("constant-lr", "total_iters", total_iters);
    }
    std::string name() const override { return "constant-lr"; }
    std::vector<ScheduleParam> params() const override {
        return {{"base_lr", base_}, {"factor", factor_}, {"total_iters", total_}};
    }

  protected:
    double rate_at(long t) const override {
        const double low = base_ * factor_;  // η₀·f, from update 0
        return t < total_ ? low : low * (1.0 / factor_);
    }

  private:
    double base_, factor_;
    long total_;
};

}  // namespace gd

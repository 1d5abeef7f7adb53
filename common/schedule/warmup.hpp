// warmup.hpp: a linear warm-up in front of any schedule.
//
// Introduced in chapter 07. For the first N updates the rate climbs linearly from F·η₀ towards
// η₀, then the schedule takes over as if it started there. It is exactly PyTorch 1.13's
//     SequentialLR(optimizer, [LinearLR(optimizer, start_factor=F, end_factor=1,
//                                       total_iters=N), schedule], milestones=[N])
// with the LinearLR built first, as that line builds it
// (https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.SequentialLR.html), and
// what it does is not quite what its name suggests:
//  - the warm-up never reaches η₀: at update N−1 it stands at η₀(F + (1−F)(N−1)/N), and at the
//    milestone N the schedule jumps in at its own update 0 (torch calls its step(0)), so the
//    schedule's clock starts at N: a cosine's t_max, a one-cycle's total_steps count from there;
//  - η₀, the rate the warm-up climbs to, is the optimizer's rate, except before OneCycleLR,
//    whose constructor overwrites the group's initial_lr with max_lr/div_factor: then it climbs
//    to the cycle's start. Before CyclicLR it climbs to the optimizer's rate and then drops to
//    the cycle's base_lr;
//  - a momentum the schedule cycles stays at its first value during the warm-up (the schedule's
//    constructor set it; LinearLR leaves it alone);
//  - ReduceLROnPlateau cannot stand in it: torch fails at the milestone (it has no
//    get_last_lr, and SequentialLR would step it without the loss), so we refuse it.
// The rate during the warm-up is LinearSchedule's closed form (decay.hpp), equal to torch's
// recursive LinearLR up to rounding.
//
// Notation: N warmup_steps, F warmup_factor, η₀ the rate it climbs to, t the update.
#pragma once

#include <climits>
#include <memory>
#include <string>
#include <vector>

#include "schedule/decay.hpp"
#include "schedule/schedule.hpp"

namespace gd {

class Warmup : public Schedule {
  public:
    Warmup(std::unique_ptr<Schedule> then, long steps, double factor, double lr)
        : then_(std::move(then)),
          steps_(steps),
          factor_(factor),
          lr_(lr),
          ramp_(lr, checked(factor, steps), 1.0, steps) {
        if (!then_) throw UsageError("warmup: no schedule to warm up for");
        if (then_->reads_loss()) {
            throw UsageError("warmup: torch 1.13's SequentialLR cannot hold " + then_->name() +
                             " (it would step it without the loss)");
        }
    }

    std::string name() const override { return "warmup"; }
    // Its own three, then the schedule's name and parameters.
    std::vector<ScheduleParam> params() const override {
        std::vector<ScheduleParam> p = {{"warmup_steps", steps_},
                                        {"warmup_factor", factor_},
                                        {"warmup_lr", lr_},
                                        {"then", then_->name()}};
        for (const auto& q : then_->params()) p.push_back(q);
        return p;
    }
    long horizon() const override {
        const long h = then_->horizon();
        return h > LONG_MAX - steps_ ? LONG_MAX : h + steps_;
    }
    bool cycles_momentum() const override { return then_->cycles_momentum(); }
    bool cycles_beta1() const override { return then_->cycles_beta1(); }
    const Schedule& then() const { return *then_; }

  protected:
    // η₀(F + (1 − F)t/N) for t < N, then the schedule's own rate at t − N.
    double rate_at(long t) const override {
        return t < steps_ ? ramp_.rate(t) : then_->rate(t - steps_);
    }
    double momentum_at(long t) const override {
        return then_->momentum(t < steps_ ? 0 : t - steps_);
    }

  private:
    // F in (0, 1] (torch's LinearLR divides by F) and N >= 1, checked before the ramp is built.
    static double checked(double factor, long steps) {
        require(factor > 0.0 && factor <= 1.0, "warmup", "warmup_factor must be in (0, 1]", factor);
        require_count("warmup", "warmup_steps", steps);
        return factor;
    }

    std::unique_ptr<Schedule> then_;
    long steps_;
    double factor_, lr_;
    LinearSchedule ramp_;
};

}  // namespace gd

// cosine_restarts.hpp: cosine annealing, and cosine annealing with warm restarts (SGDR).
//
// Introduced in chapter 07 (annealing and restarts). They follow torch.optim.lr_scheduler of
// PyTorch 1.13 (https://pytorch.org/docs/1.13/optim.html): CosineAnnealingLR and
// CosineAnnealingWarmRestarts, the latter stepped without an epoch argument (once per update).
// Both come from Loshchilov & Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts"
// (arXiv:1608.03983).
//
// Notation: η₀ base rate (the top of the cosine), η_min its floor, η_t rate of update t
// (t = 0 is the first update), T the length of a half period or of a cycle.
#pragma once

#include <climits>
#include <cmath>
#include <string>
#include <vector>

#include "schedule/schedule.hpp"

namespace gd {

// One half cosine from η₀ down to η_min as x goes from 0 to 1:
//     η_min + (η₀ - η_min) · (1 + cos(π x)) / 2,
// evaluated in PyTorch's order of operations (x = cur / len), so the roundings are its roundings.
inline double cosine_between(double eta0, double eta_min, double cur, double len) {
    constexpr double pi = 3.141592653589793;  // math.pi
    return eta_min + (eta0 - eta_min) * (1.0 + std::cos(pi * cur / len)) / 2.0;
}

// CosineAnnealingLR: η_t = η_min + (η₀ - η_min) · (1 + cos(π t / T)) / 2.
// Beware: it does not stop at t = T. Like PyTorch's recursive form, the cosine carries on, so the
// rate climbs back to η₀ at t = 2T, falls again to η_min at 3T, and so on (period 2T). Set T to
// the length of the run, or use the restarts below.
class CosineAnnealing : public Schedule {
  public:
    CosineAnnealing(double base_lr, long t_max, double eta_min = 0.0)
        : base_(base_lr), t_max_(t_max), eta_min_(eta_min) {
        require_rate("cosine", "base_lr", base_lr);
        require_count("cosine", "t_max", t_max);
        require_rate("cosine", "eta_min", eta_min);
    }
    std::string name() const override { return "cosine"; }
    std::vector<ScheduleParam> params() const override {
        return {{"base_lr", base_}, {"t_max", t_max_}, {"eta_min", eta_min_}};
    }

  protected:
    double rate_at(long t) const override {
        return cosine_between(base_, eta_min_, static_cast<double>(t), static_cast<double>(t_max_));
    }

  private:
    double base_;
    long t_max_;
    double eta_min_;
};

// CosineAnnealingWarmRestarts (SGDR): the cosine runs over a cycle of T_i updates, then the rate
// jumps back to η₀ (a warm restart) and the next cycle is T_mult times longer:
//     T_0 = t0,  T_{i+1} = T_mult · T_i,
//     η_t = η_min + (η₀ - η_min) · (1 + cos(π T_cur / T_i)) / 2,
// where T_cur counts the updates since the last restart. A cycle never reaches η_min: its last
// update has T_cur = T_i - 1, and the next one restarts at T_cur = 0.
class CosineWarmRestarts : public Schedule {
  public:
    CosineWarmRestarts(double base_lr, long t0, long t_mult = 1, double eta_min = 0.0)
        : base_(base_lr), t0_(t0), t_mult_(t_mult), eta_min_(eta_min) {
        require_rate("cosine-restarts", "base_lr", base_lr);
        require_count("cosine-restarts", "t0", t0);
        require_count("cosine-restarts", "t_mult", t_mult);
        require_rate("cosine-restarts", "eta_min", eta_min);
    }
    std::string name() const override { return "cosine-restarts"; }
    std::vector<ScheduleParam> params() const override {
        return {{"base_lr", base_}, {"t0", t0_}, {"t_mult", t_mult_}, {"eta_min", eta_min_}};
    }
    // Cycles are counted in long integers; beyond this t the next cycle length would overflow.
    long horizon() const override { return LONG_MAX / t_mult_; }

  protected:
    double rate_at(long t) const override {
        long cur = t, len = t0_;  // T_cur and T_i
        if (t_mult_ == 1) {
            cur = t % t0_;  // equal cycles
        } else {
            while (cur >= len) {  // walk the cycles: len <= t here, so len·T_mult cannot overflow
                cur -= len;
                len *= t_mult_;
            }
        }
        return cosine_between(base_, eta_min_, static_cast<double>(cur), static_cast<double>(len));
    }

  private:
    double base_;
    long t0_, t_mult_;
    double eta_min_;
};

}  // namespace gd

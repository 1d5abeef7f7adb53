// cyclic.hpp: CyclicLR, the rate going up and down between two bounds, and the momentum the
// other way.
//
// Introduced in chapter 07. Smith's cyclical learning rates ("Cyclical Learning Rates for
// Training Neural Networks", arXiv:1506.01186, the paper the range test of chapter 11 comes
// from): the rate climbs linearly from base_lr to max_lr over step_size_up updates, falls back
// over step_size_down, and starts again; triangular2 halves the swing every cycle, exp_range
// shrinks it by γ every update. Momentum cycling, PyTorch's default, moves the momentum the
// opposite way, from max_momentum at the bottom of the rate to base_momentum at its top. It
// follows torch.optim.lr_scheduler.CyclicLR of PyTorch 1.13
// (https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.CyclicLR.html), operation
// by operation. What surprises in it:
//  - it ignores the optimizer's rate: the cycle starts at base_lr;
//  - its momentum cycling needs an optimizer with a momentum (SGD, RMSprop): unlike OneCycleLR
//    it does not cycle the Adam family's β1 and refuses it (train/step.hpp refuses it too);
//  - it never ends: the rate of any update is defined.
//
// Notation: η_lo = base_lr, η_hi = max_lr, t the update (t = 0 is the first), u and d the
// updates up and down (a cycle is u + d), c the cycle (from 1), x the position in it (0..1),
// s(·) the mode's scale, μ_lo μ_hi the momentum's bounds.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "schedule/schedule.hpp"

namespace gd {

class CyclicRate : public Schedule {
  public:
    // step_size_down = 0 stands for torch's None: as long as the way up.
    CyclicRate(double base_lr, double max_lr, long step_size_up = 2000, long step_size_down = 0,
               const std::string& mode = "triangular", double gamma = 1.0,
               bool cycle_momentum = false, double base_momentum = 0.8, double max_momentum = 0.9)
        : base_(base_lr),
          max_(max_lr),
          up_(step_size_up),
          down_(step_size_down > 0 ? step_size_down : step_size_up),
          mode_(mode),
          gamma_(gamma),
          cycle_momentum_(cycle_momentum),
          base_momentum_(base_momentum),
          max_momentum_(max_momentum) {
        require_rate("cyclic", "base_lr", base_lr);
        require_rate("cyclic", "max_lr", max_lr);
        // torch divides by zero when the way up is 0 updates long.
        require_count("cyclic", "step_size_up", step_size_up);
        require(step_size_down >= 0, "cyclic",
                "step_size_down must be an integer >= 1 (0: as step_size_up)",
                static_cast<double>(step_size_down));
        if (mode != "triangular" && mode != "triangular2" && mode != "exp_range") {
            throw UsageError("cyclic: mode must be triangular, triangular2 or exp_range, got '" +
                             mode + "'");
        }
        require_rate("cyclic", "gamma", gamma);
        require_rate("cyclic", "base_momentum", base_momentum);
        require_rate("cyclic", "max_momentum", max_momentum);
        total_ = static_cast<double>(up_) + static_cast<double>(down_);
        ratio_ = static_cast<double>(up_) / total_;
    }

    std::string name() const override { return "cyclic"; }
    std::vector<ScheduleParam> params() const override {
        return {{"base_lr", base_},
                {"max_lr", max_},
                {"step_size_up", up_},
                {"step_size_down", down_},
                {"mode", mode_},
                {"gamma", gamma_},
                {"cycle_momentum", static_cast<long>(cycle_momentum_)},
                {"base_momentum", base_momentum_},
                {"max_momentum", max_momentum_}};
    }
    bool cycles_momentum() const override { return cycle_momentum_; }

  protected:
    // η_t = η_lo + (η_hi − η_lo)·h·s, with h the height of the triangle at t.
    double rate_at(long t) const override { return base_ + (max_ - base_) * height(t) * scale(t); }
    // μ_t = μ_hi − (μ_hi − μ_lo)·h·s: down while the rate goes up.
    double momentum_at(long t) const override {
        return max_momentum_ - (max_momentum_ - base_momentum_) * height(t) * scale(t);
    }

  private:
    // c = ⌊1 + t/(u + d)⌋ and x = 1 + t/(u + d) − c; h = x/r on the way up (r = u/(u + d)),
    // (x − 1)/(r − 1) on the way down.
    long cycle(long t) const {
        return static_cast<long>(std::floor(1 + static_cast<double>(t) / total_));
    }
    double height(long t) const {
        const double x = 1. + static_cast<double>(t) / total_ - static_cast<double>(cycle(t));
        return x <= ratio_ ? x / ratio_ : (x - 1) / (ratio_ - 1);
    }
    // s: 1 (triangular), 1/2^(c−1) (triangular2, per cycle), γ^t (exp_range, per update).
    double scale(long t) const {
        if (mode_ == "triangular2") return 1 / std::pow(2., static_cast<double>(cycle(t) - 1));
        if (mode_ == "exp_range") return std::pow(gamma_, static_cast<double>(t));
        return 1.;
    }

    double base_, max_;
    long up_, down_;
    std::string mode_;
    double gamma_;
    bool cycle_momentum_;
    double base_momentum_, max_momentum_;
    double total_ = 0, ratio_ = 0;  // u + d and u/(u + d), as torch's floats
};

}  // namespace gd

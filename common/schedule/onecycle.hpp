// onecycle.hpp: the one-cycle policy, a warm-up to a large peak rate and an annealing far below
// the start, over a fixed number of updates.
//
// Introduced in chapter 07 (one-cycle). It follows torch.optim.lr_scheduler.OneCycleLR of
// PyTorch 1.13 (https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.OneCycleLR.html)
// with anneal_strategy='cos' and cycle_momentum=False (we schedule the rate, not the momentum).
// The policy is Smith & Topin, "Super-Convergence" (arXiv:1708.07120); the default two phases
// are fastai's variant, three_phase = true is the paper's.
//
// Two things differ from the other schedules:
//  - it ignores the base rate: it starts at η_max / div_factor, whatever the optimizer's lr was;
//  - it ends: rate(t) for t >= total_steps is a UsageError; horizon() says where. Set
//    total_steps to the number of updates. PyTorch raises only one update later: it still lets
//    update t = total_steps run, at a rate extrapolated along the cosine, which has turned back
//    up (max_lr = 1, total_steps = 5: 4e-06 at t = 4, then 0.188 at t = 5).
//
// Notation: η_max peak rate, η_start = η_max / div_factor, η_end = η_start / final_div_factor,
// N = total_steps, p = pct_start, t the update (t = 0 is the first).
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "schedule/schedule.hpp"

namespace gd {

class OneCycle : public Schedule {
  public:
    OneCycle(double max_lr, long total_steps, double pct_start = 0.3, double div_factor = 25.0,
             double final_div_factor = 1e4, bool three_phase = false)
        : max_lr_(max_lr),
          total_(total_steps),
          pct_(pct_start),
          div_(div_factor),
          final_div_(final_div_factor),
          three_phase_(three_phase) {
        require_positive("onecycle", "max_lr", max_lr);
        require_count("onecycle", "total_steps", total_steps);
        require(pct_start > 0.0 && pct_start < 1.0, "onecycle", "pct_start must be in (0, 1)",
                pct_start);
        require_positive("onecycle", "div_factor", div_factor);
        require_positive("onecycle", "final_div_factor", final_div_factor);
        // p·N = 1 gives the warm-up zero length (it would end at update 0 = where it starts);
        // PyTorch divides 0 by 0 there and raises ZeroDivisionError.
        require(pct_start * static_cast<double>(total_steps) != 1.0, "onecycle",
                "pct_start * total_steps must not be 1 (a warm-up of zero length)",
                pct_start * static_cast<double>(total_steps));

        const double start = max_lr / div_factor;     // η_start, group['initial_lr']
        const double end = start / final_div_factor;  // η_end, group['min_lr']
        // Where PyTorch ends the phases (fractional updates): the warm-up at pN - 1, the
        // three-phase middle at 2pN - 2, the last at N - 1. Each anneals between two rates.
        const double up = pct_start * static_cast<double>(total_steps) - 1.0;
        const double last = static_cast<double>(total_steps - 1);
        if (three_phase) {  // up to the peak, back down to η_start symmetrically, then to η_end
            phases_ = {{up, start, max_lr},
                       {2.0 * pct_start * static_cast<double>(total_steps) - 2.0, max_lr, start},
                       {last, start, end}};
        } else {  // up to the peak, then all the way down to η_end
            phases_ = {{up, start, max_lr}, {last, max_lr, end}};
        }
    }

    std::string name() const override { return "onecycle"; }
    std::vector<ScheduleParam> params() const override {
        return {{"max_lr", max_lr_},
                {"total_steps", total_},
                {"pct_start", pct_},
                {"div_factor", div_},
                {"final_div_factor", final_div_},
                {"three_phase", static_cast<long>(three_phase_)}};
    }
    long horizon() const override { return total_; }

  protected:
    // Find the phase t falls in, x = how far through it (0..1), and anneal between its ends:
    //     η = η_b + (η_a - η_b) / 2 · (cos(π x) + 1),   from η_a at x = 0 to η_b at x = 1.
    // A phase ends at its `end` (fractional) update and the next starts there, as in PyTorch.
    double rate_at(long t) const override {
        constexpr double pi = 3.141592653589793;  // math.pi
        const double step = static_cast<double>(t);
        double begin = 0.0;
        for (std::size_t i = 0; i < phases_.size(); ++i) {
            const Phase& ph = phases_[i];
            if (step <= ph.end || i + 1 == phases_.size()) {
                const double x = (step - begin) / (ph.end - begin);
                return ph.to + (ph.from - ph.to) / 2.0 * (std::cos(pi * x) + 1.0);
            }
            begin = ph.end;
        }
        return 0.0;  // not reached: the last phase takes every t
    }

  private:
    struct Phase {
        double end;       // the update where the phase ends (may be fractional or negative)
        double from, to;  // rates at its start and end
    };
    double max_lr_;
    long total_;
    double pct_, div_, final_div_;
    bool three_phase_;
    std::vector<Phase> phases_;
};

}  // namespace gd

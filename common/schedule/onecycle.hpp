// onecycle.hpp: the one-cycle policy, a warm-up to a large peak rate and an annealing far below
// the start, over a fixed number of updates.
//
// Introduced in chapter 07 (one-cycle). It follows torch.optim.lr_scheduler.OneCycleLR of
// PyTorch 1.13 (https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.OneCycleLR.html)
// with anneal_strategy 'cos' or 'linear', and cycle_momentum as the class comment below says.
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
// N = total_steps, p = pct_start, t the update (t = 0 is the first), μ_lo μ_hi momentum bounds.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "schedule/schedule.hpp"

namespace gd {

class OneCycle : public Schedule {
  public:
    // PyTorch also cycles the momentum by default, the other way round: from max_momentum at the
    // start down to base_momentum at the peak rate, and back; for the Adam family it cycles β1
    // (train/step.hpp sets either). Built here without cycle_momentum it schedules the rate
    // only, as chapters 07 and 11 use it; the command line (cli/schedule_flags.hpp) follows
    // PyTorch's default and cycles.
    OneCycle(double max_lr, long total_steps, double pct_start = 0.3, double div_factor = 25.0,
             double final_div_factor = 1e4, bool three_phase = false,
             const std::string& anneal_strategy = "cos", bool cycle_momentum = false,
             double base_momentum = 0.85, double max_momentum = 0.95)
        : max_lr_(max_lr),
          total_(total_steps),
          pct_(pct_start),
          div_(div_factor),
          final_div_(final_div_factor),
          three_phase_(three_phase),
          linear_(anneal_strategy == "linear"),
          cycle_momentum_(cycle_momentum),
          base_momentum_(base_momentum),
          max_momentum_(max_momentum) {
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
        if (anneal_strategy != "cos" && anneal_strategy != "linear") {
            throw UsageError("onecycle: anneal_strategy must be cos or linear, got '" +
                             anneal_strategy + "'");
        }
        require_rate("onecycle", "base_momentum", base_momentum);
        require_rate("onecycle", "max_momentum", max_momentum);

        const double start = max_lr / div_factor;     // η_start, group['initial_lr']
        const double end = start / final_div_factor;  // η_end, group['min_lr']
        // Where PyTorch ends the phases (fractional updates): the warm-up at pN - 1, the
        // three-phase middle at 2pN - 2, the last at N - 1. Each anneals between two rates.
        // The momentum goes the other way: μ_hi → μ_lo while the rate climbs, and back.
        const double up = pct_start * static_cast<double>(total_steps) - 1.0;
        const double last = static_cast<double>(total_steps - 1);
        const double m_lo = base_momentum, m_hi = max_momentum;
        if (three_phase) {  // up to the peak, back down to η_start symmetrically, then to η_end
            phases_ = {{up, start, max_lr, m_hi, m_lo},
                       {2.0 * pct_start * static_cast<double>(total_steps) - 2.0, max_lr, start,
                        m_lo, m_hi},
                       {last, start, end, m_hi, m_hi}};
        } else {  // up to the peak, then all the way down to η_end
            phases_ = {{up, start, max_lr, m_hi, m_lo}, {last, max_lr, end, m_lo, m_hi}};
        }
    }

    std::string name() const override { return "onecycle"; }
    // The six of the rate-only cycle, then what differs from it: the annealing if linear, the
    // momentum's bounds if it cycles (so the rate-only line reads as it always has).
    std::vector<ScheduleParam> params() const override {
        std::vector<ScheduleParam> p = {{"max_lr", max_lr_},
                                        {"total_steps", total_},
                                        {"pct_start", pct_},
                                        {"div_factor", div_},
                                        {"final_div_factor", final_div_},
                                        {"three_phase", static_cast<long>(three_phase_)}};
        if (linear_) p.emplace_back("anneal_strategy", std::string("linear"));
        if (cycle_momentum_) {
            p.emplace_back("cycle_momentum", 1L);
            p.emplace_back("base_momentum", base_momentum_);
            p.emplace_back("max_momentum", max_momentum_);
        }
        return p;
    }
    long horizon() const override { return total_; }
    bool cycles_momentum() const override { return cycle_momentum_; }
    bool cycles_beta1() const override { return cycle_momentum_; }

  protected:
    double rate_at(long t) const override { return anneal(t, &Phase::from, &Phase::to); }
    double momentum_at(long t) const override { return anneal(t, &Phase::m_from, &Phase::m_to); }

  private:
    struct Phase {
        double end;           // the update where the phase ends (may be fractional or negative)
        double from, to;      // rates at its start and end
        double m_from, m_to;  // momenta at its start and end
    };

    // Find the phase t falls in, x = how far through it (0..1), and anneal between its ends,
    // from a at x = 0 to b at x = 1:
    //     cos:    b + (a - b) / 2 · (cos(π x) + 1)
    //     linear: (b - a) · x + a
    // A phase ends at its `end` (fractional) update and the next starts there, as in PyTorch.
    double anneal(long t, double Phase::*a, double Phase::*b) const {
        constexpr double pi = 3.141592653589793;  // math.pi
        const double step = static_cast<double>(t);
        double begin = 0.0;
        for (std::size_t i = 0; i < phases_.size(); ++i) {
            const Phase& ph = phases_[i];
            if (step <= ph.end || i + 1 == phases_.size()) {
                const double x = (step - begin) / (ph.end - begin);
                if (linear_) return (ph.*b - ph.*a) * x + ph.*a;
                return ph.*b + (ph.*a - ph.*b) / 2.0 * (std::cos(pi * x) + 1.0);
            }
            begin = ph.end;
        }
        return 0.0;  // not reached: the last phase takes every t
    }

    double max_lr_;
    long total_;
    double pct_, div_, final_div_;
    bool three_phase_, linear_, cycle_momentum_;
    double base_momentum_, max_momentum_;
    std::vector<Phase> phases_;
};

}  // namespace gd

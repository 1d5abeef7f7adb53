// schedule_flags.hpp: the command-line flags that fill a ScheduleConfig.
//
// Introduced with chapter 06 and the playground. Flags are torch.optim.lr_scheduler's argument
// names with _ → -; each schedule's constructor checks the values (schedule/factory.hpp).
#pragma once

#include <limits>

#include "cli/cli.hpp"
#include "schedule/factory.hpp"

namespace gd {

// The flags --step-size, --gamma, ... that fill a config; the schedules check the values.
inline void add_schedule_flags(Cli& cli, ScheduleConfig& c) {
    const int big = std::numeric_limits<int>::max();
    const Range nonneg = non_negative(), pos = positive();
    cli.option("--step-size", c.step_size, "step: decay every step_size updates", 1, big);
    cli.option("--gamma", c.gamma, "step (default 0.1), exponential: decay factor γ", nonneg);
    cli.option("--decay", c.decay, "inverse-time: η₀ / (1 + decay·t)", nonneg);
    cli.option("--start-factor", c.start_factor, "linear: first factor", {0, 1, true, false});
    cli.option("--end-factor", c.end_factor, "linear: final factor", between(0, 1));
    cli.option("--total-iters", c.total_iters, "linear: updates to reach end_factor", 1, big);
    cli.option("--t-max", c.t_max, "cosine: updates from η₀ down to eta_min", 1, big);
    cli.option("--eta-min", c.eta_min, "cosine, cosine-restarts: lowest rate", nonneg);
    cli.option("--t0", c.t0, "cosine-restarts: updates in the first cycle", 1, big);
    cli.option("--t-mult", c.t_mult, "cosine-restarts: each cycle this many times longer", 1, big);
    cli.option("--max-lr", c.max_lr, "onecycle: peak rate (the base rate is ignored)", pos);
    cli.option("--total-steps", c.total_steps, "onecycle: updates in the cycle", 1, big);
    cli.option("--pct-start", c.pct_start, "onecycle: fraction spent warming up",
               {0, 1, true, true});
    cli.option("--div-factor", c.div_factor, "onecycle: starts at max_lr / div_factor", pos);
    cli.option("--final-div-factor", c.final_div_factor,
               "onecycle: ends at max_lr / div_factor / final_div_factor", pos);
    cli.flag("--three-phase", c.three_phase,
             "onecycle: the paper's three phases, not fastai's two");
}

}  // namespace gd

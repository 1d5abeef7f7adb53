// schedule_flags.hpp: the command-line flags that fill a ScheduleConfig.
//
// Introduced with chapter 06 and the playground. Flags are torch.optim.lr_scheduler's argument
// names with _ → -; each schedule's constructor checks the values (schedule/factory.hpp). The
// command line follows PyTorch's default and cycles the momentum under cyclic and onecycle;
// --no-cycle-momentum turns it off.
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
    cli.option("--gamma", c.gamma,
               "decay factor γ: step, multistep (nan: 0.1), exponential; cyclic's exp_range (1)",
               nonneg);
    cli.option("--decay", c.decay, "inverse-time: η₀ / (1 + decay·t)", nonneg);
    cli.option("--start-factor", c.start_factor, "linear: first factor", {0, 1, true, false});
    cli.option("--end-factor", c.end_factor, "linear: final factor", between(0, 1));
    cli.option("--total-iters", c.total_iters,
               "linear, constant-lr, polynomial: updates the change lasts", 1, big);
    cli.option("--t-max", c.t_max, "cosine: updates from η₀ down to eta_min", 1, big);
    cli.option("--eta-min", c.eta_min, "cosine, cosine-restarts: lowest rate", nonneg);
    cli.option("--t0", c.t0, "cosine-restarts: updates in the first cycle", 1, big);
    cli.option("--t-mult", c.t_mult, "cosine-restarts: each cycle this many times longer", 1, big);
    cli.option("--max-lr", c.max_lr, "onecycle, cyclic: peak rate (--lr is ignored)", pos);
    cli.option("--total-steps", c.total_steps, "onecycle: updates in the cycle", 1, big);
    cli.option("--pct-start", c.pct_start, "onecycle: fraction spent warming up",
               {0, 1, true, true});
    cli.option("--div-factor", c.div_factor, "onecycle: starts at max_lr / div_factor", pos);
    cli.option("--final-div-factor", c.final_div_factor,
               "onecycle: ends at max_lr / div_factor / final_div_factor", pos);
    cli.flag("--three-phase", c.three_phase,
             "onecycle: the paper's three phases, not fastai's two");
    cli.option("--anneal-strategy", c.anneal_strategy, "onecycle: cos or linear",
               {"cos", "linear"});
    cli.option("--milestones", c.milestones, "multistep: the updates A,B,... where η drops by γ",
               0);
    cli.option("--factor", c.factor,
               "constant-lr: η₀·factor at first (nan: 1/3); plateau: the cut (nan: 0.1)",
               between(0, 1));
    cli.option("--power", c.power, "polynomial: η₀(1 - t/total_iters)^power", nonneg);
    cli.option("--base-lr", c.base_lr, "cyclic: the lower rate, where it starts", nonneg);
    cli.option("--step-size-up", c.step_size_up, "cyclic: updates from base_lr up to max_lr", 1,
               big);
    cli.option("--step-size-down", c.step_size_down,
               "cyclic: updates back down (0: as --step-size-up)", 0, big);
    cli.option("--mode", c.mode, "cyclic: triangular, triangular2 or exp_range",
               {"triangular", "triangular2", "exp_range"});
    c.cycle_momentum = true;  // PyTorch's default, on the command line
    cli.flag("--no-cycle-momentum", c.cycle_momentum,
             "cyclic, onecycle: leave the momentum (or beta1) alone", false);
    cli.option("--base-momentum", c.base_momentum,
               "cyclic, onecycle: momentum at the peak rate (nan: 0.8; onecycle 0.85)", nonneg);
    cli.option("--max-momentum", c.max_momentum,
               "cyclic, onecycle: momentum at the lowest rate (nan: 0.9; onecycle 0.95)", nonneg);
    cli.option("--patience", c.patience, "plateau: updates without improvement before a cut", 0,
               big);
    cli.option("--threshold", c.threshold, "plateau: how much lower counts as better", nonneg);
    cli.option("--threshold-mode", c.threshold_mode, "plateau: rel or abs", {"rel", "abs"});
    cli.option("--cooldown", c.cooldown, "plateau: updates after a cut before counting again", 0,
               big);
    cli.option("--min-lr", c.min_lr, "plateau: the rate is never cut below this", nonneg);
    cli.option("--warmup-steps", c.warmup_steps,
               "any schedule: a linear warm-up of this many updates in front (0: none)", 0, big);
    cli.option("--warmup-factor", c.warmup_factor, "the warm-up's first factor",
               {0, 1, true, false});
}

}  // namespace gd

// step.hpp: one update at the schedule's rate, the one place a rate reaches an optimizer.
//
// Introduced in chapter 02. Every training loop of the book (train/descent.hpp,
// train/line_training.hpp, chapters 10 and 11) calls step() for each update, so the rate flows
// one way: from the schedule, through here, into the optimizer, exactly as PyTorch's loop
//     optimizer.step(); scheduler.step()
// leaves η_t in param_groups[0]['lr'] while update t runs (t = 0 is the first update; see
// schedule/schedule.hpp), and μ_t, a momentum or β1 the schedule cycles, beside it.
// Notation: θ parameters, g gradient, η_t the rate of update t, μ_t its momentum.
#pragma once

#include <vector>

#include <xtensor/xarray.hpp>

#include "optim/optimizer.hpp"
#include "schedule/schedule.hpp"

namespace gd {

// Update t (counting from 0) of θ with g at η_t = schedule->rate(t); returns the rate used.
template <class T>
double step(Optimizer<T>& opt, const Schedule* schedule, long t,
            const std::vector<xt::xarray<T>*>& params,
            const std::vector<const xt::xarray<T>*>& grads) {
    if (schedule) opt.set_lr(schedule->rate(t));  // η_t, set before the step as torch does
    if (schedule && schedule->cycles_momentum()) opt.set_momentum(schedule->momentum(t));  // μ_t
    opt.step(params, grads);
    return opt.lr();
}

// The same update for an optimizer handed the function itself (L-BFGS): one step(closure),
// however many times its line search evaluates it. Without a schedule the optimizer keeps the
// rate and momentum it was built with.
template <class T>
double step(Optimizer<T>& opt, const Schedule* schedule, long t,
            const std::vector<xt::xarray<T>*>& params,
            const typename Optimizer<T>::Closure& closure) {
    if (schedule) opt.set_lr(schedule->rate(t));
    if (schedule && schedule->cycles_momentum()) opt.set_momentum(schedule->momentum(t));
    opt.step(params, closure);
    return opt.lr();
}

// What PyTorch's OneCycleLR and CyclicLR constructors check and do before the first update: a
// schedule that cycles the momentum needs an optimizer with one (SGD, RMSprop: momentum; the
// Adam family: β1, which torch 1.13's OneCycleLR cycles and its CyclicLR refuses), and the
// momentum starts at the schedule's first value. Call it once, before loading a saved state.
template <class T>
void start_momentum(Optimizer<T>& opt, const Schedule& schedule) {
    if (!schedule.cycles_momentum()) return;
    const std::string kind = opt.momentum_name();
    if (kind.empty() || (kind == "beta1" && !schedule.cycles_beta1())) {
        const std::string needed = schedule.cycles_beta1()
                                       ? "a momentum or betas, and " + opt.name() + " has neither"
                                       : "a momentum (torch 1.13's CyclicLR does not cycle betas), "
                                         "and " +
                                             opt.name() + " has none";
        throw UsageError(schedule.name() + ": cycle_momentum needs an optimizer with " + needed +
                         " (as in torch; cycle_momentum = false turns it off)");
    }
    opt.set_momentum(schedule.momentum(0));
}

}  // namespace gd

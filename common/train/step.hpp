// step.hpp: one update at the schedule's rate, the one place a rate reaches an optimizer.
//
// Introduced in chapter 02. Every training loop of the book (train/descent.hpp,
// train/line_training.hpp, chapters 10 and 11) calls step() for each update, so the rate flows
// one way: from the schedule, through here, into the optimizer, exactly as PyTorch's loop
//     optimizer.step(); scheduler.step()
// leaves η_t in param_groups[0]['lr'] while update t runs (t = 0 is the first update; see
// schedule/schedule.hpp). Without a schedule the optimizer keeps the rate it was built with.
// Notation: θ parameters, g gradient, η_t the rate of update t.
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
    opt.step(params, grads);
    return opt.lr();
}

}  // namespace gd

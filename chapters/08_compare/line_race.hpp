// line_race.hpp: chapter 08's comparison on the line fit: the post's training, and what the
// table reads off each run.
//
// Every method trains through the book's one line-fit loop (gd::train_line,
// common/train/line_training.hpp) as the post trains: batch 1, the points in their order every
// epoch. The post shows no Adam code, so Adam runs both as torch.optim.Adam (bias-corrected) and
// without the correction, gd::AdamNoBias (common/optim/adam.hpp), as the lecture writes it.
// Notation: θ = (a, b) parameters, g gradient of one sample's loss, η learning rate (η_t when a
// schedule sets it), t update (from 0, over all epochs). The tests (tests/test_08_compare.cpp)
// include this file.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "optim/factory.hpp"
#include "problems/line_fit.hpp"
#include "schedule/factory.hpp"
#include "train/line_training.hpp"

namespace ch08 {

// Per-sample gradient descent from (a0, b0): for each sample i, g = ∇ℓ_i(θ) and the optimizer
// steps at the rate η_t of the schedule (or its own lr without one); the loss on all points is
// recorded after every update. The run stops at the first non-finite point, keeping the finite
// ones.
inline gd::LineRun train_per_sample(const std::string& name, const gd::Points& pts,
                                    gd::Optimizer<double>& opt, const gd::Schedule* schedule,
                                    double a0, double b0, int epochs) {
    gd::LineTraining how;
    how.epochs = epochs;
    how.schedule = schedule;
    how.loss_every_update = true;
    gd::LineRun run = gd::train_line(opt, pts, {a0, b0}, how);
    run.name = name;
    return run;
}

// Distance from the true line (a*, b*) after the last update.
inline double final_error(const gd::LineRun& r, double a_true, double b_true) {
    return std::hypot(r.end().x - a_true, r.end().y - b_true);
}

// The largest loss over the last `n` updates: how much a method still shakes at the end.
inline double worst_recent_loss(const gd::LineRun& r, std::size_t n) {
    double worst = 0;
    for (std::size_t k = r.loss.size() > n ? r.loss.size() - n : 0; k < r.loss.size(); ++k)
        worst = std::max(worst, r.loss[k]);
    return worst;
}

// The smallest and largest distance from the true line (a*, b*) over the last `n` updates.
struct Range {
    double lo = 0, hi = 0;
};
inline Range recent_distance(const gd::LineRun& r, std::size_t n, double a_true, double b_true) {
    Range d{1e300, 0};
    for (std::size_t k = r.path.size() > n ? r.path.size() - n : 0; k < r.path.size(); ++k) {
        const double e = std::hypot(r.path[k].x - a_true, r.path[k].y - b_true);
        d.lo = std::min(d.lo, e), d.hi = std::max(d.hi, e);
    }
    return d;
}

}  // namespace ch08

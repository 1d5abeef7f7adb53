// line_training.hpp: fitting y = a·x + b with any optimizer, per sample, in mini-batches or in
// full batch: the one training loop of the line-fit chapters.
//
// Introduced in chapter 01 (per-sample, mini-batch and full-batch SGD); chapters 02, 05, 06, 07
// and 08 train the line with their own optimizers and schedules through the same loop. Every
// epoch walks the points in their order or, with a generator, in a fresh seeded permutation (or
// draws each batch's points with replacement); each batch's mean gradient g steps the optimizer
// at the schedule's rate (train/step.hpp), counted per update or, as PyTorch users often step
// their scheduler once an epoch, per epoch. A run stops at the first point that is not finite
// and keeps only the finite ones, so a diverging run is a result to show.
// Notation: θ = (a, b) parameters, g the batch's mean gradient, η_t the rate of update (or
// epoch) t, B the batch size.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "core/rng.hpp"
#include "optim/optimizer.hpp"
#include "problems/line_fit.hpp"
#include "problems/plane.hpp"
#include "schedule/schedule.hpp"
#include "train/step.hpp"

namespace gd {

struct LineTraining {
    int epochs = 1;
    std::size_t batch = 1;  // 1: per sample; the number of points: full batch
    // The order of the points in each epoch: as given (nullptr), or a fresh permutation drawn
    // from this generator; with `replace`, each position is then redrawn uniformly, so batches
    // sample with replacement (the textbook model of SGD, whose batches are independent).
    Rng* shuffle = nullptr;
    bool replace = false;
    const Schedule* schedule = nullptr;  // η_t; the optimizer's own rate without one
    bool rate_per_epoch = false;         // t counts epochs rather than updates
    bool loss_every_update = false;      // the full-data loss after every update, not only epochs
    // Called after every update t (from 0) with the gradient that update used.
    std::function<void(long, const xt::xarray<double>&)> observe;
};

struct LineRun {
    std::string name;
    std::size_t batch = 1;
    std::vector<Point2> path;        // θ after every update; path[0] is the start
    std::vector<double> lr;          // lr[k]: the rate of update k; lr[0] repeats update 1's
    std::vector<double> loss;        // mean loss at path[k] (with loss_every_update)
    std::vector<Point2> epoch_path;  // θ after every epoch; [0] is the start
    std::vector<double> epoch_loss;  // mean loss on all points there
    long diverged_at = -1;           // the update that left the finite numbers, or -1
    int diverged_epoch = -1;         // the epoch it happened in (from 1), or -1

    std::size_t updates() const { return path.size() - 1; }
    Point2 end() const { return path.back(); }
};

inline LineRun train_line(Optimizer<double>& opt, const Points& pts, Point2 start,
                          const LineTraining& how) {
    LineRun run;
    run.batch = how.batch;
    const std::size_t n = pts.size();
    Points order = pts;
    xt::xarray<double> theta = {start.x, start.y}, g = xt::zeros<double>({2});
    run.path.push_back(start);
    run.epoch_path.push_back(start);
    const double loss0 = mean_loss(start.x, start.y, pts);
    run.epoch_loss.push_back(loss0);
    if (how.loss_every_update) run.loss.push_back(loss0);
    run.lr.push_back(how.schedule ? how.schedule->rate(0) : opt.lr());
    long t = 0;  // updates so far
    for (int e = 1; e <= how.epochs; ++e) {
        if (how.shuffle) {
            auto idx = permutation(n, *how.shuffle);  // a fresh order every epoch
            if (how.replace)
                for (auto& i : idx) i = how.shuffle->below(n);
            for (std::size_t i = 0; i < n; ++i)
                order.x[i] = pts.x[idx[i]], order.y[i] = pts.y[idx[i]];
        }
        for (std::size_t first = 0; first < n; first += how.batch, ++t) {
            const Grad2 gb =
                mean_grad(theta(0), theta(1), order, first, std::min(first + how.batch, n));
            g(0) = gb.a;  // ∂ℓ/∂a = mean of 2x·r over the batch
            g(1) = gb.b;  // ∂ℓ/∂b = mean of 2r
            const long k = how.rate_per_epoch ? e - 1 : t;
            const double eta = step(opt, how.schedule, k, {&theta}, {&g});  // θ ← rule(θ, g) at η_k
            if (how.observe) how.observe(t, g);
            double loss = 0;
            if (how.loss_every_update) loss = mean_loss(theta(0), theta(1), pts);
            if (!std::isfinite(theta(0)) || !std::isfinite(theta(1)) || !std::isfinite(loss)) {
                run.diverged_at = t + 1, run.diverged_epoch = e;
                return run;
            }
            run.path.push_back({theta(0), theta(1)});
            run.lr.push_back(eta);
            if (how.loss_every_update) run.loss.push_back(loss);
        }
        const double loss = mean_loss(theta(0), theta(1), pts);
        if (!std::isfinite(loss)) {  // finite a and b can still square to infinity
            run.diverged_at = t, run.diverged_epoch = e;
            return run;
        }
        run.epoch_path.push_back({theta(0), theta(1)});
        run.epoch_loss.push_back(loss);
    }
    if (run.lr.size() > 1) run.lr[0] = run.lr[1];
    return run;
}

}  // namespace gd

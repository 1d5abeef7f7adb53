// restarts.hpp: chapter 07's experiments, written out: per-sample training on the line fit under
// a schedule, the source post's "AdamAnn" as it would be coded by hand, and the exploration of
// Himmelblau's four minima by many runs under a schedule.
//
// The schedules themselves are the library's (common/schedule/decay.hpp, cosine_restarts.hpp,
// onecycle.hpp, all torch.optim.lr_scheduler's), and so are the loops (common/train/); the
// tests (tests/test_07_restarts.cpp) include this file.
// Notation: θ = (a, b) or (x, y) parameters, g gradient, η_t the rate of update t (t = 0 is the
// first update), η₀ the base rate, T a cycle's length in updates.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <xtensor/xarray.hpp>

#include "core/rng.hpp"
#include "optim/adam.hpp"
#include "optim/factory.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "schedule/decay.hpp"
#include "schedule/factory.hpp"
#include "train/descent.hpp"
#include "train/line_training.hpp"

namespace ch07 {

// Per-sample training as the post does it, through the book's one line-fit loop: batch 1, every
// epoch walks the points in their order, and for each point i the optimizer steps with
// g = ∇ℓ_i(θ) at the rate η_t of `schedule` (its own lr without one); t counts updates, or with
// `per_epoch` epochs (the schedule stepped once an epoch). The loss on all points is recorded
// after every update.
inline gd::LineRun train_per_sample(const std::string& name, gd::Optimizer<double>& opt,
                                    const gd::Points& pts, const gd::Schedule* schedule,
                                    gd::Point2 start, int epochs, bool per_epoch = false) {
    gd::LineTraining how;
    how.epochs = epochs;
    how.schedule = schedule;
    how.rate_per_epoch = per_epoch;
    how.loss_every_update = true;
    gd::LineRun run = gd::train_line(opt, pts, start, how);
    run.name = name;
    return run;
}

// The post's AdamAnn, coded by hand: "divide the rate by 4 at the end of epochs 5, 10, 15, ...".
// Stepped once an epoch, epoch e (from 0) runs at η₀·0.25^⌊e/5⌋, the power counted out by hand.
// The same rates as gd::StepDecay(η₀, 5·n, 0.25) stepped per update with n points an epoch
// (tests/test_07_restarts.cpp checks the two runs agree bit for bit).
inline gd::LambdaSchedule adam_ann_by_hand(double lr, long every = 5) {
    const auto multiplier = [every](long epoch) {
        double m = 1;
        for (long drop = 1; drop <= epoch / every; ++drop) m /= 4;  // after epochs 5, 10, ...
        return m;
    };
    return gd::LambdaSchedule(lr, multiplier, "AdamAnn by hand");
}

// The largest |a − 1.5| and |b + 28| over the last `k` updates of a run: how much it still
// shakes at the end (a run that has settled has both tiny).
struct Shake {
    double a = 0, b = 0;
};
inline Shake final_shake(const gd::LineRun& r, std::size_t k) {
    Shake s;
    const std::size_t n = r.path.size(), first = n > k ? n - k : 0;
    for (std::size_t i = first; i < n; ++i) {
        s.a = std::max(s.a, std::abs(r.path[i].x - 1.5));
        s.b = std::max(s.b, std::abs(r.path[i].y + 28.0));
    }
    return s;
}

// ---- Exploring a surface with many minima -------------------------------------------------------

// Which of the surface's minima (x, y) is nearest: its index in f.minima().
inline std::size_t nearest_minimum(const gd::Surface2& f, double x, double y) {
    const std::vector<gd::Point2> m = f.minima();
    std::size_t best = 0;
    double best_d2 = INFINITY;
    for (std::size_t i = 0; i < m.size(); ++i) {
        const double d2 = (x - m[i].x) * (x - m[i].x) + (y - m[i].y) * (y - m[i].y);
        if (d2 < best_d2) best_d2 = d2, best = i;
    }
    return best;
}

// A surface whose gradient carries noise, g + σ·ξ with ξ ~ N(0, 1) per coordinate: a stand-in
// for the noise of mini-batch gradients (chapter 01). The loss itself stays exact.
class NoisyGradient : public gd::Surface2 {
  public:
    NoisyGradient(const gd::Surface2& f, double sigma, std::uint64_t seed)
        : f_(f), sigma_(sigma), rng_(seed) {}
    std::string name() const override { return f_.name(); }
    double value(double x, double y) const override { return f_.value(x, y); }
    gd::Point2 grad(double x, double y) const override {
        const gd::Point2 g = f_.grad(x, y);
        if (sigma_ == 0) return g;
        const double nx = rng_.normal(), ny = rng_.normal();
        return {g.x + sigma_ * nx, g.y + sigma_ * ny};
    }
    std::vector<gd::Point2> minima() const override { return f_.minima(); }
    gd::Box frame() const override { return f_.frame(); }

  private:
    const gd::Surface2& f_;
    double sigma_;
    mutable gd::Rng rng_;  // grad() is const in the interface; the noise is the run's own
};

// One exploring run: its path, the minimum nearest to the point reached just before every
// restart (and at the end), and the minimum it ends in.
struct Exploration {
    gd::Trajectory path;
    std::vector<std::size_t> visited;  // nearest minimum at the end of every cycle
    std::size_t ends_in = 0;
};

// The Himmelblau experiment: the same starts under warm restarts and under one cosine.
struct Explored {
    std::vector<Exploration> sgdr, cosine;
    std::vector<std::pair<double, double>> starts;
};

// `steps` updates of a fresh optimizer from (x0, y0) under `schedule`; `cycle_ends` lists the
// updates after which a cycle ends (for plain cosine, just the last one).
inline Exploration explore(const gd::Surface2& f, gd::Optimizer<double>& opt,
                           const gd::Schedule& schedule, double x0, double y0, long steps,
                           const std::vector<long>& cycle_ends) {
    Exploration e;
    xt::xarray<double> theta = {x0, y0};
    long t = 0;
    e.path = gd::descend(f, opt, &schedule, theta, t, steps);
    for (long end : cycle_ends) {
        const std::size_t k =
            static_cast<std::size_t>(std::min<long>(end, static_cast<long>(e.path.size()) - 1));
        e.visited.push_back(nearest_minimum(f, e.path.x[k], e.path.y[k]));
    }
    e.ends_in = nearest_minimum(f, e.path.x.back(), e.path.y.back());
    return e;
}

// The updates after which SGDR's cycles end within `steps`: T₀, T₀ + T₀·m, ... and `steps`.
inline std::vector<long> restart_points(long t0, long t_mult, long steps) {
    std::vector<long> ends;
    for (long end = t0, len = t0; end < steps; len *= t_mult, end += len) ends.push_back(end);
    ends.push_back(steps);
    return ends;
}

}  // namespace ch07

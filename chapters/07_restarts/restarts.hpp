// restarts.hpp: chapter 07's experiments, written out: per-sample training on the line fit under
// a schedule, the source post's "AdamAnn" as it would be coded by hand, and the exploration of
// Himmelblau's four minima by many runs under a schedule, with the counts the text quotes.
//
// The schedules themselves are the library's (common/schedule/: decay.hpp, milestones.hpp,
// polynomial.hpp, cosine_restarts.hpp, onecycle.hpp, cyclic.hpp, plateau.hpp, warmup.hpp, all
// torch.optim.lr_scheduler's), and so are the loops (common/train/); the tests
// (tests/test_07_restarts.cpp) include this file.
// Notation: θ = (a, b) or (x, y) parameters, g gradient, η_t the rate of update t (t = 0 is the
// first update), η₀ the base rate, T a cycle's length in updates, μ momentum, σ gradient noise,
// λ curvature (an eigenvalue of the Hessian H).
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
#include "core/seeds.hpp"
#include "optim/adam.hpp"
#include "optim/factory.hpp"
#include "optim/sgd.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "schedule/decay.hpp"
#include "schedule/factory.hpp"
#include "train/descent.hpp"
#include "train/line_training.hpp"
#include "train/step.hpp"

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

// The same per-sample training as a surface for gd::descend: grad() is the gradient of one
// sample, the next point in order at every call (descend asks once per update), value() the mean
// loss on all points. descend tells a schedule that reads the loss (ReduceLROnPlateau) the loss
// after every update, which train_line does not; otherwise the updates are train_per_sample's,
// bit for bit (tests/test_07_restarts.cpp checks it).
class PerSampleLine : public gd::Surface2 {
  public:
    explicit PerSampleLine(const gd::Points& pts) : pts_(pts) {}
    std::string name() const override { return "line fit, per sample"; }
    double value(double a, double b) const override { return gd::mean_loss(a, b, pts_); }
    gd::Point2 grad(double a, double b) const override {
        const gd::Grad2 g = gd::mean_grad(a, b, pts_, next_, next_ + 1);  // ∇ℓ_i, one sample
        next_ = (next_ + 1) % pts_.size();
        return {g.a, g.b};
    }
    std::vector<gd::Point2> minima() const override { return {{1.5, -28}}; }
    gd::Box frame() const override { return {0, 3, -35, 5}; }

  private:
    const gd::Points& pts_;
    mutable std::size_t next_ = 0;  // grad() is const in the interface; the order is the run's
};

// Per-sample training through gd::descend: `updates` updates from `start` under `schedule`
// (nullptr: the optimizer's own rate); a schedule that cycles a momentum or β1 sets it first,
// as PyTorch's constructors do.
inline gd::Trajectory descend_per_sample(gd::Optimizer<double>& opt, const gd::Points& pts,
                                         const gd::Schedule* schedule, gd::Point2 start,
                                         long updates) {
    if (schedule) gd::start_momentum(opt, *schedule);
    const PerSampleLine f(pts);
    xt::xarray<double> theta = {start.x, start.y};
    long t = 0;
    return gd::descend(f, opt, schedule, theta, t, updates);
}

// The largest |a − 1.5| and |b + 28| over a trajectory's last `k` points.
inline Shake final_shake(const gd::Trajectory& r, std::size_t k) {
    Shake s;
    for (std::size_t i = r.size() > k ? r.size() - k : 0; i < r.size(); ++i) {
        s.a = std::max(s.a, std::abs(r.x[i] - 1.5));
        s.b = std::max(s.b, std::abs(r.y[i] + 28.0));
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

// The Himmelblau figure's runs: the same starts under warm restarts and under one cosine.
struct Explored {
    std::vector<Exploration> sgdr, cosine;
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

// ---- Himmelblau's landscape ---------------------------------------------------------------------

// The Hessian of f(x, y) = (x² + y − 11)² + (x + y² − 7)², by hand, and its largest eigenvalue:
// the curvature that limits a stable rate (heavy ball: η λ_max < 2(1 + μ), chapter 02).
struct Hessian2 {
    double xx, xy, yy;
    double lambda_max() const {
        return 0.5 * (xx + yy) + std::sqrt(0.25 * (xx - yy) * (xx - yy) + xy * xy);
    }
};
inline Hessian2 himmelblau_hessian(double x, double y) {
    return {12 * x * x + 4 * y - 42, 4 * x + 4 * y, 12 * y * y + 4 * x - 26};
}

// A critical point of Himmelblau's function (∇f = 0) by Newton's method from (x, y): from near a
// pass it finds the saddle point, the lowest point of the ridge between two minima.
inline gd::Point2 himmelblau_critical_point(double x, double y) {
    const gd::Himmelblau f;
    for (int k = 0; k < 50; ++k) {
        const gd::Point2 g = f.grad(x, y);
        const Hessian2 h = himmelblau_hessian(x, y);
        const double det = h.xx * h.yy - h.xy * h.xy;
        x -= (h.yy * g.x - h.xy * g.y) / det;  // (x, y) ← (x, y) − H⁻¹∇f
        y -= (h.xx * g.y - h.xy * g.x) / det;
    }
    return {x, y};
}

// The four passes of Himmelblau's function, each the saddle point between two minima, found by
// Newton's method from a point near it.
struct Pass {
    gd::Point2 at;
    const char* between;
};
inline std::vector<Pass> himmelblau_passes() {
    return {{himmelblau_critical_point(3.4, 0.1), "(3, 2) and (3.58, -1.85)"},
            {himmelblau_critical_point(0.1, 2.9), "(3, 2) and (-2.81, 3.13)"},
            {himmelblau_critical_point(-3.1, -0.1), "(-2.81, 3.13) and (-3.78, -3.28)"},
            {himmelblau_critical_point(-0.1, -2), "(-3.78, -3.28) and (3.58, -1.85)"}};
}

// ---- Counting what many runs do -----------------------------------------------------------------

// The minimum a run is nearest to at each checkpoint changed this many times: its basin hops.
inline int hops(const Exploration& e) {
    int h = 0;
    for (std::size_t c = 1; c < e.visited.size(); ++c) h += e.visited[c] != e.visited[c - 1];
    return h;
}

// What a set of runs under one schedule did: the runs ending in each minimum, the hops between
// consecutive checkpoints (one count per interval), those of them not across the lowest pass
// (between minima 0 and 3 of gd::Himmelblau::minima(), (3, 2) and (3.58, -1.85)), how many runs
// hopped at all, the fewest and
// most hops in any group of `group` consecutive runs (the spread a chapter of `group` runs would
// see), and the runs that diverged or left the map.
struct Tally {
    std::vector<int> ends_in = std::vector<int>(4, 0);
    std::vector<int> by_interval;
    int hops = 0, other_hops = 0, runs_hopped = 0, lost = 0, settled = 0;
    int group_min = 0, group_max = 0;
    int runs() const { return runs_; }
    void add(const Exploration& e, const gd::Surface2& f, int group) {
        if (by_interval.size() + 1 < e.visited.size()) by_interval.resize(e.visited.size() - 1);
        const int h = ch07::hops(e);
        for (std::size_t c = 1; c < e.visited.size(); ++c) {
            const std::size_t a = e.visited[c - 1], b = e.visited[c];
            by_interval[c - 1] += a != b;
            other_hops += a != b && std::min(a, b) * 10 + std::max(a, b) != 3;  // not 0 ↔ 3
        }
        hops += h, runs_hopped += h > 0, ++ends_in[e.ends_in];
        const double x = e.path.x.back(), y = e.path.y.back();
        const gd::Box box = f.frame();
        lost += e.path.diverged_at >= 0 || x < box.x0 || x > box.x1 || y < box.y0 || y > box.y1;
        settled += e.path.diverged_at < 0 && f.value(x, y) < 1e-3;  // arrived: f < 10⁻³
        in_group_ += h;
        if (++runs_ % group == 0) {
            group_min = runs_ == group ? in_group_ : std::min(group_min, in_group_);
            group_max = std::max(group_max, in_group_);
            in_group_ = 0;
        }
    }

  private:
    int runs_ = 0, in_group_ = 0;
};

// Runs i = 0..runs−1 of the Himmelblau experiment: start i is the i-th pair drawn uniformly in
// [−5, 5]² from Rng(seed), the noise of run i comes from gd::run_seed(seed, i), and SGD with
// momentum μ starts afresh under the schedule make() builds. Every schedule sees the same starts
// and the same noise: only the rate (and a cycled momentum) differs. `visit` gets each run.
template <class MakeSchedule, class Visit>
void explore_runs(const gd::Surface2& f, int runs, long steps, const std::vector<long>& checkpoints,
                  double lr, double momentum, double noise, std::uint64_t seed, MakeSchedule make,
                  Visit visit) {
    gd::Rng rng(seed);
    for (int i = 0; i < runs; ++i) {
        const double x0 = rng.uniform(-5, 5), y0 = rng.uniform(-5, 5);
        const NoisyGradient g(f, noise, gd::run_seed(seed, std::uint64_t(i)));
        gd::Sgd<double> opt(lr, momentum);
        const std::unique_ptr<gd::Schedule> schedule = make();
        gd::start_momentum(opt, *schedule);  // a cycled momentum starts at its first value
        visit(i, explore(g, opt, *schedule, x0, y0, steps, checkpoints));
    }
}

}  // namespace ch07

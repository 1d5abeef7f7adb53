// restarts.hpp: chapter 07's experiments, written out: per-sample training on the line fit under
// a schedule, the source post's "AdamAnn" as it would be coded by hand, and the exploration of
// Himmelblau's four minima by many runs under a schedule.
//
// The schedules themselves are the library's (common/decay.hpp, cosine_restarts.hpp,
// onecycle.hpp, all torch.optim.lr_scheduler's); tests/test_07_restarts.cpp includes this file.
// Notation: θ = (a, b) or (x, y) parameters, g gradient, η_t the rate of update t (t = 0 is the
// first update), η₀ the base rate, T a cycle's length in updates.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "optim/adam.hpp"
#include "problems/line_fit.hpp"
#include "optim/factory.hpp"
#include "core/rng.hpp"
#include "schedule/factory.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace ch07 {

// One run on the line fit, recorded after every update: index k is the point after k updates
// (k = 0 the start), loss[k] the mean loss over all points there, lr[k] the rate that update k
// used (lr[0] repeats lr[1], so the columns line up).
struct LineRun {
    std::string name;
    std::vector<double> a, b, loss, lr;
    long diverged_at = -1;  // the update that left the finite numbers, or -1
    std::size_t updates() const { return a.size() - 1; }
};

// Per-sample training as the post does it: every epoch walks the points in their order, and for
// each point i the optimizer steps with g = ∇ℓ_i(θ) at the rate η_t. `rate_at_epoch_end`, when
// given, is the hand-written alternative to a schedule: called after every epoch e (1, 2, ...)
// with the optimizer's lr, it returns the lr for the next epoch.
template <class EpochEnd>
LineRun train_line(const std::string& name, const gd::Points& pts, gd::Optimizer<double>& opt,
                   const gd::Schedule* schedule, double a0, double b0, int epochs,
                   EpochEnd rate_at_epoch_end) {
    LineRun run;
    run.name = name;
    xt::xarray<double> theta = {a0, b0}, g = {0.0, 0.0};
    long t = 0;
    auto record = [&](double eta) {
        run.a.push_back(theta(0));
        run.b.push_back(theta(1));
        run.loss.push_back(gd::mean_loss(theta(0), theta(1), pts));
        run.lr.push_back(eta);
    };
    record(schedule ? schedule->rate(0) : opt.lr());
    for (int e = 1; e <= epochs; ++e) {
        for (std::size_t i = 0; i < pts.size(); ++i, ++t) {
            const gd::Grad2 gi = gd::sample_grad(theta(0), theta(1), pts.x[i], pts.y[i]);
            g(0) = gi.a;                               // ∂ℓ_i/∂a = 2x_i r_i
            g(1) = gi.b;                               // ∂ℓ_i/∂b = 2r_i
            if (schedule) opt.set_lr(schedule->rate(t));  // η_t, set before the step as torch does
            opt.step({&theta}, {&g});
            if (!std::isfinite(theta(0)) || !std::isfinite(theta(1))) {
                run.diverged_at = t + 1;
                return run;  // keep only the finite points
            }
            record(opt.lr());
        }
        opt.set_lr(rate_at_epoch_end(e, opt.lr()));
    }
    run.lr[0] = run.lr.size() > 1 ? run.lr[1] : run.lr[0];
    return run;
}

inline LineRun train_line(const std::string& name, const gd::Points& pts,
                          gd::Optimizer<double>& opt, const gd::Schedule* schedule, double a0,
                          double b0, int epochs) {
    return train_line(name, pts, opt, schedule, a0, b0, epochs, [](int, double lr) { return lr; });
}

// The post's AdamAnn, coded by hand: Adam whose rate is divided by 4 at the end of epochs 5, 10,
// 15, ... The same thing as gd::StepDecay(η₀, 5·n, 0.25) with n points per epoch
// (tests/test_07_restarts.cpp checks the two runs agree bit for bit).
inline LineRun adam_ann_by_hand(const gd::Points& pts, double lr, double beta1, double beta2,
                                double a0, double b0, int epochs) {
    gd::Adam<double> adam(lr, beta1, beta2);
    return train_line("AdamAnn by hand", pts, adam, nullptr, a0, b0, epochs,
                      [](int epoch, double eta) { return epoch % 5 == 0 ? eta / 4 : eta; });
}

// The largest |a − 1.5| and |b + 28| over the last `k` updates of a run: how much it still
// shakes at the end (a run that has settled has both tiny).
struct Shake {
    double a = 0, b = 0;
};
inline Shake final_shake(const LineRun& r, std::size_t k) {
    Shake s;
    const std::size_t n = r.a.size(), first = n > k ? n - k : 0;
    for (std::size_t i = first; i < n; ++i) {
        s.a = std::max(s.a, std::abs(r.a[i] - 1.5));
        s.b = std::max(s.b, std::abs(r.b[i] + 28.0));
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

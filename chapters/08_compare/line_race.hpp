// line_race.hpp: chapter 08's comparison on the line fit, written out: the per-sample training
// loop every method shares, and Adam as the source post most likely wrote it (no step counter,
// so no bias correction).
//
// Notation: θ = (a, b) parameters, g gradient of one sample's loss, η learning rate (η_t when a
// schedule sets it), β1 β2 the moments' decay rates, ε stability term, m first moment, v second
// moment, t step (from 1). The tests (tests/test_08_compare.cpp) include this file.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/factory.hpp"
#include "problems/line_fit.hpp"
#include "schedule/factory.hpp"

namespace ch08 {

// One method's run, recorded after every update: index k is the point after k updates (k = 0
// the start), loss[k] the mean loss over all points there, lr[k] the rate update k used.
struct LineRun {
    std::string name;
    std::vector<double> a, b, loss, lr;
    long diverged_at = -1;  // the update that left the finite numbers, or -1
    std::size_t updates() const { return a.size() - 1; }
};

// Per-sample gradient descent, the points in their order every epoch, as the post trains:
// for each sample i, g = ∇ℓ_i(θ) and the optimizer steps at the rate η_t of the schedule (or its
// own lr without one). The run stops at the first non-finite point, keeping the finite ones.
inline LineRun train_per_sample(const std::string& name, const gd::Points& pts,
                                gd::Optimizer<double>& opt, const gd::Schedule* schedule, double a0,
                                double b0, int epochs) {
    LineRun run;
    run.name = name;
    xt::xarray<double> theta = {a0, b0}, g = {0.0, 0.0};
    const double base = opt.lr();
    auto record = [&](double eta) {
        run.a.push_back(theta(0));
        run.b.push_back(theta(1));
        run.loss.push_back(gd::mean_loss(theta(0), theta(1), pts));
        run.lr.push_back(eta);
    };
    record(schedule ? schedule->rate(0) : base);
    long t = 0;  // updates so far; the schedules count from 0
    for (int e = 0; e < epochs; ++e) {
        for (std::size_t i = 0; i < pts.size(); ++i, ++t) {
            const gd::Grad2 gi = gd::sample_grad(theta(0), theta(1), pts.x[i], pts.y[i]);
            g(0) = gi.a;
            g(1) = gi.b;
            opt.set_lr(schedule ? schedule->rate(t) : base);  // η_t
            opt.step({&theta}, {&g});
            if (!std::isfinite(theta(0)) || !std::isfinite(theta(1)) ||
                !std::isfinite(gd::mean_loss(theta(0), theta(1), pts))) {
                run.diverged_at = t + 1;
                return run;
            }
            record(opt.lr());
        }
    }
    return run;
}

// Distance from the true line (a*, b*) after the last update.
inline double final_error(const LineRun& r, double a_true, double b_true) {
    return std::hypot(r.a.back() - a_true, r.b.back() - b_true);
}

// The largest loss over the last `n` updates: how much a method still shakes at the end.
inline double worst_recent_loss(const LineRun& r, std::size_t n) {
    double worst = 0;
    for (std::size_t k = r.loss.size() > n ? r.loss.size() - n : 0; k < r.loss.size(); ++k)
        worst = std::max(worst, r.loss[k]);
    return worst;
}

// The first update after which the loss stays below `level` for good (-1 if it never does).
inline long settled_at(const LineRun& r, double level) {
    long k = static_cast<long>(r.loss.size()) - 1;
    if (k < 0 || r.loss.back() >= level) return -1;
    while (k > 0 && r.loss[k - 1] < level) --k;
    return k;
}

}  // namespace ch08

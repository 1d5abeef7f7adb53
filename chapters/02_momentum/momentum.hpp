// momentum.hpp: chapter 02's pieces: the post's momentum with its gradients recorded, the
// lecture's Δw form. The heavy-ball theory the ravine race is checked against is
// problems/quadratic_theory.hpp.
//
// Three ways of writing heavy-ball momentum that the chapter proves to be one path:
//   EMA (the post, optim/momentum_ema.hpp)    v ← βv + (1−β)g,   θ ← θ − ηv,   v₀ = 0
//   velocity (torch.optim.SGD, optim/sgd.hpp) b ← μb + g,        θ ← θ − ηb,   b₁ = g₁
//   Δw (the lecture, DeltaW below)            Δw ← αΔw + ηg,     θ ← θ − Δw,   Δw₀ = 0
// With β = μ = α: v_k = (1−β)·b_k, so EMA at rate η is torch at rate η(1−β); and Δw_k = η·b_k
// while η is constant. tests/test_02_momentum.cpp checks both, and that ema_momentum() below is
// the post's loop, written out on a and b, bit for bit.
// Notation: θ = (a, b) or (x, y) parameters, g gradient, η learning rate, β = μ = α momentum.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/momentum_ema.hpp"
#include "optim/optimizer.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "schedule/schedule.hpp"
#include "train/descent.hpp"
#include "train/line_training.hpp"

namespace ch02 {

// One per-sample update of the post's loop: the raw gradient it saw, the average it stepped by.
struct Record {
    double ga, gb;  // g: the sample's gradient at the old point
    double va, vb;  // v: the moving average after this update
};

struct EmaRun {
    gd::LineRun line;           // the path per update, the loss per epoch (epoch_loss)
    std::vector<Record> steps;  // one per update
};

// The post's momentum, per sample and in order: gd::MomentumEma, v ← βv + (1−β)g, θ ← θ − ηv,
// with v₀ = 0, through the book's one line-fit loop; after every update it records the gradient
// g the update used and the average v it stepped by, for the smoothing figures.
inline EmaRun ema_momentum(const gd::Points& p, gd::Point2 start, double lr, double beta,
                           int epochs) {
    EmaRun run;
    gd::MomentumEma<double> opt(lr, beta);
    gd::LineTraining per_sample;  // batch 1, the points in their order
    per_sample.epochs = epochs;
    per_sample.observe = [&](long, const xt::xarray<double>& g) {
        const xt::xarray<double>& v = opt.state("velocity")[0];
        run.steps.push_back({g(0), g(1), v(0), v(1)});
    };
    run.line = gd::train_line(opt, p, start, per_sample);
    return run;
}

// Mean and standard deviation over updates [first, last) of field j of the records (0 g_a,
// 1 v_a, 2 g_b, 3 v_b).
struct MeanSd {
    double mean, sd;
};
inline MeanSd mean_sd(const std::vector<Record>& steps, std::size_t first, std::size_t last,
                      int j) {
    double s = 0, s2 = 0;
    for (std::size_t k = first; k < last; ++k) {
        const double q[] = {steps[k].ga, steps[k].va, steps[k].gb, steps[k].vb};
        s += q[j], s2 += q[j] * q[j];
    }
    const double n = double(last - first), mean = s / n;
    return {mean, std::sqrt(std::max(0.0, s2 / n - mean * mean))};
}

// The ravine f = 0.1x² + 2y² from d2l's start (−5, −2): `steps` updates, at the schedule's
// rates if one is given.
inline gd::Trajectory on_ravine(gd::Optimizer<double>&& opt, long steps,
                                const gd::Schedule* schedule = nullptr) {
    const gd::Ravine f;
    xt::xarray<double> theta = {-5.0, -2.0};
    long t = 0;
    return gd::descend(f, opt, schedule, theta, t, steps);
}

// The lecture's form: the step Δw itself decays, each gradient scaled by the rate of its own
// update. Not in torch.optim; written here as an optimizer so it runs wherever the others do.
class DeltaW : public gd::Optimizer<double> {
  public:
    DeltaW(double lr, double alpha) : Optimizer(lr), alpha(alpha), dw_(add_buffer("delta_w")) {
        gd::require("delta-w", "alpha", alpha, alpha >= 0 && alpha < 1, "in [0, 1)");
    }
    const double alpha;
    std::string name() const override { return "delta-w"; }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& g) override {
        Tensor& dw = buffer(dw_, i);                    // Δw₀ = 0
        xt::noalias(dw) = alpha * dw + this->lr() * g;  // Δw(t) = αΔw(t−1) + η∇l(t)
        xt::noalias(theta) = theta - dw;                // w(t+1) = w(t) − Δw(t)
    }

  private:
    std::size_t dw_;
};

// The largest distance between two paths, point by point (they must have the same length).
inline double max_gap(const std::vector<gd::Point2>& p, const std::vector<gd::Point2>& q) {
    double gap = p.size() == q.size() ? 0.0 : INFINITY;
    for (std::size_t k = 0; k < std::min(p.size(), q.size()); ++k) {
        gap = std::max(gap, std::hypot(p[k].x - q[k].x, p[k].y - q[k].y));
    }
    return gap;
}
inline double max_gap(const gd::Trajectory& p, const gd::Trajectory& q) {
    double gap = p.size() == q.size() ? 0.0 : INFINITY;
    for (std::size_t k = 0; k < std::min(p.size(), q.size()); ++k) {
        gap = std::max(gap, std::hypot(p.x[k] - q.x[k], p.y[k] - q.y[k]));
    }
    return gap;
}

// The least-squares slope of log(y_k) against k over k = first .. end: log of the per-step
// factor by which y shrinks, averaged over any oscillation.
inline double log_slope(const std::vector<double>& y, std::size_t first) {
    double n = 0, sk = 0, sl = 0, skk = 0, skl = 0;
    for (std::size_t k = first; k < y.size(); ++k) {
        const double l = std::log(y[k]), kd = static_cast<double>(k);
        n += 1, sk += kd, sl += l, skk += kd * kd, skl += kd * l;
    }
    return (n * skl - sk * sl) / (n * skk - sk * sk);
}

}  // namespace ch02

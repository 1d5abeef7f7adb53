// momentum.hpp: chapter 02's momentum, written out on a and b, and the lecture's Δw form.
//
// Three ways of writing heavy-ball momentum that the chapter proves to be one path:
//   EMA (the post, common/momentum_ema.hpp)   v ← βv + (1−β)g,   θ ← θ − ηv,   v₀ = 0
//   velocity (torch.optim.SGD, common/sgd.hpp) b ← μb + g,        θ ← θ − ηb,   b₁ = g₁
//   Δw (the lecture, DeltaW below)            Δw ← αΔw + ηg,     θ ← θ − Δw,   Δw₀ = 0
// With β = μ = α: v_k = (1−β)·b_k, so EMA at rate η is torch at rate η(1−β); and Δw_k = η·b_k
// while η is constant. tests/test_02_momentum.cpp checks both, and that ema_momentum() below is
// gd::MomentumEma bit for bit.
// Notation: θ = (a, b) or (x, y) parameters, g gradient, η learning rate, β = μ = α momentum.
#pragma once

#include <algorithm>
#include <cmath>
#include <complex>
#include <string>
#include <vector>

#include "problems/line_fit.hpp"
#include "optim/factory.hpp"
#include "schedule/factory.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace ch02 {

// One per-sample update of the post's loop: the raw gradient it saw, the average it stepped by.
struct Record {
    double ga, gb;  // g: the sample's gradient at the old point
    double va, vb;  // v: the moving average after this update
};

struct EmaRun {
    std::vector<Record> steps;  // one per update
    std::vector<double> loss;   // full-data mean loss after every epoch, loss[0] at the start
    gd::Point2 end;
};

// The post's momentum, per sample and in order, both partial derivatives at the old point.
inline EmaRun ema_momentum(const gd::Points& p, gd::Point2 start, double lr, double beta,
                           int epochs) {
    EmaRun run;
    double a = start.x, b = start.y;
    double va = 0, vb = 0;  // v₀ = 0: an average of no gradients yet
    run.loss.push_back(gd::mean_loss(a, b, p));
    for (int e = 0; e < epochs; ++e) {
        for (std::size_t i = 0; i < p.size(); ++i) {
            const gd::Grad2 g = gd::sample_grad(a, b, p.x[i], p.y[i]);
            va = beta * va + (1 - beta) * g.a;  // v ← βv + (1−β)g: the decaying average
            vb = beta * vb + (1 - beta) * g.b;
            a = a - lr * va;  // θ ← θ − ηv
            b = b - lr * vb;
            run.steps.push_back({g.a, g.b, va, vb});
        }
        run.loss.push_back(gd::mean_loss(a, b, p));
    }
    run.end = {a, b};
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

// Any optimizer, per sample and in order, on the line fit; θ = (a, b) in one tensor. With a
// schedule, update t runs at η_t. Stops at the first point that is not finite.
struct LineRun {
    std::string name;
    std::vector<gd::Point2> path;  // after every update, path[0] = start
    std::vector<double> loss;      // after every epoch, loss[0] at the start
    long diverged_at = -1;         // the update that left the finite numbers, or -1
};

inline LineRun per_sample(gd::Optimizer<double>& opt, const gd::Points& p, gd::Point2 start,
                          int epochs, const gd::Schedule* schedule = nullptr) {
    LineRun run;
    xt::xarray<double> theta = {start.x, start.y}, g = xt::zeros<double>({2});
    run.path.push_back(start);
    run.loss.push_back(gd::mean_loss(start.x, start.y, p));
    long t = 0;
    for (int e = 0; e < epochs; ++e) {
        for (std::size_t i = 0; i < p.size(); ++i, ++t) {
            const gd::Grad2 gi = gd::sample_grad(theta(0), theta(1), p.x[i], p.y[i]);
            g(0) = gi.a;
            g(1) = gi.b;
            if (schedule) opt.set_lr(schedule->rate(t));
            opt.step({&theta}, {&g});
            if (!std::isfinite(theta(0)) || !std::isfinite(theta(1))) {
                run.diverged_at = t + 1;
                return run;
            }
            run.path.push_back({theta(0), theta(1)});
        }
        const double loss = gd::mean_loss(theta(0), theta(1), p);
        if (!std::isfinite(loss)) {  // finite a and b can still square to infinity
            run.diverged_at = t;
            return run;
        }
        run.loss.push_back(loss);
    }
    return run;
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
        Tensor& dw = buffer(dw_, i);                  // Δw₀ = 0
        xt::noalias(dw) = alpha * dw + this->lr() * g;  // Δw(t) = αΔw(t−1) + η∇l(t)
        xt::noalias(theta) = theta - dw;              // w(t+1) = w(t) − Δw(t)
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

// Heavy ball on one axis of a quadratic with curvature λ: the error e obeys
// e_{k+1} = (1 + μ − ηλ) e_k − μ e_{k−1}, so it shrinks per step by the larger modulus of the
// roots of z² − (1 + μ − ηλ) z + μ = 0 (μ = 0 is plain gradient descent, |1 − ηλ|).
inline double contraction(double lr, double lambda, double mu) {
    const double s = 1 + mu - lr * lambda;
    const std::complex<double> root = std::sqrt(std::complex<double>(s * s - 4 * mu, 0));
    return std::max(std::abs((s + root) / 2.0), std::abs((s - root) / 2.0));
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

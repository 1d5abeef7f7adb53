// momentum.hpp: chapter 02's pieces: runs that record the buffer each update stepped by, the
// lecture's Δθ form, and the measurements of the ravine. The heavy-ball theory the ravine is
// checked against is problems/quadratic_theory.hpp.
//
// Three ways of writing heavy-ball momentum (Polyak 1964) that the chapter proves to be one path:
//   average (the post, optim/momentum_ema.hpp)  m ← βm + (1−β)g,  θ ← θ − ηm,   m₀ = 0
//   velocity (torch.optim.SGD, optim/sgd.hpp)   u ← μu + (1−τ)g,  θ ← θ − ηu,   u₁ = g₁
//   Δθ (the lecture, DeltaTheta below)          Δθ ← μΔθ + ηg,    θ ← θ − Δθ,   Δθ₀ = 0
// With β = μ and τ = 0: m_t = (1−β)·u_t, so the average at rate η is torch at rate η(1−β); and
// Δθ_t = η·u_t while η is constant. With τ = β, torch's u is the post's m but for its start.
// tests/test_02_momentum.cpp checks all of it, bit for bit or to rounding.
// Notation: θ = (a, b) or (x, y) parameters, g gradient, η learning rate, μ = β momentum (the
// lecture's α), τ dampening, λ curvature, t update.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>
#include <xtensor/xnoalias.hpp>

#include "core/rng.hpp"
#include "optim/momentum_ema.hpp"
#include "optim/optimizer.hpp"
#include "optim/sgd.hpp"
#include "problems/line_fit.hpp"
#include "problems/quadratic_theory.hpp"
#include "problems/surfaces.hpp"
#include "schedule/schedule.hpp"
#include "train/descent.hpp"
#include "train/line_training.hpp"
#include "train/settling.hpp"

namespace ch02 {

// One per-sample update: the raw gradient it saw, and the buffer it stepped by (the post's
// average m, or torch's velocity u).
struct Record {
    double ga, gb;      // g: the sample's gradient at the old point
    double bufa, bufb;  // m or u after this update
};

struct Recorded {
    gd::LineRun line;           // the path per update, the loss per epoch (epoch_loss)
    std::vector<Record> steps;  // one per update
};

// Any optimizer per sample and in order through the book's one line-fit loop, recording after
// every update the gradient g it used and its buffer `buffer` (for the figures and tables); an
// empty name records g itself (plain SGD, torch's SGD with momentum 0, keeps no buffer).
inline Recorded record_line(gd::Optimizer<double>& opt, const std::string& buffer,
                            const gd::Points& p, gd::Point2 start, int epochs) {
    Recorded run;
    gd::LineTraining per_sample;  // batch 1, the points in their order
    per_sample.epochs = epochs;
    per_sample.observe = [&](long, const xt::xarray<double>& g) {
        const xt::xarray<double>& s = buffer.empty() ? g : opt.state(buffer)[0];
        run.steps.push_back({g(0), g(1), s(0), s(1)});
    };
    run.line = gd::train_line(opt, p, start, per_sample);
    return run;
}

// A plain run per sample, the points in their order, named for the tables and figures.
inline gd::LineRun per_sample(gd::Optimizer<double>& opt, const gd::Points& pts, gd::Point2 start,
                              int epochs, const char* name) {
    gd::LineTraining how;
    how.epochs = epochs;
    gd::LineRun run = gd::train_line(opt, pts, start, how);
    run.name = name;
    return run;
}

// The post's own comparison (its size_gen_data = 30, epochs = 50, start (1, 1), SGD at η = 0.001,
// momentum at η = 0.001 and β = 0.95) on 30 points drawn as chapter 08 draws them: x uniform in
// [−10, 10) from the seeded generator, y = 1.5x − 28. Plain SGD and the average, per sample.
inline std::vector<gd::LineRun> post_comparison_runs(std::uint64_t seed) {
    gd::Rng rng(seed);
    const gd::Points pts = gd::line_points(30, 1.5, -28, -10, 10, rng);
    gd::Sgd<double> plain(0.001);
    gd::MomentumEma<double> average(0.001, 0.95);
    return {per_sample(plain, pts, {1, 1}, 50, "plain SGD"),
            per_sample(average, pts, {1, 1}, 50, "the average")};
}

// Loss of run m over loss of run s after each epoch from 1: above 1, m is behind.
inline std::vector<double> loss_ratio(const gd::LineRun& s, const gd::LineRun& m) {
    std::vector<double> ratio;
    for (std::size_t e = 1; e < std::min(s.epoch_loss.size(), m.epoch_loss.size()); ++e)
        ratio.push_back(m.epoch_loss[e] / s.epoch_loss[e]);
    return ratio;
}

// The same comparison over seeds first..last: the smallest and largest loss ratio average/SGD
// after epoch 1 and after epoch 50.
struct RatioRange {
    double first_lo, first_hi, last_lo, last_hi;
};
inline RatioRange post_ratio_range(std::uint64_t first, std::uint64_t last) {
    const double inf = std::numeric_limits<double>::infinity();
    RatioRange r{inf, -inf, inf, -inf};
    for (std::uint64_t seed = first; seed <= last; ++seed) {
        const std::vector<gd::LineRun> runs = post_comparison_runs(seed);
        const std::vector<double> ratio = loss_ratio(runs[0], runs[1]);
        r.first_lo = std::min(r.first_lo, ratio.front()),
        r.first_hi = std::max(r.first_hi, ratio.front());
        r.last_lo = std::min(r.last_lo, ratio.back()),
        r.last_hi = std::max(r.last_hi, ratio.back());
    }
    return r;
}

// The post's momentum: gd::MomentumEma, m ← βm + (1−β)g, θ ← θ − ηm, with m₀ = 0.
inline Recorded ema_momentum(const gd::Points& p, gd::Point2 start, double lr, double beta,
                             int epochs) {
    gd::MomentumEma<double> opt(lr, beta);
    return record_line(opt, "velocity", p, start, epochs);
}

// Mean and standard deviation over updates [first, last) of field j of the records (0 g_a,
// 1 buffer a, 2 g_b, 3 buffer b).
struct MeanSd {
    double mean, sd;
};
inline MeanSd mean_sd(const std::vector<Record>& steps, std::size_t first, std::size_t last,
                      int j) {
    double s = 0, s2 = 0;
    for (std::size_t k = first; k < last; ++k) {
        const double q[] = {steps[k].ga, steps[k].bufa, steps[k].gb, steps[k].bufb};
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
constexpr double kLambdaX = 0.2, kLambdaY = 4.0;  // the ravine's curvatures along x and y

// The lecture's form: the step Δθ itself decays, each gradient scaled by the rate of its own
// update. Not in torch.optim; written here as an optimizer so it runs wherever the others do.
class DeltaTheta : public gd::Optimizer<double> {
  public:
    DeltaTheta(double lr, double mu) : Optimizer(lr), mu(mu), step_(add_buffer("delta_theta")) {
        gd::require("delta-theta", "mu", mu, mu >= 0 && mu < 1, "in [0, 1)");
    }
    const double mu;
    std::string name() const override { return "delta-theta"; }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& g) override {
        Tensor& dtheta = buffer(step_, i);                   // Δθ₀ = 0
        xt::noalias(dtheta) = mu * dtheta + this->lr() * g;  // Δθ_t = μΔθ_{t−1} + ηg_t
        xt::noalias(theta) = theta - dtheta;                 // θ_t = θ_{t−1} − Δθ_t
    }

  private:
    std::size_t step_;
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
// factor by which y shrinks, averaged over any oscillation. Zeros (an axis solved exactly) are
// skipped.
inline double log_slope(const std::vector<double>& y, std::size_t first) {
    double n = 0, sk = 0, sl = 0, skk = 0, skl = 0;
    for (std::size_t k = first; k < y.size(); ++k) {
        if (!(y[k] > 0)) continue;
        const double l = std::log(y[k]), kd = static_cast<double>(k);
        n += 1, sk += kd, sl += l, skk += kd * kd, skl += kd * l;
    }
    return (n * skl - sk * sl) / (n * skk - sk * sk);
}

// One heavy-ball run on the ravine at (η, μ), measured against the theory: the error shrinks
// per update by ρ on each axis, the loss by the worse axis's ρ².
struct RavineRate {
    double eta, mu;
    double rho_x, rho_y;  // theory: the larger root modulus on each axis
    double predicted;     // max(ρ_x, ρ_y)²
    double measured;      // exp of the slope of log f over the second half of `steps` updates
    long settled;         // the update from which f stays below 1e-10 (within 2000), or -1
    bool diverged;
};
inline RavineRate ravine_rate(double eta, double mu, long steps) {
    RavineRate r{eta,
                 mu,
                 gd::heavy_ball_radius(eta, mu, kLambdaX),
                 gd::heavy_ball_radius(eta, mu, kLambdaY),
                 0,
                 NAN,
                 -1,
                 false};
    r.predicted = std::pow(std::max(r.rho_x, r.rho_y), 2);
    const gd::Trajectory run = on_ravine(gd::Sgd<double>(eta, mu), steps);
    r.diverged = run.diverged_at >= 0 || run.loss.back() > run.loss.front();
    if (!r.diverged) r.measured = std::exp(log_slope(run.loss, run.size() / 2));
    r.settled = gd::settled_from(on_ravine(gd::Sgd<double>(eta, mu), 2000).loss, 1e-10);
    return r;
}

// Where momentum beats gradient descent at the same η, on the axes of the given curvatures
// (the worse one counts): ρ(μ) falls from ρ(0) to its least value at critical damping, then
// grows as √μ; `upto` is the first μ on a grid of 1e-5 where it is no longer below ρ(0) (1 if
// it stays below).
struct MomentumRange {
    double best_mu, best_rho, upto;
};
inline MomentumRange where_momentum_helps(double eta, const std::vector<double>& lambdas) {
    const auto rho = [&](double mu) {
        double r = 0;
        for (double l : lambdas) r = std::max(r, gd::heavy_ball_radius(eta, mu, l));
        return r;
    };
    const double gd_rho = rho(0);
    MomentumRange r{0, gd_rho, 1};
    for (int k = 1; k < 100000; ++k) {
        const double mu = k / 100000.0, here = rho(mu);
        if (here < r.best_rho) r.best_mu = mu, r.best_rho = here;
        if (here >= gd_rho && r.upto == 1) r.upto = mu;
    }
    return r;
}

}  // namespace ch02

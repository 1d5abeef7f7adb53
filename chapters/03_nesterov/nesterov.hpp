// nesterov.hpp: chapter 03's Nesterov momentum (Nesterov 1983), written out the way the lecture
// states it, and the measurements of the chapter's races.
//
// The library's rule is PyTorch's (optim/sgd.hpp with nesterov = true): the gradient is taken
// at the current θ. The lecture takes it at a look-ahead point w − μΔw instead, so its form keeps
// a short loop of its own (run_lookahead); a third form (momentum on a gradient with a
// derivative term) takes the gradient at θ and runs through gd::descend like the library's. The
// linear theory that predicts how fast each converges on a quadratic is
// problems/quadratic_theory.hpp.
// tests/test_03_nesterov.cpp proves that all three forms give the same points.
// Notation: w the lecture's weights (kept apart from PyTorch's θ), Δw its step, μ momentum (the
// lecture's α), η learning rate, u PyTorch's velocity (momentum_buffer), g gradient, λ curvature,
// t step.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/optimizer.hpp"
#include "optim/sgd.hpp"
#include "problems/quadratic_theory.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"
#include "train/settling.hpp"

namespace ch03 {

using Vec = xt::xarray<double>;

inline Vec grad_at(const gd::Surface2& f, const Vec& p) {
    const gd::Point2 g = f.grad(p(0), p(1));
    return Vec{g.x, g.y};
}

// The lecture's Nesterov step. Δw starts at zero, so the first look-ahead point is w itself.
struct LookAhead {
    double mu, eta;
    Vec w;                // the lecture's weights w(t)
    Vec dw = {0.0, 0.0};  // Δw(t−1), the previous step

    Vec ahead() const { return w - mu * dw; }  // the look-ahead point w(t) − μΔw(t−1)

    void step(const gd::Surface2& f) {
        const Vec g = grad_at(f, ahead());  // ∇L(w(t) − μΔw(t−1)): the gradient ahead
        dw = mu * dw + eta * g;             // Δw(t) = μΔw(t−1) + η∇L(...)
        w = w - dw;                         // w(t+1) = w(t) − Δw(t)
    }
};

// Heavy-ball momentum fed a corrected gradient: d ← μd + g + μ(g − g_prev), θ ← θ − ηd. The
// term μ(g − g_prev) is a derivative term: it pushes against a gradient that is changing.
// d and g_prev start at zero, so the first step is η(1 + μ)g, as PyTorch's is.
class GradientCorrection : public gd::Optimizer<double> {
  public:
    GradientCorrection(double lr, double mu)
        : Optimizer(lr), mu(mu), d_(add_buffer("d")), g_prev_(add_buffer("g_prev")) {
        gd::require("gradient-correction", "mu", mu, mu >= 0 && mu < 1, "in [0, 1)");
    }
    const double mu;
    std::string name() const override { return "gradient-correction"; }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& g) override {
        Tensor& d = buffer(d_, i);            // d₀ = 0
        Tensor& g_prev = buffer(g_prev_, i);  // g₀ = 0
        // d ← μd + g + μ(g − g_prev): the velocity of the gradient plus its change
        xt::noalias(d) = mu * d + g + mu * (g - g_prev);
        xt::noalias(theta) = theta - lr() * d;  // θ ← θ − ηd
        g_prev = g;                             // remembered for the next derivative term
    }

  private:
    std::size_t d_, g_prev_;
};

// The lecture's form run on a surface, recording both its weights w and its look-ahead points.
struct LookAheadRun {
    gd::Trajectory w, ahead;
};

inline LookAheadRun run_lookahead(const gd::Surface2& f, double mu, double eta, const Vec& start,
                                  long steps) {
    LookAhead nag{mu, eta, start};
    LookAheadRun run;
    const auto record = [&](long k) {
        const Vec a = nag.ahead();
        run.w.add(k, nag.w(0), nag.w(1), f.value(nag.w(0), nag.w(1)), eta);
        run.ahead.add(k, a(0), a(1), f.value(a(0), a(1)), eta);
    };
    record(0);
    for (long k = 1; k <= steps; ++k) {
        nag.step(f);
        const Vec a = nag.ahead();
        if (!std::isfinite(f.value(nag.w(0), nag.w(1))) || !std::isfinite(f.value(a(0), a(1)))) {
            run.w.diverged_at = run.ahead.diverged_at = k;  // keep only the finite points
            break;
        }
        record(k);
    }
    return run;
}

// PyTorch's SGD with momentum, plain or Nesterov, on a surface through the book's 2-D loop.
inline gd::Trajectory run_sgd(const gd::Surface2& f, Vec start, double lr, double mu, bool nesterov,
                              long steps) {
    gd::Sgd<double> opt(lr, mu, 0, 0, nesterov);
    long t = 0;
    return gd::descend(f, opt, nullptr, start, t, steps);
}

// One race: plain momentum and Nesterov, same η, μ, start and number of steps.
struct Race {
    std::string name;
    double lr, mu;
    gd::Trajectory momentum, nesterov;
};

// How a race ended for one runner: the step from which the loss stays below `level` (-1 if it
// does not within the run), or that it left the finite numbers or ends above where it began.
struct Outcome {
    long settled;   // gd::settled_from: descend's row t is step t
    bool diverged;  // overflowed, or growing
};
inline Outcome outcome(const gd::Trajectory& tr, double level = 1e-6) {
    const bool diverged = tr.diverged_at >= 0 || tr.loss.back() > tr.loss.front();
    return {diverged ? -1 : gd::settled_from(tr.loss, level), diverged};
}

// Steps for a loss of loss0 to fall below 1e-6 when the error shrinks by r per step (the loss,
// quadratic in the error, by r²).
inline double predicted_steps(double loss0, double r) {
    return std::log(loss0 / 1e-6) / (-2 * std::log(r));
}

// Which of two runs gets there first: the one that settles below the level sooner; if neither
// settles, the one whose final loss is more than 10 % smaller (else a tie); a diverging run
// always loses.
inline const char* faster(long hb, long nag) {
    if (hb == nag) return "tie";
    if (hb < 0) return "Nesterov";
    if (nag < 0) return "momentum";
    return hb < nag ? "momentum" : "Nesterov";
}
inline const char* faster(const gd::Trajectory& hb, const gd::Trajectory& nag) {
    const Outcome a = outcome(hb), b = outcome(nag);
    if (a.diverged && b.diverged) return "neither";
    if (a.diverged) return "Nesterov";
    if (b.diverged) return "momentum";
    if (a.settled < 0 && b.settled < 0) {  // neither arrived: the lower final loss, by 10 %
        const double ratio = nag.loss.back() / hb.loss.back();
        return ratio > 1.1 ? "momentum" : ratio < 1 / 1.1 ? "Nesterov" : "tie";
    }
    return faster(a.settled, b.settled);
}

// One row of the ravine sweep over μ at rate η: each method's radius (the worse axis), its
// predicted steps to 1e-6, and the steps its run needs (-1: not within `steps`, or diverging).
struct SweepRow {
    double mu, r_hb, r_nag, p_hb, p_nag;
    long s_hb, s_nag;
};
inline SweepRow ravine_row(const gd::Surface2& f, const Vec& start, double eta, double mu,
                           long steps) {
    SweepRow r{mu, 0, 0, 0, 0, -1, -1};
    for (double lambda : {0.2, 4.0}) {
        r.r_hb = std::max(r.r_hb, gd::heavy_ball_radius(eta, mu, lambda));
        r.r_nag = std::max(r.r_nag, gd::nesterov_radius(eta, mu, lambda));
    }
    const double loss0 = f.value(start(0), start(1));
    r.p_hb = predicted_steps(loss0, r.r_hb), r.p_nag = predicted_steps(loss0, r.r_nag);
    r.s_hb = outcome(run_sgd(f, start, eta, mu, false, steps)).settled;
    r.s_nag = outcome(run_sgd(f, start, eta, mu, true, steps)).settled;
    return r;
}

// The curvatures of a surface at (x, y): the eigenvalues of its Hessian, by central differences
// of the gradient (h = 1e-5: an error of order h² times the third derivatives, far below the
// digits the text quotes).
struct Curvatures {
    double lo, hi;
};
inline Curvatures curvatures(const gd::Surface2& f, double x, double y) {
    const double h = 1e-5;
    const gd::Point2 gx1 = f.grad(x + h, y), gx0 = f.grad(x - h, y);
    const gd::Point2 gy1 = f.grad(x, y + h), gy0 = f.grad(x, y - h);
    const double hxx = (gx1.x - gx0.x) / (2 * h), hyy = (gy1.y - gy0.y) / (2 * h);
    const double hxy = 0.5 * ((gx1.y - gx0.y) + (gy1.x - gy0.x)) / (2 * h);
    const double mean = 0.5 * (hxx + hyy), half = 0.5 * (hxx - hyy);
    const double r = std::sqrt(half * half + hxy * hxy);
    return {mean - r, mean + r};
}

}  // namespace ch03

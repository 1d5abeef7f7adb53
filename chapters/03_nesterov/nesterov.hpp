// nesterov.hpp: chapter 03's Nesterov momentum, written out the way the lecture states it.
//
// The library's rule is PyTorch's (optim/sgd.hpp with nesterov = true): the gradient is taken
// at the current θ. The lecture takes it at a look-ahead point w − αΔw instead, so its form keeps
// a short loop of its own (run_lookahead); a third form (momentum on a gradient with a
// derivative term) takes the gradient at θ and runs through gd::descend like the library's. The
// linear theory that predicts how fast each converges on a quadratic is
// problems/quadratic_theory.hpp.
// tests/test_03_nesterov.cpp proves that all three forms give the same points.
// Notation: w the lecture's weights, Δw its step ("velocity"), α = μ momentum, η learning rate,
// θ PyTorch's parameters, b its velocity (momentum_buffer), g gradient, λ a curvature.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>

#include <xtensor/xarray.hpp>
#include <xtensor/xnoalias.hpp>

#include "optim/optimizer.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace ch03 {

using Vec = xt::xarray<double>;

inline Vec grad_at(const gd::Surface2& f, const Vec& p) {
    const gd::Point2 g = f.grad(p(0), p(1));
    return Vec{g.x, g.y};
}

// The lecture's Nesterov step. Δw starts at zero, so the first look-ahead point is w itself.
struct LookAhead {
    double alpha, eta;
    Vec w;                // the lecture's weights w(t)
    Vec dw = {0.0, 0.0};  // Δw(t−1), the previous step

    Vec ahead() const { return w - alpha * dw; }  // the look-ahead point w(t) − αΔw(t−1)

    void step(const gd::Surface2& f) {
        const Vec g = grad_at(f, ahead());  // ∇L(w(t) − αΔw(t−1)): the gradient ahead
        dw = alpha * dw + eta * g;          // Δw(t) = αΔw(t−1) + η∇L(...)
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

inline LookAheadRun run_lookahead(const gd::Surface2& f, double alpha, double eta, const Vec& start,
                                  long steps) {
    LookAhead nag{alpha, eta, start};
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

// One race: plain momentum and Nesterov, same η, μ, start and number of steps.
struct Race {
    std::string name;
    double lr, mu;
    gd::Trajectory momentum, nesterov;
};

}  // namespace ch03

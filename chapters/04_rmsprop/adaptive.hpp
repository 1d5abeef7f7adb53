// adaptive.hpp: chapter 04's per-coordinate rules, written out on one scalar coordinate.
//
// AdaGrad and RMSprop (plain, centered, with momentum) give every coordinate its own step size,
// η divided by the root of that coordinate's squared gradients. The library versions
// (common/adagrad.hpp, common/rmsprop.hpp) hide that step size inside their buffers; here it is
// returned, so the chapter can plot it. tests/test_04_rmsprop.cpp proves that these functions
// and gd::Adagrad / gd::RmsProp produce the same trajectories, so the rule lives in one place.
// Notation: θ parameter, g gradient, η learning rate, t step, ε stability term, α smoothing,
// μ momentum, s sum or mean of g², m mean of g, b velocity.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace ch04 {

enum class Kind { Gd, Adagrad, RmsProp };

struct Rule {
    std::string label;
    Kind kind = Kind::Gd;
    double eta = 0.1;       // η
    double eps = 1e-8;      // ε (torch's default: 1e-10 for AdaGrad, 1e-8 for RMSprop)
    double lr_decay = 0;    // AdaGrad: η_t = η / (1 + (t − 1)·lr_decay)
    double alpha = 0.99;    // RMSprop: how much of the old mean square is kept each step
    bool centered = false;  // RMSprop: divide by an estimate of the variance instead
    double momentum = 0;    // RMSprop: μ, accumulating the already-scaled steps
};

// What one coordinate remembers between steps.
struct Memory {
    double s = 0, m = 0, b = 0;
};

// One update of one coordinate at step t (counting from 1). Returns the effective step size,
// the factor the gradient is multiplied by: θ ← θ − rate·g (before momentum, if any).
inline double update(const Rule& r, Memory& mem, double& theta, double g, long t) {
    if (r.kind == Kind::Gd) {
        theta -= r.eta * g;  // θ ← θ − ηg: the same η for every coordinate
        return r.eta;
    }
    if (r.kind == Kind::Adagrad) {
        const double eta_t = r.eta / (1 + double(t - 1) * r.lr_decay);  // optional decay
        mem.s = mem.s + g * g;                                          // s ← s + g², forever
        const double d = std::sqrt(mem.s) + r.eps;  // √s + ε: ε outside the root, as torch
        theta -= eta_t * g / d;                     // θ ← θ − η_t·g / (√s + ε)
        return eta_t / d;
    }
    mem.s = r.alpha * mem.s + (1 - r.alpha) * g * g;  // s ← αs + (1 − α)g²: forgets
    double d = std::sqrt(mem.s) + r.eps;              // √s + ε
    if (r.centered) {
        mem.m = r.alpha * mem.m + (1 - r.alpha) * g;   // m ← αm + (1 − α)g: mean gradient
        d = std::sqrt(mem.s - mem.m * mem.m) + r.eps;  // √(s − m²) + ε: the spread of g
    }
    if (r.momentum > 0) {
        mem.b = r.momentum * mem.b + g / d;  // b ← μb + g/d
        theta -= r.eta * mem.b;              // θ ← θ − ηb
    } else {
        theta -= r.eta * g / d;  // θ ← θ − η·g/d
    }
    return r.eta / d;
}

// A run on a 2-D surface: the path (as the library draws it) and both coordinates' step sizes.
struct Run {
    gd::Trajectory path;                 // path.x[k], path.y[k]: the point after update k
    std::vector<double> rate_x, rate_y;  // rate_x[k-1]: the step size update k used along x
};

// `steps` updates from `start`. Like gd::descend, it stops at the last finite point and records
// where it left (path.diverged_at), so a blow-up is a result, not a file full of nan.
inline Run descend(const gd::Surface2& f, const Rule& r, gd::Point2 start, long steps) {
    Run run;
    run.path.label = r.label;
    double x = start.x, y = start.y;
    Memory mx, my;
    run.path.add(0, x, y, f.value(x, y), r.eta);
    for (long t = 1; t <= steps; ++t) {
        const gd::Point2 g = f.grad(x, y);  // both partial derivatives at the same, old point
        const double rx = update(r, mx, x, g.x, t);
        const double ry = update(r, my, y, g.y, t);
        const double loss = f.value(x, y);
        if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(loss)) {
            run.path.diverged_at = t;
            break;
        }
        run.path.add(t, x, y, loss, r.eta);
        run.rate_x.push_back(rx);
        run.rate_y.push_back(ry);
    }
    return run;
}

// The first update that brings the loss below `tol`, or -1 if none does.
inline long steps_to(const gd::Trajectory& p, double tol) {
    for (std::size_t k = 0; k < p.size(); ++k)
        if (p.loss[k] < tol) return p.step[k];
    return -1;
}

// The ravine with its y-wall made c times steeper: 0.1x² + 2c·y². Its y-gradient is c times the
// ravine's at every point, the x-gradient is unchanged: the test of per-coordinate invariance.
class ScaledRavine : public gd::Surface2 {
  public:
    explicit ScaledRavine(double c) : c_(c) {}
    std::string name() const override { return "scaled ravine"; }
    double value(double x, double y) const override { return 0.1 * x * x + 2 * c_ * y * y; }
    gd::Point2 grad(double x, double y) const override { return {0.2 * x, 4 * c_ * y}; }
    std::vector<gd::Point2> minima() const override { return {{0, 0}}; }
    gd::Box frame() const override { return {-6, 6, -3, 3}; }

  private:
    double c_;
};

}  // namespace ch04

// adaptive.hpp: chapter 04's per-coordinate rules, written out one scalar coordinate at a time.
//
// AdaGrad and RMSprop (plain, centered, with momentum) give every coordinate its own step size,
// η divided by the root of that coordinate's squared gradients. The library versions
// (optim/adagrad.hpp, optim/rmsprop.hpp) hide that step size inside their tensor expressions;
// here the rule is written out on each coordinate in turn and the step size it used recorded,
// so the chapter can plot it. As a gd::Optimizer it runs through gd::descend like every other
// rule; tests/test_04_rmsprop.cpp proves that it and gd::Adagrad / gd::RmsProp produce the same
// trajectories and the same state, so the rule lives in one place.
// Notation: θ parameter, g gradient, η learning rate, t step, ε stability term, α RMSprop's decay,
// μ momentum, s AdaGrad's sum of g², v RMSprop's mean of g², m mean of g, u velocity.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "optim/optimizer.hpp"
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
    double alpha = 0.99;    // RMSprop: α, how much of the old mean square v is kept each step
    bool centered = false;  // RMSprop: divide by an estimate of the variance instead
    double momentum = 0;    // RMSprop: μ, accumulating the already-scaled steps
};

// The rule as an optimizer: update() walks θ's coordinates, applies the rule to each as a
// scalar and records the step size it used, the factor the gradient is multiplied by,
// θ ← θ − rate·g (before momentum, if any). Its buffers and name are the library's ("sum";
// "square_avg", "momentum_buffer", "grad_avg"), so the two save the same state.
class PerCoordinate : public gd::Optimizer<double> {
  public:
    explicit PerCoordinate(const Rule& r)
        : Optimizer(r.eta),
          rule(r),
          s_(r.kind == Kind::Gd ? 0 : add_buffer(r.kind == Kind::Adagrad ? "sum" : "square_avg")),
          u_(r.kind == Kind::RmsProp && r.momentum > 0 ? add_buffer("momentum_buffer") : 0),
          m_(r.kind == Kind::RmsProp && r.centered ? add_buffer("grad_avg") : 0) {}

    const Rule rule;
    // rates[j][k−1]: the step size of coordinate j (counted over all parameters) in update k.
    std::vector<std::vector<double>> rates;

    std::string name() const override {
        return rule.kind == Kind::Gd ? "sgd" : rule.kind == Kind::Adagrad ? "adagrad" : "rmsprop";
    }

  protected:
    void update(std::size_t i, Tensor& theta, const Tensor& grad) override {
        if (i == 0) coord_ = 0;
        const double eta = lr();
        for (std::size_t j = 0; j < theta.size(); ++j, ++coord_) {
            const double g = grad.flat(j);
            double& th = theta.flat(j);
            double rate = eta;
            if (rule.kind == Kind::Gd) {
                th -= eta * g;  // θ ← θ − ηg: the same η for every coordinate
            } else if (rule.kind == Kind::Adagrad) {
                const double eta_t = eta / (1 + double(t_ - 1) * rule.lr_decay);  // optional decay
                double& s = buffer(s_, i).flat(j);
                s = s + g * g;                             // s ← s + g², forever
                const double d = std::sqrt(s) + rule.eps;  // √s + ε: ε outside the root, as torch
                th -= eta_t * g / d;                       // θ ← θ − η_t·g / (√s + ε)
                rate = eta_t / d;
            } else {
                const double a = rule.alpha;
                double& v = buffer(s_, i).flat(j);
                v = a * v + (1 - a) * g * g;         // v ← αv + (1 − α)g²: forgets
                double d = std::sqrt(v) + rule.eps;  // √v + ε
                if (rule.centered) {
                    double& m = buffer(m_, i).flat(j);
                    m = a * m + (1 - a) * g;              // m ← αm + (1 − α)g: mean gradient
                    d = std::sqrt(v - m * m) + rule.eps;  // √(v − m²) + ε: the spread of g
                }
                if (rule.momentum > 0) {
                    double& u = buffer(u_, i).flat(j);
                    u = rule.momentum * u + g / d;  // velocity u ← μu + g/d
                    th -= eta * u;                  // θ ← θ − ηu
                } else {
                    th -= eta * g / d;  // θ ← θ − η·g/d
                }
                rate = eta / d;
            }
            if (rates.size() <= coord_) rates.resize(coord_ + 1);
            rates[coord_].push_back(rate);
        }
    }

  private:
    std::size_t s_, u_, m_;  // ids of the buffers: s or v (g²), u velocity, m mean of g
    std::size_t coord_ = 0;  // the coordinate being updated, over all parameters
};

// A run on a 2-D surface: the path (as the library draws it) and both coordinates' step sizes.
struct Run {
    gd::Trajectory path;                 // path.x[k], path.y[k]: the point after update k
    std::vector<double> rate_x, rate_y;  // rate_x[k-1]: the step size update k used along x
};

// `steps` updates of the rule from `start`, through gd::descend: it stops at the last finite
// point and records where it left (path.diverged_at), so a blow-up is a result, not a file full
// of nan. The step sizes are those of the updates the path keeps.
inline Run run_rule(const gd::Surface2& f, const Rule& r, gd::Point2 start, long steps) {
    PerCoordinate opt(r);
    xt::xarray<double> theta = {start.x, start.y};
    long t = 0;
    Run run;
    run.path = gd::descend(f, opt, nullptr, theta, t, steps);
    run.path.label = r.label;
    const std::size_t kept = run.path.size() - 1;
    if (!opt.rates.empty()) {
        run.rate_x.assign(opt.rates[0].begin(), opt.rates[0].begin() + std::ptrdiff_t(kept));
        run.rate_y.assign(opt.rates[1].begin(), opt.rates[1].begin() + std::ptrdiff_t(kept));
    }
    return run;
}

// The first update that brings the loss below `tol`, or -1 if none does. Not settled_from
// (train/settling.hpp, the update from which it stays below): on the line fit RMSprop gets
// there and then hovers above it, and the table reports when it first arrived.
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

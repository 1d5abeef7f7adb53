// variants.hpp: what chapter 05 measures besides Adam's own rule: the post's data, the best fit
// of noisy points, a run's largest step, how widely Adam's adaptive rate is spread in its first
// steps, and RAdam's rectification.
//
// The three variants themselves (Adamax, NAdam, RAdam) are the library's (common/optim/), as
// torch.optim 1.13 defines them, built by gd::make_optimizer.
// Notation: θ = (a, b) parameters, g gradient, η learning rate, β1 β2 the moments' decay rates,
// v second moment, t step (from 1), σ the noise in y.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "core/rng.hpp"
#include "optim/adam.hpp"
#include "optim/radam.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "schedule/schedule.hpp"
#include "train/descent.hpp"
#include "train/line_training.hpp"

namespace ch05 {

// The post's comparison ran on 30 points drawn by its own generator (size_gen_data=30), whose
// draws numpy alone can reproduce: we draw 30 points on y = 1.5x − 28 with x uniform in
// [−10, 10) from our seeded generator, as chapter 08 does; with σ > 0 each y gets N(0, σ²) noise.
inline gd::Points post_comparison_points(std::size_t n, std::uint64_t seed, double sigma) {
    gd::Rng rng(seed);
    gd::Points p = gd::line_points(n, 1.5, -28, -10, 10, rng);
    for (double& y : p.y) y += sigma > 0 ? sigma * rng.normal() : 0.0;
    return p;
}

// The least-squares line through the points, (a, b): where every run should end.
inline gd::Point2 best_fit(const gd::Points& p) {
    const double n = double(p.size());
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        sx += p.x[i], sy += p.y[i], sxx += p.x[i] * p.x[i], sxy += p.x[i] * p.y[i];
    }
    const double a = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    return {a, (sy - a * sx) / n};
}

// The largest single-coordinate step of a run, |Δa| or |Δb|.
inline double largest_step(const gd::LineRun& r) {
    double big = 0;
    for (std::size_t k = 1; k < r.path.size(); ++k) {
        big = std::max({big, std::fabs(r.path[k].x - r.path[k - 1].x),
                        std::fabs(r.path[k].y - r.path[k - 1].y)});
    }
    return big;
}

// `steps` full-batch updates of opt on chapter 04's ravine 0.1x² + 2y² from (−5, −2), at the
// schedule's rates if there is one.
inline gd::Trajectory on_ravine(const std::string& label, gd::Optimizer<double>& opt,
                                const gd::Schedule* schedule, long steps) {
    xt::xarray<double> theta = {-5.0, -2.0};
    long t = 0;
    gd::Trajectory tr = gd::descend(gd::Ravine(), opt, schedule, theta, t, steps);
    tr.label = label;
    return tr;
}

// RAdam's rectification r_t for β2 at step t (0 while ρ_t ≤ 5, when it takes momentum steps).
inline double rectification(double beta2, long t) {
    const gd::RAdam<double> radam(1.0, 0.9, beta2);
    const double rho = radam.rho(t), inf = radam.rho_inf();
    if (!(rho > 5)) return 0;
    return std::sqrt((rho - 4) * (rho - 2) * inf / ((inf - 4) * (inf - 2) * rho));
}

// How widely Adam's adaptive rate √(1 − β2ᵗ)/√v_t (= 1/√v̂_t, ε aside) is spread when the
// gradients are pure noise, N(0, 1) at every step: gd::Adam on `n` coordinates at once, each
// its own sequence of gradients; width[t − 1] is the 95th minus the 5th percentile over them.
inline std::vector<double> adaptive_rate_spread(std::size_t n, long steps, double beta2,
                                                std::uint64_t seed) {
    gd::Rng rng(seed);
    gd::Adam<double> adam(1.0, 0.9, beta2, 0.0);
    xt::xarray<double> theta = xt::zeros<double>({n}), g = xt::zeros<double>({n});
    std::vector<double> width, rate(n);
    for (long t = 1; t <= steps; ++t) {
        for (std::size_t k = 0; k < n; ++k) g(k) = rng.normal();
        adam.step({&theta}, {&g});
        const xt::xarray<double>& v = adam.state("exp_avg_sq")[0];
        const double bias = std::sqrt(1 - std::pow(beta2, double(t)));
        for (std::size_t k = 0; k < n; ++k) rate[k] = bias / std::sqrt(v(k));
        std::sort(rate.begin(), rate.end());
        width.push_back(rate[n - n / 20 - 1] - rate[n / 20]);
    }
    return width;
}

}  // namespace ch05

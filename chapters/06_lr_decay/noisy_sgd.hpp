// noisy_sgd.hpp: chapter 06's problem, its algorithm, and the measurements on its runs.
//
// The problem is chapter 01's line fit with noise on y: no (a, b) fits every point, so a
// mini-batch gradient stays noisy even at the best fit, and SGD with a constant rate keeps
// bouncing around it. The algorithm is chapter 01's mini-batch SGD (gd::Sgd through the book's
// one line-fit loop, gd::train_line) with the rate η_t of epoch t from any gd::Schedule
// (common/schedule/decay.hpp), set once per epoch, as the lecture's η_t = η₀·e^{-kt} counts t in
// epochs and as PyTorch does with scheduler.step() at the end of every epoch.
//
// Notation: θ = (a, b) parameters, g gradient, η_t learning rate of epoch t, B batch size,
// σ the noise on y, θ* = (a*, b*) the least-squares solution.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/rng.hpp"
#include "core/seeds.hpp"
#include "optim/sgd.hpp"
#include "problems/line_fit.hpp"
#include "schedule/decay.hpp"
#include "train/line_training.hpp"

namespace ch06 {

struct Line {
    double a = 0, b = 0;
};

// n points with x uniform in [-10, 10) on y = a·x + b + σ·ε, ε standard normal: first all the
// x (chapter 01's line_points), then the noise, all from the same seeded generator.
inline gd::Points noisy_line(std::size_t n, double a, double b, double sigma, gd::Rng& rng) {
    gd::Points p = gd::line_points(n, a, b, -10.0, 10.0, rng);
    for (double& y : p.y) y += rng.normal(0.0, sigma);
    return p;
}

// The exact minimum of the mean loss, in closed form: setting both mean partial derivatives to
// zero gives the normal equations, solved by a* = cov(x, y) / var(x) and b* = ȳ − a*·x̄.
inline Line least_squares(const gd::Points& p) {
    const double n = static_cast<double>(p.size());
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < p.size(); ++i) mx += p.x[i] / n, my += p.y[i] / n;
    double sxx = 0, sxy = 0;  // centred sums: no cancellation between large terms
    for (std::size_t i = 0; i < p.size(); ++i) {
        sxx += (p.x[i] - mx) * (p.x[i] - mx);
        sxy += (p.x[i] - mx) * (p.y[i] - my);
    }
    const double a = sxy / sxx;
    return {a, my - a * mx};
}

// Mini-batch SGD, θ ← θ − η_t·g with g the batch's mean gradient: every epoch reshuffles the
// points, then steps through them B at a time at the schedule's rate for that epoch. The last
// batch of an epoch may be smaller (as with PyTorch's DataLoader). With replace = true each
// batch instead draws its B points independently, with replacement: the textbook model of SGD,
// whose batches are independent of each other. A diverging run stops at its last finite point.
inline gd::LineRun sgd(const gd::Points& p, Line start, const gd::Schedule& schedule, int epochs,
                       std::size_t batch, gd::Rng& rng, bool replace = false) {
    gd::Sgd<double> opt(schedule.rate(0));  // θ ← θ − η_t·g
    gd::LineTraining how;
    how.epochs = epochs;
    how.batch = batch;
    how.shuffle = &rng;     // a fresh order every epoch ...
    how.replace = replace;  // ... or batches drawn with replacement
    how.schedule = &schedule;
    how.rate_per_epoch = true;  // η_t counts epochs
    gd::LineRun run = gd::train_line(opt, p, {start.a, start.b}, how);
    run.name = schedule.name();
    return run;
}

// How far the final points of many runs lie from θ*: the root-mean-square deviation of a and of
// b (the spread, bias included) and the mean deviation (the bias alone).
struct Spread {
    double rms_a = 0, rms_b = 0, bias_a = 0, bias_b = 0;
};
inline Spread spread(const std::vector<Line>& finals, Line best) {
    Spread s;
    const double n = static_cast<double>(finals.size());
    for (const Line& f : finals) {
        s.rms_a += (f.a - best.a) * (f.a - best.a) / n;
        s.rms_b += (f.b - best.b) * (f.b - best.b) / n;
        s.bias_a += (f.a - best.a) / n;
        s.bias_b += (f.b - best.b) / n;
    }
    s.rms_a = std::sqrt(s.rms_a);
    s.rms_b = std::sqrt(s.rms_b);
    return s;
}

// The final θ of each run (its last finite epoch, if it diverged).
inline std::vector<Line> finals(const std::vector<gd::LineRun>& runs) {
    std::vector<Line> f;
    f.reserve(runs.size());
    for (const gd::LineRun& r : runs) f.push_back({r.epoch_path.back().x, r.epoch_path.back().y});
    return f;
}

// Mean over runs of L(θ) − L(θ*) after every epoch: how far above the best fit the runs are.
inline std::vector<double> mean_excess(const std::vector<gd::LineRun>& runs, double best) {
    std::vector<double> m(runs[0].epoch_loss.size(), 0.0);
    const double n = static_cast<double>(runs.size());
    for (const gd::LineRun& r : runs) {
        for (std::size_t e = 0; e < m.size(); ++e) m[e] += (r.epoch_loss[e] - best) / n;
    }
    return m;
}

// The rule of thumb for the noise ball: with independent batches, a constant rate η and a small
// ηλ, each parameter's stationary variance around θ* is about η·σ²/B (README, "The noise ball").
inline double noise_ball_rule(double eta, double sigma2, std::size_t batch) {
    return eta * sigma2 / static_cast<double>(batch);
}

// Measures the noise ball at a constant rate η: `seeds` runs start at θ* itself, run `burn_in`
// epochs to forget the start, then record θ at the end of every `every`-th epoch up to `epochs`.
// Returns the spread of all the recorded points around θ* (rms², i.e. the variance, is what the
// rule predicts). Run r shuffles with stream 1 + r of `seed` (gd::run_seed, core/seeds.hpp), as
// run r of the chapter's comparison does.
inline Spread noise_ball(const gd::Points& p, Line best, double eta, std::size_t batch,
                         bool replace, int seeds, std::uint64_t seed, int burn_in = 40,
                         int epochs = 80, int every = 5) {
    const gd::ConstantRate constant(eta);
    std::vector<Line> points;
    for (int r = 0; r < seeds; ++r) {
        gd::Rng rng(gd::run_seed(seed, 1 + static_cast<std::uint64_t>(r)));
        const gd::LineRun run = sgd(p, best, constant, epochs, batch, rng, replace);
        for (int e = burn_in; e < static_cast<int>(run.epoch_path.size()); e += every) {
            points.push_back({run.epoch_path[e].x, run.epoch_path[e].y});
        }
    }
    return spread(points, best);
}

// The noise ball at one constant rate η, for both ways of drawing batches, with the rule.
struct Ball {
    double eta, rule;
    Spread iid, shuffled;
};

}  // namespace ch06

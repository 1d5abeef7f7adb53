// noisy_sgd.hpp: chapter 06's problem, its algorithm, and the measurements on its runs.
//
// The problem is chapter 01's line fit with noise on y: no (a, b) fits every point, so a
// mini-batch gradient stays noisy even at the best fit, and SGD with a constant rate keeps
// bouncing around it. The algorithm is chapter 01's mini-batch SGD (gd::Sgd through the book's
// one line-fit loop, gd::train_line) with the rate η_t of epoch t from any gd::Schedule
// (common/schedule/decay.hpp), set once per epoch, as the lecture's η_t = η₀·e^{-kt} counts t in
// epochs and as PyTorch does with scheduler.step() at the end of every epoch. The same loop in
// phases of constant rate and batch runs a growing batch (Smith, Kindermans, Ying, Le 2018).
// The measurements: the spread of many runs around θ*, their excess loss, the noise ball at a
// constant rate, and the gap the rates leave in the slow direction b (the distance budget).
//
// Notation: θ = (a, b) parameters, g gradient, η_t learning rate of epoch t (η_k of update k),
// B batch size, n points, σ the noise on y, θ* = (a*, b*) the least-squares solution, λ the
// curvature along a direction (λ_a ≈ 75, λ_b = 2 here).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
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

// A spread for a table: fixed to 4 decimals, or in powers of ten if a run went far astray.
inline std::string cell(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, std::abs(v) < 1e4 ? "%9.4f" : "%9.3g", v);
    return buf;
}

// A number as %g writes it, for tables and legends.
inline std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

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
    if (finals.empty()) {  // no finite point to measure: say so rather than print 0
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {nan, nan, nan, nan};
    }
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
// Only the epochs every run finished count: a run that diverged ends the mean there.
inline std::vector<double> mean_excess(const std::vector<gd::LineRun>& runs, double best) {
    std::size_t epochs = runs[0].epoch_loss.size();
    for (const gd::LineRun& r : runs) epochs = std::min(epochs, r.epoch_loss.size());
    std::vector<double> m(epochs, 0.0);
    const double n = static_cast<double>(runs.size());
    for (const gd::LineRun& r : runs) {
        for (std::size_t e = 0; e < m.size(); ++e) m[e] += (r.epoch_loss[e] - best) / n;
    }
    return m;
}

// "" if every run stayed finite, else how many diverged and when the first did, for a table.
inline std::string diverged(const std::vector<gd::LineRun>& runs) {
    int n = 0, first = 0;
    for (const gd::LineRun& r : runs) {
        if (r.diverged_epoch < 0) continue;
        ++n;
        first = first == 0 ? r.diverged_epoch : std::min(first, r.diverged_epoch);
    }
    if (n == 0) return "";
    return "diverged: " + std::to_string(n) + " of " + std::to_string(runs.size()) +
           " runs, the first in epoch " + std::to_string(first);
}

// The rule of thumb for the noise ball: with independent batches, a constant rate η and a small
// ηλ (λ the curvature), each parameter's stationary variance around θ* is about η·σ²/B (README,
// "The noise ball").
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

// How far the slow direction b still is from b* when the rates run out, if noise is left aside.
// Along b the loss has curvature λ_b = ∂²L/∂b² = 2, so each update multiplies b's gap by
// (1 − 2η_k); the gap left is |b_start − b*| · Π_k (1 − 2η_k) ≈ |b_start − b*| · e^{−2 Σ_k η_k},
// the product over every update k of the run. 2 Σ_k η_k is the run's distance budget: how many
// e-folds of its gap b can close. run.lr[0] repeats update 1's rate and is skipped.
inline double slow_gap(const gd::LineRun& run, double gap0) {
    double left = std::abs(gap0);
    for (std::size_t k = 1; k < run.lr.size(); ++k) left *= std::abs(1.0 - 2.0 * run.lr[k]);
    return left;
}

// Appends run b, which started where run a ended, to a: one run, as if never interrupted.
inline void append(gd::LineRun& a, const gd::LineRun& b) {
    a.path.insert(a.path.end(), b.path.begin() + 1, b.path.end());
    a.lr.insert(a.lr.end(), b.lr.begin() + 1, b.lr.end());
    a.epoch_path.insert(a.epoch_path.end(), b.epoch_path.begin() + 1, b.epoch_path.end());
    a.epoch_loss.insert(a.epoch_loss.end(), b.epoch_loss.begin() + 1, b.epoch_loss.end());
    if (b.diverged_at >= 0) {  // counted from a's start
        a.diverged_at = static_cast<long>(a.updates()) + 1;
        a.diverged_epoch = static_cast<int>(a.epoch_path.size());
    }
}

// A run in phases: `epochs` epochs at batch B and a constant rate η, then the next phase from
// where this one ended, with the same optimizer and the same shuffling generator.
struct Phase {
    int epochs;
    std::size_t batch;
    double eta;
};

// A step decay as phases: η₀·γ^i in phase i, every S epochs, at a fixed batch B₀.
inline std::vector<Phase> decaying_rate(double eta0, std::size_t b0, double gamma, int s,
                                        int epochs) {
    std::vector<Phase> v;
    for (int i = 0; i * s < epochs; ++i)
        v.push_back({std::min(s, epochs - i * s), b0, eta0 * std::pow(gamma, i)});
    return v;
}

// The same noise schedule with a growing batch (Smith, Kindermans, Ying, Le 2018): phase i has
// B_i = B₀/γ^i, rounded and at most n, and η_i = η₀·γ^i·B_i/B₀, so η_i/B_i = η₀γ^i/B₀ exactly as
// in the step decay. While B_i = B₀/γ^i exactly, η_i = η₀: the rate never decays.
inline std::vector<Phase> growing_batch(double eta0, std::size_t b0, double gamma, int s,
                                        int epochs, std::size_t n) {
    std::vector<Phase> v = decaying_rate(eta0, b0, gamma, s, epochs);
    for (std::size_t i = 0; i < v.size(); ++i) {
        const double grown = static_cast<double>(b0) / std::pow(gamma, static_cast<double>(i));
        v[i].batch = static_cast<std::size_t>(std::min(std::round(grown), static_cast<double>(n)));
        v[i].eta *= static_cast<double>(v[i].batch) / static_cast<double>(b0);
    }
    return v;
}

// Mini-batch SGD through the phases (gd::train_line once per phase, rate η_i, batch B_i), joined
// into one run. With one phase it is sgd() at a constant rate; with decaying_rate() it is sgd()
// with a StepDecay, update for update (the test checks both).
inline gd::LineRun sgd_phases(const gd::Points& p, Line start, const std::vector<Phase>& phases,
                              gd::Rng& rng, bool replace = false) {
    gd::Sgd<double> opt(phases.at(0).eta);  // θ ← θ − η_i·g
    gd::LineRun run;
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const gd::ConstantRate rate(phases[i].eta);
        gd::LineTraining how;
        how.epochs = phases[i].epochs;
        how.batch = phases[i].batch;
        how.shuffle = &rng;
        how.replace = replace;
        how.schedule = &rate;
        const gd::Point2 from = i == 0 ? gd::Point2{start.a, start.b} : run.end();
        gd::LineRun part = gd::train_line(opt, p, from, how);
        if (i == 0) {
            run = std::move(part);
        } else {
            append(run, part);
        }
        if (run.diverged_at >= 0) break;
    }
    return run;
}

// The phases' rates (or batches), comma-separated, for a table.
inline std::string listed(const std::vector<Phase>& phases, bool rates) {
    std::string out;
    for (const Phase& ph : phases)
        out += (out.empty() ? "" : ",") + (rates ? number(ph.eta) : std::to_string(ph.batch));
    return out;
}

// Updates made by the end of every epoch (0 at epoch 0): n/B rounded up per epoch of a phase.
inline std::vector<long> updates_by_epoch(const std::vector<Phase>& phases, std::size_t n) {
    std::vector<long> u{0};
    for (const Phase& ph : phases)
        for (int e = 0; e < ph.epochs; ++e)
            u.push_back(u.back() + static_cast<long>((n + ph.batch - 1) / ph.batch));
    return u;
}

}  // namespace ch06

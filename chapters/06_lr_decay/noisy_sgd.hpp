// noisy_sgd.hpp: chapter 06's problem and algorithm, written out on the two scalars a and b.
//
// The problem is chapter 01's line fit with noise on y: no (a, b) fits every point, so a
// mini-batch gradient stays noisy even at the best fit, and SGD with a constant rate keeps
// bouncing around it. The rate η_t of epoch t comes from any gd::Schedule (common/decay.hpp),
// set once per epoch, as the lecture's η_t = η₀·e^{-kt} counts t in epochs and as PyTorch does
// with scheduler.step() at the end of every epoch.
//
// Notation: θ = (a, b) parameters, g gradient, η_t learning rate of epoch t, B batch size,
// σ the noise on y, θ* = (a*, b*) the least-squares solution.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "problems/line_fit.hpp"
#include "core/rng.hpp"
#include "schedule/factory.hpp"

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

// One run, recorded once per epoch; index 0 is the start.
struct Run {
    std::string name;
    std::vector<double> rate;     // η_t used during epoch t (t = 0, 1, ...)
    std::vector<Line> per_epoch;  // θ after each epoch
    std::vector<double> loss;     // mean loss on all points after each epoch
    int diverged_at = -1;         // the epoch in which θ stopped being finite, or -1
};

// Mini-batch SGD: every epoch, reshuffle the points, then step through them B at a time with
// θ ← θ − η_t·g, g the batch's mean gradient. The last batch of an epoch may be smaller (as with
// PyTorch's DataLoader). With replace = true each batch instead draws its B points independently,
// with replacement: the textbook model of SGD, whose batches are independent of each other.
inline Run minibatch_sgd(const gd::Points& p, Line start, const gd::Schedule& schedule, int epochs,
                         std::size_t batch, gd::Rng& rng, bool replace = false) {
    Run run;
    run.name = schedule.name();
    Line t = start;
    run.per_epoch.push_back(t);
    run.loss.push_back(gd::mean_loss(t.a, t.b, p));
    gd::Points order = p;
    for (int e = 0; e < epochs; ++e) {
        const double eta = schedule.rate(e);  // η_t: the schedule's rate for this epoch
        run.rate.push_back(eta);
        auto idx = gd::permutation(p.size(), rng);  // a fresh order every epoch
        if (replace)
            for (auto& i : idx) i = rng.below(p.size());
        for (std::size_t i = 0; i < p.size(); ++i)
            order.x[i] = p.x[idx[i]], order.y[i] = p.y[idx[i]];
        for (std::size_t first = 0; first < p.size(); first += batch) {
            const std::size_t last = std::min(first + batch, p.size());
            const gd::Grad2 g = gd::mean_grad(t.a, t.b, order, first, last);
            t.a -= eta * g.a;  // θ ← θ − η_t g
            t.b -= eta * g.b;
        }
        const double loss = gd::mean_loss(t.a, t.b, p);
        if (!std::isfinite(t.a) || !std::isfinite(t.b) || !std::isfinite(loss)) {
            run.diverged_at = e + 1;  // keep only finite points
            return run;
        }
        run.per_epoch.push_back(t);
        run.loss.push_back(loss);
    }
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

// The rule of thumb for the noise ball: with independent batches, a constant rate η and a small
// ηλ, each parameter's stationary variance around θ* is about η·σ²/B (README, "The noise ball").
inline double noise_ball_rule(double eta, double sigma2, std::size_t batch) {
    return eta * sigma2 / static_cast<double>(batch);
}

// Measures the noise ball at a constant rate η: `seeds` runs start at θ* itself, run `burn_in`
// epochs to forget the start, then record θ at the end of every `every`-th epoch up to `epochs`.
// Returns the spread of all the recorded points around θ* (rms², i.e. the variance, is what the
// rule predicts). Run r shuffles with gd::Rng(seed0 + r).
inline Spread noise_ball(const gd::Points& p, Line best, double eta, std::size_t batch,
                         bool replace, int seeds, std::uint64_t seed0, int burn_in = 40,
                         int epochs = 80, int every = 5) {
    const gd::ConstantRate constant(eta);
    std::vector<Line> points;
    for (int r = 0; r < seeds; ++r) {
        gd::Rng rng(seed0 + static_cast<std::uint64_t>(r));
        const Run run = minibatch_sgd(p, best, constant, epochs, batch, rng, replace);
        for (int e = burn_in; e < static_cast<int>(run.per_epoch.size()); e += every) {
            points.push_back(run.per_epoch[e]);
        }
    }
    return spread(points, best);
}

}  // namespace ch06

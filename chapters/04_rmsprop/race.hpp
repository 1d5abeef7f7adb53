// race.hpp: chapter 04's races, the same rules on the ravine and on the ravine turned by 45°.
//
// A Racer is a rule with its rate: the chapter's written-out rules (adaptive.hpp) or one of the
// library's (gd::make_optimizer: Adadelta, Rprop, the lecture's local gain). run_racer() runs it
// through gd::descend one update at a time, so that after each update the step size the rule
// chose for each coordinate can be recorded; arrival() only asks when the loss first falls
// below a level, for the sweeps over η.
// Notation: θ = (x, y) parameters, g gradient, η learning rate, t step, λ curvature; "rate" is the
// factor a coordinate's gradient was multiplied by in an update, −Δθ/g.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "adaptive.hpp"
#include "optim/factory.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"
#include "train/settling.hpp"

namespace ch04 {

struct Racer {
    std::string label;
    double eta;                                                              // the rate it races at
    std::function<std::unique_ptr<gd::Optimizer<double>>(double eta)> make;  // a fresh one
    std::string watch;  // a buffer to record instead of the rate ("step_size": Rprop's Δ)
};

// One of the chapter's written-out rules, at the rule's own η.
inline Racer rule_racer(const Rule& r) {
    return {r.label, r.eta,
            [r](double eta) {
                Rule at = r;
                at.eta = eta;
                return std::make_unique<PerCoordinate>(at);
            },
            ""};
}

// One of the library's optimizers by name, with the hyperparameters in c besides the rate.
inline Racer library_racer(const std::string& label, const std::string& name, double eta,
                           const gd::OptimizerConfig& c = {}, const std::string& watch = "") {
    return {label, eta,
            [name, c](double lr) {
                gd::OptimizerConfig at = c;
                at.lr = lr;
                return gd::make_optimizer<double>(name, at);
            },
            watch};
}

// The racers' rates and hyperparameters, as the chapter's flags set them.
struct Settings {
    double gd = 0.4, adagrad = 0.4, rmsprop = 0.1, momentum_lr = 0.01;  // η of each
    double alpha = 0.99, momentum = 0.9;                                // RMSprop's α and μ
    double adadelta = 1, rho = 0.9, adadelta_eps = 1e-6;                // Adadelta's η, ρ, ε
    double rprop = 0.01, rprop_min = 1e-6;  // Rprop's first step and smallest step
    double gain = 0.4, gain_step = 0.05;    // the local gain's η and ζ
};

// The chapter's five written-out rules: GD, AdaGrad, RMSprop, centered, with momentum.
inline std::vector<Rule> rules(const Settings& s) {
    return {
        {"GD", Kind::Gd, s.gd},
        {"AdaGrad", Kind::Adagrad, s.adagrad, 1e-10},
        {"RMSprop", Kind::RmsProp, s.rmsprop, 1e-8, 0, s.alpha},
        {"centered RMSprop", Kind::RmsProp, s.rmsprop, 1e-8, 0, s.alpha, true},
        {"RMSprop + momentum", Kind::RmsProp, s.momentum_lr, 1e-8, 0, s.alpha, false, s.momentum}};
}

// All eight racers: the five rules, then Adadelta, Rprop and the local gain from the library.
inline std::vector<Racer> racers(const Settings& s) {
    std::vector<Racer> all;
    for (const Rule& r : rules(s)) all.push_back(rule_racer(r));
    gd::OptimizerConfig adadelta, rprop, gain;
    adadelta.rho = s.rho, adadelta.eps = s.adadelta_eps;
    rprop.step_size_min = s.rprop_min;
    gain.beta = s.gain_step;  // the lecture's β, the playground's --beta
    all.push_back(library_racer("Adadelta", "adadelta", s.adadelta, adadelta));
    all.push_back(library_racer("Rprop", "rprop", s.rprop, rprop, "step_size"));
    all.push_back(library_racer("local gain", "local-gain", s.gain, gain));
    return all;
}

// The ravine's start (−5, −2), turned with the surface: on the rotated ravine the same point of
// the same bowl, (u, v) = (−5, −2) along the shallow diagonal (1, 1)/√2 and the steep (−1, 1)/√2.
inline gd::Point2 turned(gd::Point2 p) {
    const double r = std::sqrt(0.5);
    return {r * (p.x - p.y), r * (p.x + p.y)};
}

// `steps` updates of the racer from `start`, one at a time through gd::descend (which stops at
// the last finite point); after each, each coordinate's rate −Δθ/g (the written-out rules record
// theirs, before any momentum), or the buffer the racer watches.
inline Run run_racer(const gd::Surface2& f, const Racer& r, gd::Point2 start, long steps) {
    const std::unique_ptr<gd::Optimizer<double>> opt = r.make(r.eta);
    xt::xarray<double> theta = {start.x, start.y};
    long t = 0;
    Run run;
    run.path = gd::descend(f, *opt, nullptr, theta, t, 0);  // the start alone
    run.path.label = r.label;
    for (long k = 0; k < steps; ++k) {
        const gd::Point2 before{theta(0), theta(1)}, g = f.grad(before.x, before.y);
        const gd::Trajectory one = gd::descend(f, *opt, nullptr, theta, t, 1);
        if (one.diverged_at >= 0) {
            run.path.diverged_at = one.diverged_at;
            break;
        }
        run.path.add(one.step[1], one.x[1], one.y[1], one.loss[1], one.lr[1]);
        run.path.evaluations.push_back(one.evaluations[1]);
        if (!r.watch.empty()) {
            const xt::xarray<double>& b = opt->state(r.watch)[0];
            run.rate_x.push_back(b(0)), run.rate_y.push_back(b(1));
        } else {
            // −Δθ/g; NaN where g is 0 or so small (below 1e-290) that θ and Δθ have lost
            // their digits to underflow
            const auto rate = [](double from, double to, double grad) {
                return std::fabs(grad) > 1e-290 ? (from - to) / grad : NAN;
            };
            run.rate_x.push_back(rate(before.x, one.x[1], g.x));
            run.rate_y.push_back(rate(before.y, one.y[1], g.y));
        }
    }
    if (const auto* rule = dynamic_cast<const PerCoordinate*>(opt.get())) {
        const std::size_t kept = run.path.size() - 1;
        run.rate_x.assign(rule->rates[0].begin(), rule->rates[0].begin() + std::ptrdiff_t(kept));
        run.rate_y.assign(rule->rates[1].begin(), rule->rates[1].begin() + std::ptrdiff_t(kept));
    }
    return run;
}

// The first update after which the loss is below `tol`, or −1 if none within `budget`: the run
// goes in chunks and stops as soon as it arrives.
inline long arrival(const gd::Surface2& f, const Racer& r, double eta, gd::Point2 start,
                    long budget, double tol) {
    const std::unique_ptr<gd::Optimizer<double>> opt = r.make(eta);
    xt::xarray<double> theta = {start.x, start.y};
    long t = 0;
    while (t < budget) {
        const gd::Trajectory chunk =
            gd::descend(f, *opt, nullptr, theta, t, std::min(100L, budget - t));
        for (std::size_t k = 1; k < chunk.size(); ++k)
            if (chunk.loss[k] < tol) return chunk.step[k];
        if (chunk.diverged_at >= 0) return -1;
    }
    return -1;
}

// The median of rate_x / rate_y over the updates up to the first with loss below tol (all of them
// if none is): how much larger a step the rule gave x than y on its way in (undefined updates,
// where g or the step was 0, left out).
inline double median_ratio(const Run& r, double tol) {
    const long arrived = steps_to(r.path, tol);
    const std::size_t n = arrived < 0 ? r.rate_x.size() : static_cast<std::size_t>(arrived);
    std::vector<double> q;
    for (std::size_t k = 0; k < n && k < r.rate_x.size(); ++k) {
        const double v = r.rate_x[k] / r.rate_y[k];
        if (std::isfinite(v) && v > 0) q.push_back(v);
    }
    if (q.empty()) return NAN;
    std::nth_element(q.begin(), q.begin() + std::ptrdiff_t(q.size() / 2), q.end());
    return q[q.size() / 2];
}

// ---- What the chapter prints ------------------------------------------------------------------

// The last defined value of a step-size record (NaN if none is).
inline double last_defined(const std::vector<double>& rates) {
    for (auto it = rates.rbegin(); it != rates.rend(); ++it)
        if (std::isfinite(*it)) return *it;
    return NAN;
}

// A number as the text writes it: 0.995, 1e-06.
inline std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// The line fit's table: where each run ended, when it first got below 1e-6 (−1: never), and the
// step sizes of the first and the last update (x is a, y is b).
inline void print_line_runs(const std::vector<Run>& runs) {
    std::printf("  %-10s %11s %11s %10s %9s %9s %9s %9s %9s\n", "method", "a", "b", "loss",
                "to 1e-6", "rate_a@1", "rate_b@1", "rate_a@T", "rate_b@T");
    for (const Run& r : runs) {
        const gd::Trajectory& p = r.path;
        std::printf("  %-10s %11.5f %11.5f %10.3g %9ld %9.4f %9.4f %9.4f %9.4f\n", p.label.c_str(),
                    p.x.back(), p.y.back(), p.loss.back(), steps_to(p, 1e-6), r.rate_x[0],
                    r.rate_y[0], r.rate_x.back(), r.rate_y.back());
    }
}

// A race's table: when each run first got below tol ("to"), from when it stayed there
// ("stays", −1: it does not end below), its loss after 200 updates and at the end, its first
// step sizes and the median ratio of its x- and y-step sizes on its way in (Rprop: its steps Δ).
inline void print_race(const std::vector<Run>& runs, const std::vector<Racer>& racers, double tol) {
    std::printf("  %-19s %6s %6s %6s %10s %10s %9s %9s %8s\n", "method", "eta", "to 1e-6", "stays",
                "loss@200", "loss@T", "rate_x@1", "rate_y@1", "x:y");
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const gd::Trajectory& p = runs[i].path;
        const double at200 = p.size() > 200 ? p.loss[200] : NAN;
        std::printf("  %-19s %6g %7ld %6ld %10.3g %10.3g %9.4f %9.4f %8.3g", p.label.c_str(),
                    racers[i].eta, steps_to(p, tol), gd::settled_from(p.loss, tol), at200,
                    p.loss.back(), runs[i].rate_x[0], runs[i].rate_y[0],
                    median_ratio(runs[i], tol));
        if (p.diverged_at >= 0) std::printf("  diverged at step %ld", p.diverged_at);
        std::printf("\n");
    }
}

// How a run that arrives leaves again: its lowest loss and where, the first update whose rate
// along the steep coordinate passed `limit`, the first update after the lowest point with the
// loss back above tol (−1: none).
struct Rebound {
    double lowest;
    long at, unstable_from, back_at;
};

inline Rebound rebound_of(const gd::Trajectory& p, const std::vector<double>& rate_y, double limit,
                          double tol) {
    Rebound r{p.loss[0], 0, -1, -1};
    for (std::size_t k = 0; k < p.size(); ++k)
        if (p.loss[k] < r.lowest) r.lowest = p.loss[k], r.at = p.step[k];
    for (std::size_t k = 0; k < rate_y.size() && r.unstable_from < 0; ++k)
        if (rate_y[k] > limit) r.unstable_from = static_cast<long>(k) + 1;
    for (std::size_t k = static_cast<std::size_t>(r.at); k < p.size() && r.back_at < 0; ++k)
        if (p.loss[k] > tol) r.back_at = p.step[k];
    return r;
}

// The sweep over η: for each racer and each η, the first step below the level (−1: never).
struct Sweep {
    std::vector<double> etas;
    std::vector<std::string> labels;
    std::vector<std::vector<long>> ravine, rotated;  // [racer][η]
};

// The fastest η of one racer on one surface: its index, or −1 if no η arrives.
inline long best_of(const std::vector<long>& steps) {
    long best = -1;
    for (std::size_t k = 0; k < steps.size(); ++k)
        if (steps[k] >= 0 && (best < 0 || steps[k] < steps[best])) best = static_cast<long>(k);
    return best;
}

inline void print_sweep(const Sweep& s) {
    std::printf("  %-19s %16s %16s %16s\n", "method", "ravine: eta", "rotated: eta",
                "rotated/ravine");
    for (std::size_t i = 0; i < s.labels.size(); ++i) {
        const long a = best_of(s.ravine[i]), b = best_of(s.rotated[i]);
        const auto cell = [&](long k, const std::vector<long>& steps) {
            char buf[40];
            if (k < 0) return std::string("never");
            std::snprintf(buf, sizeof buf, "%.3g: %ld", s.etas[k], steps[k]);
            return std::string(buf);
        };
        std::printf("  %-19s %16s %16s", s.labels[i].c_str(), cell(a, s.ravine[i]).c_str(),
                    cell(b, s.rotated[i]).c_str());
        if (a >= 0 && b >= 0) {
            std::printf(" %16.3g", double(s.rotated[i][b]) / double(s.ravine[i][a]));
        }
        std::printf("\n");
    }
}

}  // namespace ch04

// race.hpp: chapter 08's race, every optimizer of the book from one start on one surface.
//
// Sixteen racers, all built by the library's factory (gd::make_optimizer, common/optim/
// factory.hpp) with torch.optim's defaults except the rate: plain SGD (chapter 01); SGD with
// momentum μ = 0.9, with Nesterov momentum, and the post's averaging form (chapters 02-03); the
// per-coordinate rules AdaGrad, RMSprop, Adadelta, Rprop and the lecture's local gain (chapter
// 04); Adam, AdamW, AMSGrad, Adamax, NAdam and RAdam (chapter 05); and L-BFGS, the second-order
// contrast, with a strong Wolfe line search. Its one step here is one iteration (max_iter = 1),
// so that every iteration shows on the map; it evaluates the function as often as its line
// search asks, and descend() records how often (Trajectory::evaluations). The others evaluate
// the gradient once a step. The rates are per surface (see races()): a rate that suits Adam,
// whose step is about η whatever the gradient, would throw SGD off Rosenbrock's walls, whose
// gradients are in the hundreds.
// Notation: η learning rate, μ momentum, β the post's averaging constant.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "optim/factory.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace ch08 {

inline const std::vector<std::string>& racer_names() {
    static const std::vector<std::string> names{
        "sgd",      "momentum", "nesterov",   "momentum-ema", "adagrad", "rmsprop",
        "adadelta", "rprop",    "local-gain", "adam",         "adamw",   "amsgrad",
        "adamax",   "nadam",    "radam",      "lbfgs"};
    return names;
}

// The index of racer `name` in racer_names().
inline std::size_t racer(const std::string& name) {
    const auto& n = racer_names();
    for (std::size_t i = 0; i < n.size(); ++i)
        if (n[i] == name) return i;
    throw gd::UsageError("unknown racer '" + name + "'");
}

// Racer `name` at rate η: the factory's optimizer of that name with torch's defaults, μ = 0.9
// for the two SGD momentum methods, amsgrad for AMSGrad, one iteration a step and a strong
// Wolfe line search for L-BFGS (whose η is the first trial step of the search).
inline std::unique_ptr<gd::Optimizer<double>> make_racer(const std::string& name, double lr) {
    gd::OptimizerConfig c;
    c.lr = lr;
    std::string kind = name;
    if (name == "momentum" || name == "nesterov") {
        kind = "sgd", c.momentum = 0.9, c.nesterov = name == "nesterov";
    } else if (name == "amsgrad") {
        kind = "adam", c.amsgrad = true;
    } else if (name == "lbfgs") {
        c.max_iter = 1, c.line_search = "strong-wolfe";
    }
    racer(name);  // only the book's racers
    return gd::make_optimizer<double>(kind, c);
}

// One race: the surface, the start, the number of steps, and each racer's rate in the order of
// racer_names(). `goal` is the loss a racer must get below to count as arrived (on the saddle,
// which has no minimum, below −1: it has left the saddle point for good).
struct Race {
    std::string surface;
    gd::Point2 start;
    long steps;
    double goal;
    std::vector<double> rates;
};

// The rates on Rosenbrock and Beale are what `--sweep` prints: for each racer, the rate from
// the grid {1, 2, 5} × 10^k, 1e-4 ≤ η ≤ 50, after which the loss stays below the goal soonest
// (or, if none gets there, the lowest final loss); L-BFGS keeps torch's η = 1, the line search
// choosing its steps. The saddle has no bottom to reach, so there the rates put the racers on
// an equal footing instead: a first step along x of about 0.1 where the rule allows it (SGD
// 0.05 with g = 2x = 2; torch's momentum sums gradients, so 0.005 gives SGD's long-run speed,
// and the post's averaging form 0.05 the same path; AdaGrad's, Adam's, AMSGrad's, Adamax's,
// NAdam's and Rprop's first step is η; RMSprop's is 10η, since √((1−α)g²) = 0.1|g|; RAdam's
// first steps are SGD with momentum's, 2η; the local gain's 2η; Adadelta's first step is
// √ε/√((1−ρ)g²)·g·η ≈ 0.0032η, so η = 30).
inline const std::vector<Race>& races() {
    // rates: sgd momentum nesterov momentum-ema adagrad rmsprop adadelta rprop local-gain
    //        adam adamw amsgrad adamax nadam radam lbfgs
    static const std::vector<Race> r{
        {"rosenbrock",
         {-1.5, 2.5},
         3000,
         1e-3,
         {2e-3, 1e-3, 1e-3, 1e-2, 0.1, 2e-3, 0.2, 1e-2, 5e-4, 0.5, 0.05, 0.1, 0.1, 1e-2, 5e-4, 1}},
        {"beale",
         {1.0, 1.5},
         3000,
         1e-3,
         {0.02, 5e-3, 5e-3, 0.05, 2.0, 5e-3, 0.1, 0.1, 0.02, 0.5, 0.5, 0.5, 1, 0.2, 0.01, 1}},
        {"saddle",
         {1.0, 1e-3},
         150,
         -1.0,
         {0.05, 5e-3, 5e-3, 0.05, 0.1, 0.01, 30, 0.1, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 1}},
    };
    return r;
}

// One optimizer from the race's start for the race's steps.
inline gd::Trajectory run_one(const Race& race, gd::Optimizer<double>& opt) {
    const auto surface = gd::make_surface(race.surface);
    xt::xarray<double> theta = {race.start.x, race.start.y};
    long t = 0;
    return gd::descend(*surface, opt, nullptr, theta, t, race.steps);
}

// Every racer from the race's start; the trajectories come back labelled "name (η = ...)".
inline std::vector<gd::Trajectory> run_race(const Race& race, double lr_scale, long steps) {
    const auto surface = gd::make_surface(race.surface);
    std::vector<gd::Trajectory> paths;
    for (std::size_t i = 0; i < racer_names().size(); ++i) {
        // L-BFGS keeps η = 1: its line search, not the rate, sets its step.
        const double scale = racer_names()[i] == "lbfgs" ? 1.0 : lr_scale;
        auto opt = make_racer(racer_names()[i], race.rates[i] * scale);
        xt::xarray<double> theta = {race.start.x, race.start.y};
        long t = 0;
        paths.push_back(gd::descend(*surface, *opt, nullptr, theta, t, steps));  // the race's own
        char label[64];
        std::snprintf(label, sizeof label, "%s (η = %g)", racer_names()[i].c_str(),
                      race.rates[i] * scale);
        paths.back().label = label;
    }
    return paths;
}

// The function evaluations a trajectory took up to and including step k (all, for k < 0).
inline long evaluations_until(const gd::Trajectory& p, long k) {
    long sum = 0;
    for (std::size_t i = 0; i < p.size() && (k < 0 || long(i) <= k); ++i) sum += p.evaluations[i];
    return sum;
}

}  // namespace ch08

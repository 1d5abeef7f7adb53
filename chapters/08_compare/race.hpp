// race.hpp: chapter 08's race, every optimizer of the book from one start on one surface.
//
// Seven racers, all from common/: plain SGD (chapter 01), SGD with momentum and with Nesterov
// momentum (torch's form v ← μv + g, chapters 02-03), AdaGrad and RMSprop (chapter 04), Adam and
// AdamW (chapter 05), each with torch.optim's defaults except the rate. The rates are per surface
// (see kRaces): a rate that suits Adam, whose step is about η whatever the gradient, would throw
// SGD off Rosenbrock's walls, whose gradients are in the hundreds.
// Notation: η learning rate, μ momentum.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "optim/factory.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace ch08 {

inline const std::vector<std::string>& racer_names() {
    static const std::vector<std::string> names{"sgd",     "momentum", "nesterov", "adagrad",
                                                "rmsprop", "adam",     "adamw"};
    return names;
}

// Racer `name` at rate η, μ = 0.9 for the two momentum methods.
inline std::unique_ptr<gd::Optimizer<double>> make_racer(const std::string& name, double lr) {
    if (name == "sgd") return std::make_unique<gd::Sgd<double>>(lr);
    if (name == "momentum") return std::make_unique<gd::Sgd<double>>(lr, 0.9);
    if (name == "nesterov") return std::make_unique<gd::Sgd<double>>(lr, 0.9, 0, 0, true);
    if (name == "adagrad") return std::make_unique<gd::Adagrad<double>>(lr);
    if (name == "rmsprop") return std::make_unique<gd::RmsProp<double>>(lr);
    if (name == "adam") return std::make_unique<gd::Adam<double>>(lr);
    if (name == "adamw") return std::make_unique<gd::AdamW<double>>(lr);
    throw gd::UsageError("unknown racer '" + name + "'");
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
// the grid {1, 2, 5} × 10^k, 1e-4 ≤ η ≤ 5, after which the loss stays below the goal soonest
// (or, if none gets there, the lowest final loss). The saddle has no bottom to reach, so there
// the rates put the racers on an equal footing instead: a first step along x of about 0.1
// (SGD 0.05 with g = 2x = 2; torch's momentum sums gradients, so 0.005 gives SGD's long-run
// speed; AdaGrad's and Adam's first step is η; RMSprop's is 10η, since √((1−α)g²) = 0.1|g|).
inline const std::vector<Race>& races() {
    // rates: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw
    static const std::vector<Race> r{
        {"rosenbrock", {-1.5, 2.5}, 3000, 1e-3, {2e-3, 1e-3, 1e-3, 0.1, 2e-3, 0.5, 0.05}},
        {"beale", {1.0, 1.5}, 3000, 1e-3, {0.02, 5e-3, 5e-3, 2.0, 5e-3, 0.5, 0.5}},
        {"saddle", {1.0, 1e-3}, 150, -1.0, {0.05, 5e-3, 5e-3, 0.1, 0.01, 0.1, 0.1}},
    };
    return r;
}

// Every racer from the race's start; the trajectories come back labelled "name (η = ...)".
inline std::vector<gd::Trajectory> run_race(const Race& race, double lr_scale, long steps) {
    const auto surface = gd::make_surface(race.surface);
    std::vector<gd::Trajectory> paths;
    for (std::size_t i = 0; i < racer_names().size(); ++i) {
        auto opt = make_racer(racer_names()[i], race.rates[i] * lr_scale);
        xt::xarray<double> theta = {race.start.x, race.start.y};
        long t = 0;
        paths.push_back(gd::descend(*surface, *opt, nullptr, theta, t, steps));
        char label[64];
        std::snprintf(label, sizeof label, "%s (η = %g)", racer_names()[i].c_str(),
                      race.rates[i] * lr_scale);
        paths.back().label = label;
    }
    return paths;
}

}  // namespace ch08

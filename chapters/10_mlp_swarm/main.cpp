// Chapter 10: hives of networks, swept over momentum × learning rate, and the theory of where
// they bounce.
//
// Goal: see what momentum and the learning rate do to training by watching many small networks
// at once, then predict it. A "bee" is a 1-10-1 ReLU network fitting y = sin x on 61 points
// (full batch, MSE); a hive trains K bees for every combination of two hyperparameter lists,
// bee k starting from the same weights in every cell. In order:
//   1. the source post's three hives: (a) μ ∈ {0.7, 0.9, 0.95} × η ∈ {0.002, 0.01};
//      (b) μ ∈ {0, 0.1, 0.3} × η ∈ {0.01, 0.05}, with its zoom on one bee of μ = 0, η = 0.05;
//      (c) μ ∈ {0.9, 0.96, 0.99} × η ∈ {0.002, 0.01}, with where the kinks wander;
//   2. the theory: heavy ball on a quadratic, and the curvature of the bees' loss;
//   3. the phase diagram: 16 momenta × 16 rates × 32 bees against that theory;
//   4. the post's promised sequels: dampening, a deeper network, noisy targets.
// Any setting of any optimizer can be swept with --rows/--cols.
//
// Notation: θ parameters, g gradient, η learning rate, μ momentum, τ dampening, λ curvature.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "analysis.hpp"
#include "cli/cli.hpp"
#include "experiments.hpp"
#include "figures.hpp"
#include "hive.hpp"
#include "optim/factory.hpp"
#include "plot/figures.hpp"

namespace {

using ch10::Axis;
using ch10::Sweep;

// "momentum=0.7,0.9,0.95" → {"momentum", {0.7, 0.9, 0.95}}
Axis parse_axis(const std::string& flag, const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw gd::UsageError(flag + " expects NAME=v1,v2,..., got '" + text + "'");
    Axis a{text.substr(0, eq), {}};
    std::stringstream list(text.substr(eq + 1));
    for (std::string item; std::getline(list, item, ',');) {
        char* end = nullptr;
        const double v = std::strtod(item.c_str(), &end);
        if (item.empty() || *end != '\0' || !std::isfinite(v))
            // Built once: the loop ends here.
            // NOLINTNEXTLINE(performance-inefficient-string-concatenation)
            throw gd::UsageError(flag + ": '" + item + "' is not a finite number");
        a.values.push_back(v);
    }
    if (a.values.empty() || a.values.size() > 6)
        throw gd::UsageError(flag + " needs 1 to 6 values, got '" + text + "'");
    return a;
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("10_mlp_swarm", [&] {
        gd::Cli cli("10_mlp_swarm",
                    "hives of 1-10-1 networks fitting sin x, swept over momentum × learning rate",
                    10);
        std::string exp = "all", rows, cols, optimizer = "sgd", act = "relu", engine = "fused";
        ch10::Settings set;
        int bees = 10, epochs = 250, width = 10, depth = 1, frame_step = 3;
        int threads = int(std::max(1u, std::thread::hardware_concurrency()));
        cli.option("--experiment", exp,
                   "what to run: all, the post's hive a, b or c, the phase "
                   "diagram, or a sequel",
                   {"all", "a", "b", "c", "phase", "dampening", "deeper", "noisy"});
        cli.option("--rows", rows, "swept setting of the rows, e.g. momentum=0,0.5,0.9");
        cli.option("--cols", cols, "swept setting of the columns, e.g. lr=0.01,0.05");
        cli.option("--optimizer", optimizer, "optimizer of every bee", gd::optimizer_names());
        cli.option("--bees", bees, "bees per cell of the post's hives", 1, 100);
        cli.option("--epochs", epochs, "full-batch epochs", 1, 100000);
        cli.option("--width", width, "units per hidden layer", 1, 200);
        cli.option("--depth", depth, "hidden layers", 1, 6);
        cli.option("--activation", act, "hidden activation", {"relu", "tanh", "sigmoid"});
        cli.option("--engine", engine, "forward/backward: fused loop or autodiff tape",
                   {"fused", "tape"});
        cli.option("--threshold", set.threshold, "loss below which a bee counts as fitted",
                   gd::positive());
        cli.option("--threads", threads, "threads of the fused SGD loop (same numbers for any)", 1,
                   64);
        cli.option("--frame-step", frame_step, "epochs between frames of the animations (odd)", 1,
                   999);
        cli.option("--zoom-momentum", set.zoom_mu, "the zoomed bee's cell: momentum",
                   gd::unit_open());
        cli.option("--zoom-lr", set.zoom_lr, "the zoomed bee's cell: learning rate",
                   gd::between(1e-6, 10));
        cli.option("--zoom-bee", set.zoom_bee, "the zoomed bee (0 is the first)", 0, 99);
        cli.option("--zoom-from", set.zoom_from, "the zoom's first epoch", 0, 10000);
        cli.option("--zoom-count", set.zoom_count, "the zoom's epochs (panels)", 1, 24);
        cli.option("--phase-bees", set.phase_bees,
                   "bees per cell of the phase diagram and the sequels", 1, 64);
        cli.option("--noise", set.noise, "standard deviation of the noisy sequel's noise",
                   gd::between(0, 10));
        if (!cli.parse(argc, argv)) return 0;
        if (frame_step % 2 == 0)
            throw gd::UsageError("--frame-step must be odd (an even step hides a period-2 bounce)");

        // The bee, the problem and the run's sizes.
        ch10::Spec& spec = set.spec;
        spec.sizes = {1};
        for (int d = 0; d < depth; ++d) spec.sizes.push_back(std::size_t(width));
        spec.sizes.push_back(1);
        spec.act = gd::activation_from_name(act);
        spec.optimizer = optimizer;
        spec.base.lr = 0.01;  // used only if no axis sweeps lr
        spec.bees = std::size_t(cli.quick && !cli.given("--bees") ? 2 : bees);
        spec.epochs = cli.quick && !cli.given("--epochs") ? 5 : epochs;
        spec.seed = cli.seed;
        spec.fused = engine == "fused";
        spec.threads = threads;
        set.frame_step = std::size_t(frame_step);
        set.quick = cli.quick;
        if (cli.quick && !cli.given("--phase-bees")) set.phase_bees = 2;
        // Every flag is checked before any file is written: the custom sweep's axes, and every
        // cell of every hive this run trains, built once as an optimizer (which checks its values).
        const bool custom = !rows.empty() || !cols.empty();
        Sweep sw = ch10::post_sweep("a");
        if (!rows.empty()) sw.rows = parse_axis("--rows", rows);
        if (!cols.empty()) sw.cols = parse_axis("--cols", cols);
        std::vector<Sweep> planned{sw};
        if (!custom)
            for (const std::string tag : {"a", "b", "c"}) planned.push_back(ch10::post_sweep(tag));
        for (const Sweep& p : planned)
            for (std::size_t c = 0; c < p.cells(); ++c) {
                gd::OptimizerConfig cfg = spec.base;
                ch10::set_hyper(cfg, p.rows.name, p.rows.values[c / p.cols.values.size()]);
                ch10::set_hyper(cfg, p.cols.name, p.cols.values[c % p.cols.values.size()]);
                (void)gd::make_optimizer<double>(spec.optimizer, cfg);
            }

        const ch10::Target target = ch10::sin_curve();
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        ch10::target_data(figs, "target", target);

        // Any sweep of any optimizer: one hive, named "custom".
        if (custom) {
            ch10::hive(set, figs, "custom", sw, target);
            return 0;
        }
        // 1. The post's three hives.
        for (const std::string tag : {"a", "b", "c"}) {
            if (exp != "all" && exp != tag) continue;
            const ch10::Record r = ch10::hive(set, figs, tag, ch10::post_sweep(tag), target);
            if (tag == "b") ch10::zoom(set, figs, target);
            if (tag == "c") ch10::kink_travel(set, r, ch10::post_sweep(tag), target);
        }
        // 2 and 3. The theory, and the phase diagram of the swarm against it.
        if (exp == "all" || exp == "phase") ch10::phase_diagram(set, figs, target);
        // 4. The sequels.
        if (exp == "all" || exp == "dampening") ch10::dampening(set, figs, target);
        if (exp == "all" || exp == "deeper") ch10::deeper(set, figs, target);
        if (exp == "all" || exp == "noisy") ch10::noisy(set, figs, target);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

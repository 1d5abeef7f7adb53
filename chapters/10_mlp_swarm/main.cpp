// Chapter 10: a hive of networks, swept over momentum × learning rate.
//
// Goal: see what momentum and the learning rate do to training by watching many small networks
// at once. A "bee" is a 1-10-1 ReLU network fitting y = sin x on 61 points (full batch, MSE);
// a hive trains K bees for every combination of two hyperparameter lists, all side by side in
// one batch of tensors, bee k starting from the same weights in every cell. Three experiments
// after the source post: (a) μ ∈ {0.7, 0.9, 0.95} × η ∈ {0.002, 0.01}; (b) μ ∈ {0, 0.1, 0.3} ×
// η ∈ {0.01, 0.05}; (c) μ ∈ {0.9, 0.96, 0.99} × η ∈ {0.002, 0.01}. Any setting of any optimizer
// can be swept with --rows/--cols.
//
// Notation: θ parameters, g gradient, η learning rate, μ momentum, b velocity, e epoch.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "figures.hpp"
#include "hive.hpp"
#include "optim/factory.hpp"
#include "plot/figures.hpp"

namespace {

using ch10::Axis;
using ch10::Record;
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

// The post's three sweeps; rows are momentum, columns the learning rate.
Sweep experiment(const std::string& name) {
    if (name == "b") return {{"momentum", {0.0, 0.1, 0.3}}, {"lr", {0.01, 0.05}}};
    if (name == "c") return {{"momentum", {0.9, 0.96, 0.99}}, {"lr", {0.002, 0.01}}};
    return {{"momentum", {0.7, 0.9, 0.95}}, {"lr", {0.002, 0.01}}};
}

// ---- The experiment ---------------------------------------------------------------------------

// Trains the sweep and times it: the training loop with every epoch's predictions and losses
// recorded, nothing else (no start-up, no files), as the PyTorch reference figure was taken.
Record train_timed(const ch10::Spec& spec, const Sweep& sw, const ch10::Target& t) {
    const auto start = std::chrono::steady_clock::now();
    Record r = ch10::train(spec, sw, t);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::printf("hive_train_seconds: %.4f\n", took.count());
    return r;
}

// Per cell: the last epoch's loss over its bees (median, best, worst), how many diverged, and
// the median epoch from which the loss stays below the threshold.
void print_table(const Record& r, const Sweep& sw, double threshold) {
    const std::size_t K = r.bees / sw.cells(), last = r.epochs - 1;
    std::printf("%-14s %-8s %11s %11s %11s %9s %9s\n", sw.rows.name.c_str(), sw.cols.name.c_str(),
                "median_loss", "best_loss", "worst_loss", "diverged", "settled");
    for (std::size_t c = 0; c < sw.cells(); ++c) {
        const auto s = ch10::cell_stats(r, c, K, last, threshold);
        std::printf(
            "%-14g %-8g %11.4f %11.4f %11.4f %6d/%-2zu ", sw.rows.values[c / sw.cols.values.size()],
            sw.cols.values[c % sw.cols.values.size()], s.median, s.best, s.worst, s.diverged, K);
        if (s.settled_median >= 0)
            std::printf("%9d\n", s.settled_median);
        else
            std::printf("%9s\n", "never");
    }
    // Bee 0 of cell 0 is the same network in the quick and the full run: its first epochs agree.
    std::printf("bee 0, cell 0: loss at epoch 0 = %.6f, at epoch %zu = %.6f\n", r.l(0, 0),
                std::min<std::size_t>(4, last), r.l(std::min<std::size_t>(4, last), 0));
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("10_mlp_swarm", [&] {
        gd::Cli cli("10_mlp_swarm",
                    "hives of 1-10-1 networks fitting sin x, swept over momentum × learning rate",
                    10);
        std::string exp = "a", rows, cols, optimizer = "sgd", act = "relu", engine = "fused";
        int bees = 10, epochs = 250, width = 10, depth = 1;
        int frames = 21;
        double threshold = 0.02;
        cli.option("--experiment", exp, "the post's sweep: a, b or c (see the header)",
                   {"a", "b", "c"});
        cli.option("--rows", rows, "swept setting of the rows, e.g. momentum=0,0.5,0.9");
        cli.option("--cols", cols, "swept setting of the columns, e.g. lr=0.01,0.05");
        cli.option("--optimizer", optimizer, "optimizer of every bee", gd::optimizer_names());
        cli.option("--bees", bees, "bees per cell (networks from the same seed)", 1, 100);
        cli.option("--epochs", epochs, "full-batch epochs", 1, 100000);
        cli.option("--width", width, "units per hidden layer", 1, 200);
        cli.option("--depth", depth, "hidden layers", 1, 6);
        cli.option("--activation", act, "hidden activation", {"relu", "tanh", "sigmoid"});
        cli.option("--engine", engine, "forward/backward: fused loop or autodiff tape",
                   {"fused", "tape"});
        cli.option("--frames", frames, "frames of the animation (0: none)", 0, 1000);
        cli.option("--threshold", threshold, "loss below which a bee counts as fitted",
                   gd::positive());
        if (!cli.parse(argc, argv)) return 0;

        // The problem: the post's sin curve, and its hive of bees.
        const ch10::Target target = ch10::sin_curve();
        Sweep sw = experiment(exp);
        if (!rows.empty()) sw.rows = parse_axis("--rows", rows);
        if (!cols.empty()) sw.cols = parse_axis("--cols", cols);
        ch10::Spec spec;
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
        std::clog << "training " << sw.cells() << " cells × " << spec.bees << " bees for "
                  << spec.epochs << " epochs (" << engine << ")\n";

        const Record r = train_timed(spec, sw, target);
        print_table(r, sw, threshold);

        // Figures: named after the experiment so the three sweeps sit side by side.
        const std::string tag = rows.empty() && cols.empty() ? exp : "custom";
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        ch10::plot_grid(figs, tag, r, sw, target);
        ch10::animate_grid(figs, tag, r, sw, target,
                           std::size_t(cli.quick ? std::min(frames, 5) : frames));
        ch10::plot_loss(figs, tag, r, sw);
        ch10::plot_settled(figs, tag, r, sw, threshold);
        ch10::plot_shake(figs, tag, r, sw, target);
        ch10::plot_kinks(figs, tag, r, sw);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

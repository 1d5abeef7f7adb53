// Chapter 01: vanilla stochastic gradient descent on y = a·x + b.
//
// Goal: fit a line to 20 points by following the negative gradient, one sample at a time, and
// see what changes when the gradient averages over 4 samples (mini-batch) or all 20 (full
// batch). Along the way: the source post's loop updates a before computing b's gradient, which
// is not quite gradient descent; we run it and the textbook update side by side.
//
// Notation: θ = (a, b) parameters, g gradient, η learning rate (--lr), r = a·x + b − y residual.
// The algorithm and the post's loop are in line_sgd.hpp, the figures in figures.hpp.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <vector>

#include "cli/cli.hpp"
#include "core/rng.hpp"
#include "figures.hpp"
#include "line_sgd.hpp"
#include "plot/figures.hpp"
#include "problems/line_fit.hpp"
#include "train/line_training.hpp"

namespace {

// ---- The experiments --------------------------------------------------------------------------

// The post's number and the textbook's number, from the same data, rate and epochs.
void compare_update_orders(const gd::Points& pts, double lr, int epochs) {
    const ch01::Line post = ch01::sgd_post(pts, {0, 0}, lr, epochs);
    const gd::LineRun simul = ch01::sgd(pts, lr, epochs, 1);  // per sample, in order
    std::printf("post's loop (a first, then b at the new a):   a=%.3f, b=%.3f\n", post.a, post.b);
    const gd::Point2 t = simul.end();  // (a, b); the last finite point if the run diverged
    std::printf(std::abs(t.y) < 1e6
                    ? "simultaneous update (both at the old point):  a=%.3f, b=%.3f"
                    : "simultaneous update (both at the old point):  a=%.3g, b=%.3g",
                t.x, t.y);
    if (simul.diverged_epoch >= 0) std::printf("  diverged in epoch %d", simul.diverged_epoch);
    std::printf("\n");
    std::printf("true line:                                    a=1.500, b=-28.000\n\n");
}

// Per-sample vs mini-batch vs full batch, same rate, same number of epochs.
std::vector<gd::LineRun> compare_batch_sizes(const gd::Points& pts, double lr, int epochs,
                                             std::size_t batch, gd::Rng* order) {
    std::vector<gd::LineRun> runs;
    for (std::size_t b : {std::size_t{1}, batch, pts.size()}) {
        runs.push_back(ch01::sgd(pts, lr, epochs, b, order));
    }
    runs[0].name = "per-sample";
    runs[1].name = "mini-batch";
    runs[2].name = "full batch";
    return runs;
}

void print_runs(const std::vector<gd::LineRun>& runs, int epochs) {
    std::printf("after %d epochs at the same rate:\n", epochs);
    std::printf("  %-12s %6s %8s %10s %12s %12s\n", "method", "batch", "updates", "a", "b", "loss");
    for (const gd::LineRun& r : runs) {
        const gd::Point2& t = r.epoch_path.back();  // (a, b)
        // Fixed decimals while the numbers are sane; a diverging run's are not.
        const char* row = std::abs(t.y) < 1e6 ? "  %-12s %6zu %8zu %10.5f %12.5f %12.4g"
                                              : "  %-12s %6zu %8zu %10.3g %12.3g %12.4g";
        std::printf(row, r.name.c_str(), r.batch, r.updates(), t.x, t.y, r.epoch_loss.back());
        if (r.diverged_epoch >= 0) std::printf("  diverged in epoch %d", r.diverged_epoch);
        std::printf("\n");
    }
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("01_vanilla_sgd", [&] {
        gd::Cli cli("01_vanilla_sgd",
                    "per-sample, mini-batch and full-batch gradient descent fitting y = ax + b", 7);
        double lr = 0.001;
        int epochs = 150;
        int batch = 4;
        bool shuffle = false;
        cli.option("--lr", lr, "learning rate η", gd::positive());
        cli.option("--epochs", epochs, "passes over the 20 points", 1, 100000);
        cli.option("--batch", batch, "mini-batch size of the middle run", 1, 20);
        cli.flag("--shuffle", shuffle, "reshuffle the points every epoch (seeded by --seed)");
        if (!cli.parse(argc, argv)) return 0;

        // The problem: the post's 20 points on y = 1.5x - 28, start at a = b = 0.
        const gd::Points pts = gd::post_points();

        // The post's loop against the textbook update.
        compare_update_orders(pts, lr, epochs);

        // Per-sample vs mini-batch vs full batch, same rate, same number of epochs.
        gd::Rng rng(cli.seed);
        const auto runs =
            compare_batch_sizes(pts, lr, epochs, std::size_t(batch), shuffle ? &rng : nullptr);
        print_runs(runs, epochs);

        // Figures: --quick coarsens the grid and the animation, never the numbers.
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        ch01::plot_paths(figs, runs, pts, cli.quick ? 41 : 121);
        ch01::plot_loss(figs, runs);
        ch01::plot_params(figs, runs);
        ch01::animate_fit(figs, runs, pts, cli.quick ? 8 : 76);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

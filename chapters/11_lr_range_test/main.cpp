// Chapter 11: the learning-rate range test on Fashion-MNIST, SGD against Adam, and training at
// the rate it finds.
//
// Goal: pick a learning rate by measurement instead of by folklore. Leslie Smith's range test
// (2018) trains for one epoch while the rate grows exponentially, here from 1e-4 to 10, and
// records every batch's loss. Too small a rate and the loss barely moves; a good one and it
// falls fast; too large and it blows up. The curve is read three ways (steepest descent, the
// lowest loss's rate over 10, fastai's valley), and the chosen rate then trains the network for
// a few epochs, held constant and as the peak of a one-cycle schedule (chapter 07).
// The problem: Fashion-MNIST (28 × 28 grey images of ten kinds of clothing, 60 000 to train on
// and 10 000 to test) and a 784-256-128-10 ReLU network in float32, batch 250. The two sweeps,
// SGD with momentum 0.9 and Adam, are independent experiments, so each gets a core of its own.
//
// Notation: η learning rate, ℓ a batch's cross-entropy, ŝ its smoothed value, k the
// smoothing window (--smooth), β = 0.98 fastai's smoothing factor.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "experiments.hpp"
#include "figures.hpp"
#include "plot/figures.hpp"
#include "sys/blas.hpp"
#include "sys/idx.hpp"

namespace {

using ch11::column_of;
using ch11::pretty;
using ch11::Run;
using ch11::Settings;
using ch11::Sweep;

// ---- The experiments' tables -------------------------------------------------------------------

// The range test, per optimizer: how far its sweep got, its lowest loss, the three rules'
// suggestions, and whether the network and optimizer came back exactly as they were.
void print_sweeps(const std::vector<Sweep>& sweeps, const Settings& s, double seconds) {
    std::printf("range test: %d batches of %zu, rate %.0e -> %.0e, stop at %.3g x best loss\n",
                s.test.num_steps, s.batch, s.test.start_lr, s.test.end_lr, s.test.diverge_factor);
    std::printf("%-20s %8s %11s %9s %10s %10s %10s %9s\n", "optimizer", "batches", "last_rate",
                "min_loss", "steepest", "min/10", "valley", "restored");
    for (const Sweep& sw : sweeps) {
        const gd::RangeTest& r = sw.r;
        double lowest = r.losses.empty() ? NAN : r.losses[0];
        for (double l : r.losses) lowest = std::min(lowest, l);
        std::printf("%-20s %8zu %11.3g %9.4f %10.3g %10.3g %10.3g %9s\n", pretty(sw.optimizer),
                    r.lrs.size(), r.lrs.empty() ? NAN : r.lrs.back(), lowest, r.steepest,
                    r.min_over_10, r.valley, sw.restored ? "yes" : "NO");
    }
    std::printf("range_test_seconds: %.3f\n", seconds);
}

// The follow-up: test loss and accuracy after every epoch of each run. An optimizer whose sweep
// stopped too early to suggest a rate gets no run, and the table says so.
void print_runs(const std::vector<Run>& runs, const std::vector<Sweep>& sweeps, const Settings& s) {
    for (const Sweep& sw : sweeps) {
        if (std::isnan(ch11::suggestion(sw.r, s.rule)) ||
            std::isnan(ch11::suggestion(sw.r, s.peak_rule))) {
            std::printf(
                "\nno follow-up for %s: its sweep stopped after %zu batches, too early "
                "to suggest a rate\n",
                pretty(sw.optimizer), sw.r.lrs.size());
        }
    }
    if (runs.empty()) return;
    std::printf(
        "\ntraining %d epoch%s: the %s rate held constant, one-cycle peaking at the %s rate\n",
        s.epochs, s.epochs == 1 ? "" : "s", column_of(s.rule).c_str(),
        column_of(s.peak_rule).c_str());
    std::printf("%-20s %-9s %10s %6s %11s %10s %10s\n", "optimizer", "schedule", "rate", "epoch",
                "train_loss", "test_loss", "test_acc");
    for (const Run& r : runs) {
        for (std::size_t e = 0; e < r.test.size(); ++e) {
            std::printf("%-20s %-9s %10.3g %6zu %11.4f %10.4f %9.2f%%\n", pretty(r.optimizer),
                        r.schedule.c_str(), r.lr, e + 1, r.train_loss[e], r.test[e].loss,
                        100 * r.test[e].accuracy);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    gd::blas::prefer_fast_kernels(argv);
    return gd::run("11_lr_range_test", [&] {
        Settings s;
        std::string data = gd::kFashionMnistDir;
        gd::Cli cli("11_lr_range_test",
                    "the learning-rate range test on Fashion-MNIST, SGD against Adam", s.seed);
        int batch = int(s.batch);
        cli.option("--data", data, "folder holding Fashion-MNIST's *-ubyte.gz files");
        cli.option("--start-lr", s.test.start_lr, "first rate of the sweep", gd::positive());
        cli.option("--end-lr", s.test.end_lr, "last rate of the sweep", gd::positive());
        cli.option("--num-steps", s.test.num_steps, "batches in the sweep (0: one epoch)", 0,
                   1000000);
        cli.option("--smooth", s.test.smooth, "batches averaged in the loss's change (keras)", 1,
                   10000);
        cli.option("--diverge-factor", s.test.diverge_factor,
                   "stop once the loss exceeds this × the best so far", gd::positive());
        cli.option("--batch", batch, "images per batch", 1, 60000);
        cli.option("--epochs", s.epochs, "epochs of the follow-up training (0: none)", 0, 100);
        cli.option("--rule", s.rule, "suggestion the follow-up holds constant",
                   {"valley", "steepest", "min10"});
        cli.option("--peak-rule", s.peak_rule, "suggestion the follow-up's one-cycle peaks at",
                   {"valley", "steepest", "min10"});
        if (!cli.parse(argc, argv)) return 0;
        s.batch = std::size_t(batch);
        s.seed = cli.seed;

        // The data: in quick mode the first 12 000 training and 1 000 test images, one epoch.
        const auto start = std::chrono::steady_clock::now();
        const std::uint32_t train_rows = cli.quick ? 12000 : 60000,
                            test_rows = cli.quick ? 1000 : 10000;
        const gd::ImageSet train = gd::read_fashion_mnist("train", data, train_rows);
        const gd::ImageSet test = gd::read_fashion_mnist("t10k", data, test_rows);
        if (cli.quick && !cli.given("--epochs")) s.epochs = 1;
        if (train.rows < s.batch) throw gd::UsageError("--batch is larger than the training set");
        if (s.test.num_steps == 0) s.test.num_steps = int(train.rows / s.batch);
        gd::check(s.test);
        std::clog << "read " << train.rows << " training and " << test.rows << " test images in "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
                  << " s; OpenBLAS kernels: " << gd::blas::core() << "\n";

        // The two sweeps, one per core, timed together.
        gd::blas::set_threads(1);
        const auto t0 = std::chrono::steady_clock::now();
        const std::vector<Sweep> sweeps = ch11::range_tests(train, s);
        print_sweeps(sweeps, s,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());

        // The follow-up: each optimizer's suggested rate held constant, and as one-cycle's peak.
        std::vector<Run> runs;
        if (s.epochs > 0) {
            runs = ch11::follow_up(sweeps, train, test, s);
            print_runs(runs, sweeps, s);
        }

        // The figures, in the order the README shows them.
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        ch11::plot_range_tests(figs, sweeps, s);
        if (!runs.empty()) ch11::plot_runs(figs, runs, s);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

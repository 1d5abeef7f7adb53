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
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "experiments.hpp"
#include "plot/figures.hpp"
#include "sys/blas.hpp"
#include "sys/idx.hpp"

namespace {

using ch11::pretty;
using ch11::Run;
using ch11::Settings;
using ch11::Sweep;

// ---- Printing ----------------------------------------------------------------------------------

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

std::string column_of(const std::string& rule) {
    return rule == "steepest" ? "steepest" : rule == "min10" ? "min/10" : "valley";
}

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

// ---- Figures -----------------------------------------------------------------------------------

// Loss against rate for both sweeps (raw, and fastai's smoothed curve through it), each rule's
// suggestion marked on the smoothed curve; and keras-lr-finder's smoothed loss change. A sweep
// that stopped too early to draw (or to suggest) is left out of the plots, not drawn empty.
void plot_range_tests(gd::plot::Figures& figs, const std::vector<Sweep>& sweeps,
                      const Settings& s) {
    gd::plot::Data curves({"lr", "loss", "smoothed", "change_per_batch"});
    gd::plot::Data marks({"lr", "smoothed", "change_per_batch", "rule"});
    const char* const rules[] = {"steepest", "min10", "valley"};
    std::vector<const Sweep*> shown;               // block i of both files is shown[i]'s
    std::vector<std::vector<bool>> marked;         // marked[i][k]: rule k suggested a rate
    std::vector<bool> has_change;                  // some Δ is defined in the window
    double lowest_change = 0, highest_change = 0;  // the change plot's range, with room
    for (const Sweep& sw : sweeps) {
        const gd::RangeTest& r = sw.r;
        // As keras-lr-finder draws it: the first 10 batches (the rate is still too small to
        // matter and the smoothing has no history) and the last 5 (the blow-up) are left out.
        const std::size_t lo = std::size_t(s.test.skip_begin);
        const std::size_t hi = r.lrs.size() > std::size_t(s.test.skip_end) + lo
                                   ? r.lrs.size() - std::size_t(s.test.skip_end)
                                   : lo;
        if (hi == lo) continue;
        shown.push_back(&sw);
        has_change.push_back(false);
        curves.block(sw.optimizer);
        for (std::size_t i = lo; i < hi; ++i) {
            curves.row({r.lrs[i], r.losses[i], r.ema[i], r.slope[i]});
            if (std::isnan(r.slope[i])) continue;
            has_change.back() = true;
            lowest_change = std::min(lowest_change, r.slope[i]);
            highest_change = std::max(highest_change, r.slope[i]);
        }
        marks.block(sw.optimizer);
        marked.emplace_back(3, false);
        for (int k = 0; k < 3; ++k) {
            const double lr = ch11::suggestion(r, rules[k]);
            if (std::isnan(lr)) continue;
            // The smoothed loss and change at the batch whose rate is nearest the suggestion
            // (min/10 sits a decade left of a batch's rate, so it is marked where it lands).
            std::size_t at = 0;
            for (std::size_t i = 0; i < r.lrs.size(); ++i) {
                if (std::fabs(std::log(r.lrs[i] / lr)) < std::fabs(std::log(r.lrs[at] / lr)))
                    at = i;
            }
            marks.row({lr, r.ema[at], r.slope[at], double(k)});
            marked.back()[std::size_t(k)] = !(k == 0 && std::isnan(r.slope[at]));
        }
    }
    if (shown.empty()) {
        std::clog << "no sweep lasted past its first " << s.test.skip_begin + s.test.skip_end
                  << " batches: nothing to plot\n";
        return;
    }
    figs.write("range_test", curves);
    figs.write("range_test_marks", marks);

    // The points of rule k on every shown sweep, y from column `col` of the marks; the first
    // set carries the legend entry.
    const char* const shapes[] = {"11", "7", "13"};
    const char* const names[] = {"steepest descent", "lowest loss / 10", "valley"};
    auto mark_points = [&](int k, int col) {
        std::string text;
        bool titled = false;
        for (std::size_t i = 0; i < shown.size(); ++i) {
            if (!marked[i][std::size_t(k)] || (col == 3 && !has_change[i])) continue;
            text += ", 'range_test_marks.dat' index " + std::to_string(i) +
                    " using 1:($4 == " + std::to_string(k) + " ? $" + std::to_string(col) +
                    " : NaN) with points pt " + shapes[k] + " ps 2.2 lc rgb 'black' " +
                    (titled ? std::string("notitle") : "title '" + std::string(names[k]) + "'");
            titled = true;
        }
        return text;
    };
    auto colour = [](const Sweep* sw) { return sw->optimizer == "sgd" ? 1 : 2; };

    std::ostringstream gp;
    gp << "set title 'Range test on Fashion-MNIST: the loss falls fastest a decade or more below "
          "where it blows up'\n"
          "set logscale x\nset format x '10^{%L}'\nset xlabel 'learning rate η (log scale)'\n"
          "set ylabel 'training loss (cross-entropy, per batch)'\nset yrange [0:3.6]\n"
          "set grid\nset key top right box opaque font ',11'\n"
          "plot ";
    for (std::size_t i = 0; i < shown.size(); ++i) {
        gp << (i ? ", " : "") << "'range_test.dat' index " << i << " using 1:2 with lines lt "
           << colour(shown[i]) << " lw 0.9 title '" << pretty(shown[i]->optimizer) << ", raw', "
           << "'' index " << i << " using 1:3 with lines lt " << colour(shown[i]) << " lw 3 title '"
           << pretty(shown[i]->optimizer) << ", smoothed (β = " << s.test.beta << ")'";
    }
    for (int k = 0; k < 3; ++k) gp << mark_points(k, 2);
    figs.png("range_test", gp.str() + "\n", 1000, 620);

    std::ostringstream sl;
    bool any = false;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (!has_change[i]) continue;
        sl << (any ? ", " : "") << "'range_test.dat' index " << i << " using 1:4 with lines lt "
           << colour(shown[i]) << " lw 2.5 title '" << pretty(shown[i]->optimizer) << "'";
        any = true;
    }
    if (!any) return;  // every sweep shorter than the window of the change
    std::ostringstream head;
    head << "set title \"Change of the loss per batch (mean of the last " << s.test.smooth
         << "): most negative where the rate teaches fastest\"\n"
            "set logscale x\nset format x '10^{%L}'\nset xlabel 'learning rate η (log scale)'\n"
            "set ylabel '(ℓ_i − ℓ_{i−k}) / k,  k = "
         << s.test.smooth << "'\nset grid\nset key top left box opaque\nset xzeroaxis lt -1\n"
         << "set yrange [" << 1.2 * lowest_change << ":"
         << std::max(1.2 * highest_change, 1e-3 - 1.2 * lowest_change) << "]\nplot ";
    figs.png("range_test_change", head.str() + sl.str() + mark_points(0, 3) + "\n", 1000, 620);
}

// The follow-up: each run's rate per batch, and its test loss and accuracy per epoch.
void plot_runs(gd::plot::Figures& figs, const std::vector<Run>& runs, const Settings& s) {
    gd::plot::Data rates({"batch", "lr"}), scores({"epoch", "test_loss", "test_accuracy"});
    for (const Run& r : runs) {
        rates.block(r.optimizer + " " + r.schedule);
        const std::size_t stride = std::max<std::size_t>(1, r.rates.size() / 300);
        for (std::size_t i = 0; i < r.rates.size(); i += stride) rates.row({double(i), r.rates[i]});
        scores.block(r.optimizer + " " + r.schedule);
        for (std::size_t e = 0; e < r.test.size(); ++e) {
            scores.row({double(e + 1), r.test[e].loss, 100 * r.test[e].accuracy});
        }
    }
    figs.write("follow_up_rates", rates);
    figs.write("follow_up_scores", scores);

    auto lines = [&](const std::string& file, const std::string& cols, bool points) {
        std::ostringstream p;
        p << "plot ";
        for (std::size_t k = 0; k < runs.size(); ++k) {
            const bool cyc = runs[k].schedule == "onecycle";
            p << (k ? ", " : "") << "'" << file << "' index " << k << " using " << cols << " with "
              << (points ? "linespoints pt 7 ps 1.1" : "lines") << " lt "
              << (runs[k].optimizer == "sgd" ? 1 : 2) << " lw 2.2 dt " << (cyc ? 1 : 2)
              << " title '" << pretty(runs[k].optimizer) << ", " << (cyc ? "one-cycle" : "constant")
              << "'";
        }
        return p.str() + "\n";
    };
    std::ostringstream gp;
    gp << "set multiplot layout 1,3 title '" << s.epochs << (s.epochs == 1 ? " epoch" : " epochs")
       << " at the rates the test suggested: one-cycle peaking at the " << column_of(s.peak_rule)
       << " rate (solid), the " << column_of(s.rule)
       << " rate held constant (dashed)'\n"
          "set grid\nset key bottom right box opaque font ',10' samplen 5\n"
          "set title 'learning rate per batch'\nset logscale y\nset format y '10^{%L}'\n"
          "set xlabel 'batch'\nset ylabel 'η (log scale)'\nset key bottom left\n"
       << lines("follow_up_rates.dat", "1:2", false)
       << "unset logscale y\nset format y '%g'\nset key top right\n"
          "set title 'test loss after each epoch'\nset xlabel 'epoch'\nset xtics 1\n"
          "set xrange [0.8:"
       << s.epochs + 0.2
       << "]\n"
          "set ylabel 'cross-entropy on the test images'\n"
       << lines("follow_up_scores.dat", "1:2", true)
       << "set title 'test accuracy after each epoch'\nset ylabel 'accuracy (%)'\n"
          "set key bottom right\n"
       << lines("follow_up_scores.dat", "1:3", true) << "unset multiplot\n";
    figs.png("follow_up", gp.str(), 1500, 560);
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

        gd::plot::Figures figs(cli.out, !cli.no_plot);
        plot_range_tests(figs, sweeps, s);
        if (!runs.empty()) plot_runs(figs, runs, s);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

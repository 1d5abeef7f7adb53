// figures.hpp: chapter 11's figures, one function each in the order the README shows them (the
// loss against the rate and its change per batch, then the follow-up training), data and
// gnuplot script side by side through gd::plot::Figures (common/plot/figures.hpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "experiments.hpp"
#include "plot/figures.hpp"

namespace ch11 {

// Loss against rate for both sweeps (raw, and fastai's smoothed curve through it), each rule's
// suggestion marked on the smoothed curve; and keras-lr-finder's smoothed loss change. A sweep
// that stopped too early to draw (or to suggest) is left out of the plots, not drawn empty.
inline void plot_range_tests(gd::plot::Figures& figs, const std::vector<Sweep>& sweeps,
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
            const double lr = suggestion(r, rules[k]);
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
inline void plot_runs(gd::plot::Figures& figs, const std::vector<Run>& runs, const Settings& s) {
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

}  // namespace ch11

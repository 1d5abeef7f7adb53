// figures.hpp: chapter 11's figures, one function each in the order the README shows them (the
// loss against the rate and its change per batch, for each network; the suggestions over the
// seeds; the training at the suggested bounds), data and gnuplot script side by side through
// gd::plot::Figures (common/plot/figures.hpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "experiments.hpp"
#include "plot/figures.hpp"

namespace ch11 {

inline int colour(const std::string& optimizer) {  // the Okabe-Ito line types of plot/figures
    return optimizer == "sgd" ? 1 : optimizer == "adam" ? 2 : 3;
}

// The rules marked on the curves: the article's, fastai's default and Smith's two bounds.
inline const std::vector<std::string> kMarked = {"steepest", "valley", "smith_base", "smith_max"};

// Replicate 0's sweeps of one model: the loss against the rate (raw, and its centred average),
// the marked rules' suggestions on the average, and the article's picks; then the article's
// second plot, keras-lr-finder's change of the loss per batch. A sweep too short to draw (or to
// suggest anything) is left out, not drawn empty.
inline void plot_range_test(gd::plot::Figures& figs, const std::vector<Sweep>& sweeps,
                            const std::string& model, const Settings& s) {
    gd::plot::Data curves({"lr", "loss", "centred", "ema", "change_per_batch"});
    gd::plot::Data marks({"lr", "centred", "change_per_batch", "rule"});
    std::vector<const Sweep*> shown;  // block i of both files is shown[i]'s
    double lowest_change = 0, highest_change = 0;
    for (const Sweep& sw : sweeps) {
        const gd::RangeTest& r = sw.r;
        if (sw.model != model || sw.replicate != 0 || r.lrs.size() < 2) continue;
        shown.push_back(&sw);
        curves.block(sw.optimizer);
        for (std::size_t i = 0; i < r.lrs.size(); ++i) {
            curves.row({r.lrs[i], r.losses[i], r.centred[i], r.ema[i], r.slope[i]});
            if (i < std::size_t(s.test.skip_begin) || std::isnan(r.slope[i])) continue;
            lowest_change = std::min(lowest_change, r.slope[i]);
            highest_change = std::max(highest_change, r.slope[i]);
        }
        marks.block(sw.optimizer);
        for (std::size_t k = 0; k < kMarked.size(); ++k) {
            const double lr = gd::suggestion(r, kMarked[k]);
            if (std::isnan(lr)) continue;
            std::size_t at = 0;  // the batch whose rate is the suggestion
            while (at + 1 < r.lrs.size() && r.lrs[at] < lr) ++at;
            marks.row({lr, r.centred[at], r.slope[at], double(k)});
        }
    }
    if (shown.empty()) return;
    const std::string slug = "range_test_" + model;
    figs.write(slug, curves);
    figs.write(slug + "_marks", marks);

    const char* const shapes[] = {"11", "13", "8", "10"};
    const char* const names[] = {"steepest descent (the article)", "valley (fastai)",
                                 "Smith: starts to fall", "Smith: stops falling"};
    auto mark_points = [&](int col) {
        std::string text;
        for (std::size_t k = 0; k < kMarked.size(); ++k) {
            for (std::size_t i = 0; i < shown.size(); ++i) {
                text += ", '" + slug + "_marks.dat' index " + std::to_string(i) +
                        " using 1:($4 == " + std::to_string(k) + " ? $" + std::to_string(col) +
                        " : NaN) with points pt " + shapes[k] + " ps 2.2 lc rgb 'black' " +
                        (i ? "notitle" : "title '" + std::string(names[k]) + "'");
            }
        }
        return text;
    };
    // The article's picks, on its ConvNet and MNIST: where to compare ours.
    const std::string article =
        "set arrow from 10**-1.95, graph 0 to 10**-1.95, graph 1 nohead dt 3 lw 2 lc 1 back\n"
        "set arrow from 10**-3.95, graph 0 to 10**-3.95, graph 1 nohead dt 3 lw 2 lc 2 back\n"
        "set label \"the article's\\nSGD pick\" at 10**-1.9, graph 0.93 tc lt 1 font ',10'\n"
        "set label \"the article's\\nAdam pick\" at 10**-3.9, graph 0.93 tc lt 2 font ',10'\n";
    const std::string what = s.validation ? "held-out loss after each step (cross-entropy)"
                                          : "training loss (cross-entropy, per batch)";
    std::ostringstream gp;
    gp << "set title \"Range test of the " << model << ", " << shown.front()->r.lrs.size()
       << " batches or fewer: Adam learns fastest 2 to 3 decades below plain SGD\"\n"
          "set logscale x\nset format x '10^{%L}'\nset xlabel 'learning rate η (log scale)'\n"
          "set ylabel '"
       << what << "'\nset yrange [0:3.2]\nset key outside right top box opaque font ',11'\n"
       << "set label \"thin: every batch\\nthick: centred mean\\nof " << 2 * (s.test.smooth / 2) + 1
       << " batches\" at screen 0.815, screen 0.45 font ',11'\n"
       << article << "plot ";
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const int lt = colour(shown[i]->optimizer);
        gp << (i ? ", " : "") << "'" << slug << ".dat' index " << i << " using 1:2 with lines lt "
           << lt << " lw 0.6 notitle, '' index " << i << " using 1:3 with lines lt " << lt
           << " lw 3 title '" << pretty(shown[i]->optimizer) << "'";
    }
    gp << mark_points(2) << "\n";
    figs.png(slug, gp.str(), 1300, 650);

    std::ostringstream ch;
    ch << "set title \"The article's reading of the " << model << ": the loss's change per "
       << "batch over " << s.test.smooth << " batches, most negative where it learns fastest\"\n"
       << "set logscale x\nset format x '10^{%L}'\nset xlabel 'learning rate η (log scale)'\n"
       << "set ylabel 'Δ_i = (ℓ_i − ℓ_{i−k}) / k,  k = " << s.test.smooth << "'\n"
       << "set key outside right top box opaque font ',11'\nset xzeroaxis lt -1\n"
       << "set yrange [" << 1.2 * lowest_change << ":"
       << std::max(1.2 * highest_change, 1e-3 - 1.2 * lowest_change) << "]\n"
       << article << "plot ";
    for (std::size_t i = 0; i < shown.size(); ++i) {
        ch << (i ? ", " : "") << "'" << slug << ".dat' index " << i << " using 1:5 with lines lt "
           << colour(shown[i]->optimizer) << " lw 2.5 title '" << pretty(shown[i]->optimizer)
           << "'";
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
        ch << ", '" << slug << "_marks.dat' index " << i
           << " using 1:($4 == 0 ? $3 : NaN) with points pt 11 ps 2.2 lc rgb 'black' "
           << (i ? "notitle" : "title 'steepest descent'");
    }
    figs.png(slug + "_change", ch.str() + "\n", 1300, 650);
}

// Every rule's suggestion for every replicate: one panel per network, the rules along x, SGD's
// and Adam's replicates as points side by side.
inline void plot_spread(gd::plot::Figures& figs, const std::vector<Sweep>& sweeps,
                        const Settings& s) {
    gd::plot::Data points({"rule", "rate", "replicate"});
    const auto rules = gd::suggestions(gd::RangeTest{});
    std::vector<std::pair<std::string, std::string>> blocks;  // (model, optimizer) of block i
    for (const std::string& model : s.models) {
        for (std::size_t o = 0; o < s.optimizers.size(); ++o) {
            if (s.optimizers[o] == "momentum") continue;  // a variant, on the first seed only
            points.block(model + " " + s.optimizers[o]);
            blocks.emplace_back(model, s.optimizers[o]);
            for (const Sweep& sw : sweeps) {
                if (sw.model != model || sw.optimizer != s.optimizers[o]) continue;
                for (std::size_t k = 0; k < rules.size(); ++k) {
                    const double rate = gd::suggestion(sw.r, rules[k].first);
                    // Each optimizer a little to the side of the rule's tick.
                    points.row({double(k) + 0.22 * (double(o) - 1), std::isnan(rate) ? 0 : rate,
                                double(sw.replicate)});
                }
            }
        }
    }
    figs.write("suggestions_spread", points);
    std::ostringstream gp;
    gp << "set multiplot layout 1," << s.models.size() << " title 'Every rule over " << s.seeds
       << " seeds (network and batch order drawn again): how far apart the suggestions land'\n"
       << "set logscale y\nset format y '10^{%L}'\nset ylabel 'suggested rate η (log scale)'\n"
       << "set xrange [-0.6:" << double(rules.size()) - 0.4 << "]\nset xtics rotate by -30 (";
    for (std::size_t k = 0; k < rules.size(); ++k) {
        std::string label = rules[k].first;
        std::replace(label.begin(), label.end(), '_', ' ');  // smith_base: no subscript
        gp << (k ? ", " : "") << "'" << label << "' " << k;
    }
    gp << ")\nset key bottom left box opaque font ',11'\nset grid ytics\n";
    for (std::size_t m = 0; m < s.models.size(); ++m) {
        gp << "set title '" << s.models[m] << "'\nplot ";
        bool any = false;
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            if (blocks[b].first != s.models[m]) continue;
            gp << (any ? ", " : "") << "'suggestions_spread.dat' index " << b
               << " using 1:($2 > 0 ? $2 : NaN) with points pt 7 ps 1.3 lt "
               << colour(blocks[b].second) << " title '" << pretty(blocks[b].second) << "'";
            any = true;
        }
        gp << "\n";
    }
    gp << "unset multiplot\n";
    figs.png("suggestions_spread", gp.str(), 600 * int(s.models.size()) + 200, 620);
}

// The training at the suggestions: replicate 0's rates per batch (Smith's bounds), and the
// test accuracy after the last epoch of every optimizer × rule × schedule, the mean over the
// replicates with a bar from the lowest to the highest.
inline void plot_training(gd::plot::Figures& figs, const std::vector<Run>& runs, const Settings& s,
                          const std::string& model) {
    if (runs.empty()) return;
    const std::string slug = "training_" + model;
    gd::plot::Data rates({"batch", "lr"}), scores({"x", "mean", "lowest", "highest"});
    std::vector<const Run*> drawn;
    for (const Run& r : runs) {
        if (r.replicate != 0 || r.rule != "smith") continue;
        drawn.push_back(&r);
        rates.block(r.optimizer + " " + r.rule + " " + r.schedule);
        const std::size_t stride = std::max<std::size_t>(1, r.rates.size() / 400);
        for (std::size_t i = 0; i < r.rates.size(); i += stride) rates.row({double(i), r.rates[i]});
    }
    std::vector<std::string> labels;
    const std::vector<std::string> optimizers = {"sgd", "adam"};
    for (const std::string& opt : optimizers) {
        scores.block(opt);
        std::size_t x = 0;
        for (const std::string& rule : kRateRules) {
            for (const std::string& schedule : kSchedules) {
                std::vector<double> acc;
                for (const Run& r : runs) {
                    if (r.optimizer == opt && r.rule == rule && r.schedule == schedule) {
                        acc.push_back(100 * r.test.back().accuracy);
                    }
                }
                if (opt == optimizers[0])
                    labels.push_back(std::string(rule).append(" ").append(schedule));
                if (!acc.empty()) {
                    double mean = 0;
                    for (double a : acc) mean += a / double(acc.size());
                    const auto [lo, hi] = std::minmax_element(acc.begin(), acc.end());
                    scores.row({double(x), mean, *lo, *hi});
                }
                ++x;
            }
        }
    }
    figs.write(slug + "_rates", rates);
    figs.write(slug + "_scores", scores);
    std::ostringstream gp;
    gp << "set multiplot layout 1,2 title 'Training the " << model << " " << s.epochs
       << (s.epochs == 1 ? " epoch" : " epochs")
       << " at the bounds each rule reads off its own range test (" << s.seeds << " seeds)'\n"
       << "set title \"the rates of one seed's runs, Smith's bounds\"\n"
       << "set logscale y\nset format y '10^{%L}'\nset xlabel 'batch'\n"
       << "set ylabel 'learning rate η (log scale)'\nset yrange [1e-6:2]\n"
       << "set key bottom center box opaque font ',11' samplen 6\nplot ";
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const Run& r = *drawn[i];
        const int dt = r.schedule == "constant" ? 2 : r.schedule == "onecycle" ? 1 : 4;
        gp << (i ? ", " : "") << "'" << slug << "_rates.dat' index " << i
           << " using 1:2 with lines lt " << colour(r.optimizer) << " lw 2.2 dt " << dt
           << " title '" << pretty(r.optimizer) << ", " << r.schedule << "'";
    }
    gp << "\nunset logscale y\nset format y '%g'\nset title 'test accuracy after the last epoch: "
          "mean, lowest to highest'\nset xlabel 'rate rule and schedule'\n"
          "set ylabel 'test accuracy (%)'\nunset yrange\nset key top left\nset xrange [-0.5:"
       << double(labels.size()) - 0.5 << "]\nset xtics rotate by -30 (";
    for (std::size_t k = 0; k < labels.size(); ++k) {
        gp << (k ? ", " : "") << "'" << labels[k] << "' " << k;
    }
    gp << ")\nplot ";
    for (std::size_t o = 0; o < optimizers.size(); ++o) {
        gp << (o ? ", " : "") << "'" << slug << "_scores.dat' index " << o << " using ($1 + "
           << (o ? 0.12 : -0.12) << "):2:3:4 with yerrorbars pt 7 ps 1.4 lw 2 lt "
           << colour(optimizers[o]) << " title '" << pretty(optimizers[o]) << "'";
    }
    gp << "\nunset multiplot\n";
    figs.png(slug, gp.str(), 1500, 620);
}

}  // namespace ch11

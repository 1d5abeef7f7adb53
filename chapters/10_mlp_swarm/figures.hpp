// figures.hpp: chapter 10's numbers per cell and its figures, in the order the README shows them
// (the hive grid, its animation, loss per epoch, the epoch each bee settles, one bee shaking
// loose, where the ReLU kinks sit).
// Every figure is named <tag>_<what>, tag = the experiment (a, b, c or custom).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "hive.hpp"
#include "plot/figures.hpp"
#include "train/settling.hpp"

namespace ch10 {

// ---- Numbers per cell -------------------------------------------------------------------------

// The first epoch from which a bee's loss stays below `threshold` up to the last recorded
// epoch; −1 if it never does (or diverged).
inline int settled_epoch(const Record& r, std::size_t k, double threshold) {
    if (r.diverged_at[k] >= 0) return -1;
    std::vector<double> loss(r.epochs);
    for (std::size_t e = 0; e < r.epochs; ++e) loss[e] = r.l(e, k);
    return int(gd::settled_from(loss, threshold));
}

struct CellStats {
    double median, best, worst;  // loss at the epoch asked for, over the cell's finite bees
    int diverged;                // bees diverged by then
    int settled_median;          // median settle epoch, never counting as last; −1: never
};

inline CellStats cell_stats(const Record& r, std::size_t c, std::size_t K, std::size_t e,
                            double threshold) {
    std::vector<double> l;
    std::vector<int> settle;
    CellStats s{std::nan(""), std::nan(""), std::nan(""), 0, -1};
    for (std::size_t k = c * K; k < (c + 1) * K; ++k) {
        const int se = settled_epoch(r, k, threshold);
        settle.push_back(se < 0 ? std::numeric_limits<int>::max() : se);
        if (r.diverged_at[k] >= 0 && std::size_t(r.diverged_at[k]) <= e)
            ++s.diverged;
        else
            l.push_back(r.l(e, k));
    }
    std::sort(settle.begin(), settle.end());
    if (settle[K / 2] != std::numeric_limits<int>::max()) s.settled_median = settle[K / 2];
    if (l.empty()) return s;
    std::sort(l.begin(), l.end());
    const std::size_t m = l.size();
    s.median = m % 2 ? l[m / 2] : 0.5 * (l[m / 2 - 1] + l[m / 2]);
    s.best = l.front();
    s.worst = l.back();
    return s;
}

// The last epoch at which bee k had a finite state (its frozen picture once diverged).
inline std::size_t last_finite(const Record& r, std::size_t k, std::size_t e) {
    if (r.diverged_at[k] < 0 || std::size_t(r.diverged_at[k]) > e) return e;
    return std::size_t(std::max(r.diverged_at[k] - 1, 0));
}

// ---- Figure helpers ---------------------------------------------------------------------------

inline std::string symbol(const std::string& name) {
    if (name == "momentum") return "μ";
    if (name == "lr") return "η";
    return name;
}
inline std::string cell_title(const Sweep& sw, std::size_t c) {
    std::ostringstream s;
    const std::size_t J = sw.cols.values.size();
    s << symbol(sw.rows.name) << " = " << sw.rows.values[c / J] << ", " << symbol(sw.cols.name)
      << " = " << sw.cols.values[c % J];
    return s.str();
}
// Ten distinguishable bee colours: the Okabe-Ito palette and three more.
inline std::string bee_colours() {
    return "array bee[10] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', "
           "'#56B4E9', '#000000', '#882255', '#999933', '#44AA99']\n";
}
inline std::string hive_caption(const std::string& tag) {
    if (tag == "a") return "(a) more momentum or a larger rate: faster fits";
    if (tag == "b") return "(b) little momentum: slow, and at η = 0.05 unstable";
    if (tag == "c") return "(c) high momentum: bees overshoot and keep bouncing";
    return "custom sweep";
}
inline void target_data(gd::plot::Figures& figs, const std::string& slug, const Target& t) {
    gd::plot::Data d({"x", "sin_x"});
    for (std::size_t i = 0; i < t.x.size(); ++i) d.row({t.x[i], t.y[i]});
    figs.write(slug, d);
}

// One multiplot panel per cell: the target's points and every bee's curve from `file`, whose
// block first + c holds x and one column per bee. Diverged bees (frozen at their last finite
// fit) dashed.
inline std::string hive_panels(const Record& r, const Sweep& sw, const std::string& file,
                               std::size_t first, std::size_t e, bool keys) {
    const std::size_t C = sw.cells(), K = r.bees / C;
    std::ostringstream gp;
    for (std::size_t c = 0; c < C; ++c) {
        int div = 0;
        for (std::size_t k = c * K; k < (c + 1) * K; ++k)
            div += r.diverged_at[k] >= 0 && std::size_t(r.diverged_at[k]) <= e;
        gp << (keys && c == 0 ? "set key top left\n" : "unset key\n") << "set title '"
           << cell_title(sw, c)
           << (div ? "  (" + std::to_string(div) + " diverged: last finite fit dashed)" : "")
           << "'\n"
           << "plot 'target.dat' using 1:2 with points pt 7 ps 0.6 lc rgb '#aaaaaa' "
           << (keys && c == 0 ? "title 'sin x'" : "notitle");
        for (std::size_t k = 0; k < K; ++k) {
            const bool d =
                r.diverged_at[c * K + k] >= 0 && std::size_t(r.diverged_at[c * K + k]) <= e;
            gp << ", \\\n     '" << file << "' index " << first + c << " using 1:" << k + 2
               << " with lines lw 1.5 lc rgb bee[" << k % 10 + 1 << "]" << (d ? " dt 2" : "")
               << " notitle";
        }
        gp << "\n";
    }
    return gp.str();
}
inline std::string grid_setup(const Sweep& sw) {
    std::ostringstream gp;
    gp << bee_colours() << "set xrange [-5.3:5.3]\nset yrange [-1.7:1.7]\nset key top left\n"
       << "set xlabel 'x'\nset ylabel 'prediction'\nset xtics 2.5\n";
    (void)sw;
    return gp.str();
}
// Block c: x and the prediction of each of cell c's bees at epoch e (the last finite one for a
// diverged bee).
inline void write_epoch(gd::plot::Data& d, const Record& r, const Target& t, std::size_t C,
                        std::size_t e) {
    const std::size_t K = r.bees / C;
    for (std::size_t c = 0; c < C; ++c) {
        d.block("epoch " + std::to_string(e) + ", cell " + std::to_string(c));
        for (std::size_t i = 0; i < t.x.size(); ++i) {
            std::vector<double> row{t.x[i]};
            for (std::size_t k = c * K; k < (c + 1) * K; ++k)
                row.push_back(r.p(last_finite(r, k, e), k, i));
            d.row(row);
        }
    }
}
inline std::vector<std::string> bee_columns(std::size_t K) {
    std::vector<std::string> cols{"x"};
    for (std::size_t k = 0; k < K; ++k) cols.push_back("bee" + std::to_string(k));
    return cols;
}

// ---- The figures ------------------------------------------------------------------------------

// The hive at its last recorded epoch: rows one setting, columns the other.
inline void plot_grid(gd::plot::Figures& figs, const std::string& tag, const Record& r,
                      const Sweep& sw, const Target& t) {
    const std::size_t C = sw.cells(), last = r.epochs - 1;
    target_data(figs, "target", t);
    gd::plot::Data d(bee_columns(r.bees / C), 6);
    write_epoch(d, r, t, C, last);
    figs.write(tag + "_grid", d);
    std::ostringstream gp;
    gp << grid_setup(sw) << "set multiplot layout " << sw.rows.values.size() << ","
       << sw.cols.values.size() << " title 'Hive " << hive_caption(tag) << " (epoch " << last
       << ", " << r.bees / C << " bees a cell)' font ',15'\n"
       << hive_panels(r, sw, tag + "_grid.dat", 0, last, true) << "unset multiplot\n";
    figs.png(tag + "_grid", gp.str(), 1100, 300 + 250 * int(sw.rows.values.size()));
}

// The same grid over the epochs, `frames` frames evenly spread (a gnuplot loop over them).
inline void animate_grid(gd::plot::Figures& figs, const std::string& tag, const Record& r,
                         const Sweep& sw, const Target& t, std::size_t frames) {
    if (frames == 0) return;
    const std::size_t C = sw.cells(), K = r.bees / C;
    const std::size_t stride =
        std::max<std::size_t>(1, (r.epochs - 1) / std::max<std::size_t>(frames - 1, 1));
    gd::plot::Data d(bee_columns(K), 3);
    std::string epochs;
    for (std::size_t e = 0;; e = std::min(e + stride, r.epochs - 1)) {
        write_epoch(d, r, t, C, e);
        epochs += std::to_string(e) + " ";
        if (e == r.epochs - 1) break;
    }
    figs.write(tag + "_anim", d);
    std::ostringstream gp;
    gp << grid_setup(sw) << "unset key\nepochs = '" << epochs << "'\n"
       << "do for [f = 0:words(epochs) - 1] {\n"
       << "  set multiplot layout " << sw.rows.values.size() << "," << sw.cols.values.size()
       << " title sprintf('Hive " << hive_caption(tag) << ": epoch %s', word(epochs, f + 1))\n";
    for (std::size_t c = 0; c < C; ++c) {
        gp << "  set title '" << cell_title(sw, c) << "'\n"
           << "  plot 'target.dat' using 1:2 with points pt 7 ps 0.6 lc rgb '#aaaaaa'";
        for (std::size_t k = 0; k < K; ++k)
            gp << ", \\\n       '" << tag << "_anim.dat' index f*" << C << "+" << c
               << " using 1:" << k + 2 << " with lines lw 1.5 lc rgb bee[" << k % 10 + 1 << "]";
        gp << "\n";
    }
    gp << "  unset multiplot\n}\n";
    figs.gif(tag + "_anim", gp.str(), 900, 200 + 200 * int(sw.rows.values.size()), 15);
}

// Loss per epoch of every cell: the median bee as a line, the best-to-worst range as a band.
inline void plot_loss(gd::plot::Figures& figs, const std::string& tag, const Record& r,
                      const Sweep& sw) {
    const std::size_t C = sw.cells(), K = r.bees / C;
    gd::plot::Data d({"epoch", "median", "best", "worst"}, 6);
    for (std::size_t c = 0; c < C; ++c) {
        d.block(cell_title(sw, c));
        for (std::size_t e = 0; e < r.epochs; ++e) {
            const CellStats s = cell_stats(r, c, K, e, 1.0);
            if (std::isfinite(s.median)) d.row({double(e), s.median, s.best, s.worst});
        }
    }
    figs.write(tag + "_loss", d);
    std::ostringstream gp;
    gp << "set title 'Loss per epoch, hive " << hive_caption(tag) << "'\n"
       << "set xlabel 'epoch'\nset ylabel 'MSE on the 61 points (median bee; band: best-worst)'\n"
       << "set logscale y\nset format y '10^{%L}'\nset key outside right top\nset xrange [0:*]\n"
       << "set yrange [5e-3:3]\n"
       << "plot ";
    for (std::size_t c = 0; c < C; ++c) {
        gp << (c ? ", \\\n     " : "") << "'" << tag << "_loss.dat' index " << c
           << " using 1:3:4 with filledcurves fs transparent solid 0.15 noborder lt " << c + 1
           << " notitle, \\\n     '' index " << c << " using 1:2 with lines lw 2.5 lt " << c + 1
           << " title '" << cell_title(sw, c) << "'";
    }
    gp << "\n";
    figs.png(tag + "_loss", gp.str(), 1100, 600);
}

// The epoch from which each bee's loss stays below the threshold; bees that never get there
// sit on the top line.
inline void plot_settled(gd::plot::Figures& figs, const std::string& tag, const Record& r,
                         const Sweep& sw, double threshold) {
    const std::size_t C = sw.cells(), K = r.bees / C;
    gd::plot::Data d({"cell", "epoch", "settled"}, 6), m({"cell", "median_epoch"}, 6);
    std::ostringstream xtics;
    int medians = 0;
    for (std::size_t c = 0; c < C; ++c) {
        for (std::size_t k = 0; k < K; ++k) {
            const int s = settled_epoch(r, c * K + k, threshold);
            const double jitter = K > 1 ? 0.3 * (double(k) / double(K - 1) - 0.5) : 0.0;
            d.row({double(c) + jitter, s < 0 ? double(r.epochs) : double(s), s < 0 ? 0.0 : 1.0});
        }
        const CellStats cs = cell_stats(r, c, K, r.epochs - 1, threshold);
        if (cs.settled_median >= 0) m.row({double(c), double(cs.settled_median)}), ++medians;
        xtics << (c ? ", " : "") << "'" << cell_title(sw, c) << "' " << c;
    }
    figs.write(tag + "_settled", d);
    figs.write(tag + "_settled_median", m);
    std::ostringstream gp;
    gp << "set title 'Epoch from which the loss stays below " << threshold << " "
       << hive_caption(tag) << "' noenhanced\n"
       << "set xtics (" << xtics.str() << ") rotate by 20 right\n"
       << "set xrange [-0.6:" << double(C) - 0.4 << "]\nset yrange [0:" << double(r.epochs) * 1.08
       << "]\n"
       << "set ylabel 'epoch (top line: not within " << r.epochs << ")'\nset key top right\n"
       << "set arrow from -0.6," << r.epochs << " to " << double(C) - 0.4 << "," << r.epochs
       << " nohead dt 3 lc rgb '#888888'\n"
       << "plot '" << tag << "_settled.dat' using 1:($3 == 1 ? $2 : 1/0) with points pt 7 ps 1.2 "
       << "lt 1 title 'bee settles', \\\n     '' using 1:($3 == 0 ? $2 : 1/0) with points pt 2 "
       << "ps 1.4 lt 2 title 'bee never settles'";
    if (medians > 0)
        gp << ", \\\n     '" << tag << "_settled_median.dat' using 1:2:(0.3):(0) with vectors "
           << "nohead lw 4 lt 7 title 'median bee'";
    gp << "\n";
    figs.png(tag + "_settled", gp.str(), 1000, 600);
}

// One bee of the cell μ = 0, η = 0.05 (if the sweep has it) over twelve epochs around its
// largest jump in loss: it shakes itself out of its fit and settles again.
inline void plot_shake(gd::plot::Figures& figs, const std::string& tag, const Record& r,
                       const Sweep& sw, const Target& t) {
    const std::size_t J = sw.cols.values.size(), K = r.bees / sw.cells();
    std::size_t cell = sw.cells();
    for (std::size_t c = 0; c < sw.cells(); ++c)
        if (sw.rows.name == "momentum" && sw.rows.values[c / J] == 0 && sw.cols.name == "lr" &&
            sw.cols.values[c % J] == 0.05)
            cell = c;
    if (cell == sw.cells() || r.epochs < 24) return;
    std::size_t bee = cell * K, jump = 1;
    double worst = 0;
    for (std::size_t k = cell * K; k < (cell + 1) * K; ++k)
        for (std::size_t e = 10; e + 8 < r.epochs && r.diverged_at[k] < 0; ++e)
            if (r.l(e, k) / r.l(e - 1, k) > worst)
                worst = r.l(e, k) / r.l(e - 1, k), bee = k, jump = e;
    const std::size_t first = std::min(jump - 4, r.epochs - 12);
    std::printf(
        "shake: bee %zu of cell %s, loss x%.2f in epoch %zu (panels %zu-%zu), "
        "loss %.4f at epoch %zu\n",
        bee - cell * K, cell_title(sw, cell).c_str(), worst, jump, first, first + 11,
        r.l(r.epochs - 1, bee), r.epochs - 1);
    gd::plot::Data d({"x", "sin_x", "prediction"}, 6);
    for (std::size_t e = first; e < first + 12; ++e) {
        d.block("epoch " + std::to_string(e));
        for (std::size_t i = 0; i < t.x.size(); ++i) d.row({t.x[i], t.y[i], r.p(e, bee, i)});
    }
    figs.write(tag + "_shake", d);
    std::ostringstream gp;
    gp << "set xrange [-5.3:5.3]\nset yrange [-1.7:1.7]\nset xtics 2.5\nunset key\n"
       << "set multiplot layout 4,3 title 'One bee at " << cell_title(sw, cell)
       << " shakes out of its fit and settles again' font ',15'\n";
    for (std::size_t e = first; e < first + 12; ++e) {
        char title[96];
        std::snprintf(title, sizeof title, "epoch %zu: loss %.4f", e, r.l(e, bee));
        gp << "set title '" << title << "'\nplot '" << tag << "_shake.dat' index " << e - first
           << " using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '' index " << e - first
           << " using 1:3 with lines lw 2 lt " << (e == jump ? 2 : 1) << "\n";
    }
    gp << "unset multiplot\n";
    figs.png(tag + "_shake", gp.str(), 1000, 1000);
}

// Where the hidden units bend: unit j of the first layer is relu(w_j·x + b_j), a kink at
// x = −b_j/w_j. A histogram per cell over all its bees at the last recorded epoch.
inline void plot_kinks(gd::plot::Figures& figs, const std::string& tag, const Record& r,
                       const Sweep& sw) {
    const std::size_t C = sw.cells(), K = r.bees / C;
    const std::size_t units = r.last_net.W[0].shape()[2];
    const double lo = -10, hi = 10, width = 0.5;
    const std::size_t bins = std::size_t((hi - lo) / width);
    gd::plot::Data d({"x", "units"});
    std::vector<int> outside(C, 0), top(C, 1);
    for (std::size_t c = 0; c < C; ++c) {
        std::vector<int> count(bins, 0);
        for (std::size_t k = c * K; k < (c + 1) * K; ++k) {
            if (r.diverged_at[k] >= 0) continue;
            for (std::size_t j = 0; j < units; ++j) {
                const double w = r.last_net.W[0](k, 0, j), b = r.last_net.b[0](k, 0, j);
                const double x = w != 0 ? -b / w : std::numeric_limits<double>::infinity();
                if (x >= lo && x < hi)
                    ++count[std::size_t((x - lo) / width)];
                else
                    ++outside[c];
            }
        }
        d.block(cell_title(sw, c));
        top[c] = std::max(1, *std::max_element(count.begin(), count.end()));
        for (std::size_t i = 0; i < bins; ++i)
            d.row({lo + (double(i) + 0.5) * width, double(count[i])});
    }
    figs.write(tag + "_kinks", d);
    std::ostringstream gp;
    gp << "set xrange [" << lo << ":" << hi
       << "]\nset yrange [0:*]\nset xlabel 'kink position x = -b/w'\n"
       << "set ylabel 'hidden units'\nset style fill solid 0.6 noborder\nset boxwidth "
       << width * 0.9 << "\nunset key\n"
       << "set object 1 rect from -5, graph 0 to 5, graph 1 fc rgb '#f0f0f0' fs solid behind\n"
       << "set multiplot layout " << sw.rows.values.size() << "," << sw.cols.values.size()
       << " title 'Where the ReLU kinks sit " << hive_caption(tag)
       << " (grey: the data, x in [-5, 5])' font ',15'\n";
    for (std::size_t c = 0; c < C; ++c)
        gp << "set title '" << cell_title(sw, c) << " (" << outside[c] << " outside ±10)'\n"
           << "set yrange [0:" << std::ceil(1.1 * top[c]) << "]\n"
           << "plot '" << tag << "_kinks.dat' index " << c << " using 1:2 with boxes lt "
           << c % 8 + 1 << " notitle\n";
    gp << "unset multiplot\n";
    figs.png(tag + "_kinks", gp.str(), 1100, 300 + 250 * int(sw.rows.values.size()));
}

}  // namespace ch10

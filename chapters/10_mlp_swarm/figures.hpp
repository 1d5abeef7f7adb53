// figures.hpp: chapter 10's hive figures, in the order the README shows them: the grid of
// cells after the last epoch, its animation over every epoch, loss per epoch, the epoch each
// bee settles, one bee zoomed in over twelve epochs, and where the ReLU kinks sit over time.
// Every figure is named <tag>_<what>, tag = the experiment (a, b, c, deeper, noisy or custom).
// The theory's and the phase diagram's figures are in figures_theory.hpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "analysis.hpp"
#include "hive.hpp"
#include "plot/figures.hpp"

namespace ch10 {

// ---- Helpers ----------------------------------------------------------------------------------

// The last epoch at which bee k had a finite state (its frozen picture once diverged).
inline std::size_t last_finite(const Record& r, std::size_t k, std::size_t e) {
    if (r.diverged_at[k] < 0 || std::size_t(r.diverged_at[k]) > e) return e;
    return std::size_t(std::max(r.diverged_at[k] - 1, 0));
}
inline bool diverged_by(const Record& r, std::size_t k, std::size_t e) {
    return r.diverged_at[k] >= 0 && std::size_t(r.diverged_at[k]) <= e;
}

inline std::string symbol(const std::string& name) {
    if (name == "momentum") return "μ";
    if (name == "lr") return "η";
    if (name == "dampening") return "τ";
    return name;
}
inline std::string cell_title(const Sweep& sw, std::size_t c) {
    std::ostringstream s;
    const std::size_t J = sw.cols.values.size();
    s << symbol(sw.rows.name) << " = " << sw.rows.values[c / J] << ", " << symbol(sw.cols.name)
      << " = " << sw.cols.values[c % J];
    return s.str();
}
inline std::string hive_caption(const std::string& tag) {
    if (tag == "a") return "(a) more momentum or a larger rate: faster fits";
    if (tag == "b") return "(b) little momentum: slow, and at η = 0.05 unstable";
    if (tag == "c") return "(c) high momentum: bees overshoot and keep bouncing";
    if (tag == "deeper") return "1-10-10-1: a second layer settles more bees";
    if (tag == "noisy") return "sin x + noise: the fits follow the sine, not the noise";
    return "custom sweep";
}
inline void target_data(gd::plot::Figures& figs, const std::string& slug, const Target& t) {
    gd::plot::Data d({"x", "y"});
    for (std::size_t i = 0; i < t.x.size(); ++i) d.row({t.x[i], t.y[i]});
    figs.write(slug, d);
}

// Ten distinguishable bee colours (the Okabe-Ito palette and three more) as gnuplot line types
// 11-20, a diverged bee's frozen curve grey (21); a data file names them in a column for
// `lc variable`.
inline double bee_colour(std::size_t k, bool diverged) {
    return diverged ? 21.0 : double(11 + k % 10);
}
inline std::string bee_linetypes() {
    static const char* c[11] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                                "#000000", "#882255", "#999933", "#44AA99", "#BBBBBB"};
    std::string s;
    for (int i = 0; i < 11; ++i)
        s += "set linetype " + std::to_string(11 + i) + " lc rgb '" + c[i] + "'\n";
    return s;
}

// Bee k's fit at epoch e as a polyline over the data range. With its parameters recorded and a
// 1-H-1 ReLU network, the exact curve: p(x) = Σ_j u_j relu(w_j x + b_j) + c is straight
// between kinks, so the points are x = −5, the kinks inside, x = 5. Otherwise the predictions
// at the data points (what the post draws).
inline std::vector<std::pair<double, double>> fit_curve(const Record& r, const Target& t,
                                                        std::size_t e, std::size_t k, bool exact) {
    std::vector<std::pair<double, double>> pts;
    if (!exact) {
        for (std::size_t i = 0; i < t.x.size(); ++i) pts.emplace_back(t.x[i], r.p(e, k, i));
        return pts;
    }
    const std::size_t H = (r.per_bee - 1) / 3;
    const double* q = r.th(e, k);
    std::vector<double> xs{-5.0, 5.0};
    for (std::size_t j = 0; j < H; ++j)
        if (std::abs(kink(q, H, j)) < 5) xs.push_back(kink(q, H, j));
    std::sort(xs.begin(), xs.end());
    for (const double x : xs) {
        double p = q[3 * H];
        for (std::size_t j = 0; j < H; ++j) p += q[2 * H + j] * std::max(0.0, q[j] * x + q[H + j]);
        pts.emplace_back(x, p);
    }
    return pts;
}
inline bool exact_curves(const Record& r, const Spec& s) {
    return !r.theta.empty() && s.act == gd::Activation::relu && s.sizes.size() == 3;
}

// Block (e, c): the fits of cell c's first `shown` bees at epoch e (a diverged bee's last
// finite one), each a polyline "x y colour" ended by a blank line.
inline void write_fits(gd::plot::Data& d, const Record& r, const Target& t, const Sweep& sw,
                       std::size_t e, std::size_t shown, bool exact) {
    const std::size_t C = sw.cells(), K = r.bees / C;
    for (std::size_t c = 0; c < C; ++c) {
        d.block("epoch " + std::to_string(e) + ", " + cell_title(sw, c));
        for (std::size_t k = c * K; k < c * K + std::min(K, shown); ++k) {
            for (const auto& [x, y] : fit_curve(r, t, last_finite(r, k, e), k, exact))
                d.row({x, y, bee_colour(k - c * K, diverged_by(r, k, e))});
            d.gap();
        }
    }
}
inline std::string fits_setup() {
    return bee_linetypes() +
           "set xrange [-5.3:5.3]\nset yrange [-1.7:1.7]\nset xtics 2.5\nset ytics 1\n"
           "set xlabel 'x'\nset ylabel 'prediction'\nunset key\n";
}
// One panel: the target's points, then every bee's polyline from `index` of `file`.
inline std::string fits_panel(const std::string& title, const std::string& file,
                              const std::string& index, const std::string& target = "target") {
    return "set title '" + title + "'\nplot '" + target +
           ".dat' using 1:2 with points pt 7 ps 0.5 lc rgb '#aaaaaa', '" + file + "' index " +
           index + " using 1:2:3 with lines lw 1.5 lc variable\n";
}

// ---- The figures ------------------------------------------------------------------------------

// The hive at its last recorded epoch, one panel per cell (rows one setting, columns the other).
inline void plot_grid(gd::plot::Figures& figs, const std::string& tag, const Record& r,
                      const Sweep& sw, const Target& t, bool exact, std::size_t shown = 10,
                      const std::string& target = "target") {
    const std::size_t C = sw.cells(), last = r.epochs - 1;
    gd::plot::Data d({"x", "prediction", "colour"}, 5);
    write_fits(d, r, t, sw, last, shown, exact);
    figs.write(tag + "_grid", d);
    std::ostringstream gp;
    gp << fits_setup() << "set multiplot layout " << sw.rows.values.size() << ","
       << sw.cols.values.size() << " title 'Hive " << hive_caption(tag) << " (epoch " << last
       << ", " << std::min(shown, r.bees / C) << " bees a cell)' font ',15'\n";
    for (std::size_t c = 0; c < C; ++c) {
        int div = 0;
        for (std::size_t k = c * (r.bees / C); k < (c + 1) * (r.bees / C); ++k)
            div += diverged_by(r, k, last);
        gp << fits_panel(
            cell_title(sw, c) + (div ? "  (" + std::to_string(div) + " diverged: grey)" : ""),
            tag + "_grid.dat", std::to_string(c), target);
    }
    gp << "unset multiplot\n";
    figs.png(tag + "_grid", gp.str(), 1100, 300 + 250 * int(sw.rows.values.size()));
}

// The grid over the epochs, every `step`-th epoch a frame (and the last). step must be odd: an
// even step would show a bee that flips at every epoch (a period-2 bounce) always on the same
// side, and the bounce would vanish from the film; an odd one shows it flipping at every frame.
inline void animate_grid(gd::plot::Figures& figs, const std::string& tag, const Record& r,
                         const Sweep& sw, const Target& t, bool exact, std::size_t step,
                         std::size_t shown = 10, const std::string& target = "target") {
    const std::size_t C = sw.cells();
    gd::plot::Data d({"x", "prediction", "colour"}, 3);  // 0.01 of the axes: below a pixel
    std::vector<std::string> frames;
    for (std::size_t e = 0;; e = std::min(e + step, r.epochs - 1)) {
        write_fits(d, r, t, sw, e, shown, exact);
        frames.push_back(std::to_string(e));
        if (e == r.epochs - 1) break;
    }
    figs.write(tag + "_anim", d);
    std::ostringstream frame;
    frame << "  set multiplot layout " << sw.rows.values.size() << "," << sw.cols.values.size()
          << " title sprintf('Hive " << hive_caption(tag) << ":  epoch %s', word(frames, i))\n";
    for (std::size_t c = 0; c < C; ++c)
        frame << "  "
              << fits_panel(cell_title(sw, c), tag + "_anim.dat",
                            "(i-1)*" + std::to_string(C) + "+" + std::to_string(c), target);
    frame << "  unset multiplot\n";
    figs.gif(tag + "_anim", fits_setup() + gd::plot::frame_loop(frames, frame.str()), 700,
             110 + 170 * int(sw.rows.values.size()), 8);
}

// Loss per epoch of every cell: the median bee as a line, the best-to-worst range as a band;
// a dashed line at `floor` if one is given (the loss of sin x itself on noisy targets).
inline void plot_loss(gd::plot::Figures& figs, const std::string& tag, const Record& r,
                      const Sweep& sw, double floor = std::nan("")) {
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
       << "set logscale y\nset format y '10^{%L}'\nset key outside right top\nset xrange [0:"
       << std::max<std::size_t>(1, r.epochs - 1) << "]\n"
       << "set yrange [5e-3:3]\nplot ";
    for (std::size_t c = 0; c < C; ++c)
        gp << (c ? ", \\\n     " : "") << "'" << tag << "_loss.dat' index " << c
           << " using 1:3:4 with filledcurves fs transparent solid 0.15 noborder lt " << c % 8 + 1
           << " notitle, \\\n     '' index " << c << " using 1:2 with lines lw 2.5 lt " << c % 8 + 1
           << " title '" << cell_title(sw, c) << "'";
    if (std::isfinite(floor))
        gp << ", \\\n     " << floor << " with lines lw 2 dt 2 lc rgb '#cc0000' "
           << "title 'sin x itself'";
    gp << "\n";
    figs.png(tag + "_loss", gp.str(), 1100, 600);
}

// The epoch from which each bee's loss stays below the threshold; bees that never get there
// sit on the top line. The legend sits above the plot, off the marks.
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
    gp << "set title 'Epoch from which the loss stays below " << threshold << ", hive "
       << hive_caption(tag) << "' noenhanced offset 0,1.5\n"
       << "set xtics (" << xtics.str() << ") rotate by 20 right\n"
       << "set xrange [-0.6:" << double(C) - 0.4 << "]\nset yrange [0:" << double(r.epochs) * 1.08
       << "]\nset ylabel 'epoch (top line: not within " << r.epochs << ")'\n"
       << "set key at screen 0.5, screen 0.905 center horizontal noopaque nobox\n"
       << "set tmargin 5\nset arrow from -0.6," << r.epochs << " to " << double(C) - 0.4 << ","
       << r.epochs << " nohead dt 3 lc rgb '#888888'\n"
       << "plot '" << tag << "_settled.dat' using 1:($3 == 1 ? $2 : 1/0) with points pt 7 ps 1.2 "
       << "lt 1 title 'bee settles', \\\n     '' using 1:($3 == 0 ? $2 : 1/0) with points pt 2 "
       << "ps 1.4 lt 2 title 'bee never settles'";
    if (medians > 0)
        gp << ", \\\n     '" << tag
           << "_settled_median.dat' using ($1 - 0.2):2:(0.4):(0) with vectors "
           << "nohead lw 4 lt 7 title 'median bee'";
    gp << "\n";
    figs.png(tag + "_settled", gp.str(), 1000, 620);
}

// One bee over `count` epochs, one panel each: its exact fit, the target, and a dashed line at
// the kink of the unit with the largest gradient; the title gives the loss and ηλ_max.
inline void plot_zoom(gd::plot::Figures& figs, const std::string& slug, const std::string& title,
                      const Record& r, const Target& t, std::size_t bee,
                      const std::vector<ZoomEpoch>& zoom) {
    for (const ZoomEpoch& z : zoom)  // a bee diverged before or in the window: no picture
        if (!std::isfinite(z.loss) || !std::isfinite(z.eta_lambda)) return;
    if (zoom.empty()) return;
    gd::plot::Data d({"x", "prediction", "colour"}, 6);
    for (const ZoomEpoch& z : zoom) {
        d.block("epoch " + std::to_string(z.epoch));
        for (const auto& [x, y] : fit_curve(r, t, z.epoch, bee, true))
            d.row({x, y, bee_colour(0, false)});
    }
    figs.write(slug, d);
    const int rows = int((zoom.size() + 2) / 3);
    std::ostringstream gp;
    gp << fits_setup() << "set xlabel ''\nset ylabel ''\n"
       << "set multiplot layout " << rows << ",3 title \"" << title
       << "\\n{/=11 grey dots: sin x on the 61 points;  blue: the bee's fit;  dashed: the kink of "
          "the unit with the largest gradient (orange when ηλ_{max} > 2)}\" font ',14'\n";
    for (std::size_t i = 0; i < zoom.size(); ++i) {
        const ZoomEpoch& z = zoom[i];
        // Axis labels on the outer panels only: x below the bottom row, the fit left of the first
        // column.
        gp << "set ylabel '" << (i % 3 == 0 ? "prediction" : "") << "'\nset xlabel '"
           << (i + 3 >= zoom.size() ? "x" : "") << "'\n";
        char head[160];
        std::snprintf(head, sizeof head, "epoch %zu: loss %.4f, ηλ_{max} = %.2f", z.epoch, z.loss,
                      z.eta_lambda);
        gp << "unset arrow\n";
        if (std::abs(z.unit_kink) < 5.3)
            gp << "set arrow from " << z.unit_kink << ",-1.7 to " << z.unit_kink
               << ",1.7 nohead dt 2 lw 1.5 lc rgb '" << (z.eta_lambda > 2 ? "#D55E00" : "#666666")
               << "'\n";
        gp << "set title '" << head << "' font ',11'\n"
           << "plot 'target.dat' using 1:2 with points pt 7 ps 0.4 lc rgb '#aaaaaa', '" << slug
           << ".dat' index " << i << " using 1:2:3 with lines lw 2 lc variable\n";
    }
    gp << "unset multiplot\n";
    figs.png(slug, gp.str(), 1000, 160 + 230 * rows);
}

// Where the ReLU kinks sit over the epochs: per cell, the count of units (of all the cell's
// finite bees) whose kink −b/w lies in each half-unit bin of the data range, epoch by epoch.
inline void plot_kink_map(gd::plot::Figures& figs, const std::string& tag, const Record& r,
                          const Sweep& sw) {
    const std::size_t C = sw.cells(), K = r.bees / C, H = (r.per_bee - 1) / 3, bins = 20;
    gd::plot::Data d({"epoch", "x", "units"}, 4);
    int top = 1;
    for (std::size_t c = 0; c < C; ++c) {
        d.block(cell_title(sw, c));
        for (std::size_t e = 0; e < r.epochs; ++e) {
            std::vector<int> count(bins, 0);
            for (std::size_t k = c * K; k < (c + 1) * K; ++k) {
                if (diverged_by(r, k, e)) continue;
                for (std::size_t j = 0; j < H; ++j) {
                    const double x = kink(r.th(e, k), H, j);
                    if (std::abs(x) < 5) ++count[std::size_t((x + 5) / 10 * double(bins))];
                }
            }
            for (std::size_t b = 0; b < bins; ++b) {
                d.row({double(e), -5 + (double(b) + 0.5) * 10 / double(bins), double(count[b])});
                top = std::max(top, count[b]);
            }
            d.gap();
        }
    }
    figs.write(tag + "_kinks", d);
    std::ostringstream gp;
    gp << "set xrange [-0.5:" << double(r.epochs) - 0.5 << "]\nset yrange [-5:5]\n"
       << "set xlabel 'epoch'\nset ylabel 'kink x = -b/w'\nset ytics 2.5\n"
       << "set cbrange [0:" << std::max(4, top / 2) << "]\nset cblabel 'units per bin'\n"
       << "set palette defined (0 'white', 1 '#9ecae1', 3 '#3182bd', 6 '#08306b')\n"
       << "set grid front\nunset key\nset multiplot layout " << sw.rows.values.size() << ","
       << sw.cols.values.size() << " title 'Hive (" << tag
       << "): where the kinks −b/w sit within the data, epoch by epoch (at μ = 0.99 they "
          "wander)' font ',14'\n";
    for (std::size_t c = 0; c < C; ++c)
        gp << "set title '" << cell_title(sw, c) << "'\nplot '" << tag << "_kinks.dat' index " << c
           << " using 1:2:3 with image\n";
    gp << "unset multiplot\n";
    figs.png(tag + "_kinks", gp.str(), 1100, 300 + 250 * int(sw.rows.values.size()));
}

}  // namespace ch10

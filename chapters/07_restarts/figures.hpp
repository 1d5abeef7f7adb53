// figures.hpp: chapter 07's figures, one function each, in the order the README shows them:
// the rate curves (and momenta), the line fit's loss and parameters per update, every other
// schedule on the line fit, the Himmelblau runs and their hops against the noise.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "plot/contour.hpp"
#include "plot/figures.hpp"
#include "problems/surfaces.hpp"
#include "restarts.hpp"
#include "schedule/schedule.hpp"
#include "tour.hpp"
#include "train/line_training.hpp"

namespace ch07 {

// A table's ASCII label as a figure writes it: beta1 → β_1, beta2 → β_2, mu → μ.
inline std::string greek(std::string label) {
    const std::pair<const char*, const char*> subs[] = {
        {"beta1", "β_1"}, {"beta2", "β_2"}, {"mu ", "μ "}};
    for (const auto& [from, to] : subs) {
        for (auto at = label.find(from); at != std::string::npos; at = label.find(from, at + 1)) {
            label.replace(at, std::string(from).size(), to);
        }
    }
    return label;
}

// η_t for t = 0..n-1 of each schedule, one block per schedule, on a linear and a log scale.
inline void plot_rates(gd::plot::Figures& figs, const std::vector<const gd::Schedule*>& scheds,
                       const std::vector<std::string>& labels, long n) {
    gd::plot::Data data({"t", "rate"});
    for (std::size_t s = 0; s < scheds.size(); ++s) {
        data.block(labels[s]);
        for (long t = 0; t < n; ++t) data.row({double(t), scheds[s]->rate(t)});
    }
    figs.write("rates", data);
    std::ostringstream gp;
    gp << "set multiplot layout 2,1 title 'Learning-rate schedules over 1000 updates (η₀ = "
          "max\\_lr = 1)'\n"
       << "set xlabel 'update t'\nset ylabel 'rate η_t'\nset key outside right top\n"
       << "set xrange [0:1000]\nset yrange [0:1.05]\n"
       << "set title 'Cosine falls once; SGDR jumps back to η₀; one-cycle warms up first'\n"
       << "plot 'rates.dat' index 0 using 1:2 with lines lt 7 title 'cosine, T = 1000', \\\n"
       << "     '' index 1 using 1:2 with lines lt 2 title 'SGDR, T_0 = 200, T_{mult} = 1', \\\n"
       << "     '' index 2 using 1:2 with lines lt 3 dt 2 title 'SGDR, T_0 = 100, T_{mult} = 2', "
          "\\\n"
       << "     '' index 3 using 1:2 with lines lt 4 title 'one-cycle, 30 % warm-up'\n"
       << "set title 'The same on a log scale: one-cycle ends 25·10^4 times below its peak'\n"
       << "set logscale y\nset format y '10^{%L}'\nset yrange [1e-7:2]\n"
       << "replot\nunset multiplot\n";
    figs.png("rates", gp.str(), 1000, 800);
}

// The other schedules' η_t (top) and the momentum or β1 the cycling ones set (bottom).
inline void plot_more_rates(gd::plot::Figures& figs, const std::vector<TourEntry>& entries,
                            long n) {
    gd::plot::Data data({"t", "rate", "momentum"});
    for (const TourEntry& e : entries) {
        const auto s = e.make();
        data.block(e.label);
        for (long t = 0; t < n; ++t) {
            data.row({double(t), s->rate(t), s->cycles_momentum() ? s->momentum(t) : NAN});
        }
    }
    figs.write("rates_more", data);
    const char* styles[] = {"lt 1", "lt 2",      "lt 3 dt 2",  "lt 7",
                            "lt 4", "lt 5 dt 3", "lt 6 lw 2.5"};
    std::ostringstream rates, momenta;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        rates << (i ? ", \\\n     " : "plot ") << "'rates_more.dat' index " << i
              << " using 1:2 with lines " << styles[i % 7] << " title '" << greek(entries[i].label)
              << "'";
        if (!entries[i].make()->cycles_momentum()) continue;
        momenta << (momenta.tellp() > 0 ? ", \\\n     " : "plot ") << "'rates_more.dat' index " << i
                << " using 1:3 with lines " << styles[i % 7] << " title '"
                << greek(entries[i].label) << "'";
    }
    std::ostringstream gp;
    gp << "set multiplot title 'More schedules over " << n
       << " updates from η₀ = 1, and the momentum the cycling ones set'\n"
       << "set xlabel 'update t'\nset key outside right top\nset xrange [0:" << n << "]\n"
       << "set lmargin at screen 0.10\nset rmargin at screen 0.66\n"
       << "set tmargin at screen 0.90\nset bmargin at screen 0.53\n"
       << "set ylabel 'rate η_t'\nset yrange [0:1.05]\n"
       << "set title 'Steps, polynomials, a warm-up in front of a cosine, cycles'\n"
       << rates.str() << "\n"
       << "set tmargin at screen 0.37\nset bmargin at screen 0.08\n"
       << "set ylabel 'μ_t or β_{1,t}'\nset yrange [0.78:0.97]\n"
       << "set title 'The momentum goes down while the rate goes up'\n"
       << momenta.str() << "\nunset multiplot\n";
    figs.png("rates_more", gp.str(), 1000, 950);
}

// The curves of one column of line.dat (written by plot_line_loss), one per run, the first `k`.
inline std::string line_curves(const std::vector<gd::LineRun>& runs, int col, std::size_t k) {
    const char* lts[] = {"lt 2 lw 1.5", "lt 3 lw 2", "lt 4 lw 2 dt 2", "lt 1 lw 2", "lt 8 lw 1.2"};
    std::ostringstream c;
    for (std::size_t i = 0; i < std::min(k, runs.size()); ++i) {
        c << (i ? ", \\\n     " : "") << "'line.dat' index " << i << " using 1:" << col
          << " with lines " << lts[i % 5] << " title '" << greek(runs[i].name) << "'";
    }
    return c.str();
}

// The line-fit runs' loss per update, with the epochs on the top axis.
inline void plot_line_loss(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs,
                           std::size_t per_epoch) {
    gd::plot::Data data({"update", "a", "b", "loss", "lr"}, 8);
    for (const gd::LineRun& r : runs) {
        data.block(r.name);
        for (std::size_t k = 0; k < r.path.size(); ++k) {
            data.row({double(k), r.path[k].x, r.path[k].y, r.loss[k], r.lr[k]});
        }
    }
    figs.write("line", data);
    const std::size_t epochs = runs[0].updates() / per_epoch;
    std::ostringstream gp;
    gp << "set title 'Loss per update: at β_2 = 0.9 plain Adam never settles; annealed, or at "
          "β_2 = 0.999, it does'\n"
       << "set xlabel 'update (" << per_epoch
       << " per epoch; top axis: epochs, where AdamAnn divides η by 4)'\n"
       << "set ylabel 'mean squared error on all " << per_epoch << " points'\n"
       << "set logscale y\nset format y '10^{%L}'\nset xrange [0:" << runs[0].updates()
       << "]\nset yrange [1e-30:1e4]\n"
       << "set x2range [0:" << epochs << "]\nset x2tics 5\n"
       << "set grid x2tics\nset key bottom left\n"
       << "plot " << line_curves(runs, 4, runs.size()) << "\n";
    figs.png("line_loss", gp.str(), 1000, 620);
}

// a and b per update (from line.dat), against their true values: the first four runs.
inline void plot_line_params(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs) {
    std::ostringstream pp;
    pp << "set multiplot layout 2,1 title 'a and b per update: Adam at η = 1, β_2 = 0.9 keeps "
          "shaking, the annealed runs and β_2 = 0.999 settle'\n"
       << "set lmargin 10\nset xlabel 'update'\nset key outside right top\nset xrange [0:"
       << runs[0].updates() << "]\n"
       << "set ylabel 'a (slope)'\nset yrange [0:3.5]\n"
       << "plot 1.5 with lines dt 2 lc rgb '#444444' lw 1.5 title 'true value', \\\n     "
       << line_curves(runs, 2, 4) << "\n"
       << "set ylabel 'b (intercept)'\nset yrange [-36:4]\n"
       << "plot -28 with lines dt 2 lc rgb '#444444' lw 1.5 title 'true value', \\\n     "
       << line_curves(runs, 3, 4) << "\nunset multiplot\n";
    figs.png("line_params", pp.str(), 1000, 800);
}

// Every other schedule on the line fit: the rate each run used (left, log) and its loss (right,
// log); top the decays, bottom the cycles and the plateau. The control rows of the table
// (labels starting with a blank, "near a peak", "5 ep.") stay in the table only.
inline void plot_line_tour(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs,
                           std::size_t per_epoch) {
    gd::plot::Data data({"update", "a", "b", "loss", "lr"}, 8);
    std::vector<std::size_t> top, bottom;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const gd::Trajectory& r = runs[i];
        data.block(r.label);
        for (std::size_t k = 0; k < r.size(); ++k) {
            data.row({double(r.step[k]), r.x[k], r.y[k], r.loss[k], r.lr[k]});
        }
        const std::string& l = r.label;
        if (l[0] == ' ' || l.find("peak") != std::string::npos ||
            l.find("5 ep.") != std::string::npos)
            continue;
        const bool cycle = l.find("cycl") != std::string::npos || l.find("plateau") == 0;
        (cycle ? bottom : top).push_back(i);
    }
    figs.write("line_tour", data);
    const char* lts[] = {"lt 1", "lt 2 dt 2", "lt 3", "lt 4 dt 3", "lt 7", "lt 5"};
    const auto curves = [&](const std::vector<std::size_t>& which, int col) {
        std::ostringstream c;
        for (std::size_t j = 0; j < which.size(); ++j) {
            c << (j ? ", \\\n     " : "plot ") << "'line_tour.dat' index " << which[j]
              << " using 1:" << col << " with lines " << lts[j % 6] << " lw 1.5 title '"
              << greek(runs[which[j]].label) << "'";
        }
        return c.str() + "\n";
    };
    const std::size_t n = runs[0].size() - 1;
    std::ostringstream gp;
    gp << "set multiplot layout 2,2 title 'The post''s Adam run (η₀ = 1, β_2 = 0.9) under the "
          "other schedules: rate used (left, with the legend), loss (right)'\n"
       << "set xlabel 'update (" << per_epoch << " per epoch)'\nset xrange [0:" << n << "]\n"
       << "set logscale y\nset format y '10^{%L}'\nset key bottom left\n";
    for (const auto* group : {&top, &bottom}) {
        const bool t = group == &top;
        gp << "set title '" << (t ? "Decays" : "Cycles and a plateau") << ": the rate'\n"
           << "set ylabel 'rate η_t'\nset yrange [1e-9:3]\n"
           << curves(*group, 5) << "set title '" << (t ? "Decays" : "Cycles and a plateau")
           << ": the loss'\nset ylabel 'mean squared error'\nset yrange [1e-19:1e4]\n"
           << "unset key\n"  // the same runs, the same styles as the legend on the left
           << curves(*group, 4) << "set key bottom left\n";
    }
    gp << "unset multiplot\n";
    figs.png("line_tour", gp.str(), 1400, 1000);
}

// Both maps side by side, each path coloured by the minimum it ends in.
inline void plot_himmelblau(gd::plot::Figures& figs, const Explored& ex, int grid, int stride) {
    const gd::Himmelblau f;
    const int colour[] = {2, 3, 4, 7};  // lt of the four minima
    gd::plot::Data data({"step", "x", "y", "minimum"}, 6);
    for (const auto* set : {&ex.cosine, &ex.sgdr}) {
        for (const Exploration& e : *set) {
            data.block("run ending in minimum " + std::to_string(e.ends_in));
            const std::size_t n = e.path.size();
            for (std::size_t k = 0; k < n; k += stride) {
                data.row({double(k), e.path.x[k], e.path.y[k], double(colour[e.ends_in])});
            }
            data.row({double(n - 1), e.path.x[n - 1], e.path.y[n - 1], double(colour[e.ends_in])});
        }
    }
    figs.write("himmelblau", data);
    gd::plot::Data ends({"x", "y", "minimum"}, 6);  // where each run stops, a dot per run
    for (const auto* set : {&ex.cosine, &ex.sgdr}) {
        ends.block("end points");
        for (const Exploration& e : *set) {
            ends.row({e.path.x.back(), e.path.y.back(), double(colour[e.ends_in])});
        }
    }
    figs.write("himmelblau_ends", ends);
    const gd::Box box = f.frame();
    const auto value = [&](double x, double y) { return f.value(x, y); };
    const gd::Surface surf = gd::write_surface(figs, "himmelblau_surface", value, box, grid);
    const std::size_t n = ex.sgdr.size();
    std::ostringstream gp;
    gp << "set multiplot layout 1,2 title 'Himmelblau, " << n
       << " noisy SGD+momentum runs from the same starts: each path coloured by the minimum it "
          "ends in'\n"
       << "set xlabel 'x'\nset ylabel 'y'\nset size ratio -1\nunset colorbox\n"
       << "set key at screen 0.5, screen 0.035 center center horizontal\nset bmargin 6\n";
    const char* titles[] = {"one cosine over the run", "warm restarts (SGDR)"};
    for (int panel = 0; panel < 2; ++panel) {
        gp << "set title '" << titles[panel] << "'\n"
           << gd::contour_map("himmelblau_surface", box, surf, 14) << ", \\\n"
           << "     'himmelblau.dat' index " << panel * n << ":" << panel * n + n - 1
           << " using 2:3:4 with lines lc variable lw 0.7 notitle, \\\n"
           << "     '' index " << panel * n << ":" << panel * n + n - 1
           << " every ::0::0 using 2:3 with points pt 6 ps 1 lc rgb '#333333' notitle, \\\n"
           << "     'himmelblau_ends.dat' index " << panel
           << " using 1:2:3 with points pt 7 ps 1.6 lc variable notitle, \\\n";
        const char* mins[] = {"(3, 2)", "(-2.81, 3.13)", "(-3.78, -3.28)", "(3.58, -1.85)"};
        for (int m = 0; m < 4; ++m) {
            gp << "     NaN with lines lt " << colour[m] << " lw 3 title 'ends at " << mins[m]
               << "'" << (m < 3 ? ", \\\n" : "\n");
        }
        if (panel == 0) gp << "unset key\n";
    }
    gp << "unset multiplot\n";
    figs.png("himmelblau", gp.str(), 1500, 820);
}

// Hops against the noise under a constant rate, one cosine and SGDR (rows[k]: one tally per
// schedule, at noise sigmas[k]).
inline void plot_noise_sweep(gd::plot::Figures& figs, const std::vector<std::vector<Tally>>& rows,
                             const std::vector<double>& sigmas, int runs) {
    gd::plot::Data data({"sigma", "hops", "runs_hopped"});
    const char* names[] = {"constant rate", "one cosine", "SGDR (restarts)"};
    for (std::size_t s = 0; s < 3; ++s) {
        data.block(names[s]);
        for (std::size_t k = 0; k < rows.size(); ++k) {
            data.row({sigmas[k], double(rows[k][s].hops), double(rows[k][s].runs_hopped)});
        }
    }
    figs.write("himmelblau_noise", data);
    std::ostringstream gp;
    gp << "set title 'Hops need noise: none up to σ = 10; then restarts hop more than one cosine, "
          "less than a constant rate'\n"
       << "set xlabel 'gradient noise σ'\nset ylabel 'in " << runs
       << " runs: hops (solid), runs that hopped (dashed)'\nset key top left\nset xrange [0:"
       << sigmas.back() << "]\nset yrange [0:*]\n"
       << "plot 'himmelblau_noise.dat' index 0 using 1:2 with linespoints lt 8 title '" << names[0]
       << "', \\\n     '' index 1 using 1:2 with linespoints lt 1 title '" << names[1]
       << "', \\\n     '' index 2 using 1:2 with linespoints lt 2 title '" << names[2]
       << "', \\\n     '' index 0 using 1:3 with linespoints lt 8 dt 2 notitle"
       << ", \\\n     '' index 1 using 1:3 with linespoints lt 1 dt 2 notitle"
       << ", \\\n     '' index 2 using 1:3 with linespoints lt 2 dt 2 notitle\n";
    figs.png("himmelblau_noise", gp.str(), 1000, 620);
}

}  // namespace ch07

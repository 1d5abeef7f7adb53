// figures.hpp: chapter 07's figures, one function each, in the order the README shows them:
// the rate curves, the line fit's loss and parameters per update, the Himmelblau runs.
#pragma once

#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "plot/contour.hpp"
#include "plot/figures.hpp"
#include "problems/surfaces.hpp"
#include "restarts.hpp"
#include "schedule/schedule.hpp"
#include "train/line_training.hpp"

namespace ch07 {

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

// The curves of one column of line.dat (written by plot_line_loss), one per run.
inline std::string line_curves(const std::vector<gd::LineRun>& runs, int col) {
    const char* lts[] = {"lt 2 lw 1.5", "lt 3 lw 2", "lt 4 lw 2 dt 2"};
    std::ostringstream c;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        c << (i ? ", \\\n     " : "") << "'line.dat' index " << i << " using 1:" << col
          << " with lines " << lts[i] << " title '" << runs[i].name << "'";
    }
    return c.str();
}

// The line-fit runs' loss per update, with AdamAnn's epochs on the top axis.
inline void plot_line_loss(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs) {
    gd::plot::Data data({"update", "a", "b", "loss", "lr"}, 8);
    for (const gd::LineRun& r : runs) {
        data.block(r.name);
        for (std::size_t k = 0; k < r.path.size(); ++k) {
            data.row({double(k), r.path[k].x, r.path[k].y, r.loss[k], r.lr[k]});
        }
    }
    figs.write("line", data);
    std::ostringstream gp;
    gp << "set title 'Loss per update: plain Adam stalls between 0.4 and 20, the annealed runs "
          "keep falling'\n"
       << "set xlabel 'update (20 per epoch; top axis: epochs, where AdamAnn divides η by 4)'\n"
       << "set ylabel 'mean squared error on all 20 points'\n"
       << "set logscale y\nset format y '10^{%L}'\nset xrange [0:*]\n"
       << "set x2range [0:50]\nset x2tics 5\n"
       << "set grid x2tics\nset key bottom left\n"
       << "plot " << line_curves(runs, 4) << "\n";
    figs.png("line_loss", gp.str(), 950, 600);
}

// a and b per update (from line.dat), against their true values.
inline void plot_line_params(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs) {
    std::ostringstream pp;
    pp << "set multiplot layout 2,1 title 'a and b per update: Adam at η = 1 keeps shaking, the "
          "annealed runs settle'\n"
       << "set xlabel 'update (20 per epoch)'\nset key outside right top\nset xrange [0:*]\n"
       << "set ylabel 'a (slope)'\nset yrange [0:3.5]\n"
       << "plot 1.5 with lines dt 2 lc rgb '#444444' lw 1.5 title 'true value', \\\n     "
       << line_curves(runs, 2) << "\n"
       << "set ylabel 'b (intercept)'\nset yrange [-36:4]\n"
       << "plot -28 with lines dt 2 lc rgb '#444444' lw 1.5 title 'true value', \\\n     "
       << line_curves(runs, 3) << "\nunset multiplot\n";
    figs.png("line_params", pp.str(), 1000, 800);
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

}  // namespace ch07

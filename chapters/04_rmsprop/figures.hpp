// figures.hpp: chapter 04's figures. Three drawings (paths on a contour map, step sizes per
// coordinate, loss), each made twice, for the line fit and for the ravine: one function per
// figure, in the order the README shows them. Each writes its data and gnuplot script through
// gd::plot::Figures (common/plot/figures.hpp), so every picture can be redrawn from its folder.
#pragma once

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "adaptive.hpp"
#include "plot/figures.hpp"
#include "plot/paths.hpp"
#include "problems/plane.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace ch04 {

// ---- The three drawings ------------------------------------------------------------------------

// Paths on a contour map, with the legend where it hides nothing.
inline void draw_paths(gd::plot::Figures& figs, const std::string& slug, const gd::Surface2& f,
                       const std::vector<Run>& runs, const std::string& title,
                       const std::string& axes, const std::string& key, gd::Box box, int grid) {
    std::vector<gd::Trajectory> paths;
    paths.reserve(runs.size());
    for (const Run& r : runs) paths.push_back(r.path);
    gd::PathsLook look;
    look.key = key, look.axes = axes, look.box = box;
    look.styles = {"lw 1.5 pt 7 ps 0.45"};
    look.start = gd::PathsLook::shared;
    look.height = 700;
    gd::plot_paths(figs, slug, f, paths, title, grid, look);
}

// Step sizes over the steps, log-log, one panel per coordinate, one legend below both; the
// dashed line is c/√t through run `guide`'s first step size: its rate if g never changed.
inline void plot_rates(gd::plot::Figures& figs, const std::string& slug,
                       const std::vector<Run>& runs, const std::string& title,
                       const char* const names[2], std::size_t guide) {
    gd::plot::Data data({"t", "rate_x", "rate_y"});
    for (const Run& r : runs) {
        data.block(r.path.label);
        for (std::size_t k = 0; k < r.rate_x.size(); ++k)
            data.row({double(k + 1), r.rate_x[k], r.rate_y[k]});
    }
    figs.write(slug, data);
    std::ostringstream g;
    g << "set multiplot layout 1,2 title '" << title << "' margins screen 0.07, 0.76, 0.13, 0.87 "
      << "spacing screen 0.09\n"
      << "set logscale xy\nset format y '10^{%L}'\nset xlabel 'step t'\nset autoscale xfix\n";
    for (int c = 0; c < 2; ++c) {
        g << "set title 'along " << names[c] << "'\nset ylabel 'step size along " << names[c]
          << ",  η / (√s + ε)'\n"
          << (c == 0 ? "unset key\n" : "set key at screen 0.995, 0.5 right center width -7\n")
          << "plot ";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            g << "'" << slug << ".dat' index " << i << " using 1:" << c + 2 << " with lines lt "
              << gd::path_linetype(i) << " title '" << runs[i].path.label << "', ";
        }
        const double r1 = c == 0 ? runs[guide].rate_x[0] : runs[guide].rate_y[0];
        g << r1 << "/sqrt(x) with lines dt 2 lc rgb '#666666' title '∝ 1/√t ("
          << runs[guide].path.label << ", g fixed)'\n";
    }
    g << "unset multiplot\n";
    figs.png(slug, g.str(), 1350, 560);
}

// Loss over the steps on a log scale.
inline void plot_loss(gd::plot::Figures& figs, const std::string& slug,
                      const std::vector<Run>& runs, const std::string& title) {
    gd::plot::Data data({"t", "loss"});
    for (const Run& r : runs) {
        data.block(r.path.label);
        for (std::size_t k = 0; k < r.path.size(); ++k)
            data.row({double(r.path.step[k]), std::max(r.path.loss[k], 1e-300)});
    }
    figs.write(slug, data);
    std::ostringstream g;
    g << "set title '" << title << "'\nset xlabel 'step t'\nset ylabel 'loss'\n"
      << "set logscale y\nset format y '10^{%L}'\nset yrange [1e-16:*]\nset key bottom left\n"
      << "plot ";
    for (std::size_t i = 0; i < runs.size(); ++i) {
        g << "'" << slug << ".dat' index " << i << " using 1:2 with lines lt "
          << gd::path_linetype(i) << " title '" << runs[i].path.label << "'"
          << (i + 1 < runs.size() ? ", " : "\n");
    }
    figs.png(slug, g.str());
}

// ---- The figures -------------------------------------------------------------------------------

inline void plot_line_rates(gd::plot::Figures& figs, const std::vector<Run>& line) {
    const char* ab[] = {"a", "b"};
    plot_rates(figs, "line_rates", line,
               "Line fit: AdaGrad''s step size along b falls like 1/√t, RMSprop''s does not", ab,
               1);
}

inline void plot_line_paths(gd::plot::Figures& figs, const std::vector<Run>& line, int grid) {
    draw_paths(figs, "line_paths", gd::LinearFit(), line,
               "Line fit: AdaGrad''s steps along b die away, RMSprop''s do not",
               "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\n", "bottom right",
               {-0.5, 5.5, -32, 3}, grid);
}

inline void plot_line_loss(gd::plot::Figures& figs, const std::vector<Run>& line) {
    plot_loss(figs, "line_loss", line, "Line fit: AdaGrad crawls, RMSprop arrives, then hovers");
}

inline void plot_race_paths(gd::plot::Figures& figs, const std::vector<Run>& race, int grid) {
    draw_paths(figs, "race_paths", gd::Ravine(), race,
               "Ravine 0.1x² + 2y²: the adaptive methods take the diagonal",
               "set xlabel 'x'\nset ylabel 'y'\n", "top left", {-6, 2, -2.5, 3}, grid);
}

inline void plot_race_rates(gd::plot::Figures& figs, const std::vector<Run>& race) {
    const char* xy[] = {"x", "y"};
    plot_rates(figs, "race_rates", race,
               "Ravine: step sizes per coordinate, large along the shallow x, small along y", xy,
               1);
}

inline void plot_race_loss(gd::plot::Figures& figs, const std::vector<Run>& race) {
    plot_loss(figs, "race_loss", race, "Ravine: loss per step");
}

// The race as a GIF: GD, AdaGrad, RMSprop and centered RMSprop.
inline void animate_race(gd::plot::Figures& figs, const std::vector<Run>& race, int frames,
                         int grid) {
    gd::animate_paths(figs, "race", gd::Ravine(),
                      {race[0].path, race[1].path, race[2].path, race[3].path},
                      "Ravine race: AdaGrad is still short of the minimum", frames, grid);
}

}  // namespace ch04

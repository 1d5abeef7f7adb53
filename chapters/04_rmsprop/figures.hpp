// figures.hpp: chapter 04's figures, one function per figure, in the order the README shows them.
// Each writes its data and gnuplot script through gd::plot::Figures (common/plot/figures.hpp), so
// every picture can be redrawn from its folder.
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
#include "race.hpp"
#include "train/descent.hpp"

namespace ch04 {

// ---- Shared pieces -----------------------------------------------------------------------------

// The style of racer i, in the order main.cpp races them: GD black, AdaGrad vermilion, RMSprop
// blue, centered RMSprop sky blue (dashed), with momentum grey, Adadelta green, Rprop pink, the
// local gain orange (dash-dotted): no two alike.
inline std::string racer_style(std::size_t i) {
    static const char* styles[] = {"lt 7",      "lt 2", "lt 1",      "lt 6 dt 2",
                                   "lt 8 dt 3", "lt 3", "lt 4 dt 4", "lt 5 dt 5"};
    return styles[i % 8];
}

// A contour map of f (shade and lines: the loss on a log scale) with the paths on it, each in its
// racer's style, the start ringed (and, with mark_end, each path's last point marked); writes
// <slug>.dat and <slug>_surface.dat and returns the
// gnuplot lines. The shared map labels its colour bar log10(loss − floor); here it says what
// the floor is, or, with two maps side by side, the colour bar is left out.
inline std::string map_panel(gd::plot::Figures& figs, const std::string& slug,
                             const gd::Surface2& f, const std::vector<gd::Trajectory>& paths,
                             const std::vector<std::size_t>& styles, gd::Box box, int grid,
                             const std::string& title, const std::string& key, bool colorbox,
                             bool mark_end = false) {
    std::string map = gd::paths_map(figs, slug, f, paths, grid, box);
    const std::string label = "set cblabel 'log_{10}(loss - floor)'";
    if (const auto at = map.find(label); at != std::string::npos) {
        map.replace(at, label.size(),
                    colorbox ? "set cblabel sprintf('shade: log_{10}(loss + "
                               "%.2g)', -floor)"
                             : "unset colorbox");
    }
    std::ostringstream g;
    g << "set title '" << title << "'\nset key " << key << "\n" << map;
    for (std::size_t k = 0; k < paths.size(); ++k) {
        g << ", \\\n     '" << slug << ".dat' index " << k << " using 2:3 with linespoints "
          << racer_style(styles[k]) << " lw 1.5 pt 7 ps 0.4 title '" << paths[k].label << "'";
    }
    g << ", \\\n     '" << slug << ".dat' index 0 every ::0::0 using 2:3 with points pt 6 ps "
      << "2.5 lw 2 lc rgb 'black' title 'start'";
    if (mark_end) {  // where each path is at its last point drawn
        for (std::size_t k = 0; k < paths.size(); ++k) {
            const std::size_t last = paths[k].size() - 1;
            g << ", \\\n     '" << slug << ".dat' index " << k << " every ::" << last
              << "::" << last << " using 2:3 with points " << racer_style(styles[k])
              << " pt 7 ps 1.8 notitle";
        }
    }
    g << "\n";
    return g.str();
}

// The first `shown` updates of the runs `which`, as paths to draw.
inline std::vector<gd::Trajectory> first_steps(const std::vector<Run>& runs,
                                               const std::vector<std::size_t>& which,
                                               std::size_t shown) {
    std::vector<gd::Trajectory> paths;
    for (std::size_t i : which) {
        gd::Trajectory p = runs[i].path;
        const std::size_t n = std::min(p.size(), shown + 1);
        p.step.resize(n), p.x.resize(n), p.y.resize(n), p.loss.resize(n), p.lr.resize(n);
        paths.push_back(p);
    }
    return paths;
}

// The same racers on the ravine (left) and on the ravine turned by 45° (right).
inline void two_maps(gd::plot::Figures& figs, const std::string& slug, const std::vector<Run>& flat,
                     const std::vector<Run>& turned, const std::vector<std::size_t>& which,
                     const std::string& title, int grid, std::size_t shown) {
    std::ostringstream g;
    g << "set multiplot layout 1,2 title '" << title << "'\nset xlabel 'x'\nset ylabel 'y'\n"
      << map_panel(figs, slug, gd::Ravine(), first_steps(flat, which, shown), which, {-6, 2, -3, 3},
                   grid, "ravine 0.1x² + 2y²: its axes are x and y", "top right", false, true)
      << map_panel(figs, slug + "_rotated", gd::RotatedRavine(), first_steps(turned, which, shown),
                   which, {-4.5, 3.5, -6, 2}, grid, "the same ravine turned by 45°", "top left",
                   false, true)
      << "unset multiplot\n";
    figs.png(slug, g.str(), 1500, 700);
}

// Step sizes over the steps, log-log, one panel per coordinate, one legend right of both; the
// dashed line is c/√t through run `guide`'s first step size: its rate if g never changed. The
// optional `limits` draw GD's stability limit 2/λ along each coordinate.
inline void plot_rates(gd::plot::Figures& figs, const std::string& slug,
                       const std::vector<Run>& runs, const std::vector<std::size_t>& which,
                       const std::string& title, const char* const names[2], std::size_t guide,
                       const std::vector<double>& limits = {}) {
    gd::plot::Data data({"t", "rate_x", "rate_y"});
    for (std::size_t i : which) {
        data.block(runs[i].path.label);
        for (std::size_t k = 0; k < runs[i].rate_x.size(); ++k)
            data.row({double(k + 1), runs[i].rate_x[k], runs[i].rate_y[k]});
    }
    figs.write(slug, data);
    std::ostringstream g;
    g << "set multiplot layout 1,2 title '" << title << "' margins screen 0.07, 0.76, 0.13, 0.87 "
      << "spacing screen 0.09\n"
      << "set logscale xy\nset format y '10^{%L}'\nset xlabel 'step t'\nset autoscale xfix\n";
    for (int c = 0; c < 2; ++c) {
        g << "set title 'along " << names[c] << "'\nset ylabel 'step size along " << names[c]
          << ", the factor g is multiplied by'\n"
          << (c == 0 ? "unset key\n" : "set key at screen 0.995, 0.5 right center width -7\n")
          << "plot ";
        for (std::size_t k = 0; k < which.size(); ++k) {
            g << "'" << slug << ".dat' index " << k << " using 1:" << c + 2 << " with lines "
              << racer_style(which[k]) << " title '" << runs[which[k]].path.label << "', ";
        }
        if (!limits.empty()) {
            g << limits[c] << " with lines dt 3 lw 2 lc rgb '#444444' title 'GD''s limit 2/λ', ";
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
                      const std::vector<Run>& runs, const std::string& title,
                      const std::string& key) {
    gd::plot::Data data({"t", "loss"});
    for (const Run& r : runs) {
        data.block(r.path.label);
        for (std::size_t k = 0; k < r.path.size(); ++k)
            data.row({double(r.path.step[k]), std::max(r.path.loss[k], 1e-300)});
    }
    figs.write(slug, data);
    std::ostringstream g;
    g << "set title '" << title << "'\nset xlabel 'step t'\nset ylabel 'loss'\n"
      << "set logscale y\nset format y '10^{%L}'\nset yrange [1e-16:*]\nset key " << key << "\n"
      << "plot ";
    for (std::size_t i = 0; i < runs.size(); ++i) {
        g << "'" << slug << ".dat' index " << i << " using 1:2 with lines " << racer_style(i)
          << " title '" << runs[i].path.label << "'" << (i + 1 < runs.size() ? ", " : "\n");
    }
    figs.png(slug, g.str());
}

// ---- The figures -------------------------------------------------------------------------------

inline void plot_line_rates(gd::plot::Figures& figs, const std::vector<Run>& line) {
    const char* ab[] = {"a", "b"};
    plot_rates(figs, "line_rates", line, {0, 1, 2},
               "Line fit: AdaGrad''s step size along b falls like 1/√t, RMSprop''s does not", ab,
               1);
}

inline void plot_line_paths(gd::plot::Figures& figs, const std::vector<Run>& line, int grid) {
    std::vector<gd::Trajectory> paths;
    paths.reserve(line.size());
    for (const Run& r : line) paths.push_back(r.path);
    std::ostringstream g;
    g << "set xlabel 'a (slope)'\nset ylabel 'b (intercept)'\n"
      << map_panel(figs, "line_paths", gd::LinearFit(), paths, {0, 1, 2}, {-0.5, 5.5, -32, 3}, grid,
                   "Line fit: AdaGrad''s steps along b die away, RMSprop''s do not", "bottom right",
                   true);
    figs.png("line_paths", g.str(), 950, 700);
}

inline void plot_line_loss(gd::plot::Figures& figs, const std::vector<Run>& line) {
    plot_loss(figs, "line_loss", line, "Line fit: AdaGrad crawls, RMSprop arrives, then hovers",
              "at graph 0.98, 0.45 right");
}

inline void plot_race_paths(gd::plot::Figures& figs, const std::vector<Run>& flat,
                            const std::vector<Run>& turned, int grid) {
    two_maps(figs, "race_paths", flat, turned, {0, 1, 2, 3, 4},
             "Where each rule is after 30 steps (large dots): GD 0.41 from the minimum on both; "
             "RMSprop 0.10 on the ravine, 1.85 turned by 45°",
             grid, 30);
}

inline void plot_race_rates(gd::plot::Figures& figs, const std::vector<Run>& flat) {
    const char* xy[] = {"x", "y"};
    plot_rates(figs, "race_rates", flat, {0, 1, 2, 3, 4},
               "Ravine: AdaGrad''s rates level off, RMSprop''s climb past GD''s limit 2/λ and then "
               "hover on it",
               xy, 1, {2 / 0.2, 2 / 4.0});
}

inline void plot_more_paths(gd::plot::Figures& figs, const std::vector<Run>& flat,
                            const std::vector<Run>& turned, int grid) {
    two_maps(figs, "more_paths", flat, turned, {0, 5, 6, 7},
             "After 30 steps (large dots): Adadelta has hardly left the start; the local gain, "
             "which starts as GD, is 0.06 from the minimum on the ravine, 0.36 turned",
             grid, 30);
}

// What each of the library's three rules adapts, per coordinate, on both ravines: Adadelta's rate
// √(d + ε)/√(v + ε) (times η = 1), Rprop's step Δ, the local gain's rate η·k.
inline void plot_adapted(gd::plot::Figures& figs, const std::vector<Run>& flat,
                         const std::vector<Run>& turned) {
    gd::plot::Data data({"t", "x", "y"});
    const std::size_t which[] = {5, 6, 7};
    for (std::size_t i : which) {
        for (const auto* runs : {&flat, &turned}) {
            const Run& r = (*runs)[i];
            data.block(r.path.label + (runs == &flat ? ", ravine" : ", turned"));
            for (std::size_t k = 0; k < r.rate_x.size(); ++k)
                data.row({double(k + 1), r.rate_x[k], r.rate_y[k]});
        }
    }
    figs.write("adapted", data);
    const char* ylabel[] = {"rate  η √(d + ε) / √(v + ε)", "step Δ", "rate  η k"};
    std::ostringstream g;
    const char* keys[] = {"top left", "bottom left", "bottom right"};
    g << "set multiplot layout 1,3 title 'What each rule adapts, per coordinate (solid: the "
         "ravine, "
         "dashed: turned by 45°); the local gain finds 1/λ along each axis of the ravine'\n"
      << "set logscale xy\nset format y '10^{%L}'\nset xlabel 'step t'\nset xrange [1:"
      << flat[5].path.size() - 1 << "]\n";
    for (int p = 0; p < 3; ++p) {
        g << "set title '" << flat[which[p]].path.label << "'\nset ylabel '" << ylabel[p]
          << "'\nset key " << keys[p] << "\n";
        if (p == 2) {
            g << "set yrange [0.02:12]\nset label 1 '1/λ_x = 5' at graph 0.03, first 6.3\n"
              << "set label 2 '1/λ_y = 0.25' at graph 0.03, first 0.21\n"
              << "set arrow 1 from graph 0, first 5 to graph 1, first 5 nohead dt 3\n"
              << "set arrow 2 from graph 0, first 0.25 to graph 1, first 0.25 nohead dt 3\n";
        }
        g << "plot 'adapted.dat' index " << 2 * p << " using 1:2 with lines lt 2 title 'x', \\\n"
          << "     '' index " << 2 * p << " using 1:3 with lines lt 1 title 'y', \\\n"
          << "     '' index " << 2 * p + 1 << " using 1:2 with lines lt 2 dt 2 title 'x, turned', "
          << "\\\n     '' index " << 2 * p + 1
          << " using 1:3 with lines lt 1 dt 2 title 'y, turned'\n";
    }
    g << "unset multiplot\n";
    figs.png("adapted", g.str(), 1650, 560);
}

// The loss of every racer, on both ravines, log-log so the first steps and the last show.
inline void plot_race_loss(gd::plot::Figures& figs, const std::vector<Run>& flat,
                           const std::vector<Run>& turned) {
    gd::plot::Data data({"t", "loss"});
    for (const auto* runs : {&flat, &turned}) {
        for (const Run& r : *runs) {
            data.block(r.path.label);
            for (std::size_t k = 1; k < r.path.size(); ++k)
                data.row({double(r.path.step[k]), std::max(r.path.loss[k], 1e-300)});
        }
    }
    figs.write("race_loss", data);
    const char* titles[] = {"ravine 0.1x² + 2y²", "the same ravine turned by 45°"};
    std::ostringstream g;
    g << "set multiplot layout 1,2 title 'Loss per step: who arrives first depends on the ravine"
         "''s axes, who stays on the rule' margins screen 0.08, 0.79, 0.12, 0.88 spacing screen "
         "0.07\n"
      << "set logscale xy\nset format y '10^{%L}'\nset format x '10^{%L}'\nset xlabel 'step t'\n"
      << "set ylabel 'loss'\nset yrange [1e-40:1e3]\nset xrange [1:" << flat[0].path.size() - 1
      << "]\n";
    for (int p = 0; p < 2; ++p) {
        g << "set title '" << titles[p] << "'\n"
          << (p == 0 ? "unset key\n" : "set key at screen 0.995, 0.5 right center\n")
          << "plot 1e-6 with lines dt 3 lc rgb '#444444' title 'loss 10^{-6}'";
        for (std::size_t i = 0; i < flat.size(); ++i) {
            g << ", \\\n     'race_loss.dat' index " << p * flat.size() + i
              << " using 1:2 with lines " << racer_style(i) << " title '" << flat[i].path.label
              << "'";
        }
        g << "\n";
    }
    g << "unset multiplot\n";
    figs.png("race_loss", g.str(), 1600, 600);
}

// Steps to a loss of 1e-6 against η, for every racer, on both ravines.
inline void plot_sweep(gd::plot::Figures& figs, const Sweep& s) {
    gd::plot::Data data({"eta", "ravine", "rotated"});
    for (std::size_t i = 0; i < s.labels.size(); ++i) {
        data.block(s.labels[i]);
        for (std::size_t k = 0; k < s.etas.size(); ++k) {
            // Runs that never arrive are left out (NaN), not drawn at the budget.
            const auto steps = [](long n) { return n < 0 ? NAN : double(n); };
            data.row({s.etas[k], steps(s.ravine[i][k]), steps(s.rotated[i][k])});
        }
    }
    figs.write("sweep", data);
    const char* titles[] = {"ravine 0.1x² + 2y²", "the same ravine turned by 45°"};
    std::ostringstream g;
    g << "set multiplot layout 1,2 title 'Steps to a loss of 10^{-6} against η: AdaGrad and "
         "RMSprop need 5-8 at their best η on the ravine, about 90 (as GD) turned by 45°' margins "
         "screen 0.08, 0.79, 0.12, 0.88 spacing screen 0.05\n"
      << "set logscale xy\nset format x '10^{%L}'\nset xlabel 'learning rate η (Rprop: its first "
         "step)'\nset yrange [2:3000]\n";
    for (int p = 0; p < 2; ++p) {
        g << "set title '" << titles[p] << "'\n"
          << (p == 0 ? "set ylabel 'first step with loss < 10^{-6}'\nunset key\n"
                     : "unset ylabel\nset key at screen 0.995, 0.5 right center\n")
          << "plot ";
        for (std::size_t i = 0; i < s.labels.size(); ++i) {
            g << (i ? ", \\\n     " : "") << "'sweep.dat' index " << i << " using 1:" << p + 2
              << " with linespoints " << racer_style(i) << " pt 7 ps 0.6 title '" << s.labels[i]
              << "'";
        }
        g << "\n";
    }
    g << "unset multiplot\n";
    figs.png("sweep", g.str(), 1600, 600);
}

// The race as a GIF: GD, AdaGrad, RMSprop and centered RMSprop on the ravine, its first 200 steps.
inline void animate_race(gd::plot::Figures& figs, const std::vector<Run>& race, int frames,
                         int grid) {
    std::vector<gd::Trajectory> paths;
    for (std::size_t i = 0; i < 4; ++i) {
        gd::Trajectory p = race[i].path;
        const std::size_t n = std::min<std::size_t>(p.size(), 201);
        p.step.resize(n), p.x.resize(n), p.y.resize(n), p.loss.resize(n), p.lr.resize(n);
        paths.push_back(p);
    }
    gd::animate_paths(figs, "race", gd::Ravine(), paths,
                      "Ravine race: AdaGrad is still short of the minimum", frames, grid);
}

}  // namespace ch04

// figures.hpp: chapter 02's figures, one function each, in the order the README shows them.
// Each writes its data and gnuplot script through gd::plot::Figures (common/plot/figures.hpp),
// so every picture can be redrawn from its folder.
#pragma once

#include <cmath>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "momentum.hpp"
#include "plot/figures.hpp"
#include "plot/paths.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"
#include "train/line_training.hpp"

namespace ch02 {

// The raw per-sample gradient of one parameter against its moving average: the whole run on
// top, a few epochs close up below.
inline void plot_gradient(gd::plot::Figures& figs, const EmaRun& run, char which, double beta,
                          int zoom_from, int zoom_epochs, std::size_t n) {
    const std::string slug = std::string("gradient_") + which;
    gd::plot::Data data({"update", "g", "v"}, 7);
    for (std::size_t k = 0; k < run.steps.size(); ++k) {
        const Record& r = run.steps[k];
        data.row({double(k + 1), which == 'a' ? r.ga : r.gb, which == 'a' ? r.va : r.vb});
    }
    figs.write(slug, data);
    const std::string name = which == 'a' ? "a (slope)" : "b (intercept)";
    const std::size_t z0 = zoom_from * n, z1 = (zoom_from + zoom_epochs) * n;
    std::ostringstream gp;
    gp << "set multiplot layout 2,1 title 'Gradient of " << name
       << ": the raw per-sample value jumps, its moving average (β = " << beta << ") glides'\n"
       << "set ylabel '∂ℓ_i/∂" << which << "'\nset key top right\n"
       << "set xlabel 'update (20 per epoch)'\nset xrange [0:" << run.steps.size() << "]\n"
       << "set object 1 rect from " << z0 << ", graph 0 to " << z1
       << ", graph 1 fc rgb '#f0e442' fs solid 0.35 noborder behind\n"
       << "plot '" << slug << ".dat' using 1:2 with lines lt 8 lw 0.8 title 'raw gradient g', "
       << "'' using 1:3 with lines lt 2 lw 2 title 'moving average v'\n"
       << "unset object 1\nset xrange [" << z0 << ":" << z1 << "]\n"
       << "set xlabel sprintf('updates %d to %d, close up (the shaded band above)', " << z0 << ", "
       << z1 << ")\n"
       << "plot '" << slug << ".dat' using 1:2 with linespoints lt 8 lw 1 pt 7 ps 0.5 "
       << "title 'raw gradient g', '' using 1:3 with linespoints lt 2 lw 2 pt 7 ps 0.5 "
       << "title 'moving average v', 0 with lines lc rgb '#444444' dt 2 lw 1 notitle\n"
       << "unset multiplot\n";
    figs.png(slug, gp.str(), 1000, 800);
}

// Loss per epoch on the line fit: the average steps like plain SGD, the velocity 1/(1−μ) times
// farther.
inline void plot_line_loss(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs) {
    gd::plot::Data data({"epoch", "loss"});
    for (const auto& r : runs) {
        data.block(r.name);
        for (std::size_t e = 0; e < r.epoch_loss.size(); ++e)
            data.row({double(e), r.epoch_loss[e]});
    }
    figs.write("line_loss", data);
    std::ostringstream gp;
    gp << "set title 'Line fit: at the same η the average is as slow as plain SGD, the velocity "
          "is not'\n"
       << "set xlabel 'epoch (20 per-sample updates)'\n"
       << "set ylabel 'mean squared error on all 20 points'\n"
       << "set logscale y\nset format y '10^{%L}'\nset key bottom left\nset xrange [0:*]\n"
       << "plot 'line_loss.dat' index 0 using 1:2 with lines lt 7 lw 3 title '" << runs[0].name
       << "', '' index 1 using 1:2 with lines lt 2 dt 2 lw 2.5 title '" << runs[1].name
       << "', '' index 2 using 1:2 with lines lt 3 title '" << runs[2].name << "'\n";
    figs.png("line_loss", gp.str());
}

// Step length per update under StepLR: torch's step drops tenfold at once, Δw's decays by α.
inline void plot_schedule(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs) {
    gd::plot::Data data({"update", "step_length"});
    for (const auto& r : runs) {
        data.block(r.label);
        for (std::size_t k = 1; k < r.size(); ++k) {
            data.row({double(r.step[k]), std::hypot(r.x[k] - r.x[k - 1], r.y[k] - r.y[k - 1])});
        }
    }
    figs.write("schedule", data);
    std::ostringstream gp;
    gp << "set title 'When η changes: torch and the EMA rescale the whole velocity, Δw keeps its "
          "old steps'\n"
       << "set xlabel 'update (the rate drops tenfold after updates 25, 50, 75)'\n"
       << "set ylabel 'step length |θ_{t+1} - θ_t|'\nset logscale y\nset format y '10^{%L}'\n"
       << "set key bottom left\nset xrange [0:*]\n"
       << "do for [k = 1:3] { set arrow k from 25*k, graph 0 to 25*k, graph 1 nohead "
          "lc rgb '#999999' dt 2 }\n"
       << "plot 'schedule.dat' index 0 using 1:2 with lines lt 3 lw 4 title '" << runs[0].label
       << "', '' index 1 using 1:2 with lines lt 7 lw 1.5 dt 2 title '" << runs[1].label
       << "', '' index 2 using 1:2 with lines lt 4 lw 2 title '" << runs[2].label << "'\n";
    figs.png("schedule", gp.str());
}

// The paths on the ravine, the wide swings of the largest momentum drawn underneath the others.
inline void plot_ravine_paths(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs,
                              int grid) {
    gd::PathsLook look;
    look.key = "bottom right";
    look.styles = {"lw 2.5 pt 7 ps 0.6", "lw 2.5 pt 7 ps 0.6", "lw 1 pt 7 ps 0.3 dt 1"};
    look.order = {2, 0, 1};
    look.start = gd::PathsLook::none;
    look.before =
        "set label 1 'start' at -5,-2 point pt 6 ps 2.5 lw 2 lc rgb 'black' "
        "offset 1,-0.6 front\n";
    look.height = 650;
    gd::plot_paths(figs, "ravine_paths", gd::Ravine(), runs,
                   "Ravine, same η: momentum 0.5 runs along x twice as fast, 0.9 overshoots and "
                   "swings",
                   grid, look);
}

// Loss per update on the ravine, log scale: straight lines whose slopes are the factors printed.
inline void plot_ravine_loss(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs) {
    gd::plot::Data data({"update", "loss"});
    for (const auto& r : runs) {
        data.block(r.label);
        for (std::size_t k = 0; k < r.size(); ++k) data.row({double(r.step[k]), r.loss[k]});
    }
    figs.write("ravine_loss", data);
    std::ostringstream gp;
    gp << "set title 'Ravine: momentum 0.5 is near critical damping and converges fastest'\n"
       << "set xlabel 'update'\nset ylabel 'f(x, y) = 0.1x^2 + 2y^2'\n"
       << "set logscale y\nset format y '10^{%L}'\nset key bottom left\nset xrange [0:*]\n"
       << "plot 'ravine_loss.dat' index 0 using 1:2 with linespoints lt 2 pt 7 ps 0.5 title '"
       << runs[0].label << "', '' index 1 using 1:2 with linespoints lt 3 pt 7 ps 0.5 title '"
       << runs[1].label << "', '' index 2 using 1:2 with linespoints lt 7 pt 7 ps 0.5 title '"
       << runs[2].label << "'\n";
    figs.png("ravine_loss", gp.str());
}

// The race as a GIF, one frame per update.
inline void animate_ravine(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs,
                           int frames, int grid) {
    gd::animate_paths(figs, "ravine", gd::Ravine(), runs, "Ravine race, the same η for all three",
                      frames, grid);
}

}  // namespace ch02

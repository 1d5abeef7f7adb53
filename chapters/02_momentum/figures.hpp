// figures.hpp: chapter 02's figures, one function each, in the order the README shows them.
// Each writes its data and gnuplot script through gd::plot::Figures (common/plot/figures.hpp),
// so every picture can be redrawn from its folder.
// Notation: g gradient, m the post's average, u torch's velocity, η rate, μ = β momentum, ρ the
// factor by which an axis's error shrinks per update.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "momentum.hpp"
#include "plot/figures.hpp"
#include "plot/paths.hpp"
#include "problems/quadratic_theory.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"
#include "train/line_training.hpp"

namespace ch02 {

// The raw per-sample gradient of one parameter against its moving average: the whole run on
// top, a few epochs close up below.
inline void plot_gradient(gd::plot::Figures& figs, const Recorded& run, char which, double beta,
                          int zoom_from, int zoom_epochs, std::size_t n) {
    const std::string slug = std::string("gradient_") + which;
    gd::plot::Data data({"update", "g", "m"}, 7);
    for (std::size_t k = 0; k < run.steps.size(); ++k) {
        const Record& r = run.steps[k];
        data.row({double(k + 1), which == 'a' ? r.ga : r.gb, which == 'a' ? r.bufa : r.bufb});
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
       << "'' using 1:3 with lines lt 2 lw 2 title 'moving average m'\n"
       << "unset object 1\nset xrange [" << z0 << ":" << z1 << "]\n"
       << "set xlabel sprintf('updates %d to %d, close up (the shaded band above)', " << z0 << ", "
       << z1 << ")\n"
       << "plot '" << slug << ".dat' using 1:2 with linespoints lt 8 lw 1 pt 7 ps 0.5 "
       << "title 'raw gradient g', '' using 1:3 with linespoints lt 2 lw 2 pt 7 ps 0.5 "
       << "title 'moving average m', 0 with lines lc rgb '#444444' dt 2 lw 1 notitle\n"
       << "unset multiplot\n";
    figs.png(slug, gp.str(), 1000, 800);
}

// Left: loss per epoch on the chapter's line fit (the average steps like plain SGD, the velocity
// 1/(1−μ) times farther). Right: the average's loss over plain SGD's, epoch by epoch, there and
// on the post's own comparison: above 1 the average is behind.
inline void plot_line_loss(gd::plot::Figures& figs, const std::vector<gd::LineRun>& runs,
                           const std::vector<gd::LineRun>& post) {
    gd::plot::Data data({"epoch", "value"});
    for (const auto& r : runs) {
        data.block(r.name);
        for (std::size_t e = 0; e < r.epoch_loss.size(); ++e)
            data.row({double(e), r.epoch_loss[e]});
    }
    const auto ratio = [&](const std::string& name, const gd::LineRun& s, const gd::LineRun& m) {
        data.block(name);
        const std::vector<double> r = loss_ratio(s, m);
        for (std::size_t e = 0; e < r.size(); ++e) data.row({double(e + 1), r[e]});
    };
    ratio("ratio, the chapter's 20 points", runs[0], runs[1]);
    ratio("ratio, the post's comparison", post[0], post[1]);
    figs.write("line_loss", data);
    std::ostringstream gp;
    gp << "set multiplot layout 1,2 title 'Line fit: at the same η the average is about as fast as"
          " plain SGD, the velocity is not'\n"
       << "set title 'loss per epoch, the chapter’s 20 points from (0, 0)'\n"
       << "set xlabel 'epoch (20 per-sample updates)'\n"
       << "set ylabel 'mean squared error on all 20 points'\n"
       << "set logscale y\nset format y '10^{%L}'\nset key right center\nset xrange [0:*]\n"
       << "plot 'line_loss.dat' index 0 using 1:2 with lines lt 7 lw 3 title '" << runs[0].name
       << "', '' index 1 using 1:2 with lines lt 2 dt 2 lw 2.5 title '" << runs[1].name
       << "', '' index 2 using 1:2 with lines lt 3 title '" << runs[2].name << "'\n"
       << "unset logscale y\nset format y '%g'\nset key bottom left\n"
       << "set title 'the average’s loss / plain SGD’s (above 1: the average is behind)'\n"
       << "set xlabel 'epoch (log scale)'\nset ylabel 'loss ratio'\nset logscale x\n"
       << "set xrange [1:" << std::max(runs[0].epoch_loss.size(), post[0].epoch_loss.size()) - 1
       << "]\n"
       << "plot 1 with lines lc rgb '#888888' dt 3 notitle, "
       << "'line_loss.dat' index 3 using 1:2 with lines lt 2 lw 2.5 title "
       << "'the chapter’s 20 points from (0, 0)', '' index 4 using 1:2 with lines lt 1 lw 2.5 "
       << "title 'the post’s comparison: 30 points from (1, 1)'\nunset multiplot\n";
    figs.png("line_loss", gp.str(), 1300, 560);
}

// Step length per update under StepLR: torch's step drops tenfold at once, Δθ's decays by μ.
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
    gp << "set title 'When η changes: torch and the average rescale the whole velocity, Δθ keeps "
          "its old steps'\n"
       << "set xlabel 'update (the rate drops tenfold after updates 25, 50, 75)'\n"
       << "set ylabel 'step length |θ_t - θ_{t-1}|'\nset logscale y\nset format y '10^{%L}'\n"
       << "set key bottom left\nset xrange [0:*]\n"
       << "do for [k = 1:3] { set arrow k from 25*k, graph 0 to 25*k, graph 1 nohead "
          "lc rgb '#999999' dt 2 }\n"
       << "plot 'schedule.dat' index 0 using 1:2 with lines lt 3 lw 4 title '" << runs[0].label
       << "', '' index 1 using 1:2 with lines lt 7 lw 1.5 dt 2 title '" << runs[1].label
       << "', '' index 2 using 1:2 with lines lt 4 lw 2 title '" << runs[2].label << "'\n";
    figs.png("schedule", gp.str());
}

// Dampening τ = β: torch's buffer starts at the first gradient, the average at (1−β) of it;
// left the buffers' b components, right the parameters a and b, over the first `updates`.
inline void plot_dampening(gd::plot::Figures& figs, const std::vector<Recorded>& runs, double beta,
                           std::size_t updates) {
    gd::plot::Data data({"update", "buffer_b", "a", "b"});
    for (const Recorded& r : runs) {
        data.block(&r == &runs[0] ? "torch, dampening = momentum" : "the post's average");
        data.row({0.0, NAN, r.line.path[0].x, r.line.path[0].y});
        for (std::size_t t = 1; t <= std::min(updates, r.steps.size()); ++t)
            data.row({double(t), r.steps[t - 1].bufb, r.line.path[t].x, r.line.path[t].y});
    }
    figs.write("dampening", data);
    std::ostringstream gp;
    gp << "set multiplot layout 1,2 title 'SGD(momentum = dampening = " << beta
       << ") is the post’s average started at the first gradient instead of at 0'\n"
       << "set xlabel 'update t'\nset key bottom right\nset xrange [0:" << updates << "]\n"
       << "set title 'the buffers, b component'\nset ylabel 'u_b (torch), m_b (post)'\n"
       << "plot 'dampening.dat' index 0 using 1:2 with linespoints lt 3 pt 7 ps 0.5 "
       << "title 'torch u_b: u_1 = g_1, then u_t = βu_{t-1} + (1-β)g_t', '' index 1 "
       << "using 1:2 with linespoints lt 2 pt 7 ps 0.5 title 'post m_b: m_1 = (1-β)g_1'\n"
       << "set title 'the parameters (true line: a = 1.5, b = -28)'\nset ylabel 'a, b'\n"
       << "set key bottom left\n"
       << "plot 'dampening.dat' index 0 using 1:3 with lines lt 3 title 'a, torch', '' index 1 "
       << "using 1:3 with lines lt 2 title 'a, post', '' index 0 using 1:4 with lines lt 3 dt 2 "
       << "title 'b, torch', '' index 1 using 1:4 with lines lt 2 dt 2 title 'b, post'\n"
       << "unset multiplot\n";
    figs.png("dampening", gp.str(), 1300, 560);
}

// The paths on the ravine, the wide swings of the largest momentum drawn underneath the others.
inline void plot_ravine_paths(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs,
                              double lr, int grid) {
    gd::PathsLook look;
    look.key = "bottom right";
    look.styles = {"lw 2.5 pt 7 ps 0.6", "lw 2.5 pt 7 ps 0.6", "lw 1 pt 7 ps 0.3 dt 1"};
    look.order = {2, 0, 1};
    look.start = gd::PathsLook::none;
    look.before =
        "set label 1 'start' at -5,-2 point pt 6 ps 2.5 lw 2 lc rgb 'black' "
        "offset 1,-0.6 front\n";
    look.height = 650;
    std::ostringstream title;
    title << "Ravine, all at η = " << lr << ": momentum lengthens the steps along x, and keeps "
          << "swinging across y";
    gd::plot_paths(figs, "ravine_paths", gd::Ravine(), runs, title.str(), grid, look);
}

// |x_t| and |y_t| per update, log scale: the error along the ravine and across it, each falling
// by its own ρ per update; mus[i] is run i's momentum.
inline void plot_ravine_axes(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs,
                             const std::vector<double>& mus, double lr) {
    gd::plot::Data data({"update", "abs_x", "abs_y"});
    for (const auto& r : runs) {
        data.block(r.label);
        for (std::size_t k = 0; k < r.size(); ++k)
            data.row({double(r.step[k]), std::abs(r.x[k]), std::abs(r.y[k])});
    }
    figs.write("ravine_axes", data);
    std::ostringstream gp;
    gp.precision(3);
    gp << "set multiplot layout 1,2 title 'Ravine at η = " << lr
       << ": momentum shortens the error along x, and may lengthen it across y'\n"
       << "set logscale y\nset format y '10^{%L}'\nset xlabel 'update t'\nset xrange [0:*]\n"
       << "set key bottom left\n";
    for (int axis = 0; axis < 2; ++axis) {
        const double lambda = axis == 0 ? kLambdaX : kLambdaY;
        gp << "set title '"
           << (axis == 0 ? "along the ravine: |x_t|, λ = 0.2" : "across the ravine: |y_t|, λ = 4")
           << ", each line falls as ρ^t'\nset ylabel '" << (axis == 0 ? "|x_t|" : "|y_t|")
           << "'\nplot ";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            gp << (i ? ", \\\n     " : "") << "'ravine_axes.dat' index " << i
               << " using 1:" << 2 + axis << " with linespoints lt " << gd::path_linetype(i)
               << " pt 7 ps 0.4 title '" << runs[i].label
               << ", ρ = " << gd::heavy_ball_radius(lr, mus[i], lambda) << "'";
        }
        gp << "\n";
    }
    gp << "unset multiplot\n";
    figs.png("ravine_axes", gp.str(), 1300, 560);
}

// The sweep over μ at the chapter's η: theory's ρ on each axis as curves, plain GD's as flat
// lines, and each run's measured √(loss factor) as a point on the worse axis's curve.
inline void plot_sweep(gd::plot::Figures& figs, const std::vector<RavineRate>& rows, double lr) {
    gd::plot::Data data({"mu", "rho_x", "rho_y"});
    data.block("theory, heavy ball on each axis");
    for (int k = 0; k <= 990; k += 2) {
        const double mu = k / 1000.0;
        data.row(
            {mu, gd::heavy_ball_radius(lr, mu, kLambdaX), gd::heavy_ball_radius(lr, mu, kLambdaY)});
    }
    data.block("measured: sqrt(loss factor) of each run");
    for (const RavineRate& r : rows)
        if (!r.diverged) data.row({r.mu, std::sqrt(r.measured), NAN});
    figs.write("sweep", data);
    const double gx = gd::heavy_ball_radius(lr, 0, kLambdaX);
    const double gy = gd::heavy_ball_radius(lr, 0, kLambdaY);
    const MomentumRange x = where_momentum_helps(lr, {kLambdaX});
    const MomentumRange y = where_momentum_helps(lr, {kLambdaY});
    std::ostringstream gp;
    gp.precision(3);
    gp << "set title 'Momentum at η = " << lr << ": faster than plain GD along x while μ < "
       << x.upto << ", across y only while μ < " << y.upto << "'\n"
       << "set xlabel 'momentum μ'\nset ylabel 'ρ: error factor per update (lower is faster)'\n"
       << "set xrange [0:1]\nset yrange [0:" << std::max(1.0, std::max(gx, gy)) * 1.05 << "]\n"
       << "set key bottom right\n"
       << "set label 1 sprintf('x critically damped: μ = %.3f', " << x.best_mu << ") at "
       << x.best_mu << ", " << x.best_rho << " point pt 6 ps 2 offset 1, -1.2\n"
       << "set label 2 sprintf('y critically damped: μ = %.3f', " << y.best_mu << ") at "
       << y.best_mu << ", " << y.best_rho << " point pt 6 ps 2 offset 1, -1\n"
       << "set label 3 'beyond critical damping both axes ring: ρ = √μ' at 0.55, 0.95 "
       << "center\n"
       << "plot 'sweep.dat' index 0 using 1:2 with lines lt 2 lw 2.5 title 'along x (λ = 0.2)', "
       << "'' index 0 using 1:3 with lines lt 1 lw 2.5 title 'across y (λ = 4)', \\\n     " << gx
       << " with lines lt 2 dt 2 lw 1.5 title 'plain GD along x', " << gy
       << " with lines lt 1 dt 2 lw 1.5 title 'plain GD across y', \\\n     "
       << "'' index 1 using 1:2 with points lt 7 pt 7 ps 1.3 title 'measured, the worse axis'\n";
    figs.png("sweep", gp.str(), 1000, 620);
}

// Loss per update on the ravine, log scale: straight lines whose slopes are the factors printed;
// with the best settings of gradient descent and of heavy ball for comparison.
inline void plot_ravine_loss(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs,
                             const std::vector<gd::Trajectory>& best) {
    gd::plot::Data data({"update", "loss"});
    for (const auto* set : {&runs, &best})
        for (const auto& r : *set) {
            data.block(r.label);
            for (std::size_t k = 0; k < r.size(); ++k) data.row({double(r.step[k]), r.loss[k]});
        }
    figs.write("ravine_loss", data);
    std::ostringstream at;
    at << ", η = " << runs[0].lr.front();
    std::ostringstream gp;
    gp << "set title 'Ravine: the loss per update, on a log scale; each line falls by its loss "
          "factor'\n"
       << "set xlabel 'update t'\nset ylabel 'f(x, y) = 0.1x^2 + 2y^2'\n"
       << "set logscale y\nset format y '10^{%L}'\nset key bottom left\nset xrange [0:*]\n"
       << "plot 'ravine_loss.dat' index 0 using 1:2 with linespoints lt 2 pt 7 ps 0.5 title '"
       << runs[0].label << at.str() << "', '' index 1 using 1:2 with linespoints lt 3 pt 7 ps 0.5 "
       << "title '" << runs[1].label << at.str()
       << "', '' index 2 using 1:2 with linespoints lt 7 pt 7 "
       << "ps 0.5 title '" << runs[2].label << at.str()
       << "', \\\n     '' index 3 using 1:2 with lines lt 2 dt 2 lw 2 title '" << best[0].label
       << "', '' index 4 using 1:2 with lines lt 1 lw 3 title '" << best[1].label << "'\n";
    figs.png("ravine_loss", gp.str(), 950, 650);
}

// The race as a GIF, one frame per update.
inline void animate_ravine(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs,
                           int frames, int grid) {
    gd::animate_paths(figs, "ravine", gd::Ravine(), runs, "Ravine race, the same η for all three",
                      frames, grid);
}

}  // namespace ch02

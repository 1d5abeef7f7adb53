// figures.hpp: chapter 03's figures, one function each, in the order the README shows them.
// Each writes its data and gnuplot script through gd::plot::Figures (common/plot/figures.hpp),
// so every picture can be redrawn from its folder.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "nesterov.hpp"
#include "plot/figures.hpp"
#include "plot/paths.hpp"
#include "problems/plane.hpp"
#include "problems/quadratic_theory.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"
#include "train/settling.hpp"

namespace ch03 {

inline std::string fmt_g(double v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

// The first steps of the lecture's form and PyTorch's, on the ravine: PyTorch's points sit on
// the lecture's look-ahead points, not on its weights.
// paths: the lecture's weights, its look-ahead points and PyTorch's θ, `steps` steps each.
inline void plot_forms(gd::plot::Figures& figs, const gd::Surface2& f,
                       const std::vector<gd::Trajectory>& paths, long steps, int grid) {
    std::vector<double> xs, ys;
    for (const auto& p : paths) xs.insert(xs.end(), p.x.begin(), p.x.end());
    for (const auto& p : paths) ys.insert(ys.end(), p.y.begin(), p.y.end());
    const gd::Box box = gd::bounding_box(xs, ys, 0.08);
    std::ostringstream g;
    g << "set title 'The first " << steps << " steps: PyTorch’s θ_t is the lecture’s look-ahead "
      << "point, not its w_t'\nset xlabel 'x'\nset ylabel 'y'\nset key bottom right\n"
      << gd::paths_map(figs, "forms", f, paths, grid, box)
      << ", \\\n     'forms.dat' index 0 using 2:3 with linespoints lt 2 pt 6 ps 1.6 lw 1.5 "
      << "title '" << paths[0].label << "'"
      << ", \\\n     'forms.dat' index 1 using 2:3 with linespoints lt 3 pt 2 ps 2.2 lw 1 dt 2 "
      << "title '" << paths[1].label << "'"
      << ", \\\n     'forms.dat' index 2 using 2:3 with points lt 7 pt 7 ps 0.7 title '"
      << paths[2].label << "'\n";
    figs.png("forms", g.str(), 1000, 650);
}

// Every step of the first 300, then every 10th: the figure looks the same, the data is small.
inline gd::Trajectory thin(const gd::Trajectory& tr, std::size_t keep = 0) {
    gd::Trajectory out;
    out.label = tr.label;
    for (std::size_t k = 0; k < tr.size(); ++k)
        if (k <= 300 || k % 10 == 0 || k + 1 == tr.size() || k == keep)
            out.add(tr.step[k], tr.x[k], tr.y[k], tr.loss[k], tr.lr[k]);
    return out;
}

// The paths with the legend where they are not, and each path's point at step `mark` ringed:
// the map shows where the paths go, the rings how far each got in the same time.
inline void plot_race(gd::plot::Figures& figs, const std::string& slug, const gd::Surface2& f,
                      const Race& r, const std::string& title, const std::string& key, long mark,
                      int grid) {
    const std::vector<gd::Trajectory> paths{thin(r.momentum, mark), thin(r.nesterov, mark)};
    gd::PathsLook look;
    look.key = key;
    look.start = gd::PathsLook::shared;
    std::ostringstream rings;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const auto& steps = paths[i].step;
        const long row = std::find(steps.begin(), steps.end(), mark) - steps.begin();
        if (row >= long(steps.size())) continue;  // the run ended (diverged) before `mark`
        rings << ", \\\n     '" << slug << ".dat' index " << i << " every ::" << row << "::" << row
              << " using 2:3 with points lt " << gd::path_linetype(i) << " pt 6 ps 3 lw 3 title '"
              << (i == 0 ? "momentum" : "Nesterov") << " at step " << mark << "'";
    }
    look.after = rings.str();
    gd::plot_paths(figs, slug, f, paths, title, grid, look);
}

// Loss against step, log scale: the ravine on the left, Rosenbrock (log steps) on the right.
inline void plot_loss(gd::plot::Figures& figs, const std::vector<Race>& races) {
    gd::plot::Data data({"step", "loss"}, 8);
    for (const Race& r : races) {
        for (const gd::Trajectory* tr : {&r.momentum, &r.nesterov}) {
            data.block(r.name + ": " + tr->label);
            const gd::Trajectory t = thin(*tr);
            for (std::size_t k = 0; k < t.size(); ++k) data.row({double(t.step[k]), t.loss[k]});
        }
    }
    figs.write("loss", data);
    std::ostringstream g;
    g << "set multiplot layout 1,2 title 'Loss per step: momentum (orange) against Nesterov "
         "(green), the same η and μ in each race'\n"
      << "set logscale y\nset format y '10^{%L}'\nset yrange [1e-20:1e4]\n"
      << "set ylabel 'loss L(θ_t)'\nset key bottom left\n";
    for (int panel = 0; panel < 2; ++panel) {
        const int first = 2 * panel;  // races 0-1 are the ravine, 2-3 Rosenbrock
        if (panel == 0) {
            g << "set title 'ravine 0.1x² + 2y², start (−5, −2)'\nset xlabel 'step t'\n"
              << "set key top right\n"
              << "set xrange [0:" << races[0].momentum.last_step() << "]\n";
            if (outcome(races[1].nesterov).diverged)
                g << "set label 1 'Nesterov at η = " << races[1].lr << " diverges (off the top)' "
                  << "at graph 0.03, graph 0.05 tc lt 3\n";
        } else {
            g << "unset label 1\nset key bottom left\nset title 'Rosenbrock, start (−1.5, 2)'\n"
              << "set logscale x\nset xlabel 'step t (log scale)'\n"
              << "set xrange [1:" << races[2].momentum.last_step() << "]\n";
        }
        g << "plot 1e-6 with lines lc rgb '#888888' dt 3 lw 1.5 title 'loss 10^{-6}'";
        for (int i = 0; i < 2; ++i) {
            const Race& r = races[first + i];
            const char* style = i == 0 ? " lw 2" : " lw 1.5 dt 2";
            g << ", \\\n     'loss.dat' index " << 2 * (first + i) << " every ::1 using 1:2 "
              << "with lines lt 2" << style << " title '" << r.momentum.label << "'"
              << ", \\\n     'loss.dat' index " << 2 * (first + i) + 1 << " every ::1 using 1:2 "
              << "with lines lt 3" << style << " title '" << r.nesterov.label << "'";
        }
        g << "\n";
    }
    g << "unset multiplot\n";
    figs.png("loss", g.str(), 1400, 620);
}

// The stability edges on the ravine: each method 3 % inside its edge (solid) and 3 % past it
// (dashed), loss against step on a log scale; runs in the order momentum in, out, Nesterov in, out.
inline void plot_edges(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs,
                       double mu) {
    gd::plot::Data data({"step", "loss"});
    for (const auto& r : runs) {
        data.block(r.label);
        for (std::size_t k = 0; k < r.size(); ++k) data.row({double(r.step[k]), r.loss[k]});
    }
    figs.write("edges", data);
    std::ostringstream g;
    g << "set title 'The stability edges at μ = " << mu
      << ": 3 % inside each, the ravine converges;"
      << " 3 % past it, it diverges'\n"
      << "set xlabel 'step t'\nset ylabel 'loss L(θ_t)'\nset logscale y\nset format y '10^{%L}'\n"
      << "set key bottom left\nset xrange [0:*]\nset yrange [1e-30:1e30]\n"
      << "plot 1 with lines lc rgb '#888888' dt 3 notitle";
    for (std::size_t i = 0; i < runs.size(); ++i) {
        g << ", \\\n     'edges.dat' index " << i << " using 1:2 with lines lt " << (i < 2 ? 2 : 3)
          << (i % 2 ? " dt 2" : "") << " lw 2 title '" << runs[i].label
          << (i % 2 ? ", 3 % past the edge" : ", 3 % inside the edge") << "'";
    }
    g << "\n";
    figs.png("edges", g.str(), 1000, 620);
}

// The ravine race over μ at one η: steps to 1e-6, measured (points) and predicted by the linear
// theory (lines, from the start's loss loss0), for both methods.
inline void plot_sweep(gd::plot::Figures& figs, const std::vector<SweepRow>& rows, double lr,
                       double loss0) {
    gd::plot::Data data({"mu", "momentum", "nesterov"});
    data.block("runs: steps until the loss stays below 1e-6");
    for (const SweepRow& r : rows)
        data.row({r.mu, r.s_hb < 0 ? NAN : double(r.s_hb), r.s_nag < 0 ? NAN : double(r.s_nag)});
    data.block("linear theory: predicted steps");
    for (int k = 1; k < 100; ++k) {
        double r_hb = 0, r_nag = 0;
        for (double lambda : {0.2, 4.0}) {
            r_hb = std::max(r_hb, gd::heavy_ball_radius(lr, k / 100.0, lambda));
            r_nag = std::max(r_nag, gd::nesterov_radius(lr, k / 100.0, lambda));
        }
        data.row({k / 100.0, r_hb < 1 ? predicted_steps(loss0, r_hb) : NAN,
                  r_nag < 1 ? predicted_steps(loss0, r_nag) : NAN});
    }
    figs.write("sweep_ravine", data);
    // From which μ of the sweep on Nesterov is faster at every larger μ.
    double from = NAN;
    for (std::size_t i = rows.size(); i-- > 0;) {
        const SweepRow& r = rows[i];
        if (std::string(faster(r.s_hb, r.s_nag)) != "Nesterov") break;
        from = r.mu;
    }
    std::ostringstream g;
    g << "set title 'Ravine at η = " << lr << ": "
      << (std::isnan(from)
              ? std::string("Nesterov is not faster at the largest μ")
              : "Nesterov needs fewer steps from μ = " + fmt_g(from) + " on, where momentum rings")
      << "'\nset xlabel 'momentum μ'\nset ylabel 'steps until the loss stays below 10^{-6}'\n"
      << "set logscale y\nset key top left\nset xrange [0:1]\n"
      << "plot 'sweep_ravine.dat' index 0 using 1:2 with points lt 2 pt 7 ps 1.5 title "
      << "'momentum, run', '' index 1 using 1:2 with lines lt 2 dt 2 title 'momentum, linear "
      << "theory', \\\n     '' index 0 using 1:3 with points lt 3 pt 9 ps 1.7 title 'Nesterov, "
      << "run', '' index 1 using 1:3 with lines lt 3 dt 2 title 'Nesterov, linear theory'\n";
    figs.png("sweep_ravine", g.str(), 1000, 620);
}

// The race as a GIF, cut where both runs have settled, so every frame shows the interesting part.
inline void animate_race(gd::plot::Figures& figs, const std::string& slug, const gd::Surface2& f,
                         const Race& r, const std::string& title, int frames, int grid) {
    long end = 20;
    for (const gd::Trajectory* tr : {&r.momentum, &r.nesterov})
        end = std::max(end, gd::settled_from(tr->loss, 1e-6) + 10);
    std::vector<gd::Trajectory> paths{r.momentum, r.nesterov};
    for (auto& p : paths) {
        const std::size_t n = std::min<std::size_t>(p.size(), end + 1);
        p.step.resize(n), p.x.resize(n), p.y.resize(n), p.loss.resize(n), p.lr.resize(n);
    }
    gd::animate_paths(figs, slug, f, paths, title, frames, grid);
}

}  // namespace ch03

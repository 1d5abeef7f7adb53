// Chapter 03: Nesterov momentum, the look-ahead gradient.
//
// Goal: write the lecture's Nesterov rule (gradient at the look-ahead point w − αΔw) next to
// PyTorch's (gradient at θ, then θ ← θ − η(g + μb)), show they are the same method seen from two
// points, and race plain momentum against Nesterov on the ravine and on Rosenbrock.
//
// Notation: w, Δw, α the lecture's weights, step and momentum; θ, b, μ PyTorch's parameters,
// velocity and momentum; g gradient, η learning rate, λ a curvature, k step.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "nesterov.hpp"
#include "optim/factory.hpp"
#include "plot/figures.hpp"
#include "plot/paths.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace {

using ch03::Vec;

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

// One race: plain momentum and Nesterov, same η, μ, start and number of steps.
struct Race {
    std::string name;
    double lr, mu;
    gd::Trajectory momentum, nesterov;
};

gd::Trajectory run_sgd(const gd::Surface2& f, Vec start, double lr, double mu, bool nesterov,
                       long steps) {
    gd::Sgd<double> opt(lr, mu, 0, 0, nesterov);
    long t = 0;
    gd::Trajectory tr = gd::descend(f, opt, nullptr, start, t, steps);
    tr.label = std::string(nesterov ? "Nesterov" : "momentum") + " (η = " + fmt("%g", lr) +
               ", μ = " + fmt("%g", mu) + ")";
    return tr;
}

Race race(const std::string& name, const gd::Surface2& f, const Vec& start, double lr, double mu,
          long steps) {
    return {name, lr, mu, run_sgd(f, start, lr, mu, false, steps),
            run_sgd(f, start, lr, mu, true, steps)};
}

// ---- The two forms of one rule ----------------------------------------------------------------
// PyTorch's θ_k against the lecture's look-ahead point w_k − αΔw_{k−1} and against its w_k.
void compare_forms(const gd::Surface2& f, const Vec& start, double lr, double mu, long steps) {
    const gd::Trajectory torch = run_sgd(f, start, lr, mu, true, steps);
    const ch03::LookAheadRun lecture = ch03::run_lookahead(f, mu, lr, start, steps);
    double ahead = 0, weights = 0;
    for (std::size_t k = 0; k < torch.size() && k < lecture.w.size(); ++k) {
        ahead = std::max(
            ahead, std::hypot(torch.x[k] - lecture.ahead.x[k], torch.y[k] - lecture.ahead.y[k]));
        weights =
            std::max(weights, std::hypot(torch.x[k] - lecture.w.x[k], torch.y[k] - lecture.w.y[k]));
    }
    std::printf("  %-11s %6g %5g %6ld %22.1e %16.3f\n", f.name().c_str(), lr, mu, steps, ahead,
                weights);
}

// ---- The races --------------------------------------------------------------------------------
// Linear theory on the ravine 0.1x² + 2y²: curvatures λ = 0.2 (along x) and 4 (along y).
void print_theory(double lr, double mu, double loss0) {
    std::printf(
        "\nlinear theory on the ravine at η = %g, μ = %g (radius = error shrink per step):\n", lr,
        mu);
    std::printf("  %-4s %6s %6s %16s %16s\n", "axis", "lambda", "eta*l", "momentum radius",
                "Nesterov radius");
    double r_hb = 0, r_nag = 0;
    for (double lambda : {0.2, 4.0}) {
        const double hb = ch03::heavy_ball_radius(lr, mu, lambda);
        const double nag = ch03::nesterov_radius(lr, mu, lambda);
        std::printf("  %-4s %6g %6.3g %16.3f %16.3f\n", lambda < 1 ? "x" : "y", lambda, lr * lambda,
                    hb, nag);
        r_hb = std::max(r_hb, hb), r_nag = std::max(r_nag, nag);
    }
    std::printf(
        "  stable while ηλ < %.3f (momentum) and ηλ < %.3f (Nesterov): on the ravine "
        "η < %.3f and η < %.3f\n",
        ch03::heavy_ball_limit(mu), ch03::nesterov_limit(mu), ch03::heavy_ball_limit(mu) / 4,
        ch03::nesterov_limit(mu) / 4);
    // The loss is quadratic in the error, so it shrinks by r² per step.
    const auto predicted = [&](double r) { return std::log(loss0 / 1e-6) / (-2 * std::log(r)); };
    std::printf("  predicted steps to loss < 1e-6: momentum %.0f, Nesterov %.0f\n\n",
                predicted(r_hb), predicted(r_nag));
}

std::string settled(const gd::Trajectory& tr) {
    if (tr.diverged_at >= 0) return "diverged at " + std::to_string(tr.diverged_at);
    if (tr.loss.back() > tr.loss.front()) return "diverging";  // growing, not yet overflowed
    const long k = ch03::steps_to_stay_below(tr, 1e-6);
    return k < 0 ? "not yet" : std::to_string(k);
}

void print_races(const std::vector<Race>& races, long early) {
    std::printf("steps until the loss stays below 1e-6, and the loss after %ld steps:\n", early);
    std::printf("  %-22s %6s %5s %6s | %12s %12s | %10s %10s\n", "race", "eta", "mu", "steps",
                "momentum", "Nesterov", "momentum", "Nesterov");
    for (const Race& r : races) {
        const auto loss_at = [&](const gd::Trajectory& tr) {
            return early < long(tr.size()) ? fmt("%10.3g", tr.loss[early]) : "-";
        };
        std::printf("  %-22s %6g %5g %6ld | %12s %12s | %10s %10s\n", r.name.c_str(), r.lr, r.mu,
                    r.momentum.last_step(), settled(r.momentum).c_str(),
                    settled(r.nesterov).c_str(), loss_at(r.momentum).c_str(),
                    loss_at(r.nesterov).c_str());
    }
}

// ---- The figures ------------------------------------------------------------------------------
// The first steps of the lecture's form and PyTorch's, on the ravine: PyTorch's points sit on
// the lecture's look-ahead points, not on its weights.
void plot_forms(gd::plot::Figures& figs, const gd::Surface2& f, const Vec& start, double lr,
                double mu, long steps, int grid) {
    ch03::LookAheadRun lecture = ch03::run_lookahead(f, mu, lr, start, steps);
    gd::Trajectory torch = run_sgd(f, start, lr, mu, true, steps);
    lecture.w.label = "lecture: weights w_k";
    lecture.ahead.label = "lecture: look-ahead w_k − αΔw_{k−1}";
    torch.label = "PyTorch nesterov=True: θ_k";
    const std::vector<gd::Trajectory> paths{lecture.w, lecture.ahead, torch};
    std::vector<double> xs, ys;
    for (const auto& p : paths) xs.insert(xs.end(), p.x.begin(), p.x.end());
    for (const auto& p : paths) ys.insert(ys.end(), p.y.begin(), p.y.end());
    const gd::Box box = gd::bounding_box(xs, ys, 0.08);
    std::ostringstream g;
    g << "set title 'The first " << steps << " steps: PyTorch’s θ_k is the lecture’s look-ahead "
      << "point, not its w_k'\nset xlabel 'x'\nset ylabel 'y'\nset key bottom right\n"
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
gd::Trajectory thin(const gd::Trajectory& tr, std::size_t keep = 0) {
    gd::Trajectory out;
    out.label = tr.label;
    for (std::size_t k = 0; k < tr.size(); ++k)
        if (k <= 300 || k % 10 == 0 || k + 1 == tr.size() || k == keep)
            out.add(tr.step[k], tr.x[k], tr.y[k], tr.loss[k], tr.lr[k]);
    return out;
}

// The paths with the legend where they are not, and each path's point at step `mark` ringed:
// the map shows where the paths go, the rings how far each got in the same time.
void plot_race(gd::plot::Figures& figs, const std::string& slug, const gd::Surface2& f,
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
void plot_loss(gd::plot::Figures& figs, const std::vector<Race>& races) {
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
    g << "set multiplot layout 1,2 title 'Loss per step: Nesterov damps the ringing that keeps "
         "momentum slow, within its smaller stable range of η'\n"
      << "set logscale y\nset format y '10^{%L}'\nset yrange [1e-20:1e4]\n"
      << "set ylabel 'loss L(θ_k)'\nset key bottom left\n";
    for (int panel = 0; panel < 2; ++panel) {
        const int first = 2 * panel;  // races 0-1 are the ravine, 2-3 Rosenbrock
        if (panel == 0) {
            g << "set title 'ravine 0.1x² + 2y², start (−5, −2)'\nset xlabel 'step k'\n"
              << "set xrange [0:" << races[0].momentum.last_step() << "]\n"
              << "set label 1 'Nesterov at η = " << races[1].lr << " leaves the top: diverges' "
              << "at graph 0.04, graph 0.95 tc lt 3\n";
        } else {
            g << "unset label 1\nset title 'Rosenbrock, start (−1.5, 2)'\n"
              << "set logscale x\nset xlabel 'step k (log scale)'\n"
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

// The race as a GIF, cut where both runs have settled, so every frame shows the interesting part.
void animate_race(gd::plot::Figures& figs, const std::string& slug, const gd::Surface2& f,
                  const Race& r, const std::string& title, int frames, int grid) {
    long end = 20;
    for (const gd::Trajectory* tr : {&r.momentum, &r.nesterov})
        end = std::max(end, ch03::steps_to_stay_below(*tr, 1e-6) + 10);
    std::vector<gd::Trajectory> paths{r.momentum, r.nesterov};
    for (auto& p : paths) {
        const std::size_t n = std::min<std::size_t>(p.size(), end + 1);
        p.step.resize(n), p.x.resize(n), p.y.resize(n), p.loss.resize(n), p.lr.resize(n);
    }
    gd::animate_paths(figs, slug, f, paths, title, frames, grid);
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("03_nesterov", [&] {
        gd::Cli cli("03_nesterov", "plain momentum against Nesterov's look-ahead gradient");
        double mu = 0.9, lr_ravine = 0.3, lr_edge = 0.4, lr_rosen = 0.001, mu_high = 0.95;
        int steps_ravine = 300, steps_rosen = 3000, early = 50;
        // Nesterov's look-ahead needs some momentum: μ in (0, 1), both ends open.
        const gd::Range momentum{0.0, 1.0, true, true};
        cli.option("--mu", mu, "momentum μ (= the lecture's α) of the main races", momentum);
        cli.option("--lr-ravine", lr_ravine, "η of the ravine race", gd::positive());
        cli.option("--lr-edge", lr_edge, "η of the second ravine race (past Nesterov's limit)",
                   gd::positive());
        cli.option("--lr-rosenbrock", lr_rosen, "η of both Rosenbrock races", gd::positive());
        cli.option("--mu-high", mu_high, "μ of the second Rosenbrock race", momentum);
        cli.option("--steps-ravine", steps_ravine, "steps of the ravine races", 1, 1000000);
        cli.option("--steps-rosenbrock", steps_rosen, "steps of the Rosenbrock races", 1, 1000000);
        cli.option("--early", early, "the step whose loss the table also prints", 0, 1000000);
        if (!cli.parse(argc, argv)) return 0;

        // The problems: the ravine from (−5, −2), Rosenbrock from (−1.5, 2).
        const gd::Ravine ravine;
        const gd::Rosenbrock rosen;
        const Vec ravine_start{-5.0, -2.0}, rosen_start{-1.5, 2.0};

        // The lecture's form and PyTorch's, step for step.
        std::printf("the lecture's look-ahead form against PyTorch's nesterov=True (α = μ):\n");
        std::printf("  %-11s %6s %5s %6s %22s %16s\n", "surface", "eta", "mu", "steps",
                    "max|theta - ahead|", "max|theta - w|");
        compare_forms(ravine, ravine_start, lr_ravine, mu, steps_ravine);
        compare_forms(rosen, rosen_start, lr_rosen, mu, steps_rosen);

        print_theory(lr_ravine, mu, ravine.value(ravine_start(0), ravine_start(1)));

        // The races. --quick changes only the figures, never these numbers.
        const std::vector<Race> races{
            race("ravine", ravine, ravine_start, lr_ravine, mu, steps_ravine),
            race("ravine, larger eta", ravine, ravine_start, lr_edge, mu, steps_ravine),
            race("rosenbrock", rosen, rosen_start, lr_rosen, mu, steps_rosen),
            race("rosenbrock, larger mu", rosen, rosen_start, lr_rosen, mu_high, steps_rosen)};
        print_races(races, early);
        std::fflush(stdout);  // the table before the notes on std::clog

        gd::plot::Figures figs(cli.out, !cli.no_plot);
        const int grid = cli.quick ? 31 : 101, frames = cli.quick ? 4 : 70;
        plot_forms(figs, ravine, ravine_start, lr_ravine, mu, 12, cli.quick ? 31 : 81);
        plot_race(figs, "race_ravine", ravine, races[0],
                  "Ravine: momentum keeps swinging across the valley, Nesterov settles fast",
                  "bottom right", 10, grid);
        plot_race(figs, "race_rosenbrock", rosen, races[2],
                  "Rosenbrock: momentum rattles down the wall, Nesterov is soon on the floor",
                  "bottom right", early, grid);
        plot_loss(figs, races);
        animate_race(figs, "race_ravine_anim", ravine, races[0],
                     "Ravine: momentum against Nesterov", frames, cli.quick ? 31 : 81);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

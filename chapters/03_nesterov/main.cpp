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
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "figures.hpp"
#include "nesterov.hpp"
#include "optim/sgd.hpp"
#include "plot/figures.hpp"
#include "problems/quadratic_theory.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"
#include "train/settling.hpp"

namespace {

using ch03::Race;
using ch03::Vec;

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

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
        const double hb = gd::heavy_ball_radius(lr, mu, lambda);
        const double nag = gd::nesterov_radius(lr, mu, lambda);
        std::printf("  %-4s %6g %6.3g %16.3f %16.3f\n", lambda < 1 ? "x" : "y", lambda, lr * lambda,
                    hb, nag);
        r_hb = std::max(r_hb, hb), r_nag = std::max(r_nag, nag);
    }
    std::printf(
        "  stable while ηλ < %.3f (momentum) and ηλ < %.3f (Nesterov): on the ravine "
        "η < %.3f and η < %.3f\n",
        gd::heavy_ball_limit(mu), gd::nesterov_limit(mu), gd::heavy_ball_limit(mu) / 4,
        gd::nesterov_limit(mu) / 4);
    // The loss is quadratic in the error, so it shrinks by r² per step.
    const auto predicted = [&](double r) { return std::log(loss0 / 1e-6) / (-2 * std::log(r)); };
    std::printf("  predicted steps to loss < 1e-6: momentum %.0f, Nesterov %.0f\n\n",
                predicted(r_hb), predicted(r_nag));
}

std::string settled(const gd::Trajectory& tr) {
    if (tr.diverged_at >= 0) return "diverged at " + std::to_string(tr.diverged_at);
    if (tr.loss.back() > tr.loss.front()) return "diverging";  // growing, not yet overflowed
    const long k = gd::settled_from(tr.loss, 1e-6);            // descend's row k is step k
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

// The first steps of the lecture's form and PyTorch's, for the figure that sets them side by side.
std::vector<gd::Trajectory> first_steps(const gd::Surface2& f, const Vec& start, double lr,
                                        double mu, long steps) {
    ch03::LookAheadRun lecture = ch03::run_lookahead(f, mu, lr, start, steps);
    gd::Trajectory torch = run_sgd(f, start, lr, mu, true, steps);
    lecture.w.label = "lecture: weights w_k";
    lecture.ahead.label = "lecture: look-ahead w_k − αΔw_{k−1}";
    torch.label = "PyTorch nesterov=True: θ_k";
    return {lecture.w, lecture.ahead, torch};
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
        ch03::plot_forms(figs, ravine, first_steps(ravine, ravine_start, lr_ravine, mu, 12), 12,
                         cli.quick ? 31 : 81);
        ch03::plot_race(figs, "race_ravine", ravine, races[0],
                        "Ravine: momentum keeps swinging across the valley, Nesterov settles fast",
                        "bottom right", 10, grid);
        ch03::plot_race(figs, "race_rosenbrock", rosen, races[2],
                        "Rosenbrock: momentum rattles down the wall, Nesterov is soon on the floor",
                        "bottom right", early, grid);
        ch03::plot_loss(figs, races);
        ch03::animate_race(figs, "race_ravine_anim", ravine, races[0],
                           "Ravine: momentum against Nesterov", frames, cli.quick ? 31 : 81);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

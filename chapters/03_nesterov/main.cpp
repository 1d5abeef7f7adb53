// Chapter 03: Nesterov momentum, the look-ahead gradient.
//
// Goal: write the lecture's Nesterov rule (gradient at the look-ahead point w − μΔw) next to
// PyTorch's (gradient at θ, then θ ← θ − η(g + μu)), show they are the same method seen from two
// points, and race plain momentum against Nesterov on the ravine and on Rosenbrock: where
// Nesterov wins, where it loses, and where it stops being stable.
//
// Notation: w, Δw the lecture's weights and step; θ, u PyTorch's parameters and velocity; μ
// momentum (the lecture's α); g gradient, η learning rate, λ curvature, t step.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "figures.hpp"
#include "nesterov.hpp"
#include "plot/figures.hpp"
#include "problems/quadratic_theory.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace {

using ch03::Race;
using ch03::Vec;

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

gd::Trajectory run_sgd(const gd::Surface2& f, const Vec& start, double lr, double mu, bool nesterov,
                       long steps) {
    gd::Trajectory tr = ch03::run_sgd(f, start, lr, mu, nesterov, steps);
    tr.label = std::string(nesterov ? "Nesterov" : "momentum") + " (η = " + fmt("%.4g", lr) +
               ", μ = " + fmt("%g", mu) + ")";
    return tr;
}

Race race(const std::string& name, const gd::Surface2& f, const Vec& start, double lr, double mu,
          long steps) {
    return {name, lr, mu, run_sgd(f, start, lr, mu, false, steps),
            run_sgd(f, start, lr, mu, true, steps)};
}

// How a run ended: the step from which its loss stays below 1e-6, or why there is none.
std::string settled(const gd::Trajectory& tr) {
    if (tr.diverged_at >= 0) return "diverged at " + std::to_string(tr.diverged_at);
    const ch03::Outcome o = ch03::outcome(tr);
    if (o.diverged) return "diverging";  // growing, not yet overflowed
    return o.settled < 0 ? "not yet" : std::to_string(o.settled);
}

// ---- The two forms of one rule ----------------------------------------------------------------
// PyTorch's θ_t against the lecture's look-ahead point w_t − μΔw_{t−1} and against its w_t.
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

// ---- The linear theory on the ravine 0.1x² + 2y²: curvatures λ = 0.2 (x) and 4 (y) ------------
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
    std::printf("  predicted steps to loss < 1e-6: momentum %.0f, Nesterov %.0f\n",
                ch03::predicted_steps(loss0, r_hb), ch03::predicted_steps(loss0, r_nag));
}

// Each method's stability edge on the ravine's y axis, probed by a run 3 % inside it and one 3 %
// outside: the edge is where runs stop converging.
std::vector<gd::Trajectory> stability_edges(const gd::Surface2& f, const Vec& start, double mu,
                                            long steps) {
    std::printf("  the edges probed (μ = %g, %ld steps): radius across y and the final loss\n", mu,
                steps);
    std::vector<gd::Trajectory> runs;
    for (bool nesterov : {false, true}) {
        const double edge = (nesterov ? gd::nesterov_limit(mu) : gd::heavy_ball_limit(mu)) / 4;
        for (double side : {0.97, 1.03}) {
            runs.push_back(run_sgd(f, start, side * edge, mu, nesterov, steps));
            const double r = nesterov ? gd::nesterov_radius(side * edge, mu, 4)
                                      : gd::heavy_ball_radius(side * edge, mu, 4);
            std::printf("    %-8s η = %.4f (%s the edge %.4f): radius %.4f, loss %.3g\n",
                        nesterov ? "Nesterov" : "momentum", side * edge,
                        side < 1 ? "3 % inside" : "3 % past", edge, r, runs.back().loss.back());
        }
    }
    std::printf("\n");
    return runs;
}

// ---- The races ----------------------------------------------------------------------------------
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
    std::printf("\n");
}

// The ravine race at one η over μ: the theory's radii (the worse axis) and the steps each run
// needs. Nesterov's damping pays only where momentum would ring.
std::vector<ch03::SweepRow> ravine_mu_sweep(const gd::Surface2& f, const Vec& start, double lr,
                                            double mu_extra, long steps) {
    std::vector<double> mus{0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, mu_extra};
    std::sort(mus.begin(), mus.end());
    mus.erase(std::unique(mus.begin(), mus.end()), mus.end());
    std::printf("the ravine race at η = %g over μ (%ld steps; radius: the worse axis):\n", lr,
                steps);
    std::printf("  %5s %16s %16s %14s %14s %10s\n", "mu", "momentum radius", "Nesterov radius",
                "momentum steps", "Nesterov steps", "faster");
    std::vector<ch03::SweepRow> rows;
    for (double mu : mus) {
        const ch03::SweepRow r = ch03::ravine_row(f, start, lr, mu, steps);
        rows.push_back(r);
        std::printf("  %5.2f %16.3f %16.3f %14s %14s %10s\n", mu, r.r_hb, r.r_nag,
                    r.s_hb < 0 ? "-" : std::to_string(r.s_hb).c_str(),
                    r.s_nag < 0 ? "-" : std::to_string(r.s_nag).c_str(),
                    ch03::faster(r.s_hb, r.s_nag));
    }
    std::printf("\n");
    return rows;
}

// Rosenbrock over η × μ: steps to 1e-6 for each, the loss at step `early`, and who is faster;
// then the curvature each method meets in its first steps at 2η.
void rosenbrock_sweep(const gd::Surface2& f, const Vec& start, double lr, double mu, long steps,
                      long early) {
    const ch03::Curvatures c0 = ch03::curvatures(f, start(0), start(1)),
                           c1 = ch03::curvatures(f, 1, 1);
    std::printf("Rosenbrock: largest curvature %.0f at the start, %.0f and %.3f at the minimum\n",
                c0.hi, c1.hi, c1.lo);
    std::printf("  %8s %5s | %14s %14s | %10s %10s | %9s\n", "eta", "mu", "momentum", "Nesterov",
                "momentum", "Nesterov", "faster");
    for (double eta : {lr / 2, lr, 2 * lr}) {
        for (double m : {0.5, 0.8, 0.9, 0.95, 0.97, 0.99}) {
            const gd::Trajectory h = run_sgd(f, start, eta, m, false, steps);
            const gd::Trajectory n = run_sgd(f, start, eta, m, true, steps);
            const auto at = [&](const gd::Trajectory& tr) {
                return early < long(tr.size()) ? fmt("%10.3g", tr.loss[early]) : "-";
            };
            std::printf("  %8g %5.2f | %14s %14s | %10s %10s | %9s\n", eta, m, settled(h).c_str(),
                        settled(n).c_str(), at(h).c_str(), at(n).c_str(), ch03::faster(h, n));
        }
    }
    for (bool nesterov : {false, true}) {
        const gd::Trajectory tr = run_sgd(f, start, 2 * lr, mu, nesterov, 3);
        std::printf("  at eta = %g, mu = %g, %s meets the largest curvatures", 2 * lr, mu,
                    nesterov ? "Nesterov" : "momentum");
        for (std::size_t k = 0; k < tr.size(); ++k)
            std::printf(" %.0f", ch03::curvatures(f, tr.x[k], tr.y[k]).hi);
        std::printf(" at steps 0-%zu\n", tr.size() - 1);
    }
    std::printf("\n");
}

// The first steps of the lecture's form and PyTorch's, for the figure that sets them side by side.
std::vector<gd::Trajectory> first_steps(const gd::Surface2& f, const Vec& start, double lr,
                                        double mu, long steps) {
    ch03::LookAheadRun lecture = ch03::run_lookahead(f, mu, lr, start, steps);
    gd::Trajectory torch = run_sgd(f, start, lr, mu, true, steps);
    lecture.w.label = "lecture: weights w_t";
    lecture.ahead.label = "lecture: look-ahead w_t − μΔw_{t−1}";
    torch.label = "PyTorch nesterov=True: θ_t";
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

        // The theory, and each stability edge probed from both sides.
        print_theory(lr_ravine, mu, ravine.value(ravine_start(0), ravine_start(1)));
        const auto edges = stability_edges(ravine, ravine_start, mu, steps_ravine);

        // The races, then each turned over μ (ravine) and over η × μ (Rosenbrock). --quick
        // changes only the figures, never these numbers.
        const std::vector<Race> races{
            race("ravine", ravine, ravine_start, lr_ravine, mu, steps_ravine),
            race("ravine, larger eta", ravine, ravine_start, lr_edge, mu, steps_ravine),
            race("rosenbrock", rosen, rosen_start, lr_rosen, mu, steps_rosen),
            race("rosenbrock, larger mu", rosen, rosen_start, lr_rosen, mu_high, steps_rosen)};
        print_races(races, early);
        const auto sweep = ravine_mu_sweep(ravine, ravine_start, lr_ravine, mu, 3000);
        rosenbrock_sweep(rosen, rosen_start, lr_rosen, mu, steps_rosen, early);
        std::fflush(stdout);  // the tables before the notes on std::clog

        gd::plot::Figures figs(cli.out, !cli.no_plot);
        const int grid = cli.quick ? 31 : 101, frames = cli.quick ? 4 : 70;
        ch03::plot_forms(figs, ravine, first_steps(ravine, ravine_start, lr_ravine, mu, 12), 12,
                         cli.quick ? 31 : 81);
        const auto title = [&](const Race& r, const char* what) {
            return std::string(what) + ", η = " + fmt("%g", r.lr) + ", μ = " + fmt("%g", r.mu) +
                   ": below 10^{-6} from step " + settled(r.momentum) + " (momentum), " +
                   settled(r.nesterov) + " (Nesterov)";
        };
        ch03::plot_race(figs, "race_ravine", ravine, races[0], title(races[0], "Ravine"),
                        "bottom right", 10, grid);
        ch03::plot_race(figs, "race_rosenbrock", rosen, races[2], title(races[2], "Rosenbrock"),
                        "bottom right", early, grid);
        ch03::plot_loss(figs, races);
        ch03::plot_edges(figs, edges, mu);
        ch03::plot_sweep(figs, sweep, lr_ravine, ravine.value(ravine_start(0), ravine_start(1)));
        ch03::animate_race(figs, "race_ravine_anim", ravine, races[0],
                           "Ravine: momentum against Nesterov", frames, cli.quick ? 31 : 81);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

// Chapter 04: AdaGrad and RMSprop, one step size per coordinate.
//
// Goal: on a ravine, one learning rate cannot suit both walls: the steep direction wants a small
// step, the shallow one a large step. AdaGrad divides each coordinate's step by the root of the
// sum of its squared gradients; we watch that step size shrink like 1/√t until AdaGrad crawls
// (chapter 01's line fit, the ravine). RMSprop averages instead of summing, so it forgets and its
// step size settles at η over the recent gradient size; we race GD, AdaGrad, RMSprop, centered
// RMSprop and RMSprop with momentum on the ravine and check that a steeper wall changes nothing.
//
// Notation: θ = (x, y) parameters, g gradient, η learning rate, t step, s sum or mean of g²,
// α smoothing, ε stability term, μ momentum; "rate" is a coordinate's step size η/(√s + ε).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "adaptive.hpp"
#include "cli/cli.hpp"
#include "figures.hpp"
#include "plot/figures.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace {

using ch04::Kind;
using ch04::Rule;
using ch04::Run;

const double kTol = 1e-6;  // "converged": the loss is below this

// ---- The experiments --------------------------------------------------------------------------

// The table every experiment prints: where each run ended and how its step sizes behaved.
void print_runs(const std::vector<Run>& runs, const char* x, const char* y) {
    std::printf("  %-22s %11s %11s %10s %9s %9s %9s %9s %9s\n", "method", x, y, "loss", "to 1e-6",
                "rate_x@1", "rate_y@1", "rate_x@T", "rate_y@T");
    for (const Run& r : runs) {
        const gd::Trajectory& p = r.path;
        // A run that blew up ends far away: print it in exponent form, not as 300 digits.
        const char* fmt = std::fabs(p.x.back()) + std::fabs(p.y.back()) < 1e6
                              ? "  %-22s %11.5f %11.5f %10.3g %9ld %9.4f %9.4f %9.4f %9.4f"
                              : "  %-22s %11.3e %11.3e %10.3g %9ld %9.4f %9.4f %9.4f %9.4f";
        std::printf(fmt, p.label.c_str(), p.x.back(), p.y.back(), p.loss.back(),
                    ch04::steps_to(p, kTol), r.rate_x[0], r.rate_y[0], r.rate_x.back(),
                    r.rate_y.back());
        if (p.diverged_at >= 0) std::printf("  diverged at step %ld", p.diverged_at);
        std::printf("\n");
    }
}

// (1) AdaGrad on chapter 01's line fit: b's gradient stays large for a long time, so b's step
// size falls like 1/√t and b crawls; RMSprop at the same η forgets and gets there.
std::vector<Run> line_fit(double gd_eta, double eta, double alpha, long steps) {
    const gd::LinearFit f;
    std::vector<Run> runs;
    runs.push_back(ch04::run_rule(f, {"GD", Kind::Gd, gd_eta}, {0, 0}, steps));
    runs.push_back(ch04::run_rule(f, {"AdaGrad", Kind::Adagrad, eta, 1e-10}, {0, 0}, steps));
    runs.push_back(
        ch04::run_rule(f, {"RMSprop", Kind::RmsProp, eta, 1e-8, 0, alpha}, {0, 0}, steps));
    std::printf("Line fit, (a, b) from (0, 0) to (1.5, -28), eta = %g (GD: %g), %ld steps:\n", eta,
                gd_eta, steps);
    print_runs(runs, "a", "b");
    // The loss is quadratic with Hessian H = 2[[mean x², mean x], [mean x, 1]]; plain GD along
    // H's steep eigenvector is stable only for a step below 2/λ_max.
    const gd::Points p = gd::post_points();
    const double n = static_cast<double>(p.size());
    double xx = 0, x1 = 0;
    for (double x : p.x) xx += x * x / n, x1 += x / n;
    const double lmax = (xx + 1) + std::sqrt((xx - 1) * (xx - 1) + 4 * x1 * x1);
    std::printf("  GD's stability limit on this loss: 2/lambda_max = %.4f\n", 2 / lmax);
    return runs;
}

// (2) The race on the ravine 0.1x² + 2y² from (-5, -2), each method at its own sensible rate.
std::vector<Run> ravine_race(const std::vector<Rule>& rules, long steps) {
    const gd::Ravine f;
    std::vector<Run> runs;
    runs.reserve(rules.size());
    for (const Rule& r : rules) runs.push_back(ch04::run_rule(f, r, {-5, -2}, steps));
    std::printf("\nRavine 0.1x^2 + 2y^2 from (-5, -2), %ld steps:\n", steps);
    print_runs(runs, "x", "y");
    // RMSprop's first step: s₁ = (1 − α)g², so the step is η/√(1 − α) in every coordinate.
    const gd::Trajectory& p = runs[2].path;
    std::printf("  RMSprop's first step: |dx| = %.6f, |dy| = %.6f; eta/sqrt(1 - alpha) = %.6f\n",
                std::fabs(p.x[1] - p.x[0]), std::fabs(p.y[1] - p.y[0]),
                rules[2].eta / std::sqrt(1 - rules[2].alpha));
    return runs;
}

// (3) Make the y-wall c times steeper: every y-gradient is c times larger. GD's path changes
// (and at c = 10 it diverges); the adaptive methods divide the scale out, up to ε.
void steeper_wall(const std::vector<Rule>& rules, double c, long steps) {
    const gd::Ravine f;
    const ch04::ScaledRavine fc(c);
    std::printf("\nThe same runs with the y-wall %g times steeper (0.1x^2 + %gy^2):\n", c, 2 * c);
    std::printf("  %-22s %26s\n", "method", "max distance between paths");
    for (const Rule& r : rules) {
        const Run a = ch04::run_rule(f, r, {-5, -2}, steps);
        const Run b = ch04::run_rule(fc, r, {-5, -2}, steps);
        std::printf("  %-22s ", r.label.c_str());
        if (b.path.diverged_at >= 0) {
            std::printf("%26s\n",
                        ("diverged at step " + std::to_string(b.path.diverged_at)).c_str());
            continue;
        }
        double d = 0;
        for (std::size_t k = 0; k < a.path.size(); ++k)
            d = std::max(d, std::hypot(a.path.x[k] - b.path.x[k], a.path.y[k] - b.path.y[k]));
        std::printf("%26.2e\n", d);
    }
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("04_rmsprop", [&] {
        gd::Cli cli("04_rmsprop", "AdaGrad, RMSprop, centered RMSprop: a step size per coordinate");
        int steps = 200, line_steps = 1000;
        double gd_lr = 0.4, adagrad_lr = 0.4, rmsprop_lr = 0.1, momentum_lr = 0.01;
        double line_lr = 0.5, line_gd_lr = 0.03, alpha = 0.99, momentum = 0.9, scale = 10;
        cli.option("--steps", steps, "updates on the ravine", 1, 100000);
        cli.option("--gd-lr", gd_lr, "η of plain gradient descent on the ravine", gd::positive());
        cli.option("--adagrad-lr", adagrad_lr, "η of AdaGrad on the ravine", gd::positive());
        cli.option("--rmsprop-lr", rmsprop_lr, "η of (centered) RMSprop", gd::positive());
        cli.option("--momentum-lr", momentum_lr, "η of RMSprop with momentum", gd::positive());
        cli.option("--alpha", alpha, "RMSprop's smoothing α", gd::unit_open());
        cli.option("--momentum", momentum, "RMSprop's momentum μ", gd::unit_open());
        cli.option("--line-lr", line_lr, "η of AdaGrad and RMSprop on the line fit",
                   gd::positive());
        cli.option("--line-gd-lr", line_gd_lr, "η of plain GD on the line fit", gd::positive());
        cli.option("--line-steps", line_steps, "updates on the line fit", 1, 1000000);
        cli.option("--scale", scale, "how many times steeper the y-wall gets", gd::positive());
        if (!cli.parse(argc, argv)) return 0;

        // (1) AdaGrad's step size dies away: chapter 01's line fit.
        const std::vector<Run> line = line_fit(line_gd_lr, line_lr, alpha, line_steps);

        // (2) The race on the ravine, every method at a rate that suits it.
        const std::vector<Rule> rules{
            {"GD", Kind::Gd, gd_lr},
            {"AdaGrad", Kind::Adagrad, adagrad_lr, 1e-10},
            {"RMSprop", Kind::RmsProp, rmsprop_lr, 1e-8, 0, alpha},
            {"centered RMSprop", Kind::RmsProp, rmsprop_lr, 1e-8, 0, alpha, true},
            {"RMSprop + momentum", Kind::RmsProp, momentum_lr, 1e-8, 0, alpha, false, momentum}};
        const std::vector<Run> race = ravine_race(rules, steps);

        // (3) The adaptive methods do not see how steep a wall is.
        steeper_wall(rules, scale, steps);

        // Figures: --quick coarsens the grids and the animation, never the numbers.
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        const int grid = cli.quick ? 31 : 81;
        ch04::plot_line_rates(figs, line);
        ch04::plot_line_paths(figs, line, grid);
        ch04::plot_line_loss(figs, line);
        ch04::plot_race_paths(figs, race, grid);
        ch04::plot_race_rates(figs, race);
        ch04::plot_race_loss(figs, race);
        ch04::animate_race(figs, race, cli.quick ? 4 : 50, cli.quick ? 31 : 61);
        std::fflush(stdout);  // the table first, then the note on std::clog
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

// Chapter 04: a step size for every coordinate: AdaGrad, RMSprop, Adadelta, Rprop, local gains.
//
// Goal: on a ravine one learning rate cannot suit both walls: the steep direction wants a small
// step, the shallow one a large step. AdaGrad divides each coordinate's step by the root of the
// sum of its squared gradients; we watch that step size shrink like 1/√t until AdaGrad crawls
// (chapter 01's line fit). RMSprop averages instead of summing, so its step size settles, and
// with a constant η never stops growing near a minimum. Then a race of eight rules (plus
// Adadelta, Rprop and the lecture's local gain) on the ravine, whose axes are the coordinates,
// and on the same ravine turned by 45°, where a per-coordinate step size has nothing to grip;
// a sweep over η for each rule on both; and a steeper wall, which the adaptive rules do not see.
//
// Notation: θ = (x, y) parameters, g gradient, η learning rate, t step, s AdaGrad's sum of g²,
// v RMSprop's mean of g², α its decay, ε stability term, μ momentum, λ curvature; a coordinate's
// "rate" is the factor its gradient is multiplied by, η/(√s + ε) for AdaGrad.
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
#include "race.hpp"
#include "schedule/decay.hpp"
#include "train/descent.hpp"
#include "train/settling.hpp"

namespace {

using ch04::Kind;
using ch04::Racer;
using ch04::Rule;
using ch04::Run;

const double kTol = 1e-6;  // "arrived": the loss is below this

// ---- (1) AdaGrad's step size dies away: chapter 01's line fit --------------------------------

// b's gradient stays large for a long time, so b's step size falls like 1/√t and b crawls;
// RMSprop at the same η forgets and gets there.
std::vector<Run> line_fit(double gd_eta, double eta, double alpha, long steps) {
    const gd::LinearFit f;
    std::vector<Run> runs;
    runs.push_back(ch04::run_rule(f, {"GD", Kind::Gd, gd_eta}, {0, 0}, steps));
    runs.push_back(ch04::run_rule(f, {"AdaGrad", Kind::Adagrad, eta, 1e-10}, {0, 0}, steps));
    runs.push_back(
        ch04::run_rule(f, {"RMSprop", Kind::RmsProp, eta, 1e-8, 0, alpha}, {0, 0}, steps));
    std::printf("Line fit, (a, b) from (0, 0) to (1.5, -28), eta = %g (GD: %g), %ld steps:\n", eta,
                gd_eta, steps);
    ch04::print_line_runs(runs);
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

// ---- (2) The race, on the ravine and on the ravine turned by 45° -------------------------------

// Every racer from `start` for `steps` updates; the table says when each arrived, whether it
// stayed, and how much larger a step it gave x than y.
std::vector<Run> race(const gd::Surface2& f, const char* title, gd::Point2 start,
                      const std::vector<Racer>& racers, long steps) {
    std::vector<Run> runs;
    runs.reserve(racers.size());
    for (const Racer& r : racers) runs.push_back(ch04::run_racer(f, r, start, steps));
    std::printf("\n%s from (%.4g, %.4g), loss %.4g, %ld steps:\n", title, start.x, start.y,
                f.value(start.x, start.y), steps);
    ch04::print_race(runs, racers, kTol);
    return runs;
}

// ---- (3) RMSprop at a constant η does not stay: its rate climbs past 2/λ ----------------------

// The same RMSprop with η constant and with η·γᵗ: where the loss bottoms out, when the rate along
// the steep y first passes GD's limit 2/λ_y = 0.5, when the loss is back above 1e-6.
void rebound(const Rule& rms, double gamma, long steps) {
    const gd::Ravine f;
    const gd::ExponentialDecay decay(rms.eta, gamma);
    std::printf("\nRMSprop (eta %g, alpha %g) on the ravine, %ld steps; 2/lambda_y = 0.5:\n",
                rms.eta, rms.alpha, steps);
    std::printf("  %-24s %12s %8s %14s %14s %10s\n", "eta", "lowest loss", "at step",
                "rate_y > 0.5 at", "back > 1e-6 at", "loss@T");
    for (const gd::Schedule* s :
         {static_cast<const gd::Schedule*>(nullptr), static_cast<const gd::Schedule*>(&decay)}) {
        ch04::PerCoordinate opt(rms);
        xt::xarray<double> theta = {-5.0, -2.0};
        long t = 0;
        const gd::Trajectory p = gd::descend(f, opt, s, theta, t, steps);
        const ch04::Rebound r = ch04::rebound_of(p, opt.rates[1], 0.5, kTol);
        const std::string name = s ? "times " + ch04::fmt(gamma) + "^t" : "constant";
        std::printf("  %-24s %12.3g %8ld %14ld %14ld %10.3g\n", name.c_str(), r.lowest, r.at,
                    r.unstable_from, r.back_at, p.loss.back());
    }
}

// ---- (4) Adadelta: no η of its own, but ε sets its first steps and η its last ------------------

// Its first step is η√ε|g|/√((1 − ρ)g² + ε) ≈ η√ε/√(1 − ρ), whatever g, while (1 − ρ)g² ≫ ε
// (printed: along x, where |g| = 1); near the minimum, where both averages are far below ε, its
// rate is η√ε/√ε = η, which must be below 2/λ_y = 0.5 to settle.
void adadelta_knobs(double eta, double rho, double eps, long steps) {
    const gd::Ravine f;
    std::printf("\nAdadelta (rho %g) on the ravine, %ld steps; 2/lambda_y = 0.5:\n", rho, steps);
    std::printf("  %-22s %10s %8s %6s %10s %10s\n", "setting", "first step", "to 1e-6", "stays",
                "loss@T", "rate_y@T");
    for (const auto& [lr, e] : {std::pair{eta, eps}, std::pair{eta, 1e-2}, std::pair{0.4, 1e-2}}) {
        gd::OptimizerConfig c;
        c.rho = rho, c.eps = e;
        const Run r =
            ch04::run_racer(f, ch04::library_racer("", "adadelta", lr, c), {-5, -2}, steps);
        const std::string name = "eta " + ch04::fmt(lr) + ", eps " + ch04::fmt(e);
        std::printf("  %-22s %10.4g %8ld %6ld %10.3g %10.4f\n", name.c_str(),
                    std::fabs(r.path.x[1] - r.path.x[0]), ch04::steps_to(r.path, kTol),
                    gd::settled_from(r.path.loss, kTol), r.path.loss.back(),
                    ch04::last_defined(r.rate_y));
    }
}

// ---- (5) Each rule's best η, on both ravines ------------------------------------------------

// η from 0.001 to 10, ten per decade: the first update with loss below 1e-6, for every racer on
// both surfaces; printed: each racer's fastest η and its step count.
ch04::Sweep sweep(const std::vector<Racer>& racers, long budget) {
    ch04::Sweep s;
    for (int k = -30; k <= 10; ++k) s.etas.push_back(std::pow(10.0, k / 10.0));
    const gd::Ravine ravine;
    const gd::RotatedRavine rotated;
    const gd::Point2 start{-5, -2};
    for (const Racer& r : racers) {
        std::vector<long> a, b;
        for (double eta : s.etas) {
            a.push_back(ch04::arrival(ravine, r, eta, start, budget, kTol));
            b.push_back(ch04::arrival(rotated, r, eta, ch04::turned(start), budget, kTol));
        }
        s.ravine.push_back(a), s.rotated.push_back(b), s.labels.push_back(r.label);
    }
    std::printf(
        "\nSweep: eta from 0.001 to 10 (10 per decade), first step with loss < 1e-6 "
        "within %ld:\n",
        budget);
    ch04::print_sweep(s);
    return s;
}

// ---- (6) A steeper wall changes nothing for the adaptive rules ---------------------------------

// Make the y-wall c times steeper: every y-gradient is c times larger. GD's path changes
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
        gd::Cli cli("04_rmsprop",
                    "AdaGrad, RMSprop, Adadelta, Rprop, local gains: a step size "
                    "per coordinate, on the ravine and the ravine turned by 45°");
        ch04::Settings r;  // the racers' rates and hyperparameters
        int steps = 2000, line_steps = 1000, wall_steps = 200;
        double line_lr = 0.5, line_gd_lr = 0.03, scale = 10, gamma = 0.995;
        cli.option("--steps", steps, "updates per race and per run of the sweep", 1, 100000);
        cli.option("--gd-lr", r.gd, "η of plain gradient descent on the ravines", gd::positive());
        cli.option("--adagrad-lr", r.adagrad, "η of AdaGrad on the ravines", gd::positive());
        cli.option("--rmsprop-lr", r.rmsprop, "η of (centered) RMSprop", gd::positive());
        cli.option("--momentum-lr", r.momentum_lr, "η of RMSprop with momentum", gd::positive());
        cli.option("--alpha", r.alpha, "RMSprop's decay α", gd::unit_open());
        cli.option("--momentum", r.momentum, "RMSprop's momentum μ", gd::unit_open());
        cli.option("--adadelta-lr", r.adadelta, "η Adadelta multiplies by (torch: 1)",
                   gd::positive());
        cli.option("--rho", r.rho, "Adadelta's decay ρ", gd::unit_open());
        cli.option("--adadelta-eps", r.adadelta_eps, "Adadelta's ε", gd::positive());
        cli.option("--rprop-lr", r.rprop, "Rprop's first step Δ (torch's lr)", gd::positive());
        cli.option("--rprop-min", r.rprop_min, "Rprop's smallest step Δmin (torch: 1e-6)",
                   gd::positive());
        cli.option("--gain-lr", r.gain, "η of the local gain", gd::positive());
        cli.option("--gain-step", r.gain_step, "the local gain's ζ: +ζ, ×(1 − ζ)",
                   gd::Range{0, 1, true, true});
        cli.option("--gamma", gamma, "decay of RMSprop's η per step in the rebound's control",
                   gd::Range{0, 1, true, false});
        cli.option("--line-lr", line_lr, "η of AdaGrad and RMSprop on the line fit",
                   gd::positive());
        cli.option("--line-gd-lr", line_gd_lr, "η of plain GD on the line fit", gd::positive());
        cli.option("--line-steps", line_steps, "updates on the line fit", 1, 1000000);
        cli.option("--scale", scale, "how many times steeper the y-wall gets", gd::positive());
        cli.option("--wall-steps", wall_steps, "updates on the steeper wall", 1, 100000);
        if (!cli.parse(argc, argv)) return 0;

        // (1) AdaGrad's step size dies away: chapter 01's line fit.
        const std::vector<Run> line = line_fit(line_gd_lr, line_lr, r.alpha, line_steps);

        // (2) The race: the chapter's five written-out rules, then three from the library.
        const std::vector<Rule> rules = ch04::rules(r);
        const std::vector<Racer> racers = ch04::racers(r);
        const gd::Point2 start{-5, -2};
        const std::vector<Run> flat =
            race(gd::Ravine(), "Ravine 0.1x^2 + 2y^2", start, racers, steps);
        const std::vector<Run> turned = race(gd::RotatedRavine(), "Ravine turned by 45 degrees",
                                             ch04::turned(start), racers, steps);

        // (3) Why RMSprop does not stay, and the decaying η that makes it stay.
        rebound(rules[2], gamma, steps);

        // (4) Adadelta's two knobs, ε and η.
        adadelta_knobs(r.adadelta, r.rho, r.adadelta_eps, steps);

        // (5) Each rule at its best η, on both ravines.
        const ch04::Sweep swept = sweep(racers, steps);

        // (6) The adaptive rules do not see how steep a wall is.
        steeper_wall(rules, scale, wall_steps);

        // Figures: --quick coarsens the grids and the animation, never the numbers.
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        const int grid = cli.quick ? 31 : 81;
        ch04::plot_line_rates(figs, line);
        ch04::plot_line_paths(figs, line, grid);
        ch04::plot_line_loss(figs, line);
        ch04::plot_race_paths(figs, flat, turned, grid);
        ch04::plot_race_rates(figs, flat);
        ch04::plot_more_paths(figs, flat, turned, grid);
        ch04::plot_adapted(figs, flat, turned);
        ch04::plot_race_loss(figs, flat, turned);
        ch04::plot_sweep(figs, swept);
        ch04::animate_race(figs, flat, cli.quick ? 4 : 50, cli.quick ? 31 : 61);
        std::fflush(stdout);  // the tables first, then the note on std::clog
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

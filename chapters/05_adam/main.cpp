// Chapter 05: Adam, momentum and per-coordinate step sizes, with bias correction.
//
// Goal: take Adam apart. Its moving averages start at zero, and the bias correction undoes that:
// we watch the first steps with and without it. On the source post's comparison (30 points,
// η = 1, β = (0.7, 0.9)) Adam reaches the line in a few epochs and never settles; whether it
// settles depends on what v remembers (β2) and on whether the data lie exactly on a line.
// AMSGrad, which keeps the largest second moment, does settle.
// Weight decay: Adam's L2 term goes through the division, AdamW's does not. Last, three
// variants: Adamax (a max for a mean square), NAdam (a look-ahead), RAdam (a built-in warm-up).
//
// Notation: θ = (a, b) parameters, g gradient, η learning rate, β1 β2 the moments' decay rates,
// m first moment, v second moment, t step, ω weight decay, σ the noise in y.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "adam_scalar.hpp"
#include "cli/cli.hpp"
#include "figures.hpp"
#include "optim/factory.hpp"
#include "plot/figures.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "schedule/factory.hpp"
#include "slope.hpp"
#include "tables.hpp"
#include "train/descent.hpp"
#include "variants.hpp"

namespace {

using ch05::Hyper;
using ch05::Run;

// ---- 1. Bias correction: the first steps under a constant gradient -----------------------------

void bias_correction(gd::plot::Figures& figs, const Hyper& post, int n) {
    const Hyper torch;  // torch's defaults, β = (0.9, 0.999)
    ch05::ScalarAdam with(torch);
    gd::AdamNoBias<double> without(torch.lr, torch.beta1, torch.beta2, torch.eps);
    gd::AdamNoBias<double> post_without(post.lr, post.beta1, post.beta2, post.eps);
    const std::vector<std::vector<double>> runs = {ch05::steps_on_a_slope(with, n),
                                                   ch05::steps_on_a_slope(without, n),
                                                   ch05::steps_on_a_slope(post_without, n)};
    ch05::print_first_steps(runs, post, n);
    ch05::plot_first_steps(figs, runs, post.beta1, post.beta2);
}

// ---- 2. The post's setting: fast, then restless -------------------------------------------------

// Adam, the lecture's Adam (no bias correction), AMSGrad, and the three variants, per sample from
// the same start; RAdam's first steps are plain momentum steps at η.
std::vector<Run> restless(const gd::Points& pts, gd::Point2 start, const Hyper& h, int epochs) {
    Hyper ams = h;
    ams.amsgrad = true;
    ch05::ScalarAdam adam(h), amsgrad(ams);
    gd::AdamNoBias<double> lecture(h.lr, h.beta1, h.beta2, h.eps);
    std::vector<Run> runs = {ch05::per_sample("Adam", adam, pts, start, epochs),
                             ch05::per_sample("no correction", lecture, pts, start, epochs),
                             ch05::per_sample("AMSGrad", amsgrad, pts, start, epochs)};
    gd::OptimizerConfig c;
    c.lr = h.lr, c.beta1 = h.beta1, c.beta2 = h.beta2;
    for (const auto& [label, name] : {std::pair{"Adamax", "adamax"}, std::pair{"NAdam", "nadam"},
                                      std::pair{"RAdam", "radam"}}) {
        const auto opt = gd::make_optimizer<double>(name, c);
        runs.push_back(ch05::per_sample(label, *opt, pts, start, epochs));
    }
    ch05::print_runs(runs, pts, start, h, epochs);
    ch05::print_radam_start(runs.back(), h.beta2);
    return runs;
}

// ---- 3. What v remembers: β2, and exact or noisy data -----------------------------------------

// The post's run for several β2, on the exact points and on the same points with noise σ in y:
// the swing after the post's epochs and after `long_epochs`, the first update from which the loss
// is exactly 0, the rate on b (η/√v̂_b) after epochs 1 and 3; and without bias correction.
std::vector<Run> memory(const gd::Points& exact, const gd::Points& noisy, gd::Point2 start, Hyper h,
                        int epochs, int long_epochs, double sigma) {
    ch05::print_memory_header(h, long_epochs);
    std::vector<Run> shown;  // β2 = 0.9 and 0.999 on the exact points, 0.999 on the noisy ones
    for (double sd : {0.0, sigma}) {
        const gd::Points& pts = sd > 0 ? noisy : exact;
        for (double b2 : sd > 0 ? std::vector<double>{0.9, 0.999}
                                : std::vector<double>{0.9, 0.95, 0.99, 0.999}) {
            h.beta2 = b2;
            ch05::ScalarAdam adam(h), longer(h);
            gd::AdamNoBias<double> raw(h.lr, h.beta1, b2, h.eps);
            const std::string label = "beta2 = " + ch05::fmt(b2) + (sd > 0 ? ", noisy" : "");
            const Run a = ch05::per_sample(label, adam, pts, start, epochs);
            const Run l = ch05::per_sample(label, longer, pts, start, long_epochs);
            const Run r = ch05::per_sample("", raw, pts, start, epochs);
            ch05::print_memory_row(a, l, &r, pts, ch05::fmt(b2), sd, h.lr);
            if (b2 == 0.9 ? sd == 0 : b2 == 0.999) shown.push_back(l);
        }
    }
    h.beta2 = 0.9, h.amsgrad = true;  // AMSGrad on the noisy points: its rates are frozen
    ch05::ScalarAdam ams(h), ams_long(h);
    ch05::print_memory_row(ch05::per_sample("", ams, noisy, start, epochs),
                           ch05::per_sample("", ams_long, noisy, start, long_epochs), nullptr,
                           noisy, "AMSGrad", sigma, h.lr);
    std::printf("\n");
    return shown;
}

// ---- 4. The swing is proportional to η ---------------------------------------------------------

// The swing at the end for rates from 1 down to 1/300, over the last 100 epochs of long runs.
void amplitude_sweep(gd::plot::Figures& figs, const gd::Points& pts, gd::Point2 start, Hyper h,
                     int epochs) {
    std::vector<double> rates;
    std::vector<gd::Point2> swings;
    const std::size_t tail = std::min<std::size_t>(100, epochs) * pts.size();
    ch05::print_swing_header(h, epochs, tail);
    for (double lr : {1.0, 0.3, 0.1, 0.03, 0.01, 0.003}) {
        h.lr = lr;
        ch05::ScalarAdam adam(h);
        const Run run = ch05::per_sample("Adam", adam, pts, start, epochs);
        const gd::Point2 s = ch05::swing(run.fit, tail, ch05::best_fit(pts));
        rates.push_back(lr), swings.push_back(s);
        std::printf("  %10g %10.5f %10.5f %12.4f %12.4f\n", lr, s.x, s.y, s.x / lr, s.y / lr);
    }
    std::printf("\n");
    ch05::plot_amplitude(figs, rates, swings);
}

// ---- 5. Weight decay: Adam's L2 penalty against AdamW's decoupled decay -------------------------

// Adam + L2 against AdamW at ω = `decay` (printed, drawn), then where each ends for ω from 1e-3
// to 1: the fraction of a and b that is left.
void weight_decay(gd::plot::Figures& figs, const gd::Surface2& f, gd::Point2 start, Hyper h,
                  double decay, long steps, int grid) {
    const auto pair = [&](double omega, const std::string& a, const std::string& b) {
        Hyper l2 = h, decoupled = h;
        l2.decay = decoupled.decay = omega;
        decoupled.decoupled = true;
        return std::pair{ch05::full_batch(a, f, start, l2, steps),
                         ch05::full_batch(b, f, start, decoupled, steps)};
    };
    const auto [l2, w] = pair(decay, "Adam + L2", "AdamW");
    const std::vector<gd::Trajectory> runs = {
        ch05::full_batch("Adam, no decay", f, start, h, steps), l2, w};
    ch05::print_weight_decay(runs, h, decay, steps, start);
    ch05::plot_weight_decay(figs, runs, f, decay, grid);
    std::vector<double> omegas;
    std::vector<gd::Point2> l2_end, w_end;
    for (int k = 0; k <= 12; ++k) {
        omegas.push_back(std::pow(10.0, -3.0 + k * 3.0 / 12));  // 1e-3 .. 1
        const auto [r, q] = pair(omegas.back(), "", "");
        l2_end.push_back({r.x.back(), r.y.back()});
        w_end.push_back({q.x.back(), q.y.back()});
    }
    ch05::plot_shrinkage(figs, omegas, l2_end, w_end);
}

// ---- 6. Three variants: Adamax, NAdam, RAdam ---------------------------------------------------

// Adamax divides by a decaying maximum of |g|: its largest step, against Adam's, for torch's and
// the post's βs; (1 − β1)/(1 − β1/β2) bounds Adamax's |m̂|/q once the correction has faded.
void adamax_bound(const gd::Points& pts, gd::Point2 start, double lr, int epochs) {
    ch05::print_adamax_header(lr, epochs);
    for (const auto& [b1, b2] : {std::pair{0.9, 0.999}, std::pair{0.7, 0.9}}) {
        gd::OptimizerConfig c;
        c.lr = lr, c.beta1 = b1, c.beta2 = b2;
        double big[2];
        for (int k = 0; k < 2; ++k) {
            const auto opt = gd::make_optimizer<double>(k ? "adamax" : "adam", c);
            big[k] = ch05::largest_step(ch05::per_sample("", *opt, pts, start, epochs).fit) / lr;
        }
        ch05::print_adamax_row(b1, b2, big[0], big[1]);
    }
    std::printf("\n");
}

// NAdam on chapter 04's ravine: Nesterov's look-ahead, torch's slowly warming momentum μ_t, each
// alone: how far x overshoots 0, and when the loss first falls below 1e-6.
std::vector<gd::Trajectory> nadam_ravine(double lr, long steps) {
    gd::OptimizerConfig c;
    c.lr = lr;
    gd::OptimizerConfig lookahead = c, half = c;
    lookahead.momentum_decay = 1e3;  // μ_t = β1 from the first step: the look-ahead alone
    half.beta1 = 0.45;               // Adam at NAdam's first μ_1 = β1/2
    const std::vector<std::pair<std::string, gd::OptimizerConfig>> runs = {
        {"Adam", c},
        {"NAdam (torch)", c},
        {"NAdam, mu = beta1", lookahead},
        {"Adam, beta1 = 0.45", half}};
    std::vector<gd::Trajectory> paths;
    for (const auto& [label, cfg] : runs) {
        const auto opt =
            gd::make_optimizer<double>(label.rfind("NAdam", 0) == 0 ? "nadam" : "adam", cfg);
        paths.push_back(ch05::on_ravine(label, *opt, nullptr, steps));
    }
    std::printf(
        "7. NAdam on the ravine 0.1x^2 + 2y^2 from (-5, -2), lr %g, betas (0.9, 0.999), "
        "%ld steps:\n",
        lr, steps);
    ch05::print_ravine(paths, true);
    ch05::print_mu_t(0.9, 0.004);
    return paths;
}

// RAdam's built-in warm-up next to an explicit one (Adam behind a linear warm-up over N steps
// from F·η): the factor each puts on Adam's step, how widely Adam's adaptive rate is spread when
// the gradients are noise, and the runs on the ravine.
std::vector<gd::Trajectory> radam_warmup(gd::plot::Figures& figs, double lr, long n, double f,
                                         long steps, std::uint64_t seed) {
    gd::ScheduleConfig sc;
    sc.warmup_steps = static_cast<int>(n), sc.warmup_factor = f;
    const auto warmup = gd::make_schedule("constant", lr, sc);
    const std::vector<double> spread = ch05::adaptive_rate_spread(2000, 3000, 0.999, seed);
    ch05::print_warmup(*warmup, spread, lr, n, f);
    gd::OptimizerConfig c;
    c.lr = lr;
    std::vector<gd::Trajectory> paths;
    for (const auto& [label, name, schedule] :
         {std::tuple{"Adam", "adam", static_cast<const gd::Schedule*>(nullptr)},
          std::tuple{"RAdam", "radam", static_cast<const gd::Schedule*>(nullptr)},
          std::tuple{"Adam + warm-up", "adam", static_cast<const gd::Schedule*>(warmup.get())}}) {
        const auto opt = gd::make_optimizer<double>(name, c);
        paths.push_back(ch05::on_ravine(label, *opt, schedule, steps));
    }
    std::printf("\n  on the ravine from (-5, -2), lr %g, betas (0.9, 0.999):\n", lr);
    ch05::print_ravine(paths, false);
    std::printf("\n");
    ch05::plot_warmup(figs, spread, *warmup, lr, paths);
    return paths;
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("05_adam", [&] {
        gd::Cli cli("05_adam",
                    "Adam's moments, bias correction, restlessness, AMSGrad, AdamW, "
                    "Adamax, NAdam, RAdam",
                    7);
        Hyper post;
        post.lr = 1.0, post.beta1 = 0.7, post.beta2 = 0.9;
        int epochs = 50, long_epochs = 200, sweep_epochs = 2000, first = 50, points = 30;
        int wd_steps = 20000;
        int warmup_steps = 1000, ravine_steps = 2000;  // the runs on chapter 04's ravine
        double start_a = 1, start_b = 1, decay = 0.05, wd_lr = 0.1, noise = 0.1;
        double variant_lr = 0.3, warmup_factor = 0.01;
        cli.option("--lr", post.lr, "η on the line fit (the post: 1)", gd::positive());
        cli.option("--beta1", post.beta1, "β1, the first moment's (the post: 0.7)",
                   gd::unit_open());
        cli.option("--beta2", post.beta2, "β2, the second moment's (the post: 0.9)",
                   gd::unit_open());
        cli.option("--points", points, "points drawn on the line (the post: 30)", 3, 100000);
        cli.option("--epochs", epochs, "passes over the points (the post: 50)", 10, 100000);
        cli.option("--long-epochs", long_epochs, "passes of the longer runs of what v remembers",
                   10, 100000);
        cli.option("--sweep-epochs", sweep_epochs, "passes per run of the rate sweep", 10, 100000);
        cli.option("--start-a", start_a, "starting slope a", gd::between(-100, 100));
        cli.option("--start-b", start_b, "starting intercept b", gd::between(-100, 100));
        cli.option("--noise", noise, "σ of the noise in y in the memory control", gd::positive());
        cli.option("--first-steps", first, "steps in the bias-correction figure", 2, 10000);
        cli.option("--decay", decay, "weight decay ω of Adam + L2 and AdamW", gd::positive());
        cli.option("--wd-lr", wd_lr, "learning rate of the weight-decay runs", gd::positive());
        cli.option("--wd-steps", wd_steps, "full-batch steps of the weight-decay runs", 1, 1000000);
        cli.option("--variant-lr", variant_lr, "η of the runs on the ravine", gd::positive());
        cli.option("--warmup-steps", warmup_steps, "N of Adam's explicit warm-up", 1, 100000);
        cli.option("--warmup-factor", warmup_factor, "F, its first factor",
                   gd::Range{0, 1, true, false});
        if (!cli.parse(argc, argv)) return 0;

        // The post's comparison: its 30 points (our draw), and the same with noise in y.
        const gd::Points pts = ch05::post_comparison_points(points, cli.seed, 0);
        const gd::Points noisy = ch05::post_comparison_points(points, cli.seed, noise);
        const gd::Point2 start{start_a, start_b};
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        const int grid = cli.quick ? 31 : 71;  // --quick coarsens the maps, never the numbers

        bias_correction(figs, post, first);

        const std::vector<Run> runs = restless(pts, start, post, epochs);
        ch05::plot_restless(figs, runs, pts.size());
        ch05::plot_restless_paths(figs, runs, pts, 5 * pts.size(), grid);
        ch05::animate_fit(figs, runs, pts, cli.quick ? 5 : 100);
        ch05::plot_memory(figs, memory(pts, noisy, start, post, epochs, long_epochs, noise),
                          pts.size());
        amplitude_sweep(figs, pts, start, post, sweep_epochs);

        Hyper adam;  // torch's defaults β = (0.9, 0.999), ε = 1e-8
        adam.lr = wd_lr;
        const gd::LinearFit surface;  // chapter 01's 20 points, their mean loss as a surface
        weight_decay(figs, surface, start, adam, decay, wd_steps, grid);

        adamax_bound(pts, start, post.lr, epochs);
        ch05::plot_nadam(figs, nadam_ravine(variant_lr, ravine_steps), grid);
        radam_warmup(figs, variant_lr, warmup_steps, warmup_factor, ravine_steps, cli.seed);
        std::fflush(stdout);  // the tables first, then the note on std::clog
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

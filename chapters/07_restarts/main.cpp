// Chapter 07: annealing the learning rate, warm restarts, cyclical rates, one-cycle, warm-up,
// plateaus.
//
// Goal: see what a schedule η_t buys on top of an optimizer, and where it stops buying it.
// (1) The rate (and momentum) curves of every schedule. (2) The source post's comparison, its
// setting: 30 points on y = 1.5x − 28, Adam at η₀ = 1 from (1, 1), 50 epochs per sample; at a
// constant rate Adam keeps shaking, divided by 4 every 5 epochs ("AdamAnn") or annealed along a
// cosine it settles; with PyTorch's β2 = 0.999 it settles without any schedule. (3) Every other
// schedule on the same run. (4) Many noisy runs on Himmelblau's four minima: which minimum each
// ends in, how often runs hop between minima under each schedule, and what the noise alone does.
//
// Notation: θ parameters, g gradient, η₀ base rate, η_t rate of update t (t = 0 the first),
// T a cycle's length in updates, β1 β2 Adam's decay rates, μ momentum, σ gradient noise,
// λ curvature.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "figures.hpp"
#include "plot/figures.hpp"
#include "restarts.hpp"
#include "tour.hpp"
#include "train/settling.hpp"

namespace {

using ch07::Tally;

struct Settings {
    int points = 30, epochs = 50, every = 5;  // line fit: AdamAnn's epochs between divisions
    double lr = 1, beta1 = 0.7, beta2 = 0.9, a0 = 1, b0 = 1;
    int runs = 240, steps = 600, t0 = 100, t_mult = 1;  // Himmelblau
    double h_lr = 0.003, momentum = 0.9, noise = 20;
};
constexpr int kGroup = 24;  // Himmelblau runs per group: the figure shows the first group

// ---- (1) The schedules -------------------------------------------------------------------------

// Cosine, SGDR twice and one-cycle over the same 1000 updates, all from η₀ = max_lr = 1.
void rate_curves(gd::plot::Figures& figs) {
    const long n = 1000;
    gd::CosineAnnealing cosine(1, n);
    gd::CosineWarmRestarts sgdr1(1, 200, 1), sgdr2(1, 100, 2);
    gd::OneCycle onecycle(1, n);  // max_lr 1, pct_start 0.3, div 25, final_div 1e4
    ch07::plot_rates(figs, {&cosine, &sgdr1, &sgdr2, &onecycle},
                     {"cosine T=1000", "SGDR T0=200 Tmult=1", "SGDR T0=100 Tmult=2", "one-cycle"},
                     n);
}

// The other schedules over 1000 updates from η₀ = 1 (epochs of 20 updates: cycles of 200), with
// the momentum the cycles set: SGD's μ under CyclicLR, Adam's β1 under one-cycle.
void more_rate_curves(gd::plot::Figures& figs) {
    const long n = 1000;
    const auto line = ch07::line_tour(1.0, n, 20);
    const auto hill = ch07::himmelblau_tour(1.0, n, 200, 1);
    // multistep, polynomial p = 1 and 2, warm-up + cosine, CyclicLR with μ, triangular2,
    // one-cycle with β1 (the plateau's rate depends on the losses: see the line-fit tour)
    ch07::plot_more_rates(figs, {line[0], line[1], line[2], line[3], hill[4], line[9], line[5]}, n);
}

// ---- (2) The post's comparison on the line fit --------------------------------------------------

// Adam from the post's start at a constant η₀, as AdamAnn, along one cosine; then the controls:
// PyTorch's β2 = 0.999 at the same constant η₀, and a ten times smaller constant η₀.
std::vector<gd::LineRun> line_runs(const gd::Points& pts, const Settings& s) {
    const long per_epoch = long(pts.size()), total = long(s.epochs) * per_epoch;
    // AdamAnn: η₀·(1/4)^⌊t/(5·30)⌋, the drop taking effect after the last update of epoch 5.
    const gd::StepDecay ann(s.lr, long(s.every) * per_epoch, 0.25);
    const gd::CosineAnnealing cosine(s.lr, total);  // η₀ down to 0 over the whole run
    struct Run {
        const char* name;
        const gd::Schedule* schedule;
        double lr, beta2;
    } todo[] = {{"Adam", nullptr, s.lr, s.beta2},
                {"AdamAnn", &ann, s.lr, s.beta2},
                {"Adam + cosine", &cosine, s.lr, s.beta2},
                {"Adam, beta2 0.999", nullptr, s.lr, 0.999},
                {"Adam, lr/10", nullptr, s.lr / 10, s.beta2}};
    std::vector<gd::LineRun> runs;
    for (const Run& r : todo) {
        gd::Adam<double> adam(r.lr, s.beta1, r.beta2);
        runs.push_back(
            ch07::train_per_sample(r.name, adam, pts, r.schedule, {s.a0, s.b0}, s.epochs));
    }
    return runs;
}

void print_line_runs(const std::vector<gd::LineRun>& runs, const Settings& s, std::size_t n) {
    std::printf("line fit, %zu points, Adam lr %g betas (%g, %g), start (%g, %g), %zu updates:\n",
                n, s.lr, s.beta1, s.beta2, s.a0, s.b0, runs[0].updates());
    std::printf("  %-17s %10s %10s %10s %14s %9s\n", "method", "|a-1.5|", "|b+28|", "loss",
                "shake(last ep)", "<1e-2 from");
    for (const gd::LineRun& r : runs) {
        const ch07::Shake sh = ch07::final_shake(r, n);
        std::printf("  %-17s %10.3e %10.3e %10.3e %14.3e %9ld", r.name.c_str(),
                    std::abs(r.end().x - 1.5), std::abs(r.end().y + 28), r.loss.back(),
                    std::max(sh.a, sh.b), gd::settled_from(r.loss, 1e-2));
        if (r.diverged_at >= 0) std::printf("  diverged at update %ld", r.diverged_at);
        std::printf("\n");
    }
}

// ---- (3) Every other schedule on the same run ---------------------------------------------------

void print_line_tour(const std::vector<gd::Trajectory>& runs, std::size_t n) {
    std::printf("\nthe same run under the other schedules:\n");
    std::printf("  %-24s %10s %10s %10s %14s %10s %9s\n", "schedule", "|a-1.5|", "|b+28|", "loss",
                "shake(last ep)", "last rate", "<1e-2 from");
    for (const gd::Trajectory& r : runs) {
        const ch07::Shake sh = ch07::final_shake(r, n);
        std::printf("  %-24s %10.3e %10.3e %10.3e %14.3e %10.3e %9ld\n", r.label.c_str(),
                    std::abs(r.x.back() - 1.5), std::abs(r.y.back() + 28), r.loss.back(),
                    std::max(sh.a, sh.b), r.lr.back(), gd::settled_from(r.loss, 1e-2));
    }
}

// ---- (4) Exploring Himmelblau's four minima ----------------------------------------------------

// Its passes and curvatures: why noise can cross one pass and not the others, and which rates
// are stable where (heavy ball: η λ_max < 2(1 + μ)).
void print_landscape(const Settings& s) {
    const gd::Himmelblau f;
    std::printf("\nhimmelblau: minima at height 0; the passes between them (saddle points):\n");
    for (const ch07::Pass& p : ch07::himmelblau_passes()) {
        std::printf("  (%6.3f, %6.3f) height %7.2f, between %s\n", p.at.x, p.at.y,
                    f.value(p.at.x, p.at.y), p.between);
    }
    std::printf("  curvature lambda_max:");
    for (const gd::Point2& m : f.minima()) {
        std::printf(" %.1f at (%.2f, %.2f);", ch07::himmelblau_hessian(m.x, m.y).lambda_max(), m.x,
                    m.y);
    }
    const double corner = ch07::himmelblau_hessian(5, 5).lambda_max();
    std::printf(
        " %.0f at (5, 5)\n  SGD with momentum %g is stable for eta < 2(1 + mu)/lambda_max:"
        " %.4f at (5, 5)\n",
        corner, s.momentum, 2 * (1 + s.momentum) / corner);
}

// The same starts and noise under one cosine and under restarts, for the figure: the first group.
ch07::Explored explore_pair(const Settings& s, std::uint64_t seed) {
    ch07::Explored ex;
    const auto tour = ch07::himmelblau_tour(s.h_lr, s.steps, s.t0, s.t_mult);
    const auto checkpoints = ch07::restart_points(s.t0, s.t_mult, s.steps);
    for (int which : {1, 2}) {  // the tour's cosine and SGDR
        auto& into = which == 1 ? ex.cosine : ex.sgdr;
        ch07::explore_runs(gd::Himmelblau(), std::min(kGroup, s.runs), s.steps, checkpoints, s.h_lr,
                           s.momentum, s.noise, seed, tour[which].make,
                           [&](int, ch07::Exploration e) { into.push_back(std::move(e)); });
    }
    return ex;
}

// The Himmelblau settings of the command line, at noise σ and rate η₀.
ch07::Exploring exploring(const Settings& s, double noise, double lr, std::uint64_t seed) {
    return {s.runs, s.steps, s.t0, s.t_mult, lr, s.momentum, noise, seed};
}

void print_tour(const std::vector<ch07::TourEntry>& tour, const std::vector<Tally>& tallies,
                const Settings& s, double noise) {
    std::printf("\nhimmelblau, %d runs, SGD lr %g momentum %g, gradient noise sigma %g:\n", s.runs,
                s.h_lr, s.momentum, noise);
    std::printf("  %-20s %-16s %5s %5s %5s %-10s %s\n", "schedule", "ends in minimum", "hops",
                "other", "runs", "per 24", "hops between cycle ends");
    for (std::size_t k = 0; k < tour.size(); ++k) {
        const Tally& t = tallies[k];
        std::printf("  %-20s %3d %3d %3d %3d %6d %5d %5d %4d..%-4d", tour[k].label.c_str(),
                    t.ends_in[0], t.ends_in[1], t.ends_in[2], t.ends_in[3], t.hops, t.other_hops,
                    t.runs_hopped, t.group_min, t.group_max);
        for (int h : t.by_interval) std::printf(" %3d", h);
        std::printf("\n");
    }
}

// Hops under a constant rate, one cosine and SGDR as the noise grows.
void noise_sweep(gd::plot::Figures& figs, const Settings& s, std::uint64_t seed) {
    const auto tour = ch07::himmelblau_tour(s.h_lr, s.steps, s.t0, s.t_mult);
    const std::vector<ch07::TourEntry> three{tour[0], tour[1], tour[2]};
    std::printf("\nhops against the noise, %d runs (hops / runs that hopped; other passes):\n",
                s.runs);
    std::printf("  %6s %16s %16s %16s\n", "sigma", "constant", "cosine", "SGDR");
    std::vector<std::vector<Tally>> rows;
    const std::vector<double> sigmas{0, 5, 10, 15, 20, 25, 30, 40};
    for (double sigma : sigmas) {
        rows.push_back(ch07::tally_tour(exploring(s, sigma, s.h_lr, seed), three, kGroup));
        std::printf("  %6g", sigma);
        for (const Tally& t : rows.back()) {
            std::printf(" %5d / %3d; %3d", t.hops, t.runs_hopped, t.other_hops);
        }
        std::printf("\n");
    }
    ch07::plot_noise_sweep(figs, rows, sigmas, s.runs);
}

// The controls of the hop counts: other draws of starts and noise, and other momenta. Around a
// minimum of curvature λ a noisy run spreads with variance ≈ ησ²/(2λ(1 − μ)) (small ηλ), so μ
// and σ trade against each other: the rows give the spread's measure ησ²/(1 − μ).
void hop_controls(const Settings& s, std::uint64_t seed) {
    const auto tour = ch07::himmelblau_tour(s.h_lr, s.steps, s.t0, s.t_mult);
    std::printf("\nhops under constant / cosine / SGDR on other draws and at other momenta:\n");
    std::printf("  %4s %8s %6s %18s %9s %7s %5s\n", "seed", "momentum", "sigma",
                "eta sigma^2/(1-mu)", "constant", "cosine", "SGDR");
    // (seed offset, μ, σ): three other draws; lower momenta; more noise to make up for them
    const double rows[][3] = {{1, s.momentum, s.noise}, {2, s.momentum, s.noise},
                              {3, s.momentum, s.noise}, {0, 0.8, s.noise},
                              {0, 0.5, s.noise},        {0, 0.5, 2 * s.noise},
                              {0, 0, 3 * s.noise}};
    for (const auto& [k, mu, sigma] : rows) {
        ch07::Exploring x = exploring(s, sigma, s.h_lr, seed + std::uint64_t(k));
        x.momentum = mu;
        const auto t = ch07::tally_tour(x, {tour[0], tour[1], tour[2]}, kGroup);
        std::printf("  %4llu %8g %6g %18.3g %9d %7d %5d\n", static_cast<unsigned long long>(x.seed),
                    mu, sigma, s.h_lr * sigma * sigma / (1 - mu), t[0].hops, t[1].hops, t[2].hops);
    }
}

// A warm-up in front of the cosine, exact gradients, for rates the far corners cannot take.
void warmup_rescue(const Settings& s, std::uint64_t seed) {
    std::printf(
        "\nwarm-up, exact gradients, %d runs: runs lost (diverged or off the map) / "
        "settled (f < 1e-3)\n  %8s %16s %22s\n",
        s.runs, "lr", "cosine", "warm-up 10% + cosine");
    for (double lr : {s.h_lr, 0.02, 0.03}) {
        const auto tour = ch07::himmelblau_tour(lr, s.steps, s.t0, s.t_mult);
        const auto tallies =
            ch07::tally_tour(exploring(s, 0, lr, seed), {tour[1], tour[7]}, kGroup);
        std::printf("  %8g %9d / %4d %15d / %4d\n", lr, tallies[0].lost, tallies[0].settled,
                    tallies[1].lost, tallies[1].settled);
    }
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("07_restarts", [&] {
        gd::Cli cli("07_restarts",
                    "annealing, warm restarts, cyclical rates, one-cycle, warm-up and plateaus; "
                    "Adam annealed on the line fit; exploring Himmelblau's minima",
                    7);
        Settings s;
        cli.option("--points", s.points, "line fit: points drawn on y = 1.5x - 28", 2, 100000);
        cli.option("--epochs", s.epochs, "line fit: passes over the points", 1, 100000);
        cli.option("--lr", s.lr, "line fit: Adam's base rate η₀", gd::positive());
        cli.option("--beta1", s.beta1, "line fit: Adam's β1", {0, 1, false, true});
        cli.option("--beta2", s.beta2, "line fit: Adam's β2", {0, 1, false, true});
        cli.option("--every", s.every, "line fit: AdamAnn divides η by 4 every this many epochs", 1,
                   100000);
        cli.option("--start-a", s.a0, "line fit: starting slope a");
        cli.option("--start-b", s.b0, "line fit: starting intercept b");
        cli.option("--runs", s.runs, "himmelblau: number of starts", 1, 1000);
        cli.option("--steps", s.steps, "himmelblau: updates per run", 30, 1000000);
        cli.option("--t0", s.t0, "himmelblau: SGDR's first cycle, in updates", 2, 1000000);
        cli.option("--t-mult", s.t_mult, "himmelblau: each SGDR cycle this many times longer", 1,
                   10);
        cli.option("--h-lr", s.h_lr, "himmelblau: base rate η₀ of SGD", gd::positive());
        cli.option("--momentum", s.momentum, "himmelblau: SGD's momentum μ", {0, 1, false, true});
        cli.option("--noise", s.noise, "himmelblau: std of the noise added to each gradient",
                   gd::non_negative());
        if (!cli.parse(argc, argv)) return 0;
        gd::plot::Figures figs(cli.out, !cli.no_plot);

        // (1) The schedules' rate curves.
        rate_curves(figs);
        more_rate_curves(figs);

        // (2) The post's comparison: 30 points from our generator, per-sample updates in order.
        gd::Rng rng(cli.seed);
        const gd::Points pts = gd::line_points(std::size_t(s.points), 1.5, -28, -10, 10, rng);
        const std::vector<gd::LineRun> runs = line_runs(pts, s);
        print_line_runs(runs, s, pts.size());
        ch07::plot_line_loss(figs, runs, pts.size());
        ch07::plot_line_params(figs, runs);

        // (3) Every other schedule on the same run.
        const std::vector<gd::Trajectory> tour =
            ch07::run_line_tour(pts, s.lr, s.beta1, s.beta2, {s.a0, s.b0}, s.epochs);
        print_line_tour(tour, pts.size());
        ch07::plot_line_tour(figs, tour, pts.size());

        // (4) Himmelblau: the landscape, the same starts under every schedule, the noise, a
        // warm-up.
        print_landscape(s);
        const auto h_tour = ch07::himmelblau_tour(s.h_lr, s.steps, s.t0, s.t_mult);
        print_tour(h_tour,
                   ch07::tally_tour(exploring(s, s.noise, s.h_lr, cli.seed), h_tour, kGroup), s,
                   s.noise);
        ch07::plot_himmelblau(figs, explore_pair(s, cli.seed), cli.quick ? 41 : 121, 3);
        noise_sweep(figs, s, cli.seed);
        hop_controls(s, cli.seed);
        warmup_rescue(s, cli.seed);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

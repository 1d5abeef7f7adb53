// Chapter 07: annealing the learning rate, with and without warm restarts, and one-cycle.
//
// Goal: see what a schedule η_t buys on top of an optimizer. (1) The rate curves of cosine
// annealing, warm restarts (SGDR) and one-cycle. (2) The source post's comparison on chapter
// 01's line fit: Adam at a large constant rate keeps shaking around the minimum; divided by 4
// every 5 epochs ("AdamAnn") or annealed along a cosine it settles. (3) Many runs on
// Himmelblau's four minima under restarts and under one cosine: which minimum each ends in.
//
// Notation: θ parameters, g gradient, η₀ base rate, η_t rate of update t (t = 0 the first),
// T a cycle's length in updates, β1 β2 Adam's decay rates, μ momentum, σ gradient noise.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "core/seeds.hpp"
#include "figures.hpp"
#include "optim/sgd.hpp"
#include "plot/figures.hpp"
#include "restarts.hpp"
#include "schedule/factory.hpp"
#include "train/line_training.hpp"

namespace {

using ch07::Explored;

struct Settings {
    int epochs = 50, every = 5;  // line fit: epochs, and AdamAnn's epochs between divisions
    double lr = 1, beta1 = 0.7, beta2 = 0.9, a0 = 1, b0 = 1;
    int runs = 24, steps = 600, t0 = 100, t_mult = 1;  // Himmelblau
    double h_lr = 0.003, momentum = 0.9, noise = 20;
};

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

// ---- (2) Adam with and without annealing on the line fit ----------------------------------------

// Adam three times from the post's start: at a constant η₀, as AdamAnn, along one cosine.
std::vector<gd::LineRun> line_runs(const gd::Points& pts, const Settings& s) {
    const long per_epoch = long(pts.size()), total = long(s.epochs) * per_epoch;
    // AdamAnn: η₀·(1/4)^⌊t/(5·20)⌋, the drop taking effect after the last update of epoch 5.
    gd::StepDecay ann(s.lr, long(s.every) * per_epoch, 0.25);
    gd::CosineAnnealing cosine(s.lr, total);  // η₀ down to 0 over the whole run
    std::vector<gd::LineRun> runs;
    const gd::Schedule* scheds[] = {nullptr, &ann, &cosine};
    const char* names[] = {"Adam", "AdamAnn", "Adam + cosine"};
    for (int k = 0; k < 3; ++k) {
        gd::Adam<double> adam(s.lr, s.beta1, s.beta2);
        runs.push_back(
            ch07::train_per_sample(names[k], adam, pts, scheds[k], {s.a0, s.b0}, s.epochs));
    }
    return runs;
}

void print_line_runs(const std::vector<gd::LineRun>& runs, const Settings& s) {
    std::printf("line fit, Adam lr %g betas (%g, %g), start (%g, %g), %zu updates:\n", s.lr,
                s.beta1, s.beta2, s.a0, s.b0, runs[0].updates());
    std::printf("  %-14s %11s %11s %11s %13s\n", "method", "|a-1.5|", "|b+28|", "loss",
                "shake(last ep)");
    for (const gd::LineRun& r : runs) {
        const ch07::Shake sh = ch07::final_shake(r, 20);
        std::printf("  %-14s %11.3e %11.3e %11.3e %13.3e", r.name.c_str(),
                    std::abs(r.end().x - 1.5), std::abs(r.end().y + 28), r.loss.back(),
                    std::max(sh.a, sh.b));
        if (r.diverged_at >= 0) std::printf("  diverged at update %ld", r.diverged_at);
        std::printf("\n");
    }
}

// ---- (3) Exploring Himmelblau's four minima ----------------------------------------------------

// The same starts and the same gradient noise for both schedules: only the rate differs.
Explored explore_himmelblau(const Settings& s, double noise, std::uint64_t seed) {
    const gd::Himmelblau f;
    gd::Rng rng(seed);
    Explored ex;
    const gd::CosineWarmRestarts sgdr(s.h_lr, s.t0, s.t_mult);
    const gd::CosineAnnealing cosine(s.h_lr, s.steps);
    const std::vector<long> ends = ch07::restart_points(s.t0, s.t_mult, s.steps);
    for (int i = 0; i < s.runs; ++i) {
        const double x0 = rng.uniform(-5, 5), y0 = rng.uniform(-5, 5);
        ex.starts.push_back({x0, y0});
        const std::uint64_t noise_seed = gd::run_seed(seed, std::uint64_t(i));  // run i's noise
        const ch07::NoisyGradient g1(f, noise, noise_seed), g2(f, noise, noise_seed);
        gd::Sgd<double> o1(s.h_lr, s.momentum), o2(s.h_lr, s.momentum);
        ex.sgdr.push_back(ch07::explore(g1, o1, sgdr, x0, y0, s.steps, ends));
        ex.cosine.push_back(ch07::explore(g2, o2, cosine, x0, y0, s.steps, ends));
    }
    return ex;
}

// How many runs end in each minimum; how many moved between minima from one cycle to the next.
void print_explored(const Explored& ex, double noise) {
    const char* names[] = {"(3, 2)", "(-2.81, 3.13)", "(-3.78, -3.28)", "(3.58, -1.85)"};
    std::printf("himmelblau, %zu runs, gradient noise sigma %g: runs ending in each minimum\n",
                ex.sgdr.size(), noise);
    std::printf("  %-16s %8s %8s\n", "minimum", "SGDR", "cosine");
    for (std::size_t m = 0; m < 4; ++m) {
        int a = 0, b = 0;
        for (std::size_t i = 0; i < ex.sgdr.size(); ++i) {
            a += ex.sgdr[i].ends_in == m, b += ex.cosine[i].ends_in == m;
        }
        std::printf("  %-16s %8d %8d\n", names[m], a, b);
    }
    int moved = 0, hops = 0;
    for (const ch07::Exploration& e : ex.sgdr) {
        int h = 0;
        for (std::size_t c = 1; c < e.visited.size(); ++c) h += e.visited[c] != e.visited[c - 1];
        moved += h > 0, hops += h;
    }
    std::printf("  SGDR runs that changed minimum at a restart: %d (%d changes)\n", moved, hops);
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("07_restarts", [&] {
        gd::Cli cli("07_restarts",
                    "cosine annealing, warm restarts and one-cycle; Adam annealed on the line fit; "
                    "exploring Himmelblau's minima with restarts",
                    7);
        Settings s;
        cli.option("--epochs", s.epochs, "line fit: passes over the 20 points", 1, 100000);
        cli.option("--lr", s.lr, "line fit: Adam's base rate η₀", gd::positive());
        cli.option("--beta1", s.beta1, "line fit: Adam's β1", {0, 1, false, true});
        cli.option("--beta2", s.beta2, "line fit: Adam's β2", {0, 1, false, true});
        cli.option("--every", s.every, "line fit: AdamAnn divides η by 4 every this many epochs", 1,
                   100000);
        cli.option("--start-a", s.a0, "line fit: starting slope a");
        cli.option("--start-b", s.b0, "line fit: starting intercept b");
        cli.option("--runs", s.runs, "himmelblau: number of starts", 1, 1000);
        cli.option("--steps", s.steps, "himmelblau: updates per run", 1, 1000000);
        cli.option("--t0", s.t0, "himmelblau: SGDR's first cycle, in updates", 1, 1000000);
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

        // (2) The post's comparison on chapter 01's 20 points, per-sample updates in order.
        const gd::Points pts = gd::post_points();
        const std::vector<gd::LineRun> runs = line_runs(pts, s);
        print_line_runs(runs, s);
        ch07::plot_line_loss(figs, runs);
        ch07::plot_line_params(figs, runs);

        // (3) Himmelblau: the same starts under restarts and under one cosine, with noisy
        // gradients and, for contrast, exact ones.
        const Explored noisy = explore_himmelblau(s, s.noise, cli.seed);
        print_explored(noisy, s.noise);
        const Explored exact = explore_himmelblau(s, 0.0, cli.seed);
        print_explored(exact, 0.0);
        ch07::plot_himmelblau(figs, noisy, cli.quick ? 41 : 121, 3);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

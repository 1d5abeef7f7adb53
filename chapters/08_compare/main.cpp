// Chapter 08: the source post's comparison, and every optimizer of the book in one race.
//
// Goal: put the methods of chapters 01-07 side by side on the same problems. First the post's
// own experiment: 30 points on y = 1.5x − 28, x drawn uniformly in [−10, 10) by our seeded
// generator, start (a, b) = (1, 1), 50 epochs of per-sample updates by SGD (η = 0.001),
// momentum (η = 0.001, β = 0.95, the averaging form), Adam (η = 1, β1 = 0.7, β2 = 0.9) and
// "AdamAnn", the same Adam with η divided by 4 every 5 epochs. The post shows no Adam code, so
// we cannot tell whether its Adam corrects the bias: we run Adam both ways, and two controls
// (PyTorch's β2 = 0.999, a ten times smaller η). Then the classic race: every optimizer of the
// book from one start on Rosenbrock, Beale and the saddle, L-BFGS counted in evaluations.
//
// Notation: θ = (a, b) parameters, g gradient, η learning rate, β the post's averaging constant,
// β1 β2 Adam's decay rates, t update (iteration) counted over all epochs.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "core/rng.hpp"
#include "figures.hpp"
#include "line_race.hpp"
#include "optim/factory.hpp"
#include "problems/line_fit.hpp"
#include "race.hpp"
#include "schedule/factory.hpp"
#include "train/line_training.hpp"
#include "train/settling.hpp"

namespace {

using gd::LineRun;

struct Settings {
    int points = 30, epochs = 50;
    double sgd_lr = 0.001, mom_lr = 0.001, beta = 0.95;
    double adam_lr = 1.0, beta1 = 0.7, beta2 = 0.9;
    int anneal_every = 5;  // epochs between two drops of AdamAnn's rate
    double anneal_gamma = 0.25;
};

// ---- Part 1: the post's four methods on the line --------------------------------------------

// Eight runs from (1, 1): the post's four, with Adam as torch.optim.Adam (bias-corrected), then
// Adam and AdamAnn without the correction, then the controls of "Adam never settles": plain
// Adam with PyTorch's β2 = 0.999, and at a ten times smaller η.
std::vector<LineRun> run_line_methods(const gd::Points& pts, const Settings& s) {
    const long per_drop = long(s.anneal_every) * long(pts.size());  // StepLR counts updates
    const gd::StepDecay anneal(s.adam_lr, per_drop, s.anneal_gamma);
    gd::Sgd<double> sgd(s.sgd_lr);
    gd::MomentumEma<double> momentum(s.mom_lr, s.beta);
    gd::Adam<double> adam(s.adam_lr, s.beta1, s.beta2), adam_ann(s.adam_lr, s.beta1, s.beta2);
    gd::AdamNoBias<double> raw(s.adam_lr, s.beta1, s.beta2), raw_ann(s.adam_lr, s.beta1, s.beta2);
    gd::Adam<double> slow_memory(s.adam_lr, s.beta1, 0.999),
        small(s.adam_lr / 10, s.beta1, s.beta2);
    const auto run = [&](const char* name, gd::Optimizer<double>& opt, const gd::Schedule* sch) {
        return ch08::train_per_sample(name, pts, opt, sch, 1.0, 1.0, s.epochs);
    };
    return {run("SGD", sgd, nullptr),
            run("Momentum", momentum, nullptr),
            run("Adam", adam, nullptr),
            run("AdamAnn", adam_ann, &anneal),
            run("Adam, no bias corr.", raw, nullptr),
            run("AdamAnn, no bias corr.", raw_ann, &anneal),
            run("Adam, beta2 0.999", slow_memory, nullptr),
            run("Adam, lr / 10", small, nullptr)};
}

void print_line_table(const std::vector<LineRun>& runs, const Settings& s, std::size_t n) {
    std::printf("per-sample, %d epochs x %zu points from (a, b) = (1, 1); true line a=1.5 b=-28\n",
                s.epochs, n);
    std::printf("  %-23s %9s %10s %11s %12s %13s %13s\n", "method", "a", "b", "loss",
                "last-epoch max", "loss<1e-2 from", "dist last ep.");
    for (const LineRun& r : runs) {
        const ch08::Range d = ch08::recent_distance(r, n, 1.5, -28);
        std::printf("  %-23s %9.5f %10.5f %11.3e %12.3e %13ld %6.3f..%.3f", r.name.c_str(),
                    r.end().x, r.end().y, r.loss.back(), ch08::worst_recent_loss(r, n),
                    gd::settled_from(r.loss, 1e-2), d.lo, d.hi);
        if (r.diverged_at >= 0) std::printf("  diverged at update %ld", r.diverged_at);
        std::printf("\n");
    }
}

// Momentum against SGD on other draws of the points: the ratio of their losses after 300 and
// after all updates, over `draws` seeds (the chapter's own seed first); and how often Adam ends
// nearer the line than momentum, at the last update and over the whole last epoch.
void momentum_over_draws(const Settings& s, std::uint64_t seed, int draws) {
    double lo[2] = {1e300, 1e300}, hi[2] = {0, 0};
    int slower[2] = {0, 0}, diverged = 0, adam_ahead[2] = {0, 0};
    for (int d = 0; d < draws; ++d) {
        gd::Rng rng(seed + std::uint64_t(d));
        const gd::Points pts = gd::line_points(std::size_t(s.points), 1.5, -28, -10, 10, rng);
        gd::Sgd<double> sgd(s.sgd_lr);
        gd::MomentumEma<double> momentum(s.mom_lr, s.beta);
        const LineRun a = ch08::train_per_sample("SGD", pts, sgd, nullptr, 1, 1, s.epochs);
        const LineRun b = ch08::train_per_sample("Mom", pts, momentum, nullptr, 1, 1, s.epochs);
        if (a.diverged_at >= 0 || b.diverged_at >= 0) {
            ++diverged;
            continue;
        }
        gd::Adam<double> adam(s.adam_lr, s.beta1, s.beta2);
        const LineRun c = ch08::train_per_sample("Adam", pts, adam, nullptr, 1, 1, s.epochs);
        const ch08::Range dc = ch08::recent_distance(c, pts.size(), 1.5, -28),
                          db = ch08::recent_distance(b, pts.size(), 1.5, -28);
        adam_ahead[0] += ch08::final_error(c, 1.5, -28) < ch08::final_error(b, 1.5, -28);
        adam_ahead[1] += dc.hi < db.lo;
        const std::size_t at[2] = {std::min<std::size_t>(300, a.updates()), a.updates()};
        for (int k = 0; k < 2; ++k) {
            const double ratio = b.loss[at[k]] / a.loss[at[k]];
            lo[k] = std::min(lo[k], ratio), hi[k] = std::max(hi[k], ratio);
            slower[k] += ratio > 1;
        }
    }
    std::printf("\nmomentum's loss / SGD's over %d draws of the points (seeds %llu..%llu):\n",
                draws, static_cast<unsigned long long>(seed),
                static_cast<unsigned long long>(seed) + std::uint64_t(draws) - 1);
    std::printf("  after 300 updates: %.3f..%.3f (momentum behind in %d)\n", lo[0], hi[0],
                slower[0]);
    std::printf("  after %d updates: %.3f..%.3f (momentum behind in %d)\n", s.epochs * s.points,
                lo[1], hi[1], slower[1]);
    std::printf(
        "  Adam nearer the line than momentum: at the end in %d, over all the last epoch in %d\n",
        adam_ahead[0], adam_ahead[1]);
    if (diverged > 0) std::printf("  (%d draws left out: a run diverged)\n", diverged);
}

// What bias correction changes: the first steps. Both Adams see the same first gradient; the
// uncorrected one moves by η(1−β1)/√(1−β2) per coordinate instead of η.
void print_first_steps(const std::vector<LineRun>& runs) {
    const LineRun &adam = runs[2], &raw = runs[4];
    // b after update k; nan if the run is shorter (few points or epochs, or diverged).
    const auto b = [](const LineRun& r, std::size_t k) {
        return k < r.path.size() ? r.path[k].y : NAN;
    };
    std::printf("\nfirst update of b: Adam %.4f, no bias corr. %.4f (ratio %.4f)\n",
                b(adam, 1) - b(adam, 0), b(raw, 1) - b(raw, 0),
                (b(raw, 1) - b(raw, 0)) / (b(adam, 1) - b(adam, 0)));
    for (std::size_t k : {std::size_t{10}, std::size_t{30}, std::size_t{150}}) {
        std::printf("after %3zu updates: b = %9.4f (Adam), %9.4f (no bias corr.)\n", k, b(adam, k),
                    b(raw, k));
    }
}

// ---- Part 2: the race ------------------------------------------------------------------------

// "goal at": the step from which the loss stays below the goal (a race starts at step 0, so the
// row gd::settled_from finds is the step); "evals": the function evaluations it took to get
// there, one a step but for L-BFGS, whose line search evaluates as often as it needs.
void print_race(const ch08::Race& race, const std::vector<gd::Trajectory>& paths) {
    std::printf("\nrace on %s from (%g, %g), %ld steps, goal: loss < %g\n", race.surface.c_str(),
                race.start.x, race.start.y, race.steps, race.goal);
    std::printf("  %-12s %7s %12s %21s %8s %7s %7s\n", "optimizer", "lr", "final loss",
                "ends at (x, y)", "goal at", "evals", "total");
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const gd::Trajectory& p = paths[i];
        const long k = gd::settled_from(p.loss, race.goal);
        std::printf("  %-12s %7g %12.4e (%9.4g, %9.4g) %8ld %7ld %7ld",
                    ch08::racer_names()[i].c_str(), p.lr.back(), p.loss.back(), p.x.back(),
                    p.y.back(), k, k < 0 ? -1 : ch08::evaluations_until(p, k),
                    ch08::evaluations_until(p, -1));
        if (p.diverged_at >= 0) std::printf("  diverged at step %ld", p.diverged_at);
        std::printf("\n");
    }
}

// L-BFGS four ways at η = 1: one iteration or torch's 20 a step, with the strong Wolfe line
// search or with torch's default, none (fixed steps of η). Steps and evaluations to the goal.
void lbfgs_variants(const ch08::Race& race) {
    std::printf("  %-18s %15s  %-12s %8s %8s  %10s\n", "L-BFGS at lr 1", "iterations/step",
                "line search", "goal at", "evals", "final loss");
    for (int iters : {1, 20}) {
        for (const char* search : {"strong-wolfe", "none"}) {
            gd::OptimizerConfig c;
            c.lr = 1, c.max_iter = iters, c.line_search = search;
            const gd::Trajectory tr = ch08::run_one(race, *gd::make_optimizer<double>("lbfgs", c));
            const long k = gd::settled_from(tr.loss, race.goal);
            std::printf("  %18s %15d  %-12s %8ld %8ld  %10.3e%s\n", "", iters, search, k,
                        k < 0 ? -1 : ch08::evaluations_until(tr, k), tr.loss.back(),
                        tr.diverged_at >= 0 ? "  diverged" : "");
        }
    }
}

// The race's claims at other rates: SGD on either side of its one arriving rate, Adam at
// AdamW's rate (what the decay costs), RAdam where its first, unadapted steps throw it off.
void race_controls(const ch08::Race& race) {
    std::printf("  controls:\n");
    const std::pair<const char*, double> runs[] = {
        {"sgd", 0.0018}, {"sgd", 0.0022}, {"adam", 0.05}, {"radam", 0.005}};
    for (const auto& [name, lr] : runs) {
        const gd::Trajectory tr = ch08::run_one(race, *ch08::make_racer(name, lr));
        std::printf("  %-12s %7g %12.4e (%9.4g, %9.4g) %8ld", name, lr, tr.loss.back(), tr.x.back(),
                    tr.y.back(), gd::settled_from(tr.loss, race.goal));
        if (tr.diverged_at >= 0) std::printf("  diverged at step %ld", tr.diverged_at);
        std::printf("\n");
    }
}

// --sweep: how the race's rates were chosen. For each racer, the rate from a 1-2-5 grid after
// which the loss stays below the goal soonest (if none arrives: the smallest final loss).
// L-BFGS keeps torch's η = 1: its line search chooses the steps.
void sweep(const ch08::Race& race) {
    std::printf("\nsweep on %s: best rate per racer (steps to goal, final loss)\n",
                race.surface.c_str());
    for (const std::string& name : ch08::racer_names()) {
        if (name == "lbfgs") continue;
        double best_lr = 0, best_loss = 0;
        long best_steps = -1;
        for (double decade = 1e-4; decade < 20; decade *= 10) {
            for (double m : {1.0, 2.0, 5.0}) {
                const gd::Trajectory tr = ch08::run_one(race, *ch08::make_racer(name, m * decade));
                const long k = gd::settled_from(tr.loss, race.goal);
                const bool better = k >= 0 && (best_steps < 0 || k < best_steps);
                if (better || (best_steps < 0 && k < 0 && tr.diverged_at < 0 &&
                               (best_lr == 0 || tr.loss.back() < best_loss))) {
                    best_lr = m * decade, best_steps = k, best_loss = tr.loss.back();
                }
            }
        }
        std::printf("  %-12s lr %-7g %6ld steps  loss %.3e\n", name.c_str(), best_lr, best_steps,
                    best_loss);
    }
}

// What each race's map shows, and where its legends leave the paths visible.
std::string race_note(const std::string& surface) {
    if (surface == "rosenbrock") return "who reaches (1, 1), and how";
    if (surface == "beale") return "each takes its own way down to (3, 0.5)";
    return "every path leaves along y, the adaptive ones first";
}
std::string race_key(const std::string& surface) {
    return surface == "beale" ? "bottom left" : surface == "saddle" ? "top right" : "bottom right";
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("08_compare", [&] {
        gd::Cli cli("08_compare", "SGD, momentum, Adam and annealed Adam on a line; a race", 7);
        Settings s;
        std::string race = "all";
        double race_scale = 1.0;
        bool do_sweep = false;
        int draws = 12;
        cli.option("--points", s.points, "points drawn on y = 1.5x - 28", 2, 100000);
        cli.option("--epochs", s.epochs, "passes over the points", 1, 100000);
        cli.option("--sgd-lr", s.sgd_lr, "SGD's rate η", gd::positive());
        cli.option("--momentum-lr", s.mom_lr, "momentum's rate η", gd::positive());
        cli.option("--beta", s.beta, "momentum's β in m ← βm + (1-β)g", gd::unit_open());
        cli.option("--adam-lr", s.adam_lr, "Adam's and AdamAnn's first rate η", gd::positive());
        cli.option("--beta1", s.beta1, "Adam's β1", gd::unit_open());
        cli.option("--beta2", s.beta2, "Adam's β2", gd::unit_open());
        cli.option("--anneal-every", s.anneal_every, "AdamAnn: epochs between drops", 1, 100000);
        cli.option("--anneal-gamma", s.anneal_gamma, "AdamAnn: factor per drop", {0, 1, true});
        cli.option("--draws", draws, "draws of the points for momentum against SGD", 1, 1000);
        cli.option("--race", race, "which race to run",
                   {"all", "rosenbrock", "beale", "saddle", "none"});
        cli.option("--race-lr-scale", race_scale, "multiply every racer's rate", gd::positive());
        cli.flag("--sweep", do_sweep, "search each racer's best rate on each surface (slow)");
        if (!cli.parse(argc, argv)) return 0;

        // The problem: points on the post's line, x uniform in [-10, 10) from our generator.
        gd::Rng rng(cli.seed);
        const gd::Points pts = gd::line_points(std::size_t(s.points), 1.5, -28, -10, 10, rng);

        // Part 1: the four methods (and Adam without bias correction), per sample.
        const std::vector<LineRun> runs = run_line_methods(pts, s);
        print_line_table(runs, s, pts.size());
        print_first_steps(runs);
        momentum_over_draws(s, cli.seed, draws);

        gd::plot::Figures figs(cli.out, !cli.no_plot);
        ch08::LineFigures line(figs, pts, cli.quick);
        line.all({runs[0], runs[1], runs[2], runs[3]}, {runs[2], runs[4]}, s.beta1, s.beta2);

        // Part 2: the race on three surfaces (--quick draws coarser maps, same numbers).
        for (const ch08::Race& r : ch08::races()) {
            if (race != "all" && race != r.surface) continue;
            if (do_sweep && r.surface != "saddle") sweep(r);
            const auto paths = ch08::run_race(r, race_scale, r.steps);
            print_race(r, paths);
            if (r.surface != "saddle") lbfgs_variants(r);
            if (r.surface == "rosenbrock") race_controls(r);
            ch08::plot_race(figs, r, paths, race_note(r.surface), race_key(r.surface), cli.quick);
        }
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

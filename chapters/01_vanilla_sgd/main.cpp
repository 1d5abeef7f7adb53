// Chapter 01: vanilla stochastic gradient descent on y = a·x + b.
//
// Goal: fit a line to 20 points by following the negative gradient, one sample at a time, and
// see what changes when the gradient averages over 4 samples (mini-batch) or all 20 (full
// batch). Along the way: the source post's loop updates a before computing b's gradient, which
// is not quite gradient descent; we run it and the textbook update side by side, at the post's
// rate and at others. Then the valley: the Hessian's two directions explain why b is slow, why
// a stays off with b, and how each batch size moves along each direction.
//
// Notation: θ = (a, b) parameters, g gradient, η learning rate (--lr), r = a·x + b − y residual,
// e = θ − θ* the error, H the Hessian, lambda_max and lambda_min its curvatures, B batch size.
// The algorithm and the post's loop are in line_sgd.hpp, the valley's algebra in valley.hpp,
// the figures in figures.hpp.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <vector>

#include "cli/cli.hpp"
#include "core/rng.hpp"
#include "figures.hpp"
#include "line_sgd.hpp"
#include "plot/figures.hpp"
#include "problems/line_fit.hpp"
#include "train/line_training.hpp"
#include "valley.hpp"

namespace {

// ---- The post's loop against the textbook update ---------------------------------------------

// The post's number and the textbook's number, from the same data, rate and epochs.
void compare_update_orders(const gd::Points& pts, double lr, int epochs) {
    const ch01::Line post = ch01::sgd_post(pts, {0, 0}, lr, epochs);
    if (!std::isfinite(post.a + post.b)) {
        std::printf("post's loop (a first, then b at the new a):   diverged\n");
    } else {
        std::printf(std::abs(post.b) < 1e6
                        ? "post's loop (a first, then b at the new a):   a=%.3f, b=%.3f\n"
                        : "post's loop (a first, then b at the new a):   a=%.3g, b=%.3g\n",
                    post.a, post.b);
    }
    const gd::LineRun simul = ch01::sgd(pts, lr, epochs, 1);  // per sample, in order
    const gd::Point2 t = simul.end();  // (a, b); the last finite point if the run diverged
    std::printf(std::abs(t.y) < 1e6
                    ? "simultaneous update (both at the old point):  a=%.3f, b=%.3f"
                    : "simultaneous update (both at the old point):  a=%.3g, b=%.3g",
                t.x, t.y);
    if (simul.diverged_epoch >= 0) std::printf("  diverged in epoch %d", simul.diverged_epoch);
    std::printf("\ntrue line:                                    a=1.500, b=-28.000\n\n");
}

// The two loops at other rates: the factor by which each shrinks the error per epoch, in the
// long run (valley.hpp), and where each stops converging.
void update_orders_over_rates(const gd::Points& pts) {
    double xx = 0;  // mean of x²: the first-order prediction is 1 − 2η·mean(x²)
    for (double x : pts.x) xx += x * x / double(pts.size());
    std::printf("the two loops at other rates: the error's factor per epoch, in the long run\n");
    std::printf("  %7s %12s %13s %15s %14s\n", "lr", "post's loop", "simultaneous", "e-folds ratio",
                "1 - 2 lr x^2");
    for (double lr : {0.0005, 0.001, 0.002, 0.005, 0.007, 0.01, 0.015, 0.03}) {
        const double post = ch01::spectral_radius(ch01::post_epoch_map(pts, lr));
        const double simul = ch01::spectral_radius(ch01::epoch_map(pts, lr, 1));
        std::printf("  %7g %12.5f %13.5f", lr, post, simul);
        if (post < 1 && simul < 1) {  // how many e-folds the post's loop makes per textbook one
            std::printf(" %15.3f %14.3f\n", std::log(post) / std::log(simul), 1 - 2 * lr * xx);
        } else {
            std::printf(" %15s %14.3f\n", post >= 1 ? "post's grows" : "-", 1 - 2 * lr * xx);
        }
    }
    const auto post = [&](double lr) {
        return ch01::spectral_radius(ch01::post_epoch_map(pts, lr));
    };
    const auto simul = [&](double lr) {
        return ch01::spectral_radius(ch01::epoch_map(pts, lr, 1));
    };
    std::printf("largest stable rate: post's loop %.4f, simultaneous %.4f\n\n",
                ch01::largest_stable_rate(post), ch01::largest_stable_rate(simul));
}

// ---- The valley: the Hessian's two directions ------------------------------------------------

ch01::Valley print_valley(const gd::Points& pts) {
    const ch01::Mat2 H = ch01::hessian(pts);
    const ch01::Valley v = ch01::valley(H);
    const ch01::Split s = ch01::split(v, {0 - 1.5, 0 + 28});
    std::printf("the valley: H = [%.1f %.1f; %.1f %.1f], the Hessian of the mean loss\n", H.aa,
                H.ab, H.ba, H.bb);
    std::printf("  steep direction   (%.5f, %.5f): curvature lambda_max = %.3f\n", v.steep.x,
                v.steep.y, v.lambda_max);
    std::printf("  shallow direction (%.5f, %.5f): curvature lambda_min = %.3f\n", v.shallow.x,
                v.shallow.y, v.lambda_min);
    std::printf(
        "  condition number lambda_max/lambda_min = %.2f; full batch is stable below 2/lambda_max "
        "= %.5f\n",
        v.lambda_max / v.lambda_min, 2 / v.lambda_max);
    std::printf("  start error (a - 1.5, b + 28) = (-1.5, 28) = %.3f steep + %.3f shallow\n\n",
                s.steep, s.shallow);
    return v;
}

// ---- Per sample, mini-batch, full batch ------------------------------------------------------

// Per-sample vs mini-batch vs full batch, each at its own rate lrs[k], the same epochs.
std::vector<gd::LineRun> compare_batch_sizes(const gd::Points& pts, const std::vector<double>& lrs,
                                             int epochs, std::size_t batch, gd::Rng* order) {
    std::vector<gd::LineRun> runs;
    const std::size_t sizes[] = {1, batch, pts.size()};
    for (std::size_t k = 0; k < 3; ++k)
        runs.push_back(ch01::sgd(pts, lrs[k], epochs, sizes[k], order));
    runs[0].name = "per-sample";
    runs[1].name = "mini-batch";
    runs[2].name = "full batch";
    return runs;
}

void print_runs(const std::vector<gd::LineRun>& runs, const std::vector<double>& lrs) {
    std::printf("  %-12s %6s %8s %8s %10s %12s %12s\n", "method", "batch", "lr", "updates", "a",
                "b", "loss");
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const gd::LineRun& r = runs[k];
        const gd::Point2& t = r.epoch_path.back();  // (a, b)
        // Fixed decimals while the numbers are sane; a diverging run's are not.
        const char* row = std::abs(t.y) < 1e6 ? "  %-12s %6zu %8g %8zu %10.5f %12.5f %12.4g"
                                              : "  %-12s %6zu %8g %8zu %10.3g %12.3g %12.4g";
        std::printf(row, r.name.c_str(), r.batch, lrs[k], r.updates(), t.x, t.y,
                    r.epoch_loss.back());
        if (r.diverged_epoch >= 0) std::printf("  diverged in epoch %d", r.diverged_epoch);
        std::printf("\n");
    }
}

// Each run split along the valley's two directions: what (1 − η·h) per update predicts, and
// what the run did. a's error is the steep part plus the shallow direction's small share in a.
void print_modes(const std::vector<gd::LineRun>& runs, const ch01::Valley& v, double lr) {
    const int E = int(runs[0].epoch_path.size()) - 1;
    for (const gd::LineRun& r : runs)
        if (r.diverged_epoch >= 0 || E < 2) return;  // nothing to split: a run left the numbers
    const int early[] = {std::max(1, E / 30), std::max(1, 2 * E / 15)};
    const ch01::Split s0 = ch01::split(v, {-1.5, 28});
    std::printf(
        "\nalong the steep direction (start %.3f): factor (1 - lr lambda_max)^(updates/epoch)\n",
        s0.steep);
    char at[2][24];
    for (int k = 0; k < 2; ++k) std::snprintf(at[k], sizeof at[k], "epoch %d", early[k]);
    std::printf("  %-12s %9s %11s %11s %11s %14s\n", "method", "per epoch", at[0], at[1], "end",
                "/ shallow's");
    for (const gd::LineRun& r : runs) {
        const double per_epoch = std::pow(1 - lr * v.lambda_max, double(r.updates()) / E);
        std::printf("  %-12s %9.3f", r.name.c_str(), per_epoch);
        ch01::Split s;
        for (int e : {early[0], early[1], E}) {
            const gd::Point2 t = r.epoch_path[std::size_t(e)];
            s = ch01::split(v, {t.x - 1.5, t.y + 28});
            std::printf(" %11.3g", s.steep);
        }
        std::printf(" %14.2g\n", s.steep / s.shallow);  // what is left rides with the shallow part
    }
    std::printf(
        "along the shallow direction (start %.3f): predicted %.3f (1 - lr lambda_min)^updates\n",
        s0.shallow, s0.shallow);
    std::printf("  %-12s %9s %11s %11s %11s %13s\n", "method", "per epoch", "predicted", "at end",
                "a - 1.5", "shallow's a");
    for (const gd::LineRun& r : runs) {
        const gd::Point2 t = r.epoch_path.back();
        const ch01::Split s = ch01::split(v, {t.x - 1.5, t.y + 28});
        std::printf("  %-12s %9.4f %11.4g %11.4g %11.4g %13.4g\n", r.name.c_str(),
                    std::pow(1 - lr * v.lambda_min, double(r.updates()) / E),
                    s0.shallow * std::pow(1 - lr * v.lambda_min, double(r.updates())), s.shallow,
                    t.x - 1.5, s.shallow * v.shallow.x);
    }
}

// The largest stable rate of each batch size, walking the points in order and in a fresh
// random order every epoch (valley.hpp), beside the two single-step thresholds.
void stability_limits(const gd::Points& pts, std::size_t batch, std::uint64_t seed) {
    double far = 0;  // the point with the largest |x|: its own step is the steepest
    for (double x : pts.x) far = std::abs(x) > std::abs(far) ? x : far;
    std::printf("\nlargest stable rate per batch size (the error shrinks per epoch below it):\n");
    std::printf("  %-12s %6s %10s %10s\n", "method", "batch", "in order", "shuffled");
    const char* names[] = {"per-sample", "mini-batch", "full batch"};
    const std::size_t sizes[] = {1, batch, pts.size()};
    for (std::size_t k = 0; k < 3; ++k) {
        const auto in_order = [&](double lr) {
            return ch01::spectral_radius(ch01::epoch_map(pts, lr, sizes[k]));
        };
        const auto shuffled = [&](double lr) {
            return ch01::shuffled_factor(pts, lr, sizes[k], seed);
        };
        std::printf("  %-12s %6zu %10.4f %10.4f\n", names[k], sizes[k],
                    ch01::largest_stable_rate(in_order), ch01::largest_stable_rate(shuffled));
    }
    std::printf("  one step at x = %g flips its residual above lr = %.4f, grows it above %.4f\n",
                far, 1 / (2 * (far * far + 1)), 1 / (far * far + 1));
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("01_vanilla_sgd", [&] {
        gd::Cli cli("01_vanilla_sgd",
                    "per-sample, mini-batch and full-batch gradient descent fitting y = ax + b", 7);
        double lr = 0.001;
        int epochs = 150;
        int batch = 4;
        bool shuffle = false;
        cli.option("--lr", lr, "learning rate η", gd::positive());
        cli.option("--epochs", epochs, "passes over the 20 points", 1, 100000);
        cli.option("--batch", batch, "mini-batch size of the middle run", 1, 20);
        cli.flag("--shuffle", shuffle, "reshuffle the points every epoch (seeded by --seed)");
        if (!cli.parse(argc, argv)) return 0;

        // The problem: the post's 20 points on y = 1.5x - 28, start at a = b = 0.
        const gd::Points pts = gd::post_points();
        const std::size_t B = std::size_t(batch), n = pts.size();

        // The post's loop against the textbook update, at --lr and at other rates.
        compare_update_orders(pts, lr, epochs);
        update_orders_over_rates(pts);

        // The valley's two directions.
        const ch01::Valley v = print_valley(pts);

        // Per-sample vs mini-batch vs full batch, same rate, same number of epochs.
        gd::Rng rng(cli.seed);
        const std::vector<double> same{lr, lr, lr};
        const auto runs = compare_batch_sizes(pts, same, epochs, B, shuffle ? &rng : nullptr);
        std::printf("after %d epochs at the same rate:\n", epochs);
        print_runs(runs, same);
        print_modes(runs, v, lr);

        // The control: the rate times the batch size, so that every run moves η·n per epoch in
        // all and makes the same progress along the shallow direction, as long as it is stable.
        // along the shallow direction, as long as each stays stable.
        gd::Rng rng2(cli.seed);
        const std::vector<double> scaled{lr, lr * double(B), lr * double(n)};
        const auto fair = compare_batch_sizes(pts, scaled, epochs, B, shuffle ? &rng2 : nullptr);
        std::printf("\nafter %d epochs at lr x batch (the same total step per epoch):\n", epochs);
        print_runs(fair, scaled);
        stability_limits(pts, B, cli.seed);

        // Figures: --quick coarsens the grid and the animation, never the numbers.
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        ch01::plot_paths(figs, runs, pts, v, cli.quick ? 41 : 121);
        ch01::plot_loss(figs, runs, fair[2], scaled[2]);
        ch01::plot_params(figs, runs, v);
        ch01::plot_modes(figs, runs, v, lr);
        ch01::animate_fit(figs, runs, pts, cli.quick ? 8 : 60);
        std::fflush(stdout);  // the numbers before anything on std::clog
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

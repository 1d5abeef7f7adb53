// Chapter 02: momentum, as an average of gradients and as a velocity.
//
// Goal: see what momentum does to the gradient (it smooths it), to the path (it damps the
// zig-zag across a ravine and speeds up the walk along it), and show that the three ways it is
// written, the post's average, PyTorch's velocity and the lecture's Δw, are one path once the
// learning rate is rescaled.
// The problems: chapter 01's line fit, per sample, and the ravine f = 0.1x² + 2y².
//
// Notation: θ parameters, g gradient, η learning rate, β = μ = α momentum, t step,
// v the post's moving average (v₀ = 0), b torch's velocity (b₁ = g₁), Δw the lecture's step.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "figures.hpp"
#include "momentum.hpp"
#include "optim/momentum_ema.hpp"
#include "optim/sgd.hpp"
#include "plot/figures.hpp"
#include "problems/line_fit.hpp"
#include "problems/quadratic_theory.hpp"
#include "schedule/decay.hpp"
#include "train/descent.hpp"
#include "train/line_training.hpp"

namespace {

// ---- 1. The line fit: plain SGD, the post's average, torch's velocity -----------------------

std::vector<gd::LineRun> line_race(const gd::Points& pts, double lr, double beta, int epochs) {
    gd::LineTraining per_sample;  // batch 1, the 20 points in their order
    per_sample.epochs = epochs;
    gd::Sgd<double> plain(lr);
    gd::MomentumEma<double> ema(lr, beta);
    gd::Sgd<double> velocity(lr, beta);  // torch's form with μ = β at the same η
    std::vector<gd::LineRun> runs{gd::train_line(plain, pts, {0, 0}, per_sample),
                                  gd::train_line(ema, pts, {0, 0}, per_sample),
                                  gd::train_line(velocity, pts, {0, 0}, per_sample)};
    std::ostringstream b;
    b << beta;
    runs[0].name = "plain SGD";
    runs[1].name = "EMA momentum, beta " + b.str();
    runs[2].name = "torch momentum, mu " + b.str();
    std::printf("1. Line fit, per sample, eta = %g, %d epochs from a = b = 0:\n", lr, epochs);
    std::printf("  %-26s %10s %12s %12s\n", "method", "a", "b", "loss");
    for (const auto& r : runs) {
        const gd::Point2 end = r.end();
        const char* f = std::abs(end.x) + std::abs(end.y) < 1e5 ? "  %-26s %10.5f %12.5f %12.4g"
                                                                : "  %-26s %10.3g %12.3g %12.4g";
        std::printf(f, r.name.c_str(), end.x, end.y, r.epoch_loss.back());
        if (r.diverged_at >= 0) std::printf("  diverged at update %ld", r.diverged_at);
        std::printf("\n");
    }
    return runs;
}

// What the average does to the gradient: the same mean, a fraction of the spread.
void print_smoothing(const ch02::EmaRun& run, int epoch, std::size_t n) {
    std::printf("  over epoch %d (updates %zu-%zu), mean +- standard deviation:\n", epoch + 1,
                epoch * n + 1, (epoch + 1) * n);
    if (run.steps.size() < (epoch + 1) * n) {  // the loop stops where the average left the numbers
        std::printf("    the average diverged at update %ld\n\n", run.line.diverged_at);
        return;
    }
    const char* names[] = {"raw g_a", "average v_a", "raw g_b", "average v_b"};
    for (int j = 0; j < 4; ++j) {
        const ch02::MeanSd m = ch02::mean_sd(run.steps, epoch * n, (epoch + 1) * n, j);
        std::printf("    %-12s %9.3f +- %8.3f\n", names[j], m.mean, m.sd);
    }
    std::printf("\n");
}

// ---- 2. Three forms, one path ------------------------------------------------------------

// Largest distance between the EMA at η and torch's velocity at η(1−β), and between the
// lecture's Δw and torch at the same rate: rounding, until the rate changes during the run.
std::vector<gd::Trajectory> identities(const gd::Points& pts, double lr, double beta, int epochs) {
    const int steps = 100;
    const double torch_lr = lr * (1 - beta);
    gd::MomentumEma<double> ema(lr, beta);
    gd::Sgd<double> velocity(torch_lr, beta);
    ch02::DeltaW delta(torch_lr, beta);
    gd::LineTraining per_sample;
    per_sample.epochs = epochs;
    const gd::LineRun e = gd::train_line(ema, pts, {0, 0}, per_sample);
    const gd::LineRun v = gd::train_line(velocity, pts, {0, 0}, per_sample);
    const gd::LineRun d = gd::train_line(delta, pts, {0, 0}, per_sample);
    std::printf("2. One path, three forms (largest distance between two paths):\n");
    std::printf("  %-36s %18s %16s\n", "", "EMA(eta) vs", "Delta-w(eta') vs");
    std::printf("  %-36s %18s %16s\n", "", "torch(eta')", "torch(eta')");
    std::printf("  %-36s %18.2g %16.2g\n", "line fit, per sample, constant rate",
                ch02::max_gap(e.path, v.path), ch02::max_gap(d.path, v.path));

    // The ravine: EMA rate 4 with β = 0.9 is torch's rate η' = 4(1 − 0.9) = 0.4.
    const double eta = 4.0, mu = 0.9, eta_t = eta * (1 - mu);
    const auto e2 = ch02::on_ravine(gd::MomentumEma<double>(eta, mu), steps);
    const auto v2 = ch02::on_ravine(gd::Sgd<double>(eta_t, mu), steps);
    const auto d2 = ch02::on_ravine(ch02::DeltaW(eta_t, mu), steps);
    std::printf("  %-36s %18.2g %16.2g\n", "ravine, constant rate", ch02::max_gap(e2, v2),
                ch02::max_gap(d2, v2));

    // StepLR: the rate drops tenfold every 25 updates. Torch's step shrinks at once; Δw keeps
    // the steps it has taken and lets them decay by α per update.
    const gd::StepDecay ema_s(eta, 25, 0.1), torch_s(eta_t, 25, 0.1);
    auto e3 = ch02::on_ravine(gd::MomentumEma<double>(eta, mu), steps, &ema_s);
    auto v3 = ch02::on_ravine(gd::Sgd<double>(eta_t, mu), steps, &torch_s);
    auto d3 = ch02::on_ravine(ch02::DeltaW(eta_t, mu), steps, &torch_s);
    std::printf("  %-36s %18.2g %16.2g\n\n", "ravine, rate / 10 every 25 updates",
                ch02::max_gap(e3, v3), ch02::max_gap(d3, v3));
    e3.label = "EMA, η_t = 4 · 0.1^{⌊t/25⌋}";
    v3.label = "torch velocity, η_t = 0.4 · 0.1^{⌊t/25⌋}";
    d3.label = "the lecture Δw, the same η_t as torch";
    return {v3, e3, d3};
}

// ---- 3. The ravine: gradient descent against momentum ------------------------------------

std::vector<gd::Trajectory> ravine_race(double lr, double mu_small, double mu_large, int steps) {
    std::vector<gd::Trajectory> runs{ch02::on_ravine(gd::Sgd<double>(lr), steps),
                                     ch02::on_ravine(gd::Sgd<double>(lr, mu_small), steps),
                                     ch02::on_ravine(gd::Sgd<double>(lr, mu_large), steps)};
    const double mus[] = {0, mu_small, mu_large};
    std::printf("3. Ravine 0.1x^2 + 2y^2 from (-5, -2), torch's form, eta = %g, %d updates:\n", lr,
                steps);
    std::printf("  %-14s %12s %14s %14s %12s %12s\n", "method", "final loss", "loss factor",
                "predicted", "rho_x", "rho_y");
    for (std::size_t i = 0; i < runs.size(); ++i) {
        gd::Trajectory& r = runs[i];
        char label[64];
        std::snprintf(label, sizeof label, i == 0 ? "plain GD" : "momentum %g", mus[i]);
        r.label = label;
        // Per-update factor of the loss: exp of the least-squares slope of log(loss) over the
        // second half of the run (the first half is the transient).
        const double factor = std::exp(ch02::log_slope(r.loss, r.size() / 2));
        const double rx = gd::heavy_ball_radius(lr, mus[i], 0.2);
        const double ry = gd::heavy_ball_radius(lr, mus[i], 4);
        std::printf("  %-14s %12.3g %14.4f %14.4f %12.4f %12.4f", label, r.loss.back(), factor,
                    std::pow(std::max(rx, ry), 2), rx, ry);
        if (r.diverged_at >= 0) std::printf("  diverged at update %ld", r.diverged_at);
        std::printf("\n");
    }
    std::printf("  effective step along x for a steady gradient, eta/(1-mu): %g, %g, %g\n", lr,
                lr / (1 - mu_small), lr / (1 - mu_large));
    std::printf("  largest stable eta across y, 2(1+mu)/4: %g, %g, %g\n", 0.5, (1 + mu_small) / 2,
                (1 + mu_large) / 2);
    std::printf("  critical momentum along x, (1 - sqrt(eta*0.2))^2: %.3f\n\n",
                std::pow(1 - std::sqrt(lr * 0.2), 2));
    return runs;
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("02_momentum", [&] {
        gd::Cli cli("02_momentum", "momentum as an average and as a velocity: line fit, ravine");
        double lr = 0.001, beta = 0.95, ravine_lr = 0.4, mu_small = 0.5, mu_large = 0.9;
        int epochs = 150, ravine_steps = 50, zoom = 20;
        cli.option("--lr", lr, "learning rate η on the line fit", gd::between(1e-6, 0.1));
        cli.option("--beta", beta, "momentum β = μ on the line fit", gd::unit_open());
        cli.option("--epochs", epochs, "passes over the 20 points", 2, 100000);
        cli.option("--zoom", zoom, "first epoch of the close-up of the gradient figures", 0, 99998);
        cli.option("--ravine-lr", ravine_lr, "learning rate η on the ravine", gd::between(1e-4, 1));
        cli.option("--mu-small", mu_small, "the smaller momentum on the ravine", gd::unit_open());
        cli.option("--mu-large", mu_large, "the larger momentum on the ravine", gd::unit_open());
        cli.option("--ravine-steps", ravine_steps, "updates on the ravine", 2, 100000);
        if (!cli.parse(argc, argv)) return 0;
        if (zoom + 2 > epochs) throw gd::UsageError("--zoom must leave 2 epochs before --epochs");

        // 1. The post's problem and its momentum: what the average does to the gradient.
        const gd::Points pts = gd::post_points();
        const auto line_runs = line_race(pts, lr, beta, epochs);
        const ch02::EmaRun ema = ch02::ema_momentum(pts, {0, 0}, lr, beta, epochs);
        print_smoothing(ema, zoom, pts.size());

        // 2. The identities, numerically.
        const auto scheduled = identities(pts, lr, beta, epochs);

        // 3. The ravine race.
        const auto ravine = ravine_race(ravine_lr, mu_small, mu_large, ravine_steps);

        // Figures: --quick coarsens the grids and the animation, never the numbers.
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        for (char p : {'a', 'b'}) ch02::plot_gradient(figs, ema, p, beta, zoom, 2, pts.size());
        ch02::plot_line_loss(figs, line_runs);
        ch02::plot_schedule(figs, scheduled);
        ch02::plot_ravine_paths(figs, ravine, cli.quick ? 41 : 101);
        ch02::plot_ravine_loss(figs, ravine);
        ch02::animate_ravine(figs, ravine, cli.quick ? 5 : ravine_steps + 1, cli.quick ? 31 : 81);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

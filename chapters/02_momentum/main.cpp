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
#include "momentum.hpp"
#include "plot/figures.hpp"
#include "plot/paths.hpp"
#include "train/descent.hpp"

namespace {

// ---- 1. The line fit: plain SGD, the post's average, torch's velocity -----------------------

std::vector<ch02::LineRun> line_race(const gd::Points& pts, double lr, double beta, int epochs) {
    gd::Sgd<double> plain(lr);
    gd::MomentumEma<double> ema(lr, beta);
    gd::Sgd<double> velocity(lr, beta);  // torch's form with μ = β at the same η
    std::vector<ch02::LineRun> runs{ch02::per_sample(plain, pts, {0, 0}, epochs),
                                    ch02::per_sample(ema, pts, {0, 0}, epochs),
                                    ch02::per_sample(velocity, pts, {0, 0}, epochs)};
    std::ostringstream b;
    b << beta;
    runs[0].name = "plain SGD";
    runs[1].name = "EMA momentum, beta " + b.str();
    runs[2].name = "torch momentum, mu " + b.str();
    std::printf("1. Line fit, per sample, eta = %g, %d epochs from a = b = 0:\n", lr, epochs);
    std::printf("  %-26s %10s %12s %12s\n", "method", "a", "b", "loss");
    for (const auto& r : runs) {
        const gd::Point2 end = r.path.back();
        const char* f = std::abs(end.x) + std::abs(end.y) < 1e5 ? "  %-26s %10.5f %12.5f %12.4g"
                                                                : "  %-26s %10.3g %12.3g %12.4g";
        std::printf(f, r.name.c_str(), end.x, end.y, r.loss.back());
        if (r.diverged_at >= 0) std::printf("  diverged at update %ld", r.diverged_at);
        std::printf("\n");
    }
    return runs;
}

// What the average does to the gradient: the same mean, a fraction of the spread.
void print_smoothing(const ch02::EmaRun& run, int epoch, std::size_t n) {
    std::printf("  over epoch %d (updates %zu-%zu), mean +- standard deviation:\n", epoch + 1,
                epoch * n + 1, (epoch + 1) * n);
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
    const auto e = ch02::per_sample(ema, pts, {0, 0}, epochs);
    const auto v = ch02::per_sample(velocity, pts, {0, 0}, epochs);
    const auto d = ch02::per_sample(delta, pts, {0, 0}, epochs);
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
        const double rx = ch02::contraction(lr, 0.2, mus[i]), ry = ch02::contraction(lr, 4, mus[i]);
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

// ---- The figures -------------------------------------------------------------------------

// The raw per-sample gradient of one parameter against its moving average: the whole run on
// top, a few epochs close up below.
void plot_gradient(gd::plot::Figures& figs, const ch02::EmaRun& run, char which, double beta,
                   int zoom_from, int zoom_epochs, std::size_t n) {
    const std::string slug = std::string("gradient_") + which;
    gd::plot::Data data({"update", "g", "v"}, 7);
    for (std::size_t k = 0; k < run.steps.size(); ++k) {
        const ch02::Record& r = run.steps[k];
        data.row({double(k + 1), which == 'a' ? r.ga : r.gb, which == 'a' ? r.va : r.vb});
    }
    figs.write(slug, data);
    const std::string name = which == 'a' ? "a (slope)" : "b (intercept)";
    const std::size_t z0 = zoom_from * n, z1 = (zoom_from + zoom_epochs) * n;
    std::ostringstream gp;
    gp << "set multiplot layout 2,1 title 'Gradient of " << name
       << ": the raw per-sample value jumps, its moving average (β = " << beta << ") glides'\n"
       << "set ylabel '∂ℓ_i/∂" << which << "'\nset key top right\n"
       << "set xlabel 'update (20 per epoch)'\nset xrange [0:" << run.steps.size() << "]\n"
       << "set object 1 rect from " << z0 << ", graph 0 to " << z1
       << ", graph 1 fc rgb '#f0e442' fs solid 0.35 noborder behind\n"
       << "plot '" << slug << ".dat' using 1:2 with lines lt 8 lw 0.8 title 'raw gradient g', "
       << "'' using 1:3 with lines lt 2 lw 2 title 'moving average v'\n"
       << "unset object 1\nset xrange [" << z0 << ":" << z1 << "]\n"
       << "set xlabel sprintf('updates %d to %d, close up (the shaded band above)', " << z0 << ", "
       << z1 << ")\n"
       << "plot '" << slug << ".dat' using 1:2 with linespoints lt 8 lw 1 pt 7 ps 0.5 "
       << "title 'raw gradient g', '' using 1:3 with linespoints lt 2 lw 2 pt 7 ps 0.5 "
       << "title 'moving average v', 0 with lines lc rgb '#444444' dt 2 lw 1 notitle\n"
       << "unset multiplot\n";
    figs.png(slug, gp.str(), 1000, 800);
}

// Loss per epoch on the line fit: the average steps like plain SGD, the velocity 1/(1−μ) times
// farther.
void plot_line_loss(gd::plot::Figures& figs, const std::vector<ch02::LineRun>& runs) {
    gd::plot::Data data({"epoch", "loss"});
    for (const auto& r : runs) {
        data.block(r.name);
        for (std::size_t e = 0; e < r.loss.size(); ++e) data.row({double(e), r.loss[e]});
    }
    figs.write("line_loss", data);
    std::ostringstream gp;
    gp << "set title 'Line fit: at the same η the average is as slow as plain SGD, the velocity "
          "is not'\n"
       << "set xlabel 'epoch (20 per-sample updates)'\n"
       << "set ylabel 'mean squared error on all 20 points'\n"
       << "set logscale y\nset format y '10^{%L}'\nset key bottom left\nset xrange [0:*]\n"
       << "plot 'line_loss.dat' index 0 using 1:2 with lines lt 7 lw 3 title '" << runs[0].name
       << "', '' index 1 using 1:2 with lines lt 2 dt 2 lw 2.5 title '" << runs[1].name
       << "', '' index 2 using 1:2 with lines lt 3 title '" << runs[2].name << "'\n";
    figs.png("line_loss", gp.str());
}

// The paths on the ravine, the wide swings of the largest momentum drawn underneath the others.
void plot_ravine_paths(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs, int grid) {
    gd::PathsLook look;
    look.key = "bottom right";
    look.styles = {"lw 2.5 pt 7 ps 0.6", "lw 2.5 pt 7 ps 0.6", "lw 1 pt 7 ps 0.3 dt 1"};
    look.order = {2, 0, 1};
    look.start = gd::PathsLook::none;
    look.before =
        "set label 1 'start' at -5,-2 point pt 6 ps 2.5 lw 2 lc rgb 'black' "
        "offset 1,-0.6 front\n";
    look.height = 650;
    gd::plot_paths(figs, "ravine_paths", gd::Ravine(), runs,
                   "Ravine, same η: momentum 0.5 runs along x twice as fast, 0.9 overshoots and "
                   "swings",
                   grid, look);
}

// Loss per update on the ravine, log scale: straight lines whose slopes are the factors printed.
void plot_ravine_loss(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs) {
    gd::plot::Data data({"update", "loss"});
    for (const auto& r : runs) {
        data.block(r.label);
        for (std::size_t k = 0; k < r.size(); ++k) data.row({double(r.step[k]), r.loss[k]});
    }
    figs.write("ravine_loss", data);
    std::ostringstream gp;
    gp << "set title 'Ravine: momentum 0.5 is near critical damping and converges fastest'\n"
       << "set xlabel 'update'\nset ylabel 'f(x, y) = 0.1x^2 + 2y^2'\n"
       << "set logscale y\nset format y '10^{%L}'\nset key bottom left\nset xrange [0:*]\n"
       << "plot 'ravine_loss.dat' index 0 using 1:2 with linespoints lt 2 pt 7 ps 0.5 title '"
       << runs[0].label << "', '' index 1 using 1:2 with linespoints lt 3 pt 7 ps 0.5 title '"
       << runs[1].label << "', '' index 2 using 1:2 with linespoints lt 7 pt 7 ps 0.5 title '"
       << runs[2].label << "'\n";
    figs.png("ravine_loss", gp.str());
}

// Step length per update under StepLR: torch's step drops tenfold at once, Δw's decays by α.
void plot_schedule(gd::plot::Figures& figs, const std::vector<gd::Trajectory>& runs) {
    gd::plot::Data data({"update", "step_length"});
    for (const auto& r : runs) {
        data.block(r.label);
        for (std::size_t k = 1; k < r.size(); ++k) {
            data.row({double(r.step[k]), std::hypot(r.x[k] - r.x[k - 1], r.y[k] - r.y[k - 1])});
        }
    }
    figs.write("schedule", data);
    std::ostringstream gp;
    gp << "set title 'When η changes: torch and the EMA rescale the whole velocity, Δw keeps its "
          "old steps'\n"
       << "set xlabel 'update (the rate drops tenfold after updates 25, 50, 75)'\n"
       << "set ylabel 'step length |θ_{t+1} - θ_t|'\nset logscale y\nset format y '10^{%L}'\n"
       << "set key bottom left\nset xrange [0:*]\n"
       << "do for [k = 1:3] { set arrow k from 25*k, graph 0 to 25*k, graph 1 nohead "
          "lc rgb '#999999' dt 2 }\n"
       << "plot 'schedule.dat' index 0 using 1:2 with lines lt 3 lw 4 title '" << runs[0].label
       << "', '' index 1 using 1:2 with lines lt 7 lw 1.5 dt 2 title '" << runs[1].label
       << "', '' index 2 using 1:2 with lines lt 4 lw 2 title '" << runs[2].label << "'\n";
    figs.png("schedule", gp.str());
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
        for (char p : {'a', 'b'}) plot_gradient(figs, ema, p, beta, zoom, 2, pts.size());
        plot_line_loss(figs, line_runs);
        plot_schedule(figs, scheduled);
        plot_ravine_paths(figs, ravine, cli.quick ? 41 : 101);
        plot_ravine_loss(figs, ravine);
        gd::animate_paths(figs, "ravine", gd::Ravine(), ravine,
                          "Ravine race, the same η for all three", cli.quick ? 5 : ravine_steps + 1,
                          cli.quick ? 31 : 81);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

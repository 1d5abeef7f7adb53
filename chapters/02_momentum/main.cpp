// Chapter 02: momentum, as an average of gradients and as a velocity.
//
// Goal: see what momentum does to the gradient (it smooths it); show that the post's average,
// PyTorch's velocity (with or without dampening) and the lecture's Δθ are one path once the rate
// is rescaled; find where on the ravine f = 0.1x² + 2y² momentum speeds gradient descent up and
// where it slows it down. Line fits: chapter 01's 20 points, and the post's own 30.
//
// Notation: θ parameters, g gradient, η rate, μ = β momentum, τ dampening, t update, λ curvature,
// m the post's average (m₀ = 0), u torch's velocity (u₁ = g₁), Δθ the lecture's step.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli.hpp"
#include "figures.hpp"
#include "momentum.hpp"
#include "optim/momentum_ema.hpp"
#include "optim/sgd.hpp"
#include "plot/figures.hpp"
#include "schedule/decay.hpp"
#include "train/settling.hpp"

namespace {

// ---- 1. The line fit: plain SGD, the post's average, torch's velocity -----------------------

std::vector<gd::LineRun> line_race(const gd::Points& pts, double lr, double beta, int epochs) {
    gd::Sgd<double> plain(lr), velocity(lr, beta);  // torch's form with μ = β at the same η
    gd::MomentumEma<double> average(lr, beta);
    std::vector<gd::LineRun> runs{
        ch02::per_sample(plain, pts, {0, 0}, epochs, "plain SGD"),
        ch02::per_sample(average, pts, {0, 0}, epochs, "the average m"),
        ch02::per_sample(velocity, pts, {0, 0}, epochs, "torch velocity u")};
    std::printf("1. Line fit, per sample, eta = %g, beta = mu = %g, %d epochs from a = b = 0:\n",
                lr, beta, epochs);
    std::printf("  %-26s %10s %12s %12s\n", "method", "a", "b", "loss");
    for (const auto& r : runs) {
        std::printf("  %-26s %#10.6g %#12.7g %12.4g", r.name.c_str(), r.end().x, r.end().y,
                    r.epoch_loss.back());
        if (r.diverged_at >= 0) std::printf("  diverged at update %ld", r.diverged_at);
        std::printf("\n");
    }
    return runs;
}

// What the average does to the gradient: the same mean, a fraction of the spread.
void print_smoothing(const ch02::Recorded& run, int epoch, std::size_t n) {
    std::printf("  over epoch %d (updates %zu-%zu), mean +- standard deviation:\n", epoch + 1,
                epoch * n + 1, (epoch + 1) * n);
    if (run.steps.size() < (epoch + 1) * n) {  // the loop stops where the average left the numbers
        std::printf("    the average diverged at update %ld\n", run.line.diverged_at);
        return;
    }
    const char* names[] = {"raw g_a", "average m_a", "raw g_b", "average m_b"};
    for (int j = 0; j < 4; ++j) {
        const ch02::MeanSd m = ch02::mean_sd(run.steps, epoch * n, (epoch + 1) * n, j);
        std::printf("    %-12s %9.3f +- %8.3f\n", names[j], m.mean, m.sd);
    }
}

// The post's own comparison (ch02::post_comparison_runs); then the ratio of the losses there and
// on the chapter's 20 points (ch: their plain SGD and average runs).
std::vector<gd::LineRun> post_comparison(std::uint64_t seed, const std::vector<gd::LineRun>& ch) {
    std::vector<gd::LineRun> runs = ch02::post_comparison_runs(seed);
    std::printf(
        "  the post's comparison, 30 points (seed %llu) from (1, 1), eta = 0.001, beta = "
        "0.95:\n  loss after epoch      1        5       10       25       50\n",
        static_cast<unsigned long long>(seed));
    for (const auto& r : runs) {
        std::printf("  %-14s", r.name.c_str());
        for (int e : {1, 5, 10, 25, 50}) std::printf(" %8.4g", r.epoch_loss[e]);
        std::printf("\n");
    }
    // Loss of the average over loss of plain SGD, epoch by epoch: above 1 the average is behind.
    for (const std::vector<gd::LineRun>* pair : {&ch, &std::as_const(runs)}) {
        const std::vector<double> ratio = ch02::loss_ratio((*pair)[0], (*pair)[1]);
        const long ahead = gd::settled_from(ratio, 1.0);  // index e-1: epoch e
        std::printf("  %-23s average/SGD loss: epoch 1 %.4f, last %.4f; behind for epochs 1-%ld\n",
                    pair == &ch ? "the chapter's points" : "the post's comparison", ratio[0],
                    ratio.back(), ahead < 0 ? long(ratio.size()) : ahead);
    }
    const ch02::RatioRange r = ch02::post_ratio_range(1, 10);
    std::printf(
        "  the post's comparison, seeds 1-10: epoch 1 %.4f to %.4f, epoch 50 %.4f to %.4f\n\n",
        r.first_lo, r.first_hi, r.last_lo, r.last_hi);
    return runs;
}

// ---- 2. Three forms, one path ------------------------------------------------------------

// Largest distance between the average at η and torch's velocity at η(1−β), and between the
// lecture's Δθ and torch at the same rate: rounding, until the rate changes during the run.
std::vector<gd::Trajectory> identities(const gd::Points& pts, double lr, double beta, int epochs) {
    const double torch_lr = lr * (1 - beta);
    gd::MomentumEma<double> ema(lr, beta);
    gd::Sgd<double> velocity(torch_lr, beta);
    ch02::DeltaTheta delta(torch_lr, beta);
    const auto m = ch02::per_sample(ema, pts, {0, 0}, epochs, ""),
               u = ch02::per_sample(velocity, pts, {0, 0}, epochs, ""),
               d = ch02::per_sample(delta, pts, {0, 0}, epochs, "");
    std::printf("2. One path, three forms (largest distance between two paths):\n");
    std::printf("  %-36s %18s %16s\n", "", "m at eta vs", "Delta-theta(eta')");
    std::printf("  %-36s %18s %16s\n", "", "u at eta'", "vs u at eta'");
    std::printf("  %-36s %18.2g %16.2g\n", "line fit, per sample, constant rate",
                ch02::max_gap(m.path, u.path), ch02::max_gap(d.path, u.path));

    // The ravine, at a constant rate and under StepLR (rate / 10 every 25 updates): the average
    // at η = 4 with β = 0.9 is torch at η' = 0.4; Δθ keeps its old steps when the rate drops.
    const double eta = 4.0, mu = 0.9, eta_t = eta * (1 - mu);
    const gd::StepDecay ema_s(eta, 25, 0.1), torch_s(eta_t, 25, 0.1);
    std::vector<gd::Trajectory> r;
    for (bool steplr : {false, true}) {
        r = {ch02::on_ravine(gd::Sgd<double>(eta_t, mu), 100, steplr ? &torch_s : nullptr),
             ch02::on_ravine(gd::MomentumEma<double>(eta, mu), 100, steplr ? &ema_s : nullptr),
             ch02::on_ravine(ch02::DeltaTheta(eta_t, mu), 100, steplr ? &torch_s : nullptr)};
        std::printf("  %-36s %18.2g %16.2g\n",
                    steplr ? "ravine, rate / 10 every 25 updates" : "ravine, constant rate",
                    ch02::max_gap(r[1], r[0]), ch02::max_gap(r[2], r[0]));
    }
    std::printf("\n");
    r[0].label = "torch velocity u, η_t = 0.4 · 0.1^{⌊t/25⌋}";
    r[1].label = "the average m, η_t = 4 · 0.1^{⌊t/25⌋}";
    r[2].label = "the lecture’s Δθ, the same η_t as torch";
    return r;
}

// ---- 3. Dampening: torch's velocity with τ = β is the post's average, but for its start -----

std::vector<ch02::Recorded> dampening(const gd::Points& pts, double lr, double beta, int epochs) {
    gd::Sgd<double> damped(lr, beta, beta);  // u ← βu + (1−β)g from update 2; u₁ = g₁
    gd::MomentumEma<double> average(lr, beta);
    std::vector<ch02::Recorded> runs{
        ch02::record_line(damped, beta > 0 ? "momentum_buffer" : "", pts, {0, 0}, epochs),
        ch02::record_line(average, "velocity", pts, {0, 0}, epochs)};
    const auto &u = runs[0].steps, &m = runs[1].steps;
    const gd::LineRun &ut = runs[0].line, &mt = runs[1].line;
    std::printf("3. Dampening: torch SGD(lr=%g, momentum=%g, dampening=%g) against the average:\n",
                lr, beta, beta);
    std::printf("  %6s %10s %10s %10s %12s %10s %10s\n", "update", "torch u_b", "post m_b",
                "u_b - m_b", "beta^t g_1b", "b torch", "b post");
    for (std::size_t t : {1, 2, 3, 10, 20, 50}) {
        if (t > std::min(u.size(), m.size())) break;
        std::printf("  %6zu %10.3f %10.3f %10.3f %12.3f %10.5f %10.5f\n", t, u[t - 1].bufb,
                    m[t - 1].bufb, u[t - 1].bufb - m[t - 1].bufb, std::pow(beta, t) * u[0].gb,
                    ut.path[t].y, mt.path[t].y);
    }
    std::printf(
        "  largest distance between the paths %.3f; loss after %d epochs %.4g (torch), %.4g "
        "(post)\n",
        ch02::max_gap(ut.path, mt.path), epochs, ut.epoch_loss.back(), mt.epoch_loss.back());

    // The lecture's "dampening 1 − η" taken as a recipe: lr = 1 and τ = 1 − η' give the lecture's
    // recursion u ← μu + η'g from update 2, at the η' that makes Δθ the average's path.
    const double eta_l = lr * (1 - beta);
    gd::Sgd<double> recipe(1.0, beta, 1 - eta_l);
    ch02::DeltaTheta lecture(eta_l, beta);
    const auto r = ch02::per_sample(recipe, pts, {0, 0}, epochs, ""),
               l = ch02::per_sample(lecture, pts, {0, 0}, epochs, "");
    std::printf(
        "  SGD(lr=1, momentum=%g, dampening=1-%g): first step to (%g, %g), the lecture's"
        " Delta-theta to (%g, %g);\n  loss after %d epochs %.4g against %.4g\n\n",
        beta, eta_l, r.path[1].x, r.path[1].y, l.path[1].x, l.path[1].y, epochs,
        r.epoch_loss.back(), l.epoch_loss.back());
    return runs;
}

// ---- 4. The ravine: where momentum helps gradient descent, and where it hurts ---------------

std::vector<gd::Trajectory> ravine_race(double lr, double mu_small, double mu_large, int steps) {
    std::vector<gd::Trajectory> runs;
    std::printf(
        "4. Ravine 0.1x^2 + 2y^2 from (-5, -2), torch's form, eta = %g; loss after %d "
        "updates:",
        lr, steps);
    for (double mu : {0.0, mu_small, mu_large}) {
        runs.push_back(ch02::on_ravine(gd::Sgd<double>(lr, mu), steps));
        char label[64];
        std::snprintf(label, sizeof label, mu == 0 ? "plain GD" : "momentum %g", mu);
        runs.back().label = label;
        std::printf("%s %s %.3g", mu == 0 ? "" : ",", label, runs.back().loss.back());
    }
    std::printf("\n");
    return runs;
}

// Every μ at the chapter's η: per axis, faster or slower than gradient descent.
std::vector<ch02::RavineRate> mu_sweep(double lr, int steps, std::vector<double> mus) {
    mus.insert(mus.end(), {0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95});
    std::sort(mus.begin(), mus.end());
    mus.erase(std::unique(mus.begin(), mus.end()), mus.end());
    std::printf(
        "  every momentum at eta = %g (loss factor per update, measured over updates %d-%d, "
        "nan: the run diverges):\n",
        lr, steps / 2, steps);
    std::printf("  %5s %7s %7s %8s %8s %10s %9s %9s %11s %12s\n", "mu", "rho_x", "rho_y", "x vs GD",
                "y vs GD", "predicted", "measured", "to 1e-10", "eta/(1-mu)", "stable eta <");
    std::vector<ch02::RavineRate> rows;
    for (double mu : mus) {
        rows.push_back(ch02::ravine_rate(lr, mu, steps));
        const ch02::RavineRate &r = rows.back(), &gd0 = rows.front();
        const auto vs = [&](double a, double b) {
            return mu == 0 ? "" : a < b ? "faster" : "slower";
        };
        std::printf("  %5.2f %7.4f %7.4f %8s %8s %10.4f %9.4f %9s %11.4g %12.4g\n", mu, r.rho_x,
                    r.rho_y, vs(r.rho_x, gd0.rho_x), vs(r.rho_y, gd0.rho_y), r.predicted,
                    r.measured, r.settled < 0 ? "-" : std::to_string(r.settled).c_str(),
                    lr / (1 - mu), gd::heavy_ball_limit(mu) / ch02::kLambdaY);
    }
    const char* names[] = {"along x", "across y", "overall"};
    const std::vector<double> axes[] = {{ch02::kLambdaX}, {ch02::kLambdaY}, {0.2, 4.0}};
    for (int i = 0; i < 3; ++i) {
        const ch02::MomentumRange h = ch02::where_momentum_helps(lr, axes[i]);
        if (h.upto < 1e-3) std::printf("  %-8s never faster than GD\n", names[i]);
        if (h.upto >= 1e-3)
            std::printf("  %-8s faster than GD for mu < %.3f, best at mu = %.3f (rho %.4f)\n",
                        names[i], h.upto, h.best_mu, h.best_rho);
    }
    std::printf("\n");
    return rows;
}

// The best constant settings for the ravine, from its extreme curvatures 0.2 and 4.
std::vector<gd::Trajectory> optimum(int steps) {
    std::printf(
        "  the best settings for kappa = %g (rate: the error's factor per update):\n  %-12s "
        "%8s %8s %8s %11s %10s %16s\n",
        ch02::kLambdaY / ch02::kLambdaX, "", "eta", "mu", "rate", "predicted", "measured",
        "updates to 1e-10");
    std::vector<gd::Trajectory> runs;
    for (const gd::Tuning& s : {gd::gd_optimum(ch02::kLambdaX, ch02::kLambdaY),
                                gd::heavy_ball_optimum(ch02::kLambdaX, ch02::kLambdaY)}) {
        const ch02::RavineRate r = ch02::ravine_rate(s.eta, s.mu, steps);
        std::printf("  %-12s %8.4f %8.4f %8.4f %11.4f %10.4f %16ld\n",
                    s.mu == 0 ? "GD" : "heavy ball", s.eta, s.mu, s.rate, r.predicted, r.measured,
                    r.settled);
        runs.push_back(ch02::on_ravine(gd::Sgd<double>(s.eta, s.mu), steps));
        char label[80];
        std::snprintf(label, sizeof label,
                      s.mu == 0 ? "GD, best η = %.3f" : "heavy ball, best η = %.3f, μ = %.3f",
                      s.eta, s.mu);
        runs.back().label = label;
    }
    std::printf("\n");
    return runs;
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("02_momentum", [&] {
        gd::Cli cli("02_momentum", "momentum as an average and as a velocity: line fit, ravine", 7);
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

        // 1. The line fit: what the average does to the gradient; how fast it is against SGD.
        const gd::Points pts = gd::post_points();
        const auto line_runs = line_race(pts, lr, beta, epochs);
        const ch02::Recorded ema = ch02::ema_momentum(pts, {0, 0}, lr, beta, epochs);
        print_smoothing(ema, zoom, pts.size());
        const auto post_runs = post_comparison(cli.seed, line_runs);

        // 2. The identities, numerically; 3. dampening.
        const auto scheduled = identities(pts, lr, beta, epochs);
        const auto damped = dampening(pts, lr, beta, epochs);

        // 4. The ravine: the race, every μ at its η, and the best settings.
        const auto ravine = ravine_race(ravine_lr, mu_small, mu_large, ravine_steps);
        const auto sweep = mu_sweep(ravine_lr, ravine_steps, {mu_small, mu_large});
        const auto best = optimum(ravine_steps);

        // Figures: --quick coarsens the grids and the animation, never the numbers.
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        for (char p : {'a', 'b'}) ch02::plot_gradient(figs, ema, p, beta, zoom, 2, pts.size());
        ch02::plot_line_loss(figs, line_runs, post_runs);
        ch02::plot_schedule(figs, scheduled);
        ch02::plot_dampening(figs, damped, beta, 60);
        ch02::plot_ravine_paths(figs, ravine, ravine_lr, cli.quick ? 41 : 101);
        ch02::plot_ravine_axes(figs, ravine, {0, mu_small, mu_large}, ravine_lr);
        ch02::plot_sweep(figs, sweep, ravine_lr);
        ch02::plot_ravine_loss(figs, ravine, best);
        ch02::animate_ravine(figs, ravine, cli.quick ? 5 : ravine_steps + 1, cli.quick ? 31 : 81);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

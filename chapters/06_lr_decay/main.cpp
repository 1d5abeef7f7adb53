// Chapter 06: learning-rate decay, and why a constant rate never settles on noisy data.
//
// Goal: on a line fit whose points carry noise, mini-batch SGD with a constant rate η reaches the
// least-squares solution θ* quickly and then keeps bouncing around it in a "noise ball" whose
// variance grows with η. Shrinking the rate over the epochs (step, exponential, inverse-time or
// linear decay, the four schemes of the range-test article) shrinks the ball. We measure it over
// many seeds, compare it with the closed-form θ*, and check the rule of thumb var ≈ η·σ²/B.
//
// Notation: θ = (a, b) parameters, θ* the least-squares solution, η₀ base rate (--lr), η_t the
// rate of epoch t, B batch size, σ the noise on y.
//
// The problem, the algorithm and the measurements are in noisy_sgd.hpp, the figures in
// figures.hpp.
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <vector>

#include "cli/cli.hpp"
#include "core/rng.hpp"
#include "core/seeds.hpp"
#include "figures.hpp"
#include "noisy_sgd.hpp"
#include "plot/figures.hpp"
#include "problems/line_fit.hpp"
#include "schedule/decay.hpp"
#include "train/line_training.hpp"

namespace {

using ch06::Line;

struct Settings {
    double lr = 0.01, noise = 2.0;
    int epochs = 60, batch = 8, points = 320, seeds = 20;
    bool replace = false;
    int step_size = 15;  // step: halve the rate every 15 epochs
    double step_gamma = 0.5;
    double exp_gamma = 0.95;   // exponential: 5 % less every epoch (k = −ln 0.95 ≈ 0.051)
    double decay = 0.3;        // inverse-time: η₀ / (1 + 0.3 t)
    double end_factor = 0.05;  // linear: from η₀ down to 0.05·η₀ ...
    int total_iters = 50;      // ... over 50 epochs, then flat
    std::uint64_t seed = 6;
};

// ---- The experiments --------------------------------------------------------------------------

// The schedules compared: a constant rate and the four decays, all starting at η₀.
std::vector<std::unique_ptr<gd::Schedule>> decays(const Settings& s) {
    std::vector<std::unique_ptr<gd::Schedule>> v;
    v.push_back(std::make_unique<gd::ConstantRate>(s.lr));
    v.push_back(std::make_unique<gd::StepDecay>(s.lr, s.step_size, s.step_gamma));
    v.push_back(std::make_unique<gd::ExponentialDecay>(s.lr, s.exp_gamma));
    v.push_back(std::make_unique<gd::InverseTimeDecay>(s.lr, s.decay));
    v.push_back(std::make_unique<gd::LinearSchedule>(s.lr, 1.0, s.end_factor, s.total_iters));
    return v;
}

// Every schedule runs once per seed from θ = (0, 0); all runs of a seed see the same shuffles:
// run r draws them from stream 1 + r of --seed (gd::run_seed, core/seeds.hpp).
std::vector<std::vector<gd::LineRun>> compare_decays(
    const gd::Points& pts, const Settings& s, const std::vector<std::unique_ptr<gd::Schedule>>& v) {
    std::vector<std::vector<gd::LineRun>> runs(v.size());
    for (std::size_t k = 0; k < v.size(); ++k) {
        for (int r = 0; r < s.seeds; ++r) {
            gd::Rng rng(gd::run_seed(s.seed, 1 + static_cast<std::uint64_t>(r)));
            runs[k].push_back(ch06::sgd(pts, {0, 0}, *v[k], s.epochs,
                                        static_cast<std::size_t>(s.batch), rng, s.replace));
        }
    }
    return runs;
}

void print_decays(const std::vector<std::vector<gd::LineRun>>& runs, Line best, double best_loss,
                  const Settings& s) {
    std::printf("after %d epochs, batch %d, %s, %d seeds:\n", s.epochs, s.batch,
                s.replace ? "batches drawn with replacement" : "reshuffled every epoch", s.seeds);
    std::printf("  %-13s %11s %11s %11s %13s\n", "schedule", "final rate", "rms(a-a*)", "rms(b-b*)",
                "L - L*");
    for (const auto& rk : runs) {
        const ch06::Spread sp = ch06::spread(ch06::finals(rk), best);
        const double excess = ch06::mean_excess(rk, best_loss).back();
        const double final_rate = rk[0].lr.back();  // η of the last update, in the last epoch
        std::printf("  %-13s %11.3g %11.4f %11.4f %13.3g", rk[0].name.c_str(), final_rate, sp.rms_a,
                    sp.rms_b, excess);
        for (const gd::LineRun& r : rk)
            if (r.diverged_epoch >= 0)
                std::printf("  (a run diverged in epoch %d)", r.diverged_epoch);
        std::printf("\n");
    }
}

// The noise ball at constant rates η₀, η₀/2, ..., η₀/16, for both ways of drawing batches.
std::vector<ch06::Ball> measure_noise_ball(const gd::Points& pts, Line best, double sigma2,
                                           const Settings& s) {
    std::vector<ch06::Ball> balls;
    const auto b = static_cast<std::size_t>(s.batch);
    for (double eta = s.lr; eta > s.lr / 20; eta /= 2) {
        balls.push_back({eta, ch06::noise_ball_rule(eta, sigma2, b),
                         ch06::noise_ball(pts, best, eta, b, true, s.seeds, s.seed),
                         ch06::noise_ball(pts, best, eta, b, false, s.seeds, s.seed)});
    }
    std::printf("\nnoise ball at a constant rate (variance around a*, b*; epochs 40-80):\n");
    std::printf("  %8s %11s | %11s %11s | %11s %11s\n", "eta", "eta*s^2/B", "var a iid",
                "var b iid", "var a shuf", "var b shuf");
    for (const ch06::Ball& x : balls) {
        std::printf("  %8.5f %11.3g | %11.3g %11.3g | %11.3g %11.3g\n", x.eta, x.rule,
                    x.iid.rms_a * x.iid.rms_a, x.iid.rms_b * x.iid.rms_b,
                    x.shuffled.rms_a * x.shuffled.rms_a, x.shuffled.rms_b * x.shuffled.rms_b);
    }
    return balls;
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("06_lr_decay", [&] {
        gd::Cli cli("06_lr_decay",
                    "constant vs decaying learning rates for mini-batch SGD on a noisy line", 6);
        Settings s;
        cli.option("--lr", s.lr, "base learning rate η₀", gd::between(1e-6, 0.1));
        cli.option("--epochs", s.epochs, "passes over the data", 1, 100000);
        cli.option("--batch", s.batch, "mini-batch size B", 1, 100000);
        cli.option("--points", s.points, "number of data points", 2, 1000000);
        cli.option("--noise", s.noise, "standard deviation σ of the noise on y",
                   gd::between(0, 100));
        // Run r shuffles with stream 1 + r of --seed, and gd::run_seed has 999 of them.
        cli.option("--seeds", s.seeds, "runs per schedule, each with its own shuffles", 2, 999);
        cli.flag("--replace", s.replace,
                 "draw every batch with replacement instead of reshuffling");
        cli.option("--step-size", s.step_size, "step: epochs between drops", 1, 100000);
        cli.option("--step-gamma", s.step_gamma, "step: factor of each drop", gd::between(0, 1));
        cli.option("--exp-gamma", s.exp_gamma, "exponential: factor per epoch", gd::between(0, 1));
        cli.option("--decay", s.decay, "inverse-time: η₀ / (1 + decay·t)", gd::non_negative());
        cli.option("--end-factor", s.end_factor, "linear: final factor", gd::between(0, 1));
        cli.option("--total-iters", s.total_iters, "linear: epochs to reach it", 1, 100000);
        if (!cli.parse(argc, argv)) return 0;
        s.seed = cli.seed;
        if (s.batch > s.points) gd::Cli::fail("--batch must not exceed --points");

        // The problem: noisy points, and the exact answer SGD should find.
        gd::Rng data_rng(s.seed);
        const gd::Points pts = ch06::noisy_line(s.points, 1.5, -28.0, s.noise, data_rng);
        const Line best = ch06::least_squares(pts);
        const double best_loss = gd::mean_loss(best.a, best.b, pts);  // σ² as the data shows it
        std::printf("data: %d points, y = 1.5x - 28 + noise of sd %g (seed %llu)\n", s.points,
                    s.noise, static_cast<unsigned long long>(s.seed));
        std::printf("least squares: a* = %.5f, b* = %.5f, L(θ*) = %.4f\n\n", best.a, best.b,
                    best_loss);

        // Constant rate against the four decays.
        const auto v = decays(s);
        const auto runs = compare_decays(pts, s, v);
        print_decays(runs, best, best_loss, s);

        // The rule of thumb: the noise ball's variance against η.
        const auto balls = measure_noise_ball(pts, best, best_loss, s);

        // Figures: --quick coarsens the grid and the animation, never the numbers.
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        ch06::plot_schedules(figs, v, s.lr, s.epochs);
        ch06::plot_loss(figs, runs, v, best_loss, s.points, s.batch, s.seeds);
        ch06::plot_spread(figs, runs, pts, best, s.seeds, s.epochs, cli.quick ? 31 : 61);
        ch06::plot_noise_ball(figs, balls, s.batch);
        ch06::animate_clouds(figs, runs, pts, best, cli.quick ? 6 : s.epochs);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

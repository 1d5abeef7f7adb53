// Chapter 06: learning-rate decay, and why a constant rate never settles on noisy data.
//
// Goal: on a noisy line fit, mini-batch SGD at a constant rate η reaches the least-squares θ*
// and keeps bouncing around it in a "noise ball" that grows with η. The four decays of the
// range-test article shrink the ball, as long as their rates still add up to the distance the
// slow direction must travel. Then the lecture's other experiments: its sweep of k in η₀·e^{−kt},
// a growing batch for a decaying rate, and what a resume loses without each part of its state.
//
// Notation: θ = (a, b), θ* the least-squares solution, η₀ base rate (--lr), η_t the rate of
// epoch t, B batch size, n points, σ the noise on y, μ momentum, β2 Adam's second-moment decay.
// Problem and algorithm: noisy_sgd.hpp; saving and resuming: resume.hpp; figures: figures.hpp.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <vector>

#include "cli/cli.hpp"
#include "core/seeds.hpp"
#include "figures.hpp"
#include "noisy_sgd.hpp"
#include "optim/adam.hpp"
#include "optim/sgd.hpp"
#include "resume.hpp"
#include "schedule/decay.hpp"

namespace {

using ch06::Line;
using Runs = std::vector<gd::LineRun>;

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
    double momentum = 0.9;     // the resumed runs: SGD with momentum μ at η₀·(1 − μ) ...
    double adam_lr = 0.2;      // ... and Adam at this η₀, both with the exponential decay
    int resume_at = 0;         // the break, in epochs; 0: half of --epochs
    std::uint64_t seed = 6;
};

// Every experiment runs `seeds` times; run r shuffles with stream 1 + r of --seed
// (gd::run_seed, core/seeds.hpp), so all schedules, batches and resumes see the same shuffles.
std::uint64_t stream(const Settings& s, int r) {
    return gd::run_seed(s.seed, 1 + static_cast<std::uint64_t>(r));
}

// ---- The decays ----------------------------------------------------------------------------

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

// Every schedule, once per seed, from θ = (0, 0) at batch B; then one line per schedule: final
// rate, spread, excess loss, and the slow direction's distance budget (noisy_sgd.hpp).
std::vector<Runs> compare_decays(const gd::Points& pts, Line best, double best_loss,
                                 const Settings& s, int batch, int epochs,
                                 const std::vector<const gd::Schedule*>& v,
                                 const std::vector<std::string>& names, const char* what = "") {
    std::printf("\n%safter %d epochs, batch %d, %s, %d seeds:\n", what, epochs, batch,
                s.replace ? "batches drawn with replacement" : "reshuffled every epoch", s.seeds);
    std::printf("  %-13s %10s %9s %9s %9s %6s %10s %10s\n", "schedule", "final rate", "rms(a-a*)",
                "rms(b-b*)", "L - L*", "budget", "b gap pred", "mean b-b*");
    std::vector<Runs> runs(v.size());
    for (std::size_t k = 0; k < v.size(); ++k) {
        for (int r = 0; r < s.seeds; ++r) {
            gd::Rng rng(stream(s, r));
            runs[k].push_back(ch06::sgd(pts, {0, 0}, *v[k], epochs, static_cast<std::size_t>(batch),
                                        rng, s.replace));
        }
        const ch06::Spread sp = ch06::spread(ch06::finals(runs[k]), best);
        const double gap = ch06::slow_gap(runs[k][0], best.b);  // from b = 0 to b*
        std::printf("  %-13s %10.3g ", names[k].c_str(), runs[k][0].lr.back());
        if (const std::string d = ch06::diverged(runs[k]); !d.empty()) {
            std::printf("%s\n", d.c_str());
            continue;
        }
        std::printf("%s %s %9.3g %6.1f %10.2g  %s\n", ch06::cell(sp.rms_a).c_str(),
                    ch06::cell(sp.rms_b).c_str(), ch06::mean_excess(runs[k], best_loss).back(),
                    -std::log(gap / std::abs(best.b)), gap, ch06::cell(sp.bias_b).c_str());
    }
    return runs;
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

// ---- The lecture's sweep of k in η₀·e^{−kt}, over its 100 epochs ---------------------------

constexpr int kLectureEpochs = 100;
const std::vector<double> kSweep = {0, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5};

std::vector<Runs> sweep_k(const gd::Points& pts, Line best, double best_loss, const Settings& s) {
    std::vector<gd::ExponentialDecay> v;
    std::vector<const gd::Schedule*> p(kSweep.size());
    std::vector<std::string> names(kSweep.size());
    v.reserve(kSweep.size());  // so that &v[i] stays put
    for (std::size_t i = 0; i < kSweep.size(); ++i) {
        v.push_back(gd::continuous_exponential(s.lr, kSweep[i]));
        p[i] = &v[i], names[i] = "k = " + ch06::number(kSweep[i]);
    }
    return compare_decays(pts, best, best_loss, s, s.batch, kLectureEpochs, p, names,
                          "exponential decay eta0*exp(-k t), ");
}

// ---- A growing batch in place of a decaying rate -------------------------------------------

// The step decay (η₀γ^i at batch B) against a batch that grows by 1/γ on the same epochs at
// η₀ (Smith et al. 2018): the same η/B in every epoch.
std::vector<Runs> batch_or_rate(const gd::Points& pts, Line best, double best_loss,
                                const Settings& s, std::vector<std::vector<ch06::Phase>>& plans) {
    const auto n = pts.size(), b = static_cast<std::size_t>(s.batch);
    plans = {ch06::decaying_rate(s.lr, b, s.step_gamma, s.step_size, s.epochs),
             ch06::growing_batch(s.lr, b, s.step_gamma, s.step_size, s.epochs, n)};
    std::vector<Runs> runs(2);
    for (std::size_t k = 0; k < 2; ++k) {
        for (int r = 0; r < s.seeds; ++r) {
            gd::Rng rng(stream(s, r));
            runs[k].push_back(ch06::sgd_phases(pts, {0, 0}, plans[k], rng, s.replace));
        }
    }
    std::printf("\nthe same noise schedule eta/B, %d epochs, %d seeds:\n", s.epochs, s.seeds);
    std::printf("  %-14s %-30s %-14s %8s %9s %9s %9s\n", "", "eta per phase", "B per phase",
                "updates", "rms(a-a*)", "rms(b-b*)", "L - L*");
    const char* names[] = {"decaying rate", "growing batch"};
    for (std::size_t k = 0; k < 2; ++k) {
        const ch06::Spread sp = ch06::spread(ch06::finals(runs[k]), best);
        const std::string d = ch06::diverged(runs[k]);
        std::printf("  %-14s %-30s %-14s %8zu ", names[k], ch06::listed(plans[k], true).c_str(),
                    ch06::listed(plans[k], false).c_str(), runs[k][0].updates());
        if (d.empty()) {
            std::printf("%s %s %9.3g\n", ch06::cell(sp.rms_a).c_str(), ch06::cell(sp.rms_b).c_str(),
                        ch06::mean_excess(runs[k], best_loss).back());
        } else {
            std::printf("%s\n", d.c_str());
        }
    }
    return runs;
}

// ---- Saving and resuming -------------------------------------------------------------------

// SGD with momentum at η₀(1 − μ) (the plain runs' η₀/(1 − μ)), Adam with β2 = 0.999 and 0.9.
std::vector<std::string> resume_labels(const Settings& s) {
    const std::string eta = ch06::number(s.adam_lr);
    return {"sgd mu=" + ch06::number(s.momentum) + " lr=" + ch06::number(s.lr * (1 - s.momentum)),
            "adam beta2=0.999 lr=" + eta, "adam beta2=0.9 lr=" + eta};
}

// Each optimizer without a break, and broken at `stop` and resumed 3 ways: runs[optimizer][way].
std::vector<std::vector<Runs>> resume_lesson(const gd::Points& pts, Line best, double best_loss,
                                             const Settings& s, int stop) {
    const double sgd_lr = s.lr * (1 - s.momentum);
    const gd::ExponentialDecay sgd_decay(sgd_lr, s.exp_gamma), adam_decay(s.adam_lr, s.exp_gamma);
    const ch06::MakeOptimizer make[] = {
        [&] { return std::make_unique<gd::Sgd<double>>(sgd_lr, s.momentum); },
        [&] { return std::make_unique<gd::Adam<double>>(s.adam_lr); },
        [&] { return std::make_unique<gd::Adam<double>>(s.adam_lr, 0.9, 0.9); }};
    const gd::Schedule* sched[] = {&sgd_decay, &adam_decay, &adam_decay};
    const ch06::Resume ways[] = {ch06::Resume::exact, ch06::Resume::exact,
                                 ch06::Resume::no_optimizer_state, ch06::Resume::clock_restarted};
    std::printf("\na break after epoch %d of %d, resumed from a checkpoint, %d seeds:\n", stop,
                s.epochs, s.seeds);
    std::printf("  %-26s %-20s %13s %9s %9s %9s %9s\n", "optimizer", "resumed with", "max|th-th_0|",
                "rms(a-a*)", "rms(b-b*)", "L-L* next", "L - L*");
    std::vector<std::vector<Runs>> out(3, std::vector<Runs>(4));
    for (std::size_t o = 0; o < 3; ++o) {
        for (std::size_t w = 0; w < 4; ++w) {
            double apart = 0;  // how far the resumed runs end from the unbroken ones
            for (int r = 0; r < s.seeds; ++r) {
                const auto b = static_cast<std::size_t>(s.batch);
                out[o][w].push_back(ch06::train_with_break(make[o], pts, {0, 0}, *sched[o],
                                                           s.epochs, b, stream(s, r),
                                                           w == 0 ? 0 : stop, ways[w], s.replace));
                const gd::Point2 e = out[o][w].back().end(), e0 = out[o][0][r].end();
                apart = std::max({apart, std::abs(e.x - e0.x), std::abs(e.y - e0.y)});
            }
            const ch06::Spread sp = ch06::spread(ch06::finals(out[o][w]), best);
            const std::vector<double> m = ch06::mean_excess(out[o][w], best_loss);
            std::printf("  %-26s %-20s ", w ? "" : resume_labels(s)[o].c_str(),
                        w ? ch06::describe(ways[w]) : "(no break)");
            if (const std::string d = ch06::diverged(out[o][w]); !d.empty()) {
                std::printf("%s\n", d.c_str());
                continue;
            }
            std::printf("%13.3g %s %s %9.3g %9.3g\n", apart, ch06::cell(sp.rms_a).c_str(),
                        ch06::cell(sp.rms_b).c_str(),
                        m[std::min<std::size_t>(stop + 1, m.size() - 1)], m.back());
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("06_lr_decay", [&] {
        gd::Cli cli("06_lr_decay",
                    "constant vs decaying learning rates for mini-batch SGD on a noisy line", 6);
        Settings s;
        cli.option("--lr", s.lr, "base learning rate η₀", gd::between(1e-6, 0.1));
        cli.option("--epochs", s.epochs, "passes over the data", 2, 100000);
        cli.option("--batch", s.batch, "mini-batch size B", 1, 100000);
        cli.option("--points", s.points, "number of data points", 2, 1000000);
        cli.option("--noise", s.noise, "standard deviation σ of the noise", gd::between(0, 100));
        // Run r shuffles with stream 1 + r of --seed, and gd::run_seed has 999 of them.
        cli.option("--seeds", s.seeds, "runs per schedule, each with its own shuffles", 2, 999);
        cli.flag("--replace", s.replace, "draw batches with replacement instead of reshuffling");
        cli.option("--step-size", s.step_size, "step: epochs between drops", 1, 100000);
        cli.option("--step-gamma", s.step_gamma, "step: factor of each drop", gd::between(0, 1));
        cli.option("--exp-gamma", s.exp_gamma, "exponential: factor per epoch", gd::between(0, 1));
        cli.option("--decay", s.decay, "inverse-time: η₀ / (1 + decay·t)", gd::non_negative());
        cli.option("--end-factor", s.end_factor, "linear: final factor", gd::between(0, 1));
        cli.option("--total-iters", s.total_iters, "linear: epochs to reach it", 1, 100000);
        cli.option("--momentum", s.momentum, "resumed runs: SGD's momentum μ", gd::unit_open());
        cli.option("--adam-lr", s.adam_lr, "resumed runs: Adam's η₀", gd::between(1e-6, 1));
        cli.option("--resume-at", s.resume_at, "the break, in epochs (0: half)", 0, 100000);
        if (!cli.parse(argc, argv)) return 0;
        s.seed = cli.seed;
        if (s.batch > s.points) gd::Cli::fail("--batch must not exceed --points");
        const int stop = s.resume_at > 0 ? s.resume_at : s.epochs / 2;
        if (stop >= s.epochs) gd::Cli::fail("--resume-at must be below --epochs");

        // The problem: noisy points, and the exact answer SGD should find.
        gd::Rng data_rng(s.seed);
        const gd::Points pts = ch06::noisy_line(s.points, 1.5, -28.0, s.noise, data_rng);
        const Line best = ch06::least_squares(pts);
        const double best_loss = gd::mean_loss(best.a, best.b, pts);  // σ² as the data shows it
        std::printf("data: %d points, y = 1.5x - 28 + noise of sd %g (seed %llu)\n", s.points,
                    s.noise, static_cast<unsigned long long>(s.seed));
        std::printf("least squares: a* = %.5f, b* = %.5f, L(θ*) = %.4f\n", best.a, best.b,
                    best_loss);

        // Constant rate against the four decays; then the same with a quarter of the updates.
        const auto v = decays(s);
        std::vector<const gd::Schedule*> p;
        std::vector<std::string> names;
        for (const auto& x : v) p.push_back(x.get()), names.push_back(x->name());
        const int big = std::min(4 * s.batch, s.points);
        const std::vector<Runs> runs[2] = {
            compare_decays(pts, best, best_loss, s, s.batch, s.epochs, p, names),
            compare_decays(pts, best, best_loss, s, big, s.epochs, p, names)};

        // The rule of thumb: the noise ball's variance against η.
        const auto balls = measure_noise_ball(pts, best, best_loss, s);
        // The lecture's remaining experiments.
        const auto k_runs = sweep_k(pts, best, best_loss, s);
        std::vector<std::vector<ch06::Phase>> plans;
        const auto grow = batch_or_rate(pts, best, best_loss, s, plans);
        const auto resumed = resume_lesson(pts, best, best_loss, s, stop);

        // Figures: --quick coarsens the grid and the animation, never the numbers.
        std::fflush(stdout);  // the tables whole before anything the figures log
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        ch06::plot_schedules(figs, v, s.lr, s.epochs);
        ch06::plot_loss(figs, runs, best_loss, s.points, s.batch, big, s.seeds);
        ch06::plot_spread(figs, runs[0], pts, best, s.seeds, s.epochs, cli.quick ? 31 : 61);
        ch06::plot_noise_ball(figs, balls, s.batch);
        ch06::animate_clouds(figs, runs[0], pts, best, cli.quick ? 6 : s.epochs);
        ch06::plot_k_sweep(figs, k_runs, kSweep, best, best_loss, s.batch);
        ch06::plot_batch_or_rate(figs, grow, plans, best_loss, pts.size());
        ch06::plot_resume(figs, resumed, resume_labels(s), best_loss, stop);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

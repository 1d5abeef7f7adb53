// Chapter 05: Adam, momentum and per-coordinate step sizes, with bias correction.
//
// Goal: take Adam apart. Its two moving averages start at zero, and the bias correction undoes
// that: we watch the first steps with and without it. On chapter 01's line fit, the source
// post's setting (η = 1, β = (0.7, 0.9)) gets to the minimum within a few epochs and then never
// settles, because Adam's step does not shrink with the gradient; AMSGrad, which remembers the
// largest second moment, does settle. Last, weight decay two ways: Adam's L2 penalty goes through
// the per-coordinate division, AdamW's decoupled decay does not, and they end at different points.
//
// Notation: θ = (a, b) parameters, g gradient, η learning rate, β1 β2 the moments' decay rates,
// m first moment, v second moment, t step, λ weight decay.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "adam_scalar.hpp"
#include "cli/cli.hpp"
#include "figures.hpp"
#include "optim/adam.hpp"
#include "plot/figures.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"
#include "slope.hpp"
#include "train/descent.hpp"

namespace {

using ch05::Hyper;
using ch05::Run;

// ---- 1. Bias correction: the first steps under a constant gradient -----------------------------

// Δθ/η at steps 1..n when g is the same every step (g = −1 pushes θ up): exactly 1 with bias
// correction.
std::vector<double> steps_on_a_slope(gd::Optimizer<double>& opt, int n) {
    const ch05::Slope slope(-1.0);
    xt::xarray<double> theta = {0.0, 0.0};
    long t = 0;
    const gd::Trajectory tr = gd::descend(slope, opt, nullptr, theta, t, n);
    std::vector<double> out;
    for (std::size_t k = 1; k < tr.size(); ++k) out.push_back((tr.x[k] - tr.x[k - 1]) / opt.lr());
    return out;
}

void bias_correction(gd::plot::Figures& figs, const Hyper& post, int n) {
    const Hyper torch;  // torch's defaults, β = (0.9, 0.999)
    ch05::ScalarAdam with(torch);
    gd::AdamNoBias<double> without(torch.lr, torch.beta1, torch.beta2, torch.eps);
    gd::AdamNoBias<double> post_without(post.lr, post.beta1, post.beta2, post.eps);
    const std::vector<std::vector<double>> runs = {
        steps_on_a_slope(with, n), steps_on_a_slope(without, n), steps_on_a_slope(post_without, n)};
    std::size_t peak = 0;
    for (std::size_t t = 0; t < runs[1].size(); ++t) peak = runs[1][t] > runs[1][peak] ? t : peak;
    std::printf("1. First steps under a constant gradient, step/lr:\n");
    std::printf("  bias-corrected (0.9, 0.999)  t=1: %.4f\n", runs[0][0]);
    std::printf("  uncorrected    (0.9, 0.999)  t=1: %.4f  peak %.3f at t=%zu  t=%d: %.3f\n",
                runs[1][0], runs[1][peak], peak + 1, n, runs[1].back());
    std::printf("  uncorrected    (%.2g, %.2g)      t=1: %.4f  t=%d: %.4f\n\n", post.beta1,
                post.beta2, runs[2][0], n, runs[2].back());
    ch05::plot_first_steps(figs, runs, post.beta1, post.beta2);
}

// ---- 2. The post's setting on the line fit: fast, then restless --------------------------------

void print_run(const Run& r, std::size_t tail) {
    const gd::Point2 amp = ch05::amplitude(r.fit, tail), end = r.fit.end();
    const gd::Point2& rv = r.root_v.back();  // what the last step divided by
    // A run that diverged early has no loss at update 20 or 100: nan there.
    const auto loss = [&](std::size_t k) { return k < r.fit.loss.size() ? r.fit.loss[k] : NAN; };
    std::printf("  %-20s %9.4g %9.4g %8.4f %9.4f %7.4f %7.4f %10.4g %9.3g %9.3g\n",
                r.fit.name.c_str(), loss(20), loss(100), end.x, end.y, amp.x, amp.y,
                ch05::mean_tail_loss(r.fit, tail), rv.x, rv.y);
}

// Adam, the post's uncorrected Adam and AMSGrad, per sample from the same start.
std::vector<Run> restless(const gd::Points& pts, gd::Point2 start, const Hyper& h, int epochs) {
    Hyper ams = h;
    ams.amsgrad = true;
    ch05::ScalarAdam adam(h), amsgrad(ams);
    gd::AdamNoBias<double> uncorrected(h.lr, h.beta1, h.beta2, h.eps);
    const std::vector<Run> runs = {
        ch05::per_sample("Adam", adam, pts, start, epochs),
        ch05::per_sample("Adam, no correction", uncorrected, pts, start, epochs),
        ch05::per_sample("AMSGrad", amsgrad, pts, start, epochs)};
    const std::size_t tail = 5 * pts.size();
    std::printf(
        "2./3. Line fit, per sample, start (%g, %g), lr %g, betas (%g, %g), %d epochs;\n"
        "      +-: half the range of a and b over the last %zu updates\n",
        start.x, start.y, h.lr, h.beta1, h.beta2, epochs, tail);
    std::printf("  %-20s %9s %9s %8s %9s %7s %7s %10s %9s %9s\n", "method", "loss@20", "loss@100",
                "a", "b", "+-a", "+-b", "tail loss", "sqrt(v)a", "sqrt(v)b");
    for (const Run& r : runs) {
        print_run(r, tail);
        if (r.fit.diverged_at >= 0) std::printf("  (diverged at update %ld)\n", r.fit.diverged_at);
    }
    std::printf("\n");
    return runs;
}

// The swing at the end, for rates from 1 down to 1/300: proportional to η.
void amplitude_sweep(gd::plot::Figures& figs, const gd::Points& pts, gd::Point2 start, Hyper h,
                     int epochs) {
    std::vector<double> rates, amp_a, amp_b;
    std::printf("   Adam's swing at the end against the rate (%d epochs):\n", epochs);
    std::printf("  %10s %10s %10s %12s %12s\n", "lr", "+-a", "+-b", "+-a/lr", "+-b/lr");
    for (double lr : {1.0, 0.3, 0.1, 0.03, 0.01, 0.003}) {
        h.lr = lr;
        ch05::ScalarAdam adam(h);
        const Run run = ch05::per_sample("Adam", adam, pts, start, epochs);
        const gd::Point2 amp = ch05::amplitude(run.fit, 5 * pts.size());
        rates.push_back(lr), amp_a.push_back(amp.x), amp_b.push_back(amp.y);
        std::printf("  %10g %10.5f %10.5f %12.4f %12.4f\n", lr, amp.x, amp.y, amp.x / lr,
                    amp.y / lr);
    }
    std::printf("\n");
    ch05::plot_amplitude(figs, rates, amp_a, amp_b);
}

// ---- 4. Weight decay: Adam's L2 penalty against AdamW's decoupled decay -------------------------

// `steps` full-batch updates of the written-out Adam on the surface f (its x is a, its y is b).
gd::Trajectory full_batch(const std::string& label, const gd::Surface2& f, gd::Point2 start,
                          const Hyper& h, long steps) {
    ch05::ScalarAdam adam(h);
    xt::xarray<double> theta = {start.x, start.y};
    long t = 0;
    gd::Trajectory tr = gd::descend(f, adam, nullptr, theta, t, steps);
    tr.label = label;
    return tr;
}

std::vector<gd::Trajectory> weight_decay(const gd::Surface2& f, gd::Point2 start, Hyper h,
                                         double decay, long steps) {
    Hyper l2 = h, decoupled = h;
    l2.decay = decoupled.decay = decay;
    decoupled.decoupled = true;
    const std::vector<gd::Trajectory> runs = {full_batch("Adam, no decay", f, start, h, steps),
                                              full_batch("Adam + L2", f, start, l2, steps),
                                              full_batch("AdamW", f, start, decoupled, steps)};
    std::printf("4. Weight decay %g, full batch, lr %g, betas (%g, %g), %ld steps from (%g, %g):\n",
                decay, h.lr, h.beta1, h.beta2, steps, start.x, start.y);
    std::printf("  %-16s %10s %10s %12s %12s\n", "method", "a", "b", "a/1.5", "b/-28");
    for (const gd::Trajectory& r : runs) {
        const double a = r.x.back(), b = r.y.back();
        std::printf("  %-16s %10.4f %10.4f %12.4f %12.4f\n", r.label.c_str(), a, b, a / 1.5,
                    b / -28);
    }
    std::printf("\n");
    return runs;
}

// Where each ends, for a range of λ: the fraction of a and b that is left.
void decay_sweep(gd::plot::Figures& figs, const gd::Surface2& f, gd::Point2 start, Hyper h,
                 long steps) {
    std::vector<double> lambdas;
    std::vector<gd::Point2> l2_end, w_end;
    for (int k = 0; k <= 12; ++k) {
        const double lambda = std::pow(10.0, -3.0 + k * 3.0 / 12);  // 1e-3 .. 1
        lambdas.push_back(lambda);
        Hyper l2 = h, decoupled = h;
        l2.decay = decoupled.decay = lambda;
        decoupled.decoupled = true;
        const gd::Trajectory r = full_batch("Adam + L2", f, start, l2, steps);
        const gd::Trajectory w = full_batch("AdamW", f, start, decoupled, steps);
        l2_end.push_back({r.x.back(), r.y.back()});
        w_end.push_back({w.x.back(), w.y.back()});
    }
    ch05::plot_shrinkage(figs, lambdas, l2_end, w_end);
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("05_adam", [&] {
        gd::Cli cli("05_adam", "Adam's moments, bias correction, restlessness, AMSGrad, AdamW");
        Hyper post;
        post.lr = 1.0, post.beta1 = 0.7, post.beta2 = 0.9;
        int epochs = 50, sweep_epochs = 2000, first = 50;
        double start_a = 1, start_b = 1, decay = 0.05, wd_lr = 0.1;
        int wd_steps = 20000;
        cli.option("--lr", post.lr, "learning rate η on the line fit (the post: 1)",
                   gd::positive());
        cli.option("--beta1", post.beta1, "β1 of the first moment (the post: 0.7)",
                   gd::unit_open());
        cli.option("--beta2", post.beta2, "β2 of the second moment (the post: 0.9)",
                   gd::unit_open());
        cli.option("--epochs", epochs, "passes over the 20 points", 6, 100000);
        cli.option("--sweep-epochs", sweep_epochs, "passes per run of the rate sweep", 6, 100000);
        cli.option("--start-a", start_a, "starting slope a", gd::between(-100, 100));
        cli.option("--start-b", start_b, "starting intercept b", gd::between(-100, 100));
        cli.option("--first-steps", first, "steps in the bias-correction figure", 2, 10000);
        cli.option("--decay", decay, "weight decay λ of Adam + L2 and AdamW", gd::positive());
        cli.option("--wd-lr", wd_lr, "learning rate of the weight-decay runs", gd::positive());
        cli.option("--wd-steps", wd_steps, "full-batch steps of the weight-decay runs", 1, 1000000);
        if (!cli.parse(argc, argv)) return 0;

        const gd::Points pts = gd::post_points();  // chapter 01's 20 points on y = 1.5x − 28
        const gd::LinearFit surface;               // their mean loss as a 2-D surface
        const gd::Point2 start{start_a, start_b};
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        const int grid = cli.quick ? 31 : 71;  // --quick coarsens the maps, never the numbers

        bias_correction(figs, post, first);

        const std::vector<Run> runs = restless(pts, start, post, epochs);
        ch05::plot_restless(figs, runs, pts.size());
        ch05::plot_restless_paths(figs, runs, pts, 5 * pts.size(), grid);
        ch05::animate_fit(figs, runs, pts, cli.quick ? 5 : 100);
        amplitude_sweep(figs, pts, start, post, sweep_epochs);

        Hyper adam;  // torch's defaults β = (0.9, 0.999), ε = 1e-8
        adam.lr = wd_lr;
        const std::vector<gd::Trajectory> wd = weight_decay(surface, start, adam, decay, wd_steps);
        ch05::plot_weight_decay(figs, wd, surface, decay, grid);
        decay_sweep(figs, surface, start, adam, wd_steps);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

// tables.hpp: what chapter 05 prints, one function per table.
// Notation: θ = (a, b) parameters, η learning rate, β2 the second moment's decay, v second moment,
// σ the noise in y.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "adam_scalar.hpp"
#include "optim/radam.hpp"
#include "problems/line_fit.hpp"
#include "train/descent.hpp"
#include "train/settling.hpp"
#include "variants.hpp"

namespace ch05 {

// A number as the text writes it: 0.999, 1e-06.
inline std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// The loss after update k, NaN if the run stopped before it.
inline double loss_at(const gd::LineRun& r, std::size_t k) {
    return k < r.loss.size() ? r.loss[k] : NAN;
}

// The post's setting: the loss after epochs 1 and 5, where each run ended, its swing over the
// last 10 epochs around the best fit, its mean loss there, and the √v̂ its last step divided by.
inline void print_runs(const std::vector<Run>& runs, const gd::Points& pts, gd::Point2 start,
                       const Hyper& h, int epochs) {
    const std::size_t n = pts.size(), tail = 10 * n;
    const gd::Point2 best = best_fit(pts);
    std::printf(
        "2. The post's setting: %zu points, per sample, start (%g, %g), lr %g, betas (%g, "
        "%g), %d epochs;\n   swing: rms distance of a and b from the fit over the last 10 "
        "epochs\n",
        n, start.x, start.y, h.lr, h.beta1, h.beta2, epochs);
    std::printf("  %-14s %9s %9s %10s %10s %9s %9s %10s %9s %9s\n", "method", "loss@1ep",
                "loss@5ep", "a", "b", "swing a", "swing b", "tail loss", "sqrt(v)a", "sqrt(v)b");
    for (const Run& r : runs) {
        const gd::Point2 s = swing(r.fit, tail, best), end = r.fit.end(), rv = r.root_v.back();
        std::printf("  %-14s %9.4g %9.4g %10.5g %10.5g %9.4g %9.4g %10.4g", r.fit.name.c_str(),
                    loss_at(r.fit, n), loss_at(r.fit, 5 * n), end.x, end.y, s.x, s.y,
                    mean_tail_loss(r.fit, tail));
        // Only Adam's own rule divides by √v̂; the variants divide by other things: "-".
        if (std::isnan(rv.x)) {
            std::printf(" %9s %9s", "-", "-");
        } else {
            std::printf(" %9.3g %9.3g", rv.x, rv.y);
        }
        if (r.fit.diverged_at >= 0) std::printf("  (diverged at update %ld)", r.fit.diverged_at);
        std::printf("\n");
    }
    double xx = 0;
    for (double x : pts.x) xx = std::max(xx, x * x);
    std::printf("  per-sample SGD along a is stable below a rate of 1/max x^2 = %.4f\n", 1 / xx);
}

// RAdam's first updates, while ρ_t ≤ 5: plain momentum steps η·m̂, not divided by anything.
// ρ_t rises towards ρ_∞ = 2/(1 − β2) − 1, so for β2 ≤ 2/3 (ρ_∞ ≤ 5) every step is one.
inline void print_radam_start(const Run& r, double beta2) {
    const gd::RAdam<double> radam(1.0, 0.9, beta2);
    const long n = static_cast<long>(r.fit.path.size()) - 1;  // the updates the run made
    long k = 0;                                               // updates 1..k are momentum steps
    while (k < n && !(radam.rho(k + 1) > 5)) ++k;
    std::printf("  RAdam, beta2 %g: rho_t <= 5 for t <= %ld%s, momentum steps lr * m_hat:", beta2,
                k, k == n ? " (every update)" : "");
    for (long t = 1; t <= std::min(k + 1, std::min(n, 8L)); ++t)
        std::printf(" a%ld %.4g", t, r.fit.path[t].x);
    std::printf("\n\n");
}

// One row of the memory table at one β2 and σ: Adam after the post's epochs (a) and after more
// (along), and Adam without correction after the post's epochs (r); the rate on b, η/√v̂_b,
// after epochs 1 and 3.
inline void print_memory_row(const Run& a, const Run& along, const Run* r, const gd::Points& pts,
                             const std::string& beta2, double sigma, double lr) {
    const std::size_t n = pts.size(), tail = 10 * n;
    const gd::Point2 best = best_fit(pts), s = swing(a.fit, tail, best);
    const auto rate_b = [&](std::size_t k) {
        return k < a.root_v.size() ? lr / a.root_v[k].y : NAN;
    };
    std::printf("  %-7s %6g %9.4f %9.4f %7ld %9.4f %9.4f | %9.4f %9.4f |", beta2.c_str(), sigma,
                s.x, s.y, gd::settled_from(a.fit.loss, 1e-300), rate_b(n), rate_b(3 * n),
                swing(along.fit, tail, best).x, swing(along.fit, tail, best).y);
    if (r) {
        std::printf(" %9.4f %9.4f\n", swing(r->fit, tail, best).x, swing(r->fit, tail, best).y);
    } else {
        std::printf(" %9s %9s\n", "-", "-");
    }
}

// Runs on the ravine: how far x overshoots 0 (with `overshoot`), the first step below 1e-6, the
// loss after 20, 100 and all steps.
inline void print_ravine(const std::vector<gd::Trajectory>& paths, bool overshoot) {
    std::printf("  %-20s %s %8s %10s %10s %10s\n", "method", overshoot ? "overshoot x" : "",
                "to 1e-6", "loss@20", "loss@100", "loss@T");
    for (const gd::Trajectory& p : paths) {
        long to = -1;
        for (std::size_t k = 0; k < p.size() && to < 0; ++k)
            if (p.loss[k] < 1e-6) to = p.step[k];
        std::printf("  %-20s ", p.label.c_str());
        if (overshoot)
            std::printf("%11.4f ", std::max(0.0, *std::max_element(p.x.begin(), p.x.end())));
        const auto at = [&](std::size_t k) { return k < p.size() ? p.loss[k] : NAN; };
        std::printf("%8ld %10.3g %10.3g %10.3g\n", to, at(20), at(100), p.loss.back());
    }
}

// The memory table's header.
inline void print_memory_header(const Hyper& h, int long_epochs) {
    std::printf(
        "3. What v remembers: lr %g, beta1 %g; swing as in 2; exact: the first update from "
        "which the loss is exactly 0\n",
        h.lr, h.beta1);
    std::printf("  %-7s %6s %9s %9s %7s %9s %9s | %19s | %19s\n", "beta2", "sigma", "swing a",
                "swing b", "exact", "rate_b@1", "rate_b@3",
                ("swing, " + std::to_string(long_epochs) + " epochs").c_str(), "no correction");
}

// Where the weight-decay runs end, and what is left of the unregularised a = 1.5, b = −28.
inline void print_weight_decay(const std::vector<gd::Trajectory>& runs, const Hyper& h,
                               double decay, long steps, gd::Point2 start) {
    std::printf(
        "5. Weight decay %g on chapter 01's 20 points, full batch, lr %g, betas (%g, %g), "
        "%ld steps from (%g, %g):\n",
        decay, h.lr, h.beta1, h.beta2, steps, start.x, start.y);
    std::printf("  %-16s %10s %10s %12s %12s\n", "method", "a", "b", "a/1.5", "b/-28");
    for (const gd::Trajectory& r : runs) {
        const double a = r.x.back(), b = r.y.back();
        std::printf("  %-16s %10.4f %10.4f %12.4f %12.4f\n", r.label.c_str(), a, b, a / 1.5,
                    b / -28);
    }
    std::printf("\n");
}

// RAdam's factor r_t next to a linear warm-up over n steps from f, and the spread of Adam's
// adaptive rate, alone and times r_t ("-" while RAdam takes momentum steps).
inline void print_warmup(const gd::Schedule& warmup, const std::vector<double>& spread, double lr,
                         long n, double f) {
    std::printf(
        "8. RAdam (beta2 0.999): its factor r_t on Adam's step (0: a momentum step), a "
        "linear warm-up over %ld steps from %g, and the spread (5%% to 95%%) of Adam's "
        "rate under N(0, 1) gradients, alone and times r_t:\n",
        n, f);
    const long ts[] = {1, 5, 6, 10, 30, 100, 300, 1000, 3000};
    std::printf("  %-14s", "t");
    for (long t : ts) std::printf(" %7ld", t);
    std::printf("\n  %-14s", "r_t");
    for (long t : ts) std::printf(" %7.4f", rectification(0.999, t));
    std::printf("\n  %-14s", "warm-up");
    for (long t : ts) std::printf(" %7.4f", warmup.rate(t - 1) / lr);
    std::printf("\n  %-14s", "spread");
    for (long t : ts) std::printf(" %7.4f", spread[t - 1]);
    std::printf("\n  %-14s", "spread x r_t");
    for (long t : ts) {
        const double r = rectification(0.999, t);
        if (r > 0) {
            std::printf(" %7.4f", spread[t - 1] * r);
        } else {
            std::printf(" %7s", "-");
        }
    }
    std::printf("\n");
}

// The rate sweep's header.
inline void print_swing_header(const Hyper& h, int epochs, std::size_t tail) {
    std::printf(
        "4. Adam's swing against the rate (betas (%g, %g), %d epochs, rms over the last "
        "%zu updates):\n",
        h.beta1, h.beta2, epochs, tail);
    std::printf("  %10s %10s %10s %12s %12s\n", "lr", "swing a", "swing b", "swing a/lr",
                "swing b/lr");
}

// The Adamax table's header.
inline void print_adamax_header(double lr, int epochs) {
    std::printf(
        "6. Adamax: the largest step |delta a| or |delta b| over lr, per sample, lr %g, "
        "%d epochs:\n",
        lr, epochs);
    std::printf("  %-14s %8s %8s %24s\n", "betas", "Adam", "Adamax", "(1-b1)/(1-b1/b2)");
}

// torch's NAdam momentum μ_t = β1(1 − 0.96^(ψt)/2) at a few steps: it starts at β1/2.
inline void print_mu_t(double beta1, double psi) {
    std::printf("  torch's mu_t = beta1 (1 - 0.96^(%g t) / 2):", psi);
    for (long t : {1, 100, 1000, 10000})
        std::printf("  t=%ld %.3f", t, beta1 * (1 - 0.5 * std::pow(0.96, psi * double(t))));
    std::printf("\n\n");
}

// The first steps under a constant gradient: corrected, and uncorrected at torch's and the post's
// βs (runs[0..2], each step over η).
inline void print_first_steps(const std::vector<std::vector<double>>& runs, const Hyper& post,
                              int n) {
    std::size_t peak = 0;
    for (std::size_t t = 0; t < runs[1].size(); ++t) peak = runs[1][t] > runs[1][peak] ? t : peak;
    std::printf("1. First steps under a constant gradient, step/lr:\n");
    std::printf("  bias-corrected (0.9, 0.999)  t=1: %.4f\n", runs[0][0]);
    std::printf("  uncorrected    (0.9, 0.999)  t=1: %.4f  peak %.3f at t=%zu  t=%d: %.3f\n",
                runs[1][0], runs[1][peak], peak + 1, n, runs[1].back());
    std::printf("  uncorrected    (%.2g, %.2g)      t=1: %.4f  t=%d: %.4f\n\n", post.beta1,
                post.beta2, runs[2][0], n, runs[2].back());
}

// One row of the Adamax table: the largest steps over η, and the bound (1 − β1)/(1 − β1/β2).
inline void print_adamax_row(double b1, double b2, double adam, double adamax) {
    const std::string betas = "(" + fmt(b1) + ", " + fmt(b2) + ")";
    std::printf("  %-14s %8.3f %8.3f %24.3f\n", betas.c_str(), adam, adamax,
                (1 - b1) / (1 - b1 / b2));
}

}  // namespace ch05

// adam_scalar.hpp: chapter 05's Adam, written out on one coordinate at a time.
//
// The same rule as gd::Adam and gd::AdamW (common/adam.hpp, torch.optim's), in the order the
// text derives it, with two switches the library does not have: `correct = false` drops the
// bias correction (the source post's Adam keeps no step counter), and the state is open, so the
// chapter can plot what the optimizer sees. tests/test_05_adam.cpp proves the written-out rule
// and the library's agree along whole trajectories.
// Notation: θ parameter, g gradient, η learning rate, β1 β2 the moments' decay rates, ε
// stability term, λ weight decay, m first moment, v second moment, t step (from 1).
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"

namespace ch05 {

struct Hyper {
    double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    bool correct = true;     // divide the moments by 1 − βᵗ (bias correction)
    bool amsgrad = false;    // divide by the largest v so far instead of the current one
    double decay = 0;        // λ
    bool decoupled = false;  // AdamW: θ ← θ(1 − ηλ); Adam: g ← g + λθ
};

// One coordinate's memory.
struct Moments {
    double m = 0, v = 0, vmax = 0;
    double root_v_hat = 0;  // √v̂ of the last step, what g is divided by (for the figures)
};

// One step of coordinate θ with gradient g at step t; returns the new θ.
inline double adam_step(double theta, double g, long t, const Hyper& h, Moments& s) {
    if (h.decoupled) {
        theta *= 1 - h.lr * h.decay;  // AdamW: shrink θ itself, the same factor everywhere
    } else {
        g += h.decay * theta;  // Adam: L2 penalty λθ²/2 joins the gradient
    }
    s.m = h.beta1 * s.m + (1 - h.beta1) * g;      // first moment: running mean of g
    s.v = h.beta2 * s.v + (1 - h.beta2) * g * g;  // second moment: running mean of g²
    s.vmax = std::max(s.vmax, s.v);               // AMSGrad: the largest v so far
    double m_hat = s.m, v_hat = h.amsgrad ? s.vmax : s.v;
    if (h.correct) {
        m_hat /= 1 - std::pow(h.beta1, double(t));  // both start at 0: undo the pull to 0
        v_hat /= 1 - std::pow(h.beta2, double(t));
    }
    s.root_v_hat = std::sqrt(v_hat);
    return theta - h.lr * m_hat / (s.root_v_hat + h.eps);  // ε outside the root, as torch
}

struct Line {
    double a = 0, b = 0;
};

// A run on the line fit: the point and the full-data loss after every update.
struct Run {
    std::string name;
    std::vector<Line> path;    // path[0] = start
    std::vector<double> loss;  // mean loss over all points at path[k]
    std::vector<Line> root_v;  // √v̂ per coordinate after update k (k ≥ 1; [0] is 0)
    long diverged_at = -1;

    void add(Line t, double l, Line rv) {
        path.push_back(t);
        loss.push_back(l);
        root_v.push_back(rv);
    }
};

// Adam on y = a·x + b with batch 1, the points in their order, `epochs` passes (as chapter 01).
inline Run adam_per_sample(const gd::Points& p, Line start, const Hyper& h, int epochs) {
    Run run;
    Line t = start;
    Moments ma, mb;
    run.add(t, gd::mean_loss(t.a, t.b, p), {});
    long k = 0;
    for (int e = 0; e < epochs; ++e) {
        for (std::size_t i = 0; i < p.size(); ++i) {
            const gd::Grad2 g = gd::sample_grad(t.a, t.b, p.x[i], p.y[i]);
            ++k;
            t.a = adam_step(t.a, g.a, k, h, ma);
            t.b = adam_step(t.b, g.b, k, h, mb);
            const double l = gd::mean_loss(t.a, t.b, p);
            if (!std::isfinite(t.a) || !std::isfinite(t.b) || !std::isfinite(l)) {
                run.diverged_at = k;  // keep only the finite points
                return run;
            }
            run.add(t, l, {ma.root_v_hat, mb.root_v_hat});
        }
    }
    return run;
}

// Adam on a 2-D surface with its full gradient (the surface's x is a, its y is b).
inline Run adam_full_batch(const gd::Surface2& f, Line start, const Hyper& h, long steps) {
    Run run;
    Line t = start;
    Moments ma, mb;
    run.add(t, f.value(t.a, t.b), {});
    for (long k = 1; k <= steps; ++k) {
        const gd::Point2 g = f.grad(t.a, t.b);
        t.a = adam_step(t.a, g.x, k, h, ma);
        t.b = adam_step(t.b, g.y, k, h, mb);
        const double l = f.value(t.a, t.b);
        if (!std::isfinite(t.a) || !std::isfinite(t.b) || !std::isfinite(l)) {
            run.diverged_at = k;
            return run;
        }
        run.add(t, l, {ma.root_v_hat, mb.root_v_hat});
    }
    return run;
}

// Half the peak-to-peak range of a and of b over the last `n` updates: how far the run still
// swings around its mean once it has arrived.
inline Line amplitude(const Run& r, std::size_t n) {
    const std::size_t first = r.path.size() > n ? r.path.size() - n : 0;
    Line lo = r.path[first], hi = r.path[first];
    for (std::size_t k = first; k < r.path.size(); ++k) {
        lo.a = std::min(lo.a, r.path[k].a), hi.a = std::max(hi.a, r.path[k].a);
        lo.b = std::min(lo.b, r.path[k].b), hi.b = std::max(hi.b, r.path[k].b);
    }
    return {(hi.a - lo.a) / 2, (hi.b - lo.b) / 2};
}

// Mean loss over the last `n` updates.
inline double mean_tail_loss(const Run& r, std::size_t n) {
    const std::size_t first = r.loss.size() > n ? r.loss.size() - n : 0;
    double s = 0;
    for (std::size_t k = first; k < r.loss.size(); ++k) s += r.loss[k];
    return s / double(r.loss.size() - first);
}

// The first step's size over η under a constant gradient g, exactly: m = (1 − β1)g and
// v = (1 − β2)g², so the uncorrected step is (1 − β1)|g| / (√(1 − β2)|g| + ε) and the
// corrected one |g| / (|g| + ε). For ε → 0 their ratio is (1 − β1)/√(1 − β2).
inline double first_step_over_lr(const Hyper& h, double g) {
    const double ag = std::fabs(g);
    return h.correct ? ag / (ag + h.eps)
                     : (1 - h.beta1) * ag / (std::sqrt(1 - h.beta2) * ag + h.eps);
}

}  // namespace ch05

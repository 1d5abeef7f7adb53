// line_sgd.hpp: chapter 01's algorithms, written out on the two scalars a and b.
//
// θ = (a, b) the parameters, g the gradient, η the learning rate. Every variant below is the
// same rule, θ ← θ − η·g; they differ only in which samples g averages over and in when it is
// evaluated. The tests (tests/test_line_fit.cpp) call these functions directly.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "problems/line_fit.hpp"
#include "core/rng.hpp"

namespace ch01 {

struct Line {
    double a = 0, b = 0;
};

// The source post's loop. a moves first, and b's gradient is then taken at the *new* a: a
// Gauss-Seidel-like sweep rather than a gradient step. It lands on b = -27.913.
inline Line sgd_post(const gd::Points& p, Line start, double lr, int epochs) {
    Line t = start;
    for (int e = 0; e < epochs; ++e) {
        for (std::size_t i = 0; i < p.size(); ++i) {
            t.a = t.a - lr * 2 * p.x[i] * (t.a * p.x[i] + t.b - p.y[i]);
            t.b = t.b - lr * 2 * (t.a * p.x[i] + t.b - p.y[i]);  // uses the a just updated
        }
    }
    return t;
}

// The textbook step: both partial derivatives at the same, old point. It lands on b = -27.938.
inline Line sgd_simultaneous(const gd::Points& p, Line start, double lr, int epochs) {
    Line t = start;
    for (int e = 0; e < epochs; ++e) {
        for (std::size_t i = 0; i < p.size(); ++i) {
            const gd::Grad2 g = gd::sample_grad(t.a, t.b, p.x[i], p.y[i]);
            t.a -= lr * g.a;
            t.b -= lr * g.b;
        }
    }
    return t;
}

// One run of mini-batch gradient descent, recorded for the figures.
struct Run {
    std::string name;
    std::size_t batch = 1;
    std::vector<Line> path;       // the point after every update, path[0] = start
    std::vector<double> loss;     // full-data mean loss after every epoch, loss[0] at the start
    std::vector<Line> per_epoch;  // the point after every epoch, per_epoch[0] = start
    int diverged_at = -1;         // the epoch in which a, b or the loss stopped being finite
};

// Batches of `batch` consecutive samples (the last one may be smaller); the gradient is the
// batch mean. batch = 1 is per-sample SGD, batch = n is full-batch gradient descent. With
// `rng`, the order of the samples is reshuffled at the start of every epoch.
inline Run minibatch_sgd(const gd::Points& p, Line start, double lr, int epochs, std::size_t batch,
                         gd::Rng* rng = nullptr) {
    Run run;
    run.batch = batch;
    gd::Points order = p;
    Line t = start;
    run.path.push_back(t);
    run.per_epoch.push_back(t);
    run.loss.push_back(gd::mean_loss(t.a, t.b, p));
    for (int e = 1; e <= epochs; ++e) {
        if (rng) {
            const auto idx = gd::permutation(p.size(), *rng);
            for (std::size_t i = 0; i < p.size(); ++i) {
                order.x[i] = p.x[idx[i]];
                order.y[i] = p.y[idx[i]];
            }
        }
        for (std::size_t first = 0; first < p.size(); first += batch) {
            const std::size_t last = std::min(first + batch, p.size());
            const gd::Grad2 g = gd::mean_grad(t.a, t.b, order, first, last);
            t.a -= lr * g.a;
            t.b -= lr * g.b;
            if (!std::isfinite(t.a) || !std::isfinite(t.b)) {
                run.diverged_at = e;  // keep only finite points: the figures show where it left
                return run;
            }
            run.path.push_back(t);
        }
        const double loss = gd::mean_loss(t.a, t.b, p);
        if (!std::isfinite(loss)) {
            run.diverged_at = e;
            return run;
        }
        run.per_epoch.push_back(t);
        run.loss.push_back(loss);
    }
    return run;
}

}  // namespace ch01

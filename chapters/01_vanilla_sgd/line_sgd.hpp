// line_sgd.hpp: chapter 01's algorithm, and the source post's loop it is contrasted with.
//
// θ = (a, b) the parameters, g the gradient, η the learning rate. Plain SGD is θ ← θ − η·g, with
// g the mean gradient of a batch: torch.optim.SGD (gd::Sgd, common/optim/sgd.hpp) stepped by the
// book's one line-fit loop (gd::train_line, common/train/line_training.hpp), per sample, in
// mini-batches or in full batch. The post's own loop is a different rule: it updates a first and
// takes b's gradient at the new a, so it is written out here, on the two scalars, to be compared.
// The tests (tests/test_line_fit.cpp) call these functions directly.
#pragma once

#include <cstddef>

#include "core/rng.hpp"
#include "optim/sgd.hpp"
#include "problems/line_fit.hpp"
#include "train/line_training.hpp"

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
            t.a = t.a - lr * 2 * p.x[i] * (t.a * p.x[i] + t.b - p.y[i]);  // a ← a − η·2x·r
            t.b = t.b - lr * 2 * (t.a * p.x[i] + t.b - p.y[i]);  // b ← b − η·2r, r at the new a
        }
    }
    return t;
}

// The textbook SGD from θ = (0, 0): both partial derivatives at the same, old point, the batch's
// mean gradient g, θ ← θ − η·g. Batches of `batch` consecutive samples (the last one may be
// smaller): batch 1 is per-sample SGD (it lands on b = -27.938), batch n full-batch gradient
// descent. With `shuffle`, the samples are reshuffled at the start of every epoch. The run
// records the path for the figures and stops, keeping only finite points, if it diverges.
inline gd::LineRun sgd(const gd::Points& p, double lr, int epochs, std::size_t batch,
                       gd::Rng* shuffle = nullptr) {
    gd::Sgd<double> opt(lr);  // θ ← θ − η·g
    gd::LineTraining how;
    how.epochs = epochs;
    how.batch = batch;
    how.shuffle = shuffle;
    return gd::train_line(opt, p, {0, 0}, how);
}

}  // namespace ch01

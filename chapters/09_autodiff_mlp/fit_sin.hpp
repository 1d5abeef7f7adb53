// fit_sin.hpp: a one-hidden-layer network fitting sin(x), trained on the tape by full-batch SGD.
//
// The problem of the source post: x = linspace(−5, 5, 61), y = sin x, a 1-width-1 network
// p(x) = Σ_j W2_j σ(W1_j x + b1_j) + b2 with σ = relu, tanh or sigmoid, the mean squared error
// over all 61 points, and SGD with momentum, one update per epoch (the whole data set is the
// batch). Then the measurements the chapter prints: ReLU's units sorted by where they bend, the
// losses over several seeds, and a sigmoid network started as the exact twin of a tanh one.
// Notation: θ = (W1, b1, W2, b2) parameters, g = ∇L gradient, η learning rate, μ momentum,
// u velocity.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "autodiff/mlp.hpp"
#include "autodiff/tape.hpp"
#include "optim/sgd.hpp"
#include "train/step.hpp"

namespace ch09 {

using Tensor = xt::xarray<double>;

// n points from lo to hi as a column (n×1): the network's batch of inputs.
inline Tensor linspace_column(double lo, double hi, std::size_t n) {
    Tensor x = xt::zeros<double>({n, std::size_t{1}});
    for (std::size_t i = 0; i < n; ++i) x(i, 0) = lo + (hi - lo) * double(i) / double(n - 1);
    return x;
}

// An activation's name, as --activation spells it.
inline const char* name(gd::Activation a) {
    return a == gd::Activation::relu ? "relu" : a == gd::Activation::tanh ? "tanh" : "sigmoid";
}

struct Settings {
    int width = 10, epochs = 1000;
    double lr = 0.02, momentum = 0.9;
    std::uint64_t seed = 9;
};

struct Fit {
    gd::Activation act;
    std::vector<double> loss;    // loss[e]: mean squared error after e updates, loss[0] at start
    std::vector<Tensor> params;  // W1 (1×width), b1 (1×width), W2 (width×1), b2 (1×1): the last
                                 // finite ones
    std::vector<int> frame_epochs;  // epochs at which `frames` holds the parameters
    std::vector<std::vector<Tensor>> frames;
    int diverged_at = -1;  // the first epoch whose loss was not finite, or −1
};

// Trains one network. The same seed draws the same numbers for every activation, so the three
// runs start from identical weights and differ only in σ. Parameters are copied at every epoch
// listed in `snapshot_epochs` (sorted). With `start` (W1, b1, W2, b2), those replace the drawn
// weights: the test starts from PyTorch's, the twin experiment from tanh's.
inline Fit train(gd::Activation act, const Settings& s, const Tensor& x, const Tensor& y,
                 const std::vector<int>& snapshot_epochs,
                 const std::vector<Tensor>* start = nullptr) {
    Fit fit{act, {}, {}, {}, {}, -1};
    gd::Rng rng(s.seed);
    gd::Mlp<double> net({1, std::size_t(s.width), 1}, act, rng);
    if (start) {
        for (std::size_t k = 0; k < start->size(); ++k) *net.values()[k] = (*start)[k];
    }
    gd::Sgd<double> opt(s.lr, s.momentum);
    gd::ad::Tape<double> tape;
    std::size_t next_frame = 0;
    for (int e = 0; e <= s.epochs; ++e) {
        tape.clear();  // a fresh graph every epoch: the tape records one forward pass
        net.zero_grad();
        auto loss = tape.mse(net(tape, tape.constant(x)), tape.constant(y));  // L = mean (p − y)²
        const double L = tape.value(loss)();
        if (!std::isfinite(L)) {  // diverged: keep the last finite parameters for the figures
            fit.diverged_at = e;
            break;
        }
        fit.loss.push_back(L);
        fit.params.clear();
        for (auto* p : net.values()) fit.params.push_back(*p);
        if (next_frame < snapshot_epochs.size() && snapshot_epochs[next_frame] == e) {
            fit.frame_epochs.push_back(e);
            fit.frames.push_back(fit.params);
            ++next_frame;
        }
        if (e == s.epochs) break;
        tape.backward(loss);  // g = ∂L/∂θ into every Parameter::grad
        // Update e at the constant rate η (no schedule): u ← μu + g, θ ← θ − ηu.
        gd::step(opt, nullptr, e, net.values(), net.grads());
    }
    return fit;
}

// σ written out, for evaluating a trained network away from the tape.
inline double activate(gd::Activation act, double z) {
    switch (act) {
        case gd::Activation::relu:
            return z > 0 ? z : 0;
        case gd::Activation::tanh:
            return std::tanh(z);
        default:
            return 1 / (1 + std::exp(-z));
    }
}

// Hidden unit j's share of the output, W2_j σ(W1_j x + b1_j); p(x) is their sum plus b2.
inline double unit_output(gd::Activation act, const std::vector<Tensor>& p, std::size_t j,
                          double x) {
    return p[2](j, 0) * activate(act, p[0](0, j) * x + p[1](0, j));
}
inline double predict(gd::Activation act, const std::vector<Tensor>& p, double x) {
    double sum = p[3](0, 0);
    for (std::size_t j = 0; j < p[0].shape()[1]; ++j) sum += unit_output(act, p, j, x);
    return sum;
}

// Where ReLU unit j switches on or off: W1_j x + b1_j = 0, i.e. x = −b1_j / W1_j. Only the
// kinks inside [lo, hi] can show in the fit.
inline std::vector<double> relu_kinks(const std::vector<Tensor>& p, double lo, double hi) {
    std::vector<double> kinks;
    for (std::size_t j = 0; j < p[0].shape()[1]; ++j) {
        const double w = p[0](0, j), b = p[1](0, j);
        if (w != 0 && -b / w >= lo && -b / w <= hi) kinks.push_back(-b / w);
    }
    return kinks;
}

// ReLU's units sorted by what they do on [lo, hi]: bend inside it, or, with the kink outside,
// a straight line over all of it (on everywhere) or nothing at all (off everywhere: dead, and
// its gradient is zero, so it stays dead).
struct Census {
    int bend = 0, straight = 0, dead = 0;
};
inline Census relu_census(const std::vector<Tensor>& p, double lo, double hi) {
    Census c;
    for (std::size_t j = 0; j < p[0].shape()[1]; ++j) {
        const double w = p[0](0, j), b = p[1](0, j);
        if (w != 0 && -b / w >= lo && -b / w <= hi) {
            ++c.bend;
        } else {
            (w * lo + b > 0 ? c.straight : c.dead) += 1;  // one sign over all of [lo, hi]
        }
    }
    return c;
}

// The losses of one activation over seeds 1..seeds (same settings otherwise), at each epoch of
// `at`; +inf where the run had diverged by then.
inline std::vector<std::vector<double>> losses_over_seeds(gd::Activation act, Settings s,
                                                          const Tensor& x, const Tensor& y,
                                                          int seeds, const std::vector<int>& at,
                                                          std::vector<Fit>* fits = nullptr) {
    std::vector<std::vector<double>> out;
    for (int k = 1; k <= seeds; ++k) {
        s.seed = std::uint64_t(k);
        Fit f = train(act, s, x, y, {});
        std::vector<double> row;
        row.reserve(at.size());
        for (int e : at) {
            row.push_back(std::size_t(e) < f.loss.size() ? f.loss[std::size_t(e)]
                                                         : std::numeric_limits<double>::infinity());
        }
        out.push_back(row);
        if (fits) fits->push_back(std::move(f));
    }
    return out;
}

// A sigmoid network that computes exactly what a tanh network computes: tanh z = 2σ(2z) − 1,
// so W1 and b1 double (the argument 2z), W2 doubles (the factor 2), and b2 absorbs the −1 of
// every unit: b2 − Σ_j W2_j.
inline std::vector<Tensor> sigmoid_twin(const std::vector<Tensor>& tanh_params) {
    std::vector<Tensor> p = tanh_params;
    p[0] = 2.0 * tanh_params[0];
    p[1] = 2.0 * tanh_params[1];
    p[2] = 2.0 * tanh_params[2];
    p[3] = tanh_params[3] - xt::sum(tanh_params[2])();
    return p;
}

}  // namespace ch09

// fit_sin.hpp: a one-hidden-layer network fitting sin(x), trained on the tape by full-batch SGD.
//
// The problem of the source post: x = linspace(−5, 5, 61), y = sin x, a 1-width-1 network
// p(x) = Σ_j v_j σ(w_j x + c_j) + d with σ = relu, tanh or sigmoid, the mean squared error over
// all 61 points, and SGD with momentum, one update per epoch (the whole data set is the batch).
// Notation: θ = (w, c, v, d) parameters, g = ∇L gradient, η learning rate, μ momentum.
#pragma once

#include <cmath>
#include <cstdint>
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
    std::vector<Tensor> params;  // w (1×width), c (1×width), v (width×1), d (1×1), last finite
    std::vector<int> frame_epochs;  // epochs at which `frames` holds the parameters
    std::vector<std::vector<Tensor>> frames;
    int diverged_at = -1;  // the first epoch whose loss was not finite, or −1
};

// Trains one network. The same seed draws the same numbers for every activation, so the three
// runs start from identical weights and differ only in σ. Parameters are copied at every epoch
// listed in `snapshot_epochs` (sorted). With `start` (w, c, v, d), those replace the drawn
// weights: the test starts from PyTorch's.
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
        // Update e at the constant rate η (no schedule): b ← μb + g, θ ← θ − ηb.
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

// Hidden unit j's share of the output, v_j σ(w_j x + c_j); p(x) is their sum plus d.
inline double unit_output(gd::Activation act, const std::vector<Tensor>& p, std::size_t j,
                          double x) {
    return p[2](j, 0) * activate(act, p[0](0, j) * x + p[1](0, j));
}
inline double predict(gd::Activation act, const std::vector<Tensor>& p, double x) {
    double sum = p[3](0, 0);
    for (std::size_t j = 0; j < p[0].shape()[1]; ++j) sum += unit_output(act, p, j, x);
    return sum;
}

// Where ReLU unit j switches on or off: w_j x + c_j = 0, i.e. x = −c_j / w_j. Only the kinks
// inside [lo, hi] can show in the fit; a unit whose kink lies outside is either a straight line
// over the whole data (it is on everywhere) or contributes nothing (off everywhere: "dead").
inline std::vector<double> relu_kinks(const std::vector<Tensor>& p, double lo, double hi) {
    std::vector<double> kinks;
    for (std::size_t j = 0; j < p[0].shape()[1]; ++j) {
        const double w = p[0](0, j), c = p[1](0, j);
        if (w != 0 && -c / w >= lo && -c / w <= hi) kinks.push_back(-c / w);
    }
    return kinks;
}

}  // namespace ch09

// hive.hpp: a hive of small networks ("bees") trained side by side over a hyperparameter sweep.
//
// Chapter 10. A sweep is two lists of hyperparameter values (rows × columns); each combination
// is a cell, and each cell trains the same K bees: bee k starts from the same weights in every
// cell (all drawn from one seed), so cells differ only in their hyperparameters. All C·K bees
// live in one batch of tensors with a leading bee axis, W (C·K, in, out) and b (C·K, 1, out),
// and are trained full batch on the MSE of the sin curve. Every epoch e records each bee's
// prediction and loss *before* update e (epoch 0 is the random initial network). A bee whose
// loss is not finite is marked diverged from that epoch on and frozen; the others go on.
// Two engines compute the forward and backward pass: the autodiff tape of chapter 09 (tape_pass
// in train.cpp) and a fused loop written out in fused.hpp, which performs the very same
// floating-point operations in the same order (tests/test_10_swarm.cpp checks they agree bit for
// bit) without building a tape. train.cpp trains the hive with either; figures.hpp reads the
// record.
// Notation: θ parameters, g gradient, η learning rate (lr), μ momentum, b velocity, e epoch.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include <xtensor/xarray.hpp>

#include "autodiff/mlp.hpp"
#include "core/rng.hpp"
#include "core/seeds.hpp"
#include "optim/factory.hpp"

namespace ch10 {

// ---- The problem ------------------------------------------------------------------------------

// The post's target: x = linspace(−5, 5, 61), y = sin x. Points computed as torch.linspace does
// (from the start in the first half, from the end in the second), so x is symmetric exactly.
struct Target {
    std::vector<double> x, y;
};
inline Target sin_curve(std::size_t n = 61, double lo = -5, double hi = 5) {
    Target t;
    const double step = (hi - lo) / static_cast<double>(n - 1);
    for (std::size_t i = 0; i < n; ++i) {
        t.x.push_back(i < n / 2 ? lo + step * double(i) : hi - step * double(n - 1 - i));
        t.y.push_back(std::sin(t.x.back()));
    }
    return t;
}
// The post's promised sequel: the same points, y = sin x + σ·ε with ε standard normal from our
// seeded generator (stream 1 of the seed: the bees' weights come from the seed itself).
inline Target noisy_sin_curve(double sigma, std::uint64_t seed) {
    Target t = sin_curve();
    gd::Rng rng(gd::run_seed(seed, 1));
    for (double& y : t.y) y += sigma * rng.normal();
    return t;
}

// ---- The sweep --------------------------------------------------------------------------------

// One swept hyperparameter: its name as the optimizer calls it, and its values.
struct Axis {
    std::string name;
    std::vector<double> values;
};
// Cells in row-major order: cell c = row r, column j with c = r·cols + j.
struct Sweep {
    Axis rows, cols;
    std::size_t cells() const { return rows.values.size() * cols.values.size(); }
};

// Sets one hyperparameter of an optimizer's configuration by name: any of them can be swept.
inline void set_hyper(gd::OptimizerConfig& c, const std::string& name, double v) {
    double* field = name == "lr"             ? &c.lr
                    : name == "momentum"     ? &c.momentum
                    : name == "dampening"    ? &c.dampening
                    : name == "weight_decay" ? &c.weight_decay
                    : name == "beta"         ? &c.beta
                    : name == "alpha"        ? &c.alpha
                    : name == "eps"          ? &c.eps
                    : name == "lr_decay"     ? &c.lr_decay
                    : name == "beta1"        ? &c.beta1
                    : name == "beta2"        ? &c.beta2
                                             : nullptr;
    if (!field) throw gd::UsageError("cannot sweep '" + name + "' (not an optimizer setting)");
    *field = v;
}

// What the whole hive shares.
struct Spec {
    std::vector<std::size_t> sizes{1, 10, 1};  // input, hidden widths..., output
    gd::Activation act = gd::Activation::relu;
    std::string optimizer = "sgd";
    gd::OptimizerConfig base;  // settings not swept
    std::size_t bees = 10;     // K bees per cell
    int epochs = 250;
    std::uint64_t seed = 10;
    bool fused = true;          // the fused loop, or the autodiff tape
    bool record_pred = true;    // every epoch's predictions (Record::pred)
    bool record_theta = false;  // every epoch's parameters (Record::theta)
    int threads = 1;            // the fused SGD path splits the bees over threads: same numbers
};

// ---- The bees' parameters ---------------------------------------------------------------------

// Layer l of every bee: W[l] (B, in, out) and b[l] (B, 1, out), the layout of gd::Mlp(batch B).
struct Net {
    std::vector<xt::xarray<double>> W, b;
    std::size_t bees() const { return W.empty() ? 0 : W[0].shape()[0]; }
    // Parameters of one bee, and bee k's as one flat list: W[0], b[0], W[1], b[1], ...
    std::size_t per_bee() const {
        std::size_t P = 0;
        for (std::size_t l = 0; l < W.size(); ++l) P += (W[l].size() + b[l].size()) / bees();
        return P;
    }
    void get(std::size_t k, double* q) const {
        for (std::size_t l = 0; l < W.size(); ++l)
            for (const auto* a : {&W[l], &b[l]}) {
                const std::size_t per = a->size() / bees();
                q = std::copy(a->data() + k * per, a->data() + (k + 1) * per, q);
            }
    }
    void set(std::size_t k, const double* q) {
        for (std::size_t l = 0; l < W.size(); ++l)
            for (auto* a : {&W[l], &b[l]}) {
                const std::size_t per = a->size() / bees();
                std::copy(q, q + per, a->data() + k * per);
                q += per;
            }
    }
};

// K networks drawn one after the other from Rng(seed): bee k is the same whatever K is.
inline Net draw_bees(const Spec& s) {
    gd::Rng rng(s.seed);
    gd::Mlp<double> mlp(s.sizes, s.act, rng, s.bees);
    Net n;
    for (auto& layer : mlp.layers()) {
        n.W.push_back(layer.weight.value);
        n.b.push_back(layer.bias.value);
    }
    return n;
}

// Bees [first, first + count) of `from`, repeated `copies` times along the bee axis.
inline Net tile(const Net& from, std::size_t copies, std::size_t first = 0,
                std::size_t count = std::numeric_limits<std::size_t>::max()) {
    count = std::min(count, from.bees() - first);
    const auto rep = [&](const xt::xarray<double>& a) {
        const std::size_t per = a.size() / a.shape()[0];
        xt::xarray<double> out = xt::zeros<double>({copies * count, a.shape()[1], a.shape()[2]});
        for (std::size_t c = 0; c < copies; ++c)
            std::copy(a.data() + first * per, a.data() + (first + count) * per,
                      out.data() + c * count * per);
        return out;
    };
    Net n;
    for (std::size_t l = 0; l < from.W.size(); ++l) {
        n.W.push_back(rep(from.W[l]));
        n.b.push_back(rep(from.b[l]));
    }
    return n;
}

// ---- What a hive run records ------------------------------------------------------------------

// A vector whose resize() leaves new numbers unset: a hive's record is written in full by the
// training (by several threads at once), so zero-filling its megabytes first would only cost a
// pass over memory that the epochs overwrite anyway.
template <class T>
struct Unset : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = Unset<U>;
    };
    Unset() = default;
    template <class U>
    Unset(const Unset<U>&) noexcept {}
    template <class U>
    void construct(U* p) noexcept {
        ::new (static_cast<void*>(p)) U;
    }
    template <class U, class... A>
    void construct(U* p, A&&... a) {
        ::new (static_cast<void*>(p)) U(std::forward<A>(a)...);
    }
};
using Numbers = std::vector<double, Unset<double>>;

struct Record {
    std::size_t epochs = 0, bees = 0, points = 0, per_bee = 0;
    Numbers pred;                  // [e][bee][i]: prediction at x_i before update e (if asked)
    Numbers loss;                  // [e][bee]: MSE before update e; NaN once diverged
    Numbers theta;                 // [e][bee][q]: parameters before update e (if asked)
    std::vector<int> diverged_at;  // first epoch with a non-finite loss, −1 if none
    Net last_net;                  // the parameters at the last recorded epoch
    double p(std::size_t e, std::size_t k, std::size_t i) const {
        return pred[(e * bees + k) * points + i];
    }
    double l(std::size_t e, std::size_t k) const { return loss[e * bees + k]; }
    const double* th(std::size_t e, std::size_t k) const {
        return &theta[(e * bees + k) * per_bee];
    }
};

// ---- Forward, backward and training (train.cpp) -----------------------------------------------

// All bees at once through the autodiff tape: x tiled to (B, n, 1), per-bee MSE (shape {B}),
// summed so that backward gives every bee its own gradient. Fills grad, pred [bee][i] and
// loss [bee].
void tape_pass(const Spec& s, const Target& t, Net& net, Net& grad, double* pred, double* loss);

// Trains `init` (C·K bees, cell c = bees [cK, cK + K)) with one optimizer per cell, built from
// spec.base with the cell's two swept values. Each cell's optimizer steps only its own slice
// of every tensor (copied out and back), so no bee shares state with another.
Record train(const Spec& s, const Sweep& sw, const Target& t, const Net& init);

// The whole sweep from spec's seed: K bees drawn once, tiled over the C cells.
Record train(const Spec& s, const Sweep& sw, const Target& t);

// The gradient of each of B bees' losses (spec's network and engine) at flat parameters theta
// [bee][q], into grad (same layout); their losses into loss if given. For the Hessian.
void bee_gradients(const Spec& s, const Target& t, std::size_t B, const std::vector<double>& theta,
                   std::vector<double>& grad, std::vector<double>* loss = nullptr);

}  // namespace ch10

// Chapter 09: automatic differentiation, from one scalar graph to a network that fits sin(x).
//
// Goal: see where the gradients every earlier chapter took for granted come from. First a tiny
// network worked by hand on scalars (value.hpp, micrograd-style): every node's value on the way
// forward, every node's gradient on the way back. Then the same idea on tensors (the tape,
// common/autodiff/tape.hpp) trains a 1-10-1 network on the source post's problem, y = sin x on 61
// points of [−5, 5], by full-batch SGD with momentum, once for each activation: ReLU, tanh,
// sigmoid. ReLU's fit is piecewise linear: it bends only where a hidden unit switches on,
// x = −b1/W1. Which activation ends lowest is checked over several seeds, not one; and a sigmoid
// network started as the exact twin of the tanh one shows that what differs is the training.
//
// Notation: θ = (W1, b1, W2, b2) parameters, g gradient, η learning rate (--lr), μ momentum
// (--momentum), u velocity, σ the activation, z̄ = ∂L/∂z the gradient of the loss L with
// respect to a node z.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "figures.hpp"
#include "fit_sin.hpp"
#include "plot/figures.hpp"
#include "tiny_net.hpp"

namespace {

using ch09::Fit;
using ch09::name;
using ch09::Tensor;

// ---- Part 1: backpropagation by hand -----------------------------------------------------------

// Every node of the tiny network in topological order (inputs before outputs): its value from
// the forward pass and its gradient from the backward pass. Then the tape on the same graph.
void print_tiny_graph() {
    const ch09::TinyScalar s = ch09::tiny_scalar();
    std::printf("tiny network, x = 1.5, y = sin(1.5): forward values, backward gradients\n");
    std::printf("  %-5s %-12s %12s %12s\n", "node", "computed as", "value", "dL/dnode");
    for (const ch09::Node* n : ch09::topological_order(s.loss)) {
        std::string how = "input";
        if (n->prev.size() == 2) how = n->prev[0]->label + ' ' + n->op + ' ' + n->prev[1]->label;
        if (n->prev.size() == 1) {
            how = n->op == "^2" ? n->prev[0]->label + "^2" : n->op + '(' + n->prev[0]->label + ')';
        }
        std::printf("  %-5s %-12s %12.6f %12.6f\n", n->label.c_str(), how.c_str(), n->data,
                    n->grad);
    }
    const auto t = ch09::tiny_tensor<double>();
    std::printf(
        "the tape on the same graph: L = %.6f, dL/dx = %.6f, dL/dW1 = (%.6f, %.6f), "
        "dL/dW2 = (%.6f, %.6f)\n\n",
        t.loss, t.X.grad(0, 0), t.W1.grad(0, 0), t.W1.grad(0, 1), t.W2.grad(0, 0), t.W2.grad(1, 0));
}

// ---- Part 2: the sin fit, one run per activation ----------------------------------------------

// The three runs (or the one --activation names), from the same seed: the same start weights.
std::vector<Fit> fit_sin(const ch09::Settings& s, const std::string& activation, const Tensor& x,
                         const Tensor& y, const std::vector<int>& frames) {
    std::vector<Fit> fits;
    for (const char* a : {"relu", "tanh", "sigmoid"}) {
        if (activation != "all" && activation != a) continue;
        fits.push_back(ch09::train(gd::activation_from_name(a), s, x, y, frames));
    }
    return fits;
}

// The summary: each run's loss at the start and at the end, and what ReLU's units do on
// [−5, 5]: bend inside it, run straight through it, or stay off (dead).
void print_fits(const std::vector<Fit>& fits, const ch09::Settings& s) {
    std::printf(
        "1-%d-1 network on sin(x), 61 points, full-batch SGD lr=%g momentum=%g, %d "
        "epochs, seed %llu\n",
        s.width, s.lr, s.momentum, s.epochs, static_cast<unsigned long long>(s.seed));
    std::printf("  %-8s %12s %12s   %s\n", "act", "start loss", "final loss",
                "units: bend / straight / dead");
    for (const Fit& f : fits) {
        std::printf("  %-8s %12.5f %12.6g", name(f.act), f.loss.front(), f.loss.back());
        if (f.act == gd::Activation::relu) {
            const ch09::Census c = ch09::relu_census(f.params, -5, 5);
            std::printf("   %d / %d / %d", c.bend, c.straight, c.dead);
        }
        if (f.diverged_at >= 0) std::printf("  diverged in epoch %d", f.diverged_at);
        std::printf("\n");
    }
}

// ---- Part 3: is the ranking a property of the activation, or of one seed? ----------------------

// Every activation of `fits` trained from seeds 1..seeds with the same settings: the loss at a
// tenth, a quarter and all of the epochs, as median [min, max], and who ends lowest how often.
// Returns every run, for the figure.
std::vector<Fit> seed_spread(const std::vector<Fit>& fits, const ch09::Settings& s, const Tensor& x,
                             const Tensor& y, int seeds) {
    std::vector<int> at{s.epochs / 10, s.epochs / 4, s.epochs};
    at.erase(std::unique(at.begin(), at.end()), at.end());
    std::printf("\nover seeds 1-%d (width %d, lr %g, momentum %g): loss, median [min, max]\n",
                seeds, s.width, s.lr, s.momentum);
    std::printf("  %-8s", "act");
    for (int e : at) std::printf("   %-27s", ("epoch " + std::to_string(e)).c_str());
    std::printf(" diverged\n");
    std::vector<Fit> runs;
    std::vector<std::vector<double>> last(fits.size());  // [activation][seed] final loss
    for (std::size_t a = 0; a < fits.size(); ++a) {
        const auto l = ch09::losses_over_seeds(fits[a].act, s, x, y, seeds, at, &runs);
        std::printf("  %-8s", name(fits[a].act));
        for (std::size_t k = 0; k < at.size(); ++k) {
            std::vector<double> col;
            col.reserve(l.size());
            for (const auto& row : l) col.push_back(row[k]);
            std::sort(col.begin(), col.end());
            const double median = (col[(col.size() - 1) / 2] + col[col.size() / 2]) / 2;
            char cell[64];
            std::snprintf(cell, sizeof cell, "%.3g [%.3g, %.3g]", median, col.front(), col.back());
            std::printf("   %-27s", cell);
        }
        for (const auto& row : l) last[a].push_back(row.back());
        int diverged = 0;
        for (const Fit& f : runs) diverged += f.act == fits[a].act && f.diverged_at >= 0;
        std::printf(" %4d/%d\n", diverged, seeds);
    }
    if (fits.size() < 2) return runs;
    std::printf("  lowest at epoch %d:", s.epochs);
    for (std::size_t a = 0; a < fits.size(); ++a) {
        int wins = 0;
        for (int k = 0; k < seeds; ++k) {
            bool lowest = true;
            for (std::size_t b = 0; b < fits.size(); ++b) lowest &= last[a][k] <= last[b][k];
            wins += lowest;
        }
        std::printf(" %s %d/%d%s", name(fits[a].act), wins, seeds,
                    a + 1 < fits.size() ? "," : "\n");
    }
    if (fits.size() == 3) {  // the two that the default seed ranks relu < sigmoid
        int below = 0;
        for (int k = 0; k < seeds; ++k) below += last[0][k] < last[2][k];
        std::printf("  relu below sigmoid at epoch %d: %d/%d seeds\n", s.epochs, below, seeds);
    }
    return runs;
}

// A sigmoid network started as the exact twin of the tanh one (the same function at epoch 0,
// fit_sin.hpp's sigmoid_twin), trained with the same optimizer at η and at 4η: if sigmoid lagged
// for lack of capacity, the twin could not lag at all. It lags at η, and at 4η it keeps up:
// σ' ≤ 1/4 makes the hidden layer learn at a quarter of tanh's rate.
void twin_start(const ch09::Settings& s, const Tensor& x, const Tensor& y) {
    ch09::Settings start = s, fast = s;
    start.epochs = 0;  // only the drawn weights
    fast.lr = 4 * s.lr;
    const std::vector<Tensor> w = ch09::train(gd::Activation::tanh, start, x, y, {}).params;
    const std::vector<Tensor> twin = ch09::sigmoid_twin(w);
    const Fit runs[] = {ch09::train(gd::Activation::tanh, s, x, y, {}, &w),
                        ch09::train(gd::Activation::sigmoid, s, x, y, {}, &twin),
                        ch09::train(gd::Activation::sigmoid, fast, x, y, {}, &twin)};
    const char* names[] = {"tanh", "sigmoid twin", "twin at 4 lr"};
    std::printf("\nsigmoid started as tanh's exact twin (W1, b1, W2 doubled, b2 - sum of W2):\n");
    std::printf("  %-14s", "act");
    const int at[] = {0, s.epochs / 10, s.epochs / 4, s.epochs};
    for (int e : at) std::printf(" %12s", ("epoch " + std::to_string(e)).c_str());
    std::printf("\n");
    for (int k = 0; k < 3; ++k) {
        std::printf("  %-14s", names[k]);
        for (int e : at) {
            const auto& l = runs[k].loss;
            std::printf(" %12.6g", std::size_t(e) < l.size()
                                       ? l[std::size_t(e)]
                                       : std::numeric_limits<double>::infinity());
        }
        std::printf("%s\n", runs[k].diverged_at >= 0 ? "  diverged" : "");
    }
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("09_autodiff_mlp", [&] {
        gd::Cli cli("09_autodiff_mlp", "backpropagation by hand, then a 1-10-1 network fits sin(x)",
                    9);
        ch09::Settings s;
        std::string activation = "all";
        int seeds = 10;
        cli.option("--epochs", s.epochs, "full-batch updates", 1, 100000);
        cli.option("--lr", s.lr, "learning rate η", gd::positive());
        cli.option("--momentum", s.momentum, "momentum μ of SGD", gd::unit_open());
        cli.option("--width", s.width, "hidden units", 1, 1000);
        cli.option("--activation", activation, "which activation to train",
                   {"all", "relu", "tanh", "sigmoid"});
        cli.option("--seeds", seeds, "how many seeds (1..N) the spread is taken over", 1, 100);
        if (!cli.parse(argc, argv)) return 0;
        s.seed = cli.seed;

        // Part 1: one scalar graph, forward and backward by hand, and the tape on it.
        print_tiny_graph();

        // Part 2: the problem, the source post's 61 points of sin x on [−5, 5], and one network
        // per activation trained on it. --quick draws fewer frames, with the same training.
        const Tensor x = ch09::linspace_column(-5, 5, 61);
        const Tensor y = xt::sin(x);
        const std::vector<int> frames = ch09::animation_epochs(s.epochs, cli.quick ? 6 : 60);
        const std::vector<Fit> fits = fit_sin(s, activation, x, y, frames);
        print_fits(fits, s);

        // Part 3: the same comparison over seeds 1..N, and the sigmoid twin of tanh's start.
        const std::vector<Fit> spread = seed_spread(fits, s, x, y, seeds);
        if (activation == "all") twin_start(s, x, y);
        std::fflush(stdout);  // the tables before any progress on std::clog

        // The figures, in the order the README shows them.
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        ch09::write_points(figs, x, y);
        ch09::plot_fits(figs, fits);
        if (fits.front().act == gd::Activation::relu) ch09::plot_relu_units(figs, fits.front());
        ch09::plot_loss(figs, fits);
        ch09::plot_loss_seeds(figs, spread, seeds);
        ch09::animate_fits(figs, fits);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

// Chapter 09: automatic differentiation, from one scalar graph to a network that fits sin(x).
//
// Goal: see where the gradients every earlier chapter took for granted come from. First a tiny
// network worked by hand on scalars (value.hpp, micrograd-style): every node's value on the way
// forward, every node's gradient on the way back. Then the same idea on tensors (the tape,
// common/autodiff/tape.hpp) trains a 1-10-1 network on the source post's problem, y = sin x on 61
// points of [−5, 5], by full-batch SGD with momentum, once for each activation: ReLU, tanh,
// sigmoid. ReLU's fit is piecewise linear: it bends only where a hidden unit switches on, x = −c/w.
//
// Notation: θ = (w, c, v, d) parameters, g gradient, η learning rate (--lr), μ momentum
// (--momentum), σ the activation, v̄ = ∂L/∂v the gradient of the loss L with respect to a node v.
#include <cstdio>
#include <iostream>
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
        "the tape on the same graph: L = %.6f, dL/dx = %.6f, dL/dw = (%.6f, %.6f), "
        "dL/dv = (%.6f, %.6f)\n\n",
        t.loss, t.X.grad(0, 0), t.W.grad(0, 0), t.W.grad(0, 1), t.V.grad(0, 0), t.V.grad(1, 0));
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

// The summary: each run's loss at the start and at the end, and how many of ReLU's kinks lie
// inside [−5, 5].
void print_fits(const std::vector<Fit>& fits, const ch09::Settings& s) {
    std::printf(
        "1-%d-1 network on sin(x), 61 points, full-batch SGD lr=%g momentum=%g, %d "
        "epochs, seed %llu\n",
        s.width, s.lr, s.momentum, s.epochs, static_cast<unsigned long long>(s.seed));
    std::printf("  %-8s %12s %12s %10s\n", "act", "start loss", "final loss", "kinks");
    for (const Fit& f : fits) {
        std::printf("  %-8s %12.5f %12.6g", name(f.act), f.loss.front(), f.loss.back());
        if (f.act == gd::Activation::relu) {
            std::printf(" %7zu/%d", ch09::relu_kinks(f.params, -5, 5).size(), s.width);
        } else {
            std::printf(" %10s", "-");
        }
        if (f.diverged_at >= 0) std::printf("  diverged in epoch %d", f.diverged_at);
        std::printf("\n");
    }
}

}  // namespace

int main(int argc, char** argv) {
    return gd::run("09_autodiff_mlp", [&] {
        gd::Cli cli("09_autodiff_mlp", "backpropagation by hand, then a 1-10-1 network fits sin(x)",
                    9);
        ch09::Settings s;
        std::string activation = "all";
        cli.option("--epochs", s.epochs, "full-batch updates", 1, 100000);
        cli.option("--lr", s.lr, "learning rate η", gd::positive());
        cli.option("--momentum", s.momentum, "momentum μ of SGD", gd::unit_open());
        cli.option("--width", s.width, "hidden units", 1, 1000);
        cli.option("--activation", activation, "which activation to train",
                   {"all", "relu", "tanh", "sigmoid"});
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
        std::fflush(stdout);  // the table before any progress on std::clog

        // The figures, in the order the README shows them.
        gd::plot::Figures figs(cli.out, !cli.no_plot);
        ch09::write_points(figs, x, y);
        ch09::plot_fits(figs, fits);
        if (fits.front().act == gd::Activation::relu) ch09::plot_relu_units(figs, fits.front());
        ch09::plot_loss(figs, fits);
        ch09::animate_fits(figs, fits);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

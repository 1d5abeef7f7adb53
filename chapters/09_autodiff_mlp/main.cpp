// Chapter 09: automatic differentiation, from one scalar graph to a network that fits sin(x).
//
// Goal: see where the gradients every earlier chapter took for granted come from. First a tiny
// network worked by hand on scalars (value.hpp, micrograd-style): every node's value on the way
// forward, every node's gradient on the way back. Then the same idea on tensors (the tape,
// common/tape.hpp) trains a 1-10-1 network on the source post's problem, y = sin x on 61 points
// of [−5, 5], by full-batch SGD with momentum, once for each activation: ReLU, tanh, sigmoid.
// ReLU's fit is piecewise linear: it bends only where a hidden unit switches on, x = −c/w.
//
// Notation: θ = (w, c, v, d) parameters, g gradient, η learning rate (--lr), μ momentum
// (--momentum), σ the activation, v̄ = ∂L/∂v the gradient of the loss L with respect to a node v.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "fit_sin.hpp"
#include "plot/figures.hpp"
#include "tiny_net.hpp"

namespace {

using ch09::Fit;
using ch09::Tensor;

const char* name(gd::Activation a) {
    return a == gd::Activation::relu ? "relu" : a == gd::Activation::tanh ? "tanh" : "sigmoid";
}
int colour(gd::Activation a) {  // the same linetype for an activation in every figure
    return a == gd::Activation::relu ? 2 : a == gd::Activation::tanh ? 1 : 3;
}

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

// ---- The figures -------------------------------------------------------------------------------

// x values to draw a fit at. A ReLU network is linear between its kinks, so the two ends and
// the kinks draw it exactly; a smooth one needs a grid.
std::vector<double> plot_xs(const Fit& f, const std::vector<Tensor>& params, int steps = 200) {
    if (f.act == gd::Activation::relu) {
        std::vector<double> xs = ch09::relu_kinks(params, -5, 5);
        xs.push_back(-5);
        xs.push_back(5);
        std::sort(xs.begin(), xs.end());
        return xs;
    }
    std::vector<double> xs;
    for (int i = 0; i <= steps; ++i) xs.push_back(-5 + 10.0 * i / steps);
    return xs;
}

void write_points(gd::plot::Figures& figs, const Tensor& x, const Tensor& y) {
    gd::plot::Data pts({"x", "sin_x"});
    for (std::size_t i = 0; i < x.shape()[0]; ++i) pts.row({x(i, 0), y(i, 0)});
    figs.write("points", pts);
}

// One panel per activation: the 61 targets, the fitted curve, and for ReLU the kinks.
void plot_fits(gd::plot::Figures& figs, const std::vector<Fit>& fits) {
    gd::plot::Data curves({"x", "fit"}), kinks({"x", "fit"});
    for (const Fit& f : fits) {
        curves.block(name(f.act));
        for (double x : plot_xs(f, f.params)) curves.row({x, ch09::predict(f.act, f.params, x)});
        if (f.act != gd::Activation::relu) continue;
        for (double k : ch09::relu_kinks(f.params, -5, 5)) {
            kinks.row({k, ch09::predict(f.act, f.params, k)});
        }
    }
    figs.write("fits", curves);
    figs.write("fits_kinks", kinks);
    std::ostringstream gp;
    gp << "set multiplot layout 1," << fits.size() << " title 'The same network after "
       << fits.front().loss.size() - 1
       << " epochs: ReLU bends only at its kinks x = -c/w, tanh and sigmoid are smooth'\n"
       << "set xlabel 'x'\nset ylabel 'y'\nset xrange [-5.3:5.3]\nset yrange [-1.6:2.3]\n"
       << "set key top center\n";
    for (std::size_t i = 0; i < fits.size(); ++i) {
        const Fit& f = fits[i];
        char loss[64];
        std::snprintf(loss, sizeof loss, "%s: final loss %.4f", name(f.act), f.loss.back());
        gp << "set title '" << loss << "'\n"
           << "plot 'points.dat' using 1:2 with points pt 7 ps 0.6 lc rgb '#555555' "
              "title 'sin(x), 61 points', \\\n"
           << "     'fits.dat' index " << i << " using 1:2 with lines lt " << colour(f.act)
           << " lw 2.5 title 'network'";
        if (f.act == gd::Activation::relu) {
            gp << ", \\\n     'fits_kinks.dat' using 1:2 with points pt 6 ps 1.6 lw 2 lc rgb "
                  "'black' title 'kink x = -c_j/w_j'";
        }
        gp << "\n";
    }
    gp << "unset multiplot\n";
    figs.png("fits", gp.str(), 1500, 520);
}

// Loss per epoch, log scale: the three activations from the same start.
void plot_loss(gd::plot::Figures& figs, const std::vector<Fit>& fits) {
    gd::plot::Data data({"epoch", "loss"}, 6);
    for (const Fit& f : fits) {
        data.block(name(f.act));
        for (std::size_t e = 0; e < f.loss.size(); ++e) data.row({double(e), f.loss[e]});
    }
    figs.write("loss", data);
    std::ostringstream gp;
    gp << "set title 'Same initial weights, three activations: training loss per epoch'\n"
       << "set xlabel 'epoch (one full-batch update of SGD with momentum)'\n"
       << "set ylabel 'mean squared error on the 61 points'\n"
       << "set logscale y\nset format y '10^{%L}'\nset key top right\nset xrange [0:*]\nplot ";
    for (std::size_t i = 0; i < fits.size(); ++i) {
        gp << (i ? ", \\\n     " : "") << "'loss.dat' index " << i << " using 1:2 with lines lt "
           << colour(fits[i].act) << " title '" << name(fits[i].act) << "'";
    }
    gp << "\n";
    figs.png("loss", gp.str());
}

// The ReLU fit taken apart: each hidden unit adds one hinge v_j relu(w_j x + c_j).
void plot_relu_units(gd::plot::Figures& figs, const Fit& f) {
    const std::size_t width = f.params[0].shape()[1];
    std::vector<std::string> cols{"x"};
    for (std::size_t j = 0; j < width; ++j) cols.push_back("unit" + std::to_string(j));
    cols.push_back("fit");
    gd::plot::Data data(cols);
    for (double x : plot_xs(f, f.params)) {
        std::vector<double> row{x};
        for (std::size_t j = 0; j < width; ++j)
            row.push_back(ch09::unit_output(f.act, f.params, j, x));
        row.push_back(ch09::predict(f.act, f.params, x));
        data.row(row);
    }
    figs.write("relu_units", data);
    std::ostringstream gp;
    gp << "set title 'The ReLU fit is a sum of hinges: each unit is 0 on one side of its kink "
          "and a straight line on the other'\n"
       << "set xlabel 'x'\nset ylabel 'contribution to the output'\nset xrange [-5.3:5.3]\n"
       << "set yrange [-3.5:3.5]\n"
       << "set key below horizontal\nplot 'points.dat' using 1:2 with points pt 7 ps 0.5 "
          "lc rgb '#555555' title 'sin(x)'";
    for (std::size_t j = 0; j < width; ++j) {
        gp << ", \\\n     'relu_units.dat' using 1:" << j + 2 << " with lines lt 6 lw 1.5 title '"
           << (j == 0 ? "unit j: v_j relu(w_j x + c_j)" : "") << "'";
    }
    gp << ", \\\n     'relu_units.dat' using 1:" << width + 2
       << " with lines lt 2 lw 3 title 'sum + d = fit', \\\n"
       << "     'fits_kinks.dat' using 1:2 with points pt 6 ps 1.6 lw 2 lc rgb 'black' "
          "title 'kinks'\n";
    figs.png("relu_units", gp.str(), 1000, 650);
}

// The three fits over the epochs, one frame per snapshot.
void animate_fits(gd::plot::Figures& figs, const std::vector<Fit>& fits) {
    gd::plot::Data data({"x", "fit"}, 5);
    std::string epochs;  // every frame's epoch so far: the blocks' titles
    std::vector<std::string> frame_epochs;
    const std::size_t frames = fits.front().frame_epochs.size();
    for (std::size_t k = 0; k < frames; ++k) {
        frame_epochs.push_back(std::to_string(fits.front().frame_epochs[k]));
        epochs += frame_epochs.back() + ' ';
        for (const Fit& f : fits) {
            const auto& p = f.frames[std::min(k, f.frames.size() - 1)];  // frozen if diverged
            data.block(std::string(name(f.act)) + " epoch " + epochs);
            for (double x : plot_xs(f, p, 60)) data.row({x, ch09::predict(f.act, p, x)});
        }
    }
    figs.write("training", data);
    std::ostringstream gp;
    std::ostringstream frame;
    frame << "  set title sprintf('Fitting sin(x), epoch %s', word(frames, i))\n"
          << "  plot 'points.dat' using 1:2 with points pt 7 ps 0.7 lc rgb '#555555' title "
             "'sin(x)'";
    for (std::size_t a = 0; a < fits.size(); ++a) {
        frame << ", \\\n       'training.dat' index (i-1)*" << fits.size() << "+" << a
              << " using 1:2 with lines lt " << colour(fits[a].act) << " lw 2 title '"
              << name(fits[a].act) << "'";
    }
    frame << "\n";
    gp << "set xrange [-5.3:5.3]\nset yrange [-1.6:2.3]\nset key top center horizontal\n"
       << "set xlabel 'x'\nset ylabel 'y'\n"
       << gd::plot::frame_loop(frame_epochs, frame.str());
    figs.gif("training", gp.str(), 800, 500, 10);
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

        // Part 2: the problem, the source post's 61 points of sin x on [−5, 5].
        const Tensor x = ch09::linspace_column(-5, 5, 61);
        const Tensor y = xt::sin(x);
        // Snapshots for the animation at epochs E·(k/(F−1))²: dense early, where the fits move
        // fast. --quick: fewer frames, the same training and numbers.
        const int frames = cli.quick ? 6 : 60;
        std::vector<int> snapshots;
        for (int k = 0; k < frames; ++k) {
            const double u = double(k) / (frames - 1);
            snapshots.push_back(int(std::lround(s.epochs * u * u)));
        }
        snapshots.erase(std::unique(snapshots.begin(), snapshots.end()), snapshots.end());

        std::vector<Fit> fits;
        for (const char* a : {"relu", "tanh", "sigmoid"}) {
            if (activation != "all" && activation != a) continue;
            fits.push_back(ch09::train(gd::activation_from_name(a), s, x, y, snapshots));
        }
        print_fits(fits, s);
        std::fflush(stdout);  // the table before any progress on std::clog

        gd::plot::Figures figs(cli.out, !cli.no_plot);
        write_points(figs, x, y);
        plot_fits(figs, fits);
        plot_loss(figs, fits);
        if (fits.front().act == gd::Activation::relu) plot_relu_units(figs, fits.front());
        animate_fits(figs, fits);
        std::clog << "figures and data written to " << cli.out << "\n";
        return 0;
    });
}

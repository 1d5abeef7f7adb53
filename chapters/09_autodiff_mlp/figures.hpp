// figures.hpp: chapter 09's figures, one function each in the order the README shows them
// (the fits, the ReLU fit taken apart, the loss, the animation), data and gnuplot script side by
// side through gd::plot::Figures (common/plot/figures.hpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "fit_sin.hpp"
#include "plot/figures.hpp"

namespace ch09 {

// The same linetype for an activation in every figure.
inline int colour(gd::Activation a) {
    return a == gd::Activation::relu ? 2 : a == gd::Activation::tanh ? 1 : 3;
}

// x values to draw a fit at. A ReLU network is linear between its kinks, so the two ends and
// the kinks draw it exactly; a smooth one needs a grid.
inline std::vector<double> plot_xs(const Fit& f, const std::vector<Tensor>& params,
                                   int steps = 200) {
    if (f.act == gd::Activation::relu) {
        std::vector<double> xs = relu_kinks(params, -5, 5);
        xs.push_back(-5);
        xs.push_back(5);
        std::sort(xs.begin(), xs.end());
        return xs;
    }
    std::vector<double> xs;
    for (int i = 0; i <= steps; ++i) xs.push_back(-5 + 10.0 * i / steps);
    return xs;
}

// The 61 targets, points.dat, which every figure draws.
inline void write_points(gd::plot::Figures& figs, const Tensor& x, const Tensor& y) {
    gd::plot::Data pts({"x", "sin_x"});
    for (std::size_t i = 0; i < x.shape()[0]; ++i) pts.row({x(i, 0), y(i, 0)});
    figs.write("points", pts);
}

// One panel per activation: the 61 targets, the fitted curve, and for ReLU the kinks.
inline void plot_fits(gd::plot::Figures& figs, const std::vector<Fit>& fits) {
    gd::plot::Data curves({"x", "fit"}), kinks({"x", "fit"});
    for (const Fit& f : fits) {
        curves.block(name(f.act));
        for (double x : plot_xs(f, f.params)) curves.row({x, predict(f.act, f.params, x)});
        if (f.act != gd::Activation::relu) continue;
        for (double k : relu_kinks(f.params, -5, 5)) {
            kinks.row({k, predict(f.act, f.params, k)});
        }
    }
    figs.write("fits", curves);
    figs.write("fits_kinks", kinks);
    std::ostringstream gp;
    gp << "set multiplot layout 1," << fits.size() << " title 'The same network after "
       << fits.front().loss.size() - 1
       << " epochs: ReLU bends only at its kinks x = -b1_j/W1_j, tanh and sigmoid are smooth'\n"
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
                  "'black' title 'kink x = -b1_j/W1_j'";
        }
        gp << "\n";
    }
    gp << "unset multiplot\n";
    figs.png("fits", gp.str(), 1500, 520);
}

// The ReLU fit taken apart: each hidden unit adds one hinge W2_j relu(W1_j x + b1_j), drawn in
// its own colour with its kink marked on the zero line; a unit with no kink on [−5, 5] is dashed.
inline void plot_relu_units(gd::plot::Figures& figs, const Fit& f) {
    const std::size_t width = f.params[0].shape()[1];
    std::vector<std::string> cols{"x"};
    for (std::size_t j = 0; j < width; ++j) cols.push_back("unit" + std::to_string(j + 1));
    cols.push_back("fit");
    gd::plot::Data data(cols);
    double lo = -1.6, hi = 2.3;  // the range of the targets, widened to every hinge
    for (double x : plot_xs(f, f.params)) {
        std::vector<double> row{x};
        for (std::size_t j = 0; j < width; ++j) row.push_back(unit_output(f.act, f.params, j, x));
        row.push_back(predict(f.act, f.params, x));
        for (double v : row) lo = std::min(lo, v), hi = std::max(hi, v);
        data.row(row);
    }
    figs.write("relu_units", data);
    // Ten colours that stay apart on white (Okabe-Ito's without its pale yellow, then three
    // more); wider networks cycle through them.
    const char* palette[] = {"#E69F00", "#56B4E9", "#009E73", "#9467BD", "#0072B2",
                             "#BCBD22", "#CC79A7", "#000000", "#8C564B", "#7F7F7F"};
    std::ostringstream gp;
    gp << "set title 'The ReLU fit is the sum of its units: each is 0 on one side of its kink "
          "and a straight line on the other'\n"
       << "set xlabel 'x'\nset ylabel 'contribution to the output p(x)'\nset xrange [-5.3:5.3]\n"
       << "set yrange [" << std::floor(lo) << ":" << std::ceil(hi) << "]\n"
       << "set key outside right top\nplot 'points.dat' using 1:2 with points pt 7 ps 0.5 "
          "lc rgb '#555555' title 'sin(x)'";
    for (std::size_t j = 0; j < width; ++j) {
        const double w = f.params[0](0, j), b = f.params[1](0, j), k = -b / w;
        const bool inside = w != 0 && k >= -5 && k <= 5;
        char title[64];
        if (inside) {
            std::snprintf(title, sizeof title, "unit %zu, kink at %.2f", j + 1, k);
        } else {
            std::snprintf(title, sizeof title, "unit %zu, %s", j + 1,
                          w * -5 + b > 0 ? "no kink: straight" : "no kink: dead");
        }
        gp << ", \\\n     'relu_units.dat' using 1:" << j + 2 << " with lines lw 2 lc rgb '"
           << palette[j % 10] << "'" << (inside ? "" : " dt 2") << " title '" << title << "'";
        if (inside) {
            gp << ", \\\n     '+' using (" << k << "):(0) every ::0::0 with points pt 7 ps 1.2 lc "
               << "rgb '" << palette[j % 10] << "' notitle";
        }
    }
    gp << ", \\\n     'relu_units.dat' using 1:" << width + 2
       << " with lines lc rgb '#D55E00' lw 4 dt 1 title 'sum + b2 = fit', \\\n"
       << "     'fits_kinks.dat' using 1:2 with points pt 6 ps 1.6 lw 2 lc rgb 'black' "
          "title 'kinks on the fit'\n";
    figs.png("relu_units", gp.str(), 1150, 650);
}

// Loss per epoch, log scale: the three activations from the same start.
inline void plot_loss(gd::plot::Figures& figs, const std::vector<Fit>& fits) {
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

// The loss of every seed's run, all activations on one log-scale plot, one thin line per seed:
// the spread behind the ranking that one seed shows.
inline void plot_loss_seeds(gd::plot::Figures& figs, const std::vector<Fit>& runs, int seeds) {
    gd::plot::Data data({"epoch", "loss"}, 5);
    for (const Fit& f : runs) {
        data.block(name(f.act));
        // every epoch up to 50, then every 5th: the early drop and the long tail, smaller file
        for (std::size_t e = 0; e < f.loss.size(); ++e) {
            if (e <= 50 || e % 5 == 0 || e + 1 == f.loss.size()) data.row({double(e), f.loss[e]});
        }
    }
    figs.write("loss_seeds", data);
    std::ostringstream gp;
    gp << "set title \"Training loss of seeds 1-" << seeds
       << ", one line per seed: where two bands overlap, the ranking is the seed's\"\n"
       << "set xlabel 'epoch (one full-batch update of SGD with momentum)'\n"
       << "set ylabel 'mean squared error on the 61 points'\n"
       << "set logscale y\nset format y '10^{%L}'\nset xrange [0:*]\nset key top right\nplot ";
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const bool first = k == 0 || runs[k].act != runs[k - 1].act;
        gp << (k ? ", \\\n     " : "") << "'loss_seeds.dat' index " << k
           << " using 1:2 with lines lt " << colour(runs[k].act) << " lw 1 "
           << (first ? std::string("title '") + name(runs[k].act) + "'" : std::string("notitle"));
    }
    gp << "\n";
    figs.png("loss_seeds", gp.str(), 1000, 600);
}

// The epochs the animation shows, E·(k/(F−1))² for k = 0..F−1: dense early, where the fits
// move fast. train() keeps the parameters at each of them.
inline std::vector<int> animation_epochs(int epochs, int frames) {
    std::vector<int> snapshots;
    for (int k = 0; k < frames; ++k) {
        const double u = double(k) / (frames - 1);
        snapshots.push_back(int(std::lround(epochs * u * u)));
    }
    snapshots.erase(std::unique(snapshots.begin(), snapshots.end()), snapshots.end());
    return snapshots;
}

// The three fits over the epochs, one frame per snapshot.
inline void animate_fits(gd::plot::Figures& figs, const std::vector<Fit>& fits) {
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
            for (double x : plot_xs(f, p, 60)) data.row({x, predict(f.act, p, x)});
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

}  // namespace ch09

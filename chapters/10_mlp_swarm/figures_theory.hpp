// figures_theory.hpp: chapter 10's figures of the theory and of the thousands of bees it is
// tested on: the heavy-ball map over (ηλ, μ), the phase diagram of the swarm with the theory's
// edges on top, the curvature of the settled bees against the edge, and dampening's twins.
#pragma once

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "figures.hpp"
#include "hive.hpp"
#include "plot/figures.hpp"
#include "problems/quadratic_theory.hpp"

namespace ch10 {

// The theory's curves in the (η, μ) plane for a curvature λ: the stability edge
// η = 2(1 + μ)/λ and the two critical-damping curves η = (1 ∓ √μ)²/λ, as blocks 0, 1, 2 of
// `slug`.dat (columns η, μ), for μ from 0 to 0.995.
inline void theory_curves(gd::plot::Figures& figs, const std::string& slug, double lambda) {
    gd::plot::Data d({"eta", "mu"}, 6);
    const char* names[3] = {"stability edge", "critical damping (low)", "critical damping (high)"};
    for (int curve = 0; curve < 3; ++curve) {
        d.block(names[curve]);
        for (int i = 0; i <= 199; ++i) {
            const double mu = 0.995 * i / 199;
            const double el = curve == 0   ? gd::heavy_ball_limit(mu)
                              : curve == 1 ? gd::critical_damping_low(mu)
                                           : gd::critical_damping_high(mu);
            d.row({el / lambda, mu});
        }
    }
    figs.write(slug, d);
}

// Heavy ball on one direction of curvature λ: the factor max|z| by which the error shrinks per
// step, over (ηλ, μ), with the four regions of problems/quadratic_theory.hpp. `cells` are
// points (ηλ, μ) to mark: the post's cells at the curvature the chapter measured.
inline void plot_theory_map(gd::plot::Figures& figs,
                            const std::vector<std::pair<double, double>>& cells) {
    gd::plot::Data d({"eta_lambda", "mu", "max_abs_root"}, 4);
    for (int i = 0; i < 100; ++i) {  // μ in [0, 0.99]
        const double mu = 0.01 * i;
        for (int j = 0; j <= 110; ++j) {  // ηλ in [0, 4.4]
            const double el = 0.04 * j;
            d.row({el, mu, gd::heavy_ball_radius(el, mu, 1.0)});
        }
        d.gap();
    }
    figs.write("theory_map", d);
    gd::plot::Data c({"eta_lambda", "mu"}, 5);
    for (const auto& [el, mu] : cells) c.row({el, mu});
    figs.write("theory_map_cells", c);
    theory_curves(figs, "theory_map_curves", 1.0);
    std::ostringstream gp;
    gp << "set title 'Heavy ball on a quadratic: the error shrinks by max|z| per step' "
          "font ',14'\n"
       << "set xlabel 'η·λ  (rate × curvature)'\nset ylabel 'momentum μ'\n"
       << "set xrange [0:4.4]\nset yrange [0:0.99]\nset cbrange [0:1]\n"
       << "set cblabel 'max|z|: 0 = done in a step, 1 = no progress (white: it grows)'\n"
       << "set palette defined (0 '#08306b', 0.5 '#4292c6', 0.8 '#c6dbef', 0.95 '#fee391', "
          "1 '#ec7014')\n"
       << "set key at screen 0.45, screen 0.01 center bottom horizontal maxrows 2 opaque box\n"
       << "set bmargin 8\n"
       << "set label 1 'over-damped' at 0.45, 0.78 front\n"
       << "set arrow 2 from 0.43, 0.77 to 0.05, 0.6 lw 1.5 front\n"
       << "set label 2 'under-damped: |z| = √μ' at 0.9, 0.55 front\n"
       << "set label 3 'flipping: the sign flips every step' at 2.55, 0.06 front\n"
       << "set arrow 1 from 2.53, 0.065 to 2.12, 0.08 lw 1.5 front\n"
       << "set label 4 'unstable' at 3.5, 0.45 front\n"
       << "plot 'theory_map.dat' using 1:2:($3 < 1 ? $3 : 1/0) with image notitle, \\\n"
       << "     'theory_map_curves.dat' index 0 using 1:2 with lines lw 3 lc rgb '#cc0000' "
       << "title 'stability edge ηλ = 2(1 + μ)', \\\n"
       << "     '' index 1 using 1:2 with lines lw 2 dt 2 lc rgb '#000000' "
       << "title 'critical damping ηλ = (1 ∓ √μ)²', \\\n"
       << "     '' index 2 using 1:2 with lines lw 2 dt 2 lc rgb '#000000' notitle";
    if (!cells.empty())
        gp << ", \\\n     'theory_map_cells.dat' using 1:2 with points pt 7 ps 1.3 "
           << "lc rgb '#000000' title 'the post’s cells, at λ = λ_{max} of the settled bees'";
    gp << "\n";
    figs.png("theory_map", gp.str(), 1000, 760);
}

// The swarm's phase diagram: per cell (η log-spaced, μ), four maps, with the stability edge
// η = 2(1 + μ)/λ on top: for the median λ_max of the bees' random starts (dashed), and row by
// row for the median λ_max of the row's settled bees (a staircase, `edge_row`).
inline void plot_phase(gd::plot::Figures& figs, const Sweep& sw,
                       const std::vector<PhaseCell>& cells, std::size_t bees, double lambda_start,
                       const std::vector<double>& edge_row, int epochs) {
    const std::size_t R = sw.rows.values.size(), J = sw.cols.values.size();
    gd::plot::Data d({"eta", "mu", "eta_lo", "eta_hi", "mu_lo", "mu_hi", "settled", "settle_epoch",
                      "diverged", "rises"},
                     5);
    const double dmu = R > 1 ? (sw.rows.values[1] - sw.rows.values[0]) / 2 : 0.05;
    const double deta = J > 1 ? std::sqrt(sw.cols.values[1] / sw.cols.values[0]) : 1.2;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const double mu = sw.rows.values[c / J], eta = sw.cols.values[c % J];
        const PhaseCell& p = cells[c];
        d.row({eta, mu, eta / deta, eta * deta, mu - dmu, mu + dmu, p.settled, p.settle_at,
               p.diverged, p.rises});
    }
    figs.write("phase", d);
    theory_curves(figs, "phase_edge_start", lambda_start);
    gd::plot::Data rows({"eta", "mu"}, 6);
    bool stairs = false;  // rows without a settled bee have no curvature, and no edge
    for (std::size_t i = 0; i < R; ++i)
        if (std::isfinite(edge_row[i]) && (stairs = true))
            rows.row({edge_row[i], sw.rows.values[i] - dmu})
                .row({edge_row[i], sw.rows.values[i] + dmu});
    figs.write("phase_edge_rows", rows);
    std::ostringstream gp;
    gp << "set logscale x\nset xrange [" << sw.cols.values.front() / deta << ":0.2]\nset yrange ["
       << sw.rows.values.front() - dmu << ":" << sw.rows.values.back() + dmu << "]\n"
       << "set xlabel 'learning rate η'\nset ylabel 'momentum μ'\nset format x '%g'\n"
       << "unset key\nset multiplot layout 2,2 title \"" << R * J << " cells × " << bees
       << " bees × " << epochs << " epochs: where do bees settle, blow up and ring?\\n"
       << "{/=12 the stability edge η = 2(1 + μ)/λ_{max}: black for λ_{max} of the random "
       << "starts, orange for λ_{max} of each row’s settled bees}\" font ',15'\n";
    const char* title[4] = {"fraction of bees that settle (loss < 0.02 to the end)",
                            "median settling epoch of those that do",
                            "fraction of bees that blow up",
                            "median fraction of epochs 125-249 the loss rises (ringing)"};
    const char* range[4] = {"[0:1]", "[0:250]", "[0:1]", "[0:0.5]"};
    const char* palette[4] = {"(0 'white', 1 '#08519c')", "(0 '#006d2c', 1 '#e5f5e0')",
                              "(0 'white', 1 '#a50f15')", "(0 'white', 1 '#54278f')"};
    for (int m = 0; m < 4; ++m) {
        // A map with no number at all (no bee settles in a short run) shows only the edges.
        bool any = false;
        for (const PhaseCell& p : cells)
            any = any || std::isfinite(m == 0   ? p.settled
                                       : m == 1 ? p.settle_at
                                       : m == 2 ? p.diverged
                                                : p.rises);
        gp << "set title '" << title[m] << (any ? "" : " (none)") << "'\nset cbrange " << range[m]
           << "\nset palette defined " << palette[m] << "\nplot ";
        if (any)
            gp << "'phase.dat' using 1:2:3:4:5:6:" << 7 + m
               << " with boxxyerror fs solid 1.0 noborder lc palette notitle, \\\n";
        gp << "     'phase_edge_start.dat' index 0 using 1:2 with lines lw 2.5 lc rgb '#000000'"
           << (stairs ? ", \\\n     'phase_edge_rows.dat' using 1:2 with lines lw 3 "
                        "lc rgb '#e6550d'"
                      : "")
           << "\n";
    }
    gp << "unset multiplot\n";
    figs.png("phase", gp.str(), 1200, 1040);
}

// Every settled bee of the phase diagram: ηλ_max / 2(1 + μ) at its last epoch, against η.
// Below 1 its minimum is stable for heavy ball at its cell's settings; above, it is not.
inline void plot_curvature(gd::plot::Figures& figs, const std::vector<double>& eta,
                           const std::vector<double>& mu, const std::vector<double>& ratio) {
    if (ratio.empty()) return;  // no bee settled (a short run): nothing to draw
    gd::plot::Data d({"eta", "mu", "eta_lambda_over_edge"}, 5);
    for (std::size_t i = 0; i < eta.size(); ++i) d.row({eta[i], mu[i], ratio[i]});
    figs.write("phase_curvature", d);
    std::ostringstream gp;
    gp << "set title 'Settled bees sit below or at the stability edge ηλ_{max} = 2(1 + μ): "
          "the larger η, the flatter their minimum' font ',13'\n"
       << "set logscale x\nset format x '%g'\nset xlabel 'learning rate η of the bee’s cell'\n"
       << "set xrange [8e-4:0.15]\n"
       << "set ylabel 'η·λ_{max} / 2(1 + μ)  at the last epoch'\nset yrange [0:1.3]\n"
       << "set cblabel 'momentum μ'\nset cbrange [0:1]\n"
       << "set palette defined (0 '#fdd0a2', 0.5 '#e6550d', 1 '#3f007d')\n"
       << "set key top left opaque box\nset arrow from graph 0, first 1 to graph 1, first 1 "
       << "nohead lw 2 lc rgb '#cc0000' front\n"
       << "plot 'phase_curvature.dat' using ($1 * exp(0.08 * (rand(0) - 0.5))):3:2 with points "
       << "pt 7 ps 0.6 lc palette title 'one settled bee (η jittered within its cell)'\n";
    figs.png("phase_curvature", gp.str(), 1000, 620);
}

// Dampening's twins, one panel per momentum (the sweeps' columns): the median loss of the bees
// trained with dampening τ at rate η (solid) and of the same bees without dampening at rate
// η(1 − τ) (dashed, same colour); τ = 0 (grey) is the undamped reference.
inline void plot_twins(gd::plot::Figures& figs, double lr, const Record& damped, const Sweep& dsw,
                       const Record& twin, const Sweep& tsw) {
    const std::size_t C = dsw.cells(), K = damped.bees / C, J = dsw.cols.values.size();
    gd::plot::Data d({"epoch", "median_damped", "median_twin"}, 6);
    for (std::size_t c = 0; c < C; ++c) {
        d.block(cell_title(dsw, c) + " and " + cell_title(tsw, c));
        for (std::size_t e = 0; e < damped.epochs; ++e)
            d.row({double(e), cell_stats(damped, c, K, e, 1.0).median,
                   cell_stats(twin, c, K, e, 1.0).median});
    }
    figs.write("dampening", d);
    std::ostringstream gp;
    gp << "set xlabel 'epoch'\nset ylabel 'MSE of the median bee'\nset logscale y\n"
       << "set xrange [0:" << std::max<std::size_t>(1, damped.epochs - 1) << "]\n"
       << "set format y '10^{%L}'\nset yrange [5e-3:3]\nunset key\n"
       << "set multiplot layout 1," << J << " title \"Dampening τ is a smaller rate: SGD(η = " << lr
       << ", μ, τ) (solid) follows SGD(η(1 − τ), μ, 0) (dashed, mostly hidden under it)"
       << "\\n{/=12 grey τ = 0, blue τ = 0.5, orange τ = 0.9}\" font ',14'\n";
    const char* colour[3] = {"#999999", "#0072B2", "#D55E00"};
    for (std::size_t j = 0; j < J; ++j) {
        gp << "set title '" << symbol(dsw.cols.name) << " = " << dsw.cols.values[j] << "'\nplot ";
        for (std::size_t i = 0; i < dsw.rows.values.size(); ++i) {
            const std::size_t c = i * J + j;
            std::ostringstream tau;
            tau << dsw.rows.values[i];
            gp << (i ? ", \\\n     " : "") << "'dampening.dat' index " << c
               << " using 1:2 with lines lw 2.5 lc rgb '" << colour[i % 3] << "' notitle";
            if (dsw.rows.values[i] != 0)
                gp << ", '' index " << c << " using 1:3 with lines lw 2 dt 2 lc rgb '"
                   << colour[i % 3] << "' notitle";
        }
        gp << "\n";
    }
    gp << "unset multiplot\n";
    figs.png("dampening", gp.str(), 1200, 540);
}

}  // namespace ch10

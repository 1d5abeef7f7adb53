// experiments.cpp: chapter 10's experiments (experiments.hpp), in the order of the text.
#include "experiments.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "figures.hpp"
#include "figures_theory.hpp"
#include "hessian.hpp"
#include "problems/quadratic_theory.hpp"

namespace ch10 {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool is_relu_1h1(const Spec& s) {
    return s.act == gd::Activation::relu && s.sizes.size() == 3;
}

// Per cell: the last epoch's loss over its bees (median, best, worst), how many diverged, how
// many settled (their loss stays below the threshold from some epoch on), and the median bee's
// settling epoch.
void print_table(const Record& r, const Sweep& sw, double threshold) {
    const std::size_t K = r.bees / sw.cells(), last = r.epochs - 1;
    std::printf("%-14s %-8s %11s %11s %11s %9s %8s %6s\n", sw.rows.name.c_str(),
                sw.cols.name.c_str(), "median_loss", "best_loss", "worst_loss", "diverged",
                "settled", "epoch");
    for (std::size_t c = 0; c < sw.cells(); ++c) {
        const auto s = cell_stats(r, c, K, last, threshold);
        int settled = 0;
        for (std::size_t k = c * K; k < (c + 1) * K; ++k)
            settled += settled_epoch(r, k, threshold) >= 0;
        std::printf("%-14g %-8g %11.4f %11.4f %11.4f %6d/%-2zu %5d/%-2zu ",
                    sw.rows.values[c / sw.cols.values.size()],
                    sw.cols.values[c % sw.cols.values.size()], s.median, s.best, s.worst,
                    s.diverged, K, settled, K);
        if (s.settled_median >= 0)
            std::printf("%6d\n", s.settled_median);
        else
            std::printf("%6s\n", "never");
    }
}

// How close a 1-H-1 ReLU bee's kinks come to the data: a unit vector v moves the
// pre-activation z_ij = w_j x_i + b_j of unit j at point i by at most ε(|x_i| + 1), so for
// ε < min_ij |z_ij| / (|x_i| + 1) no kink crosses a data point between θ − εv and θ + εv.
double crease_distance(const double* theta, std::size_t H, const Target& t) {
    double d = std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < H; ++j)
        for (const double x : t.x)
            d = std::min(d, std::abs(theta[j] * x + theta[H + j]) / (std::abs(x) + 1));
    return d;
}

// The largest eigenvalue of the loss Hessian of every bee in `theta` ([bee][q]). For ReLU bees
// each difference step is a tenth of the bee's crease distance, at most 1e-5 and at least 1e-9;
// `creased` counts the bees with a kink within 1e-6 of a data point.
Curvature curvature(const Spec& s, const Target& t, const std::vector<double>& theta,
                    std::size_t per_bee, int iterations, std::size_t* creased = nullptr) {
    if (theta.empty()) return {};
    const std::size_t B = theta.size() / per_bee;
    const auto grad = [&](const std::vector<double>& th, std::vector<double>& g) {
        bee_gradients(s, t, B, th, g);
    };
    PowerIteration<decltype(grad)> power(grad, B, per_bee);
    if (is_relu_1h1(s)) {
        std::vector<double> eps(B);
        for (std::size_t k = 0; k < B; ++k) {
            const double d = crease_distance(&theta[k * per_bee], s.sizes[1], t);
            eps[k] = std::clamp(0.1 * d, 1e-9, 1e-5);
            if (creased && d < 1e-6) ++*creased;
        }
        power.set_steps(eps);
    }
    return power.top(theta, iterations, 1);
}

// The zoom's table, and what the theory says of it: with μ = 0 the error along the top
// eigenvector is multiplied by 1 − ηλ_max every epoch, so the step along it flips sign where
// ηλ_max > 1 and grows where ηλ_max > 2.
void print_zoom(const std::vector<ZoomEpoch>& zoom) {
    std::printf("  %5s %8s %8s %9s %11s %5s %7s %8s %8s %7s\n", "epoch", "loss", "eta*lmax",
                "|grad|", "step_on_top", "unit", "share", "kink_x", "top_unit", "of_top");
    std::vector<double> growth, theory;
    int flips = 0;
    for (std::size_t i = 0; i < zoom.size(); ++i) {
        const ZoomEpoch& z = zoom[i];
        std::printf("  %5zu %8.4f %8.3f %9.3g %11.3g %5zu %7.3f %8.3f %8zu %7.3f\n", z.epoch,
                    z.loss, z.eta_lambda, z.grad_norm, z.step_along_top, z.unit, z.unit_share,
                    z.unit_kink, z.top_unit, z.top_share);
        if (i == 0) continue;
        flips += z.step_along_top * zoom[i - 1].step_along_top < 0;
        growth.push_back(std::abs(z.step_along_top / zoom[i - 1].step_along_top));
        theory.push_back(std::abs(1 - z.eta_lambda));
    }
    if (!growth.empty())
        std::printf(
            "  the step along the top eigenvector flips sign in %d of %zu epochs; |step| "
            "changes by x%.3f an epoch (median), |1 - eta*lambda_max| = %.3f\n",
            flips, growth.size(), median(growth), median(theory));
}

// A sweep of μ × η for the sequels: the momenta of hives (a) and (c) at both their rates.
Sweep sequel_sweep() {
    return {{"momentum", {0.7, 0.9, 0.96, 0.99}}, {"lr", {0.002, 0.01}}};
}

}  // namespace

Sweep post_sweep(const std::string& tag) {
    if (tag == "b") return {{"momentum", {0.0, 0.1, 0.3}}, {"lr", {0.01, 0.05}}};
    if (tag == "c") return {{"momentum", {0.9, 0.96, 0.99}}, {"lr", {0.002, 0.01}}};
    return {{"momentum", {0.7, 0.9, 0.95}}, {"lr", {0.002, 0.01}}};
}

// ---- 1. The post's hives ----------------------------------------------------------------------

Record hive(const Settings& set, gd::plot::Figures& figs, const std::string& tag, const Sweep& sw,
            const Target& t) {
    Spec s = set.spec;
    s.record_theta = is_relu_1h1(s);  // for the exact curves and the kinks
    std::printf("\n== hive %s: %s, %zu cells x %zu bees x %d epochs\n", tag.c_str(),
                hive_caption(tag).c_str(), sw.cells(), s.bees, s.epochs);
    const auto start = std::chrono::steady_clock::now();
    Record r = train(s, sw, t);
    std::printf("hive_train_seconds: %.4f\n", seconds_since(start));
    print_table(r, sw, set.threshold);
    // Bee 0 of cell 0 is the same network in the quick and the full run: its first epochs agree.
    const std::size_t e4 = std::min<std::size_t>(4, r.epochs - 1);
    std::printf("bee 0, cell 0: loss at epoch 0 = %.6f, at epoch %zu = %.6f\n", r.l(0, 0), e4,
                r.l(e4, 0));
    const bool exact = exact_curves(r, s);
    plot_grid(figs, tag, r, sw, t, exact);
    animate_grid(figs, tag, r, sw, t, exact, set.frame_step);
    plot_loss(figs, tag, r, sw);
    plot_settled(figs, tag, r, sw, set.threshold);
    if (exact && tag == "c") plot_kink_map(figs, tag, r, sw);
    return r;
}

void zoom(const Settings& set, gd::plot::Figures& figs, const Target& t) {
    Spec s = set.spec;
    if (!is_relu_1h1(s) || s.optimizer != "sgd") return;  // the explanation is for the post's bee
    s.bees = std::max(s.bees, std::size_t(set.zoom_bee) + 1);
    s.epochs = std::max(s.epochs, set.zoom_from + set.zoom_count + 1);
    s.record_theta = true;
    const Sweep one{{"momentum", {set.zoom_mu}}, {"lr", {set.zoom_lr}}};
    const Record r = train(s, one, t);
    const std::string cell = cell_title(one, 0);
    const bool posts = set.zoom_mu == 0 && set.zoom_lr == 0.05 && set.zoom_bee == 1 &&
                       set.zoom_from == 112 && set.zoom_count == 12;
    std::printf("\nzoom: bee %d of cell %s, epochs %d-%d%s\n", set.zoom_bee, cell.c_str(),
                set.zoom_from, set.zoom_from + set.zoom_count - 1,
                posts ? " (the post's window)" : "");
    const auto window = zoom_epochs(s, t, r, std::size_t(set.zoom_bee), std::size_t(set.zoom_from),
                                    std::size_t(set.zoom_count), set.zoom_lr);
    print_zoom(window);
    double top = 0;
    for (const ZoomEpoch& z : window) top = std::max(top, z.eta_lambda);
    // The stability edge of heavy ball, ηλ = 2(1 + μ): 2 for the post's μ = 0.
    const double edge = 2 * (1 + set.zoom_mu);
    char edge_text[32];
    std::snprintf(edge_text, sizeof edge_text, "%g", edge);
    plot_zoom(figs, "b_zoom",
              "Bee " + std::to_string(set.zoom_bee) + " at " + cell + ", epochs " +
                  std::to_string(set.zoom_from) + "-" +
                  std::to_string(set.zoom_from + set.zoom_count - 1) +
                  (top < edge ? ": η·λ_{max} < " + std::string(edge_text) +
                                    ", every step lands short, a calm glide"
                              : ": η·λ_{max} > " + std::string(edge_text) + ", steps overshoot"),
              r, t, std::size_t(set.zoom_bee), window);
    // The control: the cell's largest one-epoch jump in loss (from epoch 10, among the hive's
    // bees), and twelve epochs around it.
    std::size_t bee = 0, jump = 0;
    double worst = 0;
    for (std::size_t k = 0; k < set.spec.bees && k < r.bees; ++k)
        for (std::size_t e = 10; e < r.epochs && r.diverged_at[k] < 0; ++e)
            if (r.l(e, k) / r.l(e - 1, k) > worst)
                worst = r.l(e, k) / r.l(e - 1, k), bee = k, jump = e;
    if (jump == 0) return;
    const std::size_t from = std::min(jump - 4, r.epochs > 13 ? r.epochs - 13 : 0);
    std::printf(
        "shake: bee %zu of cell %s, loss x%.2f in epoch %zu (panels %zu-%zu), "
        "loss %.4f at epoch %zu\n",
        bee, cell.c_str(), worst, jump, from, from + 11, r.l(r.epochs - 1, bee), r.epochs - 1);
    const auto shake = zoom_epochs(s, t, r, bee, from, 12, set.zoom_lr);
    print_zoom(shake);
    std::vector<std::size_t> every;  // the bee's sharpness over its whole run
    for (std::size_t e = 0; e < r.epochs; e += std::max<std::size_t>(1, r.epochs / 12))
        every.push_back(e);
    const std::vector<double> sharp = sharpness(s, t, r, bee, every, set.zoom_lr);
    std::printf("  bee %zu, eta*lambda_max over the run:", bee);
    for (std::size_t i = 0; i < every.size(); ++i) std::printf(" %zu:%.2f", every[i], sharp[i]);
    std::printf("\n");
    plot_zoom(figs, "b_shake",
              "Bee " + std::to_string(bee) + " at " + cell +
                  " shakes out of its fit: η·λ_{max} > " + edge_text + " makes each step overshoot",
              r, t, bee, shake);
}

void kink_travel(const Settings& set, const Record& c, const Sweep& sw, const Target& t) {
    if (!is_relu_1h1(set.spec) || c.theta.empty()) return;
    const std::size_t H = set.spec.sizes[1];
    Spec more = set.spec;
    more.bees = std::size_t(set.phase_bees);
    more.record_theta = true, more.record_pred = false;
    const Record big = train(more, sw, t);
    std::printf(
        "\nkinks of hive c within the data range [-5, 5], per unit: path travelled, "
        "half-unit bins visited, share reaching 4 <= |x| <= 5 at some epoch and at the "
        "last (%zu bees | %zu bees)\n",
        set.spec.bees, more.bees);
    std::printf("%-9s %-6s %6s %5s %6s %6s   %6s %5s %6s %6s\n", "momentum", "lr", "path", "bins",
                "edge", "at_end", "path", "bins", "edge", "at_end");
    for (std::size_t cell = 0; cell < sw.cells(); ++cell) {
        const Exploration a = exploration(c, cell, set.spec.bees, H);
        const Exploration b = exploration(big, cell, more.bees, H);
        std::printf("%-9g %-6g %6.2f %5.2f %6.3f %6.3f   %6.2f %5.2f %6.3f %6.3f\n",
                    sw.rows.values[cell / sw.cols.values.size()],
                    sw.cols.values[cell % sw.cols.values.size()], a.path, a.bins, a.edge_units,
                    a.edge_at_end, b.path, b.bins, b.edge_units, b.edge_at_end);
    }
}

// ---- 2 and 3. The theory and the phase diagram ---------------------------------------------

void phase_diagram(const Settings& set, gd::plot::Figures& figs, const Target& t) {
    const int side = set.quick ? 4 : 16;
    Sweep sw{{"momentum", {}}, {"lr", {}}};
    for (int i = 0; i < side; ++i) {
        sw.rows.values.push_back(0.99 * i / (side - 1));                      // μ from 0 to 0.99
        sw.cols.values.push_back(std::pow(10.0, -3 + 2.0 * i / (side - 1)));  // η 1e-3 .. 0.1
    }
    Spec s = set.spec;
    s.bees = std::size_t(set.phase_bees);
    s.record_pred = false;
    const std::size_t C = sw.cells(), K = s.bees;
    std::printf("\n== phase diagram: %zu momenta x %zu rates x %zu bees, %d epochs\n",
                sw.rows.values.size(), sw.cols.values.size(), K, s.epochs);
    const auto start = std::chrono::steady_clock::now();
    const Record r = train(s, sw, t);
    std::printf("phase_diagram_seconds: %.3f\nphase_diagram_bees: %zu\n", seconds_since(start),
                r.bees);
    const std::vector<PhaseCell> cells = phase_cells(r, C, set.threshold);

    // The curvature: λ_max of the loss at the bees' random starts, and at the settled bees.
    const Net start_net = draw_bees(s);
    const std::size_t P = start_net.per_bee();
    std::vector<double> theta(K * P);
    for (std::size_t k = 0; k < K; ++k) start_net.get(k, &theta[k * P]);
    const Curvature at_start = curvature(s, t, theta, P, 100);
    theta.clear();
    std::vector<double> eta, mu, ratio;
    for (std::size_t k = 0; k < r.bees; ++k)
        if (settled_epoch(r, k, set.threshold) >= 0) {
            theta.resize(theta.size() + P);
            r.last_net.get(k, &theta[theta.size() - P]);
            mu.push_back(sw.rows.values[k / K / sw.cols.values.size()]);
            eta.push_back(sw.cols.values[k / K % sw.cols.values.size()]);
        }
    std::size_t creased = 0;
    const Curvature settled = curvature(s, t, theta, P, 100, &creased);
    double worst_residual = 0;
    for (std::size_t i = 0; i < eta.size(); ++i) {
        ratio.push_back(eta[i] * settled.lambda[i] / gd::heavy_ball_limit(mu[i]));
        worst_residual = std::max(worst_residual, settled.residual[i]);
    }
    const double lam_start = median(at_start.lambda), lam_settled = median(settled.lambda);
    std::printf("curvature lambda_max at the %zu random starts: min %.1f, median %.1f, max %.1f\n",
                K, *std::min_element(at_start.lambda.begin(), at_start.lambda.end()), lam_start,
                *std::max_element(at_start.lambda.begin(), at_start.lambda.end()));
    if (!ratio.empty()) {
        const std::size_t below =
            std::size_t(std::count_if(ratio.begin(), ratio.end(), [](double q) { return q <= 1; }));
        std::printf(
            "settled bees: %zu of %zu; lambda_max median %.1f; eta*lambda_max/2(1+mu): "
            "median %.3f, max %.3f, <= 1 for %zu (%zu with a kink within 1e-6 of a data "
            "point; power iteration residual <= %.1e)\n",
            ratio.size(), r.bees, lam_settled, median(ratio),
            *std::max_element(ratio.begin(), ratio.end()), below, creased, worst_residual);
    }
    // Row by row: where the bees settle, blow up and ring, against the theory's edge for the
    // row's own settled bees (their median λ_max) and for the random starts.
    std::printf("%6s %8s %8s %9s %9s %9s %9s %8s %8s\n", "mu", "settled", "lam_row", "edge_row",
                "first_div", "half_div", "edge_start", "ring_lo", "ring_hi");
    std::vector<double> edge_row;
    for (std::size_t i = 0; i < sw.rows.values.size(); ++i) {
        const double m = sw.rows.values[i];
        double best = 0, first_div = NAN, half_div = NAN, lo = 1, hi = 0;
        for (std::size_t j = 0; j < sw.cols.values.size(); ++j) {
            const PhaseCell& p = cells[i * sw.cols.values.size() + j];
            best = std::max(best, p.settled);
            if (p.diverged > 0 && std::isnan(first_div)) first_div = sw.cols.values[j];
            if (p.diverged >= 0.5 && std::isnan(half_div)) half_div = sw.cols.values[j];
            if (std::isfinite(p.rises)) lo = std::min(lo, p.rises), hi = std::max(hi, p.rises);
        }
        std::vector<double> lam;
        for (std::size_t b = 0; b < mu.size(); ++b)
            if (mu[b] == m) lam.push_back(settled.lambda[b]);
        edge_row.push_back(gd::heavy_ball_limit(m) / median(lam));
        std::printf("%6.3f %8.2f %8.1f %9.4f %9.4f %9.4f %9.4f %8.3f %8.3f\n", m, best, median(lam),
                    edge_row.back(), first_div, half_div, gd::heavy_ball_limit(m) / lam_start, lo,
                    hi);
    }
    plot_phase(figs, sw, cells, K, lam_start, edge_row, s.epochs);
    plot_curvature(figs, eta, mu, ratio);
    std::vector<std::pair<double, double>> post;  // the post's cells in units of ηλ
    for (const std::string tag : {"a", "b", "c"}) {
        const Sweep p = post_sweep(tag);
        for (std::size_t c = 0; c < p.cells(); ++c)
            post.emplace_back(p.cols.values[c % 2] * lam_settled, p.rows.values[c / 2]);
    }
    plot_theory_map(figs, post);
}

// ---- 4. The sequels -----------------------------------------------------------------------

void dampening(const Settings& set, gd::plot::Figures& figs, const Target& t) {
    Spec s = set.spec;
    s.bees = std::size_t(set.phase_bees);
    s.record_pred = false;
    s.base.lr = 0.01;
    const Sweep damped{{"dampening", {0.0, 0.5, 0.9}}, {"momentum", {0.9, 0.96, 0.99}}};
    const Sweep twin{{"lr", {0.01, 0.005, 0.001}}, {"momentum", {0.9, 0.96, 0.99}}};
    const Record d = train(s, damped, t), w = train(s, twin, t);
    const auto dc = phase_cells(d, damped.cells(), set.threshold);
    const auto wc = phase_cells(w, twin.cells(), set.threshold);
    std::printf(
        "\n== sequel 1, dampening at eta = 0.01 against its twin, no dampening at "
        "eta(1 - tau); %zu bees a cell\n",
        s.bees);
    std::printf("%5s %6s | %8s %8s %7s | %7s %8s %8s %7s\n", "tau", "mu", "settled", "median",
                "rises", "eta", "settled", "median", "rises");
    for (std::size_t c = 0; c < damped.cells(); ++c) {
        const CellStats a = cell_stats(d, c, s.bees, d.epochs - 1, set.threshold);
        const CellStats b = cell_stats(w, c, s.bees, w.epochs - 1, set.threshold);
        std::printf("%5g %6g | %8.2f %8.4f %7.3f | %7g %8.2f %8.4f %7.3f\n",
                    damped.rows.values[c / 3], damped.cols.values[c % 3], dc[c].settled, a.median,
                    dc[c].rises, twin.rows.values[c / 3], wc[c].settled, b.median, wc[c].rises);
    }
    plot_twins(figs, s.base.lr, d, damped, w, twin);
}

void deeper(const Settings& set, gd::plot::Figures& figs, const Target& t) {
    Spec one = set.spec, two = set.spec;
    one.bees = two.bees = std::size_t(set.phase_bees);
    one.sizes = {1, 10, 1};
    two.sizes = {1, 10, 10, 1};
    const Sweep sw = sequel_sweep();
    const Record a = train(one, sw, t);
    const auto start = std::chrono::steady_clock::now();
    const Record b = train(two, sw, t);
    std::printf(
        "\n== sequel 2, a deeper bee: 1-10-1 (31 parameters) against 1-10-10-1 (141), "
        "%zu bees a cell (%.2f s)\n",
        two.bees, seconds_since(start));
    const auto ca = phase_cells(a, sw.cells(), set.threshold);
    const auto cb = phase_cells(b, sw.cells(), set.threshold);
    std::printf("%-9s %-6s | %8s %8s %7s | %8s %8s %7s\n", "momentum", "lr", "settled", "median",
                "rises", "settled", "median", "rises");
    for (std::size_t c = 0; c < sw.cells(); ++c)
        std::printf("%-9g %-6g | %8.2f %8.4f %7.3f | %8.2f %8.4f %7.3f\n", sw.rows.values[c / 2],
                    sw.cols.values[c % 2], ca[c].settled,
                    cell_stats(a, c, one.bees, a.epochs - 1, 1).median, ca[c].rises, cb[c].settled,
                    cell_stats(b, c, two.bees, b.epochs - 1, 1).median, cb[c].rises);
    plot_grid(figs, "deeper", b, sw, t, false);
    plot_loss(figs, "deeper", b, sw);
}

void noisy(const Settings& set, gd::plot::Figures& figs, const Target& clean) {
    Spec s = set.spec;
    s.bees = std::size_t(set.phase_bees);
    const Sweep sw = sequel_sweep();
    const Record base = train(s, sw, clean);
    std::printf("\n== sequel 3, noisy targets y = sin x + noise, %zu bees a cell\n", s.bees);
    for (const double sigma : {set.noise, 2 * set.noise}) {
        const Target t = noisy_sin_curve(sigma, s.seed);
        double floor = 0;  // the loss of sin x itself against the noisy points
        for (std::size_t i = 0; i < t.y.size(); ++i)
            floor += (t.y[i] - clean.y[i]) * (t.y[i] - clean.y[i]) / double(t.y.size());
        Spec sn = s;
        sn.record_theta = sigma == set.noise && is_relu_1h1(s);  // for the exact curves
        const Record r = train(sn, sw, t);
        std::printf(
            "sigma %g: sin x itself scores %.4f on these points; a bee settles below "
            "%.4f (that + %g)\n",
            sigma, floor, floor + set.threshold, set.threshold);
        std::printf("%-9s %-6s | %8s %8s %7s | %9s %9s | %9s\n", "momentum", "lr", "settled",
                    "median", "rises", "vs_sine", "clean_run", "clean_set");
        const auto cells = phase_cells(r, sw.cells(), floor + set.threshold);
        const auto base_cells = phase_cells(base, sw.cells(), set.threshold);
        for (std::size_t c = 0; c < sw.cells(); ++c) {
            std::vector<double> vs_sine;  // each finite bee's last fit against the clean sine
            for (std::size_t k = c * s.bees; k < (c + 1) * s.bees; ++k) {
                if (r.diverged_at[k] >= 0) continue;
                double sq = 0;
                for (std::size_t i = 0; i < r.points; ++i)
                    sq += (r.p(r.epochs - 1, k, i) - clean.y[i]) *
                          (r.p(r.epochs - 1, k, i) - clean.y[i]);
                vs_sine.push_back(sq / double(r.points));
            }
            std::printf("%-9g %-6g | %8.2f %8.4f %7.3f | %9.4f %9.4f | %9.2f\n",
                        sw.rows.values[c / 2], sw.cols.values[c % 2], cells[c].settled,
                        cell_stats(r, c, s.bees, r.epochs - 1, 1).median, cells[c].rises,
                        median(vs_sine), cell_stats(base, c, s.bees, base.epochs - 1, 1).median,
                        base_cells[c].settled);
        }
        if (sigma != set.noise) continue;
        target_data(figs, "noisy_target", t);
        plot_grid(figs, "noisy", r, sw, t, exact_curves(r, sn), 10, "noisy_target");
        plot_loss(figs, "noisy", r, sw, floor);
    }
}

}  // namespace ch10

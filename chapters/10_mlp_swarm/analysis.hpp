// analysis.hpp: chapter 10's numbers read off a hive's record.
//
// Per cell of a sweep: how many bees settle, when, how many blow up, and how much they still
// ring at the end (phase_cells); where each ReLU unit bends and how far the bends travel
// (kink, exploration); and, for one bee over a few epochs, what its weights and gradients did
// (zoom_epochs). Everything here reads a Record (hive.hpp); nothing draws.
// Notation: θ a bee's parameters in Net order (w, b, u, c for 1-H-1), e epoch, K bees a cell.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <set>
#include <vector>

#include "hessian.hpp"
#include "hive.hpp"
#include "train/settling.hpp"

namespace ch10 {

// The first epoch from which a bee's loss stays below `threshold` up to the last recorded
// epoch; −1 if it never does (or diverged).
inline int settled_epoch(const Record& r, std::size_t k, double threshold) {
    if (r.diverged_at[k] >= 0) return -1;
    std::vector<double> loss(r.epochs);
    for (std::size_t e = 0; e < r.epochs; ++e) loss[e] = r.l(e, k);
    return int(gd::settled_from(loss, threshold));
}

// The fraction of epochs from `from` on in which bee k's loss went up: 0 for a bee gliding
// down, about 1/2 for one that keeps bouncing.
inline double rises(const Record& r, std::size_t k, std::size_t from) {
    int up = 0, n = 0;
    for (std::size_t e = std::max<std::size_t>(from, 1); e < r.epochs; ++e, ++n)
        up += r.l(e, k) > r.l(e - 1, k);
    return n ? double(up) / n : 0.0;
}

inline double median(std::vector<double> v) {
    if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size();
    return m % 2 ? v[m / 2] : 0.5 * (v[m / 2 - 1] + v[m / 2]);
}

// The post's table for one cell at epoch e: the loss over the cell's finite bees (median, best,
// worst), how many diverged by then, and the median bee's settling epoch (a bee that never
// settles counts as the latest; −1 when the median bee never settles).
struct CellStats {
    double median, best, worst;
    int diverged;
    int settled_median;
};
inline CellStats cell_stats(const Record& r, std::size_t c, std::size_t K, std::size_t e,
                            double threshold) {
    std::vector<double> l;
    std::vector<int> settle;
    CellStats s{std::nan(""), std::nan(""), std::nan(""), 0, -1};
    for (std::size_t k = c * K; k < (c + 1) * K; ++k) {
        const int se = settled_epoch(r, k, threshold);
        settle.push_back(se < 0 ? std::numeric_limits<int>::max() : se);
        if (r.diverged_at[k] >= 0 && std::size_t(r.diverged_at[k]) <= e)
            ++s.diverged;
        else
            l.push_back(r.l(e, k));
    }
    std::sort(settle.begin(), settle.end());
    if (settle[K / 2] != std::numeric_limits<int>::max()) s.settled_median = settle[K / 2];
    if (l.empty()) return s;
    s.median = median(l);
    s.best = *std::min_element(l.begin(), l.end());
    s.worst = *std::max_element(l.begin(), l.end());
    return s;
}

// One cell of the phase diagram.
struct PhaseCell {
    double settled = 0;    // fraction of bees whose loss stays below the threshold from some epoch
    double settle_at = 0;  // median epoch from which they do (NaN if none settles)
    double diverged = 0;   // fraction of bees whose loss stopped being finite
    double rises = 0;      // median over the finite bees of rises() over the second half
};
inline std::vector<PhaseCell> phase_cells(const Record& r, std::size_t cells, double threshold) {
    const std::size_t K = r.bees / cells;
    std::vector<PhaseCell> out(cells);
    for (std::size_t c = 0; c < cells; ++c) {
        std::vector<double> at, ring;
        int div = 0;
        for (std::size_t k = c * K; k < (c + 1) * K; ++k) {
            const int s = settled_epoch(r, k, threshold);
            if (s >= 0) at.push_back(s);
            if (r.diverged_at[k] >= 0)
                ++div;
            else
                ring.push_back(rises(r, k, r.epochs / 2));
        }
        out[c] = {double(at.size()) / double(K), median(at), double(div) / double(K), median(ring)};
    }
    return out;
}

// Where hidden unit j of a 1-H-1 ReLU bee bends: relu(w_j x + b_j) has its kink at −b_j/w_j.
inline double kink(const double* theta, std::size_t H, std::size_t j) {
    const double w = theta[j], b = theta[H + j];
    return w != 0 ? -b / w : std::numeric_limits<double>::infinity();
}

// How far a cell's kinks wander within the data range [−5, 5] over the run, per unit of its
// finite bees: the path its kink travels while inside the range, the number of the range's 20
// half-unit bins it visits, the fraction of units whose kink reaches the outer bands
// 4 ≤ |x| ≤ 5 (where the sine turns back at ±3π/2) at some epoch, and the fraction whose kink
// is there at the last epoch.
struct Exploration {
    double path = 0, bins = 0, edge_units = 0, edge_at_end = 0;
};
inline Exploration exploration(const Record& r, std::size_t c, std::size_t K, std::size_t H) {
    Exploration x;
    int units = 0;
    for (std::size_t k = c * K; k < (c + 1) * K; ++k) {
        if (r.diverged_at[k] >= 0) continue;
        for (std::size_t j = 0; j < H; ++j, ++units) {
            std::set<int> visited;
            double prev = std::numeric_limits<double>::quiet_NaN();
            bool edge = false;
            for (std::size_t e = 0; e < r.epochs; ++e) {
                const double at = kink(r.th(e, k), H, j);
                if (!(std::abs(at) <= 5)) {
                    prev = std::numeric_limits<double>::quiet_NaN();
                    continue;
                }
                visited.insert(std::min(19, int((at + 5) / 0.5)));
                edge = edge || std::abs(at) >= 4;
                if (!std::isnan(prev)) x.path += std::abs(at - prev);
                prev = at;
            }
            x.bins += double(visited.size());
            x.edge_units += edge;
            const double end = kink(r.th(r.epochs - 1, k), H, j);
            x.edge_at_end += std::abs(end) >= 4 && std::abs(end) <= 5;
        }
    }
    if (units) x.path /= units, x.bins /= units, x.edge_units /= units, x.edge_at_end /= units;
    return x;
}

// One epoch of a zoomed-in bee: its loss; the unit whose gradient is the largest, that
// gradient's share of the whole |∇L|² and the unit's kink; the top Hessian eigenvalue λ_max
// times η; and the epoch's step θ_{e+1} − θ_e along the top eigenvector (signs aligned from
// epoch to epoch), which changes sign at every epoch where ηλ_max > 2 makes the step overshoot.
struct ZoomEpoch {
    std::size_t epoch;
    double loss, grad_norm;
    std::size_t unit;  // the unit with the largest gradient
    double unit_share, unit_kink, eta_lambda, step_along_top;
    std::size_t top_unit;  // the unit holding most of the top eigenvector
    double top_share;      // its share of |v|² (its w, b and u together)
};
// η·λ_max of bee k of record r at each of `epochs` (parameters recorded, rate lr).
inline std::vector<double> sharpness(const Spec& s, const Target& t, const Record& r, std::size_t k,
                                     const std::vector<std::size_t>& epochs, double lr) {
    const auto grad = [&](const std::vector<double>& th, std::vector<double>& g) {
        bee_gradients(s, t, 1, th, g);
    };
    PowerIteration<decltype(grad)> power(grad, 1, r.per_bee);
    std::vector<double> out;
    out.reserve(epochs.size());
    for (const std::size_t e : epochs)
        out.push_back(lr * power.top({r.th(e, k), r.th(e, k) + r.per_bee}, 200, 1).lambda[0]);
    return out;
}

// Bee k of record r (1-H-1, parameters recorded, trained at rate lr) over `count` epochs from
// `from`; its gradients and Hessians evaluated with spec s on target t.
inline std::vector<ZoomEpoch> zoom_epochs(const Spec& s, const Target& t, const Record& r,
                                          std::size_t k, std::size_t from, std::size_t count,
                                          double lr) {
    const std::size_t P = r.per_bee, H = s.sizes[1];
    const auto grad = [&](const std::vector<double>& th, std::vector<double>& g) {
        bee_gradients(s, t, 1, th, g);
    };
    PowerIteration<decltype(grad)> power(grad, 1, P);
    std::vector<ZoomEpoch> out;
    std::vector<double> g, before;
    for (std::size_t e = from; e < from + count && e + 1 < r.epochs; ++e) {
        const std::vector<double> th(r.th(e, k), r.th(e, k) + P);
        grad(th, g);
        ZoomEpoch z{e, r.l(e, k), 0, 0, 0, 0, 0, 0, 0, 0};
        double total = 0, top = -1;
        for (std::size_t q = 0; q < P; ++q) total += g[q] * g[q];
        for (std::size_t j = 0; j < H; ++j) {  // unit j: w̄_j, b̄_j, ū_j
            const double gj = g[j] * g[j] + g[H + j] * g[H + j] + g[2 * H + j] * g[2 * H + j];
            if (gj > top) top = gj, z.unit = j;
        }
        z.grad_norm = std::sqrt(total);
        z.unit_share = top / total;
        z.unit_kink = kink(th.data(), H, z.unit);
        z.eta_lambda = lr * power.top(th, 300, 1).lambda[0];
        std::vector<double> v = power.vectors();
        double align = 0, step = 0;
        for (std::size_t q = 0; q < P; ++q) align += before.empty() ? 0 : v[q] * before[q];
        if (align < 0)
            for (double& x : v) x = -x;  // the same direction as the epoch before
        for (std::size_t q = 0; q < P; ++q) step += (r.th(e + 1, k)[q] - th[q]) * v[q];
        z.step_along_top = step;
        for (std::size_t j = 0; j < H; ++j) {
            const double vj = v[j] * v[j] + v[H + j] * v[H + j] + v[2 * H + j] * v[2 * H + j];
            if (vj > z.top_share) z.top_share = vj, z.top_unit = j;
        }
        before = v;
        out.push_back(z);
    }
    return out;
}

}  // namespace ch10

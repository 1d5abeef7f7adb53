// valley.hpp: the line fit's loss is a quadratic valley; its two directions and the map of one
// epoch, worked out exactly.
//
// The 20 points lie exactly on y = 1.5x − 28, so a batch's mean gradient is linear in the error
// e = θ − θ*, θ* = (1.5, −28): g = H_B·e, where H_B, the Hessian of the batch's mean loss, is the
// batch's mean of 2·[x², x; x, 1]. Over all points that is the Hessian H of the mean loss L. Its
// eigenvectors are the valley's steep and shallow directions, with curvatures lambda_max and
// lambda_min; one full-batch step multiplies the error along each by 1 − η·h. An epoch of any batch
// size multiplies e by a fixed 2×2 matrix, the product of its steps. The spectral radius of that
// matrix (its largest |eigenvalue|) is the factor by which the error shrinks per epoch in the
// long run, so the largest stable rate is where that radius reaches 1.
// Notation: θ = (a, b), e = θ − θ*, g gradient, η learning rate, λ curvature, H Hessian, B batch.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "core/rng.hpp"
#include "problems/line_fit.hpp"
#include "problems/plane.hpp"

namespace ch01 {

// A 2×2 matrix [aa ab; ba bb] acting on (a, b); the identity by default.
struct Mat2 {
    double aa = 1, ab = 0, ba = 0, bb = 1;
};
inline Mat2 operator*(const Mat2& l, const Mat2& r) {
    return {l.aa * r.aa + l.ab * r.ba, l.aa * r.ab + l.ab * r.bb, l.ba * r.aa + l.bb * r.ba,
            l.ba * r.ab + l.bb * r.bb};
}
inline gd::Point2 operator*(const Mat2& m, gd::Point2 e) {
    return {m.aa * e.x + m.ab * e.y, m.ba * e.x + m.bb * e.y};
}

// H_B for the samples [first, last): the mean of 2·[x², x; x, 1].
inline Mat2 batch_hessian(const gd::Points& p, std::size_t first, std::size_t last) {
    double xx = 0, x = 0;
    for (std::size_t i = first; i < last; ++i) xx += p.x[i] * p.x[i], x += p.x[i];
    const double m = double(last - first);
    return {2 * xx / m, 2 * x / m, 2 * x / m, 2.0};
}
inline Mat2 hessian(const gd::Points& p) {
    return batch_hessian(p, 0, p.size());
}

// The two directions of the valley: H's eigenvalues and unit eigenvectors (a, b).
struct Valley {
    double lambda_max = 0, lambda_min = 0;  // curvature along the steep and the shallow direction
    gd::Point2 steep, shallow;              // steep has a > 0, shallow has b > 0
};
inline Valley valley(const Mat2& H) {
    const double mid = (H.aa + H.bb) / 2, det = H.aa * H.bb - H.ab * H.ba;
    const double half_gap = std::sqrt(mid * mid - det);
    Valley v;
    v.lambda_max = mid + half_gap;
    v.lambda_min = mid - half_gap;
    // (H − lambda_min)·(s, 1) = 0 in its first row: s = −H_ab / (H_aa − lambda_min).
    const double s = -H.ab / (H.aa - v.lambda_min), norm = std::hypot(s, 1.0);
    v.shallow = {s / norm, 1 / norm};
    v.steep = {v.shallow.y, -v.shallow.x};  // perpendicular: H is symmetric
    return v;
}

// The error e split along the two directions: e = steep·(v.steep) + shallow·(v.shallow).
struct Split {
    double steep = 0, shallow = 0;
};
inline Split split(const Valley& v, gd::Point2 e) {
    return {e.x * v.steep.x + e.y * v.steep.y, e.x * v.shallow.x + e.y * v.shallow.y};
}

// One epoch of the textbook update with batches of `batch` consecutive points of p (the last
// may be smaller): e ← (I − η·H_B)·e batch after batch.
inline Mat2 epoch_map(const gd::Points& p, double lr, std::size_t batch) {
    Mat2 m;
    for (std::size_t first = 0; first < p.size(); first += batch) {
        const Mat2 h = batch_hessian(p, first, std::min(first + batch, p.size()));
        m = Mat2{1 - lr * h.aa, -lr * h.ab, -lr * h.ba, 1 - lr * h.bb} * m;  // I − η·H_B
    }
    return m;
}

// One epoch of the post's loop: per point, a's step, then b's step at the new a.
inline Mat2 post_epoch_map(const gd::Points& p, double lr) {
    Mat2 m;
    for (double x : p.x) {
        const Mat2 a_step{1 - 2 * lr * x * x, -2 * lr * x, 0, 1};  // e_a −= η·2x·(x·e_a + e_b)
        const Mat2 b_step{1, 0, -2 * lr * x, 1 - 2 * lr};          // e_b −= η·2·(x·e_a + e_b)
        m = b_step * (a_step * m);
    }
    return m;
}

// The largest |eigenvalue|: the error's factor per epoch once the faster mode has died out.
inline double spectral_radius(const Mat2& m) {
    const double mid = (m.aa + m.bb) / 2, det = m.aa * m.bb - m.ab * m.ba;
    const double d = mid * mid - det;
    if (d < 0) return std::sqrt(det);  // a complex pair: |λ|² = det
    return std::abs(mid) + std::sqrt(d);
}

// The same factor when every epoch takes a fresh random order (the --shuffle runs): the
// geometric mean of the error's growth per epoch over `epochs` seeded orders.
inline double shuffled_factor(const gd::Points& p, double lr, std::size_t batch, std::uint64_t seed,
                              int epochs = 2000) {
    gd::Rng rng(seed);
    gd::Points order = p;
    gd::Point2 e{1, 1};
    double log_growth = 0;
    for (int k = 0; k < epochs; ++k) {
        const auto idx = gd::permutation(p.size(), rng);
        for (std::size_t i = 0; i < p.size(); ++i) order.x[i] = p.x[idx[i]];
        e = epoch_map(order, lr, batch) * e;
        const double size = std::hypot(e.x, e.y);
        log_growth += std::log(size);
        e = {e.x / size, e.y / size};
    }
    return std::exp(log_growth / epochs);
}

// The largest rate whose factor per epoch stays below 1: scanned upwards in steps of `step`,
// then bisected to 1e-5 between the last stable and the first unstable rate.
template <class Factor>
double largest_stable_rate(Factor factor, double step = 0.001, double top = 1.0) {
    double lo = 0, hi = step;
    while (hi < top && factor(hi) < 1) lo = hi, hi += step;
    while (hi - lo > 1e-5) {
        const double mid = (lo + hi) / 2;
        (factor(mid) < 1 ? lo : hi) = mid;
    }
    return lo;
}

}  // namespace ch01

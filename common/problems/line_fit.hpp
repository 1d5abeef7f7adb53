// line_fit.hpp: the book's first problem, fitting y = a·x + b to points by least squares.
//
// Introduced in chapter 01; chapters 02, 07 and 08 and the playground's `linear` surface reuse
// it, so the same loss landscape recurs across the book. Per sample the loss is the squared
// residual, ℓ(a, b) = (a·x + b − y)², with gradient ∂ℓ/∂a = 2x·r and ∂ℓ/∂b = 2r, r = a·x + b − y.
// A batch's loss and gradient are the means over its samples, as torch.nn.MSELoss does.
#pragma once

#include <cstddef>
#include <vector>

#include "core/rng.hpp"

namespace gd {

struct Points {
    std::vector<double> x, y;
    std::size_t size() const { return x.size(); }
};

// The source post's 20 points: numpy.random.seed(7); randint(-10, 10, size=20), y = 1.5x − 28.
inline Points post_points() {
    Points p;
    p.x = {5, -6, -7, 9, -3, 4, -2, 4, 0, -2, -3, -4, -6, 6, -3, 2, -10, 1, -4, 9};
    for (double x : p.x) p.y.push_back(1.5 * x - 28.0);
    return p;
}

// n points on y = a·x + b with x uniform in [lo, hi), drawn by our seeded generator.
inline Points line_points(std::size_t n, double a, double b, double lo, double hi, Rng& rng) {
    Points p;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = rng.uniform(lo, hi);
        p.x.push_back(x);
        p.y.push_back(a * x + b);
    }
    return p;
}

struct Grad2 {
    double a = 0, b = 0;
};

// Squared residual of one sample and its gradient with respect to (a, b).
inline double sample_loss(double a, double b, double x, double y) {
    const double r = a * x + b - y;
    return r * r;
}
inline Grad2 sample_grad(double a, double b, double x, double y) {
    const double r = a * x + b - y;
    return {2.0 * x * r, 2.0 * r};
}

// Mean loss and mean gradient over samples [first, last): a mini-batch, or all of them.
inline double mean_loss(double a, double b, const Points& p, std::size_t first, std::size_t last) {
    double sum = 0;
    for (std::size_t i = first; i < last; ++i) sum += sample_loss(a, b, p.x[i], p.y[i]);
    return sum / static_cast<double>(last - first);
}
inline double mean_loss(double a, double b, const Points& p) {
    return mean_loss(a, b, p, 0, p.size());
}

inline Grad2 mean_grad(double a, double b, const Points& p, std::size_t first, std::size_t last) {
    Grad2 g;
    for (std::size_t i = first; i < last; ++i) {
        const Grad2 gi = sample_grad(a, b, p.x[i], p.y[i]);
        g.a += gi.a;
        g.b += gi.b;
    }
    const double n = static_cast<double>(last - first);
    return {g.a / n, g.b / n};
}

}  // namespace gd

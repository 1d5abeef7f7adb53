// line_search.hpp: the strong Wolfe line search L-BFGS uses, and its cubic interpolation.
//
// Introduced with L-BFGS (lbfgs.hpp, chapter 08). Along a direction d from x, find a step t with
// enough decrease, f(x + td) ≤ f(x) + c1·t·∇f·d (Armijo), and a flat enough slope,
// |∇f(x + td)·d| ≤ c2·|∇f(x)·d| (curvature): first bracket such a t, growing it, then zoom into
// the bracket, each trial placed at the minimum of the cubic through the two ends' values and
// slopes (Nocedal and Wright, "Numerical Optimization", algorithms 3.5 and 3.6). This is
// torch.optim.lbfgs's _strong_wolfe and _cubic_interpolate of PyTorch 1.13, ported from Mark
// Schmidt's minFunc by way of torch7, operation by operation, with its quirks:
//  - at most 25 evaluations, and the bracket's tolerance is always 1e-9: LBFGS does not pass
//    its own tolerance_change down;
//  - after 25 evaluations without a bracket it returns the better of t = 0 and the last t, so a
//    step can end where it began;
//  - Python's min and max keep the first of two equal values, which pymin/pymax reproduce.
// Notation: x the point, d the direction, t the step along it, f the loss, g its gradient,
// gtd = g·d the slope along d.
#pragma once

#include <cmath>
#include <cstddef>
#include <tuple>
#include <utility>
#include <vector>

namespace gd {

// Python's max(a, b) and min(a, b): the first argument unless the second is strictly beyond it.
inline double pymax(double a, double b) {
    return b > a ? b : a;
}
inline double pymin(double a, double b) {
    return b < a ? b : a;
}

// a·b, summed in order in the vectors' own precision.
template <class T>
double dot(const std::vector<T>& a, const std::vector<T>& b) {
    T s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s = s + a[i] * b[i];
    return s;
}

// The minimiser of the cubic through (x1, f1) with slope g1 and (x2, f2) with slope g2, kept
// inside [lo, hi] (the interval between x1 and x2 unless bounds are given); the middle of the
// bounds when the cubic has no minimum.
//     d1 = g1 + g2 − 3(f1 − f2)/(x1 − x2),  d2 = √(d1² − g1g2),
//     x = x2 − (x2 − x1)(g2 + d2 − d1)/(g2 − g1 + 2d2)
inline double cubic_interpolate(double x1, double f1, double g1, double x2, double f2, double g2,
                                const std::pair<double, double>* bounds = nullptr) {
    const double lo = bounds ? bounds->first : (x1 <= x2 ? x1 : x2);
    const double hi = bounds ? bounds->second : (x1 <= x2 ? x2 : x1);
    const double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
    const double d2_square = d1 * d1 - g1 * g2;
    if (d2_square >= 0) {
        const double d2 = std::sqrt(d2_square);
        const double min_pos = x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                                        : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
        return pymin(pymax(min_pos, lo), hi);
    }
    return (lo + hi) / 2.;
}

// What the line search found: the loss and gradient at x + td, t, and the evaluations it made.
template <class T>
struct LineSearchResult {
    double f;
    std::vector<T> g;
    double t;
    long evaluations;
};

// The strong Wolfe search along d from the point where the loss is f, the gradient g and the
// slope gtd < 0, starting with step t. evaluate(t) returns (loss, gradient) at x + td.
template <class T, class Evaluate>
LineSearchResult<T> strong_wolfe(Evaluate&& evaluate, double t, const std::vector<T>& d, double f,
                                 const std::vector<T>& g, double gtd, double c1 = 1e-4,
                                 double c2 = 0.9, double tolerance_change = 1e-9,
                                 long max_ls = 25) {
    double d_norm = 0;  // max |d|
    for (T v : d) d_norm = pymax(d_norm, std::abs(v));
    double f_new;
    std::vector<T> g_new;
    std::tie(f_new, g_new) = evaluate(t);
    long evaluations = 1;
    double gtd_new = dot(g_new, d);

    // Bracket an interval holding a point that satisfies the conditions.
    double t_prev = 0, f_prev = f, gtd_prev = gtd;
    std::vector<T> g_prev = g;
    bool done = false;
    long ls_iter = 0;
    std::vector<double> bracket, bracket_f, bracket_gtd;
    std::vector<std::vector<T>> bracket_g;
    while (ls_iter < max_ls) {
        if (f_new > (f + c1 * t * gtd) || (ls_iter > 1 && f_new >= f_prev)) {  // too high
            bracket = {t_prev, t}, bracket_f = {f_prev, f_new};
            bracket_g = {g_prev, g_new}, bracket_gtd = {gtd_prev, gtd_new};
            break;
        }
        if (std::abs(gtd_new) <= -c2 * gtd) {  // both conditions hold at t
            bracket = {t}, bracket_f = {f_new}, bracket_g = {g_new};
            done = true;
            break;
        }
        if (gtd_new >= 0) {  // the slope turned: a minimum lies between t_prev and t
            bracket = {t_prev, t}, bracket_f = {f_prev, f_new};
            bracket_g = {g_prev, g_new}, bracket_gtd = {gtd_prev, gtd_new};
            break;
        }
        // Extrapolate: the cubic's minimum, between 1.01 and 10 times as far.
        const std::pair<double, double> bounds{t + 0.01 * (t - t_prev), t * 10};
        const double tmp = t;
        t = cubic_interpolate(t_prev, f_prev, gtd_prev, t, f_new, gtd_new, &bounds);
        t_prev = tmp, f_prev = f_new, g_prev = g_new, gtd_prev = gtd_new;
        std::tie(f_new, g_new) = evaluate(t);
        ++evaluations;
        gtd_new = dot(g_new, d);
        ++ls_iter;
    }
    if (ls_iter == max_ls) {  // no bracket within the budget: the better of 0 and t
        bracket = {0, t}, bracket_f = {f, f_new}, bracket_g = {g, g_new};
    }

    // Zoom: shrink the bracket until a point satisfies the conditions.
    bool insuf_progress = false;
    std::size_t low = bracket_f[0] <= bracket_f.back() ? 0 : 1, high = 1 - low;
    while (!done && ls_iter < max_ls) {
        if (std::abs(bracket[1] - bracket[0]) * d_norm < tolerance_change) break;  // too small
        t = cubic_interpolate(bracket[0], bracket_f[0], bracket_gtd[0], bracket[1], bracket_f[1],
                              bracket_gtd[1]);
        // A trial too close to an end (within a tenth of the bracket) makes little progress:
        // the second time in a row, or outside the bracket, move it a tenth inside.
        const double top = pymax(bracket[0], bracket[1]), bottom = pymin(bracket[0], bracket[1]);
        const double eps = 0.1 * (top - bottom);
        if (pymin(top - t, t - bottom) < eps) {
            if (insuf_progress || t >= top || t <= bottom) {
                t = std::abs(t - top) < std::abs(t - bottom) ? top - eps : bottom + eps;
                insuf_progress = false;
            } else {
                insuf_progress = true;
            }
        } else {
            insuf_progress = false;
        }
        std::tie(f_new, g_new) = evaluate(t);
        ++evaluations;
        gtd_new = dot(g_new, d);
        ++ls_iter;
        if (f_new > (f + c1 * t * gtd) || f_new >= bracket_f[low]) {  // t becomes the high end
            bracket[high] = t, bracket_f[high] = f_new;
            bracket_g[high] = g_new, bracket_gtd[high] = gtd_new;
            low = bracket_f[0] <= bracket_f[1] ? 0 : 1, high = 1 - low;
        } else {
            if (std::abs(gtd_new) <= -c2 * gtd) {
                done = true;                                             // the conditions hold at t
            } else if (gtd_new * (bracket[high] - bracket[low]) >= 0) {  // the old high end
                bracket[high] = bracket[low], bracket_f[high] = bracket_f[low];  // becomes low
                bracket_g[high] = bracket_g[low], bracket_gtd[high] = bracket_gtd[low];
            }
            bracket[low] = t, bracket_f[low] = f_new;  // t becomes the low end
            bracket_g[low] = g_new, bracket_gtd[low] = gtd_new;
        }
    }
    return {bracket_f[low], bracket_g[low], bracket[low], evaluations};
}

}  // namespace gd

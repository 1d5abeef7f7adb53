// lr_finder.hpp: the learning-rate range test (Smith 2017, 2018), and the rules that read a rate
// off its curve.
//
// Introduced in chapter 11. Train batch after batch while the rate grows from start_lr to
// end_lr over n batches, exponentially, η_i = start_lr · (end_lr / start_lr)^(i / n), as
// keras-lr-finder and fastai sweep, or linearly, η_i = start_lr + (end_lr − start_lr) · i / n,
// as Smith's first paper did, and record a loss next to the rate of each batch: the batch's
// training loss (what the caller's train_batch returns; keras-lr-finder's choice) or a held-out
// slice's loss after the step (Smith's). Stop early once the loss is not finite or exceeds
// diverge_factor × the best loss so far (that last batch is not kept: its loss is the blow-up,
// not a reading of the curve). The caller's restore() then puts the model and optimizer back
// as they were, so the test leaves no trace.
// Three smoothings of the raw losses ℓ_i:
//  - keras-lr-finder's (the source article's): the change per batch over k batches,
//    Δ_i = (ℓ_i − ℓ_{i−k}) / k, k = 20;
//  - fastai's: a bias-corrected exponential moving average, s_i = β s_{i−1} + (1 − β) ℓ_i,
//    ŝ_i = s_i / (1 − β^(i+1)), β = 0.98;
//  - a centred moving average over the k + 1 batches i − k/2 … i + k/2 (the whole curve is known
//    once the test is over, so this one does not lag).
// And seven readings (none is always right; chapter 11 measures how they differ):
//  - steepest: where Δ is most negative (keras-lr-finder; the article's pick);
//  - min / 10: a tenth of the rate at the lowest ŝ (fastai's "minimum");
//  - valley: about halfway along the longest decreasing run of ŝ (fastai's default);
//  - steep: where ŝ falls fastest per unit of ln η (fastai's "steep");
//  - slide: fastai's interval slide rule on ŝ, from the right end leftwards;
//  - Smith's bounds for cyclical rates: base_lr where the centred average has fallen by a tenth
//    of its total fall ("where the loss starts to fall"), max_lr at its minimum ("where it
//    stops falling").
// Every rule looks only at points skip_begin … n − skip_end − 1 (10 and 5, keras-lr-finder's
// plotting defaults).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "core/usage_error.hpp"

namespace gd {

enum class SweepShape { exponential, linear };

struct RangeTestConfig {
    double start_lr = 1e-4, end_lr = 1;  // the source article's range
    int num_steps = 0;                   // n, batches in the sweep
    SweepShape shape = SweepShape::exponential;
    double diverge_factor = 4;  // stop when loss > diverge_factor · best
    int smooth = 20;            // k, the window of keras-lr-finder's change and the centred average
    double beta = 0.98;         // fastai's smoothing
    int skip_begin = 10, skip_end = 5;
    int slide_lr_diff = 15;       // fastai's slide: points between the two slopes compared
    double slide_thresh = 0.005;  // … and how close they must be
    double fall_fraction = 0.1;   // Smith's base: this fraction of the total fall reached
};

struct RangeTest {
    std::vector<double> lrs, losses;  // the rate each batch used, and its recorded loss
    std::vector<double> ema;          // fastai's ŝ
    std::vector<double> slope;        // keras-lr-finder's Δ; NaN for i < k
    std::vector<double> centred;      // the centred moving average
    bool stopped_early = false;
    // The suggestions; NaN when the curve is too short for the rule.
    double steepest = NAN, min_over_10 = NAN, valley = NAN, steep = NAN, slide = NAN;
    double smith_base = NAN, smith_max = NAN;
};

inline void check(const RangeTestConfig& c) {
    if (!(c.start_lr > 0 && c.end_lr > c.start_lr && std::isfinite(c.end_lr))) {
        throw UsageError("range test: need 0 < start_lr < end_lr, finite");
    }
    if (c.num_steps < 2) throw UsageError("range test: num_steps must be at least 2");
    if (!(c.diverge_factor > 1)) throw UsageError("range test: diverge_factor must be > 1");
    if (c.smooth < 1) throw UsageError("range test: smooth must be at least 1");
    if (!(c.beta >= 0 && c.beta < 1)) throw UsageError("range test: beta must be in [0, 1)");
}

// η_i, the rate of batch i of the sweep.
inline double sweep_rate(const RangeTestConfig& c, long i) {
    const double n = static_cast<double>(c.num_steps), at = static_cast<double>(i);
    if (c.shape == SweepShape::linear) return c.start_lr + (c.end_lr - c.start_lr) * at / n;
    return c.start_lr * std::pow(std::pow(c.end_lr / c.start_lr, 1.0 / n), at);
}

// fastai's valley: the longest strictly decreasing subsequence of y (by dynamic programming over
// its end points), then a point about halfway along it. Returns an index into y.
// fastai computes the start as end − length, one before the subsequence's first point, which
// is −1 when that point is y[0]; for the shortest runs its index can then be −1, which Python
// reads as the last point. We keep its arithmetic and read 0 there instead.
inline std::size_t valley_index(const std::vector<double>& y) {
    const std::size_t n = y.size();
    std::vector<long> run(n, 1);
    long best_start = 0, best_end = 0;
    for (std::size_t i = 1; i < n; ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (y[i] < y[j] && run[i] < run[j] + 1) run[i] = run[j] + 1;
            if (run[static_cast<std::size_t>(best_end)] < run[i]) {
                best_end = static_cast<long>(i);
                best_start = best_end - run[i];
            }
        }
    }
    const double third = static_cast<double>(best_end - best_start) / 3.0;
    const long at = best_start + static_cast<long>(third) + static_cast<long>(third / 2);
    return static_cast<std::size_t>(std::max(at, 0L));
}

// fastai's steep: the i at which (y_{i+1} − y_i) / (ln η_{i+1} − ln η_i) is most negative.
inline std::size_t steep_index(const std::vector<double>& lrs, const std::vector<double>& y) {
    std::size_t best = 0;
    double best_grad = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i + 1 < y.size(); ++i) {
        const double grad = (y[i + 1] - y[i]) / (std::log(lrs[i + 1]) - std::log(lrs[i]));
        if (grad < best_grad) {
            best_grad = grad;
            best = i;
        }
    }
    return best;
}

// fastai's slide: numpy's gradient of y (central differences, one-sided at the ends), then from
// the right end leftwards compare the slope at r with the slope lr_diff points to its left, l;
// while they differ by more than thresh, move both one point left, remembering l. Returns the
// last l remembered, or y.size() if y has no more than lr_diff points (fastai would fail).
inline std::size_t slide_index(const std::vector<double>& y, int lr_diff, double thresh) {
    const std::size_t n = y.size(), d = static_cast<std::size_t>(lr_diff);
    if (n <= d) return n;
    std::vector<double> g(n, 0.0);
    if (n > 1) {
        g[0] = y[1] - y[0];
        g[n - 1] = y[n - 1] - y[n - 2];
        for (std::size_t i = 1; i + 1 < n; ++i) g[i] = (y[i + 1] - y[i - 1]) / 2;
    }
    std::size_t r = n - 1, l = r - d, found = l;
    while (std::fabs(g[r] - g[l]) > thresh) {
        found = l;
        if (l == 0) break;
        --r;
        --l;
    }
    return found;
}

// Smith's bounds on a curve y (the centred average): the index of its minimum, and the first
// index before it where y has fallen by `fraction` of the way from y[0] to that minimum.
inline std::pair<std::size_t, std::size_t> fall_indices(const std::vector<double>& y,
                                                        double fraction) {
    const std::size_t lowest =
        static_cast<std::size_t>(std::min_element(y.begin(), y.end()) - y.begin());
    const double level = y[0] - fraction * (y[0] - y[lowest]);
    std::size_t start = 0;
    while (start < lowest && y[start] > level) ++start;
    return {start, lowest};
}

// The centred moving average of x over the k + 1 points i − k/2 … i + k/2 that exist.
inline std::vector<double> centred_average(const std::vector<double>& x, int k) {
    const std::size_t n = x.size(), h = static_cast<std::size_t>(k / 2);
    std::vector<double> c(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t lo = i >= h ? i - h : 0, hi = std::min(n - 1, i + h);
        double sum = 0;
        for (std::size_t j = lo; j <= hi; ++j) sum += x[j];
        c[i] = sum / static_cast<double>(hi - lo + 1);
    }
    return c;
}

// Runs the sweep. train_batch(η) trains on the next batch at rate η and returns the loss to
// record: that batch's loss before the update (as Keras's on_batch_end sees it), or a held-out
// slice's after it; restore() undoes all training.
inline RangeTest range_test(const RangeTestConfig& c,
                            const std::function<double(double)>& train_batch,
                            const std::function<void()>& restore) {
    check(c);
    RangeTest r;
    double best = std::numeric_limits<double>::infinity(), avg = 0;
    for (int i = 0; i < c.num_steps; ++i) {
        const double lr = sweep_rate(c, i);
        const double loss = train_batch(lr);
        if (!std::isfinite(loss) || (i > 0 && loss > c.diverge_factor * best)) {
            r.stopped_early = true;
            break;
        }
        best = std::min(best, loss);
        r.lrs.push_back(lr);
        r.losses.push_back(loss);
        avg = c.beta * avg + (1 - c.beta) * loss;
        r.ema.push_back(avg / (1 - std::pow(c.beta, i + 1)));
        const std::size_t k = static_cast<std::size_t>(c.smooth), at = r.losses.size() - 1;
        r.slope.push_back(at >= k ? (loss - r.losses[at - k]) / c.smooth : NAN);
    }
    restore();
    r.centred = centred_average(r.losses, c.smooth);

    // The suggestions, each over the window that skips the noisy start and the blown-up end.
    const std::size_t n = r.lrs.size();
    const std::size_t lo = static_cast<std::size_t>(c.skip_begin);
    if (n <= lo + static_cast<std::size_t>(c.skip_end) + 1) return r;
    const std::size_t hi = n - static_cast<std::size_t>(c.skip_end);
    std::size_t steepest = hi, lowest = lo;
    for (std::size_t i = lo; i < hi; ++i) {
        if (!std::isnan(r.slope[i]) && (steepest == hi || r.slope[i] < r.slope[steepest])) {
            steepest = i;
        }
        if (r.ema[i] < r.ema[lowest]) lowest = i;
    }
    if (steepest < hi) r.steepest = r.lrs[steepest];
    r.min_over_10 = r.lrs[lowest] / 10;
    const auto window = [&](const std::vector<double>& v) {
        return std::vector<double>(v.begin() + static_cast<long>(lo),
                                   v.begin() + static_cast<long>(hi));
    };
    const std::vector<double> ema = window(r.ema), lrs = window(r.lrs);
    r.valley = lrs[valley_index(ema)];
    r.steep = lrs[steep_index(lrs, ema)];
    const std::size_t slid = slide_index(ema, c.slide_lr_diff, c.slide_thresh);
    if (slid < ema.size()) r.slide = lrs[slid];
    const auto [start, end] = fall_indices(window(r.centred), c.fall_fraction);
    r.smith_base = lrs[start];
    r.smith_max = lrs[end];
    return r;
}

// Every rule's suggestion by its name: steepest, min10, valley, steep, slide, smith_base and
// smith_max (the names chapter 11's flags and its CSV use).
inline std::vector<std::pair<std::string, double>> suggestions(const RangeTest& r) {
    return {{"steepest", r.steepest},  {"min10", r.min_over_10}, {"valley", r.valley},
            {"steep", r.steep},        {"slide", r.slide},       {"smith_base", r.smith_base},
            {"smith_max", r.smith_max}};
}

inline double suggestion(const RangeTest& r, const std::string& rule) {
    for (const auto& [name, rate] : suggestions(r)) {
        if (name == rule) return rate;
    }
    throw UsageError("unknown rule '" + rule +
                     "' (steepest, min10, valley, steep, slide, smith_base, smith_max)");
}

}  // namespace gd

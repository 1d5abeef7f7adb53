// lr_finder.hpp: the learning-rate range test (Smith 2018), as keras-lr-finder runs it.
//
// Introduced in chapter 11. Train for one epoch of batches while the rate grows exponentially
// from start_lr to end_lr, η_i = start_lr · (end_lr / start_lr)^(i / n), recording each batch's
// raw training loss next to the rate that batch used. Stop early once the loss is not finite
// or exceeds diverge_factor × the best loss so far (that last batch is not kept: its loss is the
// blow-up, not a reading of the curve). The caller's restore() then puts the model
// and optimizer back as they were, so the test leaves no trace.
// Reading the curve, three ways (none is always right; chapter 11 discusses why):
//  - steepest: where keras-lr-finder's smoothed slope, (ℓ_i − ℓ_{i−k}) / k over k = 20 batches,
//    is most negative;
//  - min / 10: a tenth of the rate at the lowest point of fastai's bias-corrected exponential
//    moving average, s_i = β s_{i−1} + (1 − β) ℓ_i, ŝ_i = s_i / (1 − β^i), β = 0.98;
//  - valley: fastai's rule, about halfway along the longest decreasing run of ŝ.
// Every rule looks only at points skip_begin .. n − skip_end (10 and 5, keras's defaults).
#pragma once

#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <vector>

#include "core/usage_error.hpp"

namespace gd {

struct RangeTestConfig {
    double start_lr = 1e-4, end_lr = 10;
    int num_steps = 0;          // batches in the sweep: one epoch's worth
    double diverge_factor = 4;  // stop when loss > diverge_factor · best
    int smooth = 20;            // k, the window of keras-lr-finder's slope
    double beta = 0.98;         // fastai's smoothing
    int skip_begin = 10, skip_end = 5;
};

struct RangeTest {
    std::vector<double> lrs, losses;  // the rate each batch used, and its raw loss
    std::vector<double> ema;          // fastai's bias-corrected exponential moving average
    std::vector<double> slope;  // keras-lr-finder's (ℓ_i − ℓ_{i−k}) / k; NaN for i < k
    bool stopped_early = false;
    double steepest = NAN, min_over_10 = NAN, valley = NAN;  // suggestions (NaN: too short)
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

// fastai's valley: the longest strictly decreasing subsequence of y (by dynamic programming over
// its end points), then a point about halfway along it. Returns an index into y.
inline std::size_t valley_index(const std::vector<double>& y) {
    const std::size_t n = y.size();
    std::vector<std::size_t> run(n, 1);
    std::size_t best_start = 0, best_end = 0;
    for (std::size_t i = 1; i < n; ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (y[i] < y[j] && run[i] < run[j] + 1) run[i] = run[j] + 1;
            if (run[best_end] < run[i]) {
                best_end = i;
                best_start = best_end - run[best_end];
            }
        }
    }
    const double third = static_cast<double>(best_end - best_start) / 3.0;
    return best_start + static_cast<std::size_t>(third) + static_cast<std::size_t>(third / 2);
}

// Runs the sweep. train_batch(η) trains on the next batch at rate η and returns that batch's
// loss (before the update, as Keras's on_batch_end sees it); restore() undoes all training.
inline RangeTest range_test(const RangeTestConfig& c,
                            const std::function<double(double)>& train_batch,
                            const std::function<void()>& restore) {
    check(c);
    RangeTest r;
    const double growth = std::pow(c.end_lr / c.start_lr, 1.0 / c.num_steps);
    double best = std::numeric_limits<double>::infinity(), avg = 0;
    for (int i = 0; i < c.num_steps; ++i) {
        const double lr = c.start_lr * std::pow(growth, i);
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

    // The suggestions, each over the window that skips the noisy start and the blown-up end.
    const std::size_t n = r.lrs.size();
    const std::size_t lo = static_cast<std::size_t>(c.skip_begin);
    if (n <= lo + static_cast<std::size_t>(c.skip_end) + 1) return r;
    const std::size_t hi = n - static_cast<std::size_t>(c.skip_end);
    std::size_t steep = hi, lowest = lo;
    for (std::size_t i = lo; i < hi; ++i) {
        if (!std::isnan(r.slope[i]) && (steep == hi || r.slope[i] < r.slope[steep])) steep = i;
        if (r.ema[i] < r.ema[lowest]) lowest = i;
    }
    if (steep < hi) r.steepest = r.lrs[steep];
    r.min_over_10 = r.lrs[lowest] / 10;
    const std::vector<double> window(r.ema.begin() + static_cast<long>(lo),
                                     r.ema.begin() + static_cast<long>(hi));
    r.valley = r.lrs[lo + valley_index(window)];
    return r;
}

}  // namespace gd

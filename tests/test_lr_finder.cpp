// The range test on a synthetic loss curve whose best rates are known in advance.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <vector>

#include "train/lr_finder.hpp"

BOOST_AUTO_TEST_SUITE(test_lr_finder)

namespace tt = boost::test_tools;

namespace {

// A loss that falls fastest (in log η) at η = 1e-2, bottoms out near η = 0.3 and explodes after:
// ℓ(η) = 2 − tanh(log10 η + 2) + (η / 0.5)⁴.
double synthetic(double lr) {
    return 2 - std::tanh(std::log10(lr) + 2) + std::pow(lr / 0.5, 4);
}

}  // namespace

BOOST_AUTO_TEST_CASE(rates_grow_geometrically_and_the_state_is_restored) {
    gd::RangeTestConfig c;
    c.end_lr = 10;
    c.num_steps = 100;
    int restored = 0, batches = 0;
    const auto r = gd::range_test(
        c,
        [&](double lr) {
            ++batches;
            return synthetic(lr);
        },
        [&] { ++restored; });
    BOOST_TEST(restored == 1);
    BOOST_TEST(r.lrs.front() == 1e-4);
    const double growth = std::pow(1e5, 1.0 / 100);
    for (std::size_t i = 1; i < r.lrs.size(); ++i) {
        BOOST_TEST(r.lrs[i] / r.lrs[i - 1] == growth, tt::tolerance(1e-12));
    }
    // The loss passes 4 × its best (about 4 × 0.9) near η ≈ 0.95: the sweep stops there.
    BOOST_TEST(r.stopped_early);
    BOOST_TEST(batches == static_cast<int>(r.lrs.size()) + 1);  // the blow-up batch is dropped
    BOOST_TEST(r.losses.back() <= 4 * 0.9 + 0.3);
    BOOST_TEST(r.lrs.back() < 1.0);
}

BOOST_AUTO_TEST_CASE(suggestions_land_where_the_curve_says) {
    gd::RangeTestConfig c;
    c.end_lr = 10;
    c.num_steps = 400;
    const auto r = gd::range_test(c, synthetic, [] {});
    // Steepest slope per batch is steepest per log η too (batches are evenly spaced in log η):
    // at 1e-2, shifted by the smoothing window's half-width of 10 batches (10 × 0.0125 decades).
    BOOST_TEST(std::log10(r.steepest) == -2 + 10 * 5.0 / 400, tt::tolerance(0.05));
    // The minimum of 2 − tanh(u + 2) + (10^u/0.5)^4 lies at u ≈ −0.69, η ≈ 0.20 (where
    // sech²(u + 2) = 4 ln 10 · (2 · 10^u)^4); the EMA lags it, to about 0.3.
    BOOST_TEST(r.min_over_10 > 0.02);
    BOOST_TEST(r.min_over_10 < 0.05);
    // The longest decreasing run spans nearly the whole window; its "halfway" point is early.
    BOOST_TEST(r.valley > 1e-3);
    BOOST_TEST(r.valley < r.min_over_10 * 10);
    // steep reads the lagging average ŝ where it falls fastest: past 1e-2, by the lag.
    BOOST_TEST(r.steep > 1e-2);
    BOOST_TEST(r.steep < 0.1);
    // The centred average does not lag: Smith's max_lr is the curve's own minimum, 10^−0.69
    // (to within two steps of the sweep, 5/400 decades each), and the fall starts where tanh
    // starts to bend, a decade and more before the steepest point.
    BOOST_TEST(std::abs(std::log10(r.smith_max) + 0.69) < 0.025);
    BOOST_TEST(r.smith_base < 3e-3);
    BOOST_TEST(r.smith_base > 2e-4);
    BOOST_TEST(!std::isnan(r.slide));
}

BOOST_AUTO_TEST_CASE(a_linear_sweep_grows_by_a_constant_step) {
    gd::RangeTestConfig c;
    c.shape = gd::SweepShape::linear;
    c.start_lr = 0.01;
    c.end_lr = 0.5;
    c.num_steps = 50;
    const auto r = gd::range_test(
        c, [](double) { return 1.0; }, [] {});
    BOOST_TEST(r.lrs.size() == 50u);
    for (std::size_t i = 0; i < r.lrs.size(); ++i) {
        BOOST_TEST(r.lrs[i] == 0.01 + 0.49 * double(i) / 50, tt::tolerance(1e-14));
        BOOST_TEST(r.lrs[i] == gd::sweep_rate(c, long(i)));
    }
}

// fastai's steep: the most negative (y_{i+1} − y_i) / (ln η_{i+1} − ln η_i), at its left end.
BOOST_AUTO_TEST_CASE(steep_is_the_fastest_fall_per_unit_of_log_rate) {
    const std::vector<double> lrs{1, 2, 4, 8, 16, 32};
    const std::vector<double> y{5, 4.9, 4.5, 3.0, 2.9, 2.95};  // the big drop: from 4 to 8
    BOOST_TEST(gd::steep_index(lrs, y) == 2u);
    // On a linear sweep the log steps shrink, and a smaller drop late can be steeper per log.
    const std::vector<double> lin{1, 2, 3, 4, 5, 6};
    const std::vector<double> z{5, 4.0, 3.9, 3.8, 3.0, 2.9};  // ln 2 − ln 1 > ln 5 − ln 4
    BOOST_TEST(gd::steep_index(lin, z) == 3u);  // 0.8 / ln(5/4) = 3.6 > 1 / ln 2 = 1.4
}

// fastai's slide walks from the right end left until the slope at r and lr_diff points to its
// left agree: here a flat stretch (i < 30) and then a parabola, −0.01 (i − 29)², whose slope
// changes by 0.3 over 15 points. The walk passes the bend; the slopes first agree at r = 29
// (slope −0.005 against the flat 0), so the last l it remembered is 30 − 15 = 15.
BOOST_AUTO_TEST_CASE(slide_walks_left_until_the_slopes_agree) {
    std::vector<double> y;
    for (int i = 0; i < 60; ++i) y.push_back(i < 30 ? 0.0 : -0.01 * (i - 29) * (i - 29));
    BOOST_TEST(gd::slide_index(y, 15, 0.006) == 15u);
    // On a straight line the slopes agree at once: the first l, 15 points left of the end.
    std::vector<double> line;
    for (int i = 0; i < 40; ++i) line.push_back(2.0 - 0.01 * i);
    BOOST_TEST(gd::slide_index(line, 15, 0.006) == 24u);
    BOOST_TEST(gd::slide_index(std::vector<double>(15, 1.0), 15, 0.006) == 15u);  // too short
}

// Smith's bounds: the minimum of the curve, and where it has fallen a fraction of the way there
// (0.12 here, so no point sits exactly on the level).
BOOST_AUTO_TEST_CASE(smiths_bounds_are_where_the_fall_starts_and_ends) {
    std::vector<double> y(10, 2.3);                             // flat: no learning yet
    for (int i = 1; i <= 20; ++i) y.push_back(2.3 - 0.09 * i);  // falls to 0.5 at i = 29
    for (int i = 1; i <= 5; ++i) y.push_back(0.5 + 0.3 * i);    // and blows up
    const auto [start, end] = gd::fall_indices(y, 0.12);
    BOOST_TEST(end == 29u);
    BOOST_TEST(start == 12u);  // 2.3 − 0.12 · 1.8 = 2.084: y[11] = 2.12 is above, y[12] = 2.03
    BOOST_TEST(gd::fall_indices(y, 0.0).first == 0u);  // no fall needed: the first point
    // The centred average of a straight line is the line (away from the ends), and at the ends
    // the mean of what exists.
    const auto c = gd::centred_average({1, 2, 3, 4, 5, 6, 7}, 4);
    BOOST_TEST(c[3] == 4.0);
    BOOST_TEST(c[0] == 2.0);  // (1 + 2 + 3) / 3
    BOOST_TEST(c[6] == 6.0);
}

// The longest decreasing run may start at y[0]; fastai's start is then −1, and for the shortest
// such runs its index too, which Python reads as the last point; we read the first.
BOOST_AUTO_TEST_CASE(valley_at_the_start_of_the_curve) {
    BOOST_TEST(gd::valley_index({2, 1}) == 0u);
    BOOST_TEST(gd::valley_index({3, 2, 1}) == 0u);  // −1 + int(3/3) + int(1/2)
}

BOOST_AUTO_TEST_CASE(valley_is_halfway_along_the_longest_decreasing_run) {
    // Decreasing from index 2 to 8 (seven points, run length 7), with bumps before and after.
    const std::vector<double> y{5, 6, 9, 8, 7, 6, 5, 4, 3, 10, 11};
    // fastai: start = end − run = 8 − 7 = 1, sections = 7/3, index = 1 + 2 + 1 = 4.
    BOOST_TEST(gd::valley_index(y) == 4u);
}

BOOST_AUTO_TEST_CASE(nan_stops_and_bad_settings_are_usage_errors) {
    gd::RangeTestConfig c;
    c.num_steps = 50;
    int i = 0;
    const auto r = gd::range_test(
        c, [&](double) { return ++i < 20 ? 1.0 : NAN; }, [] {});
    BOOST_TEST(r.lrs.size() == 19u);
    BOOST_TEST(r.stopped_early);
    c.start_lr = 0;
    BOOST_CHECK_THROW(gd::range_test(c, synthetic, [] {}), gd::UsageError);
    c.start_lr = 1;
    c.end_lr = 0.5;
    BOOST_CHECK_THROW(gd::range_test(c, synthetic, [] {}), gd::UsageError);
    BOOST_CHECK_THROW(gd::suggestion(gd::RangeTest{}, "nosuch"), gd::UsageError);
}

BOOST_AUTO_TEST_SUITE_END()  // test_lr_finder

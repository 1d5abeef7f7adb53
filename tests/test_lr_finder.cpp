// The range test on a synthetic loss curve whose best rates are known in advance.
#define BOOST_TEST_MODULE lr_finder
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "train/lr_finder.hpp"

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
    c.num_steps = 400;
    const auto r = gd::range_test(c, synthetic, [] {});
    // Steepest slope per batch is steepest per log η too (batches are evenly spaced in log η):
    // at 1e-2, shifted by the smoothing window's half-width of 10 batches (10 × 0.0125 decades).
    BOOST_TEST(std::log10(r.steepest) == -2 + 10 * 5.0 / 400, tt::tolerance(0.05));
    // The minimum of 2 − tanh(u) + (10^u/0.5)^4 lies at η ≈ 0.33; the EMA lags it a little.
    BOOST_TEST(r.min_over_10 > 0.02);
    BOOST_TEST(r.min_over_10 < 0.05);
    // The longest decreasing run spans nearly the whole window; its "halfway" point is early.
    BOOST_TEST(r.valley > 1e-3);
    BOOST_TEST(r.valley < r.min_over_10 * 10);
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
}

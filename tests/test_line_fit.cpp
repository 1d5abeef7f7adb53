// Chapter 01: the line-fit gradient against finite differences, and the chapter's numbers.
#define BOOST_TEST_MODULE line_fit
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "01_vanilla_sgd/line_sgd.hpp"
#include "problems/line_fit.hpp"

namespace tt = boost::test_tools;

BOOST_AUTO_TEST_CASE(gradient_matches_central_differences) {
    // Central differences have O(h²) truncation error; the loss is quadratic, so that error is
    // zero and what is left is rounding, about ε·|loss|/h ≈ 1e-16 · 1e3 / 1e-5 = 1e-8.
    const gd::Points pts = gd::post_points();
    const double h = 1e-5;
    for (double a : {-1.0, 0.0, 0.7, 3.0}) {
        for (double b : {-40.0, -28.0, 0.0, 5.0}) {
            const gd::Grad2 g = gd::mean_grad(a, b, pts, 0, pts.size());
            const double da =
                (gd::mean_loss(a + h, b, pts) - gd::mean_loss(a - h, b, pts)) / (2 * h);
            const double db =
                (gd::mean_loss(a, b + h, pts) - gd::mean_loss(a, b - h, pts)) / (2 * h);
            BOOST_TEST(g.a == da, tt::tolerance(1e-6));
            BOOST_TEST(g.b == db, tt::tolerance(1e-6));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_data_is_the_posts) {
    const gd::Points pts = gd::post_points();
    BOOST_TEST(pts.size() == 20u);
    BOOST_TEST(gd::mean_loss(1.5, -28.0, pts) == 0.0);  // exact: the points lie on the line
}

// Reference values from the post's loop and the simultaneous loop, run in plain Python floats
// (IEEE doubles, no fused multiply-add). Our build has no FMA contraction either, so we demand
// agreement to a few ulps.
BOOST_AUTO_TEST_CASE(posts_loop_lands_on_its_printed_numbers) {
    const ch01::Line t = ch01::sgd_post(gd::post_points(), {0, 0}, 0.001, 150);
    BOOST_TEST(t.a == 1.5011025540796201, tt::tolerance(1e-14));
    BOOST_TEST(t.b == -27.912917535372575, tt::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(simultaneous_update_lands_closer_to_the_truth) {
    const gd::Point2 t = ch01::sgd(gd::post_points(), 0.001, 150, 1).end();
    BOOST_TEST(t.x == 1.500781695568941, tt::tolerance(1e-14));
    BOOST_TEST(t.y == -27.93843609283269, tt::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(the_posts_loop_is_not_the_simultaneous_update) {
    // Same data, rate and epochs; only the point b's gradient is taken at differs. The two land
    // 0.025 apart in b (the post's factor 1 − 2ηx², README), far more than rounding.
    const gd::Points pts = gd::post_points();
    const ch01::Line post = ch01::sgd_post(pts, {0, 0}, 0.001, 150);
    const gd::Point2 simul = ch01::sgd(pts, 0.001, 150, 1).end();
    BOOST_TEST(std::abs(post.b - simul.y) > 0.02);
    BOOST_TEST(std::abs(simul.y + 28) < std::abs(post.b + 28));  // and the textbook is closer
}

BOOST_AUTO_TEST_CASE(batch_one_in_order_is_the_textbook_update) {
    // The textbook step written out on the two scalars: both partial derivatives of one sample
    // at the old point, then θ ← θ − η·g. train_line with gd::Sgd and batch 1 must do exactly
    // this: the same operations in the same order, so bit-equal.
    const gd::Points pts = gd::post_points();
    const gd::LineRun run = ch01::sgd(pts, 0.001, 150, 1);
    double a = 0, b = 0;
    for (int e = 0; e < 150; ++e) {
        for (std::size_t i = 0; i < pts.size(); ++i) {
            const gd::Grad2 g = gd::sample_grad(a, b, pts.x[i], pts.y[i]);
            a -= 0.001 * g.a;
            b -= 0.001 * g.b;
        }
    }
    BOOST_TEST(run.epoch_path.back().x == a);
    BOOST_TEST(run.epoch_path.back().y == b);
    BOOST_TEST(run.path.size() == 150u * 20u + 1u);
    BOOST_TEST(run.epoch_loss.size() == 151u);
    BOOST_TEST(run.batch == 1u);
}

BOOST_AUTO_TEST_CASE(full_batch_is_gradient_descent_on_the_mean_loss) {
    const gd::Points pts = gd::post_points();
    const gd::LineRun run = ch01::sgd(pts, 0.01, 30, pts.size());
    double a = 0, b = 0;
    for (int k = 0; k < 30; ++k) {
        const gd::Grad2 g = gd::mean_grad(a, b, pts, 0, pts.size());
        a -= 0.01 * g.a;
        b -= 0.01 * g.b;
    }
    BOOST_TEST(run.path.size() == 31u);
    BOOST_TEST(run.epoch_path.back().x == a);
    BOOST_TEST(run.epoch_path.back().y == b);
    // Gradient descent on a convex quadratic with a small enough rate never increases the loss.
    for (std::size_t e = 1; e < run.epoch_loss.size(); ++e)
        BOOST_TEST(run.epoch_loss[e] <= run.epoch_loss[e - 1]);
}

BOOST_AUTO_TEST_CASE(too_large_a_rate_diverges_and_is_reported) {
    // Per sample the curvature along a is 2x², up to 200 at x = -10: any rate above 2/200 = 0.01
    // makes that sample's step overshoot by more than it corrects. At 0.5 the error grows by a
    // factor of about 99 per such sample, so the loss overflows to inf within 150 epochs.
    const gd::LineRun run = ch01::sgd(gd::post_points(), 0.5, 150, 1);
    BOOST_TEST(run.diverged_epoch > 0);
    for (const auto& p : run.path) BOOST_TEST((std::isfinite(p.x) && std::isfinite(p.y)));
    for (double l : run.epoch_loss) BOOST_TEST(std::isfinite(l));
}

BOOST_AUTO_TEST_CASE(shuffled_runs_depend_only_on_the_seed) {
    const gd::Points pts = gd::post_points();
    gd::Rng r1(11), r2(11), r3(12);
    const auto a = ch01::sgd(pts, 0.001, 20, 4, &r1);
    const auto b = ch01::sgd(pts, 0.001, 20, 4, &r2);
    const auto c = ch01::sgd(pts, 0.001, 20, 4, &r3);
    BOOST_TEST(a.epoch_path.back().y == b.epoch_path.back().y);
    BOOST_TEST(a.epoch_path.back().y != c.epoch_path.back().y);
}

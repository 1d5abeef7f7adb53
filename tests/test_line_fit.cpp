// Chapter 01: the line-fit gradient against finite differences, the valley's algebra against the
// runs, and every number the chapter prints and its text quotes.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "01_vanilla_sgd/line_sgd.hpp"
#include "01_vanilla_sgd/valley.hpp"
#include "problems/line_fit.hpp"

BOOST_AUTO_TEST_SUITE(test_line_fit)

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

// ---- The valley: the Hessian's two directions, and what each batch size does along them -------

namespace {

const gd::Point2 kTruth{1.5, -28};

// The run's error split along the valley's two directions at epoch e.
ch01::Split split_at(const ch01::Valley& v, const gd::LineRun& r, std::size_t e) {
    return ch01::split(v, {r.epoch_path[e].x - kTruth.x, r.epoch_path[e].y - kTruth.y});
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_valleys_directions_are_the_hessians_eigenvectors) {
    // The printed valley: H = [54.8 −1; −1 2], lambda_max = 54.819, lambda_min = 1.981 along
    // (0.99982, −0.01893) and (0.01893, 0.99982); the start error −2.030 steep + 27.967 shallow.
    const ch01::Mat2 H = ch01::hessian(gd::post_points());
    BOOST_TEST(H.aa == 54.8, tt::tolerance(1e-12));
    BOOST_TEST(H.ab == -1.0, tt::tolerance(1e-12));
    const ch01::Valley v = ch01::valley(H);
    for (const auto& [h, d] : {std::pair{v.lambda_max, v.steep}, std::pair{v.lambda_min, v.shallow}}) {
        const gd::Point2 Hd = H * d;  // H·d = h·d, to rounding
        BOOST_TEST(std::abs(Hd.x - h * d.x) < 1e-12);
        BOOST_TEST(std::abs(Hd.y - h * d.y) < 1e-12);
        BOOST_TEST(std::hypot(d.x, d.y) == 1.0, tt::tolerance(1e-14));
    }
    BOOST_TEST(std::abs(v.lambda_max - 54.819) < 5e-4);
    BOOST_TEST(std::abs(v.lambda_min - 1.981) < 5e-4);
    BOOST_TEST(std::abs(v.lambda_max / v.lambda_min - 27.67) < 5e-3);
    BOOST_TEST(std::abs(2 / v.lambda_max - 0.03648) < 5e-6);
    BOOST_TEST(std::abs(v.shallow.x - 0.01893) < 5e-6);
    const ch01::Split s = ch01::split(v, {-1.5, 28});
    BOOST_TEST(std::abs(s.steep + 2.030) < 5e-4);
    BOOST_TEST(std::abs(s.shallow - 27.967) < 5e-4);
}

BOOST_AUTO_TEST_CASE(an_epochs_matrix_is_what_the_loops_do) {
    // The points lie exactly on the line, so one epoch of either loop maps the error linearly:
    // e ← M·e. The matrices must reproduce one epoch of the real loops, to rounding.
    const gd::Points pts = gd::post_points();
    const double lr = 0.003;
    const gd::Point2 e0{0 - kTruth.x, 0 - kTruth.y};
    for (std::size_t batch : {1u, 3u, 4u, 20u}) {
        const gd::Point2 t = ch01::sgd(pts, lr, 1, batch).end();
        const gd::Point2 e = ch01::epoch_map(pts, lr, batch) * e0;
        BOOST_TEST_INFO("batch " << batch);
        BOOST_TEST(std::abs(t.x - kTruth.x - e.x) < 1e-12);
        BOOST_TEST(std::abs(t.y - kTruth.y - e.y) < 1e-12);
    }
    const ch01::Line p = ch01::sgd_post(pts, {0, 0}, lr, 1);
    const gd::Point2 e = ch01::post_epoch_map(pts, lr) * e0;
    BOOST_TEST(std::abs(p.a - kTruth.x - e.x) < 1e-12);
    BOOST_TEST(std::abs(p.b - kTruth.y - e.y) < 1e-12);
}

BOOST_AUTO_TEST_CASE(the_two_loops_over_rates_as_printed) {
    const gd::Points pts = gd::post_points();
    const auto post = [&](double lr) {
        return ch01::spectral_radius(ch01::post_epoch_map(pts, lr));
    };
    const auto simul = [&](double lr) {
        return ch01::spectral_radius(ch01::epoch_map(pts, lr, 1));
    };
    // The printed factors (5 decimals) and the e-folds ratio at the post's rate.
    BOOST_TEST(std::abs(post(0.001) - 0.96225) < 5e-6);
    BOOST_TEST(std::abs(simul(0.001) - 0.96003) < 5e-6);
    BOOST_TEST(std::abs(std::log(post(0.001)) / std::log(simul(0.001)) - 0.943) < 5e-4);
    BOOST_TEST(std::abs(std::log(post(0.002)) / std::log(simul(0.002)) - 0.884) < 5e-4);
    BOOST_TEST(std::abs(post(0.007) - 0.83614) < 5e-6);  // about the post's fastest
    BOOST_TEST(post(0.007) < post(0.005));
    BOOST_TEST(post(0.007) < post(0.01));
    BOOST_TEST(std::abs(post(0.015) - 1.08622) < 5e-6);
    BOOST_TEST(std::abs(simul(0.015) - 0.50551) < 5e-6);
    BOOST_TEST(std::abs(ch01::largest_stable_rate(post) - 0.0135) < 5e-5);
    BOOST_TEST(std::abs(ch01::largest_stable_rate(simul) - 0.0379) < 5e-5);
    // The real loops agree: at 0.015 the post's loop blows up, the textbook one converges.
    const ch01::Line p = ch01::sgd_post(pts, {0, 0}, 0.015, 150);
    BOOST_TEST(std::abs(p.b) > 1e6);
    BOOST_TEST(std::abs(ch01::sgd(pts, 0.015, 150, 1).end().y - kTruth.y) < 1e-9);
}

BOOST_AUTO_TEST_CASE(both_loops_share_the_fixed_point) {
    // Exercise 4: at (1.5, −28) every residual is 0, so given enough epochs both loops end
    // there (the printed a=1.500, b=-28.000 with --epochs 2000).
    const gd::Points pts = gd::post_points();
    const ch01::Line p = ch01::sgd_post(pts, {0, 0}, 0.001, 2000);
    const gd::Point2 t = ch01::sgd(pts, 0.001, 2000, 1).end();
    BOOST_TEST(std::abs(p.a - 1.5) < 1e-9);
    BOOST_TEST(std::abs(p.b + 28) < 1e-9);
    BOOST_TEST(std::abs(t.x - 1.5) < 1e-9);
    BOOST_TEST(std::abs(t.y + 28) < 1e-9);
}

BOOST_AUTO_TEST_CASE(each_batch_size_along_the_two_directions) {
    // The printed split after 150 epochs at lr 0.001: a is off, in mini-batch and full batch,
    // by the shallow direction's share 0.0189 × its error, not by anything of its own.
    const gd::Points pts = gd::post_points();
    const ch01::Valley v = ch01::valley(ch01::hessian(pts));
    const std::size_t sizes[] = {1, 4, 20};
    const double steep5[] = {-0.148, -0.479, -1.53};       // %.3g
    const double shallow_end[] = {0.06157, 6.308, 20.77};  // %.4g
    const double a_err[] = {0.0007817, 0.122, 0.3927};     // %.4g
    const double predicted[] = {0.07294, 6.32, 20.77};     // %.4g
    for (std::size_t k = 0; k < 3; ++k) {
        BOOST_TEST_CONTEXT("batch " << sizes[k]) {
            const gd::LineRun r = ch01::sgd(pts, 0.001, 150, sizes[k]);
            const ch01::Split s5 = split_at(v, r, 5), s = split_at(v, r, 150);
            BOOST_TEST(s5.steep == steep5[k], tt::tolerance(5e-3));
            BOOST_TEST(s.shallow == shallow_end[k], tt::tolerance(1e-3));
            BOOST_TEST(r.end().x - 1.5 == a_err[k], tt::tolerance(1e-3));
            BOOST_TEST(27.967 * std::pow(1 - 0.001 * v.lambda_min, double(r.updates())) == predicted[k],
                       tt::tolerance(1e-3));
            if (k > 0) {  // the shallow share explains a's error to 3 %
                BOOST_TEST(s.shallow * v.shallow.x == r.end().x - 1.5, tt::tolerance(0.03));
            }
        }
    }
    // Per sample the steep remainder rides with the shallow part at −0.0062 of it.
    const gd::LineRun per_sample = ch01::sgd(pts, 0.001, 150, 1);
    const ch01::Split s = split_at(v, per_sample, 150);
    BOOST_TEST(std::abs(s.steep / s.shallow + 0.0062) < 5e-5);
}

BOOST_AUTO_TEST_CASE(the_rate_times_the_batch_is_the_same_progress) {
    // The control: lr·B for each batch size moves η·n per epoch. The printed b values, and at
    // --lr 0.002 full batch's 0.04 is above 2/lambda_max = 0.0365: that run grows without bound.
    const gd::Points pts = gd::post_points();
    BOOST_TEST(ch01::sgd(pts, 0.004, 150, 4).end().y == -27.93058, tt::tolerance(2e-7));
    const gd::LineRun full = ch01::sgd(pts, 0.02, 150, 20);
    BOOST_TEST(full.end().y == -27.93500, tt::tolerance(2e-7));
    BOOST_TEST(full.end().x == 1.50123, tt::tolerance(4e-6));
    // Exercise 1's prediction: 27.967·(1 − 0.02·lambda_min)^150 ≈ 0.065.
    const double lambda_min = ch01::valley(ch01::hessian(pts)).lambda_min;
    BOOST_TEST(std::abs(27.967 * std::pow(1 - 0.02 * lambda_min, 150) - 0.065) < 5e-4);
    BOOST_TEST(std::abs(ch01::sgd(pts, 0.04, 150, 20).end().y) > 1e6);
    BOOST_TEST(std::abs(ch01::sgd(pts, 0.008, 150, 4).end().y + 28) < 1e-3);
}

BOOST_AUTO_TEST_CASE(stability_limits_as_printed) {
    // In order, from the epoch matrices; shuffled, over seed 7's orders. Then the real runs at
    // rates on either side of the in-order limits (0.0379, 0.0487, 0.0365).
    const gd::Points pts = gd::post_points();
    const std::size_t sizes[] = {1, 4, 20};
    const double in_order[] = {0.0379, 0.0487, 0.0365}, shuffled[] = {0.0348, 0.0435, 0.0365};
    for (std::size_t k = 0; k < 3; ++k) {
        const auto m = [&](double lr) {
            return ch01::spectral_radius(ch01::epoch_map(pts, lr, sizes[k]));
        };
        const auto s = [&](double lr) { return ch01::shuffled_factor(pts, lr, sizes[k], 7); };
        BOOST_TEST(std::abs(ch01::largest_stable_rate(m) - in_order[k]) < 5e-5);
        BOOST_TEST(std::abs(ch01::largest_stable_rate(s) - shuffled[k]) < 5e-5);
    }
    const auto error = [&](double lr, std::size_t batch) {  // |θ − θ*| after 150 epochs
        const gd::Point2 t = ch01::sgd(pts, lr, 150, batch).end();
        return std::hypot(t.x - 1.5, t.y + 28);
    };
    BOOST_TEST(error(0.037, 1) < 1e-9);  // per sample, in order, still converges...
    BOOST_TEST(error(0.039, 1) > 1e6);   // ...and not above its limit
    BOOST_TEST(error(0.037, 20) > 100);  // full batch is past 2/lambda_max: 1.028 per epoch
    BOOST_TEST(error(0.045, 4) < 1e-9);  // batches of 4 are the most stable
    BOOST_TEST(error(0.05, 4) > 1e6);
    // With a fresh order every epoch, per sample blows up at 0.035 already.
    gd::Rng r(7);
    BOOST_TEST(std::abs(ch01::sgd(pts, 0.036, 150, 1, &r).end().y) > 1e3);
}

BOOST_AUTO_TEST_CASE(shuffled_orders_barely_move_the_result) {
    // --shuffle with the default seed 7 (the chapter draws the per-sample run's orders first,
    // then the mini-batch run's from the same generator), and exercise 3's seeds 1 to 5.
    const gd::Points pts = gd::post_points();
    {
        gd::Rng r(7);
        BOOST_TEST(ch01::sgd(pts, 0.001, 150, 1, &r).end().y == -27.93569, tt::tolerance(2e-7));
        BOOST_TEST(ch01::sgd(pts, 0.001, 150, 4, &r).end().y == -21.73699, tt::tolerance(3e-7));
    }
    double lo1 = 0, hi1 = -100, lo4 = 0, hi4 = -100;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        gd::Rng r(seed);
        const double b1 = ch01::sgd(pts, 0.001, 150, 1, &r).end().y;
        const double b4 = ch01::sgd(pts, 0.001, 150, 4, &r).end().y;
        lo1 = std::min(lo1, b1), hi1 = std::max(hi1, b1);
        lo4 = std::min(lo4, b4), hi4 = std::max(hi4, b4);
    }
    BOOST_TEST(std::abs(lo1 + 27.9362) < 5e-5);
    BOOST_TEST(std::abs(hi1 + 27.9356) < 5e-5);
    BOOST_TEST(std::abs(lo4 + 21.7370) < 5e-5);
    BOOST_TEST(std::abs(hi4 + 21.7308) < 5e-5);
}

BOOST_AUTO_TEST_SUITE_END()  // test_line_fit

// Chapter 05's claims about Adam: the written-out rule is the library's (and so torch's), the
// bias correction's first steps, the scale-free step that keeps the post's run restless, AMSGrad
// settling, and weight decay as an L2 term (Adam) against decoupled decay (AdamW).
#define BOOST_TEST_MODULE adam chapter
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <vector>

#include <xtensor/xarray.hpp>

#include "05_adam/adam_scalar.hpp"
#include "optim/adam.hpp"
#include "problems/line_fit.hpp"
#include "problems/surfaces.hpp"

namespace {

using ch05::Hyper;
using ch05::Line;

// The same full-batch run on the line fit by ch05::adam_step and by gd::Adam / gd::AdamW.
void compare_with_library(const Hyper& h, gd::Optimizer<double>& opt, long steps) {
    const gd::LinearFit f;
    const ch05::Run mine = ch05::adam_full_batch(f, {1, 1}, h, steps);
    xt::xarray<double> theta = {1.0, 1.0}, g = {0.0, 0.0};
    for (long k = 1; k <= steps; ++k) {
        const gd::Point2 grad = f.grad(theta(0), theta(1));
        g(0) = grad.x, g(1) = grad.y;
        opt.step({&theta}, {&g});
        // The library divides in another order (η/(1−β1ᵗ) first, √v/√(1−β2ᵗ) second), so the
        // two differ by rounding, a few ulp a step; 1e-9 leaves room for its growth over the run.
        BOOST_TEST(mine.path[k].a == theta(0), boost::test_tools::tolerance(1e-9));
        BOOST_TEST(mine.path[k].b == theta(1), boost::test_tools::tolerance(1e-9));
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(written_out_rule_is_the_library_rule) {
    Hyper h;
    h.lr = 0.1;
    gd::Adam<double> adam(0.1);
    compare_with_library(h, adam, 500);

    h.amsgrad = true;  // both keep the maximum of the raw v, then correct it
    gd::Adam<double> ams(0.1, 0.9, 0.999, 1e-8, 0, true);
    compare_with_library(h, ams, 500);

    h.amsgrad = false, h.decay = 0.05;  // L2 in the gradient
    gd::Adam<double> l2(0.1, 0.9, 0.999, 1e-8, 0.05);
    compare_with_library(h, l2, 500);

    h.decoupled = true;  // θ ← θ(1 − ηλ) first
    gd::AdamW<double> w(0.1, 0.9, 0.999, 1e-8, 0.05);
    compare_with_library(h, w, 500);
}

// Under a constant gradient the corrected step is η (up to ε) at every t, and the uncorrected
// one is η(1 − β1ᵗ)/√(1 − β2ᵗ): 3.162 at t = 1 for (0.9, 0.999), 0.949 for the post's (0.7, 0.9).
BOOST_AUTO_TEST_CASE(first_steps_without_bias_correction) {
    for (const auto& [b1, b2] : {std::pair{0.9, 0.999}, std::pair{0.7, 0.9}}) {
        Hyper with, without;
        with.beta1 = without.beta1 = b1;
        with.beta2 = without.beta2 = b2;
        with.eps = without.eps = 0;  // ε = 0: the ratios are then exact formulas
        without.correct = false;
        ch05::Moments s1, s2;
        double t1 = 0, t2 = 0, peak = 0;
        long peak_t = 0;
        for (long t = 1; t <= 50; ++t) {
            const double g = -2.5;  // any constant: the step does not depend on its size
            const double n1 = ch05::adam_step(t1, g, t, with, s1);
            const double n2 = ch05::adam_step(t2, g, t, without, s2);
            // Relative 1e-12: a handful of roundings in pow, sqrt and the divisions.
            BOOST_TEST((n1 - t1) / with.lr == 1.0, boost::test_tools::tolerance(1e-12));
            const double expect = (1 - std::pow(b1, t)) / std::sqrt(1 - std::pow(b2, t));
            BOOST_TEST((n2 - t2) / without.lr == expect, boost::test_tools::tolerance(1e-12));
            if (t == 1) {
                BOOST_TEST((n2 - t2) / (n1 - t1) == (1 - b1) / std::sqrt(1 - b2),
                           boost::test_tools::tolerance(1e-12));
            }
            if (expect > peak) peak = expect, peak_t = t;
            t1 = n1, t2 = n2;
        }
        if (b1 == 0.9) {  // the numbers the chapter prints
            BOOST_TEST(peak_t == 12);
            BOOST_TEST(peak == 6.569, boost::test_tools::tolerance(1e-3));
        }
    }
    // With ε = 1e-8 the first step is the closed form first_step_over_lr gives (3.1623, 0.9487).
    Hyper d, post;
    d.correct = post.correct = false;
    post.beta1 = 0.7, post.beta2 = 0.9;
    ch05::Moments s;
    BOOST_TEST(ch05::adam_step(0, 1.0, 1, d, s) / -d.lr == ch05::first_step_over_lr(d, 1.0),
               boost::test_tools::tolerance(1e-14));
    BOOST_TEST(ch05::first_step_over_lr(d, 1.0) == 3.1623, boost::test_tools::tolerance(1e-4));
    BOOST_TEST(ch05::first_step_over_lr(post, 1.0) == 0.9487, boost::test_tools::tolerance(1e-4));
}

// The post's run: restless with Adam (the same cycle with and without the correction), settled
// to the exact line with AMSGrad.
BOOST_AUTO_TEST_CASE(post_setting_is_restless_and_amsgrad_settles) {
    const gd::Points pts = gd::post_points();
    Hyper h;
    h.lr = 1, h.beta1 = 0.7, h.beta2 = 0.9;
    Hyper raw = h, ams = h;
    raw.correct = false, ams.amsgrad = true;
    const ch05::Run adam = ch05::adam_per_sample(pts, {1, 1}, h, 50);
    const ch05::Run uncorrected = ch05::adam_per_sample(pts, {1, 1}, raw, 50);
    const ch05::Run amsgrad = ch05::adam_per_sample(pts, {1, 1}, ams, 50);
    const Line amp = ch05::amplitude(adam, 100);
    // The swings the chapter quotes (printed to 4 decimals).
    BOOST_TEST(amp.a == 0.7107, boost::test_tools::tolerance(1e-4));
    BOOST_TEST(amp.b == 1.8482, boost::test_tools::tolerance(1e-4));
    BOOST_TEST(ch05::mean_tail_loss(adam, 100) > 1.0);  // far from 0: it never settles
    // βᵗ has vanished long before epoch 50: the two end on the same cycle (up to rounding).
    BOOST_TEST(adam.path.back().a == uncorrected.path.back().a, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(adam.path.back().b == uncorrected.path.back().b, boost::test_tools::tolerance(1e-9));
    // ... but not on the same first epoch.
    BOOST_TEST(std::fabs(adam.loss[20] - uncorrected.loss[20]) > 10.0);
    BOOST_TEST(amsgrad.loss.back() < 1e-20);  // the data lie exactly on the line
}

// Adam's step is scale-free: with ε = 0, shrinking every distance to the minimum and η by the
// same factor gives exactly the same run, shrunk. So the swing at the end is proportional to η.
BOOST_AUTO_TEST_CASE(step_is_scale_free_so_the_swing_is_proportional_to_eta) {
    const gd::Points pts = gd::post_points();
    Hyper big, small;
    big.beta1 = small.beta1 = 0.7, big.beta2 = small.beta2 = 0.9;
    big.eps = small.eps = 0;
    big.lr = 1, small.lr = 0.01;
    const Line d{-0.5, 29};  // start (1, 1) is the minimum plus d
    const ch05::Run r1 = ch05::adam_per_sample(pts, {1.5 + d.a, -28 + d.b}, big, 30);
    const ch05::Run r2 =
        ch05::adam_per_sample(pts, {1.5 + 0.01 * d.a, -28 + 0.01 * d.b}, small, 30);
    for (std::size_t k = 0; k < r1.path.size(); k += 7) {
        // Absolute 1e-9 on offsets of order 1: the 0.01 run carries −28 + small numbers, so
        // its offsets lose about 1e-14·28/0.01 ≈ 3e-11 each, growing mildly over 600 updates.
        BOOST_TEST(std::fabs(r1.path[k].a - 1.5 - (r2.path[k].a - 1.5) / 0.01) < 1e-9);
        BOOST_TEST(std::fabs(r1.path[k].b + 28 - (r2.path[k].b + 28) / 0.01) < 1e-9);
    }
    // From the same start (as the chapter runs it) the final swing is proportional too.
    big.eps = small.eps = 1e-8;
    const Line a1 = ch05::amplitude(ch05::adam_per_sample(pts, {1, 1}, big, 2000), 100);
    const Line a2 = ch05::amplitude(ch05::adam_per_sample(pts, {1, 1}, small, 2000), 100);
    BOOST_TEST(a2.b / a1.b == 0.01, boost::test_tools::tolerance(1e-4));  // ε's share ~1e-6
    BOOST_TEST(a2.a / a1.a == 0.01, boost::test_tools::tolerance(1e-4));
}

// One step from the same state, by the library: Adam normalises its L2 term with the gradient,
// AdamW subtracts ηλθ from every coordinate whatever its gradient.
BOOST_AUTO_TEST_CASE(one_step_of_adam_l2_and_adamw) {
    const double eta = 0.01, lambda = 0.1, eps = 1e-8;
    const xt::xarray<double> theta0 = {2.0, -3.0}, g = {0.5, -40.0};
    xt::xarray<double> p = theta0, q = theta0;
    gd::Adam<double> adam(eta, 0.9, 0.999, eps, lambda);
    gd::AdamW<double> adamw(eta, 0.9, 0.999, eps, lambda);
    adam.step({&p}, {&g});
    adamw.step({&q}, {&g});
    for (std::size_t i = 0; i < 2; ++i) {
        // Step 1: m̂ = g', v̂ = g'², so Adam moves by η g'/(|g'| + ε) with g' = g + λθ ...
        const double gl2 = g(i) + lambda * theta0(i);
        const double adam_expect = theta0(i) - eta * gl2 / (std::fabs(gl2) + eps);
        // ... and AdamW by ηλθ (decay) plus η g/(|g| + ε) (the Adam step of g alone).
        const double w_expect =
            theta0(i) * (1 - eta * lambda) - eta * g(i) / (std::fabs(g(i)) + eps);
        // 1e-15 relative: the same operations in another order, a few roundings.
        BOOST_TEST(p(i) == adam_expect, boost::test_tools::tolerance(1e-15));
        BOOST_TEST(q(i) == w_expect, boost::test_tools::tolerance(1e-15));
    }
    // On the steep coordinate Adam's decay has vanished in the normalisation (the step is η,
    // as with λ = 0, to within ε's share), while AdamW's decay moved it by ηλ|θ| = 0.003.
    BOOST_TEST(std::fabs((p(1) - theta0(1)) - eta) < 1e-10);
    BOOST_TEST(std::fabs((q(1) - theta0(1)) - (eta + eta * lambda * 3.0)) < 1e-10);
}

// Where the full-batch runs end: Adam + L2 at the ridge solution (H + λI)θ = Hθ*, whatever the
// coordinates' scales; AdamW at the box |θ_i| ≤ 1/λ when the minimum lies outside it.
BOOST_AUTO_TEST_CASE(weight_decay_fixed_points) {
    const gd::LinearFit f;
    const gd::Points pts = gd::post_points();
    double sx = 0, sxx = 0;
    for (double x : pts.x) sx += x, sxx += x * x;
    const double n = double(pts.size());
    const double h11 = 2 * sxx / n, h12 = 2 * sx / n, h22 = 2;  // Hessian of the mean loss
    const double lambda = 0.05;
    const double r1 = h11 * 1.5 + h12 * -28, r2 = h12 * 1.5 + h22 * -28;  // Hθ*
    const double a11 = h11 + lambda, a22 = h22 + lambda, det = a11 * a22 - h12 * h12;
    const double ridge_a = (r1 * a22 - h12 * r2) / det, ridge_b = (a11 * r2 - h12 * r1) / det;

    Hyper h;
    h.lr = 0.1, h.decay = lambda;
    const Line l2 = ch05::adam_full_batch(f, {1, 1}, h, 20000).path.back();
    h.decoupled = true;
    const Line w = ch05::adam_full_batch(f, {1, 1}, h, 20000).path.back();
    // Adam keeps jittering by a fraction of η = 0.1 about its fixed point: 0.02 is enough.
    BOOST_TEST(std::fabs(l2.a - ridge_a) < 0.02);
    BOOST_TEST(std::fabs(l2.b - ridge_b) < 0.02);
    BOOST_TEST(std::fabs(w.b - (-1 / lambda)) < 0.05);  // on the edge b = −20
    const gd::Point2 g = f.grad(w.a, w.b);
    BOOST_TEST(std::fabs(g.x) < 0.05 * std::fabs(g.y));  // a is free: its gradient ≈ 0
    // The numbers the chapter prints.
    BOOST_TEST(l2.b == -27.3116, boost::test_tools::tolerance(1e-5));
    BOOST_TEST(w.b == -19.9838, boost::test_tools::tolerance(1e-5));
}

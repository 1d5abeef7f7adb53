// Chapter 03: the relations its text claims between the lecture's Nesterov and PyTorch's.
#define BOOST_TEST_MODULE test_03_nesterov
#include <boost/test/unit_test.hpp>

#include <cmath>

#include <vector>

#include "03_nesterov/nesterov.hpp"
#include "optim/sgd.hpp"
#include "problems/quadratic_theory.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"
#include "train/settling.hpp"

namespace {

using ch03::Vec;

// Any optimizer's path over `steps` steps of gd::descend, the loop every 2-D race runs.
gd::Trajectory run(const gd::Surface2& f, Vec start, gd::Optimizer<double>&& opt, long steps) {
    long t = 0;
    return gd::descend(f, opt, nullptr, start, t, steps);
}

gd::Trajectory torch_run(const gd::Surface2& f, Vec start, double lr, double mu, bool nesterov,
                         long steps) {
    return run(f, start, gd::Sgd<double>(lr, mu, 0, 0, nesterov), steps);
}

// Largest distance between the points of two paths, step by step.
double max_gap(const gd::Trajectory& a, const gd::Trajectory& b) {
    BOOST_REQUIRE_EQUAL(a.size(), b.size());
    double gap = 0;
    for (std::size_t k = 0; k < a.size(); ++k)
        gap = std::max(gap, std::hypot(a.x[k] - b.x[k], a.y[k] - b.y[k]));
    return gap;
}

struct Case {
    const gd::Surface2& f;
    Vec start;
    double lr, mu;
};

const gd::Ravine ravine;
const gd::Rosenbrock rosen;

}  // namespace

// The text's claim: with α = μ, PyTorch's θ_k is the lecture's look-ahead point w_k − αΔw_{k−1}
// at every step, including θ_0 = w_0 (Δw starts at zero). The two forms do the same arithmetic
// in a different order, so they agree up to rounding: a few ulps of the coordinates (|θ| ≤ 5)
// per step, i.e. ~1e-15 each, which the contracting dynamics do not amplify. 1e-12 over 500
// steps leaves a margin of ~100 over what we measure (9e-16 ravine, 1.3e-14 Rosenbrock), and
// is 1e9 times smaller than the gap to the lecture’s w_k, so a wrong pairing cannot pass.
BOOST_AUTO_TEST_CASE(pytorch_theta_is_the_lectures_look_ahead_point) {
    for (const Case& c :
         {Case{ravine, {-5.0, -2.0}, 0.3, 0.9}, Case{ravine, {-5.0, -2.0}, 0.1, 0.5},
          Case{rosen, {-1.5, 2.0}, 0.001, 0.9}, Case{rosen, {-1.5, 2.0}, 5e-4, 0.95}}) {
        const gd::Trajectory torch = torch_run(c.f, c.start, c.lr, c.mu, true, 500);
        const ch03::LookAheadRun lecture = ch03::run_lookahead(c.f, c.mu, c.lr, c.start, 500);
        BOOST_TEST(torch.diverged_at == -1);
        BOOST_TEST(max_gap(torch, lecture.ahead) < 1e-12, c.f.name() << " lr " << c.lr);
        // ... and it is not the lecture's w_k: those differ by αΔw, which is large early on.
        BOOST_TEST(max_gap(torch, lecture.w) > 1e-3, c.f.name() << " lr " << c.lr);
    }
}

// And the converse bookkeeping: w_k = θ_k + μηb_k, i.e. the lecture's step is Δw = ηb. Checked
// on the first step by hand: b_1 = g(θ_0), θ_1 = θ_0 − η(1 + μ)g, w_1 = θ_0 − ηg.
BOOST_AUTO_TEST_CASE(first_step_by_hand) {
    const double lr = 0.3, mu = 0.9;
    const ch03::LookAheadRun lecture = ch03::run_lookahead(ravine, mu, lr, {-5.0, -2.0}, 1);
    const double gx = 0.2 * -5.0, gy = 4 * -2.0;  // ∇(0.1x² + 2y²) at (−5, −2)
    BOOST_TEST(lecture.w.x[1] == -5.0 - lr * gx, boost::test_tools::tolerance(1e-15));
    BOOST_TEST(lecture.w.y[1] == -2.0 - lr * gy, boost::test_tools::tolerance(1e-15));
    BOOST_TEST(lecture.ahead.x[1] == -5.0 - lr * (1 + mu) * gx,
               boost::test_tools::tolerance(1e-15));
    BOOST_TEST(lecture.ahead.y[1] == -2.0 - lr * (1 + mu) * gy,
               boost::test_tools::tolerance(1e-15));
}

// The derivative-term form d ← μd + g + μ(g − g_prev), θ ← θ − ηd is PyTorch's Nesterov too
// (same rounding argument and tolerance as above), while plain momentum is not.
BOOST_AUTO_TEST_CASE(gradient_correction_form_is_nesterov_and_momentum_is_not) {
    for (const Case& c :
         {Case{ravine, {-5.0, -2.0}, 0.3, 0.9}, Case{rosen, {-1.5, 2.0}, 0.001, 0.9}}) {
        const gd::Trajectory torch = torch_run(c.f, c.start, c.lr, c.mu, true, 500);
        const gd::Trajectory heavy = torch_run(c.f, c.start, c.lr, c.mu, false, 500);
        const gd::Trajectory form = run(c.f, c.start, ch03::GradientCorrection(c.lr, c.mu), 500);
        BOOST_TEST(form.diverged_at == -1);
        BOOST_TEST(max_gap(form, torch) < 1e-12, c.f.name());
        BOOST_TEST(max_gap(torch, heavy) > 0.1, c.f.name());
    }
    // Its first step by hand: d₁ = g + μg, so θ₁ = θ₀ − η(1 + μ)g, as PyTorch's first step.
    const gd::Trajectory one = run(ravine, {-5.0, -2.0}, ch03::GradientCorrection(0.3, 0.9), 1);
    BOOST_TEST(one.x[1] == -5.0 - 0.3 * 1.9 * (0.2 * -5.0), boost::test_tools::tolerance(1e-15));
    BOOST_TEST(one.y[1] == -2.0 - 0.3 * 1.9 * (4 * -2.0), boost::test_tools::tolerance(1e-15));
}

// The linear theory: on the ravine the loss shrinks by radius² per step once the start-up has
// passed. Measured as the geometric mean of the loss ratio over steps 100-300 (Nesterov) and
// 100-700 (momentum, which rings: its loss wobbles by a bounded factor, so a long window
// averages the wobble out). 2 % on a per-step factor is far below the gap between the methods
// (0.90 against 0.85) yet above what the wobble leaves over these windows.
BOOST_AUTO_TEST_CASE(ravine_rates_match_the_linear_theory) {
    const double lr = 0.3, mu = 0.9;
    const gd::Trajectory heavy = torch_run(ravine, {-5.0, -2.0}, lr, mu, false, 700);
    const gd::Trajectory nag = torch_run(ravine, {-5.0, -2.0}, lr, mu, true, 300);
    const auto per_step = [](const gd::Trajectory& tr, long k0, long k1) {
        return std::pow(tr.loss[k1] / tr.loss[k0], 1.0 / double(k1 - k0));
    };
    const double r_hb =
        std::max(gd::heavy_ball_radius(lr, mu, 0.2), gd::heavy_ball_radius(lr, mu, 4));
    const double r_nag = std::max(gd::nesterov_radius(lr, mu, 0.2), gd::nesterov_radius(lr, mu, 4));
    BOOST_TEST(per_step(heavy, 100, 700) == r_hb * r_hb, boost::test_tools::tolerance(0.02));
    BOOST_TEST(per_step(nag, 100, 300) == r_nag * r_nag, boost::test_tools::tolerance(0.02));
    // Momentum's radius is √μ whenever its roots are complex; Nesterov's shrinks with 1 − ηλ.
    BOOST_TEST(gd::heavy_ball_radius(lr, mu, 4) == std::sqrt(mu),
               boost::test_tools::tolerance(1e-12));
    BOOST_TEST(gd::nesterov_radius(lr, mu, 4) < 0.7);
}

// The stability limits the text quotes: ηλ < 2(1 + μ) for momentum, 2(1 + μ)/(1 + 2μ) for
// Nesterov. Just inside, the radius is below 1; just outside, above; and the runs agree.
BOOST_AUTO_TEST_CASE(stability_limits) {
    for (double mu : {0.5, 0.9, 0.95}) {
        const double hb = gd::heavy_ball_limit(mu), nag = gd::nesterov_limit(mu);
        BOOST_TEST(gd::heavy_ball_radius(0.999 * hb, mu, 1) < 1);
        BOOST_TEST(gd::heavy_ball_radius(1.001 * hb, mu, 1) > 1);
        BOOST_TEST(gd::nesterov_radius(0.999 * nag, mu, 1) < 1);
        BOOST_TEST(gd::nesterov_radius(1.001 * nag, mu, 1) > 1);
    }
    // The chapter's second ravine race: η = 0.4 puts ηλ = 1.6 past Nesterov's 1.357 only.
    const gd::Trajectory heavy = torch_run(ravine, {-5.0, -2.0}, 0.4, 0.9, false, 300);
    const gd::Trajectory nag = torch_run(ravine, {-5.0, -2.0}, 0.4, 0.9, true, 300);
    BOOST_TEST(heavy.loss.back() < 1e-10);
    BOOST_TEST(nag.loss.back() > 1e50);
}

// The table the text quotes: steps until the loss stays below 1e-6, and the loss at step 50.
BOOST_AUTO_TEST_CASE(the_races_the_text_quotes) {
    const auto settle = [](const gd::Surface2& f, Vec s, double lr, double mu, bool n, long steps) {
        // descend's row k is step k, so the index settled_from returns is the step.
        return gd::settled_from(torch_run(f, s, lr, mu, n, steps).loss, 1e-6);
    };
    BOOST_TEST(settle(ravine, {-5.0, -2.0}, 0.3, 0.9, false, 300) == 156);
    BOOST_TEST(settle(ravine, {-5.0, -2.0}, 0.3, 0.9, true, 300) == 82);
    BOOST_TEST(settle(rosen, {-1.5, 2.0}, 0.001, 0.9, false, 3000) == 1484);
    BOOST_TEST(settle(rosen, {-1.5, 2.0}, 0.001, 0.9, true, 3000) == 1379);
    BOOST_TEST(settle(rosen, {-1.5, 2.0}, 0.001, 0.95, false, 3000) == 422);
    BOOST_TEST(settle(rosen, {-1.5, 2.0}, 0.001, 0.95, true, 3000) == 716);
    // Rosenbrock's early phase: Nesterov is on the valley floor while momentum still rings.
    const gd::Trajectory heavy = torch_run(rosen, {-1.5, 2.0}, 0.001, 0.9, false, 50);
    const gd::Trajectory nag = torch_run(rosen, {-1.5, 2.0}, 0.001, 0.9, true, 50);
    BOOST_TEST(nag.loss[50] * 10 < heavy.loss[50]);
}

// The table's measure, gd::settled_from, counts from the last crossing, not the first dip.
BOOST_AUTO_TEST_CASE(settling_ignores_an_early_dip) {
    std::vector<double> losses{1, 1e-7, 1e-3, 1e-7, 1e-8};
    BOOST_TEST(gd::settled_from(losses, 1e-6) == 3);
    losses.push_back(1e-2);
    BOOST_TEST(gd::settled_from(losses, 1e-6) == -1);
}

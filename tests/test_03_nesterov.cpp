// Chapter 03: the relations its text claims between the lecture's Nesterov and PyTorch's.
#include <boost/test/unit_test.hpp>

#include <cmath>

#include <string>
#include <vector>

#include "03_nesterov/nesterov.hpp"
#include "optim/sgd.hpp"
#include "problems/quadratic_theory.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"
#include "train/settling.hpp"

BOOST_AUTO_TEST_SUITE(test_03_nesterov)

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

// The text's claim: with the lecture's α = μ, PyTorch's θ_t is the lecture's look-ahead point
// w_t − μΔw_{t−1} at every step, including θ_0 = w_0 (Δw starts at zero). The two forms do the same
// arithmetic in a different order, so they agree up to rounding: a few ulps of the coordinates (|θ|
// ≤ 5) per step, i.e. ~1e-15 each, which the contracting dynamics do not amplify. 1e-12 over 500
// steps leaves a margin of ~100 over what we measure (9e-16 ravine, 1.3e-14 Rosenbrock), and
// is 1e9 times smaller than the gap to the lecture’s w_t, so a wrong pairing cannot pass.
BOOST_AUTO_TEST_CASE(pytorch_theta_is_the_lectures_look_ahead_point) {
    for (const Case& c :
         {Case{ravine, {-5.0, -2.0}, 0.3, 0.9}, Case{ravine, {-5.0, -2.0}, 0.1, 0.5},
          Case{rosen, {-1.5, 2.0}, 0.001, 0.9}, Case{rosen, {-1.5, 2.0}, 5e-4, 0.95}}) {
        const gd::Trajectory torch = torch_run(c.f, c.start, c.lr, c.mu, true, 500);
        const ch03::LookAheadRun lecture = ch03::run_lookahead(c.f, c.mu, c.lr, c.start, 500);
        BOOST_TEST(torch.diverged_at == -1);
        BOOST_TEST(max_gap(torch, lecture.ahead) < 1e-12, c.f.name() << " lr " << c.lr);
        // ... and it is not the lecture's w_t: those differ by μΔw, which is large early on.
        BOOST_TEST(max_gap(torch, lecture.w) > 1e-3, c.f.name() << " lr " << c.lr);
    }
}

// And the converse bookkeeping: w_t = θ_t + μηu_t, i.e. the lecture's step is Δw = ηu. Checked
// on the first step by hand: u_1 = g(θ_0), θ_1 = θ_0 − η(1 + μ)g, w_1 = θ_0 − ηg.
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

// Each stability edge, probed from both sides on the ravine (the chapter's table, μ = 0.9 and
// 0.5): 3 % inside, the run converges; 3 % past, it diverges.
BOOST_AUTO_TEST_CASE(each_edge_probed_from_both_sides) {
    for (double mu : {0.9, 0.5}) {
        for (bool nesterov : {false, true}) {
            const double edge = (nesterov ? gd::nesterov_limit(mu) : gd::heavy_ball_limit(mu)) / 4;
            const double inside =
                torch_run(ravine, {-5.0, -2.0}, 0.97 * edge, mu, nesterov, 300).loss.back();
            const double past =
                torch_run(ravine, {-5.0, -2.0}, 1.03 * edge, mu, nesterov, 300).loss.back();
            BOOST_TEST(inside < 1e-12, "mu " << mu << (nesterov ? " Nesterov" : " momentum"));
            BOOST_TEST(past > 1e18, "mu " << mu << (nesterov ? " Nesterov" : " momentum"));
        }
    }
    BOOST_TEST(gd::nesterov_limit(0.9) / 4 == 0.3393, boost::test_tools::tolerance(1e-4));
    BOOST_TEST(gd::heavy_ball_limit(0.9) / 4 == 0.95, boost::test_tools::tolerance(1e-12));
}

// The ravine race over μ at η = 0.3 (3000 steps): momentum is faster up to μ = 0.6, Nesterov
// from 0.7 on, where momentum's roots are complex on both axes and it rings.
BOOST_AUTO_TEST_CASE(the_ravine_race_turns_with_mu) {
    const double mus[] = {0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};
    const long hb[] = {107, 80, 49, 32, 45, 72, 156, 316, 1622};
    const long nag[] = {107, 82, 54, 36, 30, 48, 82, 129, 204};
    for (int i = 0; i < 9; ++i) {
        const ch03::SweepRow r = ch03::ravine_row(ravine, {-5.0, -2.0}, 0.3, mus[i], 3000);
        BOOST_TEST(r.s_hb == hb[i], "mu " << mus[i]);
        BOOST_TEST(r.s_nag == nag[i], "mu " << mus[i]);
    }
    // --mu 0.5: the x radii decide it, 0.856 (momentum) against 0.869 (Nesterov).
    BOOST_TEST(gd::heavy_ball_radius(0.3, 0.5, 0.2) == 0.856, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(gd::nesterov_radius(0.3, 0.5, 0.2) == 0.869, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(std::string(ch03::faster(49, 54)) == "momentum");
}

// "Nesterov wins on Rosenbrock" over η × μ: a few cells of the chapter's table.
BOOST_AUTO_TEST_CASE(rosenbrock_over_eta_and_mu) {
    const auto cell = [](double lr, double mu, bool nesterov) {
        return torch_run(rosen, {-1.5, 2.0}, lr, mu, nesterov, 3000);
    };
    // η = 0.0005: neither arrives for μ ≤ 0.9 (a tie by final loss), momentum first at 0.95.
    const auto h = cell(5e-4, 0.9, false), n = cell(5e-4, 0.9, true);
    BOOST_TEST(std::string(ch03::faster(h, n)) == "tie");
    BOOST_TEST(ch03::outcome(cell(5e-4, 0.95, false)).settled == 1386);
    BOOST_TEST(ch03::outcome(cell(5e-4, 0.95, true)).settled == 1416);
    BOOST_TEST(ch03::outcome(cell(5e-4, 0.99, true)).settled == 1548);
    // η = 0.001: Nesterov first for μ ≤ 0.9, diverges from μ = 0.97 on.
    BOOST_TEST(ch03::outcome(cell(1e-3, 0.8, true)).settled == 2998);
    BOOST_TEST(ch03::outcome(cell(1e-3, 0.8, false)).settled == -1);
    BOOST_TEST(cell(1e-3, 0.97, true).diverged_at == 106);
    BOOST_TEST(ch03::outcome(cell(1e-3, 0.97, false)).settled == 566);
    // η = 0.002: Nesterov leaves the numbers by step 8 at every μ; momentum arrives.
    for (double mu : {0.5, 0.8, 0.9, 0.95, 0.97, 0.99}) {
        const long at = cell(2e-3, mu, true).diverged_at;
        BOOST_TEST((at == 7 || at == 8), "mu " << mu);
        BOOST_TEST(ch03::outcome(cell(2e-3, mu, false)).settled > 0, "mu " << mu);
    }
    BOOST_TEST(ch03::outcome(cell(2e-3, 0.9, false)).settled == 555);
}

// The curvatures the text quotes: 2092 across the wall at the start (−1.5, 2), 1002 and 0.399 at
// the minimum; and what each method meets at η = 0.002 (exercise 3): Nesterov's second step
// lands where the curvature is 7324.
BOOST_AUTO_TEST_CASE(rosenbrock_curvatures) {
    BOOST_TEST(ch03::curvatures(rosen, -1.5, 2).hi == 2092, boost::test_tools::tolerance(5e-4));
    BOOST_TEST(ch03::curvatures(rosen, 1, 1).hi == 1001.6, boost::test_tools::tolerance(5e-4));
    BOOST_TEST(ch03::curvatures(rosen, 1, 1).lo == 0.399, boost::test_tools::tolerance(5e-3));
    const gd::Trajectory n = torch_run(rosen, {-1.5, 2.0}, 0.002, 0.9, true, 3);
    const gd::Trajectory h = torch_run(rosen, {-1.5, 2.0}, 0.002, 0.9, false, 3);
    BOOST_TEST(ch03::curvatures(rosen, n.x[2], n.y[2]).hi == 7324,
               boost::test_tools::tolerance(5e-4));
    BOOST_TEST(ch03::curvatures(rosen, h.x[2], h.y[2]).hi == 2313,
               boost::test_tools::tolerance(5e-4));
}

// Exercise 1: at η = 0.25, ηλ_y = 1 and Nesterov's y radius is 0: y is 0 to rounding from step 2
// on; the race then takes 90 steps (82 at η = 0.3), held back by x (radius 0.925).
BOOST_AUTO_TEST_CASE(exercise_nesterov_solves_y_in_two_steps) {
    BOOST_TEST(gd::nesterov_radius(0.25, 0.9, 4) < 1e-7);
    const gd::Trajectory n = torch_run(ravine, {-5.0, -2.0}, 0.25, 0.9, true, 300);
    BOOST_TEST(n.y[1] == 1.8, boost::test_tools::tolerance(1e-12));
    for (std::size_t k = 2; k < n.size(); ++k) BOOST_TEST_REQUIRE(std::abs(n.y[k]) < 1e-15);
    BOOST_TEST(gd::settled_from(n.loss, 1e-6) == 90);
    BOOST_TEST(gd::nesterov_radius(0.25, 0.9, 0.2) == 0.925, boost::test_tools::tolerance(1e-3));
}

// Exercise 2: momentum's radius is √μ between the critical-damping curves (1 ∓ √μ)² in ηλ; for
// μ = 0.9 on the ravine that is 0.00066 < η < 0.95 across y and η > 0.0132 along x.
BOOST_AUTO_TEST_CASE(exercise_where_momentum_rings) {
    const double lo = gd::critical_damping_low(0.9), hi = gd::critical_damping_high(0.9);
    BOOST_TEST(lo / 4 == 0.00066, boost::test_tools::tolerance(0.01));
    BOOST_TEST(hi / 4 == 0.95, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(lo / 0.2 == 0.0132, boost::test_tools::tolerance(0.01));
    for (double eta_lambda : {1.01 * lo, 0.5, 1.0, 3.0, 0.99 * hi})
        BOOST_TEST(gd::heavy_ball_radius(eta_lambda, 0.9, 1) == std::sqrt(0.9),
                   boost::test_tools::tolerance(1e-9));
    BOOST_TEST(gd::heavy_ball_radius(0.5 * lo, 0.9, 1) > std::sqrt(0.9));
}

// The text's account of the μ = 0.95 Rosenbrock race: Nesterov is flung back up the wall around
// step 100, its loss going from 0.09 at step 96 to 44 at step 112.
BOOST_AUTO_TEST_CASE(nesterov_is_flung_back_at_mu_095) {
    const gd::Trajectory n = torch_run(rosen, {-1.5, 2.0}, 0.001, 0.95, true, 120);
    BOOST_TEST(n.loss[96] == 0.093, boost::test_tools::tolerance(0.01));
    BOOST_TEST(n.loss[112] == 43.7, boost::test_tools::tolerance(0.01));
}

BOOST_AUTO_TEST_SUITE_END()  // test_03_nesterov

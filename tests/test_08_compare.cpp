// Chapter 08: the claims of the comparison's text, each made checkable, with the numbers the
// text and the exercises quote.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "08_compare/line_race.hpp"
#include "08_compare/race.hpp"
#include "core/rng.hpp"
#include "problems/line_fit.hpp"
#include "train/settling.hpp"

BOOST_AUTO_TEST_SUITE(test_08_compare)

namespace tt = boost::test_tools;

namespace {

gd::Points chapter_points(std::uint64_t seed = 7) {
    gd::Rng rng(seed);
    return gd::line_points(30, 1.5, -28, -10, 10, rng);
}

gd::LineRun run(gd::Optimizer<double>& opt, const gd::Schedule* s = nullptr,
                std::uint64_t seed = 7) {
    return ch08::train_per_sample("run", chapter_points(seed), opt, s, 1, 1, 50);
}

// The chapter's four methods with the post's settings, 50 epochs from (1, 1).
struct Four {
    gd::LineRun sgd, momentum, adam, adam_ann;
    Four() {
        gd::Sgd<double> s(0.001);
        gd::MomentumEma<double> m(0.001, 0.95);
        gd::Adam<double> a(1, 0.7, 0.9), aa(1, 0.7, 0.9);
        const gd::StepDecay anneal(1, 5 * 30, 0.25);
        sgd = run(s);
        momentum = run(m);
        adam = run(a);
        adam_ann = run(aa, &anneal);
    }
};

std::size_t at(const std::string& name) {
    return ch08::racer(name);
}

// Printed with 4 or 5 significant digits: 1e-3 relative covers the rounding.
const auto digits = tt::tolerance(1e-3);

}  // namespace

BOOST_AUTO_TEST_CASE(the_points_come_back_from_the_seed) {
    const gd::Points a = chapter_points(), b = chapter_points(), c = chapter_points(8);
    BOOST_TEST(a.size() == 30u);
    BOOST_TEST(a.x == b.x, tt::per_element());  // bit for bit: same seed, same points
    BOOST_TEST(a.x[0] != c.x[0]);               // another seed, other points
    double sq = 0;
    int steep = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        BOOST_TEST((a.x[i] >= -10 && a.x[i] < 10));
        BOOST_TEST(a.y[i] == 1.5 * a.x[i] - 28);  // exactly on the line: no noise
        sq += a.x[i] * a.x[i], steep += a.x[i] * a.x[i] > 50;
    }
    BOOST_TEST(2 * sq / 30 == 73.04, tt::tolerance(1e-3));  // the curvature along a
    BOOST_TEST(steep == 10);  // exercise 2: the points with x² > 1/η at η = 0.02
}

// With ε = 0, bias correction is a rate schedule: Adam at η equals uncorrected Adam at
// η_t = η·√(1−β2ᵗ)/(1−β1ᵗ). Over a whole run the two agree to rounding (a few ulps per step,
// compounded over 300 steps of a contracting problem: 1e-9 relative is ample and still fails
// if the factor were off by even one step).
BOOST_AUTO_TEST_CASE(bias_correction_is_a_rate_schedule) {
    const gd::Points p = chapter_points();
    gd::Adam<double> adam(0.3, 0.7, 0.9, 0.0);
    gd::AdamNoBias<double> raw(0.3, 0.7, 0.9, 0.0);
    struct Corrected : gd::Schedule {
        std::string name() const override { return "corrected"; }
        std::vector<gd::ScheduleParam> params() const override { return {}; }
        double rate_at(long t) const override {  // t counts from 0: Adam's step t + 1
            const double k = static_cast<double>(t + 1);
            return 0.3 * std::sqrt(1 - std::pow(0.9, k)) / (1 - std::pow(0.7, k));
        }
    } corrected;
    const gd::LineRun a = ch08::train_per_sample("a", p, adam, nullptr, 1, 1, 10);
    const gd::LineRun b = ch08::train_per_sample("b", p, raw, &corrected, 1, 1, 10);
    BOOST_REQUIRE_EQUAL(a.path.size(), 301u);
    BOOST_REQUIRE_EQUAL(b.path.size(), 301u);
    for (std::size_t k = 0; k < a.path.size(); ++k) {
        BOOST_TEST(a.path[k].x == b.path[k].x, tt::tolerance(1e-9));
        BOOST_TEST(a.path[k].y == b.path[k].y, tt::tolerance(1e-9));
    }
}

// The printed ratio: the uncorrected first step is η(1−β1)/√(1−β2) = 0.3/√0.1 = 0.94868 of
// the corrected one (ε = 1e-8 against |g| ~ 60 changes it by ~1e-10); with PyTorch's betas
// (exercise 3) 0.1/√0.001 = 3.1623.
BOOST_AUTO_TEST_CASE(uncorrected_first_step) {
    const gd::Points p = chapter_points();
    for (const auto& [b1, b2] : {std::pair{0.7, 0.9}, std::pair{0.9, 0.999}}) {
        gd::Adam<double> adam(1, b1, b2);
        gd::AdamNoBias<double> raw(1, b1, b2);
        const auto a = ch08::train_per_sample("a", p, adam, nullptr, 1, 1, 1);
        const auto b = ch08::train_per_sample("b", p, raw, nullptr, 1, 1, 1);
        const double step_a = a.path[1].y - a.path[0].y, step_b = b.path[1].y - b.path[0].y;
        BOOST_TEST(std::abs(step_a) == 1.0, tt::tolerance(1e-8));  // Adam's first step is η
        BOOST_TEST(step_b / step_a == (1 - b1) / std::sqrt(1 - b2), tt::tolerance(1e-8));
    }
}

// The text's ranking after 50 epochs: AdamAnn closest to (1.5, −28), then Adam, then momentum,
// then SGD at the last update, Adam ahead of momentum over the whole last epoch; Adam still shakes
// (its worst loss in the last epoch is above SGD's) while AdamAnn has settled below 1e-9; and the
// numbers of the table.
BOOST_AUTO_TEST_CASE(final_errors_are_ordered_as_the_text_says) {
    const Four f;
    const ch08::Range d_sgd = ch08::recent_distance(f.sgd, 30, 1.5, -28);
    const ch08::Range d_mom = ch08::recent_distance(f.momentum, 30, 1.5, -28);
    const ch08::Range d_adam = ch08::recent_distance(f.adam, 30, 1.5, -28);
    BOOST_TEST(ch08::final_error(f.adam_ann, 1.5, -28) < 1e-4);
    BOOST_TEST(ch08::final_error(f.adam_ann, 1.5, -28) < ch08::final_error(f.adam, 1.5, -28));
    BOOST_TEST(d_adam.hi < d_mom.lo);  // Adam's farthest is nearer than momentum's nearest
    BOOST_TEST(d_mom.hi > d_sgd.lo);   // momentum's and SGD's ranges overlap
    BOOST_TEST(ch08::final_error(f.momentum, 1.5, -28) < ch08::final_error(f.sgd, 1.5, -28));
    BOOST_TEST(d_adam.hi == 0.972, digits);
    BOOST_TEST(d_mom.lo == 1.287, digits);
    BOOST_TEST(ch08::worst_recent_loss(f.adam, 30) > ch08::worst_recent_loss(f.sgd, 30));
    BOOST_TEST(ch08::worst_recent_loss(f.adam, 30) == 6.490, digits);
    BOOST_TEST(ch08::worst_recent_loss(f.sgd, 30) == 2.149, digits);
    BOOST_TEST(ch08::worst_recent_loss(f.adam_ann, 30) < 1e-9);
    BOOST_TEST(gd::settled_from(f.adam_ann.loss, 1e-2) == 453);
    BOOST_TEST(f.sgd.end().y == -26.64490, tt::tolerance(1e-6));
    BOOST_TEST(f.momentum.end().y == -26.71349, tt::tolerance(1e-6));
    // SGD's gap in b, 1.36, close to the prediction 29·e^(−0.002·1500) = 1.44 (within 10 %)
    const double gap = std::abs(f.sgd.end().y + 28), predicted = 29 * std::exp(-0.002 * 1500);
    BOOST_TEST(gap == 1.355, tt::tolerance(2e-3));
    BOOST_TEST(std::abs(gap - predicted) < 0.1 * predicted);
}

// The controls of "Adam never settles": PyTorch's β2 = 0.999 settles exactly at η = 1, a tenth of
// the rate still shakes; and tuned SGD (η = 0.01) beats AdamAnn.
BOOST_AUTO_TEST_CASE(the_controls_of_part_1) {
    gd::Adam<double> memory(1, 0.7, 0.999), small(0.1, 0.7, 0.9);
    gd::Sgd<double> tuned(0.01);
    const gd::LineRun m = run(memory), s = run(small), t = run(tuned);
    BOOST_TEST(m.loss.back() == 0.0);
    BOOST_TEST(gd::settled_from(m.loss, 1e-2) == 74);
    BOOST_TEST(gd::settled_from(s.loss, 1e-2) == -1);
    BOOST_TEST(ch08::worst_recent_loss(s, 30) == 0.2789, digits);
    BOOST_TEST(gd::settled_from(t.loss, 1e-2) == 374);
    BOOST_TEST(t.loss.back() < 1e-17);
}

// Momentum against SGD over 12 draws (seeds 7..18): behind after 300 updates in 8, behind at the
// end in 2; the printed ranges. Adam nearer the line than momentum at the end in 7 draws, over
// the whole last epoch in 4.
BOOST_AUTO_TEST_CASE(momentum_over_draws) {
    int behind300 = 0, behind_end = 0, adam_end = 0, adam_epoch = 0;
    double lo = 1e300, hi = 0;
    for (std::uint64_t seed = 7; seed < 19; ++seed) {
        gd::Sgd<double> s(0.001);
        gd::MomentumEma<double> m(0.001, 0.95);
        gd::Adam<double> adam(1, 0.7, 0.9);
        const gd::LineRun a = run(s, nullptr, seed), b = run(m, nullptr, seed),
                          c = run(adam, nullptr, seed);
        behind300 += b.loss[300] > a.loss[300];
        const double r = b.loss.back() / a.loss.back();
        behind_end += r > 1, lo = std::min(lo, r), hi = std::max(hi, r);
        adam_end += ch08::final_error(c, 1.5, -28) < ch08::final_error(b, 1.5, -28);
        adam_epoch +=
            ch08::recent_distance(c, 30, 1.5, -28).hi < ch08::recent_distance(b, 30, 1.5, -28).lo;
    }
    BOOST_TEST(behind300 == 8);
    BOOST_TEST(behind_end == 2);
    BOOST_TEST(adam_end == 7);
    BOOST_TEST(adam_epoch == 4);
    BOOST_TEST(lo == 0.687, digits);
    BOOST_TEST(hi == 1.073, digits);
}

// The control of the ranking: with 100 epochs SGD and momentum arrive (below 1e-2 from 2778 and
// 2713) and end within 0.07 of the line; Adam still swings out to 1.07 in its last epoch.
BOOST_AUTO_TEST_CASE(twice_the_epochs) {
    const gd::Points p = chapter_points();
    gd::Sgd<double> s(0.001);
    gd::MomentumEma<double> m(0.001, 0.95);
    gd::Adam<double> a(1, 0.7, 0.9);
    const gd::LineRun rs = ch08::train_per_sample("s", p, s, nullptr, 1, 1, 100),
                      rm = ch08::train_per_sample("m", p, m, nullptr, 1, 1, 100),
                      ra = ch08::train_per_sample("a", p, a, nullptr, 1, 1, 100);
    BOOST_TEST(gd::settled_from(rs.loss, 1e-2) == 2778);
    BOOST_TEST(gd::settled_from(rm.loss, 1e-2) == 2713);
    BOOST_TEST(ch08::recent_distance(rs, 30, 1.5, -28).hi < 0.07);
    BOOST_TEST(ch08::recent_distance(rm, 30, 1.5, -28).hi < 0.07);
    BOOST_TEST(ch08::recent_distance(ra, 30, 1.5, -28).hi == 1.067, digits);
}

// The race on Rosenbrock: the table's steps, L-BFGS's evaluations, who does not arrive, the
// controls (SGD on a knife edge, Adam at AdamW's rate, RAdam thrown off).
BOOST_AUTO_TEST_CASE(the_race_on_rosenbrock) {
    const ch08::Race& race = ch08::races()[0];
    BOOST_TEST(race.surface == "rosenbrock");
    const auto paths = ch08::run_race(race, 1.0, race.steps);
    const auto goal = [&](const std::string& n) {
        return gd::settled_from(paths[at(n)].loss, race.goal);
    };
    BOOST_TEST(goal("nesterov") == 186);
    BOOST_TEST(goal("sgd") == 239);
    BOOST_TEST(goal("momentum") == 701);
    BOOST_TEST(goal("momentum-ema") == 701);  // the same path at ten times the rate
    for (std::size_t k = 0; k < paths[at("momentum")].size(); k += 100) {
        BOOST_TEST(paths[at("momentum")].x[k] == paths[at("momentum-ema")].x[k],
                   tt::tolerance(1e-9));
    }
    for (const char* n : {"adagrad", "rmsprop", "adadelta", "radam"}) BOOST_TEST(goal(n) == -1);
    BOOST_TEST(goal("lbfgs") == 33);
    BOOST_TEST(ch08::evaluations_until(paths[at("lbfgs")], 33) == 81);
    for (const auto& p : paths)  // one evaluation a step for every first-order racer
        if (p.label.rfind("lbfgs", 0) != 0) BOOST_TEST(ch08::evaluations_until(p, -1) == 3000);
    const auto dist = [&](const std::string& n) {
        return std::hypot(paths[at(n)].x.back() - 1, paths[at(n)].y.back() - 1);
    };
    BOOST_TEST(dist("rmsprop") == 0.1216, tt::tolerance(1e-2));
    BOOST_TEST((dist("adamw") > 0.03 && dist("adamw") < 0.05));
    BOOST_TEST((dist("local-gain") > 0.03 && dist("local-gain") < 0.05));
    // controls
    const auto one = [&](const char* n, double lr) {
        return ch08::run_one(race, *ch08::make_racer(n, lr));
    };
    BOOST_TEST(one("sgd", 0.0018).diverged_at == 12);
    BOOST_TEST(gd::settled_from(one("sgd", 0.0022).loss, race.goal) == -1);
    const gd::Trajectory adam = one("adam", 0.05);
    BOOST_TEST(gd::settled_from(adam.loss, race.goal) == 927);
    BOOST_TEST(adam.loss.back() < 1e-20);
    BOOST_TEST(one("radam", 0.005).loss.back() > 1e40);
    // SGD: only η = 0.002 of the sweep's grid arrives
    int arriving = 0;
    for (double decade = 1e-4; decade < 20; decade *= 10) {
        for (double m : {1.0, 2.0, 5.0}) {
            arriving += gd::settled_from(one("sgd", m * decade).loss, race.goal) >= 0;
        }
    }
    BOOST_TEST(arriving == 1);
}

// L-BFGS four ways: 20 iterations a step save one evaluation per iteration; without a line search
// it does not arrive on Rosenbrock and needs 10 evaluations on Beale.
BOOST_AUTO_TEST_CASE(lbfgs_counted_in_evaluations) {
    const auto lbfgs = [](const ch08::Race& race, int iters, const char* search) {
        gd::OptimizerConfig c;
        c.lr = 1, c.max_iter = iters, c.line_search = search;
        const gd::Trajectory tr = ch08::run_one(race, *gd::make_optimizer<double>("lbfgs", c));
        const long k = gd::settled_from(tr.loss, race.goal);
        return std::pair{k, k < 0 ? -1 : ch08::evaluations_until(tr, k)};
    };
    const ch08::Race &rosenbrock = ch08::races()[0], &beale = ch08::races()[1];
    BOOST_TEST((lbfgs(rosenbrock, 20, "strong-wolfe") == std::pair{2L, 50L}));
    BOOST_TEST(lbfgs(rosenbrock, 1, "none").first == -1);
    BOOST_TEST(lbfgs(rosenbrock, 20, "none").first == -1);
    BOOST_TEST((lbfgs(beale, 1, "strong-wolfe") == std::pair{10L, 20L}));
    BOOST_TEST((lbfgs(beale, 1, "none") == std::pair{10L, 10L}));
}

// The race on Beale: everyone arrives, in the text's order; AdaGrad's first step.
BOOST_AUTO_TEST_CASE(the_race_on_beale) {
    const ch08::Race& race = ch08::races()[1];
    const auto paths = ch08::run_race(race, 1.0, race.steps);
    const auto goal = [&](const std::string& n) {
        return gd::settled_from(paths[at(n)].loss, race.goal);
    };
    for (const auto& p : paths) BOOST_TEST(gd::settled_from(p.loss, race.goal) >= 0);
    BOOST_TEST(goal("lbfgs") == 10);
    BOOST_TEST(goal("rprop") == 34);
    BOOST_TEST(goal("adam") == 98);
    BOOST_TEST(goal("amsgrad") == 98);
    BOOST_TEST(goal("adagrad") == 141);
    BOOST_TEST(goal("nesterov") == 151);
    BOOST_TEST(goal("sgd") == 282);
    BOOST_TEST(goal("adadelta") == 2761);
    const gd::Trajectory& ada = paths[at("adagrad")];
    BOOST_TEST(ada.x[1] == -1.0, tt::tolerance(1e-9));  // η = 2 against the gradient's sign
    BOOST_TEST(ada.y[1] == -0.5, tt::tolerance(1e-9));
    BOOST_TEST(paths[at("rmsprop")].loss.back() == 2.2476e-04, digits);
    BOOST_TEST(paths[at("adamw")].loss.back() == 1.9707e-04, digits);
}

// The saddle: from (1, 1e-3) the normalising methods leave first; SGD's y grows by 1 + 2η per
// step, so it needs exactly 73 steps; the summing momentum methods are slower; L-BFGS's line
// search runs away and descend() stops at step 11.
BOOST_AUTO_TEST_CASE(on_the_saddle_adaptive_methods_leave_first) {
    const ch08::Race& saddle = ch08::races()[2];
    BOOST_TEST(saddle.surface == "saddle");
    const auto paths = ch08::run_race(saddle, 1.0, saddle.steps);
    const auto goal = [&](const std::string& n) {
        return gd::settled_from(paths[at(n)].loss, saddle.goal);
    };
    BOOST_TEST(goal("rprop") == 7);
    BOOST_TEST(goal("adadelta") == 7);
    BOOST_TEST(goal("nadam") == 10);
    BOOST_TEST(goal("adam") == 11);
    BOOST_TEST(goal("adagrad") == 19);
    BOOST_TEST(goal("local-gain") == 40);
    BOOST_TEST(goal("sgd") == 73);  // y_k = 1e-3·1.1^k: k > ln 1000/ln 1.1 = 72.5
    BOOST_TEST(goal("radam") == 96);
    BOOST_TEST(goal("nesterov") == 110);
    BOOST_TEST(goal("momentum") == 115);
    BOOST_TEST(paths[at("sgd")].y.back() == 1618, tt::tolerance(1e-3));
    BOOST_TEST(paths[at("adam")].y.back() == 21.96, tt::tolerance(1e-3));
    const gd::Trajectory& lb = paths[at("lbfgs")];
    BOOST_TEST(lb.diverged_at == 11);
    BOOST_TEST(lb.evaluations[2] == 27);
    BOOST_TEST(lb.y[2] == 2.19e9, tt::tolerance(1e-2));
    for (const auto& p : paths)
        if (p.label.rfind("lbfgs", 0) != 0) BOOST_TEST(p.diverged_at == -1);  // finite
    // exercise 4: 38 steps at scale 2, 21 at scale 4
    for (const auto& [scale, steps] : {std::pair{2.0, 38L}, std::pair{4.0, 21L}}) {
        const auto scaled = ch08::run_race(saddle, scale, saddle.steps);
        BOOST_TEST(gd::settled_from(scaled[at("sgd")].loss, saddle.goal) == steps);
    }
}

// Exercises 1 and 2: Adam at η = 0.1 and 0.01; SGD and momentum at η = 0.02.
BOOST_AUTO_TEST_CASE(the_exercises) {
    gd::Adam<double> a1(0.1, 0.7, 0.9), a2(0.01, 0.7, 0.9);
    const gd::LineRun r1 = run(a1), r2 = run(a2);
    BOOST_TEST(r1.end().x == 1.54727, tt::tolerance(1e-5));
    BOOST_TEST(r1.end().y == -28.04554, tt::tolerance(1e-6));
    BOOST_TEST(r2.end().y == -13.91838, tt::tolerance(1e-6));  // 14.9 in 1500 steps of ~η
    gd::Sgd<double> s(0.02);
    gd::MomentumEma<double> m(0.02, 0.95);
    const gd::LineRun rs = run(s), rm = run(m);
    BOOST_TEST(std::abs(rs.end().x) > 1e14);  // SGD explodes
    BOOST_TEST(gd::settled_from(rm.loss, 1e-2) == 253);
    BOOST_TEST(rm.loss.back() < 1e-26);
}

BOOST_AUTO_TEST_SUITE_END()  // test_08_compare

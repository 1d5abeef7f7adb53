// Chapter 07's claims: AdamAnn as a StepDecay schedule is the hand-written "divide by 4 after
// epochs 5, 10, 15", the per-sample run through gd::descend is the one through gd::train_line,
// the annealed runs settle where plain Adam at β2 = 0.9 keeps shaking and plain Adam at
// β2 = 0.999 settles without a schedule, every number the text quotes from the schedule tour,
// the Himmelblau landscape, counts, noise sweep and warm-up, and the exercises' numbers.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "07_restarts/restarts.hpp"
#include "07_restarts/tour.hpp"
#include "core/seeds.hpp"
#include "optim/sgd.hpp"
#include "train/settling.hpp"

BOOST_AUTO_TEST_SUITE(test_07_restarts)

namespace tt = boost::test_tools;

namespace {
constexpr double pi = 3.141592653589793;

// The chapter's 30 points: our generator, seed 7, x uniform in [-10, 10) (chapter 08's too).
gd::Points points(std::uint64_t seed = 7) {
    gd::Rng rng(seed);
    return gd::line_points(30, 1.5, -28, -10, 10, rng);
}

// The first table's runs: Adam (η₀ = 1, β = (0.7, β2)) from (1, 1), 50 epochs, under `s`.
gd::LineRun adam_run(const gd::Schedule* s, double lr = 1, double beta2 = 0.9) {
    const gd::Points pts = points();
    gd::Adam<double> adam(lr, 0.7, beta2);
    return ch07::train_per_sample("run", adam, pts, s, {1, 1}, 50);
}

const gd::Trajectory& tour_run(const std::vector<gd::Trajectory>& runs, const std::string& label) {
    for (const auto& r : runs)
        if (r.label == label) return r;
    throw std::runtime_error("no tour run " + label);
}

const std::vector<gd::Trajectory>& line_tour() {
    static const auto runs = ch07::run_line_tour(points(), 1, 0.7, 0.9, {1, 1}, 50);
    return runs;
}

// The printed numbers have 4 significant digits: 1e-3 relative covers the rounding.
const auto digits = tt::tolerance(1e-3);
}  // namespace

// "Divided by 4 at the end of epochs 5, 10, 15": with 30 updates an epoch, update t belongs to
// epoch ⌊t/30⌋ + 1, so the rate must change exactly between t = 149 and t = 150 (epoch 5 → 6).
BOOST_AUTO_TEST_CASE(step_decay_boundary_is_after_epoch_5) {
    const gd::StepDecay ann(1.0, 5 * 30, 0.25);
    BOOST_TEST(ann.rate(0) == 1.0);
    BOOST_TEST(ann.rate(149) == 1.0);     // last update of epoch 5 still at η₀
    BOOST_TEST(ann.rate(150) == 0.25);    // first update of epoch 6
    BOOST_TEST(ann.rate(299) == 0.25);    // last of epoch 10
    BOOST_TEST(ann.rate(300) == 0.0625);  // first of epoch 11
    BOOST_TEST(ann.rate(1499) == std::pow(0.25, 9));
}

// The hand-written rule, stepped once an epoch, and StepDecay, stepped every update, are the same
// run, bit for bit: the rates are powers of two (1, 1/4, 1/16, ...), so dividing by 4 and
// multiplying by 0.25^k round identically.
BOOST_AUTO_TEST_CASE(adam_ann_by_hand_equals_step_decay) {
    const gd::Points pts = points();
    const gd::LambdaSchedule by_hand = ch07::adam_ann_by_hand(1.0);
    BOOST_TEST(by_hand.rate(4) == 1.0);   // epoch 5 (from 1) still at η₀ ...
    BOOST_TEST(by_hand.rate(5) == 0.25);  // ... epoch 6 at η₀/4
    BOOST_TEST(by_hand.rate(49) == std::pow(0.25, 9));
    gd::Adam<double> adam(1.0, 0.7, 0.9);
    const gd::LineRun hand = ch07::train_per_sample("hand", adam, pts, &by_hand, {1, 1}, 50, true);
    const gd::StepDecay ann(1.0, 150, 0.25);
    const gd::LineRun sched = adam_run(&ann);
    BOOST_REQUIRE_EQUAL(hand.path.size(), sched.path.size());
    BOOST_REQUIRE_EQUAL(hand.path.size(), 1501u);
    for (std::size_t k = 0; k < hand.path.size(); ++k) {
        BOOST_TEST(hand.path[k].x == sched.path[k].x);
        BOOST_TEST(hand.path[k].y == sched.path[k].y);
        BOOST_TEST(hand.lr[k] == sched.lr[k]);
        BOOST_TEST(hand.loss[k] == sched.loss[k]);
    }
    // And any other rate: scaling by a power of two is exact whatever η₀ is.
    for (long epoch : {0L, 4L, 5L, 17L, 49L}) {
        const gd::StepDecay step(0.3, 5, 0.25);
        BOOST_TEST(ch07::adam_ann_by_hand(0.3).rate(epoch) == step.rate(epoch));
    }
}

// The tour runs through gd::descend on PerSampleLine (so that a plateau hears the loss); without
// a plateau that is the line-fit loop's run, bit for bit: the same gradients in the same order,
// the same rates, the same losses.
BOOST_AUTO_TEST_CASE(descend_per_sample_is_train_per_sample) {
    const gd::Points pts = points();
    const gd::CosineAnnealing cosine(1.0, 1500);
    gd::Adam<double> a(1, 0.7, 0.9), b(1, 0.7, 0.9);
    const gd::LineRun line = ch07::train_per_sample("line", a, pts, &cosine, {1, 1}, 50);
    const gd::Trajectory tr = ch07::descend_per_sample(b, pts, &cosine, {1, 1}, 1500);
    BOOST_REQUIRE_EQUAL(tr.size(), line.path.size());
    for (std::size_t k = 0; k < tr.size(); ++k) {
        BOOST_TEST(tr.x[k] == line.path[k].x);
        BOOST_TEST(tr.y[k] == line.path[k].y);
        BOOST_TEST(tr.loss[k] == line.loss[k]);
        if (k > 0) BOOST_TEST(tr.lr[k] == line.lr[k]);
    }
}

// The first table: plain Adam at η = 1, β2 = 0.9 shakes by ~1 in the last epoch; both annealed
// runs end within 1e-4; a tenth of the rate still shakes; β2 = 0.999 settles exactly. The
// bounds leave an order of magnitude, so they test the claims; then the digits the text quotes.
BOOST_AUTO_TEST_CASE(annealed_runs_settle_plain_adam_shakes) {
    const gd::StepDecay ann(1.0, 150, 0.25);
    const gd::CosineAnnealing cosine(1.0, 1500);
    const gd::LineRun plain = adam_run(nullptr), annealed = adam_run(&ann), cos = adam_run(&cosine),
                      memory = adam_run(nullptr, 1, 0.999), small = adam_run(nullptr, 0.1);
    const auto shake = [](const gd::LineRun& r) {
        const ch07::Shake s = ch07::final_shake(r, 30);
        return std::max(s.a, s.b);
    };
    BOOST_TEST(shake(plain) > 0.5);
    BOOST_TEST(gd::settled_from(plain.loss, 1e-2) == -1);
    for (const gd::LineRun* r : {&annealed, &cos}) {
        BOOST_TEST(shake(*r) < 1e-3);
        BOOST_TEST(std::abs(r->end().x - 1.5) < 1e-4);
        BOOST_TEST(std::abs(r->end().y + 28) < 1e-4);
        BOOST_TEST(r->loss.back() < 1e-6 * plain.loss.back());  // six decades below
    }
    BOOST_TEST(shake(small) > 0.1);
    BOOST_TEST(memory.loss.back() == 0.0);  // exactly on the line
    BOOST_TEST(shake(memory) == 0.0);
    // the numbers the text quotes
    BOOST_TEST(std::abs(plain.end().x - 1.5) == 9.013e-02, digits);
    BOOST_TEST(shake(plain) == 9.451e-01, digits);
    BOOST_TEST(std::abs(annealed.end().x - 1.5) == 1.032e-06, digits);
    BOOST_TEST(gd::settled_from(annealed.loss, 1e-2) == 453);
    BOOST_TEST(std::abs(cos.end().y + 28) == 1.583e-05, digits);
    BOOST_TEST(gd::settled_from(memory.loss, 1e-2) == 74);
    // with PyTorch's β1 = 0.9 as well: slower, but settled (within 2e-5 over the last epoch)
    const gd::Points pts = points();
    gd::Adam<double> torch_defaults(1, 0.9, 0.999);
    const gd::LineRun both =
        ch07::train_per_sample("both", torch_defaults, pts, nullptr, {1, 1}, 50);
    BOOST_TEST(gd::settled_from(both.loss, 1e-2) == 1238);
    BOOST_TEST(shake(both) == 2.096e-05, digits);
    BOOST_TEST(shake(small) == 1.430e-01, digits);
    // the same AdamAnn as chapter 08's table: loss 4.063e-11
    BOOST_TEST(annealed.loss.back() == 4.063e-11, digits);
}

// The tour's rows the text quotes.
BOOST_AUTO_TEST_CASE(the_line_tour) {
    const auto& runs = line_tour();
    const auto shake = [](const gd::Trajectory& r) {
        const ch07::Shake s = ch07::final_shake(r, 30);
        return std::max(s.a, s.b);
    };
    const auto& ms = tour_run(runs, "multistep 50%, 75%");
    BOOST_TEST(ms.lr.back() == 0.01, tt::tolerance(1e-12));
    BOOST_TEST(shake(ms) == 2.664e-02, digits);
    BOOST_TEST(shake(tour_run(runs, "polynomial, p = 1")) == 4.083e-03, digits);
    BOOST_TEST(gd::settled_from(tour_run(runs, "polynomial, p = 1").loss, 1e-2) == 1423);
    BOOST_TEST(gd::settled_from(tour_run(runs, "polynomial, p = 2").loss, 1e-2) == 1186);
    const double cosine_b = 1.583e-05,
                 warm_b = std::abs(tour_run(runs, "warm-up + cosine").y.back() + 28);
    BOOST_TEST(warm_b == 2.763e-05, digits);
    BOOST_TEST(warm_b < 2 * cosine_b);  // the warm-up buys nothing here
    const double one_b = std::abs(tour_run(runs, "one-cycle").y.back() + 28);
    const double cycled_b = std::abs(tour_run(runs, "one-cycle, beta1 cycled").y.back() + 28);
    BOOST_TEST(one_b == 1.263e-05, digits);
    BOOST_TEST(cycled_b == 7.091e-03, digits);
    BOOST_TEST(cycled_b > 500 * one_b);
    BOOST_TEST(tour_run(runs, "  same, beta2 0.999").loss.back() == 0.0);
    BOOST_TEST(std::abs(tour_run(runs, "  no cycle, beta1 0.95").y.back() + 28) == 7.666e-03,
               digits);
    const auto& trough = tour_run(runs, "cyclic, ends at a trough");
    BOOST_TEST(trough.lr.back() == 7.660e-03, digits);
    BOOST_TEST(shake(trough) == 5.886e-02, digits);
    BOOST_TEST(shake(tour_run(runs, "cyclic, triangular2")) == 2.525e-03, digits);
    BOOST_TEST(shake(tour_run(runs, "cyclic, ends near a peak")) == 9.039e-01, digits);
    const auto& plateau = tour_run(runs, "plateau, patience 1 ep.");
    BOOST_TEST(gd::settled_from(plateau.loss, 1e-2) == 237);
    BOOST_TEST(plateau.lr.back() == 1.490e-08, digits);
    const auto& patient = tour_run(runs, "plateau, patience 5 ep.");
    BOOST_TEST(gd::settled_from(patient.loss, 1e-2) == 962);
    BOOST_TEST(patient.lr.back() == 3.906e-03, digits);
    BOOST_TEST(shake(patient) == 1.292e-02, digits);
}

// The formulas the text writes for the curves, evaluated independently of the library.
BOOST_AUTO_TEST_CASE(rate_curves_follow_the_formulas) {
    const gd::CosineAnnealing cosine(1.0, 1000);
    const gd::CosineWarmRestarts sgdr(1.0, 100, 2);
    for (long t : {0L, 1L, 250L, 500L, 999L}) {
        // η_t = ½(1 + cos(πt/T)); 1e-15 absolute: a few roundings of numbers below 1
        BOOST_TEST(std::abs(cosine.rate(t) - 0.5 * (1 + std::cos(pi * t / 1000.0))) < 1e-15);
    }
    // SGDR with T_mult = 2: cycles 100, 200, 400 start at t = 0, 100, 300, 700 with η₀
    for (long start : {0L, 100L, 300L, 700L}) BOOST_TEST(sgdr.rate(start) == 1.0);
    BOOST_TEST(sgdr.rate(299) < 1e-3);  // the end of the 200-long cycle is near 0, never 0
    BOOST_TEST(sgdr.rate(299) > 0.0);
    // one-cycle: starts at max_lr/25, peaks at update 0.3·1000 − 1, ends at max_lr/25/1e4
    const gd::OneCycle one(1.0, 1000);
    BOOST_TEST(one.rate(0) == 1.0 / 25, tt::tolerance(1e-12));
    BOOST_TEST(one.rate(299) == 1.0, tt::tolerance(1e-12));
    BOOST_TEST(one.rate(999) == 1.0 / 25 / 1e4, tt::tolerance(1e-9));
    BOOST_CHECK_THROW(one.rate(1000), gd::UsageError);  // it ends
    // the triangle: up over u updates, down over d; μ the other way (cycles of 200 from 0.1 to 1)
    const auto hill = ch07::himmelblau_tour(1.0, 1000, 200, 1);
    const auto cyclic = hill[4].make();  // "cyclic, mu cycled"
    BOOST_TEST(cyclic->rate(0) == 0.1, tt::tolerance(1e-12));
    BOOST_TEST(cyclic->rate(100) == 1.0, tt::tolerance(1e-12));
    BOOST_TEST(cyclic->rate(50) == 0.55, tt::tolerance(1e-12));
    BOOST_TEST(cyclic->momentum(100) == 0.8, tt::tolerance(1e-12));
    BOOST_TEST(cyclic->momentum(200) == 0.9, tt::tolerance(1e-12));
    // the warm-up: from η₀/3, never quite η₀, then the cosine from its own update 0
    const auto line = ch07::line_tour(1.0, 1000, 20);
    const auto warm = line[3].make();  // "warm-up + cosine": 100 updates, then a cosine of 900
    BOOST_TEST(warm->rate(0) == 1.0 / 3, tt::tolerance(1e-12));
    BOOST_TEST(warm->rate(99) == 1.0 / 3 + 2.0 / 3 * 99 / 100, tt::tolerance(1e-12));
    BOOST_TEST(warm->rate(100) == 1.0);
    BOOST_TEST(warm->rate(550) == 0.5, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(restart_points_and_nearest_minimum) {
    BOOST_TEST(ch07::restart_points(100, 1, 600) ==
               (std::vector<long>{100, 200, 300, 400, 500, 600}));
    BOOST_TEST(ch07::restart_points(100, 2, 800) == (std::vector<long>{100, 300, 700, 800}));
    const gd::Himmelblau f;
    const auto m = f.minima();
    for (std::size_t i = 0; i < m.size(); ++i) {
        BOOST_TEST(ch07::nearest_minimum(f, m[i].x + 0.3, m[i].y - 0.2) == i);
    }
}

// The passes are saddle points (gradient zero, Hessian of both signs) at the printed heights,
// and the curvatures and the stability limit are the printed ones.
BOOST_AUTO_TEST_CASE(the_landscape) {
    const gd::Himmelblau f;
    const double heights[] = {13.31, 67.72, 104.02, 178.34};
    const auto passes = ch07::himmelblau_passes();
    for (std::size_t k = 0; k < 4; ++k) {
        const gd::Point2 p = passes[k].at, g = f.grad(p.x, p.y);
        BOOST_TEST(std::hypot(g.x, g.y) < 1e-9);
        const ch07::Hessian2 h = ch07::himmelblau_hessian(p.x, p.y);
        BOOST_TEST(h.xx * h.yy - h.xy * h.xy < 0);  // a saddle, not a minimum
        BOOST_TEST(f.value(p.x, p.y) == heights[k], tt::tolerance(5e-4));
    }
    const double lambdas[] = {82.3, 80.6, 133.8, 105.4};
    for (std::size_t i = 0; i < 4; ++i) {
        const gd::Point2 m = f.minima()[i];
        BOOST_TEST(ch07::himmelblau_hessian(m.x, m.y).lambda_max() == lambdas[i],
                   tt::tolerance(1e-3));
        // against finite differences of the analytic gradient (step 1e-5: error ~1e-6 relative)
        const double e = 1e-5;
        const gd::Point2 gx = f.grad(m.x + e, m.y), gx0 = f.grad(m.x - e, m.y);
        BOOST_TEST((gx.x - gx0.x) / (2 * e) == ch07::himmelblau_hessian(m.x, m.y).xx,
                   tt::tolerance(1e-6));
    }
    const double corner = ch07::himmelblau_hessian(5, 5).lambda_max();
    BOOST_TEST(std::round(corner) == 327);
    BOOST_TEST(2 * 1.9 / corner == 0.0116, tt::tolerance(5e-3));
    BOOST_TEST(2 * 1.9 / lambdas[2] == 0.028, tt::tolerance(2e-2));
}

// With exact gradients a settled run sits where the gradient is 0, so a restart's large rate
// multiplies nothing: no run changes minimum at a restart. With noisy gradients they do; the
// counts of the chapter's Himmelblau table.
BOOST_AUTO_TEST_CASE(the_himmelblau_counts) {
    ch07::Exploring x;  // the chapter's defaults: 240 runs, σ = 20, seed 7
    const auto tour = ch07::himmelblau_tour(x.lr, x.steps, x.t0, x.t_mult);
    const auto t = ch07::tally_tour(x, tour);
    // constant, cosine, SGDR
    BOOST_TEST(t[0].hops == 172);
    BOOST_TEST(t[0].runs_hopped == 104);
    BOOST_TEST(t[1].hops == 45);
    BOOST_TEST(t[1].runs_hopped == 39);
    BOOST_TEST(t[2].hops == 61);
    BOOST_TEST(t[2].runs_hopped == 52);
    BOOST_TEST(t[1].by_interval == (std::vector<int>{34, 8, 3, 0, 0}), tt::per_element());
    BOOST_TEST(t[2].by_interval == (std::vector<int>{16, 7, 12, 13, 13}), tt::per_element());
    BOOST_TEST(t[0].by_interval[0] == 34);
    BOOST_TEST((t[1].group_min == 1 && t[1].group_max == 9));
    BOOST_TEST((t[2].group_min == 3 && t[2].group_max == 9));
    for (int k : {0, 1, 2}) {
        BOOST_TEST(t[k].other_hops == 0);  // every hop across the lowest pass
        BOOST_TEST(t[k].ends_in[1] == 64);
        BOOST_TEST(t[k].ends_in[2] == 48);
    }
    BOOST_TEST((t[1].ends_in[0] == 69 && t[1].ends_in[3] == 59));
    BOOST_TEST((t[2].ends_in[0] == 74 && t[2].ends_in[3] == 54));
    // cyclic 43 → 5 with μ cycled; one-cycle 74 → 26; the plateau never hops
    BOOST_TEST(tour[3].label == "cyclic");
    BOOST_TEST(t[3].hops == 43);
    BOOST_TEST(t[4].hops == 5);
    BOOST_TEST(t[5].hops == 74);
    BOOST_TEST(t[6].hops == 26);
    BOOST_TEST(tour[10].label == "plateau");
    BOOST_TEST(t[10].hops == 0);
}

// The noise sweep: nothing hops up to σ = 10, with exact gradients included; at σ = 15 SGDR
// hops 14 times, the cosine twice; higher passes are crossed from σ = 25 at a constant rate
// (twice) and under all three schedules from σ = 30.
BOOST_AUTO_TEST_CASE(the_noise_sweep) {
    ch07::Exploring x;
    const auto tour = ch07::himmelblau_tour(x.lr, x.steps, x.t0, x.t_mult);
    const std::vector<ch07::TourEntry> three{tour[0], tour[1], tour[2]};
    for (double sigma : {0.0, 10.0}) {
        x.noise = sigma;
        for (const auto& t : ch07::tally_tour(x, three)) BOOST_TEST(t.hops == 0);
    }
    x.noise = 15;
    auto t = ch07::tally_tour(x, three);
    BOOST_TEST(t[0].hops == 34);
    BOOST_TEST(t[1].hops == 2);
    BOOST_TEST(t[2].hops == 14);
    x.noise = 25;
    t = ch07::tally_tour(x, three);
    BOOST_TEST(t[0].other_hops == 2);
    BOOST_TEST(t[1].other_hops == 0);
    BOOST_TEST(t[2].other_hops == 0);
    x.noise = 30;
    t = ch07::tally_tour(x, three);
    BOOST_TEST(t[0].other_hops == 16);
    BOOST_TEST(t[1].other_hops == 4);
    BOOST_TEST(t[2].other_hops == 11);
    // exact gradients: every run settles, as the restarts' "nothing to push with" says
    x.noise = 0;
    for (const auto& e : ch07::tally_tour(x, three)) BOOST_TEST(e.settled == 240);
}

// The hop counts' controls: on three other draws (seeds 8-10) the order constant > SGDR > cosine
// holds and SGDR hops 1.4 to 2.1 times as often as the cosine; at μ = 0.8 the cosine never hops,
// at μ = 0.5 nothing does, and more noise (ησ²/(1 − μ) back near 12) brings the hops back.
BOOST_AUTO_TEST_CASE(the_hop_controls) {
    ch07::Exploring x;
    const auto tour = ch07::himmelblau_tour(x.lr, x.steps, x.t0, x.t_mult);
    const std::vector<ch07::TourEntry> three{tour[0], tour[1], tour[2]};
    const int expected[][3] = {{181, 39, 66}, {124, 24, 49}, {164, 38, 80}};
    double lo = 1e9, hi = 0;
    for (int k = 0; k < 3; ++k) {
        x.seed = 8 + std::uint64_t(k);
        const auto t = ch07::tally_tour(x, three);
        for (int j = 0; j < 3; ++j) BOOST_TEST(t[std::size_t(j)].hops == expected[k][j]);
        BOOST_TEST((t[0].hops > t[2].hops && t[2].hops > t[1].hops));
        const double ratio = double(t[2].hops) / t[1].hops;
        lo = std::min(lo, ratio), hi = std::max(hi, ratio);
    }
    BOOST_TEST(std::min(lo, 61.0 / 45) == 1.36, tt::tolerance(1e-2));  // seed 7's is the smallest
    BOOST_TEST(hi == 2.11, tt::tolerance(1e-2));
    x.seed = 7;
    const auto hops = [&](double mu, double sigma) {
        x.momentum = mu, x.noise = sigma;
        std::vector<int> h;
        for (const auto& t : ch07::tally_tour(x, three)) h.push_back(t.hops);
        return h;
    };
    BOOST_TEST(hops(0.8, 20) == (std::vector<int>{21, 0, 4}), tt::per_element());
    BOOST_TEST(hops(0.5, 20) == (std::vector<int>{0, 0, 0}), tt::per_element());
    BOOST_TEST(hops(0.5, 40) == (std::vector<int>{62, 10, 16}), tt::per_element());
    BOOST_TEST(hops(0.0, 60) == (std::vector<int>{47, 9, 17}), tt::per_element());
}

// The warm-up table and exercise 4: runs lost / settled with exact gradients.
BOOST_AUTO_TEST_CASE(the_warm_up_rescues_a_large_rate) {
    ch07::Exploring x;
    x.noise = 0;
    const int lost_cosine[] = {0, 120, 179, 212}, lost_warm[] = {0, 0, 20, 72};
    const double rates[] = {0.003, 0.02, 0.025, 0.03};
    for (int k = 0; k < 4; ++k) {
        x.lr = rates[k];
        const auto tour = ch07::himmelblau_tour(x.lr, x.steps, x.t0, x.t_mult);
        BOOST_TEST(tour[7].label == "warm-up + cosine");
        const auto t = ch07::tally_tour(x, {tour[1], tour[7]});
        BOOST_TEST(t[0].lost == lost_cosine[k]);
        BOOST_TEST(t[1].lost == lost_warm[k]);
        BOOST_TEST(t[0].lost + t[0].settled == 240);
    }
}

// Exercises 1 and 2: AdamAnn dividing every 1, 2, 10 or 25 epochs; plain Adam at β2 0.95 to 0.99.
BOOST_AUTO_TEST_CASE(the_exercises) {
    const auto shake = [](const gd::LineRun& r) {
        const ch07::Shake s = ch07::final_shake(r, 30);
        return std::max(s.a, s.b);
    };
    const gd::StepDecay every1(1, 30, 0.25), every5(1, 150, 0.25), every10(1, 300, 0.25),
        every25(1, 750, 0.25);
    BOOST_TEST(std::abs(adam_run(&every1).end().y + 28) == 3.558e-01, digits);
    const gd::StepDecay every2(1, 60, 0.25);
    const gd::LineRun r2 = adam_run(&every2);
    BOOST_TEST(shake(r2) < 2e-14);  // every 2 epochs: the closest
    BOOST_TEST(shake(r2) < 1e-6 * shake(adam_run(&every5)));
    BOOST_TEST(shake(adam_run(&every10)) == 7.128e-03, digits);
    BOOST_TEST(shake(adam_run(&every25)) == 2.833e-01, digits);
    BOOST_TEST(shake(adam_run(nullptr, 1, 0.95)) == 1.858, digits);
    BOOST_TEST(shake(adam_run(nullptr, 1, 0.97)) == 2.207, digits);
    const gd::LineRun b99 = adam_run(nullptr, 1, 0.99);
    BOOST_TEST(b99.loss.back() == 0.0);
    BOOST_TEST(gd::settled_from(b99.loss, 1e-2) == 80);
    // exercise 3: SGDR with cycles 50, 100, 200, 400 hops 9, 19, 52 times at their ends
    ch07::Exploring x;
    x.t0 = 50, x.t_mult = 2, x.steps = 750;
    const auto tour = ch07::himmelblau_tour(x.lr, x.steps, x.t0, x.t_mult);
    const auto t = ch07::tally_tour(x, {tour[2], tour[0]});
    BOOST_TEST(t[0].by_interval == (std::vector<int>{9, 19, 52}), tt::per_element());
    // the constant rate over the same intervals: fewer per update the longer the interval
    BOOST_TEST(t[1].by_interval == (std::vector<int>{38, 44, 64}), tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()  // test_07_restarts

// The seeded generator: published reference outputs, determinism and the distributions' moments.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/rng.hpp"

BOOST_AUTO_TEST_SUITE(test_rng)

BOOST_AUTO_TEST_CASE(splitmix64_matches_the_reference_implementation) {
    // The first outputs of Vigna's splitmix64.c seeded with 1234567.
    std::uint64_t state = 1234567;
    const std::uint64_t expected[] = {6457827717110365317ULL, 3203168211198807973ULL,
                                      9817491932198370423ULL, 4593380528125082431ULL,
                                      16408922859458223821ULL};
    for (std::uint64_t e : expected) BOOST_TEST(gd::splitmix64(state) == e);
}

BOOST_AUTO_TEST_CASE(xoshiro256starstar_matches_the_reference_implementation) {
    // Vigna's xoshiro256starstar.c started from the state {1, 2, 3, 4}.
    gd::Rng rng;
    rng.set_state({1, 2, 3, 4});
    const std::uint64_t expected[] = {11520ULL,
                                      0ULL,
                                      1509978240ULL,
                                      1215971899390074240ULL,
                                      1216172134540287360ULL,
                                      607988272756665600ULL};
    for (std::uint64_t e : expected) BOOST_TEST(rng.next() == e);
}

BOOST_AUTO_TEST_CASE(a_seed_fixes_the_sequence) {
    // Seed 42 through splitmix64 into xoshiro256**, computed independently in Python.
    gd::Rng rng(42);
    BOOST_TEST(rng.next() == 1546998764402558742ULL);
    BOOST_TEST(rng.next() == 6990951692964543102ULL);
    BOOST_TEST(rng.uniform() == 0.6800434110281394);  // (word >> 11) * 2^-53 is exact
    gd::Rng a(7), b(7), c(8);
    for (int i = 0; i < 100; ++i) {
        const auto x = a.next();
        BOOST_TEST(x == b.next());
        BOOST_TEST(x != c.next());
    }
}

BOOST_AUTO_TEST_CASE(saved_state_resumes_the_sequence) {
    gd::Rng rng(3);
    for (int i = 0; i < 10; ++i) rng.next();
    gd::Rng copy;
    copy.set_state(rng.state());
    for (int i = 0; i < 10; ++i) BOOST_TEST(copy.next() == rng.next());
}

BOOST_AUTO_TEST_CASE(uniform_and_normal_have_the_right_moments) {
    // n = 200000 draws: the sample mean's standard error is 0.00065 for U(0,1) and 0.0022 for
    // N(0,1); tolerances of about five standard errors make a false failure vanishingly rare.
    gd::Rng rng(1);
    const int n = 200000;
    double su = 0, sn = 0, sn2 = 0, lo = 1, hi = 0;
    for (int i = 0; i < n; ++i) {
        const double u = rng.uniform();
        lo = std::min(lo, u);
        hi = std::max(hi, u);
        su += u;
        const double z = rng.normal();
        sn += z;
        sn2 += z * z;
    }
    BOOST_TEST(lo >= 0.0);
    BOOST_TEST(hi < 1.0);
    BOOST_TEST(std::abs(su / n - 0.5) < 0.0035);
    BOOST_TEST(std::abs(sn / n) < 0.011);
    BOOST_TEST(std::abs(sn2 / n - 1.0) < 0.016);  // var of z² is 2: s.e. 0.0032
}

BOOST_AUTO_TEST_CASE(integers_are_in_range_and_unbiased) {
    gd::Rng rng(5);
    std::vector<int> counts(6, 0);
    const int n = 60000;
    for (int i = 0; i < n; ++i) {
        const auto k = rng.randint(-10, -4);
        BOOST_REQUIRE(k >= -10);
        BOOST_REQUIRE(k < -4);
        ++counts[static_cast<std::size_t>(k + 10)];
    }
    // Pearson's chi-square with 5 degrees of freedom: 20.5 is its 0.999 quantile.
    double chi2 = 0;
    for (int c : counts) chi2 += (c - n / 6.0) * (c - n / 6.0) / (n / 6.0);
    BOOST_TEST(chi2 < 20.5);
}

BOOST_AUTO_TEST_CASE(shuffle_is_a_seeded_permutation) {
    gd::Rng r1(9), r2(9);
    const auto p1 = gd::permutation(50, r1);
    const auto p2 = gd::permutation(50, r2);
    BOOST_TEST(p1 == p2);
    auto sorted = p1;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size(); ++i) BOOST_TEST(sorted[i] == i);
    BOOST_TEST(!std::is_sorted(p1.begin(), p1.end()));
}

BOOST_AUTO_TEST_SUITE_END()  // test_rng

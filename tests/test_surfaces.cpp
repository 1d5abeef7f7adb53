// The playground's test surfaces: analytic gradients against central differences, and minima.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <map>

#include "problems/surfaces.hpp"

BOOST_AUTO_TEST_SUITE(test_surfaces)

BOOST_AUTO_TEST_CASE(gradients_match_central_differences) {
    // Central differences err by O(h²)·f''' plus rounding ε·|f|/h. With h = 1e-6 and these
    // surfaces (|f| up to ~1e6 on Goldstein–Price's grid, where ε|f|/h ≈ 2e-4 against a gradient
    // of ~1e6), both stay below ~1e-4 relative to the gradient plus an absolute floor of 1e-3:
    // a wrong term in a gradient is off by orders more. The grid avoids the origin, where
    // Ackley's cone has no derivative (see below).
    for (const auto& name : gd::surface_names()) {
        const auto s = gd::make_surface(name);
        const gd::Box b = s->frame();
        for (int i = 0; i <= 6; ++i) {
            for (int j = 0; j <= 6; ++j) {
                const double x = b.x0 + (b.x1 - b.x0) * (i + 0.37) / 7.0;
                const double y = b.y0 + (b.y1 - b.y0) * (j + 0.61) / 7.0;
                const double h = 1e-6;
                const double dx = (s->value(x + h, y) - s->value(x - h, y)) / (2 * h);
                const double dy = (s->value(x, y + h) - s->value(x, y - h)) / (2 * h);
                const gd::Point2 g = s->grad(x, y);
                BOOST_TEST_INFO(name << " at (" << x << ", " << y << ")");
                BOOST_TEST(std::abs(g.x - dx) <= 1e-4 * std::abs(dx) + 1e-3);
                BOOST_TEST(std::abs(g.y - dy) <= 1e-4 * std::abs(dy) + 1e-3);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(minima_are_stationary_and_lowest) {
    // The known values at the minima: 0 but for two of the classic functions. Goldstein–Price's
    // 3 comes out exactly; Styblinski–Tang's x* is a rounded root, its value good to ~1e-15.
    const std::map<std::string, double> lowest = {{"goldstein-price", 3.0},
                                                  {"styblinski-tang", -78.33233140754282}};
    for (const auto& name : gd::surface_names()) {
        const auto s = gd::make_surface(name);
        const double want = lowest.count(name) ? lowest.at(name) : 0.0;
        for (const gd::Point2& m : s->minima()) {
            BOOST_TEST_INFO(name << " minimum (" << m.x << ", " << m.y << ")");
            const gd::Point2 g = s->grad(m.x, m.y);
            const double f = s->value(m.x, m.y);
            BOOST_TEST(std::hypot(g.x, g.y) < 1e-9);
            BOOST_TEST(std::abs(f - want) <= 1e-18 + 1e-15 * std::abs(want));
            for (double d : {1e-3, -1e-3}) {  // a strict local minimum: every nudge goes up
                BOOST_TEST(s->value(m.x + d, m.y) > f);
                BOOST_TEST(s->value(m.x, m.y + d) > f);
            }
            // and the lowest: no point of a 101 × 101 grid over the frame is below it (up to
            // 1e-12: Himmelblau's irrational minima are given to 12 digits, ~1e-23 above 0).
            const gd::Box b = s->frame();
            double grid_min = f;
            for (int i = 0; i <= 100; ++i) {
                for (int j = 0; j <= 100; ++j) {
                    grid_min = std::min(grid_min, s->value(b.x0 + (b.x1 - b.x0) * i / 100.0,
                                                           b.y0 + (b.y1 - b.y0) * j / 100.0));
                }
            }
            BOOST_TEST(grid_min >= f - 1e-12);
        }
    }
    BOOST_TEST(gd::make_surface("saddle")->minima().empty());
}

BOOST_AUTO_TEST_CASE(ackley_has_a_finite_subgradient_at_its_tip) {
    // Ackley's minimum is the tip of a cone: along the x axis the derivative 2e^(−0.2r)·x/r
    // jumps from −2√2 to +2√2 across the origin, so there is none there. The gradient returns
    // 0, the subgradient that says "stay", never NaN; a hair away it is the cone's slope.
    const auto a = gd::make_surface("ackley");
    const gd::Point2 g = a->grad(0, 0);
    BOOST_TEST(g.x == 0.0);
    BOOST_TEST(g.y == 0.0);
    BOOST_TEST(a->value(0, 0) == 0.0);
    const gd::Point2 near = a->grad(1e-12, 0);
    BOOST_TEST(std::abs(near.x - 2 * std::sqrt(2.0)) < 1e-6);
    BOOST_TEST(std::isfinite(a->grad(0, 1e-300).y));
}

BOOST_AUTO_TEST_CASE(the_rotated_ravine_is_the_ravine_turned_by_45_degrees) {
    // f(R·(u, v)) = 0.1u² + 2v² with R the rotation by 45°: the same surface in other axes.
    const auto r = gd::make_surface("rotated-ravine"), plain = gd::make_surface("ravine");
    const double c = std::sqrt(0.5);
    for (double u : {-3.0, 0.5, 2.0}) {
        for (double v : {-1.0, 0.25, 1.5}) {
            const double x = c * (u - v), y = c * (u + v);
            BOOST_TEST(r->value(x, y) == plain->value(u, v), boost::test_tools::tolerance(1e-14));
        }
    }
}

BOOST_AUTO_TEST_CASE(unknown_surface_is_a_usage_error) {
    BOOST_CHECK_THROW(gd::make_surface("sphere"), gd::UsageError);
}

BOOST_AUTO_TEST_SUITE_END()  // test_surfaces

// The playground's test surfaces: analytic gradients against central differences, and minima.
#define BOOST_TEST_MODULE surfaces
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "problems/surfaces.hpp"

BOOST_AUTO_TEST_CASE(gradients_match_central_differences) {
    // Central differences err by O(h²)·f''' plus rounding ε·|f|/h. With h = 1e-6 and these
    // polynomials (|f| up to ~1e5 on the grid), both stay below ~1e-4 relative to the gradient
    // plus an absolute floor of 1e-3: a wrong term in a gradient is off by orders more.
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
    for (const auto& name : gd::surface_names()) {
        const auto s = gd::make_surface(name);
        for (const gd::Point2& m : s->minima()) {
            BOOST_TEST_INFO(name << " minimum (" << m.x << ", " << m.y << ")");
            const gd::Point2 g = s->grad(m.x, m.y);
            BOOST_TEST(std::hypot(g.x, g.y) < 1e-9);
            BOOST_TEST(std::abs(s->value(m.x, m.y)) < 1e-18);
            for (double d : {1e-3, -1e-3}) {  // a strict local minimum: every nudge goes up
                BOOST_TEST(s->value(m.x + d, m.y) > s->value(m.x, m.y));
                BOOST_TEST(s->value(m.x, m.y + d) > s->value(m.x, m.y));
            }
        }
    }
    BOOST_TEST(gd::make_surface("saddle")->minima().empty());
}

BOOST_AUTO_TEST_CASE(unknown_surface_is_a_usage_error) {
    BOOST_CHECK_THROW(gd::make_surface("sphere"), gd::UsageError);
}

// test_functions.hpp: classic optimization test functions, with their analytic gradients.
//
// Introduced with the playground, for racing optimizers beyond the book's surfaces.
// Definitions, minima and the usual search boxes follow Surjanovic and Bingham's "Virtual Library
// of Simulation Experiments" (https://www.sfu.ca/~ssurjano/optimization.html) and Jamil and
// Yang, "A literature survey of benchmark functions for global optimization problems" (2013).
//   booth             (x + 2y − 7)² + (2x + y − 5)²             a tilted bowl; minimum (1, 3)
//   matyas            0.26(x² + y²) − 0.48xy                     a flat, stretched bowl; (0, 0)
//   three-hump-camel  2x² − 1.05x⁴ + x⁶/6 + xy + y²              two side pits besides (0, 0)
//   goldstein-price   [1 + (x+y+1)²(19 − 14x + 3x² − 14y + 6xy + 3y²)]
//                     × [30 + (2x−3y)²(18 − 32x + 12x² + 48y − 36xy + 27y²)]   value 3 at (0, −1)
//   rastrigin         20 + Σ (x² − 10 cos 2πx)                   a bowl covered in pits; (0, 0)
//   ackley            −20 e^(−0.2 √(½(x²+y²))) − e^(½(cos 2πx + cos 2πy)) + e + 20
//                                                                a funnel of ripples; (0, 0)
//   styblinski-tang   ½ Σ (x⁴ − 16x² + 5x)                       four pits, the lowest at
//                                                                x = y = −2.9035...
// Each gradient is written out term by term; tests/test_surfaces.cpp checks it against central
// differences and the minima against the grid. Every minimum's value is 0 but Goldstein–Price's
// (3) and Styblinski–Tang's (−78.332...).
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "problems/plane.hpp"
#include "problems/surface.hpp"

namespace gd {

class Booth : public Surface2 {
  public:
    std::string name() const override { return "booth"; }
    double value(double x, double y) const override {
        const double u = x + 2 * y - 7, v = 2 * x + y - 5;
        return u * u + v * v;
    }
    Point2 grad(double x, double y) const override {
        const double u = x + 2 * y - 7, v = 2 * x + y - 5;
        return {2 * u + 4 * v, 4 * u + 2 * v};
    }
    std::vector<Point2> minima() const override { return {{1, 3}}; }
    Box frame() const override { return {-10, 10, -10, 10}; }
};

class Matyas : public Surface2 {
  public:
    std::string name() const override { return "matyas"; }
    double value(double x, double y) const override {
        return 0.26 * (x * x + y * y) - 0.48 * x * y;
    }
    Point2 grad(double x, double y) const override {
        return {0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x};
    }
    std::vector<Point2> minima() const override { return {{0, 0}}; }
    Box frame() const override { return {-10, 10, -10, 10}; }
};

class ThreeHumpCamel : public Surface2 {
  public:
    std::string name() const override { return "three-hump-camel"; }
    double value(double x, double y) const override {
        const double x2 = x * x;
        return 2 * x2 - 1.05 * x2 * x2 + x2 * x2 * x2 / 6 + x * y + y * y;
    }
    Point2 grad(double x, double y) const override {
        const double x2 = x * x;
        return {4 * x - 4.2 * x2 * x + x2 * x2 * x + y, x + 2 * y};
    }
    std::vector<Point2> minima() const override { return {{0, 0}}; }
    Box frame() const override { return {-3, 3, -3, 3}; }
};

class GoldsteinPrice : public Surface2 {
  public:
    std::string name() const override { return "goldstein-price"; }
    double value(double x, double y) const override {
        const Parts p(x, y);
        return p.P * p.Q;
    }
    // ∇(PQ) = Q∇P + P∇Q, with P = 1 + a²A and Q = 30 + b²B.
    Point2 grad(double x, double y) const override {
        const Parts p(x, y);
        const double dA = -14 + 6 * x + 6 * y;  // ∂A/∂x = ∂A/∂y
        const double Px = 2 * p.a * p.A + p.a * p.a * dA, Py = Px;
        const double Qx = 4 * p.b * p.B + p.b * p.b * (-32 + 24 * x - 36 * y);
        const double Qy = -6 * p.b * p.B + p.b * p.b * (48 - 36 * x + 54 * y);
        return {Px * p.Q + p.P * Qx, Py * p.Q + p.P * Qy};
    }
    std::vector<Point2> minima() const override { return {{0, -1}}; }
    Box frame() const override { return {-2, 2, -2, 2}; }

  private:
    struct Parts {  // a = x + y + 1, b = 2x − 3y, the two quadratics A, B, the factors P, Q
        double a, A, b, B, P, Q;
        Parts(double x, double y)
            : a(x + y + 1),
              A(19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y),
              b(2 * x - 3 * y),
              B(18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y),
              P(1 + a * a * A),
              Q(30 + b * b * B) {}
    };
};

class Rastrigin : public Surface2 {
  public:
    std::string name() const override { return "rastrigin"; }
    double value(double x, double y) const override {
        return 20 + (x * x - 10 * std::cos(two_pi * x)) + (y * y - 10 * std::cos(two_pi * y));
    }
    Point2 grad(double x, double y) const override {
        return {2 * x + 10 * two_pi * std::sin(two_pi * x),
                2 * y + 10 * two_pi * std::sin(two_pi * y)};
    }
    std::vector<Point2> minima() const override { return {{0, 0}}; }
    Box frame() const override { return {-5.12, 5.12, -5.12, 5.12}; }

  private:
    static constexpr double two_pi = 6.283185307179586;
};

// Written as 20(1 − e^(−0.2r)) + (e − e^c), r = √(½(x² + y²)), c = ½(cos 2πx + cos 2πy), so the
// minimum comes out as exactly 0. The funnel's tip is a cone: at the origin the gradient does
// not exist (∂r/∂x = x/(2r) is 0/0), and we return the subgradient 0 there, not NaN.
class Ackley : public Surface2 {
  public:
    std::string name() const override { return "ackley"; }
    double value(double x, double y) const override {
        const double r = std::sqrt(0.5 * (x * x + y * y));
        const double c = 0.5 * (std::cos(two_pi * x) + std::cos(two_pi * y));
        return 20 * (1 - std::exp(-0.2 * r)) + (e - std::exp(c));
    }
    Point2 grad(double x, double y) const override {
        const double r = std::sqrt(0.5 * (x * x + y * y));
        const double c = 0.5 * (std::cos(two_pi * x) + std::cos(two_pi * y));
        const double funnel = r > 0 ? 2 * std::exp(-0.2 * r) / r : 0.0;  // 4e^(−0.2r)·½/r
        const double ripple = 0.5 * two_pi * std::exp(c);                // π e^c
        return {funnel * x + ripple * std::sin(two_pi * x),
                funnel * y + ripple * std::sin(two_pi * y)};
    }
    std::vector<Point2> minima() const override { return {{0, 0}}; }
    Box frame() const override { return {-5, 5, -5, 5}; }

  private:
    static constexpr double two_pi = 6.283185307179586;
    static constexpr double e = 2.718281828459045;
};

class StyblinskiTang : public Surface2 {
  public:
    std::string name() const override { return "styblinski-tang"; }
    double value(double x, double y) const override { return 0.5 * (term(x) + term(y)); }
    Point2 grad(double x, double y) const override {
        return {2 * x * x * x - 16 * x + 2.5, 2 * y * y * y - 16 * y + 2.5};
    }
    // x* = −2.903534027771177..., the root of 2x³ − 16x + 2.5 = 0 in the lowest pit.
    std::vector<Point2> minima() const override {
        return {{-2.903534027771177, -2.903534027771177}};
    }
    Box frame() const override { return {-5, 5, -5, 5}; }

  private:
    static double term(double x) { return x * x * x * x - 16 * x * x + 5 * x; }
};

}  // namespace gd

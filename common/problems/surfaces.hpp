// surfaces.hpp: the 2-D test functions the book races its optimizers on.
//
// Introduced with the playground and chapter 02; chapters 03-08 reuse the same surfaces so their
// figures compare. Each surface has its value, its analytic gradient (tests/test_surfaces.cpp
// checks it against central differences), its known minima and a box that frames them.
//   rosenbrock      (1 − x)² + 100(y − x²)²                 a curved, flat-bottomed valley
//   beale           (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²  plateaus, cliffs
//   himmelblau      (x² + y − 11)² + (x + y² − 7)²          four minima of equal depth
//   saddle          x² − y²                                  no minimum: a saddle point at 0
//   ravine          0.1x² + 2y²                              condition number 20 (d2l's f₂)
//   rotated-ravine  the ravine turned by 45°: 1.05x² − 1.9xy + 1.05y², the same eigenvalues
//                   0.2 and 4, but its axes are no longer the coordinates'
//   linear          mean over chapter 01's points of (x·X + y − Y)²: the line fit, (x, y) = (a, b)
// and the classic test functions of test_functions.hpp (Booth, Matyas, three-hump camel,
// Goldstein–Price, Rastrigin, Ackley, Styblinski–Tang).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/usage_error.hpp"
#include "problems/line_fit.hpp"
#include "problems/plane.hpp"
#include "problems/surface.hpp"
#include "problems/test_functions.hpp"

namespace gd {

class Rosenbrock : public Surface2 {
  public:
    std::string name() const override { return "rosenbrock"; }
    double value(double x, double y) const override {
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    }
    Point2 grad(double x, double y) const override {
        return {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
    }
    std::vector<Point2> minima() const override { return {{1, 1}}; }
    Box frame() const override { return {-2, 2, -1, 3}; }
};

class Beale : public Surface2 {
  public:
    std::string name() const override { return "beale"; }
    double value(double x, double y) const override {
        const double t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y * y,
                     t3 = 2.625 - x + x * y * y * y;
        return t1 * t1 + t2 * t2 + t3 * t3;
    }
    Point2 grad(double x, double y) const override {
        const double t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y * y,
                     t3 = 2.625 - x + x * y * y * y;
        return {2 * t1 * (y - 1) + 2 * t2 * (y * y - 1) + 2 * t3 * (y * y * y - 1),
                2 * t1 * x + 2 * t2 * 2 * x * y + 2 * t3 * 3 * x * y * y};
    }
    std::vector<Point2> minima() const override { return {{3, 0.5}}; }
    Box frame() const override { return {-4.5, 4.5, -4.5, 4.5}; }
};

class Himmelblau : public Surface2 {
  public:
    std::string name() const override { return "himmelblau"; }
    double value(double x, double y) const override {
        const double u = x * x + y - 11, v = x + y * y - 7;
        return u * u + v * v;
    }
    Point2 grad(double x, double y) const override {
        const double u = x * x + y - 11, v = x + y * y - 7;
        return {4 * x * u + 2 * v, 2 * u + 4 * y * v};
    }
    // The three irrational minima to 12 digits (Himmelblau 1972; each is a root of the gradient).
    std::vector<Point2> minima() const override {
        return {{3, 2},
                {-2.805118086953, 3.131312518251},
                {-3.779310253378, -3.283185991286},
                {3.584428340330, -1.848126526964}};
    }
    Box frame() const override { return {-5, 5, -5, 5}; }
};

class Saddle : public Surface2 {
  public:
    std::string name() const override { return "saddle"; }
    double value(double x, double y) const override { return x * x - y * y; }
    Point2 grad(double x, double y) const override { return {2 * x, -2 * y}; }
    std::vector<Point2> minima() const override { return {}; }
    Box frame() const override { return {-2, 2, -2, 2}; }
};

class Ravine : public Surface2 {
  public:
    std::string name() const override { return "ravine"; }
    double value(double x, double y) const override { return 0.1 * x * x + 2 * y * y; }
    Point2 grad(double x, double y) const override { return {0.2 * x, 4 * y}; }
    std::vector<Point2> minima() const override { return {{0, 0}}; }
    Box frame() const override { return {-6, 6, -3, 3}; }
};

// The ravine turned by 45°: f = 0.1u² + 2v² with u = (x + y)/√2, v = (y − x)/√2, expanded.
// Its Hessian [[2.1, −1.9], [−1.9, 2.1]] has the ravine's eigenvalues 4 and 0.2, along the
// diagonals: a rule that scales each coordinate on its own (AdaGrad, RMSprop, Rprop, the local
// gain) gains nothing here from what it gains on the ravine.
class RotatedRavine : public Surface2 {
  public:
    std::string name() const override { return "rotated-ravine"; }
    double value(double x, double y) const override {
        return 1.05 * x * x - 1.9 * x * y + 1.05 * y * y;
    }
    Point2 grad(double x, double y) const override {
        return {2.1 * x - 1.9 * y, 2.1 * y - 1.9 * x};
    }
    std::vector<Point2> minima() const override { return {{0, 0}}; }
    Box frame() const override { return {-5, 5, -5, 5}; }
};

class LinearFit : public Surface2 {
  public:
    std::string name() const override { return "linear"; }
    double value(double x, double y) const override { return mean_loss(x, y, pts_); }
    Point2 grad(double x, double y) const override {
        const Grad2 g = mean_grad(x, y, pts_, 0, pts_.size());
        return {g.a, g.b};
    }
    std::vector<Point2> minima() const override { return {{1.5, -28}}; }
    Box frame() const override { return {-1, 4, -35, 5}; }

  private:
    Points pts_ = post_points();
};

inline const std::vector<std::string>& surface_names() {
    static const std::vector<std::string> names{
        "rosenbrock",      "beale",     "himmelblau", "saddle",         "ravine",
        "rotated-ravine",  "linear",    "booth",      "matyas",         "three-hump-camel",
        "goldstein-price", "rastrigin", "ackley",     "styblinski-tang"};
    return names;
}

inline std::unique_ptr<Surface2> make_surface(const std::string& name) {
    if (name == "rosenbrock") return std::make_unique<Rosenbrock>();
    if (name == "beale") return std::make_unique<Beale>();
    if (name == "himmelblau") return std::make_unique<Himmelblau>();
    if (name == "saddle") return std::make_unique<Saddle>();
    if (name == "ravine") return std::make_unique<Ravine>();
    if (name == "rotated-ravine") return std::make_unique<RotatedRavine>();
    if (name == "linear") return std::make_unique<LinearFit>();
    if (name == "booth") return std::make_unique<Booth>();
    if (name == "matyas") return std::make_unique<Matyas>();
    if (name == "three-hump-camel") return std::make_unique<ThreeHumpCamel>();
    if (name == "goldstein-price") return std::make_unique<GoldsteinPrice>();
    if (name == "rastrigin") return std::make_unique<Rastrigin>();
    if (name == "ackley") return std::make_unique<Ackley>();
    if (name == "styblinski-tang") return std::make_unique<StyblinskiTang>();
    std::string list;
    for (const auto& n : surface_names()) list += (list.empty() ? "" : ", ") + n;
    throw UsageError("unknown function '" + name + "' (" + list + ")");
}

}  // namespace gd

// slope.hpp: a tilted plane, the surface whose gradient is the same everywhere.
//
// Chapter 05's first experiment: under a constant gradient g Adam's moments are pure bias,
// m_t = (1 − β1ᵗ)g and v_t = (1 − β2ᵗ)g², so the first steps on this plane show exactly what
// the bias correction undoes. f(x, y) = g·(x + y), ∇f = (g, g); it has no minimum.
#pragma once

#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "optim/optimizer.hpp"

#include "problems/plane.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"

namespace ch05 {

class Slope : public gd::Surface2 {
  public:
    explicit Slope(double g) : g_(g) {}
    std::string name() const override { return "slope"; }
    double value(double x, double y) const override { return g_ * (x + y); }
    gd::Point2 grad(double, double) const override { return {g_, g_}; }
    std::vector<gd::Point2> minima() const override { return {}; }
    gd::Box frame() const override { return {-1, 1, -1, 1}; }

  private:
    double g_;
};

// Δθ/η at steps 1..n when g is the same every step (g = −1 pushes θ up): exactly 1 with bias
// correction.
inline std::vector<double> steps_on_a_slope(gd::Optimizer<double>& opt, int n) {
    const Slope slope(-1.0);
    xt::xarray<double> theta = {0.0, 0.0};
    long t = 0;
    const gd::Trajectory tr = gd::descend(slope, opt, nullptr, theta, t, n);
    std::vector<double> out;
    for (std::size_t k = 1; k < tr.size(); ++k) out.push_back((tr.x[k] - tr.x[k - 1]) / opt.lr());
    return out;
}

}  // namespace ch05

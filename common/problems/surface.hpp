// surface.hpp: what a 2-D test surface is.
//
// Introduced with the playground and chapter 02. A surface f(x, y) has its value, its analytic
// gradient, its known minima (empty for the saddle) and a box that frames the interesting part;
// surfaces.hpp and test_functions.hpp hold the surfaces, and make_surface() (surfaces.hpp) makes
// any of them by name.
#pragma once

#include <string>
#include <vector>

#include "problems/plane.hpp"

namespace gd {

class Surface2 {
  public:
    virtual ~Surface2() = default;
    virtual std::string name() const = 0;
    virtual double value(double x, double y) const = 0;
    virtual Point2 grad(double x, double y) const = 0;
    virtual std::vector<Point2> minima() const = 0;  // the global ones; empty for the saddle
    virtual Box frame() const = 0;                   // a box that shows the interesting part
};

}  // namespace gd

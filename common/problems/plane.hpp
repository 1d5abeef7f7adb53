// plane.hpp: points and boxes in the plane, for the 2-D problems and their maps.
//
// Introduced in chapter 01 (the line fit's (a, b) plane); the surfaces (surfaces.hpp), the
// descent loop (train/descent.hpp) and the contour maps (plot/contour.hpp) share these types.
#pragma once

#include <algorithm>
#include <limits>

namespace gd {

struct Point2 {
    double x = 0, y = 0;
};

struct Box {
    double x0, x1, y0, y1;
};

// The smallest box holding all (x[i], y[i]), grown by `pad` of its size on each side.
template <class Xs, class Ys>
Box bounding_box(const Xs& xs, const Ys& ys, double pad = 0.1) {
    Box b{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
          std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    for (double x : xs) b.x0 = std::min(b.x0, x), b.x1 = std::max(b.x1, x);
    for (double y : ys) b.y0 = std::min(b.y0, y), b.y1 = std::max(b.y1, y);
    const double dx = std::max(b.x1 - b.x0, 1e-9) * pad, dy = std::max(b.y1 - b.y0, 1e-9) * pad;
    return {b.x0 - dx, b.x1 + dx, b.y0 - dy, b.y1 + dy};
}

}  // namespace gd

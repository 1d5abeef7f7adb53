// descent.hpp: an optimizer's path over a 2-D surface.
//
// Introduced with the playground; chapters 02-08 use it to race optimizers on the test surfaces
// of problems/surfaces.hpp; plot/paths.hpp draws the paths. descend() is the one loop every
// 2-D experiment runs: take the gradient at θ, ask the schedule for η_t, step. It stops at the
// first non-finite gradient, point or loss and reports the step, so a diverging run is a result to
// show, never a trace full of nan.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "optim/optimizer.hpp"
#include "problems/surfaces.hpp"
#include "schedule/schedule.hpp"
#include "train/step.hpp"

namespace gd {

struct Trajectory {
    std::string label;
    std::vector<long> step, evaluations;  // evaluations per update (descend: 1, L-BFGS more)
    std::vector<double> x, y, loss, lr;
    long diverged_at = -1;  // the update that left the finite numbers, or -1

    void add(long k, double xk, double yk, double lk, double eta) {
        step.push_back(k), x.push_back(xk), y.push_back(yk), loss.push_back(lk), lr.push_back(eta);
    }
    std::size_t size() const { return step.size(); }
    long last_step() const { return step.empty() ? -1 : step.back(); }

    // step,x,y,loss,lr with 17 significant digits, so every double reads back exactly.
    std::string csv() const {
        std::string s = "step,x,y,loss,lr\n";
        char buf[160];
        for (std::size_t i = 0; i < size(); ++i) {
            std::snprintf(buf, sizeof buf, "%ld,%.17g,%.17g,%.17g,%.17g\n", step[i], x[i], y[i],
                          loss[i], lr[i]);
            s += buf;
        }
        return s;
    }
};

// Runs `steps` updates from theta (2 elements) with the step counter t; both are advanced, so a
// second call continues the first. The first row is the starting point with the rate update t
// will use (update t+1 counting from one); row k is the point after update k and its rate.
// Without a schedule the optimizer's own lr is used throughout.
inline Trajectory descend(const Surface2& f, Optimizer<double>& opt, const Schedule* schedule,
                          xt::xarray<double>& theta, long& t, long steps) {
    Trajectory tr;
    const double rate0 = schedule ? schedule->rate(std::max(0L, t - 1)) : opt.lr();
    tr.add(t, theta(0), theta(1), f.value(theta(0), theta(1)), rate0);
    tr.evaluations.push_back(0);
    xt::xarray<double> g = xt::zeros<double>({2});
    // An optimizer that needs the function itself (L-BFGS) gets it as a closure, the loss and
    // gradient at θ as it is now, and makes one step(closure) per update, however many times it
    // evaluates it; the trace records how many. A schedule that reads the loss (plateau) is told
    // the loss at the new point after each update.
    const Optimizer<double>::Closure closure =
        [&f, &theta](const std::vector<xt::xarray<double>*>& out) {
            const Point2 d = f.grad(theta(0), theta(1));
            (*out[0])(0) = d.x;
            (*out[0])(1) = d.y;
            return f.value(theta(0), theta(1));
        };
    for (long k = 0; k < steps; ++k) {
        const Point2 grad = f.grad(theta(0), theta(1));
        if (!std::isfinite(grad.x) || !std::isfinite(grad.y)) {
            tr.diverged_at = t + 1;
            break;
        }
        g(0) = grad.x;
        g(1) = grad.y;
        const double eta = opt.needs_closure()
                               ? step(opt, schedule, t, {&theta}, closure)  // L-BFGS
                               : step(opt, schedule, t, {&theta}, {&g});  // θ ← rule(θ, g) at η_t
        ++t;
        const double loss = f.value(theta(0), theta(1));
        if (!std::isfinite(loss) || !std::isfinite(theta(0)) || !std::isfinite(theta(1))) {
            tr.diverged_at = t;
            break;
        }
        if (schedule) schedule->observe(loss);  // plateau: the loss at the new point
        tr.add(t, theta(0), theta(1), loss, eta);
        tr.evaluations.push_back(opt.evaluations());
    }
    return tr;
}

}  // namespace gd

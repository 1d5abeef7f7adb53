// adam_scalar.hpp: chapter 05's Adam, written out on one coordinate at a time.
//
// The same rule as gd::Adam and gd::AdamW (common/optim/adam.hpp, torch.optim's), in the order
// the text derives it, as an optimizer of its own, so it runs through the book's shared loops
// (gd::train_line per sample, gd::descend on a surface). Its state is open: besides the moments
// it records √v̂ per coordinate, what the last step divided by, for the figures.
// tests/test_05_adam.cpp proves the written-out rule and the library's agree along whole
// trajectories. Adam without the bias correction, as the lecture writes it, is the library's
// gd::AdamNoBias.
// Notation: θ parameter, g gradient, η learning rate, β1 β2 the moments' decay rates, ε
// stability term, ω weight decay, m first moment, v second moment, t step (from 1).
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include "optim/optimizer.hpp"
#include "problems/plane.hpp"
#include "problems/surfaces.hpp"
#include "train/descent.hpp"
#include "train/line_training.hpp"

namespace ch05 {

struct Hyper {
    double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    bool amsgrad = false;    // divide by the largest v so far instead of the current one
    double decay = 0;        // ω
    bool decoupled = false;  // AdamW: θ ← θ(1 − ηω); Adam: g ← g + ωθ
};

// Adam (with AMSGrad, L2 or decoupled decay as `Hyper` asks) on each coordinate of θ by itself,
// bias-corrected; saves and loads as every optimizer does, under the name "adam-scalar".
class ScalarAdam : public gd::Optimizer<double> {
  public:
    explicit ScalarAdam(const Hyper& h)
        : gd::Optimizer<double>(h.lr),
          h_(h),
          m_(add_buffer("exp_avg")),
          v_(add_buffer("exp_avg_sq")),
          vmax_(add_buffer("max_exp_avg_sq")),
          root_v_hat_(add_buffer("sqrt_v_hat")) {}

    std::string name() const override { return "adam-scalar"; }

  protected:
    // Step t of parameter tensor i, one coordinate θ at a time.
    void update(std::size_t i, Tensor& thetas, const Tensor& grads) override {
        const double eta = lr(), t = static_cast<double>(t_);
        for (std::size_t j = 0; j < thetas.size(); ++j) {
            double theta = thetas.flat(j), g = grads.flat(j);
            double &m = buffer(m_, i).flat(j), &v = buffer(v_, i).flat(j);
            double &vmax = buffer(vmax_, i).flat(j), &root_v_hat = buffer(root_v_hat_, i).flat(j);
            if (h_.decoupled) {
                theta *= 1 - eta * h_.decay;  // AdamW: shrink θ itself, the same factor everywhere
            } else {
                g += h_.decay * theta;  // Adam: L2 penalty ωθ²/2 joins the gradient
            }
            m = h_.beta1 * m + (1 - h_.beta1) * g;      // first moment: running mean of g
            v = h_.beta2 * v + (1 - h_.beta2) * g * g;  // second moment: running mean of g²
            vmax = std::max(vmax, v);                   // AMSGrad: the largest v so far
            double m_hat = m, v_hat = h_.amsgrad ? vmax : v;
            m_hat /= 1 - std::pow(h_.beta1, t);  // bias correction: m started at 0, undo the pull
            v_hat /= 1 - std::pow(h_.beta2, t);  // ... and v (or AMSGrad's max of v) too
            root_v_hat = std::sqrt(v_hat);       // √v̂, kept for the figures
            // θ ← θ − η m̂/(√v̂ + ε), ε outside the root as torch has it
            thetas.flat(j) = theta - eta * m_hat / (root_v_hat + h_.eps);
        }
    }

  private:
    Hyper h_;
    std::size_t m_, v_, vmax_, root_v_hat_;  // ids of the buffers, one value per coordinate
};

// `steps` full-batch updates of the written-out Adam on the surface f (its x is a, its y is b).
inline gd::Trajectory full_batch(const std::string& label, const gd::Surface2& f, gd::Point2 start,
                                 const Hyper& h, long steps) {
    ScalarAdam adam(h);
    xt::xarray<double> theta = {start.x, start.y};
    long t = 0;
    gd::Trajectory tr = gd::descend(f, adam, nullptr, theta, t, steps);
    tr.label = label;
    return tr;
}

// √v̂ per coordinate of θ = (a, b) after the last step, what the step divided m̂ by:
// ScalarAdam records it, Adam without bias correction divides by √v itself; NaN for the others
// (their denominators are other things, and chapter 05 does not plot them).
inline gd::Point2 root_v_hat(const gd::Optimizer<double>& opt) {
    if (dynamic_cast<const ScalarAdam*>(&opt)) {
        const auto& r = opt.state("sqrt_v_hat")[0];
        return {r(0), r(1)};
    }
    if (opt.name() != "adam-nobias") return {NAN, NAN};
    const auto& v = opt.state("exp_avg_sq")[0];
    return {std::sqrt(v(0)), std::sqrt(v(1))};
}

// A run on the line fit, and the √v̂ each update divided by: root_v[k] after update k ([0] is 0).
struct Run {
    gd::LineRun fit;
    std::vector<gd::Point2> root_v;
};

// Adam on y = a·x + b with batch 1, the points in their order, `epochs` passes (as chapter 01),
// the loss on all points after every update.
inline Run per_sample(const std::string& name, gd::Optimizer<double>& opt, const gd::Points& pts,
                      gd::Point2 start, int epochs) {
    Run run;
    run.root_v.push_back({});
    gd::LineTraining how;
    how.epochs = epochs;
    how.loss_every_update = true;
    how.observe = [&](long, const xt::xarray<double>&) { run.root_v.push_back(root_v_hat(opt)); };
    run.fit = gd::train_line(opt, pts, start, how);
    run.fit.name = name;
    run.root_v.resize(run.fit.path.size());  // a diverged update's √v̂ goes with its point
    return run;
}

// Half the peak-to-peak range of a and of b over the last `n` updates: how far the run still
// swings around its mean once it has arrived.
inline gd::Point2 amplitude(const gd::LineRun& r, std::size_t n) {
    const std::size_t first = r.path.size() > n ? r.path.size() - n : 0;
    gd::Point2 lo = r.path[first], hi = r.path[first];
    for (std::size_t k = first; k < r.path.size(); ++k) {
        lo.x = std::min(lo.x, r.path[k].x), hi.x = std::max(hi.x, r.path[k].x);
        lo.y = std::min(lo.y, r.path[k].y), hi.y = std::max(hi.y, r.path[k].y);
    }
    return {(hi.x - lo.x) / 2, (hi.y - lo.y) / 2};
}

// The root mean square distance of a and of b from the best fit over the last `n` updates: the
// size of the swing, 0 when the run sits on the fit.
inline gd::Point2 swing(const gd::LineRun& r, std::size_t n, gd::Point2 best) {
    const std::size_t first = r.path.size() > n ? r.path.size() - n : 0;
    double sa = 0, sb = 0;
    for (std::size_t k = first; k < r.path.size(); ++k) {
        sa += (r.path[k].x - best.x) * (r.path[k].x - best.x);
        sb += (r.path[k].y - best.y) * (r.path[k].y - best.y);
    }
    const double m = double(r.path.size() - first);
    return {std::sqrt(sa / m), std::sqrt(sb / m)};
}

// Mean loss over the last `n` updates.
inline double mean_tail_loss(const gd::LineRun& r, std::size_t n) {
    const std::size_t first = r.loss.size() > n ? r.loss.size() - n : 0;
    double s = 0;
    for (std::size_t k = first; k < r.loss.size(); ++k) s += r.loss[k];
    return s / double(r.loss.size() - first);
}

// The first step's size over η under a constant gradient g, exactly: m = (1 − β1)g and
// v = (1 − β2)g², so the uncorrected step is (1 − β1)|g| / (√(1 − β2)|g| + ε) and the
// corrected one |g| / (|g| + ε). For ε → 0 their ratio is (1 − β1)/√(1 − β2).
inline double first_step_over_lr(const Hyper& h, double g, bool corrected) {
    const double ag = std::fabs(g);
    return corrected ? ag / (ag + h.eps)
                     : (1 - h.beta1) * ag / (std::sqrt(1 - h.beta2) * ag + h.eps);
}

}  // namespace ch05

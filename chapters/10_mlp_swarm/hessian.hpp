// hessian.hpp: the sharpest curvature of every bee's loss, by power iteration.
//
// Chapter 10. Momentum's theory (problems/quadratic_theory.hpp) needs a curvature λ: near a
// minimum the loss is a quadratic whose steepest direction has curvature λ_max, the largest
// eigenvalue of the Hessian H = ∇²L, and heavy ball is stable on it only while ηλ_max < 2(1 + μ).
// The tape differentiates once, so H is reached through gradients: a Hessian-vector product by
// central differences of two gradients,
//     Hv ≈ (∇L(θ + εv) − ∇L(θ − εv)) / 2ε,
// (error O(ε²) from the third derivatives, O(u/ε) from rounding, u the double's 1.1e-16; with
// ε = 1e-5 on a unit v, tests/test_10_swarm.cpp measures at most 7e-11 of |Hv| against the
// exact Hessian, at random and at fitted networks of the chapter), and
// power iteration v ← Hv/|Hv| converges to the eigenvector of the largest |λ|, λ = vᵀHv.
// All bees at once: θ, v and the gradients are flat, [bee][q] with P parameters a bee.
// A ReLU network's loss has creases: where a kink crosses a data point, the gradient jumps. A
// difference across a crease sees that jump divided by 2ε, a curvature that is not there, so
// each bee can have its own ε, small enough that θ ± εv crosses none (experiments.cpp).
// Notation: θ parameters, H Hessian, v unit vector, λ eigenvalue, ε difference step.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/rng.hpp"

namespace ch10 {

struct Curvature {
    std::vector<double> lambda;    // per bee: the largest eigenvalue of H
    std::vector<double> residual;  // per bee: |Hv − λv| / |λ| at the end, how far from converged
};

// grad(theta, g) writes every bee's gradient at theta into g (both B·P numbers).
template <class Gradient>
class PowerIteration {
  public:
    PowerIteration(Gradient grad, std::size_t bees, std::size_t per_bee, double eps = 1e-5)
        : grad_(grad), B_(bees), P_(per_bee), eps_(bees, eps) {}
    // ε bee by bee.
    void set_steps(std::vector<double> eps) { eps_ = std::move(eps); }

    // Hv for every bee: (∇L(θ + εv) − ∇L(θ − εv)) / 2ε.
    void product(const std::vector<double>& theta, const std::vector<double>& v,
                 std::vector<double>& hv) {
        up_.resize(theta.size()), down_.resize(theta.size());
        g_up_.resize(theta.size()), g_down_.resize(theta.size()), hv.resize(theta.size());
        for (std::size_t q = 0; q < theta.size(); ++q) {
            const double eps = eps_[q / P_];
            up_[q] = theta[q] + eps * v[q], down_[q] = theta[q] - eps * v[q];
        }
        grad_(up_, g_up_);
        grad_(down_, g_down_);
        for (std::size_t q = 0; q < theta.size(); ++q)
            hv[q] = (g_up_[q] - g_down_[q]) / (2 * eps_[q / P_]);
    }

    // The largest eigenvalue of every bee's Hessian at theta, from `iterations` steps of power
    // iteration from a random start. Power iteration finds the largest |λ|; where that one is
    // negative (a saddle's direction), a second run on H − λI finds the largest one.
    Curvature top(const std::vector<double>& theta, int iterations, std::uint64_t seed) {
        Curvature c{run(theta, iterations, seed, std::vector<double>(B_, 0.0)), {}};
        std::vector<double> shift(B_, 0.0);
        bool again = false;
        for (std::size_t k = 0; k < B_; ++k)
            if (c.lambda[k] < 0) shift[k] = c.lambda[k], again = true;
        if (again) {
            const std::vector<double> shifted = run(theta, iterations, seed, shift);
            for (std::size_t k = 0; k < B_; ++k)
                if (shift[k] < 0) c.lambda[k] = shifted[k] + shift[k];
        }
        c.residual = residual_;
        return c;
    }
    // The unit eigenvectors [bee][q] the last top() ended on.
    const std::vector<double>& vectors() const { return v_; }

  private:
    // Power iteration on H − s_k·I for every bee k; returns each bee's Rayleigh quotient of it.
    std::vector<double> run(const std::vector<double>& theta, int iterations, std::uint64_t seed,
                            const std::vector<double>& s) {
        gd::Rng rng(seed);
        std::vector<double>& v = v_;
        std::vector<double> hv, lambda(B_, 0.0);
        v.resize(theta.size());
        for (double& x : v) x = rng.normal();
        normalise(v);
        residual_.assign(B_, 0.0);
        for (int it = 0; it < iterations; ++it) {
            product(theta, v, hv);
            for (std::size_t k = 0; k < B_; ++k) {
                double vhv = 0, r2 = 0;
                for (std::size_t q = k * P_; q < (k + 1) * P_; ++q) {
                    hv[q] -= s[k] * v[q];  // (H − sI)v
                    vhv += v[q] * hv[q];
                }
                for (std::size_t q = k * P_; q < (k + 1) * P_; ++q)
                    r2 += (hv[q] - vhv * v[q]) * (hv[q] - vhv * v[q]);
                lambda[k] = vhv;  // λ = vᵀHv, v of unit length
                residual_[k] = std::sqrt(r2) / std::abs(vhv);
            }
            v.swap(hv);
            normalise(v);
        }
        return lambda;
    }
    void normalise(std::vector<double>& v) const {
        for (std::size_t k = 0; k < B_; ++k) {
            double n2 = 0;
            for (std::size_t q = k * P_; q < (k + 1) * P_; ++q) n2 += v[q] * v[q];
            const double n = std::sqrt(n2);
            for (std::size_t q = k * P_; q < (k + 1) * P_; ++q) v[q] = n > 0 ? v[q] / n : 0.0;
        }
    }

    Gradient grad_;
    std::size_t B_, P_;
    std::vector<double> eps_;
    std::vector<double> up_, down_, g_up_, g_down_, residual_, v_;
};

}  // namespace ch10

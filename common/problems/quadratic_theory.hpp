// quadratic_theory.hpp: momentum on a quadratic, solved: how fast the error shrinks per step.
//
// Introduced in chapter 02 (heavy ball on the ravine), extended in chapter 03 (Nesterov) and
// mapped over (η, μ) in chapter 10, where it predicts where a swarm of networks bounces. On one
// eigen-direction of a quadratic with curvature λ, the gradient is λ·e for the error e, and
// both momentum methods turn e into a two-term recurrence
//     e_{k+1} = a1·e_k − a0·e_{k−1},
// whose solutions are combinations of z₁ᵏ and z₂ᵏ, the roots of z² − a1·z + a0 = 0. The error
// shrinks per step by the larger root modulus, the radius (G. Goh, "Why Momentum Really
// Works", Distill 2017, section "The dynamics of momentum"; B. Polyak, 1964).
//   heavy ball (torch.optim.SGD):  a1 = 1 + μ − ηλ,         a0 = μ
//   Nesterov:                      a1 = (1 + μ)(1 − ηλ),    a0 = μ(1 − ηλ)
// For heavy ball the (ηλ, μ) plane splits into four regions, in order of growing ηλ:
//   over-damped   ηλ < (1 − √μ)²              two real positive roots: a smooth glide
//   under-damped  (1 − √μ)² < ηλ < (1 + √μ)²  complex roots, |z| = √μ: the error spirals
//   flipping      (1 + √μ)² < ηλ < 2(1 + μ)   a negative real root: the sign flips every step
//   unstable      ηλ > 2(1 + μ)                a root beyond −1: the error grows, flipping
// Notation: η learning rate, μ momentum, λ curvature, z a root, a1 and a0 the coefficients.
#pragma once

#include <algorithm>
#include <cmath>
#include <complex>

namespace gd {

// The larger root modulus of z² − a1·z + a0 = 0: the factor by which the error of a two-term
// recurrence e_{k+1} = a1·e_k − a0·e_{k−1} shrinks per step once the start-up has passed.
inline double two_step_radius(double a1, double a0) {
    const std::complex<double> d = std::sqrt(std::complex<double>(a1 * a1 - 4 * a0));
    return std::max(std::abs((a1 + d) / 2.0), std::abs((a1 - d) / 2.0));
}

// Heavy ball (PyTorch's SGD with momentum) on curvature λ: the roots of z² − (1 + μ − ηλ)z + μ.
// μ = 0 is plain gradient descent, |1 − ηλ|.
inline double heavy_ball_radius(double eta, double mu, double lambda) {
    return two_step_radius(1 + mu - eta * lambda, mu);
}
// Nesterov on curvature λ: the gradient at the look-ahead point multiplies both terms by 1 − ηλ.
inline double nesterov_radius(double eta, double mu, double lambda) {
    return two_step_radius((1 + mu) * (1 - eta * lambda), mu * (1 - eta * lambda));
}

// The largest ηλ for which the radius stays below 1 (Jury's test on the quadratic): the
// stability edge. Heavy ball: the root at −1 appears when 1 + (1 + μ − ηλ) + μ = 0.
inline double heavy_ball_limit(double mu) {
    return 2 * (1 + mu);
}
inline double nesterov_limit(double mu) {
    return 2 * (1 + mu) / (1 + 2 * mu);
}

// Critical damping: the two roots coincide, (1 + μ − ηλ)² = 4μ, at ηλ = (1 ∓ √μ)². Below the
// lower curve the roots are real and positive (over-damped); between the curves they are
// complex (under-damped); above the upper one the larger is negative (the sign flips).
inline double critical_damping_low(double mu) {
    return (1 - std::sqrt(mu)) * (1 - std::sqrt(mu));
}
inline double critical_damping_high(double mu) {
    return (1 + std::sqrt(mu)) * (1 + std::sqrt(mu));
}

// Which of the four regions (ηλ, μ) lies in, for heavy ball.
enum class Damping { over, under, flipping, unstable };
inline Damping heavy_ball_regime(double eta_lambda, double mu) {
    if (eta_lambda >= heavy_ball_limit(mu)) return Damping::unstable;
    if (eta_lambda > critical_damping_high(mu)) return Damping::flipping;
    if (eta_lambda > critical_damping_low(mu)) return Damping::under;
    return Damping::over;
}

// The best constant settings on a quadratic whose curvatures lie in [λmin, λmax], κ = λmax/λmin
// (Polyak 1964; Goh 2017): the settings under which the slowest axis shrinks fastest, and the
// factor by which the error then shrinks per step.
struct Tuning {
    double eta, mu, rate;
};
// Gradient descent: η = 2/(λmin + λmax) balances the two extreme axes, |1 − ηλ| = (κ−1)/(κ+1).
inline Tuning gd_optimum(double lambda_min, double lambda_max) {
    const double kappa = lambda_max / lambda_min;
    return {2 / (lambda_min + lambda_max), 0.0, (kappa - 1) / (kappa + 1)};
}
// Heavy ball: η = 4/(√λmax + √λmin)², μ = ((√κ−1)/(√κ+1))², critically damped on both extreme
// axes at once, so every axis shrinks by √μ = (√κ−1)/(√κ+1) per step.
inline Tuning heavy_ball_optimum(double lambda_min, double lambda_max) {
    const double s = std::sqrt(lambda_max / lambda_min), rate = (s - 1) / (s + 1);
    const double root_sum = std::sqrt(lambda_max) + std::sqrt(lambda_min);
    return {4 / (root_sum * root_sum), rate * rate, rate};
}

}  // namespace gd

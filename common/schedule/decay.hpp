// decay.hpp: the decaying schedules, constant, step, exponential, inverse-time and linear, and
// the general form η₀·f(t) for any multiplier f.
//
// Introduced in chapter 06 (learning-rate decay). Each class is one of
// torch.optim.lr_scheduler (PyTorch 1.13, https://pytorch.org/docs/1.13/optim.html): StepLR,
// ExponentialLR, LinearLR and LambdaLR; inverse-time is LambdaLR with f(t) = 1 / (1 + d·t).
// PyTorch multiplies the previous rate by a factor at every step; we write the closed forms of
// those products (its _get_closed_form_lr), equal up to one rounding per step.
//
// Notation: η₀ base rate, η_t rate of update t (t = 0 is the first update), γ decay factor.
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "schedule/schedule.hpp"

namespace gd {

// η_t = η₀: no schedule at all, the baseline every figure compares with.
class ConstantRate : public Schedule {
  public:
    explicit ConstantRate(double base_lr) : base_(base_lr) {
        require_rate("constant", "base_lr", base_lr);
    }
    std::string name() const override { return "constant"; }
    std::vector<ScheduleParam> params() const override { return {{"base_lr", base_}}; }

  protected:
    double rate_at(long) const override { return base_; }

  private:
    double base_;
};

// StepLR: η_t = η₀ · γ^⌊t / s⌋, the rate drops by γ every s updates ("every 30 epochs by 10").
class StepDecay : public Schedule {
  public:
    StepDecay(double base_lr, long step_size, double gamma = 0.1)
        : base_(base_lr), step_(step_size), gamma_(gamma) {
        require_rate("step", "base_lr", base_lr);
        require_count("step", "step_size", step_size);
        require_rate("step", "gamma", gamma);
    }
    std::string name() const override { return "step"; }
    std::vector<ScheduleParam> params() const override {
        return {{"base_lr", base_}, {"step_size", step_}, {"gamma", gamma_}};
    }

  protected:
    double rate_at(long t) const override {
        const long drops = t / step_;  // ⌊t/s⌋ decays so far
        return base_ * std::pow(gamma_, static_cast<double>(drops));
    }

  private:
    double base_;
    long step_;
    double gamma_;
};

// ExponentialLR: η_t = η₀ · γ^t, a constant factor γ per update.
class ExponentialDecay : public Schedule {
  public:
    ExponentialDecay(double base_lr, double gamma) : base_(base_lr), gamma_(gamma) {
        require_rate("exponential", "base_lr", base_lr);
        require_rate("exponential", "gamma", gamma);
    }
    std::string name() const override { return "exponential"; }
    std::vector<ScheduleParam> params() const override {
        return {{"base_lr", base_}, {"gamma", gamma_}};
    }

  protected:
    double rate_at(long t) const override {
        return base_ * std::pow(gamma_, static_cast<double>(t));
    }

  private:
    double base_, gamma_;
};

// The lecture's continuous form η_t = η₀ · e^{-k t} is ExponentialLR with γ = e^{-k}.
inline ExponentialDecay continuous_exponential(double base_lr, double k) {
    if (!std::isfinite(k)) throw UsageError("exponential: k must be finite");
    return ExponentialDecay(base_lr, std::exp(-k));
}

// Time-based decay: η_t = η₀ / (1 + d·t), the rate halves by t = 1/d and keeps falling like 1/t.
// As LambdaLR computes it, η₀ · f(t) with f(t) = 1 / (1 + d·t), so the two agree bit for bit.
class InverseTimeDecay : public Schedule {
  public:
    InverseTimeDecay(double base_lr, double decay) : base_(base_lr), decay_(decay) {
        require_rate("inverse-time", "base_lr", base_lr);
        require_rate("inverse-time", "decay", decay);
    }
    std::string name() const override { return "inverse-time"; }
    std::vector<ScheduleParam> params() const override {
        return {{"base_lr", base_}, {"decay", decay_}};
    }

  protected:
    double rate_at(long t) const override {
        return base_ * (1.0 / (1.0 + decay_ * static_cast<double>(t)));
    }

  private:
    double base_, decay_;
};

// LinearLR: the factor moves in a straight line from f₀ to f₁ over T updates, then stays:
//     η_t = η₀ · (f₀ + (f₁ - f₀) · min(t, T) / T).
// With f₀ < f₁ = 1 it is the usual warm-up. As in PyTorch both factors lie in [0, 1]; f₀ = 0 is
// refused because PyTorch's recursive form then divides by zero at t = 1.
class LinearSchedule : public Schedule {
  public:
    LinearSchedule(double base_lr, double start_factor = 1.0 / 3, double end_factor = 1.0,
                   long total_iters = 5)
        : base_(base_lr), f0_(start_factor), f1_(end_factor), total_(total_iters) {
        require_rate("linear", "base_lr", base_lr);
        require(start_factor > 0.0 && start_factor <= 1.0, "linear",
                "start_factor must be in (0, 1]", start_factor);
        require(end_factor >= 0.0 && end_factor <= 1.0, "linear", "end_factor must be in [0, 1]",
                end_factor);
        require_count("linear", "total_iters", total_iters);
    }
    std::string name() const override { return "linear"; }
    std::vector<ScheduleParam> params() const override {
        return {{"base_lr", base_},
                {"start_factor", f0_},
                {"end_factor", f1_},
                {"total_iters", total_}};
    }

  protected:
    double rate_at(long t) const override {
        const double progress = static_cast<double>(std::min(t, total_));  // min(t, T)
        return base_ * (f0_ + (f1_ - f0_) * progress / static_cast<double>(total_));
    }

  private:
    double base_, f0_, f1_;
    long total_;
};

// LambdaLR: η_t = η₀ · f(t) for any multiplier f. It is code, not data, so it cannot be saved.
class LambdaSchedule : public Schedule {
  public:
    LambdaSchedule(double base_lr, std::function<double(long)> multiplier,
                   std::string label = "lambda")
        : base_(base_lr), lambda_(std::move(multiplier)), label_(std::move(label)) {
        require_rate(label_, "base_lr", base_lr);
        if (!lambda_) throw UsageError(label_ + ": the multiplier function is empty");
    }
    std::string name() const override { return label_; }
    std::vector<ScheduleParam> params() const override { return {{"base_lr", base_}}; }
    void save(std::ostream&) const override {
        throw UsageError(label_ + ": a schedule given as a function cannot be saved");
    }

  protected:
    double rate_at(long t) const override { return base_ * lambda_(t); }

  private:
    double base_;
    std::function<double(long)> lambda_;
    std::string label_;
};

}  // namespace gd

// plateau.hpp: ReduceLROnPlateau, the rate cut when the loss stops improving.
//
// Introduced in chapter 07. The one schedule that looks at the run: after every update it is
// told the loss, and when the loss has not improved on its best for more than `patience`
// updates, the rate is multiplied by `factor` (not below min_lr), after which `cooldown`
// updates pass before it counts again. It follows torch.optim.lr_scheduler.ReduceLROnPlateau of
// PyTorch 1.13 (https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.
// ReduceLROnPlateau.html) in mode 'min', stepped with the loss at the new point after each
// update, operation by operation:
//  - "improved" means below best·(1 − threshold) ('rel') or below best − threshold ('abs');
//  - a cut smaller than eps = 1e-8 is not made (so min_lr = 0 stops it near 1e-8/(1 − factor));
//  - in cooldown the bad updates are not counted at all, not even the one that ends it;
//  - it has no place in torch 1.13's SequentialLR (no get_last_lr, stepped without the loss),
//    so warmup.hpp refuses it.
// Its state (the current rate, the best loss, the counters) changes as it observes, so rate(t)
// is known only for the update that comes next, t = the losses seen so far, and the one before;
// save() writes that state, and load_schedule() brings it back exactly.
//
// Notation: η the rate, f the factor, the loss after update t, best the lowest seen (+∞ at
// first), patience and cooldown counted in updates.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "schedule/schedule.hpp"

namespace gd {

class Plateau : public Schedule {
  public:
    // What it has seen: the state torch's scheduler keeps, in its names.
    struct State {
        double lr = 0;       // η of the next update (group['lr'])
        double last_lr = 0;  // η of the update just made
        double best = std::numeric_limits<double>::infinity();  // lowest loss (mode 'min')
        long num_bad_epochs = 0;    // updates without improvement, out of cooldown
        long cooldown_counter = 0;  // updates of cooldown left
        long last_epoch = 0;        // losses seen
    };

    Plateau(double base_lr, double factor = 0.1, long patience = 10, double threshold = 1e-4,
            const std::string& threshold_mode = "rel", long cooldown = 0, double min_lr = 0,
            double eps = 1e-8)
        : base_(base_lr),
          factor_(factor),
          patience_(patience),
          threshold_(threshold),
          mode_(threshold_mode),
          cooldown_(cooldown),
          min_lr_(min_lr),
          eps_(eps) {
        require_rate("plateau", "base_lr", base_lr);
        // torch refuses factor >= 1 only; a negative one would cut straight to min_lr.
        require(factor >= 0.0 && factor < 1.0, "plateau", "factor must be in [0, 1)", factor);
        require(patience >= 0, "plateau", "patience must be an integer >= 0",
                static_cast<double>(patience));
        require_rate("plateau", "threshold", threshold);
        if (threshold_mode != "rel" && threshold_mode != "abs") {
            throw UsageError("plateau: threshold_mode must be rel or abs, got '" + threshold_mode +
                             "'");
        }
        require(cooldown >= 0, "plateau", "cooldown must be an integer >= 0",
                static_cast<double>(cooldown));
        require_rate("plateau", "min_lr", min_lr);
        require_rate("plateau", "eps", eps);
        state_.lr = state_.last_lr = base_lr;
    }

    std::string name() const override { return "plateau"; }
    // Its settings, then its state (as save() and load_schedule() need them).
    std::vector<ScheduleParam> params() const override {
        return {{"base_lr", base_},
                {"factor", factor_},
                {"patience", patience_},
                {"threshold", threshold_},
                {"threshold_mode", mode_},
                {"cooldown", cooldown_},
                {"min_lr", min_lr_},
                {"eps", eps_},
                {"lr", state_.lr},
                {"last_lr", state_.last_lr},
                {"best", state_.best},
                {"num_bad_epochs", state_.num_bad_epochs},
                {"cooldown_counter", state_.cooldown_counter},
                {"last_epoch", state_.last_epoch}};
    }
    bool reads_loss() const override { return true; }
    const State& state() const { return state_; }
    void restore(const State& s) { state_ = s; }

    // ReduceLROnPlateau.step(loss): count an improvement or a bad update, then maybe cut η.
    void observe(double loss) const override {
        State& s = state_;
        s.last_lr = s.lr;
        s.last_epoch += 1;
        if (better(loss, s.best)) {
            s.best = loss;
            s.num_bad_epochs = 0;
        } else {
            s.num_bad_epochs += 1;
        }
        if (s.cooldown_counter > 0) {  // in cooldown: the bad updates do not count
            s.cooldown_counter -= 1;
            s.num_bad_epochs = 0;
        }
        if (s.num_bad_epochs > patience_) {
            const double cut = s.lr * factor_;
            const double new_lr = min_lr_ > cut ? min_lr_ : cut;  // max(η·f, min_lr), as Python
            if (s.lr - new_lr > eps_) s.lr = new_lr;              // too small a cut: none
            s.cooldown_counter = cooldown_;
            s.num_bad_epochs = 0;
        }
    }

  protected:
    double rate_at(long t) const override {
        if (t == state_.last_epoch) return state_.lr;
        if (t == state_.last_epoch - 1) return state_.last_lr;
        throw UsageError("plateau: the rate of update " + std::to_string(t) +
                         " depends on the losses before it; " + std::to_string(state_.last_epoch) +
                         " have been seen");
    }

  private:
    bool better(double a, double best) const {
        if (mode_ == "rel") return a < best * (1. - threshold_);
        return a < best - threshold_;
    }

    double base_, factor_;
    long patience_;
    double threshold_;
    std::string mode_;
    long cooldown_;
    double min_lr_, eps_;
    mutable State state_;  // changed by observe() only; see Schedule::observe
};

}  // namespace gd

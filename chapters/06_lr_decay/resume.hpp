// resume.hpp: stopping a run and going on later, bit for bit, and what is lost without each part
// of its state.
//
// A mini-batch run of chapter 06 is fully described, at the end of an epoch, by four things:
// the parameters θ, the optimizer's state (its step count t and its buffers: the velocity u of
// momentum, Adam's moments m and v), the schedule's clock (how many epochs it has counted, what
// PyTorch keeps as scheduler.state_dict()['last_epoch']) and the generator that shuffles the
// next epochs. The lecture's advice is to save the model, the optimizer and the scheduler; this
// header saves all four as text (numbers in C99 hexadecimal, exact), resumes from them, and can
// drop the optimizer's state or the clock on purpose, to show what each one carries.
//
// Notation: θ = (a, b) parameters, t step, η_t the rate of epoch t, u velocity, m and v Adam's
// first and second moments.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <istream>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "core/usage_error.hpp"
#include "noisy_sgd.hpp"
#include "optim/optimizer.hpp"
#include "problems/line_fit.hpp"
#include "schedule/schedule.hpp"
#include "train/line_training.hpp"

namespace ch06 {

// A schedule whose clock starts at `start` epochs: epoch t of the resumed run gets the rate of
// epoch start + t of the whole run. Our schedules are pure functions of t, so this count is the
// only state a schedule has; start = 0 is a resume that forgot it.
class ClockFrom : public gd::Schedule {
  public:
    ClockFrom(const gd::Schedule& inner, long start) : inner_(inner), start_(start) {}
    std::string name() const override { return inner_.name(); }
    std::vector<gd::ScheduleParam> params() const override {
        std::vector<gd::ScheduleParam> p = inner_.params();
        p.emplace_back("last_epoch", start_);
        return p;
    }

  protected:
    double rate_at(long t) const override { return inner_.rate(start_ + t); }

  private:
    const gd::Schedule& inner_;
    long start_;
};

// Everything a run needs to go on, as it stands after `epoch` epochs.
struct Checkpoint {
    long epoch = 0;             // the schedule's clock: epochs done
    gd::Point2 theta;           // θ = (a, b)
    std::uint64_t rng[4] = {};  // the shuffling generator's state
    std::string optimizer;      // what Optimizer::save wrote: t and the buffers
};

inline std::string hex(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", v);
    return buf;
}

// Text, one item a line:  gd-ch06-checkpoint 1 / epoch 30 / theta 0x... 0x... / rng 4 words /
// then the optimizer's own block (optim/optimizer.hpp).
inline void save(const Checkpoint& c, std::ostream& os) {
    os << "gd-ch06-checkpoint 1\nepoch " << c.epoch << "\ntheta " << hex(c.theta.x) << ' '
       << hex(c.theta.y) << "\nrng";
    for (std::uint64_t w : c.rng) os << ' ' << w;
    os << '\n' << c.optimizer;
}

inline Checkpoint load(std::istream& is) {
    Checkpoint c;
    std::string word, a, b;
    if (!(is >> word >> a) || word != "gd-ch06-checkpoint" || a != "1")
        throw gd::UsageError("not a chapter 06 checkpoint");
    if (!(is >> word >> c.epoch) || word != "epoch") throw gd::UsageError("checkpoint: no epoch");
    if (!(is >> word >> a >> b) || word != "theta") throw gd::UsageError("checkpoint: no theta");
    c.theta = {std::strtod(a.c_str(), nullptr), std::strtod(b.c_str(), nullptr)};
    if (!(is >> word) || word != "rng") throw gd::UsageError("checkpoint: no generator state");
    for (std::uint64_t& w : c.rng)
        if (!(is >> w)) throw gd::UsageError("checkpoint: generator state cut short");
    std::getline(is, word);  // the end of the rng line; the optimizer's block follows
    std::ostringstream rest;
    rest << is.rdbuf();
    c.optimizer = rest.str();
    return c;
}

// What a resume keeps: everything, or everything but one part.
enum class Resume { exact, no_optimizer_state, clock_restarted };

inline const char* describe(Resume r) {
    switch (r) {
        case Resume::exact:
            return "everything";
        case Resume::no_optimizer_state:
            return "no optimizer state";
        case Resume::clock_restarted:
            return "schedule clock at 0";
    }
    return "";
}

using MakeOptimizer = std::function<std::unique_ptr<gd::Optimizer<double>>()>;

// `epochs` epochs of mini-batch training from `start` (gd::train_line, the rate η_t of epoch t
// from `schedule`, a fresh shuffle every epoch from Rng(seed)). With stop in [1, epochs) the
// run stops after `stop` epochs, writes a checkpoint as text, and a new process (a new optimizer
// from `make`, a new generator) reads it back and trains the remaining epochs, keeping what
// `keep` says. stop = 0 trains without a break.
inline gd::LineRun train_with_break(const MakeOptimizer& make, const gd::Points& pts,
                                    gd::Point2 start, const gd::Schedule& schedule, int epochs,
                                    std::size_t batch, std::uint64_t seed, int stop = 0,
                                    Resume keep = Resume::exact, bool replace = false) {
    gd::LineTraining how;
    how.batch = batch;
    how.replace = replace;      // batches drawn with replacement, or a reshuffle every epoch
    how.rate_per_epoch = true;  // η_t counts epochs
    gd::Rng rng(seed);
    how.shuffle = &rng;
    how.schedule = &schedule;
    how.epochs = stop > 0 ? stop : epochs;
    auto opt = make();
    gd::LineRun run = gd::train_line(*opt, pts, start, how);
    run.name = opt->name();
    if (stop <= 0 || run.diverged_at >= 0) return run;

    // Save: θ, the generator, the optimizer (t, u or m and v), the clock (epochs done).
    Checkpoint c{stop, run.end(), {}, ""};
    for (int i = 0; i < 4; ++i) c.rng[i] = rng.state()[i];
    std::ostringstream opt_text;
    opt->save(opt_text);
    c.optimizer = opt_text.str();
    std::stringstream file;
    save(c, file);

    // Resume, in what could be another process: everything is rebuilt from the text.
    const Checkpoint r = load(file);
    auto fresh = make();  // t = 0, every buffer empty: what a resume without the state gets
    if (keep != Resume::no_optimizer_state) {
        std::istringstream is(r.optimizer);
        fresh->load(is);
    }
    gd::Rng rng2;
    rng2.set_state(r.rng);
    const ClockFrom clock(schedule, keep == Resume::clock_restarted ? 0 : r.epoch);
    how.shuffle = &rng2;
    how.schedule = &clock;
    how.epochs = epochs - stop;
    append(run, gd::train_line(*fresh, pts, r.theta, how));
    return run;
}

}  // namespace ch06

// schedule.hpp: what every learning-rate schedule is, the rate η_t of update t as a pure
// function of t, and the one line it saves to.
//
// Introduced in chapter 06 (decay) and used again in chapter 07 (annealing, restarts,
// one-cycle, cyclical rates, warm-up, plateaus); the schedules themselves are in decay.hpp,
// milestones.hpp, polynomial.hpp, cosine_restarts.hpp, onecycle.hpp, cyclic.hpp, plateau.hpp and
// warmup.hpp, and factory.hpp gathers them. They follow torch.optim.lr_scheduler of
// PyTorch 1.13 (https://pytorch.org/docs/1.13/optim.html#how-to-adjust-learning-rate), in the
// training loop PyTorch documents:
//     for each update: optimizer.step(); scheduler.step()
// so rate(t) is what optimizer.param_groups[0]['lr'] holds while update t runs; t = 0 is the
// first update and gets the rate of a freshly built scheduler. PyTorch computes most schedules
// recursively (η_t from η_{t-1}); we write the closed form of the same sequence, which agrees to
// rounding (tests/test_schedules.cpp against tests/reference/, from tests/reference_schedules.py).
//
// Notation in all schedule headers: η₀ the base rate, η_t the rate of update t, t = 0, 1, 2, ...
//
// Two kinds of schedule do more than a rate: cyclic and onecycle may also cycle the momentum (or
// the Adam family's β1) as a pure function of t, momentum(t), which train/step.hpp sets beside
// the rate; plateau follows the losses, told after every update through observe(), so its rate
// is known only for the coming update (and the one before).
//
// Saving: save() writes one line,
//     gd-schedule 1 <name> <key>=<value> ...
// reals in C99 hexadecimal ("%a", 0.1 is 0x1.999999999999ap-4), integers in decimal, words as
// they are, so the same schedule, and so the same rates bit for bit, comes back from
// load_schedule() (factory.hpp); a plateau's line holds its state too.
#pragma once

#include <climits>
#include <cmath>
#include <cstdio>
#include <istream>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/usage_error.hpp"

namespace gd {

// One named parameter of a schedule, as save() writes it and describe() shows it: a real, an
// integer or a word ("triangular2", a list of milestones "30,80").
struct ScheduleParam {
    std::string key;
    double real = 0.0;
    long integer = 0;
    bool is_integer = false;
    std::string text;
    bool is_text = false;

    ScheduleParam(std::string k, double v) : key(std::move(k)), real(v) {}
    ScheduleParam(std::string k, long v) : key(std::move(k)), integer(v), is_integer(true) {}
    ScheduleParam(std::string k, std::string word)
        : key(std::move(k)), text(std::move(word)), is_text(true) {}

    // Lossless text: hexadecimal for reals (strtod reads it back exactly), decimal for integers.
    std::string saved() const {
        return is_text ? text : is_integer ? std::to_string(integer) : format("%a");
    }
    // Short text for legends and messages.
    std::string shown() const {
        return is_text ? text : is_integer ? std::to_string(integer) : format("%g");
    }

  private:
    std::string format(const char* f) const {
        char buf[64];
        std::snprintf(buf, sizeof buf, f, real);
        return buf;
    }
};

// Reads one saved line and returns its words after "gd-schedule 1": the name, then key=value.
// No line, a line cut short before its newline, or another format is a UsageError.
inline std::vector<std::string> read_saved_schedule(std::istream& is) {
    std::string line;
    if (!std::getline(is, line)) throw UsageError("saved schedule: nothing to read");
    if (is.eof()) throw UsageError("saved schedule: truncated line '" + line + "'");
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    if (words.empty() || words[0] != "gd-schedule") {
        throw UsageError("not a saved schedule: '" + line + "'");
    }
    if (words.size() < 3 || words[1] != "1") {
        throw UsageError("saved schedule: unknown version in '" + line + "'");
    }
    return {words.begin() + 2, words.end()};
}

class Schedule {
  public:
    virtual ~Schedule() = default;

    // η_t, the rate of update t. Asking for t < 0 or t >= horizon() is a UsageError.
    double rate(long t) const {
        check(t);
        return rate_at(t);
    }

    // Momentum cycling (cyclic, onecycle): the momentum, or the Adam family's β1, of update t,
    // which train/step.hpp sets beside η_t. PyTorch 1.13's OneCycleLR cycles either; its
    // CyclicLR only a momentum (it refuses the Adam family), hence cycles_beta1().
    virtual bool cycles_momentum() const { return false; }
    virtual bool cycles_beta1() const { return false; }
    double momentum(long t) const {
        check(t);
        if (!cycles_momentum()) throw UsageError(name() + " does not cycle the momentum");
        return momentum_at(t);
    }

    // A schedule that follows the losses (plateau) is told the loss after every update; its
    // rate is then known for the next update. The others ignore it. It is const so that every
    // loop can hold any schedule as const: the one stateful schedule keeps its state mutable.
    virtual bool reads_loss() const { return false; }
    virtual void observe(double /*loss*/) const {}

    // The name make_schedule() knows it by: "step", "cosine", ...
    virtual std::string name() const = 0;
    // Its parameters, in the order save() writes them.
    virtual std::vector<ScheduleParam> params() const = 0;
    // How many updates have a rate; only the one-cycle schedule ends.
    virtual long horizon() const { return LONG_MAX; }

    // One line, e.g. "gd-schedule 1 step base_lr=0x1.999999999999ap-4 step_size=30 gamma=...".
    virtual void save(std::ostream& os) const {
        os << "gd-schedule 1 " << name();
        for (const auto& p : params()) os << ' ' << p.key << '=' << p.saved();
        os << '\n';
    }

    // A schedule keeps no state besides its parameters, so loading a saved line into an existing
    // schedule (as a checkpoint does, after rebuilding the run from its flags) checks that the
    // line is this very schedule, and reads past it. load_schedule() rebuilds one from the line;
    // a plateau, whose line holds the state it reached too, must be rebuilt that way.
    void load(std::istream& is) const {
        const std::vector<std::string> words = read_saved_schedule(is);
        std::ostringstream mine;
        save(mine);
        std::string theirs = "gd-schedule 1";
        for (const auto& w : words) theirs += ' ' + w;
        if (theirs + '\n' == mine.str()) return;
        if (words[0] != name()) {
            throw UsageError("cannot load schedule: it was saved by " + words[0] + ", not " +
                             name());
        }
        throw UsageError("cannot load schedule: the saved '" + theirs + "' is not this run's " +
                         describe());
    }

    // For legends and logs: "step(base_lr=0.1, step_size=30, gamma=0.1)".
    std::string describe() const {
        std::string s = name() + "(";
        for (const auto& p : params()) {
            s += (s.back() == '(' ? "" : ", ") + p.key + "=" + p.shown();
        }
        return s + ")";
    }

  protected:
    virtual double rate_at(long t) const = 0;             // t already checked
    virtual double momentum_at(long) const { return 0; }  // when cycles_momentum()

    void check(long t) const {
        if (t < 0) throw UsageError(name() + ": update t must be >= 0, got " + std::to_string(t));
        if (t >= horizon()) {
            throw UsageError(name() + ": no rate for update " + std::to_string(t) +
                             ", the schedule defines updates 0.." + std::to_string(horizon() - 1));
        }
    }

    // The constructors' checks: a failure is one line naming the schedule and the parameter.
    static void require(bool ok, const std::string& schedule, const std::string& rule, double got) {
        if (ok) return;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.10g", got);
        throw UsageError(schedule + ": " + rule + ", got " + buf);
    }
    static void require_rate(const std::string& schedule, const std::string& key, double v) {
        require(std::isfinite(v) && v >= 0.0, schedule, key + " must be finite and >= 0", v);
    }
    static void require_positive(const std::string& schedule, const std::string& key, double v) {
        require(std::isfinite(v) && v > 0.0, schedule, key + " must be finite and > 0", v);
    }
    static void require_count(const std::string& schedule, const std::string& key, long v) {
        require(v >= 1, schedule, key + " must be an integer >= 1", static_cast<double>(v));
    }
};

}  // namespace gd

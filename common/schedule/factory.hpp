// factory.hpp: every learning-rate schedule by name, and the factory the command-line tools use.
//
// Introduced in chapter 06 (decay), used by chapter 07 (annealing, restarts, one-cycle, cyclical
// rates, plateaus, warm-up) and the playground. A tool declares the flags with
// add_schedule_flags() (cli/schedule_flags.hpp), which fill a ScheduleConfig, and calls
// make_schedule(name, base_lr, config); a checkpoint stores Schedule::save()'s line, and
// load_schedule() rebuilds the same schedule from it (a plateau with the state it reached).
// Names, parameters and defaults are torch.optim.lr_scheduler's (PyTorch 1.13,
// https://pytorch.org/docs/1.13/optim.html), but for momentum cycling: PyTorch's default is on,
// a ScheduleConfig's is off (the chapters schedule the rate only) and the command line turns it
// on. The interface is in schedule.hpp; the schedules are in decay.hpp (constant, step,
// exponential, inverse-time, linear, any function), milestones.hpp (multistep, constant-lr),
// polynomial.hpp, cosine_restarts.hpp, onecycle.hpp, cyclic.hpp, plateau.hpp, and warmup.hpp
// puts a warm-up in front of any of them.
#pragma once

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <istream>
#include <limits>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/usage_error.hpp"
#include "schedule/cosine_restarts.hpp"
#include "schedule/cyclic.hpp"
#include "schedule/decay.hpp"
#include "schedule/milestones.hpp"
#include "schedule/onecycle.hpp"
#include "schedule/plateau.hpp"
#include "schedule/polynomial.hpp"
#include "schedule/schedule.hpp"
#include "schedule/warmup.hpp"

namespace gd {

// Every parameter any schedule takes; a field applies only to the schedules named beside it.
// Those without a PyTorch default are `unset` (NaN, or 0 for the counts) and must be given.
struct ScheduleConfig {
    static constexpr double unset = std::numeric_limits<double>::quiet_NaN();
    static bool given(double v) { return !std::isnan(v); }

    int step_size = 0;              // step: needed
    double gamma = unset;           // step, multistep: default 0.1; cyclic: 1; exponential: needed
    double decay = unset;           // inverse-time: needed
    double start_factor = 1.0 / 3;  // linear
    double end_factor = 1.0;        // linear
    int total_iters = 5;            // linear, constant-lr, polynomial
    int t_max = 0;                  // cosine: needed
    double eta_min = 0.0;           // cosine, cosine-restarts
    int t0 = 0;                     // cosine-restarts: needed
    int t_mult = 1;                 // cosine-restarts
    double max_lr = unset;          // onecycle (it ignores the base rate), cyclic: needed
    int total_steps = 0;            // onecycle: needed
    double pct_start = 0.3;         // onecycle
    double div_factor = 25.0;       // onecycle
    double final_div_factor = 1e4;  // onecycle
    bool three_phase = false;       // onecycle
    std::string anneal_strategy = "cos";  // onecycle: cos or linear
    std::vector<long> milestones;         // multistep: needed
    double factor = unset;                // constant-lr: default 1/3; plateau: 0.1
    double power = 1.0;                   // polynomial
    double base_lr = unset;               // cyclic: needed (it ignores the optimizer's rate)
    int step_size_up = 2000;              // cyclic
    int step_size_down = 0;               // cyclic; 0: as step_size_up
    std::string mode = "triangular";      // cyclic: triangular, triangular2 or exp_range
    bool cycle_momentum = false;          // cyclic, onecycle; PyTorch's default (true) is the CLI's
    double base_momentum = unset;         // cyclic: default 0.8; onecycle: 0.85
    double max_momentum = unset;          // cyclic: default 0.9; onecycle: 0.95
    int patience = 10;                    // plateau
    double threshold = 1e-4;              // plateau
    std::string threshold_mode = "rel";   // plateau: rel or abs
    int cooldown = 0;                     // plateau
    double min_lr = 0.0;                  // plateau
    int warmup_steps = 0;                 // any: a warm-up of this many updates in front; 0: none
    double warmup_factor = 1.0 / 3;       // its first factor (LinearLR's start_factor)

    // Sets the field `key` (as save() names it) from text: a decimal or hexadecimal real, a
    // decimal integer, 0/1 for the switches, a word, or integers A,B,... for the milestones.
    // The schedules check the values' ranges.
    void set(const std::string& key, const std::string& text) {
        const std::pair<const char*, double*> reals[] = {{"gamma", &gamma},
                                                         {"decay", &decay},
                                                         {"start_factor", &start_factor},
                                                         {"end_factor", &end_factor},
                                                         {"eta_min", &eta_min},
                                                         {"max_lr", &max_lr},
                                                         {"pct_start", &pct_start},
                                                         {"div_factor", &div_factor},
                                                         {"final_div_factor", &final_div_factor},
                                                         {"factor", &factor},
                                                         {"power", &power},
                                                         {"base_lr", &base_lr},
                                                         {"base_momentum", &base_momentum},
                                                         {"max_momentum", &max_momentum},
                                                         {"threshold", &threshold},
                                                         {"min_lr", &min_lr},
                                                         {"warmup_factor", &warmup_factor}};
        const std::pair<const char*, int*> counts[] = {{"step_size", &step_size},
                                                       {"total_iters", &total_iters},
                                                       {"t_max", &t_max},
                                                       {"t0", &t0},
                                                       {"t_mult", &t_mult},
                                                       {"total_steps", &total_steps},
                                                       {"step_size_up", &step_size_up},
                                                       {"step_size_down", &step_size_down},
                                                       {"patience", &patience},
                                                       {"cooldown", &cooldown},
                                                       {"warmup_steps", &warmup_steps}};
        const std::pair<const char*, std::string*> words[] = {{"anneal_strategy", &anneal_strategy},
                                                              {"mode", &mode},
                                                              {"threshold_mode", &threshold_mode}};
        const std::pair<const char*, bool*> switches[] = {{"three_phase", &three_phase},
                                                          {"cycle_momentum", &cycle_momentum}};
        for (const auto& [k, field] : reals) {
            if (key == k) {
                *field = parse_real(key, text);
                return;
            }
        }
        for (const auto& [k, field] : counts) {
            if (key == k) {
                *field = parse_count(key, text);
                return;
            }
        }
        for (const auto& [k, field] : words) {
            if (key == k) {
                *field = text;
                return;
            }
        }
        for (const auto& [k, field] : switches) {
            if (key == k && (text == "0" || text == "1")) {
                *field = text == "1";
                return;
            }
            // NOLINTNEXTLINE(performance-inefficient-string-concatenation): once, on the way out
            if (key == k) throw UsageError(key + " expects 0 or 1, got '" + text + "'");
        }
        if (key == "milestones") {
            milestones.clear();
            std::stringstream in(text);
            for (std::string part; std::getline(in, part, ',');) {
                milestones.push_back(parse_count(key, part));
            }
            if (milestones.empty() || text.back() == ',') {
                throw UsageError("milestones expects integers A,B,..., got '" + text + "'");
            }
            return;
        }
        throw UsageError("unknown schedule parameter '" + key + "'");
    }

    static double parse_real(const std::string& key, const std::string& text) {
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);  // also reads "%a" hexadecimal
        if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v)) {
            throw UsageError(key + " expects a finite number, got '" + text + "'");
        }
        return v;
    }
    static int parse_count(const std::string& key, const std::string& text) {
        char* end = nullptr;
        errno = 0;
        const long v = std::strtol(text.c_str(), &end, 10);
        if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE ||
            v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
            throw UsageError(key + " expects an integer, got '" + text + "'");
        }
        return static_cast<int>(v);
    }
};

inline std::vector<std::string> schedule_names() {
    return {"constant",     "step",   "multistep",  "constant-lr", "exponential",
            "inverse-time", "linear", "polynomial", "cosine",      "cosine-restarts",
            "onecycle",     "cyclic", "plateau"};
}

// The parameters each schedule's saved line must hold, in the order save() writes them.
inline std::vector<std::string> schedule_parameters(const std::string& name) {
    if (name == "constant") return {"base_lr"};
    if (name == "step") return {"base_lr", "step_size", "gamma"};
    if (name == "multistep") return {"base_lr", "milestones", "gamma"};
    if (name == "constant-lr") return {"base_lr", "factor", "total_iters"};
    if (name == "exponential") return {"base_lr", "gamma"};
    if (name == "inverse-time") return {"base_lr", "decay"};
    if (name == "linear") return {"base_lr", "start_factor", "end_factor", "total_iters"};
    if (name == "polynomial") return {"base_lr", "total_iters", "power"};
    if (name == "cosine") return {"base_lr", "t_max", "eta_min"};
    if (name == "cosine-restarts") return {"base_lr", "t0", "t_mult", "eta_min"};
    if (name == "onecycle") {
        return {"max_lr",     "total_steps",      "pct_start",
                "div_factor", "final_div_factor", "three_phase"};
    }
    if (name == "cyclic") {
        return {"base_lr", "max_lr",         "step_size_up",  "step_size_down", "mode",
                "gamma",   "cycle_momentum", "base_momentum", "max_momentum"};
    }
    if (name == "plateau") {
        return {"base_lr",        "factor",   "patience", "threshold",
                "threshold_mode", "cooldown", "min_lr",   "eps"};
    }
    std::string list;
    for (const auto& n : schedule_names()) list += (list.empty() ? "" : ", ") + n;
    throw UsageError("unknown schedule '" + name + "' (one of " + list + ")");
}

// The fields a saved line may hold besides those: a one-cycle's annealing and momentum (written
// only when they differ from the rate-only cycle) and a plateau's state.
inline std::vector<std::string> schedule_extras(const std::string& name) {
    if (name == "onecycle") {
        return {"anneal_strategy", "cycle_momentum", "base_momentum", "max_momentum"};
    }
    if (name == "plateau") {
        return {"lr", "last_lr", "best", "num_bad_epochs", "cooldown_counter", "last_epoch"};
    }
    return {};
}

// The schedule `name` with base rate base_lr (ignored by onecycle, which starts at
// max_lr / div_factor, and by cyclic, which starts at its own base_lr), behind a warm-up when
// warmup_steps > 0. A parameter without a default that is not given is a UsageError.
inline std::unique_ptr<Schedule> make_schedule(const std::string& name, double base_lr,
                                               const ScheduleConfig& c) {
    schedule_parameters(name);  // unknown names fail here
    auto need = [&name](bool given, const char* key) {
        if (!given) throw UsageError(name + " needs " + key + " (it has no default)");
    };
    auto or_default = [](double v, double fallback) {
        return ScheduleConfig::given(v) ? v : fallback;
    };
    std::unique_ptr<Schedule> s;
    if (name == "constant") {
        s = std::make_unique<ConstantRate>(base_lr);
    } else if (name == "step") {
        need(c.step_size != 0, "step_size");
        s = std::make_unique<StepDecay>(base_lr, c.step_size, or_default(c.gamma, 0.1));
    } else if (name == "multistep") {
        need(!c.milestones.empty(), "milestones");
        s = std::make_unique<MultiStepDecay>(base_lr, c.milestones, or_default(c.gamma, 0.1));
    } else if (name == "constant-lr") {
        s = std::make_unique<ConstantFactor>(base_lr, or_default(c.factor, 1.0 / 3), c.total_iters);
    } else if (name == "exponential") {
        need(ScheduleConfig::given(c.gamma), "gamma");
        s = std::make_unique<ExponentialDecay>(base_lr, c.gamma);
    } else if (name == "inverse-time") {
        need(ScheduleConfig::given(c.decay), "decay");
        s = std::make_unique<InverseTimeDecay>(base_lr, c.decay);
    } else if (name == "linear") {
        s = std::make_unique<LinearSchedule>(base_lr, c.start_factor, c.end_factor, c.total_iters);
    } else if (name == "polynomial") {
        s = std::make_unique<PolynomialDecay>(base_lr, c.total_iters, c.power);
    } else if (name == "cosine") {
        need(c.t_max != 0, "t_max");
        s = std::make_unique<CosineAnnealing>(base_lr, c.t_max, c.eta_min);
    } else if (name == "cosine-restarts") {
        need(c.t0 != 0, "t0");
        s = std::make_unique<CosineWarmRestarts>(base_lr, c.t0, c.t_mult, c.eta_min);
    } else if (name == "onecycle") {
        need(ScheduleConfig::given(c.max_lr), "max_lr");
        need(c.total_steps != 0, "total_steps");
        s = std::make_unique<OneCycle>(c.max_lr, c.total_steps, c.pct_start, c.div_factor,
                                       c.final_div_factor, c.three_phase, c.anneal_strategy,
                                       c.cycle_momentum, or_default(c.base_momentum, 0.85),
                                       or_default(c.max_momentum, 0.95));
    } else if (name == "cyclic") {
        need(ScheduleConfig::given(c.base_lr), "base_lr");
        need(ScheduleConfig::given(c.max_lr), "max_lr");
        s = std::make_unique<CyclicRate>(
            c.base_lr, c.max_lr, c.step_size_up, c.step_size_down, c.mode, or_default(c.gamma, 1.0),
            c.cycle_momentum, or_default(c.base_momentum, 0.8), or_default(c.max_momentum, 0.9));
    } else {
        s = std::make_unique<Plateau>(base_lr, or_default(c.factor, 0.1), c.patience, c.threshold,
                                      c.threshold_mode, c.cooldown, c.min_lr);
    }
    if (c.warmup_steps == 0) return s;
    // The warm-up climbs to the group's initial_lr: OneCycleLR's constructor sets it to its
    // start, max_lr / div_factor; for every other schedule it is the optimizer's rate.
    const double to = name == "onecycle" ? c.max_lr / c.div_factor : base_lr;
    return std::make_unique<Warmup>(std::move(s), c.warmup_steps, c.warmup_factor, to);
}

// A plateau as a saved line describes it: its settings, and the state it had reached (`best` is
// inf before the first loss).
inline std::unique_ptr<Schedule> restore_plateau(double base_lr, const ScheduleConfig& c,
                                                 const std::map<std::string, std::string>& state) {
    auto real = [&state](const char* key, bool may_be_inf) {
        const std::string& text = state.at(key);
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (text.empty() || *end || std::isnan(v) || (!may_be_inf && !std::isfinite(v))) {
            throw UsageError(std::string("saved schedule: plateau's ") + key +
                             " is not a number: '" + text + "'");
        }
        return v;
    };
    auto count = [&state](const char* key) {
        const std::string& text = state.at(key);
        char* end = nullptr;
        errno = 0;
        const long v = std::strtol(text.c_str(), &end, 10);
        if (text.empty() || *end || errno == ERANGE || v < 0) {
            throw UsageError(std::string("saved schedule: plateau's ") + key +
                             " is not a count: '" + text + "'");
        }
        return v;
    };
    auto p = std::make_unique<Plateau>(base_lr, ScheduleConfig::given(c.factor) ? c.factor : 0.1,
                                       c.patience, c.threshold, c.threshold_mode, c.cooldown,
                                       c.min_lr, real("eps", false));
    Plateau::State s;
    s.lr = real("lr", false);
    s.last_lr = real("last_lr", false);
    s.best = real("best", true);
    s.num_bad_epochs = count("num_bad_epochs");
    s.cooldown_counter = count("cooldown_counter");
    s.last_epoch = count("last_epoch");
    p->restore(s);
    return p;
}

// Reads one line written by Schedule::save() and rebuilds the schedule, with a warm-up in front
// and a plateau's state as saved. Anything else (another format or version, an unknown schedule,
// a missing, repeated or unknown field, a value that is not a number, a line cut short before
// its newline) is a UsageError.
inline std::unique_ptr<Schedule> load_schedule(std::istream& is) {
    const std::vector<std::string> all = read_saved_schedule(is);
    // A warm-up's own fields come first, then "then=<name>" and that schedule's fields.
    std::vector<std::string> words = all;
    std::map<std::string, std::string> warm;
    if (all[0] == "warmup") {
        std::size_t i = 1;
        for (; i < all.size() && all[i].rfind("then=", 0) != 0; ++i) {
            const auto eq = all[i].find('=');
            const std::string key = all[i].substr(0, eq);
            if (eq == std::string::npos || warm.count(key) ||
                (key != "warmup_steps" && key != "warmup_factor" && key != "warmup_lr")) {
                throw UsageError("saved schedule: unexpected field '" + key + "' for warmup");
            }
            warm[key] = all[i].substr(eq + 1);
        }
        if (warm.size() != 3 || i == all.size()) {
            throw UsageError(
                "saved schedule: warmup needs warmup_steps, warmup_factor, "
                "warmup_lr and then=<schedule>");
        }
        words.assign(all.begin() + static_cast<long>(i), all.end());
        words[0] = words[0].substr(5);  // the name after "then="
    }
    const std::string& name = words[0];
    const std::vector<std::string> expected = schedule_parameters(name);
    const std::vector<std::string> extras = schedule_extras(name);
    ScheduleConfig config;
    double base_lr = 0.0;
    std::vector<std::string> seen;
    std::map<std::string, std::string> state;  // a plateau's
    for (std::size_t i = 1; i < words.size(); ++i) {
        const auto eq = words[i].find('=');
        const std::string key = words[i].substr(0, eq), value = words[i].substr(eq + 1);
        if (eq == std::string::npos) throw UsageError("saved schedule: no value in '" + key + "'");
        const bool known = std::find(expected.begin(), expected.end(), key) != expected.end() ||
                           std::find(extras.begin(), extras.end(), key) != extras.end();
        if (!known || std::find(seen.begin(), seen.end(), key) != seen.end()) {
            // NOLINTNEXTLINE(performance-inefficient-string-concatenation): throws, so built once
            throw UsageError("saved schedule: unexpected field '" + key + "' for " + name);
        }
        seen.push_back(key);
        if (key == "base_lr") {  // the schedule's base rate; cyclic's own lower bound is it too
            base_lr = ScheduleConfig::parse_real(key, value);
            config.base_lr = base_lr;
        } else if (name == "plateau" &&
                   (key == "eps" || std::find(extras.begin(), extras.end(), key) != extras.end())) {
            state[key] = value;
        } else {
            config.set(key, value);
        }
    }
    const auto required =
        static_cast<std::size_t>(std::count_if(seen.begin(), seen.end(), [&](const std::string& k) {
            return std::find(expected.begin(), expected.end(), k) != expected.end();
        }));
    if (required != expected.size() || (name == "plateau" && state.size() != 7)) {
        throw UsageError("saved schedule: " + name + " needs " +
                         std::to_string(expected.size() + (name == "plateau" ? 6 : 0)) +
                         " fields, found " + std::to_string(seen.size()));
    }
    std::unique_ptr<Schedule> s = name == "plateau" ? restore_plateau(base_lr, config, state)
                                                    : make_schedule(name, base_lr, config);
    if (warm.empty()) return s;
    return std::make_unique<Warmup>(
        std::move(s), ScheduleConfig::parse_count("warmup_steps", warm["warmup_steps"]),
        ScheduleConfig::parse_real("warmup_factor", warm["warmup_factor"]),
        ScheduleConfig::parse_real("warmup_lr", warm["warmup_lr"]));
}

}  // namespace gd

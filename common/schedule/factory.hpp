// schedule.hpp: every learning-rate schedule, and the factory the command-line tools use.
//
// Introduced in chapter 06 (decay), used by chapter 07 (annealing, restarts, one-cycle) and the
// playground. A tool declares the flags with add_schedule_flags() (cli/schedule_flags.hpp),
// which fill a ScheduleConfig, and calls make_schedule(name, base_lr, config); a checkpoint stores
// Schedule::save()'s line, and load_schedule() rebuilds the same schedule from it. Names,
// parameters and defaults are torch.optim.lr_scheduler's (PyTorch 1.13,
// https://pytorch.org/docs/1.13/optim.html). The interface is in schedule.hpp; the schedules are in
// decay.hpp (constant, step, exponential, inverse-time, linear, any function), cosine_restarts.hpp
// and onecycle.hpp.
#pragma once

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <istream>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/usage_error.hpp"
#include "schedule/cosine_restarts.hpp"
#include "schedule/decay.hpp"
#include "schedule/onecycle.hpp"
#include "schedule/schedule.hpp"

namespace gd {

// Every parameter any schedule takes; a field applies only to the schedules named beside it.
// Those without a PyTorch default are `unset` (NaN, or 0 for the counts) and must be given.
struct ScheduleConfig {
    static constexpr double unset = std::numeric_limits<double>::quiet_NaN();
    static bool given(double v) { return !std::isnan(v); }

    int step_size = 0;              // step: needed
    double gamma = unset;           // step: default 0.1; exponential: needed
    double decay = unset;           // inverse-time: needed
    double start_factor = 1.0 / 3;  // linear
    double end_factor = 1.0;        // linear
    int total_iters = 5;            // linear
    int t_max = 0;                  // cosine: needed
    double eta_min = 0.0;           // cosine, cosine-restarts
    int t0 = 0;                     // cosine-restarts: needed
    int t_mult = 1;                 // cosine-restarts
    double max_lr = unset;          // onecycle: needed (it ignores the base rate)
    int total_steps = 0;            // onecycle: needed
    double pct_start = 0.3;         // onecycle
    double div_factor = 25.0;       // onecycle
    double final_div_factor = 1e4;  // onecycle
    bool three_phase = false;       // onecycle

    // Sets the field `key` (as save() names it) from text: a decimal or hexadecimal real, a
    // decimal integer, or 0/1 for three_phase. The schedules check the values' ranges.
    void set(const std::string& key, const std::string& text) {
        const std::pair<const char*, double*> reals[] = {{"gamma", &gamma},
                                                         {"decay", &decay},
                                                         {"start_factor", &start_factor},
                                                         {"end_factor", &end_factor},
                                                         {"eta_min", &eta_min},
                                                         {"max_lr", &max_lr},
                                                         {"pct_start", &pct_start},
                                                         {"div_factor", &div_factor},
                                                         {"final_div_factor", &final_div_factor}};
        const std::pair<const char*, int*> counts[] = {
            {"step_size", &step_size}, {"total_iters", &total_iters},
            {"t_max", &t_max},         {"t0", &t0},
            {"t_mult", &t_mult},       {"total_steps", &total_steps}};
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
        if (key == "three_phase" && (text == "0" || text == "1")) {
            three_phase = text == "1";
        } else if (key == "three_phase") {
            throw UsageError("three_phase expects 0 or 1, got '" + text + "'");
        } else {
            throw UsageError("unknown schedule parameter '" + key + "'");
        }
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
    return {"constant", "step",   "exponential",     "inverse-time",
            "linear",   "cosine", "cosine-restarts", "onecycle"};
}

// The parameters each schedule reads, in the order save() writes them.
inline std::vector<std::string> schedule_parameters(const std::string& name) {
    if (name == "constant") return {"base_lr"};
    if (name == "step") return {"base_lr", "step_size", "gamma"};
    if (name == "exponential") return {"base_lr", "gamma"};
    if (name == "inverse-time") return {"base_lr", "decay"};
    if (name == "linear") return {"base_lr", "start_factor", "end_factor", "total_iters"};
    if (name == "cosine") return {"base_lr", "t_max", "eta_min"};
    if (name == "cosine-restarts") return {"base_lr", "t0", "t_mult", "eta_min"};
    if (name == "onecycle") {
        return {"max_lr",     "total_steps",      "pct_start",
                "div_factor", "final_div_factor", "three_phase"};
    }
    std::string list;
    for (const auto& n : schedule_names()) list += (list.empty() ? "" : ", ") + n;
    throw UsageError("unknown schedule '" + name + "' (one of " + list + ")");
}

// The schedule `name` with base rate base_lr (ignored by onecycle, which starts at
// max_lr / div_factor). A parameter without a default that is not given is a UsageError.
inline std::unique_ptr<Schedule> make_schedule(const std::string& name, double base_lr,
                                               const ScheduleConfig& c) {
    schedule_parameters(name);  // unknown names fail here
    auto need = [&name](bool given, const char* key) {
        if (!given) throw UsageError(name + " needs " + key + " (it has no default)");
    };
    if (name == "constant") return std::make_unique<ConstantRate>(base_lr);
    if (name == "step") {
        need(c.step_size != 0, "step_size");
        const double gamma = ScheduleConfig::given(c.gamma) ? c.gamma : 0.1;
        return std::make_unique<StepDecay>(base_lr, c.step_size, gamma);
    }
    if (name == "exponential") {
        need(ScheduleConfig::given(c.gamma), "gamma");
        return std::make_unique<ExponentialDecay>(base_lr, c.gamma);
    }
    if (name == "inverse-time") {
        need(ScheduleConfig::given(c.decay), "decay");
        return std::make_unique<InverseTimeDecay>(base_lr, c.decay);
    }
    if (name == "linear") {
        return std::make_unique<LinearSchedule>(base_lr, c.start_factor, c.end_factor,
                                                c.total_iters);
    }
    if (name == "cosine") {
        need(c.t_max != 0, "t_max");
        return std::make_unique<CosineAnnealing>(base_lr, c.t_max, c.eta_min);
    }
    if (name == "cosine-restarts") {
        need(c.t0 != 0, "t0");
        return std::make_unique<CosineWarmRestarts>(base_lr, c.t0, c.t_mult, c.eta_min);
    }
    need(ScheduleConfig::given(c.max_lr), "max_lr");
    need(c.total_steps != 0, "total_steps");
    return std::make_unique<OneCycle>(c.max_lr, c.total_steps, c.pct_start, c.div_factor,
                                      c.final_div_factor, c.three_phase);
}

// Reads one line written by Schedule::save() and rebuilds the schedule. Anything else (another
// format or version, an unknown schedule, a missing, repeated or unknown field, a value that is
// not a number, a line cut short before its newline) is a UsageError.
inline std::unique_ptr<Schedule> load_schedule(std::istream& is) {
    const std::vector<std::string> words = read_saved_schedule(is);
    const std::string& name = words[0];
    const std::vector<std::string> expected = schedule_parameters(name);
    ScheduleConfig config;
    double base_lr = 0.0;
    std::vector<std::string> seen;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const auto eq = words[i].find('=');
        const std::string key = words[i].substr(0, eq), value = words[i].substr(eq + 1);
        if (eq == std::string::npos) throw UsageError("saved schedule: no value in '" + key + "'");
        if (std::find(expected.begin(), expected.end(), key) == expected.end() ||
            std::find(seen.begin(), seen.end(), key) != seen.end()) {
            // NOLINTNEXTLINE(performance-inefficient-string-concatenation): throws, so built once
            throw UsageError("saved schedule: unexpected field '" + key + "' for " + name);
        }
        seen.push_back(key);
        if (key == "base_lr") {
            base_lr = ScheduleConfig::parse_real(key, value);
        } else {
            config.set(key, value);
        }
    }
    if (seen.size() != expected.size()) {
        throw UsageError("saved schedule: " + name + " needs " + std::to_string(expected.size()) +
                         " fields, found " + std::to_string(seen.size()));
    }
    return make_schedule(name, base_lr, config);
}

}  // namespace gd

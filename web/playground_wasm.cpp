// playground_wasm.cpp: the playground as a WebAssembly module, for the book's web page.
//
// Built by `cmake --build build --target web` with emscripten, together with the native
// playground's own main.cpp (renamed gd_playground_main by -Dmain=...) and the optimizers of
// common/optim/: a run in the browser is the native playground's run, flag for flag and number
// for number. The page (web/playground.js) calls three functions and draws what they return:
//   gd_catalog()           JSON: the surfaces, optimizers and schedules with the flags each reads
//                          and their defaults, all asked of the C++ factories and flag tables
//   gd_run(words)          the playground's command line, one word a line, without --trace: JSON
//                          {code, out, err, trace}, trace being the CSV the native one writes
//   gd_surface_grid(...)   a surface's values on a grid over its frame, for the contour map
// No update rule, default or flag list is repeated here or in JavaScript: which flags an
// optimizer reads is found by trying them on it (flags_read) and from the flags' own help
// (names), a schedule's from the parameters it saves; a new optimizer, schedule, surface or flag
// needs no change here.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/optimizer_flags.hpp"
#include "cli/schedule_flags.hpp"
#include "optim/factory.hpp"
#include "plot/figures.hpp"
#include "problems/surfaces.hpp"
#include "schedule/factory.hpp"

int gd_playground_main(int argc, char** argv);  // chapters/playground/main.cpp's main

// The browser has no gnuplot: emit() finds none on PATH and never calls this; it is defined
// only because the playground's --plot code is linked in (figures.cpp needs Boost).
void gd::plot::Figures::run_gnuplot(const std::string& /*slug*/) {
    throw UsageError("there is no gnuplot in the browser");
}

namespace {

// ---- JSON, just enough -------------------------------------------------------------------

std::string quote(const std::string& s) {
    std::string q = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            q += '\\';
            q += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            q += buf;
        } else {
            q += c;
        }
    }
    return q + '"';
}

std::string number(double v) {
    if (!std::isfinite(v)) return "null";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string list(const std::vector<std::string>& items) {  // items already in JSON
    std::string s = "[";
    for (std::size_t i = 0; i < items.size(); ++i) s += (i ? "," : "") + items[i];
    return s + "]";
}

std::vector<std::string> quoted(const std::vector<std::string>& words) {
    std::vector<std::string> q;
    for (const auto& w : words) q.push_back(quote(w));
    return q;
}

// ---- the flags, as the command line declares them -----------------------------------------

struct Flag {
    std::string name, default_text, help;
    bool takes_value = false;
};

// The flags a Cli declares, read from its --help: "  --lr VALUE   help (default nan)".
std::vector<Flag> flags_of(const gd::Cli& cli) {
    std::ostringstream help;
    cli.print_help(help);
    std::istringstream lines(help.str());
    std::vector<Flag> flags;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("  --", 0) != 0) continue;
        std::istringstream words(line);
        Flag f;
        std::string value;
        words >> f.name;
        const auto after_name = words.tellg();
        f.takes_value = (words >> value) && value == "VALUE";
        if (!f.takes_value) words.seekg(after_name);
        std::getline(words, f.help);
        f.help.erase(0, f.help.find_first_not_of(' '));
        const std::string mark = " (default ";
        const auto at = f.help.rfind(mark);
        if (f.takes_value && at != std::string::npos && f.help.back() == ')') {
            f.default_text = f.help.substr(at + mark.size());
            f.default_text.pop_back();
            f.help.erase(at);
        }
        if (f.name != "--help" && f.name != "--quick" && f.name != "--no-plot") flags.push_back(f);
    }
    return flags;
}

std::vector<Flag> optimizer_flags() {
    gd::Cli cli("web", "", std::nullopt, false);
    gd::OptimizerConfig c;
    gd::add_optimizer_flags(cli, c);
    return flags_of(cli);
}

std::vector<Flag> schedule_flags() {
    gd::Cli cli("web", "", std::nullopt, false);
    gd::ScheduleConfig c;
    gd::add_schedule_flags(cli, c);
    return flags_of(cli);
}

// ---- which flags an optimizer reads: found by trying ---------------------------------------

// The config the flags give, or nullopt if the parser refuses them (a value out of range).
std::optional<gd::OptimizerConfig> parse(const std::vector<std::string>& words) {
    gd::OptimizerConfig config;
    gd::Cli cli("probe", "", std::nullopt, false);
    gd::add_optimizer_flags(cli, config);
    std::vector<const char*> argv{"probe"};
    for (const auto& w : words) argv.push_back(w.c_str());
    try {
        cli.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const gd::UsageError&) {
        return std::nullopt;
    }
    return config;
}

// What an optimizer does with a config: its points over a few steps of a fixed gradient sequence
// (big, then small, sign changes: enough for every buffer to matter), or the message with which
// it refused the config.
std::string behaviour(const std::string& name, const gd::OptimizerConfig& config) {
    try {
        auto opt = gd::make_optimizer<double>(name, config);
        xt::xarray<double> theta = {1.5, -0.7}, g = xt::zeros<double>({2});
        std::string trace;
        for (const double s : {1.0, 0.01, 0.5, -2.0, 0.03, 1.0, -0.2, 0.05}) {
            g(0) = 3 * s + 0.01 * theta(0);  // the squared gradient falls at step 2 (amsgrad)
            g(1) = -2 * s + 0.01 * theta(1);
            opt->step({&theta}, {&g});
            trace += number(theta(0)) + ' ' + number(theta(1)) + ' ';
        }
        return trace;
    } catch (const std::exception& e) {  // UsageError, or a rule that steps another way
        return std::string("refused: ") + e.what();
    }
}

// Values to try for a flag: two numbers around its default, or for a flag whose default is a
// list of numbers the list scaled, or else two generic numbers; and the words its help offers
// (a|b|c). The parser drops those out of range.
std::vector<std::vector<std::string>> trials(const Flag& f) {
    if (!f.takes_value) return {{f.name}};
    std::vector<std::string> values;
    char* end = nullptr;
    const double d = std::strtod(f.default_text.c_str(), &end);
    if (!f.default_text.empty() && *end == '\0' && std::isfinite(d) && d != 0) {
        values = {number(d * 0.5), number(d * 1.5)};
    } else if (f.default_text.find(',') != std::string::npos) {
        for (const double k : {0.9, 1.1}) {
            std::string scaled, item;
            std::istringstream items(f.default_text);
            while (std::getline(items, item, ',')) {
                scaled +=
                    (scaled.empty() ? "" : ",") + number(std::strtod(item.c_str(), nullptr) * k);
            }
            values.push_back(scaled);
        }
    }
    // A flag that takes a word names its choices in its help, as a|b|c.
    std::istringstream help(f.help);
    for (std::string word; help >> word;) {
        if (word.find('|') == std::string::npos) continue;
        std::istringstream choices(word);
        for (std::string c; std::getline(choices, c, '|');) {
            c.erase(0, c.find_first_not_of("(\"'`"));
            c.erase(c.find_last_not_of(")\"'`,.;:") + 1);
            if (!c.empty()) values.push_back(c);
        }
    }
    if (values.empty()) values = {"0.37", "3"};
    std::vector<std::vector<std::string>> t;
    for (const auto& v : values) t.push_back({f.name, v});
    return t;
}

// The flags each optimizer reads: those that change its steps or make it refuse the config.
// (A flag that matters only beside another, like sgd's dampening beside momentum, is found by
// its help.) Each trial config is parsed once and tried on every optimizer.
std::map<std::string, std::vector<std::string>> flags_read(const std::vector<Flag>& flags) {
    const std::vector<std::string> lr = {"--lr", "0.01"};  // sgd has no default rate
    const gd::OptimizerConfig base_config = *parse(lr);
    std::map<std::string, std::string> base;
    for (const auto& name : gd::optimizer_names()) base[name] = behaviour(name, base_config);
    std::map<std::string, std::vector<std::string>> read;
    for (const auto& f : flags) {
        std::vector<std::string> found;
        for (const auto& t : trials(f)) {
            auto words = f.name == "--lr" ? t : lr;
            if (f.name != "--lr") words.insert(words.end(), t.begin(), t.end());
            const auto config = parse(words);
            if (!config) continue;
            for (const auto& name : gd::optimizer_names()) {
                if (std::find(found.begin(), found.end(), name) == found.end() &&
                    behaviour(name, *config) != base[name]) {
                    found.push_back(name);
                    read[name].push_back(f.name);
                }
            }
        }
    }
    return read;
}

// Whether a flag's help names `name` as one it is for, as cli/optimizer_flags.hpp and
// cli/schedule_flags.hpp write them: "cosine, cosine-restarts: lowest rate", "momentum μ (sgd,
// rmsprop)", "decay factor γ: step, multistep (nan: 0.1), exponential; cyclic's exp_range".
bool names(const std::string& help, const std::string& name) {
    for (auto at = help.find(name); at != std::string::npos; at = help.find(name, at + 1)) {
        const char before = at ? help[at - 1] : ' ';
        const std::string after = help.substr(at + name.size(), 2);
        const bool starts = before == ' ' || before == '(' || before == ',' || before == ';';
        const bool ends =
            !after.empty() && (std::string(":,;()").find(after[0]) != std::string::npos ||
                               after == " (" || after == "'s");
        if (starts && ends) return true;
    }
    return false;
}

// ---- the catalog -------------------------------------------------------------------------

std::string flag_json(const Flag& f, const std::string& group) {
    return "{\"name\":" + quote(f.name) + ",\"value\":" + (f.takes_value ? "true" : "false") +
           ",\"default\":" + quote(f.default_text) + ",\"help\":" + quote(f.help) +
           ",\"group\":" + quote(group) + "}";
}

std::string catalog() {
    std::vector<std::string> surfaces;
    for (const auto& name : gd::surface_names()) {
        const auto s = gd::make_surface(name);
        const gd::Box b = s->frame();
        std::vector<std::string> minima;
        for (const auto& m : s->minima()) minima.push_back(list({number(m.x), number(m.y)}));
        surfaces.push_back("{\"name\":" + quote(name) + ",\"frame\":" +
                           list({number(b.x0), number(b.x1), number(b.y0), number(b.y1)}) +
                           ",\"minima\":" + list(minima) + "}");
    }
    const std::vector<Flag> opt_flags = optimizer_flags(), sched_flags = schedule_flags();
    std::vector<std::string> optimizers;
    auto seen = flags_read(opt_flags);
    for (const auto& name : gd::optimizer_names()) {
        std::string lr_default = "null", no_default;
        try {  // the rate it takes when none is given (PyTorch's default), or why there is none
            lr_default = number(gd::make_optimizer<double>(name, {})->lr());
        } catch (const gd::UsageError& e) {
            no_default = e.what();
        }
        // What it was seen to read, and what the flags' help says is for it. One that cannot be
        // watched on a gradient alone (L-BFGS evaluates the function itself) has its rate, as
        // every optimizer does, and what the help names; failing that, every flag.
        std::vector<std::string> read = seen[name], flags;
        if (read.empty()) read.push_back("--lr");
        for (const auto& f : opt_flags) {
            if (std::find(read.begin(), read.end(), f.name) != read.end() || names(f.help, name))
                flags.push_back(f.name);
        }
        if (flags.size() == 1) {
            flags.clear();
            for (const auto& f : opt_flags) flags.push_back(f.name);
        }
        optimizers.push_back("{\"name\":" + quote(name) + ",\"flags\":" + list(quoted(flags)) +
                             ",\"lr_default\":" + lr_default +
                             ",\"lr_required\":" + quote(no_default) + "}");
    }
    // A schedule reads the parameters it saves, each the flag of the same name (max_lr:
    // --max-lr) but base_lr, which is the optimizer's --lr; and the flags whose help names it. A
    // flag that is no one schedule's (a warm-up) goes with every schedule.
    const auto parameter = [](const std::string& schedule, const Flag& f) {
        for (std::string key : gd::schedule_parameters(schedule)) {
            if (key == "base_lr") continue;
            for (auto& c : key) c = c == '_' ? '-' : c;
            if (f.name == "--" + key) return true;
        }
        return false;
    };
    const auto reads = [&](const std::string& schedule, const Flag& f) {
        return parameter(schedule, f) || names(f.help, schedule);
    };
    std::vector<std::string> schedules;
    for (const auto& name : gd::schedule_names()) {
        std::vector<std::string> flags;
        for (const auto& f : sched_flags) {
            bool anyones = true;
            for (const auto& other : gd::schedule_names()) anyones = anyones && !reads(other, f);
            if (reads(name, f) || anyones) flags.push_back(f.name);
        }
        std::string needs;
        try {  // a schedule with a parameter that has no default says which
            gd::make_schedule(name, 0.1, {});
        } catch (const gd::UsageError& e) {
            needs = e.what();
        }
        schedules.push_back("{\"name\":" + quote(name) + ",\"flags\":" + list(quoted(flags)) +
                            ",\"needs\":" + quote(needs) + "}");
    }
    std::vector<std::string> flags;
    for (const auto& f : opt_flags) flags.push_back(flag_json(f, "optimizer"));
    for (const auto& f : sched_flags) flags.push_back(flag_json(f, "schedule"));
    return "{\"surfaces\":" + list(surfaces) + ",\"optimizers\":" + list(optimizers) +
           ",\"schedules\":" + list(schedules) + ",\"flags\":" + list(flags) + "}";
}

std::string slurp(const std::string& path) {
    std::ifstream is(path, std::ios::binary);
    std::ostringstream s;
    s << is.rdbuf();
    return s.str();
}

// The words the page may not pass: the run's outputs are the module's business.
bool forbidden(const std::string& w) {
    for (const char* f : {"--trace", "--plot", "--animate", "--checkpoint", "--resume", "--help"})
        if (w == f || w.rfind(std::string(f) + "=", 0) == 0) return true;
    return false;
}

std::string run(const std::string& text) {
    std::vector<std::string> words{"playground"};
    std::istringstream lines(text);
    for (std::string w; std::getline(lines, w);) {
        if (forbidden(w)) {
            return "{\"code\":2,\"out\":\"\",\"err\":" +
                   quote("playground: " + w + " is not for the web page: it writes the trace") +
                   ",\"trace\":\"\"}";
        }
        words.push_back(w);
    }
    const std::string trace = "/tmp/gd_playground_trace.csv";
    std::remove(trace.c_str());
    words.insert(words.end(), {"--trace", trace});
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    std::ostringstream out, err;
    auto* cout_buf = std::cout.rdbuf(out.rdbuf());
    auto* cerr_buf = std::cerr.rdbuf(err.rdbuf());
    auto* clog_buf = std::clog.rdbuf(err.rdbuf());
    const int code = gd_playground_main(static_cast<int>(words.size()), argv.data());
    std::cout.rdbuf(cout_buf);
    std::cerr.rdbuf(cerr_buf);
    std::clog.rdbuf(clog_buf);
    const std::string csv = code == 0 ? slurp(trace) : "";
    std::remove(trace.c_str());
    return "{\"code\":" + std::to_string(code) + ",\"out\":" + quote(out.str()) +
           ",\"err\":" + quote(err.str()) + ",\"trace\":" + quote(csv) + "}";
}

std::string result;               // what the last call returned, alive until the next call
std::vector<double> grid_values;  // the last grid

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* gd_catalog() {
    result = catalog();
    return result.c_str();
}

// words: the playground's command line without the program name, one word a line.
EMSCRIPTEN_KEEPALIVE const char* gd_run(const char* words) {
    result = run(words);
    return result.c_str();
}

// f(x, y) at nx × ny points over the surface's frame, row by row from the bottom (y0) up, x
// from left (x0) to right; nullptr for an unknown surface.
EMSCRIPTEN_KEEPALIVE const double* gd_surface_grid(const char* name, int nx, int ny) {
    std::unique_ptr<gd::Surface2> s;
    try {
        s = gd::make_surface(name);
    } catch (const gd::UsageError&) {
        return nullptr;
    }
    if (nx < 2 || ny < 2 || nx > 2000 || ny > 2000) return nullptr;
    const gd::Box b = s->frame();
    grid_values.resize(static_cast<std::size_t>(nx) * ny);
    for (int j = 0; j < ny; ++j) {
        const double y = b.y0 + (b.y1 - b.y0) * j / (ny - 1);
        for (int i = 0; i < nx; ++i) {
            const double x = b.x0 + (b.x1 - b.x0) * i / (nx - 1);
            grid_values[static_cast<std::size_t>(j) * nx + i] = s->value(x, y);
        }
    }
    return grid_values.data();
}

}  // extern "C"

// cli.hpp: the command line every chapter shares.
//
// Introduced in chapter 01. Each chapter declares its own flags (--lr, --epochs, ...) next to the
// variables they set; the parser adds the common ones: --help, --quick, --no-plot, --out DIR and
// --seed N. Anything a user can get wrong (an unknown flag, a missing or non-numeric value, nan,
// inf, a value out of range) is a UsageError: one line on stderr and exit code 2, via gd::run().
#pragma once

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/usage_error.hpp"

namespace gd {

// The closed or open interval a numeric flag must lie in.
struct Range {
    double lo = -std::numeric_limits<double>::infinity();
    double hi = std::numeric_limits<double>::infinity();
    bool lo_open = false;
    bool hi_open = false;

    bool contains(double v) const {
        return (lo_open ? v > lo : v >= lo) && (hi_open ? v < hi : v <= hi);
    }
    std::string describe() const {
        std::ostringstream s;
        s << (lo_open ? "(" : "[") << lo << ", " << hi << (hi_open ? ")" : "]");
        return s.str();
    }
};
inline Range positive() {
    return {0.0, std::numeric_limits<double>::infinity(), true, true};
}
inline Range non_negative() {
    return {0.0, std::numeric_limits<double>::infinity(), false, true};
}
inline Range between(double lo, double hi) {
    return {lo, hi, false, false};
}
inline Range unit_open() {
    return {0.0, 1.0, false, true};
}  // [0, 1), e.g. momentum, betas

class Cli {
  public:
    // Programs that draw random numbers pass their default seed and get --seed; the others
    // (fixed data, fixed starts) take no such flag, since it would change nothing. Tools that
    // name their output files themselves (the playground) pass out_folder = false: they get no
    // --out flag and no figures/<program> folder.
    Cli(std::string program, std::string summary,
        std::optional<std::uint64_t> default_seed = std::nullopt, bool out_folder = true)
        : out(out_folder ? "figures/" + program : ""),
          seed(default_seed.value_or(0)),
          program_(std::move(program)),
          summary_(std::move(summary)) {
        flag("--quick", quick, "tiny sizes that run in seconds (the tests use it)");
        flag("--no-plot", no_plot, "write data and .gp scripts, but never start gnuplot");
        if (out_folder) {
            option("--out", out, "folder for figures and their data (default: figures/<chapter>)");
        }
        if (default_seed) option("--seed", seed, "seed of the random generator");
    }

    // The common flags.
    bool quick = false;
    bool no_plot = false;
    std::string out;
    std::uint64_t seed = 0;  // --seed, for programs that draw random numbers

    const std::string& program() const { return program_; }

    // A switch: given, it sets target to `value` (true, or false for a --no-... flag).
    void flag(const std::string& name, bool& target, const std::string& help, bool value = true) {
        add(
            name, "", help, [&target, value](const std::string&) { target = value; }, false);
    }
    void option(const std::string& name, double& target, const std::string& help,
                Range range = Range{}) {
        add(name, fmt(target), help, [this, name, &target, range](const std::string& v) {
            target = number(name, v);
            if (!range.contains(target)) {
                fail(name + " must be in " + range.describe() + ", got " + v);
            }
        });
    }
    void option(const std::string& name, int& target, const std::string& help,
                int lo = std::numeric_limits<int>::min(),
                int hi = std::numeric_limits<int>::max()) {
        add(name, std::to_string(target), help,
            [this, name, &target, lo, hi](const std::string& v) {
                const long long x = parse_integer(name, v);
                if (x < lo || x > hi) {
                    fail(name + " must be an integer in [" + std::to_string(lo) + ", " +
                         std::to_string(hi) + "], got " + v);
                }
                target = static_cast<int>(x);
            });
    }
    void option(const std::string& name, std::uint64_t& target, const std::string& help) {
        add(name, std::to_string(target), help, [this, name, &target](const std::string& v) {
            const long long x = parse_integer(name, v);
            if (x < 0) fail(name + " must be a non-negative integer, got " + v);
            target = static_cast<std::uint64_t>(x);
        });
    }
    void option(const std::string& name, std::string& target, const std::string& help,
                const std::vector<std::string>& choices = {}) {
        add(name, target, help, [this, name, &target, choices](const std::string& v) {
            if (v.empty()) fail(name + " needs a non-empty value");
            if (!choices.empty() && !contains(choices, v)) {
                std::string list;
                for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
                fail(name + " must be one of " + list + ", got '" + v + "'");
            }
            target = v;
        });
    }

    // Two finite numbers "A,B" (e.g. --etas 0.5,1.2); whoever uses them checks their ranges.
    void option(const std::string& name, double& first, double& second, const std::string& help) {
        add(name, fmt(first) + "," + fmt(second), help,
            [this, name, &first, &second](const std::string& v) {
                const auto comma = v.find(',');
                if (comma == std::string::npos || v.find(',', comma + 1) != std::string::npos) {
                    fail(name + " expects two numbers A,B, got '" + v + "'");
                }
                first = number(name, v.substr(0, comma));
                second = number(name, v.substr(comma + 1));
            });
    }
    // A list "A,B,..." of integers, each at least lo (e.g. --milestones 30,80).
    void option(const std::string& name, std::vector<long>& target, const std::string& help,
                long lo) {
        std::string shown;
        for (long x : target) shown += (shown.empty() ? "" : ",") + std::to_string(x);
        add(name, shown, help, [this, name, &target, lo](const std::string& v) {
            std::vector<long> values;
            std::stringstream in(v);
            for (std::string part; std::getline(in, part, ',');) {
                const long long x = parse_integer(name, part);
                if (x < lo || x > std::numeric_limits<long>::max()) {
                    // NOLINTNEXTLINE(performance-inefficient-string-concatenation): once, on exit
                    fail(name + " expects integers >= " + std::to_string(lo) + ", got '" + v + "'");
                }
                values.push_back(static_cast<long>(x));
            }
            if (values.empty() || v.back() == ',') {
                fail(name + " expects integers A,B,..., got '" + v + "'");
            }
            target = values;
        });
    }

    // Parses argv. Returns false when --help was printed and the program should stop.
    bool parse(int argc, const char* const* argv) {
        for (int i = 1; i < argc; ++i) {
            std::string arg = argv[i];
            if (arg == "--help" || arg == "-h") {
                print_help(std::cout);
                return false;
            }
            std::string value;
            bool has_inline_value = false;
            if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
                value = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
                has_inline_value = true;
            }
            Flag* f = find(arg);
            if (!f) fail("unknown option '" + arg + "' (see --help)");
            if (!f->takes_value) {
                if (has_inline_value) fail(arg + " takes no value");
            } else if (!has_inline_value) {
                if (i + 1 >= argc) fail(arg + " needs a value");
                value = argv[++i];
            }
            f->apply(value);
            f->given = true;
            seen_.push_back(arg);
            if (f->takes_value) seen_.push_back(value);
        }
        prepare_out();
        return true;
    }

    bool given(const std::string& name) const {
        const Flag* f = find(name);
        return f && f->given;
    }

    // The words of the flags given, in order, leaving out the flags named in `skip` (and their
    // values): what a checkpoint stores to rebuild the same run later.
    std::vector<std::string> words_given(const std::vector<std::string>& skip) const {
        std::vector<std::string> words;
        for (std::size_t i = 0; i < seen_.size(); ++i) {
            const Flag* f = find(seen_[i]);
            const bool keep = !contains(skip, seen_[i]);
            if (keep) words.push_back(seen_[i]);
            if (f && f->takes_value) {
                if (keep) words.push_back(seen_[i + 1]);
                ++i;
            }
        }
        return words;
    }

    // A finite number for `name`, or a UsageError saying what was wrong with `v`.
    static double number(const std::string& name, const std::string& v) {
        char* end = nullptr;
        errno = 0;
        const double x = std::strtod(v.c_str(), &end);
        if (v.empty() || end != v.c_str() + v.size())
            fail(name + " expects a number, got '" + v + "'");
        if (!std::isfinite(x) || errno == ERANGE) {
            fail(name + " expects a finite number, got '" + v + "'");
        }
        return x;
    }
    [[noreturn]] static void fail(const std::string& message) { throw UsageError(message); }

    void print_help(std::ostream& os) const {
        os << program_ << ": " << summary_ << "\n\nOptions:\n";
        for (const auto& f : flags_) {
            std::string left = "  " + f.name + (f.takes_value ? " VALUE" : "");
            if (left.size() < 24) left.resize(24, ' ');
            os << left << ' ' << f.help;
            if (f.takes_value && !f.default_text.empty() && f.name != "--out") {
                os << " (default " << f.default_text << ")";
            }
            os << '\n';
        }
        os << "  --help                 this text\n";
    }

  private:
    struct Flag {
        std::string name, default_text, help;
        std::function<void(const std::string&)> apply;
        bool takes_value = true;
        bool given = false;
    };

    void add(const std::string& name, const std::string& default_text, const std::string& help,
             std::function<void(const std::string&)> apply, bool takes_value = true) {
        flags_.push_back({name, default_text, help, std::move(apply), takes_value, false});
    }
    const Flag* find(const std::string& name) const {
        for (const auto& f : flags_)
            if (f.name == name) return &f;
        return nullptr;
    }
    Flag* find(const std::string& name) {
        return const_cast<Flag*>(static_cast<const Cli&>(*this).find(name));
    }
    static bool contains(const std::vector<std::string>& v, const std::string& s) {
        for (const auto& x : v)
            if (x == s) return true;
        return false;
    }
    static std::string fmt(double v) {
        std::ostringstream s;
        s << v;
        return s.str();
    }

    long long parse_integer(const std::string& name, const std::string& v) const {
        char* end = nullptr;
        errno = 0;
        const long long x = std::strtoll(v.c_str(), &end, 10);
        if (v.empty() || end != v.c_str() + v.size()) {
            fail(name + " expects an integer, got '" + v + "'");
        }
        if (errno == ERANGE) fail(name + " is out of range: '" + v + "'");
        return x;
    }

    // The output folder must exist and be writable before any work starts, so a bad --out fails
    // at once instead of after a long computation.
    void prepare_out() const {
        namespace fs = std::filesystem;
        if (out.empty()) return;
        std::error_code ec;
        fs::create_directories(out, ec);
        if (ec || !fs::is_directory(out)) fail("cannot create output folder '" + out + "'");
        const fs::path probe = fs::path(out) / ".write-test";
        if (FILE* f = std::fopen(probe.c_str(), "w")) {
            std::fclose(f);
            fs::remove(probe, ec);
        } else {
            fail("cannot write to output folder '" + out + "'");
        }
    }

    std::string program_, summary_;
    std::vector<Flag> flags_;
    std::vector<std::string> seen_;  // the parsed words, each flag followed by its value
};

// A file name given for `flag` must end in `ext` (an empty name means "not asked for").
inline void check_extension(const std::string& flag, const std::string& file,
                            const std::string& ext) {
    if (file.empty()) return;
    if (file.size() <= ext.size() || file.compare(file.size() - ext.size(), ext.size(), ext) != 0) {
        throw UsageError(flag + " needs a file name ending in " + ext + ", got '" + file + "'");
    }
}

// Runs a chapter's body and turns exceptions into exit codes: 2 for bad input, 1 for our bugs.
inline int run(const std::string& program, const std::function<int()>& body) {
    try {
        return body();
    } catch (const UsageError& e) {
        std::cerr << program << ": " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << program << ": internal error: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace gd

// Every executable against every bad command line a user can type.
//
// The programs are found in build/bin (a name starting with two digits, or the playground), and
// their options are read from their own --help, so a new chapter or flag is swept without
// touching this file. For every option that takes a value we try it missing, empty,
// non-numeric, nan, inf, -1 and a huge integer; plus an unknown flag, a stray word, a value
// given to a switch and an output that cannot be written; the playground also gets missing,
// empty, truncated and damaged checkpoints, a data-set chapter a missing or broken data set.
// The contract (README, common/cli.hpp): a rejected command line is exit code 2 and exactly one
// line on stderr, "<program>: <what is wrong>", naming the flag, and nothing written; a value
// that is accepted must give a normal run (exit 0). Never a signal, exit 1 (an internal error),
// "terminate called", a sanitizer report or a timeout.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "run_exe.hpp"

BOOST_AUTO_TEST_SUITE(test_bad_input)

namespace fs = std::filesystem;

namespace {

struct Option {
    std::string name;
    bool takes_value = false;
    std::string default_text;  // empty when --help shows none
};

struct Exe {
    std::string name;
    std::vector<Option> options;
    const Option* find(const std::string& n) const {
        for (const auto& o : options)
            if (o.name == n) return &o;
        return nullptr;
    }
};

// What a case may do: be rejected (exit 2), or either be rejected or run normally.
enum class Expect { rejected, rejected_or_runs, runs };

struct Case {
    std::string exe;
    std::vector<std::string> args;
    Expect expect = Expect::rejected;
    std::vector<std::string> names;  // the one stderr line names one of these (none: anything)
    fs::path dir;               // the case's working folder; it holds every path the case writes to
    std::set<fs::path> before;  // files in dir before the run (inputs the case set up)
    testing::Outcome outcome;
};

// The options an executable lists in its --help: "  --lr VALUE    text (default 0.01)".
Exe discover(const std::string& name) {
    const auto o = testing::run(name, {"--help"});
    BOOST_TEST_REQUIRE(o.exit_code == 0, name << " --help exits with " << o.exit_code);
    Exe exe{name, {}};
    static const std::regex line(R"(^  (--[A-Za-z0-9-]+)( VALUE)?(\s.*)?$)");
    static const std::regex def(R"(\(default ([^)]*)\)\s*$)");
    std::istringstream is(o.out);
    for (std::string l; std::getline(is, l);) {
        std::smatch m;
        if (!std::regex_match(l, m, line) || m[1] == "--help") continue;
        Option opt{m[1], m[2].matched, ""};
        const std::string rest = m[3];
        std::smatch d;
        if (std::regex_search(rest, d, def)) opt.default_text = d[1];
        exe.options.push_back(opt);
    }
    BOOST_TEST_REQUIRE(exe.find("--quick") != nullptr, name << ": no options found in --help");
    return exe;
}

bool numeric(const Option& o) {
    if (o.default_text == "nan") return true;
    char* end = nullptr;
    std::strtod(o.default_text.c_str(), &end);
    return !o.default_text.empty() && *end == '\0';
}

// Every regular file under dir.
std::set<fs::path> files_in(const fs::path& dir) {
    std::set<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file()) files.insert(it->path());
    }
    return files;
}

// Builds the cases, each in its own folder under root, so they can run in parallel.
class Plan {
  public:
    explicit Plan(fs::path root) : root_(std::move(root)) {}

    std::vector<Case> cases;

    // A fresh folder for the next case of exe.
    fs::path folder(const std::string& exe) {
        const fs::path d = root_ / (exe + "-" + std::to_string(cases.size()));
        fs::create_directories(d);
        return d;
    }

    // base args with `flag` (and its value, if it had one) taken out, then `extra` appended.
    static std::vector<std::string> with(std::vector<std::string> base, const Exe& exe,
                                         const std::string& flag,
                                         const std::vector<std::string>& extra) {
        const auto it = std::find(base.begin(), base.end(), flag);
        if (it != base.end()) {
            const Option* o = exe.find(flag);
            base.erase(it, it + ((o && o->takes_value) ? 2 : 1));
        }
        base.insert(base.end(), extra.begin(), extra.end());
        return base;
    }

    void add(const std::string& exe, const fs::path& dir, std::vector<std::string> args,
             Expect expect, std::vector<std::string> names) {
        Case c;
        c.exe = exe;
        c.dir = dir;
        c.args = std::move(args);
        c.expect = expect;
        c.names = std::move(names);
        c.before = files_in(dir);
        cases.push_back(std::move(c));
    }

  private:
    fs::path root_;
};

// A command line that runs in a second or less and writes only inside `dir`.
std::vector<std::string> base_args(const Exe& exe, const fs::path& dir) {
    if (exe.name == "playground") {
        return {"--quick",     "--no-plot",
                "--function",  "rosenbrock",
                "--start",     "-1,1",
                "--optimizer", "adam",
                "--lr",        "0.01",
                "--steps",     "20",
                "--trace",     (dir / "trace.csv").string()};
    }
    std::vector<std::string> args{"--quick", "--no-plot", "--out", (dir / "out").string()};
    // The smaller size under the sanitizers, except where the option under test sets it (--seeds,
    // --steps, ...: Plan::with takes the base's value out and puts the swept one in its place).
    const auto smaller = testing::sanitized_size(exe.name);
    args.insert(args.end(), smaller.begin(), smaller.end());
    return args;
}

// The playground's options act only with their optimizer or schedule: each is swept with one
// that reads it, so an accepted odd value really is used.
std::vector<std::string> playground_context(const std::string& flag) {
    using Words = std::vector<std::string>;
    static const Words onecycle = {"--schedule", "onecycle",      "--max-lr",
                                   "0.1",        "--total-steps", "20"};
    // CyclicLR cycles a momentum, which adam (the base run's) lacks: sgd, which has one.
    static const Words cyclic = {"--optimizer",    "sgd",   "--schedule", "cyclic",
                                 "--base-lr",      "0.001", "--max-lr",   "0.01",
                                 "--step-size-up", "5"};
    static const std::map<std::string, Words> by_flag = {
        {"--momentum", {"--optimizer", "sgd"}},
        {"--dampening", {"--optimizer", "sgd", "--momentum", "0.5"}},
        {"--nesterov", {"--optimizer", "sgd", "--momentum", "0.5"}},
        {"--beta", {"--optimizer", "momentum-ema"}},
        {"--alpha", {"--optimizer", "rmsprop"}},
        {"--centered", {"--optimizer", "rmsprop"}},
        {"--lr-decay", {"--optimizer", "adagrad"}},
        {"--step-size", {"--schedule", "step", "--step-size", "5"}},
        {"--gamma", {"--schedule", "exponential", "--gamma", "0.9"}},
        {"--decay", {"--schedule", "inverse-time", "--decay", "0.1"}},
        {"--start-factor", {"--schedule", "linear"}},
        {"--end-factor", {"--schedule", "linear"}},
        {"--total-iters", {"--schedule", "linear"}},
        {"--t-max", {"--schedule", "cosine", "--t-max", "20"}},
        {"--eta-min", {"--schedule", "cosine", "--t-max", "20"}},
        {"--t0", {"--schedule", "cosine-restarts", "--t0", "5"}},
        {"--t-mult", {"--schedule", "cosine-restarts", "--t0", "5"}},
        {"--max-lr", onecycle},
        {"--total-steps", onecycle},
        {"--pct-start", onecycle},
        {"--div-factor", onecycle},
        {"--final-div-factor", onecycle},
        {"--three-phase", onecycle},
        {"--anneal-strategy", onecycle},
        {"--base-momentum", onecycle},
        {"--max-momentum", onecycle},
        {"--rho", {"--optimizer", "adadelta"}},
        {"--momentum-decay", {"--optimizer", "nadam"}},
        {"--etas", {"--optimizer", "rprop"}},
        {"--step-sizes", {"--optimizer", "rprop"}},
        {"--max-iter", {"--optimizer", "lbfgs"}},
        {"--max-eval", {"--optimizer", "lbfgs"}},
        {"--tolerance-grad", {"--optimizer", "lbfgs"}},
        {"--tolerance-change", {"--optimizer", "lbfgs"}},
        {"--history-size", {"--optimizer", "lbfgs"}},
        {"--line-search", {"--optimizer", "lbfgs"}},
        {"--milestones", {"--schedule", "multistep", "--milestones", "5,10"}},
        {"--factor", {"--schedule", "constant-lr"}},
        {"--power", {"--schedule", "polynomial"}},
        {"--base-lr", cyclic},
        {"--step-size-up", cyclic},
        {"--step-size-down", cyclic},
        {"--mode", cyclic},
        {"--no-cycle-momentum", cyclic},
        {"--patience", {"--schedule", "plateau"}},
        {"--threshold", {"--schedule", "plateau"}},
        {"--threshold-mode", {"--schedule", "plateau"}},
        {"--cooldown", {"--schedule", "plateau", "--patience", "1"}},
        {"--min-lr", {"--schedule", "plateau", "--patience", "1"}},
        {"--warmup-steps", {"--schedule", "cosine", "--t-max", "20", "--warmup-steps", "5"}},
        {"--warmup-factor", {"--schedule", "cosine", "--t-max", "20", "--warmup-steps", "5"}},
    };
    const auto it = by_flag.find(flag);
    return it == by_flag.end() ? std::vector<std::string>{} : it->second;
}

std::vector<std::string> base_for(const Exe& exe, const fs::path& dir, const std::string& flag) {
    auto args = base_args(exe, dir);
    if (exe.name == "playground") {
        const auto ctx = playground_context(flag);
        for (std::size_t i = 0; i < ctx.size();) {
            const Option* o = exe.find(ctx[i]);
            const std::size_t n = (o && o->takes_value) ? 2 : 1;
            args = Plan::with(args, exe, ctx[i], {ctx.begin() + i, ctx.begin() + i + n});
            i += n;
        }
    }
    return args;
}

// Values every numeric option must refuse, and values it may accept (then it must run).
// (-inf, 1e999 and the like are test_cli's: here every value costs a run of every option.)
const std::vector<std::string> kNotNumbers = {"abc", "", "nan", "inf"};
const std::vector<std::string> kOdd = {"-1", "99999999999999999999999", "0"};

// Under the sanitizers (BOOK_SANITIZED=1, run_exe.hpp) every program starts and exits about ten
// times slower (0.1 s for a refusal, most of it the leak check at exit), and the sweep is over a
// thousand cases, so it samples: of the values an option may accept (a whole run each) one per
// option is tried, and of the values it must refuse, one besides the missing value, each taken
// in turn from option to option. So every option is still refused and still runs with an odd
// value, every odd or bad value is tried on some options of every program, and every parser
// path (one per kind of option, shared by all programs in cli/) still runs under the sanitizers.
// Every program's baseline run and every general and checkpoint case are still tried. The
// release run tries everything.
bool sampling() { return testing::sanitized(); }

void plan_option_sweep(Plan& plan, const Exe& exe) {
    std::size_t option_index = 0;
    for (const auto& opt : exe.options) {
        ++option_index;
        if (!opt.takes_value) {
            const fs::path d = plan.folder(exe.name);
            plan.add(exe.name, d,
                     Plan::with(base_for(exe, d, opt.name), exe, opt.name, {opt.name + "=1"}),
                     Expect::rejected, {opt.name});
            continue;
        }
        {  // the value missing: the flag is the last word
            const fs::path d = plan.folder(exe.name);
            plan.add(exe.name, d, Plan::with(base_for(exe, d, opt.name), exe, opt.name, {opt.name}),
                     Expect::rejected, {opt.name});
        }
        const bool num = numeric(opt);
        std::vector<std::string> values = kNotNumbers;
        values.insert(values.end(), kOdd.begin(), kOdd.end());
        // An empty value is never meaningful; a numeric option takes only finite numbers
        // (nan marks "unset" in some defaults, but is not a value a user passes).
        const auto refused = [&](const std::string& v) {
            return v.empty() || (num && std::find(kNotNumbers.begin(), kNotNumbers.end(), v) !=
                                            kNotNumbers.end());
        };
        const std::size_t may_run = static_cast<std::size_t>(std::count_if(
            values.begin(), values.end(), [&](const std::string& v) { return !refused(v); }));
        const std::size_t must_refuse = values.size() - may_run;
        std::size_t k = 0;  // index among the values that may run
        std::size_t r = 0;  // index among the values that must be refused
        for (const auto& v : values) {
            const Expect e = refused(v) ? Expect::rejected : Expect::rejected_or_runs;
            if (sampling()) {
                const bool taken = e == Expect::rejected_or_runs
                                       ? k++ % may_run == option_index % may_run
                                       : r++ % must_refuse == option_index % must_refuse;
                if (!taken) continue;
            }
            const fs::path d = plan.folder(exe.name);
            // The parser's own refusals name the flag; a refusal of a well-formed value may come
            // from deeper down and name the problem instead (the value, or nothing we can
            // predict: "nesterov needs momentum > 0" for --mu 0).
            std::vector<std::string> names{opt.name};
            if (!v.empty()) names.push_back(v);
            if (e == Expect::rejected_or_runs && num) names.clear();
            // A file or folder name given as a plain word lands in the case's folder (its cwd).
            plan.add(exe.name, d,
                     Plan::with(base_for(exe, d, opt.name), exe, opt.name, {opt.name, v}), e,
                     names);
        }
    }
}

void plan_general(Plan& plan, const Exe& exe) {
    {
        const fs::path d = plan.folder(exe.name);
        auto a = base_args(exe, d);
        a.push_back("--no-such-flag");
        plan.add(exe.name, d, a, Expect::rejected, {"--no-such-flag"});
    }
    {
        const fs::path d = plan.folder(exe.name);
        auto a = base_args(exe, d);
        a.push_back("stray");
        plan.add(exe.name, d, a, Expect::rejected, {"stray"});
    }
    {  // the baseline itself runs: so the sweep's rejections are the swept value's doing
        const fs::path d = plan.folder(exe.name);
        plan.add(exe.name, d, base_args(exe, d), Expect::runs, {});
    }
    // Outputs that cannot be written: a folder in /proc, a folder under a regular file.
    const std::vector<std::string> outputs =
        exe.name == "playground" ? std::vector<std::string>{"--trace", "--checkpoint"}
                                 : std::vector<std::string>{"--out"};
    for (const auto& flag : outputs) {
        for (int where = 0; where < 2; ++where) {
            const fs::path d = plan.folder(exe.name);
            std::ofstream(d / "a-file") << "not a folder\n";
            const fs::path bad = (where == 0 ? fs::path("/proc/forbidden") : d / "a-file") /
                                 (flag == "--out" ? "out" : "x.txt");
            plan.add(exe.name, d, Plan::with(base_args(exe, d), exe, flag, {flag, bad.string()}),
                     Expect::rejected, {flag == "--out" ? "output folder" : flag});
        }
    }
    if (exe.find("--data")) {  // a data-set chapter: a missing folder, an empty one, bad files
        for (int kind = 0; kind < 3; ++kind) {
            const fs::path d = plan.folder(exe.name);
            fs::path data = d / "data";
            if (kind > 0) fs::create_directories(data);
            if (kind == 2) {
                for (const auto& e : fs::directory_iterator(exe.find("--data")->default_text)) {
                    std::ofstream(data / e.path().filename()) << "garbage";
                }
            }
            plan.add(exe.name, d,
                     Plan::with(base_args(exe, d), exe, "--data", {"--data", data.string()}),
                     Expect::rejected, {data.string()});
        }
    }
}

// Checkpoints: a good one resumes; missing, empty, truncated or damaged ones are refused.
void plan_checkpoints(Plan& plan, const Exe& exe, const fs::path& inputs) {
    const fs::path good = inputs / "good.ckpt";
    const auto o = testing::run(exe.name, Plan::with(base_args(exe, inputs), exe, "--checkpoint",
                                                     {"--checkpoint", good.string()}));
    BOOST_TEST_REQUIRE(o.exit_code == 0, "writing a checkpoint: " << o.err);
    std::vector<std::string> lines;
    {
        std::ifstream is(good);
        for (std::string l; std::getline(is, l);) lines.push_back(l);
    }
    BOOST_TEST_REQUIRE(lines.size() > 5u);
    auto resume = [&](const std::string& label, const std::string* content, Expect e) {
        const fs::path d = plan.folder(exe.name);
        const fs::path ckpt = d / (label + ".ckpt");
        if (content) std::ofstream(ckpt, std::ios::binary) << *content;
        plan.add(exe.name, d,
                 {"--quick", "--no-plot", "--resume", ckpt.string(), "--steps", "5", "--trace",
                  (d / "trace.csv").string()},
                 e, {ckpt.string()});
    };
    std::string all;
    for (const auto& l : lines) all += l + "\n";
    resume("good", &all, Expect::runs);
    resume("missing", nullptr, Expect::rejected);
    const std::string empty;
    resume("empty", &empty, Expect::rejected);
    // Cut after every line, and in the middle of the last number.
    std::string prefix;
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
        resume("first" + std::to_string(k), &prefix, Expect::rejected);
        prefix += lines[k] + "\n";
    }
    const std::string half = all.substr(0, all.size() / 2);
    resume("half", &half, Expect::rejected);
    // Each line replaced by garbage, in turn.
    for (std::size_t k = 0; k < lines.size(); ++k) {
        std::string damaged;
        for (std::size_t j = 0; j < lines.size(); ++j)
            damaged += (j == k ? "z#!" : lines[j]) + "\n";
        resume("damaged" + std::to_string(k), &damaged, Expect::rejected);
    }
}

// Runs every case, several at a time (each process is short; most exit at once).
void run_all(std::vector<Case>& cases) {
    std::atomic<std::size_t> next{0};
    const char* env = std::getenv("BOOK_TEST_JOBS");
    const int jobs = env ? std::max(1, std::atoi(env)) : 3;
    std::vector<std::thread> pool;
    for (int j = 0; j < jobs; ++j) {
        pool.emplace_back([&] {
            for (std::size_t i; (i = next++) < cases.size();) {
                Case& c = cases[i];
                // A quick run takes about a second, ten or more under the sanitizers, and a
                // busy machine can make that minutes: the limit catches hangs, not slowness.
                const int limit = sampling() ? 600 : 120;
                c.outcome = testing::run(c.exe, c.args, testing::How{"", c.dir, limit});
            }
        });
    }
    for (auto& t : pool) t.join();
}

std::string show(const Case& c) {
    std::string s = c.exe;
    for (const auto& a : c.args) s += " " + testing::quote(a);
    return s;
}

template <class Words>
bool any_of(const std::string& text, const Words& words) {
    for (const auto& w : words)
        if (text.find(w) != std::string::npos) return true;
    return false;
}

void check(const Case& c, std::map<std::string, std::vector<std::string>>& accepted) {
    const auto& o = c.outcome;
    BOOST_TEST_CONTEXT(show(c) << "\n  exit " << o.exit_code << ", stderr: " << o.err) {
        static const std::vector<std::string> crashes = {"terminate called", "internal error",
                                                         "Sanitizer", "runtime error", "what():"};
        BOOST_TEST(!any_of(o.err, crashes));
        if (c.expect == Expect::runs ||
            (c.expect == Expect::rejected_or_runs && o.exit_code == 0)) {
            BOOST_TEST(o.exit_code == 0);
            // The baseline must write its files; an odd accepted value may leave nothing to
            // write (11 --end-lr 1e23: "no sweep lasted past its first 15 batches"), which
            // the program then says on its own.
            if (c.expect == Expect::runs) {
                BOOST_TEST(!files_in(c.dir).empty(), "a normal run that wrote nothing");
            }
            if (c.expect == Expect::rejected_or_runs) {
                accepted[c.exe].push_back(c.args[c.args.size() - 2] + " " +
                                          testing::quote(c.args.back()));
            }
            return;
        }
        BOOST_TEST(o.exit_code == 2);
        BOOST_TEST(testing::count_lines(o.err) == 1);
        BOOST_TEST((!o.err.empty() && o.err.back() == '\n'));
        BOOST_TEST(o.err.rfind(c.exe + ": ", 0) == 0u);
        if (!c.names.empty()) {
            BOOST_TEST(any_of(o.err, c.names), "stderr names none of " << c.names.front() << "...");
        }
        // Nothing written as if the run had finished: only the files the case set up remain.
        std::set<fs::path> left = files_in(c.dir);
        for (const auto& f : c.before) left.erase(f);
        for (const auto& f : left) BOOST_ERROR("left behind: " << f);
    }
}

struct Sweep {
    fs::path root = fs::temp_directory_path() / ("gdbook-bad-input-" + std::to_string(::getpid()));
    Plan plan{root};
    std::vector<Exe> exes;
    Sweep() {
        for (const auto& n : testing::programs()) exes.push_back(discover(n));
    }
    ~Sweep() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(every_program_refuses_bad_command_lines_cleanly) {
    Sweep s;
    BOOST_TEST_REQUIRE(s.exes.size() >= 2u, "no programs found in " BOOK_BIN_DIR);
    for (const auto& exe : s.exes) {
        plan_option_sweep(s.plan, exe);
        plan_general(s.plan, exe);
        if (exe.find("--resume")) {
            const fs::path inputs = s.root / (exe.name + "-inputs");
            fs::create_directories(inputs);
            plan_checkpoints(s.plan, exe, inputs);
        }
    }
    run_all(s.plan.cases);
    std::map<std::string, std::vector<std::string>> accepted;
    std::map<std::string, int> per_exe;
    for (const auto& c : s.plan.cases) {
        check(c, accepted);
        ++per_exe[c.exe];
    }
    std::ostringstream summary;
    summary << s.plan.cases.size() << " command lines over " << s.exes.size() << " programs"
            << (sampling() ? " (sampled: one odd value per option)" : "") << ":";
    for (const auto& [exe, n] : per_exe) summary << " " << exe << " " << n << ";";
    BOOST_TEST_MESSAGE(summary.str());
    for (const auto& [exe, list] : accepted) {
        std::string l;
        for (const auto& a : list) l += "  " + a;
        BOOST_TEST_MESSAGE(exe << " accepts:" << l);
    }
}

BOOST_AUTO_TEST_SUITE_END()  // test_bad_input

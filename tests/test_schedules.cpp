// Learning-rate schedules against torch.optim.lr_scheduler: every schedule over whole runs (with
// its cycled momentum, and a plateau's losses), the warm-up in front of any schedule, the
// continuous exponential, lossless save/load (a plateau's state and a warm-up mid-warm-up too),
// and the errors for bad parameters and input.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/schedule_flags.hpp"
#include "schedule/factory.hpp"

BOOST_AUTO_TEST_SUITE(test_schedules)

namespace {

// One row of tests/reference/schedule_cases.csv with its rates from schedule_rates.csv, and, for
// the cases that have them, the momenta (schedule_momenta.csv) and losses (schedule_losses.csv).
struct Case {
    int id = 0;
    std::string schedule, params;
    double base_lr = 0;
    std::vector<double> rates;    // rates[t] = torch's lr for update t
    std::vector<double> momenta;  // momenta[t] = its group['momentum'], when cycled
    std::vector<double> losses;   // losses[t] = the loss a plateau is told after update t
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, sep);) out.push_back(part);
    if (!s.empty() && s.back() == sep) out.push_back("");
    return out;
}

// The fields of one CSV line, a field in double quotes keeping its commas ("milestones=3,7").
std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (char ch : line) {
        if (ch == '"') {
            quoted = !quoted;
        } else if (ch == ',' && !quoted) {
            out.emplace_back();
        } else {
            out.back() += ch;
        }
    }
    return out;
}

std::vector<std::vector<std::string>> read_csv(const std::string& file) {
    std::ifstream in(std::string(BOOK_TESTS_DIR) + "/reference/" + file);
    BOOST_TEST_REQUIRE(in.good(), "cannot open tests/reference/" << file);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) rows.push_back(csv_fields(line));
    return rows;
}

std::vector<Case> reference_cases() {
    std::vector<Case> cases;
    for (const auto& r : read_csv("schedule_cases.csv")) {
        BOOST_TEST_REQUIRE(r.size() == 5u);
        Case c;
        c.id = std::stoi(r[0]);
        c.schedule = r[1];
        c.base_lr = std::stod(r[2]);
        c.params = r[3];
        c.rates.reserve(std::stoul(r[4]));
        BOOST_TEST_REQUIRE(c.id == static_cast<int>(cases.size()));
        cases.push_back(c);
    }
    const std::pair<const char*, std::vector<double> Case::*> columns[] = {
        {"schedule_rates.csv", &Case::rates},
        {"schedule_momenta.csv", &Case::momenta},
        {"schedule_losses.csv", &Case::losses}};
    for (const auto& [file, column] : columns) {
        for (const auto& r : read_csv(file)) {
            BOOST_TEST_REQUIRE(r.size() == 3u);
            std::vector<double>& v = cases.at(std::stoul(r[0])).*column;
            BOOST_TEST_REQUIRE(std::stoul(r[1]) == v.size());  // t = 0, 1, 2, ... in order
            v.push_back(std::stod(r[2]));  // 17 significant digits: the exact double
        }
    }
    return cases;
}

// The LambdaLR multipliers of tests/reference_schedules.py, in the same operations.
double warmup_rsqrt(long t) {
    return std::min(1.0, static_cast<double>(t + 1) / 5) / std::sqrt(std::max(t, 1L));
}
double quadratic(long t) {
    return (1 - static_cast<double>(t) / 40) * (1 - static_cast<double>(t) / 40);
}

// The schedule a reference case describes, through the same config + factory a tool uses. A
// warm-up case names its schedule in then=; a plateau case its losses (in schedule_losses.csv).
std::unique_ptr<gd::Schedule> build(const Case& c) {
    std::map<std::string, std::string> kv;
    for (const auto& word : split(c.params, ' ')) {
        const auto eq = word.find('=');
        if (eq != std::string::npos) kv[word.substr(0, eq)] = word.substr(eq + 1);
    }
    if (c.schedule == "lambda") {
        const auto fn = kv.at("fn") == "quadratic" ? quadratic : warmup_rsqrt;
        return std::make_unique<gd::LambdaSchedule>(c.base_lr, fn, kv.at("fn"));
    }
    std::string name = c.schedule;
    gd::ScheduleConfig config;
    for (const auto& [key, value] : kv) {
        if (key == "then") {
            name = value;
        } else if (key != "losses") {
            config.set(key, value);
        }
    }
    return gd::make_schedule(name, c.base_lr, config);
}

// Runs a schedule over a case's updates as a training loop does: the rate of update t (and its
// momentum, if cycled), then the loss after it for a schedule that reads it.
struct Followed {
    std::vector<double> rates, momenta;
};
Followed follow(const gd::Schedule& s, const Case& c) {
    Followed f;
    for (std::size_t t = 0; t < c.rates.size(); ++t) {
        f.rates.push_back(s.rate(static_cast<long>(t)));
        if (s.cycles_momentum()) f.momenta.push_back(s.momentum(static_cast<long>(t)));
        if (s.reads_loss()) s.observe(c.losses.at(t));
    }
    return f;
}

double relative_gap(double a, double b) {
    const double scale = std::max(std::abs(a), std::abs(b));
    return scale == 0 ? 0 : std::abs(a - b) / scale;
}

// Runs f and expects a one-line UsageError whose message mentions `word`.
void expect_usage_error(const std::function<void()>& f, const std::string& word) {
    try {
        f();
        BOOST_ERROR("no UsageError, expected one mentioning '" << word << "'");
    } catch (const gd::UsageError& e) {
        const std::string what = e.what();
        BOOST_TEST_INFO("message: " << what);
        BOOST_TEST(what.find(word) != std::string::npos);
        BOOST_TEST(what.find('\n') == std::string::npos);
    }
}

std::string saved(const gd::Schedule& s) {
    std::ostringstream out;
    s.save(out);
    return out.str();
}

std::unique_ptr<gd::Schedule> load(const std::string& text) {
    std::istringstream in(text);
    return gd::load_schedule(in);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_schedule_matches_pytorch_over_whole_runs) {
    // Tolerance 1e-12, relative. PyTorch computes StepLR, ExponentialLR, LinearLR and
    // CosineAnnealingLR recursively (η_t = η_{t-1} · factor), we use their closed forms: after
    // k updates the two differ by up to about k roundings, k·2^-53 ≈ 1.3e-14 for our k ≤ 120.
    // Near the bottom of a cosine, 1 + cos x loses digits (relative error ≈ ε / (1 + cos x),
    // i.e. up to 2T²ε/π² ≈ 1.1e-13 for T = 50), and PyTorch's recursion carries that error
    // onward. The other schedules repeat PyTorch's operations in its order and agree to the bit
    // on glibc. Measured worst gap: 9e-15 (cosine). 1e-12 leaves a margin of ten over the worst
    // bound, while a wrong term or t shifted by one moves some rate of every run that changes
    // by 1e-3 or more.
    // The new schedules: MultiStepLR and ConstantLR repeat torch's recursive products exactly,
    // PolynomialLR's closed form is within a few roundings of torch's recursive one, CyclicLR and
    // OneCycleLR (rates and momenta) repeat its operations; the warm-up's LinearLR is a closed
    // form again, after which the schedule's own form holds. The same tolerance applies to the
    // momenta: a momentum cycled the wrong way round or one update late is off by 1e-2 or more.
    const double tol = 1e-12;
    const auto cases = reference_cases();
    std::map<std::string, int> count;
    std::map<std::string, double> worst;
    std::size_t compared = 0, momenta = 0;
    for (const Case& c : cases) {
        const auto s = build(c);
        const std::string kind = c.schedule == "lambda" ? "lambda" : s->name();
        BOOST_TEST(kind == c.schedule);
        ++count[kind];
        BOOST_TEST(s->cycles_momentum() == !c.momenta.empty(), "case " << c.id);
        const Followed f = follow(*s, c);
        for (std::size_t t = 0; t < c.rates.size(); ++t) {
            BOOST_TEST_INFO("case " << c.id << " " << s->describe() << " at t = " << t);
            const double gap = relative_gap(f.rates[t], c.rates[t]);
            const double mgap = c.momenta.empty() ? 0 : relative_gap(f.momenta[t], c.momenta[t]);
            worst[kind] = std::max({worst[kind], gap, mgap});
            BOOST_TEST(gap <= tol);
            BOOST_TEST(mgap <= tol);
            ++compared;
            momenta += !c.momenta.empty();
        }
    }
    for (const auto& [kind, gap] : worst) {
        BOOST_TEST_MESSAGE(kind << ": " << count[kind] << " cases, worst relative gap " << gap);
    }
    // Every schedule has several parameter sets; no reference case is silently missing.
    for (const auto& name : gd::schedule_names()) BOOST_TEST(count[name] >= 2, name);
    BOOST_TEST(count["lambda"] >= 2);
    BOOST_TEST(count["warmup"] >= 10);  // in front of every kind of schedule but plateau
    BOOST_TEST(cases.size() == 73u);    // what tests/reference_schedules.py writes: no file cut
    BOOST_TEST(compared == 1753u);
    BOOST_TEST(momenta == 152u);
}

BOOST_AUTO_TEST_CASE(continuous_exponential_is_e_to_the_minus_kt) {
    // γ = e^{-k} carries one rounding (2^-53 relative), raised to the t-th power it becomes
    // t·2^-53 ≈ 1.1e-14 at t = 100, plus an ulp or two from pow and exp: 1e-13 covers it.
    const double k = 0.05, eta0 = 0.5;
    const gd::ExponentialDecay s = gd::continuous_exponential(eta0, k);
    for (long t = 0; t <= 100; ++t) {
        BOOST_TEST_INFO("t = " << t);
        BOOST_TEST(relative_gap(s.rate(t), eta0 * std::exp(-k * t)) <= 1e-13);
    }
    BOOST_TEST(s.rate(0) == eta0);
    expect_usage_error([] { gd::continuous_exponential(0.1, std::nan("")); }, "k");
}

BOOST_AUTO_TEST_CASE(saved_schedules_load_back_with_identical_rates) {
    // Every reference case (but the lambdas), and a few values that only survive exact text:
    // 0.1 + 1 ulp, 1/3, a subnormal floor.
    std::vector<std::unique_ptr<gd::Schedule>> all;
    for (const Case& c : reference_cases()) {
        if (c.schedule != "lambda") all.push_back(build(c));
    }
    const double just_above = std::nextafter(0.1, 1.0);
    all.push_back(std::make_unique<gd::StepDecay>(just_above, 4, 1.0 / 3));
    all.push_back(std::make_unique<gd::CosineAnnealing>(just_above, 9, 4.9e-324));
    all.push_back(std::make_unique<gd::OneCycle>(1.0 / 3, 17, 0.1 + 1e-16, 7.0 / 3, 1e5, true));
    for (const auto& s : all) {
        const std::string text = saved(*s);
        const auto back = load(text);
        BOOST_TEST_INFO(text);
        BOOST_TEST(back->name() == s->name());
        BOOST_TEST(saved(*back) == text);
        BOOST_TEST(back->cycles_momentum() == s->cycles_momentum());
        if (s->reads_loss()) continue;  // a plateau's rates follow losses: see the next test
        const long n = std::min(s->horizon(), 300L);
        for (long t = 0; t < n; ++t) {
            BOOST_TEST(back->rate(t) == s->rate(t));  // bit for bit
            if (s->cycles_momentum()) BOOST_TEST(back->momentum(t) == s->momentum(t));
        }
    }
    // A checkpoint holds other lines: each load reads exactly one line.
    std::stringstream file;
    all[2]->save(file);
    file << "something else\n";
    all[30]->save(file);
    BOOST_TEST(saved(*gd::load_schedule(file)) == saved(*all[2]));
    std::string other;
    std::getline(file, other);
    BOOST_TEST(other == "something else");
    BOOST_TEST(saved(*gd::load_schedule(file)) == saved(*all[30]));

    // Loading into a schedule rebuilt from the same flags (a checkpoint) checks it is the same.
    std::stringstream same(saved(*all[20]) + saved(*all[20]) + saved(*all[24]));
    all[20]->load(same);
    expect_usage_error([&] { all[21]->load(same); }, "is not this run's");
    expect_usage_error([&] { all[20]->load(same); }, "saved by cosine-restarts");

    BOOST_TEST(saved(gd::StepDecay(0.1, 3, 0.5)) ==
               "gd-schedule 1 step base_lr=0x1.999999999999ap-4 step_size=3 gamma=0x1p-1\n");
    BOOST_TEST(gd::StepDecay(0.1, 3, 0.5).describe() ==
               "step(base_lr=0.1, step_size=3, gamma=0.5)");
}

BOOST_AUTO_TEST_CASE(a_plateau_mid_patience_and_a_warmup_mid_warmup_resume_bit_for_bit) {
    // Each stateful or composite reference case saved after k updates, loaded, and run on: the
    // rates (and momenta) from then on are torch's, exactly as those of a run that never
    // stopped. For the plateaus, k falls inside the patience, inside a cooldown and after a cut.
    int plateaus = 0, warmups = 0;
    for (const Case& c : reference_cases()) {
        if (c.schedule != "plateau" && c.schedule != "warmup") continue;
        const long n = static_cast<long>(c.rates.size());
        for (long k : {1L, n / 3, n / 2, n - 1}) {
            const auto s = build(c);
            for (long t = 0; t < k; ++t) {
                s->rate(t);
                if (s->reads_loss()) s->observe(c.losses.at(t));
            }
            if (s->reads_loss()) {  // the state it is saved in
                const auto& state = dynamic_cast<const gd::Plateau&>(*s).state();
                plateaus += state.num_bad_epochs > 0 || state.cooldown_counter > 0;
            }
            const auto back = load(saved(*s));
            BOOST_TEST_INFO("case " << c.id << " saved after " << k << ": " << saved(*s));
            BOOST_TEST(saved(*back) == saved(*s));
            for (long t = k; t < n; ++t) {
                BOOST_TEST(back->rate(t) == s->rate(t));
                BOOST_TEST(relative_gap(back->rate(t), c.rates[t]) <= 1e-12);
                if (back->cycles_momentum()) BOOST_TEST(back->momentum(t) == s->momentum(t));
                if (back->reads_loss()) back->observe(c.losses.at(t)), s->observe(c.losses[t]);
            }
            if (!s->reads_loss()) {
                warmups += k < dynamic_cast<const gd::Warmup&>(*s).params()[0].integer;
            }
        }
    }
    BOOST_TEST(plateaus >= 4);  // saved mid-patience or mid-cooldown
    BOOST_TEST(warmups >= 5);   // saved mid-warm-up
    // The state is all there: the best loss still +inf before any loss, counters, the rates.
    gd::Plateau fresh(0.1);
    BOOST_TEST(saved(fresh).find(" best=inf ") != std::string::npos);
    BOOST_TEST(load(saved(fresh))->rate(0) == 0.1);
    fresh.observe(2.0);
    fresh.observe(3.0);
    const auto loaded = load(saved(fresh));  // kept alive: st refers into it
    const auto& st = dynamic_cast<const gd::Plateau&>(*loaded).state();
    BOOST_TEST(st.best == 2.0);
    BOOST_TEST(st.num_bad_epochs == 1);
    BOOST_TEST(st.last_epoch == 2);
    // Its rate is known for the next update and the one before, nothing else.
    expect_usage_error([&] { fresh.rate(0); }, "depends on the losses");
    BOOST_TEST(fresh.rate(1) == 0.1);
    BOOST_TEST(fresh.rate(2) == 0.1);
}

BOOST_AUTO_TEST_CASE(malformed_saved_schedules_are_usage_errors) {
    const std::string good = "gd-schedule 1 step base_lr=0x1p-3 step_size=3 gamma=0x1p-1\n";
    BOOST_TEST(load(good)->rate(3) == 0.0625);
    const std::pair<std::string, std::string> bad[] = {
        {"", "nothing"},
        {"gd-schedule 1 step base_lr=0x1p-3 step_size=3 gamma=0x1p", "truncated"},
        {"gd-optimizer 1 sgd lr=0x1p-3\n", "not a saved schedule"},
        {"gd-schedule 2 step base_lr=0x1p-3 step_size=3 gamma=0x1p-1\n", "version"},
        {"gd-schedule 1 warp base_lr=0x1p-3\n", "warp"},
        {"gd-schedule 1 warmup_rsqrt base_lr=0x1p-3\n", "warmup_rsqrt"},
        {"gd-schedule 1 step base_lr=0x1p-3 step_size=3\n", "needs 3 fields"},
        {"gd-schedule 1 step base_lr=0x1p-3 step_size=3 gamma=0x1p-1 decay=1\n", "decay"},
        {"gd-schedule 1 step base_lr=0x1p-3 step_size=3 step_size=3\n", "step_size"},
        {"gd-schedule 1 step base_lr=0x1p-3 step_size=3 gamma\n", "gamma"},
        {"gd-schedule 1 step base_lr=0x1p-3 step_size=3 gamma=half\n", "gamma"},
        {"gd-schedule 1 step base_lr=0x1p-3 step_size=3 gamma=0x1p-1junk\n", "gamma"},
        {"gd-schedule 1 step base_lr=0x1p-3 step_size=2.5 gamma=0x1p-1\n", "step_size"},
        {"gd-schedule 1 step base_lr=inf step_size=3 gamma=0x1p-1\n", "base_lr"},
        {"gd-schedule 1 step base_lr=0x1p-3 step_size=0 gamma=0x1p-1\n", "step_size"},
        {"gd-schedule 1 onecycle max_lr=0x1p-3 total_steps=10 pct_start=0x1.3333333333333p-2 "
         "div_factor=0x1.9p+4 final_div_factor=0x1.388p+13 three_phase=2\n",
         "three_phase"},
        {"gd-schedule 1 onecycle max_lr=0x1p-3 total_steps=10 pct_start=0x1.3333333333333p-2 "
         "div_factor=0x1.9p+4 final_div_factor=0x1.388p+13 three_phase=0 anneal_strategy=quad\n",
         "anneal_strategy"},
        {"gd-schedule 1 multistep base_lr=0x1p-3 milestones=3,,4 gamma=0x1p-1\n", "milestones"},
        {"gd-schedule 1 multistep base_lr=0x1p-3 milestones=3,-4 gamma=0x1p-1\n", "milestones"},
        {"gd-schedule 1 cyclic base_lr=0x1p-3 max_lr=0x1p-2 step_size_up=4 step_size_down=4 "
         "mode=sawtooth gamma=0x1p+0 cycle_momentum=0 base_momentum=0x1p-1 max_momentum=0x1p-1\n",
         "mode"},
        {"gd-schedule 1 plateau base_lr=0x1p-3 factor=0x1p-1 patience=2 threshold=0x0p+0 "
         "threshold_mode=rel cooldown=0 min_lr=0x0p+0 eps=0x0p+0\n",
         "needs 14 fields"},
        {"gd-schedule 1 plateau base_lr=0x1p-3 factor=0x1p-1 patience=2 threshold=0x0p+0 "
         "threshold_mode=rel cooldown=0 min_lr=0x0p+0 eps=0x0p+0 lr=0x1p-3 last_lr=0x1p-3 "
         "best=nan num_bad_epochs=0 cooldown_counter=0 last_epoch=0\n",
         "best"},
        {"gd-schedule 1 plateau base_lr=0x1p-3 factor=0x1p-1 patience=2 threshold=0x0p+0 "
         "threshold_mode=rel cooldown=0 min_lr=0x0p+0 eps=0x0p+0 lr=0x1p-3 last_lr=0x1p-3 "
         "best=inf num_bad_epochs=-1 cooldown_counter=0 last_epoch=0\n",
         "num_bad_epochs"},
        {"gd-schedule 1 warmup warmup_steps=3 warmup_factor=0x1p-1 warmup_lr=0x1p-3\n",
         "then=<schedule>"},
        {"gd-schedule 1 warmup warmup_steps=3 warmup_lr=0x1p-3 then=constant base_lr=0x1p-3\n",
         "then=<schedule>"},
        {"gd-schedule 1 warmup warmup_steps=0 warmup_factor=0x1p-1 warmup_lr=0x1p-3 "
         "then=constant base_lr=0x1p-3\n",
         "warmup_steps"},
        {"gd-schedule 1 warmup warmup_steps=3 warmup_factor=0x1p-1 warmup_lr=0x1p-3 "
         "then=plateau base_lr=0x1p-3 factor=0x1p-1 patience=2 threshold=0x0p+0 "
         "threshold_mode=rel cooldown=0 min_lr=0x0p+0 eps=0x0p+0 lr=0x1p-3 last_lr=0x1p-3 "
         "best=inf num_bad_epochs=0 cooldown_counter=0 last_epoch=0\n",
         "SequentialLR"},
    };
    for (const auto& entry : bad) {
        const std::string text = entry.first;
        BOOST_TEST_INFO("input: " << text);
        expect_usage_error([&text] { load(text); }, entry.second);
    }
    expect_usage_error([] { saved(gd::LambdaSchedule(0.1, quadratic)); }, "cannot be saved");
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_usage_errors_naming_the_parameter) {
    using namespace gd;
    const double nan = std::nan(""), inf = std::numeric_limits<double>::infinity();
    const std::pair<std::function<void()>, std::string> bad[] = {
        {[] { ConstantRate{-0.1}; }, "base_lr"},
        {[=] { ConstantRate{nan}; }, "base_lr"},
        {[] {
             StepDecay{0.1, 0};
         },
         "step_size"},
        {[] {
             StepDecay{0.1, -3};
         },
         "step_size"},
        {[] {
             StepDecay{0.1, 3, -0.5};
         },
         "gamma"},
        {[=] {
             StepDecay{0.1, 3, inf};
         },
         "gamma"},
        {[=] {
             ExponentialDecay{0.1, nan};
         },
         "gamma"},
        {[] {
             ExponentialDecay{-1.0, 0.9};
         },
         "base_lr"},
        {[] {
             InverseTimeDecay{0.1, -1.0};
         },
         "decay"},
        {[] {
             LinearSchedule{0.1, 0.0};
         },
         "start_factor"},
        {[] {
             LinearSchedule{0.1, 1.5};
         },
         "start_factor"},
        {[] {
             LinearSchedule{0.1, 0.5, 1.01};
         },
         "end_factor"},
        {[] {
             LinearSchedule{0.1, 0.5, 1.0, 0};
         },
         "total_iters"},
        {[] {
             CosineAnnealing{0.1, 0};
         },
         "t_max"},
        {[] {
             CosineAnnealing{0.1, 10, -0.01};
         },
         "eta_min"},
        {[=] {
             CosineAnnealing{inf, 10};
         },
         "base_lr"},
        {[] {
             CosineWarmRestarts{0.1, 0};
         },
         "t0"},
        {[] {
             CosineWarmRestarts{0.1, 10, 0};
         },
         "t_mult"},
        {[=] {
             CosineWarmRestarts{0.1, 10, 2, nan};
         },
         "eta_min"},
        {[] {
             OneCycle{0.0, 100};
         },
         "max_lr"},
        {[] {
             OneCycle{0.1, 0};
         },
         "total_steps"},
        {[] {
             OneCycle{0.1, 100, 0.0};
         },
         "pct_start"},
        {[] {
             OneCycle{0.1, 100, 1.0};
         },
         "pct_start"},
        {[] {
             OneCycle{0.1, 100, 0.3, 0.0};
         },
         "div_factor"},
        {[] {
             OneCycle{0.1, 100, 0.3, 25.0, -1.0};
         },
         "final_div_factor"},
        {[] {
             OneCycle{0.1, 10, 0.1};
         },
         "pct_start * total_steps"},  // torch: ZeroDivisionError
        {[] { OneCycle{0.1, 2, 0.5, 25.0, 1e4, true}; }, "pct_start * total_steps"},
        {[] {
             LambdaSchedule{0.1, nullptr};
         },
         "function"},
        {[] { OneCycle{0.1, 10, 0.3, 25.0, 1e4, false, "quad"}; }, "anneal_strategy"},
        {[] { OneCycle{0.1, 10, 0.3, 25.0, 1e4, false, "cos", true, -0.1}; }, "base_momentum"},
        {[] {
             MultiStepDecay{0.1, {3, -1}};
         },
         "milestones"},
        {[] {
             MultiStepDecay{0.1, {}};
         },
         "milestones"},
        {[] {
             MultiStepDecay{0.1, {3}, -0.5};
         },
         "gamma"},
        {[] {
             ConstantFactor{0.1, 0.0};
         },
         "factor"},  // torch: ZeroDivisionError at total_iters
        {[] {
             ConstantFactor{0.1, 1.5};
         },
         "factor"},
        {[] {
             ConstantFactor{0.1, 0.5, 0};
         },
         "total_iters"},
        {[] {
             PolynomialDecay{0.1, 5, -1.0};
         },
         "power"},
        {[] {
             PolynomialDecay{0.1, 0};
         },
         "total_iters"},
        {[] {
             CyclicRate{0.01, 0.1, 0};
         },
         "step_size_up"},  // torch: ZeroDivisionError
        {[] {
             CyclicRate{0.01, 0.1, 4, -1};
         },
         "step_size_down"},
        {[] {
             CyclicRate{0.01, 0.1, 4, 0, "nosuch"};
         },
         "mode"},
        {[] {
             CyclicRate{-0.01, 0.1};
         },
         "base_lr"},
        {[=] { CyclicRate{0.01, 0.1, 4, 0, "triangular", 1.0, true, 0.8, nan}; }, "max_momentum"},
        {[] {
             Plateau{0.1, 1.0};
         },
         "factor"},  // torch: "Factor should be < 1.0"
        {[] {
             Plateau{0.1, 0.1, -1};
         },
         "patience"},
        {[] {
             Plateau{0.1, 0.1, 10, -1e-4};
         },
         "threshold"},
        {[] {
             Plateau{0.1, 0.1, 10, 1e-4, "relative"};
         },
         "threshold_mode"},
        {[] { Plateau{0.1, 0.1, 10, 1e-4, "rel", -1}; }, "cooldown"},
        {[] { Plateau{0.1, 0.1, 10, 1e-4, "rel", 0, -1}; }, "min_lr"},
        {[] { Warmup(std::make_unique<ConstantRate>(0.1), 3, 0.0, 0.1); }, "warmup_factor"},
        {[] { Warmup(std::make_unique<ConstantRate>(0.1), 0, 0.5, 0.1); }, "warmup_steps"},
        {[] { Warmup(nullptr, 3, 0.5, 0.1); }, "no schedule"},
        {[] { Warmup(std::make_unique<Plateau>(0.1), 3, 0.5, 0.1); }, "SequentialLR"},
    };
    for (const auto& [f, word] : bad) expect_usage_error(f, word);
}

BOOST_AUTO_TEST_CASE(the_factory_reports_missing_and_unknown_parameters) {
    const gd::ScheduleConfig none;
    const std::pair<std::string, std::string> missing[] = {
        {"step", "step_size"},       {"exponential", "gamma"},  {"inverse-time", "decay"},
        {"cosine", "t_max"},         {"cosine-restarts", "t0"}, {"onecycle", "max_lr"},
        {"multistep", "milestones"}, {"cyclic", "base_lr"},
    };
    for (const auto& entry : missing) {
        const std::string name = entry.first;
        expect_usage_error([&] { gd::make_schedule(name, 0.1, none); }, entry.second);
    }
    gd::ScheduleConfig c;
    c.max_lr = 0.1;
    expect_usage_error([&] { gd::make_schedule("onecycle", 0.1, c); }, "total_steps");
    expect_usage_error([&] { gd::make_schedule("sgdr", 0.1, c); }, "unknown schedule 'sgdr'");
    expect_usage_error([&] { c.set("momentum", "0.9"); }, "momentum");
    expect_usage_error([&] { c.set("t0", "ten"); }, "t0");
    expect_usage_error([&] { c.set("gamma", "nan"); }, "gamma");
    // Defaults are PyTorch's: StepLR's gamma = 0.1, LinearLR's 1/3 -> 1 over 5 updates.
    c.step_size = 2;
    BOOST_TEST(gd::make_schedule("step", 1.0, c)->rate(2) == 0.1);
    BOOST_TEST(gd::make_schedule("constant", 0.1, none)->rate(1000000) == 0.1);
    BOOST_TEST(gd::make_schedule("linear", 0.3, none)->rate(0) == 0.3 * (1.0 / 3));
    BOOST_TEST(gd::make_schedule("linear", 0.3, none)->rate(5) == 0.3);
    for (const auto& name : gd::schedule_names())
        BOOST_TEST(!gd::schedule_parameters(name).empty());
}

BOOST_AUTO_TEST_CASE(onecycle_ignores_the_base_rate_and_ends_at_total_steps) {
    gd::ScheduleConfig c;
    c.max_lr = 0.4;
    c.total_steps = 50;
    const auto a = gd::make_schedule("onecycle", 123.0, c), b = gd::make_schedule("onecycle", 0, c);
    for (long t = 0; t < 50; ++t) BOOST_TEST(a->rate(t) == b->rate(t));
    // It starts at max_lr / div_factor and ends at that / final_div_factor (up to rounding: the
    // cosine formula gives max_lr + (start - max_lr) / 2 · 2, not start itself).
    BOOST_TEST(relative_gap(a->rate(0), 0.4 / 25) <= 1e-15);
    BOOST_TEST(relative_gap(a->rate(49), 0.4 / 25 / 1e4) <= 1e-15);
    BOOST_TEST(a->horizon() == 50);
    // PyTorch raises when stepped past total_steps; we refuse the rate of update total_steps on.
    expect_usage_error([&] { a->rate(50); }, "0..49");
    expect_usage_error([&] { a->rate(-1); }, "t must be >= 0");
    expect_usage_error([] { gd::ConstantRate(0.1).rate(-5); }, "t must be >= 0");
}

BOOST_AUTO_TEST_CASE(restarts_jump_back_at_the_cycle_ends) {
    // T_0 = 3, T_mult = 2: cycles [0, 3), [3, 9), [9, 21), [21, 45). The first update of each
    // cycle has the full rate, and far-away updates walk the cycles in O(log t).
    const gd::CosineWarmRestarts s(0.1, 3, 2);
    for (long start : {0L, 3L, 9L, 21L, 45L}) BOOST_TEST(s.rate(start) == 0.1);
    BOOST_TEST(s.rate(44) < s.rate(43));
    const long far = 3 * ((1L << 40) - 1);  // the start of cycle 40
    BOOST_TEST(s.rate(far) == 0.1);
    BOOST_TEST(s.rate(far - 1) < 1e-20);
}

namespace {

// The schedule flags of a command line, as a program that offers them would read them.
gd::ScheduleConfig parse(std::vector<const char*> args) {
    gd::Cli cli("test", "a tool with schedules", 42, false);
    gd::ScheduleConfig c;
    gd::add_schedule_flags(cli, c);
    args.insert(args.begin(), "test");
    cli.parse(static_cast<int>(args.size()), args.data());
    return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(command_line_flags_fill_the_config) {
    const auto c = parse({"--step-size", "3", "--gamma", "0.5"});
    BOOST_TEST(gd::make_schedule("step", 0.1, c)->rate(3) == 0.05);
    const auto r = parse({"--t0", "4", "--t-mult", "2", "--eta-min", "0.01"});
    BOOST_TEST(gd::make_schedule("cosine-restarts", 0.1, r)->describe() ==
               "cosine-restarts(base_lr=0.1, t0=4, t_mult=2, eta_min=0.01)");
    const auto o = parse({"--max-lr", "0.5", "--total-steps", "10", "--three-phase"});
    BOOST_TEST(gd::make_schedule("onecycle", 0.1, o)->params().at(5).key == "three_phase");
    BOOST_TEST(gd::make_schedule("onecycle", 0.1, o)->params().at(5).integer == 1);
    expect_usage_error([&] { parse({"--pct-start", "1"}); }, "--pct-start");
    expect_usage_error([&] { parse({"--step-size", "0"}); }, "--step-size");
    expect_usage_error([&] { parse({"--gamma", "-0.5"}); }, "--gamma");
}

BOOST_AUTO_TEST_CASE(momentum_cycling_is_pytorchs_default_on_the_command_line_only) {
    // A config (chapters 06, 07, 11) schedules the rate only, and a one-cycle line reads as it
    // always has; the command line cycles, as PyTorch does, until --no-cycle-momentum.
    gd::ScheduleConfig plain;
    plain.max_lr = 0.01, plain.total_steps = 60;
    const auto rate_only = gd::make_schedule("onecycle", 0.1, plain);
    BOOST_TEST(!rate_only->cycles_momentum());
    BOOST_TEST(rate_only->describe() ==
               "onecycle(max_lr=0.01, total_steps=60, pct_start=0.3, div_factor=25, "
               "final_div_factor=10000, three_phase=0)");
    const auto on = parse({"--max-lr", "0.01", "--total-steps", "60"});
    BOOST_TEST(on.cycle_momentum);
    const auto cycling = gd::make_schedule("onecycle", 0.1, on);
    BOOST_TEST(cycling->cycles_momentum());
    BOOST_TEST(cycling->cycles_beta1());
    BOOST_TEST(cycling->momentum(0) == 0.95);   // max_momentum at the start
    BOOST_TEST(cycling->momentum(17) == 0.85);  // base_momentum at the peak rate (pN − 1 = 17)
    for (long t = 0; t < 60; ++t) BOOST_TEST(cycling->rate(t) == rate_only->rate(t));
    BOOST_TEST(!parse({"--no-cycle-momentum"}).cycle_momentum);
    // CyclicLR: torch's momenta 0.8 and 0.9, and no β1.
    auto cyc = parse({"--base-lr", "0.01", "--max-lr", "0.1", "--step-size-up", "5"});
    const auto cyclic = gd::make_schedule("cyclic", 123.0, cyc);
    BOOST_TEST(cyclic->momentum(0) == 0.9);
    BOOST_TEST(cyclic->momentum(5) == 0.8);
    BOOST_TEST(cyclic->rate(5) == 0.1);
    BOOST_TEST(!cyclic->cycles_beta1());
    // A schedule without cycling has no momentum to give.
    expect_usage_error([&] { rate_only->momentum(0); }, "does not cycle");
}

BOOST_AUTO_TEST_CASE(defaults_of_the_new_schedules_are_pytorchs) {
    gd::ScheduleConfig c;
    // ConstantLR: 1/3 for 5 updates; PolynomialLR: power 1 over 5 updates.
    const auto constant = gd::make_schedule("constant-lr", 0.3, c);
    BOOST_TEST(constant->rate(4) == 0.3 * (1.0 / 3));
    BOOST_TEST(constant->rate(5) == 0.3 * (1.0 / 3) * (1.0 / (1.0 / 3)));
    BOOST_TEST(gd::make_schedule("polynomial", 0.5, c)->rate(5) == 0.0);
    BOOST_TEST(gd::make_schedule("polynomial", 0.5, c)->rate(1) == 0.5 * 0.8);
    // MultiStepLR's γ = 0.1; CyclicLR's 2000 updates up, triangular.
    c.milestones = {2};
    BOOST_TEST(gd::make_schedule("multistep", 1.0, c)->rate(2) == 0.1);
    c.base_lr = 0.001, c.max_lr = 0.006;
    BOOST_TEST(gd::make_schedule("cyclic", 0.1, c)->rate(2000) == 0.006);
    BOOST_TEST(gd::make_schedule("cyclic", 0.1, c)->rate(4000) == 0.001);
    // ReduceLROnPlateau: factor 0.1 after 10 bad updates, threshold 1e-4 relative.
    const auto p = gd::make_schedule("plateau", 1.0, c);
    p->observe(1.0);
    for (int k = 0; k < 10; ++k) p->observe(0.99995);  // within the threshold: not better
    BOOST_TEST(p->rate(11) == 1.0);
    p->observe(1.0);
    BOOST_TEST(p->rate(12) == 0.1);
    // The warm-up: LinearLR's start factor 1/3; towards max_lr/div_factor before a one-cycle.
    c = {};
    c.warmup_steps = 4;
    const auto w = gd::make_schedule("cosine", 0.3, [&] {
        gd::ScheduleConfig x = c;
        x.t_max = 10;
        return x;
    }());
    BOOST_TEST(w->name() == "warmup");
    BOOST_TEST(w->rate(0) == 0.3 * (1.0 / 3));
    BOOST_TEST(w->rate(4) == gd::CosineAnnealing(0.3, 10).rate(0));
    c.max_lr = 1.0, c.total_steps = 10;
    const auto wo = gd::make_schedule("onecycle", 123.0, c);
    BOOST_TEST(wo->rate(0) == 0.04 * (1.0 / 3));
    BOOST_TEST(wo->horizon() == 14);
    expect_usage_error([&] { gd::make_schedule("plateau", 0.1, c); }, "SequentialLR");
}

BOOST_AUTO_TEST_CASE(new_command_line_flags_fill_the_config) {
    const auto m = parse({"--milestones", "30,80", "--gamma", "0.5"});
    BOOST_TEST(m.milestones == (std::vector<long>{30, 80}));
    BOOST_TEST(gd::make_schedule("multistep", 1.0, m)->rate(80) == 0.25);
    const auto p = parse({"--factor", "0.5", "--patience", "3", "--threshold-mode", "abs",
                          "--cooldown", "2", "--min-lr", "0.001", "--threshold", "0.1"});
    BOOST_TEST(gd::make_schedule("plateau", 0.1, p)
                   ->describe()
                   .find("plateau(base_lr=0.1, factor=0.5, patience=3, threshold=0.1, "
                         "threshold_mode=abs, cooldown=2, min_lr=0.001") == 0u);
    const auto w = parse({"--warmup-steps", "5", "--warmup-factor", "0.2", "--power", "2", "--mode",
                          "exp_range", "--anneal-strategy", "linear", "--step-size-down", "7",
                          "--base-momentum", "0.5", "--max-momentum", "0.6"});
    BOOST_TEST(w.warmup_steps == 5);
    BOOST_TEST(w.warmup_factor == 0.2);
    BOOST_TEST(w.power == 2.0);
    BOOST_TEST(w.mode == "exp_range");
    BOOST_TEST(w.anneal_strategy == "linear");
    BOOST_TEST(w.step_size_down == 7);
    BOOST_TEST(w.base_momentum == 0.5);
    BOOST_TEST(w.max_momentum == 0.6);
    expect_usage_error([&] { parse({"--milestones", "-3"}); }, "--milestones");
    expect_usage_error([&] { parse({"--milestones", "3,x"}); }, "--milestones");
    expect_usage_error([&] { parse({"--mode", "nosuch"}); }, "--mode");
    expect_usage_error([&] { parse({"--patience", "-1"}); }, "--patience");
    expect_usage_error([&] { parse({"--power", "-1"}); }, "--power");
    expect_usage_error([&] { parse({"--step-size-up", "0"}); }, "--step-size-up");
    expect_usage_error([&] { parse({"--warmup-factor", "0"}); }, "--warmup-factor");
    expect_usage_error([&] { parse({"--threshold-mode", "rel2"}); }, "--threshold-mode");
    expect_usage_error([&] { parse({"--anneal-strategy", "cosine"}); }, "--anneal-strategy");
}

BOOST_AUTO_TEST_SUITE_END()  // test_schedules

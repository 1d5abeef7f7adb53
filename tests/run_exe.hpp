// run_exe.hpp: runs one of the book's executables as a user would and captures what it says.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace testing {

struct Outcome {
    int exit_code = -1;  // -1 when the process did not exit normally (a signal: a crash)
    std::string out, err;
};

inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream is(p, std::ios::binary);
    std::ostringstream ss;
    ss << is.rdbuf();
    return ss.str();
}

// The folder that holds the captured stdout and stderr of this test process's runs. Made on
// first use, removed when the test process exits, so no /tmp/gdbook-run-<pid> stays behind.
class CaptureDir {
  public:
    static const std::filesystem::path& path() {
        static CaptureDir d;
        return d.dir_;
    }
    ~CaptureDir() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

  private:
    CaptureDir()
        : dir_(std::filesystem::temp_directory_path() /
               ("gdbook-run-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(dir_);
    }
    std::filesystem::path dir_;
};

// How to start a program: extra environment words (e.g. "PATH=/none"), the working folder
// (empty: the test's own), and a time limit in seconds (0: none) after which it is killed.
struct How {
    std::string env;
    std::filesystem::path cwd;
    int timeout_s = 0;
};

// Runs build/bin/<program> with args. Safe to call from several threads at once.
inline Outcome run(const std::string& program, const std::vector<std::string>& args,
                   const How& how) {
    namespace fs = std::filesystem;
    static std::atomic<int> counter{0};
    const int n = counter++;
    const fs::path out = CaptureDir::path() / ("out" + std::to_string(n));
    const fs::path err = CaptureDir::path() / ("err" + std::to_string(n));
    std::string cmd = how.cwd.empty() ? "" : "cd " + quote(how.cwd.string()) + " && ";
    // timeout(1) exits with 124 when the limit is reached, which no program of ours uses; it
    // comes first (with env(1) after it) so that an env like PATH=/none cannot hide it.
    if (how.timeout_s > 0) {
        cmd += "timeout -k 5 " + std::to_string(how.timeout_s) + " ";
        if (!how.env.empty()) cmd += "env ";
    }
    if (!how.env.empty()) cmd += how.env + " ";
    cmd += quote(std::string(BOOK_BIN_DIR) + "/" + program);
    for (const auto& a : args) cmd += " " + quote(a);
    cmd += " </dev/null >" + quote(out.string()) + " 2>" + quote(err.string());
    const int status = std::system(cmd.c_str());
    Outcome o;
    if (WIFEXITED(status)) o.exit_code = WEXITSTATUS(status);
    o.out = slurp(out);
    o.err = slurp(err);
    std::error_code ec;
    fs::remove(out, ec);
    fs::remove(err, ec);
    return o;
}

// Runs build/bin/<program> with args; `env` is prepended to the command (e.g. "PATH=/none").
inline Outcome run(const std::string& program, const std::vector<std::string>& args,
                   const std::string& env = "") {
    return run(program, args, How{env, {}, 0});
}

inline int count_lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += (c == '\n');
    return n;
}

// True in the sanitizer preset (CMakePresets.json sets BOOK_SANITIZED=1), where every program
// runs about ten times slower: the sweeps over every program then sample or shrink their runs.
inline bool sanitized() {
    const char* env = std::getenv("BOOK_SANITIZED");
    return env && std::string(env) == "1";
}

// Under the sanitizers some quick runs are slow (every load and store is checked), and the sweeps
// run each program dozens of times: 09 takes 9.5 s (1.3 s with 2 seeds of 200 epochs), 07 22 s
// (1 s with 8 starts), 06 6 s (0.7 s with 2 seeds), 05 3.2 s (1.5 s with shorter weight-decay
// runs and rate sweep), 04 2.4 s (0.8 s with 200 steps), 08 2.2 s (1.6 s with 2 draws), 11 40 s
// (2 s with the MLP alone, one seed, no training). These flags, appended to a --quick run there,
// give the smaller size; a chapter that draws random numbers still does (04 draws none), so a seed
// still changes its files.
inline std::vector<std::string> sanitized_size(const std::string& program) {
    if (!sanitized()) return {};
    if (program == "04_rmsprop") return {"--steps", "200"};
    if (program == "05_adam") return {"--wd-steps", "1000", "--sweep-epochs", "100"};
    if (program == "06_lr_decay") return {"--seeds", "2"};
    if (program == "07_restarts") return {"--runs", "8"};
    if (program == "08_compare") return {"--draws", "2"};
    if (program == "09_autodiff_mlp") return {"--seeds", "2", "--epochs", "200"};
    if (program == "11_lr_range_test") return {"--model", "mlp", "--seeds", "1", "--epochs", "0"};
    return {};
}

// The book's programs in BOOK_BIN_DIR (the numbered chapters and the playground), sorted by
// name: the sweeps over every program find chapters added later without being told.
inline std::vector<std::string> programs() {
    std::vector<std::string> names;
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (const auto& e : std::filesystem::directory_iterator(BOOK_BIN_DIR)) {
        const std::string n = e.path().filename().string();
        const bool chapter = n.size() > 2 && digit(n[0]) && digit(n[1]);
        if (e.is_regular_file() && (chapter || n == "playground")) names.push_back(n);
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace testing

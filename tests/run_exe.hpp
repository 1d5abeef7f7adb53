// run_exe.hpp: runs one of the book's executables as a user would and captures what it says.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
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

// Runs build/bin/<program> with args; `env` is prepended to the command (e.g. "PATH=/none").
inline Outcome run(const std::string& program, const std::vector<std::string>& args,
                   const std::string& env = "") {
    namespace fs = std::filesystem;
    static int counter = 0;
    const fs::path dir = fs::temp_directory_path() / ("gdbook-run-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path out = dir / ("out" + std::to_string(counter));
    const fs::path err = dir / ("err" + std::to_string(counter++));
    std::string cmd = env.empty() ? "" : env + " ";
    cmd += quote(std::string(BOOK_BIN_DIR) + "/" + program);
    for (const auto& a : args) cmd += " " + quote(a);
    cmd += " </dev/null >" + quote(out.string()) + " 2>" + quote(err.string());
    const int status = std::system(cmd.c_str());
    Outcome o;
    if (WIFEXITED(status)) o.exit_code = WEXITSTATUS(status);
    o.out = slurp(out);
    o.err = slurp(err);
    return o;
}

inline int count_lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += (c == '\n');
    return n;
}

}  // namespace testing

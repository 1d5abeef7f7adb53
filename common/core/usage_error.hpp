// usage_error.hpp: the one error type the math layers throw.
//
// Introduced in chapter 01. Bad input from the user (a flag out of range, a damaged file, an
// optimizer or schedule setting PyTorch would refuse) is a UsageError: the command line
// (cli/cli.hpp, gd::run) prints it in one line and exits with code 2. It lives in its own tiny
// header so that the update rules, schedules and problems can refuse a value without knowing
// anything of the command line.
#pragma once

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace gd {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Throws "<who>: <param> must be <rule>, got <value>" unless the value is finite and ok.
inline void require(const std::string& who, const char* param, double value, bool ok,
                    const char* rule) {
    if (std::isfinite(value) && ok) return;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    throw UsageError(who + ": " + param + " must be " + rule + ", got " + buf);
}

}  // namespace gd

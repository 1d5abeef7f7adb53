// settling.hpp: when a run has arrived, read off its loss curve.
//
// Introduced in chapter 03; chapters 04, 05 and 08 ask the same question of their races. A run
// that dips below a level and bounces out again has not arrived: what counts is the first
// update from which the loss stays below the level to the end of the run.
#pragma once

#include <cstddef>
#include <vector>

namespace gd {

// The first index from which loss[i] < level holds to the end; -1 if the last one is not below.
inline long settled_from(const std::vector<double>& loss, double level) {
    if (loss.empty() || !(loss.back() < level)) return -1;
    std::size_t i = loss.size() - 1;
    while (i > 0 && loss[i - 1] < level) --i;
    return static_cast<long>(i);
}

}  // namespace gd

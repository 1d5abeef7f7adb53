// seeds.hpp: the seed of each run of an experiment, derived from the program's one --seed.
//
// Introduced in chapter 06, whose runs each reshuffle with a generator of their own; chapters
// 07 and 11 use it too. An experiment seeded with s gives its stream k (run k, or one purpose
// such as "the batch order") the generator Rng(run_seed(s, k)) with
//     run_seed(s, k) = 1000·s + k,        k < 1000,
// so two streams of one seed never share a generator, nor do two seeds' streams, and a run can
// be repeated alone from (s, k). The generator's own seeding (splitmix64, core/rng.hpp) mixes
// these neighbouring numbers into unrelated states.
#pragma once

#include <cstdint>
#include <string>

#include "core/usage_error.hpp"

namespace gd {

inline std::uint64_t run_seed(std::uint64_t seed, std::uint64_t stream) {
    if (stream >= 1000) {
        throw UsageError("run_seed: stream " + std::to_string(stream) + " is not below 1000");
    }
    return seed * 1000 + stream;
}

}  // namespace gd

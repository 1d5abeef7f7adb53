// rng.hpp: the book's seeded random-number generator.
//
// Introduced in chapter 01 (shuffling mini-batches), used by every chapter that draws data or
// initial weights. std::mt19937 is portable, but std::uniform_real_distribution,
// std::normal_distribution and std::shuffle are not: libstdc++, libc++ and MSVC turn the same
// bits into different numbers. So we own the whole chain from seed to sample:
//   seed --splitmix64--> xoshiro256** state --> 64-bit words --> uniform / normal / shuffle.
// Both generators are Vigna's reference algorithms (prng.di.unimi.it); tests/test_rng.cpp checks
// them against the published outputs.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace gd {

// splitmix64: turns any seed (even 0) into well-mixed words; used only to fill xoshiro's state.
inline std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

class Rng {
  public:
    explicit Rng(std::uint64_t seed = 0) {
        std::uint64_t sm = seed;
        for (auto& word : s_) word = splitmix64(sm);
    }

    // xoshiro256**: the next 64 random bits.
    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, 1): the top 53 bits scaled by 2^-53, so every value is exactly representable.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    // Uniform integer in [0, n), without modulo bias: reject the few words below 2^64 mod n.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) return r % n;
        }
    }
    // Uniform integer in [lo, hi), like numpy's randint(lo, hi).
    std::int64_t randint(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo)));
    }

    // Standard normal by Box-Muller. 1 - u keeps the logarithm's argument in (0, 1].
    double normal() {
        constexpr double two_pi = 6.283185307179586476925286766559;
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(two_pi * u2);
    }
    double normal(double mean, double stddev) { return mean + stddev * normal(); }

    // Fisher-Yates, walking down from the end as Knuth writes it.
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) {
            std::swap(v[i - 1], v[static_cast<std::size_t>(below(i))]);
        }
    }

    // The whole state, so a run can be checkpointed and resumed bit for bit.
    const std::uint64_t (&state() const)[4] { return s_; }
    void set_state(const std::uint64_t (&s)[4]) {
        for (int i = 0; i < 4; ++i) s_[i] = s[i];
    }

  private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

// 0, 1, ..., n-1 in a seeded random order.
inline std::vector<std::size_t> permutation(std::size_t n, Rng& rng) {
    std::vector<std::size_t> idx(n);
    for (std::size_t i = 0; i < n; ++i) idx[i] = i;
    rng.shuffle(idx);
    return idx;
}

}  // namespace gd

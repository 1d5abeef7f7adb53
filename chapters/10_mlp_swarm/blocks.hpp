// blocks.hpp: chapter 10's fast path: eight bees in one vector, trained epoch after epoch.
//
// For the book's 1-H-1 networks. A block holds eight bees, and every number of the block (a
// weight, a prediction at one point, a velocity) is one `Lanes` value: eight doubles, one per
// bee, which the compiler keeps in one AVX-512 register (two AVX2, four SSE2 ones). Every
// operation on Lanes is eight independent IEEE operations, so each bee gets exactly the
// numbers it would get alone; and each bee's numbers are summed in the order the autodiff tape
// sums them (fused.hpp says how), so they are the tape's, bit for bit
// (tests/test_10_swarm.cpp). train_block() runs all epochs of a block at once, forward,
// backward and PyTorch's SGD step, with the block's few kilobytes in the core's L1 cache.
// Notation: x inputs, y targets, w = W₁ and b = b₁ the hidden layer, u = W₂ and c = b₂ the
// output layer, z = xw + b, h = act(z), p = Σ_j h_j u_j + c, n points, ā = ∂loss/∂a, η rate,
// μ momentum, τ dampening, λ weight decay, v velocity (torch's momentum_buffer), e epoch.
#pragma once

#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <new>

// Function multiversioning (train_block, pass_block): GCC compiles each twice more, for AVX2
// and AVX-512, and the dynamic loader picks one when the program starts (ifunc: glibc, x86-64).
// Elsewhere (clang, other CPUs) one portable version. All versions do the same IEEE operations
// in the same order, so the same numbers; -ffp-contract=off (CMakeLists.txt) forbids fusing
// a·b + c into one FMA, which would round once instead of twice, on every target.
#if defined(__x86_64__) && defined(__GLIBC__) && defined(__GNUC__) && !defined(__clang__)
#define CH10_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define CH10_VECTOR_CLONES
#endif

// A 64-byte vector is passed between functions in different registers with and without
// AVX-512, so a helper compiled for one target and called from a clone compiled for another
// would read garbage. Every helper taking or returning Lanes is therefore always inlined into
// its caller (CH10_INLINE), and GCC's note on that ABI difference (given at the end of the
// file) is switched off to the end of the includer.
#if defined(__GNUC__)
#define CH10_INLINE inline __attribute__((always_inline))
#else
#define CH10_INLINE inline
#endif
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

namespace ch10 {

constexpr std::size_t kLanes = 8;  // bees per block
// aligned(64) on every target: without it GCC aligns the type to 16 bytes where the CPU has no
// 64-byte registers, and the AVX-512 clone's aligned loads would fault on such memory.
using Lanes = double __attribute__((vector_size(8 * kLanes), aligned(64)));
using LaneMask = long long __attribute__((vector_size(8 * kLanes), aligned(64)));

// The activations on eight bees, forward f(z) and backward ā·u·act'(z) from h = f(z): the
// tape's formulas (relu passes p̄·u where z > 0, which is h > 0; tanh′ = 1 − h², σ′ = h(1 − h)).
// ReLU's max is std::max(z, 0): z < 0 ? 0 : z. tanh and σ go bee by bee through the scalar
// std::tanh and std::exp the tape calls (a vector version might differ in the last bit).
struct ReluLanes {
    static CH10_INLINE Lanes f(Lanes z) { return z < 0.0 ? Lanes{} : z; }
    static CH10_INLINE Lanes back(Lanes h, Lanes g, Lanes u) { return (h > 0.0 ? g : Lanes{}) * u; }
};
struct TanhLanes {
    static CH10_INLINE Lanes f(Lanes z) {
        for (std::size_t k = 0; k < kLanes; ++k) z[k] = std::tanh(z[k]);
        return z;
    }
    static CH10_INLINE Lanes back(Lanes h, Lanes g, Lanes u) { return g * u * (1.0 - h * h); }
};
struct SigmoidLanes {
    static CH10_INLINE Lanes f(Lanes z) {
        for (std::size_t k = 0; k < kLanes; ++k) z[k] = 1.0 / (1.0 + std::exp(-z[k]));
        return z;
    }
    static CH10_INLINE Lanes back(Lanes h, Lanes g, Lanes u) { return g * u * h * (1.0 - h); }
};

// Eight bees' parameters, velocities, gradients and per-point work space. Unit j's numbers are
// w[j], b[j], u[j]; the point i's prediction p[i], its p̄ g[i] and the units' outputs h[i·H + j].
// The arrays are carved from one 64-byte aligned allocation (a std::vector<Lanes> would drop
// the alignment: GCC ignores attributes on template arguments).
class Block {
  public:
    Block(std::size_t H, std::size_t n) : H(H), mem_(allocate(9 * H + 2 * n + n * H)) {
        Lanes* a = mem_;
        for (Lanes** arr : {&w, &b, &u, &vw, &vb, &vu, &gw, &gb, &gu}) *arr = a, a += H;
        p = a, g = a + n, h = a + 2 * n;
    }
    ~Block() { ::operator delete[](mem_, std::align_val_t(64)); }
    Block(const Block&) = delete;
    Block& operator=(const Block&) = delete;

    std::size_t H;
    Lanes *w, *b, *u, *vw, *vb, *vu, *gw, *gb, *gu, *p, *g, *h;
    Lanes c{}, vc{}, gc{}, loss{};
    // SGD's settings, bee by bee: η, μ, 1 − τ, λ, and which bees have momentum and decay.
    Lanes lr{}, mu{}, keep{}, decay{};
    LaneMask has_mu{}, has_decay{};

  private:
    static Lanes* allocate(std::size_t count) {
        auto* a =
            static_cast<Lanes*>(::operator new[](count * sizeof(Lanes), std::align_val_t(64)));
        for (std::size_t i = 0; i < count; ++i) a[i] = Lanes{};
        return a;
    }
    Lanes* mem_;
};

// Forward for R points from point i0 on: z_ij = x_i w_j + b_j, h_ij = act(z_ij), and
// p_i = Σ_j h_ij u_j, summed unit after unit from 0 as the tape's batched matmul does. R points
// at once give R independent sums: each waits for the previous addition only every R-th
// operation, so the additions overlap instead of queueing one after the other.
template <class Act, std::size_t R>
CH10_INLINE void forward(Block& s, const double* x, std::size_t i0) {
    Lanes p[R] = {};
    for (std::size_t j = 0; j < s.H; ++j) {
        const Lanes w = s.w[j], b = s.b[j], u = s.u[j];
        for (std::size_t r = 0; r < R; ++r) {
            const Lanes h = Act::f(x[i0 + r] * w + b);
            s.h[(i0 + r) * s.H + j] = h;  // kept for backward
            p[r] += h * u;
        }
    }
    for (std::size_t r = 0; r < R; ++r) s.p[i0 + r] = p[r];
}

// Backward for J units from unit j0 on: ū_j = Σ_i h_ij p̄_i, b̄_j = Σ_i z̄_ij and
// w̄_j = Σ_i x_i z̄_ij with z̄_ij = act′(z_ij)·p̄_i·u_j, each summed from 0 in order of i (as the
// tape sums over the point axis), the 3J sums held in registers throughout.
template <class Act, std::size_t J>
CH10_INLINE void backward(Block& s, const double* x, std::size_t n, std::size_t j0) {
    Lanes sw[J] = {}, sb[J] = {}, su[J] = {};
    for (std::size_t i = 0; i < n; ++i) {
        const Lanes gp = s.g[i];  // p̄_i
        for (std::size_t q = 0; q < J; ++q) {
            const Lanes h = s.h[i * s.H + j0 + q];
            const Lanes gz = Act::back(h, gp, s.u[j0 + q]);  // z̄ = act′(z)·p̄·u
            su[q] += h * gp;
            sb[q] += gz;
            sw[q] += x[i] * gz;
        }
    }
    for (std::size_t q = 0; q < J; ++q)
        s.gw[j0 + q] = sw[q], s.gb[j0 + q] = sb[q], s.gu[j0 + q] = su[q];
}

// One forward and backward pass of a block: loss, prediction and gradient of its eight bees.
template <class Act>
CH10_INLINE void pass(Block& s, const double* x, const double* y, std::size_t n) {
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) forward<Act, 4>(s, x, i);
    for (; i < n; ++i) forward<Act, 1>(s, x, i);
    // The loss Σ(p − y)²/n, summed in order of i; p̄ = 2(p − y)/n; c̄ = Σ_i p̄_i.
    const double two_n = 2.0 / double(n);
    Lanes sq{}, gc{};
    for (i = 0; i < n; ++i) {
        s.p[i] = s.p[i] + s.c;  // + b₂, after the units' sum, as add_bias does
        const Lanes d = s.p[i] - y[i];
        sq += d * d;
        s.g[i] = two_n * d;
        gc += s.g[i];
    }
    s.loss = sq / double(n);
    s.gc = gc;
    std::size_t j = 0;
    for (; j + 2 <= s.H; j += 2) backward<Act, 2>(s, x, n, j);
    for (; j < s.H; ++j) backward<Act, 1>(s, x, n, j);
}

// One step of torch.optim.SGD on one parameter of eight bees (optim/sgd.hpp, operation by
// operation), written back only for the bees still alive. `first`: the velocity starts as the
// first gradient itself, undampened.
CH10_INLINE void sgd_step(const Block& s, Lanes& theta, Lanes& v, Lanes g, bool first,
                          LaneMask alive) {
    g = s.has_decay ? g + s.decay * theta : g;  // g ← g + λθ (L2 penalty)
    v = first ? g : s.mu * v + s.keep * g;      // v ← μv + (1 − τ)g, v₁ = g₁
    const Lanes step = s.has_mu ? v : g;        // without momentum torch steps by g itself
    const Lanes next = theta - s.lr * step;     // θ ← θ − η·v
    theta = alive ? next : theta;               // a diverged bee stays frozen
}
CH10_INLINE void sgd_step_all(Block& s, bool first, LaneMask alive) {
    for (std::size_t j = 0; j < s.H; ++j) {
        sgd_step(s, s.w[j], s.vw[j], s.gw[j], first, alive);
        sgd_step(s, s.b[j], s.vb[j], s.gb[j], first, alive);
        sgd_step(s, s.u[j], s.vu[j], s.gu[j], first, alive);
    }
    sgd_step(s, s.c, s.vc, s.gc, first, alive);
}

// Where train_block writes, for bee lane k of the block (nullptr: not recorded).
struct BlockOut {
    double* loss[kLanes];   // loss[k][e·stride_loss]
    double* pred[kLanes];   // pred[k][e·stride_pred + i]
    double* theta[kLanes];  // theta[k][e·stride_theta + q], q in Net's order: w, b, u, c
    std::size_t stride_loss = 0, stride_pred = 0, stride_theta = 0;
    int* diverged_at[kLanes];  // first epoch with a non-finite loss, −1 if none
};

// All epochs of one block: every epoch records the bees' loss (and prediction, parameters)
// before its update; a bee whose loss is not finite is marked diverged from that epoch on,
// recorded as NaN, and frozen (its parameters are never updated again).
template <class Act>
CH10_VECTOR_CLONES void train_block(Block& s, const double* x, const double* y, std::size_t n,
                                    int epochs, const BlockOut& out) {
    const double nan = std::nan("");
    const std::size_t H = s.H;
    LaneMask alive = ~LaneMask{};  // every bee alive
    for (int e = 0; e < epochs; ++e) {
        pass<Act>(s, x, y, n);
        const LaneMask finite = (s.loss - s.loss) == 0.0;  // false for ±∞ and NaN
        const std::size_t E = std::size_t(e);
        for (std::size_t k = 0; k < kLanes; ++k) {
            if (!out.loss[k]) continue;  // a padding lane
            if (alive[k] && !finite[k]) *out.diverged_at[k] = e;
            const bool dead = !alive[k] || !finite[k];
            out.loss[k][E * out.stride_loss] = dead ? nan : s.loss[k];
            if (out.pred[k])
                for (std::size_t i = 0; i < n; ++i)
                    out.pred[k][E * out.stride_pred + i] = dead ? nan : s.p[i][k];
            if (out.theta[k]) {
                double* q = out.theta[k] + E * out.stride_theta;
                for (std::size_t j = 0; j < H; ++j) q[j] = s.w[j][k];
                for (std::size_t j = 0; j < H; ++j) q[H + j] = s.b[j][k];
                for (std::size_t j = 0; j < H; ++j) q[2 * H + j] = s.u[j][k];
                q[3 * H] = s.c[k];
            }
        }
        alive = alive & finite;
        // The update after the last recorded epoch is never seen: skipped, so that the block
        // ends holding the parameters of its last recorded epoch.
        if (e + 1 < epochs) sgd_step_all(s, e == 0, alive);
    }
}

// One pass of a block, for the general training loop (any optimizer steps the gradients).
template <class Act>
CH10_VECTOR_CLONES void pass_block(Block& s, const double* x, const double* y, std::size_t n) {
    pass<Act>(s, x, y, n);
}

}  // namespace ch10

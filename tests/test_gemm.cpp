// The fixed-order GEMM: every kernel path computes, for every element of C, the one chain of
// fused multiply-adds over k in order that gemm.hpp promises, bit for bit, whatever the shape,
// the transposes, the blocks and the pieces a sum is cut into.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstring>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "autodiff/gemm.hpp"
#include "core/rng.hpp"

BOOST_AUTO_TEST_SUITE(test_gemm)

namespace {

// The definition, written out: c_ij = fma(a_i,k−1, b_k−1,j, … fma(a_i0, b_0j, 0) …).
template <class T>
void chain(bool ta, bool tb, std::size_t m, std::size_t n, std::size_t k, const T* a,
           std::size_t lda, const T* b, std::size_t ldb, T* c, std::size_t ldc, bool accumulate) {
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            T acc = accumulate ? c[i * ldc + j] : T(0);
            for (std::size_t p = 0; p < k; ++p) {
                const T x = ta ? a[p * lda + i] : a[i * lda + p];
                const T y = tb ? b[j * ldb + p] : b[p * ldb + j];
                acc = std::fma(x, y, acc);
            }
            c[i * ldc + j] = acc;
        }
    }
}

std::vector<gd::GemmPath> supported_paths() {
    std::vector<gd::GemmPath> paths;
    for (auto p : {gd::GemmPath::portable, gd::GemmPath::avx2, gd::GemmPath::avx512}) {
        if (gd::gemm_path_supported(p)) paths.push_back(p);
    }
    return paths;
}

// Restores the path in use when a test case ends.
struct KeepPath {
    gd::GemmPath saved = gd::gemm_path();
    ~KeepPath() { gd::set_gemm_path(saved); }
};

template <class T>
std::vector<T> random_values(std::size_t count, gd::Rng& rng) {
    std::vector<T> v(count);
    for (T& x : v) x = static_cast<T>(rng.uniform(-1, 1));
    return v;
}

template <class T>
bool same_bits(const std::vector<T>& x, const std::vector<T>& y) {
    // memcmp must not see the null data() of an empty vector (k = 0 makes some).
    return x.size() == y.size() &&
           (x.empty() || std::memcmp(x.data(), y.data(), x.size() * sizeof(T)) == 0);
}

// Shapes that cut through every blocking: 1 × 1, tiles with ragged edges (MR is 4, 6 or 12 and
// NR 8 to 32 by path), k over several blocks of 256, the widths chapter 11 uses, and k = 0.
const std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> kShapes = {
    {1, 1, 1},   {5, 7, 3},      {13, 37, 600}, {250, 256, 784}, {9, 32, 1000},
    {300, 5, 3}, {145, 33, 257}, {64, 64, 0},   {0, 4, 5},       {12, 16, 256}};

template <class T>
void check_every_path_is_the_chain() {
    KeepPath keep;
    gd::Rng rng(1);
    for (const auto& [m, n, k] : kShapes) {
        for (int ta = 0; ta < 2; ++ta) {
            for (int tb = 0; tb < 2; ++tb) {
                const std::vector<T> a = random_values<T>(m * k, rng),
                                     b = random_values<T>(k * n, rng);
                const std::size_t lda = ta ? m : k, ldb = tb ? k : n;
                for (int acc = 0; acc < 2; ++acc) {
                    const std::vector<T> c0 = random_values<T>(m * n, rng);  // what C held
                    std::vector<T> want = c0;
                    chain<T>(ta, tb, m, n, k, a.data(), lda, b.data(), ldb, want.data(), n, acc);
                    for (gd::GemmPath p : supported_paths()) {
                        gd::set_gemm_path(p);
                        std::vector<T> got = c0;
                        gd::gemm_into<T>(ta, tb, m, n, k, a.data(), lda, b.data(), ldb, got.data(),
                                         n, acc);
                        BOOST_TEST_INFO(gd::gemm_path_name(p)
                                        << " m=" << m << " n=" << n << " k=" << k << " ta=" << ta
                                        << " tb=" << tb << " acc=" << acc);
                        BOOST_TEST(same_bits(got, want));
                    }
                }
            }
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_kernel_path_computes_the_chain_bit_for_bit_in_float) {
    check_every_path_is_the_chain<float>();
}

BOOST_AUTO_TEST_CASE(every_kernel_path_computes_the_chain_bit_for_bit_in_double) {
    check_every_path_is_the_chain<double>();
}

// The machine this runs on has at least the portable path, and an x86-64 machine of the last
// decade AVX2; the test says which paths it compared, so a CI log shows what was covered.
BOOST_AUTO_TEST_CASE(the_paths_this_machine_compares) {
    const auto paths = supported_paths();
    BOOST_TEST((paths.front() == gd::GemmPath::portable));
    std::string names;
    for (auto p : paths) names += std::string(" ") + gd::gemm_path_name(p);
    BOOST_TEST_MESSAGE("GEMM kernel paths compared:" << names);
    BOOST_CHECK_THROW(gd::gemm_path_from_name("sse9"), std::invalid_argument);
    BOOST_TEST((gd::gemm_path_from_name("avx2") == gd::GemmPath::avx2));
}

// A sum over k cut into pieces, the later ones accumulating: the same bits as in one piece
// (chapter 11's convolutions sum their filters' gradients over pieces of a batch this way).
BOOST_AUTO_TEST_CASE(a_sum_cut_into_pieces_is_the_sum_in_one_piece) {
    KeepPath keep;
    gd::Rng rng(2);
    const std::size_t m = 30, n = 20, k = 1000;
    const auto a = random_values<float>(k * m, rng), b = random_values<float>(k * n, rng);
    for (gd::GemmPath p : supported_paths()) {
        gd::set_gemm_path(p);
        std::vector<float> whole(m * n), pieces(m * n);
        // op(A) = Aᵀ with A stored k × m: rows p0 … p1 − 1 of A and B are one piece of the sum.
        gd::gemm_into<float>(true, false, m, n, k, a.data(), m, b.data(), n, whole.data(), n);
        const std::size_t cuts[] = {0, 7, 300, 301, 777, k};
        for (std::size_t c = 0; c + 1 < std::size(cuts); ++c) {
            const std::size_t p0 = cuts[c], p1 = cuts[c + 1];
            gd::gemm_into<float>(true, false, m, n, p1 - p0, a.data() + p0 * m, m,
                                 b.data() + p0 * n, n, pieces.data(), n, c > 0);
        }
        BOOST_TEST_INFO(gd::gemm_path_name(p));
        BOOST_TEST(same_bits(whole, pieces));
    }
}

// Fused means one rounding: with a = b = 1 + 2⁻¹², ab = 1 + 2⁻¹¹ + 2⁻²⁴ needs 25 bits, so
// a rounded product is 1 + 2⁻¹¹ and ab − (1 + 2⁻¹¹) would be 0; fused, it is exactly 2⁻²⁴.
BOOST_AUTO_TEST_CASE(every_path_fuses_the_multiply_and_the_add) {
    KeepPath keep;
    const float a = 1.0f + 0x1p-12f, b = 1.0f + 0x1p-12f;
    for (gd::GemmPath p : supported_paths()) {
        gd::set_gemm_path(p);
        float c = -(1.0f + 0x1p-11f);  // the chain continues from here (accumulate)
        gd::gemm_into<float>(false, false, 1, 1, 1, &a, 1, &b, 1, &c, 1, true);
        BOOST_TEST_INFO(gd::gemm_path_name(p));
        BOOST_TEST(c == 0x1p-24f);
    }
}

// The batched (3-D) products of chapter 10 keep their plain loop: separate multiply and add,
// in the i-p-j order, which chapter 10's fused engine reproduces bit for bit.
BOOST_AUTO_TEST_CASE(batched_products_multiply_then_add) {
    gd::Rng rng(3);
    xt::xarray<double> a = xt::zeros<double>({3, 4, 5}), b = xt::zeros<double>({3, 5, 2});
    for (auto& v : a) v = rng.uniform(-1, 1);
    for (auto& v : b) v = rng.uniform(-1, 1);
    const xt::xarray<double> c = gd::gemm(a, b, false, false);
    for (std::size_t s = 0; s < 3; ++s)
        for (std::size_t i = 0; i < 4; ++i)
            for (std::size_t j = 0; j < 2; ++j) {
                double want = 0;
                for (std::size_t p = 0; p < 5; ++p) {
                    const volatile double product = a(s, i, p) * b(s, p, j);  // rounded
                    want = want + product;
                }
                BOOST_TEST(c(s, i, j) == want);
            }
}

BOOST_AUTO_TEST_CASE(a_path_this_cpu_cannot_run_is_refused) {
    KeepPath keep;
    for (auto p : {gd::GemmPath::avx2, gd::GemmPath::avx512}) {
        if (!gd::gemm_path_supported(p))
            BOOST_CHECK_THROW(gd::set_gemm_path(p), std::invalid_argument);
    }
    BOOST_CHECK_NO_THROW(gd::set_gemm_path(gd::GemmPath::portable));
}

BOOST_AUTO_TEST_SUITE_END()  // test_gemm

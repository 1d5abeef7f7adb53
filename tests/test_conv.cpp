// The convolutional layers on the tape (autodiff/conv.hpp, autodiff/convnet.hpp): every op's
// gradient against central differences, the pooling's choices against PyTorch's rules, and a
// small ConvNet's loss, gradients and two optimizers' trajectories against PyTorch 1.13
// (tests/reference/conv_net.csv, made by tests/reference_conv.py).
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "autodiff/conv.hpp"
#include "autodiff/convnet.hpp"
#include "autodiff/gemm.hpp"
#include "core/rng.hpp"
#include "gradient_check.hpp"
#include "optim/adam.hpp"
#include "optim/sgd.hpp"

BOOST_AUTO_TEST_SUITE(test_conv)

namespace {

// Gradients against central differences (gradient_check.hpp). Max-pooling is piecewise linear:
// random inputs keep every window's maximum clear of the others by far more than h, so no
// difference crosses a switch.
using testing::check_gradients;
using testing::Param;
using testing::random_tensor;
using testing::Tape;
using testing::Tensor;
using testing::Var;

// A loss that weighs every output differently, so a gradient sent to the wrong place shows.
Var weighted_sum(Tape& t, Var y, const Tensor& weights) {
    Var w = t.constant(weights);
    Var flat = gd::ad::flatten(t, y);
    return t.sum(t.matmul(flat, w));
}

std::map<std::string, std::vector<double>> read_reference() {
    std::ifstream is(std::string(BOOK_TESTS_DIR) + "/reference/conv_net.csv");
    BOOST_REQUIRE_MESSAGE(is, "missing tests/reference/conv_net.csv (run reference_conv.py)");
    std::map<std::string, std::vector<double>> ref;
    for (std::string line; std::getline(is, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::stringstream ss(line);
        std::string key, cell;
        std::getline(ss, key, ',');
        while (std::getline(ss, cell, ',')) ref[key].push_back(std::stod(cell));
    }
    return ref;
}

// The reference network: ConvNetShape{14, 15, 2, 3, 2, 3, 4, 5, 4, 3} (reference_conv.py).
const gd::ConvNetShape kSmall{14, 15, 2, 3, 2, 3, 4, 5, 4, 3};
const std::vector<int> kLabels = {0, 2, 1};

template <class T>
void load(gd::ConvNet<T>& net, const std::map<std::string, std::vector<double>>& ref,
          const std::string& prefix) {
    const auto ps = net.parameters();
    for (std::size_t q = 0; q < ps.size(); ++q) {
        const auto& v = ref.at(prefix + std::to_string(q));
        BOOST_REQUIRE(v.size() == ps[q]->value.size());
        for (std::size_t j = 0; j < v.size(); ++j) ps[q]->value.flat(j) = static_cast<T>(v[j]);
    }
}

template <class T>
xt::xarray<T> images(const std::map<std::string, std::vector<double>>& ref) {
    xt::xarray<T> x = xt::zeros<T>({std::size_t(3), std::size_t(14 * 15 * 2)});
    const auto& v = ref.at("x");
    for (std::size_t j = 0; j < v.size(); ++j) x.flat(j) = static_cast<T>(v[j]);
    return x;
}

template <class T>
double loss_and_gradients(gd::ConvNet<T>& net, const xt::xarray<T>& x) {
    gd::ad::Tape<T> t;
    net.zero_grad();
    const auto loss = t.cross_entropy(net(t, t.constant(x)), kLabels);
    t.backward(loss);
    return static_cast<double>(t.value(loss)());
}

}  // namespace

BOOST_AUTO_TEST_CASE(conv2d_gradients_of_input_filters_and_bias) {
    gd::Rng rng(1);
    Param x(random_tensor({2, 5, 6, 3}, rng)), w(random_tensor({3, 2, 3, 4}, rng));
    Param b(random_tensor({4}, rng));
    const Tensor weights = random_tensor({3 * 5 * 4, 1}, rng);  // y: (2, 3, 5, 4)
    check_gradients({&x, &w, &b}, [&](Tape& t) {
        return weighted_sum(t, gd::ad::conv2d(t, t.param(x), t.param(w), t.param(b)), weights);
    });
}

BOOST_AUTO_TEST_CASE(max_pool_and_flatten_gradients_with_a_dropped_row_and_column) {
    gd::Rng rng(2);
    Param x(random_tensor({2, 5, 7, 3}, rng));  // 5 × 7 → 2 × 3: the last row and column drop
    const Tensor weights = random_tensor({2 * 3 * 3, 1}, rng);
    check_gradients({&x}, [&](Tape& t) {
        return weighted_sum(t, gd::ad::max_pool2d(t, t.param(x), 2), weights);
    });
    Tape t;
    x.zero_grad();
    t.backward(t.sum(gd::ad::max_pool2d(t, t.param(x), 2)));
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t c = 0; c < 3; ++c) {
            for (std::size_t col = 0; col < 7; ++col) BOOST_TEST(x.grad(i, 4, col, c) == 0.0);
            for (std::size_t row = 0; row < 5; ++row) BOOST_TEST(x.grad(i, row, 6, c) == 0.0);
        }
}

// PyTorch's CPU kernel reads a window row by row and takes a value if it is larger or NaN: the
// first of equal maxima, and the last NaN (checked against torch 1.13 when this was written).
BOOST_AUTO_TEST_CASE(max_pool_chooses_as_pytorch_does) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Tape t;
    Param x(Tensor(xt::xarray<double>::from_shape({1, 2, 2, 2})));
    // Channel 0: a tie between (0, 1) and (1, 0). Channel 1: NaN at (0, 0) and (1, 0).
    const double values[] = {1, nan, 3, 2, 3, nan, 2, 9};
    for (std::size_t j = 0; j < 8; ++j) x.value.flat(j) = values[j];
    const Var y = gd::ad::max_pool2d(t, t.param(x), 2);
    BOOST_TEST(t.value(y)(0, 0, 0, 0) == 3.0);
    BOOST_TEST(std::isnan(t.value(y)(0, 0, 0, 1)));
    t.backward(t.sum(gd::ad::flatten(t, y)));
    BOOST_TEST(x.grad(0, 0, 1, 0) == 1.0);  // the first of the two 3s
    BOOST_TEST(x.grad(0, 1, 0, 0) == 0.0);
    BOOST_TEST(x.grad(0, 1, 0, 1) == 1.0);  // the last NaN
    BOOST_TEST(x.grad(0, 0, 0, 1) == 0.0);
}

// col2im is im2col's adjoint: ⟨im2col(x), c⟩ = ⟨x, col2im(c)⟩ for every x and c.
BOOST_AUTO_TEST_CASE(col2im_is_the_adjoint_of_im2col) {
    gd::Rng rng(3);
    const gd::ad::ConvShape s{2, 6, 5, 3, 3, 2, 4, 4, 4};
    const Tensor x = random_tensor({2, 6, 5, 3}, rng);
    const Tensor c = random_tensor({s.rows(), s.patch()}, rng);
    Tensor cols = xt::zeros<double>({s.rows(), s.patch()}), back = xt::zeros<double>({2, 6, 5, 3});
    gd::ad::im2col(x.data(), s, cols.data());
    gd::ad::col2im_add(c.data(), s, back.data());
    BOOST_TEST(xt::sum(cols * c)() == xt::sum(x * back)(), boost::test_tools::tolerance(1e-12));
}

// Chapter 11 convolves a batch a few images at a time: the pieces must change no number, in
// the output or in the filters' gradient (one chain over every image), against one product
// over the whole batch's receptive fields.
BOOST_AUTO_TEST_CASE(a_convolution_in_pieces_is_the_convolution_in_one_piece) {
    gd::Rng rng(4);
    const std::size_t n = 2 * gd::ad::kConvImagesPerPiece + 3;
    Param x(random_tensor({n, 7, 6, 2}, rng)), w(random_tensor({3, 3, 2, 5}, rng));
    Param b(random_tensor({5}, rng));
    Tape t;
    const Var y = gd::ad::conv2d(t, t.param(x), t.param(w), t.param(b));
    t.backward(t.sum(gd::ad::flatten(t, y)));
    const gd::ad::ConvShape s{n, 7, 6, 2, 3, 3, 5, 5, 4};
    std::vector<double> cols(s.rows() * s.patch()), whole(s.rows() * s.f), gw(s.patch() * s.f);
    gd::ad::im2col(x.value.data(), s, cols.data());
    gd::gemm_into<double>(false, false, s.rows(), s.f, s.patch(), cols.data(), s.patch(),
                          w.value.data(), s.f, whole.data(), s.f);
    for (std::size_t r = 0; r < s.rows(); ++r)
        for (std::size_t j = 0; j < s.f; ++j) {
            BOOST_TEST(t.value(y).data()[r * s.f + j] == whole[r * s.f + j] + b.value(j));
        }
    const std::vector<double> ones(s.rows() * s.f, 1.0);  // ȳ of a plain sum
    gd::gemm_into<double>(true, false, s.patch(), s.f, s.rows(), cols.data(), s.patch(),
                          ones.data(), s.f, gw.data(), s.f);
    for (std::size_t j = 0; j < gw.size(); ++j) BOOST_TEST(w.grad.data()[j] == gw[j]);
}

BOOST_AUTO_TEST_CASE(a_small_convnet_end_to_end_against_central_differences) {
    gd::Rng rng(5);
    // 12 × 13 → 10 × 11 → 5 × 5 → 3 × 3 → 1 × 1 (a pooling that drops a row and a column).
    const gd::ConvNetShape shape{12, 13, 2, 3, 2, 2, 3, 4, 3, 3};
    gd::ConvNet<double> net(shape, rng);
    const Tensor x = random_tensor({2, 12 * 13 * 2}, rng, 0, 1);
    check_gradients(net.parameters(), [&](Tape& t) {
        return t.cross_entropy(net(t, t.constant(x)), std::vector<int>{1, 2});
    });
}

// The ConvNet runs ReLU after the pooling: the article's order, conv → ReLU → pool, written out
// here, gives the same logits and gradients, bit for bit, ties of zeros and all (integer-valued
// inputs make ties likely).
BOOST_AUTO_TEST_CASE(relu_after_pooling_is_the_articles_order_bit_for_bit) {
    gd::Rng rng(7);
    gd::ConvNet<double> net(kSmall, rng);
    Tensor x = random_tensor({3, 14 * 15 * 2}, rng, -2, 2);
    for (auto& v : x) v = std::round(v);
    const std::vector<int> labels{0, 1, 2};
    Tape a;
    net.zero_grad();
    const Var la = a.cross_entropy(net(a, a.constant(x)), labels);
    a.backward(la);
    std::vector<Tensor> grads;
    for (auto* p : net.parameters()) grads.push_back(p->grad);
    Tape b;
    net.zero_grad();
    Var y = gd::ad::reshape(b, b.constant(x), {3, 14, 15, 2});
    y = gd::ad::max_pool2d(b, b.relu(net.conv1()(b, y)), 2);
    y = gd::ad::max_pool2d(b, b.relu(net.conv2()(b, y)), 2);
    y = b.relu(net.fc(0)(b, gd::ad::flatten(b, y)));
    y = net.fc(2)(b, b.relu(net.fc(1)(b, y)));
    const Var lb = b.cross_entropy(y, labels);
    b.backward(lb);
    BOOST_TEST(a.value(la)() == b.value(lb)());
    const auto ps = net.parameters();
    for (std::size_t q = 0; q < ps.size(); ++q)
        BOOST_TEST(xt::all(xt::equal(ps[q]->grad, grads[q])));
}

// PyTorch's default initialisation, and the article's parameter count.
BOOST_AUTO_TEST_CASE(the_articles_convnet_has_its_shape_and_pytorchs_initialisation) {
    gd::Rng rng(6);
    gd::ConvNet<float> net(gd::ConvNetShape{}, rng);
    std::size_t count = 0;
    for (auto* p : net.parameters()) count += p->value.size();
    BOOST_TEST(count == 462858u);  // 320 + 18 496 + 409 856 + 32 896 + 1 290
    const auto ps = net.parameters();
    const double fan_in[] = {9, 9, 288, 288, 1600, 1600, 256, 256, 128, 128};
    for (std::size_t q = 0; q < ps.size(); ++q) {
        const double bound = 1 / std::sqrt(fan_in[q]);
        BOOST_TEST(xt::amax(xt::abs(ps[q]->value))() <= bound);
        // The range is used: of 288 or more weights, some land in its outer tenth.
        if (q % 2 == 0) BOOST_TEST(xt::amax(xt::abs(ps[q]->value))() > 0.9 * bound);
    }
    gd::ad::Tape<float> t;
    const auto logits = net(t, t.constant(xt::zeros<float>({std::size_t(4), std::size_t(784)})));
    BOOST_TEST(t.value(logits).shape()[0] == 4u);
    BOOST_TEST(t.value(logits).shape()[1] == 10u);
}

// The loss and every gradient at the reference weights, in float64: both sides sum the same
// products in different orders (oneDNN's convolutions, our chains), so they agree to a few
// ulps of the largest terms; 1e-12 relative with a 1e-13 floor leaves three orders of margin.
BOOST_AUTO_TEST_CASE(convnet_loss_and_gradients_match_pytorch_in_float64) {
    const auto ref = read_reference();
    gd::Rng rng(0);
    gd::ConvNet<double> net(kSmall, rng);
    load(net, ref, "p");
    const double loss = loss_and_gradients(net, images<double>(ref));
    BOOST_TEST(loss == ref.at("f64.loss")[0], boost::test_tools::tolerance(1e-12));
    const auto ps = net.parameters();
    for (std::size_t q = 0; q < ps.size(); ++q) {
        const auto& g = ref.at("f64.g" + std::to_string(q));
        for (std::size_t j = 0; j < g.size(); ++j) {
            BOOST_TEST_INFO("parameter " << q << " element " << j);
            BOOST_TEST(std::abs(ps[q]->grad.flat(j) - g[j]) <= 1e-12 * std::abs(g[j]) + 1e-13);
        }
    }
}

// The same in float32, the chapter's precision: float32 has 24 bits (6e-8), and a gradient here
// sums a few hundred products of O(1) numbers in an order of its own on either side, so
// components agree to ~1e-6 of the largest gradient; 2e-5 of it is the bound, and a wrong rule
// is off by O(1).
BOOST_AUTO_TEST_CASE(convnet_loss_and_gradients_match_pytorch_in_float32) {
    const auto ref = read_reference();
    gd::Rng rng(0);
    gd::ConvNet<float> net(kSmall, rng);
    load(net, ref, "p");
    const double loss = loss_and_gradients(net, images<float>(ref));
    BOOST_TEST(loss == ref.at("f32.loss")[0], boost::test_tools::tolerance(1e-6));
    const auto ps = net.parameters();
    for (std::size_t q = 0; q < ps.size(); ++q) {
        const auto& g = ref.at("f32.g" + std::to_string(q));
        double largest = 0;
        for (double v : g) largest = std::max(largest, std::abs(v));
        for (std::size_t j = 0; j < g.size(); ++j) {
            BOOST_TEST_INFO("parameter " << q << " element " << j);
            BOOST_TEST(std::abs(double(ps[q]->grad.flat(j)) - g[j]) <= 2e-5 * largest);
        }
    }
}

// Whole trajectories: five full-batch steps of SGD with momentum and of Adam, from the reference
// weights, in float64. Rounding differences of 1e-16 grow through five steps of a network
// with ReLUs and max-pooling by at most a few orders: 1e-10 relative.
BOOST_AUTO_TEST_CASE(convnet_trajectories_match_pytorch) {
    const auto ref = read_reference();
    for (const std::string tag : {"sgd", "adam"}) {
        gd::Rng rng(0);
        gd::ConvNet<double> net(kSmall, rng);
        load(net, ref, "p");
        std::unique_ptr<gd::Optimizer<double>> opt;
        if (tag == "sgd") opt = std::make_unique<gd::Sgd<double>>(0.05, 0.9);
        if (tag == "adam") opt = std::make_unique<gd::Adam<double>>(0.01);
        const Tensor x = images<double>(ref);
        const auto& losses = ref.at(tag + ".losses");
        for (std::size_t step = 0; step < losses.size(); ++step) {
            const double loss = loss_and_gradients(net, x);
            BOOST_TEST_INFO(tag << " step " << step);
            BOOST_TEST(loss == losses[step], boost::test_tools::tolerance(1e-10));
            opt->step(net.values(), net.grads());
        }
        const auto ps = net.parameters();
        for (std::size_t q = 0; q < ps.size(); ++q) {
            const auto& want = ref.at(tag + ".p" + std::to_string(q));
            for (std::size_t j = 0; j < want.size(); ++j) {
                BOOST_TEST_INFO(tag << " parameter " << q << " element " << j);
                BOOST_TEST(std::abs(ps[q]->value.flat(j) - want[j]) <=
                           1e-10 * std::abs(want[j]) + 1e-12);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()  // test_conv

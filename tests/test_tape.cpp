// The autodiff tape: every op's gradient against central differences, and batched networks.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <functional>

#include "autodiff/mlp.hpp"
#include "autodiff/tape.hpp"
#include "core/rng.hpp"
#include "gradient_check.hpp"

BOOST_AUTO_TEST_SUITE(test_tape)

using testing::check_gradients;
using testing::Param;
using testing::random_tensor;
using testing::Tape;
using testing::Tensor;
using testing::Var;

BOOST_AUTO_TEST_CASE(matmul_and_bias_in_two_and_three_dimensions) {
    gd::Rng rng(1);
    Param a(random_tensor({3, 4}, rng)), b(random_tensor({4, 2}, rng)), c(random_tensor({2}, rng));
    check_gradients({&a, &b, &c}, [&](Tape& t) {
        return t.sum(t.tanh(t.add_bias(t.matmul(t.param(a), t.param(b)), t.param(c))));
    });
    Param ba(random_tensor({2, 3, 4}, rng)), bb(random_tensor({2, 4, 5}, rng));
    Param bc(random_tensor({2, 1, 5}, rng));
    check_gradients({&ba, &bb, &bc}, [&](Tape& t) {
        return t.sum(t.sigmoid(t.add_bias(t.matmul(t.param(ba), t.param(bb)), t.param(bc))));
    });
}

BOOST_AUTO_TEST_CASE(elementwise_and_reductions) {
    gd::Rng rng(2);
    // Keep relu's inputs away from its kink at 0, where the derivative does not exist.
    Param x(random_tensor({3, 5}, rng, 0.1, 1.0)), y(random_tensor({3, 5}, rng, -1.0, -0.1));
    check_gradients({&x}, [&](Tape& t) {
        Var w = t.add_bias(t.sigmoid(t.relu(t.param(x))), t.constant(xt::zeros<double>({5})));
        return t.mean(w);
    });
    // relu of negative inputs is all zeros and passes no gradient back.
    check_gradients({&y}, [&](Tape& t) { return t.mean(t.relu(t.param(y))); });
    BOOST_TEST(xt::all(xt::equal(y.grad, 0.0)));
    Param z(random_tensor({4, 3}, rng));
    check_gradients({&z}, [&](Tape& t) {
        Var p = t.param(z);
        return t.sum(t.tanh(p));
    });
}

BOOST_AUTO_TEST_CASE(mean_squared_error_whole_and_per_batch) {
    gd::Rng rng(3);
    Param p(random_tensor({3, 4, 1}, rng));
    const Tensor target = random_tensor({3, 4, 1}, rng);
    check_gradients({&p}, [&](Tape& t) { return t.mse(t.param(p), t.constant(target)); });
    check_gradients({&p},
                    [&](Tape& t) { return t.sum(t.mse(t.param(p), t.constant(target), true)); });
    Tape t;
    const Tensor per = t.value(t.mse(t.constant(p.value), t.constant(target), true));
    BOOST_TEST(per.size() == 3u);
    const Tensor d = p.value - target;
    double first = 0;
    for (std::size_t i = 0; i < 4; ++i) first += d(0, i, 0) * d(0, i, 0) / 4;
    BOOST_TEST(per(0) == first, boost::test_tools::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(cross_entropy_is_stable_and_correct) {
    gd::Rng rng(4);
    Param z(random_tensor({5, 4}, rng, -3, 3));
    const std::vector<int> labels{0, 3, 1, 1, 2};
    check_gradients({&z}, [&](Tape& t) { return t.cross_entropy(t.param(z), labels); });
    // Huge logits: a naive softmax overflows to inf/inf; the stable one gives the exact answer.
    Tape t;
    const Tensor big = {{1000.0, 0.0}, {0.0, 1000.0}};
    BOOST_TEST(t.value(t.cross_entropy(t.constant(big), {0, 0}))() == 500.0,
               boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(a_node_used_twice_gets_both_gradients) {
    gd::Rng rng(5);
    Param x(random_tensor({2, 2}, rng));
    check_gradients({&x}, [&](Tape& t) {
        Var p = t.param(x);
        return t.sum(t.matmul(p, p));  // x·x uses x on both sides
    });
}

BOOST_AUTO_TEST_CASE(mlp_gradients_and_init_bounds) {
    gd::Rng rng(6);
    gd::Mlp<double> net({3, 5, 2}, gd::Activation::tanh, rng);
    const Tensor x = random_tensor({4, 3}, rng), y = random_tensor({4, 2}, rng);
    check_gradients(net.parameters(),
                    [&](Tape& t) { return t.mse(net(t, t.constant(x)), t.constant(y)); });
    // torch.nn.Linear's bound, 1/sqrt(fan_in).
    BOOST_TEST(xt::amax(xt::abs(net.layers()[0].weight.value))() <= 1 / std::sqrt(3.0));
    BOOST_TEST(xt::amax(xt::abs(net.layers()[1].weight.value))() <= 1 / std::sqrt(5.0));
}

BOOST_AUTO_TEST_CASE(a_network_in_a_batch_equals_the_same_network_alone) {
    // Batched: 3 networks drawn one after the other from seed 7; alone: the same seed, 1 network.
    gd::Rng r1(7), r2(7);
    gd::Mlp<double> batch({1, 10, 1}, gd::Activation::relu, r1, 3);
    gd::Mlp<double> alone({1, 10, 1}, gd::Activation::relu, r2, 1);
    Tensor xs = xt::zeros<double>({3, 6, 1});
    for (std::size_t i = 0; i < 6; ++i) xs(0, i, 0) = xs(1, i, 0) = xs(2, i, 0) = -1.0 + 0.4 * i;
    const Tensor ys = xt::sin(xs);
    Tape tb, ta;
    tb.backward(tb.sum(tb.mse(batch(tb, tb.constant(xs)), tb.constant(ys), true)));
    const Tensor x1 = xt::view(xs, xt::range(0, 1)), y1 = xt::view(ys, xt::range(0, 1));
    ta.backward(ta.sum(ta.mse(alone(ta, ta.constant(x1)), ta.constant(y1), true)));
    const auto pb = batch.parameters(), pa = alone.parameters();
    for (std::size_t k = 0; k < pb.size(); ++k) {
        const Tensor first = xt::view(pb[k]->grad, xt::range(0, 1));
        BOOST_TEST(xt::all(xt::equal(first, pa[k]->grad)));  // bit for bit: same operations
    }
}

BOOST_AUTO_TEST_SUITE_END()  // test_tape

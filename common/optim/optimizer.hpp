// optimizer.hpp: what every optimizer shares, and the factory the command-line tools use.
//
// Introduced in chapter 02. An optimizer updates the parameters θ (any number of tensors, of any
// shape) in place from their gradients g: step({&θ1, &θ2}, {&g1, &g2}). Its state, the step
// count t and the per-parameter buffers an algorithm keeps (momentum, moments, ...), starts at
// zero at the first step and saves to text exactly, so a resumed run continues bit for bit.
// Reference: torch.optim 1.13 (https://pytorch.org/docs/1.13/optim.html): the same
// hyperparameters, defaults and checks; the update rules live in sgd.hpp, momentum_ema.hpp,
// rmsprop.hpp, adagrad.hpp and adam.hpp beside this file, and factory.hpp makes any of them
// by name.
// Notation: θ parameters, g gradient, η learning rate (lr), t step, λ weight decay.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <istream>
#include <limits>
#include <memory>
#include <ostream>
#include <string>
#include <type_traits>
#include <vector>

#include <xtensor/xarray.hpp>
#include <xtensor/xnoalias.hpp>

#include "core/usage_error.hpp"

namespace gd {

template <class T>
class Optimizer {
    static_assert(std::is_same_v<T, float> || std::is_same_v<T, double>, "float or double");

  public:
    using Tensor = xt::xarray<T>;
    static constexpr int kFormat = 1;  // version of the saved state's format

    explicit Optimizer(double lr) : lr_(lr) {}
    virtual ~Optimizer() = default;

    // η, the rate of the next step. A schedule changes it before every update through
    // train/step.hpp's step(), the one place a rate reaches an optimizer (as PyTorch's
    // scheduler.step() writes param_groups[0]['lr']).
    double lr() const { return lr_; }
    void set_lr(double eta) { lr_ = eta; }

    virtual std::string name() const = 0;  // as make_optimizer spells it: "sgd", "adam", ...
    long steps() const { return t_; }      // t: updates made so far

    // One update: θ_i ← rule(θ_i, g_i) for every i. Shapes must match, and stay the same.
    virtual void step(const std::vector<Tensor*>& params, const std::vector<const Tensor*>& grads) {
        if (!(std::isfinite(lr_) && lr_ >= 0)) require(name(), "lr", lr_, false, "finite and >= 0");
        if (params.size() != grads.size()) throw UsageError(name() + ": params/grads mismatch");
        for (std::size_t i = 0; i < params.size(); ++i)
            if (grads[i]->shape() != params[i]->shape())
                throw UsageError(name() + ": a gradient's shape differs from its parameter's");
        for (auto& b : buffers_) {
            if (b.values.empty())
                for (const Tensor* p : params) b.values.push_back(xt::zeros<T>(p->shape()));
            if (b.values.size() != params.size()) fail_shapes();
            for (std::size_t i = 0; i < params.size(); ++i)
                if (b.values[i].shape() != params[i]->shape()) fail_shapes();
        }
        ++t_;
        for (std::size_t i = 0; i < params.size(); ++i) update(i, *params[i], *grads[i]);
    }

    // What the optimizer remembers between steps, by the buffer's name ("exp_avg", ...): one
    // tensor per parameter, empty before the first step. For figures that show the state.
    const std::vector<Tensor>& state(const std::string& buffer_name) const {
        for (const auto& b : buffers_)
            if (b.name == buffer_name) return b.values;
        throw UsageError(name() + " keeps no buffer '" + buffer_name + "'");
    }

    // Text, one item a line, numbers as C99 hexadecimal floats (exact):
    //   gd-optimizer 1 adam float64
    //   lr 0x1.47ae147ae147bp-7
    //   step 12
    //   buffers 2 exp_avg exp_avg_sq
    //   buffer exp_avg 2                  then one line per parameter tensor:
    //   tensor 2 2 3 0x1.8p-3 ...         ndim, the dims, the values in row-major order
    //   end gd-optimizer
    virtual void save(std::ostream& os) const {
        os << "gd-optimizer " << kFormat << ' ' << name() << ' ' << type_name() << '\n'
           << "lr " << hex(lr_) << "\nstep " << t_ << "\nbuffers " << buffers_.size();
        for (const auto& b : buffers_) os << ' ' << b.name;
        for (const auto& b : buffers_) {
            os << "\nbuffer " << b.name << ' ' << b.values.size();
            for (const Tensor& x : b.values) {
                os << "\ntensor " << x.dimension();
                for (auto d : x.shape()) os << ' ' << d;
                for (T v : x) os << ' ' << hex(v);
            }
        }
        os << "\nend gd-optimizer\n";
    }

    // Reads what save() wrote, through its final line. A truncated, malformed or foreign state
    // throws UsageError and leaves this optimizer unchanged.
    virtual void load(std::istream& is) {
        auto expect = [&](const std::string& word) {
            const std::string got = token(is);
            if (got != word) fail("expected '" + word + "', found '" + got + "'");
        };
        const std::string magic = token(is);
        if (magic != "gd-optimizer") fail("not an optimizer state (it starts '" + magic + "')");
        if (const long v = integer(is, 1000); v != kFormat)
            fail("format version " + std::to_string(v) + " (this build reads 1)");
        const std::string who = token(is), type = token(is);
        if (who != name()) fail("it was saved by " + who);
        if (type != type_name()) fail("it holds " + type + " numbers, this one " + type_name());
        expect("lr");
        const double new_lr = number(is);
        expect("step");
        const long new_t = static_cast<long>(integer(is, std::numeric_limits<long>::max()));
        expect("buffers");
        const long n_buffers = integer(is, 100);
        std::string saved = std::to_string(n_buffers), mine = std::to_string(buffers_.size());
        for (long k = 0; k < n_buffers; ++k) saved += ' ' + token(is);
        for (const auto& b : buffers_) mine += ' ' + b.name;
        if (saved != mine) fail("it holds buffers '" + saved + "', not '" + mine + "'");
        // Read into temporaries, growing only with what the text holds, then commit.
        std::vector<std::vector<Tensor>> values(buffers_.size());
        for (std::size_t k = 0; k < buffers_.size(); ++k) {
            expect("buffer");
            expect(buffers_[k].name);
            const long n = integer(is, 1L << 20);
            if (k > 0 && n != static_cast<long>(values[0].size())) fail("buffers' sizes differ");
            for (long i = 0; i < n; ++i) {
                expect("tensor");
                std::vector<std::size_t> shape(static_cast<std::size_t>(integer(is, 32)));
                long size = 1;
                for (auto& d : shape) {
                    d = static_cast<std::size_t>(integer(is, 1L << 30));
                    if (d > 0 && size > (1L << 30) / static_cast<long>(d)) fail("too large");
                    size *= static_cast<long>(d);
                }
                std::vector<T> flat;
                for (long j = 0; j < size; ++j) flat.push_back(static_cast<T>(number(is)));
                Tensor x = Tensor::from_shape(shape);
                std::copy(flat.begin(), flat.end(), x.begin());
                if (k > 0 && x.shape() != values[0][i].shape()) fail("buffers' shapes differ");
                values[k].push_back(std::move(x));
            }
        }
        expect("end");
        expect("gd-optimizer");
        std::string rest;
        std::getline(is, rest);  // leave the stream at the start of the next line
        lr_ = new_lr;
        t_ = new_t;
        for (std::size_t k = 0; k < buffers_.size(); ++k) buffers_[k].values = std::move(values[k]);
    }

  protected:
    // Declares a per-parameter buffer (zero, shaped like θ, at the first step); returns its id.
    std::size_t add_buffer(const std::string& buffer_name) {
        buffers_.push_back({buffer_name, {}});
        return buffers_.size() - 1;
    }
    Tensor& buffer(std::size_t id, std::size_t i) { return buffers_[id].values[i]; }

    // L2 weight decay folded into parameter i's gradient, g + λθ, as torch does (in a scratch
    // tensor kept per parameter, so hot loops do not allocate); g itself when λ = 0.
    const Tensor& l2(std::size_t i, const Tensor& g, const Tensor& theta, double weight_decay) {
        if (weight_decay == 0) return g;
        if (decayed_.size() <= i) decayed_.resize(i + 1);
        xt::noalias(decayed_[i]) = g + static_cast<T>(weight_decay) * theta;
        return decayed_[i];
    }

    // The rule for one parameter tensor at step t_ (already counted: the first step is t_ = 1).
    virtual void update(std::size_t i, Tensor& theta, const Tensor& g) = 0;

    long t_ = 0;

  private:
    double lr_;  // η
    struct Buffer {
        std::string name;
        std::vector<Tensor> values;  // one per parameter tensor; empty before the first step
    };
    std::vector<Buffer> buffers_;
    std::vector<Tensor> decayed_;  // scratch for g + λθ, one per parameter

    static const char* type_name() { return sizeof(T) == sizeof(double) ? "float64" : "float32"; }
    static std::string hex(double v) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%a", v);
        return buf;
    }
    [[noreturn]] void fail(const std::string& why) const {
        throw UsageError("cannot load " + name() + " state: " + why);
    }
    [[noreturn]] void fail_shapes() const {
        throw UsageError(name() + ": the parameters' number or shapes differ from the state's");
    }
    std::string token(std::istream& is) const {
        std::string s;
        if (!(is >> s)) fail("truncated");
        return s;
    }
    long integer(std::istream& is, long max) const {
        const std::string s = token(is);
        char* end = nullptr;
        const long v = std::strtol(s.c_str(), &end, 10);
        if (*end || v < 0 || v > max) fail("bad count '" + s + "'");
        return v;
    }
    double number(std::istream& is) const {
        const std::string s = token(is);
        char* end = nullptr;
        const double v = std::strtod(s.c_str(), &end);
        if (*end) fail("bad number '" + s + "'");
        return v;
    }
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class Optimizer<float>;
extern template class Optimizer<double>;

}  // namespace gd

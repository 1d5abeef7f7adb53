// optimizer.hpp: what every optimizer shares, and the factory the command-line tools use.
//
// Introduced in chapter 02. An optimizer updates the parameters θ (any number of tensors, of any
// shape) in place from their gradients g: step({&θ1, &θ2}, {&g1, &g2}). Its state, the step
// count t and the per-parameter buffers an algorithm keeps (momentum, moments, ...), starts at
// zero at the first step and saves to text exactly, so a resumed run continues bit for bit.
// An optimizer that needs the function itself, not one gradient (L-BFGS, chapter 08), takes a
// closure instead, step(params, closure), as torch's optimizer.step(closure) does; every other
// one accepts it too and evaluates it once.
// Reference: torch.optim 1.13 (https://pytorch.org/docs/1.13/optim.html): the same
// hyperparameters, defaults and checks; the update rules live in the headers beside this file
// (sgd.hpp, adam.hpp, lbfgs.hpp, ...), and factory.hpp makes any of them by name.
// Notation: θ parameters, g gradient, η learning rate (lr), t step, ω weight decay.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
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

    // The momentum a schedule may cycle, as PyTorch's OneCycleLR and CyclicLR do through the
    // param group: "momentum" (SGD, RMSprop: group['momentum']), "beta1" (the Adam family:
    // group['betas'][0]) or "" (none: the schedulers refuse to cycle it). train/step.hpp sets it.
    virtual std::string momentum_name() const { return ""; }
    virtual void set_momentum(double) {
        throw UsageError(name() + " has no momentum or beta1 a schedule could set");
    }

    // The loss at θ as the parameters hold it now, its gradient written into `grads` (one tensor
    // per parameter, shaped like it): what torch's closure computes (loss, then backward()).
    using Closure = std::function<double(const std::vector<Tensor*>& grads)>;
    // True for an optimizer that evaluates the function itself, possibly several times a step.
    virtual bool needs_closure() const { return false; }
    // One update with the function at hand; returns the loss at θ before it, as torch does. Here
    // one evaluation, then step(params, grads); L-BFGS overrides it with its line search.
    virtual double step(const std::vector<Tensor*>& params, const Closure& closure) {
        if (closure_grads_.size() != params.size()) closure_grads_.resize(params.size());
        std::vector<Tensor*> out;
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (closure_grads_[i].shape() != params[i]->shape())
                closure_grads_[i] = xt::zeros<T>(params[i]->shape());
            out.push_back(&closure_grads_[i]);
        }
        const double loss = closure(out);
        evaluations_ = 1;
        step(params, std::vector<const Tensor*>(out.begin(), out.end()));
        return loss;
    }
    // How many times the last step evaluated the function (1 but for L-BFGS; 0 before any step).
    long evaluations() const { return evaluations_; }

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
        evaluations_ = 1;
        begin_step();
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
            for (const Tensor& x : b.values) write_tensor(os << '\n', x);
        }
        os << '\n';
        save_extra(os);
        os << "end gd-optimizer\n";
    }

    // Reads what save() wrote, through its final line. A truncated, malformed or foreign state
    // throws UsageError and leaves this optimizer unchanged.
    virtual void load(std::istream& is) {
        auto expect = [&](const std::string& word) { this->expect(is, word); };
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
                Tensor x = read_tensor(is);
                if (k > 0 && x.shape() != values[0][i].shape()) fail("buffers' shapes differ");
                values[k].push_back(std::move(x));
            }
        }
        const std::function<void()> commit_extra = load_extra(is);
        expect("end");
        expect("gd-optimizer");
        std::string rest;
        std::getline(is, rest);  // leave the stream at the start of the next line
        lr_ = new_lr;
        t_ = new_t;
        for (std::size_t k = 0; k < buffers_.size(); ++k) buffers_[k].values = std::move(values[k]);
        if (commit_extra) commit_extra();
    }

  protected:
    // Declares a per-parameter buffer (zero, shaped like θ, at the first step); returns its id.
    std::size_t add_buffer(const std::string& buffer_name) {
        buffers_.push_back({buffer_name, {}});
        return buffers_.size() - 1;
    }
    Tensor& buffer(std::size_t id, std::size_t i) { return buffers_[id].values[i]; }

    // L2 weight decay folded into parameter i's gradient, g + ωθ, as torch does (in a scratch
    // tensor kept per parameter, so hot loops do not allocate); g itself when ω = 0.
    const Tensor& l2(std::size_t i, const Tensor& g, const Tensor& theta, double weight_decay) {
        if (weight_decay == 0) return g;
        if (decayed_.size() <= i) decayed_.resize(i + 1);
        xt::noalias(decayed_[i]) = g + static_cast<T>(weight_decay) * theta;
        return decayed_[i];
    }

    // The rule for one parameter tensor at step t_ (already counted: the first step is t_ = 1).
    virtual void update(std::size_t i, Tensor& theta, const Tensor& g) = 0;
    // Once per step, after t_ is counted and before the first update(): scalars every parameter
    // shares (NAdam's product of momenta).
    virtual void begin_step() {}

    // State beyond the per-parameter buffers (NAdam's μ product, L-BFGS's history): lines that
    // save_extra writes before "end gd-optimizer" and load_extra reads back, returning what to
    // commit once the whole state has been read (a failed load changes nothing).
    virtual void save_extra(std::ostream&) const {}
    virtual std::function<void()> load_extra(std::istream&) { return {}; }

    // β1 checked as the Adam family's constructors check it, for their set_momentum().
    double checked_beta1(double b1) const {
        require(name(), "beta1", b1, b1 >= 0 && b1 < 1, "in [0, 1)");
        return b1;
    }

    // The pieces save() and load() are made of, for save_extra and load_extra.
    static std::string hex(double v) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%a", v);
        return buf;
    }
    // "tensor ndim dims... values...", the values in row-major order.
    static std::ostream& write_tensor(std::ostream& os, const Tensor& x) {
        os << "tensor " << x.dimension();
        for (auto d : x.shape()) os << ' ' << d;
        for (T v : x) os << ' ' << hex(v);
        return os;
    }
    Tensor read_tensor(std::istream& is) const {
        expect(is, "tensor");
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
        return x;
    }
    [[noreturn]] void fail(const std::string& why) const {
        throw UsageError("cannot load " + name() + " state: " + why);
    }
    void expect(std::istream& is, const std::string& word) const {
        const std::string got = token(is);
        if (got != word) fail("expected '" + word + "', found '" + got + "'");
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

    long t_ = 0;
    long evaluations_ = 0;  // function evaluations of the last step

  private:
    double lr_;  // η
    struct Buffer {
        std::string name;
        std::vector<Tensor> values;  // one per parameter tensor; empty before the first step
    };
    std::vector<Buffer> buffers_;
    std::vector<Tensor> decayed_;        // scratch for g + ωθ, one per parameter
    std::vector<Tensor> closure_grads_;  // the gradients a closure writes, one per parameter

    static const char* type_name() { return sizeof(T) == sizeof(double) ? "float64" : "float32"; }
    [[noreturn]] void fail_shapes() const {
        throw UsageError(name() + ": the parameters' number or shapes differ from the state's");
    }
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class Optimizer<float>;
extern template class Optimizer<double>;

}  // namespace gd

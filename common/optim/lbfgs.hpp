// lbfgs.hpp: L-BFGS, a quasi-Newton method: curvature learnt from the last steps' gradients.
//
// Chapter 08 races it against the first-order optimizers as the second-order contrast. From the
// last m pairs (s = step taken, y = change of gradient) it builds an approximation of the
// inverse Hessian times the gradient in O(mn) (the two-loop recursion; Nocedal 1980, Liu and
// Nocedal 1989) and steps along it, by the learning rate or by a strong Wolfe line search
// (line_search.hpp). One step is one call with the function at hand, step(params, closure),
// which may evaluate it many times: up to max_iter iterations and max_eval evaluations, as
// torch.optim.LBFGS does (https://pytorch.org/docs/1.13/generated/torch.optim.LBFGS.html);
// evaluations() says how many the last step took. The rule is torch 1.13's, operation by
// operation, on all parameters as one flat vector. What surprises in it:
//  - tolerance_grad defaults to 1e-7, not the 1e-5 its docstring states, and max_eval to
//    max_iter·5/4 rounded down;
//  - the very first iteration steps min(1, 1/‖g‖₁)·η, every later one η (then the line search);
//  - the curvature pair is stored only when y·s > 1e-10, so the history can stay empty;
//  - the state keeps the last direction and step size even when a step stopped before using
//    them (slope above −tolerance_change): the next step's s is built from them all the same;
//  - a schedule changes η between steps as for any optimizer; a step takes its many
//    iterations at one η.
// In float32 the scalars (t, the slopes, ρ, H₀) stay in double where torch keeps float32
// tensors: the float paths agree with torch's to rounding only (tests/test_optimizers.cpp).
// Notation: θ parameters (flattened: x), g gradient, d direction, t step length along d,
// η learning rate, s = t·d the step, y the change of gradient, ρ = 1/(y·s), H₀ = y·s/(y·y) the
// initial inverse Hessian's scale.
#pragma once

#include <cmath>
#include <deque>
#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>

#include "optim/line_search.hpp"
#include "optim/optimizer.hpp"

namespace gd {

template <class T>
class Lbfgs : public Optimizer<T> {
  public:
    using typename Optimizer<T>::Tensor;
    using typename Optimizer<T>::Closure;
    using Vec = std::vector<T>;

    // max_eval = 0 stands for torch's default, max_iter·5/4.
    explicit Lbfgs(double lr = 1, long max_iter = 20, long max_eval = 0,
                   double tolerance_grad = 1e-7, double tolerance_change = 1e-9,
                   long history_size = 100, bool strong_wolfe = false)
        : Optimizer<T>(lr),
          max_iter(max_iter),
          max_eval(max_eval > 0 ? max_eval : max_iter * 5 / 4),
          tolerance_grad(tolerance_grad),
          tolerance_change(tolerance_change),
          history_size(history_size),
          strong_wolfe(strong_wolfe) {
        require("lbfgs", "lr", lr, lr >= 0, "finite and >= 0");
        require("lbfgs", "max_iter", static_cast<double>(max_iter), max_iter >= 1,
                "an integer >= 1");
        require("lbfgs", "max_eval", static_cast<double>(max_eval), max_eval >= 0,
                "an integer >= 1 (0: max_iter * 5 / 4)");
        require("lbfgs", "tolerance_grad", tolerance_grad, tolerance_grad >= 0, "finite and >= 0");
        require("lbfgs", "tolerance_change", tolerance_change, tolerance_change >= 0,
                "finite and >= 0");
        // torch fails with an IndexError at the first stored pair when history_size = 0.
        require("lbfgs", "history_size", static_cast<double>(history_size), history_size >= 1,
                "an integer >= 1");
    }

    const long max_iter, max_eval;
    const double tolerance_grad, tolerance_change;
    const long history_size;
    const bool strong_wolfe;  // line_search_fn = 'strong_wolfe'; else fixed steps of η

    std::string name() const override { return "lbfgs"; }
    bool needs_closure() const override { return true; }
    long function_evaluations() const { return func_evals_; }  // in all steps so far
    long iterations() const { return n_iter_; }                // in all steps so far

    void step(const std::vector<Tensor*>&, const std::vector<const Tensor*>&) override {
        throw UsageError("lbfgs needs the function, not one gradient: step(params, closure)");
    }

    double step(const std::vector<Tensor*>& params, const Closure& closure) override {
        const double lr = this->lr();
        require(name(), "lr", lr, lr >= 0, "finite and >= 0");
        std::size_t n = 0;
        for (const Tensor* p : params) n += p->size();
        if (n_iter_ > 0 && d_.size() != n) {
            throw UsageError("lbfgs: the parameters' number or shapes differ from the state's");
        }
        grads_.resize(params.size());
        std::vector<Tensor*> out;
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (grads_[i].shape() != params[i]->shape())
                grads_[i] = xt::zeros<T>(params[i]->shape());
            out.push_back(&grads_[i]);
        }
        // The loss and the flat gradient at θ as it is now (torch: closure, _gather_flat_grad).
        auto evaluate = [&]() {
            const double loss = closure(out);
            Vec flat;
            flat.reserve(n);
            for (const Tensor& g : grads_) flat.insert(flat.end(), g.begin(), g.end());
            return std::make_pair(loss, flat);
        };
        ++this->t_;

        std::pair<double, Vec> first = evaluate();
        const double orig_loss = first.first;
        double loss = orig_loss;
        Vec flat_grad = std::move(first.second);
        long current_evals = 1;
        ++func_evals_;
        this->evaluations_ = current_evals;
        if (max_abs(flat_grad) <= tolerance_grad) return orig_loss;  // already optimal

        double t = t_step_;
        for (long n_iter = 1; n_iter <= max_iter; ++n_iter) {
            ++n_iter_;
            // The direction: −g at the very first iteration, then the two-loop recursion.
            if (n_iter_ == 1) {
                d_ = scaled(flat_grad, -1);
                old_dirs_.clear(), old_stps_.clear(), ro_.clear();
                h_diag_ = 1;
            } else {
                remember_curvature(flat_grad, t);
                d_ = two_loop(flat_grad);
            }
            prev_flat_grad_ = flat_grad;
            prev_loss_ = loss;
            // The step length: min(1, 1/‖g‖₁)·η the very first time, η after.
            t = n_iter_ == 1 ? pymin(1., 1. / sum_abs(flat_grad)) * lr : lr;
            const double gtd = dot(flat_grad, d_);  // g·d, the slope along d
            if (gtd > -tolerance_change) break;     // not a descent direction any more

            long ls_evals = 0;
            if (strong_wolfe) {
                std::vector<Tensor> x;  // θ before the search, restored after every trial
                for (const Tensor* p : params) x.push_back(*p);
                auto along = [&](double step_t) {  // loss and gradient at x + t·d, then back to x
                    add_step(params, step_t);
                    auto fg = evaluate();
                    for (std::size_t i = 0; i < params.size(); ++i) *params[i] = x[i];
                    return fg;
                };
                LineSearchResult<T> ls = gd::strong_wolfe(along, t, d_, loss, flat_grad, gtd);
                loss = ls.f, flat_grad = std::move(ls.g), t = ls.t, ls_evals = ls.evaluations;
                add_step(params, t);  // θ ← θ + t·d
            } else {
                add_step(params, t);       // θ ← θ + t·d at a fixed t
                if (n_iter != max_iter) {  // torch skips the evaluation after the last iteration
                    std::tie(loss, flat_grad) = evaluate();
                    ls_evals = 1;
                }
            }
            current_evals += ls_evals;
            func_evals_ += ls_evals;
            // Stop: out of iterations or evaluations, optimal, or no more progress.
            if (n_iter == max_iter || current_evals >= max_eval) break;
            if (max_abs(flat_grad) <= tolerance_grad) break;  // g was evaluated at the new θ
            if (max_abs(scaled(d_, t)) <= tolerance_change) break;
            if (std::abs(loss - prev_loss_) < tolerance_change) break;
        }
        t_step_ = t;
        this->evaluations_ = current_evals;
        return orig_loss;
    }

  protected:
    void update(std::size_t, Tensor&, const Tensor&) override {}  // step(closure) does it all

    // "lbfgs n_iter N func_evals N", then, once an iteration has run, the direction, t, H₀, the
    // last loss and gradient and the history of pairs (y, s, ρ), oldest first.
    void save_extra(std::ostream& os) const override {
        os << "lbfgs n_iter " << n_iter_ << " func_evals " << func_evals_ << '\n';
        if (n_iter_ == 0) return;
        write(os << "d ", d_) << "\nt " << this->hex(t_step_) << " h_diag " << this->hex(h_diag_)
                              << " prev_loss " << this->hex(prev_loss_) << '\n';
        write(os << "prev_flat_grad ", prev_flat_grad_) << "\nhistory " << ro_.size() << '\n';
        for (std::size_t i = 0; i < ro_.size(); ++i) {
            write(os << "y ", old_dirs_[i]) << '\n';
            write(os << "s ", old_stps_[i]) << "\nro " << this->hex(ro_[i]) << '\n';
        }
    }
    std::function<void()> load_extra(std::istream& is) override {
        this->expect(is, "lbfgs");
        this->expect(is, "n_iter");
        const long n_iter = this->integer(is, 1L << 62);
        this->expect(is, "func_evals");
        const long func_evals = this->integer(is, 1L << 62);
        Vec d, prev;
        double t = 0, h = 1, prev_loss = 0;
        std::deque<Vec> ys, ss;
        std::deque<double> ro;
        if (n_iter > 0) {
            d = read(is, "d");
            this->expect(is, "t");
            t = this->number(is);
            this->expect(is, "h_diag");
            h = this->number(is);
            this->expect(is, "prev_loss");
            prev_loss = this->number(is);
            prev = read(is, "prev_flat_grad");
            if (prev.size() != d.size()) this->fail("vectors' sizes differ");
            this->expect(is, "history");
            const long k = this->integer(is, history_size);
            for (long i = 0; i < k; ++i) {
                ys.push_back(read(is, "y"));
                ss.push_back(read(is, "s"));
                this->expect(is, "ro");
                ro.push_back(this->number(is));
                if (ys.back().size() != d.size() || ss.back().size() != d.size())
                    this->fail("vectors' sizes differ");
            }
        }
        return [=] {
            n_iter_ = n_iter, func_evals_ = func_evals;
            d_ = d, prev_flat_grad_ = prev, t_step_ = t, h_diag_ = h, prev_loss_ = prev_loss;
            old_dirs_ = ys, old_stps_ = ss, ro_ = ro;
        };
    }

  private:
    // A new pair (y, s) = (g − g′, t·d) enters the history if y·s > 1e-10, dropping the oldest
    // beyond history_size; H₀ = y·s/(y·y).
    void remember_curvature(const Vec& g, double t) {
        Vec y(g.size()), s(g.size());
        for (std::size_t k = 0; k < g.size(); ++k) {
            y[k] = g[k] - prev_flat_grad_[k];  // y = g − g′
            s[k] = d_[k] * static_cast<T>(t);  // s = t·d
        }
        const double ys = dot(y, s);
        if (!(ys > 1e-10)) return;
        if (static_cast<long>(old_dirs_.size()) == history_size) {
            old_dirs_.pop_front(), old_stps_.pop_front(), ro_.pop_front();
        }
        old_dirs_.push_back(y), old_stps_.push_back(s), ro_.push_back(1. / ys);  // ρ = 1/(y·s)
        h_diag_ = ys / dot(y, y);                                                // H₀
    }

    // d = −H·g by the two-loop recursion over the history, newest pair first, then oldest.
    Vec two_loop(const Vec& g) {
        const std::size_t m = old_dirs_.size();
        al_.assign(m, 0.0);
        Vec q = scaled(g, -1);
        for (std::size_t i = m; i-- > 0;) {
            al_[i] = dot(old_stps_[i], q) * ro_[i];  // α_i = ρ_i s_i·q
            const T a = static_cast<T>(-al_[i]);
            for (std::size_t k = 0; k < q.size(); ++k) q[k] = q[k] + a * old_dirs_[i][k];
        }
        Vec r = scaled(q, h_diag_);  // r = H₀q
        for (std::size_t i = 0; i < m; ++i) {
            const double be = dot(old_dirs_[i], r) * ro_[i];  // β_i = ρ_i y_i·r
            const T c = static_cast<T>(al_[i] - be);
            for (std::size_t k = 0; k < r.size(); ++k) r[k] = r[k] + c * old_stps_[i][k];
        }
        return r;
    }

    // θ ← θ + t·d, parameter by parameter over the flat d (torch's _add_grad).
    void add_step(const std::vector<Tensor*>& params, double t) const {
        const T a = static_cast<T>(t);
        std::size_t offset = 0;
        for (Tensor* p : params) {
            for (T& v : *p) v = v + a * d_[offset++];
        }
    }

    static Vec scaled(const Vec& v, double c) {
        Vec out(v.size());
        for (std::size_t k = 0; k < v.size(); ++k) out[k] = v[k] * static_cast<T>(c);
        return out;
    }
    static double max_abs(const Vec& v) {
        double m = 0;
        for (T x : v) m = pymax(m, std::abs(x));
        return m;
    }
    static double sum_abs(const Vec& v) {
        T s = 0;
        for (T x : v) s = s + std::abs(x);
        return s;
    }
    std::ostream& write(std::ostream& os, const Vec& v) const {
        os << "vector " << v.size();
        for (T x : v) os << ' ' << this->hex(x);
        return os;
    }
    Vec read(std::istream& is, const char* label) const {
        this->expect(is, label);
        this->expect(is, "vector");
        const long n = this->integer(is, 1L << 30);
        Vec v;
        for (long k = 0; k < n; ++k) v.push_back(static_cast<T>(this->number(is)));
        return v;
    }

    long n_iter_ = 0, func_evals_ = 0;  // torch's state['n_iter'], state['func_evals']
    Vec d_, prev_flat_grad_;            // the last direction and gradient
    double t_step_ = 0, h_diag_ = 1, prev_loss_ = 0;  // the last t, H₀ and loss
    std::deque<Vec> old_dirs_, old_stps_;             // the history: y and s, oldest first
    std::deque<double> ro_;                           // and ρ
    std::vector<double> al_;                          // scratch: the α of the two loops
    std::vector<Tensor> grads_;                       // the gradients the closure writes
};

// Compiled once, for float and double, in optim/optimizers.cpp: whoever includes this header
// links that copy rather than compiling the rule again (seconds per program).
extern template class Lbfgs<float>;
extern template class Lbfgs<double>;

}  // namespace gd

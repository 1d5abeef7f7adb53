// adam_family.hpp: what Adam, AdamW, Adamax, NAdam and RAdam share: the settings β1, β2, ε and
// the weight decay ω, checked as torch checks them, and β1 as the momentum a schedule may cycle
// (OneCycleLR and CyclicLR write group['betas'][0] before every update, train/step.hpp).
#pragma once

#include <string>

#include "optim/optimizer.hpp"

namespace gd {

template <class T>
class AdamFamily : public Optimizer<T> {
  public:
    double beta1;  // β1 of the next update: as built, or as set_momentum() last set it
    const double beta2, eps, weight_decay;

    std::string momentum_name() const override { return "beta1"; }
    void set_momentum(double b1) override { beta1 = this->checked_beta1(b1); }

  protected:
    AdamFamily(const std::string& who, double lr, double beta1, double beta2, double eps,
               double weight_decay)
        : Optimizer<T>(lr), beta1(beta1), beta2(beta2), eps(eps), weight_decay(weight_decay) {
        require(who, "lr", lr, lr >= 0, "finite and >= 0");
        require(who, "beta1", beta1, beta1 >= 0 && beta1 < 1, "in [0, 1)");
        require(who, "beta2", beta2, beta2 >= 0 && beta2 < 1, "in [0, 1)");
        require(who, "eps", eps, eps >= 0, "finite and >= 0");
        require(who, "weight_decay", weight_decay, weight_decay >= 0, "finite and >= 0");
    }
};

}  // namespace gd

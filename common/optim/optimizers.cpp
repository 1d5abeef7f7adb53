// optimizers.cpp: every optimizer's rule compiled once, for float and double.
//
// The headers beside this file hold the rules and declare these instantiations `extern`, so the
// chapters, tests and benchmarks that include them link these copies. The arithmetic is the
// same either way: every target is compiled with the same flags (CMakeLists.txt).
#include "optim/adadelta.hpp"
#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/adamax.hpp"
#include "optim/lbfgs.hpp"
#include "optim/local_gain.hpp"
#include "optim/momentum_ema.hpp"
#include "optim/nadam.hpp"
#include "optim/optimizer.hpp"
#include "optim/radam.hpp"
#include "optim/rmsprop.hpp"
#include "optim/rprop.hpp"
#include "optim/sgd.hpp"

namespace gd {

template class Optimizer<float>;
template class Optimizer<double>;
template class Sgd<float>;
template class Sgd<double>;
template class MomentumEma<float>;
template class MomentumEma<double>;
template class RmsProp<float>;
template class RmsProp<double>;
template class Adagrad<float>;
template class Adagrad<double>;
template class Adam<float>;
template class Adam<double>;
template class AdamW<float>;
template class AdamW<double>;
template class AdamNoBias<float>;
template class AdamNoBias<double>;
template class Adadelta<float>;
template class Adadelta<double>;
template class Adamax<float>;
template class Adamax<double>;
template class NAdam<float>;
template class NAdam<double>;
template class RAdam<float>;
template class RAdam<double>;
template class Rprop<float>;
template class Rprop<double>;
template class Lbfgs<float>;
template class Lbfgs<double>;
template class LocalGain<float>;
template class LocalGain<double>;

}  // namespace gd

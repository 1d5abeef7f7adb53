// autodiff.cpp: the tape, its operations and the layers compiled once, for float and double.
//
// The headers beside this file declare these instantiations `extern`, so the chapters, tests and
// benchmarks that include them link these copies instead of compiling the tape again.
#include "autodiff/conv.hpp"
#include "autodiff/convnet.hpp"
#include "autodiff/gemm.hpp"
#include "autodiff/mlp.hpp"
#include "autodiff/tape.hpp"

namespace gd {

template xt::xarray<float> gemm(const xt::xarray<float>&, const xt::xarray<float>&, bool, bool);
template xt::xarray<double> gemm(const xt::xarray<double>&, const xt::xarray<double>&, bool, bool);
template struct Linear<float>;
template struct Linear<double>;
template class Mlp<float>;
template class Mlp<double>;
template struct Conv2d<float>;
template struct Conv2d<double>;
template class ConvNet<float>;
template class ConvNet<double>;

namespace ad {
template struct Parameter<float>;
template struct Parameter<double>;
template class Tape<float>;
template class Tape<double>;
template Tape<float>::Var conv2d(Tape<float>&, Tape<float>::Var, Tape<float>::Var,
                                 Tape<float>::Var);
template Tape<double>::Var conv2d(Tape<double>&, Tape<double>::Var, Tape<double>::Var,
                                  Tape<double>::Var);
template Tape<float>::Var max_pool2d(Tape<float>&, Tape<float>::Var, std::size_t);
template Tape<double>::Var max_pool2d(Tape<double>&, Tape<double>::Var, std::size_t);
template Tape<float>::Var reshape(Tape<float>&, Tape<float>::Var, const std::vector<std::size_t>&);
template Tape<double>::Var reshape(Tape<double>&, Tape<double>::Var,
                                   const std::vector<std::size_t>&);
}  // namespace ad

}  // namespace gd

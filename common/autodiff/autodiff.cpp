// autodiff.cpp: the tape, its matrix product and the layers compiled once, for float and double.
//
// The headers beside this file declare these instantiations `extern`, so the chapters, tests and
// benchmarks that include them link these copies instead of compiling the tape again.
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

namespace ad {
template struct Parameter<float>;
template struct Parameter<double>;
template class Tape<float>;
template class Tape<double>;
}  // namespace ad

}  // namespace gd

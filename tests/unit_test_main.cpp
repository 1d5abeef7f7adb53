// unit_test_main.cpp: Boost.Test's main(), linked into every test executable. It lives here, once,
// so that the test files can share one precompiled Boost.Test header (tests/CMakeLists.txt).
#define BOOST_TEST_MODULE gradient descent book
#include <boost/test/unit_test.hpp>

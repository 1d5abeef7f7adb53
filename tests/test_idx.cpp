// The IDX reader: small files written here, every way they can be wrong, and the real data set.
#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include <unistd.h>
#include <vector>

#include "sys/idx.hpp"

BOOST_AUTO_TEST_SUITE(test_idx)

namespace fs = std::filesystem;

namespace {

std::string idx_bytes(unsigned char type, std::vector<std::uint32_t> shape,
                      const std::vector<unsigned char>& values) {
    std::string s{char(0), char(0), char(type), char(shape.size())};
    for (auto n : shape) {
        for (int k = 3; k >= 0; --k) s += char((n >> (8 * k)) & 0xff);
    }
    s.append(values.begin(), values.end());
    return s;
}

std::string write(const std::string& name, const std::string& bytes, bool gzip = false) {
    const fs::path p = fs::temp_directory_path() / ("gdbook-idx-" + std::to_string(::getpid()) + "-" + name);
    if (gzip) {
        gzFile f = gzopen(p.c_str(), "wb");
        gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
        gzclose(f);
    } else {
        std::ofstream(p, std::ios::binary) << bytes;
    }
    return p.string();
}

void rejected(const std::function<void()>& f, const std::string& says) {
    try {
        f();
        BOOST_ERROR("accepted a bad file");
    } catch (const gd::UsageError& e) {
        BOOST_TEST_INFO(e.what());
        BOOST_TEST(std::string(e.what()).find(says) != std::string::npos);
        // Whatever is wrong, the message says where good files come from.
        BOOST_TEST(std::string(e.what()).find("dataset-fashion-mnist") != std::string::npos);
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(reads_plain_and_gzipped_files) {
    const std::vector<unsigned char> pixels{0, 51, 102, 153, 204, 255, 0, 255};
    const auto images = idx_bytes(8, {2, 2, 2}, pixels);
    const auto labels = idx_bytes(8, {2}, {7, 3});
    for (bool gz : {false, true}) {
        const auto s = gd::read_image_set(write("img", images, gz), write("lab", labels, gz));
        BOOST_TEST(s.rows == 2u);
        BOOST_TEST(s.pixels == 4u);
        BOOST_TEST(s.images[1] == 0.2f);
        BOOST_TEST(s.images[5] == 1.0f);
        BOOST_TEST(s.labels == std::vector<int>({7, 3}));
    }
}

BOOST_AUTO_TEST_CASE(bad_files_are_usage_errors) {
    const auto labels = write("lab2", idx_bytes(8, {2}, {1, 2}));
    rejected([] { gd::read_idx("/no/such/file.gz", 3); }, "apt-get install dataset-fashion-mnist");
    rejected([&] { gd::read_idx(labels, 3); }, "wrong magic number");
    rejected([&] { gd::read_idx(write("float", idx_bytes(0x0d, {2}, {1, 2})), 1); }, "wrong magic");
    rejected(
        [&] {
            gd::read_idx(write("short", idx_bytes(8, {2, 2, 2}, {1, 2, 3})), 3);
        },
        "truncated");
    rejected([&] { gd::read_idx(write("tiny", std::string("\0\0", 2)), 3); }, "truncated");
    rejected([&] { gd::read_idx(write("long", idx_bytes(8, {1}, {1, 2})), 1); }, "data after");
    const auto three_images = write("img3", idx_bytes(8, {3, 1, 1}, {1, 2, 3}));
    rejected([&] { gd::read_image_set(three_images, labels); }, "3 images but");
    const auto bad_label = write("lab10", idx_bytes(8, {3}, {1, 2, 10}));
    rejected([&] { gd::read_image_set(three_images, bad_label); }, "not 0-9");
}

BOOST_AUTO_TEST_CASE(a_limit_reads_only_the_first_items) {
    const auto images = write("img4", idx_bytes(8, {4, 1, 2}, {1, 2, 3, 4, 5, 6, 7, 8}));
    const auto labels = write("lab4", idx_bytes(8, {4}, {9, 8, 7, 6}));
    const auto s = gd::read_image_set(images, labels, 2);
    BOOST_TEST(s.rows == 2u);
    BOOST_TEST(s.images.size() == 4u);
    BOOST_TEST(s.images[3] == 4.0f / 255.0f);
    BOOST_TEST(s.labels == std::vector<int>({9, 8}));
    // A limit past the end reads everything; the two files must still agree in the header.
    BOOST_TEST(gd::read_image_set(images, labels, 100).rows == 4u);
    const auto three_labels = write("lab3", idx_bytes(8, {3}, {1, 2, 3}));
    rejected([&] { gd::read_image_set(images, three_labels, 2); }, "4 images but");
}

BOOST_AUTO_TEST_CASE(the_real_data_set_when_installed) {
    if (!fs::exists(std::string(gd::kFashionMnistDir) + "/t10k-labels-idx1-ubyte.gz")) {
        BOOST_TEST_MESSAGE("dataset-fashion-mnist not installed: skipped");
        return;
    }
    const auto test = gd::read_fashion_mnist("t10k", gd::kFashionMnistDir);
    BOOST_TEST(test.rows == 10000u);
    BOOST_TEST(test.pixels == 784u);
    std::vector<int> counts(10, 0);
    for (int l : test.labels) ++counts[static_cast<std::size_t>(l)];
    for (int c : counts) BOOST_TEST(c == 1000);  // Fashion-MNIST's test set is balanced
}

BOOST_AUTO_TEST_SUITE_END()  // test_idx

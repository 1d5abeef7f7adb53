// idx.hpp: reading MNIST-style IDX files, gzipped or not, through zlib.
//
// Introduced in chapter 11 (Fashion-MNIST from Debian's dataset-fashion-mnist package). An IDX
// file is a 4-byte magic number (two zero bytes, a type code, the number of axes), one
// big-endian 32-bit size per axis, then the values in row-major order; Fashion-MNIST uses type
// 0x08 (unsigned bytes): images of 28 × 28 and labels 0-9. gzopen reads plain files too, so
// the tests write small uncompressed IDX files. Every malformed input (missing file, wrong
// magic, short data, images and labels that do not match) is a UsageError naming the file.
#pragma once

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/usage_error.hpp"

namespace gd {

struct IdxArray {
    std::vector<std::uint32_t> shape;  // as read: shape[0] is at most the limit asked for
    std::uint32_t declared = 0;        // the first axis's size in the file's header
    std::vector<std::uint8_t> data;
};

inline constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

// Every problem with the files ends by naming the package that provides good ones.
inline UsageError idx_error(const std::string& what) {
    return UsageError(what + " (Fashion-MNIST: apt-get install --reinstall dataset-fashion-mnist)");
}

// Reads an IDX file of unsigned bytes with `axes` axes (3 for images, 1 for labels), or only
// its first `limit` items along the first axis (a quick run needs a few thousand images, and
// inflating all 60 000 would take longer than the run).
inline IdxArray read_idx(const std::string& path, int axes,
                         std::uint32_t limit = std::numeric_limits<std::uint32_t>::max()) {
    const std::unique_ptr<gzFile_s, int (*)(gzFile)> f(gzopen(path.c_str(), "rb"), gzclose);
    if (!f) {
        throw UsageError("cannot open " + path +
                         " (Fashion-MNIST comes with: apt-get install dataset-fashion-mnist)");
    }
    auto read_exact = [&](void* buf, unsigned n, const char* what) {
        if (n == 0) return;
        if (gzread(f.get(), buf, n) != static_cast<int>(n)) {
            throw idx_error(path + ": truncated or corrupt IDX file (reading " + what + ")");
        }
    };
    unsigned char magic[4];
    read_exact(magic, 4, "the magic number");
    if (magic[0] != 0 || magic[1] != 0 || magic[2] != 0x08 || magic[3] != axes) {
        throw idx_error(path + ": not an IDX file of unsigned bytes with " + std::to_string(axes) +
                        " axes (wrong magic number)");
    }
    IdxArray a;
    std::uint64_t count = 1;
    for (int i = 0; i < axes; ++i) {
        unsigned char b[4];
        read_exact(b, 4, "the sizes");
        const std::uint32_t n = (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) |
                                (std::uint32_t(b[2]) << 8) | std::uint32_t(b[3]);
        if (i == 0) a.declared = n;
        a.shape.push_back(i == 0 ? std::min(n, limit) : n);
        count *= a.shape.back();
    }
    if (count > (1ULL << 31)) throw idx_error(path + ": implausibly large IDX file");
    a.data.resize(static_cast<std::size_t>(count));
    read_exact(a.data.data(), static_cast<unsigned>(count), "the values");
    unsigned char extra;
    if (a.shape[0] == a.declared && gzread(f.get(), &extra, 1) != 0) {
        throw idx_error(path + ": data after the last value");
    }
    return a;
}

// One split of a labelled image set: pixels scaled to [0, 1], one row per image.
struct ImageSet {
    std::size_t rows = 0, pixels = 0;
    std::vector<float> images;  // rows × pixels
    std::vector<int> labels;    // rows
};

inline ImageSet read_image_set(const std::string& images_path, const std::string& labels_path,
                               std::uint32_t limit = std::numeric_limits<std::uint32_t>::max()) {
    const IdxArray img = read_idx(images_path, 3, limit);
    const IdxArray lab = read_idx(labels_path, 1, limit);
    if (img.declared != lab.declared) {
        throw idx_error(images_path + " holds " + std::to_string(img.declared) + " images but " +
                        labels_path + " " + std::to_string(lab.declared) + " labels");
    }
    ImageSet s;
    s.rows = img.shape[0];
    s.pixels = std::size_t(img.shape[1]) * img.shape[2];
    s.images.resize(img.data.size());
    for (std::size_t i = 0; i < img.data.size(); ++i) {
        s.images[i] = static_cast<float>(img.data[i]) / 255.0f;
    }
    for (std::uint8_t l : lab.data) {
        if (l > 9) throw idx_error(labels_path + ": label " + std::to_string(l) + " is not 0-9");
        s.labels.push_back(l);
    }
    return s;
}

// "train" or "t10k" from a folder laid out as Debian's package lays it out.
inline ImageSet read_fashion_mnist(
    const std::string& split, const std::string& dir,
    std::uint32_t limit = std::numeric_limits<std::uint32_t>::max()) {
    return read_image_set(dir + "/" + split + "-images-idx3-ubyte.gz",
                          dir + "/" + split + "-labels-idx1-ubyte.gz", limit);
}

}  // namespace gd

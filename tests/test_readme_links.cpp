// Links that cannot rot: every relative link in the book's Markdown points at a file that
// exists, and every link to lines, [`symbol`](file.hpp#L10-L24), points at lines that still
// hold the symbol it names.
//
// A line link names its symbol in the link text, as a code span (`train_line`, `gd::Sgd`,
// `ahead()`: the last identifier is the one looked for), or, where the text is prose, in the
// link's title: [the ravine race](main.cpp#L40-L61 "ravine_race"). The symbol must appear in
// the linked lines, so moving code without moving the links fails here, not in a reader's hands.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "run_exe.hpp"

BOOST_AUTO_TEST_SUITE(test_readme_links)

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = fs::path(BOOK_TESTS_DIR).parent_path();

std::vector<std::string> lines_of(const fs::path& p) {
    std::ifstream is(p);
    std::vector<std::string> lines;
    for (std::string l; std::getline(is, l);) lines.push_back(l);
    return lines;
}

// Every Markdown file of the book: the front page and each folder's README.md.
std::vector<fs::path> markdown_files() {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(kRoot)) {
        const std::string rel = fs::relative(e.path(), kRoot).string();
        if (rel.rfind("build", 0) == 0 || rel.rfind(".git", 0) == 0) continue;
        if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
    }
    return files;
}

// The identifier a link names: the last identifier of its code span, or its title.
std::string symbol_of(const std::string& text, const std::string& title) {
    if (!title.empty()) return title;
    static const std::regex code("^`([^`]+)`$");
    std::smatch m;
    if (!std::regex_match(text, m, code)) return "";
    static const std::regex ident("[A-Za-z_][A-Za-z0-9_]*");
    std::string last;
    const std::string span = m[1];
    for (auto it = std::sregex_iterator(span.begin(), span.end(), ident);
         it != std::sregex_iterator(); ++it) {
        last = it->str();
    }
    // A file name as the text ("`common/optim/sgd.hpp`") names no symbol.
    if (span.find('/') != std::string::npos || span.find(".hpp") != std::string::npos) return "";
    return last;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_link_points_at_what_it_names) {
    // [text](target "title"), outside code blocks; images too (![alt](file.png)).
    static const std::regex link(R"re(\[([^\]]*)\]\(([^)\s]+)(?:\s+"([^"]*)")?\))re");
    static const std::regex lines_anchor(R"(^#L(\d+)(?:-L(\d+))?$)");
    int line_links = 0, file_links = 0;
    const auto files = markdown_files();
    BOOST_TEST_REQUIRE(files.size() >= 12u, "found only " << files.size() << " Markdown files");
    for (const fs::path& md : files) {
        const std::vector<std::string> text = lines_of(md);
        bool in_code = false;
        for (std::size_t n = 0; n < text.size(); ++n) {
            const std::string& l = text[n];
            if (l.rfind("```", 0) == 0) in_code = !in_code;
            if (in_code) continue;
            for (auto it = std::sregex_iterator(l.begin(), l.end(), link);
                 it != std::sregex_iterator(); ++it) {
                const std::string label = (*it)[1], target = (*it)[2], title = (*it)[3];
                if (target.find("://") != std::string::npos || target.rfind("mailto:", 0) == 0 ||
                    target[0] == '#') {
                    continue;  // outside the repository, or inside this page
                }
                const auto hash = target.find('#');
                const fs::path file = md.parent_path() / target.substr(0, hash);
                const std::string where = fs::relative(md, kRoot).string() + ":" +
                                          std::to_string(n + 1) + " [" + label + "](" + target +
                                          ")";
                BOOST_TEST_INFO(where);
                BOOST_TEST(fs::exists(file), "no such file");
                if (!fs::exists(file)) continue;
                ++file_links;
                if (hash == std::string::npos) continue;
                std::smatch a;
                const std::string anchor = target.substr(hash);
                if (!std::regex_match(anchor, a, lines_anchor)) continue;  // a heading anchor
                ++line_links;
                const std::size_t first = std::stoul(a[1]);
                const std::size_t last = a[2].matched ? std::stoul(a[2]) : first;
                const std::vector<std::string> code = lines_of(file);
                BOOST_TEST_INFO(where);
                BOOST_TEST((first >= 1 && first <= last && last <= code.size()),
                           "lines " << first << "-" << last << " of a " << code.size()
                                    << "-line file");
                const std::string symbol = symbol_of(label, title);
                BOOST_TEST_INFO(where);
                BOOST_TEST(!symbol.empty(),
                           "a link to lines names its symbol: [`name`](...) or [text](... \"name\")");
                if (symbol.empty() || last > code.size() || first < 1) continue;
                bool found = false;
                for (std::size_t k = first; k <= last && !found; ++k) {
                    found = code[k - 1].find(symbol) != std::string::npos;
                }
                BOOST_TEST_INFO(where);
                BOOST_TEST(found, "'" << symbol << "' is not in lines " << first << "-" << last);
            }
        }
    }
    // The book links its code by line in every chapter: finding none means the pattern broke.
    BOOST_TEST(line_links >= 100);
    BOOST_TEST(file_links >= line_links);
}

BOOST_AUTO_TEST_SUITE_END()  // test_readme_links

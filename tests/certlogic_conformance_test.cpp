// Runs the CertLogic conformance suites (evaluation and validation) from
// WEGWIJZER_CERTLOGIC_DIR. One test per case; a case's assertions are checked in order.

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace wegwijzer;
namespace fs = std::filesystem;

namespace {

struct SuiteCase {
    std::string file;
    std::string name;
    Json json;
};

// Shown by GoogleTest for each parameter (instead of the object's bytes).
void PrintTo(const SuiteCase& c, std::ostream* os) { *os << c.file << " / " << c.name; }

std::vector<SuiteCase> loadSuite(const std::string& folder) {
    std::vector<SuiteCase> out;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(WEGWIJZER_CERTLOGIC_DIR) / folder)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        JsonResult r = parseJson(wegwijzer::testing::readFile(f.string()));
        if (!r.value) continue;
        const Json& cases = (*r.value)["cases"];
        for (std::size_t i = 0; i < cases.size(); ++i) {
            out.push_back({f.filename().string(), cases[i].value("name", "case " + std::to_string(i)), cases[i]});
        }
    }
    return out;
}

std::string testName(const ::testing::TestParamInfo<SuiteCase>& info) {
    std::string name = info.param.file.substr(0, info.param.file.size() - 5) + "_" + std::to_string(info.index);
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return name;
}

class CertLogicEvaluation : public ::testing::TestWithParam<SuiteCase> {};
class CertLogicValidation : public ::testing::TestWithParam<SuiteCase> {};

}  // namespace

TEST_P(CertLogicEvaluation, MatchesExpectedValues) {
    const SuiteCase& c = GetParam();
    ASSERT_NE(c.json.value("directive", ""), "skip") << "skipped cases must be listed, not run";
    for (const Json& assertion : c.json["assertions"]) {
        const Json& expression = assertion.contains("certLogicExpression") ? assertion["certLogicExpression"]
                                                                            : c.json["certLogicExpression"];
        Problems problems;
        CompileOptions options;
        options.dialect = Dialect::CertLogic;
        Expression e = compile(expression, options, problems);
        ASSERT_TRUE(e.valid()) << c.file << " / " << c.name << ": " << problems[0].message;
        Value v = e.evaluate(assertion["data"]);
        ASSERT_FALSE(v.isError()) << c.file << " / " << c.name << ": " << v.errorProblem().message;
        EXPECT_EQ(v.toJson(), assertion["expected"])
            << c.file << " / " << c.name << " / " << assertion.value("message", "") << " with data "
            << assertion["data"].dump();
    }
}

TEST_P(CertLogicValidation, ReportsExactlyTheExpectedIssues) {
    const SuiteCase& c = GetParam();
    Problems problems;
    CompileOptions options;
    options.dialect = Dialect::CertLogic;
    compile(c.json["certLogicExpression"], options, problems);
    std::vector<std::string> got, expected;
    for (const Problem& p : problems) got.push_back(p.message);
    for (const Json& issue : c.json["issues"]) expected.push_back(issue["message"].get<std::string>());
    EXPECT_EQ(got, expected) << c.json["certLogicExpression"].dump();
}

INSTANTIATE_TEST_SUITE_P(Suite, CertLogicEvaluation, ::testing::ValuesIn(loadSuite("testSuite")), testName);
INSTANTIATE_TEST_SUITE_P(Suite, CertLogicValidation, ::testing::ValuesIn(loadSuite("validation-testSuite")), testName);

// Guards against a runner that silently finds nothing.
TEST(CertLogicSuites, AreFoundAndComplete) {
    std::size_t assertions = 0;
    for (const SuiteCase& c : loadSuite("testSuite")) assertions += c.json["assertions"].size();
    EXPECT_EQ(loadSuite("testSuite").size(), 60u);
    EXPECT_EQ(assertions, 232u);
    EXPECT_EQ(loadSuite("validation-testSuite").size(), 23u);
}

// The conformance suites, in the CertLogic test-suite format:
//  - CertLogic 1.3.3 (WEGWIJZER_CERTLOGIC_DIR), in the CertLogic dialect;
//  - the Wegwijzer dialect's extensions (tests/conformance/wegwijzer), each
//    file in the dialect its "dialect" member names, with expected errors
//    ("expectedError": pointer and message) where CertLogic has none.
// One test per case; a case's assertions are checked in order. The same
// files run through wasm in Node (tests/wasm/parity.mjs) and in Chromium
// (web/tests/conformance.test.mjs).

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
    Dialect dialect = Dialect::CertLogic;
    Json json;
};

// Shown by GoogleTest for each parameter (instead of the object's bytes).
void PrintTo(const SuiteCase& c, std::ostream* os) { *os << c.file << " / " << c.name; }

std::vector<SuiteCase> loadSuite(const std::string& root, const std::string& folder) {
    std::vector<SuiteCase> out;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(root) / folder)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        JsonResult r = parseJson(wegwijzer::testing::readFile(f.string()));
        if (!r.value) {
            ADD_FAILURE() << f << " is not JSON: " << r.problem.message;
            continue;
        }
        const Dialect dialect = r.value->value("dialect", "certlogic") == "wegwijzer" ? Dialect::Wegwijzer : Dialect::CertLogic;
        const Json& cases = (*r.value)["cases"];
        for (std::size_t i = 0; i < cases.size(); ++i) {
            out.push_back({f.filename().string(), cases[i].value("name", "case " + std::to_string(i)), dialect, cases[i]});
        }
    }
    return out;
}

std::vector<SuiteCase> certLogic(const std::string& folder) { return loadSuite(WEGWIJZER_CERTLOGIC_DIR, folder); }
std::vector<SuiteCase> dialect(const std::string& folder) { return loadSuite(WEGWIJZER_DIALECT_DIR, folder); }

std::string testName(const ::testing::TestParamInfo<SuiteCase>& info) {
    std::string name = info.param.file.substr(0, info.param.file.size() - 5) + "_" + std::to_string(info.index);
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return name;
}

std::size_t assertionsOf(const std::vector<SuiteCase>& cases) {
    std::size_t n = 0;
    for (const SuiteCase& c : cases) n += c.json["assertions"].size();
    return n;
}

class SuiteEvaluation : public ::testing::TestWithParam<SuiteCase> {};
class SuiteValidation : public ::testing::TestWithParam<SuiteCase> {};

}  // namespace

TEST_P(SuiteEvaluation, MatchesExpectedValues) {
    const SuiteCase& c = GetParam();
    ASSERT_NE(c.json.value("directive", ""), "skip") << "skipped cases must be listed, not run";
    for (const Json& assertion : c.json["assertions"]) {
        const Json& expression = assertion.contains("certLogicExpression") ? assertion["certLogicExpression"]
                                                                            : c.json["certLogicExpression"];
        const std::string where = c.file + " / " + c.name + " / " + assertion.value("message", "") + " with data " +
                                  assertion["data"].dump();
        Problems problems;
        CompileOptions options;
        options.dialect = c.dialect;
        Expression e = compile(expression, options, problems);
        ASSERT_TRUE(e.valid()) << where << ": " << problems[0].message;
        Value v = e.evaluate(assertion["data"]);
        if (assertion.contains("expectedError")) {
            ASSERT_TRUE(v.isError()) << where << ": gave " << v.toJson().dump();
            EXPECT_EQ(v.errorProblem().path, assertion["expectedError"]["pointer"].get<std::string>()) << where;
            EXPECT_EQ(v.errorProblem().message, assertion["expectedError"]["message"].get<std::string>()) << where;
            continue;
        }
        ASSERT_FALSE(v.isError()) << where << ": " << v.errorProblem().message;
        EXPECT_EQ(v.toJson(), assertion["expected"]) << where;
    }
}

TEST_P(SuiteValidation, ReportsExactlyTheExpectedIssues) {
    const SuiteCase& c = GetParam();
    Problems problems;
    CompileOptions options;
    options.dialect = c.dialect;
    compile(c.json["certLogicExpression"], options, problems);
    std::vector<std::string> got, expected;
    for (const Problem& p : problems) got.push_back(p.message);
    for (const Json& issue : c.json["issues"]) expected.push_back(issue["message"].get<std::string>());
    EXPECT_EQ(got, expected) << c.json["certLogicExpression"].dump();
}

INSTANTIATE_TEST_SUITE_P(CertLogic, SuiteEvaluation, ::testing::ValuesIn(certLogic("testSuite")), testName);
INSTANTIATE_TEST_SUITE_P(CertLogic, SuiteValidation, ::testing::ValuesIn(certLogic("validation-testSuite")), testName);
INSTANTIATE_TEST_SUITE_P(Wegwijzer, SuiteEvaluation, ::testing::ValuesIn(dialect("testSuite")), testName);
INSTANTIATE_TEST_SUITE_P(Wegwijzer, SuiteValidation, ::testing::ValuesIn(dialect("validation-testSuite")), testName);

// Guards against a runner that silently finds nothing.
TEST(ConformanceSuites, AreFoundAndComplete) {
    EXPECT_EQ(certLogic("testSuite").size(), 60u);
    EXPECT_EQ(assertionsOf(certLogic("testSuite")), 232u);
    EXPECT_EQ(certLogic("validation-testSuite").size(), 23u);
    EXPECT_EQ(dialect("testSuite").size(), 24u);
    EXPECT_EQ(assertionsOf(dialect("testSuite")), 49u);
    EXPECT_EQ(dialect("validation-testSuite").size(), 20u);
}

// Every extension of rules-format §5.3 has cases in the dialect suite, in
// the Wegwijzer dialect, and is refused by the CertLogic dialect there.
TEST(ConformanceSuites, CoverEveryExtension) {
    std::string evaluated, refused;
    for (const SuiteCase& c : dialect("testSuite")) {
        if (c.dialect == Dialect::Wegwijzer) evaluated += c.json.dump();
    }
    for (const SuiteCase& c : dialect("validation-testSuite")) {
        if (c.dialect == Dialect::CertLogic) refused += c.json.dump();
    }
    for (const char* op : {"or", "!==", "-", "*", "/", "min", "max"}) {
        const std::string key = "{\"" + std::string(op) + "\":[";
        EXPECT_NE(evaluated.find(key), std::string::npos) << op << " has no evaluation case";
        EXPECT_NE(refused.find("unrecognised operator: \\\"" + std::string(op) + "\\\""), std::string::npos)
            << op << " has no refusal case";
    }
}

// Every ruleset in rules/ with its cases: the same cases `wegwijzer test` runs
// (and, in the widget's tests, the WebAssembly build).

#include <filesystem>

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace wegwijzer;
namespace fs = std::filesystem;

namespace {


class RuleCases : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(RuleCases, PassWithFullCriterionCoverage) {
    const fs::path dir = fs::path(WEGWIJZER_RULES_DIR) / GetParam();
    LoadedRuleset loaded = loadRuleset(wegwijzer::testing::readFile((dir / "ruleset.json").string()));
    ASSERT_TRUE(loaded.ruleset) << loaded.problems[0].path << ": " << loaded.problems[0].message;
    Coverage coverage;
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(dir / "cases")) {
        if (entry.path().extension() != ".json") continue;
        LoadedCases cases = parseCases(wegwijzer::testing::readFile(entry.path().string()));
        ASSERT_TRUE(cases.problems.empty()) << entry.path() << cases.problems[0].path << ": " << cases.problems[0].message;
        for (const Case& c : cases.cases) {
            CaseOutcome outcome = runCase(*loaded.ruleset, c);
            coverage.record(outcome.evaluation);
            ++count;
            EXPECT_TRUE(outcome.passed) << entry.path().filename() << " " << c.name << ": " << outcome.failures[0];
        }
    }
    EXPECT_GT(count, 0u);
    for (const auto& gap : coverage.gaps(*loaded.ruleset)) {
        ADD_FAILURE() << "criterion not covered both ways: " << gap.result << " (from " << gap.validFrom << ") / "
                      << gap.criterion;
    }
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleCases, ::testing::ValuesIn(wegwijzer::testing::rulesetDirsWithCases()),
                         [](const auto& param) {
                             std::string n = param.param;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

// The one validity rule for answers (answers.hpp, rules-format §7.1), and
// evaluation on answers read once against evaluation on their JSON.

#include <filesystem>

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace wegwijzer;
using wegwijzer::testing::minimalLoaded;
using wegwijzer::testing::parse;
namespace fs = std::filesystem;

namespace {

Question question(QuestionType type) {
    Question q;
    q.id = "q";
    q.type = type;
    q.min = 0;
    q.max = 60;
    q.options = {Option{"a", {}, {}}, Option{"b", {}, {}}};
    return q;
}

}  // namespace

TEST(Answers, EachTypeTakesItsOwnValuesOnly) {
    const Question choice = question(QuestionType::Choice);
    EXPECT_TRUE(checkAnswer(choice, parse(R"("a")")).valid());
    EXPECT_EQ(checkAnswer(choice, parse(R"("c")")).refusal, "\"c\" is not one of its options (a, b)");
    EXPECT_EQ(checkAnswer(choice, parse("1")).refusal, "expected one of its options as a string, got 1");

    const Question boolean = question(QuestionType::Boolean);
    EXPECT_TRUE(checkAnswer(boolean, parse("false")).value.isFalsy());
    EXPECT_EQ(checkAnswer(boolean, parse("0")).refusal, "expected a boolean, got 0");

    const Question number = question(QuestionType::Number);
    EXPECT_EQ(checkAnswer(number, parse("12.5")).value.asNumber(), 12.5);
    EXPECT_EQ(checkAnswer(number, parse("61")).refusal, "61 is outside its range (0 to 60)");
    EXPECT_EQ(checkAnswer(number, parse(R"("12")")).refusal, "expected a number, got \"12\"");

    const Question date = question(QuestionType::Date);
    EXPECT_EQ(checkAnswer(date, parse(R"("2026-02-28")")).value.asString(), "2026-02-28");
    EXPECT_EQ(checkAnswer(date, parse(R"("2026-02-30")")).refusal, "\"2026-02-30\" is not a date of the form YYYY-MM-DD");
}

TEST(Answers, NullIsNoAnswerAndDontKnowIsNoValue) {
    for (QuestionType t : {QuestionType::Choice, QuestionType::Boolean, QuestionType::Number, QuestionType::Date}) {
        const CheckedAnswer none = checkAnswer(question(t), Json());
        EXPECT_TRUE(none.valid());
        EXPECT_TRUE(none.value.isUnknown());
        EXPECT_FALSE(checkAnswer(question(t), parse(R"({"unknown": true})")).valid());
    }
    EXPECT_TRUE(isDontKnow(parse(R"({"unknown": true})")));
    EXPECT_FALSE(isDontKnow(parse(R"({"unknown": false})")));
    EXPECT_FALSE(isDontKnow(parse(R"({"unknown": true, "x": 1})")));
}

// The value outlives the JSON it was read from: a choice borrows the
// question's own option text, a date is copied.
TEST(Answers, ValuesDoNotBorrowFromTheJson) {
    const Question choice = question(QuestionType::Choice);
    const Question date = question(QuestionType::Date);
    Value a, d;
    {
        const Json j = parse(R"(["b", "2026-01-31"])");
        a = checkAnswer(choice, j[0]).value;
        d = checkAnswer(date, j[1]).value;
    }
    EXPECT_EQ(a.asString(), "b");
    EXPECT_EQ(a.asString().data(), choice.options[1].value.data());
    EXPECT_EQ(d.asString(), "2026-01-31");
}

TEST(Answers, ReadReportsEachRefusalWithItsPointerAndLeavesItOut) {
    auto rs = minimalLoaded();
    Problems problems;
    Answers a = Answers::read(*rs, parse(R"({"statuut": "piloot", "uren": {"unknown": true}, "geen-vraag": 1, "erkend": true})"),
                              problems);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].path, "/geen-vraag");  // JSON member order: sorted
    EXPECT_EQ(problems[0].message, "\"geen-vraag\" is not a question of this ruleset");
    EXPECT_EQ(problems[1].path, "/statuut");
    EXPECT_NE(problems[1].message.find("answer to \"statuut\": \"piloot\" is not one of its options"), std::string::npos);
    const auto slot = [&](const char* id) { return static_cast<std::size_t>(rs->question(id)->slot); };
    EXPECT_TRUE(a.given[slot("statuut")].isUnknown());
    EXPECT_TRUE(a.given[slot("uren")].isUnknown());
    EXPECT_TRUE(a.declined[slot("uren")]);
    EXPECT_TRUE(a.given[slot("erkend")].isTruthy());

    problems.clear();
    Answers::read(*rs, parse("[]"), problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].path, "");
}

// Every rule case of every ruleset: evaluating the answers read once gives
// the JSON route's result (statuses, criteria, amounts, next questions).
TEST(Answers, EvaluationOnReadAnswersMatchesEvaluationOnJson) {
    std::size_t compared = 0;
    for (const std::string& set : wegwijzer::testing::rulesetDirsWithCases()) {
        const fs::path dir = fs::path(WEGWIJZER_RULES_DIR) / set;
        LoadedRuleset loaded = loadRuleset(wegwijzer::testing::readFile((dir / "ruleset.json").string()));
        ASSERT_TRUE(loaded.ruleset);
        const Ruleset& rs = *loaded.ruleset;
        for (const auto& entry : fs::directory_iterator(dir / "cases")) {
            if (entry.path().extension() != ".json") continue;
            for (const Case& c : parseCases(wegwijzer::testing::readFile(entry.path().string())).cases) {
                Problems problems;
                const Answers read = Answers::read(rs, c.answers, problems);
                Json viaJson = toJson(evaluate(rs, c.answers, c.date), rs, rs.locales.front());
                Json viaAnswers = toJson(evaluate(rs, read, c.date), rs, rs.locales.front());
                viaJson.erase("errors");
                viaAnswers.erase("errors");
                EXPECT_EQ(viaAnswers, viaJson) << set << " " << c.name;
                ++compared;
            }
        }
    }
    EXPECT_GT(compared, 300u);
}

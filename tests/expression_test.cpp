#include <string>

#include <gtest/gtest.h>

#include "test_support.hpp"
#include "wegwijzer/expression.hpp"

using namespace wegwijzer;
using wegwijzer::testing::parse;

namespace {

// Evaluates an expression against JSON data; compile problems fail the test.
Json eval(const std::string& expression, const std::string& data = "null", Dialect dialect = Dialect::Wegwijzer) {
    Problems problems;
    CompileOptions options;
    options.dialect = dialect;
    Expression e = compile(parse(expression), options, problems);
    EXPECT_TRUE(e.valid()) << (problems.empty() ? "" : problems[0].message);
    const Json d = parse(data);
    Value v = e.evaluate(d);
    EXPECT_FALSE(v.isError()) << v.errorProblem().message;
    return v.toJson();
}

Problems compileProblems(const std::string& expression, Dialect dialect = Dialect::Wegwijzer) {
    Problems problems;
    CompileOptions options;
    options.dialect = dialect;
    compile(parse(expression), options, problems);
    return problems;
}

Value evalValue(const std::string& expression, const std::string& data = "null") {
    Problems problems;
    Expression e = compile(parse(expression), CompileOptions{}, problems);
    EXPECT_TRUE(e.valid());
    const Json d = parse(data);
    return e.evaluate(d);
}

// A scope with three questions, for three-valued tests in rule mode.
class ThreeQuestions : public Scope {
public:
    ThreeQuestions() {
        vars_ = {{"a", 0, StaticType::Boolean, {}}, {"b", 1, StaticType::Boolean, {}}, {"n", 2, StaticType::Number, {}},
                 {"kleur", 3, StaticType::String, {"rood", "groen"}}};
    }
    const Variable* find(std::string_view name) const override {
        for (const auto& v : vars_) {
            if (v.name == name) return &v;
        }
        return nullptr;
    }

private:
    std::vector<Variable> vars_;
};

Value kleene(const std::string& expression, Value a, Value b, Value n = Value::unknown()) {
    static ThreeQuestions scope;
    Problems problems;
    CompileOptions options;
    options.scope = &scope;
    Expression e = compile(parse(expression), options, problems);
    EXPECT_TRUE(e.valid()) << (problems.empty() ? "" : problems[0].message);
    return e.evaluate(std::vector<Value>{a, b, n, Value::unknown()});
}

const Value T = Value::boolean(true);
const Value F = Value::boolean(false);
const Value U = Value::unknown();

}  // namespace

TEST(Extensions, OrReturnsFirstTruthyOperand) {
    EXPECT_EQ(eval(R"({"or": [false, 0, "x", true]})"), "x");
    EXPECT_EQ(eval(R"({"or": [false, 0]})"), 0);
}

TEST(Extensions, ArithmeticOnNonIntegers) {
    EXPECT_EQ(eval(R"({"*": [125, 0.8]})"), 100);
    EXPECT_EQ(eval(R"({"/": [{"var": "x"}, 4]})", R"({"x": 10})"), 2.5);
    EXPECT_EQ(eval(R"({"-": [3, 5]})"), -2);
    EXPECT_EQ(eval(R"({"min": [250, {"var": "x"}, 300]})", R"({"x": 120.5})"), 120.5);
    EXPECT_EQ(eval(R"({"max": [1, 7, 3]})"), 7);
    EXPECT_EQ(eval(R"({"!==": [1, "1"]})"), true);
}

TEST(Extensions, DivisionByZeroIsAnErrorValue) {
    Value v = evalValue(R"({"/": [1, {"var": "x"}]})", R"({"x": 0})");
    ASSERT_TRUE(v.isError());
    EXPECT_EQ(v.errorProblem().path, "");
    EXPECT_EQ(v.errorProblem().message, "division by zero");
}

TEST(Dialects, CertLogicRefusesEveryExtension) {
    for (const char* e : {R"({"or": [true, false]})", R"({"!==": [1, 2]})", R"({"-": [1, 2]})", R"({"*": [1, 2]})",
                          R"({"/": [1, 2]})", R"({"min": [1]})", R"({"max": [1]})", "1.5"}) {
        EXPECT_FALSE(compileProblems(e, Dialect::CertLogic).empty()) << e;
        EXPECT_TRUE(compileProblems(e, Dialect::Wegwijzer).empty()) << e;
    }
}

TEST(Dialects, CertLogicPlusNeedsIntegers) {
    Problems problems;
    CompileOptions options;
    options.dialect = Dialect::CertLogic;
    Expression e = compile(parse(R"({"+": [{"var": "x"}, 1]})"), options, problems);
    EXPECT_TRUE(e.evaluate(parse(R"({"x": 1.5})")).isError());
    EXPECT_EQ(e.evaluate(parse(R"({"x": 2})")).toJson(), 3);
}

TEST(Compile, ReportsArityWithThePath) {
    Problems p = compileProblems(R"({"and": [true, {"if": [true, 1]}]})");
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].path, "/and/1");
    EXPECT_EQ(p[0].message, "\"if\" takes 3 operands, but has 2");
}

TEST(Compile, RefusesUnknownOperators) {
    Problems p = compileProblems(R"({"method": [{"var": "x"}, "toString"]})");
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].message, "unrecognised operator: \"method\"");
}

TEST(Compile, RefusesDeepExpressionsBeforeEvaluating) {
    std::string deep;
    for (int i = 0; i < 100; ++i) deep += R"({"!": [)";
    deep += "true";
    for (int i = 0; i < 100; ++i) deep += "]}";
    Problems p = compileProblems(deep);
    ASSERT_FALSE(p.empty());
    EXPECT_NE(p[0].message.find("nested deeper"), std::string::npos);
}

TEST(Compile, AcceptsHugeFlatArrays) {
    Json big = Json::array();
    for (int i = 0; i < 100000; ++i) big.push_back(i);
    Problems problems;
    Expression e = compile(Json{{"in", Json::array({99999, big})}}, CompileOptions{}, problems);
    ASSERT_TRUE(e.valid());
    EXPECT_EQ(e.evaluate(Json()).toJson(), true);
}

TEST(ThreeValued, AndIsKleene) {
    EXPECT_TRUE(kleene(R"({"and": [{"var": "a"}, {"var": "b"}]})", U, F).isFalsy());
    EXPECT_TRUE(kleene(R"({"and": [{"var": "a"}, {"var": "b"}]})", F, U).isFalsy());
    EXPECT_TRUE(kleene(R"({"and": [{"var": "a"}, {"var": "b"}]})", U, T).isUnknown());
    EXPECT_TRUE(kleene(R"({"and": [{"var": "a"}, {"var": "b"}]})", T, T).isTruthy());
}

TEST(ThreeValued, OrIsKleene) {
    EXPECT_TRUE(kleene(R"({"or": [{"var": "a"}, {"var": "b"}]})", U, T).isTruthy());
    EXPECT_TRUE(kleene(R"({"or": [{"var": "a"}, {"var": "b"}]})", U, F).isUnknown());
    EXPECT_TRUE(kleene(R"({"or": [{"var": "a"}, {"var": "b"}]})", F, F).isFalsy());
}

TEST(ThreeValued, NotOfUnknownIsUnknown) {
    EXPECT_TRUE(kleene(R"({"!": [{"var": "a"}]})", U, U).isUnknown());
}

TEST(ThreeValued, IfWithUnknownGuardAgreeingBranchesIsDecided) {
    EXPECT_EQ(kleene(R"({"if": [{"var": "a"}, 5, 5]})", U, U).toJson(), 5);
    EXPECT_TRUE(kleene(R"({"if": [{"var": "a"}, 5, 6]})", U, U).isUnknown());
}

TEST(ThreeValued, ComparisonsWithUnknownAreUnknown) {
    EXPECT_TRUE(kleene(R"({">=": [{"var": "n"}, 38]})", U, U).isUnknown());
    EXPECT_TRUE(kleene(R"({"*": [{"var": "n"}, 2]})", U, U).isUnknown());
    EXPECT_EQ(kleene(R"({"*": [{"var": "n"}, 2]})", U, U, Value::number(4)).toJson(), 8);
}

TEST(ThreeValued, OpenSlotsSkipDecidedOperands) {
    static ThreeQuestions scope;
    Problems problems;
    CompileOptions options;
    options.scope = &scope;
    Expression e = compile(parse(R"({"or": [{"and": [{"var": "a"}, {"var": "b"}]}, {">": [{"var": "n"}, 3]}]})"),
                           options, problems);
    std::vector<bool> open(4, false);
    e.markOpenSlots({F, U, U, U}, open);  // a=false decides the inner and: b does not matter
    EXPECT_EQ(open, (std::vector<bool>{false, false, true, false}));
}

TEST(TypeCheck, ComparingIncompatibleTypesIsALoadError) {
    static ThreeQuestions scope;
    Problems problems;
    CompileOptions options;
    options.scope = &scope;
    compile(parse(R"({"===": [{"var": "n"}, "tien"]})"), options, problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].message.find("compares a number with a string"), std::string::npos);
}

TEST(TypeCheck, AChoiceIsComparedOnlyWithItsOptions) {
    static ThreeQuestions scope;
    Problems problems;
    CompileOptions options;
    options.scope = &scope;
    options.path = "/x";
    compile(parse(R"({"in": [{"var": "kleur"}, ["rood", "blauw"]]})"), options, problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].path, "/x/in/1/1");
    EXPECT_EQ(problems[0].message, "question \"kleur\" has no option \"blauw\"");
}

TEST(TypeCheck, UndeclaredVariableIsALoadError) {
    static ThreeQuestions scope;
    Problems problems;
    CompileOptions options;
    options.scope = &scope;
    compile(parse(R"({"var": "leeftijd"})"), options, problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].message, "\"leeftijd\" names no question of this ruleset");
}

TEST(Reduce, LambdaReadsCurrentAccumulatorAndData) {
    EXPECT_EQ(eval(R"({"reduce": [{"var": "xs"}, {"+": [{"var": "accumulator"}, {"*": [{"var": "current"}, {"var": "data.k"}]}]}, 0]})",
                   R"({"xs": [1, 2, 3], "k": 10})"),
              60);
}

TEST(ThreeValued, OpenSlotsInsideArrayLiterals) {
    static ThreeQuestions scope;
    Problems problems;
    CompileOptions options;
    options.scope = &scope;
    Expression e = compile(parse(R"({"in": [true, [{"var": "a"}, false]]})"), options, problems);
    ASSERT_TRUE(e.valid());
    EXPECT_TRUE(e.evaluate({U, U, U, U}).isUnknown());
    std::vector<bool> open(4, false);
    e.markOpenSlots({U, U, U, U}, open);
    EXPECT_EQ(open, (std::vector<bool>{true, false, false, false}));
}

TEST(Errors, AnErrorInsideAnArrayLiteralIsNotSwallowed) {
    EXPECT_TRUE(evalValue(R"({"in": [1, [{"/": [1, 0]}]]})").isError());
}

TEST(Dialects, CertLogicComparisonsNeedIntegers) {
    Problems problems;
    CompileOptions options;
    options.dialect = Dialect::CertLogic;
    Expression e = compile(parse(R"({"<": [{"var": "x"}, 2]})"), options, problems);
    EXPECT_TRUE(e.evaluate(parse(R"({"x": 1.5})")).isError());
    EXPECT_EQ(e.evaluate(parse(R"({"x": 1})")).toJson(), true);
}

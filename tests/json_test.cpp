#include <string>

#include <gtest/gtest.h>

#include "wegwijzer/json.hpp"

using namespace wegwijzer;

TEST(StrictJson, ReadsNestedDocuments) {
    JsonResult r = parseJson(R"({"a": [1, {"b": "c"}], "d": {"e": null}})");
    ASSERT_TRUE(r.value);
    EXPECT_EQ((*r.value)["a"][1]["b"], "c");
    EXPECT_TRUE((*r.value)["d"]["e"].is_null());
}

TEST(StrictJson, RefusesDuplicateKeysWithTheirPath) {
    JsonResult r = parseJson(R"({"a": {"b": 1, "b": 2}})");
    EXPECT_FALSE(r.value);
    EXPECT_EQ(r.problem.path, "/a/b");
    EXPECT_NE(r.problem.message.find("duplicate key"), std::string::npos);
}

TEST(StrictJson, PathsOfProblemsInsideArraysAndAfterContainers) {
    // Paths are worked out only when something is wrong: each level's key or
    // index, also for containers that are still open.
    auto pathOf = [](const char* text) { return parseJson(text).problem.path; };
    EXPECT_EQ(pathOf(R"({"a": [1, {"x": [2]}, {"b": {"c": 1}, "b": 2}]})"), "/a/2/b");
    EXPECT_EQ(pathOf(R"({"a": {"x": 1}, "a": 2})"), "/a");  // the first "a" held an object
    EXPECT_EQ(pathOf(R"({"a/b": [{"~": 1, "~": 2}]})"), "/a~1b/0/~0");
}

TEST(StrictJson, AllowsTheSameKeyInSiblingObjects) {
    EXPECT_TRUE(parseJson(R"([{"a": 1}, {"a": 2}])").value);
}

TEST(StrictJson, RefusesDeepNestingWithoutRecursing) {
    const std::string deep = std::string(20000, '[') + std::string(20000, ']');
    JsonResult r = parseJson(deep);
    EXPECT_FALSE(r.value);
    EXPECT_NE(r.problem.message.find("nesting deeper"), std::string::npos);
}

TEST(StrictJson, RefusesOversizedDocuments) {
    JsonLimits limits;
    limits.maxBytes = 10;
    JsonResult r = parseJson(R"(["0123456789"])", limits);
    EXPECT_FALSE(r.value);
    EXPECT_NE(r.problem.message.find("more than the limit"), std::string::npos);
}

TEST(StrictJson, RefusesANulByteAndWhatFollowsIt) {
    // Before: nlohmann stopped at the NUL and accepted {} (reliability review D2).
    const std::string text("{}\0{\"a\": 1}", 11);
    JsonResult r = parseJson(text);
    EXPECT_FALSE(r.value);
    EXPECT_NE(r.problem.message.find("NUL byte at byte 2"), std::string::npos);
    EXPECT_FALSE(parseJson(std::string("\0", 1)).value);
    EXPECT_TRUE(parseJson(R"({"a": "\u0000"})").value);  // an escaped NUL in a string is JSON
}

TEST(StrictJson, ReportsTruncatedDocuments) {
    JsonResult r = parseJson(R"({"a": [1, 2)");
    EXPECT_FALSE(r.value);
    EXPECT_NE(r.problem.message.find("truncated"), std::string::npos);
}

TEST(StrictJson, ReportsLineAndColumnOfSyntaxErrors) {
    JsonResult r = parseJson("{\n  \"a\": tru\n}");
    EXPECT_FALSE(r.value);
    EXPECT_NE(r.problem.message.find("line 2"), std::string::npos) << r.problem.message;
}

TEST(JsonPointer, EscapesTildeAndSlash) {
    EXPECT_EQ(pointerAppend("/a", "b/c~d"), "/a/b~1c~0d");
    EXPECT_EQ(pointerAppend("", std::size_t{3}), "/3");
}

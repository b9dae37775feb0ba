// Simulating the interview: how many questions a person is asked before
// every result is decided, over every combination of answers.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "wegwijzer/evaluation.hpp"

namespace wegwijzer {

// One representative answer per class of answers that the rules cannot tell
// apart: each option, true and false, and for a number each threshold the
// rules compare it with plus one value inside each interval between them
// (and below the first and above the last, within the range). A date
// question gets the evaluation date and a year before and after it.
std::vector<Json> answerClasses(const Question& question, const Date& date);

struct InterviewStats {
    std::size_t paths = 0;              // complete interviews simulated
    std::size_t maxQuestions = 0;
    double medianQuestions = 0;
    double meanQuestions = 0;
    std::map<std::size_t, std::size_t> histogram;     // questions asked -> interviews
    std::vector<std::pair<std::string, Json>> longest;  // one longest interview: question, answer
    std::map<std::string, std::size_t> askedIn;       // question id -> interviews that asked it
    bool truncated = false;             // stopped at maxPaths
    // How well progress.expected foretells the interview: at every step, the
    // estimate against the questions that did follow there (averaged over the
    // answers as the ruleset weighs them).
    double estimateAtStart = 0;   // progress.expected before the first answer
    double expectedAtStart = 0;   // what followed, on average
    double estimateBias = 0;      // mean of (estimate - what followed) over every step
    double estimateError = 0;     // mean of |estimate - what followed|
};

// Walks every interview from `prefilled` answers: the person is asked the
// first of `next`, and every answer class is followed, until `next` is empty.
InterviewStats simulateInterviews(const Ruleset& ruleset, const Date& date, const Json& prefilled = Json::object(),
                                  std::size_t maxPaths = 2000000);

// One person's interview: from `prefilled` answers (a course's facts), the
// person is asked the first of `next` and answers from `profile`, or "I don't
// know" ({"unknown": true}) where the profile has no answer, until `next` is
// empty. Returns the questions asked, in order, with the answers given.
struct ProfileWalk {
    std::vector<std::pair<std::string, Json>> asked;
    std::vector<double> estimates;  // progress.expected before each question, and at the end
    Json answers;                   // everything answered at the end (facts included)
    Problems problems;              // answers of the profile the rules refuse
};
ProfileWalk walkProfile(const Ruleset& ruleset, const Date& date, const Json& prefilled, const Json& profile);

}  // namespace wegwijzer

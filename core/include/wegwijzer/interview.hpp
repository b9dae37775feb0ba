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
};

// Walks every interview from `prefilled` answers: the person is asked the
// first of `next`, and every answer class is followed, until `next` is empty.
InterviewStats simulateInterviews(const Ruleset& ruleset, const Date& date, const Json& prefilled = Json::object(),
                                  std::size_t maxPaths = 2000000);

}  // namespace wegwijzer

#include "wegwijzer/interview.hpp"

#include <algorithm>
#include <cmath>

namespace wegwijzer {

std::vector<Json> answerClasses(const Question& q, const Date& date) {
    std::vector<Json> out;
    switch (q.type) {
        case QuestionType::Choice:
            for (const Option& o : q.options) out.emplace_back(o.value);
            break;
        case QuestionType::Boolean:
            out = {Json(true), Json(false)};
            break;
        case QuestionType::Number: {
            std::vector<double> ts;
            for (double t : q.thresholds) {
                if (t >= q.min && t <= q.max) ts.push_back(t);
            }
            // One value below the first threshold, each threshold, one value
            // between each two, one above the last (within the range).
            std::vector<double> xs;
            for (std::size_t i = 0; i < ts.size(); ++i) {
                if (i == 0 && ts[0] > q.min) xs.push_back(q.min);
                if (i > 0) {
                    const double mid = ts[i - 1] / 2 + ts[i] / 2;  // halves first: no overflow near the double range
                    if (std::isfinite(mid) && mid > ts[i - 1] && mid < ts[i]) xs.push_back(mid);
                }
                xs.push_back(ts[i]);
            }
            if (ts.empty()) xs.push_back(q.min);
            if (!ts.empty() && ts.back() < q.max) xs.push_back(q.max);
            for (double x : xs) out.push_back(Value::number(x).toJson());
            break;
        }
        case QuestionType::Date:
            for (int years : {-1, 0, 1}) {
                Date d = date;
                d.year += years;
                if (d.year < 0 || d.year > 9999) continue;  // only dates of the form YYYY-MM-DD
                if (d.month == 2 && d.day == 29) d.day = 28;
                out.emplace_back(d.toString());
            }
            break;
    }
    return out;
}

namespace {

double classWeight(const Question& q, const Json& answer) {
    if (q.type == QuestionType::Boolean) return answer.get<bool>() ? q.weightTrue : q.weightFalse;
    if (q.type == QuestionType::Choice) {
        for (const Option& o : q.options) {
            if (o.value == answer.get_ref<const std::string&>()) return o.weight;
        }
    }
    return 1;
}

struct Walker {
    const Ruleset& rs;
    const Date& date;
    std::size_t maxPaths;
    InterviewStats stats;
    std::vector<std::size_t> counts;
    std::vector<std::pair<std::string, Json>> path;
    double errorSum = 0, absErrorSum = 0;
    std::size_t estimates = 0;

    // Returns the questions still to come from here, on average over the
    // answers weighted as the ruleset weighs them.
    double walk(Json& answers) {
        if (stats.paths >= maxPaths) {
            stats.truncated = true;
            return 0;
        }
        Evaluation e = evaluate(rs, answers, date);
        // An answer the rules refuse would be asked again forever: end the interview there.
        if (e.next.empty() || !e.problems.empty()) {
            ++stats.paths;
            counts.push_back(path.size());
            if (path.size() > stats.maxQuestions || stats.longest.empty()) {
                stats.maxQuestions = std::max(stats.maxQuestions, path.size());
                if (path.size() >= stats.longest.size()) stats.longest = path;
            }
            for (const auto& step : path) ++stats.askedIn[step.first];
            return 0;
        }
        const Question& q = *e.next.front();
        double total = 0, left = 0;
        for (const Json& answer : answerClasses(q, date)) {
            answers[q.id] = answer;
            path.emplace_back(q.id, answer);
            const double w = classWeight(q, answer);
            left += w * (1 + walk(answers));
            total += w;
            path.pop_back();
            if (stats.truncated) break;
        }
        answers.erase(q.id);
        const double actual = total > 0 ? left / total : 0;
        if (path.empty()) {
            stats.estimateAtStart = e.progress.expected;
            stats.expectedAtStart = actual;
        }
        errorSum += e.progress.expected - actual;
        absErrorSum += std::abs(e.progress.expected - actual);
        ++estimates;
        return actual;
    }
};

}  // namespace

InterviewStats simulateInterviews(const Ruleset& ruleset, const Date& date, const Json& prefilled,
                                  std::size_t maxPaths) {
    Walker w{ruleset, date, maxPaths, {}, {}, {}};
    Json answers = prefilled.is_object() ? prefilled : Json::object();
    w.walk(answers);
    if (!w.counts.empty()) {
        std::sort(w.counts.begin(), w.counts.end());
        const std::size_t n = w.counts.size();
        w.stats.medianQuestions =
            n % 2 == 1 ? static_cast<double>(w.counts[n / 2]) : (static_cast<double>(w.counts[n / 2 - 1] + w.counts[n / 2])) / 2;
        double sum = 0;
        for (std::size_t c : w.counts) {
            sum += static_cast<double>(c);
            ++w.stats.histogram[c];
        }
        w.stats.meanQuestions = sum / static_cast<double>(n);
    }
    if (w.estimates > 0) {
        w.stats.estimateBias = w.errorSum / static_cast<double>(w.estimates);
        w.stats.estimateError = w.absErrorSum / static_cast<double>(w.estimates);
    }
    return w.stats;
}

ProfileWalk walkProfile(const Ruleset& ruleset, const Date& date, const Json& prefilled, const Json& profile) {
    ProfileWalk out;
    out.answers = prefilled.is_object() ? prefilled : Json::object();
    // Each question is asked at most once, so the walk ends.
    for (std::size_t step = 0; step <= ruleset.questions.size(); ++step) {
        Evaluation e = evaluate(ruleset, out.answers, date);
        out.estimates.push_back(e.progress.expected);
        if (!e.problems.empty()) {
            out.problems = std::move(e.problems);
            break;
        }
        if (e.next.empty()) break;
        const Question& q = *e.next.front();
        const bool known = profile.is_object() && profile.contains(q.id) && !profile.at(q.id).is_null();
        const Json answer = known ? profile.at(q.id) : Json{{"unknown", true}};
        out.answers[q.id] = answer;
        out.asked.emplace_back(q.id, answer);
    }
    return out;
}

}  // namespace wegwijzer

// The JSON the core writes (docs/rules-format.md §10): the evaluation, its
// compact status form, the course view, the description of a ruleset's
// questions, problems, a bundle's verdict; and the one locale policy every
// edge uses. The
// command prints these; the wasm module returns them. Nothing else in the
// core builds output JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wegwijzer/bundle.hpp"
#include "wegwijzer/evaluation.hpp"
#include "wegwijzer/json.hpp"
#include "wegwijzer/problem.hpp"
#include "wegwijzer/ruleset.hpp"

namespace wegwijzer {

// Which locale to write in: the requested one when the ruleset has it, else
// the ruleset's first (default) locale. `offered` says whether the request
// was met: the command refuses a locale the rules lack (a typing mistake);
// the widget shows the default (a browser language the rules lack).
struct LocaleChoice {
    std::string locale;
    bool offered = true;
};
LocaleChoice chooseLocale(const Ruleset& ruleset, std::string_view requested);

Json toJson(const Evaluation& evaluation, const Ruleset& ruleset, const std::string& locale);
Json toJson(const CourseView& view, const Ruleset& ruleset, const std::string& locale);
Json toJson(const Problems& problems);
// The "amounts" member of a result: amount id -> value.
Json toJson(const std::vector<AmountOutcome>& amounts);

// The compact form, without texts: per result its id, status and amounts;
// next, progress, errors and ruleErrors as in the full form. For callers that
// evaluate on every answer and fetch texts only for the results page.
Json toStatusJson(const Evaluation& evaluation);

// The ruleset's identity: id, version, published, expires (and freshUntil
// when it has one).
Json summaryJson(const Ruleset& ruleset);

// The summary, the title, the locales and every question with its texts,
// options and bounds, in one locale: what the widget needs to ask.
Json describeJson(const Ruleset& ruleset, const std::string& locale);

// A bundle's verdict (docs/bundle-format.md §8): {"accepted": false,
// "refusal": {"code", "message"}}, or the ruleset's summary with
// "accepted": true, the signers, the warnings, "expired" and "stale".
Json toJson(const Refusal& refusal);
Json toJson(const BundleVerdict& verdict);

}  // namespace wegwijzer

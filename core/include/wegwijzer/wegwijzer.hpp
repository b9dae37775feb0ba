// The whole public API of the rule core.
#pragma once

#include "wegwijzer/cases.hpp"
#include "wegwijzer/answers.hpp"
#include "wegwijzer/date.hpp"
#include "wegwijzer/evaluation.hpp"
#include "wegwijzer/output.hpp"
#include "wegwijzer/expression.hpp"
#include "wegwijzer/json.hpp"
#include "wegwijzer/problem.hpp"
#include "wegwijzer/program.hpp"
#include "wegwijzer/ruleset.hpp"
#include "wegwijzer/value.hpp"
#include "wegwijzer/bundle.hpp"
#include "wegwijzer/interview.hpp"
#include "wegwijzer/diff.hpp"
#include "wegwijzer/lint.hpp"

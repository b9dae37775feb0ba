// Calendar dates and date-times without the system clock or the C library's
// time zone machinery: proleptic Gregorian, UTC, millisecond precision.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wegwijzer {

// A calendar day, e.g. an evaluation date or a validity bound ("YYYY-MM-DD").
struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31

    // Days since 1970-01-01 (negative before).
    std::int64_t daysSinceEpoch() const;
    static Date fromDaysSinceEpoch(std::int64_t days);
    // Strict "YYYY-MM-DD" with a real day of a real month.
    static std::optional<Date> parse(std::string_view text);
    std::string toString() const;

    friend bool operator==(const Date& a, const Date& b) { return a.daysSinceEpoch() == b.daysSinceEpoch(); }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) { return a.daysSinceEpoch() < b.daysSinceEpoch(); }
    friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
    friend bool operator>(const Date& a, const Date& b) { return b < a; }
    friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }
};

int daysInMonth(int year, int month);

// Milliseconds since 1970-01-01T00:00:00Z.
using Instant = std::int64_t;

enum class TimeUnit { Year, Month, Day, Hour };
std::optional<TimeUnit> parseTimeUnit(std::string_view text);

// Parses the date and date-time forms of CertLogic: "YYYY-MM-DD",
// "YYYY-MM-DDThh:mm:ss" with optional fraction and offset (Z, ±h, ±hh, ±hmm,
// ±hhmm, ±h:mm, ±hh:mm); a missing offset means Z; fractions are truncated to
// milliseconds. Partial dates "YYYY" and "YYYY-MM" stand for the last day of
// that year or month (as dccDateOfBirth and plusTime do in CertLogic 1.3).
std::optional<Instant> parseDateTime(std::string_view text);

// Adds an amount of a unit. Months and years keep the day of the month where
// it exists and clamp it to the month's last day where not (31 Jan + 1 month
// = 28/29 Feb). Days and hours are exact (no daylight saving time in UTC).
Instant plusTime(Instant t, std::int64_t amount, TimeUnit unit);

// "YYYY-MM-DDThh:mm:ss.sssZ"
std::string formatDateTime(Instant t);

}  // namespace wegwijzer

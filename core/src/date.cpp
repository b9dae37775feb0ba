#include "wegwijzer/date.hpp"

#include <cstdio>

namespace wegwijzer {

namespace {

constexpr std::int64_t kMsPerDay = 86400000;

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int& year, int& month, int& day) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(y + (m <= 2));
    month = static_cast<int>(m);
    day = static_cast<int>(d);
}

// Reads exactly `count` ASCII digits at `pos`.
bool digits(std::string_view s, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

}  // namespace

int daysInMonth(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && isLeap(year)) return 29;
    return kDays[month - 1];
}

std::int64_t Date::daysSinceEpoch() const {
    return daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Date Date::fromDaysSinceEpoch(std::int64_t days) {
    Date d;
    civilFromDays(days, d.year, d.month, d.day);
    return d;
}

std::optional<Date> Date::parse(std::string_view s) {
    Date d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!digits(s, 0, 4, d.year) || !digits(s, 5, 2, d.month) || !digits(s, 8, 2, d.day)) return std::nullopt;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) return std::nullopt;
    return d;
}

std::string Date::toString() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::optional<TimeUnit> parseTimeUnit(std::string_view text) {
    if (text == "year") return TimeUnit::Year;
    if (text == "month") return TimeUnit::Month;
    if (text == "day") return TimeUnit::Day;
    if (text == "hour") return TimeUnit::Hour;
    return std::nullopt;
}

std::optional<Instant> parseDateTime(std::string_view s) {
    int year = 0, month = 12, day = 0;
    if (!digits(s, 0, 4, year)) return std::nullopt;
    if (s.size() == 4) {  // "YYYY": the last day of the year
        return daysFromCivil(year, 12, 31) * kMsPerDay;
    }
    if (s.size() < 7 || s[4] != '-' || !digits(s, 5, 2, month) || month < 1 || month > 12) return std::nullopt;
    if (s.size() == 7) {  // "YYYY-MM": the last day of the month
        return daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(daysInMonth(year, month))) *
               kMsPerDay;
    }
    if (s.size() < 10 || s[7] != '-' || !digits(s, 8, 2, day) || day < 1 || day > daysInMonth(year, month)) {
        return std::nullopt;
    }
    std::int64_t ms = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * kMsPerDay;
    if (s.size() == 10) return ms;

    int hh = 0, mm = 0, ss = 0;
    if (s.size() < 19 || s[10] != 'T' || !digits(s, 11, 2, hh) || s[13] != ':' || !digits(s, 14, 2, mm) ||
        s[16] != ':' || !digits(s, 17, 2, ss) || hh > 23 || mm > 59 || ss > 59) {
        return std::nullopt;
    }
    ms += ((hh * 60 + mm) * 60 + ss) * std::int64_t{1000};
    std::size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        std::size_t start = pos;
        int fraction = 0, scale = 100;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (scale > 0) fraction += (s[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == start) return std::nullopt;
        ms += fraction;
    }
    if (pos == s.size()) return ms;
    if (s[pos] == 'Z') return pos + 1 == s.size() ? std::optional<Instant>(ms) : std::nullopt;
    if (s[pos] != '+' && s[pos] != '-') return std::nullopt;
    const int sign = s[pos] == '+' ? 1 : -1;
    ++pos;
    // Offsets: h, hh, hmm, hhmm, h:mm, hh:mm
    std::string_view rest = s.substr(pos);
    int oh = 0, om = 0;
    std::size_t colon = rest.find(':');
    if (colon != std::string_view::npos) {
        if ((colon != 1 && colon != 2) || rest.size() != colon + 3) return std::nullopt;
        if (!digits(rest, 0, colon, oh) || !digits(rest, colon + 1, 2, om)) return std::nullopt;
    } else if (rest.size() == 1 || rest.size() == 2) {
        if (!digits(rest, 0, rest.size(), oh)) return std::nullopt;
    } else if (rest.size() == 3 || rest.size() == 4) {
        if (!digits(rest, 0, rest.size() - 2, oh) || !digits(rest, rest.size() - 2, 2, om)) return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (oh > 23 || om > 59) return std::nullopt;
    return ms - sign * (oh * 60 + om) * std::int64_t{60000};
}

Instant plusTime(Instant t, std::int64_t amount, TimeUnit unit) {
    switch (unit) {
        case TimeUnit::Hour:
            return t + amount * 3600000;
        case TimeUnit::Day:
            return t + amount * kMsPerDay;
        case TimeUnit::Month:
        case TimeUnit::Year: {
            const std::int64_t days = floorDiv(t, kMsPerDay);
            const std::int64_t timeOfDay = t - days * kMsPerDay;
            int y = 0, m = 0, d = 0;
            civilFromDays(days, y, m, d);
            const std::int64_t months = unit == TimeUnit::Year ? amount * 12 : amount;
            const std::int64_t total = static_cast<std::int64_t>(y) * 12 + (m - 1) + months;
            const int ny = static_cast<int>(floorDiv(total, 12));
            const int nm = static_cast<int>(total - std::int64_t{ny} * 12) + 1;
            const int nd = d > daysInMonth(ny, nm) ? daysInMonth(ny, nm) : d;
            return daysFromCivil(ny, static_cast<unsigned>(nm), static_cast<unsigned>(nd)) * kMsPerDay + timeOfDay;
        }
    }
    return t;
}

std::string formatDateTime(Instant t) {
    const std::int64_t days = floorDiv(t, kMsPerDay);
    std::int64_t rest = t - days * kMsPerDay;
    int y = 0, m = 0, d = 0;
    civilFromDays(days, y, m, d);
    const int ms = static_cast<int>(rest % 1000);
    rest /= 1000;
    const int sec = static_cast<int>(rest % 60);
    rest /= 60;
    const int min = static_cast<int>(rest % 60);
    const int hour = static_cast<int>(rest / 60);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d, hour, min, sec, ms);
    return buf;
}

}  // namespace wegwijzer

#include <gtest/gtest.h>

#include "wegwijzer/date.hpp"

using namespace wegwijzer;

TEST(Date, ParsesRealDaysOnly) {
    EXPECT_TRUE(Date::parse("2024-02-29"));
    EXPECT_FALSE(Date::parse("2025-02-29"));
    EXPECT_FALSE(Date::parse("2025-13-01"));
    EXPECT_FALSE(Date::parse("2025-9-1"));
    EXPECT_FALSE(Date::parse("2025-09-01T00:00:00Z"));
}

TEST(Date, RoundTripsThroughDaysSinceEpoch) {
    for (const char* text : {"1970-01-01", "1969-12-31", "2000-02-29", "2025-08-31", "2025-09-01", "2100-03-01"}) {
        auto d = Date::parse(text);
        ASSERT_TRUE(d);
        EXPECT_EQ(Date::fromDaysSinceEpoch(d->daysSinceEpoch()).toString(), text);
    }
}

TEST(Date, OrdersSchoolYearBoundary) {
    EXPECT_LT(*Date::parse("2025-08-31"), *Date::parse("2025-09-01"));
    EXPECT_EQ(Date::parse("2025-09-01")->daysSinceEpoch() - Date::parse("2025-08-31")->daysSinceEpoch(), 1);
}

TEST(DateTime, ParsesCertLogicFormats) {
    const Instant midnight = *parseDateTime("2021-06-01");
    EXPECT_EQ(*parseDateTime("2021-06-01T00:00:00"), midnight);
    EXPECT_EQ(*parseDateTime("2021-06-01T00:00:00Z"), midnight);
    EXPECT_EQ(*parseDateTime("2021-06-01T02:00:00+02:00"), midnight);
    EXPECT_EQ(*parseDateTime("2021-06-01T02:00:00+2"), midnight);
    EXPECT_EQ(*parseDateTime("2021-06-01T02:30:00+0230"), midnight);
    EXPECT_EQ(*parseDateTime("2021-05-31T22:00:00-02"), midnight);
    EXPECT_EQ(*parseDateTime("2021-06-01T00:00:00.9999Z"), midnight + 999);
}

TEST(DateTime, PartialDatesMeanTheLastDay) {
    EXPECT_EQ(formatDateTime(*parseDateTime("2004")), "2004-12-31T00:00:00.000Z");
    EXPECT_EQ(formatDateTime(*parseDateTime("2004-02")), "2004-02-29T00:00:00.000Z");
}

TEST(DateTime, RefusesMalformedText) {
    for (const char* bad : {"", "20", "2021-06-01T", "2021-06-01T25:00:00", "2021-06-01X", "2021-06-01T00:00:00+", "x"}) {
        EXPECT_FALSE(parseDateTime(bad)) << bad;
    }
}

TEST(PlusTime, ClampsMonthsToTheLastDay) {
    EXPECT_EQ(formatDateTime(plusTime(*parseDateTime("2024-01-31"), 1, TimeUnit::Month)), "2024-02-29T00:00:00.000Z");
    EXPECT_EQ(formatDateTime(plusTime(*parseDateTime("2024-02-29"), 1, TimeUnit::Year)), "2025-02-28T00:00:00.000Z");
    EXPECT_EQ(formatDateTime(plusTime(*parseDateTime("2024-03-31"), -1, TimeUnit::Month)), "2024-02-29T00:00:00.000Z");
}

TEST(PlusTime, AddsExactDaysAndHours) {
    EXPECT_EQ(formatDateTime(plusTime(*parseDateTime("2021-06-01"), 40, TimeUnit::Hour)), "2021-06-02T16:00:00.000Z");
    EXPECT_EQ(formatDateTime(plusTime(*parseDateTime("1970-01-01"), -1, TimeUnit::Day)), "1969-12-31T00:00:00.000Z");
}

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>

#include "geokg/core.hpp"

using geokg::DatePrecision;
using geokg::EventDate;

TEST_CASE("EventDate parses each precision", "[core][date]") {
  const auto year = EventDate::parse("2023");
  CHECK(year.precision == DatePrecision::Year);
  CHECK(year.iso() == "2023");
  CHECK(year.first_day() == 20230101);
  CHECK(year.last_day() == 20231231);

  const auto month = EventDate::parse("2024-02");
  CHECK(month.precision == DatePrecision::Month);
  CHECK(month.iso() == "2024-02");
  CHECK(month.first_day() == 20240201);
  CHECK(month.last_day() == 20240229);  // leap year

  const auto day = EventDate::parse("2023-09-05");
  CHECK(day.precision == DatePrecision::Day);
  CHECK(day.iso() == "2023-09-05");
  CHECK(day.first_day() == 20230905);
  CHECK(day.last_day() == 20230905);
}

TEST_CASE("EventDate rejects malformed and impossible dates", "[core][date]") {
  for (const char* bad : {"", "23", "2023-9-5", "2023/09/05", "2023-13", "2023-00", "2023-02-29",
                          "2023-04-31", "0000", "2023-09-05T10:00", "abcd", "2023-09-0x"}) {
    INFO(bad);
    CHECK_THROWS_AS(EventDate::parse(bad), geokg::ModelError);
  }
  CHECK_NOTHROW(EventDate::parse("2000-02-29"));
  CHECK_THROWS_AS(EventDate::parse("1900-02-29"), geokg::ModelError);
  CHECK_THROWS_WITH(EventDate::parse("2023-13"), Catch::Contains("\"2023-13\""));
}

namespace {

EventDate day(int year, int month, int d) {
  EventDate date;
  date.year = static_cast<std::int16_t>(year);
  date.month = static_cast<std::int8_t>(month);
  date.day = static_cast<std::int8_t>(d);
  return date;
}

}  // namespace

TEST_CASE("EventDate counts days since 1970-01-01", "[core][date]") {
  CHECK(EventDate::parse("1970-01-01").days_since_epoch() == 0);
  CHECK(EventDate::parse("1970-01-02").days_since_epoch() == 1);
  CHECK(EventDate::parse("1969-12-31").days_since_epoch() == -1);
  CHECK(EventDate::parse("2000-03-01").days_since_epoch() == 11017);
  CHECK(EventDate::parse("2023-09-05").days_since_epoch() == 19605);
  CHECK(EventDate::parse("0001-01-01").days_since_epoch() == -719162);
  CHECK(EventDate::parse("9999-12-31").days_since_epoch() == 2932896);

  CHECK(EventDate::from_days(0) == EventDate::parse("1970-01-01"));
  CHECK(EventDate::from_days(19605) == EventDate::parse("2023-09-05"));
  CHECK(EventDate::from_days(11016) == EventDate::parse("2000-02-29"));
  CHECK(EventDate::from_days(-719162) == EventDate::parse("0001-01-01"));
  CHECK(EventDate::from_days(2932896) == EventDate::parse("9999-12-31"));
  CHECK_THROWS_AS(EventDate::from_days(-719163), geokg::ModelError);
  CHECK_THROWS_AS(EventDate::from_days(2932897), geokg::ModelError);
}

TEST_CASE("EventDate day counts round-trip through every day of four centuries", "[core][date]") {
  // 1800..2199 holds both kinds of century year (1900 and 2100 are not leap
  // years, 2000 is). Walking the calendar by hand checks each day once.
  std::int64_t days = EventDate::parse("1800-01-01").days_since_epoch();
  int checked = 0;
  for (int year = 1800; year < 2200; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int d = 1; d <= EventDate::days_in_month(year, month); ++d, ++days) {
        const EventDate date = day(year, month, d);
        if (date.days_since_epoch() != days || !(EventDate::from_days(days) == date)) {
          FAIL_CHECK("mismatch at " << date.iso() << " (day " << days << ")");
        }
        ++checked;
      }
    }
  }
  CHECK(checked == 146097);  // a 400-year cycle
}

TEST_CASE("EventDate weekdays count from Monday", "[core][date]") {
  CHECK(EventDate::parse("1970-01-01").weekday() == 3);  // Thursday
  CHECK(EventDate::parse("2023-09-04").weekday() == 0);  // Monday
  CHECK(EventDate::parse("2023-09-05").weekday() == 1);  // Tuesday
  CHECK(EventDate::parse("2023-09-10").weekday() == 6);  // Sunday
  CHECK(EventDate::parse("2000-02-29").weekday() == 1);  // Tuesday
  CHECK(EventDate::parse("1969-12-28").weekday() == 6);  // Sunday, before the epoch
  CHECK(EventDate::parse("0001-01-01").weekday() == 0);  // Monday (proleptic)
  CHECK_THROWS_AS(EventDate::parse("2023-09").weekday(), geokg::ModelError);
}

TEST_CASE("EventDate adds days and months", "[core][date]") {
  const auto d = EventDate::parse("2023-09-05");
  CHECK(d.add_days(5).iso() == "2023-09-10");
  CHECK(d.add_days(-7).iso() == "2023-08-29");
  CHECK(d.add_days(365).iso() == "2024-09-04");  // across 2024-02-29
  CHECK(EventDate::parse("2023-12-31").add_days(1).iso() == "2024-01-01");

  CHECK(d.add_months(1).iso() == "2023-10-05");
  CHECK(d.add_months(-9).iso() == "2022-12-05");
  CHECK(d.add_months(-24).iso() == "2021-09-05");
  CHECK(EventDate::parse("2024-01-31").add_months(1).iso() == "2024-02-29");
  CHECK(EventDate::parse("2023-01-31").add_months(1).iso() == "2023-02-28");
  CHECK(EventDate::parse("2023-03-31").add_months(-1).iso() == "2023-02-28");
  CHECK(EventDate::parse("2023-07").add_months(-7).iso() == "2022-12");
  CHECK(EventDate::parse("2023-12").add_months(1).iso() == "2024-01");
  CHECK(EventDate::parse("2023-12").add_months(1).precision == DatePrecision::Month);

  CHECK_THROWS_AS(EventDate::parse("2023").add_months(1), geokg::ModelError);
  CHECK_THROWS_AS(EventDate::parse("2023-09").add_days(1), geokg::ModelError);
  CHECK_THROWS_AS(EventDate::parse("0001-01").add_months(-1), geokg::ModelError);
  CHECK_THROWS_AS(EventDate::parse("9999-12-31").add_days(1), geokg::ModelError);
  CHECK_THROWS_AS(d.add_days(std::numeric_limits<std::int64_t>::max()), geokg::ModelError);
}

TEST_CASE("EventDate checks dates made by hand", "[core][date]") {
  CHECK(day(2023, 9, 5).valid());
  CHECK(day(2024, 2, 29).valid());
  CHECK_FALSE(day(2023, 2, 29).valid());
  CHECK_FALSE(day(2023, 2, 30).valid());
  CHECK_FALSE(day(2023, 4, 31).valid());
  CHECK_FALSE(day(2023, 13, 1).valid());
  CHECK_FALSE(day(0, 1, 1).valid());
  CHECK_FALSE(day(2023, 0, 1).valid());
  EventDate month = day(2023, 9, 0);
  month.precision = DatePrecision::Month;
  CHECK(month.valid());
  month.day = 5;
  CHECK_FALSE(month.valid());  // a field below the precision is set
  CHECK(EventDate::days_in_month(1900, 2) == 28);
  CHECK(EventDate::days_in_month(2000, 2) == 29);
  CHECK(EventDate::days_in_month(2023, 13) == 0);
}

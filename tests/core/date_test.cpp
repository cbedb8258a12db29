#include <catch2/catch.hpp>

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

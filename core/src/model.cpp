#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "geokg/core.hpp"

namespace geokg {
namespace {

constexpr std::array<int, 13> kDaysInMonth{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Day counts of the years 1..9999, for the range checks of the day arithmetic.
constexpr std::int64_t kFirstDay = -719162;  // 0001-01-01
constexpr std::int64_t kLastDay = 2932896;   // 9999-12-31
// Days in a 400-year cycle of the Gregorian calendar (it repeats exactly).
constexpr std::int64_t kDaysPer400Years = 146097;
// 1970-01-01 counted from 0000-03-01, the start of the cycle below.
constexpr std::int64_t kEpochFromCycleStart = 719468;

[[noreturn]] void arithmetic_error(const EventDate& date, const char* why) {
  throw ModelError("date arithmetic on " + date.iso() + ": " + why);
}

void require_day(const EventDate& date) {
  if (date.precision != DatePrecision::Day) arithmetic_error(date, "requires a day-precision date");
}

// Parses exactly `width` ASCII digits at `pos`; -1 when they are not digits.
int digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

EventDate EventDate::parse(std::string_view text) {
  auto fail = [&](const char* why) -> EventDate {
    throw ModelError("invalid date \"" + std::string(text) + "\": " + why +
                     " (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  };
  EventDate date;
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return fail("wrong length");
  const int year = digits(text, 0, 4);
  if (year < 1) return fail("bad year");
  date.year = static_cast<std::int16_t>(year);
  date.precision = DatePrecision::Year;
  if (text.size() == 4) return date;
  if (text[4] != '-') return fail("expected '-' after the year");
  const int month = digits(text, 5, 2);
  if (month < 1 || month > 12) return fail("month out of range");
  date.month = static_cast<std::int8_t>(month);
  date.precision = DatePrecision::Month;
  if (text.size() == 7) return date;
  if (text[7] != '-') return fail("expected '-' after the month");
  const int day = digits(text, 8, 2);
  if (day < 1 || day > days_in_month(year, month)) return fail("day out of range for the month");
  date.day = static_cast<std::int8_t>(day);
  date.precision = DatePrecision::Day;
  return date;
}

std::string EventDate::iso() const {
  // By hand rather than snprintf: exports format a date per edge.
  char buffer[10];
  auto put = [&](int value, int at, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) buffer[at + i] = static_cast<char>('0' + value % 10);
  };
  put(year, 0, 4);
  if (precision == DatePrecision::Year) return std::string(buffer, 4);
  buffer[4] = '-';
  put(month, 5, 2);
  if (precision == DatePrecision::Month) return std::string(buffer, 7);
  buffer[7] = '-';
  put(day, 8, 2);
  return std::string(buffer, 10);
}

std::int32_t EventDate::first_day() const {
  const int m = precision == DatePrecision::Year ? 1 : month;
  const int d = precision == DatePrecision::Day ? day : 1;
  return year * 10000 + m * 100 + d;
}

std::int32_t EventDate::last_day() const {
  const int m = precision == DatePrecision::Year ? 12 : month;
  const int d = precision == DatePrecision::Day ? day : days_in_month(year, m);
  return year * 10000 + m * 100 + d;
}

int EventDate::days_in_month(int year, int month) {
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap(year) ? 29 : kDaysInMonth[static_cast<std::size_t>(month)];
}

bool EventDate::valid() const {
  if (year < 1 || year > 9999) return false;
  switch (precision) {
    case DatePrecision::Year:
      return month == 0 && day == 0;
    case DatePrecision::Month:
      return month >= 1 && month <= 12 && day == 0;
    case DatePrecision::Day:
      return day >= 1 && day <= days_in_month(year, month);
  }
  return false;
}

// The calendar is counted in 400-year cycles that start on 1 March, so the
// leap day is the last day of its year and month lengths from March on
// follow one formula: the first day of the m-th month after March is
// (153 * m + 2) / 5 (31, 30, 31, 30, 31 days repeating).
std::int64_t EventDate::days_since_epoch() const {
  require_day(*this);
  const int march_year = year - (month <= 2 ? 1 : 0);  // >= 0 for years 1..9999
  const int cycle = march_year / 400;
  const int year_of_cycle = march_year - cycle * 400;
  const int month_from_march = month >= 3 ? month - 3 : month + 9;
  const int day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
  const std::int64_t day_of_cycle =
      year_of_cycle * 365 + year_of_cycle / 4 - year_of_cycle / 100 + day_of_year;
  return cycle * kDaysPer400Years + day_of_cycle - kEpochFromCycleStart;
}

EventDate EventDate::from_days(std::int64_t days) {
  if (days < kFirstDay || days > kLastDay) {
    throw ModelError("date arithmetic: day " + std::to_string(days) +
                     " since 1970-01-01 is outside the years 1..9999");
  }
  const std::int64_t from_start = days + kEpochFromCycleStart;  // > 0 in range
  const std::int64_t cycle = from_start / kDaysPer400Years;
  const std::int64_t day_of_cycle = from_start - cycle * kDaysPer400Years;
  // Undo the leap days: one every 4 years (1460 days), none every 100
  // (36524 days), but one in the cycle's last day (146096).
  const std::int64_t year_of_cycle =
      (day_of_cycle - day_of_cycle / 1460 + day_of_cycle / 36524 - day_of_cycle / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_cycle - (365 * year_of_cycle + year_of_cycle / 4 - year_of_cycle / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
  const auto month =
      static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  EventDate date;
  date.year = static_cast<std::int16_t>(cycle * 400 + year_of_cycle + (month <= 2 ? 1 : 0));
  date.month = static_cast<std::int8_t>(month);
  date.day = static_cast<std::int8_t>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  date.precision = DatePrecision::Day;
  return date;
}

EventDate EventDate::add_days(std::int64_t days) const {
  const std::int64_t base = days_since_epoch();
  // Far out of range either way; keeps the sum from overflowing.
  if (days < -2 * kLastDay || days > 2 * kLastDay) arithmetic_error(*this, "result out of range");
  return from_days(base + days);
}

int EventDate::weekday() const {
  // 1970-01-01 was a Thursday (3).
  return static_cast<int>(((days_since_epoch() % 7) + 7 + 3) % 7);
}

EventDate EventDate::add_months(int months) const {
  if (precision == DatePrecision::Year) arithmetic_error(*this, "requires a month or a day");
  const std::int64_t index = std::int64_t{year} * 12 + (month - 1) + months;
  if (index < 12 || index >= 10000 * 12) arithmetic_error(*this, "result out of range");
  EventDate date = *this;
  date.year = static_cast<std::int16_t>(index / 12);
  date.month = static_cast<std::int8_t>(index % 12 + 1);
  if (precision == DatePrecision::Day) {
    date.day = static_cast<std::int8_t>(std::min<int>(day, days_in_month(date.year, date.month)));
  }
  return date;
}

std::string_view to_string(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::Year: return "year";
    case DatePrecision::Month: return "month";
    case DatePrecision::Day: return "day";
  }
  return "day";
}

std::string_view to_string(QuadClass quad) {
  switch (quad) {
    case QuadClass::VerbalCooperation: return "verbal cooperation";
    case QuadClass::MaterialCooperation: return "material cooperation";
    case QuadClass::VerbalConflict: return "verbal conflict";
    case QuadClass::MaterialConflict: return "material conflict";
  }
  return "verbal cooperation";
}

std::string_view to_string(ActorType type) {
  switch (type) {
    case ActorType::Person: return "person";
    case ActorType::Organization: return "organization";
    case ActorType::Country: return "country";
    case ActorType::Place: return "place";
    case ActorType::Group: return "group";
    case ActorType::Unknown: return "unknown";
  }
  return "unknown";
}

ActorType parse_actor_type(std::string_view text) {
  for (auto type : {ActorType::Person, ActorType::Organization, ActorType::Country,
                    ActorType::Place, ActorType::Group, ActorType::Unknown}) {
    if (to_string(type) == text) return type;
  }
  throw ModelError("unknown actor type \"" + std::string(text) +
                   "\" (expected person, organization, country, place, group or unknown)");
}

std::string_view to_string(Modality modality) {
  switch (modality) {
    case Modality::Asserted: return "asserted";
    case Modality::Reported: return "reported";
    case Modality::Intended: return "intended";
    case Modality::Hypothetical: return "hypothetical";
  }
  return "asserted";
}

Modality parse_modality(std::string_view text) {
  for (auto modality :
       {Modality::Asserted, Modality::Reported, Modality::Intended, Modality::Hypothetical}) {
    if (to_string(modality) == text) return modality;
  }
  throw ModelError("unknown modality \"" + std::string(text) +
                   "\" (expected asserted, reported, intended or hypothetical)");
}

std::string make_key(std::string_view name) {
  std::string key;
  bool pending_hyphen = false;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(name.data());
  auto remaining = static_cast<utf8proc_ssize_t>(name.size());
  while (remaining > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t used = utf8proc_iterate(bytes, remaining, &cp);
    if (used <= 0) {  // invalid byte: skip it, it never belongs in a key
      used = 1;
      cp = -1;
    }
    bytes += used;
    remaining -= used;
    const auto category = cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
    // Letters, decimal digits and combining marks: all XML name characters.
    const bool letter_or_digit =
        (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
        category == UTF8PROC_CATEGORY_ND || category == UTF8PROC_CATEGORY_MN;
    if (!letter_or_digit) {
      pending_hyphen = !key.empty();
      continue;
    }
    if (pending_hyphen) key += '-';
    pending_hyphen = false;
    utf8proc_uint8_t encoded[4];
    const auto length = utf8proc_encode_char(utf8proc_tolower(cp), encoded);
    key.append(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(length));
  }
  return key;
}

}  // namespace geokg

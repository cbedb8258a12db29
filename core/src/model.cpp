#include <utf8proc.h>

#include <array>
#include <cstdio>

#include "geokg/core.hpp"

namespace geokg {
namespace {

constexpr std::array<int, 13> kDaysInMonth{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  return month == 2 && is_leap(year) ? 29 : kDaysInMonth.at(static_cast<std::size_t>(month));
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

// Publication dates as metadata writes them: ISO dates and timestamps,
// English month names, RFC 2822. The date is taken as written: a timestamp's
// time zone never moves it to another day.
#include <algorithm>
#include <cstdio>

#include "readers/encoding.hpp"
#include "readers/readers.hpp"

namespace geokg::readers {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string_view trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

// Leading decimal digits of `text`.
std::string_view digits_at(std::string_view text) {
  const auto end = std::find_if_not(text.begin(), text.end(), is_digit);
  return text.substr(0, static_cast<std::size_t>(end - text.begin()));
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// The date at `precision`, its calendar checked by EventDate::parse
// (2023-02-29 is rejected). Fields below the precision are ignored.
std::optional<EventDate> make_date(DatePrecision precision, int year, int month = 0, int day = 0) {
  char iso[16];
  switch (precision) {
    case DatePrecision::Year:
      std::snprintf(iso, sizeof iso, "%04d", year);
      break;
    case DatePrecision::Month:
      if (month < 1 || month > 12) return std::nullopt;
      std::snprintf(iso, sizeof iso, "%04d-%02d", year, month);
      break;
    case DatePrecision::Day:
      if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
      break;
  }
  try {
    return EventDate::parse(iso);
  } catch (const ModelError&) {
    return std::nullopt;
  }
}

// What may follow a date: nothing, or a time ("T14:03:00Z", " 14:03",
// " 2:03 p.m. EDT", "T14:03:00.5+03:00").
bool is_time_suffix(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest.front() != 'T' && rest.front() != 't' && rest.front() != ' ') return false;
  rest = trim(rest.substr(1));
  if (rest.empty() || !is_digit(rest.front())) return false;
  return std::all_of(rest.begin(), rest.end(), [](char c) {
    return is_digit(c) || is_alpha(c) || c == ':' || c == '.' || c == ',' || c == '+' || c == '-' ||
           c == ' ' || c == '(' || c == ')';
  });
}

// "2023-09-05", "2023/09/05", "2023-09", "2023", "20230905", each with an
// optional time. Day-first and month-first numeric dates ("05/09/2023") are
// ambiguous and refused.
std::optional<EventDate> parse_numeric(std::string_view text) {
  const auto year = digits_at(text);
  if (year.size() == 8) {
    if (!is_time_suffix(text.substr(8))) return std::nullopt;
    return make_date(DatePrecision::Day, to_int(year.substr(0, 4)), to_int(year.substr(4, 2)),
                     to_int(year.substr(6, 2)));
  }
  if (year.size() != 4) return std::nullopt;
  auto rest = text.substr(4);
  if (rest.empty()) return make_date(DatePrecision::Year, to_int(year));
  const char separator = rest.front();
  if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
  rest.remove_prefix(1);
  const auto month = digits_at(rest);
  if (month.empty() || month.size() > 2) return std::nullopt;
  rest.remove_prefix(month.size());
  if (rest.empty()) return make_date(DatePrecision::Month, to_int(year), to_int(month));
  if (rest.front() != separator) return std::nullopt;
  rest.remove_prefix(1);
  const auto day = digits_at(rest);
  if (day.empty() || day.size() > 2) return std::nullopt;
  rest.remove_prefix(day.size());
  if (!is_time_suffix(rest)) return std::nullopt;
  return make_date(DatePrecision::Day, to_int(year), to_int(month), to_int(day));
}

// 1..12 for an English month name or abbreviation ("Sept"), else 0.
int month_number(std::string_view word) {
  static const std::pair<std::string_view, int> kMonths[] = {
      {"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
      {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
      {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
      {"september", 9}, {"sept", 9},  {"sep", 9},       {"october", 10}, {"oct", 10},
      {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},
  };
  const auto lower = ascii_lower(word);
  for (const auto& [name, number] : kMonths) {
    if (lower == name) return number;
  }
  return 0;
}

bool is_weekday(std::string_view word) {
  static const std::string_view kDays[] = {
      "monday", "mon",   "tuesday", "tue", "tues",     "wednesday", "wed",    "thursday", "thu",
      "thur",   "thurs", "friday",  "fri", "saturday", "sat",       "sunday", "sun",
  };
  const auto lower = ascii_lower(word);
  return std::find(std::begin(kDays), std::end(kDays), lower) != std::end(kDays);
}

// A day of the month: "5", "05", "5th", "1st", "22nd", "3rd"; 0 otherwise.
int day_number(std::string_view word) {
  const auto digits = digits_at(word);
  if (digits.empty() || digits.size() > 2) return 0;
  const auto suffix = ascii_lower(word.substr(digits.size()));
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    return 0;
  }
  return to_int(digits);
}

bool is_year(std::string_view word) {
  return word.size() == 4 && digits_at(word).size() == 4;
}

// Words separated by spaces and commas; a period ending a word is dropped
// ("Sept." is "Sept").
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size() && words.size() < 12) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) ++i;
    const auto start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '\t') ++i;
    auto word = text.substr(start, i - start);
    if (word.size() > 1 && word.back() == '.') word.remove_suffix(1);
    if (!word.empty()) words.push_back(word);
  }
  return words;
}

// "September 5, 2023", "Sept. 5, 2023", "5 September 2023", "5th of
// September 2023", "Tue, 05 Sep 2023 14:03:00 GMT", "September 2023", each
// with an optional weekday before and a time after.
std::optional<EventDate> parse_words(std::string_view text) {
  const auto words = words_of(text);
  std::size_t i = 0;
  if (i < words.size() && is_weekday(words[i])) ++i;
  int year = 0;
  int month = 0;
  int day = 0;
  if (i + 1 < words.size() && (month = month_number(words[i])) != 0) {
    if (is_year(words[i + 1])) {
      year = to_int(words[i + 1]);
      i += 2;
    } else if (i + 2 < words.size() && (day = day_number(words[i + 1])) != 0 &&
               is_year(words[i + 2])) {
      year = to_int(words[i + 2]);
      i += 3;
    } else {
      return std::nullopt;
    }
  } else if (i + 2 < words.size() && (day = day_number(words[i])) != 0) {
    std::size_t next = i + 1;
    if (ascii_lower(words[next]) == "of") ++next;
    if (next + 1 >= words.size() || (month = month_number(words[next])) == 0 ||
        !is_year(words[next + 1])) {
      return std::nullopt;
    }
    year = to_int(words[next + 1]);
    i = next + 2;
  } else {
    return std::nullopt;
  }
  // Only a time may follow: "14:03:00 GMT", "at 2:03 p.m.".
  if (i < words.size()) {
    const auto next = words[i];
    if (!is_digit(next.front()) && ascii_lower(next) != "at") return std::nullopt;
  }
  if (day == 0) return make_date(DatePrecision::Month, year, month);  // "September 2023"
  return make_date(DatePrecision::Day, year, month, day);
}

}  // namespace

std::optional<EventDate> parse_publication_date(std::string_view text) {
  text = trim(text);
  // Metadata dates are short; anything long is prose, not a date.
  if (text.empty() || text.size() > 80) return std::nullopt;
  if (is_digit(text.front())) {
    if (digits_at(text).size() <= 2) return parse_words(text);  // "5 September 2023"
    return parse_numeric(text);
  }
  return parse_words(text);
}

}  // namespace geokg::readers

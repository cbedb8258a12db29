// Date expressions. The finder walks the sentence once; a token starts a
// match only when it is an anchor (a month or weekday name, a relative word
// such as "today" or "year", "ago", a four-digit number or an ISO date), and
// the anchor's matcher then looks back for modifiers ("last", "early", a day
// number) and ahead for a day and a year. Most tokens are rejected by their
// length and first letter before any string comparison.
#include "events/dates.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <utility>

namespace geokg::events {
namespace {

using text::Token;
using text::TokenKind;

bool in_list(std::string_view word, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// What an anchor word is.
enum class Anchor : std::uint8_t {
  None,
  Month,      // value: 1..12
  Weekday,    // value: 0 (Monday) .. 6 (Sunday)
  Today,      // "today", "tonight"
  Yesterday,  //
  Tomorrow,   //
  Week,       // the units of "last week", "this month", "next year"
  MonthUnit,  //
  YearUnit,   //
  Ago,        // "three days ago"
};

// Anchor flags.
constexpr std::uint8_t kCommonWord = 1;  // May, March, August: ordinary words too
constexpr std::uint8_t kShortMonth = 2;  // "jan", "sept": an abbreviation

struct Trigger {
  Anchor anchor = Anchor::None;
  std::uint8_t value = 0;
  std::uint8_t flags = 0;
};

constexpr Trigger month_anchor(int m, std::uint8_t flags = 0) {
  return {Anchor::Month, static_cast<std::uint8_t>(m), flags};
}
constexpr Trigger weekday_anchor(int d) {
  return {Anchor::Weekday, static_cast<std::uint8_t>(d), 0};
}

// The anchor a folded word is, if any; `word` has no final period. A switch
// on the first letter keeps the common words ("the", "to", "said") to one
// or two comparisons.
Trigger anchor_of(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return {};
  switch (w[0]) {
    case 'a':
      if (w == "april") return month_anchor(4);
      if (w == "apr") return month_anchor(4, kShortMonth);
      if (w == "august") return month_anchor(8, kCommonWord);
      if (w == "aug") return month_anchor(8, kShortMonth);
      if (w == "ago") return {Anchor::Ago};
      break;
    case 'd':
      if (w == "december") return month_anchor(12);
      if (w == "dec") return month_anchor(12, kShortMonth);
      break;
    case 'f':
      if (w == "february") return month_anchor(2);
      if (w == "feb") return month_anchor(2, kShortMonth);
      if (w == "friday") return weekday_anchor(4);
      break;
    case 'j':
      if (w == "january") return month_anchor(1);
      if (w == "jan") return month_anchor(1, kShortMonth);
      if (w == "june") return month_anchor(6);
      if (w == "jun") return month_anchor(6, kShortMonth);
      if (w == "july") return month_anchor(7);
      if (w == "jul") return month_anchor(7, kShortMonth);
      break;
    case 'm':
      if (w == "march") return month_anchor(3, kCommonWord);
      if (w == "mar") return month_anchor(3, kShortMonth);
      if (w == "may") return month_anchor(5, kCommonWord);
      if (w == "monday") return weekday_anchor(0);
      if (w == "month") return {Anchor::MonthUnit};
      break;
    case 'n':
      if (w == "november") return month_anchor(11);
      if (w == "nov") return month_anchor(11, kShortMonth);
      break;
    case 'o':
      if (w == "october") return month_anchor(10);
      if (w == "oct") return month_anchor(10, kShortMonth);
      break;
    case 's':
      if (w == "september") return month_anchor(9);
      if (w == "sept" || w == "sep") return month_anchor(9, kShortMonth);
      if (w == "saturday") return weekday_anchor(5);
      if (w == "sunday") return weekday_anchor(6);
      break;
    case 't':
      if (w.size() < 5) break;  // "the", "that", "this", "to"
      if (w == "tuesday") return weekday_anchor(1);
      if (w == "thursday") return weekday_anchor(3);
      if (w == "today" || w == "tonight") return {Anchor::Today};
      if (w == "tomorrow") return {Anchor::Tomorrow};
      break;
    case 'w':
      if (w == "wednesday") return weekday_anchor(2);
      if (w == "week") return {Anchor::Week};
      break;
    case 'y':
      if (w == "yesterday") return {Anchor::Yesterday};
      if (w == "year") return {Anchor::YearUnit};
      break;
    default:
      break;
  }
  return {};
}

// The value of exactly four ASCII digits, or -1.
int four_digits(std::string_view w) {
  if (w.size() != 4) return -1;
  int value = 0;
  for (const char c : w) {
    if (!is_digit(c)) return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// A day of the month as news writes it: "5", "25", "25th", "1st"; a range
// "25-26" gives its first day and `range`. Day 0 when it is none of these.
struct DayNumber {
  int day = 0;
  bool range = false;
};

DayNumber day_number(std::string_view w) {
  auto digits = [&](std::size_t& k) {
    int value = 0;
    const std::size_t start = k;
    while (k < w.size() && k - start < 2 && is_digit(w[k])) value = value * 10 + (w[k++] - '0');
    return k == start ? 0 : value;
  };
  std::size_t k = 0;
  const int day = digits(k);
  if (day < 1 || day > 31) return {};
  const std::string_view rest = w.substr(k);
  if (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th") return {day};
  if (rest.front() != '-') return {};
  ++k;
  const int last = digits(k);
  if (k != w.size() || last <= day || last > 31) return {};
  return {day, true};
}

// Small count words of "three days ago"; 0 for anything else.
int count_word(std::string_view w) {
  static constexpr std::array<std::string_view, 13> kCounts{
      "zero",  "one",   "two",  "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  if (w == "a" || w == "an") return 1;
  const auto it = std::find(kCounts.begin(), kCounts.end(), w);
  return it == kCounts.end() ? 0 : static_cast<int>(it - kCounts.begin());
}

// Nouns that make a year-looking number a count ("1991 troops").
bool is_count_noun(std::string_view w) {
  static constexpr std::array<std::string_view, 56> kNouns{
      "troops",    "soldiers",   "people",     "civilians",  "residents", "refugees", "migrants",
      "workers",   "men",        "women",      "children",   "members",   "votes",    "voters",
      "deaths",    "dead",       "cases",      "casualties", "prisoners", "hostages", "fighters",
      "militants", "officers",   "police",     "personnel",  "tons",      "tonnes",   "barrels",
      "km",        "kilometres", "kilometers", "miles",      "metres",    "meters",   "feet",
      "dollars",   "euros",      "pounds",     "rubles",     "roubles",   "yuan",     "yen",
      "percent",   "per",        "%",          "hectares",   "acres",     "units",    "vehicles",
      "tanks",     "missiles",   "drones",     "rockets",    "aircraft",  "homes",    "families"};
  return in_list(w, kNouns);
}

// How a month, day or weekday without a year is placed around P.
enum class Direction : std::uint8_t {
  PastOrSame,    // the most recent one on or before P
  FutureOrSame,  // the next one on or after P
  Past,          // "last July": strictly before
  Future,        // "next July": strictly after
  Same,          // "this July": P's year
};

// Builds a date; nullopt when it is not a real calendar date.
std::optional<EventDate> make_date(int year, int month, int day) {
  if (year < 1 || year > 9999) return std::nullopt;
  EventDate date;
  date.year = static_cast<std::int16_t>(year);
  date.month = static_cast<std::int8_t>(month);
  date.day = static_cast<std::int8_t>(day);
  date.precision =
      day != 0 ? DatePrecision::Day : (month != 0 ? DatePrecision::Month : DatePrecision::Year);
  if (!date.valid()) return std::nullopt;
  return date;
}

// The month (day 0) or day in `month` nearest P in `direction`. Whole
// ranges are compared, so P known only to the month or year works too. Eight
// years reach back or forward to a 29 February.
std::optional<EventDate> place_in_year(const EventDate& p, int month, int day,
                                       Direction direction) {
  if (direction == Direction::Same) return make_date(p.year, month, day);
  const bool past = direction == Direction::PastOrSame || direction == Direction::Past;
  for (int step = 0; step <= 8; ++step) {
    const auto candidate = make_date(past ? p.year - step : p.year + step, month, day);
    if (!candidate) continue;
    const bool fits = [&] {
      switch (direction) {
        case Direction::PastOrSame:
          return candidate->first_day() <= p.last_day();
        case Direction::FutureOrSame:
          return candidate->last_day() >= p.first_day();
        case Direction::Past:
          return candidate->last_day() < p.first_day();
        case Direction::Future:
          return candidate->first_day() > p.last_day();
        case Direction::Same:
          break;
      }
      return true;
    }();
    if (fits) return candidate;
  }
  return std::nullopt;
}

EventDate month_of(const EventDate& date) {
  EventDate out = date;
  out.day = 0;
  out.precision = DatePrecision::Month;
  return out;
}

class Finder {
 public:
  Finder(std::string_view text, const std::vector<Token>& tokens, const text::Sentence& sentence,
         const std::optional<EventDate>& published)
      : text_(text),
        tokens_(tokens),
        begin_(sentence.first_token),
        end_(
            std::min<std::uint32_t>(sentence.end_token, static_cast<std::uint32_t>(tokens.size()))),
        published_(published),
        floor_(begin_),
        cue_scanned_(begin_) {}

  std::vector<DateExpression> run() {
    for (std::uint32_t i = begin_; i < end_;) {
      std::optional<Match> match;
      try {
        match = match_at(i);
      } catch (const ModelError&) {
        // Arithmetic past the years 1..9999 (a publication date near the
        // ends of the calendar): no date here.
      }
      if (!match) {
        ++i;
        continue;
      }
      if (match->date) out_.push_back({match->first, match->end, *match->date, match->relative});
      i = floor_ = match->end;
    }
    return std::move(out_);
  }

 private:
  // Tokens [first, end) read as one expression. No date: the tokens are a
  // date expression that cannot be resolved (no publication date, an
  // impossible day) and are skipped.
  struct Match {
    std::uint32_t first = 0;
    std::uint32_t end = 0;
    std::optional<EventDate> date;
    bool relative = false;
  };

  // The token `n` before `i` when a match may reach it (not before the
  // sentence or into the previous match), else nullptr.
  const Token* back(std::uint32_t i, std::uint32_t n) const {
    return i >= floor_ + n ? &tokens_[i - n] : nullptr;
  }
  std::string_view back_word(std::uint32_t i, std::uint32_t n) const {
    const Token* t = back(i, n);
    return t ? std::string_view(t->folded) : std::string_view();
  }
  const Token* ahead(std::uint32_t i, std::uint32_t n) const {
    return i + n < end_ ? &tokens_[i + n] : nullptr;
  }
  std::string_view ahead_word(std::uint32_t i, std::uint32_t n) const {
    const Token* t = ahead(i, n);
    return t ? std::string_view(t->folded) : std::string_view();
  }

  std::optional<EventDate> day_published() const {
    if (!published_ || published_->precision != DatePrecision::Day) return std::nullopt;
    return published_;
  }
  std::optional<EventDate> month_published() const {
    if (!published_ || published_->precision == DatePrecision::Year) return std::nullopt;
    return month_of(*published_);
  }

  std::optional<Match> match_at(std::uint32_t i) {
    const Token& t = tokens_[i];
    const std::string_view w = t.folded;
    if (t.kind == TokenKind::Number) {
      if (w.size() == 4) return match_year(i);
      if (w.size() == 10) return match_iso(i);
      return std::nullopt;
    }
    if (t.kind != TokenKind::Word || w.size() < 3) return std::nullopt;
    if (w[0] == 'm' && w.size() > 4 && w.starts_with("mid-")) return match_mid(i);
    const bool period = w.back() == '.';
    const Trigger trigger = anchor_of(period ? w.substr(0, w.size() - 1) : w);
    switch (trigger.anchor) {
      case Anchor::None:
        return std::nullopt;
      case Anchor::Month:
        return match_month(i, trigger, period, false);
      case Anchor::Weekday:
        return match_weekday(i, trigger.value);
      case Anchor::Today:
      case Anchor::Yesterday:
      case Anchor::Tomorrow:
        return match_day_word(i, trigger.anchor);
      case Anchor::Week:
      case Anchor::MonthUnit:
      case Anchor::YearUnit:
        return match_unit(i, trigger.anchor);
      case Anchor::Ago:
        return match_ago(i);
    }
    return std::nullopt;
  }

  // A year written after a month or day: four digits in 1000..2100 (after
  // a comma 1900..2100), not followed by a count noun ("June 5, 1500
  // people"). Returns 0 when token `i` is none.
  int attached_year(std::uint32_t i, bool after_comma) const {
    const Token* t = i < end_ ? &tokens_[i] : nullptr;
    if (!t || t->kind != TokenKind::Number) return 0;
    const int year = four_digits(t->folded);
    if (year < (after_comma ? 1900 : 1000) || year > 2100) return 0;
    if (is_count_noun(ahead_word(i, 1))) return 0;
    return year;
  }

  // The year at `j` after a day ("2019", ", 2019") or a month ("2019",
  // "of 2019"): the index after it and the year, or {j, 0}.
  std::pair<std::uint32_t, int> year_after(std::uint32_t j, bool after_day) const {
    if (j >= end_) return {j, 0};
    if (const int year = attached_year(j, false)) return {j + 1, year};
    const std::string_view w = tokens_[j].folded;
    if (after_day ? w == "," : w == "of") {
      if (const int year = attached_year(j + 1, after_day)) return {j + 2, year};
    }
    return {j, 0};
  }

  // "last year", "this year", "next year" at `j`: the year offset, or
  // nothing.
  std::optional<int> year_word_after(std::uint32_t j) const {
    if (ahead_word(j, 1) != "year" || j >= end_) return std::nullopt;
    const std::string_view w = tokens_[j].folded;
    if (w == "last") return -1;
    if (w == "this") return 0;
    if (w == "next") return 1;
    return std::nullopt;
  }

  // A month name at `i` and what goes with it. `period`: the token has its
  // abbreviation period; `prefixed`: the token is "mid-July".
  std::optional<Match> match_month(std::uint32_t i, Trigger trigger, bool period, bool prefixed) {
    const Token& t = tokens_[i];
    if (!prefixed && !(t.flags & text::kCapitalized)) return std::nullopt;
    const int m = trigger.value;
    Match match{i, i + 1, std::nullopt, false};
    std::uint32_t j = i + 1;
    // "Sept" whose period the tokenizer left as its own token.
    if ((trigger.flags & kShortMonth) && !period && t.end < text_.size() && text_[t.end] == '.') {
      period = true;
      if (j < end_ && tokens_[j].begin == t.end) ++j;
    }

    // Forward: a day, then a year ("April 25, 2019", "April 2019").
    DayNumber day;
    if (j < end_) day = day_number(tokens_[j].folded);
    if (day.day != 0 && is_count_noun(ahead_word(j, 1))) day = {};
    if (day.day != 0) ++j;
    auto [after_year, year] = year_after(j, day.day != 0);
    j = after_year;
    // Backward: "25 April", "25th of April".
    if (day.day == 0 && !prefixed) {
      if (const Token* d = back(i, 1); d && (day = day_number(d->folded)).day != 0) {
        match.first = i - 1;
      } else if (back_word(i, 1) == "of" && back(i, 2) &&
                 (day = day_number(back(i, 2)->folded)).day != 0) {
        match.first = i - 2;
      }
    }
    std::optional<int> year_offset;
    if (year == 0 && (year_offset = year_word_after(j))) j += 2;
    const bool bare = day.day == 0 && year == 0 && !year_offset;

    // An abbreviation without its period is a name unless a number follows.
    if ((trigger.flags & kShortMonth) && !period && (day.day == 0 || match.first < i) && !year) {
      return std::nullopt;
    }
    // Modifiers before the month (or before its day).
    Direction direction = Direction::PastOrSame;
    bool direction_set = false;
    std::string_view before;
    if (!prefixed) {
      before = back_word(match.first, 1);
      if (before == "early" || before == "late" || before == "mid") {
        --match.first;
      } else if (before == "last" || before == "next" || before == "this") {
        direction = before == "last" ? Direction::Past
                                     : (before == "next" ? Direction::Future : Direction::Same);
        direction_set = true;
        --match.first;
      }
    }
    if (bare && !prefixed && !bare_month_fits(i, m, trigger.flags, match.first < i)) {
      return std::nullopt;
    }
    match.end = j;

    const int d = day.range ? 0 : day.day;
    if (year != 0) {
      match.date = make_date(year, m, d);
      return match;
    }
    match.relative = true;
    if (year_offset) {
      if (published_) match.date = make_date(published_->year + *year_offset, m, d);
      return match;
    }
    if (!published_) return match;
    if (!direction_set && future_before(match.first)) direction = Direction::FutureOrSame;
    match.date = place_in_year(*published_, m, d, direction);
    return match;
  }

  // Whether a month name alone at `i` (no day, no year) is the month.
  // Without a modifier ("early", "last") or a word that introduces a time
  // before it, May, March and August are ordinary words and any month
  // before a capitalised word is a name ("April Ryan", "the July
  // Revolution"). May must also end its phrase ("in May's cabinet").
  bool bare_month_fits(std::uint32_t i, int m, std::uint8_t flags, bool modified) const {
    if (!modified && !introduces_time(i, m)) {
      if (flags & kCommonWord) return false;
      const Token* next = ahead(i, 1);
      if (next && next->kind == TokenKind::Word && (next->flags & text::kCapitalized)) return false;
    }
    if (m != 5) return true;
    const Token* next = ahead(i, 1);
    if (!next || next->kind == TokenKind::Punct) return true;
    static constexpr std::array<std::string_view, 6> kFollowers{"and",   "or",   "to",
                                                                "until", "when", "after"};
    return in_list(next->folded, kFollowers);
  }

  // Whether the words before the month at `i` make it a time: "in July",
  // "since March", "the end of May" ("of" alone is enough but for May).
  bool introduces_time(std::uint32_t i, int m) const {
    static constexpr std::array<std::string_view, 8> kIntroducers{
        "in", "since", "until", "till", "during", "by", "from", "through"};
    static constexpr std::array<std::string_view, 5> kParts{"end", "beginning", "start", "middle",
                                                            "rest"};
    const std::string_view intro = back_word(i, 1);
    if (in_list(intro, kIntroducers)) return true;
    return intro == "of" && (m != 5 || in_list(back_word(i, 2), kParts));
  }

  // "mid-July", "mid-2022".
  std::optional<Match> match_mid(std::uint32_t i) {
    const Token& t = tokens_[i];
    const std::string_view rest = std::string_view(t.folded).substr(4);
    if (const int year = four_digits(rest); year >= 1000 && year <= 2100) {
      return Match{i, i + 1, make_date(year, 0, 0), false};
    }
    const Trigger trigger = anchor_of(rest);
    if (trigger.anchor != Anchor::Month || (trigger.flags & kShortMonth)) return std::nullopt;
    // The month part must be capitalised in the text ("mid-July").
    const std::size_t at = t.begin + 4;
    if (at >= t.end || text_[at] < 'A' || text_[at] > 'Z') return std::nullopt;
    return match_month(i, trigger, false, true);
  }

  std::optional<Match> match_weekday(std::uint32_t i, int day) {
    const Token& t = tokens_[i];
    if (!(t.flags & text::kCapitalized)) return std::nullopt;
    // Names: "Black Friday", "Super Tuesday", "the Sunday Times".
    static constexpr std::array<std::string_view, 10> kNamesBefore{
        "black", "good", "bloody", "super", "ash", "easter", "palm", "holy", "cyber", "maundy"};
    static constexpr std::array<std::string_view, 6> kNamesAfter{
        "times", "telegraph", "mirror", "express", "herald", "observer"};
    if (const Token* b = i > begin_ ? &tokens_[i - 1] : nullptr;
        b && (b->flags & text::kCapitalized) && in_list(b->folded, kNamesBefore)) {
      return std::nullopt;
    }
    if (const Token* a = ahead(i, 1);
        a && (a->flags & text::kCapitalized) && in_list(a->folded, kNamesAfter)) {
      return std::nullopt;
    }
    Match match{i, i + 1, std::nullopt, false};
    Direction direction = Direction::PastOrSame;
    bool direction_set = false;
    const std::string_view before = back_word(i, 1);
    if (before == "last" || before == "next") {
      direction = before == "last" ? Direction::Past : Direction::Future;
      direction_set = true;
      --match.first;
    } else if (before == "this") {
      --match.first;
    }
    // "Tuesday, Sept. 5": the explicit date wins.
    std::uint32_t j = i + 1;
    if (ahead_word(i, 1) == ",") ++j;
    if (j < end_ && tokens_[j].kind == TokenKind::Word) {
      const std::string_view w = tokens_[j].folded;
      const bool period = !w.empty() && w.back() == '.';
      const Trigger trigger = anchor_of(period ? w.substr(0, w.size() - 1) : w);
      if (trigger.anchor == Anchor::Month) {
        const std::uint32_t saved = floor_;
        floor_ = j;
        auto dated = match_month(j, trigger, period, false);
        floor_ = saved;
        if (dated && dated->end > j + 1 && dated->date &&
            dated->date->precision == DatePrecision::Day) {
          dated->first = match.first;
          return dated;
        }
      }
    }
    match.relative = true;
    const auto p = day_published();
    if (!p) return match;
    if (!direction_set && future_before(match.first)) direction = Direction::FutureOrSame;
    const int today = p->weekday();
    int offset = 0;
    switch (direction) {
      case Direction::PastOrSame:
      case Direction::Same:
        offset = -((today - day + 7) % 7);
        break;
      case Direction::Past:
        offset = -((today - day + 6) % 7 + 1);
        break;
      case Direction::FutureOrSame:
        offset = (day - today + 7) % 7;
        break;
      case Direction::Future:
        offset = (day - today + 6) % 7 + 1;
        break;
    }
    match.date = p->add_days(offset);
    return match;
  }

  // today, tonight, yesterday, tomorrow. Capitalised inside a sentence they
  // are names ("USA Today").
  std::optional<Match> match_day_word(std::uint32_t i, Anchor anchor) {
    const Token& t = tokens_[i];
    if ((t.flags & text::kCapitalized) && !(t.flags & text::kSentenceStart) && i > begin_ &&
        tokens_[i - 1].kind != TokenKind::Punct) {
      return std::nullopt;
    }
    Match match{i, i + 1, std::nullopt, false};
    match.relative = true;
    if (const auto p = day_published()) {
      const int offset = anchor == Anchor::Yesterday ? -1 : (anchor == Anchor::Tomorrow ? 1 : 0);
      match.date = p->add_days(offset);
    }
    return match;
  }

  // "last week", "earlier this month", "next year".
  std::optional<Match> match_unit(std::uint32_t i, Anchor unit) {
    const std::string_view which = back_word(i, 1);
    int offset = 0;
    if (which == "last") {
      offset = -1;
    } else if (which == "next") {
      offset = 1;
    } else if (which != "this") {
      return std::nullopt;
    }
    Match match{i - 1, i + 1, std::nullopt, false};
    const std::string_view before = back_word(i, 2);
    if (before == "the") return std::nullopt;  // "the last year": a duration
    if (before == "earlier" || before == "later" || before == "early" || before == "late") {
      --match.first;
    }
    match.relative = true;
    switch (unit) {
      case Anchor::Week:
        if (offset == 0) {
          if (const auto p = month_published()) match.date = *p;
        } else if (const auto p = day_published()) {
          match.date = month_of(p->add_days(7 * offset));
        }
        break;
      case Anchor::MonthUnit:
        if (const auto p = month_published()) match.date = p->add_months(offset);
        break;
      default:
        if (published_) match.date = make_date(published_->year + offset, 0, 0);
        break;
    }
    return match;
  }

  // "three days ago", "a week ago", "2 years ago".
  std::optional<Match> match_ago(std::uint32_t i) {
    const Token* unit_token = back(i, 1);
    const Token* count_token = back(i, 2);
    if (!unit_token || !count_token) return std::nullopt;
    std::string_view unit = unit_token->folded;
    if (unit.size() > 1 && unit.back() == 's') unit.remove_suffix(1);
    if (unit != "day" && unit != "week" && unit != "month" && unit != "year") return std::nullopt;
    int count = count_word(count_token->folded);
    if (count == 0 && count_token->kind == TokenKind::Number) {
      const std::string_view w = count_token->folded;
      if (w.size() <= 4 && std::all_of(w.begin(), w.end(), is_digit)) {
        for (const char c : w) count = count * 10 + (c - '0');
      }
    }
    if (count <= 0) return std::nullopt;
    Match match{i - 2, i + 1, std::nullopt, false};
    match.relative = true;
    if (unit == "day" || unit == "week") {
      if (const auto p = day_published()) {
        match.date = p->add_days(-(unit == "day" ? 1 : 7) * count);
      }
    } else if (unit == "month") {
      if (const auto p = month_published()) match.date = p->add_months(-count);
    } else if (published_) {
      match.date = make_date(published_->year - count, 0, 0);
    }
    return match;
  }

  // "2023-07-05".
  std::optional<Match> match_iso(std::uint32_t i) {
    const std::string_view w = tokens_[i].folded;
    if (w[4] != '-' || w[7] != '-') return std::nullopt;
    const int year = four_digits(w.substr(0, 4));
    const DayNumber m = day_number(w.substr(5, 2));
    const DayNumber d = day_number(w.substr(8, 2));
    if (year < 1 || m.day == 0 || m.day > 12 || d.day == 0) return std::nullopt;
    return Match{i, i + 1, make_date(year, m.day, d.day), false};
  }

  // A bare four-digit year (see the rule in dates.hpp).
  std::optional<Match> match_year(std::uint32_t i) {
    const int year = four_digits(tokens_[i].folded);
    if (year < 1900 || year > 2100) return std::nullopt;
    const Token* next = ahead(i, 1);
    if (next && is_count_noun(next->folded)) return std::nullopt;
    static constexpr std::array<std::string_view, 12> kStrong{
        "in",    "since", "until",   "till",    "during",     "before",
        "after", "from",  "between", "through", "throughout", "circa"};
    static constexpr std::array<std::string_view, 12> kWeak{
        "the", "a", "an", "of", "by", "around", "its", "his", "her", "their", "our", "'s"};
    static constexpr std::array<std::string_view, 4> kJoiners{"and", "or", "to", "-"};
    Match match{i, i + 1, std::nullopt, false};
    const std::string_view before = back_word(i, 1);
    bool accepted = false;
    if (before == "early" || before == "late" || before == "mid") {
      --match.first;
      accepted = true;
    } else if (in_list(before, kStrong)) {
      accepted = true;
    } else if (in_list(before, kWeak)) {
      const bool lower_word_follows =
          next && next->kind == TokenKind::Word && !(next->flags & text::kCapitalized);
      accepted = year % 100 != 0 || !lower_word_follows;
    } else if (in_list(before, kJoiners)) {
      accepted = !out_.empty() && out_.back().end_token + 1 == i;
    }
    if (!accepted) return std::nullopt;
    match.date = make_date(year, 0, 0);
    return match;
  }

  // Whether a future cue comes before token `i` in its part of the
  // sentence: a quote mark or a semicolon ends the part, so in `"We will
  // meet on Sunday," Lavrov told reporters on Saturday` only Sunday is
  // ahead. Calls come in token order, so the scan goes on from where the
  // last one stopped.
  bool future_before(std::uint32_t i) {
    for (; cue_scanned_ < i; ++cue_scanned_) {
      const Token& t = tokens_[cue_scanned_];
      if (t.kind == TokenKind::Punct) {
        if (t.folded == "\"" || t.folded == "'" || t.folded == ";") cue_ = false;
      } else if (!cue_) {
        cue_ = is_future_cue(cue_scanned_);
      }
    }
    return cue_;
  }

  bool is_future_cue(std::uint32_t k) const {
    const Token& t = tokens_[k];
    const std::string_view w = t.folded;
    if (t.kind != TokenKind::Word || w.size() < 3) return false;
    if (w.ends_with("'ll")) return true;  // "we'll"
    static constexpr std::array<std::string_view, 26> kCues{
        "will",      "would",  "won't",     "wouldn't", "could",    "couldn't",  "might",
        "shall",     "should", "shouldn't", "next",     "upcoming", "scheduled", "slated",
        "plan",      "plans",  "planned",   "planning", "expect",   "expects",   "expected",
        "expecting", "intend", "intends",   "intended", "intending"};
    static constexpr std::array<std::string_view, 7> kBe{"is", "are",  "was", "were",
                                                         "be", "been", "'s"};
    const std::string_view before = k > begin_ ? std::string_view(tokens_[k - 1].folded) : "";
    const std::string_view after = ahead_word(k, 1);
    switch (w[0]) {
      case 'd':
        return w == "due" && after == "to" && in_list(before, kBe);  // "is due to"
      case 'e':
        return (w == "early" && before == "as" && after == "as") || in_list(w, kCues);
      case 'g':
        return w == "going" && after == "to";
      case 'm':
        return (w == "may" && !(t.flags & text::kCapitalized)) || w == "might";
      case 's':
        return (w == "set" && (after == "to" || after == "for")) || in_list(w, kCues);
      case 'c':
      case 'i':
      case 'n':
      case 'p':
      case 'u':
      case 'w':
        return in_list(w, kCues);
      default:
        return false;
    }
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::uint32_t begin_;  // the sentence's tokens
  std::uint32_t end_;
  const std::optional<EventDate>& published_;
  std::uint32_t floor_;        // the first token a match may take: after the last match
  std::uint32_t cue_scanned_;  // future cues are known for tokens before this
  bool cue_ = false;
  std::vector<DateExpression> out_;
};

}  // namespace

std::vector<DateExpression> find_dates(std::string_view text,
                                       const text::Segmentation& segmentation,
                                       const text::Sentence& sentence,
                                       const std::optional<EventDate>& published) {
  return Finder(text, segmentation.tokens, sentence, published).run();
}

}  // namespace geokg::events

// Web noise in article text, found line by line.
//
// Every rule looks at one line (one paragraph in the readers' output) and
// either skips the whole line or, for datelines and photo credits inside a
// line, only the noise. The rules are conservative: each needs a typical
// form (a prefix, an agency credit, capitalisation) and most refuse lines
// that end like a sentence, so a real sentence is kept. The first
// non-blank line is the title and is never skipped. Lines are read through
// a small window, so memory does not grow with the number of lines.
#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <optional>

#include "geokg/ingest.hpp"
#include "text/chars.hpp"
#include "text/text.hpp"

namespace geokg::text {

namespace {

using chars::CharClass;
using chars::LetterCase;

// Lines longer than this (in words) are body text: only the dateline and
// inline credit rules look at them.
constexpr int kShortLineWords = 40;

struct Line {
  std::uint32_t begin = 0;  // the line without its "\n"
  std::uint32_t end = 0;
  std::uint32_t trim_begin = 0;  // without surrounding white space
  std::uint32_t trim_end = 0;
  int words = 0;  // white-space separated
  int upper = 0;  // upper-case letters
  int lower = 0;  // other letters (lower-case or uncased)
  bool has_digit = false;
  bool ends_sentence = false;  // last character before closing quotes is . ! ? or an ellipsis
  bool blank_before = false;   // a blank line separates it from the line before
  bool skipped = false;        // found to be noise as a whole

  bool blank() const { return trim_begin == trim_end; }
  // Nearly all letters are capitals (a cheap test before looking at words).
  bool mostly_capitals() const { return upper > 0 && lower * 4 <= upper; }
};

struct WordStats {
  int letters = 0;
  int upper = 0;
  int lower = 0;
  LetterCase first = LetterCase::None;
  bool digit = false;
};

bool is_space_at(std::string_view s, std::size_t pos, std::uint32_t* length) {
  const auto byte = static_cast<unsigned char>(s[pos]);
  if (byte < 0x80) {
    *length = 1;
    return chars::is_space(chars::classify_ascii(byte));
  }
  const auto d = chars::decode(s, pos);
  *length = d.length;
  return chars::is_space(chars::classify(d.cp));
}

void add_char(WordStats& stats, char32_t cp, CharClass k) {
  if (k == CharClass::Digit) {
    stats.digit = true;
    return;
  }
  if (k != CharClass::Letter) return;
  const auto c = chars::letter_case(cp);
  if (stats.letters == 0) stats.first = c;
  ++stats.letters;
  if (c == LetterCase::Upper) ++stats.upper;
  if (c == LetterCase::Lower) ++stats.lower;
}

WordStats word_stats(std::string_view word) {
  WordStats stats;
  for (std::size_t i = 0; i < word.size();) {
    const auto byte = static_cast<unsigned char>(word[i]);
    if (byte < 0x80) {
      add_char(stats, byte, chars::classify_ascii(byte));
      ++i;
    } else {
      const auto d = chars::decode(word, i);
      add_char(stats, d.cp, chars::classify(d.cp));
      i += d.length;
    }
  }
  return stats;
}

bool caps_word(const WordStats& w) {
  return w.letters > 0 && w.lower == 0 && w.upper > 0;
}

// Splits `s` at white space.
template <typename Visit>
void for_each_word(std::string_view s, Visit visit) {
  std::size_t i = 0;
  std::uint32_t length = 1;
  while (i < s.size()) {
    while (i < s.size() && is_space_at(s, i, &length)) i += length;
    const std::size_t start = i;
    while (i < s.size() && !is_space_at(s, i, &length)) i += length;
    if (i > start) visit(s.substr(start, i - start), start);
  }
}

int count_words(std::string_view s) {
  int n = 0;
  for_each_word(s, [&](std::string_view, std::size_t) { ++n; });
  return n;
}

bool ends_like_sentence(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0) {
    const std::size_t start = chars::previous_start(s, end);
    const auto k = chars::classify(chars::decode(s, start).cp);
    if (k == CharClass::Close || k == CharClass::Quote || k == CharClass::Apostrophe) {
      end = start;
      continue;
    }
    return chars::is_sentence_end(k);
  }
  return false;
}

Line describe_line(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  Line line;
  line.begin = begin;
  line.end = end;
  const std::string_view s = text.substr(begin, end - begin);
  std::size_t b = 0;
  std::size_t e = s.size();
  std::uint32_t length = 1;
  while (b < e && is_space_at(s, b, &length)) b += length;
  while (e > b) {
    const std::size_t start = chars::previous_start(s, e);
    if (!is_space_at(s, start, &length)) break;
    e = start;
  }
  line.trim_begin = begin + static_cast<std::uint32_t>(b);
  line.trim_end = begin + static_cast<std::uint32_t>(e);
  const std::string_view trimmed = s.substr(b, e - b);
  // One pass over the bytes that counts without branching on ASCII: this
  // runs on every line of every document.
  enum : std::uint8_t { kSpace = 1, kUpper = 2, kLower = 4, kDigit = 8 };
  static constexpr auto kAscii = [] {
    std::array<std::uint8_t, 128> table{};
    for (int c = 0; c < 128; ++c) {
      const auto k = chars::classify_ascii(static_cast<unsigned char>(c));
      if (chars::is_space(k)) table[c] = kSpace;
      if (c >= 'A' && c <= 'Z') table[c] = kUpper;
      if (c >= 'a' && c <= 'z') table[c] = kLower;
      if (c >= '0' && c <= '9') table[c] = kDigit;
    }
    return table;
  }();
  int words = 0;
  int upper = 0;
  int lower = 0;
  unsigned digit = 0;
  unsigned previous_space = 1;
  for (std::size_t i = 0; i < trimmed.size();) {
    const auto byte = static_cast<unsigned char>(trimmed[i]);
    unsigned bits;
    if (byte < 0x80) {
      bits = kAscii[byte];
      ++i;
    } else {
      const auto d = chars::decode(trimmed, i);
      i += d.length;
      const auto k = chars::classify(d.cp);
      bits = 0;
      if (chars::is_space(k)) bits = kSpace;
      if (k == CharClass::Digit) bits = kDigit;
      if (k == CharClass::Letter) {
        bits = chars::letter_case(d.cp) == LetterCase::Upper ? kUpper : kLower;
      }
    }
    const unsigned space = bits & kSpace;
    words += static_cast<int>(previous_space & (space ^ 1u));
    previous_space = space;
    upper += static_cast<int>((bits >> 1) & 1u);
    lower += static_cast<int>((bits >> 2) & 1u);
    digit |= bits & kDigit;
  }
  line.words = words;
  line.upper = upper;
  line.lower = lower;
  line.has_digit = digit != 0;
  line.ends_sentence = ends_like_sentence(trimmed);
  return line;
}

struct WordShape {
  int letter_words = 0;     // words with a letter
  int caps_words = 0;       // letter words with no lower-case letter and a cased one
  int long_caps_words = 0;  // caps words with two letters or more
};

WordShape word_shape(std::string_view s) {
  WordShape shape;
  for_each_word(s, [&](std::string_view word, std::size_t) {
    const auto w = word_stats(word);
    if (w.letters == 0) return;
    ++shape.letter_words;
    if (caps_word(w)) {
      ++shape.caps_words;
      if (w.letters >= 2) ++shape.long_caps_words;
    }
  });
  return shape;
}

// A promo headline: "HALEY USES RAMASWAMY AS 2024 FOIL IN FOREIGN POLICY
// FEUD", most words in capitals and no sentence end.
bool promo_shape(std::string_view s, const Line& line) {
  if (line.words > 25 || line.ends_sentence || !line.mostly_capitals()) return false;
  const auto shape = word_shape(s);
  return shape.letter_words >= 3 && shape.long_caps_words >= 2 &&
         shape.caps_words * 5 >= shape.letter_words * 4;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

// Folded, with white-space runs collapsed, for comparing a line with the title.
std::string compact_fold(std::string_view s) {
  const std::string folded = fold(s);
  std::string out;
  out.reserve(folded.size());
  for_each_word(folded, [&](std::string_view word, std::size_t) {
    if (!out.empty()) out.push_back(' ');
    out.append(word);
  });
  return out;
}

// --- Photo credits --------------------------------------------------------

bool is_agency(std::string_view name) {
  static constexpr std::string_view kAgencies[] = {"AP",           "Reuters",
                                                   "AFP",          "Getty Images",
                                                   "Getty",        "EPA",
                                                   "EPA-EFE",      "Bloomberg",
                                                   "Sputnik",      "TASS",
                                                   "Xinhua",       "Pool",
                                                   "Shutterstock", "Yonhap",
                                                   "Kyodo",        "KCNA",
                                                   "Anadolu",      "Anadolu Agency",
                                                   "UPI",          "DPA",
                                                   "dpa",          "Alamy",
                                                   "NurPhoto",     "ZUMA Press",
                                                   "AP Photo",     "Associated Press"};
  return std::find(std::begin(kAgencies), std::end(kAgencies), name) != std::end(kAgencies);
}

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Words found in photo credits: "AP Photo/Evan Vucci", "Photo by Jane
// Doe/Getty Images", "Sputnik, Kremlin Pool Photo via AP".
bool has_credit_marker(std::string_view s) {
  static constexpr std::string_view kMarkers[] = {
      "AP Photo",     "AP photo", "Photo by",    "photo by",    "Photo:",     "Photo credit",
      "Getty Images", "via AP",   "via Reuters", "Reuters/",    "/Reuters",   "AFP/",
      "/AFP",         "AFP via",  "EPA/",        "/EPA",        "Pool Photo", "Pool via",
      "Sputnik/",     "/Sputnik", "/AP",         "Shutterstock"};
  for (const auto marker : kMarkers) {
    if (contains(s, marker)) return true;
  }
  return false;
}

// The inside of a parenthesised photo credit.
bool is_credit_inside(std::string_view inside) {
  return !inside.empty() && count_words(inside) <= 15 && has_credit_marker(inside);
}

// "Alexander Zemlianichenko/AP", "Jane Doe/AFP via Getty Images": a few
// capitalised words, a slash, and an agency.
bool is_slash_credit(std::string_view s) {
  s = trim_ascii(s);
  const auto slash = s.rfind('/');
  if (slash == std::string_view::npos || count_words(s) > 8) return false;
  bool names = true;
  for_each_word(s.substr(0, slash), [&](std::string_view w, std::size_t) {
    const auto first = chars::decode(w, 0);
    if (chars::letter_case(first.cp) != LetterCase::Upper && w != "via" && w != "and" && w != "/") {
      names = false;
    }
  });
  if (!names) return false;
  const auto agency = trim_ascii(s.substr(slash + 1));
  if (is_agency(agency)) return true;
  const auto space = agency.find(' ');  // "AFP via Getty Images"
  return space != std::string_view::npos && is_agency(agency.substr(0, space)) &&
         starts_with(agency.substr(space), " via ");
}

struct ParenCredit {
  std::size_t begin = 0;  // "(" and ")" included
  std::size_t end = 0;
};

std::vector<ParenCredit> paren_credits(std::string_view s) {
  std::vector<ParenCredit> found;
  std::size_t from = 0;
  while (true) {
    const auto open = s.find('(', from);
    if (open == std::string_view::npos) break;
    const auto window = s.substr(open + 1, 240);
    const auto close = window.find_first_of("()");
    if (close == std::string_view::npos) break;
    from = open + 1;
    if (window[close] == '(') continue;
    if (is_credit_inside(window.substr(0, close))) {
      found.push_back({open, open + 1 + close + 1});
      from = open + 1 + close + 1;
    }
  }
  return found;
}

bool starts_with_file_caption(std::string_view s) {
  // "FILE – ...", "FILE - ...", "FILE: ...", "FILE PHOTO: ...", "File photo: ..."
  std::string_view rest;
  if (starts_with(s, "FILE PHOTO")) {
    rest = s.substr(10);
  } else if (starts_with(s, "File photo") || starts_with(s, "File Photo")) {
    rest = s.substr(10);
  } else if (starts_with(s, "FILE")) {
    rest = s.substr(4);
  } else {
    return false;
  }
  rest = trim_ascii(rest);
  if (rest.empty()) return false;
  if (rest.front() == ':' || rest.front() == '-') return true;
  const auto d = chars::decode(rest, 0);
  return chars::classify(d.cp) == CharClass::Dash;
}

// --- Datelines ------------------------------------------------------------

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
  std::uint32_t length = 1;
  while (pos < s.size() && is_space_at(s, pos, &length)) pos += length;
  return pos;
}

std::string_view word_at(std::string_view s, std::size_t pos) {
  std::size_t end = pos;
  std::uint32_t length = 1;
  while (end < s.size() && !is_space_at(s, end, &length)) end += length;
  return s.substr(pos, end - pos);
}

// Length of a dash word ("—", "–", "-", "--") at the start of `w`, or 0.
std::size_t dash_length(std::string_view w) {
  if (w.empty()) return 0;
  if (w.front() == '-') return w.find_first_not_of('-') == std::string_view::npos ? w.size() : 0;
  const auto d = chars::decode(w, 0);
  return chars::classify(d.cp) == CharClass::Dash && d.length == w.size() ? w.size() : 0;
}

// Place words are upper case: "MOSCOW", "ST. PETERSBURG", "KYIV,".
bool place_word(std::string_view w) {
  for (std::size_t i = 0; i < w.size();) {
    const auto d = chars::decode(w, i);
    const auto k = chars::classify(d.cp);
    if (k != CharClass::Letter && k != CharClass::Period && k != CharClass::Apostrophe &&
        k != CharClass::Hyphen && k != CharClass::Comma) {
      return false;
    }
    i += d.length;
  }
  return caps_word(word_stats(w));
}

// Length of the dateline at the start of `s` ("MOSCOW (AP) — ", "KYIV,
// Ukraine (Reuters) - ", "WASHINGTON — "), spaces after it included; 0 if
// there is none. The sentence after it must remain.
std::size_t dateline_length(std::string_view s) {
  static constexpr std::string_view kNotPlaces[] = {
      "NATO",  "OPEC", "IAEA",  "NASA", "ASEAN", "UNICEF", "UNESCO",
      "NAFTA", "OSCE", "BRICS", "WHO",  "FIFA",  "UPDATE", "EXCLUSIVE"};
  std::size_t pos = 0;
  int place_words = 0;
  int place_letters = 0;
  bool region = false;
  std::string_view first_place;
  while (pos < s.size() && place_words < 5) {
    const auto w = word_at(s, pos);
    if (w.empty() || w.front() == '(' || dash_length(w) > 0 || !place_word(w)) break;
    if (place_words == 0) first_place = w;
    ++place_words;
    place_letters += word_stats(w).letters;
    pos = skip_spaces(s, pos + w.size());
    if (w.back() == ',') {
      region = true;
      break;
    }
  }
  if (place_words == 0 || place_words > 4) return 0;
  if (region) {
    int region_words = 0;
    while (pos < s.size()) {
      const auto w = word_at(s, pos);
      if (w.front() == '(' || dash_length(w) > 0) break;
      const auto stats = word_stats(w);
      if (++region_words > 5) return 0;
      const auto first = chars::decode(w, 0);
      const bool capital = chars::letter_case(first.cp) == LetterCase::Upper;
      if (!capital && !(stats.digit && stats.letters == 0)) return 0;
      pos = skip_spaces(s, pos + w.size());
    }
    if (region_words == 0) return 0;
  }
  bool agency = false;
  if (pos < s.size() && s[pos] == '(') {
    const auto close = s.find(')', pos);
    if (close == std::string_view::npos || close - pos > 40) return 0;
    const auto inside = s.substr(pos + 1, close - pos - 1);
    if (word_stats(inside).letters == 0 || count_words(inside) > 4) return 0;
    agency = true;
    pos = skip_spaces(s, close + 1);
  }
  if (pos >= s.size()) return 0;
  const auto dash = dash_length(word_at(s, pos));
  if (dash == 0) return 0;
  pos = skip_spaces(s, pos + dash);
  if (pos >= s.size() || pos == s.size()) return 0;
  if (!agency && !region) {
    std::string_view place = first_place;
    while (!place.empty() && place.back() == ',') place.remove_suffix(1);
    if (place_letters < 3 ||
        (place_words == 1 &&
         std::find(std::begin(kNotPlaces), std::end(kNotPlaces), place) != std::end(kNotPlaces))) {
      return 0;
    }
  }
  return pos;
}

// --- Bylines --------------------------------------------------------------

bool byline_connector(std::string_view w) {
  static constexpr std::string_view kConnectors[] = {
      "and", "&",  "of",  "the", "for", "de", "da", "del", "der", "van",  "von",
      "al",  "el", "bin", "la",  "le",  "du", "in", "|",   "/",   "and,", "at",
      // "By Jane Doe, staff writer", "By Sample Wire staff".
      "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
      "editor", "contributor", "with"};
  return std::find(std::begin(kConnectors), std::end(kConnectors), w) != std::end(kConnectors) ||
         dash_length(w) > 0;
}

// "By Jane Doe, Associated Press", "By JANE DOE", "By Jane Doe and John Roe".
bool is_byline(std::string_view s, const Line& line) {
  if (!(starts_with(s, "By ") || starts_with(s, "BY "))) return false;
  if (line.ends_sentence || line.words < 2 || line.words > 14) return false;
  bool ok = true;
  int index = 0;
  for_each_word(s.substr(3), [&](std::string_view w, std::size_t) {
    const auto stats = word_stats(w);
    const bool name_like = stats.first == LetterCase::Upper;
    if (index == 0 && !name_like) ok = false;
    if (!name_like && !byline_connector(w) && !(stats.digit && stats.lower == 0)) ok = false;
    ++index;
  });
  return ok;
}

// --- Kickers --------------------------------------------------------------

bool section_word(std::string_view w) {
  static constexpr std::string_view kSections[] = {
      "explainer", "analysis",   "live",     "update",     "updates",   "opinion", "breaking",
      "editorial", "commentary", "factbox",  "interview",  "exclusive", "podcast", "video",
      "photos",    "gallery",    "briefing", "timeline",   "obituary",  "profile", "insight",
      "preview",   "review",     "recap",    "highlights", "news"};
  const std::string lower = ascii_lower(w);
  return std::find(std::begin(kSections), std::end(kSections), lower) != std::end(kSections);
}

// "North Korea Russia Explainer", "ANALYSIS", "Ukraine War Live Updates".
bool is_kicker(std::string_view s, const Line& line) {
  if (line.words < 1 || line.words > 6 || line.ends_sentence) return false;
  bool capitalised = true;
  std::string_view last;
  for_each_word(s, [&](std::string_view w, std::size_t) {
    const auto stats = word_stats(w);
    if (stats.letters > 0 && stats.first != LetterCase::Upper && w != "and" && w != "of" &&
        w != "the" && w != "in" && w != "on" && w != "vs") {
      capitalised = false;
    }
    last = w;  // "Update:" or "Live," is not a section word: such lines stay
  });
  if (!capitalised) return false;
  return section_word(last);
}

// --- Lines that point elsewhere --------------------------------------------

std::optional<std::string_view> link_reason(std::string_view lower, const Line& line) {
  std::string_view bare = lower;
  while (!bare.empty() && (bare.back() == '.' || bare.back() == ':' || bare.back() == '!')) {
    bare.remove_suffix(1);
  }
  const bool sentence = line.ends_sentence;
  if (contains(lower, "click here") && line.words <= 25) return "click-through link";
  for (const std::string_view prefix :
       {"read more", "continue reading", "keep reading", "see also", "more from"}) {
    if (!starts_with(lower, prefix)) continue;
    const auto rest = trim_ascii(lower.substr(prefix.size()));
    // "Read more: ...", "READ MORE | ...", or a line that is no sentence.
    if (!sentence || rest.empty() || rest.front() == ':' || rest.front() == '|' ||
        dash_length(word_at(rest, 0)) > 0) {
      return "click-through link";
    }
  }
  if (starts_with(lower, "related") &&
      (starts_with(lower, "related:") || (line.words <= 4 && !sentence))) {
    return "related content";
  }
  if (bare == "video embed" || bare == "embedded video" || bare == "watch video" ||
      bare == "play video" || bare == "video" ||
      ((starts_with(lower, "watch:") || starts_with(lower, "video:")) && line.words <= 25)) {
    return "video embed";
  }
  if (contains(lower, "newsletter") &&
      (contains(lower, "sign up") || contains(lower, "subscribe")) && line.words <= 30) {
    return "newsletter prompt";
  }
  static constexpr std::string_view kAdvertising[] = {"advertisement",
                                                      "advertisements",
                                                      "ad",
                                                      "sponsored",
                                                      "sponsored content",
                                                      "paid content",
                                                      "story continues below advertisement",
                                                      "article continues below advertisement",
                                                      "advertisement - scroll to continue",
                                                      "scroll to continue with content",
                                                      "continue reading below",
                                                      "story continues below"};
  if (std::find(std::begin(kAdvertising), std::end(kAdvertising), bare) != std::end(kAdvertising)) {
    return "advertisement";
  }
  return std::nullopt;
}

bool is_copyright(std::string_view s, std::string_view lower) {
  return starts_with(s, "\xC2\xA9") || starts_with(lower, "(c) ") ||
         starts_with(lower, "copyright ") || starts_with(lower, "copyright\xC2\xA9") ||
         contains(lower, "all rights reserved") ||
         starts_with(lower, "this material may not be published");
}

// Lines made only of punctuation and symbols: ".", "* * *", "—".
bool lone_punctuation(const Line& line) {
  return line.upper + line.lower == 0 && !line.has_digit;
}

bool starts_capital(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto d = chars::decode(s, i);
    const auto k = chars::classify(d.cp);
    if (k == CharClass::Letter) return chars::letter_case(d.cp) != LetterCase::Lower;
    if (k == CharClass::Digit) return true;
    if (k != CharClass::Open && k != CharClass::Quote && k != CharClass::Dash &&
        k != CharClass::Apostrophe) {
      return false;
    }
    i += d.length;
  }
  return false;
}

// The non-blank lines of a text, described as they are first asked for.
// Only the last kKeep lines stay, so memory does not grow with the text.
class LineWindow {
 public:
  static constexpr std::size_t kKeep = 8;

  explicit LineWindow(std::string_view text) : text_(text) {}

  // The i-th non-blank line, or nullptr after the last one. Requires that
  // fewer than kKeep lines were read after it.
  Line* get(std::size_t i) {
    while (read_ <= i) {
      if (!read_next()) return nullptr;
    }
    return &ring_[i % kKeep];
  }

 private:
  bool read_next() {
    bool blank_before = false;
    while (!done_) {
      const auto* newline =
          static_cast<const char*>(std::memchr(text_.data() + pos_, '\n', text_.size() - pos_));
      const std::size_t end =
          newline ? static_cast<std::size_t>(newline - text_.data()) : text_.size();
      Line line =
          describe_line(text_, static_cast<std::uint32_t>(pos_), static_cast<std::uint32_t>(end));
      if (newline) {
        pos_ = end + 1;
      } else {
        done_ = true;
      }
      if (line.blank()) {
        blank_before = true;
        continue;
      }
      line.blank_before = blank_before;
      ring_[read_ % kKeep] = line;
      ++read_;
      return true;
    }
    return false;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  bool done_ = false;
  std::size_t read_ = 0;  // lines read so far
  std::array<Line, kKeep> ring_{};
};

class NoiseFinder {
 public:
  NoiseFinder(std::string_view text, std::string_view title)
      : text_(text), lines_(text), title_(compact_fold(trim_ascii(title))) {}

  std::vector<SkippedSpan> find() {
    const Line* first = lines_.get(0);
    if (first == nullptr) return {};
    // The first line is the title unless a different title was given (a
    // document whose text starts with its body). It is never skipped.
    const std::string first_line = compact_fold(trimmed(*first));
    if (title_.empty()) title_ = first_line;
    title_first_ = title_ == first_line;
    for (std::size_t i = title_first_ ? 1 : 0;; ++i) {
      Line* line = lines_.get(i);
      if (line == nullptr) break;
      const std::size_t last = whole_line(i, *line);
      if (last != kNone) {
        for (std::size_t j = i; j <= last; ++j) {
          Line* skipped = lines_.get(j);
          skipped->skipped = true;
          add(skipped->begin, skipped->end, reason_);
        }
        i = last;
        continue;
      }
      inline_noise(i, *line);
      if (line->words >= 8 || line->ends_sentence) body_started_ = true;
    }
    return std::move(spans_);
  }

 private:
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

  std::string_view trimmed(const Line& line) const {
    return text_.substr(line.trim_begin, line.trim_end - line.trim_begin);
  }

  // Starts a paragraph: the first line, or after a blank line, the title, a
  // skipped line or a line that ends a sentence.
  bool paragraph_start(std::size_t i, const Line& line) {
    if (i == 0 || line.blank_before) return true;
    const Line& previous = *lines_.get(i - 1);
    return (i - 1 == 0 && title_first_) || previous.skipped || previous.ends_sentence;
  }

  // Stands alone: a paragraph start followed by a blank line, the end, or a
  // line that starts with a capital.
  bool isolated(std::size_t i, const Line& line) {
    if (!paragraph_start(i, line)) return false;
    const Line* next = lines_.get(i + 1);
    return next == nullptr || next->blank_before || starts_capital(trimmed(*next));
  }

  // A document written in capitals has no promo headlines, only capitals.
  // Read once, and only when a line looks like a promo headline.
  bool caps_document() {
    if (!caps_known_) {
      LineWindow all(text_);
      int text_lines = 0;
      int caps_lines = 0;
      for (std::size_t i = 0; const Line* line = all.get(i); ++i) {
        if (line->words < 3 || line->upper + line->lower < 8) continue;
        ++text_lines;
        if (line->mostly_capitals()) ++caps_lines;
      }
      caps_document_ = caps_lines * 2 > text_lines;
      caps_known_ = true;
    }
    return caps_document_;
  }

  // Index of the last line of the noise that starts at line i, or kNone.
  std::size_t whole_line(std::size_t i, const Line& line) {
    const std::string_view s = trimmed(line);
    if (s.size() <= title_.size() * 2 + 8 && s.size() * 2 + 8 >= title_.size() &&
        compact_fold(s) == title_) {
      return found(i, "repeated title");
    }
    if (lone_punctuation(line)) return found(i, "lone punctuation");
    if (starts_with_file_caption(s)) return caption_end(i);
    if (line.words <= kShortLineWords) {
      lower_.assign(s);
      for (char& c : lower_) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
      const std::string_view lower = lower_;
      if (is_copyright(s, lower)) return found(i, "copyright");
      if (auto reason = link_reason(lower, line)) return found(i, *reason);
      if (is_byline(s, line)) return found(i, "byline");
      if (starts_with(lower, "reporting by") || starts_with(lower, "additional reporting by") ||
          starts_with(lower, "writing by") || starts_with(lower, "editing by")) {
        return found(i, "byline");
      }
      if (starts_with(lower, "photo:") || starts_with(lower, "photos:") ||
          starts_with(lower, "photograph:") || starts_with(lower, "picture:") ||
          starts_with(lower, "image:")) {
        return found(i, "photo caption");
      }
      if (!line.ends_sentence && line.words <= 8 &&
          (starts_with(lower, "photo by") || starts_with(lower, "photograph by") ||
           starts_with(lower, "photo credit") || contains(s, "Getty Images") ||
           is_slash_credit(s))) {
        return found(i, "photo credit");
      }
      if (!body_started_ && is_kicker(s, line)) return found(i, "kicker");
      if (promo_shape(s, line) && isolated(i, line) && !caps_document()) {
        return found(i, "promo headline");
      }
    }
    // A line that ends with a photo credit is a caption.
    if (line.words <= 100) {
      const auto credits = paren_credits(s);
      if (!credits.empty()) {
        const auto tail = s.substr(credits.back().end);
        if (trim_ascii(tail).empty() || is_slash_credit(tail)) {
          return found(i, credits.back().begin == 0 ? "photo credit" : "photo caption");
        }
      }
    }
    return kNone;
  }

  std::size_t found(std::size_t i, std::string_view reason) {
    reason_ = reason;
    return i;
  }

  // A "FILE –" caption runs to the line with its credit (and the line
  // that closes the credit's bracket) when that line is in the same
  // paragraph and near; otherwise it is one line.
  std::size_t caption_end(std::size_t i) {
    reason_ = "photo caption";
    int depth = 0;  // of brackets opened since the caption began
    bool credit = false;
    for (std::size_t j = i; j < i + 5; ++j) {
      const Line* line = lines_.get(j);
      if (line == nullptr || (j > i && line->blank_before)) break;
      const auto s = trimmed(*line);
      if (j > i && starts_with_file_caption(s)) break;
      for (const char c : s) depth += (c == '(') - (c == ')');
      if (!credit) credit = has_credit_marker(s) || is_slash_credit(s);
      if (credit && depth <= 0) return j;
    }
    return i;
  }

  void inline_noise(std::size_t i, const Line& line) {
    const std::string_view s = trimmed(line);
    std::size_t from = 0;
    if (paragraph_start(i, line)) {
      const auto length = dateline_length(s);
      if (length > 0) {
        add(line.trim_begin, line.trim_begin + static_cast<std::uint32_t>(length), "dateline");
        from = length;
      }
    }
    for (const auto& credit : paren_credits(s.substr(from))) {
      add(line.trim_begin + static_cast<std::uint32_t>(from + credit.begin),
          line.trim_begin + static_cast<std::uint32_t>(from + credit.end), "photo credit");
    }
    // "... in Moscow. Photo: Jane Doe / Reuters" at the end of a line.
    for (const std::string_view marker : {". Photo: ", ". Photograph: "}) {
      const auto at = s.find(marker, from);
      if (at == std::string_view::npos) continue;
      const auto credit = s.substr(at + 2);
      if (count_words(credit) <= 12 && !ends_like_sentence(credit)) {
        add(line.trim_begin + static_cast<std::uint32_t>(at + 2), line.trim_end, "photo credit");
      }
    }
  }

  // Adds a span; one that follows a span of the same reason with only white
  // space between extends it ("." lines, a caption over several lines).
  void add(std::uint32_t begin, std::uint32_t end, std::string_view reason) {
    if (end <= begin) return;
    if (!spans_.empty()) {
      SkippedSpan& last = spans_.back();
      if (begin < last.end) return;  // keep them disjoint
      if (last.reason == reason && only_space(last.end, begin)) {
        last.end = end;
        return;
      }
    }
    spans_.push_back({begin, end, std::string(reason)});
  }

  bool only_space(std::size_t begin, std::size_t end) const {
    std::uint32_t length = 1;
    for (std::size_t i = begin; i < end; i += length) {
      if (!is_space_at(text_, i, &length)) return false;
    }
    return true;
  }

  std::string_view text_;
  LineWindow lines_;
  std::string title_;
  bool title_first_ = false;
  bool caps_known_ = false;
  bool caps_document_ = false;
  bool body_started_ = false;
  std::string_view reason_;
  std::string lower_;  // the line in ASCII lower case, reused
  std::vector<SkippedSpan> spans_;
};

}  // namespace

std::vector<SkippedSpan> find_boilerplate(std::string_view text, std::string_view title) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw IngestError("text", "document of " + std::to_string(text.size()) +
                                  " bytes is over the 4 GiB offset limit");
  }
  return NoiseFinder(text, title).find();
}

}  // namespace geokg::text

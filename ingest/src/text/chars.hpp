// Character classes shared by the text stage (private to ingest/src/text):
// UTF-8 decoding that never fails, and the classes the boilerplate finder
// and the tokeniser agree on. ASCII goes through a table; everything else
// through utf8proc's category.
#pragma once

#include <utf8proc.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace geokg::text::chars {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t cp = 0;
  std::uint32_t length = 1;  // bytes, at least 1
};

// Decodes the character at `pos` (< text.size()). Invalid or truncated
// sequences decode as U+FFFD of length 1, so a scan always advances.
inline Decoded decode(std::string_view text, std::size_t pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned b0 = s[pos];
  if (b0 < 0x80) return {b0, 1};
  auto cont = [&](std::size_t at) { return at < n && (s[at] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 < 0xE0) {
    if (cont(pos + 1)) return {((b0 & 0x1Fu) << 6) | (s[pos + 1] & 0x3Fu), 2};
  } else if (b0 >= 0xE0 && b0 < 0xF0) {
    if (cont(pos + 1) && cont(pos + 2)) {
      const unsigned b1 = s[pos + 1];
      if (!(b0 == 0xE0 && b1 < 0xA0) && !(b0 == 0xED && b1 > 0x9F)) {
        return {((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (s[pos + 2] & 0x3Fu), 3};
      }
    }
  } else if (b0 >= 0xF0 && b0 < 0xF5) {
    if (cont(pos + 1) && cont(pos + 2) && cont(pos + 3)) {
      const unsigned b1 = s[pos + 1];
      if (!(b0 == 0xF0 && b1 < 0x90) && !(b0 == 0xF4 && b1 > 0x8F)) {
        return {((b0 & 0x07u) << 18) | ((b1 & 0x3Fu) << 12) | ((s[pos + 2] & 0x3Fu) << 6) |
                    (s[pos + 3] & 0x3Fu),
                4};
      }
    }
  }
  return {kReplacement, 1};
}

// Start of the character that ends just before `pos` (> 0).
inline std::size_t previous_start(std::string_view text, std::size_t pos) {
  std::size_t p = pos - 1;
  while (p > 0 && pos - p < 4 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p;
}

enum class CharClass : std::uint8_t {
  Space,       // blanks, tabs, Unicode spaces, controls, zero-width space
  Newline,     // "\n", U+2028, U+2029
  Letter,      // L*
  Mark,        // M*, and format characters that join letters (ZWJ, soft hyphen)
  Digit,       // Nd
  Apostrophe,  // ' U+2019 U+02BC: inside words, possessives, closing quote
  Hyphen,      // - U+2010 U+2011: joins the parts of a word
  Period,      // .
  Comma,       // ,
  Terminator,  // ! ? and full stops of other scripts
  Ellipsis,    // U+2026
  Quote,       // " (opening or closing)
  Open,        // ( [ { and opening quotes
  Close,       // ) ] } and closing quotes
  Dash,        // en and em dashes, minus, other Pd
  Punct,       // ; : and other punctuation
  Symbol,      // everything else
};

enum class LetterCase : std::uint8_t { None, Upper, Lower, Uncased };

namespace detail {

constexpr std::array<CharClass, 128> make_ascii_classes() {
  std::array<CharClass, 128> table{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::Symbol;
    if (c < 0x20 || c == 0x7F) k = CharClass::Space;
    if (c == ' ') k = CharClass::Space;
    if (c == '\n') k = CharClass::Newline;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = CharClass::Letter;
    if (c >= '0' && c <= '9') k = CharClass::Digit;
    switch (c) {
      case '\'':
        k = CharClass::Apostrophe;
        break;
      case '-':
        k = CharClass::Hyphen;
        break;
      case '.':
        k = CharClass::Period;
        break;
      case ',':
        k = CharClass::Comma;
        break;
      case '!':
      case '?':
        k = CharClass::Terminator;
        break;
      case '"':
        k = CharClass::Quote;
        break;
      case '(':
      case '[':
      case '{':
        k = CharClass::Open;
        break;
      case ')':
      case ']':
      case '}':
        k = CharClass::Close;
        break;
      case ';':
      case ':':
        k = CharClass::Punct;
        break;
      default:
        break;
    }
    table[c] = k;
  }
  return table;
}

inline constexpr std::array<CharClass, 128> kAsciiClasses = make_ascii_classes();

}  // namespace detail

constexpr CharClass classify_ascii(unsigned char c) {
  return detail::kAsciiClasses[c & 0x7F];
}

inline CharClass classify(char32_t cp) {
  if (cp < 0x80) return detail::kAsciiClasses[cp];
  switch (cp) {
    case 0x2019:
    case 0x02BC:
      return CharClass::Apostrophe;
    case 0x2010:
    case 0x2011:
      return CharClass::Hyphen;
    case 0x2026:
      return CharClass::Ellipsis;
    case 0x200B:
    case 0xFEFF:
      return CharClass::Space;
    case 0x2028:
    case 0x2029:
    case 0x0085:
      return CharClass::Newline;
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF61:
    case 0x061F:
    case 0x06D4:
    case 0x0964:
    case 0x0965:
    case 0x203C:
    case 0x2047:
    case 0x2048:
    case 0x2049:
      return CharClass::Terminator;
    case 0xFFFD:
      return CharClass::Symbol;
    default:
      break;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return CharClass::Letter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
      return CharClass::Mark;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::Digit;
    case UTF8PROC_CATEGORY_PD:
      return CharClass::Dash;
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PI:
      return CharClass::Open;
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PF:
      return CharClass::Close;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PO:
      return CharClass::Punct;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
      return CharClass::Space;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::Newline;
    default:
      return CharClass::Symbol;
  }
}

inline LetterCase letter_case(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return LetterCase::Upper;
    if (cp >= 'a' && cp <= 'z') return LetterCase::Lower;
    return LetterCase::None;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return LetterCase::Upper;
    case UTF8PROC_CATEGORY_LL:
      return LetterCase::Lower;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return LetterCase::Uncased;
    default:
      return LetterCase::None;
  }
}

// Han ideographs, kana: scripts written without spaces. Each character is
// a token of its own, so that a dictionary name can match inside a run.
inline bool is_ideograph(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3134F);
}

constexpr bool is_space(CharClass k) {
  return k == CharClass::Space || k == CharClass::Newline;
}

inline bool is_word_char(CharClass k) {
  return k == CharClass::Letter || k == CharClass::Mark || k == CharClass::Digit;
}

// Characters after which a line or a sentence has ended: . ! ? and the
// ellipsis (closing quotes and brackets may follow them).
inline bool is_sentence_end(CharClass k) {
  return k == CharClass::Period || k == CharClass::Terminator || k == CharClass::Ellipsis;
}

// Appends the folded form of `utf8` to `out` (see text::fold). Invalid
// bytes fold to U+FFFD.
void fold_append(std::string_view utf8, std::string& out);

inline bool ascii_lower_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

}  // namespace geokg::text::chars

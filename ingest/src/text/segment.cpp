// Tokens and sentences with byte offsets.
//
// Two passes. The tokeniser cuts the kept stretches of the text into tokens
// and notes, per token, what lay before it (white space, a line break, a
// blank line, a skipped span) and what kind of punctuation it is. The
// sentence pass then closes sentences:
//   - after . ! ? or an ellipsis (with the closing quotes and brackets stuck
//     to it) when the next token does not start with a lower-case letter,
//     or when a line ends there;
//   - after an abbreviation that may end a sentence ("U.S.", "Inc.", "etc.",
//     initials, months) only when the next word is a likely sentence starter
//     ("The", "He", "But", ...) or an opening quote, or a line ends there;
//     "U.S. President" stays one sentence, "the U.S. The" is two. Titles
//     ("Mr.", "Gen.", "Sen.") never end a sentence inside a paragraph;
//   - at a blank line, and at a line break after a line that ends a sentence;
//   - at a line break after a short line (fewer than 12 words) that does not
//     end in , or ; when the next line starts with a capital, a digit, an
//     opening quote or a list mark: a heading. Longer lines, or a next line
//     starting in lower case, are wrapped text and the sentence goes on;
//   - at every skipped span, and after 1,000 tokens.
#include <algorithm>
#include <array>
#include <limits>

#include "geokg/ingest.hpp"
#include "text/chars.hpp"
#include "text/text.hpp"

namespace geokg::text {

namespace {

using chars::CharClass;
using chars::LetterCase;

constexpr std::size_t kMaxSentenceTokens = 1000;
constexpr int kHeadingWords = 12;

// What the sentence pass needs to know about each token.
enum TokenNote : std::uint16_t {
  kGapSpace = 1,        // white space before the token
  kGapLine = 2,         // a line break before it
  kGapBlank = 4,        // a blank line before it
  kGapSkip = 8,         // a skipped span before it
  kStartsLower = 16,    // starts with a lower-case letter
  kTerminator = 32,     // . ! ? ... and other scripts' full stops
  kStrongStop = 64,     // a full stop that needs no space after it (。)
  kCloser = 128,        // ) ] } ” ’ and ASCII quotes
  kOpener = 256,        // ( [ { “ ‘ and ASCII quotes
  kTitleAbbrev = 512,   // "Mr.", "Gen.": the period never ends a sentence
  kFinalAbbrev = 1024,  // "U.S.", "Inc.", "F.": the period may end one
  kSoftEnd = 2048,      // , ; -: a line ending in one goes on
  kListMark = 4096,     // - * • and dashes, which may start a list item
};

enum class Abbreviation { None, Title, Final };

std::size_t lower_ascii(std::string_view word, std::array<char, 8>& buffer) {
  if (word.size() > buffer.size()) return 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (static_cast<unsigned char>(c) >= 0x80) return 0;
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return word.size();
}

// Known abbreviations that take their period. `digit_follows`: the period
// is followed by a number ("No. 10").
Abbreviation abbreviation(std::string_view word, bool digit_follows) {
  static constexpr std::string_view kTitles[] = {
      "mr",   "mrs",  "ms",   "messrs", "dr",  "prof", "gen",  "gens", "lt",   "col",  "maj",
      "capt", "cmdr", "adm",  "sgt",    "cpl", "pvt",  "brig", "sen",  "sens", "rep",  "reps",
      "gov",  "govs", "pres", "amb",    "rev", "hon",  "supt", "det",  "atty", "gov.", "vs"};
  static constexpr std::string_view kFinals[] = {
      "etc", "inc", "co",  "corp", "ltd",  "jr",   "sr",  "bros", "st",    "mt",
      "ft",  "jan", "feb", "mar",  "apr",  "jun",  "jul", "aug",  "sep",   "sept",
      "oct", "nov", "dec", "dept", "univ", "assn", "ave", "blvd", "approx"};
  if (word == "v") return Abbreviation::Title;  // "Roe v. Wade"
  std::array<char, 8> buffer{};
  const std::size_t length = lower_ascii(word, buffer);
  if (length == 0) return Abbreviation::None;
  const std::string_view lower(buffer.data(), length);
  if ((lower == "no" || lower == "nos") && digit_follows) return Abbreviation::Title;
  const bool capitalised = word.front() >= 'A' && word.front() <= 'Z';
  if (capitalised &&
      std::find(std::begin(kTitles), std::end(kTitles), lower) != std::end(kTitles)) {
    return Abbreviation::Title;
  }
  if (std::find(std::begin(kFinals), std::end(kFinals), lower) != std::end(kFinals)) {
    return Abbreviation::Final;
  }
  return Abbreviation::None;
}

// Words that often open a sentence; after "U.S." they mean a new one.
bool likely_sentence_starter(std::string_view folded) {
  static constexpr std::string_view kStarters[] = {
      "the",       "a",       "an",      "he",         "she",       "it",       "they",
      "we",        "i",       "you",     "his",        "her",       "its",      "their",
      "our",       "my",      "this",    "that",       "these",     "those",    "there",
      "here",      "but",     "and",     "or",         "so",        "yet",      "in",
      "on",        "at",      "for",     "from",       "with",      "by",       "after",
      "before",    "during",  "since",   "when",       "while",     "as",       "if",
      "although",  "though",  "because", "however",    "meanwhile", "moreover", "also",
      "still",     "then",    "now",     "today",      "yesterday", "tomorrow", "last",
      "earlier",   "later",   "some",    "many",       "most",      "all",      "both",
      "each",      "every",   "no",      "not",        "one",       "two",      "three",
      "what",      "why",     "how",     "who",        "where",     "which",    "officials",
      "according", "despite", "under",   "over",       "instead",   "even",     "such",
      "another",   "other",   "more",    "few",        "several",   "only",     "once",
      "to",        "of",      "asked",   "separately", "nor",       "neither",  "whether"};
  return std::find(std::begin(kStarters), std::end(kStarters), folded) != std::end(kStarters);
}

bool is_strong_stop(char32_t cp) {
  return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61 || cp == 0x0964 ||
         cp == 0x0965 || cp == 0x06D4;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::vector<Token>& tokens, std::vector<std::uint16_t>& notes)
      : text_(text), tokens_(tokens), notes_(notes) {}

  // Tokenises text[begin, end).
  void run(std::size_t begin, std::size_t end) {
    region_ = text_.substr(0, end);
    std::size_t pos = begin;
    while (pos < end) {
      const auto byte = static_cast<unsigned char>(region_[pos]);
      chars::Decoded d{byte, 1};
      CharClass k;
      if (byte < 0x80) {
        k = chars::classify_ascii(byte);
      } else {
        d = chars::decode(region_, pos);
        k = chars::classify(d.cp);
      }
      if (k == CharClass::Space) {
        gap_ |= kGapSpace;
        pos += d.length;
        continue;
      }
      if (k == CharClass::Newline) {
        gap_ |= kGapSpace | kGapLine;
        if (newline_seen_ && !line_has_content_) gap_ |= kGapBlank;
        newline_seen_ = true;
        line_has_content_ = false;
        pos += d.length;
        continue;
      }
      pos = token_at(pos, d, k);
    }
  }

  // A skipped span lies between the last token and the next.
  void skip() {
    gap_ |= kGapSkip;
    line_has_content_ = true;
  }

 private:
  std::size_t token_at(std::size_t pos, chars::Decoded d, CharClass k) {
    switch (k) {
      case CharClass::Letter:
      case CharClass::Mark:
      case CharClass::Digit:
        return word_at(pos);
      case CharClass::Period: {
        std::size_t end = pos + 1;
        while (end < region_.size() && region_[end] == '.') ++end;
        emit(pos, end, TokenKind::Punct, 0, kTerminator);
        return end;
      }
      case CharClass::Terminator:
        emit(pos, pos + d.length, TokenKind::Punct, 0,
             kTerminator | (is_strong_stop(d.cp) ? kStrongStop : 0));
        return pos + d.length;
      case CharClass::Ellipsis:
        emit(pos, pos + d.length, TokenKind::Punct, 0, kTerminator);
        return pos + d.length;
      case CharClass::Hyphen: {
        std::size_t end = pos + d.length;
        if (d.length == 1) {
          while (end < region_.size() && region_[end] == '-') ++end;
        }
        emit(pos, end, TokenKind::Punct, 0, kListMark | kSoftEnd);
        return end;
      }
      case CharClass::Dash:
        emit(pos, pos + d.length, TokenKind::Punct, 0, kListMark);
        return pos + d.length;
      case CharClass::Quote:
        emit(pos, pos + 1, TokenKind::Punct, 0, kOpener | kCloser);
        return pos + 1;
      case CharClass::Apostrophe:
        emit(pos, pos + d.length, TokenKind::Punct, 0, kCloser | (d.length == 1 ? kOpener : 0));
        return pos + d.length;
      case CharClass::Open:
        emit(pos, pos + d.length, TokenKind::Punct, 0, kOpener);
        return pos + d.length;
      case CharClass::Close:
        emit(pos, pos + d.length, TokenKind::Punct, 0, kCloser);
        return pos + d.length;
      case CharClass::Comma:
        emit(pos, pos + 1, TokenKind::Punct, 0, kSoftEnd);
        return pos + 1;
      case CharClass::Punct:
        emit(pos, pos + d.length, TokenKind::Punct, 0,
             (d.cp == ';' ? kSoftEnd : 0) | (d.cp == 0x2022 ? kListMark : 0));
        return pos + d.length;
      default:
        emit(pos, pos + d.length, TokenKind::Symbol, 0, d.cp == '*' ? kListMark : 0);
        return pos + d.length;
    }
  }

  chars::Decoded decode(std::size_t pos) const {
    const auto byte = static_cast<unsigned char>(region_[pos]);
    if (byte < 0x80) return {byte, 1};
    return chars::decode(region_, pos);
  }

  CharClass class_at(std::size_t pos) const {
    if (pos >= region_.size()) return CharClass::Space;
    const auto byte = static_cast<unsigned char>(region_[pos]);
    if (byte < 0x80) return chars::classify_ascii(byte);
    return chars::classify(chars::decode(region_, pos).cp);
  }

  // A word or a number: letters, marks and digits, joined by inner
  // hyphens, apostrophes and periods, and by the . , / inside numbers. An
  // abbreviation takes its final period; a possessive clitic is split off.
  std::size_t word_at(const std::size_t start) {
    int letters = 0;
    int upper = 0;
    LetterCase first_case = LetterCase::None;
    CharClass first_class = CharClass::Space;
    bool digits = false;
    bool non_ascii = false;
    int dots = 0;
    int segment_letters = 0;
    int longest_segment = 0;
    char32_t last_letter = 0;
    CharClass previous = CharClass::Space;
    std::uint16_t abbreviation_note = 0;
    std::size_t q = start;
    const std::size_t end = region_.size();

    auto add_letter = [&](LetterCase c, char32_t cp) {
      if (letters == 0) first_case = c;
      ++letters;
      ++segment_letters;
      if (c == LetterCase::Upper) ++upper;
      last_letter = cp;
    };

    while (true) {
      // The letters and digits of one part.
      while (q < end) {
        const auto byte = static_cast<unsigned char>(region_[q]);
        if (byte < 0x80) {
          const CharClass k = chars::classify_ascii(byte);
          if (k == CharClass::Letter) {
            add_letter(byte <= 'Z' ? LetterCase::Upper : LetterCase::Lower, byte);
          } else if (k == CharClass::Digit) {
            digits = true;
          } else {
            break;
          }
          if (first_class == CharClass::Space) first_class = k;
          previous = k;
          ++q;
          continue;
        }
        const auto d = chars::decode(region_, q);
        const CharClass k = chars::classify(d.cp);
        if (chars::is_ideograph(d.cp)) {
          if (q == start) {
            emit(q, q + d.length, TokenKind::Word, 0, 0);
            return q + d.length;
          }
          break;
        }
        if (k == CharClass::Letter) {
          add_letter(chars::letter_case(d.cp), d.cp);
        } else if (k == CharClass::Digit) {
          digits = true;
        } else if (k != CharClass::Mark) {
          break;
        }
        if (first_class == CharClass::Space) first_class = k;
        previous = k;
        non_ascii = true;
        q += d.length;
      }
      if (q >= end) break;
      const auto joiner = decode(q);
      const CharClass kj = chars::classify(joiner.cp);
      const std::size_t after = q + joiner.length;
      const CharClass next = class_at(after);
      if (kj == CharClass::Hyphen && chars::is_word_char(next)) {
        if (joiner.length > 1) non_ascii = true;
        longest_segment = std::max(longest_segment, segment_letters);
        segment_letters = 0;
        q = after;
        continue;
      }
      if (kj == CharClass::Apostrophe && letters > 0) {
        if (next == CharClass::Letter) {
          const char c = after < end ? region_[after] : '\0';
          if ((c == 's' || c == 'S') && !chars::is_word_char(class_at(after + 1))) {
            emit_word(start, q, letters, upper, first_case, first_class, digits, non_ascii, 0);
            emit(q, after + 1, TokenKind::Word, kPossessive, 0);
            return after + 1;
          }
          if (joiner.length > 1) non_ascii = true;
          q = after;
          continue;
        }
        if ((last_letter == 's' || last_letter == 'S') && previous == CharClass::Letter &&
            letters > 1 && !chars::is_word_char(next)) {
          emit_word(start, q, letters, upper, first_case, first_class, digits, non_ascii, 0);
          emit(q, after, TokenKind::Word, kPossessive, 0);
          return after;
        }
        break;
      }
      if (kj == CharClass::Period && previous == CharClass::Letter && next == CharClass::Letter) {
        ++dots;
        longest_segment = std::max(longest_segment, segment_letters);
        segment_letters = 0;
        q = after;
        continue;
      }
      if ((kj == CharClass::Period || kj == CharClass::Comma || joiner.cp == '/') &&
          previous == CharClass::Digit && next == CharClass::Digit) {
        q = after;
        continue;
      }
      if (kj == CharClass::Period && letters > 0 && !digits && abbreviation_note == 0 &&
          class_at(after) != CharClass::Period) {
        abbreviation_note = final_period(start, q, letters, upper, dots,
                                         std::max(longest_segment, segment_letters));
        if (abbreviation_note != 0) {
          q = after;
          // "U.S.-led": the word goes on after the abbreviation.
          if (q < end && region_[q] == '-' && chars::is_word_char(class_at(q + 1))) {
            abbreviation_note = 0;
            previous = CharClass::Hyphen;
            segment_letters = 0;
            ++q;
            continue;
          }
        }
      }
      break;
    }
    emit_word(start, q, letters, upper, first_case, first_class, digits, non_ascii,
              abbreviation_note);
    return q;
  }

  // Whether the period at `period` belongs to the word [start, period):
  // returns the note for an abbreviation, or 0.
  std::uint16_t final_period(std::size_t start, std::size_t period, int letters, int upper,
                             int dots, int longest_segment) const {
    const std::string_view word = region_.substr(start, period - start);
    // Initials and dotted abbreviations: "U.S.", "J.R.R.", "e.g.", "Ph.D.", "F."
    if (dots > 0 && longest_segment <= 2) return kFinalAbbrev;
    if (dots == 0 && letters == 1 && upper == 1 && chars::decode(word, 0).length == word.size()) {
      return kFinalAbbrev;
    }
    std::size_t after = period + 1;
    while (after < region_.size() && region_[after] == ' ') ++after;
    const bool digit_follows = class_at(after) == CharClass::Digit;
    switch (abbreviation(word, digit_follows)) {
      case Abbreviation::Title:
        return kTitleAbbrev;
      case Abbreviation::Final:
        return kFinalAbbrev;
      case Abbreviation::None:
        break;
    }
    return 0;
  }

  void emit_word(std::size_t begin, std::size_t end, int letters, int upper, LetterCase first_case,
                 CharClass first_class, bool digits, bool non_ascii,
                 std::uint16_t abbreviation_note) {
    std::uint8_t flags = 0;
    if (first_case == LetterCase::Upper) flags |= kCapitalized;
    if (letters >= 2 && upper == letters) flags |= kAllCaps;
    std::uint16_t note = abbreviation_note;
    if (first_class == CharClass::Letter && first_case == LetterCase::Lower) note |= kStartsLower;
    const TokenKind kind = letters == 0 && digits ? TokenKind::Number : TokenKind::Word;
    emit(begin, end, kind, flags, note, !non_ascii);
  }

  void emit(std::size_t begin, std::size_t end, TokenKind kind, std::uint8_t flags,
            std::uint16_t note, bool ascii = false) {
    Token& token = tokens_.emplace_back();
    token.begin = static_cast<std::uint32_t>(begin);
    token.end = static_cast<std::uint32_t>(end);
    token.kind = kind;
    token.flags = flags;
    const std::string_view bytes = region_.substr(begin, end - begin);
    if (ascii) {
      token.folded.resize(bytes.size());
      char* out = token.folded.data();
      for (const char c : bytes) *out++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    } else {
      chars::fold_append(bytes, token.folded);
    }
    notes_.push_back(static_cast<std::uint16_t>(note | gap_));
    gap_ = 0;
    newline_seen_ = false;
    line_has_content_ = true;
  }

  std::string_view text_;
  std::string_view region_;  // text up to the end of the stretch being cut
  std::vector<Token>& tokens_;
  std::vector<std::uint16_t>& notes_;
  std::uint16_t gap_ = 0;
  bool newline_seen_ = false;
  bool line_has_content_ = false;
};

class SentenceSplitter {
 public:
  SentenceSplitter(Segmentation& out, const std::vector<std::uint16_t>& notes)
      : tokens_(out.tokens), sentences_(out.sentences), notes_(notes) {}

  void run() {
    const std::size_t n = tokens_.size();
    std::size_t start = 0;
    std::uint32_t paragraph = 0;
    std::size_t ends_after = kNone;  // a sentence ends after this token
    std::size_t decided_through = kNone;
    int line_words = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint16_t note = notes_[i];
      if (i > start) {
        bool end = ends_after == i - 1;
        bool new_paragraph = false;
        if (note & kGapLine) {
          if (note & kGapBlank) {
            end = new_paragraph = true;
          } else if (end) {
            new_paragraph = true;
          } else if (heading_ends(i, line_words)) {
            end = new_paragraph = true;
          }
        }
        if (note & kGapSkip) end = true;
        if (i - start >= kMaxSentenceTokens) end = true;
        if (end) {
          close(start, i, paragraph);
          start = i;
          if (new_paragraph) ++paragraph;
        }
      }
      if (note & kGapLine) line_words = 0;
      if (tokens_[i].kind == TokenKind::Word || tokens_[i].kind == TokenKind::Number) ++line_words;
      if ((note & (kTerminator | kTitleAbbrev | kFinalAbbrev)) &&
          (decided_through == kNone || i > decided_through)) {
        const std::size_t last = absorb(i);
        decided_through = last;
        const bool ends = period_ends(i, last);
        if (ends) ends_after = last;
        if (!ends && (note & (kTitleAbbrev | kFinalAbbrev))) tokens_[i].flags |= kAbbreviation;
      }
    }
    if (start < n) close(start, n, paragraph);
  }

 private:
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

  // The last token of the punctuation that ends at token i: closing quotes
  // and brackets stuck to it, and more terminators ("?!", ". . .").
  std::size_t absorb(std::size_t i) const {
    std::size_t j = i;
    while (j + 1 < tokens_.size()) {
      const std::uint16_t next = notes_[j + 1];
      if (next & (kGapLine | kGapSkip)) break;
      const bool attached = !(next & kGapSpace);
      if ((next & kTerminator) || (attached && (next & kCloser))) {
        ++j;
        continue;
      }
      break;
    }
    return j;
  }

  // Whether the sentence ends after token `last`, given the punctuation (or
  // abbreviation) at token i.
  bool period_ends(std::size_t i, std::size_t last) const {
    const std::size_t next = last + 1;
    if (next >= tokens_.size()) return true;
    const std::uint16_t at = notes_[i];
    const std::uint16_t after = notes_[next];
    if (at & kTitleAbbrev) return (after & (kGapBlank | kGapSkip)) != 0;
    if (at & kStrongStop) return true;
    // A line that ends in . ! ? ends its sentence (and paragraph).
    if ((at & kTerminator) && (after & kGapLine)) return true;
    if (!(after & (kGapSpace | kGapSkip))) return false;  // "Yahoo!News"
    if (after & kGapSkip) return true;
    if (after & kStartsLower) return false;
    if ((at & kFinalAbbrev) && last == i && !(after & kGapLine)) {
      const Token& word = tokens_[next];
      if (word.kind == TokenKind::Word) return likely_sentence_starter(word.folded);
      return (after & kOpener) != 0;
    }
    return true;
  }

  // A line break ends a short line that is a heading: the next line starts
  // a new unit and the line does not run on.
  bool heading_ends(std::size_t i, int line_words) const {
    const std::uint16_t previous = notes_[i - 1];
    if (previous & (kTitleAbbrev | kSoftEnd)) return false;
    if (line_words >= kHeadingWords) return false;
    std::size_t k = i;
    while (k < tokens_.size() && k < i + 3 && (notes_[k] & kOpener)) ++k;
    if (k >= tokens_.size()) return true;
    if (k == i && (notes_[k] & kListMark)) return true;
    switch (tokens_[k].kind) {
      case TokenKind::Word:
        return !(notes_[k] & kStartsLower);
      case TokenKind::Number:
      case TokenKind::Symbol:
        return true;
      case TokenKind::Punct:
        return false;
    }
    return false;
  }

  void close(std::size_t first, std::size_t end, std::uint32_t paragraph) {
    tokens_[first].flags |= kSentenceStart;
    Sentence& sentence = sentences_.emplace_back();
    sentence.begin = tokens_[first].begin;
    sentence.end = tokens_[end - 1].end;
    sentence.first_token = static_cast<std::uint32_t>(first);
    sentence.end_token = static_cast<std::uint32_t>(end);
    sentence.paragraph = paragraph;
  }

  std::vector<Token>& tokens_;
  std::vector<Sentence>& sentences_;
  const std::vector<std::uint16_t>& notes_;
};

void check_size(std::string_view text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw IngestError("text", "document of " + std::to_string(text.size()) +
                                  " bytes is over the 4 GiB offset limit");
  }
}

}  // namespace

Segmentation segment(std::string_view text, std::span<const SkippedSpan> skipped) {
  check_size(text);
  // Callers pass sorted, disjoint spans; clamp and merge anyway, since a
  // bad span must not make a token run backwards.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  spans.reserve(skipped.size());
  const auto size = static_cast<std::uint32_t>(text.size());
  for (const auto& span : skipped) {
    const auto begin = std::min(span.begin, size);
    const auto end = std::min(span.end, size);
    if (begin < end) spans.emplace_back(begin, end);
  }
  std::sort(spans.begin(), spans.end());

  Segmentation out;
  std::vector<std::uint16_t> notes;
  // About one token per five bytes in news text; growing a vector of
  // tokens is costly, so err on the large side.
  out.tokens.reserve(text.size() / 5 + 16);
  notes.reserve(text.size() / 5 + 16);
  Tokenizer tokenizer(text, out.tokens, notes);
  std::uint32_t pos = 0;
  for (const auto& [begin, end] : spans) {
    if (end <= pos) continue;
    if (begin > pos) tokenizer.run(pos, begin);
    tokenizer.skip();
    pos = end;
  }
  tokenizer.run(pos, text.size());
  SentenceSplitter(out, notes).run();
  return out;
}

std::vector<std::string> fold_phrase(std::string_view phrase) {
  check_size(phrase);
  std::vector<Token> tokens;
  std::vector<std::uint16_t> notes;
  Tokenizer tokenizer(phrase, tokens, notes);
  tokenizer.run(0, phrase.size());
  std::vector<std::string> folded;
  folded.reserve(tokens.size());
  for (auto& token : tokens) folded.push_back(std::move(token.folded));
  return folded;
}

}  // namespace geokg::text

// Text stage of the extraction pipeline (private to ingest/): UTF-8 repair
// and NFC normalisation, boilerplate detection, and segmentation into
// sentences and tokens with byte offsets.
//
// Offsets here are byte offsets into the normalised text; CodepointIndex
// converts them to the code-point offsets of the extract contract.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::text {

// Raw document bytes made safe to process and store.
struct NormalizedText {
  std::string text;                   // valid UTF-8, NFC, "\n" line ends
  std::vector<std::string> warnings;  // e.g. "invalid UTF-8 at byte 1234 replaced"
};

// Repairs invalid UTF-8 (each bad byte becomes U+FFFD; one warning per run,
// naming the byte offset in `raw`, at most 10 warnings then a count), turns
// CRLF and CR into LF, drops NUL and other C0 controls except tab and
// newline, strips a leading BOM, and NFC-normalises. Never throws on content.
// A run of more than 30 combining marks gets a U+034F COMBINING GRAPHEME
// JOINER after every 30 (Unicode's stream-safe format), which keeps
// normalisation linear on hostile input.
NormalizedText normalize(std::string_view raw);

// A stretch of the document removed before extraction, and why.
struct SkippedSpan {
  std::uint32_t begin = 0;  // bytes, half-open
  std::uint32_t end = 0;
  std::string reason;       // "photo caption", "promo headline", "click-through link",
                            // "byline", "dateline", "copyright", "repeated title", ...
};

// Finds web noise in normalised text: photo captions and credits, all-caps
// promo headlines, "click here"/"read more"/"related content"/"video embed"
// lines, bylines and datelines, copyright and footer lines, a repeated
// title, lone punctuation lines. `title` is the document's title (may be
// empty). Spans are sorted, disjoint, and cover whole lines except for
// datelines and inline credits, which cover only the noise. The first
// non-blank line is the title and is never skipped (unless a different
// `title` is given: then the text starts with its body). Neighbouring spans
// of one reason with only white space between are merged into one.
// Throws IngestError for text of 4 GiB or more (offsets are 32-bit).
std::vector<SkippedSpan> find_boilerplate(std::string_view text, std::string_view title);

enum class TokenKind : std::uint8_t {
  Word,    // letters, with inner apostrophes, hyphens, periods (U.S.)
  Number,  // 11, 2,271, 3.5, 1991
  Punct,   // . , ; : ! ? ( ) [ ] quotes dashes
  Symbol,  // anything else ($ % & ...)
};

// Token flags (bit set).
enum TokenFlag : std::uint8_t {
  kCapitalized = 1,    // first letter upper-case ("Putin", "U.S.")
  kAllCaps = 2,        // every letter upper-case, at least two letters ("NATO")
  kSentenceStart = 4,  // first token of its sentence
  kAbbreviation = 8,   // ends with a period that is not a sentence end ("Mr.", "U.S.")
  kPossessive = 16,    // the clitic "'s" / "'" split off a word
};

struct Token {
  std::uint32_t begin = 0;  // bytes into the normalised text, half-open
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::Word;
  std::uint8_t flags = 0;
  // Case-folded form for dictionary lookup: lower case (full Unicode case
  // folding), curly quotes and apostrophes as ASCII, dashes as "-", NFC.
  // Accents are kept ("erdoğan").
  std::string folded;
};

struct Sentence {
  std::uint32_t begin = 0;  // bytes, half-open, trimmed of surrounding space
  std::uint32_t end = 0;
  std::uint32_t first_token = 0;  // index into Segmentation::tokens
  std::uint32_t end_token = 0;    // one past the last token
  std::uint32_t paragraph = 0;    // 0-based paragraph (blank-line or line separated)
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

// Splits `text` into sentences and tokens, skipping the `skipped` spans
// (sorted, disjoint): no token or sentence overlaps one. A sentence never
// crosses a line break that ends a paragraph (blank line, or a line that
// ends in sentence punctuation or is a heading). Abbreviations (U.S., U.N.,
// Mr., Gen., Jan., St.), initials ("John F. Kennedy"), decimals, ellipses
// and closing quotes or brackets after the period are handled. A sentence
// longer than 1,000 tokens is cut into pieces of at most 1,000.
//   - "U.S.", "Inc.", "etc.", initials and months end a sentence only before
//     a likely sentence starter ("The", "He", "But", ...), an opening quote
//     or a line break: "U.S. President" is one sentence, "the U.S. The" two.
//     Titles ("Mr.", "Gen.", "Sen.") never end one inside a paragraph.
//   - . ! ? and ellipses end a sentence unless the next word starts in
//     lower case (“Why?” he asked) or follows without a space.
//   - A line break ends a sentence after . ! ?, at a blank line, and after a
//     line of fewer than 12 words not ending in , or ; when the next line
//     starts with a capital, a digit, an opening quote or a list mark (a
//     heading). Otherwise the line is wrapped text and the sentence goes on.
//   - Every skipped span ends the sentence before it.
// Throws IngestError for text of 4 GiB or more (offsets are 32-bit).
Segmentation segment(std::string_view text, std::span<const SkippedSpan> skipped);

// Tokenises a dictionary phrase the same way segment() tokenises text and
// returns the folded forms ("North Korea's" -> {"north", "korea", "'s"}).
std::vector<std::string> fold_phrase(std::string_view phrase);

// Case-folds one UTF-8 string as Token::folded is folded.
std::string fold(std::string_view utf8);

// Maps byte offsets of a UTF-8 text to code-point offsets in O(1) after an
// O(n) build (one entry per 64 bytes, then a short scan).
class CodepointIndex {
 public:
  explicit CodepointIndex(std::string_view text);
  // Requires: byte <= text.size(). A byte inside a character maps to that
  // character's index.
  std::int64_t at(std::uint32_t byte) const;

 private:
  std::string_view text_;
  std::vector<std::int64_t> block_starts_;  // code points before each 64-byte block
};

}  // namespace geokg::text

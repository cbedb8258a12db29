// UTF-8 repair, NFC, case folding and code-point offsets.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "text/text.hpp"

using geokg::text::CodepointIndex;
using geokg::text::fold;
using geokg::text::normalize;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

// Code points before `byte`, counted the slow way; a byte inside a
// character belongs to that character.
std::int64_t naive_index(const std::string& text, std::size_t byte) {
  std::int64_t index = -1;
  for (std::size_t i = 0; i <= byte && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++index;
  }
  if (byte >= text.size()) {
    index = 0;
    for (const char c : text) {
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++index;
    }
  }
  return index;
}

}  // namespace

TEST_CASE("normalize keeps plain ASCII text as it is", "[ingest][text][normalize]") {
  const std::string text =
      "Kremlin coy on summit\n\nThe Kremlin on Tuesday said it could not "
      "confirm a report.\tEnd ~ [x] {y} 100%\n";
  const auto result = normalize(text);
  CHECK(result.text == text);
  CHECK(result.warnings.empty());
}

TEST_CASE("normalize turns CRLF and CR into LF", "[ingest][text][normalize]") {
  const auto result = normalize("Title\r\n\r\nFirst line.\rSecond line.\r\n");
  CHECK(result.text == "Title\n\nFirst line.\nSecond line.\n");
  CHECK(result.warnings.empty());
}

TEST_CASE("normalize strips a leading byte order mark only", "[ingest][text][normalize]") {
  CHECK(normalize("\xEF\xBB\xBFTitle\nBody").text == "Title\nBody");
  // One inside the text is a character like any other.
  CHECK(normalize("a\xEF\xBB\xBF"
                  "b")
            .text ==
        "a\xEF\xBB\xBF"
        "b");
  CHECK(normalize("\xEF\xBB\xBF").text.empty());
}

TEST_CASE("normalize drops NUL and C0 controls but keeps tab and newline",
          "[ingest][text][normalize]") {
  constexpr char kRaw[] = "Ki\0m\x01 Jong\x1F Un\tmet\nPutin\x07\x0B\x0C.";
  const auto result = normalize(std::string(kRaw, sizeof(kRaw) - 1));
  CHECK(result.text == "Kim Jong Un\tmet\nPutin.");
  CHECK(result.warnings.empty());
}

TEST_CASE("normalize replaces each invalid byte and warns once per run",
          "[ingest][text][normalize]") {
  SECTION("a lone byte") {
    const auto result = normalize(
        "ab\xFF"
        "cd");
    CHECK(result.text == "ab" + kReplacement + "cd");
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings[0] == "invalid UTF-8 at byte 2 replaced");
  }
  SECTION("a run of bad bytes is one warning with one replacement per byte") {
    const auto result = normalize("x\x80\x80\xFEy");
    CHECK(result.text == "x" + kReplacement + kReplacement + kReplacement + "y");
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings[0] == "invalid UTF-8 at byte 1 replaced");
  }
  SECTION("a truncated sequence at the end") {
    const auto result = normalize("ok \xE2\x82");
    CHECK(result.text == "ok " + kReplacement + kReplacement);
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings[0] == "invalid UTF-8 at byte 3 replaced");
  }
  SECTION("overlong forms and surrogates are invalid") {
    const auto overlong = normalize("\xC0\xAF");
    CHECK(overlong.text == kReplacement + kReplacement);
    const auto surrogate = normalize("\xED\xA0\x80");
    CHECK(surrogate.text == kReplacement + kReplacement + kReplacement);
    const auto too_large = normalize("\xF4\x90\x80\x80");
    CHECK(too_large.text == kReplacement + kReplacement + kReplacement + kReplacement);
  }
  SECTION("a lead byte without its continuation keeps the next character") {
    const auto result = normalize(
        "\xC3("
        "a)");
    CHECK(result.text == kReplacement + "(a)");
  }
  SECTION("offsets count the byte order mark of the raw input") {
    const auto result = normalize("\xEF\xBB\xBFq\xFF");
    CHECK(result.text == "q" + kReplacement);
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings[0] == "invalid UTF-8 at byte 4 replaced");
  }
  SECTION("valid multi-byte characters are kept") {
    const auto result = normalize(
        "Erdo\xC4\x9F"
        "an \xE2\x80\x94 \xF0\x9F\x98\x80");
    CHECK(result.text ==
          "Erdo\xC4\x9F"
          "an \xE2\x80\x94 \xF0\x9F\x98\x80");
    CHECK(result.warnings.empty());
  }
}

TEST_CASE("normalize gives at most ten warnings then a count", "[ingest][text][normalize]") {
  std::string raw;
  for (int i = 0; i < 12; ++i) raw += "ok\xFF";
  const auto result = normalize(raw);
  REQUIRE(result.warnings.size() == 11);
  CHECK(result.warnings[0] == "invalid UTF-8 at byte 2 replaced");
  CHECK(result.warnings[9] == "invalid UTF-8 at byte 29 replaced");
  CHECK(result.warnings[10] == "2 more runs of invalid UTF-8 replaced");
  std::string expected;
  for (int i = 0; i < 12; ++i) expected += "ok" + kReplacement;
  CHECK(result.text == expected);
}

TEST_CASE("normalize composes to NFC", "[ingest][text][normalize]") {
  // e + combining acute accent
  CHECK(normalize("Caf"
                  "e\xCC\x81")
            .text == "Caf\xC3\xA9");
  // g + combining breve: Erdoğan
  CHECK(normalize("Erdog\xCC\x86"
                  "an")
            .text ==
        "Erdo\xC4\x9F"
        "an");
  // Hangul jamo L + V, then syllable + trailing jamo
  CHECK(normalize("\xE1\x84\x80\xE1\x85\xA1").text == "\xEA\xB0\x80");
  CHECK(normalize("\xEA\xB0\x80\xE1\x86\xA8").text == "\xEA\xB0\x81");
  // Singletons: ANGSTROM SIGN becomes A with ring, EN QUAD becomes EN SPACE
  CHECK(normalize("\xE2\x84\xAB").text == "\xC3\x85");
  CHECK(normalize("a\xE2\x80\x80"
                  "b")
            .text ==
        "a\xE2\x80\x82"
        "b");
  // Combining marks are put in canonical order: a + acute + dot below
  CHECK(normalize("a\xCC\x81\xCC\xA3").text == "\xE1\xBA\xA1\xCC\x81");
  // Composition exclusion: DEVANAGARI QA stays decomposed
  CHECK(normalize("\xE0\xA5\x98").text == "\xE0\xA4\x95\xE0\xA4\xBC");
  // Tamil two-part vowel sign
  CHECK(normalize("\xE0\xAF\x86\xE0\xAE\xBE").text == "\xE0\xAF\x8A");
  // A dropped control does not keep a mark from its letter
  CHECK(normalize("e\x01\xCC\x81").text == "\xC3\xA9");
}

TEST_CASE("normalize keeps text that is already NFC", "[ingest][text][normalize]") {
  const std::string text =
      "\xE2\x80\x9CNo,\xE2\x80\x9D Peskov said \xE2\x80\x94 Russia\xE2\x80\x99s "
      "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3 "
      "\xD8\xA8\xD9\x88\xD8\xAA\xD9\x8A\xD9\x86 Z\xC3\xBCrich S\xC3\xA3o Paulo";
  const auto result = normalize(text);
  CHECK(result.text == text);
  CHECK(result.warnings.empty());
}

TEST_CASE("normalize of empty input is empty", "[ingest][text][normalize]") {
  const auto result = normalize("");
  CHECK(result.text.empty());
  CHECK(result.warnings.empty());
}

TEST_CASE("normalize handles ten megabytes of one byte", "[ingest][text][normalize]") {
  const std::string letters(10'000'000, 'x');
  CHECK(normalize(letters).text == letters);
  const auto invalid = normalize(std::string(1'000'000, '\xFF'));
  CHECK(invalid.text.size() == 3'000'000);
  REQUIRE(invalid.warnings.size() == 1);
  CHECK(invalid.warnings[0] == "invalid UTF-8 at byte 0 replaced");
}

TEST_CASE("normalize breaks long runs of combining marks", "[ingest][text][normalize]") {
  SECTION("a grapheme joiner after every 30 marks") {
    std::string marks = "e";
    for (int i = 0; i < 100; ++i) marks += "\xCC\x81";
    const auto result = normalize(marks).text;
    // e + acute compose; joiners go before the 31st, 61st and 91st mark.
    std::string expected = "\xC3\xA9";
    for (int i = 2; i <= 100; ++i) {
      if (i % 30 == 1) expected += "\xCD\x8F";
      expected += "\xCC\x81";
    }
    CHECK(result == expected);
    CHECK(normalize(result).text == result);
  }
  SECTION("marks of mixed classes in hostile numbers") {
    // Acute (class 230) and dot below (220) alternating: without the
    // joiners, ordering them takes quadratic time.
    std::string marks = "a";
    for (int i = 0; i < 200'000; ++i) marks += i % 2 ? "\xCC\x81" : "\xCC\xA3";
    const auto result = normalize(marks).text;
    CHECK(result.substr(0, 5) == "\xE1\xBA\xA1\xCC\xA3");  // a with dot below, then one more
    CHECK(result.size() == marks.size() + 2 * (200'000 / 30));
    CHECK(normalize(result).text == result);
  }
}

TEST_CASE("fold lower-cases ASCII and non-ASCII names", "[ingest][text][fold]") {
  CHECK(fold("ZELENSKYY") == "zelenskyy");
  CHECK(fold("Vladimir Putin") == "vladimir putin");
  CHECK(fold("Erdo\xC4\x9F"
             "an") ==
        "erdo\xC4\x9F"
        "an");
  CHECK(fold("ERDO\xC4\x9E"
             "AN") ==
        "erdo\xC4\x9F"
        "an");
  CHECK(fold("\xD0\x9F\xD0\xA3\xD0\xA2\xD0\x98\xD0\x9D") ==
        "\xD0\xBF\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD");  // ПУТИН -> путин
  CHECK(fold("Stra\xC3\x9F"
             "e") == "strasse");  // full case folding
  CHECK(fold("\xC3\x89LYS\xC3\x89"
             "E") ==
        "\xC3\xA9lys\xC3\xA9"
        "e");
  CHECK(fold("") == "");
}

TEST_CASE("fold turns curly quotes and dashes into ASCII", "[ingest][text][fold]") {
  CHECK(fold("Russia\xE2\x80\x99s") == "russia's");
  CHECK(fold("\xE2\x80\x98Yes\xE2\x80\x99") == "'yes'");
  CHECK(fold("\xE2\x80\x9CNo\xE2\x80\x9D") == "\"no\"");
  CHECK(fold("\xC2\xAB"
             "Da\xC2\xBB") == "\"da\"");
  CHECK(fold("\xE2\x80\x94") == "-");
  CHECK(fold("\xE2\x80\x93") == "-");
  CHECK(fold("\xE2\x80\x90") == "-");
  CHECK(fold("\xE2\x88\x92"
             "5") == "-5");
  CHECK(fold("\xE2\x80\xA6") == "...");
  CHECK(fold("Wait\xE2\x80\xA6 Then") == "wait... then");
}

TEST_CASE("fold composes and repairs what it is given", "[ingest][text][fold]") {
  CHECK(fold("E\xCC\x81") == "\xC3\xA9");
  CHECK(fold("a\xFF"
             "b") == "a" + kReplacement + "b");
}

TEST_CASE("CodepointIndex maps ASCII offsets to themselves", "[ingest][text][codepoints]") {
  const std::string text(300, 'k');
  const CodepointIndex index(text);
  for (std::uint32_t byte = 0; byte <= text.size(); ++byte) {
    REQUIRE(index.at(byte) == byte);
  }
}

TEST_CASE("CodepointIndex counts multi-byte characters", "[ingest][text][codepoints]") {
  // a, e-acute (2 bytes), euro (3), G clef (4), b
  const std::string text =
      "a\xC3\xA9\xE2\x82\xAC\xF0\x9D\x84\x9E"
      "b";
  const CodepointIndex index(text);
  CHECK(index.at(0) == 0);
  CHECK(index.at(1) == 1);
  CHECK(index.at(2) == 1);  // inside the e-acute
  CHECK(index.at(3) == 2);
  CHECK(index.at(5) == 2);
  CHECK(index.at(6) == 3);
  CHECK(index.at(9) == 3);
  CHECK(index.at(10) == 4);
  CHECK(index.at(11) == 5);  // the end
}

TEST_CASE("CodepointIndex agrees with a slow count across blocks", "[ingest][text][codepoints]") {
  std::string text;
  for (int i = 0; i < 500; ++i) {
    text +=
        "Erdo\xC4\x9F"
        "an \xE2\x80\x94 \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xF0\x9F\x98\x80 ";
    if (i % 7 == 0) text += std::string(static_cast<std::size_t>(i % 70), 'x');
  }
  const CodepointIndex index(text);
  for (std::size_t byte = 0; byte <= text.size(); ++byte) {
    REQUIRE(index.at(static_cast<std::uint32_t>(byte)) == naive_index(text, byte));
  }
}

TEST_CASE("CodepointIndex of empty text", "[ingest][text][codepoints]") {
  const std::string text;
  const CodepointIndex index(text);
  CHECK(index.at(0) == 0);
}

// Sentences and tokens with byte offsets.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "text/text.hpp"

using geokg::text::fold_phrase;
using geokg::text::segment;
using geokg::text::Segmentation;
using geokg::text::SkippedSpan;
using geokg::text::Token;
using geokg::text::TokenKind;
namespace text = geokg::text;

namespace {

Segmentation split(const std::string& input, const std::vector<SkippedSpan>& skipped = {}) {
  return segment(input, skipped);
}

std::vector<std::string> sentences(const std::string& input,
                                   const std::vector<SkippedSpan>& skipped = {}) {
  std::vector<std::string> out;
  for (const auto& s : split(input, skipped).sentences) {
    out.push_back(input.substr(s.begin, s.end - s.begin));
  }
  return out;
}

std::vector<std::string> token_texts(const std::string& input) {
  std::vector<std::string> out;
  for (const auto& t : split(input).tokens) out.push_back(input.substr(t.begin, t.end - t.begin));
  return out;
}

std::vector<std::string> folded(const std::string& input) {
  std::vector<std::string> out;
  for (const auto& t : split(input).tokens) out.push_back(t.folded);
  return out;
}

std::vector<std::uint32_t> paragraphs(const std::string& input) {
  std::vector<std::uint32_t> out;
  for (const auto& s : split(input).sentences) out.push_back(s.paragraph);
  return out;
}

const Token& token(const Segmentation& segmentation, const std::string& input,
                   const std::string& text) {
  for (const auto& t : segmentation.tokens) {
    if (input.compare(t.begin, t.end - t.begin, text) == 0) return t;
  }
  FAIL("no token " << text);
  return segmentation.tokens.front();
}

bool has(const Token& t, text::TokenFlag flag) {
  return (t.flags & flag) != 0;
}

}  // namespace

TEST_CASE("segment splits sentences with exact spans and tokens", "[ingest][text][segment]") {
  const std::string input = "Putin met Kim. They talked for hours!";
  const auto result = split(input);
  REQUIRE(result.sentences.size() == 2);
  CHECK(result.sentences[0].begin == 0);
  CHECK(result.sentences[0].end == 14);
  CHECK(result.sentences[0].first_token == 0);
  CHECK(result.sentences[0].end_token == 4);
  CHECK(result.sentences[1].begin == 15);
  CHECK(result.sentences[1].end == 37);
  CHECK(result.sentences[1].first_token == 4);
  CHECK(result.sentences[1].end_token == 9);
  CHECK(result.sentences[1].paragraph == 0);
  CHECK(token_texts(input) == std::vector<std::string>{"Putin", "met", "Kim", ".", "They", "talked",
                                                       "for", "hours", "!"});
  const auto& t = result.tokens;
  CHECK(t[0].begin == 0);
  CHECK(t[0].end == 5);
  CHECK(t[0].kind == TokenKind::Word);
  CHECK(t[0].flags == (text::kCapitalized | text::kSentenceStart));
  CHECK(t[0].folded == "putin");
  CHECK(t[1].flags == 0);
  CHECK(t[3].kind == TokenKind::Punct);
  CHECK(t[4].flags == (text::kCapitalized | text::kSentenceStart));
}

TEST_CASE("segment trims sentences and ignores blank text", "[ingest][text][segment]") {
  const auto result = split("  \t Hello world.  \n");
  REQUIRE(result.sentences.size() == 1);
  CHECK(result.sentences[0].begin == 4);
  CHECK(result.sentences[0].end == 16);
  CHECK(split("").tokens.empty());
  CHECK(split("").sentences.empty());
  CHECK(split(" \n\n\t \n").sentences.empty());
}

TEST_CASE("segment keeps titles and abbreviations inside sentences", "[ingest][text][segment]") {
  const std::string input =
      "Mr. Putin met Gen. Valery Gerasimov, Sen. Jane Doe and Lt. Col. Ivan Petrov on Sept. 5 "
      "in St. Petersburg. Dr. Smith, Gov. Roe and Rep. Lee came too.";
  CHECK(sentences(input) ==
        std::vector<std::string>{
            "Mr. Putin met Gen. Valery Gerasimov, Sen. Jane Doe and Lt. Col. Ivan Petrov on Sept. "
            "5 in St. Petersburg.",
            "Dr. Smith, Gov. Roe and Rep. Lee came too."});
  const auto result = split(input);
  for (const std::string abbreviation :
       {"Mr.", "Gen.", "Sen.", "Lt.", "Col.", "Sept.", "St.", "Dr.", "Gov.", "Rep."}) {
    const auto& t = token(result, input, abbreviation);
    CHECK(t.kind == TokenKind::Word);
    CHECK(has(t, text::kAbbreviation));
    CHECK(has(t, text::kCapitalized));
  }
  CHECK(token(result, input, "Mr.").folded == "mr.");
}

TEST_CASE("segment reads U.S. by the word after it", "[ingest][text][segment]") {
  CHECK(sentences("The U.S. has long suspected North Korea.") ==
        std::vector<std::string>{"The U.S. has long suspected North Korea."});
  CHECK(sentences("U.S. President Joe Biden spoke. He left.") ==
        std::vector<std::string>{"U.S. President Joe Biden spoke.", "He left."});
  CHECK(sentences("Russia asked for talks with the U.S. The Kremlin disagreed.") ==
        std::vector<std::string>{"Russia asked for talks with the U.S.", "The Kremlin disagreed."});
  CHECK(sentences("Shoigu went there, according to U.S. officials. Shoigu also said so.") ==
        std::vector<std::string>{"Shoigu went there, according to U.S. officials.",
                                 "Shoigu also said so."});
  CHECK(sentences("They met at the U.N. Security Council in New York.") ==
        std::vector<std::string>{"They met at the U.N. Security Council in New York."});
  CHECK(sentences("Aid came from the U.S.\nRussia objected.") ==
        std::vector<std::string>{"Aid came from the U.S.", "Russia objected."});
  CHECK(sentences("He joined Acme Inc. in 2019. Apple Inc. said no. It was Acme Corp. The "
                  "end.") == std::vector<std::string>{"He joined Acme Inc. in 2019.",
                                                      "Apple Inc. said no.", "It was Acme Corp.",
                                                      "The end."});
  const std::string input = "The U.S. has long suspected it. Ships left the U.S. The end.";
  const auto result = split(input);
  const auto& first = result.tokens[1];
  CHECK(input.substr(first.begin, first.end - first.begin) == "U.S.");
  CHECK(first.folded == "u.s.");
  CHECK(first.flags == (text::kCapitalized | text::kAllCaps | text::kAbbreviation));
  // At the end of a sentence the period ends it: no abbreviation flag.
  const auto& last = result.tokens[10];
  CHECK(input.substr(last.begin, last.end - last.begin) == "U.S.");
  CHECK(last.flags == (text::kCapitalized | text::kAllCaps));
}

TEST_CASE("segment keeps initials with their names", "[ingest][text][segment]") {
  const std::string input =
      "John F. Kennedy was president. J.R.R. Tolkien wrote books. "
      "The meeting was at 10 a.m. Moscow time, e.g. early.";
  CHECK(sentences(input) ==
        std::vector<std::string>{"John F. Kennedy was president.", "J.R.R. Tolkien wrote books.",
                                 "The meeting was at 10 a.m. Moscow time, e.g. early."});
  CHECK(folded("J.R.R. Tolkien and Ph.D. students") ==
        std::vector<std::string>{"j.r.r.", "tolkien", "and", "ph.d.", "students"});
}

TEST_CASE("segment reads decimals and thousands as numbers", "[ingest][text][segment]") {
  const std::string input = "Prices rose 3.5 percent to 2,271 rubles in 2024, or 1,000,000 in all.";
  const auto result = split(input);
  CHECK(token_texts(input) == std::vector<std::string>{"Prices", "rose", "3.5", "percent", "to",
                                                       "2,271", "rubles", "in", "2024", ",", "or",
                                                       "1,000,000", "in", "all", "."});
  for (const std::string number : {"3.5", "2,271", "2024", "1,000,000"}) {
    CHECK(token(result, input, number).kind == TokenKind::Number);
  }
  CHECK(result.sentences.size() == 1);
  CHECK(sentences("It rose in 2019. 2020 was worse.") ==
        std::vector<std::string>{"It rose in 2019.", "2020 was worse."});
  CHECK(token_texts("$5 and 40% on 9/11") ==
        std::vector<std::string>{"$", "5", "and", "40", "%", "on", "9/11"});
  CHECK(split("$5").tokens[0].kind == TokenKind::Symbol);
}

TEST_CASE("segment handles ellipses", "[ingest][text][segment]") {
  CHECK(sentences("He paused... and went on. Then... The end.") ==
        std::vector<std::string>{"He paused... and went on.", "Then...", "The end."});
  CHECK(token_texts("Wait\xE2\x80\xA6 Then.") ==
        std::vector<std::string>{"Wait", "\xE2\x80\xA6", "Then", "."});
  CHECK(sentences("Wait\xE2\x80\xA6 Then.") ==
        std::vector<std::string>{"Wait\xE2\x80\xA6", "Then."});
  CHECK(folded("Wait\xE2\x80\xA6") == std::vector<std::string>{"wait", "..."});
}

TEST_CASE("segment ends a sentence after its closing quote", "[ingest][text][segment]") {
  CHECK(sentences("\xE2\x80\x9CWe have nothing to say,\xE2\x80\x9D Peskov said. "
                  "\xE2\x80\x9CNo.\xE2\x80\x9D He left.") ==
        std::vector<std::string>{"\xE2\x80\x9CWe have nothing to say,\xE2\x80\x9D Peskov said.",
                                 "\xE2\x80\x9CNo.\xE2\x80\x9D", "He left."});
  CHECK(sentences("He said \"no.\" Then he left.") ==
        std::vector<std::string>{"He said \"no.\"", "Then he left."});
  CHECK(sentences("\"Why?\" she asked. \"Because,\" he said.") ==
        std::vector<std::string>{"\"Why?\" she asked.", "\"Because,\" he said."});
  CHECK(
      sentences("Kim said the ties had \xE2\x80\x9Cweathered all trials.\xE2\x80\x9D Putin "
                "agreed.") ==
      std::vector<std::string>{
          "Kim said the ties had \xE2\x80\x9Cweathered all trials.\xE2\x80\x9D", "Putin agreed."});
  CHECK(folded("\xE2\x80\x9CNo\xE2\x80\x9D") == std::vector<std::string>{"\"", "no", "\""});
}

TEST_CASE("segment handles parentheses", "[ingest][text][segment]") {
  CHECK(sentences("He left (for good). She stayed.") ==
        std::vector<std::string>{"He left (for good).", "She stayed."});
  CHECK(sentences("(The talks ended.) Both sides left.") ==
        std::vector<std::string>{"(The talks ended.)", "Both sides left."});
  CHECK(token_texts("need of (war supplies),") ==
        std::vector<std::string>{"need", "of", "(", "war", "supplies", ")", ","});
}

TEST_CASE("segment splits possessive clitics", "[ingest][text][segment]") {
  const std::string input = "Russia\xE2\x80\x99s leaders\xE2\x80\x99 talks and Kim's visit";
  CHECK(token_texts(input) == std::vector<std::string>{"Russia", "\xE2\x80\x99s", "leaders",
                                                       "\xE2\x80\x99", "talks", "and", "Kim", "'s",
                                                       "visit"});
  CHECK(folded(input) == std::vector<std::string>{"russia", "'s", "leaders", "'", "talks", "and",
                                                  "kim", "'s", "visit"});
  const auto result = split(input);
  CHECK(result.tokens[1].begin == 6);
  CHECK(result.tokens[1].end == 10);
  CHECK(result.tokens[1].kind == TokenKind::Word);
  CHECK(result.tokens[1].flags == text::kPossessive);
  CHECK(result.tokens[3].flags == text::kPossessive);
  CHECK(result.tokens[7].flags == text::kPossessive);
  CHECK(result.tokens[0].flags == (text::kCapitalized | text::kSentenceStart));
  CHECK(token_texts("RUSSIA'S hasn\xE2\x80\x99t don't O'Brien it's") ==
        std::vector<std::string>{"RUSSIA", "'S", "hasn\xE2\x80\x99t", "don't", "O'Brien", "it",
                                 "'s"});
  CHECK(folded("hasn\xE2\x80\x99t") == std::vector<std::string>{"hasn't"});
}

TEST_CASE("segment keeps hyphenated words whole", "[ingest][text][segment]") {
  const std::string input =
      "a face-to-face meeting, 11-day drills, U.S.-led talks, COVID-19, "
      "F-16s in 2022-2023 -- and \xE2\x80\x94 more";
  CHECK(token_texts(input) ==
        std::vector<std::string>{"a", "face-to-face", "meeting", ",", "11-day", "drills", ",",
                                 "U.S.-led", "talks", ",", "COVID-19", ",", "F-16s", "in",
                                 "2022-2023", "--", "and", "\xE2\x80\x94", "more"});
  const auto result = split(input);
  CHECK(token(result, input, "11-day").kind == TokenKind::Word);
  CHECK(token(result, input, "2022-2023").kind == TokenKind::Number);
  CHECK(token(result, input, "\xE2\x80\x94").folded == "-");
  CHECK(token(result, input, "U.S.-led").flags == text::kCapitalized);
}

TEST_CASE("segment sets capital flags", "[ingest][text][segment]") {
  const std::string input = "NATO and iPhone met Putin in 2024 at G7 and UN";
  const auto result = split(input);
  CHECK(token(result, input, "NATO").flags ==
        (text::kCapitalized | text::kAllCaps | text::kSentenceStart));
  CHECK(token(result, input, "iPhone").flags == 0);
  CHECK(token(result, input, "Putin").flags == text::kCapitalized);
  CHECK(token(result, input, "2024").flags == 0);
  CHECK(token(result, input, "2024").kind == TokenKind::Number);
  CHECK(token(result, input, "G7").flags == text::kCapitalized);
  CHECK(token(result, input, "UN").flags == (text::kCapitalized | text::kAllCaps));
}

TEST_CASE("segment treats lines without final punctuation as headlines",
          "[ingest][text][segment]") {
  SECTION("a title before a blank line") {
    const std::string input = "Kremlin coy on summit\n\nThe Kremlin said it could not confirm.";
    CHECK(sentences(input) == std::vector<std::string>{"Kremlin coy on summit",
                                                       "The Kremlin said it could not confirm."});
    CHECK(paragraphs(input) == std::vector<std::uint32_t>{0, 1});
  }
  SECTION("a short line followed by a capital") {
    CHECK(sentences("Kremlin coy on summit\nThe Kremlin said it could not confirm.") ==
          std::vector<std::string>{"Kremlin coy on summit",
                                   "The Kremlin said it could not confirm."});
  }
  SECTION("wrapped text continues on a lower-case line") {
    CHECK(sentences("The Kremlin on Tuesday said it could not confirm a report that North Korean\n"
                    "leader Kim Jong Un is planning to travel.") ==
          std::vector<std::string>{"The Kremlin on Tuesday said it could not confirm a report "
                                   "that North Korean\nleader Kim Jong Un is planning to travel."});
  }
  SECTION("a long wrapped line continues even before a capital") {
    CHECK(sentences("The Kremlin on Tuesday said it could not confirm a report that the leader "
                    "of\nNorth Korea is planning to travel.") ==
          std::vector<std::string>{"The Kremlin on Tuesday said it could not confirm a report "
                                   "that the leader of\nNorth Korea is planning to travel."});
  }
  SECTION("a line ending in a comma continues") {
    CHECK(sentences("In Moscow,\nPutin said no.") ==
          std::vector<std::string>{"In Moscow,\nPutin said no."});
  }
  SECTION("a line ending in a title abbreviation continues") {
    CHECK(sentences("The talks were led by Gen.\nGerasimov himself.") ==
          std::vector<std::string>{"The talks were led by Gen.\nGerasimov himself."});
  }
  SECTION("a line ending in sentence punctuation ends the sentence") {
    CHECK(sentences("It ended.\nthen it began again") ==
          std::vector<std::string>{"It ended.", "then it began again"});
  }
}

TEST_CASE("segment numbers paragraphs", "[ingest][text][segment]") {
  const std::string input = "Title here\n\nA b c.\nD e f. G h i.\n\n\nJ k l. M n o.\n";
  CHECK(sentences(input) ==
        std::vector<std::string>{"Title here", "A b c.", "D e f.", "G h i.", "J k l.", "M n o."});
  CHECK(paragraphs(input) == std::vector<std::uint32_t>{0, 1, 2, 2, 3, 3});
}

TEST_CASE("segment skips the skipped spans", "[ingest][text][segment]") {
  SECTION("a dateline") {
    const std::string input = "MOSCOW (AP) \xE2\x80\x94 The Kremlin said no.";
    const std::vector<SkippedSpan> skipped{{0, 16, "dateline"}};
    const auto result = split(input, skipped);
    REQUIRE(result.sentences.size() == 1);
    CHECK(result.sentences[0].begin == 16);
    CHECK(result.sentences[0].end == 36);
    CHECK(result.tokens.size() == 5);
    CHECK(result.tokens[0].begin == 16);
    CHECK(result.tokens[0].flags == (text::kCapitalized | text::kSentenceStart));
  }
  SECTION("a credit inside a sentence splits it") {
    const std::string input = "Putin spoke (AP Photo/Jane Doe) to reporters.";
    const std::vector<SkippedSpan> skipped{{12, 31, "photo credit"}};
    CHECK(sentences(input, skipped) == std::vector<std::string>{"Putin spoke", "to reporters."});
  }
  SECTION("a span cutting a word keeps both halves apart") {
    const std::string input = "Vladivostok summit";
    const std::vector<SkippedSpan> skipped{{4, 8, "test"}};
    CHECK(sentences(input, skipped) == std::vector<std::string>{"Vlad", "tok summit"});
  }
  SECTION("whole skipped lines") {
    const std::string input = "Title\n\nVideo Embed\nThe talks ended.\nRelated Content";
    const std::vector<SkippedSpan> skipped{{7, 18, "video embed"}, {36, 51, "related content"}};
    CHECK(sentences(input, skipped) == std::vector<std::string>{"Title", "The talks ended."});
    CHECK(split(input, skipped).sentences[1].paragraph == 1);
  }
  SECTION("unsorted, overlapping and out-of-range spans") {
    const std::string input = "One two three four five.";
    const std::vector<SkippedSpan> skipped{
        {14, 18, "b"}, {4, 7, "a"}, {5, 9, "c"}, {20, 400, "d"}, {30, 40, "e"}};
    // Together they skip "two t", "four" and "ive."; each gap breaks the sentence.
    CHECK(sentences(input, skipped) == std::vector<std::string>{"One", "hree", "f"});
  }
}

TEST_CASE("segment cuts sentences at 1000 tokens", "[ingest][text][segment]") {
  std::string input;
  for (int i = 0; i < 5000; ++i) input += "word ";
  const auto result = split(input);
  REQUIRE(result.tokens.size() == 5000);
  REQUIRE(result.sentences.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) {
    CHECK(result.sentences[i].first_token == i * 1000);
    CHECK(result.sentences[i].end_token == (i + 1) * 1000);
    CHECK(result.sentences[i].begin == i * 5000);
    CHECK(result.sentences[i].end == i * 5000 + 4999);
  }
  std::string punctuated;
  for (int i = 0; i < 1500; ++i) punctuated += "a, ";
  const auto pieces = split(punctuated + "end.").sentences;
  REQUIRE(pieces.size() == 4);
  CHECK(pieces[0].end_token - pieces[0].first_token == 1000);
  CHECK(pieces[3].end_token - pieces[3].first_token == 2);
}

TEST_CASE("segment copes with text without punctuation or in capitals", "[ingest][text][segment]") {
  CHECK(sentences("putin met kim in moscow on tuesday and they talked") ==
        std::vector<std::string>{"putin met kim in moscow on tuesday and they talked"});
  const std::string caps = "THE KREMLIN SAID ON TUESDAY IT WOULD RESPOND. NATO DISAGREED.";
  CHECK(sentences(caps) == std::vector<std::string>{"THE KREMLIN SAID ON TUESDAY IT WOULD RESPOND.",
                                                    "NATO DISAGREED."});
  CHECK(token(split(caps), caps, "KREMLIN").flags == (text::kCapitalized | text::kAllCaps));
}

TEST_CASE("segment splits tables and lists by line", "[ingest][text][segment]") {
  CHECK(sentences("| Country | Votes |\n|---|---|\n| Russia | 12 |") ==
        std::vector<std::string>{"| Country | Votes |", "|---|---|", "| Russia | 12 |"});
  CHECK(sentences("Key points:\n- Russia will send arms\n- Korea will send food\n"
                  "\xE2\x80\xA2 Both deny it") ==
        std::vector<std::string>{"Key points:", "- Russia will send arms", "- Korea will send food",
                                 "\xE2\x80\xA2 Both deny it"});
}

TEST_CASE("segment reads other scripts as words", "[ingest][text][segment]") {
  SECTION("Cyrillic") {
    const std::string input =
        "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD0\xB2\xD1\x81\xD1\x82\xD1\x80\xD0\xB5\xD1"
        "\x82\xD0\xB8\xD0\xBB\xD1\x81\xD1\x8F \xD1\x81 \xD0\x9A\xD0\xB8\xD0\xBC\xD0\xBE\xD0\xBC. "
        "\xD0\x92\xD1\x81\xD1\x82\xD1\x80\xD0\xB5\xD1\x87\xD0\xB0 \xD0\xBF\xD1\x80\xD0\xBE\xD1"
        "\x88\xD0\xBB\xD0\xB0.";  // Путин встретился с Кимом. Встреча прошла.
    const auto result = split(input);
    REQUIRE(result.sentences.size() == 2);
    REQUIRE(result.tokens.size() == 8);
    CHECK(result.tokens[0].kind == TokenKind::Word);
    CHECK(result.tokens[0].flags == (text::kCapitalized | text::kSentenceStart));
    CHECK(result.tokens[0].folded == "\xD0\xBF\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD");
    CHECK(result.tokens[0].end == 10);
    CHECK(result.tokens[2].folded == "\xD1\x81");
  }
  SECTION("Arabic") {
    // التقى بوتين كيم. ثم غادر؟ نعم
    const std::string input =
        "\xD8\xA7\xD9\x84\xD8\xAA\xD9\x82\xD9\x89 \xD8\xA8\xD9\x88\xD8\xAA\xD9\x8A\xD9\x86 "
        "\xD9\x83\xD9\x8A\xD9\x85. \xD8\xAB\xD9\x85 \xD8\xBA\xD8\xA7\xD8\xAF\xD8\xB1\xD8\x9F "
        "\xD9\x86\xD8\xB9\xD9\x85";
    const auto result = split(input);
    CHECK(result.sentences.size() == 3);
    REQUIRE(result.tokens.size() == 8);
    CHECK(result.tokens[0].kind == TokenKind::Word);
    CHECK(result.tokens[0].flags == text::kSentenceStart);
    CHECK(result.tokens[6].kind == TokenKind::Punct);
  }
  SECTION("Chinese, one token per character") {
    // 习近平会见了普京。他说。
    const std::string input =
        "\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3\xE4\xBC\x9A\xE8\xA7\x81\xE4\xBA\x86\xE6\x99\xAE"
        "\xE4\xBA\xAC\xE3\x80\x82\xE4\xBB\x96\xE8\xAF\xB4\xE3\x80\x82";
    const auto result = split(input);
    REQUIRE(result.sentences.size() == 2);
    CHECK(result.sentences[0].end_token == 9);
    CHECK(result.tokens.size() == 12);
    CHECK(result.tokens[6].folded == "\xE6\x99\xAE");
    CHECK(result.tokens[6].begin == 18);
    CHECK(result.tokens[6].end == 21);
    CHECK(result.tokens[8].kind == TokenKind::Punct);
  }
  SECTION("accented names") {
    const std::string input =
        "Erdo\xC4\x9F"
        "an met ZELENSKYY in \xC3\x89vian.";
    CHECK(folded(input) == std::vector<std::string>{"erdo\xC4\x9F"
                                                    "an",
                                                    "met", "zelenskyy", "in", "\xC3\xA9vian", "."});
    const auto result = split(input);
    CHECK(result.tokens[0].end == 8);
    CHECK(result.tokens[4].flags == text::kCapitalized);
  }
}

TEST_CASE("segment survives hostile input", "[ingest][text][segment]") {
  SECTION("a ten megabyte token") {
    const std::string input(10'000'000, 'a');
    const auto result = split(input);
    REQUIRE(result.tokens.size() == 1);
    CHECK(result.tokens[0].end == 10'000'000);
    CHECK(result.tokens[0].folded.size() == 10'000'000);
    REQUIRE(result.sentences.size() == 1);
  }
  SECTION("a long non-ASCII token") {
    std::string input;
    for (int i = 0; i < 1'000'000; ++i) input += "\xC3\x89";
    const auto result = split(input);
    REQUIRE(result.tokens.size() == 1);
    CHECK(result.tokens[0].folded.size() == 2'000'000);
    CHECK(result.tokens[0].folded.substr(0, 2) == "\xC3\xA9");
  }
  SECTION("long runs of one punctuation mark") {
    CHECK(split(std::string(1'000'000, '.')).tokens.size() == 1);
    CHECK(split(std::string(1'000'000, '-')).tokens.size() == 1);
    const auto bangs = split(std::string(100'000, '!'));
    CHECK(bangs.tokens.size() == 100'000);
    CHECK(bangs.sentences.size() == 100);
    const auto opens = split(std::string(100'000, '('));
    CHECK(opens.sentences.size() == 100);
  }
  SECTION("joined parts without end") {
    std::string dotted;
    for (int i = 0; i < 500'000; ++i) dotted += "a.";
    CHECK(split(dotted).tokens.size() == 1);
    std::string numbers;
    for (int i = 0; i < 500'000; ++i) numbers += "1,";
    numbers += "1";
    CHECK(split(numbers).tokens.size() == 1);
    std::string clitics;
    for (int i = 0; i < 100'000; ++i) clitics += "s's";
    CHECK(split(clitics).tokens.size() == 2);
  }
  SECTION("invalid UTF-8 given without normalising") {
    const std::string input = "Putin \xFF\xFE met \xE2\x80 Kim.";
    const auto result = split(input);
    CHECK(result.sentences.size() == 1);
    CHECK(token_texts(input) ==
          std::vector<std::string>{"Putin", "\xFF", "\xFE", "met", "\xE2", "\x80", "Kim", "."});
    CHECK(result.tokens[1].kind == TokenKind::Symbol);
    CHECK(result.tokens[1].folded == "\xEF\xBF\xBD");
  }
  SECTION("only newlines and spaces") {
    CHECK(split(std::string(1'000'000, '\n')).tokens.empty());
    CHECK(split(std::string(1'000'000, ' ')).tokens.empty());
  }
}

TEST_CASE("fold_phrase tokenises dictionary phrases like text", "[ingest][text][segment]") {
  CHECK(fold_phrase("North Korea's") == std::vector<std::string>{"north", "korea", "'s"});
  CHECK(fold_phrase("Russia\xE2\x80\x99s") == std::vector<std::string>{"russia", "'s"});
  CHECK(fold_phrase("U.S. Department of State") ==
        std::vector<std::string>{"u.s.", "department", "of", "state"});
  CHECK(fold_phrase("Kim Jong-un") == std::vector<std::string>{"kim", "jong-un"});
  CHECK(fold_phrase("Recep Tayyip ERDO\xC4\x9E"
                    "AN") == std::vector<std::string>{"recep", "tayyip",
                                                      "erdo\xC4\x9F"
                                                      "an"});
  CHECK(fold_phrase("ZELENSKYY") == std::vector<std::string>{"zelenskyy"});
  CHECK(fold_phrase("Mr. Putin") == std::vector<std::string>{"mr.", "putin"});
  CHECK(fold_phrase("\xE6\x99\xAE\xE4\xBA\xAC") ==
        std::vector<std::string>{"\xE6\x99\xAE", "\xE4\xBA\xAC"});
  CHECK(fold_phrase("").empty());
  CHECK(fold_phrase("  ").empty());
  // The same forms as segment() gives for the phrase inside a sentence.
  const std::string input = "Officials of North Korea's army met U.S. Department of State staff.";
  const auto tokens = folded(input);
  CHECK(std::vector<std::string>(tokens.begin() + 2, tokens.begin() + 5) ==
        fold_phrase("North Korea's"));
  CHECK(std::vector<std::string>(tokens.begin() + 7, tokens.begin() + 11) ==
        fold_phrase("U.S. Department of State"));
}

// Web noise found before extraction: which stretches, and why.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "text/text.hpp"

using geokg::text::find_boilerplate;
using geokg::text::segment;
using geokg::text::SkippedSpan;

namespace {

struct Noise {
  std::string text;
  std::string reason;
  bool operator==(const Noise& other) const { return text == other.text && reason == other.reason; }
};

std::ostream& operator<<(std::ostream& out, const Noise& noise) {
  return out << "{\"" << noise.text << "\", " << noise.reason << "}";
}

std::vector<Noise> noise(const std::string& text, std::string_view title = "") {
  std::vector<Noise> found;
  for (const auto& span : find_boilerplate(text, title)) {
    found.push_back({text.substr(span.begin, span.end - span.begin), span.reason});
  }
  return found;
}

// The kept sentences, as text.
std::vector<std::string> kept_sentences(const std::string& text, std::string_view title = "") {
  const auto skipped = find_boilerplate(text, title);
  const auto segmentation = segment(text, skipped);
  std::vector<std::string> sentences;
  for (const auto& s : segmentation.sentences) {
    sentences.push_back(text.substr(s.begin, s.end - s.begin));
  }
  return sentences;
}

}  // namespace

TEST_CASE("boilerplate spans are exact line ranges", "[ingest][text][boilerplate]") {
  const std::string text = "Talks end in Ankara\n\nVideo Embed\nThe talks ended on Monday.\n";
  const auto spans = find_boilerplate(text, "");
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].begin == 21);
  CHECK(spans[0].end == 32);
  CHECK(spans[0].reason == "video embed");
}

TEST_CASE("photo captions and credits are skipped", "[ingest][text][boilerplate]") {
  const std::string text =
      "Leaders meet in Ankara\n"
      "\n"
      "FILE \xE2\x80\x93 Turkish President Recep Tayyip Erdo\xC4\x9F"
      "an, left, greets a guest in Ankara, Turkey, on May 3, 2022. (AP Photo/Burhan "
      "Ozbilici, File)\n"
      "\n"
      "Photo: Oil tankers near the port of Novorossiysk / Reuters\n"
      "Getty Images\n"
      "Alexander Petrov/AP\n"
      "Police guard the summit venue in Ankara, Turkey, on Monday. (Gavriil Grigorov, Sputnik, "
      "Kremlin Pool Photo via AP)\n"
      "(AP Photo/Evan Vucci)\n"
      "The two leaders met for three hours on Monday.\n";
  // Neighbouring spans of one reason merge, across blank lines too.
  CHECK(noise(text) ==
        std::vector<Noise>{
            {"FILE \xE2\x80\x93 Turkish President Recep Tayyip Erdo\xC4\x9F"
             "an, left, greets a guest in Ankara, Turkey, on May 3, 2022. (AP Photo/Burhan "
             "Ozbilici, File)\n\nPhoto: Oil tankers near the port of Novorossiysk / Reuters",
             "photo caption"},
            {"Getty Images\nAlexander Petrov/AP", "photo credit"},
            {"Police guard the summit venue in Ankara, Turkey, on Monday. (Gavriil Grigorov, "
             "Sputnik, Kremlin Pool Photo via AP)",
             "photo caption"},
            {"(AP Photo/Evan Vucci)", "photo credit"},
        });
  CHECK(kept_sentences(text) == std::vector<std::string>{
                                    "Leaders meet in Ankara",
                                    "The two leaders met for three hours on Monday.",
                                });
}

TEST_CASE("a FILE caption wrapped over lines is skipped up to its credit",
          "[ingest][text][boilerplate]") {
  const std::string text =
      "Summit in Vladivostok\n"
      "\n"
      "FILE - Russian President Vladimir Putin, right, and North Korean leader Kim Jong Un\n"
      "pose for a photo in Vladivostok, Russia, on April 25, 2019. (AP Photo/Alexander\n"
      "Zemlianichenko, Pool, File)\n"
      "\n"
      "The Kremlin said on Tuesday that it could not confirm the report.\n";
  CHECK(noise(text) ==
        std::vector<Noise>{
            {"FILE - Russian President Vladimir Putin, right, and North Korean leader Kim Jong Un\n"
             "pose for a photo in Vladivostok, Russia, on April 25, 2019. (AP Photo/Alexander\n"
             "Zemlianichenko, Pool, File)",
             "photo caption"},
        });
}

TEST_CASE("credits inside a line cover only the credit", "[ingest][text][boilerplate]") {
  const std::string text =
      "Vote in Brussels\n"
      "\n"
      "The minister spoke in Brussels (AP Photo/Virginia Mayo) before the vote on Tuesday, "
      "officials said.\n"
      "Ministers gathered outside the council building. Photo: Jane Doe / Reuters\n";
  CHECK(noise(text) == std::vector<Noise>{
                           {"(AP Photo/Virginia Mayo)", "photo credit"},
                           {"Photo: Jane Doe / Reuters", "photo credit"},
                       });
  CHECK(kept_sentences(text) == std::vector<std::string>{
                                    "Vote in Brussels",
                                    "The minister spoke in Brussels",
                                    "before the vote on Tuesday, officials said.",
                                    "Ministers gathered outside the council building.",
                                });
}

TEST_CASE("all-caps promo headlines are skipped", "[ingest][text][boilerplate]") {
  const std::string text =
      "Kremlin coy on summit\n"
      "\n"
      "The Kremlin said it could not confirm the report.\n"
      "\n"
      "HALEY USES RAMASWAMY AS 2024 FOIL IN FOREIGN POLICY FEUD\n"
      "\n"
      "North Korea also has not commented on the matter.\n"
      "BIDEN SIGNS ORDER ON CHIP EXPORTS AS RACE HEATS UP\n"
      "THE ARMY SAID IT WOULD WITHDRAW BY FRIDAY.\n"
      "NATO and EU officials met in Brussels\n";
  CHECK(noise(text) ==
        std::vector<Noise>{
            {"HALEY USES RAMASWAMY AS 2024 FOIL IN FOREIGN POLICY FEUD", "promo headline"},
            {"BIDEN SIGNS ORDER ON CHIP EXPORTS AS RACE HEATS UP", "promo headline"},
        });
}

TEST_CASE("a document written in capitals keeps its lines", "[ingest][text][boilerplate]") {
  const std::string text =
      "RUSSIA AND NORTH KOREA PLAN SUMMIT\n"
      "\n"
      "THE KREMLIN SAID ON TUESDAY IT COULD NOT CONFIRM A REPORT\n"
      "\n"
      "KIM IS PREPARING TO TRAVEL TO VLADIVOSTOK LATER THIS MONTH\n"
      "\n"
      "THE TWO LEADERS COULD MEET AS EARLY AS SUNDAY\n";
  CHECK(noise(text).empty());
  CHECK(kept_sentences(text).size() == 4);
}

TEST_CASE("links and prompts are skipped with their reason", "[ingest][text][boilerplate]") {
  const std::string text =
      "Strike hits Odesa port\n"
      "\n"
      "Russian missiles struck the port of Odesa overnight, officials said.\n"
      "Click here to read more\n"
      "READ MORE: Putin visits Beijing for talks\n"
      "Continue reading\n"
      "Related Content\n"
      "Related: Ukraine war latest\n"
      "Video Embed\n"
      "WATCH: Drone footage of the strike\n"
      "Sign up for our daily newsletter\n"
      "Subscribe to the Morning Brief newsletter for the latest news.\n"
      "ADVERTISEMENT\n"
      "Advertisement - Scroll to Continue\n"
      "Officials said they would read more of the documents before deciding.\n"
      "Related talks are planned for next week.\n"
      "Advertisement spending fell by 3% last year.\n"
      "Watch the skies, the general told his troops.\n";
  CHECK(noise(text) == std::vector<Noise>{
                           {"Click here to read more\n"
                            "READ MORE: Putin visits Beijing for talks\n"
                            "Continue reading",
                            "click-through link"},
                           {"Related Content\nRelated: Ukraine war latest", "related content"},
                           {"Video Embed\nWATCH: Drone footage of the strike", "video embed"},
                           {"Sign up for our daily newsletter\n"
                            "Subscribe to the Morning Brief newsletter for the latest news.",
                            "newsletter prompt"},
                           {"ADVERTISEMENT\nAdvertisement - Scroll to Continue", "advertisement"},
                       });
}

TEST_CASE("bylines are skipped and sentences starting with By are kept",
          "[ingest][text][boilerplate]") {
  const std::string text =
      "Ceasefire talks stall\n"
      "By Jane Doe, Associated Press\n"
      "\n"
      "By Tuesday, the two sides had agreed to a ceasefire.\n"
      "By JANE DOE\n"
      "By Jane Doe and Omar Faruk\n"
      "\n"
      "By the end of the year, prices had risen sharply.\n"
      "By Jane Doe | Reuters\n"
      "Reporting by Jane Doe; Editing by John Roe\n"
      "\n"
      "By Sample Wire staff\n"
      "\n"
      "By then, the staff had left.\n";
  CHECK(noise(text) ==
        std::vector<Noise>{
            {"By Jane Doe, Associated Press", "byline"},
            {"By JANE DOE\nBy Jane Doe and Omar Faruk", "byline"},
            // Neighbouring spans of one reason merge across blank lines.
            {"By Jane Doe | Reuters\nReporting by Jane Doe; Editing by John Roe\n\n"
             "By Sample Wire staff",
             "byline"},
        });
}

TEST_CASE("datelines are skipped and the sentence after them kept", "[ingest][text][boilerplate]") {
  const std::string text =
      "Drone attack on Kyiv\n"
      "\n"
      "KYIV, Ukraine (Reuters) - Russian drones struck Kyiv overnight, the mayor said.\n"
      "\n"
      "MOSCOW (AP) \xE2\x80\x94 The Kremlin on Tuesday denied the report.\n"
      "WASHINGTON \xE2\x80\x94 The Senate voted on Thursday.\n"
      "ST. PETERSBURG, Russia (AP) \xE2\x80\x94 Officials met on Friday.\n"
      "UNITED NATIONS (AP) \xE2\x80\x93 The council will meet again.\n"
      "NATO \xE2\x80\x94 the alliance of 31 countries \xE2\x80\x94 met on Monday.\n"
      "US \xE2\x80\x94 Officials said nothing.\n"
      "Talks resumed in the capital city of\n"
      "MOSCOW \xE2\x80\x94 where officials met on Monday.\n";
  CHECK(noise(text) == std::vector<Noise>{
                           {"KYIV, Ukraine (Reuters) - ", "dateline"},
                           {"MOSCOW (AP) \xE2\x80\x94 ", "dateline"},
                           {"WASHINGTON \xE2\x80\x94 ", "dateline"},
                           {"ST. PETERSBURG, Russia (AP) \xE2\x80\x94 ", "dateline"},
                           {"UNITED NATIONS (AP) \xE2\x80\x93 ", "dateline"},
                       });
  const auto sentences = kept_sentences(text);
  REQUIRE(sentences.size() >= 3);
  CHECK(sentences[1] == "Russian drones struck Kyiv overnight, the mayor said.");
  CHECK(sentences[2] == "The Kremlin on Tuesday denied the report.");
}

TEST_CASE("copyright and footer lines are skipped", "[ingest][text][boilerplate]") {
  const std::string text =
      "Court rules on music case\n"
      "\n"
      "The company sued over copyright infringement in 2021.\n"
      "\xC2\xA9 2023 Washington Examiner\n"
      "\n"
      "Copyright 2023 The Associated Press. All rights reserved.\n"
      "This material may not be published, broadcast, rewritten or redistributed without "
      "permission.\n"
      "(c) 2024 Example News Ltd\n";
  CHECK(noise(text) == std::vector<Noise>{
                           {"\xC2\xA9 2023 Washington Examiner\n\n"
                            "Copyright 2023 The Associated Press. All rights reserved.\n"
                            "This material may not be published, broadcast, rewritten or "
                            "redistributed without permission.\n"
                            "(c) 2024 Example News Ltd",
                            "copyright"},
                       });
}

TEST_CASE("a repeated title is skipped and the first line never is",
          "[ingest][text][boilerplate]") {
  SECTION("the first line is the title") {
    const std::string text =
        "Kremlin hosts talks\n"
        "\n"
        "Kremlin Hosts  Talks\n"
        "The Kremlin hosted talks on Monday.\n"
        "Kremlin hosts talks\n";
    CHECK(noise(text) == std::vector<Noise>{
                             {"Kremlin Hosts  Talks", "repeated title"},
                             {"Kremlin hosts talks", "repeated title"},
                         });
    CHECK(noise(text, "Kremlin hosts talks").size() == 2);
  }
  SECTION("a first line that looks like noise is the title and stays") {
    const std::string text = "CLICK HERE FOR DEALS\n\nShops opened early on Friday.\n";
    CHECK(noise(text).empty());
  }
  SECTION("text that starts with its body when the title is given apart") {
    const std::string text =
        "MOSCOW (AP) \xE2\x80\x94 The Kremlin said on Tuesday it could not confirm a report.\n"
        "Kremlin coy on summit\n";
    CHECK(noise(text, "Kremlin coy on summit") == std::vector<Noise>{
                                                      {"MOSCOW (AP) \xE2\x80\x94 ", "dateline"},
                                                      {"Kremlin coy on summit", "repeated title"},
                                                  });
  }
}

TEST_CASE("lines of lone punctuation are skipped", "[ingest][text][boilerplate]") {
  const std::string text =
      "Markets fall\n"
      "\n"
      ".\n"
      "\n"
      "Stocks fell sharply on Monday.\n"
      "* * *\n"
      "\xE2\x80\x94\n"
      "2023\n";
  CHECK(noise(text) == std::vector<Noise>{
                           {".", "lone punctuation"},
                           {"* * *\n\xE2\x80\x94", "lone punctuation"},
                       });
}

TEST_CASE("kicker lines before the body are skipped", "[ingest][text][boilerplate]") {
  const std::string text =
      "Kremlin coy on summit between Putin and Kim\n"
      "North Korea Russia Explainer\n"
      "ANALYSIS\n"
      "Ukraine War Live Updates\n"
      "Putin Meets Kim\n"
      "The Kremlin on Tuesday said it could not confirm a report about the summit.\n"
      "Market Analysis\n"
      "Prices rose.\n";
  CHECK(noise(text) ==
        std::vector<Noise>{
            {"North Korea Russia Explainer\nANALYSIS\nUkraine War Live Updates", "kicker"},
        });
}

TEST_CASE("boilerplate of empty or blank text is empty", "[ingest][text][boilerplate]") {
  CHECK(find_boilerplate("", "").empty());
  CHECK(find_boilerplate("\n\n  \n\t\n", "").empty());
  CHECK(find_boilerplate("", "Title").empty());
  CHECK(find_boilerplate("Only a title", "").empty());
}

TEST_CASE("boilerplate spans are sorted and disjoint on noisy text",
          "[ingest][text][boilerplate]") {
  std::string text = "Title of the story\n\n";
  for (int i = 0; i < 200; ++i) {
    text += "MOSCOW (AP) \xE2\x80\x94 Putin spoke (AP Photo/Jane Doe) on Monday. Photo: X / AP\n";
    text += "Video Embed\n.\nBy Jane Doe\nThe talks went on.\n";
  }
  const auto spans = find_boilerplate(text, "");
  REQUIRE(spans.size() == 1200);
  for (std::size_t i = 0; i < spans.size(); ++i) {
    REQUIRE(spans[i].begin < spans[i].end);
    REQUIRE(spans[i].end <= text.size());
    if (i > 0) REQUIRE(spans[i - 1].end <= spans[i].begin);
  }
  CHECK(spans[0].reason == "dateline");
  CHECK(spans[1].reason == "photo credit");
  CHECK(spans[2].reason == "photo credit");
  CHECK(spans[3].reason == "video embed");
  CHECK(spans[4].reason == "lone punctuation");
  CHECK(spans[5].reason == "byline");
  CHECK(spans[6].reason == "dateline");
}

TEST_CASE("boilerplate on hostile text neither crashes nor skips everything",
          "[ingest][text][boilerplate]") {
  CHECK(find_boilerplate(std::string(1'000'000, '\n'), "").empty());
  CHECK(find_boilerplate(std::string(1'000'000, 'A'), "").empty());
  const auto dots = find_boilerplate("Title\n" + std::string(100'000, '.'), "");
  REQUIRE(dots.size() == 1);
  CHECK(dots[0].reason == "lone punctuation");
  std::string table = "Votes by country\n";
  for (int i = 0; i < 1000; ++i) table += "| Russia | " + std::to_string(i) + " | yes |\n";
  CHECK(find_boilerplate(table, "").empty());
  std::string caps;
  for (int i = 0; i < 1000; ++i) caps += "PUTIN MET KIM IN MOSCOW ON TUESDAY\n";
  CHECK(find_boilerplate(caps, "").size() == 1);  // every line repeats the first
}

TEST_CASE("the seed article loses its noise and keeps its sentences",
          "[ingest][text][boilerplate][seed]") {
  const std::string path = std::string(GEOKG_SHARED_DIR) + "/seed/kremlin-summit.txt";
  if (!std::filesystem::exists(path)) {
    WARN("skipped: " << path << " is missing (../shared is absent outside the workshop)");
    return;
  }
  const std::string raw = geokg::test::read_file(path);
  const auto normalized = geokg::text::normalize(raw);
  const std::string& text = normalized.text;
  const auto skipped = find_boilerplate(text, "");
  auto skipped_line = [&](const std::string& line) {
    for (const auto& span : skipped) {
      const auto s = text.substr(span.begin, span.end - span.begin);
      if (s.find(line) != std::string::npos) return true;
    }
    return false;
  };
  const std::string title = "Kremlin coy on summit between Vladimir Putin and Kim Jong Un";
  CHECK(skipped_line("FILE \xE2\x80\x93 Russian President Vladimir Putin"));
  CHECK(skipped_line("Alexander Zemlianichenko/AP"));
  CHECK(skipped_line("Video Embed"));
  CHECK(skipped_line("HALEY USES RAMASWAMY AS 2024 FOIL IN FOREIGN POLICY FEUD"));
  CHECK(skipped_line("CLICK HERE FOR MORE FROM THE WASHINGTON EXAMINER"));
  CHECK(skipped_line("\xC2\xA9 2023 Washington Examiner"));
  CHECK(skipped_line("Related Content"));
  CHECK(skipped_line("North Korea Russia Explainer"));
  // The lone "." and the second copy of the title, but not the first.
  REQUIRE(text.rfind(title) != text.find(title));
  bool dot = false;
  bool repeated = false;
  for (const auto& span : skipped) {
    CHECK(span.begin != 0);
    if (text.substr(span.begin, span.end - span.begin) == ".") dot = true;
    if (span.begin == text.rfind(title) && span.reason == "repeated title") repeated = true;
  }
  CHECK(dot);
  CHECK(repeated);

  // Every other line is body text and is covered by kept sentences.
  const auto segmentation = segment(text, skipped);
  std::size_t line_begin = 0;
  int body_lines = 0;
  while (line_begin < text.size()) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string::npos) line_end = text.size();
    const std::string line = text.substr(line_begin, line_end - line_begin);
    const bool is_skipped = std::any_of(skipped.begin(), skipped.end(), [&](const SkippedSpan& s) {
      return s.begin <= line_begin && s.end >= line_end;
    });
    if (!is_skipped && line.find_first_not_of(" ") != std::string::npos) {
      ++body_lines;
      // Each non-space byte of the line lies inside a kept sentence.
      for (std::size_t b = line_begin; b < line_end; ++b) {
        const bool nbsp = text.compare(b, 2, "\xC2\xA0") == 0 ||
                          (b > 0 && text.compare(b - 1, 2, "\xC2\xA0") == 0);
        if (text[b] == ' ' || nbsp) continue;  // the article has trailing no-break spaces
        const bool covered =
            std::any_of(segmentation.sentences.begin(), segmentation.sentences.end(),
                        [&](const geokg::text::Sentence& s) { return s.begin <= b && b < s.end; });
        INFO("byte " << b << " of line: " << line);
        REQUIRE(covered);
      }
    }
    line_begin = line_end + 1;
  }
  CHECK(body_lines == 14);  // the title and 13 body paragraphs
}

// Throughput of the text stage (normalize + find_boilerplate + segment) on
// generated news articles: mostly ASCII, with curly quotes, dashes, a few
// accented and Cyrillic names, datelines, captions and promo lines.
//
//   text_throughput [megabytes=8] [runs=5]
//
// Prints words per second of CPU time (white-space separated words of the
// input) for each stage alone and for the three together, per article as
// the pipeline calls them and for the whole input as one document, best of
// `runs`.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "text/text.hpp"

namespace {

const std::vector<std::string> kSubjects = {"Russian President Vladimir Putin",
                                            "North Korean leader Kim Jong Un",
                                            "Turkish President Recep Tayyip Erdoğan",
                                            "Ukrainian President Volodymyr Zelenskyy",
                                            "U.S. Secretary of State Antony Blinken",
                                            "Mr. Peskov",
                                            "Gen. Valery Gerasimov",
                                            "The Kremlin",
                                            "NATO officials",
                                            "The U.N. Security Council",
                                            "China’s foreign ministry",
                                            "Sen. Jane Doe, R-Ariz.,",
                                            "Defense Minister Sergei Shoigu",
                                            "Президент Путин"};
const std::vector<std::string> kVerbs = {
    "met with", "criticized", "called on", "threatened",      "signed an agreement with",
    "accused",  "praised",    "warned",    "held talks with", "sent a letter to"};
const std::vector<std::string> kObjects = {"the leaders of the three countries",
                                           "South Korea",
                                           "Iran’s top military backer",
                                           "the European Union",
                                           "Japan and South Korea",
                                           "Beijing",
                                           "the Kremlin’s allies",
                                           "the country’s navy",
                                           "the 11-day trilateral naval exercises",
                                           "the Associated Press"};
const std::vector<std::string> kTails = {"on Tuesday",
                                         "in Vladivostok, Russia, on Sept. 5",
                                         "after 2,271 shells were fired",
                                         "for the first time since 1991",
                                         "according to U.S. officials",
                                         "despite a 3.5% drop in trade",
                                         "— a move that could cause concern —",
                                         "in a face-to-face meeting",
                                         "at the Eastern Economic Forum",
                                         "late on Monday"};
const std::vector<std::string> kQuotes = {
    "“We cannot confirm this,” Kremlin spokesman Dmitry Peskov said.",
    "“Russia is in urgent need of (war supplies),” Kim Taewoo told the Associated Press.",
    "“If not, how could the defense minister come to a small country?” he asked.",
    "Peskov said: “We have nothing to say on this.”"};
const std::vector<std::string> kNoise = {
    "Video Embed",
    "CLICK HERE FOR MORE FROM THE WASHINGTON EXAMINER",
    "Related Content",
    "HALEY USES RAMASWAMY AS 2024 FOIL IN FOREIGN POLICY FEUD",
    "Advertisement",
    "FILE – Putin and Kim pose for a photo in Vladivostok, Russia, on April 25, 2019. (AP "
    "Photo/Alexander Zemlianichenko, Pool, File)",
    "By Jane Doe, Associated Press",
    "© 2023 Washington Examiner"};

// Articles of about 3 to 8 KB until `bytes` are generated.
std::vector<std::string> generate(std::size_t bytes) {
  std::mt19937 random(20230905);
  auto pick = [&](const std::vector<std::string>& list) -> const std::string& {
    return list[random() % list.size()];
  };
  std::vector<std::string> articles;
  std::size_t total = 0;
  while (total < bytes) {
    std::string text = "Kremlin coy on summit number " + std::to_string(articles.size() + 1) +
                       "\n\nNorth Korea Russia Explainer\n" + pick(kNoise) + "\n\nMOSCOW (AP) — ";
    const int paragraphs = 6 + static_cast<int>(random() % 10);
    for (int paragraph = 0; paragraph < paragraphs; ++paragraph) {
      const int sentences = 1 + static_cast<int>(random() % 4);
      for (int s = 0; s < sentences; ++s) {
        if (random() % 5 == 0) {
          text += pick(kQuotes);
        } else {
          text += pick(kSubjects) + " " + pick(kVerbs) + " " + pick(kObjects) + " " + pick(kTails) +
                  ", and " + pick(kSubjects) + " " + pick(kVerbs) + " " + pick(kObjects) + ".";
        }
        text += s + 1 < sentences ? " " : "\n\n";
      }
      if (random() % 6 == 0) text += pick(kNoise) + "\n\n";
    }
    total += text.size();
    articles.push_back(std::move(text));
  }
  return articles;
}

std::size_t count_words(const std::string& text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// CPU time of this thread: other processes on a shared machine slow the
// wall clock down, not this.
double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

template <typename Run>
double best_seconds(int runs, Run run) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    const double start = cpu_seconds();
    run();
    best = std::min(best, cpu_seconds() - start);
  }
  return best;
}

std::size_t run_stage(const std::string& raw) {
  using namespace geokg::text;
  const auto text = normalize(raw);
  const auto spans = find_boilerplate(text.text, "");
  return segment(text.text, spans).tokens.size();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace geokg::text;
  const std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 8;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  const std::vector<std::string> articles = generate(megabytes * 1024 * 1024);
  std::string joined;
  double words = 0;
  for (const auto& article : articles) {
    words += static_cast<double>(count_words(article));
    joined += article;
  }

  // Per article, as the pipeline calls the stage.
  std::vector<NormalizedText> normalized;
  std::vector<std::vector<SkippedSpan>> skipped;
  std::size_t tokens = 0;
  std::size_t sentences = 0;
  std::size_t spans = 0;
  for (const auto& article : articles) {
    normalized.push_back(normalize(article));
    skipped.push_back(find_boilerplate(normalized.back().text, ""));
    const auto segmentation = segment(normalized.back().text, skipped.back());
    tokens += segmentation.tokens.size();
    sentences += segmentation.sentences.size();
    spans += skipped.back().size();
  }
  std::size_t sink = 0;
  const double t_normalize = best_seconds(runs, [&] {
    for (const auto& article : articles) sink += normalize(article).text.size();
  });
  const double t_boilerplate = best_seconds(runs, [&] {
    for (const auto& text : normalized) sink += find_boilerplate(text.text, "").size();
  });
  const double t_segment = best_seconds(runs, [&] {
    for (std::size_t i = 0; i < normalized.size(); ++i) {
      sink += segment(normalized[i].text, skipped[i]).tokens.size();
    }
  });
  const double t_all = best_seconds(runs, [&] {
    for (const auto& article : articles) sink += run_stage(article);
  });
  const double t_joined = best_seconds(runs, [&] { sink += run_stage(joined); });

  std::printf(
      "input: %zu articles, %.1f MB, %.0f words, %zu tokens, %zu sentences, "
      "%zu skipped spans\n",
      articles.size(), static_cast<double>(joined.size()) / 1e6, words, tokens, sentences, spans);
  std::printf("normalize         %8.2f M words/s  (%.0f MB/s)\n", words / t_normalize / 1e6,
              static_cast<double>(joined.size()) / t_normalize / 1e6);
  std::printf("find_boilerplate  %8.2f M words/s\n", words / t_boilerplate / 1e6);
  std::printf("segment           %8.2f M words/s\n", words / t_segment / 1e6);
  std::printf("all three         %8.2f M words/s  (per article, best of %d runs)\n",
              words / t_all / 1e6, runs);
  std::printf("all three         %8.2f M words/s  (the whole input as one document)\n",
              words / t_joined / 1e6);
  return sink == 0 ? 1 : 0;
}

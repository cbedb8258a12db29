// Words per second of article extraction on one core: reading, cleaning,
// segmentation, actor recognition and event coding (`geokg extract` without
// its JSON output), over the given inputs repeated until a word budget is reached.
//
//   extract_throughput [--words N] PATH...
//
// Prints words, documents, seconds of CPU time and words/s; also the time and
// resident memory of loading the built-in dictionary and compiling it.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "geokg/ingest.hpp"

namespace {

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

std::int64_t count_words(const std::string& text) {
  std::int64_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t budget = 2'000'000;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--words" && i + 1 < argc) {
      budget = std::atoll(argv[++i]);
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: extract_throughput [--words N] PATH...\n");
    return 1;
  }

  const long rss_before = peak_rss_kb();
  const auto load_start = std::chrono::steady_clock::now();
  const auto& dictionary = geokg::Dictionary::builtin();
  const geokg::Extractor extractor(dictionary, geokg::Ontology::builtin());
  const double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start)
          .count();
  const long rss_loaded = peak_rss_kb();

  geokg::IngestOptions options;
  std::int64_t words = 0, documents = 0, mentions = 0, events = 0, rounds = 0;
  const double start = cpu_seconds();
  while (words < budget) {
    geokg::extract_inputs(paths, options, extractor, [&](geokg::ExtractedDocument&& document) {
      if (!document.extraction) return;
      ++documents;
      words += count_words(document.extraction->record.document.text);
      mentions += static_cast<std::int64_t>(document.extraction->record.mentions.size());
      events += static_cast<std::int64_t>(document.extraction->record.events.size());
    });
    ++rounds;
    if (documents == 0) {
      std::fprintf(stderr, "no readable documents in the inputs\n");
      return 1;
    }
  }
  const double seconds = cpu_seconds() - start;
  std::printf("dictionary: %zu entries, loaded and compiled in %.1f ms, +%.1f MB resident\n",
              dictionary.entries().size(), load_ms,
              static_cast<double>(rss_loaded - rss_before) / 1024.0);
  std::printf("extract: %lld words, %lld documents (%lld rounds), %lld mentions, %lld events\n",
              static_cast<long long>(words), static_cast<long long>(documents),
              static_cast<long long>(rounds), static_cast<long long>(mentions),
              static_cast<long long>(events));
  std::printf("cpu %.3f s: %.0f words/s, %.0f documents/s, peak RSS %.1f MB\n", seconds,
              static_cast<double>(words) / seconds, static_cast<double>(documents) / seconds,
              static_cast<double>(peak_rss_kb()) / 1024.0);
  return 0;
}

// End-to-end: `geokg ingest --jobs N`, the same store whatever N, and the
// summary lines on standard error.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli_runner.hpp"

using namespace geokg::test;

TEST_CASE("ingest --jobs stores the same graph whatever the number of jobs", "[e2e][jobs]") {
  TempDir dir;
  const auto inputs = quote(kSource + "/samples") + " " + quote(kSource + "/tests/data/gold");
  std::string first_graph;
  nlohmann::json first_stats;
  for (const int jobs : {1, 2, 3}) {
    INFO("jobs " << jobs);
    const auto db = dir.file("jobs-" + std::to_string(jobs) + ".db");
    const auto result = cli("ingest " + inputs + " --batch 9 --jobs " + std::to_string(jobs) +
                            " --db " + quote(db));
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    // The counts, then the timing line, last: documents of every status,
    // events and actors added, the time, the jobs and the rates.
    CHECK_THAT(result.err, Catch::Contains("read 8 input(s), 172 record(s), 0 rejected; "
                                           "documents: 163 added"));
    const auto last_line = result.err.substr(result.err.rfind('\n', result.err.size() - 2) + 1);
    CHECK(std::regex_match(last_line,
                           std::regex("geokg: 163 document\\(s\\), [0-9]+ event\\(s\\) and [0-9]+ "
                                      "actor\\(s\\) added in [0-9]+\\.[0-9]{2} s with " +
                                      std::to_string(jobs) +
                                      " job\\(s\\): [0-9]+ documents/s, [0-9]+ events/s, [0-9]+ "
                                      "words/s\n")));
    const auto graph = dir.file("jobs-" + std::to_string(jobs) + ".json");
    REQUIRE(cli("export --format json --edges event --out " + quote(graph) + " --db " + quote(db))
                .exit_code == 0);
    auto stats = nlohmann::json::parse(cli("stats --format json --db " + quote(db)).out);
    stats.erase("database");
    if (jobs == 1) {
      first_graph = read_file(graph);
      first_stats = stats;
      CHECK(stats["documents"] == 163);
      CHECK(stats["events"].get<int>() > 250);
    } else {
      CHECK(read_file(graph) == first_graph);
      CHECK(stats == first_stats);
    }
  }
}

TEST_CASE("ingest --no-mentions stores the same events and actors without their mentions",
          "[e2e][jobs]") {
  TempDir dir;
  const auto articles = quote(kSource + "/samples/articles");
  auto ingest = [&](const std::string& name, const std::string& flags) {
    const auto db = dir.file(name);
    const auto result = cli("ingest " + articles + " --db " + quote(db) + flags);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto graph = dir.file(name + ".json");
    REQUIRE(cli("export --format json --edges event --out " + quote(graph) + " --db " + quote(db))
                .exit_code == 0);
    auto stats = nlohmann::json::parse(cli("stats --format json --db " + quote(db)).out);
    return std::tuple(result.err, stats, read_file(graph), db);
  };
  const auto [full_err, full, full_graph, full_db] = ingest("full.db", "");
  const auto [lean_err, lean, lean_graph, lean_db] = ingest("lean.db", " --no-mentions");
  REQUIRE(full["mentions"].get<int>() > 50);
  CHECK(lean["mentions"] == 0);
  CHECK_THAT(lean_err, Catch::Contains(" and 0 mention(s) added"));
  for (const char* key : {"documents", "events", "actors", "aliases"}) {
    INFO(key);
    CHECK(lean[key] == full[key]);
  }
  CHECK(lean_graph == full_graph);
  // Nor does `query actors` count any.
  const auto actors =
      nlohmann::json::parse(cli("query actors --format json --db " + quote(lean_db)).out);
  REQUIRE(!actors.at("actors").empty());
  for (const auto& row : actors.at("actors")) CHECK(row.at("mentions") == 0);

  // A store made with --no-mentions gets them when the articles are read again without it.
  const auto again = cli("ingest " + articles + " --db " + quote(lean_db));
  INFO(again.err);
  CHECK(again.exit_code == 0);
  const auto filled = nlohmann::json::parse(cli("stats --format json --db " + quote(lean_db)).out);
  CHECK(filled["mentions"] == full["mentions"]);
  CHECK(filled["events"] == full["events"]);
}

TEST_CASE("ingest --jobs outside 1 to 256 is a usage error", "[e2e][jobs][usage]") {
  TempDir dir;
  const auto db = dir.file("j.db");
  const auto file = quote(kSource + "/samples/triples");
  for (const char* jobs : {"0", "257", "-1", "two"}) {
    INFO("--jobs " << jobs);
    const auto result = cli("ingest " + file + " --jobs " + jobs + " --db " + quote(db));
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::Contains("--jobs"));
  }
  CHECK_FALSE(fs::exists(db));  // refused before the store is opened
  const auto result = cli("ingest " + file + " --jobs 2 --db " + quote(db));
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("with 2 job(s)"));
  // Triples need no extraction: no words.
  CHECK_THAT(result.err, !Catch::Contains("words/s"));
}

TEST_CASE("a terminal gets a progress line with rates and an ETA", "[e2e][jobs]") {
  if (run("command -v script").exit_code != 0) {
    WARN("util-linux script is missing: no terminal to test with");
    return;
  }
  TempDir dir;
  const auto command = quote(kCli) + " ingest " + quote(kSource + "/samples") + " " +
                       quote(kSource + "/tests/data/gold") + " --batch 40 --jobs 2 --db " +
                       quote(dir.file("p.db"));
  // script(1) runs the command on a pseudo-terminal and copies what it wrote.
  const auto result = run("script -qec " + quote(command) + " /dev/null");
  INFO(result.out);
  CHECK(result.exit_code == 0);
  // One line per batch of 40, redrawn in place, then erased before the summary.
  CHECK_THAT(result.out, Catch::Contains("\r\033[Kingest: 40 documents, ") &&
                             Catch::Contains("\r\033[Kingest: 163 documents, ") &&
                             Catch::Contains(" documents/s, ") &&
                             Catch::Contains("% of 0.2 MB, ETA ") &&
                             Catch::Contains("\r\033[Kgeokg: warning: "));
  // Standard input has no known size: no share and no ETA.
  const auto piped =
      run("script -qec " +
          quote("cat " + quote(kSource + "/tests/data/gold/events.jsonl") + " | " + quote(kCli) +
                " ingest - --batch 40 --db " + quote(dir.file("q.db"))) +
          " /dev/null");
  CHECK(piped.exit_code == 0);
  CHECK_THAT(piped.out,
             Catch::Contains("\r\033[Kingest: 40 documents, ") && !Catch::Contains("ETA"));
}

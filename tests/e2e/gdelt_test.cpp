// End-to-end: GDELT event exports through the geokg binary, alone, zipped,
// from standard input, and in one store with article triples.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace {

using namespace geokg::test;

const std::string kGdeltData = kSource + "/tests/data/gdelt";
const std::string kFirst = kGdeltData + "/20230913120000.export.CSV";

nlohmann::json stats(const std::string& db) {
  const auto result = cli("stats --format json --db " + quote(db));
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

std::string sql(const std::string& db, const std::string& query) {
  const auto result = run("sqlite3 " + quote(db) + " " + quote(query));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return result.out;
}

}  // namespace

TEST_CASE("GDELT exports ingest with every bad row reported and no duplicates", "[e2e][gdelt]") {
  TempDir dir;
  const auto db = dir.file("g.db");
  auto result = cli("ingest " + quote(kGdeltData) + " --db " + quote(db));
  CHECK(result.exit_code == 2);  // rows were rejected; the rest went in
  const auto quirks = kGdeltData + "/20230913121500.export.CSV";
  CHECK_THAT(result.err,
             Catch::Contains(quirks + ":2: 12 columns; this file has 61 (GDELT 2.0)") &&
                 Catch::Contains(quirks + ":3: SQLDATE \"20230230\" is not a date") &&
                 Catch::Contains(quirks + ":4: NumMentions \"many\" is not an integer") &&
                 Catch::Contains(quirks + ":5: 57 columns; this file has 61") &&
                 Catch::Contains(quirks + ":8: truncated last line"));
  CHECK_THAT(result.err, Catch::Contains("read 4 input(s), 17 record(s), 5 rejected") &&
                             Catch::Contains("10 event(s)") &&
                             Catch::Contains("1 event(s) updated"));
  CHECK(stats(db)["events"] == 10);

  // Again: nothing new, nothing updated.
  result = cli("ingest " + quote(kGdeltData) + " --db " + quote(db));
  CHECK_THAT(result.err, Catch::Contains("0 added") &&
                             Catch::Contains("0 event(s), 0 actor(s) and 0 mention(s) added") &&
                             !Catch::Contains("updated"));
  CHECK(stats(db)["events"] == 10);
  CHECK(sql(db,
            "SELECT num_mentions || ' ' || file || ':' || line FROM gdelt_events "
            "WHERE global_event_id = 1001") == "25 " + quirks + ":6\n");
  CHECK(sql(db, "SELECT count(*) FROM gdelt_events WHERE extractor = 'gdelt-1.0'") == "3\n");
  CHECK(sql(db,
            "SELECT event_code || ' ' || base_code || ' ' || root_code FROM gdelt_events "
            "WHERE global_event_id = 1002") == "0311 031 03\n");
  CHECK(sql(db, "PRAGMA foreign_key_check") == "");
}

TEST_CASE("GDELT exports come zipped or on standard input", "[e2e][gdelt]") {
  TempDir dir;
  const auto zip = dir.file("20230913120000.export.CSV.zip");
  const auto made = run("/usr/bin/python3 -c " +
                        quote("import sys, zipfile\n"
                              "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n"
                              "    z.write(sys.argv[2], '20230913120000.export.CSV')") +
                        " " + quote(zip) + " " + quote(kFirst));
  REQUIRE(made.exit_code == 0);
  auto result = cli("ingest " + quote(zip) + " --db " + quote(dir.file("zip.db")));
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(stats(dir.file("zip.db"))["events"] == 5);

  // --format gdelt streams standard input; auto detection reads it whole.
  result = run("cat " + quote(kFirst) + " | " + quote(kCli) + " ingest - --format gdelt --db " +
               quote(dir.file("stdin.db")));
  CHECK(result.exit_code == 0);
  CHECK(stats(dir.file("stdin.db"))["events"] == 5);
  CHECK(sql(dir.file("stdin.db"), "SELECT DISTINCT file FROM gdelt_events") == "<stdin>\n");
  result = run("cat " + quote(kFirst) + " | " + quote(kCli) + " ingest - --db " +
               quote(dir.file("auto.db")));
  CHECK(result.exit_code == 0);
  CHECK(stats(dir.file("auto.db"))["events"] == 5);
}

TEST_CASE("GDELT and article events share actors in one graph", "[e2e][gdelt]") {
  TempDir dir;
  const auto db = dir.file("mixed.db");
  auto result = cli("ingest " + quote(kSource + "/samples") + " --db " + quote(db));
  REQUIRE(result.exit_code == 0);
  const auto actors_before = stats(db)["actors"].get<int>();
  result = cli("ingest " + quote(kFirst) + " --db " + quote(db));
  REQUIRE(result.exit_code == 0);
  // Putin, Kim, Russia, the United States and North Korea were known: only
  // "Rana" (an ethnic group) is new.
  CHECK(stats(db)["actors"].get<int>() == actors_before + 1);
  CHECK(sql(db, "SELECT count(*) FROM actors WHERE key = 'vladimir-putin'") == "1\n");

  const auto out = dir.file("putin.graphml");
  result = cli("export --db " + quote(db) + " --actor 'VLADIMIR PUTIN' --edges event --out " +
               quote(out));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto seen = read_graph("graphml", out);
  const auto& nx = seen["networkx"];
  CHECK(nx["labels"]["vladimir-putin"] == "Vladimir Putin");
  int summit_edges = 0;
  for (const auto& edge : nx["edge_list"]) {
    const bool putin_kim =
        (edge["source"] == "vladimir-putin" && edge["target"] == "kim-jong-un") ||
        (edge["source"] == "kim-jong-un" && edge["target"] == "vladimir-putin");
    if (putin_kim) ++summit_edges;
  }
  // Three from the article triples, two from GDELT (1001 and 1004).
  CHECK(summit_edges == 5);
}

TEST_CASE("the real GDELT 2.0 export goes in whole", "[e2e][gdelt]") {
  const auto real = kShared + "/data/gdelt/20150218230000.export.CSV";
  if (!fs::exists(real)) {
    WARN("skipped: the real GDELT export " << real << " is not present");
    return;
  }
  TempDir dir;
  const auto db = dir.file("real.db");
  const auto result = cli("ingest " + quote(real) + " --db " + quote(db));
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("2271 record(s), 0 rejected") &&
                             Catch::Contains("515 added") && Catch::Contains("2271 event(s)"));
  CHECK(sql(db, "SELECT count(*) FROM event_gdelt") == "2271\n");
  CHECK(sql(db, "SELECT min(global_event_id) || ' ' || max(global_event_id) FROM event_gdelt") ==
        "410412347 410414617\n");
  CHECK(sql(db, "PRAGMA foreign_key_check") == "");
}

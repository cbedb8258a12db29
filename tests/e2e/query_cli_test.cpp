// geokg query and export --ego through the binary: exit codes, messages,
// and outputs that programs read back.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../query/query_events.hpp"
#include "cli_runner.hpp"

namespace {

using namespace geokg::test;

struct QueryCliStore {
  TempDir dir;
  std::string db = dir.file("q.db");
  QueryCliStore() {
    const auto result =
        cli("ingest " + quote(dir.write("q.jsonl", kQueryEvents)) + " --db " + quote(db));
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }
  Run query(const std::string& args) const { return cli("query " + args + " --db " + quote(db)); }
};

}  // namespace

TEST_CASE("query relations prints a table and json for the same answer", "[e2e][query]") {
  QueryCliStore s;
  auto result = s.query("relations Russia 'North Korea' --level country");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK_THAT(result.out, Catch::StartsWith("a               RUS\n"
                                           "a_name          Russia\n"
                                           "b               PRK\n"));
  CHECK_THAT(result.out, Catch::Contains("\nevents (7)\ndate        source          code  label"));
  CHECK_THAT(result.out, Catch::Contains("\nmonths (3)\nmonth    events  a>b  b>a  goldstein"));

  result = s.query("relations RUSGOV Kim --level country --format json");
  REQUIRE(result.exit_code == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["summary"]["a"] == "RUS");
  CHECK(json["summary"]["events"] == 7);
  CHECK(json["events"].size() == 7);
  CHECK(json["months"][1]["month"] == "2023-09");
  CHECK(json["total_rows"]["events"] == 7);
}

TEST_CASE("query output as json lines and csv reads back", "[e2e][query]") {
  QueryCliStore s;
  auto result = s.query("neighbors 'Kim Jong Un' --depth 2 --format jsonl");
  REQUIRE(result.exit_code == 0);
  std::istringstream lines(result.out);
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(lines, line);) records.push_back(nlohmann::json::parse(line));
  REQUIRE(records.size() == 7);
  CHECK(records[0]["record"] == "summary");
  CHECK(records[0]["nodes"] == 6);
  CHECK(records[4]["record"] == "neighbor");
  CHECK(records[4]["key"] == "china");
  CHECK(records[4]["via"] == "vladimir-putin");

  result = s.query("central --by degree --limit 2 --format csv");
  REQUIRE(result.exit_code == 0);
  CHECK(result.out ==
        "rank,key,name,code,score,degree,events\r\n"
        "1,kim-jong-un,Kim Jong Un,PRKGOV,3,3,6\r\n"
        "2,vladimir-putin,Vladimir Putin,RUSGOV,3,3,6\r\n");
  // Python's csv module reads the event rows, commas and quotes included.
  const auto csv = s.dir.file("events.csv");
  REQUIRE(run(quote(kCli) + " query events --actor Putin --format csv --db " + quote(s.db) + " > " +
              quote(csv))
              .exit_code == 0);
  result =
      run("/usr/bin/python3 -c 'import csv, sys; rows = list(csv.DictReader(open(sys.argv[1]))); "
          "print(len(rows), rows[1][\"label\"], rows[1][\"target_key\"])' " +
          quote(csv));
  INFO(result.err);
  CHECK(result.out == "7 Host a visit kim-jong-un\n");
}

TEST_CASE("query path timeline components and actors run from the command line", "[e2e][query]") {
  QueryCliStore s;
  auto result = s.query("path Iran Kim --level country --format json");
  REQUIRE(result.exit_code == 0);
  auto json = nlohmann::json::parse(result.out);
  CHECK(json["paths"][0]["keys"] == nlohmann::json::array({"IRN", "RUS", "PRK"}));
  CHECK(json["steps"].size() == 2);
  result = s.query("timeline Putin --by week --part timeline --format csv");
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("\r\n2023-W37,2023-09-11,2023-09-17,4,2,2,"));
  result = s.query("components --format json");
  REQUIRE(result.exit_code == 0);
  CHECK(nlohmann::json::parse(result.out)["summary"]["components"] == 2);
  result = s.query("actors kim");
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out,
             Catch::Contains("kim-jong-un  Kim Jong Un  PRKGOV  person       6         0"));
}

TEST_CASE("query names the candidates of an ambiguous actor and exits 2", "[e2e][query]") {
  QueryCliStore s;
  auto result = s.query("neighbors Kim");
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "geokg: \"Kim\" is ambiguous: its words fit 2 actors; give one of their keys:\n"
        "  kim-jong-un (Kim Jong Un, PRKGOV)\n"
        "  kim-yo-jong (Kim Yo Jong, PRKGOV)\n");
  result = s.query("relations Putn Russia");
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "geokg: no actor \"Putn\" in the store; closest:\n  vladimir-putin (Vladimir Putin, "
        "RUSGOV)\n");
  result = s.query("events --source 'No Such Actor'");
  CHECK(result.exit_code == 2);
}

TEST_CASE("query rejects bad values with exit 1 before opening the store", "[e2e][query]") {
  QueryCliStore s;
  struct Case {
    const char* args;
    const char* message;
  };
  for (const auto& [args, message] : {
           Case{"events --since 2023-02-30", "--since: "},
           Case{"events --until 2023-13", "--until: "},
           Case{"events --code 99", "--code: \"99\" is not a CAMEO event code"},
           Case{"events --quad 5", "--quad: \"5\" is not a quad class"},
           Case{"neighbors Putin --depth 0", "--depth"},
           Case{"neighbors Putin --depth deep", "--depth"},
           Case{"path Putin Kim --max-depth 40", "--max-depth"},
           Case{"central --by fame", "--by"},
           Case{"events --format xml", "--format"},
           Case{"relations Putin", "actors"},
           Case{"events --part months", "--part: events has no part \"months\""},
       }) {
    INFO(args);
    const auto result = s.query(args);
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::Contains(message));
  }
  // Checked before the store: a missing file is not even looked for.
  const auto result = cli("query events --since 2023-02-30 --db " + quote(s.dir.file("none.db")));
  CHECK(result.exit_code == 1);
  CHECK(cli("query events --db " + quote(s.dir.file("none.db"))).exit_code == 2);
}

TEST_CASE("filter text that looks like SQL is only ever a value", "[e2e][query]") {
  QueryCliStore s;
  auto result = s.query("events --text \"x' OR 1=1 --\" --doc \"summit' --\" --format json");
  REQUIRE(result.exit_code == 0);
  CHECK(nlohmann::json::parse(result.out)["events"].empty());
  result = s.query("actors \"%' OR '1'='1\" --format json");
  REQUIRE(result.exit_code == 0);
  CHECK(nlohmann::json::parse(result.out)["actors"].empty());
}

TEST_CASE("export --ego writes the ego network that neighbors lists", "[e2e][query]") {
  QueryCliStore s;
  const auto out = s.dir.file("ego.json");
  auto result = cli("export --ego 'Kim Jong Un' --depth 1 --format json --out " + quote(out) +
                    " --db " + quote(s.db));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // Kim and his three partners; every relation among them: four codes with
  // Putin, one each with Shoigu and Kim Yo Jong.
  CHECK(result.err == "geokg: wrote " + out + ": 4 nodes, 6 edges\n");
  const auto graph = nlohmann::json::parse(read_file(out));
  std::vector<std::string> nodes;
  for (const auto& node : graph["nodes"]) nodes.push_back(node["id"]);
  CHECK(nodes ==
        std::vector<std::string>{"kim-jong-un", "kim-yo-jong", "sergei-shoigu", "vladimir-putin"});
  // With the roll-up and a filter: RUS and its partners, material events only.
  result =
      cli("export --ego Russia --depth 1 --graph countries --quad 2 --quad 4 --format json "
          "--out " +
          quote(out) + " --db " + quote(s.db));
  REQUIRE(result.exit_code == 0);
  CHECK(result.err == "geokg: wrote " + out + ": 4 nodes, 3 edges\n");
  // --source, --target, --doc and --text filter exports as they filter queries.
  result = cli("export --source Putin --doc summit --format json --out " + quote(out) + " --db " +
               quote(s.db));
  REQUIRE(result.exit_code == 0);
  CHECK(result.err == "geokg: wrote " + out + ": 2 nodes, 2 edges\n");
  CHECK(cli("export --depth 2 --db " + quote(s.db)).exit_code == 1);  // --depth needs --ego
  CHECK(cli("export --ego Kim --db " + quote(s.db)).exit_code == 2);  // ambiguous
}

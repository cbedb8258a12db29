// The hostile-input corpus: each case is an input or an argument with the
// outcome it must have, a clear error or safe output. None may crash, hang,
// corrupt the store or produce output its format's validator rejects.
// Inputs are generated here rather than committed: some are 10 MB, some are
// bytes an editor would mangle.
#include <catch2/catch.hpp>

#include "cli_runner.hpp"

namespace {

using namespace geokg::test;

const std::string kGood =
    R"({"document": {"id": "good"}, "source": {"name": "Kim Jong Un", "code": "PRKGOV"}, "target": {"name": "Russia", "code": "RUS"}, "event": {"code": "042"}, "date": "2023-09-13"})";

std::string line_with_name(const std::string& document, const std::string& json_name) {
  return R"({"document": ")" + document + R"(", "source": {"name": )" + json_name +
         R"(}, "target": {"name": "Russia"}, "event": {"code": "042"}})";
}

void check_store_intact(const std::string& db) {
  const auto result = run("sqlite3 " + quote(db) + " 'PRAGMA integrity_check; PRAGMA foreign_key_check;'");
  CHECK(result.exit_code == 0);
  CHECK(result.out == "ok\n");
}

// Every export of the store is accepted by a validator of its format.
void check_every_export_valid(TempDir& dir, const std::string& db) {
  const auto graphml = dir.file("out.graphml");
  REQUIRE(cli("export --edges event --out " + quote(graphml) + " --db " + quote(db)).exit_code == 0);
  check_graphml_schema(graphml);
  const auto gexf = dir.file("out.gexf");
  REQUIRE(cli("export --format gexf --out " + quote(gexf) + " --db " + quote(db)).exit_code == 0);
  const auto rng = kShared + "/schemas/gexf/1.3/gexf.rng";
  if (fs::exists(rng)) {
    CHECK(run("xmllint --noout --nonet --relaxng " + quote(rng) + " " + quote(gexf)).exit_code == 0);
  }
  const auto json = dir.file("out.json");
  REQUIRE(cli("export --format json --out " + quote(json) + " --db " + quote(db)).exit_code == 0);
  CHECK(read_graph("json", json)["nodes"].get<int>() >= 2);
  const auto dot = dir.file("out.dot");
  REQUIRE(cli("export --format dot --out " + quote(dot) + " --db " + quote(db)).exit_code == 0);
  CHECK(run("dot -Tsvg " + quote(dot) + " -o /dev/null").exit_code == 0);
  REQUIRE(cli("export --format csv --out " + quote(dir.file("out")) + " --db " + quote(db)).exit_code == 0);
  CHECK(read_graph("csv", dir.file("out"))["nodes"].get<int>() >= 2);
}

}  // namespace

TEST_CASE("hostile input lines are rejected by name and line, the rest goes in", "[e2e][hostile]") {
  struct Case {
    std::string name;
    std::string line;
    std::string expected;  // in the error for line 2
  };
  const std::vector<Case> cases{
      {"invalid UTF-8", line_with_name("d", "\"bad \xff\xfe utf8\""), "UTF-8"},
      {"NUL byte", line_with_name("d", std::string("\"nul \0 byte\"", 12)), "invalid JSON"},
      {"raw control character", line_with_name("d", "\"bell \x07\""), "invalid JSON"},
      {"100,000 nested arrays", std::string(100000, '[') + std::string(100000, ']'),
       "invalid JSON"},
      {"100,000 nested objects",
       [] {
         std::string text;
         for (int i = 0; i < 100000; ++i) text += "{\"a\":";
         return text + "1" + std::string(100000, '}');
       }(),
       "invalid JSON"},
      {"truncated record", kGood.substr(0, kGood.size() / 2), "invalid JSON"},
      {"a 10 MB name", line_with_name("d", "\"" + std::string(10 * 1000 * 1000, 'x') + "\""),
       "source name is 10000000 bytes long; at most 1000"},
      {"a 10 MB document id",
       R"({"document": ")" + std::string(10 * 1000 * 1000, 'd') +
           R"(", "source": {"name": "X"}, "event": {"code": "042"}})",
       "document id is 10000000 bytes long"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    TempDir dir;
    const auto db = dir.file("h.db");
    const auto file = dir.write("hostile.jsonl", kGood + "\n" + c.line + "\n" +
                                                     line_with_name("later", "\"Iran\"") + "\n");
    const auto result = cli("ingest " + quote(file) + " --db " + quote(db));
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains(file + ":2: " ) && Catch::Contains(c.expected));
    CHECK_THAT(result.err, Catch::Contains("3 record(s), 1 rejected"));
    check_store_intact(db);
    const auto stats = nlohmann::json::parse(cli("stats --format json --db " + quote(db)).out);
    CHECK(stats["documents"] == 2);  // the good lines around it went in
  }
}

TEST_CASE("hostile names are stored verbatim and exported validly", "[e2e][hostile]") {
  TempDir dir;
  const auto db = dir.file("h.db");
  const std::vector<std::string> names{
      R"("Robert'); DROP TABLE actors;--")",
      R"("quote \" apostrophe ' backslash \\ angle <b> amp &amp; cdata ]]> comment --")",
      R"("control \u0001\u0007\u001b and del \u007f and C1 \u0085")",
      R"("right-to-left \u202e\u05d0\u05d1\u05d2 \u0627\u0644\u0639\u0631\u0628\u064a\u0629")",
      R"("noncharacters \uffff \ufffe and a surrogate pair \ud83d\ude00")",
      "\"" + std::string(1000, 'n') + "\"",  // the longest name ingest takes
  };
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    text += line_with_name("doc-" + std::to_string(i), names[i]) + "\n";
  }
  const auto file = dir.write("names.jsonl", text);
  const auto result = cli("ingest " + quote(file) + " --db " + quote(db));
  INFO(result.err.substr(0, 500));
  REQUIRE(result.exit_code == 0);
  check_store_intact(db);
  // The SQL-looking name is data: the tables are all still there.
  CHECK(run("sqlite3 " + quote(db) + " \"SELECT name FROM actors WHERE name LIKE 'Robert%'\"").out ==
        "Robert'); DROP TABLE actors;--\n");
  check_every_export_valid(dir, db);
}

TEST_CASE("arguments that look like SQL or point nowhere fail cleanly", "[e2e][hostile]") {
  TempDir dir;
  const auto db = dir.file("a.db");
  REQUIRE(cli("ingest " + quote(kSource + "/samples/triples") + " --db " + quote(db)).exit_code == 0);
  struct Case {
    std::string args;
    int exit_code;
    std::string expected;
  };
  const std::vector<Case> cases{
      {"--country \"RUS' OR '1'='1\"", 1, "not a CAMEO country code"},
      {"--code \"04; DROP TABLE events\"", 1, "not a CAMEO event code"},
      {"--actor \"x' OR '1'='1\"", 2, "no actor"},
      {"--actor \"%\"", 2, "no actor"},
      {"--since \"2023' --\"", 1, "--since"},
      {"--quad \"1 OR 1=1\"", 1, "--quad"},
      {"--out " + quote(dir.file("missing/dir/g.graphml")), 2, "does not exist"},
      {"--out " + quote(dir.file("a.db") + "/g.graphml"), 2, "does not exist"},
      {"--out " + quote(dir.path().string()), 2, "is a directory"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    const auto result = cli("export " + c.args + " --db " + quote(db));
    CHECK(result.exit_code == c.exit_code);
    CHECK_THAT(result.err, Catch::Contains(c.expected));
  }
  check_store_intact(db);
  const auto stats = nlohmann::json::parse(cli("stats --format json --db " + quote(db)).out);
  CHECK(stats["events"] == 18);
}

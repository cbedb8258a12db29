// End-to-end tests: the geokg binary on samples/ and test inputs, its output
// checked by the tools analysts use (xmllint, networkx, igraph, Graphviz).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace {

#include <map>
#include <sstream>

using namespace geokg::test;

// An ingested copy of samples/triples in a fresh database: a fixed graph of
// 18 events among 18 actors for the export tests, whatever the extractor
// finds in samples/articles (the extract golden tests pin that).
struct SampleStore {
  TempDir dir;
  std::string db = dir.file("samples.db");
  SampleStore() {
    const auto result = cli("ingest " + quote(kSource + "/samples/triples") + " --db " + quote(db));
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }
};

// tests/e2e/data/hostile-names.jsonl ingested into a fresh database.
struct HostileStore {
  TempDir dir;
  std::string db = dir.file("h.db");
  HostileStore() {
    const auto result = cli("ingest " + quote(kSource + "/tests/e2e/data/hostile-names.jsonl") +
                            " --db " + quote(db));
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }
};

// The hostile actor's name as every reader must see it: the control
// character gone, everything else as written.
const std::string kHostileLabel = "Ali \"node\" <b>&amp; \\  Erdoğan ]]> -- edge \u05d0\u05d1";

}  // namespace

// What `geokg extract` finds in samples/articles: events, and those per root.
struct ArticleEvents {
  int total = 0;
  std::map<std::string, int> by_root;
  ArticleEvents() {
    const auto extracted =
        run("cd " + quote(kSource) + " && " + quote(kCli) + " extract samples/articles");
    REQUIRE(extracted.exit_code == 0);
    std::istringstream lines(extracted.out);
    for (std::string line; std::getline(lines, line);) {
      const auto document = nlohmann::json::parse(line);
      for (const auto& event : document["events"]) {
        ++total;
        ++by_root[event["event"]["root"].get<std::string>()];
      }
    }
  }
};

TEST_CASE("ingest of samples/ reports and stores every event", "[e2e]") {
  TempDir dir;
  const auto db = dir.file("s.db");
  const ArticleEvents articles;
  REQUIRE(articles.total > 0);
  auto result = cli("ingest " + quote(kSource + "/samples") + " --db " + quote(db));
  CHECK(result.exit_code == 0);
  // samples/triples: 2 files, 18 lines, 9 documents, 18 events, 18 actors;
  // samples/articles: 3 files, 4 articles, their actors, mentions and events.
  const auto events = 18 + articles.total;
  CHECK_THAT(result.err, Catch::Contains("read 5 input(s), 22 record(s), 0 rejected") &&
                             Catch::Contains("13 added") &&
                             Catch::Contains(std::to_string(events) +
                                             " event(s), 49 actor(s) and 72 mention(s) added"));

  result = cli("stats --format json --db " + quote(db));
  REQUIRE(result.exit_code == 0);
  const auto stats = nlohmann::json::parse(result.out);
  CHECK(stats["documents"] == 13);
  CHECK(stats["events"] == events);
  CHECK(stats["actors"] == 49);
  CHECK(stats["mentions"] == 72);
  CHECK(stats["first_date"] == "2022-02-24");
  const auto consult = articles.by_root.count("04") ? articles.by_root.at("04") : 0;
  CHECK(stats["events_by_root"]["04"] == 10 + consult);

  // The graph shows the articles' events beside the triples'.
  const auto graph = dir.file("all.json");
  REQUIRE(cli("export --format json --edges event --out " + quote(graph) + " --db " + quote(db))
              .exit_code == 0);
  CHECK(read_graph("json", graph)["edges"] == events);

  result = cli("stats --db " + quote(db));
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("Consult") && Catch::Contains("Kim Jong Un"));
}

TEST_CASE("ingesting the same file twice adds nothing", "[e2e]") {
  SampleStore samples;
  const auto result = cli("ingest " + quote(kSource + "/samples") + " --db " + quote(samples.db));
  CHECK(result.exit_code == 0);
  // The triples are already there; the articles are new.
  CHECK_THAT(result.err, Catch::Contains("documents: 4 added") && Catch::Contains("9 unchanged"));
  const auto again = cli("ingest " + quote(kSource + "/samples") + " --db " + quote(samples.db));
  CHECK_THAT(again.err, Catch::Contains("0 added") && Catch::Contains("13 unchanged") &&
                            Catch::Contains("0 event(s), 0 actor(s) and 0 mention(s) added"));
  const auto stats =
      nlohmann::json::parse(cli("stats --format json --db " + quote(samples.db)).out);
  CHECK(stats["events"] == 18 + ArticleEvents().total);
}

TEST_CASE("GraphML export reads back in xmllint networkx and igraph", "[e2e][graphml]") {
  SampleStore samples;
  const auto out = samples.dir.file("graph.graphml");
  const auto result =
      cli("export --format graphml --out " + quote(out) + " --db " + quote(samples.db));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  check_graphml_schema(out);

  const auto seen = read_graph("graphml", out);
  const auto& nx = seen["networkx"];
  CHECK(nx["nodes"] == 18);
  CHECK(nx["edges"] == 18);
  CHECK(nx["directed"] == true);
  CHECK(nx["labels"]["kim-jong-un"] == "Kim Jong Un");
  CHECK(nx["codes"]["sergei-shoigu"] == "RUSMIL");
  CHECK(seen["igraph"]["nodes"] == 18);
  CHECK(seen["igraph"]["edges"] == 18);
  CHECK(seen["igraph"]["goldstein_types"] == nlohmann::json::array({"float"}));

  bool found_visit = false;
  for (const auto& edge : nx["edge_list"]) {
    if (edge["source"] == "sergei-shoigu" && edge["target"] == "north-korea") {
      found_visit = true;
      CHECK(edge["code"] == "042");
      CHECK(edge["root"] == "04");
      CHECK(edge["quad"] == 1);
      CHECK(edge["goldstein"] == Approx(1.9));
      CHECK(edge["date"] == "2023-07-26");
      CHECK(edge["count"] == 1);
      CHECK(edge["weight"] == Approx(1.0));
      CHECK(edge["label"] == "042 Make a visit");
    }
  }
  CHECK(found_visit);
}

TEST_CASE("DOT export renders with Graphviz", "[e2e][dot]") {
  SampleStore samples;
  const auto out = samples.dir.file("graph.dot");
  REQUIRE(cli("export --format dot -o " + quote(out) + " --db " + quote(samples.db)).exit_code ==
          0);
  const auto svg = run("dot -Tsvg " + quote(out) + " -o " + quote(samples.dir.file("graph.svg")));
  INFO(svg.err);
  CHECK(svg.exit_code == 0);
  const auto counted = run("gc -n -e " + quote(out));
  CHECK(counted.exit_code == 0);
  CHECK_THAT(counted.out, Catch::Matches(R"(\s*18\s+18 geokg.*\n)"));
}

TEST_CASE("filters narrow the exported graph", "[e2e]") {
  SampleStore samples;
  const auto dot = [&](const std::string& filters) {
    const auto result = cli("export --format dot " + filters + " --db " + quote(samples.db));
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return run("printf '%s' " + quote(result.out) + " | gc -n -e").out;
  };
  // Kim's visit to Russia and Putin's hosting of and talks with Kim.
  CHECK_THAT(dot("--code 04 --since 2023-09 --until 2023-09"),
             Catch::Matches(R"(\s*3\s+3 geokg.*\n)"));
  // Two accusations, one invasion and one set of sanctions.
  CHECK_THAT(dot("--quad 3 --quad 4"), Catch::Matches(R"(\s*8\s+4 geokg.*\n)"));
  CHECK_THAT(dot("--actor 'Vladimir Putin'"), Catch::Matches(R"(\s*4\s+5 geokg.*\n)"));
  CHECK_THAT(dot("--country PRK --code 042"), Catch::Matches(R"(\s*4\s+2 geokg.*\n)"));
  // Names and aliases work as well as ids.
  CHECK_THAT(dot("--actor 'North Atlantic Treaty Organization'"),
             Catch::Matches(R"(\s*2\s+1 geokg.*\n)"));
  CHECK_THAT(dot("--actor nato"), Catch::Matches(R"(\s*2\s+1 geokg.*\n)"));
}

TEST_CASE("hostile actor names survive GraphML and DOT", "[e2e][hostile]") {
  HostileStore hostile;
  TempDir& dir = hostile.dir;
  const auto& db = hostile.db;
  const auto graphml = dir.file("h.graphml");
  const auto dot = dir.file("h.dot");
  REQUIRE(cli("export --format graphml --out " + quote(graphml) + " --db " + quote(db)).exit_code ==
          0);
  REQUIRE(cli("export --format dot --out " + quote(dot) + " --db " + quote(db)).exit_code == 0);

  check_graphml_schema(graphml);
  const auto seen = read_graph("graphml", graphml);
  CHECK(seen["networkx"]["labels"]["hostile"] == kHostileLabel);
  CHECK(seen["networkx"]["labels"]["node"] == "node");
  CHECK(seen["networkx"]["labels"]["graph"] == "graph {digraph}");
  CHECK(seen["igraph"]["nodes"] == 3);

  const auto svg = run("dot -Tsvg " + quote(dot));
  INFO(svg.err);
  CHECK(svg.exit_code == 0);
  CHECK_THAT(svg.out, Catch::Contains("Erdoğan") && Catch::Contains("&lt;b&gt;"));
  CHECK_THAT(run("gc -n -e " + quote(dot)).out, Catch::Matches(R"(\s*3\s+2 geokg.*\n)"));
}

TEST_CASE("a malformed line is named counted and skipped", "[e2e][bad-input]") {
  TempDir dir;
  const auto db = dir.file("m.db");
  const auto file = kSource + "/tests/e2e/data/malformed-line.jsonl";
  const auto result = cli("ingest " + quote(file) + " --db " + quote(db));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains(file + ":2: invalid JSON") &&
                             Catch::Contains("3 record(s), 1 rejected") &&
                             Catch::Contains("2 event(s)"));
  const auto stats = nlohmann::json::parse(cli("stats --format json --db " + quote(db)).out);
  CHECK(stats["events"] == 2);
  CHECK(stats["documents"] == 2);
}

TEST_CASE("missing empty and non-JSON files give clear errors", "[e2e][bad-input]") {
  TempDir dir;
  const auto db = dir.file("b.db");
  const auto empty = dir.write("empty.jsonl", "");
  const auto prose = dir.write("prose.jsonl", "Kremlin coy on summit between Putin and Kim\n");
  auto result = cli("ingest " + quote(dir.file("nope.jsonl")) + " --db " + quote(db));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err,
             Catch::Contains("geokg: " + dir.file("nope.jsonl") + ": cannot open: no such file"));
  result = cli("ingest " + quote(empty) + " --db " + quote(db));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("empty.jsonl: empty input"));
  result = cli("ingest " + quote(prose) + " --db " + quote(db));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("prose.jsonl:1: not JSON Lines"));
  result = cli("ingest " + quote(prose) + " --format triples --db " + quote(db));
  CHECK(result.exit_code == 2);
}

TEST_CASE("stdin and stdout work as - ", "[e2e]") {
  TempDir dir;
  const auto db = dir.file("io.db");
  const auto result = run("cat " + quote(kSource + "/samples/triples/ukraine-war.jsonl") + " | " +
                          quote(kCli) + " ingest - --db " + quote(db));
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("7 event(s)"));
  const auto exported = cli("export --format graphml --out - --db " + quote(db));
  CHECK(exported.exit_code == 0);
  CHECK_THAT(exported.out, Catch::StartsWith("<?xml") && Catch::EndsWith("</graphml>\n"));
}

TEST_CASE("usage errors exit 1 data errors exit 2", "[e2e][usage]") {
  SampleStore samples;
  TempDir& dir = samples.dir;
  const auto& db = samples.db;
  CHECK(cli("").exit_code == 1);
  CHECK(cli("frobnicate").exit_code == 1);
  CHECK(cli("ingest").exit_code == 1);
  for (const char* command : {"--help", "ingest --help", "export --help", "stats --help"}) {
    const auto help = cli(command);
    INFO(command);
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("--"));
  }
  auto result = cli("export --format xlsx --db " + quote(db));
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("xlsx"));
  CHECK(cli("export --graph everything --db " + quote(db)).exit_code == 1);
  result = cli("export --format csv --out - --db " + quote(db));
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("two files"));
  result = cli("export --since 2023-02-30 --db " + quote(db));
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("--since") && Catch::Contains("2023-02-30"));
  CHECK(cli("export --quad 5 --db " + quote(db)).exit_code == 1);
  CHECK(cli("export --country 'RUS; DROP TABLE events' --db " + quote(db)).exit_code == 1);
  CHECK(cli("export --edges all --db " + quote(db)).exit_code == 1);
  CHECK(cli("ingest x --date tomorrow --db " + quote(db)).exit_code == 1);

  result = cli("export --actor nobody --db " + quote(db));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("nobody"));
  result = cli("export --code 99 --db " + quote(db));
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("\"99\" is not a CAMEO event code"));
  result = cli("export --db " + quote(dir.file("typo.db")));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("typo.db does not exist"));
  CHECK_FALSE(fs::exists(dir.file("typo.db")));
  result = cli("export --format dot --out " + quote(dir.file("no/such/dir/g.dot")) + " --db " +
               quote(db));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("does not exist"));

  const auto not_db =
      dir.write("not.db", "this is not a database, just some text that is long enough");
  result = cli("stats --db " + quote(not_db));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("not a SQLite database"));
  REQUIRE(run("sqlite3 " + quote(db) + " 'PRAGMA user_version = 42'").exit_code == 0);
  result = cli("stats --db " + quote(db));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("newer geokg"));
}

TEST_CASE("exports of samples/ match the committed golden files", "[e2e][golden]") {
  SampleStore samples;
  const bool update = std::getenv("GEOKG_UPDATE_GOLDEN") != nullptr;
  for (const std::string format : {"graphml", "dot", "gexf", "json"}) {
    INFO(format);
    const auto golden = kSource + "/tests/e2e/golden/samples." + format;
    const auto result = cli("export --format " + format + " --db " + quote(samples.db));
    REQUIRE(result.exit_code == 0);
    if (update) {
      std::ofstream(golden, std::ios::binary) << result.out;
      WARN("updated " << golden);
      continue;
    }
    REQUIRE(fs::exists(golden));
    CHECK(result.out == read_file(golden));
  }
}

TEST_CASE("JSON export loads with networkx node_link_graph", "[e2e][json]") {
  SampleStore samples;
  const auto out = samples.dir.file("graph.json");
  REQUIRE(
      cli("export --format json --edges event --out " + quote(out) + " --db " + quote(samples.db))
          .exit_code == 0);
  const auto seen = read_graph("json", out);
  CHECK(seen["format"] == "geokg-json/1");
  CHECK(seen["nodes"] == 18);
  CHECK(seen["edges"] == 18);
  CHECK(seen["directed"] == true);
  CHECK(seen["multigraph"] == true);
  CHECK(seen["labels"]["kim-jong-un"] == "Kim Jong Un");
  bool found = false;
  for (const auto& edge : seen["edge_list"]) {
    if (edge["source"] != "sergei-shoigu" || edge["target"] != "north-korea") continue;
    found = true;
    CHECK(edge["code"] == "042");
    CHECK(edge["quad"] == 1);
    CHECK(edge["goldstein"] == Approx(1.9));
    CHECK(edge["date"] == "2023-07-26");
    CHECK(edge["key"].get<std::string>().starts_with("ev"));
    CHECK(edge["color"] == "#4caf50");
  }
  CHECK(found);
}

TEST_CASE("CSV export loads with Python's csv module", "[e2e][csv]") {
  SampleStore samples;
  const auto base = samples.dir.file("graph");
  const auto result =
      cli("export --format csv --out " + quote(base + ".csv") + " --db " + quote(samples.db));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto seen = read_graph("csv", base);
  CHECK(seen["nodes"] == 18);
  CHECK(seen["edges"] == 18);
  const std::vector<std::string> node_head{"Id", "Label"};
  const std::vector<std::string> edge_head{"Source", "Target", "Type", "Id", "Label", "Weight"};
  for (std::size_t i = 0; i < node_head.size(); ++i) CHECK(seen["node_columns"][i] == node_head[i]);
  for (std::size_t i = 0; i < edge_head.size(); ++i) CHECK(seen["edge_columns"][i] == edge_head[i]);
  CHECK(seen["labels"]["john-kirby"] == "John Kirby");
  for (const auto& edge : seen["edge_list"]) {
    CHECK(edge["Type"] == "Directed");
    if (edge["Source"] == "european-union") {
      CHECK(edge["Target"] == "russia");
      CHECK(edge["code"] == "163");
      CHECK(edge["Label"] == "163 Impose embargo, boycott, or sanctions");  // quoted: it has commas
      CHECK(edge["color"] == "#e53935");
    }
  }
}

TEST_CASE("country roll-up and bipartite graphs through the CLI", "[e2e][modes]") {
  SampleStore samples;
  const auto countries = samples.dir.file("countries.json");
  REQUIRE(cli("export --format json --graph countries --out " + quote(countries) + " --db " +
              quote(samples.db))
              .exit_code == 0);
  auto seen = read_graph("json", countries);
  // Eight countries plus the EU and NATO, which have no country to roll up to.
  CHECK(seen["nodes"] == 10);
  CHECK(seen["labels"]["RUS"] == "Russia");
  CHECK(seen["labels"].contains("european-union"));
  CHECK_FALSE(seen["labels"].contains("vladimir-putin"));
  int russia_to_korea = 0;
  for (const auto& edge : seen["edge_list"]) {
    if (edge["source"] == "RUS" && edge["target"] == "PRK") ++russia_to_korea;
  }
  CHECK(russia_to_korea == 3);  // Putin hosts (043) and talks with (046) Kim; Shoigu visits (042)

  const auto bipartite = samples.dir.file("bipartite.json");
  REQUIRE(cli("export --format json --graph bipartite --out " + quote(bipartite) + " --db " +
              quote(samples.db))
              .exit_code == 0);
  seen = read_graph("json", bipartite);
  CHECK(seen["nodes"] == 18 + 18);  // every actor and every event
  CHECK(seen["edges"] == 2 * 18);
  CHECK(seen["kinds"] == nlohmann::json::array({"actor", "event"}));
  const auto graphml = samples.dir.file("bipartite.graphml");
  REQUIRE(cli("export --graph bipartite --out " + quote(graphml) + " --db " + quote(samples.db))
              .exit_code == 0);
  check_graphml_schema(graphml);
  CHECK(read_graph("graphml", graphml)["networkx"]["nodes"] == 36);
}

TEST_CASE("hostile names survive JSON and CSV", "[e2e][hostile]") {
  HostileStore hostile;
  TempDir& dir = hostile.dir;
  const auto& db = hostile.db;
  const std::string& expected = kHostileLabel;
  REQUIRE(cli("export --format json --out " + quote(dir.file("h.json")) + " --db " + quote(db))
              .exit_code == 0);
  CHECK(read_graph("json", dir.file("h.json"))["labels"]["hostile"] == expected);
  REQUIRE(
      cli("export --format csv --out " + quote(dir.file("h")) + " --db " + quote(db)).exit_code ==
      0);
  const auto seen = read_graph("csv", dir.file("h"));
  CHECK(seen["labels"]["hostile"] == expected);
  CHECK(seen["labels"]["graph"] == "graph {digraph}");
}

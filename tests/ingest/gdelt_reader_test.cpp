// The GDELT event reader: both layouts, every malformed-row case, zip
// archives, and ingest into a store (dedup, updates, merged actors).
#include "gdelt/gdelt_reader.hpp"

#include <zip.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "geokg/ingest.hpp"
#include "test_support.hpp"

namespace {

const std::string kData = std::string(GEOKG_SOURCE_DIR) + "/tests/data/gdelt/";
const std::string kSummit = "http://example.com/2023/09/13/putin-kim-summit";

struct Read {
  std::vector<geokg::DocumentRecord> records;
  std::vector<geokg::InputProblem> problems;
  geokg::LineCounts counts;
};

Read read_text(const std::string& text, const std::string& name) {
  Read result;
  std::istringstream in(text);
  result.counts = geokg::read_gdelt(
      in, name, geokg::Ontology::builtin(),
      [&](geokg::DocumentRecord&& record) { result.records.push_back(std::move(record)); },
      result.problems);
  return result;
}

Read read_fixture(const std::string& file) {
  return read_text(geokg::test::read_file(kData + file), file);
}

const geokg::Event* find_event(const Read& read, std::int64_t id) {
  for (const auto& record : read.records) {
    for (const auto& event : record.events) {
      if (event.gdelt && event.gdelt->global_event_id == id) return &event;
    }
  }
  return nullptr;
}

// A zip archive with the given entries, written by libzip.
void write_zip(const std::string& path,
               const std::vector<std::pair<std::string, std::string>>& entries) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    REQUIRE(source != nullptr);
    REQUIRE(zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(archive) == 0);
}

}  // namespace

TEST_CASE("a GDELT 2.0 export becomes documents events and actors", "[ingest][gdelt]") {
  const auto read = read_fixture("20230913120000.export.CSV");
  CHECK(read.problems.empty());
  CHECK(read.counts.read == 5);
  CHECK(read.counts.rejected == 0);
  // Rows of one URL form one document, even when not next to each other.
  REQUIRE(read.records.size() == 4);
  CHECK(read.records[0].document.key == kSummit);
  CHECK(read.records[0].document.url == kSummit);
  CHECK(read.records[0].document.origin == "gdelt");
  REQUIRE(read.records[0].events.size() == 2);
  CHECK(read.records[0].events[1].gdelt->global_event_id == 1004);
  CHECK(read.records[3].document.key == "gdelt:1005");
  CHECK(read.records[3].document.url.empty());

  const auto* summit = find_event(read, 1001);
  REQUIRE(summit);
  CHECK(summit->code == "043");
  CHECK(summit->date->iso() == "2023-09-13");
  CHECK_FALSE(summit->date_inferred);
  CHECK(summit->extractor == "gdelt-2.0");
  REQUIRE(summit->source);
  CHECK(summit->source->actor_key == "vladimir-putin");
  CHECK(summit->source->code == "RUSGOV");
  CHECK(summit->target->actor_key == "kim-jong-un");
  CHECK(summit->location->name == "Vostochny, Amur, Russia");
  CHECK(summit->location->country == "RS");
  const auto& g = *summit->gdelt;
  CHECK(g.base_code == "043");
  CHECK(g.root_code == "04");
  CHECK(g.quad_class == 1);
  CHECK(g.goldstein == Approx(2.8));
  CHECK(g.num_mentions == 10);
  CHECK(g.num_sources == 2);
  CHECK(g.num_articles == 10);
  CHECK(g.avg_tone == Approx(-1.25));
  CHECK(g.date_added == 20230913120000);
  CHECK(g.actor1.country == "RUS");
  CHECK(g.actor1.type1 == "GOV");
  CHECK(g.actor2.country == "PRK");
  CHECK(*g.latitude == Approx(51.88));
  CHECK(*g.longitude == Approx(128.33));
  CHECK(g.file == "20230913120000.export.CSV");
  CHECK(g.line == 1);

  const auto& putin = read.records[0].actors[0];
  CHECK(putin.key == "vladimir-putin");
  CHECK(putin.name == "Vladimir Putin");
  CHECK(putin.code == "RUSGOV");
  CHECK(putin.country == "RUS");
  CHECK(putin.agent == "GOV");
  CHECK(read.records[0].actors.size() == 2);  // Kim and Putin once each

  // Codes keep their leading zeros; country actors are countries.
  const auto* talks = find_event(read, 1002);
  REQUIRE(talks);
  CHECK(talks->code == "0311");
  CHECK(talks->gdelt->base_code == "031");
  CHECK(talks->gdelt->root_code == "03");
  CHECK(read.records[1].actors[0].type == geokg::ActorType::Country);
  CHECK(read.records[1].actors[1].name == "United States");

  // An empty Actor1 leaves one participant; an empty ActionGeo no location.
  const auto* strike = find_event(read, 1003);
  REQUIRE(strike);
  CHECK_FALSE(strike->source);
  CHECK(strike->target->actor_key == "north-korea");
  CHECK_FALSE(strike->location);
  CHECK_FALSE(strike->gdelt->latitude);
  CHECK(strike->gdelt->goldstein == Approx(-10.0));

  // Lower-case ethnic codes are GDELT's own and are kept.
  const auto* rana = find_event(read, 1005);
  REQUIRE(rana);
  CHECK(rana->source->code == "ran");
  CHECK(rana->code == "010");
}

TEST_CASE("malformed GDELT rows are reported with file and line and skipped", "[ingest][gdelt]") {
  const auto read = read_fixture("20230913121500.export.CSV");
  CHECK(read.counts.read == 8);
  CHECK(read.counts.rejected == 5);
  REQUIRE(read.problems.size() == 5);
  const std::string file = "20230913121500.export.CSV";
  CHECK(read.problems[0].where == file + ":2");
  CHECK(read.problems[0].message == "12 columns; this file has 61 (GDELT 2.0)");
  CHECK(read.problems[1].where == file + ":3");
  CHECK(read.problems[1].message == "SQLDATE \"20230230\" is not a date (YYYYMMDD)");
  CHECK(read.problems[2].where == file + ":4");
  CHECK(read.problems[2].message == "NumMentions \"many\" is not an integer");
  CHECK(read.problems[3].where == file + ":5");
  CHECK(read.problems[3].message == "57 columns; this file has 61 (GDELT 2.0)");
  CHECK(read.problems[4].where == file + ":8");
  CHECK(read.problems[4].message ==
        "truncated last line (no newline at the end): 30 columns; this file has 61 (GDELT 2.0)");
  // The good rows still go in.
  CHECK(find_event(read, 1010));
  CHECK(find_event(read, 1001));
  CHECK(find_event(read, 1015));
  CHECK_FALSE(find_event(read, 1013));
}

TEST_CASE("other bad values in GDELT rows are rejected with their reason", "[ingest][gdelt]") {
  const auto good = geokg::test::read_file(kData + "20230913120000.export.CSV");
  const auto first = good.substr(0, good.find('\n'));
  auto with = [&](std::size_t column, const std::string& value) {
    std::vector<std::string> fields;
    std::stringstream in(first);
    for (std::string field; std::getline(in, field, '\t');) fields.push_back(field);
    fields[column] = value;
    std::string line;
    for (const auto& field : fields) line += (line.empty() ? "" : "\t") + field;
    const auto read = read_text(line + "\n", "x.export.CSV");
    REQUIRE(read.problems.size() == 1);
    return read.problems[0].message;
  };
  CHECK(with(0, "12ab") == "GLOBALEVENTID \"12ab\" is not an integer");
  CHECK(with(1, "2023091") == "SQLDATE \"2023091\" is not a date (YYYYMMDD)");
  CHECK(with(26, "999") == "EventCode \"999\" is not a CAMEO event code");
  CHECK(with(29, "5") == "QuadClass must be 1, 2, 3 or 4");
  CHECK(with(30, "1,9") == "GoldsteinScale \"1,9\" is not a number");
  CHECK(with(34, "") == "AvgTone \"\" is not a number");
  CHECK(with(56, "north") == "ActionGeo_Lat \"north\" is not a number");
  CHECK(with(59, "20230913250000") ==
        "DATEADDED \"20230913250000\" is not a date (YYYYMMDDHHMMSS)");
  CHECK(with(5, "RUS-GOV") ==
        "Actor1Code \"RUS-GOV\" is not a CAMEO actor code (3 to 15 letters or digits)");
  CHECK(with(6, "---") == "Actor1Name \"---\" has no letters or digits");
  CHECK(with(60, std::string(1001, 'u')) ==
        "SOURCEURL is 1001 bytes long; at most 1000 are allowed");
}

TEST_CASE("GDELT 1.0 daily and historical files are read", "[ingest][gdelt]") {
  const auto daily = read_fixture("20230914.export.CSV");
  CHECK(daily.problems.empty());
  const auto* visit = find_event(daily, 2001);
  REQUIRE(visit);
  CHECK(visit->extractor == "gdelt-1.0");
  CHECK(visit->gdelt->date_added == 20230914000000);
  CHECK(visit->location->name == "Washington, District of Columbia, United States");
  CHECK(*visit->gdelt->latitude == Approx(38.8951));
  CHECK(visit->source->actor_key == "volodymyr-zelenskyy");

  // 57 columns: no SOURCEURL, so each event is its own document; CRLF ends.
  const auto back = read_fixture("1979.csv");
  CHECK(back.problems.empty());
  REQUIRE(back.records.size() == 2);
  CHECK(back.records[0].document.key == "gdelt:3001");
  CHECK(back.records[0].events[0].date->iso() == "1979-01-01");
  CHECK(back.records[0].events[0].gdelt->date_added == 20130203000000);
  CHECK(back.records[1].events[0].gdelt->line == 2);
}

TEST_CASE("a GDELT file's layout comes from its first good row", "[ingest][gdelt]") {
  const auto daily = geokg::test::read_file(kData + "20230914.export.CSV");
  const auto v2 = geokg::test::read_file(kData + "20230913120000.export.CSV");
  // A broken first row settles nothing; a 61-column row in a 58-column file is wrong.
  const auto read = read_text("1\t2\t3\n" + daily + v2.substr(0, v2.find('\n') + 1), "mixed.csv");
  REQUIRE(read.problems.size() == 2);
  CHECK(read.problems[0].where == "mixed.csv:1");
  CHECK(read.problems[0].message ==
        "3 columns; a GDELT event row has 61 (GDELT 2.0), 57 or 58 (GDELT 1.0)");
  CHECK(read.problems[1].where == "mixed.csv:4");
  CHECK(read.problems[1].message == "61 columns; this file has 58 (GDELT 1.0)");
  CHECK(read.counts.read == 4);
}

TEST_CASE("blank lines and a header line are skipped without counting", "[ingest][gdelt]") {
  const auto v2 = geokg::test::read_file(kData + "20230913120000.export.CSV");
  std::string header = "GLOBALEVENTID";
  for (int i = 1; i < 61; ++i) header += "\tcolumn";
  const auto read = read_text(header + "\n\n  \n" + v2, "h.export.CSV");
  CHECK(read.problems.empty());
  CHECK(read.counts.read == 5);
  CHECK(find_event(read, 1001)->gdelt->line == 4);
}

TEST_CASE("zipped GDELT exports are read entry by entry", "[ingest][gdelt]") {
  geokg::test::TempDir dir;
  const auto v2 = geokg::test::read_file(kData + "20230913120000.export.CSV");
  const auto quirks = geokg::test::read_file(kData + "20230913121500.export.CSV");
  const auto one = dir.file("20230913120000.export.CSV.zip");
  write_zip(one, {{"20230913120000.export.CSV", v2}});
  std::ifstream in(one, std::ios::binary);
  Read read;
  read.counts = geokg::read_gdelt(
      in, one, geokg::Ontology::builtin(),
      [&](geokg::DocumentRecord&& record) { read.records.push_back(std::move(record)); },
      read.problems);
  CHECK(read.counts.read == 5);
  CHECK(read.records.size() == 4);
  CHECK(find_event(read, 1001)->gdelt->file == one);

  const auto two = dir.file("two.zip");
  write_zip(two, {{"a.CSV", v2}, {"b.CSV", quirks}});
  std::ifstream in_two(two, std::ios::binary);
  Read both;
  both.counts = geokg::read_gdelt(
      in_two, two, geokg::Ontology::builtin(),
      [&](geokg::DocumentRecord&& record) { both.records.push_back(std::move(record)); },
      both.problems);
  CHECK(both.counts.read == 13);
  CHECK(both.counts.rejected == 5);
  REQUIRE_FALSE(both.problems.empty());
  CHECK(both.problems[0].where == two + "!b.CSV:2");

  std::istringstream broken(std::string("PK\x03\x04") + std::string(100, 'x'));
  std::vector<geokg::InputProblem> problems;
  CHECK_THROWS_WITH(geokg::read_gdelt(
                        broken, "broken.zip", geokg::Ontology::builtin(),
                        [](geokg::DocumentRecord&&) {}, problems),
                    Catch::StartsWith("broken.zip: not a readable zip archive"));
}

TEST_CASE("GDELT lines are read through a bounded buffer", "[ingest][gdelt]") {
  const std::string text =
      "a\r\n" + std::string(geokg::gdelt::LineReader::kMaxLineBytes + 5, 'x') + "\nlast";
  std::istringstream in(text);
  geokg::gdelt::StreamSource source(in, "t");
  geokg::gdelt::LineReader lines(source);
  geokg::gdelt::LineReader::Line line;
  REQUIRE(lines.next(line));
  CHECK(line.text == "a");
  REQUIRE(lines.next(line));
  CHECK(line.too_long);
  REQUIRE(lines.next(line));
  CHECK(line.text == "last");
  CHECK_FALSE(line.complete);
  CHECK_FALSE(lines.next(line));
}

TEST_CASE("GDELT actor names are title-cased for display", "[ingest][gdelt]") {
  CHECK(geokg::gdelt::title_case("VLADIMIR PUTIN") == "Vladimir Putin");
  CHECK(geokg::gdelt::title_case("UNITED STATES") == "United States");
  CHECK(geokg::gdelt::title_case("O'BRIEN") == "O'brien");
  CHECK(geokg::gdelt::title_case("G20") == "G20");
  CHECK(geokg::gdelt::title_case("SÃO PAULO") == "São Paulo");
}

TEST_CASE("GDELT files ingest once and later sightings update counts", "[ingest][gdelt]") {
  geokg::test::TempDir dir;
  const auto db = dir.file("g.db");
  auto store = geokg::open_sqlite_store(db);
  geokg::IngestOptions options;  // auto: by name, and by content for 1979.csv

  const auto first = geokg::ingest(*store, {kData + "20230913120000.export.CSV"}, options);
  CHECK(first.clean());
  CHECK(first.lines == 5);
  CHECK(first.documents_added == 4);
  CHECK(first.events_added == 5);
  CHECK(first.actors_added == 6);

  const auto again = geokg::ingest(*store, {kData + "20230913120000.export.CSV"}, options);
  CHECK(again.documents_unchanged == 4);
  CHECK(again.events_added == 0);
  CHECK(again.events_updated == 0);

  // The whole directory: the quirks file repeats 1001 with more mentions, the
  // daily file repeats 1002 with fewer; 1979.csv is found by its content.
  const auto all = geokg::ingest(*store, {kData}, options);
  CHECK(all.inputs == 4);
  CHECK(all.lines_rejected == 5);
  CHECK(all.problems.size() == 5);
  CHECK(all.events_updated == 1);
  CHECK(all.events_added == 2 + 1 + 2);  // 1010 and 1015, 2001, 3001 and 3002
  CHECK(store->stats().events == 10);
}

TEST_CASE("GDELT actors merge with the actors of article triples", "[ingest][gdelt]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("mixed.db"));
  const auto triples = geokg::ingest(
      *store, {std::string(GEOKG_SOURCE_DIR) + "/samples/triples/korea-russia-2023.jsonl"}, {});
  REQUIRE(triples.clean());
  const auto before = store->find_actor("vladimir-putin");
  REQUIRE(before);
  const auto gdelt = geokg::ingest(*store, {kData + "20230913120000.export.CSV"}, {});
  REQUIRE(gdelt.clean());
  const auto after = store->find_actor("vladimir-putin");
  REQUIRE(after);
  CHECK(after->id == before->id);
  CHECK(after->actor.name == "Vladimir Putin");
  CHECK(store->find_actors_named("VLADIMIR PUTIN").size() == 1);
  // Both sources' events on the one actor.
  geokg::EventFilter filter;
  filter.actors = {"vladimir-putin"};
  std::int64_t from_gdelt = 0;
  std::int64_t from_articles = 0;
  store->for_each_event(filter, [&](const geokg::EventRow& row) {
    (row.document_key == kSummit ? from_gdelt : from_articles) += 1;
  });
  CHECK(from_gdelt == 2);
  CHECK(from_articles > 0);
}

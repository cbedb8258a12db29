#include <catch2/catch.hpp>
#include <sstream>

#include "geokg/ingest.hpp"

namespace {

struct ReadResult {
  std::vector<geokg::DocumentRecord> records;
  std::vector<geokg::InputProblem> problems;
  geokg::LineCounts counts;
};

ReadResult read(const std::string& text, geokg::IngestOptions options = {}) {
  std::istringstream in(text);
  ReadResult result;
  result.counts = geokg::read_triples(
      in, "input.jsonl", options, geokg::Ontology::builtin(),
      [&](geokg::DocumentRecord&& record) { result.records.push_back(std::move(record)); },
      result.problems);
  return result;
}

const std::string kVisit =
    R"({"document": {"id": "d1", "title": "T", "date": "2023-09-05", "url": "http://x"},)"
    R"( "source": {"id": "kim-jong-un", "name": "Kim Jong Un", "code": "PRKGOV", "type": "person"},)"
    R"( "target": {"name": "Russia", "code": "RUS"},)"
    R"( "event": {"code": "042", "root": "04", "label": "Make a visit"}, "date": "2023-07",)"
    R"( "location": {"name": "Vladivostok", "country": "RUS"}, "negated": false,)"
    R"( "modality": "intended", "sentence": 7, "span": [10, 50], "text": "Kim will visit Russia.",)"
    R"( "confidence": 0.8})";

}  // namespace

TEST_CASE("a full event record becomes a document actors and an event", "[ingest][triples]") {
  const auto result = read(kVisit + "\n");
  REQUIRE(result.problems.empty());
  REQUIRE(result.records.size() == 1);
  const auto& record = result.records[0];
  CHECK(record.document.key == "d1");
  CHECK(record.document.title == "T");
  CHECK(record.document.url == "http://x");
  CHECK(record.document.published->iso() == "2023-09-05");
  CHECK(record.document.origin == "triples");

  REQUIRE(record.actors.size() == 2);
  CHECK(record.actors[0].key == "kim-jong-un");
  CHECK(record.actors[0].country == "PRK");
  CHECK(record.actors[0].agent == "GOV");
  CHECK(record.actors[0].type == geokg::ActorType::Person);
  CHECK(record.actors[1].key == "russia");  // derived from the name
  CHECK(record.actors[1].type == geokg::ActorType::Country);

  REQUIRE(record.events.size() == 1);
  const auto& event = record.events[0];
  CHECK(event.code == "042");
  CHECK(event.source->actor_key == "kim-jong-un");
  CHECK(event.source->code == "PRKGOV");
  CHECK(event.target->actor_key == "russia");
  CHECK(event.date->iso() == "2023-07");
  CHECK_FALSE(event.date_inferred);
  CHECK(event.location->name == "Vladivostok");
  CHECK(event.modality == geokg::Modality::Intended);
  CHECK(*event.sentence == 7);
  CHECK(event.span->start == 10);
  CHECK(event.span->end == 50);
  CHECK(event.text == "Kim will visit Russia.");
  CHECK(event.confidence == Approx(0.8));
  CHECK(event.extractor == "triples-import");
}

TEST_CASE("consecutive lines of one document form one record", "[ingest][triples]") {
  const std::string text =
      R"({"document": {"id": "a"}, "source": {"name": "Kim Jong Un"}, "event": {"code": "042"}})"
      "\n\n"
      R"({"document": "a", "source": {"name": "KIM JONG UN"}, "target": {"name": "Putin"}, "event": {"code": "040"}})"
      "\n"
      R"({"document": "b", "source": {"name": "Putin"}, "event": {"code": "010"}})"
      "\n";
  const auto result = read(text);
  REQUIRE(result.problems.empty());
  CHECK(result.counts.read == 3);
  CHECK(result.counts.rejected == 0);
  REQUIRE(result.records.size() == 2);
  CHECK(result.records[0].events.size() == 2);
  REQUIRE(result.records[0].actors.size() == 2);
  // Another spelling of a known actor becomes an alias, not a new actor.
  CHECK(result.records[0].actors[0].aliases == std::vector<std::string>{"KIM JONG UN"});
  CHECK(result.records[1].document.key == "b");
}

TEST_CASE("events without a date take the publication date flagged", "[ingest][triples]") {
  const std::string line =
      R"({"document": {"id": "a", "published": "2023-09-05"}, "source": {"name": "X"}, "event": {"code": "042"}})";
  auto result = read(line);
  REQUIRE(result.records.size() == 1);
  CHECK(result.records[0].events[0].date->iso() == "2023-09-05");
  CHECK(result.records[0].events[0].date_inferred);

  geokg::IngestOptions options;
  options.default_date = geokg::EventDate::parse("2024-01-02");
  result = read(R"({"document": "b", "source": {"name": "X"}, "event": {"code": "042"}})", options);
  CHECK(result.records[0].document.published->iso() == "2024-01-02");
  CHECK(result.records[0].events[0].date_inferred);
}

TEST_CASE("later lines of a document share its fields and publication date", "[ingest][triples]") {
  const std::string text =
      R"({"document": {"id": "a", "date": "2023-09-05"}, "source": {"name": "X"}, "event": {"code": "042"}})" "\n"
      R"({"document": "a", "source": {"name": "Y"}, "event": {"code": "043"}})" "\n"
      R"({"document": {"id": "a", "title": "Late title", "date": "2020-01-01"}, "source": {"name": "Z"}, "event": {"code": "040"}})" "\n";
  const auto result = read(text);
  REQUIRE(result.records.size() == 1);
  const auto& record = result.records[0];
  CHECK(record.document.title == "Late title");              // filled from a later line
  CHECK(record.document.published->iso() == "2023-09-05");   // the first value wins
  for (const auto& event : record.events) {
    CHECK(event.date->iso() == "2023-09-05");
    CHECK(event.date_inferred);
  }
}

TEST_CASE("actor ids are normalised to keys", "[ingest][triples]") {
  const auto result = read(
      R"({"document": "a", "source": {"id": "Kim Jong Un", "name": "Kim"}, "target": {"id": "bad\"id <x>"}, "event": {"code": "042"}})");
  REQUIRE(result.records.size() == 1);
  CHECK(result.records[0].actors[0].key == "kim-jong-un");
  CHECK(result.records[0].actors[1].key == "bad-id-x");
  CHECK(result.records[0].events[0].target->actor_key == "bad-id-x");
}

TEST_CASE("bad lines are reported with their line numbers and skipped", "[ingest][triples]") {
  const std::string good =
      R"({"document": "a", "source": {"name": "X"}, "event": {"code": "042"}})";
  struct Case {
    std::string line;
    std::string expected;
  };
  const std::vector<Case> cases{
      {R"({"document": "a", "source": {"name": "X"}, "event": {"code": "042"})", "invalid JSON"},
      {R"([1, 2])", "must be a JSON object"},
      {R"({"source": {"name": "X"}, "event": {"code": "042"}})", "no \"document\""},
      {R"({"document": 5, "source": {"name": "X"}, "event": {"code": "042"}})", "\"document\" must"},
      {R"({"document": {"title": "no id"}, "source": {"name": "X"}, "event": {"code": "042"}})", "no \"id\""},
      {R"({"document": "a", "source": {"name": "X"}})", "no \"event\""},
      {R"({"document": "a", "source": {"name": "X"}, "event": {}})", "no \"code\""},
      {R"({"document": "a", "source": {"name": "X"}, "event": {"code": "999"}})", "not a CAMEO event code"},
      {R"({"document": "a", "source": {"name": "X"}, "event": {"code": 42}})", "must be a string"},
      {R"({"document": "a", "source": {"name": "X"}, "event": {"code": "042", "root": "05"}})", "does not match"},
      {R"({"document": "a", "event": {"code": "042"}})", "source or a target"},
      {R"({"document": "a", "source": {"code": "RUS"}, "event": {"code": "042"}})", "needs an \"id\" or a \"name\""},
      {R"({"document": "a", "source": {"name": "X", "code": "rus"}, "event": {"code": "042"}})", "not a CAMEO actor code"},
      {R"({"document": "a", "source": {"name": "X", "type": "alien"}, "event": {"code": "042"}})", "unknown actor type"},
      {R"({"document": "a", "source": {"name": "X"}, "event": {"code": "042"}, "date": "2023-02-30"})", "invalid date"},
      {R"({"document": "a", "source": {"name": "X"}, "event": {"code": "042"}, "modality": "sure"})", "unknown modality"},
      {R"({"document": "a", "source": {"name": "X"}, "event": {"code": "042"}, "span": [5, 2]})", "\"span\""},
      {R"({"document": "a", "source": {"name": "X"}, "event": {"code": "042"}, "sentence": -1})", "\"sentence\""},
      {R"({"document": "a", "source": {"name": "X"}, "event": {"code": "042"}, "confidence": 2})", "\"confidence\""},
      {R"({"document": "a", "source": {"name": "X"}, "event": {"code": "042"}, "negated": "no"})", "\"negated\""},
      {"{\"document\": \"a\", \"source\": {\"name\": \"bad \xff utf8\"}, \"event\": {\"code\": \"042\"}}", "invalid JSON"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    const auto result = read(good + "\n" + c.line + "\n" + good + "\n");
    REQUIRE(result.problems.size() == 1);
    CHECK(result.counts.rejected == 1);
    CHECK(result.problems[0].where == "input.jsonl:2");
    CHECK_THAT(result.problems[0].message, Catch::Contains(c.expected));
    REQUIRE(result.records.size() == 1);
    CHECK(result.records[0].events.size() == 2);
  }
}

TEST_CASE("input that is not JSON Lines at all is refused as a whole", "[ingest][triples]") {
  CHECK_THROWS_WITH(read("Kremlin coy on summit\nmore text\n"),
                    Catch::Contains("input.jsonl:1") && Catch::Contains("not JSON Lines"));
  CHECK_THROWS_WITH(read(""), Catch::Contains("empty"));
  CHECK_THROWS_WITH(read("\n  \n"), Catch::Contains("empty"));
  CHECK_THROWS_WITH(read(std::string("\0\x01\x02binary", 9)), Catch::Contains("not JSON Lines"));
}

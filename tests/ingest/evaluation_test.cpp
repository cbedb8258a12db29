// `geokg eval`'s scoring (docs/eval.md): the event gold set read whole, and
// the event scores and misses on hand-made events, independent of what the
// extractor finds.
#include "evaluation.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "geokg/ingest.hpp"

namespace {

using geokg::evaluation::EventKey;

const char* const kEventGold = GEOKG_SOURCE_DIR "/tests/data/gold/events.jsonl";

const geokg::Extractor& extractor() {
  static const geokg::Extractor instance(geokg::Dictionary::builtin(), geokg::Ontology::builtin());
  return instance;
}

geokg::Score score(std::int64_t tp, std::int64_t fp, std::int64_t fn) {
  geokg::Score result;
  result.true_positives = tp;
  result.false_positives = fp;
  result.false_negatives = fn;
  return result;
}

void check_score(const geokg::Score& actual, const geokg::Score& expected) {
  CHECK(actual.true_positives == expected.true_positives);
  CHECK(actual.false_positives == expected.false_positives);
  CHECK(actual.false_negatives == expected.false_negatives);
}

}  // namespace

TEST_CASE("the event gold set is read whole and covers every CAMEO root", "[ingest][eval]") {
  // Counted here straight from the file, independently of evaluate().
  std::ifstream file(kEventGold, std::ios::binary);
  REQUIRE(file);
  std::int64_t passages = 0, events = 0;
  std::map<std::string, std::int64_t> by_root;
  std::set<std::string> ids;
  std::string line;
  while (std::getline(file, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto passage = nlohmann::json::parse(line);
    ++passages;
    INFO(passage.value("id", std::string("?")));
    CHECK(ids.insert(passage.at("id").get<std::string>()).second);
    CHECK_FALSE(passage.contains("actors"));
    REQUIRE(passage.contains("events"));
    REQUIRE(passage["events"].is_array());
    for (const auto& event : passage["events"]) {
      ++events;
      ++by_root[event.at("code").get<std::string>().substr(0, 2)];
    }
  }
  CHECK(events >= 250);
  for (int root = 1; root <= 20; ++root) {
    const std::string key = (root < 10 ? "0" : "") + std::to_string(root);
    INFO("root " << key);
    CHECK(by_root[key] >= 5);
  }

  std::ifstream gold(kEventGold, std::ios::binary);
  const auto report =
      geokg::evaluate(gold, "events.jsonl", extractor(), geokg::Ontology::builtin());
  CHECK(report.passages == passages);
  CHECK(report.gold_events == events);
  // No passage lists actors, so nothing is scored for actors.
  check_score(report.actors, score(0, 0, 0));
  check_score(report.actors_by_name, score(0, 0, 0));
  CHECK(report.actors_by_type.empty());
  // Every gold event is a true positive or a false negative, at both levels.
  CHECK(report.events_root.true_positives + report.events_root.false_negatives == events);
  CHECK(report.events_code.true_positives + report.events_code.false_negatives == events);
  geokg::Score sum;
  for (const auto& [root, root_score] : report.events_by_root) {
    INFO("root " << root);
    sum += root_score;
    CHECK(root_score.true_positives + root_score.false_negatives == by_root[root]);
  }
  check_score(sum, report.events_root);
}

TEST_CASE("the development event sets are read whole", "[ingest][eval]") {
  std::set<std::string> ids;
  const std::pair<const char*, int> sets[] = {{"events-a.jsonl", 30},
                                              {"events-b.jsonl", 30},
                                              {"events-c.jsonl", 30},
                                              {"events-d.jsonl", 36}};
  for (const auto& [name, expected] : sets) {
    const std::string path = std::string(GEOKG_SOURCE_DIR "/tests/data/dev/") + name;
    INFO(path);
    std::ifstream file(path, std::ios::binary);
    REQUIRE(file);
    std::int64_t passages = 0, events = 0;
    std::string line;
    while (std::getline(file, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const auto passage = nlohmann::json::parse(line);
      ++passages;
      CHECK(ids.insert(passage.at("id").get<std::string>()).second);
      events += static_cast<std::int64_t>(passage.at("events").size());
    }
    CHECK(passages == expected);
    std::ifstream gold(path, std::ios::binary);
    const auto report = geokg::evaluate(gold, name, extractor(), geokg::Ontology::builtin());
    CHECK(report.passages == passages);
    CHECK(report.gold_events == events);
  }
}

TEST_CASE("event scores and misses follow multiset matching", "[ingest][eval]") {
  const auto& ontology = geokg::Ontology::builtin();
  const std::vector<EventKey> gold{
      {"112", "PRKGOV", "USA", 0},  // matched in full
      {"112", "PRKGOV", "JPN", 0},  // predicted with another code of the same root
      {"042", "RUSGOV", "PRK", 1},  // matched in full
      {"042", "RUSGOV", "PRK", 2},  // the same again: only one prediction for both
      {"190", "RUSMIL", "UKR", 3},  // predicted as 195
      {"010", "RUSGOV", "", 4},     // not predicted at all; no target
  };
  const std::vector<EventKey> predicted{
      {"112", "PRKGOV", "USA", 0}, {"111", "PRKGOV", "JPN", 0},
      {"042", "RUSGOV", "PRK", 1}, {"195", "RUSMIL", "UKR", std::nullopt},
      {"173", "UKRCOP", "RUS", 3},  // spurious at both levels
      {"042", "RUS", "PRK", 2},     // right countries, wrong source code
  };
  geokg::EvalReport report;
  geokg::evaluation::score_events(gold, predicted, "g.jsonl:7 (p1)", ontology, report);

  // Roots and countries: everything but 010 RUS->- is found; 173 is extra.
  check_score(report.events_root, score(5, 1, 1));
  // Full codes: only 112 PRKGOV->USA and one 042 RUSGOV->PRK agree.
  check_score(report.events_code, score(2, 4, 4));
  REQUIRE(report.events_by_root.size() == 5);
  check_score(report.events_by_root["01"], score(0, 0, 1));
  check_score(report.events_by_root["04"], score(2, 0, 0));
  check_score(report.events_by_root["11"], score(2, 0, 0));
  check_score(report.events_by_root["17"], score(0, 1, 0));
  check_score(report.events_by_root["19"], score(1, 0, 0));
  CHECK(report.gold_events == 0);  // counted by evaluate(), not here

  const std::vector<std::string> misses{
      "g.jsonl:7 (p1): missed event 112 PRKGOV->JPN (sentence 0)",
      "g.jsonl:7 (p1): missed event 042 RUSGOV->PRK (sentence 2)",
      "g.jsonl:7 (p1): missed event 190 RUSMIL->UKR (sentence 3)",
      "g.jsonl:7 (p1): missed event 010 RUSGOV->- (sentence 4)",
      "g.jsonl:7 (p1): spurious event 111 PRKGOV->JPN (sentence 0)",
      "g.jsonl:7 (p1): spurious event 195 RUSMIL->UKR",
      "g.jsonl:7 (p1): spurious event 173 UKRCOP->RUS (sentence 3)",
      "g.jsonl:7 (p1): spurious event 042 RUS->PRK (sentence 2)",
  };
  CHECK(report.misses == misses);

  // A second passage adds to the same counts.
  geokg::evaluation::score_events({{"190", "RUSMIL", "UKR", 0}}, {{"190", "RUSMIL", "UKR", 0}},
                                  "g.jsonl:8 (p2)", ontology, report);
  check_score(report.events_root, score(6, 1, 1));
  check_score(report.events_code, score(3, 4, 4));
  check_score(report.events_by_root["19"], score(2, 0, 0));
  CHECK(report.misses.size() == misses.size());

  // Nothing on either side: nothing counted, precision and recall 0.
  geokg::EvalReport empty;
  geokg::evaluation::score_events({}, {}, "g.jsonl:9 (p3)", ontology, empty);
  check_score(empty.events_root, score(0, 0, 0));
  CHECK(empty.events_by_root.empty());
  CHECK(empty.events_root.precision() == 0.0);
  CHECK(empty.events_root.recall() == 0.0);
}

TEST_CASE("eval reports from several gold files add up", "[ingest][eval]") {
  geokg::EvalReport first, second;
  first.passages = 2;
  first.gold_events = 3;
  first.actors = score(1, 2, 3);
  first.actors_by_type["person"] = score(1, 0, 1);
  first.events_root = score(1, 1, 2);
  first.events_by_root["19"] = score(1, 1, 2);
  first.misses = {"a:1 (x): missed actor X [-]"};
  second.passages = 1;
  second.gold_events = 4;
  second.actors = score(10, 20, 30);
  second.actors_by_type["country"] = score(2, 0, 0);
  second.actors_by_type["person"] = score(1, 0, 0);
  second.events_code = score(4, 0, 0);
  second.events_by_root["19"] = score(1, 0, 0);
  second.events_by_root["04"] = score(3, 0, 0);
  second.misses = {"b:1 (y): spurious event 042 USA->CHN"};
  first += second;
  CHECK(first.passages == 3);
  CHECK(first.gold_events == 7);
  check_score(first.actors, score(11, 22, 33));
  check_score(first.actors_by_type["person"], score(2, 0, 1));
  check_score(first.actors_by_type["country"], score(2, 0, 0));
  check_score(first.events_root, score(1, 1, 2));
  check_score(first.events_code, score(4, 0, 0));
  check_score(first.events_by_root["19"], score(2, 1, 2));
  check_score(first.events_by_root["04"], score(3, 0, 0));
  CHECK(first.misses.size() == 2);
  CHECK(first.misses[1] == "b:1 (y): spurious event 042 USA->CHN");
}

TEST_CASE("eval scores actors only in passages that list them", "[ingest][eval]") {
  // Whatever the extractor finds in these texts, the passage without
  // "actors" adds nothing to the actor scores, and its gold events are all
  // counted.
  std::istringstream gold(
      R"({"id": "e1", "date": "2024-02-01", "text": "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Tuesday.", "events": [{"source": "RUSGOV", "target": "CHNGOV", "code": "040", "date": "2024-01-30", "sentence": 0}, {"source": "CHNGOV", "target": "RUSGOV", "code": "040", "sentence": 0}]})"
      "\n\n"
      R"({"id": "e2", "text": "It rained in Paris.", "events": []})"
      "\n");
  const auto report = geokg::evaluate(gold, "mem", extractor(), geokg::Ontology::builtin());
  CHECK(report.passages == 2);
  CHECK(report.gold_events == 2);
  check_score(report.actors, score(0, 0, 0));
  check_score(report.actors_by_name, score(0, 0, 0));
  CHECK(report.actors_by_type.empty());
  for (const auto& miss : report.misses) CHECK(miss.find(" actor ") == std::string::npos);
  CHECK(report.events_root.true_positives + report.events_root.false_negatives == 2);
  REQUIRE(report.events_by_root.count("04") == 1);
  const auto& meetings = report.events_by_root.at("04");
  CHECK(meetings.true_positives + meetings.false_negatives == 2);

  // With "actors", even empty, every predicted actor is a false positive.
  std::istringstream listed(
      R"({"id": "a1", "date": "2024-02-01", "text": "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.", "actors": []})"
      "\n");
  const auto with_actors = geokg::evaluate(listed, "mem", extractor(), geokg::Ontology::builtin());
  CHECK(with_actors.actors.true_positives == 0);
  CHECK(with_actors.actors.false_negatives == 0);
  CHECK(with_actors.actors.false_positives > 0);
  CHECK(with_actors.gold_events == 0);
}

TEST_CASE("eval refuses malformed gold events with file and line", "[ingest][eval]") {
  auto fails_with = [](const std::string& events, const std::string& message) {
    std::istringstream gold("\n{\"text\": \"x\", \"events\": " + events + "}\n");
    INFO(events);
    try {
      geokg::evaluate(gold, "bad.jsonl", extractor(), geokg::Ontology::builtin());
      FAIL("no error");
    } catch (const geokg::IngestError& error) {
      CHECK_THAT(error.what(), Catch::Contains("bad.jsonl:2"));
      CHECK_THAT(error.what(), Catch::Contains(message));
    }
  };
  fails_with(R"([{"code": "999", "source": "RUS"}])", "unknown CAMEO event code");
  fails_with(R"([{"source": "RUS"}])", "unknown CAMEO event code");
  fails_with(R"([{"code": "042", "sentence": -1}])", "sentence");
  fails_with(R"([{"code": "042", "sentence": "1"}])", "sentence");
  fails_with(R"([{"code": "042", "date": "last week"}])", "");
  fails_with(R"({"code": "042"})", "must be an array");
}

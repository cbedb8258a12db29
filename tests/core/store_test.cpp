#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "geokg/core.hpp"
#include "test_support.hpp"

using geokg::DocumentRecord;
using geokg::EventDate;
using geokg::WriteOutcome;

namespace {

geokg::Actor actor(const std::string& key, const std::string& name, const std::string& code,
                   const std::string& country) {
  geokg::Actor a;
  a.key = key;
  a.name = name;
  a.code = code;
  a.country = country;
  a.type = geokg::ActorType::Person;
  return a;
}

geokg::Event event(const std::string& source, const std::string& target, const std::string& code,
                   const std::string& date, int sentence) {
  geokg::Event e;
  e.source = geokg::Participant{source, ""};
  e.target = geokg::Participant{target, ""};
  e.code = code;
  e.date = EventDate::parse(date);
  e.sentence = sentence;
  e.extractor = "test/1";
  return e;
}

DocumentRecord summit_record() {
  DocumentRecord record;
  record.document.key = "summit";
  record.document.title = "Summit";
  record.document.text = "Kim visited Russia. Putin hosted Kim.";
  record.document.origin = "test";
  record.actors = {actor("kim", "Kim Jong Un", "PRKGOV", "PRK"),
                   actor("putin", "Vladimir Putin", "RUSGOV", "RUS")};
  record.actors[0].aliases = {"Kim", "KIM JONG UN"};
  record.events = {event("kim", "putin", "042", "2023-09-13", 0),
                   event("putin", "kim", "043", "2023-09", 1)};
  return record;
}

std::vector<geokg::EventRow> events_where(const geokg::Store& store,
                                          const geokg::EventFilter& filter) {
  std::vector<geokg::EventRow> rows;
  store.for_each_event(filter, [&](const geokg::EventRow& row) { rows.push_back(row); });
  return rows;
}

// Runs one SQL statement on the raw file, outside the store.
std::string raw_sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  std::string result;
  sqlite3_exec(
      db, sql.c_str(),
      [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) = values[0] ? values[0] : "";
        return 0;
      },
      &result, nullptr);
  sqlite3_close(db);
  return result;
}

}  // namespace

TEST_CASE("a new store has the current schema WAL and the codebook", "[core][store]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("new.db");
  {
    auto store = geokg::open_sqlite_store(path);
    const auto stats = store->stats();
    CHECK(stats.schema_version == geokg::current_schema_version());
    CHECK(stats.documents == 0);
    CHECK(stats.events == 0);
  }
  CHECK(raw_sql(path, "PRAGMA journal_mode") == "wal");
  CHECK(raw_sql(path, "PRAGMA user_version") == std::to_string(geokg::current_schema_version()));
  CHECK(raw_sql(path, "SELECT label FROM cameo_event_codes WHERE code = '042'") == "Make a visit");
  CHECK(raw_sql(path, "SELECT quad FROM cameo_event_codes WHERE code = '190'") == "4");
}

TEST_CASE("a document and its events are written and read back", "[core][store]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  const std::vector<DocumentRecord> records{summit_record()};
  const auto outcomes = store->write(records);
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].status == WriteOutcome::Status::Added);
  CHECK(outcomes[0].events_added == 2);
  CHECK(outcomes[0].actors_added == 2);

  const auto stats = store->stats();
  CHECK(stats.documents == 1);
  CHECK(stats.actors == 2);
  CHECK(stats.aliases == 1);  // "KIM JONG UN" only repeats the name
  CHECK(stats.events == 2);
  REQUIRE(stats.first_date);
  CHECK(stats.first_date->iso() == "2023-09");
  // The month 2023-09 runs to the 30th, past the day 2023-09-13.
  CHECK(stats.last_date->iso() == "2023-09");

  const auto rows = events_where(*store, {});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].code == "042");
  CHECK(rows[0].document_key == "summit");
  CHECK(rows[0].source_code == "PRKGOV");  // falls back to the actor's own code
  CHECK(rows[0].target_code == "RUSGOV");
  CHECK(rows[0].date->iso() == "2023-09-13");
  CHECK(rows[1].date->precision == geokg::DatePrecision::Month);

  const auto kim = store->find_actor("kim");
  REQUIRE(kim);
  CHECK(kim->actor.name == "Kim Jong Un");
  CHECK(kim->actor.country == "PRK");
  CHECK_FALSE(store->find_actor("nobody"));
}

TEST_CASE("writing the same record twice changes nothing", "[core][store]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  const std::vector<DocumentRecord> records{summit_record()};
  store->write(records);
  const auto again = store->write(records);
  CHECK(again[0].status == WriteOutcome::Status::Unchanged);
  CHECK(again[0].events_added == 0);
  CHECK(store->stats().events == 2);

  // The same key with one new event extends the document.
  auto extended = summit_record();
  extended.events.push_back(event("kim", "putin", "036", "2023-09-14", 2));
  const auto more = store->write(std::vector<DocumentRecord>{extended});
  CHECK(more[0].status == WriteOutcome::Status::Extended);
  CHECK(more[0].events_added == 1);
  CHECK(store->stats().events == 3);
}

TEST_CASE("the same text under another id is a duplicate", "[core][store]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  store->write(std::vector<DocumentRecord>{summit_record()});
  auto copy = summit_record();
  copy.document.key = "summit-copy";
  const auto outcome = store->write(std::vector<DocumentRecord>{copy});
  CHECK(outcome[0].status == WriteOutcome::Status::Duplicate);
  CHECK_THAT(outcome[0].message, Catch::Contains("summit"));
  CHECK(store->stats().documents == 1);
}

TEST_CASE("a rejected document leaves no trace and the batch goes on", "[core][store]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("s.db");
  auto store = geokg::open_sqlite_store(path);

  auto broken = summit_record();
  broken.document.key = "broken";
  broken.document.text = "Different text.";
  broken.actors.push_back(actor("shoigu", "Sergei Shoigu", "RUSMIL", "RUS"));
  // The second event names an actor that exists nowhere: the whole document
  // must go, including its new actor and its first, valid event.
  broken.events.push_back(event("shoigu", "ghost", "042", "2023-07-26", 3));

  const std::vector<DocumentRecord> batch{broken, summit_record()};
  const auto outcomes = store->write(batch);
  REQUIRE(outcomes.size() == 2);
  CHECK(outcomes[0].status == WriteOutcome::Status::Rejected);
  CHECK_THAT(outcomes[0].message, Catch::Contains("ghost") && Catch::Contains("broken"));
  CHECK(outcomes[1].status == WriteOutcome::Status::Added);

  CHECK(raw_sql(path, "SELECT count(*) FROM documents WHERE key = 'broken'") == "0");
  CHECK(raw_sql(path, "SELECT count(*) FROM actors WHERE key = 'shoigu'") == "0");
  CHECK(raw_sql(path, "SELECT count(*) FROM events") == "2");
  CHECK(raw_sql(path, "PRAGMA integrity_check") == "ok");
  CHECK(raw_sql(path, "PRAGMA foreign_key_check") == "");

  // The rolled-back actor must not linger in the store's caches either.
  auto retry = broken;
  retry.events.pop_back();
  const auto second = store->write(std::vector<DocumentRecord>{retry});
  CHECK(second[0].status == WriteOutcome::Status::Added);
  CHECK(raw_sql(path, "SELECT count(*) FROM actors WHERE key = 'shoigu'") == "1");
}

TEST_CASE("a document that fails inside SQLite is dropped alone", "[core][store]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("s.db");
  auto store = geokg::open_sqlite_store(path);
  auto bad = summit_record();
  bad.document.key = "bad";
  bad.document.text = "Other text.";
  bad.actors.push_back(actor("shoigu", "Sergei Shoigu", "RUSMIL", "RUS"));
  bad.events.push_back(event("shoigu", "kim", "042", "2023-07-26", 5));
  bad.events.back().confidence = 5.0;  // passes the checks, fails the CHECK constraint
  auto later = summit_record();
  later.document.key = "later";
  later.document.text = "Later text.";

  const auto outcomes = store->write(std::vector<DocumentRecord>{summit_record(), bad, later});
  REQUIRE(outcomes.size() == 3);
  CHECK(outcomes[0].status == WriteOutcome::Status::Added);
  CHECK(outcomes[1].status == WriteOutcome::Status::Rejected);
  CHECK_THAT(outcomes[1].message, Catch::Contains("CHECK constraint"));
  CHECK(outcomes[2].status == WriteOutcome::Status::Added);
  CHECK(raw_sql(path, "SELECT count(*) FROM documents") == "2");
  CHECK(raw_sql(path, "SELECT count(*) FROM actors WHERE key = 'shoigu'") == "0");
  CHECK(raw_sql(path, "SELECT count(*) FROM events") == "4");
  CHECK(raw_sql(path, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("an unknown CAMEO code rejects its document", "[core][store]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  auto record = summit_record();
  record.events[1].code = "999";
  const auto outcome = store->write(std::vector<DocumentRecord>{record});
  CHECK(outcome[0].status == WriteOutcome::Status::Rejected);
  CHECK_THAT(outcome[0].message, Catch::Contains("999"));
  CHECK(store->stats().documents == 0);
}

TEST_CASE("a participant keeps its code at the event's date", "[core][store]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  DocumentRecord record;
  record.document.key = "shoigu";
  record.actors = {actor("shoigu", "Sergei Shoigu", "RUSGOV", "RUS"),
                   actor("prk", "North Korea", "PRK", "PRK")};
  auto visit = event("shoigu", "prk", "042", "2023-07-26", 0);
  visit.source->code = "RUSMIL";
  record.events = {visit};
  store->write(std::vector<DocumentRecord>{record});
  const auto rows = events_where(*store, {});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].source_code == "RUSMIL");
  CHECK(rows[0].target_code == "PRK");
}

TEST_CASE("event filters select by date code quad actor and country", "[core][store]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  DocumentRecord record;
  record.document.key = "mix";
  record.actors = {actor("kim", "Kim Jong Un", "PRKGOV", "PRK"),
                   actor("putin", "Vladimir Putin", "RUSGOV", "RUS"),
                   actor("biden", "Joe Biden", "USAGOV", "USA")};
  record.events = {
      event("kim", "putin", "042", "2023-09-13", 0), event("putin", "kim", "0312", "2023-07", 1),
      event("biden", "kim", "112", "2022", 2), event("putin", "biden", "190", "2024-01-02", 3)};
  store->write(std::vector<DocumentRecord>{record});

  auto codes_of = [&](const geokg::EventFilter& filter) {
    std::vector<std::string> codes;
    for (const auto& row : events_where(*store, filter)) codes.push_back(row.code);
    return codes;
  };
  using V = std::vector<std::string>;

  geokg::EventFilter by_date;
  by_date.since = EventDate::parse("2023-07-15");  // overlaps the month 2023-07
  by_date.until = EventDate::parse("2023-12");
  CHECK(codes_of(by_date) == V{"042", "0312"});

  geokg::EventFilter by_year;
  by_year.until = EventDate::parse("2022");
  CHECK(codes_of(by_year) == V{"112"});

  geokg::EventFilter by_code;
  by_code.codes = {"04", "19"};
  CHECK(codes_of(by_code) == V{"042", "190"});
  by_code.codes = {"031"};
  CHECK(codes_of(by_code) == V{"0312"});

  geokg::EventFilter by_quad;
  by_quad.quads = {geokg::QuadClass::VerbalConflict, geokg::QuadClass::MaterialConflict};
  CHECK(codes_of(by_quad) == V{"112", "190"});

  geokg::EventFilter by_actor;
  by_actor.actors = {"biden"};
  CHECK(codes_of(by_actor) == V{"112", "190"});

  geokg::EventFilter by_country;
  by_country.countries = {"PRK"};
  by_country.quads = {geokg::QuadClass::VerbalCooperation};
  CHECK(codes_of(by_country) == V{"042", "0312"});

  geokg::EventFilter unknown;
  unknown.actors = {"nobody"};
  CHECK_THROWS_AS(codes_of(unknown), geokg::StoreError);

  // Filter values are bound, never spliced into SQL.
  geokg::EventFilter hostile;
  hostile.countries = {"RUS') OR 1=1 --"};
  CHECK(codes_of(hostile).empty());
  hostile = {};
  hostile.codes = {"0' OR '1'='1"};
  CHECK(codes_of(hostile).empty());
}

TEST_CASE("later mentions fill gaps without losing names or mixing codes", "[core][store]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  auto write_actor = [&](const std::string& doc, geokg::Actor a) {
    DocumentRecord record;
    record.document.key = doc;
    record.actors = {std::move(a)};
    return store->write(std::vector<DocumentRecord>{record})[0];
  };
  geokg::Actor norway;
  norway.key = "norway";
  norway.name = "Norway";
  norway.code = "NOR";
  norway.country = "NOR";
  write_actor("d1", norway);

  auto later = norway;
  later.name = "Kingdom of Norway";
  later.aliases = {"Norway"};
  later.code = "NORGOV";
  later.agent = "GOV";
  later.type = geokg::ActorType::Country;
  write_actor("d2", later);

  const auto stored = store->find_actor("norway");
  REQUIRE(stored);
  CHECK(stored->actor.name == "Norway");
  CHECK(stored->actor.code == "NOR");                      // kept, not overwritten
  CHECK(stored->actor.agent.empty());                      // not borrowed from NORGOV
  CHECK(stored->actor.type == geokg::ActorType::Country);  // a gap, filled
  CHECK(store->stats().aliases == 1);  // "Kingdom of Norway"; "Norway" is the name

  const auto found = store->find_actors_named("kingdom of norway");
  REQUIRE(found.size() == 1);
  CHECK(found[0].actor.key == "norway");
  CHECK(store->find_actors_named("NORWAY").size() == 1);
  CHECK(store->find_actors_named("Sweden").empty());
}

TEST_CASE("a missing database is created only when asked", "[core][store]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("typo.db");
  CHECK_THROWS_WITH(geokg::open_sqlite_store(path, geokg::OpenMode::MustExist),
                    Catch::Contains("does not exist"));
  CHECK_FALSE(std::filesystem::exists(path));
  geokg::open_sqlite_store(path, geokg::OpenMode::Create);
  CHECK_NOTHROW(geokg::open_sqlite_store(path, geokg::OpenMode::MustExist));
}

TEST_CASE("a database from a newer geokg is refused", "[core][store]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("future.db");
  geokg::open_sqlite_store(path);
  raw_sql(path, "PRAGMA user_version = 99");
  CHECK_THROWS_WITH(geokg::open_sqlite_store(path),
                    Catch::Contains("schema version 99") && Catch::Contains("newer geokg"));
}

TEST_CASE("files that are not geokg databases are refused untouched", "[core][store]") {
  geokg::test::TempDir dir;
  const auto text = dir.write("notes.txt", std::string(2000, 'x'));
  CHECK_THROWS_WITH(geokg::open_sqlite_store(text), Catch::Contains("not a SQLite database"));
  CHECK(geokg::test::read_file(text) == std::string(2000, 'x'));

  const auto foreign = dir.file("foreign.db");
  raw_sql(foreign, "CREATE TABLE customers(id INTEGER)");
  CHECK_THROWS_WITH(geokg::open_sqlite_store(foreign), Catch::Contains("not geokg's"));
  CHECK(raw_sql(foreign, "PRAGMA user_version") == "0");

  CHECK_THROWS_AS(geokg::open_sqlite_store(dir.file("missing-dir/x.db")), geokg::StoreError);
}

TEST_CASE("data survives closing and reopening", "[core][store]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("s.db");
  geokg::open_sqlite_store(path)->write(std::vector<DocumentRecord>{summit_record()});
  auto reopened = geokg::open_sqlite_store(path);
  CHECK(reopened->stats().events == 2);
  // Ids are remembered across sessions: re-writing still changes nothing.
  const auto again = reopened->write(std::vector<DocumentRecord>{summit_record()});
  CHECK(again[0].status == WriteOutcome::Status::Unchanged);
}

TEST_CASE("mentions are stored once with their spans and sentences", "[core][store]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("m.db");
  auto record = summit_record();
  // "Kim visited Russia. Putin hosted Kim." in code points.
  record.mentions = {{"kim", 0, {0, 3}}, {"putin", 1, {20, 25}}, {"kim", 1, {33, 36}}};
  auto store = geokg::open_sqlite_store(path);
  const auto first = store->write(std::vector<DocumentRecord>{record});
  CHECK(first[0].mentions_added == 3);
  const auto again = store->write(std::vector<DocumentRecord>{record});
  CHECK(again[0].mentions_added == 0);
  CHECK(again[0].status == WriteOutcome::Status::Unchanged);
  CHECK(store->stats().mentions == 3);
  CHECK(raw_sql(path,
                "SELECT group_concat(text, '|') FROM (SELECT text FROM actor_mentions "
                "ORDER BY span_start)") == "Kim|Putin|Kim");
  CHECK(raw_sql(path, "SELECT sentence FROM actor_mentions WHERE span_start = 20") == "1");
}

namespace {
// "key:mentions" per actor with a count, by key.
std::string mention_counts(const std::string& path) {
  return raw_sql(path,
                 "SELECT group_concat(key || ':' || mentions, ' ') FROM (SELECT a.key, c.mentions "
                 "FROM actor_mention_counts c JOIN actors a ON a.id = c.actor_id ORDER BY a.key)");
}
}  // namespace

TEST_CASE("each actor's mention count follows new, repeated and deleted mentions",
          "[core][store]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("m.db");
  auto record = summit_record();
  // The same mention twice in one record counts once.
  record.mentions = {
      {"kim", 0, {0, 3}}, {"putin", 1, {20, 25}}, {"kim", 1, {33, 36}}, {"kim", 1, {33, 36}}};
  auto store = geokg::open_sqlite_store(path);
  store->write(std::vector<DocumentRecord>{record});
  CHECK(mention_counts(path) == "kim:2 putin:1");

  // A stored document read again with one more mention: only that one counts.
  record.mentions.push_back({"putin", 2, {40, 45}});
  const auto extended = store->write(std::vector<DocumentRecord>{record});
  CHECK(extended[0].status == WriteOutcome::Status::Extended);
  CHECK(extended[0].mentions_added == 1);
  CHECK(mention_counts(path) == "kim:2 putin:2");

  const auto found = store->search_actors("putin", 10);
  REQUIRE(found.matches.size() == 1);
  CHECK(found.matches[0].mentions == 2);
  CHECK(store->search_actors("kim", 10).matches.at(0).mentions == 2);
  store.reset();

  // Deleting a document by hand, as an analyst might, takes its mentions
  // and their counts along, even with foreign keys off (the shell's default).
  REQUIRE(raw_sql(path, "SELECT count(*) FROM mentions") == "4");
  CHECK(raw_sql(path,
                "PRAGMA foreign_keys = OFF; DELETE FROM documents; "
                "SELECT count(*) FROM mentions") == "0");
  CHECK(raw_sql(path, "SELECT sum(mentions) FROM actor_mention_counts") == "0");
}

TEST_CASE("a version 5 store gets its actors' mention counts and loses the mention index",
          "[core][store]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("v5.db");
  auto record = summit_record();
  record.mentions = {{"kim", 0, {0, 3}}, {"putin", 1, {20, 25}}, {"kim", 1, {33, 36}}};
  geokg::open_sqlite_store(path)->write(std::vector<DocumentRecord>{record});
  REQUIRE(raw_sql(path, geokg::test::kDowngradeToVersion5).rfind("error", 0) != 0);
  REQUIRE(raw_sql(path, "PRAGMA user_version") == "5");
  REQUIRE(raw_sql(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'actor_mention_counts'") ==
          "0");

  auto store = geokg::open_sqlite_store(path, geokg::OpenMode::MustExist);
  CHECK(store->stats().schema_version == geokg::current_schema_version());
  CHECK(mention_counts(path) == "kim:2 putin:1");
  CHECK(raw_sql(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'mentions_actor'") == "0");
  CHECK(raw_sql(path, "PRAGMA foreign_key_check") == "");
  CHECK(raw_sql(path, "PRAGMA integrity_check") == "ok");
}

// A record whose events use every column schema 7 stores differently:
// dates of each precision (a leap February among them), modalities, an end
// with a code of its own, an actor without a code, a one-ended event, two
// extractors.
DocumentRecord varied_record() {
  DocumentRecord record = summit_record();
  record.document.key = "varied";
  record.document.text = "Kim visited Russia. Putin hosted Kim. Rebels fired. Kim may go.";
  record.actors.push_back(actor("rebels", "Rebels", "", ""));
  record.events.push_back(event("rebels", "putin", "190", "2024-02", 2));
  record.events.back().source->code = "";
  record.events.back().negated = true;
  record.events.back().modality = geokg::Modality::Reported;
  record.events.back().location = geokg::Location{"Donetsk", "UKR"};
  record.events.push_back(event("kim", "putin", "036", "2023", 3));
  record.events.back().source->code = "PRKMIL";  // not Kim's own code
  record.events.back().modality = geokg::Modality::Hypothetical;
  record.events.back().confidence = 0.5;
  record.events.back().extractor = "other/2";
  record.events.push_back(event("kim", "putin", "010", "2023-09-13", 3));
  record.events.back().target.reset();
  record.events.back().date.reset();
  record.events.back().span = geokg::Span{52, 63};
  return record;
}

// Everything an analyst's SQL reads of the events, one line per event.
const std::string kEventColumnsSql =
    "SELECT group_concat(line, ' | ') FROM (SELECT printf('%s;%s;%s;%s;%s;%s;%s;%s;%s;%s;%s;%s;"
    "%s;%s;%s;%s;%s', event_id, document, date, date_precision, date_inferred, source, "
    "source_code, code, target, target_code, location, location_country, negated, modality, "
    "confidence, sentence, text) AS line FROM event_triples ORDER BY event_id)";

TEST_CASE("a version 6 store is compacted to version 7 and reads the same", "[core][store]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("v6.db");
  auto store = geokg::open_sqlite_store(path);
  store->write(std::vector<DocumentRecord>{varied_record()});
  const auto triples = raw_sql(path, kEventColumnsSql);
  const auto rows = events_where(*store, {});
  store.reset();

  // What schema 7 stores: codes for precision and modality, NULL for an
  // end with its actor's code, '' for an end without any, extractor rows.
  CHECK(
      triples ==
      "1;varied;2023-09-13;day;0;Kim Jong Un;PRKGOV;042;Vladimir Putin;RUSGOV;;;0;asserted;1.0;0;"
      " | 2;varied;2023-09;month;0;Vladimir Putin;RUSGOV;043;Kim Jong Un;PRKGOV;;;0;asserted;"
      "1.0;1; | 3;varied;2024-02;month;0;Rebels;;190;Vladimir Putin;RUSGOV;Donetsk;UKR;1;"
      "reported;1.0;2; | 4;varied;2023;year;0;Kim Jong Un;PRKMIL;036;Vladimir Putin;RUSGOV;;;0;"
      "hypothetical;0.5;3; | 5;varied;;;0;Kim Jong Un;PRKGOV;010;;;;;0;asserted;1.0;3;Kim may go.");
  CHECK(raw_sql(path,
                "SELECT group_concat(printf('%s,%s,%s,%s,%s,%s', date_from, "
                "date_precision_code, modality_code, ifnull(source_code, 'NULL'), "
                "ifnull(target_code, 'NULL'), extractor_id), ' ') FROM events") ==
        "20230913,3,0,NULL,NULL,1 20230901,2,0,NULL,NULL,1 20240201,2,1,,NULL,1 "
        "20230101,1,3,PRKMIL,NULL,2 ,,0,NULL,NULL,1");
  CHECK(raw_sql(path, "SELECT group_concat(date || '/' || date_to, ' ') FROM events") ==
        "2023-09-13/20230913 2023-09/20230930 2024-02/20240229 2023/20231231");
  CHECK(raw_sql(path, "SELECT group_concat(name, ' ') FROM extractors") == "test/1 other/2");

  REQUIRE(raw_sql(path, geokg::test::kDowngradeToVersion6).rfind("error", 0) != 0);
  REQUIRE(raw_sql(path, "PRAGMA user_version") == "6");
  REQUIRE(raw_sql(path, "SELECT group_concat(ifnull(source_code, 'NULL'), ' ') FROM events") ==
          "PRKGOV RUSGOV NULL PRKMIL PRKGOV");
  REQUIRE(raw_sql(path,
                  "SELECT group_concat(date_to || date_precision, ' ') FROM event_links "
                  "WHERE outgoing = 1") == "20230913day 20231231year 20230930month 20240229month");

  store = geokg::open_sqlite_store(path, geokg::OpenMode::MustExist);
  CHECK(store->stats().schema_version == geokg::current_schema_version());
  CHECK(raw_sql(path, kEventColumnsSql) == triples);
  const auto migrated = events_where(*store, {});
  REQUIRE(migrated.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO("event " << rows[i].id);
    CHECK(migrated[i].id == rows[i].id);
    CHECK(migrated[i].source_code == rows[i].source_code);
    CHECK(migrated[i].target_code == rows[i].target_code);
    CHECK(migrated[i].modality == rows[i].modality);
    CHECK(migrated[i].date.has_value() == rows[i].date.has_value());
    if (migrated[i].date && rows[i].date) CHECK(migrated[i].date->iso() == rows[i].date->iso());
  }
  CHECK(rows[2].source_code.empty());
  CHECK(rows[3].source_code == "PRKMIL");
  CHECK(rows[3].target_code == "RUSGOV");
  CHECK(raw_sql(path, "SELECT count(*) FROM events WHERE source_code = ''") == "1");
  CHECK(raw_sql(path, "PRAGMA foreign_key_check") == "");
  CHECK(raw_sql(path, "PRAGMA integrity_check") == "ok");

  // The migrated events keep their identity: reading the document again,
  // with one more event, adds only that one.
  auto again = varied_record();
  again.events.push_back(event("putin", "kim", "051", "2023-09-14", 1));
  const auto outcome = store->write(std::vector<DocumentRecord>{again});
  CHECK(outcome[0].status == WriteOutcome::Status::Extended);
  CHECK(outcome[0].events_added == 1);
  CHECK(store->stats().events == 6);
}

TEST_CASE("a new store has 16 KiB pages and an existing one keeps its own", "[core][store]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("p.db");
  geokg::open_sqlite_store(path);
  CHECK(raw_sql(path, "PRAGMA page_size") == "16384");
  const auto old_path = dir.file("old.db");
  raw_sql(old_path, "PRAGMA page_size = 4096; CREATE TABLE t(x); DROP TABLE t;");
  REQUIRE(raw_sql(old_path, "PRAGMA page_size") == "4096");
  // A file SQLite has already laid out keeps its pages, even with no tables.
  geokg::open_sqlite_store(old_path);
  CHECK(raw_sql(old_path, "PRAGMA page_size") == "4096");
  CHECK(raw_sql(old_path, "PRAGMA user_version") ==
        std::to_string(geokg::current_schema_version()));
}

TEST_CASE("a mention of an unknown actor rejects its document", "[core][store]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("m.db"));
  auto record = summit_record();
  record.mentions = {{"nobody", 0, {0, 3}}};
  const auto outcome = store->write(std::vector<DocumentRecord>{record});
  CHECK(outcome[0].status == WriteOutcome::Status::Rejected);
  CHECK_THAT(outcome[0].message, Catch::Contains("mention names actor \"nobody\""));
  CHECK(store->stats().documents == 0);
}

TEST_CASE("a version 1 store is migrated to the current schema keeping its data", "[core][store]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("v1.db");
  geokg::open_sqlite_store(path)->write(std::vector<DocumentRecord>{summit_record()});
  // Turn it back into what geokg 0.1 wrote: schema version 1.
  raw_sql(path, geokg::test::kDowngradeToVersion1);
  REQUIRE(raw_sql(path, "PRAGMA user_version") == "1");
  auto store = geokg::open_sqlite_store(path);
  CHECK(store->stats().schema_version == geokg::current_schema_version());
  CHECK(store->stats().events == 2);
  auto record = summit_record();
  record.mentions = {{"kim", 0, {0, 3}}};
  const auto outcome = store->write(std::vector<DocumentRecord>{record});
  CHECK(outcome[0].status == WriteOutcome::Status::Extended);
  CHECK(outcome[0].events_added == 0);
  CHECK(raw_sql(path, "SELECT count(*) FROM mentions") == "1");
}

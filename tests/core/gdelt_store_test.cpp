// GDELT's part of the store: the migration from schema version 1 and the
// event_gdelt rows (dedup by GLOBALEVENTID, updates, provenance).
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <functional>

#include "geokg/core.hpp"
#include "test_support.hpp"

using geokg::DocumentRecord;
using geokg::WriteOutcome;

namespace {

// Runs SQL on the raw file, outside the store; returns the first column of
// the last row, or "error: ..." when SQLite fails.
std::string raw_sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  std::string result;
  char* error = nullptr;
  sqlite3_exec(
      db, sql.c_str(),
      [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) = values[0] ? values[0] : "";
        return 0;
      },
      &result, &error);
  if (error) {
    result = std::string("error: ") + error;
    sqlite3_free(error);
  }
  sqlite3_close(db);
  return result;
}

// A store as geokg 0.1.0 (schema version 1) left it, with one document, two
// actors and one event.
std::string make_v1_store(const geokg::test::TempDir& dir) {
  const auto path = dir.file("v1.db");
  const auto ddl =
      geokg::test::read_file(std::string(GEOKG_SOURCE_DIR) + "/tests/core/data/schema-v1.sql");
  REQUIRE(ddl.find("CREATE TABLE events(") != std::string::npos);
  const auto result = raw_sql(
      path, "PRAGMA journal_mode = WAL; BEGIN;" + ddl +
                "INSERT INTO meta VALUES ('cameo_codebook', 'old');"
                "INSERT INTO cameo_event_codes VALUES ('042', '04', 1, 1.9, 'Make a visit');"
                "INSERT INTO documents(id, key, content_hash, origin) "
                "VALUES (1, 'summit', 'h1', 'triples');"
                "INSERT INTO actors(id, key, name, code, country, type) VALUES "
                "(1, 'vladimir-putin', 'Vladimir Putin', 'RUSGOV', 'RUS', 'person'), "
                "(2, 'kim-jong-un', 'Kim Jong Un', 'PRKGOV', 'PRK', 'person');"
                "INSERT INTO events(id, document_id, fingerprint, code, date, date_precision, "
                "date_from, date_to, extractor) "
                "VALUES (1, 1, 7, '042', '2023-09-13', 'day', 20230913, 20230913, 'test/1');"
                "INSERT INTO event_participants VALUES (1, 'source', 2, 'PRKGOV'), "
                "(1, 'target', 1, 'RUSGOV');"
                "PRAGMA application_id = 1196115761; PRAGMA user_version = 1; COMMIT;"
                "SELECT count(*) FROM events");
  REQUIRE(result == "1");
  return path;
}

geokg::Actor actor(const std::string& name, const std::string& code) {
  geokg::Actor a;
  a.key = geokg::make_key(name);
  a.name = name;
  a.code = code;
  return a;
}

// One GDELT row as the reader makes it: Putin (RUSGOV) visits Kim (PRKGOV).
geokg::Event gdelt_event(std::int64_t id, std::int64_t mentions) {
  geokg::Event e;
  e.source = geokg::Participant{"vladimir-putin", "RUSGOV"};
  e.target = geokg::Participant{"kim-jong-un", "PRKGOV"};
  e.code = "042";
  e.date = geokg::EventDate::parse("2023-09-13");
  e.location = geokg::Location{"Vostochny, Amur, Russia", "RS"};
  e.extractor = "gdelt-2.0";
  geokg::GdeltFields g;
  g.global_event_id = id;
  g.base_code = "042";
  g.root_code = "04";
  g.quad_class = 1;
  g.goldstein = 1.9;
  g.num_mentions = mentions;
  g.num_sources = 1;
  g.num_articles = mentions;
  g.avg_tone = -2.5;
  g.date_added = 20230913120000;
  g.actor1 = {"RUS", "GOV", "", ""};
  g.actor2 = {"PRK", "GOV", "", ""};
  g.latitude = 51.88;
  g.longitude = 128.33;
  g.file = "20230913120000.export.CSV";
  g.line = id - 99;
  e.gdelt = std::make_shared<const geokg::GdeltFields>(g);
  return e;
}

// `event` with its GDELT fields changed by `change`.
geokg::Event changed(geokg::Event event, const std::function<void(geokg::GdeltFields&)>& change) {
  auto fields = *event.gdelt;
  change(fields);
  event.gdelt = std::make_shared<const geokg::GdeltFields>(fields);
  return event;
}

DocumentRecord gdelt_record(std::vector<geokg::Event> events) {
  DocumentRecord record;
  record.document.key = "http://example.com/summit";
  record.document.url = record.document.key;
  record.document.origin = "gdelt";
  record.actors = {actor("Vladimir Putin", "RUSGOV"), actor("Kim Jong Un", "PRKGOV")};
  record.events = std::move(events);
  return record;
}

}  // namespace

TEST_CASE("a version 1 store is migrated to the current version with its data",
          "[core][store][gdelt]") {
  geokg::test::TempDir dir;
  const auto path = make_v1_store(dir);
  {
    auto store = geokg::open_sqlite_store(path, geokg::OpenMode::MustExist);
    const auto stats = store->stats();
    CHECK(stats.schema_version == geokg::current_schema_version());
    CHECK(stats.events == 1);
    CHECK(stats.actors == 2);
    // The migrated store takes GDELT events on the actors it already had.
    const auto outcomes =
        store->write(std::vector<DocumentRecord>{gdelt_record({gdelt_event(100, 3)})});
    REQUIRE(outcomes[0].status == WriteOutcome::Status::Added);
    CHECK(outcomes[0].actors_added == 0);
    CHECK(store->stats().events == 2);
  }
  CHECK(raw_sql(path, "PRAGMA user_version") == std::to_string(geokg::current_schema_version()));
  // Version 4 links the old event (filled by the migration) and the GDELT
  // event (written with it), two rows each.
  CHECK(raw_sql(path, "SELECT count(*) FROM event_links") == "4");
  CHECK(raw_sql(path, "SELECT count(*) FROM mentions") == "0");  // version 2's table
  CHECK(raw_sql(path, "SELECT name FROM actors WHERE id = 1") == "Vladimir Putin");
  CHECK(raw_sql(path, "SELECT count(*) FROM event_gdelt") == "1");
  CHECK(raw_sql(path, "PRAGMA foreign_key_check") == "");
  CHECK(raw_sql(path, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("a failing migration leaves the version 1 store untouched", "[core][store][gdelt]") {
  geokg::test::TempDir dir;
  const auto path = make_v1_store(dir);
  // A view in the way makes the GDELT step (version 3) fail after the
  // mentions step (version 2) ran: both are rolled back.
  REQUIRE(raw_sql(path, "CREATE VIEW gdelt_events AS SELECT 1; SELECT 'ok'") == "ok");
  CHECK_THROWS_AS(geokg::open_sqlite_store(path), geokg::StoreError);
  CHECK(raw_sql(path, "PRAGMA user_version") == "1");
  CHECK(raw_sql(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'event_gdelt'") == "0");
  CHECK(raw_sql(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'mentions'") == "0");
  CHECK(raw_sql(path, "SELECT count(*) FROM events") == "1");
}

TEST_CASE("a GLOBALEVENTID is stored once and a repeat with more mentions updates it",
          "[core][store][gdelt]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("g.db");
  auto store = geokg::open_sqlite_store(path);
  // Two rows that agree on everything but their id are two events.
  auto first = store->write(
      std::vector<DocumentRecord>{gdelt_record({gdelt_event(100, 3), gdelt_event(101, 3)})});
  REQUIRE(first[0].status == WriteOutcome::Status::Added);
  CHECK(first[0].events_added == 2);
  CHECK(first[0].actors_added == 2);

  // The same rows again change nothing.
  auto again = store->write(
      std::vector<DocumentRecord>{gdelt_record({gdelt_event(100, 3), gdelt_event(101, 3)})});
  CHECK(again[0].status == WriteOutcome::Status::Unchanged);
  CHECK(again[0].events_added == 0);
  CHECK(again[0].events_updated == 0);

  // A later file sees event 100 with more mentions, event 101 with fewer,
  // and event 100 under another document: counts move, rows do not.
  auto later = gdelt_event(100, 9);
  later = changed(later, [](geokg::GdeltFields& g) {
    g.num_sources = 4;
    g.avg_tone = 1.25;
    g.file = "20230914000000.export.CSV";
    g.line = 7;
  });
  auto fewer = gdelt_event(101, 1);
  auto moved = gdelt_record({later, fewer});
  moved.document.key = "http://example.com/other";
  const auto updated = store->write(std::vector<DocumentRecord>{moved});
  CHECK(updated[0].status == WriteOutcome::Status::Unchanged);
  CHECK(updated[0].events_added == 0);
  CHECK(updated[0].events_updated == 1);
  CHECK(store->stats().events == 2);
  CHECK(store->stats().documents == 1);  // no empty document for the repeats
  store.reset();

  CHECK(raw_sql(path,
                "SELECT num_mentions || ',' || num_sources || ',' || avg_tone || ',' || "
                "file || ':' || line FROM gdelt_events WHERE global_event_id = 100") ==
        "9,4,1.25,20230914000000.export.CSV:7");
  CHECK(raw_sql(path,
                "SELECT num_mentions || ',' || file || ':' || line FROM gdelt_events "
                "WHERE global_event_id = 101") == "3,20230913120000.export.CSV:2");
  CHECK(raw_sql(path, "SELECT count(*) FROM gdelt_files") == "2");
  CHECK(raw_sql(path,
                "SELECT actor1_code || ' ' || actor1_name || ' ' || event_code || ' ' || "
                "base_code || ' ' || root_code || ' ' || action_geo_country || ' ' || "
                "action_geo_lat || ' ' || date_added || ' ' || extractor "
                "FROM gdelt_events WHERE global_event_id = 100") ==
        "RUSGOV Vladimir Putin 042 042 04 RS 51.88 20230913120000 gdelt-2.0");
  CHECK(raw_sql(path, "PRAGMA foreign_key_check") == "");
}

TEST_CASE("a GDELT event with one actor keeps one participant", "[core][store][gdelt]") {
  auto store = geokg::open_sqlite_store(":memory:");
  auto event = gdelt_event(200, 1);
  event.target.reset();
  event = changed(event, [](geokg::GdeltFields& g) { g.actor2 = {}; });
  auto record = gdelt_record({event});
  record.actors.pop_back();
  const auto outcomes = store->write(std::vector<DocumentRecord>{record});
  REQUIRE(outcomes[0].status == WriteOutcome::Status::Added);
  std::vector<geokg::EventRow> rows;
  store->for_each_event({}, [&](const geokg::EventRow& row) { rows.push_back(row); });
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].source_actor != 0);
  CHECK(rows[0].target_actor == 0);
  CHECK(rows[0].source_code == "RUSGOV");
}

TEST_CASE("many GDELT rows and a failing document in one batch", "[core][store][gdelt]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("many.db");
  auto store = geokg::open_sqlite_store(path);
  auto many = [](std::int64_t first, std::int64_t count, const std::string& key) {
    std::vector<geokg::Event> events;
    for (auto id = first; id < first + count; ++id) events.push_back(gdelt_event(id, 1));
    auto record = gdelt_record(std::move(events));
    record.document.key = key;
    return record;
  };
  // The GDELT rows are held back and written 32 at a time; a failing record
  // between them sends the batch through one savepoint per record.
  auto bad = many(500, 3, "bad");
  bad.events[1].confidence = 5.0;  // passes the checks, fails the CHECK constraint
  const auto outcomes =
      store->write(std::vector<DocumentRecord>{many(100, 70, "a"), bad, many(200, 45, "b")});
  REQUIRE(outcomes.size() == 3);
  CHECK(outcomes[0].events_added == 70);
  CHECK(outcomes[1].status == WriteOutcome::Status::Rejected);
  CHECK(outcomes[2].events_added == 45);
  // Repeats inside one transaction are found even while held back.
  // 150..209 are new from 170 to 199; "d" repeats 170..174 of those.
  const auto again =
      store->write(std::vector<DocumentRecord>{many(150, 60, "c"), many(170, 5, "d")});
  CHECK(again[0].events_added == 30);
  CHECK(again[1].events_added == 0);
  store.reset();
  CHECK(raw_sql(path, "SELECT count(*) FROM event_gdelt") == "145");
  CHECK(raw_sql(path, "SELECT count(*) FROM event_gdelt WHERE global_event_id >= 500") == "0");
  CHECK(raw_sql(path,
                "SELECT count(*) FROM events e LEFT JOIN event_gdelt g ON g.event_id = e.id "
                "WHERE g.event_id IS NULL") == "0");
  CHECK(raw_sql(path, "PRAGMA foreign_key_check") == "");
  CHECK(raw_sql(path, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("a version 4 store moves event ends into events, keeping GDELT rows and links",
          "[core][store][gdelt]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("v4.db");
  {
    auto store = geokg::open_sqlite_store(path);
    // A two-ended GDELT event and a one-ended one (Actor2 empty).
    auto one_ended = gdelt_event(101, 2);
    one_ended.target.reset();
    store->write(std::vector<DocumentRecord>{gdelt_record({gdelt_event(100, 3), one_ended})});
  }
  const std::string ends =
      "SELECT group_concat(event_id || ':' || role || ':' || actor_id || ':' || code, ' ') "
      "FROM (SELECT * FROM event_participants ORDER BY event_id, role)";
  const auto ends_before = raw_sql(path, ends);
  REQUIRE(ends_before == "1:source:1:RUSGOV 1:target:2:PRKGOV 2:source:1:RUSGOV");
  const auto view_before =
      raw_sql(path,
              "SELECT group_concat(actor1_name || '>' || ifnull(actor2_name, '-')) "
              "FROM gdelt_events");
  REQUIRE(raw_sql(path, geokg::test::kDowngradeToVersion4).rfind("error", 0) != 0);
  REQUIRE(raw_sql(path, "PRAGMA user_version") == "4");
  REQUIRE(raw_sql(path, "SELECT count(*) FROM event_participants") == "3");

  auto store = geokg::open_sqlite_store(path, geokg::OpenMode::MustExist);
  CHECK(store->stats().schema_version == geokg::current_schema_version());
  CHECK(raw_sql(path, "SELECT type FROM sqlite_schema WHERE name = 'event_participants'") ==
        "view");
  CHECK(raw_sql(path, ends) == ends_before);
  // Dropping the old events table did not cascade into GDELT's rows.
  CHECK(raw_sql(path, "SELECT count(*) FROM event_gdelt") == "2");
  CHECK(raw_sql(path,
                "SELECT group_concat(actor1_name || '>' || ifnull(actor2_name, '-')) "
                "FROM gdelt_events") == view_before);
  // The one-ended event is now in event_links too, facing actor 0.
  CHECK(raw_sql(path,
                "SELECT group_concat(actor_id || '-' || other_id || '-' || event_id || "
                "'-' || outgoing, ' ') FROM event_links") == "1-0-2-1 1-2-1-1 2-1-1-0");
  CHECK(raw_sql(path, "PRAGMA foreign_key_check") == "");
  CHECK(raw_sql(path, "PRAGMA integrity_check") == "ok");

  // Foreign keys are deferred to the commit, and still enforced there.
  CHECK(raw_sql(path,
                "PRAGMA foreign_keys = ON; BEGIN; INSERT INTO events(document_id, "
                "code, source_id, extractor_id) VALUES (1, '042', 999, 1); COMMIT;")
            .find("FOREIGN KEY constraint failed") != std::string::npos);
  CHECK(raw_sql(path, "SELECT count(*) FROM events") == "2");

  // Deleting a document by hand, as an analyst might, takes its links along.
  CHECK(raw_sql(path,
                "PRAGMA foreign_keys = ON; DELETE FROM documents; "
                "SELECT count(*) FROM event_links") == "0");
  CHECK(raw_sql(path, "SELECT count(*) FROM event_gdelt") == "0");
}

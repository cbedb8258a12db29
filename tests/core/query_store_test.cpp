// The store's analyst queries and the event_links table behind them.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "geokg/core.hpp"
#include "test_support.hpp"

namespace {

geokg::Actor actor(const std::string& key, const std::string& code) {
  geokg::Actor a;
  a.key = key;
  a.name = key;
  a.code = code;
  a.country = code.substr(0, 3);
  return a;
}

geokg::Event event(const std::string& source, const std::string& target, const std::string& code,
                   const std::string& date) {
  geokg::Event e;
  if (!source.empty()) e.source = geokg::Participant{source, ""};
  if (!target.empty()) e.target = geokg::Participant{target, ""};
  e.code = code;
  e.date = geokg::EventDate::parse(date);
  e.text = source + " " + code + " " + target;
  e.extractor = "test/1";
  return e;
}

geokg::DocumentRecord record(const std::string& key, std::vector<geokg::Event> events) {
  geokg::DocumentRecord r;
  r.document.key = key;
  r.document.origin = "test";
  r.actors = {actor("kim", "PRKGOV"), actor("putin", "RUSGOV"), actor("xi", "CHNGOV")};
  r.events = std::move(events);
  return r;
}

// All rows of a query, one string per row, columns joined by '|'.
std::vector<std::string> rows(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  std::vector<std::string> result;
  char* error = nullptr;
  sqlite3_exec(
      db, sql.c_str(),
      [](void* out, int n, char** values, char**) {
        std::string row;
        for (int i = 0; i < n; ++i) row += (i ? "|" : "") + std::string(values[i] ? values[i] : "");
        static_cast<std::vector<std::string>*>(out)->push_back(row);
        return 0;
      },
      &result, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  INFO(sql);
  REQUIRE(message.empty());
  return result;
}

// event_links as the join of event_participants it stands for.
const std::string kLinks =
    "SELECT a.key, o.key, l.event_id, l.outgoing, l.code, l.date_from, "
    "l.date_precision_code FROM event_links l JOIN actors a ON a.id = l.actor_id "
    "JOIN actors o ON o.id = l.other_id ORDER BY 1, 2, 3, 4";
const std::string kExpectedLinks =
    "SELECT a.key, o.key, p.event_id, p.role = 'source', e.code, e.date_from, "
    "e.date_precision_code FROM event_participants p JOIN event_participants q ON q.event_id = "
    "p.event_id AND q.role <> p.role JOIN events e ON e.id = p.event_id JOIN actors a ON a.id = "
    "p.actor_id JOIN actors o ON o.id = q.actor_id ORDER BY 1, 2, 3, 4";

}  // namespace

TEST_CASE("event_links holds every two-ended event from both ends", "[core][query]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("links.db");
  auto store = geokg::open_sqlite_store(path);
  store->write(std::vector{record(
      "d1", {event("kim", "putin", "042", "2023-09-13"), event("putin", "kim", "043", "2023-09"),
             event("xi", "", "010", "2023"), event("kim", "kim", "010", "2023-08")})});
  const auto links = rows(path, kLinks);
  CHECK(links == std::vector<std::string>{
                     "kim|kim|4|0|010|20230801|2",
                     "kim|kim|4|1|010|20230801|2",
                     "kim|putin|1|1|042|20230913|3",
                     "kim|putin|2|0|043|20230901|2",
                     "putin|kim|1|0|042|20230913|3",
                     "putin|kim|2|1|043|20230901|2",
                 });
  CHECK(links == rows(path, kExpectedLinks));
}

TEST_CASE("event_links follows rejected documents and deletions", "[core][query]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("links.db");
  auto store = geokg::open_sqlite_store(path);
  // The second document breaks a CHECK constraint: the batch is written
  // again one document at a time, and the bad one leaves nothing behind.
  auto bad = record("d2", {event("xi", "putin", "042", "2023-10-18")});
  bad.events[0].confidence = 5.0;
  const auto outcomes =
      store->write(std::vector{record("d1", {event("kim", "putin", "042", "2023-09-13")}), bad,
                               record("d3", {event("putin", "xi", "043", "2023-10-17")})});
  REQUIRE(outcomes.size() == 3);
  CHECK(outcomes[1].status == geokg::WriteOutcome::Status::Rejected);
  CHECK(rows(path, "SELECT count(*) FROM event_links") == std::vector<std::string>{"4"});
  CHECK(rows(path, kLinks) == rows(path, kExpectedLinks));
  // Deleting a document cascades to its participants, and so to its links.
  rows(path, "PRAGMA foreign_keys = ON; DELETE FROM documents WHERE key = 'd1'");
  CHECK(rows(path, kLinks) ==
        std::vector<std::string>{"putin|xi|2|1|043|20231017|3", "xi|putin|2|0|043|20231017|3"});
}

TEST_CASE("migrating a version 1 store fills event_links", "[core][query]") {
  geokg::test::TempDir dir;
  const auto path = dir.file("old.db");
  {
    auto store = geokg::open_sqlite_store(path);
    store->write(std::vector{record("d1", {event("kim", "putin", "042", "2023-09-13"),
                                           event("xi", "putin", "043", "2023-10-18")})});
  }
  const auto expected = rows(path, kLinks);
  REQUIRE(expected.size() == 4);
  // What version 1 had: no name index, no event_links (nor mentions, GDELT).
  rows(path, geokg::test::kDowngradeToVersion1);
  auto store = geokg::open_sqlite_store(path);
  CHECK(rows(path, "PRAGMA user_version") ==
        std::vector<std::string>{std::to_string(geokg::current_schema_version())});
  CHECK(rows(path, kLinks) == expected);
}

TEST_CASE("links and pairs stream from event_links with filters", "[core][query]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("q.db"));
  store->write(std::vector{record(
      "d1", {event("kim", "putin", "042", "2023-09-13"), event("putin", "kim", "190", "2023-09"),
             event("xi", "putin", "043", "2023-10-18"), event("xi", "", "010", "2023")})});
  const auto putin = store->find_actor("putin")->id;
  std::vector<std::string> seen;
  geokg::EventFilter filter;
  store->for_each_link(std::vector<std::int64_t>{putin}, filter, geokg::LinkOther::Described,
                       [&](const geokg::EventLink& link) {
                         seen.push_back(std::to_string(link.event_id) +
                                        (link.outgoing ? ">" : "<") + link.other_key +
                                        link.other_country + link.event->code + link.date->iso());
                       });
  CHECK(seen == std::vector<std::string>{"1<kimPRK0422023-09-13", "2>kimPRK1902023-09",
                                         "3<xiCHN0432023-10-18"});
  filter.quads = {geokg::QuadClass::MaterialConflict};
  filter.text = "190";  // needs the events row
  seen.clear();
  store->for_each_link(std::vector<std::int64_t>{putin}, filter, geokg::LinkOther::Id,
                       [&](const geokg::EventLink& link) {
                         seen.push_back(std::to_string(link.event_id) + ":" +
                                        std::to_string(link.other) + link.other_key +
                                        link.other_country);
                       });
  // Ids only: the other's key and country are not looked up.
  CHECK(seen == std::vector<std::string>{"2:" + std::to_string(store->find_actor("kim")->id)});

  std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
  filter = {};
  filter.since = geokg::EventDate::parse("2023-10");
  store->for_each_pair(filter, [&](std::int64_t s, std::int64_t t) { pairs.emplace_back(s, t); });
  CHECK(pairs ==
        std::vector<std::pair<std::int64_t, std::int64_t>>{{store->find_actor("xi")->id, putin}});
  CHECK(store->count_events({}) == 4);
  CHECK(store->find_actors_coded("rusgov").front().actor.key == "putin");
  CHECK(store->actors_by_id(std::vector<std::int64_t>{putin, 999}).size() == 1);
  geokg::ActorSet set;
  set.countries = {"PRK", "CHN"};
  set.keys = {"kim"};
  CHECK(store->actor_ids(set).size() == 2);
  set.keys = {"nobody"};
  CHECK_THROWS_AS(store->actor_ids(set), geokg::StoreError);
}

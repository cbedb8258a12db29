#include <catch2/catch.hpp>

#include "query_fixture.hpp"

namespace {

using geokg::NodeLevel;
using geokg::QueryResult;
using geokg::Table;
using geokg::Value;
using geokg::test::QueryStore;

const Table& part(const QueryResult& result, const std::string& name) {
  for (const auto& table : result.tables) {
    if (table.name == name) return table;
  }
  FAIL("no part " << name);
  throw std::logic_error("unreachable");
}

const Value& cell(const Table& table, std::size_t row, const std::string& column) {
  REQUIRE(row < table.rows.size());
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].name == column) return table.rows[row][i];
  }
  FAIL("no column " << column);
  throw std::logic_error("unreachable");
}

const Value& about(const QueryResult& result, const std::string& name) {
  for (const auto& [key, value] : result.about) {
    if (key == name) return value;
  }
  FAIL("no summary field " << name);
  throw std::logic_error("unreachable");
}

std::string text(const Value& value) {
  return std::holds_alternative<std::string>(value) ? std::get<std::string>(value) : "<not text>";
}
std::int64_t number(const Value& value) {
  return std::holds_alternative<std::int64_t>(value) ? std::get<std::int64_t>(value) : -999;
}
double real(const Value& value) {
  return std::holds_alternative<double>(value) ? std::get<double>(value) : -999.0;
}

std::vector<std::string> column(const Table& table, const std::string& name) {
  std::vector<std::string> values;
  for (std::size_t row = 0; row < table.rows.size(); ++row) {
    const auto& value = cell(table, row, name);
    values.push_back(std::holds_alternative<std::int64_t>(value)
                         ? std::to_string(std::get<std::int64_t>(value))
                     : std::holds_alternative<std::monostate>(value) ? "null"
                                                                     : text(value));
  }
  return values;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("actors counts the mentions of an actor in articles", "[query][actors]") {
  QueryStore q;
  geokg::IngestOptions options;
  options.default_date = geokg::EventDate::parse("2023-09-14");
  const auto article = q.dir.write(
      "visit.txt", "Visit\n\nVladimir Putin met Kim Jong Un. Putin said the talks went well.\n");
  REQUIRE(geokg::ingest(*q.store, {article}, options).clean());
  const auto result = geokg::query_actors(*q.store, "putin", NodeLevel::Actor, 20);
  const auto& actors = part(result, "actors");
  REQUIRE(actors.rows.size() == 1);
  CHECK(number(cell(actors, 0, "events")) == 8);   // the article adds "Putin met Kim"
  CHECK(number(cell(actors, 0, "mentions")) == 2);  // "Vladimir Putin", "Putin"
}

TEST_CASE("actors searches names aliases keys and codes with counts", "[query][actors]") {
  QueryStore q;
  auto result = geokg::query_actors(*q.store, "putin", NodeLevel::Actor, 20);
  const auto& actors = part(result, "actors");
  REQUIRE(actors.rows.size() == 1);
  CHECK(text(cell(actors, 0, "key")) == "vladimir-putin");
  CHECK(number(cell(actors, 0, "events")) == 7);
  CHECK(number(cell(actors, 0, "mentions")) == 0);  // triples carry no text to mention him in
  CHECK(std::get<std::vector<std::string>>(cell(actors, 0, "aliases")) ==
        Strings{"President Putin"});
  CHECK(text(cell(actors, 0, "match")) == "word");

  // Exact code matches first, then the most events, then key.
  result = geokg::query_actors(*q.store, "RUS", NodeLevel::Actor, 20);
  CHECK(column(part(result, "actors"), "key") ==
        Strings{"russia", "vladimir-putin", "sergei-shoigu", "sergey-lavrov"});
  CHECK(column(part(result, "actors"), "match") == Strings{"exact", "word", "word", "word"});

  // Every actor, busiest first; the limit cuts and says so.
  result = geokg::query_actors(*q.store, "", NodeLevel::Actor, 3);
  CHECK(column(part(result, "actors"), "key") ==
        Strings{"vladimir-putin", "kim-jong-un", "north-korea"});
  CHECK(part(result, "actors").total == 14);
}

TEST_CASE("actors at the country level counts each country's actors and events",
          "[query][actors]") {
  QueryStore q;
  auto result = geokg::query_actors(*q.store, "", NodeLevel::Country, 0);
  const auto& actors = part(result, "actors");
  CHECK(column(actors, "key") == Strings{"RUS", "PRK", "CHN", "IRN", "UKR", "JPN", "KOR", "nato"});
  // RUS: Putin (7), Shoigu (2), Russia (3), Lavrov (1): 13 events, none shared.
  CHECK(column(actors, "events") == Strings{"13", "9", "2", "2", "2", "1", "1", "1"});
  CHECK(column(actors, "actors") == Strings{"4", "3", "2", "1", "1", "1", "1", "1"});
  result = geokg::query_actors(*q.store, "korea", NodeLevel::Country, 0);
  CHECK(column(part(result, "actors"), "key") == Strings{"PRK", "KOR"});
}

TEST_CASE("events filters by actor role code quad date document and text", "[query][events]") {
  QueryStore q;
  auto events = [&](geokg::EventFilter filter, std::size_t limit = 0) {
    return column(part(geokg::query_events(*q.store, filter, limit), "events"), "event_id");
  };
  geokg::EventFilter filter;
  geokg::add_node(filter.participants, q.node("Putin"));
  CHECK(events(filter) == Strings{"1", "2", "3", "4", "10", "11", "17"});
  filter.codes = {"04"};
  CHECK(events(filter) == Strings{"1", "2", "3", "10", "11"});

  filter = {};
  geokg::add_node(filter.sources, q.node("RUSGOV", NodeLevel::Country));
  CHECK(events(filter) == Strings{"9", "13", "5", "2", "3", "10", "17"});
  filter = {};
  geokg::add_node(filter.targets, q.node("Russia"));
  CHECK(events(filter) == Strings{"8", "7"});
  filter = {};
  filter.quads = {geokg::QuadClass::MaterialConflict};
  CHECK(events(filter) == Strings{"9"});
  filter = {};
  filter.since = geokg::EventDate::parse("2023-10");
  filter.until = geokg::EventDate::parse("2023-10");
  CHECK(events(filter) == Strings{"7", "10", "11"});
  filter = {};
  filter.documents = {"summit", "tokyo"};
  CHECK(events(filter) == Strings{"16", "1", "2", "3", "4"});
  filter = {};
  filter.text = "PYONGYANG";
  CHECK(events(filter) == Strings{"5"});
  filter.text = "100%_";  // LIKE characters match only themselves
  CHECK(events(filter).empty());

  // The rows: date, ends, label and sentence; a limit reports the total.
  filter = {};
  geokg::add_node(filter.participants, q.node("Putin"));
  const auto result = geokg::query_events(*q.store, filter, 2);
  const auto& table = part(result, "events");
  CHECK(table.total == 7);
  CHECK(number(about(result, "events")) == 7);
  CHECK(text(cell(table, 1, "date")) == "2023-09-13");
  CHECK(text(cell(table, 1, "source")) == "Vladimir Putin");
  CHECK(text(cell(table, 1, "source_code")) == "RUSGOV");
  CHECK(text(cell(table, 1, "code")) == "043");
  CHECK(text(cell(table, 1, "label")) == "Host a visit");
  CHECK(number(cell(table, 1, "quad")) == 1);
  CHECK(real(cell(table, 1, "goldstein")) == Approx(2.8));
  CHECK(text(cell(table, 1, "target_key")) == "kim-jong-un");
  CHECK(text(cell(table, 1, "document")) == "summit");
  CHECK(text(cell(table, 1, "text")) == "Putin welcomed Kim.");
}

TEST_CASE("relations lists both directions with a summary by month", "[query][relations]") {
  QueryStore q;
  auto result = geokg::query_relations(*q.store, q.node("Kim Jong Un"), q.node("Putin"), {}, 0);
  CHECK(column(part(result, "events"), "event_id") == Strings{"1", "2", "3", "4"});
  CHECK(number(about(result, "a_to_b")) == 2);
  CHECK(number(about(result, "b_to_a")) == 2);
  CHECK(real(about(result, "mean_goldstein")) == Approx(4.225));  // (1.9 + 2.8 + 7 + 5.2) / 4

  // Russia and North Korea: one event between the two country actors, seven
  // between their countries.
  result = geokg::query_relations(*q.store, q.node("Russia"), q.node("North Korea"), {}, 0);
  CHECK(column(part(result, "events"), "event_id") == Strings{"7"});
  result = geokg::query_relations(*q.store, q.node("Russia", NodeLevel::Country),
                                  q.node("North Korea", NodeLevel::Country), {}, 0);
  CHECK(text(about(result, "a")) == "RUS");
  CHECK(text(about(result, "b_name")) == "North Korea");
  CHECK(column(part(result, "events"), "event_id") == Strings{"5", "6", "1", "2", "3", "4", "7"});
  CHECK(number(about(result, "events")) == 7);
  CHECK(number(about(result, "a_to_b")) == 3);
  CHECK(number(about(result, "b_to_a")) == 4);
  CHECK(number(about(result, "cooperation")) == 7);
  CHECK(number(about(result, "conflict")) == 0);
  CHECK(text(about(result, "first_date")) == "2023-07-26");
  CHECK(text(about(result, "last_date")) == "2023-10");
  const auto& months = part(result, "months");
  CHECK(column(months, "month") == Strings{"2023-07", "2023-09", "2023-10"});
  CHECK(column(months, "events") == Strings{"2", "4", "1"});
  CHECK(column(months, "a_to_b") == Strings{"1", "2", "0"});
  CHECK(column(months, "b_to_a") == Strings{"1", "2", "1"});
  CHECK(real(cell(months, 0, "mean_goldstein")) == Approx(2.35));
  CHECK(real(cell(months, 1, "mean_goldstein")) == Approx(4.225));
  CHECK(column(months, "verbal_cooperation") == Strings{"2", "4", "0"});
  CHECK(column(months, "material_cooperation") == Strings{"0", "0", "1"});
  CHECK(column(months, "first_day") == Strings{"2023-07-01", "2023-09-01", "2023-10-01"});

  // Filters apply; a limit cuts the events but not the summary.
  geokg::EventFilter filter;
  filter.codes = {"04"};
  result = geokg::query_relations(*q.store, q.node("RUS", NodeLevel::Country),
                                  q.node("PRK", NodeLevel::Country), filter, 2);
  CHECK(column(part(result, "events"), "event_id") == Strings{"5", "6"});
  CHECK(part(result, "events").total == 5);
  CHECK(number(about(result, "events")) == 5);
  CHECK_THROWS_AS(
      geokg::query_relations(*q.store, q.node("Putin"), q.node("vladimir-putin"), {}, 0),
      geokg::QueryError);
}

TEST_CASE("neighbors lists the ego network layer by layer", "[query][neighbors]") {
  QueryStore q;
  auto result = geokg::query_neighbors(*q.store, q.node("Kim Jong Un"), 1, {}, NodeLevel::Actor, 0);
  const auto* table = &part(result, "neighbors");
  CHECK(column(*table, "key") == Strings{"vladimir-putin", "kim-yo-jong", "sergei-shoigu"});
  CHECK(column(*table, "events") == Strings{"4", "1", "1"});
  CHECK(column(*table, "outgoing") == Strings{"2", "0", "1"});
  CHECK(column(*table, "incoming") == Strings{"2", "1", "0"});
  CHECK(column(*table, "via") == Strings{"kim-jong-un", "kim-jong-un", "kim-jong-un"});
  CHECK(text(cell(*table, 0, "name")) == "Vladimir Putin");
  CHECK(real(cell(*table, 0, "mean_goldstein")) == Approx(4.225));
  CHECK(text(cell(*table, 2, "first_date")) == "2023-07-26");

  // Depth 2: North Korea is as close through Kim Yo Jong as through Shoigu;
  // the smaller key wins.
  result = geokg::query_neighbors(*q.store, q.node("Kim Jong Un"), 2, {}, NodeLevel::Actor, 0);
  table = &part(result, "neighbors");
  CHECK(column(*table, "key") == Strings{"vladimir-putin", "kim-yo-jong", "sergei-shoigu", "china",
                                         "north-korea", "xi-jinping"});
  CHECK(column(*table, "depth") == Strings{"1", "1", "1", "2", "2", "2"});
  CHECK(column(*table, "via") == Strings{"kim-jong-un", "kim-jong-un", "kim-jong-un",
                                         "vladimir-putin", "kim-yo-jong", "vladimir-putin"});
  CHECK(number(about(result, "nodes")) == 6);

  // Country level: RUS's partners; the limit keeps the busiest.
  result = geokg::query_neighbors(*q.store, q.node("Putin", NodeLevel::Country), 1, {},
                                  NodeLevel::Country, 2);
  table = &part(result, "neighbors");
  CHECK(column(*table, "key") == Strings{"PRK", "CHN"});
  CHECK(column(*table, "events") == Strings{"7", "2"});
  CHECK(table->total == 4);  // PRK, CHN, IRN, UKR
}

TEST_CASE("path finds every shortest path with the events of each step", "[query][path]") {
  QueryStore q;
  auto result = geokg::query_path(*q.store, q.node("Iran"), q.node("Kim Jong Un"), {},
                                  NodeLevel::Actor, 6, 10, 3);
  CHECK(number(about(result, "steps")) == 4);
  CHECK(number(about(result, "paths")) == 2);
  const auto& paths = part(result, "paths");
  CHECK(std::get<Strings>(cell(paths, 0, "keys")) ==
        Strings{"iran", "russia", "north-korea", "kim-yo-jong", "kim-jong-un"});
  CHECK(std::get<Strings>(cell(paths, 1, "keys")) ==
        Strings{"iran", "russia", "north-korea", "sergei-shoigu", "kim-jong-un"});
  CHECK(std::get<Strings>(cell(paths, 0, "route")) ==
        Strings{"Iran", "Russia", "North Korea", "Kim Yo Jong", "Kim Jong Un"});
  const auto& steps = part(result, "steps");
  REQUIRE(steps.rows.size() == 8);
  CHECK(column(steps, "from_key")[1] == "russia");
  CHECK(column(steps, "to_key")[1] == "north-korea");
  CHECK(column(steps, "forward")[1] == "0");  // North Korea -> Russia
  CHECK(column(steps, "backward")[1] == "1");
  const auto& events = part(result, "events");
  CHECK(column(events, "event_id") == Strings{"8", "7", "14", "15", "8", "7", "5", "6"});
  CHECK(column(events, "step") == Strings{"1", "2", "3", "4", "1", "2", "3", "4"});

  // Country level: IRN - RUS - PRK, and Lavrov's visit counts for IRN - RUS.
  result = geokg::query_path(*q.store, q.node("Iran", NodeLevel::Country),
                             q.node("Kim", NodeLevel::Country), {}, NodeLevel::Country, 6, 10, 1);
  CHECK(std::get<Strings>(cell(part(result, "paths"), 0, "keys")) == Strings{"IRN", "RUS", "PRK"});
  CHECK(column(part(result, "steps"), "events") == Strings{"2", "7"});
  CHECK(column(part(result, "events"), "event_id") == Strings{"13", "7"});  // the latest of each

  // A limit keeps the first paths in key order and says there are more.
  result = geokg::query_path(*q.store, q.node("Iran"), q.node("Kim Jong Un"), {}, NodeLevel::Actor,
                             6, 1, 0);
  CHECK(part(result, "paths").rows.size() == 1);
  CHECK(std::get<bool>(about(result, "more_paths")));
  CHECK(part(result, "events").rows.empty());
  // Too far, or not connected: no path.
  result = geokg::query_path(*q.store, q.node("Iran"), q.node("Kim Jong Un"), {}, NodeLevel::Actor,
                             3, 10, 3);
  CHECK(std::holds_alternative<std::monostate>(about(result, "steps")));
  CHECK(part(result, "paths").rows.empty());
  result = geokg::query_path(*q.store, q.node("Fumio Kishida"), q.node("Putin"), {},
                             NodeLevel::Actor, 6, 10, 3);
  CHECK(part(result, "paths").rows.empty());
  // Filters change the graph: military aid (07) only.
  geokg::EventFilter filter;
  filter.codes = {"07"};
  result = geokg::query_path(*q.store, q.node("Iran"), q.node("North Korea"), filter,
                             NodeLevel::Actor, 6, 10, 3);
  CHECK(std::get<Strings>(cell(part(result, "paths"), 0, "keys")) ==
        Strings{"iran", "russia", "north-korea"});
}

TEST_CASE("central ranks by degree and reports the network", "[query][central]") {
  QueryStore q;
  const auto result =
      geokg::query_central(*q.store, geokg::CentralityMeasure::Degree, {}, NodeLevel::Actor, 4);
  const auto& table = part(result, "central");
  // Four nodes with three neighbours; events, then key, break the ties.
  CHECK(column(table, "key") == Strings{"kim-jong-un", "vladimir-putin", "north-korea", "russia"});
  CHECK(column(table, "degree") == Strings{"3", "3", "3", "3"});
  CHECK(column(table, "events") == Strings{"6", "6", "3", "3"});
  CHECK(column(table, "rank") == Strings{"1", "2", "3", "4"});
  CHECK(real(cell(table, 0, "score")) == Approx(3.0));
  CHECK(number(about(result, "nodes")) == 14);
  CHECK(table.total == 14);
}

TEST_CASE("components lists the connected parts largest first", "[query][components]") {
  QueryStore q;
  auto result = geokg::query_components(*q.store, {}, NodeLevel::Actor, 0);
  auto table = part(result, "components");
  CHECK(column(table, "nodes") == Strings{"12", "2"});
  CHECK(column(table, "events") == Strings{"15", "1"});
  CHECK(std::get<Strings>(cell(table, 0, "top_keys")) ==
        Strings{"kim-jong-un", "vladimir-putin", "north-korea", "russia", "iran"});
  CHECK(std::get<Strings>(cell(table, 1, "top")) == Strings{"Fumio Kishida", "Yoon Suk Yeol"});
  result = geokg::query_components(*q.store, {}, NodeLevel::Country, 0);
  table = part(result, "components");
  CHECK(column(table, "nodes") == Strings{"6", "2"});
  CHECK(std::get<Strings>(cell(table, 1, "top_keys")) == Strings{"JPN", "KOR"});
}

TEST_CASE("timeline sums an actor's events by week day or month", "[query][timeline]") {
  QueryStore q;
  auto result =
      geokg::query_timeline(*q.store, q.node("Putin"), std::nullopt, geokg::Period::Week, {});
  auto table = part(result, "timeline");
  // 2023-09-13 is in ISO week 37, 2023-10-17 and -18 in week 42; the month-
  // dated statement keeps its month.
  CHECK(column(table, "period") == Strings{"2023-W37", "2023-W42", "2023-12"});
  CHECK(column(table, "first_day") == Strings{"2023-09-11", "2023-10-16", "2023-12-01"});
  CHECK(column(table, "events") == Strings{"4", "2", "1"});
  CHECK(column(table, "as_source") == Strings{"2", "1", "1"});
  CHECK(column(table, "as_target") == Strings{"2", "1", "0"});
  CHECK(number(about(result, "events")) == 7);

  result = geokg::query_timeline(*q.store, q.node("Putin"), std::nullopt, geokg::Period::Day, {});
  CHECK(column(part(result, "timeline"), "period") ==
        Strings{"2023-09-13", "2023-10-17", "2023-10-18", "2023-12"});
  result = geokg::query_timeline(*q.store, q.node("RUS", NodeLevel::Country),
                                 q.node("PRK", NodeLevel::Country), geokg::Period::Month, {});
  table = part(result, "timeline");
  CHECK(column(table, "period") == Strings{"2023-07", "2023-09", "2023-10"});
  CHECK(column(table, "a_to_b") == Strings{"1", "2", "0"});
  // Periods sort by their first day: ISO weeks cross years (2021-01-01 is
  // in 2020-W53, from 2020-12-28); undated events come last.
  QueryStore dated(
      R"({"document": "y1", "source": {"name": "A"}, "target": {"name": "B"}, "event": {"code": "042"}, "date": "2021-01-01"})"
      "\n"
      R"({"document": "y1", "source": {"name": "A"}, "target": {"name": "B"}, "event": {"code": "043"}, "date": "2021"})"
      "\n"
      R"({"document": "y1", "source": {"name": "B"}, "target": {"name": "A"}, "event": {"code": "046"}})"
      "\n");
  result =
      geokg::query_timeline(*dated.store, dated.node("A"), std::nullopt, geokg::Period::Week, {});
  CHECK(column(part(result, "timeline"), "period") == Strings{"2020-W53", "2021", "null"});
}

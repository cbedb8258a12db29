#include <catch2/catch.hpp>

#include "geokg/graph.hpp"
#include "geokg/ingest.hpp"
#include "test_support.hpp"

namespace {

// Three visits and a statement between Kim and Putin, an accusation by the
// US, and an event without a target (no edge).
const std::string kEvents =
    R"({"document": "d1", "source": {"name": "Kim Jong Un", "code": "PRKGOV"}, "target": {"name": "Vladimir Putin", "code": "RUSGOV"}, "event": {"code": "042"}, "date": "2019-04-25"})" "\n"
    R"({"document": "d1", "source": {"name": "Kim Jong Un"}, "target": {"name": "Vladimir Putin"}, "event": {"code": "042"}, "date": "2023-09"})" "\n"
    R"({"document": "d1", "source": {"name": "Kim Jong Un"}, "target": {"name": "Vladimir Putin"}, "event": {"code": "042"}, "date": "2023-09-13"})" "\n"
    R"({"document": "d1", "source": {"name": "Kim Jong Un"}, "target": {"name": "Vladimir Putin"}, "event": {"code": "0312"}, "date": "2023-09-13"})" "\n"
    R"({"document": "d2", "source": {"name": "United States", "code": "USA"}, "target": {"name": "North Korea", "code": "PRK"}, "event": {"code": "112"}, "date": "2023-08-30"})" "\n"
    R"({"document": "d2", "source": {"name": "Lone Speaker"}, "event": {"code": "010"}, "date": "2023-08-30"})" "\n";

struct Fixture {
  geokg::test::TempDir dir;
  std::unique_ptr<geokg::Store> store;
  Fixture() {
    store = geokg::open_sqlite_store(dir.file("g.db"));
    const auto report = geokg::ingest(*store, {dir.write("e.jsonl", kEvents)}, {});
    REQUIRE(report.clean());
  }
};

std::vector<std::string> vertex_keys(const geokg::ActorGraph& graph) {
  std::vector<std::string> keys;
  for (auto v : boost::make_iterator_range(boost::vertices(graph))) keys.push_back(graph[v].key);
  return keys;
}

}  // namespace

TEST_CASE("aggregated graph: one edge per source target and code", "[graph]") {
  Fixture f;
  const auto graph = geokg::build_actor_graph(*f.store, {});
  CHECK(vertex_keys(graph) ==
        std::vector<std::string>{"kim-jong-un", "north-korea", "united-states", "vladimir-putin"});
  REQUIRE(boost::num_edges(graph) == 3);

  const auto kim = boost::vertex(0, graph);
  CHECK(graph[kim].name == "Kim Jong Un");
  CHECK(graph[kim].code == "PRKGOV");
  CHECK(graph[kim].events == 4);

  std::map<std::string, geokg::RelationEdge> by_code;
  for (auto e : boost::make_iterator_range(boost::edges(graph))) {
    by_code[graph[e].event->code] = graph[e];
  }
  const auto& visits = by_code.at("042");
  CHECK(visits.count == 3);
  CHECK(visits.event_id == 0);
  CHECK(visits.first_date->iso() == "2019-04-25");
  CHECK(visits.last_date->iso() == "2023-09");  // the month outlasts 2023-09-13
  CHECK(visits.mean_goldstein() == Approx(1.9));
  CHECK(visits.weight() == Approx(3.0));
  CHECK(by_code.at("0312").count == 1);
  CHECK(by_code.at("112").mean_goldstein() == Approx(-2.0));
}

TEST_CASE("per-event graph: one edge per event in event order", "[graph]") {
  Fixture f;
  geokg::GraphOptions options;
  options.mode = geokg::EdgeMode::PerEvent;
  const auto graph = geokg::build_actor_graph(*f.store, options);
  REQUIRE(boost::num_edges(graph) == 5);
  std::vector<std::int64_t> ids;
  for (auto e : boost::make_iterator_range(boost::edges(graph))) {
    CHECK(graph[e].count == 1);
    ids.push_back(graph[e].event_id);
  }
  CHECK(ids == std::vector<std::int64_t>{1, 2, 3, 4, 5});
}

TEST_CASE("filters shape the graph", "[graph]") {
  Fixture f;
  geokg::GraphOptions options;
  options.filter.quads = {geokg::QuadClass::VerbalConflict};
  auto graph = geokg::build_actor_graph(*f.store, options);
  CHECK(vertex_keys(graph) == std::vector<std::string>{"north-korea", "united-states"});

  options = {};
  options.filter.since = geokg::EventDate::parse("2023");
  options.filter.codes = {"04"};
  graph = geokg::build_actor_graph(*f.store, options);
  REQUIRE(boost::num_edges(graph) == 1);
  const auto edge = *boost::edges(graph).first;
  CHECK(graph[edge].count == 2);  // the 2019 visit is filtered out
  CHECK(graph[edge].first_date->iso() == "2023-09");

  options = {};
  options.filter.countries = {"USA"};
  graph = geokg::build_actor_graph(*f.store, options);
  CHECK(boost::num_edges(graph) == 1);

  options = {};
  options.filter.codes = {"77"};
  CHECK_THROWS_AS(geokg::build_actor_graph(*f.store, options), geokg::GraphError);
  options = {};
  options.filter.actors = {"nobody"};
  CHECK_THROWS_AS(geokg::build_actor_graph(*f.store, options), geokg::GraphError);
}

TEST_CASE("an empty store gives an empty graph", "[graph]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("empty.db"));
  const auto graph = geokg::build_actor_graph(*store, {});
  CHECK(boost::num_vertices(graph) == 0);
  CHECK(boost::num_edges(graph) == 0);
}

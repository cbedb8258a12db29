#include <catch2/catch.hpp>
#include <numeric>

#include "geokg/graph.hpp"
#include "geokg/ingest.hpp"
#include "test_support.hpp"

namespace {

std::string event(const std::string& source, const std::string& target, const char* code = "042") {
  return R"({"document": "d", "source": {"name": ")" + source + R"("}, "target": {"name": ")" +
         target + R"("}, "event": {"code": ")" + code + "\"}}\n";
}

struct Network {
  geokg::test::TempDir dir;
  std::unique_ptr<geokg::Store> store;
  explicit Network(const std::string& events) {
    store = geokg::open_sqlite_store(dir.file("n.db"));
    REQUIRE(geokg::ingest(*store, {dir.write("n.jsonl", events)}, {}).clean());
  }
  geokg::RelationNetwork build(geokg::NodeLevel level = geokg::NodeLevel::Actor) const {
    return geokg::build_relation_network(*store, {}, level);
  }
};

std::vector<std::pair<std::string, double>> ranked(const geokg::RelationNetwork& network,
                                                   geokg::CentralityMeasure measure) {
  std::vector<std::pair<std::string, double>> result;
  for (const auto& score : geokg::rank_nodes(network, measure)) {
    result.emplace_back(network.nodes[score.node].ref.key, score.score);
  }
  return result;
}

}  // namespace

TEST_CASE("the relation network has one arc per related ordered pair", "[graph][analytics]") {
  const Network n(event("A", "B") + event("A", "B", "043") + event("B", "A") + event("C", "C") +
                  event("B", "C"));
  const auto network = n.build();
  REQUIRE(network.nodes.size() == 3);
  CHECK(network.nodes[0].ref.key == "a");
  CHECK(network.nodes[0].name == "A");
  CHECK(network.nodes[0].events == 3);
  CHECK(network.nodes[2].events == 1);  // C with itself is no relation
  REQUIRE(network.arcs.size() == 3);
  CHECK(network.arcs[0].source == 0);
  CHECK(network.arcs[0].target == 1);
  CHECK(network.arcs[0].events == 2);
  CHECK(network.arcs[1].events == 1);  // B -> A
  CHECK(network.arcs[2].source == 1);
  CHECK(network.arcs[2].target == 2);
}

TEST_CASE("betweenness counts shortest paths through each node undirected", "[graph][analytics]") {
  // a - b - c - d - e, arcs in mixed directions: the undirected view counts.
  const Network n(event("A", "B") + event("C", "B") + event("C", "D") + event("E", "D"));
  const auto scores = ranked(n.build(), geokg::CentralityMeasure::Betweenness);
  // c lies on a-d, a-e, b-d, b-e; b on a-c, a-d, a-e; d likewise.
  CHECK(scores == std::vector<std::pair<std::string, double>>{
                      {"c", 4.0}, {"b", 3.0}, {"d", 3.0}, {"a", 0.0}, {"e", 0.0}});
}

TEST_CASE("pagerank follows Boost's iteration and sums to one", "[graph][analytics]") {
  // a -> b: a keeps 1 - 0.85; b gets 0.15 + 0.85 * 0.15 = 0.2775.
  auto scores = ranked(Network(event("A", "B")).build(), geokg::CentralityMeasure::PageRank);
  REQUIRE(scores.size() == 2);
  CHECK(scores[0].first == "b");
  CHECK(scores[0].second == Approx(0.2775 / 0.4275));
  CHECK(scores[1].second == Approx(0.15 / 0.4275));
  // A cycle: all equal, ties in key order.
  scores = ranked(Network(event("A", "B") + event("B", "C") + event("C", "A")).build(),
                  geokg::CentralityMeasure::PageRank);
  CHECK(scores[0].first == "a");
  for (const auto& [key, score] : scores) CHECK(score == Approx(1.0 / 3));
  // A star: the target everyone acts on ranks first, then the one it acts on.
  scores =
      ranked(Network(event("A", "Hub") + event("B", "Hub") + event("C", "Hub") + event("Hub", "A"))
                 .build(),
             geokg::CentralityMeasure::PageRank);
  CHECK(scores[0].first == "hub");
  CHECK(scores[1].first == "a");
  double total = 0;
  for (const auto& item : scores) total += item.second;
  CHECK(total == Approx(1.0));
}

TEST_CASE("components of the undirected view largest first", "[graph][analytics]") {
  const Network n(event("A", "B") + event("C", "B") + event("X", "Y") + event("P", "Q") +
                  event("Q", "R") + event("R", "P") + event("R", "P", "043"));
  const auto network = n.build();
  const auto components = geokg::connected_components(network);
  REQUIRE(components.size() == 3);
  auto keys = [&](const geokg::Component& component) {
    std::vector<std::string> result;
    for (const auto node : component.nodes) result.push_back(network.nodes[node].ref.key);
    return result;
  };
  CHECK(keys(components[0]) == std::vector<std::string>{"a", "b", "c"});  // three, first key a
  CHECK(keys(components[1]) == std::vector<std::string>{"p", "q", "r"});
  CHECK(components[1].events == 4);
  CHECK(keys(components[2]) == std::vector<std::string>{"x", "y"});
}

TEST_CASE("shortest paths and ego networks walk through the store", "[graph][analytics]") {
  // Two ways from A to D; a longer one through E and F.
  const Network n(event("A", "B") + event("C", "A") + event("B", "D") + event("D", "C") +
                  event("A", "E") + event("E", "F") + event("F", "D") + event("G", "H"));
  auto node = [&](const char* key) {
    const auto row = n.store->find_actor(key);
    REQUIRE(row);
    return geokg::node_of(row->id, row->actor.key, row->actor.country, geokg::NodeLevel::Actor);
  };
  auto paths =
      geokg::shortest_paths(*n.store, node("a"), node("d"), {}, geokg::NodeLevel::Actor, 6, 0);
  CHECK(paths.steps == 2);
  REQUIRE(paths.paths.size() == 2);
  auto keys = [&](const std::vector<std::size_t>& path) {
    std::string text;
    for (const auto i : path) text += paths.nodes[i].key;
    return text;
  };
  CHECK(keys(paths.paths[0]) == "abd");
  CHECK(keys(paths.paths[1]) == "acd");
  CHECK_FALSE(paths.truncated);
  paths = geokg::shortest_paths(*n.store, node("a"), node("a"), {}, geokg::NodeLevel::Actor, 6, 0);
  CHECK(paths.steps == 0);
  paths = geokg::shortest_paths(*n.store, node("a"), node("h"), {}, geokg::NodeLevel::Actor, 6, 0);
  CHECK(paths.steps == -1);
  CHECK(paths.paths.empty());

  const auto ego = geokg::ego_network(*n.store, node("e"), 2, {}, geokg::NodeLevel::Actor);
  std::vector<std::string> layers;
  for (const auto& item : ego.nodes) {
    layers.push_back(std::to_string(item.depth) + item.node.key + ego.nodes[item.via].node.key);
  }
  CHECK(layers == std::vector<std::string>{"0ee", "1ae", "1fe", "2ba", "2ca", "2df"});
  CHECK(ego.nodes[1].relation.incoming == 1);  // A -> E, seen from E
  CHECK(ego.nodes[1].relation.outgoing == 0);
  CHECK_THROWS_AS(geokg::ego_network(*n.store, node("e"), -1, {}, geokg::NodeLevel::Actor),
                  geokg::GraphError);
}

TEST_CASE("a limit cuts an ego network's last layer to the nodes a reader sees",
          "[graph][analytics]") {
  // H's partners by events: P 3, Q 2, R 2, then S, T, U with one each; X is
  // two steps away, through P.
  const Network n(event("H", "P") + event("H", "P", "043") + event("P", "H") + event("Q", "H") +
                  event("H", "Q") + event("H", "R") + event("R", "H") + event("H", "S") +
                  event("T", "H") + event("H", "U") + event("P", "X"));
  const auto row = n.store->find_actor("h");
  REQUIRE(row);
  const auto hub =
      geokg::node_of(row->id, row->actor.key, row->actor.country, geokg::NodeLevel::Actor);
  auto keys = [](const geokg::EgoNetwork& ego) {
    std::string text;
    for (const auto& item : ego.nodes) text += item.node.key;
    return text;
  };
  auto ego = [&](int depth, std::size_t limit) {
    return geokg::ego_network(*n.store, hub, depth, {}, geokg::NodeLevel::Actor, limit);
  };
  const auto whole = ego(1, 0);
  CHECK(keys(whole) == "hpqrstu");
  CHECK(whole.reached == 7);
  CHECK(whole.nodes[2].relation.events == 2);  // Q

  // The first nodes, as without a limit; ties at the cut go by key.
  CHECK(keys(ego(1, 3)) == "hpqr");
  CHECK(keys(ego(1, 4)) == "hpqrs");
  CHECK(ego(1, 4).reached == 7);
  CHECK(ego(1, 4).nodes[4].relation.events == 1);
  CHECK(keys(ego(1, 1)) == "hp");
  CHECK(keys(ego(1, 6)) == "hpqrstu");
  CHECK(keys(ego(1, 100)) == "hpqrstu");

  // The inner layer is kept whole: it is the way to the last one.
  CHECK(keys(ego(2, 2)) == "hpqrstu");
  CHECK(ego(2, 2).reached == 8);
  CHECK(keys(ego(2, 7)) == "hpqrstux");
  CHECK(ego(2, 7).nodes[7].via == 1);  // X through P
}

TEST_CASE("a graph build can keep only the events among given nodes", "[graph][analytics]") {
  const Network n(event("A", "B") + event("B", "C") + event("C", "A") + event("A", "D"));
  geokg::GraphOptions options;
  options.within = {"a", "b", "c"};
  const auto graph = geokg::build_actor_graph(*n.store, options);
  CHECK(boost::num_vertices(graph) == 3);
  CHECK(boost::num_edges(graph) == 3);
}

// Whole-store analytics for geokg query: the relation network and its
// centralities and components, with Boost.Graph's algorithms on compact
// compressed-sparse-row graphs (a few bytes per arc, for millions of arcs).
#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <numeric>
#include <unordered_map>

#include "analytics_internal.hpp"
#include "geokg/graph.hpp"

namespace geokg {

std::string_view to_string(NodeLevel level) {
  return level == NodeLevel::Country ? "country" : "actor";
}

NodeLevel parse_node_level(std::string_view name) {
  if (name == "actor") return NodeLevel::Actor;
  if (name == "country") return NodeLevel::Country;
  throw GraphError("unknown level \"" + std::string(name) + "\" (expected actor or country)");
}

std::string_view to_string(CentralityMeasure measure) {
  switch (measure) {
    case CentralityMeasure::Degree:
      return "degree";
    case CentralityMeasure::PageRank:
      return "pagerank";
    case CentralityMeasure::Betweenness:
      return "betweenness";
  }
  return "degree";
}

CentralityMeasure parse_centrality(std::string_view name) {
  for (auto measure :
       {CentralityMeasure::Degree, CentralityMeasure::PageRank, CentralityMeasure::Betweenness}) {
    if (to_string(measure) == name) return measure;
  }
  throw GraphError("unknown centrality \"" + std::string(name) +
                   "\" (expected degree, pagerank or betweenness)");
}

ActorSet NodeRef::actors() const {
  ActorSet set;
  if (actor != 0) {
    set.ids.push_back(actor);
  } else {
    set.countries.push_back(country);
  }
  return set;
}

NodeRef node_of(std::int64_t actor, std::string_view key, std::string_view country,
                NodeLevel level) {
  NodeRef node;
  if (level == NodeLevel::Country && !country.empty()) {
    node.key = country;
    node.country = country;
    return node;
  }
  node.key = key;
  node.actor = actor;
  node.country = country;
  return node;
}

void RelationSummary::add(const EventCodeInfo& event, const std::optional<EventDate>& date,
                          bool is_outgoing) {
  ++events;
  ++(is_outgoing ? outgoing : incoming);
  goldstein_sum += event.goldstein;
  ++quads[static_cast<std::size_t>(static_cast<int>(event.quad()) - 1)];
  if (!date) return;
  if (!first_date || date->first_day() < first_date->first_day()) first_date = date;
  if (!last_date || date->last_day() > last_date->last_day()) last_date = date;
}

namespace {

// Arcs in both directions, without repeats: the undirected view.
std::vector<std::pair<std::uint32_t, std::uint32_t>> symmetric_pairs(
    const RelationNetwork& network) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  pairs.reserve(network.arcs.size() * 2);
  for (const auto& arc : network.arcs) {
    pairs.emplace_back(arc.source, arc.target);
    pairs.emplace_back(arc.target, arc.source);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace

RelationNetwork build_relation_network(const Store& store, const EventFilter& filter,
                                       NodeLevel level, const Ontology& ontology) {
  check_code_filter(filter, ontology);
  const ReadSnapshot snapshot(store);
  // Every actor's node, by actor row id (dense in SQLite).
  std::vector<RelationNetwork::Node> groups;
  std::vector<std::uint32_t> group_of;
  std::unordered_map<std::string, std::uint32_t> country_group;
  constexpr auto kNone = static_cast<std::uint32_t>(-1);
  store.for_each_actor([&](const ActorRow& row) {
    const auto id = static_cast<std::size_t>(row.id);
    if (id >= group_of.size()) group_of.resize(id + 1 + id / 2, kNone);
    auto node = node_of(row.id, row.actor.key, row.actor.country, level);
    if (node.actor == 0) {
      const auto [it, added] =
          country_group.try_emplace(node.country, static_cast<std::uint32_t>(groups.size()));
      if (added) {
        const auto name = ontology.country_name(node.country);
        groups.push_back({node, name.empty() ? node.country : std::string(name), node.country, 0});
      }
      group_of[id] = it->second;
      return;
    }
    group_of[id] = static_cast<std::uint32_t>(groups.size());
    groups.push_back({std::move(node), row.actor.name, row.actor.code, 0});
  });
  auto group = [&](std::int64_t actor) {
    const auto id = static_cast<std::size_t>(actor);
    if (id >= group_of.size() || group_of[id] == kNone) {
      throw GraphError("event names actor row " + std::to_string(actor) +
                       ", which the store does not hold");
    }
    return group_of[id];
  };

  // One packed (source, target) per event between distinct nodes; sorted,
  // runs become arcs. Eight bytes per event beats a hash map of pairs.
  // Counts live apart from the nodes, whose strings would crowd the cache.
  std::vector<std::uint64_t> packed;
  std::vector<std::int64_t> events(groups.size(), 0);
  store.for_each_pair(filter, [&](std::int64_t source, std::int64_t target) {
    const auto s = group(source);
    const auto t = group(target);
    if (s == t) return;
    ++events[s];
    ++events[t];
    packed.push_back(std::uint64_t{s} << 32 | t);
  });

  // Nodes that take part, in key order.
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < groups.size(); ++i) {
    groups[i].events = events[i];
    if (events[i] > 0) order.push_back(i);
  }
  std::vector<std::int64_t>().swap(events);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return groups[a].ref.key < groups[b].ref.key;
  });
  std::vector<std::uint32_t> index_of(groups.size(), kNone);
  RelationNetwork network;
  network.nodes.reserve(order.size());
  for (const auto i : order) {
    index_of[i] = static_cast<std::uint32_t>(network.nodes.size());
    network.nodes.push_back(std::move(groups[i]));
  }
  std::vector<RelationNetwork::Node>().swap(groups);

  for (auto& value : packed) {
    value = std::uint64_t{index_of[value >> 32]} << 32 | index_of[value & 0xffffffffu];
  }
  std::sort(packed.begin(), packed.end());
  std::size_t arcs = 0;
  for (std::size_t i = 0; i < packed.size(); ++i) arcs += i == 0 || packed[i] != packed[i - 1];
  network.arcs.reserve(arcs);
  for (std::size_t i = 0; i < packed.size();) {
    std::size_t j = i;
    while (j < packed.size() && packed[j] == packed[i]) ++j;
    network.arcs.push_back({static_cast<std::uint32_t>(packed[i] >> 32),
                            static_cast<std::uint32_t>(packed[i] & 0xffffffffu),
                            static_cast<std::uint32_t>(j - i)});
    i = j;
  }
  return network;
}

std::vector<NodeScore> rank_nodes(const RelationNetwork& network, CentralityMeasure measure) {
  const auto n = network.nodes.size();
  std::vector<NodeScore> scores(n);
  for (std::size_t i = 0; i < n; ++i) scores[i].node = i;
  // Distinct neighbours: each arc counts for both ends, less one for each
  // pair related both ways. Those are found by merging the arcs that go
  // up (source < target, in order already) with the downward ones turned
  // round and sorted.
  const auto& arcs = network.arcs;
  std::vector<std::uint64_t> turned;
  for (const auto& arc : arcs) {
    ++scores[arc.source].degree;
    ++scores[arc.target].degree;
    if (arc.source > arc.target) turned.push_back(std::uint64_t{arc.target} << 32 | arc.source);
  }
  std::sort(turned.begin(), turned.end());
  auto next = turned.begin();
  for (const auto& arc : arcs) {
    if (arc.source >= arc.target) continue;
    const auto up = std::uint64_t{arc.source} << 32 | arc.target;
    while (next != turned.end() && *next < up) ++next;
    if (next != turned.end() && *next == up) {
      --scores[arc.source].degree;
      --scores[arc.target].degree;
    }
  }
  std::vector<std::uint64_t>().swap(turned);

  switch (measure) {
    case CentralityMeasure::Degree:
      for (auto& score : scores) score.score = static_cast<double>(score.degree);
      break;
    case CentralityMeasure::PageRank: {
      // The arcs as (source, target) pairs, read in place.
      const auto as_pair = [](const RelationNetwork::Arc& arc) {
        return std::pair<std::uint32_t, std::uint32_t>(arc.source, arc.target);
      };
      const Digraph graph(boost::edges_are_unsorted_multi_pass,
                          boost::make_transform_iterator(arcs.begin(), as_pair),
                          boost::make_transform_iterator(arcs.end(), as_pair),
                          static_cast<std::uint32_t>(n));
      std::vector<double> rank(n, 0.0);
      boost::graph::page_rank(graph, boost::make_iterator_property_map(
                                         rank.begin(), boost::get(boost::vertex_index, graph)));
      // Boost's ranks sum to about n, less what dangling nodes leak: rescale
      // to shares of the total, which read the same whatever the size.
      const double total = std::accumulate(rank.begin(), rank.end(), 0.0);
      for (std::size_t i = 0; i < n; ++i) scores[i].score = total > 0 ? rank[i] / total : 0.0;
      break;
    }
    case CentralityMeasure::Betweenness: {
      const auto undirected = symmetric_pairs(network);
      const SymmetricGraph graph(boost::edges_are_sorted, undirected.begin(), undirected.end(),
                                 static_cast<std::uint32_t>(n));
      std::vector<double> centrality(n, 0.0);
      boost::brandes_betweenness_centrality(
          graph, boost::centrality_map(boost::make_iterator_property_map(
                     centrality.begin(), boost::get(boost::vertex_index, graph))));
      // Each undirected pair was counted in both directions.
      for (std::size_t i = 0; i < n; ++i) scores[i].score = centrality[i] / 2.0;
      break;
    }
  }
  std::stable_sort(scores.begin(), scores.end(), [&](const NodeScore& a, const NodeScore& b) {
    if (a.score != b.score) return a.score > b.score;
    return network.nodes[a.node].events > network.nodes[b.node].events;
  });  // stable: equal nodes stay in key order
  return scores;
}

std::vector<Component> connected_components(const RelationNetwork& network) {
  const auto n = network.nodes.size();
  // Each arc in both directions, read in place (twice the arcs, one way
  // then the other): repeats do not change components, and a sorted copy
  // of every pair would double the memory.
  const auto& arcs = network.arcs;
  const auto both_ways = [&arcs](std::size_t i) {
    const auto& arc = arcs[i / 2];
    return i % 2 == 0 ? std::pair<std::uint32_t, std::uint32_t>(arc.source, arc.target)
                      : std::pair<std::uint32_t, std::uint32_t>(arc.target, arc.source);
  };
  const SymmetricGraph graph(
      boost::edges_are_unsorted_multi_pass,
      boost::make_transform_iterator(boost::counting_iterator<std::size_t>(0), both_ways),
      boost::make_transform_iterator(boost::counting_iterator<std::size_t>(arcs.size() * 2),
                                     both_ways),
      static_cast<std::uint32_t>(n));
  std::vector<std::uint32_t> component_of(n, 0);
  const auto count =
      n == 0 ? 0
             : boost::connected_components(
                   graph, boost::make_iterator_property_map(
                              component_of.begin(), boost::get(boost::vertex_index, graph)));
  std::vector<Component> components(count);
  for (std::size_t i = 0; i < n; ++i) components[component_of[i]].nodes.push_back(i);
  for (const auto& arc : network.arcs) components[component_of[arc.source]].events += arc.events;
  // Members are in key order already (nodes are); the first key breaks ties.
  std::stable_sort(components.begin(), components.end(),
                   [&](const Component& a, const Component& b) {
                     if (a.nodes.size() != b.nodes.size()) return a.nodes.size() > b.nodes.size();
                     return a.nodes.front() < b.nodes.front();
                   });
  return components;
}

}  // namespace geokg

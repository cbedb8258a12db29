#include <deque>
#include <functional>
#include <unordered_map>

#include "geokg/graph.hpp"

namespace geokg {

void check_code_filter(const EventFilter& filter, const Ontology& ontology) {
  for (const auto& code : filter.codes) {
    if (!ontology.find_event(code)) {
      throw GraphError("\"" + code + "\" is not a CAMEO event code or root (e.g. 04, 042)");
    }
  }
}

ActorGraph build_actor_graph(const Store& store, const GraphOptions& options,
                             const Ontology& ontology) {
  check_code_filter(options.filter, ontology);
  for (const auto& key : options.filter.actors) {
    if (!store.find_actor(key)) throw GraphError("no actor with id \"" + key + "\" in the store");
  }

  // Events first, so only actors that take part become vertices; then the
  // vertices in key order, then the edges in event order.
  struct PendingEdge {
    std::int64_t source;
    std::int64_t target;
    RelationEdge edge;
  };
  // A deque, consumed from the front below, so the pending edges are freed
  // while the graph fills: peak memory holds the edges about once.
  std::deque<PendingEdge> pending;
  struct RelationKey {
    std::int64_t source;
    std::int64_t target;
    const EventCodeInfo* event;
    bool operator==(const RelationKey&) const = default;
  };
  struct RelationKeyHash {
    std::size_t operator()(const RelationKey& key) const {
      std::size_t hash = std::hash<std::int64_t>{}(key.source);
      hash = hash * 1000003u ^ std::hash<std::int64_t>{}(key.target);
      return hash * 1000003u ^ std::hash<const void*>{}(key.event);
    }
  };
  std::unordered_map<RelationKey, std::size_t, RelationKeyHash> aggregate;
  std::unordered_map<std::int64_t, std::int64_t> event_counts;

  store.for_each_event(options.filter, [&](const EventRow& row) {
    if (row.source_actor == 0 || row.target_actor == 0) return;
    const EventCodeInfo& info = ontology.event(row.code);
    ++event_counts[row.source_actor];
    if (row.target_actor != row.source_actor) ++event_counts[row.target_actor];
    RelationEdge fresh;
    fresh.event = &info;
    RelationEdge* edge = nullptr;
    if (options.mode == EdgeMode::Aggregated) {
      const auto [it, added] =
          aggregate.try_emplace({row.source_actor, row.target_actor, &info}, pending.size());
      if (added) pending.push_back({row.source_actor, row.target_actor, fresh});
      edge = &pending[it->second].edge;
    } else {
      fresh.event_id = row.id;
      pending.push_back({row.source_actor, row.target_actor, fresh});
      edge = &pending.back().edge;
    }
    ++edge->count;
    edge->goldstein_sum += info.goldstein;
    if (row.date) {
      if (!edge->first_date || row.date->first_day() < edge->first_date->first_day()) {
        edge->first_date = row.date;
      }
      if (!edge->last_date || row.date->last_day() > edge->last_date->last_day()) {
        edge->last_date = row.date;
      }
    }
  });
  std::unordered_map<RelationKey, std::size_t, RelationKeyHash>().swap(aggregate);

  ActorGraph graph;
  std::unordered_map<std::int64_t, ActorGraph::vertex_descriptor> vertex_of;
  vertex_of.reserve(event_counts.size());
  store.for_each_actor([&](const ActorRow& row) {
    const auto count = event_counts.find(row.id);
    if (count == event_counts.end()) return;
    ActorVertex vertex{row.id,           row.actor.key,   row.actor.name, row.actor.code,
                       row.actor.country, row.actor.agent, row.actor.type, count->second};
    vertex_of.emplace(row.id, boost::add_vertex(std::move(vertex), graph));
  });
  while (!pending.empty()) {
    const PendingEdge& item = pending.front();
    boost::add_edge(vertex_of.at(item.source), vertex_of.at(item.target), item.edge, graph);
    pending.pop_front();
  }
  return graph;
}

}  // namespace geokg

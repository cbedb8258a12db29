#include <cassert>
#include <deque>
#include <functional>
#include <unordered_map>
#include <vector>

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
  // Indexed by actor row id: ids are SQLite rowids, dense and bounded by the
  // actor count, and a hash lookup per event end was a seventh of the time.
  std::vector<std::int64_t> event_counts;
  auto count_event = [&](std::int64_t actor) {
    const auto index = static_cast<std::size_t>(actor);
    if (index >= event_counts.size()) event_counts.resize(index + 1 + index / 2, 0);
    ++event_counts[index];
  };

  store.for_each_event(options.filter, [&](const EventRow& row) {
    if (row.source_actor == 0 || row.target_actor == 0) return;
    const EventCodeInfo& info = ontology.event(row.code);
    count_event(row.source_actor);
    if (row.target_actor != row.source_actor) count_event(row.target_actor);
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
  const auto kNoVertex = ActorGraph::null_vertex();
  std::vector<ActorGraph::vertex_descriptor> vertex_of(event_counts.size(), kNoVertex);
  store.for_each_actor([&](const ActorRow& row) {
    const auto index = static_cast<std::size_t>(row.id);
    if (index >= event_counts.size() || event_counts[index] == 0) return;
    ActorVertex vertex{row.id,           row.actor.key,   row.actor.name, row.actor.code,
                       row.actor.country, row.actor.agent, row.actor.type, event_counts[index]};
    vertex_of[index] = boost::add_vertex(std::move(vertex), graph);
  });
  while (!pending.empty()) {
    const PendingEdge& item = pending.front();
    const auto source = vertex_of[static_cast<std::size_t>(item.source)];
    const auto target = vertex_of[static_cast<std::size_t>(item.target)];
    // Every counted actor is stored: participants reference actors by key.
    assert(source != kNoVertex && target != kNoVertex);
    boost::add_edge(source, target, item.edge, graph);
    pending.pop_front();
  }
  return graph;
}

}  // namespace geokg

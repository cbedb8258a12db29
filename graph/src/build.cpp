#include <algorithm>
#include <deque>
#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "geokg/graph.hpp"

namespace geokg {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// An edge waiting for its vertices. Ends are node references: indexes into
// the groups (actors or countries), or past them, into the event nodes.
struct PendingEdge {
  std::size_t source;
  std::size_t target;
  RelationEdge edge;
};

struct RelationKey {
  std::size_t source;
  std::size_t target;
  const EventCodeInfo* event;
  bool operator==(const RelationKey&) const = default;
};

struct RelationKeyHash {
  std::size_t operator()(const RelationKey& key) const {
    std::size_t hash = std::hash<std::size_t>{}(key.source);
    hash = hash * 1000003u ^ std::hash<std::size_t>{}(key.target);
    return hash * 1000003u ^ std::hash<const void*>{}(key.event);
  }
};

GraphNode actor_node(const ActorRow& row) {
  GraphNode node;
  node.kind = NodeKind::Actor;
  node.key = row.actor.key;
  node.name = row.actor.name;
  node.actor_id = row.id;
  node.code = row.actor.code;
  node.country = row.actor.country;
  node.agent = row.actor.agent;
  node.type = row.actor.type;
  return node;
}

GraphNode country_node(const std::string& country, const Ontology& ontology) {
  GraphNode node;
  node.kind = NodeKind::Actor;
  node.key = country;  // upper case: never equal to an actor key, which is lower case
  const auto name = ontology.country_name(country);
  node.name = name.empty() ? country : std::string(name);
  node.code = country;
  node.country = country;
  node.type = ActorType::Country;
  return node;
}

GraphNode event_node(const EventRow& row, const EventCodeInfo& info) {
  GraphNode node;
  node.kind = NodeKind::Event;
  node.key = "ev" + std::to_string(row.id);
  node.name = info.code + " " + info.label;
  node.events = 1;
  node.event = &info;
  node.event_id = row.id;
  node.date = row.date;
  node.sentence = row.sentence;
  node.document = row.document_key;
  return node;
}

void add_to(RelationEdge& edge, const EventRow& row, const EventCodeInfo& info) {
  ++edge.count;
  edge.goldstein_sum += info.goldstein;
  if (!row.date) return;
  if (!edge.first_date || row.date->first_day() < edge.first_date->first_day()) {
    edge.first_date = row.date;
  }
  if (!edge.last_date || row.date->last_day() > edge.last_date->last_day()) {
    edge.last_date = row.date;
  }
}

}  // namespace

std::string_view to_string(EdgeMode mode) {
  return mode == EdgeMode::PerEvent ? "event" : "aggregate";
}

std::string_view to_string(NodeMode mode) {
  switch (mode) {
    case NodeMode::Actors:
      return "actors";
    case NodeMode::Countries:
      return "countries";
    case NodeMode::Bipartite:
      return "bipartite";
  }
  return "actors";
}

EdgeMode parse_edge_mode(std::string_view name) {
  for (auto mode : {EdgeMode::PerEvent, EdgeMode::Aggregated}) {
    if (to_string(mode) == name) return mode;
  }
  throw GraphError("unknown edge mode \"" + std::string(name) + "\" (expected event or aggregate)");
}

NodeMode parse_node_mode(std::string_view name) {
  for (auto mode : {NodeMode::Actors, NodeMode::Countries, NodeMode::Bipartite}) {
    if (to_string(mode) == name) return mode;
  }
  throw GraphError("unknown graph mode \"" + std::string(name) +
                   "\" (expected actors, countries or bipartite)");
}

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
  // Actors and events are read in two passes; one snapshot makes them agree
  // while another process ingests.
  const ReadSnapshot snapshot(store);
  for (const auto& key : options.filter.actors) {
    if (!store.find_actor(key)) throw GraphError("no actor with id \"" + key + "\" in the store");
  }

  // 1. Every actor's group: itself, or its country in the roll-up. Indexed by
  // actor row id, which SQLite keeps dense.
  std::vector<GraphNode> groups;
  std::vector<std::size_t> group_of;
  std::unordered_map<std::string, std::size_t> country_group;
  store.for_each_actor([&](const ActorRow& row) {
    const auto id = static_cast<std::size_t>(row.id);
    if (id >= group_of.size()) group_of.resize(id + 1 + id / 2, kNone);
    if (options.nodes == NodeMode::Countries && !row.actor.country.empty()) {
      const auto [it, added] = country_group.try_emplace(row.actor.country, groups.size());
      if (added) groups.push_back(country_node(row.actor.country, ontology));
      group_of[id] = it->second;
      return;
    }
    group_of[id] = groups.size();
    groups.push_back(actor_node(row));
  });
  auto group = [&](std::int64_t actor) {
    const auto id = static_cast<std::size_t>(actor);
    // Cannot happen under the snapshot (participants reference stored
    // actors, never deleted); checked anyway, since the index would be wild.
    if (id >= group_of.size() || group_of[id] == kNone) {
      throw GraphError("event names actor row " + std::to_string(actor) +
                       ", which the store does not hold");
    }
    return group_of[id];
  };

  // Ego exports: only events between the nodes listed.
  std::vector<char> within;
  if (!options.within.empty()) {
    const std::unordered_set<std::string> keys(options.within.begin(), options.within.end());
    within.resize(groups.size());
    for (std::size_t i = 0; i < groups.size(); ++i) within[i] = keys.count(groups[i].key) > 0;
  }

  // 2. The events, as pending edges between node references. A deque,
  // consumed from the front in step 4, so pending edges are freed while the
  // graph fills.
  std::deque<PendingEdge> pending;
  std::vector<GraphNode> event_nodes;
  std::unordered_map<RelationKey, std::size_t, RelationKeyHash> aggregate;
  store.for_each_event(options.filter, [&](const EventRow& row) {
    if (row.source_actor == 0 || row.target_actor == 0) return;
    if (row.negated && !options.include_negated) return;
    const EventCodeInfo& info = ontology.event(row.code);
    const auto source = group(row.source_actor);
    const auto target = group(row.target_actor);
    if (!within.empty() && !(within[source] && within[target])) return;
    ++groups[source].events;
    if (target != source) ++groups[target].events;

    RelationEdge fresh;
    fresh.event = &info;
    if (options.nodes == NodeMode::Bipartite) {
      const auto event = groups.size() + event_nodes.size();
      event_nodes.push_back(event_node(row, info));
      fresh.event_id = row.id;
      add_to(fresh, row, info);
      fresh.role = EdgeRole::Source;
      pending.push_back({source, event, fresh});
      fresh.role = EdgeRole::Target;
      pending.push_back({event, target, fresh});
      return;
    }
    if (options.mode == EdgeMode::Aggregated) {
      const auto [it, added] = aggregate.try_emplace({source, target, &info}, pending.size());
      if (added) pending.push_back({source, target, fresh});
      add_to(pending[it->second].edge, row, info);
      return;
    }
    fresh.event_id = row.id;
    add_to(fresh, row, info);
    pending.push_back({source, target, fresh});
  });
  std::unordered_map<RelationKey, std::size_t, RelationKeyHash>().swap(aggregate);

  // 3. Vertices: groups that take part, in key order, then event nodes.
  std::vector<std::size_t> taking_part;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].events > 0) taking_part.push_back(i);
  }
  std::sort(taking_part.begin(), taking_part.end(),
            [&](std::size_t a, std::size_t b) { return groups[a].key < groups[b].key; });
  ActorGraph graph;
  std::vector<ActorGraph::vertex_descriptor> vertex_of(groups.size() + event_nodes.size());
  for (const auto i : taking_part) vertex_of[i] = boost::add_vertex(std::move(groups[i]), graph);
  std::vector<GraphNode>().swap(groups);
  const auto first_event = vertex_of.size() - event_nodes.size();
  for (std::size_t i = 0; i < event_nodes.size(); ++i) {
    vertex_of[first_event + i] = boost::add_vertex(std::move(event_nodes[i]), graph);
  }
  std::vector<GraphNode>().swap(event_nodes);

  // 4. Edges, in event order.
  while (!pending.empty()) {
    const PendingEdge& item = pending.front();
    boost::add_edge(vertex_of[item.source], vertex_of[item.target], item.edge, graph);
    pending.pop_front();
  }
  return graph;
}

}  // namespace geokg

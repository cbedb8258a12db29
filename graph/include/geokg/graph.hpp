// geokg graph: Boost.Graph graphs of actors and their relations, built from a
// Store. The only header other stages include from graph/.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "geokg/core.hpp"

namespace geokg {

// Invalid graph options, such as an actor filter naming no stored actor.
class GraphError : public Error {
 public:
  using Error::Error;
};

enum class NodeKind : std::uint8_t {
  Actor,    // an actor, or a country in the country roll-up
  Event,    // an event, in the bipartite actor-event graph
};

// A vertex. Actor nodes fill the actor fields; event nodes (bipartite mode)
// fill the event fields and use `key` ("ev<id>") and `name` (the code label).
// `events` counts the graph's events the node takes part in.
struct GraphNode {
  NodeKind kind = NodeKind::Actor;
  std::string key;  // stable id, used as the node id in exports
  std::string name;
  std::int64_t events = 0;
  // Actor nodes
  std::int64_t actor_id = 0;  // 0 for a country made by the roll-up
  std::string code;
  std::string country;
  std::string agent;
  ActorType type = ActorType::Unknown;
  // Event nodes
  const EventCodeInfo* event = nullptr;
  std::int64_t event_id = 0;
  std::optional<EventDate> date;
  std::optional<int> sentence;
  std::string document;
};

enum class EdgeRole : std::uint8_t {
  Relation,  // source actor -> target actor
  Source,    // bipartite: source actor -> event
  Target,    // bipartite: event -> target actor
};

// An edge: one event, or all events of one CAMEO code between the same two
// nodes in aggregated mode. `event` points into the Ontology the graph was
// built with, which must outlive the graph.
struct RelationEdge {
  const EventCodeInfo* event = nullptr;
  std::int64_t event_id = 0;  // the stored event in per-event mode; 0 when aggregated
  std::int64_t count = 0;     // events behind the edge
  std::optional<EventDate> first_date;
  std::optional<EventDate> last_date;
  double goldstein_sum = 0.0;
  EdgeRole role = EdgeRole::Relation;

  double mean_goldstein() const { return count ? goldstein_sum / static_cast<double>(count) : 0.0; }
  double weight() const { return static_cast<double>(count); }
};

// A directed multigraph: parallel edges keep different relations apart.
// Actor (or country) vertices come first in key order, then event vertices
// in event-id order; edges are in event-id order. The same store and options
// always give the same graph.
using ActorGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         GraphNode, RelationEdge>;

enum class EdgeMode {
  PerEvent,    // one edge per event
  Aggregated,  // one edge per (source, target, code)
};

enum class NodeMode {
  Actors,     // one vertex per actor
  Countries,  // actors rolled up to their CAMEO country (RUSGOV, RUSMIL -> RUS);
              // actors without a country stay themselves
  Bipartite,  // actors and events: source -> event -> target, one per event
};

std::string_view to_string(EdgeMode mode);
std::string_view to_string(NodeMode mode);
EdgeMode parse_edge_mode(std::string_view name);  // throws GraphError
NodeMode parse_node_mode(std::string_view name);  // throws GraphError

struct GraphOptions {
  EventFilter filter;
  EdgeMode mode = EdgeMode::Aggregated;  // ignored in bipartite mode
  NodeMode nodes = NodeMode::Actors;
};

// Builds the graph of the events that pass `options.filter` and have both a
// source and a target. Only actors (or countries) with at least one such
// event are vertices.
// Throws GraphError for filters that name unknown actors or bad codes.
ActorGraph build_actor_graph(const Store& store, const GraphOptions& options,
                             const Ontology& ontology = Ontology::builtin());

// Validates a CAMEO code filter ("04", "042", "0421") against the ontology.
// Throws GraphError naming the value.
void check_code_filter(const EventFilter& filter, const Ontology& ontology);

}  // namespace geokg

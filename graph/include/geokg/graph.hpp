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

// An actor as a vertex. `events` counts the edges' events it takes part in.
struct ActorVertex {
  std::int64_t actor_id = 0;
  std::string key;  // stable id, used as the node id in exports
  std::string name;
  std::string code;
  std::string country;
  std::string agent;
  ActorType type = ActorType::Unknown;
  std::int64_t events = 0;
};

// A relation from source to target: one event, or all events of one CAMEO
// code between the two in aggregated mode. `event` points into the Ontology
// the graph was built with, which must outlive the graph.
struct RelationEdge {
  const EventCodeInfo* event = nullptr;
  std::int64_t event_id = 0;  // the stored event in per-event mode; 0 when aggregated
  std::int64_t count = 0;     // events behind the edge
  std::optional<EventDate> first_date;
  std::optional<EventDate> last_date;
  double goldstein_sum = 0.0;

  double mean_goldstein() const { return count ? goldstein_sum / static_cast<double>(count) : 0.0; }
  double weight() const { return static_cast<double>(count); }
};

// A directed multigraph: parallel edges keep different relations apart.
// Vertices are in actor-key order and edges in event-id order, so the same
// store and options always give the same graph.
using ActorGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         ActorVertex, RelationEdge>;

enum class EdgeMode {
  PerEvent,    // one edge per event
  Aggregated,  // one edge per (source, target, code)
};

struct GraphOptions {
  EventFilter filter;
  EdgeMode mode = EdgeMode::Aggregated;
};

// Builds the graph of the events that pass `options.filter` and have both a
// source and a target. Only actors with at least one such event are vertices.
// Throws GraphError for filters that name unknown actors or bad codes.
ActorGraph build_actor_graph(const Store& store, const GraphOptions& options,
                             const Ontology& ontology = Ontology::builtin());

// Validates a CAMEO code filter ("04", "042", "0421") against the ontology.
// Throws GraphError naming the value.
void check_code_filter(const EventFilter& filter, const Ontology& ontology);

}  // namespace geokg

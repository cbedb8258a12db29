// geokg graph: Boost.Graph graphs of actors and their relations, built from a
// Store. The only header other stages include from graph/.
#pragma once

#include <array>
#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "geokg/core.hpp"

namespace geokg {

// Invalid graph options, such as an actor filter naming no stored actor.
class GraphError : public Error {
 public:
  using Error::Error;
};

enum class NodeKind : std::uint8_t {
  Actor,  // an actor, or a country in the country roll-up
  Event,  // an event, in the bipartite actor-event graph
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
using ActorGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, GraphNode, RelationEdge>;

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
  // Node keys (after the roll-up); when not empty, only events whose source
  // and target nodes are both among them (geokg export --ego).
  std::vector<std::string> within;
  // Negated events ("Russia did not attack Ukraine") are stored but are no
  // relation; they become edges only when asked for.
  bool include_negated = false;
};

// Builds the graph of the events that pass `options.filter`, have both a
// source and a target, and are not negated (unless `include_negated`). Only actors (or countries)
// with at least one such event are vertices. Throws GraphError for filters that name unknown actors
// or bad codes.
ActorGraph build_actor_graph(const Store& store, const GraphOptions& options,
                             const Ontology& ontology = Ontology::builtin());

// Validates a CAMEO code filter ("04", "042", "0421") against the ontology.
// Throws GraphError naming the value.
void check_code_filter(const EventFilter& filter, const Ontology& ontology);

// ---------------------------------------------------------------------------
// Analytics for geokg query: nodes are actors, or countries in the roll-up;
// algorithms are Boost.Graph's. Definitions in src/analytics.cpp.

enum class NodeLevel : std::uint8_t {
  Actor,    // one node per actor
  Country,  // actors rolled up to their stored CAMEO country; actors without
            // one stay themselves (as in NodeMode::Countries)
};
std::string_view to_string(NodeLevel level);
NodeLevel parse_node_level(std::string_view name);  // throws GraphError

// A node. `key` is the actor key, or the country code (upper case, so never
// an actor key). Countries have `actor` 0.
struct NodeRef {
  std::string key;
  std::int64_t actor = 0;   // the actor's row id, for an actor node
  std::string country;      // the country, for a country node
  ActorSet actors() const;  // the actors the node stands for
  friend bool operator==(const NodeRef& a, const NodeRef& b) { return a.key == b.key; }
};

// The node an actor belongs to at `level`.
NodeRef node_of(std::int64_t actor, std::string_view key, std::string_view country,
                NodeLevel level);

// What the events between two nodes add up to. `outgoing` counts events
// from the first node of the pair to the second, `incoming` the reverse.
struct RelationSummary {
  std::int64_t events = 0;
  std::int64_t outgoing = 0;
  std::int64_t incoming = 0;
  double goldstein_sum = 0.0;
  std::array<std::int64_t, 4> quads{};  // events by quad class 1..4
  std::optional<EventDate> first_date;  // by first day
  std::optional<EventDate> last_date;   // by last day

  void add(const EventCodeInfo& event, const std::optional<EventDate>& date, bool outgoing);
  double mean_goldstein() const {
    return events ? goldstein_sum / static_cast<double>(events) : 0.0;
  }
  std::int64_t cooperation() const { return quads[0] + quads[1]; }
  std::int64_t conflict() const { return quads[2] + quads[3]; }
};

// The ego network of a node: every node within `depth` steps (either
// direction), breadth first. Each reached node records the node one step
// closer that it has the most events with (`via`; ties by key) and that
// relation. Only events passing `filter` count.
struct EgoNode {
  NodeRef node;
  int depth = 0;
  std::size_t via = 0;       // index into EgoNetwork::nodes; the centre for depth 1
  RelationSummary relation;  // between `via` (first) and this node
};
struct EgoNetwork {
  std::vector<EgoNode> nodes;  // the centre first (depth 0), then by depth,
                               // most events with `via`, key
  std::size_t reached = 0;     // nodes within the depth, the centre included;
                               // more than nodes.size() when cut by a limit
};
// `limit`, when not 0, cuts the last layer: `nodes` then holds the first
// `limit` nodes after the centre (or every node of the inner layers, when
// they are more), the same as the first ones without a limit. A hub's last
// layer has tens of thousands of nodes and a reader looks at the first few.
EgoNetwork ego_network(const Store& store, const NodeRef& centre, int depth,
                       const EventFilter& filter, NodeLevel level, std::size_t limit = 0);

// Undirected shortest paths (fewest steps, either direction) between two
// nodes, found by expanding both ends through the store's actor index and
// searching the explored part with Boost's breadth_first_search. At most
// `limit` paths (0: all), in order of their node keys; none when the nodes
// are more than `max_depth` steps apart or unconnected.
struct PathSet {
  std::vector<NodeRef> nodes;                   // the nodes on some path
  std::vector<std::vector<std::size_t>> paths;  // indexes into `nodes`
  int steps = -1;                               // -1: no path found
  bool truncated = false;                       // more than `limit` paths exist
};
PathSet shortest_paths(const Store& store, const NodeRef& from, const NodeRef& to,
                       const EventFilter& filter, NodeLevel level, int max_depth,
                       std::size_t limit);

// Every node with events passing `filter`, and one arc per related ordered
// pair of distinct nodes. Reads the whole store (for_each_pair).
struct RelationNetwork {
  struct Node {
    NodeRef ref;
    std::string name;
    std::string code;
    std::int64_t events = 0;  // events it takes part in (with another node)
  };
  struct Arc {  // twelve bytes: networks have millions
    std::uint32_t source = 0;
    std::uint32_t target = 0;
    std::uint32_t events = 0;
  };
  std::vector<Node> nodes;  // in key order
  std::vector<Arc> arcs;    // by source, then target
};
RelationNetwork build_relation_network(const Store& store, const EventFilter& filter,
                                       NodeLevel level,
                                       const Ontology& ontology = Ontology::builtin());

enum class CentralityMeasure : std::uint8_t {
  Degree,       // distinct neighbours, either direction
  PageRank,     // boost::graph::page_rank on the arcs, damping 0.85
  Betweenness,  // brandes_betweenness_centrality, undirected
};
std::string_view to_string(CentralityMeasure measure);
CentralityMeasure parse_centrality(std::string_view name);  // throws GraphError

struct NodeScore {
  std::size_t node = 0;  // index into RelationNetwork::nodes
  double score = 0.0;
  std::int64_t degree = 0;  // distinct neighbours
};
// All nodes, best first (ties: more events, then key).
std::vector<NodeScore> rank_nodes(const RelationNetwork& network, CentralityMeasure measure);

// Connected components of the undirected view, largest first (ties: by
// their first key); members in key order.
struct Component {
  std::vector<std::size_t> nodes;  // indexes into RelationNetwork::nodes
  std::int64_t events = 0;         // events inside the component
};
std::vector<Component> connected_components(const RelationNetwork& network);

}  // namespace geokg

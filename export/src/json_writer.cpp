// JSON writers: networkx's node-link shape and Cytoscape.js's elements
// shape. Both carry the same members, one node or edge per line, streamed
// through the shared buffer.
#include "geokg/export.hpp"
#include "output.hpp"
#include "style.hpp"

namespace geokg {
namespace {

// Appends `,"name":"value"` (escaped) when the value is not empty.
void text_member(Output& out, std::string_view name, std::string_view value) {
  if (value.empty()) return;
  out << ",\"" << name << "\":\"";
  out.json(value) << "\"";
}

// The node's id and other members.
void node_members(Output& out, const GraphNode& node) {
  out << "\"id\":\"";
  out.json(node.key) << "\",\"kind\":\"" << style::to_string(node.kind) << "\"";
  text_member(out, "label", node.name);
  if (node.kind == NodeKind::Event) {
    text_member(out, "code", node.event->code);
    if (node.date) text_member(out, "date", node.date->iso());
    if (node.sentence) out << ",\"sentence\":" << *node.sentence;
    text_member(out, "document", node.document);
    out << ",\"event_id\":" << node.event_id;
  } else {
    text_member(out, "code", node.code);
    text_member(out, "country", node.country);
    text_member(out, "agent", node.agent);
    text_member(out, "type", to_string(node.type));
  }
  out << ",\"events\":" << node.events << ",\"size\":";
  out.number(style::node_size(node.events));
}

// Source, target, the edge id (after `id_prefix`) under `id_name`, and the
// edge's other members.
void edge_members(Output& out, const ActorGraph& graph, const ActorGraph::edge_descriptor& edge,
                  std::size_t index, std::string_view id_name, std::string_view id_prefix) {
  const RelationEdge& relation = graph[edge];
  const EventCodeInfo& event = *relation.event;
  out << "\"source\":\"";
  out.json(graph[boost::source(edge, graph)].key) << "\",\"target\":\"";
  out.json(graph[boost::target(edge, graph)].key)
      << "\",\"" << id_name << "\":\"" << id_prefix << style::edge_id(relation, index) << "\"";
  out << ",\"label\":\"" << event.code << " ";
  out.json(event.label) << "\",\"code\":\"" << event.code << "\",\"root\":\""
                        << std::string_view(event.code).substr(0, 2)
                        << "\",\"quad\":" << static_cast<int>(event.quad()) << ",\"goldstein\":";
  out.number(relation.mean_goldstein());
  if (relation.first_date) {
    const auto first_date = relation.first_date->iso();
    text_member(out, "date", first_date);
    text_member(out, "first_date", first_date);
  }
  if (relation.last_date) text_member(out, "last_date", relation.last_date->iso());
  out << ",\"count\":" << relation.count << ",\"weight\":";
  out.number(relation.weight());
  if (relation.event_id) out << ",\"event_id\":" << relation.event_id;
  out << ",\"color\":\"" << style::quad_colour(event.quad()) << "\",\"role\":\""
      << style::to_string(relation.role) << "\"";
}

}  // namespace

void write_json(const ActorGraph& graph, std::ostream& stream) {
  Output out(stream);
  out << "{\"directed\":true,\"multigraph\":true,\"graph\":{\"name\":\"geokg\","
         "\"geokg_format\":\"geokg-json/"
      << kJsonFormatVersion << "\"},\n\"nodes\":[";
  bool first = true;
  for (const auto vertex : boost::make_iterator_range(boost::vertices(graph))) {
    out << (first ? "\n{" : ",\n{");
    first = false;
    node_members(out, graph[vertex]);
    out << "}";
    out.boundary();
  }
  out << "\n],\n\"links\":[";
  first = true;
  std::size_t index = 0;
  for (const auto edge : boost::make_iterator_range(boost::edges(graph))) {
    out << (first ? "\n{" : ",\n{");
    first = false;
    // networkx's node_link_graph reads the multigraph edge key from "key".
    edge_members(out, graph, edge, index++, "key", "");
    out << "}";
    out.boundary();
  }
  out << "\n]}\n";
  out.flush();
}

void write_cytoscape(const ActorGraph& graph, std::ostream& stream) {
  Output out(stream);
  out << "{\"data\":{\"name\":\"geokg\",\"geokg_format\":\"geokg-cytoscape/"
      << kJsonFormatVersion << "\"},\n\"elements\":{\"nodes\":[";
  bool first = true;
  for (const auto vertex : boost::make_iterator_range(boost::vertices(graph))) {
    out << (first ? "\n{\"data\":{" : ",\n{\"data\":{");
    first = false;
    node_members(out, graph[vertex]);
    out << "}}";
    out.boundary();
  }
  out << "\n],\n\"edges\":[";
  first = true;
  std::size_t index = 0;
  for (const auto edge : boost::make_iterator_range(boost::edges(graph))) {
    out << (first ? "\n{\"data\":{" : ",\n{\"data\":{");
    first = false;
    // Cytoscape.js wants every element's id in "id", nodes and edges in one
    // namespace: "edge:" never occurs in a node id, which has no colon.
    edge_members(out, graph, edge, index++, "id", "edge:");
    out << "}}";
    out.boundary();
  }
  out << "\n]}}\n";
  out.flush();
}

}  // namespace geokg

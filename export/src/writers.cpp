// The GraphML and DOT writers. Both stream: each node and edge is formatted
// and written as it is visited, so memory holds the graph, never the text.
#include <array>
#include <charconv>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "geokg/export.hpp"
#include "output.hpp"
#include "style.hpp"
#include "text_escape.hpp"

namespace geokg {
namespace {

struct GraphmlKey {
  std::string_view id;
  std::string_view domain;  // node, edge or graph
  std::string_view name;
  std::string_view type;
};

constexpr std::array<GraphmlKey, 26> kGraphmlKeys{{
    {"g_format", "graph", "geokg_format", "string"},
    {"v_kind", "node", "kind", "string"},
    {"v_label", "node", "label", "string"},
    {"v_code", "node", "code", "string"},
    {"v_country", "node", "country", "string"},
    {"v_agent", "node", "agent", "string"},
    {"v_type", "node", "type", "string"},
    {"v_events", "node", "events", "int"},
    {"v_size", "node", "size", "double"},
    {"v_date", "node", "date", "string"},
    {"v_sentence", "node", "sentence", "int"},
    {"v_document", "node", "document", "string"},
    {"v_event", "node", "event_id", "long"},
    {"e_label", "edge", "label", "string"},
    {"e_code", "edge", "code", "string"},
    {"e_root", "edge", "root", "string"},
    {"e_quad", "edge", "quad", "int"},
    {"e_goldstein", "edge", "goldstein", "double"},
    {"e_date", "edge", "date", "string"},
    {"e_first_date", "edge", "first_date", "string"},
    {"e_last_date", "edge", "last_date", "string"},
    {"e_count", "edge", "count", "int"},
    {"e_weight", "edge", "weight", "double"},
    {"e_event", "edge", "event_id", "long"},
    {"e_color", "edge", "color", "string"},
    {"e_role", "edge", "role", "string"},
}};

void data(Output& out, std::string_view key, std::string_view escaped_value) {
  out << "      <data key=\"" << key << "\">" << escaped_value << "</data>\n";
}

void text_data(Output& out, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  out << "      <data key=\"" << key << "\">";
  out.xml(value) << "</data>\n";
}

template <typename Value>
void number_data(Output& out, std::string_view key, Value value) {
  out << "      <data key=\"" << key << "\">";
  out.numeric(value) << "</data>\n";
}

// Node ids escaped once per vertex, not once per edge end.
std::vector<std::string> escaped_keys(const ActorGraph& graph, bool for_xml) {
  std::vector<std::string> keys;
  keys.reserve(boost::num_vertices(graph));
  for (const auto vertex : boost::make_iterator_range(boost::vertices(graph))) {
    keys.push_back(for_xml ? escape::xml(graph[vertex].key) : escape::dot(graph[vertex].key));
  }
  return keys;
}

}  // namespace

std::string_view to_string(ExportFormat format) {
  switch (format) {
    case ExportFormat::GraphML: return "graphml";
    case ExportFormat::Dot: return "dot";
    case ExportFormat::Gexf: return "gexf";
    case ExportFormat::Json: return "json";
    case ExportFormat::Cytoscape: return "cytoscape";
    case ExportFormat::Csv: return "csv";
  }
  return "graphml";
}

ExportFormat parse_export_format(std::string_view name) {
  for (auto format : {ExportFormat::GraphML, ExportFormat::Dot, ExportFormat::Gexf,
                      ExportFormat::Json, ExportFormat::Cytoscape, ExportFormat::Csv}) {
    if (to_string(format) == name) return format;
  }
  throw ExportError("unknown export format \"" + std::string(name) +
                    "\" (expected graphml, dot, gexf, json, cytoscape or csv)");
}

void write_graphml(const ActorGraph& graph, std::ostream& stream) {
  Output out(stream);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const auto& key : kGraphmlKeys) {
    out << "  <key id=\"" << key.id << "\" for=\"" << key.domain << "\" attr.name=\"" << key.name
        << "\" attr.type=\"" << key.type << "\"/>\n";
  }
  out << "  <graph id=\"geokg\" edgedefault=\"directed\">\n"
      << "    <data key=\"g_format\">geokg-graphml/" << kGraphmlFormatVersion << "</data>\n";
  const auto keys = escaped_keys(graph, true);
  for (const auto vertex : boost::make_iterator_range(boost::vertices(graph))) {
    const GraphNode& node = graph[vertex];
    out << "    <node id=\"" << keys[vertex] << "\">\n";
    data(out, "v_kind", style::to_string(node.kind));
    text_data(out, "v_label", node.name);
    if (node.kind == NodeKind::Event) {
      data(out, "v_code", node.event->code);
      if (node.date) data(out, "v_date", node.date->iso());
      if (node.sentence) number_data(out, "v_sentence", *node.sentence);
      text_data(out, "v_document", node.document);
      number_data(out, "v_event", node.event_id);
    } else {
      text_data(out, "v_code", node.code);
      text_data(out, "v_country", node.country);
      text_data(out, "v_agent", node.agent);
      text_data(out, "v_type", to_string(node.type));
    }
    number_data(out, "v_events", node.events);
    number_data(out, "v_size", style::node_size(node.events));
    out << "    </node>\n";
    out.boundary();
  }
  std::size_t index = 0;
  for (const auto edge : boost::make_iterator_range(boost::edges(graph))) {
    const RelationEdge& relation = graph[edge];
    const EventCodeInfo& event = *relation.event;
    out << "    <edge id=\"" << style::edge_id(relation, index++);
    out << "\" source=\"" << keys[boost::source(edge, graph)] << "\" target=\""
        << keys[boost::target(edge, graph)] << "\">\n";
    out << "      <data key=\"e_label\">" << event.code << " ";
    out.xml(event.label) << "</data>\n";
    data(out, "e_code", event.code);
    data(out, "e_root", std::string_view(event.code).substr(0, 2));
    number_data(out, "e_quad", static_cast<int>(event.quad()));
    number_data(out, "e_goldstein", relation.mean_goldstein());
    if (relation.first_date) {
      const auto first = relation.first_date->iso();
      data(out, "e_date", first);
      data(out, "e_first_date", first);
    }
    if (relation.last_date) data(out, "e_last_date", relation.last_date->iso());
    number_data(out, "e_count", relation.count);
    number_data(out, "e_weight", relation.weight());
    if (relation.event_id) number_data(out, "e_event", relation.event_id);
    data(out, "e_color", style::quad_colour(event.quad()));
    data(out, "e_role", style::to_string(relation.role));
    out << "    </edge>\n";
    out.boundary();
  }
  out << "  </graph>\n</graphml>\n";
  out.flush();
}

void write_dot(const ActorGraph& graph, std::ostream& stream) {
  Output out(stream);
  out << "// geokg-dot " << kDotFormatVersion << ": actors and their CAMEO-coded relations\n"
      << "digraph \"geokg\" {\n"
      << "  graph [geokg_format=\"geokg-dot/" << kDotFormatVersion
      << "\", rankdir=\"LR\", charset=\"UTF-8\", fontname=\"Helvetica\"];\n"
      << "  node [shape=\"box\", style=\"rounded\", fontname=\"Helvetica\"];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=\"10\"];\n";
  const auto keys = escaped_keys(graph, false);
  for (const auto vertex : boost::make_iterator_range(boost::vertices(graph))) {
    const GraphNode& node = graph[vertex];
    out << "  \"" << keys[vertex] << "\" [label=\"";
    if (node.kind == NodeKind::Event) {
      out << node.event->code;
      if (node.date) out << "\\n" << node.date->iso();  // a Graphviz line break
      out << "\", shape=\"ellipse\", kind=\"event\", code=\"" << node.event->code << "\"";
    } else {
      out.dot(node.name);
      if (!node.code.empty()) {
        out << "\\n";  // a Graphviz line break, written as is
        out.dot(node.code);
      }
      out << "\", type=\"" << to_string(node.type) << "\"";
      if (!node.code.empty()) {
        out << ", code=\"";
        out.dot(node.code) << "\"";
      }
    }
    out << ", events=\"" << node.events << "\"";
    out << "];\n";
    out.boundary();
  }
  for (const auto edge : boost::make_iterator_range(boost::edges(graph))) {
    const RelationEdge& relation = graph[edge];
    const EventCodeInfo& event = *relation.event;
    out << "  \"" << keys[boost::source(edge, graph)] << "\" -> \""
        << keys[boost::target(edge, graph)] << "\" [label=\"" << event.code << " ";
    out.dot(event.label);
    if (relation.count > 1) out << " (" << relation.count << ")";
    out << "\", code=\"" << event.code << "\", quad=\"" << static_cast<int>(event.quad())
        << "\", color=\"" << style::quad_colour(event.quad()) << "\", weight=\"" << relation.count
        << "\", penwidth=\"";
    out.number(style::edge_width(relation.count)) << "\"";
    if (relation.first_date) out << ", date=\"" << relation.first_date->iso() << "\"";
    if (relation.event_id) out << ", event_id=\"" << relation.event_id << "\"";
    out << "];\n";
    out.boundary();
  }
  out << "}\n";
  out.flush();
}

void write_graph(const ActorGraph& graph, ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::GraphML: write_graphml(graph, out); return;
    case ExportFormat::Dot: write_dot(graph, out); return;
    case ExportFormat::Gexf: write_gexf(graph, out); return;
    case ExportFormat::Json: write_json(graph, out); return;
    case ExportFormat::Cytoscape: write_cytoscape(graph, out); return;
    case ExportFormat::Csv:
      throw ExportError("CSV is two tables (nodes and edges): write them with export_graph");
  }
}

}  // namespace geokg

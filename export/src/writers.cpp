// The GraphML and DOT writers. Both stream: each node and edge is formatted
// and written as it is visited, so memory holds the graph, never the text.
#include <array>
#include <charconv>

#include "geokg/export.hpp"
#include "text_escape.hpp"

namespace geokg {
namespace {

std::string number(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

// Edge colours by quad class: greens and blues for cooperation, orange and
// red for conflict; the same palette in every format.
std::string_view quad_colour(QuadClass quad) {
  switch (quad) {
    case QuadClass::VerbalCooperation: return "#4caf50";
    case QuadClass::MaterialCooperation: return "#1e88e5";
    case QuadClass::VerbalConflict: return "#fb8c00";
    case QuadClass::MaterialConflict: return "#e53935";
  }
  return "#777777";
}

std::string edge_label(const RelationEdge& edge) {
  return edge.event->code + " " + edge.event->label;
}

std::string edge_id(const RelationEdge& edge, std::size_t index) {
  return edge.event_id ? "ev" + std::to_string(edge.event_id) : "e" + std::to_string(index);
}

struct GraphmlKey {
  std::string_view id;
  std::string_view domain;  // node, edge or graph
  std::string_view name;
  std::string_view type;
};

constexpr std::array<GraphmlKey, 19> kGraphmlKeys{{
    {"g_format", "graph", "geokg_format", "string"},
    {"v_label", "node", "label", "string"},
    {"v_code", "node", "code", "string"},
    {"v_country", "node", "country", "string"},
    {"v_agent", "node", "agent", "string"},
    {"v_type", "node", "type", "string"},
    {"v_events", "node", "events", "int"},
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
}};

void data(std::ostream& out, std::string_view key, std::string_view escaped_value) {
  out << "      <data key=\"" << key << "\">" << escaped_value << "</data>\n";
}

void text_data(std::ostream& out, std::string_view key, std::string_view value) {
  if (!value.empty()) data(out, key, escape::xml(value));
}

}  // namespace

std::string_view to_string(ExportFormat format) {
  switch (format) {
    case ExportFormat::GraphML: return "graphml";
    case ExportFormat::Dot: return "dot";
  }
  return "graphml";
}

ExportFormat parse_export_format(std::string_view name) {
  for (auto format : {ExportFormat::GraphML, ExportFormat::Dot}) {
    if (to_string(format) == name) return format;
  }
  throw ExportError("unknown export format \"" + std::string(name) + "\" (expected graphml or dot)");
}

void write_graphml(const ActorGraph& graph, std::ostream& out) {
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
  for (const auto vertex : boost::make_iterator_range(boost::vertices(graph))) {
    const ActorVertex& actor = graph[vertex];
    out << "    <node id=\"" << escape::xml(actor.key) << "\">\n";
    text_data(out, "v_label", actor.name);
    text_data(out, "v_code", actor.code);
    text_data(out, "v_country", actor.country);
    text_data(out, "v_agent", actor.agent);
    text_data(out, "v_type", to_string(actor.type));
    data(out, "v_events", std::to_string(actor.events));
    out << "    </node>\n";
  }
  std::size_t index = 0;
  for (const auto edge : boost::make_iterator_range(boost::edges(graph))) {
    const RelationEdge& relation = graph[edge];
    out << "    <edge id=\"" << edge_id(relation, index++) << "\" source=\""
        << escape::xml(graph[boost::source(edge, graph)].key) << "\" target=\""
        << escape::xml(graph[boost::target(edge, graph)].key) << "\">\n";
    text_data(out, "e_label", edge_label(relation));
    data(out, "e_code", relation.event->code);
    data(out, "e_root", relation.event->root());
    data(out, "e_quad", std::to_string(static_cast<int>(relation.event->quad())));
    data(out, "e_goldstein", number(relation.mean_goldstein()));
    if (relation.first_date) {
      data(out, "e_date", relation.first_date->iso());
      data(out, "e_first_date", relation.first_date->iso());
    }
    if (relation.last_date) data(out, "e_last_date", relation.last_date->iso());
    data(out, "e_count", std::to_string(relation.count));
    data(out, "e_weight", number(relation.weight()));
    if (relation.event_id) data(out, "e_event", std::to_string(relation.event_id));
    data(out, "e_color", quad_colour(relation.event->quad()));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void write_dot(const ActorGraph& graph, std::ostream& out) {
  out << "// geokg-dot " << kDotFormatVersion << ": actors and their CAMEO-coded relations\n"
      << "digraph \"geokg\" {\n"
      << "  graph [geokg_format=\"geokg-dot/" << kDotFormatVersion
      << "\", rankdir=\"LR\", charset=\"UTF-8\", fontname=\"Helvetica\"];\n"
      << "  node [shape=\"box\", style=\"rounded\", fontname=\"Helvetica\"];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=\"10\"];\n";
  for (const auto vertex : boost::make_iterator_range(boost::vertices(graph))) {
    const ActorVertex& actor = graph[vertex];
    out << "  \"" << escape::dot(actor.key) << "\" [label=\"" << escape::dot(actor.name);
    if (!actor.code.empty()) out << "\\n" << escape::dot(actor.code);
    out << "\", type=\"" << to_string(actor.type) << "\"";
    if (!actor.code.empty()) out << ", code=\"" << escape::dot(actor.code) << "\"";
    out << "];\n";
  }
  for (const auto edge : boost::make_iterator_range(boost::edges(graph))) {
    const RelationEdge& relation = graph[edge];
    out << "  \"" << escape::dot(graph[boost::source(edge, graph)].key) << "\" -> \""
        << escape::dot(graph[boost::target(edge, graph)].key) << "\" [label=\""
        << escape::dot(edge_label(relation));
    if (relation.count > 1) out << " (" << relation.count << ")";
    out << "\", code=\"" << relation.event->code << "\", quad=\""
        << static_cast<int>(relation.event->quad()) << "\", color=\""
        << quad_colour(relation.event->quad()) << "\", weight=\"" << relation.count << "\"";
    if (relation.first_date) out << ", date=\"" << relation.first_date->iso() << "\"";
    if (relation.event_id) out << ", event_id=\"" << relation.event_id << "\"";
    out << "];\n";
  }
  out << "}\n";
}

void write_graph(const ActorGraph& graph, ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::GraphML: write_graphml(graph, out); return;
    case ExportFormat::Dot: write_dot(graph, out); return;
  }
}

}  // namespace geokg

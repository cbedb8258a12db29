// The GraphML and DOT writers. Both stream: each node and edge is formatted
// and written as it is visited, so memory holds the graph, never the text.
#include <array>
#include <charconv>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "geokg/export.hpp"
#include "text_escape.hpp"

namespace geokg {
namespace {

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

// Output assembled in a string and handed to the stream in large pieces:
// per-value stream inserts cost a third of export time.
class Output {
 public:
  explicit Output(std::ostream& out) : out_(out) { text_.reserve(kFlushAt + 4096); }
  ~Output() = default;
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::string& text() { return text_; }
  Output& operator<<(std::string_view piece) {
    text_.append(piece);
    return *this;
  }
  Output& operator<<(std::int64_t value) {
    std::array<char, 24> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    text_.append(digits.data(), result.ptr);
    return *this;
  }
  Output& operator<<(int value) { return *this << static_cast<std::int64_t>(value); }
  Output& number(double value) {
    std::array<char, 32> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    text_.append(digits.data(), result.ptr);
    return *this;
  }
  Output& xml(std::string_view value) {
    escape::append_xml(text_, value);
    return *this;
  }
  Output& dot(std::string_view value) {
    escape::append_dot(text_, value);
    return *this;
  }
  // Call at element boundaries; writes out when enough has collected.
  void boundary() {
    if (text_.size() >= kFlushAt) flush();
  }
  void flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 20;
  std::ostream& out_;
  std::string text_;
};

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
  if constexpr (std::is_floating_point_v<Value>) {
    out.number(value);
  } else {
    out << static_cast<std::int64_t>(value);
  }
  out << "</data>\n";
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
  }
  return "graphml";
}

ExportFormat parse_export_format(std::string_view name) {
  for (auto format : {ExportFormat::GraphML, ExportFormat::Dot}) {
    if (to_string(format) == name) return format;
  }
  throw ExportError("unknown export format \"" + std::string(name) + "\" (expected graphml or dot)");
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
    const ActorVertex& actor = graph[vertex];
    out << "    <node id=\"" << keys[vertex] << "\">\n";
    text_data(out, "v_label", actor.name);
    text_data(out, "v_code", actor.code);
    text_data(out, "v_country", actor.country);
    text_data(out, "v_agent", actor.agent);
    text_data(out, "v_type", to_string(actor.type));
    number_data(out, "v_events", actor.events);
    out << "    </node>\n";
    out.boundary();
  }
  std::size_t index = 0;
  for (const auto edge : boost::make_iterator_range(boost::edges(graph))) {
    const RelationEdge& relation = graph[edge];
    const EventCodeInfo& event = *relation.event;
    out << "    <edge id=\"";
    if (relation.event_id) {
      out << "ev" << relation.event_id;
    } else {
      out << "e" << static_cast<std::int64_t>(index);
    }
    ++index;
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
    data(out, "e_color", quad_colour(event.quad()));
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
    const ActorVertex& actor = graph[vertex];
    out << "  \"" << keys[vertex] << "\" [label=\"";
    out.dot(actor.name);
    if (!actor.code.empty()) {
      out << "\\n";  // a Graphviz line break, written as is
      out.dot(actor.code);
    }
    out << "\", type=\"" << to_string(actor.type) << "\"";
    if (!actor.code.empty()) {
      out << ", code=\"";
      out.dot(actor.code) << "\"";
    }
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
        << "\", color=\"" << quad_colour(event.quad()) << "\", weight=\"" << relation.count << "\"";
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
  }
}

}  // namespace geokg

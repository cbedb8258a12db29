// GEXF 1.3 writer: a dynamic graph for Gephi, streamed like the GraphML
// writer (each node and edge is formatted and written as it is visited).
//
// Time: edges and event nodes carry `start` and `end` attributes (the first
// day of their first date and the last day of their last date, timeformat
// "date", both inclusive), which the RELAX NG schema allows on <node> and
// <edge> and Gephi reads as one interval. Actor nodes and undated edges carry
// none, so they are present at every time.
//
// Attributes: the GraphML attribute set with the same ids (v_*, e_*), minus
// label and weight, which GEXF has as native node and edge attributes. No
// timestamps anywhere: the same graph always gives the same bytes.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "geokg/export.hpp"
#include "output.hpp"
#include "style.hpp"
#include "text_escape.hpp"

namespace geokg {
namespace {

struct GexfAttribute {
  std::string_view id;
  std::string_view title;
  std::string_view type;  // GEXF attribute types: string, integer, long, double
};

constexpr std::array<GexfAttribute, 11> kNodeAttributes{{
    {"v_kind", "kind", "string"},
    {"v_code", "code", "string"},
    {"v_country", "country", "string"},
    {"v_agent", "agent", "string"},
    {"v_type", "type", "string"},
    {"v_events", "events", "integer"},
    {"v_size", "size", "double"},
    {"v_date", "date", "string"},
    {"v_sentence", "sentence", "integer"},
    {"v_document", "document", "string"},
    {"v_event", "event_id", "long"},
}};

constexpr std::array<GexfAttribute, 11> kEdgeAttributes{{
    {"e_code", "code", "string"},
    {"e_root", "root", "string"},
    {"e_quad", "quad", "integer"},
    {"e_goldstein", "goldstein", "double"},
    {"e_date", "date", "string"},
    {"e_first_date", "first_date", "string"},
    {"e_last_date", "last_date", "string"},
    {"e_count", "count", "integer"},
    {"e_event", "event_id", "long"},
    {"e_color", "color", "string"},
    {"e_role", "role", "string"},
}};

void declare(Output& out, std::string_view domain, const auto& attributes) {
  out << "    <attributes class=\"" << domain << "\" mode=\"static\">\n";
  for (const auto& attribute : attributes) {
    out << "      <attribute id=\"" << attribute.id << "\" title=\"" << attribute.title
        << "\" type=\"" << attribute.type << "\"/>\n";
  }
  out << "    </attributes>\n";
}

// An <attvalue> whose value needs no escaping (codes, dates, enum names).
void value(Output& out, std::string_view id, std::string_view plain_value) {
  out << "          <attvalue for=\"" << id << "\" value=\"" << plain_value << "\"/>\n";
}

// An <attvalue> of stored text, escaped; none when the text is empty.
void text_value(Output& out, std::string_view id, std::string_view text) {
  if (text.empty()) return;
  out << "          <attvalue for=\"" << id << "\" value=\"";
  out.xml(text) << "\"/>\n";
}

template <typename Value>
void number_value(Output& out, std::string_view id, Value number) {
  out << "          <attvalue for=\"" << id << "\" value=\"";
  out.numeric(number) << "\"/>\n";
}

// A yyyymmdd day as an xsd:date, "2023-07-01"; the year padded to four digits.
void day(Output& out, std::int32_t yyyymmdd) {
  const auto digits = [&out](std::int32_t number, int width) {
    std::array<char, 4> text{};
    for (int i = width - 1; i >= 0; --i) {
      text[static_cast<std::size_t>(i)] = static_cast<char>('0' + number % 10);
      number /= 10;
    }
    out << std::string_view(text.data(), static_cast<std::size_t>(width));
  };
  digits(yyyymmdd / 10000, 4);
  out << "-";
  digits(yyyymmdd / 100 % 100, 2);
  out << "-";
  digits(yyyymmdd % 100, 2);
}

// ` start="..." end="..."` covering [first.first_day, last.last_day]; nothing
// when both dates are missing. One missing date stands in for the other.
void interval(Output& out, const std::optional<EventDate>& first,
              const std::optional<EventDate>& last) {
  if (!first && !last) return;
  out << " start=\"";
  day(out, (first ? *first : *last).first_day());
  out << "\" end=\"";
  day(out, (last ? *last : *first).last_day());
  out << "\"";
}

// Node ids escaped once per vertex, not once per edge end.
std::vector<std::string> escaped_keys(const ActorGraph& graph) {
  std::vector<std::string> keys;
  keys.reserve(boost::num_vertices(graph));
  for (const auto vertex : boost::make_iterator_range(boost::vertices(graph))) {
    keys.push_back(escape::xml(graph[vertex].key));
  }
  return keys;
}

}  // namespace

void write_gexf(const ActorGraph& graph, std::ostream& stream) {
  Output out(stream);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
         "version=\"1.3\">\n"
         "  <meta>\n"
         "    <creator>geokg</creator>\n"
         "    <description>geokg-gexf/"
      << kGexfFormatVersion
      << ": actors and their CAMEO-coded relations</description>\n"
         "  </meta>\n"
         "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" "
         "timerepresentation=\"interval\" idtype=\"string\">\n";
  declare(out, "node", kNodeAttributes);
  declare(out, "edge", kEdgeAttributes);

  const auto keys = escaped_keys(graph);
  out << "    <nodes count=\"" << static_cast<std::int64_t>(boost::num_vertices(graph)) << "\">\n";
  for (const auto vertex : boost::make_iterator_range(boost::vertices(graph))) {
    const GraphNode& node = graph[vertex];
    out << "      <node id=\"" << keys[vertex] << "\" label=\"";
    out.xml(node.name) << "\"";
    if (node.kind == NodeKind::Event) interval(out, node.date, node.date);
    out << ">\n        <attvalues>\n";
    value(out, "v_kind", style::to_string(node.kind));
    if (node.kind == NodeKind::Event) {
      value(out, "v_code", node.event->code);
      if (node.date) value(out, "v_date", node.date->iso());
      if (node.sentence) number_value(out, "v_sentence", *node.sentence);
      text_value(out, "v_document", node.document);
      number_value(out, "v_event", node.event_id);
    } else {
      text_value(out, "v_code", node.code);
      text_value(out, "v_country", node.country);
      text_value(out, "v_agent", node.agent);
      text_value(out, "v_type", to_string(node.type));
    }
    number_value(out, "v_events", node.events);
    const double size = style::node_size(node.events);
    number_value(out, "v_size", size);
    out << "        </attvalues>\n        <viz:size value=\"";
    out.number(size) << "\"/>\n      </node>\n";
    out.boundary();
  }
  out << "    </nodes>\n";

  out << "    <edges count=\"" << static_cast<std::int64_t>(boost::num_edges(graph)) << "\">\n";
  std::size_t index = 0;
  for (const auto edge : boost::make_iterator_range(boost::edges(graph))) {
    const RelationEdge& relation = graph[edge];
    const EventCodeInfo& event = *relation.event;
    const style::Rgb rgb = style::quad_rgb(event.quad());
    out << "      <edge id=\"" << style::edge_id(relation, index++) << "\" source=\""
        << keys[boost::source(edge, graph)] << "\" target=\"" << keys[boost::target(edge, graph)]
        << "\" label=\"" << event.code << " ";
    out.xml(event.label) << "\" weight=\"";
    out.number(relation.weight()) << "\" kind=\"" << event.code << "\"";
    interval(out, relation.first_date, relation.last_date);
    out << ">\n        <attvalues>\n";
    value(out, "e_code", event.code);
    value(out, "e_root", std::string_view(event.code).substr(0, 2));
    number_value(out, "e_quad", static_cast<int>(event.quad()));
    number_value(out, "e_goldstein", relation.mean_goldstein());
    if (relation.first_date) {
      const auto first = relation.first_date->iso();
      value(out, "e_date", first);
      value(out, "e_first_date", first);
    }
    if (relation.last_date) value(out, "e_last_date", relation.last_date->iso());
    number_value(out, "e_count", relation.count);
    if (relation.event_id) number_value(out, "e_event", relation.event_id);
    value(out, "e_color", style::quad_colour(event.quad()));
    value(out, "e_role", style::to_string(relation.role));
    out << "        </attvalues>\n        <viz:color r=\"" << rgb.red << "\" g=\"" << rgb.green
        << "\" b=\"" << rgb.blue << "\"/>\n      </edge>\n";
    out.boundary();
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
  out.flush();
}

}  // namespace geokg

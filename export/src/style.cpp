#include "style.hpp"

#include <cmath>

namespace geokg::style {

Rgb quad_rgb(QuadClass quad) {
  switch (quad) {
    case QuadClass::VerbalCooperation: return {0x4c, 0xaf, 0x50};
    case QuadClass::MaterialCooperation: return {0x1e, 0x88, 0xe5};
    case QuadClass::VerbalConflict: return {0xfb, 0x8c, 0x00};
    case QuadClass::MaterialConflict: return {0xe5, 0x39, 0x35};
  }
  return {0x77, 0x77, 0x77};
}

std::string_view quad_colour(QuadClass quad) {
  switch (quad) {
    case QuadClass::VerbalCooperation: return "#4caf50";
    case QuadClass::MaterialCooperation: return "#1e88e5";
    case QuadClass::VerbalConflict: return "#fb8c00";
    case QuadClass::MaterialConflict: return "#e53935";
  }
  return "#777777";
}

double node_size(std::int64_t events) {
  const double size = 8.0 + 6.0 * std::log2(1.0 + static_cast<double>(events < 0 ? 0 : events));
  return std::round(size * 100.0) / 100.0;  // two decimals read better in every format
}

double edge_width(std::int64_t count) {
  const double width = 1.0 + std::log2(static_cast<double>(count < 1 ? 1 : count));
  return std::round(width * 100.0) / 100.0;
}

std::string edge_id(const RelationEdge& edge, std::size_t index) {
  if (edge.event_id == 0) return "e" + std::to_string(index);
  std::string id = "ev" + std::to_string(edge.event_id);
  if (edge.role == EdgeRole::Source) id += "-s";
  if (edge.role == EdgeRole::Target) id += "-t";
  return id;
}

std::string_view to_string(NodeKind kind) { return kind == NodeKind::Event ? "event" : "actor"; }

std::string_view to_string(EdgeRole role) {
  switch (role) {
    case EdgeRole::Relation: return "relation";
    case EdgeRole::Source: return "source";
    case EdgeRole::Target: return "target";
  }
  return "relation";
}

}  // namespace geokg::style

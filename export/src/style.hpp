// Styling and naming shared by every writer; private to export/.
#pragma once

#include <string>
#include <string_view>

#include "geokg/graph.hpp"

namespace geokg::style {

struct Rgb {
  int red;
  int green;
  int blue;
};

// Edge colours by quad class: green and blue for cooperation (verbal,
// material), orange and red for conflict; the same palette in every format.
Rgb quad_rgb(QuadClass quad);
std::string_view quad_colour(QuadClass quad);  // "#4caf50"

// Node size from the number of events a node takes part in: logarithmic, so
// hubs stay readable next to actors with one event. 14 for one event.
double node_size(std::int64_t events);
// Edge width (DOT penwidth) from the number of events behind the edge: 1 for
// one event, growing logarithmically.
double edge_width(std::int64_t count);

// Stable edge ids, the same in every format: "ev<event id>" in per-event
// mode ("ev<id>-s" and "ev<id>-t" for the two bipartite edges of an event),
// "e<index>" for aggregated edges.
std::string edge_id(const RelationEdge& edge, std::size_t index);

std::string_view to_string(NodeKind kind);  // "actor", "event"
std::string_view to_string(EdgeRole role);  // "relation", "source", "target"

}  // namespace geokg::style

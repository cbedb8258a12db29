// geokg export: writes actor graphs in formats other tools read. The only
// header other stages include from export/.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "geokg/graph.hpp"

namespace geokg {

// The output could not be written (bad path, disk full) or the format is
// unknown.
class ExportError : public Error {
 public:
  using Error::Error;
};

enum class ExportFormat { GraphML, Dot, Gexf, Json, Cytoscape, Csv };

std::string_view to_string(ExportFormat format);
ExportFormat parse_export_format(std::string_view name);  // throws ExportError

// Versions of our exported dialects, written into every file.
inline constexpr int kGraphmlFormatVersion = 2;
inline constexpr int kDotFormatVersion = 2;
inline constexpr int kGexfFormatVersion = 1;
inline constexpr int kJsonFormatVersion = 1;
inline constexpr int kCsvFormatVersion = 1;

// GraphML 1.0 for Gephi, networkx and igraph: a typed <key> for every
// attribute, actor keys as node ids, and text that is XML-escaped with every
// character XML 1.0 forbids (and every control character, which Gephi
// rejects) removed. Invalid UTF-8 is replaced by U+FFFD.
void write_graphml(const ActorGraph& graph, std::ostream& out);

// Graphviz DOT: every id and label quoted, quotes and backslashes escaped,
// control characters removed; edges coloured by CAMEO quad class.
void write_dot(const ActorGraph& graph, std::ostream& out);

// GEXF 1.3 for Gephi, dynamic: edges (and event nodes) carry their dates as
// time intervals, so Gephi's timeline plays the relations; typed attributes;
// each edge's `kind` is its CAMEO code, so Gephi keeps parallel relations
// apart; viz colour by quad class and viz size by event count. Valid against
// the GEXF 1.3 RELAX NG schema.
void write_gexf(const ActorGraph& graph, std::ostream& out);

// JSON node-link, the shape of networkx's node_link_data (read back with
// networkx.node_link_graph), D3 and Cytoscape.js: {"directed", "multigraph",
// "graph", "nodes": [{"id", ...}], "links": [{"source", "target", "key", ...}]}.
void write_json(const ActorGraph& graph, std::ostream& out);

// JSON in Cytoscape.js's elements shape, which cy.add() and cytoscape({
// elements }) take: {"data", "elements": {"nodes": [{"data": {"id", ...}}],
// "edges": [{"data": {"id", "source", "target", ...}}]}}. The members are
// those of write_json; edge ids are prefixed "edge:", since Cytoscape.js
// keeps node and edge ids in one namespace.
void write_cytoscape(const ActorGraph& graph, std::ostream& out);

// CSV tables for Gephi's spreadsheet importer, RFC 4180 quoting, UTF-8.
// Nodes: Id, Label, then attributes. Edges: Source, Target, Type, Id, Label,
// Weight, then attributes.
void write_csv_nodes(const ActorGraph& graph, std::ostream& out);
void write_csv_edges(const ActorGraph& graph, std::ostream& out);

// Every format except CSV, which is two tables (see export_graph).
void write_graph(const ActorGraph& graph, ExportFormat format, std::ostream& out);

// Writes `graph` to `path` atomically: into a temporary file in the same
// directory, flushed, then renamed over `path`, so readers never see half a
// file. "-" writes to standard output. CSV writes two files, PATH.nodes.csv
// and PATH.edges.csv (a trailing ".csv" of PATH is dropped first), and
// refuses "-". Throws ExportError naming the path.
void export_graph(const ActorGraph& graph, ExportFormat format, const std::string& path);

}  // namespace geokg

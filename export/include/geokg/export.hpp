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

enum class ExportFormat { GraphML, Dot };

std::string_view to_string(ExportFormat format);
ExportFormat parse_export_format(std::string_view name);  // throws ExportError

// Versions of our exported dialects, written into every file.
inline constexpr int kGraphmlFormatVersion = 1;
inline constexpr int kDotFormatVersion = 1;

// GraphML 1.0 for Gephi, networkx and igraph: a typed <key> for every
// attribute, actor keys as node ids, and text that is XML-escaped with every
// character XML 1.0 forbids (and every control character, which Gephi
// rejects) removed. Invalid UTF-8 is replaced by U+FFFD.
void write_graphml(const ActorGraph& graph, std::ostream& out);

// Graphviz DOT: every id and label quoted, quotes and backslashes escaped,
// control characters removed; edges coloured by CAMEO quad class.
void write_dot(const ActorGraph& graph, std::ostream& out);

void write_graph(const ActorGraph& graph, ExportFormat format, std::ostream& out);

// Writes `graph` to `path` atomically: into a temporary file in the same
// directory, flushed, then renamed over `path`, so readers never see half a
// file. "-" writes to standard output. Throws ExportError naming the path.
void export_graph(const ActorGraph& graph, ExportFormat format, const std::string& path);

}  // namespace geokg

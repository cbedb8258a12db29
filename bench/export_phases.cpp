// Times the phases of an export apart: reading the store and building the
// graph, then writing it. `geokg export` times them together; the writer's own
// rate is what compares with other writers (networkx times only its write).
//
// usage: export_phases --db FILE --out FILE [--format graphml|dot|gexf|json|csv]
//                      [--edges event|aggregate]
// Prints one line of JSON.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <string>

#include "geokg/export.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  std::string out;
  std::string format = "graphml";
  std::string edges = "event";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    const std::string value = argv[i + 1];
    if (option == "--db") {
      db = value;
    } else if (option == "--out") {
      out = value;
    } else if (option == "--format") {
      format = value;
    } else if (option == "--edges") {
      edges = value;
    } else {
      std::fprintf(stderr, "export_phases: unknown option %s\n", option.c_str());
      return 1;
    }
  }
  if (db.empty() || out.empty()) {
    std::fprintf(stderr,
                 "usage: export_phases --db FILE --out FILE [--format graphml|dot|gexf|json|csv] "
                 "[--edges event|aggregate]\n");
    return 1;
  }
  try {
    auto store = geokg::open_sqlite_store(db, geokg::OpenMode::MustExist);
    geokg::GraphOptions options;
    options.mode = edges == "event" ? geokg::EdgeMode::PerEvent : geokg::EdgeMode::Aggregated;
    auto start = std::chrono::steady_clock::now();
    const auto graph = geokg::build_actor_graph(*store, options);
    const double build = seconds_since(start);
    const auto export_format = geokg::parse_export_format(format);
    // Formatting alone, into a stream that discards: no file system involved.
    std::ostream discard(nullptr);
    start = std::chrono::steady_clock::now();
    if (export_format == geokg::ExportFormat::Csv) {
      geokg::write_csv_nodes(graph, discard);
      geokg::write_csv_edges(graph, discard);
    } else {
      geokg::write_graph(graph, export_format, discard);
    }
    const double format_only = seconds_since(start);
    // The real export: temporary file, fsync, rename.
    start = std::chrono::steady_clock::now();
    geokg::export_graph(graph, export_format, out);
    const double write = seconds_since(start);
    const auto count = static_cast<double>(boost::num_edges(graph));
    std::printf(
        "{\"format\": \"%s\", \"edges\": %zu, \"nodes\": %zu, \"build_seconds\": %.3f, "
        "\"format_seconds\": %.3f, \"write_seconds\": %.3f, \"build_edges_per_second\": %.0f, "
        "\"format_edges_per_second\": %.0f, \"write_edges_per_second\": %.0f}\n",
        format.c_str(), boost::num_edges(graph), boost::num_vertices(graph), build, format_only,
        write, count / build, count / format_only, count / write);
  } catch (const geokg::Error& error) {
    std::fprintf(stderr, "export_phases: %s\n", error.what());
    return 2;
  }
  return 0;
}

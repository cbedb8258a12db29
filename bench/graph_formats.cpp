// graph_formats: Google Benchmark of the in-process export phases on one or
// more stores: building the per-event actor graph from the store, and
// formatting it in each export format into a stream that counts and discards
// the bytes (no file system). bench/export-scale runs it on stores of 10k,
// 100k and 1M events; `geokg export` is timed there as a whole process.
//
//   graph_formats --db FILE [--db FILE ...] [--benchmark_... flags]
//
// Benchmarks are named build/STORE and format/FORMAT/STORE (STORE: the file
// name without directory and extension); each reports edges/s (the
// `items_per_second` counter, per CPU second), the edges, and for the formats
// output bytes per second and bytes per edge.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "geokg/export.hpp"

namespace {

// A stream buffer that counts what it is given and keeps none of it.
class CountingBuffer : public std::streambuf {
 public:
  std::size_t count() const { return count_; }

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count_ += static_cast<std::size_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) ++count_;
    return traits_type::not_eof(c);
  }

 private:
  std::size_t count_ = 0;
};

geokg::GraphOptions per_event() {
  geokg::GraphOptions options;
  options.mode = geokg::EdgeMode::PerEvent;
  return options;
}

// One store's graph, built once for the format benchmarks; the previous
// store's graph is dropped first, so at most one is held.
const geokg::ActorGraph& graph_of(const std::string& db) {
  static std::string held_db;
  static std::unique_ptr<geokg::ActorGraph> held;
  if (held_db != db) {
    held.reset();
    auto store = geokg::open_sqlite_store(db, geokg::OpenMode::MustExist);
    held = std::make_unique<geokg::ActorGraph>(geokg::build_actor_graph(*store, per_event()));
    held_db = db;
  }
  return *held;
}

void build(benchmark::State& state, const std::string& db) {
  auto store = geokg::open_sqlite_store(db, geokg::OpenMode::MustExist);
  std::size_t edges = 0;
  for (auto _ : state) {
    auto graph = geokg::build_actor_graph(*store, per_event());
    edges = boost::num_edges(graph);
    benchmark::DoNotOptimize(edges);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * edges));
  state.counters["edges"] = static_cast<double>(edges);
}

void format(benchmark::State& state, const std::string& db, geokg::ExportFormat export_format) {
  const auto& graph = graph_of(db);
  std::size_t bytes = 0;
  for (auto _ : state) {
    CountingBuffer buffer;
    std::ostream out(&buffer);
    if (export_format == geokg::ExportFormat::Csv) {
      geokg::write_csv_nodes(graph, out);
      geokg::write_csv_edges(graph, out);
    } else {
      geokg::write_graph(graph, export_format, out);
    }
    bytes = buffer.count();
  }
  const auto edges = boost::num_edges(graph);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * edges));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["edges"] = static_cast<double>(edges);
  state.counters["bytes_per_edge"] =
      edges == 0 ? 0.0 : static_cast<double>(bytes) / static_cast<double>(edges);
}

// A store's name in the benchmark names: its file name without directory
// and extension ("edges-1000000").
std::string label_of(const std::string& db) {
  auto name = db.substr(db.find_last_of('/') + 1);
  return name.substr(0, name.find('.'));
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> dbs;
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
      dbs.emplace_back(argv[++i]);
    } else {
      rest.push_back(argv[i]);
    }
  }
  int rest_count = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_count, rest.data());
  if (dbs.empty() || benchmark::ReportUnrecognizedArguments(rest_count, rest.data())) {
    std::fprintf(stderr,
                 "usage: graph_formats --db FILE [--db FILE ...] [--benchmark_... flags]\n");
    return 1;
  }
  try {
    for (const auto& db : dbs) {
      const auto edges = label_of(db);
      benchmark::RegisterBenchmark(("build/" + edges).c_str(), build, db)
          ->Unit(benchmark::kMillisecond);
      for (const auto name : {"graphml", "gexf", "json", "csv", "dot"}) {
        benchmark::RegisterBenchmark(("format/" + std::string(name) + "/" + edges).c_str(), format,
                                     db, geokg::parse_export_format(name))
            ->Unit(benchmark::kMillisecond);
      }
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
  } catch (const geokg::Error& error) {
    std::fprintf(stderr, "graph_formats: %s\n", error.what());
    return 2;
  }
  return 0;
}

// `geokg query ...` and the query options of `geokg export`: argument
// parsing only; the work is in the geokg_query library.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "geokg/graph.hpp"

namespace geokg::cli {

// Filter options every query command (and export) shares.
struct QueryFilterArgs {
  std::string since;
  std::string until;
  std::vector<std::string> codes;
  std::vector<std::string> quads;
  std::vector<std::string> actors;
  std::vector<std::string> sources;
  std::vector<std::string> targets;
  std::vector<std::string> documents;
  std::string text;
};

class QueryCommand {
 public:
  // Registers `query` and its subcommands on `app`. Options are bound to
  // this object, which must outlive parsing and run().
  void add_to(CLI::App& app);
  bool selected() const { return query_ != nullptr && query_->parsed(); }
  // Runs the chosen subcommand, printing to standard output. Throws
  // QueryArgumentError for bad values (exit 1), other geokg::Errors for
  // data errors (exit 2).
  int run() const;

 private:
  CLI::App* query_ = nullptr;
  std::vector<CLI::App*> commands_;
  std::string db_ = "geokg.db";
  std::string format_ = "table";
  std::string level_ = "actor";
  std::string part_;
  std::size_t limit_ = 0;
  bool limit_given_ = false;
  QueryFilterArgs filter_;
  std::string text_;                // actors TEXT
  std::vector<std::string> nodes_;  // actor arguments: A [B]
  int depth_ = 1;
  int max_depth_ = 6;
  std::size_t evidence_ = 3;
  std::string by_;
};

// `geokg export --ego A --depth N` and the filters export shares with query.
struct ExportQueryArgs {
  QueryFilterArgs filter;  // --source, --target, --doc, --text (export has the rest)
  std::string ego;
  int depth = 1;
};
void add_export_query_options(CLI::App& command, ExportQueryArgs& args);
// Adds the options' filters, and the ego network's nodes, to `options`.
void apply_export_query_options(const Store& store, const ExportQueryArgs& args,
                                GraphOptions& options);

}  // namespace geokg::cli

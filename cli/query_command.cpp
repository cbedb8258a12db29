// `geokg query` subcommands: parse, call geokg_query, print.
#include "filter_options.hpp"
#include "query_command.hpp"

#include <iostream>

#include "geokg/query.hpp"

namespace geokg::cli {
namespace {

// Default --limit of each command: enough to read on a screen; 0 is all.
struct Defaults {
  const char* name;
  const char* help;
  std::size_t limit;
};
constexpr Defaults kCommands[] = {
    {"actors", "Search actors by name, alias, key or code, with event counts", 20},
    {"events", "List events, filtered by actor, code, date, document or text", 100},
    {"relations", "Every event between two actors, both ways, and a summary by month", 0},
    {"neighbors", "The ego network of an actor: its partners, and theirs with --depth", 50},
    {"path", "Shortest paths between two actors, with the events behind each step", 10},
    {"central", "The most central actors by degree, PageRank or betweenness", 20},
    {"components", "Connected components of the relation network, largest first", 20},
    {"timeline", "Events of an actor, or between two, by day, week or month", 0},
};

void add_filter_options(CLI::App& command, QueryFilterArgs& filter) {
  geokg::cli::add_date_and_code_options(command, filter.since, filter.until, filter.codes,
                                        filter.quads);
  command.add_option("--doc", filter.documents, "Only events of this document id (repeatable)");
  command.add_option("--text", filter.text, "Only events whose sentence contains this text");
}

void add_actor_filter_options(CLI::App& command, QueryFilterArgs& filter) {
  command.add_option("--actor", filter.actors,
                     "Actor (key, name, alias or code) as source or target (repeatable)");
  command.add_option("--source", filter.sources, "Actor as the source (repeatable)");
  command.add_option("--target", filter.targets, "Actor as the target (repeatable)");
}

// make_filter's checks, then the actor options resolved against the store.
EventFilter resolve_filter(const Store& store, const QueryFilterArgs& args, NodeLevel level) {
  FilterValues values{args.since, args.until, args.codes, args.quads, args.documents, args.text};
  auto filter = make_filter(values);
  for (const auto& actor : args.actors)
    add_node(filter.participants, resolve_node(store, actor, level));
  for (const auto& actor : args.sources)
    add_node(filter.sources, resolve_node(store, actor, level));
  for (const auto& actor : args.targets)
    add_node(filter.targets, resolve_node(store, actor, level));
  return filter;
}

}  // namespace

void QueryCommand::add_to(CLI::App& app) {
  query_ = app.add_subcommand("query", "Answer questions about actors and their relations");
  query_->require_subcommand(1);
  for (const auto& defaults : kCommands) {
    auto* command = query_->add_subcommand(defaults.name, defaults.help);
    commands_.push_back(command);
    const std::string name = defaults.name;
    command->add_option("--db", db_, "SQLite database file")->capture_default_str();
    command->add_option("--format", format_, "table, json, jsonl or csv")
        ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}))
        ->capture_default_str();
    command->add_option("--level", level_, "actor, or country: actors rolled up to their country")
        ->check(CLI::IsMember({"actor", "country"}))
        ->capture_default_str();
    command->add_option("--part", part_,
                        "Print only this part of the result (csv: default the first)");
    command
        ->add_option("--limit", limit_,
                     "Rows to print, 0 for all (default " + std::to_string(defaults.limit) + ")")
        ->each([this](const std::string&) { limit_given_ = true; });
    if (name == "actors") {
      command->add_option("text", text_, "Text to find in keys, names, aliases and codes");
      continue;
    }
    add_filter_options(*command, filter_);
    add_actor_filter_options(*command, filter_);
    if (name == "relations" || name == "path") {
      command->add_option("actors", nodes_, "Two actors: key, name, alias or code")
          ->required()
          ->expected(2);
    } else if (name == "neighbors") {
      command->add_option("actor", nodes_, "Actor: key, name, alias or code")
          ->required()
          ->expected(1);
      command->add_option("--depth", depth_, "Steps from the actor")
          ->check(CLI::Range(1, 6))
          ->capture_default_str();
    } else if (name == "timeline") {
      command->add_option("actors", nodes_, "An actor, or two for the events between them")
          ->required()
          ->expected(1, 2);
      by_ = "month";
      command->add_option("--by", by_, "day, week or month")
          ->check(CLI::IsMember({"day", "week", "month"}))
          ->capture_default_str();
    } else if (name == "central") {
      command->add_option("--by", by_, "degree, pagerank or betweenness (default degree)")
          ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}));
    }
    if (name == "path") {
      command->add_option("--max-depth", max_depth_, "Longest path searched, in steps")
          ->check(CLI::Range(1, 12))
          ->capture_default_str();
      command->add_option("--evidence", evidence_, "Latest events shown per step, 0 for all")
          ->capture_default_str();
    }
  }
}

int QueryCommand::run() const {
  const CLI::App* chosen = nullptr;
  std::size_t limit = limit_;
  for (std::size_t i = 0; i < commands_.size(); ++i) {
    if (commands_[i]->parsed()) {
      chosen = commands_[i];
      if (!limit_given_) limit = kCommands[i].limit;
    }
  }
  if (!chosen) return 1;
  const std::string name = chosen->get_name();
  const auto format = parse_output_format(format_);
  const auto level = parse_node_level(level_);
  // Checked before the store is opened: a usage error never touches a file.
  make_filter({filter_.since, filter_.until, filter_.codes, filter_.quads, filter_.documents,
               filter_.text});
  auto store = open_sqlite_store(db_, OpenMode::MustExist);
  QueryResult result;
  if (name == "actors") {
    result = query_actors(*store, text_, level, limit);
  } else {
    const auto filter = resolve_filter(*store, filter_, level);
    std::vector<NodeRef> nodes;
    for (const auto& text : nodes_) nodes.push_back(resolve_node(*store, text, level));
    if (name == "events") {
      result = query_events(*store, filter, limit);
    } else if (name == "relations") {
      result = query_relations(*store, nodes[0], nodes[1], filter, limit);
    } else if (name == "neighbors") {
      result = query_neighbors(*store, nodes[0], depth_, filter, level, limit);
    } else if (name == "path") {
      result = query_path(*store, nodes[0], nodes[1], filter, level, max_depth_, limit, evidence_);
    } else if (name == "central") {
      result = query_central(*store, parse_centrality(by_.empty() ? "degree" : by_), filter, level,
                             limit);
    } else if (name == "components") {
      result = query_components(*store, filter, level, limit);
    } else if (name == "timeline") {
      const std::optional<NodeRef> second =
          nodes.size() > 1 ? std::optional<NodeRef>(nodes[1]) : std::nullopt;
      result = query_timeline(*store, nodes[0], second, parse_period(by_), filter);
    }
  }
  write_result(result, format, std::cout, part_);
  return 0;
}

void add_export_query_options(CLI::App& command, ExportQueryArgs& args) {
  command.add_option("--source", args.filter.sources,
                     "Only events whose source is this actor (key, name, alias or code; "
                     "repeatable)");
  command.add_option("--target", args.filter.targets, "Only events whose target is this actor");
  command.add_option("--doc", args.filter.documents,
                     "Only events of this document id (repeatable)");
  command.add_option("--text", args.filter.text, "Only events whose sentence contains this text");
  auto* ego = command.add_option(
      "--ego", args.ego,
      "Only the ego network of this actor: the nodes within --depth steps and the events among "
      "them, as `geokg query neighbors` lists them");
  command.add_option("--depth", args.depth, "Steps of the --ego network")
      ->check(CLI::Range(1, 6))
      ->needs(ego)
      ->capture_default_str();
}

void apply_export_query_options(const Store& store, const ExportQueryArgs& args,
                                GraphOptions& options) {
  const auto level = options.nodes == NodeMode::Countries ? NodeLevel::Country : NodeLevel::Actor;
  auto& filter = options.filter;
  for (const auto& actor : args.filter.sources)
    add_node(filter.sources, resolve_node(store, actor, level));
  for (const auto& actor : args.filter.targets)
    add_node(filter.targets, resolve_node(store, actor, level));
  filter.documents = args.filter.documents;
  filter.text = args.filter.text;
  if (args.ego.empty()) return;
  const auto centre = resolve_node(store, args.ego, level);
  const auto nodes = ego_nodes(store, centre, args.depth, filter, level);
  // The store reads only events that touch the ego network; the graph keeps
  // those with both ends in it.
  ActorSet touching;
  for (const auto& node : nodes) {
    options.within.push_back(node.key);
    add_node(touching, node);
  }
  filter.participants = std::move(touching);
}

}  // namespace geokg::cli

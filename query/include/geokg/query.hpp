// geokg query: answers analysts' questions about actors and their relations
// from a Store and the graph stage's analytics, as tables that print for
// people (aligned text) and for programs (JSON, JSON Lines, CSV). The only
// header other stages include from query/.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "geokg/graph.hpp"

namespace geokg {

// What the analyst asked cannot be answered from this store: an actor that
// is not there (with the closest names) or a name that fits several actors
// (with their keys). A data error: exit status 2.
class QueryError : public Error {
 public:
  using Error::Error;
};

// An argument value that is wrong whatever the store holds: a malformed
// date, an unknown CAMEO code, a bad format name. A usage error: exit 1.
class QueryArgumentError : public Error {
 public:
  using Error::Error;
};

// ---------------------------------------------------------------------------
// Results

// One cell. Lists (the nodes of a path, an actor's aliases) are JSON
// arrays; tables and CSV join them.
using Value =
    std::variant<std::monostate, bool, std::int64_t, double, std::string, std::vector<std::string>>;

struct Column {
  Column(std::string name_, bool in_table_ = true, int decimals_ = -1, std::string heading_ = {},
         std::string separator_ = {})
      : name(std::move(name_)),
        in_table(in_table_),
        decimals(decimals_),
        heading(std::move(heading_)),
        separator(std::move(separator_)) {}
  std::string name;       // the field name in JSON and CSV; stable, see docs/query.md
  bool in_table = true;   // shown in the aligned table for people
  int decimals = -1;      // table: digits after the point for numbers; -1: as is
  std::string heading;    // table heading; the name when empty
  std::string separator;  // joins a list in tables and CSV; "" for ", " and "; "
};

// A part of a result: the events of a relation, its months, the nodes of
// an ego network...
struct Table {
  std::string name;    // "events", "months"; the key of the part in JSON
  std::string record;  // what one row is ("event", "month"); "record" in JSON Lines
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;
  std::int64_t total = -1;  // rows before --limit cut them; -1 when not cut
};

struct QueryResult {
  std::string command;  // "relations"
  // Facts about the whole answer (the actors asked about, totals), in order.
  std::vector<std::pair<std::string, Value>> about;
  std::vector<Table> tables;
};

enum class OutputFormat { Table, Json, Jsonl, Csv };
std::string_view to_string(OutputFormat format);
OutputFormat parse_output_format(std::string_view name);  // throws QueryArgumentError

// Writes `result`. `part` picks one table by name ("" : all; CSV writes the
// first, as one CSV file holds one table). Throws QueryArgumentError for an
// unknown part.
void write_result(const QueryResult& result, OutputFormat format, std::ostream& out,
                  std::string_view part = {});

// ---------------------------------------------------------------------------
// Arguments

// Filter values as the analyst typed them; checked by make_filter.
struct FilterValues {
  std::string since;  // YYYY, YYYY-MM or YYYY-MM-DD; "" for none
  std::string until;
  std::vector<std::string> codes;  // CAMEO codes or roots, as prefixes
  std::vector<std::string> quads;  // "1".."4"
  std::vector<std::string> documents;
  std::string text;
};

// Checks and converts the values that do not depend on the store. Throws
// QueryArgumentError naming the option (--since, --code, ...).
EventFilter make_filter(const FilterValues& values, const Ontology& ontology = Ontology::builtin());

// Finds the node an actor argument names: an actor key ("vladimir-putin"), a
// stored name or alias ("Vladimir Putin"), a CAMEO code ("RUSGOV"), a name
// turned into a key, or whole words of one name ("Putin"). At the country
// level the actor's country is the node, and a country code names it.
// Throws QueryError listing the candidates of an ambiguous argument, or the
// closest names of an unknown one.
NodeRef resolve_node(const Store& store, std::string_view text, NodeLevel level,
                     const Ontology& ontology = Ontology::builtin());

// Adds `node`'s actors to `set`.
void add_node(ActorSet& set, const NodeRef& node);

// ---------------------------------------------------------------------------
// Commands. `filter` holds make_filter's values plus resolved actor sets;
// `limit` 0 means no limit.

// Actors whose key, name, alias or code contains `text` (all when empty),
// with their event and mention counts; at the country level, the countries.
QueryResult query_actors(const Store& store, std::string_view text, NodeLevel level,
                         std::size_t limit, const Ontology& ontology = Ontology::builtin());

// Events passing `filter`, by date.
QueryResult query_events(const Store& store, const EventFilter& filter, std::size_t limit);

// Every event between two nodes, both directions, and a summary by month.
QueryResult query_relations(const Store& store, const NodeRef& a, const NodeRef& b,
                            const EventFilter& filter, std::size_t limit,
                            const Ontology& ontology = Ontology::builtin());

// The ego network of a node to `depth` steps.
QueryResult query_neighbors(const Store& store, const NodeRef& centre, int depth,
                            const EventFilter& filter, NodeLevel level, std::size_t limit,
                            const Ontology& ontology = Ontology::builtin());

// Shortest paths between two nodes, with each step's relation and its
// latest `evidence` events.
QueryResult query_path(const Store& store, const NodeRef& from, const NodeRef& to,
                       const EventFilter& filter, NodeLevel level, int max_depth, std::size_t limit,
                       std::size_t evidence, const Ontology& ontology = Ontology::builtin());

// The most central nodes.
QueryResult query_central(const Store& store, CentralityMeasure measure, const EventFilter& filter,
                          NodeLevel level, std::size_t limit,
                          const Ontology& ontology = Ontology::builtin());

// Connected components, largest first.
QueryResult query_components(const Store& store, const EventFilter& filter, NodeLevel level,
                             std::size_t limit, const Ontology& ontology = Ontology::builtin());

enum class Period { Day, Week, Month };
Period parse_period(std::string_view name);  // throws QueryArgumentError

// Events of a node (with a second node: between the two) by day, ISO week
// or month.
QueryResult query_timeline(const Store& store, const NodeRef& a, const std::optional<NodeRef>& b,
                           Period by, const EventFilter& filter,
                           const Ontology& ontology = Ontology::builtin());

// The nodes of an ego network, the centre first, for geokg export --ego:
// the nodes that query_neighbors lists.
std::vector<NodeRef> ego_nodes(const Store& store, const NodeRef& centre, int depth,
                               const EventFilter& filter, NodeLevel level);

}  // namespace geokg

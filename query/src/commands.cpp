// The query commands: each reads what it needs from the store or the graph
// stage and lays it out as tables (docs/query.md lists every field).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <unordered_map>

#include "geokg/query.hpp"

namespace geokg {
namespace {

Value text_or_null(const std::string& text) {
  return text.empty() ? Value{} : Value{text};
}

Value date_value(const std::optional<EventDate>& date) {
  return date ? Value{date->iso()} : Value{};
}

Value count(std::int64_t n) {
  return Value{n};
}

// Means to three decimals: Goldstein values have one, and 2.3499999999999996
// helps nobody.
double rounded(double value) {
  return std::round(value * 1000.0) / 1000.0;
}

// ---------------------------------------------------------------------------
// Node labels

struct NodeLabel {
  std::string key;
  std::string name;
  std::string code;
  std::string type;
};

// Names and codes for nodes: countries from the ontology, actors from the
// store, in one lookup per actor.
std::vector<NodeLabel> label_nodes(const Store& store, const std::vector<NodeRef>& nodes,
                                   const Ontology& ontology) {
  std::vector<std::int64_t> ids;
  for (const auto& node : nodes) {
    if (node.actor != 0) ids.push_back(node.actor);
  }
  std::unordered_map<std::int64_t, ActorRow> rows;
  for (auto& row : store.actors_by_id(ids)) rows.emplace(row.id, std::move(row));
  std::vector<NodeLabel> labels;
  labels.reserve(nodes.size());
  for (const auto& node : nodes) {
    if (node.actor == 0) {
      const auto name = ontology.country_name(node.country);
      labels.push_back(
          {node.key, name.empty() ? node.country : std::string(name), node.country, "country"});
      continue;
    }
    const auto it = rows.find(node.actor);
    if (it == rows.end()) {
      labels.push_back({node.key, node.key, "", "unknown"});
    } else {
      labels.push_back({node.key, it->second.actor.name, it->second.actor.code,
                        std::string(to_string(it->second.actor.type))});
    }
  }
  return labels;
}

NodeLabel label_node(const Store& store, const NodeRef& node, const Ontology& ontology) {
  return label_nodes(store, {node}, ontology).front();
}

// ---------------------------------------------------------------------------
// Shared columns

std::vector<Column> event_columns() {
  return {{"event_id", false},
          {"date"},
          {"source"},
          {"source_key", false},
          {"source_code", false},
          {"code"},
          {"label"},
          {"quad", false},
          {"goldstein", false},
          {"target"},
          {"target_key", false},
          {"target_code", false},
          {"negated", false},
          {"modality", false},
          {"confidence", false},
          {"location", false},
          {"document", false},
          {"text"}};
}

std::vector<Value> event_row(const EventDetail& event) {
  return {count(event.id),
          date_value(event.date),
          text_or_null(event.source.name),
          text_or_null(event.source.key),
          text_or_null(event.source.code),
          event.event->code,
          event.event->label,
          count(static_cast<std::int64_t>(event.event->quad())),
          event.event->goldstein,
          text_or_null(event.target.name),
          text_or_null(event.target.key),
          text_or_null(event.target.code),
          event.negated,
          std::string(to_string(event.modality)),
          event.confidence,
          text_or_null(event.location),
          event.document,
          text_or_null(event.text)};
}

// The columns of a RelationSummary; `forward` and `backward` name its two
// directions ("a_to_b", "b_to_a").
std::vector<Column> summary_columns(const std::string& forward, const std::string& backward,
                                    bool with_dates) {
  std::vector<Column> columns{{"events"},
                              {forward, true, -1, forward == "a_to_b" ? "a>b" : ""},
                              {backward, true, -1, backward == "b_to_a" ? "b>a" : ""},
                              {"mean_goldstein", true, 2, "goldstein"},
                              {"verbal_cooperation", true, -1, "q1"},
                              {"material_cooperation", true, -1, "q2"},
                              {"verbal_conflict", true, -1, "q3"},
                              {"material_conflict", true, -1, "q4"},
                              {"cooperation", true, -1, "coop"},
                              {"conflict"}};
  if (with_dates) {
    columns.push_back({"first_date", true, -1, "first"});
    columns.push_back({"last_date", true, -1, "last"});
  }
  return columns;
}

void append_summary(std::vector<Value>& row, const RelationSummary& summary, bool with_dates) {
  row.push_back(summary.events);
  row.push_back(summary.outgoing);
  row.push_back(summary.incoming);
  row.push_back(rounded(summary.mean_goldstein()));
  for (const auto n : summary.quads) row.push_back(n);
  row.push_back(summary.cooperation());
  row.push_back(summary.conflict());
  if (with_dates) {
    row.push_back(date_value(summary.first_date));
    row.push_back(date_value(summary.last_date));
  }
}

void add_about_node(QueryResult& result, const std::string& name, const NodeLabel& label) {
  result.about.emplace_back(name, label.key);
  result.about.emplace_back(name + "_name", label.name);
}

// Cuts `table` to `limit` rows, remembering how many there were.
void apply_limit(Table& table, std::size_t limit) {
  if (limit == 0 || table.rows.size() <= limit) return;
  table.total = static_cast<std::int64_t>(table.rows.size());
  table.rows.resize(limit);
}

bool is_in(const EventEnd& end, const NodeRef& node) {
  if (end.actor == 0) return false;
  return node.actor != 0 ? end.actor == node.actor : end.country == node.country;
}

// ---------------------------------------------------------------------------
// Periods

std::int32_t yyyymmdd(std::int64_t days) {
  return EventDate::from_days(days).first_day();
}

// ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday.
std::string iso_week(const EventDate& date) {
  const auto thursday = date.days_since_epoch() - date.weekday() + 3;
  const int year = EventDate::from_days(thursday).year;
  const EventDate new_year{static_cast<std::int16_t>(year), 1, 1, DatePrecision::Day};
  const auto week = (thursday - new_year.days_since_epoch()) / 7 + 1;
  char text[16];
  std::snprintf(text, sizeof text, "%04d-W%02d", year, static_cast<int>(week));
  return text;
}

// The period an event falls in. Dates coarser than the period keep their
// own precision: a month-dated event in a daily timeline is "2023-09".
struct PeriodKey {
  std::int32_t first_day = 0;
  std::int32_t last_day = 0;
  std::string label;
  bool operator<(const PeriodKey& other) const {
    if (first_day != other.first_day) return first_day < other.first_day;
    if (last_day != other.last_day) return last_day > other.last_day;  // coarser first
    return label < other.label;
  }
};

PeriodKey period_of(const EventDate& date, Period by) {
  if (date.precision == DatePrecision::Year ||
      (date.precision == DatePrecision::Month && by != Period::Month)) {
    return {date.first_day(), date.last_day(), date.iso()};
  }
  EventDate month = date;
  month.day = 0;
  month.precision = DatePrecision::Month;
  if (by == Period::Month) return {month.first_day(), month.last_day(), month.iso()};
  if (by == Period::Day) return {date.first_day(), date.last_day(), date.iso()};
  const auto monday = date.days_since_epoch() - date.weekday();
  return {yyyymmdd(monday), yyyymmdd(monday + 6), iso_week(date)};
}

// Events of `filter` summed by period; the direction is from `a` (`b` may be
// absent: then "outgoing" means `a` is the source).
Table period_table(const Store& store, const EventFilter& filter, const NodeRef& a, Period by,
                   const std::string& name, const std::string& record, const std::string& forward,
                   const std::string& backward) {
  std::map<PeriodKey, RelationSummary> periods;
  RelationSummary undated;
  store.for_each_event_detail(filter, 0, [&](const EventDetail& event) {
    auto& summary = event.date ? periods[period_of(*event.date, by)] : undated;
    summary.add(*event.event, event.date, is_in(event.source, a));
  });
  Table table;
  table.name = name;
  table.record = record;
  table.columns = {
      {name == "months" ? "month" : "period"}, {"first_day", false}, {"last_day", false}};
  for (auto& column : summary_columns(forward, backward, false)) table.columns.push_back(column);
  auto day_text = [](std::int32_t day) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
    return std::string(text);
  };
  for (const auto& [key, summary] : periods) {
    std::vector<Value> row{key.label, day_text(key.first_day), day_text(key.last_day)};
    append_summary(row, summary, false);
    table.rows.push_back(std::move(row));
  }
  if (undated.events > 0) {
    std::vector<Value> row{Value{}, Value{}, Value{}};
    append_summary(row, undated, false);
    table.rows.push_back(std::move(row));
  }
  return table;
}

EventFilter between(const EventFilter& filter, const NodeRef& a, const NodeRef& b) {
  EventFilter pair = filter;
  pair.between.emplace();
  add_node(pair.between->first, a);
  add_node(pair.between->second, b);
  return pair;
}

}  // namespace

Period parse_period(std::string_view name) {
  if (name == "day") return Period::Day;
  if (name == "week") return Period::Week;
  if (name == "month") return Period::Month;
  throw QueryArgumentError("--by: unknown period \"" + std::string(name) +
                           "\" (expected day, week or month)");
}

// ---------------------------------------------------------------------------

QueryResult query_actors(const Store& store, std::string_view text, NodeLevel level,
                         std::size_t limit, const Ontology& ontology) {
  QueryResult result;
  result.command = "actors";
  result.about.emplace_back("search", std::string(text));
  result.about.emplace_back("level", std::string(to_string(level)));
  Table table;
  table.name = "actors";
  table.record = "actor";
  if (level == NodeLevel::Actor) {
    table.columns = {{"key"},    {"name"},     {"code"},           {"country", false}, {"type"},
                     {"events"}, {"mentions"}, {"aliases", false}, {"match", false}};
    const auto found = store.search_actors(text, limit);
    for (const auto& match : found.matches) {
      const auto& actor = match.row.actor;
      static const char* const kMatch[] = {"exact", "word", "part"};
      table.rows.push_back({actor.key, actor.name, text_or_null(actor.code),
                            text_or_null(actor.country), std::string(to_string(actor.type)),
                            match.events, match.mentions, actor.aliases,
                            std::string(kMatch[std::clamp(match.rank, 0, 2)])});
    }
    if (found.total > static_cast<std::int64_t>(table.rows.size())) table.total = found.total;
  } else {
    // Countries whose code or name matches, and countryless actors that
    // match; each with its actors and events.
    table.columns = {{"key"}, {"name"}, {"type"}, {"actors"}, {"events"}};
    std::vector<NodeRef> nodes;
    auto wanted = std::string(text);
    for (auto& c : wanted) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::map<std::string, NodeRef> found;
    for (const auto& match : store.search_actors(text, 0).matches) {
      const auto node = node_of(match.row.id, match.row.actor.key, match.row.actor.country, level);
      found.emplace(node.key, node);
    }
    // Countries named by the search text itself, when the store has actors there.
    std::vector<std::string> countries;
    store.for_each_actor([&](const ActorRow& row) {
      if (!row.actor.country.empty()) countries.push_back(row.actor.country);
    });
    std::sort(countries.begin(), countries.end());
    countries.erase(std::unique(countries.begin(), countries.end()), countries.end());
    for (const auto& country : countries) {
      auto name = std::string(ontology.country_name(country));
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto code = country;
      for (auto& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (wanted.empty() || code == wanted || name.find(wanted) != std::string::npos) {
        found.emplace(country, node_of(0, country, country, level));
      }
    }
    for (const auto& [key, node] : found) nodes.push_back(node);
    const auto labels = label_nodes(store, nodes, ontology);
    struct Counted {
      std::size_t index;
      std::int64_t actors;
      std::int64_t events;
    };
    std::vector<Counted> counted;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      EventFilter filter;
      add_node(filter.participants, nodes[i]);
      counted.push_back({i, static_cast<std::int64_t>(store.actor_ids(nodes[i].actors()).size()),
                         store.count_events(filter)});
    }
    std::stable_sort(counted.begin(), counted.end(),
                     [](const Counted& a, const Counted& b) { return a.events > b.events; });
    for (const auto& item : counted) {
      const auto& label = labels[item.index];
      table.rows.push_back({label.key, label.name, label.type, item.actors, item.events});
    }
    apply_limit(table, limit);
  }
  result.tables.push_back(std::move(table));
  return result;
}

QueryResult query_events(const Store& store, const EventFilter& filter, std::size_t limit) {
  QueryResult result;
  result.command = "events";
  Table table;
  table.name = "events";
  table.record = "event";
  table.columns = event_columns();
  store.for_each_event_detail(filter, limit == 0 ? 0 : limit + 1, [&](const EventDetail& event) {
    table.rows.push_back(event_row(event));
  });
  if (limit != 0 && table.rows.size() > limit) {
    table.rows.resize(limit);
    table.total = store.count_events(filter);
  }
  result.about.emplace_back(
      "events", table.total >= 0 ? table.total : static_cast<std::int64_t>(table.rows.size()));
  result.tables.push_back(std::move(table));
  return result;
}

QueryResult query_relations(const Store& store, const NodeRef& a, const NodeRef& b,
                            const EventFilter& filter, std::size_t limit,
                            const Ontology& ontology) {
  if (a.key == b.key) throw QueryError("relations needs two different actors; both are " + a.key);
  const ReadSnapshot snapshot(store);
  QueryResult result;
  result.command = "relations";
  add_about_node(result, "a", label_node(store, a, ontology));
  add_about_node(result, "b", label_node(store, b, ontology));
  const auto pair = between(filter, a, b);

  Table events;
  events.name = "events";
  events.record = "event";
  events.columns = event_columns();
  RelationSummary total;
  store.for_each_event_detail(pair, 0, [&](const EventDetail& event) {
    total.add(*event.event, event.date, is_in(event.source, a));
    events.rows.push_back(event_row(event));
  });
  apply_limit(events, limit);
  result.about.emplace_back("events", total.events);
  result.about.emplace_back("a_to_b", total.outgoing);
  result.about.emplace_back("b_to_a", total.incoming);
  result.about.emplace_back("mean_goldstein", rounded(total.mean_goldstein()));
  result.about.emplace_back("cooperation", total.cooperation());
  result.about.emplace_back("conflict", total.conflict());
  result.about.emplace_back("first_date", date_value(total.first_date));
  result.about.emplace_back("last_date", date_value(total.last_date));
  result.tables.push_back(std::move(events));
  result.tables.push_back(
      period_table(store, pair, a, Period::Month, "months", "month", "a_to_b", "b_to_a"));
  return result;
}

QueryResult query_neighbors(const Store& store, const NodeRef& centre, int depth,
                            const EventFilter& filter, NodeLevel level, std::size_t limit,
                            const Ontology& ontology) {
  // Only the rows shown are built: a hub has tens of thousands of neighbours.
  const auto ego = ego_network(store, centre, depth, filter, level, limit);
  const auto reached = ego.reached - 1;  // the centre is not its own neighbour
  QueryResult result;
  result.command = "neighbors";
  add_about_node(result, "actor", label_node(store, centre, ontology));
  result.about.emplace_back("level", std::string(to_string(level)));
  result.about.emplace_back("depth", static_cast<std::int64_t>(depth));
  result.about.emplace_back("nodes", static_cast<std::int64_t>(reached));

  Table table;
  table.name = "neighbors";
  table.record = "neighbor";
  table.columns = {{"depth"}, {"key", false}, {"name"}, {"code"}, {"via"}};
  for (auto& column : summary_columns("outgoing", "incoming", true)) {
    if (column.name == "outgoing") column.heading = "out";
    if (column.name == "incoming") column.heading = "in";
    table.columns.push_back(column);
  }
  // Only the rows shown need names: one lookup each.
  const auto shown = limit == 0 ? reached : std::min(limit, reached);
  std::vector<NodeRef> nodes;
  for (std::size_t i = 1; i <= shown; ++i) nodes.push_back(ego.nodes[i].node);
  const auto labels = label_nodes(store, nodes, ontology);
  for (std::size_t i = 1; i <= shown; ++i) {
    const auto& node = ego.nodes[i];
    const auto& label = labels[i - 1];
    std::vector<Value> row{static_cast<std::int64_t>(node.depth), label.key, label.name,
                           text_or_null(label.code), ego.nodes[node.via].node.key};
    append_summary(row, node.relation, true);
    table.rows.push_back(std::move(row));
  }
  if (shown < reached) table.total = static_cast<std::int64_t>(reached);
  result.tables.push_back(std::move(table));
  return result;
}

QueryResult query_path(const Store& store, const NodeRef& from, const NodeRef& to,
                       const EventFilter& filter, NodeLevel level, int max_depth, std::size_t limit,
                       std::size_t evidence, const Ontology& ontology) {
  const ReadSnapshot snapshot(store);
  const auto found = shortest_paths(store, from, to, filter, level, max_depth, limit);
  QueryResult result;
  result.command = "path";
  add_about_node(result, "from", label_node(store, from, ontology));
  add_about_node(result, "to", label_node(store, to, ontology));
  result.about.emplace_back("level", std::string(to_string(level)));
  result.about.emplace_back("steps", found.steps < 0 ? Value{} : Value{std::int64_t{found.steps}});
  result.about.emplace_back("paths", static_cast<std::int64_t>(found.paths.size()));
  result.about.emplace_back("more_paths", found.truncated);

  const auto labels = label_nodes(store, found.nodes, ontology);
  Table paths{"paths",
              "path",
              {{"path"}, {"steps"}, {"route", true, -1, "", " > "}, {"keys", false, -1, "", " > "}},
              {},
              -1};
  Table steps{"steps",
              "step",
              {{"path"}, {"step"}, {"from_key", false}, {"from"}, {"to_key", false}, {"to"}},
              {},
              -1};
  for (auto& column : summary_columns("forward", "backward", true)) {
    if (column.name == "forward") column.heading = "fwd";
    if (column.name == "backward") column.heading = "back";
    steps.columns.push_back(column);
  }
  Table events{"events", "event", {{"path"}, {"step"}}, {}, -1};
  for (auto& column : event_columns()) events.columns.push_back(column);

  // Each step's relation, once per pair of nodes however many paths share it.
  std::map<std::pair<std::size_t, std::size_t>,
           std::pair<RelationSummary, std::vector<EventDetail>>>
      relations;
  for (std::size_t p = 0; p < found.paths.size(); ++p) {
    const auto& path = found.paths[p];
    std::vector<std::string> route;
    std::vector<std::string> keys;
    for (const auto node : path) {
      route.push_back(labels[node].name);
      keys.push_back(labels[node].key);
    }
    paths.rows.push_back({static_cast<std::int64_t>(p + 1),
                          static_cast<std::int64_t>(path.size() - 1), route, keys});
    for (std::size_t s = 0; s + 1 < path.size(); ++s) {
      const auto u = path[s];
      const auto v = path[s + 1];
      auto [it, added] = relations.try_emplace({u, v});
      if (added) {
        auto& [summary, latest] = it->second;
        store.for_each_event_detail(
            between(filter, found.nodes[u], found.nodes[v]), 0, [&](const EventDetail& event) {
              summary.add(*event.event, event.date, is_in(event.source, found.nodes[u]));
              latest.push_back(event);
              // The latest `evidence` events, in date order.
              if (evidence != 0 && latest.size() > evidence) latest.erase(latest.begin());
            });
        if (evidence == 0) latest.clear();
      }
      const auto& [summary, latest] = it->second;
      std::vector<Value> row{static_cast<std::int64_t>(p + 1),
                             static_cast<std::int64_t>(s + 1),
                             labels[u].key,
                             labels[u].name,
                             labels[v].key,
                             labels[v].name};
      append_summary(row, summary, true);
      steps.rows.push_back(std::move(row));
      for (const auto& event : latest) {
        std::vector<Value> event_values{static_cast<std::int64_t>(p + 1),
                                        static_cast<std::int64_t>(s + 1)};
        for (auto& value : event_row(event)) event_values.push_back(std::move(value));
        events.rows.push_back(std::move(event_values));
      }
    }
  }
  result.tables.push_back(std::move(paths));
  result.tables.push_back(std::move(steps));
  result.tables.push_back(std::move(events));
  return result;
}

QueryResult query_central(const Store& store, CentralityMeasure measure, const EventFilter& filter,
                          NodeLevel level, std::size_t limit, const Ontology& ontology) {
  const auto network = build_relation_network(store, filter, level, ontology);
  // Brandes' algorithm takes time in proportion to nodes times pairs: on
  // the benchmark machine 20,000 nodes and 300,000 pairs took two minutes.
  constexpr double kBetweennessWork = 1e10;
  const auto work =
      static_cast<double>(network.nodes.size()) * static_cast<double>(network.arcs.size());
  if (measure == CentralityMeasure::Betweenness && work > kBetweennessWork) {
    throw QueryError("betweenness of " + std::to_string(network.nodes.size()) + " nodes and " +
                     std::to_string(network.arcs.size()) +
                     " pairs is refused: its time grows with nodes times pairs, and this is over "
                     "10^10; narrow the network with --since, --until, --code, --quad, --actor "
                     "or --level country");
  }
  const auto scores = rank_nodes(network, measure);
  QueryResult result;
  result.command = "central";
  result.about.emplace_back("by", std::string(to_string(measure)));
  result.about.emplace_back("level", std::string(to_string(level)));
  result.about.emplace_back("nodes", static_cast<std::int64_t>(network.nodes.size()));
  result.about.emplace_back("pairs", static_cast<std::int64_t>(network.arcs.size()));
  Table table{"central",
              "node",
              {{"rank"},
               {"key"},
               {"name"},
               {"code"},
               {"score", true, measure == CentralityMeasure::PageRank ? 6 : 2},
               {"degree"},
               {"events"}},
              {},
              -1};
  for (std::size_t i = 0; i < scores.size() && (limit == 0 || i < limit); ++i) {
    const auto& node = network.nodes[scores[i].node];
    table.rows.push_back({static_cast<std::int64_t>(i + 1), node.ref.key, node.name,
                          text_or_null(node.code), scores[i].score, scores[i].degree, node.events});
  }
  if (limit != 0 && scores.size() > limit) table.total = static_cast<std::int64_t>(scores.size());
  result.tables.push_back(std::move(table));
  return result;
}

QueryResult query_components(const Store& store, const EventFilter& filter, NodeLevel level,
                             std::size_t limit, const Ontology& ontology) {
  const auto network = build_relation_network(store, filter, level, ontology);
  const auto components = connected_components(network);
  QueryResult result;
  result.command = "components";
  result.about.emplace_back("level", std::string(to_string(level)));
  result.about.emplace_back("nodes", static_cast<std::int64_t>(network.nodes.size()));
  result.about.emplace_back("components", static_cast<std::int64_t>(components.size()));
  Table table{"components",
              "component",
              {{"component"}, {"nodes"}, {"events"}, {"top_keys", false}, {"top"}},
              {},
              -1};
  constexpr std::size_t kTop = 5;
  for (std::size_t i = 0; i < components.size() && (limit == 0 || i < limit); ++i) {
    const auto& component = components[i];
    // Its busiest members, key order among equals.
    auto members = component.nodes;
    std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      return network.nodes[a].events > network.nodes[b].events;
    });
    std::vector<std::string> keys;
    std::vector<std::string> names;
    for (std::size_t m = 0; m < members.size() && m < kTop; ++m) {
      keys.push_back(network.nodes[members[m]].ref.key);
      names.push_back(network.nodes[members[m]].name);
    }
    table.rows.push_back({static_cast<std::int64_t>(i + 1),
                          static_cast<std::int64_t>(component.nodes.size()), component.events, keys,
                          names});
  }
  if (limit != 0 && components.size() > limit) {
    table.total = static_cast<std::int64_t>(components.size());
  }
  result.tables.push_back(std::move(table));
  return result;
}

QueryResult query_timeline(const Store& store, const NodeRef& a, const std::optional<NodeRef>& b,
                           Period by, const EventFilter& filter, const Ontology& ontology) {
  const ReadSnapshot snapshot(store);
  QueryResult result;
  result.command = "timeline";
  add_about_node(result, "a", label_node(store, a, ontology));
  if (b) {
    if (a.key == b->key) throw QueryError("timeline needs two different actors; both are " + a.key);
    add_about_node(result, "b", label_node(store, *b, ontology));
  }
  static const char* const kBy[] = {"day", "week", "month"};
  result.about.emplace_back("by", std::string(kBy[static_cast<int>(by)]));
  EventFilter scoped = filter;
  if (b) {
    scoped = between(filter, a, *b);
  } else {
    add_node(scoped.participants, a);
  }
  result.tables.push_back(period_table(store, scoped, a, by, "timeline", "period",
                                       b ? "a_to_b" : "as_source", b ? "b_to_a" : "as_target"));
  std::int64_t events = 0;
  for (const auto& row : result.tables.back().rows) events += std::get<std::int64_t>(row[3]);
  result.about.emplace_back("events", events);
  return result;
}

std::vector<NodeRef> ego_nodes(const Store& store, const NodeRef& centre, int depth,
                               const EventFilter& filter, NodeLevel level) {
  std::vector<NodeRef> nodes;
  for (auto& node : ego_network(store, centre, depth, filter, level).nodes) {
    nodes.push_back(std::move(node.node));
  }
  return nodes;
}

}  // namespace geokg

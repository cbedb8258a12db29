// The SQL of event filters and of the analyst queries (geokg query).
//
// Cost model: a store of 10,000,000 events must answer a question about one
// or two actors in milliseconds. So every query about actors starts from
// event_links, clustered by actor, and reaches events by row id; the
// query plans are pinned with CROSS JOIN (SQLite keeps the order of a CROSS
// JOIN) and unary `+` (which keeps a term from choosing an index).
#include "sqlite_queries.hpp"

#include <algorithm>
#include <cassert>

namespace geokg {

// Defaults for stores without analyst queries (test doubles, say).
namespace {
[[noreturn]] void unsupported(const char* what) {
  throw StoreError(std::string(what) + " is not supported by this store");
}
}  // namespace

ActorSearch Store::search_actors(std::string_view, std::size_t) const {
  unsupported("search_actors");
}
std::vector<ActorRow> Store::find_actors_coded(std::string_view) const {
  unsupported("find_actors_coded");
}
std::vector<ActorRow> Store::actors_by_id(std::span<const std::int64_t>) const {
  unsupported("actors_by_id");
}
std::vector<std::int64_t> Store::actor_ids(const ActorSet&) const {
  unsupported("actor_ids");
}
void Store::for_each_event_detail(const EventFilter&, std::size_t,
                                  const std::function<void(const EventDetail&)>&) const {
  unsupported("for_each_event_detail");
}
std::int64_t Store::count_events(const EventFilter&) const {
  unsupported("count_events");
}
void Store::for_each_link(std::span<const std::int64_t>, const EventFilter&, LinkOther,
                          const std::function<void(const EventLink&)>&) const {
  unsupported("for_each_link");
}
void Store::for_each_pair(const EventFilter&,
                          const std::function<void(std::int64_t, std::int64_t)>&) const {
  unsupported("for_each_pair");
}

namespace sqlite {
namespace {

std::string placeholders(std::size_t n) {
  std::string list;
  for (std::size_t i = 0; i < n; ++i) list += i ? ",?" : "?";
  return list;
}

// The text of a LIKE pattern that matches `text` literally (with ESCAPE '\').
std::string like_literal(std::string_view text) {
  std::string escaped;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') escaped.push_back('\\');
    escaped.push_back(c);
  }
  return escaped;
}

// The sentence of an event: its own text, or its span of the document text.
constexpr std::string_view kSentence =
    "COALESCE(e.text, substr(d.text, e.span_start + 1, e.span_end - e.span_start))";

}  // namespace

ActorRow read_actor(const Statement& row, int first) {
  ActorRow result;
  result.id = row.int64(first);
  result.actor.key = row.text(first + 1);
  result.actor.name = row.text(first + 2);
  result.actor.code = row.text(first + 3);
  result.actor.country = row.text(first + 4);
  result.actor.agent = row.text(first + 5);
  result.actor.type = parse_actor_type(row.text(first + 6));
  return result;
}

DatePrecision precision_from_code(std::int64_t code) {
  switch (code) {
    case 1:
      return DatePrecision::Year;
    case 2:
      return DatePrecision::Month;
    case 3:
      return DatePrecision::Day;
    default:
      throw StoreError("stored date precision code " + std::to_string(code) + " is not 1, 2 or 3");
  }
}

Modality modality_from_code(std::int64_t code) {
  if (code < 0 || code > static_cast<int>(Modality::Hypothetical)) {
    throw StoreError("stored modality code " + std::to_string(code) + " is not 0 to 3");
  }
  return static_cast<Modality>(code);
}

std::optional<EventDate> date_from_columns(const Statement& row, int first_day, int precision) {
  if (row.is_null(first_day)) return std::nullopt;
  const auto day = row.int64(first_day);
  EventDate date;
  date.year = static_cast<std::int16_t>(day / 10000);
  date.month = static_cast<std::int8_t>(day / 100 % 100);
  date.day = static_cast<std::int8_t>(day % 100);
  date.precision = precision_from_code(row.int64(precision));
  if (date.precision == DatePrecision::Year) date.month = 0;
  if (date.precision != DatePrecision::Day) date.day = 0;
  return date;
}

// ---------------------------------------------------------------------------
// LinkWriter

namespace {
constexpr std::string_view kLinkColumns =
    "actor_id, other_id, event_id, outgoing, code, date_from, date_precision_code";
}  // namespace

LinkWriter::LinkWriter(const Database& db) : insert_(db, "event_links", kLinkColumns) {}

void LinkWriter::add(std::int64_t event, const std::string& code,
                     const std::optional<EventDate>& date, std::int64_t source,
                     std::int64_t target) {
  Row row{};
  row.event = event;
  if (date) {
    row.first_day = date->first_day();
    row.precision = date->precision;
  }
  // The store checked the code against the codebook: at most four digits.
  assert(code.size() <= row.code.size());
  row.code_size = static_cast<std::uint8_t>(std::min(code.size(), row.code.size()));
  std::copy_n(code.data(), row.code_size, row.code.data());
  if (source != 0) {
    row.actor = source;
    row.other = target;
    row.outgoing = true;
    pending_.push_back(row);
  }
  if (target != 0) {
    row.actor = target;
    row.other = source;
    row.outgoing = false;
    pending_.push_back(row);
  }
}

void LinkWriter::flush() {
  std::sort(pending_.begin(), pending_.end(), [](const Row& a, const Row& b) {
    if (a.actor != b.actor) return a.actor < b.actor;
    if (a.other != b.other) return a.other < b.other;
    if (a.event != b.event) return a.event < b.event;
    return a.outgoing < b.outgoing;
  });
  insert_.insert(pending_.size(), [&](Statement& statement, int first, std::size_t i) {
    const Row& row = pending_[i];
    statement.bind(first, row.actor)
        .bind(first + 1, row.other)
        .bind(first + 2, row.event)
        .bind(first + 3, row.outgoing ? 1 : 0)
        .bind_ref(first + 4, std::string_view(row.code.data(), row.code_size));
    if (row.first_day != 0) {
      statement.bind(first + 5, std::int64_t{row.first_day})
          .bind(first + 6, precision_code(row.precision));
    }
  });
  pending_.clear();
}

void LinkWriter::discard() {
  pending_.clear();
}

// ---------------------------------------------------------------------------
// EventWhere

std::string EventWhere::actor_condition(const Database& db, const ActorSet& set,
                                        const std::string& column) {
  std::vector<std::int64_t> ids;
  auto find = db.prepare("SELECT id FROM actors WHERE key = ?");
  for (const auto& key : set.keys) {
    find.bind(1, key);
    if (!find.step()) throw StoreError("no actor with key \"" + key + "\" in " + db.path());
    ids.push_back(find.int64(0));
    find.reset();
  }
  ids.insert(ids.end(), set.ids.begin(), set.ids.end());
  std::string condition;
  if (!ids.empty()) {
    condition = column + " IN (" + placeholders(ids.size()) + ")";
    binders_.push_back([ids](Statement& s, int& i) {
      for (const auto id : ids) s.bind(i++, id);
    });
  }
  if (!set.countries.empty()) {
    if (!condition.empty()) condition += " OR ";
    condition += column + " IN (SELECT id FROM actors WHERE country IN (" +
                 placeholders(set.countries.size()) + "))";
    binders_.push_back([countries = set.countries](Statement& s, int& i) {
      for (const auto& country : countries) s.bind(i++, country);
    });
  }
  return "(" + condition + ")";
}

EventWhere::EventWhere(const Database& db, const EventFilter& filter, const Columns& columns) {
  const auto& core = columns.core;
  // Clauses are added in the order their parameters are bound.
  const bool by_actor = !filter.actors.empty() || !filter.countries.empty() ||
                        !filter.participants.empty() || !filter.sources.empty() ||
                        !filter.targets.empty() || filter.between.has_value();
  // With an actor to start from, the date index must not win the plan.
  const std::string date_from = (by_actor ? "+" : "") + core + ".date_from";
  if (filter.since) {
    // The last day of the event's period, as a bound: YYYYMM01 + 30 is not
    // always a date, but no date lies between it and the month's real last
    // day, so the comparison with a real day is the same.
    add(core + ".date_from + CASE " + core +
        ".date_precision_code WHEN 1 THEN 1130 WHEN 2 THEN 30 ELSE 0 END >= ?");
    binders_.push_back([day = filter.since->first_day()](Statement& s, int& i) {
      s.bind(i++, static_cast<std::int64_t>(day));
    });
  }
  if (filter.until) {
    add(date_from + " <= ?");
    binders_.push_back([day = filter.until->last_day()](Statement& s, int& i) {
      s.bind(i++, static_cast<std::int64_t>(day));
    });
  }
  if (!filter.codes.empty()) {
    std::string clause;
    for (const auto& code : filter.codes) {
      clause += clause.empty() ? "(" : " OR ";
      clause += "substr(" + core + ".code, 1, ?) = ?";
      binders_.push_back([code](Statement& s, int& i) {
        s.bind(i++, static_cast<std::int64_t>(code.size()));
        s.bind(i++, code);
      });
    }
    add(clause + ")");
  }
  if (!filter.quads.empty()) {
    add(core + ".code IN (SELECT code FROM cameo_event_codes WHERE quad IN (" +
        placeholders(filter.quads.size()) + "))");
    binders_.push_back([quads = filter.quads](Statement& s, int& i) {
      for (const auto quad : quads) s.bind(i++, static_cast<int>(quad));
    });
  }
  auto participant = [&](const ActorSet& set, const char* role) {
    if (set.empty()) return;
    // event_links has a row for each end of each event: outgoing at its
    // source, incoming at its target.
    std::string clause = columns.id + " IN (SELECT event_id FROM event_links WHERE ";
    if (role)
      clause +=
          std::string("outgoing = ") + (role == std::string_view("source") ? "1" : "0") + " AND ";
    add(clause + actor_condition(db, set, "actor_id") + ")");
  };
  ActorSet legacy;  // export's --actor and --country: separate conditions
  legacy.keys = filter.actors;
  participant(legacy, nullptr);
  legacy = {};
  legacy.countries = filter.countries;
  participant(legacy, nullptr);
  participant(filter.participants, nullptr);
  participant(filter.sources, "source");
  participant(filter.targets, "target");
  if (filter.between && !filter.between->first.empty() && !filter.between->second.empty()) {
    // One contiguous range of event_links per actor of the first set. The
    // second set is probed by key for actors, but checked row by row for
    // countries: probing every actor of one country against every actor of
    // another would be their product.
    const auto& second = filter.between->second;
    const auto first_condition = actor_condition(db, filter.between->first, "actor_id");
    const auto second_condition =
        actor_condition(db, second, second.countries.empty() ? "other_id" : "+other_id");
    add(columns.id + " IN (SELECT event_id FROM event_links WHERE " + first_condition + " AND " +
        second_condition + ")");
  }
  if (!filter.documents.empty()) {
    add(columns.row + ".document_id IN (SELECT id FROM documents WHERE key IN (" +
        placeholders(filter.documents.size()) + "))");
    binders_.push_back([documents = filter.documents](Statement& s, int& i) {
      for (const auto& key : documents) s.bind(i++, key);
    });
    needs_row_ = true;
  }
  if (!filter.text.empty()) {
    const auto& e = columns.row;
    add("COALESCE(" + e + ".text, substr(d.text, " + e + ".span_start + 1, " + e + ".span_end - " +
        e + ".span_start)) LIKE ? ESCAPE '\\'");
    binders_.push_back([pattern = "%" + like_literal(filter.text) + "%"](Statement& s, int& i) {
      s.bind(i++, pattern);
    });
    needs_row_ = true;
    needs_document_ = true;
  }
}

std::string EventWhere::conditions() const {
  if (clauses_.empty()) return "1";
  std::string sql;
  for (const auto& clause : clauses_) sql += (sql.empty() ? "" : " AND ") + clause;
  return sql;
}

void EventWhere::bind(Statement& statement, int& index) const {
  for (const auto& binder : binders_) binder(statement, index);
}

// ---------------------------------------------------------------------------
// EventQueries

namespace {

// Where a two- to four-digit code sits in EventQueries::codes_: each length
// has its own range (100 two-digit, 1,000 three-digit, 10,000 four-digit).
std::optional<std::size_t> code_slot(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return std::nullopt;
  std::size_t value = 0;
  for (const char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  constexpr std::size_t kOffset[] = {0, 0, 0, 100, 1100};
  return kOffset[code.size()] + value;
}

}  // namespace

EventQueries::EventQueries(const Database& db, const Ontology& ontology)
    : db_(db), ontology_(ontology), codes_(11100, nullptr) {
  for (const auto& info : ontology.events()) {
    if (const auto slot = code_slot(info.code)) codes_[*slot] = &info;
  }
}

const EventCodeInfo& EventQueries::event(std::string_view code) const {
  const auto slot = code_slot(code);
  if (slot && codes_[*slot]) return *codes_[*slot];
  return ontology_.event(code);  // throws ModelError for an unknown code
}

ActorSearch EventQueries::search_actors(std::string_view text, std::size_t limit) const {
  const std::string contains = "%" + like_literal(text) + "%";
  const std::string starts = like_literal(text) + "%";
  const std::string word = "% " + like_literal(text) + "%";
  const std::string key_contains = "%" + like_literal(make_key(text)) + "%";
  // ?1 text, ?2 contains, ?3 starts, ?4 a word starts, ?5 key contains, ?6 make_key(text)
  auto rows = db_.prepare(
      "WITH matched(id, rank) AS (SELECT a.id, CASE "
      "WHEN ?1 = '' OR a.key = ?6 OR a.name = ?1 COLLATE NOCASE OR a.code = upper(?1) OR "
      "EXISTS (SELECT 1 FROM actor_aliases WHERE actor_id = a.id AND alias = ?1) THEN 0 "
      "WHEN a.name LIKE ?3 ESCAPE '\\' OR a.name LIKE ?4 ESCAPE '\\' OR a.code LIKE ?3 "
      "ESCAPE '\\' OR EXISTS (SELECT 1 FROM actor_aliases WHERE actor_id = a.id AND "
      "(alias LIKE ?3 ESCAPE '\\' OR alias LIKE ?4 ESCAPE '\\')) THEN 1 ELSE 2 END "
      "FROM actors a WHERE ?1 = '' OR a.name LIKE ?2 ESCAPE '\\' OR a.key LIKE ?5 ESCAPE '\\' "
      "OR a.code LIKE ?2 ESCAPE '\\' OR EXISTS (SELECT 1 FROM actor_aliases WHERE "
      "actor_id = a.id AND alias LIKE ?2 ESCAPE '\\')) "
      "SELECT a.id, a.key, a.name, a.code, a.country, a.agent, a.type, m.rank, "
      "(SELECT count(DISTINCT event_id) FROM event_links WHERE actor_id = a.id) AS n, "
      "COALESCE((SELECT mentions FROM actor_mention_counts WHERE actor_id = a.id), 0), "
      "count(*) OVER () "
      "FROM matched m JOIN actors a ON a.id = m.id ORDER BY m.rank, n DESC, a.key LIMIT ?7");
  rows.bind(1, text).bind(2, contains).bind(3, starts).bind(4, word).bind(5, key_contains);
  rows.bind(6, make_key(text));
  rows.bind(7, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
  ActorSearch found;
  while (rows.step()) {
    ActorMatch match;
    match.row = read_actor(rows);
    match.rank = static_cast<int>(rows.int64(7));
    match.events = rows.int64(8);
    match.mentions = rows.int64(9);
    found.total = rows.int64(10);  // before LIMIT: the window runs first
    found.matches.push_back(std::move(match));
  }
  auto aliases = db_.prepare("SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias");
  for (auto& match : found.matches) {
    aliases.bind(1, match.row.id);
    while (aliases.step()) match.row.actor.aliases.push_back(aliases.text(0));
    aliases.reset();
  }
  return found;
}

std::vector<ActorRow> EventQueries::find_actors_coded(std::string_view code) const {
  // CAMEO codes are stored upper case; comparing with upper(?) keeps the index.
  auto rows = db_.prepare("SELECT " + std::string(kActorColumns) +
                          " FROM actors WHERE code = upper(?) ORDER BY key");
  rows.bind(1, code);
  std::vector<ActorRow> found;
  while (rows.step()) found.push_back(read_actor(rows));
  return found;
}

std::vector<ActorRow> EventQueries::actors_by_id(std::span<const std::int64_t> ids) const {
  auto rows = db_.prepare("SELECT " + std::string(kActorColumns) + " FROM actors WHERE id = ?");
  std::vector<ActorRow> found;
  found.reserve(ids.size());
  for (const auto id : ids) {
    rows.bind(1, id);
    if (rows.step()) found.push_back(read_actor(rows));
    rows.reset();
  }
  return found;
}

std::vector<std::int64_t> EventQueries::actor_ids(const ActorSet& set) const {
  std::vector<std::int64_t> ids;
  auto by_key = db_.prepare("SELECT id FROM actors WHERE key = ?");
  for (const auto& key : set.keys) {
    by_key.bind(1, key);
    if (!by_key.step()) throw StoreError("no actor with key \"" + key + "\" in " + db_.path());
    ids.push_back(by_key.int64(0));
    by_key.reset();
  }
  ids.insert(ids.end(), set.ids.begin(), set.ids.end());
  auto by_country = db_.prepare("SELECT id FROM actors WHERE country = ?");
  for (const auto& country : set.countries) {
    by_country.bind(1, country);
    while (by_country.step()) ids.push_back(by_country.int64(0));
    by_country.reset();
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

void EventQueries::for_each_event_detail(
    const EventFilter& filter, std::size_t limit,
    const std::function<void(const EventDetail&)>& visit) const {
  const EventWhere where(db_, filter);
  const std::string select =
      "SELECT e.id, d.key, e.code, e.date_from, e.date_precision_code, "
      "e.source_id, sa.key, sa.name, COALESCE(e.source_code, sa.code), sa.country, "
      "e.target_id, ta.key, ta.name, COALESCE(e.target_code, ta.code), ta.country, "
      "e.negated, e.modality_code, e.confidence, e.location_name, " +
      std::string(kSentence) +
      " FROM events e JOIN documents d ON d.id = e.document_id "
      "LEFT JOIN actors sa ON sa.id = e.source_id "
      "LEFT JOIN actors ta ON ta.id = e.target_id WHERE " +
      where.conditions();
  auto read_end = [](const Statement& rows, int first, EventEnd& end) {
    end.actor = rows.is_null(first) ? 0 : rows.int64(first);
    end.key.assign(rows.text_view(first + 1));
    end.name.assign(rows.text_view(first + 2));
    end.code.assign(rows.text_view(first + 3));
    end.country.assign(rows.text_view(first + 4));
  };
  // Dated events first, in date order (the date index gives it without a
  // sort), then the undated ones: NULL would otherwise sort first.
  std::size_t seen = 0;
  EventDetail detail;
  for (const char* part : {" AND e.date_from IS NOT NULL ORDER BY e.date_from, e.id",
                           " AND e.date_from IS NULL ORDER BY e.id"}) {
    if (limit != 0 && seen >= limit) break;
    auto rows = db_.prepare(select + part + " LIMIT ?");
    int index = 1;
    where.bind(rows, index);
    rows.bind(index, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit - seen));
    while (rows.step()) {
      detail.id = rows.int64(0);
      detail.document.assign(rows.text_view(1));
      detail.event = &event(rows.text_view(2));
      detail.date = date_from_columns(rows, 3, 4);
      read_end(rows, 5, detail.source);
      read_end(rows, 10, detail.target);
      detail.negated = rows.int64(15) != 0;
      detail.modality = modality_from_code(rows.int64(16));
      detail.confidence = rows.real(17);
      detail.location.assign(rows.text_view(18));
      detail.text.assign(rows.text_view(19));
      ++seen;
      visit(detail);
    }
  }
}

std::int64_t EventQueries::count_events(const EventFilter& filter) const {
  const EventWhere where(db_, filter);
  auto rows =
      db_.prepare(std::string("SELECT count(*) FROM events e ") +
                  (where.needs_document() ? "JOIN documents d ON d.id = e.document_id " : "") +
                  "WHERE " + where.conditions());
  int index = 1;
  where.bind(rows, index);
  return rows.step() ? rows.int64(0) : 0;
}

void EventQueries::for_each_link(std::span<const std::int64_t> actors, const EventFilter& filter,
                                 LinkOther other,
                                 const std::function<void(const EventLink&)>& visit) const {
  const EventWhere where(db_, filter, {"e.event_id", "e", "ev"});
  // One range of event_links per actor; the events row only when a filter
  // reads it, the other's actors row only when asked for (a lookup per link
  // was half of a hub's scan).
  const bool described = other == LinkOther::Described;
  auto rows = db_.prepare(
      std::string("SELECT e.event_id, e.outgoing, e.other_id, e.code, e.date_from, "
                  "e.date_precision_code") +
      (described ? ", oa.key, oa.country" : "") + " FROM event_links e " +
      (where.needs_row() ? "CROSS JOIN events ev ON ev.id = e.event_id " : "") +
      (where.needs_document() ? "CROSS JOIN documents d ON d.id = ev.document_id " : "") +
      (described ? "LEFT JOIN actors oa ON oa.id = e.other_id " : "") +
      "WHERE e.actor_id = ? AND e.other_id > 0 AND " + where.conditions());
  EventLink link;
  for (const auto actor : actors) {
    int index = 1;
    rows.bind(index++, actor);
    where.bind(rows, index);
    link.actor = actor;
    while (rows.step()) {
      link.event_id = rows.int64(0);
      link.outgoing = rows.int64(1) != 0;
      link.other = rows.int64(2);
      link.event = &event(rows.text_view(3));
      link.date = date_from_columns(rows, 4, 5);
      if (described) {
        link.other_key.assign(rows.text_view(6));
        link.other_country.assign(rows.text_view(7));
      }
      visit(link);
    }
    rows.reset();
  }
}

void EventQueries::for_each_pair(
    const EventFilter& filter, const std::function<void(std::int64_t, std::int64_t)>& visit) const {
  // Every event with both ends once, from its source's side, in (source,
  // target) order.
  const EventWhere where(db_, filter, {"e.event_id", "e", "ev"});
  auto rows = db_.prepare(
      std::string("SELECT e.actor_id, e.other_id FROM event_links e ") +
      (where.needs_row() ? "CROSS JOIN events ev ON ev.id = e.event_id " : "") +
      (where.needs_document() ? "CROSS JOIN documents d ON d.id = ev.document_id " : "") +
      "WHERE e.outgoing = 1 AND e.other_id > 0 AND " + where.conditions());
  int index = 1;
  where.bind(rows, index);
  while (rows.step()) visit(rows.int64(0), rows.int64(1));
}

}  // namespace sqlite
}  // namespace geokg

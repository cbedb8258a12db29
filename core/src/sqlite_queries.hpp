// The SQL of the analyst queries (geokg query) and of event filters, private
// to core/. SqliteStore owns one EventQueries and forwards to it.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "geokg/core.hpp"
#include "sqlite.hpp"

namespace geokg::sqlite {

// The conditions of an EventFilter as SQL over `events e` (and `documents
// d` when needs_document()). Every value is a bound parameter: no filter
// text reaches the SQL parser. Actor sets become `e.id IN (SELECT event_id
// FROM event_links ...)`, which SQLite answers from the actor's range of
// event_links instead of scanning every event.
class EventWhere {
 public:
  // Where the conditions find their columns: `id` is the event id, `core`
  // the table holding code, date_from and date_precision_code (events, or
  // event_links),
  // `row` the events row (document, sentence).
  struct Columns {
    std::string id = "e.id";
    std::string core = "e";
    std::string row = "e";
  };

  // Resolves actor keys to row ids now; throws StoreError for an unknown key.
  EventWhere(const Database& db, const EventFilter& filter, const Columns& columns);
  EventWhere(const Database& db, const EventFilter& filter) : EventWhere(db, filter, Columns{}) {}

  bool empty() const { return clauses_.empty(); }
  // The conditions joined by AND, without "WHERE"; "1" when there are none.
  std::string conditions() const;
  bool needs_document() const { return needs_document_; }
  // A condition reads the events row (document, sentence), not only the core.
  bool needs_row() const { return needs_row_; }
  // Binds the parameters in order, starting at `index`, which it advances.
  void bind(Statement& statement, int& index) const;

 private:
  using Binder = std::function<void(Statement&, int&)>;
  // `actor_id` conditions for `set`, as "(...)" over the column named.
  std::string actor_condition(const Database& db, const ActorSet& set, const std::string& column);
  void add(std::string clause) { clauses_.push_back(std::move(clause)); }

  std::vector<std::string> clauses_;
  std::vector<Binder> binders_;
  bool needs_document_ = false;
  bool needs_row_ = false;
};

// The read queries behind Store's analyst methods.
class EventQueries {
 public:
  EventQueries(const Database& db, const Ontology& ontology);

  ActorSearch search_actors(std::string_view text, std::size_t limit) const;
  std::vector<ActorRow> find_actors_coded(std::string_view code) const;
  std::vector<ActorRow> actors_by_id(std::span<const std::int64_t> ids) const;
  std::vector<std::int64_t> actor_ids(const ActorSet& set) const;
  void for_each_event_detail(const EventFilter& filter, std::size_t limit,
                             const std::function<void(const EventDetail&)>& visit) const;
  std::int64_t count_events(const EventFilter& filter) const;
  void for_each_link(std::span<const std::int64_t> actors, const EventFilter& filter,
                     LinkOther other, const std::function<void(const EventLink&)>& visit) const;
  void for_each_pair(const EventFilter& filter,
                     const std::function<void(std::int64_t, std::int64_t)>& visit) const;

 private:
  // The codebook entry of a stored code, without a search: codes are two to
  // four digits, so (length, value) indexes a table. Reading a hub's links
  // looks up tens of thousands of codes.
  const EventCodeInfo& event(std::string_view code) const;

  const Database& db_;
  const Ontology& ontology_;
  std::vector<const EventCodeInfo*> codes_;  // by code_slot()
};

// Writes event_links rows for Store::write: a row for each end of each
// event, collected for the batch and inserted in key order before it
// commits, so that rows of one actor land on the same pages together.
class LinkWriter {
 public:
  explicit LinkWriter(const Database& db);
  // Collects the rows of event `event` between actors `source` and `target`
  // (row ids, 0 for a missing end): one per end, other_id 0 facing a
  // missing end; none for an event without actors.
  void add(std::int64_t event, const std::string& code, const std::optional<EventDate>& date,
           std::int64_t source, std::int64_t target);
  void flush();    // inserts what is collected
  void discard();  // forgets it (the transaction rolled back)

 private:
  // Trivially copyable, so that sorting a batch moves no strings.
  struct Row {
    std::int64_t actor;
    std::int64_t other;
    std::int64_t event;
    std::int32_t first_day;  // yyyymmdd, 0 without a date
    bool outgoing;
    DatePrecision precision;
    std::uint8_t code_size;
    std::array<char, 5> code;  // CAMEO codes have at most four digits
  };
  RowInserter insert_;
  std::vector<Row> pending_;
};

// The columns of ActorRow, in read_actor's order, and the reader.
inline constexpr std::string_view kActorColumns = "id, key, name, code, country, agent, type";
ActorRow read_actor(const Statement& row, int first = 0);

// Rebuilds a date from its first day (yyyymmdd) and precision code columns.
std::optional<EventDate> date_from_columns(const Statement& row, int first_day, int precision);

}  // namespace geokg::sqlite

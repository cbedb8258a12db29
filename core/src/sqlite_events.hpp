// The batched writer of new events in the SQLite store: their `events`
// rows and, for GDELT's, their `event_gdelt` rows. Private to core/;
// SqliteStore calls it from its write path.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "geokg/core.hpp"
#include "sqlite.hpp"

namespace geokg::sqlite {

// Writes new events: their `events` rows and, for GDELT's, their
// `event_gdelt` rows. Rows are held back and written many to a
// statement, with event ids assigned here: one statement per row was most of
// the write time. Held-back rows reference the caller's Events, which must
// live until flush().
class EventTable {
 public:
  explicit EventTable(const Database& db);

  struct Stored {
    std::int64_t event_id = 0;
    std::int64_t num_mentions = 0;
  };
  // Call at the start of each write transaction: other processes may have
  // written since the last one.
  void begin();
  // The stored event with this GLOBALEVENTID, if any.
  std::optional<Stored> find(std::int64_t global_event_id);
  // Adds `event` between `ends` to document `document_id`, its text only
  // when `keep_text`. Requires: the store holds no event of this document
  // with its fingerprint (the caller checks), and for a GDELT event find()
  // found none with its GLOBALEVENTID.
  // Returns the id the event will have once flushed.
  std::int64_t insert(std::int64_t document_id, const Event& event, bool keep_text, EventEnds ends);
  // Writes the rows held back; call before a commit, a savepoint release,
  // and before any other statement inserts into `events`.
  void flush();
  // A repeated event: when `fields` has more mentions than the stored row,
  // its counts, tone and provenance replace the stored ones. True if so.
  bool update(const Stored& stored, const GdeltFields& fields);
  // Forgets held-back rows and cached ids; call after a rollback.
  void forget();

 private:
  struct Pending {
    std::int64_t event_id;
    std::int64_t document_id;
    const Event* event;
    bool keep_text;
    std::int64_t extractor_id;
    EventEnds ends;
    std::int64_t file_id;  // GDELT's file, 0 for other events
  };
  // The id of the row `find` finds by `name`, else of the row `insert` adds.
  std::int64_t row_named(Statement& find, Statement& insert, std::string_view name);
  std::int64_t file_id(const std::string& name);
  // The row of `extractors` named `name` ("unknown" when empty), added if new.
  std::int64_t extractor_id(std::string_view name);
  std::int64_t next_event_id();
  void flush_events();
  static void bind_event(Statement& statement, int first, const Pending& row);
  static void bind_gdelt(Statement& statement, int first, const Pending& row);

  const Database& db_;
  Statement find_;
  RowInserter insert_events_;
  RowInserter insert_gdelts_;
  Statement update_;
  Statement find_max_;
  Statement find_max_event_;
  Statement find_file_;
  Statement insert_file_;
  Statement find_extractor_;
  Statement insert_extractor_;
  std::vector<Pending> pending_;
  std::vector<const Pending*> gdelt_rows_;  // those of pending_ with GDELT fields
  std::string last_file_;
  std::int64_t last_file_id_ = 0;
  // The id the next event gets; -1 while unknown (after a flush, since other
  // code may insert events then).
  std::int64_t next_event_id_ = -1;
  // No GLOBALEVENTID stored before this transaction is larger; -1 while
  // unknown. GDELT's ids grow with time, so a new file's rows need no
  // lookup, only a check against the ids this transaction added.
  std::int64_t max_id_ = -1;
  std::unordered_set<std::int64_t> added_;
  // Extractor names and their ids; few, and stable once committed.
  std::map<std::string, std::int64_t, std::less<>> extractors_;
};

}  // namespace geokg::sqlite

// GDELT's part of the SQLite store: the schema step that adds it (version 1
// to 2) and the statements that write GDELT's own event fields. Private to
// core/; SqliteStore calls it from its write path.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "geokg/core.hpp"
#include "sqlite.hpp"

namespace geokg::sqlite {

// The schema version that holds the GDELT tables.
constexpr std::int64_t kGdeltSchemaVersion = 2;

// Takes a version-1 store to version 2: the gdelt_files and event_gdelt
// tables and the gdelt_events view. Runs inside the caller's migration
// transaction, so a failure leaves the store at version 1.
void add_gdelt_tables(Database& db);

// Reads and writes event_gdelt rows. Statements are prepared once; file
// names are cached, so a row costs no lookup of its file.
class GdeltEventTable {
 public:
  explicit GdeltEventTable(const Database& db);

  struct Stored {
    std::int64_t event_id = 0;
    std::int64_t num_mentions = 0;
  };
  // Call at the start of each write transaction: other processes may have
  // written since the last one.
  void begin();
  // The stored event with this GLOBALEVENTID, if any.
  std::optional<Stored> find(std::int64_t global_event_id);
  // Adds GDELT's fields of the stored event `event_id`. Rows are written
  // kRowsPerInsert at a time: `fields` must live until flush().
  void insert(std::int64_t event_id, const GdeltFields& fields);
  // Writes the rows insert() holds back; call before a commit or a release.
  void flush();
  // A repeated event: when `fields` has more mentions than the stored row,
  // its counts, tone and provenance replace the stored ones. True if so.
  bool update(const Stored& stored, const GdeltFields& fields);
  // Forgets held-back rows and cached file ids; call after a rollback.
  void forget();

 private:
  // One statement per row cost a fifth of GDELT's write time.
  static constexpr int kRowsPerInsert = 32;
  struct Pending {
    std::int64_t event_id;
    const GdeltFields* fields;
    std::int64_t file_id;
  };
  std::int64_t file_id(const std::string& name);
  static void bind_row(Statement& statement, int first, const Pending& row);

  const Database& db_;
  Statement find_;
  Statement insert_;
  Statement insert_many_;
  std::vector<Pending> pending_;
  Statement update_;
  Statement find_max_;
  Statement find_file_;
  Statement insert_file_;
  std::string last_file_;
  std::int64_t last_file_id_ = 0;
  // No GLOBALEVENTID stored before this transaction is larger; -1 while
  // unknown. GDELT's ids grow with time, so a new file's rows need no
  // lookup, only a check against the ids this transaction added.
  std::int64_t max_id_ = -1;
  std::unordered_set<std::int64_t> added_;
};

}  // namespace geokg::sqlite

// Thin RAII wrappers over the SQLite C API, private to core/. They turn every
// SQLite failure into a StoreError that carries SQLite's own message and the
// statement that failed; when the storage is the problem (disk full, file
// size limit, read-only file or file system, I/O error) the message says so
// in words first.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core.hpp"

namespace geokg::sqlite {

class Statement;

class Database {
 public:
  // Opens or creates `path`. Throws StoreError naming the path on failure.
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs SQL that takes no parameters and returns no rows we need.
  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) const;
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  [[noreturn]] void fail(std::string_view what) const;
  // The message of the last failure this connection threw.
  const std::string& last_failure() const { return last_failure_; }
  // Whether a failure since clear_storage_failure() was the storage's (disk
  // full, file size limit, read-only, I/O error) rather than the data's.
  bool storage_failed() const { return storage_failed_; }
  void clear_storage_failure() const { storage_failed_ = false; }

 private:
  // The StoreError message for the failure SQLite reports now: `plain`
  // unless the storage is the problem, then that in words, with SQLite's
  // message and `context` (what was being done).
  std::string failure(const std::string& plain, std::string_view context) const;

  sqlite3* db_ = nullptr;
  std::string path_;
  mutable std::string last_failure_;
  mutable bool storage_failed_ = false;
};

class Statement {
 public:
  Statement(const Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binders take 1-based parameter indexes, as SQLite does.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);  // copied by SQLite
  // Binds without a copy. Requires: `value` outlives the next reset() or
  // run(); for the hot write path, where a copy per value showed in profiles.
  Statement& bind_ref(int index, std::string_view value);
  Statement& bind_ref_or_null(int index, std::string_view value) {
    return value.empty() ? bind_null(index) : bind_ref(index, value);
  }
  Statement& bind_null(int index);
  Statement& bind_text_or_null(int index, std::string_view value) {
    return value.empty() ? bind_null(index) : bind(index, value);
  }

  // Advances; true while a row is available.
  bool step();
  // Steps a statement that returns no rows, then resets it for reuse.
  void run();
  void reset();

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;  // "" for NULL
  // Valid until the next step() or reset(); "" for NULL. Saves a copy per
  // value on paths that read millions of rows.
  std::string_view text_view(int column) const;
  std::optional<std::string> optional_text(int column) const;

 private:
  const Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Inserts rows into one table many to a statement: one statement's set-up
// and journal for up to kMaxRows rows instead of one per row. Holds a
// statement for each power of two up to kMaxRows, so n rows take about
// log2(n) statements when n is small and n / kMaxRows when it is large.
class RowInserter {
 public:
  static constexpr std::size_t kMaxRows = 32;
  // `suffix` follows the VALUES list (" ON CONFLICT DO NOTHING").
  RowInserter(const Database& db, std::string_view table, std::string_view columns,
              std::string_view suffix = "");

  // Inserts `count` rows; bind(statement, first, i) binds row i's values to
  // parameters first, first + 1, ... Returns the rows SQLite inserted.
  template <class Bind>
  std::int64_t insert(std::size_t count, Bind&& bind);

 private:
  const Database& db_;
  int columns_;
  std::vector<Statement> statements_;  // [k] inserts 2^k rows
};

// The two ends of an event as its row stores them: actor row ids (0 for no
// actor) and each end's code at the event. A code equal to its actor's own
// code is stored as NULL (`*_is_actors`), since an actor's code never
// changes once set; "" stands for an end without a code.
struct EventEnds {
  std::int64_t source_id = 0;
  std::string source_code;
  bool source_is_actors = false;
  std::int64_t target_id = 0;
  std::string target_code;
  bool target_is_actors = false;
};

// The small integers the schema stores for a date's precision (1 year,
// 2 month, 3 day) and an event's modality (0 asserted, 1 reported,
// 2 intended, 3 hypothetical); virtual columns give their names back.
constexpr int precision_code(DatePrecision precision) {
  return static_cast<int>(precision) + 1;
}
constexpr int modality_code(Modality modality) {
  return static_cast<int>(modality);
}
// Throws StoreError for a code outside the schema's CHECK.
DatePrecision precision_from_code(std::int64_t code);
Modality modality_from_code(std::int64_t code);

// The statements of one named savepoint, prepared once: a savepoint per
// document is on the hot write path.
struct SavepointSql {
  SavepointSql(const Database& db, const std::string& name);
  const Database& database;
  Statement open;
  Statement release;
  Statement rollback_to;
};

// A savepoint that rolls back unless released; keeps a failed document from
// leaving partial rows.
class Savepoint {
 public:
  explicit Savepoint(SavepointSql& sql);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  void release();
  // Rolls back to the savepoint. Then throws the storage's failure when
  // there was one since the savepoint opened: a full disk or a read-only
  // file fails every later write too, so the caller must stop, not go on to
  // the next document. Also throws it when SQLite has already rolled back
  // the whole transaction (it may, after a full disk or an I/O error).
  void rollback();

 private:
  SavepointSql& sql_;
  bool open_ = true;
};

template <class Bind>
std::int64_t RowInserter::insert(std::size_t count, Bind&& bind) {
  std::int64_t inserted = 0;
  std::size_t done = 0;
  while (done < count) {
    std::size_t level = statements_.size() - 1;
    while ((std::size_t{1} << level) > count - done) --level;
    const std::size_t rows = std::size_t{1} << level;
    Statement& statement = statements_[level];
    for (std::size_t row = 0; row < rows; ++row) {
      bind(statement, static_cast<int>(row) * columns_ + 1, done + row);
    }
    statement.run();
    inserted += db_.changes();
    done += rows;
  }
  return inserted;
}

}  // namespace geokg::sqlite

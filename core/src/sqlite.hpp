// Thin RAII wrappers over the SQLite C API, private to core/. They turn every
// SQLite failure into a StoreError that carries SQLite's own message and the
// statement that failed.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
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

// "INSERT INTO table(columns) VALUES (?,...),(?,...)": `rows` groups of as
// many placeholders as `columns` names. One statement for many rows costs
// one statement's set-up and journal instead of one per row.
std::string insert_sql(std::string_view table, std::string_view columns, int rows);

// The two ends of an event as its row stores them: actor row ids (0 for no
// actor) and the actors' codes at the event ("" for NULL).
struct EventEnds {
  std::int64_t source_id = 0;
  std::string source_code;
  std::int64_t target_id = 0;
  std::string target_code;
};

// The statements of one named savepoint, prepared once: a savepoint per
// document is on the hot write path.
struct SavepointSql {
  SavepointSql(const Database& db, const std::string& name);
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
  void rollback();

 private:
  SavepointSql& sql_;
  bool open_ = true;
};

}  // namespace geokg::sqlite

#include "sqlite.hpp"

#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace geokg::sqlite {
namespace {

// Whether the database or its journal has grown to the file size limit
// (RLIMIT_FSIZE), where a write fails with EFBIG: a write that crosses the
// limit stops at it.
bool at_file_size_limit(const std::string& path) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return false;
  for (const auto& file : {path, path + "-wal", path + "-journal"}) {
    struct stat status {};
    // 65,536 bytes: SQLite's largest page, the most one write adds.
    if (::stat(file.c_str(), &status) == 0 &&
        static_cast<rlim_t>(status.st_size) + 65536 >= limit.rlim_cur) {
      return true;
    }
  }
  return false;
}

// What a failure means for the user when the storage is the problem, or ""
// when it is not. SQLite's own words ("disk I/O error", "attempt to write a
// readonly database") name neither the cause nor the file.
std::string storage_problem(sqlite3* db, const std::string& path) {
  const int code = sqlite3_extended_errcode(db);
  const int primary = code & 0xff;
  if (primary == SQLITE_FULL) return "the disk is full";
  if (code == SQLITE_READONLY_DBMOVED) {
    return "it was moved or deleted while geokg had it open; nothing more can be written";
  }
  if (primary == SQLITE_READONLY) {
    if (code == SQLITE_READONLY_CANTINIT || code == SQLITE_READONLY_DIRECTORY ||
        code == SQLITE_READONLY_CANTLOCK) {
      return "cannot read it: it is in WAL mode and read-only for this user, and its "
             "shared-memory file " +
             path + "-shm is missing and cannot be created (its directory is not writable)";
    }
    return "it is read-only: this user may not write " + path +
           " (or its -wal and -shm files), or its file system is mounted read-only";
  }
  if (primary != SQLITE_IOERR && primary != SQLITE_CANTOPEN) return {};
  // The errno of the failed system call, which SQLite keeps for I/O errors
  // unless its rollback has overwritten it first (as after a failed COMMIT).
  int error = sqlite3_system_errno(db);
  if (error == 0 && primary == SQLITE_IOERR && at_file_size_limit(path)) error = EFBIG;
  switch (error) {
    case ENOSPC:
      return "the disk is full";
    case EDQUOT:
      return "the disk quota is exceeded";
    case EFBIG:
      return "the file size limit is reached (RLIMIT_FSIZE, ulimit -f)";
    case EROFS:
      return "it is read-only: its file system is mounted read-only";
    case EACCES:
    case EPERM:
      return "permission denied";
    default:
      break;
  }
  return primary == SQLITE_IOERR ? "input/output error" : std::string();
}

}  // namespace

Database::Database(const std::string& path) : path_(path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    if (db_ && sqlite3_system_errno(db_) != 0) {
      message += std::string(" (") + std::strerror(sqlite3_system_errno(db_)) + ")";
    }
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("cannot open database " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
  sqlite3_close_v2(db_);
}

std::string Database::failure(const std::string& plain, std::string_view context) const {
  const auto problem = storage_problem(db_, path_);
  if (problem.empty()) return "database " + path_ + ": " + plain;
  storage_failed_ = true;
  // The cause first, then SQLite's words and what was being done.
  std::string detail = sqlite3_errmsg(db_);
  const int error = sqlite3_system_errno(db_);
  if ((sqlite3_extended_errcode(db_) & 0xff) == SQLITE_IOERR && error != 0) {
    detail += std::string(", ") + std::strerror(error);
  }
  return "database " + path_ + ": " + problem + " (SQLite: " + detail +
         "; in: " + std::string(context) + ")";
}

void Database::fail(std::string_view what) const {
  last_failure_ = failure(std::string(what) + ": " + sqlite3_errmsg(db_), what);
  throw StoreError(last_failure_);
}

void Database::exec(std::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    last_failure_ = failure(message + " (in: " + text.substr(0, 80) + ")", text.substr(0, 80));
    throw StoreError(last_failure_);
  }
}

Statement Database::prepare(std::string_view sql) const {
  return Statement(*this, sql);
}

Statement::Statement(const Database& db, std::string_view sql) : db_(&db) {
  if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
    db.fail("cannot prepare \"" + std::string(sql.substr(0, 80)) + "\"");
  }
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_->fail("bind");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) db_->fail("bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  if (sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                          SQLITE_UTF8) != SQLITE_OK) {
    db_->fail("bind");
  }
  return *this;
}

Statement& Statement::bind_ref(int index, std::string_view value) {
  if (sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8) !=
      SQLITE_OK) {
    db_->fail("bind");
  }
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_->fail("bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // Built with append: GCC 12 warns falsely (-Wrestrict) on chained operator+.
  std::string what = "statement \"";
  const char* sql = sqlite3_sql(stmt_);
  what.append(sql ? std::string_view(sql).substr(0, 80) : std::string_view());
  what.append("\"");
  sqlite3_reset(stmt_);
  db_->fail(what);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
  const auto* data = sqlite3_column_text(stmt_, column);
  if (!data) return {};
  return {reinterpret_cast<const char*>(data),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string_view Statement::text_view(int column) const {
  const auto* data = sqlite3_column_text(stmt_, column);
  if (!data) return {};
  return {reinterpret_cast<const char*>(data),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

SavepointSql::SavepointSql(const Database& db, const std::string& name)
    : database(db),
      open(db, "SAVEPOINT " + name),
      release(db, "RELEASE " + name),
      rollback_to(db, "ROLLBACK TO " + name) {}

Savepoint::Savepoint(SavepointSql& sql) : sql_(sql) {
  sql_.open.run();
}

Savepoint::~Savepoint() {
  if (!open_) return;
  try {
    rollback();
  } catch (...) {  // a destructor must not throw; the outer transaction reports it
  }
}

void Savepoint::release() {
  sql_.release.run();
  open_ = false;
}

void Savepoint::rollback() {
  open_ = false;
  const auto& db = sql_.database;
  const auto storage_failure = [&] {
    return StoreError(db.last_failure().empty()
                          ? "database " + db.path() + ": the transaction ended unexpectedly"
                          : db.last_failure());
  };
  if (sqlite3_get_autocommit(db.handle()) != 0) throw storage_failure();
  const bool storage = db.storage_failed();
  sql_.rollback_to.run();
  sql_.release.run();
  if (storage) throw storage_failure();
}

namespace {
// "INSERT INTO table(columns) VALUES (?,...),(?,...)": `rows` groups of as
// many placeholders as `columns` names.
std::string insert_sql(std::string_view table, std::string_view columns, int rows) {
  const auto count = 1 + std::count(columns.begin(), columns.end(), ',');
  std::string sql = "INSERT OR FAIL INTO " + std::string(table) + "(" + std::string(columns) + ") VALUES ";
  for (int row = 0; row < rows; ++row) {
    sql += row ? ",(" : "(";
    for (std::ptrdiff_t column = 0; column < count; ++column) sql += column ? ",?" : "?";
    sql += ")";
  }
  return sql;
}
}  // namespace

RowInserter::RowInserter(const Database& db, std::string_view table, std::string_view columns,
                         std::string_view suffix)
    : db_(db), columns_(1 + static_cast<int>(std::count(columns.begin(), columns.end(), ','))) {
  statements_.reserve(6);
  for (std::size_t rows = 1; rows <= kMaxRows; rows *= 2) {
    statements_.emplace_back(db, insert_sql(table, columns, static_cast<int>(rows)) +
                                     std::string(suffix));
  }
}

}  // namespace geokg::sqlite

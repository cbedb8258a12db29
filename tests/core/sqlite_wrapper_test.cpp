// White-box tests of core/src/sqlite: how a failure of the storage (read-only
// database, file size limit) is worded, and that a document's savepoint
// stops the caller then instead of isolating the failure to one document.
#include <signal.h>
#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <string>

#include "sqlite.hpp"
#include "test_support.hpp"

using Catch::Matchers::Contains;
using geokg::StoreError;
using geokg::sqlite::Database;
using geokg::sqlite::Savepoint;
using geokg::sqlite::SavepointSql;
using geokg::test::TempDir;

namespace {

// RLIMIT_FSIZE of this process with SIGXFSZ ignored, both restored on exit.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved_) == 0);
    previous_ = ::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{bytes, saved_.rlim_max};
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    ::signal(SIGXFSZ, previous_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit saved_{};
  sighandler_t previous_ = SIG_DFL;
};

void make_table(Database& db) {
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("CREATE TABLE t(x BLOB NOT NULL)");
}

}  // namespace

TEST_CASE("a failure of the data stays with its savepoint", "[core][sqlite]") {
  TempDir dir;
  Database db(dir.file("store.db"));
  make_table(db);
  db.exec("BEGIN");
  SavepointSql sql(db, "document");
  {
    Savepoint savepoint(sql);
    db.exec("INSERT INTO t VALUES (x'01')");
    REQUIRE_THROWS_WITH(db.exec("INSERT INTO t VALUES (NULL)"),
                        "database " + dir.file("store.db") +
                            ": NOT NULL constraint failed: t.x (in: INSERT INTO t VALUES (NULL))");
    CHECK_NOTHROW(savepoint.rollback());
  }
  {
    Savepoint savepoint(sql);
    db.exec("INSERT INTO t VALUES (x'02')");
    savepoint.release();
  }
  db.exec("COMMIT");
  auto count = db.prepare("SELECT count(*) FROM t");
  REQUIRE(count.step());
  CHECK(count.int64(0) == 1);
}

TEST_CASE("a read-only database is named and stops the writer", "[core][sqlite]") {
  TempDir dir;
  const auto path = dir.file("store.db");
  Database db(path);
  make_table(db);
  db.exec("PRAGMA query_only = 1");  // SQLite refuses writes as for a read-only file
  db.exec("BEGIN");
  SavepointSql sql(db, "document");
  Savepoint savepoint(sql);
  const std::string expected = "database " + path + ": it is read-only: this user may not write " +
                               path + " (or its -wal and -shm files), or its file system is " +
                               "mounted read-only (SQLite: attempt to write a readonly database; " +
                               "in: INSERT INTO t VALUES (x'01'))";
  REQUIRE_THROWS_WITH(db.exec("INSERT INTO t VALUES (x'01')"), expected);
  // No other document could be written either: the caller must stop.
  CHECK_THROWS_WITH(savepoint.rollback(), expected);
  db.exec("ROLLBACK");
}

TEST_CASE("a write past the file size limit is named and stops the writer", "[core][sqlite]") {
  TempDir dir;
  const auto path = dir.file("store.db");
  Database db(path);
  make_table(db);
  // A small page cache spills to the log inside the transaction, so the
  // limit is met by a statement, not by COMMIT.
  db.exec("PRAGMA cache_size = 8");
  db.exec("BEGIN");
  SavepointSql sql(db, "document");
  Savepoint savepoint(sql);
  std::string failure;
  {
    const FileSizeLimit limit(256 << 10);
    auto insert = db.prepare("INSERT INTO t VALUES (zeroblob(4000))");
    for (int row = 0; row < 1000 && failure.empty(); ++row) {
      try {
        insert.run();
      } catch (const StoreError& error) {
        failure = error.what();
      }
    }
  }
  INFO(failure);
  CHECK_THAT(failure, Contains("database " + path +
                               ": the file size limit is reached (RLIMIT_FSIZE, ulimit -f) "
                               "(SQLite: disk I/O error"));
  CHECK_THROWS_WITH(savepoint.rollback(), failure);
}

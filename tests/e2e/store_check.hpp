// Corpora for `geokg ingest` and checks of the store it leaves, read with
// SQLite directly: shared by the crash, concurrency and storage tests.
#pragma once

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace geokg::test {

inline constexpr int kDocuments = 2000;
inline constexpr int kEventsPerDocument = 5;

// Document i holds kEventsPerDocument events among a pool of 300 actors, so
// documents share actors, as real corpora do.
inline std::string corpus(int first, int count) {
  std::string text;
  for (int d = first; d < first + count; ++d) {
    for (int e = 0; e < kEventsPerDocument; ++e) {
      const int source = (d * 7 + e) % 300;
      const int target = (d * 13 + e * 3 + 1) % 300;
      text += R"({"document": )";
      text += e == 0 ? R"({"id": "doc-)" + std::to_string(d) + R"(", "title": "Document )" +
                           std::to_string(d) + R"(", "date": "2023-09-05"})"
                     : R"("doc-)" + std::to_string(d) + R"(")";
      text += R"(, "source": {"name": "Actor )" + std::to_string(source) +
              R"(", "code": "RUSGOV"}, "target": {"name": "Actor )" + std::to_string(target) +
              R"("}, "event": {"code": "04)" + std::to_string(e % 6) + R"("}, "sentence": )" +
              std::to_string(e) + "}\n";
    }
  }
  return text;
}

// Runs one query on the database file and returns the first column of every row.
inline std::vector<std::string> query(const std::string& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(handle, 10000);
  std::vector<std::string> rows;
  char* error = nullptr;
  const int rc = sqlite3_exec(
      handle, sql.c_str(),
      [](void* out, int, char** values, char**) {
        static_cast<std::vector<std::string>*>(out)->push_back(values[0] ? values[0] : "NULL");
        return 0;
      },
      &rows, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(handle);
  INFO(sql << ": " << message);
  REQUIRE(rc == SQLITE_OK);
  return rows;
}

struct Counts {
  std::string documents, events, participants, actors, aliases;
  bool operator==(const Counts&) const = default;
};

inline Counts counts(const std::string& db) {
  return {query(db, "SELECT count(*) FROM documents")[0],
          query(db, "SELECT count(*) FROM events")[0],
          query(db, "SELECT count(*) FROM event_participants")[0],
          query(db, "SELECT count(*) FROM actors")[0],
          query(db, "SELECT count(*) FROM actor_aliases")[0]};
}

// Every stored document is whole: all its events, each with both participants,
// and no row points at a missing one.
inline void check_consistent(const std::string& db) {
  CHECK(query(db, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
  // Killed before the schema's transaction committed: an empty store.
  if (query(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'documents'")[0] == "0") {
    CHECK(query(db, "SELECT count(*) FROM sqlite_schema")[0] == "0");
    return;
  }
  CHECK(query(db, "PRAGMA foreign_key_check").empty());
  CHECK(query(db,
              "SELECT d.key FROM documents d LEFT JOIN events e ON e.document_id = d.id "
              "GROUP BY d.id HAVING count(e.id) != " +
                  std::to_string(kEventsPerDocument))
            .empty());
  CHECK(query(db,
              "SELECT e.id FROM events e WHERE (SELECT count(*) FROM event_participants p "
              "WHERE p.event_id = e.id) != 2")
            .empty());
}

}  // namespace geokg::test

#include "pipeline.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "geokg/ingest.hpp"
#include "test_support.hpp"

namespace {

const std::string kTwoDocs =
    R"({"document": {"id": "a", "title": "A"}, "source": {"name": "Kim Jong Un", "code": "PRKGOV"}, "target": {"name": "Russia", "code": "RUS"}, "event": {"code": "042"}, "date": "2023-09-13"})"
    "\n"
    R"({"document": "a", "source": {"name": "Vladimir Putin", "code": "RUSGOV"}, "target": {"name": "Kim Jong Un"}, "event": {"code": "043"}, "date": "2023-09-13"})"
    "\n"
    R"({"document": {"id": "b"}, "source": {"name": "Iran", "code": "IRN"}, "target": {"name": "Russia"}, "event": {"code": "072"}, "date": "2022-10"})"
    "\n";

}  // namespace

TEST_CASE("ingest stores a triples file and is idempotent", "[ingest][pipeline]") {
  geokg::test::TempDir dir;
  const auto file = dir.write("events.jsonl", kTwoDocs);
  auto store = geokg::open_sqlite_store(dir.file("s.db"));

  auto report = geokg::ingest(*store, {file}, {});
  CHECK(report.clean());
  CHECK(report.inputs == 1);
  CHECK(report.lines == 3);
  CHECK(report.documents_added == 2);
  CHECK(report.events_added == 3);
  CHECK(report.actors_added == 4);

  report = geokg::ingest(*store, {file}, {});
  CHECK(report.clean());
  CHECK(report.documents_added == 0);
  CHECK(report.documents_unchanged == 2);
  CHECK(report.events_added == 0);
  CHECK(store->stats().events == 3);
}

TEST_CASE("a malformed line is reported the other lines go in", "[ingest][pipeline]") {
  geokg::test::TempDir dir;
  const auto file = dir.write(
      "mixed.jsonl", kTwoDocs + "{not json}\n" +
                         R"({"document": "c", "source": {"name": "X"}, "event": {"code": "042"}})"
                         "\n");
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  const auto report = geokg::ingest(*store, {file}, {});
  CHECK_FALSE(report.clean());
  CHECK(report.lines == 5);
  CHECK(report.lines_rejected == 1);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].where == file + ":4");
  CHECK(report.documents_added == 3);
  CHECK(store->stats().events == 4);
}

TEST_CASE("missing empty and non-JSON inputs give clear errors", "[ingest][pipeline]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  const auto empty = dir.write("empty.jsonl", "");
  const auto prose = dir.write("article.jsonl", "Kremlin coy on summit\n");
  const auto good = dir.write("good.jsonl", kTwoDocs);
  const auto report = geokg::ingest(*store, {dir.file("missing.jsonl"), empty, prose, good}, {});
  REQUIRE(report.problems.size() == 3);
  CHECK(report.problems[0].where == dir.file("missing.jsonl"));
  CHECK(report.problems[0].message == "cannot open: no such file or directory");
  CHECK_THAT(report.problems[1].message, Catch::Contains("empty"));
  CHECK(report.problems[2].where == prose + ":1");
  CHECK_THAT(report.problems[2].message, Catch::StartsWith("not JSON Lines"));
  CHECK(report.documents_added == 2);  // the good file still goes in
}

TEST_CASE("re-ingesting with another --date adds no copies of inferred events",
          "[ingest][pipeline]") {
  geokg::test::TempDir dir;
  const auto file = dir.write(
      "undated.jsonl",
      R"({"document": "u", "source": {"name": "X"}, "target": {"name": "Y"}, "event": {"code": "042"}})"
      "\n");
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  geokg::IngestOptions options;
  options.default_date = geokg::EventDate::parse("2023-09-05");
  CHECK(geokg::ingest(*store, {file}, options).events_added == 1);
  options.default_date = geokg::EventDate::parse("2024-01-01");
  CHECK(geokg::ingest(*store, {file}, options).events_added == 0);
  CHECK(geokg::ingest(*store, {file}, {}).events_added == 0);
  std::vector<std::string> dates;
  store->for_each_event({}, [&](const geokg::EventRow& row) { dates.push_back(row.date->iso()); });
  CHECK(dates == std::vector<std::string>{"2023-09-05"});
}

TEST_CASE("directories are walked recursively in name order", "[ingest][pipeline]") {
  geokg::test::TempDir dir;
  dir.write("in/b/second.jsonl",
            R"({"document": "d2", "source": {"name": "Y"}, "event": {"code": "042"}})"
            "\n");
  dir.write("in/a.jsonl", R"({"document": "d1", "source": {"name": "X"}, "event": {"code": "042"}})"
                          "\n");
  dir.write("in/.hidden.jsonl", "garbage\n");
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  const auto report = geokg::ingest(*store, {dir.file("in")}, {});
  CHECK(report.clean());
  CHECK(report.inputs == 2);
  CHECK(report.documents_added == 2);
  std::vector<std::string> order;
  store->for_each_event({}, [&](const geokg::EventRow& row) { order.push_back(row.document_key); });
  CHECK(order == std::vector<std::string>{"d1", "d2"});
}

TEST_CASE("articles in every format go through extraction into the store", "[ingest][pipeline]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  const auto html = dir.write(
      "page.html",
      "<!doctype html><html><head><meta property=\"article:published_time\" "
      "content=\"2023-09-13\"><title>Summit</title></head><body><p>Russian President Vladimir "
      "Putin met North Korean leader Kim Jong Un.</p></body></html>");
  const auto docs = dir.write("docs.jsonl", R"({"id": "1", "text": "Kim Jong Un met Putin."})"
                                            "\n");
  const auto text = dir.write("note.txt", "Talks\n\nSergei Shoigu visited Pyongyang.\n");
  geokg::IngestOptions options;
  options.default_date = geokg::EventDate::parse("2023-07-26");
  const auto report = geokg::ingest(*store, {html, docs, text}, options);
  CHECK(report.clean());
  CHECK(report.documents_added == 3);
  // Russian, Vladimir Putin, North Korean, Kim Jong Un; Kim Jong Un, Putin; Sergei Shoigu,
  // Pyongyang (a capital as the actor it stands for).
  CHECK(report.mentions_added == 8);
  const auto shoigu = store->find_actor("sergei-shoigu");
  REQUIRE(shoigu);
  CHECK(shoigu->actor.code == "RUSMIL");
  const auto kim = store->find_actor("kim-jong-un");
  REQUIRE(kim);
  CHECK(kim->actor.code == "PRKGOV");
  CHECK(store->stats().mentions == 8);
  CHECK(geokg::parse_input_format("triples") == geokg::InputFormat::Triples);
  CHECK_THROWS_AS(geokg::parse_input_format("xml"), geokg::IngestError);
}

TEST_CASE("small batches give the same store as one large batch", "[ingest][pipeline]") {
  geokg::test::TempDir dir;
  const auto file = dir.write("events.jsonl", kTwoDocs);
  auto large = geokg::open_sqlite_store(dir.file("large.db"));
  auto small = geokg::open_sqlite_store(dir.file("small.db"));
  geokg::IngestOptions one_per_batch;
  one_per_batch.batch_documents = 1;
  int progress_calls = 0;
  geokg::ingest(*small, {file}, one_per_batch,
                [&](const geokg::IngestReport&) { ++progress_calls; });
  geokg::ingest(*large, {file}, {});
  CHECK(progress_calls == 2);
  CHECK(small->stats().events == large->stats().events);
  CHECK(small->stats().actors == large->stats().actors);
}

namespace {

// A store that accepts a few batches, then fails as a full disk would.
class FailingStore final : public geokg::Store {
 public:
  explicit FailingStore(int good_batches) : good_batches_(good_batches) {}
  std::vector<geokg::WriteOutcome> write(std::span<const geokg::DocumentRecord> records) override {
    if (batches_++ >= good_batches_) throw geokg::StoreError("disk full (test)");
    documents_ += static_cast<int>(records.size());
    return std::vector<geokg::WriteOutcome>(records.size());
  }
  void for_each_actor(const std::function<void(const geokg::ActorRow&)>&) const override {}
  void for_each_event(const geokg::EventFilter&,
                      const std::function<void(const geokg::EventRow&)>&) const override {}
  std::optional<geokg::ActorRow> find_actor(std::string_view) const override { return {}; }
  std::vector<geokg::ActorRow> find_actors_named(std::string_view) const override { return {}; }
  void begin_snapshot() const override {}
  void end_snapshot() const override {}
  geokg::StoreStats stats() const override { return {}; }
  int documents() const { return documents_; }

 private:
  int good_batches_;
  int batches_ = 0;
  int documents_ = 0;
};

std::string many_documents(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += R"({"document": "doc-)" + std::to_string(i) + R"(", "source": {"name": "Actor )" +
            std::to_string(i % 7) +
            R"("}, "target": {"name": "Russia"}, "event": {"code": "042"}})"
            "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("many small batches cross the reader thread in input order", "[ingest][pipeline]") {
  geokg::test::TempDir dir;
  const auto file = dir.write("many.jsonl", many_documents(500));
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  geokg::IngestOptions options;
  options.batch_documents = 3;
  const auto report = geokg::ingest(*store, {file}, options);
  CHECK(report.clean());
  CHECK(report.documents_added == 500);
  std::vector<std::string> order;
  store->for_each_event({}, [&](const geokg::EventRow& row) { order.push_back(row.document_key); });
  REQUIRE(order.size() == 500);
  for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == "doc-" + std::to_string(i));
}

TEST_CASE("a failing store stops the reader and reports the error", "[ingest][pipeline]") {
  geokg::test::TempDir dir;
  const auto file = dir.write("many.jsonl", many_documents(200));
  FailingStore store(2);
  geokg::IngestOptions options;
  options.batch_documents = 5;
  // The reader is blocked on a full queue when the writer fails: ingest must
  // wake it, join it and pass the store's error on, not hang.
  CHECK_THROWS_WITH(geokg::ingest(store, {file}, options), Catch::Contains("disk full"));
  CHECK(store.documents() == 10);
}

TEST_CASE("a store failing on the last batch passes its own error on, whatever the jobs",
          "[ingest][pipeline][jobs]") {
  geokg::test::TempDir dir;
  const auto file = dir.write("many.jsonl", many_documents(12));
  for (const std::size_t jobs : {1, 2}) {
    INFO("jobs " << jobs);
    FailingStore store(2);  // batches of 5: the third, of 2 documents, is the last
    geokg::IngestOptions options;
    options.batch_documents = 5;
    options.jobs = jobs;
    CHECK_THROWS_AS(geokg::ingest(store, {file}, options), geokg::StoreError);
    CHECK(store.documents() == 10);
  }
}

// ---------------------------------------------------------------------------
// The parallel pipeline: the same store whatever the number of jobs.

namespace {

const std::string kSource = GEOKG_SOURCE_DIR;

// Every row of every table, in row order (or key order for WITHOUT ROWID
// tables), ids included: two stores with the same dump hold the same data
// under the same ids. Only the ingest time stamps are left out.
std::string dump_store(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  const auto rows = [&](const std::string& sql, const std::function<void(sqlite3_stmt*)>& row) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) return false;
    while (sqlite3_step(statement) == SQLITE_ROW) row(statement);
    sqlite3_finalize(statement);
    return true;
  };
  std::vector<std::string> tables;
  rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", [&](sqlite3_stmt* s) {
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  });
  std::string dump;
  for (const auto& table : tables) {
    std::string columns;
    rows("PRAGMA table_info(" + table + ")", [&](sqlite3_stmt* s) {
      const std::string column = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
      if (column == "ingested_at") return;
      columns += (columns.empty() ? "" : ", ") + column;
    });
    dump += "table " + table + "\n";
    const auto add_row = [&](sqlite3_stmt* s) {
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        const auto* text = sqlite3_column_text(s, i);
        dump += text ? std::string(reinterpret_cast<const char*>(text),
                                   static_cast<std::size_t>(sqlite3_column_bytes(s, i)))
                     : "NULL";
        dump += '\t';
      }
      dump += '\n';
    };
    const auto select = "SELECT rowid, " + columns + " FROM " + table;
    if (!rows(select + " ORDER BY rowid", add_row)) {
      std::string all;
      for (int i = 1; i <= static_cast<int>(std::count(columns.begin(), columns.end(), ',')) + 1;
           ++i) {
        all += (i > 1 ? ", " : "") + std::to_string(i);
      }
      REQUIRE(rows("SELECT " + columns + " FROM " + table + " ORDER BY " + all, add_row));
    }
  }
  sqlite3_close(db);
  return dump;
}

// The keys of the stored documents, in id order.
std::vector<std::string> document_keys(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT key FROM documents ORDER BY id", -1, &statement,
                             nullptr) == SQLITE_OK);
  std::vector<std::string> keys;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    keys.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return keys;
}

// Everything an ingest reports, as text, for comparing runs.
std::string describe(const geokg::IngestReport& report) {
  std::string text;
  for (const auto count :
       {report.inputs, report.lines, report.lines_rejected, report.documents_added,
        report.documents_extended, report.documents_unchanged, report.documents_duplicate,
        report.documents_rejected, report.events_added, report.actors_added, report.mentions_added,
        report.events_updated, report.words, report.input_bytes, report.input_bytes_total}) {
    text += std::to_string(count) + " ";
  }
  text += "\n";
  for (const auto& problem : report.problems) {
    text += "problem " + problem.where + ": " + problem.message + "\n";
  }
  for (const auto& warning : report.warnings) text += "warning " + warning + "\n";
  return text;
}

struct Run {
  geokg::IngestReport report;
  std::string dump;
};

Run ingest_with_jobs(const geokg::test::TempDir& dir, const std::vector<std::string>& paths,
                     std::size_t jobs, std::size_t batch = 7) {
  const auto db = dir.file("jobs-" + std::to_string(jobs) + "-" + std::to_string(batch) + ".db");
  geokg::IngestOptions options;
  options.jobs = jobs;
  options.batch_documents = batch;
  Run run;
  {
    auto store = geokg::open_sqlite_store(db);
    run.report = geokg::ingest(*store, paths, options);
  }
  run.dump = dump_store(db);
  return run;
}

// Articles of every kind, and triples: the samples, the gold passages, and
// generated documents; one of them a copy of another (a duplicate), one
// without a date, one with invalid UTF-8 (warnings).
std::vector<std::string> mixed_corpus(const geokg::test::TempDir& dir) {
  std::string generated;
  for (int i = 0; i < 60; ++i) {
    generated += R"({"id": "gen-)" + std::to_string(i) + R"(", "date": "2023-0)" +
                 std::to_string(1 + i % 9) + R"(-1)" + std::to_string(i % 10) +
                 R"(", "text": "Russian President Vladimir Putin met Chinese President Xi )"
                 R"(Jinping in Beijing. Iran condemned Israel over the strike, officials said. )"
                 R"(Copy )" +
                 std::to_string(i) +
                 R"(."})"
                 "\n";
  }
  generated += R"({"id": "undated", "text": "Kim Jong Un met Putin in Vladivostok."})"
               "\n";
  generated +=
      "{\"id\": \"bad-bytes\", \"date\": \"2023-05-01\", \"text\": \"Turkey \xff"
      "criticised Sweden.\"}\n";
  return {kSource + "/samples", kSource + "/tests/data/gold",
          dir.write("generated/docs.jsonl", generated),
          dir.write("generated/copy.txt",
                    geokg::test::read_file(kSource + "/samples/articles/baltic-drills.txt"))};
}

}  // namespace

TEST_CASE("the store is byte for byte the same whatever the number of jobs",
          "[ingest][pipeline][jobs]") {
  geokg::test::TempDir dir;
  const auto paths = mixed_corpus(dir);
  const auto one = ingest_with_jobs(dir, paths, 1);
  REQUIRE(one.report.clean());
  CHECK(one.report.inputs == 10);
  CHECK(one.report.documents_duplicate == 1);  // copy.txt
  // samples (13), the gold README (as a text article) and passages, generated.
  CHECK(one.report.documents_added == 13 + 1 + 55 + 94 + 62);
  CHECK(one.report.events_added > 300);
  CHECK(one.report.mentions_added > 1000);
  CHECK_THAT(describe(one.report), Catch::Contains("warning undated: no publication date") &&
                                       Catch::Contains("docs.jsonl:62: invalid UTF-8"));
  CHECK(one.dump.size() > 100000);
  for (const std::size_t jobs : {2, 4}) {
    INFO("jobs " << jobs);
    const auto run = ingest_with_jobs(dir, paths, jobs);
    CHECK(describe(run.report) == describe(one.report));
    CHECK(run.dump == one.dump);
  }
  // One large batch: the same store again.
  CHECK(ingest_with_jobs(dir, paths, 3, 4096).dump == one.dump);
}

TEST_CASE("bad lines and unreadable files give the same problems whatever the number of jobs",
          "[ingest][pipeline][jobs]") {
  geokg::test::TempDir dir;
  std::string lines;
  for (int i = 0; i < 40; ++i) {
    if (i == 17) lines += "{\"id\": \"broken\", \"text\": \n";
    if (i == 29) lines += "{\"id\": \"no-text\"}\n";
    lines += R"({"id": "doc-)" + std::to_string(i) +
             R"(", "date": "2023-09-13", "text": "Kim Jong Un met Vladimir Putin in )"
             R"(Vladivostok and Russia praised North Korea. Note )" +
             std::to_string(i) +
             R"(."})"
             "\n";
  }
  const auto docs = dir.write("in/a-docs.jsonl", lines);
  const auto binary = dir.write("in/b-binary.txt", std::string("abc\0def", 7));
  const auto triples = dir.write("in/c-triples.jsonl", kTwoDocs + "{not json}\n");
  const auto empty = dir.write("in/d-empty.txt", "   \n");
  const std::vector<std::string> paths = {dir.file("in"), dir.file("missing.txt")};

  const auto one = ingest_with_jobs(dir, paths, 1, 5);
  std::vector<std::string> problems;
  for (const auto& problem : one.report.problems) problems.push_back(problem.where);
  CHECK(problems == std::vector<std::string>{docs + ":18", docs + ":31", binary, triples + ":4",
                                             empty, dir.file("missing.txt")});
  CHECK(one.report.documents_added == 40 + 2);
  CHECK(one.report.lines_rejected == 5);
  for (const std::size_t jobs : {2, 4}) {
    INFO("jobs " << jobs);
    const auto run = ingest_with_jobs(dir, paths, jobs, 5);
    CHECK(describe(run.report) == describe(one.report));
    CHECK(run.dump == one.dump);
  }
}

TEST_CASE("progress counts words and input bytes", "[ingest][pipeline][jobs]") {
  geokg::test::TempDir dir;
  const std::string docs =
      R"({"id": "1", "date": "2023-09-13", "text": "Kim Jong Un met Putin."})"
      "\n"
      R"({"id": "2", "date": "2023-09-13", "text": "Iran  condemned\nIsrael."})"
      "\n";
  const auto file = dir.write("docs.jsonl", docs);
  const auto triples = dir.write("events.jsonl", kTwoDocs);
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  geokg::IngestOptions options;
  options.batch_documents = 1;
  options.jobs = 2;
  std::vector<std::int64_t> read;
  const auto report =
      geokg::ingest(*store, {file, triples}, options, [&](const geokg::IngestReport& progress) {
        CHECK(progress.input_bytes_total ==
              static_cast<std::int64_t>(docs.size() + kTwoDocs.size()));
        read.push_back(progress.input_bytes);
      });
  CHECK(report.words == 5 + 3);
  CHECK(report.input_bytes == static_cast<std::int64_t>(docs.size() + kTwoDocs.size()));
  CHECK(report.input_bytes_total == report.input_bytes);
  REQUIRE(read.size() == 4);  // one document per batch
  CHECK(std::is_sorted(read.begin(), read.end()));
  CHECK(read.back() == report.input_bytes);
}

TEST_CASE("a job count above the limit is refused", "[ingest][pipeline][jobs]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  geokg::IngestOptions options;
  options.jobs = geokg::kMaxIngestJobs + 1;
  CHECK_THROWS_AS(geokg::ingest(*store, {dir.write("e.jsonl", kTwoDocs)}, options),
                  geokg::IngestError);
  CHECK(geokg::pipeline::worker_count({}) >= 1);
  options.jobs = 3;
  CHECK(geokg::pipeline::worker_count(options) == 3);
}

TEST_CASE("one job reads, extracts and writes on the calling thread", "[ingest][pipeline][jobs]") {
  geokg::test::TempDir dir;
  const auto file = dir.write("docs.jsonl", R"({"id": "a", "text": "Putin met Xi in Beijing."})"
                                            "\n"
                                            R"({"id": "b", "text": "Iran condemned Israel."})"
                                            "\n");
  const geokg::Extractor extractor(geokg::Dictionary::builtin(), geokg::Ontology::builtin());
  for (const std::size_t jobs : {1, 2}) {
    INFO("jobs " << jobs);
    auto store = geokg::open_sqlite_store(dir.file("thread-" + std::to_string(jobs) + ".db"));
    geokg::IngestOptions options;
    options.jobs = jobs;
    std::vector<std::thread::id> extracting;
    std::mutex mutex;
    const auto report =
        geokg::pipeline::ingest_with(*store, {file}, options, {}, [&](geokg::Document&& document) {
          const std::lock_guard lock(mutex);
          extracting.push_back(std::this_thread::get_id());
          return extractor.extract(std::move(document));
        });
    CHECK(report.documents_added == 2);
    REQUIRE(extracting.size() == 2);
    for (const auto id : extracting) CHECK((id == std::this_thread::get_id()) == (jobs == 1));
  }
}

TEST_CASE("an exception in an extraction worker stops ingest after the documents before it",
          "[ingest][pipeline][jobs]") {
  geokg::test::TempDir dir;
  std::string lines;
  for (int i = 0; i < 300; ++i) {
    lines += R"({"id": "doc-)" + std::to_string(i) + R"(", "date": "2023-09-13", "text": ")" +
             std::string(static_cast<std::size_t>(200 + i % 50), 'x') + " " + std::to_string(i) +
             R"(. Putin met Xi."})"
             "\n";
  }
  const auto file = dir.write("docs.jsonl", lines);
  const geokg::Extractor extractor(geokg::Dictionary::builtin(), geokg::Ontology::builtin());
  for (const std::size_t jobs : {1, 2, 4}) {
    INFO("jobs " << jobs);
    const auto db = dir.file("fail-" + std::to_string(jobs) + ".db");
    auto store = geokg::open_sqlite_store(db);
    geokg::IngestOptions options;
    options.jobs = jobs;
    options.batch_documents = 16;
    CHECK_THROWS_WITH(
        geokg::pipeline::ingest_with(*store, {file}, options, {},
                                     [&](geokg::Document&& document) {
                                       if (document.key == "doc-201") {
                                         throw std::runtime_error("extractor broke (test)");
                                       }
                                       return extractor.extract(std::move(document));
                                     }),
        "extractor broke (test)");
    store.reset();
    // Exactly the documents before the failing one, in order.
    const auto keys = document_keys(db);
    REQUIRE(keys.size() == 201);
    for (std::size_t i = 0; i < keys.size(); ++i) CHECK(keys[i] == "doc-" + std::to_string(i));
  }
}

TEST_CASE("a failing store stops busy extraction workers without a hang",
          "[ingest][pipeline][jobs]") {
  geokg::test::TempDir dir;
  std::string lines;
  for (int i = 0; i < 400; ++i) {
    lines += R"({"id": "doc-)" + std::to_string(i) +
             R"(", "text": "Russian President Vladimir Putin met Kim Jong Un. )" +
             std::to_string(i) +
             R"("})"
             "\n";
  }
  const auto file = dir.write("docs.jsonl", lines);
  for (const std::size_t jobs : {1, 4}) {
    INFO("jobs " << jobs);
    FailingStore store(3);
    geokg::IngestOptions options;
    options.batch_documents = 10;
    options.jobs = jobs;
    CHECK_THROWS_WITH(geokg::ingest(store, {file}, options), Catch::Contains("disk full"));
    CHECK(store.documents() == 30);
  }
}

#include <catch2/catch.hpp>

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
  const auto file = dir.write("mixed.jsonl", kTwoDocs + "{not json}\n" +
                                                 R"({"document": "c", "source": {"name": "X"}, "event": {"code": "042"}})" "\n");
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
  const auto report =
      geokg::ingest(*store, {dir.file("missing.jsonl"), empty, prose, good}, {});
  REQUIRE(report.problems.size() == 3);
  CHECK(report.problems[0].where == dir.file("missing.jsonl"));
  CHECK(report.problems[0].message == "cannot open: no such file or directory");
  CHECK_THAT(report.problems[1].message, Catch::Contains("empty"));
  CHECK(report.problems[2].where == prose + ":1");
  CHECK_THAT(report.problems[2].message, Catch::StartsWith("not JSON Lines"));
  CHECK(report.documents_added == 2);  // the good file still goes in
}

TEST_CASE("re-ingesting with another --date adds no copies of inferred events", "[ingest][pipeline]") {
  geokg::test::TempDir dir;
  const auto file = dir.write("undated.jsonl",
      R"({"document": "u", "source": {"name": "X"}, "target": {"name": "Y"}, "event": {"code": "042"}})" "\n");
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
            R"({"document": "d2", "source": {"name": "Y"}, "event": {"code": "042"}})" "\n");
  dir.write("in/a.jsonl",
            R"({"document": "d1", "source": {"name": "X"}, "event": {"code": "042"}})" "\n");
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

TEST_CASE("articles in every format go through extraction into the store",
          "[ingest][pipeline]") {
  geokg::test::TempDir dir;
  auto store = geokg::open_sqlite_store(dir.file("s.db"));
  const auto html = dir.write(
      "page.html",
      "<!doctype html><html><head><meta property=\"article:published_time\" "
      "content=\"2023-09-13\"><title>Summit</title></head><body><p>Russian President Vladimir "
      "Putin met North Korean leader Kim Jong Un.</p></body></html>");
  const auto docs = dir.write("docs.jsonl", R"({"id": "1", "text": "Kim Jong Un met Putin."})" "\n");
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
  geokg::ingest(*small, {file}, one_per_batch, [&](const geokg::IngestReport&) { ++progress_calls; });
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
    text += R"({"document": "doc-)" + std::to_string(i) +
            R"(", "source": {"name": "Actor )" + std::to_string(i % 7) +
            R"("}, "target": {"name": "Russia"}, "event": {"code": "042"}})" "\n";
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

// Crash safety and concurrency of `geokg ingest`, through the real binary:
// SIGKILL at random moments, and two ingests (plus an export) on one store.
//
// The number of kill trials comes from GEOKG_CRASH_TRIALS (default 4, which
// `make test` runs); scripts/crash-trials runs 100. Kill moments are random,
// but every assertion must hold whatever the moment: the test never depends
// on timing, only its coverage does.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

#include "store_check.hpp"
#include "test_support.hpp"

extern char** environ;

namespace {

using geokg::test::TempDir;

using geokg::test::check_consistent;
using geokg::test::corpus;
using geokg::test::counts;
using geokg::test::kDocuments;
using geokg::test::kEventsPerDocument;
using geokg::test::query;
const std::string kCli = GEOKG_CLI;

pid_t spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(rc == 0);
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

std::vector<std::string> ingest_args(const std::string& file, const std::string& db, int batch) {
  return {kCli, "ingest", file, "--db", db, "--batch", std::to_string(batch)};
}

int trials() {
  const char* value = std::getenv("GEOKG_CRASH_TRIALS");
  return value ? std::max(1, std::atoi(value)) : 4;
}

}  // namespace

TEST_CASE("ingest killed at random moments leaves whole documents only", "[e2e][crash]") {
  TempDir dir;
  const auto file = dir.write("corpus.jsonl", corpus(0, kDocuments));

  // The reference: one uninterrupted run, timed to spread the kills over it.
  const auto reference_db = dir.file("reference.db");
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(wait_exit(spawn(ingest_args(file, reference_db, 10))) == 0);
  const auto duration = std::chrono::steady_clock::now() - start;
  const auto reference = counts(reference_db);
  REQUIRE(reference.documents == std::to_string(kDocuments));
  REQUIRE(reference.events == std::to_string(kDocuments * kEventsPerDocument));

  std::mt19937 random(20261127);
  int killed_mid_run = 0;
  for (int trial = 0; trial < trials(); ++trial) {
    INFO("trial " << trial);
    const auto db = dir.file("trial-" + std::to_string(trial) + ".db");
    // Small transactions for most trials, so kills land between many commits;
    // the default size for some, so they also land inside a large one.
    const int batch = trial % 4 == 3 ? 4096 : 10;
    std::uniform_int_distribution<long long> moment(
        0, std::chrono::duration_cast<std::chrono::microseconds>(duration).count() * 11 / 10);
    const pid_t pid = spawn(ingest_args(file, db, batch));
    std::this_thread::sleep_for(std::chrono::microseconds(moment(random)));
    ::kill(pid, SIGKILL);
    if (wait_exit(pid) == -SIGKILL) ++killed_mid_run;

    if (std::filesystem::exists(db)) check_consistent(db);
    // Running the same ingest again completes the store exactly.
    REQUIRE(wait_exit(spawn(ingest_args(file, db, batch))) == 0);
    check_consistent(db);
    CHECK(counts(db) == reference);
  }
  WARN("crash trials: " << trials() << ", killed before finishing: " << killed_mid_run);
}

TEST_CASE("two ingests and an export share one store", "[e2e][concurrency]") {
  TempDir dir;
  const auto db = dir.file("shared.db");
  // Overlapping halves: documents 500-1499 are in both files.
  const auto first = dir.write("first.jsonl", corpus(0, 1500));
  const auto second = dir.write("second.jsonl", corpus(500, 1500));
  const auto a = spawn(ingest_args(first, db, 20));
  const auto b = spawn(ingest_args(second, db, 20));
  // Exports while both write: each must see a consistent snapshot.
  int exports_ok = 0;
  for (int i = 0; i < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    const auto out = dir.file("during-" + std::to_string(i) + ".graphml");
    const int rc = wait_exit(spawn({kCli, "export", "--db", db, "--out", out}));
    // Before the first commit the store may not exist yet (exit 2); never worse.
    CHECK((rc == 0 || rc == 2));
    if (rc == 0) ++exports_ok;
  }
  CHECK(wait_exit(a) == 0);
  CHECK(wait_exit(b) == 0);
  check_consistent(db);
  const auto result = counts(db);
  CHECK(result.documents == "2000");  // no document lost, none twice
  CHECK(result.events == std::to_string(2000 * kEventsPerDocument));
  CHECK(
      query(db,
            "SELECT count(*) FROM (SELECT key FROM actors GROUP BY key HAVING count(*) > 1)")[0] ==
      "0");
  WARN("exports during the ingests that succeeded: " << exports_ok << " of 3");
}

namespace {

// GDELT 2.0 rows `first` .. `first + count - 1` (GLOBALEVENTIDs one more), five to a
// SOURCEURL, each with two actors from a pool of 300: the fixture's first
// row with those columns replaced.
std::string gdelt_corpus(int first, int count) {
  const auto fixture = geokg::test::read_file(std::string(GEOKG_SOURCE_DIR) +
                                              "/tests/data/gdelt/20230913120000.export.CSV");
  std::vector<std::string> fields;
  std::size_t start = 0;
  const auto line = fixture.substr(0, fixture.find('\n'));
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
    fields.push_back(line.substr(start, tab - start));
  }
  fields.push_back(line.substr(start));
  REQUIRE(fields.size() == 61);
  std::string text;
  for (int id = first; id < first + count; ++id) {
    fields[0] = std::to_string(id + 1);
    fields[6] = "ACTOR " + std::to_string(id * 7 % 300);
    fields[16] = "ACTOR " + std::to_string((id * 13 + 1) % 300);
    fields[60] = "http://example.com/doc-" + std::to_string(id / kEventsPerDocument);
    for (std::size_t i = 0; i < fields.size(); ++i) text += (i ? "\t" : "") + fields[i];
    text += '\n';
  }
  return text;
}

}  // namespace

TEST_CASE("GDELT ingest killed at random moments leaves whole documents only",
          "[e2e][crash][gdelt]") {
  TempDir dir;
  const int rows = kDocuments * kEventsPerDocument;
  const auto file = dir.write("20230913120000.export.CSV", gdelt_corpus(0, rows));
  const auto reference_db = dir.file("reference.db");
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(wait_exit(spawn(ingest_args(file, reference_db, 10))) == 0);
  const auto duration = std::chrono::steady_clock::now() - start;
  const auto reference = counts(reference_db);
  REQUIRE(reference.events == std::to_string(rows));

  std::mt19937 random(20150218);
  for (int trial = 0; trial < trials(); ++trial) {
    INFO("trial " << trial);
    const auto db = dir.file("trial-" + std::to_string(trial) + ".db");
    const int batch = trial % 4 == 3 ? 4096 : 10;
    std::uniform_int_distribution<long long> moment(
        0, std::chrono::duration_cast<std::chrono::microseconds>(duration).count() * 11 / 10);
    const pid_t pid = spawn(ingest_args(file, db, batch));
    std::this_thread::sleep_for(std::chrono::microseconds(moment(random)));
    ::kill(pid, SIGKILL);
    wait_exit(pid);
    if (std::filesystem::exists(db)) check_consistent(db);
    REQUIRE(wait_exit(spawn(ingest_args(file, db, batch))) == 0);
    check_consistent(db);
    CHECK(counts(db) == reference);
    CHECK(query(db, "SELECT count(*) FROM event_gdelt")[0] == std::to_string(rows));
  }
}

TEST_CASE("two GDELT ingests of overlapping files share one store", "[e2e][concurrency][gdelt]") {
  TempDir dir;
  const auto db = dir.file("shared.db");
  // Rows 2500-7499 are in both files.
  const auto first = dir.write("a/20230913120000.export.CSV", gdelt_corpus(0, 7500));
  const auto second = dir.write("b/20230913121500.export.CSV", gdelt_corpus(2500, 7500));
  const auto a = spawn(ingest_args(first, db, 20));
  const auto b = spawn(ingest_args(second, db, 20));
  CHECK(wait_exit(a) == 0);
  CHECK(wait_exit(b) == 0);
  check_consistent(db);
  CHECK(counts(db).events == "10000");
  CHECK(counts(db).documents == "2000");
  CHECK(query(db, "SELECT count(*) FROM event_gdelt")[0] == "10000");
  CHECK(query(db,
              "SELECT count(*) FROM events e LEFT JOIN event_gdelt g ON g.event_id = e.id "
              "WHERE g.event_id IS NULL")[0] == "0");
}

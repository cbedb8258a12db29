// `geokg` when the storage refuses: a file size limit (RLIMIT_FSIZE), a full
// disk (a small tmpfs), a store this user may not write, an export target it
// may not write. Each time geokg must say so, naming the file, exit 2, and
// leave the store exactly as it was.
//
// We run as root in CI, where file modes stop nothing: the read-only cases
// run geokg as nobody through setpriv, the full disk mounts a tmpfs in a
// mount namespace of its own (unshare -m). Where a mechanism is missing the
// test says so with a warning and checks nothing of it; it never passes in
// silence.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store_check.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using geokg::test::check_consistent;
using geokg::test::corpus;
using geokg::test::Counts;
using geokg::test::counts;
using geokg::test::kEventsPerDocument;
using geokg::test::query;
using geokg::test::read_file;
using geokg::test::TempDir;

const std::string kCli = GEOKG_CLI;
constexpr uid_t kNobody = 65534;

struct Outcome {
  int exit_code = -1;  // -1 when a signal ended the process
  int signal = 0;
  std::string out;
  std::string err;
};

// What the child does with SIGXFSZ: geokg must cope with both dispositions
// it may inherit.
enum class Sigxfsz { Default, Ignored };

// Runs `args` (argv[0] a path) with stdout and stderr captured; with
// `file_limit`, under that RLIMIT_FSIZE in bytes.
Outcome run_child(const std::vector<std::string>& args,
                  std::optional<rlim_t> file_limit = std::nullopt,
                  Sigxfsz sigxfsz = Sigxfsz::Default) {
  TempDir capture;
  const auto out_file = capture.file("stdout");
  const auto err_file = capture.file("stderr");
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {  // only async-signal-safe calls until exec
    if (file_limit) {
      const rlimit limit{*file_limit, *file_limit};
      if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(126);
    }
    ::signal(SIGXFSZ, sigxfsz == Sigxfsz::Ignored ? SIG_IGN : SIG_DFL);
    const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out < 0 || err < 0 || ::dup2(out, STDOUT_FILENO) < 0 || ::dup2(err, STDERR_FILENO) < 0) {
      ::_exit(126);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  Outcome outcome;
  if (WIFEXITED(status)) outcome.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) outcome.signal = WTERMSIG(status);
  outcome.out = read_file(out_file);
  outcome.err = read_file(err_file);
  return outcome;
}

std::vector<std::string> geokg_args(std::vector<std::string> args) {
  args.insert(args.begin(), kCli);
  return args;
}

std::vector<std::string> ingest(const std::string& file, const std::string& db, int batch) {
  return geokg_args({"ingest", file, "--db", db, "--batch", std::to_string(batch)});
}

// A store of documents 0-199, then the file of documents 200-2199, whose
// single transaction needs about 3 MB of write-ahead log.
struct Fixture {
  TempDir dir;
  std::string db = dir.file("store.db");
  std::string more = dir.write("more.jsonl", corpus(200, 2000));
  Counts before;
  Counts complete;  // documents 0-2199

  Fixture() {
    const auto first = dir.write("first.jsonl", corpus(0, 200));
    const auto made = run_child(ingest(first, db, 4096));
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    before = counts(db);
    REQUIRE(before.documents == "200");
    complete = before;
    complete.documents = "2200";
    complete.events = std::to_string(2200 * kEventsPerDocument);
    complete.participants = std::to_string(2200 * kEventsPerDocument * 2);
  }
};

// The store is whole and, after a later ingest of `more` without any limit,
// complete.
void check_recovers(const Fixture& fixture) {
  check_consistent(fixture.db);
  const auto again = run_child(ingest(fixture.more, fixture.db, 4096));
  INFO(again.err);
  CHECK(again.exit_code == 0);
  check_consistent(fixture.db);
  CHECK(counts(fixture.db) == fixture.complete);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("ingest past the file size limit says so and keeps the store as it was",
          "[e2e][storage]") {
  // 1 MB: the store (about 0.5 MB) is below it, the log of the new batch
  // grows past it.
  constexpr rlim_t kLimit = 1 << 20;
  for (const auto sigxfsz : {Sigxfsz::Default, Sigxfsz::Ignored}) {
    INFO("SIGXFSZ " << (sigxfsz == Sigxfsz::Default ? "default (kills)" : "ignored"));
    Fixture fixture;
    REQUIRE(fs::file_size(fixture.db) < kLimit);
    const auto result = run_child(ingest(fixture.more, fixture.db, 4096), kLimit, sigxfsz);
    INFO(result.err);
    // geokg ignores SIGXFSZ itself: a write past the limit fails with EFBIG
    // and is reported, whatever the disposition it inherited.
    CHECK(result.signal == 0);
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "geokg: database " + fixture.db +
                                   ": the file size limit is reached (RLIMIT_FSIZE, ulimit -f)"));
    CHECK_FALSE(contains(result.err, "internal error"));
    // One batch, so one transaction: nothing of it is stored.
    CHECK(counts(fixture.db) == fixture.before);
    check_recovers(fixture);
  }
}

TEST_CASE("ingest past the file size limit in small batches keeps whole documents only",
          "[e2e][storage]") {
  Fixture fixture;
  const auto result = run_child(ingest(fixture.more, fixture.db, 50), 1 << 20, Sigxfsz::Ignored);
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "database " + fixture.db + ": the file size limit is reached"));
  // Batches committed before the limit stay; the failing one is gone whole.
  const auto stored = std::stoi(counts(fixture.db).documents);
  CHECK(stored > 200);
  CHECK(stored < 2200);
  CHECK((stored - 200) % 50 == 0);
  check_recovers(fixture);
}

TEST_CASE("ingest into a full disk says so and keeps the store as it was", "[e2e][storage]") {
  Fixture fixture;
  const auto mount = fixture.dir.file("mnt");
  const auto saved = fixture.dir.file("saved");
  fs::create_directories(mount);
  fs::create_directories(saved);
  // The tmpfs lives only in the namespace of this shell: the store is copied
  // in, ingested into, and copied out (with its -wal, if any) for checking.
  const std::string script =
      "mount -t tmpfs -o size=1m tmpfs \"$1\" || exit 100\n"
      "[ \"$2\" = probe ] && exit 0\n"
      "cp \"$2\" \"$1/store.db\" || exit 101\n"
      "\"$3\" ingest \"$4\" --db \"$1/store.db\"\n"
      "rc=$?\n"
      "cp \"$1\"/store.db* \"$5\"/ || exit 102\n"
      "exit $rc\n";
  const auto probe =
      run_child({"/usr/bin/unshare", "-m", "/bin/sh", "-c", script, "sh", mount, "probe"});
  if (probe.exit_code != 0) {
    WARN(
        "SKIPPED: cannot mount a small tmpfs in a private mount namespace (unshare -m, needs "
        "CAP_SYS_ADMIN): "
        << probe.err);
    return;
  }
  const auto result = run_child({"/usr/bin/unshare", "-m", "/bin/sh", "-c", script, "sh", mount,
                                 fixture.db, kCli, fixture.more, saved});
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "geokg: database " + mount + "/store.db: the disk is full"));
  const auto copy = saved + "/store.db";
  CHECK(counts(copy) == fixture.before);
  check_consistent(copy);
  check_recovers(fixture);
}

namespace {

// Runs commands as a user who may not write what we own: nobody, through
// setpriv, when we are root; ourselves otherwise (then file modes suffice).
class Unprivileged {
 public:
  Unprivileged() {
    if (::geteuid() != 0) return;
    prefix_ = {"/usr/bin/setpriv", "--reuid=" + std::to_string(kNobody),
               "--regid=" + std::to_string(kNobody), "--clear-groups"};
    if (!fs::exists(prefix_[0])) {
      unavailable_ = "/usr/bin/setpriv is missing (util-linux)";
      return;
    }
    // The mechanism must really stop writes, and nobody must reach geokg.
    TempDir probe;
    fs::permissions(probe.path(), fs::perms::owner_all | fs::perms::group_read |
                                      fs::perms::group_exec | fs::perms::others_read |
                                      fs::perms::others_exec);
    const auto file = probe.write("file", "x");
    const auto write = run_child(command({"/bin/sh", "-c", "echo y >> \"$0\"", file}));
    if (write.exit_code == 0 || read_file(file) != "x") {
      unavailable_ = "setpriv did not stop a write to a root-owned file: " + write.err;
      return;
    }
    const auto version = run_child(command({kCli, "--version"}));
    if (version.exit_code != 0) {
      unavailable_ = "nobody cannot run " + kCli + ": " + version.err;
    }
  }

  // True when commands can run as such a user; else says why in a warning,
  // and the caller skips its case.
  bool available() const {
    if (unavailable_.empty()) return true;
    WARN("SKIPPED: no way to run geokg without write access here: " << unavailable_);
    return false;
  }
  bool as_root() const { return !prefix_.empty(); }

  std::vector<std::string> command(std::vector<std::string> args) const {
    args.insert(args.begin(), prefix_.begin(), prefix_.end());
    return args;
  }

  // Makes `file` one the user may read but not write.
  void protect_file(const std::string& file) const {
    if (!as_root())
      fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  }
  // Makes `file` writable again, with the -wal and -shm files that SQLite
  // created meanwhile with its mode.
  void restore_file(const std::string& file) const {
    for (const auto& path : {file, file + "-wal", file + "-shm"}) {
      if (fs::exists(path)) fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
    }
  }
  // Makes `dir` one the user may enter and read, and write when `writable`.
  void set_directory(const fs::path& dir, bool writable) const {
    const auto read = fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                      fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec;
    fs::permissions(dir, read | (writable || as_root() ? fs::perms::owner_write : fs::perms::none));
    if (as_root()) REQUIRE(::chown(dir.c_str(), writable ? kNobody : 0, 0) == 0);
  }
  // Gives `dir` back to us, writable, so that it can be removed.
  void restore_directory(const fs::path& dir) const {
    if (as_root()) REQUIRE(::chown(dir.c_str(), 0, 0) == 0);
    fs::permissions(dir, fs::perms::owner_all);
  }

 private:
  std::vector<std::string> prefix_;
  std::string unavailable_;
};

}  // namespace

TEST_CASE("a read-only store refuses ingest, keeps its data and still answers reads",
          "[e2e][storage]") {
  const Unprivileged user;
  if (!user.available()) return;
  Fixture fixture;
  const auto graph = fixture.dir.file("graph.graphml");
  // Reads need the store's -shm file: here the user may create it in the
  // directory, but not write the store itself.
  user.protect_file(fixture.db);
  user.set_directory(fixture.dir.path(), true);

  const auto refused = run_child(user.command(ingest(fixture.more, fixture.db, 4096)));
  INFO(refused.err);
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, "geokg: database " + fixture.db + ": it is read-only"));
  // Said once, not once per document.
  CHECK(std::count(refused.err.begin(), refused.err.end(), '\n') == 1);

  const auto stats =
      run_child(user.command(geokg_args({"stats", "--db", fixture.db, "--format", "json"})));
  INFO(stats.err);
  CHECK(stats.exit_code == 0);
  CHECK(nlohmann::json::parse(stats.out).at("documents") == 200);
  const auto exported =
      run_child(user.command(geokg_args({"export", "--db", fixture.db, "--out", graph})));
  INFO(exported.err);
  CHECK(exported.exit_code == 0);
  CHECK(contains(read_file(graph), "</graphml>"));
  const auto actors = run_child(
      user.command(geokg_args({"query", "actors", "--db", fixture.db, "--format", "json"})));
  INFO(actors.err);
  CHECK(actors.exit_code == 0);
  CHECK(nlohmann::json::parse(actors.out).at("total_rows").at("actors") == 300);

  user.restore_directory(fixture.dir.path());
  user.restore_file(fixture.db);
  CHECK(counts(fixture.db) == fixture.before);
  check_recovers(fixture);
}

TEST_CASE("a read-only store of an older schema says how to upgrade it and is left as it was",
          "[e2e][storage]") {
  const Unprivileged user;
  if (!user.available()) return;
  Fixture fixture;
  const auto current = query(fixture.db, "PRAGMA user_version")[0];
  // Back to schema version 5, as an older geokg left it, with an older
  // codebook besides.
  query(fixture.db, geokg::test::kDowngradeToVersion5 +
                        "UPDATE meta SET value = 'older' WHERE key = 'cameo_codebook'");
  user.protect_file(fixture.db);
  user.set_directory(fixture.dir.path(), true);
  const auto stats = run_child(user.command(geokg_args({"stats", "--db", fixture.db})));
  INFO(stats.err);
  CHECK(stats.exit_code == 2);
  CHECK(contains(stats.err, "geokg: database " + fixture.db +
                                " has schema version 5 and this geokg reads version " + current +
                                "; the file is read-only here, so it cannot be upgraded."));
  user.restore_directory(fixture.dir.path());
  user.restore_file(fixture.db);
  CHECK(query(fixture.db, "PRAGMA user_version")[0] == "5");
  CHECK(counts(fixture.db) == fixture.before);

  // Its owner's first command upgrades it; then the read-only user may read
  // it, though its codebook stays the older one until a writer opens it.
  const auto upgraded = run_child(geokg_args({"stats", "--db", fixture.db}));
  INFO(upgraded.err);
  CHECK(upgraded.exit_code == 0);
  CHECK(query(fixture.db, "PRAGMA user_version")[0] == current);
  query(fixture.db, "UPDATE meta SET value = 'older' WHERE key = 'cameo_codebook'");
  user.protect_file(fixture.db);
  user.set_directory(fixture.dir.path(), true);
  const auto read = run_child(user.command(geokg_args({"stats", "--db", fixture.db})));
  INFO(read.err);
  CHECK(read.exit_code == 0);
  user.restore_directory(fixture.dir.path());
  user.restore_file(fixture.db);
  CHECK(query(fixture.db, "SELECT value FROM meta WHERE key = 'cameo_codebook'")[0] == "older");
  check_recovers(fixture);
}

TEST_CASE("a read-only store in a read-only directory says why it cannot be read",
          "[e2e][storage]") {
  const Unprivileged user;
  if (!user.available()) return;
  Fixture fixture;
  REQUIRE(!fs::exists(fixture.db + "-shm"));  // the ingest that made it closed it
  user.protect_file(fixture.db);
  user.set_directory(fixture.dir.path(), false);
  // A store in WAL mode is read through its -shm file, which nobody may
  // create here: every command stops, saying so.
  const auto refused = run_child(user.command(ingest(fixture.more, fixture.db, 4096)));
  const auto stats = run_child(user.command(geokg_args({"stats", "--db", fixture.db})));
  for (const auto* result : {&refused, &stats}) {
    INFO(result->err);
    CHECK(result->exit_code == 2);
    CHECK(contains(result->err, "geokg: database " + fixture.db +
                                    ": cannot read it: it is in WAL mode and read-only for this "
                                    "user, and its shared-memory file " +
                                    fixture.db + "-shm is missing and cannot be created"));
  }
  user.restore_directory(fixture.dir.path());
  user.restore_file(fixture.db);
  CHECK(!fs::exists(fixture.db + "-shm"));
  CHECK(counts(fixture.db) == fixture.before);
  check_recovers(fixture);
}

TEST_CASE("a read-only store in rollback-journal mode is read as it is", "[e2e][storage]") {
  const Unprivileged user;
  if (!user.available()) return;
  Fixture fixture;
  REQUIRE(query(fixture.db, "PRAGMA journal_mode = DELETE")[0] == "delete");
  user.protect_file(fixture.db);
  user.set_directory(fixture.dir.path(), false);
  // No -shm file is needed, and switching to WAL, a write, is not tried:
  // it used to fail, after the whole busy timeout.
  const auto stats = run_child(user.command(geokg_args({"stats", "--db", fixture.db})));
  const auto actors = run_child(
      user.command(geokg_args({"query", "actors", "--db", fixture.db, "--format", "csv"})));
  const auto refused = run_child(user.command(ingest(fixture.more, fixture.db, 4096)));
  user.restore_directory(fixture.dir.path());
  user.restore_file(fixture.db);
  INFO(stats.err << actors.err);
  CHECK(stats.exit_code == 0);
  CHECK(contains(stats.out, "documents       " + fixture.before.documents));
  CHECK(actors.exit_code == 0);
  CHECK(contains(actors.out, "key,name,"));
  INFO(refused.err);
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, "it is read-only"));
  CHECK(!fs::exists(fixture.db + "-shm"));
  CHECK(!fs::exists(fixture.db + "-wal"));
  CHECK(query(fixture.db, "PRAGMA journal_mode")[0] == "delete");
  CHECK(counts(fixture.db) == fixture.before);

  // The owner's next command switches it back to WAL.
  const auto owner = run_child(geokg_args({"stats", "--db", fixture.db}));
  CHECK(owner.exit_code == 0);
  CHECK(query(fixture.db, "PRAGMA journal_mode")[0] == "wal");
  check_recovers(fixture);
}

TEST_CASE("export into an unwritable directory fails and leaves no file", "[e2e][storage]") {
  const Unprivileged user;
  if (!user.available()) return;
  Fixture fixture;
  const auto out = fixture.dir.path() / "out";
  fs::create_directories(out);
  user.set_directory(fixture.dir.path(), true);  // for the store's -shm
  user.set_directory(out, false);
  const auto target = (out / "graph.graphml").string();
  const auto result =
      run_child(user.command(geokg_args({"export", "--db", fixture.db, "--out", target})));
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "geokg: cannot write " + target +
                                 ": cannot create a temporary file: Permission denied"));
  CHECK(fs::is_empty(out));
  user.restore_directory(out);
  user.restore_directory(fixture.dir.path());
}

TEST_CASE("export past the file size limit fails, keeps the old file and leaves no other",
          "[e2e][storage]") {
  Fixture fixture;
  const auto out = fixture.dir.path() / "out";
  const auto target = (out / "graph.graphml").string();
  fs::create_directories(out);
  fixture.dir.write("out/graph.graphml", "old");
  for (const auto sigxfsz : {Sigxfsz::Default, Sigxfsz::Ignored}) {
    // The graph of 200 documents is about 150 KB.
    const auto result =
        run_child(geokg_args({"export", "--db", fixture.db, "--out", target}), 64 << 10, sigxfsz);
    INFO(result.err);
    CHECK(result.signal == 0);
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "geokg: cannot write " + target +
                                   ": write failed: the file size limit is reached"));
    CHECK(read_file(target) == "old");
    CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 1);
  }
  const auto written = run_child(geokg_args({"export", "--db", fixture.db, "--out", target}));
  CHECK(written.exit_code == 0);
  CHECK(contains(read_file(target), "</graphml>"));
}

// geokg extract and geokg eval through the CLI: the contract of
// contracts/extract-json.md, the golden output on samples/articles, and the
// reference article's acceptance list when ../shared is present.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>

#include "cli_runner.hpp"

using namespace geokg::test;

namespace {

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    const auto line =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

// Code points of a UTF-8 string, so spans can be checked as Python would.
std::u32string code_points(const std::string& text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t value = length == 1 ? c : c & (0x3F >> (length - 1));
    for (int k = 1; k < length; ++k) value = (value << 6) | (text[i + k] & 0x3F);
    out.push_back(value);
    i += length;
  }
  return out;
}

}  // namespace

TEST_CASE("extract output of samples/articles matches the golden file", "[e2e][extract][golden]") {
  // Run from the source tree with a relative path: document ids are paths,
  // and the golden file must not depend on where the tree is checked out.
  const auto result =
      run("cd " + quote(kSource) + " && " + quote(kCli) + " extract samples/articles");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto golden = kSource + "/tests/e2e/golden/articles.extract.jsonl";
  if (std::getenv("GEOKG_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << result.out;
    WARN("updated " << golden);
    return;
  }
  REQUIRE(fs::exists(golden));
  CHECK(result.out == read_file(golden));
}

TEST_CASE("extract follows the contract and its spans cut out the mentions", "[e2e][extract]") {
  TempDir dir;
  const std::string text =
      "Zelenskyy meets Erdoğan in Ankara\n\n"
      "Ukrainian President Volodymyr Zelenskyy met Turkish President Recep Tayyip Erdoğan in "
      "Ankara on Friday. Erdoğan said Türkiye would keep talking to Moscow.\n";
  const auto path = dir.write("talks.txt", text);
  const auto result = cli("extract --date 2024-03-08 " + quote(path));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 1);
  const auto& doc = lines[0];
  CHECK(doc["document"]["id"] == path);
  CHECK(doc["document"]["title"] == "Zelenskyy meets Erdoğan in Ankara");
  CHECK(doc["document"]["date"] == "2024-03-08");
  CHECK(doc["events"].is_array());
  CHECK(doc["errors"].empty());
  const auto stored = code_points(text);
  std::map<std::string, std::string> codes;
  for (const auto& actor : doc["actors"]) {
    codes[actor["name"]] = actor["code"].is_null() ? "" : actor["code"].get<std::string>();
    for (const auto& key : {"id", "name", "code", "country", "agent", "type", "mentions"}) {
      CHECK(actor.contains(key));
    }
    for (const auto& mention : actor["mentions"]) {
      const auto start = mention["span"][0].get<std::size_t>();
      const auto end = mention["span"][1].get<std::size_t>();
      REQUIRE(end <= stored.size());
      CHECK(stored.substr(start, end - start) == code_points(mention["text"]));
    }
  }
  CHECK(codes["Volodymyr Zelenskyy"] == "UKRGOV");
  CHECK(codes["Recep Tayyip Erdoğan"] == "TURGOV");
  CHECK(codes["Ukraine"] == "UKR");
  CHECK(codes["Russia"] == "RUS");  // "Moscow" as a metonym
}

TEST_CASE("extract explains what it removed and why", "[e2e][extract]") {
  TempDir dir;
  const auto path = dir.write(
      "noise.txt",
      "Leaders meet in Paris\n\nFrench President Emmanuel Macron hosted Chancellor Olaf Scholz "
      "on Monday.\n\nCLICK HERE FOR MORE WORLD NEWS\n\n© 2024 Example News\n");
  const auto result = cli("extract --explain --date 2024-05-06 " + quote(path));
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("CLICK HERE FOR MORE WORLD NEWS"));
  CHECK_THAT(result.out, Catch::Contains("© 2024 Example News"));
  CHECK_THAT(result.out, Catch::Contains("Emmanuel Macron [FRAGOV, person]"));
  CHECK_THAT(result.out, Catch::Contains("Olaf Scholz [DEUGOV, person]"));
}

TEST_CASE("an unreadable document still yields its line and a non-zero exit", "[e2e][extract]") {
  TempDir dir;
  const auto empty = dir.write("empty.txt", "");
  const auto good = dir.write("good.txt", "Talks\n\nNATO leaders met in Brussels.\n");
  const auto result = cli("extract " + quote(empty) + " " + quote(good));
  CHECK(result.exit_code == 2);
  const auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["document"]["id"] == empty);
  REQUIRE(lines[0]["errors"].size() == 1);
  CHECK_THAT(lines[0]["errors"][0].get<std::string>(), Catch::Contains("empty"));
  CHECK(lines[0]["actors"].empty());
  CHECK(lines[1]["errors"].empty());
  CHECK_THAT(result.err, Catch::Contains(empty));
}

TEST_CASE("articles go into the store with their actors and mentions", "[e2e][extract]") {
  TempDir dir;
  const auto db = dir.file("a.db");
  auto result = cli("ingest " + quote(kSource + "/samples/articles") + " --db " + quote(db));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("4 added"));
  const auto mentions =
      run("sqlite3 " + quote(db) +
          " \"SELECT count(*) FROM actor_mentions WHERE actor = 'Dmitry Peskov'\"");
  CHECK(mentions.out == "2\n");
  // Again: nothing new.
  result = cli("ingest " + quote(kSource + "/samples/articles") + " --db " + quote(db));
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("0 event(s), 0 actor(s) and 0 mention(s) added"));
}

TEST_CASE("the reference article gives the actors of its acceptance list", "[e2e][extract][seed]") {
  const auto seed = kShared + "/seed/kremlin-summit.txt";
  if (!fs::exists(seed)) {
    WARN("skipped: " << seed << " is not here (../shared is optional)");
    return;
  }
  const auto result = cli("extract --date 2023-09-05 " + quote(seed));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 1);
  std::map<std::string, std::string> codes;
  std::set<std::string> countries;
  std::string all_names;
  for (const auto& actor : lines[0]["actors"]) {
    const auto name = actor["name"].get<std::string>();
    codes[name] = actor["code"].is_null() ? "" : actor["code"].get<std::string>();
    if (actor["type"] == "country") countries.insert(actor["code"].get<std::string>());
    all_names += name + "|";
  }
  CHECK(codes["Vladimir Putin"] == "RUSGOV");
  CHECK(codes["Kim Jong Un"] == "PRKGOV");
  CHECK(codes["Dmitry Peskov"] == "RUSGOV");
  CHECK(codes["Sergei Shoigu"] == "RUSMIL");
  CHECK(codes["John Kirby"] == "USAGOV");
  REQUIRE(codes.count("Kim Taewoo") == 1);  // his own actor, not Kim Jong Un
  for (const auto* code : {"RUS", "PRK", "UKR", "USA", "JPN", "KOR", "CHN", "IRN"}) {
    CHECK(countries.count(code) == 1);
  }
  // Nothing from the promo headline, CLICK HERE, the copyright line or the photo credit.
  for (const auto* noise : {"Haley", "Ramaswamy", "Washington Examiner", "Zemlianichenko", "AP"}) {
    INFO(noise);
    CHECK(all_names.find(noise) == std::string::npos);
  }
}

TEST_CASE("the reference article gives the events of its acceptance list",
          "[e2e][extract][seed][events]") {
  const auto seed = kShared + "/seed/kremlin-summit.txt";
  if (!fs::exists(seed)) {
    WARN("skipped: " << seed << " is not here (../shared is optional)");
    return;
  }
  const auto result = cli("extract --date 2023-09-05 " + quote(seed));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 1);
  const auto& events = lines[0]["events"];
  auto field = [](const nlohmann::json& ref, const char* name) {
    return ref.is_null() || ref[name].is_null() ? std::string() : ref[name].get<std::string>();
  };
  // Any event from `source` to `target` (countries, or a full code for
  // `source` when it has 6 letters) whose code starts with one of `roots`
  // and whose date starts with `date`.
  auto has = [&](const std::string& source, const std::string& target,
                 std::initializer_list<const char*> roots, const std::string& date = "") {
    for (const auto& event : events) {
      const auto source_code = field(event["source"], "code");
      const auto source_country = field(event["source"], "country");
      if (source.size() == 6 ? source_code != source : source_country != source) continue;
      if (field(event["target"], "country") != target) continue;
      if (event["negated"].get<bool>()) continue;
      const auto code = event["event"]["code"].get<std::string>();
      const bool root_ok = std::any_of(roots.begin(), roots.end(),
                                       [&](const char* root) { return code.rfind(root, 0) == 0; });
      const auto event_date =
          event["date"].is_null() ? std::string() : event["date"].get<std::string>();
      if (root_ok && event_date.rfind(date, 0) == 0) return true;
    }
    return false;
  };
  CHECK(has("PRK", "RUS", {"03", "04"}));           // Kim intends to travel and meet Putin
  CHECK(has("RUSMIL", "PRK", {"042"}, "2023-07"));  // Shoigu's visit in July
  CHECK((has("PRK", "RUS", {"04"}, "2019-04") || has("RUS", "PRK", {"04"}, "2019-04")));
  for (const auto* target : {"USA", "JPN", "KOR"}) {
    INFO(target);
    CHECK(has("PRK", target, {"11", "12"}));  // Kim accuses the three leaders
  }
  CHECK(has("USA", "PRK", {"11"}));        // the U.S. suspects North Korea
  CHECK(has("PRK", "RUS", {"07"}));        // of providing Russia with arms
  CHECK(has("IRN", "RUS", {"07", "06"}));  // Iran, Russia's top military backer
  // Nothing from the promo headline, CLICK HERE or the copyright line.
  for (const auto& event : events) {
    const auto text = event["text"].get<std::string>();
    INFO(text);
    CHECK(text.find("HALEY") == std::string::npos);
    CHECK(text.find("CLICK HERE") == std::string::npos);
    CHECK(text.find("\u00a9") == std::string::npos);
    CHECK(text.find("Related Content") == std::string::npos);
  }

  // The whole event list, compared with its golden file.
  std::string summary;
  for (const auto& event : events) {
    summary += std::to_string(event["sentence"].get<int>()) + "\t" +
               field(event["source"], "code") + "\t" + event["event"]["code"].get<std::string>() +
               "\t" + field(event["target"], "code") + "\t" +
               (event["date"].is_null() ? "-" : event["date"].get<std::string>()) + "\t" +
               event["modality"].get<std::string>() +
               (event["negated"].get<bool>() ? "\tnegated" : "") + "\n";
  }
  const auto golden = kSource + "/tests/e2e/golden/kremlin-summit.events.tsv";
  if (std::getenv("GEOKG_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << summary;
    WARN("updated " << golden);
    return;
  }
  REQUIRE(fs::exists(golden));
  CHECK(summary == read_file(golden));
}

TEST_CASE("eval scores a gold file and names what it missed", "[e2e][eval]") {
  TempDir dir;
  const auto gold = dir.write(
      "gold.jsonl",
      R"({"id": "g1", "date": "2024-02-01", "text": "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.", "actors": [{"name": "Vladimir Putin", "code": "RUSGOV", "type": "person"}, {"name": "Xi Jinping", "code": "CHNGOV", "type": "person"}, {"name": "Russia", "code": "RUS", "type": "country"}, {"name": "China", "code": "CHN", "type": "country"}, {"name": "Nobody Here", "code": null, "type": "person"}]})"
      "\n");
  const auto result = cli("eval --format json --misses --gold " + quote(gold));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto report = nlohmann::json::parse(result.out);
  CHECK(report["passages"] == 1);
  CHECK(report["actors"]["true_positives"] == 4);
  CHECK(report["actors"]["false_negatives"] == 1);
  CHECK(report["actors"]["false_positives"] == 0);
  CHECK(report["actors"]["recall"].get<double>() == Approx(0.8));
  CHECK(report["misses"].dump().find("missed actor Nobody Here") != std::string::npos);

  const auto bad = dir.write("bad.jsonl", "{\"id\": 1, \"text\": 5}\n");
  const auto failed = cli("eval --gold " + quote(bad));
  CHECK(failed.exit_code == 2);
  CHECK_THAT(failed.err, Catch::Contains("bad.jsonl:1"));
}

TEST_CASE("bad articles are rejected one by one and the rest of the batch goes in",
          "[e2e][extract][hostile]") {
  TempDir dir;
  const auto inputs = dir.file("inputs");
  fs::create_directories(inputs);
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(inputs + "/" + name, std::ios::binary) << bytes;
  };
  write("a-binary.txt", std::string("GIF89a\0\0\x01\x02 binary", 18));
  write("b-empty.txt", "");
  write("c-invalid-utf8.txt",
        "Talks in Kyiv\n\nUkrainian President Volodymyr Zelenskyy met "
        "NATO envoys \xff\xfe in Kyiv.\n");
  {
    // 100 MB on one line: refused before it is read into memory whole.
    std::ofstream big(inputs + "/d-huge.txt", std::ios::binary);
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 100; ++i) big << chunk;
  }
  write("e-nobody.html", "<!doctype html><html><head><title>Empty</title></head></html>");
  write("f-docs.jsonl",
        "{\"id\": \"ok\", \"text\": \"Japanese Prime Minister Fumio Kishida visited Seoul.\"}\n"
        "{\"id\": \"no-text\", \"title\": \"Missing\"}\n");
  write("g-good.txt",
        "Summit\n\nRussian President Vladimir Putin hosted Chinese President Xi "
        "Jinping in Moscow.\n");
  const auto db = dir.file("bad.db");
  const auto result = cli("ingest --date 2024-05-16 " + quote(inputs) + " --db " + quote(db));
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("a-binary.txt: binary"));
  CHECK_THAT(result.err, Catch::Contains("b-empty.txt: empty"));
  CHECK_THAT(result.err, Catch::Contains("invalid UTF-8"));
  CHECK_THAT(result.err, Catch::Contains("d-huge.txt: document larger than"));
  CHECK_THAT(result.err, Catch::Contains("e-nobody.html"));
  CHECK_THAT(result.err, Catch::Contains("f-docs.jsonl:2"));
  // The repaired, the good JSON line and the good article went in, whole.
  const auto stored = run("sqlite3 " + quote(db) + " 'SELECT key FROM documents ORDER BY key'");
  CHECK(stored.out == inputs + "/c-invalid-utf8.txt\n" + inputs + "/g-good.txt\nok\n");
  const auto integrity = run("sqlite3 " + quote(db) + " 'PRAGMA integrity_check'");
  CHECK(integrity.out == "ok\n");
  const auto putin = run("sqlite3 " + quote(db) +
                         " \"SELECT count(*) FROM actor_mentions WHERE actor = 'Vladimir Putin'\"");
  CHECK(putin.out == "1\n");
}

TEST_CASE("extra dictionaries add and override entries and a bad one names its line",
          "[e2e][extract][dict]") {
  TempDir dir;
  const auto article =
      dir.write("a.txt", "Visit\n\nIvan Testov met Vladimir Putin in Minsk on Monday.\n");
  const auto dict = dir.write("extra.tsv",
                              "# geokg dictionary 1\n"
                              "person\tBLRGOV\tIvan Testov\tTestov\n"
                              "person\tRUSMIL\tVladimir Putin\tPutin\n");
  const auto result = cli("extract --date 2024-01-15 --dict " + quote(dict) + " " + quote(article));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto doc = nlohmann::json::parse(result.out);
  std::map<std::string, std::string> codes;
  for (const auto& actor : doc["actors"]) {
    codes[actor["name"]] = actor["code"].is_null() ? "" : actor["code"].get<std::string>();
  }
  CHECK(codes["Ivan Testov"] == "BLRGOV");
  CHECK(codes["Vladimir Putin"] == "RUSMIL");  // the later entry replaced the built-in one

  // PETRARCH actors file: a primary phrase and a dated role.
  const auto petrarch = dir.write("actors.txt", "IVAN_TESTOV_\n\t[BLRMIL >240101]\n");
  const auto imported =
      cli("extract --date 2024-01-15 --dict " + quote(petrarch) + " " + quote(article));
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK_THAT(imported.out, Catch::Contains("\"code\":\"BLRMIL\""));

  const auto bad = dir.write("bad.tsv", "# geokg dictionary 1\nperson\tNOTACODE\tSomebody\n");
  const auto failed = cli("extract --dict " + quote(bad) + " " + quote(article));
  CHECK(failed.exit_code == 2);
  CHECK_THAT(failed.err, Catch::Contains("bad.tsv:2"));
  CHECK(failed.out.empty());
}

TEST_CASE("an article on standard input is read and keyed by its content", "[e2e][extract]") {
  TempDir dir;
  const auto path = dir.write("in.txt",
                              "Talks\n\nIranian Foreign Minister Abbas Araghchi met "
                              "IAEA chief Rafael Grossi in Tehran.\n");
  const auto first =
      run("cat " + quote(path) + " | " + quote(kCli) + " extract --date 2025-04-17 -");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const auto doc = nlohmann::json::parse(first.out);
  const auto key = doc["document"]["id"].get<std::string>();
  CHECK(key.rfind("stdin:", 0) == 0);
  CHECK(doc["actors"].size() >= 3);
  const auto again =
      run("cat " + quote(path) + " | " + quote(kCli) + " extract --date 2025-04-17 -");
  CHECK(nlohmann::json::parse(again.out)["document"]["id"] == key);
}

TEST_CASE("negated events are stored but drawn only when asked for", "[e2e][extract][events]") {
  TempDir dir;
  const auto article = dir.file("denial.txt");
  std::ofstream(article) << "Title: Denial\nDate: 2024-03-01\n\n"
                            "Russia attacked Ukraine on Friday.\n\n"
                            "Belarus did not attack Lithuania.\n";
  const auto db = dir.file("n.db");
  REQUIRE(cli("ingest " + quote(article) + " --db " + quote(db)).exit_code == 0);
  const auto stored =
      run("sqlite3 " + quote(db) + " \"SELECT count(*), sum(negated) FROM events\"");
  CHECK(stored.out == "2|1\n");
  const auto graph = dir.file("g.json");
  REQUIRE(cli("export --format json --out " + quote(graph) + " --db " + quote(db)).exit_code == 0);
  CHECK(read_graph("json", graph)["edges"] == 1);
  REQUIRE(cli("export --format json --include-negated --out " + quote(graph) + " --db " + quote(db))
              .exit_code == 0);
  CHECK(read_graph("json", graph)["edges"] == 2);
}

TEST_CASE("an extra lexicon adds and overrides patterns and a bad one names its line",
          "[e2e][extract][lexicon]") {
  TempDir dir;
  const auto article = dir.write(
      "a.txt", "Talks\n\nVladimir Putin lauded Xi Jinping on Monday. Russia attacked Ukraine.\n");
  auto codes = [&](const std::string& options) {
    const auto result = cli("extract --date 2024-01-15 " + options + " " + quote(article));
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    std::vector<std::string> found;
    const auto document = nlohmann::json::parse(result.out);
    for (const auto& event : document["events"]) {
      found.push_back(event["event"]["code"].get<std::string>());
    }
    std::sort(found.begin(), found.end());
    return found;
  };
  const auto lexicon = dir.write("extra.tsv",
                                 "# geokg event-lexicon 1\n"
                                 "verb\t051\tlaud $T\n"
                                 "verb\t195\tattack $T\n");
  // Without it "lauded" codes nothing; with it, praise, and the attack is
  // recoded from 190 to 195 by the later entry.
  CHECK(codes("") == std::vector<std::string>{"190"});
  CHECK(codes("--lexicon " + quote(lexicon)) == std::vector<std::string>{"051", "195"});

  const auto bad = dir.write("bad.tsv", "# geokg event-lexicon 1\nverb\t999\tlaud $T\n");
  const auto failed = cli("extract --lexicon " + quote(bad) + " " + quote(article));
  CHECK(failed.exit_code == 2);
  CHECK_THAT(failed.err, Catch::Contains("bad.tsv:2") && Catch::Contains("999"));
  CHECK(failed.out.empty());
}

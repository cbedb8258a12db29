#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <streambuf>

#include "readers/readers.hpp"

namespace {

struct LinesResult {
  std::vector<geokg::Document> documents;
  std::vector<geokg::InputProblem> problems;
  std::vector<std::string> warnings;
  geokg::LineCounts counts;
};

LinesResult read_lines(std::istream& in) {
  LinesResult result;
  result.counts = geokg::readers::read_document_lines(
      in, "docs.jsonl",
      [&](geokg::Document&& document) { result.documents.push_back(std::move(document)); },
      result.problems, result.warnings);
  return result;
}

LinesResult read_lines(const std::string& text) {
  std::istringstream in(text);
  return read_lines(in);
}

// The single problem of a one-line input, as "where: message".
std::string problem_of(const std::string& line) {
  const auto result = read_lines(line + "\n");
  CHECK(result.documents.empty());
  CHECK(result.counts.read == 1);
  CHECK(result.counts.rejected == 1);
  if (result.problems.size() != 1) return "problems: " + std::to_string(result.problems.size());
  return result.problems[0].where + ": " + result.problems[0].message;
}

// A stream of `lines` lines, each `{"text": "aaa...a"}` with `text_bytes`
// letters, made on the fly so that huge lines cost no test memory.
class GeneratedLines : public std::streambuf {
 public:
  GeneratedLines(std::size_t text_bytes, int lines) : text_bytes_(text_bytes), lines_(lines) {
    buffer_.resize(1 << 16);
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    std::size_t filled = 0;
    while (filled < buffer_.size() && line_ < lines_) {
      const std::string_view prefix = R"({"text": ")";
      const std::string_view suffix = "\"}\n";
      const std::size_t line_size = prefix.size() + text_bytes_ + suffix.size();
      if (position_ == line_size) {
        position_ = 0;
        ++line_;
        continue;
      }
      char c = 'a';
      if (position_ < prefix.size()) {
        c = prefix[position_];
      } else if (position_ >= prefix.size() + text_bytes_) {
        c = suffix[position_ - prefix.size() - text_bytes_];
      }
      buffer_[filled++] = c;
      ++position_;
    }
    if (filled == 0) return traits_type::eof();
    setg(buffer_.data(), buffer_.data(), buffer_.data() + filled);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::size_t text_bytes_;
  int lines_;
  int line_ = 0;
  std::size_t position_ = 0;
  std::vector<char> buffer_;
};

}  // namespace

TEST_CASE("a document line gives every field", "[ingest][readers][jsonl]") {
  const auto result =
      read_lines(R"({"id": "d1", "title": "  Talks   resume ", "text": "Kyiv and Ankara met.", )"
                 R"("date": "2023-09-05T14:03:00+03:00", "url": "https://news.example/d1", )"
                 R"("source": "Wire", "extra": {"ignored": [1, 2]}})"
                 "\n");
  REQUIRE(result.problems.empty());
  REQUIRE(result.documents.size() == 1);
  const auto& document = result.documents[0];
  CHECK(document.key == "d1");
  CHECK(document.title == "Talks resume");
  CHECK(document.text == "Kyiv and Ankara met.");
  CHECK(document.published->iso() == "2023-09-05");
  CHECK(document.url == "https://news.example/d1");
  CHECK(document.source == "Wire");
  CHECK(document.origin == "jsonl");
  CHECK(result.counts.read == 1);
  CHECK(result.counts.rejected == 0);
  CHECK(result.warnings.empty());
}

TEST_CASE("body and published stand in for text and date", "[ingest][readers][jsonl]") {
  const auto result = read_lines(
      R"({"id": 42, "body": "Text in body.", "published": "Sept. 5, 2023", "date": null})"
      "\n");
  REQUIRE(result.documents.size() == 1);
  CHECK(result.documents[0].key == "42");
  CHECK(result.documents[0].text == "Text in body.");
  CHECK(result.documents[0].published->iso() == "2023-09-05");
}

TEST_CASE("a line without an id is keyed by name and line", "[ingest][readers][jsonl]") {
  const auto result = read_lines(
      "\n"
      R"({"text": "First."})"
      "\r\n   \n"
      R"({"id": "", "text": "Second."})"
      "\n");
  REQUIRE(result.documents.size() == 2);
  CHECK(result.documents[0].key == "docs.jsonl:2");
  CHECK(result.documents[0].text == "First.");
  CHECK(result.documents[1].key == "docs.jsonl:4");
  CHECK(result.counts.read == 2);  // blank lines are not counted
}

TEST_CASE("a byte-order mark and a last line without a newline are read",
          "[ingest][readers][jsonl]") {
  const auto result = read_lines("\xEF\xBB\xBF{\"text\": \"One.\"}\n{\"text\": \"Two.\"}");
  REQUIRE(result.documents.size() == 2);
  CHECK(result.documents[1].text == "Two.");
}

TEST_CASE("bad lines are reported by name and line and skipped", "[ingest][readers][jsonl]") {
  const auto result = read_lines(R"({"id": "a", "title": "No text"})"
                                 "\n"
                                 R"({"id": "b", "text": "Good."})"
                                 "\n"
                                 R"({"id": "c", "text": 7})"
                                 "\n");
  REQUIRE(result.documents.size() == 1);
  CHECK(result.documents[0].key == "b");
  CHECK(result.counts.read == 3);
  CHECK(result.counts.rejected == 2);
  REQUIRE(result.problems.size() == 2);
  CHECK(result.problems[0].where == "docs.jsonl:1");
  CHECK(result.problems[0].message == "no \"text\" or \"body\" field");
  CHECK(result.problems[1].where == "docs.jsonl:3");
  CHECK(result.problems[1].message == "\"text\" must be a string, not a number");
}

TEST_CASE("each kind of bad line has a clear problem", "[ingest][readers][jsonl]") {
  CHECK(problem_of(R"({"text": "x", "date": "05/09/2023"})") ==
        "docs.jsonl:1: unreadable date \"05/09/2023\" in \"date\"");
  CHECK(problem_of(R"({"text": "x", "published": "2023-02-30"})") ==
        "docs.jsonl:1: unreadable date \"2023-02-30\" in \"published\"");
  CHECK(problem_of(R"({"text": "x", "date": 20230905})") ==
        "docs.jsonl:1: \"date\" must be a string, not a number");
  CHECK(problem_of(R"({"text": "x", "title": ["a"]})") ==
        "docs.jsonl:1: \"title\" must be a string, not an array");
  CHECK(problem_of(R"({"id": {"a": 1}, "text": "x"})") ==
        "docs.jsonl:1: \"id\" must be a string or an integer, not an object");
  CHECK(problem_of(R"({"id": ")" + std::string(1001, 'x') + R"(", "text": "x"})") ==
        "docs.jsonl:1: \"id\" is 1001 bytes long; at most 1000 are allowed");
  CHECK(problem_of(R"({"text": "  \n "})") == "docs.jsonl:1: the document text is empty");
  CHECK(problem_of(R"(["text", "x"])") ==
        "docs.jsonl:1: a document must be a JSON object, not an array");
  const auto not_json = problem_of(R"({"text": "unterminated)");
  CHECK(not_json.starts_with("docs.jsonl:1: not JSON: parse error at line 1, column "));
  CHECK(not_json.find("last read") == std::string::npos);
}

TEST_CASE("invalid UTF-8 inside a JSON string is replaced with a warning",
          "[ingest][readers][jsonl]") {
  const auto result = read_lines("{\"text\": \"Caf\xE9 in Kyiv\", \"title\": \"\xFF\"}\n");
  REQUIRE(result.problems.empty());
  REQUIRE(result.documents.size() == 1);
  CHECK(result.documents[0].text == "Caf\xEF\xBF\xBD in Kyiv");
  CHECK(result.documents[0].title == "\xEF\xBF\xBD");
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0] == "docs.jsonl:1: invalid UTF-8 at byte 13 replaced");
}

TEST_CASE("invalid UTF-8 outside a string leaves a line that is not JSON",
          "[ingest][readers][jsonl]") {
  const auto result = read_lines("{\"text\": \"ok\"\xFF}\n");
  CHECK(result.documents.empty());
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].message.starts_with("not JSON: "));
  CHECK(result.warnings ==
        std::vector<std::string>{"docs.jsonl:1: invalid UTF-8 at byte 13 replaced"});
}

TEST_CASE("a JSON line nested 100000 levels deep is read safely", "[ingest][readers][jsonl]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto result = read_lines(R"({"text": "Kept.", "extra": )" + deep + "}\n");
  REQUIRE(result.documents.size() == 1);
  CHECK(result.documents[0].text == "Kept.");
}

TEST_CASE("a 100 MB document line is read whole", "[ingest][readers][jsonl]") {
  const std::size_t text_bytes = 100 * 1024 * 1024;
  GeneratedLines lines(text_bytes, 2);
  std::istream in(&lines);
  const auto result = read_lines(in);
  REQUIRE(result.problems.empty());
  REQUIRE(result.documents.size() == 2);
  CHECK(result.documents[0].text.size() == text_bytes);
  CHECK(result.documents[1].key == "docs.jsonl:2");
  CHECK(std::all_of(result.documents[1].text.begin(), result.documents[1].text.end(),
                    [](char c) { return c == 'a'; }));
}

TEST_CASE("a line over the limit is skipped without stopping the input",
          "[ingest][readers][jsonl]") {
  // Two lines of 2 * kMaxDocumentBytes letters: both over the limit.
  GeneratedLines lines(2 * geokg::readers::kMaxDocumentBytes, 2);
  std::istream in(&lines);
  const auto result = read_lines(in);
  CHECK(result.documents.empty());
  CHECK(result.counts.read == 2);
  CHECK(result.counts.rejected == 2);
  REQUIRE(result.problems.size() == 2);
  CHECK(result.problems[1].where == "docs.jsonl:2");
  CHECK(result.problems[1].message == "line longer than 134217728 bytes; skipped");
}

// Found by fuzz_document_lines: a number beyond a double made nlohmann throw
// out_of_range (not parse_error), which escaped the reader.
TEST_CASE("a number no double holds is a bad line not an escaping exception",
          "[ingest][readers][jsonl][fuzz]") {
  CHECK(problem_of(R"({"text": "x", "confidence": 1e999})") ==
        "docs.jsonl:1: not JSON: number overflow parsing '1e999'");
  CHECK(problem_of(R"({"text": "x", "n": -1e400})") ==
        "docs.jsonl:1: not JSON: number overflow parsing '-1e400'");

  std::ifstream file(std::string(GEOKG_SOURCE_DIR) +
                         "/tests/ingest/data/fuzz/document-lines-number-overflow.jsonl",
                     std::ios::binary);
  REQUIRE(file);
  const auto result = read_lines(file);
  CHECK(result.documents.empty());
  CHECK(result.counts.read == 3);
  CHECK(result.counts.rejected == 3);
  REQUIRE(result.problems.size() == 3);
  CHECK(result.problems[0].where == "docs.jsonl:1");
  CHECK(result.problems[0].message == "not JSON: number overflow parsing '1e999'");
}

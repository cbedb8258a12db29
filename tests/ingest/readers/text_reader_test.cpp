#include <catch2/catch.hpp>

#include "readers/readers.hpp"
#include "test_support.hpp"

namespace {

using geokg::readers::binary_reason;
using geokg::readers::parse_publication_date;
using geokg::readers::read_text_document;

const std::string kDataDir = std::string(GEOKG_SOURCE_DIR) + "/tests/ingest/data/readers/";

struct TextResult {
  geokg::Document document;
  std::vector<std::string> warnings;
};

TextResult read_text(std::string_view bytes, const std::string& key = "article.txt") {
  TextResult result;
  result.document = read_text_document(bytes, key, result.warnings);
  return result;
}

// The IngestError message read_text_document throws for `bytes`, or "" when
// it throws none.
std::string text_error(std::string_view bytes) {
  std::vector<std::string> warnings;
  try {
    read_text_document(bytes, "bad.txt", warnings);
  } catch (const geokg::IngestError& error) {
    CHECK(error.where() == "bad.txt");
    return error.message();
  }
  return "";
}

std::string iso_date(std::string_view text) {
  const auto date = parse_publication_date(text);
  return date ? date->iso() : "none";
}

}  // namespace

TEST_CASE("a header block gives the metadata and is removed from the text",
          "[ingest][readers][text]") {
  const auto bytes = geokg::test::read_file(kDataDir + "article-with-header.txt");
  REQUIRE(!bytes.empty());
  const auto result = read_text(bytes);
  const auto& document = result.document;
  CHECK(document.key == "article.txt");
  CHECK(document.origin == "text");
  CHECK(document.title == "Ministers agree to resume grain corridor talks");
  REQUIRE(document.published);
  CHECK(document.published->iso() == "2023-09-05");
  CHECK(document.source == "The Daily Meridian");
  CHECK(document.url == "https://meridian.example/world/2023/09/05/grain-corridor");
  CHECK(document.text ==
        "Ministers agree to resume grain corridor talks\n\n"
        "ISTANBUL - Foreign ministers from Turkey and Ukraine agreed on Tuesday to resume\n"
        "talks on a grain corridor through the Black Sea.\n\n"
        "The meeting in Istanbul lasted three hours, officials said.\n");
  CHECK(result.warnings.empty());
}

TEST_CASE("header keys take any case and order and end at the first other line",
          "[ingest][readers][text]") {
  const auto result = read_text(
      "  url: http://news.example/a\r\n"
      "DATE :2023-09-05T14:03:00+03:00\r\n"
      "TITLE: Talks resume\r\n"
      "Title: A second title line is ignored\r\n"
      "Kyiv and Ankara agreed to talk.\r\n");
  CHECK(result.document.url == "http://news.example/a");
  CHECK(result.document.published->iso() == "2023-09-05");
  CHECK(result.document.title == "Talks resume");
  CHECK(result.document.source.empty());
  CHECK(result.document.text == "Kyiv and Ankara agreed to talk.\r\n");
}

TEST_CASE("without a header the first non-empty line is the title and the text is unchanged",
          "[ingest][readers][text]") {
  const std::string bytes = "\n  \r\n  Ankara hosts talks  \r\nThe talks began on Monday.\n";
  const auto result = read_text(bytes);
  CHECK(result.document.title == "Ankara hosts talks");
  CHECK(result.document.text == bytes);
  CHECK_FALSE(result.document.published);
  CHECK(result.warnings.empty());
}

TEST_CASE("a header without a title takes the title from the first text line",
          "[ingest][readers][text]") {
  const auto result = read_text("Source: Wire\n\n\nAnkara hosts talks\nThe talks began.\n");
  CHECK(result.document.source == "Wire");
  CHECK(result.document.title == "Ankara hosts talks");
  CHECK(result.document.text == "Ankara hosts talks\nThe talks began.\n");
}

TEST_CASE("a line that only looks like a header ends no header block", "[ingest][readers][text]") {
  // "Note:" is not a header key, so there is no header block at all.
  const std::string bytes = "Note: unconfirmed\nTitle: not a header here\n";
  const auto result = read_text(bytes);
  CHECK(result.document.title == "Note: unconfirmed");
  CHECK(result.document.text == bytes);
}

TEST_CASE("an unreadable Date line is a warning and the document is still read",
          "[ingest][readers][text]") {
  const auto result = read_text("Title: T\nDate: 05/09/2023\n\nBody text.\n");
  CHECK_FALSE(result.document.published);
  CHECK(result.document.title == "T");
  CHECK(result.document.text == "Body text.\n");
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0] ==
        "article.txt: unreadable date \"05/09/2023\" in the Date: line ignored");
}

TEST_CASE("empty and white-space-only text files are refused", "[ingest][readers][text]") {
  CHECK(text_error("") == "empty document");
  CHECK(text_error(" \n\t\r\n  \n") == "empty document");
  CHECK(text_error("\xEF\xBB\xBF\n \n") == "empty document");
  CHECK(text_error("Title: Only a header\nDate: 2023-09-05\n\n \n") ==
        "empty document (only a header block)");
}

TEST_CASE("binary content is refused with the reason", "[ingest][readers][text]") {
  CHECK(text_error(std::string("GIF\0\x01\x02", 6)) == "binary content (NUL byte at offset 3)");
  std::string controls;
  for (int i = 0; i < 100; ++i) controls += (i % 2 == 0) ? '\x01' : 'a';
  CHECK(text_error(controls) == "binary content (50% control bytes in the first 100 bytes)");
}

TEST_CASE("binary_reason looks at the first 8 KB only and accepts text controls",
          "[ingest][readers][text]") {
  CHECK(binary_reason("Line one\tcolumn\r\nLine two\f\n") == "");
  CHECK(binary_reason("") == "");
  std::string late_nul(9000, 'a');
  late_nul[8500] = '\0';
  CHECK(binary_reason(late_nul) == "");
  late_nul[8000] = '\0';
  CHECK(binary_reason(late_nul) == "binary content (NUL byte at offset 8000)");
  // 29% control bytes is damaged text, not binary.
  std::string some_controls(71, 'a');
  some_controls += std::string(29, '\x02');
  CHECK(binary_reason(some_controls) == "");
}

TEST_CASE("invalid UTF-8 in a text file is kept for the pipeline to repair",
          "[ingest][readers][text]") {
  const std::string bytes = "Caf\xE9 talks\nThe \xFF\xFE meeting went on.\n";
  const auto result = read_text(bytes);
  CHECK(result.document.text == bytes);
  // Metadata is stored as it is read: always valid UTF-8.
  CHECK(result.document.title == "Caf\xEF\xBF\xBD talks");
}

TEST_CASE("a 100 MB text on one line is read as one title line", "[ingest][readers][text]") {
  std::string bytes;
  bytes.reserve(100 * 1024 * 1024);
  while (bytes.size() < 100 * 1024 * 1024) bytes += "Ministers met again today ";
  const auto size = bytes.size();
  const auto result = read_text(bytes);
  CHECK(result.document.text.size() == size);
  CHECK(result.document.title.size() <= 1000);
  CHECK(result.document.title.size() > 950);
  CHECK(result.document.title.starts_with("Ministers met again today Ministers"));
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].starts_with("article.txt: the title is " + std::to_string(size) +
                                       " bytes long; kept its first "));
}

TEST_CASE("a UTF-16 text file is decoded to UTF-8", "[ingest][readers][text]") {
  // "Kyiv\n" and an e-acute, little-endian with its byte-order mark.
  const std::string bytes("\xFF\xFEK\0y\0i\0v\0\n\0\xE9\0", 14);
  const auto result = read_text(bytes);
  CHECK(result.document.text == "Kyiv\n\xC3\xA9");
  CHECK(result.document.title == "Kyiv");
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0] == "article.txt: decoded from UTF-16LE");
}

TEST_CASE("publication dates in the documented formats", "[ingest][readers][date]") {
  CHECK(iso_date("2023-09-05") == "2023-09-05");
  CHECK(iso_date("  2023-09-05  ") == "2023-09-05");
  CHECK(iso_date("2023-09-05T14:03:00Z") == "2023-09-05");
  CHECK(iso_date("2023-09-05T23:59:00.123-05:00") == "2023-09-05");
  // The date as written: no shift to UTC.
  CHECK(iso_date("2023-09-05T01:00:00+03:00") == "2023-09-05");
  CHECK(iso_date("2023-09-05 14:03") == "2023-09-05");
  CHECK(iso_date("2023/09/05") == "2023-09-05");
  CHECK(iso_date("20230905") == "2023-09-05");
  CHECK(iso_date("2023-09") == "2023-09");
  CHECK(iso_date("2023") == "2023");
  CHECK(iso_date("September 5, 2023") == "2023-09-05");
  CHECK(iso_date("Sept. 5, 2023") == "2023-09-05");
  CHECK(iso_date("Sep 5 2023") == "2023-09-05");
  CHECK(iso_date("sept 5th, 2023") == "2023-09-05");
  CHECK(iso_date("5 September 2023") == "2023-09-05");
  CHECK(iso_date("5 Sept. 2023") == "2023-09-05");
  CHECK(iso_date("5th of September 2023") == "2023-09-05");
  CHECK(iso_date("Tue, 05 Sep 2023 14:03:00 GMT") == "2023-09-05");
  CHECK(iso_date("Tuesday, September 5, 2023 at 2:03 p.m.") == "2023-09-05");
  CHECK(iso_date("December 2023") == "2023-12");
}

TEST_CASE("ambiguous and invalid publication dates are refused", "[ingest][readers][date]") {
  CHECK(iso_date("05/09/2023") == "none");  // day or month first?
  CHECK(iso_date("09/25/2023") == "none");  // numeric day-month orders are never guessed
  CHECK(iso_date("05.09.2023") == "none");
  CHECK(iso_date("2023-02-29") == "none");  // not a leap year
  CHECK(iso_date("2023-13-01") == "none");
  CHECK(iso_date("2023-00") == "none");
  CHECK(iso_date("2023-09-00") == "none");
  CHECK(iso_date("20230005") == "none");
  CHECK(iso_date("0 September 2023") == "none");
  CHECK(iso_date("2023-09-05x") == "none");
  CHECK(iso_date("2023-09-05Tnoon") == "none");
  CHECK(iso_date("September 31, 2023") == "none");
  CHECK(iso_date("Septembre 5, 2023") == "none");
  CHECK(iso_date("5 September 20231") == "none");
  CHECK(iso_date("September 5, 2023 in Kyiv") == "none");
  CHECK(iso_date("yesterday") == "none");
  CHECK(iso_date("") == "none");
  CHECK(iso_date("0000-01-01") == "none");
  CHECK(iso_date(std::string(200, '2')) == "none");
}

// fuzz_escape: arbitrary bytes as a stored value (a name, a label, a
// sentence) through every escaping function of the exporters
// (export/src/text_escape.hpp): clean_text, xml, dot, append_xml,
// append_dot, append_json and append_csv.
//
// Expected: nothing is thrown. Checked, as the header promises: every output
// is valid UTF-8; clean_text leaves no C0/C1 control, DEL, U+FFFE or U+FFFF
// and at most kMaxValueBytes plus a cut character and an ellipsis; the XML
// holds no raw < > " ', every & starts an entity, and no C0 control at all
// (tab and newline are allowed by XML, but clean_text turns them into
// spaces); the DOT string has no unescaped quote and no trailing lone
// backslash; the JSON string parses (nlohmann) to clean_text's value; the CSV
// field reads back (RFC 4180) to clean_text's value; the append_ forms equal
// the returning forms.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_support.hpp"
#include "text_escape.hpp"

namespace {

using geokg::fuzz::check;

bool is_entity(std::string_view rest) {
  for (const std::string_view entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"}) {
    if (rest.starts_with(entity)) return true;
  }
  return false;
}

void check_xml(std::string_view xml) {
  check(geokg::fuzz::valid_utf8(xml), "xml: not valid UTF-8", xml);
  for (std::size_t i = 0; i < xml.size(); ++i) {
    const auto c = static_cast<unsigned char>(xml[i]);
    check(c != '<' && c != '>' && c != '"' && c != '\'', "xml: raw markup character", xml);
    check(c != '&' || is_entity(xml.substr(i)), "xml: & that starts no entity", xml);
    check(c >= 0x20 || c == '\t' || c == '\n', "xml: C0 control", xml);
  }
}

void check_dot(std::string_view dot) {
  check(geokg::fuzz::valid_utf8(dot), "dot: not valid UTF-8", dot);
  for (std::size_t i = 0; i < dot.size(); ++i) {
    if (dot[i] == '\\') {
      check(i + 1 < dot.size(), "dot: trailing backslash escapes the closing quote", dot);
      ++i;
    } else {
      check(dot[i] != '"', "dot: unescaped quote", dot);
    }
  }
}

// RFC 4180 field back to its value; aborts on a malformed one.
std::string read_csv_field(std::string_view field) {
  if (field.empty() || field.front() != '"') {
    check(field.find_first_of(",\"\r\n") == std::string_view::npos, "csv: unquoted special", field);
    return std::string(field);
  }
  check(field.size() >= 2 && field.back() == '"', "csv: unterminated quoted field", field);
  std::string value;
  for (std::size_t i = 1; i + 1 < field.size(); ++i) {
    if (field[i] == '"') {
      check(i + 2 < field.size() && field[i + 1] == '"', "csv: lone quote inside a field", field);
      ++i;
    }
    value.push_back(field[i]);
  }
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace escape = geokg::escape;
  const auto input = geokg::fuzz::as_text(data, size);

  const auto clean = escape::clean_text(input);
  check(geokg::fuzz::valid_utf8(clean), "clean_text: not valid UTF-8", clean);
  check(clean.size() <= escape::kMaxValueBytes + 3 + 3, "clean_text: too long");
  for (const char c : clean) {
    const auto byte = static_cast<unsigned char>(c);
    check(byte >= 0x20 && byte != 0x7F, "clean_text: control character", clean);
  }
  for (const std::string_view banned : {"\xef\xbf\xbe", "\xef\xbf\xbf"}) {
    check(clean.find(banned) == std::string::npos, "clean_text: U+FFFE or U+FFFF", clean);
  }
  for (std::size_t i = 0; i + 1 < clean.size(); ++i) {
    const auto lead = static_cast<unsigned char>(clean[i]);
    const auto next = static_cast<unsigned char>(clean[i + 1]);
    check(!(lead == 0xC2 && next >= 0x80 && next <= 0x9F), "clean_text: C1 control", clean);
  }

  const auto xml = escape::xml(input);
  check_xml(xml);
  std::string appended = "<";
  escape::append_xml(appended, input);
  check(appended.substr(1) == xml, "append_xml differs from xml");

  const auto dot = escape::dot(input);
  check_dot(dot);
  appended = "\"";
  escape::append_dot(appended, input);
  check(appended.substr(1) == dot, "append_dot differs from dot");

  std::string json = "\"";
  escape::append_json(json, input);
  json.push_back('"');
  check(geokg::fuzz::valid_utf8(json), "json: not valid UTF-8", json);
  const auto parsed = nlohmann::json::parse(json, nullptr, false);
  check(!parsed.is_discarded() && parsed.is_string(), "json: not a JSON string", json);
  check(parsed.get<std::string>() == clean, "json: value differs from clean_text", json);

  std::string csv;
  escape::append_csv(csv, input);
  check(geokg::fuzz::valid_utf8(csv), "csv: not valid UTF-8", csv);
  check(read_csv_field(csv) == clean, "csv: value differs from clean_text", csv);
  return 0;
}

// JSON Lines of documents. Lines are parsed with nlohmann::json: a document
// line is mostly one long string, and simdjson's tape would need several
// times a 100 MB line's size, while the extraction after reading costs far
// more than the parse.
#include <nlohmann/json.hpp>

#include "readers/encoding.hpp"
#include "readers/readers.hpp"

namespace geokg::readers {
namespace {

// A line longer than this is skipped without being held in memory.
constexpr std::size_t kMaxLineBytes = 2 * kMaxDocumentBytes;
// Longer ids are not ids (the triples reader refuses them alike).
constexpr std::size_t kMaxIdBytes = 1000;
// Error messages quote at most this much of a value.
constexpr std::size_t kQuoteBytes = 100;

// A problem with the current line; caught per line and reported there.
class LineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads lines piece by piece, so that an overlong line costs no memory.
class LineReader {
 public:
  LineReader(std::istream& in, std::string_view name) : in_(in), name_(name), piece_(64 * 1024) {}

  // The next line without its "\n"; false at the end of the input. A line
  // over kMaxLineBytes comes back empty with `too_long` set.
  bool next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    if (!in_.good()) return false;
    bool any = false;
    for (;;) {
      in_.getline(piece_.data(), static_cast<std::streamsize>(piece_.size()));
      if (in_.bad()) throw IngestError(std::string(name_), "read error");
      const auto got = static_cast<std::size_t>(in_.gcount());
      if (in_.eof()) {  // the last line, without a "\n"
        keep(line, got, too_long);
        return any || got > 0;
      }
      any = true;
      if (in_.fail()) {  // the piece is full and the line goes on
        keep(line, got, too_long);
        in_.clear();
        continue;
      }
      keep(line, got - 1, too_long);  // gcount() counted the "\n"
      return true;
    }
  }

 private:
  void keep(std::string& line, std::size_t size, bool& too_long) {
    if (too_long) return;
    if (line.size() + size > kMaxLineBytes) {
      too_long = true;
      line.clear();
      line.shrink_to_fit();
      return;
    }
    line.append(piece_.data(), size);
  }

  std::istream& in_;
  std::string_view name_;
  std::vector<char> piece_;
};

std::string quote(std::string_view value) {
  return "\"" + clean_field(value, kQuoteBytes) + "\"";
}

std::string_view type_name(const nlohmann::json& value) {
  if (value.is_number()) return "a number";
  if (value.is_boolean()) return "a boolean";
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  return "a string";
}

// The field as a string; nullopt when absent or null. The string is moved
// out of the record, so a 100 MB text is never copied.
std::optional<std::string> take_string(nlohmann::json& record, const char* name) {
  const auto found = record.find(name);
  if (found == record.end() || found->is_null()) return std::nullopt;
  if (!found->is_string()) {
    throw LineError("\"" + std::string(name) + "\" must be a string, not " +
                    std::string(type_name(*found)));
  }
  return std::move(found->get_ref<std::string&>());
}

std::string take_id(nlohmann::json& record) {
  const auto found = record.find("id");
  if (found == record.end() || found->is_null()) return {};
  if (found->is_number_integer()) return found->dump();
  if (!found->is_string()) {
    throw LineError("\"id\" must be a string or an integer, not " + std::string(type_name(*found)));
  }
  auto id = std::move(found->get_ref<std::string&>());
  if (id.size() > kMaxIdBytes) {
    throw LineError("\"id\" is " + std::to_string(id.size()) + " bytes long; at most " +
                    std::to_string(kMaxIdBytes) + " are allowed");
  }
  return id;
}

std::optional<EventDate> take_date(nlohmann::json& record) {
  for (const auto* name : {"date", "published"}) {
    const auto value = take_string(record, name);
    if (!value || value->empty()) continue;
    auto date = parse_publication_date(*value);
    if (!date) throw LineError("unreadable date " + quote(*value) + " in \"" + name + "\"");
    return date;
  }
  return std::nullopt;
}

Document read_document(nlohmann::json& record, const std::string& where,
                       std::vector<std::string>& warnings) {
  if (!record.is_object()) {
    throw LineError("a document must be a JSON object, not " + std::string(type_name(record)));
  }
  Document document;
  document.origin = "jsonl";
  document.key = take_id(record);
  if (document.key.empty()) document.key = where;

  auto text = take_string(record, "text");
  if (!text) text = take_string(record, "body");
  if (!text) throw LineError("no \"text\" or \"body\" field");
  if (is_blank(*text)) throw LineError("the document text is empty");
  document.text = std::move(*text);

  bool cut = false;
  document.title = clean_field(take_string(record, "title").value_or(""), kMaxTitleBytes, &cut);
  if (cut) {
    warnings.push_back(where + ": \"title\" cut to " + std::to_string(kMaxTitleBytes) + " bytes");
  }
  document.source = clean_field(take_string(record, "source").value_or(""), kMaxTitleBytes, &cut);
  if (cut) {
    warnings.push_back(where + ": \"source\" cut to " + std::to_string(kMaxTitleBytes) + " bytes");
  }
  document.url = clean_field(take_string(record, "url").value_or(""), kMaxUrlBytes + 1);
  if (document.url.size() > kMaxUrlBytes) {
    warnings.push_back(where + ": \"url\" is longer than " + std::to_string(kMaxUrlBytes) +
                       " bytes; ignored");
    document.url.clear();
  }
  document.published = take_date(record);
  return document;
}

// nlohmann's message without its "[json.exception...]" prefix and without
// the long "last read" excerpt a broken 100 MB string would give.
std::string parse_problem(const nlohmann::json::exception& error) {
  std::string_view message = error.what();
  if (const auto prefix = message.find("] "); prefix != std::string_view::npos) {
    message.remove_prefix(prefix + 2);
  }
  if (const auto excerpt = message.find("; last read:"); excerpt != std::string_view::npos) {
    message = message.substr(0, excerpt);
  }
  return "not JSON: " + clean_field(message, 300);
}

}  // namespace

LineCounts read_document_lines(std::istream& in, std::string_view name, const EmitDocument& emit,
                               std::vector<InputProblem>& problems,
                               std::vector<std::string>& warnings) {
  LineCounts counts;
  LineReader reader(in, name);
  std::string line;
  bool too_long = false;
  std::int64_t number = 0;
  while (reader.next(line, too_long)) {
    ++number;
    const auto where = std::string(name) + ":" + std::to_string(number);
    if (too_long) {
      ++counts.read;
      ++counts.rejected;
      problems.push_back(
          {where, "line longer than " + std::to_string(kMaxLineBytes) + " bytes; skipped"});
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (is_blank(line)) continue;
    ++counts.read;
    try {
      std::string_view json = line;
      if (number == 1 && json.starts_with("\xEF\xBB\xBF")) json.remove_prefix(3);
      std::string repaired;
      if (const auto bad = find_invalid_utf8(json); bad != std::string_view::npos) {
        const auto offset = bad + static_cast<std::size_t>(json.data() - line.data());
        repaired = repair_utf8(json);
        json = repaired;
        warnings.push_back(where + ": invalid UTF-8 at byte " + std::to_string(offset) +
                           " replaced");
      }
      nlohmann::json record;
      try {
        record = nlohmann::json::parse(json);
      } catch (const nlohmann::json::exception& error) {
        // parse_error, or out_of_range for a number no double holds (1e999).
        throw LineError(parse_problem(error));
      }
      emit(read_document(record, where, warnings));
    } catch (const LineError& error) {
      ++counts.rejected;
      problems.push_back({where, error.what()});
    }
  }
  return counts;
}

}  // namespace geokg::readers

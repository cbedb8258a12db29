// Walks the inputs, detects their formats, reads them into DocumentRecords
// and writes those to the store in batches.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "geokg/ingest.hpp"

namespace geokg {
namespace {

namespace fs = std::filesystem;

bool ends_with_icase(std::string_view text, std::string_view suffix) {
  if (suffix.size() > text.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), text.rbegin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
}

// Decides what a JSON Lines input holds from its first record.
InputFormat detect_json(std::string_view first_line) {
  const auto record = nlohmann::json::parse(first_line, nullptr, /*allow_exceptions=*/false);
  if (record.is_object()) {
    if (record.contains("event")) return InputFormat::Triples;
    if (record.contains("text") || record.contains("body")) return InputFormat::Jsonl;
  }
  return InputFormat::Auto;
}

std::string first_content_line(std::istream& in) {
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) return line;
  }
  return {};
}

// Follows contracts/ingest-input.md: the name first, then the content.
InputFormat detect(std::string_view name, std::istream& in) {
  if (ends_with_icase(name, ".export.csv") || ends_with_icase(name, ".export.csv.zip")) {
    return InputFormat::Gdelt;
  }
  if (ends_with_icase(name, ".html") || ends_with_icase(name, ".htm")) return InputFormat::Html;
  const auto line = first_content_line(in);
  in.clear();
  in.seekg(0);
  const auto start = line.find_first_not_of(" \t\xEF\xBB\xBF");
  if (start != std::string::npos && line[start] == '{') {
    const auto format = detect_json(line);
    if (format != InputFormat::Auto) return format;
  }
  if (start != std::string::npos && line[start] == '<') {
    std::string head = line.substr(start, 16);
    std::transform(head.begin(), head.end(), head.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (head.starts_with("<!doctype html") || head.starts_with("<html")) return InputFormat::Html;
  }
  if (std::count(line.begin(), line.end(), '\t') >= 56) return InputFormat::Gdelt;
  if (ends_with_icase(name, ".jsonl") || ends_with_icase(name, ".json")) return InputFormat::Triples;
  return InputFormat::Text;
}

class BatchWriter {
 public:
  BatchWriter(Store& store, const IngestOptions& options, IngestReport& report,
              const ProgressCallback& progress)
      : store_(store), options_(options), report_(report), progress_(progress) {}

  void add(DocumentRecord&& record, std::string_view input) {
    pending_events_ += record.events.size();
    records_.push_back(std::move(record));
    inputs_.emplace_back(input);
    if (records_.size() >= options_.batch_documents || pending_events_ >= kMaxBatchEvents) flush();
  }

  void flush() {
    if (records_.empty()) return;
    const auto outcomes = store_.write(records_);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      const auto& outcome = outcomes[i];
      report_.events_added += outcome.events_added;
      report_.actors_added += outcome.actors_added;
      switch (outcome.status) {
        case WriteOutcome::Status::Added: ++report_.documents_added; break;
        case WriteOutcome::Status::Extended: ++report_.documents_extended; break;
        case WriteOutcome::Status::Unchanged: ++report_.documents_unchanged; break;
        case WriteOutcome::Status::Duplicate:
          ++report_.documents_duplicate;
          break;
        case WriteOutcome::Status::Rejected:
          ++report_.documents_rejected;
          report_.problems.push_back(
              {inputs_[i] + " (document " + records_[i].document.key + ")", outcome.message});
          break;
      }
    }
    records_.clear();
    inputs_.clear();
    pending_events_ = 0;
    if (progress_) progress_(report_);
  }

 private:
  static constexpr std::size_t kMaxBatchEvents = 100000;
  Store& store_;
  const IngestOptions& options_;
  IngestReport& report_;
  const ProgressCallback& progress_;
  std::vector<DocumentRecord> records_;
  std::vector<std::string> inputs_;
  std::size_t pending_events_ = 0;
};

void ingest_stream(std::istream& in, const std::string& name, const IngestOptions& options,
                   BatchWriter& writer, IngestReport& report) {
  ++report.inputs;
  const auto format = options.format == InputFormat::Auto ? detect(name, in) : options.format;
  switch (format) {
    case InputFormat::Triples: {
      const auto counts = read_triples(
          in, name, options, Ontology::builtin(),
          [&](DocumentRecord&& record) { writer.add(std::move(record), name); }, report.problems);
      report.lines += counts.read;
      report.lines_rejected += counts.rejected;
      return;
    }
    case InputFormat::Auto:
      break;
    case InputFormat::Text:
    case InputFormat::Html:
    case InputFormat::Jsonl:
    case InputFormat::Gdelt:
      throw IngestError(name, std::string(to_string(format)) +
                                  " input is not supported by this version of geokg yet; it "
                                  "reads JSON Lines of pre-extracted events (--format triples)");
  }
  throw IngestError(name, "cannot tell what kind of input this is; give --format");
}

void ingest_path(const std::string& path, const IngestOptions& options, BatchWriter& writer,
                 IngestReport& report) {
  try {
    if (path == "-") {
      // stdin cannot be rewound after detection, so it is read whole.
      std::stringstream buffer;
      buffer << std::cin.rdbuf();
      ingest_stream(buffer, "<stdin>", options, writer, report);
      return;
    }
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      throw IngestError(path, "cannot open: no such file or directory");
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> children;
      for (const auto& entry : fs::recursive_directory_iterator(
               path, fs::directory_options::skip_permission_denied)) {
        const auto file_name = entry.path().filename().string();
        if (entry.is_regular_file() && !file_name.starts_with(".")) {
          children.push_back(entry.path().string());
        }
      }
      std::sort(children.begin(), children.end());
      for (const auto& child : children) ingest_path(child, options, writer, report);
      return;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IngestError(path, std::string("cannot open: ") + std::strerror(errno));
    ingest_stream(in, path, options, writer, report);
  } catch (const IngestError& error) {
    report.problems.push_back({error.where(), error.message()});
  } catch (const fs::filesystem_error& error) {
    report.problems.push_back({path, error.what()});
  }
}

}  // namespace

std::string_view to_string(InputFormat format) {
  switch (format) {
    case InputFormat::Auto: return "auto";
    case InputFormat::Triples: return "triples";
    case InputFormat::Text: return "text";
    case InputFormat::Html: return "html";
    case InputFormat::Jsonl: return "jsonl";
    case InputFormat::Gdelt: return "gdelt";
  }
  return "auto";
}

InputFormat parse_input_format(std::string_view name) {
  for (auto format : {InputFormat::Auto, InputFormat::Triples, InputFormat::Text,
                      InputFormat::Html, InputFormat::Jsonl, InputFormat::Gdelt}) {
    if (to_string(format) == name) return format;
  }
  throw IngestError("--format", "unknown input format \"" + std::string(name) +
                                    "\" (expected auto, triples, text, html, jsonl or gdelt)");
}

IngestReport ingest(Store& store, const std::vector<std::string>& paths,
                    const IngestOptions& options, const ProgressCallback& progress) {
  IngestReport report;
  BatchWriter writer(store, options, report, progress);
  for (const auto& path : paths) ingest_path(path, options, writer, report);
  writer.flush();
  return report;
}

}  // namespace geokg

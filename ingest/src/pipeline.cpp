// Walks the inputs, detects their formats, reads them into DocumentRecords
// and writes those to the store in batches.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "geokg/ingest.hpp"
#include "readers/readers.hpp"

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

// Documents on their way from the reader thread to the writer, with the
// input each came from (for error messages).
struct Batch {
  std::vector<DocumentRecord> records;
  std::vector<std::string> inputs;
  std::size_t events = 0;
};

// A bounded hand-over between the reader thread and the writer. Bounded so
// memory depends on the batch size, never on the corpus size.
class BatchQueue {
 public:
  explicit BatchQueue(std::size_t capacity) : capacity_(capacity) {}

  // Blocks while full. False when the queue was closed: stop reading.
  bool push(Batch&& batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || batches_.size() < capacity_; });
    if (closed_) return false;
    batches_.push_back(std::move(batch));
    changed_.notify_all();
    return true;
  }

  // Blocks while empty. Nothing once the queue is closed and drained.
  std::optional<Batch> pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || !batches_.empty(); });
    if (batches_.empty()) return std::nullopt;
    Batch batch = std::move(batches_.front());
    batches_.pop_front();
    changed_.notify_all();
    return batch;
  }

  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> batches_;
  bool closed_ = false;
};

// Thrown on the reader thread when the writer has stopped taking batches.
struct ReadingCancelled {};

// The reader side: collects records into batches and queues full ones.
class BatchAssembler {
 public:
  BatchAssembler(const IngestOptions& options, BatchQueue& queue)
      : options_(options), queue_(queue) {}

  void add(DocumentRecord&& record, std::string_view input) {
    batch_.events += record.events.size();
    batch_.records.push_back(std::move(record));
    batch_.inputs.emplace_back(input);
    if (batch_.records.size() >= options_.batch_documents || batch_.events >= kMaxBatchEvents) {
      flush();
    }
  }

  void flush() {
    if (batch_.records.empty()) return;
    if (!queue_.push(std::move(batch_))) throw ReadingCancelled{};
    batch_ = Batch{};
  }

 private:
  static constexpr std::size_t kMaxBatchEvents = 100000;
  const IngestOptions& options_;
  BatchQueue& queue_;
  Batch batch_;
};

// The writer side: stores a batch and counts what became of each document.
void write_batch(Store& store, const Batch& batch, IngestReport& report) {
  const auto outcomes = store.write(batch.records);
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const auto& outcome = outcomes[i];
    report.events_added += outcome.events_added;
    report.actors_added += outcome.actors_added;
    report.mentions_added += outcome.mentions_added;
    report.events_updated += outcome.events_updated;
    switch (outcome.status) {
      case WriteOutcome::Status::Added: ++report.documents_added; break;
      case WriteOutcome::Status::Extended: ++report.documents_extended; break;
      case WriteOutcome::Status::Unchanged: ++report.documents_unchanged; break;
      case WriteOutcome::Status::Duplicate: ++report.documents_duplicate; break;
      case WriteOutcome::Status::Rejected:
        ++report.documents_rejected;
        report.problems.push_back(
            {batch.inputs[i] + " (document " + batch.records[i].document.key + ")",
             outcome.message});
        break;
    }
  }
}

// Where the documents of the inputs go: pre-extracted records straight to
// the store, articles through the extractor, unreadable ones to problems.
struct InputSink {
  std::function<void(DocumentRecord&&, std::string_view input)> record;
  std::function<void(Document&&, std::string_view input)> document;
  std::function<void(const std::string& where, const std::string& message)> failed;
};

// Stable key for a document read from stdin: two different texts piped in
// must not collide, the same text piped twice must.
std::string stdin_key(std::string_view bytes) {
  std::uint64_t hash = 1469598103934665603ull;
  for (const unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return std::string("stdin:") + buffer;
}

std::string read_all(std::istream& in, const std::string& name) {
  std::string bytes;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > readers::kMaxDocumentBytes) {
      throw IngestError(name, "document larger than " +
                                  std::to_string(readers::kMaxDocumentBytes >> 20) +
                                  " MB; split it");
    }
  }
  return bytes;
}

void read_stream(std::istream& in, const std::string& name, const IngestOptions& options,
                 const InputSink& sink, IngestReport& report) {
  ++report.inputs;
  const auto format = options.format == InputFormat::Auto ? detect(name, in) : options.format;
  switch (format) {
    case InputFormat::Triples: {
      const auto counts = read_triples(
          in, name, options, Ontology::builtin(),
          [&](DocumentRecord&& record) { sink.record(std::move(record), name); },
          report.problems);
      report.lines += counts.read;
      report.lines_rejected += counts.rejected;
      return;
    }
    case InputFormat::Jsonl: {
      const auto counts = readers::read_document_lines(
          in, name, [&](Document&& document) { sink.document(std::move(document), name); },
          report.problems, report.warnings);
      report.lines += counts.read;
      report.lines_rejected += counts.rejected;
      return;
    }
    case InputFormat::Gdelt: {
      const auto counts = read_gdelt(
          in, name, Ontology::builtin(),
          [&](DocumentRecord&& record) { sink.record(std::move(record), name); },
          report.problems);
      report.lines += counts.read;
      report.lines_rejected += counts.rejected;
      return;
    }
    case InputFormat::Text:
    case InputFormat::Html: {
      const auto bytes = read_all(in, name);
      const auto key = name == "<stdin>" ? stdin_key(bytes) : name;
      ++report.lines;
      try {
        auto document = format == InputFormat::Text
                            ? readers::read_text_document(bytes, key, report.warnings)
                            : readers::read_html_document(bytes, key, report.warnings);
        if (document.origin.empty()) document.origin = std::string(to_string(format));
        sink.document(std::move(document), name);
      } catch (const IngestError& error) {
        ++report.lines_rejected;
        sink.failed(error.where(), error.message());
      }
      return;
    }
    case InputFormat::Auto:
      break;
  }
  throw IngestError(name, "cannot tell what kind of input this is; give --format");
}

void read_path(const std::string& path, const IngestOptions& options, const InputSink& sink,
               IngestReport& report) {
  try {
    if (path == "-" && options.format == InputFormat::Gdelt && std::cin.peek() != 'P') {
      // A GDELT export needs no detection: stream it, whatever its size.
      read_stream(std::cin, "<stdin>", options, sink, report);
      return;
    }
    if (path == "-") {
      // stdin cannot be rewound after detection, so it is read whole.
      std::stringstream buffer;
      buffer << std::cin.rdbuf();
      read_stream(buffer, "<stdin>", options, sink, report);
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
      for (const auto& child : children) read_path(child, options, sink, report);
      return;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IngestError(path, std::string("cannot open: ") + std::strerror(errno));
    read_stream(in, path, options, sink, report);
  } catch (const IngestError& error) {
    sink.failed(error.where(), error.message());
  } catch (const fs::filesystem_error& error) {
    sink.failed(path, error.what());
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
  // One reader thread parses while this thread writes: parsing was a fifth of
  // ingest time. One reader and a FIFO keep documents in input order, so the
  // store is the same as a single-threaded run would make.
  BatchQueue queue(1);
  IngestReport read_report;  // owned by the reader thread until it is joined
  std::exception_ptr read_failure;
  std::thread reader([&] {
    try {
      BatchAssembler assembler(options, queue);
      const Extractor extractor(options.dictionary ? *options.dictionary : Dictionary::builtin(),
                                Ontology::builtin(),
                                options.lexicon ? *options.lexicon : EventLexicon::builtin());
      InputSink sink;
      sink.record = [&](DocumentRecord&& record, std::string_view input) {
        assembler.add(std::move(record), input);
      };
      sink.document = [&](Document&& document, std::string_view input) {
        auto extraction = extractor.extract(std::move(document), options.default_date);
        for (auto& warning : extraction.warnings) read_report.warnings.push_back(std::move(warning));
        assembler.add(std::move(extraction.record), input);
      };
      sink.failed = [&](const std::string& where, const std::string& message) {
        read_report.problems.push_back({where, message});
      };
      for (const auto& path : paths) read_path(path, options, sink, read_report);
      assembler.flush();
    } catch (const ReadingCancelled&) {
    } catch (...) {
      read_failure = std::current_exception();
    }
    queue.close();
  });

  IngestReport report;
  try {
    while (auto batch = queue.pop()) {
      write_batch(store, *batch, report);
      if (progress) progress(report);
    }
  } catch (...) {
    queue.close();
    reader.join();
    throw;
  }
  reader.join();
  if (read_failure) std::rethrow_exception(read_failure);

  // Reading problems (file:line) first, then documents the store rejected.
  report.inputs = read_report.inputs;
  report.lines = read_report.lines;
  report.lines_rejected = read_report.lines_rejected;
  report.problems.insert(report.problems.begin(), read_report.problems.begin(),
                         read_report.problems.end());
  report.warnings = std::move(read_report.warnings);
  return report;
}

void extract_inputs(const std::vector<std::string>& paths, const IngestOptions& options,
                    const Extractor& extractor,
                    const std::function<void(ExtractedDocument&&)>& visit) {
  IngestReport report;
  InputSink sink;
  sink.record = [&](DocumentRecord&& record, std::string_view input) {
    ExtractedDocument result;
    result.input = std::string(input);
    result.key = record.document.key;
    result.error = "pre-extracted events (triples) have no text to extract from";
    visit(std::move(result));
  };
  sink.document = [&](Document&& document, std::string_view input) {
    ExtractedDocument result;
    result.input = std::string(input);
    result.key = document.key;
    result.extraction = extractor.extract(std::move(document), options.default_date);
    visit(std::move(result));
  };
  sink.failed = [&](const std::string& where, const std::string& message) {
    ExtractedDocument result;
    result.input = where;
    result.key = where;
    result.error = message;
    visit(std::move(result));
  };
  for (const auto& path : paths) {
    const auto before = report.problems.size();
    read_path(path, options, sink, report);
    // Bad lines inside a readable input (JSON Lines) land in problems.
    for (auto i = before; i < report.problems.size(); ++i) {
      sink.failed(report.problems[i].where, report.problems[i].message);
    }
    for (auto& warning : report.warnings) {
      ExtractedDocument note;
      note.input = path;
      note.warning = std::move(warning);
      visit(std::move(note));
    }
    report.warnings.clear();
  }
}

}  // namespace geokg

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

void ingest_stream(std::istream& in, const std::string& name, const IngestOptions& options,
                   BatchAssembler& writer, IngestReport& report) {
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
    case InputFormat::Gdelt: {
      const auto counts = read_gdelt(
          in, name, Ontology::builtin(),
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
      throw IngestError(name, std::string(to_string(format)) +
                                  " input is not supported by this version of geokg yet; it "
                                  "reads JSON Lines of pre-extracted events (--format triples)");
  }
  throw IngestError(name, "cannot tell what kind of input this is; give --format");
}

void ingest_path(const std::string& path, const IngestOptions& options, BatchAssembler& writer,
                 IngestReport& report) {
  try {
    if (path == "-" && options.format == InputFormat::Gdelt && std::cin.peek() != 'P') {
      // A GDELT export needs no detection: stream it, whatever its size.
      ingest_stream(std::cin, "<stdin>", options, writer, report);
      return;
    }
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
  // One reader thread parses while this thread writes: parsing was a fifth of
  // ingest time. One reader and a FIFO keep documents in input order, so the
  // store is the same as a single-threaded run would make.
  BatchQueue queue(1);
  IngestReport read_report;  // owned by the reader thread until it is joined
  std::exception_ptr read_failure;
  std::thread reader([&] {
    try {
      BatchAssembler assembler(options, queue);
      for (const auto& path : paths) ingest_path(path, options, assembler, read_report);
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
  return report;
}

}  // namespace geokg

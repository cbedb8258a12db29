// Walks the inputs, detects their formats, reads them into DocumentRecords,
// extracts articles on worker threads and writes everything to the store in
// batches, in input order.
#include "pipeline.hpp"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "geokg/ingest.hpp"
#include "readers/readers.hpp"

namespace geokg {
namespace {

namespace fs = std::filesystem;

bool ends_with_icase(std::string_view text, std::string_view suffix) {
  if (suffix.size() > text.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), text.rbegin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
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
  if (ends_with_icase(name, ".jsonl") || ends_with_icase(name, ".json"))
    return InputFormat::Triples;
  return InputFormat::Text;
}

// One document on its way through the pipeline, with the input it came from
// (for error messages) and the reader's warnings that came before it, so
// that warnings keep their reading order whatever thread extracts.
struct Unit {
  DocumentRecord record;  // pre-extracted; or an article to extract (only its document)
  bool extract = false;
  std::int64_t words = 0;  // of the extracted article
  std::string input;
  std::vector<std::string> warnings;
};

// A run of consecutive documents, the unit of work of an extraction worker.
// Small enough that the workers stay evenly busy, large enough that handing
// it over costs nothing next to extracting it.
struct Chunk {
  std::vector<Unit> units;
  bool extract = false;          // some unit is an article
  std::size_t text_bytes = 0;    // of the articles, to close the chunk
  std::size_t events = 0;        // of the pre-extracted records, to close the chunk
  std::int64_t input_bytes = 0;  // input read when the chunk was closed
  // Set when extracting units[done] (or reading, after the last unit)
  // threw: the units before it are good, the failure comes after them.
  std::exception_ptr failure;
  std::size_t done = 0;
};

constexpr std::size_t kChunkUnits = 256;
constexpr std::size_t kChunkTextBytes = 32 * 1024;
constexpr std::size_t kChunkEvents = 8192;

// Thrown on the reader and collector threads when the pipeline was cancelled.
struct PipelineCancelled {};

// Chunks between the reader, the extraction workers and the collector.
// Each chunk gets a sequence number when the reader submits it; workers take
// chunks to extract in any order and the collector takes them back in
// sequence order. At most `window` chunks are between the reader and the
// collector at any time (queued, being extracted, or extracted and waiting
// for an earlier one), so memory does not grow with the corpus.
class ChunkFlow {
 public:
  explicit ChunkFlow(std::size_t window) : window_(window) {}

  // Reader: blocks while the window is full. False when cancelled.
  bool submit(Chunk&& chunk) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return cancelled_ || next_ - collected_ < window_; });
    if (cancelled_) return false;
    const auto sequence = next_++;
    if (chunk.extract) {
      work_.emplace_back(sequence, std::move(chunk));
      work_ready_.notify_one();
    } else {
      chunk.done = chunk.units.size();
      done_.emplace(sequence, std::move(chunk));
      if (sequence == collected_) done_ready_.notify_one();
    }
    return true;
  }

  // Reader: no more chunks.
  void finish() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    work_ready_.notify_all();
    done_ready_.notify_all();
  }

  // Worker: the next chunk to extract; nothing when all are taken and the
  // reader has finished, or when cancelled.
  std::optional<std::pair<std::uint64_t, Chunk>> take_work() {
    std::unique_lock lock(mutex_);
    work_ready_.wait(lock, [&] { return cancelled_ || finished_ || !work_.empty(); });
    if (cancelled_ || work_.empty()) return std::nullopt;
    auto work = std::move(work_.front());
    work_.pop_front();
    return work;
  }

  // Worker: an extracted chunk.
  void complete(std::uint64_t sequence, Chunk&& chunk) {
    std::lock_guard lock(mutex_);
    done_.emplace(sequence, std::move(chunk));
    if (sequence == collected_) done_ready_.notify_one();
  }

  // Collector: the next chunk in input order; nothing at the end or when
  // cancelled.
  std::optional<Chunk> next_in_order() {
    std::unique_lock lock(mutex_);
    done_ready_.wait(lock, [&] {
      return cancelled_ || done_.contains(collected_) || (finished_ && collected_ == next_);
    });
    if (cancelled_) return std::nullopt;
    const auto found = done_.find(collected_);
    if (found == done_.end()) return std::nullopt;
    Chunk chunk = std::move(found->second);
    done_.erase(found);
    ++collected_;
    space_.notify_one();
    return chunk;
  }

  // Stops every thread waiting here; keeps the first failure given.
  void cancel(std::exception_ptr failure = nullptr) {
    std::lock_guard lock(mutex_);
    if (failure && !failure_) failure_ = std::move(failure);
    cancelled_ = true;
    space_.notify_all();
    work_ready_.notify_all();
    done_ready_.notify_all();
  }

  std::exception_ptr failure() {
    std::lock_guard lock(mutex_);
    return failure_;
  }

  bool cancelled() {
    std::lock_guard lock(mutex_);
    return cancelled_;
  }

 private:
  const std::size_t window_;
  std::mutex mutex_;
  std::condition_variable space_;       // the reader waits for room
  std::condition_variable work_ready_;  // workers wait for chunks
  std::condition_variable done_ready_;  // the collector waits for the next chunk
  std::deque<std::pair<std::uint64_t, Chunk>> work_;
  std::map<std::uint64_t, Chunk> done_;
  std::uint64_t next_ = 0;       // sequence number of the next chunk submitted
  std::uint64_t collected_ = 0;  // sequence number of the next chunk collected
  bool finished_ = false;
  bool cancelled_ = false;
  std::exception_ptr failure_;
};

// Documents on their way from the collector to the writer, in input order.
struct Batch {
  std::vector<DocumentRecord> records;
  std::vector<std::string> inputs;
  std::vector<std::string> warnings;  // in reading order, up to the last record's
  std::size_t events = 0;
  std::int64_t words = 0;
  std::int64_t input_bytes = 0;
};

// A bounded hand-over between the collector and the writer. Bounded so
// memory depends on the batch size, never on the corpus size.
class BatchQueue {
 public:
  explicit BatchQueue(std::size_t capacity) : capacity_(capacity) {}

  // Blocks while full. False when the queue was closed: stop.
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

// The collector side: puts documents, in input order, into batches of
// `batch_documents` documents or kMaxBatchEvents events, whichever comes
// first, and hands full ones on: to the writer's queue, or with one job
// straight to the store.
class BatchAssembler {
 public:
  using Deliver = std::function<void(Batch&&)>;
  BatchAssembler(const IngestOptions& options, Deliver deliver)
      : options_(options), deliver_(std::move(deliver)) {}

  void add(Unit&& unit, std::int64_t input_bytes) {
    for (auto& warning : unit.warnings) batch_.warnings.push_back(std::move(warning));
    if (!options_.store_mentions) std::vector<Mention>().swap(unit.record.mentions);
    batch_.events += unit.record.events.size();
    batch_.words += unit.words;
    batch_.input_bytes = input_bytes;
    batch_.records.push_back(std::move(unit.record));
    batch_.inputs.push_back(std::move(unit.input));
    if (batch_.records.size() >= options_.batch_documents || batch_.events >= kMaxBatchEvents) {
      flush();
    }
  }

  void flush() {
    if (batch_.records.empty() && batch_.warnings.empty()) return;
    Batch full = std::move(batch_);
    batch_ = Batch{};
    deliver_(std::move(full));
  }

 private:
  static constexpr std::size_t kMaxBatchEvents = 100000;
  const IngestOptions& options_;
  Deliver deliver_;
  Batch batch_;
};

// The writer side: stores a batch and counts what became of each document.
void write_batch(Store& store, Batch& batch, IngestReport& report) {
  if (!batch.records.empty()) {
    const auto outcomes = store.write(batch.records);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      const auto& outcome = outcomes[i];
      report.events_added += outcome.events_added;
      report.actors_added += outcome.actors_added;
      report.mentions_added += outcome.mentions_added;
      report.events_updated += outcome.events_updated;
      switch (outcome.status) {
        case WriteOutcome::Status::Added:
          ++report.documents_added;
          break;
        case WriteOutcome::Status::Extended:
          ++report.documents_extended;
          break;
        case WriteOutcome::Status::Unchanged:
          ++report.documents_unchanged;
          break;
        case WriteOutcome::Status::Duplicate:
          ++report.documents_duplicate;
          break;
        case WriteOutcome::Status::Rejected:
          ++report.documents_rejected;
          report.problems.push_back(
              {batch.inputs[i] + " (document " + batch.records[i].document.key + ")",
               outcome.message});
          break;
      }
    }
  }
  for (auto& warning : batch.warnings) report.warnings.push_back(std::move(warning));
  report.words += batch.words;
  report.input_bytes = batch.input_bytes;
}

// White-space separated words, as the benchmarks count them.
std::int64_t count_words(std::string_view text) {
  std::int64_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// How far the reader is through its inputs, in bytes, for progress.
class InputPosition {
 public:
  // Finished inputs, plus the position in the current one.
  std::int64_t bytes() const {
    if (!current_) return finished_;
    const std::streamoff at = current_->pubseekoff(0, std::ios::cur, std::ios::in);
    return finished_ + std::max<std::int64_t>(0, at);
  }

  void enter(std::streambuf* input) { current_ = input; }

  // `size` < 0: the input's size is where reading it ended.
  void leave(std::int64_t size) {
    if (size < 0) {
      size = current_ ? std::max<std::int64_t>(
                            0, std::streamoff(current_->pubseekoff(0, std::ios::cur, std::ios::in)))
                      : 0;
    }
    current_ = nullptr;
    finished_ += size;
  }

 private:
  std::int64_t finished_ = 0;
  std::streambuf* current_ = nullptr;
};

// Counts an input in an InputPosition while it is read.
class PositionScope {
 public:
  PositionScope(InputPosition* position, std::istream& in, std::int64_t size)
      : position_(position), size_(size) {
    if (position_) position_->enter(in.rdbuf());
  }
  ~PositionScope() {
    if (position_) position_->leave(size_);
  }
  PositionScope(const PositionScope&) = delete;
  PositionScope& operator=(const PositionScope&) = delete;

 private:
  InputPosition* position_;
  std::int64_t size_;
};

// Where the documents of the inputs go: pre-extracted records straight to
// the store, articles through the extractor, unreadable ones to problems.
struct InputSink {
  std::function<void(DocumentRecord&&, std::string_view input)> record;
  std::function<void(Document&&, std::string_view input)> document;
  std::function<void(const std::string& where, const std::string& message)> failed;
  InputPosition* position = nullptr;  // optional: counts the bytes read
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
          [&](DocumentRecord&& record) { sink.record(std::move(record), name); }, report.problems);
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
          [&](DocumentRecord&& record) { sink.record(std::move(record), name); }, report.problems);
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

// The size of a regular file, else -1 (a pipe, or unknown).
std::int64_t file_bytes(const std::string& path, const fs::file_status& status) {
  if (!fs::is_regular_file(status)) return -1;
  std::error_code error;
  const auto size = fs::file_size(path, error);
  return error ? -1 : static_cast<std::int64_t>(size);
}

// The bytes of every input file, walked the way read_path walks them; 0
// when standard input is one of them.
std::int64_t total_input_bytes(const std::vector<std::string>& paths) {
  std::int64_t total = 0;
  for (const auto& path : paths) {
    if (path == "-") return 0;
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error) continue;
    if (!fs::is_directory(status)) {
      total += std::max<std::int64_t>(0, file_bytes(path, status));
      continue;
    }
    fs::recursive_directory_iterator entry(path, fs::directory_options::skip_permission_denied,
                                           error);
    for (; !error && entry != fs::recursive_directory_iterator(); entry.increment(error)) {
      std::error_code ignored;
      if (entry->is_regular_file(ignored) && !entry->path().filename().string().starts_with(".")) {
        const auto size = entry->file_size(ignored);
        if (!ignored) total += static_cast<std::int64_t>(size);
      }
    }
  }
  return total;
}

void read_path(const std::string& path, const IngestOptions& options, const InputSink& sink,
               IngestReport& report) {
  try {
    if (path == "-" && options.format == InputFormat::Gdelt && std::cin.peek() != 'P') {
      // A GDELT export needs no detection: stream it, whatever its size.
      const PositionScope scope(sink.position, std::cin, -1);
      read_stream(std::cin, "<stdin>", options, sink, report);
      return;
    }
    if (path == "-") {
      // stdin cannot be rewound after detection, so it is read whole.
      std::stringstream buffer;
      buffer << std::cin.rdbuf();
      const PositionScope scope(sink.position, buffer,
                                static_cast<std::int64_t>(buffer.view().size()));
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
      for (const auto& entry :
           fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied)) {
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
    const PositionScope scope(sink.position, in, file_bytes(path, status));
    read_stream(in, path, options, sink, report);
  } catch (const IngestError& error) {
    sink.failed(error.where(), error.message());
  } catch (const fs::filesystem_error& error) {
    sink.failed(path, error.what());
  }
}

// What the readers find, as units: the warnings read since the last
// document go with the next one, problems to `read_report`.
InputSink unit_sink(InputPosition& position, IngestReport& read_report,
                    std::function<void(Unit&&)> add) {
  InputSink sink;
  sink.position = &position;
  auto take = [&read_report, add = std::move(add)](Unit&& unit) {
    unit.warnings = std::move(read_report.warnings);
    read_report.warnings.clear();
    add(std::move(unit));
  };
  sink.record = [take](DocumentRecord&& record, std::string_view input) {
    Unit unit;
    unit.record = std::move(record);
    unit.input = std::string(input);
    take(std::move(unit));
  };
  sink.document = [take](Document&& document, std::string_view input) {
    Unit unit;
    unit.record.document = std::move(document);
    unit.extract = true;
    unit.input = std::string(input);
    take(std::move(unit));
  };
  sink.failed = [&read_report](const std::string& where, const std::string& message) {
    read_report.problems.push_back({where, message});
  };
  return sink;
}

// Extracts an article unit in place; a pre-extracted record stays as it is.
void extract_unit(Unit& unit, const pipeline::ExtractFunction& extract) {
  if (!unit.extract) return;
  auto extraction = extract(std::move(unit.record.document));
  unit.words = count_words(extraction.record.document.text);
  for (auto& warning : extraction.warnings) unit.warnings.push_back(std::move(warning));
  unit.record = std::move(extraction.record);
}

// The reading side's part of the report: reading problems (file:line) come
// before the documents the store rejected; warnings after the last document
// come last (the batches brought the others).
void add_read_report(IngestReport& report, IngestReport& read_report) {
  report.inputs = read_report.inputs;
  report.lines = read_report.lines;
  report.lines_rejected = read_report.lines_rejected;
  report.problems.insert(report.problems.begin(), read_report.problems.begin(),
                         read_report.problems.end());
  for (auto& warning : read_report.warnings) report.warnings.push_back(std::move(warning));
  report.input_bytes = read_report.input_bytes;
}

// One job: reading, extracting and writing take turns on this thread, so
// one job is one core (the threaded pipeline keeps a reader and a writer
// busy besides its workers). The batches come from the same assembler, so
// the store is the same as with any number of jobs, and failures end the
// same way: what came before a failing document is written, then the
// failure propagates; a failing store stops at once.
IngestReport ingest_in_turn(Store& store, const std::vector<std::string>& paths,
                            const IngestOptions& options, const ProgressCallback& progress,
                            const pipeline::ExtractFunction& extract) {
  IngestReport report;
  report.input_bytes_total = total_input_bytes(paths);
  IngestReport read_report;
  InputPosition position;
  // Failures of extraction and of the store leave the readers as
  // PipelineCancelled, which no reader catches: an extractor's IngestError
  // must not become a rejected line here when it stops a threaded run.
  std::exception_ptr failure;
  bool store_failed = false;
  BatchAssembler assembler(options, [&](Batch&& batch) {
    try {
      write_batch(store, batch, report);
    } catch (...) {
      failure = std::current_exception();
      store_failed = true;
      throw PipelineCancelled{};
    }
    if (progress) progress(report);
  });
  const auto sink = unit_sink(position, read_report, [&](Unit&& unit) {
    try {
      extract_unit(unit, extract);
    } catch (...) {
      failure = std::current_exception();
      throw PipelineCancelled{};
    }
    assembler.add(std::move(unit), position.bytes());
  });
  // Writes what is left; a store that fails then propagates its own error.
  auto write_rest = [&] {
    try {
      assembler.flush();
    } catch (const PipelineCancelled&) {
      std::rethrow_exception(failure);
    }
  };
  try {
    for (const auto& path : paths) read_path(path, options, sink, read_report);
  } catch (const PipelineCancelled&) {
    if (!store_failed) write_rest();
    std::rethrow_exception(failure);
  } catch (...) {
    write_rest();  // what was read before the failure still goes in
    throw;
  }
  write_rest();
  read_report.input_bytes = position.bytes();
  add_read_report(report, read_report);
  return report;
}

}  // namespace

std::string_view to_string(InputFormat format) {
  switch (format) {
    case InputFormat::Auto:
      return "auto";
    case InputFormat::Triples:
      return "triples";
    case InputFormat::Text:
      return "text";
    case InputFormat::Html:
      return "html";
    case InputFormat::Jsonl:
      return "jsonl";
    case InputFormat::Gdelt:
      return "gdelt";
  }
  return "auto";
}

InputFormat parse_input_format(std::string_view name) {
  for (auto format : {InputFormat::Auto, InputFormat::Triples, InputFormat::Text, InputFormat::Html,
                      InputFormat::Jsonl, InputFormat::Gdelt}) {
    if (to_string(format) == name) return format;
  }
  throw IngestError("--format", "unknown input format \"" + std::string(name) +
                                    "\" (expected auto, triples, text, html, jsonl or gdelt)");
}

namespace pipeline {

std::size_t worker_count(const IngestOptions& options) {
  if (options.jobs > kMaxIngestJobs) {
    throw IngestError("jobs", std::to_string(options.jobs) +
                                  " extraction threads asked for; at most " +
                                  std::to_string(kMaxIngestJobs));
  }
  if (options.jobs > 0) return options.jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

IngestReport ingest_with(Store& store, const std::vector<std::string>& paths,
                         const IngestOptions& options, const ProgressCallback& progress,
                         const ExtractFunction& extract) {
  // reader ─► workers (any order) ─► collector (input order, batches) ─► writer (this thread)
  //
  // Every chunk keeps its sequence number and the collector takes chunks
  // back in that order, so batches, ids and the order of everything in the
  // store are those of a single-threaded run, whatever the number of workers.
  const auto workers = worker_count(options);
  if (workers == 1) return ingest_in_turn(store, paths, options, progress, extract);
  IngestReport report;
  report.input_bytes_total = total_input_bytes(paths);
  ChunkFlow flow(2 * workers + 2);
  BatchQueue queue(1);
  IngestReport read_report;  // owned by the reader thread until it is joined

  // Stops and joins every thread however this function is left.
  struct Crew {
    ChunkFlow& flow;
    BatchQueue& queue;
    std::vector<std::thread> threads;
    void join() {
      for (auto& thread : threads) {
        if (thread.joinable()) thread.join();
      }
    }
    ~Crew() {
      flow.cancel();
      queue.close();
      join();
    }
  } crew{flow, queue, {}};

  crew.threads.emplace_back([&] {  // the reader
    InputPosition position;
    Chunk chunk;
    const auto close_chunk = [&] {
      if (chunk.units.empty()) return;
      chunk.input_bytes = position.bytes();
      if (!flow.submit(std::move(chunk))) throw PipelineCancelled{};
      chunk = Chunk{};
    };
    const auto add = [&](Unit&& unit) {
      if (unit.extract) {
        chunk.extract = true;
        chunk.text_bytes += unit.record.document.text.size();
      } else {
        chunk.events += unit.record.events.size();
      }
      chunk.units.push_back(std::move(unit));
      if (chunk.units.size() >= kChunkUnits || chunk.text_bytes >= kChunkTextBytes ||
          chunk.events >= kChunkEvents) {
        close_chunk();
      }
    };
    try {
      const auto sink = unit_sink(position, read_report, add);
      for (const auto& path : paths) read_path(path, options, sink, read_report);
      close_chunk();
    } catch (const PipelineCancelled&) {
    } catch (...) {
      // What was read before the failure still goes in, then the failure.
      const auto failure = std::current_exception();
      try {
        close_chunk();
        Chunk failed;
        failed.failure = failure;
        flow.submit(std::move(failed));
      } catch (...) {
        flow.cancel(failure);
      }
    }
    read_report.input_bytes = position.bytes();
    flow.finish();
  });

  for (std::size_t i = 0; i < workers; ++i) {
    crew.threads.emplace_back([&] {  // an extraction worker
      try {
        while (auto work = flow.take_work()) {
          auto& [sequence, chunk] = *work;
          try {
            for (; chunk.done < chunk.units.size(); ++chunk.done) {
              extract_unit(chunk.units[chunk.done], extract);
            }
          } catch (...) {
            chunk.failure = std::current_exception();
          }
          flow.complete(sequence, std::move(chunk));
        }
      } catch (...) {
        flow.cancel(std::current_exception());
      }
    });
  }

  crew.threads.emplace_back([&] {  // the collector
    try {
      BatchAssembler assembler(options, [&](Batch&& batch) {
        if (!queue.push(std::move(batch))) throw PipelineCancelled{};
      });
      std::exception_ptr failure;
      while (auto chunk = flow.next_in_order()) {
        for (std::size_t i = 0; i < chunk->done; ++i) {
          assembler.add(std::move(chunk->units[i]), chunk->input_bytes);
        }
        if (chunk->failure) {
          failure = chunk->failure;
          break;
        }
      }
      if (failure) {
        // The documents before the failing one are written first.
        assembler.flush();
        flow.cancel(failure);
      } else if (!flow.cancelled()) {
        assembler.flush();
      }
    } catch (const PipelineCancelled&) {
    } catch (...) {
      flow.cancel(std::current_exception());
    }
    queue.close();
  });

  try {
    while (auto batch = queue.pop()) {
      write_batch(store, *batch, report);
      if (progress) progress(report);
    }
  } catch (...) {
    // The store failed: stop the other threads at once, without writing more.
    flow.cancel();
    queue.close();
    crew.join();
    throw;
  }
  crew.join();
  if (const auto failure = flow.failure()) std::rethrow_exception(failure);

  add_read_report(report, read_report);
  return report;
}

}  // namespace pipeline

IngestReport ingest(Store& store, const std::vector<std::string>& paths,
                    const IngestOptions& options, const ProgressCallback& progress) {
  pipeline::worker_count(options);  // a bad count fails before any thread starts
  const Extractor extractor(options.dictionary ? *options.dictionary : Dictionary::builtin(),
                            Ontology::builtin(),
                            options.lexicon ? *options.lexicon : EventLexicon::builtin());
  return pipeline::ingest_with(store, paths, options, progress, [&](Document&& document) {
    return extractor.extract(std::move(document), options.default_date);
  });
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

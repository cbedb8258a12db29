// geokg ingest: turns input files into DocumentRecords and writes them to a
// Store. The only header other stages include from ingest/.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core.hpp"

namespace geokg {

// An input could not be read at all (missing file, unsupported format).
// Problems inside a readable input are reported as InputProblems instead.
// what() is "where: message".
class IngestError : public Error {
 public:
  IngestError(std::string where, std::string message)
      : Error(where + ": " + message), where_(std::move(where)), message_(std::move(message)) {}
  const std::string& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  std::string where_;
  std::string message_;
};

enum class InputFormat {
  Auto,     // detect from the name and the first bytes (contracts/ingest-input.md)
  Triples,  // JSON Lines of pre-extracted events
  Text,
  Html,
  Jsonl,  // JSON Lines of documents
  Gdelt,
};

std::string_view to_string(InputFormat format);
InputFormat parse_input_format(std::string_view name);  // throws IngestError

// One rejected line or document. `where` is "file:line" or "file".
struct InputProblem {
  std::string where;
  std::string message;
};

struct IngestOptions {
  InputFormat format = InputFormat::Auto;
  // Publication date for documents that carry none of their own.
  std::optional<EventDate> default_date;
  // Documents written per transaction. Each document still commits or fails
  // on its own; larger batches only make commits rarer.
  std::size_t batch_documents = 4096;
};

struct IngestReport {
  std::int64_t inputs = 0;  // files read (stdin counts as one)
  std::int64_t lines = 0;   // records read
  std::int64_t lines_rejected = 0;
  std::int64_t documents_added = 0;
  std::int64_t documents_extended = 0;
  std::int64_t documents_unchanged = 0;
  std::int64_t documents_duplicate = 0;
  std::int64_t documents_rejected = 0;
  std::int64_t events_added = 0;
  std::int64_t actors_added = 0;
  std::int64_t events_updated = 0;  // GDELT events seen again with more mentions
  std::vector<InputProblem> problems;

  // True when nothing was rejected.
  bool clean() const { return problems.empty(); }
};

// Called after every committed batch, for progress display. Only the
// writer's counts (documents, events, actors) are filled in by then; the
// reading counts (inputs, lines, problems) arrive in the final report.
using ProgressCallback = std::function<void(const IngestReport&)>;

struct LineCounts {
  std::int64_t read = 0;      // non-blank lines
  std::int64_t rejected = 0;  // lines reported as problems
};

// Reads pre-extracted events (contracts/extract-json.md event records, one
// JSON object per line, each with a "document" object or a document id) and
// emits one DocumentRecord per run of consecutive lines of the same document.
// Document fields given on any line of the run are merged (the first value
// wins); events without a date take the document's publication date, flagged
// as inferred. Actor ids are normalised with make_key. Bad lines go to
// `problems` as "name:line"; the rest are emitted. Throws IngestError when the
// input is empty or its first record is not JSON.
// Ensures: every emitted event names actors present in its record.
LineCounts read_triples(std::istream& in, std::string_view name, const IngestOptions& options,
                        const Ontology& ontology,
                        const std::function<void(DocumentRecord&&)>& emit,
                        std::vector<InputProblem>& problems);

// Reads a GDELT event export (docs/gdelt.md): GDELT 2.0 (61 tab-separated
// columns) or 1.0 (57, or 58 with SOURCEURL), plain or zipped (each entry
// read as a file). The file's layout is that of its first row. Rows of one
// SOURCEURL that are near each other (a whole GDELT 2.0 file) form one
// DocumentRecord; every event carries its GdeltFields. Bad rows go to
// `problems` as "name:line" and the rest are emitted. Memory does not grow
// with the input. Throws IngestError when a zip archive cannot be read.
LineCounts read_gdelt(std::istream& in, const std::string& name, const Ontology& ontology,
                      const std::function<void(DocumentRecord&&)>& emit,
                      std::vector<InputProblem>& problems);

// Ingests files, directories (recursively, in name order) and "-" (stdin)
// into `store`. Reading runs on a second thread while this one writes; the
// result is the same as reading and writing in turn. Never throws for bad
// input: every problem lands in the report (reading problems first, then
// documents the store rejected) and the good parts of the batch still go in.
// Throws StoreError when the store itself fails.
IngestReport ingest(Store& store, const std::vector<std::string>& paths,
                    const IngestOptions& options, const ProgressCallback& progress = {});

}  // namespace geokg

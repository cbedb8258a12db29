// geokg ingest: turns input files into DocumentRecords and writes them to a
// Store. The only header other stages include from ingest/.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <memory>
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
  // Dictionary for article extraction; nullptr means Dictionary::builtin().
  const Dictionary* dictionary = nullptr;
  // Event lexicon for article extraction; nullptr means EventLexicon::builtin().
  const EventLexicon* lexicon = nullptr;
  // Threads that extract articles; 0 means std::thread::hardware_concurrency().
  // With 1, reading, extraction and writing take turns on the calling
  // thread. The store is the same whatever the number (same ids, same order).
  std::size_t jobs = 0;
  // Whether articles' actor mentions (names, titles, resolved pronouns, with
  // their spans) are stored. They are four or five per event and a quarter
  // of an article store without its text; events, actors and their
  // provenance are stored either way.
  bool store_mentions = true;
};

// The most extraction threads ingest() accepts in IngestOptions::jobs.
inline constexpr std::size_t kMaxIngestJobs = 256;

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
  std::int64_t mentions_added = 0;
  std::int64_t events_updated = 0;  // GDELT events seen again with more mentions
  std::int64_t words = 0;           // white-space separated words of the articles extracted
  // Bytes of input read (as of the last document written, during progress);
  // standard input counts what was read of it.
  std::int64_t input_bytes = 0;
  // Bytes of all the input files, counted before reading; 0 when unknown
  // (standard input is one of the inputs).
  std::int64_t input_bytes_total = 0;
  std::vector<InputProblem> problems;
  std::vector<std::string> warnings;  // non-fatal: repaired bytes, documents without a date

  // True when nothing was rejected.
  bool clean() const { return problems.empty(); }
};

// Called after every committed batch, on the calling thread, for progress
// display. Only the writer's counts (documents, events, actors, mentions),
// `words`, `input_bytes` and `input_bytes_total` are filled in by then; the
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
                        const Ontology& ontology, const std::function<void(DocumentRecord&&)>& emit,
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

// ---------------------------------------------------------------------------
// Extraction: text -> document, actors, mentions and events

// Web noise removed before extraction. Spans are code points into the
// document's stored text.
struct SkippedText {
  Span span;
  std::string reason;
};

// Everything the pipeline found in one document.
struct Extraction {
  DocumentRecord record;              // normalised text, actors, mentions, events
  std::vector<SkippedText> skipped;   // in text order
  std::vector<std::string> warnings;  // "key: message": repaired bytes, missing date...
  // Why each of record.events was coded (lexicon entry, roles, modality
  // cues, date), in the same order; for --explain.
  std::vector<std::string> event_rules;
};

// Turns documents into DocumentRecords: normalises the text, removes web
// noise, splits sentences and tokens, recognises actors from the dictionary,
// composes actors from titles, resolves in-document coreference, and codes
// events with the event lexicon (roles, modality, dates, places).
// Immutable after construction and safe to share between threads.
class Extractor {
 public:
  // Requires: `dictionary`, `ontology` and `lexicon` outlive the extractor.
  Extractor(const Dictionary& dictionary, const Ontology& ontology,
            const EventLexicon& lexicon = EventLexicon::builtin());
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Extracts one document. `document.published` (or `default_date` when it
  // has none) anchors persons' dated roles. Never throws for content.
  // Ensures: every mention's and event's actor is in record.actors; spans
  // are code points into record.document.text.
  Extraction extract(Document document,
                     const std::optional<EventDate>& default_date = std::nullopt) const;

  // A version tag for Event::extractor and for stores: "geokg-extract/N".
  static std::string_view version();

 private:
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

// One input document through the extractor, for `geokg extract`: either an
// extraction, or the error that kept the document from being read, or a
// reader warning about the input (then only `input` and `warning` are set).
struct ExtractedDocument {
  std::string input;  // the file (or "file:line") it came from
  std::string key;    // document key, or the input when unreadable
  std::optional<Extraction> extraction;
  std::string error;
  std::string warning;
};

// Reads articles the way ingest() does (files, directories, "-"; text,
// HTML, JSON Lines of documents) and calls `visit` for every document in
// input order, readable or not. Stores nothing. Never throws for bad input.
void extract_inputs(const std::vector<std::string>& paths, const IngestOptions& options,
                    const Extractor& extractor,
                    const std::function<void(ExtractedDocument&&)>& visit);

// One line of `geokg extract` output (contracts/extract-json.md), without
// the newline. Invalid UTF-8 never reaches it (the text is repaired first).
std::string extraction_json_line(const ExtractedDocument& extracted);

// A human-readable account of one document for `geokg extract --explain`:
// what was removed before extraction and why, and the actors found.
std::string explain_extraction(const ExtractedDocument& extracted);

// ---------------------------------------------------------------------------
// Evaluation against a gold set (docs/eval.md)

struct Score {
  std::int64_t true_positives = 0;
  std::int64_t false_positives = 0;
  std::int64_t false_negatives = 0;
  double precision() const;  // 0 when nothing was predicted
  double recall() const;     // 0 when the gold set is empty
  double f1() const;
  Score& operator+=(const Score& other);
};

struct EvalReport {
  std::int64_t passages = 0;
  std::int64_t gold_events = 0;
  Score actors;                                 // name and CAMEO code both right
  Score actors_by_name;                         // name right, whatever the code
  std::map<std::string, Score> actors_by_type;  // strict, by gold type (no false positives)
  Score events_root;                            // CAMEO root with source and target country
  Score events_code;                            // full event code with full source and target codes
  // events_root broken down by CAMEO root ("01".."20"): true positives and
  // false negatives under the gold event's root, false positives under the
  // predicted event's root. The rows add up to events_root.
  std::map<std::string, Score> events_by_root;
  // "file:line (id): missed actor ...", "... missed event 112 PRKGOV->USA",
  // "... spurious event ...", for people to read
  std::vector<std::string> misses;

  // Adds another report's counts and appends its misses (several gold files).
  EvalReport& operator+=(const EvalReport& other);
};

// Runs `extractor` on every passage of a gold file (JSON Lines: id, date,
// title, text, actors, events) and scores it: actors only in passages with an
// "actors" field, events only in passages with an "events" field. Throws
// IngestError("file:line", ...) for a malformed gold line.
EvalReport evaluate(std::istream& gold, std::string_view name, const Extractor& extractor,
                    const Ontology& ontology);

// Ingests files, directories (recursively, in name order) and "-" (stdin)
// into `store`. One thread reads, `options.jobs` threads extract articles,
// one puts the documents back in input order into batches and this thread
// writes them (docs/architecture.md); with one job this thread does all of
// it in turn, and the result is the same whatever the number of jobs. Memory
// depends on the batch size and the number of jobs, not on the corpus. Never
// throws for bad input: every problem lands in the report (reading problems
// first, then documents the store rejected) and the good parts of the batch
// still go in. Throws StoreError when the store itself fails (then other
// threads stop at once), IngestError when `options.jobs` is above
// kMaxIngestJobs; any other exception from a thread stops the pipeline after
// the documents before the failing one are written, and propagates.
IngestReport ingest(Store& store, const std::vector<std::string>& paths,
                    const IngestOptions& options, const ProgressCallback& progress = {});

}  // namespace geokg

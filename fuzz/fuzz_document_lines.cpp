// fuzz_document_lines: arbitrary bytes as a JSON Lines file of documents
// through geokg::readers::read_document_lines (simdjson;
// ingest/src/readers/readers.hpp).
//
// Expected and caught: geokg::IngestError (only for a failing stream, which an
// istringstream never is). Bad lines must become InputProblems. Checked: the
// counts add up, every emitted document has a non-empty key and text, and its
// title and source are valid UTF-8. Anything else is a finding.
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "readers/readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace geokg;
  std::istringstream in(std::string(fuzz::as_text(data, size)));
  std::vector<InputProblem> problems;
  std::vector<std::string> warnings;
  std::int64_t emitted = 0;
  try {
    const auto counts = readers::read_document_lines(
        in, "fuzz.jsonl",
        [&](Document&& document) {
          ++emitted;
          fuzz::check(!document.key.empty(), "document lines: empty key");
          fuzz::check(!document.text.empty(), "document lines: empty text");
          fuzz::check(fuzz::valid_utf8(document.title), "document lines: title not UTF-8", document.title);
          fuzz::check(fuzz::valid_utf8(document.source), "document lines: source not UTF-8", document.source);
        },
        problems, warnings);
    fuzz::check(counts.rejected >= 0 && counts.rejected <= counts.read, "document lines: counts");
    fuzz::check(emitted + counts.rejected <= counts.read, "document lines: more documents than lines");
  } catch (const IngestError&) {
  }
  return 0;
}

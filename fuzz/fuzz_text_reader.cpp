// fuzz_text_reader: arbitrary bytes as a plain-text article file through
// geokg::readers::read_text_document (ingest/src/readers/readers.hpp).
//
// Expected and caught: geokg::IngestError (binary content, empty document,
// header with no text). Checked: the title and source are valid UTF-8 and
// carry no line breaks (they are cleaned metadata values). Anything else is
// a finding.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "readers/readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace geokg;
  std::vector<std::string> warnings;
  try {
    const auto document = readers::read_text_document(fuzz::as_text(data, size), "fuzz.txt", warnings);
    for (const std::string_view value : {std::string_view(document.title), std::string_view(document.source)}) {
      fuzz::check(fuzz::valid_utf8(value), "text reader: metadata is not valid UTF-8", value);
      fuzz::check(value.find_first_of("\r\n") == std::string_view::npos,
                  "text reader: metadata holds a line break", value);
    }
  } catch (const IngestError&) {
  }
  return 0;
}

// fuzz_html_reader: arbitrary bytes as an HTML article file through
// geokg::readers::read_html_document (libxml2's HTML parser, charset
// detection, main-text selection; ingest/src/readers/readers.hpp).
//
// Expected and caught: geokg::IngestError (empty or binary content, no body
// text). Checked: the text, title, source and URL are valid UTF-8 (the reader
// decodes every page to UTF-8 and replaces invalid bytes), the text holds no
// NUL, and a URL is http(s) (scheme in any case). Anything else is a finding.
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "readers/readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace geokg;
  std::vector<std::string> warnings;
  try {
    const auto document = readers::read_html_document(fuzz::as_text(data, size), "fuzz.html", warnings);
    for (const std::string_view value : {std::string_view(document.text), std::string_view(document.title),
                                         std::string_view(document.source), std::string_view(document.url)}) {
      fuzz::check(fuzz::valid_utf8(value), "html reader: output is not valid UTF-8", value);
      fuzz::check(value.find('\0') == std::string_view::npos, "html reader: output holds NUL", value);
    }
    // Schemes are case-insensitive (RFC 3986): "HTTPS://" is kept as written.
    std::string scheme = document.url.substr(0, 8);
    for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    fuzz::check(document.url.empty() || scheme.starts_with("http://") || scheme == "https://",
                "html reader: URL is not http(s)", document.url);
  } catch (const IngestError&) {
  }
  return 0;
}

// Escaping of stored text for the export formats; private to export/.
#pragma once

#include <string>
#include <string_view>

namespace geokg::escape {

// Longest value any exporter writes, in bytes: readers refuse huge values
// (libxml2 above 10 MB per text node, Python's csv above 131,072 characters).
inline constexpr std::size_t kMaxValueBytes = 4096;

// Repairs UTF-8 (invalid bytes become U+FFFD) and drops what no export
// format may carry: C0 and C1 control characters, DEL, U+FFFE and U+FFFF.
// Tabs and line breaks become spaces, so one value stays on one line. A
// value longer than kMaxValueBytes is cut at a character boundary and ends
// in "…".
std::string clean_text(std::string_view text);

// clean_text, then & < > " ' as XML entities; safe in elements and
// attribute values.
std::string xml(std::string_view text);

// clean_text, then " and \ escaped for a quoted DOT string. The result goes
// between double quotes.
std::string dot(std::string_view text);

// Append xml(text) or dot(text) to `out`. Plain printable ASCII, which most
// names and labels are, is appended as it is without building a copy.
void append_xml(std::string& out, std::string_view text);
void append_dot(std::string& out, std::string_view text);

// clean_text, then " and \ escaped for a JSON string; other characters stay
// UTF-8. The result goes between double quotes.
void append_json(std::string& out, std::string_view text);

// clean_text as one CSV field (RFC 4180): quoted, with quotes doubled, when
// it holds a comma or a quote, or starts or ends with a space.
void append_csv(std::string& out, std::string_view text);

}  // namespace geokg::escape

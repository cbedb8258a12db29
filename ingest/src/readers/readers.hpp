// Document readers (private to ingest/): plain text, HTML and JSON Lines of
// documents. Each turns input bytes into geokg::Document values with their
// raw text; normalisation and extraction happen later in the pipeline.
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/ingest.hpp"

namespace geokg::readers {

using EmitDocument = std::function<void(Document&&)>;

// A file larger than this is refused with a clear per-document error
// instead of being read into memory.
inline constexpr std::size_t kMaxDocumentBytes = 64 * 1024 * 1024;

// Refuses content that is not text: NUL bytes or mostly non-printable bytes
// in the first 8 KB. Returns "" when it looks like text, else the reason
// ("binary content (NUL byte at offset 12)").
std::string binary_reason(std::string_view head);

// Plain-text article. An optional header block of "Title:", "Date:",
// "Source:", "URL:" lines (any case, any order) at the top, ended by a blank
// line or the first other line; otherwise the first non-empty line is the
// title. The text keeps everything after the header block, title line
// included. Date: accepts YYYY-MM-DD, ISO 8601 timestamps and "September 5,
// 2023"/"5 September 2023"; an unreadable one is a warning, not an error.
// `key` is the document key chosen by the caller (the path). Returns the
// document; `warnings` gets "key: message" lines.
// Throws IngestError(key, reason) for empty or binary content.
Document read_text_document(std::string_view bytes, const std::string& key,
                            std::vector<std::string>& warnings);

// HTML article, parsed with libxml2's HTML parser (HTML_PARSE_RECOVER |
// NONET | NOERROR | NOWARNING, no entity expansion, depth limit; never
// fetches anything). Title from og:title, then <title>, then the first h1.
// Date from article:published_time, og:published_time, <meta name=date>,
// itemprop=datePublished, JSON-LD datePublished, then <time datetime>.
// Source from og:site_name, URL from the canonical link or og:url. Text:
// the paragraphs (p, h1-h6, li, blockquote) of <article> or <main> when
// present, else of <body>, one per line, with script, style, noscript, nav,
// header, footer, aside, form, figure captions dropped.
// Throws IngestError(key, reason) for empty or binary content, or an HTML
// document with no body text.
Document read_html_document(std::string_view bytes, const std::string& key,
                            std::vector<std::string>& warnings);

// JSON Lines of documents: {"id", "title", "text"|"body", "date"|"published",
// "url", "source"}; only text/body is required. A line without an id gets the
// key "name:line". Each bad line (not JSON, no text, wrong field type, bad
// date) is reported as "name:line" in `problems` and skipped.
// Returns the number of non-blank lines read and rejected.
LineCounts read_document_lines(std::istream& in, std::string_view name,
                               const EmitDocument& emit,
                               std::vector<InputProblem>& problems,
                               std::vector<std::string>& warnings);

// Parses the publication dates found in metadata: "2023-09-05",
// "2023-09-05T14:03:00Z", "2023-09-05 14:03", "September 5, 2023",
// "Sept. 5, 2023", "5 September 2023", "Tue, 05 Sep 2023 14:03:00 GMT".
// Returns nullopt when it cannot.
std::optional<EventDate> parse_publication_date(std::string_view text);

}  // namespace geokg::readers

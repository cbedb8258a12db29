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
// instead of being read into memory (by the caller, which knows the file's
// size; the readers themselves take any size). A JSON Lines line may be
// twice as long; a longer one is skipped as a problem.
inline constexpr std::size_t kMaxDocumentBytes = 64 * 1024 * 1024;

// Refuses content that is not text: a NUL byte, or more than 30% control
// bytes other than tab, line ends and form feed, in the first 8 KB. Returns
// "" when it looks like text, else the reason ("binary content (NUL byte at
// offset 12)", "binary content (45% control bytes in the first 8192
// bytes)").
std::string binary_reason(std::string_view head);

// Plain-text article. An optional header block of "Title:", "Date:",
// "Source:", "URL:" lines (any case, any order) at the top, ended by a blank
// line or the first other line; otherwise the first non-empty line is the
// title. The text keeps every byte after the header block (and the blank
// lines ending it), title line included: invalid UTF-8 and line ends are
// left to the pipeline's normaliser. Date: takes what parse_publication_date
// reads; an unreadable one is a warning, not an error. Metadata values are
// cleaned (valid UTF-8, single spaces); a title or source over 1,000 bytes
// is cut, with a warning, so a 100 MB one-line text has a short title. A
// UTF-16 file with a byte-order mark is decoded to UTF-8 first.
// `key` is the document key chosen by the caller (the path). Returns the
// document; `warnings` gets "key: message" lines.
// Throws IngestError(key, reason) for binary content, for an empty or
// white-space-only text ("empty document") and for a header block with no
// text after it.
Document read_text_document(std::string_view bytes, const std::string& key,
                            std::vector<std::string>& warnings);

// HTML article, parsed with libxml2's HTML parser (HTML_PARSE_RECOVER |
// NONET | NOERROR | NOWARNING | NOBLANKS, no entity expansion, libxml2's
// depth limit of 256; never fetches anything). The page is decoded to UTF-8
// first: a byte-order mark (UTF-8, UTF-16), else the charset of <meta> or
// the XML declaration (Latin-1 read as windows-1252), else UTF-8; undeclared
// bytes that hold no UTF-8 at all are read as windows-1252, and a page that
// declares a legacy charset but is valid non-ASCII UTF-8 as UTF-8, each with
// a warning; invalid UTF-8 becomes U+FFFD with a warning; NUL bytes are
// removed with a warning. A doctype's internal subset is dropped unread.
// Title from og:title, then <title>, then the first h1, without a " | Site"
// or " - Site" part that names og:site_name. Date from the first readable
// of article:published_time, og:article:published_time, <meta name=date>
// (pubdate, publishdate, dc.date, dcterms.date ...), itemprop=datePublished,
// JSON-LD datePublished (an Article's first), then <time datetime>; when
// none is readable, a warning. Source from og:site_name, URL from the
// canonical link (resolved against og:url) or og:url, http(s) only.
// Text: the title line, a blank line, then the paragraphs separated by
// blank lines. Paragraphs come from the largest [itemprop=articleBody],
// else the largest <article> or <main> holding a fifth of the body's text,
// else <body>. Block elements (p, h1-h6, li, blockquote, pre, td, div ...)
// end a paragraph, as does <br>; inline text joins with white space folded
// to single spaces (<pre> keeps its line breaks); the headline repeated
// among the first paragraphs is dropped. Never text: script, style,
// noscript, template, nav, header, footer, aside, form, button, svg,
// iframe, figure, media and form controls, hidden elements, navigation
// roles, and elements whose class or id names furniture ("related",
// "newsletter", "share", "social", "promo", "advert", "cookie",
// "subscribe", "comments", "sidebar", "paywall" ...; never html, body or
// main). When that filter leaves nothing, the text is read without it.
// Throws IngestError(key, reason) for empty or binary content, or an HTML
// document with no body text ("no body text").
Document read_html_document(std::string_view bytes, const std::string& key,
                            std::vector<std::string>& warnings);

// JSON Lines of documents: {"id", "title", "text"|"body", "date"|"published",
// "url", "source"}; only text/body is required. A line without an id gets the
// key "name:line"; an integer id is written in decimal. Dates take what
// parse_publication_date reads. Invalid UTF-8 is replaced by U+FFFD before
// parsing, with a warning "name:line: invalid UTF-8 at byte N replaced".
// Each bad line (not JSON, not an object, no text or an empty one, a field
// of the wrong type, an unreadable date, an id over 1,000 bytes, a line over
// 2 * kMaxDocumentBytes) is reported as "name:line" in `problems` and
// skipped. Titles and sources are cleaned and cut as the text reader's.
// Returns the number of non-blank lines read and rejected.
// Throws IngestError(name, "read error") when the stream fails.
LineCounts read_document_lines(std::istream& in, std::string_view name,
                               const EmitDocument& emit,
                               std::vector<InputProblem>& problems,
                               std::vector<std::string>& warnings);

// Parses the publication dates found in metadata: "2023-09-05",
// "2023-09-05T14:03:00Z", "2023-09-05T14:03:00+03:00" (the date as written,
// never shifted by the zone), "2023-09-05 14:03", "2023/09/05", "20230905",
// "2023-09" and "2023" (month and year precision), "September 5, 2023",
// "Sept. 5, 2023", "5 September 2023", "5th of September 2023",
// "Tue, 05 Sep 2023 14:03:00 GMT", "September 2023"; English month names
// full or abbreviated, any case, an optional weekday before and time after.
// The calendar is checked (2023-02-29 fails). Returns nullopt when it
// cannot, and for numeric day-month dates ("05/09/2023"), whose order is
// ambiguous.
std::optional<EventDate> parse_publication_date(std::string_view text);

}  // namespace geokg::readers

// Plain-text articles, the binary-content check, and the byte-level text
// handling every reader shares (encoding.hpp).
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "readers/encoding.hpp"
#include "readers/readers.hpp"

namespace geokg::readers {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

unsigned char byte_at(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]);
}

// Length of the valid UTF-8 sequence starting at bytes[i], 0 when there is
// none.
std::size_t sequence_length(std::string_view bytes, std::size_t i) {
  const unsigned char lead = byte_at(bytes, i);
  if (lead < 0x80) return 1;
  const auto continuation = [&](std::size_t k) {
    return i + k < bytes.size() && (byte_at(bytes, i + k) & 0xC0) == 0x80;
  };
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return 0;
    const unsigned char second = byte_at(bytes, i + 1);
    if (lead == 0xE0 && second < 0xA0) return 0;  // overlong
    if (lead == 0xED && second > 0x9F) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    const unsigned char second = byte_at(bytes, i + 1);
    if (lead == 0xF0 && second < 0x90) return 0;  // overlong
    if (lead == 0xF4 && second > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// Skips whole 8-byte blocks of ASCII: most text is ASCII, and a 100 MB
// document should cost one fast pass.
std::size_t skip_ascii(std::string_view bytes, std::size_t i) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  while (i + 8 <= bytes.size()) {
    std::uint64_t block = 0;
    std::memcpy(&block, bytes.data() + i, 8);
    if (block & kHighBits) break;
    i += 8;
  }
  return i;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

// One line of `bytes` starting at `begin`: its content (without "\n" or
// "\r\n") and where the next line starts.
struct Line {
  std::string_view content;
  std::size_t next = 0;
};

Line line_at(std::string_view bytes, std::size_t begin) {
  const auto end = bytes.find('\n', begin);
  if (end == std::string_view::npos) return {bytes.substr(begin), bytes.size()};
  auto content = bytes.substr(begin, end - begin);
  if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
  return {content, end + 1};
}

enum class HeaderKey { Title, Date, Source, Url };

struct HeaderLine {
  HeaderKey key;
  std::string_view value;
};

// "Title: ...", "date:...", " URL : ..." and so on; nullopt for other lines.
std::optional<HeaderLine> header_line(std::string_view line) {
  static const std::pair<std::string_view, HeaderKey> kKeys[] = {
      {"title", HeaderKey::Title},
      {"date", HeaderKey::Date},
      {"source", HeaderKey::Source},
      {"url", HeaderKey::Url},
  };
  line = trim(line);
  // The longest key has 6 letters; a few spaces may sit before the colon.
  const auto colon = line.substr(0, 16).find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto key = ascii_lower(trim(line.substr(0, colon)));
  for (const auto& [name, value] : kKeys) {
    if (key == name) return HeaderLine{value, trim(line.substr(colon + 1))};
  }
  return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------
// encoding.hpp

std::size_t find_invalid_utf8(std::string_view bytes, std::size_t from) {
  std::size_t i = from;
  while (i < bytes.size()) {
    i = skip_ascii(bytes, i);
    if (i >= bytes.size()) break;
    const auto length = sequence_length(bytes, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::string repair_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + 16);
  std::size_t done = 0;
  for (auto bad = find_invalid_utf8(bytes); bad != std::string_view::npos;
       bad = find_invalid_utf8(bytes, bad + 1)) {
    out.append(bytes.substr(done, bad - done));
    out.append(kReplacement);
    done = bad + 1;
  }
  out.append(bytes.substr(done));
  return out;
}

bool has_multibyte_utf8(std::string_view bytes) {
  for (std::size_t i = skip_ascii(bytes, 0); i < bytes.size(); i = skip_ascii(bytes, i)) {
    if (sequence_length(bytes, i) > 1) return true;
    ++i;
  }
  return false;
}

std::optional<DecodedText> decode_utf16(std::string_view bytes) {
  if (bytes.size() < 2) return std::nullopt;
  bool little_endian = false;
  if (byte_at(bytes, 0) == 0xFF && byte_at(bytes, 1) == 0xFE) {
    little_endian = true;
  } else if (!(byte_at(bytes, 0) == 0xFE && byte_at(bytes, 1) == 0xFF)) {
    return std::nullopt;
  }
  DecodedText decoded;
  decoded.encoding = little_endian ? "UTF-16LE" : "UTF-16BE";
  decoded.utf8.reserve(bytes.size());
  const auto unit_at = [&](std::size_t i) -> std::uint32_t {
    const std::uint32_t first = byte_at(bytes, i);
    const std::uint32_t second = byte_at(bytes, i + 1);
    return little_endian ? (second << 8 | first) : (first << 8 | second);
  };
  std::size_t i = 2;
  for (; i + 1 < bytes.size(); i += 2) {
    const auto unit = unit_at(i);
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < bytes.size()) {
      const auto low = unit_at(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(decoded.utf8, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) {
      decoded.utf8.append(kReplacement);
    } else {
      append_utf8(decoded.utf8, unit);
    }
  }
  if (i < bytes.size()) decoded.utf8.append(kReplacement);
  return decoded;
}

bool is_blank(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  return std::all_of(bytes.begin(), bytes.end(), is_ascii_space);
}

std::string clean_field(std::string_view raw, std::size_t max_bytes, bool* cut) {
  std::string out;
  bool space = false;
  bool truncated = false;
  std::size_t i = 0;
  while (i < raw.size()) {
    const unsigned char c = byte_at(raw, i);
    const auto length = sequence_length(raw, i);
    const bool no_break_space = length == 2 && c == 0xC2 && byte_at(raw, i + 1) == 0xA0;
    if ((length == 1 && (c < 0x20 || c == 0x7F)) || no_break_space) {
      space = true;
      i += length;
      continue;
    }
    if (c == ' ') {
      space = true;
      ++i;
      continue;
    }
    const std::string_view piece = length == 0 ? kReplacement : raw.substr(i, length);
    const std::size_t needed = piece.size() + (space && !out.empty() ? 1 : 0);
    if (out.size() + needed > max_bytes) {
      truncated = true;
      break;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out.append(piece);
    i += length == 0 ? 1 : length;
  }
  if (cut) *cut = truncated;
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// ---------------------------------------------------------------------------
// readers.hpp

std::string binary_reason(std::string_view head) {
  head = head.substr(0, std::min(head.size(), kBinaryProbeBytes));
  if (const auto nul = head.find('\0'); nul != std::string_view::npos) {
    return "binary content (NUL byte at offset " + std::to_string(nul) + ")";
  }
  // Text uses tab, line ends and form feeds; other C0 controls and DEL are
  // rare even in damaged text.
  const auto controls = std::count_if(head.begin(), head.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && !is_ascii_space(c)) || byte == 0x7F;
  });
  if (!head.empty() && static_cast<std::size_t>(controls) * 10 > head.size() * 3) {
    return "binary content (" + std::to_string(controls * 100 / head.size()) +
           "% control bytes in the first " + std::to_string(head.size()) + " bytes)";
  }
  return "";
}

Document read_text_document(std::string_view bytes, const std::string& key,
                            std::vector<std::string>& warnings) {
  std::optional<DecodedText> decoded = decode_utf16(bytes);
  if (decoded) {
    bytes = decoded->utf8;
    warnings.push_back(key + ": decoded from " + std::string(decoded->encoding));
  }
  if (const auto reason = binary_reason(bytes); !reason.empty()) throw IngestError(key, reason);
  if (is_blank(bytes)) throw IngestError(key, "empty document");

  Document document;
  document.key = key;
  document.origin = "text";

  // The header block: blank lines may come before it; it ends at a blank
  // line or at the first line that is not a header line.
  std::size_t position = bytes.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  std::size_t body = 0;
  bool any_header = false;
  std::string_view title;
  std::string_view date;
  std::string_view source;
  std::string_view url;
  while (position < bytes.size()) {
    const auto line = line_at(bytes, position);
    if (trim(line.content).empty()) {
      position = line.next;
      if (any_header) break;
      continue;
    }
    const auto header = header_line(line.content);
    if (!header) break;
    any_header = true;
    const auto fill = [&](std::string_view& field) {
      if (field.empty()) field = header->value;
    };
    switch (header->key) {
      case HeaderKey::Title:
        fill(title);
        break;
      case HeaderKey::Date:
        fill(date);
        break;
      case HeaderKey::Source:
        fill(source);
        break;
      case HeaderKey::Url:
        fill(url);
        break;
    }
    position = line.next;
  }
  if (any_header) {
    // Blank lines between the header block and the text go with the header.
    while (position < bytes.size()) {
      const auto line = line_at(bytes, position);
      if (!trim(line.content).empty()) break;
      position = line.next;
    }
    body = position;
  }
  const auto text = bytes.substr(std::min(body, bytes.size()));
  if (is_blank(text)) throw IngestError(key, "empty document (only a header block)");

  if (title.empty()) {
    // The first non-empty line; the search stops there, so a one-line
    // 100 MB text costs one scan.
    std::size_t start = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
    while (start < text.size()) {
      const auto line = line_at(text, start);
      if (!trim(line.content).empty()) {
        title = line.content;
        break;
      }
      start = line.next;
    }
  }
  bool cut = false;
  document.title = clean_field(title, kMaxTitleBytes, &cut);
  if (cut) {
    warnings.push_back(key + ": the title is " + std::to_string(title.size()) +
                       " bytes long; kept its first " + std::to_string(document.title.size()));
  }
  document.source = clean_field(source, kMaxTitleBytes, &cut);
  if (cut)
    warnings.push_back(key + ": the Source: line was cut to " + std::to_string(kMaxTitleBytes) +
                       " bytes");
  document.url = clean_field(url, kMaxUrlBytes + 1);
  if (document.url.size() > kMaxUrlBytes) {
    warnings.push_back(key + ": the URL: line is longer than " + std::to_string(kMaxUrlBytes) +
                       " bytes; ignored");
    document.url.clear();
  }
  if (!date.empty()) {
    document.published = parse_publication_date(date);
    if (!document.published) {
      warnings.push_back(key + ": unreadable date \"" + clean_field(date, 100) +
                         "\" in the Date: line ignored");
    }
  }
  document.text = std::string(text);
  return document;
}

}  // namespace geokg::readers

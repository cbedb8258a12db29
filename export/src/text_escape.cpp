#include "text_escape.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace geokg::escape {

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(std::min(text.size(), kMaxValueBytes + 4));
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    if (out.size() >= kMaxValueBytes) {
      out.append("\xe2\x80\xa6");  // U+2026, an ellipsis: the value was cut
      break;
    }
    // ASCII fast path: most names are plain ASCII.
    if (*bytes < 0x80) {
      const char c = static_cast<char>(*bytes);
      if (c == '\t' || c == '\n' || c == '\r') {
        out.push_back(' ');
      } else if (*bytes >= 0x20 && *bytes != 0x7F) {
        out.push_back(c);
      }
      ++bytes;
      --remaining;
      continue;
    }
    utf8proc_int32_t cp = 0;
    auto used = utf8proc_iterate(bytes, remaining, &cp);
    if (used <= 0) {
      used = 1;
      cp = 0xFFFD;
    }
    bytes += used;
    remaining -= used;
    if ((cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF) continue;
    utf8proc_uint8_t encoded[4];
    const auto length = utf8proc_encode_char(cp, encoded);
    out.append(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(length));
  }
  return out;
}

namespace {

// True when `text` is printable ASCII with no character `is_special` picks:
// nothing to do. A predicate, not a set to search: this runs per character.
template <typename IsSpecial>
bool plain(std::string_view text, IsSpecial is_special) {
  if (text.size() > kMaxValueBytes) return false;  // clean_text cuts it
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7E || is_special(c)) return false;
  }
  return true;
}

bool xml_special(char c) { return c == '&' || c == '<' || c == '>' || c == '"' || c == '\''; }
bool quote_or_backslash(char c) { return c == '"' || c == '\\'; }
bool nothing_special(char) { return false; }

// A CSV field needs quotes when it holds a comma or a quote, or when spaces
// at its ends would otherwise be lost.
bool csv_needs_quotes(std::string_view text) {
  return text.find_first_of(",\"") != std::string_view::npos ||
         (!text.empty() && (text.front() == ' ' || text.back() == ' '));
}

void append_csv_quoted(std::string& out, std::string_view text) {
  out.push_back('"');
  for (const char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

void append_xml(std::string& out, std::string_view text) {
  if (plain(text, xml_special)) {
    out.append(text);
  } else {
    out.append(xml(text));
  }
}

void append_dot(std::string& out, std::string_view text) {
  if (plain(text, quote_or_backslash)) {
    out.append(text);
  } else {
    out.append(dot(text));
  }
}

void append_json(std::string& out, std::string_view text) {
  if (plain(text, quote_or_backslash)) {
    out.append(text);
    return;
  }
  for (const char c : clean_text(text)) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
}

void append_csv(std::string& out, std::string_view text) {
  if (plain(text, nothing_special)) {  // nothing to clean: quote it if needed
    if (csv_needs_quotes(text)) {
      append_csv_quoted(out, text);
    } else {
      out.append(text);
    }
    return;
  }
  const auto clean = clean_text(text);
  if (csv_needs_quotes(clean)) {
    append_csv_quoted(out, clean);
  } else {
    out.append(clean);
  }
}

std::string xml(std::string_view text) {
  const auto clean = clean_text(text);
  std::string out;
  out.reserve(clean.size() + 8);
  for (const char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string dot(std::string_view text) {
  const auto clean = clean_text(text);
  std::string out;
  out.reserve(clean.size() + 4);
  for (const char c : clean) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace geokg::escape

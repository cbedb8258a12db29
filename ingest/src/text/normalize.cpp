// UTF-8 repair, NFC normalisation, case folding and code-point offsets.
//
// News text is mostly ASCII, which is already valid, NFC and cheap to fold,
// so every function here copies ASCII runs as they are and hands only the
// stretches around non-ASCII characters to utf8proc.
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "text/chars.hpp"
#include "text/text.hpp"

namespace geokg::text {

namespace {

constexpr std::size_t kMaxInvalidWarnings = 10;

// Unicode's Stream-Safe Text Format (UAX #15): at most 30 non-starters in a
// row, then a COMBINING GRAPHEME JOINER. utf8proc orders marks with a sort
// that is quadratic in the length of a run of them.
constexpr int kMaxNonStarters = 30;
constexpr std::string_view kGraphemeJoiner = "\xCD\x8F";  // U+034F

// Bytes copied unchanged: printable ASCII, DEL, tab and newline.
constexpr std::array<bool, 256> make_plain_ascii() {
  std::array<bool, 256> table{};
  for (int c = 0x20; c < 0x80; ++c) table[c] = true;
  table['\t'] = true;
  table['\n'] = true;
  return table;
}
constexpr std::array<bool, 256> kPlainAscii = make_plain_ascii();

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};
using MappedBytes = std::unique_ptr<utf8proc_uint8_t, FreeDeleter>;

// Runs utf8proc_map(_custom) over `bytes`; empty when utf8proc refuses them.
std::string_view map_bytes(std::string_view bytes, utf8proc_option_t options,
                           utf8proc_custom_func custom, MappedBytes& holder) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto length = utf8proc_map_custom(reinterpret_cast<const utf8proc_uint8_t*>(bytes.data()),
                                          static_cast<utf8proc_ssize_t>(bytes.size()), &mapped,
                                          options, custom, nullptr);
  holder.reset(mapped);
  if (length < 0 || mapped == nullptr) return {};
  return {reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length)};
}

// True when a character can change under NFC, or change its neighbours:
// it combines (non-zero class, or second in a canonical pair, Hangul vowel
// and trailing jamo included) or NFC does not map it to itself.
bool may_change_under_nfc(char32_t cp) {
  const auto* property = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  if (property->combining_class != 0) return true;
  if (property->comb_index != UINT16_MAX && property->comb_index >= 0x8000) return true;
  if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2)) return true;
  if (property->decomp_seqindex == UINT16_MAX || property->decomp_type != 0) return false;
  // A canonical decomposition: precomposed letters are stable, singletons
  // and excluded compositions are not.
  utf8proc_uint8_t encoded[4];
  const auto length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), encoded);
  const std::string_view original(reinterpret_cast<const char*>(encoded),
                                  static_cast<std::size_t>(length));
  MappedBytes holder;
  const auto composed =
      map_bytes(original, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE),
                nullptr, holder);
  return composed != original;
}

// One bit per BMP code point: set when may_change_under_nfc. Built once.
using NfcTable = std::array<std::uint64_t, 0x10000 / 64>;

NfcTable build_nfc_table() {
  NfcTable table{};
  for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (may_change_under_nfc(cp)) table[cp / 64] |= std::uint64_t{1} << (cp % 64);
  }
  return table;
}

bool nfc_sensitive(char32_t cp) {
  static const NfcTable table = build_nfc_table();
  if (cp < 0x10000) return (table[cp / 64] >> (cp % 64)) & 1u;
  return may_change_under_nfc(cp);
}

bool non_starter(char32_t cp) {
  return nfc_sensitive(cp) &&
         utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class != 0;
}

// Whether `text` has more than kMaxNonStarters non-starters in a row.
bool has_long_mark_run(std::string_view text) {
  int run = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto d = chars::decode(text, i);
    i += d.length;
    run = d.cp >= 0x80 && non_starter(d.cp) ? run + 1 : 0;
    if (run > kMaxNonStarters) return true;
  }
  return false;
}

// NFC-normalises out[from..] in place.
void compose_tail(std::string& out, std::size_t from) {
  MappedBytes holder;
  const auto composed = map_bytes(
      std::string_view(out).substr(from),
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE), nullptr, holder);
  if (composed.empty()) return;  // cannot happen for repaired text; keep it as is
  out.resize(from);
  out.append(composed);
}

utf8proc_int32_t ascii_quotes_and_dashes(utf8proc_int32_t cp, void* /*data*/) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x2039:
    case 0x203A:
    case 0xFF07:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
    case 0xFF02:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return '-';
    default:
      return cp;
  }
}

// Continuation bytes (10xxxxxx) among the 8 bytes of `word`.
int continuation_bytes(std::uint64_t word) {
  return std::popcount(word & ~(word << 1) & 0x8080808080808080ULL);
}

std::int64_t lead_bytes(const char* data, std::size_t length) {
  std::int64_t leads = static_cast<std::int64_t>(length);
  std::size_t i = 0;
  for (; i + 8 <= length; i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, data + i, 8);
    leads -= continuation_bytes(word);
  }
  for (; i < length; ++i) {
    if ((static_cast<unsigned char>(data[i]) & 0xC0) == 0x80) --leads;
  }
  return leads;
}

}  // namespace

NormalizedText normalize(std::string_view raw) {
  NormalizedText result;
  std::string& out = result.text;
  out.reserve(raw.size() + raw.size() / 32);
  const std::size_t n = raw.size();
  std::size_t i = raw.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;

  std::size_t invalid_runs = 0;
  bool in_invalid_run = false;
  int non_starters = 0;  // in a row, just before the end of `out`
  // The pending stretch of non-ASCII characters (with the ASCII character
  // before it, which a combining mark may join) and whether NFC can change it.
  std::size_t pending_from = std::string::npos;
  bool pending_needs_nfc = false;
  auto flush_pending = [&] {
    if (pending_from == std::string::npos) return;
    if (pending_needs_nfc) compose_tail(out, pending_from);
    pending_from = std::string::npos;
    pending_needs_nfc = false;
  };
  auto open_pending = [&] {
    if (pending_from != std::string::npos) return;
    pending_from = out.size();
    if (!out.empty() && static_cast<unsigned char>(out.back()) < 0x80) --pending_from;
  };

  while (i < n) {
    const auto byte = static_cast<unsigned char>(raw[i]);
    if (byte < 0x80) {
      in_invalid_run = false;
      non_starters = 0;
      std::size_t j = i;
      while (j < n && kPlainAscii[static_cast<unsigned char>(raw[j])]) ++j;
      if (j > i) {
        flush_pending();
        out.append(raw.data() + i, j - i);
        i = j;
      } else if (byte == '\r') {
        flush_pending();
        out.push_back('\n');
        i += (i + 1 < n && raw[i + 1] == '\n') ? 2 : 1;
      } else {
        ++i;  // NUL or another C0 control: dropped
      }
      continue;
    }
    const auto decoded = chars::decode(raw, i);
    open_pending();
    if (decoded.cp == chars::kReplacement && decoded.length == 1) {
      if (!in_invalid_run) {
        ++invalid_runs;
        if (invalid_runs <= kMaxInvalidWarnings) {
          result.warnings.push_back("invalid UTF-8 at byte " + std::to_string(i) + " replaced");
        }
        in_invalid_run = true;
      }
      out.append("\xEF\xBF\xBD");
      non_starters = 0;
      ++i;
      continue;
    }
    in_invalid_run = false;
    if (nfc_sensitive(decoded.cp)) {
      pending_needs_nfc = true;
      if (non_starter(decoded.cp)) {
        if (++non_starters > kMaxNonStarters) {
          out.append(kGraphemeJoiner);
          non_starters = 1;
        }
      } else {
        non_starters = 0;
      }
    } else {
      non_starters = 0;
    }
    out.append(raw.data() + i, decoded.length);
    i += decoded.length;
  }
  flush_pending();
  if (invalid_runs > kMaxInvalidWarnings) {
    result.warnings.push_back(std::to_string(invalid_runs - kMaxInvalidWarnings) +
                              " more runs of invalid UTF-8 replaced");
  }
  return result;
}

namespace chars {

void fold_append(std::string_view utf8, std::string& out) {
  const std::size_t start = out.size();
  bool ascii = true;
  for (const char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    out.resize(start + utf8.size());
    char* dst = out.data() + start;
    for (const char c : utf8) *dst++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    return;
  }
  const auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  MappedBytes holder;
  std::string repaired;
  std::string_view input = utf8;
  // Normalised text is stream-safe already; anything else (fold is public)
  // is made so first, since long runs of marks sort in quadratic time.
  if (has_long_mark_run(input)) {
    repaired = normalize(input).text;
    input = repaired;
  }
  auto folded = map_bytes(input, options, ascii_quotes_and_dashes, holder);
  if (folded.empty() && !input.empty()) {
    // Invalid UTF-8: repair first.
    repaired = normalize(input).text;
    folded = map_bytes(repaired, options, ascii_quotes_and_dashes, holder);
  }
  // An ellipsis character folds to three periods, as typed in ASCII text.
  constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  std::size_t from = 0;
  for (std::size_t at = folded.find(kEllipsis); at != std::string_view::npos;
       at = folded.find(kEllipsis, from)) {
    out.append(folded.substr(from, at - from));
    out.append("...");
    from = at + kEllipsis.size();
  }
  out.append(folded.substr(from));
}

}  // namespace chars

std::string fold(std::string_view utf8) {
  std::string out;
  chars::fold_append(utf8, out);
  return out;
}

CodepointIndex::CodepointIndex(std::string_view text) : text_(text) {
  const std::size_t blocks = text.size() / 64 + 1;
  block_starts_.resize(blocks);
  std::int64_t count = 0;
  for (std::size_t b = 0; b < blocks; ++b) {
    block_starts_[b] = count;
    const std::size_t begin = b * 64;
    if (begin < text.size())
      count += lead_bytes(text.data() + begin, std::min<std::size_t>(64, text.size() - begin));
  }
}

std::int64_t CodepointIndex::at(std::uint32_t byte) const {
  const std::size_t position = std::min<std::size_t>(byte, text_.size());
  const std::size_t block = position / 64;
  std::int64_t index =
      block_starts_[block] + lead_bytes(text_.data() + block * 64, position - block * 64);
  // Inside a character: the lead byte was counted, so step back onto it.
  if (position < text_.size() && (static_cast<unsigned char>(text_[position]) & 0xC0) == 0x80) {
    index = std::max<std::int64_t>(0, index - 1);
  }
  return index;
}

}  // namespace geokg::text

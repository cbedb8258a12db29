// Byte-level text handling shared by the readers (private to readers/):
// UTF-8 checks and repair, UTF-16 decoding, and the cleaning of metadata
// values (titles, sources, URLs). Defined in text_reader.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace geokg::readers {

// Bytes looked at by binary_reason().
inline constexpr std::size_t kBinaryProbeBytes = 8 * 1024;

// Titles and sources longer than this are cut (at a character boundary);
// longer URLs are dropped. Names in geokg's exports are capped alike.
inline constexpr std::size_t kMaxTitleBytes = 1000;
inline constexpr std::size_t kMaxUrlBytes = 2000;

// Offset of the first byte at or after `from` that does not belong to a
// valid UTF-8 sequence (overlong forms, surrogates and code points above
// U+10FFFF are invalid), or npos.
std::size_t find_invalid_utf8(std::string_view bytes, std::size_t from = 0);

// `bytes` with every byte that is not part of a valid UTF-8 sequence
// replaced by U+FFFD, as the pipeline's normaliser does.
std::string repair_utf8(std::string_view bytes);

// True when `bytes` hold a UTF-8 sequence of two or more bytes.
bool has_multibyte_utf8(std::string_view bytes);

// Text that starts with a UTF-16 byte-order mark, decoded to UTF-8 (the mark
// dropped, unpaired surrogates and a lone last byte as U+FFFD), with the
// name of the encoding; nullopt for anything else.
struct DecodedText {
  std::string utf8;
  std::string_view encoding;  // "UTF-16LE" or "UTF-16BE"
};
std::optional<DecodedText> decode_utf16(std::string_view bytes);

// True when `bytes` are empty or only ASCII white space, after an optional
// UTF-8 byte-order mark.
bool is_blank(std::string_view bytes);

// A metadata value as stored: valid UTF-8, white space, control characters
// and no-break spaces folded into single spaces, trimmed, and at most
// `max_bytes` long (cut at a character boundary; `cut` tells). Reads no
// further than it needs, so a 100 MB first line costs only its first bytes.
std::string clean_field(std::string_view raw, std::size_t max_bytes, bool* cut = nullptr);

// ASCII lower case; other bytes unchanged.
std::string ascii_lower(std::string_view text);

}  // namespace geokg::readers

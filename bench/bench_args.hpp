// Argument reading shared by the benchmark generators (bench/ only).
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace geokg::bench {

// A non-negative decimal count, or nullopt when `text` is anything else.
inline std::optional<std::uint64_t> read_count(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace geokg::bench

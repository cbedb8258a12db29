// Line-oriented parsing shared by the dictionary and lexicon readers
// (private to core/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "geokg/core.hpp"

namespace geokg::lines {

inline std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

inline std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

// Calls `visit(line_number, line)` for each line, without its line ending.
template <typename Visit>
void for_each_line(std::string_view text, Visit visit) {
  std::size_t number = 0;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!visit(++number, line)) return;
  }
}

// Runs `parse` for one line and prefixes any ModelError with "name:line: ".
template <typename Parse>
void at_line(std::string_view name, std::size_t line, Parse parse) {
  try {
    parse();
  } catch (const ModelError& error) {
    throw ModelError(std::string(name) + ":" + std::to_string(line) + ": " + error.what());
  }
}

}  // namespace geokg::lines

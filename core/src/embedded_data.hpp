// The CAMEO tables of data/cameo/, embedded at build time (see
// core/CMakeLists.txt) so the binary needs no data files at run time.
#pragma once

#include <span>
#include <string_view>

namespace geokg::embedded {
extern const std::string_view kEventCodes;
extern const std::string_view kCountryCodes;
extern const std::string_view kAgentTypes;
// data/lexicon/events.tsv
extern const std::string_view kEventLexicon;

// One embedded data file: its repository path (for messages) and its text.
struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};
// data/dict/*.tsv in load order.
extern const std::span<const EmbeddedFile> kDictionary;
}  // namespace geokg::embedded

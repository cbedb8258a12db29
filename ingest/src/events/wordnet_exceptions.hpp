// WordNet's morphological exception lists and verb lemmas, embedded at build time from
// Debian's wordnet-base (see ingest/CMakeLists.txt).
#pragma once

#include <string_view>

namespace geokg::events::wordnet {
extern const std::string_view kVerbExceptions;  // verb.exc: "met meet", "sent send"
extern const std::string_view kNounExceptions;  // noun.exc: "men man"
extern const std::string_view kVerbLemmas;      // index.verb's lemmas, one per line
}  // namespace geokg::events::wordnet

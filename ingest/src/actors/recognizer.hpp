// Actor recognition and in-document coreference (private to ingest/).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "actors/phrase_index.hpp"
#include "geokg/core.hpp"
#include "text/text.hpp"

namespace geokg::actors {

// A mention before offsets are converted to code points.
struct TokenMention {
  std::uint32_t actor = 0;  // index into RecognizedActors::actors
  std::uint32_t begin = 0;  // bytes, half-open
  std::uint32_t end = 0;
  std::uint32_t sentence = 0;  // index into Segmentation::sentences
};

// A place named as a location ("in Vladivostok"), not as an actor.
struct PlaceMention {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t sentence = 0;
  std::string name;
  std::string country;  // CAMEO country code, "" when unknown
  // A sea or strait of a CAMEO region ("the Red Sea", MEA): no one's
  // territory, so never the target a place in a slot stands for.
  bool region = false;
  // Any CAMEO region ("the Middle East", a sea): a trip may go there, but
  // its people are no one's civilians.
  bool area = false;
};

struct RecognizedActors {
  std::vector<Actor> actors;           // in order of first mention
  std::vector<TokenMention> mentions;  // in text order
  std::vector<PlaceMention> places;
};

// Finds the actors of one document: dictionary names, actors composed from
// a nationality and a title ("Russian Defense Minister Sergei Shoigu" ->
// RUSMIL), unknown capitalised names with a type guess, and references to
// actors already seen: partial names ("Kim"), titles ("the North Korean
// leader"), plural references ("the two leaders"), capitals used as
// metonyms ("Pyongyang said") and pronouns when only one antecedent fits.
class Recognizer {
 public:
  // Requires: `dictionary`, `index` and `ontology` outlive the recognizer;
  // `index` was built from `dictionary`.
  Recognizer(const Dictionary& dictionary, const PhraseIndex& index, const Ontology& ontology);

  RecognizedActors recognize(std::string_view text, const text::Segmentation& segmentation,
                             const std::optional<EventDate>& date) const;

  // The country actor for a CAMEO country code ("RUS" -> Russia).
  Actor country_actor(std::string_view code) const;

  // The actor of a role nobody is named in: `country` and `agent` codes with
  // the role's words ("RUS", "MIL", "troops" -> Russian troops, RUSMIL),
  // keyed by its name so that the same role is one actor everywhere.
  Actor role_actor(std::string_view country, std::string_view agent, std::string_view role,
                   ActorType type) const;

 private:
  // `actor` with `code` and the country and agent parts it splits into.
  Actor with_code(Actor actor, std::string code) const;

  const Dictionary& dictionary_;
  const PhraseIndex& index_;
  const Ontology& ontology_;
  std::unordered_map<std::string, std::uint32_t> country_entry_;  // code -> Country entry
  std::unordered_map<std::string, std::string> adjective_;        // code -> "Russian"
};

}  // namespace geokg::actors

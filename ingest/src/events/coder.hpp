// The event coder (private to ingest/): turns each sentence's actor mentions
// into dated, coded actor-event-actor triples with the event lexicon.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/recognizer.hpp"
#include "events/morphology.hpp"
#include "geokg/core.hpp"
#include "text/text.hpp"

namespace geokg::events {

// One coded event and why it was coded, for `geokg extract --explain`.
struct CodedEvent {
  Event event;       // participants' actor_key index record.actors
  std::string rule;  // "verb \"accuse $T of\" (data/lexicon/events.tsv:31): ..."
};

// The actor of a country code ("RUS" -> Russia) or, given an agent code and
// the role's words, of that role in the country ("SDN", "CVL", "civilians"
// -> Sudanese civilians, SDNCVL); nullopt for an unknown country.
using CountryActor = std::function<std::optional<Actor>(
    std::string_view country, std::string_view agent, std::string_view role)>;

// Codes events sentence by sentence (docs/extraction.md, "Events"):
//   - a trigger is a lexicon head word (any inflection) whose pattern matches
//     within its clause; the longest match wins;
//   - roles: subject and object or slot for verbs, with passive voice,
//     coordination, reciprocity, relative pronouns; possessor, "by" or the
//     clause subject for nouns;
//   - negation and modality from the words around the trigger, with CAMEO's
//     intent (03x) and threat (13x) codes for intentions;
//   - the nearest date expression, else the publication date (flagged);
//   - the nearest "in/at PLACE" as location.
// Immutable after construction; safe to share between threads.
class EventCoder {
 public:
  // Requires: `lexicon` and `ontology` outlive the coder.
  EventCoder(const EventLexicon& lexicon, const Ontology& ontology);

  // Requires: `recognized` came from `segmentation` of `text`.
  // Ensures: every event's participants are actors of `recognized` (the
  // countries of places that fill a slot are appended when missing); spans and
  // sentence indexes refer to `text` via `codepoints`.
  std::vector<CodedEvent> code(std::string_view text, const text::Segmentation& segmentation,
                               actors::RecognizedActors& recognized,
                               const std::optional<EventDate>& published,
                               const text::CodepointIndex& codepoints,
                               const CountryActor& country_actor) const;

 private:
  friend struct SentenceCoder;
  const EventLexicon& lexicon_;
  const Ontology& ontology_;
  Morphology morphology_;
  // Head word -> entries (indexes into lexicon_.entries()), in file order.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_head_;
  // Every form a head may take ("met", "meets", "meeting", "sanctions") ->
  // its entries: one lookup per token instead of making its lemmas.
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>> by_form_;
};

}  // namespace geokg::events

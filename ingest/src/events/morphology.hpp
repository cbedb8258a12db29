// Inflection of English verbs and nouns back to their lemmas (private to
// ingest/), from WordNet's morphology: its exception lists (verb.exc,
// noun.exc, embedded at build time from Debian's wordnet-base) and its
// suffix detachment rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace geokg::events {

enum class WordClass : std::uint8_t { Verb, Noun };

// Candidate lemmas for inflected word forms. Like WordNet's morphy, the rules
// over-generate ("news" -> "new"); callers keep only candidates they know
// (the lexicon's words), which is what makes the rules safe.
class Morphology {
 public:
  // Parses the embedded WordNet exception lists.
  Morphology();

  // Appends to `out` the possible lemmas of the folded (lower-case) `word`
  // as a verb or a noun, the word itself first. Allocation-free after the
  // first calls when `out` is reused.
  void lemmas(std::string_view word, WordClass word_class, std::vector<std::string>& out) const;

  // True when WordNet knows `word` as the base form of a verb.
  bool is_verb_lemma(std::string_view word) const;

  // True when `word` may be a past participle: "attacked", "sent", "struck".
  bool past_participle(std::string_view word) const;

  // Calls `visit(inflected, lemma)` for every exception of the class.
  template <typename Visit>
  void for_each_exception(WordClass word_class, Visit visit) const {
    for (const auto& [inflected, lemmas] :
         word_class == WordClass::Verb ? verb_exceptions_ : noun_exceptions_) {
      for (const auto& lemma : lemmas) visit(inflected, lemma);
    }
  }

 private:
  std::unordered_map<std::string, std::vector<std::string>> verb_exceptions_;
  std::unordered_map<std::string, std::vector<std::string>> noun_exceptions_;
  std::unordered_set<std::string_view> verb_lemmas_;  // views into the embedded list
};

}  // namespace geokg::events

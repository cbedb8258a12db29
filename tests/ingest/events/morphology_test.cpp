#include "events/morphology.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using geokg::events::Morphology;
using geokg::events::WordClass;

namespace {
bool has_lemma(const Morphology& morphology, std::string_view word, WordClass word_class,
               std::string_view lemma) {
  std::vector<std::string> lemmas;
  morphology.lemmas(word, word_class, lemmas);
  return std::find(lemmas.begin(), lemmas.end(), lemma) != lemmas.end();
}
}  // namespace

TEST_CASE("verb forms map back to their lemmas", "[morphology]") {
  const Morphology morphology;
  // Irregular forms from WordNet's verb.exc.
  CHECK(has_lemma(morphology, "met", WordClass::Verb, "meet"));
  CHECK(has_lemma(morphology, "sent", WordClass::Verb, "send"));
  CHECK(has_lemma(morphology, "went", WordClass::Verb, "go"));
  CHECK(has_lemma(morphology, "fought", WordClass::Verb, "fight"));
  // Regular forms from the detachment rules.
  CHECK(has_lemma(morphology, "accuses", WordClass::Verb, "accuse"));
  CHECK(has_lemma(morphology, "accused", WordClass::Verb, "accuse"));
  CHECK(has_lemma(morphology, "attacking", WordClass::Verb, "attack"));
  CHECK(has_lemma(morphology, "planned", WordClass::Verb, "plan"));
  CHECK(has_lemma(morphology, "shelled", WordClass::Verb, "shell"));
  CHECK(has_lemma(morphology, "carries", WordClass::Verb, "carry"));
  CHECK_FALSE(has_lemma(morphology, "met", WordClass::Verb, "mete"));
}

TEST_CASE("noun plurals map back to the singular", "[morphology]") {
  const Morphology morphology;
  CHECK(has_lemma(morphology, "sanctions", WordClass::Noun, "sanction"));
  CHECK(has_lemma(morphology, "talks", WordClass::Noun, "talk"));
  CHECK(has_lemma(morphology, "countries", WordClass::Noun, "country"));
  CHECK(has_lemma(morphology, "men", WordClass::Noun, "man"));
  CHECK(has_lemma(morphology, "crises", WordClass::Noun, "crisis"));
}

TEST_CASE("past participles are recognised for the passive voice", "[morphology]") {
  const Morphology morphology;
  CHECK(morphology.past_participle("attacked"));
  CHECK(morphology.past_participle("struck"));
  CHECK(morphology.past_participle("sent"));
  CHECK_FALSE(morphology.past_participle("attacks"));
  CHECK_FALSE(morphology.past_participle("meeting"));
}

// WordNet-style lemmatisation: exception lists first, then detachment rules.
#include "events/morphology.hpp"

#include "wordnet_exceptions.hpp"

namespace geokg::events {
namespace {

using Exceptions = std::unordered_map<std::string, std::vector<std::string>>;

// An exception file line is "inflected lemma [lemma...]" with underscores
// for spaces; multiword entries are of no use to single-token lookup.
Exceptions parse_exceptions(std::string_view text) {
  Exceptions parsed;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    auto line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    const auto space = line.find(' ');
    if (space == std::string_view::npos) continue;
    const auto inflected = line.substr(0, space);
    if (inflected.find('_') != std::string_view::npos) continue;
    auto& lemmas = parsed[std::string(inflected)];
    line.remove_prefix(space + 1);
    while (!line.empty()) {
      const auto next = line.find(' ');
      const auto lemma = line.substr(0, next);
      if (!lemma.empty() && lemma.find('_') == std::string_view::npos) {
        lemmas.emplace_back(lemma);
      }
      line.remove_prefix(next == std::string_view::npos ? line.size() : next + 1);
    }
  }
  return parsed;
}

struct Rule {
  std::string_view suffix;
  std::string_view replacement;
};
// WordNet's detachment rules, plus undoubling of a final consonant
// ("planned" -> "plann" -> "plan"), which morphy leaves to its exceptions.
constexpr Rule kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                               {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Rule kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                               {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};

bool is_consonant(char c) {
  return c >= 'a' && c <= 'z' && c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u';
}

void push_unique(std::vector<std::string>& out, std::string_view candidate) {
  if (candidate.empty()) return;
  for (const auto& existing : out) {
    if (existing == candidate) return;
  }
  out.emplace_back(candidate);
}

}  // namespace

Morphology::Morphology()
    : verb_exceptions_(parse_exceptions(wordnet::kVerbExceptions)),
      noun_exceptions_(parse_exceptions(wordnet::kNounExceptions)) {
  for (std::size_t at = 0; at < wordnet::kVerbLemmas.size();) {
    auto end = wordnet::kVerbLemmas.find('\n', at);
    if (end == std::string_view::npos) end = wordnet::kVerbLemmas.size();
    if (end > at) verb_lemmas_.insert(wordnet::kVerbLemmas.substr(at, end - at));
    at = end + 1;
  }
}

bool Morphology::is_verb_lemma(std::string_view word) const {
  return verb_lemmas_.contains(word);
}

void Morphology::lemmas(std::string_view word, WordClass word_class,
                        std::vector<std::string>& out) const {
  push_unique(out, word);
  const auto& exceptions = word_class == WordClass::Verb ? verb_exceptions_ : noun_exceptions_;
  if (const auto found = exceptions.find(std::string(word)); found != exceptions.end()) {
    for (const auto& lemma : found->second) push_unique(out, lemma);
  }
  const auto apply = [&](const auto& rules) {
    for (const auto& rule : rules) {
      if (word.size() <= rule.suffix.size() + 1 || !word.ends_with(rule.suffix)) continue;
      std::string stem(word.substr(0, word.size() - rule.suffix.size()));
      stem += rule.replacement;
      if (rule.replacement.empty() && stem.size() >= 3 &&
          stem[stem.size() - 1] == stem[stem.size() - 2] && is_consonant(stem.back()) &&
          (rule.suffix == "ed" || rule.suffix == "ing")) {
        push_unique(out, std::string_view(stem).substr(0, stem.size() - 1));
      }
      push_unique(out, stem);
    }
  };
  if (word_class == WordClass::Verb) {
    apply(kVerbRules);
  } else {
    apply(kNounRules);
  }
}

bool Morphology::past_participle(std::string_view word) const {
  if (word.size() > 3 && word.ends_with("ed")) return true;
  if (word.size() > 3 && word.ends_with("en")) return true;
  const auto found = verb_exceptions_.find(std::string(word));
  // Irregular forms other than -ing and -s forms: "sent", "struck", "hit".
  return found != verb_exceptions_.end() && !word.ends_with("ing") && !word.ends_with("s");
}

}  // namespace geokg::events

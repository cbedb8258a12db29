#include "actors/phrase_index.hpp"

#include <algorithm>
#include <map>

namespace geokg::actors {
namespace {

bool is_short_all_caps(std::string_view phrase) {
  int letters = 0;
  for (const char c : phrase) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
    if (c == ' ') return false;
  }
  return letters > 0 && letters <= 3;
}

}  // namespace

PhraseIndex::PhraseIndex(const Dictionary& dictionary) {
  // The same phrase may name several entries ("Georgia" the country and a
  // person's surname): they share one Phrase.
  std::map<std::pair<std::vector<std::string>, int>, std::uint32_t> seen;
  const auto& entries = dictionary.entries();
  for (std::uint32_t i = 0; i < entries.size(); ++i) {
    const auto& entry = entries[i];
    for (const auto& surface : entry.phrases) {
      auto tokens = text::fold_phrase(surface);
      // "the Kremlin" is found at "Kremlin": indexing "the", the commonest
      // word, would make every "the" in a text a candidate.
      if (tokens.size() > 1 && tokens.front() == "the") tokens.erase(tokens.begin());
      if (tokens.empty()) continue;
      const bool all_caps = is_short_all_caps(surface);
      // A name the dictionary writes in lower case is written so in text
      // too: "al-Shabab", "von der Leyen" need no capital.
      std::string_view written = surface;
      if (written.starts_with("the ") || written.starts_with("The ")) written.remove_prefix(4);
      const bool lower_case = !written.empty() && written.front() >= 'a' && written.front() <= 'z';
      const int guard = all_caps ? 2 : (entry.kind == EntryKind::Agent || lower_case ? 0 : 1);
      auto [it, inserted] = seen.try_emplace({tokens, guard}, phrases_.size());
      if (inserted) {
        Phrase phrase;
        phrase.tokens = std::move(tokens);
        phrase.needs_capital = guard >= 1;
        phrase.needs_all_caps = guard == 2;
        phrases_.push_back(std::move(phrase));
      }
      auto& ids = phrases_[it->second].entries;
      if (std::find(ids.begin(), ids.end(), i) == ids.end()) ids.push_back(i);
    }
  }
  for (std::uint32_t p = 0; p < phrases_.size(); ++p) {
    const auto& first = phrases_[p].tokens.front();
    by_first_[first].push_back(p);
    const auto hash = first_token_hash(first);
    const auto a = hash & kBloomMask, b = (hash >> 32) & kBloomMask;
    bloom_[a >> 6] |= std::uint64_t{1} << (a & 63);
    bloom_[b >> 6] |= std::uint64_t{1} << (b & 63);
  }
  for (auto& [first, ids] : by_first_) {
    std::stable_sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
      return phrases_[a].tokens.size() > phrases_[b].tokens.size();
    });
  }
}

std::uint64_t PhraseIndex::first_token_hash(std::string_view token) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a
  for (const unsigned char c : token) hash = (hash ^ c) * 1099511628211ull;
  return hash ^ (hash >> 29);
}

PhraseMatch PhraseIndex::longest(std::span<const text::Token> tokens, std::uint32_t at,
                                 std::uint32_t end) const {
  if (!may_start_phrase(first_token_hash(tokens[at].folded))) return {};
  const auto found = by_first_.find(std::string_view(tokens[at].folded));
  if (found == by_first_.end()) return {};
  for (const auto id : found->second) {
    const Phrase& phrase = phrases_[id];
    const auto length = static_cast<std::uint32_t>(phrase.tokens.size());
    if (at + length > end) continue;
    bool equal = true;
    for (std::uint32_t k = 1; k < length && equal; ++k) {
      equal = tokens[at + k].folded == phrase.tokens[k];
    }
    if (!equal) continue;
    const auto flags = tokens[at].flags;
    if (phrase.needs_capital && !(flags & (text::kCapitalized | text::kAllCaps))) continue;
    if (phrase.needs_all_caps) {
      bool caps = true;
      for (std::uint32_t k = 0; k < length && caps; ++k) {
        caps = (tokens[at + k].flags & text::kAllCaps) != 0;
      }
      if (!caps) continue;
    }
    return {length, phrase.entries};
  }
  return {};
}

}  // namespace geokg::actors

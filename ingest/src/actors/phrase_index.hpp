// Dictionary phrases compiled for matching against token streams (private
// to ingest/).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geokg/core.hpp"
#include "text/text.hpp"

namespace geokg::actors {

// A dictionary phrase matched at some token position.
struct PhraseMatch {
  std::uint32_t length = 0;                  // tokens covered; 0 = no match
  std::span<const std::uint32_t> entries;    // indexes into Dictionary::entries()
};

// Every phrase of a dictionary, keyed by its folded tokens. Matching is
// case-insensitive, with two guards against common words: names (every kind
// but agent words) must start with a capitalised token in the text, and
// short all-capital aliases ("US", "UN") match only all-capital tokens, so
// "us" and "un" never become the United States or the United Nations.
class PhraseIndex {
 public:
  explicit PhraseIndex(const Dictionary& dictionary);

  // The longest phrase that starts at tokens[at] and ends before `end`.
  PhraseMatch longest(std::span<const text::Token> tokens, std::uint32_t at,
                      std::uint32_t end) const;

  std::size_t phrase_count() const { return phrases_.size(); }

 private:
  struct Phrase {
    std::vector<std::string> tokens;
    std::vector<std::uint32_t> entries;
    bool needs_capital = false;   // first text token must be capitalised
    bool needs_all_caps = false;  // every text token must be all capitals
  };
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  // Most tokens start no phrase: a Bloom filter over first tokens answers
  // that from cache before the hash table is probed.
  static std::uint64_t first_token_hash(std::string_view token);
  bool may_start_phrase(std::uint64_t hash) const {
    const auto a = hash & kBloomMask, b = (hash >> 32) & kBloomMask;
    return ((bloom_[a >> 6] >> (a & 63)) & 1) && ((bloom_[b >> 6] >> (b & 63)) & 1);
  }
  static constexpr std::uint64_t kBloomBits = 1 << 17;
  static constexpr std::uint64_t kBloomMask = kBloomBits - 1;
  std::vector<std::uint64_t> bloom_ = std::vector<std::uint64_t>(kBloomBits / 64);
  std::vector<Phrase> phrases_;
  // First token -> phrases starting with it, longest first.
  std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>>
      by_first_;
};

}  // namespace geokg::actors

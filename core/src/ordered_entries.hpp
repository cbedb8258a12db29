// Entries kept in file order with an index by key (private to core/): the
// shared bookkeeping of the actor dictionary and the event lexicon, where a
// later file may replace or delete an earlier entry.
#pragma once

#include <cstddef>
#include <iterator>

namespace geokg::entries {

// Removes entries[position] and moves every index position after it up by
// one. Requires: position < entries.size(); `index` maps keys to positions
// and no longer holds the removed entry's key.
template <typename Entries, typename Index>
void erase_at(Entries& entries, Index& index, std::size_t position) {
  entries.erase(std::next(entries.begin(), static_cast<std::ptrdiff_t>(position)));
  for (auto& [key, at] : index) {
    if (at > position) --at;
  }
}

}  // namespace geokg::entries

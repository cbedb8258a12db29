// fuzz_dictionary: arbitrary bytes as an actor dictionary file. The first
// byte picks the reader (its value modulo 3: 0 the geokg dictionary format,
// Dictionary::add_geokg; 1 a PETRARCH/Phoenix actors file,
// add_petrarch_actors; 2 a PETRARCH agents file, add_petrarch_agents; the
// seeds start with the digits '0', '1' and '2'), the rest is the file.
//
// Expected and caught: geokg::ModelError ("name:line: message") for a bad
// file. Checked: every entry has a key and at least one phrase, and its
// roles' dates are valid dates. Anything else is a finding.
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "geokg/core.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace geokg;
  if (size == 0) return 0;
  const auto text = fuzz::as_text(data + 1, size - 1);
  Dictionary dictionary;
  try {
    switch (data[0] % 3) {
      case 0:
        dictionary.add_geokg(text, "fuzz.tsv");
        break;
      case 1:
        dictionary.add_petrarch_actors(text, "fuzz-actors.txt");
        break;
      default:
        dictionary.add_petrarch_agents(text, "fuzz-agents.txt");
        break;
    }
  } catch (const ModelError&) {
    return 0;
  }
  for (const auto& entry : dictionary.entries()) {
    fuzz::check(!entry.key().empty(), "dictionary: entry without a key", entry.name);
    fuzz::check(!entry.phrases.empty(), "dictionary: entry without a phrase", entry.name);
    for (const auto& role : entry.roles) {
      fuzz::check((!role.from || role.from->valid()) && (!role.until || role.until->valid()),
                  "dictionary: role with an invalid date", entry.name);
    }
  }
  return 0;
}

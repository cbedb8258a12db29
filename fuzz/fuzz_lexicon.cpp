// fuzz_lexicon: arbitrary bytes as an event-lexicon file through
// geokg::EventLexicon::add with the built-in ontology (core.hpp,
// docs/lexicon.md).
//
// Expected and caught: geokg::ModelError ("name:line: message") for a bad
// file. Checked on every entry: its code is in the ontology, its pattern has
// elements, and `head` names a Word element (the trigger the event coder
// starts from). Anything else is a finding.
#include <cstdint>

#include "fuzz_support.hpp"
#include "geokg/core.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace geokg;
  const auto& ontology = Ontology::builtin();
  EventLexicon lexicon;
  try {
    lexicon.add(fuzz::as_text(data, size), "fuzz.tsv", ontology);
  } catch (const ModelError&) {
    return 0;
  }
  for (const auto& entry : lexicon.entries()) {
    fuzz::check(ontology.find_event(entry.code) != nullptr, "lexicon: unknown code", entry.code);
    fuzz::check(!entry.elements.empty(), "lexicon: empty pattern", entry.pattern);
    fuzz::check(entry.head < entry.elements.size() &&
                    entry.elements[entry.head].type == PatternElement::Type::Word,
                "lexicon: head is not a word", entry.pattern);
  }
  return 0;
}

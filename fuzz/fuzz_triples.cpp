// fuzz_triples: arbitrary bytes as a JSON Lines file of pre-extracted events
// through geokg::read_triples (ingest/include/geokg/ingest.hpp).
//
// Expected and caught: geokg::IngestError (empty input, first record not
// JSON). Bad lines must become InputProblems. Checked, as read_triples
// promises: every event's participants are actors of its record, every event
// code is in the ontology, and the counts add up. Anything else is a finding.
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "geokg/ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace geokg;
  const auto& ontology = Ontology::builtin();
  std::istringstream in(std::string(fuzz::as_text(data, size)));
  std::vector<InputProblem> problems;
  try {
    const auto counts = read_triples(
        in, "fuzz.jsonl", IngestOptions{}, ontology,
        [&](DocumentRecord&& record) {
          std::set<std::string> keys;
          for (const auto& actor : record.actors) keys.insert(actor.key);
          for (const auto& event : record.events) {
            for (const auto* participant : {&event.source, &event.target}) {
              if (!*participant) continue;
              fuzz::check(keys.count((*participant)->actor_key) == 1,
                          "triples: participant not in the record", (*participant)->actor_key);
            }
            fuzz::check(ontology.find_event(event.code) != nullptr, "triples: unknown event code",
                        event.code);
          }
        },
        problems);
    fuzz::check(counts.rejected >= 0 && counts.rejected <= counts.read, "triples: counts");
  } catch (const IngestError&) {
  }
  return 0;
}

// fuzz_gdelt: arbitrary bytes as a GDELT event export (1.0 or 2.0 rows of
// tab-separated columns, or a zip archive of them) through geokg::read_gdelt
// (ingest/include/geokg/ingest.hpp, ingest/src/gdelt/).
//
// Expected and caught: geokg::IngestError (an unreadable zip archive). Bad
// rows must become InputProblems. Checked: every event carries its GDELT
// fields, a code in the ontology, participants that are actors of its record,
// and the counts add up. Anything else is a finding.
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
    const auto counts = read_gdelt(
        in, "fuzz.export.CSV", ontology,
        [&](DocumentRecord&& record) {
          std::set<std::string> keys;
          for (const auto& actor : record.actors) keys.insert(actor.key);
          for (const auto& event : record.events) {
            fuzz::check(event.gdelt != nullptr, "gdelt: event without GDELT fields");
            fuzz::check(ontology.find_event(event.code) != nullptr, "gdelt: unknown event code",
                        event.code);
            for (const auto* participant : {&event.source, &event.target}) {
              if (!*participant) continue;
              fuzz::check(keys.count((*participant)->actor_key) == 1,
                          "gdelt: participant not in the record", (*participant)->actor_key);
            }
          }
        },
        problems);
    fuzz::check(counts.rejected >= 0 && counts.rejected <= counts.read, "gdelt: counts");
  } catch (const IngestError&) {
  }
  return 0;
}

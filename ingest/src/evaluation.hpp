// Private to geokg_ingest: the event scoring of `geokg eval` (docs/eval.md),
// apart from reading gold files and running the extractor, so that tests can
// check its arithmetic on hand-made events.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "geokg/ingest.hpp"

namespace geokg::evaluation {

// One event as the scores see it: full CAMEO event code and full actor codes
// ("" for a missing participant or an actor without a code).
struct EventKey {
  std::string code;
  std::string source;
  std::string target;
  std::optional<int> sentence;  // shown in misses only; never compared
};

// "112 PRKGOV->USA", "-" for an empty actor code.
std::string describe(const EventKey& event);

// Scores one passage's events into `report`: events_root and events_code
// (multiset intersections), events_by_root (the root-level comparison broken
// down by CAMEO root: true positives and false negatives under the gold
// event's root, false positives under the prediction's root), and one miss
// per gold event left unmatched at the full-code level ("PREFIX: missed event
// ...") and per prediction left over ("PREFIX: spurious event ..."), gold
// ones first, each list in its input order. `prefix` is "FILE:LINE (ID)".
// Does not touch gold_events or passages.
void score_events(const std::vector<EventKey>& gold, const std::vector<EventKey>& predicted,
                  const std::string& prefix, const Ontology& ontology, EvalReport& report);

}  // namespace geokg::evaluation

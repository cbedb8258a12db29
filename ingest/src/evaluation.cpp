// `geokg eval`: scores the extractor against a gold file (docs/eval.md).
#include "evaluation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>

#include "geokg/ingest.hpp"
#include "text/text.hpp"

namespace geokg {
namespace {

struct GoldActor {
  std::string name;
  std::string code;
  std::string type;
};

std::string optional_string(const nlohmann::json& value, const char* field, const std::string& where) {
  if (!value.contains(field) || value[field].is_null()) return {};
  if (!value[field].is_string()) throw IngestError(where, std::string("\"") + field + "\" must be a string or null");
  return value[field].get<std::string>();
}

// The CAMEO country part of an actor code, "" when it has none.
std::string country_of(const std::string& code, const Ontology& ontology) {
  return ontology.split_actor_code(code).country;
}

// The elements of `left` not matched one to one by an equal key of `right`,
// by index, in order: the multiset difference left - right.
std::vector<std::size_t> unmatched(const std::vector<std::string>& left,
                                   const std::vector<std::string>& right) {
  std::map<std::string, std::int64_t> available;
  for (const auto& key : right) ++available[key];
  std::vector<std::size_t> rest;
  for (std::size_t i = 0; i < left.size(); ++i) {
    auto found = available.find(left[i]);
    if (found != available.end() && found->second > 0) {
      --found->second;
    } else {
      rest.push_back(i);
    }
  }
  return rest;
}

}  // namespace

double Score::precision() const {
  const auto predicted = true_positives + false_positives;
  return predicted == 0 ? 0.0 : static_cast<double>(true_positives) / static_cast<double>(predicted);
}
double Score::recall() const {
  const auto gold = true_positives + false_negatives;
  return gold == 0 ? 0.0 : static_cast<double>(true_positives) / static_cast<double>(gold);
}
double Score::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
}
Score& Score::operator+=(const Score& other) {
  true_positives += other.true_positives;
  false_positives += other.false_positives;
  false_negatives += other.false_negatives;
  return *this;
}

EvalReport& EvalReport::operator+=(const EvalReport& other) {
  passages += other.passages;
  gold_events += other.gold_events;
  actors += other.actors;
  actors_by_name += other.actors_by_name;
  for (const auto& [type, score] : other.actors_by_type) actors_by_type[type] += score;
  events_root += other.events_root;
  events_code += other.events_code;
  for (const auto& [root, score] : other.events_by_root) events_by_root[root] += score;
  misses.insert(misses.end(), other.misses.begin(), other.misses.end());
  return *this;
}

namespace evaluation {

std::string describe(const EventKey& event) {
  return event.code + " " + (event.source.empty() ? "-" : event.source) + "->" +
         (event.target.empty() ? "-" : event.target);
}

void score_events(const std::vector<EventKey>& gold, const std::vector<EventKey>& predicted,
                  const std::string& prefix, const Ontology& ontology, EvalReport& report) {
  auto root_key = [&](const EventKey& event) {
    return event.code.substr(0, 2) + "|" + country_of(event.source, ontology) + "|" +
           country_of(event.target, ontology);
  };
  auto code_key = [](const EventKey& event) {
    return event.code + "|" + event.source + "|" + event.target;
  };
  std::vector<std::string> gold_roots, gold_codes, predicted_roots, predicted_codes;
  for (const auto& event : gold) {
    gold_roots.push_back(root_key(event));
    gold_codes.push_back(code_key(event));
  }
  for (const auto& event : predicted) {
    predicted_roots.push_back(root_key(event));
    predicted_codes.push_back(code_key(event));
  }
  // Both sides have the same number of matches: gold - gold left over.
  auto add = [&](Score& score, std::size_t gold_left, std::size_t predicted_left) {
    score.true_positives += static_cast<std::int64_t>(gold.size() - gold_left);
    score.false_negatives += static_cast<std::int64_t>(gold_left);
    score.false_positives += static_cast<std::int64_t>(predicted_left);
  };

  // Root level, overall and by root.
  const auto gold_root_left = unmatched(gold_roots, predicted_roots);
  const auto predicted_root_left = unmatched(predicted_roots, gold_roots);
  add(report.events_root, gold_root_left.size(), predicted_root_left.size());
  std::vector<bool> gold_missed(gold.size(), false), predicted_spurious(predicted.size(), false);
  for (auto i : gold_root_left) gold_missed[i] = true;
  for (auto i : predicted_root_left) predicted_spurious[i] = true;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    Score& score = report.events_by_root[gold[i].code.substr(0, 2)];
    if (gold_missed[i]) {
      ++score.false_negatives;
    } else {
      ++score.true_positives;
    }
  }
  for (std::size_t i = 0; i < predicted.size(); ++i) {
    if (predicted_spurious[i]) {
      ++report.events_by_root[predicted[i].code.substr(0, 2)].false_positives;
    }
  }

  // Full-code level, with the misses.
  const auto gold_code_left = unmatched(gold_codes, predicted_codes);
  const auto predicted_code_left = unmatched(predicted_codes, gold_codes);
  add(report.events_code, gold_code_left.size(), predicted_code_left.size());
  auto sentence = [](const EventKey& event) {
    return event.sentence ? " (sentence " + std::to_string(*event.sentence) + ")" : std::string();
  };
  for (auto i : gold_code_left) {
    report.misses.push_back(prefix + ": missed event " + describe(gold[i]) + sentence(gold[i]));
  }
  for (auto i : predicted_code_left) {
    report.misses.push_back(prefix + ": spurious event " + describe(predicted[i]) +
                            sentence(predicted[i]));
  }
}

}  // namespace evaluation

EvalReport evaluate(std::istream& gold, std::string_view name, const Extractor& extractor,
                    const Ontology& ontology) {
  EvalReport report;
  std::string line;
  std::int64_t number = 0;
  while (std::getline(gold, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = std::string(name) + ":" + std::to_string(number);
    const auto passage = nlohmann::json::parse(line, nullptr, false);
    if (!passage.is_object()) throw IngestError(where, "not a JSON object");
    if (!passage.contains("text") || !passage["text"].is_string()) {
      throw IngestError(where, "a gold passage needs a \"text\" string");
    }
    Document document;
    document.key = optional_string(passage, "id", where);
    if (document.key.empty()) document.key = where;
    document.title = optional_string(passage, "title", where);
    document.text = passage["text"].get<std::string>();
    document.origin = "gold";
    const auto date = optional_string(passage, "date", where);
    try {
      if (!date.empty()) document.published = EventDate::parse(date);
    } catch (const ModelError& error) {
      throw IngestError(where, error.what());
    }
    auto extraction = extractor.extract(std::move(document));
    const auto& record = extraction.record;
    ++report.passages;

    const std::string prefix = where + " (" + record.document.key + ")";

    // Actors, only where the passage lists them (an events-only gold file
    // says nothing about actors): matched one to one by name (canonical
    // name, alias or the text of a mention, ignoring case), then scored
    // twice: by name alone, and strictly, requiring the CAMEO code too.
    // Places are locations, not actors, on both sides.
    if (passage.contains("actors")) {
      if (!passage["actors"].is_array()) throw IngestError(where, "\"actors\" must be an array");
      std::vector<GoldActor> gold_actors;
      for (const auto& item : passage["actors"]) {
        if (!item.is_object()) throw IngestError(where, "each actor must be an object");
        GoldActor actor{optional_string(item, "name", where), optional_string(item, "code", where),
                        optional_string(item, "type", where)};
        if (actor.name.empty()) throw IngestError(where, "a gold actor needs a \"name\"");
        if (actor.type == "place") continue;
        gold_actors.push_back(std::move(actor));
      }
      std::vector<const Actor*> predicted;
      for (const auto& actor : record.actors) {
        if (actor.type != ActorType::Place) predicted.push_back(&actor);
      }
      auto surface_forms = [&](const Actor& actor) {
        std::vector<std::string> forms{text::fold(actor.name)};
        for (const auto& alias : actor.aliases) forms.push_back(text::fold(alias));
        for (const auto& mention : record.mentions) {
          if (mention.actor_key != actor.key) continue;
          // Mention spans are code points; the text is UTF-8.
          std::size_t begin = 0, end = 0, index = 0;
          for (std::size_t byte = 0; byte <= record.document.text.size(); ++byte) {
            if (byte < record.document.text.size() &&
                (static_cast<unsigned char>(record.document.text[byte]) & 0xC0) == 0x80) {
              continue;
            }
            if (static_cast<std::int64_t>(index) == mention.span.start) begin = byte;
            if (static_cast<std::int64_t>(index) == mention.span.end) {
              end = byte;
              break;
            }
            ++index;
          }
          if (end > begin) {
            forms.push_back(text::fold(record.document.text.substr(begin, end - begin)));
          }
        }
        return forms;
      };
      std::vector<bool> used(predicted.size(), false);
      std::int64_t matched_by_name = 0, matched_strict = 0;
      for (const auto& gold_actor : gold_actors) {
        const auto wanted = text::fold(gold_actor.name);
        std::optional<std::size_t> hit;
        for (std::size_t p = 0; p < predicted.size() && !hit; ++p) {
          if (used[p]) continue;
          const auto forms = surface_forms(*predicted[p]);
          if (std::find(forms.begin(), forms.end(), wanted) != forms.end()) hit = p;
        }
        Score& by_type =
            report.actors_by_type[gold_actor.type.empty() ? "unknown" : gold_actor.type];
        if (!hit) {
          report.misses.push_back(prefix + ": missed actor " + gold_actor.name + " [" +
                                  (gold_actor.code.empty() ? "-" : gold_actor.code) + "]");
          ++by_type.false_negatives;
          continue;
        }
        used[*hit] = true;
        ++matched_by_name;
        if (predicted[*hit]->code == gold_actor.code) {
          ++matched_strict;
          ++by_type.true_positives;
        } else {
          ++by_type.false_negatives;
          report.misses.push_back(prefix + ": " + gold_actor.name + " coded " +
                                  (predicted[*hit]->code.empty() ? "-" : predicted[*hit]->code) +
                                  ", gold " + (gold_actor.code.empty() ? "-" : gold_actor.code));
        }
      }
      for (std::size_t p = 0; p < predicted.size(); ++p) {
        if (used[p]) continue;
        report.misses.push_back(prefix + ": spurious actor " + predicted[p]->name + " [" +
                                (predicted[p]->code.empty() ? "-" : predicted[p]->code) + "]");
      }
      const auto gold_count = static_cast<std::int64_t>(gold_actors.size());
      const auto predicted_count = static_cast<std::int64_t>(predicted.size());
      report.actors_by_name.true_positives += matched_by_name;
      report.actors_by_name.false_positives += predicted_count - matched_by_name;
      report.actors_by_name.false_negatives += gold_count - matched_by_name;
      report.actors.true_positives += matched_strict;
      report.actors.false_positives += predicted_count - matched_strict;
      report.actors.false_negatives += gold_count - matched_strict;
    }

    // Events: multisets of (root, source country, target country) and of
    // (code, source code, target code).
    if (passage.contains("events")) {
      if (!passage["events"].is_array()) throw IngestError(where, "\"events\" must be an array");
      std::vector<evaluation::EventKey> gold_events, predicted_events;
      for (const auto& item : passage["events"]) {
        if (!item.is_object()) throw IngestError(where, "each event must be an object");
        evaluation::EventKey event{optional_string(item, "code", where),
                                   optional_string(item, "source", where),
                                   optional_string(item, "target", where), std::nullopt};
        if (!ontology.find_event(event.code)) {
          throw IngestError(where, "unknown CAMEO event code \"" + event.code + "\"");
        }
        const auto event_date = optional_string(item, "date", where);
        try {
          if (!event_date.empty()) EventDate::parse(event_date);
        } catch (const ModelError& error) {
          throw IngestError(where, error.what());
        }
        if (item.contains("sentence") && !item["sentence"].is_null()) {
          if (!item["sentence"].is_number_unsigned() ||
              item["sentence"].get<std::uint64_t>() > 1000000) {
            throw IngestError(where, "an event's \"sentence\" must be a non-negative integer");
          }
          event.sentence = item["sentence"].get<int>();
        }
        gold_events.push_back(std::move(event));
        ++report.gold_events;
      }
      auto code_of = [&](const std::optional<Participant>& participant) -> std::string {
        if (!participant) return {};
        if (!participant->code.empty()) return participant->code;
        for (const auto& actor : record.actors) {
          if (actor.key == participant->actor_key) return actor.code;
        }
        return {};
      };
      for (const auto& event : record.events) {
        if (event.negated) continue;
        predicted_events.push_back(
            {event.code, code_of(event.source), code_of(event.target), event.sentence});
      }
      evaluation::score_events(gold_events, predicted_events, prefix, ontology, report);
    }
  }
  return report;
}

}  // namespace geokg

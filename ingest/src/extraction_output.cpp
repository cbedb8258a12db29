// `geokg extract` output: the JSON Lines contract of
// contracts/extract-json.md and the human-readable --explain report.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "geokg/ingest.hpp"

namespace geokg {
namespace {

// Byte offsets for code-point offsets, for many offsets in one pass.
class ByteOffsets {
 public:
  ByteOffsets(std::string_view text, std::vector<std::int64_t> codepoints) {
    std::sort(codepoints.begin(), codepoints.end());
    codepoints.erase(std::unique(codepoints.begin(), codepoints.end()), codepoints.end());
    std::int64_t index = 0;
    std::size_t next = 0;
    for (std::size_t byte = 0; byte <= text.size() && next < codepoints.size(); ++byte) {
      const bool boundary =
          byte == text.size() || (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80;
      if (!boundary) continue;
      while (next < codepoints.size() && codepoints[next] == index) {
        bytes_.emplace(codepoints[next++], byte);
      }
      ++index;
    }
  }
  std::string_view slice(std::string_view text, const Span& span) const {
    const auto begin = find(span.start, text.size());
    const auto end = find(span.end, text.size());
    return text.substr(begin, end - begin);
  }

 private:
  std::size_t find(std::int64_t codepoint, std::size_t fallback) const {
    const auto found = bytes_.find(codepoint);
    return found == bytes_.end() ? fallback : found->second;
  }
  std::map<std::int64_t, std::size_t> bytes_;
};

nlohmann::json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

std::string extraction_json_line(const ExtractedDocument& extracted) {
  nlohmann::ordered_json out;
  if (!extracted.extraction) {
    out["document"] = {{"id", extracted.key},
                       {"title", nullptr},
                       {"date", nullptr},
                       {"source", nullptr},
                       {"url", nullptr}};
    out["actors"] = nlohmann::json::array();
    out["events"] = nlohmann::json::array();
    out["skipped"] = nlohmann::json::array();
    out["errors"] = nlohmann::json::array({extracted.input + ": " + extracted.error});
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  const auto& extraction = *extracted.extraction;
  const auto& record = extraction.record;
  const auto& document = record.document;
  std::vector<std::int64_t> offsets;
  for (const auto& mention : record.mentions) {
    offsets.push_back(mention.span.start);
    offsets.push_back(mention.span.end);
  }
  const ByteOffsets bytes(document.text, std::move(offsets));

  out["document"] = {{"id", document.key},
                     {"title", text_or_null(document.title)},
                     {"date", document.published ? nlohmann::json(document.published->iso())
                                                 : nlohmann::json(nullptr)},
                     {"source", text_or_null(document.source)},
                     {"url", text_or_null(document.url)}};
  auto actors = nlohmann::ordered_json::array();
  for (const auto& actor : record.actors) {
    nlohmann::ordered_json item;
    item["id"] = actor.key;
    item["name"] = actor.name;
    item["code"] = text_or_null(actor.code);
    item["country"] = text_or_null(actor.country);
    item["agent"] = text_or_null(actor.agent);
    item["type"] = std::string(to_string(actor.type));
    auto mentions = nlohmann::ordered_json::array();
    for (const auto& mention : record.mentions) {
      if (mention.actor_key != actor.key) continue;
      mentions.push_back({{"text", std::string(bytes.slice(document.text, mention.span))},
                          {"span", {mention.span.start, mention.span.end}}});
    }
    item["mentions"] = std::move(mentions);
    actors.push_back(std::move(item));
  }
  out["actors"] = std::move(actors);
  std::map<std::string_view, const Actor*> by_key;
  for (const auto& actor : record.actors) by_key.emplace(actor.key, &actor);
  const auto actor_ref = [&](const std::optional<Participant>& participant) {
    if (!participant) return nlohmann::ordered_json(nullptr);
    const auto found = by_key.find(participant->actor_key);
    const Actor* actor = found == by_key.end() ? nullptr : found->second;
    nlohmann::ordered_json ref;
    ref["id"] = participant->actor_key;
    ref["name"] = actor ? actor->name : participant->actor_key;
    const auto code = !participant->code.empty() ? participant->code : actor ? actor->code : "";
    ref["code"] = text_or_null(code);
    ref["country"] = text_or_null(actor ? actor->country : "");
    ref["agent"] = text_or_null(actor ? actor->agent : "");
    return ref;
  };
  const auto& ontology = Ontology::builtin();
  auto events = nlohmann::ordered_json::array();
  for (const auto& event : record.events) {
    nlohmann::ordered_json item;
    item["source"] = actor_ref(event.source);
    item["target"] = actor_ref(event.target);
    const auto* info = ontology.find_event(event.code);
    item["event"] = {{"code", event.code},
                     {"root", event.code.substr(0, 2)},
                     {"label", info ? info->label : ""},
                     {"quad", info ? static_cast<int>(info->quad()) : 0},
                     {"goldstein", info ? info->goldstein : 0.0}};
    item["date"] = event.date ? nlohmann::json(event.date->iso()) : nlohmann::json(nullptr);
    item["date_inferred"] = event.date_inferred;
    item["location"] =
        event.location ? nlohmann::ordered_json{{"name", event.location->name},
                                                {"country", text_or_null(event.location->country)}}
                       : nlohmann::ordered_json(nullptr);
    item["negated"] = event.negated;
    item["modality"] = std::string(to_string(event.modality));
    item["sentence"] = event.sentence ? nlohmann::json(*event.sentence) : nlohmann::json(nullptr);
    item["span"] = event.span ? nlohmann::json::array({event.span->start, event.span->end})
                              : nlohmann::json(nullptr);
    item["text"] = event.text;
    item["confidence"] = event.confidence;
    events.push_back(std::move(item));
  }
  out["events"] = std::move(events);
  auto skipped = nlohmann::ordered_json::array();
  for (const auto& span : extraction.skipped) {
    skipped.push_back({{"span", {span.span.start, span.span.end}}, {"reason", span.reason}});
  }
  out["skipped"] = std::move(skipped);
  out["errors"] = nlohmann::json::array();
  out["warnings"] = extraction.warnings;
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string explain_extraction(const ExtractedDocument& extracted) {
  std::string out = "== " + extracted.key + "\n";
  if (!extracted.extraction) return out + "error: " + extracted.error + "\n";
  const auto& extraction = *extracted.extraction;
  const auto& record = extraction.record;
  const auto& text = record.document.text;
  std::vector<std::int64_t> offsets;
  for (const auto& span : extraction.skipped) {
    offsets.push_back(span.span.start);
    offsets.push_back(span.span.end);
  }
  const ByteOffsets bytes(text, std::move(offsets));
  out += "title: " + record.document.title + "\n";
  out += "date:  " + (record.document.published ? record.document.published->iso() : "none") + "\n";
  for (const auto& warning : extraction.warnings) out += "warning: " + warning + "\n";
  out += "removed (" + std::to_string(extraction.skipped.size()) + "):\n";
  for (const auto& span : extraction.skipped) {
    std::string excerpt(bytes.slice(text, span.span));
    std::replace(excerpt.begin(), excerpt.end(), '\n', ' ');
    if (excerpt.size() > 100) {
      std::size_t cut = 97;
      while (cut > 0 && (static_cast<unsigned char>(excerpt[cut]) & 0xC0) == 0x80) --cut;
      excerpt = excerpt.substr(0, cut) + "...";
    }
    out += "  [" + std::to_string(span.span.start) + "," + std::to_string(span.span.end) + ") " +
           span.reason + ": " + excerpt + "\n";
  }
  out += "actors (" + std::to_string(record.actors.size()) + "):\n";
  for (const auto& actor : record.actors) {
    const auto mentions = std::count_if(record.mentions.begin(), record.mentions.end(),
                                        [&](const Mention& m) { return m.actor_key == actor.key; });
    out += "  " + actor.name + " [" + (actor.code.empty() ? "-" : actor.code) + ", " +
           std::string(to_string(actor.type)) + "] " + std::to_string(mentions) + " mention" +
           (mentions == 1 ? "" : "s") + "\n";
  }
  out += "events (" + std::to_string(record.events.size()) + "):\n";
  std::map<std::string_view, std::string_view> names;
  for (const auto& actor : record.actors) names.emplace(actor.key, actor.name);
  const auto name = [&](const std::optional<Participant>& participant) -> std::string {
    if (!participant) return "-";
    const auto found = names.find(participant->actor_key);
    return std::string(found == names.end() ? std::string_view(participant->actor_key)
                                            : found->second);
  };
  for (std::size_t i = 0; i < record.events.size(); ++i) {
    const auto& event = record.events[i];
    out += "  [" + std::to_string(event.sentence.value_or(-1)) + "] " + name(event.source) +
           " -> " + name(event.target) + ": " + event.code;
    if (const auto* info = Ontology::builtin().find_event(event.code)) out += " " + info->label;
    out += ", " + (event.date ? event.date->iso() : std::string("no date")) +
           (event.date_inferred ? " (publication date)" : "");
    if (event.location) out += ", in " + event.location->name;
    if (event.negated) out += ", negated";
    out += ", " + std::string(to_string(event.modality)) + "\n";
    if (i < extraction.event_rules.size()) out += "      rule: " + extraction.event_rules[i] + "\n";
  }
  return out;
}

}  // namespace geokg

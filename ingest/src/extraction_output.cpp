// `geokg extract` output: the JSON Lines contract of
// contracts/extract-json.md and the human-readable --explain report.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

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
    out["document"] = {{"id", extracted.key}, {"title", nullptr}, {"date", nullptr},
                       {"source", nullptr}, {"url", nullptr}};
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
  out["events"] = nlohmann::json::array();
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
  out += "date:  " + (record.document.published ? record.document.published->iso() : "none") +
         "\n";
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
    out += "  [" + std::to_string(span.span.start) + "," + std::to_string(span.span.end) +
           ") " + span.reason + ": " + excerpt + "\n";
  }
  out += "actors (" + std::to_string(record.actors.size()) + "):\n";
  for (const auto& actor : record.actors) {
    const auto mentions = std::count_if(record.mentions.begin(), record.mentions.end(),
                                        [&](const Mention& m) { return m.actor_key == actor.key; });
    out += "  " + actor.name + " [" + (actor.code.empty() ? "-" : actor.code) + ", " +
           std::string(to_string(actor.type)) + "] " + std::to_string(mentions) + " mention" +
           (mentions == 1 ? "" : "s") + "\n";
  }
  return out;
}

}  // namespace geokg

// The extraction pipeline: clean -> sentences/tokens -> actors ->
// coreference -> events (with dates and places).
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "actors/phrase_index.hpp"
#include "actors/recognizer.hpp"
#include "events/coder.hpp"
#include "geokg/ingest.hpp"
#include "text/text.hpp"

namespace geokg {
namespace {
constexpr std::size_t kMaxExtractedBytes = 16 << 20;
}  // namespace

struct Extractor::Compiled {
  Compiled(const Dictionary& dictionary, const Ontology& codebook, const EventLexicon& lexicon)
      : index(dictionary),
        recognizer(dictionary, index, codebook),
        coder(lexicon, codebook),
        ontology(codebook) {
    for (const auto& entry : dictionary.entries()) {
      if (entry.kind == EntryKind::Person && !entry.roles.empty())
        persons.emplace(entry.key(), &entry);
    }
  }
  actors::PhraseIndex index;
  actors::Recognizer recognizer;
  events::EventCoder coder;
  const Ontology& ontology;
  // Persons with dated roles, by actor key: an event takes the code the
  // person had on its date (Trump was USAGOV in 2019, not in 2023).
  std::unordered_map<std::string, const DictionaryEntry*> persons;
};

Extractor::Extractor(const Dictionary& dictionary, const Ontology& ontology,
                     const EventLexicon& lexicon)
    : compiled_(std::make_unique<Compiled>(dictionary, ontology, lexicon)) {}

Extractor::~Extractor() = default;

std::string_view Extractor::version() {
  return "geokg-extract/2";
}

Extraction Extractor::extract(Document document,
                              const std::optional<EventDate>& default_date) const {
  Extraction result;
  auto normalized = text::normalize(document.text);
  for (auto& warning : normalized.warnings) {
    result.warnings.push_back(document.key + ": " + std::move(warning));
  }
  document.text = std::move(normalized.text);
  if (!document.title.empty()) {
    auto title = text::normalize(document.title).text;
    for (auto& c : title) {
      if (c == '\n' || c == '\t') c = ' ';
    }
    document.title = std::move(title);
  }
  if (!document.published) document.published = default_date;
  if (!document.published) {
    result.warnings.push_back(document.key +
                              ": no publication date; relative dates stay unresolved");
  }

  const std::string_view text = document.text;
  auto skipped = text::find_boilerplate(text, document.title);
  // Tokens cost about 50 bytes each: past a limit the rest of a huge
  // document is left unread rather than letting memory grow without bound.
  if (text.size() > kMaxExtractedBytes) {
    auto cut = text.rfind('\n', kMaxExtractedBytes);
    if (cut == std::string_view::npos || cut == 0) cut = kMaxExtractedBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    std::erase_if(skipped, [&](const text::SkippedSpan& span) { return span.end > cut; });
    skipped.push_back({static_cast<std::uint32_t>(cut), static_cast<std::uint32_t>(text.size()),
                       "beyond the extraction limit"});
    result.warnings.push_back(document.key + ": only the first " + std::to_string(cut) +
                              " bytes were searched for actors (limit " +
                              std::to_string(kMaxExtractedBytes >> 20) + " MB)");
  }
  const auto segmentation = text::segment(text, skipped);
  auto recognized = compiled_->recognizer.recognize(text, segmentation, document.published);

  const text::CodepointIndex codepoints(text);
  const auto& compiled = *compiled_;
  auto coded = compiled.coder.code(text, segmentation, recognized, document.published, codepoints,
                                   [&](std::string_view code, std::string_view agent,
                                       std::string_view role) -> std::optional<Actor> {
                                     if (!compiled.ontology.is_country(code)) return std::nullopt;
                                     if (agent.empty())
                                       return compiled.recognizer.country_actor(code);
                                     return compiled.recognizer.role_actor(code, agent, role,
                                                                           ActorType::Group);
                                   });
  for (const auto& span : skipped) {
    result.skipped.push_back(
        {Span{codepoints.at(span.begin), codepoints.at(span.end)}, span.reason});
  }
  auto& record = result.record;
  record.mentions.reserve(recognized.mentions.size());
  for (const auto& mention : recognized.mentions) {
    record.mentions.push_back({recognized.actors[mention.actor].key,
                               static_cast<int>(mention.sentence),
                               Span{codepoints.at(mention.begin), codepoints.at(mention.end)}});
  }
  record.events.reserve(coded.size());
  result.event_rules.reserve(coded.size());
  for (auto& event : coded) {
    event.event.extractor = std::string(version());
    if (event.event.date && !event.event.date_inferred) {
      for (auto* participant : {&event.event.source, &event.event.target}) {
        if (!*participant) continue;
        const auto person = compiled.persons.find((*participant)->actor_key);
        if (person == compiled.persons.end()) continue;
        auto code = person->second->code_on(event.event.date);
        const auto actor =
            std::find_if(recognized.actors.begin(), recognized.actors.end(),
                         [&](const Actor& a) { return a.key == (*participant)->actor_key; });
        if (actor != recognized.actors.end() && actor->code != code)
          (*participant)->code = std::move(code);
      }
    }
    record.events.push_back(std::move(event.event));
    result.event_rules.push_back(std::move(event.rule));
  }
  // A country whose only mention went to a role ("U.S. and British forces"
  // names American forces) and that no event names is not in the record.
  std::unordered_set<std::string_view> named;
  for (const auto& mention : record.mentions) named.insert(mention.actor_key);
  for (const auto& event : record.events) {
    for (const auto* participant : {&event.source, &event.target}) {
      if (*participant) named.insert((*participant)->actor_key);
    }
  }
  std::erase_if(recognized.actors, [&](const Actor& actor) { return !named.contains(actor.key); });
  record.actors = std::move(recognized.actors);
  record.document = std::move(document);
  return result;
}

}  // namespace geokg

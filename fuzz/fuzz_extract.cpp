// fuzz_extract: arbitrary bytes as the text of one document through
// geokg::Extractor::extract with the built-in dictionary, ontology and event
// lexicon (normalisation, web-noise removal, sentences and tokens, actors,
// coreference, events, dates), then through extraction_json_line.
//
// Expected: nothing is thrown ("never throws for content"); any exception,
// crash, sanitizer report or hang is a finding. Checked: the stored text is
// valid UTF-8; every mention's and event's actor is in the record; every
// mention span and event span lies inside the text (code points) and every
// sentence index names a sentence of the text (segmented again here the way
// the extractor does); an event's span lies inside its sentence; the JSON
// line is valid UTF-8 with no raw line break.
#include <cstdint>
#include <set>
#include <string>

#include "fuzz_support.hpp"
#include "geokg/ingest.hpp"
#include "text/text.hpp"

namespace {

const geokg::Extractor& extractor() {
  static const geokg::Extractor instance(geokg::Dictionary::builtin(), geokg::Ontology::builtin());
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace geokg;
  Document document;
  document.key = "fuzz";
  document.text = std::string(fuzz::as_text(data, size));
  document.published = EventDate::parse("2023-09-05");
  document.origin = "text";
  ExtractedDocument extracted;
  extracted.input = "fuzz.txt";
  extracted.key = document.key;
  extracted.extraction = extractor().extract(std::move(document));
  const auto& record = extracted.extraction->record;
  const std::string_view text = record.document.text;
  fuzz::check(fuzz::valid_utf8(text), "extract: stored text is not valid UTF-8");
  const auto length = fuzz::codepoints(text);

  const auto skipped = text::find_boilerplate(text, record.document.title);
  const auto segmentation = text::segment(text, skipped);
  const text::CodepointIndex index(text);
  const auto sentences = static_cast<std::int64_t>(segmentation.sentences.size());

  std::set<std::string> keys;
  for (const auto& actor : record.actors) keys.insert(actor.key);
  for (const auto& mention : record.mentions) {
    fuzz::check(keys.count(mention.actor_key) == 1, "extract: mention of an unknown actor",
                mention.actor_key);
    fuzz::check(0 <= mention.span.start && mention.span.start <= mention.span.end &&
                    mention.span.end <= length,
                "extract: mention span outside the text");
    fuzz::check(!mention.sentence || (*mention.sentence >= 0 && *mention.sentence < sentences),
                "extract: mention sentence index out of range");
  }
  for (const auto& event : record.events) {
    for (const auto* participant : {&event.source, &event.target}) {
      if (*participant) {
        fuzz::check(keys.count((*participant)->actor_key) == 1,
                    "extract: event participant is an unknown actor", (*participant)->actor_key);
      }
    }
    fuzz::check(!event.sentence || (*event.sentence >= 0 && *event.sentence < sentences),
                "extract: event sentence index out of range");
    if (event.span) {
      fuzz::check(0 <= event.span->start && event.span->start <= event.span->end &&
                      event.span->end <= length,
                  "extract: event span outside the text");
      if (event.sentence) {
        const auto& sentence = segmentation.sentences[static_cast<std::size_t>(*event.sentence)];
        fuzz::check(index.at(sentence.begin) <= event.span->start &&
                        event.span->end <= index.at(sentence.end),
                    "extract: event span outside its sentence");
      }
    }
  }
  const auto line = extraction_json_line(extracted);
  fuzz::check(fuzz::valid_utf8(line), "extract: JSON line is not valid UTF-8");
  fuzz::check(line.find_first_of("\r\n") == std::string::npos, "extract: JSON line breaks a line");
  return 0;
}

// Reader for JSON Lines of pre-extracted events (the event record of
// contracts/extract-json.md plus a "document" field). Lines are parsed with
// simdjson: parsing was a quarter of ingest time with a DOM-building parser.
#include <simdjson.h>

#include <algorithm>

#include "geokg/ingest.hpp"

namespace geokg {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

constexpr std::string_view kDefaultExtractor = "triples-import";

// A field problem on the current line; caught per line and reported there.
class LineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Names and ids longer than this are not names: a 10 MB "name" makes files
// that libxml2, Graphviz and Python's csv module refuse to read.
constexpr std::size_t kMaxNameBytes = 1000;

void check_length(std::string_view what, const std::string& value) {
  if (value.size() > kMaxNameBytes) {
    throw LineError(std::string(what) + " is " + std::to_string(value.size()) +
                    " bytes long; at most " + std::to_string(kMaxNameBytes) + " are allowed");
  }
}

// The field's value, or nothing when it is absent or null.
std::optional<element> field(const object& record, std::string_view name) {
  element value;
  if (record.at_key(name).get(value) != simdjson::SUCCESS || value.is_null()) return std::nullopt;
  return value;
}

std::string string_field(const object& record, std::string_view name) {
  const auto value = field(record, name);
  if (!value) return {};
  std::string_view text;
  if (value->get(text) != simdjson::SUCCESS) {
    throw LineError("\"" + std::string(name) + "\" must be a string");
  }
  return std::string(text);
}

std::optional<EventDate> date_field(const object& record, std::string_view name) {
  const auto text = string_field(record, name);
  if (text.empty()) return std::nullopt;
  try {
    return EventDate::parse(text);
  } catch (const ModelError& error) {
    throw LineError("\"" + std::string(name) + "\": " + error.what());
  }
}

bool valid_actor_code(std::string_view code) {
  return code.size() >= 3 && code.size() <= 15 &&
         std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

Document read_document(const element& value) {
  Document document;
  document.origin = "triples";
  std::string_view id;
  object fields;
  if (value.get(id) == simdjson::SUCCESS) {
    document.key = std::string(id);
  } else if (value.get(fields) == simdjson::SUCCESS) {
    document.key = string_field(fields, "id");
    document.title = string_field(fields, "title");
    document.url = string_field(fields, "url");
    document.source = string_field(fields, "source");
    document.text = string_field(fields, "text");
    if (document.text.empty()) document.text = string_field(fields, "body");
    document.published = date_field(fields, "date");
    if (!document.published) document.published = date_field(fields, "published");
    if (document.key.empty()) document.key = document.url;
  } else {
    throw LineError("\"document\" must be an object or a document id string");
  }
  if (document.key.empty()) throw LineError("the document has no \"id\" (nor \"url\")");
  check_length("the document id", document.key);
  return document;
}

// Fills the fields `into` lacks from a later line's view of the document.
void merge_document(Document& into, Document&& from) {
  auto fill = [](std::string& field, std::string& value) {
    if (field.empty()) field = std::move(value);
  };
  fill(into.title, from.title);
  fill(into.url, from.url);
  fill(into.source, from.source);
  fill(into.text, from.text);
  if (!into.published) into.published = from.published;
}

// Reads an ActorRef into an Actor (its default identity) and the Participant
// (its code at this event).
std::pair<Actor, Participant> read_actor(const element& value, std::string_view role,
                                         const Ontology& ontology) {
  object ref;
  if (value.get(ref) != simdjson::SUCCESS) {
    throw LineError("\"" + std::string(role) + "\" must be an object or null");
  }
  Actor actor;
  try {
    actor.key = string_field(ref, "id");
    actor.name = string_field(ref, "name");
    actor.code = string_field(ref, "code");
    actor.country = string_field(ref, "country");
    actor.agent = string_field(ref, "agent");
    const auto type = string_field(ref, "type");
    if (!type.empty()) actor.type = parse_actor_type(type);
  } catch (const std::exception& error) {
    throw LineError(std::string(role) + ": " + error.what());
  }
  // Keys are normalised so every id is a valid XML name token in exports.
  check_length(std::string(role) + " name", actor.name);
  check_length(std::string(role) + " id", actor.key);
  actor.key = make_key(actor.key.empty() ? actor.name : actor.key);
  if (actor.key.empty()) {
    throw LineError(std::string(role) + " needs an \"id\" or a \"name\" with letters or digits");
  }
  if (actor.name.empty()) actor.name = actor.key;
  if (!actor.code.empty()) {
    if (!valid_actor_code(actor.code)) {
      throw LineError(std::string(role) + ": \"" + actor.code +
                      "\" is not a CAMEO actor code (3 to 15 capital letters or digits)");
    }
    const auto parts = ontology.split_actor_code(actor.code);
    if (actor.country.empty()) actor.country = parts.country;
    if (actor.agent.empty()) actor.agent = parts.agent;
    if (actor.type == ActorType::Unknown && actor.code.size() == 3 && !parts.country.empty()) {
      actor.type = ActorType::Country;
    }
  }
  Participant participant{actor.key, actor.code};
  return {std::move(actor), std::move(participant)};
}

// Adds `actor` to the record, or merges a new spelling of a known one into
// its aliases.
void add_actor(DocumentRecord& record, Actor actor) {
  const auto it = std::find_if(record.actors.begin(), record.actors.end(),
                               [&](const Actor& known) { return known.key == actor.key; });
  if (it == record.actors.end()) {
    record.actors.push_back(std::move(actor));
    return;
  }
  if (actor.name != it->name &&
      std::find(it->aliases.begin(), it->aliases.end(), actor.name) == it->aliases.end()) {
    it->aliases.push_back(actor.name);
  }
  if (it->code.empty()) it->code = actor.code;
  if (it->country.empty()) it->country = actor.country;
  if (it->agent.empty()) it->agent = actor.agent;
  if (it->type == ActorType::Unknown) it->type = actor.type;
}

struct ParsedLine {
  Document document;
  Event event;
  std::vector<Actor> actors;
};

ParsedLine parse_line(const element& line, const Ontology& ontology) {
  object record;
  if (line.get(record) != simdjson::SUCCESS) throw LineError("a record must be a JSON object");
  ParsedLine parsed;
  const auto doc = field(record, "document");
  if (!doc) throw LineError("no \"document\" (an object or a document id)");
  parsed.document = read_document(*doc);

  object event_object;
  const auto event_field = field(record, "event");
  if (!event_field || event_field->get(event_object) != simdjson::SUCCESS) {
    throw LineError("no \"event\" object");
  }
  Event& event = parsed.event;
  event.code = string_field(event_object, "code");
  if (event.code.empty()) throw LineError("\"event\" has no \"code\"");
  if (!ontology.find_event(event.code)) {
    throw LineError("\"" + event.code + "\" is not a CAMEO event code");
  }
  const auto root = string_field(event_object, "root");
  if (!root.empty() && root != event.code.substr(0, 2)) {
    throw LineError("event root \"" + root + "\" does not match code \"" + event.code + "\"");
  }

  for (std::string_view role : {"source", "target"}) {
    const auto ref = field(record, role);
    if (!ref) continue;
    auto [actor, participant] = read_actor(*ref, role, ontology);
    (role == "source" ? event.source : event.target) = std::move(participant);
    parsed.actors.push_back(std::move(actor));
  }
  if (!event.source && !event.target) throw LineError("an event needs a source or a target");

  event.date = date_field(record, "date");
  if (const auto location = field(record, "location")) {
    object place;
    if (location->get(place) != simdjson::SUCCESS) {
      throw LineError("\"location\" must be an object or null");
    }
    event.location = Location{string_field(place, "name"), string_field(place, "country")};
    if (event.location->name.empty()) event.location.reset();
  }
  if (const auto negated = field(record, "negated")) {
    if (negated->get(event.negated) != simdjson::SUCCESS) {
      throw LineError("\"negated\" must be true or false");
    }
  }
  if (const auto modality = string_field(record, "modality"); !modality.empty()) {
    try {
      event.modality = parse_modality(modality);
    } catch (const ModelError& error) {
      throw LineError(error.what());
    }
  }
  if (const auto sentence = field(record, "sentence")) {
    std::int64_t index = -1;
    if (sentence->get(index) != simdjson::SUCCESS || index < 0 || index > 10'000'000) {
      throw LineError("\"sentence\" must be a non-negative integer");
    }
    event.sentence = static_cast<int>(index);
  }
  if (const auto span = field(record, "span")) {
    simdjson::dom::array bounds;
    std::int64_t start = -1;
    std::int64_t end = -1;
    const bool ok = span->get(bounds) == simdjson::SUCCESS && bounds.size() == 2 &&
                    bounds.at(0).get(start) == simdjson::SUCCESS &&
                    bounds.at(1).get(end) == simdjson::SUCCESS && start >= 0 && start <= end;
    if (!ok) throw LineError("\"span\" must be [start, end] with 0 <= start <= end");
    event.span = Span{start, end};
  }
  event.text = string_field(record, "text");
  if (const auto confidence = field(record, "confidence")) {
    double value = -1.0;
    if (confidence->get(value) != simdjson::SUCCESS || value < 0.0 || value > 1.0) {
      throw LineError("\"confidence\" must be a number from 0 to 1");
    }
    event.confidence = value;
  }
  event.extractor = string_field(record, "extractor");
  if (event.extractor.empty()) event.extractor = kDefaultExtractor;
  return parsed;
}

}  // namespace

LineCounts read_triples(std::istream& in, std::string_view name, const IngestOptions& options,
                        const Ontology& ontology,
                        const std::function<void(DocumentRecord&&)>& emit,
                        std::vector<InputProblem>& problems) {
  LineCounts counts;
  std::optional<DocumentRecord> current;
  auto flush = [&] {
    if (!current) return;
    Document& document = current->document;
    if (!document.published) document.published = options.default_date;
    for (auto& event : current->events) {
      if (event.date || !document.published) continue;
      event.date = document.published;
      event.date_inferred = true;
    }
    emit(std::move(*current));
    current.reset();
  };
  simdjson::dom::parser parser;
  std::string line;
  std::int64_t line_number = 0;
  bool seen_record = false;
  while (std::getline(in, line)) {
    ++line_number;
    const bool blank = std::all_of(line.begin(), line.end(),
                                   [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
    if (blank) continue;
    ++counts.read;
    const std::string where = std::string(name) + ":" + std::to_string(line_number);
    // simdjson reads a little past the end: give it padding without a copy.
    const auto size = line.size();
    line.reserve(size + simdjson::SIMDJSON_PADDING);
    element record;
    if (const auto error = parser.parse(line.data(), size, false).get(record)) {
      if (!seen_record) {
        // A first line that is not JSON means the whole file is something else.
        throw IngestError(where, std::string("not JSON Lines: ") + simdjson::error_message(error));
      }
      problems.push_back({where, std::string("invalid JSON: ") + simdjson::error_message(error)});
      ++counts.rejected;
      continue;
    }
    seen_record = true;
    ParsedLine parsed;
    try {
      parsed = parse_line(record, ontology);
    } catch (const LineError& error) {
      problems.push_back({where, error.what()});
      ++counts.rejected;
      continue;
    }
    if (current && current->document.key != parsed.document.key) flush();
    if (!current) {
      current.emplace();
      current->document = std::move(parsed.document);
    } else {
      merge_document(current->document, std::move(parsed.document));
    }
    for (auto& actor : parsed.actors) add_actor(*current, std::move(actor));
    current->events.push_back(std::move(parsed.event));
  }
  if (in.bad()) {
    throw IngestError(std::string(name), "read error after line " + std::to_string(line_number));
  }
  if (!seen_record && counts.rejected == 0) {
    throw IngestError(std::string(name), "empty input: no JSON records");
  }
  flush();
  return counts;
}

}  // namespace geokg

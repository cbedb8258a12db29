// geokg core: the domain model, the CAMEO ontology and the event store.
//
// This is the only header other stages include from core/. Everything that
// touches SQL lives behind `Store`; callers see documents, actors and events.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace geokg {

// Root of every error geokg throws. Each stage has its own subclass so the CLI
// can tell a bad input file from a broken store.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The store could not be opened, migrated or written.
class StoreError : public Error {
 public:
  using Error::Error;
};

// Input that violates the domain model: a malformed date, an unknown CAMEO code.
class ModelError : public Error {
 public:
  using Error::Error;
};

// ---------------------------------------------------------------------------
// Dates

enum class DatePrecision : std::uint8_t { Year, Month, Day };

// A calendar date known to year, month or day precision ("2023", "2023-07",
// "2023-07-15"). Invariant: fields below the precision are zero. Six bytes:
// graphs hold two per edge, for millions of edges.
struct EventDate {
  std::int16_t year = 0;  // 1..9999
  std::int8_t month = 0;  // 1..12 when precision >= Month
  std::int8_t day = 0;    // 1..31 when precision == Day
  DatePrecision precision = DatePrecision::Day;

  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" and checks the calendar
  // (2023-02-29 is rejected). Throws ModelError naming the text.
  static EventDate parse(std::string_view text);
  // ISO form at the date's own precision.
  std::string iso() const;
  // First and last day covered, as yyyymmdd integers (20230700 is never made:
  // a month gives 20230701..20230731).
  std::int32_t first_day() const;
  std::int32_t last_day() const;

  // True when the fields keep the invariant above and name a real calendar
  // date (no 2023-02-29). Dates made by hand can be checked with it.
  bool valid() const;

  // Day arithmetic on the proleptic Gregorian calendar. Day counts are days
  // since 1970-01-01 (negative before it). Each throws ModelError for a
  // date of the wrong precision or a result outside the years 1..9999.
  //
  // Requires day precision.
  std::int64_t days_since_epoch() const;
  // The day-precision date `days` days after 1970-01-01.
  static EventDate from_days(std::int64_t days);
  // The date `days` days later (earlier when negative). Requires day precision.
  EventDate add_days(std::int64_t days) const;
  // Day of the week, ISO order from 0 (Monday) to 6 (Sunday). Requires day
  // precision.
  int weekday() const;
  // The date `months` months later (earlier when negative) at the same
  // precision; a day past the end of the new month becomes its last day
  // (2024-01-31 + 1 month = 2024-02-29). Requires month or day precision.
  EventDate add_months(int months) const;

  // Days in `month` of `year`, leap years counted; 0 for a month outside 1..12.
  static int days_in_month(int year, int month);

  friend bool operator==(const EventDate&, const EventDate&) = default;
};

std::string_view to_string(DatePrecision precision);

// ---------------------------------------------------------------------------
// CAMEO ontology

// The four CAMEO quad classes, numbered as GDELT numbers them.
enum class QuadClass : int {
  VerbalCooperation = 1,
  MaterialCooperation = 2,
  VerbalConflict = 3,
  MaterialConflict = 4,
};

std::string_view to_string(QuadClass quad);

// One entry of the CAMEO event codebook. Codes are strings with their
// leading zeros: "04" (root), "042", "0211".
struct EventCodeInfo {
  std::string code;
  std::string label;
  double goldstein = 0.0;
  std::string root() const { return code.substr(0, 2); }
  QuadClass quad() const;
};

// A parsed CAMEO actor code such as "RUSGOV" or "USAMILREB".
struct ActorCode {
  std::string country;  // "RUS"; empty when the code has no country part
  std::string agent;    // first agent part, "GOV"; empty when none
};

// The CAMEO event codebook and actor code tables, compiled into the library
// from data/cameo/. Immutable after construction; share one instance.
class Ontology {
 public:
  // The built-in tables. Throws ModelError if the embedded data is damaged
  // (its version header is checked).
  static const Ontology& builtin();

  // Parses the tables from their file texts; used by builtin() and tests.
  Ontology(std::string_view event_codes_tsv, std::string_view country_codes_tsv,
           std::string_view agent_types_tsv);

  // nullptr when the code is not in the codebook.
  const EventCodeInfo* find_event(std::string_view code) const;
  // Throws ModelError("unknown CAMEO event code ...") when missing.
  const EventCodeInfo& event(std::string_view code) const;
  const std::vector<EventCodeInfo>& events() const { return events_; }

  bool is_country(std::string_view code) const;
  bool is_agent(std::string_view code) const;
  std::string_view country_name(std::string_view code) const;  // "" when unknown
  // Splits an actor code into country and first agent. Unknown 3-letter
  // prefixes are treated as agents ("GOV" alone has no country).
  ActorCode split_actor_code(std::string_view code) const;

  // Version tag of the event codebook, stored with the database so a changed
  // codebook refreshes the copy analysts query.
  const std::string& version() const { return version_; }

 private:
  std::vector<EventCodeInfo> events_;  // sorted by code
  std::map<std::string, std::string, std::less<>> countries_;
  std::map<std::string, std::string, std::less<>> agents_;
  std::string version_;
};

// ---------------------------------------------------------------------------
// Domain model

enum class ActorType { Person, Organization, Country, Place, Group, Unknown };
std::string_view to_string(ActorType type);
// Throws ModelError for anything but the six names of the contract.
ActorType parse_actor_type(std::string_view text);

// A canonical actor. `key` is its stable identity across runs and stores
// ("vladimir-putin"); `code` is its default CAMEO code, which an event may
// override for the date it happened on.
struct Actor {
  std::string key;
  std::string name;
  std::string code;     // "" when unknown
  std::string country;  // CAMEO country part, "" when unknown
  std::string agent;    // CAMEO agent part, "" when none
  ActorType type = ActorType::Unknown;
  std::vector<std::string> aliases;
};

// Turns a name into a stable actor key: lower-cased letters and decimal
// digits (any script, kept as UTF-8) joined by single hyphens. The result is
// always a valid XML name token, so it can serve as a GraphML node id.
std::string make_key(std::string_view name);

enum class Modality { Asserted, Reported, Intended, Hypothetical };
std::string_view to_string(Modality modality);
Modality parse_modality(std::string_view text);  // throws ModelError

// Half-open offsets in Unicode code points into the document text.
struct Span {
  std::int64_t start = 0;
  std::int64_t end = 0;
};

struct Location {
  std::string name;
  std::string country;  // "" when unknown
};

// One actor's part in an event. `code` is the actor's CAMEO code at the time
// of the event (Shoigu was RUSMIL in 2023); "" falls back to the actor's own.
struct Participant {
  std::string actor_key;
  std::string code;
};

// GDELT's own fields of an event read from a GDELT event export
// (docs/gdelt.md). The rest of the row maps to Event, its participants and
// its document.
struct GdeltActorFields {
  std::string country;  // ActorNCountryCode
  std::string type1;    // ActorNType1Code .. Type3Code
  std::string type2;
  std::string type3;
};

struct GdeltFields {
  std::int64_t global_event_id = 0;  // GLOBALEVENTID: the event's identity
  std::string base_code;             // EventBaseCode, with its leading zeros
  std::string root_code;             // EventRootCode
  int quad_class = 0;                // 1..4
  double goldstein = 0.0;
  std::int64_t num_mentions = 0;
  std::int64_t num_sources = 0;
  std::int64_t num_articles = 0;
  double avg_tone = 0.0;
  std::int64_t date_added = 0;  // DATEADDED as YYYYMMDDHHMMSS (1.0's YYYYMMDD gets 000000)
  GdeltActorFields actor1;
  GdeltActorFields actor2;
  std::optional<double> latitude;  // ActionGeo_Lat, ActionGeo_Long
  std::optional<double> longitude;
  std::string file;  // the input it came from, and its 1-based line
  std::int64_t line = 0;
};

// An actor-event-actor triple with its provenance.
struct Event {
  std::optional<Participant> source;
  std::optional<Participant> target;
  std::string code;  // CAMEO event code, e.g. "042"
  std::optional<EventDate> date;
  bool date_inferred = false;  // true when `date` is the publication date
  std::optional<Location> location;
  bool negated = false;
  Modality modality = Modality::Asserted;
  std::optional<int> sentence;  // 0-based sentence index in the document
  std::optional<Span> span;     // the sentence or clause that carries it
  std::string text;             // that sentence's text
  double confidence = 1.0;      // 0..1
  std::string extractor;        // what produced it, with version
  // Set for events read from GDELT. Behind a pointer so that other events
  // stay small (batches hold 100,000 of them); never changed once shared.
  std::shared_ptr<const GdeltFields> gdelt;
};

// A source document. `key` is the external id; `text` may be empty for
// documents known only through pre-extracted events.
struct Document {
  std::string key;
  std::string title;
  std::optional<EventDate> published;
  std::string source;
  std::string url;
  std::string text;
  std::string origin;  // the reader that produced it: "triples", "text", ...
};

// One place in a document's text that refers to an actor: a name, a title
// ("the Russian leader"), a metonym ("the Kremlin") or a resolved pronoun.
struct Mention {
  std::string actor_key;
  std::optional<int> sentence;  // 0-based sentence index
  Span span;                    // code points into Document::text
};

// A document with everything extracted from it; the unit of atomic writes.
// Requires: every Participant::actor_key and Mention::actor_key names an
// actor in `actors` or one already in the store.
struct DocumentRecord {
  Document document;
  std::vector<Actor> actors;
  std::vector<Event> events;
  std::vector<Mention> mentions;
};

// ---------------------------------------------------------------------------
// Actor dictionary

// What a dictionary phrase denotes. Countries, IGOs, persons and groups are
// actors themselves; demonyms, capitals, metonyms and cities point at a
// country; agent words ("defense minister", "rebels") only qualify an actor.
enum class EntryKind {
  Country,       // "Russia": code "RUS"
  Demonym,       // "Russian", "Russians": code "RUS" (adjective and people)
  Capital,       // "Moscow": code "RUS"; also a metonym for its government
  Metonym,       // "Kremlin", "White House": code "RUSGOV", "USAGOV"
  City,          // "Vladivostok": code "RUS"; a place, never a metonym
  Igo,           // "NATO": code "IGOWSTNAT"-style full CAMEO code
  Agent,         // "defense minister": code "MIL"
  Person,        // "Vladimir Putin": code at the role's dates
  Organization,  // other named groups and agencies: "Hamas", "Wagner Group", "FSB"
};
std::string_view to_string(EntryKind kind);
EntryKind parse_entry_kind(std::string_view text);  // throws ModelError

// A dated role of a person: `code` applies on days in [from, until]. An
// open end is "still holds"/"since ever".
struct Role {
  std::string code;
  std::optional<EventDate> from;
  std::optional<EventDate> until;
};

// One dictionary record. `phrases` holds every surface form, the canonical
// name first; matching is case-insensitive and ignores diacritics only where
// an alias says so (list both "Erdogan" and "Erdoğan").
struct DictionaryEntry {
  EntryKind kind = EntryKind::Country;
  std::string code;                  // CAMEO code or agent code; a person with
                                     // roles and no code takes its latest role's
  std::string name;                  // canonical name
  std::vector<std::string> phrases;  // name first, then aliases
  std::vector<Role> roles;           // persons only; may be empty
  std::string source;                // "file:line" it came from, for messages

  // The actor key every mention of this entry resolves to.
  std::string key() const { return make_key(name); }
  // The person's code on `date` (the role covering it; the latest role when
  // no date is known or none covers it; `code` when there are no roles).
  std::string code_on(const std::optional<EventDate>& date) const;
};

// The actor dictionary: countries, IGOs, agents, persons and places.
//
// Files are in the geokg dictionary format (docs/dictionary.md): a
// "# geokg dictionary 1" header, then one tab-separated record per line:
//   kind  code  name  aliases(|-separated)  roles(;-separated "CODE FROM..UNTIL")
// where FROM and UNTIL are YYYY, YYYY-MM or YYYY-MM-DD and either may be empty.
// A later entry with the same kind and key (make_key of the name) replaces an earlier
// one, which is how `--dict` overrides the built-in entries; "-" as the code
// of a later entry deletes it. Immutable once built; share one instance.
class Dictionary {
 public:
  // The dictionary compiled into the library from data/dict/. Parsed once.
  static const Dictionary& builtin();

  Dictionary() = default;
  // Adds a file in the geokg format. Throws ModelError "name:line: message"
  // for a missing or newer version header, a bad kind, code or date.
  void add_geokg(std::string_view text, std::string_view name);
  // Imports a PETRARCH/Phoenix actor dictionary: primary phrase lines,
  // "+synonym" lines, tab-indented "[CODE date-range]" role lines, "!macro!"
  // lines. Underscores join words. Throws ModelError with name:line.
  void add_petrarch_actors(std::string_view text, std::string_view name);
  // Imports a PETRARCH agents dictionary ("PHRASE [~AGENT]" lines, "~AGENT"
  // groups, "!macro!" lines). Throws ModelError with name:line.
  void add_petrarch_agents(std::string_view text, std::string_view name);
  // Reads a file and dispatches on its first line: the geokg header, or a
  // PETRARCH file (agents when it holds "[~" or "~]", actors otherwise).
  // Throws ModelError when the file cannot be read.
  void add_file(const std::string& path);

  const std::vector<DictionaryEntry>& entries() const { return entries_; }

 private:
  void put(DictionaryEntry entry);
  std::vector<DictionaryEntry> entries_;
  std::map<std::pair<EntryKind, std::string>, std::size_t> index_;  // (kind, key) -> entry
};

// ---------------------------------------------------------------------------
// Event lexicon

// One element of a lexicon pattern (docs/lexicon.md).
struct PatternElement {
  enum class Type : std::uint8_t {
    Word,        // a word, matched with its inflections ("met" for "meet")
    Target,      // $T: the target actor slot
    Source,      // $S: the source actor slot
    Possessive,  // 's after a slot: the slot is the possessor
  };
  Type type = Type::Word;
  std::string word;  // lower case; Word only
};

enum class LexiconKind : std::uint8_t { Verb, Noun };

// A phrase that expresses a CAMEO event: "accuse $T of" -> 112.
struct LexiconEntry {
  LexiconKind kind = LexiconKind::Verb;
  std::string code;     // CAMEO event code, in the ontology
  std::string pattern;  // as written, elements separated by single spaces
  std::vector<PatternElement> elements;
  std::size_t head = 0;     // index of the first Word element: the trigger
  bool reciprocal = false;  // a plural subject without a target: each way
  bool place = false;       // a place in $T stands for its country
  bool speech = false;      // a reporting verb
  std::string source;       // "file:line" it came from, for --explain

  bool has(PatternElement::Type type) const;
};

// The event lexicon: which patterns code which CAMEO events.
//
// Files are in the geokg event-lexicon format (docs/lexicon.md): a
// "# geokg event-lexicon 1" header, then "kind<TAB>code<TAB>pattern[<TAB>flags]"
// records. A later entry with the same kind and pattern replaces an earlier
// one; the code "-" deletes it. Immutable once built; share one instance.
class EventLexicon {
 public:
  // data/lexicon/events.tsv, compiled into the library. Parsed once.
  static const EventLexicon& builtin();

  EventLexicon() = default;
  // Adds the records of one file's text. Throws ModelError "name:line:
  // message" for a missing or newer version header, a bad kind, an event code
  // not in `ontology`, a malformed pattern or an unknown flag.
  void add(std::string_view text, std::string_view name,
           const Ontology& ontology = Ontology::builtin());
  // Reads and adds a file. Throws ModelError naming the path when unreadable.
  void add_file(const std::string& path, const Ontology& ontology = Ontology::builtin());

  // In file order, later files after earlier ones.
  const std::vector<LexiconEntry>& entries() const { return entries_; }

 private:
  void put(LexiconEntry entry);
  std::vector<LexiconEntry> entries_;
  std::map<std::pair<LexiconKind, std::string>, std::size_t> index_;  // (kind, pattern) -> entry
};

// ---------------------------------------------------------------------------
// Store

// What became of one DocumentRecord in Store::write.
struct WriteOutcome {
  enum class Status {
    Added,      // a new document
    Extended,   // the document existed; new events were added to it
    Unchanged,  // everything in it was already stored
    Duplicate,  // another document has the same content hash
    Rejected,   // nothing of it was written; see `message`
  };
  Status status = Status::Added;
  std::int64_t document_id = 0;
  std::int64_t events_added = 0;
  std::int64_t actors_added = 0;
  std::int64_t mentions_added = 0;
  // GDELT events already stored that this record saw with more mentions.
  std::int64_t events_updated = 0;
  std::string message;
};

// Actors that a query treats as one node: the actors with these keys, plus
// every actor whose stored CAMEO country is one of `countries` (the country
// roll-up: RUSGOV and RUSMIL are both in {countries: {"RUS"}}).
struct ActorSet {
  std::vector<std::string> keys;
  std::vector<std::int64_t> ids;  // actor row ids
  std::vector<std::string> countries;
  bool empty() const { return keys.empty() && ids.empty() && countries.empty(); }
};

// Filters shared by graph building and exports. Empty vectors mean "any";
// inside one vector alternatives are OR-ed, different fields are AND-ed.
struct EventFilter {
  std::optional<EventDate> since;  // events whose date range overlaps
  std::optional<EventDate> until;  //   [since.first_day, until.last_day]
  std::vector<std::string> codes;  // code prefixes: "04" (root) or "042"
  std::vector<QuadClass> quads;
  std::vector<std::string> actors;     // actor keys: source or target
  std::vector<std::string> countries;  // CAMEO country of source or target
  // geokg query's filters; an empty set means any.
  ActorSet participants;  // the source or the target is in the set
  ActorSet sources;       // the source is in the set
  ActorSet targets;       // the target is in the set
  // One end in each set, in either direction (relations A B).
  std::optional<std::pair<ActorSet, ActorSet>> between;
  std::vector<std::string> documents;  // document keys
  std::string text;                    // the sentence contains it, ASCII case ignored
};

// One stored event as the graph stage reads it.
struct EventRow {
  std::int64_t id = 0;
  std::string document_key;
  std::string code;
  std::optional<EventDate> date;
  std::int64_t source_actor = 0;  // actor row id, 0 when none
  std::int64_t target_actor = 0;
  std::string source_code;  // participant code at the event's date
  std::string target_code;
  std::optional<int> sentence;
  bool negated = false;
  Modality modality = Modality::Asserted;
};

// One stored actor with its row id.
struct ActorRow {
  std::int64_t id = 0;
  Actor actor;
};

// An actor found by Store::search_actors.
struct ActorMatch {
  ActorRow row;               // aliases filled
  int rank = 0;               // 0 exact key, name, alias or code; 1 a word starts with
                              // the text; 2 contains it
  std::int64_t events = 0;    // events it takes part in
  std::int64_t mentions = 0;  // places in articles' text that name or refer to it
};

// What Store::search_actors found: the best `limit` matches, and how many
// actors match in all.
struct ActorSearch {
  std::vector<ActorMatch> matches;
  std::int64_t total = 0;
};

// One end of an EventDetail; `actor` is 0 when the event has no such end.
struct EventEnd {
  std::int64_t actor = 0;
  std::string key;
  std::string name;
  std::string code;     // the participant's code at the event's date
  std::string country;  // the actor's stored CAMEO country
};

// One stored event with what a reader needs: names, label and sentence.
struct EventDetail {
  std::int64_t id = 0;
  std::string document;
  std::optional<EventDate> date;
  const EventCodeInfo* event = nullptr;  // into the store's Ontology
  EventEnd source;
  EventEnd target;
  bool negated = false;
  Modality modality = Modality::Asserted;
  double confidence = 1.0;
  std::string location;
  std::string text;  // the sentence, "" when unknown
};

// What Store::for_each_link tells of each link's other end.
enum class LinkOther {
  Id,         // its row id only; other_key and other_country stay empty
  Described,  // also its key and country, at the cost of an actor lookup per link
};

// An event seen from one of its participants, with the other one.
struct EventLink {
  std::int64_t event_id = 0;
  std::int64_t actor = 0;     // the participant asked about
  std::int64_t other = 0;     // the other participant
  std::string other_key;      // with LinkOther::Described
  std::string other_country;  // the other's stored CAMEO country, "" when none
                              // (with LinkOther::Described)
  bool outgoing = true;       // `actor` is the source
  const EventCodeInfo* event = nullptr;
  std::optional<EventDate> date;
};

struct StoreStats {
  int schema_version = 0;
  std::int64_t documents = 0;
  std::int64_t actors = 0;
  std::int64_t aliases = 0;
  std::int64_t mentions = 0;
  std::int64_t events = 0;
  std::optional<EventDate> first_date;
  std::optional<EventDate> last_date;
  std::vector<std::pair<std::string, std::int64_t>> events_by_root;  // root, count
  std::vector<std::pair<std::string, std::int64_t>> top_actors;      // name, events
};

// The persistent home of documents, actors and events.
//
// Guarantees: each DocumentRecord is written atomically, whatever happens to
// the process; writing the same record twice changes nothing. Implementations
// are not thread-safe: use one Store per thread.
class Store {
 public:
  virtual ~Store() = default;

  // Writes each record in its own savepoint inside one transaction, so a
  // rejected record leaves no trace and the good ones still commit.
  // Ensures: result[i] describes records[i].
  virtual std::vector<WriteOutcome> write(std::span<const DocumentRecord> records) = 0;

  // Streams actors in key order.
  virtual void for_each_actor(const std::function<void(const ActorRow&)>& visit) const = 0;
  // Streams the events that pass `filter` in id order. Requires: the actor
  // keys in the filter exist (throws StoreError naming the unknown one).
  virtual void for_each_event(const EventFilter& filter,
                              const std::function<void(const EventRow&)>& visit) const = 0;

  // Starts a read snapshot: until end_snapshot(), every read sees the store
  // as it was at the first read, whatever other processes commit meanwhile.
  // Requires: no write in between. Prefer the ReadSnapshot guard. Snapshots
  // nest: an inner one shares the outer one's view.
  virtual void begin_snapshot() const = 0;
  virtual void end_snapshot() const = 0;

  virtual std::optional<ActorRow> find_actor(std::string_view key) const = 0;
  // Actors whose name or one of whose aliases equals `name`, ignoring ASCII
  // case, in key order.
  virtual std::vector<ActorRow> find_actors_named(std::string_view name) const = 0;
  virtual StoreStats stats() const = 0;

  // Analyst queries (geokg query). They answer from indexes: their cost grows
  // with the events of the actors asked about, not with the store, except
  // for_each_pair and an empty search. The defaults throw StoreError ("not
  // supported"), so other stores need not provide them.

  // Actors whose key, name, alias or default code contains `text`, ignoring
  // ASCII case; every actor when `text` is empty. Best first: by rank, then
  // most events, then key. At most `limit` (0: no limit).
  virtual ActorSearch search_actors(std::string_view text, std::size_t limit) const;
  // Actors whose default code equals `code`, ignoring ASCII case, in key order.
  virtual std::vector<ActorRow> find_actors_coded(std::string_view code) const;
  // Actor rows for row ids, in the order asked (aliases not filled); ids
  // not stored are left out.
  virtual std::vector<ActorRow> actors_by_id(std::span<const std::int64_t> ids) const;
  // Row ids of the actors in `set`, ascending. Throws StoreError for an unknown key.
  virtual std::vector<std::int64_t> actor_ids(const ActorSet& set) const;
  // Streams the events that pass `filter`, by first day (undated last), then
  // id; at most `limit` (0: all).
  virtual void for_each_event_detail(const EventFilter& filter, std::size_t limit,
                                     const std::function<void(const EventDetail&)>& visit) const;
  // Number of events that pass `filter`.
  virtual std::int64_t count_events(const EventFilter& filter) const;
  // For each actor of `actors` in turn, the events passing `filter` that link
  // it to another participant (both ends present), by the other's row id,
  // then event id. `other` says whether each link names the other's key
  // and country or only its row id.
  virtual void for_each_link(std::span<const std::int64_t> actors, const EventFilter& filter,
                             LinkOther other,
                             const std::function<void(const EventLink&)>& visit) const;
  // Source and target row ids of every event passing `filter` that has
  // both, in event id order. Reads the whole store.
  virtual void for_each_pair(
      const EventFilter& filter,
      const std::function<void(std::int64_t source, std::int64_t target)>& visit) const;
};

enum class OpenMode {
  Create,     // create the database when the file does not exist (ingest)
  MustExist,  // refuse a missing file, so a mistyped path creates nothing
};

// Holds a read snapshot of `store` for its lifetime, so several reads (the
// actors, then the events) agree with each other during concurrent ingests.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(const Store& store) : store_(store) { store_.begin_snapshot(); }
  ~ReadSnapshot() { store_.end_snapshot(); }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  const Store& store_;
};

// Opens a SQLite store at `path` and migrates its schema to the current
// version. Throws StoreError when the file is missing (MustExist), is not a
// geokg database, or was written by a newer geokg.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, OpenMode mode = OpenMode::Create,
                                         const Ontology& ontology = Ontology::builtin());

// The schema version this build writes.
int current_schema_version();

}  // namespace geokg

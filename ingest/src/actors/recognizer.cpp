#include "actors/recognizer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

namespace geokg::actors {
namespace {

using text::Token;

bool in_list(std::string_view word, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Membership in a long word list, by hash.
class WordSet {
 public:
  explicit WordSet(std::span<const std::string_view> words) : words_(words.begin(), words.end()) {}
  bool contains(std::string_view word) const { return words_.contains(word); }

 private:
  std::unordered_set<std::string_view> words_;
};

// Capitalised words that never start a name: function words that open
// sentences, calendar words, courtesy titles, title modifiers and
// quantities ("Hundreds of Russian troops").
constexpr std::array<std::string_view, 119> kNotNames{
    "the",       "a",         "an",     "he",       "she",    "it",        "they",     "we",
    "i",         "you",       "his",    "her",      "its",    "their",     "our",      "my",
    "your",      "this",      "that",   "these",    "those",  "in",        "on",       "at",
    "for",       "with",      "by",     "from",     "to",     "of",        "as",       "but",
    "and",       "or",        "if",     "when",     "while",  "after",     "before",   "since",
    "even",      "although",  "though", "because",  "so",     "yet",       "also",     "however",
    "meanwhile", "still",     "then",   "there",    "here",   "what",      "who",      "which",
    "where",     "why",       "how",    "no",       "not",    "yes",       "some",     "many",
    "most",      "all",       "both",   "each",     "every",  "any",       "mr.",      "mrs.",
    "ms.",       "dr.",       "mr",     "mrs",      "ms",     "dr",        "sir",      "former",
    "acting",    "deputy",    "vice",   "senior",   "top",    "new",       "monday",   "tuesday",
    "wednesday", "thursday",  "friday", "saturday", "sunday", "january",   "february", "march",
    "april",     "may",       "june",   "july",     "august", "september", "october",  "november",
    "december",  "jan.",      "feb.",   "aug.",     "sept.",  "oct.",      "nov.",     "dec.",
    "hundreds",  "thousands", "dozens", "millions", "scores", "several",   "dozen"};

// Words between "the" and a title that keep it definite: "the first
// Russian defense minister".
constexpr std::array<std::string_view, 6> kOrdinals{"first",  "new",  "current",
                                                    "former", "late", "same"};

// Lower-case words allowed inside a multi-word name ("Bank of England").
constexpr std::array<std::string_view, 14> kNameConnectors{
    "of", "for", "de", "del", "da", "al", "bin", "ibn", "von", "van", "der", "la", "le", "du"};

// Words that make a capitalised name an organisation or a place.
constexpr std::array<std::string_view, 58> kOrganizationWords{
    "council",     "institute",  "forum",      "times",      "press",        "agency",
    "ministry",    "party",      "bank",       "union",      "organization", "organisation",
    "association", "university", "committee",  "commission", "corporation",  "company",
    "group",       "front",      "army",       "movement",   "network",      "news",
    "post",        "journal",    "foundation", "center",     "centre",       "service",
    "office",      "department", "court",      "assembly",   "parliament",   "congress",
    "fund",        "programme",  "program",    "federation", "league",       "alliance",
    "brigade",     "brigades",   "forces",     "guard",      "corps",        "inc.",
    "corp.",       "ltd.",       "co.",        "authority",  "bureau",       "academy",
    "school",      "channel",    "television", "radio"};
constexpr std::array<std::string_view, 30> kPlaceWords{
    "peninsula", "sea",    "river",   "island", "islands", "mountain", "mountains", "province",
    "region",    "oblast", "strait",  "gulf",   "ocean",   "valley",   "bay",       "lake",
    "desert",    "coast",  "street",  "square", "airport", "port",     "county",    "district",
    "city",      "plain",  "heights", "canal",  "harbor",  "harbour"};
constexpr std::array<std::string_view, 14> kLocatives{
    "in",     "at",     "near",   "from",    "to",  "into",    "outside",
    "around", "across", "toward", "towards", "via", "through", "inside"};
constexpr std::array<std::string_view, 8> kSpeechVerbs{"said",   "says",      "told",  "added",
                                                       "stated", "announced", "noted", "warned"};

// Agent words naming collectives rather than one person: a title before
// them never refers back to a person ("Russian troops").
bool is_collective(std::string_view folded) {
  static constexpr std::array<std::string_view, 22> kCollective{
      "military",        "army",        "navy",   "police",    "government",
      "parliament",      "opposition",  "court",  "cabinet",   "media",
      "administration",  "regime",      "forces", "air force", "authorities",
      "legislature",     "congress",    "senate", "judiciary", "ministry",
      "security forces", "intelligence"};
  if (in_list(folded, kCollective)) return true;
  return folded.size() > 3 && folded.back() == 's' && folded[folded.size() - 2] != 's';
}

int count_word(std::string_view folded) {
  if (folded == "two" || folded == "both") return 2;
  if (folded == "three") return 3;
  if (folded == "four") return 4;
  return 0;
}

bool is_not_name(std::string_view folded) {
  static const WordSet words(kNotNames);
  return words.contains(folded);
}

bool is_capital_word(const Token& token) {
  return token.kind == text::TokenKind::Word &&
         (token.flags & (text::kCapitalized | text::kAllCaps)) != 0;
}

// The word after the last hyphen of a word token ("based" in
// "Britain-based"), or empty.
std::string_view hyphen_suffix(std::string_view text, const Token& token) {
  if (token.kind != text::TokenKind::Word) return {};
  const auto word = text.substr(token.begin, token.end - token.begin);
  const auto dash = word.rfind('-');
  return dash == std::string_view::npos ? std::string_view() : word.substr(dash + 1);
}

// "Britain-based", "United Nations-backed", "Virginia-class": a name turned
// into an adjective names no actor of its own.
bool is_hyphenated_modifier(std::string_view text, const Token& token) {
  static constexpr std::array<std::string_view, 26> kSuffixes{
      "based",    "backed",   "led",        "administered", "born",      "class",  "style",
      "made",     "brokered", "controlled", "occupied",     "held",      "allied", "aligned",
      "funded",   "owned",    "run",        "sponsored",    "supported", "linked", "affiliated",
      "friendly", "bound",    "era",        "type",         "sized"};
  const auto suffix = hyphen_suffix(text, token);
  return !suffix.empty() && in_list(suffix, kSuffixes);
}

// Of those, the ones after which what follows is not the name's own: an
// "Iran-backed militia" is no Iranian militia, a "Moscow-based diplomat"
// no Russian one and "The Hague-based court" no Dutch court. A "Saudi-led
// coalition" or a "Hamas-run ministry" is the name's own.
bool is_detached_modifier(std::string_view text, const Token& token) {
  static constexpr std::array<std::string_view, 13> kSuffixes{
      "based",    "backed", "funded",     "sponsored", "supported", "allied", "aligned",
      "friendly", "linked", "affiliated", "brokered",  "born",      "bound"};
  const auto suffix = hyphen_suffix(text, token);
  return !suffix.empty() && in_list(suffix, kSuffixes);
}

// Arabic name particles written in lower case: "al-Burhan", "el-Sisi".
bool is_particle_name(std::string_view text, const Token& token) {
  if (token.kind != text::TokenKind::Word || token.end - token.begin < 4) return false;
  const auto word = text.substr(token.begin, token.end - token.begin);
  for (const std::string_view prefix : {"al-", "el-", "ad-", "as-", "an-", "ash-", "bin-"}) {
    if (word.starts_with(prefix) && word.size() > prefix.size() &&
        std::isupper(static_cast<unsigned char>(word[prefix.size()]))) {
      return true;
    }
  }
  return false;
}

constexpr std::array<std::string_view, 2> kCoordinators{"and", "or"};
constexpr std::array<std::string_view, 3> kArticles{"the", "a", "an"};
// Prepositions after a title that name its post: "ambassador to Germany".
constexpr std::array<std::string_view, 4> kTitlePrepositions{"to", "in", "for", "at"};

// Definite nouns that refer back to a group ("the group", "the militia")
// or to a bloc of states ("the bloc", "the alliance").
constexpr std::array<std::string_view, 6> kGroupNouns{"group",        "militia",      "movement",
                                                      "organisation", "organization", "faction"};
constexpr std::array<std::string_view, 2> kBlocNouns{"bloc", "alliance"};
// Definite nouns that refer back to an institution whose name ends in them:
// "the court" after the International Criminal Court, "the ministry" after
// Russia's defence ministry.
constexpr std::array<std::string_view, 9> kInstitutionNouns{"court",     "tribunal",   "ministry",
                                                            "agency",    "council",    "commission",
                                                            "committee", "parliament", "watchdog"};
constexpr std::array<std::string_view, 7> kSmallNumbers{"two",   "three", "four",  "five",
                                                        "seven", "eight", "twenty"};

bool is_pronoun(std::string_view folded, bool& personal) {
  static constexpr std::array<std::string_view, 5> kPersonal{"he", "his", "him", "she", "her"};
  static constexpr std::array<std::string_view, 2> kNeuter{"it", "its"};
  personal = in_list(folded, kPersonal);
  return personal || in_list(folded, kNeuter);
}

int kind_rank(EntryKind kind) {
  switch (kind) {
    case EntryKind::Person:
      return 0;
    case EntryKind::Igo:
      return 1;
    case EntryKind::Organization:
      return 2;
    case EntryKind::Metonym:
      return 3;
    case EntryKind::Country:
      return 4;
    case EntryKind::Demonym:
      return 5;
    case EntryKind::Capital:
      return 6;
    case EntryKind::City:
      return 7;
    case EntryKind::Agent:
      return 8;
  }
  return 9;
}

// The entry a phrase stands for when it names several: a person before an
// IGO before an organisation before a country... (kind_rank). Agent
// readings are left out; nullptr when there are only those.
const DictionaryEntry* best_entry(const Dictionary& dictionary,
                                  std::span<const std::uint32_t> entries) {
  const DictionaryEntry* best = nullptr;
  for (const auto id : entries) {
    const auto& entry = dictionary.entries()[id];
    if (entry.kind == EntryKind::Agent) continue;
    if (!best || kind_rank(entry.kind) < kind_rank(best->kind)) best = &entry;
  }
  return best;
}

// The first agent reading of a phrase, or nullptr.
const DictionaryEntry* agent_entry(const Dictionary& dictionary,
                                   std::span<const std::uint32_t> entries) {
  for (const auto id : entries) {
    const auto& entry = dictionary.entries()[id];
    if (entry.kind == EntryKind::Agent) return &entry;
  }
  return nullptr;
}

// What one stretch of a sentence is.
enum class ItemKind { Entry, Name };

struct Item {
  ItemKind kind = ItemKind::Name;
  std::uint32_t first = 0;  // token indexes, half-open
  std::uint32_t last = 0;
  const DictionaryEntry* entry = nullptr;  // best entry (Entry items)
  const DictionaryEntry* agent = nullptr;  // an agent reading of the same phrase, if any
  std::uint32_t byte_end = 0;              // when not 0: the item ends inside its last token
  bool detached = false;  // "Iran-backed", "Moscow-based": owns no title or agent after it
};

// Document-wide state while resolving references.
struct DocumentState {
  RecognizedActors result;
  std::unordered_map<std::string, std::uint32_t> by_key;  // actor key -> index
  std::vector<std::uint64_t> last_seen;                   // per actor: order of last mention
  std::uint64_t clock = 0;
  // First and last tokens of person names -> the first person introduced
  // with them. Two people sharing a surname keep their full names apart.
  std::unordered_map<std::string, std::uint32_t> short_names;
  // Per actor: the title words it was introduced with ("president",
  // "spokesman"), so "the two leaders" finds leaders, not spokesmen.
  std::vector<std::vector<std::string>> titles;
};

// The CAMEO agent of a state body named without a dictionary entry:
// "National Assembly" LEG, "Supreme Court" JUD, "Black Sea Fleet" MIL.
std::string_view institution_agent(std::span<const Token> words) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kHeads{
      {{"assembly", "LEG"},    {"parliament", "LEG"},
       {"congress", "LEG"},    {"senate", "LEG"},
       {"duma", "LEG"},        {"knesset", "LEG"},
       {"legislature", "LEG"}, {"representatives", "LEG"},
       {"commons", "LEG"},     {"lords", "LEG"},
       {"court", "JUD"},       {"tribunal", "JUD"},
       {"army", "MIL"},        {"navy", "MIL"},
       {"fleet", "MIL"},       {"forces", "MIL"},
       {"corps", "MIL"},       {"staff", "MIL"},
       {"command", "MIL"},     {"guard", "MIL"},
       {"police", "COP"},      {"ministry", "GOV"},
       {"cabinet", "GOV"},     {"government", "GOV"},
       {"council", "GOV"},     {"committee", "GOV"},
       {"commission", "GOV"},  {"presidency", "GOV"},
       {"directorate", "GOV"}, {"service", "SPY"}}};
  bool defence = false, intelligence = false;
  std::string_view found, head_word;
  for (const auto& word : words) {
    if (word.folded == "defense" || word.folded == "defence" || word.folded == "military") {
      defence = true;
    }
    if (word.folded == "intelligence" || word.folded == "security") intelligence = true;
    for (const auto& [head, agent] : kHeads) {
      if (word.folded == head) {
        found = agent;
        head_word = head;
      }
    }
  }
  // "Defence Ministry" is the military's; a "Security and Defence
  // Council" is the government's. A service is intelligence only as a
  // "security" or "intelligence service".
  if (head_word == "ministry" && defence) return "MIL";
  if (head_word == "service" && !intelligence) return {};
  return found;
}

// Whether one of a dictionary person's dated roles has this code.
bool holds_role(const DictionaryEntry& entry, std::string_view code) {
  return !code.empty() && std::any_of(entry.roles.begin(), entry.roles.end(),
                                      [&](const Role& role) { return role.code == code; });
}

// Titles of heads of state or government: "the leader" may refer to any.
bool is_leader_title(std::string_view title) {
  static constexpr std::array<std::string_view, 16> kLeaders{
      "leader",         "leaders",         "president", "presidents",
      "prime minister", "prime ministers", "premier",   "chancellor",
      "king",           "queen",           "emir",      "head of state",
      "supreme leader", "dictator",        "emperor",   "sultan"};
  return in_list(title, kLeaders);
}

// Singular and plural of a title compare equal ("leader", "leaders").
std::string_view singular(std::string_view title) {
  if (title.size() > 3 && title.back() == 's' && title[title.size() - 2] != 's') {
    title.remove_suffix(1);
  }
  return title;
}

// Whether a person known by `titles` (the titles it was introduced with)
// and `code_agent` fits a title reference with `agent` and `title`: the
// same title (any head-of-state title for "leader"), or, for a person
// introduced without one, the title's agent code.
bool fits_title(std::span<const std::string> titles, std::string_view code_agent,
                std::string_view agent, std::string_view title) {
  if (titles.empty()) return agent.empty() || code_agent == agent;
  return std::any_of(titles.begin(), titles.end(), [&](const std::string& known) {
    return singular(known) == singular(title) || (is_leader_title(known) && is_leader_title(title));
  });
}

// IGO names that are also the names of national bodies.
constexpr std::array<std::string_view, 4> kGenericIgoNames{
    "security council", "general assembly", "human rights council", "constitutional court"};

// Words after which a clause's subject follows: "said its forces ...".
constexpr std::array<std::string_view, 10> kClauseOpeners{
    "said", "says", "that", ",", "but", "while", "and", "when", "after", "because"};

// Nouns for the states of a region: "Western allies", "Asian nations".
constexpr std::array<std::string_view, 8> kRegionalStates{
    "allies", "countries", "nations", "powers", "partners", "democracies", "states", "capitals"};

// CAMEO region codes: a demonym such as "Asian" names no actor.
bool is_region(std::string_view code) {
  static constexpr std::array<std::string_view, 24> kRegions{
      "AFR", "ASA", "BLK", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
      "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST"};
  return in_list(code, kRegions);
}

// Agent words that also work as adjectives: "military exercises",
// "government forces" name no actor.
bool used_as_adjective(std::span<const Token> tokens, std::uint32_t next, std::uint32_t end) {
  static constexpr std::array<std::string_view, 40> kNotNouns{
      "said", "says",  "say",   "has",   "had", "have",  "is",     "was",  "were", "are",
      "will", "would", "could", "can",   "may", "might", "should", "must", "did",  "does",
      "do",   "and",   "or",    "of",    "in",  "on",    "at",     "to",   "for",  "with",
      "by",   "from",  "that",  "which", "who", "also",  "not",    "as",   "into", "against"};
  if (next >= end) return false;
  const auto& token = tokens[next];
  // "military or economic coercion", "military and political support":
  // coordinated with another adjective before the noun.
  static constexpr std::array<std::string_view, 12> kCoordinatedAdjectives{
      "economic",   "political", "diplomatic", "financial",    "humanitarian", "technical",
      "logistical", "moral",     "material",   "intelligence", "civilian",     "security"};
  if ((token.folded == "and" || token.folded == "or") && next + 2 < end &&
      in_list(tokens[next + 1].folded, kCoordinatedAdjectives) &&
      tokens[next + 2].kind == text::TokenKind::Word &&
      !(tokens[next + 2].flags & text::kCapitalized)) {
    return true;
  }
  // "the army's operation": a possessive follows a noun.
  if (token.kind != text::TokenKind::Word ||
      (token.flags & (text::kCapitalized | text::kAllCaps | text::kPossessive))) {
    return false;
  }
  if (in_list(token.folded, kNotNouns)) return false;
  // Verbs in the past tense or third person follow a subject, not an
  // adjective: "the army struck", "the military shelled".
  static constexpr std::array<std::string_view, 44> kIrregularPast{
      "struck", "shot",     "hit",     "sent", "fought", "took",    "began",  "led",   "held",
      "fled",   "withdrew", "overran", "sank", "shut",   "brought", "caught", "beat",  "drove",
      "broke",  "spoke",    "told",    "made", "gave",   "won",     "lost",   "kept",  "stood",
      "came",   "went",     "ran",     "saw",  "found",  "built",   "rose",   "fell",  "blew",
      "threw",  "flew",     "stole",   "met",  "swept",  "knew",    "drew",   "became"};
  const auto& word = token.folded;
  if (in_list(word, kIrregularPast)) return false;
  if (word.size() > 3 && (word.ends_with("ed") || word.ends_with("es"))) return false;
  return true;
}

}  // namespace

Recognizer::Recognizer(const Dictionary& dictionary, const PhraseIndex& index,
                       const Ontology& ontology)
    : dictionary_(dictionary), index_(index), ontology_(ontology) {
  const auto& entries = dictionary_.entries();
  for (std::uint32_t i = 0; i < entries.size(); ++i) {
    const auto& entry = entries[i];
    if (entry.kind == EntryKind::Country) {
      // Several entries may share a code (the US and its outlying islands):
      // the one the CAMEO table names wins.
      auto [it, inserted] = country_entry_.try_emplace(entry.code, i);
      if (!inserted && entry.name == ontology_.country_name(entry.code)) it->second = i;
    }
    if (entry.kind == EntryKind::Demonym) adjective_.try_emplace(entry.code, entry.name);
  }
}

Actor Recognizer::role_actor(std::string_view country, std::string_view agent,
                             std::string_view role, ActorType type) const {
  Actor actor;
  const auto adjective = adjective_.find(std::string(country));
  actor.name = (adjective != adjective_.end() ? adjective->second
                                              : std::string(ontology_.country_name(country))) +
               " " + std::string(role);
  actor.key = make_key(actor.name);
  actor.type = type;
  return with_code(std::move(actor), std::string(country) + std::string(agent));
}

Actor Recognizer::with_code(Actor actor, std::string code) const {
  const auto parts = ontology_.split_actor_code(code);
  actor.country = parts.country;
  actor.agent = parts.agent;
  actor.code = std::move(code);
  return actor;
}

Actor Recognizer::country_actor(std::string_view code) const {
  Actor actor;
  const auto found = country_entry_.find(std::string(code));
  if (found != country_entry_.end()) {
    const auto& entry = dictionary_.entries()[found->second];
    actor.name = entry.name;
    actor.aliases.assign(entry.phrases.begin() + 1, entry.phrases.end());
  } else {
    actor.name = std::string(ontology_.country_name(code));
    if (actor.name.empty()) actor.name = std::string(code);
  }
  actor.key = make_key(actor.name);
  actor.code = std::string(code);
  actor.country = std::string(code);
  actor.type = ActorType::Country;
  return actor;
}

RecognizedActors Recognizer::recognize(std::string_view text,
                                       const text::Segmentation& segmentation,
                                       const std::optional<EventDate>& date) const {
  const auto& tokens = segmentation.tokens;
  DocumentState state;

  auto span_text = [&](std::uint32_t first, std::uint32_t last) {
    return std::string(
        text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin));
  };

  // Capitalised words seen inside sentences: a sentence-initial capitalised
  // word is a name only if it also appears capitalised elsewhere.
  std::unordered_set<std::string_view> inner_capitals;
  for (const auto& sentence : segmentation.sentences) {
    bool first = true;
    for (auto t = sentence.first_token; t < sentence.end_token; ++t) {
      if (tokens[t].kind != text::TokenKind::Word) continue;
      if (!first && is_capital_word(tokens[t])) inner_capitals.insert(tokens[t].folded);
      first = false;
    }
  }

  auto intern = [&](Actor actor) -> std::uint32_t {
    auto [it, inserted] =
        state.by_key.try_emplace(actor.key, static_cast<std::uint32_t>(state.result.actors.size()));
    if (inserted) {
      state.result.actors.push_back(std::move(actor));
      state.last_seen.push_back(0);
      state.titles.emplace_back();
    } else {
      auto& known = state.result.actors[it->second];
      if (known.code.empty() && !actor.code.empty()) {
        known.code = actor.code;
        known.country = actor.country;
        known.agent = actor.agent;
      }
    }
    return it->second;
  };
  auto mention = [&](std::uint32_t actor, std::uint32_t begin, std::uint32_t end,
                     std::uint32_t sentence) {
    state.result.mentions.push_back({actor, begin, end, sentence});
    state.last_seen[actor] = ++state.clock;
  };
  auto with_code = [&](Actor actor, const std::string& code) {
    return this->with_code(std::move(actor), code);
  };
  auto entry_actor = [&](const DictionaryEntry& entry) {
    if (entry.kind == EntryKind::Country || entry.kind == EntryKind::Demonym ||
        entry.kind == EntryKind::Capital) {
      return country_actor(entry.code);
    }
    Actor actor;
    actor.key = entry.key();
    actor.name = entry.name;
    actor.aliases.assign(entry.phrases.begin() + 1, entry.phrases.end());
    switch (entry.kind) {
      case EntryKind::Person:
        actor.type = ActorType::Person;
        break;
      case EntryKind::Organization:
        actor.type = ActorType::Group;
        break;
      default:
        actor.type = ActorType::Organization;
        break;
    }
    return with_code(std::move(actor),
                     entry.kind == EntryKind::Person ? entry.code_on(date) : entry.code);
  };
  auto remember_person = [&](std::uint32_t actor_index) {
    const auto words = text::fold_phrase(state.result.actors[actor_index].name);
    if (words.size() < 2) return;
    state.short_names.try_emplace(words.front(), actor_index);
    state.short_names.try_emplace(words.back(), actor_index);
    // "al-Burhan" is also called "Burhan".
    if (const auto dash = words.back().find('-'); dash != std::string::npos && dash <= 3) {
      state.short_names.try_emplace(words.back().substr(dash + 1), actor_index);
    }
  };
  // The persons seen so far who fit a title (and country, when given), most
  // recent first: those introduced with the same title (any leader title
  // for "leader"), or else, for persons introduced without one, those whose
  // code has the title's agent.
  auto persons_titled = [&](std::string_view country, std::string_view agent,
                            std::string_view title) {
    std::vector<std::uint32_t> found;
    for (std::uint32_t a = 0; a < state.result.actors.size(); ++a) {
      const auto& actor = state.result.actors[a];
      if (actor.type != ActorType::Person || state.last_seen[a] == 0) continue;
      if (!country.empty() && actor.country != country) continue;
      const bool fits = fits_title(state.titles[a], actor.agent, agent, title);
      if (fits) found.push_back(a);
    }
    std::sort(found.begin(), found.end(), [&](std::uint32_t a, std::uint32_t b) {
      return state.last_seen[a] > state.last_seen[b];
    });
    return found;
  };
  auto recent_countries = [&]() {
    std::vector<std::uint32_t> found;
    for (std::uint32_t a = 0; a < state.result.actors.size(); ++a) {
      if (state.result.actors[a].type == ActorType::Country && state.last_seen[a] != 0) {
        found.push_back(a);
      }
    }
    std::sort(found.begin(), found.end(), [&](std::uint32_t a, std::uint32_t b) {
      return state.last_seen[a] > state.last_seen[b];
    });
    return found;
  };

  struct Pending {
    std::uint32_t first, last, sentence;
  };
  std::vector<Pending> pending_names;  // unknown names resolved after the pass
  // "Kurt Campbell, the U.S. deputy secretary of state": the code a title in
  // apposition gives the unknown name before it, by its first token.
  std::unordered_map<std::uint32_t, std::string> apposition_codes;

  std::vector<std::vector<Item>> sentence_items;
  std::unordered_map<std::string, std::string> acronyms;  // "afd" -> "alternative-for-germany"
  sentence_items.reserve(segmentation.sentences.size());
  for (std::uint32_t s = 0; s < segmentation.sentences.size(); ++s) {
    const auto& sentence = segmentation.sentences[s];
    const std::uint32_t end = sentence.end_token;

    // Headlines in title case or capitals: every content word is
    // capitalised, so capitalisation says nothing about names there. Any
    // lower-case content word shows the sentence is ordinary prose.
    bool capitalisation_informative = false;
    std::uint32_t first_word = end;
    for (auto t = sentence.first_token; t < end; ++t) {
      const auto& token = tokens[t];
      if (token.kind != text::TokenKind::Word) continue;
      if (first_word == end) first_word = t;
      if (!is_capital_word(token) && token.folded.size() > 3) capitalisation_informative = true;
    }

    // 1. Dictionary phrases and runs of capitalised unknown words.
    std::vector<Item> items;
    for (auto t = sentence.first_token; t < end;) {
      const auto match = index_.longest(tokens, t, end);
      if (match.length > 0) {
        Item item{ItemKind::Entry, t, t + match.length, nullptr, nullptr, 0};
        item.entry = best_entry(dictionary_, match.entries);
        item.agent = agent_entry(dictionary_, match.entries);
        if (!item.entry) item.entry = item.agent;
        items.push_back(item);
        t += match.length;
        continue;
      }
      const Token& token = tokens[t];
      if (is_hyphenated_modifier(text, token)) {
        // "Britain-based", "Iran-backed": the name before the hyphen still
        // names its actor.
        const auto word = text.substr(token.begin, token.end - token.begin);
        const auto prefix = word.substr(0, word.rfind('-'));
        Token head = token;
        head.end = token.begin + static_cast<std::uint32_t>(prefix.size());
        head.folded = text::fold(prefix);
        const auto head_match = index_.longest(std::span<const Token>(&head, 1), 0, 1);
        if (head_match.length == 1) {
          Item item{ItemKind::Entry, t, t + 1, nullptr, nullptr, head.end};
          item.detached = is_detached_modifier(text, token);
          item.entry = best_entry(dictionary_, head_match.entries);
          if (item.entry) items.push_back(item);
        }
        ++t;
        continue;
      }
      const bool starts_name = capitalisation_informative && is_capital_word(token) &&
                               !is_not_name(token.folded) && token.folded.size() > 1;
      if (!starts_name) {
        ++t;
        continue;
      }
      auto last = t + 1;
      while (last < end) {
        if ((is_capital_word(tokens[last]) || is_particle_name(text, tokens[last])) &&
            !is_not_name(tokens[last].folded) && index_.longest(tokens, last, end).length == 0) {
          ++last;
          continue;
        }
        // "Institute for the Study of War".
        if (last + 2 < end && in_list(tokens[last].folded, kNameConnectors) &&
            tokens[last + 1].folded == "the" && is_capital_word(tokens[last + 2]) &&
            !is_not_name(tokens[last + 2].folded)) {
          last += 3;
          continue;
        }
        // "Security and Defence Council": "and" inside an organisation's
        // name, when the capitalised run after it ends in an organisation
        // word ("Britain and France" are dictionary entries, not a name).
        if (last + 1 < end && tokens[last].folded == "and" && is_capital_word(tokens[last + 1])) {
          auto run = last + 1;
          while (run < end && is_capital_word(tokens[run]) && !is_not_name(tokens[run].folded) &&
                 index_.longest(tokens, run, end).length == 0) {
            ++run;
          }
          if (run > last + 1 && in_list(tokens[run - 1].folded, kOrganizationWords)) {
            last = run;
            continue;
          }
        }
        // "Bank of England": a connector followed by another capitalised word.
        if (last + 1 < end && in_list(tokens[last].folded, kNameConnectors) &&
            is_capital_word(tokens[last + 1]) && !is_not_name(tokens[last + 1].folded)) {
          last += 2;
          continue;
        }
        break;
      }
      const bool initial = t == first_word;
      if (initial && last == t + 1 && !inner_capitals.contains(token.folded)) {
        t = last;
        continue;
      }
      items.push_back({ItemKind::Name, t, last, nullptr, nullptr, 0});
      t = last;
    }

    // Agent words used as adjectives ("military exercises") and regional
    // adjectives ("the Asian country", "Western weapons") name no actor. A
    // regional adjective before an agent ("European leaders", "Western
    // diplomats") or a word for its states ("Western allies") names a
    // group of the region.
    static constexpr std::array<std::string_view, 15> kAdjectiveAgents{
        "military",     "government", "police", "opposition", "security",
        "intelligence", "rebel",      "army",   "naval",      "judicial",
        "civilian",     "business",   "media",  "party",      "spy"};
    const auto next_item_at = [&](std::uint32_t t) -> const Item* {
      for (const auto& other : items) {
        if (other.first == t) return &other;
      }
      return nullptr;
    };
    std::erase_if(items, [&](const Item& item) {
      if (item.kind != ItemKind::Entry) return false;
      if (item.entry->kind == EntryKind::Demonym && is_region(item.entry->code)) {
        if (item.last < end && in_list(tokens[item.last].folded, kRegionalStates)) return false;
        const Item* next = next_item_at(item.last);
        return !(next && next->kind == ItemKind::Entry && next->agent &&
                 next->entry == next->agent);
      }
      return item.entry == item.agent && item.last == item.first + 1 &&
             in_list(tokens[item.first].folded, kAdjectiveAgents) &&
             used_as_adjective(tokens, item.last, end);
    });

    // "Russia's Security Council", "the Iranian Security Council": a
    // generic IGO name after a country's possessive or nationality is that
    // country's institution, an unknown name composed below.
    for (std::size_t i = 1; i < items.size(); ++i) {
      auto& item = items[i];
      const auto& before = items[i - 1];
      const bool adjoining =
          before.last == item.first ||
          (before.last + 1 == item.first && (tokens[before.last].flags & text::kPossessive));
      if (item.kind != ItemKind::Entry || item.entry->kind != EntryKind::Igo ||
          before.kind != ItemKind::Entry || !adjoining ||
          (before.entry->kind != EntryKind::Country && before.entry->kind != EntryKind::Demonym) ||
          is_region(before.entry->code)) {
        continue;
      }
      std::string phrase;
      for (auto t = item.first; t < item.last; ++t) {
        if (!phrase.empty()) phrase += ' ';
        phrase += tokens[t].folded;
      }
      if (in_list(phrase, kGenericIgoNames))
        item = {ItemKind::Name, item.first, item.last, nullptr, nullptr, 0};
    }

    // "People's Liberation Army": a possessive inside an organisation's name.
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
      auto& item = items[i];
      const auto& next = items[i + 1];
      if (item.kind != ItemKind::Name || next.kind != ItemKind::Name || item.last >= end ||
          !(tokens[item.last].flags & text::kPossessive) || next.first != item.last + 1) {
        continue;
      }
      bool organization = false;
      for (auto t = next.first; t < next.last; ++t) {
        organization = organization || in_list(tokens[t].folded, kOrganizationWords);
      }
      if (!organization) continue;
      item.last = next.last;
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }

    // Unknown capitalised words before an organisation's name make another
    // organisation: "National Security Council" is not the UN's.
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
      auto& item = items[i];
      const auto& next = items[i + 1];
      if (item.kind == ItemKind::Name && next.kind == ItemKind::Entry && next.first == item.last &&
          next.entry != next.agent &&
          (next.entry->kind == EntryKind::Igo || next.entry->kind == EntryKind::Organization)) {
        item.last = next.last;
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      }
    }

    // An unknown given name before a known person's one-word alias is
    // someone else: "Mohammed al-Bashir" is not Omar al-Bashir, "Hunter
    // Biden" not Joe Biden.
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
      auto& item = items[i];
      const auto& next = items[i + 1];
      if (item.kind != ItemKind::Name || item.last != item.first + 1 ||
          next.kind != ItemKind::Entry || next.entry->kind != EntryKind::Person ||
          next.first != item.last || next.last != next.first + 1 ||
          (tokens[item.first].flags & text::kAllCaps)) {
        continue;
      }
      item.last = next.last;
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }

    // A place or nationality glued to a following name is part of that
    // name: "Korean Peninsula", "New York Times".
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
      auto& item = items[i];
      const auto& next = items[i + 1];
      if (item.kind != ItemKind::Entry || next.kind != ItemKind::Name || next.first != item.last) {
        continue;
      }
      const auto kind = item.entry->kind;
      if (kind == EntryKind::Demonym || kind == EntryKind::Country || kind == EntryKind::City ||
          kind == EntryKind::Capital) {
        item = {ItemKind::Name, item.first, next.last, nullptr, nullptr, 0};
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      }
    }

    // "Alternative for Germany (AfD)": the acronym names the same actor.
    for (const auto& item : items) {
      const auto t = item.last;
      if (t + 2 >= end || tokens[t].folded != "(" || tokens[t + 2].folded != ")" ||
          !(tokens[t + 1].flags & text::kAllCaps)) {
        continue;
      }
      acronyms.try_emplace(tokens[t + 1].folded,
                           item.kind == ItemKind::Entry && item.entry != item.agent
                               ? item.entry->key()
                               : make_key(span_text(item.first, item.last)));
    }
    sentence_items.push_back(std::move(items));
  }

  // The country a document is about: the one named most often. Titles and
  // groups without a nationality ("Information Minister Mohammed Idris",
  // "protesters") belong to it.
  std::string home_country;
  bool home_country_clear = false;  // named at least twice, and twice as often as any other
  // "Brussels blacklisted companies": in a document that names the European
  // Union, its seat stands for the Union, not for Belgium.
  const DictionaryEntry* union_seat_for = nullptr;  // the EU's entry when named
  for (const auto& items : sentence_items) {
    for (const auto& item : items) {
      if (item.kind == ItemKind::Entry && item.entry != item.agent &&
          item.entry->kind == EntryKind::Igo && item.entry->code == "IGOEUREEC") {
        union_seat_for = item.entry;
      }
    }
  }
  {
    std::unordered_map<std::string, int> counts;
    int best = 0;
    for (const auto& items : sentence_items) {
      for (const auto& item : items) {
        if (item.kind != ItemKind::Entry || item.entry == item.agent) continue;
        const auto kind = item.entry->kind;
        if (kind != EntryKind::Country && kind != EntryKind::Demonym &&
            kind != EntryKind::Capital && kind != EntryKind::Metonym) {
          continue;
        }
        const auto country = ontology_.split_actor_code(item.entry->code).country;
        if (country.empty() || is_region(country)) continue;
        const int count = ++counts[country];
        if (count > best) {
          best = count;
          home_country = country;
        }
      }
    }
    int second = 0;
    for (const auto& [country, count] : counts) {
      if (country != home_country) second = std::max(second, count);
    }
    home_country_clear = best >= 2 && best >= 2 * second;
  }

  struct PendingTitle {
    std::string country, agent, title;
    std::uint32_t begin, end, sentence;
    // Coded as a role actor when nobody fits: "the Argentine president";
    // "an opposition leader" of the country the text is about.
    bool codes_alone;
    // "a separatist leader" (no nationality) introduces someone new: no
    // person named in the document is taken for it.
    bool indefinite;
    // "the Chinese foreign minister, Wang Yi": where the apposed name
    // begins (a byte offset), or 0.
    std::uint32_t apposed_begin = 0;
  };
  std::vector<PendingTitle> pending_titles;  // titles nobody named before fits

  for (std::uint32_t s = 0; s < segmentation.sentences.size(); ++s) {
    const auto& sentence = segmentation.sentences[s];
    const std::uint32_t end = sentence.end_token;
    auto& items = sentence_items[s];
    // "In Kinshasa, protesters stormed ...": a sentence that opens with a
    // place sets its scene, and titles without a nationality in it belong
    // to the place's country rather than to the document's.
    std::string scene_country;
    if (!items.empty() && items[0].kind == ItemKind::Entry &&
        tokens[sentence.first_token].folded == "in" && items[0].first == sentence.first_token + 1 &&
        items[0].last < end && tokens[items[0].last].folded == ",") {
      const auto kind = items[0].entry->kind;
      if (kind == EntryKind::City || kind == EntryKind::Capital || kind == EntryKind::Country) {
        scene_country = items[0].entry->code;
      }
    }

    auto possessive_at = [&](std::uint32_t t) {
      return t < end && (tokens[t].flags & text::kPossessive) != 0;
    };
    // Items i and j touch: nothing between them but a possessive or a
    // title modifier ("former", "acting").
    auto touches = [&](const Item& left, const Item& right) {
      auto t = left.last;
      if (possessive_at(t)) ++t;
      while (t < right.first &&
             (tokens[t].folded == "former" || tokens[t].folded == "acting" ||
              tokens[t].folded == "deputy" || tokens[t].folded == "then" ||
              tokens[t].folded == "-" || tokens[t].folded == "top" ||
              tokens[t].folded == "senior" || tokens[t].folded == "chief" ||
              tokens[t].folded == "supreme" || tokens[t].folded == "interim" ||
              tokens[t].folded == "outgoing" || tokens[t].folded == "caretaker")) {
        ++t;
      }
      return t == right.first;
    };
    // A title qualified as past or passing ("former defense minister",
    // "then-defense minister", "outgoing president") in tokens [from, to)
    // or just before them ("former Russian defense minister").
    auto past_title = [&](std::uint32_t from, std::uint32_t to) {
      if (from > sentence.first_token) --from;
      for (auto t = from; t < to && t < end; ++t) {
        const auto& word = tokens[t].folded;
        if (word == "former" || word == "then" || word == "outgoing" || word == "ex") return true;
      }
      return false;
    };
    // Phrases with only an agent reading ("defense minister", "troops").
    auto is_agent_item = [](const Item& item) {
      return item.kind == ItemKind::Entry && item.agent != nullptr && item.entry == item.agent;
    };
    auto is_modifier = [](const Item& item) {
      if (item.kind != ItemKind::Entry || item.entry->kind == EntryKind::Agent) return false;
      const auto kind = item.entry->kind;
      return kind == EntryKind::Country || kind == EntryKind::Demonym ||
             kind == EntryKind::Capital || kind == EntryKind::Metonym || kind == EntryKind::Igo ||
             kind == EntryKind::Organization ||
             (kind == EntryKind::City && !is_region(item.entry->code));
    };
    // "in Moscow" is a place; "talking to Moscow" is the Russian state, so
    // "to" and "from" do not make a capital a place.
    auto preceded_by_locative = [&](const Item& item) {
      auto t = item.first;
      if (t > sentence.first_token && tokens[t - 1].folded == "the") --t;
      if (t <= sentence.first_token) return false;
      const auto& word = tokens[t - 1].folded;
      return word != "to" && word != "from" && in_list(word, kLocatives);
    };

    // 2. Chunks: [modifier] [agent words] [name].
    for (std::size_t i = 0; i < items.size();) {
      const std::size_t chunk_start = i;
      std::size_t k = i;
      const Item* modifier = nullptr;
      const Item* org_name = nullptr;
      // A city before an agent used as an adjective is a place: "the Jenin
      // refugee camp".
      const bool city_place = items[k].kind == ItemKind::Entry &&
                              items[k].entry->kind == EntryKind::City && k + 1 < items.size() &&
                              used_as_adjective(tokens, items[k + 1].last, end);
      if (is_modifier(items[k]) && !city_place && !items[k].detached && k + 1 < items.size() &&
          touches(items[k], items[k + 1]) &&
          (is_agent_item(items[k + 1]) ||
           (possessive_at(items[k].last) && items[k + 1].kind == ItemKind::Entry &&
            items[k + 1].entry->kind == EntryKind::Person))) {
        modifier = &items[k++];
      } else if (items[k].kind == ItemKind::Name && k + 1 < items.size() &&
                 touches(items[k], items[k + 1]) && is_agent_item(items[k + 1])) {
        org_name = &items[k++];  // "National Security Council spokesman"
      }
      std::vector<const Item*> agents;
      while (k < items.size() && is_agent_item(items[k]) &&
             (agents.empty() ? (k == i || touches(items[k - 1], items[k]))
                             : touches(*agents.back(), items[k]))) {
        agents.push_back(&items[k++]);
      }
      const Item* name = nullptr;
      if ((modifier || !agents.empty()) && k < items.size() &&
          touches(k > i ? items[k - 1] : items[k], items[k]) &&
          (items[k].kind == ItemKind::Name ||
           (items[k].kind == ItemKind::Entry && items[k].entry->kind == EntryKind::Person))) {
        name = &items[k++];
      }
      if (!modifier && !org_name && agents.empty()) {
        // A lone item.
        const Item& item = items[i];
        ++i;
        if (item.kind == ItemKind::Name) {
          pending_names.push_back({item.first, item.last, s});
          continue;
        }
        const auto& entry = *item.entry;
        const auto begin = tokens[item.first].begin;
        const auto item_end = item.byte_end != 0 ? item.byte_end : tokens[item.last - 1].end;
        // "Western allies": the region's states as one group (kept above
        // only before such a noun).
        if (entry.kind == EntryKind::Demonym && is_region(entry.code)) {
          const auto states = span_text(item.last, item.last + 1);
          mention(intern(role_actor(entry.code, "", states, ActorType::Group)), begin,
                  tokens[item.last].end, s);
          continue;
        }
        if (entry.kind == EntryKind::City ||
            (entry.kind == EntryKind::Capital && preceded_by_locative(item)) ||
            (entry.kind == EntryKind::Country && is_region(entry.code))) {
          state.result.places.push_back({begin, item_end, s, entry.name, entry.code,
                                         entry.kind == EntryKind::City && is_region(entry.code),
                                         is_region(entry.code)});
          continue;
        }
        // "travelled to Pyongyang": a destination as well as a metonym; the
        // event coder decides which the verb wants.
        if (entry.kind == EntryKind::Capital && item.first > sentence.first_token &&
            (tokens[item.first - 1].folded == "to" || tokens[item.first - 1].folded == "from")) {
          state.result.places.push_back({begin, item_end, s, entry.name, entry.code});
        }
        const bool union_seat = union_seat_for && entry.kind == EntryKind::Capital &&
                                entry.code == "BEL" && entry.name == "Brussels";
        const auto actor = intern(entry_actor(union_seat ? *union_seat_for : entry));
        mention(actor, begin, item_end, s);
        if (entry.kind == EntryKind::Person) remember_person(actor);
        continue;
      }
      i = k;

      std::string country;
      std::string igo_code;  // "UN envoy X" is coded as the UN
      if (modifier && modifier->entry->kind == EntryKind::Demonym &&
          is_region(modifier->entry->code)) {
        country = modifier->entry->code;  // "European leaders" are no mention of Europe
      } else if (modifier && modifier->entry->kind == EntryKind::City) {
        // "Istanbul Mayor Ekrem Imamoglu", "Kharkiv governor": the city
        // gives its country and is part of the title, not a place of its
        // own that a target slot would take.
        country = ontology_.split_actor_code(modifier->entry->code).country;
      } else if (modifier) {
        const auto actor = intern(entry_actor(*modifier->entry));
        mention(actor, tokens[modifier->first].begin, tokens[modifier->last - 1].end, s);
        country = state.result.actors[actor].country;
        const auto kind = modifier->entry->kind;
        if (kind == EntryKind::Igo || kind == EntryKind::Organization) {
          igo_code = state.result.actors[actor].code;
        }
      }
      // "National Security Council spokesman": an organisation of its own;
      // "Information Minister": just a longer title.
      bool organization_named = false;
      if (org_name) {
        for (auto t = org_name->first; t < org_name->last; ++t) {
          organization_named = organization_named || in_list(tokens[t].folded, kOrganizationWords);
        }
        if (organization_named) pending_names.push_back({org_name->first, org_name->last, s});
      }
      // "Albanese said his government would ...", "the Philippines said its
      // coast guard ...": after a possessive pronoun the title belongs to
      // the first person (his, her) or country, organisation or group (its,
      // their) of the sentence, usually its subject; else of the sentence
      // before.
      std::string possessor_country;
      // "India and China said their troops": the other of two countries.
      std::string second_possessor;
      std::string possessor_code;  // an organisation's: "Hezbollah said its fighters"
      std::uint32_t possessor_actor = 0;
      if (!modifier && !name && !agents.empty() && agents.front()->first > sentence.first_token) {
        const auto pronoun = agents.front()->first - 1;
        const auto& w = tokens[pronoun].folded;
        const bool personal = w == "his" || w == "her";
        // The first fitting mention; of two at one place the group, not
        // the country its nationality names ("the Congolese army said its
        // drones" are the army's).
        const auto first_fit = [&](std::uint32_t in_sentence) -> const Actor* {
          const TokenMention* best = nullptr;
          for (const auto& m : state.result.mentions) {
            if (m.sentence != in_sentence || m.begin >= tokens[pronoun].begin) continue;
            const auto& actor = state.result.actors[m.actor];
            const bool fits = personal ? actor.type == ActorType::Person
                                       : actor.type == ActorType::Country ||
                                             actor.type == ActorType::Organization ||
                                             actor.type == ActorType::Group;
            if (!fits) continue;
            if (!best || m.begin < best->begin) best = &m;
          }
          if (!best) return nullptr;
          if (state.result.actors[best->actor].type == ActorType::Country) {
            for (const auto& m : state.result.mentions) {
              const auto type = state.result.actors[m.actor].type;
              if (m.sentence == in_sentence && m.begin >= best->begin && m.begin <= best->end + 1 &&
                  m.begin < tokens[pronoun].begin &&
                  (type == ActorType::Group || type == ActorType::Organization)) {
                best = &m;
                break;
              }
            }
          }
          possessor_actor = best->actor;
          return &state.result.actors[best->actor];
        };
        // Only as a clause's subject ("said his government would"): as an
        // object the pronoun is as often someone else's ("cut aid to South
        // Africa and expelled its ambassador").
        const bool subject_position =
            pronoun == sentence.first_token || in_list(tokens[pronoun - 1].folded, kClauseOpeners);
        if ((personal || w == "its" || w == "their") && subject_position) {
          const Actor* owner = first_fit(s);
          if (!owner && s > 0) owner = first_fit(s - 1);
          if (owner && owner->type != ActorType::Country && !personal && !owner->code.empty()) {
            possessor_code = owner->code;
            possessor_country = owner->country.empty() ? owner->code : owner->country;
          } else if (owner && !is_region(owner->country)) {
            possessor_country = owner->country;
          }
          if (w == "their" && owner && owner->type == ActorType::Country) {
            std::vector<std::string> countries;
            for (const auto& m : state.result.mentions) {
              const auto& actor = state.result.actors[m.actor];
              if (m.sentence == s && m.begin < tokens[pronoun].begin &&
                  actor.type == ActorType::Country && !is_region(actor.country) &&
                  std::find(countries.begin(), countries.end(), actor.country) == countries.end()) {
                countries.push_back(actor.country);
              }
            }
            if (countries.size() == 2) {
              second_possessor = countries[0] == possessor_country ? countries[1] : countries[0];
            }
          }
        }
      }
      // "Iran-backed militias" are not Iran's, nor the document's country's.
      const bool detached_before = !modifier && !agents.empty() && chunk_start > 0 &&
                                   items[chunk_start - 1].detached &&
                                   touches(items[chunk_start - 1], *agents.front());
      if (!modifier && !agents.empty() && !detached_before) {
        country = !possessor_country.empty() ? possessor_country
                  : scene_country.empty()    ? home_country
                                             : scene_country;
      }
      // The groups politics is about: without a nationality, they stand
      // for the document's country or the one they are placed in.
      static constexpr std::array<std::string_view, 7> kPoliticalGroups{"OPP", "LEG", "REB", "SEP",
                                                                        "UAF", "CRM", "INS"};
      // "Soldiers in Niger detained ...": an agent placed in a country that
      // opens the sentence is that country's; a political group is
      // wherever it stands ("the arrest of opposition leaders in Venezuela").
      bool placed = false;
      if (!modifier && !agents.empty() && !name && k < items.size()) {
        const auto title_last = agents.back()->last;
        const auto& next_item = items[k];
        // "A special tribunal in Dhaka", "Local police in Lagos": an article
        // and one lower-case modifier may open the sentence before it.
        auto opener = agents.front()->first;
        if (opener > sentence.first_token && tokens[opener - 1].kind == text::TokenKind::Word &&
            !(tokens[opener - 1].flags & text::kAllCaps) && opener - 1 > sentence.first_token &&
            in_list(tokens[opener - 2].folded, kArticles)) {
          --opener;  // the modifier, when an article stands before it
        }
        if (opener > sentence.first_token && in_list(tokens[opener - 1].folded, kArticles)) {
          --opener;
        }
        const bool opens = opener == sentence.first_token;
        // So are companies and civilians: "blacklisted companies in China",
        // "civilians in Gaza".
        const auto& group = agents.back()->agent->code;
        // Not before a list of places ("companies in China, India and
        // Turkey"): one role actor cannot stand for them all, so the
        // countries stay.
        const auto after_place = next_item.last;
        const bool list_follows =
            after_place < end && (tokens[after_place].folded == "," ||
                                  in_list(tokens[after_place].folded, kCoordinators));
        const bool anywhere = in_list(group, kPoliticalGroups) ||
                              ((group == "BUS" || group == "CVL") && !list_follows);
        if ((opens || anywhere) && title_last + 1 < end &&
            (tokens[title_last].folded == "in" || tokens[title_last].folded == "inside") &&
            next_item.first == title_last + 1 && next_item.kind == ItemKind::Entry &&
            (next_item.entry->kind == EntryKind::Country ||
             next_item.entry->kind == EntryKind::Capital ||
             next_item.entry->kind == EntryKind::City)) {
          const auto place_country = ontology_.split_actor_code(next_item.entry->code).country;
          if (!place_country.empty() && !is_region(place_country)) {
            country = place_country;
            placed = true;
          }
        }
      }
      // "the commander of Hezbollah's southern front", "the leader of the
      // Tren de Aragua gang", "the president of France": without a
      // nationality before it, a title takes the organisation or country
      // after "of".
      // Named by "of" or by a possessive pronoun: it counts as a nationality.
      bool owner_named = !possessor_country.empty();
      if (!possessor_code.empty()) igo_code = possessor_code;
      // "Hezbollah said its fighters ...": an unnamed member of an
      // organisation is the organisation (as "Hamas fighters" below).
      if (!possessor_code.empty() && !name) {
        mention(possessor_actor, tokens[agents.front()->first].begin,
                tokens[agents.back()->last - 1].end, s);
        continue;
      }
      if (!modifier && !name && !agents.empty()) {
        auto t = agents.back()->last;
        if (t + 1 < end && tokens[t].folded == "of") {
          ++t;
          if (t + 1 < end && tokens[t].folded == "the") ++t;
          const auto owner = std::find_if(items.begin(), items.end(), [&](const Item& item) {
            return item.first == t && item.kind == ItemKind::Entry && item.entry != item.agent;
          });
          // Not before a list: "the military governments of Mali, Burkina
          // Faso and Niger" are three.
          const bool listed = owner != items.end() && owner->last < end &&
                              (tokens[owner->last].folded == "," ||
                               in_list(tokens[owner->last].folded, kCoordinators));
          if (owner != items.end() && !listed) {
            const auto kind = owner->entry->kind;
            if (kind == EntryKind::Igo || kind == EntryKind::Organization) {
              igo_code = owner->entry->code;
            } else if (kind == EntryKind::Country && !is_region(owner->entry->code)) {
              country = ontology_.split_actor_code(owner->entry->code).country;
              owner_named = true;
            }
          }
        }
      }
      const std::string agent = agents.empty() ? "" : agents.back()->agent->code;
      const std::string composed_code = !igo_code.empty() ? igo_code : country + agent;
      const auto title_begin = agents.empty() ? 0u : tokens[agents.front()->first].begin;
      const auto title_end = agents.empty() ? 0u : tokens[agents.back()->last - 1].end;

      if (name) {
        const auto begin = tokens[name->first].begin;
        const auto name_end = tokens[name->last - 1].end;
        std::uint32_t actor;
        if (name->kind == ItemKind::Entry) {
          actor = intern(entry_actor(*name->entry));
          auto& known = state.result.actors[actor];
          if (known.code.empty() && !composed_code.empty()) {
            known = with_code(std::move(known), composed_code);
          } else if (!date && known.code != composed_code &&
                     holds_role(*name->entry, composed_code) &&
                     !past_title(modifier ? modifier->first : agents.front()->first, name->first)) {
            // Without a date the latest of a person's roles is only a guess;
            // the title in the text says which one the writer meant
            // ("Russian Defense Minister Sergei Shoigu" is RUSMIL, whatever
            // he became later). Not "former Defense Minister ...".
            known = with_code(std::move(known), composed_code);
          }
        } else {
          Actor person;
          person.name = span_text(name->first, name->last);
          person.key = make_key(person.name);
          person.type = ActorType::Person;
          person = with_code(std::move(person), composed_code);
          actor = intern(std::move(person));
        }
        mention(actor, begin, name_end, s);
        remember_person(actor);
        if (!agents.empty()) {
          state.titles[actor].push_back(
              text::fold(span_text(agents.back()->first, agents.back()->last)));
        }
        continue;
      }
      if (agents.empty()) continue;

      // A title without a name: a reference to a person seen before ("the
      // North Korean leader"), to several ("the two leaders"), or a
      // collective actor ("Russian troops").
      const std::string title = text::fold(span_text(agents.back()->first, agents.back()->last));
      const auto first_title_token = agents.front()->first;
      int wanted = 1;
      if (first_title_token > sentence.first_token) {
        wanted = std::max(1, count_word(tokens[first_title_token - 1].folded));
      }
      // Only a definite title refers back: "the Russian leader", "the two
      // leaders"; "a former official" introduces someone new.
      auto before = modifier ? modifier->first : first_title_token;
      if (wanted > 1 && before > sentence.first_token) --before;
      if (before > sentence.first_token + 1 && in_list(tokens[before - 1].folded, kOrdinals)) {
        --before;
      }
      const bool definite = before > sentence.first_token && tokens[before - 1].folded == "the";
      // "the Chinese foreign minister, Wang Yi,": the name apposed after the
      // title says who it is, whoever held the title before.
      // Also past a phrase of one actor: "Russia's ambassador to Germany,
      // Sergei Nechayev,".
      auto comma = agents.back()->last;
      if (comma + 1 < end && in_list(tokens[comma].folded, kTitlePrepositions)) {
        const auto post = std::find_if(items.begin(), items.end(), [&](const Item& item) {
          return item.first == comma + 1 ||
                 (item.first == comma + 2 && tokens[comma + 1].folded == "the");
        });
        if (post != items.end()) comma = post->last;
      }
      const Item* apposed = nullptr;
      if (comma + 1 < end && tokens[comma].folded == ",") {
        for (const auto& item : items) {
          if (item.first == comma + 1 &&
              (item.kind == ItemKind::Name ||
               (item.kind == ItemKind::Entry && item.entry->kind == EntryKind::Person))) {
            apposed = &item;
          }
        }
      }
      const bool name_apposed = apposed != nullptr && wanted == 1 && !is_collective(title);
      const std::uint32_t apposed_begin = name_apposed ? tokens[apposed->first].begin : 0;
      // An unknown name takes the title's code: "the Russian ambassador,
      // Sergei Nechayev," is RUSGOV, and the title is his mention too.
      // Only with a nationality or owner named, not the document's country.
      if (name_apposed && apposed->kind == ItemKind::Name && !composed_code.empty() &&
          (modifier || owner_named || placed) &&
          !past_title(first_title_token, agents.back()->last)) {
        Actor person;
        person.name = span_text(apposed->first, apposed->last);
        person.key = make_key(person.name);
        person.type = ActorType::Person;
        const auto index = intern(with_code(std::move(person), composed_code));
        mention(index, title_begin, title_end, s);
        remember_person(index);
        state.titles[index].push_back(title);
        continue;
      }
      if (definite && !name_apposed && (!is_collective(title) || wanted > 1)) {
        const auto candidates =
            persons_titled(modifier || owner_named ? country : "", agent, title);
        if (candidates.size() >= static_cast<std::size_t>(wanted)) {
          for (int n = 0; n < wanted; ++n) mention(candidates[n], title_begin, title_end, s);
          continue;
        }
      }
      // Apposition: "Name, the (nationality) title" describes that name.
      if (wanted == 1 && !is_collective(title)) {
        auto t = modifier ? modifier->first : first_title_token;
        while (t > sentence.first_token &&
               (tokens[t - 1].folded == "the" || tokens[t - 1].folded == "a" ||
                tokens[t - 1].folded == "an" || in_list(tokens[t - 1].folded, kOrdinals) ||
                tokens[t - 1].folded == "senior" || tokens[t - 1].folded == "top")) {
          --t;
        }
        // A former office-holder is not coded with the office.
        bool former = false;
        for (auto u = t; u < first_title_token; ++u)
          former = former || tokens[u].folded == "former";
        if (!former && t > sentence.first_token + 1 && tokens[t - 1].folded == ",") {
          const auto before_comma = t - 1;
          const Item* named = nullptr;
          for (const auto& item : items) {
            if (item.last == before_comma &&
                (item.kind == ItemKind::Name ||
                 (item.kind == ItemKind::Entry && item.entry->kind == EntryKind::Person))) {
              named = &item;
            }
          }
          if (named && named->kind == ItemKind::Name && !composed_code.empty()) {
            apposition_codes.try_emplace(named->first, composed_code);
            continue;
          }
          if (named) {
            const auto known = state.by_key.find(named->entry->key());
            if (known != state.by_key.end()) {
              mention(known->second, title_begin, title_end, s);
              state.titles[known->second].push_back(title);
              continue;
            }
          }
        }
      }
      // "a senior Hezbollah commander", "Hamas fighters": an unnamed member
      // of an organisation is coded as the organisation, whose mention the
      // phrase already has; not as a role of its country (LBNMIL).
      if (country.empty() || wanted > 1 || !igo_code.empty()) continue;
      if (!is_collective(title)) {
        // Perhaps the person is named later ("the Argentine president ...
        // Javier Milei"): decided after the pass. Unnamed, a member of the
        // opposition stands for it like the plural does ("detained an
        // opposition leader"); other groups' singulars are mostly adjectives
        // or predicates ("the militant group", "a dangerous separatist").
        const bool codes_alone =
            modifier || placed || owner_named ||
            (agent == "OPP" && !used_as_adjective(tokens, agents.back()->last, end));
        // "a Sikh separatist leader", "a senior opposition leader".
        bool indefinite = false;
        for (auto u = before; u > sentence.first_token && before - u < 3; --u) {
          const auto& word = tokens[u - 1].folded;
          if (word == "a" || word == "an") {
            indefinite = true;
            break;
          }
          if (tokens[u - 1].kind != text::TokenKind::Word) break;
        }
        // With a nationality it may still be someone named ("the first
        // visit by an Indian prime minister" is Modi's).
        pending_titles.push_back({country, agent, title, title_begin, title_end, s, codes_alone,
                                  indefinite && !modifier, apposed_begin});
        continue;
      }
      // Without a nationality, only the groups politics is about stand for
      // the document's country ("protesters", "lawmakers", "the government",
      // "police"); "residents" or "reporters" do not.
      // State institutions ("the government", "police") only when the
      // document is clearly about one country: in a story about two, "the
      // government" may be either's.
      // Not "court": "the court" is usually a court named before.
      static constexpr std::array<std::string_view, 11> kInstitutions{
          "government", "administration", "regime", "cabinet",     "army",        "military",
          "police",     "judiciary",      "junta",  "prosecutors", "armed forces"};
      if (!modifier && !placed && !owner_named && !in_list(agent, kPoliticalGroups) &&
          !(home_country_clear && in_list(title, kInstitutions))) {
        continue;
      }
      const auto role_name = span_text(first_title_token, agents.back()->last);
      mention(intern(role_actor(country, agent, role_name, ActorType::Group)), title_begin,
              title_end, s);
      if (!second_possessor.empty()) {
        mention(intern(role_actor(second_possessor, agent, role_name, ActorType::Group)),
                title_begin, title_end, s);
      }
      // "U.S. and British forces", "Russian, Syrian and Iranian troops": the
      // nationalities coordinated before share the agent noun, so each
      // names its own country's role actor instead of the country.
      bool listed = false;  // "and" or "or" seen: a comma may join the rest
      for (auto first = modifier ? modifier->first : 0u; modifier;) {
        auto t = first;
        if (t > sentence.first_token && in_list(tokens[t - 1].folded, kCoordinators)) {
          --t;
          listed = true;
        }
        if (listed && t > sentence.first_token && tokens[t - 1].folded == ",") --t;
        if (t == first) break;
        const auto coordinated = std::find_if(items.begin(), items.end(), [&](const Item& item) {
          return item.last == t && item.kind == ItemKind::Entry &&
                 (item.entry->kind == EntryKind::Country || item.entry->kind == EntryKind::Demonym);
        });
        if (coordinated == items.end()) break;
        const auto other_country = country_actor(coordinated->entry->code).country;
        if (other_country.empty()) break;
        const auto other = intern(role_actor(other_country, agent, role_name, ActorType::Group));
        const auto begin = tokens[coordinated->first].begin;
        for (auto& m : state.result.mentions) {
          if (m.begin == begin && state.result.actors[m.actor].type == ActorType::Country) {
            m.actor = other;
          }
        }
        first = coordinated->first;
      }
    }

    // 3. "the two countries", "the three nations": the latest list of that
    // many countries ("the United States, Japan and South Korea"), in this
    // sentence or the one before, else the countries named most recently.
    for (auto t = sentence.first_token; t + 1 < end; ++t) {
      const int wanted = count_word(tokens[t].folded);
      if (wanted == 0) continue;
      const auto& noun = tokens[t + 1].folded;
      if (noun != "countries" && noun != "nations" && noun != "sides" && noun != "states") {
        continue;
      }
      // "both sides" may be armies or factions, not only countries ("the army
      // and the RSF ... both sides").
      const bool sides = noun == "sides";
      std::vector<const TokenMention*> countries;
      for (const auto& m : state.result.mentions) {
        const auto type = state.result.actors[m.actor].type;
        if ((m.sentence == s || m.sentence + 1 == s) && m.begin < tokens[t].begin &&
            (type == ActorType::Country ||
             (sides && (type == ActorType::Group || type == ActorType::Organization)))) {
          // "In Sudan, the army and the RSF ...": a country after a
          // locative is where the sides are, not one of them.
          if (sides && type == ActorType::Country) {
            const auto at = std::lower_bound(tokens.begin(), tokens.end(), m.begin,
                                             [](const Token& candidate, std::uint32_t offset) {
                                               return candidate.begin < offset;
                                             });
            if (at != tokens.begin() && in_list(std::prev(at)->folded, kLocatives)) continue;
          }
          countries.push_back(&m);
        }
      }
      std::sort(countries.begin(), countries.end(),
                [](const TokenMention* a, const TokenMention* b) { return a->begin < b->begin; });
      // "according to South Korean officials, an allegation both countries
      // deny": a nationality that modifies the actor after it is none of
      // the countries counted.
      std::erase_if(countries, [&](const TokenMention* m) {
        if (sides || state.result.actors[m->actor].type != ActorType::Country) return false;
        return std::any_of(state.result.mentions.begin(), state.result.mentions.end(),
                           [&](const TokenMention& next) {
                             return next.sentence == m->sentence && next.begin > m->begin &&
                                    next.begin >= m->end && next.begin <= m->end + 1 &&
                                    state.result.actors[next.actor].type != ActorType::Country;
                           });
      });
      if (sides) {
        // "the Sudanese army": a nationality touching the next actor only
        // modifies it.
        std::vector<const TokenMention*> heads;
        for (std::size_t i = 0; i < countries.size(); ++i) {
          const bool modifier =
              i + 1 < countries.size() && countries[i + 1]->sentence == countries[i]->sentence &&
              std::all_of(text.begin() + countries[i]->end, text.begin() + countries[i + 1]->begin,
                          [](char c) { return c == ' '; });
          if (!modifier) heads.push_back(countries[i]);
        }
        countries = std::move(heads);
      }
      auto joined = [&](const TokenMention& left, const TokenMention& right) {
        if (left.sentence != right.sentence) return false;
        auto token = std::lower_bound(
            tokens.begin(), tokens.end(), left.end,
            [](const Token& candidate, std::uint32_t offset) { return candidate.begin < offset; });
        for (; token != tokens.end() && token->end <= right.begin; ++token) {
          if (token->folded != "," && token->folded != "and" && token->folded != "or" &&
              token->folded != "the") {
            return false;
          }
        }
        return true;
      };
      std::vector<std::uint32_t> chosen;
      for (std::size_t last = countries.size(); last-- > 0 && chosen.empty();) {
        std::size_t first = last;
        while (first > 0 && joined(*countries[first - 1], *countries[first])) --first;
        if (last - first + 1 == static_cast<std::size_t>(wanted)) {
          for (auto c = first; c <= last; ++c) chosen.push_back(countries[c]->actor);
        }
        last = first;  // the loop's decrement moves to the list before
      }
      if (chosen.empty() && sides) continue;
      // No list: the last countries named as such, here or in the sentence
      // before ("North Korea has supplied Russia ..., an allegation both
      // countries deny").
      if (chosen.empty()) {
        std::vector<std::uint32_t> named;
        for (auto c = countries.size();
             c-- > 0 && named.size() < static_cast<std::size_t>(wanted);) {
          if (std::find(named.begin(), named.end(), countries[c]->actor) == named.end()) {
            named.push_back(countries[c]->actor);
          }
        }
        if (named.size() == static_cast<std::size_t>(wanted))
          chosen.assign(named.rbegin(), named.rend());
      }
      if (chosen.empty()) {
        const auto recent = recent_countries();
        if (recent.size() < static_cast<std::size_t>(wanted)) continue;
        chosen.assign(recent.begin(), recent.begin() + wanted);
      }
      for (const auto actor : chosen) mention(actor, tokens[t].begin, tokens[t + 1].end, s);
    }
  }

  // The country named inside tokens [first, last) or right before them
  // ("Russia's Black Sea Fleet", "South Korean National Assembly").
  auto country_near = [&](std::uint32_t first, std::uint32_t last) -> std::string {
    auto country_of = [&](std::uint32_t from, std::uint32_t to) -> std::string {
      const auto match = index_.longest(tokens, from, to);
      if (match.length != to - from) return {};
      for (const auto id : match.entries) {
        const auto& entry = dictionary_.entries()[id];
        if (entry.kind == EntryKind::Country || entry.kind == EntryKind::Demonym ||
            entry.kind == EntryKind::Capital) {
          return ontology_.split_actor_code(entry.code).country;
        }
      }
      return {};
    };
    for (auto t = first; t < last; ++t) {
      for (auto to = t + 1; to <= last && to <= t + 4; ++to) {
        if (auto country = country_of(t, to); !country.empty()) return country;
      }
    }
    auto end = first;
    if (end > 0 && (tokens[end - 1].flags & text::kPossessive)) --end;
    for (std::uint32_t length = 1; length <= 4 && length <= end; ++length) {
      if (auto country = country_of(end - length, end); !country.empty()) return country;
    }
    return {};
  };

  // 4. Unknown names, now that every full name in the document is known:
  // "Kim" after "Kim Jong Un", "Taewoo" after "Kim Taewoo".
  for (const auto& name : pending_names) {
    const auto begin = tokens[name.first].begin;
    const auto name_end = tokens[name.last - 1].end;
    std::string full = span_text(name.first, name.last);
    const auto key = make_key(full);
    if (name.last - name.first == 1) {
      if (const auto acronym = acronyms.find(tokens[name.first].folded);
          acronym != acronyms.end()) {
        if (const auto known = state.by_key.find(acronym->second); known != state.by_key.end()) {
          mention(known->second, begin, name_end, name.sentence);
          continue;
        }
      }
      const auto known = state.short_names.find(tokens[name.first].folded);
      if (known != state.short_names.end()) {
        mention(known->second, begin, name_end, name.sentence);
        continue;
      }
    }
    if (const auto known = state.by_key.find(key); known != state.by_key.end()) {
      mention(known->second, begin, name_end, name.sentence);
      continue;
    }
    Actor actor;
    actor.name = std::move(full);
    actor.key = key;
    const auto words = name.last - name.first;
    // A state body ("National Assembly", "Atomic Energy Organization of
    // Iran") belongs to the country named in it, just before it, or else to
    // the document's home country.
    const auto agent = institution_agent(
        std::span<const Token>(tokens.data() + name.first, name.last - name.first));
    const auto appositive = apposition_codes.find(name.first);
    if (appositive != apposition_codes.end()) {
      actor.type = ActorType::Person;
      actor = with_code(std::move(actor), appositive->second);
      const auto index = intern(std::move(actor));
      mention(index, begin, name_end, name.sentence);
      remember_person(index);
      continue;
    }
    if (!agent.empty()) {
      std::string country = country_near(name.first, name.last);
      if (country.empty()) country = home_country;
      if (!country.empty()) {
        actor.type = ActorType::Organization;
        actor = with_code(std::move(actor), country + std::string(agent));
        mention(intern(std::move(actor)), begin, name_end, name.sentence);
        continue;
      }
    }
    bool organization = false, place = false;
    for (auto t = name.first; t < name.last; ++t) {
      organization = organization || in_list(tokens[t].folded, kOrganizationWords);
      place = place || in_list(tokens[t].folded, kPlaceWords);
    }
    auto before = name.first;
    if (before > 0 && tokens[before - 1].folded == "the") --before;
    const bool after_locative = before > 0 && in_list(tokens[before - 1].folded, kLocatives);
    const bool before_speech =
        name.last < tokens.size() && in_list(tokens[name.last].folded, kSpeechVerbs);
    if (organization) {
      actor.type = ActorType::Organization;
    } else if (place || after_locative) {
      actor.type = ActorType::Place;
    } else if ((words >= 2 && words <= 3) || before_speech) {
      actor.type = ActorType::Person;
    } else {
      actor.type = ActorType::Unknown;
    }
    const auto index = intern(std::move(actor));
    mention(index, begin, name_end, name.sentence);
    if (state.result.actors[index].type == ActorType::Person) remember_person(index);
  }

  // Titles nobody fitted when they came: a person named later, else the role.
  for (const auto& pending : pending_titles) {
    std::optional<std::uint32_t> found;
    for (const auto& m : state.result.mentions) {
      if (pending.apposed_begin == 0 || m.begin != pending.apposed_begin) continue;
      const auto& actor = state.result.actors[m.actor];
      if (actor.type == ActorType::Person && actor.country == pending.country) found = m.actor;
    }
    for (std::uint32_t a = 0; a < state.result.actors.size() && !found && !pending.indefinite;
         ++a) {
      const auto& actor = state.result.actors[a];
      if (actor.type != ActorType::Person || actor.country != pending.country) continue;
      const bool fits = fits_title(state.titles[a], actor.agent, pending.agent, pending.title);
      if (fits) found = a;
    }
    if (!found && !pending.codes_alone) continue;
    if (!found) {
      found = intern(role_actor(
          pending.country, pending.agent,
          std::string(text.substr(pending.begin, pending.end - pending.begin)), ActorType::Person));
    }
    state.result.mentions.push_back({*found, pending.begin, pending.end, pending.sentence});
  }

  // 5. Pronouns, only where one antecedent fits: the single person (or
  // country/organisation for "it") named earlier in the sentence, else the
  // single one named in the previous sentence.
  std::sort(state.result.mentions.begin(), state.result.mentions.end(),
            [](const TokenMention& a, const TokenMention& b) {
              return a.begin != b.begin ? a.begin < b.begin : a.actor < b.actor;
            });
  std::vector<TokenMention> resolved;
  for (std::uint32_t s = 0; s < segmentation.sentences.size(); ++s) {
    const auto& sentence = segmentation.sentences[s];
    for (auto t = sentence.first_token; t < sentence.end_token; ++t) {
      // "Carney told Trump ..., in their first face-to-face meeting":
      // "their" is both when exactly two people, else two countries, are
      // named before it in the sentence.
      if (tokens[t].folded == "their") {
        for (const auto type : {ActorType::Person, ActorType::Country}) {
          std::vector<std::uint32_t> named;
          for (const auto& m : state.result.mentions) {
            if (m.sentence != s || m.begin >= tokens[t].begin ||
                state.result.actors[m.actor].type != type) {
              continue;
            }
            if (std::find(named.begin(), named.end(), m.actor) == named.end()) {
              named.push_back(m.actor);
            }
          }
          if (named.size() == 2) {
            for (const auto actor : named) {
              resolved.push_back({actor, tokens[t].begin, tokens[t].end, s});
            }
            break;
          }
          if (!named.empty()) break;  // people named, but not two
        }
        continue;
      }
      bool personal = false;
      if (!is_pronoun(tokens[t].folded, personal)) continue;
      auto fits = [&](const Actor& actor) {
        return personal
                   ? actor.type == ActorType::Person
                   : actor.type == ActorType::Country || actor.type == ActorType::Organization ||
                         actor.type == ActorType::Group;
      };
      // "Sweden's government said it would": a possessor is not the
      // antecedent when what it possesses may be.
      auto possesses_next = [&](const TokenMention& m) {
        const auto rest = text.substr(m.end, 4);
        if (!rest.starts_with("'s ") && !rest.starts_with("\u2019s")) return false;
        return std::any_of(state.result.mentions.begin(), state.result.mentions.end(),
                           [&](const TokenMention& next) {
                             return next.sentence == m.sentence && next.begin > m.end &&
                                    next.begin - m.end <= 5 &&
                                    fits(state.result.actors[next.actor]);
                           });
      };
      // "He told Putin": a pronoun is not someone its own sentence names
      // after it.
      auto named_after = [&](std::uint32_t actor) {
        return std::any_of(state.result.mentions.begin(), state.result.mentions.end(),
                           [&](const TokenMention& m) {
                             return m.sentence == s && m.begin >= tokens[t].end && m.actor == actor;
                           });
      };
      // "Rubio, who hosted the signing at the State Department, called it
      // ...": a place where something happens is no antecedent.
      auto placed_at = [&](const TokenMention& m) {
        auto at = std::lower_bound(
            tokens.begin(), tokens.end(), m.begin,
            [](const Token& candidate, std::uint32_t offset) { return candidate.begin < offset; });
        if (at != tokens.begin() && std::prev(at)->folded == "the") --at;
        return at != tokens.begin() &&
               (std::prev(at)->folded == "at" || std::prev(at)->folded == "in");
      };
      // "Modi told him": an object pronoun is not the subject right before
      // its verb.
      const bool object_form = tokens[t].folded == "him";
      auto subject_of_verb = [&](const TokenMention& m) {
        if (!object_form || m.sentence != s) return false;
        int between = 0;
        for (auto u = t; u-- > sentence.first_token && tokens[u].begin >= m.end;) ++between;
        return between >= 1 && between <= 3;
      };
      std::optional<std::uint32_t> verb_subject;
      for (const auto& m : state.result.mentions) {
        if (m.begin < tokens[t].begin && subject_of_verb(m)) verb_subject = m.actor;
      }
      auto unique_in = [&](std::uint32_t sentence_index, std::uint32_t before) {
        std::optional<std::uint32_t> only;
        for (const auto& m : state.result.mentions) {
          if (m.sentence != sentence_index || m.begin >= before) continue;
          if (!fits(state.result.actors[m.actor]) || possesses_next(m)) continue;
          if (verb_subject && m.actor == *verb_subject) continue;
          if (!personal && placed_at(m)) continue;
          if (sentence_index != s && named_after(m.actor)) continue;
          if (only && *only != m.actor) return std::optional<std::uint32_t>{};
          only = m.actor;
        }
        return only;
      };
      auto antecedent = unique_in(s, tokens[t].begin);
      bool any_here = false;
      for (const auto& m : state.result.mentions) {
        if (m.sentence == s && m.begin < tokens[t].begin && fits(state.result.actors[m.actor])) {
          any_here = true;
        }
      }
      if (!antecedent && !any_here && s > 0) antecedent = unique_in(s - 1, UINT32_MAX);
      if (antecedent) resolved.push_back({*antecedent, tokens[t].begin, tokens[t].end, s});
      // "Oman's foreign minister said his country had mediated": the
      // country of the pronoun's person, organisation or group.
      const bool possessive = tokens[t].folded == "his" || tokens[t].folded == "her" ||
                              tokens[t].folded == "its" || tokens[t].folded == "their";
      // Not as a possessor ("offered his country's support"): the giver is
      // the subject already.
      if (antecedent && possessive && t + 1 < sentence.end_token &&
          (tokens[t + 1].folded == "country" || tokens[t + 1].folded == "nation") &&
          !(t + 2 < sentence.end_token && (tokens[t + 2].flags & text::kPossessive))) {
        const auto& owner = state.result.actors[*antecedent];
        if (owner.type != ActorType::Country && !owner.country.empty() &&
            !is_region(owner.country) && !owner.code.starts_with("IGO")) {
          const auto country = intern(country_actor(owner.country));
          resolved.push_back({country, tokens[t + 1].begin, tokens[t + 1].end, s});
        }
      }
    }
  }
  // 6. "the group", "the militant group", "the bloc": the latest group or
  // organisation (for a bloc or an alliance, intergovernmental) named in
  // this sentence or the two before.
  const auto inside_mention = [&](const text::Token& token) {
    return std::any_of(
        state.result.mentions.begin(), state.result.mentions.end(),
        [&](const TokenMention& m) { return m.begin < token.end && token.begin < m.end; });
  };
  for (std::uint32_t s = 0; s < segmentation.sentences.size(); ++s) {
    const auto& sentence = segmentation.sentences[s];
    for (auto t = sentence.first_token; t + 1 < sentence.end_token; ++t) {
      if (tokens[t].folded != "the") continue;
      auto noun = t + 1;
      // Asked after every "the": the length rules out most words at once.
      const auto refers_back = [&](std::string_view w) {
        return w.size() >= 4 && w.size() <= 12 &&
               (in_list(w, kGroupNouns) || in_list(w, kBlocNouns) || in_list(w, kInstitutionNouns));
      };
      // "The Hague-based court": a place of the institution is no name of it.
      const auto detached = [&](std::uint32_t u) { return is_detached_modifier(text, tokens[u]); };
      while (noun + 1 < sentence.end_token && noun - t <= 2 &&
             (!(tokens[noun].flags & text::kCapitalized) || detached(noun)) &&
             !refers_back(tokens[noun].folded)) {
        ++noun;
      }
      if (!refers_back(tokens[noun].folded)) continue;
      const bool bloc = in_list(tokens[noun].folded, kBlocNouns);
      const bool institution = in_list(tokens[noun].folded, kInstitutionNouns);
      // Rare by now: only then look for mentions among the words.
      bool named = false;
      for (auto u = t + 1; u <= noun && !named; ++u) {
        named = !(institution && detached(u)) && inside_mention(tokens[u]);
      }
      if (named) continue;
      // "the group of seven", "the group of 20" name another group ("accused
      // the group of ..." does not).
      if (noun + 2 < sentence.end_token && tokens[noun + 1].folded == "of" &&
          (tokens[noun + 2].kind == text::TokenKind::Number ||
           in_list(tokens[noun + 2].folded, kSmallNumbers))) {
        continue;
      }
      std::optional<std::uint32_t> antecedent;
      for (const auto& m : state.result.mentions) {
        if (m.begin >= tokens[t].begin) break;
        if (m.sentence + 2 < s) continue;
        const auto& actor = state.result.actors[m.actor];
        const auto last_word = [&] {
          const auto space = actor.name.rfind(' ');
          return text::fold(space == std::string::npos
                                ? std::string_view(actor.name)
                                : std::string_view(actor.name).substr(space + 1));
        };
        const bool fits =
            institution
                ? (actor.type == ActorType::Organization || actor.type == ActorType::Group) &&
                      last_word() == tokens[noun].folded
            : bloc ? actor.code.starts_with("IGO")
                   : (actor.type == ActorType::Group || actor.type == ActorType::Organization) &&
                         !actor.code.starts_with("IGO");
        if (fits) antecedent = m.actor;
      }
      if (antecedent) resolved.push_back({*antecedent, tokens[noun].begin, tokens[noun].end, s});
      t = noun;
    }
  }
  state.result.mentions.insert(state.result.mentions.end(), resolved.begin(), resolved.end());
  std::sort(state.result.mentions.begin(), state.result.mentions.end(),
            [](const TokenMention& a, const TokenMention& b) {
              return a.begin != b.begin ? a.begin < b.begin : a.actor < b.actor;
            });
  state.result.mentions.erase(
      std::unique(state.result.mentions.begin(), state.result.mentions.end(),
                  [](const TokenMention& a, const TokenMention& b) {
                    return a.begin == b.begin && a.end == b.end && a.actor == b.actor;
                  }),
      state.result.mentions.end());
  return std::move(state.result);
}

}  // namespace geokg::actors

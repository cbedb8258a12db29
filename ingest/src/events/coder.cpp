// The event coder: lexicon triggers, roles, modality, dates and places.
#include "events/coder.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "events/dates.hpp"

namespace geokg::events {
namespace {

using Group = std::vector<std::uint32_t>;  // actor indexes
using Type = PatternElement::Type;

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Whether `w` is one of `words`, comparing first letters before the rest:
// for the lists asked of nearly every token the coder passes.
template <std::size_t N>
bool in_word_list(std::string_view w, const std::array<std::string_view, N>& words) {
  if (w.empty()) return false;
  for (const auto word : words) {
    if (word[0] == w[0] && word == w) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 42> kPrepositions{
    "in",        "at",     "on",      "to",      "from",      "with",    "for",
    "of",        "by",     "against", "about",   "over",      "into",    "between",
    "among",     "under",  "after",   "before",  "during",    "since",   "toward",
    "towards",   "across", "through", "despite", "than",      "as",      "like",
    "including", "near",   "onto",    "upon",    "within",    "without", "amid",
    "behind",    "beyond", "via",     "per",     "alongside", "inside",  "outside"};

bool is_preposition(std::string_view w) {
  return in_word_list(w, kPrepositions);
}

bool is_determiner(std::string_view w) {
  return one_of(
      w, {"a",     "an",      "the",  "this",  "that",   "these", "those",  "its",   "his",  "her",
          "their", "our",     "my",   "your",  "'s",     "'",     "no",     "every", "each", "any",
          "some",  "another", "such", "first", "second", "last",  "latest", "new"});
}

bool is_possessive_pronoun(std::string_view w) {
  return one_of(w, {"its", "his", "her", "their", "our"});
}

bool is_be(std::string_view w) {
  return one_of(w, {"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets",
                    "getting", "gotten"});
}

// Adverbs and auxiliaries that may stand inside a verb chain.
// A quotation mark that opens a quote: straight or curly.
bool is_opening_quote(std::string_view w) {
  return w == "\"" || w == "\u201c";
}

bool is_chain_filler(std::string_view w) {
  return (w.size() > 3 && w.ends_with("ly")) ||
         one_of(w, {"also",  "not",     "n't",   "never",      "long",     "already", "still",
                    "just",  "then",    "now",   "again",      "further",  "soon",    "once",
                    "even",  "jointly", "has",   "have",       "had",      "will",    "would",
                    "could", "can",     "may",   "might",      "must",     "shall",   "should",
                    "do",    "does",    "did",   "is",         "are",      "was",     "were",
                    "be",    "been",    "being", "reportedly", "allegedly"});
}

bool is_negation(std::string_view w) {
  return one_of(w, {"not", "n't", "never", "no", "neither", "nor"});
}

bool is_hypothetical(std::string_view w) {
  return one_of(w, {"could", "may", "might", "should", "if", "whether", "possible", "possibly",
                    "potential", "potentially", "consider", "considers", "considering",
                    "considered", "perhaps", "unless"});
}

bool is_intent(std::string_view w) {
  // "would" reports a plan ("said it would resume aid") more often than a
  // condition.
  return one_of(
      w, {"will",      "'ll",      "would",      "shall",    "plan",      "plans",   "planned",
          "planning",  "intend",   "intends",    "intended", "intending", "want",    "wants",
          "wanted",    "seek",     "seeks",      "sought",   "seeking",   "hope",    "hopes",
          "hoped",     "hoping",   "aim",        "aims",     "aiming",    "prepare", "prepares",
          "preparing", "prepared", "expect",     "expects",  "expected",  "promise", "promises",
          "promised",  "pledge",   "pledges",    "pledged",  "vow",       "vows",    "vowed",
          "offer",     "offers",   "offered",    "agree",    "agrees",    "agreed",  "going",
          "set",       "looking",  "poised",     "ready",    "willing",   "due",     "scheduled",
          "keen",      "eager",    "determined", "resolved", "decide",    "decided", "decides",
          "propose",   "proposes", "proposed",   "proposing"});
}

bool is_threat(std::string_view w) {
  return one_of(w, {"threaten", "threatens", "threatened", "threatening", "warn", "warns", "warned",
                    "warning"});
}

// Vows: an intention to use force that is stated is a threat in CAMEO
// ("vowed to intensify the campaign against the militants" is 138).
bool is_vow(std::string_view w) {
  return one_of(w, {"vow", "vows", "vowed", "vowing", "pledge", "pledges", "pledged", "pledging",
                    "swear", "swears", "swore", "sworn"});
}

// Verbs whose object is promised, not done: "pledged military aid".
bool is_promise(std::string_view w) {
  return one_of(w, {"promise", "promises", "promised", "pledge", "pledges", "pledged", "vow",
                    "vows", "vowed", "offer", "offers", "offered"});
}

bool uses_force(std::string_view code) {
  return code.starts_with("18") || code.starts_with("19") || code.starts_with("20");
}

// Acts done in words, which a telephone call can carry: statements,
// appeals, intents, consultations, praise and apology, demands, criticism,
// rejections and threats. Not 04's meetings and visits, nor deeds.
bool spoken(std::string_view code) {
  if (code == "040" || code == "041") return code == "040";
  if (code.starts_with("04")) return false;
  if (code.starts_with("05")) return one_of(code.substr(0, 3), {"050", "051", "055", "056", "057"});
  return one_of(code.substr(0, 2), {"01", "02", "03", "10", "11", "12", "13"});
}

// Verbs whose infinitive did not happen: "declined to join", "refused to
// meet", "failed to stop".
bool declines(std::string_view w) {
  return one_of(w, {"decline", "declines", "declined", "declining", "refuse", "refuses", "refused",
                    "refusing", "fail", "fails", "failed", "failing"});
}

bool is_report_cue(std::string_view w) {
  return one_of(w, {"reportedly", "allegedly", "purportedly", "reported", "alleged", "rumored",
                    "rumoured", "suspected", "apparently", "claimed", "believed"});
}

// CAMEO's intent codes (03x) for cooperation announced rather than done.
std::string_view intent_code(std::string_view code) {
  struct Pair {
    std::string_view from, to;
  };
  static constexpr Pair kIntent[] = {
      {"040", "036"},  {"041", "036"},  {"042", "036"},  {"043", "036"},  {"044", "036"},
      {"045", "039"},  {"046", "036"},  {"050", "032"},  {"051", "032"},  {"052", "032"},
      {"053", "032"},  {"054", "032"},  {"055", "032"},  {"056", "032"},  {"057", "032"},
      {"060", "030"},  {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"},
      {"070", "033"},  {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
      {"075", "033"},  {"080", "035"},  {"081", "0351"}, {"082", "0352"}, {"083", "034"},
      {"084", "0353"}, {"085", "0354"}, {"086", "0355"}, {"087", "0356"}};
  for (const auto& pair : kIntent) {
    if (code == pair.from || (code.size() > 3 && code.substr(0, 3) == pair.from)) return pair.to;
  }
  if (code.size() >= 2) {
    const auto root = code.substr(0, 2);
    for (const auto& pair : kIntent) {
      if (pair.from.substr(0, 2) == root && pair.from.back() == '0') return pair.to;
    }
    if (root == "04") return "036";
  }
  return {};
}

// CAMEO's threat codes (13x) for force or coercion threatened.
std::string_view threat_code(std::string_view code) {
  if (code.size() < 2) return {};
  const auto root = code.substr(0, 2);
  if (code.starts_with("163") || code.starts_with("161")) return "1312";
  if (root == "16") return "131";
  if (root == "17") return "137";
  if (code.starts_with("191")) return "1381";
  if (code.starts_with("192")) return "1382";
  if (root == "18") return "1383";
  if (root == "19") return "1384";
  if (root == "20") return "1385";
  return {};
}

bool is_title_word(std::string_view w) {
  return one_of(
      w, {"president",   "minister",   "prime",     "foreign",    "defense",     "defence",
          "deputy",      "vice",       "secretary", "spokesman",  "spokeswoman", "spokesperson",
          "chief",       "leader",     "envoy",     "ambassador", "general",     "gen.",
          "commander",   "head",       "army",      "military",   "navy",        "interior",
          "finance",     "trade",      "economy",   "state",      "senior",      "top",
          "official",    "officials",  "supreme",   "former",     "opposition",  "rebel",
          "rebels",      "chancellor", "king",      "queen",      "emir",        "crown",
          "prince",      "sheikh",     "ayatollah", "premier",    "mayor",       "governor",
          "counterpart", "negotiator", "diplomat",  "national",   "security",    "adviser",
          "advisor",     "staff",      "joint",     "of",         "affairs",     "intelligence",
          "militia",     "junta",      "dictator",  "strongman",  "monarch",     "pope",
          "cardinal"});
}

// Nouns that stand for the actor they are "of": "the leaders of the three
// countries", "the government of Sudan".
// Nouns for a settlement or an area that "of" names: "the port of Odesa",
// "the northern city of Kharkiv", "the outskirts of Kyiv". Struck, visited
// or besieged, they stand for the place that follows.
bool names_a_place_after_of(std::string_view w) {
  return one_of(w, {"city",        "cities",        "town",         "towns",     "village",
                    "villages",    "port",          "ports",        "capital",   "region",
                    "regions",     "province",      "provinces",    "district",  "districts",
                    "area",        "areas",         "enclave",      "island",    "islands",
                    "oblast",      "territory",     "territories",  "outskirts", "suburb",
                    "suburbs",     "neighbourhood", "neighborhood", "county",    "municipality",
                    "governorate", "settlement",    "settlements"});
}

// Nouns for what force is used on, owned by the actor "of" names: "struck
// positions of the Pakistani Taliban", "shelled bases of the RSF".
bool names_a_target_after_of(std::string_view w) {
  return one_of(w, {"position",      "positions",      "target",   "targets",    "base",
                    "bases",         "hideout",        "hideouts", "camp",       "camps",
                    "stronghold",    "strongholds",    "facility", "facilities", "headquarters",
                    "depot",         "depots",         "convoy",   "convoys",    "fighters",
                    "militants",     "infrastructure", "site",     "sites",      "installation",
                    "installations", "outpost",        "outposts", "compound",   "compounds",
                    "tunnels",       "launchers",      "vessels",  "ships",      "units",
                    "commanders"});
}

// Conjunctions that open a clause with a subject of its own: "declared an
// emergency after gunmen stormed a studio".
constexpr std::array<std::string_view, 13> kSubordinators{
    "after",    "before", "when", "while", "because", "since",  "until",
    "although", "though", "as",   "once",  "unless",  "whereas"};

bool is_subordinator(std::string_view w) {
  return in_word_list(w, kSubordinators);
}

// Words a pattern's gap never passes: they open another clause or phrase
// ("agreed to restore relations after talks", "a war during talks").
bool ends_pattern_gap(std::string_view w) {
  if (w.size() < 4) return false;  // "as" opens no clause here ("as well as")
  if (w[0] == 'd') return w == "during" || w == "despite";
  if (w == "amid") return true;
  return is_subordinator(w);
}

// Nouns for an attack or its weapon, which an actor used as an adjective
// may stand before: "an Israeli airstrike destroyed", "Russian missiles hit".
bool is_attack_noun(std::string_view w) {
  return one_of(
      w, {"strike",   "strikes", "airstrike", "airstrikes",  "attack",    "attacks", "raid",
          "raids",    "missile", "missiles",  "rocket",      "rockets",   "drone",   "drones",
          "shell",    "shells",  "shelling",  "bombardment", "bomb",      "bombs",   "bombing",
          "bombings", "barrage", "fire",      "artillery",   "offensive", "assault"});
}

bool stands_for_its_group(std::string_view w) {
  return one_of(
      w, {"leader",     "leaders",    "government", "governments", "people",      "forces",
          "troops",     "army",       "armies",     "president",   "presidents",  "officials",
          "members",    "citizens",   "residents",  "ministers",   "authorities", "regime",
          "militaries", "military",   "navy",       "delegation",  "delegations", "representatives",
          "heads",      "rulers",     "state",      "states",      "embassy",     "embassies",
          "consulate",  "consulates", "mission",    "missions",    "employees",   "staff",
          "workers",    "operatives"});
}

struct Phrase {
  std::uint32_t first = 0;  // tokens, half-open
  std::uint32_t end = 0;
  Group actors;
  bool possessor = false;  // followed by 's, or a possessive pronoun
};

struct Slot {
  Group actors;
  std::uint32_t end = 0;  // token after the slot
  std::vector<int> phrases;
  const actors::PlaceMention* place = nullptr;
};

// A noun that names an earlier event ("condemned the launch", "the attack
// was condemned by ..."), with the CAMEO roots of the events it may name;
// no roots: any event ("the move", "the decision").
struct EventNoun {
  std::string_view noun;
  std::string_view roots;  // two-digit roots, space-separated
};
constexpr EventNoun kEventNouns[] = {
    {"attack", "15 18 19 20"},
    {"strike", "18 19 20"},
    {"airstrike", "18 19 20"},
    {"assault", "18 19 20"},
    {"offensive", "19 20"},
    {"invasion", "19 20"},
    {"bombing", "18 19 20"},
    {"shelling", "19 20"},
    {"raid", "17 18 19"},
    {"incursion", "15 19"},
    {"killing", "18 19 20"},
    {"massacre", "18 19 20"},
    {"launch", "13 15 19"},
    {"test", "13 15"},
    {"provocation", "13 15 19"},
    {"drill", "15"},
    {"exercise", "15"},
    {"visit", "04"},
    {"trip", "04"},
    {"sanction", "16"},
    {"tariff", "16"},
    {"deportation", "17 20"},
    {"embargo", "16"},
    {"expulsion", "16 17"},
    {"arrest", "17"},
    {"detention", "17"},
    {"crackdown", "17"},
    {"seizure", "17 19"},
    {"annexation", "19"},
    {"occupation", "19"},
    {"remark", "01 10 11 12 13"},
    {"comment", "01 10 11 12 13"},
    {"threat", "13"},
    {"accusation", "01 11"},
    {"allegation", "01 11"},
    {"charge", "01 11"},
    {"claim", "01 11"},
    {"verdict", "11"},
    {"conviction", "11"},
    {"ruling", "11 12 17"},
    {"deal", "03 05 06 08"},
    {"agreement", "03 05 06 08"},
    {"treaty", "03 05 06 08"},
    {"pact", "03 05 06 08"},
    {"accord", "03 05 06 08"},
    {"truce", "08"},
    {"ceasefire", "08"},
    {"talk", "03 04"},
    {"negotiation", "03 04"},
    {"meeting", "04"},
    {"summit", "04"},
    {"signing", "03 05 06 08"},
    {"move", ""},
    {"decision", ""},
    {"step", ""},
    {"action", ""},
};

struct Match {
  const LexiconEntry* entry = nullptr;
  std::uint32_t entry_index = 0;
  std::uint32_t head = 0;
  std::uint32_t end = 0;
  int elements = 0;
  Slot source;
  Slot target;
  bool passive = false;
  // The passive's subject is the pattern's object, not its target: "new
  // sanctions were imposed by the EU on Belarus".
  bool object_first = false;
  std::uint32_t subject_end = 0;  // token after the subject, or the clause start
  std::string roles;              // how the roles were found
  // The target is who did an earlier event this noun names (a reaction);
  // one of this sentence when the noun is in an appositive ("..., a charge
  // Kabul denies").
  const EventNoun* named_event = nullptr;
  bool named_here = false;
  // The event noun a reaction is about ("condemned the arrest of"), or 0;
  // that noun is not an event of the reaction's subject.
  std::uint32_t named_at = 0;
  std::string target_how;  // how the target was found, when not by a slot
  // Force used on unnamed people ("killed more than 800 people"): the token
  // of the noun, whose country is decided once the source is known; 0 if none.
  std::uint32_t people_at = 0;
  // "police detained dozens of people": coercion of people no one names,
  // coded with its source alone.
  bool unnamed_object = false;
};

// Title words between a modifier mention and a name ("Japanese Prime
// Minister | Fumio Kishida", "Russian defense minister | Sergei Shoigu"): one
// phrase. The modifier must be a country or organisation, the gap at most
// five title words or capitalised words.
bool title_gap(const std::vector<text::Token>& tokens, const Phrase& modifier, std::uint32_t next,
               const actors::RecognizedActors& recognized, const Actor& named) {
  if (next - modifier.end > 5 || modifier.actors.empty()) return false;
  const auto type = recognized.actors[modifier.actors.front()].type;
  if (type != ActorType::Country && type != ActorType::Organization) return false;
  // "Germany's Olaf Scholz", "Russia's foreign minister Sergei Lavrov"; but
  // "Russia's Far East" is a place in Russia, not an actor of its own.
  if (tokens[modifier.end].flags & text::kPossessive) {
    if (named.code.empty()) return false;
    return next - modifier.end == 1 ||
           title_gap(tokens, Phrase{modifier.first, modifier.end + 1, modifier.actors, false}, next,
                     recognized, named);
  }
  for (auto t = modifier.end; t < next; ++t) {
    const auto& token = tokens[t];
    if (token.kind != text::TokenKind::Word) return false;
    if (!(token.flags & text::kCapitalized) && !is_title_word(token.folded)) return false;
    if (token.flags & text::kSentenceStart) return false;
  }
  return true;
}

}  // namespace

namespace {

// How an event is qualified: its final code (intent and threat codes
// applied), negation and modality, and the cues behind them.
struct Qualified {
  std::string code;
  Modality modality = Modality::Asserted;
  bool negated = false;
  std::string cues;  // " intent", " threat" or ""
};

// Intentions, threats and conditions from the verb chain before a trigger.
struct Mood {
  bool intended = false, hypothetical = false, threatened = false;
};

using Pair = std::pair<std::uint32_t, std::optional<std::uint32_t>>;

}  // namespace

EventCoder::EventCoder(const EventLexicon& lexicon, const Ontology& ontology)
    : lexicon_(lexicon), ontology_(ontology) {
  const auto& entries = lexicon_.entries();
  for (std::uint32_t i = 0; i < entries.size(); ++i) {
    by_head_[entries[i].elements[entries[i].head].word].push_back(i);
  }
  // The forms of each head: the inverses of Morphology's rules, and the
  // irregular forms of WordNet's exception lists. Over-generating is
  // harmless: a token matches only if it is one of these forms.
  auto add_form = [&](std::string form, const std::vector<std::uint32_t>& indexes) {
    auto& list = by_form_[std::move(form)];
    list.insert(list.end(), indexes.begin(), indexes.end());
  };
  for (const auto& [head, indexes] : by_head_) {
    add_form(head, indexes);
    for (const char* suffix : {"s", "es", "ed", "d", "ing"}) add_form(head + suffix, indexes);
    if (head.size() > 1 && head.back() == 'e')
      add_form(head.substr(0, head.size() - 1) + "ing", indexes);
    if (head.size() > 1 && head.back() == 'y') {
      const auto stem = head.substr(0, head.size() - 1);
      add_form(stem + "ies", indexes);
      add_form(stem + "ied", indexes);
    }
    if (head.size() > 2 && head.ends_with("man"))
      add_form(head.substr(0, head.size() - 3) + "men", indexes);
    if (head.size() > 2 && head.ends_with("is"))
      add_form(head.substr(0, head.size() - 2) + "es", indexes);
    const char last = head.back();
    // Doubled final consonants: "planned", "shelling".
    if (head.size() >= 3 && last >= 'a' && last <= 'z' &&
        std::string_view("aeiouwxy").find(last) == std::string_view::npos) {
      add_form(head + last + "ed", indexes);
      add_form(head + last + "ing", indexes);
    }
  }
  for (const auto word_class : {WordClass::Verb, WordClass::Noun}) {
    morphology_.for_each_exception(
        word_class, [&](const std::string& inflected, const std::string& lemma) {
          if (const auto found = by_head_.find(lemma); found != by_head_.end())
            add_form(inflected, found->second);
        });
  }
  for (auto& [form, indexes] : by_form_) {
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
  }
}

// Codes one sentence. Holds the sentence's phrases (runs of actor mentions)
// and places by token, and the matches found so far.
struct SentenceCoder {
  SentenceCoder(const EventCoder& coder_in, std::string_view text_in,
                const std::vector<text::Token>& tokens_in, const text::Sentence& sentence_in,
                actors::RecognizedActors& recognized_in, const CountryActor& country_actor_in)
      : coder(coder_in),
        text(text_in),
        tokens(tokens_in),
        recognized(recognized_in),
        country_actor(country_actor_in),
        sb(sentence_in.first_token),
        se(sentence_in.end_token) {}

  const EventCoder& coder;
  std::string_view text;
  const std::vector<text::Token>& tokens;
  actors::RecognizedActors& recognized;
  const CountryActor& country_actor;
  const std::uint32_t sb, se;  // the sentence's tokens, half-open
  std::vector<int> phrase_at;
  // Tokens inside earlier matches ("traveled to North Korea" before "to ask")
  // and date expressions: a verb's subject may be found across them.
  std::vector<bool> passable;
  std::vector<bool> in_date;  // tokens of a date expression
  std::vector<Phrase> phrases;
  std::vector<const actors::PlaceMention*> place_at;
  mutable std::vector<std::string> lemma_buffer;
  mutable std::vector<std::string> word_lemma_buffer;
  bool according_to = false;  // "according to X" reports the whole sentence
  // Event nouns that an earlier reaction is about ("condemned the arrest
  // of"): whoever did them, it was not the reacting clause's subject.
  std::vector<std::uint32_t> reaction_objects;

  const text::Token& token(std::uint32_t t) const { return tokens[t]; }
  std::string_view folded(std::uint32_t t) const { return tokens[t].folded; }
  int phrase(std::uint32_t t) const { return t >= sb && t < se ? phrase_at[t - sb] : -1; }

  bool is_boundary(std::uint32_t t) const {
    const auto& tok = tokens[t];
    if (tok.kind != text::TokenKind::Punct) return false;
    return one_of(tok.folded, {";", ":", "-", "(", ")", "[", "]", "--"});
  }
  // What "accused X of ..." or "blamed X for ..." charges, as CAMEO's
  // subcode of 112, from the first word that names it in the rest of the
  // clause: "accused the RSF of carrying out a campaign of ethnic
  // cleansing" is 1124. Empty when no word does.
  std::string_view accusation_code(const Match& match) const {
    if (match.end <= sb + 1 || !one_of(folded(match.end - 1), {"of", "for"})) return {};
    return charge_code(match.end, 12);
  }

  // "condemned the deportations as a kidnapping", "denounced the strike as
  // a war crime": a disapproval (111) that names the act a crime is an
  // accusation of it, with the subcode of the charge. Empty when none.
  std::string_view condemned_as_code(const Match& match) const {
    auto from = std::max(match.end, match.target.end);
    if (match.named_event) from = std::max(from, match.named_at + 1);
    for (auto t = from; t < se && t - from <= 3; ++t) {
      if (is_boundary(t) || folded(t) == ",") return {};
      if (folded(t) != "as" || t + 1 >= se) continue;
      // "as a kidnapping", "as genocide"; not an adjective ("condemned the
      // drills as provocative" is no charge of aggression).
      const auto next = folded(t + 1);
      const bool adjective =
          std::any_of(std::begin(kAdjectiveEndings), std::end(kAdjectiveEndings),
                      [&](std::string_view ending) { return next.ends_with(ending); });
      return adjective ? std::string_view() : charge_code(t + 1, 5);
    }
    return {};
  }
  static constexpr std::string_view kAdjectiveEndings[] = {"ive", "ous", "ory",  "al",
                                                           "ic",  "ed",  "ible", "able"};

  // The charge the first of `reach` words from `from` names, as CAMEO's
  // subcode of 112: "corruption" 1121, "torture" 1122, "aggression" 1123,
  // "genocide" 1124, "espionage" 1125. Empty when none does.
  std::string_view charge_code(std::uint32_t from, std::uint32_t reach) const {
    struct Topic {
      std::string_view stem;
      std::string_view code;
    };
    // Stems, so that "stealing" and "stole" both read as theft.
    static constexpr Topic kTopics[] = {
        {"genocid", "1124"},  {"atrocit", "1124"},  {"massacr", "1124"},   {"cleansing", "1124"},
        {"humanity", "1124"}, {"aggressi", "1123"}, {"aggressor", "1123"}, {"invasion", "1123"},
        {"invading", "1123"}, {"attack", "1123"},   {"shelling", "1123"},  {"bombing", "1123"},
        {"bombard", "1123"},  {"provocat", "1123"}, {"incursion", "1123"}, {"abuse", "1122"},
        {"tortur", "1122"},   {"repress", "1122"},  {"persecut", "1122"},  {"espionage", "1125"},
        {"spying", "1125"},   {"treason", "1125"},  {"sabotag", "1125"},   {"hacking", "1125"},
        {"corrupt", "1121"},  {"fraud", "1121"},    {"briber", "1121"},    {"terroris", "1121"},
        {"rigging", "1121"},  {"stealing", "1121"}, {"theft", "1121"},     {"smuggl", "1121"},
        {"traffick", "1121"}, {"launder", "1121"},  {"hijack", "1121"},    {"kidnap", "1121"},
        {"murder", "1121"},   {"crime", "1121"},    {"suicide", "1121"}};
    for (auto t = from; t < se && t - from < reach; ++t) {
      if (is_boundary(t)) break;
      const auto w = folded(t);
      // "an enabler of Russia's war" charges nothing with Russia's war.
      if (t > sb && (tokens[t - 1].flags & text::kPossessive)) continue;
      // "war crimes" are not crimes of aggression; "waging war" is.
      if (w == "war") {
        const bool crimes = t + 1 < se && folded(t + 1).starts_with("crime");
        return crimes ? "1124" : "1123";
      }
      for (const auto& topic : kTopics) {
        if (w.starts_with(topic.stem)) return topic.code;
      }
    }
    return {};
  }

  // "urged Islamabad to halt the deportations": the act an appeal asks for
  // (the base verb after its "to") names CAMEO's finer appeal code; empty
  // when the pattern does not end in "to" or the act is not one of these.
  std::string_view appeal_code(const Match& match) const {
    if (match.end <= sb + 1 || match.end >= se || folded(match.end - 1) != "to") return {};
    return asked_code(match.end);
  }

  // The kind of cooperation a general pattern names by a word before
  // "cooperation" or "ties" in its span: "step up counter-terrorism
  // cooperation" is military (2), "economic" 1, "judicial" 3,
  // "intelligence" 4; 0 when none.
  int cooperation_kind(const Match& match) const {
    const auto end = std::min<std::uint32_t>(std::max(match.end, match.head + 1), se);
    for (auto t = match.head + 1; t < end; ++t) {
      if (!one_of(folded(t), {"cooperation", "co-operation", "ties", "partnership"})) continue;
      for (auto u = t; u-- > match.head && t - u <= 2;) {
        const auto w = folded(u);
        if (one_of(w, {"military", "defence", "defense", "security", "counter-terrorism",
                       "counterterrorism", "naval", "nuclear", "arms"})) {
          return 2;
        }
        if (one_of(w, {"economic", "trade", "energy", "investment", "financial", "business"})) {
          return 1;
        }
        if (one_of(w, {"judicial", "legal", "law-enforcement"})) return 3;
        if (w == "intelligence") return 4;
      }
    }
    return 0;
  }

  // What a warning says will happen, when it is the warner's own act:
  // "warned the Houthis that hell would rain down on them" threatens force
  // (138), "warned Moscow that it would face sanctions" sanctions (1312).
  // Only for a plain "warn $T" followed by its content ("that", ":" or a
  // quote); "warned Israel against attacking Rafah" stays a warning.
  std::string_view warning_code(const Match& match) const {
    if (match.entry->pattern != "warn $T" || match.end >= se) return {};
    const auto opener = folded(match.end);
    if (opener != "that" && opener != ":" && !is_opening_quote(opener)) return {};
    for (auto t = match.end + 1; t < se; ++t) {
      const auto w = folded(t);
      for (const std::string_view stem :
           {"kill", "crush", "destroy", "hell", "retaliat", "response", "respond", "annihilat",
            "obliterat", "wipe", "price"}) {
        if (w.starts_with(stem)) return "138";
      }
      for (const std::string_view stem : {"sanction", "tariff", "embargo", "boycott", "levies"}) {
        if (w.starts_with(stem)) return "1312";
      }
    }
    return {};
  }

  // What a demand asks for, as CAMEO's finer demand code (10x mirrors the
  // appeals' 02x): "demanded that Russia accept a ceasefire" is 1056,
  // "ordered Israel to allow aid in" 1055. Empty when no finer code fits.
  std::string demand_code(const Match& match) const {
    if (match.end <= sb + 1 || match.end >= se) return {};
    auto t = match.end;
    // "demanded that Kyiv must withdraw", "told Israel to".
    for (int skipped = 0; skipped < 2 && t + 1 < se &&
                          one_of(folded(t), {"must", "should", "to", "would", "immediately"});
         ++skipped) {
      ++t;
    }
    const auto asked = asked_code(t);
    if (asked.size() < 3 || !asked.starts_with("02")) return {};
    return "10" + std::string(asked.substr(2));
  }

  // The appeal code (02x) of the act asked for, from its verb at `t`
  // ("halt its offensive" 0256, "lift the sanctions" 0254).
  std::string_view asked_code(std::uint32_t t) const {
    if (t >= se) return {};
    // "to immediately release"; "to supply" is no adverb.
    if (t + 1 < se && folded(t).ends_with("ly") &&
        !one_of(folded(t), {"supply", "apply", "reply", "comply", "rely", "rally", "fly"})) {
      ++t;
    }
    if (tokens[t].kind != text::TokenKind::Word || phrase(t) >= 0) return {};
    const auto verb = folded(t);
    // The object's first content words: "halt its offensive", "lift the sanctions".
    const auto object_has = [&](std::initializer_list<std::string_view> nouns,
                                std::uint32_t reach = 4) {
      for (auto u = t + 1; u < se && u - t <= reach && !is_boundary(u); ++u) {
        for (const auto noun : nouns) {
          if (folded(u).starts_with(noun)) return true;
        }
      }
      return false;
    };
    if (one_of(verb, {"halt", "stop", "end", "cease", "suspend", "abandon"})) {
      return object_has({"offensive", "attack", "strike", "fighting", "hostilit", "bombing", "war",
                         "operation", "shelling", "assault", "airstrike", "incursion"})
                 ? "0256"
                 : "025";
    }
    if (one_of(verb, {"release", "free"})) return "0253";
    if (one_of(verb, {"withdraw", "de-escalate", "deescalate"})) return "0256";
    // "accept an unconditional ceasefire", "pull back its troops".
    if (one_of(verb, {"accept", "agree", "observe", "respect", "declare", "announce", "honour",
                      "honor"}) &&
        object_has({"ceasefire", "cease-fire", "truce", "armistice"}, 6)) {
      return "0256";
    }
    if (verb == "pull" && object_has({"out", "back"}, 1)) return "0256";
    if (one_of(verb, {"exercise", "show"})) {
      return object_has({"restraint"}) ? "0256" : std::string_view{};
    }
    if (verb == "lift" || verb == "ease") {
      return object_has({"sanction", "ban", "embargo", "tariff", "restriction", "blockade"})
                 ? "0254"
                 : "0251";
    }
    if (verb == "allow" || verb == "let") {
      return object_has({"aid", "access", "inspector", "observer", "monitor", "humanitarian"}, 7)
                 ? "0255"
                 : std::string_view{};
    }
    // "urged al-Sharaa to normalise relations with Israel".
    if (one_of(verb, {"normalise", "normalize", "restore", "establish", "resume"}) &&
        object_has({"relations", "ties"}, 3)) {
      return "022";
    }
    if (one_of(verb, {"negotiate", "talk", "meet", "resume", "engage"})) return "026";
    if (verb == "return" && object_has({"talks", "negotiat", "dialogue", "table"})) return "026";
    if (one_of(verb, {"resign", "quit"})) return "0241";
    if (verb == "reform") return "024";
    if (one_of(verb, {"support", "recognize", "recognise", "back", "endorse"})) return "022";
    if (one_of(verb, {"help", "assist", "aid"})) return "023";
    // "urged allies to speed up deliveries of air defence systems".
    if (one_of(verb, {"send", "supply", "provide", "deliver", "give", "speed", "step", "boost",
                      "increase", "expedite", "accelerate", "ramp", "hasten", "bolster"})) {
      if (object_has({"weapon", "arms", "ammunition", "munition", "missile", "defen", "tank", "jet",
                      "fighter", "artillery", "shell", "drone", "military"},
                     8)) {
        return "0232";
      }
      if (object_has({"humanitarian", "food", "medicine", "medical", "relief"}, 8)) return "0233";
      if (object_has({"aid", "assistance", "fund", "financ", "loan", "money"}, 8)) return "023";
    }
    if (verb == "cooperate") return "021";
    // "asked India to hand back Hasina", "to extradite": judicial cooperation.
    if (verb == "extradite" || ((verb == "hand" || verb == "send") &&
                                object_has({"back", "over"}, 3) && !object_has({"aid"}, 6))) {
      return "0213";
    }
    if (verb == "share" && object_has({"intelligence", "information", "what", "data"}, 4)) {
      return "0214";
    }
    if (one_of(verb, {"yield", "concede", "compromise"})) return "025";
    return {};
  }

  // Fighters as an object ("killed dozens of Malian soldiers"), not a
  // movement or its leader ("killed Hamas leader Ismail Haniyeh").
  bool names_fighters(const Slot& slot) const {
    return !slot.phrases.empty() &&
           std::all_of(slot.phrases.begin(), slot.phrases.end(), [&](int p) {
             return one_of(folded(phrases[p].end - 1),
                           {"soldiers", "troops", "fighters", "mercenaries", "militants", "rebels",
                            "forces", "insurgents", "guerrillas", "jihadists", "militiamen",
                            "servicemen", "paratroopers", "marines", "combatants"});
           });
  }

  // A hundred or more between a trigger and its target: "killed more than
  // 800 people", "hundreds of civilians".
  bool counts_a_hundred(const Match& match) const {
    const auto end = std::min<std::uint32_t>(match.target.end ? match.target.end : match.end, se);
    for (auto t = match.head + 1; t < end; ++t) {
      const auto w = folded(t);
      if (one_of(w, {"hundreds", "thousands", "millions"})) return true;
      if (tokens[t].kind != text::TokenKind::Number) continue;
      int digits = 0;  // "1,200": separators are not digits
      for (const char c : w) {
        if (c >= '0' && c <= '9') {
          ++digits;
        } else if (c != ',') {
          break;
        }
      }
      if (digits >= 3) return true;
    }
    return false;
  }

  // Aircraft and drones as a subject ("British warplanes struck ..."), or
  // aerial weapons that the subject modifies ("Russian missiles hit ...").
  bool from_the_air(const Slot& slot) const {
    return std::any_of(slot.phrases.begin(), slot.phrases.end(), [&](int p) {
      const auto last = phrases[p].end - 1;
      if (tokens[last].kind == text::TokenKind::Word &&
          one_of(folded(last),
                 {"warplanes", "warplane", "jets", "jet", "bombers", "bomber", "drones", "drone",
                  "aircraft", "helicopters", "helicopter", "gunships", "gunship"})) {
        return true;
      }
      for (auto n = phrases[p].end; n < se && n <= phrases[p].end + 1; ++n) {
        if (phrase(n) >= 0) return false;
        if (one_of(folded(n),
                   {"missile", "missiles", "rocket", "rockets", "airstrike", "airstrikes", "air",
                    "drone", "drones", "bomb", "bombs", "bombing", "bombings"})) {
          return true;
        }
      }
      return false;
    });
  }

  // Aerial weapons as the instrument: "pounded the energy grid with more
  // than 90 missiles", "struck the sites with bunker-busting bombs".
  bool with_aerial_weapons(const Match& match) const {
    const auto from = std::max(match.end, match.target.end);
    for (auto t = from; t < se && t - from <= 3; ++t) {
      if (folded(t) != "with") continue;
      for (auto u = t + 1; u < se && u - t <= 6 && !is_boundary(u); ++u) {
        if (one_of(folded(u),
                   {"missile", "missiles", "rocket", "rockets", "drone", "drones", "airstrike",
                    "airstrikes", "bomb", "bombs", "warplanes", "aircraft", "jets"})) {
          return true;
        }
      }
      return false;
    }
    return false;
  }

  // A slot whose words name a diplomat: "its ambassador", "the Russian
  // envoy", "six Canadian diplomats".
  bool names_diplomat(const Slot& slot) const {
    for (const auto p : slot.phrases) {
      for (auto t = phrases[p].first; t < phrases[p].end && t < se; ++t) {
        if (one_of(folded(t), {"ambassador", "ambassadors", "envoy", "envoys", "diplomat",
                               "diplomats", "consul", "attache", "chargé", "charge"})) {
          return true;
        }
      }
    }
    return false;
  }

  // "thanked Scholz in a phone call", "warned Biden by telephone against
  // ...": the act was done over the telephone. The means follows the act's
  // target in its clause, within a few words, or the pattern's end.
  bool by_telephone(const Match& match) const {
    const auto from = match.target.end > match.head ? match.target.end : match.end;
    const auto last = std::max(match.end, from) + 6;
    for (auto t = from; t < se && t <= last && !is_boundary(t); ++t) {
      const auto w = folded(t);
      // ", in a phone call, that ...": a comma may open the means itself.
      if (w == ",") {
        if (t == from && t + 1 < se && one_of(folded(t + 1), {"in", "during", "by", "over"}))
          continue;
        return false;
      }
      if (!one_of(w, {"phone", "telephone"}) || t == sb) continue;
      const auto before = folded(t - 1);
      const auto next = t + 1 < se ? folded(t + 1) : std::string_view(".");
      if (one_of(next, {"call", "calls", "conversation", "conversations"})) {
        // "in a phone call", "during a telephone conversation"
        return t >= sb + 2 && one_of(before, {"a", "the", "their", "his", "her"}) &&
               one_of(folded(t - 2), {"in", "during", "on", "over"});
      }
      // "by phone", "over the phone", "on the phone", but not "by phone
      // companies": the means ends its phrase.
      const bool means = before == "by" ||
                         (before == "the" && t >= sb + 2 && one_of(folded(t - 2), {"over", "on"}));
      const bool ends =
          tokens[t + 1 < se ? t + 1 : t].kind == text::TokenKind::Punct ||
          one_of(next, {"to", "with", "on", "in", "about", "from", "that", "and", "against",
                        "after", "before", "during", "late", "early", "last", "this"});
      return means && ends;
    }
    return false;
  }

  // A word of a quantity before a noun: "struck more than 60 Houthi
  // targets", "at least 20 people", "up to 5,000 troops", "hundreds of
  // civilians". Its prepositions start no phrase of their own.
  bool in_quantity(std::uint32_t t) const {
    const auto w = folded(t);
    const auto before = [&](std::string_view word) { return t > sb && folded(t - 1) == word; };
    const auto after_is = [&](std::initializer_list<std::string_view> words) {
      return t + 1 < se && one_of(folded(t + 1), words);
    };
    const auto number_after = [&] {
      return t + 1 < se && tokens[t + 1].kind == text::TokenKind::Number;
    };
    if (one_of(w, {"more", "less", "fewer"})) return after_is({"than"});
    if (w == "than") return t > sb && one_of(folded(t - 1), {"more", "less", "fewer"});
    if (w == "at") return after_is({"least", "most"});
    if (one_of(w, {"least", "most"})) return before("at");
    if (w == "up") return after_is({"to"});
    if (w == "to") return before("up") && number_after();
    if (one_of(w, {"over", "about", "around", "nearly", "almost", "roughly", "approximately",
                   "some"})) {
      return number_after();
    }
    if (w == "of") {
      return t > sb && one_of(folded(t - 1), {"dozens", "hundreds", "thousands", "millions",
                                              "scores", "tens", "million", "billion", "trillion"});
    }
    return false;
  }

  // The first token of an amount that ends right before `t` with "in",
  // "of" or "worth": "an additional $500 million in", "40 billion euros of".
  std::optional<std::uint32_t> amount_before(std::uint32_t t) const {
    if (t <= sb + 1 || !one_of(folded(t - 1), {"in", "of", "worth"})) return std::nullopt;
    auto u = t - 1;
    bool counted = false;
    while (u > sb) {
      const auto& token = tokens[u - 1];
      const auto w = folded(u - 1);
      if (token.kind == text::TokenKind::Number ||
          one_of(w, {"million", "billion", "trillion", "thousand", "hundreds", "millions",
                     "billions"})) {
        counted = true;
      } else if (!(one_of(w, {"$", "€", "£", "euros", "dollars", "pounds", "additional", "further",
                              "extra", "more", "than", "about", "nearly", "some", "over",
                              "another"}) ||
                   is_determiner(w))) {
        break;
      }
      --u;
    }
    return counted ? std::optional<std::uint32_t>(u) : std::nullopt;
  }

  bool is_gap(std::uint32_t t) const {
    const auto& tok = tokens[t];
    return (tok.kind == text::TokenKind::Word || tok.kind == text::TokenKind::Number) &&
           phrase(t) < 0;
  }

  // A pattern word may fall inside an actor phrase: "recalled its
  // ambassador from Belarus", "sent troops to Niger" ("its ambassador" and
  // "troops" are actors too). In a noun's pattern (`noun_only`) only a noun
  // form matches: "Russian missiles struck Kyiv" is no "missile strike".
  bool word_matches(std::uint32_t t, std::string_view word, bool noun_only = false) const {
    const auto& tok = tokens[t];
    if (tok.kind != text::TokenKind::Word) return false;
    if (tok.folded == word) return true;
    // Inflections keep the first letter ("sanctions", "met" for "meet"):
    // most tokens are ruled out without making their lemmas.
    if (tok.folded.empty() || word.empty() || tok.folded[0] != word[0]) return false;
    lemma_buffer.clear();
    if (!noun_only) coder.morphology_.lemmas(tok.folded, WordClass::Verb, lemma_buffer);
    coder.morphology_.lemmas(tok.folded, WordClass::Noun, lemma_buffer);
    if (std::find(lemma_buffer.begin(), lemma_buffer.end(), word) != lemma_buffer.end()) {
      return true;
    }
    // A plural in the pattern takes the singular too: "fire missiles at"
    // also reads "fired a missile at". Only the singular itself: "accuse $T
    // of abuses" does not read "of abusing".
    if (word.back() != 's') return false;
    word_lemma_buffer.clear();
    coder.morphology_.lemmas(word, WordClass::Noun, word_lemma_buffer);
    return std::find(word_lemma_buffer.begin(), word_lemma_buffer.end(), tok.folded) !=
           word_lemma_buffer.end();
  }

  // The first token at or after `from`, within `max_gap` gap tokens, that
  // matches `word`.
  std::optional<std::uint32_t> find_word(std::uint32_t from, std::string_view word, int max_gap,
                                         bool in_noun_phrase = false) const {
    for (std::uint32_t t = from; t < se && static_cast<int>(t - from) <= max_gap; ++t) {
      if (word_matches(t, word, in_noun_phrase)) return t;
      // Inside a phrase only its last token may be the word ("its
      // ambassador"): the words before it are skipped with the phrase.
      if (const auto p = phrase(t);
          p >= 0 && phrases[p].end - 1 > t &&
          phrases[p].end - 1 - from <= static_cast<std::uint32_t>(max_gap) &&
          word_matches(phrases[p].end - 1, word, in_noun_phrase)) {
        return phrases[p].end - 1;
      }
      // A country used as an adjective before the word: "cut U.S. aid to".
      if (const auto p = phrase(t); p >= 0 && phrases[p].first == t && !phrases[p].possessor &&
                                    country_phrase(p) && phrases[p].end < se &&
                                    phrases[p].end - from <= static_cast<std::uint32_t>(max_gap) &&
                                    word_matches(phrases[p].end, word, in_noun_phrase)) {
        return phrases[p].end;
      }
      // An unknown name modifies the word: "fired ATACMS missiles at".
      if (const auto p = phrase(t);
          p >= 0 && phrases[p].first == t && !phrases[p].possessor && codeless(p)) {
        t = phrases[p].end - 1;
        continue;
      }
      // A possessive pronoun is a determiner here: "recalled its ambassador".
      if (const auto p = phrase(t); p >= 0 && phrases[p].possessor && phrases[p].end == t + 1 &&
                                    is_possessive_pronoun(folded(t))) {
        continue;
      }
      // "agreed to resume talks" is no "agree to talks": a verb after "to"
      // opens an infinitive of its own.
      if (t == from && base_verb_after_to(t)) return std::nullopt;
      if (in_scare_quotes(t)) continue;  // take "overwhelming" action
      // An opening quote: called the visit a "devastating blow".
      if (is_opening_quote(folded(t))) continue;
      // "flew close to a Canadian aircraft" went nowhere.
      if (folded(t) == "close" && t + 1 < se && folded(t + 1) == "to") return std::nullopt;
      if (folded(t) == "%" && t > from && tokens[t - 1].kind == text::TokenKind::Number) {
        continue;  // "imposed a 100% tariff on"
      }
      // A noun's pattern stays in its noun phrase: "Israel's war cabinet
      // approved a deal with Hamas" is no "war with".
      if (in_noun_phrase && clause_verb(t)) return std::nullopt;
      // "agreed to restore relations after talks" is no "agree to talks".
      if (!is_gap(t) || ends_pattern_gap(folded(t)) || opens_infinitive(t)) {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // A lower-case word at `t` that may modify a noun and cannot be a verb:
  // "membership" in "open membership talks".
  bool noun_modifier(std::uint32_t t) const {
    const auto& token = tokens[t];
    if (token.kind != text::TokenKind::Word || (token.flags & text::kCapitalized) ||
        phrase(t) >= 0) {
      return false;
    }
    const auto w = folded(t);
    // Before a noun an "-ly" word is an adjective: "its holy war", "deadly
    // attacks", "weekly talks".
    const bool adverb_filler = is_chain_filler(w) && !w.ends_with("ly");
    if (is_determiner(w) || is_preposition(w) || adverb_filler || w.ends_with("ed") ||
        w.ends_with("ing") || coder.morphology_.past_participle(w)) {
      return false;
    }
    return !coder.morphology_.is_verb_lemma(w);
  }

  // The event noun at `head` is what someone calls or presses for: "called
  // for peace talks between Russia and Ukraine" has not happened.
  bool called_for(std::uint32_t head) const {
    for (auto t = head; t-- > sb + 1 && head - t <= 4;) {
      if (folded(t) == "for") {
        return one_of(folded(t - 1), {"call", "calls", "called", "calling", "push", "pushes",
                                      "pushed", "pushing", "press", "presses", "pressed",
                                      "pressing", "appeal", "appeals", "appealed", "appealing"});
      }
      if (!is_gap(t) || is_preposition(folded(t))) return false;
    }
    return false;
  }

  // A past form at `t` that is a clause's verb, not a participle used as an
  // adjective: it does not follow a determiner or an adverb ("a proposed
  // deal", "the newly signed pact").
  bool clause_verb(std::uint32_t t) const {
    const auto w = folded(t);
    if (w.size() < 5 || !w.ends_with("ed") || t == sb) return false;
    const auto before = folded(t - 1);
    if (is_determiner(before) || before.ends_with("ly") || is_be(before) ||
        one_of(before, {"has", "have", "had", "been", "being"})) {
      return false;
    }
    return coder.morphology_.past_participle(w);
  }

  bool is_quote_mark(std::uint32_t u) const {
    return tokens[u].kind == text::TokenKind::Punct &&
           one_of(folded(u), {"\"", "\u201c", "\u201d", "'", "\u2018", "\u2019"});
  }

  // From a quotation mark at `t`, forward: true when one to four words and
  // another mark follow, false when the mark follows at once, nullopt when
  // something else comes first.
  std::optional<bool> quotes_words_after(std::uint32_t t) const {
    for (auto u = t + 1; u < se && u - t <= 5; ++u) {
      if (is_quote_mark(u)) return u - t > 1;
      if (tokens[u].kind != text::TokenKind::Word) break;
    }
    return std::nullopt;
  }

  // Whether the quotation mark at `t` opens scare quotes.
  bool opens_scare_quotes(std::uint32_t t) const { return quotes_words_after(t).value_or(false); }

  // A quotation mark of scare quotes: one to four words quoted inside a
  // sentence, not a quotation that opens reported speech.
  bool in_scare_quotes(std::uint32_t t) const {
    if (!is_quote_mark(t)) return false;
    if (const auto opened = quotes_words_after(t)) return *opened;  // t opens them
    for (auto u = t; u-- > sb && t - u <= 5;) {                     // t closes them
      if (is_quote_mark(u)) return t - u > 1;
      if (tokens[u].kind != text::TokenKind::Word) break;
    }
    return false;
  }

  // The actors of the phrase at `t` and those coordinated after it
  // ("the United States, Japan, and South Korea").
  void take_phrase(int p, bool coordinate, Slot& slot) const {
    slot.actors.insert(slot.actors.end(), phrases[p].actors.begin(), phrases[p].actors.end());
    slot.phrases.push_back(p);
    slot.end = phrases[p].end;
    while (coordinate) {
      auto t = slot.end;
      bool joined = false;
      if (t < se && folded(t) == ",") ++t, joined = true;
      if (t < se && one_of(folded(t), {"and", "or"})) ++t, joined = true;
      if (joined && t < se && folded(t) == "the" && phrase(t) < 0) ++t;  // "and the Philippines"
      if (!joined || phrase(t) < 0) return;
      const auto next = phrase(t);
      if (phrases[next].first != t) return;
      // "Russia attacked Ukraine and Belarus condemned it": a phrase with
      // its own verb starts a clause.
      if (phrases[next].end < se && looks_like_verb(phrases[next].end)) return;
      slot.actors.insert(slot.actors.end(), phrases[next].actors.begin(),
                         phrases[next].actors.end());
      slot.phrases.push_back(next);
      slot.end = phrases[next].end;
    }
  }

  // The word before a passive's verb chain is `word`, a noun: "sanctions"
  // in "new sanctions were imposed". Requires: `head` is passive.
  bool fronted_object(std::uint32_t head, std::string_view word) const {
    auto t = head;
    while (t > sb && head - t < 5 && is_chain_filler(folded(t - 1))) --t;
    return t > sb && t < head && phrase(t - 1) < 0 && word_matches(t - 1, word, true);
  }

  // A finite verb or auxiliary: a lexicon verb in an inflected form, or a
  // word such as "said", "has", "was".
  bool looks_like_verb(std::uint32_t t) const {
    const auto& token = tokens[t];
    if (token.kind != text::TokenKind::Word || (token.flags & text::kCapitalized)) return false;
    const auto w = folded(t);
    if (is_be(w) || one_of(w, {"has", "have", "had", "will", "would", "said", "says", "did", "does",
                               "could", "can", "may", "might", "must", "should"})) {
      return true;
    }
    if (!(w.ends_with("ed") || w.ends_with("s"))) return false;
    lemma_buffer.clear();
    coder.morphology_.lemmas(w, WordClass::Verb, lemma_buffer);
    for (const auto& lemma : lemma_buffer) {
      if (lemma == w) continue;
      const auto found = coder.by_head_.find(lemma);
      if (found == coder.by_head_.end()) continue;
      for (auto index : found->second) {
        if (coder.lexicon_.entries()[index].kind == LexiconKind::Verb) return true;
      }
    }
    return false;
  }

  // "the Lebanese group Hezbollah", "rival Palestinian factions Hamas and
  // Fatah": a nationality, a common noun or two, then the name they
  // describe. The name's phrase, or -1.
  int named_after_nationality(int p) const {
    const auto& nationality = phrases[p];
    if (nationality.possessor || nationality.actors.empty() || !countries_only(nationality)) {
      return -1;
    }
    auto u = nationality.end;
    int nouns = 0;
    while (u < se && nouns < 2 && phrase(u) < 0 && is_gap(u) && !is_preposition(folded(u)) &&
           !is_determiner(folded(u)) && !one_of(folded(u), {"and", "or", "but", "nor"}) &&
           !looks_like_verb(u) && !(tokens[u].flags & text::kCapitalized)) {
      ++u;
      ++nouns;
    }
    if (nouns == 0 || u >= se) return -1;
    const auto named = phrase(u);
    if (named < 0 || phrases[named].first != u || country_phrase(named)) return -1;
    return named;
  }

  bool countries_only(const Phrase& p) const {
    return std::all_of(p.actors.begin(), p.actors.end(),
                       [&](auto a) { return recognized.actors[a].type == ActorType::Country; });
  }

  bool codeless(int p) const {
    return std::all_of(phrases[p].actors.begin(), phrases[p].actors.end(),
                       [&](auto a) { return recognized.actors[a].code.empty(); });
  }

  bool country_phrase(int p) const {
    for (auto actor : phrases[p].actors) {
      if (recognized.actors[actor].type == ActorType::Country) return true;
    }
    return false;
  }

  // Words that may stand before a direct object: "the", "its", "fellow",
  // "neighbouring", numbers, capitalised words, "the leaders of".
  bool is_object_modifier(std::uint32_t t) const {
    const auto& token = tokens[t];
    const auto w = folded(t);
    if (token.kind == text::TokenKind::Number || (token.flags & text::kCapitalized)) return true;
    if (is_determiner(w) || w == "of" || stands_for_its_group(w) || names_a_place_after_of(w)) {
      return true;
    }
    return one_of(
        w,
        {"both", "all", "fellow", "neighbouring", "neighboring", "rival", "two", "three", "four",
         "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "some",
         "more", "several", "many", "former", "top", "senior", "other", "western", "eastern",
         "northern", "southern", "allied", "nuclear-armed", "key", "own", "longtime", "long-time",
         "close", "central", "coastal", "border", "frontline", "front-line", "besieged", "occupied",
         "embattled", "strategic", "northeastern", "northwestern", "southeastern", "southwestern",
         // "released several jailed opposition activists"
         "jailed", "detained", "imprisoned", "arrested", "abducted", "kidnapped", "captured",
         "exiled", "ousted", "deposed"});
  }

  // A reaction (CAMEO 11 disapprove, 12 reject, 14 protest) may have an
  // event for its object instead of an actor.
  // Mediation whose mediator is the pattern's $S: "brokered by $S".
  static bool mediates(const LexiconEntry& entry) {
    return entry.kind == LexiconKind::Verb && entry.code == "045" && entry.has(Type::Source) &&
           !entry.has(Type::Target);
  }

  // What a mediation by $S mediated, as the noun of its subject: "The
  // talks, mediated by ...", "The truce was brokered by ...", also past a
  // relative clause between commas ("The truce, which took effect ..., was
  // brokered by").
  const EventNoun* mediated_noun(std::uint32_t head) const {
    if (const auto* named = event_noun_before(head)) return named;
    auto t = sb;
    if (t < head && one_of(folded(t), {"the", "this", "that", "its", "their"})) ++t;
    for (; t < head && t - sb <= 3; ++t) {
      if (const auto* named = event_noun_at(t)) {
        return t + 1 < head && folded(t + 1) == "," ? named : nullptr;
      }
      if (!is_gap(t)) return nullptr;
    }
    return nullptr;
  }

  // Hosting with a target slot, which may name the event hosted: "whose
  // government hosted the meeting", "hosted the signing".
  static bool hosts(const LexiconEntry& entry) {
    return entry.kind == LexiconKind::Verb && entry.code == "043" && entry.has(Type::Target);
  }

  static bool reacts(const LexiconEntry& entry) {
    const auto root = std::string_view(entry.code).substr(0, 2);
    return entry.kind == LexiconKind::Verb && (root == "11" || root == "12" || root == "14");
  }

  // Who did the event named by the noun at `noun`, from the noun's own
  // phrase: its possessor ("its attack"), an actor used as its adjective
  // ("the Israeli strike") or an actor after "by" before the phrase ends
  // ("the seizure of its fishing boat by Palau").
  bool doer_of_event_noun(std::uint32_t noun, Slot& slot, std::string& how) const {
    if (find_possessor(noun, slot)) {
      how = "possessor";
      return true;
    }
    if (actor_modifier(noun, slot)) {
      how = "actor modifying";
      return true;
    }
    if (!by_phrase(noun + 1, 8, slot)) return false;
    how = "by-phrase";
    return true;
  }

  // The actor after a "by" that still belongs to the noun phrase going on
  // at `from`, at most `reach` tokens on: "the killing of Hamas leader
  // Ismail Haniyeh by Israel". A verb, a comma or a relative word ends the
  // phrase first.
  bool by_phrase(std::uint32_t from, std::uint32_t reach, Slot& slot) const {
    for (auto t = from; t < se && t - from <= reach; ++t) {
      const auto w = folded(t);
      if (w == "by") return find_slot(t + 1, true, false, slot);
      if (phrase(t) >= 0) continue;
      if (!is_gap(t) || in_verb_chain(t) || one_of(w, {"that", "which", "and", "or", "as"})) {
        return false;
      }
    }
    return false;
  }

  // A denial (016) of an accusation, allegation, charge or claim answers
  // whoever made it: "denied the allegations", "rejected the accusation",
  // "..., a charge Kabul denies". The noun is the pattern's own word or the
  // object, or, in an appositive, comes right before the subject.
  const EventNoun* denied_accusation(const LexiconEntry& entry, Match& match) const {
    if (entry.kind != LexiconKind::Verb || entry.code != "016") return nullptr;
    const auto is_accusation = [](const EventNoun* named) {
      return named && named->roots == "01 11";
    };
    for (auto element = entry.elements.rbegin(); element != entry.elements.rend(); ++element) {
      if (element->type != Type::Word) continue;
      for (const auto& named : kEventNouns) {
        if (named.noun == element->word && is_accusation(&named)) return &named;
      }
    }
    std::uint32_t at = 0;
    if (const auto* named = event_noun_after(match.end, at); is_accusation(named)) return named;
    if (match.source.phrases.empty()) return nullptr;
    const auto first = phrases[match.source.phrases.front()].first;
    if (first < sb + 3 || !one_of(folded(first - 2), {"a", "an", "the"}) ||
        folded(first - 3) != ",") {
      return nullptr;
    }
    const auto* named = event_noun_at(first - 1);
    if (!is_accusation(named)) return nullptr;
    match.named_here = true;
    return named;
  }

  const EventNoun* event_noun_at(std::uint32_t t) const {
    if (t < sb || t >= se || !is_gap(t)) return nullptr;
    for (const auto& named : kEventNouns) {
      if (word_matches(t, named.noun)) return &named;
    }
    return nullptr;
  }

  // "the launch", "this latest move", "Saturday's missile attack": a
  // determiner or possessive, at most three plain words, then an event noun
  // that ends the noun phrase. Sets `noun` to its token.
  // With `predicate_follows` ("called the strike a terrorist attack") the
  // first event noun is taken: what follows it is the predicate.
  const EventNoun* event_noun_after(std::uint32_t from, std::uint32_t& noun,
                                    bool predicate_follows = false) const {
    if (from >= se || !is_gap(from)) return nullptr;
    const auto w = folded(from);
    const bool determined = one_of(w, {"the", "this", "that", "these", "those", "its", "their"}) ||
                            (tokens[from].flags & text::kPossessive);
    if (!determined) return nullptr;
    for (auto t = from + 1; t < se && t - from <= 4; ++t) {
      if (!is_gap(t) || is_preposition(folded(t))) return nullptr;
      if (const auto* named = event_noun_at(t)) {
        // "the attack on Israel" still names the attack, and so does "the
        // launch when they met"; "the attack helicopters" does not.
        if (!predicate_follows && t + 1 < se && is_gap(t + 1) && !is_preposition(folded(t + 1)) &&
            !one_of(folded(t + 1), {"which", "that", "and"}) && !is_subordinator(folded(t + 1)) &&
            !ends_pattern_gap(folded(t + 1))) {
          continue;
        }
        noun = t;
        return named;
      }
    }
    return nullptr;
  }

  // The same before a passive verb: "The attack was condemned", "the
  // decision, which was widely criticised".
  const EventNoun* event_noun_before(std::uint32_t head) const {
    auto t = head;
    while (t > sb && (is_be(folded(t - 1)) || is_chain_filler(folded(t - 1)) ||
                      one_of(folded(t - 1), {"been", "which", "that", ","}))) {
      --t;
    }
    if (t == sb) return nullptr;
    const auto* named = event_noun_at(t - 1);
    if (!named) return nullptr;
    for (auto u = t - 1; u-- > sb && t - 1 - u <= 4;) {
      const auto w = folded(u);
      if (one_of(w, {"the", "this", "that", "these", "those", "its", "their"}) ||
          (tokens[u].flags & text::kPossessive)) {
        return named;
      }
      if (!is_gap(u) || is_preposition(w)) return nullptr;
    }
    return nullptr;
  }

  // "killed more than 800 people", "wounded dozens of civilians": unnamed
  // people as the object of force, after a quantity, determiners and
  // adjectives. Their token, or 0.
  // With `suspects`, the people an arrest names too ("a 71-year-old
  // suspect", "two men").
  std::uint32_t unnamed_people_at(std::uint32_t from, bool suspects = false) const {
    for (auto t = from; t < se && t - from <= 6; ++t) {
      const auto w = folded(t);
      if (one_of(w, {"people", "civilians", "villagers", "residents", "children", "women",
                     "worshippers", "passengers", "refugees", "migrants", "farmers", "pilgrims",
                     "patients", "bystanders", "families"}) ||
          (suspects && one_of(w, {"suspect", "suspects", "men", "man", "woman", "persons", "person",
                                  "individuals", "journalists", "journalist", "reporters"}))) {
        return phrase(t) < 0 ? t : 0;
      }
      if (phrase(t) >= 0 || !is_gap(t)) return 0;
      if (is_preposition(w) && !in_quantity(t)) return 0;
    }
    return 0;
  }

  // Whose the unnamed people of `match` are: the country of a place in the
  // sentence after the trigger ("in Ardamata", "in Gaza City"), else, for a
  // source inside its own country (rebels, militias, police, a government),
  // the source's country. As the civilians of that country.
  std::optional<std::uint32_t> people_of(const Match& match) const {
    std::string_view country;
    for (auto t = match.head; t < se && country.empty(); ++t) {
      if (place_at[t - sb] && !place_at[t - sb]->region && !place_at[t - sb]->area) {
        country = place_at[t - sb]->country;
      }
    }
    if (country.empty() && match.source.actors.size() == 1) {
      const auto& source = recognized.actors[match.source.actors.front()];
      if (one_of(source.agent, {"REB", "UAF", "CRM", "COP", "GOV", "OPP", "SPY", "INS"})) {
        country = source.country;
      }
    }
    if (country.empty()) return std::nullopt;
    return country_index(country, "CVL", "civilians");
  }

  // A verb's base form right after "to": a lower-case word outside any
  // actor phrase, in WordNet's verb index, and no compound ("to war-torn
  // Sudan" is an adjective).
  bool base_verb_after_to(std::uint32_t t) const {
    if (t <= sb || t >= se || folded(t - 1) != "to") return false;
    const auto& token = tokens[t];
    if (token.kind != text::TokenKind::Word || (token.flags & text::kCapitalized) ||
        phrase(t) >= 0) {
      return false;
    }
    const auto word = folded(t);
    return word.find('-') == std::string_view::npos && coder.morphology_.is_verb_lemma(word);
  }

  // "a visit to reassure Ukraine": a verb's base form after "to" that takes
  // an object is an infinitive, not the start of a slot.
  bool infinitive_at(std::uint32_t t) const {
    if (t + 1 >= se || !base_verb_after_to(t) || is_object_modifier(t)) return false;
    const auto next = folded(t + 1);
    return phrase(t + 1) >= 0 || is_determiner(next) || is_possessive_pronoun(next);
  }

  // "agreed to restore ties with Iran": "to" and a verb's base form open a
  // verb phrase of their own, which a pattern's gap does not cross ("agree
  // with $T" is not read there).
  bool opens_infinitive(std::uint32_t t) const { return base_verb_after_to(t + 1); }

  bool find_slot(std::uint32_t from, bool coordinate, bool place_ok, Slot& slot,
                 bool movement = false, bool conflict = false, bool direct_object = false) const {
    if (infinitive_at(from)) return false;
    bool quoted = false;
    for (std::uint32_t t = from; t < se && t - from <= (conflict ? 6u : 4u); ++t) {
      // "met in Vladivostok" is a location; "struck Kyiv" and "travelled
      // to Pyongyang" are targets.
      const bool locative =
          t > sb && one_of(folded(t - 1), {"in", "at", "near", "outside", "inside"});
      if (place_ok && place_at[t - sb] && !(locative && !movement && !conflict)) {
        const auto* place = place_at[t - sb];
        const auto actor = place->region ? std::nullopt : country_index(place->country);
        if (!actor) {
          // A place of no country may only describe what follows: "the
          // Black Sea port of Odesa"; a sea or region is no one's ("fired
          // missiles into the Sea of Japan").
          while (t + 1 < se && place_at[t + 1 - sb] == place) ++t;
          if (t + 1 < se && names_a_place_after_of(folded(t + 1))) continue;
          return false;
        }
        slot.actors.push_back(*actor);
        slot.place = place;
        slot.end = t + 1;
        while (slot.end < se && place_at[slot.end - sb] == place) ++slot.end;
        if (const auto p = phrase(t); p >= 0) slot.end = std::max(slot.end, phrases[p].end);
        return true;
      }
      if (const auto p = phrase(t); p >= 0) {
        const auto named = named_after_nationality(p);
        take_phrase(named >= 0 ? named : p, coordinate, slot);
        return !slot.actors.empty();
      }
      // "duties on $30 billion of U.S. imports": a currency sign before an
      // amount is part of the quantity.
      if (tokens[t].kind != text::TokenKind::Word && t + 1 < se &&
          tokens[t + 1].kind == text::TokenKind::Number &&
          one_of(folded(t), {"$", "€", "£", "¥", "c$", "a$", "us$"})) {
        continue;
      }
      // Scare quotes opened in the slot: "to strike "decision-making
      // centres" in Kyiv". One that closes quoted words before the slot
      // ends it: "called the strike a "terrorist attack" and said".
      if (in_scare_quotes(t)) {
        if (!quoted && !opens_scare_quotes(t)) return false;
        quoted = !quoted;
        continue;
      }
      // A preposition the pattern does not name starts another phrase:
      // "banned under U.N. resolutions" has no object. "of" is kept for
      // "the leaders of the three countries".
      if (!is_gap(t)) return false;
      if (in_quantity(t)) continue;
      // "killed 26 civilians and that its air force ...": the object was
      // words of no actor; what follows a conjunction is another phrase.
      if (t > from && one_of(folded(t), {"that", "which", "who"})) return false;
      // "condemned the launch when he met Kishida": a subordinator opens a
      // clause of its own.
      if (t > from && ends_pattern_gap(folded(t))) return false;
      if (t > from && t + 1 < se && one_of(folded(t), {"and", "or", "but"}) &&
          one_of(folded(t + 1), {"that", "which", "who", "its", "his", "her", "their"})) {
        return false;
      }
      // "the orders of Russian intelligence" is not Russian intelligence;
      // "the leaders of the three countries" stands for the countries.
      if (folded(t) == "of" &&
          !(t > from &&
            (stands_for_its_group(folded(t - 1)) || names_a_place_after_of(folded(t - 1)) ||
             (conflict && names_a_target_after_of(folded(t - 1)))))) {
        return false;
      }
      // A direct object ("helped migrants reach Finland" has none) comes
      // after determiners and modifiers only.
      if (direct_object && !conflict && !is_object_modifier(t)) return false;
      if (folded(t) != "of" && is_preposition(folded(t))) {
        // "strikes on nine sites in Pakistan": force used on sites in a
        // country is used on that country.
        // "in southern Israel": a direction before the place.
        auto place = t + 1;
        if (place + 1 < se && folded(place) == "the") ++place;  // "across the Gaza Strip"
        if (place + 1 < se && one_of(folded(place), {"northern", "southern", "eastern", "western",
                                                     "central", "northeastern", "northwestern",
                                                     "southeastern", "southwestern"})) {
          ++place;
        }
        const bool into_country =
            conflict && one_of(folded(t), {"in", "inside", "across", "throughout"}) && place < se &&
            (place_at[place - sb] || (phrase(place) >= 0 && country_phrase(phrase(place))));
        if (!into_country) return false;
      }
    }
    return false;
  }

  // "the governments of Mali, Burkina Faso and Niger": a list after "of" and
  // a word that stands for it.
  bool stands_for_group_before(std::uint32_t first) const {
    auto t = first;
    while (t > sb && one_of(folded(t - 1), {"the", "a", "an"})) --t;
    return t > sb + 1 && folded(t - 1) == "of" && stands_for_its_group(folded(t - 2));
  }

  // Extends a group to the phrases coordinated before phrase `p`.
  void coordinate_left(int p, Slot& slot, bool relative = false) const {
    Slot extended = slot;
    auto first = phrases[p].first;
    while (true) {
      auto t = first;
      if (t > sb && folded(t - 1) == "the" && phrase(t - 1) < 0)
        --t;  // "Japan and the Philippines"
      bool joined = false;
      if (t > sb && one_of(folded(t - 1), {"and", "or"})) --t, joined = true;
      if (t > sb && folded(t - 1) == ",") --t, joined = true;
      if (!joined || t == sb) break;
      const auto prev = phrase(t - 1);
      if (prev < 0 || phrases[prev].possessor) break;
      // "... attacked Ukraine and Russia said": an object is no co-subject.
      if (phrases[prev].first > sb && looks_like_verb(phrases[prev].first - 1)) break;
      extended.actors.insert(extended.actors.begin(), phrases[prev].actors.begin(),
                             phrases[prev].actors.end());
      extended.phrases.push_back(prev);
      first = phrases[prev].first;
    }
    // "condemned by the United States, Britain and France, and Guterres
    // urged": a list that a preposition opens is another clause's.
    // "after Rahmon and Japarov signed a treaty": a subordinator before it
    // opens the list's own clause.
    auto opener = first;
    while (opener > sb && folded(opener - 1) == "the") --opener;
    const bool opens_clause = opener > sb && is_subordinator(folded(opener - 1));
    if (!relative && first != phrases[p].first && preceded_by_preposition(phrases[phrase(first)]) &&
        !stands_for_group_before(first) && !opens_clause) {
      return;
    }
    slot = std::move(extended);
  }

  // The country's actor index, adding the country to the document's actors
  // when it is not there yet.
  // With an agent and the role's words, the index of that role's actor
  // ("SDN", "CVL", "civilians" -> Sudanese civilians).
  std::optional<std::uint32_t> country_index(std::string_view code, std::string_view agent = {},
                                             std::string_view role = {}) const {
    if (code.empty()) return std::nullopt;
    auto actor = country_actor(code, agent, role);
    if (!actor) return std::nullopt;
    auto& known = recognized.actors;
    for (std::uint32_t i = 0; i < known.size(); ++i) {
      if (known[i].key == actor->key) return i;
    }
    known.push_back(std::move(*actor));
    return static_cast<std::uint32_t>(known.size() - 1);
  }

  // "according to the New York Times", "in Vladivostok, Russia"; also "a
  // U.S. proposal", where a country only modifies a noun ("a Russian
  // warship" is an actor of its own).
  bool preceded_by_preposition(const Phrase& p) const {
    auto t = p.first;
    if (t > sb && one_of(folded(t - 1), {"a", "an"}) && countries_only(p)) return true;
    while (t > sb && one_of(folded(t - 1), {"the", "a", "an"})) --t;
    if (t == sb) return false;
    // "Thousands of protesters rallied": a quantity that opens a clause,
    // not a preposition ("killed dozens of soldiers" has its object there).
    if (folded(t - 1) == "of" && in_quantity(t - 1)) {
      const auto quantity = t - 2;
      return !(quantity == sb ||
               one_of(folded(quantity - 1),
                      {",", "and", "but", "that", "while", "as", "when", "after", "because", "said",
                       "says", "say", "reported", "claimed", "announced", "confirmed"}));
    }
    if (is_preposition(folded(t - 1))) return true;
    if (folded(t - 1) != "," || t - 1 == sb || place_at[t - 2 - sb] == nullptr) return false;
    // "in Vladivostok, Russia" names where the city is: the country of the
    // place. "In Kinshasa, protesters attacked" and "In Paris, Russia
    // said" open with a place and go on with the subject.
    const auto& place = *place_at[t - 2 - sb];
    return std::all_of(p.actors.begin(), p.actors.end(), [&](std::uint32_t a) {
      const auto& actor = recognized.actors[a];
      return actor.type == ActorType::Country &&
             (place.country.empty() || actor.country == place.country);
    });
  }

  // The subject before `head`: the nearest phrase not introduced by a
  // preposition and not a possessor, through relative pronouns, apposition
  // and verb coordination.
  // Words that may stand between a verb and its subject: auxiliaries,
  // adverbs, modality and intention words, infinitive "to".
  bool in_verb_chain(std::uint32_t t) const {
    const auto w = folded(t);
    // "agreed on Friday to": a date with its preposition.
    if (t + 1 < se && in_date[t + 1 - sb] && one_of(w, {"on", "in", "last", "this", "next"})) {
      return true;
    }
    return passable[t - sb] || is_chain_filler(w) || is_intent(w) || is_hypothetical(w) ||
           is_negation(w) || is_threat(w) || is_report_cue(w) ||
           one_of(w, {"to",         "and",        "but",       ",",         "which",   "who",
                      "whom",       "that",       "first",     "later",     "earlier", "recently",
                      "repeatedly", "looking",    "trying",    "moving",    "able",    "about",
                      "going",      "continue",   "continued", "continues", "begin",   "began",
                      "begun",      "start",      "started",   "keep",      "kept",    "try",
                      "tried",      "sought",     "'s",        "been",      "being",   "finally",
                      "twice",      "immediately"}) ||
           declines(w);
  }

  // The trigger is the content of a denial: "denied attacking", "denies
  // that Russian troops attacked".
  bool denied(const Match& match) const {
    auto is_denial = [&](std::uint32_t t) {
      return one_of(folded(t), {"deny", "denies", "denied", "denying", "rejected", "rejects",
                                "dismissed", "dismisses"});
    };
    const auto head = match.head;
    if (head > sb && is_denial(head - 1)) return true;  // "denied attacking"
    // "denied that X attacked": back from the subject over "that".
    if (match.source.phrases.empty()) return false;
    auto first = phrases[match.source.phrases.front()].first;
    for (auto p : match.source.phrases) first = std::min(first, phrases[p].first);
    if (first >= head) return false;
    auto t = first;
    while (t > sb && one_of(folded(t - 1), {"the", "its", "his", "her", "their"})) --t;
    if (t > sb && folded(t - 1) == "that") {
      --t;
      // "denied accusations that X attacked", "rejected claims that ...".
      if (t > sb && one_of(folded(t - 1), {"accusations", "accusation", "allegations", "allegation",
                                           "claims", "claim", "charges", "reports", "report",
                                           "suggestions", "rumours", "rumors"})) {
        --t;
        while (t > sb && one_of(folded(t - 1), {"the", "any", "all", "western", "u.s."})) --t;
      }
    }
    return t > sb && is_denial(t - 1);
  }

  // An event noun that is the object of blocking: "Hungary blocked an EU
  // aid package for Ukraine" gives no aid.
  bool blocked(const Match& match) const {
    if (match.entry->kind != LexiconKind::Noun) return false;
    auto t = match.head;
    for (int steps = 0; t > sb && steps < 5; ++steps) {
      const auto w = folded(t - 1);
      if (one_of(w, {"block", "blocks", "blocked", "blocking", "veto", "vetoes", "vetoed",
                     "vetoing", "oppose", "opposes", "opposed", "opposing", "scrap", "scraps",
                     "scrapped", "cancel", "cancels", "cancelled", "canceled"})) {
        return true;
      }
      if (const auto p = phrase(t - 1); p >= 0) {
        t = phrases[p].first;
        continue;
      }
      if (!(is_determiner(w) || is_object_modifier(t - 1))) return false;
      --t;
    }
    return false;
  }

  // "Hezbollah leader Hassan Nasrallah": phrase `p` follows `object` with
  // only title words between, so it names the same object.
  bool titled_after(int object, int p) const {
    if (phrases[p].first < phrases[object].end) return false;
    for (auto t = phrases[object].end; t < phrases[p].first; ++t) {
      if (!is_title_word(folded(t))) return false;
    }
    return true;
  }

  // "killed three soldiers in a drone attack", "struck Kyiv with a
  // barrage", "warned China during talks": an event noun that says how or
  // when the clause's verb was done.
  bool names_the_means(std::uint32_t head) const {
    for (auto t = head; t-- > sb && head - t <= 4;) {
      const auto w = folded(t);
      if (one_of(w, {"in", "with", "during", "at", "amid"})) return true;
      // "visited N'Djamena for talks with Deby": the visit's purpose ("blamed
      // Kyiv for attacks" keeps Kyiv's attacks).
      if (w == "for") {
        return one_of(folded(head), {"talks", "meeting", "meetings", "consultations",
                                     "negotiations", "discussions", "summit"});
      }
      if (phrase(t) >= 0 || !is_gap(t) || is_preposition(w)) return false;
    }
    return false;
  }

  // "since the invasion of Ukraine", "after the attack on Kyiv", "for the
  // killing of Haniyeh", "concern about the arrest of": a definite event
  // noun in a temporal or causal phrase is background, not something the
  // clause's subject did ("after a surprise visit to Kyiv" and "during
  // talks with" are the subject's own). After "over" or "despite" any event
  // noun is ("sanctions ... over arms sales to Taiwan").
  bool in_background_phrase(std::uint32_t head) const {
    bool definite = false;
    for (auto t = head; t-- > sb && head - t <= 4;) {
      const auto w = folded(t);
      if (w == "the") definite = true;
      if (one_of(w, {"over", "despite"})) return true;
      if (one_of(w, {"since", "after", "before", "during", "following", "amid", "until", "for",
                     "about"})) {
        return definite && t + 1 < head && folded(t + 1) == "the";
      }
      // "met to discuss the attack on Ukraine": what is discussed or
      // marked is someone else's event.
      if (definite && t + 1 < head && folded(t + 1) == "the" &&
          one_of(w, {"discuss", "discussed", "discusses", "discussing", "debate", "debated",
                     "debating", "mark", "marked", "marking", "commemorate", "commemorated",
                     "commemorating", "review", "reviewed", "reviewing"})) {
        return true;
      }
      if (phrase(t) >= 0 || !is_gap(t)) return false;
    }
    return false;
  }

  // The phrase that owns the noun ending at `t` ("Ukraine's drones",
  // "Russia's Black Sea fleet": up to three words after the "'s"), or -1.
  int owner_of_noun_at(std::uint32_t t) const {
    for (auto u = t + 1; u-- > sb && t + 1 - u <= 3;) {
      if (phrase(u) >= 0) return -1;
      if (tokens[u].flags & text::kPossessive) {
        if (u == sb || u == t) return -1;
        const auto owner = phrase(u - 1);
        return owner >= 0 && phrases[owner].possessor ? owner : -1;
      }
      if (tokens[u].kind != text::TokenKind::Word || in_verb_chain(u)) return -1;
    }
    return -1;
  }

  // "an Israeli airstrike destroyed", "Israeli drone strikes kill": the
  // actor used as an adjective before the attack noun at `noun`, or -1.
  int attack_modifier_of(std::uint32_t noun) const {
    if (!is_attack_noun(folded(noun))) return -1;
    for (auto t = noun; t-- > sb && noun - t <= 2;) {
      const auto p = phrase(t);
      if (p < 0) {
        if (!is_gap(t) || is_determiner(folded(t)) || is_preposition(folded(t))) return -1;
        continue;
      }
      const auto& modifier = phrases[p];
      if (modifier.possessor || modifier.end != t + 1) return -1;
      auto u = modifier.first;
      while (u > sb && one_of(folded(u - 1), {"a", "an", "the"})) --u;
      if (u > sb && is_preposition(folded(u - 1))) return -1;  // "killed in an Israeli strike"
      return p;
    }
    return -1;
  }

  // A subordinator at `t` that opens the clause of the verb at `head` with
  // a subject of its own: words other than the verb chain stand between,
  // and no comma closes the clause first ("after talks, Russia ...").
  bool opens_clause_with_subject(std::uint32_t t, std::uint32_t head) const {
    const auto w = folded(t);
    if (!is_subordinator(w)) return false;
    if (w == "as" && ((t > sb && one_of(folded(t - 1), {"such", "well", "much", "soon"})) ||
                      (t + 1 < se && one_of(folded(t + 1), {"well", "part", "much", "many"})))) {
      return false;
    }
    for (auto u = t + 1; u < head; ++u) {
      if (folded(u) == ",") return false;
    }
    return !only_chain_after(t, head);
  }

  // A subordinate clause with a subject of its own opens in [from, to):
  // "expelled a diplomat after Trudeau said ...".
  bool clause_between(std::uint32_t from, std::uint32_t to) const {
    for (auto t = from; t < to && t < se; ++t) {
      if (phrase(t) < 0 && opens_clause_with_subject(t, to)) return true;
    }
    return false;
  }

  // Only verb-chain words between `t` and `head`.
  bool only_chain_after(std::uint32_t t, std::uint32_t head) const {
    for (auto u = t + 1; u < head; ++u) {
      if (!in_verb_chain(u)) return false;
    }
    return true;
  }

  bool find_subject(std::uint32_t head, const std::vector<std::pair<int, Slot>>& earlier_targets,
                    Slot& subject, std::string& how, bool strict = false, bool verb = false) const {
    // "accusing it of supplying the RSF": the act is the accused's; with
    // the pronoun unresolved it has no subject, not the clause's.
    if (head >= sb + 2 && folded(head - 1) == "of" && phrase(head - 2) < 0 &&
        one_of(folded(head - 2), {"it", "them", "him", "her"})) {
      return false;
    }
    bool relative = false, conjunction = false, comma_passed = false;
    std::uint32_t relative_at = 0;
    int steps = 0;
    for (std::uint32_t t = head; t-- > sb && steps < 24; ++steps) {
      if (is_boundary(t)) return false;
      const auto p = phrase(t);
      // A verb's subject is reached through its verb chain only: "Putin is
      // looking to secure artillery shells" has no subject for "shells".
      if (p < 0 && folded(t) == ",") comma_passed = true;
      if (p < 0 && !relative && folded(t) == "," && t > sb &&
          (strict || only_chain_after(t, head))) {
        // "Milei, who was greeted at the airport by Katz, was due to meet":
        // skip a parenthetical clause between commas.
        for (std::uint32_t u = t; u-- > sb && t - u <= 16;) {
          if (is_boundary(u)) break;
          if (folded(u) != ",") continue;
          const auto opener = folded(u + 1);
          if (one_of(opener, {"who", "which", "whose", "where", "also", "the", "a", "an"}) ||
              coder.morphology_.past_participle(opener)) {
            t = u;  // the loop's decrement moves before the opening comma
          }
          break;
        }
        continue;
      }
      if (p < 0 && strict && !relative && !in_verb_chain(t)) {
        // "Israeli strikes kill ...": the actor modifying the attack noun.
        if (const auto modifier = attack_modifier_of(t);
            verb && modifier >= 0 && only_chain_after(t, head)) {
          take_phrase(modifier, false, subject);
          how = "actor modifying the subject";
          return true;
        }
        // "Ukraine's drones hit ...": the possessor of the subject noun.
        if (const auto owner = owner_of_noun_at(t);
            verb && owner >= 0 && only_chain_after(t, head)) {
          take_phrase(owner, false, subject);
          how = "possessor of the subject";
          return true;
        }
        return false;
      }
      if (p < 0) {
        const auto w = folded(t);
        if (w == ",") comma_passed = true;
        // "a drone strike that killed three soldiers": "that" right before
        // the verb chain is a relative pronoun, not a complementiser.
        const bool relative_that = w == "that" && only_chain_after(t, head);
        if ((one_of(w, {"which", "who", "whom"}) || relative_that) && !relative) {
          relative = true;
          relative_at = t;
        }
        // "declared an emergency after gunmen stormed a studio": the clause
        // has a subject of its own, and it names no actor.
        if (verb && !relative && opens_clause_with_subject(t, head)) return false;
        if (!relative && one_of(w, {"and", "but"})) {
          bool chain_only = true;
          for (auto u = t + 1; u < head && chain_only; ++u) chain_only = is_chain_filler(folded(u));
          conjunction = conjunction || chain_only;
        }
        // A clause that started with a complementiser belongs to its own
        // subject: "said that X..." is searched from X.
        continue;
      }
      const auto& phrase_found = phrases[p];
      // "the launch, which used...": the antecedent is the phrase right
      // before the pronoun, or there is none among the actors.
      if (relative && relative_at > phrase_found.end + 1) return false;
      t = phrase_found.first;
      // "An Israeli airstrike destroyed ...": an actor modifying the
      // attack noun that is the subject.
      if (verb && !relative && !phrase_found.possessor) {
        for (auto n = phrase_found.end; n < head && n <= phrase_found.end + 1; ++n) {
          if (attack_modifier_of(n) == p && only_chain_after(n, head)) {
            take_phrase(p, false, subject);
            how = "actor modifying the subject";
            return true;
          }
        }
      }
      if (verb && !relative && phrase_found.possessor && !preceded_by_preposition(phrase_found) &&
          phrase_found.end + 1 < head && owner_of_noun_at(head - 1) == p) {
        take_phrase(p, false, subject);
        how = "possessor of the subject";
        return true;
      }
      // "retaliated after Hamas attacked": a subordinator that doubles as
      // a preposition opens a clause when the verb follows the phrase.
      auto opener = phrase_found.first;
      while (opener > sb && folded(opener - 1) == "the") --opener;
      const bool clause_subject = verb && !relative && !phrase_found.possessor && opener > sb &&
                                  is_subordinator(folded(opener - 1)) &&
                                  only_chain_after(phrase_found.end - 1, head);
      if (!relative && !clause_subject &&
          (phrase_found.possessor || preceded_by_preposition(phrase_found))) {
        continue;
      }
      // "Putin met Xi and attacked Ukraine", "Russia struck Kyiv, killing
      // ten", "Orban met Putin, days after a visit to Kyiv": an object of
      // the previous verb is no subject; that verb's subject is.
      // So is the object of the verb whose means an event noun names:
      // "Israel killed Nasrallah in an airstrike on Beirut" is Israel's.
      // Nor is it the subject of a noun that says how or when the verb's
      // act was done: "warned China during talks with Xi" are Blinken's
      // talks ("accused Moscow of waging a war" keeps Moscow's war).
      if (conjunction || comma_passed || (!verb && names_the_means(head))) {
        for (const auto& [target_phrase, source] : earlier_targets) {
          if (target_phrase == p || titled_after(target_phrase, p)) {
            subject = source;
            how = "subject shared with the previous verb";
            return true;
          }
        }
      }
      // Apposition: "Kim Taewoo, the former head of the institute, told":
      // the phrase before the comma that opens it is the subject.
      if (!relative && phrase_found.end < se && folded(phrase_found.end) == ",") {
        for (std::uint32_t u = phrase_found.first; u-- > sb && phrase_found.first - u < 14;) {
          if (is_boundary(u)) break;
          if (folded(u) != ",") continue;
          const auto before = u > sb ? phrase(u - 1) : -1;
          if (before >= 0 && !phrases[before].possessor &&
              !preceded_by_preposition(phrases[before])) {
            take_phrase(before, false, subject);
            coordinate_left(before, subject);
            how = "subject before an apposition";
            return true;
          }
          break;
        }
      }
      take_phrase(p, false, subject);
      coordinate_left(p, subject, relative);
      how = relative ? "subject through a relative pronoun" : "subject";
      return true;
    }
    return false;
  }

  // The possessor of a noun at `head`: "Kim's visit", "its war", "the two
  // leaders' first meeting".
  bool find_possessor(std::uint32_t head, Slot& slot) const {
    for (std::uint32_t t = head; t-- > sb && head - t <= 4;) {
      const auto& tok = tokens[t];
      if (tok.flags & text::kPossessive) {
        const auto p = phrase(t - 1 >= sb ? t - 1 : t);
        if (t == sb || p < 0) return false;
        take_phrase(p, false, slot);
        coordinate_left(p, slot);
        return true;
      }
      if (const auto p = phrase(t); p >= 0) {
        if (is_possessive_pronoun(folded(phrases[p].first)) && phrases[p].end == t + 1) {
          take_phrase(p, false, slot);
          return true;
        }
        return false;
      }
      // "Trump's 25% tariffs": an amount stands between.
      if (tok.kind == text::TokenKind::Number || tok.folded == "%") continue;
      // "Russia's war during talks": a preposition ends the noun phrase.
      if (!is_gap(t) || is_preposition(tok.folded)) return false;
    }
    return false;
  }

  // "was killed in an Israeli strike", "were wounded in a Russian drone
  // attack": the actor that modifies the attack is the passive's agent.
  void attack_agent(std::uint32_t from, Slot& slot) const {
    for (auto t = from; t + 1 < se && t - from <= 2; ++t) {
      if (folded(t) != "in") continue;
      auto u = t + 1;
      if (u < se && one_of(folded(u), {"a", "an", "the"})) ++u;
      const auto p = phrase(u);
      if (p < 0 || phrases[p].first != u) return;
      for (auto v = phrases[p].end; v < se && v - phrases[p].end <= 2; ++v) {
        if (one_of(folded(v), {"strike", "strikes", "airstrike", "airstrikes", "air", "attack",
                               "attacks", "raid", "raids", "bombing", "bombardment", "shelling",
                               "offensive", "ambush"})) {
          take_phrase(p, false, slot);
          return;
        }
      }
      return;
    }
  }

  // "a Russian drone attack", "an Israeli strike": an actor used as an
  // adjective right before an event noun (one more modifier may stand
  // between) is its source.
  bool actor_modifier(std::uint32_t head, Slot& slot) const {
    for (auto t = head; t-- > sb && head - t <= 2;) {
      const auto p = phrase(t);
      if (p < 0) {
        if (!is_gap(t) || is_determiner(folded(t)) || is_preposition(folded(t))) return false;
        continue;
      }
      const auto& modifier = phrases[p];
      if (modifier.possessor || modifier.end != t + 1) return false;
      const bool introduced = modifier.first == sb || is_determiner(folded(modifier.first - 1)) ||
                              is_preposition(folded(modifier.first - 1));
      if (!introduced) return false;
      take_phrase(p, false, slot);
      return true;
    }
    return false;
  }

  // A base or "-s" form may be a noun ("a state visit", "artillery
  // shells"); "-ed" and "-ing" forms and irregular pasts are verbs.
  bool ambiguous_with_noun(std::uint32_t head) const {
    const auto w = folded(head);
    if (w.ends_with("ed") || w.ends_with("ing")) return false;
    return !coder.morphology_.past_participle(w);
  }

  // Matches `entry` with its head at `head`. Fills `match` on success.
  bool match_entry(const LexiconEntry& entry, std::uint32_t head,
                   const std::vector<std::pair<int, Slot>>& earlier_targets, Match& match) const {
    const auto& elements = entry.elements;
    const bool noun = entry.kind == LexiconKind::Noun;
    // A determiner before a verb entry's head makes it a noun: "the attack".
    // "the troops that attacked": "that" before a past form is a pronoun.
    const bool relative_that =
        head > sb && folded(head - 1) == "that" && coder.morphology_.past_participle(folded(head));
    // "a Russian attack": a country used as an adjective after an
    // indefinite article makes it a noun too.
    const auto adjective_before = [&] {
      const auto p = phrase(head - 1);
      if (p < 0 || phrases[p].possessor || phrases[p].end != head || phrases[p].first == sb ||
          !country_phrase(p)) {
        return false;
      }
      // "killed by Russian shelling": an "-ing" form after a nationality
      // that follows a preposition is a noun too.
      const auto before = folded(phrases[p].first - 1);
      return one_of(before, {"a", "an"}) ||
             (folded(head).ends_with("ing") && is_preposition(before));
    };
    const bool after_determiner =
        head > sb && !relative_that &&
        (is_determiner(folded(head - 1)) || (tokens[head - 1].flags & text::kPossessive) ||
         adjective_before());
    if (!noun && after_determiner) return false;
    // "as fighting erupted along the border": an "-ing" form that a verb
    // follows is that verb's subject, a noun.
    if (!noun && folded(head).ends_with("ing") && head + 1 < se && clause_verb(head + 1)) {
      return false;
    }
    if (noun && called_for(head)) return false;
    // "a genocide case against Israel", "war crimes charges": a noun that
    // only names what a case, charge or report is about is no event.
    if (noun && head + 1 < se &&
        one_of(
            folded(head + 1),
            {"case",          "cases",      "trial",       "charge",     "charges",     "lawsuit",
             "convention",    "accusation", "accusations", "allegation", "allegations", "probe",
             "investigation", "inquiry",    "hearing",     "ruling",     "verdict",     "report",
             "reports",       "claim",      "claims"})) {
      return false;
    }
    match.entry = &entry;
    match.head = head;
    match.elements = 1;
    // Passive voice: a be-form before a past participle ("was attacked").
    // Not for a pattern that spells out its own agent ("broker by $S").
    const bool agent_pattern = entry.head + 1 < elements.size() &&
                               elements[entry.head + 1].type == Type::Word &&
                               elements[entry.head + 1].word == "by";
    if (!noun && !agent_pattern && coder.morphology_.past_participle(folded(head))) {
      for (std::uint32_t t = head; t-- > sb && head - t <= 3;) {
        const auto w = folded(t);
        if (is_be(w)) {
          match.passive = true;
          break;
        }
        if (!is_chain_filler(w)) break;
      }
    }
    // A possessor slot before the head: "$T 's military backer".
    if (entry.head == 2) {
      Slot possessor;
      if (!find_possessor(head, possessor)) return false;
      (elements[0].type == Type::Target ? match.target : match.source) = std::move(possessor);
      match.elements += 2;
    }
    auto cursor = head + 1;
    // "the attack by Russia on Kyiv", "a visit by Putin to Pyongyang": the
    // agent of an event noun right after it.
    if (noun && !entry.has(Type::Source) && cursor + 1 < se && folded(cursor) == "by" &&
        phrase(cursor + 1) >= 0) {
      take_phrase(phrase(cursor + 1), true, match.source);
      cursor = match.source.end;
      match.roles = "source: by-phrase";
    }
    if (match.passive) {
      match.object_first = entry.head + 1 < elements.size() &&
                           elements[entry.head + 1].type == Type::Word &&
                           fronted_object(head, elements[entry.head + 1].word);
      // "was accused by the United States of ...": the agent comes first.
      // After a fronted object only right away: "weapons were sent to
      // Ukraine by Germany" has the pattern's rest first.
      if (auto by = find_word(cursor, "by", match.object_first ? 0 : 2)) {
        if (!find_slot(*by + 1, true, false, match.source)) return false;
        cursor = match.source.end;
      } else {
        attack_agent(cursor, match.source);
      }
    }
    for (std::size_t i = entry.head + 1; i < elements.size(); ++i) {
      const auto& element = elements[i];

      switch (element.type) {
        case Type::Word: {
          if (match.object_first && i == entry.head + 1) break;  // the passive's subject
          auto found = find_word(cursor, element.word, 4, noun);
          // "expel $T diplomats": the word may be the head of the slot's own
          // phrase ("expelled a Canadian diplomat").
          if (!found && i > 0 && elements[i - 1].type != Type::Word &&
              elements[i - 1].type != Type::Possessive && cursor > sb && phrase(cursor - 1) >= 0 &&
              word_matches(cursor - 1, element.word, noun)) {
            found = cursor - 1;
          }
          // "turned to Iran, another sanctioned country, for help": past an
          // apposition of the slot.
          if (!found && i > 0 && elements[i - 1].type != Type::Word && cursor < se &&
              folded(cursor) == ",") {
            for (auto t = cursor + 1; t < se && t - cursor <= 7; ++t) {
              if (folded(t) == ",") {
                found = find_word(t + 1, element.word, 0, noun);
                break;
              }
              if (!is_gap(t)) break;
            }
          }
          if (!found) {
            // "summit between the two leaders": a plural source slot takes
            // the place of "$S and $T".
            if (element.word == "and" && i + 1 < elements.size() && entry.reciprocal &&
                match.source.actors.size() >= 2 && match.target.actors.empty()) {
              ++match.elements;
              i = elements.size();  // "and $T" is satisfied; the loop ends
              break;
            }
            return false;
          }
          cursor = *found + 1;
          break;
        }
        case Type::Target:
        case Type::Source: {
          auto& slot = element.type == Type::Target ? match.target : match.source;
          if (element.type == Type::Target && match.passive && !match.object_first) {
            break;  // the subject
          }
          const bool before_and = i + 1 < elements.size() && elements[i + 1].type == Type::Word &&
                                  elements[i + 1].word == "and";
          // A place in a target slot stands for its country: "travelled to
          // Pyongyang", "missiles struck Kyiv".
          // Sanctions' targets read as force's: "sanctions on more than 500
          // targets in Russia" are on Russia.
          // So do threats of force: "threatened to strike decision-making
          // centres in Kyiv".
          const auto root = std::string_view(entry.code).substr(0, 2);
          const bool force = root == "18" || root == "19" || root == "20" ||
                             std::string_view(entry.code).starts_with("163") ||
                             std::string_view(entry.code).starts_with("138");
          const bool direct_object = !noun && i == entry.head + 1;
          if (!find_slot(cursor, !before_and, element.type == Type::Target, slot, entry.place,
                         force && element.type == Type::Target, direct_object)) {
            // "Putin and Kim met", "expressed admiration for one another":
            // a reciprocal pattern may end without its target.
            if (entry.reciprocal && element.type == Type::Target && i + 1 == elements.size()) {
              --match.elements;
              break;
            }
            // "killed more than 800 people": force on unnamed people.
            if (root != "16" && force && element.type == Type::Target && direct_object &&
                i + 1 == elements.size()) {
              if (const auto people = unnamed_people_at(cursor)) {
                match.people_at = people;
                cursor = people + 1;
                break;
              }
            }
            // "police detained dozens of people", "arrested a suspect".
            if (root == "17" && element.type == Type::Target && direct_object &&
                i + 1 == elements.size() && unnamed_people_at(cursor, true)) {
              match.unnamed_object = true;
              cursor = unnamed_people_at(cursor, true) + 1;
              break;
            }
            // "condemned the launch": who launched is the target.
            std::uint32_t named_at = 0;
            // "protested against the arrest" too.
            const bool object = direct_object || (!noun && elements[i - 1].type == Type::Word);
            // "called the decision wrong": only words may follow the slot,
            // and they must judge it: "called the deal a beacon of hope"
            // (`call $T a`) is no reaction.
            const bool words_after =
                std::all_of(elements.begin() + static_cast<std::ptrdiff_t>(i) + 1, elements.end(),
                            [](const auto& rest) { return rest.type == Type::Word; }) &&
                (i + 1 == elements.size() || !one_of(elements[i + 1].word, {"a", "an"}));
            if (object && element.type == Type::Target && words_after &&
                (reacts(entry) || hosts(entry))) {
              if (const auto* named = event_noun_after(cursor, named_at, i + 1 < elements.size())) {
                match.named_at = named_at;
                cursor = named_at + 1;
                // "condemned the attack by Palau", "the Israeli strike":
                // the noun's own phrase names who did it.
                if (std::string how; doer_of_event_noun(named_at, match.target, how)) {
                  match.target_how = "target: " + how + " of \"" + std::string(named->noun) + "\"";
                  break;
                }
                match.named_event = named;
                break;
              }
            }
            return false;
          }
          // "killed 40 people in Gaza": the place says whose civilians.
          if (root != "16" && force && element.type == Type::Target && direct_object &&
              slot.place) {
            if (const auto people = unnamed_people_at(cursor)) {
              if (const auto civilians = country_index(slot.place->country, "CVL", "civilians")) {
                slot.actors = {*civilians};
                match.people_at = people;
              }
            }
          }
          cursor = slot.end;
          break;
        }
        case Type::Possessive:
          if (cursor >= se || !(tokens[cursor].flags & text::kPossessive)) return false;
          ++cursor;
          break;
      }
      ++match.elements;
    }
    match.end = cursor;
    // The source, when no slot gave it.
    if (match.source.actors.empty() && !match.passive) {
      if (noun) {
        const bool unresolved_possessor =
            head > sb && is_possessive_pronoun(folded(head - 1)) && phrase(head - 1) < 0;
        if (entry.head != 2 && find_possessor(head, match.source)) {
          match.roles = "source: possessor";
        } else if (entry.head != 2 && actor_modifier(head, match.source)) {
          match.roles = "source: actor modifying the noun";
        } else if (unresolved_possessor) {
          // "as its war with Ukraine dragged on": someone's, but not the
          // clause subject's.
        } else if (by_phrase(match.end, 3, match.source)) {
          match.roles = "source: by-phrase";
        } else if (!in_background_phrase(head) &&
                   std::find(reaction_objects.begin(), reaction_objects.end(), head) ==
                       reaction_objects.end() &&
                   find_subject(head, earlier_targets, match.source, match.roles)) {
          match.roles = "source: " + match.roles + " of the clause";
        }
      } else if (find_subject(head, earlier_targets, match.source, match.roles,
                              ambiguous_with_noun(head), true)) {
        // "-s" forms are plural nouns as often as verbs ("artillery
        // shells"): those must reach their subject through a verb chain.
        match.roles = "source: " + match.roles;
      }
    } else if (!noun && !match.passive && entry.has(Type::Source) && !entry.has(Type::Target)) {
      // "Ukraine received weapons from Germany": the subject is the target.
      Slot subject;
      std::string how;
      // "talks mediated by Washington": the noun before the participle is
      // what was mediated, whoever the clause's subject is.
      const EventNoun* mediated_before =
          mediates(entry) && head > sb ? event_noun_at(head - 1) : nullptr;
      if (mediated_before) {
        match.named_event = mediated_before;
      } else if (find_subject(head, earlier_targets, subject, how, ambiguous_with_noun(head))) {
        match.target = std::move(subject);
      } else if (mediates(entry)) {
        match.named_event = mediated_noun(head);  // "The talks, mediated by Saudi Arabia"
      }
      match.roles = "source: slot, target: " + how;
    } else if (match.passive && match.object_first) {
      // "weapons were sent to Ukraine by Germany": the agent may come last.
      if (match.source.actors.empty()) by_phrase(match.end, 3, match.source);
      match.roles = "passive voice with the object as subject: source after \"by\", target: slot";
    } else if (match.passive) {
      Slot subject;
      std::string how;
      if (find_subject(head, earlier_targets, subject, how)) {
        match.target = std::move(subject);
      } else if (reacts(entry) && entry.has(Type::Target)) {
        match.named_event = event_noun_before(head);  // "the attack was condemned by ..."
      } else if (mediates(entry)) {
        match.named_event = mediated_noun(head);  // "The truce ... was brokered by Qatar"
      }
      match.roles = "passive voice: source after \"by\", target: " + how;
    } else {
      if (match.roles.empty()) match.roles = "source: slot";
    }
    if (match.target.actors.empty() && !match.named_event && !entry.has(Type::Target)) {
      match.named_event = denied_accusation(entry, match);
    }
    if (match.people_at != 0 && match.target.actors.empty()) {
      if (const auto people = people_of(match)) {
        match.target.actors.push_back(*people);
        match.target.end = match.people_at + 1;
        match.roles +=
            ", target: unnamed people, as civilians of " + recognized.actors[*people].country;
      }
    }
    if (!match.source.phrases.empty()) {
      match.subject_end = phrases[match.source.phrases.front()].end;
      for (auto p : match.source.phrases)
        match.subject_end = std::max(match.subject_end, phrases[p].end);
      if (match.subject_end > head) match.subject_end = head > 4 ? head - 4 : sb;
    } else {
      match.subject_end = head > sb + 6 ? head - 6 : sb;
    }
    match.subject_end = std::max(match.subject_end, sb);
    return true;
  }

  // The best match with its head at `t`: the most elements, then the latest
  // entry.
  std::optional<Match> best_match(std::uint32_t t,
                                  const std::vector<std::pair<int, Slot>>& earlier_targets) const {
    const auto& tok = tokens[t];
    if (tok.kind != text::TokenKind::Word || phrase(t) >= 0 || tok.folded.size() < 2) {
      return std::nullopt;
    }
    const auto forms = coder.by_form_.find(std::string_view(tok.folded));
    if (forms == coder.by_form_.end()) return std::nullopt;
    const auto& candidates = forms->second;
    std::optional<Match> best;
    const auto& entries = coder.lexicon_.entries();
    // A noun entry's head is the word itself or its plural; a verb entry's
    // head any inflection.
    std::vector<std::string> nouns;
    coder.morphology_.lemmas(tok.folded, WordClass::Noun, nouns);
    for (const auto index : candidates) {
      const auto& entry = entries[index];
      if (entry.kind == LexiconKind::Noun &&
          std::find(nouns.begin(), nouns.end(), entry.elements[entry.head].word) == nouns.end()) {
        continue;
      }
      Match match;
      match.entry_index = index;
      if (!match_entry(entry, t, earlier_targets, match)) continue;
      if (!best || match.elements >= best->elements) best = std::move(match);
    }
    return best;
  }

  void index_actors(std::uint32_t s, std::size_t& next_mention, std::size_t& next_place);
  std::vector<Match> find_matches(const std::vector<DateExpression>& dates);
  Qualified qualify(const std::vector<Match>& matches, std::size_t index, const Mood& mood,
                    std::uint32_t source) const;
  const DateExpression* date_for(const Match& match,
                                 const std::vector<DateExpression>& dates) const;
  const actors::PlaceMention* place_for(const Match& match) const;
  std::string explain(const Match& match, const Qualified& qualified,
                      const DateExpression* date) const;
};

// Builds the sentence's phrases from the mentions of `sentence` (starting at
// `next_mention`, which it advances) and marks its places.
void SentenceCoder::index_actors(std::uint32_t s, std::size_t& next_mention,
                                 std::size_t& next_place) {
  const auto token_at = [&](std::uint32_t byte) {
    return static_cast<std::uint32_t>(
        std::lower_bound(
            tokens.begin(), tokens.end(), byte,
            [](const text::Token& token, std::uint32_t b) { return token.begin < b; }) -
        tokens.begin());
  };
  phrase_at.assign(se - sb, -1);
  place_at.assign(se - sb, nullptr);
  // Phrases: runs of touching mentions; the actors of the mentions that end
  // last are the phrase's ("Russian Defense Minister Sergei Shoigu").
  const auto& mentions = recognized.mentions;
  while (next_mention < mentions.size() && mentions[next_mention].sentence < s) ++next_mention;
  for (; next_mention < mentions.size() && mentions[next_mention].sentence == s; ++next_mention) {
    const auto& m = mentions[next_mention];
    const auto first = std::max(token_at(m.begin), sb);
    const auto end = std::min(std::max(token_at(m.end), first + 1), se);
    if (first >= se) continue;
    // Places are where events happen, never who acts ("the Red Sea").
    if (recognized.actors[m.actor].type == ActorType::Place) continue;
    if (!phrases.empty() && first > phrases.back().end &&
        title_gap(tokens, phrases.back(), first, recognized, recognized.actors[m.actor])) {
      phrases.back().end = first;  // "Japanese Prime Minister | Fumio Kishida"
    }
    if (!phrases.empty() && first <= phrases.back().end) {
      auto& last = phrases.back();
      if (end > last.end) {
        last.actors.clear();
        last.end = end;
      }
      if (end == last.end &&
          std::find(last.actors.begin(), last.actors.end(), m.actor) == last.actors.end()) {
        last.actors.push_back(m.actor);
      }
    } else {
      phrases.push_back({first, end, {m.actor}, false});
    }
  }
  for (std::size_t p = 0; p < phrases.size(); ++p) {
    auto& phrase = phrases[p];
    phrase.possessor =
        (phrase.end < se && (tokens[phrase.end].flags & text::kPossessive)) ||
        (phrase.end == phrase.first + 1 && is_possessive_pronoun(tokens[phrase.first].folded));
    for (auto t = phrase.first; t < phrase.end; ++t) phrase_at[t - sb] = static_cast<int>(p);
  }
  const auto& places = recognized.places;
  while (next_place < places.size() && places[next_place].sentence < s) ++next_place;
  for (auto i = next_place; i < places.size() && places[i].sentence == s; ++i) {
    const auto& place = places[i];
    for (auto t = std::max(token_at(place.begin), sb); t < se && tokens[t].begin < place.end; ++t) {
      place_at[t - sb] = &place;
    }
  }
}

// Pass 1: the best match at each token, left to right; a match inside an
// earlier one ("backer" in "military backer") is that one's word.
std::vector<Match> SentenceCoder::find_matches(const std::vector<DateExpression>& dates) {
  // A sentence-wide cue, read once for all its events.
  for (auto t = sb; t + 1 < se && !according_to; ++t) {
    according_to = folded(t) == "according" && folded(t + 1) == "to";
  }
  passable.assign(se - sb, false);
  in_date.assign(se - sb, false);
  for (const auto& date : dates) {
    for (auto t = std::max(date.first_token, sb); t < date.end_token && t < se; ++t) {
      passable[t - sb] = true;
      in_date[t - sb] = true;
    }
  }
  std::vector<Match> matches;
  std::vector<std::pair<int, Slot>> earlier_targets;
  for (auto t = sb; t < se; ++t) {
    if (!matches.empty() && t < matches.back().end && t > matches.back().head &&
        t != matches.back().named_at) {
      continue;
    }
    auto match = best_match(t, earlier_targets);
    if (!match) continue;
    if (match->named_at != 0) reaction_objects.push_back(match->named_at);
    for (auto u = match->head; u < match->end && u < se; ++u) passable[u - sb] = true;
    if (!match->source.actors.empty()) {
      for (auto p : match->target.phrases) earlier_targets.emplace_back(p, match->source);
    }
    matches.push_back(std::move(*match));
  }
  return matches;
}

// Intentions, threats and conditions from the verb chain before each trigger
// ("plans to visit", "will meet", "threatened to strike", "could meet"). A
// purpose infinitive inherits them from the trigger it serves: "is planning to
// travel to Russia to meet Putin" intends the meeting too.
static std::vector<Mood> chain_moods(const SentenceCoder& sc, const std::vector<Match>& matches) {
  std::vector<Mood> moods(matches.size());
  for (std::size_t i = 0; i < matches.size(); ++i) {
    auto& mood = moods[i];
    auto head = matches[i].head;
    // An event noun takes the chain of the verb that governs it: "would
    // resume military aid", "plans to hold talks".
    if (matches[i].entry->kind == LexiconKind::Noun) {
      auto t = head;
      // Determiners and up to two modifiers that cannot be verbs ("open
      // membership talks", "hold the first peace talks").
      for (int modifiers = 0; t > sc.sb + 1 && head - t < 4;) {
        if (is_determiner(sc.folded(t - 1)) || is_opening_quote(sc.folded(t - 1))) {
          --t;  // "its 'holy war'": an opening quote too
        } else if (modifiers < 2 && sc.noun_modifier(t - 1)) {
          --t;
          ++modifiers;
        } else {
          break;
        }
      }
      // "pledged an additional $500 million in military aid": an amount
      // between the verb and its noun.
      if (const auto amount = sc.amount_before(t)) t = *amount;
      if (t > sc.sb && sc.phrase(t - 1) < 0 && sc.tokens[t - 1].kind == text::TokenKind::Word &&
          !is_determiner(sc.folded(t - 1)) && !is_preposition(sc.folded(t - 1)) &&
          !(sc.tokens[t - 1].flags & text::kCapitalized)) {
        head = t - 1;
        // "pledged aid to", "offered talks": the verb is itself the promise.
        if (is_promise(sc.folded(head))) mood.intended = true;
      }
    }
    bool infinitive = false;
    for (auto t = head; t-- > std::max(sc.sb, head > 8 ? head - 8 : 0u);) {
      const auto w = sc.folded(t);
      if (w == "to") {
        infinitive = true;
        continue;
      }
      if (one_of(w, {"will", "'ll", "would", "shall"})) mood.intended = true;
      if (one_of(w, {"could", "may", "might", "should", "can"})) mood.hypothetical = true;
      if (is_intent(w) && infinitive) mood.intended = true;
      if (is_threat(w) && infinitive) mood.threatened = true;
      if (is_vow(w) && infinitive && uses_force(matches[i].entry->code)) mood.threatened = true;
      if (is_hypothetical(w) && (infinitive || w.ends_with("ing"))) mood.hypothetical = true;
      if (infinitive) {
        const auto end = matches.begin() + static_cast<std::ptrdiff_t>(i);
        const auto governing = std::find_if(
            matches.begin(), end, [&](const Match& m) { return m.head <= t && t < m.end; });
        if (governing != end) {
          const auto& inherited = moods[static_cast<std::size_t>(governing - matches.begin())];
          mood.intended = mood.intended || inherited.intended;
          mood.hypothetical = mood.hypothetical || inherited.hypothetical;
          break;
        }
      }
      if (!(sc.in_date[t - sc.sb] || is_chain_filler(w) || is_intent(w) || is_threat(w) ||
            is_hypothetical(w) || is_negation(w) ||
            one_of(w, {"to", "be", "soon", "also", "now", "later"}) ||
            (t + 1 < sc.se && sc.in_date[t + 1 - sc.sb] &&
             one_of(w, {"on", "in", "last", "this", "next"})))) {
        break;
      }
    }
  }
  return moods;
}

// CAMEO codes some acts by who does them to whom: force used on protesters
// by police, soldiers or the state is repression (175); killing or
// assaulting fighters is fighting (190); force from aircraft and drones is
// aerial (195). Requires: `code` is the lexicon's own code for the trigger.
struct ForceContext {
  bool fighters_hit = false;  // the object names fighters (SentenceCoder::names_fighters)
  bool from_the_air = false;  // the subject names aircraft (SentenceCoder::from_the_air)
  bool many_killed = false;   // a hundred or more (SentenceCoder::counts_a_hundred)
};
static std::string_view refine_by_participants(std::string_view code, const Actor& source,
                                               const Actor* target, ForceContext context) {
  const auto armed = [](const Actor& actor) { return one_of(actor.agent, {"MIL", "REB", "UAF"}); };
  const bool force = code.starts_with("18") || code.starts_with("19");
  if (force && target && target->agent == "OPP" &&
      one_of(source.agent, {"COP", "MIL", "GOV", "SPY"})) {
    return "175";
  }
  // Police force on their own country's civilians is repression too.
  if (force && target && target->agent == "CVL" && source.agent == "COP" &&
      target->country == source.country) {
    return "175";
  }
  if (force && source.agent == "OPP") return "145";  // protesters' violence is rioting
  if (one_of(code, {"180", "182", "1823"}) && target && armed(*target) && context.fighters_hit &&
      (armed(source) || source.type == ActorType::Country)) {
    return "190";
  }
  if (code == "1823" && context.many_killed) return "202";  // not fighters, above
  // "Israeli warplanes pounded Gaza": force from the air is an air strike,
  // whatever the verb.
  if ((code == "190" || code == "194") && context.from_the_air) return "195";
  return code;
}

// Who does what to whom: one pair per source and target; a reciprocal
// pattern with a plural subject and no target, or with both slots, each way.
// A pattern without a target ("held military exercises") claims its trigger,
// so that no shorter pattern codes it wrongly, but gives no pair: careful
// coders rarely code one-actor events, and on the gold set they were mostly
// a target this coder failed to find. stands_alone() names the exceptions.
static std::vector<Pair> participants(const Match& match) {
  const auto& entry = *match.entry;
  const auto& source = match.source.actors;
  const auto& target = match.target.actors;
  std::vector<Pair> pairs;
  const bool symmetric = entry.reciprocal && entry.has(Type::Source) && entry.has(Type::Target);
  if (entry.reciprocal && target.empty() && source.size() >= 2) {
    for (auto a : source) {
      for (auto b : source) {
        if (a != b) pairs.emplace_back(a, b);
      }
    }
    return pairs;
  }
  for (auto a : source) {
    for (auto b : target) {
      if (a == b) continue;
      pairs.emplace_back(a, b);
      if (symmetric) pairs.emplace_back(b, a);
    }
  }
  return pairs;
}

// Acts that need no target by their nature, coded with their source alone:
// declining to comment (011), claiming or denying responsibility (015, 016), mobilising or
// deploying forces (154), curfews, censorship and states of emergency (172x). Only patterns without
// a target slot, and of the bare verbs only "deny": a plain "rejected" or "dismissed" names no act
// of its own.
bool stands_alone(const LexiconEntry& entry) {
  if (entry.has(Type::Target) || entry.reciprocal) return false;
  const std::string_view code = entry.code;
  if (code == "016") return entry.elements.size() > 1 || entry.elements[entry.head].word == "deny";
  return code == "011" || code == "015" || code == "154" ||
         (code.size() == 4 && code.starts_with("172") && code != "1720");
}

// Who did what, sentence by sentence, for reactions that name an earlier
// event by a noun.
struct Deed {
  std::string_view code;
  std::string_view head;     // the trigger's lexicon word
  std::string_view pattern;  // for --explain
  Group sources;
  std::uint32_t sentence;
};

// "The truce ... was brokered by Qatar", "Turkey hosted the meeting": the
// parties of the latest agreement, talks, truce or other cooperation in
// this sentence or the two before, not the mediators or hosts themselves;
// of one sentence, the first such event with two parties, else the first.
static const Deed* cooperation_deed(const Match& match, const std::vector<Deed>& deeds,
                                    std::uint32_t sentence, const std::vector<Actor>& actors) {
  const auto& mediators = match.source.actors;
  // "talks mediated by Washington" are not those of Trump's announcement.
  const auto mediators_country = [&](std::uint32_t actor) {
    const auto& country = actors[actor].country;
    return !country.empty() && std::any_of(mediators.begin(), mediators.end(),
                                           [&](auto m) { return actors[m].country == country; });
  };
  const auto candidate = [&](const Deed& deed) {
    if (sentence - deed.sentence > 2) return false;
    const auto root = deed.code.substr(0, 2);
    if (!(root == "03" || root == "04" || root == "05" || root == "06" || root == "08")) {
      return false;
    }
    return std::none_of(deed.sources.begin(), deed.sources.end(), [&](auto actor) {
      return std::find(mediators.begin(), mediators.end(), actor) != mediators.end() ||
             mediators_country(actor);
    });
  };
  const Deed* chosen = nullptr;
  for (auto deed = deeds.rbegin(); deed != deeds.rend(); ++deed) {
    if (!candidate(*deed)) continue;
    if (chosen && deed->sentence != chosen->sentence) break;
    if (!chosen || deed->sources.size() >= 2 || chosen->sources.size() < 2) chosen = &*deed;
  }
  return chosen;
}

// "The United States condemned the launch": the target is who did the
// earlier event the noun names, within the last five sentences, and not the
// reacting actors themselves. The latest event whose trigger is the noun
// itself; else the first of the latest sentence with an event the noun may
// name (a sentence's main event comes first: "Iran launched drones at
// Israel ..., saying it was retaliating for an Israeli strike").
static const Deed* named_deed(const Match& match, const std::vector<Deed>& deeds,
                              std::uint32_t sentence, const std::vector<Actor>& actors) {
  const auto& named = *match.named_event;
  const auto& reacting = match.source.actors;
  // "Pakistan's prime minister called the strikes an act of war" judges
  // India's strikes, not Pakistan's own of the sentence before.
  const auto same_country = [&](const Deed& deed) {
    return std::any_of(deed.sources.begin(), deed.sources.end(), [&](auto doer) {
      const auto& country = actors[doer].country;
      return !country.empty() && std::any_of(reacting.begin(), reacting.end(), [&](auto actor) {
        return actors[actor].country == country;
      });
    });
  };
  const auto candidate = [&](const Deed& deed) {
    if (sentence - deed.sentence > 5) return false;
    if (match.named_here && deed.sentence != sentence) return false;
    const auto root = deed.code.substr(0, 2);
    const bool fits = named.roots.empty() || named.roots.find(root) != std::string_view::npos;
    const bool own = std::any_of(deed.sources.begin(), deed.sources.end(), [&](auto actor) {
      return std::find(reacting.begin(), reacting.end(), actor) != reacting.end();
    });
    return fits && !own && !same_country(deed);
  };
  const Deed* chosen = nullptr;
  // The latest whose trigger, or a word of whose pattern, is the noun:
  // "launched missile strikes" is named by "the strikes".
  const auto names_noun = [&](const Deed& deed) {
    if (deed.head == named.noun) return true;
    std::string_view pattern = deed.pattern;
    for (std::size_t at = 0; at < pattern.size();) {
      auto end = pattern.find(' ', at);
      if (end == std::string_view::npos) end = pattern.size();
      auto word = pattern.substr(at, end - at);
      if (word.size() == named.noun.size() + 1 && word.back() == 's') word.remove_suffix(1);
      if (word == named.noun) return true;
      at = end + 1;
    }
    return false;
  };
  for (auto deed = deeds.rbegin(); deed != deeds.rend() && !chosen; ++deed) {
    if (names_noun(*deed) && candidate(*deed)) chosen = &*deed;
  }
  for (auto deed = deeds.rbegin(); deed != deeds.rend() && !chosen; ++deed) {
    if (!candidate(*deed)) continue;
    chosen = &*deed;
    for (auto earlier = std::next(deed); earlier != deeds.rend(); ++earlier) {
      if (earlier->sentence != deed->sentence) break;
      if (candidate(*earlier)) chosen = &*earlier;
    }
  }
  return chosen;
}

// Negation, modality and the code they lead to (docs/extraction.md,
// "Negation and modality").
Qualified SentenceCoder::qualify(const std::vector<Match>& matches, std::size_t index,
                                 const Mood& mood, std::uint32_t source) const {
  const auto& match = matches[index];
  bool negated = false, hypothetical = mood.hypothetical, reported = according_to;
  // Negation, reports and conditions anywhere between the subject and the
  // trigger; intentions and threats come from the verb chain only (`mood`).
  for (auto t = match.subject_end; t < match.head; ++t) {
    const auto w = folded(t);
    if (is_negation(w)) negated = true;
    // "would stop bombing the Houthis", "ceased firing": the act ends.
    if (t + 1 == match.head && folded(match.head).ends_with("ing") &&
        one_of(w, {"stop", "stops", "stopped", "stopping", "cease", "ceases", "ceased", "halt",
                   "halts", "halted", "quit", "quits"})) {
      negated = true;
    }
    // "declined to join the sanctions", "stopped short of condemning".
    if (t + 1 < match.head &&
        ((folded(t + 1) == "to" && declines(w)) || (w == "short" && folded(t + 1) == "of"))) {
      negated = true;
    }
    if (one_of(w, {"if", "whether", "unless", "possible", "possibly", "potential", "potentially",
                   "perhaps"})) {
      hypothetical = true;
    }
    if (is_report_cue(w)) reported = true;
  }
  // "Russia denied attacking civilians": what is denied is not asserted.
  if (denied(match) || blocked(match)) negated = true;
  for (auto t = sb; t < match.subject_end; ++t) {
    const auto w = folded(t);
    if (one_of(w, {"reportedly", "allegedly"}) ||
        (w == "report" && t + 1 < se && folded(t + 1) == "that")) {
      reported = true;
    }
  }
  for (const auto& other : matches) {
    const auto root = std::string_view(other.entry->code).substr(0, 2);
    // "suspected North Korea of providing": the accusation's content.
    if (match.head > sb + 1 && folded(match.head - 1) == "of" && other.head < match.head &&
        other.end + 1 >= match.head && root.starts_with("11")) {
      reported = true;
    }
    // "ask Kim to send": an appeal's content is not an event yet, nor is
    // "urged Washington to stop arming Taiwan".
    auto before = match.head;
    if (before > sb + 1 && one_of(folded(before - 1), {"stop", "halt", "cease", "end", "start",
                                                       "begin", "resume", "keep", "continue"})) {
      --before;
    }
    if (before > sb && folded(before - 1) == "to" && other.head < match.head &&
        match.head - other.head <= 10 && (root == "02" || root == "10")) {
      hypothetical = true;
    }
    // "warned China against supporting Russia", "urged Iran against
    // escalating": what is warned against has not happened.
    if (match.head > sb && folded(match.head - 1) == "against" && other.head < match.head &&
        match.head - other.head <= 10 && (root == "02" || root == "10" || root == "13")) {
      hypothetical = true;
    }
  }
  Qualified result;
  result.code = match.entry->code;
  result.negated = negated;
  if (mood.threatened && !negated) {
    if (const auto threat = threat_code(result.code);
        !threat.empty() && coder.ontology_.find_event(threat)) {
      result.code = std::string(threat);
      result.cues = " threat";
    }
  } else if (mood.intended && !negated) {
    if (const auto intent = intent_code(result.code);
        !intent.empty() && coder.ontology_.find_event(intent)) {
      result.code = std::string(intent);
      result.cues = " intent";
    }
  }
  if (hypothetical) {
    result.modality = Modality::Hypothetical;
  } else if (reported) {
    result.modality = Modality::Reported;
  } else if (mood.intended) {
    result.modality = Modality::Intended;
  }
  // Reported speech: a speaker other than the source, in a clause that
  // frames this event ("Russia attacked Kyiv, officials said"; not "Iran
  // said it struck militants, and Pakistan recalled its envoy").
  const auto coordinated_between = [&](std::uint32_t from, std::uint32_t to) {
    for (auto t = from; t < to && t < se; ++t) {
      if (folded(t) == ";") return true;
      if (folded(t) == "," && t + 1 < to && one_of(folded(t + 1), {"and", "but", "while"})) {
        // "the United States, Japan, and South Korea" is a list, not a clause.
        const auto next = t + 2 < se ? phrase(t + 2) : -1;
        const bool list = folded(t + 1) == "and" && t > sb && phrase(t - 1) >= 0 && next >= 0 &&
                          !(phrases[next].end < se && looks_like_verb(phrases[next].end));
        if (!list) return true;
      }
    }
    return false;
  };
  // "Canada expelled a diplomat after Trudeau said ...": a speaker in a
  // later subordinate clause frames only that clause.
  for (const auto& other : matches) {
    if (!other.entry->speech || other.head == match.head || other.source.actors.empty()) continue;
    if (other.head < match.head
            ? coordinated_between(other.end, match.head)
            : coordinated_between(match.end, other.head) || clause_between(match.end, other.head)) {
      continue;
    }
    const auto& speakers = other.source.actors;
    const bool speaker_is_source =
        std::find(speakers.begin(), speakers.end(), source) != speakers.end();
    if (!speaker_is_source && result.modality == Modality::Asserted) {
      result.modality = Modality::Reported;
    }
  }
  return result;
}

// Tokens between a trigger and a stretch of tokens.
static std::uint32_t distance_from(std::uint32_t head, std::uint32_t first, std::uint32_t end) {
  if (first >= head) return first - head;
  return end <= head ? head - end + 1 : 0;
}

// The date expression nearest the trigger: one heading the sentence ("In
// July, ...") dates all of it, others only triggers within ten tokens;
// "since 1991" after a trigger is the start of a span, not the event's day.
const DateExpression* SentenceCoder::date_for(const Match& match,
                                              const std::vector<DateExpression>& dates) const {
  const DateExpression* nearest = nullptr;
  for (const auto& date : dates) {
    const auto d = distance_from(match.head, date.first_token, date.end_token);
    const bool heads_sentence = date.first_token <= sb + 1;
    bool since_after = false;
    for (auto t = date.first_token;
         date.first_token > match.head && t-- > sb && date.first_token - t <= 2;) {
      since_after = since_after || folded(t) == "since";
    }
    if ((!heads_sentence && d > 10) || since_after) continue;
    if (!nearest || d < distance_from(match.head, nearest->first_token, nearest->end_token)) {
      nearest = &date;
    }
  }
  return nearest;
}

// The place that filled the target slot, else the "in/at PLACE" nearest the
// trigger: one heading the sentence places all of it, others only a trigger
// within twelve tokens after them or ten before them (counted from the
// match's end).
const actors::PlaceMention* SentenceCoder::place_for(const Match& match) const {
  if (match.target.place) return match.target.place;
  const actors::PlaceMention* place = nullptr;
  std::uint32_t best = ~0u;
  for (auto t = sb + 1; t < se; ++t) {
    const auto* candidate = place_at[t - sb];
    if (!candidate || place_at[t - 1 - sb] == candidate) continue;
    // "in the Red Sea", "in the Gaza Strip".
    const auto preposition = folded(t - 1) == "the" && t - 1 > sb ? t - 2 : t - 1;
    if (!one_of(folded(preposition), {"in", "at", "near", "outside"})) continue;
    const auto d = distance_from(match.head, t, t + 1);
    // As for dates: a place that heads the sentence ("In Kinshasa, ...")
    // places all of it, others only triggers nearby and not across a later
    // clause of their own ("expelled a diplomat after Trudeau said ... in
    // British Columbia").
    const bool near = t >= match.end ? t - match.end <= 10 : d <= 12;
    if (t > sb + 1 && !near) continue;
    if (t > match.end && clause_between(match.end, t)) continue;
    if (d < best) best = d, place = candidate;
  }
  return place;
}

// Why the event was coded, for --explain.
std::string SentenceCoder::explain(const Match& match, const Qualified& qualified,
                                   const DateExpression* date) const {
  const auto& entry = *match.entry;
  const auto slice = [&](std::uint32_t first, std::uint32_t last) {
    return std::string(text.substr(tokens[first].begin, tokens[last].end - tokens[first].begin));
  };
  std::string rule = std::string(entry.kind == LexiconKind::Verb ? "verb" : "noun") + " \"" +
                     entry.pattern + "\" (" + entry.source + ") at \"" +
                     slice(match.head, match.head) + "\"; " + match.roles;
  if (!match.target_how.empty()) rule += "; " + match.target_how;
  if (match.passive) rule += "; passive";
  if (!qualified.cues.empty()) rule += ";" + qualified.cues + " code";
  rule += "; modality " + std::string(to_string(qualified.modality));
  if (qualified.negated) rule += ", negated";
  if (date) rule += "; date from \"" + slice(date->first_token, date->end_token - 1) + "\"";
  return rule;
}

namespace {

void drop_apposed_roles(std::vector<CodedEvent>& coded,
                        const actors::RecognizedActors& recognized) {
  // "hosted his Kyrgyz and Uzbek counterparts, Sadyr Japarov and Shavkat
  // Mirziyoyev": an unnamed role and a named person with the same code at
  // the same end of the same act in one sentence are the same people; the
  // person's event is kept.
  std::unordered_map<std::string_view, const Actor*> by_key;
  for (const auto& actor : recognized.actors) by_key.emplace(actor.key, &actor);
  const auto actor_of = [&](const std::optional<Participant>& end) -> const Actor* {
    if (!end) return nullptr;
    const auto found = by_key.find(end->actor_key);
    return found == by_key.end() ? nullptr : found->second;
  };
  // Events come in sentence order: each is compared with its sentence's.
  std::size_t from = 0, to = 0;
  const auto named_twin = [&](const CodedEvent& role_event, bool role_is_target) {
    const Actor* role =
        actor_of(role_is_target ? role_event.event.target : role_event.event.source);
    if (!role || role->type != ActorType::Group || role->code.empty()) return false;
    return std::any_of(
        coded.begin() + static_cast<std::ptrdiff_t>(from),
        coded.begin() + static_cast<std::ptrdiff_t>(to), [&](const CodedEvent& other) {
          const auto& e = other.event;
          if (&other == &role_event || e.code != role_event.event.code) return false;
          const auto& kept = role_is_target ? e.source : e.target;
          const auto& same = role_is_target ? role_event.event.source : role_event.event.target;
          if ((kept ? kept->actor_key : "") != (same ? same->actor_key : "")) {
            return false;
          }
          const Actor* person = actor_of(role_is_target ? e.target : e.source);
          return person && person->type == ActorType::Person && person->code == role->code;
        });
  };
  std::vector<bool> drop(coded.size(), false);
  for (std::size_t i = 0; i < coded.size(); ++i) {
    if (i >= to) {
      from = i;
      to = i;
      while (to < coded.size() && coded[to].event.sentence == coded[i].event.sentence) ++to;
    }
    drop[i] = named_twin(coded[i], true) || named_twin(coded[i], false);
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < coded.size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) coded[kept] = std::move(coded[i]);
    ++kept;
  }
  coded.resize(kept);
}

}  // namespace

std::vector<CodedEvent> EventCoder::code(std::string_view text,
                                         const text::Segmentation& segmentation,
                                         actors::RecognizedActors& recognized,
                                         const std::optional<EventDate>& published,
                                         const text::CodepointIndex& codepoints,
                                         const CountryActor& country_actor) const {
  std::vector<CodedEvent> coded;
  std::vector<Deed> deeds;
  std::size_t next_mention = 0, next_place = 0;
  for (std::uint32_t s = 0; s < segmentation.sentences.size(); ++s) {
    const auto& sentence = segmentation.sentences[s];
    SentenceCoder sc{*this, text, segmentation.tokens, sentence, recognized, country_actor};
    if (sc.se <= sc.sb) continue;
    sc.index_actors(s, next_mention, next_place);
    if (sc.phrases.empty()) continue;
    const auto dates = find_dates(text, segmentation, sentence, published);
    const auto matches = sc.find_matches(dates);
    if (matches.empty()) continue;
    // "according to South Korean officials" makes a statement too.
    for (auto t = sc.sb; sc.according_to && t + 2 < sc.se; ++t) {
      if (sc.folded(t) != "according" || sc.folded(t + 1) != "to") continue;
      auto u = t + 2;
      if (sc.folded(u) == "the" && u + 1 < sc.se) ++u;
      if (const auto p = sc.phrase(u); p >= 0 && !sc.phrases[p].actors.empty()) {
        deeds.push_back({"010", "according", "according to $S", sc.phrases[p].actors, s});
      }
      break;
    }

    // Pass 2: events with modality, dates and places.
    const std::string sentence_text(text.substr(sentence.begin, sentence.end - sentence.begin));
    const Span sentence_span{codepoints.at(sentence.begin), codepoints.at(sentence.end)};
    const auto moods = chain_moods(sc, matches);
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::string>> seen;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> forceful;  // source, target of force
    for (std::size_t index = 0; index < matches.size(); ++index) {
      const auto& match = matches[index];
      auto pairs = participants(match);
      const Deed* deed = nullptr;
      if (pairs.empty() && match.named_event) {
        deed = match.entry->code == "045" || match.entry->code == "043"
                   ? cooperation_deed(match, deeds, s, recognized.actors)
                   : named_deed(match, deeds, s, recognized.actors);
        if (deed) {
          for (auto a : match.source.actors) {
            for (auto b : deed->sources) pairs.emplace_back(a, b);
          }
        }
      }
      // An event named later ("condemned the launch") may be one without a
      // target ("launched a missile"), so every match with a source counts.
      if (!match.source.actors.empty() && !match.named_event) {
        const auto& entry = *match.entry;
        deeds.push_back(
            {entry.code, entry.elements[entry.head].word, entry.pattern, match.source.actors, s});
      }
      // A denial whose accuser is not found still stands alone ("India
      // rejected the allegations as preposterous").
      const bool denial =
          match.entry->code == "016" || (std::string_view(match.entry->code).starts_with("12") &&
                                         match.named_event && match.named_event->roots == "01 11");
      if (pairs.empty() && match.unnamed_object) {
        for (auto a : match.source.actors) pairs.emplace_back(a, std::nullopt);
      }
      if (pairs.empty() && (!match.named_event || denial) &&
          (stands_alone(*match.entry) || (denial && match.entry->code != "016"))) {
        for (auto a : match.source.actors) pairs.emplace_back(a, std::nullopt);
      }
      if (pairs.empty()) continue;
      const auto qualified = sc.qualify(matches, index, moods[index], pairs.front().first);
      const auto* date = sc.date_for(match, dates);
      const auto* place = sc.place_for(match);
      auto rule = sc.explain(match, qualified, date);
      if (deed) {
        rule += "; target: who did the " + std::string(match.named_event->noun) + " (\"" +
                std::string(deed->pattern) + "\", sentence " + std::to_string(deed->sentence) + ")";
      }
      const bool by_phone = sc.by_telephone(match);
      const ForceContext force{sc.names_fighters(match.target),
                               sc.from_the_air(match.source) || sc.with_aerial_weapons(match),
                               sc.counts_a_hundred(match)};
      // What is charged or asked for may name a finer code.
      const std::string demanded = qualified.code == "100"   ? sc.demand_code(match)
                                   : qualified.code == "130" ? std::string(sc.warning_code(match))
                                                             : "";
      const auto refined = qualified.code == "112"   ? sc.accusation_code(match)
                           : qualified.code == "111" ? sc.condemned_as_code(match)
                           : qualified.code == "020" ? sc.appeal_code(match)
                                                     : std::string_view(demanded);
      for (const auto& [a, b] : pairs) {
        std::string code = refined.empty() ? qualified.code : std::string(refined);
        if (code == match.entry->code) {
          code = refine_by_participants(code, recognized.actors[a],
                                        b ? &recognized.actors[*b] : nullptr, force);
        }
        // "U.S. President Joe Biden called it outrageous" with "it" read as
        // the United States, "Trump's tariffs ..., imposing duties on U.S.
        // imports" with Trump as the subject: an act on one's own country
        // as a whole is a misread pronoun or slot, not news. Domestic
        // events name a part of the country (its civilians, opposition).
        // Rebels seizing their capital or protesters storming a building
        // are news: only the state's own organs, and not with force,
        // coercion or travel, which are domestic events of their own.
        if (b && recognized.actors[*b].type == ActorType::Country &&
            !recognized.actors[a].country.empty() &&
            recognized.actors[*b].country == recognized.actors[a].country) {
          const auto root = std::string_view(code).substr(0, 2);
          const bool state_organ =
              one_of(recognized.actors[a].agent, {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"});
          // Travel at home ("Putin visited Vladivostok") is a visit too.
          const bool travel = std::string_view(match.entry->code).starts_with("04");
          const bool domestic = travel || one_of(root, {"14", "15", "17", "18", "19", "20"});
          if (root == "11" || root == "12" || (state_organ && !domestic)) continue;
        }
        // "step up counter-terrorism cooperation": the kind of cooperation.
        if (code == "060" || code == "030") {
          if (const int kind = sc.cooperation_kind(match); kind != 0) {
            code = (code == "060" ? "06" : "031") + std::to_string(kind);
          }
        }
        // "expelled its ambassador, Ebrahim Rasool": expelling a diplomat
        // is breaking diplomatic relations (161), not deporting a person.
        if (code == "174" && sc.names_diplomat(match.target)) code = "161";
        // "rejected the allegations": rejecting an accusation is denying
        // it (016), not rejecting a proposal.
        if (code.starts_with("12") && match.named_event && match.named_event->roots == "01 11") {
          code = "016";
        }
        // "Tshisekedi and Kagame met in Doha": a meeting in a country that
        // is neither side's is CAMEO's meeting at a third location.
        if (code == "040" && b && place && !place->region && !place->country.empty() &&
            match.source.actors.size() + match.target.actors.size() == 2 &&
            !recognized.actors[a].country.empty() && !recognized.actors[*b].country.empty() &&
            place->country != recognized.actors[a].country &&
            place->country != recognized.actors[*b].country) {
          code = "044";
        }
        // "Putin and Xi ... during a state visit to Beijing": of several
        // subjects, the one at home is the host, not a visitor ("Putin
        // visited Vladivostok" alone is a visit).
        if (b && match.source.actors.size() > 1 &&
            std::string_view(match.entry->code).starts_with("042") &&
            recognized.actors[*b].type == ActorType::Country &&
            recognized.actors[a].country == recognized.actors[*b].country) {
          continue;
        }
        // One event per pair and base code in a sentence: "a meeting ...
        // would be the first summit" is one consultation, not two, also
        // when the mood makes one of them an intent (036).
        if (!seen.emplace(a, b ? *b : ~0u, match.entry->code.substr(0, 3)).second) continue;
        // "opened fire on the crowds, killing five people": unnamed victims
        // of a source that already used force on that country's actors in
        // this sentence are those actors, not another event.
        if (match.people_at != 0 && b) {
          const auto& victims = recognized.actors[*b];
          const bool repeated = std::any_of(forceful.begin(), forceful.end(), [&](const auto& f) {
            return f.first == a && recognized.actors[f.second].country == victims.country;
          });
          if (repeated) continue;
        }
        if (b && (uses_force(code) || code == "175")) forceful.emplace_back(a, *b);
        CodedEvent out;
        auto& event = out.event;
        event.source = Participant{recognized.actors[a].key, {}};
        if (b) event.target = Participant{recognized.actors[*b].key, {}};
        event.code = code;
        if (date) {
          event.date = date->date;
        } else if (published) {
          event.date = published;
          event.date_inferred = true;
        }
        if (place) event.location = Location{place->name, place->country};
        event.negated = qualified.negated;
        event.modality = qualified.modality;
        event.sentence = static_cast<int>(s);
        event.span = sentence_span;
        event.text = sentence_text;
        event.confidence = match.entry->kind == LexiconKind::Verb ? 0.8 : 0.7;
        if (qualified.modality == Modality::Hypothetical) event.confidence -= 0.2;
        out.rule = rule;
        // "Zelenskyy thanked Scholz in a phone call": whatever was said,
        // the two also held a telephone discussion (041). A statement or a
        // consultation by telephone is that discussion itself.
        if (b && by_phone && spoken(code)) {
          if (code == "010" || code == "040") {
            out.event.code = "041";
            out.rule += "; by telephone";
          } else if (seen.emplace(a, *b, "041").second) {
            CodedEvent call = out;
            call.event.code = "041";
            call.event.confidence = 0.7;
            call.rule += "; by telephone";
            coded.push_back(std::move(call));
          }
        }
        coded.push_back(std::move(out));
      }
    }
  }
  drop_apposed_roles(coded, recognized);
  return coded;
}

}  // namespace geokg::events

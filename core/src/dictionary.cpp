// The actor dictionary: the geokg format, the PETRARCH/Phoenix imports and
// the built-in dictionary compiled from data/dict/. See docs/dictionary.md.
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <map>

#include "embedded_data.hpp"
#include "geokg/core.hpp"
#include "line_reader.hpp"
#include "ordered_entries.hpp"

namespace geokg {
namespace {
using lines::at_line;
using lines::for_each_line;
using lines::split;
using lines::trim;

constexpr int kFormatVersion = 1;
constexpr std::string_view kHeaderPrefix = "# geokg dictionary ";

struct KindName {
  EntryKind kind;
  std::string_view name;
};
constexpr std::array<KindName, 9> kKindNames{{
    {EntryKind::Country, "country"},
    {EntryKind::Demonym, "demonym"},
    {EntryKind::Capital, "capital"},
    {EntryKind::Metonym, "metonym"},
    {EntryKind::City, "city"},
    {EntryKind::Igo, "igo"},
    {EntryKind::Agent, "agent"},
    {EntryKind::Person, "person"},
    {EntryKind::Organization, "organization"},
}};

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

bool valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    utf8proc_int32_t code_point = 0;
    const auto used = utf8proc_iterate(bytes, remaining, &code_point);
    if (used <= 0) return false;
    bytes += used;
    remaining -= used;
  }
  return true;
}

// Appends `phrase` unless the entry already has it; refuses phrases that can
// never match ("--") or are not UTF-8.
void add_phrase(DictionaryEntry& entry, std::string_view phrase) {
  if (!valid_utf8(phrase)) throw ModelError("a phrase is not valid UTF-8");
  if (make_key(phrase).empty()) {
    throw ModelError("phrase " + quoted(phrase) + " has no letters or digits");
  }
  if (std::find(entry.phrases.begin(), entry.phrases.end(), phrase) == entry.phrases.end()) {
    entry.phrases.emplace_back(phrase);
  }
}

bool is_code_text(std::string_view code) {
  return !code.empty() && code.size() % 3 == 0 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

// Checks `code` against the CAMEO tables for an entry of `kind`; throws
// ModelError saying what is wrong. The rules are in docs/dictionary.md.
void check_code(EntryKind kind, std::string_view code) {
  const auto& ontology = Ontology::builtin();
  const auto fail = [&](const std::string& why) {
    throw ModelError(std::string(to_string(kind)) + " code " + quoted(code) + " " + why);
  };
  if (!is_code_text(code)) fail("is not a CAMEO code (groups of three letters or digits)");
  switch (kind) {
    case EntryKind::Country:
    case EntryKind::Demonym:
    case EntryKind::Capital:
    case EntryKind::City:
      if (code.size() != 3 || !ontology.is_country(code)) fail("is not a CAMEO country code");
      return;
    case EntryKind::Agent:
      for (std::size_t at = 0; at < code.size(); at += 3) {
        if (!ontology.is_agent(code.substr(at, 3))) {
          fail("has " + quoted(code.substr(at, 3)) + ", which is not a CAMEO agent type");
        }
      }
      return;
    case EntryKind::Igo:
      if (!code.starts_with("IGO")) fail("does not start with IGO");
      return;
    case EntryKind::Metonym:
    case EntryKind::Person:
    case EntryKind::Organization: {
      const auto parts = ontology.split_actor_code(code);
      if (kind == EntryKind::Metonym && parts.country.empty()) {
        fail("does not start with a CAMEO country code");
      }
      if (!parts.agent.empty() && !ontology.is_agent(parts.agent)) {
        fail(parts.country.empty() ? "starts with neither a CAMEO country code nor an agent type"
                                   : "has " + quoted(parts.agent) +
                                         " after the country, which is not a CAMEO agent type");
      }
      return;
    }
  }
}

const Role& latest_starting(const std::vector<const Role*>& roles) {
  const auto start = [](const Role* role) { return role->from ? role->from->first_day() : 0; };
  const Role* best = roles.front();
  for (const auto* role : roles) {
    if (start(role) >= start(best)) best = role;  // ties: the later-listed one
  }
  return *best;
}

// A person without a default code takes its latest role's code, so that every
// entry with roles has a code to give the actor itself.
void fill_code_from_roles(DictionaryEntry& entry) {
  if (!entry.code.empty() || entry.roles.empty()) return;
  entry.code = entry.code_on(std::nullopt);
}

void check_role_order(const Role& role) {
  if (role.from && role.until && role.from->first_day() > role.until->last_day()) {
    throw ModelError("role " + role.code + " ends (" + role.until->iso() + ") before it starts (" +
                     role.from->iso() + ")");
  }
}

// "RUSGOV 2012-05-07..", "RUSMIL ..2024-05-12", "RUSGOV 2000..2008-05", "RUSGOV".
Role parse_role(std::string_view text) {
  text = trim(text);
  const auto space = text.find(' ');
  Role role;
  role.code = std::string(text.substr(0, space));
  check_code(EntryKind::Person, role.code);
  if (space == std::string_view::npos) return role;
  const auto range = trim(text.substr(space + 1));
  const auto dots = range.find("..");
  if (dots == std::string_view::npos) {
    throw ModelError("role " + quoted(text) + " needs a date range FROM..UNTIL");
  }
  const auto from = trim(range.substr(0, dots));
  const auto until = trim(range.substr(dots + 2));
  if (!from.empty()) role.from = EventDate::parse(from);
  if (!until.empty()) role.until = EventDate::parse(until);
  check_role_order(role);
  return role;
}

// --- PETRARCH/Phoenix --------------------------------------------------------

// Strips PETRARCH comments ("<!-- -->", possibly over several lines, and
// everything after '#', or after ';' in actor files) from one line.
class CommentStripper {
 public:
  explicit CommentStripper(bool semicolon_comments) : semicolon_(semicolon_comments) {}

  std::string strip(std::string_view line) {
    std::string out;
    while (!line.empty()) {
      if (in_comment_) {
        const auto end = line.find("-->");
        if (end == std::string_view::npos) return out;
        line.remove_prefix(end + 3);
        in_comment_ = false;
        continue;
      }
      const auto start = line.find("<!--");
      out.append(line.substr(0, start));
      if (start == std::string_view::npos) break;
      line.remove_prefix(start + 4);
      in_comment_ = true;
    }
    auto cut = out.find('#');
    if (semicolon_) cut = std::min(cut, out.find(';'));
    if (cut != std::string::npos) out.erase(cut);
    return out;
  }

 private:
  bool semicolon_;
  bool in_comment_ = false;
};

// "!PERSON! = MAN, MEN, WOMAN" definitions and their use inside phrases.
class Macros {
 public:
  // True when `line` has the form of a definition: "!NAME! = ...".
  static bool is_definition(std::string_view line) {
    const auto equals = line.find('=');
    if (equals == std::string_view::npos) return false;
    const auto name = trim(line.substr(0, equals));
    return name.size() >= 3 && name.front() == '!' && name.back() == '!';
  }

  // True when `line` defines a macro (and records it).
  bool define(std::string_view line) {
    if (!is_definition(line)) return false;
    const auto equals = line.find('=');
    const auto name = trim(line.substr(0, equals));
    auto& values = macros_[std::string(name)];
    values.clear();
    for (const auto value : split(line.substr(equals + 1), ',')) {
      const auto trimmed = trim(value);
      if (!trimmed.empty()) values.emplace_back(trimmed);
    }
    if (values.empty()) throw ModelError("macro " + std::string(name) + " has no values");
    return true;
  }

  // Expansions of one phrase beyond this are an error: each macro multiplies
  // them, so a line of a dozen macros would otherwise run for hours.
  static constexpr std::size_t kMaxExpansions = 1000;

  // Every expansion of `phrase`; the phrase itself when it uses no macro.
  // Throws ModelError when there are more than kMaxExpansions.
  std::vector<std::string> expand(std::string_view phrase) const {
    const auto open = phrase.find('!');
    if (open == std::string_view::npos) return {std::string(phrase)};
    const auto close = phrase.find('!', open + 1);
    if (close == std::string_view::npos) {
      throw ModelError("unterminated macro in " + quoted(phrase));
    }
    const auto name = phrase.substr(open, close - open + 1);
    const auto found = macros_.find(name);
    if (found == macros_.end()) throw ModelError("undefined macro " + std::string(name));
    // Values are not expanded again, so a macro cannot recurse.
    const auto prefix = std::string(phrase.substr(0, open));
    const auto suffixes = expand(phrase.substr(close + 1));
    if (found->second.size() * suffixes.size() > kMaxExpansions) {
      throw ModelError("macros expand " + quoted(phrase) + " to more than " +
                       std::to_string(kMaxExpansions) + " phrases");
    }
    std::vector<std::string> out;
    for (const auto& value : found->second) {
      for (const auto& suffix : suffixes) out.push_back(prefix + value + suffix);
    }
    return out;
  }

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> macros_;
};

// Changes the case of each code point with `change` (utf8proc_tolower or
// utf8proc_toupper); invalid bytes are kept as they are.
std::string map_case(std::string_view text, utf8proc_int32_t (*change)(utf8proc_int32_t)) {
  std::string out;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    utf8proc_int32_t code_point = 0;
    const auto used = utf8proc_iterate(bytes, remaining, &code_point);
    if (used <= 0) {
      out += static_cast<char>(*bytes);
      ++bytes;
      --remaining;
      continue;
    }
    utf8proc_uint8_t encoded[4];
    const auto length = utf8proc_encode_char(change(code_point), encoded);
    out.append(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(length));
    bytes += used;
    remaining -= used;
  }
  return out;
}

// Length in bytes of the UTF-8 sequence that starts with `lead`.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

// PETRARCH phrases are upper case with '_' or ' ' between words:
// "VLADIMIR_PUTIN_" -> "vladimir putin" (lower) or "Vladimir Putin" (title).
std::string petrarch_words(std::string_view phrase, bool title_case) {
  std::string spaced;
  for (const char c : phrase) {
    const char out = c == '_' || c == '\t' ? ' ' : c;
    if (out == ' ' && (spaced.empty() || spaced.back() == ' ')) continue;
    spaced += out;
  }
  while (!spaced.empty() && spaced.back() == ' ') spaced.pop_back();
  std::string lower = map_case(spaced, utf8proc_tolower);
  if (!title_case) return lower;
  // Upper-case the first letter of each word and of each part after '-'.
  std::string out;
  bool word_start = true;
  for (std::size_t at = 0; at < lower.size();) {
    const auto length =
        std::min(sequence_length(static_cast<unsigned char>(lower[at])), lower.size() - at);
    const auto piece = std::string_view(lower).substr(at, length);
    out += word_start ? map_case(piece, utf8proc_toupper) : std::string(piece);
    word_start = piece == " " || piece == "-";
    at += length;
  }
  return out;
}

// PETRARCH dates: YYMMDD (00-30 are 20YY, the rest 19YY) or YYYYMMDD.
EventDate petrarch_date(std::string_view text) {
  text = trim(text);
  const auto original = text;
  const bool digits = !text.empty() && std::all_of(text.begin(), text.end(),
                                                   [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || (text.size() != 6 && text.size() != 8)) {
    throw ModelError("bad PETRARCH date " + quoted(text) + " (expected YYMMDD or YYYYMMDD)");
  }
  std::string year;
  if (text.size() == 6) {
    year = (text.substr(0, 2) <= "30" ? "20" : "19") + std::string(text.substr(0, 2));
    text.remove_prefix(2);
  } else {
    year = std::string(text.substr(0, 4));
    text.remove_prefix(4);
  }
  try {
    return EventDate::parse(year + "-" + std::string(text.substr(0, 2)) + "-" +
                            std::string(text.substr(2, 2)));
  } catch (const ModelError& error) {
    throw ModelError("bad PETRARCH date " + quoted(original) + ": " + error.what());
  }
}

// The bracketed parts of a PETRARCH line: "[RUSGOV >120507]" and "[AFG]".
// Returns the text before the first bracket.
std::string_view split_brackets(std::string_view line, std::vector<std::string_view>& brackets) {
  const auto first = line.find('[');
  const auto head = line.substr(0, first);
  auto rest = first == std::string_view::npos ? std::string_view{} : line.substr(first);
  while (!rest.empty()) {
    const auto open = rest.find('[');
    if (open == std::string_view::npos) break;
    rest.remove_prefix(open + 1);
    // Phoenix files sometimes close with '}' by mistake.
    const auto close = rest.find_first_of("]}");
    brackets.push_back(trim(rest.substr(0, close)));
    rest.remove_prefix(close == std::string_view::npos ? rest.size() : close + 1);
  }
  return trim(head);
}

// One actor record of a PETRARCH file while it is being read.
struct PetrarchActor {
  std::size_t line = 0;
  std::vector<std::string> phrases;
  std::string code;  // the default code, "" when none
  std::vector<Role> roles;
};

// Reads "[CODE]" (a default code), "[CODE >YYMMDD]", "[CODE <YYMMDD]" or
// "[CODE YYMMDD-YYMMDD]" into `actor`; "[---]" is PETRARCH's null code.
void read_actor_bracket(std::string_view bracket, PetrarchActor& actor) {
  const auto space = bracket.find_first_of(" \t");
  const auto code = bracket.substr(0, space);
  const auto restriction =
      space == std::string_view::npos ? std::string_view{} : trim(bracket.substr(space + 1));
  if (code.empty() || code == "---") return;
  if (restriction.empty()) {
    actor.code = std::string(code);
    return;
  }
  Role role;
  role.code = std::string(code);
  check_code(EntryKind::Person, role.code);
  if (restriction.front() == '<') {
    role.until = petrarch_date(restriction.substr(1));
  } else if (restriction.front() == '>') {
    role.from = petrarch_date(restriction.substr(1));
  } else if (const auto dash = restriction.find('-'); dash != std::string_view::npos) {
    role.from = petrarch_date(restriction.substr(0, dash));
    role.until = petrarch_date(restriction.substr(dash + 1));
  } else {
    throw ModelError("bad PETRARCH date restriction " + quoted(restriction));
  }
  check_role_order(role);
  actor.roles.push_back(std::move(role));
}

// The kind a PETRARCH actor record becomes (docs/dictionary.md).
EntryKind petrarch_kind(const PetrarchActor& actor) {
  if (!actor.roles.empty()) return EntryKind::Person;
  if (actor.code.size() == 3 && Ontology::builtin().is_country(actor.code)) {
    return EntryKind::Country;
  }
  if (actor.code.starts_with("IGO")) return EntryKind::Igo;
  return EntryKind::Organization;
}

// "~GOV" or "NGO~" -> "GOV"/"NGO". Phoenix adds sub-roles such as FRM
// (foreign minister) that CAMEO does not define: trailing unknown parts are
// dropped, an unknown first part is an error.
std::string petrarch_agent_code(std::string_view text) {
  std::string code(text);
  code.erase(std::remove(code.begin(), code.end(), '~'), code.end());
  const auto& ontology = Ontology::builtin();
  if (!is_code_text(code) || !ontology.is_agent(std::string_view(code).substr(0, 3))) {
    throw ModelError("agent code " + quoted(text) + " does not start with a CAMEO agent type");
  }
  std::string kept;
  for (std::size_t at = 0; at < code.size(); at += 3) {
    const auto part = std::string_view(code).substr(at, 3);
    if (ontology.is_agent(part)) kept += part;
  }
  return kept;
}

// English plural of an agent phrase's last word ("minister" -> "ministers",
// "militia" -> "militias", "embassy" -> "embassies", "boss" -> "bosses").
std::string regular_plural(const std::string& phrase) {
  const auto ends_with = [&](std::string_view tail) { return phrase.ends_with(tail); };
  if (ends_with("s") || ends_with("x") || ends_with("z") || ends_with("ch") || ends_with("sh")) {
    return phrase + "es";
  }
  if (phrase.size() >= 2 && phrase.back() == 'y' &&
      std::string_view("aeiou").find(phrase[phrase.size() - 2]) == std::string_view::npos) {
    return phrase.substr(0, phrase.size() - 1) + "ies";
  }
  return phrase + "s";
}

}  // namespace

std::string_view to_string(EntryKind kind) {
  for (const auto& entry : kKindNames) {
    if (entry.kind == kind) return entry.name;
  }
  return "unknown";
}

EntryKind parse_entry_kind(std::string_view text) {
  for (const auto& entry : kKindNames) {
    if (entry.name == text) return entry.kind;
  }
  throw ModelError("unknown dictionary kind " + quoted(text) +
                   " (expected country, demonym, capital, metonym, city, igo, agent, person or "
                   "organization)");
}

std::string DictionaryEntry::code_on(const std::optional<EventDate>& date) const {
  if (roles.empty()) return code;
  std::vector<const Role*> candidates;
  if (date) {
    const auto day = date->first_day();
    for (const auto& role : roles) {
      const bool started = !role.from || role.from->first_day() <= day;
      const bool ended = role.until && role.until->last_day() < day;
      if (started && !ended) candidates.push_back(&role);
    }
  }
  if (candidates.empty()) {
    for (const auto& role : roles) candidates.push_back(&role);
  }
  return latest_starting(candidates).code;
}

const Dictionary& Dictionary::builtin() {
  // A function-local static: parsed once, thread-safely, immutable after.
  static const Dictionary dictionary = [] {
    Dictionary built;
    for (const auto& file : embedded::kDictionary) built.add_geokg(file.text, file.name);
    return built;
  }();
  return dictionary;
}

void Dictionary::put(DictionaryEntry entry) {
  auto index_key = std::make_pair(entry.kind, entry.key());
  const auto found = index_.find(index_key);
  if (entry.code == "-") {  // deletion: later entries move up by one
    if (found == index_.end()) return;
    const auto position = found->second;
    index_.erase(found);
    entries::erase_at(entries_, index_, position);
    return;
  }
  if (found != index_.end()) {
    entries_[found->second] = std::move(entry);
    return;
  }
  index_.emplace(std::move(index_key), entries_.size());
  entries_.push_back(std::move(entry));
}

void Dictionary::add_geokg(std::string_view text, std::string_view name) {
  bool header_seen = false;
  for_each_line(text, [&](std::size_t line, std::string_view content) {
    at_line(name, line, [&] {
      if (line == 1) {
        if (!content.starts_with(kHeaderPrefix)) {
          throw ModelError("missing header \"# geokg dictionary " + std::to_string(kFormatVersion) +
                           "\"");
        }
        const auto version_text = content.substr(kHeaderPrefix.size());
        int version = 0;
        const bool numeric = !version_text.empty() && version_text.size() <= 6 &&
                             std::all_of(version_text.begin(), version_text.end(),
                                         [](char c) { return c >= '0' && c <= '9'; });
        if (numeric) version = std::stoi(std::string(version_text));
        if (!numeric || version < 1) {
          throw ModelError("bad dictionary format version " + quoted(version_text));
        }
        if (version > kFormatVersion) {
          throw ModelError("dictionary format " + std::to_string(version) +
                           " is newer than this geokg (" + std::to_string(kFormatVersion) + ")");
        }
        header_seen = true;
        return;
      }
      if (trim(content).empty() || content.front() == '#') return;
      const auto fields = split(content, '\t');
      if (fields.size() < 3 || fields.size() > 5) {
        throw ModelError(
            "expected 3 to 5 tab-separated fields (kind, code, name, aliases, "
            "roles), found " +
            std::to_string(fields.size()));
      }
      DictionaryEntry entry;
      entry.kind = parse_entry_kind(trim(fields[0]));
      entry.code = std::string(trim(fields[1]));
      entry.name = std::string(trim(fields[2]));
      entry.source = std::string(name) + ":" + std::to_string(line);
      if (entry.name.empty()) throw ModelError("the name is empty");
      add_phrase(entry, entry.name);
      if (entry.code == "-") {
        put(std::move(entry));
        return;
      }
      if (fields.size() > 3) {
        for (const auto alias : split(fields[3], '|')) {
          if (!trim(alias).empty()) add_phrase(entry, trim(alias));
        }
      }
      if (fields.size() > 4 && !trim(fields[4]).empty()) {
        if (entry.kind != EntryKind::Person) {
          throw ModelError("only person records have roles");
        }
        for (const auto role : split(fields[4], ';')) {
          if (!trim(role).empty()) entry.roles.push_back(parse_role(role));
        }
      }
      fill_code_from_roles(entry);
      if (entry.code.empty()) {
        throw ModelError("the code is empty (only persons with roles may leave it out)");
      }
      check_code(entry.kind, entry.code);
      put(std::move(entry));
    });
    return true;
  });
  if (!header_seen) {
    throw ModelError(std::string(name) + ":1: missing header \"# geokg dictionary " +
                     std::to_string(kFormatVersion) + "\"");
  }
}

void Dictionary::add_petrarch_actors(std::string_view text, std::string_view name) {
  CommentStripper comments(/*semicolon_comments=*/true);
  Macros macros;
  std::optional<PetrarchActor> current;

  const auto flush = [&] {
    if (!current) return;
    PetrarchActor actor = std::move(*current);
    current.reset();
    // A phrase without code or dates (PETRARCH's null code) codes nothing.
    if (actor.code.empty() && actor.roles.empty()) return;
    at_line(name, actor.line, [&] {
      DictionaryEntry entry;
      entry.kind = petrarch_kind(actor);
      entry.code = actor.code;
      entry.roles = std::move(actor.roles);
      entry.source = std::string(name) + ":" + std::to_string(actor.line);
      for (const auto& phrase : actor.phrases) add_phrase(entry, phrase);
      entry.name = entry.phrases.front();
      fill_code_from_roles(entry);
      check_code(entry.kind, entry.code);
      put(std::move(entry));
    });
  };
  // Adds the phrase and the bracketed codes of a primary or synonym line.
  const auto read_phrase_line = [&](std::string_view content) {
    std::vector<std::string_view> brackets;
    const auto phrase = split_brackets(content, brackets);
    if (phrase.empty()) throw ModelError("missing phrase before " + quoted(content));
    for (const auto& expanded : macros.expand(phrase)) {
      const auto words = petrarch_words(expanded, /*title_case=*/true);
      if (make_key(words).empty()) {
        throw ModelError("phrase " + quoted(expanded) + " has no letters or digits");
      }
      current->phrases.push_back(words);
    }
    for (const auto bracket : brackets) read_actor_bracket(bracket, *current);
  };

  for_each_line(text, [&](std::size_t line, std::string_view raw) {
    const std::string content = comments.strip(raw);
    if (trim(content).empty()) return true;
    if (content.find("---STOP---") != std::string::npos) return false;
    const char first = content.front();
    const bool primary =
        first != '\t' && first != ' ' && first != '+' && !Macros::is_definition(content);
    if (primary) flush();  // outside at_line: its errors name the record's own line
    at_line(name, line, [&] {
      if (macros.define(content)) return;
      if (first == '\t' || first == ' ') {  // date restrictions of the current record
        if (!current) throw ModelError("a date restriction before any actor");
        std::vector<std::string_view> brackets;
        if (!split_brackets(content, brackets).empty() || brackets.empty()) {
          throw ModelError("expected only [CODE date] restrictions on an indented line");
        }
        for (const auto bracket : brackets) read_actor_bracket(bracket, *current);
      } else if (first == '+') {  // a synonym of the current record
        if (!current) throw ModelError("a synonym before any actor");
        read_phrase_line(std::string_view(content).substr(1));
      } else {  // a primary phrase starts a new record
        current.emplace();
        current->line = line;
        read_phrase_line(content);
      }
    });
    return true;
  });
  flush();
}

void Dictionary::add_petrarch_agents(std::string_view text, std::string_view name) {
  CommentStripper comments(/*semicolon_comments=*/false);
  Macros macros;
  std::string group_code;  // set by a "~AGENT" line, for lines without a code

  for_each_line(text, [&](std::size_t line, std::string_view raw) {
    const std::string content = comments.strip(raw);
    if (trim(content).empty()) return true;
    at_line(name, line, [&] {
      if (macros.define(content)) return;
      std::vector<std::string_view> brackets;
      auto phrase = split_brackets(content, brackets);
      if (brackets.size() > 1) throw ModelError("more than one [code] on an agent line");
      if (phrase.empty() || (phrase.front() == '~' && brackets.empty())) {
        // "~GOV" or "[~GOV]" alone: the code of the lines that follow.
        const auto group = brackets.empty() ? phrase : brackets.front();
        if (group.empty()) throw ModelError("an empty agent group");
        group_code = petrarch_agent_code(group);
        return;
      }
      std::string code;
      if (!brackets.empty()) {
        code = petrarch_agent_code(brackets.front());
      } else if (!group_code.empty()) {
        code = group_code;
      } else {
        throw ModelError("agent phrase " + quoted(phrase) + " has no [~CODE] and no group");
      }
      // "PHRASE {PLURAL}" gives the plural; "{}" means none.
      std::optional<std::string> plural;
      if (const auto brace = phrase.find('{'); brace != std::string_view::npos) {
        const auto close = phrase.find('}', brace);
        if (close == std::string_view::npos) throw ModelError("missing '}'");
        plural = petrarch_words(phrase.substr(brace + 1, close - brace - 1), false);
        phrase = trim(phrase.substr(0, brace));
      }
      DictionaryEntry entry;
      entry.kind = EntryKind::Agent;
      entry.code = code;
      entry.source = std::string(name) + ":" + std::to_string(line);
      const bool has_macro = phrase.find('!') != std::string_view::npos;
      for (const auto& expanded : macros.expand(phrase)) {
        add_phrase(entry, petrarch_words(expanded, false));
      }
      // Regular plurals unless the phrase is stopped with '_', uses a macro
      // (whose values list every form) or gives its own.
      if (plural) {
        if (!plural->empty()) add_phrase(entry, *plural);
      } else if (!has_macro && !phrase.ends_with('_')) {
        add_phrase(entry, regular_plural(entry.phrases.front()));
      }
      entry.name = entry.phrases.front();
      check_code(entry.kind, entry.code);
      put(std::move(entry));
    });
    return true;
  });
}

void Dictionary::add_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelError("cannot read dictionary file " + path);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw ModelError("cannot read dictionary file " + path);
  std::string_view body = text;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);  // a UTF-8 byte order mark
  if (body.starts_with("# geokg ")) {
    add_geokg(body, path);
  } else if (body.find("[~") != std::string_view::npos ||
             body.find("~]") != std::string_view::npos) {
    add_petrarch_agents(body, path);
  } else {
    add_petrarch_actors(body, path);
  }
}

}  // namespace geokg

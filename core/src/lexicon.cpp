// The event lexicon: parsing, overrides and the built-in lexicon compiled
// from data/lexicon/events.tsv. See docs/lexicon.md.
#include <algorithm>
#include <fstream>
#include <iterator>

#include "embedded_data.hpp"
#include "geokg/core.hpp"
#include "line_reader.hpp"
#include "ordered_entries.hpp"

namespace geokg {
namespace {

constexpr int kFormatVersion = 1;
constexpr std::string_view kHeaderPrefix = "# geokg event-lexicon ";

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'' ||
         static_cast<unsigned char>(c) >= 0x80;  // letters beyond ASCII, already lower case
}

// Parses the pattern field into elements and checks the grammar: words,
// at most one $T and one $S, 's only right after a slot, at least one word.
std::vector<PatternElement> parse_pattern(std::string_view pattern, std::size_t& head) {
  std::vector<PatternElement> elements;
  bool seen_target = false, seen_source = false, seen_word = false;
  for (auto part : lines::split(pattern, ' ')) {
    if (part.empty()) throw ModelError("pattern has an empty element (two spaces?)");
    PatternElement element;
    if (part == "$T" || part == "$S") {
      auto& seen = part == "$T" ? seen_target : seen_source;
      if (seen) throw ModelError("pattern has more than one " + std::string(part));
      seen = true;
      element.type = part == "$T" ? PatternElement::Type::Target : PatternElement::Type::Source;
    } else if (part == "'s") {
      if (elements.empty() || elements.back().type == PatternElement::Type::Word ||
          elements.back().type == PatternElement::Type::Possessive) {
        throw ModelError("'s must follow $T or $S");
      }
      element.type = PatternElement::Type::Possessive;
    } else {
      if (!std::all_of(part.begin(), part.end(), is_word_char)) {
        throw ModelError("pattern word \"" + std::string(part) +
                         "\" must be lower-case letters, digits, - or '");
      }
      if (!seen_word) head = elements.size();
      seen_word = true;
      element.word = std::string(part);
    }
    elements.push_back(std::move(element));
  }
  if (!seen_word) throw ModelError("pattern \"" + std::string(pattern) + "\" has no word");
  // Before the head only a possessor may stand: "$T 's military backer".
  if (head != 0 && !(head == 2 && elements[1].type == PatternElement::Type::Possessive)) {
    throw ModelError("pattern \"" + std::string(pattern) +
                     "\" must start with its head word or with a possessor slot ($T 's)");
  }
  return elements;
}

}  // namespace

bool LexiconEntry::has(PatternElement::Type type) const {
  return std::any_of(elements.begin(), elements.end(),
                     [type](const PatternElement& element) { return element.type == type; });
}

const EventLexicon& EventLexicon::builtin() {
  static const EventLexicon lexicon = [] {
    EventLexicon built;
    built.add(embedded::kEventLexicon, "data/lexicon/events.tsv");
    return built;
  }();
  return lexicon;
}

void EventLexicon::add(std::string_view text, std::string_view name, const Ontology& ontology) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  bool header_seen = false;
  lines::for_each_line(text, [&](std::size_t number, std::string_view line) {
    lines::at_line(name, number, [&] {
      if (!header_seen) {
        if (!line.starts_with(kHeaderPrefix)) {
          throw ModelError("not a geokg event lexicon: the first line must be \"" +
                           std::string(kHeaderPrefix) + std::to_string(kFormatVersion) + "\"");
        }
        const auto version = lines::trim(line.substr(kHeaderPrefix.size()));
        if (version != std::to_string(kFormatVersion)) {
          throw ModelError("event lexicon format version \"" + std::string(version) +
                           "\" is not supported (this build reads version " +
                           std::to_string(kFormatVersion) + ")");
        }
        header_seen = true;
        return;
      }
      if (lines::trim(line).empty() || line.front() == '#') return;
      const auto fields = lines::split(line, '\t');
      if (fields.size() < 3 || fields.size() > 4) {
        throw ModelError("expected kind<TAB>code<TAB>pattern[<TAB>flags], found " +
                         std::to_string(fields.size()) + " field(s)");
      }
      LexiconEntry entry;
      const auto kind = lines::trim(fields[0]);
      if (kind == "verb") {
        entry.kind = LexiconKind::Verb;
      } else if (kind == "noun") {
        entry.kind = LexiconKind::Noun;
      } else {
        throw ModelError("kind must be verb or noun, not \"" + std::string(kind) + "\"");
      }
      entry.code = std::string(lines::trim(fields[1]));
      if (entry.code != "-" && !ontology.find_event(entry.code)) {
        throw ModelError("unknown CAMEO event code \"" + entry.code + "\"");
      }
      entry.pattern = std::string(lines::trim(fields[2]));
      entry.elements = parse_pattern(entry.pattern, entry.head);
      if (fields.size() == 4) {
        for (auto flag : lines::split(lines::trim(fields[3]), ',')) {
          flag = lines::trim(flag);
          if (flag == "reciprocal") {
            entry.reciprocal = true;
          } else if (flag == "place") {
            entry.place = true;
          } else if (flag == "speech") {
            entry.speech = true;
          } else if (!flag.empty()) {
            throw ModelError("unknown flag \"" + std::string(flag) +
                             "\" (known: reciprocal, place, speech)");
          }
        }
      }
      entry.source = std::string(name) + ":" + std::to_string(number);
      put(std::move(entry));
    });
    return true;
  });
  if (!header_seen) {
    throw ModelError(std::string(name) + ": empty event lexicon (no \"" +
                     std::string(kHeaderPrefix) + "1\" header)");
  }
}

void EventLexicon::add_file(const std::string& path, const Ontology& ontology) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelError("cannot read event lexicon " + path);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw ModelError("cannot read event lexicon " + path);
  add(text, path, ontology);
}

void EventLexicon::put(LexiconEntry entry) {
  auto key = std::make_pair(entry.kind, entry.pattern);
  const auto found = index_.find(key);
  if (found != index_.end()) {
    // Deleted, or replaced by an entry at the end: on ties the later wins.
    const auto position = found->second;
    index_.erase(found);
    entries::erase_at(entries_, index_, position);
  }
  if (entry.code == "-") return;
  index_.emplace(std::move(key), entries_.size());
  entries_.push_back(std::move(entry));
}

}  // namespace geokg

// Turning what the analyst typed into filters and nodes.
#include <algorithm>
#include <cctype>

#include "geokg/query.hpp"

namespace geokg {
namespace {

std::string upper(std::string_view text) {
  std::string result(text);
  for (auto& c : result) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

std::string lower(std::string_view text) {
  std::string result(text);
  for (auto& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

// Edit distance (insert, delete, substitute), for suggestions.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const auto up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// True when `key` holds `words` (a key itself) as whole hyphen-separated
// words: "putin" in "vladimir-putin", "jong-un" in "kim-jong-un".
bool has_words(std::string_view key, std::string_view words) {
  if (words.empty()) return false;
  for (std::size_t at = key.find(words); at != std::string_view::npos;
       at = key.find(words, at + 1)) {
    const bool starts = at == 0 || key[at - 1] == '-';
    const auto end = at + words.size();
    if (starts && (end == key.size() || key[end] == '-')) return true;
  }
  return false;
}

std::string describe(const ActorRow& row) {
  std::string text = row.actor.key + " (" + row.actor.name;
  if (!row.actor.code.empty()) text += ", " + row.actor.code;
  return text + ")";
}

// One node for all `rows` at `level`, or nothing when they are several.
std::optional<NodeRef> single_node(const std::vector<ActorRow>& rows, NodeLevel level) {
  if (rows.empty()) return std::nullopt;
  auto node = node_of(rows.front().id, rows.front().actor.key, rows.front().actor.country, level);
  for (const auto& row : rows) {
    if (node_of(row.id, row.actor.key, row.actor.country, level).key != node.key) {
      return std::nullopt;
    }
  }
  return node;
}

[[noreturn]] void ambiguous(std::string_view text, const std::vector<ActorRow>& rows,
                            std::string_view how) {
  constexpr std::size_t kShown = 10;
  std::string message = "\"" + std::string(text) + "\" is ambiguous: " + std::string(how) + " " +
                        std::to_string(rows.size()) + " actors; give one of their keys:";
  for (std::size_t i = 0; i < rows.size() && i < kShown; ++i) message += "\n  " + describe(rows[i]);
  if (rows.size() > kShown)
    message += "\n  ... and " + std::to_string(rows.size() - kShown) + " more";
  throw QueryError(message);
}

[[noreturn]] void unknown(const Store& store, std::string_view text, bool country_code) {
  // The closest keys, names and aliases by edit distance, ignoring case; at
  // most five, and only those that are at most a third wrong.
  const auto wanted = lower(text);
  const auto wanted_key = make_key(text);
  struct Suggestion {
    std::size_t distance;
    std::string key;
    std::string label;
  };
  std::vector<Suggestion> suggestions;
  store.for_each_actor([&](const ActorRow& row) {
    // The closest of its key, name, code, aliases and key words ("Putn" is
    // close to "putin" in "vladimir-putin"), if at most a third is wrong.
    std::size_t best = static_cast<std::size_t>(-1);
    auto consider = [&](std::string_view wanted_form, std::string_view candidate) {
      const auto d = distance(wanted_form, candidate);
      if (d * 3 <= std::max(wanted_form.size(), candidate.size())) best = std::min(best, d);
    };
    consider(wanted_key, row.actor.key);
    consider(wanted, lower(row.actor.name));
    if (!row.actor.code.empty()) consider(upper(text), row.actor.code);
    for (const auto& alias : row.actor.aliases) consider(wanted, lower(alias));
    const std::string_view key = row.actor.key;
    for (std::size_t start = 0; start <= key.size();) {
      const auto end = std::min(key.find('-', start), key.size());
      consider(wanted_key, key.substr(start, end - start));
      start = end + 1;
    }
    if (best != static_cast<std::size_t>(-1)) {
      suggestions.push_back({best, row.actor.key, describe(row)});
    }
  });
  std::sort(suggestions.begin(), suggestions.end(), [](const auto& a, const auto& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.key < b.key;
  });
  std::string message = "no actor \"" + std::string(text) + "\" in the store";
  if (country_code) message += " (a country code: --level country names the country)";
  if (suggestions.empty()) {
    message += "; `geokg query actors TEXT` searches names";
  } else {
    message += "; closest:";
    for (std::size_t i = 0; i < suggestions.size() && i < 5; ++i) {
      message += "\n  " + suggestions[i].label;
    }
  }
  throw QueryError(message);
}

}  // namespace

EventFilter make_filter(const FilterValues& values, const Ontology& ontology) {
  EventFilter filter;
  auto date = [](const std::string& text, const char* option) -> std::optional<EventDate> {
    if (text.empty()) return std::nullopt;
    try {
      return EventDate::parse(text);
    } catch (const ModelError& error) {
      throw QueryArgumentError(std::string(option) + ": " + error.what());
    }
  };
  filter.since = date(values.since, "--since");
  filter.until = date(values.until, "--until");
  if (filter.since && filter.until && filter.since->first_day() > filter.until->last_day()) {
    throw QueryArgumentError("--since " + values.since + " is after --until " + values.until);
  }
  for (const auto& code : values.codes) {
    if (!ontology.find_event(code)) {
      throw QueryArgumentError("--code: \"" + code +
                               "\" is not a CAMEO event code or root (e.g. 04, 042)");
    }
    filter.codes.push_back(code);
  }
  for (const auto& quad : values.quads) {
    if (quad.size() != 1 || quad[0] < '1' || quad[0] > '4') {
      throw QueryArgumentError("--quad: \"" + quad + "\" is not a quad class (1, 2, 3 or 4)");
    }
    filter.quads.push_back(static_cast<QuadClass>(quad[0] - '0'));
  }
  filter.documents = values.documents;
  filter.text = values.text;
  return filter;
}

void add_node(ActorSet& set, const NodeRef& node) {
  const auto actors = node.actors();
  set.ids.insert(set.ids.end(), actors.ids.begin(), actors.ids.end());
  set.countries.insert(set.countries.end(), actors.countries.begin(), actors.countries.end());
}

NodeRef resolve_node(const Store& store, std::string_view text, NodeLevel level,
                     const Ontology& ontology) {
  if (text.empty()) throw QueryError("an actor argument is empty");
  // 1. A key.
  if (const auto row = store.find_actor(text)) {
    return node_of(row->id, row->actor.key, row->actor.country, level);
  }
  // 2. A stored name or alias.
  if (const auto named = store.find_actors_named(text); !named.empty()) {
    if (auto node = single_node(named, level)) return *node;
    ambiguous(text, named, "its name fits");
  }
  // 3. A CAMEO code: the actors coded so; at the country level, a country
  // code (or a code that starts with one) names the country itself.
  if (const auto coded = store.find_actors_coded(text); !coded.empty()) {
    if (auto node = single_node(coded, level)) return *node;
    if (level == NodeLevel::Actor) ambiguous(text, coded, "the code fits");
  }
  if (level == NodeLevel::Country) {
    const auto country = ontology.split_actor_code(upper(text)).country;
    if (!country.empty() && upper(text).starts_with(country)) {
      ActorSet set;
      set.countries.push_back(country);
      if (!store.actor_ids(set).empty()) return node_of(0, country, country, level);
    }
  }
  // 4. The key a name turns into ("Vladimir  PUTIN").
  const auto key = make_key(text);
  if (const auto row = store.find_actor(key)) {
    return node_of(row->id, row->actor.key, row->actor.country, level);
  }
  // 5. Whole words of one actor's key ("Putin", "jong un").
  std::vector<ActorRow> worded;
  for (const auto& match : store.search_actors(text, 0).matches) {
    if (has_words(match.row.actor.key, key)) worded.push_back(match.row);
  }
  std::sort(worded.begin(), worded.end(),
            [](const ActorRow& a, const ActorRow& b) { return a.actor.key < b.actor.key; });
  if (auto node = single_node(worded, level)) return *node;
  if (!worded.empty()) ambiguous(text, worded, "its words fit");
  unknown(store, text, level == NodeLevel::Actor && ontology.is_country(upper(text)));
}

}  // namespace geokg

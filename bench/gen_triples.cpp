// gen_triples: a deterministic generator of synthetic triples (JSON Lines in
// the format geokg's triples reader takes, see samples/triples/) for the
// benchmarks in bench/. The same arguments always give the same bytes.
//
//   gen_triples --triples N --actors M --events-per-doc K --seed S > out.jsonl
//
// Actors: country actors for a list of real CAMEO country codes, then people,
// organisations and groups with syllable-built names and codes such as
// RUSGOV or BRAMIL. How often an actor appears is skewed (a few are in many
// events, most in a few dozen), as in real news. Event codes are drawn from the
// built-in CAMEO codebook, weighted by root the way news events are (many
// statements and consultations, few mass killings). Events are grouped into
// documents of about K events; a document's first line carries the document
// object, its later lines only its id.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "bench_args.hpp"
#include "geokg/core.hpp"

namespace {

struct Options {
  std::uint64_t triples = 1'000'000;
  std::uint64_t actors = 50'000;
  std::uint64_t events_per_doc = 10;
  std::uint64_t seed = 20240601;
};

const geokg::bench::CountArgs kArgs(
    "gen_triples",
    "usage: gen_triples [--triples N] [--actors M] [--events-per-doc K] [--seed S]\n"
    "Writes N synthetic triples among M actors as JSON Lines to standard output.\n"
    "Defaults: --triples 1000000 --actors 50000 --events-per-doc 10 --seed 20240601\n");

Options parse_args(int argc, char** argv) {
  Options options;
  kArgs.read(argc, argv,
             {{"--triples", &options.triples},
              {"--actors", &options.actors},
              {"--events-per-doc", &options.events_per_doc},
              {"--seed", &options.seed}});
  if (options.actors < 2) kArgs.fail("--actors must be at least 2");
  if (options.events_per_doc < 1) kArgs.fail("--events-per-doc must be at least 1");
  return options;
}

// Our own draws on top of mt19937_64, whose output the standard fixes; the
// standard distributions are implementation-defined, and the data must not
// change with the C++ library.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }  // bias < n / 2^64
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

// ---------------------------------------------------------------------------
// Names

constexpr std::array<std::string_view, 64> kSyllables{
    "ka",  "lo",  "mi", "ra",  "ten", "vo",  "sha", "der", "an",  "bel", "cor", "dan", "el",
    "fi",  "gor", "ha", "is",  "jan", "kov", "lin", "mar", "nek", "ol",  "pet", "qui", "ros",
    "sen", "tal", "ur", "vin", "wa",  "yel", "zan", "ber", "chi", "do",  "em",  "fal", "gri",
    "hol", "ive", "jo", "kar", "lev", "mo",  "nad", "or",  "pa",  "ri",  "sol", "tor", "u",
    "val", "wen", "xi", "ya",  "zor", "ba",  "ce",  "di",  "ek",  "ga",  "hu",  "ni"};

std::string word(Random& random, std::uint64_t min_syllables, std::uint64_t max_syllables) {
  const auto count = min_syllables + random.below(max_syllables - min_syllables + 1);
  std::string text;
  for (std::uint64_t i = 0; i < count; ++i) text += kSyllables[random.below(kSyllables.size())];
  text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// Real CAMEO (ISO alpha-3) country codes; each is checked against the
// built-in table, so a code the ontology lacks is skipped rather than emitted.
constexpr std::array<std::string_view, 96> kCountries{
    "USA", "RUS", "CHN", "UKR", "GBR", "FRA", "DEU", "JPN", "KOR", "PRK", "IND", "PAK",
    "IRN", "IRQ", "SYR", "ISR", "PSE", "TUR", "SAU", "EGY", "LBY", "SDN", "ETH", "NGA",
    "ZAF", "KEN", "BRA", "ARG", "MEX", "VEN", "COL", "CUB", "CAN", "AUS", "NZL", "IDN",
    "PHL", "VNM", "THA", "MMR", "AFG", "KAZ", "UZB", "BLR", "POL", "LTU", "LVA", "EST",
    "FIN", "SWE", "NOR", "DNK", "NLD", "BEL", "ESP", "PRT", "ITA", "GRC", "SRB", "HUN",
    "ROU", "BGR", "MDA", "GEO", "ARM", "AZE", "LBN", "JOR", "YEM", "OMN", "ARE", "QAT",
    "KWT", "DZA", "MAR", "TUN", "MLI", "NER", "TCD", "SOM", "COD", "AGO", "ZWE", "MOZ",
    "TZA", "UGA", "RWA", "CHL", "PER", "BOL", "ECU", "MYS", "SGP", "BGD", "LKA", "NPL"};

struct AgentKind {
  std::string_view agent;
  std::string_view type;    // actor type in the triples format
  std::string_view suffix;  // for organisation names; "" for people
  int weight;
};

constexpr std::array<AgentKind, 14> kAgents{{
    {"GOV", "person", "", 30},
    {"MIL", "person", "", 8},
    {"LEG", "person", "", 6},
    {"OPP", "person", "", 5},
    {"BUS", "person", "", 4},
    {"MED", "person", "", 3},
    {"JUD", "person", "", 2},
    {"MIL", "organization", "Armed Forces Command", 6},
    {"GOV", "organization", "Ministry", 8},
    {"BUS", "organization", "Holdings", 8},
    {"MED", "organization", "Herald", 4},
    {"NGO", "organization", "Foundation", 4},
    {"REB", "group", "Liberation Front", 5},
    {"OPP", "group", "Movement", 4},
}};

struct GenActor {
  std::string key;
  std::string name;
  std::string code;
  std::string_view type;
};

std::vector<GenActor> make_actors(const geokg::Ontology& ontology, std::uint64_t count,
                                  Random& random) {
  std::vector<std::string> countries;
  for (const auto code : kCountries) {
    if (ontology.is_country(code)) countries.emplace_back(code);
  }
  int total_weight = 0;
  for (const auto& kind : kAgents) {
    if (!ontology.is_agent(kind.agent)) {
      std::fprintf(stderr, "gen_triples: agent %s missing from the ontology\n",
                   std::string(kind.agent).c_str());
      std::exit(2);
    }
    total_weight += kind.weight;
  }

  std::vector<GenActor> actors;
  actors.reserve(count);
  std::unordered_set<std::string> keys;
  // Country actors first: they are the most active, as in real event data.
  for (const auto& code : countries) {
    if (actors.size() >= count) break;
    std::string name(ontology.country_name(code));
    auto key = geokg::make_key(name);
    keys.insert(key);
    actors.push_back({std::move(key), std::move(name), code, "country"});
  }
  while (actors.size() < count) {
    auto roll = static_cast<int>(random.below(static_cast<std::uint64_t>(total_weight)));
    const AgentKind* kind = &kAgents[0];
    for (const auto& candidate : kAgents) {
      if (roll < candidate.weight) {
        kind = &candidate;
        break;
      }
      roll -= candidate.weight;
    }
    // Countries early in the list are named more often.
    const auto country_index = static_cast<std::size_t>(static_cast<double>(countries.size()) *
                                                        random.unit() * random.unit());
    const auto& country = countries[country_index];
    std::string name;
    if (kind->suffix.empty()) {
      name = word(random, 2, 3) + " " + word(random, 2, 4);
    } else {
      name = word(random, 2, 4) + " " + std::string(kind->suffix);
    }
    auto key = geokg::make_key(name);
    if (!keys.insert(key).second) continue;  // draw another name
    actors.push_back(
        {std::move(key), std::move(name), country + std::string(kind->agent), kind->type});
  }
  return actors;
}

// ---------------------------------------------------------------------------
// Event codes

// Relative frequency of each CAMEO root, roughly as in GDELT event data.
constexpr std::array<double, 20> kRootWeights{
    10.0, 6.0, 5.0, 20.0, 10.0, 3.0, 3.0, 3.0, 2.0, 2.0,  // 01..10
    6.0,  2.0, 2.0, 2.0,  1.0,  2.0, 4.0, 3.0, 4.0, 0.3,  // 11..20
};

struct CodePicker {
  std::vector<std::vector<const geokg::EventCodeInfo*>> by_root;  // index root-1
  std::vector<double> cumulative;

  explicit CodePicker(const geokg::Ontology& ontology) : by_root(kRootWeights.size()) {
    for (const auto& info : ontology.events()) {
      const int root = std::stoi(info.root());
      if (root >= 1 && root <= static_cast<int>(by_root.size())) {
        by_root[static_cast<std::size_t>(root - 1)].push_back(&info);
      }
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < by_root.size(); ++i) {
      if (!by_root[i].empty()) sum += kRootWeights[i];
      cumulative.push_back(sum);
    }
  }

  const geokg::EventCodeInfo& pick(Random& random) const {
    const double roll = random.unit() * cumulative.back();
    const auto root = static_cast<std::size_t>(
        std::upper_bound(cumulative.begin(), cumulative.end(), roll) - cumulative.begin());
    const auto& codes = by_root[std::min(root, by_root.size() - 1)];
    return *codes[random.below(codes.size())];
  }
};

// ---------------------------------------------------------------------------
// Dates

void append_2(std::string& out, int value) {
  out.push_back(static_cast<char>('0' + value / 10));
  out.push_back(static_cast<char>('0' + value % 10));
}

void append_date(std::string& out, const geokg::EventDate& date,
                 int precision /*1 year, 2 month, 3 day*/) {
  out += std::to_string(date.year);
  if (precision >= 2) {
    out.push_back('-');
    append_2(out, date.month);
  }
  if (precision >= 3) {
    out.push_back('-');
    append_2(out, date.day);
  }
}

std::int64_t days_of(int year, int month, int day) {
  return geokg::EventDate{static_cast<std::int16_t>(year), static_cast<std::int8_t>(month),
                          static_cast<std::int8_t>(day), geokg::DatePrecision::Day}
      .days_since_epoch();
}

// ---------------------------------------------------------------------------
// JSON output

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void append_actor(std::string& out, const GenActor& actor) {
  out += "{\"id\": ";
  append_json_string(out, actor.key);
  out += ", \"name\": ";
  append_json_string(out, actor.name);
  out += ", \"code\": ";
  append_json_string(out, actor.code);
  out += ", \"type\": ";
  append_json_string(out, actor.type);
  out += "}";
}

std::string lower_first(std::string_view label) {
  std::string text(label);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_args(argc, argv);
  const auto& ontology = geokg::Ontology::builtin();
  Random random(options.seed);

  auto actors = make_actors(ontology, options.actors, random);
  // Activity rank: countries lead, the others in a shuffled order.
  std::vector<std::size_t> by_rank(actors.size());
  for (std::size_t i = 0; i < by_rank.size(); ++i) by_rank[i] = i;
  std::size_t first_person = 0;
  while (first_person < actors.size() && actors[first_person].type == "country") ++first_person;
  for (std::size_t i = by_rank.size(); i > first_person + 1; --i) {
    const auto j = first_person + random.below(i - first_person);
    std::swap(by_rank[i - 1], by_rank[j]);
  }
  // rank = M * u^2: the top actor is in ~1/sqrt(M) of the events, the least
  // active still in about 2N/(2M) = N/M of them on average.
  const auto pick_actor = [&]() -> const GenActor& {
    const double u = random.unit();
    const auto rank = std::min(
        by_rank.size() - 1, static_cast<std::size_t>(static_cast<double>(by_rank.size()) * u * u));
    return actors[by_rank[rank]];
  };

  const CodePicker codes(ontology);

  // Places: a pool of syllable-named cities, each in a country of the list.
  std::vector<std::pair<std::string, std::string>> places;
  for (int i = 0; i < 2000; ++i) {
    const auto& country = actors[random.below(std::max<std::size_t>(first_person, 1))].code;
    places.emplace_back(word(random, 2, 3), country.size() == 3 ? country : std::string("USA"));
  }

  constexpr std::array<std::string_view, 6> kSources{
      "Daily Wire Service",         "Evening Courier", "Global Dispatch", "Northern Observer",
      "Press Agency International", "Regional Monitor"};
  const std::int64_t first_day = days_of(2015, 1, 1);
  const std::int64_t day_span = days_of(2025, 1, 1) - first_day;

  std::string out;
  out.reserve(1 << 20);
  std::uint64_t written = 0;
  std::uint64_t doc_number = 0;
  const std::uint64_t k = options.events_per_doc;
  while (written < options.triples) {
    ++doc_number;
    // Between K/2 and 3K/2 events, K on average.
    const auto low = std::max<std::uint64_t>(1, k / 2);
    const auto size = std::min(options.triples - written, low + random.below(k + 1));
    char id_buffer[32];
    std::snprintf(id_buffer, sizeof id_buffer, "bench-%08llu",
                  static_cast<unsigned long long>(doc_number));
    const std::string doc_id(id_buffer);
    const std::int64_t published =
        first_day + static_cast<std::int64_t>(random.below(static_cast<std::uint64_t>(day_span)));
    const geokg::EventDate published_day = geokg::EventDate::from_days(published);

    for (std::uint64_t sentence = 0; sentence < size; ++sentence) {
      const GenActor& source = pick_actor();
      const GenActor* target = &pick_actor();
      while (target == &source) target = &pick_actor();
      const auto& code = codes.pick(random);

      out += "{\"document\": ";
      if (sentence == 0) {
        out += "{\"id\": ";
        append_json_string(out, doc_id);
        out += ", \"title\": ";
        append_json_string(out,
                           source.name + " and " + target->name + ": " + lower_first(code.label));
        out += ", \"date\": \"";
        append_date(out, published_day, 3);
        out += "\", \"source\": ";
        append_json_string(out, kSources[random.below(kSources.size())]);
        out += ", \"url\": ";
        append_json_string(
            out, "https://news.example.org/" + std::to_string(published_day.year) + "/" + doc_id);
        out += "}";
      } else {
        append_json_string(out, doc_id);
      }
      out += ", \"source\": ";
      append_actor(out, source);
      out += ", \"target\": ";
      append_actor(out, *target);
      out += ", \"event\": {\"code\": ";
      append_json_string(out, code.code);
      if (random.chance(0.3)) {
        out += ", \"root\": ";
        append_json_string(out, code.root());
      }
      out += "}";
      // Event dates: the publication day or up to two weeks before; some are
      // known only to the month or year, some not at all (then inferred).
      const double date_roll = random.unit();
      if (date_roll < 0.95) {
        const auto day =
            geokg::EventDate::from_days(published - static_cast<std::int64_t>(random.below(15)));
        out += ", \"date\": \"";
        append_date(out, day, date_roll < 0.88 ? 3 : (date_roll < 0.94 ? 2 : 1));
        out += "\"";
      }
      if (random.chance(0.3)) {
        const auto& place = random.pick(places);
        out += ", \"location\": {\"name\": ";
        append_json_string(out, place.first);
        out += ", \"country\": ";
        append_json_string(out, place.second);
        out += "}";
      }
      if (random.chance(0.02)) out += ", \"negated\": true";
      const double modality = random.unit();
      if (modality > 0.85) {
        out += modality > 0.97 ? ", \"modality\": \"hypothetical\""
                               : (modality > 0.93 ? ", \"modality\": \"intended\""
                                                  : ", \"modality\": \"reported\"");
      }
      out += ", \"sentence\": " + std::to_string(sentence);
      out += ", \"text\": ";
      append_json_string(out, source.name + " (" + source.code + ") " + lower_first(code.label) +
                                  " with " + target->name + ", according to officials.");
      if (random.chance(0.5)) {
        out += ", \"confidence\": 0." + std::to_string(50 + random.below(50));
      }
      out += ", \"extractor\": \"geokg-bench-gen/1\"}\n";
      ++written;
      if (out.size() > (1 << 20) - 4096) {
        std::fwrite(out.data(), 1, out.size(), stdout);
        out.clear();
      }
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::perror("gen_triples: write");
    return 1;
  }
  std::fprintf(stderr, "gen_triples: %llu triples, %llu documents, %zu actors (seed %llu)\n",
               static_cast<unsigned long long>(written),
               static_cast<unsigned long long>(doc_number), actors.size(),
               static_cast<unsigned long long>(options.seed));
  return 0;
}

// gen_gdelt: a deterministic generator of synthetic GDELT 2.0 event exports
// (61 tab-separated columns, no header) for the GDELT ingest benchmark. The
// same arguments always give the same bytes.
//
//   gen_gdelt --rows N --actors M --seed S > 20150218.export.CSV
//
// Rows look like a day of GDELT: GLOBALEVENTIDs ascending, DATEADDED
// advancing by quarter hours, about 4.4 rows per SOURCEURL with the rows of
// one article interleaved with others (as in the real files), 10% of rows
// without Actor1 and 25% without Actor2, country actors named as GDELT names
// them ("UNITED STATES") and people and groups with built names, event codes
// from the built-in CAMEO codebook with common ones more frequent, and most
// events on the day itself.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "bench_args.hpp"
#include "geokg/core.hpp"

namespace {

struct Options {
  std::uint64_t rows = 250'000;
  std::uint64_t actors = 5'000;
  std::uint64_t seed = 20150218;
};

const geokg::bench::CountArgs kArgs(
    "gen_gdelt",
    "usage: gen_gdelt [--rows N] [--actors M] [--seed S]\n"
    "Writes N synthetic GDELT 2.0 event rows among M actors to standard output.\n"
    "Defaults: --rows 250000 --actors 5000 --seed 20150218\n");

// splitmix64: fully specified, so the output does not depend on the library.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }
  // Skewed towards 0: the minimum of two draws, squared-ish.
  std::uint64_t skewed(std::uint64_t n) {
    const auto a = below(n);
    const auto b = below(n);
    return (a < b ? a : b) * (a < b ? a : b) / n;
  }

 private:
  std::uint64_t state_;
};

struct Country {
  const char* code;
  const char* name;
};

constexpr std::array<Country, 30> kCountries{{
    {"USA", "UNITED STATES"},  {"RUS", "RUSSIA"},      {"CHN", "CHINA"},
    {"GBR", "UNITED KINGDOM"}, {"FRA", "FRANCE"},      {"DEU", "GERMANY"},
    {"UKR", "UKRAINE"},        {"IRN", "IRAN"},        {"ISR", "ISRAEL"},
    {"PRK", "NORTH KOREA"},    {"KOR", "SOUTH KOREA"}, {"JPN", "JAPAN"},
    {"IND", "INDIA"},          {"PAK", "PAKISTAN"},    {"AFG", "AFGHANISTAN"},
    {"SYR", "SYRIA"},          {"IRQ", "IRAQ"},        {"TUR", "TURKEY"},
    {"EGY", "EGYPT"},          {"LBY", "LIBYA"},       {"NGA", "NIGERIA"},
    {"ZAF", "SOUTH AFRICA"},   {"BRA", "BRAZIL"},      {"MEX", "MEXICO"},
    {"CAN", "CANADA"},         {"AUS", "AUSTRALIA"},   {"SAU", "SAUDI ARABIA"},
    {"VEN", "VENEZUELA"},      {"GRC", "GREECE"},      {"ITA", "ITALY"},
}};

constexpr std::array<const char*, 12> kAgents{"GOV", "MIL", "BUS", "COP", "MED", "EDU",
                                              "OPP", "REB", "CVL", "JUD", "LEG", "HLH"};
constexpr std::array<const char*, 12> kAgentNames{
    "GOVERNMENT", "MILITARY", "COMPANY",   "POLICE", "MEDIA",      "SCHOOL",
    "OPPOSITION", "REBEL",    "PROTESTER", "COURT",  "PARLIAMENT", "HOSPITAL"};
constexpr std::array<const char*, 16> kSyllables{"AN", "BO",  "KA",  "LI", "MER", "NO",
                                                 "RA", "SEV", "TA",  "VI", "ZU",  "DOR",
                                                 "EL", "GRI", "HAM", "OS"};

struct Place {
  const char* name;
  const char* country;  // FIPS 10-4, as GDELT gives it
  const char* adm1;
  const char* lat;
  const char* lon;
  const char* feature;
};

constexpr std::array<Place, 12> kPlaces{{
    {"Washington, District of Columbia, United States", "US", "USDC", "38.8951", "-77.0364",
     "531871"},
    {"Moscow, Moskva, Russia", "RS", "RS48", "55.7522", "37.6156", "-2960561"},
    {"Beijing, Beijing, China", "CH", "CH22", "39.9289", "116.388", "-1898541"},
    {"London, London, City of, United Kingdom", "UK", "UKH9", "51.5", "-0.116667", "-2601889"},
    {"Paris, France (general), France", "FR", "FR00", "48.8667", "2.33333", "-1456928"},
    {"Kiev, Kyyiv, Misto, Ukraine", "UP", "UP12", "50.4333", "30.5167", "-1044367"},
    {"Tehran, Tehran, Iran", "IR", "IR26", "35.75", "51.5148", "10074674"},
    {"Jerusalem, Israel (general), Israel", "IS", "IS06", "31.7833", "35.2167", "-797156"},
    {"Damascus, Dimashq, Syria", "SY", "SY13", "33.5", "36.3", "-2996408"},
    {"Tripoli, Tarabulus, Libya", "LY", "LY61", "32.8925", "13.18", "-2011234"},
    {"Russia", "RS", "RS", "60", "100", "RS"},
    {"United States", "US", "US", "39.828175", "-98.5795", "US"},
}};

struct Actor {
  std::string code;
  std::string name;
  std::string country;
  std::string type1;
};

std::vector<Actor> make_actors(std::uint64_t count, Random& random) {
  std::vector<Actor> actors;
  for (const auto& country : kCountries) {
    actors.push_back({country.code, country.name, country.code, ""});
    if (actors.size() == count) return actors;
  }
  for (std::size_t i = 0; i < kAgents.size() && actors.size() < count; ++i) {
    actors.push_back({kAgents[i], kAgentNames[i], "", kAgents[i]});
  }
  while (actors.size() < count) {
    const auto& country = kCountries[random.below(kCountries.size())];
    const char* agent = kAgents[random.below(kAgents.size())];
    std::string name;
    for (int word = 0; word < 2; ++word) {
      if (word) name += ' ';
      const auto syllables = 2 + random.below(2);
      for (std::uint64_t s = 0; s < syllables; ++s)
        name += kSyllables[random.below(kSyllables.size())];
    }
    name += " " + std::to_string(actors.size());  // unique names
    actors.push_back({std::string(country.code) + agent, name, country.code, agent});
  }
  return actors;
}

// An article whose rows are still to come.
struct Article {
  std::string url;
  std::uint64_t rows_left = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Options options;
  kArgs.read(argc, argv,
             {{"--rows", &options.rows}, {"--actors", &options.actors}, {"--seed", &options.seed}});
  if (options.actors < 2) kArgs.fail("--actors must be at least 2");

  Random random(options.seed);
  const auto actors = make_actors(options.actors, random);
  const auto& codes = geokg::Ontology::builtin().events();
  // Common codes, as in the real files: statements, visits, meetings, fights.
  constexpr std::array<std::string_view, 12> kCommon{"010", "020", "036", "040", "042", "043",
                                                     "046", "051", "057", "112", "173", "190"};

  std::array<Article, 48> open{};
  std::uint64_t articles = 0;
  auto new_article = [&](Article& article) {
    ++articles;
    article.url = "http://news" + std::to_string(random.below(400)) + ".example.com/2015/02/18/" +
                  "story-" + std::to_string(articles) + "-" +
                  kSyllables[random.below(kSyllables.size())] + ".html";
    article.rows_left = 1 + random.below(8);  // mean 4.5 rows per article
  };
  for (auto& article : open) new_article(article);

  std::string out;
  out.reserve(1 << 20);
  char number[64];
  auto add = [&](std::string_view text) {
    out.append(text);
    out.push_back('\t');
  };
  auto add_number = [&](double value, const char* format) {
    std::snprintf(number, sizeof number, format, value);
    add(number);
  };
  auto add_actor = [&](const Actor* actor) {
    if (!actor) {
      for (int i = 0; i < 10; ++i) add("");
      return;
    }
    add(actor->code);
    add(actor->name);
    add(actor->country);
    for (int i = 0; i < 4; ++i) add("");  // known group, ethnic, religions
    add(actor->type1);
    add("");
    add("");
  };
  auto add_geo = [&](const Place* place, bool with_adm2) {
    if (!place) {
      add("0");
      for (int i = 0; i < (with_adm2 ? 7 : 6); ++i) add("");
      return;
    }
    add(std::string_view(place->name).find(',') == std::string_view::npos ? "1" : "4");
    add(place->name);
    add(place->country);
    add(place->adm1);
    if (with_adm2) add("");
    add(place->lat);
    add(place->lon);
    add(place->feature);
  };

  const std::uint64_t first_id = 410000000;
  for (std::uint64_t row = 0; row < options.rows; ++row) {
    Article& article = open[random.below(open.size())];
    // DATEADDED: a day of quarter hours, the rows spread evenly over them.
    const auto quarter = row * 96 / (options.rows ? options.rows : 1);
    const auto hour = quarter / 4;
    const auto minute = (quarter % 4) * 15;
    // Most events happened that day; some days or a year before.
    std::string sql_date = "20150218";
    if (random.chance(4))
      sql_date = "20140218";
    else if (random.chance(6))
      sql_date = "201502" + std::string(random.chance(50) ? "11" : "17");

    add(std::to_string(first_id + row));
    add(sql_date);
    add(sql_date.substr(0, 6));
    add(sql_date.substr(0, 4));
    add(sql_date.substr(0, 4) + ".1315");
    const Actor* actor1 = random.chance(10) ? nullptr : &actors[random.skewed(actors.size())];
    const Actor* actor2 = random.chance(25) ? nullptr : &actors[random.skewed(actors.size())];
    if (!actor1 && !actor2) actor1 = &actors[random.below(actors.size())];
    add_actor(actor1);
    add_actor(actor2);
    add("1");  // IsRootEvent
    const geokg::EventCodeInfo* code = nullptr;
    if (random.chance(70)) {
      code = &geokg::Ontology::builtin().event(kCommon[random.below(kCommon.size())]);
    } else {
      code = &codes[random.below(codes.size())];
    }
    add(code->code);
    add(code->code.substr(0, 3));
    add(code->root());
    add(std::to_string(static_cast<int>(code->quad())));
    add_number(code->goldstein, "%g");
    const auto mentions = 1 + random.skewed(60);
    const auto sources = 1 + random.below(mentions);
    add(std::to_string(mentions));
    add(std::to_string(sources));
    add(std::to_string(mentions - random.below(mentions)));
    add_number(static_cast<double>(static_cast<std::int64_t>(random.below(2000)) - 1200) / 97.0,
               "%.13g");
    add_geo(actor1 && random.chance(80) ? &kPlaces[random.below(kPlaces.size())] : nullptr, true);
    add_geo(actor2 && random.chance(80) ? &kPlaces[random.below(kPlaces.size())] : nullptr, true);
    add_geo(random.chance(90) ? &kPlaces[random.below(kPlaces.size())] : nullptr, true);
    std::snprintf(number, sizeof number, "20150218%02d%02d00", static_cast<int>(hour),
                  static_cast<int>(minute));
    add(number);
    out.append(article.url);
    out.push_back('\n');
    if (--article.rows_left == 0) new_article(article);
    if (out.size() > (1 << 20) - 4096) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fprintf(stderr, "gen_gdelt: %llu rows, %llu articles, %zu actors\n",
               static_cast<unsigned long long>(options.rows),
               static_cast<unsigned long long>(articles), actors.size());
  return std::fflush(stdout) == 0 ? 0 : 1;
}

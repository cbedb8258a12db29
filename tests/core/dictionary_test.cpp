#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "geokg/core.hpp"
#include "test_support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using Catch::Matchers::StartsWith;
using geokg::Dictionary;
using geokg::DictionaryEntry;
using geokg::EntryKind;
using geokg::EventDate;
using geokg::ModelError;

namespace {

const std::string kSourceDir = GEOKG_SOURCE_DIR;

std::string lower_ascii(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// The entries of `kind` that list `phrase` (ignoring ASCII case).
std::vector<const DictionaryEntry*> with_phrase(const Dictionary& dictionary, EntryKind kind,
                                                const std::string& phrase) {
  std::vector<const DictionaryEntry*> found;
  for (const auto& entry : dictionary.entries()) {
    if (entry.kind != kind) continue;
    for (const auto& candidate : entry.phrases) {
      if (lower_ascii(candidate) == lower_ascii(phrase)) {
        found.push_back(&entry);
        break;
      }
    }
  }
  return found;
}

// The one entry of `kind` that lists `phrase`; fails the test otherwise.
const DictionaryEntry& one(const Dictionary& dictionary, EntryKind kind,
                           const std::string& phrase) {
  const auto found = with_phrase(dictionary, kind, phrase);
  INFO(std::string(geokg::to_string(kind)) + " \"" + phrase + "\"");
  REQUIRE(found.size() == 1);
  return *found.front();
}

std::size_t count_kind(const Dictionary& dictionary, EntryKind kind) {
  return static_cast<std::size_t>(
      std::count_if(dictionary.entries().begin(), dictionary.entries().end(),
                    [&](const auto& entry) { return entry.kind == kind; }));
}

EventDate date(const char* text) {
  return EventDate::parse(text);
}

// The first field of each record of a geokg-style table in the repository.
std::set<std::string> table_codes(const std::string& relative_path) {
  std::ifstream in(kSourceDir + "/" + relative_path);
  std::set<std::string> codes;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    codes.insert(line.substr(0, line.find('\t')));
  }
  return codes;
}

bool is_ascii(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::size_t word_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
}

constexpr const char* kHeader = "# geokg dictionary 1\n";

}  // namespace

TEST_CASE("the built-in dictionary has the entries the product relies on", "[core][dictionary]") {
  const auto& dictionary = Dictionary::builtin();
  REQUIRE(&dictionary == &Dictionary::builtin());  // parsed once, shared

  const auto& russia = one(dictionary, EntryKind::Country, "Russia");
  CHECK(russia.code == "RUS");
  CHECK(russia.key() == "russia");
  CHECK(one(dictionary, EntryKind::Country, "Russian Federation").code == "RUS");
  CHECK(one(dictionary, EntryKind::Country, "North Korea").code == "PRK");
  CHECK(one(dictionary, EntryKind::Country, "South Korea").code == "KOR");
  CHECK(one(dictionary, EntryKind::Country, "Iran").code == "IRN");
  CHECK(one(dictionary, EntryKind::Country, "Syria").code == "SYR");
  CHECK(one(dictionary, EntryKind::Country, "Britain").code == "GBR");
  CHECK(one(dictionary, EntryKind::Country, "UK").code == "GBR");
  CHECK(one(dictionary, EntryKind::Country, "US").code == "USA");
  CHECK(one(dictionary, EntryKind::Country, "America").code == "USA");
  CHECK(one(dictionary, EntryKind::Country, "Ivory Coast").code == "CIV");
  CHECK(one(dictionary, EntryKind::Country, "Congo").code == "COD");
  CHECK(one(dictionary, EntryKind::Country, "Romania").code == "ROM");  // CAMEO, not ISO ROU
  CHECK(one(dictionary, EntryKind::Country, "Türkiye").code == "TUR");
  CHECK(one(dictionary, EntryKind::Country, "Turkiye").code == "TUR");

  CHECK(one(dictionary, EntryKind::Metonym, "Kremlin").code == "RUSGOV");
  CHECK(one(dictionary, EntryKind::Metonym, "White House").code == "USAGOV");
  CHECK(one(dictionary, EntryKind::Metonym, "Pentagon").code == "USAMIL");
  CHECK(one(dictionary, EntryKind::Metonym, "Élysée").code == "FRAGOV");
  CHECK(one(dictionary, EntryKind::Metonym, "Elysee").code == "FRAGOV");
  CHECK(one(dictionary, EntryKind::Demonym, "North Korean").code == "PRK");
  CHECK(one(dictionary, EntryKind::Demonym, "North Koreans").code == "PRK");
  CHECK(one(dictionary, EntryKind::Demonym, "Russians").code == "RUS");
  CHECK(one(dictionary, EntryKind::Demonym, "American").code == "USA");
  CHECK(one(dictionary, EntryKind::Capital, "Pyongyang").code == "PRK");
  CHECK(one(dictionary, EntryKind::Capital, "Khartoum").code == "SDN");
  const auto& kyiv = one(dictionary, EntryKind::Capital, "Kyiv");
  CHECK(kyiv.code == "UKR");
  CHECK(&one(dictionary, EntryKind::Capital, "Kiev") == &kyiv);
  for (const char* city : {"Vladivostok", "Kharkiv", "Kharkov", "Odesa", "Odessa", "Gaza", "Aleppo",
                           "Mariupol", "Bakhmut", "Mosul"}) {
    INFO(city);
    CHECK(with_phrase(dictionary, EntryKind::City, city).size() == 1);
  }
  CHECK(one(dictionary, EntryKind::City, "Kharkov").name == "Kharkiv");

  CHECK(one(dictionary, EntryKind::Igo, "NATO").code == "IGOWSTNAT");
  CHECK(one(dictionary, EntryKind::Igo, "UN").code == "IGOUNO");
  CHECK(one(dictionary, EntryKind::Igo, "United Nations").code == "IGOUNO");
  CHECK(one(dictionary, EntryKind::Igo, "EU").code == "IGOEUREEC");
  CHECK(one(dictionary, EntryKind::Agent, "defense minister").code == "MIL");
  CHECK(one(dictionary, EntryKind::Agent, "defence minister").code == "MIL");
  CHECK(one(dictionary, EntryKind::Agent, "spokesman").code == "GOV");
  CHECK(one(dictionary, EntryKind::Agent, "rebels").code == "REB");
  CHECK(one(dictionary, EntryKind::Organization, "Hamas").code == "PSEREBHMS");
  CHECK(one(dictionary, EntryKind::Organization, "Wagner Group").code == "RUSUAF");

  const auto& putin = one(dictionary, EntryKind::Person, "Putin");
  CHECK(putin.name == "Vladimir Putin");
  CHECK(putin.code == "RUSGOV");
  CHECK(putin.code_on(date("2023-09-05")) == "RUSGOV");
  const auto& shoigu = one(dictionary, EntryKind::Person, "Sergei Shoigu");
  CHECK(shoigu.code_on(date("2023-07")) == "RUSMIL");
  CHECK(shoigu.code_on(date("2024-06")) == "RUSGOV");
  CHECK(shoigu.code_on(std::nullopt) == "RUSGOV");
  CHECK(one(dictionary, EntryKind::Person, "Kim Jong Un").code_on(date("2023-09-13")) == "PRKGOV");
  CHECK(one(dictionary, EntryKind::Person, "Dmitry Peskov").code_on(date("2023-09-05")) ==
        "RUSGOV");
  CHECK(one(dictionary, EntryKind::Person, "John Kirby").code_on(date("2023")) == "USAGOV");
  const auto& erdogan = one(dictionary, EntryKind::Person, "Erdoğan");
  CHECK(&one(dictionary, EntryKind::Person, "Erdogan") == &erdogan);
  CHECK(erdogan.code == "TURGOV");
  CHECK(one(dictionary, EntryKind::Person, "Zelenskyy").code_on(date("2022-02-24")) == "UKRGOV");
  CHECK(one(dictionary, EntryKind::Person, "Xi").name == "Xi Jinping");

  // The built-in files load in their documented order, each record naming its line.
  CHECK_THAT(dictionary.entries().front().source, StartsWith("data/dict/countries.tsv:"));
  CHECK_THAT(dictionary.entries().back().source, StartsWith("data/dict/persons.tsv:"));
  CHECK_THAT(russia.source, StartsWith("data/dict/countries.tsv:"));

  CHECK(count_kind(dictionary, EntryKind::Country) >= 240);
  CHECK(count_kind(dictionary, EntryKind::City) >= 300);
  CHECK(count_kind(dictionary, EntryKind::Person) >= 250);
  CHECK(count_kind(dictionary, EntryKind::Organization) >= 30);
}

TEST_CASE("every built-in code is a valid CAMEO code", "[core][dictionary]") {
  const auto& ontology = geokg::Ontology::builtin();
  const auto known_groups = table_codes("data/cameo/igo-codes.tsv");
  REQUIRE(known_groups.count("NAT") == 1);
  // The African Union (2002) has no group code in GDELT's table; Phoenix uses AFU.
  const std::set<std::string> extra_groups = {"AFU"};
  const auto is_part = [&](const std::string& part) {
    return ontology.is_country(part) || ontology.is_agent(part) || known_groups.count(part) ||
           extra_groups.count(part);
  };
  const auto check_actor_code = [&](const std::string& code) {
    INFO(code);
    REQUIRE(code.size() % 3 == 0);
    REQUIRE_FALSE(code.empty());
    const auto parts = ontology.split_actor_code(code);
    CHECK((!parts.country.empty() || ontology.is_agent(parts.agent)));
    for (std::size_t at = 0; at < code.size(); at += 3) CHECK(is_part(code.substr(at, 3)));
  };

  const auto& dictionary = Dictionary::builtin();
  for (const auto& entry : dictionary.entries()) {
    INFO(entry.source + " " + entry.name);
    CHECK(entry.phrases.front() == entry.name);
    switch (entry.kind) {
      case EntryKind::Country:
      case EntryKind::Demonym:
      case EntryKind::Capital:
      case EntryKind::City:
        CHECK(ontology.is_country(entry.code));
        break;
      case EntryKind::Agent:
        for (std::size_t at = 0; at < entry.code.size(); at += 3) {
          CHECK(ontology.is_agent(entry.code.substr(at, 3)));
        }
        break;
      case EntryKind::Igo:
        CHECK(entry.code.rfind("IGO", 0) == 0);
        check_actor_code(entry.code);
        break;
      case EntryKind::Metonym:
        CHECK(ontology.is_country(entry.code.substr(0, 3)));
        check_actor_code(entry.code);
        break;
      case EntryKind::Person:
      case EntryKind::Organization:
        check_actor_code(entry.code);
        break;
    }
    for (const auto& role : entry.roles) {
      check_actor_code(role.code);
      if (role.from && role.until) CHECK(role.from->first_day() <= role.until->last_day());
    }
    if (!entry.roles.empty()) CHECK(entry.kind == EntryKind::Person);
    // Matching ignores diacritics only where an alias says so: every
    // non-ASCII phrase comes with an ASCII spelling of as many words.
    for (const auto& phrase : entry.phrases) {
      if (is_ascii(phrase)) continue;
      INFO(phrase);
      const bool spelled =
          std::any_of(entry.phrases.begin(), entry.phrases.end(), [&](const std::string& other) {
            return is_ascii(other) && word_count(other) == word_count(phrase);
          });
      CHECK(spelled);
    }
  }
}

TEST_CASE("built-in phrases are not shared between entries of one kind", "[core][dictionary]") {
  std::map<std::pair<EntryKind, std::string>, std::string> owner;
  for (const auto& entry : Dictionary::builtin().entries()) {
    for (const auto& phrase : entry.phrases) {
      const auto key = std::make_pair(entry.kind, geokg::make_key(phrase));
      const auto [it, inserted] = owner.emplace(key, entry.name);
      INFO(std::string(geokg::to_string(entry.kind)) + " \"" + phrase + "\": " + it->second +
           " and " + entry.name);
      CHECK((inserted || it->second == entry.name));
    }
  }
}

TEST_CASE("a later record replaces an earlier one and a dash deletes it", "[core][dictionary]") {
  Dictionary dictionary = Dictionary::builtin();  // a copy, as --dict makes
  const auto size = dictionary.entries().size();

  dictionary.add_geokg(std::string(kHeader) +
                           "person\tRUSGOV\tSergei Shoigu\tShoigu|Sergei K. Shoigu\n"
                           "country\t-\tRussia\n"
                           "country\t-\tAtlantis\n"
                           "country\tUSA\tUnited States\tUncle Sam\n"
                           "city\tRUS\tTver\n",
                       "override.tsv");
  CHECK(dictionary.entries().size() == size);  // one added, one deleted
  const auto& shoigu = one(dictionary, EntryKind::Person, "Sergei K. Shoigu");
  CHECK(shoigu.roles.empty());
  CHECK(shoigu.code_on(date("2023-07")) == "RUSGOV");
  CHECK(shoigu.source == "override.tsv:2");
  CHECK(with_phrase(dictionary, EntryKind::Country, "Russia").empty());
  CHECK(with_phrase(dictionary, EntryKind::Country, "Russian Federation").empty());
  // The index still finds entries that moved up when Russia was deleted.
  const auto& usa = one(dictionary, EntryKind::Country, "Uncle Sam");
  CHECK(usa.code == "USA");
  CHECK(with_phrase(dictionary, EntryKind::Country, "America").empty());
  CHECK(one(dictionary, EntryKind::City, "Tver").code == "RUS");
  // Same name, another kind: a separate entry.
  CHECK(one(dictionary, EntryKind::Demonym, "Russian").code == "RUS");
  // The key, not the spelling, identifies the entry being replaced.
  dictionary.add_geokg(std::string(kHeader) + "country\tUSA\tUNITED  STATES\n", "again.tsv");
  CHECK(one(dictionary, EntryKind::Country, "UNITED  STATES").key() == "united-states");
  CHECK(with_phrase(dictionary, EntryKind::Country, "United States").empty());
  CHECK(dictionary.entries().size() == size);
  // The built-in dictionary itself is untouched.
  CHECK(one(Dictionary::builtin(), EntryKind::Country, "Russia").code == "RUS");
}

TEST_CASE("the dictionary header names its format version", "[core][dictionary]") {
  Dictionary dictionary;
  CHECK_THROWS_WITH(dictionary.add_geokg("# geokg dictionary 2\ncountry\tRUS\tRussia\n", "new.tsv"),
                    Equals("new.tsv:1: dictionary format 2 is newer than this geokg (1)"));
  CHECK_THROWS_WITH(dictionary.add_geokg("country\tRUS\tRussia\n", "bare.tsv"),
                    StartsWith("bare.tsv:1: missing header \"# geokg dictionary 1\""));
  CHECK_THROWS_WITH(dictionary.add_geokg("", "empty.tsv"),
                    StartsWith("empty.tsv:1: missing header"));
  CHECK_THROWS_WITH(dictionary.add_geokg("# geokg dictionary one\n", "word.tsv"),
                    StartsWith("word.tsv:1: bad dictionary format version"));
  CHECK(dictionary.entries().empty());
  dictionary.add_geokg("# geokg dictionary 1\r\n# a comment\r\n\r\ncountry\tRUS\tRussia\r\n",
                       "crlf.tsv");
  REQUIRE(dictionary.entries().size() == 1);
  CHECK(dictionary.entries().front().name == "Russia");
  CHECK(dictionary.entries().front().source == "crlf.tsv:4");
}

TEST_CASE("bad dictionary records name their file and line", "[core][dictionary]") {
  const auto load = [](const std::string& records) {
    Dictionary dictionary;
    dictionary.add_geokg(std::string(kHeader) + "# comment\ncountry\tRUS\tRussia\n" + records,
                         "bad.tsv");
  };
  const auto fails = [&](const std::string& record, const std::string& message) {
    INFO(record);
    CHECK_THROWS_AS(load(record), ModelError);
    CHECK_THROWS_WITH(load(record), StartsWith("bad.tsv:4: ") && Contains(message));
  };
  fails("county\tRUS\tRussia\n", "unknown dictionary kind \"county\"");
  fails("country\tXYZ\tXyzland\n", "country code \"XYZ\" is not a CAMEO country code");
  fails("country\tRUSGOV\tKremlin\n", "is not a CAMEO country code");
  fails("city\trus\tTver\n", "is not a CAMEO code");
  fails("agent\tFOO\tfoo fighters\n", "\"FOO\", which is not a CAMEO agent type");
  fails("agent\tGOVXYZ\tfoo\n", "\"XYZ\", which is not a CAMEO agent type");
  fails("metonym\tGOV\tthe palace\n", "does not start with a CAMEO country code");
  fails("metonym\tRUSXYZ\tthe palace\n", "\"XYZ\" after the country");
  fails("igo\tUNO\tUnited Nations\n", "does not start with IGO");
  fails("person\tXYZGOV\tNobody\n", "starts with neither a CAMEO country code nor an agent type");
  fails("person\t\tNobody\n", "the code is empty");
  fails("person\t\tNobody\t\tRUSGOV 2023-02-30..\n", "2023-02-30");
  fails("person\t\tNobody\t\tRUSGOV 2023\n", "needs a date range FROM..UNTIL");
  fails("person\t\tNobody\t\tRUSGOV 2024..2023\n", "ends (2023) before it starts (2024)");
  fails("person\t\tNobody\t\tRUSXYZ 2023..\n", "\"XYZ\" after the country");
  fails("country\tRUS\tRussia\t\tRUSGOV 2023..\n", "only person records have roles");
  fails("country\tRUS\n", "expected 3 to 5 tab-separated fields");
  fails("person\tRUSGOV\tA\tB\tRUSGOV\textra\n", "found 6");
  fails("country\tRUS\t\n", "the name is empty");
  fails("country\tRUS\t--\n", "has no letters or digits");
  fails("country\tRUS\tRussia\tRossiya|\xff\xfe\n", "is not valid UTF-8");
}

TEST_CASE("code_on picks the role that covers the date", "[core][dictionary]") {
  Dictionary dictionary;
  dictionary.add_geokg(std::string(kHeader) +
                           "person\t\tA. Minister\t\tRUSMIL ..2024-05-12;RUSGOV 2024-05-12..\n"
                           "person\t\tB. Envoy\t\tUSAGOV 2000..2005-06;USALEG 2010-03..2015\n"
                           "person\tUKRGOV\tC. Mayor\n"
                           "person\tUKRGOV\tD. Adviser\t\tUKRMIL\n",
                       "roles.tsv");
  const auto& a = one(dictionary, EntryKind::Person, "A. Minister");
  CHECK(a.code == "RUSGOV");  // no code column: the latest role's
  CHECK(a.code_on(date("2012")) == "RUSMIL");
  CHECK(a.code_on(date("2024-05-11")) == "RUSMIL");
  CHECK(a.code_on(date("2024-05-12")) == "RUSGOV");  // both cover it: the later start wins
  CHECK(a.code_on(date("2024-05")) == "RUSMIL");     // the month's first day
  CHECK(a.code_on(date("2030-01-01")) == "RUSGOV");
  CHECK(a.code_on(std::nullopt) == "RUSGOV");

  const auto& b = one(dictionary, EntryKind::Person, "B. Envoy");
  REQUIRE(b.roles.size() == 2);
  CHECK(b.roles[0].until == date("2005-06"));
  CHECK(b.code_on(date("2000-01-01")) == "USAGOV");
  CHECK(b.code_on(date("2005-06-30")) == "USAGOV");
  CHECK(b.code_on(date("2015-12-31")) == "USALEG");
  CHECK(b.code_on(date("2007")) == "USALEG");  // in the gap: the latest-starting role
  CHECK(b.code_on(date("1990")) == "USALEG");  // before all roles: likewise

  CHECK(one(dictionary, EntryKind::Person, "C. Mayor").code_on(date("2023")) == "UKRGOV");
  const auto& d = one(dictionary, EntryKind::Person, "D. Adviser");
  CHECK(d.code == "UKRGOV");
  CHECK(d.code_on(date("2023")) == "UKRMIL");  // a role without dates always applies
}

TEST_CASE("entry kinds have names", "[core][dictionary]") {
  for (const auto kind : {EntryKind::Country, EntryKind::Demonym, EntryKind::Capital,
                          EntryKind::Metonym, EntryKind::City, EntryKind::Igo, EntryKind::Agent,
                          EntryKind::Person, EntryKind::Organization}) {
    CHECK(geokg::parse_entry_kind(geokg::to_string(kind)) == kind);
  }
  CHECK(geokg::to_string(EntryKind::Igo) == "igo");
  CHECK(geokg::to_string(EntryKind::Organization) == "organization");
  CHECK_THROWS_AS(geokg::parse_entry_kind("Country"), ModelError);
  CHECK_THROWS_AS(geokg::parse_entry_kind(""), ModelError);
}

TEST_CASE("a PETRARCH actor dictionary imports with its dated roles", "[core][dictionary]") {
  const auto path = kSourceDir + "/tests/core/data/petrarch-actors.txt";
  Dictionary dictionary;
  dictionary.add_petrarch_actors(geokg::test::read_file(path), "actors.txt");

  const auto& country = one(dictionary, EntryKind::Country, "Arstotzka");
  CHECK(country.code == "RUS");
  CHECK(country.phrases == std::vector<std::string>{"Arstotzka", "Arstotzkan", "Grestin"});
  CHECK(country.source == "actors.txt:7");

  const auto& costava = one(dictionary, EntryKind::Person, "Jorji Costava");
  CHECK(costava.phrases == std::vector<std::string>{"Jorji Costava", "J. Costava"});
  REQUIRE(costava.roles.size() == 2);
  CHECK(costava.roles[0].code == "RUSMIL");
  CHECK(costava.roles[0].from == date("2012-05-07"));  // YYMMDD, 00-30 -> 20YY
  CHECK(costava.roles[0].until == date("2024-05-12"));
  CHECK(costava.roles[1].from == date("2024-05-12"));  // ">" is "from", YYYYMMDD
  CHECK_FALSE(costava.roles[1].until);
  CHECK(costava.code_on(date("2023-07")) == "RUSMIL");
  CHECK(costava.code_on(date("2024-06")) == "RUSGOV");

  const auto& volkova = one(dictionary, EntryKind::Person, "Anna Volkova");
  CHECK(volkova.code == "RUSOPP");  // the undated "[CODE]" line is the default code
  REQUIRE(volkova.roles.size() == 1);
  CHECK(volkova.roles[0].until == date("1999-12-31"));  // "<" is "until", 31-99 -> 19YY
  CHECK_FALSE(volkova.roles[0].from);
  CHECK(volkova.code_on(date("1995")) == "RUSGOV");

  CHECK(one(dictionary, EntryKind::Igo, "UP").code == "IGOUNO");
  const auto& brigade = one(dictionary, EntryKind::Organization, "Red Fox Brigade");
  CHECK(brigade.code == "UKRREB");
  CHECK(brigade.phrases.size() == 2);
  const auto& chief = one(dictionary, EntryKind::Organization, "Chief Of The Foxes");
  CHECK(chief.phrases == std::vector<std::string>{"Chief Of The Foxes", "Head Of The Foxes"});

  const auto& okonkwo = one(dictionary, EntryKind::Person, "Zara Okonkwo");
  CHECK(okonkwo.code == "NGAGOV");
  REQUIRE(okonkwo.roles.size() == 1);  // "[---]" is PETRARCH's null code
  CHECK(okonkwo.code_on(date("2020")) == "NGAGOV");

  // No code at all codes nothing; nothing after ---STOP--- is read.
  CHECK(with_phrase(dictionary, EntryKind::Organization, "Nobody").empty());
  CHECK(with_phrase(dictionary, EntryKind::Person, "Nobody").empty());
  CHECK(with_phrase(dictionary, EntryKind::Country, "Ignored Actor").empty());
  CHECK(dictionary.entries().size() == 7);
}

TEST_CASE("PETRARCH actor errors name their file and line", "[core][dictionary]") {
  const auto import = [](const std::string& text) {
    Dictionary dictionary;
    dictionary.add_petrarch_actors(text, "actors.txt");
  };
  CHECK_THROWS_WITH(import("A_ [RUS]\nB_\n\t[RUSGOV 991340-]\n"),
                    StartsWith("actors.txt:3: bad PETRARCH date"));
  CHECK_THROWS_WITH(import("A_ [RUS]\nB_\n\t[RUSGOV 2401]\n"),
                    StartsWith("actors.txt:3: bad PETRARCH date"));
  CHECK_THROWS_WITH(import("A_ [RUS]\nB_\n\t[RUSGOV 240101-230101]\n"),
                    StartsWith("actors.txt:3: role RUSGOV ends"));
  CHECK_THROWS_WITH(import("\t[RUSGOV]\n"), Equals("actors.txt:1: a date restriction before any "
                                                   "actor"));
  CHECK_THROWS_WITH(import("# x\n+SYNONYM_\n"), StartsWith("actors.txt:2: a synonym before"));
  // A bad default code is reported at the record's first line.
  CHECK_THROWS_WITH(import("A_ [RUS]\n\nB_ [XYZABC]\n+C_\n\nD_ [USA]\n"),
                    StartsWith("actors.txt:3: organization code \"XYZABC\""));
  CHECK_THROWS_WITH(import("A_ [RUS]\n__ [USA]\n"),
                    Equals("actors.txt:2: phrase \"__\" has no letters or digits"));
  CHECK_THROWS_WITH(import("A_ [RUS]\n+-_ \n"),
                    Equals("actors.txt:2: phrase \"-_\" has no letters or digits"));
  CHECK_THROWS_WITH(import("A_ [RUS]\n!NOPE!_PERSON_ [RUSGOV]\n"),
                    StartsWith("actors.txt:2: undefined macro !NOPE!"));
}

TEST_CASE("a PETRARCH agents dictionary imports with plurals and groups", "[core][dictionary]") {
  const auto path = kSourceDir + "/tests/core/data/petrarch-agents.txt";
  Dictionary dictionary;
  dictionary.add_petrarch_agents(geokg::test::read_file(path), "agents.txt");
  const auto phrases = [&](const std::string& name) {
    return one(dictionary, EntryKind::Agent, name).phrases;
  };
  using Phrases = std::vector<std::string>;

  const auto& minister = one(dictionary, EntryKind::Agent, "foreign minister");
  CHECK(minister.code == "GOV");  // Phoenix's FRM sub-role is not a CAMEO agent type
  CHECK(minister.phrases == Phrases{"foreign minister", "foreign ministers"});
  CHECK(minister.source == "agents.txt:4");
  CHECK(phrases("air force") == Phrases{"air force"});
  CHECK(phrases("attorney general") == Phrases{"attorney general", "attorneys general"});
  CHECK(one(dictionary, EntryKind::Agent, "attorney general").code == "JUD");
  CHECK(phrases("militia") == Phrases{"militia", "militias"});
  CHECK(phrases("embassy") == Phrases{"embassy", "embassies"});
  CHECK(phrases("boss") == Phrases{"boss", "bosses"});
  const auto& congress = one(dictionary, EntryKind::Agent, "congressman");
  CHECK(congress.code == "LEG");
  CHECK(congress.phrases ==
        Phrases{"congressman", "congressmen", "congresswoman", "congresswomen", "congressperson"});
  CHECK(one(dictionary, EntryKind::Agent, "human rights body").code == "NGO");
  CHECK(one(dictionary, EntryKind::Agent, "coptic christian").code == "CHRCPT");
  CHECK(one(dictionary, EntryKind::Agent, "marines").code == "MIL");
  CHECK(phrases("paratrooper") == Phrases{"paratrooper"});  // stopped with '_': no plural
  CHECK(one(dictionary, EntryKind::Agent, "gendarmes").code == "COP");
  CHECK(dictionary.entries().size() == 12);
}

TEST_CASE("PETRARCH agent errors name their file and line", "[core][dictionary]") {
  const auto import = [](const std::string& text) {
    Dictionary dictionary;
    dictionary.add_petrarch_agents(text, "agents.txt");
  };
  CHECK_THROWS_WITH(import("SOLDIER [~MIL]\nPOET [~XYZ]\n"),
                    StartsWith("agents.txt:2: agent code \"~XYZ\""));
  CHECK_THROWS_WITH(import("# header\n\nSOLDIER\n"),
                    StartsWith("agents.txt:3: agent phrase \"SOLDIER\" has no [~CODE]"));
  CHECK_THROWS_WITH(import("SOLDIER {SOLDIERS [~MIL]\n"), Equals("agents.txt:1: missing '}'"));
  CHECK_THROWS_WITH(import("CONGRESS!PERSON! [~LEG]\n"),
                    StartsWith("agents.txt:1: undefined macro !PERSON!"));
}

TEST_CASE("add_file reads a file in any of the three formats", "[core][dictionary]") {
  geokg::test::TempDir dir;
  Dictionary dictionary;
  dictionary.add_file(dir.write("mine.tsv",
                                "\xEF\xBB\xBF# geokg dictionary 1\n"
                                "person\tRUSGOV\tIvan Testov\n"));
  dictionary.add_file(kSourceDir + "/tests/core/data/petrarch-actors.txt");
  dictionary.add_file(kSourceDir + "/tests/core/data/petrarch-agents.txt");
  CHECK(one(dictionary, EntryKind::Person, "Ivan Testov").code == "RUSGOV");
  CHECK(one(dictionary, EntryKind::Person, "Jorji Costava").roles.size() == 2);
  CHECK(one(dictionary, EntryKind::Agent, "boss").code == "BUS");
  CHECK(dictionary.entries().size() == 1 + 7 + 12);

  const auto missing = dir.file("missing.tsv");
  CHECK_THROWS_WITH(dictionary.add_file(missing), Equals("cannot read dictionary file " + missing));
  const auto newer = dir.write("newer.tsv", "# geokg dictionary 7\n");
  CHECK_THROWS_WITH(dictionary.add_file(newer),
                    Equals(newer + ":1: dictionary format 7 is newer than this geokg (1)"));
}

TEST_CASE("countries.tsv and places.tsv are what the generator writes", "[core][dictionary]") {
  if (!std::filesystem::exists("/usr/share/iso-codes/json/iso_3166-1.json")) {
    WARN("SKIPPED: Debian's iso-codes is not installed; cannot regenerate the country files");
    return;
  }
  if (!std::filesystem::exists("/usr/bin/python3")) {
    WARN("SKIPPED: /usr/bin/python3 is missing; cannot run scripts/gen-dict-countries");
    return;
  }
  geokg::test::TempDir dir;
  const std::string command = "/usr/bin/python3 '" + kSourceDir + "/scripts/gen-dict-countries' " +
                              "--out '" + dir.path().string() + "' 2>/dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  for (const char* name : {"countries.tsv", "places.tsv"}) {
    INFO(std::string(name) + " is stale: re-run scripts/gen-dict-countries");
    const auto generated = geokg::test::read_file(dir.file(name));
    REQUIRE_FALSE(generated.empty());
    CHECK(generated == geokg::test::read_file(kSourceDir + "/data/dict/" + name));
  }
}

// Found by fuzz_dictionary (a timeout): every macro in a phrase multiplies its
// expansions, so one line of many macros expanded without end.
TEST_CASE("macros that expand a phrase to more than 1000 phrases are an error",
          "[core][dictionary][fuzz]") {
  const std::string ten = "!TEN! = A, B, C, D, E, F, G, H, I, J\n";
  const auto actors = [](const std::string& text) {
    Dictionary dictionary;
    dictionary.add_petrarch_actors(text, "actors.txt");
    return dictionary;
  };
  // 10 x 10 x 10 phrases are still read; 10,000 are not.
  CHECK(actors(ten + "X!TEN!!TEN!!TEN!_ [RUS]\n").entries().at(0).phrases.size() == 1000);
  CHECK_THROWS_WITH(actors(ten + "X!TEN!!TEN!!TEN!!TEN!_ [RUS]\n"),
                    StartsWith("actors.txt:2: macros expand \"X!TEN!!TEN!!TEN!!TEN!_\" to more "
                               "than 1000 phrases"));
  Dictionary agents;
  CHECK_THROWS_WITH(agents.add_petrarch_agents(ten + "!TEN! !TEN! !TEN! !TEN! [~MIL]\n", "agents.txt"),
                    StartsWith("agents.txt:2: macros expand"));

  // The fuzzer's input: its first byte picked the actors reader.
  const auto input =
      geokg::test::read_file(kSourceDir + "/tests/core/data/fuzz/petrarch-macro-explosion.bin");
  REQUIRE(input.size() == 788);
  CHECK_THROWS_AS(actors(input.substr(1)), ModelError);
}

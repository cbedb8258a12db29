// The extractor's actor stage on small texts with a small dictionary, so
// every expected actor and code is visible here.
#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>

#include "geokg/ingest.hpp"

namespace {

const char* const kDictionary =
    "# geokg dictionary 1\n"
    "country\tRUS\tRussia\tRussian Federation\n"
    "country\tPRK\tNorth Korea\tDPRK\n"
    "country\tKOR\tSouth Korea\n"
    "country\tUSA\tUnited States\tU.S.|US|America\n"
    "country\tUKR\tUkraine\n"
    "country\tIRN\tIran\n"
    "demonym\tRUS\tRussian\tRussians\n"
    "demonym\tPRK\tNorth Korean\tNorth Koreans\n"
    "demonym\tUSA\tAmerican\tAmericans\n"
    "capital\tPRK\tPyongyang\n"
    "capital\tRUS\tMoscow\n"
    "metonym\tRUSGOV\tKremlin\n"
    "city\tRUS\tVladivostok\n"
    "agent\tGOV\tleader\tleaders\n"
    "agent\tGOV\tpresident\n"
    "agent\tGOV\tspokesman\n"
    "agent\tGOV\tofficials\tofficial\n"
    "agent\tMIL\tdefense minister\tdefence minister\n"
    "agent\tMIL\ttroops\n"
    "agent\tMIL\tmilitary\tarmy\n"
    "agent\tSPY\tspy\tspies\n"
    "person\tRUSGOV\tVladimir Putin\tPutin\n"
    "person\tPRKGOV\tKim Jong Un\tKim Jong-un\n"
    "person\tRUSMIL\tSergei Shoigu\tShoigu\tRUSMIL 2012-11-06..2024-05-12;RUSGOV 2024-05-12..\n"
    "person\tTURGOV\tRecep Tayyip Erdoğan\tErdoğan|Erdogan\n";

geokg::Dictionary test_dictionary() {
  geokg::Dictionary dictionary;
  dictionary.add_geokg(kDictionary, "test.tsv");
  return dictionary;
}

struct Fixture {
  geokg::Extraction run(const std::string& text, const std::string& date = "2023-09-05") {
    geokg::Document document;
    document.key = "doc";
    document.text = text;
    document.published = geokg::EventDate::parse(date);
    return extractor.extract(document);
  }
  // The extractor compiles the dictionary when constructed: fill it first.
  geokg::Dictionary dictionary = test_dictionary();
  geokg::Extractor extractor{dictionary, geokg::Ontology::builtin()};
};

const geokg::Actor* find(const geokg::Extraction& extraction, const std::string& name) {
  const auto& actors = extraction.record.actors;
  const auto found = std::find_if(actors.begin(), actors.end(),
                                  [&](const geokg::Actor& actor) { return actor.name == name; });
  return found == actors.end() ? nullptr : &*found;
}

// The code of the actor named `name`; nothing when there is no such actor.
std::optional<std::string> code_of(const geokg::Extraction& extraction, const std::string& name) {
  const auto* actor = find(extraction, name);
  return actor ? std::optional<std::string>(actor->code) : std::nullopt;
}

// The texts of one actor's mentions, in order (ASCII texts: code points are bytes).
std::vector<std::string> mentions_of(const geokg::Extraction& extraction, const std::string& key,
                                     const std::string& text) {
  std::vector<std::string> found;
  for (const auto& mention : extraction.record.mentions) {
    if (mention.actor_key != key) continue;
    found.push_back(text.substr(static_cast<std::size_t>(mention.span.start),
                                static_cast<std::size_t>(mention.span.end - mention.span.start)));
  }
  return found;
}

}  // namespace

TEST_CASE("dictionary names become actors with their codes", "[ingest][actors]") {
  Fixture fixture;
  const std::string text = "Vladimir Putin met officials from North Korea in Moscow.";
  const auto result = fixture.run(text);
  const auto* putin = find(result, "Vladimir Putin");
  REQUIRE(putin);
  CHECK(putin->code == "RUSGOV");
  CHECK(putin->country == "RUS");
  CHECK(putin->agent == "GOV");
  CHECK(putin->type == geokg::ActorType::Person);
  const auto* korea = find(result, "North Korea");
  REQUIRE(korea);
  CHECK(korea->code == "PRK");
  CHECK(korea->type == geokg::ActorType::Country);
  // "in Moscow" is a location, not the Russian state.
  CHECK_FALSE(find(result, "Russia"));
}

TEST_CASE("a nationality and a title compose a code for an unlisted person", "[ingest][actors]") {
  Fixture fixture;
  const std::string text =
      "Russian Defense Minister Andrei Belousov met North Korean leader Kim Jong Un. "
      "American President Joe Random said nothing.";
  const auto result = fixture.run(text, "2024-09-01");
  const auto* belousov = find(result, "Andrei Belousov");
  REQUIRE(belousov);
  CHECK(belousov->code == "RUSMIL");
  CHECK(belousov->type == geokg::ActorType::Person);
  const auto* kim = find(result, "Kim Jong Un");
  REQUIRE(kim);
  CHECK(kim->code == "PRKGOV");
  const auto* random = find(result, "Joe Random");
  REQUIRE(random);
  CHECK(random->code == "USAGOV");
  // The nationalities are actors too.
  REQUIRE(find(result, "Russia"));
  REQUIRE(find(result, "North Korea"));
}

TEST_CASE("a person's code follows the role held on the document's date", "[ingest][actors]") {
  Fixture fixture;
  const std::string text = "Sergei Shoigu arrived.";
  CHECK(find(fixture.run(text, "2023-07-26"), "Sergei Shoigu")->code == "RUSMIL");
  CHECK(find(fixture.run(text, "2024-06-01"), "Sergei Shoigu")->code == "RUSGOV");
}

TEST_CASE("without a date, a title in the text picks which of a person's roles is meant",
          "[ingest][actors]") {
  Fixture fixture;
  auto undated = [&](const std::string& text) {
    geokg::Document document;
    document.key = "doc";
    document.text = text;
    return fixture.extractor.extract(document);
  };
  // Undated, the latest role is only a guess: the title decides.
  CHECK(find(undated("Russian Defense Minister Sergei Shoigu arrived."), "Sergei Shoigu")->code ==
        "RUSMIL");
  CHECK(find(undated("Sergei Shoigu arrived."), "Sergei Shoigu")->code == "RUSGOV");
  // A past title does not.
  CHECK(find(undated("Former Russian Defense Minister Sergei Shoigu arrived."), "Sergei Shoigu")
            ->code == "RUSGOV");
  CHECK(find(undated("Russia's former defense minister Sergei Shoigu arrived."), "Sergei Shoigu")
            ->code == "RUSGOV");
  // A title that fits none of the roles leaves the code alone.
  CHECK(find(undated("Russian President Sergei Shoigu arrived."), "Sergei Shoigu")->code ==
        "RUSGOV");
  // With a date, the role held then still decides.
  CHECK(find(fixture.run("Russian Defense Minister Sergei Shoigu arrived.", "2024-06-01"),
             "Sergei Shoigu")
            ->code == "RUSGOV");
}

TEST_CASE("surnames titles and plural references resolve to people already named",
          "[ingest][actors]") {
  Fixture fixture;
  const std::string text =
      "North Korean leader Kim Jong Un will meet Vladimir Putin. "
      "Kim Taewoo, a former official in Seoul, doubted it. "
      "Kim wants food. The Russian leader wants shells. "
      "The two leaders met in 2019. Taewoo added that Shoigu visited.";
  const auto result = fixture.run(text);
  CHECK(mentions_of(result, "kim-jong-un", text) ==
        std::vector<std::string>{"Kim Jong Un", "Kim", "leaders"});
  CHECK(mentions_of(result, "vladimir-putin", text) ==
        std::vector<std::string>{"Vladimir Putin", "leader", "leaders"});
  const auto* taewoo = find(result, "Kim Taewoo");
  REQUIRE(taewoo);
  CHECK(taewoo->code.empty());
  CHECK(taewoo->type == geokg::ActorType::Person);
  CHECK(mentions_of(result, "kim-taewoo", text) ==
        std::vector<std::string>{"Kim Taewoo", "Taewoo"});
}

TEST_CASE("capitals used as metonyms stand for their country", "[ingest][actors]") {
  Fixture fixture;
  const std::string text = "Pyongyang closed its borders. The Kremlin said nothing.";
  const auto result = fixture.run(text);
  CHECK(mentions_of(result, "north-korea", text) == std::vector<std::string>{"Pyongyang", "its"});
  const auto* kremlin = find(result, "Kremlin");
  REQUIRE(kremlin);
  CHECK(kremlin->code == "RUSGOV");
}

TEST_CASE("collective titles become country agents", "[ingest][actors]") {
  Fixture fixture;
  const std::string text = "Russian troops crossed into Ukraine, U.S. officials said.";
  const auto result = fixture.run(text);
  const auto* troops = find(result, "Russian troops");
  REQUIRE(troops);
  CHECK(troops->code == "RUSMIL");
  CHECK(troops->type == geokg::ActorType::Group);
  REQUIRE(find(result, "United States"));
  REQUIRE(find(result, "Ukraine"));
}

TEST_CASE("names match without regard to case or accents given as aliases", "[ingest][actors]") {
  Fixture fixture;
  const std::string text = "ERDOĞAN spoke to Erdogan's aides. Erdoğan left.";
  const auto result = fixture.run(text);
  const auto* erdogan = find(result, "Recep Tayyip Erdoğan");
  REQUIRE(erdogan);
  std::size_t mentions = 0;
  for (const auto& mention : result.record.mentions) {
    if (mention.actor_key == erdogan->key) ++mentions;
  }
  CHECK(mentions == 3);
}

TEST_CASE("common words never become countries or organisations", "[ingest][actors]") {
  Fixture fixture;
  const std::string text = "Let us see whether the president will lead. It is up to us.";
  const auto result = fixture.run(text);
  CHECK(result.record.actors.empty());
}

TEST_CASE("unknown capitalised names are kept with a type guess and no code", "[ingest][actors]") {
  Fixture fixture;
  const std::string text =
      "The Korea Institute for National Unification published a report. "
      "Delegates met at the Eastern Economic Forum near the Korean Peninsula.";
  const auto result = fixture.run(text);
  const auto* institute = find(result, "Korea Institute for National Unification");
  REQUIRE(institute);
  CHECK(institute->type == geokg::ActorType::Organization);
  CHECK(institute->code.empty());
  const auto* forum = find(result, "Eastern Economic Forum");
  REQUIRE(forum);
  CHECK(forum->type == geokg::ActorType::Organization);
  const auto* peninsula = find(result, "Korean Peninsula");
  REQUIRE(peninsula);
  CHECK(peninsula->type == geokg::ActorType::Place);
  // "Delegates" opens a sentence and appears nowhere else capitalised.
  CHECK_FALSE(find(result, "Delegates"));
}

TEST_CASE("every mention span points at its text in code points", "[ingest][actors]") {
  Fixture fixture;
  // Multi-byte characters before the name shift bytes but not code points.
  const std::string text = "«Ça va», dit-il. Vladimir Putin répondit.";
  const auto result = fixture.run(text);
  REQUIRE(result.record.mentions.size() == 1);
  CHECK(result.record.mentions[0].span.start == 17);
  CHECK(result.record.mentions[0].span.end == 31);
}

TEST_CASE("the government and the police belong to a document's one country", "[actors]") {
  geokg::Dictionary dictionary;
  dictionary.add_geokg(std::string(kDictionary) +
                           "agent\tGOV\tgovernment\tgovernments\n"
                           "agent\tCOP\tpolice\n",
                       "test.tsv");
  const geokg::Extractor extractor{dictionary, geokg::Ontology::builtin()};
  auto codes = [&](const std::string& text) {
    geokg::Document document;
    document.key = "doc";
    document.text = text;
    document.published = geokg::EventDate::parse("2024-01-01");
    std::vector<std::string> found;
    for (const auto& actor : extractor.extract(document).record.actors) found.push_back(actor.code);
    std::sort(found.begin(), found.end());
    return found;
  };
  // A story about Russia: "the government" and "police" are Russia's.
  CHECK(codes("Russia held elections.\n\nRussian voters went to the polls in Moscow.\n\n"
              "The government said police had made arrests.") ==
        std::vector<std::string>{"RUS", "RUSCOP", "RUSGOV"});
  // A story about two countries: whose government is unclear, so none.
  CHECK(codes("Russia and Ukraine traded blame.\n\nThe government said police had made arrests.") ==
        std::vector<std::string>{"RUS", "UKR"});
}

TEST_CASE("both sides are the two actors just named whatever their type", "[actors]") {
  geokg::Dictionary dictionary;
  dictionary.add_geokg(std::string(kDictionary) +
                           "country\tSDN\tSudan\n"
                           "demonym\tSDN\tSudanese\n"
                           "organization\tSDNREB\tRapid Support Forces\tRSF\n"
                           "agent\tMIL\tarmy\n",
                       "test.tsv");
  const geokg::Extractor extractor{dictionary, geokg::Ontology::builtin()};
  geokg::Document document;
  document.key = "doc";
  document.text =
      "Russia and Ukraine traded blame.\n\nIn Sudan, the Sudanese army and the RSF fought on. "
      "Both sides agreed to a truce.";
  document.published = geokg::EventDate::parse("2024-01-01");
  const auto record = extractor.extract(document).record;
  std::vector<std::string> sides;
  for (const auto& mention : record.mentions) {
    if (mention.sentence == 2) sides.push_back(mention.actor_key);
  }
  std::sort(sides.begin(), sides.end());
  // Not Russia and Ukraine, the last two countries named.
  CHECK(sides == std::vector<std::string>{"rapid-support-forces", "sudanese-army"});
}

TEST_CASE("an agent word before a verb is a noun, before a noun an adjective", "[ingest][actors]") {
  Fixture fixture;
  // Irregular past tenses follow a subject as regular ones do.
  for (const std::string text :
       {"The Russian army struck Ukraine.", "The Russian military shot at Ukraine.",
        "The Russian army shelled Ukraine."}) {
    const auto result = fixture.run(text);
    INFO(text);
    CHECK((find(result, "Russian army") != nullptr || find(result, "Russian military") != nullptr));
  }
  // "a Russian spy balloon" is no spy; "a Russian spy" is one.
  const auto balloon = fixture.run("Ukraine shot down a Russian spy balloon.");
  CHECK_FALSE(find(balloon, "Russian spy"));
  CHECK(find(balloon, "Russia"));
  const auto spy = fixture.run("Ukraine arrested a Russian spy.");
  const auto* agent = find(spy, "Russian spy");
  REQUIRE(agent);
  CHECK(agent->code == "RUSSPY");
}

TEST_CASE("a quantity that opens a sentence is no name", "[ingest][actors]") {
  Fixture fixture;
  const auto result = fixture.run("Hundreds of Russian troops crossed into Ukraine.");
  const auto* troops = find(result, "Russian troops");
  REQUIRE(troops);
  CHECK(troops->code == "RUSMIL");
  CHECK_FALSE(find(result, "Hundreds of Russian"));
}

// Extracts `text` with the test dictionary and `extra`, more geokg
// dictionary lines.
geokg::Extraction extract_with(const std::string& extra, const std::string& text) {
  geokg::Dictionary dictionary = test_dictionary();
  dictionary.add_geokg("# geokg dictionary 1\n" + extra, "extra.tsv");
  const geokg::Extractor extractor{dictionary, geokg::Ontology::builtin()};
  geokg::Document document;
  document.key = "doc";
  document.text = text;
  return extractor.extract(document);
}

TEST_CASE("a name the dictionary writes in lower case needs no capital", "[ingest][actors]") {
  const auto result = extract_with(
      "organization\tSOMREB\tal-Shabab\tal-Shabaab\n"
      "organization\tIGOEUREEC\tEuropean Union\tEU\n",
      "Kenya fought al-Shabab. The union of european states met.");
  const auto* shabab = find(result, "al-Shabab");
  REQUIRE(shabab);
  CHECK(shabab->code == "SOMREB");
  // A capitalised name still needs its capital.
  CHECK_FALSE(find(result, "European Union"));
}

TEST_CASE("an unnamed member of an organisation is coded as the organisation", "[ingest][actors]") {
  const auto result = extract_with(
      "organization\tLBNREBHEZ\tHezbollah\n"
      "agent\tMIL\tcommander\tcommanders\n",
      "Israel killed a senior Hezbollah commander in Beirut.");
  REQUIRE(find(result, "Hezbollah"));
  // Not a role of Hezbollah's country.
  for (const auto& actor : result.record.actors) CHECK(actor.code != "LBNMIL");
  CHECK_FALSE(find(result, "Lebanese commander"));
}

TEST_CASE("the group and the bloc refer back to the latest group or bloc", "[ingest][actors]") {
  const auto result = extract_with(
      "organization\tLBNREBHEZ\tHezbollah\n"
      "organization\tIGOWAFWAS\tEconomic Community of West African States\tECOWAS\n"
      "country\tMLI\tMali\n",
      "Pagers used by Hezbollah members exploded. Mali left ECOWAS. Russia met "
      "the militant group and the bloc. The group of seven met.");
  std::vector<std::string> referring;  // "mention text=actor key"
  for (const auto& mention : result.record.mentions) {
    if (mention.sentence.value_or(0) < 2) continue;
    const auto& span = mention.span;
    referring.push_back(result.record.document.text.substr(span.start, span.end - span.start) +
                        "=" + mention.actor_key);
  }
  std::sort(referring.begin(), referring.end());
  // Hezbollah is the group, ECOWAS the bloc; "the group of seven" is neither.
  CHECK(referring == std::vector<std::string>{"Russia=russia",
                                              "bloc=economic-community-of-west-african-states",
                                              "group=hezbollah"});
}

TEST_CASE("coordinated nationalities share the agent noun after them", "[ingest][actors]") {
  const auto result = extract_with(
      "country\tGBR\tUnited Kingdom\n"
      "demonym\tGBR\tBritish\n"
      "country\tSYR\tSyria\n"
      "demonym\tSYR\tSyrian\n"
      "demonym\tIRN\tIranian\n",
      "U.S. and British troops struck Iran. Russian, Syrian and "
      "Iranian troops met. Russian troops left Syria, U.S. officials "
      "said.");
  std::vector<std::string> mentioned;  // "mention text=actor code"
  for (const auto& mention : result.record.mentions) {
    const auto& span = mention.span;
    const auto actor =
        std::find_if(result.record.actors.begin(), result.record.actors.end(),
                     [&](const geokg::Actor& a) { return a.key == mention.actor_key; });
    REQUIRE(actor != result.record.actors.end());
    mentioned.push_back(result.record.document.text.substr(span.start, span.end - span.start) +
                        "=" + actor->code);
  }
  // A comma alone joins nothing: "Syria, U.S. officials" keeps Syria.
  CHECK(mentioned == std::vector<std::string>{"U.S.=USAMIL", "British=GBR", "troops=GBRMIL",
                                              "Iran=IRN", "Russian=RUSMIL", "Syrian=SYRMIL",
                                              "Iranian=IRN", "troops=IRNMIL", "Russian=RUS",
                                              "troops=RUSMIL", "Syria=SYR", "U.S.=USA",
                                              "officials=USAGOV"});
  // A country whose only mention went to its troops is not listed.
  const auto alone =
      extract_with("demonym\tGBR\tBritish\n", "U.S. and British troops struck Iran.");
  CHECK(find(alone, "United States") == nullptr);
  CHECK(find(alone, "American troops") != nullptr);
}

TEST_CASE("an unknown given name before a person's one-word alias is someone else",
          "[ingest][actors]") {
  const auto result = extract_with("person\tSDNGOV\tOmar al-Bashir\tal-Bashir\n",
                                   "Rebels named Mohammed al-Bashir as prime minister. Sudan's "
                                   "former ruler al-Bashir stayed in prison.");
  CHECK(find(result, "Mohammed al-Bashir") != nullptr);
  const auto* omar = find(result, "Omar al-Bashir");
  REQUIRE(omar);
  CHECK(std::count_if(result.record.mentions.begin(), result.record.mentions.end(),
                      [&](const geokg::Mention& m) { return m.actor_key == omar->key; }) == 1);
}

TEST_CASE("an agent placed in a country at the start of a sentence is that country's",
          "[ingest][actors]") {
  const auto result = extract_with("country\tNER\tNiger\ndemonym\tNER\tNigerien\n",
                                   "Troops in Niger detained the president. Russia deployed "
                                   "troops in Ukraine.");
  CHECK(code_of(result, "Nigerien Troops") == "NERMIL");
  // Elsewhere the place says where they are, not whose they are.
  CHECK_FALSE(code_of(result, "Ukrainian troops"));
}

TEST_CASE("an agent noun before a possessive is a noun and no adjective", "[ingest][actors]") {
  const std::string text =
      "Egypt criticized the Israeli army's operation and the Israeli government's plan. The "
      "Israeli army operation went on.";
  const auto result = extract_with(
      "country\tISR\tIsrael\ndemonym\tISR\tIsraeli\nagent\tMIL\tarmy\nagent\tGOV\tgovernment\n",
      text);
  CHECK(code_of(result, "Israeli government") == "ISRGOV");
  const auto* army = find(result, "Israeli army");
  REQUIRE(army);
  CHECK(army->code == "ISRMIL");
  // Before a noun, "army" still qualifies it: the possessive is its one mention.
  CHECK(mentions_of(result, army->key, text) == std::vector<std::string>{"army"});
}

TEST_CASE("a political group placed in a country is that country's", "[ingest][actors]") {
  const auto result = extract_with(
      "country\tVEN\tVenezuela\ndemonym\tVEN\tVenezuelan\n"
      "country\tUSA\tUnited States\ndemonym\tUSA\tAmerican\n"
      "agent\tOPP\topposition leaders\nagent\tMIL\ttroops\n",
      "The United States condemned the arrest of opposition leaders in Venezuela. "
      "The United States sent troops in Venezuela home.");
  CHECK(code_of(result, "Venezuelan opposition leaders") == "VENOPP");
  // Troops are not placed by where they are, except at a sentence's start.
  CHECK_FALSE(code_of(result, "Venezuelan troops"));
}

TEST_CASE("a possessor is not the antecedent of what it possesses", "[ingest][actors]") {
  const std::string text = "Sweden's government said it would expel a diplomat.";
  const auto result = extract_with(
      "country\tSWE\tSweden\ndemonym\tSWE\tSwedish\n"
      "agent\tGOV\tgovernment\n",
      text);
  const auto* government = find(result, "Swedish government");
  REQUIRE(government);
  CHECK(mentions_of(result, government->key, text) == std::vector<std::string>{"government", "it"});
}

TEST_CASE("a pronoun is not someone its own sentence names after it", "[ingest][actors]") {
  const std::string text = "Kim Jong Un met Vladimir Putin on Friday. He told Putin he was ready.";
  const auto result = extract_with("", text);
  const auto* kim = find(result, "Kim Jong Un");
  REQUIRE(kim);
  CHECK(mentions_of(result, kim->key, text) == std::vector<std::string>{"Kim Jong Un", "He"});
}

TEST_CASE("an indefinite title without a nationality is someone new", "[ingest][actors]") {
  const std::string text =
      "Russia said Putin was angry. Moscow said a senior leader was killed in Ukraine.";
  const auto result = extract_with("", text);
  const auto* putin = find(result, "Vladimir Putin");
  REQUIRE(putin);
  CHECK(mentions_of(result, putin->key, text) == std::vector<std::string>{"Putin"});
  // With a nationality it may still be the person named: "the first visit
  // by a Russian leader" is Putin's.
  const std::string visit =
      "Vladimir Putin arrived in Pyongyang, the first visit by a Russian "
      "leader in 24 years.";
  const auto visited = extract_with("", visit);
  const auto* visitor = find(visited, "Vladimir Putin");
  REQUIRE(visitor);
  CHECK(mentions_of(visited, visitor->key, visit) ==
        std::vector<std::string>{"Vladimir Putin", "leader"});
}

TEST_CASE("companies and civilians placed in one country are its own", "[ingest][actors]") {
  const std::string dictionary =
      "country\tCHN\tChina\ndemonym\tCHN\tChinese\ncountry\tIND\tIndia\n"
      "agent\tBUS\tcompanies\nagent\tCVL\tcivilians\n";
  const auto one = extract_with(dictionary, "The EU blacklisted companies in China.");
  CHECK(code_of(one, "Chinese companies") == "CHNBUS");
  const auto inside = extract_with(dictionary, "The EU blacklisted companies inside China.");
  CHECK(code_of(inside, "Chinese companies") == "CHNBUS");
  // Before a list of places the countries stay: one role cannot be them all.
  const auto list = extract_with(dictionary, "The EU blacklisted companies in China and India.");
  CHECK_FALSE(code_of(list, "Chinese companies"));
  CHECK(code_of(list, "India") == "IND");
}

TEST_CASE("an unnamed member of the opposition stands for it", "[ingest][actors]") {
  const std::string dictionary =
      "country\tPAK\tPakistan\ndemonym\tPAK\tPakistani\n"
      "agent\tOPP\topposition leader\tactivist\nagent\tCOP\tpolice\nagent\tREB\tmilitant\n";
  CHECK(code_of(extract_with(dictionary,
                             "Pakistani police detained a senior opposition leader on Monday."),
                "Pakistani opposition leader") == "PAKOPP");
  // Other groups' singulars are mostly adjectives: "the militant group".
  const auto result = extract_with(
      dictionary, "Pakistani police said an activist had spoken to the militant group.");
  CHECK(code_of(result, "Pakistani activist") == "PAKOPP");
  CHECK_FALSE(code_of(result, "Pakistani militant"));
}

TEST_CASE("a regional adjective before an agent or its states names a group", "[ingest][actors]") {
  const std::string dictionary =
      "country\tRUS\tRussia\ncountry\tWST\tthe West\ncountry\tEUR\tEurope\n"
      "demonym\tWST\tWestern\ndemonym\tEUR\tEuropean\ndemonym\tASA\tAsian\n"
      "agent\tGOV\tleaders\tdiplomats\n";
  const auto result = extract_with(
      dictionary,
      "European leaders condemned Russia. Western allies sent weapons. Western diplomats met.");
  CHECK(code_of(result, "European leaders") == "EURGOV");
  CHECK(code_of(result, "Western allies") == "WST");
  CHECK(code_of(result, "Western diplomats") == "WSTGOV");
  // The group is no mention of its region, and alone the adjective names
  // nothing: "Western weapons", "the Asian country".
  CHECK_FALSE(find(result, "Europe"));
  const auto alone =
      extract_with(dictionary, "Russia captured Western weapons in the Asian country.");
  REQUIRE(alone.record.actors.size() == 1);
  CHECK(alone.record.actors[0].name == "Russia");
}

TEST_CASE("a city before a title gives its country and a title of an actor takes its code",
          "[ingest][actors]") {
  const std::string dictionary =
      "country\tTUR\tTurkey\ncity\tTUR\tIstanbul\ncity\tPSE\tJenin\n"
      "organization\tLBNREBHEZ\tHezbollah\ncountry\tFRA\tFrance\ndemonym\tFRA\tFrench\n"
      "agent\tGOV\tmayor\tpresident\nagent\tMIL\tcommander\nagent\tREF\trefugee\n";
  CHECK(code_of(extract_with(dictionary, "Police detained Istanbul Mayor Ekrem Imamoglu today."),
                "Ekrem Imamoglu") == "TURGOV");
  // Before an agent used as an adjective the city stays a place.
  CHECK(extract_with(dictionary, "Troops raided the Jenin refugee camp today.")
            .record.actors.empty());
  CHECK(code_of(extract_with(dictionary,
                             "The strike killed Ali Karaki, the commander of Hezbollah's "
                             "southern front, on Friday."),
                "Ali Karaki") == "LBNREBHEZ");
  CHECK(code_of(extract_with(dictionary, "The president of France arrived in Turkey today."),
                "French president") == "FRAGOV");
  // Before a list the title is all of theirs, not the first one's.
  CHECK_FALSE(code_of(
      extract_with(dictionary, "The presidents of France and Turkey arrived in Turkey today."),
      "French presidents"));
}

TEST_CASE("a title after a possessive pronoun in subject position is its owner's",
          "[ingest][actors]") {
  const std::string dictionary =
      "country\tAUS\tAustralia\ndemonym\tAUS\tAustralian\ncountry\tCHN\tChina\n"
      "demonym\tCHN\tChinese\ncountry\tZAF\tSouth Africa\ncountry\tUSA\tUnited States\n"
      "demonym\tUSA\tAmerican\ndemonym\tZAF\tSouth African\n"
      "person\tAUSGOV\tAnthony Albanese\tAlbanese\norganization\tLBNREBHEZ\tHezbollah\n"
      "agent\tGOV\tgovernment\tambassador\nagent\tMIL\tforces\n";
  // Of the document's countries China is named most; "his" is Albanese's.
  const auto own =
      extract_with(dictionary,
                   "China met Anthony Albanese. China spoke. Albanese said his government "
                   "would press China.");
  CHECK(code_of(own, "Australian government") == "AUSGOV");
  CHECK_FALSE(code_of(own, "Chinese government"));
  // An organisation's members are the organisation.
  const std::string text = "Hezbollah said its forces had fired rockets.";
  const auto group = extract_with(dictionary, text);
  const auto* hezbollah = find(group, "Hezbollah");
  REQUIRE(hezbollah);
  CHECK(mentions_of(group, hezbollah->key, text) ==
        std::vector<std::string>{"Hezbollah", "its", "forces"});
  // As an object the pronoun may be anyone's: no owner is guessed.
  const auto object = extract_with(
      dictionary, "The United States cut aid to South Africa and expelled its ambassador.");
  CHECK_FALSE(code_of(object, "American ambassador"));
}

TEST_CASE("both countries without a list are the last two named, not a nationality",
          "[ingest][actors]") {
  const std::string text =
      "North Korea has supplied Russia with shells, according to South Korean officials, an "
      "allegation both countries deny.";
  const auto result = extract_with(
      "country\tPRK\tNorth Korea\ncountry\tRUS\tRussia\ncountry\tKOR\tSouth Korea\n"
      "demonym\tKOR\tSouth Korean\nagent\tGOV\tofficials\n",
      text);
  const auto* russia = find(result, "Russia");
  const auto* north = find(result, "North Korea");
  const auto* south = find(result, "South Korea");
  REQUIRE(russia);
  REQUIRE(north);
  REQUIRE(south);
  CHECK(mentions_of(result, russia->key, text) ==
        std::vector<std::string>{"Russia", "both countries"});
  CHECK(mentions_of(result, north->key, text) ==
        std::vector<std::string>{"North Korea", "both countries"});
  CHECK(mentions_of(result, south->key, text) == std::vector<std::string>{"South Korean"});
}

TEST_CASE("a place where something happens is no antecedent of it", "[ingest][actors]") {
  const std::string text =
      "Marco Rubio, who hosted the signing at the State Department, called it a good day.";
  const auto result = extract_with("organization\tUSAGOV\tState Department\n", text);
  const auto* department = find(result, "State Department");
  REQUIRE(department);
  CHECK(mentions_of(result, department->key, text) == std::vector<std::string>{"State Department"});
}

TEST_CASE("a country's unnamed institutions are its own", "[ingest][actors]") {
  const std::string dictionary =
      "country\tSDN\tSudan\ncountry\tRUS\tRussia\ncountry\tIRN\tIran\n"
      "igo\tIGOUNO\tUnited Nations\tUN|Security Council|UN Security Council\n";
  const auto council = extract_with(
      dictionary, "Sudan's Security and Defence Council cut ties with Iran on Tuesday.");
  CHECK(code_of(council, "Security and Defence Council") == "SDNGOV");
  // A generic IGO name after a country's possessive is that country's.
  const auto russia = extract_with(dictionary, "Russia's Security Council met on Friday.");
  CHECK(code_of(russia, "Security Council") == "RUSGOV");
  const auto un = extract_with(dictionary, "The Security Council met on Friday.");
  CHECK_FALSE(code_of(un, "Security Council") == std::optional<std::string>("RUSGOV"));
  const auto service =
      extract_with(dictionary, "Russia's Federal Security Service arrested him on Friday.");
  CHECK(code_of(service, "Federal Security Service") == "RUSSPY");
}

TEST_CASE("an object pronoun is not the subject right before its verb", "[ingest][actors]") {
  const std::string text =
      "Volodymyr Zelenskyy met Narendra Modi on Saturday, and Modi told him he would help.";
  const auto result = extract_with(
      "person\tUKRGOV\tVolodymyr Zelenskyy\tZelenskyy\nperson\tINDGOV\tNarendra Modi\tModi\n",
      text);
  const auto* zelenskyy = find(result, "Volodymyr Zelenskyy");
  REQUIRE(zelenskyy);
  CHECK(mentions_of(result, zelenskyy->key, text) ==
        std::vector<std::string>{"Volodymyr Zelenskyy", "him"});
}

TEST_CASE("a name before -based or -backed owns no title after it", "[ingest][actors]") {
  const std::string dictionary =
      "country\tIRN\tIran\ncountry\tUSA\tUnited States\tU.S.\ncapital\tRUS\tMoscow\n"
      "country\tGBR\tUnited Kingdom\tBritain\ncountry\tSAU\tSaudi Arabia\n"
      "demonym\tSAU\tSaudi\nagent\tUAF\tmilitia\tmilitias\nagent\tGOV\tdiplomat\n"
      "agent\tMIL\ttroops\nagent\tJUD\tcourt\n";
  const auto backed = extract_with(dictionary, "Iran-backed militias attacked U.S. troops.");
  CHECK(find(backed, "Iran"));
  for (const auto& actor : backed.record.actors) CHECK(actor.code != "IRNUAF");
  const auto based = extract_with(dictionary, "A Moscow-based diplomat accused Britain of spying.");
  for (const auto& actor : based.record.actors) CHECK(actor.code != "RUSGOV");
  // A name that leads or runs what follows still owns it.
  const auto led = extract_with(dictionary, "Saudi troops struck the port.");
  CHECK(code_of(led, "Saudi troops") == "SAUMIL");
}

TEST_CASE("the court or the ministry refers back to an institution named so", "[ingest][actors]") {
  const std::string text =
      "The International Criminal Court issued a warrant for Putin on Friday. The Hague-based "
      "court also sought the arrest of his commissioner. The agency said nothing.";
  const auto result = extract_with(
      "igo\tIGOJUDICC\tInternational Criminal Court\tICC\ncapital\tNLD\tThe Hague\n"
      "person\tRUSGOV\tVladimir Putin\tPutin\nagent\tJUD\tcourt\n",
      text);
  const auto* court = find(result, "International Criminal Court");
  REQUIRE(court);
  CHECK(mentions_of(result, court->key, text) ==
        std::vector<std::string>{"International Criminal Court", "court"});
  for (const auto& actor : result.record.actors) CHECK(actor.code != "NLDJUD");
}

TEST_CASE("a definite title with a name apposed is that name", "[ingest][actors]") {
  const std::string text =
      "Xi Jinping spoke on Monday. Blinken met the Chinese foreign minister, Wang Yi, in Beijing.";
  const auto result = extract_with(
      "person\tCHNGOV\tXi Jinping\tXi\nperson\tCHNGOV\tWang Yi\nperson\tUSAGOV\tAntony "
      "Blinken\tBlinken\ncountry\tCHN\tChina\ndemonym\tCHN\tChinese\nagent\tGOV\tforeign "
      "minister\n",
      text);
  const auto* xi = find(result, "Xi Jinping");
  const auto* wang = find(result, "Wang Yi");
  REQUIRE(xi);
  REQUIRE(wang);
  CHECK(mentions_of(result, xi->key, text) == std::vector<std::string>{"Xi Jinping"});
  const auto wang_mentions = mentions_of(result, wang->key, text);
  CHECK(wang_mentions.size() == 2);
  CHECK(wang_mentions.back() == "Wang Yi");
}

TEST_CASE("an agent placed in a country after an article and a modifier is its",
          "[ingest][actors]") {
  const std::string dictionary =
      "country\tBGD\tBangladesh\ncapital\tBGD\tDhaka\nagent\tJUD\ttribunal\nagent\tCOP\tpolice\n";
  const auto special =
      extract_with(dictionary, "A special tribunal in Dhaka issued a warrant on Monday.");
  bool found = false;
  for (const auto& actor : special.record.actors) found = found || actor.code == "BGDJUD";
  CHECK(found);
  // Not in the middle of a sentence: "ruled that a special tribunal in
  // Dhaka" may be anyone's.
  const auto inside =
      extract_with(dictionary, "Britain said a special tribunal in Dhaka issued a warrant.");
  for (const auto& actor : inside.record.actors) CHECK(actor.code != "BGDJUD");
}

TEST_CASE("his country is the country of the person his names", "[ingest][actors]") {
  const std::string text = "Badr Albusaidi said his country had mediated a ceasefire.";
  const auto result = extract_with("person\tOMNGOV\tBadr Albusaidi\tAlbusaidi\n", text);
  const auto* minister = find(result, "Badr Albusaidi");
  REQUIRE(minister);
  CHECK(mentions_of(result, minister->key, text) ==
        std::vector<std::string>{"Badr Albusaidi", "his"});
  bool country = false;
  for (const auto& actor : result.record.actors) {
    if (actor.code == "OMN") {
      country = true;
      CHECK(mentions_of(result, actor.key, text) == std::vector<std::string>{"country"});
    }
  }
  CHECK(country);
}

TEST_CASE("an unknown name apposed to a title with a nationality takes its code",
          "[ingest][actors]") {
  const std::string dictionary =
      "country\tRUS\tRussia\ncountry\tDEU\tGermany\tBerlin\ndemonym\tRUS\tRussian\n"
      "agent\tGOV\tambassador\n";
  const auto result = extract_with(
      dictionary, "Russia's ambassador to Germany, Sergei Nechayev, criticised Berlin.");
  CHECK(code_of(result, "Sergei Nechayev") == "RUSGOV");
  CHECK_FALSE(find(result, "Russian ambassador"));
  // Without a nationality the name is left as it is: "its" as an object
  // may be anyone's.
  const auto object =
      extract_with(dictionary, "Germany expelled its ambassador, Sergei Nechayev, on Monday.");
  CHECK(code_of(object, "Sergei Nechayev") == std::optional<std::string>(""));
}

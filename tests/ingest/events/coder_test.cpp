// The event coder through the Extractor, with a small lexicon of its own so
// the expectations pin the coder's rules, not the built-in lexicon's data.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "geokg/ingest.hpp"

namespace {

constexpr std::string_view kLexicon =
    "# geokg event-lexicon 1\n"
    "verb\t010\tsay\tspeech\n"
    "verb\t010\ttell $T\tspeech\n"
    "verb\t020\turge $T to\n"
    "verb\t040\tmeet $T\treciprocal\n"
    "verb\t040\tmeet with $T\treciprocal\n"
    "verb\t042\tvisit $T\tplace\n"
    "verb\t042\ttravel to $T\tplace\n"
    "verb\t023\tturn to $T for help\n"
    "verb\t072\tsend weapons to $T\n"
    "verb\t112\taccuse $T of\n"
    "verb\t163\timpose sanctions on $T\n"
    "verb\t190\tattack $T\n"
    "verb\t1823\tkill $T\n"
    "verb\t150\thold military exercises\n"
    "noun\t040\tmeeting\treciprocal\n"
    "noun\t040\ttalks between $S and $T\treciprocal\n"
    "noun\t042\tvisit to $T\tplace\n"
    "noun\t190\twar with $T\n"
    "noun\t195\tdrone attack on $T\n"
    "noun\t072\t$T 's military backer\n";

struct Found {
  std::string source, target, code, date, modality, location;
  bool negated = false;
  bool inferred = false;
  int sentence = -1;
};

std::vector<Found> code(const std::string& text, const std::string& date = "2023-09-05",
                        std::string_view lexicon_text = kLexicon) {
  geokg::EventLexicon lexicon;
  lexicon.add(lexicon_text, "test-lexicon");
  const geokg::Extractor extractor(geokg::Dictionary::builtin(), geokg::Ontology::builtin(),
                                   lexicon);
  geokg::Document document;
  document.key = "test";
  document.title = "Test";
  document.text = text;
  document.published = geokg::EventDate::parse(date);
  const auto extraction = extractor.extract(document);
  const auto& record = extraction.record;
  auto name = [&](const std::optional<geokg::Participant>& participant) {
    if (!participant) return std::string("-");
    for (const auto& actor : record.actors) {
      if (actor.key == participant->actor_key) return actor.code.empty() ? actor.name : actor.code;
    }
    return participant->actor_key;
  };
  std::vector<Found> found;
  for (const auto& event : record.events) {
    found.push_back({name(event.source), name(event.target), event.code,
                     event.date ? event.date->iso() : "", std::string(to_string(event.modality)),
                     event.location ? event.location->name : "", event.negated, event.date_inferred,
                     event.sentence.value_or(-1)});
  }
  REQUIRE(extraction.event_rules.size() == record.events.size());
  return found;
}

std::vector<std::string> triples(const std::vector<Found>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.source + " " + e.code + " " + e.target);
  std::sort(out.begin(), out.end());
  return out;
}

using Triples = std::vector<std::string>;

// The triples of the events coded `wanted`, sorted.
Triples coded_as(std::string_view wanted, const std::vector<Found>& events) {
  Triples out;
  for (const auto& e : events) {
    if (e.code == wanted) out.push_back(e.source + " " + e.code + " " + e.target);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Codes texts with `lexicon` as published on `date`, as sorted triples.
auto coding_with(std::string lexicon, std::string date = "2024-06-25") {
  return [lexicon = std::move(lexicon), date = std::move(date)](const std::string& text) {
    return triples(code(text, date, lexicon));
  };
}

}  // namespace

TEST_CASE("an active verb codes subject to object", "[events]") {
  const auto events = code("Russia attacked Ukraine on the border.");
  REQUIRE(triples(events) == Triples{"RUS 190 UKR"});
  CHECK(events[0].modality == "asserted");
  CHECK_FALSE(events[0].negated);
  // No date in the sentence: the publication date, flagged.
  CHECK(events[0].date == "2023-09-05");
  CHECK(events[0].inferred);
}

TEST_CASE("irregular verb forms come from WordNet morphology", "[events]") {
  CHECK(triples(code("Vladimir Putin met Xi Jinping.")) == Triples{"RUSGOV 040 CHNGOV"});
  CHECK(triples(code("Iran sent weapons to Russia.")) == Triples{"IRN 072 RUS"});
  CHECK(triples(code("Turkey is meeting Greece.")) == Triples{"TUR 040 GRC"});
}

TEST_CASE("the passive voice swaps the roles", "[events]") {
  CHECK(triples(code("Ukraine was attacked by Russia.")) == Triples{"RUS 190 UKR"});
  CHECK(triples(code("North Korea was accused by Japan of firing missiles.")) ==
        Triples{"JPN 112 PRK"});
  // No agent: no source, no event.
  CHECK(code("Ukraine was attacked overnight.").empty());
}

TEST_CASE("a coordinated target gives one event per actor", "[events]") {
  // Provocations are a charge of aggression (1123).
  CHECK(triples(code("North Korea accused the United States, Japan and South Korea of "
                     "provocations.")) == Triples{"PRK 1123 JPN", "PRK 1123 KOR", "PRK 1123 USA"});
}

TEST_CASE("reciprocal events go each way", "[events]") {
  CHECK(triples(code("Putin and Kim Jong Un met in Vladivostok.")) ==
        Triples{"PRKGOV 040 RUSGOV", "RUSGOV 040 PRKGOV"});
  CHECK(triples(code("The talks between Armenia and Azerbaijan resumed.")) ==
        Triples{"ARM 040 AZE", "AZE 040 ARM"});
  // A transitive use is one event.
  CHECK(triples(code("Putin met Kim Jong Un.")) == Triples{"RUSGOV 040 PRKGOV"});
  // "the" may stand between a conjunction and the next actor.
  CHECK(triples(code("Japan and the Philippines met on Monday.")) ==
        Triples{"JPN 040 PHL", "PHL 040 JPN"});
}

TEST_CASE("a relative pronoun stands for its antecedent", "[events]") {
  CHECK(triples(code("The sanctions have not stopped Russia, which has also turned to Iran, "
                     "another sanctioned country, for help.")) == Triples{"RUS 023 IRN"});
}

TEST_CASE("possessors are sources or targets as the pattern says", "[events]") {
  CHECK(triples(code("Iran has become Russia's top military backer.")) == Triples{"IRN 072 RUS"});
  CHECK(triples(code("Putin's visit to China was short.")) == Triples{"RUSGOV 042 CHN"});
}

TEST_CASE("reported speech codes the reported event with its real source", "[events]") {
  const auto events = code("The Pentagon said Russia attacked Ukraine.");
  REQUIRE(triples(events) == Triples{"RUS 190 UKR"});
  CHECK(events[0].modality == "reported");
  // Telling someone is a statement with a target.
  CHECK(triples(code("Putin told Xi Jinping that the war would go on.")) ==
        Triples{"RUSGOV 010 CHNGOV"});
}

TEST_CASE("negation is kept on the event", "[events]") {
  const auto events = code("Russia did not attack Ukraine.");
  REQUIRE(events.size() == 1);
  CHECK(events[0].negated);
}

TEST_CASE("intentions take CAMEO intent codes and modals stay hypothetical", "[events]") {
  const auto planned = code("Kim Jong Un is planning to visit Russia.");
  REQUIRE(triples(planned) == Triples{"PRKGOV 036 RUS"});
  CHECK(planned[0].modality == "intended");
  const auto could = code("Putin could meet Kim Jong Un.");
  REQUIRE(triples(could) == Triples{"RUSGOV 040 PRKGOV"});
  CHECK(could[0].modality == "hypothetical");
  const auto reportedly = code("Kim Jong Un reportedly visited Russia.");
  REQUIRE(reportedly.size() == 1);
  CHECK(reportedly[0].modality == "reported");
}

TEST_CASE("an appeal to stop or start something, and a denied accusation, assert nothing",
          "[events]") {
  const auto urged = code("Japan urged China to stop attacking Vietnam.");
  REQUIRE(urged.size() == 2);
  for (const auto& event : urged) {
    INFO(event.code);
    CHECK(event.modality == (event.code.starts_with("02") ? "asserted" : "hypothetical"));
  }
  auto found = triples(urged);
  std::sort(found.begin(), found.end());
  // Stopping an attack is de-escalation: the appeal is 0256.
  CHECK(found == Triples{"CHN 190 VNM", "JPN 0256 CHN"});
  const auto denied = code("Russia denied accusations that it attacked Ukraine.");
  REQUIRE(triples(denied) == Triples{"RUS 190 UKR"});
  CHECK(denied[0].negated);
  // An accusation that is not denied stays asserted.
  const auto stated = code("Russia repeated claims that it attacked Ukraine.");
  REQUIRE(triples(stated) == Triples{"RUS 190 UKR"});
  CHECK_FALSE(stated[0].negated);
}

TEST_CASE("an appeal's content is hypothetical", "[events]") {
  const auto events = code("Japan urged China to attack nobody.");
  // "urge $T to" codes; what is urged is not an event that happened.
  REQUIRE(triples(events) == Triples{"JPN 020 CHN"});
}

TEST_CASE("a place in a movement slot stands for its country and is the location", "[events]") {
  const auto events = code("Sergei Shoigu traveled to Pyongyang.");
  REQUIRE(triples(events) == Triples{"RUSMIL 042 PRK"});
  CHECK(events[0].location == "Pyongyang");
}

TEST_CASE("the city of PLACE in a target slot stands for the place", "[events]") {
  auto one = [](const std::string& text) {
    const auto events = code(text);
    return events.size() == 1 ? triples(events).front() + " @" + events[0].location : "?";
  };
  CHECK(one("Russian forces attacked the port of Odesa.") == "RUSMIL 190 UKR @Odesa");
  CHECK(one("Russian forces attacked the southern city of Kherson.") == "RUSMIL 190 UKR @Kherson");
  // A place of no country may describe what follows.
  CHECK(one("Russian forces attacked the Black Sea port of Odesa on Friday.") ==
        "RUSMIL 190 UKR @Odesa");
  CHECK(one("Putin visited the city of Vladivostok.") == "RUSGOV 042 RUS @Vladivostok");
  // "of" after other nouns still ends the object, and a sea is no target.
  CHECK(code("Russian forces attacked the supporters of Ukraine.").empty());
  CHECK(code("Russia attacked the Black Sea.").empty());
}

TEST_CASE("a plural in a pattern also reads its singular, and only that", "[events]") {
  constexpr std::string_view lexicon =
      "# geokg event-lexicon 1\n"
      "verb\t195\tfire missiles at $T\n"
      "verb\t112\taccuse $T of\n"
      "verb\t1122\taccuse $T of abuses\tspeech\n";
  auto codes = [&](const std::string& text) { return triples(code(text, "2023-09-05", lexicon)); };
  CHECK(codes("Russia fired missiles at Ukraine.") == Triples{"RUS 195 UKR"});
  CHECK(codes("Russia fired a missile at Ukraine.") == Triples{"RUS 195 UKR"});
  CHECK(codes("Iran accused France of abuses.") == Triples{"IRN 1122 FRA"});
  CHECK(codes("Iran accused France of an abuse.") == Triples{"IRN 1122 FRA"});
  // Another word class is another word: the general pattern codes it.
  CHECK(codes("Iran accused France of abusing the agency.") == Triples{"IRN 112 FRA"});
}

TEST_CASE("in PLACE attaches a location", "[events]") {
  const auto events = code("Putin met Kim Jong Un in Vladivostok.");
  REQUIRE(events.size() == 1);
  CHECK(events[0].location == "Vladivostok");
}

TEST_CASE("a sentence that opens with a place goes on with its subject", "[events]") {
  CHECK(triples(code("In Paris, Russia attacked Ukraine.")) == Triples{"RUS 190 UKR"});
  CHECK(triples(code("In Vladivostok, Putin met Kim Jong Un.")) == Triples{"RUSGOV 040 PRKGOV"});
  // Titles without a nationality belong to the country of that place (and
  // protesters' attacks are riots, 145).
  CHECK(triples(code("In Kinshasa, protesters attacked the embassy of France.")) ==
        Triples{"CODOPP 145 FRA"});
  // "Vladivostok, Russia" still names where the city is.
  CHECK(triples(code("Putin met Kim Jong Un in Vladivostok, Russia, on Wednesday.")) ==
        Triples{"RUSGOV 040 PRKGOV"});
}

TEST_CASE("the subject of coordinated verbs is shared", "[events]") {
  CHECK(triples(code("Putin met Xi Jinping and attacked Ukraine.")) ==
        Triples{"RUSGOV 040 CHNGOV", "RUSGOV 190 UKR"});
}

TEST_CASE("an apposition does not become the subject", "[events]") {
  CHECK(triples(code("Kim Taewoo, the former head of Seoul's Korea Institute for National "
                     "Unification, told the Associated Press it was true."))
            .size() == 1);
}

TEST_CASE("targetless patterns claim their trigger but code no event", "[events]") {
  // "hold military exercises" has no target: no event, and no shorter
  // pattern at "held" codes one either.
  const std::string lexicon = std::string(kLexicon) + "verb\t046\thold $T\n";
  CHECK(code("China held military exercises near Taiwan.", "2023-09-05", lexicon).empty());
  // Reciprocal patterns with a plural subject still code, each way.
  CHECK(triples(code("Putin and Xi Jinping met.")) ==
        Triples{"CHNGOV 040 RUSGOV", "RUSGOV 040 CHNGOV"});
}

TEST_CASE("a speech verb without an addressee is no event", "[events]") {
  CHECK(code("Putin said the talks were useful.").empty());
}

TEST_CASE("a user lexicon overrides and deletes built-in entries", "[events]") {
  const std::string user = std::string(kLexicon) + "verb\t195\tattack $T\nverb\t-\tvisit $T\n";
  CHECK(triples(code("Russia attacked Ukraine.", "2023-09-05", user)) == Triples{"RUS 195 UKR"});
  CHECK(code("Putin visited China.", "2023-09-05", user).empty());
}

TEST_CASE("a noun after a determiner is not a verb", "[events]") {
  // "the attack" is a noun; the lexicon only has the verb, so nothing codes.
  CHECK(code("Russia condemned the attack Ukraine suffered.").empty());
}

TEST_CASE("events carry their sentence", "[events]") {
  const auto events = code("Nothing happened here.\n\nRussia attacked Ukraine.");
  REQUIRE(events.size() == 1);
  CHECK(events[0].sentence == 1);
}

TEST_CASE("a person's code is the one of the event's date", "[events]") {
  // Trump was president in 2019 (USAGOV) and not on the publication date
  // (USAELI); the actor keeps the latter, the event the former.
  const auto events = code("In June 2019, Donald Trump met Kim Jong Un at the border.");
  REQUIRE(triples(events) == Triples{"USAELI 040 PRKGOV"});  // actors by their own code
  geokg::EventLexicon lexicon;
  lexicon.add(kLexicon, "test-lexicon");
  const geokg::Extractor extractor(geokg::Dictionary::builtin(), geokg::Ontology::builtin(),
                                   lexicon);
  geokg::Document document;
  document.key = "t";
  document.text = "In June 2019, Donald Trump met Kim Jong Un at the border.";
  document.published = geokg::EventDate::parse("2023-09-05");
  const auto record = extractor.extract(document).record;
  REQUIRE(record.events.size() == 1);
  CHECK(record.events[0].date->iso() == "2019-06");
  CHECK(record.events[0].source->code == "USAGOV");
}

TEST_CASE("extraction degrades to fewer events on text that is not prose", "[events][robust]") {
  const geokg::Extractor extractor(geokg::Dictionary::builtin(), geokg::Ontology::builtin());
  auto extract = [&](std::string text) {
    geokg::Document document;
    document.key = "robust";
    document.text = std::move(text);
    document.published = geokg::EventDate::parse("2024-01-01");
    return extractor.extract(document).record;
  };
  SECTION("a sentence of 5,000 tokens") {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "Russia attacked Ukraine and ";
    const auto record = extract(text);
    // Sentences are cut at 1,000 tokens; each piece codes what it says and
    // nothing else: every event is Russia attacking Ukraine.
    REQUIRE_FALSE(record.events.empty());
    for (const auto& event : record.events) {
      CHECK(event.code.substr(0, 2) == "19");
      CHECK(event.source->actor_key == "russia");
      CHECK(event.target->actor_key == "ukraine");
    }
  }
  SECTION("text without punctuation") {
    std::string text;
    for (int i = 0; i < 500; ++i) text += "talks sanctions Russia Ukraine China meeting visit ";
    const auto record = extract(text);
    CHECK(record.events.size() < 50);
  }
  SECTION("all capitals give nothing wrong") {
    // An all-capital line reads as a promo headline and is removed as web
    // noise; whatever is left must still be right.
    const auto record = extract("RUSSIA ATTACKED UKRAINE ON TUESDAY.\n\nTHE KREMLIN SAID NOTHING.");
    for (const auto& event : record.events) {
      CHECK(event.source->actor_key == "russia");
      CHECK(event.target->actor_key == "ukraine");
    }
  }
  SECTION("tables and lists give no events") {
    const auto record = extract(
        "| Country | Attacks | Visits |\n|---|---|---|\n| Russia | 12 | 3 |\n| Ukraine | 4 | 7 "
        "|\n\n"
        "- Russia\n- Ukraine\n- sanctions\n- talks\n");
    CHECK(record.events.empty());
  }
  SECTION("other languages give no events") {
    CHECK(
        extract("Russland hat die Ukraine am Dienstag angegriffen, sagte Berlin.").events.empty());
    CHECK(extract("La Russie a attaqué l'Ukraine mardi, selon Paris.").events.empty());
    CHECK(extract("俄罗斯周二袭击了乌克兰。").events.empty());
  }
}

TEST_CASE("intentions come from the verb chain and carry into purpose clauses", "[events]") {
  // The plan covers the journey and the meeting it is for.
  CHECK(triples(code("Kim Jong Un is planning to travel to Russia to meet Putin.")) ==
        Triples{"PRKGOV 036 RUS", "PRKGOV 036 RUSGOV"});
  // An intention elsewhere in the sentence does not turn a meeting into one.
  const auto events =
      code("Putin and Xi Jinping agreed on Monday to resume contacts after they met.");
  for (const auto& event : events) CHECK(event.code == "040");
}

TEST_CASE("the actor of an attack is the agent of a passive and the source of the noun",
          "[events]") {
  // "killed in an Israeli strike": Israel did the killing.
  CHECK(triples(code("Ismail Haniyeh was killed in an Israeli strike in Tehran.")) ==
        Triples{"ISR 1823 PSEREBHMS"});  // the dictionary knows him as a Hamas leader
  // "a Russian drone attack on Kharkiv": Russia attacked, Kharkiv stands for Ukraine.
  CHECK(triples(code("Officials described a Russian drone attack on Kharkiv.")) ==
        Triples{"RUS 195 UKR"});
}

TEST_CASE("a country's possessive before a coded name is one phrase", "[events]") {
  // "Germany's Olaf Scholz and France's Emmanuel Macron" are two leaders.
  CHECK(triples(code("Germany's Olaf Scholz and France's Emmanuel Macron met in Berlin.")) ==
        Triples{"DEUGOV 040 FRAGOV", "FRAGOV 040 DEUGOV"});
  // "Russia's Far East" is no actor of its own: the target stays Russia.
  CHECK(triples(code("North Korea sent weapons to Russia's Far East.")) == Triples{"PRK 072 RUS"});
}

TEST_CASE("what a source denies is coded negated", "[events]") {
  const auto gerund = code("Russia denied attacking Ukraine.");
  REQUIRE(gerund.size() == 1);
  CHECK(gerund[0].negated);
  const auto clause = code("Moscow denied that Russia attacked Ukraine.");
  REQUIRE(triples(clause) == Triples{"RUS 190 UKR"});
  CHECK(clause[0].negated);
  CHECK_FALSE(code("Russia attacked Ukraine.")[0].negated);
}

TEST_CASE("a relative clause between a speaker and its verb is skipped", "[events]") {
  // Putin, not Xi, is the one who speaks: the meeting he reports is his own.
  const auto events =
      code("Vladimir Putin, who met Xi Jinping last month, said relations were strong.");
  REQUIRE(triples(events) == Triples{"RUSGOV 040 CHNGOV"});
  CHECK(events[0].modality == "asserted");
}

TEST_CASE("pattern words may be actors or possessive pronouns", "[events]") {
  const std::string lexicon = std::string(kLexicon) +
                              "verb\t161\trecall ambassador from $T\n"
                              "verb\t074\tsend troops to $T\n";
  // "its" is Armenia, and still a determiner of "ambassador".
  CHECK(triples(code("Armenia recalled its ambassador from Belarus.", "2024-06-12", lexicon)) ==
        Triples{"ARM 161 BLR"});
  // "Russian troops" is an actor, and "troops" a word of the pattern.
  CHECK(triples(code("Moscow sent Russian troops to Niger.", "2024-06-12", lexicon)) ==
        Triples{"RUS 074 NER"});
}

TEST_CASE("a word after a slot may be the head of the slot's phrase", "[events]") {
  const std::string lexicon = std::string(kLexicon) +
                              "verb\t174\texpel $T\n"
                              "verb\t161\texpel $T diplomat\n";
  // Expelling a diplomat is a diplomatic break (161), expelling others 174.
  CHECK(triples(code("India expelled a Canadian diplomat.", "2024-06-12", lexicon)) ==
        Triples{"IND 161 CANGOV"});
  CHECK(triples(code("India expelled Canadian troops.", "2024-06-12", lexicon)) ==
        Triples{"IND 174 CANMIL"});
}

TEST_CASE("a threat to use force takes CAMEO's threat code", "[events]") {
  const std::string lexicon =
      std::string(kLexicon) + "verb\t190\tfight $T\nverb\t130\tthreaten $T\n";
  CHECK(triples(code("The Houthis threatened to attack Israel.", "2024-06-12", lexicon)) ==
        Triples{"YEMREB 1384 ISR"});
  CHECK(triples(code("Hezbollah has threatened to fight Israel.", "2024-06-12", lexicon)) ==
        Triples{"LBNREBHEZ 1384 ISR"});
}

TEST_CASE("a definite event noun in a temporal phrase is background", "[events]") {
  // The diplomats did not invade Ukraine; the invasion has no source here.
  const std::string lexicon = std::string(kLexicon) + "noun\t192\tinvasion of $T\n";
  CHECK(triples(code("Russia and the United States met for their first talks since the invasion "
                     "of Ukraine.",
                     "2025-02-18", lexicon)) == Triples{"RUS 040 USA", "USA 040 RUS"});
  // "after a visit to Kyiv" is the subject's own visit.
  CHECK(triples(code("Viktor Orban met Putin, days after a visit to Ukraine.", "2024-07-05",
                     lexicon)) == Triples{"HUNGOV 040 RUSGOV", "HUNGOV 042 UKR"});
  // What a speaker is concerned about is not the speaker's doing.
  const std::string arrests = std::string(kLexicon) + "noun\t173\tarrest of $T\n";
  CHECK(
      triples(code("Germany expressed concern about the arrest of opposition leaders in Venezuela.",
                   "2024-07-05", arrests))
          .empty());
}

TEST_CASE("an event noun's agent may follow it with by", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "noun\t190\tattack on $T\n";
  CHECK(triples(code("The attack by Russia on Kyiv killed ten people.", "2024-01-15", lexicon)) ==
        Triples{"RUS 190 UKR"});
}

TEST_CASE("a list opened by a preposition is not the next clause's subject", "[events]") {
  // Britain and France are agents of "condemned", not of "urged".
  CHECK(triples(code("The attack was condemned by Britain and France, and Japan urged Iran to "
                     "show restraint.")) == Triples{"JPN 0256 IRN"});
  // A list that is the subject stays one.
  CHECK(triples(code("Britain, France and Japan urged Iran to show restraint.")) ==
        Triples{"FRA 0256 IRN", "GBR 0256 IRN", "JPN 0256 IRN"});
}

TEST_CASE("the owner of a subject noun acts for it but a modifier only of an attack noun",
          "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t190\thit $T\n";
  // The owner of "missiles" fired them; missiles are aerial weapons (195).
  CHECK(triples(code("Ukraine's missiles hit Russia overnight.", "2024-04-02", lexicon)) ==
        Triples{"UKR 195 RUS"});
  // "U.S. sanctions hit Russia" is no attack by the United States.
  CHECK(code("U.S. sanctions hit Russia hard.", "2024-04-02", lexicon).empty());
}

TEST_CASE("an event noun takes the intention of the verb that governs it", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "noun\t072\tmilitary aid to $T\n";
  const auto events = code("The United States said it would resume military aid to Ukraine.",
                           "2024-05-20", lexicon);
  REQUIRE(triples(events) == Triples{"USA 0332 UKR"});
  CHECK(events[0].modality == "intended");
}

TEST_CASE("a reaction to an event named by a noun targets whoever did that event", "[events]") {
  const std::string lexicon = std::string(kLexicon) +
                              "verb\t111\tcondemn $T\n"
                              "verb\t111\tcriticise $T\n"
                              "verb\t195\tfire missiles at $T\n"
                              "noun\t190\tstrike on $T\n";
  const auto reactions = [&](const std::string& text) {
    return coded_as("111", code(text, "2024-04-14", lexicon));
  };
  // The object names the strikes of the sentence before.
  CHECK(reactions("Russia fired missiles at Kyiv on Sunday. Germany condemned the strikes.") ==
        Triples{"DEU 111 RUS"});
  // The subject of a passive verb, and a list of agents after "by".
  CHECK(reactions("Russia fired missiles at Kyiv on Sunday. The attack was condemned by Britain "
                  "and France.") == Triples{"FRA 111 RUS", "GBR 111 RUS"});
  // A noun that is no trigger of its own names the main event of the latest
  // sentence, not the strike it mentions in passing.
  CHECK(reactions("Russia fired missiles at Kyiv, saying it was answering a Ukrainian strike on "
                  "Belgorod. France condemned the attack.") == Triples{"FRA 111 RUS"});
  // A visit is a consultation: "the trip" names it, "the strikes" do not.
  CHECK(reactions("Viktor Orban visited Moscow on Friday. Germany criticised the trip.") ==
        Triples{"DEU 111 HUNGOV"});
  CHECK(reactions("Viktor Orban visited Moscow on Friday. Germany condemned the strikes.").empty());
  // Nothing earlier to name, or only the reacting actor's own deed: no event.
  CHECK(reactions("Germany condemned the launch.").empty());
  CHECK(reactions("Russia fired missiles at Kyiv. Russia condemned the strikes.").empty());
  // An actor in the object slot is the target as before.
  CHECK(reactions("Russia fired missiles at Kyiv. Germany condemned Russia.") ==
        Triples{"DEU 111 RUS"});
}

TEST_CASE("a reaction's event noun names its doer in its own phrase", "[events]") {
  const std::string lexicon = std::string(kLexicon) +
                              "verb\t111\tcondemn $T\n"
                              "verb\t141\tprotest against $T\n"
                              "noun\t173\tarrest of $T\n"
                              "noun\t1823\tkilling of $T\n";
  const auto coded = coding_with(lexicon);
  // The doer after "by", past a title and a name, is the reaction's target
  // and the noun's own source.
  CHECK(coded("Iran condemned the killing of Hamas leader Ismail Haniyeh by Israel.") ==
        Triples{"IRN 111 ISR", "ISR 1823 PSEREBHMS"});
  // An actor used as the noun's adjective.
  CHECK(coded("China condemned the Israeli killing of Ismail Haniyeh.") ==
        Triples{"CHN 111 ISR", "ISR 1823 PSEREBHMS"});
  // A protest is a reaction too.
  CHECK(coded("Lithuania protested against the arrest of its citizen by Belarus.") ==
        Triples{"BLR 173 LTU", "LTU 141 BLR"});
  // Whoever did the arrest, it was not the clause's subject: "the US
  // ambassador" is the subject of "to protest", not the arrester.
  CHECK(coded("Russia summoned the US ambassador to protest against the arrest of a Russian "
              "citizen.")
            .empty());
  CHECK(coded("Russia condemned the arrest of a Russian journalist in Poland.").empty());
}

TEST_CASE("a pattern's gap passes scare quotes, not a quotation", "[events]") {
  const std::string lexicon =
      std::string(kLexicon) + "verb\t130\tthreaten to take action against $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("North Korea threatened to take \"overwhelming\" action against South Korea.") ==
        Triples{"PRK 130 KOR"});
  CHECK(coded("North Korea threatened to take \u201cstrong\u201d action against South Korea.") ==
        Triples{"PRK 130 KOR"});
  // A quotation that opens reported speech is no gap.
  CHECK(coded("North Korea threatened to take \"the necessary steps and action\" against South "
              "Korea.")
            .empty());
}

TEST_CASE("a noun's pattern stays in its noun phrase", "[events]") {
  const auto coded = coding_with(std::string(kLexicon));
  // "war ... with" across the clause's verb is no war with Hamas.
  CHECK(coded("Israel's war cabinet approved a deal with Hamas.").empty());
  CHECK(coded("Israel's war with Hamas entered its third month.") == Triples{"ISR 190 PSEREBHMS"});
  // A participle after a determiner is an adjective: the gap goes on.
  CHECK(coded("Russia's long war in the east with Ukraine went on.") == Triples{"RUS 190 UKR"});
}

TEST_CASE("an event noun called for, or given as a cause, is not the subject's deed", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "noun\t062\tarms sales to $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("The Pope called for talks between Russia and Ukraine.").empty());
  CHECK(coded("Talks between Russia and Ukraine began.") == Triples{"RUS 040 UKR", "UKR 040 RUS"});
  CHECK(coded("China imposed sanctions on Lockheed over arms sales to Taiwan.") ==
        Triples{"CHN 163 Lockheed"});
  CHECK(coded("China halted arms sales to Taiwan.") == Triples{"CHN 062 TWN"});
}

TEST_CASE("an event noun takes the mood of the verb past its modifiers", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "noun\t040\ttalks with $T\n";
  const auto events =
      code("Russia proposed to open membership talks with Ukraine.", "2024-06-25", lexicon);
  REQUIRE(triples(events) == Triples{"RUS 036 UKR"});
  CHECK(events[0].modality == "intended");
}

TEST_CASE("the act an appeal asks for names its finer code", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t020\tcall on $T to\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Pakistan urged Iran to halt the deportations.") == Triples{"PAK 025 IRN"});
  CHECK(coded("Egypt urged Israel to halt its offensive in Rafah.") == Triples{"EGY 0256 ISR"});
  CHECK(coded("The EU called on Russia to immediately release the journalist.") ==
        Triples{"IGOEUREEC 0253 RUS"});
  CHECK(coded("China urged the United States to lift sanctions.") == Triples{"CHN 0254 USA"});
  CHECK(coded("Japan urged China to lift the ban on its seafood.") == Triples{"JPN 0254 CHN"});
  CHECK(coded("Bangladesh urged India to hand back Sheikh Hasina.") == Triples{"BGD 0213 IND"});
  CHECK(coded("Mexico urged Washington to share what it knows.") == Triples{"MEX 0214 USA"});
  CHECK(coded("The United States urged Syria to normalise relations with Israel.") ==
        Triples{"USA 022 SYR"});
  CHECK(coded("France urged Iran to resume talks.") == Triples{"FRA 026 IRN"});
  CHECK(coded("France urged Iran to de-escalate.") == Triples{"FRA 0256 IRN"});
  // Weapons asked for are military aid; "supply" is no adverb before it.
  CHECK(coded("Ukraine urged Germany to supply Taurus missiles.") == Triples{"UKR 0232 DEU"});
  CHECK(coded("Ukraine urged Germany to speed up deliveries of air defence systems.") ==
        Triples{"UKR 0232 DEU"});
  CHECK(coded("The UN urged donors to send more food to Gaza.") == Triples{});
  // An act with no finer appeal keeps the general one.
  CHECK(coded("Russia urged Serbia to stay neutral.") == Triples{"RUS 020 SRB"});
  CHECK(coded("Russia urged Serbia to return home.") == Triples{"RUS 020 SRB"});
}

TEST_CASE("talks a visit was for are the visitor's", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "noun\t040\ttalks with $T\n" +
                              "verb\t112\tblame $T for\n" + "noun\t190\tattacks on $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("France visited Chad for talks with Niger.") ==
        Triples{"FRA 040 NER", "FRA 042 TCD"});
  // "blamed X for attacks": the attacks are still X's.
  CHECK(coded("Russia blamed Ukraine for attacks on Belarus.") ==
        Triples{"RUS 1123 UKR", "UKR 190 BLR"});
}

TEST_CASE("a later subordinate clause frames and places only itself", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t161\texpel $T diplomat\n";
  const auto events = code(
      "Canada expelled an Indian diplomat after Trudeau said agents were "
      "behind a killing in British Columbia.",
      "2023-09-18", lexicon);
  REQUIRE(triples(events) == Triples{"CAN 161 INDGOV"});
  CHECK(events[0].modality == "asserted");
  CHECK(events[0].location.empty());
  // A speaker after a comma still frames the clause before it.
  const auto framed =
      code("Canada expelled an Indian diplomat, Germany said.", "2023-09-18", lexicon);
  REQUIRE(framed.size() == 1);
  CHECK(framed[0].modality == "reported");
}

TEST_CASE("an -ing form that a verb follows is a noun", "[events]") {
  const std::string lexicon =
      std::string(kLexicon) + "verb\t190\tfight $T\n" + "verb\t195\tstrike $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Thailand struck Cambodia as fighting erupted along Cambodia's border.") ==
        Triples{"THA 195 KHM"});
  CHECK(coded("Armenia kept fighting Azerbaijan.") == Triples{"ARM 190 AZE"});
}

TEST_CASE("a participle before an object describes it", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t0841\trelease $T\n" +
                              "verb\t173\tjail $T\n" + "verb\t163\timpose tariffs on $T\n";
  const auto coded = coding_with(lexicon);
  // "jailed" is no arrest here: the release's object is the jailed.
  CHECK(coded("Venezuela released several jailed Colombian activists.") ==
        Triples{"VEN 0841 COLOPP"});
  // A percentage is a quantity in a pattern's gap.
  CHECK(coded("Canada imposed a 100% tariff on China.") == Triples{"CAN 163 CHN"});
}

TEST_CASE("an -ing form after a preposition and a nationality is a noun", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t194\tshell $T\n";
  const auto coded = coding_with(lexicon);
  // Not the soldiers shelling Ukraine: Russia's shelling killed them (fighters killed are
  // fighting, 190).
  CHECK(coded("Two Ukrainian soldiers were killed by Russian shelling in Donetsk.") ==
        Triples{"RUS 190 UKRMIL"});
  CHECK(coded("Russia is shelling Ukraine.") == Triples{"RUS 194 UKR"});
}

TEST_CASE("what an actor declines, refuses or fails to do is negated", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t111\tcondemn $T\n";
  for (const auto* text : {"Japan declined to impose sanctions on Russia.",
                           "Japan refused to impose sanctions on Russia.",
                           "Japan failed to impose sanctions on Russia."}) {
    INFO(text);
    const auto events = code(text, "2024-06-25", lexicon);
    REQUIRE(triples(events) == Triples{"JPN 163 RUS"});
    CHECK(events[0].negated);
  }
  const auto short_of = code("Japan stopped short of condemning Russia.", "2024-06-25", lexicon);
  REQUIRE(triples(short_of) == Triples{"JPN 111 RUS"});
  CHECK(short_of[0].negated);
  const auto imposed = code("Japan decided to impose sanctions on Russia.", "2024-06-25", lexicon);
  REQUIRE(imposed.size() == 1);
  CHECK_FALSE(imposed[0].negated);
}

TEST_CASE("a sea is a location and no one's territory", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t195\tfire missiles into $T\tplace\n" +
                              "verb\t062\thold joint exercises\treciprocal\n" +
                              "verb\t042\tfly to $T\tplace\n";
  const auto coded = coding_with(lexicon);
  // Not an attack on Asia.
  CHECK(coded("North Korea fired missiles into the Sea of Japan.").empty());
  CHECK(coded("North Korea fired missiles into Japan.") == Triples{"PRK 195 JPN"});
  const auto drills =
      code("Russia and China held joint exercises in the Sea of Japan.", "2024-06-25", lexicon);
  REQUIRE(triples(drills) == Triples{"CHN 062 RUS", "RUS 062 CHN"});
  CHECK(drills[0].location == "Sea of Japan");
  // "flew close to" goes nowhere.
  CHECK(coded("Chinese jets flew close to a Canadian aircraft.").empty());
}

TEST_CASE("a verb after a pattern's \"to\" opens its own infinitive", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t036\tagree to talks\treciprocal\n" +
                              "verb\t046\tresume talks with $T\treciprocal\n";
  const auto coded = coding_with(lexicon);
  // Not "agree to talks", which claims the trigger and names no one.
  CHECK(coded("Armenia agreed to resume talks with Azerbaijan.") == Triples{"ARM 036 AZE"});
  CHECK(coded("Armenia and Azerbaijan agreed to talks.") == Triples{"ARM 036 AZE", "AZE 036 ARM"});
}

TEST_CASE("of several subjects of a visit, the one at home is the host", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "noun\t042\tstate visit to $T\tplace\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Putin and Xi Jinping signed a statement during a state visit to Beijing.") ==
        Triples{"RUSGOV 042 CHN"});
  CHECK(coded("Xi Jinping paid a state visit to Beijing.") == Triples{"CHNGOV 042 CHN"});
}

TEST_CASE("a denied accusation answers whoever made it", "[events]") {
  const std::string lexicon = std::string(kLexicon) +
                              "verb\t016\tdeny\tspeech\n"
                              "verb\t016\treject\n"
                              "verb\t016\tdismiss allegation\n"
                              "verb\t120\treject $T\n"
                              "verb\t070\tsupply $T with\n"
                              "verb\t194\tfire rockets into $T\tplace\n";
  const auto denials = [&](const std::string& text) {
    return coded_as("016", code(text, "2024-06-20", lexicon));
  };
  // An appositive after the accusation itself.
  CHECK(denials("Pakistan accused Afghanistan of sheltering militants, a charge Kabul denies.") ==
        Triples{"AFG 016 PAK"});
  // The accuser is whoever said it ...
  CHECK(denials("Thai officials said Cambodian troops fired rockets into Thailand, an accusation "
                "Phnom Penh rejected.") == Triples{"KHM 016 THAGOV"});
  // ... or the source "according to" names.
  CHECK(denials("North Korea supplied Russia with shells, according to Japan, an allegation "
                "Pyongyang denies.") == Triples{"PRK 016 JPN"});
  // The object of the denial, in a later sentence.
  CHECK(denials("Canada accused India of plotting the killing. India dismissed the allegations as "
                "absurd.") == Triples{"IND 016 CAN"});
  // Something rejected that is no accusation codes no denial.
  CHECK(denials("Japan said Hungary should lift its veto. Hungary rejected the plan.").empty());
}

TEST_CASE("who acts on whom refines the lexicon's code of force", "[events]") {
  const std::string lexicon = std::string(kLexicon) +
                              "verb\t190\tstrike $T\n"
                              "verb\t190\tshoot down $T\n"
                              "verb\t193\topen fire on $T\n";
  const auto coded = coding_with(lexicon);
  // Force that police or soldiers use on protesters is repression.
  CHECK(coded("Kenyan police opened fire on protesters in Nairobi.") ==
        Triples{"KENCOP 175 KENOPP"});
  CHECK(coded("Iranian security forces killed protesters in Tehran.") ==
        Triples{"IRNCOP 175 IRNOPP"});
  // Killing fighters is fighting; killing civilians or a named leader stays a killing.
  CHECK(coded("Tuareg rebels killed Malian soldiers near the border.") ==
        Triples{"MLIREB 190 MLIMIL"});
  CHECK(coded("Malian soldiers killed Malian civilians near the border.") ==
        Triples{"MLIMIL 1823 MLICVL"});
  CHECK(coded("Israel killed Hamas leader Ismail Haniyeh in Tehran.") ==
        Triples{"ISR 1823 PSEREBHMS"});
  // Force from aircraft and drones is aerial; from ground troops it is not.
  CHECK(coded("British warplanes struck Houthi targets in Yemen.") == Triples{"GBRMIL 195 YEMREB"});
  CHECK(coded("A U.S. fighter jet shot down a Chinese balloon.") == Triples{"USAMIL 195 CHN"});
  CHECK(coded("Russian troops struck Ukraine.") == Triples{"RUSMIL 190 UKR"});
}

TEST_CASE("what an accusation charges gives CAMEO's subcode", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t112\tblame $T for\n";
  const auto coded = coding_with(lexicon);
  CHECK(
      coded("The European Union accused the RSF of carrying out a campaign of ethnic cleansing.") ==
      Triples{"IGOEUREEC 1124 SDNREB"});
  CHECK(coded("Colombia accused the ELN of committing war crimes.") == Triples{"COL 1124 COLREB"});
  CHECK(coded("Poland accused Moscow of waging a hybrid war against it.") ==
        Triples{"POL 1123 RUS"});
  CHECK(coded("Israel accused Iran of directing the hijacking.") == Triples{"ISR 1121 IRN"});
  CHECK(coded("Russia blamed Ukraine for the sabotage of the pipeline.") ==
        Triples{"RUS 1125 UKR"});
  // Someone else's war is not the charge; with no charge named the code stays 112.
  CHECK(coded("NATO accused China of becoming an enabler of Russia's war.") ==
        Triples{"IGOWSTNAT 112 CHN"});
  CHECK(coded("Japan accused China of dishonesty.") == Triples{"JPN 112 CHN"});
}

TEST_CASE("quantities between a verb and its object are skipped", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t190\tstrike $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Russian troops struck more than 60 Ukrainian positions.") ==
        Triples{"RUSMIL 190 UKRMIL"});
  CHECK(coded("Rebels killed at least 20 Malian soldiers.") == Triples{"MLIREB 190 MLIMIL"});
  CHECK(coded("Nigerian gunmen killed dozens of Nigerian civilians.") ==
        Triples{"NGAUAF 1823 NGACVL"});
}

TEST_CASE("a subject after an indefinite article is an actor when it names one", "[events]") {
  // "a Russian warship" is an actor; "a U.S. proposal" is not the United States.
  CHECK(triples(code("A Russian warship attacked Ukraine.")) == Triples{"RUSMIL 190 UKR"});
  CHECK(triples(code("A U.S. proposal attacked Ukraine.")).empty());
}

TEST_CASE("a quantity opening a clause leads to its subject", "[events]") {
  // "Hundreds of Russian troops" and "Thousands of protesters" are subjects;
  // "killed dozens of soldiers" keeps them an object.
  CHECK(triples(code("Hundreds of Russian troops attacked Ukraine.")) == Triples{"RUSMIL 190 UKR"});
  CHECK(triples(code("Ukraine said thousands of Russian troops attacked Kharkiv.")) ==
        Triples{"RUSMIL 190 UKR"});
  const std::string lexicon = std::string(kLexicon) + "noun\t190\tfighting\treciprocal\n";
  CHECK(triples(code("Malian rebels killed dozens of Russian troops in fighting.", "2024-06-25",
                     lexicon)) == Triples{"MLIREB 190 RUSMIL"});
}

TEST_CASE("protesters' violence is rioting and a hundred killed a mass killing", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t190\tstorm $T\tplace\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Kenyan protesters stormed Kenya's parliament.") == Triples{"KENOPP 145 KENLEG"});
  CHECK(coded("Russian troops stormed the Ukrainian town of Avdiivka.") ==
        Triples{"RUSMIL 190 UKR"});
  // A hundred or more killed, in figures or in words; fewer stay a killing.
  CHECK(coded("Hamas gunmen killed more than 1,200 people in southern Israel.") ==
        Triples{"PSEREBHMS 202 ISR"});
  CHECK(coded("Russian forces killed hundreds of Ukrainian civilians.") ==
        Triples{"RUSMIL 202 UKRCVL"});
  CHECK(coded("Russian forces killed 12 Ukrainian civilians.") == Triples{"RUSMIL 1823 UKRCVL"});
  // Fighters killed in hundreds are casualties of fighting, not a massacre.
  CHECK(coded("Nigerian soldiers killed 150 Nigerian militants.") == Triples{"NGAMIL 190 NGAREB"});
}

TEST_CASE("a vow to use force is a threat", "[events]") {
  const std::string lexicon = std::string(kLexicon) +
                              "verb\t190\tdestroy $T\n"
                              "verb\t030\thelp $T\n";
  const auto coded = [&](const std::string& text) { return code(text, "2024-06-25", lexicon); };
  const auto vow = coded("Israel vowed to destroy Hamas.");
  REQUIRE(triples(vow) == Triples{"ISR 1384 PSEREBHMS"});
  CHECK(vow[0].modality == "intended");
  // A vow of anything else keeps its intent code; force done is force.
  CHECK(triples(coded("Japan vowed to help Ukraine.")) == Triples{"JPN 030 UKR"});
  CHECK(triples(coded("Israel destroyed Hamas.")) == Triples{"ISR 190 PSEREBHMS"});
}

TEST_CASE("a country before a pattern word is an adjective of that word", "[events]") {
  const std::string lexicon = std::string(kLexicon) +
                              "verb\t162\tcut aid to $T\n"
                              "noun\t070\taid to $T\n";
  CHECK(triples(code("The United States cut U.S. aid to South Africa.", "2024-06-25", lexicon)) ==
        Triples{"USA 162 ZAF"});
}

TEST_CASE("that right before a verb is a relative pronoun", "[events]") {
  // The strike killed the soldiers: Washington, before "that", did not.
  CHECK(triples(code("Kataib Hezbollah is the militia that Washington blames for a drone strike "
                     "that killed three U.S. soldiers in Jordan."))
            .empty());
  // A complementiser "that" is followed by its clause's subject.
  CHECK(triples(code("Officials said that Russia attacked Ukraine.")) == Triples{"RUS 190 UKR"});
  // An actor right before "that" is its antecedent.
  CHECK(triples(code("The Russian troops that attacked Ukraine withdrew.")) ==
        Triples{"RUSMIL 190 UKR"});
}

TEST_CASE("an event noun that is blocked is negated", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "noun\t070\taid for $T\n";
  const auto blocked =
      code("Hungary blocked an EU aid package for Ukraine.", "2024-06-25", lexicon);
  REQUIRE(triples(blocked) == Triples{"IGOEUREEC 070 UKR"});
  CHECK(blocked[0].negated);
  const auto given = code("The EU announced an aid package for Ukraine.", "2024-06-25", lexicon);
  REQUIRE(triples(given) == Triples{"IGOEUREEC 070 UKR"});
  CHECK_FALSE(given[0].negated);
}

TEST_CASE("an event noun that names what a case or charge is about is no event", "[events]") {
  const std::string lexicon = std::string(kLexicon) +
                              "noun\t203\tgenocide against $T\n"
                              "verb\t115\tfile case against $T\n";
  const auto coded = coding_with(lexicon, "2024-01-12");
  CHECK(coded("South Africa filed a genocide case against Israel.") == Triples{"ZAF 115 ISR"});
  // The same noun before anything else is the event itself.
  CHECK(coded("Officials decried Russia's genocide against Ukraine.") == Triples{"RUS 203 UKR"});
}

TEST_CASE("an actor modifying an attack noun is the subject of its verb", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t190\tdestroy $T\nverb\t190\thit $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("An Israeli airstrike destroyed the Iranian consulate.") == Triples{"ISR 195 IRN"});
  // "-s" forms reach their subject through the attack noun too.
  CHECK(coded("Israeli strikes kill Palestinian civilians.") == Triples{"ISR 1823 PSECVL"});
  CHECK(coded("Russian missiles hit Kyiv overnight.") == Triples{"RUS 195 UKR"});
  // Ground force stays unspecified, and an attack after a preposition is
  // no subject.
  CHECK(coded("A Russian attack destroyed Ukraine's power grid.") == Triples{"RUS 190 UKR"});
  CHECK(coded("Ten people killed in an Israeli strike attacked nobody.").empty());
}

TEST_CASE("a subordinate clause with a subject of its own names no actor", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t190\tstorm $T\tplace\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Noboa declared an emergency after gunmen stormed a studio in Guayaquil.").empty());
  // Not the police: the protesters stormed it.
  CHECK(coded("Kenyan police fired tear gas as protesters stormed Kenya's parliament.") ==
        Triples{"KENOPP 145 KENLEG"});
  // An actor in the clause is its subject; a comma closes a clause before it.
  CHECK(coded("Israel retaliated after Hamas attacked Egypt.") == Triples{"PSEREBHMS 190 EGY"});
  CHECK(coded("Russia, after weeks of fighting, attacked Ukraine.") == Triples{"RUS 190 UKR"});
  // "as" in "such as" and "as well as" opens no clause.
  CHECK(coded("Armed groups such as Hezbollah attacked Israel.") == Triples{"LBNREBHEZ 190 ISR"});
}

TEST_CASE("force used on what an actor owns is used on the actor", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t190\tstrike $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Pakistani warplanes struck suspected hideouts of the Pakistani Taliban.") ==
        Triples{"PAKMIL 195 PAKREB"});
  CHECK(coded("Sudan's army struck positions of the RSF.") == Triples{"SDNMIL 190 SDNREB"});
  // Other nouns keep their "of" to themselves.
  CHECK(coded("Russia struck a warehouse full of Ukrainian grain.").empty());
}

TEST_CASE("pattern words and slots skip names and infinitives that are not theirs", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t195\tfire missiles at $T\n";
  const auto coded = coding_with(lexicon);
  // An unknown name modifying a pattern word: "ATACMS missiles".
  CHECK(coded("Ukraine fired ATACMS missiles at a Russian arms depot.") == Triples{"UKR 195 RUS"});
  // "a visit to reassure Ukraine": "to" opens an infinitive, not the destination.
  CHECK(coded("Blinken arrived on a visit to reassure Ukraine of American support.").empty());
  CHECK(coded("Blinken paid a visit to Ukraine.") == Triples{"USAGOV 042 UKR"});
}

TEST_CASE("a promised amount of aid is an intention to give it", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "noun\t072\tmilitary aid to $T\n";
  const auto events = code("Biden pledged an additional $500 million in military aid to Ukraine.",
                           "2023-02-20", lexicon);
  REQUIRE(triples(events) == Triples{"USAGOV 0332 UKR"});
  CHECK(events[0].modality == "intended");
  // Aid given is no promise.
  CHECK(triples(code("Biden sent $500 million in military aid to Ukraine.", "2023-02-20",
                     lexicon)) == Triples{"USAGOV 072 UKR"});
}

TEST_CASE("the means of a verb's act belongs to its subject, not its object", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "noun\t195\tairstrike on $T\tplace\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Israel killed Hamas leader Ismail Haniyeh in an airstrike on Tehran.") ==
        Triples{"ISR 1823 PSEREBHMS", "ISR 195 IRN"});
}

TEST_CASE("a definite event noun after for is the cause, not the subject's act", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "noun\t1823\tkilling of $T\n" +
                              "verb\t130\tvow punishment against $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Iran vowed punishment against Israel for the killing of Hamas leader Ismail "
              "Haniyeh.") == Triples{"IRN 130 ISR"});
}

TEST_CASE("a date between a verb chain's words keeps the chain", "[events]") {
  const std::string lexicon = std::string(kLexicon) +
                              "verb\t054\trestore diplomatic relations\treciprocal\n"
                              "verb\t032\tagree to talks\n";
  const auto events = code(
      "Saudi Arabia and Iran agreed on Friday to restore diplomatic relations "
      "after talks in Beijing.",
      "2023-03-10", lexicon);
  // Intended, and not swallowed by "agree to talks" across "after".
  CHECK(triples(events) == Triples{"IRN 032 SAU", "SAU 032 IRN"});
  for (const auto& event : events) CHECK(event.modality == "intended");
}

TEST_CASE("sanctions on what is in a country are on the country", "[events]") {
  const auto coded = coding_with(std::string(kLexicon));
  CHECK(coded("The United States imposed sanctions on more than 500 targets in Russia.") ==
        Triples{"USA 163 RUS"});
  // In a document that names the European Union, Brussels is the Union.
  CHECK(coded("The European Union met. Brussels imposed sanctions on firms in China and India.") ==
        Triples{"IGOEUREEC 163 CHN", "IGOEUREEC 163 IND"});
  CHECK(coded("Brussels imposed sanctions on Russia.") == Triples{"BEL 163 RUS"});
}

TEST_CASE("a speaker frames only the clauses of its own sentence part", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t161\trecall ambassador from $T\n";
  const auto events = code(
      "Iran said it attacked militants in Pakistan, and Pakistan recalled its "
      "ambassador from Iran.",
      "2024-01-18", lexicon);
  REQUIRE(coded_as("161", events) == Triples{"PAK 161 IRN"});
  // Iran speaks for its own attack; Pakistan's recall is no part of it.
  for (const auto& event : events) CHECK(event.modality == "asserted");
  const auto framed =
      code("Pakistan recalled its ambassador from Iran, Iran said.", "2024-01-18", lexicon);
  REQUIRE(triples(framed) == Triples{"PAK 161 IRN"});
  CHECK(framed[0].modality == "reported");
}

TEST_CASE("force on unnamed people targets the civilians of their country", "[events]") {
  const auto coded = coding_with(std::string(kLexicon));
  // A place in the sentence says whose civilians they are; a hundred or more
  // killed is mass killing.
  CHECK(coded("Hamas killed more than 100 people in Tel Aviv.") == Triples{"PSEREBHMS 202 ISRCVL"});
  // Without a place, a source inside its own country: rebels, police.
  CHECK(coded("Malian rebels killed 30 villagers.") == Triples{"MLIREB 1823 MLICVL"});
  CHECK(coded("Kenyan police killed five people.") == Triples{"KENCOP 175 KENCVL"});
  // A foreign army without a place leaves them unknown.
  CHECK(coded("Russian troops killed 12 people.").empty());
  // Victims of force already coded in the sentence are not coded again.
  CHECK(coded("Kenyan police attacked Kenyan protesters, killing five people.") ==
        Triples{"KENCOP 175 KENOPP"});
}

TEST_CASE("a launch with no target can be what a reaction condemns", "[events]") {
  const std::string lexicon =
      std::string(kLexicon) + "verb\t150\tlaunch satellite\n" + "verb\t111\tcondemn $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("North Korea launched a spy satellite on Tuesday. Japan and South Korea condemned "
              "the launch.") == Triples{"JPN 111 PRK", "KOR 111 PRK"});
}

TEST_CASE("what an actor is warned against has not happened", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t130\twarn $T against\n" +
                              "verb\t051\tsupport $T\n" + "noun\t040\ttalks with $T\treciprocal\n";
  const auto events =
      code("Blinken warned China against supporting Russia's war during talks with Xi.",
           "2024-04-26", lexicon);
  REQUIRE(triples(events) == Triples{"CHN 051 RUS", "USAGOV 040 CHNGOV", "USAGOV 130 CHN"});
  for (const auto& event : events) {
    CHECK(event.modality == (event.code == "051" ? "hypothetical" : "asserted"));
  }
}

TEST_CASE("the employees of an actor stand for it", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t173\tcharge $T with\n";
  CHECK(triples(code("The United States charged two employees of Russian state media with fraud.",
                     "2024-09-06", lexicon)) == Triples{"USA 173 RUSMED"});
}

TEST_CASE("a nationality and a common noun before a name describe the name", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t043\thost $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("China hosted rival Palestinian factions Hamas and Fatah in Beijing.") ==
        Triples{"CHN 043 PSEPTYFTA", "CHN 043 PSEREBHMS"});
  CHECK(coded("Israel attacked the Lebanese group Hezbollah.") == Triples{"ISR 190 LBNREBHEZ"});
  // A conjunction is no common noun: both countries are the targets.
  CHECK(coded("Iran attacked Israel and Hamas.") == Triples{"IRN 190 ISR", "IRN 190 PSEREBHMS"});
}

TEST_CASE("a pattern's gap does not cross an infinitive", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t019\tagree with $T\n" +
                              "verb\t054\trestore ties with $T\treciprocal\n";
  const auto coded = coding_with(lexicon);
  // "agree with $T" would skip "to restore diplomatic ties" and take Iran.
  CHECK(coded("Saudi Arabia agreed to restore diplomatic ties with Iran.") ==
        Triples{"SAU 032 IRN"});
  // Without the infinitive, the gap is read as before.
  CHECK(coded("Japan agreed on Friday with South Korea.") == Triples{"JPN 019 KOR"});
}

TEST_CASE("a deal brokered by a third party is its mediation between the parties", "[events]") {
  const std::string lexicon =
      std::string(kLexicon) + "verb\t057\tsign deal\treciprocal\n" + "verb\t045\tbroker by $S\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Saudi Arabia and Iran signed a deal brokered by China.") ==
        Triples{"CHN 045 IRN", "CHN 045 SAU", "IRN 057 SAU", "SAU 057 IRN"});
}

TEST_CASE("a noun's pattern matches only noun forms", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t190\tstrike $T\n" +
                              "noun\t195\tmissile strike\n" + "noun\t195\tmissile strike on $T\n";
  const auto coded = coding_with(lexicon);
  // "missiles struck" is no "missile strike" without a target, which would
  // claim the verb.
  CHECK(coded("Russian missiles struck Ukraine overnight.") == Triples{"RUS 195 UKR"});
  CHECK(coded("A Russian missile strike on Ukraine killed five people.") == Triples{"RUS 195 UKR"});
}

TEST_CASE("a passive whose subject is the pattern's object takes its target from the pattern",
          "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t163\timpose sanctions on $T\n" +
                              "verb\t072\tsend weapons to $T\n" +
                              "verb\t057\tsign deal\treciprocal\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("New sanctions were imposed by the European Union on Belarus.") ==
        Triples{"IGOEUREEC 163 BLR"});
  // The agent may come last.
  CHECK(coded("Weapons were sent to Ukraine by Germany.") == Triples{"DEU 072 UKR"});
  CHECK(coded("The deal was signed by Israel and Egypt.") == Triples{"EGY 057 ISR", "ISR 057 EGY"});
  // Without an agent there is no event: the subject is no target.
  CHECK(coded("Sanctions were imposed on Belarus.") == Triples{});
}

TEST_CASE("acts that need no target are coded with their source alone", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t1724\tdeclare state of emergency\n" +
                              "verb\t011\tdecline to comment\n" + "verb\t154\tmass troops\n" +
                              "verb\t016\tdeny\tspeech\n" + "verb\t016\treject\n" +
                              "verb\t150\thold military exercises\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Ecuador declared a state of emergency on Monday.") == Triples{"ECU 1724 -"});
  CHECK(coded("Russia has massed troops near the border.") == Triples{"RUS 154 -"});
  CHECK(coded("Rwanda denied supporting the rebels.") == Triples{"RWA 016 -"});
  CHECK(coded("Israel declined to comment on the blasts.") == Triples{"ISR 011 -"});
  // A plain "rejected" names no act of its own; other targetless patterns
  // still claim their trigger without coding.
  CHECK(coded("Rwanda rejected the report.") == Triples{});
  CHECK(coded("China held military exercises on Monday.") == Triples{});
}

TEST_CASE("a meeting in a country that is neither side's is at a third location", "[events]") {
  const auto coded = coding_with(std::string(kLexicon));
  CHECK(coded("Congo met Rwanda in Doha on Tuesday.") == Triples{"COD 044 RWA"});
  CHECK(coded("Congo met Rwanda in Kinshasa on Tuesday.") == Triples{"COD 040 RWA"});
  // Of three countries in one's capital, every pair stays a meeting.
  CHECK(coded("France, Germany and Poland met in Berlin.") ==
        Triples{"DEU 040 FRA", "DEU 040 POL", "FRA 040 DEU", "FRA 040 POL", "POL 040 DEU",
                "POL 040 FRA"});
}

TEST_CASE("shelling from the air is an air strike, and a stopped act did not happen", "[events]") {
  const std::string lexicon =
      std::string(kLexicon) + "verb\t194\tpound $T\n" + "verb\t195\tbomb $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Israeli warplanes pounded Gaza overnight.") == Triples{"ISRMIL 195 PSE"});
  CHECK(coded("Israeli artillery pounded Gaza overnight.") == Triples{"ISRMIL 194 PSE"});
  const auto stopped = code("The United States would stop bombing Yemen.", "2024-06-25", lexicon);
  REQUIRE(stopped.size() == 1);
  CHECK(stopped[0].negated);
  const auto bombed =
      code("The United States stopped the convoy and bombed Yemen.", "2024-06-25", lexicon);
  REQUIRE(bombed.size() == 1);
  CHECK_FALSE(bombed[0].negated);
}

TEST_CASE("a vow's force reaches an event noun past quotes and adjectives in -ly", "[events]") {
  const std::string lexicon =
      std::string(kLexicon) + "noun\t190\twar against $T\n" + "verb\t040\tcontinue $T\n";
  const auto coded = coding_with(lexicon);
  // A vowed war is a threat of a military attack (1384).
  CHECK(coded("Hezbollah vowed to continue its \"holy war\" against Israel.") ==
        Triples{"LBNREBHEZ 1384 ISR"});
  CHECK(coded("Hezbollah vowed to continue its deadly war against Israel.") ==
        Triples{"LBNREBHEZ 1384 ISR"});
  CHECK(coded("Hezbollah continued its deadly war against Israel.") ==
        Triples{"LBNREBHEZ 190 ISR"});
}

TEST_CASE("a reaction to a verdict or a pact answers who gave or signed it", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t116\tsentence $T\n" +
                              "verb\t111\tcondemn $T\n" + "verb\t057\tsign treaty\treciprocal\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("A Bosnian state court sentenced Bosnian Serb leader Milorad Dodik to a year in "
              "prison. Serbia condemned the ruling on Thursday.") ==
        Triples{"BIHJUD 116 BIHGOV", "SRB 111 BIHJUD"});
  CHECK(coded("Russia and North Korea signed a treaty on Wednesday. South Korea condemned the "
              "pact on Thursday.") ==
        Triples{"KOR 111 PRK", "KOR 111 RUS", "PRK 057 RUS", "RUS 057 PRK"});
}

TEST_CASE("a target slot does not reach past a conjunction that opens a clause", "[events]") {
  const std::string lexicon =
      std::string(kLexicon) + "verb\t1823\tkill $T\n" + "verb\t163\timpose sanctions on $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Pakistan said the strikes killed 26 civilians and that its air force shot down "
              "five jets.") == Triples{});
  // A coordination of the object itself still reaches its actors.
  CHECK(coded("The EU imposed sanctions on rebel leaders and Rwandan commanders.") ==
        Triples{"IGOEUREEC 163 RWAMIL"});
}

TEST_CASE("a noun's possessor may stand before an amount, and tariffs name sanctions", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "noun\t163\ttariffs on $T\n" +
                              "verb\t163\timpose tariffs on $T\n" + "verb\t111\tcondemn $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Canada hit back against Biden's 25% tariffs on Mexican goods.") ==
        Triples{"USAGOV 163 MEX"});
  CHECK(coded("Washington imposed tariffs on Chinese goods. Beijing condemned the tariffs.") ==
        Triples{"CHN 111 USA", "USA 163 CHN"});
}

TEST_CASE("rejecting an accusation is denying it, with or without the accuser", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t112\taccuse $T of\n" +
                              "verb\t120\treject $T\n" + "verb\t016\treject accusation\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Moldova accused Russia of plotting a coup. Russia rejected the allegations.") ==
        Triples{"MDA 112 RUS", "RUS 016 MDA"});
  CHECK(coded("India rejected the allegations as preposterous.") == Triples{"IND 016 -"});
  CHECK(coded("Israel rejected the proposal on Monday.") == Triples{});
}

TEST_CASE("the act a demand asks for names its finer code", "[events]") {
  const std::string lexicon =
      std::string(kLexicon) + "verb\t100\tdemand $T\n" + "verb\t100\ttell $T to\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("France demanded that Russia accept an unconditional ceasefire.") ==
        Triples{"FRA 1056 RUS"});
  CHECK(coded("Turkey demanded that Israel allow an uninterrupted flow of humanitarian aid.") ==
        Triples{"TUR 1055 ISR"});
  CHECK(coded("The UN told Israel to halt its offensive.") == Triples{"IGOUNO 1056 ISR"});
  CHECK(coded("Iran demanded the United States release its citizens.") == Triples{"IRN 1053 USA"});
  // An act with no finer demand keeps the general one.
  CHECK(coded("Russia demanded that Serbia stay neutral.") == Triples{"RUS 100 SRB"});
}

TEST_CASE("calling an act or an actor something bad criticises its doer", "[events]") {
  const std::string lexicon =
      std::string(kLexicon) + "verb\t195\tlaunch strikes on $T\n" + "verb\t111\tcall $T a\n" +
      "verb\t111\tcall $T wrong\n" + "verb\t1121\tcall $T terrorist\n" +
      "verb\t1123\tcall $T act of war\n" + "verb\t057\tsign deal\treciprocal\n";
  const auto coded = coding_with(lexicon);
  CHECK(
      coded("Israel launched strikes on Lebanon. Iran called the strike a \"terrorist attack\".") ==
      Triples{"IRN 1121 ISR", "ISR 195 LBN"});
  CHECK(coded("Russia called Britain's decision wrong.") == Triples{"RUS 111 GBR"});
  // The doer is not the reacting country's own: India's strikes, not
  // Pakistan's shooting down of jets.
  CHECK(coded("India launched strikes on Pakistan. Pakistan's air force launched strikes on "
              "Indian jets. Pakistan called the strikes an act of war.") ==
        Triples{"IND 195 PAK", "PAK 1123 IND", "PAKMIL 195 INDMIL"});
  // Praise is no reaction: "called the deal a beacon of hope".
  CHECK(coded("Australia and Tuvalu signed a deal. Tuvalu called the deal a beacon of hope.") ==
        Triples{"AUS 057 TUV", "TUV 057 AUS"});
}

TEST_CASE(
    "force on targets across a place is force on its country, and proposed talks are intended",
    "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t190\tstrike $T\n" +
                              "verb\t036\tpropose talks\n" + "verb\t036\tpropose talks with $T\n" +
                              "noun\t040\ttalks with $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Israeli warplanes struck targets across the Gaza Strip.") ==
        Triples{"ISRMIL 195 PSE"});
  CHECK(coded("Russia proposed direct talks with Ukraine in Istanbul.") == Triples{"RUS 036 UKR"});
}

TEST_CASE("a warning of the warner's own force or sanctions is a threat", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t130\twarn $T\n" +
                              "verb\t130\twarn $T against\n" +
                              "verb\t1312\tthreaten $T with tariffs\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Trump warned the Houthis that hell will rain down upon them.") ==
        Triples{"USAELI 138 YEMREB"});
  CHECK(coded("The EU warned Moscow that it would face new sanctions.") ==
        Triples{"IGOEUREEC 1312 RUS"});
  CHECK(coded("Iran warned Israel against attacking its nuclear sites.") == Triples{"IRN 130 ISR"});
  // "military or economic coercion": coordinated adjectives name no actor.
  CHECK(coded("Trump refused to rule out military or economic coercion, and threatened Denmark "
              "with tariffs.") == Triples{"USAELI 1312 DNK"});
}

TEST_CASE("an arrest of people no one names is coded with its source alone", "[events]") {
  const std::string lexicon =
      std::string(kLexicon) + "verb\t173\tdetain $T\n" + "verb\t173\tarrest $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Serbian police detained dozens of people on Sunday.") == Triples{"SRBCOP 173 -"});
  CHECK(coded("Germany arrested two men suspected of spying.") == Triples{"DEU 173 -"});
  // A named target still makes a triple.
  CHECK(coded("Russia arrested a U.S. journalist.") == Triples{"RUS 173 USAMED"});
}

TEST_CASE("an event that is discussed or marked is not the subject's", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "noun\t190\tattack on $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("France met on Friday to discuss the attack on Ukraine.") == Triples{});
  CHECK(coded("Russia's attack on Ukraine began in 2022.") == Triples{"RUS 190 UKR"});
}

TEST_CASE("force with aerial weapons as its instrument is an air strike", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t194\tpound $T\n" +
                              "verb\t190\tstrike $T\n" + "verb\t190\tattack $T\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Russian forces pounded Ukraine with more than 90 missiles.") ==
        Triples{"RUSMIL 195 UKR"});
  CHECK(coded("U.S. forces struck Iranian sites with bunker-busting bombs.") ==
        Triples{"USAMIL 195 IRN"});
  CHECK(coded("Russian troops attacked Ukraine with tanks and artillery.") ==
        Triples{"RUSMIL 190 UKR"});
}

TEST_CASE("an unresolved accused does not hand its act to the accuser", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t112\taccuse $T of\n" +
                              "verb\t072\tsupply $T with weapons\n" + "verb\t0254\tlift\n" +
                              "verb\t190\tstrike $T\n" + "verb\t1823\tkill $T\n";
  const auto coded = coding_with(lexicon);
  // "it" is either country: no one supplied anything.
  CHECK(coded("Sudan's army cut ties with the UAE and Russia, accusing it of supplying the RSF "
              "with weapons.") == Triples{});
  CHECK(coded("Washington accused Pyongyang of supplying Russia with weapons.") ==
        Triples{"PRK 072 RUS", "USA 112 PRK"});
  // People killed in a region are no one's civilians.
  CHECK(coded("U.S. warplanes struck Yemen, killing at least 31 people, in the first U.S. "
              "operation in the Middle East.") == Triples{"USAMIL 195 YEM"});
}

TEST_CASE("their is both of two people or countries named before it", "[events]") {
  const std::string lexicon =
      std::string(kLexicon) + "noun\t040\tmeeting\treciprocal\n" + "verb\t190\tclash\treciprocal\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Mark Carney told Donald Trump that Canada was not for sale, in their first "
              "meeting.") ==
        Triples{"CANGOV 010 USAELI", "CANGOV 040 USAELI", "USAELI 040 CANGOV"});
  CHECK(coded("India and China said their troops had clashed in the valley.") ==
        Triples{"CHNMIL 190 INDMIL", "INDMIL 190 CHNMIL"});
}

TEST_CASE("a general cooperation pattern takes the kind its qualifier names", "[events]") {
  const std::string lexicon = std::string(kLexicon) +
                              "verb\t060\tstep up cooperation with $T\treciprocal\n" +
                              "verb\t060\tdeepen cooperation\treciprocal\n";
  const auto coded = coding_with(lexicon);
  CHECK(coded("Sweden pledged to step up counter-terrorism cooperation with Turkey.") ==
        Triples{"SWE 0312 TUR"});
  CHECK(coded("China and Russia deepened energy cooperation.") ==
        Triples{"CHN 061 RUS", "RUS 061 CHN"});
  CHECK(coded("France and Germany deepened cooperation.") == Triples{"DEU 060 FRA", "FRA 060 DEU"});
}

TEST_CASE("an act done over the telephone is also a telephone discussion", "[events]") {
  const std::string lexicon = std::string(kLexicon) + "verb\t051\tthank $T\n" +
                              "verb\t130\twarn $T against\n" +
                              "verb\t040\tspeak with $T\treciprocal\n" + "verb\t111\tcondemn $T\n";
  const auto coded = coding_with(lexicon, "2023-09-05");
  CHECK(coded("Zelenskyy thanked Scholz in a phone call on Tuesday.") ==
        Triples{"UKRGOV 041 DEUGOV", "UKRGOV 051 DEUGOV"});
  CHECK(coded("Xi Jinping warned Joe Biden by telephone against arming Taiwan.") ==
        Triples{"CHNGOV 041 USAGOV", "CHNGOV 130 USAGOV"});
  // A statement or a consultation by telephone is the discussion itself.
  CHECK(coded("Putin told Erdogan in a telephone conversation that the deal was dead.") ==
        Triples{"RUSGOV 041 TURGOV"});
  CHECK(coded("Scholz spoke with Macron by phone on Monday.") == Triples{"DEUGOV 041 FRAGOV"});
  // Not a means: a phone company; nor a telephone call that is not the act's.
  CHECK(coded("Putin condemned Ukraine in a speech carried by phone companies.") ==
        Triples{"RUSGOV 111 UKR"});
  CHECK(coded("Putin told Erdogan, in a phone call, that the deal was dead.") ==
        Triples{"RUSGOV 041 TURGOV"});
  CHECK(coded("Putin condemned Ukraine, which he discussed in a phone call.") ==
        Triples{"RUSGOV 111 UKR"});
}

TEST_CASE("a role and the persons apposed to it are one end of an act", "[events]") {
  const auto coded = coding_with(std::string(kLexicon) + "verb\t043\thost $T\n");
  // Two events, not four: the counterparts are the two presidents.
  CHECK(coded("Tokayev hosted his Kyrgyz and Uzbek counterparts, Sadyr Japarov and Shavkat "
              "Mirziyoyev, in Astana.") == Triples{"KAZGOV 043 KGZGOV", "KAZGOV 043 UZBGOV"});
  // A role with no person of its code stays.
  CHECK(coded("Putin met Chinese officials in Moscow.") == Triples{"RUSGOV 040 CHNGOV"});
}

TEST_CASE("a reaction names the event even when a clause follows its noun", "[events]") {
  const auto coded =
      coding_with(std::string(kLexicon) + "verb\t111\tcondemn $T\n" + "verb\t150\tfire missile\n");
  CHECK(coded("North Korea fired a missile on Wednesday. South Korea condemned the launch when "
              "its president met Kishida.") == Triples{"KOR 111 PRK", "KORGOV 040 JPNGOV"});
  CHECK(coded("North Korea fired a missile on Wednesday. South Korea condemned the launch.") ==
        Triples{"KOR 111 PRK"});
}

TEST_CASE("a mediation by an actor names the parties of what it mediated", "[events]") {
  const auto coded =
      coding_with(std::string(kLexicon) + "verb\t0871\tagree to truce\treciprocal\n" +
                  "verb\t045\tbroker by $S\n" + "verb\t045\tmediate by $S\n");
  const std::string truce = "Israel and Hamas agreed to a truce on Wednesday. ";
  const Triples agreed{"ISR 0871 PSEREBHMS", "PSEREBHMS 0871 ISR"};
  auto with = [&](Triples more) {
    more.insert(more.end(), agreed.begin(), agreed.end());
    std::sort(more.begin(), more.end());
    return more;
  };
  CHECK(coded(truce + "The truce was brokered by Qatar.") ==
        with({"QAT 045 ISR", "QAT 045 PSEREBHMS"}));
  CHECK(coded(truce + "The truce, which took effect on Friday after hours of delay, was brokered "
                      "by Qatar and Egypt.") ==
        with({"EGY 045 ISR", "EGY 045 PSEREBHMS", "QAT 045 ISR", "QAT 045 PSEREBHMS"}));
  CHECK(coded(truce + "The truce, mediated by Qatar, took effect on Friday.") ==
        with({"QAT 045 ISR", "QAT 045 PSEREBHMS"}));
  // With no cooperation before it, a mediation names no one.
  CHECK(coded("The truce was brokered by Qatar.") == Triples{});
  // "talks mediated by Washington" are the truce's, not the announcer's.
  CHECK(coded("Israel and Hamas agreed to a truce, Joe Biden said, after talks mediated by "
              "Qatar.") == with({"QAT 045 ISR", "QAT 045 PSEREBHMS"}));
}

TEST_CASE("a list after a subordinator is the subject of its own clause", "[events]") {
  const auto coded = coding_with(std::string(kLexicon) + "verb\t057\tsign treaty\treciprocal\n");
  CHECK(coded("The summit came weeks after Emomali Rahmon and Sadyr Japarov signed a treaty.") ==
        Triples{"KGZGOV 057 TJKGOV", "TJKGOV 057 KGZGOV"});
  // A list after a preposition is not: "by" opens no clause.
  CHECK(coded("The deal was condemned by Russia and China, and Japan signed a treaty.") ==
        Triples{});
}

TEST_CASE("a condemnation that names the act a crime is an accusation of it", "[events]") {
  const auto coded = coding_with(std::string(kLexicon) + "verb\t111\tcondemn $T\n");
  CHECK(coded("Ukraine condemned Russia as a terrorist state.") == Triples{"UKR 1121 RUS"});
  CHECK(coded("Ukraine condemned Russia as an aggressor.") == Triples{"UKR 1123 RUS"});
  // An adjective is no charge; nor is "as" that starts another clause.
  CHECK(coded("Taiwan condemned China as provocative.") == Triples{"TWN 111 CHN"});
  CHECK(coded("Iran condemned Israel, as did Turkey.") == Triples{"IRN 111 ISR"});
}

TEST_CASE("hosting a named meeting or signing hosts its parties", "[events]") {
  const auto coded = coding_with(std::string(kLexicon) + "verb\t043\thost $T\n" +
                                 "verb\t057\tsign agreement\treciprocal\n");
  // Rubio was a senator on the test date (2024-06-25).
  CHECK(coded("Congo and Rwanda signed an agreement on Friday. Marco Rubio, who hosted the "
              "signing at the State Department, praised both sides.") ==
        Triples{"COD 057 RWA", "RWA 057 COD", "USALEG 043 COD", "USALEG 043 RWA"});
  // With nothing before it, the meeting names no one.
  CHECK(coded("Turkey hosted the meeting on Friday.") == Triples{});
}

TEST_CASE("expelling a diplomat breaks diplomatic relations", "[events]") {
  const auto coded = coding_with(std::string(kLexicon) + "verb\t174\texpel $T\n");
  CHECK(coded("Russia expelled the Estonian ambassador.") == Triples{"RUS 161 ESTGOV"});
  CHECK(coded("Russia expelled six British diplomats.") == Triples{"RUS 161 GBRGOV"});
  CHECK(coded("Russia expelled a British journalist.") == Triples{"RUS 174 GBRMED"});
}

TEST_CASE("a state organ acting on its own country as a whole is a misreading", "[events]") {
  const auto coded = coding_with(std::string(kLexicon) + "verb\t192\tseize $T\tplace\n");
  CHECK(coded("Joe Biden imposed sanctions on the United States.") == Triples{});
  // Rebels seizing their capital are news.
  CHECK(coded("Syrian rebels seized Damascus on Sunday.") == Triples{"SYRREB 192 SYR"});
}

TEST_CASE("threats of force take places as targets past scare quotes", "[events]") {
  const auto coded = coding_with(std::string(kLexicon) + "verb\t1384\tthreaten to strike $T\n");
  CHECK(coded("Vladimir Putin threatened to strike \"decision-making centres\" in Kyiv.") ==
        Triples{"RUSGOV 1384 UKR"});
  CHECK(coded("Vladimir Putin threatened to strike military sites in Kyiv.") ==
        Triples{"RUSGOV 1384 UKR"});
}

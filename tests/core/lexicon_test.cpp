#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "geokg/core.hpp"

using geokg::EventLexicon;
using geokg::LexiconKind;
using geokg::ModelError;
using geokg::PatternElement;

namespace {
const std::string kHeader = "# geokg event-lexicon 1\n";
}

TEST_CASE("the built-in lexicon loads and covers every CAMEO root", "[lexicon]") {
  const auto& lexicon = EventLexicon::builtin();
  REQUIRE_FALSE(lexicon.entries().empty());
  std::set<std::string> roots;
  for (const auto& entry : lexicon.entries()) {
    REQUIRE(geokg::Ontology::builtin().find_event(entry.code));
    roots.insert(entry.code.substr(0, 2));
    CHECK(entry.elements[entry.head].type == PatternElement::Type::Word);
  }
  CHECK(roots.size() >= 10);
}

TEST_CASE("lexicon patterns parse into elements with a head", "[lexicon]") {
  EventLexicon lexicon;
  lexicon.add(kHeader +
                  "verb\t112\taccuse $T of\nnoun\t072\t$T 's military backer\n"
                  "noun\t040\ttalks between $S and $T\treciprocal\n",
              "test");
  const auto& entries = lexicon.entries();
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].kind == LexiconKind::Verb);
  CHECK(entries[0].head == 0);
  CHECK(entries[0].elements.size() == 3);
  CHECK(entries[0].elements[1].type == PatternElement::Type::Target);
  CHECK(entries[0].source == "test:2");
  CHECK(entries[1].head == 2);
  CHECK(entries[1].elements[1].type == PatternElement::Type::Possessive);
  CHECK(entries[2].reciprocal);
  CHECK(entries[2].has(PatternElement::Type::Source));
}

TEST_CASE("later lexicon entries override and delete earlier ones", "[lexicon]") {
  EventLexicon lexicon;
  lexicon.add(kHeader + "verb\t190\tattack $T\nverb\t042\tvisit $T\n", "base");
  lexicon.add(kHeader + "verb\t195\tattack $T\nverb\t-\tvisit $T\n", "user");
  REQUIRE(lexicon.entries().size() == 1);
  CHECK(lexicon.entries()[0].code == "195");
  CHECK(lexicon.entries()[0].source == "user:2");
}

TEST_CASE("bad lexicon lines name the file and line", "[lexicon]") {
  EventLexicon lexicon;
  CHECK_THROWS_WITH(lexicon.add("verb\t190\tattack $T\n", "x.tsv"),
                    Catch::Contains("x.tsv:1") && Catch::Contains("event-lexicon 1"));
  CHECK_THROWS_WITH(lexicon.add("# geokg event-lexicon 2\n", "x.tsv"),
                    Catch::Contains("version \"2\""));
  CHECK_THROWS_WITH(lexicon.add(kHeader + "verb\t999\tattack $T\n", "x.tsv"),
                    Catch::Contains("x.tsv:2") && Catch::Contains("unknown CAMEO event code"));
  CHECK_THROWS_WITH(lexicon.add(kHeader + "adverb\t190\tattack $T\n", "x.tsv"),
                    Catch::Contains("kind must be verb or noun"));
  CHECK_THROWS_WITH(lexicon.add(kHeader + "verb\t190\tAttack $T\n", "x.tsv"),
                    Catch::Contains("lower-case"));
  CHECK_THROWS_WITH(lexicon.add(kHeader + "verb\t190\t$T $T attack\n", "x.tsv"),
                    Catch::Contains("more than one $T"));
  CHECK_THROWS_WITH(lexicon.add(kHeader + "verb\t190\t$T\n", "x.tsv"),
                    Catch::Contains("has no word"));
  CHECK_THROWS_WITH(lexicon.add(kHeader + "verb\t190\tattack 's\n", "x.tsv"),
                    Catch::Contains("'s must follow"));
  CHECK_THROWS_WITH(lexicon.add(kHeader + "verb\t190\tattack $T\tloud\n", "x.tsv"),
                    Catch::Contains("unknown flag"));
  CHECK_THROWS_WITH(lexicon.add(kHeader + "verb\t190\n", "x.tsv"),
                    Catch::Contains("found 2 field(s)"));
  CHECK_THROWS_WITH(lexicon.add_file("/nonexistent/lexicon.tsv"),
                    Catch::Contains("/nonexistent/lexicon.tsv"));
}

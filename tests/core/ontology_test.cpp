#include <catch2/catch.hpp>

#include "geokg/core.hpp"

using geokg::Ontology;
using geokg::QuadClass;

TEST_CASE("the built-in CAMEO codebook has every root and the known values", "[core][ontology]") {
  const auto& ontology = Ontology::builtin();
  for (int root = 1; root <= 20; ++root) {
    const std::string code = (root < 10 ? "0" : "") + std::to_string(root);
    INFO(code);
    CHECK(ontology.find_event(code) != nullptr);
  }
  CHECK(ontology.events().size() > 290);

  const auto& visit = ontology.event("042");
  CHECK(visit.label == "Make a visit");
  CHECK(visit.goldstein == Approx(1.9));
  CHECK(visit.root() == "04");
  CHECK(visit.quad() == QuadClass::VerbalCooperation);

  CHECK(ontology.event("0211").quad() == QuadClass::VerbalCooperation);
  CHECK(ontology.event("072").quad() == QuadClass::MaterialCooperation);
  CHECK(ontology.event("072").goldstein == Approx(8.3));
  CHECK(ontology.event("112").quad() == QuadClass::VerbalConflict);
  CHECK(ontology.event("190").quad() == QuadClass::MaterialConflict);
  CHECK(ontology.event("190").goldstein == Approx(-10.0));
  // The damaged public copies merge these two lines; ours must keep both.
  CHECK(ontology.find_event("1056") != nullptr);
  CHECK(ontology.find_event("106") != nullptr);
  CHECK(ontology.find_event("99") == nullptr);
  CHECK(ontology.find_event("42") == nullptr);
  CHECK_THROWS_AS(ontology.event("999"), geokg::ModelError);
}

TEST_CASE("actor codes split into country and agent", "[core][ontology]") {
  const auto& ontology = Ontology::builtin();
  CHECK(ontology.is_country("RUS"));
  CHECK(ontology.is_country("PRK"));
  CHECK(ontology.country_name("PRK").find("Korea") != std::string_view::npos);
  CHECK(ontology.is_agent("GOV"));
  CHECK(ontology.is_agent("MIL"));
  CHECK_FALSE(ontology.is_country("GOV"));

  auto parts = ontology.split_actor_code("RUSMIL");
  CHECK(parts.country == "RUS");
  CHECK(parts.agent == "MIL");
  parts = ontology.split_actor_code("USA");
  CHECK(parts.country == "USA");
  CHECK(parts.agent.empty());
  parts = ontology.split_actor_code("GOV");
  CHECK(parts.country.empty());
  CHECK(parts.agent == "GOV");
}

TEST_CASE("CAMEO tables are checked on load", "[core][ontology]") {
  const std::string countries = "# geokg cameo-country-codes 1\nRUS\tRussia\n";
  const std::string agents = "# geokg cameo-agent-types 1\nGOV\tGovernment\n";
  const std::string events = "# geokg cameo-event-codes 1\n04\t1.0\tConsult\n042\t1.9\tMake a visit\n";
  const Ontology small(events, countries, agents);
  CHECK(small.events().size() == 2);

  CHECK_THROWS_WITH(Ontology("# geokg cameo-event-codes 2\n", countries, agents),
                    Catch::Contains("version 2"));
  CHECK_THROWS_WITH(Ontology("04\t1.0\tConsult\n", countries, agents),
                    Catch::Contains("line 1 must be"));
  CHECK_THROWS_WITH(Ontology("# geokg cameo-event-codes 1\n042\tx\tVisit\n", countries, agents),
                    Catch::Contains("line 2") && Catch::Contains("Goldstein"));
  CHECK_THROWS_WITH(Ontology("# geokg cameo-event-codes 1\n042\t1.9\n", countries, agents),
                    Catch::Contains("2 fields"));
  CHECK_THROWS_WITH(Ontology("# geokg cameo-event-codes 1\n042\t1\tA\n042\t1\tB\n", countries,
                             agents),
                    Catch::Contains("listed twice"));
  CHECK_THROWS_WITH(Ontology("# geokg cameo-event-codes 1\n21\t1\tA\n", countries, agents),
                    Catch::Contains("bad code"));
}

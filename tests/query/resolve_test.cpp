#include <catch2/catch.hpp>

#include "query_fixture.hpp"

using geokg::NodeLevel;
using geokg::test::QueryStore;

TEST_CASE("actor arguments resolve by key name alias code and words", "[query][resolve]") {
  QueryStore q;
  CHECK(q.node("vladimir-putin").key == "vladimir-putin");
  CHECK(q.node("Vladimir Putin").key == "vladimir-putin");
  CHECK(q.node("vladimir PUTIN").key == "vladimir-putin");   // names ignore case
  CHECK(q.node("President Putin").key == "vladimir-putin");  // an alias
  CHECK(q.node("Putin").key == "vladimir-putin");            // a word of the name
  CHECK(q.node("jong un").key == "kim-jong-un");             // words of the name
  CHECK(q.node("RUSMIL").key == "sergei-shoigu");            // the one actor coded so
  CHECK(q.node("prk").key == "north-korea");                 // codes ignore case
  const auto putin = q.node("Putin");
  CHECK(putin.actor != 0);
  CHECK(putin.country == "RUS");
}

TEST_CASE("the country level rolls arguments up to their country", "[query][resolve]") {
  QueryStore q;
  for (const char* text : {"Putin", "RUSGOV", "RUSMIL", "Russia", "RUS", "sergei-shoigu"}) {
    const auto node = q.node(text, NodeLevel::Country);
    INFO(text);
    CHECK(node.key == "RUS");
    CHECK(node.actor == 0);
    CHECK(node.country == "RUS");
  }
  // Ambiguous among actors, one country: "Kim" is two PRK actors.
  CHECK(q.node("Kim", NodeLevel::Country).key == "PRK");
  // An actor without a country stays itself.
  CHECK(q.node("NATO", NodeLevel::Country).key == "nato");
  CHECK(q.node("IGOWSTNAT", NodeLevel::Country).key == "nato");
}

TEST_CASE("an ambiguous argument lists its candidates", "[query][resolve]") {
  QueryStore q;
  CHECK_THROWS_MATCHES(q.node("Kim"), geokg::QueryError,
                       Catch::Matchers::Message(
                           "\"Kim\" is ambiguous: its words fit 2 actors; give one of their keys:\n"
                           "  kim-jong-un (Kim Jong Un, PRKGOV)\n"
                           "  kim-yo-jong (Kim Yo Jong, PRKGOV)"));
  CHECK_THROWS_MATCHES(
      q.node("RUSGOV"), geokg::QueryError,
      Catch::Matchers::Message(
          "\"RUSGOV\" is ambiguous: the code fits 2 actors; give one of their keys:\n"
          "  sergey-lavrov (Sergey Lavrov, RUSGOV)\n"
          "  vladimir-putin (Vladimir Putin, RUSGOV)"));
}

TEST_CASE("an unknown argument suggests the closest actors", "[query][resolve]") {
  QueryStore q;
  CHECK_THROWS_MATCHES(q.node("Putn"), geokg::QueryError,
                       Catch::Matchers::Message("no actor \"Putn\" in the store; closest:\n"
                                                "  vladimir-putin (Vladimir Putin, RUSGOV)"));
  CHECK_THROWS_WITH(q.node("Rusia"), Catch::Contains("closest:\n  russia (Russia, RUS)"));
  CHECK_THROWS_MATCHES(q.node("Zanzibar"), geokg::QueryError,
                       Catch::Matchers::Message("no actor \"Zanzibar\" in the store; `geokg query "
                                                "actors TEXT` searches names"));
  CHECK_THROWS_AS(q.node("", NodeLevel::Country), geokg::QueryError);
  // No actor is coded JPN, but it is a country.
  CHECK_THROWS_WITH(q.node("JPN"),
                    Catch::StartsWith("no actor \"JPN\" in the store (a country code: --level "
                                      "country names the country)"));
  CHECK(q.node("JPN", NodeLevel::Country).key == "JPN");
}

TEST_CASE("filter values are checked before any store is read", "[query][resolve]") {
  geokg::FilterValues values;
  values.since = "2023-02-30";
  CHECK_THROWS_AS(geokg::make_filter(values), geokg::QueryArgumentError);
  CHECK_THROWS_WITH(geokg::make_filter(values), Catch::StartsWith("--since: "));
  values = {};
  values.until = "23";
  CHECK_THROWS_WITH(geokg::make_filter(values), Catch::StartsWith("--until: "));
  values = {};
  values.since = "2024";
  values.until = "2023-12";
  CHECK_THROWS_WITH(geokg::make_filter(values), "--since 2024 is after --until 2023-12");
  values = {};
  values.codes = {"04", "99"};
  CHECK_THROWS_WITH(geokg::make_filter(values),
                    "--code: \"99\" is not a CAMEO event code or root (e.g. 04, 042)");
  values = {};
  values.quads = {"0"};
  CHECK_THROWS_WITH(geokg::make_filter(values), "--quad: \"0\" is not a quad class (1, 2, 3 or 4)");

  values = {};
  values.since = "2023-09";
  values.codes = {"042"};
  values.quads = {"1", "4"};
  values.documents = {"summit"};
  values.text = "talks";
  const auto filter = geokg::make_filter(values);
  CHECK(filter.since->iso() == "2023-09");
  CHECK(filter.codes == std::vector<std::string>{"042"});
  CHECK(filter.quads == std::vector<geokg::QuadClass>{geokg::QuadClass::VerbalCooperation,
                                                      geokg::QuadClass::MaterialConflict});
  CHECK(filter.documents == std::vector<std::string>{"summit"});
  CHECK(filter.text == "talks");
  CHECK_THROWS_WITH(geokg::parse_output_format("xml"),
                    "--format: unknown format \"xml\" (expected table, json, jsonl or csv)");
  CHECK_THROWS_AS(geokg::parse_period("year"), geokg::QueryArgumentError);
  CHECK_THROWS_AS(geokg::parse_node_level("region"), geokg::GraphError);
}

#include <catch2/catch.hpp>

#include "geokg/core.hpp"

TEST_CASE("make_key gives stable lower-case hyphenated keys", "[core][model]") {
  CHECK(geokg::make_key("Vladimir Putin") == "vladimir-putin");
  CHECK(geokg::make_key("  Kim  Jong-Un ") == "kim-jong-un");
  CHECK(geokg::make_key("VLADIMIR PUTIN") == "vladimir-putin");
  CHECK(geokg::make_key("U.S. Department of State") == "u-s-department-of-state");
  CHECK(geokg::make_key("Recep Tayyip Erdoğan") == "recep-tayyip-erdoğan");
  CHECK(geokg::make_key("ERDOĞAN") == "erdoğan");
  CHECK(geokg::make_key("Зеленський") == "зеленський");
  CHECK(geokg::make_key("G20") == "g20");
  CHECK(geokg::make_key("<>\"'&") == "");
  CHECK(geokg::make_key(std::string("bad\xff byte")) == "bad-byte");
}

TEST_CASE("actor types and modalities round-trip through their names", "[core][model]") {
  for (auto type : {geokg::ActorType::Person, geokg::ActorType::Organization,
                    geokg::ActorType::Country, geokg::ActorType::Place, geokg::ActorType::Group,
                    geokg::ActorType::Unknown}) {
    CHECK(geokg::parse_actor_type(geokg::to_string(type)) == type);
  }
  CHECK_THROWS_AS(geokg::parse_actor_type("Person"), geokg::ModelError);
  CHECK(geokg::parse_modality("reported") == geokg::Modality::Reported);
  CHECK_THROWS_AS(geokg::parse_modality("maybe"), geokg::ModelError);
}

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "query_fixture.hpp"

namespace {

using geokg::OutputFormat;

// Two parts, a null, a list, a number with decimals and text that needs
// quoting in CSV.
geokg::QueryResult sample() {
  geokg::QueryResult result;
  result.command = "sample";
  result.about = {{"a", std::string("russia")}, {"mean", 4.2254}};
  geokg::Table first{
      "rows", "row", {{"id"}, {"name"}, {"score", true, 2}, {"keys", false}, {"note"}}, {}, 3};
  first.rows.push_back({std::int64_t{1}, std::string("Kim, \"the\" leader"), 0.5,
                        std::vector<std::string>{"a", "b"}, geokg::Value{}});
  first.rows.push_back({std::int64_t{22}, std::string("Xi"), -0.004, std::vector<std::string>{},
                        std::string("line\nbreak")});
  geokg::Table second{"more", "extra", {{"flag"}}, {}, -1};
  second.rows.push_back({true});
  result.tables = {first, second};
  return result;
}

std::string write(const geokg::QueryResult& result, OutputFormat format,
                  std::string_view part = {}) {
  std::ostringstream out;
  geokg::write_result(result, format, out, part);
  return out.str();
}

}  // namespace

TEST_CASE("table output aligns columns and tells what the limit left out", "[query][output]") {
  CHECK(write(sample(), OutputFormat::Table) ==
        "a     russia\n"
        "mean  4.23\n"
        "\n"
        "rows (2 of 3)\n"
        "id  name               score  note\n"
        " 1  Kim, \"the\" leader   0.50  -\n"
        "22  Xi                  0.00  line break\n"
        "(1 more; --limit 0 shows all)\n"
        "\n"
        "more (1)\n"
        "flag\n"
        "yes\n");
}

TEST_CASE("json output holds the summary every part and the row totals", "[query][output]") {
  const auto json = nlohmann::ordered_json::parse(write(sample(), OutputFormat::Json));
  CHECK(json["command"] == "sample");
  CHECK(json["summary"]["a"] == "russia");
  CHECK(json["summary"]["mean"] == Approx(4.2254));
  REQUIRE(json["rows"].size() == 2);
  CHECK(json["rows"][0]["name"] == "Kim, \"the\" leader");
  CHECK(json["rows"][0]["keys"] == nlohmann::ordered_json::array({"a", "b"}));
  CHECK(json["rows"][0]["note"].is_null());
  CHECK(json["rows"][1]["score"] == Approx(-0.004));
  CHECK(json["more"][0]["flag"] == true);
  CHECK(json["total_rows"] == nlohmann::ordered_json({{"rows", 3}, {"more", 1}}));
  // Field order is the column order.
  std::vector<std::string> keys;
  for (const auto& item : json["rows"][0].items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"id", "name", "score", "keys", "note"});
}

TEST_CASE("json lines output starts with the summary and tags each record", "[query][output]") {
  std::istringstream lines(write(sample(), OutputFormat::Jsonl));
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(lines, line);) records.push_back(nlohmann::json::parse(line));
  REQUIRE(records.size() == 4);
  CHECK(records[0]["record"] == "summary");
  CHECK(records[0]["command"] == "sample");
  CHECK(records[0]["a"] == "russia");
  CHECK(records[0]["total_rows"]["rows"] == 3);
  CHECK(records[1]["record"] == "row");
  CHECK(records[1]["id"] == 1);
  CHECK(records[2]["note"] == "line\nbreak");
  CHECK(records[3] == nlohmann::json({{"record", "extra"}, {"flag", true}}));
}

TEST_CASE("csv output writes one part with RFC 4180 quoting", "[query][output]") {
  CHECK(write(sample(), OutputFormat::Csv) ==
        "id,name,score,keys,note\r\n"
        "1,\"Kim, \"\"the\"\" leader\",0.5,a; b,\r\n"
        "22,Xi,-0.004,,\"line\nbreak\"\r\n");
  CHECK(write(sample(), OutputFormat::Csv, "more") == "flag\r\ntrue\r\n");
  CHECK(write(sample(), OutputFormat::Table, "more") == "more (1)\nflag\nyes\n");
  CHECK_THROWS_WITH(write(sample(), OutputFormat::Json, "nothing"),
                    "--part: sample has no part \"nothing\" (it has rows, more)");
}

TEST_CASE("a relations answer reads back from json and csv", "[query][output]") {
  geokg::test::QueryStore q;
  const auto result =
      geokg::query_relations(*q.store, q.node("Kim Jong Un"), q.node("Putin"), {}, 0);
  const auto json = nlohmann::json::parse(write(result, OutputFormat::Json));
  CHECK(json["command"] == "relations");
  CHECK(json["summary"]["a"] == "kim-jong-un");
  CHECK(json["summary"]["b_name"] == "Vladimir Putin");
  CHECK(json["summary"]["events"] == 4);
  REQUIRE(json["events"].size() == 4);
  CHECK(json["events"][1] == nlohmann::json::parse(R"({
    "event_id": 2, "date": "2023-09-13", "source": "Vladimir Putin",
    "source_key": "vladimir-putin", "source_code": "RUSGOV", "code": "043",
    "label": "Host a visit", "quad": 1, "goldstein": 2.8, "target": "Kim Jong Un",
    "target_key": "kim-jong-un", "target_code": "PRKGOV", "negated": false,
    "modality": "asserted", "confidence": 1.0, "location": null, "document": "summit",
    "text": "Putin welcomed Kim."})"));
  CHECK(json["months"] == nlohmann::json::parse(R"([{
    "month": "2023-09", "first_day": "2023-09-01", "last_day": "2023-09-30", "events": 4,
    "a_to_b": 2, "b_to_a": 2, "mean_goldstein": 4.225, "verbal_cooperation": 4,
    "material_cooperation": 0, "verbal_conflict": 0, "material_conflict": 0,
    "cooperation": 4, "conflict": 0}])"));
  CHECK(write(result, OutputFormat::Csv, "months") ==
        "month,first_day,last_day,events,a_to_b,b_to_a,mean_goldstein,verbal_cooperation,"
        "material_cooperation,verbal_conflict,material_conflict,cooperation,conflict\r\n"
        "2023-09,2023-09-01,2023-09-30,4,2,2,4.225,4,0,0,0,4,0\r\n");
}

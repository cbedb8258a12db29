#include <libxml/parser.h>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "geokg/export.hpp"
#include "geokg/ingest.hpp"
#include "test_support.hpp"

namespace {

// An actor whose name holds everything that breaks naive writers.
const std::string kHostileName = "Ali \\\"node\\\" <b>&amp; \\\\ \\u0001 Erdoğan ]]> -- edge";

geokg::ActorGraph hostile_graph(geokg::test::TempDir& dir) {
  const std::string events =
      R"({"document": "d", "source": {"id": "hostile", "name": ")" + kHostileName +
      R"(", "code": "TURGOV"}, "target": {"id": "node", "name": "node", "code": "RUS"}, "event": {"code": "042"}, "date": "2023-09-13"})" "\n"
      R"({"document": "d", "source": {"id": "node", "name": "node"}, "target": {"id": "hostile", "name": "x"}, "event": {"code": "190"}})" "\n";
  auto store = geokg::open_sqlite_store(dir.file("h.db"));
  const auto report = geokg::ingest(*store, {dir.write("h.jsonl", events)}, {});
  REQUIRE(report.clean());
  return geokg::build_actor_graph(*store, {});
}

bool well_formed_xml(const std::string& text) {
  xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "graph.graphml",
                                "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  const bool ok = doc != nullptr;
  xmlFreeDoc(doc);
  return ok;
}

}  // namespace

TEST_CASE("GraphML declares typed keys and uses actor keys as node ids", "[export][graphml]") {
  geokg::test::TempDir dir;
  const auto graph = hostile_graph(dir);
  std::ostringstream out;
  geokg::write_graphml(graph, out);
  const auto text = out.str();

  CHECK(well_formed_xml(text));
  CHECK_THAT(text, Catch::Contains(R"(<key id="e_goldstein" for="edge" attr.name="goldstein" attr.type="double"/>)"));
  CHECK_THAT(text, Catch::Contains(R"(<key id="v_label" for="node" attr.name="label" attr.type="string"/>)"));
  CHECK_THAT(text, Catch::Contains(R"(<key id="e_count" for="edge" attr.name="count" attr.type="int"/>)"));
  CHECK_THAT(text, Catch::Contains("<data key=\"g_format\">geokg-graphml/2</data>"));
  CHECK_THAT(text, Catch::Contains(R"(<node id="hostile">)"));
  CHECK_THAT(text, Catch::Contains(R"(<edge id="e0" source="hostile" target="node">)"));
  CHECK_THAT(text, Catch::Contains(
                       "Ali &quot;node&quot; &lt;b&gt;&amp;amp; \\  Erdoğan ]]&gt; -- edge"));
  CHECK_THAT(text, Catch::Contains("<data key=\"e_label\">042 Make a visit</data>"));
  CHECK_THAT(text, Catch::Contains("<data key=\"e_quad\">4</data>"));
  CHECK(text.find('\x01') == std::string::npos);
}

TEST_CASE("DOT quotes every id and escapes labels", "[export][dot]") {
  geokg::test::TempDir dir;
  const auto graph = hostile_graph(dir);
  std::ostringstream out;
  geokg::write_dot(graph, out);
  const auto text = out.str();
  CHECK(text.starts_with("// geokg-dot 2"));
  CHECK_THAT(text, Catch::Contains(
                       R"("hostile" [label="Ali \"node\" <b>&amp; \\  Erdoğan ]]> -- edge\nTURGOV")"));
  CHECK_THAT(text, Catch::Contains(R"("node" [label="node\nRUS")"));
  CHECK_THAT(text, Catch::Contains(R"("hostile" -> "node" [label="042 Make a visit")"));
  CHECK_THAT(text, Catch::Contains(R"(color="#e53935")"));  // 190 is material conflict
  CHECK(text.find('\x01') == std::string::npos);
}

TEST_CASE("export formats are parsed by name", "[export]") {
  CHECK(geokg::parse_export_format("graphml") == geokg::ExportFormat::GraphML);
  CHECK(geokg::parse_export_format("dot") == geokg::ExportFormat::Dot);
  CHECK(geokg::parse_export_format("gexf") == geokg::ExportFormat::Gexf);
  CHECK(geokg::parse_export_format("json") == geokg::ExportFormat::Json);
  CHECK(geokg::parse_export_format("csv") == geokg::ExportFormat::Csv);
  CHECK_THROWS_WITH(geokg::parse_export_format("xlsx"), Catch::Contains("xlsx"));
}

namespace {

// One event from an actor named `name` to another, written through the
// library API, which (unlike the reader) neither validates UTF-8 nor limits
// lengths: the exporters must repair and bound what reaches them.
geokg::ActorGraph one_event_graph(geokg::test::TempDir& dir, const std::string& name,
                                  const std::string& code, geokg::NodeMode nodes) {
  auto store = geokg::open_sqlite_store(dir.file("u.db"));
  geokg::DocumentRecord record;
  record.document.key = "doc";
  geokg::Actor bad;
  bad.key = "bad";
  bad.name = name;
  bad.code = "RUSGOV";
  bad.country = "RUS";
  geokg::Actor other;
  other.key = "other";
  other.name = "Other";
  record.actors = {bad, other};
  geokg::Event event;
  event.source = geokg::Participant{"bad", ""};
  event.target = geokg::Participant{"other", ""};
  event.code = code;
  event.date = geokg::EventDate::parse("2023-07");
  event.extractor = "test";
  record.events = {event};
  REQUIRE(store->write(std::vector<geokg::DocumentRecord>{record})[0].status ==
          geokg::WriteOutcome::Status::Added);
  geokg::GraphOptions options;
  options.nodes = nodes;
  options.mode = geokg::EdgeMode::PerEvent;
  return geokg::build_actor_graph(*store, options);
}

const std::string kInvalidName =
    "Bad \xff\xfe byte, \"quoted\" \x01 ]]> -- \xd7\x90\xd7\x91 =SUM(A1)";

geokg::ActorGraph invalid_utf8_graph(geokg::test::TempDir& dir, geokg::NodeMode nodes) {
  return one_event_graph(dir, kInvalidName, "190", nodes);
}

}  // namespace

TEST_CASE("invalid UTF-8 and control characters are repaired in every format", "[export][hostile]") {
  for (auto nodes : {geokg::NodeMode::Actors, geokg::NodeMode::Bipartite}) {
    geokg::test::TempDir dir;
    const auto graph = invalid_utf8_graph(dir, nodes);
    const std::string repaired =
        "Bad \xef\xbf\xbd\xef\xbf\xbd byte, \"quoted\"  ]]> -- \xd7\x90\xd7\x91 =SUM(A1)";

    std::ostringstream graphml;
    geokg::write_graphml(graph, graphml);
    CHECK(well_formed_xml(graphml.str()));

    std::ostringstream json;
    geokg::write_json(graph, json);
    const auto parsed = nlohmann::json::parse(json.str());  // throws on invalid UTF-8
    CHECK(parsed["nodes"][0]["label"] == repaired);

    std::ostringstream nodes_csv;
    geokg::write_csv_nodes(graph, nodes_csv);
    CHECK_THAT(nodes_csv.str(),
               Catch::Contains("bad,\"Bad \xef\xbf\xbd\xef\xbf\xbd byte, \"\"quoted\"\"  ]]> -- "));

    std::ostringstream dot;
    geokg::write_dot(graph, dot);
    CHECK(dot.str().find('\x01') == std::string::npos);
    CHECK(dot.str().find("\xff") == std::string::npos);
    for (const auto& text : {graphml.str(), json.str(), nodes_csv.str(), dot.str()}) {
      CHECK(text.find('\x01') == std::string::npos);
      CHECK(text.find("\xff") == std::string::npos);
    }
  }
}

TEST_CASE("Cytoscape.js JSON has elements with unique ids across nodes and edges", "[export][json]") {
  for (auto nodes : {geokg::NodeMode::Actors, geokg::NodeMode::Bipartite}) {
    geokg::test::TempDir dir;
    const auto graph = invalid_utf8_graph(dir, nodes);
    std::ostringstream out;
    geokg::write_cytoscape(graph, out);
    const auto parsed = nlohmann::json::parse(out.str());
    CHECK(parsed["data"]["geokg_format"] == "geokg-cytoscape/1");
    const auto& elements = parsed["elements"];
    REQUIRE(elements["nodes"].size() == boost::num_vertices(graph));
    REQUIRE(elements["edges"].size() == boost::num_edges(graph));
    std::set<std::string> ids;
    for (const auto& node : elements["nodes"]) ids.insert(node["data"]["id"].get<std::string>());
    for (const auto& edge : elements["edges"]) {
      const auto& data = edge["data"];
      CHECK(data["id"].get<std::string>().starts_with("edge:"));
      CHECK(ids.contains(data["source"].get<std::string>()));
      CHECK(ids.contains(data["target"].get<std::string>()));
      ids.insert(data["id"].get<std::string>());
      CHECK(data["code"] == "190");
      CHECK(data["color"] == "#e53935");
    }
    CHECK(ids.size() == boost::num_vertices(graph) + boost::num_edges(graph));
  }
}

TEST_CASE("exported values are capped so that readers accept them", "[export][hostile]") {
  geokg::test::TempDir dir;
  const auto graph = one_event_graph(dir, std::string(100000, 'x') + "\xc3\xa9", "042",
                                     geokg::NodeMode::Actors);
  std::ostringstream json;
  geokg::write_json(graph, json);
  const auto label = nlohmann::json::parse(json.str())["nodes"][0]["label"].get<std::string>();
  CHECK(label.size() == 4096 + 3);  // the cap, then U+2026
  CHECK(label.ends_with("\xe2\x80\xa6"));
  CHECK(label.starts_with(std::string(100, 'x')));
  std::ostringstream graphml;
  geokg::write_graphml(graph, graphml);
  CHECK(well_formed_xml(graphml.str()));
  CHECK(graphml.str().size() < 20000);
}

// GEXF 1.3: schema validity in every graph mode (xmllint against the RELAX NG
// schema from ../shared), dynamic intervals, typed attributes, viz, escaping
// and deterministic output.
#include <sys/wait.h>

#include <libxml/parser.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "geokg/export.hpp"
#include "geokg/ingest.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using geokg::test::TempDir;

// Everything that breaks naive writers: quotes, markup, an entity, a
// backslash, a control character, CDATA and comment terminators, non-ASCII.
const std::string kHostileName = "Ali \\\"node\\\" <b>&amp; \\\\ \\u0001 Erdoğan ]]> -- edge";
// Right-to-left text with an explicit right-to-left override (U+202E).
const std::string kRtlName = "\\u202e\u05e9\u05dc\u05d5\u05dd \u0645\u062d\u0645\u062f";

// hostile -> node: two visits (a day, then a month); node -> hostile: force
// in July 2023 (a month); rtl -> hostile: force, undated.
std::string events_jsonl() {
  return R"({"document": "d", "source": {"id": "hostile", "name": ")" + kHostileName +
         R"(", "code": "TURGOV"}, "target": {"id": "node", "name": "node", "code": "RUS"}, "event": {"code": "042"}, "date": "2023-09-13", "sentence": 0})" "\n"
         R"({"document": "d", "source": {"id": "node", "name": "node"}, "target": {"id": "hostile", "name": "x"}, "event": {"code": "190"}, "date": "2023-07", "sentence": 1})" "\n"
         R"({"document": "d", "source": {"id": "hostile", "name": "x"}, "target": {"id": "node", "name": "node"}, "event": {"code": "042"}, "date": "2023-10", "sentence": 2})" "\n"
         R"({"document": "e", "source": {"name": ")" + kRtlName +
         R"(", "code": "PSE"}, "target": {"id": "hostile", "name": "x"}, "event": {"code": "190"}})" "\n";
}

struct Fixture {
  TempDir dir;
  std::unique_ptr<geokg::Store> store;
  Fixture() {
    store = geokg::open_sqlite_store(dir.file("g.db"));
    const auto report = geokg::ingest(*store, {dir.write("e.jsonl", events_jsonl())}, {});
    REQUIRE(report.clean());
  }
  geokg::ActorGraph graph(geokg::NodeMode nodes, geokg::EdgeMode mode) const {
    geokg::GraphOptions options;
    options.nodes = nodes;
    options.mode = mode;
    return geokg::build_actor_graph(*store, options);
  }
};

std::string gexf(const geokg::ActorGraph& graph) {
  std::ostringstream out;
  geokg::write_gexf(graph, out);
  return out.str();
}

// The text of the first element that starts with `start` (say `<edge id="e1"`),
// through its end tag; "" when there is none.
std::string element(const std::string& text, const std::string& start, const std::string& end) {
  const auto from = text.find(start);
  if (from == std::string::npos) return "";
  const auto to = text.find(end, from);
  return to == std::string::npos ? "" : text.substr(from, to + end.size() - from);
}

std::string edge(const std::string& text, const std::string& id) {
  return element(text, "<edge id=\"" + id + "\"", "</edge>");
}

std::string node(const std::string& text, const std::string& id) {
  return element(text, "<node id=\"" + id + "\"", "</node>");
}

bool well_formed_xml(const std::string& text) {
  xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "graph.gexf", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  const bool ok = doc != nullptr;
  xmlFreeDoc(doc);
  return ok;
}

std::string quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Validates `path` with xmllint against the GEXF 1.3 RELAX NG schema from
// ../shared when it is there.
void check_gexf_schema(const std::string& path) {
  const std::string rng = GEOKG_SHARED_DIR "/schemas/gexf/1.3/gexf.rng";
  if (!fs::exists(rng)) {
    WARN("skipped GEXF RELAX NG validation: " << rng << " is not present");
    return;
  }
  const std::string command =
      "xmllint --noout --nonet --relaxng " + quote(rng) + " " + quote(path) + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string report;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) report.append(buffer, n);
  const int status = ::pclose(pipe);
  INFO(path << ": " << report);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

}  // namespace

TEST_CASE("GEXF validates against the GEXF 1.3 RELAX NG schema in every graph mode",
          "[export][gexf]") {
  Fixture f;
  using geokg::EdgeMode;
  using geokg::NodeMode;
  const struct {
    const char* name;
    NodeMode nodes;
    EdgeMode mode;
  } cases[] = {
      {"actors-aggregated", NodeMode::Actors, EdgeMode::Aggregated},
      {"actors-per-event", NodeMode::Actors, EdgeMode::PerEvent},
      {"countries", NodeMode::Countries, EdgeMode::Aggregated},
      {"bipartite", NodeMode::Bipartite, EdgeMode::PerEvent},
  };
  for (const auto& mode : cases) {
    SECTION(mode.name) {
      const auto graph = f.graph(mode.nodes, mode.mode);
      REQUIRE(boost::num_edges(graph) > 0);
      const auto path = f.dir.file(std::string(mode.name) + ".gexf");
      geokg::export_graph(graph, geokg::ExportFormat::Gexf, path);
      const auto text = geokg::test::read_file(path);
      CHECK(text == gexf(graph));
      CHECK(well_formed_xml(text));
      CHECK(text.find('\x01') == std::string::npos);
      check_gexf_schema(path);
    }
  }
}

TEST_CASE("GEXF header declares a dynamic directed graph with a version marker",
          "[export][gexf]") {
  Fixture f;
  const auto text = gexf(f.graph(geokg::NodeMode::Actors, geokg::EdgeMode::Aggregated));
  CHECK(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  CHECK_THAT(text, Catch::Contains(R"(<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">)"));
  CHECK_THAT(text, Catch::Contains("<creator>geokg</creator>"));
  CHECK_THAT(text, Catch::Contains("<description>geokg-gexf/" +
                                   std::to_string(geokg::kGexfFormatVersion)));
  CHECK_THAT(text, Catch::Contains(R"(mode="dynamic")") &&
                       Catch::Contains(R"(defaultedgetype="directed")") &&
                       Catch::Contains(R"(timeformat="date")"));
  CHECK(text.find("schemaLocation") == std::string::npos);  // the RNG rejects it
  CHECK(text.find("lastmodifieddate") == std::string::npos);  // no timestamps
}

TEST_CASE("GEXF declares typed attributes and writes typed attvalues", "[export][gexf]") {
  Fixture f;
  const auto text = gexf(f.graph(geokg::NodeMode::Actors, geokg::EdgeMode::Aggregated));
  CHECK_THAT(text, Catch::Contains(R"(<attributes class="node" mode="static">)"));
  CHECK_THAT(text, Catch::Contains(R"(<attributes class="edge" mode="static">)"));
  CHECK_THAT(text, Catch::Contains(R"(<attribute id="v_kind" title="kind" type="string"/>)"));
  CHECK_THAT(text, Catch::Contains(R"(<attribute id="v_events" title="events" type="integer"/>)"));
  CHECK_THAT(text, Catch::Contains(R"(<attribute id="v_size" title="size" type="double"/>)"));
  CHECK_THAT(text, Catch::Contains(R"(<attribute id="v_event" title="event_id" type="long"/>)"));
  CHECK_THAT(text, Catch::Contains(R"(<attribute id="e_goldstein" title="goldstein" type="double"/>)"));
  CHECK_THAT(text, Catch::Contains(R"(<attribute id="e_quad" title="quad" type="integer"/>)"));
  CHECK_THAT(text, Catch::Contains(R"(<attribute id="e_count" title="count" type="integer"/>)"));
  CHECK_THAT(text, Catch::Contains(R"(<attribute id="e_event" title="event_id" type="long"/>)"));
  CHECK_THAT(text, Catch::Contains(R"(<attribute id="e_role" title="role" type="string"/>)"));

  const auto hostile = node(text, "hostile");
  REQUIRE_FALSE(hostile.empty());
  CHECK_THAT(hostile, Catch::Contains(R"(<attvalue for="v_kind" value="actor"/>)"));
  CHECK_THAT(hostile, Catch::Contains(R"(<attvalue for="v_code" value="TURGOV"/>)"));
  CHECK_THAT(hostile, Catch::Contains(R"(<attvalue for="v_country" value="TUR"/>)"));
  CHECK_THAT(hostile, Catch::Contains(R"(<attvalue for="v_agent" value="GOV"/>)"));
  CHECK_THAT(hostile, Catch::Contains(R"(<attvalue for="v_events" value="4"/>)"));
  CHECK_THAT(hostile, Catch::Contains(R"(<viz:size value=")"));
  CHECK(hostile.find("start=") == std::string::npos);  // actors are always present
  CHECK(hostile.find("v_date") == std::string::npos);  // event attributes only on events
}

TEST_CASE("GEXF edges carry their code as kind and their dates as intervals",
          "[export][gexf]") {
  Fixture f;
  const auto text = gexf(f.graph(geokg::NodeMode::Actors, geokg::EdgeMode::Aggregated));

  // Two visits, 2023-09-13 and 2023-10: from the day to the month's last day.
  const auto visits = edge(text, "e0");
  REQUIRE_FALSE(visits.empty());
  CHECK_THAT(visits, Catch::Contains(
                         R"(source="hostile" target="node" label="042 Make a visit" weight="2" kind="042" start="2023-09-13" end="2023-10-31">)"));
  CHECK_THAT(visits, Catch::Contains(R"(<attvalue for="e_count" value="2"/>)"));
  CHECK_THAT(visits, Catch::Contains(R"(<attvalue for="e_first_date" value="2023-09-13"/>)"));
  CHECK_THAT(visits, Catch::Contains(R"(<attvalue for="e_last_date" value="2023-10"/>)"));
  CHECK_THAT(visits, Catch::Contains(R"(<attvalue for="e_goldstein" value="1.9"/>)"));
  CHECK_THAT(visits, Catch::Contains(R"(<viz:color r="76" g="175" b="80"/>)"));
  CHECK(visits.find("e_event") == std::string::npos);  // aggregated edges have no event

  // Material conflict in July 2023 (month precision).
  const auto force = edge(text, "e1");
  REQUIRE_FALSE(force.empty());
  CHECK_THAT(force, Catch::Contains(R"(source="node" target="hostile")"));
  CHECK_THAT(force, Catch::Contains(R"(kind="190" start="2023-07-01" end="2023-07-31">)"));
  CHECK_THAT(force, Catch::Contains(R"(<viz:color r="229" g="57" b="53"/>)"));
  CHECK_THAT(force, Catch::Contains(R"(<attvalue for="e_code" value="190"/>)"));
  CHECK_THAT(force, Catch::Contains(R"(<attvalue for="e_root" value="19"/>)"));
  CHECK_THAT(force, Catch::Contains(R"(<attvalue for="e_quad" value="4"/>)"));
  CHECK_THAT(force, Catch::Contains(R"(<attvalue for="e_goldstein" value="-10"/>)"));
  CHECK_THAT(force, Catch::Contains(R"(<attvalue for="e_date" value="2023-07"/>)"));
  CHECK_THAT(force, Catch::Contains(R"(<attvalue for="e_color" value="#e53935"/>)"));
  CHECK_THAT(force, Catch::Contains(R"(<attvalue for="e_role" value="relation"/>)"));

  // The undated event: an edge with no interval, present at every time.
  const auto undated = edge(text, "e2");
  REQUIRE_FALSE(undated.empty());
  CHECK_THAT(undated, Catch::Contains(R"(target="hostile")") && Catch::Contains(R"(kind="190")"));
  CHECK(undated.find("start=") == std::string::npos);
  CHECK(undated.find("end=") == std::string::npos);
  CHECK(undated.find("e_date") == std::string::npos);
}

TEST_CASE("GEXF per-event edges use event ids", "[export][gexf]") {
  Fixture f;
  const auto text = gexf(f.graph(geokg::NodeMode::Actors, geokg::EdgeMode::PerEvent));
  const auto first = edge(text, "ev1");
  CHECK_THAT(first, Catch::Contains(R"(weight="1" kind="042" start="2023-09-13" end="2023-09-13">)"));
  CHECK_THAT(first, Catch::Contains(R"(<attvalue for="e_event" value="1"/>)"));
  CHECK_THAT(edge(text, "ev3"),
             Catch::Contains(R"(kind="042" start="2023-10-01" end="2023-10-31">)"));
  CHECK(edge(text, "e0").empty());
}

TEST_CASE("GEXF bipartite event nodes carry their date interval", "[export][gexf]") {
  Fixture f;
  const auto text = gexf(f.graph(geokg::NodeMode::Bipartite, geokg::EdgeMode::PerEvent));

  const auto event = node(text, "ev2");
  REQUIRE_FALSE(event.empty());
  CHECK_THAT(event, Catch::Contains(
                        R"(label="190 Use conventional military force, not specified below" start="2023-07-01" end="2023-07-31">)"));
  CHECK_THAT(event, Catch::Contains(R"(<attvalue for="v_kind" value="event"/>)"));
  CHECK_THAT(event, Catch::Contains(R"(<attvalue for="v_code" value="190"/>)"));
  CHECK_THAT(event, Catch::Contains(R"(<attvalue for="v_date" value="2023-07"/>)"));
  CHECK_THAT(event, Catch::Contains(R"(<attvalue for="v_sentence" value="1"/>)"));
  CHECK_THAT(event, Catch::Contains(R"(<attvalue for="v_document" value="d"/>)"));
  CHECK_THAT(event, Catch::Contains(R"(<attvalue for="v_event" value="2"/>)"));

  // The undated event's node is always present.
  const auto undated = node(text, "ev4");
  REQUIRE_FALSE(undated.empty());
  CHECK(undated.find("start=") == std::string::npos);

  // Actor nodes have no interval.
  CHECK(node(text, "hostile").find("start=") == std::string::npos);

  // Both halves of an event carry its interval and its role.
  const auto source_half = edge(text, "ev2-s");
  CHECK_THAT(source_half, Catch::Contains(
                              R"(source="node" target="ev2" label="190 Use conventional military force, not specified below" weight="1" kind="190" start="2023-07-01" end="2023-07-31">)"));
  CHECK_THAT(source_half, Catch::Contains(R"(<attvalue for="e_role" value="source"/>)"));
  const auto target_half = edge(text, "ev2-t");
  CHECK_THAT(target_half, Catch::Contains(R"(source="ev2" target="hostile")"));
  CHECK_THAT(target_half, Catch::Contains(R"(<attvalue for="e_role" value="target"/>)"));
  CHECK_THAT(target_half, Catch::Contains(R"(<viz:color r="229" g="57" b="53"/>)"));
}

TEST_CASE("GEXF escapes hostile names and keeps non-ASCII text", "[export][gexf]") {
  Fixture f;
  const auto text = gexf(f.graph(geokg::NodeMode::Actors, geokg::EdgeMode::Aggregated));
  CHECK(well_formed_xml(text));
  CHECK_THAT(node(text, "hostile"),
             Catch::Contains(
                 R"(label="Ali &quot;node&quot; &lt;b&gt;&amp;amp; \  Erdoğan ]]&gt; -- edge">)"));
  CHECK_THAT(text, Catch::Contains("\u202e\u05e9\u05dc\u05d5\u05dd \u0645\u062d\u0645\u062f"));
  CHECK(text.find('\x01') == std::string::npos);
  CHECK(text.find("]]>") == std::string::npos);
}

TEST_CASE("GEXF output is deterministic", "[export][gexf]") {
  Fixture f;
  for (const auto nodes : {geokg::NodeMode::Actors, geokg::NodeMode::Countries,
                           geokg::NodeMode::Bipartite}) {
    for (const auto mode : {geokg::EdgeMode::Aggregated, geokg::EdgeMode::PerEvent}) {
      const auto graph = f.graph(nodes, mode);
      const auto first = gexf(graph);
      CHECK(first == gexf(graph));
      CHECK(first == gexf(f.graph(nodes, mode)));  // a rebuilt graph too
    }
  }
}

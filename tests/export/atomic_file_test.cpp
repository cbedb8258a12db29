#include <catch2/catch.hpp>
#include <filesystem>

#include "geokg/export.hpp"
#include "test_support.hpp"

namespace {

std::size_t files_in(const std::filesystem::path& dir) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++count;
  return count;
}

}  // namespace

TEST_CASE("exports replace the target atomically", "[export][atomic]") {
  geokg::test::TempDir dir;
  const geokg::ActorGraph empty;
  const auto target = dir.write("graph.graphml", "old content");
  geokg::export_graph(empty, geokg::ExportFormat::GraphML, target);
  const auto text = geokg::test::read_file(target);
  CHECK(text.starts_with("<?xml"));
  CHECK_THAT(text, Catch::Contains("</graphml>"));
  CHECK(files_in(dir.path()) == 1);  // no temporary file left behind
  const auto perms = std::filesystem::status(target).permissions();
  CHECK((perms & std::filesystem::perms::others_read) != std::filesystem::perms::none);
}

TEST_CASE("unwritable targets give an error naming the path", "[export][atomic]") {
  geokg::test::TempDir dir;
  const geokg::ActorGraph empty;
  CHECK_THROWS_WITH(
      geokg::export_graph(empty, geokg::ExportFormat::Dot, dir.file("missing/graph.dot")),
      Catch::Contains("missing/graph.dot") && Catch::Contains("does not exist"));
  CHECK_THROWS_WITH(geokg::export_graph(empty, geokg::ExportFormat::Dot, dir.path().string()),
                    Catch::Contains("is a directory"));
  CHECK(files_in(dir.path()) == 0);
}

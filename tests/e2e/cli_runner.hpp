// Running the geokg binary and real readers of its output from Catch2 tests.
#pragma once

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "test_support.hpp"

namespace geokg::test {

namespace fs = std::filesystem;

inline const std::string kSource = GEOKG_SOURCE_DIR;
inline const std::string kShared = GEOKG_SHARED_DIR;
inline const std::string kCli = GEOKG_CLI;

inline std::string quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a shell command line, capturing stdout, stderr and the exit code.
inline Run run(const std::string& command) {
  TempDir scratch;
  const auto err_file = scratch.file("stderr");
  Run result;
  FILE* pipe = ::popen((command + " 2>" + quote(err_file)).c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_file(err_file);
  return result;
}

inline Run cli(const std::string& args) { return run(quote(kCli) + " " + args); }

inline nlohmann::json read_graph(const std::string& kind, const std::string& path) {
  const auto result = run("/usr/bin/python3 " + quote(kSource + "/tests/e2e/read_graph.py") + " " +
                          kind + " " + quote(path));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

// Validates against the GraphML XSD from ../shared when it is there.
inline void check_graphml_schema(const std::string& path) {
  const auto xsd = kShared + "/schemas/graphml/1.0/graphml.xsd";
  if (!fs::exists(xsd)) {
    WARN("skipped GraphML XSD validation: " << xsd << " is not present");
    return;
  }
  const auto result = run("xmllint --noout --nonet --schema " + quote(xsd) + " " + quote(path));
  INFO(result.err);
  CHECK(result.exit_code == 0);
}

}  // namespace geokg::test

// A small store whose query answers are worked out by hand in the tests.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "geokg/ingest.hpp"
#include "geokg/query.hpp"
#include "query_events.hpp"
#include "test_support.hpp"

namespace geokg::test {

struct QueryStore {
  TempDir dir;
  std::unique_ptr<Store> store;
  explicit QueryStore(const std::string& events = kQueryEvents) {
    store = open_sqlite_store(dir.file("q.db"));
    const auto report = ingest(*store, {dir.write("q.jsonl", events)}, {});
    INFO((report.problems.empty() ? "" : report.problems.front().message));
    REQUIRE(report.clean());
  }
  NodeRef node(const std::string& text, NodeLevel level = NodeLevel::Actor) const {
    return resolve_node(*store, text, level);
  }
};

}  // namespace geokg::test

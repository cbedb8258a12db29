// Ego networks and shortest paths for geokg query. Both walk out from the
// nodes asked about through the store's actor index (Store::for_each_link),
// so their cost follows the neighbourhoods they visit, not the store's size.
#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>
#include <limits>
#include <unordered_map>

#include "analytics_internal.hpp"
#include "geokg/graph.hpp"

namespace geokg {
namespace {

// Streams the links of every actor a node stands for, with the other end's node.
class NodeLinks {
 public:
  NodeLinks(const Store& store, const EventFilter& filter, NodeLevel level)
      : store_(store), filter_(filter), level_(level) {}

  template <typename Visit>  // Visit(const EventLink&, const NodeRef& other)
  void visit(const NodeRef& node, Visit&& visit_link) const {
    const auto ids = node.actor != 0 ? std::vector<std::int64_t>{node.actor}
                                     : store_.actor_ids(node.actors());
    store_.for_each_link(ids, filter_, [&](const EventLink& link) {
      const auto other = node_of(link.other, link.other_key, link.other_country, level_);
      if (other.key == node.key) return;  // within the node (RUSGOV -> RUSMIL as RUS)
      visit_link(link, other);
    });
  }

 private:
  const Store& store_;
  const EventFilter& filter_;
  NodeLevel level_;
};

// A node's index in a growing node list, by key.
class NodeIndex {
 public:
  std::size_t find(const std::string& key) const {
    const auto it = index_.find(key);
    return it == index_.end() ? kMissing : it->second;
  }
  std::size_t add(const NodeRef& node) {
    const auto [it, added] = index_.try_emplace(node.key, nodes_.size());
    if (added) nodes_.push_back(node);
    return it->second;
  }
  const std::vector<NodeRef>& nodes() const { return nodes_; }
  std::vector<NodeRef>& nodes() { return nodes_; }
  static constexpr std::size_t kMissing = static_cast<std::size_t>(-1);

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<NodeRef> nodes_;
};

void check_depth(int depth, const char* what) {
  if (depth < 0) throw GraphError(std::string(what) + " must not be negative");
}

}  // namespace

EgoNetwork ego_network(const Store& store, const NodeRef& centre, int depth,
                       const EventFilter& filter, NodeLevel level) {
  check_depth(depth, "the depth of an ego network");
  const ReadSnapshot snapshot(store);
  const NodeLinks links(store, filter, level);
  EgoNetwork ego;
  NodeIndex reached;
  reached.add(centre);
  ego.nodes.push_back({centre, 0, 0, {}});
  std::size_t layer_begin = 0;  // the frontier: ego.nodes[layer_begin, end)
  for (int d = 1; d <= depth; ++d) {
    // Candidates for this layer, each with its relation to every frontier
    // node it has events with; a frontier node's links arrive together, so
    // only the last entry can be the one to add to.
    struct Candidate {
      NodeRef node;
      std::vector<std::pair<std::size_t, RelationSummary>> vias;
    };
    std::vector<Candidate> candidates;
    std::unordered_map<std::string, std::size_t> candidate_of;
    const std::size_t layer_end = ego.nodes.size();
    for (std::size_t via = layer_begin; via < layer_end; ++via) {
      links.visit(ego.nodes[via].node, [&](const EventLink& link, const NodeRef& other) {
        if (reached.find(other.key) != NodeIndex::kMissing) return;  // an earlier layer
        const auto [it, added] = candidate_of.try_emplace(other.key, candidates.size());
        if (added) candidates.push_back({other, {}});
        auto& vias = candidates[it->second].vias;
        if (vias.empty() || vias.back().first != via) vias.emplace_back(via, RelationSummary{});
        vias.back().second.add(*link.event, link.date, link.outgoing);
      });
    }
    std::vector<EgoNode> layer;
    layer.reserve(candidates.size());
    for (auto& candidate : candidates) {
      // The busiest via; among equals, the smallest key.
      auto best = std::max_element(
          candidate.vias.begin(), candidate.vias.end(), [&](const auto& a, const auto& b) {
            if (a.second.events != b.second.events) return a.second.events < b.second.events;
            return ego.nodes[a.first].node.key > ego.nodes[b.first].node.key;
          });
      layer.push_back({std::move(candidate.node), d, best->first, best->second});
    }
    std::sort(layer.begin(), layer.end(), [](const EgoNode& a, const EgoNode& b) {
      if (a.relation.events != b.relation.events) return a.relation.events > b.relation.events;
      return a.node.key < b.node.key;
    });
    if (layer.empty()) break;
    for (auto& node : layer) {
      reached.add(node.node);
      ego.nodes.push_back(std::move(node));
    }
    layer_begin = layer_end;
  }
  return ego;
}

PathSet shortest_paths(const Store& store, const NodeRef& from, const NodeRef& to,
                       const EventFilter& filter, NodeLevel level, int max_depth,
                       std::size_t limit) {
  check_depth(max_depth, "the longest path");
  const ReadSnapshot snapshot(store);
  PathSet result;
  if (from.key == to.key) {
    result.nodes.push_back(from);
    result.paths.push_back({0});
    result.steps = 0;
    return result;
  }

  // 1. Breadth first from both ends at once, a whole layer of the smaller
  // frontier at a time, recording every arc met. When a layer reaches a
  // node the other side has reached, the explored arcs hold every shortest
  // path: each arc of such a path touches a node that was expanded.
  const NodeLinks links(store, filter, level);
  NodeIndex index;
  constexpr int kUnreached = std::numeric_limits<int>::max();
  struct Side {
    std::vector<std::size_t> frontier;
    int depth = 0;
    std::vector<int> distance;  // by node index
  };
  std::array<Side, 2> sides;
  sides[0].frontier = {index.add(from)};
  sides[1].frontier = {index.add(to)};
  std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
  auto distance = [&](const Side& side, std::size_t node) {
    return node < side.distance.size() ? side.distance[node] : kUnreached;
  };
  auto set_distance = [&](Side& side, std::size_t node, int value) {
    if (side.distance.size() <= node) side.distance.resize(node + 1, kUnreached);
    side.distance[node] = value;
  };
  set_distance(sides[0], 0, 0);
  set_distance(sides[1], 1, 0);
  bool met = false;
  while (!met && sides[0].depth + sides[1].depth < max_depth) {
    if (sides[0].frontier.empty() || sides[1].frontier.empty()) return result;
    Side& side = sides[0].frontier.size() <= sides[1].frontier.size() ? sides[0] : sides[1];
    const Side& other = &side == &sides[0] ? sides[1] : sides[0];
    std::vector<std::size_t> next;
    for (const auto node : side.frontier) {
      const NodeRef expanded = index.nodes()[node];  // a copy: add() may grow the list
      links.visit(expanded, [&](const EventLink&, const NodeRef& other_end) {
        const auto reached = index.add(other_end);
        arcs.emplace_back(static_cast<std::uint32_t>(node), static_cast<std::uint32_t>(reached));
        arcs.emplace_back(static_cast<std::uint32_t>(reached), static_cast<std::uint32_t>(node));
        if (distance(side, reached) != kUnreached) return;
        set_distance(side, reached, side.depth + 1);
        next.push_back(reached);
        if (distance(other, reached) != kUnreached) met = true;
      });
    }
    ++side.depth;
    side.frontier = std::move(next);
  }
  if (!met) return result;

  // 2. Distances from both ends over the explored arcs, with Boost's BFS.
  const auto n = index.nodes().size();
  std::sort(arcs.begin(), arcs.end());
  arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
  const SymmetricGraph graph(boost::edges_are_sorted, arcs.begin(), arcs.end(),
                             static_cast<std::uint32_t>(n));
  std::array<std::vector<std::uint32_t>, 2> steps;
  for (std::uint32_t end = 0; end < 2; ++end) {
    steps[end].assign(n, std::numeric_limits<std::uint32_t>::max());
    steps[end][end] = 0;  // node 0 is `from`, node 1 is `to`
    auto map = boost::make_iterator_property_map(steps[end].begin(),
                                                 boost::get(boost::vertex_index, graph));
    boost::breadth_first_search(
        graph, boost::vertex(end, graph),
        boost::visitor(boost::make_bfs_visitor(boost::record_distances(map, boost::on_tree_edge()))));
  }
  const auto total = steps[0][1];
  result.steps = static_cast<int>(total);

  // 3. Every path whose node k is k steps from `from` and total - k from
  // `to`, in key order, depth first; one past the limit tells truncation.
  const auto& nodes = index.nodes();
  std::vector<std::vector<std::uint32_t>> next_of(n);
  for (std::uint32_t u = 0; u < n; ++u) {
    if (steps[0][u] >= total || steps[0][u] + steps[1][u] != total) continue;
    for (const auto v : boost::make_iterator_range(boost::adjacent_vertices(u, graph))) {
      if (steps[0][v] == steps[0][u] + 1 && steps[1][v] + steps[0][v] == total) {
        next_of[u].push_back(v);
      }
    }
    std::sort(next_of[u].begin(), next_of[u].end(),
              [&](std::uint32_t a, std::uint32_t b) { return nodes[a].key < nodes[b].key; });
  }
  std::vector<std::vector<std::uint32_t>> found;
  std::vector<std::uint32_t> path{0};
  auto walk = [&](auto&& self, std::uint32_t u) -> void {
    if (limit != 0 && found.size() > limit) return;
    if (u == 1) {
      found.push_back(path);
      return;
    }
    for (const auto v : next_of[u]) {
      path.push_back(v);
      self(self, v);
      path.pop_back();
    }
  };
  walk(walk, 0);
  if (limit != 0 && found.size() > limit) {
    found.resize(limit);
    result.truncated = true;
  }
  // Keep only the nodes on the paths, renumbered in order of appearance.
  std::unordered_map<std::uint32_t, std::size_t> kept;
  for (const auto& nodes_on_path : found) {
    std::vector<std::size_t> renumbered;
    for (const auto u : nodes_on_path) {
      const auto [it, added] = kept.try_emplace(u, result.nodes.size());
      if (added) result.nodes.push_back(nodes[u]);
      renumbered.push_back(it->second);
    }
    result.paths.push_back(std::move(renumbered));
  }
  return result;
}

}  // namespace geokg

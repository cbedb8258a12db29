// Ego networks and shortest paths for geokg query. Both walk out from the
// nodes asked about through the store's actor index (Store::for_each_link),
// so their cost follows the neighbourhoods they visit, not the store's size.
#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>
#include <deque>
#include <limits>
#include <unordered_map>

#include "analytics_internal.hpp"
#include "geokg/graph.hpp"

namespace geokg {
namespace {

// A map from node identity to an index. Actor row ids are dense, so they
// index a vector (a hub has tens of thousands of partners: hashing them
// cost a tenth of a query); countries, negative, go to a hash map.
class IdentityMap {
 public:
  static constexpr std::size_t kMissing = static_cast<std::size_t>(-1);
  std::size_t find(std::int64_t identity) const {
    if (identity >= 0) {
      const auto i = static_cast<std::size_t>(identity);
      return i < dense_.size() ? dense_[i] : kMissing;
    }
    const auto it = sparse_.find(identity);
    return it == sparse_.end() ? kMissing : it->second;
  }
  // The index stored for `identity`, storing `value` first when there is none.
  std::pair<std::size_t, bool> try_emplace(std::int64_t identity, std::size_t value) {
    if (identity >= 0) {
      const auto i = static_cast<std::size_t>(identity);
      if (i >= dense_.size()) dense_.resize(std::max(i + 1, dense_.size() * 2), kMissing);
      if (dense_[i] != kMissing) return {dense_[i], false};
      dense_[i] = value;
      return {value, true};
    }
    const auto [it, added] = sparse_.try_emplace(identity, value);
    return {it->second, added};
  }

 private:
  std::vector<std::size_t> dense_;
  std::unordered_map<std::int64_t, std::size_t> sparse_;
};

// The nodes met while walking, numbered in order of discovery and found by
// an identity number: the actor's row id, or for a country minus its place
// in a short list. A link's other end is looked up without building a
// string; a NodeRef is made once per node.
class NodeIndex {
 public:
  explicit NodeIndex(NodeLevel level) : level_(level) {}

  std::int64_t identity(const NodeRef& node) {
    return node.actor != 0 ? node.actor : country_identity(node.country);
  }
  // The node of a link's other end.
  std::int64_t identity(const EventLink& link) {
    if (level_ == NodeLevel::Country && !link.other_country.empty()) {
      return country_identity(link.other_country);
    }
    return link.other;
  }
  std::size_t find(std::int64_t identity) const { return index_.find(identity); }
  std::size_t add(std::int64_t identity, const NodeRef& node) {
    const auto [index, added] = index_.try_emplace(identity, nodes_.size());
    if (added) nodes_.push_back(node);
    return index;
  }
  std::size_t add(std::int64_t identity, const EventLink& link) {
    const auto index = index_.find(identity);
    if (index != kMissing) return index;
    return add(identity, node_of(link.other, link.other_key, link.other_country, level_));
  }
  const std::vector<NodeRef>& nodes() const { return nodes_; }
  NodeLevel level() const { return level_; }
  static constexpr std::size_t kMissing = static_cast<std::size_t>(-1);

 private:
  std::int64_t country_identity(const std::string& country) {
    const auto [it, added] =
        countries_.try_emplace(country, -static_cast<std::int64_t>(countries_.size()) - 1);
    return it->second;
  }

  NodeLevel level_;
  IdentityMap index_;
  std::unordered_map<std::string, std::int64_t> countries_;
  std::vector<NodeRef> nodes_;
};

// Streams the links of every actor a node stands for, with the identity of
// the other end's node; links inside the node (RUSGOV -> RUSMIL as RUS) are
// left out. `ends` says whether the links must name the other end's key;
// at the country level they always do, since the country decides the node.
template <typename Visit>  // Visit(const EventLink&, std::int64_t other)
void visit_links(const Store& store, const EventFilter& filter, NodeIndex& index,
                 const NodeRef& node, LinkOther ends, Visit&& visit) {
  const auto self = index.identity(node);
  const auto ids =
      node.actor != 0 ? std::vector<std::int64_t>{node.actor} : store.actor_ids(node.actors());
  if (index.level() == NodeLevel::Country) ends = LinkOther::Described;
  store.for_each_link(ids, filter, ends, [&](const EventLink& link) {
    const auto other = index.identity(link);
    if (other != self) visit(link, other);
  });
}

void check_depth(int depth, const char* what) {
  if (depth < 0) throw GraphError(std::string(what) + " must not be negative");
}

}  // namespace

EgoNetwork ego_network(const Store& store, const NodeRef& centre, int depth,
                       const EventFilter& filter, NodeLevel level, std::size_t limit) {
  check_depth(depth, "the depth of an ego network");
  const ReadSnapshot snapshot(store);
  NodeIndex reached(level);
  reached.add(reached.identity(centre), centre);
  EgoNetwork ego;
  ego.nodes.push_back({centre, 0, 0, {}});
  ego.reached = 1;
  std::size_t layer_begin = 0;  // the frontier: ego.nodes[layer_begin, end)
  for (int d = 1; d <= depth; ++d) {
    // Candidates for this layer. A frontier node's links arrive together,
    // so each candidate sums the current via's events and keeps the best
    // via so far: the most events, then the smallest key. A hub's layer
    // holds tens of thousands of candidates, so they are kept small (their
    // memory, first touched, was a third of a query): keys and countries
    // go to one buffer, filled only for the candidates kept, and a best
    // relation through an earlier via is kept apart, only for candidates
    // that meet a second via.
    constexpr std::size_t kNoBest = static_cast<std::size_t>(-1);
    constexpr std::size_t kNoText = static_cast<std::size_t>(-1);
    struct Candidate {
      std::int64_t actor = 0;      // the other end of the first link met
      std::size_t text = kNoText;  // its key, then its country, in `texts`
      std::uint32_t key_size = 0;
      std::uint32_t country_size = 0;
      std::size_t via = 0;
      std::size_t best = kNoBest;  // index into `bests`
      RelationSummary relation;    // with `via`
    };
    struct Best {
      std::size_t via = 0;
      RelationSummary relation;
    };
    // A deque, not a vector: growing never copies what is already there.
    std::deque<Candidate> candidates;
    std::vector<Best> bests;
    std::string texts;
    IdentityMap candidate_of;
    auto better = [&](const Candidate& candidate, const Best& best) {
      const auto events = candidate.relation.events;
      return events > best.relation.events ||
             (events == best.relation.events &&
              ego.nodes[candidate.via].node.key < ego.nodes[best.via].node.key);
    };
    // The relation with the current via is complete: keep it if it is the best.
    auto settle = [&](Candidate& candidate) {
      if (candidate.best == kNoBest) {
        candidate.best = bests.size();
        bests.push_back({candidate.via, candidate.relation});
        return;
      }
      auto& best = bests[candidate.best];
      if (better(candidate, best)) best = {candidate.via, candidate.relation};
    };
    auto add_text = [&](Candidate& candidate, std::string_view key, std::string_view country) {
      candidate.text = texts.size();
      candidate.key_size = static_cast<std::uint32_t>(key.size());
      candidate.country_size = static_cast<std::uint32_t>(country.size());
      texts += key;
      texts += country;
    };
    // At the actor level a link's other end is found by its row id; its key
    // is looked up below, once per candidate kept, instead of once per link.
    const std::size_t layer_end = ego.nodes.size();
    for (std::size_t via = layer_begin; via < layer_end; ++via) {
      visit_links(store, filter, reached, ego.nodes[via].node, LinkOther::Id,
                  [&](const EventLink& link, std::int64_t other) {
                    if (reached.find(other) != NodeIndex::kMissing) return;  // an earlier layer
                    const auto [index, added] = candidate_of.try_emplace(other, candidates.size());
                    if (added) {
                      auto& candidate = candidates.emplace_back();
                      candidate.actor = link.other;
                      candidate.via = via;
                      if (level == NodeLevel::Country) {
                        add_text(candidate, link.other_key, link.other_country);
                      }
                    }
                    auto& candidate = candidates[index];
                    if (candidate.via != via) {
                      settle(candidate);
                      candidate.via = via;
                      candidate.relation = {};
                    }
                    candidate.relation.add(*link.event, link.date, link.outgoing);
                  });
    }
    if (candidates.empty()) break;
    ego.reached += candidates.size();
    // Each candidate's best via and relation, final, in its own fields.
    for (auto& candidate : candidates) {
      if (candidate.best == kNoBest) continue;
      settle(candidate);
      candidate.via = bests[candidate.best].via;
      candidate.relation = bests[candidate.best].relation;
    }

    // The layer in (most events, key) order, sorted as small entries:
    // moving whole candidates costs more than comparing them. Most of a
    // hub's partners tie on one or two events, so the keys decide; their
    // first eight bytes, as a number, decide almost every comparison
    // without touching the strings. At the country level a candidate's
    // key is its country.
    struct Entry {
      std::int64_t events;
      std::uint64_t prefix;
      std::string_view key;
      std::size_t index;
    };
    std::vector<Entry> order;
    order.reserve(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      order.push_back({candidates[i].relation.events, 0, {}, i});
    }
    // An inner layer is the next frontier and is kept whole; of the last,
    // only what fills `limit`. Those are the candidates with the most
    // events, down to the events of the last one kept, ties included: only
    // they need a key.
    std::size_t keep = candidates.size();
    const std::size_t before = ego.nodes.size() - 1;
    if (d == depth && limit != 0) keep = limit > before ? std::min(limit - before, keep) : 0;
    if (keep < order.size()) {
      auto by_events = [](const Entry& a, const Entry& b) { return a.events > b.events; };
      if (keep == 0) {
        order.clear();
      } else {
        std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep - 1),
                         order.end(), by_events);
        const auto least = order[keep - 1].events;
        order.erase(std::partition(order.begin(), order.end(),
                                   [least](const Entry& e) { return e.events >= least; }),
                    order.end());
      }
    }
    if (level != NodeLevel::Country) {
      std::vector<std::int64_t> ids;
      ids.reserve(order.size());
      for (const auto& entry : order) ids.push_back(candidates[entry.index].actor);
      std::sort(ids.begin(), ids.end());  // row id order reads the actors table in order
      const auto rows = store.actors_by_id(ids);
      std::unordered_map<std::int64_t, const ActorRow*> row_of;
      row_of.reserve(rows.size());
      for (const auto& row : rows) row_of.emplace(row.id, &row);
      texts.reserve(rows.size() * 24);
      for (const auto& entry : order) {
        auto& candidate = candidates[entry.index];
        const auto row = row_of.find(candidate.actor);
        if (row == row_of.end()) {
          add_text(candidate, {}, {});  // deleted while reading: cannot happen in a snapshot
        } else {
          add_text(candidate, row->second->actor.key, row->second->actor.country);
        }
      }
    }
    auto key_of = [&](const Candidate& candidate) {
      return std::string_view(texts).substr(candidate.text, candidate.key_size);
    };
    auto country_of = [&](const Candidate& candidate) {
      return std::string_view(texts).substr(candidate.text + candidate.key_size,
                                            candidate.country_size);
    };
    auto prefix_of = [](std::string_view key) {
      std::uint64_t prefix = 0;
      for (std::size_t i = 0; i < 8; ++i) {
        prefix = (prefix << 8) | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
      }
      return prefix;
    };
    for (auto& entry : order) {
      const auto& candidate = candidates[entry.index];
      const auto country = country_of(candidate);
      entry.key = level == NodeLevel::Country && !country.empty() ? country : key_of(candidate);
      entry.prefix = prefix_of(entry.key);
    }
    std::sort(order.begin(), order.end(), [](const Entry& a, const Entry& b) {
      if (a.events != b.events) return a.events > b.events;
      if (a.prefix != b.prefix) return a.prefix < b.prefix;
      return a.key < b.key;
    });
    order.resize(std::min(order.size(), keep));
    ego.nodes.reserve(ego.nodes.size() + order.size());
    for (const auto& entry : order) {
      const auto& candidate = candidates[entry.index];
      auto node = node_of(candidate.actor, key_of(candidate), country_of(candidate), level);
      // The last layer is never looked up again.
      if (d < depth) reached.add(reached.identity(node), node);
      ego.nodes.push_back({std::move(node), d, candidate.via, candidate.relation});
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
  NodeIndex index(level);
  constexpr int kUnreached = std::numeric_limits<int>::max();
  struct Side {
    std::vector<std::size_t> frontier;
    int depth = 0;
    std::vector<int> distance;  // by node index
  };
  std::array<Side, 2> sides;
  sides[0].frontier = {index.add(index.identity(from), from)};
  sides[1].frontier = {index.add(index.identity(to), to)};
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
      visit_links(store, filter, index, expanded, LinkOther::Described,
                  [&](const EventLink& link, std::int64_t end) {
                    const auto reached = index.add(end, link);
                    arcs.emplace_back(static_cast<std::uint32_t>(node),
                                      static_cast<std::uint32_t>(reached));
                    arcs.emplace_back(static_cast<std::uint32_t>(reached),
                                      static_cast<std::uint32_t>(node));
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
    boost::breadth_first_search(graph, boost::vertex(end, graph),
                                boost::visitor(boost::make_bfs_visitor(
                                    boost::record_distances(map, boost::on_tree_edge()))));
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

// Compact graph types shared by graph/'s analytics, private to graph/.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>

namespace geokg {

// Compressed sparse row graphs with 32-bit vertex and edge indexes: about
// twelve bytes per arc, so a network of ten million arcs stays near 100 MB.
// Digraph keeps in-edges too (page_rank reads them); SymmetricGraph holds
// both directions of each undirected pair, the undirected view that Boost's
// compressed graphs do not offer directly.
using Digraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                                   boost::no_property, boost::no_property,
                                                   std::uint32_t, std::uint32_t>;
using SymmetricGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, std::uint32_t, std::uint32_t>;

}  // namespace geokg

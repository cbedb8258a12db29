// GEXF 1.3 writer: being written in this session; see export.hpp.
#include "geokg/export.hpp"

namespace geokg {

void write_gexf(const ActorGraph&, std::ostream&) {
  throw ExportError("GEXF export is not built yet");
}

}  // namespace geokg

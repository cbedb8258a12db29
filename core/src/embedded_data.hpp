// The CAMEO tables of data/cameo/, embedded at build time (see
// core/CMakeLists.txt) so the binary needs no data files at run time.
#pragma once

#include <string_view>

namespace geokg::embedded {
extern const std::string_view kEventCodes;
extern const std::string_view kCountryCodes;
extern const std::string_view kAgentTypes;
}  // namespace geokg::embedded

// Placeholder: the dictionary loader is being written (issue #3).
#include "geokg/core.hpp"

namespace geokg {
const Dictionary& Dictionary::builtin() {
  static const Dictionary dictionary;
  return dictionary;
}
}  // namespace geokg

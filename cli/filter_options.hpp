// The event filter options every command that reads events shares
// (export, query): one wording, one place.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace geokg::cli {

inline void add_date_and_code_options(CLI::App& command, std::string& since, std::string& until,
                                      std::vector<std::string>& codes,
                                      std::vector<std::string>& quads) {
  command.add_option("--since", since, "Only events on or after this date (YYYY[-MM[-DD]])");
  command.add_option("--until", until, "Only events on or before this date");
  command.add_option("--code,--root", codes,
                     "CAMEO event code or root prefix, e.g. 04 or 042 (repeatable)");
  command.add_option("--quad", quads,
                     "Quad class 1-4: verbal/material cooperation, verbal/material conflict "
                     "(repeatable)");
}

}  // namespace geokg::cli

#include <algorithm>
#include <charconv>

#include "embedded_data.hpp"
#include "geokg/core.hpp"

namespace geokg {
namespace {

// Splits `text` into lines and each line at tabs; checks the version header
// "# geokg <kind> <version>" on the first line and skips other comments.
// `visit` gets the 1-based line number and the fields.
template <typename Visit>
std::string read_table(std::string_view text, std::string_view kind, std::string_view version,
                       std::size_t columns, Visit visit) {
  const std::string header = "# geokg " + std::string(kind) + " ";
  std::size_t line_number = 0;
  std::string found_version;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_number == 1) {
      if (!line.starts_with(header)) {
        throw ModelError("CAMEO table " + std::string(kind) + ": line 1 must be \"" + header +
                         std::string(version) + "\"");
      }
      found_version = std::string(line.substr(header.size()));
      if (found_version != version) {
        throw ModelError("CAMEO table " + std::string(kind) + ": version " + found_version +
                         " is not the supported version " + std::string(version));
      }
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
      const auto tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (fields.size() != columns) {
      throw ModelError("CAMEO table " + std::string(kind) + ": line " +
                       std::to_string(line_number) + " has " + std::to_string(fields.size()) +
                       " fields, expected " + std::to_string(columns));
    }
    visit(line_number, fields);
  }
  if (line_number == 0) throw ModelError("CAMEO table " + std::string(kind) + " is empty");
  return std::string(kind) + "/" + found_version;
}

bool all_of_class(std::string_view text, bool (*accept)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), accept);
}

}  // namespace

QuadClass EventCodeInfo::quad() const {
  // CAMEO roots fall into the quad classes in four contiguous bands, as GDELT
  // and ICEWS count them: 01-05, 06-08, 09-13, 14-20.
  const int root_number = (code[0] - '0') * 10 + (code[1] - '0');
  if (root_number <= 5) return QuadClass::VerbalCooperation;
  if (root_number <= 8) return QuadClass::MaterialCooperation;
  if (root_number <= 13) return QuadClass::VerbalConflict;
  return QuadClass::MaterialConflict;
}

Ontology::Ontology(std::string_view event_codes_tsv, std::string_view country_codes_tsv,
                   std::string_view agent_types_tsv) {
  version_ = read_table(
      event_codes_tsv, "cameo-event-codes", "1", 3,
      [&](std::size_t line, const std::vector<std::string_view>& f) {
        const auto code = f[0];
        const bool digits = all_of_class(code, [](char c) { return c >= '0' && c <= '9'; });
        if (!digits || code.size() < 2 || code.size() > 4 || code.substr(0, 2) < "01" ||
            code.substr(0, 2) > "20") {
          throw ModelError("CAMEO event codes: line " + std::to_string(line) + ": bad code \"" +
                           std::string(code) + "\"");
        }
        EventCodeInfo info{std::string(code), std::string(f[2]), 0.0};
        const auto goldstein = std::string(f[1]);
        std::size_t used = 0;
        try {
          info.goldstein = std::stod(goldstein, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used != goldstein.size() || info.goldstein < -10.0 || info.goldstein > 10.0) {
          throw ModelError("CAMEO event codes: line " + std::to_string(line) +
                           ": bad Goldstein value \"" + goldstein + "\"");
        }
        events_.push_back(std::move(info));
      });
  std::sort(events_.begin(), events_.end(),
            [](const auto& a, const auto& b) { return a.code < b.code; });
  const auto duplicate = std::adjacent_find(
      events_.begin(), events_.end(), [](const auto& a, const auto& b) { return a.code == b.code; });
  if (duplicate != events_.end()) {
    throw ModelError("CAMEO event codes: code " + duplicate->code + " is listed twice");
  }
  auto read_names = [](std::string_view text, std::string_view kind, auto& into) {
    read_table(text, kind, "1", 2, [&](std::size_t line, const std::vector<std::string_view>& f) {
      const bool upper = all_of_class(f[0], [](char c) { return c >= 'A' && c <= 'Z'; });
      if (!upper || f[0].size() != 3) {
        throw ModelError("CAMEO table " + std::string(kind) + ": line " + std::to_string(line) +
                         ": bad code \"" + std::string(f[0]) + "\"");
      }
      into.emplace(std::string(f[0]), std::string(f[1]));
    });
  };
  read_names(country_codes_tsv, "cameo-country-codes", countries_);
  read_names(agent_types_tsv, "cameo-agent-types", agents_);
}

const Ontology& Ontology::builtin() {
  // A function-local static: built once, thread-safely, and immutable after.
  static const Ontology ontology(embedded::kEventCodes, embedded::kCountryCodes,
                                 embedded::kAgentTypes);
  return ontology;
}

const EventCodeInfo* Ontology::find_event(std::string_view code) const {
  const auto it = std::lower_bound(events_.begin(), events_.end(), code,
                                   [](const auto& info, std::string_view c) { return info.code < c; });
  return it != events_.end() && it->code == code ? &*it : nullptr;
}

const EventCodeInfo& Ontology::event(std::string_view code) const {
  if (const auto* info = find_event(code)) return *info;
  throw ModelError("unknown CAMEO event code \"" + std::string(code) + "\"");
}

bool Ontology::is_country(std::string_view code) const { return countries_.contains(code); }

bool Ontology::is_agent(std::string_view code) const { return agents_.contains(code); }

std::string_view Ontology::country_name(std::string_view code) const {
  const auto it = countries_.find(code);
  return it == countries_.end() ? std::string_view{} : std::string_view{it->second};
}

ActorCode Ontology::split_actor_code(std::string_view code) const {
  ActorCode parts;
  if (code.size() < 3) return parts;
  auto first = code.substr(0, 3);
  if (is_country(first)) {
    parts.country = std::string(first);
    if (code.size() >= 6) parts.agent = std::string(code.substr(3, 3));
  } else {
    parts.agent = std::string(first);
  }
  return parts;
}

}  // namespace geokg

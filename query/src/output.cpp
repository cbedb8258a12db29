// Writing query results: aligned tables for people, JSON, JSON Lines and
// CSV for programs.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "geokg/query.hpp"

namespace geokg {
namespace {

// Cells of the text column are cut in tables: a sentence per row still fits
// a terminal. JSON and CSV keep them whole.
constexpr std::size_t kTableTextWidth = 72;

std::string shortest(double value) {
  std::array<char, 32> digits{};
  const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
  return std::string(digits.data(), result.ptr);
}

std::string fixed(double value, int decimals) {
  std::array<char, 64> digits{};
  std::snprintf(digits.data(), digits.size(), "%.*f", decimals, value);
  std::string text = digits.data();
  // -0.004 rounds to "-0.00": no sign on a zero.
  if (text[0] == '-' && text.find_first_not_of("0.", 1) == std::string::npos) text.erase(0, 1);
  return text;
}

// Control characters would break a row in two (or move the cursor).
std::string printable(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    clean.push_back(byte < 0x20 || byte == 0x7f ? ' ' : c);
  }
  return clean;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

// UTF-8 code points: the width of a cell, near enough for alignment.
std::size_t width(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return n;
}

std::string cut(std::string text, std::size_t max) {
  if (width(text) <= max) return text;
  std::size_t points = 0;
  std::size_t at = 0;
  for (; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xc0) != 0x80 && ++points > max - 1) break;
  }
  text.resize(at);
  return text + "\u2026";
}

bool is_number(const Value& value) {
  return std::holds_alternative<std::int64_t>(value) || std::holds_alternative<double>(value);
}

std::string table_cell(const Value& value, const Column& column) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "-";
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? "yes" : "no";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          return column.decimals >= 0 ? fixed(v, column.decimals) : shortest(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return printable(v);
        } else {
          return printable(joined(v, column.separator.empty() ? ", " : column.separator));
        }
      },
      value);
}

std::string csv_cell(const Value& value, const Column& column) {
  std::string text = std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "";
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          return shortest(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else {
          return joined(v, column.separator.empty() ? "; " : column.separator);
        }
      },
      value);
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

nlohmann::ordered_json json_value(const Value& value) {
  return std::visit(
      [](const auto& v) -> nlohmann::ordered_json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return nullptr;
        } else {
          return v;
        }
      },
      value);
}

nlohmann::ordered_json json_row(const Table& table, const std::vector<Value>& row) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    object[table.columns[i].name] = json_value(row[i]);
  }
  return object;
}

std::string dump(const nlohmann::ordered_json& json, int indent) {
  // Stored text is UTF-8 checked at ingest; `replace` keeps one bad byte
  // from failing the whole answer.
  return json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void write_table_text(const Table& table, std::ostream& out) {
  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].in_table) shown.push_back(i);
  }
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths;
  std::vector<bool> right(shown.size(), false);
  for (std::size_t c = 0; c < shown.size(); ++c) {
    const auto& column = table.columns[shown[c]];
    widths.push_back(width(column.heading.empty() ? column.name : column.heading));
  }
  for (const auto& row : table.rows) {
    std::vector<std::string> line;
    for (std::size_t c = 0; c < shown.size(); ++c) {
      const auto& column = table.columns[shown[c]];
      auto text = table_cell(row[shown[c]], column);
      if (column.name == "text") text = cut(std::move(text), kTableTextWidth);
      if (is_number(row[shown[c]])) right[c] = true;
      widths[c] = std::max(widths[c], width(text));
      line.push_back(std::move(text));
    }
    cells.push_back(std::move(line));
  }
  auto write_line = [&](const std::vector<std::string>& line) {
    std::string text;
    for (std::size_t c = 0; c < line.size(); ++c) {
      const auto pad = std::string(widths[c] - width(line[c]), ' ');
      if (c) text += "  ";
      text += right[c] ? pad + line[c] : (c + 1 == line.size() ? line[c] : line[c] + pad);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  out << table.name;
  if (table.total >= 0) {
    out << " (" << table.rows.size() << " of " << table.total << ")";
  } else {
    out << " (" << table.rows.size() << ")";
  }
  out << '\n';
  if (table.rows.empty()) return;
  std::vector<std::string> headings;
  for (const auto i : shown) {
    const auto& column = table.columns[i];
    headings.push_back(column.heading.empty() ? column.name : column.heading);
  }
  write_line(headings);
  for (const auto& line : cells) write_line(line);
  if (table.total > static_cast<std::int64_t>(table.rows.size())) {
    out << "(" << table.total - static_cast<std::int64_t>(table.rows.size())
        << " more; --limit 0 shows all)\n";
  }
}

}  // namespace

std::string_view to_string(OutputFormat format) {
  switch (format) {
    case OutputFormat::Table:
      return "table";
    case OutputFormat::Json:
      return "json";
    case OutputFormat::Jsonl:
      return "jsonl";
    case OutputFormat::Csv:
      return "csv";
  }
  return "table";
}

OutputFormat parse_output_format(std::string_view name) {
  for (auto format :
       {OutputFormat::Table, OutputFormat::Json, OutputFormat::Jsonl, OutputFormat::Csv}) {
    if (to_string(format) == name) return format;
  }
  throw QueryArgumentError("--format: unknown format \"" + std::string(name) +
                           "\" (expected table, json, jsonl or csv)");
}

void write_result(const QueryResult& result, OutputFormat format, std::ostream& out,
                  std::string_view part) {
  std::vector<const Table*> tables;
  for (const auto& table : result.tables) {
    if (part.empty() || table.name == part) tables.push_back(&table);
  }
  if (!part.empty() && tables.empty()) {
    std::string names;
    for (const auto& table : result.tables) names += (names.empty() ? "" : ", ") + table.name;
    throw QueryArgumentError("--part: " + result.command + " has no part \"" + std::string(part) +
                             "\" (it has " + names + ")");
  }
  nlohmann::ordered_json summary = nlohmann::ordered_json::object();
  for (const auto& [name, value] : result.about) summary[name] = json_value(value);
  nlohmann::ordered_json totals = nlohmann::ordered_json::object();
  for (const auto* table : tables) {
    totals[table->name] =
        table->total >= 0 ? table->total : static_cast<std::int64_t>(table->rows.size());
  }

  switch (format) {
    case OutputFormat::Table: {
      // One part asked for: that part alone.
      const auto& about = part.empty() ? result.about : decltype(result.about){};
      std::size_t name_width = 0;
      for (const auto& item : about) name_width = std::max(name_width, item.first.size());
      for (const auto& [name, value] : about) {
        out << name << std::string(name_width - name.size() + 2, ' ')
            << table_cell(value, Column{name, true, 2}) << '\n';
      }
      for (const auto* table : tables) {
        if (!about.empty() || table != tables.front()) out << '\n';
        write_table_text(*table, out);
      }
      break;
    }
    case OutputFormat::Json: {
      nlohmann::ordered_json json = nlohmann::ordered_json::object();
      json["command"] = result.command;
      json["summary"] = summary;
      for (const auto* table : tables) {
        auto& rows = json[table->name] = nlohmann::ordered_json::array();
        for (const auto& row : table->rows) rows.push_back(json_row(*table, row));
      }
      json["total_rows"] = totals;
      out << dump(json, 2) << '\n';
      break;
    }
    case OutputFormat::Jsonl: {
      nlohmann::ordered_json head = nlohmann::ordered_json::object();
      head["record"] = "summary";
      head["command"] = result.command;
      for (const auto& [name, value] : summary.items()) head[name] = value;
      head["total_rows"] = totals;
      out << dump(head, -1) << '\n';
      for (const auto* table : tables) {
        for (const auto& row : table->rows) {
          nlohmann::ordered_json line = nlohmann::ordered_json::object();
          line["record"] = table->record;
          const auto fields = json_row(*table, row);
          for (const auto& [name, value] : fields.items()) line[name] = value;
          out << dump(line, -1) << '\n';
        }
      }
      break;
    }
    case OutputFormat::Csv: {
      if (tables.empty()) break;
      const Table& table = *tables.front();
      std::string line;
      for (std::size_t i = 0; i < table.columns.size(); ++i) {
        line += (i ? "," : "") + csv_cell(table.columns[i].name, table.columns[i]);
      }
      out << line << "\r\n";
      for (const auto& row : table.rows) {
        line.clear();
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
          if (i) line += ',';
          line += csv_cell(row[i], table.columns[i]);
        }
        out << line << "\r\n";
      }
      break;
    }
  }
  out.flush();
  if (!out) throw QueryError("cannot write the result");
}

}  // namespace geokg

// Reader for GDELT event exports: GDELT 2.0 (61 tab-separated columns) and
// GDELT 1.0 daily files (57 columns, or 58 with SOURCEURL). The column
// mapping is documented in docs/gdelt.md.
#include "gdelt/gdelt_reader.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <unordered_map>

namespace geokg {
namespace gdelt {
namespace {

// A problem with the current row; caught per row and reported there.
class RowError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where the columns that differ between the versions are.
struct Layout {
  std::size_t columns;
  std::string_view extractor;
  std::size_t geo_name;
  std::size_t geo_country;
  std::size_t geo_lat;
  std::size_t geo_long;
  std::size_t date_added;
  std::size_t url;  // == columns when the layout has no SOURCEURL
  bool date_added_has_time;
};

constexpr Layout kGdelt2{61, "gdelt-2.0", 52, 53, 56, 57, 59, 60, true};
constexpr Layout kGdelt1Url{58, "gdelt-1.0", 50, 51, 53, 54, 56, 57, false};
constexpr Layout kGdelt1{57, "gdelt-1.0", 50, 51, 53, 54, 56, 57, false};

const Layout* layout_for(std::size_t columns) {
  switch (columns) {
    case 61:
      return &kGdelt2;
    case 58:
      return &kGdelt1Url;
    case 57:
      return &kGdelt1;
    default:
      return nullptr;
  }
}

std::string_view layout_name(const Layout& layout) {
  return layout.columns == 61 ? "GDELT 2.0" : "GDELT 1.0";
}

// Columns shared by every layout.
constexpr std::size_t kGlobalEventId = 0;
constexpr std::size_t kSqlDate = 1;
constexpr std::size_t kEventCode = 26;
constexpr std::size_t kBaseCode = 27;
constexpr std::size_t kRootCode = 28;
constexpr std::size_t kQuadClass = 29;
constexpr std::size_t kGoldstein = 30;
constexpr std::size_t kNumMentions = 31;
constexpr std::size_t kNumSources = 32;
constexpr std::size_t kNumArticles = 33;
constexpr std::size_t kAvgTone = 34;

struct ActorColumns {
  std::string_view label;  // "Actor1"
  std::size_t code, name, country, type1, type2, type3;
};
constexpr ActorColumns kActor1{"Actor1", 5, 6, 7, 12, 13, 14};
constexpr ActorColumns kActor2{"Actor2", 15, 16, 17, 22, 23, 24};

// Names, URLs and ids longer than this are refused, as the triples reader
// refuses them: readers of the exports choke on megabyte-long values.
constexpr std::size_t kMaxNameBytes = 1000;
// Rows held back to group the rows of one URL into one document. A GDELT
// 2.0 file (a quarter hour) fits, so its documents are whole.
constexpr std::size_t kGroupingRows = 8192;
// Actor names remembered with their keys; cleared when full.
constexpr std::size_t kNameCacheSize = 100000;

// A value for an error message: quoted, and cut when long.
std::string quoted(std::string_view value) {
  constexpr std::size_t kShown = 40;
  if (value.size() > kShown) return "\"" + std::string(value.substr(0, kShown)) + "...\"";
  return "\"" + std::string(value) + "\"";
}

std::int64_t integer(std::string_view text, std::string_view column) {
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) {
    throw RowError(std::string(column) + " " + quoted(text) + " is not an integer");
  }
  return value;
}

double number(std::string_view text, std::string_view column) {
  double value = 0;
  const auto* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) {
    throw RowError(std::string(column) + " " + quoted(text) + " is not a number");
  }
  return value;
}

std::optional<double> optional_number(std::string_view text, std::string_view column) {
  if (text.empty()) return std::nullopt;
  return number(text, column);
}

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "20150218" -> 2015-02-18, with the calendar checked.
std::optional<EventDate> day(std::string_view text) {
  if (text.size() != 8 || !all_digits(text)) return std::nullopt;
  const std::array<char, 10> iso{text[0], text[1], text[2], text[3], '-',
                                 text[4], text[5], '-',     text[6], text[7]};
  try {
    return EventDate::parse(std::string_view(iso.data(), iso.size()));
  } catch (const ModelError&) {
    return std::nullopt;
  }
}

EventDate sql_date(std::string_view text) {
  const auto date = day(text);
  if (!date) throw RowError("SQLDATE " + quoted(text) + " is not a date (YYYYMMDD)");
  return *date;
}

// DATEADDED as YYYYMMDDHHMMSS; GDELT 1.0's YYYYMMDD gets 000000.
std::int64_t date_added(std::string_view text, const Layout& layout) {
  const std::size_t size = layout.date_added_has_time ? 14 : 8;
  bool ok = text.size() == size && all_digits(text) && day(text.substr(0, 8));
  if (ok && layout.date_added_has_time) {
    auto two = [&](std::size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); };
    ok = two(8) < 24 && two(10) < 60 && two(12) < 61;
  }
  if (!ok) {
    throw RowError("DATEADDED " + quoted(text) + " is not a date (" +
                   (layout.date_added_has_time ? "YYYYMMDDHHMMSS" : "YYYYMMDD") + ")");
  }
  const auto value = integer(text, "DATEADDED");
  return layout.date_added_has_time ? value : value * 1000000;
}

// GDELT writes ethnic and religion parts in lower case ("ran", "hni").
bool valid_actor_code(std::string_view code) {
  return code.size() >= 3 && code.size() <= 15 && std::all_of(code.begin(), code.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
         });
}

void check_length(std::string_view what, std::string_view value) {
  if (value.size() > kMaxNameBytes) {
    throw RowError(std::string(what) + " is " + std::to_string(value.size()) +
                   " bytes long; at most " + std::to_string(kMaxNameBytes) + " are allowed");
  }
}

// Lets the maps below be searched with a string_view, without a copy.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

// Reads one file's rows and groups them into documents by SOURCEURL.
class RowReader {
 public:
  RowReader(const std::string& name, const Ontology& ontology,
            const std::function<void(DocumentRecord&&)>& emit, std::vector<InputProblem>& problems)
      : name_(name), ontology_(ontology), emit_(emit), problems_(problems) {}

  LineCounts read(ByteSource& source) {
    LineReader lines(source);
    LineReader::Line line;
    std::int64_t number = 0;
    while (lines.next(line)) {
      ++number;
      if (!line.too_long && line.text.find_first_not_of(" \t") == std::string_view::npos) continue;
      try {
        if (line.too_long) {
          throw RowError("line is longer than " + std::to_string(LineReader::kMaxLineBytes) +
                         " bytes");
        }
        if (line.text.starts_with("GLOBALEVENTID\t")) continue;  // a header line
        ++counts_.read;
        split(line);
        add_row(number);
      } catch (const RowError& error) {
        if (line.too_long) ++counts_.read;
        ++counts_.rejected;
        problems_.push_back({name_ + ":" + std::to_string(number), error.what()});
      }
    }
    flush();
    return counts_;
  }

 private:
  // Splits the line into fields_ and settles the file's layout on its first
  // row.
  void split(const LineReader::Line& line) {
    std::size_t count = 0;
    std::size_t start = 0;
    const auto text = line.text;
    for (;;) {
      const auto tab = text.find('\t', start);
      if (count < fields_.size()) {
        fields_[count] = text.substr(start, tab == std::string_view::npos ? tab : tab - start);
      }
      ++count;
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (!layout_) {
      layout_ = layout_for(count);
      if (!layout_) {
        throw RowError(std::to_string(count) +
                       " columns; a GDELT event row has 61 (GDELT 2.0), 57 or 58 (GDELT 1.0)");
      }
    }
    if (count != layout_->columns) {
      std::string message = std::to_string(count) + " columns; this file has " +
                            std::to_string(layout_->columns) + " (" +
                            std::string(layout_name(*layout_)) + ")";
      if (!line.complete) message = "truncated last line (no newline at the end): " + message;
      throw RowError(message);
    }
  }

  // The key and display name of an upper-case GDELT actor name.
  const std::pair<std::string, std::string>& names(std::string_view name) {
    const auto found = names_.find(name);
    if (found != names_.end()) return found->second;
    if (names_.size() >= kNameCacheSize) names_.clear();
    return names_.emplace(std::string(name), std::pair{make_key(name), title_case(name)})
        .first->second;
  }

  // Reads one actor; nothing when the row leaves it empty.
  std::optional<Actor> actor(const ActorColumns& columns, GdeltActorFields& fields) {
    const auto code = fields_[columns.code];
    auto name = fields_[columns.name];
    fields.country = fields_[columns.country];
    fields.type1 = fields_[columns.type1];
    fields.type2 = fields_[columns.type2];
    fields.type3 = fields_[columns.type3];
    if (code.empty() && name.empty()) return std::nullopt;
    if (!code.empty() && !valid_actor_code(code)) {
      throw RowError(std::string(columns.label) + "Code " + quoted(code) +
                     " is not a CAMEO actor code (3 to 15 letters or digits)");
    }
    if (name.empty()) name = code;
    check_length(std::string(columns.label) + "Name", name);
    const auto& [key, display] = names(name);
    if (key.empty()) {
      throw RowError(std::string(columns.label) + "Name " + quoted(name) +
                     " has no letters or digits");
    }
    Actor result;
    result.key = key;
    result.name = display;
    result.code = code;
    result.country = fields.country;
    result.agent = fields.type1;
    if (code.size() == 3 && ontology_.is_country(code)) result.type = ActorType::Country;
    return result;
  }

  void add_row(std::int64_t line_number) {
    const Layout& layout = *layout_;
    Event event;
    auto fields = std::make_shared<GdeltFields>();
    GdeltFields& g = *fields;
    g.global_event_id = integer(fields_[kGlobalEventId], "GLOBALEVENTID");
    if (g.global_event_id <= 0) throw RowError("GLOBALEVENTID must be positive");
    event.date = sql_date(fields_[kSqlDate]);
    event.code = fields_[kEventCode];
    if (!ontology_.find_event(event.code)) {
      throw RowError("EventCode " + quoted(event.code) + " is not a CAMEO event code");
    }
    g.base_code = fields_[kBaseCode];
    g.root_code = fields_[kRootCode];
    const auto quad = integer(fields_[kQuadClass], "QuadClass");
    if (quad < 1 || quad > 4) throw RowError("QuadClass must be 1, 2, 3 or 4");
    g.quad_class = static_cast<int>(quad);
    g.goldstein = number(fields_[kGoldstein], "GoldsteinScale");
    if (g.goldstein < -10.0 || g.goldstein > 10.0) {
      throw RowError("GoldsteinScale must be within -10 and 10");
    }
    g.num_mentions = integer(fields_[kNumMentions], "NumMentions");
    g.num_sources = integer(fields_[kNumSources], "NumSources");
    g.num_articles = integer(fields_[kNumArticles], "NumArticles");
    if (g.num_mentions < 0 || g.num_sources < 0 || g.num_articles < 0) {
      throw RowError("NumMentions, NumSources and NumArticles must not be negative");
    }
    g.avg_tone = number(fields_[kAvgTone], "AvgTone");
    g.latitude = optional_number(fields_[layout.geo_lat], "ActionGeo_Lat");
    g.longitude = optional_number(fields_[layout.geo_long], "ActionGeo_Long");
    g.date_added = date_added(fields_[layout.date_added], layout);
    if (const auto place = fields_[layout.geo_name]; !place.empty()) {
      check_length("ActionGeo_FullName", place);
      event.location = Location{std::string(place), std::string(fields_[layout.geo_country])};
    }
    auto source = actor(kActor1, g.actor1);
    auto target = actor(kActor2, g.actor2);
    if (source) event.source = Participant{source->key, source->code};
    if (target) event.target = Participant{target->key, target->code};
    event.extractor = layout.extractor;
    g.file = name_;
    g.line = line_number;
    event.gdelt = std::move(fields);

    std::string_view url;
    if (layout.url < layout.columns) {
      url = fields_[layout.url];
      if (!url.empty() && url.back() == '\r') url.remove_suffix(1);
      check_length("SOURCEURL", url);
    }
    const std::string no_url = url.empty() ? "gdelt:" + std::to_string(g.global_event_id) : "";
    const std::string_view key = url.empty() ? std::string_view(no_url) : url;

    // The rows of one URL go into one document while they are held back.
    auto slot = pending_index_.find(key);
    if (slot == pending_index_.end()) {
      slot = pending_index_.emplace(std::string(key), pending_.size()).first;
      DocumentRecord& record = pending_.emplace_back();
      record.document.key = key;
      record.document.url = url;
      record.document.origin = "gdelt";
    }
    DocumentRecord& record = pending_[slot->second];
    for (auto* participant : {&source, &target}) {
      if (!*participant) continue;
      const bool known = std::any_of(record.actors.begin(), record.actors.end(),
                                     [&](const Actor& a) { return a.key == (*participant)->key; });
      if (!known) record.actors.push_back(std::move(**participant));
    }
    record.events.push_back(std::move(event));
    if (++pending_rows_ >= kGroupingRows) flush();
  }

  void flush() {
    for (auto& record : pending_) emit_(std::move(record));
    pending_.clear();
    pending_index_.clear();
    pending_rows_ = 0;
  }

  const std::string& name_;
  const Ontology& ontology_;
  const std::function<void(DocumentRecord&&)>& emit_;
  std::vector<InputProblem>& problems_;
  LineCounts counts_;
  const Layout* layout_ = nullptr;
  std::array<std::string_view, 62> fields_;
  std::vector<DocumentRecord> pending_;
  std::unordered_map<std::string, std::size_t, TextHash, std::equal_to<>> pending_index_;
  std::size_t pending_rows_ = 0;
  std::unordered_map<std::string, std::pair<std::string, std::string>, TextHash, std::equal_to<>>
      names_;
};

}  // namespace

std::size_t StreamSource::read(char* buffer, std::size_t size) {
  in_.read(buffer, static_cast<std::streamsize>(size));
  if (in_.bad()) throw IngestError(name_, "read error");
  return static_cast<std::size_t>(in_.gcount());
}

LineReader::LineReader(ByteSource& source) : source_(source), buffer_(kMaxLineBytes) {}

bool LineReader::fill() {
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) return true;  // full: the caller cuts the line
  const auto got = source_.read(buffer_.data() + end_, buffer_.size() - end_);
  if (got == 0) eof_ = true;
  end_ += got;
  return got > 0;
}

bool LineReader::next(Line& line) {
  std::size_t scanned = 0;  // bytes after begin_ known to hold no newline
  line.too_long = false;
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const auto* newline =
        static_cast<const char*>(std::memchr(start + scanned, '\n', end_ - begin_ - scanned));
    if (newline) {
      line.text = std::string_view(start, static_cast<std::size_t>(newline - start));
      line.complete = true;
      begin_ += line.text.size() + 1;
      break;
    }
    scanned = end_ - begin_;
    if (scanned >= kMaxLineBytes) {
      // Drop the rest of the line; report it once, as cut.
      line.text = std::string_view(start, 0);
      line.too_long = true;
      line.complete = true;
      for (;;) {
        begin_ = end_;
        if (!fill() && eof_) return true;
        const auto* end =
            static_cast<const char*>(std::memchr(buffer_.data() + begin_, '\n', end_ - begin_));
        if (end) {
          begin_ = static_cast<std::size_t>(end - buffer_.data()) + 1;
          return true;
        }
      }
    }
    if (eof_) {
      if (begin_ == end_) return false;
      line.text = std::string_view(start, end_ - begin_);
      line.complete = false;
      begin_ = end_;
      break;
    }
    fill();
  }
  if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
  return true;
}

std::string title_case(std::string_view name) {
  std::string result;
  result.reserve(name.size());
  bool in_word = false;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(name.data());
  for (std::size_t at = 0; at < name.size();) {
    utf8proc_int32_t c = 0;
    const auto length =
        utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(name.size() - at), &c);
    if (length <= 0) {  // not UTF-8: keep the byte as it is
      result.push_back(name[at++]);
      in_word = true;
      continue;
    }
    at += static_cast<std::size_t>(length);
    const auto category = utf8proc_category(c);
    const bool letter = category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
    if (letter) c = in_word ? utf8proc_tolower(c) : utf8proc_toupper(c);
    utf8proc_uint8_t encoded[4];
    const auto size = utf8proc_encode_char(c, encoded);
    result.append(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(size));
    // Digits and apostrophes keep a word going ("O'BRIEN" -> "O'brien").
    in_word = letter || (c >= '0' && c <= '9') || c == '\'';
  }
  return result;
}

LineCounts read_rows(ByteSource& source, const std::string& name, const Ontology& ontology,
                     const std::function<void(DocumentRecord&&)>& emit,
                     std::vector<InputProblem>& problems) {
  RowReader reader(name, ontology, emit, problems);
  return reader.read(source);
}

}  // namespace gdelt

LineCounts read_gdelt(std::istream& in, const std::string& name, const Ontology& ontology,
                      const std::function<void(DocumentRecord&&)>& emit,
                      std::vector<InputProblem>& problems) {
  if (!gdelt::is_zip(in)) {
    gdelt::StreamSource source(in, name);
    return gdelt::read_rows(source, name, ontology, emit, problems);
  }
  LineCounts total;
  gdelt::for_each_zip_entry(in, name, [&](gdelt::ByteSource& source, const std::string& entry) {
    const auto counts = gdelt::read_rows(source, entry, ontology, emit, problems);
    total.read += counts.read;
    total.rejected += counts.rejected;
  });
  return total;
}

}  // namespace geokg

// The batched writer of new events. With sqlite_store.cpp,
// sqlite_queries.cpp and sqlite_gdelt.cpp, the only code that knows the
// schema.
#include "sqlite_events.hpp"

#include <algorithm>
#include <string_view>

namespace geokg::sqlite {
namespace {

// As SqliteStore writes events, with the id given.
constexpr std::string_view kEventColumns =
    "id, document_id, code, source_id, source_code, target_id, target_code, "
    "date_from, date_precision_code, date_inferred, location_name, location_country, "
    "sentence, span_start, span_end, text, negated, modality_code, confidence, extractor_id";
constexpr std::string_view kGdeltColumns =
    "event_id, global_event_id, base_code, root_code, quad_class, goldstein, num_mentions, "
    "num_sources, num_articles, avg_tone, date_added, actor1_country, actor1_type1, "
    "actor1_type2, actor1_type3, actor2_country, actor2_type1, actor2_type2, actor2_type3, "
    "action_geo_lat, action_geo_long, file_id, line";

}  // namespace

EventTable::EventTable(const Database& db)
    : db_(db),
      find_(db, "SELECT event_id, num_mentions FROM event_gdelt WHERE global_event_id = ?"),
      insert_events_(db, "events", kEventColumns),
      insert_gdelts_(db, "event_gdelt", kGdeltColumns),
      update_(db,
              "UPDATE event_gdelt SET num_mentions = ?2, num_sources = ?3, num_articles = ?4, "
              "avg_tone = ?5, file_id = ?6, line = ?7 WHERE event_id = ?1 AND num_mentions < ?2"),
      find_max_(db, "SELECT max(global_event_id) FROM event_gdelt"),
      find_max_event_(db, "SELECT max(id) FROM events"),
      find_file_(db, "SELECT id FROM gdelt_files WHERE name = ?"),
      insert_file_(db, "INSERT INTO gdelt_files(name) VALUES (?)"),
      find_extractor_(db, "SELECT id FROM extractors WHERE name = ?"),
      insert_extractor_(db, "INSERT INTO extractors(name) VALUES (?)") {
  pending_.reserve(RowInserter::kMaxRows);
}

void EventTable::begin() {
  max_id_ = -1;
  next_event_id_ = -1;
  added_.clear();
}

std::optional<EventTable::Stored> EventTable::find(std::int64_t global_event_id) {
  if (added_.contains(global_event_id)) flush();  // it may be held back
  if (max_id_ < 0) {
    max_id_ = find_max_.step() ? find_max_.int64(0) : 0;  // NULL (no rows) reads as 0
    find_max_.reset();
  }
  if (global_event_id > max_id_ && !added_.contains(global_event_id)) return std::nullopt;
  find_.bind(1, global_event_id);
  std::optional<Stored> stored;
  if (find_.step()) stored = Stored{find_.int64(0), find_.int64(1)};
  find_.reset();
  return stored;
}

std::int64_t EventTable::row_named(Statement& find, Statement& insert, std::string_view name) {
  find.bind(1, name);
  const std::int64_t id = find.step() ? find.int64(0) : 0;
  find.reset();
  if (id != 0) return id;
  insert.bind(1, name).run();
  return db_.last_insert_rowid();
}

std::int64_t EventTable::extractor_id(std::string_view name) {
  if (name.empty()) name = "unknown";
  if (const auto known = extractors_.find(name); known != extractors_.end()) return known->second;
  const auto id = row_named(find_extractor_, insert_extractor_, name);
  extractors_.emplace(std::string(name), id);
  return id;
}

std::int64_t EventTable::file_id(const std::string& name) {
  if (last_file_id_ != 0 && name == last_file_) return last_file_id_;
  last_file_id_ = row_named(find_file_, insert_file_, name);
  last_file_ = name;
  return last_file_id_;
}

std::int64_t EventTable::next_event_id() {
  // Under the write lock, so no other connection adds events meanwhile;
  // the ids are the ones SQLite itself would give (max + 1).
  if (next_event_id_ < 0) {
    next_event_id_ = (find_max_event_.step() ? find_max_event_.int64(0) : 0) + 1;
    find_max_event_.reset();
  }
  return next_event_id_++;
}

void EventTable::bind_event(Statement& statement, int first, const Pending& row) {
  const Event& event = *row.event;
  const int at = first - 1;
  statement.bind(at + 1, row.event_id).bind(at + 2, row.document_id).bind_ref(at + 3, event.code);
  // An end with its actor's own code leaves the code NULL (EventEnds).
  const EventEnds& ends = row.ends;
  if (ends.source_id != 0) {
    statement.bind(at + 4, ends.source_id);
    if (!ends.source_is_actors) statement.bind_ref(at + 5, ends.source_code);
  }
  if (ends.target_id != 0) {
    statement.bind(at + 6, ends.target_id);
    if (!ends.target_is_actors) statement.bind_ref(at + 7, ends.target_code);
  }
  if (event.date) {
    statement.bind(at + 8, static_cast<std::int64_t>(event.date->first_day()))
        .bind(at + 9, precision_code(event.date->precision));
  }
  statement.bind(at + 10, event.date_inferred ? 1 : 0);
  if (event.location) {
    statement.bind_ref_or_null(at + 11, event.location->name)
        .bind_ref_or_null(at + 12, event.location->country);
  }
  if (event.sentence) statement.bind(at + 13, *event.sentence);
  if (event.span) statement.bind(at + 14, event.span->start).bind(at + 15, event.span->end);
  if (row.keep_text) statement.bind_ref_or_null(at + 16, event.text);
  statement.bind(at + 17, event.negated ? 1 : 0)
      .bind(at + 18, modality_code(event.modality))
      .bind(at + 19, event.confidence)
      .bind(at + 20, row.extractor_id);
}

void EventTable::bind_gdelt(Statement& statement, int first, const Pending& row) {
  const GdeltFields& fields = *row.event->gdelt;
  const int at = first - 1;
  statement.bind(at + 1, row.event_id)
      .bind(at + 2, fields.global_event_id)
      .bind_ref(at + 3, fields.base_code)
      .bind_ref(at + 4, fields.root_code)
      .bind(at + 5, fields.quad_class)
      .bind(at + 6, fields.goldstein)
      .bind(at + 7, fields.num_mentions)
      .bind(at + 8, fields.num_sources)
      .bind(at + 9, fields.num_articles)
      .bind(at + 10, fields.avg_tone)
      .bind(at + 11, fields.date_added)
      .bind_ref_or_null(at + 12, fields.actor1.country)
      .bind_ref_or_null(at + 13, fields.actor1.type1)
      .bind_ref_or_null(at + 14, fields.actor1.type2)
      .bind_ref_or_null(at + 15, fields.actor1.type3)
      .bind_ref_or_null(at + 16, fields.actor2.country)
      .bind_ref_or_null(at + 17, fields.actor2.type1)
      .bind_ref_or_null(at + 18, fields.actor2.type2)
      .bind_ref_or_null(at + 19, fields.actor2.type3);
  if (fields.latitude) statement.bind(at + 20, *fields.latitude);
  if (fields.longitude) statement.bind(at + 21, *fields.longitude);
  statement.bind(at + 22, row.file_id).bind(at + 23, fields.line);
}

std::int64_t EventTable::insert(std::int64_t document_id, const Event& event, bool keep_text,
                                EventEnds ends) {
  const auto id = next_event_id();
  pending_.push_back({id, document_id, &event, keep_text, extractor_id(event.extractor),
                      std::move(ends), event.gdelt ? file_id(event.gdelt->file) : 0});
  if (event.gdelt && event.gdelt->global_event_id > max_id_) {
    added_.insert(event.gdelt->global_event_id);
  }
  if (pending_.size() == RowInserter::kMaxRows) flush_events();
  return id;
}

void EventTable::flush_events() {
  // Events first: GDELT rows reference them.
  insert_events_.insert(pending_.size(), [&](Statement& statement, int first, std::size_t i) {
    bind_event(statement, first, pending_[i]);
  });
  gdelt_rows_.clear();
  for (const auto& row : pending_) {
    if (row.event->gdelt) gdelt_rows_.push_back(&row);
  }
  insert_gdelts_.insert(gdelt_rows_.size(), [&](Statement& statement, int first, std::size_t i) {
    bind_gdelt(statement, first, *gdelt_rows_[i]);
  });
  pending_.clear();
}

void EventTable::flush() {
  flush_events();
  next_event_id_ = -1;  // other code may insert events before the next row
}

bool EventTable::update(const Stored& stored, const GdeltFields& fields) {
  if (fields.num_mentions <= stored.num_mentions) return false;
  update_.bind(1, stored.event_id)
      .bind(2, fields.num_mentions)
      .bind(3, fields.num_sources)
      .bind(4, fields.num_articles)
      .bind(5, fields.avg_tone)
      .bind(6, file_id(fields.file))
      .bind(7, fields.line)
      .run();
  return true;
}

void EventTable::forget() {
  pending_.clear();
  extractors_.clear();  // rows added by the rolled-back transaction are gone
  last_file_.clear();
  last_file_id_ = 0;
  begin();
}

}  // namespace geokg::sqlite

// Shared fixtures for the geokg tests.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace geokg::test {

// A fresh directory under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "geokg-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

  // Writes `content` to `name` inside the directory and returns its path.
  std::string write(const std::string& name, const std::string& content) const {
    const auto target = path_ / name;
    std::filesystem::create_directories(target.parent_path());
    std::ofstream(target, std::ios::binary) << content;
    return target.string();
  }

 private:
  std::filesystem::path path_;
};

// SQL that turns a store of the current schema back into what geokg wrote
// at an older schema version, keeping its data, to test migrations from
// there.
// Run with foreign keys off (raw connections have them off): tables are
// rebuilt under the names others refer to.
inline const std::string kDowngradeToVersion6 =
    // 7: events with text dates, modality, extractor and fingerprints (the
    // event id stands in for a fingerprint: SQL cannot compute geokg's);
    // event_links with date_to; mentions with span_end
    "DROP VIEW event_triples; DROP VIEW gdelt_events; DROP VIEW event_participants; "
    "DROP VIEW actor_mentions; DROP TRIGGER event_links_delete; "
    "DROP TRIGGER mentions_count_delete; DROP TRIGGER documents_delete_mentions; "
    "CREATE TABLE events_v6(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL "
    "REFERENCES documents(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "
    "fingerprint INTEGER NOT NULL, code TEXT NOT NULL, source_id INTEGER REFERENCES actors(id) "
    "DEFERRABLE INITIALLY DEFERRED, source_code TEXT, target_id INTEGER REFERENCES actors(id) "
    "DEFERRABLE INITIALLY DEFERRED, target_code TEXT, date TEXT, date_precision TEXT, "
    "date_from INTEGER, date_to INTEGER, date_inferred INTEGER NOT NULL DEFAULT 0, "
    "location_name TEXT, location_country TEXT, sentence INTEGER, span_start INTEGER, "
    "span_end INTEGER, text TEXT, negated INTEGER NOT NULL DEFAULT 0, "
    "modality TEXT NOT NULL DEFAULT 'asserted', confidence REAL NOT NULL DEFAULT 1.0, "
    "extractor TEXT NOT NULL, UNIQUE (document_id, fingerprint)); "
    "INSERT INTO events_v6 SELECT e.id, e.document_id, e.id, e.code, e.source_id, "
    "CASE WHEN e.source_id IS NOT NULL THEN NULLIF(COALESCE(e.source_code, sa.code), '') END, "
    "e.target_id, "
    "CASE WHEN e.target_id IS NOT NULL THEN NULLIF(COALESCE(e.target_code, ta.code), '') END, "
    "e.date, e.date_precision, e.date_from, e.date_to, e.date_inferred, e.location_name, "
    "e.location_country, e.sentence, e.span_start, e.span_end, e.text, e.negated, e.modality, "
    "e.confidence, x.name FROM events e JOIN extractors x ON x.id = e.extractor_id "
    "LEFT JOIN actors sa ON sa.id = e.source_id LEFT JOIN actors ta ON ta.id = e.target_id; "
    "CREATE TABLE event_links_v6(actor_id INTEGER NOT NULL, other_id INTEGER NOT NULL, "
    "event_id INTEGER NOT NULL, outgoing INTEGER NOT NULL, code TEXT NOT NULL, "
    "date_from INTEGER, date_to INTEGER, date_precision TEXT, "
    "PRIMARY KEY (actor_id, other_id, event_id, outgoing)) WITHOUT ROWID; "
    "INSERT INTO event_links_v6 SELECT l.actor_id, l.other_id, l.event_id, l.outgoing, l.code, "
    "e.date_from, e.date_to, e.date_precision FROM event_links l "
    "JOIN events_v6 e ON e.id = l.event_id; "
    "CREATE TABLE mentions_v6(document_id INTEGER NOT NULL REFERENCES documents(id) "
    "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, span_start INTEGER NOT NULL, "
    "span_end INTEGER NOT NULL, actor_id INTEGER NOT NULL REFERENCES actors(id) "
    "DEFERRABLE INITIALLY DEFERRED, sentence INTEGER, "
    "PRIMARY KEY (document_id, span_start, span_end, actor_id)) WITHOUT ROWID; "
    "INSERT INTO mentions_v6 SELECT document_id, span_start, span_end, actor_id, sentence "
    "FROM mentions; "
    "DROP TABLE events; DROP TABLE event_links; DROP TABLE mentions; DROP TABLE extractors; "
    "ALTER TABLE events_v6 RENAME TO events; ALTER TABLE event_links_v6 RENAME TO event_links; "
    "ALTER TABLE mentions_v6 RENAME TO mentions; "
    "CREATE INDEX events_date ON events(date_from); "
    "CREATE TRIGGER mentions_count_delete AFTER DELETE ON mentions BEGIN "
    "UPDATE actor_mention_counts SET mentions = mentions - 1 WHERE actor_id = OLD.actor_id; END; "
    "CREATE VIEW actor_mentions AS SELECT d.key AS document, a.name AS actor, a.code, "
    "m.sentence, m.span_start, m.span_end, "
    "substr(d.text, m.span_start + 1, m.span_end - m.span_start) AS text FROM mentions m "
    "JOIN documents d ON d.id = m.document_id JOIN actors a ON a.id = m.actor_id; "
    "CREATE TRIGGER event_links_delete AFTER DELETE ON events BEGIN "
    "DELETE FROM event_links WHERE actor_id = OLD.source_id AND "
    "other_id = COALESCE(OLD.target_id, 0) AND event_id = OLD.id; "
    "DELETE FROM event_links WHERE actor_id = OLD.target_id AND "
    "other_id = COALESCE(OLD.source_id, 0) AND event_id = OLD.id; END; "
    "CREATE VIEW event_participants AS SELECT id AS event_id, 'source' AS role, "
    "source_id AS actor_id, source_code AS code FROM events WHERE source_id IS NOT NULL "
    "UNION ALL SELECT id, 'target', target_id, target_code FROM events "
    "WHERE target_id IS NOT NULL; "
    "CREATE VIEW event_triples AS SELECT e.id AS event_id, d.key AS document, e.date, "
    "e.date_precision, e.date_inferred, sa.name AS source, e.source_code, e.code, c.label, "
    "c.quad, c.goldstein, ta.name AS target, e.target_code, e.location_name AS location, "
    "e.location_country, e.negated, e.modality, e.confidence, e.sentence, "
    "COALESCE(e.text, substr(d.text, e.span_start + 1, e.span_end - e.span_start)) AS text "
    "FROM events e JOIN documents d ON d.id = e.document_id "
    "LEFT JOIN cameo_event_codes c ON c.code = e.code "
    "LEFT JOIN actors sa ON sa.id = e.source_id LEFT JOIN actors ta ON ta.id = e.target_id; "
    "CREATE VIEW gdelt_events AS SELECT g.global_event_id, e.date AS sql_date, "
    "e.source_code AS actor1_code, sa.name AS actor1_name, g.actor1_country, g.actor1_type1, "
    "g.actor1_type2, g.actor1_type3, e.target_code AS actor2_code, ta.name AS actor2_name, "
    "g.actor2_country, g.actor2_type1, g.actor2_type2, g.actor2_type3, e.code AS event_code, "
    "g.base_code, g.root_code, g.quad_class, g.goldstein, g.num_mentions, g.num_sources, "
    "g.num_articles, g.avg_tone, e.location_name AS action_geo_fullname, "
    "e.location_country AS action_geo_country, g.action_geo_lat, g.action_geo_long, "
    "g.date_added, d.url AS source_url, e.extractor, f.name AS file, g.line, "
    "e.id AS event_id, d.key AS document FROM event_gdelt g JOIN events e ON e.id = g.event_id "
    "JOIN documents d ON d.id = e.document_id JOIN gdelt_files f ON f.id = g.file_id "
    "LEFT JOIN actors sa ON sa.id = e.source_id LEFT JOIN actors ta ON ta.id = e.target_id; "
    "PRAGMA user_version = 6; ";

inline const std::string kDowngradeToVersion5 =
    kDowngradeToVersion6 +
    // 6: the index from actors to mentions instead of their counts
    "DROP TRIGGER mentions_count_delete; DROP TABLE actor_mention_counts; "
    "CREATE INDEX mentions_actor ON mentions(actor_id); "
    "PRAGMA user_version = 5; ";

inline const std::string kDowngradeToVersion4 =
    kDowngradeToVersion5 +
    // 5: event ends back into event_participants
    "DROP VIEW event_triples; DROP VIEW gdelt_events; DROP VIEW event_participants; "
    "CREATE TABLE event_participants(event_id INTEGER NOT NULL REFERENCES events(id) "
    "ON DELETE CASCADE, role TEXT NOT NULL CHECK (role = 'source' OR role = 'target'), "
    "actor_id INTEGER NOT NULL REFERENCES actors(id), code TEXT, PRIMARY KEY (event_id, role)) "
    "WITHOUT ROWID; "
    "CREATE INDEX event_participants_actor ON event_participants(actor_id); "
    "INSERT INTO event_participants SELECT id, 'source', source_id, source_code FROM events "
    "WHERE source_id IS NOT NULL UNION ALL SELECT id, 'target', target_id, target_code "
    "FROM events WHERE target_id IS NOT NULL; "
    "DROP TRIGGER event_links_delete; DROP INDEX events_date; "
    "CREATE TABLE events_v1(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES "
    "documents(id) ON DELETE CASCADE, fingerprint INTEGER NOT NULL, code TEXT NOT NULL, "
    "date TEXT, date_precision TEXT, date_from INTEGER, date_to INTEGER, "
    "date_inferred INTEGER NOT NULL DEFAULT 0, location_name TEXT, location_country TEXT, "
    "sentence INTEGER, span_start INTEGER, span_end INTEGER, text TEXT, "
    "negated INTEGER NOT NULL DEFAULT 0, modality TEXT NOT NULL DEFAULT 'asserted', "
    "confidence REAL NOT NULL DEFAULT 1.0, extractor TEXT NOT NULL, "
    "UNIQUE (document_id, fingerprint)); "
    "INSERT INTO events_v1 SELECT id, document_id, fingerprint, code, date, date_precision, "
    "date_from, date_to, date_inferred, location_name, location_country, sentence, span_start, "
    "span_end, text, negated, modality, confidence, extractor FROM events; "
    "DROP TABLE events; ALTER TABLE events_v1 RENAME TO events; "
    "CREATE INDEX events_date ON events(date_from); "
    "CREATE VIEW event_triples AS SELECT e.id AS event_id, d.key AS document, e.date, "
    "e.date_precision, e.date_inferred, sa.name AS source, sp.code AS source_code, e.code, "
    "c.label, c.quad, c.goldstein, ta.name AS target, tp.code AS target_code, "
    "e.location_name AS location, e.location_country, e.negated, e.modality, e.confidence, "
    "e.sentence, COALESCE(e.text, substr(d.text, e.span_start + 1, e.span_end - e.span_start)) "
    "AS text FROM events e JOIN documents d ON d.id = e.document_id "
    "LEFT JOIN cameo_event_codes c ON c.code = e.code "
    "LEFT JOIN event_participants sp ON sp.event_id = e.id AND sp.role = 'source' "
    "LEFT JOIN actors sa ON sa.id = sp.actor_id "
    "LEFT JOIN event_participants tp ON tp.event_id = e.id AND tp.role = 'target' "
    "LEFT JOIN actors ta ON ta.id = tp.actor_id; "
    "CREATE VIEW gdelt_events AS SELECT g.global_event_id, e.date AS sql_date, "
    "sp.code AS actor1_code, sa.name AS actor1_name, g.actor1_country, g.actor1_type1, "
    "g.actor1_type2, g.actor1_type3, tp.code AS actor2_code, ta.name AS actor2_name, "
    "g.actor2_country, g.actor2_type1, g.actor2_type2, g.actor2_type3, e.code AS event_code, "
    "g.base_code, g.root_code, g.quad_class, g.goldstein, g.num_mentions, g.num_sources, "
    "g.num_articles, g.avg_tone, e.location_name AS action_geo_fullname, "
    "e.location_country AS action_geo_country, g.action_geo_lat, g.action_geo_long, "
    "g.date_added, d.url AS source_url, e.extractor, f.name AS file, g.line, "
    "e.id AS event_id, d.key AS document FROM event_gdelt g JOIN events e ON e.id = g.event_id "
    "JOIN documents d ON d.id = e.document_id JOIN gdelt_files f ON f.id = g.file_id "
    "LEFT JOIN event_participants sp ON sp.event_id = e.id AND sp.role = 'source' "
    "LEFT JOIN actors sa ON sa.id = sp.actor_id "
    "LEFT JOIN event_participants tp ON tp.event_id = e.id AND tp.role = 'target' "
    "LEFT JOIN actors ta ON ta.id = tp.actor_id; "
    "DELETE FROM event_links WHERE other_id = 0; "
    "CREATE TRIGGER event_links_delete AFTER DELETE ON event_participants BEGIN "
    "DELETE FROM event_links WHERE actor_id = OLD.actor_id AND event_id = OLD.event_id AND "
    "other_id IN (SELECT actor_id FROM event_participants WHERE event_id = OLD.event_id); "
    "DELETE FROM event_links WHERE other_id = OLD.actor_id AND event_id = OLD.event_id AND "
    "actor_id IN (SELECT actor_id FROM event_participants WHERE event_id = OLD.event_id); END; "
    "PRAGMA user_version = 4; ";

// The same back to version 1, which had no query indexes, mentions or GDELT.
inline const std::string kDowngradeToVersion1 =
    kDowngradeToVersion4 +
    "DROP TRIGGER event_links_delete; DROP TABLE event_links; DROP INDEX actors_name; "  // 4
    "DROP VIEW gdelt_events; DROP TABLE event_gdelt; DROP TABLE gdelt_files; "           // 3
    "DROP VIEW actor_mentions; DROP TABLE mentions; "                                    // 2
    "PRAGMA user_version = 1";

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace geokg::test

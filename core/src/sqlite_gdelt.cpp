// GDELT's tables in the SQLite store. Together with sqlite_store.cpp, the
// only place that knows the schema.
#include "sqlite_gdelt.hpp"

namespace geokg::sqlite {
namespace {

// Schema version 2. Never edit once shipped: a later change is a new step.
constexpr std::string_view kGdeltTables = R"sql(
CREATE TABLE gdelt_files(
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE event_gdelt(
  event_id        INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  global_event_id INTEGER NOT NULL UNIQUE,
  base_code       TEXT NOT NULL,
  root_code       TEXT NOT NULL,
  quad_class      INTEGER NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
  goldstein       REAL NOT NULL,
  num_mentions    INTEGER NOT NULL,
  num_sources     INTEGER NOT NULL,
  num_articles    INTEGER NOT NULL,
  avg_tone        REAL NOT NULL,
  date_added      INTEGER NOT NULL,
  actor1_country  TEXT,
  actor1_type1    TEXT,
  actor1_type2    TEXT,
  actor1_type3    TEXT,
  actor2_country  TEXT,
  actor2_type1    TEXT,
  actor2_type2    TEXT,
  actor2_type3    TEXT,
  action_geo_lat  REAL,
  action_geo_long REAL,
  file_id         INTEGER NOT NULL REFERENCES gdelt_files(id),
  line            INTEGER NOT NULL
);

CREATE VIEW gdelt_events AS
SELECT g.global_event_id,
       e.date AS sql_date,
       sp.code AS actor1_code, sa.name AS actor1_name, g.actor1_country,
       g.actor1_type1, g.actor1_type2, g.actor1_type3,
       tp.code AS actor2_code, ta.name AS actor2_name, g.actor2_country,
       g.actor2_type1, g.actor2_type2, g.actor2_type3,
       e.code AS event_code, g.base_code, g.root_code, g.quad_class, g.goldstein,
       g.num_mentions, g.num_sources, g.num_articles, g.avg_tone,
       e.location_name AS action_geo_fullname, e.location_country AS action_geo_country,
       g.action_geo_lat, g.action_geo_long,
       g.date_added, d.url AS source_url, e.extractor, f.name AS file, g.line,
       e.id AS event_id, d.key AS document
FROM event_gdelt g
JOIN events e ON e.id = g.event_id
JOIN documents d ON d.id = e.document_id
JOIN gdelt_files f ON f.id = g.file_id
LEFT JOIN event_participants sp ON sp.event_id = e.id AND sp.role = 'source'
LEFT JOIN actors sa ON sa.id = sp.actor_id
LEFT JOIN event_participants tp ON tp.event_id = e.id AND tp.role = 'target'
LEFT JOIN actors ta ON ta.id = tp.actor_id;
)sql";

}  // namespace

void add_gdelt_tables(Database& db) {
  db.exec(kGdeltTables);
}

}  // namespace geokg::sqlite

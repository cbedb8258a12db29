// The SQLite implementation of Store. All of geokg's SQL lives in this file.
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <map>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "geokg/core.hpp"
#include "sqlite.hpp"
#include "sqlite_events.hpp"
#include "sqlite_gdelt.hpp"
#include "sqlite_queries.hpp"

namespace geokg {
namespace {

// "GKG1" in ASCII: marks the file as ours, so we never migrate a stranger's.
constexpr int kApplicationId = 0x474B4731;

// Bytes per page of a new store; an existing store keeps its own.
constexpr int kPageSize = 16384;

// Version 4: what geokg query reads. Self-contained, so that the migrations
// of parallel work can be renumbered around it.
//
// event_links holds each event that has both ends twice, once seen from
// each end, clustered by actor: an actor's relations are one contiguous
// range, not one random page per event (docs/benchmarks.md). Store::write
// adds the rows (LinkWriter: sorted, once per batch, cheaper than a
// trigger), the INSERT fills it for older stores, and a trigger follows
// deletions.
constexpr std::string_view kQueryIndexesMigration = R"sql(
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);

CREATE TABLE event_links(
  actor_id       INTEGER NOT NULL,
  other_id       INTEGER NOT NULL,
  event_id       INTEGER NOT NULL,
  outgoing       INTEGER NOT NULL,
  code           TEXT NOT NULL,
  date_from      INTEGER,
  date_to        INTEGER,
  date_precision TEXT,
  PRIMARY KEY (actor_id, other_id, event_id, outgoing)
) WITHOUT ROWID;

INSERT INTO event_links
SELECT p.actor_id, o.actor_id, p.event_id, p.role = 'source', e.code, e.date_from, e.date_to,
       e.date_precision
FROM event_participants p
JOIN event_participants o ON o.event_id = p.event_id AND o.role <> p.role
JOIN events e ON e.id = p.event_id
ORDER BY 1, 2, 3, 4;

CREATE TRIGGER event_links_delete AFTER DELETE ON event_participants BEGIN
  DELETE FROM event_links WHERE actor_id = OLD.actor_id AND event_id = OLD.event_id AND
    other_id IN (SELECT actor_id FROM event_participants WHERE event_id = OLD.event_id);
  DELETE FROM event_links WHERE other_id = OLD.actor_id AND event_id = OLD.event_id AND
    actor_id IN (SELECT actor_id FROM event_participants WHERE event_id = OLD.event_id);
END;
)sql";

// Version 5: an event's two ends live in its own row (source_id,
// target_id), not in a table of participants. Writing an event then touches
// the events row, its two indexes and the event_links rows, instead of also
// two participant rows, their index and four foreign-key probes: ingest was
// bound by B-tree work (docs/benchmarks.md). event_links now also holds
// one-ended events, with other_id 0, so it is the one index from an actor
// to its events. event_participants stays as a view, for analysts' SQL.
//
// The foreign keys of the tables written per event (events, mentions,
// event_gdelt) become DEFERRABLE INITIALLY DEFERRED: still enforced, at
// commit. An immediate key makes SQLite copy every page a many-row INSERT
// touches into a statement journal, in case the statement must be undone;
// that was a quarter of the writer's time.
//
// Runs with foreign keys off (migrate() sees to it): dropping the old tables
// must not cascade.
constexpr std::string_view kEventEndsMigration = R"sql(
CREATE TABLE events_v5(
  id               INTEGER PRIMARY KEY,
  document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
                   DEFERRABLE INITIALLY DEFERRED,
  fingerprint      INTEGER NOT NULL,
  code             TEXT NOT NULL,
  source_id        INTEGER REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
  source_code      TEXT,
  target_id        INTEGER REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
  target_code      TEXT,
  date             TEXT,
  date_precision   TEXT CHECK (date_precision = 'year' OR date_precision = 'month' OR
                               date_precision = 'day'),
  date_from        INTEGER,
  date_to          INTEGER,
  date_inferred    INTEGER NOT NULL DEFAULT 0,
  location_name    TEXT,
  location_country TEXT,
  sentence         INTEGER,
  span_start       INTEGER CHECK (span_start >= 0),
  span_end         INTEGER CHECK (span_end >= span_start),
  text             TEXT,
  negated          INTEGER NOT NULL DEFAULT 0,
  modality         TEXT NOT NULL DEFAULT 'asserted'
                   CHECK (modality = 'asserted' OR modality = 'reported' OR
                          modality = 'intended' OR modality = 'hypothetical'),
  confidence       REAL NOT NULL DEFAULT 1.0 CHECK (confidence >= 0.0 AND confidence <= 1.0),
  extractor        TEXT NOT NULL,
  UNIQUE (document_id, fingerprint)
);

INSERT INTO events_v5
SELECT e.id, e.document_id, e.fingerprint, e.code, s.actor_id, s.code, t.actor_id, t.code,
       e.date, e.date_precision, e.date_from, e.date_to, e.date_inferred, e.location_name,
       e.location_country, e.sentence, e.span_start, e.span_end, e.text, e.negated, e.modality,
       e.confidence, e.extractor
FROM events e
LEFT JOIN event_participants s ON s.event_id = e.id AND s.role = 'source'
LEFT JOIN event_participants t ON t.event_id = e.id AND t.role = 'target';

CREATE TABLE event_gdelt_v5(
  event_id        INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE
                  DEFERRABLE INITIALLY DEFERRED,
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
  file_id         INTEGER NOT NULL REFERENCES gdelt_files(id) DEFERRABLE INITIALLY DEFERRED,
  line            INTEGER NOT NULL
);
INSERT INTO event_gdelt_v5 SELECT * FROM event_gdelt;

CREATE TABLE mentions_v5(
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
              DEFERRABLE INITIALLY DEFERRED,
  span_start  INTEGER NOT NULL CHECK (span_start >= 0),
  span_end    INTEGER NOT NULL CHECK (span_end >= span_start),
  actor_id    INTEGER NOT NULL REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
  sentence    INTEGER CHECK (sentence >= 0),
  PRIMARY KEY (document_id, span_start, span_end, actor_id)
) WITHOUT ROWID;
INSERT INTO mentions_v5 SELECT * FROM mentions;

DROP VIEW event_triples;
DROP VIEW gdelt_events;
DROP VIEW actor_mentions;
DROP TRIGGER event_links_delete;
DROP TABLE event_participants;
DROP TABLE event_gdelt;
DROP TABLE mentions;
DROP TABLE events;
ALTER TABLE events_v5 RENAME TO events;
ALTER TABLE event_gdelt_v5 RENAME TO event_gdelt;
ALTER TABLE mentions_v5 RENAME TO mentions;
CREATE INDEX events_date ON events(date_from);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE VIEW actor_mentions AS
SELECT d.key AS document, a.name AS actor, a.code, m.sentence, m.span_start, m.span_end,
       substr(d.text, m.span_start + 1, m.span_end - m.span_start) AS text
FROM mentions m
JOIN documents d ON d.id = m.document_id
JOIN actors a ON a.id = m.actor_id;

INSERT INTO event_links
SELECT COALESCE(source_id, target_id), 0, id, source_id IS NOT NULL, code, date_from, date_to,
       date_precision
FROM events WHERE (source_id IS NULL) <> (target_id IS NULL)
ORDER BY 1, 3;

CREATE TRIGGER event_links_delete AFTER DELETE ON events BEGIN
  DELETE FROM event_links WHERE actor_id = OLD.source_id AND
    other_id = COALESCE(OLD.target_id, 0) AND event_id = OLD.id;
  DELETE FROM event_links WHERE actor_id = OLD.target_id AND
    other_id = COALESCE(OLD.source_id, 0) AND event_id = OLD.id;
END;

CREATE VIEW event_participants AS
SELECT id AS event_id, 'source' AS role, source_id AS actor_id, source_code AS code
FROM events WHERE source_id IS NOT NULL
UNION ALL
SELECT id, 'target', target_id, target_code FROM events WHERE target_id IS NOT NULL;

CREATE VIEW event_triples AS
SELECT e.id AS event_id,
       d.key AS document,
       e.date, e.date_precision, e.date_inferred,
       sa.name AS source, e.source_code,
       e.code, c.label, c.quad, c.goldstein,
       ta.name AS target, e.target_code,
       e.location_name AS location, e.location_country,
       e.negated, e.modality, e.confidence,
       e.sentence,
       COALESCE(e.text, substr(d.text, e.span_start + 1, e.span_end - e.span_start)) AS text
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN cameo_event_codes c ON c.code = e.code
LEFT JOIN actors sa ON sa.id = e.source_id
LEFT JOIN actors ta ON ta.id = e.target_id;

CREATE VIEW gdelt_events AS
SELECT g.global_event_id,
       e.date AS sql_date,
       e.source_code AS actor1_code, sa.name AS actor1_name, g.actor1_country,
       g.actor1_type1, g.actor1_type2, g.actor1_type3,
       e.target_code AS actor2_code, ta.name AS actor2_name, g.actor2_country,
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
LEFT JOIN actors sa ON sa.id = e.source_id
LEFT JOIN actors ta ON ta.id = e.target_id;
)sql";

// Version 6: no index from actors to their mentions. It cost 80 bytes per
// event (an article has four or five mentions per event) and a random
// B-tree insert per mention, and it served one figure, the mention count of
// `geokg query actors`. That count is now kept per actor by Store::write,
// and a trigger follows deletions. Mentions stay clustered by document, so
// they are still written in order.
constexpr std::string_view kMentionCountsMigration = R"sql(
CREATE TABLE actor_mention_counts(
  actor_id INTEGER PRIMARY KEY REFERENCES actors(id) ON DELETE CASCADE,
  mentions INTEGER NOT NULL CHECK (mentions >= 0)
);
INSERT INTO actor_mention_counts
SELECT actor_id, count(*) FROM mentions GROUP BY actor_id ORDER BY actor_id;
DROP INDEX mentions_actor;

CREATE TRIGGER mentions_count_delete AFTER DELETE ON mentions BEGIN
  UPDATE actor_mention_counts SET mentions = mentions - 1 WHERE actor_id = OLD.actor_id;
END;
)sql";

// Version 7: events, their links and mentions in fewer bytes (issue #9's
// store size; docs/benchmarks.md). What each row stored twice, or as text
// where a small integer says the same, is stored once:
// - an event's date is its first day and a precision code (1 year, 2 month,
//   3 day); `date`, `date_to` and `date_precision` are virtual columns
//   computed from them, so analysts' SQL reads them as before;
// - modality is a code (0 asserted, 1 reported, 2 intended, 3
//   hypothetical) behind a virtual `modality`;
// - the extractor is a row of `extractors`, named once;
// - an end's code is NULL when it is its actor's own code, which never
//   changes once set (a later mention only fills a missing one), and '' when
//   the end has no code at all;
// - no fingerprint column, and no index that made (document_id,
//   fingerprint) unique: an index on document_id alone finds a stored
//   document's events, and Store::write computes their fingerprints from
//   the columns that make them (it is the only writer);
// - event_links drops date_to (the precision gives it) and stores the
//   precision code; mentions store a length, with a virtual span_end;
// - mentions declare no foreign keys: their two probes per row (a document
//   has dozens of mentions) were 15% of the writer's instructions. The writer
//   checks every actor a mention names, and a trigger deletes a document's
//   mentions with it, as the cascade did (with foreign keys on or off).
// Runs with foreign keys off, as every migration that rebuilds tables.
constexpr std::string_view kCompactEventsMigration = R"sql(
CREATE TABLE extractors(
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
INSERT INTO extractors(name) SELECT DISTINCT extractor FROM events ORDER BY extractor;

CREATE TABLE events_v7(
  id                  INTEGER PRIMARY KEY,
  document_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
                      DEFERRABLE INITIALLY DEFERRED,
  code                TEXT NOT NULL,
  source_id           INTEGER REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
  source_code         TEXT,
  target_id           INTEGER REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
  target_code         TEXT,
  date_from           INTEGER,
  date_precision_code INTEGER CHECK (date_precision_code BETWEEN 1 AND 3),
  date_inferred       INTEGER NOT NULL DEFAULT 0,
  location_name       TEXT,
  location_country    TEXT,
  sentence            INTEGER,
  span_start          INTEGER CHECK (span_start >= 0),
  span_end            INTEGER CHECK (span_end >= span_start),
  text                TEXT,
  negated             INTEGER NOT NULL DEFAULT 0,
  modality_code       INTEGER NOT NULL DEFAULT 0 CHECK (modality_code BETWEEN 0 AND 3),
  confidence          REAL NOT NULL DEFAULT 1.0 CHECK (confidence >= 0.0 AND confidence <= 1.0),
  extractor_id        INTEGER NOT NULL REFERENCES extractors(id) DEFERRABLE INITIALLY DEFERRED,
  date_precision      TEXT AS (CASE date_precision_code WHEN 1 THEN 'year' WHEN 2 THEN 'month'
                                 WHEN 3 THEN 'day' END) VIRTUAL,
  date                TEXT AS (CASE date_precision_code
                        WHEN 3 THEN printf('%04d-%02d-%02d', date_from / 10000,
                                           date_from / 100 % 100, date_from % 100)
                        WHEN 2 THEN printf('%04d-%02d', date_from / 10000, date_from / 100 % 100)
                        WHEN 1 THEN printf('%04d', date_from / 10000) END) VIRTUAL,
  date_to             INTEGER AS (date_from + CASE date_precision_code
                        WHEN 1 THEN 1130
                        WHEN 2 THEN CASE date_from / 100 % 100
                          WHEN 2 THEN 27 + (date_from / 10000 % 4 = 0 AND
                                            (date_from / 10000 % 100 <> 0 OR
                                             date_from / 10000 % 400 = 0))
                          WHEN 4 THEN 29 WHEN 6 THEN 29 WHEN 9 THEN 29 WHEN 11 THEN 29
                          ELSE 30 END
                        ELSE 0 END) VIRTUAL,
  modality            TEXT AS (CASE modality_code WHEN 0 THEN 'asserted' WHEN 1 THEN 'reported'
                                 WHEN 2 THEN 'intended' WHEN 3 THEN 'hypothetical' END) VIRTUAL
);

INSERT INTO events_v7(id, document_id, code, source_id, source_code, target_id,
                      target_code, date_from, date_precision_code, date_inferred, location_name,
                      location_country, sentence, span_start, span_end, text, negated,
                      modality_code, confidence, extractor_id)
SELECT e.id, e.document_id, e.code,
       e.source_id,
       CASE WHEN e.source_id IS NULL OR e.source_code = s.code THEN NULL
            ELSE COALESCE(e.source_code, '') END,
       e.target_id,
       CASE WHEN e.target_id IS NULL OR e.target_code = t.code THEN NULL
            ELSE COALESCE(e.target_code, '') END,
       CASE WHEN e.date_precision IS NULL THEN NULL ELSE e.date_from END,
       CASE e.date_precision WHEN 'year' THEN 1 WHEN 'month' THEN 2 WHEN 'day' THEN 3 END,
       e.date_inferred, e.location_name, e.location_country, e.sentence, e.span_start,
       e.span_end, e.text, e.negated,
       CASE e.modality WHEN 'reported' THEN 1 WHEN 'intended' THEN 2 WHEN 'hypothetical' THEN 3
            ELSE 0 END,
       e.confidence, x.id
FROM events e
CROSS JOIN extractors x ON x.name = e.extractor
LEFT JOIN actors s ON s.id = e.source_id
LEFT JOIN actors t ON t.id = e.target_id
ORDER BY e.id;

CREATE TABLE event_links_v7(
  actor_id            INTEGER NOT NULL,
  other_id            INTEGER NOT NULL,
  event_id            INTEGER NOT NULL,
  outgoing            INTEGER NOT NULL,
  code                TEXT NOT NULL,
  date_from           INTEGER,
  date_precision_code INTEGER,
  PRIMARY KEY (actor_id, other_id, event_id, outgoing)
) WITHOUT ROWID;
INSERT INTO event_links_v7
SELECT actor_id, other_id, event_id, outgoing, code,
       CASE WHEN date_precision IS NULL THEN NULL ELSE date_from END,
       CASE date_precision WHEN 'year' THEN 1 WHEN 'month' THEN 2 WHEN 'day' THEN 3 END
FROM event_links ORDER BY actor_id, other_id, event_id, outgoing;

CREATE TABLE mentions_v7(
  document_id INTEGER NOT NULL,
  span_start  INTEGER NOT NULL CHECK (span_start >= 0),
  span_length INTEGER NOT NULL CHECK (span_length >= 0),
  actor_id    INTEGER NOT NULL,
  sentence    INTEGER CHECK (sentence >= 0),
  span_end    INTEGER AS (span_start + span_length) VIRTUAL,
  PRIMARY KEY (document_id, span_start, span_length, actor_id)
) WITHOUT ROWID;
INSERT INTO mentions_v7(document_id, span_start, span_length, actor_id, sentence)
SELECT document_id, span_start, span_end - span_start, actor_id, sentence FROM mentions
ORDER BY document_id, span_start, span_end, actor_id;

DROP VIEW event_triples;
DROP VIEW gdelt_events;
DROP VIEW event_participants;
DROP VIEW actor_mentions;
DROP TRIGGER event_links_delete;
DROP TRIGGER mentions_count_delete;
DROP TABLE events;
DROP TABLE event_links;
DROP TABLE mentions;
ALTER TABLE events_v7 RENAME TO events;
ALTER TABLE event_links_v7 RENAME TO event_links;
ALTER TABLE mentions_v7 RENAME TO mentions;
CREATE INDEX events_date ON events(date_from);
CREATE INDEX events_document ON events(document_id);

CREATE TRIGGER event_links_delete AFTER DELETE ON events BEGIN
  DELETE FROM event_links WHERE actor_id = OLD.source_id AND
    other_id = COALESCE(OLD.target_id, 0) AND event_id = OLD.id;
  DELETE FROM event_links WHERE actor_id = OLD.target_id AND
    other_id = COALESCE(OLD.source_id, 0) AND event_id = OLD.id;
END;

CREATE TRIGGER mentions_count_delete AFTER DELETE ON mentions BEGIN
  UPDATE actor_mention_counts SET mentions = mentions - 1 WHERE actor_id = OLD.actor_id;
END;

CREATE TRIGGER documents_delete_mentions AFTER DELETE ON documents BEGIN
  DELETE FROM mentions WHERE document_id = OLD.id;
END;

CREATE VIEW actor_mentions AS
SELECT d.key AS document, a.name AS actor, a.code, m.sentence, m.span_start, m.span_end,
       substr(d.text, m.span_start + 1, m.span_length) AS text
FROM mentions m
JOIN documents d ON d.id = m.document_id
JOIN actors a ON a.id = m.actor_id;

CREATE VIEW event_participants AS
SELECT e.id AS event_id, 'source' AS role, e.source_id AS actor_id,
       NULLIF(COALESCE(e.source_code, a.code), '') AS code
FROM events e JOIN actors a ON a.id = e.source_id
UNION ALL
SELECT e.id, 'target', e.target_id, NULLIF(COALESCE(e.target_code, a.code), '')
FROM events e JOIN actors a ON a.id = e.target_id;

CREATE VIEW event_triples AS
SELECT e.id AS event_id,
       d.key AS document,
       e.date, e.date_precision, e.date_inferred,
       sa.name AS source, NULLIF(COALESCE(e.source_code, sa.code), '') AS source_code,
       e.code, c.label, c.quad, c.goldstein,
       ta.name AS target, NULLIF(COALESCE(e.target_code, ta.code), '') AS target_code,
       e.location_name AS location, e.location_country,
       e.negated, e.modality, e.confidence,
       e.sentence,
       COALESCE(e.text, substr(d.text, e.span_start + 1, e.span_end - e.span_start)) AS text
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN cameo_event_codes c ON c.code = e.code
LEFT JOIN actors sa ON sa.id = e.source_id
LEFT JOIN actors ta ON ta.id = e.target_id;

CREATE VIEW gdelt_events AS
SELECT g.global_event_id,
       e.date AS sql_date,
       NULLIF(COALESCE(e.source_code, sa.code), '') AS actor1_code, sa.name AS actor1_name,
       g.actor1_country, g.actor1_type1, g.actor1_type2, g.actor1_type3,
       NULLIF(COALESCE(e.target_code, ta.code), '') AS actor2_code, ta.name AS actor2_name,
       g.actor2_country, g.actor2_type1, g.actor2_type2, g.actor2_type3,
       e.code AS event_code, g.base_code, g.root_code, g.quad_class, g.goldstein,
       g.num_mentions, g.num_sources, g.num_articles, g.avg_tone,
       e.location_name AS action_geo_fullname, e.location_country AS action_geo_country,
       g.action_geo_lat, g.action_geo_long,
       g.date_added, d.url AS source_url, x.name AS extractor, f.name AS file, g.line,
       e.id AS event_id, d.key AS document
FROM event_gdelt g
JOIN events e ON e.id = g.event_id
JOIN documents d ON d.id = e.document_id
JOIN gdelt_files f ON f.id = g.file_id
JOIN extractors x ON x.id = e.extractor_id
LEFT JOIN actors sa ON sa.id = e.source_id
LEFT JOIN actors ta ON ta.id = e.target_id;
)sql";

// Versions 1 and 2 as SQL scripts (migrate_from runs them with the others).
// Never edit a shipped script, or existing databases and new ones would
// disagree.
// CHECKs use OR chains, not IN lists: SQLite builds an ephemeral index for
// an IN list on every row written, which made inserts several times slower.
constexpr std::array<std::string_view, 2> kMigrations{
    R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents(
  id           INTEGER PRIMARY KEY,
  key          TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  title        TEXT,
  published    TEXT,
  source       TEXT,
  url          TEXT,
  text         TEXT,
  origin       TEXT NOT NULL,
  ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE actors(
  id      INTEGER PRIMARY KEY,
  key     TEXT NOT NULL UNIQUE,
  name    TEXT NOT NULL,
  code    TEXT,
  country TEXT,
  agent   TEXT,
  type    TEXT NOT NULL DEFAULT 'unknown'
          CHECK (type = 'person' OR type = 'organization' OR type = 'country' OR
                 type = 'place' OR type = 'group' OR type = 'unknown')
);
CREATE INDEX actors_code ON actors(code);
CREATE INDEX actors_country ON actors(country);

CREATE TABLE actor_aliases(
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  alias    TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_alias ON actor_aliases(alias);

CREATE TABLE cameo_event_codes(
  code      TEXT PRIMARY KEY,
  root      TEXT NOT NULL,
  quad      INTEGER NOT NULL CHECK (quad BETWEEN 1 AND 4),
  goldstein REAL NOT NULL,
  label     TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE events(
  id               INTEGER PRIMARY KEY,
  document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  fingerprint      INTEGER NOT NULL,
  code             TEXT NOT NULL,
  date             TEXT,
  date_precision   TEXT CHECK (date_precision = 'year' OR date_precision = 'month' OR
                               date_precision = 'day'),
  date_from        INTEGER,
  date_to          INTEGER,
  date_inferred    INTEGER NOT NULL DEFAULT 0,
  location_name    TEXT,
  location_country TEXT,
  sentence         INTEGER,
  span_start       INTEGER CHECK (span_start >= 0),
  span_end         INTEGER CHECK (span_end >= span_start),
  text             TEXT,
  negated          INTEGER NOT NULL DEFAULT 0,
  modality         TEXT NOT NULL DEFAULT 'asserted'
                   CHECK (modality = 'asserted' OR modality = 'reported' OR
                          modality = 'intended' OR modality = 'hypothetical'),
  confidence       REAL NOT NULL DEFAULT 1.0 CHECK (confidence >= 0.0 AND confidence <= 1.0),
  extractor        TEXT NOT NULL,
  UNIQUE (document_id, fingerprint)
);
CREATE INDEX events_date ON events(date_from);

CREATE TABLE event_participants(
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role     TEXT NOT NULL CHECK (role = 'source' OR role = 'target'),
  actor_id INTEGER NOT NULL REFERENCES actors(id),
  code     TEXT,
  PRIMARY KEY (event_id, role)
) WITHOUT ROWID;
CREATE INDEX event_participants_actor ON event_participants(actor_id);

CREATE VIEW event_triples AS
SELECT e.id AS event_id,
       d.key AS document,
       e.date, e.date_precision, e.date_inferred,
       sa.name AS source, sp.code AS source_code,
       e.code, c.label, c.quad, c.goldstein,
       ta.name AS target, tp.code AS target_code,
       e.location_name AS location, e.location_country,
       e.negated, e.modality, e.confidence,
       e.sentence,
       COALESCE(e.text, substr(d.text, e.span_start + 1, e.span_end - e.span_start)) AS text
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN cameo_event_codes c ON c.code = e.code
LEFT JOIN event_participants sp ON sp.event_id = e.id AND sp.role = 'source'
LEFT JOIN actors sa ON sa.id = sp.actor_id
LEFT JOIN event_participants tp ON tp.event_id = e.id AND tp.role = 'target'
LEFT JOIN actors ta ON ta.id = tp.actor_id;
)sql",
    // Version 2: where each actor is mentioned in each document's text.
    R"sql(
CREATE TABLE mentions(
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  span_start  INTEGER NOT NULL CHECK (span_start >= 0),
  span_end    INTEGER NOT NULL CHECK (span_end >= span_start),
  actor_id    INTEGER NOT NULL REFERENCES actors(id),
  sentence    INTEGER CHECK (sentence >= 0),
  PRIMARY KEY (document_id, span_start, span_end, actor_id)
) WITHOUT ROWID;
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE VIEW actor_mentions AS
SELECT d.key AS document, a.name AS actor, a.code, m.sentence, m.span_start, m.span_end,
       substr(d.text, m.span_start + 1, m.span_end - m.span_start) AS text
FROM mentions m
JOIN documents d ON d.id = m.document_id
JOIN actors a ON a.id = m.actor_id;
)sql"};

// The schema this build writes: 1 core tables, 2 mentions, 3 GDELT's
// tables, 4 the query indexes, 5 events with their ends, 6 mention counts,
// 7 compact events, links and mentions.
constexpr std::int64_t kSchemaVersion = 7;
static_assert(sqlite::kGdeltSchemaVersion == 3);

// Takes the schema from `version` to `version` + 1. Append steps; never edit
// a shipped one.
void migrate_from(sqlite::Database& db, std::int64_t version) {
  switch (version) {
    case 0:
    case 1:
      db.exec(kMigrations[static_cast<std::size_t>(version)]);
      return;
    case 2:
      sqlite::add_gdelt_tables(db);
      return;
    case 3:
      db.exec(kQueryIndexesMigration);
      return;
    case 4:
      db.exec(kEventEndsMigration);
      return;
    case 5:
      db.exec(kMentionCountsMigration);
      return;
    case 6:
      db.exec(kCompactEventsMigration);
      return;
    default:
      throw StoreError("no migration from schema version " + std::to_string(version));
  }
}

std::string hex128(XXH128_hash_t hash) {
  char buffer[33];
  std::snprintf(buffer, sizeof buffer, "%016llx%016llx",
                static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return buffer;
}

// Documents with text are identified by their text; those known only by id
// (pre-extracted events) by their key.
std::string content_hash(const Document& document) {
  if (!document.text.empty()) {
    return hex128(XXH3_128bits(document.text.data(), document.text.size()));
  }
  const std::string keyed = "key:" + document.key;
  return hex128(XXH3_128bits(keyed.data(), keyed.size()));
}

// Identity of an event within its document: the same triple from the same
// place is stored once, however often it is ingested.
std::int64_t fingerprint(const Event& event) {
  // A GDELT event is its GLOBALEVENTID: two rows of one article may agree on
  // everything else.
  if (event.gdelt) {
    const std::string id = "gdelt\x1f" + std::to_string(event.gdelt->global_event_id);
    std::int64_t value = 0;
    const auto hash = XXH3_64bits(id.data(), id.size());
    std::memcpy(&value, &hash, sizeof value);
    return value;
  }
  std::string buffer;
  auto add = [&](std::string_view part) {
    buffer.append(part);
    buffer.push_back('\x1f');
  };
  add(event.source ? event.source->actor_key : "");
  add(event.target ? event.target->actor_key : "");
  add(event.code);
  // An inferred date is the publication date, not part of what was said:
  // re-ingesting with another --date must not duplicate the event.
  add(event.date && !event.date_inferred ? event.date->iso() : "");
  add(event.sentence ? std::to_string(*event.sentence) : "");
  add(event.span ? std::to_string(event.span->start) + ":" + std::to_string(event.span->end) : "");
  add(event.negated ? "n" : "");
  add(to_string(event.modality));
  add(event.location ? event.location->name : "");
  if (!event.span && !event.sentence) add(event.text);
  std::int64_t value = 0;
  const auto hash = XXH3_64bits(buffer.data(), buffer.size());
  std::memcpy(&value, &hash, sizeof value);
  return value;
}

// The parts of a stored event that fingerprint() reads, from a row of
// find_fingerprints_; they are stored as they came, so the fingerprint is
// the one the event had when it was written.
Event stored_event(const sqlite::Statement& row) {
  Event event;
  if (!row.is_null(0)) event.source = Participant{row.text(0), ""};
  if (!row.is_null(1)) event.target = Participant{row.text(1), ""};
  event.code = row.text(2);
  event.date = sqlite::date_from_columns(row, 3, 4);
  event.date_inferred = row.int64(5) != 0;
  if (!row.is_null(6)) event.sentence = static_cast<int>(row.int64(6));
  if (!row.is_null(7)) event.span = Span{row.int64(7), row.int64(8)};
  event.negated = row.int64(9) != 0;
  event.modality = sqlite::modality_from_code(row.int64(10));
  if (!row.is_null(11)) event.location = Location{row.text(11), ""};
  event.text = row.text(12);
  return event;
}

std::optional<EventDate> date_from_text(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  return EventDate::parse(*text);
}

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, const Ontology& ontology);
  std::vector<ActorRow> find_actors_named(std::string_view name) const override;
  void begin_snapshot() const override;
  void end_snapshot() const override;

  std::vector<WriteOutcome> write(std::span<const DocumentRecord> records) override;
  void for_each_actor(const std::function<void(const ActorRow&)>& visit) const override;
  void for_each_event(const EventFilter& filter,
                      const std::function<void(const EventRow&)>& visit) const override;
  std::optional<ActorRow> find_actor(std::string_view key) const override;
  StoreStats stats() const override;

  // Analyst queries: sqlite_queries.cpp.
  ActorSearch search_actors(std::string_view text, std::size_t limit) const override {
    return queries_.search_actors(text, limit);
  }
  std::vector<ActorRow> find_actors_coded(std::string_view code) const override {
    return queries_.find_actors_coded(code);
  }
  std::vector<ActorRow> actors_by_id(std::span<const std::int64_t> ids) const override {
    return queries_.actors_by_id(ids);
  }
  std::vector<std::int64_t> actor_ids(const ActorSet& set) const override {
    return queries_.actor_ids(set);
  }
  void for_each_event_detail(const EventFilter& filter, std::size_t limit,
                             const std::function<void(const EventDetail&)>& visit) const override {
    queries_.for_each_event_detail(filter, limit, visit);
  }
  std::int64_t count_events(const EventFilter& filter) const override {
    return queries_.count_events(filter);
  }
  void for_each_link(std::span<const std::int64_t> actors, const EventFilter& filter,
                     LinkOther other,
                     const std::function<void(const EventLink&)>& visit) const override {
    queries_.for_each_link(actors, filter, other, visit);
  }
  void for_each_pair(const EventFilter& filter,
                     const std::function<void(std::int64_t, std::int64_t)>& visit) const override {
    queries_.for_each_pair(filter, visit);
  }

 private:
  // What this store already knows of an actor, so the hot write path asks
  // SQLite only when a mention can change something.
  struct KnownActor {
    std::int64_t id = 0;
    std::string code;                // stored default code, "" when none
    bool typed = false;              // type known: a later mention can fill only the code
    std::vector<std::string> names;  // names and aliases already recorded
  };
  KnownActor& known_actor(const std::string& key);

  struct Identity {
    std::int64_t version = 0;      // PRAGMA user_version
    std::int64_t application = 0;  // PRAGMA application_id
    std::int64_t tables = 0;       // entries in sqlite_schema
  };
  Identity read_identity() const;
  // Throws StoreError for a newer schema or a file that is not geokg's.
  void check_identity(const Identity& identity) const;
  void configure();
  std::string journal_mode() const;
  void enable_wal();
  void migrate();
  bool codebook_is_current() const;
  void refresh_codebook();
  void prepare_writes();
  WriteOutcome write_one(const DocumentRecord& record);
  // Why `record` cannot be written, or nothing when it can.
  std::optional<std::string> check(const DocumentRecord& record);
  std::vector<WriteOutcome> write_batch(std::span<const DocumentRecord> records,
                                        bool savepoint_per_document);
  std::int64_t upsert_actor(const Actor& actor, bool& added);
  std::int64_t upsert_actor_aliases(KnownActor& known, const Actor& actor);
  std::int64_t actor_id(const std::string& key, const DocumentRecord& record);
  // Writes `record`'s mentions to document `document_id`, new when the
  // write added it, and counts them to their actors (pending until
  // flush_mention_counts); returns how many were new.
  std::int64_t write_mentions(std::int64_t document_id, bool new_document,
                              const DocumentRecord& record);
  // Adds the pending mention counts to actor_mention_counts.
  void flush_mention_counts();
  // The actors of `event`'s ends. Throws StoreError for an unknown actor.
  sqlite::EventEnds event_ends(const Event& event, const DocumentRecord& record);

  const Ontology& ontology_;
  mutable sqlite::Database db_;
  bool writes_prepared_ = false;  // the statements below, prepared by the first write
  std::optional<sqlite::Statement> find_document_;
  std::optional<sqlite::Statement> find_hash_;
  std::optional<sqlite::Statement> insert_document_;
  std::optional<sqlite::Statement> find_actor_id_;
  std::optional<sqlite::Statement> insert_actor_;
  std::optional<sqlite::Statement> complete_actor_;
  std::optional<sqlite::Statement> insert_alias_;
  std::optional<sqlite::Statement> find_fingerprints_;
  std::optional<sqlite::RowInserter> insert_mentions_;
  struct MentionRow {
    std::int64_t start;
    std::int64_t end;
    std::int64_t actor;
    std::optional<int> sentence;
  };
  std::vector<MentionRow> mention_rows_;  // reused: one document's mentions
  // New mentions per actor, written before each commit or savepoint release.
  std::map<std::int64_t, std::int64_t> pending_mention_counts_;
  std::optional<sqlite::Statement> find_mention_;
  std::optional<sqlite::Statement> count_mentions_;
  std::optional<sqlite::LinkWriter> links_;
  std::optional<sqlite::SavepointSql> document_savepoint_;
  std::optional<sqlite::EventTable> events_;
  // Cleared whenever a savepoint or transaction rolls back.
  std::unordered_map<std::string, KnownActor> actors_;
  // Fingerprints of the events of the document being written: those stored
  // before, and those this write adds.
  std::unordered_set<std::int64_t> document_fingerprints_;
  sqlite::EventQueries queries_{db_, ontology_};
  mutable int snapshots_ = 0;  // open ReadSnapshots; they nest
};

SqliteStore::SqliteStore(const std::string& path, const Ontology& ontology)
    : ontology_(ontology), db_(path) {
  configure();
  migrate();
  refresh_codebook();
  // Write statements wait for the first write: a query never needs them,
  // and preparing them was a few milliseconds of every read command.
}

void SqliteStore::configure() {
  // Reading the header first turns "not a database" into a clear error
  // before we change anything.
  // The timeout first: another process may be creating this very file.
  db_.exec("PRAGMA busy_timeout = 10000");
  try {
    db_.exec("PRAGMA schema_version");
  } catch (const StoreError&) {
    if ((sqlite3_errcode(db_.handle()) & 0xff) == SQLITE_NOTADB) {
      throw StoreError(db_.path() + " is not a SQLite database (is it the right --db file?)");
    }
    throw;
  }
  db_.exec("PRAGMA foreign_keys = ON");
}

std::string SqliteStore::journal_mode() const {
  // Its own scope: an unfinished statement would block the switch to WAL.
  auto current = db_.prepare("PRAGMA journal_mode");
  return current.step() ? current.text(0) : std::string();
}

void SqliteStore::enable_wal() {
  // WAL is a property of the file: once set, it stays. Setting it needs an
  // exclusive lock, which SQLite may refuse at once instead of waiting for
  // the busy timeout, as when two processes open a new store together. So:
  // only switch when needed, and retry for as long as the busy timeout.
  // A file this process may only read is read in the mode it has: the
  // switch is a write, and would fail after the whole wait.
  const bool read_only = sqlite3_db_readonly(db_.handle(), "main") == 1;
  for (int attempt = 0; db_.path() != ":memory:" && !read_only; ++attempt) {
    try {
      if (journal_mode() == "wal") break;
      auto mode = db_.prepare("PRAGMA journal_mode = WAL");
      if (mode.step() && mode.text(0) == "wal") break;
      throw StoreError("database " + db_.path() + ": cannot switch to WAL mode");
    } catch (const StoreError&) {
      if (attempt >= 1000) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  db_.exec("PRAGMA synchronous = NORMAL");
  db_.exec("PRAGMA cache_size = -32768");
  // Each document is written in a savepoint; its sub-journal would otherwise
  // go to a temporary file, page by page (ten writes per event).
  db_.exec("PRAGMA temp_store = MEMORY");
}

SqliteStore::Identity SqliteStore::read_identity() const {
  auto pragma_int = [&](const char* sql) {
    auto statement = db_.prepare(sql);
    return statement.step() ? statement.int64(0) : 0;
  };
  return {pragma_int("PRAGMA user_version"), pragma_int("PRAGMA application_id"),
          pragma_int("SELECT count(*) FROM sqlite_schema")};
}

void SqliteStore::check_identity(const Identity& identity) const {
  const auto target = kSchemaVersion;
  if (identity.version > target) {
    throw StoreError("database " + db_.path() + " has schema version " +
                     std::to_string(identity.version) +
                     ", written by a newer geokg; this geokg reads versions up to " +
                     std::to_string(target) + ". Upgrade geokg.");
  }
  if (identity.version == 0 && identity.tables > 0) {
    throw StoreError("database " + db_.path() +
                     " already holds tables that are not geokg's; refusing to change it");
  }
  if (identity.version > 0 && identity.application != kApplicationId) {
    throw StoreError("database " + db_.path() + " is not a geokg database");
  }
}

void SqliteStore::migrate() {
  const auto target = kSchemaVersion;
  // The three values in one snapshot: read apart, another process creating
  // the schema in between would look like a stranger's tables.
  db_.exec("BEGIN");
  Identity identity;
  try {
    identity = read_identity();
    db_.exec("COMMIT");
  } catch (...) {
    db_.exec("ROLLBACK");
    throw;
  }
  check_identity(identity);
  // A new store gets 16 KiB pages, set before WAL fixes the size: with the
  // default 4 KiB, an article of 2 to 4 KB takes a leaf page to itself, and
  // a sixth of the file was slack (docs/benchmarks.md).
  if (identity.tables == 0) db_.exec("PRAGMA page_size = " + std::to_string(kPageSize));
  enable_wal();
  if (identity.version == target) return;
  if (identity.version > 0 && sqlite3_db_readonly(db_.handle(), "main") == 1) {
    throw StoreError("database " + db_.path() + " has schema version " +
                     std::to_string(identity.version) + " and this geokg reads version " +
                     std::to_string(target) +
                     "; the file is read-only here, so it cannot be upgraded. Run any geokg "
                     "command on it once as a user who may write it (for example geokg stats "
                     "--db " +
                     db_.path() + "): it is upgraded in place, keeping its data");
  }
  // Foreign keys off while tables are rebuilt (a DROP TABLE would cascade),
  // checked as a whole before the commit instead. The pragma is a no-op
  // inside a transaction, hence outside it.
  db_.exec("PRAGMA foreign_keys = OFF");
  db_.exec("BEGIN IMMEDIATE");
  try {
    // Again under the write lock: another process may have migrated it.
    identity = read_identity();
    check_identity(identity);
    for (auto version = identity.version; version < target; ++version) {
      migrate_from(db_, version);
    }
    if (db_.prepare("PRAGMA foreign_key_check").step()) {
      throw StoreError("database " + db_.path() +
                       ": migration would break foreign keys; the store is left as it was");
    }
    db_.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db_.exec("PRAGMA user_version = " + std::to_string(target));
    db_.exec("COMMIT");
  } catch (...) {
    db_.exec("ROLLBACK");
    db_.exec("PRAGMA foreign_keys = ON");
    throw;
  }
  db_.exec("PRAGMA foreign_keys = ON");
}

bool SqliteStore::codebook_is_current() const {
  auto current = db_.prepare("SELECT value FROM meta WHERE key = 'cameo_codebook'");
  return current.step() &&
         current.text(0) == ontology_.version() + "/" + std::to_string(ontology_.events().size());
}

void SqliteStore::refresh_codebook() {
  // The check's statement is gone before the write begins: a read left open
  // would pin an old snapshot, and the write would fail once another
  // process had committed since.
  // A read-only store keeps the codebook it has: queries read codes from
  // the ontology, the table is only for analysts' SQL.
  if (codebook_is_current() || sqlite3_db_readonly(db_.handle(), "main") == 1) return;
  db_.exec("BEGIN IMMEDIATE");
  try {
    if (codebook_is_current()) {  // another process refreshed it meanwhile
      db_.exec("COMMIT");
      return;
    }
    db_.exec("DELETE FROM cameo_event_codes");
    auto insert = db_.prepare(
        "INSERT INTO cameo_event_codes(code, root, quad, goldstein, label) VALUES (?,?,?,?,?)");
    for (const auto& info : ontology_.events()) {
      insert.bind(1, info.code)
          .bind(2, info.root())
          .bind(3, static_cast<int>(info.quad()))
          .bind(4, info.goldstein)
          .bind(5, info.label)
          .run();
    }
    db_.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('cameo_codebook', ?)")
        .bind(1, ontology_.version() + "/" + std::to_string(ontology_.events().size()))
        .run();
    db_.exec("COMMIT");
  } catch (...) {
    db_.exec("ROLLBACK");
    throw;
  }
}

void SqliteStore::prepare_writes() {
  find_document_.emplace(db_, "SELECT id FROM documents WHERE key = ?");
  find_hash_.emplace(db_, "SELECT key FROM documents WHERE content_hash = ?");
  insert_document_.emplace(
      db_,
      "INSERT OR FAIL INTO documents(key, content_hash, title, published, source, "
      "url, text, origin) VALUES (?,?,?,?,?,?,?,?)");
  find_actor_id_.emplace(db_, "SELECT id, code, type FROM actors WHERE key = ?");
  insert_actor_.emplace(
      db_,
      "INSERT OR FAIL INTO actors(key, name, code, country, agent, type) VALUES (?,?,?,?,?,?)");
  // A later mention may know more than the first: fill gaps, never overwrite.
  // Code, country and agent come as one unit, so an actor never mixes the
  // country of one code with the agent of another.
  complete_actor_.emplace(db_,
                          "UPDATE actors SET "
                          "country = CASE WHEN code IS NULL THEN COALESCE(?3, country) "
                          "ELSE country END, "
                          "agent = CASE WHEN code IS NULL THEN COALESCE(?4, agent) ELSE agent END, "
                          "code = COALESCE(code, ?2), "
                          "type = CASE type WHEN 'unknown' THEN ?5 ELSE type END "
                          "WHERE id = ?1 AND ((code IS NULL AND ?2 IS NOT NULL) "
                          "OR (type = 'unknown' AND ?5 <> 'unknown'))");
  // An alias that only repeats the stored name adds nothing.
  insert_alias_.emplace(db_,
                        "INSERT OR FAIL INTO actor_aliases(actor_id, alias) SELECT ?1, ?2 "
                        "WHERE NOT EXISTS (SELECT 1 FROM actors WHERE id = ?1 "
                        "AND name = ?2 COLLATE NOCASE) ON CONFLICT DO NOTHING");
  // Through events_document: an existing document's events, with what
  // fingerprint() reads, to skip those stored already. GDELT's events are
  // known by their GLOBALEVENTID instead.
  find_fingerprints_.emplace(
      db_,
      "SELECT sa.key, ta.key, e.code, e.date_from, e.date_precision_code, e.date_inferred, "
      "e.sentence, e.span_start, e.span_end, e.negated, e.modality_code, e.location_name, "
      "e.text FROM events e LEFT JOIN actors sa ON sa.id = e.source_id "
      "LEFT JOIN actors ta ON ta.id = e.target_id WHERE e.document_id = ? AND "
      "NOT EXISTS (SELECT 1 FROM event_gdelt g WHERE g.event_id = e.id)");
  document_savepoint_.emplace(db_, "document");
  events_.emplace(db_);
  links_.emplace(db_);
  insert_mentions_.emplace(db_, "mentions",
                           "document_id, span_start, span_length, actor_id, sentence");
  find_mention_.emplace(db_,
                        "SELECT 1 FROM mentions WHERE document_id = ? AND span_start = ? AND "
                        "span_length = ? AND actor_id = ?");
  count_mentions_.emplace(
      db_,
      "INSERT INTO actor_mention_counts(actor_id, mentions) VALUES (?, ?) "
      "ON CONFLICT (actor_id) DO UPDATE SET mentions = mentions + excluded.mentions");
  writes_prepared_ = true;
}

SqliteStore::KnownActor& SqliteStore::known_actor(const std::string& key) {
  auto [it, added] = actors_.try_emplace(key);
  if (!added) return it->second;
  auto& find = *find_actor_id_;
  find.bind(1, key);
  if (find.step()) {
    it->second.id = find.int64(0);
    it->second.code = find.text(1);
    it->second.typed = find.text_view(2) != "unknown";
  }
  find.reset();
  return it->second;  // id 0: not stored yet
}

std::int64_t SqliteStore::upsert_actor(const Actor& actor, bool& added) {
  KnownActor& known = known_actor(actor.key);
  added = known.id == 0;
  if (added) {
    insert_actor_->bind(1, actor.key)
        .bind(2, actor.name)
        .bind_text_or_null(3, actor.code)
        .bind_text_or_null(4, actor.country)
        .bind_text_or_null(5, actor.agent)
        .bind(6, to_string(actor.type))
        .run();
    known.id = db_.last_insert_rowid();
    known.code = actor.code;
    known.typed = actor.type != ActorType::Unknown;
    known.names.push_back(actor.name);
  } else if ((known.code.empty() && !actor.code.empty()) ||
             (!known.typed && actor.type != ActorType::Unknown)) {
    // Only a mention that can fill a gap costs a statement: most GDELT
    // actors have a code and no type, and are mentioned again and again.
    complete_actor_->bind(1, known.id)
        .bind_text_or_null(2, actor.code)
        .bind_text_or_null(3, actor.country)
        .bind_text_or_null(4, actor.agent)
        .bind(5, to_string(actor.type))
        .run();
    // Re-read rather than guess what the UPDATE's CASEs decided.
    actors_.erase(actor.key);
    return upsert_actor_aliases(known_actor(actor.key), actor);
  }
  return upsert_actor_aliases(known, actor);
}

std::int64_t SqliteStore::upsert_actor_aliases(KnownActor& known, const Actor& actor) {
  auto record = [&](const std::string& name) {
    if (name.empty()) return;
    if (std::find(known.names.begin(), known.names.end(), name) != known.names.end()) return;
    insert_alias_->bind(1, known.id).bind(2, name).run();
    known.names.push_back(name);
  };
  record(actor.name);
  for (const auto& alias : actor.aliases) record(alias);
  return known.id;
}

std::int64_t SqliteStore::actor_id(const std::string& key, const DocumentRecord& record) {
  const KnownActor& known = known_actor(key);
  if (known.id == 0) {
    actors_.erase(key);
    throw StoreError("document " + record.document.key + ": event names actor \"" + key +
                     "\", which is neither in the document nor in the store");
  }
  return known.id;
}

std::int64_t SqliteStore::write_mentions(std::int64_t document_id, bool new_document,
                                         const DocumentRecord& record) {
  // An article has dozens of mentions: they go in many to a statement.
  // Repeats within the record are dropped here (the first one kept, as a
  // row at a time would), and so are those a stored document already has,
  // so that every row written is new and the actors' counts stay exact.
  auto& rows = mention_rows_;
  rows.clear();
  for (const auto& mention : record.mentions) {
    rows.push_back({mention.span.start, mention.span.end, actor_id(mention.actor_key, record),
                    mention.sentence});
  }
  auto key = [](const MentionRow& row) { return std::tuple(row.start, row.end, row.actor); };
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const MentionRow& a, const MentionRow& b) { return key(a) < key(b); });
  rows.erase(
      std::unique(rows.begin(), rows.end(),
                  [&](const MentionRow& a, const MentionRow& b) { return key(a) == key(b); }),
      rows.end());
  if (!new_document) {
    auto& find = *find_mention_;
    std::erase_if(rows, [&](const MentionRow& row) {
      find.bind(1, document_id).bind(2, row.start).bind(3, row.end - row.start).bind(4, row.actor);
      const bool stored = find.step();
      find.reset();
      return stored;
    });
  }
  const auto added = insert_mentions_->insert(
      rows.size(), [&](sqlite::Statement& insert, int first, std::size_t i) {
        const MentionRow& row = rows[i];
        insert.bind(first, document_id)
            .bind(first + 1, row.start)
            .bind(first + 2, row.end - row.start)
            .bind(first + 3, row.actor);
        if (row.sentence) insert.bind(first + 4, *row.sentence);
      });

  // Counted here, written once per actor per batch (flush_mention_counts):
  // an upsert per actor per document was 7% of the writer's instructions.
  for (const auto& row : rows) ++pending_mention_counts_[row.actor];
  return added;
}

void SqliteStore::flush_mention_counts() {
  for (const auto& [actor, mentions] : pending_mention_counts_) {
    count_mentions_->bind(1, actor).bind(2, mentions).run();
  }
  pending_mention_counts_.clear();
}

sqlite::EventEnds SqliteStore::event_ends(const Event& event, const DocumentRecord& record) {
  sqlite::EventEnds ends;
  // A participant without a code of its own has its actor's stored one.
  auto resolve = [&](const Participant& participant, std::int64_t& id, std::string& code,
                     bool& is_actors) {
    id = actor_id(participant.actor_key, record);
    const std::string& actors = actors_.at(participant.actor_key).code;
    code = participant.code.empty() ? actors : participant.code;
    is_actors = !code.empty() && code == actors;
  };
  if (event.source) {
    resolve(*event.source, ends.source_id, ends.source_code, ends.source_is_actors);
  }
  if (event.target) {
    resolve(*event.target, ends.target_id, ends.target_code, ends.target_is_actors);
  }
  return ends;
}

WriteOutcome SqliteStore::write_one(const DocumentRecord& record) {
  const Document& document = record.document;

  WriteOutcome outcome;
  find_document_->bind(1, document.key);
  if (find_document_->step()) outcome.document_id = find_document_->int64(0);
  find_document_->reset();

  // GDELT rows already stored under another document (GLOBALEVENTID is the
  // identity) must not leave a new, empty document behind.
  const bool only_stored_gdelt =
      outcome.document_id == 0 && !record.events.empty() &&
      std::all_of(record.events.begin(), record.events.end(), [&](const Event& event) {
        return event.gdelt && events_->find(event.gdelt->global_event_id);
      });
  if (only_stored_gdelt) {
    for (const auto& event : record.events) {
      const auto stored = events_->find(event.gdelt->global_event_id);
      if (stored && events_->update(*stored, *event.gdelt)) ++outcome.events_updated;
    }
    outcome.status = WriteOutcome::Status::Unchanged;
    return outcome;
  }

  if (outcome.document_id == 0) {
    const auto hash = content_hash(document);
    find_hash_->bind(1, hash);
    if (find_hash_->step()) {
      outcome.status = WriteOutcome::Status::Duplicate;
      outcome.message = "same content as stored document \"" + find_hash_->text(0) + "\"";
      find_hash_->reset();
      return outcome;
    }
    find_hash_->reset();
    insert_document_->bind(1, document.key)
        .bind(2, hash)
        .bind_text_or_null(3, document.title)
        .bind_text_or_null(4, document.published ? document.published->iso() : "")
        .bind_text_or_null(5, document.source)
        .bind_text_or_null(6, document.url)
        .bind_text_or_null(7, document.text)
        .bind(8, document.origin.empty() ? std::string_view("unknown") : document.origin)
        .run();
    outcome.document_id = db_.last_insert_rowid();
    outcome.status = WriteOutcome::Status::Added;
  } else {
    outcome.status = WriteOutcome::Status::Unchanged;
  }

  for (const auto& actor : record.actors) {
    bool added = false;
    upsert_actor(actor, added);
    if (added) ++outcome.actors_added;
  }

  // An event is new unless its document holds one with its fingerprint
  // already: a document added by this write holds none, an existing one is
  // asked once. All go in many to a statement.
  const bool new_document = outcome.status == WriteOutcome::Status::Added;
  document_fingerprints_.clear();
  // GDELT's events are known by their GLOBALEVENTID, not their fingerprint.
  const bool has_own_events = std::any_of(record.events.begin(), record.events.end(),
                                          [](const Event& event) { return !event.gdelt; });
  if (!new_document && has_own_events) {
    events_->flush();  // the same document earlier in this batch may be held back
    auto& find = *find_fingerprints_;
    find.bind(1, outcome.document_id);
    while (find.step()) document_fingerprints_.insert(fingerprint(stored_event(find)));
    find.reset();
  }
  for (const auto& event : record.events) {
    // Sentence text is kept only when the document's own text cannot give it.
    const bool keep_text = document.text.empty() || !event.span;
    const auto print = fingerprint(event);
    if (event.gdelt) {
      // A GLOBALEVENTID is stored once, whatever its document.
      if (const auto stored = events_->find(event.gdelt->global_event_id)) {
        if (events_->update(*stored, *event.gdelt)) ++outcome.events_updated;
        continue;
      }
    } else if (!document_fingerprints_.insert(print).second) {
      continue;  // stored already, or twice in this document
    }
    sqlite::EventEnds ends = event_ends(event, record);
    const auto source = ends.source_id;
    const auto target = ends.target_id;
    const auto event_id = events_->insert(outcome.document_id, event, keep_text, std::move(ends));
    links_->add(event_id, event.code, event.date, source, target);
    ++outcome.events_added;
  }
  outcome.mentions_added += write_mentions(outcome.document_id, new_document, record);
  if (outcome.status == WriteOutcome::Status::Unchanged &&
      (outcome.events_added > 0 || outcome.actors_added > 0 || outcome.mentions_added > 0)) {
    outcome.status = WriteOutcome::Status::Extended;
  }
  return outcome;
}

std::optional<std::string> SqliteStore::check(const DocumentRecord& record) {
  if (record.document.key.empty()) return "a document needs a non-empty id";
  for (const auto& actor : record.actors) {
    if (actor.key.empty()) return "document " + record.document.key + ": actor without a key";
  }
  for (const auto& event : record.events) {
    if (!ontology_.find_event(event.code)) {
      return "unknown CAMEO event code \"" + event.code + "\"";
    }
    for (const auto* participant : {&event.source, &event.target}) {
      if (!*participant) continue;
      const auto& key = (*participant)->actor_key;
      const bool in_record = std::any_of(record.actors.begin(), record.actors.end(),
                                         [&](const Actor& actor) { return actor.key == key; });
      if (in_record || known_actor(key).id != 0) continue;
      actors_.erase(key);
      return "document " + record.document.key + ": event names actor \"" + key +
             "\", which is neither in the document nor in the store";
    }
  }
  for (const auto& mention : record.mentions) {
    if (mention.span.start < 0 || mention.span.end < mention.span.start) {
      return "document " + record.document.key + ": mention of \"" + mention.actor_key +
             "\" has an invalid span";
    }
    const bool in_record =
        std::any_of(record.actors.begin(), record.actors.end(),
                    [&](const Actor& actor) { return actor.key == mention.actor_key; });
    if (in_record || known_actor(mention.actor_key).id != 0) continue;
    actors_.erase(mention.actor_key);
    return "document " + record.document.key + ": mention names actor \"" + mention.actor_key +
           "\", which is neither in the document nor in the store";
  }
  return std::nullopt;
}

std::vector<WriteOutcome> SqliteStore::write_batch(std::span<const DocumentRecord> records,
                                                   bool savepoint_per_document) {
  std::vector<WriteOutcome> outcomes;
  outcomes.reserve(records.size());
  auto reject = [&](std::string message) {
    WriteOutcome rejected;
    rejected.status = WriteOutcome::Status::Rejected;
    rejected.message = std::move(message);
    outcomes.push_back(std::move(rejected));
  };
  db_.clear_storage_failure();
  db_.exec("BEGIN IMMEDIATE");
  events_->begin();
  try {
    for (const auto& record : records) {
      if (auto problem = check(record)) {
        reject(std::move(*problem));
        continue;
      }
      if (!savepoint_per_document) {
        outcomes.push_back(write_one(record));
        continue;
      }
      sqlite::Savepoint savepoint(*document_savepoint_);
      try {
        auto outcome = write_one(record);
        events_->flush();
        links_->flush();
        flush_mention_counts();
        savepoint.release();
        outcomes.push_back(std::move(outcome));
      } catch (const Error& error) {
        links_->discard();
        pending_mention_counts_.clear();
        savepoint.rollback();
        // The cache may now hold ids and codes that were rolled back.
        actors_.clear();
        events_->forget();
        reject(error.what());
      }
    }
    events_->flush();
    links_->flush();
    flush_mention_counts();
    db_.exec("COMMIT");
  } catch (...) {
    links_->discard();
    pending_mention_counts_.clear();
    // The batch is lost as a whole: forget ids that no longer exist.
    try {
      db_.exec("ROLLBACK");
    } catch (const StoreError&) {
    }
    actors_.clear();
    events_->forget();
    throw;
  }
  return outcomes;
}

std::vector<WriteOutcome> SqliteStore::write(std::span<const DocumentRecord> records) {
  if (!writes_prepared_) prepare_writes();
  // Records are checked before writing, so a document rarely fails half-way.
  // The fast path writes the batch without a savepoint per document (they
  // cost an eighth of ingest time); if something fails anyway, the batch is
  // rolled back whole and written again with one savepoint per document, so
  // only the failing document is lost.
  try {
    return write_batch(records, false);
  } catch (const Error&) {
    // A full disk or a read-only file fails every document alike: no retry.
    if (db_.storage_failed()) throw;
    return write_batch(records, true);
  }
}

using sqlite::date_from_columns;
using sqlite::kActorColumns;
using sqlite::read_actor;

void SqliteStore::for_each_actor(const std::function<void(const ActorRow&)>& visit) const {
  auto rows = db_.prepare("SELECT " + std::string(kActorColumns) + " FROM actors ORDER BY key");
  auto aliases = db_.prepare("SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias");
  while (rows.step()) {
    auto row = read_actor(rows);
    aliases.bind(1, row.id);
    while (aliases.step()) row.actor.aliases.push_back(aliases.text(0));
    aliases.reset();
    visit(row);
  }
}

void SqliteStore::begin_snapshot() const {
  if (snapshots_ > 0) {  // nested: the outer snapshot holds
    ++snapshots_;
    return;
  }
  // A deferred transaction takes its snapshot at the first read: read now.
  db_.exec("BEGIN");
  db_.exec("SELECT count(*) FROM meta");
  snapshots_ = 1;
}

void SqliteStore::end_snapshot() const {
  if (snapshots_ == 0 || --snapshots_ > 0) return;
  try {
    db_.exec("COMMIT");
  } catch (const StoreError&) {  // called from destructors: never throw
  }
}

std::vector<ActorRow> SqliteStore::find_actors_named(std::string_view name) const {
  auto rows = db_.prepare("SELECT " + std::string(kActorColumns) +
                          " FROM actors WHERE name = ?1 COLLATE NOCASE OR id IN "
                          "(SELECT actor_id FROM actor_aliases WHERE alias = ?1) ORDER BY key");
  rows.bind(1, name);
  std::vector<ActorRow> found;
  while (rows.step()) found.push_back(read_actor(rows));
  return found;
}

std::optional<ActorRow> SqliteStore::find_actor(std::string_view key) const {
  auto rows = db_.prepare("SELECT " + std::string(kActorColumns) + " FROM actors WHERE key = ?");
  rows.bind(1, key);
  if (!rows.step()) return std::nullopt;
  return read_actor(rows);
}

void SqliteStore::for_each_event(const EventFilter& filter,
                                 const std::function<void(const EventRow&)>& visit) const {
  // The filter becomes a WHERE clause of placeholders only; every value is
  // bound, so no filter text ever reaches the SQL parser.
  std::string sql =
      "SELECT e.id, d.key, e.code, e.date_from, e.date_precision_code, e.source_id, "
      "e.source_code, e.target_id, e.target_code, e.sentence, e.negated, e.modality_code "
      "FROM events e JOIN documents d ON d.id = e.document_id ";
  const sqlite::EventWhere where(db_, filter);
  sql += "WHERE " + where.conditions() + " ORDER BY e.id";
  auto rows = db_.prepare(sql);
  int index = 1;
  where.bind(rows, index);
  // An end whose code is NULL has its actor's own code: the actors' codes
  // are read once, at the first such end, rather than joined for each event.
  std::vector<std::string> actor_codes;
  auto read_code = [&](std::int64_t actor, int column, std::string& code) {
    if (!rows.is_null(column) || actor == 0) {
      code.assign(rows.text_view(column));
      return;
    }
    if (actor_codes.empty()) {
      auto codes = db_.prepare("SELECT id, code FROM actors ORDER BY id DESC");
      while (codes.step()) {
        const auto id = static_cast<std::size_t>(codes.int64(0));
        if (actor_codes.size() <= id) actor_codes.resize(id + 1);
        actor_codes[id] = codes.text(1);
      }
    }
    const auto at = static_cast<std::size_t>(actor);
    if (at < actor_codes.size()) {
      code.assign(actor_codes[at]);
    } else {
      code.clear();
    }
  };
  // One row object, refilled in place: assign() reuses its strings' storage.
  EventRow row;
  while (rows.step()) {
    row.id = rows.int64(0);
    row.document_key.assign(rows.text_view(1));
    row.code.assign(rows.text_view(2));
    row.date = date_from_columns(rows, 3, 4);
    row.source_actor = rows.is_null(5) ? 0 : rows.int64(5);
    read_code(row.source_actor, 6, row.source_code);
    row.target_actor = rows.is_null(7) ? 0 : rows.int64(7);
    read_code(row.target_actor, 8, row.target_code);
    row.sentence =
        rows.is_null(9) ? std::nullopt : std::optional<int>(static_cast<int>(rows.int64(9)));
    row.negated = rows.int64(10) != 0;
    row.modality = sqlite::modality_from_code(rows.int64(11));
    visit(row);
  }
}

StoreStats SqliteStore::stats() const {
  StoreStats stats;
  auto count = [&](const char* sql) {
    auto statement = db_.prepare(sql);
    return statement.step() ? statement.int64(0) : 0;
  };
  stats.schema_version = static_cast<int>(count("PRAGMA user_version"));
  stats.documents = count("SELECT count(*) FROM documents");
  stats.actors = count("SELECT count(*) FROM actors");
  stats.aliases = count("SELECT count(*) FROM actor_aliases");
  stats.mentions = count("SELECT count(*) FROM mentions");
  stats.events = count("SELECT count(*) FROM events");
  auto range = db_.prepare(
      "SELECT (SELECT date FROM events WHERE date IS NOT NULL ORDER BY date_from LIMIT 1), "
      "(SELECT date FROM events WHERE date IS NOT NULL ORDER BY date_to DESC LIMIT 1)");
  if (range.step()) {
    stats.first_date = date_from_text(range.optional_text(0));
    stats.last_date = date_from_text(range.optional_text(1));
  }
  auto roots = db_.prepare(
      "SELECT substr(code, 1, 2) AS root, count(*) FROM events GROUP BY root ORDER BY root");
  while (roots.step()) stats.events_by_root.emplace_back(roots.text(0), roots.int64(1));
  auto top = db_.prepare(
      "SELECT a.name, count(*) AS n FROM event_links l JOIN actors a ON a.id = l.actor_id "
      "GROUP BY l.actor_id ORDER BY n DESC, a.key LIMIT 10");
  while (top.step()) stats.top_actors.emplace_back(top.text(0), top.int64(1));
  return stats;
}

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path, OpenMode mode,
                                         const Ontology& ontology) {
  if (mode == OpenMode::MustExist && path != ":memory:" && ::access(path.c_str(), F_OK) != 0) {
    throw StoreError("database " + path + " does not exist (create it with geokg ingest)");
  }
  return std::make_unique<SqliteStore>(path, ontology);
}

int current_schema_version() {
  return static_cast<int>(kSchemaVersion);
}

}  // namespace geokg

-- The schema version 1 DDL exactly as geokg 0.1.0 shipped it (kMigrations[0] in
-- core/src/sqlite_store.cpp), for the migration tests. Never edit.
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

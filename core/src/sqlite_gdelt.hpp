// GDELT's part of the SQLite store's schema: the step that adds its tables.
// Private to core/; the rows are written by EventTable (sqlite_events.hpp).
#pragma once

#include <cstdint>

#include "sqlite.hpp"

namespace geokg::sqlite {

// The schema version that holds the GDELT tables (version 2 added mentions).
constexpr std::int64_t kGdeltSchemaVersion = 3;

// Takes a version-2 store to version 3: the gdelt_files and event_gdelt
// tables and the gdelt_events view. Runs inside the caller's migration
// transaction, so a failure leaves the store at version 2.
void add_gdelt_tables(Database& db);

}  // namespace geokg::sqlite

// The threads of ingest() (private to ingest/), open to tests so that they
// can run the real pipeline with an extraction function of their own (one
// that throws, say).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "geokg/ingest.hpp"

namespace geokg::pipeline {

// Extracts one article document. Called from several worker threads at once,
// so it must be safe to call concurrently (Extractor::extract is).
using ExtractFunction = std::function<Extraction(Document&&)>;

// The number of extraction workers `options.jobs` asks for: hardware
// concurrency for 0 (at least 1). Throws IngestError above kMaxIngestJobs.
std::size_t worker_count(const IngestOptions& options);

// ingest() with `extract` in place of an Extractor built from the options.
// An exception from `extract` (or from reading) stops the pipeline: the
// documents before the failing one are written, in input order, whatever
// the number of workers, then the exception propagates. A failing store
// stops the pipeline at once and its error propagates.
IngestReport ingest_with(Store& store, const std::vector<std::string>& paths,
                         const IngestOptions& options, const ProgressCallback& progress,
                         const ExtractFunction& extract);

}  // namespace geokg::pipeline

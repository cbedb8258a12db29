// The geokg command: parses arguments, calls the library, and maps errors to
// exit codes (0 ok, 1 usage, 2 data). Nothing here knows SQL or formats.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "filter_options.hpp"
#include "geokg/export.hpp"
#include "geokg/ingest.hpp"
#include "geokg/query.hpp"
#include "query_command.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitData = 2;

// A bad argument value that CLI11 could not catch by itself.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::optional<geokg::EventDate> parse_date_option(const std::string& value, std::string_view name) {
  if (value.empty()) return std::nullopt;
  try {
    return geokg::EventDate::parse(value);
  } catch (const geokg::ModelError& error) {
    throw UsageError(std::string(name) + ": " + error.what());
  }
}

// Dictionary options shared by ingest, extract and eval.
// --dict, --replace-dict and --lexicon: what the extractor reads with.
struct DictionaryArgs {
  std::vector<std::string> files;
  bool replace = false;
  std::vector<std::string> lexicons;
};

struct IngestArgs {
  std::string db = "geokg.db";
  std::vector<std::string> paths;
  std::string format = "auto";
  std::string date;
  std::size_t batch = geokg::IngestOptions{}.batch_documents;
  std::size_t jobs = 0;  // 0: all cores
  bool no_mentions = false;
  DictionaryArgs dictionary;
};

struct EvalArgs {
  std::vector<std::string> gold;  // one or more files, scored together
  std::string format = "table";
  bool misses = false;
  DictionaryArgs dictionary;
};

struct ExtractArgs {
  std::vector<std::string> paths;
  std::string format = "auto";
  std::string date;
  std::string output = "jsonl";
  bool explain = false;
  DictionaryArgs dictionary;
};

struct FilterArgs {
  std::string since;
  std::string until;
  std::vector<std::string> codes;
  std::vector<std::string> quads;
  std::vector<std::string> actors;
  std::vector<std::string> countries;
  bool include_negated = false;
};

struct ExportArgs {
  std::string db = "geokg.db";
  std::string format = "graphml";
  std::string out = "-";
  std::string edges = "aggregate";
  std::string nodes = "actors";
  FilterArgs filter;
  geokg::cli::ExportQueryArgs query;  // --source, --target, --doc, --text, --ego, --depth
};

struct StatsArgs {
  std::string db = "geokg.db";
  std::string format = "table";
};

void add_dictionary_options(CLI::App& command, DictionaryArgs& args) {
  command.add_option("--dict", args.files,
                     "Extra actor dictionary: geokg format or PETRARCH/Phoenix actors or agents "
                     "file; later entries override earlier ones (repeatable)");
  command.add_flag("--replace-dict", args.replace,
                   "Use only the --dict files, not the built-in dictionary");
  command.add_option("--lexicon", args.lexicons,
                     "Extra event lexicon (docs/lexicon.md); its entries add to or override "
                     "the built-in ones (repeatable)");
}

// The built-in dictionary, extended or replaced by --dict files. Throws
// ModelError naming file:line for a bad file.
std::unique_ptr<geokg::Dictionary> load_dictionary(const DictionaryArgs& args) {
  if (args.replace && args.files.empty()) {
    throw UsageError("--replace-dict needs at least one --dict FILE");
  }
  auto dictionary = args.replace
                        ? std::make_unique<geokg::Dictionary>()
                        : std::make_unique<geokg::Dictionary>(geokg::Dictionary::builtin());
  for (const auto& file : args.files) dictionary->add_file(file);
  return dictionary;
}

// The built-in event lexicon, extended by --lexicon files. Throws ModelError
// naming file:line for a bad file.
std::unique_ptr<geokg::EventLexicon> load_lexicon(const DictionaryArgs& args) {
  auto lexicon = std::make_unique<geokg::EventLexicon>(geokg::EventLexicon::builtin());
  for (const auto& file : args.lexicons) lexicon->add_file(file);
  return lexicon;
}

void add_db_option(CLI::App& command, std::string& db) {
  command.add_option("--db", db, "SQLite database file (created if missing)")
      ->capture_default_str();
}

void add_filter_options(CLI::App& command, FilterArgs& filter) {
  geokg::cli::add_date_and_code_options(command, filter.since, filter.until, filter.codes,
                                        filter.quads);
  command.add_option("--actor", filter.actors,
                     "Actor id or name; events where it is source or target (repeatable)");
  command.add_option("--country", filter.countries,
                     "CAMEO country code of source or target, e.g. RUS (repeatable)");
  command.add_flag("--include-negated", filter.include_negated,
                   "Also draw negated events (\"did not attack\") as edges");
}

// An actor argument is an id, a name or an alias ("nato", "Vladimir Putin").
std::string resolve_actor(const geokg::Store& store, const std::string& text) {
  if (store.find_actor(text)) return text;
  const auto named = store.find_actors_named(text);
  if (named.size() == 1) return named.front().actor.key;
  if (named.size() > 1) {
    std::string candidates;
    for (const auto& row : named) {
      candidates += "\n  " + row.actor.key + " (" + row.actor.name +
                    (row.actor.code.empty() ? "" : ", " + row.actor.code) + ")";
    }
    throw geokg::GraphError("--actor: \"" + text +
                            "\" is ambiguous; give one of the ids:" + candidates);
  }
  if (const auto key = geokg::make_key(text); store.find_actor(key)) return key;
  throw geokg::GraphError("--actor: no actor \"" + text + "\" in the store");
}

// Checks every filter value before any file is opened; actors are resolved
// later, against the store.
geokg::EventFilter make_filter(const FilterArgs& args) {
  geokg::EventFilter filter;
  filter.since = parse_date_option(args.since, "--since");
  filter.until = parse_date_option(args.until, "--until");
  if (filter.since && filter.until && filter.since->first_day() > filter.until->last_day()) {
    throw UsageError("--since " + args.since + " is after --until " + args.until);
  }
  for (const auto& code : args.codes) {
    if (!geokg::Ontology::builtin().find_event(code)) {
      throw UsageError("--code: \"" + code + "\" is not a CAMEO event code or root (e.g. 04, 042)");
    }
    filter.codes.push_back(code);
  }
  for (const auto& quad : args.quads) {
    if (quad.size() != 1 || quad[0] < '1' || quad[0] > '4') {
      throw UsageError("--quad: \"" + quad + "\" is not a quad class (1, 2, 3 or 4)");
    }
    filter.quads.push_back(static_cast<geokg::QuadClass>(quad[0] - '0'));
  }
  for (const auto& country : args.countries) {
    if (!geokg::Ontology::builtin().is_country(country)) {
      throw UsageError("--country: \"" + country + "\" is not a CAMEO country code");
    }
    filter.countries.push_back(country);
  }
  return filter;
}

std::string summary(const geokg::IngestReport& report) {
  return "read " + std::to_string(report.inputs) + " input(s), " + std::to_string(report.lines) +
         " record(s), " + std::to_string(report.lines_rejected) +
         " rejected; documents: " + std::to_string(report.documents_added) + " added, " +
         std::to_string(report.documents_extended) + " extended, " +
         std::to_string(report.documents_unchanged) + " unchanged, " +
         std::to_string(report.documents_duplicate) + " duplicate, " +
         std::to_string(report.documents_rejected) + " rejected; " +
         std::to_string(report.events_added) + " event(s), " + std::to_string(report.actors_added) +
         " actor(s) and " + std::to_string(report.mentions_added) + " mention(s) added" +
         (report.events_updated > 0
              ? "; " + std::to_string(report.events_updated) + " event(s) updated"
              : std::string());
}

// The extraction threads of `--jobs`, 0 meaning all cores.
std::size_t resolve_jobs(std::size_t jobs) {
  return jobs > 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

// "1h02m", "3m05s", "12s".
std::string format_duration(double seconds) {
  const auto total = static_cast<long long>(seconds + 0.5);
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%lldh%02lldm", total / 3600, total / 60 % 60);
  } else if (total >= 60) {
    std::snprintf(buffer, sizeof buffer, "%lldm%02llds", total / 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%llds", total);
  }
  return buffer;
}

std::int64_t documents_seen(const geokg::IngestReport& report) {
  return report.documents_added + report.documents_extended + report.documents_unchanged +
         report.documents_duplicate + report.documents_rejected;
}

double per_second(std::int64_t count, double seconds) {
  return seconds > 0 ? static_cast<double>(count) / seconds : 0.0;
}

// The progress line, redrawn after each committed batch: counts, rates,
// and the share of the input read with an ETA when the input's size is known.
std::string progress_line(const geokg::IngestReport& report, double seconds) {
  const auto documents = documents_seen(report);
  char buffer[256];
  std::snprintf(buffer, sizeof buffer,
                "ingest: %lld documents, %lld events; %.0f documents/s, %.0f events/s",
                static_cast<long long>(documents), static_cast<long long>(report.events_added),
                per_second(documents, seconds), per_second(report.events_added, seconds));
  std::string line = buffer;
  if (report.input_bytes_total > 0 && report.input_bytes > 0) {
    const double done = std::min(1.0, static_cast<double>(report.input_bytes) /
                                          static_cast<double>(report.input_bytes_total));
    std::snprintf(buffer, sizeof buffer, "; %.0f%% of %.1f MB, ETA %s", done * 100,
                  static_cast<double>(report.input_bytes_total) / 1e6,
                  format_duration(seconds * (1 - done) / done).c_str());
    line += buffer;
  }
  return line;
}

// The last line, always printed: how much, how long, how fast.
std::string timing_line(const geokg::IngestReport& report, double seconds, std::size_t jobs) {
  const auto documents = documents_seen(report);
  char buffer[320];
  std::snprintf(buffer, sizeof buffer,
                "%lld document(s), %lld event(s) and %lld actor(s) added in %.2f s with %zu "
                "job(s): %.0f documents/s, %.0f events/s",
                static_cast<long long>(documents), static_cast<long long>(report.events_added),
                static_cast<long long>(report.actors_added), seconds, jobs,
                per_second(documents, seconds), per_second(report.events_added, seconds));
  std::string line = buffer;
  if (report.words > 0) {
    std::snprintf(buffer, sizeof buffer, ", %.0f words/s", per_second(report.words, seconds));
    line += buffer;
  }
  return line;
}

int run_ingest(const IngestArgs& args) {
  geokg::IngestOptions options;
  try {
    options.format = geokg::parse_input_format(args.format);
  } catch (const geokg::IngestError& error) {
    throw UsageError(error.what());
  }
  options.default_date = parse_date_option(args.date, "--date");
  options.batch_documents = args.batch;
  options.jobs = resolve_jobs(args.jobs);
  options.store_mentions = !args.no_mentions;
  const auto dictionary = load_dictionary(args.dictionary);
  options.dictionary = dictionary.get();
  const auto lexicon = load_lexicon(args.dictionary);
  options.lexicon = lexicon.get();
  auto store = geokg::open_sqlite_store(args.db);

  const bool terminal = ::isatty(STDERR_FILENO) != 0;
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  geokg::ProgressCallback progress;
  if (terminal) {
    progress = [&](const geokg::IngestReport& report) {
      std::fprintf(stderr, "\r\033[K%s", progress_line(report, elapsed()).c_str());
    };
  }
  const auto report = geokg::ingest(*store, args.paths, options, progress);
  const double seconds = elapsed();
  if (terminal) std::fputs("\r\033[K", stderr);
  for (const auto& warning : report.warnings) std::cerr << "geokg: warning: " << warning << "\n";
  for (const auto& problem : report.problems) {
    std::cerr << "geokg: " << problem.where << ": " << problem.message << "\n";
  }
  std::cerr << "geokg: " << summary(report) << "\n";
  std::cerr << "geokg: " << timing_line(report, seconds, options.jobs) << "\n";
  return report.clean() ? kExitOk : kExitData;
}

int run_eval(const EvalArgs& args) {
  const auto dictionary = load_dictionary(args.dictionary);
  const auto lexicon = load_lexicon(args.dictionary);
  const geokg::Extractor extractor(*dictionary, geokg::Ontology::builtin(), *lexicon);
  const auto& ontology = geokg::Ontology::builtin();
  // Several gold files: every count is summed, as if they were one file.
  geokg::EvalReport report;
  std::string files;
  for (const auto& gold : args.gold) {
    std::ifstream in(gold, std::ios::binary);
    if (!in) throw geokg::IngestError(gold, "cannot open the gold file");
    report += geokg::evaluate(in, gold, extractor, ontology);
    files += (files.empty() ? "" : " + ") + gold;
  }
  auto score_json = [](const geokg::Score& score) {
    return nlohmann::ordered_json{{"precision", score.precision()},
                                  {"recall", score.recall()},
                                  {"f1", score.f1()},
                                  {"true_positives", score.true_positives},
                                  {"false_positives", score.false_positives},
                                  {"false_negatives", score.false_negatives}};
  };
  if (args.format == "json") {
    nlohmann::ordered_json out;
    out["gold"] = args.gold;
    out["passages"] = report.passages;
    out["actors"] = score_json(report.actors);
    out["actors_by_name"] = score_json(report.actors_by_name);
    out["actors_by_type"] = nlohmann::ordered_json::object();
    for (const auto& [type, score] : report.actors_by_type) {
      out["actors_by_type"][type] = score_json(score);
    }
    out["gold_events"] = report.gold_events;
    out["events_root"] = score_json(report.events_root);
    out["events_code"] = score_json(report.events_code);
    out["events_by_root"] = nlohmann::ordered_json::object();
    for (const auto& [root, score] : report.events_by_root) {
      out["events_by_root"][root] = score_json(score);
    }
    if (args.misses) out["misses"] = report.misses;
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  auto row = [](const std::string& label, const geokg::Score& score) {
    std::printf("%-38s %9.3f %9.3f %9.3f %6lld %6lld %6lld\n", label.c_str(), score.precision(),
                score.recall(), score.f1(), static_cast<long long>(score.true_positives),
                static_cast<long long>(score.false_positives),
                static_cast<long long>(score.false_negatives));
  };
  std::printf("%s: %lld passages, %lld gold events\n\n", files.c_str(),
              static_cast<long long>(report.passages), static_cast<long long>(report.gold_events));
  std::printf("%-38s %9s %9s %9s %6s %6s %6s\n", "", "precision", "recall", "F1", "tp", "fp", "fn");
  row("actors (name and code)", report.actors);
  row("actors (name only)", report.actors_by_name);
  // False positives have no gold type: these rows give recall only.
  for (const auto& [type, score] : report.actors_by_type) {
    std::printf("%-38s %9s %9.3f %9s %6lld %6s %6lld\n", ("  recall: " + type).c_str(), "-",
                score.recall(), "-", static_cast<long long>(score.true_positives), "-",
                static_cast<long long>(score.false_negatives));
  }
  row("events (root + countries)", report.events_root);
  // The root-level comparison by CAMEO root: "  19 Fight".
  for (const auto& [root, score] : report.events_by_root) {
    const auto* info = ontology.find_event(root);
    row("  " + root + (info ? " " + info->label : std::string()), score);
  }
  row("events (full code + actors)", report.events_code);
  if (args.misses) {
    std::printf("\n");
    for (const auto& miss : report.misses) std::printf("%s\n", miss.c_str());
  }
  return kExitOk;
}

int run_extract(const ExtractArgs& args) {
  geokg::IngestOptions options;
  try {
    options.format = geokg::parse_input_format(args.format);
  } catch (const geokg::IngestError& error) {
    throw UsageError(error.what());
  }
  options.default_date = parse_date_option(args.date, "--date");
  const auto dictionary = load_dictionary(args.dictionary);
  const auto lexicon = load_lexicon(args.dictionary);
  const geokg::Extractor extractor(*dictionary, geokg::Ontology::builtin(), *lexicon);
  bool failed = false;
  geokg::extract_inputs(args.paths, options, extractor, [&](geokg::ExtractedDocument&& document) {
    if (!document.warning.empty()) {
      std::cerr << "geokg: warning: " << document.warning << "\n";
      return;
    }
    if (!document.error.empty()) {
      failed = true;
      std::cerr << "geokg: " << document.input << ": " << document.error << "\n";
    }
    if (args.explain) {
      std::cout << geokg::explain_extraction(document) << "\n";
    } else {
      std::cout << geokg::extraction_json_line(document) << "\n";
    }
  });
  std::cout.flush();
  return failed ? kExitData : kExitOk;
}

int run_export(const ExportArgs& args) {
  geokg::ExportFormat format;
  try {
    format = geokg::parse_export_format(args.format);
  } catch (const geokg::ExportError& error) {
    throw UsageError(std::string("--format: ") + error.what());
  }
  if (format == geokg::ExportFormat::Csv && args.out == "-") {
    throw UsageError("--format csv writes two files (nodes and edges): give --out PATH");
  }
  geokg::GraphOptions options;
  options.filter = make_filter(args.filter);
  options.include_negated = args.filter.include_negated;
  auto store = geokg::open_sqlite_store(args.db, geokg::OpenMode::MustExist);
  for (const auto& actor : args.filter.actors) {
    options.filter.actors.push_back(resolve_actor(*store, actor));
  }
  options.mode = geokg::parse_edge_mode(args.edges);
  options.nodes = geokg::parse_node_mode(args.nodes);
  geokg::cli::apply_export_query_options(*store, args.query, options);
  const auto graph = geokg::build_actor_graph(*store, options);
  geokg::export_graph(graph, format, args.out);
  if (args.out != "-") {
    std::cerr << "geokg: wrote " << args.out
              << (format == geokg::ExportFormat::Csv ? " (.nodes.csv, .edges.csv)" : "") << ": "
              << boost::num_vertices(graph) << " nodes, " << boost::num_edges(graph) << " edges\n";
  }
  return kExitOk;
}

int run_stats(const StatsArgs& args) {
  auto store = geokg::open_sqlite_store(args.db, geokg::OpenMode::MustExist);
  const auto stats = store->stats();
  const auto date = [](const std::optional<geokg::EventDate>& d) {
    return d ? d->iso() : std::string();
  };
  if (args.format == "json") {
    nlohmann::ordered_json out;
    out["database"] = args.db;
    out["schema_version"] = stats.schema_version;
    out["documents"] = stats.documents;
    out["actors"] = stats.actors;
    out["aliases"] = stats.aliases;
    out["mentions"] = stats.mentions;
    out["events"] = stats.events;
    out["first_date"] = stats.first_date ? nlohmann::json(date(stats.first_date)) : nullptr;
    out["last_date"] = stats.last_date ? nlohmann::json(date(stats.last_date)) : nullptr;
    out["events_by_root"] = nlohmann::ordered_json::object();
    for (const auto& [root, count] : stats.events_by_root) out["events_by_root"][root] = count;
    out["top_actors"] = nlohmann::ordered_json::array();
    for (const auto& [name, count] : stats.top_actors) {
      out["top_actors"].push_back({{"name", name}, {"events", count}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  const auto& ontology = geokg::Ontology::builtin();
  std::printf("database        %s (schema version %d)\n", args.db.c_str(), stats.schema_version);
  std::printf("documents       %lld\n", static_cast<long long>(stats.documents));
  std::printf("actors          %lld (%lld aliases)\n", static_cast<long long>(stats.actors),
              static_cast<long long>(stats.aliases));
  std::printf("mentions        %lld\n", static_cast<long long>(stats.mentions));
  std::printf("events          %lld\n", static_cast<long long>(stats.events));
  if (stats.first_date) {
    std::printf("dates           %s to %s\n", date(stats.first_date).c_str(),
                date(stats.last_date).c_str());
  }
  if (!stats.events_by_root.empty()) std::printf("\nevents by CAMEO root\n");
  for (const auto& [root, count] : stats.events_by_root) {
    const auto* info = ontology.find_event(root);
    std::printf("  %s  %-40s %8lld\n", root.c_str(), info ? info->label.c_str() : "?",
                static_cast<long long>(count));
  }
  if (!stats.top_actors.empty()) std::printf("\nmost active actors\n");
  for (const auto& [name, count] : stats.top_actors) {
    std::printf("  %-46s %8lld\n", name.c_str(), static_cast<long long>(count));
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  // Past a file size limit (RLIMIT_FSIZE) a write fails with EFBIG and the
  // error is reported like a full disk, instead of SIGXFSZ killing geokg and
  // leaving an export's temporary file behind.
  ::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"geokg: actor-event graphs of international relations from news and event data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("geokg ") + GEOKG_VERSION);

  IngestArgs ingest_args;
  auto* ingest = app.add_subcommand("ingest", "Read inputs and store their documents and events");
  ingest->add_option("paths", ingest_args.paths, "Files, directories or - for standard input")
      ->required();
  add_db_option(*ingest, ingest_args.db);
  ingest->add_option("--format", ingest_args.format, "auto, triples, text, html, jsonl or gdelt")
      ->capture_default_str();
  ingest->add_option("--date", ingest_args.date,
                     "Publication date (YYYY[-MM[-DD]]) for documents that have none");
  ingest
      ->add_option("--batch", ingest_args.batch,
                   "Documents per transaction: fewer lose less to a crash, more ingest faster")
      ->check(CLI::Range(static_cast<std::size_t>(1), static_cast<std::size_t>(1000000)))
      ->capture_default_str();
  ingest
      ->add_option("--jobs,-j", ingest_args.jobs,
                   "Threads that extract articles, 1 to " + std::to_string(geokg::kMaxIngestJobs) +
                       " (default: all cores, " + std::to_string(resolve_jobs(0)) +
                       " here; 1 runs on one core); the store is the same whatever the number")
      ->check(CLI::Range(static_cast<std::size_t>(1), geokg::kMaxIngestJobs));
  ingest->add_flag("--no-mentions", ingest_args.no_mentions,
                   "Do not store where articles mention each actor (a smaller store; events "
                   "and their sentences are stored as always)");

  add_dictionary_options(*ingest, ingest_args.dictionary);

  ExtractArgs extract_args;
  auto* extract = app.add_subcommand(
      "extract", "Print what geokg finds in articles (JSON Lines), storing nothing");
  extract->add_option("paths", extract_args.paths, "Files, directories or - for standard input")
      ->required();
  extract->add_option("--format", extract_args.format, "auto, text, html or jsonl")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl"}))
      ->capture_default_str();
  extract->add_option("--date", extract_args.date,
                      "Publication date (YYYY[-MM[-DD]]) for documents that have none");
  extract->add_flag("--explain", extract_args.explain,
                    "Show what was removed as web noise and why, and the actors found, as text");
  add_dictionary_options(*extract, extract_args.dictionary);

  EvalArgs eval_args;
  auto* eval = app.add_subcommand("eval", "Score extraction against a gold file (docs/eval.md)");
  eval->add_option("--gold", eval_args.gold,
                   "Gold JSON Lines file; repeatable, the scores are summed over all files")
      ->required()
      ->allow_extra_args(false);
  eval->add_option("--format", eval_args.format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  eval->add_flag("--misses", eval_args.misses,
                 "List every missed, spurious or wrongly coded actor and every missed or "
                 "spurious event");
  add_dictionary_options(*eval, eval_args.dictionary);

  ExportArgs export_args;
  auto* exporter = app.add_subcommand("export", "Write the actor graph for Gephi, Graphviz, ...");
  add_db_option(*exporter, export_args.db);
  exporter->add_option("--format", export_args.format, "graphml, dot, gexf, json, cytoscape or csv")
      ->capture_default_str();
  exporter
      ->add_option("--out,-o", export_args.out,
                   "Output file, or - for standard output; csv writes PATH.nodes.csv and "
                   "PATH.edges.csv")
      ->capture_default_str();
  exporter
      ->add_option("--graph", export_args.nodes,
                   "actors; countries: actors rolled up to their country; bipartite: actor "
                   "and event nodes")
      ->check(CLI::IsMember({"actors", "countries", "bipartite"}))
      ->capture_default_str();
  exporter
      ->add_option("--edges", export_args.edges,
                   "aggregate: one edge per source, target and code; event: one per event")
      ->check(CLI::IsMember({"aggregate", "event"}))
      ->capture_default_str();
  add_filter_options(*exporter, export_args.filter);
  geokg::cli::add_export_query_options(*exporter, export_args.query);

  StatsArgs stats_args;
  auto* stats = app.add_subcommand("stats", "Summarise what the database holds");
  add_db_option(*stats, stats_args.db);
  stats->add_option("--format", stats_args.format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();

  geokg::cli::QueryCommand query;
  query.add_to(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  try {
    if (*ingest) return run_ingest(ingest_args);
    if (*extract) return run_extract(extract_args);
    if (*eval) return run_eval(eval_args);
    if (*exporter) return run_export(export_args);
    if (*stats) return run_stats(stats_args);
    if (query.selected()) return query.run();
  } catch (const UsageError& error) {
    std::cerr << "geokg: " << error.what() << "\nRun with --help for usage.\n";
    return kExitUsage;
  } catch (const geokg::QueryArgumentError& error) {
    std::cerr << "geokg: " << error.what() << "\nRun with --help for usage.\n";
    return kExitUsage;
  } catch (const geokg::Error& error) {
    std::cerr << "geokg: " << error.what() << "\n";
    return kExitData;
  } catch (const std::exception& error) {
    std::cerr << "geokg: internal error: " << error.what() << "\n";
    return kExitData;
  }
  return kExitUsage;
}

// Atomic replacement of output files: write a sibling temporary file, flush
// it to disk, rename it over the target. A crash leaves the old file or the
// new one, never a torn one.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>

#include "geokg/export.hpp"

namespace geokg {
namespace {

namespace fs = std::filesystem;

std::string system_error(const std::string& path, const std::string& what) {
  const int error = errno;
  std::string reason = std::strerror(error);
  if (error == ENOSPC) reason = "the disk is full";
  if (error == EDQUOT) reason = "the disk quota is exceeded";
  if (error == EFBIG) reason = "the file size limit is reached (RLIMIT_FSIZE, ulimit -f)";
  return "cannot write " + path + ": " + what + ": " + reason;
}

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const fs::path target(path);
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    throw ExportError("cannot write " + path + ": directory " + directory.string() +
                      " does not exist");
  }
  if (fs::is_directory(target, error)) {
    throw ExportError("cannot write " + path + ": it is a directory");
  }
  std::string temp = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw ExportError(system_error(path, "cannot create a temporary file"));
  ::close(fd);
  try {
    {
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      if (!out) throw ExportError(system_error(path, "cannot open " + temp));
      write(out);
      out.flush();
      if (!out) throw ExportError(system_error(path, "write failed"));
    }
    // A full disk may show only here, when the file system allocates late.
    const int sync_fd = ::open(temp.c_str(), O_RDONLY);
    if (sync_fd < 0 || ::fsync(sync_fd) != 0) {
      const auto message = system_error(path, "cannot flush " + temp + " to disk");
      if (sync_fd >= 0) ::close(sync_fd);
      throw ExportError(message);
    }
    ::close(sync_fd);
    // mkstemp creates 0600 files; exports are ordinary files for other tools.
    fs::permissions(temp,
                    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                        fs::perms::others_read,
                    error);
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
      throw ExportError(system_error(path, "cannot rename the temporary file into place"));
    }
  } catch (...) {
    std::remove(temp.c_str());
    throw;
  }
}

}  // namespace

void export_graph(const ActorGraph& graph, ExportFormat format, const std::string& path) {
  if (format == ExportFormat::Csv) {
    if (path == "-") {
      throw ExportError("CSV export writes two files (nodes and edges): give --out PATH");
    }
    std::string base = path;
    if (base.size() > 4 && base.ends_with(".csv")) base.resize(base.size() - 4);
    write_atomically(base + ".nodes.csv", [&](std::ostream& out) { write_csv_nodes(graph, out); });
    write_atomically(base + ".edges.csv", [&](std::ostream& out) { write_csv_edges(graph, out); });
    return;
  }
  if (path == "-") {
    write_graph(graph, format, std::cout);
    std::cout.flush();
    if (!std::cout) throw ExportError("cannot write to standard output");
    return;
  }
  write_atomically(path, [&](std::ostream& out) { write_graph(graph, format, out); });
}

}  // namespace geokg

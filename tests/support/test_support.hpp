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
// at schema version 1, keeping its data, to test migrations from there.
inline constexpr const char* kDowngradeToVersion1 =
    "DROP TRIGGER event_links_delete; DROP TABLE event_links; DROP INDEX actors_name; "  // 4
    "DROP VIEW gdelt_events; DROP TABLE event_gdelt; DROP TABLE gdelt_files; "            // 3
    "DROP VIEW actor_mentions; DROP TABLE mentions; "                                     // 2
    "PRAGMA user_version = 1";

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace geokg::test

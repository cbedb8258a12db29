// GDELT event exports: private parts of the reader, exposed for the tests.
// The public entry point is geokg::read_gdelt (geokg/ingest.hpp).
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/ingest.hpp"

namespace geokg::gdelt {

// Where lines come from: a file, standard input or a zip entry.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Fills up to `size` bytes; 0 at the end. Throws IngestError on a read error.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

class StreamSource final : public ByteSource {
 public:
  StreamSource(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}
  std::size_t read(char* buffer, std::size_t size) override;

 private:
  std::istream& in_;
  std::string name_;
};

// Splits a source into lines through a fixed buffer, so memory does not grow
// with the input. A line longer than kMaxLineBytes is cut off and flagged.
class LineReader {
 public:
  static constexpr std::size_t kMaxLineBytes = 1 << 20;

  explicit LineReader(ByteSource& source);
  struct Line {
    std::string_view text;  // without '\n' (and without a final '\r')
    bool complete = true;   // false: the input ended without a newline
    bool too_long = false;  // the line was longer than kMaxLineBytes
  };
  // The next line, or false at the end of the input.
  bool next(Line& line);

 private:
  bool fill();
  ByteSource& source_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
};

// "VLADIMIR PUTIN" -> "Vladimir Putin": the display name of a new actor.
std::string title_case(std::string_view name);

// True when `in` starts like a zip archive ("PK\3\4"); does not consume it.
bool is_zip(std::istream& in);

// Calls `visit` with each file entry of the zip archive in `in` (seekable),
// in archive order, and the name its problems are reported under: `name`
// for a one-entry archive, "name!entry" otherwise. Throws IngestError when
// the archive cannot be read.
void for_each_zip_entry(std::istream& in, const std::string& name,
                        const std::function<void(ByteSource&, const std::string&)>& visit);

// Reads the GDELT rows of one file (1.0 with 57 or 58 columns, or 2.0 with
// 61), emits DocumentRecords and reports bad rows as "name:line".
LineCounts read_rows(ByteSource& source, const std::string& name, const Ontology& ontology,
                     const std::function<void(DocumentRecord&&)>& emit,
                     std::vector<InputProblem>& problems);

}  // namespace geokg::gdelt

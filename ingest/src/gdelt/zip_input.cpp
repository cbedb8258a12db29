// GDELT's zipped exports, read with libzip straight from the input stream:
// one entry at a time, through a fixed buffer, never the whole file.
#include <zip.h>

#include <memory>

#include "gdelt/gdelt_reader.hpp"

namespace geokg::gdelt {
namespace {

// Lets libzip read a seekable std::istream (a file, or standard input that
// the pipeline has buffered).
class StreamZipSource {
 public:
  explicit StreamZipSource(std::istream& in) : in_(in) {
    zip_error_init(&error_);
    in_.clear();
    in_.seekg(0, std::ios::end);
    size_ = static_cast<zip_uint64_t>(std::max<std::streamoff>(0, in_.tellg()));
    in_.seekg(0);
  }
  ~StreamZipSource() { zip_error_fini(&error_); }
  StreamZipSource(const StreamZipSource&) = delete;
  StreamZipSource& operator=(const StreamZipSource&) = delete;

  static zip_int64_t callback(void* state, void* data, zip_uint64_t length,
                              zip_source_cmd_t command) {
    return static_cast<StreamZipSource*>(state)->handle(data, length, command);
  }

 private:
  zip_int64_t handle(void* data, zip_uint64_t length, zip_source_cmd_t command) {
    switch (command) {
      case ZIP_SOURCE_OPEN:
        return seek(0) ? 0 : -1;
      case ZIP_SOURCE_READ: {
        in_.read(static_cast<char*>(data), static_cast<std::streamsize>(length));
        if (in_.bad()) {
          zip_error_set(&error_, ZIP_ER_READ, 0);
          return -1;
        }
        const auto got = in_.gcount();
        offset_ += static_cast<zip_uint64_t>(got);
        in_.clear();
        return got;
      }
      case ZIP_SOURCE_CLOSE:
        return 0;
      case ZIP_SOURCE_STAT: {
        auto* stat = static_cast<zip_stat_t*>(data);
        zip_stat_init(stat);
        stat->size = size_;
        stat->valid |= ZIP_STAT_SIZE;
        return sizeof(zip_stat_t);
      }
      case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&error_, data, length);
      case ZIP_SOURCE_SEEK: {
        const auto target = zip_source_seek_compute_offset(offset_, size_, data, length, &error_);
        if (target < 0) return -1;
        return seek(static_cast<zip_uint64_t>(target)) ? 0 : -1;
      }
      case ZIP_SOURCE_TELL:
        return static_cast<zip_int64_t>(offset_);
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(
            ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
            ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS, ZIP_SOURCE_FREE, -1);
      case ZIP_SOURCE_FREE:
        return 0;
      default:
        zip_error_set(&error_, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
  }

  bool seek(zip_uint64_t offset) {
    in_.clear();
    in_.seekg(static_cast<std::streamoff>(offset));
    if (!in_) {
      zip_error_set(&error_, ZIP_ER_SEEK, 0);
      return false;
    }
    offset_ = offset;
    return true;
  }

  std::istream& in_;
  zip_error_t error_;
  zip_uint64_t size_ = 0;
  zip_uint64_t offset_ = 0;
};

// One entry, decompressed as it is read.
class ZipEntrySource final : public ByteSource {
 public:
  ZipEntrySource(zip_file_t* file, std::string name) : file_(file), name_(std::move(name)) {}
  ~ZipEntrySource() override { zip_fclose(file_); }
  ZipEntrySource(const ZipEntrySource&) = delete;
  ZipEntrySource& operator=(const ZipEntrySource&) = delete;

  std::size_t read(char* buffer, std::size_t size) override {
    const auto got = zip_fread(file_, buffer, size);
    if (got < 0) throw IngestError(name_, std::string("cannot unzip: ") + zip_file_strerror(file_));
    return static_cast<std::size_t>(got);
  }

 private:
  zip_file_t* file_;
  std::string name_;
};

struct ArchiveCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

}  // namespace

bool is_zip(std::istream& in) {
  // A GDELT row starts with a digit: only a 'P' needs a look (and a seek).
  if (in.peek() != 'P') {
    in.clear();
    return false;
  }
  char magic[4] = {};
  in.read(magic, sizeof magic);
  const bool zip =
      in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
  in.clear();
  in.seekg(0);
  return zip;
}

void for_each_zip_entry(std::istream& in, const std::string& name,
                        const std::function<void(ByteSource&, const std::string&)>& visit) {
  StreamZipSource stream(in);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_function_create(&StreamZipSource::callback, &stream, &error);
  std::unique_ptr<zip_t, ArchiveCloser> archive;
  if (source) {
    archive.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!archive) zip_source_free(source);
  }
  if (!archive) {
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw IngestError(name, "not a readable zip archive: " + message);
  }
  zip_error_fini(&error);

  std::vector<zip_uint64_t> entries;
  const auto count = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* entry = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), 0);
    if (entry && !std::string_view(entry).ends_with('/'))
      entries.push_back(static_cast<zip_uint64_t>(i));
  }
  if (entries.empty()) throw IngestError(name, "the zip archive holds no file");
  for (const auto index : entries) {
    const std::string entry = zip_get_name(archive.get(), index, 0);
    const std::string where = entries.size() == 1 ? name : name + "!" + entry;
    zip_file_t* file = zip_fopen_index(archive.get(), index, 0);
    if (!file) {
      throw IngestError(where, std::string("cannot unzip: ") + zip_strerror(archive.get()));
    }
    ZipEntrySource entry_source(file, where);
    visit(entry_source, where);
  }
}

}  // namespace geokg::gdelt

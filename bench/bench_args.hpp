// Argument reading shared by the benchmark generators (bench/ only). The
// generators are programs, not library code: a bad argument prints the usage
// and exits.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace geokg::bench {

// A non-negative decimal count, or nullopt when `text` is anything else.
inline std::optional<std::uint64_t> read_count(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A generator's command line: options `--name N`, every N a count.
class CountArgs {
 public:
  struct Flag {
    std::string_view name;
    std::uint64_t* value;
  };

  // `usage`: the text printed after any message and for --help.
  CountArgs(std::string_view program, std::string_view usage) : program_(program), usage_(usage) {}

  // Prints "program: message" and the usage to stderr and exits 1.
  [[noreturn]] void fail(const std::string& message) const {
    std::fprintf(stderr, "%.*s: %s\n", static_cast<int>(program_.size()), program_.data(),
                 message.c_str());
    print_usage();
    std::exit(1);
  }

  // Sets each flag given in argv; --help or -h prints the usage and exits 0.
  void read(int argc, char** argv, std::initializer_list<Flag> flags) const {
    for (int i = 1; i < argc; ++i) {
      const std::string_view arg(argv[i]);
      if (arg == "--help" || arg == "-h") {
        print_usage();
        std::exit(0);
      }
      if (i + 1 >= argc) fail("missing value for " + std::string(arg));
      const char* text = argv[++i];
      const Flag* flag = nullptr;
      for (const auto& candidate : flags) {
        if (candidate.name == arg) flag = &candidate;
      }
      if (!flag) fail("unknown argument " + std::string(arg));
      const auto value = read_count(text);
      if (!value) fail(std::string(arg) + ": \"" + text + "\" is not a number");
      *flag->value = *value;
    }
  }

 private:
  void print_usage() const {
    std::fprintf(stderr, "%.*s", static_cast<int>(usage_.size()), usage_.data());
  }

  std::string_view program_;
  std::string_view usage_;
};

}  // namespace geokg::bench

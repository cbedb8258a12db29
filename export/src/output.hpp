// Buffered output shared by the writers; private to export/.
#pragma once

#include <array>
#include <charconv>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include "text_escape.hpp"

namespace geokg {

// Output assembled in a string and handed to the stream in large pieces:
// per-value stream inserts cost a third of export time.
class Output {
 public:
  explicit Output(std::ostream& out) : out_(out) { text_.reserve(kFlushAt + 4096); }
  ~Output() = default;
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::string& text() { return text_; }
  Output& operator<<(std::string_view piece) {
    text_.append(piece);
    return *this;
  }
  Output& operator<<(std::int64_t value) {
    std::array<char, 24> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    text_.append(digits.data(), result.ptr);
    return *this;
  }
  Output& operator<<(int value) { return *this << static_cast<std::int64_t>(value); }
  Output& number(double value) {
    std::array<char, 32> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    text_.append(digits.data(), result.ptr);
    return *this;
  }
  // Any arithmetic value: integers exactly, floating point in the shortest
  // form that reads back the same.
  template <typename Number>
  Output& numeric(Number value) {
    if constexpr (std::is_floating_point_v<Number>) {
      return number(static_cast<double>(value));
    } else {
      return *this << static_cast<std::int64_t>(value);
    }
  }
  Output& xml(std::string_view value) {
    escape::append_xml(text_, value);
    return *this;
  }
  Output& dot(std::string_view value) {
    escape::append_dot(text_, value);
    return *this;
  }
  Output& json(std::string_view value) {
    escape::append_json(text_, value);
    return *this;
  }
  Output& csv(std::string_view value) {
    escape::append_csv(text_, value);
    return *this;
  }
  // Call at element boundaries; writes out when enough has collected.
  void boundary() {
    if (text_.size() >= kFlushAt) flush();
  }
  void flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 20;
  std::ostream& out_;
  std::string text_;
};

}  // namespace geokg

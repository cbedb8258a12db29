// Date expressions in a sentence (private to ingest/).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "geokg/core.hpp"
#include "text/text.hpp"

namespace geokg::events {

// A date expression found in a sentence, resolved to a calendar date.
struct DateExpression {
  std::uint32_t first_token = 0;  // index into Segmentation::tokens
  std::uint32_t end_token = 0;    // one past the last token
  EventDate date;                 // at its own precision
  bool relative = false;          // resolved against the publication date
};

// Finds every date expression in one sentence, in token order.
std::vector<DateExpression> find_dates(std::string_view text, const text::Segmentation& segmentation,
                                       const text::Sentence& sentence,
                                       const std::optional<EventDate>& published);

}  // namespace geokg::events

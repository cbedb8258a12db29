// Date expressions of event extraction (private to ingest/): finds the
// calendar expressions of a sentence ("April 25, 2019", "in July", "on
// Tuesday", "last year", "three days ago") and resolves each to a date at
// its own precision, against the publication date when it is relative.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "geokg/core.hpp"
#include "text/text.hpp"

namespace geokg::events {

// A date expression found in a sentence, resolved to a calendar date.
// The token range covers the date words and the modifiers that change the
// date ("last", "early", "mid", "ago", a day number, the comma before a
// year), not the preposition before it: in "since mid-2022" it is
// "mid-2022", in "later this month" all three words.
struct DateExpression {
  std::uint32_t first_token = 0;  // index into Segmentation::tokens
  std::uint32_t end_token = 0;    // one past the last token
  EventDate date;                 // at its own precision
  bool relative = false;          // resolved against the publication date
};

// Finds every date expression in one sentence, in token order; expressions
// never overlap. `published` is the publication date (may be absent: then
// relative expressions are dropped, absolute ones kept; relative ones that
// need a day, such as "yesterday", are dropped too when it is coarser than
// a day). Never throws on content. What is recognised (P = publication date):
//   - Absolute: "April 25, 2019", "25 April 2019", "25th of April 2019",
//     "Sept. 5, 2023", "April 2019", "July of 2019", "2023-07-05"; years in
//     "in 2019", "since 2019", "early 2023", "mid-2022", "the 1991
//     disintegration" (see below). A day range "April 25-26, 2019" gives the
//     month. Impossible days ("February 30, 2023") give nothing.
//   - A month and day without a year ("April 25") take the most recent such
//     day on or before P; a month alone ("in July") the most recent such
//     month on or before P's month. After a future cue earlier in the
//     sentence (will, would, could, may, might, shall, should, "'ll", plan,
//     plans, planned, planning, expect..., intend..., scheduled, slated,
//     upcoming, next, "as early as", "set to", "set for", "is due to",
//     "going to") they take the next one on or after P; a quote mark or a
//     semicolon ends a cue's reach. "last July" / "next July" take the one
//     strictly before / after P's month, "this July" P's year, "July last
//     year" the year before P's. "early/late/mid July" and "mid-July" give
//     the month.
//   - Weekdays, capitalised only ("on Tuesday", "Tuesday's"): the most recent
//     such day on or before P (an article of a Tuesday saying "on Tuesday"
//     means that day); after a future cue the next one on or after P. "last
//     Tuesday" is strictly before P, "next Tuesday" strictly after, "this
//     Tuesday" is read as "Tuesday". "Tuesday, Sept. 5" is one expression
//     with the explicit date. Not in names ("Black Friday", "Sunday Times").
//   - today, tonight, yesterday, tomorrow (day); "N days ago", "a week ago",
//     "N weeks ago" (day); "this week" (P's month), "last week" / "next
//     week" (the month of P -/+ 7 days: a week is not a precision); "this
//     month", "last month", "next month", "N months ago" (month); "this
//     year", "last year", "next year", "N years ago" (year). "earlier",
//     "later", "early", "late" may come before "this/last/next". N is a
//     number or a word from "a"/"one" to "twelve".
//   - Bare years: a four-digit number 1900..2100 after one of in, since,
//     until, till, during, before, after, from, between, through,
//     throughout, circa, early, late, mid; or after the, a, an, of, by,
//     around, its, his, her, their, our, "'s" unless it is a round hundred
//     followed by a lower-case word ("by 2000 votes"); or after and/or/to right behind
//     another date ("from 2019 to 2021"). Never when a count noun or a
//     percentage follows ("in 1991 troops", "by 2000 percent").
//   - Month names are capitalised; "Jan", "Sept" without their period need
//     a day or a year after them ("Jan Egeland"). A month alone (no day, no
//     year) needs a modifier (early, late, mid, last, next, this) or one of
//     in, since, until, till, during, by, from, through before it ("of" for
//     all but May, which takes "the end/beginning/start/middle/rest of")
//     when it is May, March or August or when a capitalised word follows
//     ("April Ryan", "the July Revolution"). May alone must also be followed
//     by punctuation, and/or/to/until/when/after or nothing ("confidence in
//     May's cabinet" is not a date).
// Not handled: decades ("the 1990s"), seasons ("last summer"), "weekend",
// durations ("the past year", "for two weeks"), times of day, "the day
// before", numeric day-month forms ("05/09/2023"), ordinal-only days ("on the
// 5th"), abbreviated weekdays ("Tue.") and holidays.
std::vector<DateExpression> find_dates(std::string_view text,
                                       const text::Segmentation& segmentation,
                                       const text::Sentence& sentence,
                                       const std::optional<EventDate>& published);

}  // namespace geokg::events

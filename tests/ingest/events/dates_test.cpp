// Date expressions: absolute dates, months, weekdays and relative words,
// resolved against a publication date. Most sentences are from a news
// article of Tuesday 5 September 2023 on a Putin-Kim meeting.
#include "events/dates.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "text/text.hpp"

using geokg::EventDate;
using geokg::events::DateExpression;
using geokg::events::find_dates;
namespace text = geokg::text;

namespace {

struct Found {
  std::string text;  // normalised text
  text::Segmentation segmentation;
  std::vector<DateExpression> dates;  // of every sentence, in order
};

Found find(const std::string& input, const char* published) {
  Found found;
  found.text = text::normalize(input).text;
  found.segmentation = text::segment(found.text, {});
  std::optional<EventDate> date;
  if (published) date = EventDate::parse(published);
  for (const auto& sentence : found.segmentation.sentences) {
    for (auto& d : find_dates(found.text, found.segmentation, sentence, date)) {
      found.dates.push_back(d);
    }
  }
  return found;
}

// Each expression as "covered text -> date", "(relative)" when resolved
// against the publication date.
std::vector<std::string> dates(const std::string& input, const char* published = "2023-09-05") {
  const Found found = find(input, published);
  std::vector<std::string> out;
  for (const auto& d : found.dates) {
    const auto begin = found.segmentation.tokens[d.first_token].begin;
    const auto end = found.segmentation.tokens[d.end_token - 1].end;
    out.push_back(found.text.substr(begin, end - begin) + " -> " + d.date.iso() +
                  (d.relative ? " (relative)" : ""));
  }
  return out;
}

using Dates = std::vector<std::string>;

}  // namespace

TEST_CASE("Dates of a news article resolve against its publication day", "[ingest][dates]") {
  // 2023-09-05 was a Tuesday.
  REQUIRE(EventDate::parse("2023-09-05").weekday() == 1);
  CHECK(dates("The Kremlin on Tuesday said Kim Jong Un would visit Russia.") ==
        Dates{"Tuesday -> 2023-09-05 (relative)"});
  CHECK(dates("In July, Russian Defense Minister Sergei Shoigu traveled to North Korea.") ==
        Dates{"July -> 2023-07 (relative)"});
  CHECK(dates("It was the two leaders' first and only meeting in April 2019.") ==
        Dates{"April 2019 -> 2019-04"});
  CHECK(dates("Kim is expected to travel to Vladivostok later this month.") ==
        Dates{"later this month -> 2023-09 (relative)"});
  CHECK(dates("Since mid-2022, Iran has become a major supplier of drones to Russia.") ==
        Dates{"mid-2022 -> 2022"});
  CHECK(dates("The two leaders could meet as early as Sunday.") ==
        Dates{"Sunday -> 2023-09-10 (relative)"});
  CHECK(dates("Moscow has been Pyongyang's ally since the 1991 disintegration of the Soviet "
              "Union.") == Dates{"1991 -> 1991"});
  CHECK(dates("North Korea closed its borders in January 2020.") ==
        Dates{"January 2020 -> 2020-01"});
  CHECK(dates("In June, Kim promised full support for Russia.") ==
        Dates{"June -> 2023-06 (relative)"});
}

TEST_CASE("Token ranges cover the date words and their modifiers", "[ingest][dates]") {
  const Found found = find("The summit opened on April 25, 2019 in Vladivostok.", "2023-09-05");
  REQUIRE(found.dates.size() == 1);
  // The(0) summit(1) opened(2) on(3) April(4) 25(5) ,(6) 2019(7) in(8)
  CHECK(found.dates[0].first_token == 4);
  CHECK(found.dates[0].end_token == 8);
  CHECK(found.dates[0].date.iso() == "2019-04-25");
  CHECK_FALSE(found.dates[0].relative);

  const Found later =
      find("Kim is expected to travel to Vladivostok later this month.", "2023-09-05");
  REQUIRE(later.dates.size() == 1);
  // Kim(0) is(1) expected(2) to(3) travel(4) to(5) Vladivostok(6) later(7) this(8) month(9)
  CHECK(later.dates[0].first_token == 7);
  CHECK(later.dates[0].end_token == 10);

  // Token indices are into the whole document, not the sentence.
  const Found second =
      find("Talks stalled. Since mid-2022, Iran has supplied drones.", "2023-09-05");
  REQUIRE(second.dates.size() == 1);
  // Talks(0) stalled(1) .(2) Since(3) mid-2022(4)
  CHECK(second.dates[0].first_token == 4);
  CHECK(second.dates[0].end_token == 5);
}

TEST_CASE("Absolute dates in their written forms", "[ingest][dates]") {
  CHECK(dates("Talks began on 25 April 2019 in Vladivostok.") ==
        Dates{"25 April 2019 -> 2019-04-25"});
  CHECK(dates("Talks began on the 25th of April 2019.") ==
        Dates{"25th of April 2019 -> 2019-04-25"});
  CHECK(dates("The deal was signed on Sept. 5, 2023, officials said.") ==
        Dates{"Sept. 5, 2023 -> 2023-09-05"});
  CHECK(dates("The accord dates from Aug. 3, 1999 and was renewed in Jan. 2015.") ==
        Dates{"Aug. 3, 1999 -> 1999-08-03", "Jan. 2015 -> 2015-01"});
  CHECK(dates("Kim visited Moscow in July of 2019.") == Dates{"July of 2019 -> 2019-07"});
  CHECK(dates("The report is dated 2023-07-05.") == Dates{"2023-07-05 -> 2023-07-05"});
  CHECK(dates("Prices rose in early 2023 after falling in late 2021.") ==
        Dates{"early 2023 -> 2023", "late 2021 -> 2021"});
  CHECK(dates("Trade grew from 2019 to 2021, the ministry said.") ==
        Dates{"2019 -> 2019", "2021 -> 2021"});
  CHECK(dates("Russia's 2022 invasion of Ukraine changed that.") == Dates{"2022 -> 2022"});
  CHECK(dates("In May 2023, the talks resumed.") == Dates{"May 2023 -> 2023-05"});
  CHECK(dates("The drills ran on April 25-26, 2019.") == Dates{"April 25-26, 2019 -> 2019-04"});
  CHECK(dates("Russia annexed Crimea in March 2014.") == Dates{"March 2014 -> 2014-03"});
}

TEST_CASE("Impossible calendar days give no date", "[ingest][dates]") {
  CHECK(dates("The vote was set for February 30, 2023.").empty());
  CHECK(dates("The vote was held on 2023-02-29.").empty());
  CHECK(dates("The vote was held on February 29, 2024.") ==
        Dates{"February 29, 2024 -> 2024-02-29"});
}

TEST_CASE("A month and day without a year take the publication year or the one before",
          "[ingest][dates]") {
  CHECK(dates("Kim met Putin on April 25.") == Dates{"April 25 -> 2023-04-25 (relative)"});
  CHECK(dates("Kim met Putin on December 25.") == Dates{"December 25 -> 2022-12-25 (relative)"});
  CHECK(dates("Kim met Putin on Sept. 5.") == Dates{"Sept. 5 -> 2023-09-05 (relative)"});
  CHECK(dates("Kim met Putin on April 25.", "2023-03-01") ==
        Dates{"April 25 -> 2022-04-25 (relative)"});
  CHECK(dates("Kim will meet Putin on April 25.", "2023-03-01") ==
        Dates{"April 25 -> 2023-04-25 (relative)"});
  CHECK(dates("Kim will meet Putin on Jan. 12.", "2023-09-05") ==
        Dates{"Jan. 12 -> 2024-01-12 (relative)"});
  // The most recent 29 February on or before the publication day.
  CHECK(dates("The border closed on February 29.", "2023-09-05") ==
        Dates{"February 29 -> 2020-02-29 (relative)"});
  CHECK(dates("The envoys met in Beijing in July last year.") ==
        Dates{"July last year -> 2022-07 (relative)"});
}

TEST_CASE("A month alone is the latest such month up to the publication month", "[ingest][dates]") {
  CHECK(dates("Shoigu visited Pyongyang in July.", "2023-09-05") ==
        Dates{"July -> 2023-07 (relative)"});
  CHECK(dates("Shoigu visited Pyongyang in July.", "2023-07-10") ==
        Dates{"July -> 2023-07 (relative)"});
  CHECK(dates("Shoigu visited Pyongyang in July.", "2023-03-01") ==
        Dates{"July -> 2022-07 (relative)"});
  CHECK(dates("Shoigu will visit Pyongyang in July.", "2023-09-05") ==
        Dates{"July -> 2024-07 (relative)"});
  CHECK(dates("Shoigu will visit Pyongyang in July.", "2023-07-10") ==
        Dates{"July -> 2023-07 (relative)"});
  CHECK(dates("Shoigu visited Pyongyang last July.", "2023-07-10") ==
        Dates{"last July -> 2022-07 (relative)"});
  CHECK(dates("Shoigu visited Pyongyang in mid-July.", "2023-09-05") ==
        Dates{"mid-July -> 2023-07 (relative)"});
  CHECK(dates("Shoigu visited Pyongyang in early August.", "2023-09-05") ==
        Dates{"early August -> 2023-08 (relative)"});
  CHECK(dates("Kim met Putin in May.") == Dates{"May -> 2023-05 (relative)"});
  CHECK(dates("The deal expires at the end of May, officials said.") ==
        Dates{"May -> 2023-05 (relative)"});
  CHECK(dates("July saw record heat in Moscow.") == Dates{"July -> 2023-07 (relative)"});
  CHECK(dates("In July Russia left the grain deal.") == Dates{"July -> 2023-07 (relative)"});
  CHECK(dates("Protests have grown since March, police said.") ==
        Dates{"March -> 2023-03 (relative)"});
}

TEST_CASE("Weekdays resolve to the nearest such day before or after publication",
          "[ingest][dates]") {
  CHECK(dates("Putin spoke on Monday.") == Dates{"Monday -> 2023-09-04 (relative)"});
  CHECK(dates("Putin spoke on Wednesday.") == Dates{"Wednesday -> 2023-08-30 (relative)"});
  CHECK(dates("Putin spoke last Tuesday.") == Dates{"last Tuesday -> 2023-08-29 (relative)"});
  CHECK(dates("Putin will speak on Tuesday.") == Dates{"Tuesday -> 2023-09-05 (relative)"});
  CHECK(dates("Putin will speak on Monday.") == Dates{"Monday -> 2023-09-11 (relative)"});
  CHECK(dates("Putin speaks next Tuesday.") == Dates{"next Tuesday -> 2023-09-12 (relative)"});
  CHECK(dates("Putin speaks next Sunday.") == Dates{"next Sunday -> 2023-09-10 (relative)"});
  CHECK(dates("The Kremlin is planning a summit on Sunday.") ==
        Dates{"Sunday -> 2023-09-10 (relative)"});
  CHECK(dates("Tuesday's talks ended without a deal.") ==
        Dates{"Tuesday -> 2023-09-05 (relative)"});
  CHECK(dates("The talks opened on Tuesday, Sept. 5, in Moscow.") ==
        Dates{"Tuesday, Sept. 5 -> 2023-09-05 (relative)"});
  CHECK(dates("The summit opened on Friday, April 26, 2019.") ==
        Dates{"Friday, April 26, 2019 -> 2019-04-26"});
}

TEST_CASE("Relative words resolve against the publication day", "[ingest][dates]") {
  CHECK(dates("Putin spoke today.") == Dates{"today -> 2023-09-05 (relative)"});
  CHECK(dates("Yesterday, Putin spoke.") == Dates{"Yesterday -> 2023-09-04 (relative)"});
  CHECK(dates("Putin speaks tomorrow.") == Dates{"tomorrow -> 2023-09-06 (relative)"});
  CHECK(dates("Putin spoke last week.") == Dates{"last week -> 2023-08 (relative)"});
  CHECK(dates("Putin spoke this week.") == Dates{"this week -> 2023-09 (relative)"});
  CHECK(dates("Putin speaks next week.") == Dates{"next week -> 2023-09 (relative)"});
  CHECK(dates("Putin spoke earlier this month.") ==
        Dates{"earlier this month -> 2023-09 (relative)"});
  CHECK(dates("Putin spoke last month.") == Dates{"last month -> 2023-08 (relative)"});
  CHECK(dates("Putin speaks next month.") == Dates{"next month -> 2023-10 (relative)"});
  CHECK(dates("Putin spoke earlier this year.") == Dates{"earlier this year -> 2023 (relative)"});
  CHECK(dates("Putin spoke last year.") == Dates{"last year -> 2022 (relative)"});
  CHECK(dates("Putin speaks next year.") == Dates{"next year -> 2024 (relative)"});
  CHECK(dates("Putin spoke three days ago.") == Dates{"three days ago -> 2023-09-02 (relative)"});
  CHECK(dates("Putin spoke 10 days ago.") == Dates{"10 days ago -> 2023-08-26 (relative)"});
  CHECK(dates("Putin spoke a week ago.") == Dates{"a week ago -> 2023-08-29 (relative)"});
  CHECK(dates("Putin spoke two months ago.") == Dates{"two months ago -> 2023-07 (relative)"});
  CHECK(dates("Putin spoke two years ago.") == Dates{"two years ago -> 2021 (relative)"});
  CHECK(dates("Putin spoke last year's words again in the last year.") ==
        Dates{"last year -> 2022 (relative)"});
}

TEST_CASE("Several dates of one sentence come in token order", "[ingest][dates]") {
  CHECK(dates("In July, Shoigu visited Pyongyang, and on Tuesday the Kremlin confirmed talks "
              "that began in April 2019.") == Dates{"July -> 2023-07 (relative)",
                                                    "Tuesday -> 2023-09-05 (relative)",
                                                    "April 2019 -> 2019-04"});
}

TEST_CASE("Words that only look like dates are not dates", "[ingest][dates]") {
  CHECK(dates("Russia may send troops to the border.").empty());
  CHECK(dates("May Russia send troops?").empty());
  CHECK(dates("Protesters staged a march on the capital.").empty());
  CHECK(dates("March on Washington organisers met police.").empty());
  CHECK(dates("Some 2,000 troops crossed the border.").empty());
  CHECK(dates("The army sent 1991 troops to the border.").empty());
  CHECK(dates("Theresa May met Emmanuel Macron.").empty());
  CHECK(dates("Parliament lost confidence in May's government.").empty());
  CHECK(dates("The 1990s were turbulent for Russia.").empty());
  CHECK(dates("USA Today reported the deal.").empty());
  CHECK(dates("Black Friday sales fell.").empty());
  CHECK(dates("The Sunday Times reported the talks.").empty());
  CHECK(dates("Jan Egeland said aid was blocked.").empty());
  CHECK(dates("April Ryan asked about the talks.").empty());
  CHECK(dates("Historians recall the July Revolution.").empty());
  CHECK(dates("The government of May fell.").empty());
  CHECK(dates("The August assembly adjourned.").empty());
  CHECK(dates("Putin spoke on tuesday.").empty());  // weekdays are capitalised
  CHECK(dates("Talks lasted the last year.").empty());
  CHECK(dates("Turnout rose by 2000 votes.").empty());
  CHECK(dates("Inflation reached 2019 percent.").empty());
}

TEST_CASE("Without a publication date only absolute dates are kept", "[ingest][dates]") {
  CHECK(dates("In July, Shoigu visited Pyongyang; on Tuesday the Kremlin recalled April 2019.",
              nullptr) == Dates{"April 2019 -> 2019-04"});
  CHECK(dates("Kim met Putin on April 25 and yesterday.", nullptr).empty());
  // A publication month resolves months but not days.
  CHECK(dates("Kim met Putin in July and yesterday.", "2023-09") ==
        Dates{"July -> 2023-07 (relative)"});
  CHECK(dates("Kim met Putin last year.", "2023") == Dates{"last year -> 2022 (relative)"});
}

TEST_CASE("Dates at the ends of the calendar never throw", "[ingest][dates]") {
  CHECK(dates("Putin speaks tomorrow.", "9999-12-31").empty());
  CHECK(dates("Putin spoke yesterday.", "0001-01-01").empty());
  CHECK(dates("Putin speaks next year.", "9999-12-31").empty());
  CHECK(dates("Putin spoke 9999 years ago.", "2023-09-05").empty());
  CHECK(dates("Putin will speak next month.", "9999-12-31").empty());
}

TEST_CASE("A future cue reaches to the end of its quote or clause", "[ingest][dates]") {
  CHECK(dates("\"We will meet again on Sunday,\" Lavrov told reporters on Saturday.") ==
        Dates{"Sunday -> 2023-09-10 (relative)", "Saturday -> 2023-09-02 (relative)"});
  CHECK(dates("Officials said on Monday that talks would resume on Friday.") ==
        Dates{"Monday -> 2023-09-04 (relative)", "Friday -> 2023-09-08 (relative)"});
  CHECK(dates("The meeting is set for Aug. 1 in Geneva.") ==
        Dates{"Aug. 1 -> 2024-08-01 (relative)"});
}

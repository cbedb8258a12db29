// gen_articles: a deterministic generator of news-style articles (JSON Lines
// of documents, the format `geokg ingest` reads for articles: id, title, date,
// source, url, text) for the ingest benchmarks in bench/. The same arguments
// always give the same bytes.
//
//   gen_articles --articles N --seed S > corpus.jsonl
//
// Each article is a wire story about two principal countries: a headline, a
// byline, a dateline ("BEIJING (Synthetic Wire) -"), then paragraphs of one to
// three sentences. Sentences come from templates written for this generator:
// events between real actors (heads of state and ministers with their titles,
// "the Chinese foreign ministry", armed forces, international organisations,
// countries and their capitals) with the verbs geokg's event lexicon codes
// (meet, visit, host, condemn, accuse, sanction, sign an agreement, attack,
// threaten, urge, pledge aid, expel, ...), relative dates ("on Tuesday"),
// quotations, and background sentences without events, so that there are
// about as many events per 1,000 words as in real news. Every article is
// unique: one sentence carries a figure derived from the article's number.
//
// Standard error gets one summary line: articles, words (whitespace-separated,
// of the text field), bytes.
#include <array>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "bench_args.hpp"

namespace {

struct Options {
  std::uint64_t articles = 1000;
  std::uint64_t seed = 20240601;
};

const geokg::bench::CountArgs kArgs(
    "gen_articles",
    "usage: gen_articles [--articles N] [--seed S]\n"
    "Writes N synthetic news articles as JSON Lines (id, title, date, source, url,\n"
    "text) to standard output. Defaults: --articles 1000 --seed 20240601\n");

Options parse_args(int argc, char** argv) {
  Options options;
  kArgs.read(argc, argv, {{"--articles", &options.articles}, {"--seed", &options.seed}});
  return options;
}

// Our own draws on top of mt19937_64, whose output the standard fixes (the
// standard distributions are implementation-defined).
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  std::uint64_t between(std::uint64_t low, std::uint64_t high) {
    return low + below(high - low + 1);
  }
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[below(N)];
  }

 private:
  std::mt19937_64 engine_;
};

// ---------------------------------------------------------------------------
// Actors

struct Country {
  std::string_view name;
  std::string_view adjective;
  std::string_view capital;
  int weight;  // how often the country is in the news
};

constexpr std::array<Country, 36> kCountries{{
    {"the United States", "U.S.", "Washington", 14},
    {"Russia", "Russian", "Moscow", 12},
    {"China", "Chinese", "Beijing", 11},
    {"Ukraine", "Ukrainian", "Kyiv", 10},
    {"Israel", "Israeli", "Jerusalem", 6},
    {"Iran", "Iranian", "Tehran", 6},
    {"Germany", "German", "Berlin", 5},
    {"France", "French", "Paris", 5},
    {"Britain", "British", "London", 5},
    {"Turkey", "Turkish", "Ankara", 4},
    {"India", "Indian", "New Delhi", 4},
    {"Japan", "Japanese", "Tokyo", 4},
    {"South Korea", "South Korean", "Seoul", 3},
    {"North Korea", "North Korean", "Pyongyang", 3},
    {"Saudi Arabia", "Saudi", "Riyadh", 3},
    {"Egypt", "Egyptian", "Cairo", 3},
    {"Qatar", "Qatari", "Doha", 2},
    {"Pakistan", "Pakistani", "Islamabad", 2},
    {"Brazil", "Brazilian", "Brasilia", 2},
    {"South Africa", "South African", "Pretoria", 2},
    {"Poland", "Polish", "Warsaw", 2},
    {"Belarus", "Belarusian", "Minsk", 2},
    {"Syria", "Syrian", "Damascus", 2},
    {"Italy", "Italian", "Rome", 2},
    {"Canada", "Canadian", "Ottawa", 2},
    {"Australia", "Australian", "Canberra", 2},
    {"Indonesia", "Indonesian", "Jakarta", 1},
    {"the Philippines", "Philippine", "Manila", 2},
    {"Nigeria", "Nigerian", "Abuja", 1},
    {"Kenya", "Kenyan", "Nairobi", 1},
    {"Ethiopia", "Ethiopian", "Addis Ababa", 1},
    {"Armenia", "Armenian", "Yerevan", 1},
    {"Azerbaijan", "Azerbaijani", "Baku", 1},
    {"Colombia", "Colombian", "Bogota", 1},
    {"Argentina", "Argentine", "Buenos Aires", 1},
    {"Lebanon", "Lebanese", "Beirut", 1},
}};

// The index of a country in kCountries, at compile time.
constexpr int country(std::string_view name) {
  for (std::size_t i = 0; i < kCountries.size(); ++i) {
    if (kCountries[i].name == name) return static_cast<int>(i);
  }
  throw "unknown country";
}

struct Person {
  std::string_view name;
  std::string_view surname;  // later mentions
  std::string_view title;    // after the country adjective: "Foreign Minister"
  int country;
};

constexpr std::array<Person, 52> kPeople{{
    {"Joe Biden", "Biden", "President", country("the United States")},
    {"Antony Blinken", "Blinken", "Secretary of State", country("the United States")},
    {"Lloyd Austin", "Austin", "Defense Secretary", country("the United States")},
    {"Jake Sullivan", "Sullivan", "National Security Adviser", country("the United States")},
    {"Kamala Harris", "Harris", "Vice President", country("the United States")},
    {"Vladimir Putin", "Putin", "President", country("Russia")},
    {"Sergei Lavrov", "Lavrov", "Foreign Minister", country("Russia")},
    {"Sergei Shoigu", "Shoigu", "Defense Minister", country("Russia")},
    {"Dmitry Peskov", "Peskov", "presidential spokesman", country("Russia")},
    {"Maria Zakharova", "Zakharova", "Foreign Ministry spokeswoman", country("Russia")},
    {"Xi Jinping", "Xi", "President", country("China")},
    {"Wang Yi", "Wang", "Foreign Minister", country("China")},
    {"Li Qiang", "Li", "Premier", country("China")},
    {"Mao Ning", "Mao", "Foreign Ministry spokeswoman", country("China")},
    {"Volodymyr Zelenskyy", "Zelenskyy", "President", country("Ukraine")},
    {"Dmytro Kuleba", "Kuleba", "Foreign Minister", country("Ukraine")},
    {"Rustem Umerov", "Umerov", "Defence Minister", country("Ukraine")},
    {"Benjamin Netanyahu", "Netanyahu", "Prime Minister", country("Israel")},
    {"Yoav Gallant", "Gallant", "Defense Minister", country("Israel")},
    {"Ebrahim Raisi", "Raisi", "President", country("Iran")},
    {"Hossein Amir-Abdollahian", "Amir-Abdollahian", "Foreign Minister", country("Iran")},
    {"Olaf Scholz", "Scholz", "Chancellor", country("Germany")},
    {"Annalena Baerbock", "Baerbock", "Foreign Minister", country("Germany")},
    {"Emmanuel Macron", "Macron", "President", country("France")},
    {"Rishi Sunak", "Sunak", "Prime Minister", country("Britain")},
    {"James Cleverly", "Cleverly", "Foreign Secretary", country("Britain")},
    {"Hakan Fidan", "Fidan", "Foreign Minister", country("Turkey")},
    {"Narendra Modi", "Modi", "Prime Minister", country("India")},
    {"Subrahmanyam Jaishankar", "Jaishankar", "External Affairs Minister", country("India")},
    {"Fumio Kishida", "Kishida", "Prime Minister", country("Japan")},
    {"Yoon Suk Yeol", "Yoon", "President", country("South Korea")},
    {"Kim Jong Un", "Kim", "leader", country("North Korea")},
    {"Mohammed bin Salman", "Prince Mohammed", "Crown Prince", country("Saudi Arabia")},
    {"Abdel Fattah el-Sisi", "Sisi", "President", country("Egypt")},
    {"Tamim bin Hamad Al Thani", "Sheikh Tamim", "Emir", country("Qatar")},
    {"Shehbaz Sharif", "Sharif", "Prime Minister", country("Pakistan")},
    {"Luiz Inacio Lula da Silva", "Lula", "President", country("Brazil")},
    {"Cyril Ramaphosa", "Ramaphosa", "President", country("South Africa")},
    {"Andrzej Duda", "Duda", "President", country("Poland")},
    {"Alexander Lukashenko", "Lukashenko", "President", country("Belarus")},
    {"Bashar al-Assad", "Assad", "President", country("Syria")},
    {"Giorgia Meloni", "Meloni", "Prime Minister", country("Italy")},
    {"Justin Trudeau", "Trudeau", "Prime Minister", country("Canada")},
    {"Anthony Albanese", "Albanese", "Prime Minister", country("Australia")},
    {"Joko Widodo", "Widodo", "President", country("Indonesia")},
    {"Ferdinand Marcos Jr.", "Marcos", "President", country("the Philippines")},
    {"Bola Tinubu", "Tinubu", "President", country("Nigeria")},
    {"William Ruto", "Ruto", "President", country("Kenya")},
    {"Abiy Ahmed", "Abiy", "Prime Minister", country("Ethiopia")},
    {"Nikol Pashinyan", "Pashinyan", "Prime Minister", country("Armenia")},
    {"Ilham Aliyev", "Aliyev", "President", country("Azerbaijan")},
    {"Gustavo Petro", "Petro", "President", country("Colombia")},
}};

// Institutions of a country, written around its adjective.
constexpr std::array<std::string_view, 8> kInstitutions{
    "the {adj} government",       "the {adj} foreign ministry",
    "the {adj} defence ministry", "{adj} forces",
    "the {adj} military",         "{adj} officials",
    "the {adj} foreign ministry", "{adj} troops",
};

// International organisations, armed groups and their officials: named as
// they are, not tied to the story's countries.
constexpr std::array<std::string_view, 16> kOthers{
    "NATO",
    "the European Union",
    "the United Nations",
    "the U.N. Security Council",
    "the African Union",
    "the International Atomic Energy Agency",
    "the World Health Organization",
    "NATO Secretary General Jens Stoltenberg",
    "European Commission President Ursula von der Leyen",
    "EU foreign policy chief Josep Borrell",
    "IAEA Director General Rafael Grossi",
    "Hamas",
    "Hezbollah",
    "the Taliban",
    "Houthi rebels",
    "the Group of Seven",
};

// ---------------------------------------------------------------------------
// Words that fill the templates

constexpr std::array<std::string_view, 7> kWeekdays{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                    "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonths{"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};

constexpr std::array<std::string_view, 24> kTopics{
    "energy cooperation",
    "grain exports through the Black Sea",
    "the war in Ukraine",
    "nuclear talks",
    "border security",
    "trade and investment",
    "climate finance",
    "maritime security in the South China Sea",
    "the humanitarian situation in Gaza",
    "arms control",
    "a prisoner exchange",
    "regional security",
    "sanctions relief",
    "a ceasefire proposal",
    "visa rules for students and workers",
    "a new gas pipeline",
    "debt restructuring",
    "counterterrorism cooperation",
    "the supply of fertiliser",
    "the reopening of consulates",
    "fishing rights",
    "the return of refugees",
    "semiconductor export controls",
    "a long-delayed free trade agreement",
};

constexpr std::array<std::string_view, 14> kOffences{
    "its strikes on civilian infrastructure",
    "the detention of opposition activists",
    "repeated violations of its airspace",
    "the seizure of a cargo ship",
    "a cyberattack on government servers",
    "its missile launches",
    "the shelling of residential areas",
    "interference in its internal affairs",
    "the expulsion of its diplomats",
    "its military build-up near the border",
    "the treatment of protesters",
    "blocking humanitarian convoys",
    "the arrest of a journalist",
    "provocative naval manoeuvres",
};

constexpr std::array<std::string_view, 12> kCharges{
    "war crimes",
    "spying",
    "supplying drones and artillery shells to the front",
    "meddling in the election",
    "violating the ceasefire",
    "spreading disinformation",
    "sheltering militants",
    "breaking the terms of the grain deal",
    "planning an invasion",
    "hacking its ministries",
    "obstructing the investigation",
    "smuggling weapons across the border",
};

constexpr std::array<std::string_view, 12> kDemands{
    "release the detained sailors",
    "withdraw its troops",
    "show restraint",
    "return to the negotiating table",
    "lift the blockade",
    "allow aid into the region",
    "respect human rights",
    "halt attacks on civilians",
    "reconsider its decision",
    "hold free elections",
    "end the fighting",
    "resolve the dispute peacefully",
};

constexpr std::array<std::string_view, 10> kIssues{
    "its nuclear programme",
    "the crackdown on protests",
    "the annexation of occupied territory",
    "human rights abuses",
    "the war in Ukraine",
    "its support for armed groups",
    "election fraud",
    "the missile tests",
    "forced labour",
    "the jailing of dissidents",
};

constexpr std::array<std::string_view, 8> kWeapons{
    "air defence systems",     "artillery ammunition",
    "armoured vehicles",       "long-range missiles",
    "drones and spare parts",  "fighter jet training",
    "mine-clearing equipment", "tanks",
};

constexpr std::array<std::string_view, 10> kPlaces{
    "the border region",  "the port city",          "the capital's outskirts",
    "a coastal town",     "the northern province",  "an industrial zone",
    "a refugee camp",     "the frontline villages", "a disputed island",
    "the eastern region",
};

constexpr std::array<std::string_view, 30> kQuotes{
    "We will not accept any attempt to change the status quo by force",
    "This is a historic day for our two nations",
    "Our position has not changed and it will not change",
    "Nobody should read this as a threat",
    "The door to dialogue remains open",
    "We expect concrete steps, not promises",
    "The situation on the ground is extremely serious",
    "These talks were frank and useful",
    "We have made progress, but a great deal of work remains",
    "Our partners know exactly where we stand",
    "History will judge those who stood by and did nothing",
    "The agreement opens a new chapter in our relations",
    "We are ready to work with anyone who wants peace",
    "Every week of delay costs lives",
    "There can be no security without trust",
    "We do not take these decisions lightly",
    "The world is watching what happens next",
    "Our economies need each other more than ever",
    "We will respond at a time and in a manner of our choosing",
    "No country should be forced to choose sides",
    "This is about the safety of ordinary families",
    "Words must now be followed by deeds",
    "We want stability, predictability and respect",
    "It is too early to say whether the plan will work",
    "The sanctions are hurting those who did nothing wrong",
    "We have told our partners that time is running out",
    "Nothing is agreed until everything is agreed",
    "The next few weeks will be decisive",
    "Our soldiers are doing everything they can",
    "We will keep our commitments",
};

constexpr std::array<std::string_view, 12> kSources{
    "officials said",
    "state media reported",
    "a government spokesman said",
    "diplomats said",
    "according to a statement from the ministry",
    "the foreign ministry said in a statement",
    "two people familiar with the matter said",
    "local media reported",
    "a senior official told reporters",
    "the official news agency reported",
    "according to people briefed on the talks",
    "a statement issued after the meeting said",
};

constexpr std::array<std::string_view, 16> kFirstNames{
    "Anna",  "Tom",   "Maria", "David", "Sofia", "James", "Elena", "Omar",
    "Laura", "Peter", "Nadia", "Ben",   "Clara", "Yusuf", "Irene", "Mark",
};
constexpr std::array<std::string_view, 16> kLastNames{
    "Keller",  "Hale",    "Moreno", "Lindqvist", "Okafor", "Brandt", "Novak", "Farouk",
    "Castell", "Whitley", "Osei",   "Marchetti", "Dunne",  "Varga",  "Ibsen", "Carrow",
};

// Background sentences with no actor and no coded event. {N} is a small
// number, {P} a percentage, {M} a month, {C} the dateline city.
constexpr std::array<std::string_view, 40> kFiller{
    "The meeting took place behind closed doors, and no joint statement was issued.",
    "The talks lasted about {N} hours and ended late in the evening.",
    "Markets were little changed on the news, with the main index down {P} percent in afternoon "
    "trading.",
    "Temperatures in {C} reached {N} degrees Celsius this week, and residents were advised to stay "
    "indoors.",
    "Talks of this kind have rarely produced quick results in the past.",
    "It was not immediately clear when a second round would take place.",
    "The region has seen repeated flare-ups of violence since the spring.",
    "Diplomats expect a further round before the end of the year.",
    "No further details were given.",
    "Prices for wheat and corn rose {P} percent after the announcement.",
    "The issue is expected to dominate a summit of regional leaders in {M}.",
    "Roads into the city centre were closed for several hours as motorcades passed.",
    "The currency weakened slightly against the dollar.",
    "Independent verification of the figures was not possible.",
    "Both sides have traded accusations for months over the disputed area.",
    "Analysts cautioned that much of the agreement still had to be worked out in detail.",
    "Schools and shops in the area reopened on the same day.",
    "The last comparable visit took place {N} years ago.",
    "The dispute dates back to the end of the Cold War.",
    "Turnout in the most recent election was about {P} percent higher than expected.",
    "Fuel shortages have grown worse in recent weeks, with long queues at petrol stations.",
    "A heavy security presence was visible around government buildings.",
    "The plan would need the approval of parliament before it takes effect.",
    "Earlier drafts of the text had circulated among delegations for weeks.",
    "Officials gave no timetable for the next steps.",
    "The area is home to about {N} hundred thousand people.",
    "Freight traffic through the strait has fallen sharply since the start of the year.",
    "Some of the proposals had been discussed at an earlier round in {M}.",
    "The statement did not say how the measures would be enforced.",
    "Opinion polls suggest the public remains divided on the question.",
    "Aid groups say that access to the worst-hit areas remains limited.",
    "The negotiations have been complicated by the approach of elections.",
    "Several flights were cancelled because of the weather.",
    "The figures could not be independently confirmed.",
    "Inflation has eased to {P} percent from a peak last year.",
    "The two delegations later attended a dinner hosted by the city's mayor.",
    "The draft runs to more than {N} pages, according to people who have seen it.",
    "Experts say the technical work could take months.",
    "Investors are watching closely for signs of a wider slowdown.",
    "Hospitals in the area said they were running short of supplies.",
};

// One of these carries the article's unique figure ({U}).
constexpr std::array<std::string_view, 6> kUniqueFiller{
    "More than {U} people have been displaced since the start of the year, according to aid "
    "agencies.",
    "Trade between the two countries was worth about {U} dollars last month, customs "
    "data showed.",
    "Officials said {U} households had registered for emergency assistance.",
    "The ministry put the number of registered volunteers at {U}.",
    "Organisers said {U} people had signed the petition by the evening.",
    "The port handled {U} containers in the first half of the year, its operator said.",
};

// Event sentences. {S}: the source actor, {T}: the target actor, {T's}: its
// possessive, {TC}: the target's country, {SC}: the source's country, {C}: the
// dateline city, {D}: a relative date ("on Tuesday"), {X}: a topic, {O}: an
// offence, {G}: a charge, {Q}: a demand, {I}: an issue, {W}: weapons, {L}: a
// place, {N}: a small number, {A}: an attribution ("officials said"). A
// leading '!' makes the source the armed forces of the source's country.
constexpr std::array<std::string_view, 44> kEvents{
    "{S} met {T} in {C} {D} to discuss {X}.",
    "{S} held talks with {T} {D} on {X}, {A}.",
    "{S} will visit {TC} next week for talks on {X}, {A}.",
    "{S} visited {TC} {D}, the first such trip in {N} years.",
    "{S} hosted {T} in {C} {D} for talks on {X}.",
    "{S} condemned {T} for {O}.",
    "{S} accused {T} of {G}, {A}.",
    "{S} imposed new sanctions on {T} over {I}.",
    "{S} and {T} signed an agreement on {X} {D}.",
    "{S} threatened {T} with retaliation over {O}.",
    "{S} urged {T} to {Q}.",
    "{S} called on {T} to {Q}.",
    "{S} criticized {T} for {O}, {A}.",
    "{S} praised {T} for the progress made on {X}.",
    "{S} pledged military aid to {T}, including {W}.",
    "{S} promised to send {W} to {T}, {A}.",
    "{S} expelled {N} diplomats from {TC} {D}, accusing them of spying.",
    "!{S} launched a missile attack on {TC} {D}, killing at least {N} people, {A}.",
    "!{S} shelled {L} in {TC} overnight, {A}.",
    "!{S} attacked {T} near {L} {D}.",
    "{S} agreed to resume talks with {T} on {X}.",
    "{S} invited {T} to visit {SC} later this year.",
    "{S} rejected {T's} accusation of {G}.",
    "{S} thanked {T} for its support.",
    "{S} recalled its ambassador to {TC} {D} in protest at {O}.",
    "{S} warned {T} against {O}.",
    "{S} welcomed {T's} decision to {Q}.",
    "{S} demanded that {T} {Q}.",
    "{S} negotiated with {T} for most of the day on {X}, {A}.",
    "{S} offered to mediate between {T} and its neighbours.",
    "{S} pledged humanitarian aid to {T} after the floods.",
    "{S} blamed {T} for the collapse of the talks on {X}.",
    "{S} arrested {N} people suspected of working for {T}, {A}.",
    "{S} cut diplomatic ties with {T} {D}.",
    "!{S} seized a tanker linked to {T} in international waters {D}.",
    "{S} suspended talks with {T} on {X} after {O}.",
    "{S} and {T} agreed {D} to hold joint military exercises.",
    "{S} congratulated {T} on the agreement on {X}.",
    "{S} apologized to {T} for {O}.",
    "{S} denied {T's} claims that it was behind {O}.",
    "{S} spoke by telephone with {T} {D} about {X}.",
    "{S} met {T} on the sidelines of the summit {D}.",
    "{S} told {T} that any attack would be met with force.",
    "{S} asked {T} for weapons and ammunition, {A}.",
};

// Leads: a headline (with the two countries' short names) and the first
// sentence, which tells the same story.
struct Lead {
  std::string_view headline;
  std::string_view sentence;
};

constexpr std::array<Lead, 14> kLeads{{
    {"{S} and {T} hold talks on {X}", "{S} met {T} in {C} {D} to discuss {X}, {A}."},
    {"{S} warns {T} over {O}", "{S} warned {T} {D} against {O}, saying it would respond."},
    {"{S} accuses {T} of {G}", "{S} accused {T} {D} of {G}, {A}."},
    {"{S} signs deal with {T} on {X}", "{S} and {T} signed an agreement on {X} {D}, {A}."},
    {"{S} imposes sanctions on {T}", "{S} imposed new sanctions on {T} {D} over {I}."},
    {"{S} urges {T} to {Q}", "{S} urged {T} {D} to {Q}, {A}."},
    {"{S} pledges aid to {T}", "{S} pledged military aid to {T} {D}, including {W}."},
    {"{S} condemns {T} over {O}", "{S} condemned {T} {D} for {O}, {A}."},
    {"{S} and {T} agree to resume talks", "{S} agreed {D} to resume talks with {T} on {X}, {A}."},
    {"{S} leader visits {T} as tensions rise", "{S} visited {TC} {D} for talks on {X}."},
    {"{S} expels {T} diplomats",
     "{S} expelled {N} diplomats from {TC} {D}, accusing them of spying."},
    {"{S} rejects {T} demand to {Q}", "{S} rejected {T's} demand to {Q}, {A}."},
    {"{S} strikes {T} as fighting intensifies",
     "!{S} launched a missile attack on {TC} {D}, killing at least {N} people, {A}."},
    {"{S} hosts {T} for talks on {X}", "{S} hosted {T} in {C} {D} for talks on {X}."},
}};

// ---------------------------------------------------------------------------
// Dates

struct Date {
  int year, month, day;
};

// Days since 1970-01-01 (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const auto d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const auto m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400) + (m <= 2), m, d};
}

// 0 = Monday.
int weekday(std::int64_t days) {
  return static_cast<int>(((days % 7) + 10) % 7);
}

// ---------------------------------------------------------------------------
// Text assembly

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  out += '"';
}

std::string with_commas(std::uint64_t value) {
  std::string digits = std::to_string(value);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

// Upper-cases the first letter, in place.
void capitalize(std::string& text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
}

std::string replaced(std::string_view pattern, std::string_view key, std::string_view value) {
  std::string text(pattern);
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
  return text;
}

// An actor in one article: how it is named first and afterwards.
struct Actor {
  std::string full;
  std::string short_name;
  int country = -1;  // -1: not a country's
  bool named = false;
  bool plural = false;
};

class Article {
 public:
  Article(Random& random, std::uint64_t number) : random_(random), number_(number) {}

  std::string json(const std::string& id_prefix) {
    choose_story();
    const std::string body = text();
    words_ = count_words(body);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", published_.year, published_.month,
                  published_.day);
    std::string line = "{\"id\": ";
    append_json_string(line, id_prefix + std::to_string(number_));
    line += ", \"title\": ";
    append_json_string(line, title_);
    line += ", \"date\": ";
    append_json_string(line, date);
    line += ", \"source\": \"Synthetic Wire\", \"url\": ";
    append_json_string(line, "https://wire.example.org/world/" + std::string(date) + "/story-" +
                                 std::to_string(number_));
    line += ", \"text\": ";
    append_json_string(line, body);
    line += "}\n";
    return line;
  }

  std::uint64_t words() const { return words_; }

 private:
  static std::uint64_t count_words(std::string_view text) {
    std::uint64_t count = 0;
    bool in_word = false;
    for (const char c : text) {
      const bool space = c == ' ' || c == '\n' || c == '\t';
      if (!space && !in_word) ++count;
      in_word = !space;
    }
    return count;
  }

  int weighted_country() {
    static const int total = [] {
      int sum = 0;
      for (const auto& c : kCountries) sum += c.weight;
      return sum;
    }();
    auto draw = static_cast<int>(random_.below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0; i < kCountries.size(); ++i) {
      draw -= kCountries[i].weight;
      if (draw < 0) return static_cast<int>(i);
    }
    return 0;
  }

  static const Country& of(int c) { return kCountries[static_cast<std::size_t>(c)]; }

  // A new actor of country `c`: one of its people, an institution, its
  // capital or the country itself.
  Actor make_actor(int c) {
    const auto& home = of(c);
    Actor actor;
    actor.country = c;
    const double roll = random_.unit();
    if (roll < 0.45) {
      std::vector<const Person*> people;
      for (const auto& person : kPeople) {
        if (person.country == c) people.push_back(&person);
      }
      if (!people.empty()) {
        const auto& person = *people[random_.below(people.size())];
        actor.full = std::string(home.adjective) + " " + std::string(person.title) + " " +
                     std::string(person.name);
        actor.short_name = person.surname;
        return actor;
      }
    }
    if (roll < 0.75) {
      actor.full = replaced(random_.pick(kInstitutions), "{adj}", home.adjective);
      actor.short_name = actor.full;
      actor.plural = actor.full.back() == 's';
      return actor;
    }
    actor.full = roll < 0.85 ? home.capital : home.name;
    actor.short_name = actor.full;
    return actor;
  }

  // The armed forces of an actor's country, for military templates.
  Actor military(const Actor& actor) {
    if (actor.country < 0) return actor;
    Actor forces;
    forces.country = actor.country;
    static constexpr std::array<std::string_view, 3> kForces{"{adj} forces", "the {adj} military",
                                                             "{adj} troops"};
    forces.full = replaced(random_.pick(kForces), "{adj}", of(actor.country).adjective);
    forces.short_name = forces.full;
    return forces;
  }

  void choose_story() {
    // Publication dates run through 2023.
    published_days_ = days_from_civil(2023, 1, 1) + static_cast<std::int64_t>(random_.below(365));
    published_ = civil_from_days(published_days_);
    home_ = weighted_country();
    do away_ = weighted_country();
    while (away_ == home_);
    dateline_ = random_.chance(0.7) ? home_ : away_;
    cast_.clear();
    for (const int c : {home_, away_, home_, away_}) {
      // Two different actors of each country (a few tries, then either).
      Actor actor = make_actor(c);
      for (int tries = 0;
           tries < 4 && cast_.size() >= 2 && actor.full == cast_[cast_.size() - 2].full; ++tries) {
        actor = make_actor(c);
      }
      cast_.push_back(std::move(actor));
    }
    Actor other;
    other.full = random_.pick(kOthers);
    other.short_name = other.full;
    cast_.push_back(other);
    int third = weighted_country();
    while (third == home_ || third == away_) third = weighted_country();
    cast_.push_back(make_actor(third));
    used_filler_ = 0;
    used_quotes_ = 0;
  }

  // "on Tuesday": a day up to five days before publication, or another
  // relative expression.
  std::string relative_date() {
    const double roll = random_.unit();
    if (roll < 0.75) {
      const auto back = static_cast<std::int64_t>(random_.below(6));
      if (back == 0 && random_.chance(0.5)) return "today";
      return "on " +
             std::string(kWeekdays[static_cast<std::size_t>(weekday(published_days_ - back))]);
    }
    if (roll < 0.85) return "last week";
    if (roll < 0.92) return "earlier this month";
    const Date day =
        civil_from_days(published_days_ - 1 - static_cast<std::int64_t>(random_.below(3)));
    return "on " + std::string(kMonths[static_cast<std::size_t>(day.month - 1)]) + " " +
           std::to_string(day.day);
  }

  // The name of an actor at this point of the article: in full the first
  // time, then the short form (a surname).
  static std::string name(Actor& actor) {
    if (actor.named) return actor.short_name;
    actor.named = true;
    return actor.full;
  }

  static std::string possessive(std::string name) {
    return name + (name.back() == 's' ? "'" : "'s");
  }

  std::string fill(std::string_view pattern, Actor& source, Actor& target) {
    std::string text;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] != '{') {
        text += pattern[i];
        continue;
      }
      const auto end = pattern.find('}', i);
      const auto key = pattern.substr(i + 1, end - i - 1);
      i = end;
      if (key == "S") {
        text += name(source);
      } else if (key == "T") {
        text += name(target);
      } else if (key == "T's") {
        text += possessive(name(target));
      } else if (key == "TC") {
        text += of(target.country < 0 ? away_ : target.country).name;
      } else if (key == "SC") {
        text += of(source.country < 0 ? home_ : source.country).name;
      } else if (key == "C") {
        text += of(dateline_).capital;
      } else if (key == "D") {
        text += relative_date();
      } else if (key == "X") {
        text += random_.pick(kTopics);
      } else if (key == "O") {
        text += random_.pick(kOffences);
      } else if (key == "G") {
        text += random_.pick(kCharges);
      } else if (key == "Q") {
        text += random_.pick(kDemands);
      } else if (key == "I") {
        text += random_.pick(kIssues);
      } else if (key == "W") {
        text += random_.pick(kWeapons);
      } else if (key == "L") {
        text += random_.pick(kPlaces);
      } else if (key == "N") {
        text += std::to_string(random_.between(2, 40));
      } else if (key == "P") {
        text += std::to_string(random_.between(1, 9)) + "." + std::to_string(random_.below(10));
      } else if (key == "M") {
        text += kMonths[random_.below(kMonths.size())];
      } else if (key == "A") {
        text += random_.pick(kSources);
      } else if (key == "U") {
        text += with_commas(1000 + number_);
      }
    }
    capitalize(text);
    return text;
  }

  // An event between two of the article's actors.
  std::string event(std::string_view pattern, std::size_t s, std::size_t t) {
    if (pattern.starts_with('!')) {
      Actor forces = military(cast_[s]);
      return fill(pattern.substr(1), forces, cast_[t]);
    }
    return fill(pattern, cast_[s], cast_[t]);
  }

  // Mostly the two principal countries' actors; sometimes a third party.
  std::string event_sentence() {
    std::size_t s = random_.below(2);
    std::size_t t = 1 - s;
    if (random_.chance(0.5)) s += 2;
    if (random_.chance(0.5)) t += 2;
    if (random_.chance(0.2)) (random_.chance(0.5) ? s : t) = 4 + random_.below(2);
    if (s == t) t = (t + 1) % cast_.size();
    return event(random_.pick(kEvents), s, t);
  }

  // An index into an array of N that this article has not used yet (after
  // all N, repeats are allowed again).
  template <std::size_t N>
  std::size_t fresh(std::uint64_t& used) {
    static_assert(N <= 64);
    if (std::popcount(used) >= static_cast<int>(N)) used = 0;
    for (;;) {
      const auto i = random_.below(N);
      if (!(used & (std::uint64_t{1} << i))) {
        used |= std::uint64_t{1} << i;
        return i;
      }
    }
  }

  std::string quote() {
    auto& speaker = cast_[random_.below(4)];
    const std::string words(kQuotes[fresh<kQuotes.size()>(used_quotes_)]);
    const std::string who = name(speaker);
    switch (random_.below(4)) {
      case 0:
        return "\"" + words + ",\" " + who + " told reporters in " +
               std::string(of(dateline_).capital) + ".";
      case 1:
        return "\"" + words + ",\" " + who + " said.";
      case 2:
        return "\"" + words + ",\" " + who + " said in a statement " + relative_date() + ".";
      default: {
        std::string line = who + " said: \"" + words + ".\"";
        capitalize(line);
        return line;
      }
    }
  }

  std::string filler() {
    return fill(kFiller[fresh<kFiller.size()>(used_filler_)], cast_[0], cast_[1]);
  }

  std::string text() {
    // The headline names the two countries; the lead tells the same story.
    const auto& lead = random_.pick(kLeads);
    {
      auto short_name = [](int c) {
        std::string name(of(c).name);
        return name.starts_with("the ") ? name.substr(4) : name;
      };
      Actor s{short_name(home_), short_name(home_), home_, true, false};
      Actor t{short_name(away_), short_name(away_), away_, true, false};
      title_ = fill(lead.headline, s, t);
    }
    std::string body = title_;
    body += "\n\nBy ";
    body += random_.pick(kFirstNames);
    body += " ";
    body += random_.pick(kLastNames);
    body += "\n\n";
    std::string city(of(dateline_).capital);
    for (auto& c : city) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    body += city + " (Synthetic Wire) - " + event(lead.sentence, 0, 1);
    // Further paragraphs of one to three sentences: events, quotations and
    // background.
    const auto paragraphs = random_.between(9, 17);
    const auto unique_at = random_.below(paragraphs);
    for (std::uint64_t p = 0; p < paragraphs; ++p) {
      body += "\n\n";
      const auto sentences = random_.between(1, 3);
      for (std::uint64_t s = 0; s < sentences; ++s) {
        if (s > 0) body += " ";
        if (p == unique_at && s == 0) {
          body += fill(random_.pick(kUniqueFiller), cast_[0], cast_[1]);
          continue;
        }
        const double roll = random_.unit();
        if (roll < kEventShare) {
          body += event_sentence();
        } else if (roll < kEventShare + kQuoteShare) {
          body += quote();
        } else {
          body += filler();
        }
      }
    }
    body += "\n\n(Reporting by ";
    body += random_.pick(kFirstNames);
    body += " ";
    body += random_.pick(kLastNames);
    body += "; editing by ";
    body += random_.pick(kFirstNames);
    body += " ";
    body += random_.pick(kLastNames);
    body += ")";
    return body;
  }

  // Shares of the sentences after the lead: calibrated so that geokg codes
  // about as many events per 1,000 words as in the news passages of
  // samples/articles (docs/benchmarks.md).
  static constexpr double kEventShare = 0.30;
  static constexpr double kQuoteShare = 0.15;

  Random& random_;
  std::uint64_t number_;
  std::uint64_t words_ = 0;
  std::int64_t published_days_ = 0;
  Date published_{};
  int home_ = 0, away_ = 1, dateline_ = 0;
  std::vector<Actor> cast_;
  std::uint64_t used_filler_ = 0, used_quotes_ = 0;
  std::string title_;
};

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_args(argc, argv);
  Random random(options.seed);
  const std::string prefix = "synthetic-" + std::to_string(options.seed) + "-";
  std::uint64_t words = 0;
  std::uint64_t bytes = 0;
  std::string buffer;
  for (std::uint64_t i = 0; i < options.articles; ++i) {
    Article article(random, i);
    buffer += article.json(prefix);
    words += article.words();
    if (buffer.size() > (1u << 20)) {
      bytes += buffer.size();
      if (std::fwrite(buffer.data(), 1, buffer.size(), stdout) != buffer.size()) {
        std::fprintf(stderr, "gen_articles: write error\n");
        return 1;
      }
      buffer.clear();
    }
  }
  bytes += buffer.size();
  if (std::fwrite(buffer.data(), 1, buffer.size(), stdout) != buffer.size() ||
      std::fflush(stdout) != 0) {
    std::fprintf(stderr, "gen_articles: write error\n");
    return 1;
  }
  std::fprintf(stderr, "gen_articles: %llu articles, %llu words, %llu bytes\n",
               static_cast<unsigned long long>(options.articles),
               static_cast<unsigned long long>(words), static_cast<unsigned long long>(bytes));
  return 0;
}

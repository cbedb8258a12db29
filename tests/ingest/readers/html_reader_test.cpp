#include <algorithm>
#include <catch2/catch.hpp>

#include "readers/readers.hpp"
#include "test_support.hpp"

namespace {

using geokg::readers::read_html_document;

const std::string kDataDir = std::string(GEOKG_SOURCE_DIR) + "/tests/ingest/data/readers/";

struct HtmlResult {
  geokg::Document document;
  std::vector<std::string> warnings;
};

HtmlResult read_html(std::string_view bytes) {
  HtmlResult result;
  result.document = read_html_document(bytes, "page.html", result.warnings);
  return result;
}

// The page's text without its title line.
std::string body_of(std::string_view bytes) {
  const auto result = read_html(bytes);
  const auto& text = result.document.text;
  const auto& title = result.document.title;
  if (title.empty()) return text;
  REQUIRE(text.starts_with(title + "\n\n"));
  return text.substr(title.size() + 2);
}

std::string html_error(std::string_view bytes) {
  std::vector<std::string> warnings;
  try {
    read_html_document(bytes, "bad.html", warnings);
  } catch (const geokg::IngestError& error) {
    CHECK(error.where() == "bad.html");
    return error.message();
  }
  return "";
}

bool has_warning(const std::vector<std::string>& warnings, std::string_view part) {
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.find(part) != std::string::npos;
  });
}

std::string page(std::string_view head, std::string_view body) {
  return "<!DOCTYPE html><html><head>" + std::string(head) + "</head><body>" + std::string(body) +
         "</body></html>";
}

}  // namespace

TEST_CASE("a news page gives its story and metadata without the page furniture",
          "[ingest][readers][html]") {
  const auto bytes = geokg::test::read_file(kDataDir + "news-article.html");
  REQUIRE(!bytes.empty());
  const auto result = read_html(bytes);
  const auto& document = result.document;
  CHECK(document.key == "page.html");
  CHECK(document.origin == "html");
  CHECK(document.title == "Ministers agree to resume grain corridor talks");
  CHECK(document.source == "The Daily Meridian");
  CHECK(document.url == "https://meridian.example/world/2023/09/05/grain-corridor");
  // JSON-LD of the NewsArticle, not of the WebPage, and before the <time>.
  REQUIRE(document.published);
  CHECK(document.published->iso() == "2023-09-05");
  CHECK(document.text ==
        "Ministers agree to resume grain corridor talks\n\n"
        "ISTANBUL \xE2\x80\x94 Foreign ministers from Turkey and Ukraine agreed on Tuesday to "
        "resume talks on a grain corridor through the Black Sea.\n\n"
        "The meeting in Istanbul lasted three hours, officials said.\n\n"
        "\"We expect shipments to restart within weeks,\" the Turkish minister said.\n\n"
        "Next steps\n\n"
        "Technical teams meet on Friday.\n\n"
        "Insurers will be consulted.\n\n"
        "A second round is planned for October.");
  CHECK(result.warnings.empty());
}

TEST_CASE("the title comes from og:title then <title> without the site name then h1",
          "[ingest][readers][html]") {
  const std::string body = "<h1>Headline in the page</h1><p>Story.</p>";
  CHECK(read_html(page("<meta property=\"og:title\" content=\" Open  Graph title \">"
                       "<title>Title element</title>",
                       body))
            .document.title == "Open Graph title");
  CHECK(read_html(page("<meta property=\"og:site_name\" content=\"The Meridian\">"
                       "<title>Talks resume | The Meridian</title>",
                       body))
            .document.title == "Talks resume");
  CHECK(read_html(page("<meta property=\"og:site_name\" content=\"The Meridian\">"
                       "<title>Talks resume - the meridian</title>",
                       body))
            .document.title == "Talks resume");
  // Only the site's own name is trimmed.
  CHECK(read_html(page("<meta property=\"og:site_name\" content=\"The Meridian\">"
                       "<title>Talks resume | Other Paper</title>",
                       body))
            .document.title == "Talks resume | Other Paper");
  CHECK(read_html(page("<title>Talks resume | The Meridian</title>", body)).document.title ==
        "Talks resume | The Meridian");
  const auto from_h1 = read_html(page("", body));
  CHECK(from_h1.document.title == "Headline in the page");
  // The headline is the title line; it is not repeated as a paragraph.
  CHECK(from_h1.document.text == "Headline in the page\n\nStory.");
}

TEST_CASE("publication dates are taken in the documented order", "[ingest][readers][html]") {
  const std::string body = "<p>Story.</p><time datetime=\"2023-01-06\">6 Jan</time>";
  const std::string json_ld =
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"datePublished\": \"2023-01-05\"}</script>";
  const std::string itemprop = "<meta itemprop=\"datePublished\" content=\"2023-01-04\">";
  const std::string meta_date = "<meta name=\"dc.date\" content=\"2023-01-03\">";
  const std::string og = "<meta property=\"og:article:published_time\" content=\"2023-01-02\">";
  const std::string article =
      "<meta property=\"article:published_time\" content=\"2023-01-01T10:00:00Z\">";
  const auto date_of = [&](const std::string& head) {
    const auto date = read_html(page(head, body)).document.published;
    return date ? date->iso() : "none";
  };
  CHECK(date_of(json_ld + itemprop + meta_date + og + article) == "2023-01-01");
  CHECK(date_of(json_ld + itemprop + meta_date + og) == "2023-01-02");
  CHECK(date_of(json_ld + itemprop + meta_date) == "2023-01-03");
  CHECK(date_of(json_ld + itemprop) == "2023-01-04");
  CHECK(date_of(json_ld) == "2023-01-05");
  CHECK(date_of("") == "2023-01-06");
  CHECK(date_of("<meta name=\"pubdate\" content=\"September 5, 2023\">") == "2023-09-05");
  // itemprop on an element of the story, read from its text.
  CHECK(read_html(page("", "<p>Story.</p><span itemprop=\"datePublished\">Sept. 5, 2023</span>"))
            .document.published->iso() == "2023-09-05");
}

TEST_CASE("an unreadable date is skipped for the next source and warned about when none is left",
          "[ingest][readers][html]") {
  const auto next = read_html(page("<meta name=\"date\" content=\"05/09/2023\">",
                                   "<p>Story.</p><time datetime=\"2023-09-07\"></time>"));
  CHECK(next.document.published->iso() == "2023-09-07");
  CHECK(next.warnings.empty());
  const auto none = read_html(page("<meta name=\"date\" content=\"05/09/2023\">", "<p>Story.</p>"));
  CHECK_FALSE(none.document.published);
  REQUIRE(none.warnings.size() == 1);
  CHECK(none.warnings[0] == "page.html: unreadable publication date \"05/09/2023\" ignored");
}

TEST_CASE("broken JSON-LD is ignored", "[ingest][readers][html]") {
  const auto result = read_html(
      page("<script type=\"application/ld+json\">{\"datePublished\": \"2023-09-05\",</script>",
           "<p>Story.</p>"));
  CHECK_FALSE(result.document.published);
  CHECK(result.document.text == "Story.");
}

TEST_CASE("the URL is the canonical link resolved against og:url or else og:url",
          "[ingest][readers][html]") {
  const std::string body = "<p>Story.</p>";
  const std::string og_url = "<meta property=\"og:url\" content=\"https://news.example/a/b?x=1\">";
  CHECK(read_html(page(og_url + "<link rel=\"canonical\" href=\"https://news.example/c\">", body))
            .document.url == "https://news.example/c");
  CHECK(read_html(page(og_url + "<link rel=\"canonical\" href=\"/world/story\">", body))
            .document.url == "https://news.example/world/story");
  CHECK(read_html(page(og_url, body)).document.url == "https://news.example/a/b?x=1");
  CHECK(
      read_html(page("<link rel=\"canonical\" href=\"javascript:alert(1)\">", body)).document.url ==
      "");
}

TEST_CASE("HTML without body text is refused", "[ingest][readers][html]") {
  CHECK(html_error("<html><head><title>Only a head</title></head></html>") == "no body text");
  CHECK(html_error(page("<title>T</title>",
                        "<nav><a href=\"/\">Home</a></nav><script>var x = 1;</script>")) ==
        "no body text");
  CHECK(html_error("<!DOCTYPE html><html></html>") == "no body text");
}

TEST_CASE("empty and binary HTML files are refused", "[ingest][readers][html]") {
  CHECK(html_error("") == "empty document");
  CHECK(html_error("  \n\t ") == "empty document");
  CHECK(html_error(std::string("<html>\0<body>", 13)) == "binary content (NUL byte at offset 6)");
}

TEST_CASE("NUL bytes after the first 8 KB are removed", "[ingest][readers][html]") {
  std::string bytes = "<html><body><!--" + std::string(9000, ' ') + "--><p>Ankara";
  bytes += std::string("\0\0", 2);
  bytes += " talks</p></body></html>";
  const auto result = read_html(bytes);
  CHECK(result.document.text == "Ankara talks");
  CHECK(has_warning(result.warnings, "page.html: 2 NUL bytes removed"));
}

TEST_CASE("HTML nested 100000 levels deep neither crashes nor recurses",
          "[ingest][readers][html]") {
  for (const std::string tag : {"div", "span", "b"}) {
    std::string bytes = "<html><head><title>Deep</title></head><body><p>Before the nest.</p>";
    for (int i = 0; i < 100000; ++i) bytes += "<" + tag + ">";
    bytes += "deep text";
    for (int i = 0; i < 100000; ++i) bytes += "</" + tag + ">";
    bytes += "<p>After the nest.</p></body></html>";
    const auto result = read_html(bytes);
    // libxml2 stops parsing at its depth limit: what came before is kept.
    CHECK(result.document.title == "Deep");
    CHECK(result.document.text.starts_with("Deep\n\nBefore the nest."));
    CHECK(has_warning(result.warnings, "the HTML parser stopped early"));
  }
}

TEST_CASE("entity bombs are not expanded", "[ingest][readers][html]") {
  std::string bomb = "<!DOCTYPE html [\n<!ENTITY lol0 \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) bomb += "&lol" + std::to_string(i - 1) + ";";
    bomb += "\">\n";
  }
  bomb += "]>\n<html><body><p>Bomb: &lol9; &amp; &eacute;t&eacute;</p></body></html>";
  const auto result = read_html(bomb);
  CHECK(result.document.text == "Bomb: &lol9; & \xC3\xA9t\xC3\xA9");
  // Numeric character references expand to one character each, never more.
  const auto numeric = read_html("<p>&#65;&#x42;&#99999999;</p>");
  CHECK(numeric.document.text.starts_with("AB"));
  CHECK(numeric.document.text.size() < 10);
}

TEST_CASE("invalid UTF-8 in a UTF-8 page is replaced with a warning", "[ingest][readers][html]") {
  const auto result = read_html("<meta charset=\"utf-8\"><p>Caf\xC3\xA9 in Kyiv \xFF\xC3 here</p>");
  CHECK(result.document.text == "Caf\xC3\xA9 in Kyiv \xEF\xBF\xBD\xEF\xBF\xBD here");
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0] == "page.html: invalid UTF-8 at byte 39 replaced");
}

TEST_CASE("a declared charset is decoded to UTF-8", "[ingest][readers][html]") {
  // windows-1252 via <meta charset>, with curly quotes in the 0x80-0x9F range.
  CHECK(body_of("<html><head><meta charset=\"windows-1252\"></head>"
                "<body><p>caf\xE9 \x93quoted\x94</p></body></html>") ==
        "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
  // ISO-8859-1 is read as windows-1252, as browsers do.
  CHECK(body_of("<html><head><meta http-equiv=\"Content-Type\" "
                "content=\"text/html; charset=ISO-8859-1\"></head>"
                "<body><p>\x93Na\xEFve\x94</p></body></html>") ==
        "\xE2\x80\x9CNa\xC3\xAFve\xE2\x80\x9D");
  CHECK(body_of("<meta charset='koi8-r'><p>\xED\xC9\xD2</p>") == "\xD0\x9C\xD0\xB8\xD1\x80");
  CHECK(body_of("<meta charset=shift_jis><p>\x93\x8C\x8B\x9E</p>") == "\xE6\x9D\xB1\xE4\xBA\xAC");
  CHECK(body_of("<?xml version=\"1.0\" encoding=\"windows-1251\"?>"
                "<html><body><p>\xCF\xF0\xE8\xE2\xE5\xF2</p></body></html>") ==
        "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
}

TEST_CASE("undeclared or misdeclared charsets are guessed and warned about",
          "[ingest][readers][html]") {
  const auto latin = read_html("<p>Caf\xE9 cr\xE8me</p>");
  CHECK(latin.document.text == "Caf\xC3\xA9 cr\xC3\xA8me");
  REQUIRE(latin.warnings.size() == 1);
  CHECK(latin.warnings[0] == "page.html: no charset declared and not UTF-8; read as windows-1252");

  const auto utf8 = read_html("<meta charset=\"iso-8859-1\"><p>Caf\xC3\xA9</p>");
  CHECK(utf8.document.text == "Caf\xC3\xA9");
  REQUIRE(utf8.warnings.size() == 1);
  CHECK(utf8.warnings[0] == "page.html: the page declares charset iso-8859-1 but is UTF-8");

  const auto unknown = read_html("<meta charset=\"x-made-up\"><p>Caf\xC3\xA9</p>");
  CHECK(unknown.document.text == "Caf\xC3\xA9");
}

TEST_CASE("a UTF-16 page with a byte-order mark is decoded", "[ingest][readers][html]") {
  const std::string ascii = "<html><body><p>Kyiv</p></body></html>";
  std::string bytes = "\xFF\xFE";
  for (char c : ascii) {
    bytes += c;
    bytes += '\0';
  }
  const auto result = read_html(bytes);
  CHECK(result.document.text == "Kyiv");
  CHECK(result.warnings == std::vector<std::string>{"page.html: decoded from UTF-16LE"});
}

TEST_CASE("furniture is dropped by tag class id role and hidden attributes",
          "[ingest][readers][html]") {
  const auto text = body_of(
      page("",
           "<p>Story one.</p>"
           "<div class=\"related-posts\"><p>Related one.</p></div>"
           "<div id=\"newsletter\"><p>Newsletter.</p></div>"
           "<div class=\"btn share-buttons\"><p>Share.</p></div>"
           "<div class=\"Social\"><p>Social.</p></div>"
           "<div class=\"promo-box\"><p>Promo.</p></div>"
           "<div class=\"advertisement\"><p>Advert.</p></div>"
           "<div class=\"ad\"><p>Ad.</p></div>"
           "<div id=\"cookie-consent\"><p>Cookies.</p></div>"
           "<div class=\"subscribe-cta\"><p>Subscribe.</p></div>"
           "<section id=\"comments\"><p>Comments.</p></section>"
           "<div role=\"navigation\"><p>Role nav.</p></div>"
           "<div hidden><p>Hidden.</p></div>"
           "<div aria-hidden=\"true\"><p>Aria hidden.</p></div>"
           "<div style=\"display: none\"><p>Not displayed.</p></div>"
           "<form><p>Form.</p></form><button>Button</button><iframe>Frame</iframe>"
           "<noscript><p>Enable scripts.</p></noscript><template><p>Template.</p></template>"
           "<svg><text>Svg.</text></svg><figure><figcaption>Caption.</figcaption></figure>"
           "<div class=\"subscriber-content\"><p>Story two.</p></div>"
           "<div class=\"commentary\"><p>Story three.</p></div>"));
  CHECK(text == "Story one.\n\nStory two.\n\nStory three.");
}

TEST_CASE("blocks become paragraphs and inline elements join with folded spaces",
          "[ingest][readers][html]") {
  CHECK(body_of(page("",
                     "<div>Direct <em>div</em>\n text<p>Inner\tparagraph</p>tail</div>"
                     "<p>a<b>b</b>c &nbsp; d<br>after break</p>"
                     "<table><tr><td>Cell one</td><td> Cell two </td></tr></table>"
                     "<pre>line one\n  line two  \n\n\nline three</pre>"
                     "<h3>Heading</h3><custom-tag>Custom</custom-tag> inline")) ==
        "Direct div text\n\nInner paragraph\n\ntail\n\nabc d\n\nafter break\n\n"
        "Cell one\n\nCell two\n\nline one\nline two\nline three\n\nHeading\n\nCustom inline");
}

TEST_CASE("the story is taken from articleBody then article then main", "[ingest][readers][html]") {
  const std::string chrome = "<div class=\"topbar\"><p>Outside text.</p></div>";
  CHECK(body_of(page("", chrome + "<article><p>Article text.</p></article>")) == "Article text.");
  CHECK(body_of(page("", chrome + "<main><p>Main text.</p></main>")) == "Main text.");
  CHECK(body_of(page("", chrome + "<article><p>Article text.</p>"
                                  "<div itemprop=\"articleBody\"><p>Body text.</p></div>"
                                  "</article>")) == "Body text.");
  // The largest article wins; a small teaser card does not replace the story.
  CHECK(body_of(page("",
                     "<article><p>Short.</p></article>"
                     "<article><p>The longer story text is here.</p></article>")) ==
        "The longer story text is here.");
  CHECK(body_of(page("",
                     "<div><p>The story is in a plain div, long enough to matter.</p>"
                     "<p>It has a second paragraph as well.</p></div>"
                     "<article><p>Card.</p></article>")) ==
        "The story is in a plain div, long enough to matter.\n\n"
        "It has a second paragraph as well.\n\nCard.");
}

TEST_CASE("a page whose whole story looks like furniture still gives its text",
          "[ingest][readers][html]") {
  CHECK(body_of(page("", "<div class=\"share-wrapper\"><p>Story text.</p></div>")) ==
        "Story text.");
  // Page-wide classes on body and main are never furniture.
  CHECK(body_of("<html><body class=\"has-share-bar\"><main class=\"social-layout\">"
                "<p>Story.</p></main></body></html>") == "Story.");
}

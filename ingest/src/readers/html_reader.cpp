// HTML articles: decodes the page to UTF-8, parses it with libxml2's HTML
// parser and keeps the article's paragraphs and metadata. Every walk over
// the tree is iterative (parent pointers), so nesting depth costs no stack.
#include <iconv.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <memory>
#include <nlohmann/json.hpp>

#include "readers/encoding.hpp"
#include "readers/readers.hpp"

namespace geokg::readers {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// Where <meta charset> and the doctype are looked for.
constexpr std::size_t kCharsetProbeBytes = 16 * 1024;
constexpr std::size_t kDoctypeProbeBytes = 1024;
// JSON-LD blocks larger than this are not metadata; they are skipped.
constexpr std::size_t kMaxJsonLdBytes = 4 * 1024 * 1024;
// Values kept per date source: enough to skip a few unreadable ones.
constexpr std::size_t kMaxDateValues = 8;

// ---------------------------------------------------------------------------
// Decoding to UTF-8

bool is_charset_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// The charset name after `at` in "charset = 'x'" or "encoding="x"", lower case.
std::string value_after(std::string_view tag, std::size_t at) {
  const auto skip_spaces = [&] {
    while (at < tag.size() && (tag[at] == ' ' || tag[at] == '\t' || tag[at] == '\n')) ++at;
  };
  skip_spaces();
  if (at >= tag.size() || tag[at] != '=') return {};
  ++at;
  skip_spaces();
  if (at < tag.size() && (tag[at] == '"' || tag[at] == '\'')) ++at;
  const auto start = at;
  while (at < tag.size() && is_charset_char(tag[at]) && at - start < 40) ++at;
  return std::string(tag.substr(start, at - start));
}

// The charset an XML declaration or a <meta> tag declares near the top of
// the page ("" when none): <meta charset="x"> and <meta http-equiv
// content="text/html; charset=x"> alike.
std::string declared_charset(std::string_view bytes) {
  const auto head = ascii_lower(bytes.substr(0, std::min(bytes.size(), kCharsetProbeBytes)));
  if (head.starts_with("<?xml")) {
    const auto declaration = std::string_view(head).substr(0, head.find("?>"));
    const auto at = declaration.find("encoding");
    if (at != std::string_view::npos) {
      auto value = value_after(declaration, at + 8);
      if (!value.empty()) return value;
    }
  }
  std::size_t position = 0;
  while ((position = head.find("<meta", position)) != std::string::npos) {
    auto end = head.find('>', position);
    if (end == std::string::npos) end = head.size();
    const auto tag = std::string_view(head).substr(position, end - position);
    const auto at = tag.find("charset");
    if (at != std::string_view::npos) {
      auto value = value_after(tag, at + 7);
      if (!value.empty()) return value;
    }
    position = end;
  }
  return {};
}

// The iconv name for a charset label, following the WHATWG encoding
// labels where they differ from iconv's: Latin-1 pages are windows-1252, and
// a <meta> cannot declare UTF-16 for ASCII-compatible bytes.
std::string iconv_name(const std::string& label) {
  static const std::pair<std::string_view, std::string_view> kLabels[] = {
      {"utf-8", "UTF-8"},         {"utf8", "UTF-8"},         {"unicode-1-1-utf-8", "UTF-8"},
      {"utf-16", "UTF-8"},        {"utf-16le", "UTF-8"},     {"utf-16be", "UTF-8"},
      {"unicode", "UTF-8"},       {"iso-8859-1", "CP1252"},  {"iso8859-1", "CP1252"},
      {"iso_8859-1", "CP1252"},   {"latin1", "CP1252"},      {"l1", "CP1252"},
      {"us-ascii", "CP1252"},     {"ascii", "CP1252"},       {"cp819", "CP1252"},
      {"windows-1252", "CP1252"}, {"cp1252", "CP1252"},      {"x-cp1252", "CP1252"},
      {"gb2312", "GB18030"},      {"gbk", "GB18030"},        {"x-gbk", "GB18030"},
      {"euc-kr", "UHC"},          {"ks_c_5601-1987", "UHC"}, {"shift_jis", "CP932"},
      {"sjis", "CP932"},          {"x-sjis", "CP932"},       {"windows-31j", "CP932"},
  };
  for (const auto& [name, target] : kLabels) {
    if (label == name) return std::string(target);
  }
  return label;
}

// Converts `bytes` from `charset` with the C library's iconv; bytes it
// cannot decode become U+FFFD and are counted in `replaced`. False when
// iconv does not know the charset.
bool convert_with_iconv(std::string_view bytes, const std::string& charset, std::string& out,
                        std::size_t& replaced) {
  const iconv_t converter = ::iconv_open("UTF-8", charset.c_str());
  if (converter == reinterpret_cast<iconv_t>(-1)) return false;
  struct Closer {
    iconv_t converter;
    ~Closer() { ::iconv_close(converter); }
  } closer{converter};
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 2 + 16);
  std::string chunk(64 * 1024, '\0');
  char* source = const_cast<char*>(bytes.data());  // iconv's signature; never written
  std::size_t source_left = bytes.size();
  bool flushed = false;
  while (!flushed) {
    char* target = chunk.data();
    std::size_t target_left = chunk.size();
    std::size_t result = 0;
    if (source_left > 0) {
      result = ::iconv(converter, &source, &source_left, &target, &target_left);
    } else {
      result = ::iconv(converter, nullptr, nullptr, &target, &target_left);
      flushed = result != static_cast<std::size_t>(-1);
    }
    out.append(chunk.data(), chunk.size() - target_left);
    if (result == static_cast<std::size_t>(-1) && errno != E2BIG) {
      if (source_left == 0) break;  // a shift state that cannot end cleanly
      // EILSEQ or EINVAL: a byte this charset cannot decode.
      out.append(kReplacement);
      ++replaced;
      ++source;
      --source_left;
      ::iconv(converter, nullptr, nullptr, nullptr, nullptr);
    }
  }
  return true;
}

// The page as UTF-8: a byte-order mark wins, then the declared charset,
// then UTF-8. Undeclared bytes that are not UTF-8 and hold no UTF-8
// sequence at all are read as windows-1252, as browsers do; otherwise bad
// bytes become U+FFFD.
std::string decode_page(std::string_view bytes, const std::string& key,
                        std::vector<std::string>& warnings) {
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  const auto label = declared_charset(bytes);
  const auto charset = label.empty() ? std::string("UTF-8") : iconv_name(label);
  const auto bad = find_invalid_utf8(bytes);
  if (charset != "UTF-8") {
    // A page declared in a legacy charset whose bytes are valid UTF-8 with
    // non-ASCII characters is UTF-8: such bytes are all but impossible in a
    // legacy charset, while wrong declarations are common.
    if (bad == std::string_view::npos && has_multibyte_utf8(bytes)) {
      warnings.push_back(key + ": the page declares charset " + label + " but is UTF-8");
      return std::string(bytes);
    }
    std::string out;
    std::size_t replaced = 0;
    if (convert_with_iconv(bytes, charset, out, replaced)) {
      if (replaced > 0) {
        warnings.push_back(key + ": " + std::to_string(replaced) + " bytes not valid in " + label +
                           " replaced");
      }
      return out;
    }
    warnings.push_back(key + ": unknown charset \"" + label + "\"; read as UTF-8");
  }
  if (bad == std::string_view::npos) return std::string(bytes);
  if (label.empty() && !has_multibyte_utf8(bytes)) {
    std::string out;
    std::size_t replaced = 0;
    if (convert_with_iconv(bytes, "CP1252", out, replaced)) {
      warnings.push_back(key + ": no charset declared and not UTF-8; read as windows-1252");
      return out;
    }
  }
  warnings.push_back(key + ": invalid UTF-8 at byte " + std::to_string(bad) + " replaced");
  return repair_utf8(bytes);
}

// Drops a doctype's internal subset ("<!DOCTYPE html [<!ENTITY ...>]>"):
// the HTML parser never expands its entities, but would show the
// declarations as text.
void drop_internal_subset(std::string& page) {
  const auto head = ascii_lower(std::string_view(page).substr(0, kDoctypeProbeBytes));
  const auto doctype = head.find("<!doctype");
  if (doctype == std::string::npos) return;
  const auto bracket = page.find_first_of("[>", doctype);
  if (bracket == std::string::npos || page[bracket] != '[') return;
  auto close = page.find(']', bracket);
  while (close != std::string::npos) {
    auto after = close + 1;
    while (after < page.size() && (page[after] == ' ' || page[after] == '\t' ||
                                   page[after] == '\n' || page[after] == '\r')) {
      ++after;
    }
    if (after < page.size() && page[after] == '>') {
      page.replace(doctype, after + 1 - doctype, "<!DOCTYPE html>");
      return;
    }
    close = page.find(']', close + 1);
  }
}

// ---------------------------------------------------------------------------
// Tree access

struct DocumentFree {
  void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};
struct ParserFree {
  void operator()(htmlParserCtxt* parser) const { htmlFreeParserCtxt(parser); }
};

std::string_view tag_of(const xmlNode* node) {
  return node->name ? reinterpret_cast<const char*>(node->name) : "";
}

bool is_element(const xmlNode* node) {
  return node->type == XML_ELEMENT_NODE;
}

const xmlAttr* find_attribute(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* attribute = node->properties; attribute; attribute = attribute->next) {
    if (attribute->name && name == reinterpret_cast<const char*>(attribute->name)) {
      return attribute;
    }
  }
  return nullptr;
}

// The attribute's value ("" when absent). The HTML parser lower-cases
// attribute names.
std::string attribute(const xmlNode* node, std::string_view name) {
  const auto* found = find_attribute(node, name);
  if (!found) return {};
  xmlChar* value = xmlNodeListGetString(node->doc, found->children, 1);
  std::string result = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return result;
}

// Visits the subtree of `root` in document order. `enter` returns whether to
// descend into the node; `leave` runs after its children (or right after
// `enter` when it has none or was not entered).
template <typename Enter, typename Leave>
void walk(xmlNode* root, Enter&& enter, Leave&& leave) {
  xmlNode* node = root;
  while (node) {
    if (enter(node) && node->children) {
      node = node->children;
      continue;
    }
    for (;;) {
      leave(node);
      if (node == root) return;
      if (node->next) {
        node = node->next;
        break;
      }
      node = node->parent;
    }
  }
}

bool is_text(const xmlNode* node) {
  return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

// The text under `node`, at most about `max_bytes` of it.
std::string text_under(xmlNode* node, std::size_t max_bytes) {
  std::string text;
  walk(
      node,
      [&](xmlNode* current) {
        if (text.size() >= max_bytes) return false;
        if (is_text(current) && current->content) {
          text.append(reinterpret_cast<const char*>(current->content));
        }
        return is_element(current);
      },
      [](xmlNode*) {});
  return text;
}

bool one_of(std::string_view value, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), value) != names.end();
}

// Elements whose text is never article text.
bool is_chrome_tag(std::string_view tag) {
  return one_of(tag, {"script", "style",  "noscript",   "template", "nav",      "header",
                      "footer", "aside",  "form",       "button",   "svg",      "math",
                      "iframe", "figure", "figcaption", "select",   "textarea", "input",
                      "object", "embed",  "canvas",     "video",    "audio",    "picture",
                      "map",    "dialog", "head",       "title",    "label",    "menu"});
}

// Elements whose subtree holds no metadata of the article either.
bool is_opaque_tag(std::string_view tag) {
  return one_of(tag, {"script", "style", "noscript", "template", "svg", "math", "iframe", "object",
                      "textarea", "select", "nav", "aside", "footer"});
}

bool is_block_tag(std::string_view tag) {
  return one_of(
      tag, {"p",     "div",        "section", "article",  "main",  "h1",     "h2",      "h3",
            "h4",    "h5",         "h6",      "li",       "ul",    "ol",     "dl",      "dt",
            "dd",    "blockquote", "pre",     "table",    "tr",    "td",     "th",      "thead",
            "tbody", "tfoot",      "caption", "address",  "hr",    "center", "details", "summary",
            "body",  "html",       "hgroup",  "fieldset", "legend"});
}

// A class or id word that names page furniture rather than the story.
bool is_noise_word(std::string_view word) {
  static const std::string_view kParts[] = {
      "related",    "newsletter",      "share",         "sharing",   "social",       "promo",
      "advert",     "cookie",          "comments",      "comment-",  "disqus",       "sidebar",
      "breadcrumb", "paywall",         "popup",         "modal",     "sponsor",      "recommend",
      "outbrain",   "taboola",         "signup",        "sign-up",   "consent",      "skip-link",
      "sr-only",    "visually-hidden", "screen-reader", "most-read", "most-popular", "trending",
      "read-more",  "more-stories",    "subscribe",
  };
  for (const auto part : kParts) {
    const auto at = word.find(part);
    if (at == std::string_view::npos) continue;
    // "subscriber-content" wraps paywalled story text; "subscribe" boxes do not.
    if (part == "subscribe" && at + part.size() < word.size() && word[at + part.size()] == 'r') {
      continue;
    }
    return true;
  }
  return one_of(word, {"ad", "ads", "adv", "nav", "navbar", "menu", "masthead", "footer",
                       "adsbygoogle"}) ||
         word.starts_with("ad-") || word.starts_with("ads-") || word.starts_with("ad_");
}

// Page furniture by its attributes: noisy class or id words, hidden
// elements, landmark roles that are not the story.
bool is_noise(const xmlNode* node) {
  if (find_attribute(node, "hidden")) return true;
  if (ascii_lower(attribute(node, "aria-hidden")) == "true") return true;
  const auto role = ascii_lower(attribute(node, "role"));
  if (one_of(role, {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog",
                    "search", "menu", "menubar", "toolbar"})) {
    return true;
  }
  auto style = ascii_lower(attribute(node, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos ||
      style.find("visibility:hidden") != std::string::npos) {
    return true;
  }
  for (const auto* name : {"class", "id"}) {
    const auto value = ascii_lower(attribute(node, name));
    std::size_t start = 0;
    while (start < value.size()) {
      const auto end = std::min(value.find_first_of(" \t\n\r\f", start), value.size());
      if (end > start && is_noise_word(std::string_view(value).substr(start, end - start))) {
        return true;
      }
      start = end + 1;
    }
  }
  return false;
}

// Page-wide elements carry page-wide classes ("has-share-bar"): never
// furniture themselves.
bool is_page_tag(std::string_view tag) {
  return one_of(tag, {"html", "body", "main"});
}

// ---------------------------------------------------------------------------
// Survey: metadata and the candidate content roots, in one pass.

enum DateSource : std::size_t {
  kArticlePublished,  // meta property=article:published_time
  kOgPublished,       // og:article:published_time, og:published_time
  kMetaDate,          // meta name=date, pubdate, dc.date, ...
  kItempropDate,      // itemprop=datePublished
  kJsonLdDate,        // JSON-LD datePublished
  kTimeElement,       // the first <time datetime>
  kDateSources,
};

// Content roots in order of preference.
enum Rank : int { kArticleBody, kArticle, kMain, kBody };

struct Candidate {
  xmlNode* node = nullptr;
  Rank rank = kBody;
  std::size_t start = 0;       // text bytes counted before it
  std::size_t text_bytes = 0;  // non-space text bytes in it, furniture excluded
};

struct Survey {
  std::string og_title;
  std::string title_element;
  std::string first_h1;
  std::string site_name;
  std::string canonical;
  std::string og_url;
  std::array<std::vector<std::string>, kDateSources> dates;
  std::vector<Candidate> candidates;
  xmlNode* body = nullptr;
};

void add_date(Survey& survey, DateSource source, std::string value) {
  auto& values = survey.dates[source];
  if (!value.empty() && values.size() < kMaxDateValues) values.push_back(std::move(value));
}

bool contains_word(const std::string& list, std::string_view word) {
  std::size_t start = 0;
  while (start < list.size()) {
    const auto end = std::min(list.find_first_of(" \t\n\r\f", start), list.size());
    if (std::string_view(list).substr(start, end - start) == word) return true;
    start = end + 1;
  }
  return false;
}

void read_meta(const xmlNode* meta, Survey& survey) {
  const auto content = attribute(meta, "content");
  if (content.empty()) return;
  for (const auto* name : {"property", "name", "itemprop"}) {
    const auto key = ascii_lower(attribute(meta, name));
    if (key.empty()) continue;
    const auto fill = [&](std::string& field) {
      if (field.empty()) field = content;
    };
    if (key == "og:title") {
      fill(survey.og_title);
    } else if (key == "og:site_name") {
      fill(survey.site_name);
    } else if (key == "og:url") {
      fill(survey.og_url);
    } else if (key == "article:published_time") {
      add_date(survey, kArticlePublished, content);
    } else if (key == "og:article:published_time" || key == "og:published_time") {
      add_date(survey, kOgPublished, content);
    } else if (one_of(key, {"date", "pubdate", "publishdate", "publish-date", "publish_date",
                            "publication_date", "dc.date", "dc.date.issued", "dc.date.created",
                            "dcterms.date", "dcterms.issued", "dcterms.created"})) {
      add_date(survey, kMetaDate, content);
    } else if (key == "datepublished") {
      add_date(survey, kItempropDate, content);
    }
  }
}

// Article-like schema.org types carry the page's own datePublished; a
// WebPage or an embedded item may carry another.
bool is_article_type(const nlohmann::json& type) {
  const auto article_like = [](const nlohmann::json& name) {
    if (!name.is_string()) return false;
    const auto& text = name.get_ref<const std::string&>();
    return text.find("Article") != std::string::npos || text == "BlogPosting" || text == "Report";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), article_like);
  return article_like(type);
}

void read_json_ld(std::string_view script, Survey& survey) {
  if (script.size() > kMaxJsonLdBytes) return;
  // Values nested deeper than any real JSON-LD are dropped while parsing.
  const nlohmann::json::parser_callback_t shallow = [](int depth, nlohmann::json::parse_event_t,
                                                       nlohmann::json&) { return depth <= 32; };
  const auto json = nlohmann::json::parse(script, shallow, /*allow_exceptions=*/false,
                                          /*ignore_comments=*/true);
  if (json.is_discarded()) return;
  std::string first;
  std::string article;
  std::vector<const nlohmann::json*> pending{&json};
  while (!pending.empty() && article.empty()) {
    const auto* value = pending.back();
    pending.pop_back();
    if (value->is_object()) {
      const auto date = value->find("datePublished");
      if (date != value->end() && date->is_string()) {
        const auto type = value->find("@type");
        if (type != value->end() && is_article_type(*type)) {
          article = date->get<std::string>();
        } else if (first.empty()) {
          first = date->get<std::string>();
        }
      }
    }
    if (value->is_object() || value->is_array()) {
      // Reversed so that values come off the stack in document order.
      std::vector<const nlohmann::json*> children;
      for (const auto& child : *value) {
        if (child.is_object() || child.is_array()) children.push_back(&child);
      }
      pending.insert(pending.end(), children.rbegin(), children.rend());
    }
  }
  add_date(survey, kJsonLdDate, article.empty() ? first : article);
}

bool is_non_space(char c) {
  return !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
}

Survey survey_page(xmlNode* root) {
  Survey survey;
  // Furniture that is not opaque (a <header>, a <figure>): its metadata
  // counts, its text is not article text.
  xmlNode* text_blocked = nullptr;
  std::vector<Candidate> open;
  std::size_t counted = 0;
  const auto enter = [&](xmlNode* node) {
    if (is_text(node)) {
      if (!text_blocked && node->content) {
        const std::string_view content(reinterpret_cast<const char*>(node->content));
        counted +=
            static_cast<std::size_t>(std::count_if(content.begin(), content.end(), is_non_space));
      }
      return false;
    }
    if (!is_element(node)) return false;
    const auto tag = tag_of(node);
    if (tag == "script") {
      if (ascii_lower(attribute(node, "type")).find("ld+json") != std::string::npos) {
        read_json_ld(text_under(node, kMaxJsonLdBytes + 1), survey);
      }
      return false;
    }
    if (tag == "title") {
      if (survey.title_element.empty()) {
        survey.title_element = text_under(node, 4 * kMaxTitleBytes);
      }
      return false;
    }
    const bool noise = !is_page_tag(tag) && is_noise(node);
    // Navigation, related items and the like: nothing inside is about the
    // article, neither text nor metadata.
    if (noise || is_opaque_tag(tag)) return false;
    if (tag == "body" && !survey.body) survey.body = node;
    if (tag == "meta") {
      read_meta(node, survey);
    } else if (tag == "link" && survey.canonical.empty() &&
               contains_word(ascii_lower(attribute(node, "rel")), "canonical")) {
      survey.canonical = attribute(node, "href");
    } else if (tag == "h1" && survey.first_h1.empty()) {
      survey.first_h1 = text_under(node, 4 * kMaxTitleBytes);
    }
    if (tag == "time") add_date(survey, kTimeElement, attribute(node, "datetime"));
    const auto itemprop = ascii_lower(attribute(node, "itemprop"));
    if (tag != "meta" && contains_word(itemprop, "datepublished")) {
      auto value = attribute(node, "datetime");
      if (value.empty()) value = attribute(node, "content");
      if (value.empty()) value = text_under(node, 200);
      add_date(survey, kItempropDate, std::move(value));
    }
    if (!text_blocked && is_chrome_tag(tag)) text_blocked = node;
    if (!text_blocked) {
      if (contains_word(itemprop, "articlebody")) open.push_back({node, kArticleBody, counted, 0});
      if (tag == "article") open.push_back({node, kArticle, counted, 0});
      if (tag == "main") open.push_back({node, kMain, counted, 0});
      if (tag == "body") open.push_back({node, kBody, counted, 0});
    }
    return true;
  };
  const auto leave = [&](xmlNode* node) {
    if (node == text_blocked) text_blocked = nullptr;
    while (!open.empty() && open.back().node == node) {
      auto candidate = open.back();
      open.pop_back();
      candidate.text_bytes = counted - candidate.start;
      survey.candidates.push_back(candidate);
    }
  };
  walk(root, enter, leave);
  return survey;
}

// The element whose paragraphs are the article: the largest
// itemprop=articleBody, else the largest <article>, else the largest <main>,
// else <body>. An <article> or <main> must hold a fifth of the body's text,
// so that teaser cards do not stand in for the story.
xmlNode* content_root(const Survey& survey) {
  std::size_t body_bytes = 0;
  for (const auto& candidate : survey.candidates) {
    if (candidate.node == survey.body) body_bytes = std::max(body_bytes, candidate.text_bytes);
  }
  for (const Rank rank : {kArticleBody, kArticle, kMain}) {
    const Candidate* best = nullptr;
    for (const auto& candidate : survey.candidates) {
      if (candidate.rank == rank && (!best || candidate.text_bytes > best->text_bytes)) {
        best = &candidate;
      }
    }
    if (best && best->text_bytes > 0 &&
        (rank == kArticleBody || best->text_bytes * 5 >= body_bytes)) {
      return best->node;
    }
  }
  return survey.body;
}

// ---------------------------------------------------------------------------
// Paragraphs

// Collects paragraphs: block elements end one, inline ones join their text
// with white space folded to single spaces; <pre> keeps its line breaks.
class ParagraphBuilder {
 public:
  void append(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '\n' && in_pre_ > 0) {
        trim_end(' ');
        if (!current_.empty() && current_.back() != '\n') current_ += '\n';
        space_ = false;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space_ = true;
        continue;
      }
      if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {  // no-break space
        space_ = true;
        ++i;
        continue;
      }
      if (space_ && !current_.empty() && current_.back() != '\n') current_ += ' ';
      space_ = false;
      current_ += c;
    }
  }

  void end_paragraph() {
    trim_end(' ');
    trim_end('\n');
    if (!current_.empty()) paragraphs_.push_back(std::move(current_));
    current_.clear();
    space_ = false;
  }

  void enter_pre() { ++in_pre_; }
  void leave_pre() { --in_pre_; }

  std::vector<std::string> take() {
    end_paragraph();
    return std::move(paragraphs_);
  }

 private:
  void trim_end(char c) {
    while (!current_.empty() && (current_.back() == c || current_.back() == ' ')) {
      current_.pop_back();
    }
  }

  std::vector<std::string> paragraphs_;
  std::string current_;
  bool space_ = false;
  int in_pre_ = 0;
};

std::vector<std::string> paragraphs_of(xmlNode* root, bool drop_noise) {
  ParagraphBuilder builder;
  const xmlNode* skipped = nullptr;  // left right after entering: nothing to close
  walk(
      root,
      [&](xmlNode* node) {
        if (is_text(node)) {
          if (node->content) builder.append(reinterpret_cast<const char*>(node->content));
          return false;
        }
        if (!is_element(node)) return false;
        const auto tag = tag_of(node);
        if (is_chrome_tag(tag) ||
            (drop_noise && node != root && !is_page_tag(tag) && is_noise(node))) {
          skipped = node;
          return false;
        }
        if (tag == "br" || is_block_tag(tag)) builder.end_paragraph();
        if (tag == "pre") builder.enter_pre();
        return true;
      },
      [&](xmlNode* node) {
        if (node == skipped || !is_element(node)) return;
        const auto tag = tag_of(node);
        if (is_block_tag(tag)) builder.end_paragraph();
        if (tag == "pre") builder.leave_pre();
      });
  return builder.take();
}

// ---------------------------------------------------------------------------
// Metadata

// "Story | Site", "Story - Site", "Site: Story" ... without the site name.
std::string without_site_name(const std::string& title, const std::string& site) {
  if (site.empty() || title.size() <= site.size()) return title;
  static const std::string_view kSeparators[] = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " / ", ": "};
  const auto lower_title = ascii_lower(title);
  const auto lower_site = ascii_lower(site);
  for (const auto separator : kSeparators) {
    const auto suffix = std::string(separator) + lower_site;
    if (lower_title.size() > suffix.size() && lower_title.ends_with(suffix)) {
      return title.substr(0, title.size() - suffix.size());
    }
    const auto prefix = lower_site + std::string(separator);
    if (lower_title.size() > prefix.size() && lower_title.starts_with(prefix)) {
      return title.substr(prefix.size());
    }
  }
  return title;
}

bool is_web_url(const std::string& url) {
  const auto lower = ascii_lower(url.substr(0, 8));
  return lower.starts_with("http://") || lower.starts_with("https://");
}

// The canonical link resolved against og:url when it is relative, else
// og:url; only http(s) addresses.
std::string page_url(const Survey& survey) {
  const auto og_url = clean_field(survey.og_url, kMaxUrlBytes + 1);
  auto canonical = clean_field(survey.canonical, kMaxUrlBytes + 1);
  if (!canonical.empty() && !is_web_url(canonical) && is_web_url(og_url)) {
    xmlChar* resolved = xmlBuildURI(reinterpret_cast<const xmlChar*>(canonical.c_str()),
                                    reinterpret_cast<const xmlChar*>(og_url.c_str()));
    canonical = resolved ? reinterpret_cast<const char*>(resolved) : "";
    xmlFree(resolved);
  }
  const auto usable = [](const std::string& url) {
    return is_web_url(url) && url.size() <= kMaxUrlBytes;
  };
  if (usable(canonical)) return canonical;
  if (usable(og_url)) return og_url;
  return {};
}

}  // namespace

Document read_html_document(std::string_view bytes, const std::string& key,
                            std::vector<std::string>& warnings) {
  std::string page;
  if (auto decoded = decode_utf16(bytes)) {
    if (const auto reason = binary_reason(decoded->utf8); !reason.empty()) {
      throw IngestError(key, reason);
    }
    warnings.push_back(key + ": decoded from " + std::string(decoded->encoding));
    page = std::move(decoded->utf8);
  } else {
    if (const auto reason = binary_reason(bytes); !reason.empty()) throw IngestError(key, reason);
    if (is_blank(bytes)) throw IngestError(key, "empty document");
    page = decode_page(bytes, key, warnings);
  }
  if (is_blank(page)) throw IngestError(key, "empty document");
  // NUL bytes past the first 8 KB: libxml2 would read them as spaces at best.
  if (const auto nuls = static_cast<std::size_t>(std::count(page.begin(), page.end(), '\0'))) {
    page.erase(std::remove(page.begin(), page.end(), '\0'), page.end());
    warnings.push_back(key + ": " + std::to_string(nuls) + " NUL bytes removed");
  }
  drop_internal_subset(page);
  if (page.size() > static_cast<std::size_t>(INT_MAX)) {
    throw IngestError(key,
                      "HTML page too large to parse (" + std::to_string(page.size()) + " bytes)");
  }

  xmlInitParser();
  std::unique_ptr<htmlParserCtxt, ParserFree> parser(htmlNewParserCtxt());
  if (!parser) throw IngestError(key, "cannot create an HTML parser (out of memory)");
  // The page is UTF-8 by now: its own charset declaration must not apply
  // again. Without HTML_PARSE_HUGE libxml2 stops at 256 levels of nesting.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC;
  std::unique_ptr<xmlDoc, DocumentFree> tree(htmlCtxtReadMemory(
      parser.get(), page.data(), static_cast<int>(page.size()), nullptr, "UTF-8", options));
  if (parser->disableSAX) {
    warnings.push_back(key + ": the HTML parser stopped early (elements nested deeper than " +
                       std::to_string(xmlParserMaxDepth) + " levels); the rest was ignored");
  }
  xmlNode* root = tree ? xmlDocGetRootElement(tree.get()) : nullptr;
  if (!root) throw IngestError(key, "no body text");

  const auto survey = survey_page(root);
  if (!survey.body) throw IngestError(key, "no body text");
  xmlNode* content = content_root(survey);
  auto paragraphs = paragraphs_of(content, /*drop_noise=*/true);
  // Furniture detection is a guess: when it leaves nothing, take everything
  // but the chrome elements.
  if (paragraphs.empty()) paragraphs = paragraphs_of(content, false);
  if (paragraphs.empty() && content != survey.body) {
    paragraphs = paragraphs_of(survey.body, true);
    if (paragraphs.empty()) paragraphs = paragraphs_of(survey.body, false);
  }
  if (paragraphs.empty()) throw IngestError(key, "no body text");

  Document document;
  document.key = key;
  document.origin = "html";
  document.source = clean_field(survey.site_name, kMaxTitleBytes);
  for (const auto* candidate : {&survey.og_title, &survey.title_element, &survey.first_h1}) {
    bool cut = false;
    document.title =
        without_site_name(clean_field(*candidate, kMaxTitleBytes, &cut), document.source);
    if (document.title.empty()) continue;
    if (cut) {
      warnings.push_back(key + ": the title was cut to " + std::to_string(kMaxTitleBytes) +
                         " bytes");
    }
    break;
  }
  document.url = page_url(survey);

  const std::string* unreadable = nullptr;
  for (const auto& values : survey.dates) {
    for (const auto& value : values) {
      document.published = parse_publication_date(value);
      if (document.published) break;
      if (!unreadable) unreadable = &value;
    }
    if (document.published) break;
  }
  if (!document.published && unreadable) {
    warnings.push_back(key + ": unreadable publication date \"" + clean_field(*unreadable, 100) +
                       "\" ignored");
  }

  // The title line, then the paragraphs; the headline repeated at the top of
  // the story is dropped.
  if (!document.title.empty()) {
    const auto first = paragraphs.begin();
    const auto last = first + std::min<std::ptrdiff_t>(std::ssize(paragraphs), 3);
    if (const auto repeated = std::find(first, last, document.title); repeated != last) {
      paragraphs.erase(repeated);
    }
    document.text = document.title;
  }
  for (const auto& paragraph : paragraphs) {
    if (!document.text.empty()) document.text += "\n\n";
    document.text += paragraph;
  }
  if (paragraphs.empty()) throw IngestError(key, "no body text");
  return document;
}

}  // namespace geokg::readers

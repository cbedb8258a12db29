#include <catch2/catch.hpp>

#include "text_escape.hpp"

using namespace geokg;

TEST_CASE("clean_text keeps letters and drops what exports cannot carry", "[export][escape]") {
  CHECK(escape::clean_text("Erdoğan, Зеленський, 金正恩") == "Erdoğan, Зеленський, 金正恩");
  CHECK(escape::clean_text("a\tb\nc\rd") == "a b c d");
  CHECK(escape::clean_text(std::string("nul\0byte", 8)) == "nulbyte");
  CHECK(escape::clean_text("bell\x07 esc\x1b del\x7f") == "bell esc del");
  CHECK(escape::clean_text("c1\xc2\x85next") == "c1next");            // U+0085
  CHECK(escape::clean_text("bad\xff\xfe byte") == "bad\xef\xbf\xbd\xef\xbf\xbd byte");
  CHECK(escape::clean_text("\xef\xbf\xbf") == "");                     // U+FFFF
  CHECK(escape::clean_text("\xd7\x90\xd7\x91 rtl \xe2\x80\x8f") == "\xd7\x90\xd7\x91 rtl \xe2\x80\x8f");
}

TEST_CASE("xml escapes markup characters", "[export][escape]") {
  CHECK(escape::xml("A & B <x> \"q\" 'a'") == "A &amp; B &lt;x&gt; &quot;q&quot; &apos;a&apos;");
  CHECK(escape::xml("]]> --") == "]]&gt; --");
}

TEST_CASE("dot escapes quotes and backslashes", "[export][escape]") {
  CHECK(escape::dot("say \"hi\"") == "say \\\"hi\\\"");
  CHECK(escape::dot("C:\\path\\") == "C:\\\\path\\\\");
  CHECK(escape::dot("node") == "node");  // safe: every id is quoted by the writer
  CHECK(escape::dot("line\nbreak") == "line break");
}

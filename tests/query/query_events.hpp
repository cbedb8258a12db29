// The events of the hand-checked query store, shared by the library and
// command-line tests.
#pragma once

#include <string>

namespace geokg::test {

// Seventeen events (ids in line order). Undirected, the actor graph is:
//
//   xi-jinping - vladimir-putin - china        lavrov - iran
//                     | (4 events)                        |
//   kim-yo-jong - kim-jong-un - sergei-shoigu            russia - ukraine - nato
//        \                           |                  /
//         `------------------- north-korea ------------'
//
//   fumio-kishida - yoon-suk-yeol (a component of its own)
//
// Event 17 (Putin, no target) adds the alias "President Putin".
inline const std::string kQueryEvents =
    R"({"document": "summit", "source": {"id": "kim-jong-un", "name": "Kim Jong Un", "code": "PRKGOV", "type": "person"}, "target": {"id": "vladimir-putin", "name": "Vladimir Putin", "code": "RUSGOV", "type": "person"}, "event": {"code": "042"}, "date": "2023-09-13", "sentence": 0, "text": "Kim arrived at the cosmodrome."})"
    "\n"
    R"({"document": "summit", "source": {"id": "vladimir-putin", "name": "Vladimir Putin"}, "target": {"id": "kim-jong-un", "name": "Kim Jong Un"}, "event": {"code": "043"}, "date": "2023-09-13", "sentence": 1, "text": "Putin welcomed Kim."})"
    "\n"
    R"({"document": "summit", "source": {"id": "vladimir-putin", "name": "Vladimir Putin"}, "target": {"id": "kim-jong-un", "name": "Kim Jong Un"}, "event": {"code": "046"}, "date": "2023-09-13", "sentence": 2, "text": "The leaders held talks."})"
    "\n"
    R"({"document": "summit", "source": {"id": "kim-jong-un", "name": "Kim Jong Un"}, "target": {"id": "vladimir-putin", "name": "Vladimir Putin"}, "event": {"code": "0312"}, "date": "2023-09-13", "sentence": 3, "text": "Kim pledged support to Moscow."})"
    "\n"
    R"({"document": "pyongyang", "source": {"id": "sergei-shoigu", "name": "Sergei Shoigu", "code": "RUSMIL", "type": "person"}, "target": {"id": "north-korea", "name": "North Korea", "code": "PRK", "type": "country"}, "event": {"code": "042"}, "date": "2023-07-26", "text": "Shoigu arrived in Pyongyang."})"
    "\n"
    R"({"document": "pyongyang", "source": {"id": "kim-jong-un", "name": "Kim Jong Un"}, "target": {"id": "sergei-shoigu", "name": "Sergei Shoigu"}, "event": {"code": "043"}, "date": "2023-07-26", "text": "Kim received Shoigu."})"
    "\n"
    R"({"document": "munitions", "source": {"id": "north-korea", "name": "North Korea"}, "target": {"id": "russia", "name": "Russia", "code": "RUS", "type": "country"}, "event": {"code": "072"}, "date": "2023-10", "text": "North Korea shipped munitions to Russia."})"
    "\n"
    R"({"document": "drones", "source": {"id": "iran", "name": "Iran", "code": "IRN", "type": "country"}, "target": {"id": "russia", "name": "Russia"}, "event": {"code": "072"}, "date": "2022-10", "text": "Iran supplied drones to Russia."})"
    "\n"
    R"({"document": "invasion", "source": {"id": "russia", "name": "Russia"}, "target": {"id": "ukraine", "name": "Ukraine", "code": "UKR", "type": "country"}, "event": {"code": "190"}, "date": "2022-02-24", "text": "Russian forces crossed into Ukraine."})"
    "\n"
    R"({"document": "beijing", "source": {"id": "vladimir-putin", "name": "Vladimir Putin"}, "target": {"id": "china", "name": "China", "code": "CHN", "type": "country"}, "event": {"code": "042"}, "date": "2023-10-17", "text": "Putin arrived in Beijing."})"
    "\n"
    R"({"document": "beijing", "source": {"id": "xi-jinping", "name": "Xi Jinping", "code": "CHNGOV", "type": "person"}, "target": {"id": "vladimir-putin", "name": "Vladimir Putin"}, "event": {"code": "043"}, "date": "2023-10-18", "text": "Xi hosted Putin."})"
    "\n"
    R"({"document": "vilnius", "source": {"id": "nato", "name": "North Atlantic Treaty Organization", "code": "IGOWSTNAT", "type": "organization"}, "target": {"id": "ukraine", "name": "Ukraine"}, "event": {"code": "042"}, "date": "2023-07-11", "text": "NATO leaders met in Vilnius."})"
    "\n"
    R"({"document": "tehran", "source": {"id": "sergey-lavrov", "name": "Sergey Lavrov", "code": "RUSGOV", "type": "person"}, "target": {"id": "iran", "name": "Iran"}, "event": {"code": "040"}, "date": "2023-01", "text": "Lavrov consulted Tehran."})"
    "\n"
    R"({"document": "statement", "source": {"id": "kim-yo-jong", "name": "Kim Yo Jong", "code": "PRKGOV", "type": "person"}, "target": {"id": "north-korea", "name": "North Korea"}, "event": {"code": "010"}, "date": "2023-08", "text": "Kim Yo Jong spoke on state media."})"
    "\n"
    R"({"document": "statement", "source": {"id": "kim-yo-jong", "name": "Kim Yo Jong"}, "target": {"id": "kim-jong-un", "name": "Kim Jong Un"}, "event": {"code": "010"}, "date": "2023-08", "text": "She praised her brother."})"
    "\n"
    R"({"document": "tokyo", "source": {"id": "fumio-kishida", "name": "Fumio Kishida", "code": "JPNGOV", "type": "person"}, "target": {"id": "yoon-suk-yeol", "name": "Yoon Suk Yeol", "code": "KORGOV", "type": "person"}, "event": {"code": "042"}, "date": "2023-03-16", "text": "Kishida welcomed Yoon in Tokyo."})"
    "\n"
    R"({"document": "alias", "source": {"id": "vladimir-putin", "name": "President Putin"}, "event": {"code": "010"}, "date": "2023-12", "text": "President Putin made a statement."})"
    "\n";

}  // namespace geokg::test

// CSV node and edge tables with the column names of Gephi's spreadsheet
// importer (Id, Label; Source, Target, Type, Id, Label, Weight), then
// geokg's attributes. Missing values are empty fields.
#include "geokg/export.hpp"
#include "output.hpp"
#include "style.hpp"

namespace geokg {

void write_csv_nodes(const ActorGraph& graph, std::ostream& stream) {
  Output out(stream);
  out << "Id,Label,kind,code,country,agent,type,events,size,date,sentence,document,event_id\r\n";
  for (const auto vertex : boost::make_iterator_range(boost::vertices(graph))) {
    const GraphNode& node = graph[vertex];
    out.csv(node.key) << ",";
    out.csv(node.name) << "," << style::to_string(node.kind) << ",";
    if (node.kind == NodeKind::Event) {
      out << node.event->code << ",,,,";
    } else {
      out.csv(node.code) << ",";
      out.csv(node.country) << ",";
      out.csv(node.agent) << "," << to_string(node.type);
    }
    out << "," << node.events << ",";
    out.number(style::node_size(node.events)) << ",";
    if (node.date) out << node.date->iso();
    out << ",";
    if (node.sentence) out << *node.sentence;
    out << ",";
    out.csv(node.document) << ",";
    if (node.event_id) out << node.event_id;
    out << "\r\n";
    out.boundary();
  }
  out.flush();
}

void write_csv_edges(const ActorGraph& graph, std::ostream& stream) {
  Output out(stream);
  out << "Source,Target,Type,Id,Label,Weight,code,root,quad,goldstein,date,first_date,"
         "last_date,count,event_id,color,role\r\n";
  std::size_t index = 0;
  std::string label;
  for (const auto edge : boost::make_iterator_range(boost::edges(graph))) {
    const RelationEdge& relation = graph[edge];
    const EventCodeInfo& event = *relation.event;
    out.csv(graph[boost::source(edge, graph)].key) << ",";
    out.csv(graph[boost::target(edge, graph)].key)
        << ",Directed," << style::edge_id(relation, index++) << ",";
    label.assign(event.code).append(" ").append(event.label);  // reuses its storage
    out.csv(label) << ",";
    out.number(relation.weight()) << "," << event.code << ","
                                  << std::string_view(event.code).substr(0, 2) << ","
                                  << static_cast<int>(event.quad()) << ",";
    out.number(relation.mean_goldstein()) << ",";
    const auto first = relation.first_date ? relation.first_date->iso() : std::string();
    out << first << "," << first << ","
        << (relation.last_date ? relation.last_date->iso() : std::string()) << ","
        << relation.count << ",";
    if (relation.event_id) out << relation.event_id;
    out << "," << style::quad_colour(event.quad()) << "," << style::to_string(relation.role)
        << "\r\n";
    out.boundary();
  }
  out.flush();
}

}  // namespace geokg

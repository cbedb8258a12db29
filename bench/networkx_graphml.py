#!/usr/bin/python3
"""The networkx side of the GraphML export benchmark (run by bench/run).

Reads the per-event actor graph from a geokg SQLite database with the sqlite3
module, builds a networkx MultiDiGraph with the nodes, edges and attributes
that `geokg export --format graphml --edges event` writes, and times only
nx.write_graphml on it. Prints one JSON object on standard output.

    /usr/bin/python3 bench/networkx_graphml.py --db geokg.db --out graph.graphml
"""

import argparse
import json
import resource
import sqlite3
import sys
import time

import networkx as nx

QUAD_COLOURS = {1: "#4caf50", 2: "#1e88e5", 3: "#fb8c00", 4: "#e53935"}

EDGE_SQL = """
SELECT e.id, sa.key, ta.key, e.code, c.label, c.root, c.quad, c.goldstein, e.date
FROM events e
JOIN event_participants sp ON sp.event_id = e.id AND sp.role = 'source'
JOIN actors sa ON sa.id = sp.actor_id
JOIN event_participants tp ON tp.event_id = e.id AND tp.role = 'target'
JOIN actors ta ON ta.id = tp.actor_id
JOIN cameo_event_codes c ON c.code = e.code
WHERE NOT e.negated
ORDER BY e.id
"""

ACTOR_SQL = "SELECT key, name, code, country, agent, type FROM actors ORDER BY key"


def build_graph(db_path):
    """The per-event graph: one edge per event with a source and a target, not negated
    (geokg export leaves negated events out unless --include-negated)."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    edges = []
    events = {}
    for row in connection.execute(EDGE_SQL):
        event_id, source, target, code, label, root, quad, goldstein, date = row
        events[source] = events.get(source, 0) + 1
        if target != source:
            events[target] = events.get(target, 0) + 1
        attributes = {
            "label": f"{code} {label}",
            "code": code,
            "root": root,
            "quad": int(quad),
            "goldstein": float(goldstein),
        }
        if date:
            attributes["date"] = date
            attributes["first_date"] = date
            attributes["last_date"] = date
        attributes["count"] = 1
        attributes["weight"] = 1.0
        attributes["event_id"] = int(event_id)
        attributes["color"] = QUAD_COLOURS.get(int(quad), "#777777")
        edges.append((source, target, f"ev{event_id}", attributes))

    graph = nx.MultiDiGraph(geokg_format="geokg-graphml/1")
    for key, name, code, country, agent, kind in connection.execute(ACTOR_SQL):
        if key not in events:
            continue
        attributes = {"label": name, "code": code, "country": country, "agent": agent,
                      "type": kind}
        attributes = {k: v for k, v in attributes.items() if v}
        attributes["events"] = events[key]
        graph.add_node(key, **attributes)
    graph.add_edges_from(edges)
    connection.close()
    return graph


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="geokg SQLite database")
    parser.add_argument("--out", required=True, help="GraphML file to write")
    args = parser.parse_args()

    start = time.perf_counter()
    graph = build_graph(args.db)
    built = time.perf_counter()
    rss_before_write_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    start_write = time.perf_counter()
    nx.write_graphml(graph, args.out)
    write_seconds = time.perf_counter() - start_write

    try:
        import lxml  # noqa: F401  (only to report which writer networkx used)
        writer = "lxml"
    except ImportError:
        writer = "xml.etree"
    edges = graph.number_of_edges()
    print(json.dumps({
        "networkx": nx.__version__,
        "python": sys.version.split()[0],
        "writer": writer,
        "nodes": graph.number_of_nodes(),
        "edges": edges,
        "build_seconds": round(built - start, 3),
        "write_seconds": round(write_seconds, 3),
        "edges_per_second": round(edges / write_seconds, 1) if write_seconds > 0 else None,
        "peak_rss_before_write_kb": rss_before_write_kb,
        "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main()

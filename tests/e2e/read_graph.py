#!/usr/bin/python3
"""Reads an exported graph with real third-party libraries and prints what
they saw as one JSON object, for the end-to-end tests to assert on.

usage: read_graph.py graphml FILE   (networkx and igraph)
       read_graph.py json FILE      (networkx.node_link_graph)
       read_graph.py csv BASE       (Python's csv module on BASE.nodes.csv, BASE.edges.csv)
"""
import json
import sys


def read_graphml(path):
    import igraph
    import networkx

    nx_graph = networkx.read_graphml(path)
    ig_graph = igraph.Graph.Read_GraphML(path)
    edges = []
    for source, target, data in nx_graph.edges(data=True):
        edges.append({"source": source, "target": target, **data})
    edges.sort(key=lambda e: (e["source"], e["target"], e["code"]))
    return {
        "networkx": {
            "nodes": nx_graph.number_of_nodes(),
            "edges": nx_graph.number_of_edges(),
            "directed": nx_graph.is_directed(),
            "labels": {n: d.get("label") for n, d in nx_graph.nodes(data=True)},
            "codes": {n: d.get("code") for n, d in nx_graph.nodes(data=True)},
            "edge_list": edges,
        },
        "igraph": {
            "nodes": ig_graph.vcount(),
            "edges": ig_graph.ecount(),
            "labels": sorted(ig_graph.vs["label"]),
            "goldstein_types": sorted({type(g).__name__ for g in ig_graph.es["goldstein"]}),
        },
    }


def read_json(path):
    import networkx

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    graph = networkx.node_link_graph(data)
    edges = [{"source": s, "target": t, "key": k, **d} for s, t, k, d in graph.edges(keys=True, data=True)]
    edges.sort(key=lambda e: e["key"])
    return {
        "format": data["graph"]["geokg_format"],
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
        "labels": {n: d.get("label") for n, d in graph.nodes(data=True)},
        "kinds": sorted({d.get("kind") for _, d in graph.nodes(data=True)}),
        "edge_list": edges,
    }


def read_csv(base):
    import csv

    with open(base + ".nodes.csv", newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(base + ".edges.csv", newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    return {
        "node_columns": list(nodes[0].keys()) if nodes else [],
        "edge_columns": list(edges[0].keys()) if edges else [],
        "nodes": len(nodes),
        "edges": len(edges),
        "labels": {row["Id"]: row["Label"] for row in nodes},
        "edge_list": edges,
    }


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    readers = {"graphml": read_graphml, "json": read_json, "csv": read_csv}
    if kind not in readers:
        sys.exit(f"unknown kind {kind}")
    json.dump(readers[kind](path), sys.stdout, ensure_ascii=False)

#!/usr/bin/python3
"""Reads an exported graph with real third-party libraries and prints what
they saw as one JSON object, for the end-to-end tests to assert on.

usage: read_graph.py graphml FILE   (networkx and igraph)
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


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    if kind != "graphml":
        sys.exit(f"unknown kind {kind}")
    json.dump(read_graphml(path), sys.stdout, ensure_ascii=False)

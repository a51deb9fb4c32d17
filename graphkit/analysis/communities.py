"""Communities (Louvain) and ego networks.

>>> from graphkit.analysis.example import example_graph
>>> G = example_graph()
>>> [(r["community"], r["size"]) for r in communities(G, layer="meetings")]
[(1, 3), (2, 2)]
>>> [(r["actor"], r["distance"]) for r in ego_table(G, "Sokolova", layer="meetings")]
[('Marina Sokolova', 0), ('António Ferreira', 1)]
"""
from __future__ import annotations

import networkx as nx

from .layers import layer_names, layer_view
from .lookup import find_actor


def communities(G, layer: str = "both", seed=42, resolution: float = 1.0) -> list[dict]:
    """Louvain communities of ``layer`` (weighted), reproducible with ``seed`` (in any process).

    Rows ``{community, size, members}``: largest community first (id 1),
    members sorted by weighted degree (then name).
    """
    H = layer_view(G, layer, isolated=False)
    if not len(H):
        return []
    # Louvain on integer nodes (in name order): with string nodes networkx's sets iterate in an order
    # that changes with each process (hash randomization), and so would the communities
    names = sorted(H, key=str)
    number = {v: i for i, v in enumerate(names)}
    K = nx.Graph()
    K.add_nodes_from(range(len(names)))
    K.add_edges_from(sorted((min(number[u], number[v]), max(number[u], number[v]), {"weight": d["weight"]})
                            for u, v, d in H.edges(data=True)))
    parts = [{names[i] for i in p} for p in
             nx.community.louvain_communities(K, weight="weight", resolution=resolution, seed=seed)]
    strength = dict(H.degree(weight="weight"))
    groups = [sorted(p, key=lambda v: (-strength[v], str(v))) for p in parts]
    groups.sort(key=lambda g: (-len(g), str(g[0])))
    return [{"community": i, "size": len(g), "members": g} for i, g in enumerate(groups, 1)]


def _within(G, actor, depth, layer):
    H = layer_view(G, layer, isolated=False)
    if actor not in H:
        return H, {actor: 0}
    return H, nx.single_source_shortest_path_length(H, actor, cutoff=depth)


def ego(G, actor: str, depth: int = 1, layer: str = "both") -> nx.MultiGraph:
    """The actor, the actors within ``depth`` hops on ``layer``, and the layer's edges among them.

    A sub-MultiGraph (copy) of ``G`` keeping the original edge attributes.
    """
    node = find_actor(G, actor)
    _, dist = _within(G, node, depth, layer)
    wanted = set(layer_names(layer))
    E = nx.MultiGraph()
    E.graph.update(G.graph, ego=node, depth=depth, layer=layer)
    E.add_nodes_from((v, G.nodes[v]) for v in dist)
    E.add_edges_from((u, v, k, d) for u, v, k, d in G.subgraph(dist).edges(keys=True, data=True)
                     if d.get("layer") in wanted)
    return E


def ego_table(G, actor: str, depth: int = 1, layer: str = "both") -> list[dict]:
    """Rows ``{actor, type, country, distance, weight}`` of the ego network.

    ``distance`` is in hops from the centre, ``weight`` the summed weight of
    the edges with the centre (0 for actors reached through others). Sorted by
    distance, then weight (descending), then name.
    """
    node = find_actor(G, actor)
    H, dist = _within(G, node, depth, layer)
    rows = []
    for v, hops in dist.items():
        data = G.nodes[v]
        w = H[node][v]["weight"] if v != node and H.has_edge(node, v) else 0
        rows.append({"actor": v, "type": data.get("type"), "country": data.get("country"),
                     "distance": hops, "weight": w})
    rows.sort(key=lambda r: (r["distance"], -r["weight"], str(r["actor"])))
    return rows

"""Node positions for the views, computed in Python so the page needs no physics.

:func:`spring_positions` is a vectorised Fruchterman-Reingold (the algorithm of
``networkx.spring_layout``) on numpy only: networkx needs scipy for graphs of
500 nodes or more, and its sparse variant loops over the nodes in Python.
Repulsion is computed in blocks of rows, so memory stays bounded; a 3,000-node
graph takes about two seconds.

>>> pos = spring_positions(3, [(0, 1, 1.0), (1, 2, 1.0)], seed=1)
>>> pos.shape
(3, 2)
>>> import numpy as np
>>> bool(np.allclose(pos, spring_positions(3, [(0, 1, 1.0), (1, 2, 1.0)], seed=1)))  # seeded
True
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

#: Cells of the pairwise block computed at once (rows x nodes).
_BLOCK = 4_000_000


def spring_positions(n: int, edges: Iterable[tuple[int, int, float]], *, seed: int = 42,
                     iterations: int | None = None, gravity: float = 2.0, hub_repulsion: float = 1.0) -> np.ndarray:
    """``(n, 2)`` positions of nodes ``0..n-1`` linked by ``edges`` ``(i, j, weight)``.

    Coordinates are centred on 0, roughly in ``[-1, 1]``. ``hub_repulsion``: how much
    more a well-connected node pushes the others away (ForceAtlas2-like), so hubs
    do not pile up in the middle. ``gravity`` pulls
    every node a little towards the centre so that components and isolated
    actors stay close to the rest instead of drifting to the border.
    """
    if n <= 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    edges = [(i, j, w) for i, j, w in edges if i != j]
    if iterations is None:
        iterations = 120 if n <= 500 else 80 if n <= 1500 else 50
    big = n > 1500
    dtype = np.float32 if big else np.float64
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)).astype(dtype)
    k = math.sqrt(1.0 / n)
    k2 = dtype(k * k)
    t = 0.1
    dt = t / (iterations + 1)
    if edges:
        I = np.fromiter((e[0] for e in edges), dtype=np.int64, count=len(edges))
        J = np.fromiter((e[1] for e in edges), dtype=np.int64, count=len(edges))
        W = np.fromiter((e[2] for e in edges), dtype=np.float64, count=len(edges)).astype(dtype)
    rows = max(1, _BLOCK // n)
    # hubs push harder (ForceAtlas2's degree-weighted repulsion), so they do not pile up in the middle
    deg = np.zeros(n)
    if edges:
        np.add.at(deg, I, 1)
        np.add.at(deg, J, 1)
    mass = (1.0 + np.log1p(deg) * hub_repulsion).astype(dtype)
    mass /= mass.mean()
    eps = dtype((0.01 * k) ** 2)
    for _ in range(iterations):
        x, y = pos[:, 0], pos[:, 1]
        disp = np.empty_like(pos)
        for s in range(0, n, rows):
            e = min(n, s + rows)
            dx = x[s:e, None] - x[None, :]
            dy = y[s:e, None] - y[None, :]
            d2 = dx * dx + dy * dy
            np.maximum(d2, eps, out=d2)
            f = k2 / d2
            f *= mass[s:e, None]
            f *= mass[None, :]
            disp[s:e, 0] = (dx * f).sum(axis=1)
            disp[s:e, 1] = (dy * f).sum(axis=1)
        if edges:
            delta = pos[I] - pos[J]
            dist = np.sqrt((delta * delta).sum(axis=1))
            pull = delta * (W * dist / dtype(k))[:, None]
            for c in (0, 1):
                disp[:, c] -= np.bincount(I, weights=pull[:, c], minlength=n).astype(dtype)
                disp[:, c] += np.bincount(J, weights=pull[:, c], minlength=n).astype(dtype)
        if gravity:  # constant pull towards the centre (as ForceAtlas2's gravity)
            off = pos - pos.mean(axis=0)
            norm = np.sqrt((off * off).sum(axis=1))
            np.maximum(norm, 1e-9, out=norm)
            disp -= off * (dtype(gravity) / norm)[:, None]
        length = np.sqrt((disp * disp).sum(axis=1))
        np.maximum(length, 0.01, out=length)
        pos += disp * (dtype(t) / length)[:, None]
        t -= dt
    pos = pos.astype(np.float64)
    pos -= np.median(pos, axis=0)
    # scale on the bulk of the nodes (a far outlier does not squash the rest), then pull outliers in
    r = float(np.quantile(np.sqrt((pos * pos).sum(axis=1)), 0.98))
    if r <= 0:
        return pos
    pos /= r
    dist = np.sqrt((pos * pos).sum(axis=1))
    far = dist > 1.05
    pos[far] *= ((1.05 + np.log1p(dist[far] - 1.05) * 0.2) / dist[far])[:, None]
    return pos

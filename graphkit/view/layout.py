"""Node positions for the views, computed in Python so the page needs no physics.

:func:`spring_positions` is a vectorised Fruchterman-Reingold (the algorithm of
``networkx.spring_layout``) on numpy only: networkx needs scipy for graphs of
500 nodes or more, and its sparse variant loops over the nodes in Python.
Repulsion is computed in blocks of rows, so memory stays bounded; a 3,000-node
graph takes about two seconds. Optionally each node is pulled towards the
centre of its group (community), so communities come out as separate clumps.

:func:`view_positions` is the layout of the HTML view: the actors shown by
default (the *core*) are laid out first, on their own, so that the first
picture uses the whole canvas; the others are then placed around them with
the core held still. :func:`separate_labels` moves the labelled actors apart
until their label boxes no longer overlap.

>>> pos = spring_positions(3, [(0, 1, 1.0), (1, 2, 1.0)], seed=1)
>>> pos.shape
(3, 2)
>>> import numpy as np
>>> bool(np.allclose(pos, spring_positions(3, [(0, 1, 1.0), (1, 2, 1.0)], seed=1)))  # seeded
True
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

#: Cells of the pairwise block computed at once (rows x nodes).
_BLOCK = 4_000_000
#: Weight of a link between two communities, relative to one inside a community (view layout).
INTER_COMMUNITY = 0.3
#: Pull of each node towards the centre of its community (view layout).
COMMUNITY_PULL = 3.0


def spring_positions(n: int, edges: Iterable[tuple[int, int, float]], *, seed: int = 42,
                     iterations: int | None = None, gravity: float = 2.0, hub_repulsion: float = 1.0,
                     groups: Sequence[int] | None = None, group_pull: float = 0.0,
                     init: np.ndarray | None = None, fixed: Sequence[bool] | None = None,
                     k: float | None = None, temperature: float = 0.1, normalize: bool = True) -> np.ndarray:
    """``(n, 2)`` positions of nodes ``0..n-1`` linked by ``edges`` ``(i, j, weight)``.

    Coordinates are centred on 0, roughly in ``[-1, 1]`` (``normalize=False``
    leaves them as computed). ``hub_repulsion``: how much more a
    well-connected node pushes the others away (ForceAtlas2-like), so hubs
    do not pile up in the middle. ``gravity`` pulls every node a little
    towards the centre so that components and isolated actors stay close to
    the rest instead of drifting to the border.

    ``groups`` (one int per node, negative: none) with ``group_pull`` > 0
    pulls each node towards the current centre of its group. ``init``:
    starting positions (default random in the unit square); ``fixed``: nodes
    that do not move; ``k``: ideal distance between nodes (default
    ``sqrt(1/n)``, for a unit area); ``temperature``: the largest step.
    """
    if n <= 0:
        return np.zeros((0, 2))
    if n == 1 and init is None:
        return np.zeros((1, 2))
    edges = [(i, j, w) for i, j, w in edges if i != j]
    if iterations is None:
        iterations = 120 if n <= 500 else 80 if n <= 1500 else 50
    big = n > 1500
    dtype = np.float32 if big else np.float64
    rng = np.random.default_rng(seed)
    pos = (rng.random((n, 2)) if init is None else np.array(init, dtype=np.float64)).astype(dtype)
    k = math.sqrt(1.0 / n) if k is None else float(k)
    k2 = dtype(k * k)
    t = float(temperature)
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
    moving = None if fixed is None else ~np.asarray(fixed, dtype=bool)
    if groups is not None and group_pull > 0:
        gid = np.asarray(groups, dtype=np.int64)
        in_group = gid >= 0
        _, gidx = np.unique(np.where(in_group, gid, -1), return_inverse=True)
        gidx = gidx.reshape(-1)
        n_groups = int(gidx.max()) + 1 if n else 0
        size = np.bincount(gidx[in_group], minlength=n_groups).astype(dtype)
    else:
        in_group = None
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
        if in_group is not None and in_group.any():  # a spring from each member to its community's centre
            centre = np.zeros((n_groups, 2), dtype=dtype)
            for c in (0, 1):
                centre[:, c] = np.bincount(gidx[in_group], weights=pos[in_group, c], minlength=n_groups)
            centre /= np.maximum(size, 1)[:, None]
            off = pos[in_group] - centre[gidx[in_group]]
            dist = np.sqrt((off * off).sum(axis=1))
            disp[in_group] -= off * (dtype(group_pull) * dist / dtype(k))[:, None]
        if gravity:  # constant pull towards the centre (as ForceAtlas2's gravity)
            off = pos - pos.mean(axis=0)
            norm = np.sqrt((off * off).sum(axis=1))
            np.maximum(norm, 1e-9, out=norm)
            disp -= off * (dtype(gravity) / norm)[:, None]
        length = np.sqrt((disp * disp).sum(axis=1))
        np.maximum(length, 0.01, out=length)
        step = disp * (dtype(t) / length)[:, None]
        if moving is not None:
            step[~moving] = 0
        pos += step
        t -= dt
    pos = pos.astype(np.float64)
    return normalized(pos) if normalize else pos


def normalized(pos: np.ndarray, reference: np.ndarray | None = None) -> np.ndarray:
    """``pos`` centred and scaled so that 98 % of the ``reference`` rows (default: all) lie within radius 1.

    A far outlier does not squash the rest: it is pulled in towards radius 1.05.
    """
    pos = np.array(pos, dtype=np.float64)
    ref = np.array(pos if reference is None else reference, dtype=np.float64)
    if not len(ref):
        return pos
    centre = np.median(ref, axis=0)
    pos -= centre
    ref -= centre
    r = float(np.quantile(np.sqrt((ref * ref).sum(axis=1)), 0.98))
    if r <= 0:
        return pos
    pos /= r
    if reference is None:
        dist = np.sqrt((pos * pos).sum(axis=1))
        far = dist > 1.05
        pos[far] *= ((1.05 + np.log1p(dist[far] - 1.05) * 0.2) / dist[far])[:, None]
    return pos


def view_positions(n: int, links: Sequence[tuple[int, int, float]], *, communities: Sequence[int],
                   core: Sequence[bool] | None = None, shown: Sequence[bool] | None = None,
                   seed: int = 42) -> np.ndarray:
    """Positions of the view: communities apart, the default (``core``) picture laid out first.

    ``links`` ``(i, j, weight)``; ``communities``: one id per node (negative:
    none); a link between two communities counts ``INTER_COMMUNITY`` of its
    weight. The core nodes are laid out among themselves and normalized to
    about ``[-1, 1]``; the other nodes start next to their linked core nodes
    and settle around the core, which stays where it is. ``shown`` (one bool
    per link): the links drawn in the default picture, the only ones the
    core's layout uses (so that what one sees explains where nodes are).
    """
    if n <= 0:
        return np.zeros((0, 2))
    comm = np.asarray(communities, dtype=np.int64)

    def weight(i, j, w):
        return w if comm[i] >= 0 and comm[i] == comm[j] else w * INTER_COMMUNITY

    core_mask = np.ones(n, dtype=bool) if core is None else np.asarray(core, dtype=bool)
    if not core_mask.any():
        core_mask[:] = True
    core_idx = np.flatnonzero(core_mask)
    local = {int(g): i for i, g in enumerate(core_idx)}
    drawn = [True] * len(links) if shown is None else list(shown)
    core_links = [(local[i], local[j], weight(i, j, w)) for (i, j, w), on in zip(links, drawn)
                  if on and i in local and j in local]
    pos = np.zeros((n, 2))
    pos[core_idx] = spring_positions(len(core_idx), core_links, seed=seed, groups=comm[core_idx],
                                     group_pull=COMMUNITY_PULL)
    if core_mask.all():
        return pos
    rest = np.flatnonzero(~core_mask)
    rng = np.random.default_rng(seed + 1)
    anchor_sum = np.zeros((n, 2))
    anchor_n = np.zeros(n)
    for i, j, _w in links:
        for a, b in ((i, j), (j, i)):
            if not core_mask[a] and core_mask[b]:
                anchor_sum[a] += pos[b]
                anchor_n[a] += 1
    # unanchored actors start on a ring just outside the core
    angle = rng.random(len(rest)) * 2 * math.pi
    radius = 1.1 + 0.3 * rng.random(len(rest))
    start = np.column_stack([np.cos(angle) * radius, np.sin(angle) * radius])
    has = anchor_n[rest] > 0
    start[has] = anchor_sum[rest][has] / anchor_n[rest][has, None]
    pos[rest] = start + rng.normal(scale=0.03, size=(len(rest), 2))
    # the ideal distance of the core's normalized space (about pi for its nodes), kept for the others
    k = math.sqrt(math.pi / max(len(core_idx), 1))
    all_links = [(i, j, weight(i, j, w)) for i, j, w in links]
    pos = spring_positions(n, all_links, seed=seed, init=pos, fixed=core_mask, k=k, temperature=0.15,
                           iterations=60 if n <= 1500 else 40, gravity=0.5, groups=comm,
                           group_pull=COMMUNITY_PULL * 0.5, normalize=False)
    return pos


def remove_overlaps(pos: np.ndarray, radii: Sequence[float], *, movable: Sequence[bool] | None = None,
                    padding: float = 1.15, iterations: int = 40) -> np.ndarray:
    """Push apart the nodes whose discs (``radii``, in the units of ``pos``) overlap (Gephi's "noverlap").

    Only ``movable`` nodes (default: all) are considered. Pairs are compared
    in blocks, so memory stays bounded. Returns a copy of ``pos``.
    """
    pos = np.array(pos, dtype=np.float64)
    idx = np.arange(len(pos)) if movable is None else np.flatnonzero(np.asarray(movable, dtype=bool))
    if len(idx) < 2:
        return pos
    r = np.asarray(radii, dtype=np.float64)[idx] * padding
    rows = max(1, _BLOCK // (4 * len(idx)))
    for _ in range(iterations):
        p = pos[idx]
        move = np.zeros_like(p)
        hits = 0
        for s in range(0, len(idx), rows):
            e = min(len(idx), s + rows)
            d = p[s:e, None, :] - p[None, :, :]
            dist = np.sqrt((d * d).sum(axis=2))
            need = r[s:e, None] + r[None, :]
            over = need - dist
            over[np.arange(e - s), np.arange(s, e)] = 0
            over[over < 0] = 0
            if not over.any():
                continue
            hits += int((over > 0).sum())
            safe = np.where(dist > 1e-12, dist, 1.0)
            unit = d / safe[:, :, None]
            # coincident nodes: push along a fixed direction that differs by pair
            same = dist <= 1e-12
            if same.any():
                a, b = np.nonzero(same)
                sign = np.where(a + s < b, 1.0, -1.0)[:, None]
                unit[a, b] = sign * np.array([0.7071, 0.7071])
            move[s:e] += (unit * (over / 2)[:, :, None]).sum(axis=1)
        if not hits:
            break
        pos[idx] += move * 0.5
    return pos


def separate_labels(pos: np.ndarray, boxes: dict, *, iterations: int = 60) -> np.ndarray:
    """Move the nodes of ``boxes`` ``{index: (width, height, gap)}`` until their labels do not overlap.

    A label is a box ``width`` x ``height`` centred above its node, ``gap``
    above it (all in the units of ``pos``). Overlapping pairs are pushed
    apart along the axis that needs the smaller move, half each. Returns a
    copy of ``pos``.
    """
    pos = np.array(pos, dtype=np.float64)
    idx = list(boxes)
    if len(idx) < 2:
        return pos
    w = np.array([boxes[i][0] for i in idx])
    h = np.array([boxes[i][1] for i in idx])
    gap = np.array([boxes[i][2] for i in idx])
    for _ in range(iterations):
        p = pos[idx]
        cx, cy = p[:, 0], p[:, 1] - gap - h / 2  # canvas y grows downwards: the label is above
        ox = (w[:, None] + w[None, :]) / 2 - np.abs(cx[:, None] - cx[None, :])
        oy = (h[:, None] + h[None, :]) / 2 - np.abs(cy[:, None] - cy[None, :])
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        move = np.zeros((len(idx), 2))
        a, b = np.nonzero(np.triu(hit))
        for i, j in zip(a.tolist(), b.tolist()):
            if ox[i, j] < oy[i, j]:
                d = (ox[i, j] / 2 + 1e-9) * (1 if cx[i] >= cx[j] else -1)
                move[i, 0] += d
                move[j, 0] -= d
            else:
                d = (oy[i, j] / 2 + 1e-9) * (1 if cy[i] >= cy[j] else -1)
                move[i, 1] += d
                move[j, 1] -= d
        pos[idx] += move * 0.6
    return pos

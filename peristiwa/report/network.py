"""A deterministic force-directed layout for the cooperation network (no graph library needed)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def spring_layout(nodes: Sequence[str], edges: Sequence[tuple[str, str, float]],
                  iterations: int = 200, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold positions in [-1, 1]^2: linked nodes attract (by weight), all repel.

    The same nodes and edges always give the same positions (fixed seed, fixed order).
    """
    names = list(dict.fromkeys(nodes))
    n = len(names)
    if n == 0:
        return {}
    if n == 1:
        return {names[0]: (0.0, 0.0)}
    index = {name: i for i, name in enumerate(names)}
    weights = np.zeros((n, n))
    for a, b, w in edges:
        if a in index and b in index and a != b:
            weights[index[a], index[b]] += w
            weights[index[b], index[a]] += w
    if weights.max() > 0:
        weights = np.log1p(weights) / np.log1p(weights.max())
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1, 1, size=(n, 2))
    k = 1.4 / np.sqrt(n)  # ideal distance
    temperature = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        repulse = k * k / dist
        attract = weights * dist * dist / k
        force = ((repulse - attract) / dist)[:, :, None] * delta
        move = force.sum(axis=1) - 0.5 * k * pos  # gravity keeps unlinked pairs near the rest
        length = np.maximum(np.linalg.norm(move, axis=1), 1e-9)
        pos += move / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature = max(temperature * 0.97, 0.005)
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max() or 1.0
    pos /= scale
    return {name: (float(pos[i, 0]), float(pos[i, 1])) for i, name in enumerate(names)}

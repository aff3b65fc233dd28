"""Independent references for the k-ring grid statistics (Moran's I, local Moran's I, commercial hotspots).

Neighbourhoods come from the h3 library and `tests.support.grids` (not from any SQL); the statistics are
written from their formulas in numpy, and the same weights are handed to PySAL's esda/libpysal so the tests
can check the SQL against both.
"""

from __future__ import annotations

import math

import h3
import numpy as np
from scipy import sparse

from tests.support import grids

DECAYS = ("uniform", "inverse", "inverse_square", "exponential")


def h3_grid(seed: int, rings: int = 45) -> tuple[list[str], np.ndarray]:
    """About 5,600 H3 cells (a disk of 45 rings, a tenth missing) with spatially smooth values plus noise."""
    rng = np.random.default_rng(seed)
    centre = h3.latlng_to_cell(40.4, -3.7, 8)
    cells = sorted(c for c in h3.grid_disk(centre, rings) if rng.random() > 0.1)
    lat0, lng0 = h3.cell_to_latlng(centre)
    smooth = np.array([math.sin(30 * (h3.cell_to_latlng(c)[0] - lat0)) + math.cos(25 * (h3.cell_to_latlng(c)[1] - lng0))
                       for c in cells])
    return cells, 10 * smooth + rng.normal(50.0, 3.0, len(cells))


def quadbin_grid(seed: int, side: int = 80) -> tuple[list[int], np.ndarray]:
    """About 5,800 quadbin tiles of zoom 14 (an 80 x 80 block, a tenth missing), smooth values plus noise."""
    rng = np.random.default_rng(seed)
    x0, y0 = grids.to_zxy(grids.from_lonlat(-3.7, 40.4, 14))[1:]
    cells, values = [], []
    for dx in range(side):
        for dy in range(side):
            if rng.random() > 0.1:
                cells.append(grids.from_zxy(14, x0 + dx, y0 + dy))
                values.append(5 * math.sin(dx / 7) + 5 * math.cos(dy / 9) + rng.normal(0.0, 1.0))
    return cells, np.array(values)


def rings(cells: list, grid: str, size: int, *, include_self: bool) -> dict:
    """cell -> {neighbour present in `cells`: ring distance}."""
    present = set(cells)
    out = {}
    for c in cells:
        if grid == "h3":
            ring = {n: h3.grid_distance(c, n) for n in h3.grid_disk(c, size) if n in present}
        else:
            ring = {n: d for n, d in grids.kring_distances(c, size).items() if n in present}
        if not include_self:
            ring.pop(c, None)
        out[c] = ring
    return out


def decay(name: str, d: float) -> float:
    return {"uniform": 1.0, "inverse": 1.0 / d, "inverse_square": 1.0 / d**2, "exponential": math.exp(-d)}[name]


def weights(cells: list, neighbourhoods: dict, name: str) -> dict[int, dict[int, float]]:
    """Position i -> {position j: w(d_ij)} (not standardised), self excluded."""
    position = {c: i for i, c in enumerate(cells)}
    return {position[c]: {position[n]: decay(name, d) for n, d in neighbourhoods[c].items() if n != c}
            for c in cells}


def row_standardised(n: int, w: dict[int, dict[int, float]]) -> sparse.csr_matrix:
    rows, cols, vals = [], [], []
    for i, row in w.items():
        total = sum(row.values())
        for j, v in row.items():
            rows.append(i)
            cols.append(j)
            vals.append(v / total)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(n, n))


def libpysal_w(n: int, w: dict[int, dict[int, float]]):  # type: ignore[no-untyped-def]
    """The same (unstandardised) weights as a libpysal W; esda's transformation "r" standardises them."""
    from libpysal.weights import W

    return W({i: list(w[i]) for i in range(n)}, {i: list(w[i].values()) for i in range(n)}, silence_warnings=True)


def local_moran(values: np.ndarray, wr: sparse.csr_matrix) -> dict[str, np.ndarray]:
    """CARTO's local Moran (m2 = Σz²/(n-1)) and the Sokal et al. (1998) moments, written from the formulas."""
    n = len(values)
    z = values - values.mean()
    lag = wr @ z
    value = z * lag / ((z @ z) / (n - 1))
    anselin = z * lag / ((z @ z) / n)
    zs = z / values.std()
    wi = np.asarray(wr.sum(axis=1)).ravel()
    wi2 = np.asarray(wr.multiply(wr).sum(axis=1)).ravel()
    b2 = np.mean(zs**4)
    ei = -wi / (n - 1)
    vi = wi2 * (n - b2) / (n - 1) + (wi**2 - wi2) * (2 * b2 - n) / ((n - 1) * (n - 2)) - (wi / (n - 1)) ** 2
    eic = -(zs**2) * wi / (n - 1)
    vic = zs**2 * n / (n - 2) * (wi2 - wi**2 / (n - 1)) * (1 - zs**2 / (n - 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        zscore = (anselin - ei) / np.sqrt(vi)
    quad = np.where(z > 0, np.where(lag > 0, 1, 4), np.where(lag > 0, 3, 2))
    return {"value": value, "anselin": anselin, "lag": lag, "ei": ei, "vi": vi, "eic": eic, "vic": vic,
            "z": zscore, "quad": quad}


def global_moran(values: np.ndarray, wr: sparse.csr_matrix) -> float:
    z = values - values.mean()
    return float(len(values) / wr.sum() * (z @ (wr @ z)) / (z @ z))


def getis_ord_uniform(values: np.ndarray, cells: list, neighbourhoods: dict) -> np.ndarray:
    """Gi* with uniform weights, the cell itself included, population S (native.getisord's formula)."""
    position = {c: i for i, c in enumerate(cells)}
    n, mean, sd = len(values), values.mean(), values.std()
    out = np.empty(n)
    for c in cells:
        idx = [position[j] for j in neighbourhoods[c]]
        wsum = len(idx)
        out[position[c]] = (values[idx].sum() - mean * wsum) / (sd * math.sqrt((n * wsum - wsum**2) / (n - 1)))
    return out

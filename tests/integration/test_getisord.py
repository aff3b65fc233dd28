"""Getis-Ord Gi* on H3 and quadbin grids, on DuckDB and PostGIS, against independent references: PySAL's
esda `G_Local(star=True, transform="B")` for the uniform kernel, and the formula in numpy for every kernel
(gi to 1e-9 relative; p-values, from an erfc approximation in SQL, to 1e-6 against scipy)."""

from __future__ import annotations

import math

import h3
import numpy as np
import pytest
from scipy.stats import norm

from tests.support import grids
from tests.support.workflows import WorkflowBuilder, out

KERNELS = ("uniform", "triangular", "quadratic", "quartic", "gaussian")
SIZE = 2


def h3_grid(seed: int) -> tuple[list[str], np.ndarray]:
    """About 5,600 cells: a disk of 45 rings with a tenth of its cells missing (absent neighbours)."""
    rng = np.random.default_rng(seed)
    cells = sorted(c for c in h3.grid_disk(h3.latlng_to_cell(40.4, -3.7, 8), 45) if rng.random() > 0.1)
    values = rng.gamma(2.0, 5.0, len(cells))
    values[:40] += 40  # a hotspot
    return cells, values


def quadbin_grid(seed: int) -> tuple[list[int], np.ndarray]:
    """About 5,800 tiles of zoom 14: an 80 x 80 block with a tenth missing."""
    rng = np.random.default_rng(seed)
    x0, y0 = grids.to_zxy(grids.from_lonlat(-3.7, 40.4, 14))[1:]
    cells = [grids.from_zxy(14, x0 + dx, y0 + dy) for dx in range(80) for dy in range(80) if rng.random() > 0.1]
    return cells, rng.normal(100.0, 15.0, len(cells))


def neighbours(cells: list, grid: str) -> dict:
    """cell -> {neighbour present: ring distance}, the cell itself included."""
    present = set(cells)
    if grid == "h3":
        return {c: {n: h3.grid_distance(c, n) for n in h3.grid_disk(c, SIZE) if n in present} for c in cells}
    return {c: {n: d for n, d in grids.kring_distances(c, SIZE).items() if n in present} for c in cells}


def kernel(name: str, d: np.ndarray) -> np.ndarray:
    u = d / (SIZE + 1)
    return {"uniform": np.ones_like(u), "triangular": 1 - u, "quadratic": 1 - u**2, "quartic": (1 - u**2) ** 2,
            "gaussian": np.exp(-(u**2) / 2)}[name]


def reference(cells: list, values: np.ndarray, rings: dict, name: str) -> dict:
    """gi by the formula: (Σwx - x̄Σw) / (S·√((nΣw² - (Σw)²)/(n-1))), S the population deviation."""
    position = {c: i for i, c in enumerate(cells)}
    n, mean, sd = len(values), values.mean(), values.std()
    out = {}
    for c in cells:
        ring = rings[c]
        w = kernel(name, np.array(list(ring.values()), dtype=float))
        x = values[[position[j] for j in ring]]
        out[c] = (w @ x - mean * w.sum()) / (sd * math.sqrt((n * (w @ w) - w.sum() ** 2) / (n - 1)))
    return out


def run_getisord(engine, run_workflow, cells, values, grid: str, kernel_name: str) -> dict:
    index_type = "string" if grid == "h3" else "integer"
    engine.load("gi_cells", [("idx", index_type), ("v", "number")], list(zip(cells, values.tolist(), strict=True)))
    wf = WorkflowBuilder(title=f"gi {grid} {kernel_name}")
    schema = [("idx", "string" if grid == "h3" else "number"), ("v", "number")]
    node = wf.node("native.getisord", {"source": wf.source("main.gi_cells", schema=schema)}, indexcol="idx",
                   valuecol="v", size=str(SIZE), kernel=kernel_name)
    wf.save(out(node), "main.gi")
    run_workflow(engine, wf)
    assert engine.columns("main.gi") == ["index", "gi", "p_value"]
    cur = engine.conn.cursor()  # full precision (Engine.rows rounds to 6 decimals)
    cur.execute("SELECT index, gi, p_value FROM main.gi")
    rows = {r[0]: (r[1], r[2]) for r in cur.fetchall()}
    cur.close()
    return rows


@pytest.mark.parametrize("grid", ["h3", "quadbin"])
def test_uniform_gi_equals_esda(engine, run_workflow, grid):
    from esda.getisord import G_Local
    from libpysal.weights import W

    cells, values = h3_grid(1) if grid == "h3" else quadbin_grid(1)
    assert len(cells) >= 5_000
    rings = neighbours(cells, grid)
    got = run_getisord(engine, run_workflow, cells, values, grid, "uniform")
    assert len(got) == len(cells)
    position = {c: i for i, c in enumerate(cells)}
    w = W({position[c]: [position[j] for j in ring if j != c] for c, ring in rings.items()}, silence_warnings=True)
    esda = G_Local(values, w, transform="B", star=True, permutations=0)
    for c, i in position.items():
        gi, p = got[c]
        assert gi == pytest.approx(esda.Zs[i], rel=1e-9, abs=1e-12)
        assert p == pytest.approx(2 * norm.sf(abs(esda.Zs[i])), abs=1e-6)
    hottest = max(got, key=lambda c: got[c][0])
    assert got[hottest][1] < 0.05 and got[hottest][0] > 0


@pytest.mark.parametrize("kernel_name", KERNELS[1:])
@pytest.mark.parametrize("grid", ["h3", "quadbin"])
def test_every_kernel_equals_the_formula(engine, run_workflow, grid, kernel_name):
    cells, values = h3_grid(2) if grid == "h3" else quadbin_grid(2)
    expected = reference(cells, values, neighbours(cells, grid), kernel_name)
    got = run_getisord(engine, run_workflow, cells, values, grid, kernel_name)
    assert set(got) == set(expected)
    for c, gi in expected.items():
        assert got[c][0] == pytest.approx(gi, rel=1e-9, abs=1e-12)
        assert got[c][1] == pytest.approx(2 * norm.sf(abs(gi)), abs=1e-6)


def test_null_rows_are_dropped_and_a_constant_grid_has_no_gi(engine, run_workflow):
    cells = [h3.latlng_to_cell(40.4, -3.7, 9), *h3.grid_ring(h3.latlng_to_cell(40.4, -3.7, 9), 1)]
    engine.load("gi_cells", [("idx", "string"), ("v", "number")],
                [*((c, 5.0) for c in cells), (None, 1.0), (h3.latlng_to_cell(0, 0, 9), None)])
    wf = WorkflowBuilder(title="gi constant")
    node = wf.node("native.getisord", {"source": wf.source("main.gi_cells", schema=[("idx", "string"),
                                                                                   ("v", "number")])},
                   indexcol="idx", valuecol="v")
    wf.save(out(node), "main.gi")
    run_workflow(engine, wf)
    assert sorted(engine.rows("SELECT index, gi, p_value FROM main.gi")) == sorted((c, None, None) for c in cells)

"""Commercial hotspots on H3 and quadbin grids, on DuckDB and PostGIS: combined_gi = Σ ŵ_k·gi_k against
PySAL esda's ``G_Local(star=True, transform="B")`` per variable, combined in numpy (to 1e-9 relative;
p-values to 1e-6), the p-value filter, how the raw inputs are read (CARTO's export included), and the
coded errors for bad weights."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import norm

from tests.support import moran_reference as ref
from tests.support.workflows import WorkflowBuilder, out
from wareflow.components import bind
from wareflow.errors import WorkflowError
from wareflow.model import parse_workflow

EXPORT = Path(__file__).resolve().parents[3] / "shared" / "carto-exports" / "commercial_hotspots.json"
SCHEMA = [("idx", "string"), ("a", "number"), ("b", "number"), ("c", "number")]


def grid_data(grid: str, seed: int) -> tuple[list, np.ndarray]:
    """≥ 5,000 cells and three variables: smooth, noisy, and the two mixed."""
    cells, smooth = ref.h3_grid(seed) if grid == "h3" else ref.quadbin_grid(seed)
    rng = np.random.default_rng(seed + 100)
    noise = rng.gamma(2.0, 5.0, len(cells))
    return cells, np.column_stack([smooth, noise, smooth + noise])


def load(engine, cells: list, data: np.ndarray, names=("a", "b", "c")) -> list[tuple[str, str]]:
    h3_cells = isinstance(cells[0], str)
    engine.load("ch_cells", [("idx", "string" if h3_cells else "integer"), *((n, "number") for n in names)],
                [(c, *map(float, row)) for c, row in zip(cells, data, strict=True)])
    return [("idx", "string" if h3_cells else "number"), *((n, "number") for n in names)]


def esda_combined(cells: list, data: np.ndarray, grid: str, kring: int, weights: list[float]) -> np.ndarray:
    from esda.getisord import G_Local
    from libpysal.weights import W

    neighbourhoods = ref.rings(cells, grid, kring, include_self=True)
    position = {c: i for i, c in enumerate(cells)}
    w = W({position[c]: [position[j] for j in ring if j != c] for c, ring in neighbourhoods.items()},
          silence_warnings=True)
    gis = []
    for k in range(data.shape[1]):
        gis.append(G_Local(data[:, k], w, transform="B", star=True, permutations=0).Zs)
        # and the formula agrees with esda (a check of the reference itself)
        np.testing.assert_allclose(gis[-1], ref.getis_ord_uniform(data[:, k], cells, neighbourhoods), rtol=1e-9)
    total = sum(weights)
    return sum(wk / total * gi for wk, gi in zip(weights, gis, strict=True))


def fetch(engine, table: str) -> dict:
    cur = engine.conn.cursor()  # full precision
    cur.execute(f"SELECT index, combined_gi, p_value FROM {table}")
    rows = {r[0]: (r[1], r[2]) for r in cur.fetchall()}
    cur.close()
    return rows


@pytest.mark.parametrize("grid", ["h3", "quadbin"])
def test_combined_gi_equals_esda(engine, run_workflow, grid):
    cells, data = grid_data(grid, 5)
    assert len(cells) >= 5_000
    schema = load(engine, cells, data)
    wf = WorkflowBuilder(title=f"commercial hotspots {grid}")
    src = wf.source("main.ch_cells", schema=schema)
    every = wf.node("native.commercialhotspots", {"source": src}, indexcol="idx", variablecolumns="['a','b','c']",
                    weights="0.3, 0.7, 1", kring="2", pvaluethresh="1")
    kept = wf.node("native.commercialhotspots", {"source": src}, indexcol="idx", variablecolumns=["a", "b", "c"],
                   weights="0.3, 0.7, 1", kring=2, pvaluethresh="0.01")
    equal = wf.node("native.commercialhotspots", {"source": src}, indexcol="idx", variablecolumns='["a", "b"]',
                    kring="1")
    wf.save(out(every), "main.ch_all")
    wf.save(out(kept), "main.ch_kept")
    wf.save(out(equal), "main.ch_equal")
    run_workflow(engine, wf)
    assert engine.columns("main.ch_all") == ["index", "combined_gi", "p_value"]

    expected = esda_combined(cells, data, grid, 2, [0.3, 0.7, 1.0])
    got = fetch(engine, "main.ch_all")
    assert set(got) == set(cells)
    for i, c in enumerate(cells):
        assert got[c][0] == pytest.approx(expected[i], rel=1e-9, abs=1e-12)
        assert got[c][1] == pytest.approx(2 * norm.sf(abs(expected[i])), abs=1e-6)
    significant = {c for i, c in enumerate(cells) if 2 * norm.sf(abs(expected[i])) <= 0.01}
    kept_rows = fetch(engine, "main.ch_kept")
    borderline = {c for i, c in enumerate(cells) if abs(2 * norm.sf(abs(expected[i])) - 0.01) < 1e-6}
    assert set(kept_rows) - borderline == significant - borderline
    assert 0 < len(significant) < len(cells)
    assert all(p <= 0.01 for _, p in kept_rows.values())

    # no weights: 1/m each; ring 1
    equal_expected = esda_combined(cells, data[:, :2], grid, 1, [1.0, 1.0])
    equal_rows = fetch(engine, "main.ch_equal")
    for i, c in enumerate(cells):
        if 2 * norm.sf(abs(equal_expected[i])) <= 0.05 - 1e-6:
            assert equal_rows[c][0] == pytest.approx(equal_expected[i], rel=1e-9, abs=1e-12)
        elif 2 * norm.sf(abs(equal_expected[i])) > 0.05 + 1e-6:
            assert c not in equal_rows


def node_values(**inputs) -> object:
    wf = WorkflowBuilder(title="read inputs")
    src = wf.source("main.ch_cells", schema=SCHEMA)
    node = wf.node("native.commercialhotspots", {"source": src}, id="ch", indexcol="idx", **inputs)
    wf.save(out(node), "main.o")
    return bind(parse_workflow(wf.to_dict())).components["ch"]


def test_inputs_are_read_as_carto_writes_them():
    from wareflow.components.library.commercialhotspots import read_weights

    comp = node_values(variablecolumns="['a','b']", weights="0.3, 0.7", kring="2", pvaluethresh="0.01")
    assert comp.variablecolumns == ("a", "b") and comp.kring == 2 and comp.pvaluethresh == 0.01
    assert read_weights(comp.weights, 2)[0] == pytest.approx([0.3, 0.7])
    comp = node_values(variablecolumns=["a", "b", "c"])
    assert comp.kring == 3 and comp.pvaluethresh == 0.05
    assert read_weights(comp.weights, 3)[0] == pytest.approx([1 / 3] * 3)
    assert read_weights("2, 6", 2)[0] == pytest.approx([0.25, 0.75])


@pytest.mark.parametrize(("inputs", "field", "words"), [
    ({"weights": "0.3"}, "weights", "expected 2 weights"),
    ({"weights": "0.3, -0.7"}, "weights", "negative"),
    ({"weights": "0.3, lots"}, "weights", "expected numbers"),
    ({"weights": "0, 0"}, "weights", "add up to 0"),
    ({"kring": "0"}, "kring", ">= 1"),
    ({"pvaluethresh": "1.5"}, "pvaluethresh", "<= 1"),
])
def test_bad_inputs_are_coded_errors(inputs, field, words):
    with pytest.raises(WorkflowError) as exc:
        node_values(**{"variablecolumns": "['a','b']", **inputs})
    issue = next(i for i in exc.value.issues if i.field == field)
    assert issue.code == "WF203" and words in issue.message


def test_the_real_exports_inputs(engine, run_workflow):
    """The commercial-hotspots node of CARTO's export (variablecolumns ['h3_distance_min',
    'population_sum_joined'], weights '0.3, 0.7', kring '2', pvaluethresh '0.01'), its raw inputs as
    exported, on our data under those column names."""
    if not EXPORT.exists():
        pytest.skip(f"{EXPORT} is not available")
    document = json.loads(EXPORT.read_text(encoding="utf-8"))
    found = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and data.get("name") == "native.commercialhotspots":
                found.append(data)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    assert found, "the export has a native.commercialhotspots node"
    raw = {i["name"]: i["value"] for i in found[0]["inputs"] if "value" in i and i["name"] not in ("source",
                                                                                                "optimizationcol")}
    assert raw["variablecolumns"] == ["h3_distance_min", "population_sum_joined"]
    assert (raw["weights"], raw["kring"], raw["pvaluethresh"]) == ("0.3, 0.7", "2", "0.01")

    cells, data = grid_data("h3", 7)
    names = ("h3_distance_min", "population_sum_joined")
    schema = load(engine, cells, data[:, :2], names)
    wf = WorkflowBuilder(title="export inputs")
    node = wf.node("native.commercialhotspots", {"source": wf.source("main.ch_cells", schema=schema)},
                   **{**raw, "indexcol": "idx"})
    wf.save(out(node), "main.ch_export")
    run_workflow(engine, wf)
    expected = esda_combined(cells, data[:, :2], "h3", 2, [0.3, 0.7])
    got = fetch(engine, "main.ch_export")
    significant = {c for i, c in enumerate(cells) if 2 * norm.sf(abs(expected[i])) <= 0.01}
    assert significant and set(got) == significant
    for i, c in enumerate(cells):
        if c in got:
            assert got[c][0] == pytest.approx(expected[i], rel=1e-9, abs=1e-12)

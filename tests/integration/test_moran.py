"""Moran's I and local Moran's I on H3 and quadbin grids, on DuckDB and PostGIS, against independent
references: CARTO's documented examples, the formulas in numpy (`tests.support.moran_reference`), and
PySAL esda's ``Moran`` / ``Moran_Local`` built from a libpysal W with the same k-ring decay weights and
transformation "r" (statistics and moments to 1e-9 relative; p-values, from an erfc approximation in SQL,
to 1e-6 against scipy)."""

from __future__ import annotations

import h3
import numpy as np
import pytest
from scipy.stats import norm

from tests.support import moran_reference as ref
from tests.support.workflows import WorkflowBuilder, out

SIZE = 2
LOCAL_COLUMNS = ["index", "value", "psim", "eic", "vic", "ei", "vi", "quad"]


def load(engine, table: str, cells: list, values) -> list[tuple[str, str]]:
    grid_type = "string" if isinstance(cells[0], str) else "integer"
    engine.load(table, [("idx", grid_type), ("v", "number")],
                [(c, None if v is None else float(v)) for c, v in zip(cells, values, strict=True)])
    return [("idx", "string" if grid_type == "string" else "number"), ("v", "number")]


def run_both(engine, run_workflow, schema, decay: str, size: int = SIZE) -> tuple[dict, float | None]:
    """One workflow with both components on `main.moran_cells`; local rows by index and the global I."""
    wf = WorkflowBuilder(title=f"moran {decay}")
    src = wf.source("main.moran_cells", schema=schema)
    local = wf.node("native.localmoransi", {"source": src}, indexcol="idx", valuecol="v", size=str(size),
                    decay=decay, permutations="99")
    whole = wf.node("native.moransi", {"source": src}, indexcol="idx", valuecol="v", size=str(size), decay=decay)
    wf.save(out(local), "main.lmi")
    wf.save(out(whole), "main.mi")
    run_workflow(engine, wf)
    assert engine.columns("main.lmi") == LOCAL_COLUMNS
    assert engine.columns("main.mi") == ["morans_i"]
    cur = engine.conn.cursor()  # full precision (Engine.rows rounds to 6 decimals)
    cur.execute("SELECT index, value, psim, eic, vic, ei, vi, quad FROM main.lmi")
    rows = {r[0]: r[1:] for r in cur.fetchall()}
    cur.execute("SELECT morans_i FROM main.mi")
    (moran,), = cur.fetchall()
    cur.close()
    return rows, moran


def test_carto_doc_examples(engine, run_workflow):
    """CARTO's LOCAL_MORANS_I_QUADBIN / _QUADKEY, LOCAL_MORANS_I_H3 and MORANS_I_QUADBIN examples (size 3,
    exponential decay): values, quad codes and the global I as printed."""
    quadbins = [5266443791927869439, 5266443791928131583, 5266443791928918015]
    schema = load(engine, "moran_cells", quadbins, [51.0, 28.0, 19.0])
    rows, moran = run_both(engine, run_workflow, schema, "exponential", size=3)
    assert [rows[q][0] for q in quadbins] == pytest.approx([-0.47710241156036, -0.03998368, -0.076228184845253524],
                                                          rel=1e-7)
    assert rows[quadbins[2]][6] == 3  # LH
    assert moran == pytest.approx(-0.29665713826808621, rel=1e-12)
    cells = ["89394460323ffff", "8939446033bffff", "8939446032bffff"]
    schema = load(engine, "moran_cells", cells, [51.0, 28.0, 19.0])
    rows, _ = run_both(engine, run_workflow, schema, "exponential", size=3)
    assert rows["8939446032bffff"][0] == pytest.approx(-0.342921256629947, rel=1e-12)
    assert rows["8939446032bffff"][6] == 3


@pytest.mark.parametrize("decay", ref.DECAYS)
@pytest.mark.parametrize("grid", ["h3", "quadbin"])
def test_equals_esda(engine, run_workflow, grid, decay):
    from esda.moran import Moran, Moran_Local

    cells, values = ref.h3_grid(3) if grid == "h3" else ref.quadbin_grid(3)
    assert len(cells) >= 5_000
    n = len(cells)
    w = ref.weights(cells, ref.rings(cells, grid, SIZE, include_self=False), decay)
    schema = load(engine, "moran_cells", cells, values)
    got, moran = run_both(engine, run_workflow, schema, decay)
    assert set(got) == set(cells)

    pysal_w = ref.libpysal_w(n, w)
    assert moran == pytest.approx(Moran(values, pysal_w, transformation="r", permutations=0).I, rel=1e-9)
    lisa = Moran_Local(values, ref.libpysal_w(n, w), transformation="r", permutations=0, geoda_quads=True)
    mine = ref.local_moran(values, ref.row_standardised(n, w))
    # the two references agree, and esda 2.9's Is uses m2 = Σz²/(n-1) like CARTO: Is = Anselin's I·(n-1)/n
    np.testing.assert_allclose(lisa.Is, mine["value"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(mine["value"], mine["anselin"] * (n - 1) / n, rtol=1e-12)
    for ours, theirs in (("ei", lisa.EI), ("vi", lisa.VI), ("eic", lisa.EIc), ("vic", lisa.VIc)):
        np.testing.assert_allclose(mine[ours], theirs, rtol=1e-9, atol=1e-15)
    np.testing.assert_array_equal(mine["quad"], lisa.q)

    columns = {"value": 0, "eic": 2, "vic": 3, "ei": 4, "vi": 5}
    position = {c: i for i, c in enumerate(cells)}
    wrong_quads = 0
    for c, i in position.items():
        row = got[c]
        for name, k in columns.items():
            expected = lisa.Is[i] if name == "value" else getattr(lisa, {"eic": "EIc", "vic": "VIc", "ei": "EI",
                                                                         "vi": "VI"}[name])[i]
            assert row[k] == pytest.approx(expected, rel=1e-9, abs=1e-14), (name, c)
        # psim: one-sided normal p of the total-randomisation z (of Anselin's statistic Is·n/(n-1))
        z = (lisa.Is[i] * n / (n - 1) - lisa.EI[i]) / np.sqrt(lisa.VI[i])
        if np.isfinite(z):
            assert row[1] == pytest.approx(norm.sf(abs(z)), abs=1e-6)
        else:
            assert row[1] is None
        wrong_quads += row[6] != lisa.q[i] and abs(mine["lag"][i]) > 1e-9
    assert wrong_quads == 0
    significant = [c for c in cells if got[c][1] is not None and got[c][1] < 0.01]
    assert significant, "smooth data must have significant clusters"


def test_islands_nulls_and_a_constant_grid(engine, run_workflow):
    """A cell with no neighbour present: value 0, ei = vi = 0, psim NULL; NULL rows dropped; constant
    values: NULL statistics."""
    centre = h3.latlng_to_cell(40.4, -3.7, 9)
    island = h3.latlng_to_cell(41.4, -3.7, 9)
    cells = [centre, *sorted(h3.grid_ring(centre, 1)), island, None, h3.latlng_to_cell(0, 0, 9)]
    values = [10.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 1.0, None]
    schema = load(engine, "moran_cells", cells, values)
    rows, moran = run_both(engine, run_workflow, schema, "uniform", size=1)
    assert set(rows) == set(cells[:8])
    value, psim, eic, vic, ei, vi, quad = rows[island]
    assert (value, psim, eic, vic, ei, vi) == (0.0, None, 0.0, 0.0, 0.0, 0.0) and quad == 4  # high value, no lag: HL
    n = 8
    w = ref.weights(cells[:8], ref.rings(cells[:8], "h3", 1, include_self=False), "uniform")
    expected = ref.local_moran(np.array(values[:8]), ref.row_standardised(n, w))
    for i, c in enumerate(cells[:8]):
        assert rows[c][0] == pytest.approx(expected["value"][i], rel=1e-9, abs=1e-12)
    assert moran == pytest.approx(ref.global_moran(np.array(values[:8]), ref.row_standardised(n, w)), rel=1e-9)

    schema = load(engine, "moran_cells", cells[:7], [5.0] * 7)
    rows, moran = run_both(engine, run_workflow, schema, "inverse", size=1)
    assert moran is None
    assert all(r[0] is None and r[1] is None for r in rows.values())

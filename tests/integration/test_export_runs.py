"""The public CARTO exports in ../shared/carto-exports, run whole on DuckDB and PostGIS.

Each export's BigQuery sources are replaced by deterministic local tables (tests/support/exports.py)
through the table map (`--map`); the run's outputs are checked for row counts, columns in order and
statistics against independent references (tests/support/export_reference.py: h3, shapely, numpy,
esda; never Wareflow). isochrones_from_points only validates: `native.isolines` needs CARTO's location
services and stays WF214.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from tests.support import export_reference as ref
from tests.support import exports

EXPORTS = Path(__file__).resolve().parents[2].parent / "shared" / "carto-exports"
pytestmark = pytest.mark.skipif(not EXPORTS.is_dir(), reason="../shared/carto-exports is not present")


def export_path(name: str) -> Path:
    return EXPORTS / f"{name}.json"


def wired_components(name: str) -> set[str]:
    """Components of the nodes an edge touches (unwired nodes, such as notes, do not run)."""
    data = json.loads(export_path(name).read_text(encoding="utf-8"))
    wired = {e["source"] for e in data["edges"]} | {e["target"] for e in data["edges"]}
    return {n["data"]["name"] for n in data["nodes"] if n["id"] in wired and n.get("type") != "source"}


def run_export(engine: Any, name: str, materialize: str = "fused") -> dict[str, str]:
    """Load the generated tables, run the whole export with its table map; {node id: table} of every
    table the run left (sinks and leaves; every node's with materialize="all")."""
    from wareflow.runner import load_plan, run_plan

    table_map = exports.load_export(engine, name)
    plan = load_plan(export_path(name), table_map=table_map, materialize=materialize)
    results = run_plan(plan, engine.session)
    scratch = {s.id for s in plan.scratch()}
    return {stage.output.node: result.target for stage, result in zip(plan.stages, results, strict=True)
            if stage.id not in scratch}


def fetch(engine: Any, table: str, order: str | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Columns in order and every row as a dict, at full precision (Engine.rows rounds)."""
    cur = engine.conn.cursor()
    cur.execute(f"SELECT * FROM {table}" + (f" ORDER BY {order}" if order else ""))
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, (_plain(v) for v in r), strict=True)) for r in cur.fetchall()]
    cur.close()
    engine.conn.commit()
    return names, rows


def _plain(value: Any) -> Any:
    from decimal import Decimal

    return float(value) if isinstance(value, Decimal) else value


def close(a: float | None, b: float | None, rel: float, abs_: float = 1e-12) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


# Enriched sums share features by geodesic areas (GeographicLib on DuckDB and in the reference, PostGIS's
# spheroid on geography) of planar intersections (GEOS everywhere): equal to this relative tolerance
# (PostGIS's areas of the small res-10 pieces differ from GeographicLib's by up to ~2e-9 relative).
REL_AREA = 1e-8


def node_of(name: str, component: str) -> str:
    data = json.loads(export_path(name).read_text(encoding="utf-8"))
    [node] = [n["id"] for n in data["nodes"] if n["data"].get("name") == component]
    return node


# --------------------------------------------------------------------------------------------------
# poi_hotspot: POIs -> H3 res 9 -> count -> Gi* (uniform, size 3) -> Save as Table (no destination)
# --------------------------------------------------------------------------------------------------
def test_poi_hotspot(engine):
    name = "poi_hotspot"
    expected = ref.poi_hotspot(exports.generate(name))
    tables = run_export(engine, name)
    sink = node_of(name, "native.saveastable")
    assert set(tables) == {sink}  # the only table left: the sink
    assert tables[sink].strip('"').endswith(f"_{sink[:8]}")  # an empty destination writes <title>_<node>
    columns, rows = fetch(engine, tables[sink])
    assert columns == ["index", "gi", "p_value"]
    assert len(rows) == len(expected["counts"]) > 500
    got = {r["index"]: (r["gi"], r["p_value"]) for r in rows}
    assert set(got) == set(expected["gi"])
    for cell, (gi, p) in expected["gi"].items():
        assert close(got[cell][0], gi, 1e-9), (cell, got[cell][0], gi)
        assert close(got[cell][1], p, 0, 1e-6), (cell, got[cell][1], p)
        assert close(expected["formula"][cell], gi, 1e-9)
    hottest = max(got, key=lambda c: got[c][0])
    assert got[hottest][0] > 3 and got[hottest][1] < 0.01


# --------------------------------------------------------------------------------------------------
# enrich_grid: drawn polygon -> H3 Polyfill res 8 -> Enrich H3 Grid (population, female, male: sum)
# --------------------------------------------------------------------------------------------------
def test_enrich_grid(engine):
    name = "enrich_grid"
    expected = ref.enrich_grid(exports.generate(name), export_path(name))
    tables = run_export(engine, name)
    sink = node_of(name, "native.saveastable")
    assert set(tables) == {sink}
    assert tables[sink].strip('"').endswith(f"_{sink[:8]}")
    columns, rows = fetch(engine, tables[sink])
    assert columns == ["h3", "population_sum", "female_sum", "male_sum"]
    assert len(rows) == len(expected) > 4000
    got = {r["h3"]: (r["population_sum"], r["female_sum"], r["male_sum"]) for r in rows}
    assert set(got) == set(expected)
    assert sum(v[0] is None for v in expected.values()) > 0  # cells in the holes of the coverage: NULL
    assert sum(v[1] is None for v in expected.values()) > 0  # cells under a tract with a NULL female only
    for cell, values in expected.items():
        for g, e in zip(got[cell], values, strict=True):
            assert close(g, e, REL_AREA, 1e-9), (cell, got[cell], values)


# --------------------------------------------------------------------------------------------------
# enrich_points: Natural Earth places -> admin-1 capitals of Spain -> Enrich Points with natural risk
# --------------------------------------------------------------------------------------------------
def test_enrich_points(engine):
    name = "enrich_points"
    data = exports.generate(name)
    expected = ref.enrich_points(data)
    tables = run_export(engine, name)
    leaf = node_of(name, "native.enrichpoints")
    assert set(tables) == {leaf}  # the Save as Table node is not wired: the enrichment is the leaf
    columns, rows = fetch(engine, tables[leaf])
    assert columns == [*data.tables["populated_places"].names,
                       *(f"{v}_{a}" for v, a in ref.ENRICH_POINTS_VARIABLES)]
    capitals = [c for c in exports.CAPITALS if c[3] == "Admin-1 capital" and c[4] == "ESP"]
    assert len(rows) == len(expected) == len(capitals) == 45
    got = {r["name"]: r for r in rows}
    assert set(got) == set(expected)
    assert expected["Las Palmas"]["_hits"] == 0  # off the risk grid: every enrichment NULL
    assert expected["Santa Cruz de Tenerife"]["_hits"] == 1  # only the station point exactly on it
    assert expected["Santa Cruz de Tenerife"]["air_quality_avg"] is not None
    assert sum(e["_hits"] >= 3 for e in expected.values()) >= 10  # grid cell + hazard zones (+ a station)
    for place, e in expected.items():
        for column in columns:
            if column == "geom":
                continue
            if isinstance(e[column], float):
                assert close(got[place][column], e[column], 1e-12), (place, column, got[place][column], e[column])
            else:
                assert got[place][column] == e[column], (place, column, got[place][column], e[column])


# --------------------------------------------------------------------------------------------------
# commercial_hotspots: Pizza Hut distance + enriched population -> Commercial Hotspots
# --------------------------------------------------------------------------------------------------
def test_commercial_hotspots(engine):
    name = "commercial_hotspots"
    expected = ref.commercial_hotspots(exports.generate(name))
    # one table per node (as CARTO runs it), so the preparation is checked too, not only the result
    tables = run_export(engine, name, materialize="all")
    leaf = node_of(name, "native.commercialhotspots")
    columns, rows = fetch(engine, tables[node_of(name, "native.join")])
    assert columns == ["h3", "h3_distance_min", "h3_joined", "population_sum_joined"]
    assert len(rows) == len(expected["cells"])
    worst = 0.0
    for r in rows:
        assert r["h3"] == r["h3_joined"] and r["h3_distance_min"] == expected["h3_distance_min"][r["h3"]]
        want = expected["population_sum"][r["h3"]]
        worst = max(worst, abs(r["population_sum_joined"] - want) / abs(want))
    assert worst < REL_AREA, worst
    columns, rows = fetch(engine, tables[leaf])
    assert columns == ["index", "combined_gi", "p_value"]
    got = {r["index"]: (r["combined_gi"], r["p_value"]) for r in rows}
    hot = expected["hotspots"]
    assert len(expected["restaurants"]) == 15 and len(expected["cells"]) > 1000
    assert 50 < len(hot) < len(expected["cells"])
    # no reference p-value lies within 1e-6 of the threshold, so the erfc approximation cannot flip a cell
    assert min(abs(p - 0.01) for p in expected["p_value"].values()) > 1e-6
    assert set(got) == set(hot)
    for cell, (gi, p) in hot.items():
        assert close(got[cell][0], gi, REL_AREA), (cell, got[cell][0], gi)  # gi of area-weighted sums
        assert close(got[cell][1], p, 0, 1e-6), (cell, got[cell][1], p)
    # fused (how Wareflow runs it by default): the same hotspots
    fused = run_export(engine, name)
    _, rows = fetch(engine, fused[leaf])
    fused_gi = {r["index"]: r["combined_gi"] for r in rows}
    assert set(fused_gi) == set(got)
    assert all(close(fused_gi[c], got[c][0], 1e-9) for c in got)


# --------------------------------------------------------------------------------------------------
# composite-score-unsupervised: Milan features -> urbanity ordinal -> CUSTOM_WEIGHTS / RANKING
# --------------------------------------------------------------------------------------------------
def test_composite_score_unsupervised(engine):
    name = "composite-score-unsupervised"
    expected = ref.composite(exports.generate(name))
    tables = run_export(engine, name)
    leaf = node_of(name, "native.spatialcompositeunsupervised")
    assert set(tables) == {leaf}
    columns, rows = fetch(engine, tables[leaf])
    assert columns == ["quadbin", "spatial_score"]
    assert len(rows) == len(expected) > 3400  # the 'Rural' tiles (NULL ordinal) are dropped
    got = {int(r["quadbin"]): r["spatial_score"] for r in rows}
    assert set(got) == set(expected)
    for q, score in expected.items():
        assert close(got[q], score, 1e-9, 1e-12), (q, got[q], score)
    assert min(got.values()) == pytest.approx(0.0, abs=1e-12)
    assert max(got.values()) == pytest.approx(1.0, abs=1e-12)


# --------------------------------------------------------------------------------------------------
# isochrones_from_points: validates, reporting only the isolines node (CARTO's location services)
# --------------------------------------------------------------------------------------------------
def test_isochrones_from_points_reports_only_isolines():
    from wareflow.components import bind
    from wareflow.errors import WorkflowError
    from wareflow.model import load_workflow

    workflow = load_workflow(export_path("isochrones_from_points"))
    with pytest.raises(WorkflowError) as exc:
        bind(workflow)
    isolines = node_of("isochrones_from_points", "native.isolines")
    assert [(i.code, i.node_id, i.component) for i in exc.value.issues] == [("WF214", isolines, "native.isolines")]
    assert "location services" in str(exc.value.issues[0])


def test_generators_are_deterministic():
    """Two generations of every export give the same rows (fixed seeds, no global state)."""
    for name, generator in exports.GENERATORS.items():
        assert generator() == exports.generate(name), name


@pytest.mark.parametrize("name", sorted(exports.GENERATORS))
def test_cli_runs_an_export_on_a_duckdb_file(tmp_path: Path, name: str):
    """As a user would: the generated tables in a DuckDB file, `wareflow run EXPORT --conn ... --map`."""
    from typer.testing import CliRunner

    from wareflow.cli import app

    db = tmp_path / "export.duckdb"
    table_map = exports.write_duckdb(name, str(db))
    args = ["run", str(export_path(name)), "--conn", f"duckdb:///{db}"]
    for fqn, local in table_map.items():
        args += ["--map", f"{fqn}={local}"]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert " rows -> " in result.output

"""Space-time Getis-Ord and the space-time hotspot classification, on DuckDB and PostGIS, against
independent references: space-time Gi* by the formula in numpy over Python-calendar time steps (gi to
1e-9 relative, p to 1e-6), and Mann-Kendall / Hamed-Rao modified Mann-Kendall from pyMannKendall (tau
to 1e-9, tau_p to 1e-6) with the classes from `tests.support.spacetime_reference.classify`."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import h3
import numpy as np
import pymannkendall as mk
import pytest
from scipy.stats import norm

from tests.support import grids
from tests.support.spacetime_reference import CLASSES, classify, spacetime_gi, start_of, step_of
from tests.support.workflows import WorkflowBuilder, out
from wareflow.components import bind
from wareflow.errors import WorkflowError
from wareflow.model import parse_workflow


def fetch(engine, sql: str) -> list[tuple]:
    cur = engine.conn.cursor()  # full precision (Engine.rows rounds to 6 decimals)
    cur.execute(sql)
    rows = cur.fetchall()
    cur.close()
    return rows


def as_datetime(value) -> datetime:
    return value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)


def load_timestamps(engine, table: str, columns: list[tuple[str, str]], rows: list[tuple]) -> None:
    """Like `Engine.load`, faster, and with TIMESTAMP columns too (kind "timestamp")."""
    types = {"number": "DOUBLE PRECISION", "string": "TEXT", "integer": "BIGINT", "date": "DATE",
             "timestamp": "TIMESTAMP"}
    cur = engine.conn.cursor()
    cur.execute("CREATE SCHEMA IF NOT EXISTS main")
    cur.execute(f"DROP TABLE IF EXISTS main.{table}")
    cur.execute(f"CREATE TABLE main.{table} ({', '.join(f'{n} {types[t]}' for n, t in columns)})")
    mark = "?" if engine.name == "duckdb" else "%s"
    row_marks = f"({', '.join(mark for _ in columns)})"
    for i in range(0, len(rows), 500):  # a few multi-row INSERTs: row by row takes DuckDB seconds
        chunk = rows[i:i + 500]
        cur.execute(f"INSERT INTO main.{table} VALUES {', '.join(row_marks for _ in chunk)}",
                    [v for r in chunk for v in r])
    engine.conn.commit()
    cur.close()


# --- space-time Getis-Ord ---------------------------------------------------------------------------
def run_spacetime(engine, run_workflow, rows, *, index_type: str, date_type: str = "date", provider="bigquery",
                  **inputs) -> dict:
    load_timestamps(engine, "st_cube", [("idx", index_type), ("day", date_type), ("v", "number")], rows)
    wf = WorkflowBuilder(title="gi space-time", provider=provider)
    schema = [("idx", "string" if index_type == "string" else "number"), ("day", date_type), ("v", "number")]
    node = wf.node("native.getisordspacetime", {"source": wf.source("main.st_cube", schema=schema)}, indexcol="idx",
                   datecol="day", valuecol="v", **inputs)
    wf.save(out(node), "main.st_gi")
    run_workflow(engine, wf)
    assert engine.columns("main.st_gi") == ["index", "date", "gi", "p_value"]
    return {(r[0], as_datetime(r[1])): (r[2], r[3]) for r in fetch(engine, "SELECT index, date, gi, p_value "
                                                                              "FROM main.st_gi")}


def check_against_reference(got: dict, rows, rings, interval: str, week_start: str, kernels, size, bandwidth):
    values: dict = {}
    starts: dict = {}
    for cell, moment, v in rows:
        if cell is None or moment is None or v is None:
            continue
        moment = as_datetime(moment)
        key = (cell, step_of(moment, interval, week_start))
        values[key] = values.get(key, 0.0) + v  # several rows of one cell and step are summed
        starts[key] = start_of(moment, interval, week_start)
    expected = spacetime_gi(values, rings, kernels, size, bandwidth)
    assert len(got) == len(expected)
    missing = [k for k in expected if expected[k] is None]
    assert all(got[(k[0], starts[k])] == (None, None) for k in missing)
    keys = [k for k in expected if expected[k] is not None]
    want = np.array([expected[k] for k in keys])
    have = np.array([got[(k[0], starts[k])] for k in keys], dtype=float)
    np.testing.assert_allclose(have[:, 0], want, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(have[:, 1], 2 * norm.sf(np.abs(want)), rtol=0, atol=1e-6)
    return expected


def h3_cube(seed: int) -> tuple[list[tuple], dict]:
    """169 H3 cells (a disk of 7 rings) x 30 weeks, some cell-weeks missing, a few doubled (summed), dates
    anywhere in the week; a hotspot in the middle weeks."""
    rng = np.random.default_rng(seed)
    centre = h3.latlng_to_cell(40.4, -3.7, 9)
    cells = sorted(h3.grid_disk(centre, 7))
    hot = set(h3.grid_disk(centre, 2))
    first = date(2023, 12, 31)  # a Sunday: a row on a Sunday is in another week where weeks start on Monday
    rows = []
    for cell in cells:
        for week in range(30):
            if rng.random() < 0.03:
                continue
            day = first + timedelta(days=7 * week + int(rng.integers(0, 7)))
            v = float(rng.gamma(2.0, 5.0)) + (30.0 if cell in hot and 10 <= week < 20 else 0.0)
            rows.append((cell, day, v))
            if rng.random() < 0.01:
                rows.append((cell, day, float(rng.gamma(2.0, 5.0))))
    return rows, {c: {n: h3.grid_distance(c, n) for n in h3.grid_disk(c, 2) if n in set(cells)} for c in cells}


def test_h3_weekly_equals_the_formula(engine, run_workflow):
    rows, rings = h3_cube(1)
    assert len(rows) >= 4_900 and len({r[0] for r in rows}) >= 160
    got = run_spacetime(engine, run_workflow, rows, index_type="string", size="2", bandwidth="2",
                        kernel="gaussian", kerneltime="triangular", timeinterval="week")
    expected = check_against_reference(got, rows, rings, "week", "sunday", ("gaussian", "triangular"), 2, 2)
    assert {d.weekday() for _, d in got} == {6}  # a BigQuery export: weeks start on Sunday
    hottest = max(expected, key=lambda k: expected[k] or -math.inf)
    assert 10 <= hottest[1] - step_of(datetime(2023, 12, 31), "week", "sunday") < 20


def test_quadbin_monthly_equals_the_formula(engine, run_workflow):
    rng = np.random.default_rng(2)
    x0, y0 = grids.to_zxy(grids.from_lonlat(-3.7, 40.4, 14))[1:]
    cells = [grids.from_zxy(14, x0 + dx, y0 + dy) for dx in range(13) for dy in range(13)]
    rows = [(c, date(2020 + m // 12, m % 12 + 1, int(rng.integers(1, 29))), float(rng.normal(100, 15)))
            for c in cells for m in range(30) if rng.random() > 0.03]
    assert len(rows) >= 4_800
    size = 1
    rings = {c: {n: d for n, d in grids.kring_distances(c, size).items() if n in set(cells)} for c in cells}
    got = run_spacetime(engine, run_workflow, rows, index_type="integer", size=str(size), bandwidth="3",
                        kernel="quartic", kerneltime="uniform", timeinterval="month")
    check_against_reference(got, rows, rings, "month", "monday", ("quartic", "uniform"), size, 3)


MOMENTS = [datetime(1999, 12, 31, 23, 59, 59), datetime(2000, 1, 1, 0, 0, 1), datetime(2000, 2, 28, 12, 30, 30),
           datetime(2000, 2, 29, 6, 0, 0), datetime(2000, 3, 1, 0, 0, 0), datetime(2000, 12, 31, 23, 0, 0),
           datetime(2001, 1, 1, 0, 59, 0), datetime(2001, 3, 31, 23, 59, 58), datetime(2100, 2, 28, 1, 2, 3),
           datetime(2100, 3, 1, 4, 5, 6), datetime(1970, 1, 1, 0, 0, 0), datetime(1969, 12, 28, 15, 0, 0)]


@pytest.mark.parametrize(("interval", "provider"), [
    ("year", "bigquery"), ("quarter", "bigquery"), ("month", "bigquery"), ("week", "bigquery"),
    ("week", "postgres"), ("day", "bigquery"), ("hour", "bigquery"), ("minute", "snowflake"),
    ("second", "bigquery")])
def test_time_steps_follow_the_calendar(engine, run_workflow, interval, provider):
    """Leap days, century years, the epoch, week starts: each step and its date as Python's calendar has
    them (a small cube of 7 cells over a timestamp column)."""
    centre = h3.latlng_to_cell(40.4, -3.7, 9)
    cells = sorted(h3.grid_disk(centre, 1))
    rng = np.random.default_rng(3)
    rows = []
    for moment in MOMENTS:
        for k, cell in enumerate(cells):
            for shift in (0, 1):  # two steps apart by one unit at most, to exercise |t - u|
                rows.append((cell, moment + timedelta(seconds=shift * k), float(rng.gamma(2.0, 5.0))))
    rings = {c: {n: h3.grid_distance(c, n) for n in h3.grid_disk(c, 1)} for c in cells}
    got = run_spacetime(engine, run_workflow, rows, index_type="string", date_type="timestamp", provider=provider,
                        size="1", bandwidth="1", kernel="uniform", kerneltime="triangular", timeinterval=interval)
    week_start = "sunday" if provider == "bigquery" else "monday"
    check_against_reference(got, rows, rings, interval, week_start, ("uniform", "triangular"), 1, 1)


def test_null_rows_are_dropped_and_a_constant_cube_has_no_gi(engine, run_workflow):
    centre = h3.latlng_to_cell(40.4, -3.7, 9)
    cells = sorted(h3.grid_disk(centre, 1))
    rows = [(c, date(2024, 1, 1) + timedelta(days=d), 5.0) for c in cells for d in range(3)]
    rows += [(None, date(2024, 1, 1), 1.0), (cells[0], None, 1.0), (cells[0], date(2024, 1, 1), None)]
    got = run_spacetime(engine, run_workflow, rows, index_type="string", timeinterval="day")
    assert sorted(got) == sorted((c, datetime(2024, 1, 1) + timedelta(days=d)) for c in cells for d in range(3))
    assert set(got.values()) == {(None, None)}


def issues(wf: WorkflowBuilder) -> list:
    with pytest.raises(WorkflowError) as exc:
        bind(parse_workflow(wf.to_dict()))
    return exc.value.issues


@pytest.mark.parametrize(("field", "value", "code"), [
    ("timeinterval", "fortnight", "WF203"), ("size", "11", "WF203"), ("bandwidth", "0", "WF203"),
    ("kerneltime", "cosine", "WF203"), ("indexcol", "", "WF202")])
def test_spacetime_parameter_errors_name_the_node_and_input(field, value, code):
    inputs = {"indexcol": "idx", "datecol": "day", "valuecol": "v", field: value}
    wf = WorkflowBuilder()
    src = wf.source("main.st_cube", schema=[("idx", "string"), ("day", "date"), ("v", "number")])
    wf.save(out(wf.node("native.getisordspacetime", {"source": src}, id="st", **inputs)), "main.o")
    found = [i for i in issues(wf) if i.node_id == "st"]
    assert [(i.code, i.field) for i in found] == [(code, field)]


@pytest.mark.parametrize(("column", "field"), [("day", "indexcol"), ("v", "datecol")])
def test_spacetime_column_types_are_checked(engine, run_workflow, column, field):
    from wareflow.errors import CompileError

    engine.load("st_cube", [("idx", "string"), ("day", "date"), ("v", "number")], [])
    wf = WorkflowBuilder()
    src = wf.source("main.st_cube", schema=[("idx", "string"), ("day", "date"), ("v", "number")])
    inputs = {"indexcol": "idx", "datecol": "day", "valuecol": "v", field: column}
    wf.save(out(wf.node("native.getisordspacetime", {"source": src}, id="st", **inputs)), "main.o")
    with pytest.raises(CompileError) as exc:
        run_workflow(engine, wf)
    assert [(i.code, i.node_id, i.field) for i in exc.value.issues] == [("WF203", "st", field)]


# --- the classification -----------------------------------------------------------------------------
PATTERNS = ("new", "consecutive", "intensifying", "persistent", "diminishing", "sporadic", "oscillating",
            "historical")


def pattern_series(kind: str, sign: int, n: int, rng: np.random.Generator) -> list[tuple[float, float]]:
    """A (gi, p) series of length n meant to fall in class `kind` (sign 1 hot, -1 cold)."""
    quiet = lambda: (float(rng.normal(0, 0.5)), float(rng.uniform(0.2, 0.9)))  # noqa: E731
    strong = lambda g: (sign * g, float(rng.uniform(0.0001, 0.009)))  # noqa: E731
    t = np.arange(n)
    if kind == "new":
        return [quiet() for _ in range(n - 1)] + [strong(3.0)]
    if kind == "consecutive":
        run = int(rng.integers(2, 6))
        return [quiet() for _ in range(n - run)] + [strong(2.5 + rng.random()) for _ in range(run)]
    if kind == "intensifying":
        return [strong(2.0 + 0.1 * i + rng.normal(0, 0.05)) for i in t]
    if kind == "diminishing":
        return [strong(6.0 - 0.1 * i + rng.normal(0, 0.05)) for i in t]
    if kind == "persistent":
        return [strong(3.0 + 0.3 * (-1) ** i + 0.01 * rng.random()) for i in t]
    if kind == "historical":
        return [strong(3.0 + rng.random()) for _ in range(n - 1)] + [quiet()]
    hits = rng.random(n) < 0.4
    hits[-1] = True
    series = [strong(2.5) if h else quiet() for h in hits]
    if kind == "oscillating":
        series[int(rng.integers(0, n - 2))] = (-sign * 2.5, 0.001)
    else:  # sporadic: a gap just before the last step, so the hot steps are no single run
        series[-2] = quiet()
    return series


def classification_cube(seed: int) -> dict[str, list[tuple[date, float, float]]]:
    """About 220 cells, 30 to 36 steps each, ~12 per pattern (hot and cold) plus undetected ones; some
    series rounded to 1 decimal (ties)."""
    rng = np.random.default_rng(seed)
    cubes: dict[str, list[tuple[date, float, float]]] = {}
    kinds = [(k, s) for s in (1, -1) for k in PATTERNS] + [("undetected", 1)]
    for i in range(220):
        kind, sign = kinds[i % len(kinds)]
        n = int(rng.integers(30, 37))
        if kind == "undetected":
            series = [(float(rng.normal(0, 1)), float(rng.uniform(0.2, 1.0))) for _ in range(n)]
        else:
            series = pattern_series(kind, sign, n, rng)
        if i % 7 == 0:
            series = [(round(g, 1), p) for g, p in series]
        first = date(2023, 1, 1) + timedelta(days=int(rng.integers(0, 5)))
        cubes[f"c{i:03d}"] = [(first + timedelta(weeks=t), float(g), float(p)) for t, (g, p) in enumerate(series)]
    return cubes


def run_classification(engine, run_workflow, rows, **inputs) -> dict:
    load_timestamps(engine, "st_gi", [("h3", "string"), ("week", "date"), ("gi", "number"), ("p_value", "number")],
                    rows)
    wf = WorkflowBuilder(title="classification")
    src = wf.source("main.st_gi", schema=[("h3", "string"), ("week", "date"), ("gi", "number"),
                                          ("p_value", "number")])
    wf.save(out(wf.node("native.spacetimehotspotsclassification", {"source": src}, indexcol="h3", datecol="week",
                        **inputs)), "main.st_classes")
    run_workflow(engine, wf)
    assert engine.columns("main.st_classes") == ["h3", "classification", "tau", "tau_p"]
    return {r[0]: r[1:] for r in fetch(engine, "SELECT h3, classification, tau, tau_p FROM main.st_classes")}


@pytest.mark.parametrize(("algorithm", "threshold"), [("Mann-Kendall", "0.05"), ("mmk", 0.1),
                                                      ("Modified Mann-Kendall", "0.05")])
def test_classification_equals_pymannkendall_and_the_rules(engine, run_workflow, algorithm, threshold):
    cubes = classification_cube(7)
    rows = [(cell, d, g, p) for cell, series in cubes.items() for d, g, p in series]
    assert len(cubes) >= 200 and min(len(s) for s in cubes.values()) >= 30
    got = run_classification(engine, run_workflow, rows, threshold=threshold, algorithm=algorithm)
    alpha = float(threshold)
    test = mk.original_test if algorithm == "Mann-Kendall" else mk.hamed_rao_modification_test
    seen = set()
    assert set(got) == set(cubes)
    for cell, series in cubes.items():
        gi = np.array([g for _, g, _ in series])
        result = test(gi, alpha=alpha)
        label, tau, tau_p = got[cell]
        assert tau == pytest.approx(result.Tau, rel=1e-9, abs=1e-12), cell
        if math.isnan(result.p):
            assert tau_p is None, cell
        else:
            assert tau_p == pytest.approx(result.p, abs=1e-6), cell
        expected = classify([(g, p) for _, g, p in series], result.Tau, result.p, alpha)
        assert label == expected, (cell, label, expected)
        seen.add(label)
    assert seen == set(CLASSES)


def test_classification_drops_null_rows_and_keeps_short_series(engine, run_workflow):
    rows = [("a", date(2024, 1, 1) + timedelta(weeks=t), 3.0 + 0.1 * t, 0.001) for t in range(10)]
    rows += [("a", date(2024, 6, 1), None, 0.001), ("a", None, 1.0, 0.5), (None, date(2024, 1, 1), 1.0, 0.5),
             ("b", date(2024, 1, 1), 2.0, 0.01), ("c", date(2024, 1, 1), 1.0, None)]
    got = run_classification(engine, run_workflow, rows, threshold=0.05, algorithm="mk")
    assert set(got) == {"a", "b"}
    label, tau, tau_p = got["a"]
    assert (label, tau) == ("intensifying hotspot", 1.0)
    assert tau_p == pytest.approx(mk.original_test(3.0 + 0.1 * np.arange(10)).p, abs=1e-6)
    assert got["b"] == ("new hotspot", None, None)  # one step: no trend


@pytest.mark.parametrize(("field", "value"), [("threshold", "0.2"), ("threshold", "abc"), ("algorithm", "sen")])
def test_classification_parameter_errors_name_the_node_and_input(field, value):
    wf = WorkflowBuilder()
    src = wf.source("main.st_gi", schema=[("h3", "string"), ("week", "date"), ("gi", "number"),
                                          ("p_value", "number")])
    wf.save(out(wf.node("native.spacetimehotspotsclassification", {"source": src}, id="cls", indexcol="h3",
                        datecol="week", **{field: value})), "main.o")
    found = [i for i in issues(wf) if i.node_id == "cls"]
    assert [(i.code, i.field) for i in found] == [("WF203", field)]


# --- every dialect -----------------------------------------------------------------------------------
CUBE = [("h3", "string"), ("quadbin", "number"), ("week", "date"), ("value", "number"), ("gi", "number"),
        ("p_value", "number")]
DIALECT_CASES = {
    "getisordspacetime_h3": ("native.getisordspacetime", dict(
        indexcol="h3", datecol="week", valuecol="value", size="2", bandwidth="2", kernel="gaussian",
        kerneltime="triangular", timeinterval="week")),
    "getisordspacetime_quadbin": ("native.getisordspacetime", dict(
        indexcol="quadbin", datecol="week", valuecol="value", timeinterval="second")),
    "spacetimehotspots_mk": ("native.spacetimehotspotsclassification", dict(
        indexcol="h3", datecol="week", threshold="0.05", algorithm="Mann-Kendall")),
    "spacetimehotspots_mmk": ("native.spacetimehotspotsclassification", dict(
        indexcol="quadbin", datecol="week", threshold=0.1, algorithm="Modified Mann-Kendall")),
}
# declared here, not derived: Oracle has no H3 k-ring; Redshift and Synapse turn no arrays into rows
UNSUPPORTED = {"oracle": {"getisordspacetime_h3"},
               "redshift": {"getisordspacetime_h3", "getisordspacetime_quadbin"},
               "synapse": {"getisordspacetime_h3", "getisordspacetime_quadbin"}}


@pytest.mark.parametrize("case", sorted(DIALECT_CASES))
@pytest.mark.parametrize("dialect", ["bigquery", "databricks", "duckdb", "oracle", "postgres", "redshift",
                                     "snowflake", "synapse"])
def test_every_dialect_compiles_or_says_wf302(dialect, case):
    from tests.support.sqltext import assert_parses_back
    from wareflow.errors import CompileError
    from wareflow.plan import plan_workflow
    from wareflow.runner import compile_plan
    from wareflow.sql.dialects import get_dialect

    component, inputs = DIALECT_CASES[case]
    wf = WorkflowBuilder(title=case)
    wf.save(out(wf.node(component, {"source": wf.source("proj.ds.series", schema=CUBE)}, **inputs)), "proj.ds.o")
    plan = plan_workflow(bind(parse_workflow(wf.to_dict())), table_map={"proj.ds": "analytics"})
    target = get_dialect(dialect)
    if case in UNSUPPORTED.get(dialect, set()):
        with pytest.raises(CompileError) as exc:
            compile_plan(plan, target)
        assert exc.value.codes == ["WF302"]
        return
    statements = [q for stage in compile_plan(plan, target) for q in stage.sql(target)]
    for statement in statements:
        assert_parses_back(statement, target.sqlglot_dialect)
    text = "\n".join(statements)
    assert "TIMESTAMP_FROM_PARTS" not in text.upper()  # Oracle and Redshift have none: dates are parsed
    if component == "native.spacetimehotspotsclassification":  # a portable median: no MEDIAN/PERCENTILE_CONT
        assert "MEDIAN" not in text.upper() and "PERCENTILE" not in text.upper()

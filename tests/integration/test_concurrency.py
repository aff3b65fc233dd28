"""Runs that overlap: two runs of one workflow, and two workflows sharing a sub-graph, at the same time.

Scratch and staging tables are scoped to the run, so neither run creates, reads or drops the other's;
both succeed, the outputs are those of a run alone, and no scratch table is left behind.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PEOPLE, PEOPLE_COLUMNS, ZONES, ZONES_COLUMNS
from tests.support.engines import Engine
from tests.support.workflows import WorkflowBuilder, out
from wareflow.components import bind
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import run_plan
from wareflow.sql.dialects import get_dialect
from wareflow.warehouses.duckdb import connect
from wareflow.warehouses.session import Session

pytestmark = pytest.mark.postgis


def shared_subgraph(title: str, destination: str) -> dict[str, Any]:
    """People buffered (a fan-out, so an intermediate table) then split by zone into two outputs."""
    wf = WorkflowBuilder(title=title)
    people = wf.source("main.people")
    zones = wf.source("main.zones")
    buffered = wf.node("native.buffer", {"source": people}, id="buf", geo="geom", distance="1000", units="Meters")
    joined = wf.node("native.spatialjoin", {"maintable": out(buffered), "secondarytable": zones}, id="join",
                     maincolumn="geom_buffer", secondarycolumn="geom")
    wf.save(out(joined), f"main.{destination}_joined", id="save_joined")
    counted = wf.node("native.groupby", {"source": out(buffered)}, id="count", columns="id,count", groupby="city")
    wf.save(out(counted), f"main.{destination}_counts", id="save_counts")
    wf.save(out(buffered), f"main.{destination}_log", append=True, id="save_log")
    return wf.to_dict()


def _together(jobs: list[Callable[[], Any]]) -> list[Any]:
    """Run `jobs` at once (each on its own thread, released together); the results or the exceptions."""
    barrier = threading.Barrier(len(jobs))
    results: list[Any] = [None] * len(jobs)

    def work(i: int) -> None:
        barrier.wait()
        try:
            results[i] = jobs[i]()
        except Exception as exc:  # reported by the test, with the others' outcomes
            results[i] = exc

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def _snapshot(engine: Engine, destination: str) -> dict[str, Any]:
    return {
        "joined": engine.rows(f"SELECT id, zone_id_joined FROM main.{destination}_joined ORDER BY 1, 2"),
        "counts": engine.rows(f"SELECT city, id_count FROM main.{destination}_counts ORDER BY city NULLS FIRST"),
        "log": engine.rows(f"SELECT COUNT(*) FROM main.{destination}_log"),
    }


def _scratch_tables(engine: Engine) -> list[str]:
    return [r[0] for r in engine.rows(
        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'wareflow%' "
        "OR table_name LIKE '%__wareflow_%' ORDER BY 1")]


@pytest.mark.parametrize("repeat", range(3))
def test_two_runs_of_one_workflow_at_once_on_postgis(pg_engine: Engine, pg_dsn: str, repeat: int):
    import psycopg2

    plan = plan_workflow(bind(parse_workflow(shared_subgraph("flow", "out"))))
    run_plan(plan, pg_engine.session, run_key="alone")
    alone = _snapshot(pg_engine, "out")
    assert alone["log"] == [(4,)] and alone["joined"]

    def one_run(key: str) -> Any:
        conn = psycopg2.connect(pg_dsn)
        try:
            return run_plan(plan, Session(conn, get_dialect("postgres")), run_key=key)
        finally:
            conn.close()

    outcomes = _together([lambda: one_run(f"a{repeat}"), lambda: one_run(f"b{repeat}")])
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    after = _snapshot(pg_engine, "out")
    assert after["joined"] == alone["joined"] and after["counts"] == alone["counts"]
    assert after["log"] == [(12,)]  # each run appended once: 4 + 4 + 4
    assert _scratch_tables(pg_engine) == []


def test_two_workflows_sharing_a_subgraph_at_once_on_postgis(pg_engine: Engine, pg_dsn: str):
    import psycopg2

    plans = [plan_workflow(bind(parse_workflow(shared_subgraph(t, t)))) for t in ("first", "second")]
    # the same sub-graph, so the same content hash; their scratch tables must still differ
    assert plans[0].stages[0].content_hash == plans[1].stages[0].content_hash

    def one_run(plan: Any) -> Any:
        conn = psycopg2.connect(pg_dsn)
        try:
            return run_plan(plan, Session(conn, get_dialect("postgres")))
        finally:
            conn.close()

    outcomes = _together([lambda: one_run(plans[0]), lambda: one_run(plans[1])])
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert _snapshot(pg_engine, "first") == _snapshot(pg_engine, "second")
    assert _snapshot(pg_engine, "first")["log"] == [(4,)]
    assert _scratch_tables(pg_engine) == []


def test_scratch_tables_are_scoped_to_the_run():
    from wareflow.compile.compiler import Compiler

    plan = plan_workflow(bind(parse_workflow(shared_subgraph("flow", "out"))))
    other = plan_workflow(bind(parse_workflow(shared_subgraph("other", "elsewhere"))))
    (scratch,) = plan.scratch()
    (other_scratch,) = other.scratch()
    duckdb = get_dialect("duckdb")

    def name(p: Any, stage: Any, key: str) -> str:
        return Compiler(p, duckdb, run_key=key).intermediate_table(stage).name

    assert name(plan, scratch, "run-1") == name(plan, scratch, "run-1")  # a retry of the run: the same table
    assert name(plan, scratch, "run-1") != name(plan, scratch, "run-2")
    assert name(plan, scratch, "run-1") != name(other, other_scratch, "run-1")


def test_two_runs_at_once_on_one_duckdb_file(tmp_path: Path):
    """Two `wareflow run` processes on one DuckDB file (as two Airflow tasks would be): DuckDB lets one
    process write a file at a time, so the second waits for the lock instead of failing; both succeed."""
    db = tmp_path / "shared.duckdb"
    conn = connect(str(db))
    engine = Engine("duckdb", conn)
    engine.load("people", PEOPLE_COLUMNS, PEOPLE)
    engine.load("zones", ZONES_COLUMNS, ZONES)
    conn.close()
    flows = []
    for title in ("first", "second"):
        path = tmp_path / f"{title}.json"
        path.write_text(json.dumps(shared_subgraph(title, "out")))
        flows.append(path)
    procs = [subprocess.Popen([sys.executable, "-m", "wareflow.cli", "run", str(flow), "--conn", f"duckdb:///{db}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for flow in flows]
    outcomes = [(p.wait(timeout=180), p.stderr.read() if p.stderr else "") for p in procs]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    conn = connect(str(db), read_only=True)
    try:
        engine = Engine("duckdb", conn)
        assert engine.rows("SELECT COUNT(*) FROM main.out_log") == [(8,)]  # each run appended once
        assert engine.rows("SELECT COUNT(*) FROM main.out_counts") == [(3,)]
        assert not [t for (t,) in engine.rows("SELECT table_name FROM information_schema.tables")
                    if t.startswith("wareflow_")]
    finally:
        conn.close()

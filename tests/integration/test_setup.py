"""What a function needs before it runs, provided three ways: by an administrator (checked before any
write: WF407 saying what to install), on the connection by Wareflow (DuckDB's H3 functions), or as part
of the stage's own statements (a temporary function)."""

from __future__ import annotations

import pytest

from tests.support.workflows import WorkflowBuilder, out
from wareflow.components import bind
from wareflow.errors import TerminalWarehouseError
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import compile_plan, run_plan
from wareflow.sql import ops
from wareflow.sql.dialects import get_dialect
from wareflow.sql.dialects.base import Template
from wareflow.sql.dialects.duckdb import DuckDB
from wareflow.warehouses.session import Session


def h3_workflow() -> WorkflowBuilder:
    wf = WorkflowBuilder(title="setup")
    cells = wf.node("native.h3frompoint", {"source": wf.source("main.pts", schema=[("geom", "geography")])},
                    pointscol="geom", resolution="5")
    wf.save(out(cells), "main.cells")
    return wf


def test_postgres_without_h3_pg_fails_before_any_write_saying_what_to_install(postgis_server):
    with postgis_server.bare_database() as conn:
        with conn.cursor() as cur:
            cur.execute("CREATE EXTENSION postgis; CREATE SCHEMA main; "
                        "CREATE TABLE main.pts AS SELECT ST_SetSRID(ST_MakePoint(1, 2), 4326) AS geom")
        conn.commit()
        with pytest.raises(TerminalWarehouseError) as exc:
            run_plan(plan_workflow(bind(parse_workflow(h3_workflow().to_dict()))),
                     Session(conn, get_dialect("postgres")))
        assert exc.value.codes == ["WF407"]
        assert "needs h3-pg" in str(exc.value) and "CREATE EXTENSION h3_postgis" in str(exc.value)
        with conn.cursor() as cur:
            cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")
            assert cur.fetchall() == [("pts",)]


def _bare_duckdb():
    """A DuckDB connection Wareflow did not open: spatial loaded, no H3 functions."""
    import duckdb

    from wareflow.warehouses.duckdb import spatial_extension_path

    conn = duckdb.connect()
    conn.execute(f"LOAD '{spatial_extension_path()}'")
    conn.execute("CREATE TABLE pts AS SELECT ST_Point(-3.7038, 40.4168) AS geom")
    return conn


def test_duckdb_gets_the_h3_functions_on_a_connection_wareflow_did_not_open():
    conn = _bare_duckdb()
    assert not conn.execute("SELECT 1 FROM duckdb_functions() WHERE function_name = 'h3_latlng_to_cell_string'"
                            ).fetchall()
    run_plan(plan_workflow(bind(parse_workflow(h3_workflow().to_dict()))), Session(conn, get_dialect("duckdb")))
    assert conn.execute("SELECT h3 FROM main.cells").fetchall() == [("85390ca3fffffff",)]


class MacroDuckDB(DuckDB):
    """DuckDB whose H3 cell function is a temporary macro the stage itself creates."""

    functions = {**DuckDB.functions, ops.H3_FROM_POINT: Template("_wf_cell(:geo, :resolution)")}
    requirements = {ops.H3_FROM_POINT: (ops.Requirement(
        "the _wf_cell macro", "SELECT 1", "part of the stage", provided_by="script",
        provide="CREATE OR REPLACE TEMP MACRO _wf_cell(g, r) AS h3_latlng_to_cell_string(ST_Y(g), ST_X(g), r)"),)}


def test_a_script_requirement_runs_first_in_the_stage():
    from wareflow.warehouses.duckdb import connect

    dialect = MacroDuckDB()
    plan = plan_workflow(bind(parse_workflow(h3_workflow().to_dict())))
    statements = compile_plan(plan, dialect)[0].sql(dialect, pretty=False)
    assert statements[0].startswith("CREATE OR REPLACE TEMPORARY MACRO _wf_cell")
    assert "_wf_cell(geom, 5)" in statements[-1].lower()
    conn = connect()
    conn.execute("CREATE TABLE pts AS SELECT ST_Point(-3.7038, 40.4168) AS geom")
    run_plan(plan, Session(conn, dialect))
    assert conn.execute("SELECT h3 FROM main.cells").fetchall() == [("85390ca3fffffff",)]


def test_a_stage_needs_only_what_its_sql_calls():
    """Getis-Ord on a quadbin grid calls no H3 function, so PostgreSQL does not ask for h3-pg; on an H3 grid
    it does."""
    pg = get_dialect("postgres")
    for index_type, needs_h3 in (("number", False), ("string", True)):
        wf = WorkflowBuilder(title="needs")
        node = wf.node("native.getisord", {"source": wf.source("main.cells", schema=[("idx", index_type),
                                                                                     ("v", "number")])},
                       indexcol="idx", valuecol="v")
        wf.save(out(node), "main.gi")
        stages = compile_plan(plan_workflow(bind(parse_workflow(wf.to_dict()))), pg)
        names = {r.name for s in stages for r in s.requirements}
        assert ("h3-pg" in names) == needs_h3

"""Running stages: transactions, coded warehouse errors, connection URIs, cancelling."""

from __future__ import annotations

import threading
import time

import pytest

from tests.support.workflows import WorkflowBuilder, out
from wareflow.errors import CompileError, TerminalWarehouseError, WarehouseError
from wareflow.sql.dialects import DIALECTS, get_dialect
from wareflow.warehouses.connect import connect_uri


def test_a_missing_table_is_a_terminal_error_naming_the_stage(engine, run_workflow):
    wf = WorkflowBuilder()
    lim = wf.node("native.limit", {"source": wf.source("main.nope", schema=[("a", "number")])}, id="lim", limit="1")
    wf.save(out(lim), "main.o", id="save")
    with pytest.raises(TerminalWarehouseError) as exc:
        run_workflow(engine, wf)
    (issue,) = exc.value.issues
    assert issue.code == "WF402" and issue.node_id == "save" and "stage 'save_o' failed" in issue.message


def test_a_failed_stage_leaves_the_previous_table(engine, run_workflow):
    wf = WorkflowBuilder()
    wf.save(wf.source("main.cities"), "main.kept")
    run_workflow(engine, wf)
    bad = WorkflowBuilder()
    s = bad.node("native.selectexpression", {"source": bad.source("main.cities")}, column="boom",
                 expression="CAST('x' AS INT64)")
    bad.save(out(s), "main.kept")
    with pytest.raises(WarehouseError):
        run_workflow(engine, bad)
    assert engine.rows("SELECT COUNT(*) FROM main.kept") == [(3,)]  # atomic publish: old table intact


def test_unknown_dialect_and_uri():
    with pytest.raises(CompileError) as exc:
        get_dialect("teradata")
    assert exc.value.codes == ["WF303"]
    with pytest.raises(WarehouseError) as exc2:
        connect_uri("mysql://localhost/db")
    assert exc2.value.codes == ["WF404"]


def test_duckdb_uri_paths(tmp_path):
    conn, dialect = connect_uri(f"duckdb:///{tmp_path}/a.duckdb")
    assert dialect.name == "duckdb" and (tmp_path / "a.duckdb").exists()
    conn.close()
    memory, _ = connect_uri("duckdb://")
    assert memory.execute("SELECT ST_AsText(ST_Point(1, 2))").fetchone() == ("POINT (1 2)",)


def test_on_kill_cancels_the_running_query():
    from wareflow.airflow.operator import WareflowOperator
    from wareflow.components import bind
    from wareflow.model import parse_workflow
    from wareflow.plan import plan_workflow

    wf = WorkflowBuilder()
    wf.save(wf.source("main.t", schema=[("a", "number")]), "main.o")
    plan = plan_workflow(bind(parse_workflow(wf.to_dict())))
    op = WareflowOperator(task_id="t", plan=plan, stage_id=plan.stages[0].id, conn_id="unused")
    op._conn, op._warehouse = connect_uri("duckdb://")
    failure: list[BaseException] = []

    def long_query() -> None:
        try:
            op._conn.execute("SELECT COUNT(*) FROM range(10000000000) a, range(10) b").fetchall()
        except BaseException as exc:  # the interrupt
            failure.append(exc)

    worker = threading.Thread(target=long_query)
    worker.start()
    time.sleep(0.5)
    op.on_kill()
    worker.join(timeout=20)
    assert not worker.is_alive() and failure and "INTERRUPT" in str(failure[0]).upper()


def test_rows_written_are_reported(engine, run_workflow):
    wf = WorkflowBuilder()
    w = wf.node("native.where", {"source": wf.source("main.people")}, expression="id > 1")
    wf.save(out(w, "match"), "main.copy")
    wf.save(out(w, "match"), "main.log", append=True)
    assert sorted(r.rows for r in run_workflow(engine, wf, run_key="a")) == [3, 3, 3]
    assert sorted(r.rows for r in run_workflow(engine, wf, run_key="a")) == [0, 3, 3]  # the retry appends nothing


def test_scratch_tables_are_dropped_after_success_and_leaves_stay(engine):
    from wareflow.components import bind
    from wareflow.model import parse_workflow
    from wareflow.plan import plan_workflow
    from wareflow.runner import run_plan

    wf = WorkflowBuilder()
    b = wf.node("native.buffer", {"source": wf.source("main.people")}, geo="geom", distance="10")
    wf.save(out(b), "main.o1")
    wf.save(out(b), "main.o2")
    wf.node("native.limit", {"source": wf.source("main.cities")}, limit="1")  # a leaf: its table is a result
    scratch_sql = ("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'wareflow%' "
                   "ORDER BY table_name")
    for keep in (False, True):
        plan = plan_workflow(bind(parse_workflow(wf.to_dict())))
        run_plan(plan, engine.session, keep_intermediates=keep)
        tables = [r[0] for r in engine.rows(scratch_sql)]
        assert [t.split("_")[1] for t in tables] == (["native", "native"] if keep else ["native"])
        assert any(t.startswith("wareflow_native_limit_") for t in tables)


def test_the_live_test_loader_round_trips_on_the_local_engines(engine):
    """tests/support/load.py is what loads sample data into real warehouses: check it where we can."""
    import sys
    from pathlib import Path

    from tests.support.load import load_tables

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "dags_examples" / "data"))
    import generate  # type: ignore[import-not-found]

    tables = generate.build_tables(seed=5, stores=30, customers=40)
    load_tables(engine.session, tables, "main", batch=7)
    assert engine.rows("SELECT COUNT(*), COUNT(DISTINCT name) FROM main.customers") == [(40, 40)]
    assert engine.rows("SELECT COUNT(*) FROM main.neighborhoods n JOIN main.stores s "
                       "ON ST_Within(s.geom, n.geom)") == [(30,)]


def test_autocommit_is_set_however_the_driver_spells_it():
    from wareflow.warehouses.session import set_autocommit

    class Attribute:
        autocommit = False

    class Method:
        def __init__(self) -> None:
            self.mode: bool | None = None

        def autocommit(self, mode: bool) -> None:  # pymssql, snowflake-connector
            self.mode = mode

    a, m = Attribute(), Method()
    set_autocommit(a)
    set_autocommit(m)
    assert a.autocommit is True and m.mode is True


def test_only_duckdb_opens_transactions_explicitly():
    """oracledb's Connection.begin() starts a two-phase transaction: it must never be called."""
    assert [name for name, d in DIALECTS.items() if d.explicit_begin] == ["duckdb"]


def test_long_destination_names_publish_safely(engine, run_workflow):
    """PostgreSQL truncates names at 63 bytes: the staging table must never truncate to the target."""
    name = "a_rather_long_destination_table_name_for_the_weekly_report_x"
    wf = WorkflowBuilder()
    wf.save(wf.source("main.cities"), f"main.{name}")
    run_workflow(engine, wf)
    run_workflow(engine, wf)  # the second run swaps the staging table in over the existing one
    assert engine.rows(f"SELECT COUNT(*) FROM main.{name}") == [(3,)]


def test_a_probed_intermediate_is_indexed_and_both_branches_are_right(engine, run_workflow):
    from wareflow.components import bind
    from wareflow.model import parse_workflow
    from wareflow.plan import plan_workflow
    from wareflow.runner import run_plan

    wf = WorkflowBuilder()
    zones = wf.node("native.buffer", {"source": wf.source("main.zones")}, geo="geom", distance="1000")
    split = wf.node("native.spatialfilter", {"source": wf.source("main.people"), "filter": out(zones)},
                    geosource="geom", geofilter="geom_buffer")
    wf.save(out(split, "match"), "main.near")
    wf.save(out(split, "unmatch"), "main.far")
    run_plan(plan_workflow(bind(parse_workflow(wf.to_dict()))), engine.session, keep_intermediates=True)
    assert engine.rows("SELECT id FROM main.near ORDER BY id") == [(1,), (2,), (3,)]
    assert engine.rows("SELECT id FROM main.far ORDER BY id") == [(4,)]
    if engine.name == "postgis":
        (index,) = engine.rows("SELECT indexdef FROM pg_indexes WHERE tablename LIKE 'wareflow_native_buffer%'")
        assert "USING gist (geom_buffer)" in index[0]
        assert engine.rows("SELECT count(*) FROM pg_stats WHERE tablename LIKE 'wareflow_native_buffer%'")[0][0] > 0


def test_describing_a_missing_table_says_none(engine):
    assert engine.session.describe(("main", "no_such_table")) is None
    assert engine.session.describe(("no_such_schema", "people")) is None
    assert [c.name for c in engine.session.describe(("main", "people")) or ()][:2] == ["id", "name"]


def test_postgres_describes_exact_names_and_logical_types(pg_engine):
    cur = pg_engine.conn.cursor()
    cur.execute('CREATE TABLE main."Mixed Case" (a varchar(10), b timestamp, c numeric(10, 2), '
                'd geometry(Point, 4326), e boolean)')
    cur.execute("ALTER TABLE main.\"Mixed Case\" DROP COLUMN e")  # dropped columns are not described
    pg_engine.conn.commit()
    described = pg_engine.session.describe(("main", "Mixed Case"))
    assert [(c.name, c.type) for c in described or ()] == [
        ("a", "string"), ("b", "timestamp"), ("c", "number"), ("d", "geography")]
    assert pg_engine.session.describe(("main", "mixed case")) is None


def _stage_running(engine, *statements: str):
    """A compiled stage of a one-node workflow, its statements replaced by `statements`."""
    import dataclasses

    import sqlglot

    from wareflow.components import bind
    from wareflow.model import parse_workflow
    from wareflow.plan import plan_workflow
    from wareflow.runner import compile_plan

    wf = WorkflowBuilder()
    wf.save(wf.source("main.people", schema=[("id", "number")]), "main.copy")
    (compiled,) = compile_plan(plan_workflow(bind(parse_workflow(wf.to_dict()))), engine.dialect)
    dialect = engine.dialect.sqlglot_dialect
    return dataclasses.replace(compiled, statements=tuple(sqlglot.parse_one(s, read=dialect) for s in statements))


def test_a_stage_commits_all_its_statements_or_none(engine):
    """DuckDB's cursor() is a second connection: statements run there would escape the transaction."""
    stage = _stage_running(engine, "INSERT INTO main.cities VALUES ('Oslo', 'NO')",
                           "INSERT INTO main.no_such_table VALUES (1)")
    with pytest.raises(WarehouseError):
        engine.session.run(stage)
    assert engine.rows("SELECT count(*) FROM main.cities") == [(3,)]


def test_killing_a_task_interrupts_the_stage_running_on_duckdb():
    from tests.support.engines import Engine
    from wareflow.warehouses.duckdb import connect

    engine = Engine("duckdb", connect(":memory:"))
    engine.load("people", [("id", "integer")], [(1,)])
    stage = _stage_running(engine, "CREATE TABLE main.slow AS SELECT COUNT(*) AS n FROM range(10000000000) AS a, "
                                   "range(10) AS b")
    failure: list[BaseException] = []

    def run() -> None:
        try:
            engine.session.run(stage)
        except WarehouseError as exc:
            failure.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(0.5)
    assert engine.dialect.cancel(engine.conn)
    worker.join(timeout=20)
    assert not worker.is_alive() and failure and "INTERRUPT" in str(failure[0]).upper()


def test_each_stage_leaves_a_clean_session_for_the_next(pg_engine):
    """Session state one stage changed (here by hand: canvas SQL may not) is reset before the next; the
    setting that ends a killed client's query is kept."""
    from wareflow.components import bind
    from wareflow.model import parse_workflow
    from wareflow.plan import plan_workflow
    from wareflow.runner import run_plan

    wf = WorkflowBuilder()
    wf.save(wf.source("main.people"), "main.copied")
    cur = pg_engine.conn.cursor()
    cur.execute("SET search_path TO pg_catalog")  # what set_config('search_path', ...) did to the next stage
    cur.execute("SET client_connection_check_interval = 2000")
    pg_engine.conn.commit()
    run_plan(plan_workflow(bind(parse_workflow(wf.to_dict()))), pg_engine.session)
    cur.execute("SELECT current_setting('search_path'), current_setting('client_connection_check_interval')")
    assert cur.fetchone() == ('"$user", public', "2s")


def test_a_database_without_postgis_fails_before_any_write_saying_what_to_install(postgis_server):
    """WF407 names the stage, what is missing and how to install it; a stage needing nothing still runs."""
    from wareflow.components import bind
    from wareflow.errors import TerminalWarehouseError
    from wareflow.model import parse_workflow
    from wareflow.plan import plan_workflow
    from wareflow.runner import run_plan
    from wareflow.sql.dialects import get_dialect
    from wareflow.warehouses.session import Session

    with postgis_server.bare_database() as conn:
        with conn.cursor() as cur:
            cur.execute("CREATE SCHEMA main; CREATE TABLE main.cities AS SELECT 'Madrid' AS city")
        conn.commit()
        session = Session(conn, get_dialect("postgres"))
        relational = WorkflowBuilder()
        relational.save(relational.source("main.cities"), "main.copied")
        run_plan(plan_workflow(bind(parse_workflow(relational.to_dict()))), session)  # needs no PostGIS
        spatial = WorkflowBuilder()
        point = spatial.node("native.tablefromgeojson", geojson='{"type": "Point", "coordinates": [1, 2]}')
        spatial.save(out(point), "main.points")
        with pytest.raises(TerminalWarehouseError) as exc:
            run_plan(plan_workflow(bind(parse_workflow(spatial.to_dict()))), session)
        assert exc.value.codes == ["WF407"]
        assert "needs PostGIS" in str(exc.value) and "CREATE EXTENSION postgis" in str(exc.value)
        with conn.cursor() as cur:
            cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1")
            assert cur.fetchall() == [("cities",), ("copied",)]  # nothing of the spatial stage was written


def test_duckdb_connections_of_wareflow_cannot_reach_the_file_system(tmp_path):
    """Defence in depth behind the Custom SQL deny-list: a connection Wareflow opens refuses file reads."""
    import duckdb

    from wareflow.warehouses.connect import connect_uri

    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    conn, _ = connect_uri(f"duckdb:///{tmp_path / 'w.duckdb'}")
    try:
        conn.execute("CREATE TABLE t AS SELECT ST_Point(0, 0) AS geom")  # spatial still works
        with pytest.raises(duckdb.PermissionException):
            conn.sql(f"SELECT * FROM read_csv('{secret}')").fetchall()
    finally:
        conn.close()

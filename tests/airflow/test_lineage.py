"""OpenLineage of a stage: dataset naming per warehouse, table- and column-level lineage of compiled stages on
DuckDB and PostGIS (the example workflows, a stage whose steps are scratch tables), failures that never fail
a task, and the COMPLETE event Airflow's OpenLineage listener emits for a WareflowOperator task."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import sqlglot
from sqlglot import exp

from tests.support.workflows import WorkflowBuilder, out
from wareflow.airflow.lineage import (
    AGGREGATION,
    IDENTITY,
    TRANSFORMATION,
    DatasetNaming,
    dataset_name,
    dataset_namespace,
    naming,
    operator_lineage,
    safe_stage_lineage,
    stage_lineage,
    trace_stage,
)
from wareflow.compile.compiler import CompiledStage, Compiler
from wareflow.components import bind
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import load_plan
from wareflow.sql.dialects import get_dialect
from wareflow.warehouses.session import Session

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "dags_examples"
SECRET = "s3cr3t-Passw0rd"


def conn(conn_type: str, host: str | None = None, port: int | None = None, schema: str | None = None,
         login: str | None = "someone", **extra: Any) -> SimpleNamespace:
    """An Airflow `Connection` as lineage sees it (with a password it must never show)."""
    return SimpleNamespace(conn_type=conn_type, host=host, port=port, schema=schema, login=login, password=SECRET,
                           extra_dejson={**extra, "token": SECRET})


# --- naming ---------------------------------------------------------------------------------------------------
NAMING = [
    # (connection, table as written, namespace, name)
    (conn("postgres", "db.example.com", 5433, "analytics"), "main.people",
     "postgres://db.example.com:5433", "analytics.main.people"),
    (conn("postgres", "db.example.com", None, "analytics"), "People",  # unquoted: folded; no port: the default
     "postgres://db.example.com:5432", "analytics.public.people"),
    (conn("postgres", "db.example.com", None, "analytics"), 'other."Mixed"',
     "postgres://db.example.com:5432", "analytics.other.Mixed"),
    (conn("redshift", "wh.abc123.eu-west-1.redshift.amazonaws.com", 5439, "dev"), "public.t",
     "redshift://wh.eu-west-1:5439", "dev.public.t"),
    (conn("redshift", None, None, "dev", cluster_identifier="wh", region_name="us-east-1"), "t",
     "redshift://wh.us-east-1:5439", "dev.public.t"),
    (conn("gcpbigquery", project="my-proj"), "`my-proj`.demo.stores",
     "bigquery", "my-proj.demo.stores"),
    (conn("google_cloud_platform", extra__google_cloud_platform__project="p1"), "demo.stores",
     "bigquery", "p1.demo.stores"),
    (conn("snowflake", schema="public", account="myorg-acct1", database="analytics"), "stores",
     "snowflake://myorg-acct1", "ANALYTICS.PUBLIC.STORES"),
    (conn("snowflake", schema="public", account="xy12345.eu-central-1", database="analytics"), "raw.stores",
     "snowflake://xy12345.eu-central-1.aws", "ANALYTICS.RAW.STORES"),
    (conn("databricks", "https://adb-123.azuredatabricks.net/", catalog="main"), "demo.stores",
     "databricks://adb-123.azuredatabricks.net", "main.demo.stores"),
    (conn("oracle", "ora.example.com", None, login="scott", service_name="ORCLPDB"), "stores",
     "oracle://ora.example.com:1521", "ORCLPDB.SCOTT.STORES"),
    (conn("mssql", "sql.example.com", None, "sales"), "stores",
     "mssql://sql.example.com:1433", "sales.dbo.stores"),
    (conn("mssql", "syn.sql.azuresynapse.net", 1433, "dw"), "mart.stores",
     "mssql://syn.sql.azuresynapse.net:1433", "dw.mart.stores"),
    (conn("duckdb", "/data/demo.duckdb"), "main.stores", "duckdb:///data/demo.duckdb", "demo.main.stores"),
    (conn("duckdb", ":memory:"), "stores", "duckdb://:memory:", "memory.main.stores"),
    (conn("duckdb", None), "stores", "duckdb://:memory:", "memory.main.stores"),
]


@pytest.mark.parametrize(("connection", "table", "namespace", "name"), NAMING,
                         ids=[f"{c.conn_type}-{t}" for c, t, _, _ in NAMING])
def test_dataset_naming_per_warehouse(connection, table: str, namespace: str, name: str):
    dialect = {"gcpbigquery": "bigquery", "google_cloud_platform": "bigquery", "mssql": "tsql"}.get(
        connection.conn_type, connection.conn_type)
    parsed = sqlglot.parse_one(f"SELECT 1 FROM {table}", read=dialect).find(exp.Table)
    assert dataset_namespace(connection.conn_type, connection) == namespace
    assert dataset_name(connection.conn_type, connection, parsed) == name
    assert SECRET not in namespace + name and "someone" not in namespace  # never a credential or a login


def test_a_relative_duckdb_path_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    assert dataset_namespace("duckdb", conn("duckdb", "x/demo.duckdb")) == f"duckdb://{tmp_path}/x/demo.duckdb"
    assert dataset_name("duckdb", conn("duckdb", "x/demo.duckdb"), "t") == "demo.main.t"


# --- lineage of compiled stages ---------------------------------------------------------------------------------
def _field_map(dataset) -> dict[str, set[tuple[str, str, str, str]]]:
    """output column -> {(input namespace, input name, input field, subtype)} from a column-lineage facet."""
    facet = dataset.facets["columnLineage"]
    return {column: {(i.namespace, i.name, i.field, i.transformations[0].subtype) for i in fields.inputFields}
            for column, fields in facet.fields.items()}


def _indirect(dataset) -> dict[tuple[str, str], set[str]]:
    return {(i.name, i.field): {t.subtype for t in i.transformations}
            for i in dataset.facets["columnLineage"].dataset}


def _generate():
    sys.path.insert(0, str(EXAMPLES / "data"))
    import generate  # type: ignore[import-not-found]

    return generate


def _run_examples(session: Session, dialect) -> dict[str, list[CompiledStage]]:
    """Every example compiled as the operator compiles it (schemas read from the warehouse) and run, so
    a later stage reads the tables an earlier one wrote."""
    compiled: dict[str, list[CompiledStage]] = {}
    for path in sorted(EXAMPLES.glob("*.json")):
        plan = load_plan(path, table_map={"wareflow-demo.demo": "main"})
        compiler = Compiler(plan, dialect, schemas=session.schema_lookup, fetch=session.read_small)
        compiled[path.stem] = []
        for stage in plan.stages:
            stage_sql = compiler.compile_stage(stage)
            session.run(stage_sql)
            compiled[path.stem].append(stage_sql)
    return compiled


def _check_examples(compiled: dict[str, list[CompiledStage]], dialect, naming_: DatasetNaming,
                    db: str, scratch_schema: str) -> None:
    ns = naming_.namespace
    customers, stations = f"{db}.main.customers", f"{db}.main.stations"

    # customer_segments: one stage of nine fused nodes, filters, a rename, a drop, CASE, a window
    (top,) = compiled["customer_segments"]
    lineage = stage_lineage(top, dialect, naming_)
    assert [(d.namespace, d.name) for d in lineage.inputs] == [(ns, customers)]
    (output,) = lineage.outputs
    assert (output.namespace, output.name) == (ns, f"{db}.main.top_customers")
    assert [(f.name, f.type) for f in output.facets["schema"].fields] == [
        ("customer_id", "number"), ("age", "number"), ("segment", "string"), ("spend", "number"),
        ("signup", "date"), ("spend_per_year", None), ("tier", "number"), ("customer_name", "string"),
        ("spend_norm", "number")]
    assert _field_map(output) == {
        "customer_id": {(ns, customers, "customer_id", IDENTITY)},
        "age": {(ns, customers, "age", IDENTITY)},
        "segment": {(ns, customers, "segment", IDENTITY)},
        "spend": {(ns, customers, "spend", IDENTITY)},
        "signup": {(ns, customers, "signup", IDENTITY)},
        "spend_per_year": {(ns, customers, "spend", TRANSFORMATION), (ns, customers, "signup", TRANSFORMATION)},
        "tier": {(ns, customers, "segment", TRANSFORMATION)},
        "customer_name": {(ns, customers, "name", IDENTITY)},  # renamed: still the same values
        "spend_norm": {(ns, customers, "spend", TRANSFORMATION)},  # a window's MIN/MAX: not an aggregation
    }
    facet = output.facets["columnLineage"]
    assert facet.fields["customer_name"].transformationType == "IDENTITY"
    assert facet.fields["tier"].transformationType == "TRANSFORMATION"
    assert _indirect(output) == {(customers, "age"): {"FILTER"}, (customers, "spend"): {"FILTER", "SORT"}}

    # customers_near_stations: a buffer written to a scratch table, read by two filters
    buffer, near, far = compiled["customers_near_stations"]
    buffer_name = f"{db}.{scratch_schema}.{buffer.target.name}"
    lineage = stage_lineage(buffer, dialect, naming_)
    assert [d.name for d in lineage.inputs] == [stations]
    (output,) = lineage.outputs
    assert output.name == buffer_name and buffer.target.name.startswith("wareflow_st_buffer_")
    assert _field_map(output) == {
        "geom_buffer": {(ns, stations, "geom", TRANSFORMATION)},
        "station_id": {(ns, stations, "station_id", IDENTITY)},
        "line": {(ns, stations, "line", IDENTITY)},
        "geom": {(ns, stations, "geom", IDENTITY)},
    }
    for stage, table in ((near, "customers_near_stations"), (far, "customers_far_from_stations")):
        lineage = stage_lineage(stage, dialect, naming_)
        assert sorted(d.name for d in lineage.inputs) == sorted([buffer_name, customers])
        (output,) = lineage.outputs
        assert output.name == f"{db}.main.{table}"
        columns = ["customer_id", "name", "age", "segment", "spend", "signup", "geom"]
        assert [f.name for f in output.facets["schema"].fields] == columns
        assert _field_map(output) == {c: {(ns, customers, c, IDENTITY)} for c in columns}
        # the buffer decides which rows, not what they hold
        assert _indirect(output) == {(buffer_name, "geom_buffer"): {"FILTER"}, (customers, "geom"): {"FILTER"}}

    # stores_by_neighborhood: a spatial join, then a GROUP BY
    (by_nbhd,) = compiled["stores_by_neighborhood"]
    lineage = stage_lineage(by_nbhd, dialect, naming_)
    nbhd, stores = f"{db}.main.neighborhoods", f"{db}.main.stores"
    assert sorted(d.name for d in lineage.inputs) == [nbhd, stores]
    (output,) = lineage.outputs
    assert _field_map(output) == {
        "nbhd_id": {(ns, nbhd, "nbhd_id", IDENTITY)},
        "name": {(ns, nbhd, "name", IDENTITY)},  # the neighbourhood's, not the store's `name` (name_joined)
        "store_id_joined_count": {(ns, stores, "store_id", AGGREGATION)},
        "revenue_joined_sum": {(ns, stores, "revenue", AGGREGATION)},
    }
    assert _indirect(output) == {(nbhd, "geom"): {"JOIN"}, (stores, "geom"): {"JOIN"},
                                 (nbhd, "nbhd_id"): {"GROUP_BY"}, (nbhd, "name"): {"GROUP_BY"},
                                 (stores, "revenue"): {"SORT"}}


def test_example_stages_on_duckdb(tmp_path: Path):
    from wareflow.warehouses.duckdb import connect

    gen = _generate()
    db = tmp_path / "demo.duckdb"
    gen.write_duckdb(str(db), gen.build_tables(seed=3, stores=60, customers=150))
    connection = connect(str(db))
    try:
        dialect = get_dialect("duckdb")
        compiled = _run_examples(Session(connection, dialect), dialect)
    finally:
        connection.close()
    naming_ = naming("duckdb", conn("duckdb", str(db)))
    assert naming_.namespace == f"duckdb://{db}"
    _check_examples(compiled, dialect, naming_, "demo", "main")


@pytest.mark.postgis
def test_example_stages_on_postgis(pg_dsn: str):
    from urllib.parse import urlsplit

    import psycopg2

    gen = _generate()
    gen.write_postgres(pg_dsn, gen.build_tables(seed=3, stores=60, customers=150))
    url = urlsplit(pg_dsn)
    connection = psycopg2.connect(pg_dsn)
    try:
        dialect = get_dialect("postgres")
        compiled = _run_examples(Session(connection, dialect), dialect)
    finally:
        connection.close()
    database = url.path.lstrip("/")
    naming_ = naming("postgres", conn("postgres", url.hostname, url.port, database))
    assert naming_.namespace == f"postgres://{url.hostname}:{url.port}"
    _check_examples(compiled, dialect, naming_, database, "public")  # unqualified: the search path's public


def _plan(wf: WorkflowBuilder):
    return plan_workflow(bind(parse_workflow(wf.to_dict())), materialize="fused", table_map={})


@pytest.mark.postgis
def test_steps_written_as_scratch_tables_are_followed_through(pg_engine):
    """On PostgreSQL an enrichment writes its probed steps to indexed scratch tables before the publish: the
    lineage reads through them to the sources, and never names them."""
    wf = WorkflowBuilder(title="enrich zones")
    zones = wf.source("main.zones")  # no declared schema: read from the warehouse, as a task does
    people = wf.source("main.people")
    node = wf.node("native.enrichpolygons", {"target": zones, "source": people}, target_col="geom",
                   source_col="geom", variables="score,sum,age,max")
    wf.save(out(node), "main.enriched_zones")
    plan = _plan(wf)
    compiler = Compiler(plan, pg_engine.dialect, schemas=pg_engine.session.schema_lookup)
    (stage,) = [compiler.compile_stage(s) for s in plan.stages]
    pg_engine.session.run(stage)  # the statements are real: they run
    scratch = [s.this.name for s in stage.statements
               if isinstance(s, exp.Create) and s.kind == "TABLE" and s.this.name.startswith("wareflow_")]
    assert len(scratch) == 2  # the two probed steps
    assert all(name in {t.name for t in stage.query.find_all(exp.Table)} for name in scratch)

    naming_ = naming("postgres", conn("postgres", "127.0.0.1", 5432, "gis"))
    lineage = stage_lineage(stage, pg_engine.dialect, naming_)
    ns = naming_.namespace
    assert sorted(d.name for d in lineage.inputs) == ["gis.main.people", "gis.main.zones"]
    (output,) = lineage.outputs
    assert output.name == "gis.main.enriched_zones"
    assert [f.name for f in output.facets["schema"].fields] == ["zone_id", "zone", "geom", "score_sum", "age_max"]
    assert _field_map(output) == {
        "zone_id": {(ns, "gis.main.zones", "zone_id", IDENTITY)},
        "zone": {(ns, "gis.main.zones", "zone", IDENTITY)},
        "geom": {(ns, "gis.main.zones", "geom", IDENTITY)},
        # area-weighted: the intersections' share of each feature's area weighs its score
        "score_sum": {(ns, "gis.main.people", "score", AGGREGATION), (ns, "gis.main.people", "geom", AGGREGATION),
                      (ns, "gis.main.zones", "geom", AGGREGATION)},
        "age_max": {(ns, "gis.main.people", "age", AGGREGATION)},
    }
    assert _indirect(output)[("gis.main.zones", "geom")] >= {"JOIN", "GROUP_BY"}
    assert _indirect(output)[("gis.main.people", "geom")] >= {"JOIN"}
    assert not [d for d in (*lineage.inputs, *lineage.outputs) if "wareflow_" in d.name]


@pytest.mark.parametrize("kernel", ["uniform", "triangular"])
def test_getisord_columns_through_laterals_and_joins(kernel: str):
    """A grid statistic on PostgreSQL: k-rings from a LATERAL, a self-join, aggregates, a CROSS JOIN."""
    wf = WorkflowBuilder(title="gi")
    node = wf.node("native.getisord", {"source": wf.source("main.gi_cells", schema=[("idx", "string"),
                                                                                    ("v", "number")])},
                   indexcol="idx", valuecol="v", size="2", kernel=kernel)
    wf.save(out(node), "main.gi")
    (stage,) = Compiler(_plan(wf), get_dialect("postgres")).compile_all()
    traced = trace_stage(stage, naming("postgres", conn("postgres", "h", 1, "gis")))
    cells = ("main", "gi_cells")
    assert traced.inputs == (cells,)
    # a uniform kernel weighs every neighbour 1: the cells' ids only pick the neighbours (a join); a
    # distance kernel weighs by the grid distance between the ids, so they shape the value as well
    inputs = {(cells, "v"): AGGREGATION, **({(cells, "idx"): AGGREGATION} if kernel != "uniform" else {})}
    assert traced.columns == {
        "index": {(cells, "idx"): IDENTITY},  # `idx AS "index"`, grouped by its own value
        "gi": inputs,
        "p_value": inputs,
    }
    assert {"JOIN", "GROUP_BY"} <= traced.indirect[(cells, "idx")]
    assert "FILTER" in traced.indirect[(cells, "v")]  # NOT v IS NULL


def _hand_stage(sql: str, columns: tuple[str, ...] | None = None) -> CompiledStage:
    """A compiled stage whose final query is `sql` (DuckDB), writing main.out."""
    wf = WorkflowBuilder()
    wf.save(wf.source("main.people", schema=[("id", "number")]), "main.out")
    (stage,) = Compiler(_plan(wf), get_dialect("duckdb")).compile_all()
    query = sqlglot.parse_one(sql, read="duckdb")
    from wareflow.sql.relation import Column

    return dataclasses.replace(stage, query=query, statements=(query,),
                               columns=None if columns is None else tuple(Column(c, "unknown") for c in columns))


def test_what_cannot_be_traced_is_left_out_not_guessed():
    naming_ = naming("duckdb", conn("duckdb", ":memory:"))
    stage = _hand_stage("SELECT a.id, name, 1 AS one, b.* FROM main.people AS a "
                        "JOIN main.cities AS b ON a.city = b.city", ("id", "name", "one", "city", "country"))
    traced = trace_stage(stage, naming_)
    # `name` could be either table's while neither's columns are known; `one` is a constant
    assert traced.columns == {"id": {(("main", "people"), "id"): IDENTITY},
                              "city": {(("main", "cities"), "city"): IDENTITY},  # b.*: b's, whatever it holds
                              "country": {(("main", "cities"), "country"): IDENTITY}}
    unqualified = _hand_stage("SELECT * FROM main.people AS a JOIN main.cities AS b ON a.city = b.city",
                              ("id", "name", "city", "city_1", "country"))
    assert trace_stage(unqualified, naming_).columns == {}  # which table's `*`? Unknown: nothing guessed
    # with the inputs' schemas they are known, and `*` expands
    traced = trace_stage(stage, naming_, {"main.people": ["id", "name", "city"], "main.cities": ["city", "country"]})
    assert traced.columns == {
        "id": {(("main", "people"), "id"): IDENTITY}, "name": {(("main", "people"), "name"): IDENTITY},
        "city": {(("main", "cities"), "city"): IDENTITY}, "country": {(("main", "cities"), "country"): IDENTITY}}
    lineage = stage_lineage(stage, get_dialect("duckdb"), naming_, {"main.people": ["id", "name", "city"]})
    people = next(d for d in lineage.inputs if d.name == "memory.main.people")
    assert [f.name for f in people.facets["schema"].fields] == ["id", "name", "city"]


def test_set_operations_map_columns_by_position():
    stage = _hand_stage("SELECT id AS k, name FROM main.people UNION ALL SELECT zone_id, zone FROM main.zones",
                        ("k", "name"))
    traced = trace_stage(stage, naming("duckdb", conn("duckdb", ":memory:")))
    assert traced.columns == {
        "k": {(("main", "people"), "id"): IDENTITY, (("main", "zones"), "zone_id"): IDENTITY},
        "name": {(("main", "people"), "name"): IDENTITY, (("main", "zones"), "zone"): IDENTITY}}


# --- lineage never fails a task --------------------------------------------------------------------------------
def test_a_broken_stage_gives_an_empty_lineage_and_a_warning(caplog: pytest.LogCaptureFixture):
    broken = dataclasses.replace(_hand_stage("SELECT 1 AS one"), query=exp.Literal.number(1))  # not a query
    naming_ = naming("duckdb", conn("duckdb", ":memory:"))
    with pytest.raises(Exception):  # noqa: B017 - what the safe wrapper is there for
        stage_lineage(broken, get_dialect("duckdb"), naming_)
    with caplog.at_level(logging.WARNING, logger="wareflow.airflow.lineage"):
        lineage = safe_stage_lineage(broken, get_dialect("duckdb"), naming_)
    assert (lineage.inputs, lineage.outputs, lineage.run_facets, lineage.job_facets) == ([], [], {}, {})
    (record,) = [r for r in caplog.records if r.name == "wareflow.airflow.lineage"]
    assert record.levelno == logging.WARNING and "could not derive" in record.getMessage()
    assert record.exc_info is not None


def test_the_operator_entry_point_never_raises(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch):
    stage = _hand_stage("SELECT id FROM main.people", ("id",))
    task = SimpleNamespace(task_id="t", conn_id="wareflow_lineage_missing", _compiled=None,
                           _dialect=lambda: get_dialect("duckdb"), plan=None)
    assert operator_lineage(task).outputs == []  # nothing compiled (the task failed before): nothing to say
    task._compiled = stage
    monkeypatch.delenv("AIRFLOW_CONN_WAREFLOW_LINEAGE_MISSING", raising=False)
    with caplog.at_level(logging.WARNING, logger="wareflow.airflow.lineage"):
        lineage = operator_lineage(task)  # no such connection
    assert lineage.inputs == [] and lineage.outputs == []
    assert any("could not derive" in r.getMessage() for r in caplog.records)
    monkeypatch.setenv("AIRFLOW_CONN_WAREFLOW_LINEAGE_MISSING",
                       json.dumps({"conn_type": "duckdb", "host": "/x/w.duckdb", "password": SECRET}))
    lineage = operator_lineage(task)
    assert [(d.namespace, d.name) for d in lineage.inputs] == [("duckdb:///x/w.duckdb", "w.main.people")]
    assert [d.name for d in lineage.outputs] == ["w.main.out"]


# --- end to end: Airflow's OpenLineage listener, file transport -------------------------------------------------
_DAG_TEST = textwrap.dedent("""
    import sys
    from airflow.utils.cli import get_bagged_dag
    run = get_bagged_dag(None, "wareflow_stores_by_neighborhood").test()
    print("STATE", run.state)
""")


@pytest.mark.usefixtures("airflow_db")
def test_the_listener_emits_the_stage_lineage_on_complete(tmp_path: Path):
    """`dag.test()` in a process of its own (the OpenLineage provider reads its settings once), with the file
    transport; the COMPLETE event of the stage's task carries what `stage_lineage` derives."""
    from wareflow.airflow.operator import WareflowOperator

    assert callable(getattr(WareflowOperator, "get_openlineage_facets_on_complete", None))
    gen = _generate()
    db = tmp_path / "demo.duckdb"
    gen.write_duckdb(str(db), gen.build_tables(seed=3, stores=60, customers=150))
    events = tmp_path / "events.jsonl"
    env = {**os.environ,
           "AIRFLOW_CONN_WAREFLOW_EXAMPLES": json.dumps({"conn_type": "duckdb", "host": str(db)}),
           "AIRFLOW__OPENLINEAGE__TRANSPORT": json.dumps({"type": "file", "log_file_path": str(events),
                                                          "append": True}),
           "AIRFLOW__OPENLINEAGE__NAMESPACE": "wareflow-tests",
           "AIRFLOW__OPENLINEAGE__DISABLED": "False",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("_AIRFLOW_PARSING_CONTEXT_DAG_ID", None)
    env.pop("_AIRFLOW_PARSING_CONTEXT_TASK_ID", None)
    done = subprocess.run([sys.executable, "-c", _DAG_TEST], env=env, capture_output=True, text=True, timeout=600,
                          cwd=tmp_path)
    assert "STATE success" in done.stdout, done.stdout[-3000:] + done.stderr[-5000:]
    lines = [json.loads(line) for line in events.read_text().splitlines() if line.strip()]
    complete = [e for e in lines
                if e["eventType"] == "COMPLETE" and e["job"]["name"].endswith(".save_stores_by_neighborhood")]
    assert len(complete) == 1, [(e["eventType"], e["job"]["name"]) for e in lines]
    (event,) = complete
    assert event["job"]["namespace"] == "wareflow-tests"
    ns = f"duckdb://{db}"
    assert sorted((d["namespace"], d["name"]) for d in event["inputs"]) == [
        (ns, "demo.main.neighborhoods"), (ns, "demo.main.stores")]
    (output,) = event["outputs"]
    assert (output["namespace"], output["name"]) == (ns, "demo.main.stores_by_neighborhood")
    assert [(f["name"], f["type"]) for f in output["facets"]["schema"]["fields"]] == [
        ("nbhd_id", "number"), ("name", "string"), ("store_id_joined_count", "number"),
        ("revenue_joined_sum", "number")]
    fields = output["facets"]["columnLineage"]["fields"]
    got = {column: [(i["namespace"], i["name"], i["field"], [(t["type"], t["subtype"]) for t in i["transformations"]])
                    for i in value["inputFields"]] for column, value in fields.items()}
    assert got == {
        "nbhd_id": [(ns, "demo.main.neighborhoods", "nbhd_id", [("DIRECT", "IDENTITY")])],
        "name": [(ns, "demo.main.neighborhoods", "name", [("DIRECT", "IDENTITY")])],
        "store_id_joined_count": [(ns, "demo.main.stores", "store_id", [("DIRECT", "AGGREGATION")])],
        "revenue_joined_sum": [(ns, "demo.main.stores", "revenue", [("DIRECT", "AGGREGATION")])],
    }
    indirect = {(i["name"], i["field"]): sorted(t["subtype"] for t in i["transformations"])
                for i in output["facets"]["columnLineage"]["dataset"]}
    assert indirect[("demo.main.stores", "geom")] == ["JOIN"]
    assert indirect[("demo.main.neighborhoods", "nbhd_id")] == ["GROUP_BY"]
    assert SECRET not in events.read_text()

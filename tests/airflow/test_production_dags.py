"""What an Airflow team sees of a Wareflow DAG: names, docs, params, assets, summaries, provider metadata.

(The same against real servers, through the official REST client: test_running_airflow_production.py.)
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

pytest.importorskip("airflow")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "dags_examples"


def load(folder: Path, **defaults):
    from wareflow.airflow import load_workflows

    return load_workflows(folder, **defaults)


@pytest.fixture
def near(tmp_path: Path):
    shutil.copy(EXAMPLES / "customers_near_stations.json", tmp_path)
    shutil.copy(EXAMPLES / "customers_near_stations.wareflow.yaml", tmp_path)
    return load(tmp_path)["wareflow_customers_near_stations"]


# --- names and docs ---------------------------------------------------------------------------------

def test_tasks_are_named_by_what_they_write_and_shown_with_their_labels(near):
    title = json.loads((EXAMPLES / "customers_near_stations.json").read_text())["title"]
    assert near.dag_display_name == title
    shown = {t.task_id: t.task_display_name for t in near.tasks}
    assert shown == {
        "st_buffer": "ST Buffer",
        "save_customers_near_stations": "Save as Table → main.customers_near_stations (+1 fused)",
        "save_customers_far_from_stations": "Save as Table → main.customers_far_from_stations (+1 fused)",
        "run_summary": "Run summary and cleanup",
    }


def test_the_dag_docs_list_each_task_with_its_nodes_and_embed_the_canvas(near):
    from wareflow.render import extract_from_doc

    doc = near.doc_md
    assert "| `st_buffer` | an intermediate table | ST Buffer (native.buffer)" in doc
    assert "| `save_customers_near_stations` | `main.customers_near_stations` |" in doc
    assert "![Canvas of the workflow, each node marked by its task](wareflow/dags/" \
           "wareflow_customers_near_stations/canvas.svg)" in doc
    svg = extract_from_doc(doc)
    assert svg is not None and "save_customers_near_stations" in svg and "st_buffer" in svg
    task = near.get_task("st_buffer")
    assert task.doc_md.startswith("**ST Buffer** runs 1 node(s) of the canvas in one statement")


def test_text_from_the_file_cannot_break_the_docs(tmp_path: Path):
    flow = json.loads((EXAMPLES / "stores_by_neighborhood.json").read_text())
    flow["title"] = "Sales | <script>alert(1)</script> [x](javascript:y)"
    (tmp_path / "flow.json").write_text(json.dumps(flow))
    dag = load(tmp_path, table_map={"wareflow-demo.demo": "main"})["flow"]
    assert dag.dag_display_name == flow["title"]  # the UI escapes it; the docs are Markdown
    heading = dag.doc_md.splitlines()[0]
    assert "<script>" not in heading and "](" not in heading and r"Sales \| \<script\>" in heading


def test_param_descriptions_say_type_default_bounds_and_use(near):
    described = near.params.get_param("radius").description
    assert described == ("Number variable `radius`, default 500; must be > 0. Sets ST Buffer 'distance'.")


def test_task_ids_are_unique_stable_and_ignore_parameter_edits(tmp_path: Path):
    from wareflow.components import bind
    from wareflow.model import parse_workflow
    from wareflow.plan import plan_workflow

    flow = json.loads((EXAMPLES / "customers_near_stations.json").read_text())
    first = [s.id for s in plan_workflow(bind(parse_workflow(flow))).stages]
    for node in flow["nodes"]:  # every Save as Table writes the same table: names must still be unique
        for entry in node["data"].get("inputs", []):
            if entry["name"] == "destination":
                entry["value"] = "wareflow-demo.demo.same"
    saves = [s.id for s in plan_workflow(bind(parse_workflow(flow))).stages if s.id.startswith("save_same")]
    assert len(saves) == 2 and len(set(saves)) == 2 and all(len(s) == len("save_same_") + 6 for s in saves)
    flow = json.loads((EXAMPLES / "customers_near_stations.json").read_text())
    flow["variables"][0]["value"] = 900  # a new default changes the SQL, not the task ids
    assert [s.id for s in plan_workflow(bind(parse_workflow(flow))).stages] == first


# --- assets -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("parts", "warehouse", "uri"), [
    (("main", "t"), None, "wareflow://wareflow_duckdb/main/t"),
    (("main", "t"), "duckdb:///data/demo.duckdb", "duckdb:/data/demo.duckdb/main/t"),
    (("t",), "duckdb:///data/demo.duckdb", "duckdb:/data/demo.duckdb/main/t"),
    (("s", "t"), "postgres://pg.internal/analytics", "postgres://pg.internal:5432/analytics/s/t"),
    (("t",), "postgres://pg.internal:6432/analytics", "postgres://pg.internal:6432/analytics/public/t"),
    (("db2", "s", "t"), "postgres://pg.internal:5432/analytics", "postgres://pg.internal:5432/db2/s/t"),
    (("p", "d", "t"), "bigquery://home", "bigquery://p/d/t"),
    (("d", "t"), "bigquery://home", "bigquery://home/d/t"),
    (("S", "T"), "snowflake://xy12345/DB", "snowflake://xy12345/DB/S/T"),
    (("c", "s", "t"), "databricks://dbc-1.cloud.databricks.com", "databricks://dbc-1.cloud.databricks.com/c/s/t"),
    (("s", "t"), "redshift://cl.eu-west-1.redshift.amazonaws.com/dev",
     "redshift://cl.eu-west-1.redshift.amazonaws.com:5439/dev/s/t"),
    (("s", "t"), "mssql://syn.sql.azuresynapse.net/pool", "mssql://syn.sql.azuresynapse.net:1433/pool/s/t"),
])
def test_table_assets_use_the_uris_of_airflows_own_providers(parts, warehouse, uri):
    """Each URI passes the provider's own normaliser (Airflow applies it when the Asset is made)."""
    from wareflow.airflow.assets import asset, table_uri

    assert asset(table_uri(parts, warehouse_uri=warehouse, conn_id="wareflow_duckdb")).uri == uri


def test_a_bigquery_table_without_dataset_is_refused():
    from wareflow.airflow.assets import table_uri

    with pytest.raises(ValueError, match="needs a dataset"):
        table_uri(("t",), warehouse_uri="bigquery://home", conn_id="c")


def test_saved_tables_are_outlets_and_sources_inlets(near):
    save = near.get_task("save_customers_near_stations")
    assert [a.uri for a in save.outlets] == ["wareflow://wareflow_examples/main/customers_near_stations"]
    assert [a.uri for a in near.get_task("st_buffer").inlets] == ["wareflow://wareflow_examples/main/stations"]
    assert [a.uri for a in save.inlets] == ["wareflow://wareflow_examples/main/customers"]
    assert near.get_task("st_buffer").outlets == []  # an intermediate table is nobody's asset


def test_a_sidecar_schedules_a_workflow_on_assets(tmp_path: Path):
    from airflow.sdk import AssetAll, AssetAny

    shutil.copy(EXAMPLES / "stores_by_neighborhood.json", tmp_path / "flow.json")
    (tmp_path / "flow.wareflow.yaml").write_text(
        "warehouse_uri: postgres://pg:5432/analytics\ntable_map: {'wareflow-demo.demo': main}\n"
        "schedule: {any: [main.stores, {all: [main.a, 'bigquery://p/d/t']}]}\n")
    dag = load(tmp_path)["flow"]
    condition = dag.timetable.asset_condition
    assert isinstance(condition, AssetAny)
    first, nested = condition.objects
    assert first.uri == "postgres://pg:5432/analytics/main/stores"
    assert isinstance(nested, AssetAll) and [a.uri for a in nested.objects] == [
        "postgres://pg:5432/analytics/main/a", "bigquery://p/d/t"]
    assert [a.uri for a in dag.get_task("save_stores_by_neighborhood").outlets] == [
        "postgres://pg:5432/analytics/main/stores_by_neighborhood"]


@pytest.mark.parametrize(("schedule", "message"), [
    ("{any: []}", "non-empty list"),
    ("{some: [a.b]}", "expected a list of assets"),
    ("[a.b, 'not a table']", "expected an asset URI"),
    ("[a.b, 3]", "expected an asset URI"),
])
def test_bad_asset_schedules_are_coded(tmp_path: Path, schedule: str, message: str):
    from wareflow.airflow.settings import read_settings
    from wareflow.errors import WorkflowError

    (tmp_path / "flow.json").write_text("{}")
    (tmp_path / "flow.wareflow.yaml").write_text(f"schedule: {schedule}")
    with pytest.raises(WorkflowError) as exc:
        read_settings(tmp_path / "flow.json", {})
    assert exc.value.codes == ["WF111"] and message in str(exc.value)


def test_a_warehouse_uri_with_credentials_is_refused_without_echoing_them(tmp_path: Path):
    from wareflow.airflow.settings import read_settings
    from wareflow.errors import WorkflowError

    (tmp_path / "flow.json").write_text("{}")
    (tmp_path / "flow.wareflow.yaml").write_text("warehouse_uri: postgres://u:s3cret@pg/db")
    with pytest.raises(WorkflowError) as exc:
        read_settings(tmp_path / "flow.json", {})
    assert exc.value.codes == ["WF111"] and "s3cret" not in str(exc.value)


def test_a_sidecar_queue_routes_every_task_and_a_bad_one_is_coded(tmp_path: Path):
    """`queue` goes to every task, the run summary and an invalid workflow's report included (a Celery
    deployment routes a workflow to the workers listening on it); unset, Airflow's default queue."""
    from airflow.configuration import conf

    from wareflow.airflow.dag_factory import INVALID_TAG

    for stem in ("customers_near_stations", "customer_segments"):
        shutil.copy(EXAMPLES / f"{stem}.json", tmp_path)
    (tmp_path / "customers_near_stations.wareflow.yaml").write_text("queue: postgis-heavy")
    (tmp_path / "broken.json").write_text("{ not json")
    (tmp_path / "broken.wareflow.yaml").write_text("queue: postgis-heavy")
    dags = load(tmp_path)
    routed, broken = dags["customers_near_stations"], dags["broken"]
    assert {t.queue for t in routed.tasks} == {"postgis-heavy"} and len(routed.tasks) > 2
    assert INVALID_TAG in broken.tags and {t.queue for t in broken.tasks} == {"postgis-heavy"}
    assert {t.queue for t in dags["customer_segments"].tasks} == {conf.get("operators", "default_queue")}

    from wareflow.airflow.settings import read_settings
    from wareflow.errors import WorkflowError

    for bad in ("'two words'", "''", "[a, b]", "3"):
        (tmp_path / "customer_segments.wareflow.yaml").write_text(f"queue: {bad}")
        with pytest.raises(WorkflowError) as exc:
            read_settings(tmp_path / "customer_segments.json", {})
        assert exc.value.codes == ["WF111"] and "queue name" in str(exc.value), bad


# --- summaries ----------------------------------------------------------------------------------------

def test_stage_and_run_summaries():
    from wareflow.airflow.metrics import run_summary, stage_summary, summary_table
    from wareflow.warehouses.session import StageResult

    a = stage_summary(StageResult("save_a", "main.a", 10, 1.23456, 2, ("q1", "q2")), "bigquery", 2048)
    b = stage_summary(StageResult("st_buffer", "wareflow_st_buffer_x", 1234567, 0.5, 1), "bigquery")
    assert a == {"stage": "save_a", "table": "main.a", "rows": 10, "seconds": 1.235, "statements": 2,
                 "query_ids": ["q1", "q2"], "bytes_processed": 2048, "warehouse": "bigquery"}
    total = run_summary([a, b])
    assert total == {"stages": 2, "tables": ["main.a", "wareflow_st_buffer_x"], "rows": 1234577, "seconds": 1.735,
                     "query_ids": ["q1", "q2"], "bytes_processed": 2048}
    assert json.loads(json.dumps(total)) == total  # an XCom: JSON-native
    assert summary_table([a, b]).splitlines() == [
        "stage      table                      rows  seconds",
        "save_a     main.a                       10    1.235",
        "st_buffer  wareflow_st_buffer_x  1,234,567    0.500",
    ]


def test_metrics_go_to_airflows_stats_and_never_fail_the_task(monkeypatch, caplog):
    from airflow.sdk.observability.stats import Stats

    from wareflow.airflow.metrics import emit_stage_metrics

    sent = []
    monkeypatch.setattr(Stats, "timing", staticmethod(lambda name, dt, tags=None: sent.append(
        ("timing", name, dt, tags))))
    monkeypatch.setattr(Stats, "incr", staticmethod(lambda name, count=1, rate=None, tags=None: sent.append(
        ("incr", name, count, tags))))
    summary = {"seconds": 1.5, "rows": 7, "statements": 2, "bytes_processed": None, "warehouse": "duckdb"}
    emit_stage_metrics(summary, dag_id="d", task_id="t")
    tags = {"dag_id": "d", "task_id": "t", "warehouse": "duckdb"}
    assert sent == [("timing", "wareflow.stage.duration", 1500.0, tags), ("incr", "wareflow.stage.rows", 7, tags),
                    ("incr", "wareflow.stage.statements", 2, tags)]

    def broken(*args, **kwargs):
        raise OSError("statsd is down")

    monkeypatch.setattr(Stats, "timing", staticmethod(broken))
    with caplog.at_level(logging.WARNING):
        emit_stage_metrics(summary, dag_id="d", task_id="t")
    assert "could not emit metrics" in caplog.text


# --- provider metadata --------------------------------------------------------------------------------

def test_airflows_example_discovery_finds_the_provider_module(caplog):
    """Airflow guesses the module `airflow_provider_wareflow` from the distribution name; a missing one
    logged an ERROR with a traceback in every command and task log when examples were enabled."""
    from airflow.dag_processing.bundles.manager import _add_provider_example_dags_to_bundle

    with caplog.at_level(logging.ERROR):
        _add_provider_example_dags_to_bundle([])
    assert "airflow_provider_wareflow" not in caplog.text
    import airflow_provider_wareflow

    assert airflow_provider_wareflow.get_provider_info()["package-name"] == "airflow-provider-wareflow"


# --- cost guards ------------------------------------------------------------------------------------------

def test_a_statement_past_the_sidecars_timeout_fails_the_task_without_retry(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch):
    """Sidecar -> DAG -> operator -> session: DuckDB has no timeout of its own, so the statement is interrupted."""
    from airflow.sdk.exceptions import AirflowFailException

    from tests.support.workflows import WorkflowBuilder, out
    from wareflow.warehouses.duckdb import connect

    db = tmp_path / "slow.duckdb"
    conn = connect(str(db))
    conn.execute("CREATE TABLE main.numbers AS SELECT range AS n FROM range(100000)")
    conn.close()
    monkeypatch.setenv("AIRFLOW_CONN_WAREFLOW_DUCKDB", json.dumps({"conn_type": "duckdb", "host": str(db)}))
    wf = WorkflowBuilder(title="slow")
    slow = wf.node("native.customsql", {"sourcea": wf.source("main.numbers")},
                   sql="SELECT COUNT(*) AS c FROM $a AS x, $a AS y, $a AS z WHERE x.n + y.n = z.n")
    wf.save(out(slow), "main.slow")
    folder = tmp_path / "dags"
    folder.mkdir()
    (folder / "slow.json").write_text(json.dumps(wf.to_dict()))
    (folder / "slow.wareflow.yaml").write_text("statement_timeout_s: 1\nmax_bytes_billed: 1000000\n")
    dag = load(folder)["slow"]
    query = dag.get_task("native_customsql")  # Custom SQL is a stage of its own: the slow one
    assert (query.statement_timeout_s, query.max_bytes_billed) == (1, 1000000)
    with pytest.raises(AirflowFailException, match=r"WF409 .*statement_timeout_s \(1 s\)"):
        query.execute({"params": {}, "run_id": "manual__1", "dag": dag})


# --- reusing intermediates -------------------------------------------------------------------------------

def test_a_later_run_reuses_a_fresh_intermediate_and_rebuilds_a_changed_one(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch):
    """Sidecar `reuse_intermediates` -> operators: the buffer stage's table outlives the run (the cleanup
    task keeps it), the next run skips that stage and says why, another radius builds another table."""
    import sys

    sys.path.insert(0, str(EXAMPLES / "data"))
    import generate  # type: ignore[import-not-found]

    db = tmp_path / "demo.duckdb"
    generate.write_duckdb(str(db), generate.build_tables(seed=3))
    monkeypatch.setenv("AIRFLOW_CONN_WAREFLOW_DUCKDB", json.dumps({"conn_type": "duckdb", "host": str(db)}))
    folder = tmp_path / "dags"
    folder.mkdir()
    shutil.copy(EXAMPLES / "customers_near_stations.json", folder / "near.json")
    (folder / "near.wareflow.yaml").write_text(
        "table_map: {'wareflow-demo.demo': main}\nreuse_intermediates: true\nreuse_ttl_seconds: 3600\n")
    dag = load(folder)["near"]
    buffer, save = dag.get_task("st_buffer"), dag.get_task("save_customers_near_stations")

    def run(task, run_id: str, radius: int) -> dict:
        return task.execute({"params": {"radius": radius}, "run_id": run_id, "dag": dag})

    first = run(buffer, "manual__1", 300)
    assert first["reused"] is False and first["reuse_reason"] == "not built yet (no ledger)"
    saved = run(save, "manual__1", 300)["rows"]
    assert saved > 0
    second = run(buffer, "manual__2", 300)
    assert second["reused"] is True and second["rows"] == first["rows"] and second["table"] == first["table"]
    assert second["reuse_reason"].startswith("built ") and "(TTL 1 h)" in second["reuse_reason"]
    assert buffer.sql.startswith("-- reusing ")  # the Rendered Template view says so
    assert run(save, "manual__2", 300)["rows"] == saved  # the save reads the kept table
    third = run(buffer, "manual__3", 500)
    assert third["reused"] is False and third["table"] != first["table"]

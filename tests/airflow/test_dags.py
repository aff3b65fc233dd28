"""The DAG factory seen through Airflow itself: DagBag, serialisation, import errors, dag.test()."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "dags_examples"
LOADER = EXAMPLES / "wareflow_dags.py"


@pytest.fixture(autouse=True)
def _parse_as_the_dag_processor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A `dag.test()` run leaves the worker's parsing context in this process's environment."""
    monkeypatch.delenv("_AIRFLOW_PARSING_CONTEXT_DAG_ID", raising=False)
    monkeypatch.delenv("_AIRFLOW_PARSING_CONTEXT_TASK_ID", raising=False)


def dagbag(folder: Path | str):
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(folder))


def serialized(dag) -> str:
    from airflow.serialization.serialized_objects import DagSerialization

    return json.dumps(DagSerialization.to_dict(dag), sort_keys=True, default=str)


def test_examples_become_dags_with_one_task_per_stage():
    bag = dagbag(LOADER)
    assert bag.import_errors == {}
    assert sorted(bag.dag_ids) == ["wareflow_customer_segments", "wareflow_customers_near_stations",
                                   "wareflow_stores_by_neighborhood"]
    near = bag.dags["wareflow_customers_near_stations"]
    tasks = {t.task_id: sorted(t.upstream_task_ids) for t in near.tasks}
    (buffer,) = [t for t in tasks if t.startswith("st_buffer_")]
    saves = sorted(t for t in tasks if t.startswith("save_as_table_"))
    assert len(saves) == 2 and all(tasks[t] == [buffer] for t in saves)
    assert tasks["drop_intermediates"] == sorted([buffer, *saves])  # after every stage succeeded
    assert near.params["radius"] == 500
    assert near.tags == ["example", "wareflow"] or sorted(near.tags) == ["example", "wareflow"]
    assert near.default_args["owner"] == "data-team" and near.default_args["retries"] == 1
    assert bag.dags["wareflow_stores_by_neighborhood"].schedule == "@daily"


def test_two_parses_give_identical_serialised_dags():
    first = {d: serialized(dag) for d, dag in dagbag(LOADER).dags.items()}
    second = {d: serialized(dag) for d, dag in dagbag(LOADER).dags.items()}
    assert first == second


def test_a_broken_workflow_leaves_the_others_loaded_and_shows_in_import_errors(tmp_path: Path):
    for name in ("stores_by_neighborhood", "customer_segments"):
        shutil.copy(EXAMPLES / f"{name}.json", tmp_path)
    broken = {"nodes": [{"id": "buf_1", "type": "generic", "data": {"name": "native.buffer", "inputs": [
        {"name": "geo", "value": "geom"}, {"name": "distance", "value": "-5"}]}},
        {"id": "s", "type": "source", "data": {"name": "ReadTable", "inputs": [{"name": "source", "value": "a.b"}]}}],
        "edges": [{"source": "s", "target": "buf_1", "sourceHandle": "out", "targetHandle": "source"}]}
    (tmp_path / "broken.json").write_text(json.dumps(broken))
    (tmp_path / "worse.json").write_text("{ not json")
    shutil.copy(LOADER, tmp_path)
    bag = dagbag(tmp_path / LOADER.name)
    assert sorted(bag.dag_ids) == ["customer_segments", "stores_by_neighborhood"]
    (error,) = bag.import_errors.values()
    assert "broken.json: WF203 node 'buf_1' (native.buffer), input 'distance'" in error
    assert "worse.json: WF102 malformed workflow JSON at line 1" in error


def test_a_worker_builds_only_the_dag_it_runs(monkeypatch: pytest.MonkeyPatch):
    from wareflow.airflow import load_workflows

    monkeypatch.setenv("_AIRFLOW_PARSING_CONTEXT_DAG_ID", "wareflow_customer_segments")
    assert list(load_workflows(EXAMPLES)) == ["wareflow_customer_segments"]


def synced_dag(dag_id: str):
    """Parse the examples folder and store the DAG in the metadata DB, as `airflow dags test` does."""
    from airflow.utils.cli import get_bagged_dag

    return get_bagged_dag(None, dag_id)


def _generator():
    sys.path.insert(0, str(EXAMPLES / "data"))
    import generate  # type: ignore[import-not-found]

    return generate


@pytest.mark.usefixtures("airflow_db")
def test_dag_test_on_duckdb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    gen = _generator()
    db = tmp_path / "demo.duckdb"
    gen.write_duckdb(str(db), gen.build_tables(seed=3))
    monkeypatch.setenv("AIRFLOW_CONN_WAREFLOW_DUCKDB", json.dumps({"conn_type": "duckdb", "host": str(db)}))
    dag = synced_dag("wareflow_customers_near_stations")
    run = dag.test(run_conf={"radius": 300})
    assert run.state == "success"
    from wareflow.warehouses.duckdb import connect

    conn = connect(str(db), read_only=True)
    near = conn.sql("SELECT COUNT(*) FROM main.customers_near_stations").fetchone()[0]
    far = conn.sql("SELECT COUNT(*) FROM main.customers_far_from_stations").fetchone()[0]
    assert near + far == conn.sql("SELECT COUNT(*) FROM main.customers").fetchone()[0]
    assert 0 < near < far
    # the Rendered Template view shows the compiled SQL, with the run's radius as a literal
    from airflow.models.renderedtifields import RenderedTaskInstanceFields

    (buffer,) = [ti for ti in run.get_task_instances() if ti.task_id.startswith("st_buffer_")]
    rendered = RenderedTaskInstanceFields.get_templated_fields(buffer)
    assert rendered is not None and "CREATE OR REPLACE TABLE wareflow_st_buffer_" in rendered["sql"]
    assert "300" in rendered["sql"] and "main.stations" in rendered["sql"]
    tables = [r[0] for r in conn.sql("SELECT table_name FROM information_schema.tables").fetchall()]
    assert not [t for t in tables if t.startswith("wareflow_")]  # the run's scratch table was dropped


@pytest.mark.postgis
@pytest.mark.usefixtures("airflow_db")
def test_dag_test_on_postgis(pg_dsn: str, monkeypatch: pytest.MonkeyPatch):
    from urllib.parse import urlsplit

    gen = _generator()
    gen.write_postgres(pg_dsn, gen.build_tables(seed=3))
    url = urlsplit(pg_dsn)
    conn = {"conn_type": "postgres", "host": url.hostname, "port": url.port, "login": url.username or "postgres",
            "schema": url.path.lstrip("/")}
    monkeypatch.setenv("AIRFLOW_CONN_WAREFLOW_DUCKDB", json.dumps(conn))  # the examples' conn id, now PostGIS
    dag = synced_dag("wareflow_stores_by_neighborhood")
    run = dag.test()
    assert run.state == "success"
    import psycopg2

    with psycopg2.connect(pg_dsn) as pg, pg.cursor() as cur:
        cur.execute("SELECT COUNT(*), SUM(store_id_joined_count) FROM main.stores_by_neighborhood")
        assert cur.fetchone() == (24, 2000)


def test_sidecar_errors_are_coded(tmp_path: Path):
    from wareflow.airflow.settings import read_settings
    from wareflow.errors import WorkflowError

    wf = tmp_path / "flow.json"
    wf.write_text("{}")
    sidecar = tmp_path / "flow.wareflow.yaml"
    for text, code in [("dag_id: [unclosed", "WF110"), ("- a list", "WF110"), ("shedule: '@daily'", "WF111"),
                       ("dag_id: 'has space'", "WF111")]:
        sidecar.write_text(text)
        with pytest.raises(WorkflowError) as exc:
            read_settings(wf, {})
        assert exc.value.codes == [code], text
    sidecar.write_text("schedule: '@hourly'\ntags: [a, b]\nstart_date: '2025-02-01'")
    settings = read_settings(wf, {"retries": 5})
    assert (settings.dag_id, settings.schedule, settings.tags, settings.retries) == ("flow", "@hourly", ("a", "b"), 5)
    assert settings.start_date.isoformat() == "2025-02-01T00:00:00+00:00"


def test_duplicate_dag_ids_are_reported(tmp_path: Path):
    from wareflow.airflow import load_workflows

    for name in ("a", "b"):
        shutil.copy(EXAMPLES / "customer_segments.json", tmp_path / f"{name}.json")
        (tmp_path / f"{name}.wareflow.yaml").write_text("dag_id: same")
    dags = load_workflows(tmp_path)
    assert "same" in dags
    (report,) = [d for d in dags.values() if d.dag_id.startswith("wareflow_import_errors")]
    with pytest.raises(Exception, match="WF112"):
        report.validate()


def test_the_garbage_collector_is_paused_only_while_a_folder_is_built(tmp_path: Path):
    import gc

    from wareflow.airflow import load_workflows

    shutil.copy(EXAMPLES / "customer_segments.json", tmp_path)
    (tmp_path / "worse.json").write_text("{ not json")  # failures too leave the collector as it was
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            assert "customer_segments" in load_workflows(tmp_path)
            assert gc.isenabled() is enabled
        finally:
            gc.enable()

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
    # task ids say what each stage does or writes, so the graph view reads like the canvas
    assert tasks == {"st_buffer": [], "save_customers_near_stations": ["st_buffer"],
                     "save_customers_far_from_stations": ["st_buffer"],
                     "run_summary": ["save_customers_far_from_stations", "save_customers_near_stations", "st_buffer"]}
    assert near.params["radius"] == 500
    # the buffer's bound (distance > 0) is the param's JSON schema: the trigger form and REST API enforce it
    assert near.params.get_param("radius").schema == {"type": "number", "exclusiveMinimum": 0}
    assert near.tags == ["example", "wareflow"] or sorted(near.tags) == ["example", "wareflow"]
    assert near.default_args["owner"] == "data-team" and near.default_args["retries"] == 1
    assert bag.dags["wareflow_stores_by_neighborhood"].schedule == "@daily"


def test_two_parses_give_identical_serialised_dags():
    first = {d: serialized(dag) for d, dag in dagbag(LOADER).dags.items()}
    second = {d: serialized(dag) for d, dag in dagbag(LOADER).dags.items()}
    assert first == second


def _invalid(dag) -> list[str]:
    """The problem lines of an invalid-workflow DAG (empty for a runnable one)."""
    if "wareflow:invalid" not in dag.tags:
        return []
    (task,) = dag.tasks
    assert task.task_id == "report_problems"
    return task.problems


def test_a_broken_workflow_is_its_own_failing_dag_and_the_loader_has_no_import_error(tmp_path: Path):
    """Airflow's dag-processor hides every DAG of a file with an import error: the loader must never have one."""
    for name in ("stores_by_neighborhood", "customer_segments"):
        shutil.copy(EXAMPLES / f"{name}.json", tmp_path)
    broken = {"nodes": [{"id": "buf_1", "type": "generic", "data": {"name": "native.buffer", "inputs": [
        {"name": "geo", "value": "geom"}, {"name": "distance", "value": "-5"}]}},
        {"id": "s", "type": "source", "data": {"name": "ReadTable", "inputs": [{"name": "source", "value": "a.b"}]}}],
        "edges": [{"source": "s", "target": "buf_1", "sourceHandle": "out", "targetHandle": "source"}]}
    (tmp_path / "broken.json").write_text(json.dumps(broken))
    (tmp_path / "worse.json").write_text("{ not json")
    shutil.copy(EXAMPLES / "customer_segments.json", tmp_path / "bad_sidecar.json")
    (tmp_path / "bad_sidecar.wareflow.yaml").write_text(
        "dag_id: wf_bad\nschedule: every tuesday\nstart_date: x\nretry_delay_seconds: soon")
    shutil.copy(LOADER, tmp_path)
    bag = dagbag(tmp_path / LOADER.name)
    assert bag.import_errors == {}
    # a bad sidecar keeps its valid dag_id: a typo elsewhere must not move the DAG to a new id
    assert sorted(bag.dag_ids) == ["broken", "customer_segments", "stores_by_neighborhood", "wf_bad", "worse"]
    assert not _invalid(bag.dags["customer_segments"]) and not _invalid(bag.dags["stores_by_neighborhood"])
    assert _invalid(bag.dags["broken"]) == [
        "broken.json: WF203 node 'buf_1' (native.buffer), input 'distance': expected a number > 0, got '-5'"]
    assert _invalid(bag.dags["worse"])[0].startswith("worse.json: WF102 malformed workflow JSON at line 1")
    sidecar = _invalid(bag.dags["wf_bad"])
    assert [line.split(" ", 2)[:2] for line in sidecar] == [["bad_sidecar.wareflow.yaml:", "WF111"]] * 3
    assert sorted(line.split("'")[1] for line in sidecar) == ["retry_delay_seconds", "schedule", "start_date"]
    assert "broken.json" in bag.dags["broken"].doc_md and "WF203" in bag.dags["broken"].doc_md
    assert bag.dags["broken"].description.startswith("Invalid workflow broken.json")


def test_an_unexpected_exception_is_confined_to_its_workflow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from wareflow.airflow import dag_factory
    from wareflow.plan import planner

    for name in ("stores_by_neighborhood", "customer_segments"):
        shutil.copy(EXAMPLES / f"{name}.json", tmp_path)
    real = planner.plan_workflow

    def flaky(bound, **kw):
        if bound.workflow.title.lower().startswith("customer"):
            raise ZeroDivisionError("a bug")
        return real(bound, **kw)

    monkeypatch.setattr(planner, "plan_workflow", flaky)
    dags = dag_factory.load_workflows(tmp_path)
    assert not _invalid(dags["stores_by_neighborhood"])
    (line,) = _invalid(dags["customer_segments"])
    assert line.startswith("customer_segments.json: WF199 internal error") and "ZeroDivisionError" in line


def test_an_invalid_workflow_task_fails_without_retry_with_its_problems(tmp_path: Path):
    """(The same through a running scheduler and the REST API: tests/airflow/test_running_airflow.py.)"""
    from airflow.sdk.exceptions import AirflowFailException

    from wareflow.airflow import load_workflows

    (tmp_path / "worse.json").write_text("{ not json")
    (task,) = load_workflows(tmp_path)["worse"].tasks
    assert task.retries == 0
    with pytest.raises(AirflowFailException, match=r"worse\.json: WF102 malformed workflow JSON"):
        task.execute({})


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
    monkeypatch.setenv("AIRFLOW_CONN_WAREFLOW_EXAMPLES", json.dumps({"conn_type": "duckdb", "host": str(db)}))
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

    (buffer,) = [ti for ti in run.get_task_instances() if ti.task_id == "st_buffer"]
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
    monkeypatch.setenv("AIRFLOW_CONN_WAREFLOW_EXAMPLES", json.dumps(conn))  # the examples' conn id, now PostGIS
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


@pytest.mark.parametrize("names", [("a", "same"), ("same", "z")])
def test_a_duplicate_dag_id_never_drops_the_workflow_that_owns_it(tmp_path: Path, names):
    """The file whose own name gives the id keeps it, whatever the order; the claimant is invalid (WF112)."""
    from wareflow.airflow import load_workflows

    for name in names:
        shutil.copy(EXAMPLES / "customer_segments.json", tmp_path / f"{name}.json")
    claimant = next(n for n in names if n != "same")
    (tmp_path / f"{claimant}.wareflow.yaml").write_text("dag_id: same")
    dags = load_workflows(tmp_path)
    assert sorted(dags) == sorted(names)
    assert not _invalid(dags["same"])
    (line,) = _invalid(dags[claimant])
    assert line == (f"{claimant}.json: WF112 dag_id 'same' is already used by same.json; "
                    "set a unique dag_id in the sidecar")


def test_a_worker_resolves_duplicate_ids_as_the_dag_processor_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from wareflow.airflow import load_workflows

    for name in ("a", "same"):
        shutil.copy(EXAMPLES / "customer_segments.json", tmp_path / f"{name}.json")
    (tmp_path / "a.wareflow.yaml").write_text("dag_id: same")
    monkeypatch.setenv("_AIRFLOW_PARSING_CONTEXT_DAG_ID", "same")
    (dag,) = load_workflows(tmp_path).values()
    assert not _invalid(dag)
    monkeypatch.setenv("_AIRFLOW_PARSING_CONTEXT_DAG_ID", "a")
    (dag,) = load_workflows(tmp_path).values()
    assert _invalid(dag)[0].startswith("a.json: WF112")


def test_copy_pasted_nodes_are_separate_tasks(tmp_path: Path):
    """Two identical nodes (a copy-paste) hash alike; their task ids must still differ."""
    from wareflow.airflow import load_workflows

    doc = json.loads((EXAMPLES / "customer_segments.json").read_text())
    saves = [n for n in doc["nodes"] if n["data"]["name"] == "native.saveastable"]
    twin = json.loads(json.dumps(saves[0]))
    twin["id"] = saves[0]["id"] + "_copy"
    doc["nodes"].append(twin)
    doc["edges"] += [{**e, "id": e.get("id", "") + "_copy", "target": twin["id"]}
                     for e in doc["edges"] if e["target"] == saves[0]["id"]]
    (tmp_path / "twins.json").write_text(json.dumps(doc))
    dag = load_workflows(tmp_path)["twins"]
    assert not _invalid(dag)
    # the save and its twin, the stage both read (now a fan-out), and the cleanup
    assert len({t.task_id for t in dag.tasks}) == len(dag.tasks) == len(saves) + 3


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


def test_a_setting_airflow_itself_refuses_is_confined_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A schedule our checks pass but Airflow's DAG refuses: the workflow is invalid, the folder loads."""
    from wareflow.airflow import dag_factory, load_workflows

    for name in ("stores_by_neighborhood", "customer_segments"):
        shutil.copy(EXAMPLES / f"{name}.json", tmp_path)
    (tmp_path / "customer_segments.wareflow.yaml").write_text("schedule: '@hourly'")
    real_dag = dag_factory.DAG

    def picky(*args, **kwargs):
        if kwargs.get("schedule") == "@hourly":
            raise ValueError("Airflow refuses this schedule")
        return real_dag(*args, **kwargs)

    monkeypatch.setattr(dag_factory, "DAG", picky)
    dags = load_workflows(tmp_path)
    assert not _invalid(dags["stores_by_neighborhood"])
    (line,) = _invalid(dags["customer_segments"])
    assert "WF199" in line and "Airflow refuses this schedule" in line
    assert dags["customer_segments"].schedule is None  # reported without the refused setting


def test_a_worker_resolves_every_dag_id_as_the_dag_processor_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A worker reads only sidecars (and the settings of the DAG it builds): ids, duplicates and broken
    files must still come out exactly as in the dag-processor's full parse."""
    from wareflow.airflow import load_workflows

    for name in ("same", "a", "z", "plain", "other"):
        shutil.copy(EXAMPLES / "customer_segments.json", tmp_path / f"{name}.json")
    (tmp_path / "a.wareflow.yaml").write_text("dag_id: same")  # claims the id 'same' owns by its name
    (tmp_path / "z.wareflow.yaml").write_text("dag_id: plain")  # claims another file's own id
    (tmp_path / "other.wareflow.yaml").write_text("retries: lots")  # broken
    full = load_workflows(tmp_path)
    assert sorted(full) == ["a", "other", "plain", "same", "z"]
    for dag_id, dag in full.items():
        monkeypatch.setenv("_AIRFLOW_PARSING_CONTEXT_DAG_ID", dag_id)
        (built,) = load_workflows(tmp_path).values()
        assert built.dag_id == dag_id and built.tags == dag.tags and _invalid(built) == _invalid(dag), dag_id
    monkeypatch.setenv("_AIRFLOW_PARSING_CONTEXT_DAG_ID", "plain")
    assert list(load_workflows(tmp_path, retries="many")) == ["plain"]  # bad defaults: every file read, same ids

"""Wareflow in a REAL Airflow 3.3 as an Airflow team runs it, driven by the official REST client.

A dag-processor + scheduler + api-server on loopback (LocalExecutor, SQLite) serve a folder with
three workflows on one DuckDB file: A (stores per neighbourhood) writes ``main.stores_by_neighborhood``;
B ranks them and is scheduled on that table as an asset, so it must run by itself once A has
written; C reads a table that does not exist. Through ``apache-airflow-client`` only: trigger A with
``conf``, wait for A, then for B's asset-triggered run; read A's asset events, the tasks' XCom
summaries and logs (C's coded failure in the main log, not in "Pre Execute"), the readable DAG
(display names, docs); the task processes' StatsD metrics arrive on a UDP socket of this test.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.airflow_servers import LOOPBACK, AirflowServers

pytest.importorskip("airflow")
client = pytest.importorskip("airflow_client.client")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "dags_examples"
RUN_TIMEOUT_S = 240
PARSE_TIMEOUT_S = 90
TABLE_MAP = {"wareflow-demo.demo": "main"}
A, B, C = "stores_by_neighborhood", "neighborhood_ranking", "missing_source"
D = "customers_near_stations"  # an intermediate stage, kept by reuse_intermediates, under a statement timeout


def ranking_workflow() -> dict[str, Any]:
    """B: the neighbourhoods of A's table, best first."""
    from tests.support.workflows import WorkflowBuilder, out

    wf = WorkflowBuilder(title="Neighbourhood ranking")
    ranked = wf.node("native.orderby", {"table": wf.source("wareflow-demo.demo.stores_by_neighborhood")},
                     column="revenue_joined_sum", desc=True)
    wf.save(out(ranked), "wareflow-demo.demo.neighborhood_ranking")
    return wf.to_dict()


def missing_source_workflow() -> dict[str, Any]:
    from tests.support.workflows import WorkflowBuilder, out

    wf = WorkflowBuilder(title="Reads a missing table")
    ranked = wf.node("native.orderby", {"table": wf.source("wareflow-demo.demo.no_such_table")}, column="x")
    wf.save(out(ranked), "wareflow-demo.demo.never_written")
    return wf.to_dict()


class StatsdListener:
    """A UDP socket on loopback collecting the StatsD packets the task processes send."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((LOOPBACK, 0))
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.lines: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._collect, daemon=True)
        self._thread.start()

    def _collect(self) -> None:
        while not self._stop.is_set():
            try:
                packet = self.sock.recv(65535)
            except (TimeoutError, OSError):
                continue
            self.lines.extend(packet.decode(errors="replace").splitlines())

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def statsd() -> Iterator[StatsdListener]:
    listener = StatsdListener()
    yield listener
    listener.close()


@pytest.fixture
def servers(tmp_path: Path, sample_data: Path, statsd: StatsdListener) -> Iterator[AirflowServers]:
    data = tmp_path / "demo.duckdb"
    shutil.copy(sample_data, data)
    folder = tmp_path / "dags"
    folder.mkdir()
    shutil.copy(EXAMPLES / "wareflow_dags.py", folder)
    shutil.copy(EXAMPLES / f"{A}.json", folder)
    shutil.copy(EXAMPLES / f"{D}.json", folder)
    (folder / f"{B}.json").write_text(json.dumps(ranking_workflow()))
    (folder / f"{C}.json").write_text(json.dumps(missing_source_workflow()))
    common = {"table_map": TABLE_MAP, "warehouse_uri": f"duckdb://{data}", "retries": 0}
    sidecars = {A: {**common, "schedule": None}, B: {**common, "schedule": ["main.stores_by_neighborhood"]}, C: common,
                D: {**common, "reuse_intermediates": True, "statement_timeout_s": 600}}
    for stem, settings in sidecars.items():
        (folder / f"{stem}.wareflow.yaml").write_text(json.dumps(settings))  # JSON is YAML
    env = {
        "AIRFLOW_CONN_WAREFLOW_DUCKDB": json.dumps({"conn_type": "duckdb", "host": str(data)}),
        "AIRFLOW__METRICS__STATSD_ON": "True",
        "AIRFLOW__METRICS__STATSD_HOST": LOOPBACK,
        "AIRFLOW__METRICS__STATSD_PORT": str(statsd.port),
        "AIRFLOW__METRICS__STATSD_PREFIX": "airflow",
        "AIRFLOW__OPENLINEAGE__TRANSPORT": json.dumps({"type": "file", "log_file_path": str(tmp_path / "ol.jsonl"),
                                                       "append": True}),
        "AIRFLOW__OPENLINEAGE__NAMESPACE": "wareflow-test",
        "AIRFLOW__CORE__PARALLELISM": "2",  # one DuckDB file: fewer writers waiting on its lock
    }
    airflow = AirflowServers(folder, home=tmp_path / "airflow", env=env)
    with airflow:
        yield airflow
    assert not airflow.leftovers(), f"Airflow processes left running: {airflow.leftovers()}"


def api(servers: AirflowServers) -> Any:
    """The official client, authenticated with the JWT of the servers' admin user."""
    config = client.Configuration(host=servers.base_url, access_token=servers.token())
    return client.ApiClient(config)


def wait_for_run(servers: AirflowServers, runs: Any, dag_id: str, run_id: str | None = None) -> Any:
    """The DAG's run `run_id` (or its first run) once it has finished."""
    def finished() -> Any:
        listed = runs.get_dag_runs(dag_id).dag_runs
        found = [r for r in listed if run_id in (None, r.dag_run_id)]
        return found[0] if found and str(found[0].state.value) in ("success", "failed") else None

    return servers.wait_until(finished, RUN_TIMEOUT_S, f"{dag_id} run finished", every_s=2)


def xcom(xcoms: Any, dag_id: str, task_id: str, run_id: str) -> Any:
    """A task's return value, deserialised."""
    entry = xcoms.get_xcom_entry(dag_id, task_id, run_id, "return_value", deserialize=True).actual_instance
    return json.loads(entry.value) if isinstance(entry.value, str) else entry.value


def log_lines(tis: Any, dag_id: str, run_id: str, task_id: str) -> list[str]:
    """The task's log as the UI shows it, one event per line."""
    response = tis.get_log(dag_id, run_id, task_id, 1, full_content=True)
    content = response.content.actual_instance
    if isinstance(content, list):  # structured events: the message, and an exception's type and text
        return [json.dumps({k: v for k, v in c.to_dict().items() if k != "timestamp"}, default=str)
                for c in content]
    return str(content).splitlines()


@pytest.mark.airflow_servers
def test_assets_summaries_metrics_and_readable_dags_in_a_running_airflow(servers: AirflowServers,
                                                                          statsd: StatsdListener) -> None:
    dag_a, dag_b, dag_c = A, B, C
    servers.wait_for_dags({dag_a, dag_b, dag_c, D}, PARSE_TIMEOUT_S)
    with api(servers) as session:
        dags, runs = client.DAGApi(session), client.DagRunApi(session)
        tis, xcoms, assets = client.TaskInstanceApi(session), client.XComApi(session), client.AssetApi(session)
        tasks_api = client.TaskApi(session)

        # the DAG a person reads: the workflow's title, tasks named by what they write
        details = dags.get_dag_details(dag_a)
        assert details.dag_display_name == 'Stores by neighborhood'
        tasks = {t.task_id: t for t in tasks_api.get_tasks(dag_a).tasks}
        assert set(tasks) == {"save_stores_by_neighborhood", "run_summary"}
        save = tasks["save_stores_by_neighborhood"]
        assert save.task_display_name.endswith("→ main.stores_by_neighborhood (+3 fused)"), save.task_display_name
        assert "save_stores_by_neighborhood" in details.doc_md and "Spatial Join" in details.doc_md
        # ... and the picture of its canvas, served by the plugin to a signed-in user (the "Canvas" tab)
        picture = servers.request("GET", f"/wareflow/dags/{dag_a}/canvas.svg")
        assert picture.headers["content-type"].startswith("image/svg+xml")
        assert "<svg" in picture.text and "save_stores_by_neighborhood" in picture.text
        servers.request("GET", f"/wareflow/dags/{dag_a}/canvas.svg", ok=(401,), headers={"Authorization": ""})
        views = [v for p in client.PluginApi(session).get_plugins().plugins for v in p.external_views]
        assert [v.name for v in views] == ["Canvas"], views

        for dag_id in (dag_a, dag_b, dag_c):
            dags.patch_dag(dag_id, client.DAGPatchBody(is_paused=False))
        run_a = runs.trigger_dag_run(dag_a, client.TriggerDAGRunPostBody(logical_date=None, conf={}))
        run_c = runs.trigger_dag_run(dag_c, client.TriggerDAGRunPostBody(logical_date=None, conf={}))
        done_a = wait_for_run(servers, runs, dag_a, run_a.dag_run_id)
        assert done_a.state.value == "success", servers.failure_report(dag_a, run_a.dag_run_id)

        # A's write is an asset event, with the table's URI ...
        from airflow.sdk import Asset

        uri = Asset(f"duckdb://{servers.dags_folder.parent / 'demo.duckdb'}/main/stores_by_neighborhood").uri
        events = assets.get_asset_events(source_dag_id=dag_a, source_run_id=run_a.dag_run_id).asset_events
        assert [e.uri for e in events] == [uri], [e.to_dict() for e in events]
        assert events[0].source_task_id == "save_stores_by_neighborhood"
        # ... which starts B, scheduled on that table, by itself
        done_b = wait_for_run(servers, runs, dag_b)
        assert done_b.state.value == "success", servers.failure_report(dag_b, done_b.dag_run_id)
        assert str(done_b.run_type.value) == "asset_triggered"

        # the stage's XCom is its summary; the run summary adds them up
        summary = xcom(xcoms, dag_a, "save_stores_by_neighborhood", run_a.dag_run_id)
        assert summary["rows"] == 24 and summary["table"] == "main.stores_by_neighborhood"
        assert summary["warehouse"] == "duckdb" and summary["statements"] >= 1
        total = xcom(xcoms, dag_a, "run_summary", run_a.dag_run_id)
        assert total["rows"] == 24 and total["tables"] == ["main.stores_by_neighborhood"]
        log = log_lines(tis, dag_a, run_a.dag_run_id, "run_summary")
        assert any("run summary: 1 stage(s), 24 rows written" in line for line in log), log[-20:]

        # C fails at compile time: the coded reason is in the task's main log, after "Pre Execute"
        done_c = wait_for_run(servers, runs, dag_c, run_c.dag_run_id)
        assert done_c.state.value == "failed"
        # (read raw: the client's log model keeps an entry's message, not the exception beside it)
        log = servers.task_log(dag_c, run_c.dag_run_id, "save_never_written").splitlines()
        coded = [i for i, line in enumerate(log) if "no_such_table" in line and "WF402" in line]
        start = next(i for i, line in enumerate(log) if "::group::Pre Execute" in line)
        end = next(i for i, line in enumerate(log) if i > start and "::endgroup::" in line)
        assert coded and coded[0] > end, log[end:]

        # D twice (after the others: one DuckDB file): the second run reuses the first run's buffer table
        dags.patch_dag(D, client.DAGPatchBody(is_paused=False))
        summaries = []
        for _ in range(2):
            run_d = runs.trigger_dag_run(D, client.TriggerDAGRunPostBody(logical_date=None, conf={"radius": 300}))
            done_d = wait_for_run(servers, runs, D, run_d.dag_run_id)
            assert done_d.state.value == "success", servers.failure_report(D, run_d.dag_run_id)
            summaries.append(xcom(xcoms, D, "st_buffer", run_d.dag_run_id))
        first, second = summaries
        assert (first["reused"], second["reused"]) == (False, True), summaries
        assert second["table"] == first["table"] and second["rows"] == first["rows"]

    # B's table: A's neighbourhoods, best first
    from wareflow.warehouses.duckdb import connect

    conn = connect(str(servers.dags_folder.parent / "demo.duckdb"), read_only=True)
    try:
        ranked = conn.sql("SELECT revenue_joined_sum FROM main.neighborhood_ranking").fetchall()
    finally:
        conn.close()
    assert len(ranked) == 24 and [r[0] for r in ranked] == sorted((r[0] for r in ranked), reverse=True)

    # OpenLineage: the stage's COMPLETE event names what it read and wrote, column by column
    events = [json.loads(line) for line in (servers.dags_folder.parent / "ol.jsonl").read_text().splitlines()]
    (complete,) = [e for e in events if e["eventType"] == "COMPLETE"
                   and e["job"]["name"] == f"{dag_a}.save_stores_by_neighborhood"]
    namespace = f"duckdb://{servers.dags_folder.parent / 'demo.duckdb'}"
    outputs = [(o["namespace"], o["name"]) for o in complete["outputs"]]
    assert outputs == [(namespace, "demo.main.stores_by_neighborhood")]
    assert sorted(i["name"] for i in complete["inputs"]) == ["demo.main.neighborhoods", "demo.main.stores"]
    fields = complete["outputs"][0]["facets"]["columnLineage"]["fields"]
    assert [(f["namespace"], f["name"], f["field"]) for f in fields["store_id_joined_count"]["inputFields"]] == [
        (namespace, "demo.main.stores", "store_id")]

    # the plugin is registered once (an editable install's stray egg-info made Python see it twice)
    logs = "\n".join(p.read_text(errors="replace") for p in servers.home.glob("*.log"))
    assert "already registered" not in logs and "airflow_provider_wareflow" not in logs

    # the task processes' metrics reached StatsD
    servers.wait_until(lambda: any(line.startswith("airflow.wareflow.run.rows") for line in statsd.lines) or None,
                       30, "run metrics in StatsD", every_s=1)
    names = {line.split(":", 1)[0] for line in statsd.lines}
    assert {"airflow.wareflow.stage.rows", "airflow.wareflow.stage.duration",
            "airflow.wareflow.stage.statements"} <= names, sorted(n for n in names if "wareflow" in n)
    rows = [line for line in statsd.lines if line.startswith("airflow.wareflow.stage.rows:")]
    assert "airflow.wareflow.stage.rows:24|c" in rows, rows

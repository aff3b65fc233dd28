"""A task process killed mid-statement in a REAL Airflow 3.3: Airflow retries it and the run is right.

PostgreSQL and DuckDB have no jobs to reattach to: a retry runs the stage again, which is safe because
a stage publishes atomically (its table appears whole, or not at all) and its scratch tables are named
by the run. Here the dag-processor, scheduler and api-server run on loopback (LocalExecutor); a stage
runs a slow query on a DuckDB file; the test SIGKILLs the task process (the one holding the file open)
while the statement runs, makes the data small so the retry is quick, and checks that Airflow retried
the task, that the run succeeded with the right numbers and that nothing half-written is left.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.airflow_servers import AirflowServers

pytest.importorskip("airflow")

RUN_TIMEOUT_S = 240
LIMIT = 100  # the numbers left for the retry: x + y = z over 0..LIMIT has sum(z + 1) solutions
SLOW = "SELECT COUNT(*) AS solutions FROM $a AS x, $a AS y, $a AS z WHERE x.n + y.n = z.n"


def slow_workflow() -> dict:
    from tests.support.workflows import WorkflowBuilder, out

    wf = WorkflowBuilder(title="Sums")
    counted = wf.node("native.customsql", {"sourcea": wf.source("main.numbers")}, sql=SLOW)
    wf.save(out(counted), "main.sums")
    return wf.to_dict()


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[AirflowServers]:
    from wareflow.warehouses.duckdb import connect

    data = tmp_path / "numbers.duckdb"
    conn = connect(str(data))
    conn.execute("CREATE TABLE main.numbers AS SELECT range AS n FROM range(200000)")  # minutes of work
    conn.close()
    folder = tmp_path / "dags"
    folder.mkdir()
    (folder / "wareflow_dags.py").write_text(
        "# airflow dag\nfrom pathlib import Path\nfrom wareflow.airflow import load_workflows\n"
        "load_workflows(Path(__file__).parent, globals())\n")
    (folder / "sums.json").write_text(json.dumps(slow_workflow()))
    (folder / "sums.wareflow.yaml").write_text(json.dumps({"retries": 1, "retry_delay_seconds": 15}))
    env = {"AIRFLOW_CONN_WAREFLOW_DUCKDB": json.dumps({"conn_type": "duckdb", "host": str(data)})}
    with AirflowServers(folder, home=tmp_path / "airflow", env=env) as airflow:
        yield airflow


def holding_open(path: Path) -> list[int]:
    """The processes other than this one with `path` open: the task process running the stage."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            links = [os.readlink(fd) for fd in (entry / "fd").iterdir()]
        except OSError:
            continue
        if str(path) in links:
            found.append(int(entry.name))
    return found


@pytest.mark.airflow_servers
def test_a_task_killed_mid_statement_is_retried_and_the_run_is_right(servers: AirflowServers, tmp_path: Path):
    from wareflow.warehouses.duckdb import connect

    data = tmp_path / "numbers.duckdb"
    servers.wait_for_dags({"sums"}, 90)
    servers.unpause("sums")
    run_id = servers.trigger("sums")
    # the slow statement is running when its task process has the file open and logged the statement
    pids = servers.wait_until(lambda: holding_open(data) or None, RUN_TIMEOUT_S, "the stage started")
    servers.wait_until(lambda: "stage native_customsql: running" in servers.task_log("sums", run_id, "native_customsql")
                       or None, 60, "the statement running", every_s=1)
    time.sleep(1)  # well inside a statement that takes minutes
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    def retrying() -> dict | None:
        ti = servers.task_instances("sums", run_id)["native_customsql"]
        return ti if ti["state"] == "up_for_retry" else None

    first = servers.wait_until(retrying, 120, "the killed try to be marked for retry", every_s=1)
    assert first["try_number"] == 1
    conn = servers.wait_until(lambda: _writable(data), 30, "the killed process's file lock released")
    try:  # a quick retry: only the small numbers are left
        conn.execute(f"DELETE FROM main.numbers WHERE n > {LIMIT}")
    finally:
        conn.close()
    state = servers.wait_for_run("sums", run_id, RUN_TIMEOUT_S)
    assert state == "success", servers.failure_report("sums", run_id)
    tis = servers.task_instances("sums", run_id)
    assert tis["native_customsql"]["try_number"] == 2 and tis["save_sums"]["try_number"] == 1

    conn = connect(str(data), read_only=True)
    try:
        assert conn.sql("SELECT solutions FROM main.sums").fetchall() == [(sum(z + 1 for z in range(LIMIT + 1)),)]
        tables = [r[0] for r in conn.sql("SELECT table_name FROM duckdb_tables()").fetchall()]
    finally:
        conn.close()
    # nothing half-written: no staging table, and the run's scratch table dropped by run_summary
    assert sorted(tables) == ["numbers", "sums"], tables


def _writable(path: Path):  # type: ignore[no-untyped-def]
    from wareflow.warehouses.duckdb import connect

    try:
        return connect(str(path), lock_timeout=0)
    except Exception:
        return None

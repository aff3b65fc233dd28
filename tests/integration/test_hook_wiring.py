"""Warehouses that cannot run here (Databricks, Redshift, Oracle, Synapse, BigQuery): the operator
runs a stage through the real provider hook class; only the driver's network connection is replaced
by a recording fake. Checked: the hook is used, the compiled SQL is what runs, schemas are read
through the connection, transactions close, and killing the task cancels the statement."""

from __future__ import annotations

import json
import re
import threading
from typing import Any

import pytest

from tests.support.workflows import WorkflowBuilder, out
from wareflow.airflow.operator import WareflowOperator
from wareflow.components import bind
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow

COLUMNS = [("ID", "NUMBER"), ("CITY", "VARCHAR2"), ("SCORE", "FLOAT")]


class Log:
    def __init__(self) -> None:
        self.executed: list[str] = []
        self.rowcounts: list[int] = []  # what the driver reported for each executed statement
        self.connects: list[dict[str, Any]] = []
        self.events: list[str] = []
        self.block = threading.Event()  # set: the next write statement waits until cancelled
        self.started = threading.Event()
        self.release = threading.Event()


class FakeCursor:
    def __init__(self, log: Log):
        self.log, self.rowcount, self._rows = log, -1, []
        self.description = None

    def execute(self, sql: str, *args: Any, **kwargs: Any) -> None:
        self.log.executed.append(sql)
        low = sql.lower()
        if self.log.block.is_set() and low.startswith(("create", "insert", "with", "select *")):
            self.log.started.set()
            self.log.release.wait(10)
            raise RuntimeError("statement cancelled")
        self.rowcount = -1
        if "information_schema" in low or "all_tab_columns" in low:
            self._rows = list(COLUMNS)
        elif "count(*)" in low:
            self._rows = [(9,)]  # counting the table afterwards: not what the driver reported
        elif "pg_backend_pid" in low or "session_id()" in low:
            self._rows = [(42,)]
        else:
            self._rows = []
            # a different count per statement: the operator must report the one that wrote the rows
            self.rowcount = 100 + len(self.log.executed) if low.startswith(("insert", "create")) else -1
        self.log.rowcounts.append(self.rowcount)

    def fetchall(self) -> list[tuple[Any, ...]]:
        rows, self._rows = self._rows, []
        return rows

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows.pop(0) if self._rows else None

    def cancel(self) -> None:
        self.log.events.append("cursor.cancel")
        self.log.release.set()

    def close(self) -> None:
        pass


class FakeConnection:
    def __init__(self, log: Log):
        self.log = log
        self.autocommit = False

    def cursor(self) -> FakeCursor:
        return FakeCursor(self.log)

    def commit(self) -> None:
        self.log.events.append("commit")

    def rollback(self) -> None:
        self.log.events.append("rollback")

    def close(self) -> None:
        self.log.events.append("close")

    def cancel(self) -> None:  # oracledb has it; the dialects that cannot use it say so
        self.log.events.append("connection.cancel")
        self.log.release.set()


WAREHOUSES = {
    "databricks": ("databricks.sql.connect", {"conn_type": "databricks", "host": "dbc.example", "password": "tok",
                                              "extra": {"http_path": "/sql/1.0/warehouses/w"}}),
    "redshift": ("redshift_connector.connect", {"conn_type": "redshift", "host": "rs.example", "login": "u",
                                                "password": "p", "schema": "dev", "port": 5439}),
    "oracle": ("oracledb.connect", {"conn_type": "oracle", "host": "ora.example", "login": "u", "password": "p",
                                    "port": 1521, "extra": {"service_name": "FREEPDB1"}}),
    "synapse": ("pymssql.connect", {"conn_type": "mssql", "host": "syn.example", "login": "u", "password": "p",
                                    "schema": "dw"}),
}


def plan() -> Any:
    wf = WorkflowBuilder(title="wiring")
    w = wf.node("native.where", {"source": wf.source("main.people")}, expression="score > 1")
    g = wf.node("native.groupby", {"source": out(w, "match")}, columns="score,sum", groupby="city")
    wf.save(out(g), "main.by_city")
    wf.save(wf.source("main.people"), "main.people_log", append=True)
    return plan_workflow(bind(parse_workflow(wf.to_dict())))


@pytest.fixture
def warehouse(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Log]:
    name = request.param
    target, conn = WAREHOUSES[name]
    log = Log()

    def connect(*args: Any, **kwargs: Any) -> FakeConnection:
        log.connects.append(kwargs)
        return FakeConnection(log)

    monkeypatch.setattr(target, connect)
    monkeypatch.setenv("AIRFLOW_CONN_WAREHOUSE", json.dumps(conn))
    return name, log


def _rows_written(log: Log, start: int) -> int:
    """The driver's count for the statement that wrote the stage's rows: an append's first INSERT, else
    the CREATE ... AS SELECT (not the ledger's DDL, not the empty CREATE of a missing append target); where
    no such statement reported a count (T-SQL's SELECT ... INTO here), the table counted afterwards (9)."""
    executed = list(zip(log.executed[start:], log.rowcounts[start:], strict=True))
    inserts = [n for sql, n in executed if sql.lower().startswith("insert")]
    creates = [n for sql, n in executed if sql.lower().startswith("create") and "select" in sql.lower()]
    return (inserts or creates or [9])[0]


def context() -> dict[str, Any]:
    return {"params": {}, "run_id": "manual__1", "dag": None}


@pytest.mark.parametrize("warehouse", sorted(WAREHOUSES), indirect=True)
def test_stages_run_through_the_real_hook(warehouse: tuple[str, Log]):
    name, log = warehouse
    p = plan()
    for stage in p.stages:
        op = WareflowOperator(task_id=stage.id, plan=p, stage_id=stage.id, conn_id="warehouse")
        op.render_template_fields(context())
        assert op._dialect().name == name
        start = len(log.executed)
        result = op.execute(context())
        ran = [s for s in log.executed[start:] if "count(*)" not in s.lower()]
        # the schema reads, then exactly the SQL the Rendered Template view shows after the run
        assert (";\n\n".join(ran) + ";").endswith(op.sql) and not op.sql.startswith("--")
        assert result["rows"] == _rows_written(log, start) and log.events[-1] == "close"
    assert log.connects and all(log.connects)  # the hook built the driver's arguments
    assert any("information_schema" in s.lower() or "all_tab_columns" in s.lower() for s in log.executed)
    text = "\n".join(log.executed)
    expected = {"databricks": "CREATE OR REPLACE TABLE main.by_city", "redshift": "RENAME TO by_city",
                "oracle": r"ALTER TABLE main.by_city__wareflow_[0-9a-f]{8}\nRENAME TO by_city",
                "synapse": r"RENAME OBJECT main.by_city__wareflow_[0-9a-f]{8} TO by_city"}[name]
    assert re.search(expected, text)  # staging tables are named by the run
    assert "_wareflow_appends" in text  # the exactly-once append ledger


@pytest.mark.parametrize("warehouse", sorted(WAREHOUSES), indirect=True)
def test_killing_the_task_cancels_the_statement(warehouse: tuple[str, Log]):
    name, log = warehouse
    p = plan()
    stage = p.stages[0]
    op = WareflowOperator(task_id=stage.id, plan=p, stage_id=stage.id, conn_id="warehouse")
    op.render_template_fields(context())
    log.block.set()
    failure: list[BaseException] = []
    worker = threading.Thread(target=lambda: _run(op, failure))
    worker.start()
    assert log.started.wait(10)
    op.on_kill()
    if name in ("redshift", "synapse"):  # cancelled from a second connection
        log.release.set()
    worker.join(10)
    assert not worker.is_alive() and failure
    cancelled = {"databricks": "cursor.cancel" in log.events, "oracle": "connection.cancel" in log.events,
                 "redshift": any("PG_CANCEL_BACKEND(42)" in s for s in log.executed),
                 "synapse": any(s.startswith("KILL '42'") for s in log.executed)}
    assert cancelled[name]


def _run(op: WareflowOperator, failure: list[BaseException]) -> None:
    try:
        op.execute(context())
    except BaseException as exc:
        failure.append(exc)


class FakeBigQueryApi:
    """The BigQuery REST API as a real google-cloud-bigquery Client sees it (jobs.insert, getQueryResults)."""

    def __init__(self) -> None:
        self.jobs: list[dict[str, Any]] = []
        self.cancelled: list[str] = []
        self.hold = False  # True: jobs stay RUNNING until cancelled

    def api_request(self, method: str, path: str, query_params: Any = None, data: Any = None, **kw: Any) -> Any:
        if method == "POST" and path.endswith("/cancel"):
            self.cancelled.append(path.split("/")[-2])
            return {"job": {"jobReference": {"jobId": path.split("/")[-2], "projectId": "proj"}}}
        if method == "POST" and path.endswith("/jobs"):
            self.jobs.append(data)
            sql = data["configuration"]["query"]["query"]
            kind = "SELECT" if sql.startswith("SELECT") else "SCRIPT" if sql.startswith("BEGIN") else "DDL"
            stats = {"totalBytesProcessed": "1024", "statementType": kind}
            return {**data, "status": {"state": "DONE"}, "statistics": {"query": stats}}
        job_id = path.split("/")[-1]
        if method == "GET" and "/jobs/" in path:  # jobs.get: a job runs until it is cancelled
            if not any(j["jobReference"]["jobId"] == job_id for j in self.jobs):
                from google.api_core import exceptions

                raise exceptions.NotFound(f"Not found: Job proj:{job_id}")  # never inserted
            state = "DONE" if job_id in self.cancelled or not self.hold else "RUNNING"
            return {"jobReference": {"jobId": job_id, "projectId": "proj"}, "status": {"state": state},
                    "configuration": {"query": {}}}
        sql = next(j["configuration"]["query"]["query"] for j in self.jobs if j["jobReference"]["jobId"] == job_id)
        fields, rows = [], []
        if "INFORMATION_SCHEMA" in sql:
            fields = [{"name": "column_name", "type": "STRING"}, {"name": "data_type", "type": "STRING"}]
            rows = [{"f": [{"v": n.lower()}, {"v": t}]} for n, t in (("id", "INT64"), ("city", "STRING"),
                                                                     ("score", "FLOAT64"))]
        elif "COUNT(*)" in sql:
            fields, rows = [{"name": "c", "type": "INT64"}], [{"f": [{"v": "7"}]}]
        return {"jobReference": {"jobId": job_id, "projectId": "proj", "location": "EU"}, "jobComplete": True,
                "totalRows": str(len(rows)), "schema": {"fields": fields}, "rows": rows}


def test_bigquery_runs_query_jobs_through_bigquery_hook(monkeypatch: pytest.MonkeyPatch):
    from airflow.providers.google.cloud.hooks.bigquery import BigQueryHook
    from google.auth.credentials import AnonymousCredentials
    from google.cloud import bigquery

    api = FakeBigQueryApi()

    def get_client(self: BigQueryHook, project_id: Any = None, location: Any = None) -> bigquery.Client:
        client = bigquery.Client(project="proj", credentials=AnonymousCredentials(), location=location)
        client._connection = api  # only the network is replaced: jobs are built and awaited for real
        return client

    monkeypatch.setattr(BigQueryHook, "get_client", get_client)
    monkeypatch.setattr(BigQueryHook, "get_credentials_and_project_id",
                        lambda self: (AnonymousCredentials(), "proj"))  # no Google credentials here
    monkeypatch.setenv("AIRFLOW_CONN_WAREHOUSE", json.dumps(
        {"conn_type": "gcpbigquery", "extra": {"project": "proj", "location": "EU"}}))
    p = plan()
    for stage in p.stages:
        op = WareflowOperator(task_id=stage.id, plan=p, stage_id=stage.id, conn_id="warehouse")
        op.render_template_fields(context())
        result = op.execute(context())
        assert result["rows"] == 7
    queries = [j["configuration"]["query"] for j in api.jobs]
    assert all(q["useLegacySql"] is False for q in queries)
    labels = api.jobs[-1]["configuration"]["labels"]
    assert labels["tool"] == "wareflow" and labels["run"] == "manual__1" and labels["task"] == p.stages[-1].id
    assert {j["jobReference"]["location"] for j in api.jobs} == {"EU"}
    texts = [q["query"] for q in queries]
    assert any(t.startswith("CREATE OR REPLACE TABLE main.by_city") for t in texts)
    (script,) = [t for t in texts if t.startswith("BEGIN TRANSACTION")]  # the append: one script job
    assert script.count("INSERT INTO") == 2 and script.endswith("COMMIT TRANSACTION")


def test_bigquery_cancel_cancels_the_running_job(monkeypatch: pytest.MonkeyPatch):
    from airflow.providers.google.cloud.hooks.bigquery import BigQueryHook
    from google.auth.credentials import AnonymousCredentials
    from google.cloud import bigquery

    from wareflow.sql.dialects import get_dialect

    api = FakeBigQueryApi()
    api.hold = True
    client = bigquery.Client(project="proj", credentials=AnonymousCredentials())
    client._connection = api
    monkeypatch.setattr(BigQueryHook, "get_client", lambda self, project_id=None, location=None: client)
    monkeypatch.setattr(BigQueryHook, "get_credentials_and_project_id", lambda self: (AnonymousCredentials(), "proj"))
    monkeypatch.setenv("AIRFLOW_CONN_GOOGLE_CLOUD_DEFAULT", json.dumps({"conn_type": "gcpbigquery"}))
    dialect = get_dialect("bigquery")
    hook = BigQueryHook(**dialect.hook_arguments({}))
    conn = dialect.connect(hook, {"run": "r"})
    conn.running = hook.insert_job(
        configuration={"query": {"query": "SELECT 1", "useLegacySql": False}}, project_id="proj", nowait=True)
    assert dialect.cancel(conn) and api.cancelled == [conn.running.job_id]

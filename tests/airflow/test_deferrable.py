"""Deferrable stages: the operator submits a statement's job, defers to `WareflowJobTrigger`, and runs on
when the trigger says the job ended, submitting each job once.

BigQuery through the real BigQueryHook and client over a fake jobs API whose stage jobs stay RUNNING until
the trigger has polled them; Snowflake over the fake of the connector's asynchronous API (both from
tests/integration/test_resume.py). PostgreSQL and DuckDB have no jobs: they run in the worker, logged once.
"""

from __future__ import annotations

import asyncio
import functools
import json
import re
from typing import Any

import pytest

from tests.integration.test_resume import FakeJobsApi, FakeSnowflakeConnection, FakeSnowflakeServer, Store
from tests.support.workflows import WorkflowBuilder
from wareflow.airflow.operator import WareflowOperator
from wareflow.airflow.triggers import WareflowJobTrigger
from wareflow.components import bind
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow

RUNS_IN_WORKER = "deferrable is set, but"


def plan() -> Any:
    wf = WorkflowBuilder(title="deferred")
    source = wf.source("main.people", schema=[("id", "number")])
    wf.save(source, "main.people_log", append=True, id="log")  # 3 jobs: ledger, empty target, one script
    wf.save(source, "main.people_copy", id="save")  # 1 job
    return plan_workflow(bind(parse_workflow(wf.to_dict())))


def operator(stage_id: str, **kwargs: Any) -> WareflowOperator:
    op = WareflowOperator(task_id=stage_id, plan=plan(), stage_id=stage_id, conn_id="warehouse", **kwargs)
    op.poll_interval = 0
    return op


def context(store: Any) -> dict[str, Any]:
    return {"params": {}, "run_id": "manual__1", "dag": None, "task_state_store": store}


def first_event(trigger: WareflowJobTrigger) -> Any:
    async def run() -> Any:
        events = trigger.run()
        try:
            return await anext(events)
        finally:
            await events.aclose()

    return asyncio.run(run()).payload


def deferred(op: WareflowOperator, call: Any) -> Any:
    """The TaskDeferred `call` raises, its trigger round-tripped through `serialize()` as Airflow stores it."""
    from airflow.sdk.exceptions import TaskDeferred

    with pytest.raises(TaskDeferred) as exc:
        call()
    assert exc.value.method_name == "execute_complete"
    json.dumps(exc.value.kwargs)  # next_kwargs are stored as JSON
    return exc.value


class Said(list):  # type: ignore[type-arg]
    """The operator's log, recorded: its messages, formatted."""

    def _say(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.append(message % args if args else message)

    info = warning = debug = error = exception = _say


def notes(op: WareflowOperator, call: Any) -> tuple[Any, int]:
    """What `call` returns, and how many times `op` logged that its stage runs in the worker."""
    from unittest import mock

    said = Said()
    with mock.patch.object(type(op), "log", new_callable=mock.PropertyMock, return_value=said):
        result = call()
    return result, sum(RUNS_IN_WORKER in message for message in said)


def revive(trigger: WareflowJobTrigger) -> WareflowJobTrigger:
    import importlib

    path, kwargs = trigger.serialize()
    module, _, name = path.rpartition(".")
    again = getattr(importlib.import_module(module), name)(**json.loads(json.dumps(kwargs)))
    assert isinstance(again, WareflowJobTrigger) and again.serialize() == (path, kwargs)
    return again


# --------------------------------------------------------------------------------------------------
# BigQuery
# --------------------------------------------------------------------------------------------------
class HeldJobsApi(FakeJobsApi):
    """A stage's jobs stay RUNNING until polled (jobs.get) `polls` times; the session's reads end at once."""

    def __init__(self, polls: int = 2) -> None:
        super().__init__()
        self.polls = polls
        self.gets: dict[str, int] = {}
        self.held: dict[str, tuple[dict[str, Any], str]] = {}

    def api_request(self, method: str, path: str, query_params: Any = None, data: Any = None, **kw: Any) -> Any:
        job_id = path.split("/")[-1]
        if method == "GET" and "/jobs/" in path and job_id in self.held:
            self.gets[job_id] = self.gets.get(job_id, 0) + 1
            if self.gets[job_id] >= self.polls:
                FakeJobsApi._finish(self, *self.held.pop(job_id))
        return super().api_request(method, path, query_params, data, **kw)

    def _finish(self, job: dict[str, Any], sql: str) -> None:
        if sql.startswith(("CREATE", "BEGIN")):  # the stage's own statements: jobs that take a while
            self.held[job["jobReference"]["jobId"]] = (job, sql)
            return
        super()._finish(job, sql)


@pytest.fixture
def bigquery(monkeypatch: pytest.MonkeyPatch) -> HeldJobsApi:
    from airflow.providers.google.cloud.hooks.bigquery import BigQueryHook
    from google.auth.credentials import AnonymousCredentials
    from google.cloud import bigquery as bq

    api = HeldJobsApi()

    def get_client(self: Any, project_id: Any = None, location: Any = None) -> Any:
        client = bq.Client(project="proj", credentials=AnonymousCredentials())
        client._connection = api  # only the network is replaced
        return client

    monkeypatch.setattr(BigQueryHook, "get_client", get_client)
    monkeypatch.setattr(BigQueryHook, "get_credentials_and_project_id", lambda self: (AnonymousCredentials(), "proj"))
    monkeypatch.setenv("AIRFLOW_CONN_WAREHOUSE", json.dumps({"conn_type": "gcpbigquery", "extra": {"project": "proj"}}))
    return api


def test_bigquery_stage_defers_for_each_job_and_submits_each_once(bigquery: HeldJobsApi, monkeypatch):
    from wareflow.sql.dialects.bigquery_jobs import BigQueryJobs

    closed: list[int] = []
    close = BigQueryJobs.close
    monkeypatch.setattr(BigQueryJobs, "close", lambda self: (closed.append(1), close(self))[1])
    store, op = Store(), operator("save_people_log", deferrable=True)
    deferral = deferred(op, lambda: op.execute(context(store)))
    jobs = []
    while True:
        trigger = revive(deferral.trigger)
        jobs.append(trigger.job_id)
        assert bigquery.jobs[trigger.job_id]["status"]["state"] == "RUNNING"  # the worker did not wait for it
        assert store[f"wareflow/save_people_log/{trigger.index}"]["id"] == trigger.job_id  # recorded as it started
        before = len(closed)
        event = first_event(trigger)
        assert event["status"] == "succeeded" and event["job_id"] == trigger.job_id
        assert bigquery.gets[trigger.job_id] == 2 and len(closed) - before == 2  # polled twice, each closed
        complete = functools.partial(op.execute_complete, context(store), event=event, **deferral.kwargs)
        if len(jobs) == 3:
            break
        deferral = deferred(op, complete)
    summary = complete()
    assert summary["query_ids"] == jobs and summary["rows"] == 2 and summary["statements"] == 6
    assert summary["bytes_processed"] == 3 * 1024 and summary["stage"] == "save_people_log"
    statements = [(job_id, sql) for job_id, sql in bigquery.inserted if sql.startswith(("CREATE", "BEGIN"))]
    assert [job_id for job_id, _ in statements] == jobs  # each submitted once, in order (the rest are reads)
    assert statements[2][1].startswith("BEGIN TRANSACTION") and statements[2][1].count("INSERT INTO") == 2
    assert store["wareflow/save_people_log/generation"] == 1  # the stage completed


def test_bigquery_failed_job_fails_the_task_with_its_coded_error(bigquery: HeldJobsApi):
    from airflow.sdk.exceptions import AirflowFailException

    bigquery.fail_on = "CREATE OR REPLACE TABLE main.people_copy"
    store, op = Store(), operator("save_people_copy", deferrable=True)
    deferral = deferred(op, lambda: op.execute(context(store)))
    event = first_event(revive(deferral.trigger))
    assert event["status"] == "failed"
    with pytest.raises(AirflowFailException, match=r"WF402.*boom"):
        op.execute_complete(context(store), event=event, **deferral.kwargs)
    assert len(bigquery.inserted) == 1  # not submitted again by the failing task


def test_bigquery_trigger_that_cannot_read_the_job_fails_transiently():
    from wareflow.errors import TransientWarehouseError

    op = operator("save_people_copy", deferrable=True)
    with pytest.raises(TransientWarehouseError, match="WF401"):
        op.execute_complete({}, event={"status": "error", "transient": True, "message": "network down"})


def test_bigquery_without_a_task_state_store_runs_in_the_worker(bigquery: HeldJobsApi):
    bigquery.polls = 1
    op = operator("save_people_copy", deferrable=True)
    bigquery.held.clear()
    bigquery._finish = lambda job, sql: FakeJobsApi._finish(bigquery, job, sql)  # type: ignore[method-assign]
    no_store = {"params": {}, "run_id": "manual__1", "dag": None}  # an Airflow without the task state store
    summary, said = notes(op, lambda: op.execute(no_store))
    assert summary["rows"] == 2 and said == 1
    assert [sql.split()[:2] for _, sql in bigquery.inserted if not sql.startswith("SELECT")] == [["CREATE", "OR"]]


# --------------------------------------------------------------------------------------------------
# Snowflake: the connector's asynchronous API
# --------------------------------------------------------------------------------------------------
class ClosingSnowflakeConnection(FakeSnowflakeConnection):
    closed = 0

    def close(self) -> None:
        type(self).closed += 1


@pytest.fixture
def snowflake(monkeypatch) -> FakeSnowflakeServer:
    """Every connection of the tasks and triggers goes to one fake Snowflake server."""
    pytest.importorskip("snowflake.connector")
    from wareflow.sql.dialects import get_dialect
    from wareflow.warehouses import hooks

    server = FakeSnowflakeServer()
    monkeypatch.setattr(hooks, "dialect_for", lambda conn_id: get_dialect("snowflake"))
    monkeypatch.setattr(hooks, "connect_conn_id", lambda *a, **k: ClosingSnowflakeConnection(server))
    return server


def test_snowflake_stage_defers_on_the_query_id_and_runs_the_transaction_in_the_worker(snowflake):
    server = snowflake
    store, op = Store(), operator("save_people_log", deferrable=True)
    deferral = deferred(op, lambda: op.execute(context(store)))
    queries = []
    for _ in range(2):  # the ledger's and the empty target's CREATE: one query each, left running
        trigger = revive(deferral.trigger)
        queries.append(trigger.job_id)
        assert server.queries[trigger.job_id]["status"] == "RUNNING"
        ClosingSnowflakeConnection.closed = 0
        server.queries[trigger.job_id]["status"] = "SUCCESS"
        server.tables.add(re.findall(r"main\.(\w+)", server.queries[trigger.job_id]["sql"])[0].upper())
        event = first_event(trigger)
        assert event["status"] == "succeeded" and ClosingSnowflakeConnection.closed == 1
        complete = functools.partial(op.execute_complete, context(store), event=event, **deferral.kwargs)
        if len(queries) == 2:
            break
        deferral = deferred(op, complete)
    summary = complete()  # BEGIN ... COMMIT lives in the session: it runs here, not deferred
    assert summary["query_ids"][:2] == queries
    assert server.count("CREATE TABLE IF NOT EXISTS main._wareflow_appends") == 1
    assert server.count("CREATE TABLE IF NOT EXISTS main.people_log") == 1
    assert server.count("INSERT INTO main.people_log") == 1


def test_snowflake_failed_query_fails_the_task(snowflake):
    from airflow.sdk.exceptions import AirflowFailException

    server = snowflake
    store, op = Store(), operator("save_people_copy", deferrable=True)
    deferral = deferred(op, lambda: op.execute(context(store)))
    server.queries[deferral.trigger.job_id]["status"] = "FAILED_WITH_ERROR"
    event = first_event(revive(deferral.trigger))
    assert event["status"] == "failed"
    with pytest.raises(AirflowFailException, match="WF402"):
        op.execute_complete(context(store), event=event, **deferral.kwargs)
    assert len(server.queries) == 1


# --------------------------------------------------------------------------------------------------
# Warehouses without jobs: the stage runs in the worker
# --------------------------------------------------------------------------------------------------
def test_duckdb_deferrable_runs_in_the_worker_and_says_so_once(tmp_path, monkeypatch):
    from wareflow.warehouses.duckdb import connect

    db = tmp_path / "w.duckdb"
    conn = connect(str(db))
    conn.execute("CREATE TABLE main.people AS SELECT 1 AS id UNION ALL SELECT 2")
    conn.close()
    monkeypatch.setenv("AIRFLOW_CONN_WAREHOUSE", json.dumps({"conn_type": "duckdb", "host": str(db)}))
    op = operator("save_people_copy", deferrable=True)
    summary, said = notes(op, lambda: op.execute(context(Store())))
    assert summary["rows"] == 2 and said == 1


def test_postgres_deferrable_runs_in_the_worker(monkeypatch):
    from airflow.providers.postgres.hooks.postgres import PostgresHook

    from tests.integration.test_hook_wiring import FakeConnection, Log

    log = Log()
    monkeypatch.setattr(PostgresHook, "get_conn", lambda self: FakeConnection(log))
    monkeypatch.setenv("AIRFLOW_CONN_WAREHOUSE", json.dumps({"conn_type": "postgres", "host": "pg.example",
                                                             "login": "u", "password": "p", "schema": "db"}))
    store = Store()
    op = operator("save_people_copy", deferrable=True)
    summary, said = notes(op, lambda: op.execute(context(store)))
    assert summary["stage"] == "save_people_copy" and not store and said == 1
    assert any(s.lower().startswith("create") for s in log.executed)

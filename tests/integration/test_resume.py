"""Durable stages: a retry finds the jobs of an earlier try again instead of submitting duplicates.

BigQuery through the real BigQueryHook and google-cloud-bigquery Client, only the network replaced by a
fake jobs API whose jobs can stay RUNNING; a worker crash is a BaseException raised while the session
waits for a job (the job keeps running, as it would on BigQuery). Snowflake through a DB-API fake with the
connector's asynchronous API (fakesnow runs `execute_async` synchronously and has no
`get_query_status`). Databricks, PostgreSQL and DuckDB have no jobs a retry could find: unchanged.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from typing import Any

import pytest

from tests.support.workflows import statements_stage
from wareflow.errors import WarehouseError
from wareflow.sql.dialects import get_dialect
from wareflow.sql.dialects.base import JobKey
from wareflow.warehouses.resume import NO_STORE, generation_key, statement_key
from wareflow.warehouses.session import Session

SCRATCH = "CREATE OR REPLACE TABLE main.scratch AS SELECT id FROM main.people"
PUBLISH = "CREATE OR REPLACE TABLE main.copy AS SELECT id FROM main.scratch"
TAGS = {"tool": "wareflow", "dag": "d", "task": "save", "run": "manual__1"}


stage = statements_stage


class Store(dict):  # type: ignore[type-arg]
    """A dict-backed task state store (what Airflow 3.3 puts in the context as ``task_state_store``)."""

    def set(self, key: str, value: Any) -> None:
        self[key] = json.loads(json.dumps(value))  # JSON only, as Airflow stores it


class Crash(BaseException):
    """The worker killed while waiting for a job: nothing in the session catches it."""


# --------------------------------------------------------------------------------------------------
# BigQuery
# --------------------------------------------------------------------------------------------------
class FakeJobsApi:
    """jobs.insert, jobs.get and getQueryResults over jobs that may stay RUNNING; tables created by jobs."""

    def __init__(self) -> None:
        self.jobs: dict[str, dict[str, Any]] = {}
        self.inserted: list[tuple[str, str]] = []  # (job id, SQL) of every job that was not a dry run
        self.tables: set[str] = {"people"}
        self.crash_on: str | None = None  # SQL prefix: its job stays RUNNING and the waiting worker dies
        self.fail_on: str | None = None  # SQL prefix: its job fails

    def api_request(self, method: str, path: str, query_params: Any = None, data: Any = None, **kw: Any) -> Any:
        from google.api_core import exceptions

        if method == "POST" and path.endswith("/jobs"):
            job_id = data["jobReference"]["jobId"]
            if job_id in self.jobs:
                raise exceptions.Conflict(f"Already Exists: Job proj:{job_id}")
            sql = data["configuration"]["query"]["query"]
            if data["configuration"].get("dryRun"):
                return {**data, "status": {"state": "DONE"}, "statistics": {"query": {"totalBytesProcessed": "1"}}}
            self.inserted.append((job_id, sql))
            kind = "SELECT" if sql.startswith("SELECT") else "SCRIPT" if sql.startswith("BEGIN") else "DDL"
            self.jobs[job_id] = {**data, "status": {"state": "RUNNING"},
                                 "statistics": {"query": {"totalBytesProcessed": "1024", "statementType": kind}}}
            if not (self.crash_on and sql.startswith(self.crash_on)):
                self._finish(self.jobs[job_id], sql)  # a quick job: done by the time the client asks
            return self.jobs[job_id]
        job_id = path.split("/")[-1]
        if job_id not in self.jobs:
            raise exceptions.NotFound(f"Not found: Job proj:{job_id}")
        job = self.jobs[job_id]
        sql = job["configuration"]["query"]["query"]
        if job["status"]["state"] == "RUNNING":
            if self.crash_on and sql.startswith(self.crash_on):
                raise Crash(job_id)  # the worker dies waiting; the job runs on
            if "/queries/" in path:  # a retry waiting for it: it ends now
                self._finish(job, sql)
        if "/jobs/" in path:
            return job
        fields, rows = [], []
        if "INFORMATION_SCHEMA" in sql:
            (name,) = re.findall(r"table_name = '(\w+)'", sql)
            fields = [{"name": "column_name", "type": "STRING"}, {"name": "data_type", "type": "STRING"}]
            rows = [{"f": [{"v": "id"}, {"v": "INT64"}]}] if name in self.tables else []
        elif "COUNT(*)" in sql:
            fields, rows = [{"name": "c", "type": "INT64"}], [{"f": [{"v": "2"}]}]
        return {"jobReference": job["jobReference"], "jobComplete": True, "totalRows": str(len(rows)),
                "schema": {"fields": fields}, "rows": rows}

    def _finish(self, job: dict[str, Any], sql: str) -> None:
        if self.fail_on and sql.startswith(self.fail_on):
            error = {"reason": "invalidQuery", "message": "boom"}
            job["status"] = {"state": "DONE", "errorResult": error, "errors": [error]}
            return
        job["status"] = {"state": "DONE"}
        if created := re.match(r"CREATE (?:OR REPLACE )?TABLE (?:IF NOT EXISTS )?main\.(\w+)", sql):
            self.tables.add(created.group(1))

    def submitted(self, prefix: str) -> list[str]:
        return [job_id for job_id, sql in self.inserted if " ".join(sql.split()).startswith(prefix)]


@pytest.fixture
def bigquery(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A new worker process's connection (hook, client) to the one fake BigQuery: `connect(api, tags)`."""
    from airflow.providers.google.cloud.hooks.bigquery import BigQueryHook
    from google.auth.credentials import AnonymousCredentials
    from google.cloud import bigquery as bq

    monkeypatch.setattr(BigQueryHook, "get_credentials_and_project_id", lambda self: (AnonymousCredentials(), "proj"))
    monkeypatch.setenv("AIRFLOW_CONN_GOOGLE_CLOUD_DEFAULT", json.dumps({"conn_type": "gcpbigquery"}))

    def connect(api: FakeJobsApi, tags: dict[str, str] = TAGS) -> Any:
        client = bq.Client(project="proj", credentials=AnonymousCredentials())
        client._connection = api  # only the network is replaced: jobs are built, fetched and awaited for real
        monkeypatch.setattr(BigQueryHook, "get_client", lambda self, project_id=None, location=None: client)
        dialect = get_dialect("bigquery")
        return dialect.connect(BigQueryHook(**dialect.hook_arguments(tags)), tags)

    return connect


def _crash_then_retry(bigquery: Any, api: FakeJobsApi, store: Any, *statements: str) -> Any:
    dialect = get_dialect("bigquery")
    with pytest.raises(Crash):
        Session(bigquery(api), dialect).run(stage(dialect, *statements), resume=store)
    api.crash_on = None
    return Session(bigquery(api), dialect).run(stage(dialect, *statements), resume=store)


@pytest.mark.parametrize("store", [Store(), NO_STORE], ids=["task_state_store", "no_store"])
def test_bigquery_retry_reattaches_to_the_running_job_and_skips_the_succeeded_one(bigquery, store, caplog):
    api = FakeJobsApi()
    api.crash_on = "CREATE OR REPLACE TABLE main.copy"  # killed while statement 1's job runs
    with caplog.at_level(logging.INFO, logger="wareflow"):
        result = _crash_then_retry(bigquery, api, store, SCRATCH, PUBLISH)
    (scratch,), (publish,) = api.submitted(SCRATCH), api.submitted(PUBLISH)  # each submitted once
    assert api.jobs[publish]["status"]["state"] == "DONE"
    assert result.query_ids == (scratch, publish) and result.statements == 2
    assert scratch.startswith("wareflow_") and scratch.endswith("_0")
    messages = [r.getMessage() for r in caplog.records]
    assert any(f"statement 0 already succeeded in job {scratch}" in m for m in messages)
    assert any(f"statement 1 still runs in job {publish}" in m for m in messages)
    if store is not NO_STORE:
        assert store[statement_key("save_copy", 1)]["id"] == publish
        assert store[generation_key("save_copy")] == 1


def test_bigquery_failed_job_is_resubmitted_under_a_fresh_id(bigquery):
    api = FakeJobsApi()
    api.fail_on = "CREATE OR REPLACE TABLE main.copy"
    dialect, store = get_dialect("bigquery"), Store()
    with pytest.raises(WarehouseError) as exc:
        Session(bigquery(api), dialect).run(stage(dialect, SCRATCH, PUBLISH), resume=store)
    assert exc.value.codes == ["WF402"]
    api.fail_on = None
    Session(bigquery(api), dialect).run(stage(dialect, SCRATCH, PUBLISH), resume=store)
    (failed, again) = api.submitted(PUBLISH)
    assert len(api.submitted(SCRATCH)) == 1
    assert failed.endswith("_0") and again == failed[:-2] + "_1"  # a failed job's id is never reused
    assert store[statement_key("save_copy", 1)]["id"] == again


def test_bigquery_succeeded_create_whose_table_was_dropped_runs_again_with_all_after_it(bigquery):
    api = FakeJobsApi()
    api.fail_on = "CREATE OR REPLACE TABLE main.copy"
    dialect, store = get_dialect("bigquery"), Store()
    with pytest.raises(WarehouseError):
        Session(bigquery(api), dialect).run(stage(dialect, SCRATCH, PUBLISH), resume=store)
    api.fail_on = None
    api.tables.discard("scratch")  # e.g. the run's cleanup dropped it
    Session(bigquery(api), dialect).run(stage(dialect, SCRATCH, PUBLISH), resume=store)
    assert [j[-2:] for j in api.submitted(SCRATCH)] == ["_0", "_1"]
    assert [j[-2:] for j in api.submitted(PUBLISH)] == ["_0", "_1"]


def test_bigquery_append_transaction_resumes_as_one_script_job(bigquery):
    api = FakeJobsApi()
    api.crash_on = "BEGIN TRANSACTION"
    ledger = "CREATE TABLE IF NOT EXISTS main._wareflow_appends (run_key STRING, appended_at TIMESTAMP)"
    statements = (ledger, "BEGIN TRANSACTION", "INSERT INTO main.copy SELECT id FROM main.people",
                  "INSERT INTO main._wareflow_appends SELECT 'k', CURRENT_TIMESTAMP()", "COMMIT TRANSACTION")
    result = _crash_then_retry(bigquery, api, Store(), *statements)
    (created,), (script,) = api.submitted("CREATE TABLE IF NOT EXISTS"), api.submitted("BEGIN TRANSACTION")
    assert result.query_ids == (created, script)


def test_bigquery_recorded_id_reattaches_without_deterministic_ids(bigquery):
    api = FakeJobsApi()
    api.crash_on = "CREATE OR REPLACE TABLE main.copy"
    store, dialect, tags = Store(), get_dialect("bigquery"), {"tool": "wareflow-cli"}  # no dag, task, run
    with pytest.raises(Crash):
        Session(bigquery(api, tags), dialect).run(stage(dialect, PUBLISH), resume=store)
    api.crash_on = None
    Session(bigquery(api, tags), dialect).run(stage(dialect, PUBLISH), resume=store)
    (publish,) = api.submitted(PUBLISH)
    assert not publish.startswith("wareflow_") and store[statement_key("save_copy", 0)]["id"] == publish


def test_bigquery_a_completed_stage_run_again_submits_everything_anew(bigquery):
    dialect = get_dialect("bigquery")
    for store in (Store(), NO_STORE):  # cleared after success: the generation (or every job done) says so
        api = FakeJobsApi()
        for _ in range(2):
            Session(bigquery(api), dialect).run(stage(dialect, SCRATCH, PUBLISH), resume=store)
        assert len(api.submitted(SCRATCH)) == len(api.submitted(PUBLISH)) == 2


def test_bigquery_without_resume_or_run_identity_behaves_as_before(bigquery):
    api = FakeJobsApi()
    dialect = get_dialect("bigquery")
    Session(bigquery(api), dialect).run(stage(dialect, PUBLISH))  # no resume: the hook's own job ids
    Session(bigquery(api, {"tool": "wareflow-cli"}), dialect).run(stage(dialect, PUBLISH), resume=NO_STORE)
    assert [j.startswith("airflow_") for j in api.submitted(PUBLISH)] == [True, True]


def test_bigquery_deterministic_id_is_the_same_in_another_process(bigquery):
    from wareflow.sql.dialects.bigquery_jobs import BigQueryJobs

    key = JobKey("save", 1, "0123456789abcdef", 0)
    here = BigQueryJobs(object(), TAGS).job_base(key)
    code = ("import sys, json; from wareflow.sql.dialects.bigquery_jobs import BigQueryJobs; "
            "from wareflow.sql.dialects.base import JobKey; "
            "key = JobKey('save', 1, '0123456789abcdef', 0); "
            "print(BigQueryJobs(object(), json.loads(sys.argv[1])).job_base(key))")
    there = subprocess.run([sys.executable, "-c", code, json.dumps(TAGS)], capture_output=True, text=True, check=True,
                           env={"PYTHONPATH": ":".join(sys.path), "PYTHONHASHSEED": "123"}).stdout.strip()
    assert here == there and re.fullmatch(r"wareflow_[0-9a-f]{40}", here or "")
    assert BigQueryJobs(object(), {**TAGS, "run": "manual__2"}).job_base(key) != here


# --------------------------------------------------------------------------------------------------
# Snowflake: the connector's asynchronous API, faked
# --------------------------------------------------------------------------------------------------
class FakeSnowflakeServer:
    def __init__(self) -> None:
        self.queries: dict[str, dict[str, Any]] = {}
        self.executed: list[str] = []  # every statement submitted, in order
        self.tables: set[str] = {"PEOPLE"}
        self.crash_on: str | None = None
        self.fail_on: str | None = None

    def count(self, prefix: str) -> int:
        return sum(sql.startswith(prefix) for sql in self.executed)


class FakeSnowflakeCursor:
    def __init__(self, conn: FakeSnowflakeConnection):
        self.connection = conn
        self.server = conn.server
        self.sfqid: str | None = None
        self.rowcount = -1
        self._rows: list[tuple[Any, ...]] = []
        self._waiting: str | None = None

    def execute(self, sql: str, *args: Any) -> FakeSnowflakeCursor:
        self.execute_async(sql)
        self._waiting = self.sfqid
        self._complete()
        return self

    def execute_async(self, sql: str, *args: Any) -> dict[str, Any]:
        qid = f"01b{len(self.server.queries):05d}"
        self.server.queries[qid] = {"sql": sql, "status": "RUNNING"}
        self.server.executed.append(" ".join(sql.split()))
        self.sfqid = qid
        return {"queryId": qid}

    def get_results_from_sfqid(self, sfqid: str) -> None:
        self._waiting = sfqid

    def fetchall(self) -> list[tuple[Any, ...]]:
        self._complete()
        rows, self._rows = self._rows, []
        return rows

    def _complete(self) -> None:
        from snowflake.connector.errors import ProgrammingError

        if self._waiting is not None:
            query, self._waiting = self.server.queries[self._waiting], None
            if query["status"] == "RUNNING":
                if self.server.crash_on and query["sql"].startswith(self.server.crash_on):
                    raise Crash(query["sql"])
                failed = self.server.fail_on and query["sql"].startswith(self.server.fail_on)
                query["status"] = "FAILED_WITH_ERROR" if failed else "SUCCESS"
                if created := re.match(r"CREATE (?:OR REPLACE )?TABLE (?:IF NOT EXISTS )?main\.(\w+)", query["sql"]):
                    self.server.tables.add(created.group(1).upper())
            if query["status"] != "SUCCESS":
                raise ProgrammingError(msg="boom", errno=1003, sqlstate="42000")
            names = re.findall(r"UPPER\(table_name\) = '(\w+)'", query["sql"])
            self._rows = [("ID", "NUMBER")] if names and names[0] in self.server.tables else []
            if "COUNT(*)" in query["sql"]:
                self._rows = [(2,)]
            self.rowcount = 1

    def close(self) -> None: ...


class FakeSnowflakeConnection:
    autocommit = False

    def __init__(self, server: FakeSnowflakeServer):
        self.server = server

    def cursor(self) -> FakeSnowflakeCursor:
        return FakeSnowflakeCursor(self)

    def get_query_status(self, qid: str) -> Any:
        from snowflake.connector.constants import QueryStatus

        return QueryStatus[self.server.queries[qid]["status"]]

    @staticmethod
    def is_still_running(status: Any) -> bool:
        from snowflake.connector import SnowflakeConnection

        return SnowflakeConnection.is_still_running(status)

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


SF_SCRATCH = "CREATE OR REPLACE TABLE main.scratch AS SELECT id FROM main.people"
SF_PUBLISH = "CREATE OR REPLACE TABLE main.copy AS SELECT id FROM main.scratch"


def test_snowflake_retry_waits_for_the_running_query_and_skips_the_succeeded_one():
    pytest.importorskip("snowflake.connector")
    server, store, dialect = FakeSnowflakeServer(), Store(), get_dialect("snowflake")
    server.crash_on = "CREATE OR REPLACE TABLE main.copy"
    with pytest.raises(Crash):
        Session(FakeSnowflakeConnection(server), dialect).run(stage(dialect, SF_SCRATCH, SF_PUBLISH), resume=store)
    running = store[statement_key("save_copy", 1)]["id"]  # recorded right after submitting, before waiting
    server.crash_on = None
    result = Session(FakeSnowflakeConnection(server), dialect).run(stage(dialect, SF_SCRATCH, SF_PUBLISH),
                                                                   resume=store)
    assert server.count(SF_SCRATCH) == server.count(SF_PUBLISH) == 1  # none submitted twice
    assert server.queries[running]["status"] == "SUCCESS" and result.query_ids[1] == running


def test_snowflake_failed_query_is_resubmitted_and_transactions_always_run_again():
    pytest.importorskip("snowflake.connector")
    server, store, dialect = FakeSnowflakeServer(), Store(), get_dialect("snowflake")
    ledger = "CREATE TABLE IF NOT EXISTS main._wareflow_appends (run_key TEXT, appended_at TIMESTAMP)"
    statements = (ledger, SF_SCRATCH, "BEGIN", "INSERT INTO main.copy SELECT 1", "COMMIT")
    server.fail_on = "CREATE OR REPLACE TABLE main.scratch"
    with pytest.raises(WarehouseError):
        Session(FakeSnowflakeConnection(server), dialect).run(stage(dialect, *statements), resume=store)
    server.fail_on = None
    Session(FakeSnowflakeConnection(server), dialect).run(stage(dialect, *statements), resume=store)
    assert server.count("CREATE TABLE IF NOT EXISTS main._wareflow_appends") == 1  # succeeded, still there: skipped
    assert server.count(SF_SCRATCH) == 2  # failed: submitted again
    assert server.count("INSERT INTO main.copy SELECT 1") == 1  # never reached in the first try


def test_snowflake_without_a_store_runs_normally_and_says_so_once(caplog):
    pytest.importorskip("snowflake.connector")
    server, dialect = FakeSnowflakeServer(), get_dialect("snowflake")
    session = Session(FakeSnowflakeConnection(server), dialect)
    with caplog.at_level(logging.WARNING, logger="wareflow"):
        session.run(stage(dialect, SF_PUBLISH), resume=NO_STORE)
        session.run(stage(dialect, SF_PUBLISH), resume=NO_STORE)
    assert server.count(SF_PUBLISH) == 2
    assert sum("needs Airflow's task state store" in r.getMessage() for r in caplog.records) == 1


# --------------------------------------------------------------------------------------------------
# Databricks through its SQL connector, DuckDB: no jobs a retry could find
# --------------------------------------------------------------------------------------------------
def test_databricks_without_the_statement_api_does_not_resume_and_runs_as_before():
    """(With a SQL warehouse and a store it resumes through the Statement Execution API:
    tests/integration/test_databricks_statements.py.)"""
    from tests.integration.test_limits import FakeConnection

    dialect, store, conn = get_dialect("databricks"), Store(), FakeConnection()
    assert not dialect.can_resume(conn, True)
    Session(conn, dialect).run(stage(dialect, "CREATE OR REPLACE TABLE main.copy AS SELECT 1 AS id"), resume=store)
    assert not store


def test_duckdb_runs_the_stage_again_and_leaves_the_store_alone():
    from wareflow.warehouses.duckdb import connect

    conn = connect(":memory:")
    conn.execute("CREATE SCHEMA main2; CREATE TABLE main.people AS SELECT 1 AS id")
    dialect, store = get_dialect("duckdb"), Store()
    for _ in range(2):
        result = Session(conn, dialect).run(stage(dialect, "CREATE OR REPLACE TABLE main.copy AS SELECT id FROM "
                                                           "main.people"), resume=store)
    assert result.rows == 1 and not store
    conn.close()

"""Databricks stages that resume and defer through the SQL Statement Execution API.

The real DatabricksSqlHook and DatabricksHook run (auth, URLs, retries, error wrapping); only the network is
replaced: `requests.get`/`requests.post`, which the hook's `_do_api_call` calls, answer from a fake of the
API (`POST /api/2.0/sql/statements`, `GET .../{id}`, `POST .../{id}/cancel`) whose statements stay RUNNING
until polled, and databricks-sql-connector's `connect` gives the recording fake connection of
tests/integration/test_hook_wiring.py (schema reads, and whole stages where nothing resumes). A worker crash
is a BaseException raised while the session polls a statement (the statement runs on, as on Databricks).
"""

from __future__ import annotations

import functools
import json
import logging
from typing import Any

import pytest
import requests

from tests.airflow.test_deferrable import context, deferred, first_event, operator, revive
from tests.integration.test_hook_wiring import FakeConnection, Log
from tests.integration.test_resume import PUBLISH, SCRATCH, Crash, Store, stage
from wareflow.errors import WarehouseError
from wareflow.sql.dialects import get_dialect
from wareflow.warehouses.hooks import connect_conn_id
from wareflow.warehouses.resume import NO_STORE, generation_key, statement_key
from wareflow.warehouses.session import Session

pytest.importorskip("airflow.providers.databricks.hooks.databricks")

HOST = "https://dbc.example/api/2.0/sql/statements"
TAGS = {"tool": "wareflow", "dag": "d", "task": "save", "run": "manual__1"}


def flat(sql: str) -> str:
    return " ".join(sql.split())


class FakeStatementsApi:
    """The Statement Execution API of warehouse w1: a statement is RUNNING until polled `polls` times."""

    def __init__(self, polls: int = 2) -> None:
        self.polls = polls
        self.statements: dict[str, dict[str, Any]] = {}
        self.posted: list[tuple[str, dict[str, Any]]] = []  # (statement id, request body)
        self.cancelled: list[str] = []
        self.crash_on: str | None = None  # SQL prefix: polling it kills the worker (the statement runs on)
        self.fail_on: str | None = None  # SQL prefix: the statement fails with `error`
        self.error = {"error_code": "BAD_REQUEST", "message": "[PARSE_SYNTAX_ERROR] boom"}
        self.sql_state: str | None = "42601"

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        assert kwargs["auth"](requests.Request("GET", url).prepare()).headers["Authorization"] == "Bearer tok"
        assert url.startswith(HOST), url
        rest = url[len(HOST):].strip("/")
        if method == "POST" and not rest:
            return self._post(kwargs["json"])
        statement_id, _, action = rest.partition("/")
        if statement_id not in self.statements:
            return _response(404, {"error_code": "NOT_FOUND", "message": f"statement {statement_id} not found"})
        if method == "POST" and action == "cancel":
            self.cancelled.append(statement_id)
            self.statements[statement_id]["status"] = {"state": "CANCELED"}
            return _response(200, {})
        return _response(200, self._get(statement_id))

    def _post(self, body: dict[str, Any]) -> requests.Response:
        assert body["warehouse_id"] == "w1" and body["wait_timeout"] == "0s" and body["on_wait_timeout"] == "CONTINUE"
        statement_id = f"01ef-{len(self.posted):04d}"
        self.posted.append((statement_id, body))
        self.statements[statement_id] = {"statement_id": statement_id, "status": {"state": "PENDING"}, "gets": 0,
                                         "sql": flat(body["statement"])}
        return _response(200, {"statement_id": statement_id, "status": {"state": "PENDING"}})

    def _get(self, statement_id: str) -> dict[str, Any]:
        statement = self.statements[statement_id]
        sql = statement["sql"]
        if statement["status"]["state"] in ("PENDING", "RUNNING"):
            if self.crash_on and sql.startswith(self.crash_on):
                raise Crash(statement_id)
            statement["gets"] += 1
            statement["status"] = {"state": "RUNNING"}
            if statement["gets"] >= self.polls:
                self._finish(statement)
        return {k: v for k, v in statement.items() if k not in ("gets", "sql")}

    def _finish(self, statement: dict[str, Any]) -> None:
        sql = statement["sql"]
        if self.fail_on and sql.startswith(self.fail_on):
            statement["status"] = {"state": "FAILED", "error": dict(self.error)}
            if self.sql_state:
                statement["status"]["sql_state"] = self.sql_state
            return
        statement["status"] = {"state": "SUCCEEDED"}
        if sql.startswith("INSERT") or " AS SELECT" in sql:  # Delta DML and CTAS return the rows they wrote
            columns = [{"name": "num_affected_rows", "position": 0}, {"name": "num_inserted_rows", "position": 1}]
            statement["manifest"] = {"format": "JSON_ARRAY", "schema": {"column_count": 2, "columns": columns},
                                     "total_row_count": 1}
            statement["result"] = {"row_count": 1, "data_array": [["5", "5"]]}
        else:
            statement["manifest"] = {"format": "JSON_ARRAY", "schema": {"column_count": 0}, "total_row_count": 0}

    def submitted(self, prefix: str) -> list[str]:
        return [statement_id for statement_id, body in self.posted if flat(body["statement"]).startswith(prefix)]


def _response(status: int, body: dict[str, Any]) -> requests.Response:
    response = requests.Response()
    response.status_code, response._content, response.reason = status, json.dumps(body).encode(), "fake"
    response.url = HOST
    return response


@pytest.fixture
def databricks(monkeypatch: pytest.MonkeyPatch) -> tuple[FakeStatementsApi, Log]:
    from wareflow.sql.dialects import databricks_statements

    api, log = FakeStatementsApi(), Log()

    def connect(*args: Any, **kwargs: Any) -> FakeConnection:
        log.connects.append(kwargs)
        return FakeConnection(log)

    monkeypatch.setattr("databricks.sql.connect", connect)
    monkeypatch.setattr(requests, "get", functools.partial(api.request, "GET"))
    monkeypatch.setattr(requests, "post", functools.partial(api.request, "POST"))
    monkeypatch.setattr(databricks_statements, "POLL_S", (0.0,))
    monkeypatch.setenv("AIRFLOW_CONN_WAREHOUSE", json.dumps({
        "conn_type": "databricks", "host": "dbc.example", "password": "tok",
        "extra": {"http_path": "/sql/1.0/warehouses/w1", "catalog": "cat"}}))
    return api, log


def session() -> Session:
    dialect = get_dialect("databricks")
    return Session(connect_conn_id("warehouse", TAGS, dialect), dialect)


def test_retry_skips_the_succeeded_statement_and_waits_for_the_running_one(databricks, caplog):
    api, log = databricks
    dialect, store = get_dialect("databricks"), Store()
    api.crash_on = "CREATE OR REPLACE TABLE main.copy"  # killed while statement 1 runs
    with pytest.raises(Crash):
        session().run(stage(dialect, SCRATCH, PUBLISH), resume=store)
    (running,) = api.submitted("CREATE OR REPLACE TABLE main.copy")
    assert store[statement_key("save_copy", 1)]["id"] == running  # recorded before waiting
    api.crash_on = None
    with caplog.at_level(logging.INFO, logger="wareflow"):
        result = session().run(stage(dialect, SCRATCH, PUBLISH), resume=store)
    (scratch,), (publish,) = api.submitted("CREATE OR REPLACE TABLE main.scratch"), api.submitted(
        "CREATE OR REPLACE TABLE main.copy")  # each posted once
    assert publish == running and result.query_ids == (scratch, publish)
    assert result.rows == 5  # num_inserted_rows of the CTAS, not the count the connector would give (9)
    messages = [r.getMessage() for r in caplog.records]
    assert any(f"statement 0 already succeeded in job {scratch}" in m for m in messages)
    assert any(f"statement 1 still runs in job {publish}" in m for m in messages)
    assert store[generation_key("save_copy")] == 1
    assert api.posted[0][1]["catalog"] == "cat" and "schema" not in api.posted[0][1]  # as the connector has them
    assert not [s for s in log.executed if s.startswith("CREATE")]  # nothing of the stage ran on the connector


def test_failed_statement_is_resubmitted_and_the_succeeded_one_skipped(databricks):
    api, _ = databricks
    dialect, store = get_dialect("databricks"), Store()
    api.fail_on = "CREATE OR REPLACE TABLE main.copy"
    with pytest.raises(WarehouseError) as exc:
        session().run(stage(dialect, SCRATCH, PUBLISH), resume=store)
    assert exc.value.codes == ["WF402"] and "PARSE_SYNTAX_ERROR" in str(exc.value)
    api.fail_on = None
    session().run(stage(dialect, SCRATCH, PUBLISH), resume=store)
    assert len(api.submitted("CREATE OR REPLACE TABLE main.scratch")) == 1
    failed, again = api.submitted("CREATE OR REPLACE TABLE main.copy")
    assert store[statement_key("save_copy", 1)]["id"] == again != failed


@pytest.mark.parametrize(("error", "sql_state", "code"), [
    ({"error_code": "TEMPORARILY_UNAVAILABLE", "message": "warehouse restarting"}, None, "WF401"),
    ({"error_code": "BAD_REQUEST", "message": "[TABLE_OR_VIEW_NOT_FOUND] main.people"}, "42P01", "WF402"),
    ({"error_code": "BAD_REQUEST", "message": "[DIVIDE_BY_ZERO]"}, "22012", "WF402"),
])
def test_statement_errors_are_classified_as_the_connectors(databricks, error, sql_state, code):
    api, _ = databricks
    api.fail_on, api.error, api.sql_state = "CREATE", error, sql_state
    dialect = get_dialect("databricks")
    with pytest.raises(WarehouseError) as exc:
        session().run(stage(dialect, PUBLISH), resume=Store())
    assert exc.value.codes == [code] and error["message"] in str(exc.value)


def test_a_statement_past_the_timeout_is_cancelled_and_fails_with_wf409(databricks, monkeypatch):
    from wareflow.sql.dialects import databricks_statements
    from wareflow.warehouses import session as session_module
    from wareflow.warehouses.limits import Limits

    ticks = iter(range(10**6))  # a clock that advances a second each time it is read
    monkeypatch.setattr(databricks_statements, "_clock", lambda: float(next(ticks)))
    monkeypatch.setattr(session_module, "_clock", lambda: float(next(ticks)))
    api, log = databricks
    api.polls = 10**6  # never ends by itself
    dialect = get_dialect("databricks")
    conn = connect_conn_id("warehouse", TAGS, dialect)
    with pytest.raises(WarehouseError) as exc:
        Session(conn, dialect, limits=Limits(statement_timeout_s=3)).run(stage(dialect, PUBLISH), resume=Store())
    assert exc.value.codes == ["WF409"] and api.cancelled == api.submitted("CREATE")
    assert "SET STATEMENT_TIMEOUT = 3" in log.executed and "RESET STATEMENT_TIMEOUT" in log.executed


def test_without_a_task_state_store_the_stage_runs_through_the_connector(databricks, caplog):
    api, log = databricks
    dialect = get_dialect("databricks")
    with caplog.at_level(logging.WARNING, logger="wareflow"):
        session().run(stage(dialect, PUBLISH), resume=NO_STORE)
        session().run(stage(dialect, PUBLISH))
    assert not api.posted and [flat(s) for s in log.executed].count(PUBLISH) == 2
    assert sum("needs Airflow's task state store" in r.getMessage() for r in caplog.records) == 1


def test_a_cluster_http_path_runs_through_the_connector_even_with_a_store(databricks, monkeypatch):
    api, log = databricks
    monkeypatch.setenv("AIRFLOW_CONN_WAREHOUSE", json.dumps({
        "conn_type": "databricks", "host": "dbc.example", "password": "tok",
        "extra": {"http_path": "sql/protocolv1/o/123/0123-456789-abcdef"}}))
    store = Store()
    session().run(stage(get_dialect("databricks"), PUBLISH), resume=store)
    assert not api.posted and not store and [flat(s) for s in log.executed] == [PUBLISH]


def test_killing_the_task_cancels_the_statement_through_the_api(databricks):
    import threading

    api, _ = databricks
    api.polls = 10**6
    dialect = get_dialect("databricks")
    conn = connect_conn_id("warehouse", TAGS, dialect)
    failure: list[BaseException] = []

    def run() -> None:
        try:
            Session(conn, dialect).run(stage(dialect, PUBLISH), resume=Store())
        except BaseException as exc:
            failure.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    while worker.is_alive() and conn.running is None:
        worker.join(0.01)
    assert dialect.cancel(conn)
    worker.join(10)
    assert not worker.is_alive() and api.cancelled == api.submitted("CREATE")
    assert isinstance(failure[0], WarehouseError) and failure[0].codes == ["WF401"]  # cancelled: a retry may do


# --------------------------------------------------------------------------------------------------
# Deferrable (the operator, the trigger): tests/airflow/test_deferrable.py's pattern
# --------------------------------------------------------------------------------------------------
def test_deferrable_stage_defers_for_each_statement_and_posts_each_once(databricks):
    api, _ = databricks
    store, op = Store(), operator("save_people_log", deferrable=True)
    deferral = deferred(op, lambda: op.execute(context(store)))
    jobs = []
    while True:
        trigger = revive(deferral.trigger)
        jobs.append(trigger.job_id)
        assert api.statements[trigger.job_id]["status"]["state"] == "PENDING"  # the worker did not wait for it
        assert store[f"wareflow/save_people_log/{trigger.index}"]["id"] == trigger.job_id
        event = first_event(trigger)
        assert event["status"] == "succeeded" and event["job_id"] == trigger.job_id
        assert api.statements[trigger.job_id]["gets"] == 2  # polled until it ended
        complete = functools.partial(op.execute_complete, context(store), event=event, **deferral.kwargs)
        if len(jobs) == 4:  # ledger, empty target, data INSERT, ledger INSERT: no transaction on Databricks
            break
        deferral = deferred(op, complete)
    summary = complete()
    assert [statement_id for statement_id, _ in api.posted] == jobs  # each posted once, in order
    assert summary["query_ids"] == jobs and summary["statements"] == 4 and summary["rows"] == 5
    assert flat(api.posted[2][1]["statement"]).startswith("INSERT INTO main.people_log")
    assert store["wareflow/save_people_log/generation"] == 1


def test_deferred_statement_that_failed_fails_the_task_with_its_coded_error(databricks):
    from airflow.sdk.exceptions import AirflowFailException

    api, _ = databricks
    api.fail_on = "CREATE OR REPLACE TABLE main.people_copy"
    store, op = Store(), operator("save_people_copy", deferrable=True)
    deferral = deferred(op, lambda: op.execute(context(store)))
    event = first_event(revive(deferral.trigger))
    assert event["status"] == "failed"
    with pytest.raises(AirflowFailException, match=r"WF402.*PARSE_SYNTAX_ERROR"):
        op.execute_complete(context(store), event=event, **deferral.kwargs)
    assert len(api.posted) == 1  # not posted again by the failing task


def test_deferrable_without_a_task_state_store_runs_in_the_worker_through_the_connector(databricks):
    api, log = databricks
    op = operator("save_people_copy", deferrable=True)
    summary = op.execute({"params": {}, "run_id": "manual__1", "dag": None})
    assert not api.posted and any(flat(s).startswith("CREATE OR REPLACE TABLE main.people_copy")
                                  for s in log.executed)
    assert summary["stage"] == "save_people_copy"

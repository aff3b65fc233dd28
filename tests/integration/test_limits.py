"""Cost guards: a statement timeout on every warehouse that has one (a timer on DuckDB), BigQuery's bytes
billed cap (a dry run first, each job capped); a statement stopped by a limit is the terminal WF409 or WF410.

PostgreSQL and DuckDB run for real; the other warehouses through their drivers' exception classes and
DB-API fakes (fakesnow does not implement ALTER SESSION SET STATEMENT_TIMEOUT_IN_SECONDS), BigQuery
through the real BigQueryHook and google-cloud-bigquery Client with only the network replaced.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.support.engines import Engine
from tests.support.workflows import statements_stage
from wareflow.errors import TerminalWarehouseError, TransientWarehouseError, WarehouseError
from wareflow.sql.dialects import WarehouseDialect, get_dialect
from wareflow.warehouses import session as session_module
from wareflow.warehouses.limits import Limits, human_bytes
from wareflow.warehouses.session import Session, _Watchdog

FOREVER = "SELECT SUM((a.range * b.range) % 7) AS s FROM range(100000000) AS a, range(100000) AS b"  # hours


stage = statements_stage


class Clock:
    """The session's clock, advanced by the fakes: a statement 'runs' as long as a fake says."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(session_module, "_clock", fake)
    return fake


def test_limits_are_positive_whole_numbers():
    assert Limits() == Limits(None, None)
    for bad in (0, -1, 1.5, True, "10"):
        with pytest.raises(ValueError, match="statement_timeout_s"):
            Limits(statement_timeout_s=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_bytes_billed"):
        Limits(max_bytes_billed=0)
    assert [human_bytes(n) for n in (0, 1023, 1536, 5 * 2**30)] == [
        "0 bytes", "1023 bytes", "1.5 KiB (1536 bytes)", "5.0 GiB (5368709120 bytes)"]


# --------------------------------------------------------------------------------------------------
# PostgreSQL, for real
# --------------------------------------------------------------------------------------------------
def _show_timeout(conn: Any) -> str:
    cur = conn.cursor()
    cur.execute("SHOW statement_timeout")
    value = cur.fetchone()[0]
    cur.close()
    conn.rollback()
    return value


@pytest.mark.postgis
def test_postgres_statement_past_the_timeout_fails_terminal_and_leaves_nothing_behind(pg_engine, pg_dsn: str):
    import psycopg2

    dialect = pg_engine.dialect
    limited = Session(pg_engine.conn, dialect, limits=Limits(statement_timeout_s=1))
    with pytest.raises(WarehouseError) as exc:
        limited.run(stage(dialect, "CREATE TABLE main.copy AS SELECT 1 AS id FROM PG_SLEEP(600)"))
    assert isinstance(exc.value, TerminalWarehouseError) and exc.value.codes == ["WF409"]  # Airflow: no retry
    (issue,) = exc.value.issues
    assert issue.node_id == "save" and "statement_timeout_s (1 s)" in issue.message
    assert f"stage '{limited_stage_id(dialect)}'" in issue.message and issue.hint
    assert exc.value.__cause__.pgcode == "57014"

    other = psycopg2.connect(pg_dsn)  # the server stopped the statement: no backend still sleeping
    try:
        cur = other.cursor()
        cur.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'active' AND query ILIKE %s "
                    "AND pid <> pg_backend_pid()", ("%PG_SLEEP(600)%",))
        assert cur.fetchone()[0] == 0
    finally:
        other.close()

    assert _show_timeout(pg_engine.conn) == "0"  # lifted: it does not leak into what the connection runs next
    result = Session(pg_engine.conn, dialect).run(stage(dialect, "CREATE TABLE main.copy AS SELECT 1 AS id"))
    assert result.rows == 1 and pg_engine.rows("SELECT id FROM main.copy") == [(1,)]


def limited_stage_id(dialect: WarehouseDialect) -> str:
    return stage(dialect).stage.id


@pytest.mark.postgis
def test_postgres_timeout_holds_inside_the_stage_transaction_and_is_lifted_after(pg_engine):
    dialect = pg_engine.dialect
    session = Session(pg_engine.conn, dialect, limits=Limits(statement_timeout_s=90))
    # Set before the stage's transaction opens (and committed), so the stage's statements run under it ...
    session.run(stage(dialect, "CREATE TABLE main.copy AS SELECT CURRENT_SETTING('statement_timeout') AS t"))
    assert pg_engine.rows("SELECT t FROM main.copy") == [("90s",)]
    assert _show_timeout(pg_engine.conn) == "0"  # ... and RESET after it
    # A failed stage is rolled back; the limit is lifted all the same.
    with pytest.raises(TerminalWarehouseError):
        session.run(stage(dialect, "CREATE TABLE main.copy2 AS SELECT 1 / 0 AS boom"))
    assert _show_timeout(pg_engine.conn) == "0"


@pytest.mark.postgis
def test_postgres_a_cancel_before_the_limit_is_not_a_timeout(pg_engine, pg_dsn: str):
    """57014 is also a cancel (Airflow killing the task, an administrator): before the limit it stays WF401."""
    import psycopg2

    dialect = pg_engine.dialect
    session = Session(pg_engine.conn, dialect, limits=Limits(statement_timeout_s=3600))
    failure: list[BaseException] = []

    def run() -> None:
        try:
            session.run(stage(dialect, "CREATE TABLE main.copy AS SELECT 1 AS id FROM PG_SLEEP(600)"))
        except BaseException as exc:  # handed to the test thread
            failure.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    watcher = psycopg2.connect(pg_dsn)
    try:
        cur = watcher.cursor()
        while not failure:  # the statement is running once the server shows it
            cur.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'active' AND query ILIKE %s "
                        "AND pid <> pg_backend_pid()", ("%PG_SLEEP(600)%",))
            if cur.fetchone()[0]:
                break
        assert dialect.cancel(pg_engine.conn)
        worker.join(60)
    finally:
        watcher.close()
    (exc,) = failure
    assert isinstance(exc, TransientWarehouseError) and exc.codes == ["WF401"]


# --------------------------------------------------------------------------------------------------
# DuckDB, for real: no server-side timeout, a timer interrupts the statement
# --------------------------------------------------------------------------------------------------
def test_duckdb_statement_past_the_timeout_is_interrupted_with_wf409(engine_duckdb):
    dialect = engine_duckdb.dialect
    session = Session(engine_duckdb.conn, dialect, limits=Limits(statement_timeout_s=1))
    with pytest.raises(WarehouseError) as exc:
        session.run(stage(dialect, f"CREATE TABLE main.copy AS {FOREVER}"))
    assert isinstance(exc.value, TerminalWarehouseError) and exc.value.codes == ["WF409"]
    assert "statement_timeout_s (1 s)" in exc.value.issues[0].message
    assert type(exc.value.__cause__).__name__ == "InterruptException"
    # The connection goes on: a fast stage under the same limit runs, and its timer never fires.
    result = session.run(stage(dialect, "CREATE TABLE main.copy AS SELECT 42 AS id"))
    watch = session._watch
    assert watch is not None
    watch._timer.join()
    assert result.rows == 1 and not watch.fired
    assert engine_duckdb.rows("SELECT id FROM main.copy") == [(42,)]


def test_duckdb_without_a_limit_runs_no_timer(engine_duckdb):
    session = Session(engine_duckdb.conn, engine_duckdb.dialect)
    session.run(stage(engine_duckdb.dialect, "CREATE TABLE main.copy AS SELECT 1 AS id"))
    assert session._watch is None


def test_the_watchdog_never_fires_once_stopped():
    calls: list[int] = []
    stopped = _Watchdog(0.05, lambda: calls.append(1))
    stopped.stop()
    stopped._timer.join()
    fired = _Watchdog(0, lambda: calls.append(2))
    fired._timer.join()
    fired.stop()
    assert (stopped.fired, fired.fired, calls) == (False, True, [2])


def test_a_statement_finishing_as_the_timer_fires_is_past_the_limit_all_the_same():
    """The interrupt came too late to stop it (DuckDB ignores an interrupt when idle): still WF409."""

    class Finishing:  # a DuckDB-shaped connection whose statement ends only once interrupted
        def __init__(self) -> None:
            self.interrupted = threading.Event()

        def begin(self) -> None: ...
        def commit(self) -> None: ...
        def rollback(self) -> None: ...

        def interrupt(self) -> None:
            self.interrupted.set()

        def execute(self, sql: str) -> Finishing:
            assert self.interrupted.wait(60)
            return self

        def fetchone(self) -> tuple[int]:
            return (1,)

    dialect = get_dialect("duckdb")
    with pytest.raises(TerminalWarehouseError) as exc:
        Session(Finishing(), dialect, limits=Limits(statement_timeout_s=1)).run(
            stage(dialect, "CREATE TABLE main.copy AS SELECT 1 AS id"))
    assert exc.value.codes == ["WF409"]


def test_max_bytes_billed_elsewhere_is_logged_once_and_never_fails(engine_duckdb, caplog):
    dialect = engine_duckdb.dialect
    session = Session(engine_duckdb.conn, dialect, limits=Limits(max_bytes_billed=1))
    with caplog.at_level(logging.WARNING, logger="wareflow"):
        for _ in range(2):
            session.run(stage(dialect, "CREATE OR REPLACE TABLE main.copy AS SELECT 1 AS id"))
    notes = [r.getMessage() for r in caplog.records if "max_bytes_billed" in r.getMessage()]
    assert notes == ["DuckDB does not bill by bytes scanned: max_bytes_billed = 1 is not applied"]


@pytest.fixture
def engine_duckdb() -> Iterator[Engine]:
    from wareflow.warehouses.duckdb import connect

    conn = connect(":memory:")
    eng = Engine("duckdb", conn)
    eng.load("people", [("id", "integer")], [(1,), (2,)])
    yield eng
    conn.close()


# --------------------------------------------------------------------------------------------------
# Drivers whose servers cannot run here: DB-API fakes recording what the session does
# --------------------------------------------------------------------------------------------------
class FakeCursor:
    def __init__(self, conn: FakeConnection):
        self.conn = conn
        self.rowcount = -1

    def execute(self, sql: str, *args: Any) -> None:
        self.conn.log.append(sql)
        self.conn.timeouts.append(getattr(self.conn, "call_timeout", None))
        if self.conn.fail is not None and not sql.upper().startswith(("SET", "RESET", "ALTER SESSION")):
            self.conn.clock.now += self.conn.takes
            raise self.conn.fail
        self.rowcount = 1

    def fetchone(self) -> tuple[int]:
        return (1,)

    def fetchall(self) -> list[tuple[int]]:
        return [(1,)]

    def close(self) -> None: ...

    def __enter__(self) -> FakeCursor:
        return self

    def __exit__(self, *exc: object) -> None: ...


class FakeConnection:
    def __init__(self, clock: Clock | None = None, fail: BaseException | None = None, takes: float = 0.0):
        self.log: list[str] = []
        self.timeouts: list[Any] = []
        self.clock = clock or Clock()
        self.fail = fail
        self.takes = takes  # how long a failing statement 'ran' before failing

    def cursor(self) -> FakeCursor:
        return FakeCursor(self)

    def commit(self) -> None:
        self.log.append("<commit>")

    def rollback(self) -> None:
        self.log.append("<rollback>")


SESSION_STATEMENTS = [
    ("snowflake", 30, "ALTER SESSION SET STATEMENT_TIMEOUT_IN_SECONDS = 30",
     "ALTER SESSION UNSET STATEMENT_TIMEOUT_IN_SECONDS"),
    ("databricks", 30, "SET STATEMENT_TIMEOUT = 30", "RESET STATEMENT_TIMEOUT"),
    ("redshift", 30, "SET statement_timeout TO 30000", "RESET statement_timeout"),
    ("postgres", 30, "SET statement_timeout = 30000", "RESET statement_timeout"),
]


@pytest.mark.parametrize(("name", "seconds", "setting", "unsetting"), SESSION_STATEMENTS)
def test_the_timeout_is_session_state_set_before_the_stage_and_lifted_after(name, seconds, setting, unsetting):
    dialect = get_dialect(name)
    conn = FakeConnection()
    Session(conn, dialect, limits=Limits(statement_timeout_s=seconds)).run(
        stage(dialect, "CREATE TABLE main.copy AS SELECT 1 AS id"))
    assert conn.log[:2] == [setting, "<commit>"]  # committed before the stage: a rollback cannot undo it
    created = next(i for i, s in enumerate(conn.log) if s.startswith("CREATE"))
    assert conn.log.index(unsetting) > created and conn.log.count(setting) == 1  # lifted after the stage
    plain = FakeConnection()
    Session(plain, dialect).run(stage(dialect, "CREATE TABLE main.copy AS SELECT 1 AS id"))
    assert setting not in plain.log and unsetting not in plain.log  # no limit: not a statement more


def _snowflake_timeout() -> BaseException:
    from snowflake.connector import errors as sf

    return sf.ProgrammingError(msg="Statement reached its statement or warehouse timeout of 30 second(s) and was "
                                   "canceled.", errno=630, sqlstate="57014")


def _databricks_timeout() -> BaseException:
    from databricks.sql import exc as dbx

    error = dbx.ServerOperationError("[QUERY_EXECUTION_TIMEOUT_EXCEEDED] Query execution was cancelled")
    error.sql_state = "57KD0"  # type: ignore[attr-defined]  # as the kernel backend forwards it
    return error


def _redshift_timeout() -> BaseException:
    import redshift_connector

    return redshift_connector.ProgrammingError(
        {"S": "ERROR", "C": "57014", "M": "Query (1234) cancelled on user's request"})


def _oracle_timeout() -> BaseException:
    from oracledb import errors as ora

    error = ora._create_err(ora.ERR_CALL_TIMEOUT_EXCEEDED, timeout=30000)
    return error.exc_type(error)


TIMEOUT_ERRORS: dict[str, Callable[[], BaseException]] = {
    "snowflake": _snowflake_timeout, "databricks": _databricks_timeout, "redshift": _redshift_timeout,
    "oracle": _oracle_timeout,
}


@pytest.mark.parametrize("name", sorted(TIMEOUT_ERRORS))
def test_the_drivers_timeout_error_is_wf409_when_the_limit_is_ours(name: str, clock: Clock):
    dialect = get_dialect(name)
    error = TIMEOUT_ERRORS[name]()
    assert dialect.exceeded(error) == "statement_timeout"
    conn = FakeConnection(clock, fail=error, takes=30.5)  # stopped once it had run for the limit
    with pytest.raises(TerminalWarehouseError) as exc:
        Session(conn, dialect, limits=Limits(statement_timeout_s=30)).run(
            stage(dialect, "CREATE TABLE main.copy AS SELECT 1 AS id"))
    assert exc.value.codes == ["WF409"] and "statement_timeout_s (30 s)" in exc.value.issues[0].message
    # Stopped before our limit could have fired (a cancel, a shorter limit of an administrator's):
    # what the driver's classification says, as without limits.
    early = FakeConnection(clock, fail=TIMEOUT_ERRORS[name](), takes=2)
    with pytest.raises(WarehouseError) as exc2:
        Session(early, dialect, limits=Limits(statement_timeout_s=30)).run(
            stage(dialect, "CREATE TABLE main.copy AS SELECT 1 AS id"))
    unlimited = FakeConnection(clock, fail=TIMEOUT_ERRORS[name](), takes=60)
    with pytest.raises(WarehouseError) as exc3:
        Session(unlimited, dialect).run(stage(dialect, "CREATE TABLE main.copy AS SELECT 1 AS id"))
    kind = "WF401" if dialect.error_kind(error) == "transient" else "WF402"
    assert exc2.value.codes == exc3.value.codes == [kind]


def test_oracle_limits_each_call_through_call_timeout():
    dialect = get_dialect("oracle")
    conn = FakeConnection()
    conn.call_timeout = 0  # type: ignore[attr-defined]  # python-oracledb's default: none
    Session(conn, dialect, limits=Limits(statement_timeout_s=45)).run(
        stage(dialect, "CREATE TABLE main.copy AS SELECT 1 AS id FROM DUAL"))
    assert set(conn.timeouts) == {45000} and conn.call_timeout == 0  # type: ignore[attr-defined]
    assert not any("TIMEOUT" in s.upper() for s in conn.log)


def test_synapse_has_no_timeout_and_says_so_once(caplog):
    dialect = get_dialect("synapse")
    conn = FakeConnection()
    session = Session(conn, dialect, limits=Limits(statement_timeout_s=45))
    with caplog.at_level(logging.WARNING, logger="wareflow"):
        for _ in range(2):
            session.run(stage(dialect, "SELECT 1 AS id INTO main.copy"))
    assert [r.getMessage() for r in caplog.records if "statement_timeout_s" in r.getMessage()] == [
        "Azure Synapse has no statement timeout Wareflow can set: statement_timeout_s = 45 is not applied"]
    assert not any("TIMEOUT" in s.upper() for s in conn.log)


# --------------------------------------------------------------------------------------------------
# BigQuery: the real hook and client, the network replaced
# --------------------------------------------------------------------------------------------------
class FakeBigQueryApi:
    """jobs.insert (dry runs answered at once), jobs.get and getQueryResults, as a Client sees them."""

    def __init__(self, estimate: int, processed: int = 2048, error: dict[str, str] | None = None):
        self.estimate = estimate
        self.processed = processed
        self.error = error  # the errorResult of every job that is not a dry run
        self.jobs: list[dict[str, Any]] = []
        self.resources: dict[str, dict[str, Any]] = {}

    def api_request(self, method: str, path: str, query_params: Any = None, data: Any = None, **kw: Any) -> Any:
        if method == "POST" and path.endswith("/jobs"):
            self.jobs.append(data)
            config = data["configuration"]
            sql = config["query"]["query"]
            kind = "SELECT" if sql.startswith("SELECT") else "CREATE_TABLE_AS_SELECT"
            dry = config.get("dryRun", False)
            stats = {"totalBytesProcessed": str(self.estimate if dry else self.processed), "statementType": kind}
            status: dict[str, Any] = {"state": "DONE"}
            if self.error and not dry:
                status = {"state": "DONE", "errorResult": self.error, "errors": [self.error]}
            resource = {**data, "status": status, "statistics": {"query": stats}}
            self.resources[data["jobReference"]["jobId"]] = resource
            return resource
        job_id = path.split("/")[-1]
        resource = self.resources[job_id]
        if "/jobs/" in path:
            return resource
        rows = [{"f": [{"v": "1"}]}] if "COUNT(*)" in resource["configuration"]["query"]["query"] else []
        return {"jobReference": resource["jobReference"], "jobComplete": True, "totalRows": str(len(rows)),
                "schema": {"fields": [{"name": "c", "type": "INT64"}]}, "rows": rows}


@pytest.fixture
def bigquery(monkeypatch: pytest.MonkeyPatch) -> Callable[[FakeBigQueryApi], Any]:
    from airflow.providers.google.cloud.hooks.bigquery import BigQueryHook
    from google.auth.credentials import AnonymousCredentials
    from google.cloud import bigquery as bq

    monkeypatch.setattr(BigQueryHook, "get_credentials_and_project_id", lambda self: (AnonymousCredentials(), "proj"))
    monkeypatch.setenv("AIRFLOW_CONN_GOOGLE_CLOUD_DEFAULT", json.dumps({"conn_type": "gcpbigquery"}))

    def connect(api: FakeBigQueryApi) -> Any:
        client = bq.Client(project="proj", credentials=AnonymousCredentials())
        client._connection = api  # only the network is replaced: jobs are built and awaited for real
        monkeypatch.setattr(BigQueryHook, "get_client", lambda self, project_id=None, location=None: client)
        dialect = get_dialect("bigquery")
        return dialect.connect(BigQueryHook(**dialect.hook_arguments({})), {"run": "r"})

    return connect


GIB = 2**30


def test_bigquery_estimate_over_the_cap_fails_before_anything_runs(bigquery):
    api = FakeBigQueryApi(estimate=5 * GIB)
    dialect = get_dialect("bigquery")
    session = Session(bigquery(api), dialect, limits=Limits(max_bytes_billed=GIB, statement_timeout_s=600))
    with pytest.raises(TerminalWarehouseError) as exc:
        session.run(stage(dialect, "CREATE OR REPLACE TABLE main.copy AS SELECT id FROM main.people"))
    (issue,) = exc.value.issues
    assert issue.code == "WF410" and issue.node_id == "save"
    assert "estimated 5.0 GiB" in issue.message and "max_bytes_billed (1.0 GiB" in issue.message
    (dry,) = api.jobs  # the dry run only: nothing was billed
    assert dry["configuration"]["dryRun"] is True
    assert dry["configuration"]["query"]["query"].startswith("CREATE OR REPLACE TABLE main.copy")


def test_bigquery_under_the_cap_runs_each_job_capped_and_timed(bigquery, caplog):
    api = FakeBigQueryApi(estimate=1536, processed=2048)
    dialect = get_dialect("bigquery")
    conn = bigquery(api)
    session = Session(conn, dialect, limits=Limits(max_bytes_billed=GIB, statement_timeout_s=600))
    with caplog.at_level(logging.INFO, logger="wareflow"):
        result = session.run(stage(dialect, "CREATE OR REPLACE TABLE main.copy AS SELECT id FROM main.people"))
    dry, job, count = api.jobs
    assert dry["configuration"].get("dryRun") is True and "dryRun" not in job["configuration"]
    assert job["configuration"]["query"]["maximumBytesBilled"] == str(GIB)
    assert job["configuration"]["jobTimeoutMs"] == "600000"
    assert "maximumBytesBilled" not in count["configuration"]["query"]  # counting rows after: limits lifted
    assert (conn.maximum_bytes_billed, conn.job_timeout_ms) == (None, None)
    assert result.bytes_processed == 2048 and result.rows == 1
    assert any("estimated 1.5 KiB (1536 bytes) processed" in r.getMessage() for r in caplog.records)


def test_bigquery_without_limits_runs_no_dry_run(bigquery):
    api = FakeBigQueryApi(estimate=5 * GIB)
    dialect = get_dialect("bigquery")
    result = Session(bigquery(api), dialect).run(stage(dialect, "CREATE OR REPLACE TABLE main.copy AS SELECT 1 AS id"))
    assert [j["configuration"].get("dryRun") for j in api.jobs] == [None, None]
    assert "maximumBytesBilled" not in api.jobs[0]["configuration"]["query"]
    assert "jobTimeoutMs" not in api.jobs[0]["configuration"]
    assert result.bytes_processed == 2048


@pytest.mark.parametrize(("reason", "code"), [("bytesBilledLimitExceeded", "WF410"), ("timeout", "WF409")])
def test_bigquery_own_limit_errors_are_coded(bigquery, clock: Clock, reason: str, code: str):
    api = FakeBigQueryApi(estimate=1024, error={"reason": reason, "message": "limit"})
    dialect = get_dialect("bigquery")
    conn = bigquery(api)
    run = conn.run

    def slow(sql: str, **options: Any) -> Any:  # the job 'runs' past the timeout before BigQuery stops it
        clock.now += 700
        return run(sql, **options)

    conn.run = slow
    with pytest.raises(TerminalWarehouseError) as exc:
        Session(conn, dialect, limits=Limits(max_bytes_billed=GIB, statement_timeout_s=600)).run(
            stage(dialect, "CREATE OR REPLACE TABLE main.copy AS SELECT 1 AS id"))
    assert exc.value.codes == [code]

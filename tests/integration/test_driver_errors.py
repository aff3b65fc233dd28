"""Driver errors are classified by exception class and code, never by message text, and none ends
in a traceback or shows a password.

PostgreSQL and DuckDB raise their exceptions for real here; the other drivers' exception classes
(snowflake.connector, google.api_core, oracledb, pymssql, databricks.sql, redshift_connector) are
built as their drivers build them, since their servers cannot run here.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import sqlglot

from tests.support.workflows import WorkflowBuilder
from wareflow.errors import TerminalWarehouseError, TransientWarehouseError, WareflowError, WarehouseError
from wareflow.sql.dialects import get_dialect
from wareflow.warehouses.connect import connect_uri, redact

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "dags_examples"
# Passwords as users write them: a malformed %-escape, a literal %, quotes of both kinds, a space.
PASSWORDS = ["p%zzSecret", "Pa%25ss'wo\"rd 9", "sé%crèt%"]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def raised(conn: Any, sql: str) -> BaseException:
    """The exception the driver raises running `sql` (the transaction is rolled back after)."""
    cur = conn.cursor()
    try:
        cur.execute(sql)
    except Exception as exc:
        return exc
    finally:
        conn.rollback()
    raise AssertionError(f"{sql!r} did not fail")


def stage_running(engine: Any, *statements: str) -> Any:
    """A compiled stage of a one-node workflow, its statements replaced by `statements`."""
    from wareflow.components import bind
    from wareflow.model import parse_workflow
    from wareflow.plan import plan_workflow
    from wareflow.runner import compile_plan

    wf = WorkflowBuilder()
    wf.save(wf.source("main.people", schema=[("id", "number")]), "main.copy", id="save")
    (compiled,) = compile_plan(plan_workflow(bind(parse_workflow(wf.to_dict()))), engine.dialect)
    read = engine.dialect.sqlglot_dialect
    return dataclasses.replace(compiled, statements=tuple(sqlglot.parse_one(s, read=read) for s in statements))


# --------------------------------------------------------------------------------------------------
# PostgreSQL: SQLSTATEs raised by a real server
# --------------------------------------------------------------------------------------------------
@pytest.mark.postgis
@pytest.mark.parametrize(("sql", "state", "kind"), [
    ("SELECT * FROM main.connections", "42P01", "missing_table"),  # "connection" in the message
    ("CREATE TABLE no_such_schema.t (a int)", "3F000", "missing_table"),
    ("SELEC 1", "42601", "terminal"),
    ("SELECT 1 / 0", "22012", "terminal"),
    ("SELECT no_such_column FROM main.people", "42703", "terminal"),
    ("SELECT CAST('x' AS INT)", "22P02", "terminal"),
])
def test_postgres_errors_are_classified_by_sqlstate(pg_engine, sql: str, state: str, kind: str):
    exc = raised(pg_engine.conn, sql)
    assert getattr(exc, "pgcode", None) == state
    assert pg_engine.dialect.error_kind(exc) == kind


@pytest.mark.postgis
def test_psycopg3_errors_are_classified_by_sqlstate_too(pg_dsn: str):
    import psycopg

    with psycopg.connect(pg_dsn) as conn:
        exc = raised(conn, "SELECT * FROM connections")
    assert exc.sqlstate == "42P01" and get_dialect("postgres").error_kind(exc) == "missing_table"


def test_a_missing_table_named_connections_is_terminal(engine):
    """The word "connection" in the message once made this a lost connection, retried."""
    stage = stage_running(engine, "CREATE TABLE main.copy AS SELECT * FROM main.connections")
    with pytest.raises(WarehouseError) as exc:
        engine.session.run(stage)
    assert isinstance(exc.value, TerminalWarehouseError) and exc.value.codes == ["WF402"]
    assert exc.value.issues[0].node_id == "save" and "connections" in exc.value.issues[0].message


@pytest.mark.postgis
def test_a_lock_timeout_is_transient(pg_engine, pg_dsn: str):
    import psycopg2

    holder = psycopg2.connect(pg_dsn)
    try:
        holder.cursor().execute("LOCK TABLE main.cities IN ACCESS EXCLUSIVE MODE")  # held: not committed
        cur = pg_engine.conn.cursor()
        cur.execute("SET lock_timeout = '100ms'")
        pg_engine.conn.commit()
        with pytest.raises(WarehouseError) as exc:
            pg_engine.session.run(stage_running(pg_engine, "INSERT INTO main.cities VALUES ('Oslo', 'NO')"))
    finally:
        holder.close()
    assert isinstance(exc.value, TransientWarehouseError) and exc.value.codes == ["WF401"]
    assert exc.value.__cause__.pgcode == "55P03"


@pytest.mark.postgis
def test_a_statement_timeout_is_transient(pg_engine):
    cur = pg_engine.conn.cursor()
    cur.execute("SET statement_timeout = '50ms'")
    pg_engine.conn.commit()
    with pytest.raises(TransientWarehouseError) as exc:
        pg_engine.session.run(stage_running(pg_engine, "SELECT PG_SLEEP(5)"))
    assert exc.value.codes == ["WF401"] and exc.value.__cause__.pgcode == "57014"


@pytest.mark.postgis
def test_a_serialization_failure_is_transient(pg_engine, pg_dsn: str):
    """Two serializable transactions each read the table the other writes: the second to commit fails."""
    import psycopg2

    pg_engine.load("ledger", [("id", "integer")], [(1,)])
    pg_engine.conn.set_session(isolation_level="SERIALIZABLE")
    first, watcher = psycopg2.connect(pg_dsn), psycopg2.connect(pg_dsn)
    watcher.autocommit = True
    first.set_session(isolation_level="SERIALIZABLE")
    failure: list[BaseException] = []
    try:
        cur = first.cursor()
        cur.execute("SELECT pg_advisory_xact_lock(4242)")  # the stage waits for it after reading
        cur.execute("SELECT count(*) FROM main.ledger")
        cur.execute("INSERT INTO main.ledger VALUES (2)")
        stage = stage_running(pg_engine, "SELECT COUNT(*) FROM main.ledger", "SELECT PG_ADVISORY_XACT_LOCK(4242)",
                              "INSERT INTO main.ledger VALUES (3)")
        worker = threading.Thread(target=_capture(lambda: pg_engine.session.run(stage), failure))
        worker.start()
        _wait_until(lambda: _rows(watcher, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                           "AND NOT granted") == [(1,)])
        first.commit()
        worker.join(20)
    finally:
        first.close()
        watcher.close()
    assert not worker.is_alive() and len(failure) == 1
    assert isinstance(failure[0], TransientWarehouseError) and failure[0].codes == ["WF401"]
    assert failure[0].__cause__.pgcode == "40001"


@pytest.mark.postgis
def test_a_missing_privilege_is_terminal_when_describing_and_running(pg_engine, postgis_server, pg_dsn: str):
    import psycopg2

    from wareflow.warehouses.session import Session

    with _role(pg_engine.conn) as (role, _password):
        conn = psycopg2.connect(pg_dsn, user=role)
        try:
            session = Session(conn, pg_engine.dialect)
            with pytest.raises(TerminalWarehouseError) as described:
                session.describe(("main", "people"))
            with pytest.raises(TerminalWarehouseError) as ran:
                session.run(stage_running(pg_engine, "CREATE TABLE main.copy AS SELECT * FROM main.people"))
        finally:
            conn.close()
    assert described.value.codes == ["WF402"] and "'main.people'" in described.value.issues[0].message
    assert ran.value.codes == ["WF402"] and ran.value.__cause__.pgcode == "42501"


@pytest.mark.parametrize("parts", [("main", "no\x00pe"), ("ma\x00in", "people")])
def test_a_nul_in_a_name_is_a_coded_error_or_no_table(engine, parts: tuple[str, ...]):
    try:
        described = engine.session.describe(parts)
    except WareflowError as exc:
        assert exc.codes == ["WF402"]
    else:
        assert described is None


# --------------------------------------------------------------------------------------------------
# DuckDB: exception classes raised for real
# --------------------------------------------------------------------------------------------------
def test_duckdb_errors_are_classified_by_class():
    import duckdb

    dialect = get_dialect("duckdb")
    conn = duckdb.connect()
    conn.execute("SET python_enable_replacements = false")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
    conn.execute("INSERT INTO t VALUES (1)")
    cases = {
        "SELECT * FROM connections": ("CatalogException", "missing_table"),
        "SELECT * FROM a.b.connections": ("BinderException", "missing_table"),  # a catalog not attached
        "SELEC 1": ("ParserException", "terminal"),
        "INSERT INTO t VALUES (1)": ("ConstraintException", "terminal"),
        "SELECT CAST('x' AS INTEGER)": ("ConversionException", "terminal"),
    }
    for sql, (cls, kind) in cases.items():
        exc = _duckdb_raised(conn, sql)
        assert (type(exc).__name__, dialect.error_kind(exc)) == (cls, kind), sql
    for exc, kind in [(duckdb.IOException("x"), "transient"), (duckdb.TransactionException("x"), "transient"),
                      (duckdb.ConnectionException("x"), "transient"), (duckdb.InterruptException("x"), "transient"),
                      (duckdb.OutOfMemoryException("x"), "transient"), (duckdb.SerializationException("x"), "terminal"),
                      (duckdb.PermissionException("x"), "terminal")]:
        assert dialect.error_kind(exc) == kind, type(exc)


def test_a_duckdb_write_conflict_is_transient():
    import duckdb

    dialect = get_dialect("duckdb")
    first = duckdb.connect()
    first.execute("CREATE TABLE t (id INTEGER, v INTEGER)")
    first.execute("INSERT INTO t VALUES (1, 0)")
    second = first.cursor()  # a second connection to the same database
    first.begin()
    second.begin()
    first.execute("UPDATE t SET v = 1 WHERE id = 1")
    exc = _duckdb_raised(second, "UPDATE t SET v = 2 WHERE id = 1")
    assert type(exc).__name__ == "TransactionException" and dialect.error_kind(exc) == "transient"


def test_a_duckdb_three_part_name_is_no_table_and_python_variables_are_not_tables(tmp_path: Path):
    from wareflow.warehouses.session import Session

    conn, dialect = connect_uri(f"duckdb:///{tmp_path}/a.duckdb")
    session = Session(conn, dialect)
    assert session.describe(("elsewhere", "main", "connections")) is None
    # DuckDB would otherwise look a missing table up among the caller's Python variables
    assert session.describe(("main", "self")) is None and session.describe(("main", "cur")) is None
    stage = stage_running(_Engine(conn, dialect), "CREATE TABLE main.copy AS SELECT * FROM nope.main.people")
    with pytest.raises(TerminalWarehouseError) as exc:
        session.run(stage)
    assert exc.value.codes == ["WF402"]


def test_a_locked_duckdb_file_is_a_transient_connection_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("wareflow.warehouses.duckdb.DEFAULT_LOCK_TIMEOUT", 0.2)  # waited for, then WF405
    path = tmp_path / "locked.duckdb"
    with _held_open(path), pytest.raises(WarehouseError) as exc:
        connect_uri(f"duckdb:///{path}")
    assert isinstance(exc.value, TransientWarehouseError) and exc.value.codes == ["WF405"]
    conn, _ = connect_uri(f"duckdb:///{path}")  # free again once the other process has gone
    conn.close()


# --------------------------------------------------------------------------------------------------
# Drivers whose servers cannot run here: their exception classes, built as the drivers build them
# --------------------------------------------------------------------------------------------------
def _snowflake_cases() -> list[tuple[BaseException, str]]:
    from snowflake.connector import errors as sf

    return [
        (sf.ProgrammingError(msg="Object 'CONNECTIONS' does not exist or not authorized.", errno=2003,
                             sqlstate="42S02"), "missing_table"),
        (sf.ProgrammingError(msg="Schema 'NOPE' does not exist or not authorized.", errno=2003, sqlstate="02000"),
         "missing_table"),
        (sf.ProgrammingError(msg="syntax error line 1 at position 0 unexpected 'SELEC'.", errno=1003,
                             sqlstate="42000"), "terminal"),
        (sf.ProgrammingError(msg="Insufficient privileges to operate on table 'T'", errno=3001, sqlstate="42501"),
         "terminal"),
        (sf.ProgrammingError(msg="Statement reached its statement or warehouse timeout", errno=630,
                             sqlstate="57014"), "transient"),
        (sf.DatabaseError(msg="Failed to connect to DB: x:443. Incorrect username or password was specified.",
                          errno=390100, sqlstate="08001"), "terminal"),
        (sf.DatabaseError(msg="Failed to connect to DB: x:443. Incorrect username or password was specified.",
                          errno=390100, sqlstate="28000"), "terminal"),
        (sf.OperationalError(msg="Failed to execute request: connection lost", errno=250003, sqlstate="08001"),
         "transient"),
        (sf.DatabaseError(msg="connection closed", errno=250002, sqlstate="08003"), "transient"),
        (sf.ProgrammingError(msg="Object 'CONNECTION_TIMEOUTS' does not exist", errno=2003, sqlstate="42S02"),
         "missing_table"),
        (sf.ServiceUnavailableError(), "transient"),
        (sf.GatewayTimeoutError(), "transient"),
        (sf.TooManyRequests(), "transient"),
        (sf.ForbiddenError(), "terminal"),
        (sf.HttpError(errno=290503, msg="503 Service Unavailable"), "transient"),
        (sf.HttpError(errno=290404, msg="404 Not Found"), "terminal"),
    ]


def _bigquery_cases() -> list[tuple[BaseException, str]]:
    from google.api_core import exceptions as gx
    from google.auth import exceptions as auth

    return [
        (gx.NotFound("Not found: Table proj:ds.connections was not found in location US"), "missing_table"),
        (gx.NotFound("Not found: Dataset proj:nope"), "missing_table"),
        (gx.BadRequest("Syntax error", errors=[{"reason": "invalidQuery"}]), "terminal"),
        (gx.Forbidden("Access Denied", errors=[{"reason": "accessDenied"}]), "terminal"),
        (gx.Forbidden("Exceeded rate limits", errors=[{"reason": "rateLimitExceeded"}]), "transient"),
        (gx.BadRequest("backend", errors=[{"reason": "backendError"}]), "transient"),
        (gx.ServiceUnavailable("try again"), "transient"),
        (gx.InternalServerError("internal"), "transient"),
        (gx.TooManyRequests("slow down"), "transient"),
        (gx.Unauthorized("bad credentials"), "terminal"),
        (gx.BadRequest("Unrecognized name: connection_timeout", errors=[{"reason": "invalidQuery"}]), "terminal"),
        (auth.RefreshError("invalid_grant"), "terminal"),
        (auth.TransportError("connection refused"), "transient"),
    ]


def _oracle_cases() -> list[tuple[BaseException, str]]:
    import oracledb
    from oracledb import errors as ora

    def database_error(code: int, text: str) -> BaseException:
        error = ora._Error(f"ORA-{code:05d}: {text}", code=code)  # as the thin driver builds it
        return error.exc_type(error)

    return [
        (database_error(942, "table or view \"APP\".\"CONNECTIONS\" does not exist"), "missing_table"),
        (database_error(904, "\"NOPE\": invalid identifier"), "terminal"),
        (database_error(1017, "invalid credential or not authorized; logon denied"), "terminal"),
        (database_error(1031, "insufficient privileges"), "terminal"),
        (database_error(942, "table or view \"APP\".\"CONNECTION_TIMEOUTS\" does not exist"), "missing_table"),
        (database_error(60, "deadlock detected while waiting for resource"), "transient"),
        (database_error(8177, "can't serialize access for this transaction"), "transient"),
        (database_error(3113, "end-of-file on communication channel"), "transient"),
        (database_error(12541, "Cannot connect. No listener at host 127.0.0.1 port 1521"), "transient"),
        (oracledb.OperationalError(ora._create_err(ora.ERR_CONNECTION_FAILED)), "transient"),
        (oracledb.DatabaseError(ora._create_err(ora.ERR_CONNECTION_CLOSED)), "transient"),
    ]


def _synapse_cases() -> list[tuple[BaseException, str]]:
    import pymssql

    return [
        (pymssql.ProgrammingError(208, b"Invalid object name 'connections'."), "missing_table"),
        (pymssql.ProgrammingError(102, b"Incorrect syntax near 'SELEC'."), "terminal"),
        (pymssql.OperationalError(18456, b"Login failed for user 'u'."), "terminal"),
        (pymssql.OperationalError(229, b"The SELECT permission was denied on the object"), "terminal"),
        (pymssql.OperationalError(1205, b"Transaction was deadlocked on lock resources"), "transient"),
        (pymssql.OperationalError(40613, b"Database on server is not currently available."), "transient"),
        (pymssql.OperationalError(20047, b"DBPROCESS is dead or not enabled"), "transient"),
        (pymssql.ProgrammingError(208, b"Invalid object name 'connection_timeouts'."), "missing_table"),
    ]


def _databricks_cases() -> list[tuple[BaseException, str]]:
    from databricks.sql import exc as dbx

    missing = dbx.ServerOperationError("[TABLE_OR_VIEW_NOT_FOUND] The table `connections` cannot be found.")
    missing.sql_state = "42P01"  # type: ignore[attr-defined]  # as the kernel backend forwards it
    unauthenticated = dbx.OperationalError("invalid token")
    unauthenticated.code = "Unauthenticated"  # type: ignore[attr-defined]
    retryable = dbx.DatabaseError("warehouse starting")
    retryable.retryable = True  # type: ignore[attr-defined]
    return [
        (missing, "missing_table"),
        (dbx.ServerOperationError("[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'."), "terminal"),
        (dbx.ServerOperationError("[TABLE_OR_VIEW_NOT_FOUND] connection lost? no: a table"), "terminal"),
        (dbx.RequestError("Error during request to server", {"http-code": 503}), "transient"),
        (dbx.RequestError("Error during request to server", {"http-code": 403}), "terminal"),
        (dbx.MaxRetryDurationError("Retry request would exceed Retry policy max retry duration"), "transient"),
        (dbx.NonRecoverableNetworkError("Received code 501"), "terminal"),
        (unauthenticated, "terminal"),
        (retryable, "transient"),
    ]


def _redshift_cases() -> list[tuple[BaseException, str]]:
    import redshift_connector

    def server(state: str, message: str, cls: Any = redshift_connector.ProgrammingError) -> BaseException:
        return cls({"S": "ERROR", "C": state, "M": message})  # the ErrorResponse fields, as the driver raises them

    return [
        (server("42P01", 'relation "connections" does not exist'), "missing_table"),
        (server("42601", 'syntax error at or near "SELEC"'), "terminal"),
        (server("28000", "password authentication failed", redshift_connector.InterfaceError), "terminal"),
        (server("40001", "could not serialize access"), "transient"),
        (server("53300", "too many connections"), "transient"),
        (server("42P01", 'relation "deadlocked_connections" does not exist'), "missing_table"),
    ]


DRIVER_CASES: dict[str, Callable[[], list[tuple[BaseException, str]]]] = {
    "snowflake": _snowflake_cases, "bigquery": _bigquery_cases, "oracle": _oracle_cases,
    "synapse": _synapse_cases, "databricks": _databricks_cases, "redshift": _redshift_cases,
}


@pytest.mark.parametrize("dialect", sorted(DRIVER_CASES))
def test_driver_exceptions_are_classified_by_class_and_code(dialect: str):
    """Each list holds messages that mislead (a terminal error speaking of a lost connection): only
    the class and the driver's codes may decide."""
    warehouse = get_dialect(dialect)
    cases = DRIVER_CASES[dialect]()
    assert [(repr(exc), warehouse.error_kind(exc)) for exc, _ in cases] == [(repr(exc), kind) for exc, kind in cases]


def test_real_refused_connections_of_other_drivers_are_transient():
    import pymssql
    import redshift_connector

    port = closed_port()
    failures = {}
    try:
        pymssql.connect(server="127.0.0.1", port=port, user="u", password="p", database="d", login_timeout=2)
    except Exception as exc:
        failures["synapse"] = exc
    try:
        redshift_connector.connect(host="127.0.0.1", port=port, user="u", password="p", database="d", timeout=2)
    except Exception as exc:
        failures["redshift"] = exc
    assert sorted(failures) == ["redshift", "synapse"]
    assert {name: get_dialect(name).error_kind(exc) for name, exc in failures.items()} == {
        "redshift": "transient", "synapse": "transient"}


def test_without_a_driver_code_the_dbapi_class_decides():
    import psycopg2

    dialect = get_dialect("postgres")
    assert dialect.error_kind(psycopg2.OperationalError("server closed the connection")) == "transient"
    assert dialect.error_kind(psycopg2.ProgrammingError("connection")) == "terminal"
    assert dialect.error_kind(ConnectionRefusedError(111, "refused")) == "transient"
    assert dialect.error_kind(ValueError("A string literal cannot contain NUL (0x00) characters.")) == "terminal"


# --------------------------------------------------------------------------------------------------
# Connecting: coded WF403/WF404, never a traceback, never the password
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("password", PASSWORDS)
@pytest.mark.parametrize("escaped", [False, True])
def test_a_refused_postgres_connection_is_transient_and_hides_the_password(password: str, escaped: bool):
    written = quote(password, safe="") if escaped else password
    with pytest.raises(WarehouseError) as exc:
        connect_uri(f"postgresql://someone:{written}@127.0.0.1:{closed_port()}/db")
    assert exc.value.codes == ["WF403"]
    _assert_hidden(exc.value, password, written)


def test_a_malformed_password_escape_is_terminal_and_hidden():
    with pytest.raises(TerminalWarehouseError) as exc:
        connect_uri(f"postgresql://someone:p%zzHunter2@127.0.0.1:{closed_port()}/db")
    assert exc.value.codes == ["WF403"] and "invalid dsn" in str(exc.value)  # libpq echoes the token ...
    _assert_hidden(exc.value, "p%zzHunter2")  # ... but not here


@pytest.mark.parametrize("uri", ["postgresql://u:Hunter2pw@[::1/db", "postgresql://u:Hunter2pw@host:port/db",
                                 "duckdb:///a\x00b.duckdb", "postgresql://u:Hunter2pw@127.0.0.1/d\x00b"])
def test_a_malformed_uri_is_wf404(uri: str):
    with pytest.raises(TerminalWarehouseError) as exc:
        connect_uri(uri)
    assert exc.value.codes == ["WF404"]
    _assert_hidden(exc.value, "Hunter2pw")


@pytest.mark.postgis
@pytest.mark.parametrize("password", PASSWORDS)
def test_a_wrong_password_is_wf403_and_hidden(pg_engine, postgis_server, password: str):
    with _role(pg_engine.conn, password=True) as (role, right):
        wrong = f"{password}-{right[:4]}"
        uri = f"postgresql://{role}:{quote(wrong, safe='')}@127.0.0.1:{postgis_server.port}/{postgis_server.dbname}"
        with pytest.raises(WarehouseError) as exc:
            connect_uri(uri)
        conn, _ = connect_uri(uri.replace(quote(wrong, safe=""), quote(right, safe="")))  # the rule is in force
        conn.close()
    assert exc.value.codes == ["WF403"]
    _assert_hidden(exc.value, wrong, quote(wrong, safe=""), right)


@pytest.mark.postgis
def test_a_missing_database_is_wf403(postgis_server):
    with pytest.raises(WarehouseError) as exc:
        connect_uri(postgis_server.dsn_for(f"no_such_db_{uuid.uuid4().hex[:6]}"))
    assert exc.value.codes == ["WF403"] and "no_such_db_" in str(exc.value)


def test_airflow_connections_fail_with_codes_and_without_secrets(monkeypatch: pytest.MonkeyPatch):
    from wareflow.warehouses.hooks import connect_conn_id, dialect_for

    password = "Air%zz'flow\"pw"
    monkeypatch.setenv("AIRFLOW_CONN_WF_BROKEN", json.dumps({
        "conn_type": "postgres", "host": "127.0.0.1", "port": closed_port(), "login": "u", "password": password,
        "schema": "db"}))
    with pytest.raises(TransientWarehouseError) as refused:
        connect_conn_id("wf_broken", {"tool": "test"})
    assert refused.value.codes == ["WF403"] and "wf_broken" in str(refused.value)
    _assert_hidden(refused.value, password)
    with pytest.raises(TerminalWarehouseError) as missing:
        dialect_for("wf_no_such_connection")
    assert missing.value.codes == ["WF404"]


def test_the_cli_prints_codes_not_tracebacks_or_passwords(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from typer.testing import CliRunner

    from wareflow.cli import app

    runner = CliRunner()
    workflow = str(EXAMPLES / "stores_by_neighborhood.json")

    def invoke(*args: str) -> Any:
        return runner.invoke(app, list(args), catch_exceptions=False)  # a traceback fails the test

    refused = invoke("run", workflow, "--conn", f"postgresql://u:p%zzCli'x\"y@127.0.0.1:{closed_port()}/d")
    assert refused.exit_code == 1 and "WF403" in refused.output
    assert "p%zzCli" not in refused.output and "Traceback" not in refused.output
    unknown = invoke("run", workflow, "--conn-id", "wf_no_such_connection")
    assert unknown.exit_code == 1 and "WF404" in unknown.output
    locked = tmp_path / "locked.duckdb"
    monkeypatch.setattr("wareflow.warehouses.duckdb.DEFAULT_LOCK_TIMEOUT", 0.2)
    with _held_open(locked):
        busy = invoke("run", workflow, "--conn", f"duckdb:///{locked}")
    assert busy.exit_code == 1 and "WF405" in busy.output
    compiled = invoke("compile", workflow, "--conn", f"postgresql://u:Hunter2pw@127.0.0.1:{closed_port()}/d")
    assert compiled.exit_code == 1 and "WF403" in compiled.output and "Hunter2pw" not in compiled.output


def test_statement_errors_are_scrubbed_of_connection_passwords(tmp_path: Path):
    """A driver message can hold anything a statement names; a URI's password is never shown."""
    from wareflow.warehouses.session import Session

    secret = "Zq8%zzsecret"
    conn, dialect = connect_uri(f"duckdb:///{tmp_path}/a.duckdb")
    with contextlib.suppress(WarehouseError):  # a refused URI with this password: remembered for the process
        connect_uri(f"postgresql://u:{secret}@127.0.0.1:{closed_port()}/d")
    session = Session(conn, dialect)
    with pytest.raises(TerminalWarehouseError) as exc:
        session.fetch(f'SELECT * FROM main."{secret}"')
    assert exc.value.codes == ["WF402"] and secret not in str(exc.value) and "***" in str(exc.value)
    conn.close()


def test_redact_replaces_every_secret_and_leaves_short_ones():
    assert redact("user p%zz and p%25zz at host", ["p%zz", "p%25zz"]) == "user *** and *** at host"
    assert redact("a b c", ["a"]) == "a b c"  # one letter would garble every message and hide nothing


# --------------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------------
def _assert_hidden(exc: BaseException, *secrets: str) -> None:
    text = str(exc) + "".join(str(i) for i in getattr(exc, "issues", ()))
    for secret in secrets:
        assert secret not in text, f"{secret!r} shown in {text!r}"
    # no driver exception chained on to echo the URI in a traceback either
    assert exc.__cause__ is None and (exc.__context__ is None or exc.__suppress_context__)


def _duckdb_raised(conn: Any, sql: str) -> BaseException:
    try:
        conn.execute(sql)
    except Exception as exc:
        return exc
    raise AssertionError(f"{sql!r} did not fail")


@dataclasses.dataclass
class _Engine:
    conn: Any
    dialect: Any


def _capture(work: Callable[[], Any], failures: list[BaseException]) -> Callable[[], None]:
    def run() -> None:
        try:
            work()
        except BaseException as exc:
            failures.append(exc)

    return run


def _wait_until(condition: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _rows(conn: Any, sql: str) -> list[tuple[Any, ...]]:
    cur = conn.cursor()
    cur.execute(sql)
    return [tuple(r) for r in cur.fetchall()]


@contextlib.contextmanager
def _held_open(path: Path) -> Iterator[None]:
    """`path`, a DuckDB file, open for writing in another process while the block runs."""
    code = f"import duckdb, sys; c = duckdb.connect({str(path)!r}); print('open', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        yield
    finally:
        holder.communicate(timeout=30)  # closing its stdin ends it


@contextlib.contextmanager
def _role(admin: Any, password: bool = False) -> Iterator[tuple[str, str]]:
    """A login role with no privileges; with `password`, one that must give it (a pg_hba.conf rule for
    this role alone, ahead of the test server's `trust` rules, removed afterwards)."""
    from psycopg2 import sql

    role, secret = f"wf_role_{uuid.uuid4().hex[:8]}", f"Right'{uuid.uuid4().hex[:8]}%\"pw"
    previous = admin.autocommit
    admin.commit()
    admin.autocommit = True
    cur = admin.cursor()
    cur.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(role), sql.Literal(secret)))
    hba = original = None
    try:
        if password:
            cur.execute("SELECT current_setting('hba_file'), pg_read_file(current_setting('hba_file'))")
            hba, original = cur.fetchone()
            if "\t" in original or "\\" in original:
                pytest.skip("pg_hba.conf cannot be rewritten line by line with COPY")
            _write_hba(cur, hba, f"host all {role} 127.0.0.1/32 scram-sha-256\n{original}")
        yield role, secret
    finally:
        if hba is not None and original is not None:
            _write_hba(cur, hba, original)
        cur.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
        admin.autocommit = previous


def _write_hba(cur: Any, path: str, content: str) -> None:
    from psycopg2 import sql

    cur.execute(sql.SQL("COPY (SELECT line FROM unnest(string_to_array({}, E'\\n')) AS line) TO {}").format(
        sql.Literal(content.rstrip("\n")), sql.Literal(path)))
    cur.execute("SELECT pg_reload_conf()")
    time.sleep(0.2)  # the postmaster rereads the file on SIGHUP, asynchronously

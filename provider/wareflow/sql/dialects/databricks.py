"""Databricks SQL (ST functions on GEOMETRY, DBR 17.1+; Delta tables).

Docs: https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-st-geospatial-functions
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from sqlglot import exp

from wareflow.sql import ops
from wareflow.sql.dialects.base import (
    Driver,
    ErrorKind,
    Guard,
    JobKey,
    JobState,
    Template,
    WarehouseDialect,
    call,
    raised_as,
    sqlstate_kind,
)
from wareflow.sql.dialects.snowflake import information_schema_columns

# Planar ST_BUFFER is in CRS units: buffer in Web Mercator (EPSG:3857), where a ground metre at
# latitude phi is 1/cos(phi) units (Mercator is conformal, so the circle stays a circle), then
# transform back to WGS84. With constant SRIDs this runs on every planar engine; the scale is
# taken at the centroid, so the radius is within 0.1 % for buffers up to ~10 km below 60 degrees.
MERCATOR_BUFFER = (
    "ST_TRANSFORM(ST_BUFFER(ST_TRANSFORM(:geo, 3857), :meters / COS(RADIANS(ST_Y(ST_CENTROID(:geo))))), 4326)")

log = logging.getLogger("wareflow")

# The Statement Execution API's ServiceError codes worth a retry:
# https://docs.databricks.com/api/workspace/statementexecution/getstatement (status.error.error_code)
_TRANSIENT_CODES = frozenset({"INTERNAL_ERROR", "TEMPORARILY_UNAVAILABLE", "IO_ERROR", "SERVICE_UNDER_MAINTENANCE",
                              "WORKSPACE_TEMPORARILY_UNAVAILABLE", "DEADLINE_EXCEEDED", "CANCELLED",
                              "RESOURCE_EXHAUSTED", "ABORTED", "NOT_FOUND"})


class DatabricksDriver(Driver):
    """How Databricks's driver behaves: connecting, session state, cancelling, rows written, errors."""

    conn_types = ("databricks",)
    hook = "airflow.providers.databricks.hooks.databricks_sql.DatabricksSqlHook"

    # Seconds, per session (0 to 172800). https://docs.databricks.com/aws/en/sql/language-manual/parameters/statement_timeout
    timeout_setting = "SET STATEMENT_TIMEOUT = {seconds}"
    timeout_unsetting = "RESET STATEMENT_TIMEOUT"

    def connect(self, hook: Any, tags: Mapping[str, str]) -> Any:
        from wareflow.sql.dialects.databricks_statements import DatabricksConnection, StatementApi

        connector = hook.get_conn()  # resolves the http_path the API's warehouse id is read from
        return DatabricksConnection(connector, StatementApi.of(hook))

    # Resuming and deferring, through the SQL Statement Execution API (`databricks_statements`).
    # databricks-sql-connector cannot do it: it polls only the command of the cursor that started it (there
    # is no public way to adopt another connection's statement id) and a Thrift operation ends with its
    # session, which a crashed worker's is. So where the session resumes (a task state store is given) the
    # stage's statements are posted to the API of the connection's SQL warehouse instead, each id recorded
    # as soon as it is posted; the store is what finds them again (the ids are Databricks's), and the API
    # keeps a statement for at least 12 hours after it ended. Elsewhere (no store, the command line, a
    # cluster's http_path: the API runs on SQL warehouses only) the connector runs the stage as before.
    #
    # What a retry can skip: every statement a Databricks stage runs commits by itself (no transactions:
    # see `Databricks.in_transaction`), so each is its own job. A publish is one atomic CREATE OR REPLACE
    # (skipped while its table exists); an append is the ledger's CREATE IF NOT EXISTS, the target's
    # CREATE IF NOT EXISTS, the data INSERT and the ledger INSERT, both guarded by NOT EXISTS on the run's
    # key. A retry after the data INSERT succeeded skips it and runs (or waits for) the ledger INSERT, where
    # the connector's retry runs the stage again and appends twice; a data INSERT that failed or never ran
    # is submitted again, one still running is waited for, never doubled. Appends stay "at least once" all
    # the same: a worker dying between the POST and recording its id, or the hook retrying a POST whose
    # answer was lost, leaves a statement no retry knows of.
    #
    # statement_timeout_s: the API has no session to hold STATEMENT_TIMEOUT, so a worker waiting for a
    # statement cancels it past the limit (WF409); a deferred statement, waited for by the trigger, is not
    # limited (the warehouse's own STATEMENT_TIMEOUT, if an administrator set one, still is).
    resumes_jobs = True
    transaction_is_one_job = False  # there are none

    def can_resume(self, conn: Any, stored: bool) -> bool:
        if not stored:
            return False
        if getattr(conn, "api", None) is None:
            log.info("Databricks: statements run through databricks-sql-connector and cannot resume or defer: "
                     "the Statement Execution API needs a SQL warehouse (http_path /sql/1.0/warehouses/<id> or "
                     "extra warehouse_id) and apache-airflow-providers-databricks with post_sql_statement")
            return False
        return True

    def find_job(self, conn: Any, key: JobKey, recorded: str | None) -> Any:
        return conn.api.get(recorded) if recorded else None

    def job_state(self, conn: Any, job: Any) -> JobState:
        from wareflow.sql.dialects.databricks_statements import RUNNING_STATES, SUCCEEDED_STATES, state_of

        state = state_of(job)
        if state in RUNNING_STATES:
            return "running"
        return "succeeded" if state in SUCCEEDED_STATES else "failed"  # FAILED, CANCELED

    def job_name(self, job: Any) -> str:
        return str(job.get("statement_id"))

    def statement_id(self, cursor: Any) -> str | None:
        return getattr(cursor, "statement_id", None) if hasattr(cursor, "adopt") else None

    def submit(self, cursor: Any, sql: str, key: JobKey, record: Callable[[str], None]) -> None:
        cursor.adopt(cursor.conn.wait(self.start(cursor, sql, key, record)))

    def start(self, cursor: Any, sql: str, key: JobKey, record: Callable[[str], None]) -> str:
        statement = cursor.conn.api.post(sql)
        record(statement)
        return statement

    def attach(self, cursor: Any, job: Any) -> None:
        cursor.adopt(cursor.conn.wait(str(job.get("statement_id"))))

    def skip(self, cursor: Any, job: Any) -> None:
        cursor.adopt(job)  # its result (the rows written) came with the state

    def job_rows(self, cursor: Any, statement: exp.Expr) -> int | None:
        from wareflow.sql.dialects.databricks_statements import rows_of

        return rows_of(getattr(cursor, "response", None))

    def statement_timeout(self, conn: Any, seconds: int | None) -> bool:
        applied = super().statement_timeout(conn, seconds)  # the connector's session: reads, unresumed stages
        if hasattr(conn, "timeout_s"):
            conn.timeout_s = seconds  # API statements a worker waits for (see `DatabricksConnection.wait`)
        return applied

    def exceeded(self, exc: BaseException) -> Guard | None:
        # 57KD0: the statement ran past STATEMENT_TIMEOUT (the kernel backend's `sql_state`, the API's status);
        # an API statement the waiting worker cancelled at the limit.
        if raised_as(exc, "wareflow.sql.dialects.databricks_statements", "StatementTimedOut"):
            return "statement_timeout"
        return "statement_timeout" if getattr(exc, "sql_state", None) in ("57KD0", "57014") else None

    def cancel(self, conn: Any) -> bool:
        # The connector's Connection has no cancel(); its Cursor does.
        cursor = getattr(conn, "_wareflow_cursor", None)
        if cursor is None or not callable(getattr(cursor, "cancel", None)):
            return False
        cursor.cancel()
        return True

    def error_kind(self, exc: BaseException) -> ErrorKind:
        # databricks-sql-connector: RequestError (an OperationalError) when the HTTP exchange failed,
        # with the status in its context; ServerOperationError when the statement failed. The kernel
        # backend adds `retryable`, `sql_state` and a `code` slug.
        # https://docs.databricks.com/aws/en/dev-tools/python-sql-connector#exceptions
        if getattr(exc, "retryable", None) is True:
            return "transient"
        state = getattr(exc, "sql_state", None)
        if isinstance(state, str) and state:
            return sqlstate_kind(state)
        if getattr(exc, "code", None) in ("Unauthenticated", "PermissionDenied", "InvalidArgument"):
            return "terminal"
        # A Statement Execution API statement's error without a SQLSTATE (`StatementError.error_code`).
        code = getattr(exc, "error_code", None)
        if isinstance(code, str) and code:
            return "transient" if code in _TRANSIENT_CODES else "terminal"
        context = getattr(exc, "context", None)
        status = ((context.get("http-code") if isinstance(context, dict) else None) or getattr(exc, "http_status", None)
                  or getattr(exc, "http_status_code", None))  # the DatabricksHook's DatabricksApiError
        if isinstance(status, int) and 400 <= status < 500 and status not in (408, 429):
            return "terminal"  # the token, the warehouse's id or path is wrong
        if isinstance(status, int) and (status >= 500 or status in (408, 429)):
            return "transient"
        # DatabricksHook gave up after its retries (HTTP 5xx, 429, network): an AirflowException from tenacity's
        if raised_as(exc, "airflow") and raised_as(exc.__cause__ or exc, "tenacity", "RetryError"):
            return "transient"
        if raised_as(exc, "databricks.sql", "NonRecoverableNetworkError"):  # HTTP 501
            return "terminal"
        return super().error_kind(exc)


class Databricks(DatabricksDriver, WarehouseDialect):
    """Databricks SQL (GEOMETRY SRID 4326, Delta)."""

    name = "databricks"
    title = "Databricks"
    sqlglot_dialect = "databricks"
    publish_form = "`CREATE OR REPLACE TABLE` (atomic, Delta)"
    transactional_ddl = False  # no multi-statement transactions; CREATE OR REPLACE on Delta is atomic
    append_guarantee = "at least once"
    ledger_primary_key = False  # keys are informational
    functions = {
        **WarehouseDialect.functions,
        ops.POINT: Template("ST_POINT(:lon, :lat, 4326)"),  # without the SRID it would be 0
        ops.FROM_WKT: Template("ST_GEOMFROMTEXT(:wkt, 4326)"),
        ops.FROM_GEOJSON: call("ST_GEOMFROMGEOJSON", "geojson"),
        ops.BUFFER: Template(MERCATOR_BUFFER),
        # GEOGRAPHY measures are geodesic on WGS84 in m² / m (https://docs.databricks.com/sql/language-manual/functions/st_area)
        ops.AREA: Template("ST_AREA(ST_GEOGFROMWKB(ST_ASWKB(:geo)))"),
        ops.LENGTH: Template("ST_LENGTH(ST_GEOGFROMWKB(ST_ASWKB(:geo)))"),
        ops.INTERSECTION: call("ST_INTERSECTION", "a", "b"),
        ops.UNION_AGG: call("ST_UNION_AGG", "geo"),
        ops.CENTROID_AGG: Template("ST_CENTROID(ST_UNION_AGG(:geo))"),
        ops.CONVEXHULL_AGG: Template("ST_CONVEXHULL(ST_UNION_AGG(:geo))"),
        ops.ENVELOPE: Template(
            "ST_MAKEPOLYGON(ST_MAKELINE(ARRAY(ST_POINT(:xmin, :ymin, 4326), ST_POINT(:xmax, :ymin, 4326), "
            "ST_POINT(:xmax, :ymax, 4326), ST_POINT(:xmin, :ymax, 4326), ST_POINT(:xmin, :ymin, 4326))))"),
        ops.INT_RANGE: call("SEQUENCE", "low", "high"),
        # Built-in H3, string forms (Photon, or pro/serverless SQL warehouses):
        # https://docs.databricks.com/en/sql/language-manual/sql-ref-h3-geospatial-functions.html
        # (no `contains` polyfill: Wareflow keeps the centre cells whose boundary the polygon covers).
        ops.H3_FROM_POINT: Template("H3_LONGLATASH3STRING(ST_X(:geo), ST_Y(:geo), :resolution)"),
        ops.H3_POLYFILL: Template("H3_POLYFILLASH3STRING(ST_ASWKB(:geo), :resolution)"),
        ops.H3_POLYFILL_INTERSECTS: Template("H3_COVERASH3STRING(ST_ASWKB(:geo), :resolution)"),
        ops.H3_BOUNDARY: Template("ST_GEOMFROMWKB(H3_BOUNDARYASWKB(:cell), 4326)"),
        ops.H3_CENTER: Template("ST_GEOMFROMWKB(H3_CENTERASWKB(:cell), 4326)"),
        ops.H3_KRING: call("H3_KRING", "cell", "size"),
        ops.H3_DISTANCE: call("H3_DISTANCE", "a", "b"),
        ops.H3_TOPARENT: call("H3_TOPARENT", "cell", "resolution"),
        ops.H3_TOCHILDREN: call("H3_TOCHILDREN", "cell", "resolution"),
    }
    types = {**WarehouseDialect.types, "string": "STRING", "key": "STRING", "geography": "GEOMETRY(4326)"}

    def create_table_as(self, target: exp.Table, query: exp.Query, *, intermediate: bool) -> exp.Create:
        return exp.Create(this=target.copy(), kind="TABLE", expression=query, replace=True)

    def publish(self, target: exp.Table, query: exp.Query, *, intermediate: bool = False,
                token: str = "") -> list[exp.Expr]:
        return [self.create_table_as(target, query, intermediate=intermediate)]

    # https://docs.databricks.com/en/sql/language-manual/sql-ref-syntax-qry-select-lateral-view.html
    unnest_join = "LATERAL VIEW EXPLODE(:array) _wf_unnest AS _wf_cell"

    def in_transaction(self, statements: list[exp.Expr]) -> list[exp.Expr]:
        # No multi-statement transactions: the ledger INSERT follows the data INSERT. A crash between
        # the two makes a retry through the connector append again (at-least-once); a resumed retry
        # (Statement Execution API, see `DatabricksDriver`) skips the data INSERT that succeeded.
        return statements

    def describe(self, table: exp.Table) -> exp.Query:
        return information_schema_columns(table)

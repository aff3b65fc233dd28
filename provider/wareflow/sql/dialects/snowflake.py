"""Snowflake (GEOGRAPHY in WGS84; identifiers fold to upper case).

Checked against https://docs.snowflake.com/en/sql-reference/functions-geospatial: there is no
ST_TOUCHES and no ST_CONVEXHULL, so `touches` and convex-hull aggregation are WF302 here;
ST_BUFFER and ST_TRANSFORM take GEOMETRY only, and TO_GEOGRAPHY(<geometry>) needs SRID 4326.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping, Sequence
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
    union_all,
)
from wareflow.sql.relation import folds


class SnowflakeDriver(Driver):
    """How Snowflake's driver behaves: connecting, session state, cancelling, rows written, errors."""

    conn_types = ("snowflake",)
    hook = "airflow.providers.snowflake.hooks.snowflake.SnowflakeHook"

    def hook_arguments(self, tags: Mapping[str, str]) -> dict[str, Any]:
        # QUERY_TAG as a session parameter of the connection: it shows in QUERY_HISTORY.
        # https://docs.snowflake.com/en/sql-reference/parameters#query-tag
        return {"session_parameters": {"QUERY_TAG": json.dumps(dict(tags), sort_keys=True)[:2000]}}

    # https://docs.snowflake.com/en/sql-reference/parameters#statement-timeout-in-seconds (UNSET: the
    # user's, account's or warehouse's own value again).
    timeout_setting = "ALTER SESSION SET STATEMENT_TIMEOUT_IN_SECONDS = {seconds}"
    timeout_unsetting = "ALTER SESSION UNSET STATEMENT_TIMEOUT_IN_SECONDS"

    def exceeded(self, exc: BaseException) -> Guard | None:
        # 000630 (57014): "Statement reached its statement or warehouse timeout ... and was canceled"
        if raised_as(exc, "snowflake.connector") and getattr(exc, "errno", None) == 630:
            return "statement_timeout"
        return None

    def rows_written(self, cursor: Any, statement: exp.Expr) -> int | None:
        # CREATE TABLE AS answers with one status row; only DML reports the rows it wrote.
        return super().rows_written(cursor, statement) if isinstance(statement, exp.Insert) else None

    def statement_id(self, cursor: Any) -> str | None:
        return getattr(cursor, "sfqid", None)

    # Queries found again on retry by the query id recorded in the task state store right after
    # submitting (query ids are Snowflake's, so there is nothing to find without a store):
    # https://docs.snowflake.com/en/developer-guide/python-connector/python-connector-example#performing-an-asynchronous-query
    # A query whose session died keeps running unless ABORT_DETACHED_QUERY is TRUE (then it is ABORTED
    # and submitted again). Statements of a transaction are never resumed: it ends with its session.
    resumes_jobs = True

    def can_resume(self, conn: Any, stored: bool) -> bool:
        return stored and callable(getattr(conn, "get_query_status", None))

    def find_job(self, conn: Any, key: JobKey, recorded: str | None) -> Any:
        return recorded

    def job_state(self, conn: Any, job: Any) -> JobState:
        status = conn.get_query_status(job)
        if conn.is_still_running(status):
            return "running"
        return "succeeded" if getattr(status, "name", status) == "SUCCESS" else "failed"

    def submit(self, cursor: Any, sql: str, key: JobKey, record: Callable[[str], None]) -> None:
        if not callable(getattr(cursor, "execute_async", None)):
            cursor.execute(sql)
            return
        self.attach(cursor, self.start(cursor, sql, key, record))

    def start(self, cursor: Any, sql: str, key: JobKey, record: Callable[[str], None]) -> str:
        cursor.execute_async(sql)
        qid = str(cursor.sfqid)
        record(qid)
        return qid

    def attach(self, cursor: Any, job: Any) -> None:
        # get_results_from_sfqid waits for the query (polling its status) when its result is first read,
        # raising the query's error as the connector's ProgrammingError/DatabaseError (errno, sqlstate).
        conn = cursor.connection
        with contextlib.suppress(AttributeError):
            conn._wareflow_query = job  # what `cancel` stops while we wait
        try:
            cursor.get_results_from_sfqid(job)
            cursor.fetchall()
        finally:
            with contextlib.suppress(AttributeError):
                conn._wareflow_query = None

    def job_rows(self, cursor: Any, statement: exp.Expr) -> int | None:
        return None  # the result read back by query id has the status rows, not the rows written

    def cancel(self, conn: Any) -> bool:
        # The connector cancels the running query of a cursor with SYSTEM$CANCEL_QUERY(<sfqid>).
        cursor = getattr(conn, "_wareflow_cursor", None)
        qid = getattr(conn, "_wareflow_query", None) or getattr(cursor, "sfqid", None)
        if qid is None:
            return False
        with conn.cursor() as other:
            other.execute(f"SELECT SYSTEM$CANCEL_QUERY({exp.Literal.string(qid).sql('snowflake')})")
        return True

    def error_kind(self, exc: BaseException) -> ErrorKind:
        # snowflake.connector errors carry `errno` and `sqlstate`:
        # https://docs.snowflake.com/en/developer-guide/python-connector/python-connector-api#exceptions
        if not raised_as(exc, "snowflake.connector"):
            return super().error_kind(exc)
        if raised_as(exc, "snowflake.connector", *_SNOWFLAKE_HTTP_RETRY):
            return "transient"
        if raised_as(exc, "snowflake.connector", "ForbiddenError", "BadRequest", "MethodNotAllowed"):
            return "terminal"
        number = getattr(exc, "errno", -1)
        number = number if isinstance(number, int) else -1
        if number in (2003, 2043):  # "Object ... does not exist or not authorized"
            return "missing_table"
        if 390000 <= number < 391000:  # the login refused: credentials, user locked, role, database
            return "terminal"
        if 290000 <= number < 291000:  # an HTTP status the connector gave up on (290000 + status)
            status = number - 290000
            return "transient" if status in (408, 429) or status >= 500 else "terminal"
        state = getattr(exc, "sqlstate", None)
        if isinstance(state, str) and state and state != "n/a":
            return sqlstate_kind(state)
        return super().error_kind(exc)


# HTTP failures the connector raises by status once its own retries are spent.


class Snowflake(SnowflakeDriver, WarehouseDialect):
    """Snowflake (GEOGRAPHY, upper-case identifiers)."""

    name = "snowflake"
    title = "Snowflake"
    sqlglot_dialect = "snowflake"
    publish_form = "`CREATE OR REPLACE TABLE` (atomic)"
    transactional_ddl = False  # DDL commits implicitly; CREATE OR REPLACE TABLE is atomic by itself
    identifier_fold = "upper"
    functions = {
        **{k: v for k, v in WarehouseDialect.functions.items() if k != ops.TOUCHES},
        ops.POINT: call("ST_MAKEPOINT", "lon", "lat"),
        ops.FROM_WKT: call("TO_GEOGRAPHY", "wkt"),
        ops.FROM_GEOJSON: call("TO_GEOGRAPHY", "geojson"),
        ops.AS_WKT: call("ST_ASWKT", "geo"),
        ops.AREA: call("ST_AREA", "geo"),  # GEOGRAPHY: m² (https://docs.snowflake.com/en/sql-reference/functions/st_area)
        ops.LENGTH: call("ST_LENGTH", "geo"),  # GEOGRAPHY: m
        ops.INTERSECTION: call("ST_INTERSECTION", "a", "b"),
        # ST_BUFFER takes GEOMETRY only: go through GEOMETRY (SRID 4326), buffer in Web Mercator
        # with the metres scaled by the local 1/cos(latitude), come back to GEOGRAPHY.
        ops.BUFFER: Template(
            "TO_GEOGRAPHY(ST_TRANSFORM(ST_BUFFER(ST_TRANSFORM(TO_GEOMETRY(ST_ASWKT(:geo), 4326), 3857), "
            ":meters / COS(RADIANS(ST_Y(ST_CENTROID(:geo))))), 4326))"),
        ops.UNION_AGG: call("ST_UNION_AGG", "geo"),
        ops.CENTROID_AGG: Template("ST_CENTROID(ST_COLLECT(:geo))"),
        ops.ENVELOPE: Template(
            "ST_MAKEPOLYGON(ST_MAKELINE(ST_MAKELINE(ST_MAKELINE(ST_MAKELINE(ST_MAKEPOINT(:xmin, :ymin), "
            "ST_MAKEPOINT(:xmax, :ymin)), ST_MAKEPOINT(:xmax, :ymax)), ST_MAKEPOINT(:xmin, :ymax)), "
            "ST_MAKEPOINT(:xmin, :ymin)))"),
        ops.INT_RANGE: Template("ARRAY_GENERATE_RANGE(:low, :high + 1)"),
        # Native H3, string forms: https://docs.snowflake.com/en/sql-reference/functions-geospatial#h3
        # (no `contains` polyfill: Wareflow keeps the centre cells whose boundary the polygon covers).
        ops.H3_FROM_POINT: call("H3_POINT_TO_CELL_STRING", "geo", "resolution"),
        ops.H3_POLYFILL: call("H3_POLYGON_TO_CELLS_STRINGS", "geo", "resolution"),
        ops.H3_POLYFILL_INTERSECTS: call("H3_COVERAGE_STRINGS", "geo", "resolution"),
        ops.H3_BOUNDARY: call("H3_CELL_TO_BOUNDARY", "cell"),
        ops.H3_CENTER: call("H3_CELL_TO_POINT", "cell"),
        ops.H3_KRING: call("H3_GRID_DISK", "cell", "size"),
        ops.H3_DISTANCE: call("H3_GRID_DISTANCE", "a", "b"),
        ops.H3_TOPARENT: call("H3_CELL_TO_PARENT", "cell", "resolution"),
        ops.H3_TOCHILDREN: call("H3_CELL_TO_CHILDREN_STRING", "cell", "resolution"),
    }
    types = {**WarehouseDialect.types, "number": "FLOAT", "geography": "GEOGRAPHY", "timestamp": "TIMESTAMP_NTZ"}

    def create_table_as(self, target: exp.Table, query: exp.Query, *, intermediate: bool) -> exp.Create:
        # Transient intermediates skip Fail-safe storage: they are rebuilt on retry anyway.
        props = exp.Properties(expressions=[exp.TransientProperty()]) if intermediate else None
        return exp.Create(this=target.copy(), kind="TABLE", expression=query, replace=True, properties=props)

    def publish(self, target: exp.Table, query: exp.Query, *, intermediate: bool = False,
                token: str = "") -> list[exp.Expr]:
        return [self.create_table_as(target, query, intermediate=intermediate)]

    # https://docs.snowflake.com/en/sql-reference/functions/flatten
    unnest_join = ", LATERAL FLATTEN(INPUT => :array) AS _wf_unnest"
    unnest_element = "_wf_unnest.value"

    def describe(self, table: exp.Table) -> exp.Query:
        return information_schema_columns(table)

    # Reused intermediates: ages on the warehouse's clock, and the sources' last change from each database's
    # INFORMATION_SCHEMA.TABLES (LAST_ALTERED: the last DDL or DML; base tables only: a view's is its DDL's).
    # https://docs.snowflake.com/en/sql-reference/info-schema/tables
    epoch_seconds = Template("DATE_PART(EPOCH_MILLISECOND, :ts) / 1000")

    def last_modified(self, tables: Sequence[exp.Table]) -> exp.Query | None:
        databases: dict[str, list[exp.Expr]] = {}
        modified = self.epoch(exp.column("last_altered"))
        assert modified is not None
        for table in tables:  # names compared case-insensitively: a same-named twin only makes it staler
            schema = exp.func("UPPER", exp.Literal.string(table.db) if table.db else exp.func("CURRENT_SCHEMA"))
            databases.setdefault(table.catalog, []).append(exp.and_(
                exp.EQ(this=exp.func("UPPER", exp.column("table_schema")), expression=schema),
                exp.EQ(this=exp.func("UPPER", exp.column("table_name")),
                       expression=exp.func("UPPER", exp.Literal.string(table.name)))))
        queries = [exp.select("table_schema", "table_name", exp.alias_(modified.copy(), "modified_s"))
                   .from_(exp.Table(this=exp.to_identifier("tables"), db=exp.to_identifier("information_schema"),
                                    catalog=exp.to_identifier(catalog) if catalog else None))
                   .where(exp.and_(exp.EQ(this=exp.column("table_type"), expression=exp.Literal.string("BASE TABLE")),
                                   exp.or_(*matches)))
                   for catalog, matches in databases.items()]
        return union_all(queries)


_SNOWFLAKE_HTTP_RETRY = ("InternalServerError", "ServiceUnavailableError", "GatewayTimeoutError", "BadGatewayError",
                         "RequestTimeoutError", "TooManyRequests", "OtherHTTPRetryableError",
                         "RequestExceedMaxRetryError")


def information_schema_columns(table: exp.Table) -> exp.Select:
    """``information_schema.columns`` of `table`; a name written unquoted matches in any case, as the
    warehouse folds it (upper on Snowflake, lower on Redshift and Databricks)."""

    def matches(column: str, name: str | None) -> exp.Expr:
        if name is None:
            return exp.EQ(this=exp.column(column), expression=exp.func("CURRENT_SCHEMA"))
        if folds(name):  # an unquoted name: compare case-insensitively
            return exp.EQ(this=exp.func("UPPER", exp.column(column)), expression=exp.Literal.string(name.upper()))
        return exp.EQ(this=exp.column(column), expression=exp.Literal.string(name))

    where = exp.and_(matches("table_name", table.name), matches("table_schema", table.db or None))
    if table.catalog:
        where = exp.and_(where, matches("table_catalog", table.catalog))
    source = (exp.Table(this=exp.to_identifier("columns"), db=exp.to_identifier("information_schema"),
                        catalog=exp.to_identifier(table.catalog)) if table.catalog
              else exp.to_table("information_schema.columns"))
    return exp.select("column_name", "data_type").from_(source).where(where).order_by("ordinal_position")

"""Databricks SQL (ST functions on GEOMETRY, DBR 17.1+; Delta tables).

Docs: https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-st-geospatial-functions
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from wareflow.sql import ops
from wareflow.sql.dialects.base import (
    Driver,
    ErrorKind,
    Guard,
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


class DatabricksDriver(Driver):
    """How Databricks's driver behaves: connecting, session state, cancelling, rows written, errors."""

    conn_types = ("databricks",)
    hook = "airflow.providers.databricks.hooks.databricks_sql.DatabricksSqlHook"

    # Seconds, per session (0 to 172800). https://docs.databricks.com/aws/en/sql/language-manual/parameters/statement_timeout
    timeout_setting = "SET STATEMENT_TIMEOUT = {seconds}"
    timeout_unsetting = "RESET STATEMENT_TIMEOUT"

    # No resuming on retry (`resumes_jobs` stays False): databricks-sql-connector 4.x runs a statement
    # asynchronously (`Cursor.execute_async`, `query_id`, `get_query_state`, `get_async_execution_result`)
    # but only polls the command of the cursor that started it (`active_command_id`): there is no public
    # way to adopt another connection's statement id, and a Thrift operation ends with its session, which
    # a crashed worker's is. A retry runs the stage again: CREATE OR REPLACE on Delta is atomic, appends
    # are at least once (see `Databricks.in_transaction`).

    def exceeded(self, exc: BaseException) -> Guard | None:
        # 57KD0: the statement ran past STATEMENT_TIMEOUT (the kernel backend's `sql_state`).
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
        context = getattr(exc, "context", None)
        status = (context.get("http-code") if isinstance(context, dict) else None) or getattr(exc, "http_status", None)
        if isinstance(status, int) and 400 <= status < 500 and status not in (408, 429):
            return "terminal"  # the token, the warehouse's id or path is wrong
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
        # the two makes the retry append again (at-least-once); documented in the warehouse table.
        return statements

    def describe(self, table: exp.Table) -> exp.Query:
        return information_schema_columns(table)

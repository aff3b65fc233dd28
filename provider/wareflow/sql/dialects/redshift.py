"""Amazon Redshift (GEOMETRY; transactional DDL like PostgreSQL).

Docs: https://docs.aws.amazon.com/redshift/latest/dg/geospatial-functions.html
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from wareflow.sql import ops
from wareflow.sql.dialects.base import Driver, ErrorKind, Guard, Template, WarehouseDialect, call, sqlstate_kind
from wareflow.sql.dialects.databricks import MERCATOR_BUFFER
from wareflow.sql.dialects.snowflake import information_schema_columns
from wareflow.sql.relation import ident


class RedshiftDriver(Driver):
    """How Redshift's driver behaves: connecting, session state, cancelling, rows written, errors."""

    conn_types = ("redshift",)
    hook = "airflow.providers.amazon.aws.hooks.redshift_sql.RedshiftSQLHook"

    # redshift_connector has no Connection.cancel: cancel the backend from a second connection.
    # https://docs.aws.amazon.com/redshift/latest/dg/PG_CANCEL_BACKEND.html
    session_id_query = "SELECT PG_BACKEND_PID()"

    def cancel_session(self, session_id: Any) -> exp.Expr | None:
        return exp.select(exp.func("PG_CANCEL_BACKEND", exp.Literal.number(int(session_id))))

    # As in PostgreSQL: per session, in milliseconds. https://docs.aws.amazon.com/redshift/latest/dg/r_statement_timeout.html
    timeout_setting = "SET statement_timeout TO {ms}"
    timeout_unsetting = "RESET statement_timeout"

    def error_kind(self, exc: BaseException) -> ErrorKind:
        # redshift_connector raises the server's ErrorResponse fields as a dict, the SQLSTATE under "C"
        # (https://www.postgresql.org/docs/current/protocol-error-fields.html); a socket failure is an
        # InterfaceError raised while handling the OSError, which the base recognises.
        return sqlstate_kind(state) if (state := _sqlstate(exc)) else super().error_kind(exc)

    def exceeded(self, exc: BaseException) -> Guard | None:
        return "statement_timeout" if _sqlstate(exc) == "57014" else None  # query_canceled


def _sqlstate(exc: BaseException) -> str | None:
    fields = exc.args[0] if exc.args and isinstance(exc.args[0], dict) else {}
    state = fields.get("C") or getattr(exc, "pgcode", None)
    return state if isinstance(state, str) and state else None


class Redshift(RedshiftDriver, WarehouseDialect):
    """Amazon Redshift (GEOMETRY SRID 4326)."""

    name = "redshift"
    title = "Amazon Redshift"
    sqlglot_dialect = "redshift"
    functions = {
        **WarehouseDialect.functions,
        ops.POINT: Template("ST_SETSRID(ST_POINT(:lon, :lat), 4326)"),
        ops.FROM_WKT: Template("ST_GEOMFROMTEXT(:wkt, 4326)"),
        ops.FROM_GEOJSON: Template("ST_SETSRID(ST_GEOMFROMGEOJSON(:geojson), 4326)"),
        ops.BUFFER: Template(MERCATOR_BUFFER),
        # GEOGRAPHY measures are in m² / m on the spheroid (https://docs.aws.amazon.com/redshift/latest/dg/ST_Area-function.html)
        ops.AREA: Template("ST_AREA(CAST(:geo AS GEOGRAPHY))"),
        ops.LENGTH: Template("ST_LENGTH(CAST(:geo AS GEOGRAPHY))"),
        ops.INTERSECTION: call("ST_INTERSECTION", "a", "b"),
        # No union aggregate: ST_Union takes two geometries and ST_Collect does not dissolve, so
        # `combine` is WF302 here (https://docs.aws.amazon.com/redshift/latest/dg/ST_Union-function.html).
        ops.CENTROID_AGG: Template("ST_CENTROID(ST_COLLECT(:geo))"),
        ops.CONVEXHULL_AGG: Template("ST_CONVEXHULL(ST_COLLECT(:geo))"),
        ops.ENVELOPE: Template("ST_MAKEENVELOPE(:xmin, :ymin, :xmax, :ymax, 4326)"),
        # H3 (https://docs.aws.amazon.com/redshift/latest/dg/spatial-functions.html): cells go in as hex
        # VARCHAR and come out as BIGINT, written back as hex. Polyfill and children return SUPER arrays,
        # which Redshift cannot turn into rows here; there is no grid distance or k-ring: those are WF302.
        ops.H3_FROM_POINT: Template("LOWER(TO_HEX(H3_FROMPOINT(:geo, :resolution)))"),
        ops.H3_BOUNDARY: call("H3_BOUNDARY", "cell"),
        ops.H3_CENTER: call("H3_CENTER", "cell"),
        ops.H3_TOPARENT: Template("LOWER(TO_HEX(H3_TOPARENT(:cell, :resolution)))"),
    }
    types = {**WarehouseDialect.types, "string": "VARCHAR(65535)", "number": "DOUBLE PRECISION",
             "geography": "GEOMETRY"}

    def create_if_missing(self, target: exp.Table, empty: exp.Query) -> list[exp.Expr]:
        # CREATE TABLE AS has no IF NOT EXISTS here; CREATE TABLE ... (LIKE t) has: take the shape
        # from a session temp table. https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_NEW.html
        shape = exp.Table(this=ident(f"{target.name}__wareflow_shape"))
        return [
            exp.Drop(tables=[shape.copy()], kind="TABLE", exists=True),
            exp.Create(this=shape.copy(), kind="TABLE", expression=empty,
                       properties=exp.Properties(expressions=[exp.TemporaryProperty()])),
            exp.Create(this=exp.Schema(this=target.copy(), expressions=[exp.LikeProperty(this=shape.copy())]),
                       kind="TABLE", exists=True),
            exp.Drop(tables=[shape], kind="TABLE", exists=True),
        ]

    # Redshift unnests only SUPER arrays, through PartiQL (FROM t, t.array AS e): not an expression
    # sqlglot can place in a join, so arrays are not turned into rows here (WF302 where a component must).
    unnest_join = None

    def describe(self, table: exp.Table) -> exp.Query:
        return information_schema_columns(table)

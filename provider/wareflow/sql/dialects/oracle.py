"""Oracle Database with Spatial (SDO_GEOMETRY, SRID 4326; Oracle 23ai syntax).

Predicates use ``SDO_GEOM.RELATE``, which needs no spatial index (the SDO_* operators do). DDL
commits implicitly, so publishing swaps a staging table in with a rename: readers may find the
table missing for the instant between DROP and RENAME.
Docs: https://docs.oracle.com/en/database/oracle/oracle-database/23/spatl/
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from wareflow.sql import ops
from wareflow.sql.dialects.base import Driver, ErrorKind, Guard, Template, WarehouseDialect

TOLERANCE = "0.05"  # metres for geodetic data (SRID 4326)
_RAW_CELL = "HEXTORAW(LPAD(:cell, 16, '0'))"  # a hex cell as Oracle's 8-byte RAW


def relate(mask: str) -> Template:
    """SDO_GEOM.RELATE returns the name of the mask that holds, or 'FALSE'; it needs no spatial index
    and may stand in a SELECT list or a join condition (the SDO_* operators may not)."""
    return Template(f"SDO_GEOM.RELATE(:a, '{mask}', :b, {TOLERANCE}) <> 'FALSE'")


class OracleDriver(Driver):
    """How Oracle's driver behaves: connecting, session state, cancelling, rows written, errors."""

    conn_types = ("oracle",)
    hook = "airflow.providers.oracle.hooks.oracle.OracleHook"

    def statement_timeout(self, conn: Any, seconds: int | None) -> bool:
        # Oracle has no statement timeout of its own: python-oracledb's `call_timeout` (ms, 0: none) bounds
        # each round trip to the database, and a statement is one (its fetches are further ones).
        # https://python-oracledb.readthedocs.io/en/latest/api_manual/connection.html#Connection.call_timeout
        conn.call_timeout = 0 if seconds is None else int(seconds) * 1000
        return True

    def exceeded(self, exc: BaseException) -> Guard | None:
        # DPY-4024 (thin) / DPI-1067 (thick): call timeout exceeded; ORA-03156 OCI call timed out.
        error = exc.args[0] if exc.args else None
        if getattr(error, "full_code", None) in ("DPY-4024", "DPI-1067") or getattr(error, "code", None) == 3156:
            return "statement_timeout"
        return None

    def error_kind(self, exc: BaseException) -> ErrorKind:
        # python-oracledb raises with an error object in args[0]: the Oracle error number (`code`),
        # `full_code` (ORA-00942, DPY-4011) and whether the driver deems it recoverable.
        # https://python-oracledb.readthedocs.io/en/latest/api_manual/exceptions.html
        error = exc.args[0] if exc.args else None
        full_code = getattr(error, "full_code", None)
        if not isinstance(full_code, str):
            return super().error_kind(exc)
        if getattr(error, "isrecoverable", False) or getattr(error, "is_session_dead", False):
            return "transient"
        code = getattr(error, "code", 0)
        if code in _ORACLE_MISSING_TABLE:
            return "missing_table"
        if code in _ORACLE_TRANSIENT or full_code in ("DPY-4011", "DPY-4024"):  # connection closed, call timeout
            return "transient"
        if full_code.startswith("DPY-6"):  # DPY-6xxx: could not connect (refused, no listener, timeout)
            return "transient"
        return "terminal"


# ORA-00942 table or view does not exist, ORA-04043 object does not exist.


class Oracle(OracleDriver, WarehouseDialect):
    """Oracle Spatial (SDO_GEOMETRY)."""

    name = "oracle"
    title = "Oracle"
    sqlglot_dialect = "oracle"
    publish_form = "staging table + rename (DDL commits: readers may miss the table for an instant)"

    # SDO_GEOMETRY is an object type and its WKB a BLOB: neither can be a GROUP BY key, so grouping
    # by a geometry column is WF302 here (no `as_binary`).
    groups_geography = False
    identifier_fold = "upper"
    boolean_values = False  # no BOOLEAN expressions as values before 23ai
    one_row_table = "DUAL"
    bit_shifts = False  # quadbin in its arithmetic form: BITAND, powers of two and sums
    bit_operators = False
    functions = {
        ops.POINT: Template("SDO_GEOMETRY(2001, 4326, SDO_POINT_TYPE(:lon, :lat, NULL), NULL, NULL)"),
        ops.FROM_WKT: Template("SDO_GEOMETRY(:wkt, 4326)"),
        ops.FROM_GEOJSON: Template("SDO_UTIL.FROM_GEOJSON(:geojson)"),  # SRID 4326 by default (23ai)
        ops.AS_WKT: Template("SDO_UTIL.TO_WKTGEOMETRY(:geo)"),
        ops.AS_GEOJSON: Template("SDO_UTIL.TO_GEOJSON(:geo)"),
        ops.BUFFER: Template(f"SDO_GEOM.SDO_BUFFER(:geo, :meters, {TOLERANCE}, 'unit=M')"),
        # Geodetic (SRID 4326) area and length on the ellipsoid; SDO_LENGTH of a polygon is its perimeter.
        ops.AREA: Template(f"SDO_GEOM.SDO_AREA(:geo, {TOLERANCE}, 'unit=SQ_M')"),
        ops.LENGTH: Template(f"SDO_GEOM.SDO_LENGTH(:geo, {TOLERANCE}, 'unit=M')"),
        ops.INTERSECTION: Template(f"SDO_GEOM.SDO_INTERSECTION(:a, :b, {TOLERANCE})"),
        # Oracle's INSIDE/CONTAINS exclude boundary contact; OGC within/contains/covers allow it.
        ops.INTERSECTS: relate("ANYINTERACT"),
        ops.CONTAINS: relate("CONTAINS+COVERS+EQUAL"),
        ops.WITHIN: relate("INSIDE+COVEREDBY+EQUAL"),
        ops.COVERS: relate("CONTAINS+COVERS+EQUAL"),
        ops.TOUCHES: relate("TOUCH"),
        ops.CENTROID: Template(f"SDO_GEOM.SDO_CENTROID(:geo, {TOLERANCE})"),
        ops.UNION_AGG: Template(f"SDO_AGGR_UNION(SDOAGGRTYPE(:geo, {TOLERANCE}))"),
        ops.CENTROID_AGG: Template(f"SDO_AGGR_CENTROID(SDOAGGRTYPE(:geo, {TOLERANCE}))"),
        ops.CONVEXHULL_AGG: Template(f"SDO_AGGR_CONVEXHULL(SDOAGGRTYPE(:geo, {TOLERANCE}))"),
        ops.X: Template("SDO_GEOM.SDO_MIN_MB_VALUE(:geo, 1)"),
        ops.Y: Template("SDO_GEOM.SDO_MIN_MB_VALUE(:geo, 2)"),
        ops.XMIN: Template("SDO_GEOM.SDO_MIN_MB_VALUE(:geo, 1)"),
        ops.YMIN: Template("SDO_GEOM.SDO_MIN_MB_VALUE(:geo, 2)"),
        ops.XMAX: Template("SDO_GEOM.SDO_MAX_MB_VALUE(:geo, 1)"),
        ops.YMAX: Template("SDO_GEOM.SDO_MAX_MB_VALUE(:geo, 2)"),
        # an optimized rectangle (etype 1003, interpretation 3): lower-left and upper-right corners
        ops.ENVELOPE: Template("SDO_GEOMETRY(2003, 4326, NULL, SDO_ELEM_INFO_ARRAY(1, 1003, 3), "
                               "SDO_ORDINATE_ARRAY(:xmin, :ymin, :xmax, :ymax))"),
        ops.INT_RANGE: Template("CAST(MULTISET(SELECT :low + LEVEL - 1 FROM DUAL CONNECT BY LEVEL <= :high - :low + 1) "
                                "AS SYS.ODCINUMBERLIST)"),
        # H3 in Oracle 23ai (SDO_UTIL.H3_*, https://docs.oracle.com/en/database/oracle/oracle-database/23/spatl/):
        # cells are 8-byte RAWs, written as upper-case hex with a leading zero; Wareflow's cells are CARTO's
        # lower-case hex. No polyfill, k-ring, grid distance or children there: those are WF302.
        ops.H3_FROM_POINT: Template("LOWER(LTRIM(RAWTOHEX(SDO_UTIL.H3_KEY(:geo, :resolution)), '0'))"),
        ops.H3_BOUNDARY: Template(f"SDO_UTIL.H3_BOUNDARY({_RAW_CELL}, 4326)"),
        ops.H3_CENTER: Template(f"SDO_UTIL.H3_CENTER({_RAW_CELL}, 4326)"),
        ops.H3_TOPARENT: Template(f"LOWER(LTRIM(RAWTOHEX(SDO_UTIL.H3_PARENT({_RAW_CELL}, :resolution)), '0'))"),
    }
    types = {**WarehouseDialect.types, "string": "VARCHAR2(4000)", "key": "VARCHAR2(255)", "number": "NUMBER",
             "integer": "NUMBER(19)", "boolean": "NUMBER(1)", "geography": "SDO_GEOMETRY"}
    logical_types = (("^sdo_geometry", "geography"), ("^varchar2|^nvarchar2|^clob|^char", "string"),
                     *WarehouseDialect.logical_types)

    # A collection as rows: TABLE(), its elements in COLUMN_VALUE.
    unnest_join = "CROSS JOIN TABLE(:array) _wf_unnest"
    unnest_element = "_wf_unnest.COLUMN_VALUE"

    def describe(self, table: exp.Table) -> exp.Query:
        def stored(name: str) -> exp.Literal:
            from wareflow.sql.relation import folds

            return exp.Literal.string(name.upper() if folds(name) else name)

        owner = stored(table.db) if table.db else exp.func(
            "SYS_CONTEXT", exp.Literal.string("USERENV"), exp.Literal.string("CURRENT_SCHEMA"))
        return (exp.select("column_name", "data_type").from_("all_tab_columns")
                .where(exp.and_(exp.EQ(this=exp.column("table_name"), expression=stored(table.name)),
                                exp.EQ(this=exp.column("owner"), expression=owner)))
                .order_by("column_id"))
_ORACLE_MISSING_TABLE = frozenset({942, 4043})
# Worth a retry: resource busy (54, 30006), deadlock (60), cancelled or timed out (1013, 4021),
# serialization (8177), instance starting or shutting down (1033, 1034, 1089, 1090, 1092), lost
# connection (3113, 3114, 3135, 12537, 12547, 12571), listener not reachable or busy (12170, 12514,
# 12516, 12519, 12520, 12521, 12528, 12541, 12543).
_ORACLE_TRANSIENT = frozenset({54, 60, 1013, 1033, 1034, 1089, 1090, 1092, 3113, 3114, 3135, 4021, 8177, 12170,
                               12514, 12516, 12519, 12520, 12521, 12528, 12537, 12541, 12543, 12547, 12571, 30006})

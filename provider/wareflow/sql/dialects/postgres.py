"""PostgreSQL with PostGIS.

Geometries are ``geometry`` with SRID 4326. Predicates are planar on lon/lat (as in DuckDB and
as CARTO's geometry-based providers do); metric operations go through ``geography`` so units
are metres on the spheroid.
Docs: https://postgis.net/docs/reference.html
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlglot import exp

from wareflow.sql import ops
from wareflow.sql.dialects.base import Driver, ErrorKind, Guard, Template, WarehouseDialect, call, sqlstate_kind
from wareflow.sql.relation import ident

POSTGIS = ops.Requirement(
    "PostGIS", "SELECT 1 FROM pg_extension WHERE extname = 'postgis'",
    "an administrator runs CREATE EXTENSION postgis in this database (Debian: postgresql-15-postgis-3)")

H3 = ops.Requirement(
    "h3-pg", "SELECT 1 FROM pg_proc WHERE proname = 'h3_polygon_to_cells_experimental'",
    "an administrator installs h3-pg 4.2 or later (https://github.com/zachasme/h3-pg; pgxn install h3) and runs "
    "CREATE EXTENSION h3; CREATE EXTENSION h3_postgis CASCADE in this database")
_CELL = "CAST(:cell AS h3index)"
_POLYFILL = "ARRAY(SELECT CAST(h3_polygon_to_cells_experimental(:geo, :resolution, '{mode}') AS TEXT))"


class PostgresDriver(Driver):
    """How Postgres's driver behaves: connecting, session state, cancelling, rows written, errors."""

    conn_types = ("postgres", "postgresql")
    hook = "airflow.providers.postgres.hooks.postgres.PostgresHook"
    # A client killed mid-statement (SIGKILL, a lost worker) cannot cancel its query: without this the
    # server runs it to the end, holding its locks. With it, the server checks the socket every 2 s
    # while a query runs and ends the query once the client is gone (PostgreSQL 14+, Linux).
    # https://www.postgresql.org/docs/current/runtime-config-connection.html#GUC-CLIENT-CONNECTION-CHECK-INTERVAL
    session_settings = ("SET client_connection_check_interval = 2000",)
    session_reset = ("RESET ALL",)  # e.g. a search_path changed by one stage must not steer the next
    # Per session, committed before the stage's transaction opens (a SET inside it would be rolled back
    # with a failed stage); RESET returns to the role's or database's own default.
    # https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-STATEMENT-TIMEOUT
    timeout_setting = "SET statement_timeout = {ms}"
    timeout_unsetting = "RESET statement_timeout"

    def error_kind(self, exc: BaseException) -> ErrorKind:
        # By SQLSTATE: psycopg2 calls it `pgcode`, psycopg 3 `sqlstate`. libpq reports a failure to
        # connect (refused, password, missing database) without one: the DB-API class decides then.
        return sqlstate_kind(state) if (state := _sqlstate(exc)) else super().error_kind(exc)

    def exceeded(self, exc: BaseException) -> Guard | None:
        # query_canceled: statement_timeout, or a cancel (the session tells them apart by the time run).
        return "statement_timeout" if _sqlstate(exc) == "57014" else None


def _sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a driver exception: psycopg2 calls it `pgcode`, psycopg 3 `sqlstate`."""
    state = getattr(exc, "pgcode", None) or getattr(exc, "sqlstate", None)
    return state if isinstance(state, str) and state else None


class Postgres(PostgresDriver, WarehouseDialect):
    """PostgreSQL / PostGIS (geometry SRID 4326; metres through geography)."""

    name = "postgres"
    title = "PostgreSQL / PostGIS"
    sqlglot_dialect = "postgres"
    functions = {
        **WarehouseDialect.functions,
        ops.POINT: Template("ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)"),
        ops.FROM_WKT: Template("ST_GeomFromText(:wkt, 4326)"),
        ops.FROM_GEOJSON: Template("ST_SetSRID(ST_GeomFromGeoJSON(:geojson), 4326)"),
        # https://postgis.net/docs/ST_Buffer.html: geography input buffers in metres.
        ops.BUFFER: Template("CAST(ST_Buffer(CAST(:geo AS GEOGRAPHY), :meters) AS GEOMETRY)"),
        # https://postgis.net/docs/ST_Area.html: geography measures in metres on the spheroid.
        ops.AREA: Template("ST_Area(CAST(:geo AS GEOGRAPHY))"),
        ops.LENGTH: Template("ST_Length(CAST(:geo AS GEOGRAPHY))"),
        ops.INTERSECTION: call("ST_Intersection", "a", "b"),
        ops.UNION_AGG: call("ST_Union", "geo"),
        ops.CENTROID_AGG: Template("ST_Centroid(ST_Collect(:geo))"),
        ops.CONVEXHULL_AGG: Template("ST_ConvexHull(ST_Collect(:geo))"),
        ops.ENVELOPE: Template("ST_MakeEnvelope(:xmin, :ymin, :xmax, :ymax, 4326)"),
        ops.INT_RANGE: Template("ARRAY(SELECT GENERATE_SERIES(:low, :high))"),
        # H3: h3-pg's names (extensions h3 and h3_postgis, https://github.com/zachasme/h3-pg). h3index
        # reads and prints as lower-case hex, so cells cross as text; set-returning functions are
        # gathered into arrays, which `explode` turns back into rows.
        ops.H3_FROM_POINT: Template("CAST(h3_latlng_to_cell(:geo, :resolution) AS TEXT)"),
        ops.H3_POLYFILL: Template(_POLYFILL.format(mode="center")),
        ops.H3_POLYFILL_INTERSECTS: Template(_POLYFILL.format(mode="overlapping")),
        ops.H3_POLYFILL_CONTAINS: Template(_POLYFILL.format(mode="full")),
        ops.H3_BOUNDARY: Template("h3_cell_to_boundary_geometry(CAST(:cell AS h3index))"),
        ops.H3_CENTER: Template("h3_cell_to_geometry(CAST(:cell AS h3index))"),
        ops.H3_KRING: Template(f"ARRAY(SELECT CAST(h3_grid_disk({_CELL}, :size) AS TEXT))"),
        # h3-pg raises where cells' resolutions differ (CARTO: NULL); a hex cell's resolution is its
        # second digit. Cells too far apart, or across a pentagon, still raise there.
        ops.H3_DISTANCE: Template("CASE WHEN SUBSTRING(:a, 2, 1) = SUBSTRING(:b, 2, 1) "
                                  "THEN h3_grid_distance(CAST(:a AS h3index), CAST(:b AS h3index)) END"),
        ops.H3_TOPARENT: Template(f"CAST(h3_cell_to_parent({_CELL}, :resolution) AS TEXT)"),
        ops.H3_TOCHILDREN: Template(f"ARRAY(SELECT CAST(h3_cell_to_children({_CELL}, :resolution) AS TEXT))"),
    }

    # Every spatial function is PostGIS's, every H3 one h3-pg's: a database without them fails before
    # any write, saying what to install. Integer arithmetic (quadbin) and arrays need nothing.
    requirements = {op: (POSTGIS, H3) if op.name.startswith("h3_") else (POSTGIS,)
                    for op in functions if op is not ops.INT_RANGE}
    types = {**WarehouseDialect.types, "string": "TEXT", "number": "DOUBLE PRECISION",
             "geography": "GEOMETRY"}

    unnest_join = "CROSS JOIN LATERAL UNNEST(:array) AS _wf_unnest(_wf_cell)"
    epoch_seconds = Template("EXTRACT(EPOCH FROM :ts)")  # reused intermediates' ages (now(): the transaction's start)

    # Since PostgreSQL 12 a CTE read once is inlined: a buffer joined on would be rebuilt per pair.
    materializes_costly_ctes = True

    # A step a later one matches spatially is a table with a GiST index, as an expert would prepare it.
    step_tables = frozenset({"probe"})

    def explode(self, query: exp.Select, array: exp.Expr, element: str) -> exp.Select:
        """An array gathered from a set-returning call (``ARRAY(SELECT h3_grid_disk(...))``, the form of this
        dialect's H3 and range templates) is not built at all: the call goes into a LATERAL subquery, so
        the planner sees the set's size (an array's UNNEST it guesses at 10 rows, and picks nested loops
        for a fill of a million cells) and h3-pg's SQL wrappers inline."""
        inner = array.expressions[0] if isinstance(array, exp.Array) and len(array.expressions) == 1 else None
        if not (isinstance(inner, exp.Select) and len(inner.selects) == 1 and not inner.args.get("from_")
                and not inner.args.get("from")):
            return super().explode(query, array, element)
        rows = exp.Subquery(this=exp.select(exp.alias_(inner.selects[0].copy(), f"_wf_{element}")),
                            alias=exp.TableAlias(this=ident(f"_wf_{element}_rows")))
        query.join(exp.Lateral(this=rows), join_type="CROSS", copy=False)
        return query.select(exp.alias_(exp.column(f"_wf_{element}", f"_wf_{element}_rows"), element), copy=False)

    def index_probes(self, table: exp.Table, columns: Sequence[str]) -> list[exp.Expr]:
        """A GiST index per probed geometry column, then fresh planner statistics: as an expert
        prepares a table that a spatial join or filter reads."""
        if not columns:
            return []
        indexes: list[exp.Expr] = [
            exp.Create(kind="INDEX", this=exp.Index(table=table.copy(), params=exp.IndexParameters(
                using=exp.var("GIST"), columns=[exp.Ordered(this=exp.Column(this=ident(c)))])))
            for c in columns]
        return [*indexes, exp.Analyze(tables=[table.copy()])]

    def create_table_as(self, target: exp.Table, query: exp.Query, *, intermediate: bool) -> exp.Create:
        # Intermediates are rebuilt on retry, so they skip the write-ahead log.
        props = exp.Properties(expressions=[exp.UnloggedProperty()]) if intermediate else None
        return exp.Create(this=target.copy(), kind="TABLE", expression=query, properties=props)

    def publish(self, target: exp.Table, query: exp.Query, *, intermediate: bool = False,
                token: str = "") -> list[exp.Expr]:
        if intermediate:  # nobody reads an intermediate while it is rebuilt: no staging swap needed
            return [self.drop(target), self.create_table_as(target, query, intermediate=True)]
        return super().publish(target, query, token=token)

    def append(self, target: exp.Table, query: exp.Query, ledger: exp.Table, run_key: str) -> list[exp.Expr]:
        """The base append, after a transaction-scoped advisory lock on the ledger's name: ``CREATE TABLE
        IF NOT EXISTS`` is not safe against a concurrent create of the same name (two runs appending at
        once: one fails on the catalog's unique index), so appends through one ledger take turns.
        https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS"""
        name = exp.Literal.string(self.generate(ledger, pretty=False))
        turn = exp.select(exp.func("PG_ADVISORY_XACT_LOCK", exp.func("HASHTEXT", name)))
        return [turn, *super().append(target, query, ledger, run_key)]

    def describe(self, table: exp.Table) -> exp.Query:
        """From the catalog (0.5 ms; the information_schema view takes 2.5): the table named exactly
        as written (a database part is not PostgreSQL's to resolve), through the search path when
        unqualified. PostGIS types read "geometry"."""
        name = exp.Table(**{k: exp.Identifier(this=p.name, quoted=True)
                            for k, p in zip(("this", "db"), reversed(table.parts), strict=False)})
        oid = exp.func("TO_REGCLASS", exp.Literal.string(self.generate(name, pretty=False)))
        attribute = exp.Table(this=ident("pg_attribute"), db=ident("pg_catalog"), alias=exp.TableAlias(this=ident("a")))
        where = exp.and_(exp.EQ(this=exp.column("attrelid", "a"), expression=oid),
                         exp.GT(this=exp.column("attnum", "a"), expression=exp.Literal.number(0)),
                         exp.Not(this=exp.column("attisdropped", "a")))
        data_type = exp.func("FORMAT_TYPE", exp.column("atttypid", "a"), exp.Null())
        return (exp.select(exp.alias_(exp.column("attname", "a"), "column_name"), exp.alias_(data_type, "data_type"))
                .from_(attribute).where(where).order_by(exp.column("attnum", "a")))

    def exclusive(self, name: exp.Table) -> list[exp.Expr]:
        """A transaction-scoped advisory lock on `name`: two runs first building one reused table would
        otherwise collide on the catalog's unique index (one fails), so they take turns.
        https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS"""
        key = exp.func("HASHTEXT", exp.Literal.string(self.generate(name.copy(), pretty=False)))
        return [exp.select(exp.func("PG_ADVISORY_XACT_LOCK", key))]

"""The one-file-per-warehouse interface.

A dialect declares, as data, everything that differs between warehouses: the sqlglot dialect,
the Airflow connection types it claims, its hook (a dotted path, imported lazily), the spatial
function table, type names, and how outputs are published. Nothing outside ``sql/dialects/``
asks which warehouse it is talking to.
"""

from __future__ import annotations

import errno
import hashlib
import re
import socket
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar, Literal

import sqlglot
from sqlglot import exp

from wareflow.sql import ops
from wareflow.sql.relation import folds, ident


class Template:
    """A SQL snippet with ``:name`` placeholders, parsed once in its dialect and filled with AST nodes.

    Filling substitutes sqlglot nodes for placeholders, so values and identifiers never travel as text.
    """

    def __init__(self, sql: str):
        self.sql = sql
        self.dialect = ""

    def bind(self, dialect: str) -> Template:
        bound = Template(self.sql)
        bound.dialect = dialect
        return bound

    @cached_property
    def tree(self) -> exp.Expr:
        return sqlglot.parse_one(self.sql, read=self.dialect or None)

    @cached_property
    def params(self) -> frozenset[str]:
        return frozenset(p.name for p in self.tree.find_all(exp.Placeholder))

    def __call__(self, **args: exp.Expr) -> exp.Expr:
        missing = self.params - args.keys()
        if missing:
            raise TypeError(f"template {self.sql!r} needs {sorted(missing)}")

        def fill(node: exp.Expr) -> exp.Expr:
            if isinstance(node, exp.Placeholder) and node.name in args:
                return args[node.name].copy()
            return node

        return self.tree.copy().transform(fill)


def call(name: str, *params: str) -> Template:
    """``call("ST_INTERSECTS", "a", "b")`` -> ``ST_INTERSECTS(:a, :b)``."""
    return Template(f"{name}({', '.join(':' + p for p in params)})")


def union_all(queries: Sequence[exp.Query]) -> exp.Query | None:
    """The rows of every query of `queries` (one query: itself; none: None)."""
    if len(queries) > 1:
        return exp.union(*queries, distinct=False)
    return queries[0] if queries else None


# What a driver exception means for the run: see `Driver.error_kind`.
ErrorKind = Literal["transient", "missing_table", "terminal"]
# A cost guard a driver exception says the warehouse enforced: see `Driver.exceeded`.
Guard = Literal["statement_timeout", "max_bytes_billed"]
# What a statement's job from an earlier try is now: see `Driver.job_state`.
JobState = Literal["running", "succeeded", "failed"]


@dataclass(frozen=True)
class JobKey:
    """One statement of one stage in one generation (`wareflow.warehouses.resume`): what its job from an
    earlier try of the task is found by."""

    stage: str
    index: int
    sql: str  # digest of the statement's text: a job of other SQL is never taken for this statement's
    generation: int = 0  # times the stage has completed before in this task instance


class Driver:
    """How a warehouse's DB-API driver behaves: connecting through its Airflow hook, session state,
    transactions, cancelling, rows written, what its exceptions mean. Nothing here builds SQL a stage
    runs; a dialect file keeps its driver's part in a class of its own beside its SQL capabilities."""

    conn_types: ClassVar[tuple[str, ...]] = ()
    hook: ClassVar[str] = ""  # dotted path of the Airflow hook class, imported only when a task runs

    # Drivers open the transaction implicitly (psycopg, oracledb, redshift_connector); a dialect whose
    # driver autocommits unless told otherwise (DuckDB) opens it explicitly.
    explicit_begin: ClassVar[bool] = False

    # True where `conn.cursor()` opens a second connection (DuckDB): statements then run on `conn`.
    runs_on_connection: ClassVar[bool] = False

    def begin(self, conn: Any) -> None:
        """Open the stage's transaction where the driver does not (see `explicit_begin`)."""

    def hook_arguments(self, tags: Mapping[str, str]) -> dict[str, Any]:
        """Extra arguments for the hook's constructor; `tags` (workflow, dag, task, run) may go into
        the warehouse's own query history (Snowflake QUERY_TAG, BigQuery job labels)."""
        return {}

    # Session settings every connection gets once, right after connecting, committed at once (fixed
    # text of the dialect's own, never built from input).
    session_settings: ClassVar[tuple[str, ...]] = ()

    # What returns a session to its state after `prepare`, between two stages on one connection (the
    # command line runs every stage on one): a stage's SQL cannot change session state (Custom SQL may
    # only read), and this undoes it all the same.
    session_reset: ClassVar[tuple[str, ...]] = ()

    def prepare(self, conn: Any) -> Any:
        """Apply `session_settings` to a new connection; returns it."""
        _run_settings(conn, self.session_settings, on_connection=self.runs_on_connection)
        return conn

    def reset(self, conn: Any) -> None:
        """Undo any session state a stage left (`session_reset`), then `prepare` the session again."""
        if self.session_reset:
            _run_settings(conn, (*self.session_reset, *self.session_settings), on_connection=self.runs_on_connection)

    def connect(self, hook: Any, tags: Mapping[str, str]) -> Any:
        """A DB-API connection from the Airflow `hook` (an adapter where running differs from DB-API)."""
        return hook.get_conn()

    def statement_id(self, cursor: Any) -> str | None:
        """The warehouse's id of the statement just run on `cursor` (for the log), if it has one."""
        return None

    def cancel(self, conn: Any) -> bool:
        """Cancel whatever `conn` is running (called from another thread when Airflow kills a task);
        False when the driver cannot, and the statement must be cancelled from a second connection."""
        if self.session_id_query:  # the driver cannot cancel its own connection (see below)
            return False
        for method in ("interrupt", "cancel"):  # duckdb; psycopg, oracledb
            if callable(getattr(conn, method, None)):
                getattr(conn, method)()
                return True
        return False

    # Drivers that cannot cancel their own connection: the operator records the session id when it
    # connects and, on kill, cancels that session from a second connection.
    session_id_query: ClassVar[str | None] = None

    def cancel_session(self, session_id: Any) -> exp.Expr | None:
        return None

    # --- cost guards (`wareflow.warehouses.limits.Limits`, applied by `Session`) ----------------------
    # The warehouse's own per-statement timeout as session state: statements setting it (``{seconds}``,
    # ``{ms}`` filled with integers) and lifting it again; None where there is none.
    timeout_setting: ClassVar[str | None] = None
    timeout_unsetting: ClassVar[str | None] = None

    # True where the warehouse has no timeout but the driver can interrupt its own connection from
    # another thread (DuckDB): the session then interrupts a statement that outlives the limit.
    timeout_by_interrupt: ClassVar[bool] = False

    def statement_timeout(self, conn: Any, seconds: int | None) -> bool:
        """Limit each statement `conn` runs from now on to `seconds` (None: lift the limit), committed as
        session state before the stage's transaction opens, so a rollback does not undo it; False where
        the warehouse has no such limit."""
        if self.timeout_setting is None or self.timeout_unsetting is None:
            return False
        statement = (self.timeout_unsetting if seconds is None
                     else self.timeout_setting.format(seconds=int(seconds), ms=int(seconds) * 1000))
        _run_settings(conn, (statement,), on_connection=self.runs_on_connection)
        return True

    def max_bytes_billed(self, conn: Any, limit: int | None) -> bool:
        """Cap the bytes each statement on `conn` may bill (None: lift the cap); False where the warehouse
        bills otherwise and there is no such cap (everywhere but BigQuery)."""
        return False

    def estimate_bytes(self, conn: Any, statements: Sequence[str]) -> int | None:
        """What running `statements` would process, asked of the warehouse without running them (a dry
        run); None where it cannot say."""
        return None

    def bytes_processed(self, cursor: Any) -> int | None:
        """Bytes the statement just run on `cursor` processed, where the driver reports them."""
        return None

    def exceeded(self, exc: BaseException) -> Guard | None:
        """Which cost guard the warehouse says `exc` enforced (by its class and codes, never its text);
        the session believes it only when it set that limit (a server-side timeout an administrator set
        stays what `error_kind` says)."""
        return None

    # --- jobs that outlive the connection: resuming a stage on retry (`wareflow.warehouses.resume`) -----
    # True where each statement runs as a job a later connection can find again by its id and wait for
    # (BigQuery jobs, Snowflake queries): a retried stage then skips what already succeeded. Elsewhere a
    # retry runs the stage again, which the atomic publish and the append ledger make safe.
    resumes_jobs: ClassVar[bool] = False

    # True where a BEGIN ... COMMIT block runs as one job (BigQuery's script): the block resumes as a
    # whole. False where a transaction lives in the session (Snowflake): a crashed worker's transaction
    # is rolled back with its session, so the block always runs again (the ledger guard keeps it once).
    transaction_is_one_job: ClassVar[bool] = False

    def can_resume(self, conn: Any, stored: bool) -> bool:
        """Whether statements on `conn` can be found again on retry: `stored` when there is a store to
        record their ids in (Airflow's ``task_state_store``)."""
        return False

    def find_job(self, conn: Any, key: JobKey, recorded: str | None) -> Any:
        """The latest job of `key`'s statement from an earlier try (`recorded`: its id kept in the store),
        or None where none was submitted."""
        return None

    def job_state(self, conn: Any, job: Any) -> JobState:
        """What `job` (from `find_job`) is now: still running, succeeded, or failed (resubmit it)."""
        return "failed"

    def job_name(self, job: Any) -> str:
        """`job`'s id, for the log and the stage's query ids."""
        return str(job)

    def submit(self, cursor: Any, sql: str, key: JobKey, record: Callable[[str], None]) -> None:
        """Run `sql` on `cursor` as a job, calling `record` with its id as soon as it is submitted (before
        waiting for it), and leave `cursor` reporting it as `execute` would (rows, id, bytes)."""
        cursor.execute(sql)

    def start(self, cursor: Any, sql: str, key: JobKey, record: Callable[[str], None]) -> str:
        """Submit `sql` on `cursor` as a job without waiting for it, calling `record` with its id as `submit`
        does; its id (a deferrable stage waits for it outside the worker, by `job_state`)."""
        raise NotImplementedError(f"{type(self).__name__} cannot start a job without waiting for it")

    def attach(self, cursor: Any, job: Any) -> None:
        """Wait for `job` (submitted by an earlier try) and leave `cursor` reporting it; raises its error."""
        raise NotImplementedError(f"{type(self).__name__} cannot attach to a job")

    def skip(self, cursor: Any, job: Any) -> None:
        """Leave `cursor` reporting `job`, which succeeded in an earlier try, without running anything."""

    def job_rows(self, cursor: Any, statement: exp.Expr) -> int | None:
        """Rows `statement` wrote, run as a job by `submit` or `attach` (None: the session counts them)."""
        return self.rows_written(cursor, statement)

    def rows_written(self, cursor: Any, statement: exp.Expr) -> int | None:
        """Rows `statement`, just run on `cursor`, wrote, if the driver says (DB-API ``rowcount``)."""
        count = getattr(cursor, "rowcount", -1)
        return count if isinstance(count, int) and count >= 0 else None

    def error_kind(self, exc: BaseException) -> ErrorKind:
        """What a driver exception means: ``"transient"`` (a retry may succeed: connection lost,
        serialization failure, deadlock, lock or statement timeout, resources exhausted),
        ``"missing_table"`` (a table, schema or catalog that does not exist: what `describe` may
        raise) or ``"terminal"`` (syntax, privileges, credentials, data).

        Decided by the exception's class and the codes its driver attaches (SQLSTATE, error
        numbers), never by its message text: a table named ``connections`` is not a lost
        connection. A dialect overrides this for its driver, matching classes by name
        (`raised_as`) so that an optional driver is never imported; the base knows the DB-API
        classes and Python's own network errors only.
        """
        return dbapi_error_kind(exc)


class SqlCapabilities:
    """What a warehouse's SQL can say, as documented class attributes and builders of sqlglot nodes:
    functions, types, arrays to rows, DDL, publishing and appending. No connection, no driver."""

    name: ClassVar[str]
    title: ClassVar[str]
    sqlglot_dialect: ClassVar[str]

    # Functions: `ops.Operation` -> Template in this dialect, taking exactly the operation's arguments.
    # The base holds the OGC Simple Features names most warehouses share; a dialect adds or replaces.
    functions: ClassVar[Mapping[ops.Operation, Template]] = {
        ops.AS_WKT: call("ST_AsText", "geo"),
        ops.AS_GEOJSON: call("ST_AsGeoJSON", "geo"),
        ops.INTERSECTS: call("ST_Intersects", "a", "b"),
        ops.CONTAINS: call("ST_Contains", "a", "b"),
        ops.WITHIN: call("ST_Within", "a", "b"),
        ops.COVERS: call("ST_Covers", "a", "b"),
        ops.TOUCHES: call("ST_Touches", "a", "b"),
        ops.CENTROID: call("ST_Centroid", "geo"),
        ops.X: call("ST_X", "geo"),
        ops.Y: call("ST_Y", "geo"),
        ops.XMIN: call("ST_XMin", "geo"),
        ops.YMIN: call("ST_YMin", "geo"),
        ops.XMAX: call("ST_XMax", "geo"),
        ops.YMAX: call("ST_YMax", "geo"),
    }

    # CARTO logical type -> column type, used for typed NULLs and CASTs.
    types: ClassVar[Mapping[str, str]] = {
        "string": "VARCHAR",
        "key": "VARCHAR(255)",  # a short indexed string (ledger keys)
        "number": "DOUBLE",
        "integer": "BIGINT",
        "boolean": "BOOLEAN",
        "date": "DATE",
        "timestamp": "TIMESTAMP",
        "time": "TIME",
    }

    # Warehouse type name (regex, matched case-insensitively) -> CARTO logical type; first match wins.
    logical_types: ClassVar[tuple[tuple[str, str], ...]] = (
        (r"^(geometry|geography)", "geography"),
        (r"^(var)?char|^text|^string|^uuid|^json", "string"),
        (r"^(tiny|small|big|hugei|u?)?int|^integer|^numeric|^decimal|^double|^float|^real|^number", "number"),
        (r"^bool", "boolean"),
        (r"^date$", "date"),
        (r"^timestamp|^datetime", "timestamp"),
        (r"^time", "time"),
    )

    # Components this dialect cannot express, with the reason: read by the compiler, the tests and the docs.
    unsupported: ClassVar[Mapping[str, str]] = {}

    # --- functions -----------------------------------------------------------------------------
    @cached_property
    def _bound_functions(self) -> dict[ops.Operation, Template]:
        return {k: t.bind(self.sqlglot_dialect) for k, t in self.functions.items()}

    def supports(self, operation: ops.Operation) -> bool:
        return operation in self.functions

    def fn(self, operation: ops.Operation, **args: exp.Expr) -> exp.Expr:
        """Build `operation` from AST arguments, named as the operation names them."""
        if set(args) != set(operation.args):
            raise TypeError(f"{operation} takes {operation.args}, got {tuple(args)}")
        return self._bound_functions[operation](**args)

    # What an operation needs installed first (checked before a stage that uses it writes anything).
    requirements: ClassVar[Mapping[ops.Operation, tuple[ops.Requirement, ...]]] = {}

    def required_for(self, operations: Iterable[ops.Operation]) -> tuple[ops.Requirement, ...]:
        """The requirements of `operations`, each once, in a stable order."""
        return tuple(dict.fromkeys(r for op in operations for r in self.requirements.get(op, ())))

    # Arrays to rows (polyfill and k-ring cells, for instance), one form per warehouse: what follows the
    # FROM of a query to give one row per element of :array, and the element's expression. Fixed names
    # (`_wf_unnest`, `_wf_cell`) stand for the alias and the column; `explode` renames the element.
    # None: the dialect cannot turn an array into rows.
    unnest_join: ClassVar[str | None] = "CROSS JOIN UNNEST(:array) AS _wf_unnest(_wf_cell)"
    unnest_element: ClassVar[str] = "_wf_unnest._wf_cell"

    @cached_property
    def _unnest(self) -> Template | None:
        if self.unnest_join is None:
            return None
        return Template(f"SELECT {self.unnest_element} FROM _wf_source {self.unnest_join}").bind(self.sqlglot_dialect)

    @property
    def explodes(self) -> bool:
        """Whether this dialect can turn an array into rows (`explode`)."""
        return self.unnest_join is not None

    def explode(self, query: exp.Select, array: exp.Expr, element: str) -> exp.Select:
        """`query` with one row per element of `array` (an expression over what `query` reads), the
        element as column `element`: the one place arrays become rows, whatever the warehouse's form
        (``UNNEST``, ``LATERAL FLATTEN``, ``LATERAL VIEW explode``, ``TABLE()``, ``OPENJSON``)."""
        if self._unnest is None:
            raise NotImplementedError(f"{self.title} cannot turn an array into rows")
        names = {"_wf_unnest": f"_wf_{element}_rows", "_wf_cell": f"_wf_{element}"}  # one query may explode twice

        def rename(node: exp.Expr) -> exp.Expr:
            if isinstance(node, exp.Identifier) and node.name in names:
                return exp.Identifier(this=names[node.name], quoted=node.quoted)
            return node

        filled = self._unnest(array=array).transform(rename, copy=False)
        assert isinstance(filled, exp.Select)
        for key in ("joins", "laterals"):
            for item in filled.args.get(key) or []:
                query.append(key, item)
        return query.select(exp.alias_(filled.selects[0], element), copy=False)

    def type(self, logical: str) -> exp.DataType:
        return exp.DataType.build(self.types.get(logical, self.types["string"]), dialect=self.sqlglot_dialect)

    def logical_type(self, warehouse_type: str) -> str:
        for pattern, logical in self.logical_types:
            if re.search(pattern, warehouse_type.strip(), re.IGNORECASE):
                return logical
        return "unknown"

    # --- DDL -----------------------------------------------------------------------------------
    # Where unquoted names fold to upper case (Snowflake, Oracle), a lower-case name quoted only for
    # being a keyword is written upper-case, so "out" means the same table as out.
    identifier_fold: ClassVar[str | None] = None

    def generate(self, expression: exp.Expr, pretty: bool = True) -> str:
        if self.identifier_fold == "upper":  # idempotent, so done in place on trees we own
            expression = expression.transform(_fold_quoted_upper, copy=False)
        return expression.sql(dialect=self.sqlglot_dialect, pretty=pretty, comments=False)

    def create_table_as(self, target: exp.Table, query: exp.Query, *, intermediate: bool) -> exp.Create:
        return exp.Create(this=target.copy(), kind="TABLE", expression=query)

    def publish(self, target: exp.Table, query: exp.Query, *, intermediate: bool = False,
                token: str = "") -> list[exp.Expr]:
        """Statements (run in one transaction) that replace `target` with `query`'s rows atomically.

        Readers see the old table or the new one, never a half-written one.
        """
        staging = staging_name(target, token)
        return [
            self.drop(staging),
            self.create_table_as(staging, query, intermediate=intermediate),
            self.drop(target),
            exp.Alter(this=staging.copy(), kind="TABLE",
                      actions=[exp.AlterRename(this=exp.Table(this=target.this.copy()))]),
        ]

    def append(self, target: exp.Table, query: exp.Query, ledger: exp.Table, run_key: str) -> list[exp.Expr]:
        """Append `query` to `target` exactly once per `run_key`, creating the table if missing.

        A ledger row written in the same transaction makes a retry of an append that already
        committed a no-op, so retries never duplicate rows.
        """
        key = exp.Literal.string(run_key)
        logged = exp.select(exp.Literal.number(1)).from_(ledger.copy(), copy=False)
        not_done = exp.Not(this=exp.Exists(this=logged.where(
            exp.EQ(this=exp.column("run_key"), expression=key), copy=False)))
        subquery = exp.Subquery(this=query.copy(), alias=exp.TableAlias(this=ident("q")))
        rows = exp.select(exp.Star()).from_(subquery, copy=False)
        mark = exp.select(key, exp.CurrentTimestamp())
        if self.one_row_table:
            mark = mark.from_(self.one_row_table, copy=False)
        return [
            self.ledger_ddl(ledger),
            *self.create_if_missing(target, rows.copy().where(never(), copy=False)),
            *self.in_transaction([
                exp.Insert(this=target.copy(), expression=rows.where(not_done.copy(), copy=False)),
                exp.Insert(this=ledger.copy(), expression=mark.where(not_done, copy=False)),
            ]),
        ]

    # What runs a stage: one transaction per stage where DDL is transactional (DuckDB, PostgreSQL,
    # Redshift); elsewhere each statement commits on its own, so publishing must be one atomic
    # statement and appends wrap their two INSERTs in an explicit transaction (`in_transaction`).
    transactional_ddl: ClassVar[bool] = True
    append_guarantee: ClassVar[str] = "exactly once"  # what a retried append can promise
    publish_form: ClassVar[str] = "staging table + rename in one transaction"  # for the docs
    groups_geography: ClassVar[bool] = True  # False: GROUP BY a geometry needs its WKB (``as_binary``)
    orders_saved_tables: ClassVar[bool] = True  # False: no ORDER BY in the query that fills a table
    one_row_table: ClassVar[str | None] = None  # FROM for a one-row SELECT where one is required (DUAL)

    # True where the planner inlines a CTE read once and would then recompute a costly column (a
    # buffer) for every pair a join tests: such a CTE read by a join is written AS MATERIALIZED.
    materializes_costly_ctes: ClassVar[bool] = False

    # Shapes of component steps (`relation.Step.shape`) written as scratch tables before the stage's
    # publish instead of CTEs: "probe" (a later step matches on it spatially: indexed first), "fanout".
    step_tables: ClassVar[frozenset[str]] = frozenset()

    def index_probes(self, table: exp.Table, columns: Sequence[str]) -> list[exp.Expr]:
        """Statements run after an intermediate is written, making spatial matches on `columns` (its
        geography columns that a later stage joins or filters on) fast; none where the engine needs none."""
        return []

    def in_transaction(self, statements: list[exp.Expr]) -> list[exp.Expr]:
        if self.transactional_ddl:
            return statements
        return [exp.Transaction(), *statements, exp.Commit()]

    # Where keys are only informational (BigQuery, Databricks, Synapse) the ledger has none: the
    # NOT EXISTS guard inside the transaction is what makes an append happen once.
    ledger_primary_key: ClassVar[bool] = True

    def ledger_ddl(self, ledger: exp.Table) -> exp.Expr:
        key = [exp.ColumnConstraint(kind=exp.PrimaryKeyColumnConstraint())] if self.ledger_primary_key else []
        return self.unless_exists(exp.Create(this=exp.Schema(this=ledger.copy(), expressions=[
            exp.ColumnDef(this=ident("run_key"), kind=self.type("key"), constraints=key),
            exp.ColumnDef(this=ident("appended_at"), kind=self.type("timestamp")),
        ]), kind="TABLE"))

    def create_if_missing(self, target: exp.Table, empty: exp.Query) -> list[exp.Expr]:
        """Create `target` with the columns of `empty` (a query returning no rows) unless it exists."""
        return [self.unless_exists(exp.Create(this=target.copy(), kind="TABLE", expression=empty))]

    def unless_exists(self, create: exp.Create) -> exp.Expr:
        """`create`, run only when its table does not exist yet (``CREATE TABLE IF NOT EXISTS``)."""
        create.set("exists", True)
        return create

    # Integer bit operations (quadbin): False where there are no shift operators (powers of two then),
    # or no bitwise operators at all (BITAND, and sums for ORs of disjoint bits).
    bit_shifts: ClassVar[bool] = True
    bit_operators: ClassVar[bool] = True

    # False where a predicate is not a value (Oracle before 23ai, T-SQL): no COALESCE over a condition.
    boolean_values: ClassVar[bool] = True

    def not_true(self, condition: exp.Expr) -> exp.Expr:
        """A predicate true exactly where `condition` is false or NULL (the complement of WHERE cond)."""
        if not self.boolean_values:  # a CASE is the null-safe complement there
            case = exp.Case().when(condition.copy(), exp.Literal.number(1)).else_(exp.Literal.number(0))
            return exp.EQ(this=case, expression=exp.Literal.number(0))
        return exp.Not(this=exp.Coalesce(this=condition.copy(), expressions=[exp.false()]))

    def drop(self, target: exp.Table) -> exp.Expr:
        return exp.Drop(tables=[target.copy()], kind="TABLE", exists=True)

    def describe(self, table: exp.Table) -> exp.Expr:
        """A query returning (column_name, data_type) of `table`, in column order: no rows, or an
        error `error_kind` calls ``"missing_table"``, when there is no such table."""
        raise NotImplementedError

    # --- reused intermediates (`wareflow.warehouses.reuse`) --------------------------------------------
    # Seconds since 1970 (UTC) of the timestamp `:ts`, as a number: how a reused table's age is reckoned,
    # on the warehouse's own clock. None where not written yet: `reuse_intermediates` is refused there.
    epoch_seconds: ClassVar[Template | None] = None

    def epoch(self, timestamp: exp.Expr) -> exp.Expr | None:
        return None if self.epoch_seconds is None else self.epoch_seconds.bind(self.sqlglot_dialect)(ts=timestamp)

    def exclusive(self, name: exp.Table) -> list[exp.Expr]:
        """Statements making the rest of a stage's transaction take turns with every other writer of `name`,
        where two runs publishing one table at once would otherwise collide; none where the warehouse's
        own locking or an atomic ``CREATE OR REPLACE`` suffices."""
        return []

    def last_modified(self, tables: Sequence[exp.Table]) -> exp.Query | None:
        """A query giving (schema, table, seconds since 1970 of the last change to its data) for those of
        `tables` that are base tables the warehouse keeps such a time for; None where it keeps none."""
        return None



class WarehouseDialect(SqlCapabilities, Driver):
    """One warehouse, in one file: its SQL capabilities and its driver's behaviour. A dialect file defines
    ``class <Name>Driver(Driver)`` and ``class <Name>(<Name>Driver, WarehouseDialect)``; subclasses override
    what differs."""

    def configure(self, extra: Mapping[str, Any]) -> WarehouseDialect:
        """This dialect as an Airflow connection's extra fields set it up (BigQuery: where CARTO's Analytics
        Toolbox lives); itself where nothing applies. No I/O: it reads the fields only."""
        return self


def _run_settings(conn: Any, statements: Sequence[str], *, on_connection: bool) -> None:
    """Run fixed session statements on `conn` and commit them (on the connection itself where a cursor
    would be a second connection, which autocommits)."""
    if not statements:
        return
    if on_connection:
        for statement in statements:
            conn.execute(statement)
        return
    cur = conn.cursor()
    try:
        for statement in statements:
            cur.execute(statement)
    finally:
        cur.close()
    conn.commit()


def _fold_quoted_upper(node: exp.Expr) -> exp.Expr:
    if isinstance(node, exp.Identifier) and node.quoted and folds(node.name):
        return exp.Identifier(this=node.name.upper(), quoted=True)
    return node


def never() -> exp.Expr:
    """A condition no row meets, written the same in every dialect (``1 = 0``)."""
    return exp.EQ(this=exp.Literal.number(1), expression=exp.Literal.number(0))


def staging_name(target: exp.Table, token: str = "") -> exp.Table:
    """``<name>__wareflow_<token>``: the table a publish builds before swapping it in.

    `token` names the run, so two runs publishing the same table at once build separate staging
    tables (the swap then serialises on the target's lock: the last run to commit wins) instead of
    colliding in the catalog. Kept within 63 characters (PostgreSQL truncates longer names, which
    could make the staging name equal the target's) by a hash of the full name.
    """
    suffix = f"__wareflow_{token or 'staging'}"
    name = f"{target.name}{suffix}"
    if len(name) > 63:
        digest = hashlib.sha256(name.encode()).hexdigest()[:10]
        name = f"{target.name[:36]}__wareflow_{digest}"
    staged = target.copy()
    staged.set("this", ident(name))
    return staged


# --- driver errors: shared by the dialects' `error_kind` ------------------------------------------
def raised_as(exc: BaseException, package: str, *names: str) -> bool:
    """Whether `exc` is an instance of a class defined in `package` (or a module under it) and named
    one of `names` (any name when none is given), matched through its MRO by name, so the driver
    need not be imported or even installed: ``raised_as(exc, "duckdb", "CatalogException")``. A
    leading underscore of the module (``_duckdb``) is ignored."""
    for cls in type(exc).__mro__:
        module = cls.__module__.lstrip("_")
        if (module == package or module.startswith(package + ".")) and (not names or cls.__name__ in names):
            return True
    return False


_UNREACHABLE = frozenset({errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EHOSTDOWN, errno.ENETDOWN, errno.ETIMEDOUT})


def network_failure(exc: BaseException) -> bool:
    """Whether `exc`, or an exception it was raised from or while handling, is a network failure:
    refused, reset or timed out, or a host name that did not resolve (Python's own errors, or the
    HTTP libraries' that drivers talking HTTPS let through)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, (ConnectionError, TimeoutError, socket.gaierror)) or (
                isinstance(current, OSError) and current.errno in _UNREACHABLE) or raised_as(
                current, "requests", "ConnectionError", "Timeout") or raised_as(
                current, "urllib3", "NewConnectionError", "ProtocolError", "TimeoutError"):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def dbapi_error_kind(exc: BaseException) -> ErrorKind:
    """The DB-API default: an ``OperationalError`` (PEP 249: errors "related to the database's
    operation and not necessarily under the control of the programmer": a lost connection, memory,
    a transaction that could not be processed) or a network failure is transient; the rest terminal."""
    if any(cls.__name__ == "OperationalError" for cls in type(exc).__mro__) or network_failure(exc):
        return "transient"
    return "terminal"


# SQLSTATEs (SQL standard classes, PostgreSQL's own codes) worth a retry, by class or full code.
# https://www.postgresql.org/docs/current/errcodes-appendix.html
TRANSIENT_SQLSTATES = frozenset({
    "08",  # connection exception
    "53",  # insufficient resources: disk full, out of memory, too many connections
    "40001",  # serialization_failure
    "40P01",  # deadlock_detected
    "55P03",  # lock_not_available (lock_timeout, NOWAIT)
    # query_canceled: statement_timeout, or a cancel (the task being killed): the same statement may
    # well finish under less load, and a retry of a killed task is Airflow's to decide.
    "57014",
    "57P01", "57P02", "57P03", "57P05",  # admin/crash shutdown, cannot connect now, idle session timeout
    "58000", "58030",  # system_error, io_error
})
# A table, schema or database that does not exist: undefined_table, the standard's "base table or
# view not found" (Snowflake, ODBC), invalid_schema_name, invalid_catalog_name.
MISSING_TABLE_SQLSTATES = frozenset({"42P01", "42S02", "3F000", "3D000"})


def sqlstate_kind(state: str) -> ErrorKind:
    """What a SQLSTATE means for the run (see `TRANSIENT_SQLSTATES`); every other code is terminal:
    syntax and access rule violations (42), data exceptions (22), constraint violations (23),
    invalid authorization (28) ..."""
    state = state.upper()
    if state in MISSING_TABLE_SQLSTATES:
        return "missing_table"
    if state in TRANSIENT_SQLSTATES or state[:2] in TRANSIENT_SQLSTATES:
        return "transient"
    return "terminal"

"""Reused intermediates (sidecar ``reuse_intermediates: true``): only what changed runs again.

With `Compiler.reuse`, a stage that is not a sink writes a table named by its content alone
(`Compiler.reuse_key`: the Merkle hash of its sub-graph, the variable values, the Wareflow release),
not by the run, and keeps it. A ledger in the table's schema, ``_wareflow_intermediates``, says what
each such table holds and when it was built, on the warehouse's clock:

    table_name, cache_key, workflow, stage_label, built_at (for people), built_epoch_s, ttl_s,
    row_count, built_by (the run), complete

Its row is written with the table's publish: in the same transaction where DDL is transactional
(DuckDB, PostgreSQL: the row's time is the transaction's start, before the build read anything);
elsewhere (BigQuery, Snowflake) an unfinished row goes in before the atomic ``CREATE OR REPLACE`` and is
marked complete after it. Either way a table is never fresh without being complete.

A stage is skipped (`check`) when its table is *fresh*: a complete ledger row for the same key exists,
younger than the TTL (the shorter of the reader's `Compiler.reuse_ttl_s` and the one it was built with),
its table exists, no upstream stage's table was built after it (an upstream stage rebuilt in this run
means new data here, whatever its sub-graph), and, where the warehouse keeps a last change time per table
(BigQuery, Snowflake: `last_modified`), none of the sources it reads directly changed since its build
started. Changes to the graph need no check: they change the key, hence the name. On PostgreSQL and
DuckDB nothing tells when a source table changed: the TTL alone bounds how stale a reused table can be.

Tables stay after the run; a table found expired is rebuilt in place by the next run that needs it.
Tables nobody rebuilds (an edited workflow's old content) are dropped by `sweep` at the end of a run
once they are `SWEEP_GRACE_S` past their TTL (the grace: a run that reused one just before it
expired can still read it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlglot import exp

from wareflow.compile.compiler import CompiledStage, Compiler, target_schema
from wareflow.errors import WarehouseError
from wareflow.plan.ir import Port, Stage
from wareflow.sql.dialects.base import WarehouseDialect
from wareflow.sql.relation import Column, ident, table_ref
from wareflow.warehouses.connect import describe_error
from wareflow.warehouses.session import Session, StageResult

LEDGER_TABLE = "_wareflow_intermediates"
SWEEP_GRACE_S = 6 * 3600
# column -> logical type (`SqlCapabilities.type`)
COLUMNS = (("table_name", "key"), ("cache_key", "key"), ("workflow", "string"), ("stage_label", "string"),
           ("built_at", "timestamp"), ("built_epoch_s", "number"), ("ttl_s", "integer"), ("row_count", "integer"),
           ("built_by", "key"), ("complete", "boolean"))


@dataclass(frozen=True)
class Decision:
    """Whether a stage's table can be reused, and why (the log line says it)."""

    stage_id: str
    table: str  # as the dialect writes it
    fresh: bool
    reason: str
    rows: int | None = None  # what the reused table holds, from its ledger row
    built_epoch_s: float | None = None

    @property
    def message(self) -> str:
        return f"{'reusing' if self.fresh else 'rebuilding'} {self.table}: {self.reason}"

    def result(self) -> StageResult:
        """The stage's result when it is skipped: no statement run, no time spent."""
        return StageResult(self.stage_id, self.table, -1 if self.rows is None else self.rows, 0.0, 0)

    def summary(self) -> dict[str, Any]:
        """What the stage's XCom summary adds: ``reused`` and why (or why not)."""
        return {"reused": self.fresh, "reuse_reason": self.reason}


@dataclass(frozen=True)
class _Row:
    key: str
    built: float
    ttl: float
    rows: int | None


# --- names and statements -------------------------------------------------------------------------
def ledger_table(table: exp.Table) -> exp.Table:
    """The ledger beside `table` (in its schema)."""
    return table_ref((*target_schema(table), LEDGER_TABLE))


def ledger_ddl(dialect: WarehouseDialect, ledger: exp.Table) -> exp.Expr:
    key = [exp.ColumnConstraint(kind=exp.PrimaryKeyColumnConstraint())] if dialect.ledger_primary_key else []
    columns = [exp.ColumnDef(this=ident(name), kind=dialect.type(logical), constraints=key if name == "table_name"
                             else []) for name, logical in COLUMNS]
    return dialect.unless_exists(exp.Create(this=exp.Schema(this=ledger.copy(), expressions=columns), kind="TABLE"))


def recorded(compiler: Compiler, compiled: CompiledStage) -> list[exp.Expr]:
    """`compiled`'s statements with its table's ledger row written alongside (see the module's docs)."""
    dialect, table = compiler.dialect, compiled.target
    ledger = ledger_table(table)
    name = exp.Literal.string(dialect.generate(table.copy(), pretty=False))
    mine = exp.and_(_eq("table_name", name), _eq("built_by", exp.Literal.string(compiler.run_token)))
    count = exp.Subquery(this=exp.select(exp.Count(this=exp.Star())).from_(table.copy()))
    stage = compiled.stage
    values = {"table_name": name, "cache_key": exp.Literal.string(compiler.reuse_key(stage)),
              "workflow": exp.Literal.string(compiler.bound.workflow.title[:200]),
              "stage_label": exp.Literal.string(f"{stage.id}: {stage.label}"[:200]),
              "built_at": exp.CurrentTimestamp(), "built_epoch_s": _now(dialect),
              "ttl_s": exp.Literal.number(int(compiler.reuse_ttl_s)),
              "built_by": exp.Literal.string(compiler.run_token)}
    forget = exp.Delete(this=ledger.copy(), where=exp.Where(this=_eq("table_name", name)))
    if dialect.transactional_ddl:  # one transaction: the row commits with the table, or neither does
        row = _insert(dialect, ledger, {**values, "row_count": count, "complete": exp.true()})
        return [*dialect.exclusive(table), *compiled.statements, *dialect.exclusive(ledger),
                ledger_ddl(dialect, ledger), forget, row]
    pending = _insert(dialect, ledger, {**values, "row_count": exp.cast(exp.Null(), dialect.type("integer")),
                                        "complete": exp.false()})
    done = exp.Update(this=ledger.copy(), expressions=[exp.EQ(this=exp.column("complete"), expression=exp.true()),
                                                       exp.EQ(this=exp.column("row_count"), expression=count)],
                      where=exp.Where(this=mine))
    return [ledger_ddl(dialect, ledger), forget, pending, *dialect.exclusive(table), *compiled.statements, done]


def compile_stage(compiler: Compiler, stage: Stage,
                  upstream_columns: Mapping[str, tuple[Column, ...] | None] | None = None) -> CompiledStage:
    """`compiler.compile_stage(stage)`, with the ledger row of a reused table: what a run calls instead."""
    compiled = compiler.compile_stage(stage, upstream_columns)
    if not compiler.reusable(stage):
        return compiled
    return replace(compiled, statements=tuple(recorded(compiler, compiled)))


# --- freshness ------------------------------------------------------------------------------------
def check(session: Session, compiler: Compiler, stage: Stage) -> Decision:
    """Whether `stage`'s table is fresh (see the module's docs), with the reason either way."""
    dialect = session.dialect
    table = compiler.intermediate_table(stage)
    name = dialect.generate(table.copy(), pretty=False)

    def stale(why: str) -> Decision:
        return Decision(stage.id, name, False, why)

    if not compiler.reusable(stage):
        return stale("written by every run (reuse is off, or it is a sink)")
    upstream = {dialect.generate(compiler.intermediate_table(u).copy(), pretty=False): u
                for u in (compiler.plan.stage(i) for i in stage.upstream) if compiler.reusable(u)}
    rows = _ledger_rows(session, ledger_table(table), [name, *upstream])
    if rows is None:
        return stale("not built yet (no ledger)")
    latest, now = rows
    own = latest.get(name)
    if own is None:
        return stale("not built yet")
    if own.key != compiler.reuse_key(stage):
        return stale("its ledger row is for other content")
    ttl = min(float(compiler.reuse_ttl_s), own.ttl)
    age = now - own.built
    if age >= ttl:
        return stale(f"expired: built {duration(age)} ago (TTL {duration(ttl)})")
    if session.describe(tuple(p.name for p in table.parts)) is None:
        return stale("its table is missing (the ledger row outlived it)")
    for upstream_name, u in upstream.items():
        before = latest.get(upstream_name)
        if before is None:
            return stale(f"upstream stage '{u.id}' ({upstream_name}) has no finished build recorded")
        if before.built > own.built:
            return stale(f"upstream stage '{u.id}' ({upstream_name}) was rebuilt {duration(now - before.built)} "
                         f"ago, after it")
    fresh, note = _sources(session, source_tables(compiler, stage), own.built, now)
    if not fresh:
        return stale(note)
    return Decision(stage.id, name, True, f"built {duration(age)} ago (TTL {duration(ttl)}), {note}",
                    own.rows, own.built)


def _sources(session: Session, sources: list[exp.Table], built: float, now: float) -> tuple[bool, str]:
    """Whether no source in `sources` changed since `built` (where the warehouse says), and how that is known."""
    dialect = session.dialect
    if not sources:
        return True, "no source tables"
    query = dialect.last_modified(sources)
    if query is None:
        return True, f"sources not checked ({dialect.title} keeps no last-modified time: the TTL covers them)"
    try:
        modified = [(f"{schema}.{tname}", float(at)) for schema, tname, at in session.fetch(query) if at is not None]
    except WarehouseError as exc:
        return False, f"could not read when its sources last changed ({describe_error(exc)})"
    changed = [(at, source) for source, at in modified if at >= built]
    if changed:
        at, source = max(changed)
        return False, f"source {source} was modified {duration(now - at)} ago, after it was built"
    seen = {tuple(s.lower().rsplit(".", 1)) for s, _ in modified}
    unknown = [dialect.generate(t.copy(), pretty=False) for t in sources
               if not any(n == t.name.lower() and (not t.db or s == t.db.lower()) for s, n in seen)]
    return True, "sources unchanged" + (f" (the TTL alone covers {', '.join(unknown)})" if unknown else "")


def source_tables(compiler: Compiler, stage: Stage) -> list[exp.Table]:
    """The warehouse tables (not other stages' tables) `stage` reads directly, each once."""
    found: dict[tuple[str, ...], exp.Table] = {}
    for port in stage.ports:
        for link in compiler.bound.links.get(port.node, {}).values():
            if compiler.bound.is_source(link.node):
                parts = compiler.source_table(link.node)
                found.setdefault(parts, table_ref(parts))
    return list(found.values())


def _ledger_rows(session: Session, ledger: exp.Table, names: Sequence[str]
                 ) -> tuple[dict[str, _Row], float] | None:
    """Each of `names`' latest complete ledger row, and the warehouse's clock now; None with no ledger."""
    dialect = session.dialect
    query = (exp.select("table_name", "cache_key", "built_epoch_s", "ttl_s", "row_count",
                        exp.alias_(_now(dialect), "now_s"))
             .from_(ledger.copy())
             .where(exp.and_(_eq("complete", exp.true()),
                             exp.column("table_name").isin(*(exp.Literal.string(n) for n in names)))))
    try:
        fetched = session.fetch(query)
    except WarehouseError as exc:
        if _missing(dialect, exc):
            return None
        raise
    latest: dict[str, _Row] = {}
    now = 0.0
    for table_name, key, built, ttl, count, now_s in fetched:
        now = float(now_s)
        row = _Row(str(key), float(built), float(ttl), None if count is None else int(count))
        if table_name not in latest or row.built > latest[table_name].built:
            latest[table_name] = row
    return latest, now


# --- cleanup ----------------------------------------------------------------------------------------
def sweep(session: Session, compiler: Compiler, grace_s: int = SWEEP_GRACE_S) -> list[str]:
    """Drop the reused tables of the ledger beside `compiler`'s intermediates that are more than `grace_s`
    past their own TTL, with their rows, in one transaction where the warehouse allows; never raises
    (a table left is dropped by a later sweep). Returns what it dropped."""
    dialect = session.dialect
    ledger = table_ref((*((compiler.scratch_schema,) if compiler.scratch_schema else ()), LEDGER_TABLE))
    expired = exp.LT(this=exp.Add(this=exp.column("built_epoch_s"), expression=exp.Add(
        this=exp.column("ttl_s"), expression=exp.Literal.number(int(grace_s)))), expression=_now(dialect))
    try:
        names = sorted({str(r[0]) for r in session.fetch(
            exp.select("table_name").from_(ledger.copy()).where(expired.copy()))})
    except WarehouseError as exc:
        if not _missing(dialect, exc):
            session.log.warning("could not read the reused intermediates' ledger: %s", exc)
        return []
    if not names:
        return []
    tables = [exp.to_table(n, dialect=dialect.sqlglot_dialect) for n in names]
    gone = exp.and_(exp.column("table_name").isin(*(exp.Literal.string(n) for n in names)), expired)
    statements = (*(dialect.drop(t) for t in tables), exp.Delete(this=ledger.copy(), where=exp.Where(this=gone)))
    sweeper = Stage("reuse_sweep", Port("", ""), (), (), "", "expired reused intermediates")
    try:
        session.run(CompiledStage(sweeper, "replace", ledger, exp.select(exp.Star()).from_(ledger.copy()),
                                  statements, None))
    except WarehouseError as exc:
        session.log.warning("could not drop expired reused intermediates: %s", exc)
        return []
    session.log.info("dropped %s expired reused intermediate(s): %s", len(names), ", ".join(names))
    return names


# --- helpers ------------------------------------------------------------------------------------------
def _now(dialect: WarehouseDialect) -> exp.Expr:
    epoch = dialect.epoch(exp.CurrentTimestamp())
    assert epoch is not None, "the compiler refuses reuse where the dialect has no epoch_seconds (WF305)"
    return epoch


def _eq(column: str, value: exp.Expr) -> exp.Expr:
    return exp.EQ(this=exp.column(column), expression=value)


def _insert(dialect: WarehouseDialect, ledger: exp.Table, values: dict[str, exp.Expr]) -> exp.Insert:
    select = exp.select(*(values[name] for name, _ in COLUMNS))
    if dialect.one_row_table:
        select = select.from_(dialect.one_row_table)
    return exp.Insert(this=exp.Schema(this=ledger.copy(), expressions=[ident(name) for name, _ in COLUMNS]),
                      expression=select)


def _missing(dialect: WarehouseDialect, exc: WarehouseError) -> bool:
    """Whether `exc` (from `Session.fetch`) says the table read does not exist."""
    cause = exc.__cause__
    return cause is not None and dialect.error_kind(cause) == "missing_table"


def duration(seconds: float) -> str:
    """``45 s``, ``12 min``, ``3 h 5 min``, ``2 d 4 h``: how long ago, or a TTL, for a log line."""
    s = max(int(seconds), 0)
    if s < 120:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min"
    if s < 2 * 86400:
        return f"{s // 3600} h" + (f" {s % 3600 // 60} min" if s % 3600 // 60 else "")
    return f"{s // 86400} d" + (f" {s % 86400 // 3600} h" if s % 86400 // 3600 else "")

"""A `Session` runs compiled stages on one DB-API connection.

Each stage runs in one transaction: its statements commit together or not at all, so a retried
task starts from the state before it. The log shows every statement, its duration and the rows
written; driver errors become coded `WarehouseError`s, transient (worth a retry) or terminal as the
dialect classifies the driver's exception (by class and code, never by message text), their
messages scrubbed of connection passwords.

Cost guards (`Limits`) hold while a stage runs: the warehouse's own statement timeout as session state
set before the stage's transaction and lifted after it, or a job's configuration (BigQuery), or a timer
interrupting the statement (DuckDB); a BigQuery stage is dry-run first and fails before running anything
when the estimate is over ``max_bytes_billed``. A statement stopped by a limit fails with the terminal
WF409 (timeout) or WF410 (bytes billed): a retry would run into the same limit.

Given a `ResumeStore` (`run(compiled, resume=...)`), a stage whose statements run as warehouse jobs
(BigQuery, Snowflake) resumes on retry instead of running again: see `Session._resumption` and
`wareflow.warehouses.resume`. A deferrable run (`run(..., defer=Defer())`) builds on it: instead of waiting
for a job, it raises `JobStarted` with the job's id once the job is submitted (or found still running); the
caller waits for the job outside the worker (`wareflow.airflow.triggers`) and runs the stage again, which
skips every statement whose job has succeeded and starts the next one.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import math
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlglot import exp

from wareflow.compile.compiler import CompiledStage
from wareflow.errors import Issue, TerminalWarehouseError, WarehouseError, warehouse_error
from wareflow.plan.ir import Stage
from wareflow.sql.dialects.base import Guard, JobKey, JobState, WarehouseDialect
from wareflow.sql.ops import Requirement
from wareflow.sql.relation import Column, table_ref
from wareflow.warehouses.connect import describe_error
from wareflow.warehouses.limits import Limits, human_bytes
from wareflow.warehouses.resume import (
    ResumeStore,
    digest,
    generation,
    generation_key,
    persistent,
    recorded_id,
    statement_key,
)

log = logging.getLogger("wareflow")
_clock = time.perf_counter  # how long a statement ran (see `Session._exceeded`); tests drive it


@dataclass(frozen=True)
class StageResult:
    stage_id: str
    target: str
    rows: int
    seconds: float
    statements: int
    query_ids: tuple[str, ...] = ()  # the warehouse's ids of the statements run, where it has them
    bytes_processed: int | None = None  # what the statements processed, where the driver says (BigQuery)


def set_autocommit(conn: Any) -> None:
    """Autocommit on, whichever way the driver spells it: an attribute (psycopg, oracledb,
    redshift_connector, DB-API fakes) or a method (pymssql, snowflake-connector)."""
    current = getattr(conn, "autocommit", None)
    if callable(current):
        current(True)
    elif current is not None:
        conn.autocommit = True


def _writes_rows(statement: exp.Expr, kind: str) -> bool:
    """Whether `statement` is the one that writes the stage's rows (appends: the first INSERT)."""
    if kind == "append":
        return isinstance(statement, exp.Insert)
    return isinstance(statement, exp.Create) and statement.expression is not None


class _Watchdog:
    """Calls `cancel` once `seconds` have passed, unless stopped first; never after `stop` returns."""

    def __init__(self, seconds: float, cancel: Callable[[], Any]):
        self.fired = False
        self._cancel = cancel
        self._lock = threading.Lock()
        self._stopped = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self.fired = True
            try:
                self._cancel()
            except Exception:  # the statement may have just ended; the session reports the timeout
                log.debug("interrupting the statement failed", exc_info=True)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
        self._timer.cancel()


@dataclass
class _Step:
    """What a retry does with one statement run as a job: skip it (its job succeeded), wait for its job
    (still running), or submit it."""

    key: JobKey
    job: Any = None  # its job from an earlier try, if any
    state: JobState | None = None
    action: Literal["skip", "attach", "submit"] = "submit"


@dataclass(frozen=True)
class Defer:
    """How a deferrable `Session.run` goes: it raises `JobStarted` rather than waiting for a job."""

    continued: bool = False  # run again after a job ended: the estimate was checked before the first job
    failed: bool = False  # the job waited for failed: raise its error rather than submit the statement again


class JobStarted(Exception):
    """A deferrable run's job is running (just submitted, or from an earlier try): wait for `job_id`, then
    run the stage again."""

    def __init__(self, stage: str, index: int, job_id: str):
        super().__init__(f"stage {stage}: statement {index} runs in job {job_id}")
        self.stage, self.index, self.job_id = stage, index, job_id


class _Interrupted(Exception):
    """A statement that finished just as the timer interrupting it fired: past the limit all the same."""


class Session:
    def __init__(self, conn: Any, dialect: WarehouseDialect, logger: Any = None, limits: Limits | None = None):
        self.conn = conn
        self.dialect = dialect
        self.log = logger or log
        self.limits = limits or Limits()
        self._schemas: dict[tuple[str, ...], tuple[Column, ...] | None] = {}
        self._present: set[str] = set()  # requirements found installed on this connection
        self._noted: set[str] = set()  # limits this warehouse cannot apply, logged once
        self._applied: set[Guard] = set()  # limits the warehouse or driver enforces right now
        self._timer: int | None = None  # seconds after which a statement is interrupted (no server timeout)
        self._watch: _Watchdog | None = None  # the running (or last) statement's timer
        self._started = 0.0  # when the running (or last) statement started

    # --- reading ----------------------------------------------------------------------------------
    def fetch(self, query: exp.Expr | str) -> list[tuple[Any, ...]]:
        """The rows of `query`; a driver error is a coded `WarehouseError` (WF401 or WF402)."""
        try:
            return self._read(query)
        except Exception as exc:
            raise self._failure("query failed", exc) from exc

    def _read(self, query: exp.Expr | str) -> list[tuple[Any, ...]]:
        sql = query if isinstance(query, str) else self.dialect.generate(query, pretty=False)
        cur = self._cursor()
        try:
            self._execute(cur, sql)
            rows = [tuple(r) for r in cur.fetchall()]
        except Exception:
            self._rollback()  # ends the failed read; a rollback failing on a lost connection must not hide why
            raise
        finally:
            self._release(cur)
        self._end_read()
        return rows

    def describe(self, parts: tuple[str, ...]) -> tuple[Column, ...] | None:
        """Columns of the table `parts` with CARTO logical types; None when it does not exist."""
        if parts not in self._schemas:
            try:
                rows = self._read(self.dialect.describe(table_ref(parts)))
            except Exception as exc:
                if self.dialect.error_kind(exc) != "missing_table":
                    raise self._failure(f"reading the columns of {'.'.join(parts)!r} failed", exc) from exc
                rows = []
            self._schemas[parts] = tuple(Column(r[0], self.dialect.logical_type(str(r[1]))) for r in rows) or None
        return self._schemas[parts]

    def schema_lookup(self, written: str, parts: tuple[str, ...]) -> tuple[Column, ...] | None:
        return self.describe(parts)

    # --- running ----------------------------------------------------------------------------------
    def can_defer(self, resume: ResumeStore | None) -> bool:
        """Whether a stage on this connection can run deferred: its statements are jobs found again by the
        ids kept in `resume`, a real store (Airflow's ``task_state_store``)."""
        return persistent(resume) and self.dialect.resumes_jobs and self.dialect.can_resume(self.conn, True)

    def run(self, compiled: CompiledStage, resume: ResumeStore | None = None,
            defer: Defer | None = None) -> StageResult:
        """Run the stage's statements. With `resume` (Airflow's ``task_state_store``, or `NO_STORE`), where
        they run as jobs a retry can find again, each job's id is recorded as it is submitted and a retry
        skips what succeeded, waits for what still runs and submits the rest (`_resumption`).

        With `defer` too (only where `can_defer`), the first job not yet succeeded is started, or found
        running, and `JobStarted` raised instead of waiting for it; the caller runs the stage again once it
        ended. Statements of a transaction living in the session (Snowflake) cannot be left: from the first
        of them the rest of the stage runs in this process."""
        self.ensure(compiled)
        target = self.dialect.generate(compiled.target, pretty=False)
        texts = [self.dialect.generate(statement) for statement in compiled.statements]
        if defer is None or not defer.continued:
            self._check_estimate(compiled, texts)
        kinds = self._job_kinds(compiled.statements)
        steps = self._resumption(compiled, texts, kinds, resume)
        # a transaction living in the session (Snowflake) cannot be left for a trigger: from its first
        # statement on, the stage runs in this process
        deferring = len(kinds) if "plain" not in kinds else kinds.index("plain")
        started = time.perf_counter()  # the stage's time is the warehouse's: SQL text is ready
        rows = -1
        query_ids: list[str] = []
        processed: int | None = None
        with self._limited():
            cur = self._cursor()
            self._remember(cur)
            self._begin()
            try:
                for index, (statement, sql) in enumerate(zip(compiled.statements, texts, strict=True)):
                    step = steps.get(index)
                    if step is None:
                        self.log.info("stage %s: running\n%s", compiled.stage.id, sql)
                        self._execute(cur, sql)
                        count = self.dialect.rows_written(cur, statement)
                        qid = self.dialect.statement_id(cur)
                    else:
                        qid = self._run_step(cur, compiled, sql, step, resume, defer if index < deferring else None)
                        count = self.dialect.job_rows(cur, statement)
                    if rows < 0 and _writes_rows(statement, compiled.kind):
                        rows = -1 if count is None else count
                    if qid:
                        query_ids.append(qid)
                    done = self.dialect.bytes_processed(cur)
                    if done is not None:
                        processed = (processed or 0) + done
                    self.log.info("stage %s: statement done in %.3f s%s", compiled.stage.id,
                                  _clock() - self._started, f" (query id {qid})" if qid else "")
                self.conn.commit()
            except JobStarted:
                raise  # the job runs on: nothing to roll back
            except Exception as exc:
                self._rollback()
                raise self._error(compiled, exc) from exc
            finally:
                self._release(cur)
        if steps and persistent(resume):
            self._store(resume, generation_key(compiled.stage.id), steps[min(steps)].key.generation + 1)
        try:  # the next stage on this connection starts from a clean session
            self.dialect.reset(self.conn)
        except Exception as exc:  # the stage is committed; a session that cannot be reset is the next one's error
            self.log.warning("could not reset the session after stage %s: %s", compiled.stage.id, describe_error(exc))
        if rows < 0:  # the driver did not say (DuckDB): count what the table holds now
            counting = exp.select(exp.Count(this=exp.Star())).from_(compiled.target.copy())
            rows = int(self.fetch(counting)[0][0])
        seconds = time.perf_counter() - started
        self.log.info("stage %s: wrote %s rows to %s in %.3f s%s", compiled.stage.id, rows, target, seconds,
                      "" if processed is None else f", {human_bytes(processed)} processed")
        self._schemas.pop(tuple(p.name for p in compiled.target.parts), None)
        return StageResult(compiled.stage.id, target, rows, seconds, len(compiled.statements), tuple(query_ids),
                           processed)

    # --- resuming on retry ------------------------------------------------------------------------------
    def _resumption(self, compiled: CompiledStage, texts: list[str], kinds: Sequence[str],
                    store: ResumeStore | None) -> dict[int, _Step]:
        """What to do with each statement that runs as a job, by index; empty where nothing resumes (no
        store given, or a warehouse without jobs: a retry then runs the whole stage again, which the
        atomic publish and the append ledger make safe).

        Only a prefix of the statements is skipped: the statements ran in order, so a retry skips those
        whose job succeeded up to the first that did not, waits for that one if it still runs, and submits
        it and every later one anew (a later statement's job would be from an older try, built on what
        the earlier statement wrote then). Skipping is safe because:

        - a skipped job ran exactly this statement (the key holds a digest of its SQL; a changed DAG or a
          changed compile submits anew) in this generation of the stage (see `wareflow.warehouses.resume`);
        - a skipped CREATE (a publish's CREATE OR REPLACE, a ledger's or an append target's CREATE IF NOT
          EXISTS, a scratch table) is skipped only while its table still exists: one dropped since (by the
          run's cleanup, a person) is created again, and so is everything after it;
        - a transaction resumes only where it is one job (BigQuery's script: its INSERTs and the ledger row
          committed together or not at all); where it lives in the session (Snowflake), a crashed worker's
          transaction was rolled back with its session, so the block runs again, and the ledger's
          NOT EXISTS guard makes a block that had committed a no-op;
        - publishing on these warehouses is one atomic CREATE OR REPLACE, so there is no staging table to
          lose between statements; a staging + swap publish runs in one transaction (PostgreSQL, DuckDB,
          Redshift), whose warehouses have no jobs and run again whole.

        Without a store (`NoStore`), a stage whose every job already succeeded is taken to have completed
        before (its task cleared, or failing after the stage ran) and runs again: only the store's
        generation tells a retry after a crash from a new run of the task.
        """
        if store is None or not self.dialect.resumes_jobs:
            return {}
        stored = persistent(store)
        if not self.dialect.can_resume(self.conn, stored):
            if not stored:
                self._note("resume", f"{self.dialect.title}: resuming a retried stage needs Airflow's task state "
                                     "store (Airflow 3.3+); without it a retry runs the stage again")
            return {}
        stage = compiled.stage.id
        current = generation(store, stage)
        steps = {index: self._earlier_job(compiled, JobKey(stage, index, digest(texts[index]), current), store)
                 for index, kind in enumerate(kinds) if kind == "job"}
        again = not stored and bool(steps) and all(s.state == "succeeded" for s in steps.values())
        if again:
            self.log.info("stage %s: every job already succeeded in an earlier run of this task: running it again",
                          stage)
        for index, kind in enumerate(kinds):
            if kind == "plain":
                again = True
            if kind != "job":
                continue
            step = steps[index]
            if not again and step.state == "succeeded" and self._still_there(compiled.statements[index]):
                step.action = "skip"
            elif not again and step.state == "running":
                step.action, again = "attach", True
            else:
                step.action, again = "submit", True
        return steps

    def _earlier_job(self, compiled: CompiledStage, key: JobKey, store: ResumeStore) -> _Step:
        """`key`'s statement with its job from an earlier try, if any, and what that job is now."""
        step = _Step(key)
        try:
            step.job = self.dialect.find_job(self.conn, key, recorded_id(store, key))
            step.state = None if step.job is None else self.dialect.job_state(self.conn, step.job)
        except Exception as exc:
            if self.dialect.error_kind(exc) == "transient":  # a retry may find it: never submit twice
                raise self._error(compiled, exc) from exc
            self.log.warning("stage %s: could not look up statement %d's job from an earlier try (%s); "
                             "submitting it anew", key.stage, key.index, describe_error(exc))
            step.job, step.state = None, None
        return step

    def _job_kinds(self, statements: Sequence[exp.Expr]) -> list[Literal["job", "gathered", "plain"]]:
        """Each statement as it runs: a job of its own, gathered into the transaction's job (BigQuery: BEGIN
        and what follows, up to the COMMIT that runs them as one script), or plain (inside a transaction
        that lives in the session: never resumed)."""
        kinds: list[Literal["job", "gathered", "plain"]] = []
        open_block = False
        for statement in statements:
            if isinstance(statement, exp.Transaction):
                open_block = True
            if not open_block:
                kinds.append("job")
            elif not self.dialect.transaction_is_one_job:
                kinds.append("plain")
            else:
                kinds.append("job" if isinstance(statement, exp.Commit) else "gathered")
            if isinstance(statement, exp.Commit):
                open_block = False
        return kinds

    def _still_there(self, statement: exp.Expr) -> bool:
        """False when `statement` creates a table that no longer exists (its succeeded job must run again)."""
        if not isinstance(statement, exp.Create) or str(statement.args.get("kind") or "").upper() != "TABLE":
            return True
        table = statement.this.this if isinstance(statement.this, exp.Schema) else statement.this
        if not isinstance(table, exp.Table):
            return True
        parts = tuple(p.name for p in table.parts)
        self._schemas.pop(parts, None)
        return self.describe(parts) is not None

    def _run_step(self, cur: Any, compiled: CompiledStage, sql: str, step: _Step, store: ResumeStore | None,
                  defer: Defer | None = None) -> str:
        """Run, wait for or skip the statement's job as `step` says; its id. With `defer`, a job to wait for
        raises `JobStarted` instead, and one that failed (`defer.failed`) raises its error."""
        stage = compiled.stage.id
        self._watch = None
        self._started = _clock()
        name = "" if step.job is None else self.dialect.job_name(step.job)  # its job from an earlier try
        if step.action == "skip":
            self.log.info("stage %s: statement %d already succeeded in job %s (an earlier try): skipped",
                          stage, step.key.index, name)
            self.dialect.skip(cur, step.job)
            return name
        if step.action == "attach" and defer is not None:
            self.log.info("stage %s: statement %d runs in job %s: deferring until it ends", stage, step.key.index, name)
            raise JobStarted(stage, step.key.index, name)
        if step.action == "attach":
            self.log.info("stage %s: statement %d still runs in job %s (an earlier try): waiting for it",
                          stage, step.key.index, name)
            self.dialect.attach(cur, step.job)
            return name
        if step.state == "failed" and defer is not None and defer.failed:
            self.log.info("stage %s: statement %d failed in job %s", stage, step.key.index, name)
            # Its error as the driver raises it, classified as any other; the job ran as long as it did, so a
            # limit it reports (`exceeded`) stopped it, whatever this process's clock says.
            self._started = -math.inf
            self.dialect.attach(cur, step.job)
            self._started = _clock()  # it did not fail after all (its error not raised): reported as done
            return self.dialect.statement_id(cur) or name
        if step.state == "failed":
            self.log.info("stage %s: statement %d failed in job %s (an earlier try): submitting it again",
                          stage, step.key.index, name)
        self.log.info("stage %s: running\n%s", stage, sql)

        def record(job_id: str) -> None:
            if store is not None:
                self._store(store, statement_key(stage, step.key.index),
                            {"id": job_id, "sql": step.key.sql, "generation": step.key.generation})

        if defer is not None:
            job_id = self.dialect.start(cur, sql, step.key, record)
            self.log.info("stage %s: statement %d submitted as job %s: deferring until it ends", stage,
                          step.key.index, job_id)
            raise JobStarted(stage, step.key.index, job_id)
        self.dialect.submit(cur, sql, step.key, record)
        return self.dialect.statement_id(cur) or ""

    def _store(self, store: ResumeStore, key: str, value: Any) -> None:
        """Write to the resume store; a store that fails costs a resumption, never the stage."""
        try:
            store.set(key, value)
        except Exception as exc:
            self.log.warning("could not record %s in the task state store: %s", key, describe_error(exc))

    def ensure(self, compiled: CompiledStage) -> None:
        """Check, before anything is written, that what the stage's functions need is installed
        (once per session); raise the terminal WF407 saying what to install when it is not."""
        self._ensure(compiled.requirements, compiled.stage)

    def _ensure(self, requirements: Iterable[Requirement], stage: Stage) -> None:
        for requirement in requirements:
            if requirement.provided_by == "script":  # in the stage's statements (see the compiler)
                continue
            if requirement.name not in self._present:
                if requirement.provided_by == "connection":
                    module, _, function = requirement.provide.partition(":")
                    getattr(importlib.import_module(module), function)(self.conn)
                if not self.fetch(requirement.check):
                    raise TerminalWarehouseError(Issue(
                        "WF407", f"stage '{stage.id}' needs {requirement.name}, which this "
                        f"{self.dialect.title} database does not have", node_id=stage.output.node,
                        component=stage.label, hint=requirement.install))
                self._present.add(requirement.name)

    def read_small(self, query: exp.Query, requirements: Iterable[Requirement], stage: Stage) -> list[tuple[Any, ...]]:
        """The rows of a component's fetch (`BuildContext.fetch`), once what its functions need is there."""
        self._ensure(requirements, stage)
        self.log.info("stage %s: reading a small result\n%s", stage.id, self.dialect.generate(query))
        with self._limited():
            return self.fetch(query)

    # --- cost guards ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _limited(self) -> Iterator[None]:
        """Hold the limits while the block runs (as the warehouse's session state, its jobs' configuration,
        or a timer), lifting them afterwards: no limit outlives the stage on this connection."""
        timeout, cap = self.limits.statement_timeout_s, self.limits.max_bytes_billed
        try:
            if timeout is not None:
                if self.dialect.statement_timeout(self.conn, timeout):
                    self._applied.add("statement_timeout")
                elif self.dialect.timeout_by_interrupt:
                    self._timer = timeout
                else:
                    self._note("statement_timeout_s", f"{self.dialect.title} has no statement timeout Wareflow can "
                                                      f"set: statement_timeout_s = {timeout} is not applied")
            if cap is not None:
                if self.dialect.max_bytes_billed(self.conn, cap):
                    self._applied.add("max_bytes_billed")
                else:
                    self._note("max_bytes_billed", f"{self.dialect.title} does not bill by bytes scanned: "
                                                   f"max_bytes_billed = {cap} is not applied")
        except Exception as exc:
            self._rollback()
            self._lift()
            raise self._failure("setting the cost limits failed", exc) from exc
        try:
            yield
        finally:
            self._lift()

    def _lift(self) -> None:
        self._timer = None
        applied, self._applied = self._applied, set()
        try:
            if "statement_timeout" in applied:
                self.dialect.statement_timeout(self.conn, None)
            if "max_bytes_billed" in applied:
                self.dialect.max_bytes_billed(self.conn, None)
        except Exception as exc:  # the connection may be gone after a failure: that error is the one to report
            self._rollback()
            self.log.warning("could not lift the cost limits: %s", describe_error(exc))

    def _note(self, limit: str, message: str) -> None:
        if limit not in self._noted:
            self._noted.add(limit)
            self.log.warning("%s", message)

    def _check_estimate(self, compiled: CompiledStage, texts: list[str]) -> None:
        """With `max_bytes_billed`, ask the warehouse what the stage would process (a dry run), log it, and
        fail with the terminal WF410 before anything runs when it is over the limit."""
        cap = self.limits.max_bytes_billed
        if cap is None:
            return
        try:
            estimate = self.dialect.estimate_bytes(self.conn, texts)
        except Exception as exc:
            if self.dialect.error_kind(exc) != "missing_table":
                raise self._error(compiled, exc) from exc
            # e.g. an append into a table its first run creates: each job is still capped by the warehouse
            self.log.warning("stage %s: no estimate of the bytes processed (%s); each job is capped at %s",
                             compiled.stage.id, describe_error(exc), human_bytes(cap))
            return
        if estimate is None:
            return
        self.log.info("stage %s: estimated %s processed (max_bytes_billed %s)", compiled.stage.id,
                      human_bytes(estimate), human_bytes(cap))
        if estimate > cap:
            raise TerminalWarehouseError(Issue(
                "WF410", f"stage '{compiled.stage.id}' would process an estimated {human_bytes(estimate)}, over "
                f"max_bytes_billed ({human_bytes(cap)}); nothing was run", node_id=compiled.stage.output.node,
                component=compiled.stage.label,
                hint="raise max_bytes_billed in the workflow's sidecar, or read less (filter, select columns earlier)"))

    def _execute(self, cur: Any, sql: str) -> None:
        """Run `sql` on `cur`, interrupted from a timer past the statement timeout where the warehouse has none."""
        self._watch = None
        self._started = _clock()
        if self._timer is None:
            cur.execute(sql)
            return
        watch = self._watch = _Watchdog(self._timer, lambda: self.dialect.cancel(self.conn))
        try:
            cur.execute(sql)
        finally:
            watch.stop()
        if watch.fired:
            raise _Interrupted(f"interrupted after {self._timer} s")

    def _exceeded(self, exc: BaseException) -> Guard | None:
        """The limit `exc` enforced, if it was one this session set: the driver's own error for it (a
        statement that ran at least as long as the timeout: a cancel before then is not it) or our timer."""
        if self._watch is not None and self._watch.fired:
            return "statement_timeout"
        guard = self.dialect.exceeded(exc)
        if guard not in self._applied:
            return None
        if guard == "statement_timeout":
            timeout = self.limits.statement_timeout_s or 0
            return guard if _clock() - self._started >= timeout else None
        return guard

    def drop(self, tables: list[exp.Table]) -> None:
        """Drop scratch tables; a failure is logged, never raised (cleanup must not fail a run)."""
        for table in tables:
            sql = self.dialect.generate(self.dialect.drop(table), pretty=False)
            cur = None
            try:  # the connection itself may be gone (a cancelled or killed run): still only a warning
                cur = self._cursor()
                self._begin()
                cur.execute(sql)
                self.conn.commit()
                self.log.info("dropped %s", table.sql(dialect=self.dialect.sqlglot_dialect))
            except Exception as exc:
                self._rollback()
                self.log.warning("could not drop %s: %s", table.sql(), describe_error(exc))
            finally:
                if cur is not None:
                    with contextlib.suppress(Exception):
                        self._release(cur)

    def _cursor(self) -> Any:
        """Where statements run: a cursor, or the connection itself where a cursor is a second
        connection (DuckDB), which would sit outside the stage's transaction and out of reach of
        the connection's `interrupt()` when Airflow kills the task."""
        return self.conn if self.dialect.runs_on_connection else self.conn.cursor()

    def _release(self, cur: Any) -> None:
        if cur is not self.conn:
            cur.close()

    def _remember(self, cur: Any) -> None:
        """Keep the running cursor on the connection, where `WarehouseDialect.cancel` can find it."""
        with contextlib.suppress(AttributeError):  # a C connection without __dict__: cancel uses the connection
            self.conn._wareflow_cursor = cur

    def _begin(self) -> None:
        # Where DDL is transactional the stage's statements commit together (the dialect opens the
        # transaction if its driver does not do so implicitly); elsewhere each statement commits by
        # itself and the dialect marks any transaction it needs in the statements.
        if self.dialect.transactional_ddl:
            self.dialect.begin(self.conn)
        else:
            set_autocommit(self.conn)

    def _end_read(self) -> None:
        if self.dialect.transactional_ddl and not self.dialect.explicit_begin:
            self.conn.rollback()  # end the driver's implicit read transaction; nothing was written

    def _rollback(self) -> None:
        try:
            self.conn.rollback()
        except Exception:  # the connection may be gone: the error that matters is the original one
            self.log.debug("rollback failed", exc_info=True)

    def _error(self, compiled: CompiledStage, exc: Exception) -> Exception:
        return self._failure(f"stage '{compiled.stage.id}' failed", exc, node_id=compiled.stage.output.node,
                             component=compiled.stage.label)

    def _failure(self, what: str, exc: BaseException, **where: str | None) -> WarehouseError:
        """`exc` from the driver as WF401 (transient: worth a retry) or WF402 (terminal), by the dialect's
        classification of its class and codes, the message scrubbed of passwords; WF409 or WF410 (terminal)
        when it is a limit of ours that stopped the statement."""
        guard = self._exceeded(exc)
        if guard == "statement_timeout":
            return TerminalWarehouseError(Issue(
                "WF409", f"{what}: a statement ran past statement_timeout_s ({self.limits.statement_timeout_s} s) "
                f"and was stopped: {describe_error(exc)}", **where,
                hint="raise statement_timeout_s in the workflow's sidecar, or make the stage cheaper (a retry would "
                     "stop at the same limit)"))
        if guard == "max_bytes_billed":
            return TerminalWarehouseError(Issue(
                "WF410", f"{what}: the job would bill more than max_bytes_billed "
                f"({human_bytes(self.limits.max_bytes_billed or 0)}) and was not run: {describe_error(exc)}",
                **where, hint="raise max_bytes_billed in the workflow's sidecar, or read less"))
        transient = self.dialect.error_kind(exc) == "transient"
        return warehouse_error(Issue("WF401" if transient else "WF402", f"{what}: {describe_error(exc)}", **where),
                               transient=transient)

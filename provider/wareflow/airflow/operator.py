"""The operators: one runs a stage of a workflow plan through the connection's provider hook; a
second, the run's last task, sums up what every stage wrote and drops the run's scratch tables.

The SQL is compiled in `execute`, never at DAG-parse time, so any failure is the first thing in the
task's main log: schemas the workflow does not declare are read through the hook, variable values
come from the run's params (trigger form or REST ``conf``). The compiled SQL then shows in Airflow's
Rendered Template view; the log shows each statement, its duration and the rows written; the XCom
is the stage's summary (table, rows, seconds, query ids) and Airflow's metrics get the same.

With ``deferrable=True``, where statements run as warehouse jobs a later process can find by id (BigQuery,
Snowflake) and Airflow keeps a ``task_state_store``, no worker slot is held while a job runs: the operator
submits the next statement's job, records its id as a resumed retry would, and defers to a
`WareflowJobTrigger`; when the job has ended, `execute_complete` runs the stage again, which skips every
statement whose job succeeded and submits the next, until none is left. Elsewhere the stage runs in the
worker as usual (logged once).
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from airflow.sdk import BaseOperator

from wareflow.airflow.metrics import (
    emit_run_metrics,
    emit_stage_metrics,
    run_summary,
    stage_summary,
    summary_table,
)
from wareflow.errors import Issue, TerminalWarehouseError, TransientWarehouseError, WareflowError, warehouse_error

T = TypeVar("T")

if TYPE_CHECKING:  # the compiler, dialects and hooks load when a task runs, not when a DAG is parsed
    from wareflow.airflow.plan_cache import PlanRef
    from wareflow.compile.compiler import CompiledStage, Compiler
    from wareflow.plan.ir import Plan
    from wareflow.sql.dialects import WarehouseDialect
    from wareflow.warehouses.resume import ResumeStore
    from wareflow.warehouses.session import Defer, Session


class _WareflowTask(BaseOperator):
    """What both operators share: the plan, the connection through its provider hook, the variables."""

    ui_color = "#dcecf9"

    def __init__(self, *, plan: Plan | PlanRef, conn_id: str, scratch_schema: str | None = None,
                 statement_timeout_s: int | None = None, max_bytes_billed: int | None = None,
                 reuse_intermediates: bool = False, reuse_ttl_s: int | None = None, deferrable: bool = False,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._plan = plan
        self.deferrable = deferrable
        self.conn_id = conn_id
        self.statement_timeout_s = statement_timeout_s
        self.max_bytes_billed = max_bytes_billed
        self.reuse_intermediates = reuse_intermediates
        self.reuse_ttl_s = reuse_ttl_s
        self.scratch_schema = scratch_schema
        self._conn: Any = None
        self._run_id: str | None = None
        self._warehouse: WarehouseDialect | None = None
        self._session_id: Any = None
        self._lock = threading.Lock()

    @property
    def plan(self) -> Plan:
        """The workflow's plan: given, or loaded (from the plan cache, else validated) when first needed."""
        from wareflow.plan.ir import Plan

        if not isinstance(self._plan, Plan):
            self._plan = self._plan.load()
        return self._plan

    def on_kill(self) -> None:
        """Cancel the running statement so no orphan query keeps the warehouse busy (and billing)."""
        conn = self._conn
        if conn is None:
            return
        dialect = self._dialect()
        try:
            if dialect.cancel(conn):
                self.log.info("cancelled the running statement of %s", self.task_id)
            elif (statement := dialect.cancel_session(self._session_id)) is not None:
                from wareflow.warehouses.hooks import connect_conn_id

                other = connect_conn_id(self.conn_id, self._tags, dialect)
                try:
                    other.cursor().execute(dialect.generate(statement, pretty=False))
                    self.log.info("cancelled session %s of %s", self._session_id, self.task_id)
                finally:
                    other.close()
        except Exception:  # cancelling is best effort; the kill goes on regardless
            self.log.warning("could not cancel the running statement", exc_info=True)

    def _dialect(self) -> WarehouseDialect:
        """The dialect of the connection's type (looked up once: it may live in a secrets backend)."""
        if self._warehouse is None:
            from wareflow.warehouses.hooks import dialect_for

            self._warehouse = dialect_for(self.conn_id)
        return self._warehouse

    def _connection(self) -> Any:
        with self._lock:
            if self._conn is None:
                from wareflow.warehouses.hooks import connect_conn_id

                dialect = self._dialect()
                self._conn = connect_conn_id(self.conn_id, self._tags, dialect)
                if dialect.session_id_query:  # kept to cancel it from a second connection on kill
                    cur = self._conn.cursor()
                    cur.execute(dialect.session_id_query)
                    self._session_id = cur.fetchone()[0]
            return self._conn

    @property
    def _tags(self) -> dict[str, str]:
        """Who runs this: in the warehouse's query history (Snowflake QUERY_TAG, BigQuery labels)."""
        return {"tool": "wareflow", "dag": self.dag_id, "task": self.task_id, "run": self._run_id or "",
                "workflow": self.plan.workflow.workflow.title}

    def _close(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # closing is cleanup: never fail the task for it
                self.log.debug("closing the connection failed", exc_info=True)

    def _session(self) -> Any:
        from wareflow.warehouses.limits import Limits
        from wareflow.warehouses.session import Session

        limits = Limits(statement_timeout_s=self.statement_timeout_s, max_bytes_billed=self.max_bytes_billed)
        return Session(self._connection(), self._dialect(), self.log, limits=limits)

    def _compiler(self, context: Mapping[str, Any]) -> Compiler:
        from wareflow.compile.compiler import DEFAULT_REUSE_TTL_S, Compiler
        from wareflow.components.registry import typed_values

        self._run_id = context.get("run_id")
        # Params hold the trigger's conf too: a key the workflow does not declare (a misspelt
        # variable) fails the run with WF210 rather than being ignored.
        variables = typed_values(self.plan.workflow, context.get("params") or {})
        dag_id = context["dag"].dag_id if context.get("dag") else "wareflow"
        session = self._session()
        return Compiler(self.plan, self._dialect(), variables=variables, schemas=session.schema_lookup,
                        fetch=session.read_small, run_key=f"{dag_id}:{context.get('run_id') or 'manual'}",
                        scratch_schema=self.scratch_schema, reuse=self.reuse_intermediates,
                        reuse_ttl_s=DEFAULT_REUSE_TTL_S if self.reuse_ttl_s is None else self.reuse_ttl_s)


class WareflowOperator(_WareflowTask):
    """Run one stage (one statement, one published table) of a Wareflow plan."""

    template_fields: Sequence[str] = ("sql",)
    template_fields_renderers: ClassVar[dict[str, str]] = {"sql": "sql"}
    # the SQL is compiled in `execute`; Airflow then stores it as the Rendered Template
    overwrite_rtif_after_execution = True

    def __init__(self, *, plan: Plan | PlanRef, stage_id: str, conn_id: str, label: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(plan=plan, conn_id=conn_id, **kwargs)
        self.stage_id = stage_id
        self.sql = f"-- {label or self.plan.stage(stage_id).label}: compiled when the task runs"
        self._compiled: CompiledStage | None = None

    # how often a deferred stage's trigger asks the warehouse whether its job has ended
    poll_interval: float = 10.0

    def execute(self, context: Any) -> dict[str, Any]:
        """Compile against the live schemas, run, and return the stage's summary (its XCom)."""
        return self._execute(context)

    def execute_complete(self, context: Any, event: Mapping[str, Any] | None = None, started: float | None = None,
                         extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """A deferred stage's job has ended (`WareflowJobTrigger`): fail with its error, or run the stage on."""
        from airflow.sdk.exceptions import AirflowFailException

        event = dict(event or {})
        status = event.get("status")
        self.log.info("stage %s: statement %s: %s", self.stage_id, event.get("index"), event.get("message") or status)
        if status not in ("succeeded", "failed"):  # the trigger could not read the job's state
            error = warehouse_error(Issue("WF401" if event.get("transient") else "WF402",
                                          f"stage '{self.stage_id}': {event.get('message') or 'the trigger failed'}"),
                                    transient=bool(event.get("transient")))
            if isinstance(error, TerminalWarehouseError):
                raise AirflowFailException(str(error)) from error
            raise error  # a retry finds the job again (the task state store) and waits for it anew
        return self._execute(context, resumed=(time.time() if started is None else started, status == "failed",
                                               dict(extra or {})))

    def _execute(self, context: Any, resumed: tuple[float, bool, dict[str, Any]] | None = None) -> dict[str, Any]:
        """Run the stage: from the start, or on after a deferred job (`resumed`: when the stage started,
        whether the job failed, and what its first run adds to the summary)."""
        from airflow.sdk.exceptions import AirflowFailException

        from wareflow.warehouses import reuse
        from wareflow.warehouses.resume import resume_store
        from wareflow.warehouses.session import JobStarted

        decision = None
        extra: dict[str, Any] = resumed[2] if resumed else {}
        started = resumed[0] if resumed else time.time()
        try:
            compiler = self._compiler_of(context)
            stage = self.plan.stage(self.stage_id)
            # reuse_intermediates: a fresh table is not built again (asked once: a stage going on after a
            # deferred job may already have written its table)
            if resumed is None and compiler.reusable(stage):
                decision = self._guarded(lambda: reuse.check(self._session(), compiler, stage))
                self.log.info("%s", decision.message)
                if decision.fresh:
                    self.sql = f"-- {decision.message}"
                    return self._report(decision.result(), decision.summary())
                extra = decision.summary()
            self._compiled = self._guarded(lambda: reuse.compile_stage(compiler, stage))
            self.sql = ";\n\n".join(self._compiled.sql(self._dialect())) + ";"
            # a retry resumes the stage where the warehouse has jobs (BigQuery, Snowflake): what succeeded is
            # skipped, what still runs is waited for (Airflow 3.3's task state store keeps the job ids)
            session, store = self._session(), resume_store(context)
            result = session.run(self._compiled, resume=store, defer=self._deferring(session, store, resumed))
        except JobStarted as job:
            from wareflow.airflow.triggers import WareflowJobTrigger

            trigger = WareflowJobTrigger(conn_id=self.conn_id, job_id=job.job_id, stage_id=job.stage,
                                         index=job.index, poll_interval=self.poll_interval)
            self.defer(trigger=trigger, method_name="execute_complete", kwargs={"started": started, "extra": extra})
        except TerminalWarehouseError as exc:
            raise AirflowFailException(str(exc)) from exc  # retrying cannot help
        finally:
            self._close()
        if resumed is not None:  # the stage's time spans its deferrals: from its first job to now
            result = dataclasses.replace(result, seconds=max(time.time() - started, result.seconds))
        return self._report(result, extra)

    def _deferring(self, session: Session, store: ResumeStore,
                   resumed: tuple[float, bool, dict[str, Any]] | None) -> Defer | None:
        """How `session` runs the stage: deferred where asked and possible, else in this worker (logged)."""
        from wareflow.warehouses.session import Defer

        if not self.deferrable:
            return None
        if not session.can_defer(store):
            self.log.info("stage %s: deferrable is set, but %s cannot run it deferred here (it needs statements run "
                          "as warehouse jobs and Airflow's task state store): it runs in the worker", self.stage_id,
                          self._dialect().title)
            return None
        return Defer(continued=resumed is not None, failed=bool(resumed and resumed[1]))

    def _report(self, result: Any, extra: Mapping[str, Any]) -> dict[str, Any]:
        """The stage's summary (its XCom), also sent to Airflow's metrics."""
        summary = {**stage_summary(result, self._dialect().name, result.bytes_processed), **extra}
        emit_stage_metrics(summary, dag_id=self.dag_id, task_id=self.task_id)
        return summary

    def get_openlineage_facets_on_complete(self, task_instance: Any) -> Any:
        """Table- and column-level lineage of the stage just run (never raises: lineage must not fail a task)."""
        from wareflow.airflow.lineage import operator_lineage

        return operator_lineage(self)

    def _compiler_of(self, context: Mapping[str, Any]) -> Compiler:
        return self._guarded(lambda: self._compiler(context))

    def _guarded(self, step: Callable[[], T]) -> T:
        """Run a compile step: a coded problem fails the task without retry, a transient one is retried."""
        from airflow.sdk.exceptions import AirflowFailException

        try:
            return step()
        except (TransientWarehouseError, TerminalWarehouseError):
            raise  # e.g. the connection dropped while reading schemas: Airflow retries the task
        except WareflowError as exc:
            raise AirflowFailException(str(exc)) from exc


class WareflowCleanupOperator(_WareflowTask):
    """The run's last task: a summary of what every stage wrote, then the intermediate tables dropped.

    Runs once every stage has succeeded; never fails the run (a table it cannot drop is overwritten by
    the next run anyway).
    """

    ui_color = "#eeeeee"

    def __init__(self, *, stage_ids: Sequence[str] = (), drop: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.stage_ids = list(stage_ids)
        self.drop = drop

    def execute(self, context: Any) -> dict[str, Any]:
        from wareflow.warehouses import reuse

        summary = self._summary(context)
        if self.drop:
            try:
                compiler = self._compiler(context)
                if compiler.reuse:  # kept for the next runs: only the long-expired ones go
                    reuse.sweep(self._session(), compiler)
                elif self.plan.scratch():
                    self._session().drop([compiler.intermediate_table(s) for s in self.plan.scratch()])
            except Exception:  # cleanup never fails a run: the tables are overwritten by the next one anyway
                self.log.warning("could not drop intermediate tables", exc_info=True)
            finally:
                self._close()
        return summary

    def _summary(self, context: Any) -> dict[str, Any]:
        """What the run wrote, from the stages' XComs: logged as a table, emitted as metrics, returned."""
        try:
            ti = context["ti"]
            stages = [s for s in (ti.xcom_pull(task_ids=task_id) for task_id in self.stage_ids) if isinstance(s, dict)]
        except Exception:  # a summary is information: never a reason to fail
            self.log.warning("could not read the stages' results", exc_info=True)
            stages = []
        summary = run_summary(stages)
        self.log.info("run summary: %s stage(s), %s rows written in %.3f s of warehouse time\n%s",
                      summary["stages"], summary["rows"], summary["seconds"], summary_table(stages))
        emit_run_metrics(summary, dag_id=self.dag_id)
        return summary


class WorkflowProblemsOperator(BaseOperator):
    """The one task of a workflow that cannot run: fails, without retrying, with its coded problems."""

    ui_color = "#f9dcdc"

    def __init__(self, *, problems: Sequence[str], **kwargs: Any) -> None:
        super().__init__(retries=0, **kwargs)
        self.problems = list(problems)

    def execute(self, context: Any) -> None:
        from airflow.sdk.exceptions import AirflowFailException

        for problem in self.problems:
            self.log.error("%s", problem)
        raise AirflowFailException("the workflow cannot run:\n" + "\n".join(self.problems))

"""The one operator: runs one stage of a workflow plan through the connection's provider hook.

The SQL is compiled when the task runs, never at DAG-parse time: schemas the workflow does not
declare are read through the hook, variable values come from the run's params (trigger form or
REST ``conf``). The compiled SQL shows in Airflow's Rendered Template view; the log shows each
statement, its duration and the rows written.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from airflow.sdk import BaseHook, BaseOperator

from wareflow.components.registry import coerce_variable
from wareflow.errors import TerminalWarehouseError, WareflowError
from wareflow.plan.ir import Plan
from wareflow.sql.compiler import CompiledStage, Compiler
from wareflow.sql.dialects import WarehouseDialect, get_dialect


class WareflowOperator(BaseOperator):
    """Run one stage (one statement, one published table) of a Wareflow plan."""

    template_fields: Sequence[str] = ("sql",)
    template_fields_renderers: ClassVar[dict[str, str]] = {"sql": "sql"}
    ui_color = "#dcecf9"

    def __init__(self, *, plan: Plan, stage_id: str, conn_id: str, scratch_schema: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.plan = plan
        self.stage_id = stage_id
        self.conn_id = conn_id
        self.scratch_schema = scratch_schema
        self.sql = f"-- {plan.stage(stage_id).label}: compiled when the task runs"
        self._compiled: CompiledStage | None = None
        self._conn: Any = None
        self._lock = threading.Lock()

    # --- compile at render time, so the Rendered Template view shows the real SQL ------------------
    def render_template_fields(self, context: Any, jinja_env: Any = None) -> None:
        super().render_template_fields(context, jinja_env)
        try:
            self._compiled = self._compile(context)
        except BaseException:
            self._close()
            raise
        self.sql = ";\n\n".join(self._compiled.sql(self._dialect())) + ";"

    def execute(self, context: Any) -> dict[str, Any]:
        from wareflow.warehouses.session import Session

        try:
            compiled = self._compiled or self._compile(context)
            result = Session(self._connection(), self._dialect(), self.log).run(compiled)
        except TerminalWarehouseError as exc:
            from airflow.sdk.exceptions import AirflowFailException

            raise AirflowFailException(str(exc)) from exc  # retrying cannot help
        finally:
            self._close()
        return {"table": result.target, "rows": result.rows, "seconds": round(result.seconds, 3)}

    def _close(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # closing is cleanup: never fail the task for it
                self.log.debug("closing the connection failed", exc_info=True)

    def on_kill(self) -> None:
        """Cancel the running statement so no orphan query keeps the warehouse busy."""
        conn = self._conn
        if conn is None:
            return
        for cancel in ("interrupt", "cancel"):  # duckdb / psycopg
            if callable(getattr(conn, cancel, None)):
                try:
                    getattr(conn, cancel)()
                    self.log.info("cancelled the running statement of stage %s", self.stage_id)
                except Exception:  # cancelling is best effort; the kill goes on regardless
                    self.log.warning("could not cancel the running statement", exc_info=True)
                return

    # --- helpers --------------------------------------------------------------------------------
    def _dialect(self) -> WarehouseDialect:
        return get_dialect(BaseHook.get_connection(self.conn_id).conn_type)

    def _connection(self) -> Any:
        with self._lock:
            if self._conn is None:
                module, _, name = self._dialect().hook.rpartition(".")
                hook_cls = getattr(importlib.import_module(module), name)
                hook = hook_cls(**{hook_cls.conn_name_attr: self.conn_id})
                self._conn = hook.get_conn()
            return self._conn

    def _variables(self, context: Mapping[str, Any]) -> dict[str, Any]:
        params = context.get("params") or {}
        declared = {v.name: v.type for v in self.plan.workflow.workflow.variables}
        return {name: coerce_variable(kind, params[name]) for name, kind in declared.items() if name in params}

    def _compile(self, context: Mapping[str, Any]) -> CompiledStage:
        from wareflow.warehouses.session import Session

        run = context.get("run_id") or "manual"
        dag_id = context["dag"].dag_id if context.get("dag") else "wareflow"
        session = Session(self._connection(), self._dialect(), self.log)
        compiler = Compiler(self.plan, self._dialect(), variables=self._variables(context),
                            schemas=session.schema_lookup, run_key=f"{dag_id}:{run}",
                            scratch_schema=self.scratch_schema)
        try:
            return compiler.compile_stage(self.plan.stage(self.stage_id))
        except WareflowError as exc:
            from airflow.sdk.exceptions import AirflowFailException

            raise AirflowFailException(str(exc)) from exc

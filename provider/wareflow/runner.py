"""The pipeline in three calls, shared by the CLI, the operator and the tests.

    plan = load_plan("flow.json", table_map={"my-project.my_dataset": "main"})
    compiled = compile_plan(plan, get_dialect("postgres"), schemas=lookup)
    results = run_plan(plan, Session(conn, dialect), variables={"radius": 300})
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

from wareflow.compile.compiler import DEFAULT_REUSE_TTL_S, CompiledStage, Compiler, SchemaLookup
from wareflow.components.registry import bind
from wareflow.model.loader import load_workflow
from wareflow.plan.ir import Plan, Stage
from wareflow.plan.planner import plan_workflow
from wareflow.sql.dialects.base import WarehouseDialect
from wareflow.warehouses import reuse as reusing
from wareflow.warehouses.session import Session, StageResult


def load_plan(path: str | Path, *, materialize: str = "fused", table_map: Mapping[str, str] | None = None) -> Plan:
    """Load, validate (every issue at once) and plan a workflow file."""
    return plan_workflow(bind(load_workflow(path)), materialize=materialize, table_map=table_map or {})


def compile_plan(plan: Plan, dialect: WarehouseDialect, *, variables: Mapping[str, object] | None = None,
                 schemas: SchemaLookup | None = None) -> list[CompiledStage]:
    return Compiler(plan, dialect, variables=dict(variables or {}), schemas=schemas).compile_all()


def run_plan(plan: Plan, session: Session, *, variables: Mapping[str, object] | None = None,
             run_key: str | None = None,
             on_stage: Callable[[Stage, StageResult], None] | None = None,
             keep_intermediates: bool = False, reuse: bool = False, reuse_ttl_s: int = DEFAULT_REUSE_TTL_S,
             on_decision: Callable[[Stage, reusing.Decision], None] | None = None) -> list[StageResult]:
    """Run every stage in order; each stage is compiled just before it runs, against real schemas.

    `run_key` names the logical run: running again with the same key after a failure appends exactly
    once (a new key per call by default). The run's scratch tables, which only fed other stages, are
    dropped at the end, whether it succeeded or not, unless `keep_intermediates`; a rerun rebuilds them.

    With `reuse` (`wareflow.warehouses.reuse`) intermediates are named by their content and kept: a stage
    whose table is still fresh is skipped (its result has no statements and takes no time; `on_decision`
    hears why either way), and the end of the run drops only the reused tables long past their TTL.
    """
    compiler = Compiler(plan, session.dialect, variables=dict(variables or {}), schemas=session.schema_lookup,
                        run_key=run_key or uuid.uuid4().hex, fetch=session.read_small, reuse=reuse,
                        reuse_ttl_s=reuse_ttl_s)
    results = []
    try:
        for stage in plan.stages:
            result = None
            if compiler.reusable(stage):
                decision = reusing.check(session, compiler, stage)
                session.log.info("stage %s: %s", stage.id, decision.message)
                if on_decision:
                    on_decision(stage, decision)
                if decision.fresh:
                    result = decision.result()
            if result is None:
                result = session.run(reusing.compile_stage(compiler, stage))
            results.append(result)
            if on_stage:
                on_stage(stage, result)
    finally:
        if reuse and not keep_intermediates:
            reusing.sweep(session, compiler)
        elif not keep_intermediates:
            session.drop([compiler.intermediate_table(s) for s in plan.scratch()])
    return results

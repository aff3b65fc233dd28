"""Build one Airflow DAG per workflow file of a folder.

Parse time stays cheap and side-effect free: files are read and planned (structure only); no
SQL is generated and no warehouse or connection is touched until a task runs. A worker builds
only the DAG it runs (`get_parsing_context`). A file that fails validation does not take the
other workflows down: its coded issues appear in Airflow's import errors for the loader file.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from airflow.sdk import DAG, Param, get_parsing_context

from wareflow.airflow.operator import WareflowCleanupOperator, WareflowOperator
from wareflow.airflow.settings import WorkflowSettings, read_settings
from wareflow.components.registry import bind
from wareflow.errors import Issue, WareflowError, WorkflowError
from wareflow.model.loader import load_workflow
from wareflow.plan.ir import Plan
from wareflow.plan.planner import plan_workflow

log = logging.getLogger(__name__)
WORKFLOW_SUFFIXES = (".json", ".sql")


def workflow_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in WORKFLOW_SUFFIXES)


def load_workflows(folder: str | Path, namespace: dict[str, Any] | None = None, **defaults: Any) -> dict[str, DAG]:
    """One DAG per workflow file in `folder`; register them in `namespace` (pass ``globals()``).

    `defaults` are settings for every workflow (``conn_id``, ``schedule``, ``retries``, ``owner``,
    ``tags``, ``table_map`` ...); a workflow's sidecar ``<stem>.wareflow.yaml`` overrides them.
    """
    folder = Path(folder)
    wanted = get_parsing_context().dag_id  # set on a worker: build only the DAG it runs
    dags: dict[str, DAG] = {}
    failures: list[WareflowError] = []
    with _collector_paused():
        for path in workflow_files(folder):
            try:
                settings = read_settings(path, defaults)
                if wanted and settings.dag_id != wanted:
                    continue
                if settings.dag_id in dags:
                    raise WorkflowError(Issue("WF112", f"dag_id '{settings.dag_id}' is already used by another "
                                              "workflow", hint="set a unique dag_id in the sidecar"))
                dags[settings.dag_id] = build_dag(path, settings)
            except WareflowError as exc:
                located = exc.in_file(str(path))
                log.error("wareflow: skipping %s\n%s", path.name, located)
                failures.append(located)
    if failures and not wanted:
        report = _import_error_dag(folder, failures)
        dags[report.dag_id] = report
    if namespace is not None:
        namespace.update({_var_name(dag_id): dag for dag_id, dag in dags.items()})
    return dags


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a folder is built, as bulk loaders do.

    Building DAGs allocates many objects and frees few: the collector's passes find nothing to
    free, yet they took a quarter of the time of building 200 workflows. It runs again afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_dag(path: Path, settings: WorkflowSettings) -> DAG:
    """The DAG of one workflow file: one task per stage, params from the workflow's variables."""
    bound = bind(load_workflow(path))
    plan = plan_workflow(bound, materialize=settings.materialize, table_map=settings.table_map)
    workflow = bound.workflow
    params = {
        v.name: Param(bound.variables[v.name], type="number" if v.type.lower() == "number" else "string",
                      description=v.description or f"{v.type} variable of the workflow")
        for v in sorted(workflow.variables, key=lambda v: (v.order, v.name))
    }
    dag = DAG(
        dag_id=settings.dag_id,
        description=settings.description or workflow.title,
        doc_md=_doc(plan, path),
        schedule=settings.schedule,
        start_date=settings.start_date,
        catchup=settings.catchup,
        max_active_runs=settings.max_active_runs,
        tags=list(settings.tags),
        params=params,
        default_args={
            "owner": settings.owner,
            "retries": settings.retries,
            "retry_delay": timedelta(seconds=settings.retry_delay_seconds),
        },
    )
    tasks = {}
    for stage in plan.stages:
        nodes = ", ".join(f"`{n}` ({bound.components[n].id})" for n in stage.nodes)
        tasks[stage.id] = WareflowOperator(
            task_id=stage.id, dag=dag, plan=plan, stage_id=stage.id, conn_id=settings.conn_id,
            scratch_schema=settings.scratch_schema, doc_md=f"**{stage.label}**: fuses {nodes}",
        )
        for upstream in stage.upstream:
            tasks[upstream] >> tasks[stage.id]
    if plan.scratch() and not settings.keep_intermediates:
        cleanup = WareflowCleanupOperator(
            task_id="drop_intermediates", dag=dag, plan=plan, conn_id=settings.conn_id,
            scratch_schema=settings.scratch_schema, retries=0,
            doc_md="Drops the intermediate tables once every stage has succeeded.")
        for task in tasks.values():
            task >> cleanup
    return dag


def _doc(plan: Plan, path: Path) -> str:
    workflow = plan.workflow.workflow
    lines = [f"### {workflow.title}", "", workflow.description or "", "",
             f"Workflow file `{path.name}`: {plan.node_count} nodes run as {len(plan.stages)} "
             f"stage(s) ({plan.materialize} plan)."]
    return "\n".join(lines)


def _var_name(dag_id: str) -> str:
    return "dag_" + _word(dag_id)


def _word(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text)


def _import_error_dag(folder: Path, failures: list[WareflowError]) -> DAG:
    """A DAG that refuses to be bagged: Airflow then lists our issues among the import errors of
    the loader file, while every valid workflow of the folder is still loaded."""
    message = "\n".join(str(e) for e in failures)

    class WorkflowImportErrors(DAG):
        def validate(self) -> None:
            raise WorkflowError([i for e in failures for i in e.issues])

    dag_id = "wareflow_import_errors_" + _word(folder.name)
    return WorkflowImportErrors(dag_id=dag_id, schedule=None, description=message[:200])

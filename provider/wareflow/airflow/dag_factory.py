"""Build one Airflow DAG per workflow file of a folder.

Parse time stays cheap and side-effect free: files are read and planned (structure only); no
SQL is generated and no warehouse or connection is touched until a task runs. A worker builds
only the DAG it runs (`get_parsing_context`).

A file that cannot run never takes the others down. Airflow's dag-processor marks every DAG of a
file with an import error as stale, so the loader file must never report one: each broken workflow
(bad export, bad sidecar, a dag_id another file claims, or any exception while loading it) becomes a
DAG of its own under its id, tagged ``wareflow:invalid``, whose docs list the coded problems and
whose one task fails with them.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

from airflow.sdk import DAG, Param, get_parsing_context

from wareflow.airflow.assets import asset, schedule_of, table_uri
from wareflow.airflow.operator import WareflowCleanupOperator, WareflowOperator, WorkflowProblemsOperator
from wareflow.airflow.plan_cache import cached_plan
from wareflow.airflow.settings import (
    DEFAULT_START,
    WorkflowSettings,
    claimed_dag_id,
    default_dag_id,
    read_settings,
    sidecar_path,
)
from wareflow.compile.compiler import map_table
from wareflow.components.base import SinkComponent, SourceComponent
from wareflow.components.registry import BoundWorkflow
from wareflow.errors import Issue, WareflowError
from wareflow.plan.ir import Plan, Stage
from wareflow.render import embed_in_doc, render_svg, tasks_by_node

log = logging.getLogger(__name__)
WORKFLOW_SUFFIXES = (".json", ".sql")
INVALID_TAG = "wareflow:invalid"
_SCHEMA_WORDS = {"exclusiveMinimum": ">", "minimum": ">=", "maximum": "<=", "enum": "one of"}


def workflow_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in WORKFLOW_SUFFIXES)


@dataclass
class _Entry:
    """One workflow file: the DAG id it gets, its settings, and what stops it from running."""

    path: Path
    dag_id: str
    settings: WorkflowSettings | None
    problems: tuple[Issue, ...] = ()


def load_workflows(folder: str | Path, namespace: dict[str, Any] | None = None, **defaults: Any) -> dict[str, DAG]:
    """One DAG per workflow file in `folder`; register them in `namespace` (pass ``globals()``).

    `defaults` are settings for every workflow (``conn_id``, ``schedule``, ``retries``, ``owner``,
    ``tags``, ``table_map`` ...); a workflow's sidecar ``<stem>.wareflow.yaml`` overrides them.
    """
    folder = Path(folder)
    wanted = get_parsing_context().dag_id  # set on a worker: build only the DAG it runs
    dags: dict[str, DAG] = {}
    with _collector_paused():
        for entry in _entries(folder, defaults):
            if wanted and entry.dag_id != wanted:
                continue
            if not entry.problems:
                try:
                    dags[entry.dag_id] = build_dag(entry.path, entry.settings)  # type: ignore[arg-type]
                    continue
                except Exception as exc:  # confined to this workflow, reported in its own DAG
                    entry.problems = _problems(exc, entry.path)
            log.error("wareflow: %s cannot run\n%s", entry.path.name, "\n".join(map(str, entry.problems)))
            try:
                dags[entry.dag_id] = invalid_dag(entry.path, entry.dag_id, entry.settings, entry.problems)
            except Exception:  # a setting Airflow itself refuses (its schedule): report without the settings
                dags[entry.dag_id] = invalid_dag(entry.path, entry.dag_id, None, entry.problems)
    if namespace is not None:
        namespace.update({_var_name(dag_id): dag for dag_id, dag in dags.items()})
    return dags


def _entries(folder: Path, defaults: Mapping[str, Any]) -> list[_Entry]:
    """Every workflow file with its DAG id, settings read (cheap: no workflow is parsed here).

    Two files claiming one id: the file whose own name gives that id keeps it (else the first by
    name); the other becomes an invalid DAG (WF112) under its file's id. Computed from the whole
    folder, so a worker that builds one DAG resolves ids exactly as the dag-processor did.
    """
    entries = []
    for path in workflow_files(folder):
        try:
            entries.append(_Entry(path, "", read_settings(path, defaults)))
        except Exception as exc:  # a bad sidecar is this workflow's problem only
            entries.append(_Entry(path, claimed_dag_id(path, defaults), None, _problems(exc, path)))
    claims: dict[str, list[_Entry]] = defaultdict(list)
    for entry in entries:
        claims[entry.settings.dag_id if entry.settings else entry.dag_id].append(entry)
    taken = set(claims)
    for dag_id, claimants in claims.items():
        keeper = min(claimants, key=lambda e: (e.settings is None, default_dag_id(e.path) != dag_id, e.path.name))
        keeper.dag_id = dag_id
        for entry in claimants:
            if entry is keeper:
                continue
            own = default_dag_id(entry.path)
            suffix = hashlib.sha256(entry.path.name.encode()).hexdigest()[:6]
            entry.dag_id = own if own not in taken else f"{own}__{suffix}"
            taken.add(entry.dag_id)
            entry.problems = (*entry.problems, Issue(
                "WF112", f"dag_id '{dag_id}' is already used by {keeper.path.name}", file=entry.path.name,
                hint="set a unique dag_id in the sidecar"))
    return entries


def _problems(exc: Exception, path: Path) -> tuple[Issue, ...]:
    """The coded issues of a failure while loading `path`: an unexpected exception is WF199, not a traceback."""
    if isinstance(exc, WareflowError):  # named as in the DAG folder, not by this machine's full path
        return tuple(replace(i, file=path.name) if i.file in (None, str(path)) else i for i in exc.issues)
    log.warning("wareflow: unexpected error while loading %s", path.name, exc_info=True)
    return (Issue("WF199", f"internal error while loading the workflow: {type(exc).__name__}: {exc}",
                  file=path.name, hint="please report it with the file"),)


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
    plan = cached_plan(path, settings)
    bound = plan.workflow
    workflow = bound.workflow
    name = partial(table_uri, warehouse_uri=settings.warehouse_uri, conn_id=settings.conn_id)
    schedule = settings.schedule
    if isinstance(schedule, tuple):
        schedule = schedule_of(schedule, warehouse_uri=settings.warehouse_uri, conn_id=settings.conn_id,
                               file=sidecar_path(path).name)
    dag = DAG(
        dag_id=settings.dag_id,
        dag_display_name=workflow.title or settings.dag_id,
        description=settings.description or workflow.description or workflow.title,
        doc_md=dag_doc(plan, path, settings.dag_id),
        schedule=schedule,
        start_date=settings.start_date,
        catchup=settings.catchup,
        max_active_runs=settings.max_active_runs,
        tags=list(settings.tags),
        params=params_of(bound),
        default_args={
            "owner": settings.owner,
            "retries": settings.retries,
            "retry_delay": timedelta(seconds=settings.retry_delay_seconds),
        },
    )
    tasks = {}
    for stage in plan.stages:
        written = published_table(plan, stage)
        tasks[stage.id] = WareflowOperator(
            task_id=stage.id, task_display_name=task_display_name(plan, stage), dag=dag, plan=plan,
            stage_id=stage.id, conn_id=settings.conn_id, scratch_schema=settings.scratch_schema,
            doc_md=task_doc(plan, stage),
            inlets=[asset(name(t)) for t in source_tables(plan, stage)],
            outlets=[asset(name(written))] if written else [],
        )
        for upstream in stage.upstream:
            tasks[upstream] >> tasks[stage.id]
    drops = bool(plan.scratch()) and not settings.keep_intermediates
    summary = WareflowCleanupOperator(
        task_id="run_summary", task_display_name="Run summary" + (" and cleanup" if drops else ""), dag=dag,
        plan=plan, conn_id=settings.conn_id, scratch_schema=settings.scratch_schema, retries=0,
        stage_ids=[s.id for s in plan.stages], drop=drops,
        doc_md="What every stage wrote (rows, seconds, query ids)"
               + (", then the intermediate tables dropped" if drops else "") + ", once every stage has succeeded.")
    for task in tasks.values():
        task >> summary
    return dag


def published_table(plan: Plan, stage: Stage) -> tuple[str, ...] | None:
    """The table a stage publishes under a name the workflow gives it (a Save as Table), else None."""
    sink = plan.workflow.components[stage.output.node]
    if not isinstance(sink, SinkComponent):
        return None
    parts = sink.destination_parts()
    return map_table(parts, plan.table_map) if parts else None


def source_tables(plan: Plan, stage: Stage) -> list[tuple[str, ...]]:
    """The source tables a stage reads (the tables of other stages are its upstream tasks)."""
    bound = plan.workflow
    found: dict[tuple[str, ...], None] = {}
    for node_id in stage.nodes:
        for link in bound.links.get(node_id, {}).values():
            source = bound.components[link.node]
            if isinstance(source, SourceComponent):
                found.setdefault(map_table(source.table_parts(), plan.table_map))
    return list(found)


def task_display_name(plan: Plan, stage: Stage) -> str:
    """What the graph view shows: the node's label, and the table a Save as Table writes."""
    written = published_table(plan, stage)
    fused = len(stage.nodes) - 1
    return stage.label + (f" → {'.'.join(written)}" if written else "") + (f" (+{fused} fused)" if fused else "")


def params_of(bound: BoundWorkflow) -> dict[str, Param]:
    """A typed DAG param per workflow variable, with the bounds of the inputs it sets (JSON schema:
    the trigger form and the REST API reject a value out of bounds before a run starts).

    The description says what the trigger form cannot: the variable's type and default, what it
    sets (node and input) and the bounds those inputs put on it, after the workflow's own words.
    """
    params = {}
    for var in sorted(bound.workflow.variables, key=lambda v: (v.order, v.name)):
        number = var.type.lower() == "number"
        schema = dict(bound.variable_schemas.get(var.name, {}))
        bounds = ", ".join(f"{_SCHEMA_WORDS[k]} {', '.join(map(str, v)) if k == 'enum' else v}"
                           for k, v in schema.items())
        facts = f"{var.type} variable `{var.name}`, default {json.dumps(bound.variables[var.name], default=str)}"
        used = _uses(bound, var.name)
        params[var.name] = Param(
            bound.variables[var.name], type="number" if number else "string",
            description=" ".join(p for p in (
                var.description.strip().rstrip(".") + "." if var.description.strip() else "",
                facts + (f"; must be {bounds}" if bounds else "") + ".",
                f"Sets {', '.join(used)}." if used else "") if p),
            **schema)
    return params


def _uses(bound: BoundWorkflow, variable: str) -> list[str]:
    """Where a variable is used: the label of each node and the input it sets, e.g. "Buffer 'distance'"."""
    pattern = re.compile(r"@" + re.escape(variable) + r"\b")
    return [f"{bound.workflow.node(n.id).display} '{name}'" for n in bound.workflow.nodes
            for name, value in sorted(n.inputs.items()) if isinstance(value, str) and pattern.search(value)][:5]


def invalid_dag(path: Path, dag_id: str, settings: WorkflowSettings | None, problems: tuple[Issue, ...]) -> DAG:
    """The DAG of a workflow that cannot run: visible under its id, its problems in its docs, and a run
    that fails with them. It keeps its schedule when the sidecar could be read, so a scheduled
    workflow broken by a bad export fails where its owners look, instead of silently not running."""
    lines = [str(p) for p in problems]
    doc = "\n".join([f"### Invalid workflow `{path.name}`", "",
                     f"This workflow cannot run: {len(lines)} problem(s). Fix the file and the DAG is rebuilt "
                     "at the next parse.", "", *(f"- `{line}`" for line in lines)])
    dag = DAG(
        dag_id=dag_id,
        description=f"Invalid workflow {path.name}: {lines[0]}"[:500],
        doc_md=doc,
        schedule=settings.schedule if settings else None,
        start_date=settings.start_date if settings else DEFAULT_START,
        catchup=False,
        max_active_runs=1,
        tags=sorted({*(settings.tags if settings else ("wareflow",)), INVALID_TAG}),
        default_args={"owner": settings.owner if settings else "wareflow", "retries": 0},
    )
    WorkflowProblemsOperator(task_id="report_problems", dag=dag, problems=lines, doc_md=doc)
    return dag


def dag_doc(plan: Plan, path: Path, dag_id: str) -> str:
    """The DAG's docs: the workflow's description, a picture of its canvas, and which task runs which
    nodes of it.

    The picture is an image served by Wareflow's plugin (the DAG page's "Canvas" tab shows it too),
    which reads it from the SVG embedded here as raw HTML: Airflow's docs view skips raw HTML, so
    it is stored with the DAG without being shown twice. The link is relative: the UI sets its base.
    """
    workflow = plan.workflow.workflow
    picture = render_svg(workflow, tasks_by_node(plan.stages))
    lines = [f"### {_md(workflow.title)}", "", _md(workflow.description), "",
             f"![Canvas of the workflow, each node marked by its task](wareflow/dags/{quote(dag_id)}/canvas.svg)", "",
             f"Workflow file `{path.name}`: {plan.node_count} nodes run as {len(plan.stages)} task(s) "
             f"({plan.materialize} plan).", "",
             "| task | writes | runs these nodes of the canvas |", "|---|---|---|"]
    for stage in plan.stages:
        written = published_table(plan, stage)
        lines.append(f"| `{stage.id}` | {'`' + '.'.join(written) + '`' if written else 'an intermediate table'} "
                     f"| {', '.join(_node_names(plan, stage))} |")
    return "\n".join([*lines, "", embed_in_doc(picture)])


def task_doc(plan: Plan, stage: Stage) -> str:
    names = "\n".join(f"- {name}" for name in _node_names(plan, stage, ids=True))
    return f"**{_md(stage.label)}** runs {len(stage.nodes)} node(s) of the canvas in one statement:\n\n{names}"


def _node_names(plan: Plan, stage: Stage, ids: bool = False) -> list[str]:
    """The stage's nodes as a person knows them: label and component (node id on request)."""
    bound = plan.workflow
    names = []
    for node_id in stage.nodes:
        node = bound.workflow.node(node_id)
        what = f"{_md(node.display)} ({bound.components[node_id].id})"
        names.append(what + (f" `{node_id}`" if ids else ""))
    return names


def _md(text: str) -> str:
    """Text from the workflow file, inert in Markdown (no table breaks, links or HTML)."""
    return re.sub(r"([\\`*_{}\[\]<>()#+|!])", r"\\\1", text.replace("\n", " "))


def _var_name(dag_id: str) -> str:
    return "dag_" + _word(dag_id)


def _word(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text)

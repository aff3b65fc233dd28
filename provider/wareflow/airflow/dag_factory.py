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
import logging
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

from airflow.sdk import DAG, Param, get_parsing_context

from wareflow.airflow.assets import asset, schedule_of, table_uri
from wareflow.airflow.operator import WareflowCleanupOperator, WareflowOperator, WorkflowProblemsOperator
from wareflow.airflow.plan_cache import PlanRef, cached_spec
from wareflow.airflow.settings import (
    DEFAULT_START,
    WorkflowSettings,
    claimed_dag_id,
    default_dag_id,
    read_settings,
    sidecar_path,
)
from wareflow.errors import Issue, WareflowError

log = logging.getLogger(__name__)
WORKFLOW_SUFFIXES = (".json", ".sql")
INVALID_TAG = "wareflow:invalid"


def workflow_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in WORKFLOW_SUFFIXES)


@dataclass
class _Entry:
    """One workflow file: the DAG id it gets, its settings, and what stops it from running."""

    path: Path
    dag_id: str
    settings: WorkflowSettings | None
    problems: tuple[Issue, ...] = ()
    unread: bool = False  # settings not read yet (a worker reads only those of the DAG it builds)


def load_workflows(folder: str | Path, namespace: dict[str, Any] | None = None, **defaults: Any) -> dict[str, DAG]:
    """One DAG per workflow file in `folder`; register them in `namespace` (pass ``globals()``).

    `defaults` are settings for every workflow (``conn_id``, ``schedule``, ``retries``, ``owner``,
    ``tags``, ``table_map`` ...); a workflow's sidecar ``<stem>.wareflow.yaml`` overrides them.
    """
    folder = Path(folder)
    wanted = get_parsing_context().dag_id  # set on a worker: build only the DAG it runs
    dags: dict[str, DAG] = {}
    with _collector_paused():
        for entry in _entries(folder, defaults, wanted):
            if wanted and entry.dag_id != wanted:
                continue
            if entry.unread:
                _read(entry, defaults)
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


def _entries(folder: Path, defaults: Mapping[str, Any], wanted: str | None = None) -> list[_Entry]:
    """Every workflow file with its DAG id, settings read (cheap: no workflow is parsed here).

    Two files claiming one id: the file whose own name gives that id keeps it (else the first by
    name); the other becomes an invalid DAG (WF112) under its file's id. Computed from the whole
    folder, so a worker that builds one DAG resolves ids exactly as the dag-processor did. A worker
    (`wanted`) reads only sidecars: a file without one claims its own name's id (once the loader's
    defaults are known to be valid), and its settings are read if it is the DAG to build.
    """
    entries = []
    lazy = bool(wanted) and "dag_id" not in defaults
    for path in workflow_files(folder):
        if lazy and not sidecar_path(path).exists():
            entries.append(_Entry(path, default_dag_id(path), None, unread=True))
            continue
        entries.append(_read(_Entry(path, "", None), defaults))
    unread = [e for e in entries if e.unread]
    if unread and _read(unread[0], defaults).problems:  # the defaults themselves are bad: read every file
        entries = [_read(e, defaults) if e.unread else e for e in entries]
    claims: dict[str, list[_Entry]] = defaultdict(list)
    for entry in entries:
        claims[entry.settings.dag_id if entry.settings else entry.dag_id].append(entry)
    taken = set(claims)
    for dag_id, claimants in claims.items():
        keeper = min(claimants, key=lambda e: (e.settings is None and not e.unread, default_dag_id(e.path) != dag_id,
                                               e.path.name))
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


def _read(entry: _Entry, defaults: Mapping[str, Any]) -> _Entry:
    """`entry` with its settings read, or the problems that stop it (a bad sidecar is its file's only)."""
    entry.unread = False
    try:
        entry.settings = read_settings(entry.path, defaults)
        entry.dag_id = entry.dag_id or entry.settings.dag_id
    except Exception as exc:
        entry.dag_id = entry.dag_id or claimed_dag_id(entry.path, defaults)
        entry.problems = (*_problems(exc, entry.path), *entry.problems)
    return entry


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
    """The DAG of one workflow file: one task per stage, params from the workflow's variables.

    Built from the file's `DagSpec` (cached: an unchanged file is neither validated again nor is the
    compiler imported); each task loads the plan itself when it runs.
    """
    spec = cached_spec(path, settings)
    plan = PlanRef.of(path, settings)
    name = partial(table_uri, warehouse_uri=settings.warehouse_uri, conn_id=settings.conn_id)
    schedule = settings.schedule
    if isinstance(schedule, tuple):
        schedule = schedule_of(schedule, warehouse_uri=settings.warehouse_uri, conn_id=settings.conn_id,
                               file=sidecar_path(path).name)
    dag = DAG(
        dag_id=settings.dag_id,
        dag_display_name=spec.title or settings.dag_id,
        description=settings.description or spec.description or spec.title,
        doc_md=spec.doc(settings.dag_id),
        schedule=schedule,
        start_date=settings.start_date,
        catchup=settings.catchup,
        max_active_runs=settings.max_active_runs,
        tags=list(settings.tags),
        params={p.name: Param(p.default, type=p.type, description=p.description, **dict(p.schema))
                for p in spec.params},
        default_args={
            "owner": settings.owner,
            "retries": settings.retries,
            "retry_delay": timedelta(seconds=settings.retry_delay_seconds),
            **_queue(settings),
        },
    )
    guards = {"statement_timeout_s": settings.statement_timeout_s, "max_bytes_billed": settings.max_bytes_billed,
              "reuse_intermediates": settings.reuse_intermediates, "reuse_ttl_s": settings.reuse_ttl_seconds,
              "deferrable": settings.deferrable}
    tasks = {}
    for stage in spec.stages:
        tasks[stage.id] = WareflowOperator(
            task_id=stage.id, task_display_name=stage.display, dag=dag, plan=plan, stage_id=stage.id,
            label=stage.label, conn_id=settings.conn_id, scratch_schema=settings.scratch_schema, doc_md=stage.doc,
            **guards,
            inlets=[asset(name(t)) for t in stage.reads] if settings.assets else [],
            outlets=[asset(name(stage.writes))] if stage.writes and settings.assets else [],
        )
        for upstream in stage.upstream:
            tasks[upstream] >> tasks[stage.id]
    # with reuse, intermediates stay for the next run; the long-expired ones are swept instead
    drops = (spec.scratch or settings.reuse_intermediates) and not settings.keep_intermediates
    summary = WareflowCleanupOperator(
        task_id="run_summary", task_display_name="Run summary" + (" and cleanup" if drops else ""), dag=dag,
        plan=plan, conn_id=settings.conn_id, scratch_schema=settings.scratch_schema, retries=0,
        stage_ids=[s.id for s in spec.stages], drop=drops, **guards,
        doc_md="What every stage wrote (rows, seconds, query ids)"
               + (", then the intermediate tables dropped" if drops else "") + ", once every stage has succeeded.")
    for task in tasks.values():
        task >> summary
    return dag


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
        default_args={"owner": settings.owner if settings else "wareflow", "retries": 0, **_queue(settings)},
    )
    WorkflowProblemsOperator(task_id="report_problems", dag=dag, problems=lines, doc_md=doc)
    return dag


def _queue(settings: WorkflowSettings | None) -> dict[str, str]:
    """The sidecar's executor queue for every task of a DAG; none given: Airflow's default queue."""
    return {"queue": settings.queue} if settings and settings.queue else {}


def _var_name(dag_id: str) -> str:
    return "dag_" + _word(dag_id)


def _word(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text)

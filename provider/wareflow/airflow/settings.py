"""Per-workflow settings from the optional sidecar ``<stem>.wareflow.yaml`` beside the export.

The export stays byte-identical to what CARTO produced; everything Airflow needs lives here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from wareflow.errors import Issue, WorkflowError

SIDECAR_SUFFIX = ".wareflow.yaml"
DEFAULT_START = datetime(2024, 1, 1, tzinfo=timezone.utc)  # fixed: DAG output must be deterministic


@dataclass(frozen=True)
class WorkflowSettings:
    dag_id: str
    conn_id: str = "wareflow_duckdb"
    schedule: str | None = None
    start_date: datetime = DEFAULT_START
    catchup: bool = False
    retries: int = 2
    retry_delay_seconds: int = 60
    owner: str = "wareflow"
    tags: tuple[str, ...] = ("wareflow",)
    table_map: dict[str, str] = field(default_factory=dict)
    materialize: str = "fused"
    scratch_schema: str | None = None
    keep_intermediates: bool = False
    max_active_runs: int = 1
    description: str | None = None

    @classmethod
    def keys(cls) -> set[str]:
        return {f.name for f in fields(cls)}


def sidecar_path(workflow: Path) -> Path:
    return workflow.with_name(workflow.stem + SIDECAR_SUFFIX)


def default_dag_id(workflow: Path) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", workflow.stem).strip("_") or "workflow"


def read_settings(workflow: Path, defaults: dict[str, Any]) -> WorkflowSettings:
    """Defaults given to `load_workflows`, overridden by the sidecar; raise WF11x on a bad sidecar."""
    values: dict[str, Any] = {"dag_id": default_dag_id(workflow), **defaults}
    path = sidecar_path(workflow)
    if path.exists():
        values.update(_read_yaml(path))
    unknown = sorted(set(values) - WorkflowSettings.keys())
    if unknown:
        raise WorkflowError(Issue("WF111", f"unknown setting(s): {', '.join(unknown)}", file=str(path),
                                  hint=f"known settings: {', '.join(sorted(WorkflowSettings.keys()))}"))
    if isinstance(values.get("tags"), list):
        values["tags"] = tuple(str(t) for t in values["tags"])
    if isinstance(values.get("start_date"), str):
        values["start_date"] = datetime.fromisoformat(values["start_date"])
    if isinstance(values.get("start_date"), datetime) and values["start_date"].tzinfo is None:
        values["start_date"] = values["start_date"].replace(tzinfo=timezone.utc)
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", str(values["dag_id"])):
        raise WorkflowError(Issue("WF111", f"dag_id {values['dag_id']!r} may only use letters, digits, _ . -",
                                  file=str(path)))
    return WorkflowSettings(**values)


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise WorkflowError(Issue("WF110", f"malformed YAML{where}", file=str(path))) from None
    if not isinstance(data, dict):
        raise WorkflowError(Issue("WF110", "settings must be a YAML mapping", file=str(path)))
    return data

"""Per-workflow settings from the optional sidecar ``<stem>.wareflow.yaml`` beside the export.

The export stays byte-identical to what CARTO produced; everything Airflow needs lives here. Every
value is checked here, each bad one reported (WF111, naming the setting) with all the others, so
nothing strange reaches Airflow's own constructors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from wareflow.errors import Issue, WorkflowError

SIDECAR_SUFFIX = ".wareflow.yaml"
DEFAULT_START = datetime(2024, 1, 1, tzinfo=timezone.utc)  # fixed: DAG output must be deterministic
DAG_ID = re.compile(r"[A-Za-z0-9_.-]{1,250}")
QUEUE = re.compile(r"[A-Za-z0-9_.:-]{1,200}")  # a Celery queue name, also safe in a worker's --queues list


# An asset condition from the sidecar: ("all" | "any", items), an item being an asset (a URI, or a table
# name of this workflow's warehouse) or another condition.
AssetCondition = tuple[str, tuple["str | AssetCondition", ...]]


@dataclass(frozen=True, eq=False)  # no generated __eq__/__hash__: one less exec for every parse to pay
class WorkflowSettings:
    dag_id: str
    conn_id: str = "wareflow_duckdb"
    schedule: str | AssetCondition | None = None
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
    # where conn_id points, without credentials (postgres://host:5432/db, bigquery://project,
    # duckdb:///data/demo.duckdb ...): names the tables the workflow reads and writes as Airflow assets
    warehouse_uri: str | None = None
    # tables as Airflow assets (outlets and inlets). Airflow normalises every asset URI through its
    # providers' handlers, which costs a parse process ~1 s once with the Google and Amazon providers
    # installed: a deployment that does not use assets may turn them off.
    assets: bool = True
    # cost guards (wareflow.warehouses.limits): how long one statement may run; what BigQuery may bill
    statement_timeout_s: int | None = None
    max_bytes_billed: int | None = None
    # keep intermediate tables by content and skip a stage whose table is fresh (wareflow.warehouses.reuse)
    reuse_intermediates: bool = False
    reuse_ttl_seconds: int = 86400
    # run BigQuery/Snowflake jobs through a trigger, freeing the worker slot (wareflow.airflow.triggers)
    deferrable: bool = False
    # the executor queue of every task (CeleryExecutor: the workers started with `--queues` naming it);
    # unset: Airflow's [operators] default_queue
    queue: str | None = None

    @classmethod
    def keys(cls) -> set[str]:
        return {f.name for f in fields(cls)}


def sidecar_path(workflow: Path) -> Path:
    return workflow.with_name(workflow.stem + SIDECAR_SUFFIX)


def default_dag_id(workflow: Path) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", workflow.stem).strip("_")[:250] or "workflow"


def read_settings(workflow: Path, defaults: Mapping[str, Any]) -> WorkflowSettings:
    """Defaults given to `load_workflows`, overridden by the sidecar; raise WF110/WF111 on a bad sidecar
    (every bad setting at once)."""
    path = sidecar_path(workflow)
    values = _given(workflow, defaults)
    issues = [Issue("WF111", f"unknown setting '{key}'", file=path.name,
                    hint=f"known settings: {', '.join(sorted(WorkflowSettings.keys()))}")
              for key in sorted(set(values) - WorkflowSettings.keys(), key=str)]
    checked: dict[str, Any] = {}
    for key, value in values.items():
        check = _CHECKS.get(key) if isinstance(key, str) else None
        if check is None:
            continue
        try:
            checked[key] = check(value)
        except ValueError as exc:
            issues.append(Issue("WF111", f"setting '{key}': {exc}", file=path.name))
    if issues:
        raise WorkflowError(issues)
    return WorkflowSettings(**checked)


def claimed_dag_id(workflow: Path, defaults: Mapping[str, Any]) -> str:
    """The DAG id of a workflow whose settings are bad: the sidecar's `dag_id` when it can be read and is
    valid (a typo in another setting must not move the DAG to a new id), else the file's default."""
    try:
        return _dag_id(_given(workflow, defaults)["dag_id"])
    except (WorkflowError, ValueError):
        return default_dag_id(workflow)


def _given(workflow: Path, defaults: Mapping[str, Any]) -> dict[str, Any]:
    """The settings as given: the file's default id, `defaults`, then the sidecar (WF110 if malformed)."""
    path = sidecar_path(workflow)
    return {"dag_id": default_dag_id(workflow), **defaults, **(_read_yaml(path) if path.exists() else {})}


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise WorkflowError(Issue("WF110", f"malformed YAML{where}", file=path.name)) from None
    except (OSError, UnicodeDecodeError, RecursionError) as exc:
        raise WorkflowError(Issue("WF110", f"cannot read settings: {type(exc).__name__}", file=path.name)) from None
    if not isinstance(data, dict):
        raise WorkflowError(Issue("WF110", "settings must be a YAML mapping", file=path.name))
    return data


# --- one check per setting: the value as given -> the value used, or ValueError saying what is expected --
def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected text, got {_shown(value)}")
    return value


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _dag_id(value: Any) -> str:
    if not isinstance(value, str) or not DAG_ID.fullmatch(value):
        raise ValueError(f"expected letters, digits, _ . - (at most 250), got {_shown(value)}")
    return value


def _queue(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not QUEUE.fullmatch(value):
        raise ValueError(f"expected a queue name (letters, digits, _ . : -, at most 200), got {_shown(value)}")
    return value


def _whole(minimum: int, maximum: int = 10**6) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            raise ValueError(f"expected a whole number from {minimum} to {maximum}, got {_shown(value)}")
        return value

    return check


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_shown(value)}")
    return value


def _start_date(value: Any) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"expected an ISO date such as 2024-01-01, got {_shown(value)}") from None
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if not isinstance(value, datetime):
        raise ValueError(f"expected an ISO date such as 2024-01-01, got {_shown(value)}")
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _schedule(value: Any) -> str | AssetCondition | None:
    """None, an Airflow preset (``@daily``) or a cron expression, checked the way Airflow will read it;
    or assets: a list (run when all were updated), ``{any: [...]}`` or ``{all: [...]}``, nested."""
    if value is None:
        return None
    if isinstance(value, list | dict):
        return _asset_condition(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a cron expression or a preset such as @daily, got {_shown(value)}")
    from croniter import CroniterError, croniter  # the cron parser Airflow's CronTriggerTimetable uses

    if value in _PRESETS:
        return value
    try:
        croniter(value)
    except (CroniterError, ValueError, KeyError, TypeError, OverflowError):
        raise ValueError(f"expected a cron expression or one of {', '.join(_PRESETS)}, got {_shown(value)}") from None
    return value


# Airflow's cron presets (airflow.timetables / DAG(schedule=...)); "@once" and "@continuous" are timetables.
_PRESETS = ("@once", "@continuous", "@hourly", "@daily", "@weekly", "@monthly", "@quarterly", "@yearly",
            "@annually")


def _asset_condition(value: Any, depth: int = 0) -> AssetCondition:
    if depth > 8:
        raise ValueError("asset conditions nest at most 8 levels deep")
    if isinstance(value, list):
        value = {"all": value}
    if not isinstance(value, dict) or len(value) != 1 or next(iter(value)) not in ("all", "any"):
        raise ValueError(f"expected a list of assets, {{all: [...]}} or {{any: [...]}}, got {_shown(value)}")
    ((how, items),) = value.items()
    if not isinstance(items, list) or not items:
        raise ValueError(f"'{how}' expects a non-empty list of assets, got {_shown(items)}")
    checked: list[str | AssetCondition] = []
    for item in items:
        if isinstance(item, str) and ASSET.fullmatch(item):
            checked.append(item)
        elif isinstance(item, dict | list):
            checked.append(_asset_condition(item, depth + 1))
        else:
            raise ValueError(f"expected an asset URI (scheme://...) or a table name (schema.table), got {_shown(item)}")
    return how, tuple(checked)


# An asset as the sidecar names it: a URI, or a dotted table name (resolved against warehouse_uri)
ASSET = re.compile(r"[a-z][a-z0-9+.-]*://\S+|[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+){0,2}")


def _warehouse_uri(value: Any) -> str | None:
    if value is None:
        return None
    from urllib.parse import urlsplit

    if not isinstance(value, str) or not (parts := urlsplit(value)).scheme or "://" not in value:
        raise ValueError(f"expected a URI such as postgres://host:5432/db or bigquery://project, got {_shown(value)}")
    if parts.password or parts.username:
        raise ValueError("must not contain credentials (they belong in the Airflow connection)")
    return value.rstrip("/")


def _tags(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(t, str | int | float) for t in value):
        raise ValueError(f"expected a list of tags, got {_shown(value)}")
    return tuple(str(t) for t in value)


def _table_map(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError(f'expected a mapping of table-name prefixes, {{"project.dataset": "schema"}}, '
                         f"got {_shown(value)}")
    return dict(value)


def _materialize(value: Any) -> str:
    from wareflow.plan.planner import MATERIALIZE_MODES  # only when a sidecar sets it: the planner is heavy

    if value not in MATERIALIZE_MODES:
        raise ValueError(f"expected one of {', '.join(MATERIALIZE_MODES)}, got {_shown(value)}")
    return str(value)


def _shown(value: Any) -> str:
    return f"{value!r:.60}"


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "dag_id": _dag_id,
    "conn_id": _text,
    "schedule": _schedule,
    "start_date": _start_date,
    "catchup": _flag,
    "retries": _whole(0, 100),
    "retry_delay_seconds": _whole(0, 7 * 24 * 3600),
    "owner": _text,
    "tags": _tags,
    "table_map": _table_map,
    "materialize": _materialize,
    "scratch_schema": _optional_text,
    "keep_intermediates": _flag,
    "max_active_runs": _whole(1, 10_000),
    "description": _optional_text,
    "warehouse_uri": _warehouse_uri,
    "assets": _flag,
    "statement_timeout_s": lambda v: None if v is None else _whole(1, 7 * 24 * 3600)(v),
    "max_bytes_billed": lambda v: None if v is None else _whole(1, 10**18)(v),
    "reuse_intermediates": _flag,
    "reuse_ttl_seconds": _whole(0, 365 * 24 * 3600),
    "deferrable": _flag,
    "queue": _queue,
}
assert set(_CHECKS) == WorkflowSettings.keys()

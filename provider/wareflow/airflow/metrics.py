"""What a stage and a run report: the XCom summaries and Airflow's metrics (StatsD / OpenTelemetry).

Metric names (tags: ``dag_id``, ``task_id``, ``warehouse``, which Airflow's OpenTelemetry logger and
StatsD with tags keep, and plain StatsD drops):

- ``wareflow.stage.duration`` (timer, ms): the stage's warehouse time, compile excluded;
- ``wareflow.stage.rows`` and ``wareflow.stage.statements`` (counters);
- ``wareflow.stage.bytes_processed`` (counter) where the warehouse reports it;
- ``wareflow.run.rows`` (counter) and ``wareflow.run.duration`` (timer, ms) from the run summary.

Reporting never fails a task: a metrics backend that raises is logged and ignored.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wareflow.warehouses.session import StageResult

log = logging.getLogger(__name__)


def stage_summary(result: StageResult, warehouse: str, bytes_processed: int | None = None) -> dict[str, Any]:
    """The XCom a stage returns: JSON-native, small, and free of SQL and credentials."""
    return {
        "stage": result.stage_id,
        "table": result.target,
        "rows": result.rows,
        "seconds": round(result.seconds, 3),
        "statements": result.statements,
        "query_ids": list(result.query_ids),
        "bytes_processed": bytes_processed,
        "warehouse": warehouse,
    }


def run_summary(stages: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The whole run from its stages' summaries: what was written, how many rows, how long."""
    stages = list(stages)
    known_bytes = [s["bytes_processed"] for s in stages if isinstance(s.get("bytes_processed"), int)]
    return {
        "stages": len(stages),
        "tables": [s["table"] for s in stages],
        "rows": sum(max(int(s.get("rows") or 0), 0) for s in stages),
        "seconds": round(sum(float(s.get("seconds") or 0) for s in stages), 3),
        "query_ids": [q for s in stages for q in s.get("query_ids") or ()],
        "bytes_processed": sum(known_bytes) if known_bytes else None,
    }


def summary_table(stages: Iterable[Mapping[str, Any]]) -> str:
    """The stages as aligned text columns, for the task log."""
    rows = [("stage", "table", "rows", "seconds")]
    rows += [(str(s["stage"]), str(s["table"]), f"{s['rows']:,}", f"{s['seconds']:.3f}") for s in stages]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    aligned = ([c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))]
               for r in rows)
    return "\n".join("  ".join(cells) for cells in aligned)


def emit_stage_metrics(summary: Mapping[str, Any], *, dag_id: str, task_id: str) -> None:
    tags = {"dag_id": dag_id, "task_id": task_id, "warehouse": summary["warehouse"]}
    _emit(lambda stats: (
        stats.timing("wareflow.stage.duration", summary["seconds"] * 1000.0, tags=tags),
        stats.incr("wareflow.stage.rows", count=max(summary["rows"], 0), tags=tags),
        stats.incr("wareflow.stage.statements", count=summary["statements"], tags=tags),
        summary["bytes_processed"] is not None
        and stats.incr("wareflow.stage.bytes_processed", count=summary["bytes_processed"], tags=tags),
    ))


def emit_run_metrics(summary: Mapping[str, Any], *, dag_id: str) -> None:
    tags = {"dag_id": dag_id}
    _emit(lambda stats: (
        stats.incr("wareflow.run.rows", count=summary["rows"], tags=tags),
        stats.timing("wareflow.run.duration", summary["seconds"] * 1000.0, tags=tags),
    ))


def _emit(send: Any) -> None:
    try:
        from airflow.sdk.observability.stats import Stats

        send(Stats)
    except Exception:  # metrics are information: never a reason to fail the task
        log.warning("could not emit metrics", exc_info=True)

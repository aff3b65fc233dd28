"""The validated plan of a workflow file, as the DAG factory builds it."""

from __future__ import annotations

from pathlib import Path

from wareflow.airflow.settings import WorkflowSettings
from wareflow.components.registry import bind
from wareflow.model.loader import load_workflow
from wareflow.plan.ir import Plan
from wareflow.plan.planner import plan_workflow


def cached_plan(path: Path, settings: WorkflowSettings) -> Plan:
    """Load, validate and plan `path` with the settings that shape the plan."""
    return plan_workflow(bind(load_workflow(path)), materialize=settings.materialize, table_map=settings.table_map)

"""Workflow files -> a typed graph (pure Python, no warehouse, no Airflow)."""

from wareflow.model.graph import structural_issues, topological_order
from wareflow.model.loader import load_workflow, parse_workflow
from wareflow.model.types import PROVIDER_DIALECTS, ColumnDef, Edge, Node, Variable, Workflow

__all__ = [
    "PROVIDER_DIALECTS",
    "ColumnDef",
    "Edge",
    "Node",
    "Variable",
    "Workflow",
    "load_workflow",
    "parse_workflow",
    "structural_issues",
    "topological_order",
]

"""Airflow integration: the DAG factory, the one operator, and the DuckDB hook.

Import `load_workflows` from here in a DAG-folder file:

    from wareflow.airflow import load_workflows
    load_workflows(Path(__file__).parent / "workflows", globals())
"""

from __future__ import annotations

from typing import Any

__all__ = ["WareflowOperator", "load_workflows"]


def __getattr__(name: str) -> Any:  # lazy: importing the package must not import Airflow
    if name == "load_workflows":
        from wareflow.airflow.dag_factory import load_workflows

        return load_workflows
    if name == "WareflowOperator":
        from wareflow.airflow.operator import WareflowOperator

        return WareflowOperator
    raise AttributeError(name)

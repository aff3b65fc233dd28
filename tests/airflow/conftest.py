"""Shared by the Airflow tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _parse_as_the_dag_processor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A `dag.test()` run leaves the worker's parsing context in this process's environment: a later
    `load_workflows` would then build only that one DAG, as a worker does."""
    monkeypatch.delenv("_AIRFLOW_PARSING_CONTEXT_DAG_ID", raising=False)
    monkeypatch.delenv("_AIRFLOW_PARSING_CONTEXT_TASK_ID", raising=False)

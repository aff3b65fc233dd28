"""Shared by the Airflow tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "dags_examples"


@pytest.fixture(autouse=True)
def _parse_as_the_dag_processor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A `dag.test()` run leaves the worker's parsing context in this process's environment: a later
    `load_workflows` would then build only that one DAG, as a worker does."""
    monkeypatch.delenv("_AIRFLOW_PARSING_CONTEXT_DAG_ID", raising=False)
    monkeypatch.delenv("_AIRFLOW_PARSING_CONTEXT_TASK_ID", raising=False)


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples' sample DuckDB database, generated once (tests copy it before writing)."""
    path = tmp_path_factory.mktemp("data") / "demo.duckdb"
    subprocess.run([sys.executable, str(EXAMPLES / "data" / "generate.py"), "--duckdb", str(path)], check=True,
                   capture_output=True, timeout=120)
    return path

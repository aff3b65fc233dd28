"""Shared pytest fixtures for the Wareflow test suite."""

from __future__ import annotations

import os
import tempfile

# Airflow reads its settings when first imported: give each test process (each xdist worker) its own
# home and SQLite metadata DB before anything imports it. A worker inherits the controller's environment,
# the controller's home included: two workers migrating one SQLite file at once collide.
if os.environ.get("PYTEST_XDIST_WORKER") or "AIRFLOW_HOME" not in os.environ:
    os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="wareflow-airflow-")
# Wareflow's plan cache (wareflow.airflow.plan_cache): a fresh one per test process, never the developer's
os.environ["WAREFLOW_PLAN_CACHE"] = tempfile.mkdtemp(prefix="wareflow-plans-")
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING")
os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", os.path.join(os.path.dirname(os.path.dirname(__file__)),
                                                                 "dags_examples"))
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.support.engines import Engine
from tests.support.postgis import PostgisServer, PostgisUnavailable
from tests.support.workflows import WorkflowBuilder
from wareflow.components import bind
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import run_plan

# --------------------------------------------------------------------------------------------------
# PostgreSQL / PostGIS
# --------------------------------------------------------------------------------------------------


def _running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def postgis_server() -> Iterator[PostgisServer]:
    """A throwaway PostgreSQL 15 + PostGIS server for the session (one per pytest-xdist worker).

    Set WAREFLOW_TEST_PG_DSN to use an existing server instead. Skipped when PostgreSQL is absent and
    cannot be installed (not root); in CI (CI=true) that is an error instead.
    """
    server = PostgisServer()
    try:
        server.start()
    except PostgisUnavailable as exc:
        unavailable: str | None = f"PostGIS test server unavailable: {exc}"
    else:
        unavailable = None
    if unavailable is not None:  # outside the except block, so the report carries no traceback
        if _running_in_ci():
            pytest.fail(unavailable, pytrace=False)
        pytest.skip(unavailable)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_dsn(postgis_server: PostgisServer) -> Iterator[str]:
    """DSN of a brand-new database cloned from the PostGIS template, dropped after the test."""
    with postgis_server.fresh_database() as dsn:
        yield dsn


# --------------------------------------------------------------------------------------------------
# Engines: every component test runs on DuckDB and on PostGIS
# --------------------------------------------------------------------------------------------------
PEOPLE_COLUMNS = [("id", "integer"), ("name", "string"), ("age", "number"), ("city", "string"),
                  ("score", "number"), ("geom", "geography")]
PEOPLE = [
    (1, "Ann", 34, "Madrid", 10.0, "POINT (0.5 0.5)"),
    (2, "Bob", 17, "Paris", 20.0, "POINT (1.5 0.5)"),
    (3, "O'Neil", None, "Madrid", 30.0, "POINT (0.5 1.5)"),
    (4, "Dee", 51, None, None, "POINT (5 5)"),
]
ZONES_COLUMNS = [("zone_id", "integer"), ("zone", "string"), ("geom", "geography")]
ZONES = [
    (1, "west", "POLYGON ((0 0, 1 0, 1 2, 0 2, 0 0))"),
    (2, "east", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"),
    (3, "band", "POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))"),
]
CITIES_COLUMNS = [("city", "string"), ("country", "string")]
CITIES = [("Madrid", "ES"), ("Paris", "FR"), ("Rome", "IT")]


def _engine(name: str, request: pytest.FixtureRequest) -> Iterator[Engine]:
    if name == "duckdb":
        from wareflow.warehouses.duckdb import connect

        conn = connect(":memory:")
    else:
        import psycopg2

        conn = psycopg2.connect(request.getfixturevalue("pg_dsn"))
    eng = Engine(name, conn)
    eng.load("people", PEOPLE_COLUMNS, PEOPLE)
    eng.load("zones", ZONES_COLUMNS, ZONES)
    eng.load("cities", CITIES_COLUMNS, CITIES)
    yield eng
    conn.close()


@pytest.fixture(params=["duckdb", "postgis"])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A fresh engine with the test tables `main.people`, `main.zones`, `main.cities`."""
    yield from _engine(request.param, request)


@pytest.fixture
def pg_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """The PostGIS engine alone, with the same test tables."""
    yield from _engine("postgis", request)


@pytest.fixture
def run_workflow() -> Callable[..., Any]:
    """Run a WorkflowBuilder (or workflow dict) on an engine; returns the StageResults."""

    def run(engine: Engine, workflow: WorkflowBuilder | dict[str, Any], *, variables: dict[str, Any] | None = None,
            materialize: str = "fused", run_key: str | None = None, table_map: dict[str, str] | None = None) -> Any:
        data = workflow.to_dict() if isinstance(workflow, WorkflowBuilder) else workflow
        plan = plan_workflow(bind(parse_workflow(data)), materialize=materialize, table_map=table_map or {})
        return run_plan(plan, engine.session, variables=variables, run_key=run_key)

    return run


# --------------------------------------------------------------------------------------------------
# Airflow
# --------------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def airflow_db() -> str:
    """A migrated SQLite metadata DB for this test process (`dag.test()` needs one)."""
    import subprocess
    import sys

    home = os.environ["AIRFLOW_HOME"]
    airflow = os.path.join(os.path.dirname(sys.executable), "airflow")
    done = subprocess.run([airflow, "db", "migrate"], capture_output=True, text=True, env=os.environ.copy())
    assert done.returncode == 0, f"airflow db migrate failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return home

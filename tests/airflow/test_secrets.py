"""A connection's password never shows: not in task logs, rendered SQL, XCom or errors, whether the run
succeeds or fails. (Connection failures and the command line: tests/integration/test_driver_errors.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from tests.airflow.test_dags import _generator

pytestmark = [pytest.mark.postgis, pytest.mark.usefixtures("airflow_db")]


def _spellings(password: str) -> set[str]:
    return {password, quote(password, safe=""), quote(password), json.dumps(password)[1:-1]}


def _stored_outputs(dag_id: str) -> list[str]:
    """What Airflow stored of every run of `dag_id`: rendered fields and XCom of every task instance."""
    from airflow.models.renderedtifields import RenderedTaskInstanceFields
    from airflow.models.taskinstance import TaskInstance
    from airflow.models.xcom import XComModel
    from airflow.utils.session import create_session

    seen = []
    with create_session() as session:
        tis = session.query(TaskInstance).filter(TaskInstance.dag_id == dag_id).all()
        assert tis
        for ti in tis:
            seen.append(json.dumps(RenderedTaskInstanceFields.get_templated_fields(ti, session=session), default=str))
        seen += [json.dumps(x.value, default=str) for x in session.query(XComModel).filter(XComModel.dag_id == dag_id)]
    return seen


def test_a_password_never_shows_in_a_run_that_succeeds_or_fails(pg_dsn: str, tmp_path: Path):
    """Two runs through `airflow dags test` (one succeeds, one fails on a missing source): its whole
    output (task logs, errors), and the rendered SQL and XCom Airflow stored, never hold the password."""
    import psycopg2

    gen = _generator()
    gen.write_postgres(pg_dsn, gen.build_tables(seed=3))
    password = f"Sec%zz'\"ret-{uuid.uuid4().hex[:8]}"  # the test server trusts loopback: it is sent, not checked
    url = urlsplit(pg_dsn)
    env = {**os.environ, "AIRFLOW_CONN_WAREFLOW_EXAMPLES": json.dumps({
        "conn_type": "postgres", "host": url.hostname, "port": url.port, "login": url.username or "postgres",
        "password": password, "schema": url.path.lstrip("/")})}
    env.pop("_AIRFLOW_PARSING_CONTEXT_DAG_ID", None)
    env["AIRFLOW__LOGGING__LOGGING_LEVEL"] = "DEBUG"  # everything a task could log
    airflow = str(Path(sys.executable).with_name("airflow"))
    dag_id = "wareflow_stores_by_neighborhood"

    def dags_test(logical_date: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([airflow, "dags", "test", dag_id, logical_date], env=env, capture_output=True,
                              text=True, timeout=300)

    ok = dags_test("2025-01-01")
    assert ok.returncode == 0 and "wrote" in ok.stdout + ok.stderr, ok.stdout[-3000:] + ok.stderr[-3000:]
    with psycopg2.connect(pg_dsn) as conn, conn.cursor() as cur:
        cur.execute("ALTER TABLE main.stores RENAME TO stores_gone")  # the next run fails: a missing source
    failed = dags_test("2025-01-02")
    everything = failed.stdout + failed.stderr
    assert "WF30" in everything or "WF40" in everything, everything[-3000:]  # the failure was reported
    seen = [ok.stdout, ok.stderr, failed.stdout, failed.stderr, *_stored_outputs(dag_id)]
    for text in seen:
        for spelling in _spellings(password):
            assert spelling not in text


def test_the_demo_loader_file_names_no_secret():
    """The example DAG folder ships no connection details: they come from Airflow connections."""
    folder = Path(__file__).resolve().parents[2] / "dags_examples"
    text = "\n".join(p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file())
    assert "password" not in text.lower()

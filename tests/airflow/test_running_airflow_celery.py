"""Scale-out: the example workflows on PostGIS, run by a real Airflow with the CeleryExecutor and two workers.

Everything runs on loopback and is started and stopped by the test: Redis (Debian's ``redis-server``) as
the broker, PostgreSQL as Airflow's metadata database and Celery's result backend (a database of the
session's PostGIS test server), the api-server, scheduler and dag-processor, and two
``airflow celery worker`` processes, each in a UTS namespace of its own with its own host name, as on two
machines:

- ``wareflow-worker-a`` serves the queues ``default`` and ``light``,
- ``wareflow-worker-b`` serves ``default`` and ``heavy``.

The examples' sidecars (copied) route ``customers_near_stations`` to ``heavy`` and
``stores_by_neighborhood`` to ``light`` (sidecar ``queue``); ``customer_segments`` stays on ``default``,
which both serve. The three DAGs are triggered at once through the REST API and must succeed; each task
instance must report the host name of a worker that serves its queue, so both host names appear; and the
tables in the warehouse must hold the right numbers.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from tests.support.airflow_servers import AirflowServers
from tests.support.postgis import PostgisServer
from tests.support.redis import RedisServer, RedisUnavailable

pytest.importorskip("airflow.providers.celery")

pytestmark = [pytest.mark.airflow_servers, pytest.mark.postgis]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "dags_examples"
WORKER_A, WORKER_B = "wareflow-worker-a", "wareflow-worker-b"
QUEUES = {WORKER_A: ("default", "light"), WORKER_B: ("default", "heavy")}
# dag_id -> (the sidecar's queue, the run's conf)
RUNS: dict[str, tuple[str | None, dict[str, Any]]] = {
    "wareflow_customers_near_stations": ("heavy", {"radius": 300}),
    "wareflow_stores_by_neighborhood": ("light", {}),
    "wareflow_customer_segments": (None, {"min_spend": 20}),
}
RUN_TIMEOUT_S = 300


def _sqlalchemy_url(dsn: str, driver: str = "postgresql+psycopg2") -> str:
    return driver + dsn[len("postgresql"):]


def _postgres_connection(dsn: str) -> str:
    url = urlsplit(dsn)
    return json.dumps({"conn_type": "postgres", "host": url.hostname, "port": url.port,
                       "login": url.username or "postgres", "schema": url.path.lstrip("/")})


def _dag_folder(folder: Path) -> None:
    """The examples with their sidecars, each given its queue."""
    folder.mkdir()
    shutil.copy(EXAMPLES / "wareflow_dags.py", folder)
    for sidecar in EXAMPLES.glob("*.wareflow.yaml"):
        stem = sidecar.name.removesuffix(".wareflow.yaml")
        settings = yaml.safe_load(sidecar.read_text())
        queue, _ = RUNS[settings["dag_id"]]
        settings.update(schedule=None, retries=0, **({"queue": queue} if queue else {}))
        shutil.copy(EXAMPLES / f"{stem}.json", folder)
        (folder / sidecar.name).write_text(json.dumps(settings))  # JSON is YAML


@pytest.fixture
def celery_airflow(tmp_path: Path, postgis_server: PostgisServer) -> Iterator[tuple[AirflowServers, str]]:
    import sys

    sys.path.insert(0, str(EXAMPLES / "data"))
    import generate  # type: ignore[import-not-found]

    try:
        redis = RedisServer().start()
    except RedisUnavailable as exc:
        from tests.conftest import _running_in_ci

        if _running_in_ci():
            pytest.fail(str(exc), pytrace=False)
        pytest.skip(str(exc))
    metadata, metadata_dsn = postgis_server.create_database()
    warehouse, warehouse_dsn = postgis_server.create_database()
    generate.write_postgres(warehouse_dsn, generate.build_tables(seed=42))
    _dag_folder(tmp_path / "dags")
    env = {
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__CELERY__BROKER_URL": redis.url,
        "AIRFLOW__CELERY__RESULT_BACKEND": _sqlalchemy_url(metadata_dsn, "db+postgresql"),
        "AIRFLOW__OPERATORS__DEFAULT_QUEUE": "default",
        # the worker's own host name (its UTS namespace's), without a DNS lookup of it
        "AIRFLOW__CORE__HOSTNAME_CALLABLE": "socket.gethostname",
        "AIRFLOW_CONN_WAREFLOW_EXAMPLES": _postgres_connection(warehouse_dsn),
    }
    servers = AirflowServers(tmp_path / "dags", home=tmp_path / "airflow", env=env, parallelism=8,
                             sql_alchemy_conn=_sqlalchemy_url(metadata_dsn))
    try:
        with servers:
            for hostname, queues in QUEUES.items():
                servers.start_celery_worker(hostname, queues=queues, hostname=hostname)
            yield servers, warehouse_dsn
        assert not servers.leftovers(), f"Airflow processes left running: {servers.leftovers()}"
    finally:
        redis.stop()
        for name in (metadata, warehouse):
            postgis_server.drop_database(name)


def test_two_celery_workers_run_the_examples_on_postgis_by_queue(celery_airflow: tuple[AirflowServers, str]):
    servers, warehouse_dsn = celery_airflow
    servers.wait_for_dags(set(RUNS), timeout_s=120)
    for dag_id in RUNS:
        servers.unpause(dag_id)
    runs = {dag_id: servers.trigger(dag_id, conf) for dag_id, (_, conf) in RUNS.items()}

    hosts: dict[str, set[str]] = {}
    for dag_id, run_id in runs.items():
        state = servers.wait_for_run(dag_id, run_id, timeout_s=RUN_TIMEOUT_S)
        assert state == "success", servers.failure_report(dag_id, run_id)
        queue = RUNS[dag_id][0] or "default"
        tis = servers.task_instances(dag_id, run_id)
        assert len(tis) >= 2 and all(ti["state"] == "success" for ti in tis.values()), tis
        for task_id, ti in tis.items():
            assert ti["queue"] == queue, (dag_id, task_id, ti["queue"])
            serving = {host for host, queues in QUEUES.items() if queue in queues}
            assert ti["hostname"] in serving, (dag_id, task_id, ti["hostname"], serving)
            hosts.setdefault(ti["hostname"], set()).add(f"{dag_id}.{task_id}")
    assert set(hosts) == {WORKER_A, WORKER_B}, hosts

    # nothing of this deployment listens beyond loopback (the workers serve no logs: they share the folder)
    addresses = servers.listening()
    assert addresses and all(host in ("127.0.0.1", "::1") for host, _ in addresses), sorted(addresses)

    # each worker's Celery node is named after its own host
    logs = {name: (servers.home / f"{name}.log").read_text(errors="replace") for name in QUEUES}
    for name, text in logs.items():
        assert f"celery@{name} ready." in text, text[-2000:]

    import psycopg2

    with psycopg2.connect(warehouse_dsn) as pg, pg.cursor() as cur:
        cur.execute("SELECT (SELECT COUNT(*) FROM main.customers_near_stations), "
                    "(SELECT COUNT(*) FROM main.customers_far_from_stations), (SELECT COUNT(*) FROM main.customers)")
        near, far, customers = cur.fetchone()
        cur.execute("SELECT COUNT(*), SUM(store_id_joined_count) FROM main.stores_by_neighborhood")
        neighborhoods, stores_counted = cur.fetchone()
        cur.execute("SELECT COUNT(*) FROM main.stores")
        (stores,) = cur.fetchone()
        cur.execute("SELECT COUNT(*) FROM main.top_customers")
        (top,) = cur.fetchone()
    assert 0 < near < customers and near + far == customers
    assert neighborhoods == 24 and stores_counted == stores
    assert top > 0

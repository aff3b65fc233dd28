"""The throwaway PostGIS server used by the test suite works and isolates tests from each other."""

from __future__ import annotations

import contextlib
import re
from typing import Any

import psycopg2
import pytest

from tests.support.postgis import PostgisServer

pytestmark = pytest.mark.postgis

METRES_PER_DEGREE_AT_EQUATOR = 111_320.0
PROBE_TABLE = "isolation_probe"


def _fetch_one(dsn: str, query: str) -> Any:
    with contextlib.closing(psycopg2.connect(dsn)) as conn, conn.cursor() as cur:
        cur.execute(query)
        row = cur.fetchone()
        assert row is not None
        return row[0]


def _execute(dsn: str, statement: str) -> None:
    with contextlib.closing(psycopg2.connect(dsn)) as conn:
        with conn.cursor() as cur:
            cur.execute(statement)
        conn.commit()


def _table_exists(dsn: str, table: str) -> bool:
    return bool(_fetch_one(dsn, f"SELECT to_regclass('public.{table}') IS NOT NULL"))


def test_postgis_functions_work(pg_dsn: str) -> None:
    version = _fetch_one(pg_dsn, "SELECT PostGIS_Version()")
    assert re.match(r"3\.\d+ ", version), version

    wkt = _fetch_one(
        pg_dsn,
        "SELECT ST_AsText(ST_Buffer(ST_SetSRID(ST_MakePoint(0,0),4326)::geography, 100)::geometry)",
    )
    assert wkt.startswith("POLYGON((") and wkt.endswith("))"), wkt
    points = [tuple(float(v) for v in pair.split()) for pair in wkt[len("POLYGON((") : -2].split(",")]
    assert len(points) > 8
    assert points[0] == points[-1]  # closed ring
    # A 100 m buffer around (0, 0) reaches about 100 m / 111 320 m per degree in every direction.
    expected = 100 / METRES_PER_DEGREE_AT_EQUATOR
    assert max(abs(x) for x, _ in points) == pytest.approx(expected, rel=0.02)
    assert max(abs(y) for _, y in points) == pytest.approx(expected, rel=0.02)


def test_each_use_gets_its_own_database(pg_dsn: str, postgis_server: PostgisServer) -> None:
    _execute(pg_dsn, f"CREATE TABLE {PROBE_TABLE} (id int, geom geometry(Point, 4326))")
    assert _table_exists(pg_dsn, PROBE_TABLE)
    with postgis_server.fresh_database() as other_dsn:
        assert other_dsn != pg_dsn
        assert not _table_exists(other_dsn, PROBE_TABLE)
        assert _fetch_one(other_dsn, "SELECT PostGIS_Version()")  # the clone has PostGIS too
    assert not _table_exists(postgis_server.dsn, PROBE_TABLE)


@pytest.mark.parametrize("run", [1, 2])
def test_state_does_not_leak_between_tests(pg_dsn: str, run: int) -> None:
    # Whichever of the two runs goes second on a worker must not see the table the first one created.
    assert not _table_exists(pg_dsn, PROBE_TABLE)
    _execute(pg_dsn, f"CREATE TABLE {PROBE_TABLE} (run int)")
    _execute(pg_dsn, f"INSERT INTO {PROBE_TABLE} VALUES ({run})")
    assert _fetch_one(pg_dsn, f"SELECT count(*) FROM {PROBE_TABLE}") == 1

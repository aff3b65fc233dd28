"""Shared pytest fixtures for the Wareflow test suite."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from tests.support.postgis import PostgisServer, PostgisUnavailable

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

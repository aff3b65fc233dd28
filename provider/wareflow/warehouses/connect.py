"""Connections from URIs for the CLI: ``duckdb:///path.duckdb`` and ``postgresql://user@host:port/db``."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

from wareflow.errors import Issue, WarehouseError
from wareflow.sql.dialects import WarehouseDialect, get_dialect


def connect_uri(uri: str) -> tuple[Any, WarehouseDialect]:
    """A DB-API connection and its dialect for `uri`."""
    scheme = urlsplit(uri).scheme.lower()
    if scheme == "duckdb":
        from wareflow.warehouses.duckdb import connect

        return connect(_duckdb_path(uri)), get_dialect("duckdb")
    if scheme in ("postgres", "postgresql"):
        try:
            import psycopg2
        except ImportError:
            raise WarehouseError(Issue("WF404", "PostgreSQL needs psycopg2",
                                       hint="pip install 'airflow-provider-wareflow[postgres]'")) from None
        return psycopg2.connect(uri.replace("postgres://", "postgresql://", 1)), get_dialect("postgres")
    if scheme == "snowflake":
        return _snowflake(uri), get_dialect("snowflake")
    raise WarehouseError(Issue("WF404", f"unsupported connection URI scheme '{scheme}'",
                               hint="use duckdb:///path/to.duckdb, postgresql://user@host:port/db, "
                                    "snowflake://user:password@account/database/schema?warehouse=WH, "
                                    "or --conn-id with an Airflow connection for any warehouse"))


def _snowflake(uri: str) -> Any:
    """``snowflake://user:password@account/database/schema?warehouse=WH&role=R``."""
    try:
        import snowflake.connector
    except ImportError:
        raise WarehouseError(Issue("WF404", "Snowflake needs snowflake-connector-python",
                                   hint="pip install 'airflow-provider-wareflow[snowflake]'")) from None
    from urllib.parse import parse_qsl

    url = urlsplit(uri)
    database, _, schema = url.path.lstrip("/").partition("/")
    options = dict(parse_qsl(url.query))
    return snowflake.connector.connect(
        account=url.hostname, user=unquote(url.username or ""), password=unquote(url.password or ""),
        database=database or None, schema=schema or None, warehouse=options.get("warehouse"),
        role=options.get("role"), session_parameters={"QUERY_TAG": "wareflow-cli"})


def _duckdb_path(uri: str) -> str:
    """``duckdb:///rel/x.duckdb`` -> ``rel/x.duckdb``; ``duckdb:////abs/x.duckdb`` -> ``/abs/x.duckdb``;
    ``duckdb://`` or ``duckdb:///:memory:`` -> in memory."""
    rest = unquote(uri.split("://", 1)[1])
    if rest.startswith("/"):
        rest = rest[1:]
    return rest or ":memory:"

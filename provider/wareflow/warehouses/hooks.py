"""Connections through Airflow: the connection's type picks the dialect, the dialect names the hook."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from wareflow.sql.dialects import WarehouseDialect, get_dialect


def dialect_for(conn_id: str) -> WarehouseDialect:
    """The dialect claiming the Airflow connection's type (``postgres``, ``snowflake``, ``gcpbigquery`` ...)."""
    from airflow.sdk import BaseHook

    return get_dialect(BaseHook.get_connection(conn_id).conn_type)


def connect_conn_id(conn_id: str, tags: Mapping[str, str], dialect: WarehouseDialect | None = None) -> Any:
    """A DB-API connection for Airflow connection `conn_id`, through its provider hook."""
    dialect = dialect or dialect_for(conn_id)
    module, _, name = dialect.hook.rpartition(".")
    hook_cls = getattr(importlib.import_module(module), name)
    hook = hook_cls(**{hook_cls.conn_name_attr: conn_id, **dialect.hook_arguments(tags)})
    return dialect.connect(hook, tags)

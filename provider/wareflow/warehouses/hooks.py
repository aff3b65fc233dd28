"""Connections through Airflow: the connection's type picks the dialect, the dialect names the hook.

Failing to connect is a coded issue, never a driver's traceback: WF404 for a connection id Airflow
does not know or a provider package that is not installed, WF403 (transient or terminal, as the
dialect classifies the driver's exception) for the rest, with the connection's secrets scrubbed.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from wareflow.errors import Issue, TerminalWarehouseError, WareflowError
from wareflow.sql.dialects import WarehouseDialect, get_dialect
from wareflow.sql.dialects.base import raised_as
from wareflow.warehouses.connect import connection_error, spellings

# Extra fields holding secrets in the warehouses' Airflow connections (Snowflake's private key,
# BigQuery's key file, Databricks' token ...): scrubbed like the password.
_SECRET_EXTRAS = ("password", "passphrase", "secret", "token", "private_key", "keyfile_dict", "credential")


def dialect_for(conn_id: str) -> WarehouseDialect:
    """The dialect claiming the Airflow connection's type (``postgres``, ``snowflake``, ``gcpbigquery`` ...)."""
    conn = _connection(conn_id)
    return get_dialect(conn.conn_type).configure(conn.extra_dejson or {})


def connect_conn_id(conn_id: str, tags: Mapping[str, str], dialect: WarehouseDialect | None = None) -> Any:
    """A DB-API connection for Airflow connection `conn_id`, through its provider hook."""
    dialect = dialect or dialect_for(conn_id)
    module, _, name = dialect.hook.rpartition(".")
    try:
        hook_cls = getattr(importlib.import_module(module), name)
    except ImportError:
        raise TerminalWarehouseError(Issue(
            "WF404", f"Airflow connection '{conn_id}' ({dialect.title}) needs the provider package with {module}",
            hint=f"pip install 'airflow-provider-wareflow[{dialect.name}]'")) from None
    try:
        hook = hook_cls(**{hook_cls.conn_name_attr: conn_id, **dialect.hook_arguments(tags)})
        return dialect.prepare(dialect.connect(hook, tags))
    except WareflowError:
        raise
    except Exception as exc:  # `from None`: the driver's exception, shown in tracebacks, may echo secrets
        raise connection_error(exc, dialect, f"Airflow connection '{conn_id}'", _secrets(conn_id)) from None


def _connection(conn_id: str) -> Any:
    from airflow.sdk import BaseHook

    try:
        return BaseHook.get_connection(conn_id)
    except Exception as exc:
        if raised_as(exc, "airflow", "AirflowNotFoundException"):
            raise TerminalWarehouseError(Issue("WF404", f"there is no Airflow connection '{conn_id}'",
                                               hint="create it (airflow connections add), or set "
                                                    f"AIRFLOW_CONN_{conn_id.upper()}")) from None
        raise connection_error(exc, None, f"Airflow connection '{conn_id}'") from None  # a secrets backend failing


def _secrets(conn_id: str) -> set[str]:
    """The connection's password and secret extras, looked up only once connecting has failed."""
    try:
        conn = _connection(conn_id)
        extras = conn.extra_dejson
    except Exception:  # best effort: the message is then scrubbed of what this process already knows
        return set()
    found = spellings(conn.password)
    for key, value in extras.items() if isinstance(extras, dict) else ():
        if isinstance(value, str) and any(word in key.lower() for word in _SECRET_EXTRAS):
            found |= spellings(value)
    return found

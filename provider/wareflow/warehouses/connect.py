"""Connections from URIs for the CLI: ``duckdb:///path.duckdb`` and ``postgresql://user@host:port/db``.

Connecting never ends in a traceback: a driver's failure is a coded WF403 (transient or terminal, as
the dialect classifies the driver's exception), a URI or driver we cannot use is WF404. No message
carries the password: drivers may echo the URI they were given (libpq does, for a malformed one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from wareflow.errors import Issue, TerminalWarehouseError, WareflowError, WarehouseError, warehouse_error
from wareflow.sql.dialects import WarehouseDialect, get_dialect
from wareflow.sql.dialects.base import dbapi_error_kind

_SCHEMES = {"duckdb": "duckdb", "postgres": "postgres", "postgresql": "postgres", "snowflake": "snowflake"}
_SECRETS: set[str] = set()  # passwords of the connections this process opened, scrubbed from every message
_SHORTEST_SECRET = 3  # scrubbing one or two characters would garble a message and hide nothing


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` with each of `secrets`, and each password of a connection this process opened, replaced by ``***``."""
    for secret in sorted({s for s in (*secrets, *_SECRETS) if s and len(s) >= _SHORTEST_SECRET}, key=len,
                         reverse=True):
        text = text.replace(secret, "***")
    return text


def spellings(password: str | None) -> set[str]:
    """`password` as given and as it may be echoed: percent-decoded, percent-encoded."""
    if not password:
        return set()
    return {password, unquote(password), quote(password, safe=""), quote(unquote(password), safe="")}


def remember_secrets(secrets: Iterable[str]) -> None:
    """Scrub `secrets` from every message `redact` builds from now on in this process."""
    _SECRETS.update(s for s in secrets if s)


def describe_error(exc: BaseException, secrets: Iterable[str | None] = ()) -> str:
    """``ClassName: message`` of a driver exception, without secrets."""
    return redact(f"{type(exc).__name__}: {exc}".strip(), secrets)


def connection_error(exc: BaseException, dialect: WarehouseDialect | None, target: str,
                     secrets: Iterable[str | None] = ()) -> WarehouseError:
    """A driver's failure to connect to `target` as a coded issue: WF404 when a driver is missing, else
    WF403, transient (worth a retry: refused, timed out, server busy) or terminal, as the dialect says."""
    if isinstance(exc, ImportError):
        return TerminalWarehouseError(Issue("WF404", f"cannot connect to {target}: {describe_error(exc, secrets)}",
                                            hint="install the driver: pip install 'airflow-provider-wareflow"
                                                 f"[{dialect.name if dialect else 'warehouses'}]'"))
    transient = (dialect.error_kind(exc) if dialect else dbapi_error_kind(exc)) == "transient"
    hint = ("worth a retry: the server may be down, restarting or busy" if transient
            else "check the host, port, user, password, database and privileges")
    return warehouse_error(Issue("WF403", f"cannot connect to {target}: {describe_error(exc, secrets)}", hint=hint),
                           transient=transient)


def connect_uri(uri: str) -> tuple[Any, WarehouseDialect]:
    """A DB-API connection and its dialect for `uri`."""
    secrets = _uri_secrets(uri)
    if "\x00" in uri:  # C drivers would silently cut the URI there, and connect somewhere else
        raise TerminalWarehouseError(Issue("WF404", "malformed connection URI: it contains a NUL character",
                                           hint=_URI_HINT))
    try:
        url = urlsplit(uri)
        scheme = url.scheme.lower()
        shown = _shown(url)
    except ValueError as exc:  # a malformed authority: [ unclosed, a port that is not a number
        raise TerminalWarehouseError(Issue("WF404", f"malformed connection URI: {describe_error(exc, secrets)}",
                                           hint=_URI_HINT)) from None
    if scheme not in _SCHEMES:
        raise WarehouseError(Issue("WF404", f"unsupported connection URI scheme '{redact(scheme, secrets)}'",
                                   hint=_URI_HINT))
    dialect = get_dialect(_SCHEMES[scheme])
    remember_secrets(secrets)  # statements' errors on this connection are scrubbed too
    opener: Callable[[], Any] = {"duckdb": lambda: _duckdb(uri), "postgres": lambda: _postgres(uri),
                                 "snowflake": lambda: _snowflake(uri)}[dialect.name]
    try:
        return dialect.prepare(opener()), dialect
    except WareflowError:
        raise
    except Exception as exc:  # `from None`: the driver's exception, shown in tracebacks, may echo the URI
        raise connection_error(exc, dialect, shown, secrets) from None


_URI_HINT = ("use duckdb:///path/to.duckdb, postgresql://user@host:port/db, "
             "snowflake://user:password@account/database/schema?warehouse=WH, "
             "or --conn-id with an Airflow connection for any warehouse")


def _uri_secrets(uri: str) -> set[str]:
    """The password of `uri` in every spelling, found without trusting the URI to be well formed: in
    the authority, up to the last ``@`` (a password may hold ``/`` or ``@`` unescaped), or in the query
    (``?password=``, which libpq reads too)."""
    rest = uri.partition("://")[2]
    secrets: set[str] = set()
    for userinfo in (rest.partition("/")[0].rpartition("@")[0], rest.rpartition("@")[0]):
        secrets |= spellings(userinfo.partition(":")[2])
    for query in rest.split("?")[1:]:
        for key, value in parse_qsl(query, keep_blank_values=True):
            if key.lower() in ("password", "passwd", "pwd"):
                secrets |= spellings(value)
    return secrets


def _shown(url: Any) -> str:
    """The URI as messages show it: without user and password."""
    host = url.hostname or ""
    port = f":{url.port}" if url.port else ""
    return f"{url.scheme}://{host}{port}{url.path}"


def _duckdb(uri: str) -> Any:
    """``duckdb:///path.duckdb[?lock_timeout=SECONDS]``: how long to wait for a file another process holds."""
    from wareflow.warehouses.duckdb import connect

    path, _, query = uri.partition("?")
    options = dict(parse_qsl(query))
    unknown = sorted(set(options) - {"lock_timeout"})
    if unknown:
        raise TerminalWarehouseError(Issue("WF404", f"unknown DuckDB URI option(s): {', '.join(unknown)}",
                                           hint="duckdb:///path.duckdb?lock_timeout=SECONDS"))
    try:
        timeout = float(options["lock_timeout"]) if "lock_timeout" in options else None
    except ValueError:
        raise TerminalWarehouseError(Issue("WF404", f"lock_timeout must be a number of seconds, got "
                                                    f"{options['lock_timeout']!r:.40}")) from None
    return connect(_duckdb_path(path), lock_timeout=timeout)


def _postgres(uri: str) -> Any:
    try:
        import psycopg2
    except ImportError:
        raise WarehouseError(Issue("WF404", "PostgreSQL needs psycopg2",
                                   hint="pip install 'airflow-provider-wareflow[postgres]'")) from None
    return psycopg2.connect(uri.replace("postgres://", "postgresql://", 1))


def _snowflake(uri: str) -> Any:
    """``snowflake://user:password@account/database/schema?warehouse=WH&role=R``."""
    try:
        import snowflake.connector
    except ImportError:
        raise WarehouseError(Issue("WF404", "Snowflake needs snowflake-connector-python",
                                   hint="pip install 'airflow-provider-wareflow[snowflake]'")) from None
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

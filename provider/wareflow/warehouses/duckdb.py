"""DuckDB connections with the spatial extension loaded offline from its PyPI package.

One process at a time may open a DuckDB file for writing (https://duckdb.org/docs/stable/connect/concurrency):
two Airflow tasks writing one file run in separate processes, so the second waits for the file's lock
(with backoff, up to a bound) instead of failing at once.
"""

from __future__ import annotations

import math
import random
import re
import time
from functools import cache
from pathlib import Path
from typing import Any

from wareflow.errors import Issue, TransientWarehouseError

DEFAULT_LOCK_TIMEOUT = 300.0  # seconds to wait for another process to release the file
_FIRST_WAIT, _LONGEST_WAIT = 0.05, 2.0  # backoff between attempts, doubling
# DuckDB says whose lock it is only in the message: 'Conflicting lock is held in <program> (PID 123)'.
_HOLDER = re.compile(r"lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")


@cache
def spatial_extension_path() -> str:
    """The spatial extension file shipped by ``duckdb-extension-spatial`` (version matched to duckdb)."""
    import duckdb
    import duckdb_extension_spatial

    root = Path(duckdb_extension_spatial.__file__).parent / "extensions"
    wanted = root / f"v{duckdb.__version__}" / "spatial.duckdb_extension"
    if wanted.exists():
        return str(wanted)
    found = sorted(root.glob("*/spatial.duckdb_extension"))
    if not found:
        raise RuntimeError("duckdb-extension-spatial ships no extension file; reinstall it pinned to duckdb")
    return str(found[-1])


def connect(database: str = ":memory:", read_only: bool = False, lock_timeout: float | None = None,
            **config: Any) -> Any:
    """A DuckDB connection to `database` (a file path or ``:memory:``) with spatial and H3 loaded.

    While another process holds the file's lock, retries with backoff for up to `lock_timeout` seconds
    (`DEFAULT_LOCK_TIMEOUT` when None; 0 tries once), then raises `TransientWarehouseError` WF405
    naming the file and, when DuckDB says, the process holding it.
    """
    import duckdb

    from wareflow.warehouses.duckdb_h3 import install_h3  # h3, shapely, pyarrow: only once connecting

    timeout = DEFAULT_LOCK_TIMEOUT if lock_timeout is None else float(lock_timeout)
    if not (math.isfinite(timeout) and timeout >= 0):
        raise ValueError(f"lock_timeout must be a number of seconds >= 0, got {lock_timeout!r}")
    in_memory = database in ("", ":memory:")
    if not in_memory:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    deadline, wait = time.monotonic() + timeout, _FIRST_WAIT
    while True:
        try:
            conn = duckdb.connect(database or ":memory:", read_only=read_only, config=config or {})
            break
        except duckdb.IOException as exc:  # the class first: an IOException is also a missing directory
            if in_memory or not _lock_held(exc):
                raise
            left = deadline - time.monotonic()
            if left <= 0:
                raise _locked(database, exc, timeout) from None
            time.sleep(min(left, wait * random.uniform(0.5, 1.0)))  # jittered: waiters do not wake in step
            wait = min(wait * 2, _LONGEST_WAIT)
    conn.execute(f"LOAD '{_quote(spatial_extension_path())}'")
    # Before anything else runs on it, and before the dialect's session settings turn external access
    # off (which would refuse LOAD): the `h3` extension if installed, else UDFs with its names.
    install_h3(conn)
    return conn


def _lock_held(exc: BaseException) -> bool:
    """Whether DuckDB's IOException says another process holds the file's lock (it has no error code)."""
    return "Could not set lock on file" in str(exc)


def _locked(database: str, exc: BaseException, timeout: float) -> TransientWarehouseError:
    holder = _HOLDER.search(str(exc))
    by = f"process {holder['pid']} ({holder['program']})" if holder else "another process"
    return TransientWarehouseError(Issue(
        "WF405", f"database file '{database}' is locked by {by}" + (f" (waited {timeout:g} s)" if timeout else ""),
        hint="DuckDB lets one process at a time open a file for writing: give the tasks writing it an "
             "Airflow pool with one slot, or wait longer (the connection's extra 'lock_timeout_seconds')"))


def _quote(path: str) -> str:
    return path.replace("'", "''")

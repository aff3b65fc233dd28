"""One DuckDB file, several processes: DuckDB lets one process at a time open a file for writing, so
a second task (another process) waits for the lock, up to a bound, then fails with WF405 (transient).

The holder is a real second process; no assertion is about how long anything took.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from wareflow.errors import TerminalWarehouseError, TransientWarehouseError
from wareflow.warehouses.duckdb import connect

# Opens the file for writing, writes a row, says so, then keeps the file (and its lock) until told to
# let go on stdin or `seconds` have passed.
HOLDER = """
import select, sys, duckdb
conn = duckdb.connect(sys.argv[1])
conn.execute("CREATE OR REPLACE TABLE held AS SELECT 1 AS id")
print("held", flush=True)
select.select([sys.stdin], [], [], float(sys.argv[2]))
conn.close()
"""


class Holder:
    """A process holding `path`'s lock: for `seconds`, or until `release`d."""

    def __init__(self, path: Path, seconds: float):
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(seconds)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None and self.process.stdout.readline().strip() == "held"
        self._releasing = threading.Lock()

    @property
    def pid(self) -> int:
        return self.process.pid

    def release(self) -> None:
        """Let go of the file and wait for the process to end (from any thread, any number of times)."""
        with self._releasing:
            if self.process.stdin is not None and not self.process.stdin.closed:
                self.process.stdin.close()
        assert self.process.wait(timeout=60) == 0


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture
def held(database: Path) -> Iterator[Holder]:
    """The file locked by another process until the test ends (or releases it)."""
    holder = Holder(database, seconds=120)
    try:
        yield holder
    finally:
        holder.release()


def test_a_second_process_waits_for_the_lock_and_then_writes(database: Path):
    holder = Holder(database, seconds=120)
    try:
        with pytest.raises(TransientWarehouseError):  # the lock really is held now
            connect(str(database), lock_timeout=0)
        threading.Timer(2, holder.release).start()  # the other task finishes while this one waits
        conn = connect(str(database), lock_timeout=120)
    finally:
        holder.release()
    try:
        conn.execute("INSERT INTO held VALUES (2)")
        assert conn.execute("SELECT id FROM held ORDER BY id").fetchall() == [(1,), (2,)]
    finally:
        conn.close()


def test_past_the_bound_it_is_wf405_naming_the_file_and_the_holder(database: Path, held: Holder):
    for read_only in (False, True):  # a reader conflicts with a writing process too
        with pytest.raises(TransientWarehouseError) as exc:
            connect(str(database), read_only=read_only, lock_timeout=0.2)
        (issue,) = exc.value.issues
        assert issue.code == "WF405"
        assert str(database) in issue.message and f"process {held.pid} " in issue.message
        assert exc.value.__cause__ is None and exc.value.__suppress_context__  # no driver traceback


def test_the_cli_connection_waits_too(database: Path):
    from wareflow.warehouses.connect import connect_uri

    holder = Holder(database, seconds=120)
    try:
        threading.Timer(2, holder.release).start()
        conn, dialect = connect_uri(f"duckdb:///{database}")
    finally:
        holder.release()
    try:
        assert dialect.name == "duckdb" and conn.execute("SELECT COUNT(*) FROM held").fetchall() == [(1,)]
    finally:
        conn.close()


def test_other_io_errors_are_not_waited_for(tmp_path: Path):
    import duckdb

    with pytest.raises(duckdb.IOException) as exc:
        connect(str(tmp_path), lock_timeout=120)  # a directory: no lock to wait for
    assert "lock" not in str(exc.value).lower()


def test_the_hook_reads_lock_timeout_seconds(database: Path, held: Holder, monkeypatch: pytest.MonkeyPatch):
    from wareflow.airflow.duckdb_hook import DuckDBHook

    def hook(extra: dict[str, object]) -> DuckDBHook:
        monkeypatch.setenv("AIRFLOW_CONN_SHARED_DUCKDB", json.dumps(
            {"conn_type": "duckdb", "host": str(database), "extra": extra}))
        return DuckDBHook(duckdb_conn_id="shared_duckdb")

    with pytest.raises(TransientWarehouseError) as exc:
        hook({"lock_timeout_seconds": "0.2"}).get_conn()
    assert exc.value.codes == ["WF405"]
    for bad in ("soon", -1, "nan"):
        with pytest.raises(TerminalWarehouseError) as bad_exc:
            hook({"lock_timeout_seconds": bad}).get_conn()
        assert bad_exc.value.codes == ["WF404"]


def test_a_bad_bound_is_refused():
    with pytest.raises(ValueError):
        connect(":memory:", lock_timeout=-1)


def test_the_cli_uri_sets_the_lock_bound(database: Path, held: Holder):
    """``duckdb:///file?lock_timeout=0``: try once, then WF405 at once; a bad option is WF404."""
    from wareflow.errors import WarehouseError
    from wareflow.warehouses.connect import connect_uri

    with pytest.raises(WarehouseError) as exc:
        connect_uri(f"duckdb:///{database}?lock_timeout=0")
    assert exc.value.codes == ["WF405"]
    for bad in ("lock_timeout=soon", "locktimeout=5"):
        with pytest.raises(WarehouseError) as exc:
            connect_uri(f"duckdb:///{database}?{bad}")
        assert exc.value.codes == ["WF404"], bad

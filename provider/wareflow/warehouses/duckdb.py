"""DuckDB connections with the spatial extension loaded offline from its PyPI package."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


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


def connect(database: str = ":memory:", read_only: bool = False, **config: Any) -> Any:
    """A DuckDB connection to `database` (a file path or ``:memory:``) with spatial loaded."""
    import duckdb

    if database not in ("", ":memory:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    conn = duckdb.connect(database or ":memory:", read_only=read_only, config=config or {})
    conn.execute(f"LOAD '{_quote(spatial_extension_path())}'")
    return conn


def _quote(path: str) -> str:
    return path.replace("'", "''")

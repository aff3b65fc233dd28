"""The validated plan of a workflow file, as the DAG factory builds it, cached on local disk.

Airflow's dag-processor re-parses the DAG folder every few seconds and each task's worker parses it
again; both would validate every workflow anew (every input, every SQL expression parsed by
sqlglot). The plan of a file therefore lives in a local cache, one entry per

    sha256(cache format, Wareflow's version and source files, Python, the installed packages,
           the file's path and bytes, its sidecar's bytes, the arguments that shape the plan)

so a re-parse of an unchanged file skips validation; a changed file, sidecar or argument has another
key and is validated again. Nothing here touches a warehouse. The cache never fails a parse: an
unreadable, corrupt or incompatible entry is ignored (and overwritten), an unwritable directory
means no cache, and any error falls back to validating (logged at debug).

Where it lives (first that applies):

- ``WAREFLOW_PLAN_CACHE=off`` (or ``0``, ``false``, ``no``, ``none``): no cache;
- ``WAREFLOW_PLAN_CACHE=<dir>``: that directory;
- ``$AIRFLOW_HOME/.cache/wareflow/plans``;
- ``$XDG_CACHE_HOME/wareflow/plans``, else ``~/.cache/wareflow/plans``.

Entries are pickles of `Plan`, like the DAGs folder code that Airflow runs: the directory must be
writable by Airflow's user only (it is created ``0700``). Each is written to a temporary file and
renamed into place, so a concurrent reader sees a whole entry or none. A plan-writing process
sweeps the directory at most once an hour: entries unused for `MAX_AGE_DAYS` go, then the oldest
beyond `MAX_ENTRIES`. "Installed packages" is the modification time of each site-packages
directory, which any install, upgrade or removal changes: a new component plugin re-validates
everything once. A plugin edited in place (an editable install) is not seen: set
``WAREFLOW_PLAN_CACHE=off`` while developing one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import wareflow
from wareflow.airflow.settings import WorkflowSettings, sidecar_path

if TYPE_CHECKING:  # the compiler is imported only when a plan is built or read, never for a spec
    from wareflow.airflow.spec import DagSpec
    from wareflow.plan.ir import Plan

log = logging.getLogger(__name__)
T = TypeVar("T")

ENV = "WAREFLOW_PLAN_CACHE"
OFF = frozenset({"off", "0", "false", "no", "none"})
FORMAT = 1  # bump when what an entry holds changes shape
MAGIC = b"wareflow-plan\n"
SUFFIX = ".plan"
SPEC_SUFFIX = ".spec"  # the DagSpec made from the plan of the same key
MAX_AGE_DAYS = 30  # an entry no parse has used for this long is swept
MAX_ENTRIES = 10_000  # beyond this, the least recently used entries are swept
SWEEP_EVERY = 3600.0  # seconds between two sweeps of one directory
_TOUCH_AFTER = 86400.0  # a hit refreshes its entry's time at most once a day (what "used" means to the sweep)
_PROTOCOL = 5
_SWEEP_STAMP = ".swept"


def cached_plan(path: Path, settings: WorkflowSettings) -> Plan:
    """Load, validate and plan `path` with the settings that shape the plan: from the cache when the
    file, its sidecar, those settings and Wareflow are unchanged."""
    return _plan(path, plan_arguments(settings))


def cached_spec(path: Path, settings: WorkflowSettings) -> DagSpec:
    """What the DAG of `path` shows (`DagSpec`), from the cache when unchanged: neither validation nor the
    compiler's import. On a miss the plan is built (or read from its own entry) and the spec made from it."""
    from wareflow.airflow.spec import DagSpec

    args = plan_arguments(settings)
    return _cached(path, args, SPEC_SUFFIX, DagSpec, lambda: _spec(path, args))


class PlanRef(NamedTuple):
    """A plan by where it comes from: what an operator keeps from parse time, loaded when its task runs."""

    path: str
    materialize: str
    table_map: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, path: Path, settings: WorkflowSettings) -> PlanRef:
        args = plan_arguments(settings)
        return cls(str(path), args["materialize"], tuple(args["table_map"].items()))

    def load(self) -> Plan:
        return _plan(Path(self.path), {"materialize": self.materialize, "table_map": dict(self.table_map)})


def _plan(path: Path, args: dict[str, Any]) -> Plan:
    from wareflow.plan.ir import Plan

    return _cached(path, args, SUFFIX, Plan, lambda: _validated(path, args))


def _validated(path: Path, args: dict[str, Any]) -> Plan:
    from wareflow.components.registry import bind
    from wareflow.model.loader import load_workflow
    from wareflow.plan.planner import plan_workflow

    return plan_workflow(bind(load_workflow(path)), **args)


def _spec(path: Path, args: dict[str, Any]) -> DagSpec:
    """A parse needs the spec only: the plan is validated for it but not stored (pickling it would cost
    a cold parse a third more); the first task to run stores it for the others."""
    from wareflow.airflow.spec import spec_of

    return spec_of(_validated(path, args), path)


def _cached(path: Path, args: dict[str, Any], suffix: str, kind: type[T], make: Callable[[], T]) -> T:
    """The `kind` object cached for (`path`, `args`) under `suffix`, else `make()` stored there."""
    folder = cache_dir()
    key = None
    if folder is not None:
        try:
            before = _stamp(path)
            key = entry_key(path, args)
            found = _read(folder / (key + suffix), key, kind)
            if found is not None:
                return found
        except Exception:  # the cache is an optimisation: never a reason for a parse to fail
            log.debug("wareflow: plan cache unusable for %s", path, exc_info=True)
    made = make()
    if folder is not None and key is not None:
        try:
            if _stamp(path) == before:  # the file did not change while it was read and validated
                _write(folder, key, suffix, made)
        except Exception:
            log.debug("wareflow: could not cache the plan of %s", path, exc_info=True)
    return made


def plan_arguments(settings: WorkflowSettings) -> dict[str, Any]:
    """What of `settings` shapes the plan: given to the planner, and part of the cache key."""
    return {"materialize": settings.materialize, "table_map": dict(sorted(settings.table_map.items()))}


def cache_dir() -> Path | None:
    """Where plans are cached (see the module's docs), or None when caching is off."""
    given = os.environ.get(ENV, "").strip()
    if given.lower() in OFF:
        return None
    if given:
        return Path(given).expanduser()
    if home := os.environ.get("AIRFLOW_HOME", "").strip():
        return Path(home).expanduser() / ".cache" / "wareflow" / "plans"
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wareflow" / "plans"


def entry_key(path: Path, args: dict[str, Any]) -> str:
    """The cache key of `path` planned with `args`: hex sha256 (see the module's docs)."""
    digest = hashlib.sha256(_fingerprint())
    digest.update(json.dumps([str(path), args], sort_keys=True, default=str).encode())
    for part in (path, sidecar_path(path)):
        try:
            data = part.read_bytes()
        except FileNotFoundError:
            digest.update(b"\0absent\0")
            continue
        digest.update(b"\0%d\0" % len(data))
        digest.update(data)
    return digest.hexdigest()


def _stamp(path: Path) -> tuple[tuple[int, int] | None, ...]:
    """Size and modification time (ns) of the file and its sidecar: cheaper than hashing them again."""
    stamps: list[tuple[int, int] | None] = []
    for part in (path, sidecar_path(path)):
        try:
            info = part.stat()
        except FileNotFoundError:
            stamps.append(None)
            continue
        stamps.append((info.st_size, info.st_mtime_ns))
    return tuple(stamps)


_FINGERPRINT: bytes | None = None


def _fingerprint() -> bytes:
    """What every key of this process shares: the format, Python, Wareflow (its version and, for a
    source checkout, its files' sizes and times) and the installed packages. Computed once."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        parts: list[Any] = [FORMAT, _PROTOCOL, sys.version, sys.implementation.cache_tag, wareflow.__version__]
        package = os.path.dirname(os.path.abspath(wareflow.__file__))
        for root, dirs, files in os.walk(package):
            # the Airflow layer (DAGs, operators) is never part of a plan: only this file and the spec are
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and (root, d) != (package, "airflow"))
            for name in sorted(f for f in files if f.endswith(".py")):
                info = os.stat(os.path.join(root, name))
                parts.append((os.path.relpath(os.path.join(root, name), package), info.st_size, info.st_mtime_ns))
        for own in (__file__, os.path.join(os.path.dirname(__file__), "spec.py")):
            info = os.stat(own)
            parts.append((os.path.basename(own), info.st_size, info.st_mtime_ns))
        for folder in _site_packages():
            with contextlib.suppress(OSError):
                parts.append((folder, os.stat(folder).st_mtime_ns))
        _FINGERPRINT = hashlib.sha256(repr(parts).encode()).digest()
    return _FINGERPRINT


def _site_packages() -> list[str]:
    """The directories packages are installed into: where a component plugin's entry point lives."""
    import site

    found = {p for p in sys.path if os.path.basename(p) in ("site-packages", "dist-packages")}
    with contextlib.suppress(Exception):  # `site` may be a virtualenv's own, or Python run with -S
        found.update(site.getsitepackages())
    with contextlib.suppress(Exception):
        found.add(site.getusersitepackages())
    return sorted(p for p in found if os.path.isdir(p))


def _read(entry: Path, key: str, kind: type) -> Any:
    """The `kind` object stored under `key`, or None when there is none or it cannot be used (a later
    write replaces it)."""
    try:
        with open(entry, "rb") as file:
            data = file.read()
            modified = os.fstat(file.fileno()).st_mtime
    except FileNotFoundError:
        return None
    header = MAGIC + key.encode() + b"\n"
    if not data.startswith(header):
        log.debug("wareflow: ignoring plan cache entry %s: not one of ours", entry.name)
        return None
    try:
        plan = pickle.loads(memoryview(data)[len(header):])
    except Exception:  # truncated, garbage, or classes that changed: validate again
        log.debug("wareflow: ignoring unreadable plan cache entry %s", entry.name, exc_info=True)
        return None
    if not isinstance(plan, kind):
        log.debug("wareflow: ignoring plan cache entry %s: holds a %s", entry.name, type(plan).__name__)
        return None
    if time.time() - modified > _TOUCH_AFTER:  # still in use: not for the sweep
        with contextlib.suppress(OSError):
            os.utime(entry)
    return plan


def _write(folder: Path, key: str, suffix: str, value: Any) -> None:
    """Store `value` under `key` as a `suffix` entry: written aside, then renamed into place (atomic for
    readers)."""
    import tempfile  # only a miss writes: not imported by a parse that finds every entry

    data = _dumps(value)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".tmp-", suffix=SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(MAGIC + key.encode() + b"\n")
            file.write(data)
        os.replace(temp, folder / (key + suffix))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    sweep(folder)


def _dumps(value: Any) -> bytes:
    return pickle.dumps(value, protocol=_PROTOCOL)


def sweep(folder: Path, *, force: bool = False) -> int:
    """Remove entries unused for `MAX_AGE_DAYS`, then the oldest beyond `MAX_ENTRIES`, and temporary
    files a killed writer left; at most once per `SWEEP_EVERY` unless `force`. Returns how many went."""
    stamp = folder / _SWEEP_STAMP
    now = time.time()
    if not force:
        try:
            if now - stamp.stat().st_mtime < SWEEP_EVERY:
                return 0
        except FileNotFoundError:
            pass
    stamp.touch()
    entries: list[tuple[float, str]] = []
    removed = 0
    with os.scandir(folder) as found:
        for item in found:
            if not item.name.endswith((SUFFIX, SPEC_SUFFIX)):
                continue
            try:
                modified = item.stat().st_mtime
            except FileNotFoundError:
                continue
            if item.name.startswith(".tmp-"):
                if now - modified > SWEEP_EVERY:  # a writer died half-way
                    removed += _remove(item.path)
            elif now - modified > MAX_AGE_DAYS * 86400:
                removed += _remove(item.path)
            else:
                entries.append((modified, item.path))
    for _, entry in sorted(entries)[:max(0, len(entries) - MAX_ENTRIES)]:
        removed += _remove(entry)
    return removed


def _remove(path: str) -> int:
    try:
        os.unlink(path)
    except OSError:
        return 0
    return 1

"""The on-disk cache of validated plans: a hit skips validation, any change re-validates, a broken
entry or an unusable directory never fails a parse, and DAGs come out the same cold and warm."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from wareflow.airflow import plan_cache
from wareflow.airflow.settings import WorkflowSettings, read_settings, sidecar_path
from wareflow.components import registry
from wareflow.components.base import ColumnName
from wareflow.errors import WorkflowError
from wareflow.model import loader
from wareflow.plan.ir import Plan

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "dags_examples"
NAME = "customers_near_stations"


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test its own cache directory, and the parsing context of the dag-processor."""
    folder = tmp_path / "plans"
    monkeypatch.setenv(plan_cache.ENV, str(folder))
    monkeypatch.delenv("_AIRFLOW_PARSING_CONTEXT_DAG_ID", raising=False)
    monkeypatch.delenv("_AIRFLOW_PARSING_CONTEXT_TASK_ID", raising=False)
    return folder


@pytest.fixture
def workflow(tmp_path: Path) -> Path:
    """A copy of an example export with its sidecar, in a folder of its own."""
    folder = tmp_path / "dags"
    folder.mkdir()
    shutil.copy(EXAMPLES / f"{NAME}.json", folder)
    shutil.copy(EXAMPLES / f"{NAME}.wareflow.yaml", folder)
    return folder / f"{NAME}.json"


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the workflows validated (`bind` called), in order."""
    seen: list[str] = []
    real = registry.bind

    def spy(workflow: Any) -> Any:
        seen.append(workflow.title)
        return real(workflow)

    monkeypatch.setattr(registry, "bind", spy)
    return seen


def settings_of(path: Path, **defaults: Any) -> WorkflowSettings:
    return read_settings(path, defaults)


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*" + plan_cache.SUFFIX)) if folder.is_dir() else []


def assert_same_plan(a: Plan, b: Plan) -> None:
    assert a is not b
    assert (a.stages, a.materialize, a.table_map) == (b.stages, b.materialize, b.table_map)
    x, y = a.workflow, b.workflow
    assert (x.workflow, x.order, x.links, x.variables, x.warnings, x.variable_schemas) == (
        y.workflow, y.order, y.links, y.variables, y.warnings, y.variable_schemas)
    assert x.components.keys() == y.components.keys()
    for node_id, comp in x.components.items():
        other = y.components[node_id]
        assert type(other) is type(comp) and vars(other) == vars(comp)
        for name, value in vars(comp).items():
            if isinstance(value, ColumnName):  # the input it came from survives the round trip
                assert isinstance(vars(other)[name], ColumnName) and vars(other)[name].field == value.field


def test_a_hit_returns_the_same_plan_without_validating(workflow: Path, cache: Path, validations: list[str],
                                                        monkeypatch: pytest.MonkeyPatch):
    settings = settings_of(workflow)
    cold = plan_cache.cached_plan(workflow, settings)
    assert len(validations) == 1 and len(entries(cache)) == 1
    monkeypatch.setattr(loader, "load_workflow", lambda path: pytest.fail("a hit must not parse the file"))
    warm = plan_cache.cached_plan(workflow, settings)
    assert len(validations) == 1
    assert_same_plan(cold, warm)
    assert warm.stage(warm.stages[0].id) == cold.stages[0]


@pytest.mark.parametrize("change", ["file", "sidecar", "no sidecar", "materialize", "table_map", "version", "path"])
def test_a_change_validates_again(change: str, workflow: Path, cache: Path, validations: list[str],
                                  monkeypatch: pytest.MonkeyPatch):
    settings = settings_of(workflow)
    first = plan_cache.cached_plan(workflow, settings)
    if change == "file":
        data = json.loads(workflow.read_text())
        data["title"] = "Customers near stations, edited"
        workflow.write_text(json.dumps(data))
    elif change == "sidecar":
        with sidecar_path(workflow).open("a") as file:
            file.write("retries: 3\n")
    elif change == "no sidecar":
        sidecar_path(workflow).unlink()
    elif change == "materialize":
        settings = WorkflowSettings(**{**vars(settings), "materialize": "all"})
    elif change == "table_map":
        settings = WorkflowSettings(**{**vars(settings), "table_map": {"wareflow-demo.demo": "other"}})
    elif change == "version":
        monkeypatch.setattr("wareflow.__version__", "99.0.0")
        monkeypatch.setattr(plan_cache, "_FINGERPRINT", None)
    elif change == "path":
        workflow = shutil.copy(workflow, workflow.with_name("copy.json"))
    second = plan_cache.cached_plan(workflow, settings)
    assert len(validations) == 2 and len(entries(cache)) == 2
    if change == "file":
        assert second.workflow.workflow.title == "Customers near stations, edited"
    elif change == "materialize":
        assert second.materialize == "all" and len(second.stages) > len(first.stages)
    elif change == "table_map":
        assert second.table_map == (("wareflow-demo.demo", "other"),)
    elif change == "path":
        assert second.workflow.workflow.path == str(workflow)
    plan_cache.cached_plan(workflow, settings)  # and the new entry is used in turn
    assert len(validations) == 2


def _one_entry(cache: Path) -> Path:
    (entry,) = entries(cache)
    return entry


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "other pickle", "other key", "other magic"])
def test_a_broken_entry_is_ignored_and_rewritten(damage: str, workflow: Path, cache: Path, validations: list[str]):
    settings = settings_of(workflow)
    good = plan_cache.cached_plan(workflow, settings)
    entry = _one_entry(cache)
    data = entry.read_bytes()
    header = data[:data.index(b"\n", len(plan_cache.MAGIC)) + 1]
    entry.write_bytes({
        "truncated": data[:len(data) // 2],
        "garbage": header + os.urandom(2000),
        "empty": b"",
        "other pickle": header + pickle.dumps({"not": "a plan"}),
        "other key": plan_cache.MAGIC + b"0" * 64 + b"\n" + data[len(header):],
        "other magic": b"something else\n" + data,
    }[damage])
    again = plan_cache.cached_plan(workflow, settings)
    assert len(validations) == 2
    assert_same_plan(good, again)
    assert _one_entry(cache).read_bytes() == data  # rewritten whole
    plan_cache.cached_plan(workflow, settings)
    assert len(validations) == 2


def test_an_unusable_cache_directory_still_parses(workflow: Path, tmp_path: Path, validations: list[str],
                                                  monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "a file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(plan_cache.ENV, str(blocker / "plans"))  # cannot be created (works as root too)
    settings = settings_of(workflow)
    plans = [plan_cache.cached_plan(workflow, settings) for _ in range(2)]
    assert len(validations) == 2 and plans[0].stages == plans[1].stages


def test_an_entry_that_cannot_be_read_still_parses(workflow: Path, cache: Path, validations: list[str]):
    settings = settings_of(workflow)
    plan_cache.cached_plan(workflow, settings)
    entry = _one_entry(cache)
    entry.unlink()
    entry.mkdir()  # opening it fails with IsADirectoryError
    plan_cache.cached_plan(workflow, settings)
    assert len(validations) == 2


def test_an_unpicklable_plan_is_simply_not_cached(workflow: Path, cache: Path, validations: list[str],
                                                  monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(plan_cache, "_dumps", lambda plan: pickle.dumps(lambda: None))
    settings = settings_of(workflow)
    for _ in range(2):
        assert plan_cache.cached_plan(workflow, settings).stages
    assert len(validations) == 2 and entries(cache) == []


def test_a_workflow_that_fails_validation_raises_as_before_and_is_not_cached(workflow: Path, cache: Path):
    workflow.write_text("{ not json")
    for _ in range(2):
        with pytest.raises(WorkflowError, match="WF102"):
            plan_cache.cached_plan(workflow, settings_of(workflow))
    assert entries(cache) == []


def test_a_file_changed_while_it_is_validated_is_not_cached(workflow: Path, cache: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    real = registry.bind

    def editing(wf: Any) -> Any:
        workflow.write_text(workflow.read_text() + "\n")
        return real(wf)

    monkeypatch.setattr(registry, "bind", editing)
    plan_cache.cached_plan(workflow, settings_of(workflow))
    assert entries(cache) == []


@pytest.mark.parametrize("value", ["off", "OFF", "0", "false", "no", "none"])
def test_the_cache_can_be_turned_off(value: str, workflow: Path, tmp_path: Path, validations: list[str],
                                     monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(plan_cache.ENV, value)
    monkeypatch.chdir(tmp_path)  # a value mistaken for a directory would be created here
    assert plan_cache.cache_dir() is None
    settings = settings_of(workflow)
    for _ in range(2):
        plan_cache.cached_plan(workflow, settings)
    assert len(validations) == 2
    assert list(tmp_path.rglob("*" + plan_cache.SUFFIX)) == []


def test_the_default_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv(plan_cache.ENV)
    monkeypatch.setenv("AIRFLOW_HOME", str(tmp_path / "airflow"))
    assert plan_cache.cache_dir() == tmp_path / "airflow" / ".cache" / "wareflow" / "plans"
    monkeypatch.delenv("AIRFLOW_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert plan_cache.cache_dir() == tmp_path / "xdg" / "wareflow" / "plans"
    monkeypatch.setenv(plan_cache.ENV, "")  # empty: as if unset
    assert plan_cache.cache_dir() == tmp_path / "xdg" / "wareflow" / "plans"


WRITER = """
import sys
from pathlib import Path
from wareflow.airflow import plan_cache
from wareflow.airflow.settings import read_settings
path, folder, key, count = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
from wareflow.runner import load_plan
plan = load_plan(path, **plan_cache.plan_arguments(read_settings(path, {})))
print("ready", flush=True)
for _ in range(count):
    plan_cache._write(folder, key, plan_cache.SUFFIX, plan)
"""


def test_concurrent_writers_never_give_a_reader_half_an_entry(workflow: Path, cache: Path):
    """Two processes rewrite one entry over and over while this one reads it: every read is a whole plan."""
    key = plan_cache.entry_key(workflow, plan_cache.plan_arguments(settings_of(workflow)))
    entry = cache / (key + plan_cache.SUFFIX)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(workflow), str(cache), key, "150"], env=env,
                                stdout=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        for writer in writers:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        reads = 0
        deadline = time.monotonic() + 120
        while any(w.poll() is None for w in writers) and time.monotonic() < deadline:
            if entry.exists():
                plan = plan_cache._read(entry, key, Plan)
                assert isinstance(plan, Plan), "a reader met a partial entry"
                reads += 1
        assert all(w.wait(timeout=60) == 0 for w in writers)
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
            if writer.stdout is not None:
                writer.stdout.close()
    assert reads > 0
    assert [p.name for p in cache.iterdir() if p.name.startswith(".tmp-")] == []  # no leftovers
    assert isinstance(plan_cache._read(entry, key, Plan), Plan)


def test_sweep_removes_old_entries_extra_entries_and_dead_temporaries(cache: Path, monkeypatch: pytest.MonkeyPatch):
    cache.mkdir()
    now = time.time()
    day = 86400

    def entry(name: str, age_days: float) -> Path:
        path = cache / name
        path.write_bytes(b"x")
        os.utime(path, (now - age_days * day, now - age_days * day))
        return path

    stale = entry("stale" + plan_cache.SUFFIX, plan_cache.MAX_AGE_DAYS + 1)
    dead = entry(".tmp-dead" + plan_cache.SUFFIX, 1)
    live = entry(".tmp-live" + plan_cache.SUFFIX, 0)  # a writer at work right now
    recent = [entry(f"recent{i}" + plan_cache.SUFFIX, i) for i in range(5)]
    other = entry("README", 400)  # not ours
    monkeypatch.setattr(plan_cache, "MAX_ENTRIES", 3)
    assert plan_cache.sweep(cache) == 4
    assert not stale.exists() and not dead.exists() and live.exists() and other.exists()
    assert [p.exists() for p in recent] == [True, True, True, False, False]  # the least recently used go
    entry("stale2" + plan_cache.SUFFIX, plan_cache.MAX_AGE_DAYS + 1)
    assert plan_cache.sweep(cache) == 0  # swept less than an hour ago: not on every write
    assert plan_cache.sweep(cache, force=True) == 1


def test_a_write_sweeps_at_most_hourly_and_a_hit_keeps_its_entry(workflow: Path, cache: Path,
                                                                 monkeypatch: pytest.MonkeyPatch):
    settings = settings_of(workflow)
    plan_cache.cached_plan(workflow, settings)
    stamp = cache / plan_cache._SWEEP_STAMP
    assert stamp.exists()
    entry = _one_entry(cache)
    old = time.time() - (plan_cache.MAX_AGE_DAYS - 1) * 86400
    os.utime(entry, (old, old))
    plan_cache.cached_plan(workflow, settings)  # a hit on an entry not touched for a day refreshes it
    assert entry.stat().st_mtime > old + 86400
    os.utime(entry, (old - 2 * 86400, old - 2 * 86400))  # unused past the limit
    os.utime(stamp, (time.time() - 2 * plan_cache.SWEEP_EVERY,) * 2)
    other = workflow.with_name("other.json")
    shutil.copy(workflow, other)
    plan_cache.cached_plan(other, settings_of(other))  # a write, and the last sweep is old: sweeps
    assert not entry.exists() and len(entries(cache)) == 1


def _serialized(dag: Any) -> str:
    from airflow.serialization.serialized_objects import DagSerialization

    return json.dumps(DagSerialization.to_dict(dag), sort_keys=True, default=str)


def test_a_folder_gives_the_same_serialised_dags_cold_and_warm(tmp_path: Path, cache: Path, validations: list[str],
                                                              monkeypatch: pytest.MonkeyPatch):
    from wareflow.airflow import load_workflows

    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("*.py", "*.sh", "data", "__pycache__"))
    cold = {d: _serialized(dag) for d, dag in load_workflows(folder, conn_id="x").items()}
    # a parse stores each DAG's spec, not the plans (the first task to run stores its plan)
    assert len(validations) == len(cold) == len(list(cache.glob("*" + plan_cache.SPEC_SUFFIX))) == 3
    assert entries(cache) == []
    warm = {d: _serialized(dag) for d, dag in load_workflows(folder, conn_id="x").items()}
    assert len(validations) == 3  # all from the cache
    assert warm == cold
    monkeypatch.setenv(plan_cache.ENV, "off")
    assert {d: _serialized(dag) for d, dag in load_workflows(folder, conn_id="x").items()} == cold


def test_a_task_loads_its_plan_once_for_the_whole_run(tmp_path: Path, cache: Path, validations: list[str]):
    """Parse stores the spec; the first task that runs validates and stores the plan; the next ones read it."""
    from wareflow.airflow import load_workflows

    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("*.py", "*.sh", "data", "__pycache__"))
    dag = load_workflows(folder, conn_id="x")["wareflow_customers_near_stations"]
    assert len(validations) == 3 and entries(cache) == []
    first, second = (dag.get_task(t) for t in ("st_buffer", "save_customers_near_stations"))
    assert first.plan.stage("st_buffer").label == "ST Buffer"  # loaded when first needed: validated, stored
    assert len(validations) == 4 and len(entries(cache)) == 1
    again = load_workflows(folder, conn_id="x")["wareflow_customers_near_stations"].get_task(second.task_id)
    assert again.plan.stage(second.task_id).id == second.task_id  # a worker's next task: from the cache
    assert len(validations) == 4

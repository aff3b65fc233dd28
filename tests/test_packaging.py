"""The distribution as a user gets it: `python -m build` makes a wheel and an sdist that `twine check
--strict` passes, each holding what it should, and the wheel installed with the `airflow` extra into a
fresh venv is a provider Airflow lists, with a working `wareflow` command.

Everything is built from a copy of the repository in a temporary directory: a build in the tree would
leave `dist/`, `build/lib` (`build/` holds the demo) and `provider/*.egg-info`, and that egg-info beside
the package makes Python see the distribution twice (Airflow then loads its plugin twice). The copy
keeps tests/, bench/, dags_examples/ and docs/, so the checks that none of them ships mean something.

The fresh venv installs Airflow and its dependencies: about two minutes with pip's cache warm.
"""

from __future__ import annotations

import configparser
import contextlib
import email.parser
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from pathlib import Path, PurePosixPath

import pytest
from packaging.requirements import Requirement

import wareflow

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[1]
DISTRIBUTION = "airflow-provider-wareflow"
PACKAGES = ("wareflow", "airflow_provider_wareflow")  # the import packages under provider/
NOT_SHIPPED = ("tests", "bench", "dags_examples", "docs")
# Not copied for the build: the VCS, environments, local settings (Compose's .env), caches, earlier build
# output (`build/` is the demo's)
NOT_COPIED = {".git", ".venv", "venv", ".env", "build", "dist", ".airflow", ".pytest_cache", ".ruff_cache",
              ".mypy_cache", ".hypothesis"}
IGNORED = shutil.ignore_patterns("__pycache__", "*.py[cod]", "*.egg-info", "*.duckdb", "*.duckdb.wal")
BUILD_TIMEOUT_S = 600
INSTALL_TIMEOUT_S = 1200
COMMAND_TIMEOUT_S = 300
QUIET_PIP = ("--disable-pip-version-check", "--no-input", "-q")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without its Python and Airflow settings (the suite's AIRFLOW_HOME, its
    DAG folder, PYTHONPATH=.), plus `extra`."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("AIRFLOW", "WAREFLOW_", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"))}
    return {**env, **extra}


def _tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.splitlines()[-lines:])


def _run(args: list[str], *, timeout: float, what: str, **kwargs) -> subprocess.CompletedProcess[str]:
    """Run `args`; on a non-zero exit fail with the command and the tail of its output."""
    proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False, **kwargs)
    assert proc.returncode == 0, (f"{what} failed (exit {proc.returncode}): {' '.join(args)}\n"
                                  f"--- stdout (tail) ---\n{_tail(proc.stdout)}\n--- stderr (tail) ---\n"
                                  f"{_tail(proc.stderr)}")
    return proc


def _require(tool: str) -> None:
    """Skip without the build tool (`build`, `twine`); in CI (CI=true) that is an error instead.

    Asked of the installed distributions: the repository's `build/` folder imports as a namespace package."""
    try:
        importlib.metadata.version(tool)
    except importlib.metadata.PackageNotFoundError:
        message = f"{tool!r} is not installed: pip install build twine"
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def _shipped_sources() -> set[str]:
    """Every file of the import packages in the tree (modules, `py.typed`, data), as wheel paths."""
    found = set()
    for package in PACKAGES:
        for path in (ROOT / "provider" / package).rglob("*"):
            relative = path.relative_to(ROOT / "provider")
            if path.is_file() and "__pycache__" not in relative.parts and path.suffix not in {".pyc", ".pyo"}:
                found.add(relative.as_posix())
    return found


def _copy_tree(destination: Path) -> None:
    """The repository's files, without what a build must not see; a file another test process deletes
    while this copies is skipped (the suite may run beside this)."""

    def tolerant_copy(src: str, dst: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            shutil.copy2(src, dst)

    destination.mkdir()
    for entry in sorted(ROOT.iterdir()):
        if entry.name in NOT_COPIED or IGNORED(str(ROOT), [entry.name]):
            continue
        if entry.is_dir():
            shutil.copytree(entry, destination / entry.name, ignore=IGNORED, copy_function=tolerant_copy)
        else:
            shutil.copy2(entry, destination / entry.name)


@dataclass(frozen=True)
class Dists:
    wheel: Path
    sdist: Path
    log: str


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Dists:
    """The wheel and the sdist, built once per test process (`python -m build`: the sdist, then the wheel
    from it, each in an isolated environment) from a copy of the repository."""
    _require("build")
    work = tmp_path_factory.mktemp("packaging-build")
    _copy_tree(work / "src")
    proc = _run([sys.executable, "-m", "build", "--outdir", str(work / "dist"), str(work / "src")],
                timeout=BUILD_TIMEOUT_S, what="python -m build", cwd=work, env=_clean_env())
    wheels, sdists = sorted((work / "dist").glob("*.whl")), sorted((work / "dist").glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, f"expected one wheel and one sdist, got {wheels + sdists}"
    return Dists(wheels[0], sdists[0], proc.stdout + proc.stderr)


def _wheel_metadata(wheel: zipfile.ZipFile, dist_info: str) -> Message:
    return email.parser.Parser().parsestr(wheel.read(f"{dist_info}/METADATA").decode("utf-8"))


# --------------------------------------------------------------------------------------------------
# The built files
# --------------------------------------------------------------------------------------------------


def test_build_is_clean_and_twine_check_strict_passes(dists: Dists):
    _require("twine")
    version = _pyproject()["project"]["version"]
    assert dists.wheel.name == f"airflow_provider_wareflow-{version}-py3-none-any.whl"
    assert dists.sdist.name == f"airflow_provider_wareflow-{version}.tar.gz"
    # e.g. the TOML-table `license`, which setuptools stops building in 2027
    assert "deprecated" not in dists.log.lower(), _tail(dists.log)
    proc = _run([sys.executable, "-m", "twine", "check", "--strict", str(dists.wheel), str(dists.sdist)],
                timeout=COMMAND_TIMEOUT_S, what="twine check --strict")
    assert proc.stdout.count("PASSED") == 2, proc.stdout


def test_wheel_holds_the_packages_entry_points_and_metadata(dists: Dists):
    project = _pyproject()["project"]
    dist_info = f"airflow_provider_wareflow-{project['version']}.dist-info"
    with zipfile.ZipFile(dists.wheel) as wheel:
        names = set(wheel.namelist())
        metadata = _wheel_metadata(wheel, dist_info)
        entry_points = configparser.ConfigParser(delimiters=("=",))
        entry_points.optionxform = str  # type: ignore[assignment,method-assign]  # names are case-sensitive
        entry_points.read_string(wheel.read(f"{dist_info}/entry_points.txt").decode("utf-8"))

    # every module and data file of the packages (all subpackages, py.typed), and nothing else at the top
    packaged = {name for name in names if not name.startswith(f"{dist_info}/")}
    missing = _shipped_sources() - packaged
    assert not missing, f"files of provider/ missing from the wheel: {sorted(missing)}"
    assert "wareflow/py.typed" in packaged
    assert {PurePosixPath(name).parts[0] for name in names} == {*PACKAGES, dist_info}
    for folder in NOT_SHIPPED:
        assert not any(f"{folder}/" in name for name in names), f"{folder}/ is in the wheel"
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)
    assert f"{dist_info}/licenses/LICENSE" in names

    # the entry points of pyproject.toml, the Airflow provider's first
    assert entry_points["apache_airflow_provider"]["provider_info"] == "wareflow:get_provider_info"
    declared = {**project["entry-points"], "console_scripts": project["scripts"]}
    assert {group: dict(entry_points[group]) for group in entry_points.sections()} == declared

    assert metadata["Name"] == DISTRIBUTION and metadata["Version"] == project["version"] == wareflow.__version__
    assert metadata["License-Expression"] == "Apache-2.0"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert set(metadata.get_all("Provides-Extra")) == set(project["optional-dependencies"])
    requires = [Requirement(line) for line in metadata.get_all("Requires-Dist")]
    airflow = [r for r in requires if r.name == "apache-airflow"]
    assert len(airflow) == 1 and airflow[0].marker is not None, airflow
    assert airflow[0].marker.evaluate({"extra": "airflow"}) and not airflow[0].marker.evaluate({"extra": ""})
    assert airflow[0].specifier.contains("3.3.0") and not airflow[0].specifier.contains("3.4.0"), airflow
    assert metadata["Description-Content-Type"] == "text/markdown"


def test_sdist_holds_what_builds_the_wheel(dists: Dists):
    top = dists.sdist.name.removesuffix(".tar.gz")
    with tarfile.open(dists.sdist) as sdist:
        names = {PurePosixPath(name).relative_to(top).as_posix() for name in sdist.getnames() if name != top}
    assert {"pyproject.toml", "README.md", "LICENSE", "PKG-INFO", "CHANGELOG.md"} <= names
    sources = {f"provider/{path}" for path in _shipped_sources()}
    assert not sources - names, f"files of provider/ missing from the sdist: {sorted(sources - names)}"
    for folder in NOT_SHIPPED:
        assert not any(name == folder or name.startswith(f"{folder}/") for name in names), f"{folder}/ is in the sdist"
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)


# --------------------------------------------------------------------------------------------------
# The wheel installed into a fresh venv
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FreshVenv:
    root: Path
    bin: Path
    env: dict[str, str]
    home: Path  # AIRFLOW_HOME
    install_s: float  # how long pip took


@pytest.fixture(scope="module")
def fresh_venv(dists: Dists, tmp_path_factory: pytest.TempPathFactory) -> FreshVenv:
    """A new venv with the wheel and its `airflow` extra, nothing from this checkout or its venv visible."""
    work = tmp_path_factory.mktemp("packaging-venv")
    root, home = work / "venv", work / "airflow-home"
    home.mkdir()
    _run([sys.executable, "-m", "venv", str(root)], timeout=COMMAND_TIMEOUT_S, what="python -m venv")
    bindir = root / "bin"
    env = _clean_env(PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}", VIRTUAL_ENV=str(root),
                     AIRFLOW_HOME=str(home), AIRFLOW__CORE__LOAD_EXAMPLES="False",
                     # where a metadata DB would be: `airflow providers list` must not create one
                     AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=f"sqlite:///{home / 'airflow.db'}")
    started = time.perf_counter()
    _run([str(bindir / "python"), "-m", "pip", "install", *QUIET_PIP, f"{dists.wheel}[airflow]"],
         timeout=INSTALL_TIMEOUT_S, what="pip install of the wheel with [airflow]", env=env, cwd=work)
    seconds = time.perf_counter() - started
    print(f"\nfresh venv: pip install {dists.wheel.name}[airflow] took {seconds:.0f} s")
    return FreshVenv(root, bindir, env, home, seconds)


def test_fresh_venv_install_is_a_provider_airflow_lists(fresh_venv: FreshVenv, tmp_path: Path,
                                                        record_property: Callable[[str, object], None]):
    record_property("fresh_venv_install_s", round(fresh_venv.install_s, 1))
    version = _pyproject()["project"]["version"]
    run = dict(timeout=COMMAND_TIMEOUT_S, env=fresh_venv.env, cwd=tmp_path)

    listed = _run([str(fresh_venv.bin / "airflow"), "providers", "list", "-o", "json"],
                  what="airflow providers list", **run)
    try:
        listing = json.loads(listed.stdout)
        providers = {p["package_name"]: p for p in listing}
    except (ValueError, KeyError, TypeError) as exc:
        pytest.fail(f"airflow providers list -o json: unreadable output ({exc}):\n{_tail(listed.stdout)}\n"
                    f"{_tail(listed.stderr)}", pytrace=False)
    assert DISTRIBUTION in providers, f"{DISTRIBUTION} not listed; providers: {sorted(providers)}"
    assert providers[DISTRIBUTION]["version"] == version
    assert [p["package_name"] for p in listing].count(DISTRIBUTION) == 1
    assert not (fresh_venv.home / "airflow.db").exists(), "listing providers created a metadata DB"

    usage = _run([str(fresh_venv.bin / "wareflow"), "--help"], what="wareflow --help", **run)
    assert "validate" in usage.stdout and "compile" in usage.stdout, usage.stdout

    probe = (
        "import json, wareflow, airflow_provider_wareflow\n"
        "from importlib.metadata import distribution, entry_points\n"
        f"dist = distribution({DISTRIBUTION!r})\n"
        "loaded = {ep.group + ':' + ep.name: repr(ep.load()) for g in"
        " ('apache_airflow_provider', 'airflow.plugins', 'wareflow.components', 'console_scripts')"
        " for ep in entry_points(group=g) if ep.dist is not None and ep.dist.name == dist.name}\n"
        "print(json.dumps({'file': wareflow.__file__, 'shim': airflow_provider_wareflow.__file__,"
        " 'version': wareflow.__version__, 'dist_version': dist.version, 'entry_points': sorted(loaded),"
        " 'provider': wareflow.get_provider_info()['package-name']}))\n"
    )
    found = json.loads(_run([str(fresh_venv.bin / "python"), "-c", probe], what="importing wareflow", **run).stdout)
    site = fresh_venv.root.resolve()
    for key in ("file", "shim"):
        assert Path(found[key]).resolve().is_relative_to(site), f"{key} imported from {found[key]}, not the fresh venv"
        assert not Path(found[key]).resolve().is_relative_to(ROOT), found[key]
    assert found["version"] == found["dist_version"] == version
    assert found["provider"] == DISTRIBUTION
    assert found["entry_points"] == sorted([
        "apache_airflow_provider:provider_info", "airflow.plugins:wareflow_canvas",
        "wareflow.components:builtins", "console_scripts:wareflow"]), found["entry_points"]

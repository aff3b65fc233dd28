"""docker-compose.yaml and docker/Dockerfile, read (CI has no Docker engine to run them).

Values are checked as Compose would interpolate them with no variable set: each ``${VAR:-default}``
becomes its default. The examples' connection id and table mapping come from their sidecars.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
COMPOSE: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yaml").read_text(encoding="utf-8"))
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
DOCKERFILE = (ROOT / "docker" / "Dockerfile").read_text(encoding="utf-8")
SIDECARS = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "dags_examples").glob("*.wareflow.yaml")]

ONE_SHOT = {"airflow-init", "warehouse-init"}
COMPONENTS = {"airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-worker", "airflow-triggerer"}
VAR = re.compile(r"(?<!\$)\$\{(\w+)(?::?-([^}]*))?\}")


def defaults(value: Any) -> Any:
    """`value` as Compose interpolates it when no variable is set."""
    if isinstance(value, dict):
        return {k: defaults(v) for k, v in value.items()}
    if isinstance(value, list):
        return [defaults(v) for v in value]
    return VAR.sub(lambda m: m.group(2) or "", value).replace("$$", "$") if isinstance(value, str) else value


def pyproject() -> dict[str, Any]:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def env(service: str) -> dict[str, str]:
    raw = SERVICES[service].get("environment") or {}
    pairs = raw.items() if isinstance(raw, dict) else (item.split("=", 1) for item in raw)
    return {k: "" if v is None else str(v) for k, v in pairs}


def image_tag(image: str) -> str:
    name = defaults(image).split("@")[0]
    return name.rpartition(":")[2] if ":" in name.rpartition("/")[2] else ""


def test_the_stack_has_every_service():
    assert ONE_SHOT | COMPONENTS | {"redis", "postgres", "warehouse"} <= set(SERVICES)


def test_every_image_is_pinned_to_an_exact_version():
    for name, service in SERVICES.items():
        tag = image_tag(service["image"])
        assert "@sha256:" in service["image"] or (re.search(r"\d+\.\d+", tag) and "latest" not in tag), (name, tag)


def test_airflow_runs_celery_from_one_image():
    common = COMPOSE["x-airflow-common"]
    assert common["build"] == {"context": ".", "dockerfile": "docker/Dockerfile"}
    for name in COMPONENTS | ONE_SHOT:
        assert (SERVICES[name]["image"], SERVICES[name]["build"]) == (common["image"], common["build"]), name
    for name in COMPONENTS | {"airflow-init"}:
        config = defaults(env(name))
        assert config["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor", name
        assert config["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://redis:6379/"), name
        assert config["AIRFLOW__CELERY__RESULT_BACKEND"].startswith("db+postgresql://"), name
        assert "@postgres/" in config["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"], name
        assert config["AIRFLOW__CORE__LOAD_EXAMPLES"] == "false", name
        assert config["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://airflow-apiserver:8080/execution/"
        assert len(config["AIRFLOW__API_AUTH__JWT_SECRET"]) >= 64, "HS512 wants a key of 64 bytes or more"
        assert config["AIRFLOW__API__SECRET_KEY"], name
    assert SERVICES["airflow-worker"]["command"] == "celery worker"


def test_long_running_services_have_a_healthcheck_and_restart():
    for name in set(SERVICES) - ONE_SHOT:
        check = SERVICES[name].get("healthcheck") or {}
        assert check.get("test") and not check.get("disable"), f"{name}: no healthcheck"
        assert SERVICES[name].get("restart") in {"always", "unless-stopped", "on-failure"}, name
    for name in ONE_SHOT:
        assert SERVICES[name].get("restart", "no") == "no", name


def test_dependencies_wait_for_health_or_completion():
    for name, service in SERVICES.items():
        for dep, how in (service.get("depends_on") or {}).items():
            expected = "service_completed_successfully" if dep in ONE_SHOT else "service_healthy"
            assert dep in SERVICES and how["condition"] == expected, (name, dep, how)
    needs = {name: {"postgres", "redis", "airflow-init"} for name in COMPONENTS}
    needs.update({"airflow-init": {"postgres"}, "warehouse-init": {"warehouse"}})
    needs["airflow-worker"] |= {"warehouse-init", "airflow-apiserver"}  # tasks need data and the execution API
    for name, deps in needs.items():
        assert deps <= set(SERVICES[name]["depends_on"]), name


def test_both_databases_live_in_named_volumes():
    sources = set()
    for name in ("postgres", "warehouse"):
        mounts = dict(v.split(":")[1::-1] for v in SERVICES[name]["volumes"])  # target -> source
        source = mounts["/var/lib/postgresql/data"]
        assert source in (COMPOSE.get("volumes") or {}), f"{name}: {source} is not a named volume"
        sources.add(source)
    assert len(sources) == 2


def test_the_dag_folder_is_the_examples_read_only():
    assert (ROOT / "dags_examples" / "wareflow_dags.py").is_file()
    for name in COMPONENTS:
        folder = env(name).get("AIRFLOW__CORE__DAGS_FOLDER", "/opt/airflow/dags")
        assert f"./dags_examples:{folder}:ro" in SERVICES[name]["volumes"], name


def test_the_examples_connection_is_the_warehouse():
    conn_ids = {sidecar["conn_id"] for sidecar in SIDECARS}
    assert len(conn_ids) == 1, conn_ids
    variable = "AIRFLOW_CONN_" + conn_ids.pop().upper()
    warehouse = defaults(env("warehouse"))
    for name in COMPONENTS:
        conn = json.loads(defaults(env(name)[variable]))
        assert (conn["conn_type"], conn["host"], conn["port"]) == ("postgres", "warehouse", 5432), name
        assert (conn["login"], conn["password"], conn["schema"]) == (
            warehouse["POSTGRES_USER"], warehouse["POSTGRES_PASSWORD"], warehouse["POSTGRES_DB"])


def test_the_warehouse_is_loaded_by_the_projects_generator():
    init = SERVICES["warehouse-init"]
    words = [*init["entrypoint"], *init["command"]]
    assert (ROOT / "dags_examples" / "data" / "generate.py").is_file()
    assert words[:3] == ["python", "dags_examples/data/generate.py", "--postgres"], words
    dsn = dict(item.split("=", 1) for item in defaults(words[3]).split())
    assert (dsn["host"], dsn["dbname"], dsn["user"]) == (
        "warehouse", defaults(env("warehouse"))["POSTGRES_DB"], defaults(env("warehouse"))["POSTGRES_USER"])
    schema = words[words.index("--schema") + 1]
    assert all(schema in sidecar["table_map"].values() for sidecar in SIDECARS), schema
    assert f"./dags_examples:{init['working_dir']}/dags_examples:ro" in init["volumes"]


def test_published_ports_bind_to_loopback_and_workers_scale():
    for name, service in SERVICES.items():
        for port in service.get("ports") or []:
            host = port.get("host_ip") if isinstance(port, dict) else defaults(str(port)).rsplit(":", 2)[0]
            assert host in {"127.0.0.1", "[::1]", "localhost"}, (name, port)
    assert {"ports", "container_name"}.isdisjoint(SERVICES["airflow-worker"])
    assert [p.split(":")[-1] for p in SERVICES["airflow-apiserver"]["ports"]] == ["8080"]


def _strings(value: Any, key: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in _strings(v, str(k))]
    if isinstance(value, list):
        return [pair for v in value for pair in _strings(v, key)]
    return [(key, value)] if isinstance(value, str) else []


def test_no_secret_is_written_in_the_file():
    """Passwords, keys and secrets come from variables; a literal is only ever a ${VAR:-default}."""
    for key, text in _strings(COMPOSE):
        masked = VAR.sub("<var>", text)  # what is left is literal
        found = [masked] if re.search(r"(PASSWORD|SECRET|_KEY)$", key) else []
        found += re.findall(r"://[^:/@\s]+:([^@\s]+)@", masked)  # user:password@ in URLs
        found += re.findall(r'"password"\s*:\s*"([^"]*)"', masked)  # JSON connections
        found += re.findall(r"\bpassword=(\S+)", masked)  # libpq key=value strings
        assert all(value == "<var>" for value in found), (key, text)


def test_the_image_is_the_pinned_airflow_the_project_supports():
    froms = re.findall(r"^FROM\s+(\S+)", DOCKERFILE, re.MULTILINE)
    assert len(froms) == 1, froms
    repo, _, tag = froms[0].partition(":")
    exact = re.fullmatch(r"(\d+\.\d+\.\d+)-python\d+\.\d+", tag)
    assert repo == "apache/airflow" and exact, froms[0]
    version = exact[1]
    assert image_tag(COMPOSE["x-airflow-common"]["image"]) == tag
    pin = re.search(r'"apache-airflow==([^"]+)"', DOCKERFILE)
    assert pin and pin[1] in {version, "${AIRFLOW_VERSION}"}, "pip must keep apache-airflow at the image's version"
    assert not re.search(r"^(ARG|ENV)\s+AIRFLOW_VERSION", DOCKERFILE, re.MULTILINE)  # the base image's own
    extras = pyproject()["project"]["optional-dependencies"]
    airflow = next(Requirement(r) for r in extras["airflow"] if Requirement(r).name == "apache-airflow")
    assert airflow.specifier.contains(version), (airflow, version)
    wanted = re.search(r'"/opt/wareflow\[([\w,]+)\]"', DOCKERFILE)
    assert wanted and {"airflow", "postgres"} <= set(wanted[1].split(",")) <= set(extras), wanted


def test_the_image_copies_what_the_wheel_needs_and_the_context_leaves_out_the_rest():
    copied = {word.rstrip("/") for line in re.findall(r"^COPY\s+(.+)$", DOCKERFILE, re.MULTILINE)
              for word in line.split()[:-1] if not word.startswith("--")}
    config = pyproject()
    needed = {"pyproject.toml", config["project"]["readme"], *config["project"].get("license-files", [])}
    needed |= set(config["tool"]["setuptools"]["packages"]["find"]["where"])
    assert needed <= copied, needed - copied
    ignored = {line.strip().rstrip("/") for line in (ROOT / ".dockerignore").read_text().splitlines()}
    assert {".git", ".venv", "build", "tests"} <= ignored and not needed & ignored


def test_the_file_is_valid_against_the_compose_specification():
    """The Compose Specification's JSON schema, as check-jsonschema ships it (skipped where not installed)."""
    import jsonschema

    spec = importlib.util.find_spec("check_jsonschema")
    if spec is None or spec.origin is None:
        pytest.skip("check-jsonschema (which ships the Compose JSON schema) is not installed")
    schema_file = Path(spec.origin).parent / "builtin_schemas" / "vendor" / "compose-spec.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(defaults(COMPOSE))]
    assert not errors, errors

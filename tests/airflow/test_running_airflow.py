"""One broken workflow export never hides the others, in a REAL Airflow 3.3 (not DagBag).

A running dag-processor marks every DAG of a file with an import error stale: the UI shows none of
them and triggering returns 404. So a folder with a broken export, bad sidecars, a duplicate dag_id
and a workflow with copy-pasted nodes is served by a real dag-processor + scheduler + api-server on
loopback, and everything is checked through the REST API: the loader file has no import error, every
good DAG is active and its runs succeed, every broken file is a DAG of its own (tag
``wareflow:invalid``) naming its file and codes, whose one task fails with the same report. Then a
good file is broken while the servers run, and the other DAGs must stay active and keep running.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.airflow_servers import AirflowServers

pytest.importorskip("airflow")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "dags_examples"
EXAMPLE_IDS = ("wareflow_customer_segments", "wareflow_customers_near_stations", "wareflow_stores_by_neighborhood")
# dag_id -> run conf of every valid workflow of the folder
GOOD = {
    "wareflow_customer_segments": {"min_spend": 20},
    "wareflow_customers_near_stations": {"radius": 300},
    "wareflow_stores_by_neighborhood": {},
    "dup_b": {},  # keeps its dag_id against dup_a: its own stem is that id
    "duplicated_nodes": {},
    # H3 in a task process (the DuckDB functions registered on the task's connection), and a component that
    # reads a small result from the warehouse while the task compiles its stage (entropy weights)
    "h3_store_cells": {},
}
# dag_id -> (what its doc_md and its failing task's log must contain: file name, code patterns)
BROKEN = {
    "broken": ("broken.json", [r"WF203 node 'buf_1' \(native\.buffer\), input 'distance'"]),
    "not_json": ("not_json.json", ["WF102"]),
    "wareflow_bad_sidecar": ("bad_sidecar.wareflow.yaml", ["WF111"]),  # dag_id read from the sidecar, its schedule bad
    "bad_start": ("bad_start.wareflow.yaml", ["WF111"]),  # no dag_id in the sidecar: the file's default id
    "bad_yaml": ("bad_yaml.wareflow.yaml", ["WF110"]),
    "dup_a": ("dup_a.json", ["WF112"]),  # loses dag_id 'dup_b' to dup_b.json, falls back to its own stem
}
TRIGGERED_BROKEN = "broken"
BROKEN_LATER = "customer_segments.json"  # overwritten with bad JSON while the servers run
RUN_TIMEOUT_S = 240
PARSE_TIMEOUT_S = 90
TABLE_MAP = {"wareflow-demo.demo": "main"}
DUPLICATED_TABLES = ("main.stores_by_neighborhood_dups", "main.stores_by_neighborhood_dups_copy")


# --------------------------------------------------------------------------------------------------
# The DAG folder
# --------------------------------------------------------------------------------------------------


def _sidecar(folder: Path, stem: str, **settings: Any) -> None:
    (folder / f"{stem}.wareflow.yaml").write_text(json.dumps(settings))  # JSON is YAML


def _duckdb_conn(path: Path) -> str:
    return json.dumps({"conn_type": "duckdb", "host": str(path)})


def broken_workflow() -> dict[str, Any]:
    """A buffer with a negative distance: WF203 at validation."""
    return {"nodes": [
        {"id": "buf_1", "type": "generic", "data": {"name": "native.buffer", "inputs": [
            {"name": "geo", "value": "geom"}, {"name": "distance", "value": "-5"}]}},
        {"id": "s", "type": "source", "data": {"name": "ReadTable", "inputs": [{"name": "source", "value": "a.b"}]}}],
        "edges": [{"source": "s", "target": "buf_1", "sourceHandle": "out", "targetHandle": "source"}]}


def duplicated_nodes_workflow() -> dict[str, Any]:
    """stores_by_neighborhood with copy-pasted nodes: a second Save as Table (to another table) after
    the Order By, and a second Order By, identical to the first and reading the same Group By (a leaf)."""
    wf = json.loads((EXAMPLES / "stores_by_neighborhood.json").read_text())
    (order,) = [n for n in wf["nodes"] if n["data"]["name"] == "native.orderby"]
    (save,) = [n for n in wf["nodes"] if n["data"]["name"] == "native.saveastable"]
    (into_order,) = [e for e in wf["edges"] if e["target"] == order["id"]]
    (into_save,) = [e for e in wf["edges"] if e["target"] == save["id"]]
    _set_input(save, "destination", "wareflow-demo.demo.stores_by_neighborhood_dups")
    save_copy = {**json.loads(json.dumps(save)), "id": save["id"] + "-copy"}
    _set_input(save_copy, "destination", "wareflow-demo.demo.stores_by_neighborhood_dups_copy")
    order_copy = {**json.loads(json.dumps(order)), "id": order["id"] + "-copy"}
    wf["nodes"] += [save_copy, order_copy]
    wf["edges"] += [{**into_save, "id": into_save["id"] + "-copy", "target": save_copy["id"]},
                    {**into_order, "id": into_order["id"] + "-copy", "target": order_copy["id"]}]
    return wf


def h3_workflow() -> dict[str, Any]:
    """The demo stores counted per H3 cell (resolution 7): H3 from GeoPoint, then Group by; and the
    customers scored by the entropy weights of their age and spend (fetched while the task compiles)."""
    from tests.support.workflows import WorkflowBuilder, out

    wf = WorkflowBuilder(title="stores per H3 cell")
    cells = wf.node("native.h3frompoint", {"source": wf.source("wareflow-demo.demo.stores")}, pointscol="geom",
                    resolution="7")
    counts = wf.node("native.groupby", {"source": out(cells)}, columns="store_id,count", groupby="h3")
    wf.save(out(counts), "wareflow-demo.demo.store_h3_counts")
    scores = wf.node("native.spatialcompositeunsupervised", {"source": wf.source("wareflow-demo.demo.customers")},
                     indexcol="customer_id", scoringmethod="ENTROPY",
                     weights='[["age",1,false],["spend",1,false]]')
    wf.save(out(scores), "wareflow-demo.demo.customer_scores")
    return wf.to_dict()


def _set_input(node: dict[str, Any], name: str, value: Any) -> None:
    (entry,) = [i for i in node["data"]["inputs"] if i["name"] == name]
    entry["value"] = value


def build_dag_folder(folder: Path, data: Path) -> dict[str, str]:
    """The examples plus every kind of broken file; returns the connections (env vars) they use."""
    folder.mkdir()
    for path in EXAMPLES.iterdir():
        if path.suffix in (".json", ".yaml", ".py"):
            shutil.copy(path, folder)
    segments = EXAMPLES / "customer_segments.json"
    (folder / "broken.json").write_text(json.dumps(broken_workflow()))
    (folder / "not_json.json").write_text("{ not json")
    shutil.copy(EXAMPLES / "stores_by_neighborhood.json", folder / "bad_sidecar.json")
    _sidecar(folder, "bad_sidecar", dag_id="wareflow_bad_sidecar", schedule="every tuesday", table_map=TABLE_MAP)
    shutil.copy(segments, folder / "bad_start.json")
    _sidecar(folder, "bad_start", start_date="x", table_map=TABLE_MAP)
    shutil.copy(segments, folder / "bad_yaml.json")
    (folder / "bad_yaml.wareflow.yaml").write_text("dag_id: [unclosed\n")
    # two files claim dag_id 'dup_b'; each good DAG beyond the examples writes to a DuckDB file of its own
    # the examples' connection, and the default one (files whose sidecar names none)
    conns = {"AIRFLOW_CONN_WAREFLOW_EXAMPLES": _duckdb_conn(data), "AIRFLOW_CONN_WAREFLOW_DUCKDB": _duckdb_conn(data)}
    for stem in ("dup_a", "dup_b", "duplicated_nodes", "h3_store_cells"):
        shutil.copy(data, data.with_name(f"{stem}.duckdb"))
        conns[f"AIRFLOW_CONN_WAREFLOW_{stem.upper()}"] = _duckdb_conn(data.with_name(f"{stem}.duckdb"))
    for stem in ("dup_a", "dup_b"):
        shutil.copy(segments, folder / f"{stem}.json")
        _sidecar(folder, stem, dag_id="dup_b", conn_id=f"wareflow_{stem}", table_map=TABLE_MAP, retries=0)
    (folder / "duplicated_nodes.json").write_text(json.dumps(duplicated_nodes_workflow()))
    _sidecar(folder, "duplicated_nodes", conn_id="wareflow_duplicated_nodes", table_map=TABLE_MAP, retries=0)
    (folder / "h3_store_cells.json").write_text(json.dumps(h3_workflow()))
    _sidecar(folder, "h3_store_cells", conn_id="wareflow_h3_store_cells", table_map=TABLE_MAP, retries=0)
    return conns


@pytest.fixture
def servers(tmp_path: Path, sample_data: Path) -> Iterator[AirflowServers]:
    data = tmp_path / "demo.duckdb"
    shutil.copy(sample_data, data)
    conns = build_dag_folder(tmp_path / "dags", data)
    airflow = AirflowServers(tmp_path / "dags", home=tmp_path / "airflow", env=conns)  # logs kept with tmp_path
    with airflow:
        yield airflow
    assert not airflow.leftovers(), f"Airflow processes left running: {airflow.leftovers()}"


# --------------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------------


class Findings:
    """Every contract breach of a phase, so one run reports them all; `assert_none` fails with the list."""

    def __init__(self, servers: AirflowServers) -> None:
        self.servers = servers
        self.items: list[str] = []

    def check(self, ok: bool, message: str) -> None:
        if not ok:
            self.items.append(message)

    def assert_none(self, phase: str) -> None:
        listing = "\n".join(f"- {item}" for item in self.items)
        assert not self.items, f"{phase}: {len(self.items)} problem(s)\n{listing}\n{self.servers.logs()}"


def _tags(dag: dict[str, Any]) -> set[str]:
    return {t["name"] for t in dag["tags"]}


def _check_no_import_errors(servers: AirflowServers, findings: Findings) -> None:
    errors = servers.import_errors()
    findings.check(not errors, "import errors reported: " + "; ".join(
        f"{e['filename']}: {e['stack_trace'][-800:]}" for e in errors))


def _check_invalid_dag(servers: AirflowServers, findings: Findings, dag_id: str, file: str,
                       codes: list[str]) -> None:
    details = servers.dag_details(dag_id)
    tags = _tags(details)
    findings.check({"wareflow", "wareflow:invalid"} <= tags, f"{dag_id}: tags {sorted(tags)}")
    doc = details.get("doc_md") or ""
    findings.check(file in doc, f"{dag_id}: doc_md does not name {file!r}: {doc!r}")
    for code in codes:
        findings.check(re.search(code, doc) is not None, f"{dag_id}: doc_md lacks {code!r}: {doc!r}")
    description = details.get("description") or ""
    findings.check(description.startswith("Invalid workflow"), f"{dag_id}: description {description!r}")
    tasks = [t["task_id"] for t in servers.get(f"/api/v2/dags/{dag_id}/tasks")["tasks"]]
    findings.check(tasks == ["report_problems"], f"{dag_id}: tasks {tasks}")


def _run_all(servers: AirflowServers, confs: dict[str, dict[str, Any]], findings: Findings) -> None:
    """Unpause and trigger each DAG through REST, then wait (bounded) until every run succeeded."""
    runs = {}
    for dag_id, conf in confs.items():
        servers.unpause(dag_id)
        runs[dag_id] = servers.trigger(dag_id, conf)
    for dag_id, run_id in runs.items():
        state = servers.wait_for_run(dag_id, run_id, RUN_TIMEOUT_S)
        findings.check(state == "success",
                       f"{dag_id}: run {run_id} ended {state}\n{servers.failure_report(dag_id, run_id)}")
        # no failed try either: parallel stages on one DuckDB file wait for its lock instead of failing
        retried = {task: ti.get("try_number") for task, ti in servers.task_instances(dag_id, run_id).items()
                   if ti.get("try_number") != 1}
        findings.check(not retried, f"{dag_id}: tasks that needed more than one try: {retried}")


def _check_param_bounds(servers: AirflowServers, findings: Findings) -> None:
    """A variable's bound (a buffer distance > 0) is the param's JSON schema: the REST API refuses -5
    before any run exists; a conf key the workflow does not declare is accepted there but fails the run."""
    dag_id = "wareflow_customers_near_stations"
    refused = servers.request("POST", f"/api/v2/dags/{dag_id}/dagRuns", ok=(400, 422),
                              json={"logical_date": None, "conf": {"radius": -5}})
    findings.check("radius" in refused.text, f"{dag_id}: radius -5 refused with {refused.text[:300]}")
    run_id = servers.trigger(dag_id, {"radius": 300, "raduis": 5})
    state = servers.wait_for_run(dag_id, run_id, RUN_TIMEOUT_S)
    report = servers.failure_report(dag_id, run_id)
    findings.check(state == "failed" and "WF210" in report, f"{dag_id}: misspelt conf key: run {state}\n{report}")


def _row_counts(servers: AirflowServers, stem: str, tables: tuple[str, ...]) -> list[int | None]:
    """Rows of each table in the DuckDB file of conn `wareflow_<stem>` (None: no such table)."""
    from wareflow.warehouses.duckdb import connect

    path = json.loads(servers.extra_env[f"AIRFLOW_CONN_WAREFLOW_{stem.upper()}"])["host"]
    conn = connect(path, read_only=True)
    try:
        present = {r[0] for r in conn.sql("SELECT schema_name || '.' || table_name FROM duckdb_tables()").fetchall()}
        return [conn.sql(f"SELECT COUNT(*) FROM {t}").fetchone()[0] if t in present else None for t in tables]
    finally:
        conn.close()


def _check_loopback_only(servers: AirflowServers, findings: Findings) -> None:
    addresses = servers.listening()
    findings.check(bool(addresses), "found no listening socket of the servers")
    findings.check(all(host in ("127.0.0.1", "::1") for host, _ in addresses), f"listening on {sorted(addresses)}")


# --------------------------------------------------------------------------------------------------
# The test
# --------------------------------------------------------------------------------------------------


@pytest.mark.airflow_servers
def test_broken_exports_never_hide_the_other_dags(servers: AirflowServers):
    # Phase 1: the folder as found. Every DAG is active, the loader file has no import error.
    dags = servers.wait_for_dags(set(GOOD), PARSE_TIMEOUT_S)  # one parse writes the whole folder: the broken ones too
    findings = Findings(servers)
    _check_no_import_errors(servers, findings)
    _check_loopback_only(servers, findings)
    for dag_id in GOOD:
        findings.check("wareflow:invalid" not in _tags(dags[dag_id]), f"{dag_id}: valid DAG tagged invalid")
    for dag_id, (file, codes) in BROKEN.items():
        listed = dag_id in dags and not dags[dag_id]["is_stale"]
        findings.check(listed, f"{dag_id}: invalid DAG of {file} not listed as active")
        if listed:
            _check_invalid_dag(servers, findings, dag_id, file, codes)
    stray = sorted(d for d, v in dags.items() if not v["is_stale"] and d not in GOOD and d not in BROKEN)
    findings.check(not stray, f"unexpected DAGs: {stray}")

    # an invalid DAG runs its one task, which fails at once (no retry) and logs the problems
    assert TRIGGERED_BROKEN in dags, findings.items
    servers.unpause(TRIGGERED_BROKEN)
    run_id = servers.trigger(TRIGGERED_BROKEN)
    _run_all(servers, GOOD, findings)
    _check_param_bounds(servers, findings)
    state = servers.wait_for_run(TRIGGERED_BROKEN, run_id, RUN_TIMEOUT_S)
    findings.check(state == "failed", f"{TRIGGERED_BROKEN}: run ended {state}")
    tasks = servers.task_instances(TRIGGERED_BROKEN, run_id)
    report = tasks.get("report_problems", {})
    findings.check((report.get("state"), report.get("try_number")) == ("failed", 1),
                   f"report_problems: {report.get('state')} at try {report.get('try_number')}")
    if report.get("try_number"):
        log = servers.task_log(TRIGGERED_BROKEN, run_id, "report_problems", report["try_number"])
        file, codes = BROKEN[TRIGGERED_BROKEN]
        findings.check(file in log and all(re.search(c, log) for c in codes),
                       f"report_problems log lacks {file} / {codes}:\n{log[-3000:]}")
    rows = _row_counts(servers, "duplicated_nodes", DUPLICATED_TABLES)  # both copies of Save as Table wrote
    findings.check(rows == [24, 24], f"duplicated_nodes: rows of {DUPLICATED_TABLES}: {rows}")
    cells, scores = _row_counts(servers, "h3_store_cells", ("main.store_h3_counts", "main.customer_scores"))
    findings.check(bool(cells), f"h3_store_cells: main.store_h3_counts has {cells} rows")
    findings.check(bool(scores), f"h3_store_cells: main.customer_scores has {scores} rows")
    findings.assert_none("phase 1 (folder with broken files)")

    # Phase 2: break a good file while the servers run; after the next parse the others stay active.
    (servers.dags_folder / BROKEN_LATER).write_text("{ not json")
    now_broken = "wareflow_customer_segments"  # keeps the dag_id of its (still valid) sidecar
    servers.wait_until(lambda: "wareflow:invalid" in _tags(servers.dag_details(now_broken))
                       or servers.import_errors(), PARSE_TIMEOUT_S, f"{BROKEN_LATER} re-parsed", every_s=2)
    still_good = {d: c for d, c in GOOD.items() if d != now_broken}
    dags = servers.dags()
    findings = Findings(servers)
    _check_no_import_errors(servers, findings)
    stale = sorted(d for d in [*still_good, *BROKEN, now_broken] if d not in dags or dags[d]["is_stale"])
    findings.check(not stale, f"stale or missing after {BROKEN_LATER} broke: {stale}")
    findings.assert_none(f"phase 2 ({BROKEN_LATER} broken while running)")
    _check_invalid_dag(servers, findings, now_broken, BROKEN_LATER, ["WF102"])
    _run_all(servers, still_good, findings)
    findings.assert_none(f"phase 2 ({BROKEN_LATER} broken while running)")


def test_the_duplicated_nodes_workflow_has_one_stage_per_copy():
    """Guards the scenario above: the copy-pasted Order By is identical to its original, so the two
    would share a stage id if ids came from content alone."""
    from wareflow.components import bind
    from wareflow.model import parse_workflow
    from wareflow.plan import plan_workflow

    plan = plan_workflow(bind(parse_workflow(duplicated_nodes_workflow())))
    orders = [s for s in plan.stages if plan.workflow.components[s.output.node].id == "native.orderby"]
    assert len(orders) == 2 and orders[0].content_hash == orders[1].content_hash
    assert len({s.id for s in plan.stages}) == len(plan.stages)

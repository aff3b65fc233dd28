"""The `wareflow` command line, driven as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wareflow.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "dags_examples"
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_validate_ok_and_broken(tmp_path: Path):
    ok = invoke("validate", *map(str, sorted(EXAMPLES.glob("*.json"))))
    assert ok.exit_code == 0 and ok.output.count("valid (") == 3
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"nodes": [
        {"id": "s", "type": "source", "data": {"name": "ReadTable", "inputs": [{"name": "source", "value": "a.b"}]}},
        {"id": "n", "type": "generic", "data": {"name": "native.nope"}}],
        "edges": [{"source": "s", "target": "n", "sourceHandle": "out", "targetHandle": "source"}]}))
    (tmp_path / "worse.json").write_text("[")
    result = invoke("validate", str(bad), str(tmp_path / "worse.json"))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{bad}: WF201 node 'n' (native.nope): unknown component; run 'wareflow catalog' for the supported components",
        f"{tmp_path / 'worse.json'}: WF102 malformed workflow JSON at line 1, column 2: Expecting value",
    ]


def test_compile_prints_stages_in_order():
    result = invoke("compile", str(EXAMPLES / "customers_near_stations.json"), "--dialect", "postgres",
                    "--map", "wareflow-demo.demo=main", "--var", "radius=250")
    assert result.exit_code == 0, result.output
    stages = [line for line in result.output.splitlines() if line.startswith("-- stage ")]
    assert len(stages) == 3 and stages[0] == "-- stage st_buffer"
    assert "CAST(ST_BUFFER(CAST(geom AS GEOGRAPHY), (\n    250\n  )) AS GEOMETRY)" in result.output
    assert "main.customers" in result.output and "wareflow-demo" not in result.output


def test_compile_without_schema_says_which_table(tmp_path: Path):
    wf = json.loads((EXAMPLES / "customer_segments.json").read_text())
    for node in wf["nodes"]:
        node["data"].pop("schema", None)
    path = tmp_path / "noschema.json"
    path.write_text(json.dumps(wf))
    result = invoke("compile", str(path))
    assert result.exit_code == 1
    assert "WF301" in result.output and "wareflow-demo.demo.customers" in result.output
    schemas = tmp_path / "schemas.json"
    schemas.write_text(json.dumps({"wareflow-demo.demo.customers": [
        {"name": n, "type": t} for n, t in [("customer_id", "number"), ("name", "string"), ("age", "number"),
                                            ("segment", "string"), ("spend", "number"), ("signup", "date"),
                                            ("geom", "geography")]]}))
    assert invoke("compile", str(path), "--schemas", str(schemas)).exit_code == 0


def test_run_on_duckdb_and_catalog(tmp_path: Path):
    import sys

    sys.path.insert(0, str(EXAMPLES / "data"))
    import generate  # type: ignore[import-not-found]

    db = tmp_path / "x.duckdb"
    generate.write_duckdb(str(db), generate.build_tables(seed=1, stores=200, customers=300))
    result = invoke("run", str(EXAMPLES / "stores_by_neighborhood.json"), "--conn", f"duckdb:///{db}",
                    "--map", "wareflow-demo.demo=main")
    assert result.exit_code == 0, result.output
    assert "24 rows -> main.stores_by_neighborhood" in result.output
    bad_var = invoke("run", str(EXAMPLES / "stores_by_neighborhood.json"), "--conn", f"duckdb:///{db}",
                     "--var", "nope=1")
    assert bad_var.exit_code == 1 and "WF210" in bad_var.output
    catalog = json.loads(invoke("catalog", "--json").output)
    assert {c["id"] for c in catalog} >= {"native.buffer", "native.join", "ReadTable"}
    by_id = {c["id"]: c["dialects"] for c in catalog}
    assert len(by_id["native.join"]) == 8 and "synapse" not in by_id["native.buffer"]
    assert by_id["native.buffer"] == ["bigquery", "databricks", "duckdb", "oracle", "postgres", "redshift", "snowflake"]


@pytest.mark.postgis
def test_run_on_postgis(pg_dsn: str):
    import sys

    sys.path.insert(0, str(EXAMPLES / "data"))
    import generate  # type: ignore[import-not-found]

    generate.write_postgres(pg_dsn, generate.build_tables(seed=1, stores=200, customers=300))
    result = invoke("run", str(EXAMPLES / "customer_segments.json"), "--conn", pg_dsn,
                    "--map", "wareflow-demo.demo=main", "--materialize", "all")
    assert result.exit_code == 0, result.output
    assert "100 rows -> main.top_customers" in result.output


def test_run_on_snowflake_uri_through_fakesnow(tmp_path: Path):
    fakesnow = pytest.importorskip("fakesnow")
    with fakesnow.patch():
        import snowflake.connector

        conn = snowflake.connector.connect(account="acct", user="u", password="p", database="WAREFLOW",
                                           schema="MAIN")
        cur = conn.cursor()
        cur.execute("CREATE SCHEMA IF NOT EXISTS main")
        cur.execute("CREATE OR REPLACE TABLE main.people (id BIGINT, city VARCHAR, score DOUBLE)")
        cur.execute("INSERT INTO main.people VALUES (1, 'Madrid', 10), (2, 'Paris', 20), (3, 'Madrid', 30)")
        wf = {"title": "sf", "nodes": [
            {"id": "s", "type": "source", "data": {"name": "ReadTable", "inputs": [
                {"name": "source", "value": "main.people"}]}},
            {"id": "g", "type": "generic", "data": {"name": "native.groupby", "inputs": [
                {"name": "columns", "value": "score,sum"}, {"name": "groupby", "value": "city"}]}},
            {"id": "o", "type": "generic", "data": {"name": "native.saveastable", "inputs": [
                {"name": "destination", "value": "main.by_city"}]}}],
            "edges": [{"source": "s", "sourceHandle": "out", "target": "g", "targetHandle": "source"},
                      {"source": "g", "sourceHandle": "result", "target": "o", "targetHandle": "source"}]}
        path = tmp_path / "sf_workflow.json"
        path.write_text(json.dumps(wf))
        result = invoke("run", str(path), "--conn", "snowflake://u:p@acct/WAREFLOW/MAIN?warehouse=WH")
        assert result.exit_code == 0, result.output
        assert "2 rows -> main.by_city" in result.output
        cur.execute("SELECT city, score_sum FROM main.by_city ORDER BY city")
        assert cur.fetchall() == [("Madrid", 40.0), ("Paris", 20.0)]


def test_run_through_an_airflow_connection_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import sys

    sys.path.insert(0, str(EXAMPLES / "data"))
    import generate  # type: ignore[import-not-found]

    db = tmp_path / "x.duckdb"
    generate.write_duckdb(str(db), generate.build_tables(seed=1, stores=200, customers=300))
    monkeypatch.setenv("AIRFLOW_CONN_MY_WAREHOUSE", json.dumps({"conn_type": "duckdb", "host": str(db)}))
    result = invoke("run", str(EXAMPLES / "stores_by_neighborhood.json"), "--conn-id", "my_warehouse",
                    "--map", "wareflow-demo.demo=main")
    assert result.exit_code == 0, result.output
    assert "24 rows -> main.stores_by_neighborhood" in result.output
    both = invoke("run", str(EXAMPLES / "stores_by_neighborhood.json"), "--conn-id", "x", "--conn", "duckdb://")
    assert both.exit_code == 1 and "WF404" in both.output

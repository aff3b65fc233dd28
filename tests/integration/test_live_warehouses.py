"""Opt-in end-to-end runs on real warehouses.

Set ``WAREFLOW_IT_<WAREHOUSE>_CONN_ID`` (e.g. ``WAREFLOW_IT_BIGQUERY_CONN_ID=my_bq``) to an Airflow
connection, and ``WAREFLOW_IT_<WAREHOUSE>_SCHEMA`` to a schema/dataset the tests may write to
(default ``wareflow_it``). The sample data is loaded there, then every example workflow runs
through the connection's hook and its outputs are checked against DuckDB's for the same data.
Skipped when the variables are not set, which is the case in CI.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.support.load import load_tables
from wareflow.runner import load_plan, run_plan
from wareflow.sql.dialects import DIALECTS
from wareflow.warehouses.duckdb import connect as duckdb_connect
from wareflow.warehouses.hooks import connect_conn_id, dialect_for
from wareflow.warehouses.session import Session

EXAMPLES = Path(__file__).resolve().parents[2] / "dags_examples"
LIVE = {name: os.environ.get(f"WAREFLOW_IT_{name.upper()}_CONN_ID") for name in sorted(DIALECTS)}


@pytest.mark.parametrize("warehouse", sorted(DIALECTS))
@pytest.mark.parametrize("example", ["stores_by_neighborhood", "customers_near_stations", "customer_segments"])
def test_example_on_a_real_warehouse(warehouse: str, example: str, tmp_path: Path):
    conn_id = LIVE[warehouse]
    if not conn_id:
        pytest.skip(f"set WAREFLOW_IT_{warehouse.upper()}_CONN_ID to run on a real {warehouse}")
    schema = os.environ.get(f"WAREFLOW_IT_{warehouse.upper()}_SCHEMA", "wareflow_it")
    sys.path.insert(0, str(EXAMPLES / "data"))
    import generate  # type: ignore[import-not-found]

    tables = generate.build_tables(seed=11, stores=300, customers=500)
    dialect = dialect_for(conn_id)
    live = Session(connect_conn_id(conn_id, {"tool": "wareflow-it"}, dialect), dialect)
    load_tables(live, tables, schema)
    local_db = str(tmp_path / "ref.duckdb")
    generate.write_duckdb(local_db, tables, schema=schema)
    local = Session(duckdb_connect(local_db), DIALECTS["duckdb"]())
    results = {}
    for session in (live, local):
        plan = load_plan(EXAMPLES / f"{example}.json", table_map={"wareflow-demo.demo": schema})
        results[session.dialect.name] = {
            r.target.lower(): sorted(map(repr, session.fetch(f"SELECT COUNT(*) FROM {r.target}")))
            for r in run_plan(plan, session) if not r.target.lower().startswith("wareflow_")}
    assert results[dialect.name] == results["duckdb"]

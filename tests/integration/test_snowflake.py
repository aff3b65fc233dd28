"""Snowflake semantics through fakesnow, driven by Airflow's SnowflakeHook: the same workflows and
data give the same rows as on DuckDB. fakesnow has no GEOGRAPHY, so spatial components are covered
by the transpile matrix (tests/sql/test_matrix.py) instead."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest

from tests.support.workflows import WorkflowBuilder, out
from wareflow.components import bind
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import run_plan
from wareflow.sql.dialects import get_dialect
from wareflow.warehouses.duckdb import connect as duckdb_connect
from wareflow.warehouses.hooks import connect_conn_id
from wareflow.warehouses.session import Session

fakesnow = pytest.importorskip("fakesnow")

PEOPLE = [("id", "BIGINT"), ("name", "VARCHAR"), ("age", "BIGINT"), ("city", "VARCHAR"), ("score", "DOUBLE")]
ROWS = [(1, "Ann", 34, "Madrid", 10.0), (2, "Bob", 17, "Paris", 20.0), (3, "O'Neil", None, "Madrid", 30.0),
        (4, "Dee", 51, None, None)]
CITIES = [("Madrid", "ES"), ("Paris", "FR"), ("Rome", "IT")]
CONN = {"conn_type": "snowflake", "login": "wareflow", "password": "secret", "schema": "MAIN",
        "extra": {"account": "acct", "database": "WAREFLOW", "warehouse": "WH"}}


def _load(cur: Any, literal: Callable[[Any], str]) -> None:
    cur.execute("CREATE SCHEMA IF NOT EXISTS main")
    cur.execute(f"CREATE OR REPLACE TABLE main.people ({', '.join(f'{n} {t}' for n, t in PEOPLE)})")
    cur.execute("CREATE OR REPLACE TABLE main.cities (city VARCHAR, country VARCHAR)")
    for row in ROWS:
        cur.execute(f"INSERT INTO main.people VALUES ({', '.join(literal(v) for v in row)})")
    for row in CITIES:
        cur.execute(f"INSERT INTO main.cities VALUES ({', '.join(literal(v) for v in row)})")


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    return repr(value) if not isinstance(value, str) else "'" + value.replace("'", "''") + "'"


@pytest.fixture
def snowflake(monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    monkeypatch.setenv("AIRFLOW_CONN_WAREFLOW_SNOWFLAKE", json.dumps(CONN))
    with fakesnow.patch():
        conn = connect_conn_id("wareflow_snowflake", {"tool": "wareflow-tests"})  # through SnowflakeHook
        cur = conn.cursor()
        _load(cur, _literal)
        yield Session(conn, get_dialect("snowflake"))
        conn.close()


@pytest.fixture
def duck() -> Iterator[Session]:
    conn = duckdb_connect()
    _load(conn.cursor(), _literal)
    yield Session(conn, get_dialect("duckdb"))
    conn.close()


def _case_where(wf: WorkflowBuilder) -> None:
    w = wf.node("native.where", {"source": wf.source("main.people")}, expression="age >= 18 OR city = 'Paris'")
    wf.save(out(w, "match"), "main.out")
    wf.save(out(w, "unmatch"), "main.out2")


def _case_chain(wf: WorkflowBuilder) -> None:
    f = wf.node("native.wheresimplified", {"source": wf.source("main.people")}, column="name", operator="not equal",
                value="Bob")
    c = wf.node("native.selectexpression", {"source": out(f, "match")}, column="bonus",
                expression="IFNULL(score, 0) * 2")
    cw = wf.node("native.casewhen", {"source": out(c)}, newcolumn="band", **{"else": "adult"}, conditions=json.dumps(
        [{"column": "age", "conditions": [{"condition": ">=", "value": "50", "return": "senior"},
                                          {"condition": "IS NULL", "value": "", "return": "unknown"}]}]))
    r = wf.node("native.renamecolumn", {"source": out(cw)}, column="name", newname="person")
    d = wf.node("native.dropcolumn", {"source": out(r)}, column=["city"])
    n = wf.node("native.normalize", {"source": out(d)}, column="bonus")
    o = wf.node("native.orderby", {"table": out(n)}, column="bonus", desc=True)
    wf.save(out(wf.node("native.limit", {"source": out(o)}, limit="2")), "main.out")


def _case_select_groupby(wf: WorkflowBuilder) -> None:
    s = wf.node("native.select", {"table": wf.source("main.people")}, select="id, city, UPPER(name) AS up, score")
    g = wf.node("native.groupby", {"source": out(s)}, columns="score,sum,id,count,up,max", groupby="city")
    wf.save(out(g), "main.out")


def _case_joins(wf: WorkflowBuilder) -> None:
    for i, kind in enumerate(("Inner", "Left", "Right", "Full outer")):
        j = wf.node("native.join", {"maintable": wf.source("main.people"), "secondarytable": wf.source("main.cities")},
                    maincolumn="city", secondarycolumn="city", jointype=kind)
        wf.save(out(j), f"main.out{i or ''}")
    c = wf.node("native.crossjoin", {"maintable": wf.source("main.people"), "secondarytable": wf.source("main.cities")})
    wf.save(out(c), "main.cross")


def _case_customsql(wf: WorkflowBuilder) -> None:
    sql = "SELECT p.city, COUNT(*) AS n FROM `$a` p JOIN $b c ON p.city = c.city GROUP BY p.city"
    c = wf.node("native.customsql", {"sourcea": wf.source("main.people"), "sourceb": wf.source("main.cities")}, sql=sql)
    wf.save(out(c), "main.out")


def _case_append(wf: WorkflowBuilder) -> None:
    wf.save(wf.source("main.cities"), "main.out", append=True)


CASES = {f.__name__[6:]: f for f in (_case_where, _case_chain, _case_select_groupby, _case_joins, _case_customsql,
                                     _case_append)}


def _rows(session: Session, table: str) -> list[tuple[Any, ...]]:
    def plain(v: Any) -> Any:
        return round(float(v), 6) if isinstance(v, Decimal | float) else v

    return sorted((tuple(plain(v) for v in r) for r in session.fetch(f"SELECT * FROM {table}")), key=repr)


@pytest.mark.parametrize("case", CASES)
def test_snowflake_through_its_hook_matches_duckdb(case: str, snowflake: Session, duck: Session):
    wf = WorkflowBuilder(title=case)
    CASES[case](wf)
    plan = plan_workflow(bind(parse_workflow(wf.to_dict())))
    outputs = {}
    for session in (snowflake, duck):
        results = run_plan(plan, session, run_key="run-1")
        if case == "append":
            run_plan(plan, session, run_key="run-1")  # a retry: nothing appended twice
        saved = [r for r in results if not r.target.lower().startswith("wareflow_")]  # the rest was dropped
        outputs[session.dialect.name] = {r.target.lower(): _rows(session, r.target) for r in saved}
        assert all(session.describe(tuple(r.target.replace('"', "").split("."))) for r in saved)
    assert outputs["snowflake"] == outputs["duckdb"]
    assert any(outputs["duckdb"].values())


def test_column_names_follow_snowflake_case_rules(snowflake: Session):
    wf = WorkflowBuilder()
    _case_chain(wf)
    run_plan(plan_workflow(bind(parse_workflow(wf.to_dict()))), snowflake)
    columns = [c.name for c in snowflake.describe(("main", "out")) or ()]
    assert columns == ["ID", "AGE", "SCORE", "BONUS", "BAND", "PERSON", "BONUS_NORM"]


def test_operator_runs_a_stage_through_snowflake_hook(snowflake: Session, monkeypatch: pytest.MonkeyPatch):
    from wareflow.airflow.operator import WareflowOperator

    wf = WorkflowBuilder(title="op")
    _case_select_groupby(wf)
    plan = plan_workflow(bind(parse_workflow(wf.to_dict())))
    (stage,) = plan.stages
    op = WareflowOperator(task_id=stage.id, plan=plan, stage_id=stage.id, conn_id="wareflow_snowflake")
    context = {"params": {}, "run_id": "manual__1", "dag": None}
    op.render_template_fields(context)
    assert op._dialect().name == "snowflake"
    summary = op.execute(context)
    assert (summary["table"], summary["rows"], summary["warehouse"]) == ('main."OUT"', 3, "snowflake")
    assert summary["query_ids"] and len(summary["query_ids"]) == summary["statements"]  # Snowflake query ids
    # compiled in execute; the Rendered Template view gets the SQL after the run
    assert 'CREATE OR REPLACE TABLE main."OUT" AS' in op.sql and "COUNT(id) AS id_count" in op.sql

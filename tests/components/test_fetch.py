"""Components that read small results while they build (`BuildContext.fetch`): the fetch reads the
stage's CTEs and the node's steps as built (a step PostgreSQL makes a scratch table is read as a CTE: the
table does not exist yet), its rows come back into the build, and without a warehouse the statements show
``:placeholders`` where the numbers go."""

from __future__ import annotations

import pytest
import sqlglot
from sqlglot import exp

from tests.support.workflows import WorkflowBuilder, out
from wareflow.components import bind
from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.registry import CATALOG, catalog
from wareflow.errors import CompileError
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import compile_plan
from wareflow.sql import ops
from wareflow.sql.dialects import get_dialect
from wareflow.sql.relation import Column, Query, Rel, alias, col
from wareflow.sql.usersql import literal

PEOPLE = [("id", "number"), ("name", "string"), ("age", "number"), ("city", "string"), ("score", "number"),
          ("geom", "geography")]


class Centred(Component):
    """Test component: each row's score minus the mean score of the rows within `distance` metres of the
    first person (a probe step), the mean fetched and written into the final query as a number."""

    fetches = True
    operations_used = (ops.BUFFER, ops.INTERSECTS)
    distance = Param.number(default=1_000_000, gt=0)
    rows = Param("integer", default=1, ge=1)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        first = exp.select(alias(ctx.fn(ops.BUFFER, geo=col("geom"), meters=ctx.value(self.distance)), "area")
                           ).from_(source.table(), copy=False).where("id = 1", copy=False)
        area = ctx.step("area", Query(first, (Column("area", "geography"),)), shape="probe")
        near = exp.select(exp.column("score", "s")).from_(source.table("s"), copy=False).join(
            area.table("a"), on=ctx.fn(ops.INTERSECTS, a=exp.column("geom", "s"), b=exp.column("area", "a")),
            copy=False)
        scores = ctx.step("near", Query(near, (Column("score", "number"),)))
        mean = exp.select(alias(exp.Avg(this=col("score")), "mean")).from_(scores.table(), copy=False)
        if self.rows > 1:  # asks for more than aggregates
            mean = sqlglot.parse_one(f"SELECT * FROM generate_series(1, {self.rows})")
        rows = ctx.fetch("mean", Query(mean, (Column("mean", "number"),)))
        value = ctx.placeholder("mean") if rows is None else literal(float(rows[0][0]))
        result = exp.select(col("id"), alias(exp.Sub(this=col("score"), expression=value), "centred")).from_(
            source.table(), copy=False)
        return ctx.finish(Query(result, (Column("id", "number"), Column("centred", "number"))))


@pytest.fixture
def centred(monkeypatch):
    catalog()
    Centred.id, Centred.title, Centred.category = "test.centred", "Centred", "Test"
    monkeypatch.setitem(CATALOG, "test.centred", Centred)

    def make(**params: str) -> WorkflowBuilder:
        wf = WorkflowBuilder(title="fetch")
        where = wf.node("native.where", {"source": wf.source("main.people", schema=PEOPLE)}, expression="age > 0")
        wf.save(out(wf.node("test.centred", {"source": out(where, "match")}, **params)), "main.centred")
        return wf

    return make


def test_the_fetched_mean_is_written_into_the_statement(engine, run_workflow, centred):
    run_workflow(engine, centred())
    people = engine.rows("SELECT id, score, geom IS NOT NULL FROM main.people WHERE age > 0 ORDER BY id")
    got = dict(engine.rows("SELECT id, centred FROM main.centred"))
    assert len(got) == len(people)
    near = engine.rows("SELECT AVG(p.score) FROM main.people p, main.people f WHERE f.id = 1 AND p.age > 0 AND "
                       + ("ST_DWithin(p.geom::geography, f.geom::geography, 1000000)" if engine.name == "postgis"
                          else "ST_Distance_Sphere(p.geom, f.geom) <= 1000000"))[0][0]
    assert near is not None
    for pid, score, _ in people:
        assert got[pid] == (None if score is None else pytest.approx(score - near, abs=1e-6))
    # the probe step PostgreSQL made a table is gone; the fetch read it as a CTE
    assert engine.rows("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'wareflow_test%'") == []


def test_without_a_warehouse_the_sql_shows_the_fetch_and_the_placeholder(centred):
    plan = plan_workflow(bind(parse_workflow(centred().to_dict())))
    for name in ("duckdb", "postgres"):
        dialect = get_dialect(name)
        (stage,) = compile_plan(plan, dialect)
        (key, query), = stage.fetches
        assert key == "test_centred_1_mean"
        text = query.sql(dialect.sqlglot_dialect)
        # the upstream node and the node's steps, as CTEs: no scratch table is read
        assert "where_1" in text and "test_centred_1_area" in text and "wareflow_" not in text
        sql = stage.sql(dialect)
        assert sql[0].startswith("-- read while compiling: test_centred_1_mean")
        assert any("test_centred_1_mean" in s for s in sql[1:])  # :name, %(name)s: the dialect's marker


def test_reading_more_than_aggregates_is_refused(engine, run_workflow, centred):
    with pytest.raises(CompileError) as info:
        run_workflow(engine, centred(rows="10001"))
    assert info.value.issues[0].code == "WF408"


def test_a_fetch_gets_what_its_functions_need_first(centred, tmp_path):
    """On a DuckDB connection another hook opened (no H3 functions yet), a fetch that reads an H3 node fused
    before it gets them installed first, as the stage's statements would."""
    import duckdb

    from wareflow.runner import run_plan
    from wareflow.sql.dialects import get_dialect
    from wareflow.warehouses.duckdb import spatial_extension_path
    from wareflow.warehouses.session import Session

    conn = duckdb.connect(str(tmp_path / "foreign.duckdb"))
    conn.execute(f"LOAD '{spatial_extension_path()}'")
    conn.execute("CREATE TABLE people AS SELECT 1 AS id, 'a' AS name, 30 AS age, 'x' AS city, 10.0 AS score, "
                 "ST_Point(2.35, 48.85) AS geom UNION ALL SELECT 2, 'b', 40, 'y', 20.0, ST_Point(2.36, 48.86)")
    assert not conn.execute("SELECT 1 FROM duckdb_functions() WHERE function_name = 'h3_latlng_to_cell_string'"
                            ).fetchall()
    wf = WorkflowBuilder(title="fetch after h3")
    cells = wf.node("native.h3frompoint", {"source": wf.source("people", schema=PEOPLE)}, pointscol="geom",
                    resolution="9")
    wf.save(out(wf.node("test.centred", {"source": out(cells)})), "centred")
    plan = plan_workflow(bind(parse_workflow(wf.to_dict())))
    run_plan(plan, Session(conn, get_dialect("duckdb")))
    assert sorted(conn.execute("SELECT id, centred FROM centred").fetchall()) == [(1, -5.0), (2, 5.0)]
    conn.close()

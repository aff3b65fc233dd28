"""Reused intermediates (`reuse_intermediates`): only what changed runs again, proved by the ledger and the
tables' identity (never by timing); BigQuery and Snowflake freshness through their generated SQL."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import sqlglot

from tests.support.engines import Engine
from tests.support.workflows import Out, WorkflowBuilder, out
from wareflow.compile.compiler import Compiler
from wareflow.components import bind
from wareflow.errors import CompileError
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.plan.ir import Plan
from wareflow.runner import run_plan
from wareflow.sql.dialects import get_dialect
from wareflow.sql.relation import Column, table_ref
from wareflow.warehouses import reuse
from wareflow.warehouses.session import Session

LEDGER = reuse.LEDGER_TABLE
DAY = 86400


def flow(threshold: str = "0", plus: str = "s2 + 1", saves: bool = True) -> dict[str, Any]:
    """people -> where -> scaled (read twice: a stage) -> plus (read twice: a stage) -> saves or leaves."""
    wf = WorkflowBuilder(title="reuse")
    wf.variable("k", "Number", "1")
    adults = wf.node("native.where", {"source": wf.source("main.people")}, id="adults",
                     expression=f"score > {threshold}")
    scaled = wf.node("native.selectexpression", {"source": Out(adults, "match")}, id="scaled", column="s2",
                     expression="score * @k")
    plus = wf.node("native.selectexpression", {"source": out(scaled)}, id="plus", column="s3", expression=plus)
    if saves:
        wf.save(out(scaled), "main.out_scaled", id="save_scaled")
        wf.save(out(plus), "main.out_plus", id="save_plus")
        wf.save(out(plus), "main.out_plus_again", id="save_plus_again")
    else:  # leaves only: every table the run writes is a reused one
        for i in range(2):
            wf.node("native.selectexpression", {"source": out(plus)}, id=f"leaf{i}", column=f"l{i}", expression="s3")
    return wf.to_dict()


def plan_of(data: dict[str, Any], table_map: dict[str, str] | None = None) -> Plan:
    return plan_workflow(bind(parse_workflow(data)), table_map=table_map or {})


def run(engine: Engine, data: dict[str, Any], session: Session | None = None, **kw: Any) -> dict[str, reuse.Decision]:
    """Run with reuse; the decision per stage id."""
    decisions: dict[str, reuse.Decision] = {}
    run_plan(plan_of(data, kw.pop("table_map", None)), session or engine.session, reuse=True,
             on_decision=lambda s, d: decisions.__setitem__(s.id, d), **kw)
    return decisions


def ledger(engine: Engine) -> dict[str, tuple[Any, ...]]:
    """table -> (cache_key, built_epoch_s, built_by, row_count, complete)."""
    rows = engine.rows(f"SELECT table_name, cache_key, built_epoch_s, built_by, row_count, complete FROM {LEDGER}")
    return {r[0]: r[1:] for r in rows}


def identity(engine: Engine, table: str) -> Any:
    """The catalog's id of `table`: a table rebuilt (dropped and created) gets a new one."""
    if engine.name == "duckdb":
        return engine.rows(f"SELECT table_oid FROM duckdb_tables() WHERE table_name = '{table}'")
    return engine.rows(f"SELECT to_regclass('{table}')::oid")


def execute(engine: Engine, sql: str) -> None:
    cur = engine.conn.cursor()
    cur.execute(sql)
    engine.conn.commit()
    cur.close()


def results(engine: Engine) -> list[Any]:
    return [engine.table(t, order_by="id") for t in ("main.out_scaled", "main.out_plus", "main.out_plus_again")]


def test_a_second_run_of_an_unchanged_workflow_rebuilds_nothing(engine: Engine):
    first = run(engine, flow())
    assert {d.fresh for d in first.values()} == {False} and len(first) == 2  # the two intermediates
    built, tables = ledger(engine), {d.table: identity(engine, d.table) for d in first.values()}
    assert set(built) == set(tables) and all(row[-1] for row in built.values())
    before = results(engine)

    second = run(engine, flow())
    assert all(d.fresh for d in second.values()), [d.message for d in second.values()]
    assert {d.table for d in second.values()} == set(tables)
    assert ledger(engine) == built  # no row rewritten: same build time, same run
    assert {t: identity(engine, t) for t in tables} == tables  # the very same tables
    assert results(engine) == before
    scaled = stage_of(second, "scaled", flow())
    assert scaled.message.startswith(f"reusing {scaled.table}: built ")
    assert "TTL 24 h" in scaled.message and "keeps no last-modified time" in scaled.message
    assert scaled.result().statements == 0 and scaled.result().rows == 3


def stage_of(decisions: dict[str, reuse.Decision], node: str, data: dict[str, Any]) -> reuse.Decision:
    plan = plan_of(data)
    return decisions[next(s.id for s in plan.stages if s.output.node == node)]


def test_changing_a_parameter_rebuilds_that_stage_and_downstream_and_reuses_upstream(engine: Engine):
    run(engine, flow())
    changed = flow(plus="s2 + 100")
    decisions = run(engine, changed)
    assert stage_of(decisions, "scaled", changed).fresh
    plus = stage_of(decisions, "plus", changed)
    assert not plus.fresh and plus.reason == "not built yet"
    assert engine.table("main.out_plus", order_by="id")[0][-1] == 110.0  # Ann: score 10 * 1 + 100

    upstream = flow(threshold="15", plus="s2 + 100")  # a change upstream: every stage after it is new
    decisions = run(engine, upstream)
    assert [d.fresh for d in decisions.values()] == [False, False]
    assert len(ledger(engine)) == 5  # scaled and plus, plus +100, then both after the threshold


def test_an_expired_table_is_rebuilt_and_so_is_every_table_built_from_it(engine: Engine):
    first = run(engine, flow())
    scaled, plus = stage_of(first, "scaled", flow()).table, stage_of(first, "plus", flow()).table
    execute(engine, f"UPDATE {LEDGER} SET built_epoch_s = built_epoch_s - {2 * DAY} WHERE table_name = '{scaled}'")
    old = identity(engine, plus)
    decisions = run(engine, flow())
    expired = stage_of(decisions, "scaled", flow())
    assert not expired.fresh and expired.reason.startswith("expired: built 2 d ago (TTL 24 h)")
    downstream = stage_of(decisions, "plus", flow())
    assert not downstream.fresh and "was rebuilt" in downstream.reason and scaled in downstream.reason
    assert identity(engine, plus) != old
    again = run(engine, flow())
    assert all(d.fresh for d in again.values())


def test_a_ttl_of_zero_always_rebuilds(engine: Engine):
    run(engine, flow())
    decisions = run(engine, flow(), reuse_ttl_s=0)
    assert not any(d.fresh for d in decisions.values())
    assert stage_of(decisions, "scaled", flow()).reason.startswith("expired")


def test_a_variable_value_change_rebuilds(engine: Engine):
    first = run(engine, flow())
    second = run(engine, flow(), variables={"k": 2})
    assert not any(d.fresh for d in second.values())
    assert {d.table for d in second.values()}.isdisjoint({d.table for d in first.values()})
    assert engine.table("main.out_scaled", order_by="id")[0][-1] == 20.0
    back = run(engine, flow())  # the first value's tables are still there, and fresh
    assert all(d.fresh for d in back.values())


def test_a_missing_table_with_a_ledger_row_is_rebuilt(engine: Engine):
    first = run(engine, flow())
    plus = stage_of(first, "plus", flow()).table
    execute(engine, f"DROP TABLE {plus}")
    decisions = run(engine, flow())
    assert stage_of(decisions, "scaled", flow()).fresh
    missing = stage_of(decisions, "plus", flow())
    assert not missing.fresh and missing.reason == "its table is missing (the ledger row outlived it)"
    assert len(engine.table(plus)) == 3


def test_the_cleanup_keeps_reused_tables_and_drops_those_long_expired(engine: Engine):
    first = run(engine, flow())
    tables = [d.table for d in first.values()]
    assert all(identity(engine, t) != [(None,)] and identity(engine, t) for t in tables)
    orphan = run(engine, flow(plus="s2 + 7"))  # an edit: the old 'plus' table is no longer built by anyone
    old_plus = stage_of(first, "plus", flow()).table
    assert stage_of(orphan, "plus", flow(plus="s2 + 7")).table != old_plus
    assert len(engine.table(old_plus)) == 3  # kept: within its TTL
    execute(engine, f"UPDATE {LEDGER} SET built_epoch_s = built_epoch_s - {DAY + reuse.SWEEP_GRACE_S + 60} "
                    f"WHERE table_name = '{old_plus}'")
    again = run(engine, flow(plus="s2 + 7"))
    assert all(d.fresh for d in again.values())
    assert old_plus not in ledger(engine)
    assert identity(engine, old_plus) in ([], [(None,)])  # dropped by the end of the run
    assert all(len(engine.table(d.table)) == 3 for d in again.values())


def test_without_reuse_intermediates_are_run_scoped_and_dropped_and_no_ledger_is_made(engine: Engine):
    plan = plan_of(flow())
    compiler = Compiler(plan, engine.dialect, run_key="k")
    names = [compiler.intermediate_table(s).name for s in plan.scratch()]
    run_plan(plan, engine.session, run_key="k")
    assert all(identity(engine, n) in ([], [(None,)]) for n in names)
    assert identity(engine, LEDGER) in ([], [(None,)])
    reused = Compiler(plan, engine.dialect, run_key="k", reuse=True)
    assert {reused.intermediate_table(s).name for s in plan.scratch()}.isdisjoint(names)
    other = Compiler(plan, engine.dialect, run_key="another run", reuse=True)
    assert [reused.intermediate_table(s) for s in plan.stages] == [other.intermediate_table(s) for s in plan.stages]


@pytest.mark.postgis
def test_two_runs_at_once_on_postgresql_both_succeed(pg_engine: Engine, pg_dsn: str):
    import psycopg2

    def race(conn: Any, start: threading.Barrier, k: int, errors: list[Exception]) -> None:
        try:
            start.wait()
            run_plan(plan_of(flow(saves=False)), Session(conn, pg_engine.dialect), reuse=True, variables={"k": k})
        except Exception as exc:  # reported below
            errors.append(exc)

    for round_ in range(3):  # each round a first build of new tables (a new variable value), raced
        conns = [psycopg2.connect(pg_dsn) for _ in range(2)]
        start, errors = threading.Barrier(2), []
        threads = [threading.Thread(target=race, args=(c, start, round_ + 2, errors)) for c in conns]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        for c in conns:
            c.close()
        assert not errors, errors
    rows = ledger(pg_engine)
    assert len(rows) == 3 * 3 and all(r[-1] for r in rows.values())  # one row per table: a stage, two leaves
    for table in rows:
        assert len(pg_engine.table(table)) == 3
    decisions = run(pg_engine, flow(saves=False), variables={"k": 2})
    assert all(d.fresh for d in decisions.values())


# --- BigQuery and Snowflake: generated SQL and a fake session ------------------------------------------------
SCHEMA = [("id", "integer"), ("score", "number")]


def declared_flow() -> dict[str, Any]:
    wf = WorkflowBuilder(title="reuse")
    src = wf.source("proj.ds.people", schema=SCHEMA)
    scaled = wf.node("native.selectexpression", {"source": src}, id="scaled", column="s2", expression="score * 2")
    wf.save(out(scaled), "proj.ds.out_a", id="save_a")
    wf.save(out(scaled), "proj.ds.out_b", id="save_b")
    return wf.to_dict()


class FakeSession:
    """What `reuse.check` asks of a session, answered from canned rows (the warehouse's)."""

    def __init__(self, dialect_name: str, ledger_rows: list[tuple[Any, ...]], modified: list[tuple[Any, ...]]):
        self.dialect = get_dialect(dialect_name)
        self.ledger_rows, self.modified = ledger_rows, modified
        self.queries: list[str] = []

    def fetch(self, query: Any) -> list[tuple[Any, ...]]:
        sql = self.dialect.generate(query, pretty=False)
        sqlglot.parse_one(sql, read=self.dialect.sqlglot_dialect)  # the SQL is valid in its dialect
        self.queries.append(sql)
        return self.ledger_rows if LEDGER in sql.lower() else self.modified

    def describe(self, parts: tuple[str, ...]) -> tuple[Column, ...]:
        return (Column("id", "number"),)


@pytest.mark.parametrize("dialect", ["bigquery", "snowflake"])
def test_recorded_statements_parse_and_mark_the_row_complete_after_the_publish(dialect: str):
    plan = plan_of(declared_flow())
    compiler = Compiler(plan, get_dialect(dialect), reuse=True, run_key="r1")
    stage = next(s for s in plan.stages if s.output.handle)
    compiled = reuse.compile_stage(compiler, stage)
    sql = compiled.sql(compiler.dialect, pretty=False)
    for text in sql:
        sqlglot.parse_one(text, read=compiler.dialect.sqlglot_dialect)
    kinds = [s.key for s in compiled.statements]
    assert kinds == ["create", "delete", "insert", "create", "update"], kinds
    assert "CREATE OR REPLACE TABLE" in sql[3] and "expiration_timestamp" not in sql[3]  # kept, not expiring
    assert "FALSE" in sql[2].upper() and "TRUE" in sql[4].upper() and compiler.run_token in sql[4]
    assert compiler.reuse_key(stage) in sql[2]


def test_postgres_and_duckdb_write_the_row_in_the_publish_transaction_after_taking_turns():
    plan = plan_of(declared_flow(), table_map={"proj.ds": "main"})
    stage = next(s for s in plan.stages if s.output.handle)
    pg = reuse.compile_stage(Compiler(plan, get_dialect("postgres"), reuse=True), stage)
    text = pg.sql(get_dialect("postgres"), pretty=False)
    assert text[0].startswith("SELECT PG_ADVISORY_XACT_LOCK(HASHTEXT('wareflow_")
    assert "UNLOGGED" not in " ".join(text)  # crash recovery empties an unlogged table: never for a kept one
    assert [s.key for s in pg.statements[-4:]] == ["select", "create", "delete", "insert"]
    assert "_wareflow_intermediates" in text[-4]
    duck = reuse.compile_stage(Compiler(plan, get_dialect("duckdb"), reuse=True), stage)
    assert [s.key for s in duck.statements] == ["create", "create", "delete", "insert"]


@pytest.mark.parametrize(("dialect", "where"), [("bigquery", "proj.ds.__TABLES__"),
                                                ("snowflake", "proj.information_schema.tables")])
def test_bigquery_and_snowflake_compare_the_sources_last_change_with_the_build(dialect: str, where: str):
    plan = plan_of(declared_flow())
    compiler = Compiler(plan, get_dialect(dialect), reuse=True)
    stage = next(s for s in plan.stages if s.output.handle)
    name = get_dialect(dialect).generate(compiler.intermediate_table(stage), pretty=False)
    row = (name, compiler.reuse_key(stage), 1000.0, DAY, 3, 4600.0)  # built at 1000 s, now 4600 s

    fresh = reuse.check(FakeSession(dialect, [row], [("ds", "people", 900.0)]), compiler, stage)  # type: ignore[arg-type]
    assert fresh.fresh and fresh.message == f"reusing {name}: built 1 h ago (TTL 24 h), sources unchanged"
    assert fresh.rows == 3

    session = FakeSession(dialect, [row], [("ds", "people", 1200.0)])
    changed = reuse.check(session, compiler, stage)  # type: ignore[arg-type]
    assert not changed.fresh
    assert changed.reason == "source ds.people was modified 56 min ago, after it was built"
    assert where.lower() in session.queries[-1].lower()

    view = reuse.check(FakeSession(dialect, [row], []), compiler, stage)  # type: ignore[arg-type]
    assert view.fresh and view.reason.endswith("(the TTL alone covers proj.ds.people)")

    expired = reuse.check(FakeSession(dialect, [(*row[:5], 1000.0 + DAY)], []), compiler, stage)  # type: ignore[arg-type]
    assert not expired.fresh and expired.reason == "expired: built 24 h ago (TTL 24 h)"

    other = reuse.check(FakeSession(dialect, [(name, "0" * 64, *row[2:])], []), compiler, stage)  # type: ignore[arg-type]
    assert not other.fresh and other.reason == "its ledger row is for other content"


def test_last_modified_hooks():
    tables = [table_ref(("p", "a", "t1")), table_ref(("p", "a", "t2")), table_ref(("b", "t3")), table_ref(("t4",))]
    assert get_dialect("postgres").last_modified(tables) is None
    assert get_dialect("duckdb").last_modified(tables) is None
    bq = get_dialect("bigquery")
    bq_sql = bq.generate(bq.last_modified(tables), pretty=False)  # type: ignore[arg-type]
    assert bq_sql == (
        "SELECT dataset_id AS table_schema, table_id AS table_name, last_modified_time / 1000 AS modified_s "
        "FROM p.a.__TABLES__ WHERE type = 1 AND table_id IN ('t1', 't2') UNION ALL "
        "SELECT dataset_id AS table_schema, table_id AS table_name, last_modified_time / 1000 AS modified_s "
        "FROM b.__TABLES__ WHERE type = 1 AND table_id IN ('t3')")  # t4: no dataset to ask
    sf = get_dialect("snowflake")
    sf_sql = sf.generate(sf.last_modified(tables), pretty=False)  # type: ignore[arg-type]
    assert "FROM p.information_schema.tables" in sf_sql and "UPPER(CURRENT_SCHEMA())" in sf_sql
    assert "table_type = 'BASE TABLE'" in sf_sql and "DATE_PART(EPOCH_MILLISECOND, last_altered) / 1000" in sf_sql
    for dialect, text in (("bigquery", bq_sql), ("snowflake", sf_sql)):
        sqlglot.parse_one(text, read=dialect)


def test_reuse_is_refused_where_the_dialect_cannot_reckon_ages():
    with pytest.raises(CompileError) as err:
        Compiler(plan_of(declared_flow()), get_dialect("oracle"), reuse=True)
    assert err.value.issues[0].code == "WF305"


def test_durations():
    assert [reuse.duration(s) for s in (0, 45, 125, 3600, 3 * 3600 + 300, 2 * DAY + 3600)] == [
        "0 s", "45 s", "2 min", "1 h", "3 h 5 min", "2 d 1 h"]

"""Where stages are cut: chains fuse; fan-out, multi-output, barriers, sinks and leaves materialise."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.workflows import WorkflowBuilder, out
from wareflow.compile.compiler import map_table
from wareflow.components import bind
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import load_plan, run_plan
from wareflow.sql.dialects import get_dialect
from wareflow.warehouses.duckdb import connect
from wareflow.warehouses.session import Session

EXAMPLES = Path(__file__).resolve().parents[2] / "dags_examples"


def plan(wf: WorkflowBuilder, materialize: str = "fused"):
    return plan_workflow(bind(parse_workflow(wf.to_dict())), materialize=materialize)


def shape(p) -> list[tuple[str, ...]]:
    return [s.nodes for s in p.stages]


def test_a_chain_is_one_statement():
    wf = WorkflowBuilder()
    a = wf.node("native.where", {"source": wf.source("p.d.t")}, id="a", expression="x > 1")
    b = wf.node("native.selectexpression", {"source": out(a, "match")}, id="b", column="y", expression="x * 2")
    c = wf.node("native.limit", {"source": out(b)}, id="c", limit="5")
    wf.save(out(c), "p.d.o", id="s")
    p = plan(wf)
    assert shape(p) == [("a", "b", "c", "s")]
    assert p.stages[0].upstream == ()


def test_fan_out_is_computed_once():
    wf = WorkflowBuilder()
    b = wf.node("native.buffer", {"source": wf.source("p.d.t")}, id="b", geo="g", distance="5")
    wf.save(out(b), "p.d.o1", id="s1")
    lim = wf.node("native.limit", {"source": out(b)}, id="l", limit="1")
    wf.save(out(lim), "p.d.o2", id="s2")
    p = plan(wf)
    assert shape(p) == [("b",), ("s1",), ("l", "s2")]
    assert p.stages[1].upstream == p.stages[2].upstream == (p.stages[0].id,)


def test_two_used_outputs_read_a_materialised_input_once_each():
    wf = WorkflowBuilder()
    e = wf.node("native.selectexpression", {"source": wf.source("p.d.t")}, id="e", column="y", expression="1")
    w = wf.node("native.where", {"source": out(e)}, id="w", expression="y > 0")
    wf.save(out(w, "match"), "p.d.m", id="sm")
    wf.save(out(w, "unmatch"), "p.d.u", id="su")
    assert shape(plan(wf)) == [("e",), ("w", "sm"), ("w", "su")]


def test_two_outputs_of_a_source_need_no_copy():
    wf = WorkflowBuilder()
    w = wf.node("native.where", {"source": wf.source("p.d.t")}, id="w", expression="y > 0")
    wf.save(out(w, "match"), "p.d.m", id="sm")
    wf.save(out(w, "unmatch"), "p.d.u", id="su")
    assert shape(plan(wf)) == [("w", "sm"), ("w", "su")]


def test_barrier_and_leaf():
    wf = WorkflowBuilder()
    c = wf.node("native.customsql", {"sourcea": wf.source("p.d.t")}, id="c", sql="SELECT * FROM $a")
    wf.node("native.limit", {"source": out(c)}, id="leaf", limit="3")  # nothing reads it: its table is the result
    p = plan(wf)
    assert shape(p) == [("c",), ("leaf",)]
    assert [s.output.handle for s in p.stages] == ["result", "result"]


def test_materialize_all_is_one_table_per_node_output():
    wf = WorkflowBuilder()
    a = wf.node("native.where", {"source": wf.source("p.d.t")}, id="a", expression="x > 1")
    b = wf.node("native.limit", {"source": out(a, "match")}, id="b", limit="5")
    wf.save(out(b), "p.d.o", id="s")
    assert shape(plan(wf, "all")) == [("a",), ("b",), ("s",)]
    with pytest.raises(ValueError, match="materialize"):
        plan(wf, "some")


def test_stage_ids_are_stable_and_follow_content():
    def build(limit: str) -> WorkflowBuilder:
        wf = WorkflowBuilder()
        b = wf.node("native.buffer", {"source": wf.source("p.d.t")}, id="b", geo="g", distance="5")
        wf.save(out(b), "p.d.o1", id="s1")
        lim = wf.node("native.limit", {"source": out(b)}, id="l", limit=limit)
        wf.save(out(lim), "p.d.o2", id="s2")
        return wf

    first, again, changed = plan(build("1")), plan(build("1")), plan(build("2"))
    assert [s.id for s in first.stages] == [s.id for s in again.stages]
    # ids say what a stage writes or does, and survive a parameter edit (Airflow keeps history by task
    # id); the content hash, which names the stage's tables, does change
    assert [s.id for s in first.stages] == ["native_buffer", "save_o1", "save_o2"]
    assert [s.id for s in changed.stages] == [s.id for s in first.stages]
    assert [a.content_hash == b.content_hash for a, b in zip(first.stages, changed.stages, strict=True)] == [
        True, True, False]


def test_identical_nodes_are_separate_stages_with_stable_ids():
    """A copy-pasted node has the same content hash as its original, yet its own stage and task id."""
    def build() -> WorkflowBuilder:
        wf = WorkflowBuilder()
        src = wf.source("p.d.t")
        for twin in ("w1", "w2"):
            w = wf.node("native.where", {"source": src}, id=twin, expression="x > 1")
            wf.save(out(w, "match"), "p.d.o", id=f"s_{twin}")
        return wf

    first, again = plan(build()), plan(build())
    assert len({s.id for s in first.stages}) == len(first.stages) == 2
    assert first.stages[0].content_hash == first.stages[1].content_hash
    assert [s.id for s in first.stages] == [s.id for s in again.stages]


def test_table_map_rewrites_the_longest_prefix():
    mapping = {"proj.ds": "main", "proj": "other", "proj.ds.special": "x.y"}
    assert map_table(("proj", "ds", "t"), mapping) == ("main", "t")
    assert map_table(("proj", "ds", "special"), mapping) == ("x", "y")
    assert map_table(("proj", "zz", "t"), mapping) == ("other", "zz", "t")
    assert map_table(("a", "b"), {"a": ""}) == ("b",)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    import sys

    sys.path.insert(0, str(EXAMPLES / "data"))
    import generate  # type: ignore[import-not-found]

    path = str(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    generate.write_duckdb(path, generate.build_tables(seed=7, scale=1))
    return path


@pytest.mark.parametrize("example", ["stores_by_neighborhood", "customers_near_stations", "customer_segments"])
def test_one_table_per_node_gives_the_same_rows_as_the_fused_plan(demo_db: str, example: str):
    conn = connect(demo_db)
    session = Session(conn, get_dialect("duckdb"))
    outputs = {}
    for mode in ("fused", "all"):
        p = load_plan(EXAMPLES / f"{example}.json", materialize=mode, table_map={"wareflow-demo.demo": "main"})
        results = [r for r in run_plan(p, session) if not r.target.startswith("wareflow_")]
        outputs[mode] = {r.target: sorted(map(repr, conn.sql(f"SELECT * EXCLUDE (spend_per_year) FROM {r.target}"
                                                              if "top_customers" in r.target else
                                                              f"SELECT * FROM {r.target}").fetchall()))
                         for r in results}
        if mode == "all":
            assert len(p.stages) > len(load_plan(EXAMPLES / f"{example}.json").stages)
    assert outputs["fused"] == outputs["all"]
    assert all(outputs["fused"].values())


def test_examples_use_few_stages():
    counts = {}
    for path in sorted(EXAMPLES.glob("*.json")):
        p = load_plan(path)
        counts[path.stem] = (p.node_count, len(p.stages))
    assert counts == {"customer_segments": (11, 1), "customers_near_stations": (6, 3),
                      "stores_by_neighborhood": (6, 1)}


def test_ledger_keys_fit_the_column():
    from wareflow.compile.compiler import ledger_key

    assert ledger_key("dag:run", "stage_1") == "dag:run:stage_1"
    long = ledger_key("d" * 250 + ":manual__2026-01-01T00:00:00+00:00", "save_as_table_12345678")
    assert len(long) == 255 and long != ledger_key("d" * 251 + ":manual", "save_as_table_12345678")

"""A tiny smoke run of the benchmark harness (the benchmarks themselves run only with `make bench`)."""

from __future__ import annotations

import pytest
from bench import compile_scaling, tasks_per_workflow
from bench.workflows import generate


def test_generated_workflows_have_the_size_asked_and_compile_everywhere():
    for n in (10, 100):
        assert abs(len(generate(n)["nodes"]) - n) <= max(3, n // 10)
    assert compile_scaling.compile_all(generate(40, seed=3), "oracle") > 0
    assert compile_scaling.compile_all(generate(40, seed=3, spatial=False), "synapse") > 0


def test_sections_render(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(compile_scaling, "SIZES", (10,))
    assert "| `duckdb` |" in compile_scaling.run(quick=True)
    assert "stages / nodes" in tasks_per_workflow.run()


def test_warehouse_work_runs_and_checks_rows_on_duckdb(tmp_path):
    """The three workflows, three variants, at a toy size: the hand-written scripts must give the rows
    Wareflow's fused and one-table-per-node plans give (bench_engine raises otherwise)."""
    from bench import warehouse_work

    with warehouse_work.duckdb_engine(tmp_path) as duck:
        results = warehouse_work.bench_engine(duck, (4000,), tmp_path, lambda _: 1)
    assert [r.workflow for r in results] == list(warehouse_work.WORKFLOWS)
    assert all(r.output_rows > 0 for r in results)
    text = warehouse_work.report(results, [], quick=True)
    assert "| `duckdb` | b. data_prep | 4,000 |" in text


def test_warehouse_work_notices_different_rows(tmp_path):
    from bench import warehouse_work

    with warehouse_work.duckdb_engine(tmp_path) as duck:
        for sql in warehouse_work.statements("duckdb", 200):
            duck.execute(sql)
        runs = warehouse_work.variants(duck, "b. data_prep", tmp_path)
        runs["fused"]()
        runs["hand"]()
        warehouse_work.check_same_rows(duck, "b. data_prep", "fused")
        duck.execute("UPDATE bench.hand_data_prep SET spend_sum = spend_sum + 1 WHERE tier = 3")
        with pytest.raises(AssertionError, match="first difference"):
            warehouse_work.check_same_rows(duck, "b. data_prep", "fused")


def test_grid_workflows_run_and_check_rows_on_duckdb(tmp_path):
    """The four spatial-index workflows at a toy size on DuckDB: the hand-written scripts must give the rows
    Wareflow's fused plans give (check_same_rows raises otherwise)."""
    from bench import grids, warehouse_work

    with warehouse_work.duckdb_engine(tmp_path) as duck:
        results = grids.bench_engine(duck, (2000,), tmp_path, quick=True)
    assert [r.workflow for r in results] == list(grids.WORKFLOWS)
    assert all(r.rows_written > 0 and r.cells > 0 for r in results)

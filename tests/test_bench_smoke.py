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

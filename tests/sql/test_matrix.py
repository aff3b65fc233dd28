"""The transpile matrix: every component case x every dialect compiles to SQL that sqlglot parses back
in that dialect, or fails with WF302 because the dialect's `unsupported` table says so. The SQL is kept
in one golden file per dialect (tests/golden/<dialect>/components.sql), reviewed by eye;
WAREFLOW_UPDATE_GOLDEN=1 rewrites it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.cases import CASES, build
from tests.support.sqltext import assert_parses_back
from wareflow.components import bind, catalog
from wareflow.errors import CompileError
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import compile_plan
from wareflow.sql.dialects import DIALECTS, get_dialect

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
MAP = {"proj.ds": "analytics"}


def compiled_text(case: str, dialect: str) -> str:
    plan = plan_workflow(bind(parse_workflow(build(case).to_dict())), table_map=MAP)
    target = get_dialect(dialect)
    stages = compile_plan(plan, target)
    return "".join(f"-- stage {s.stage.id}\n" + "".join(f"{q};\n" for q in s.sql(target)) for s in stages)


# What each dialect cannot express, declared here (not derived from the predicate under test), so a
# dialect that gains or loses a component fails this test until the table says so.
H3_POLYFILL = {f"h3polyfill_{m}{c}" for m in ("nomode", "center", "intersects", "contains") for c in ("", "_cols")}
H3_ALL = {"h3frompoint", "h3boundary", "h3center", "h3kring", "h3distance", "h3toparent", "h3tochildren",
          *H3_POLYFILL}
QUADBIN_POLYFILL = {f"quadbinpolyfill_{m}{c}" for m in ("center", "intersects", "contains") for c in ("", "_cols")}
# k-ring statistics: H3 ones need a k-ring and grid distance, quadbin ones a range of integers as rows
MORAN_AND_HOTSPOTS = {f"{c}_{g}" for c in ("moransi", "localmoransi", "commercialhotspots", "getisordspacetime")
                      for g in ("h3", "quadbin")}
# enrichment: smoothing needs k-rings (arrays as rows); point and polygon targets are told apart by their
# geometry, or its WKB where geometries cannot be grouped (Oracle has neither)
ENRICH_SMOOTHING = {"h3enrich_kring", "quadbinenrich_kring"}
ENRICH_ORACLE = {"h3enrich_kring", "enrichpoints", "enrichpolygons"}
ENRICH_ALL = {"h3enrich", "quadbinenrich", "enrichpoints", "enrichpolygons", *ENRICH_SMOOTHING}
UNSUPPORTED: dict[str, set[str]] = {
    # SDO_UTIL.H3_* has no polyfill, k-ring, grid distance or children
    "oracle": {"h3kring", "h3distance", "h3tochildren", "getisord_h3", "moransi_h3", "localmoransi_h3",
               "commercialhotspots_h3", "getisordspacetime_h3", *ENRICH_ORACLE,
               *H3_POLYFILL},
    # no ST_Union aggregate; H3 polyfill and children return SUPER arrays it cannot turn into rows here, and
    # it has no grid distance or k-ring; no arrays as rows for quadbin polyfill, k-ring and children either
    "redshift": {"groupby_geometry", "h3kring", "h3distance", "h3tochildren", "quadbinkring", "quadbintochildren",
                 "getisord_h3", "getisord_quadbin", *MORAN_AND_HOTSPOTS, *ENRICH_SMOOTHING,
                 *QUADBIN_POLYFILL,
                 *H3_POLYFILL},
    # no geometry, no H3, no arrays
    "synapse": {"buffer", "groupby_geometry", "spatialfilter", "spatialjoin", "tablefromgeojson", *H3_ALL,
                *QUADBIN_POLYFILL, "quadbinfromgeopoint", "quadbinfrompoint", "quadbinboundary", "quadbincenter",
                "quadbinkring", "quadbintochildren", "getisord_h3", "getisord_quadbin", *MORAN_AND_HOTSPOTS,
                *ENRICH_ALL},
}


def expected_unsupported(case: str, dialect: str) -> bool:
    return case in UNSUPPORTED.get(dialect, set())


def test_every_component_has_a_case():
    covered = {n.component for case in CASES for n in parse_workflow(build(case).to_dict()).nodes}
    assert covered == set(catalog())


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_matrix(dialect: str):
    target = get_dialect(dialect)
    sections = []
    for case in CASES:
        if expected_unsupported(case, dialect):
            with pytest.raises(CompileError) as exc:
                compiled_text(case, dialect)
            assert exc.value.codes == ["WF302"]
            sections.append(f"-- case {case}: unsupported ({exc.value.issues[0].message})\n")
            continue
        text = compiled_text(case, dialect)
        for statement in (s for s in text.split(";\n") if s.strip() and not s.strip().startswith("-- stage")):
            body = "\n".join(line for line in statement.splitlines() if not line.startswith("-- stage"))
            assert_parses_back(body, target.sqlglot_dialect)
        sections.append(f"-- case {case}\n{text}")
    text = "\n".join(sections)
    golden = GOLDEN / dialect / "components.sql"
    if os.environ.get("WAREFLOW_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_dialect_function_tables_follow_the_interface(dialect: str):
    """Every spatial function a dialect declares is a known operation with exactly its named arguments."""
    from wareflow.sql import ops

    target = get_dialect(dialect)
    for operation, template in target.functions.items():
        assert operation in ops.OPERATIONS, f"{dialect}: unknown operation {operation!r}"
        assert template.bind(target.sqlglot_dialect).params == set(operation.args), (dialect, operation)

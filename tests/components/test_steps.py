"""Multi-step components: a named step is a CTE of the stage's statement, or, where the dialect wants a
step of its shape materialised (PostgreSQL: a step a later one matches spatially, "probe"), a scratch
table created and indexed before the stage publishes and dropped after, in the same transaction."""

from __future__ import annotations

import pytest
from sqlglot import exp

from tests.support.workflows import WorkflowBuilder, out
from wareflow.components import bind
from wareflow.components.base import BuildContext, Component, Param, Port
from wareflow.components.registry import CATALOG, catalog
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import compile_plan
from wareflow.sql import ops
from wareflow.sql.dialects import get_dialect
from wareflow.sql.relation import Column, Query, Rel, alias, col


class NearZones(Component):
    """Test component: people within `distance` metres of a zone, in two steps (the buffered zones, probed
    spatially; then the join)."""

    inputs = (Port("people"), Port("zones"))
    operations_used = (ops.BUFFER, ops.INTERSECTS)
    distance = Param.number(default=1000, gt=0)

    def build(self, ctx: BuildContext, people: Rel, zones: Rel) -> Query:  # type: ignore[override]
        buffered = exp.select(col("zone_id"), alias(ctx.fn(ops.BUFFER, geo=col("geom"), meters=ctx.value(
            self.distance)), "area")).from_(zones.table(), copy=False)
        areas = ctx.step("areas", Query(buffered, (Column("zone_id", "number"), Column("area", "geography"))),
                         shape="probe")
        joined = (exp.select(exp.column("id", "p"), exp.column("zone_id", "z"))
                  .from_(people.table("p"), copy=False)
                  .join(areas.table("z"), on=ctx.fn(ops.INTERSECTS, a=exp.column("geom", "p"),
                                                    b=exp.column("area", "z")), copy=False))
        return ctx.finish(Query(joined, (Column("id", "number"), Column("zone_id", "number"))))


@pytest.fixture
def near_zones(monkeypatch):
    catalog()  # the built-ins first; the test component is taken out again after the test
    NearZones.id, NearZones.title, NearZones.category = "test.nearzones", "Near zones", "Test"
    monkeypatch.setitem(CATALOG, "test.nearzones", NearZones)
    wf = WorkflowBuilder(title="steps")
    node = wf.node("test.nearzones", {"people": wf.source("main.people", schema=PEOPLE),
                                      "zones": wf.source("main.zones", schema=ZONES)}, distance="20000")
    wf.save(out(node), "main.near")
    return wf


PEOPLE = [("id", "number"), ("name", "string"), ("age", "number"), ("city", "string"), ("score", "number"),
          ("geom", "geography")]
ZONES = [("zone_id", "number"), ("zone", "string"), ("geom", "geography")]


def test_a_probe_step_is_a_cte_in_duckdb_and_an_indexed_table_in_postgres(near_zones):
    plan = plan_workflow(bind(parse_workflow(near_zones.to_dict())))
    duck = "\n".join(compile_plan(plan, get_dialect("duckdb"))[0].sql(get_dialect("duckdb")))
    assert "test_nearzones_1_areas AS (" in duck.replace('"', "")
    pg = get_dialect("postgres")
    statements = compile_plan(plan, pg)[0].sql(pg, pretty=False)
    create = next(i for i, s in enumerate(statements) if "test_nearzones_1_areas" in s and s.startswith("CREATE"))
    index = next(i for i, s in enumerate(statements) if s.startswith("CREATE INDEX"))
    publish = next(i for i, s in enumerate(statements) if "near__wareflow_" in s and s.startswith("CREATE"))
    assert create < index < publish
    assert "USING GIST(area)" in statements[index].replace(" (", "(")
    assert statements[-1].startswith("DROP TABLE IF EXISTS wareflow_test_nearzones_1_areas_")
    assert " AS z" in statements[publish] and "JOIN wareflow_test_nearzones_1_areas_" in statements[publish]


def test_steps_give_the_same_rows_either_way(engine, run_workflow, near_zones):
    run_workflow(engine, near_zones)
    # 20 km reaches the zones a point is in, not those half a degree (55 km) away
    assert engine.rows("SELECT id, zone_id FROM main.near ORDER BY 1, 2") == [(1, 1), (1, 3), (2, 2), (2, 3), (3, 1)]
    leftover = ("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'wareflow_test_nearzones%'")
    assert engine.rows(leftover) == []  # the step's table is gone with the stage

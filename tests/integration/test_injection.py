"""Identifiers and values with quotes, semicolons and comments run on PostGIS and come back as data.

Every identifier and literal reaches SQL through sqlglot nodes, so hostile text can never end a
statement or open a comment.
"""

from __future__ import annotations

import pytest

from tests.support.workflows import WorkflowBuilder, out

pytestmark = pytest.mark.postgis

NASTY_COLUMN = 'x"y; DROP TABLE main.people; --'
QUOTE_COLUMN = "it's"
NASTY_VALUE = "O'Neil'; DROP TABLE main.people; --"


@pytest.fixture
def pg(pg_engine):
    engine = pg_engine
    engine.load("weird", [("id", "integer"), (NASTY_COLUMN, "number"), (QUOTE_COLUMN, "string")],
                [(1, 1.5, "a'b"), (2, 2.5, "/* c */"), (3, None, "a'b")])
    return engine


def people_alive(engine) -> bool:
    return engine.rows("SELECT COUNT(*) FROM main.people") == [(4,)]


def test_hostile_column_names_are_identifiers(pg, run_workflow):
    wf = WorkflowBuilder()
    src = wf.source("main.weird")
    g = wf.node("native.groupby", {"source": src}, columns=f"{NASTY_COLUMN},sum,id,count", groupby=[QUOTE_COLUMN])
    wf.save(out(g), "main.grouped")
    d = wf.node("native.dropcolumn", {"source": src}, column=[NASTY_COLUMN])
    r = wf.node("native.renamecolumn", {"source": out(d)}, column=QUOTE_COLUMN, newname="quote")
    wf.save(out(r), "main.renamed")
    run_workflow(pg, wf)
    assert pg.columns("main.grouped") == [QUOTE_COLUMN, f"{NASTY_COLUMN}_sum", "id_count"]
    assert pg.table("main.grouped", '"it\'s"') == [("/* c */", 2.5, 1), ("a'b", 1.5, 2)]
    assert pg.table("main.renamed", "id") == [(1, "a'b"), (2, "/* c */"), (3, "a'b")]
    assert people_alive(pg)


def test_hostile_variable_values_are_literals(pg, run_workflow):
    wf = WorkflowBuilder()
    wf.variable("who", "String", "O'Neil")
    w = wf.node("native.where", {"source": wf.source("main.people")}, expression="name = @who")
    wf.save(out(w, "match"), "main.found")
    run_workflow(pg, wf)
    assert pg.rows("SELECT id FROM main.found") == [(3,)]
    run_workflow(pg, wf, variables={"who": NASTY_VALUE})
    assert pg.rows("SELECT COUNT(*) FROM main.found") == [(0,)]
    assert people_alive(pg)


def test_hostile_filter_values_and_destinations(pg, run_workflow):
    wf = WorkflowBuilder()
    f = wf.node("native.wheresimplified", {"source": wf.source("main.weird")}, column=QUOTE_COLUMN,
                operator="equal to", value="a'b'); DROP TABLE main.people; --")
    wf.save(out(f, "unmatch"), "main.out'; DROP TABLE people; --")
    run_workflow(pg, wf)
    assert pg.rows('SELECT COUNT(*) FROM main."out\'; DROP TABLE people; --"') == [(3,)]
    assert people_alive(pg)


def test_sql_inputs_must_be_one_query(pg, run_workflow):
    from wareflow.errors import WorkflowError

    wf = WorkflowBuilder()
    c = wf.node("native.customsql", {"sourcea": wf.source("main.people")},
                sql="SELECT * FROM $a; DROP TABLE main.people")
    wf.save(out(c), "main.o")
    with pytest.raises(WorkflowError) as exc:
        run_workflow(pg, wf)
    assert exc.value.codes == ["WF212"]
    assert people_alive(pg)

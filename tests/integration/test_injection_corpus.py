"""An injection corpus through every place a workflow puts text into SQL, on DuckDB and PostGIS.

Each hostile string goes in as a column name, a filter value, a variable's value, a destination table, a
table-map target and a string inside Custom SQL. Every run either succeeds with the string back as data
(or as the name it was given) or fails with a coded error; either way the catalog holds nothing but the
tables the workflow meant to write and Wareflow's own, and the source tables are untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.engines import Engine
from tests.support.workflows import WorkflowBuilder, out
from wareflow.errors import WareflowError

CORPUS = [
    "x'; DROP TABLE main.people; --",
    'x"; DROP TABLE main.people; --',
    "x`; DROP TABLE main.people; --",
    "x\\'; DROP TABLE main.people; --",
    "'); CREATE TABLE main.pwned AS SELECT 1; --",
    "$$; DROP TABLE main.people; $$",
    "$a",
    "/* x */ */ --",
    "@who",
    "{{@who}}",
    "a\nb\r\nc\t",
    "\u02bc; DROP TABLE main.people; --",  # a modifier-letter apostrophe
    "read_text('/etc/passwd')",
]
SITES = ["column", "filter_value", "variable", "destination", "table_map", "customsql_literal"]


def bare(name: str) -> str:
    """A table-name part as Wareflow reads it from the canvas: surrounding quotes and spaces dropped."""
    return name.strip("`\" ")


def catalog(engine: Engine) -> set[tuple[str, str]]:
    return {(s, t) for s, t in engine.rows(
        "SELECT table_schema, table_name FROM information_schema.tables "
        "WHERE table_schema NOT IN ('information_schema', 'pg_catalog', 'tiger', 'topology', 'tiger_data')")}


def _run(engine: Engine, run_workflow: Callable[..., Any], site: str, text: str) -> str | None:
    """Put `text` at `site`; the table the workflow writes (None when it fails with a coded error)."""
    wf = WorkflowBuilder(provider="postgres")  # canvas SQL in standard quoting: '' escapes a quote
    variables = None
    table_map: dict[str, str] | None = None
    destination = "main.corpus_out"
    if site == "column":
        table = f"hostile_{CORPUS.index(text)}"  # a table per string: the session caches what it described
        engine.load(table, [("id", "integer"), (text, "string")], [(1, text), (2, "plain")])
        node = wf.node("native.wheresimplified", {"source": wf.source(f"main.{table}")}, column=text,
                       operator="equal to", value=text)
        source = out(node, "match")
    elif site == "filter_value":
        node = wf.node("native.wheresimplified", {"source": wf.source("main.people")}, column="name",
                       operator="not equal", value=text)
        source = out(node, "match")
    elif site == "variable":
        wf.variable("who", "String", "nobody")
        node = wf.node("native.selectexpression", {"source": wf.source("main.people")}, column="said",
                       expression="@who")
        source, variables = out(node), {"who": text}
    elif site == "destination":
        source, destination = wf.source("main.people"), f"main.{text}"
    elif site == "table_map":
        if "." not in text:  # a schema of that name, so the mapped destination can be written
            cur = engine.conn.cursor()
            cur.execute(f"CREATE SCHEMA IF NOT EXISTS {engine.q(bare(text))}")
            cur.close()
            engine.conn.commit()
        source, destination, table_map = wf.source("main.people"), "proj.ds.corpus_out", {"proj.ds": text}
    else:
        literal = text.replace("'", "''")
        node = wf.node("native.customsql", {"sourcea": wf.source("main.people")},
                       sql=f"SELECT id, '{literal}' AS said FROM $a")
        source = out(node)
    wf.save(source, destination)
    data = wf.to_dict()
    try:
        run_workflow(engine, data, variables=variables, table_map=table_map)
    except WareflowError as exc:
        assert exc.codes and all(c.startswith("WF") for c in exc.codes), exc
        return None
    return destination


@pytest.mark.parametrize("site", SITES)
def test_every_hostile_string_comes_back_as_data(engine: Engine, run_workflow: Callable[..., Any], site: str):
    people = engine.rows("SELECT id, name FROM main.people ORDER BY id")
    written: set[tuple[str, str]] = set()
    before = catalog(engine)
    succeeded = 0
    for text in CORPUS:
        destination = _run(engine, run_workflow, site, text)
        if destination is None:
            continue
        succeeded += 1
        if site == "column":
            assert engine.rows(f"SELECT {engine.q(text)} FROM main.corpus_out") == [(text,)]
        elif site == "filter_value":
            assert engine.rows("SELECT COUNT(*) FROM main.corpus_out") == [(4,)]  # no name equals the string
        elif site in ("variable", "customsql_literal"):
            assert {r[0] for r in engine.rows("SELECT said FROM main.corpus_out")} == {text}
        elif site == "destination":
            name = bare(text)
            assert engine.rows(f"SELECT COUNT(*) FROM main.{engine.q(name)}") == [(4,)]
            written.add(("main", name))
        else:
            written.add((bare(text), "corpus_out"))
    assert engine.rows("SELECT id, name FROM main.people ORDER BY id") == people
    written |= {("main", "corpus_out")} | {("main", f"hostile_{i}") for i in range(len(CORPUS))}
    extra = catalog(engine) - before - written
    assert not {t for t in extra if not t[1].startswith(("wareflow_", "_wareflow"))}, extra
    assert succeeded >= len(CORPUS) // 2, f"only {succeeded} of {len(CORPUS)} ran at {site}"

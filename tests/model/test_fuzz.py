"""Property-based fuzzing: no input, however strange, gets past Wareflow as anything but a coded error.

Mutations of real workflows (one case per component with declared schemas, the examples, the public
CARTO exports when present) go through every path from file to SQL: load, validate (bind, plan, the
compile checks `wareflow validate` runs) and compile + generate for all 8 dialects. The only exception
allowed out is a `WareflowError`, whose every issue has a code. A fixed seed and ~2,000 examples run
in `make test`; ``WAREFLOW_FUZZ_EXAMPLES=50000`` runs a long campaign.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tests.support.cases import CASES, build
from wareflow.compile.compiler import Compiler, compile_issues
from wareflow.components import bind
from wareflow.errors import WareflowError
from wareflow.model import load_workflow, parse_workflow
from wareflow.plan import plan_workflow
from wareflow.sql.dialects import DIALECTS, get_dialect
from wareflow.sql.relation import Column

ROOT = Path(__file__).resolve().parents[2]
EXPORTS = ROOT.parent / "shared" / "carto-exports"
EXAMPLES = ROOT / "dags_examples"
EXAMPLES_N = int(os.environ.get("WAREFLOW_FUZZ_EXAMPLES", "2000"))
CODE = re.compile(r"^WF\d{3}$")


def _seeds() -> list[Any]:
    docs = [build(case).to_dict() for case in CASES]
    docs += [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    if EXPORTS.is_dir():
        docs += [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXPORTS.glob("*.json"))]
    return docs


SEEDS = _seeds()
GENERIC_COLUMNS = (Column("id", "number"), Column("name", "string"), Column("geom", "geography"),
                   Column("value", "number"))


def schemas(written: str, parts: tuple[str, ...]) -> tuple[Column, ...]:
    return GENERIC_COLUMNS


# --- values a hostile or broken export may hold -------------------------------------------------------
odd_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "'", '"', "`", "name = 'abc", "((((", "))", "--", "/*", "@", "@radius", "{{@radius}}",
                     "{{", "}}", "$a", "SELECT", ";", "DROP TABLE x", "a.b.c.d", "\x00", "\ud800", "nan", "inf",
                     "-1e400", "1e400", "9" * 5000, "(" * 1000 + "1" + ")" * 1000, "[", "['a'", "a,", ",",
                     "[1, 2]", '{"type": "FeatureCollection", "features": 3}', "null", "true"]),
)
leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=10**300, max_value=10**310),
                 st.floats(allow_nan=True, allow_infinity=True), odd_text)
json_values = st.recursive(leaf, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                         st.dictionaries(odd_text, inner, max_size=4)),
                           max_leaves=12)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in `doc`, parents before children (iterative: documents may be deep)."""
    stack = [(prefix, doc)]
    while stack:
        path, value = stack.pop()
        yield path
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(value))))


def _copy(doc: Any) -> Any:
    """A deep copy of a JSON value, iteratively (`copy.deepcopy` recurses: mutated documents are deep)."""
    root: list[Any] = [None]
    stack = [(doc, root, 0)]
    while stack:
        value, parent, key = stack.pop()
        if isinstance(value, dict):
            parent[key] = {}
            stack.extend((v, parent[key], k) for k, v in value.items())
        elif isinstance(value, list):
            parent[key] = [None] * len(value)
            stack.extend((v, parent[key], i) for i, v in enumerate(value))
        else:
            parent[key] = value
    return root[0]


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    doc = _copy(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        paths = list(_paths(doc))
        path = paths[draw(st.integers(0, len(paths) - 1))]
        op = draw(st.sampled_from(["replace", "delete", "duplicate", "swap", "wrap", "nest"]))
        if not path:
            doc = draw(json_values) if op == "replace" else [doc] if op == "wrap" else doc
            continue
        parent, key = _get(doc, path[:-1]), path[-1]
        if op == "replace":
            parent[key] = draw(json_values)
        elif op == "delete":
            del parent[key]
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, _copy(parent[key]))  # a copy-pasted node, edge or input
        elif op == "swap":
            other = paths[draw(st.integers(0, len(paths) - 1))]
            if other and other[: len(path)] != path and path[: len(other)] != other:
                parent[key] = _copy(_get(doc, other))
        elif op == "wrap":
            parent[key] = [parent[key]]
        elif op == "nest":  # deep, yet loadable from a file (json's own limit is ~1,000 levels)
            nested: Any = parent[key]
            for _ in range(draw(st.integers(50, 700)) - len(path)):
                nested = [nested]
            parent[key] = nested
            break  # one deep value per document: two would nest past what a file can hold
    return doc


def through_everything(doc: Any, dialects: tuple[str, ...] = tuple(sorted(DIALECTS))) -> None:
    """Load, validate and compile `doc` for `dialects`, generating the SQL text."""
    bound = bind(parse_workflow(doc, path="fuzz.json"))
    plan = plan_workflow(bound)
    compile_issues(plan, get_dialect("duckdb"))
    for name in dialects:
        dialect = get_dialect(name)
        try:
            for compiled in Compiler(plan, dialect, schemas=schemas).compile_all():
                compiled.sql(dialect)
        except WareflowError as exc:
            assert_coded(exc)


def assert_coded(exc: WareflowError) -> None:
    assert exc.issues and all(CODE.match(i.code) for i in exc.issues), exc
    for issue in exc.issues:
        str(issue).encode("utf-8")  # printable: no lone surrogate reaches a terminal or a log


FUZZ = settings(max_examples=EXAMPLES_N, deadline=None, derandomize=False, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])


@seed(20261201)
@FUZZ
@given(mutated(), st.sampled_from(sorted(DIALECTS)))
def test_mutated_workflows_fail_only_with_coded_errors(doc: Any, dialect: str) -> None:
    """Each example compiles for one dialect (drawn), so every dialect sees ~1/8 of the examples."""
    try:
        through_everything(doc, (dialect,))
    except WareflowError as exc:
        assert_coded(exc)


@seed(20261202)
@settings(FUZZ, max_examples=max(EXAMPLES_N // 4, 50))
@given(st.sampled_from(SEEDS), st.integers(0, 10**9), st.sampled_from(["cut", "insert", "nest", "bytes"]),
       st.text(max_size=8))
def test_mutated_files_fail_only_with_coded_errors(doc: Any, where: int, op: str, junk: str) -> None:
    """The same from the file's text: truncated, spliced, deeply nested or not UTF-8."""
    text = json.dumps(doc)
    at = where % (len(text) + 1)
    data: bytes
    if op == "cut":
        data = text[:at].encode()
    elif op == "insert":
        data = (text[:at] + junk + text[at:]).encode("utf-8", "surrogatepass")
    elif op == "nest":
        data = ("[" * 100_000 + "]" * 100_000).encode()
    else:
        data = text.encode()[:at] + b"\xff\xfe" + text.encode()[at:]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.json"
        path.write_bytes(data)
        try:
            workflow = load_workflow(path)
            plan_workflow(bind(workflow))
        except WareflowError as exc:
            assert_coded(exc)


@pytest.mark.parametrize("doc", [
    {"nodes": [], "edges": 3},
    {"nodes": [], "variables": {"a": 1}},
    {"nodes": [{"id": "n", "type": {"x": 1}, "data": {"name": "native.limit"}}]},
    {"nodes": [], "variables": [{"name": "v", "order": "first", "type": "Number", "value": 1}]},
    {"nodes": [{"id": "n", "data": {"name": "native.limit", "inputs": {"limit": 3}}}]},
    {"nodes": [{"id": "n", "data": {"name": ["native.limit"]}}]},
    {"nodes": [], "variables": [{"name": "v", "type": "Number", "value": 10**5000}]},
    {"nodes": [], "variables": [{"name": "v", "type": "Number", "value": "nan"}]},
    {"nodes": [], "variables": [{"name": "v", "type": "Number", "value": "-inf"}]},
], ids=["edges-int", "variables-dict", "type-dict", "order-text", "inputs-dict", "name-list", "huge-int",
        "nan", "inf"])
def test_known_crashers_are_coded(doc: Any) -> None:
    """Root causes that crashed the loader before (uncoded exceptions), kept as plain regression cases."""
    try:
        through_everything(doc)
    except WareflowError as exc:
        assert_coded(exc)


@seed(20261203)
@settings(FUZZ, max_examples=max(EXAMPLES_N // 8, 30))
@given(mutated(), st.sampled_from(["validate", "compile"]), st.sampled_from(sorted(DIALECTS)))
def test_the_command_line_never_prints_a_traceback(doc: Any, command: str, dialect: str) -> None:
    """`wareflow validate|compile` on a mutated file: coded lines and exit 0 or 1, never a traceback."""
    import contextlib
    import io
    import sys

    from wareflow.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        argv, output = ["wareflow", command, str(path), "--dialect", dialect], io.StringIO()
        old_argv, sys.argv = sys.argv, argv
        try:
            with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
                main()
            code: Any = 0
        except SystemExit as exc:
            code = exc.code
        finally:
            sys.argv = old_argv
    text = output.getvalue()
    assert code in (0, 1, None), text
    assert "Traceback" not in text and "WF199" not in text, text

"""Table from GeoJSON: the features of a document typed into the canvas, one row each.

The rows are one ``VALUES`` list of typed literals, with the geometry as GeoJSON text converted once
in the SELECT over it, so the SQL (and the time to build it) grows linearly with the document: a
chain of one-row SELECTs joined by ``UNION ALL`` took minutes to build for a few thousand features.
The document's shape is checked when the workflow is validated (`problems`), not when it runs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect

from wareflow.components.base import BuildContext, Param, Port
from wareflow.components.base import Component as _Component
from wareflow.components.registry import component
from wareflow.errors import CompileError, Issue
from wareflow.sql import ops
from wareflow.sql.dialects.base import WarehouseDialect
from wareflow.sql.relation import Column, Query, alias, col, ident
from wareflow.sql.usersql import literal

ROWS = "features"  # the name of the VALUES relation in the SQL
# Rows per VALUES list: Snowflake takes at most 16,384 (https://docs.snowflake.com/en/sql-reference/constructs/values);
# longer documents are several lists joined by UNION ALL.
CHUNK = 10_000


@component("native.tablefromgeojson", title="Table from GeoJSON", category="Sources")
class TableFromGeoJSON(_Component):
    """One row per feature: its properties as columns, then ``geometry``."""

    inputs = ()
    outputs = (Port("result"),)
    operations_used = (ops.FROM_GEOJSON,)
    geojson = Param("geojson")

    def problems(self) -> Iterator[tuple[str, str]]:
        problem = read_features(self.geojson)[1]
        if problem:
            yield "geojson", problem

    def features(self) -> list[dict[str, Any]]:
        """The document's features, each a Feature object; `CompileError` (WF203) for a bad shape."""
        features, problem = read_features(self.geojson)
        if problem:
            raise CompileError(Issue("WF203", problem, node_id=self.node.id, component=self.id, field="geojson"))
        return features

    def build(self, ctx: BuildContext) -> Query:  # type: ignore[override]
        features = self.features()
        types: dict[str, str] = {}
        for feature in features:
            for key, value in (feature.get("properties") or {}).items():
                kind = _logical(value)
                types[key] = kind if types.get(key, kind) == kind else "string"
        text = _free_name("geojson", types)  # the column of GeoJSON text, converted in the SELECT
        sql_types = {kind: _maker(ctx.type(kind)) for kind in ("string", *types.values())}
        rows = []
        for feature in features:
            props = feature.get("properties") or {}
            geometry = feature["geometry"]
            shape = (exp.Cast(this=exp.Null(), to=sql_types["string"]()) if geometry is None
                     else exp.Literal.string(json.dumps(geometry, separators=(",", ":"))))
            rows.append([*(_cell(props.get(k), t, sql_types[t]) for k, t in types.items()), shape])
        names = [*types, text]
        source = _rows(ctx.dialect, rows, names)
        select = exp.select(*(col(k, ROWS) for k in types),
                            alias(ctx.fn(ops.FROM_GEOJSON, geojson=col(text, ROWS)), "geometry"))
        columns = (*(Column(k, t) for k, t in types.items()), Column("geometry", "geography"))
        return Query(select.from_(source, copy=False), columns)


def read_features(doc: Any) -> tuple[list[dict[str, Any]], str | None]:
    """The features of a GeoJSON document (FeatureCollection, Feature or bare geometry) and the first
    problem with its shape, if any (then the list is empty)."""
    if not isinstance(doc, dict):
        return [], f"expected a GeoJSON object (FeatureCollection, Feature or geometry), got {_kind(doc)}"
    kind = doc.get("type")
    if kind == "FeatureCollection":
        features = doc.get("features")
        if not isinstance(features, list):
            return [], f"'features' of the FeatureCollection must be a list, got {_kind(features)}"
        where = "features[{}]"
    elif kind == "Feature":
        features, where = [doc], "the Feature"
    elif "coordinates" in doc or "geometries" in doc:
        features, where = [{"type": "Feature", "properties": {}, "geometry": doc}], "the geometry"
    else:
        return [], f"expected a GeoJSON FeatureCollection, Feature or geometry, got type {kind!r:.40}"
    if not features:
        return [], "expected a GeoJSON FeatureCollection with at least one feature"
    for i, feature in enumerate(features):
        problem = _feature_problem(feature)
        if problem:
            return [], f"{where.format(i)}: {problem}"
    return features, None


def _feature_problem(feature: Any) -> str | None:
    if not isinstance(feature, dict):
        return f"expected a Feature object, got {_kind(feature)}"
    properties = feature.get("properties")
    if properties is not None and not isinstance(properties, dict):
        return f"'properties' must be an object or null, got {_kind(properties)}"
    if properties and any(not isinstance(key, str) or not key.strip() for key in properties):
        return "a property has an empty name"
    if "geometry" not in feature:
        return "has no 'geometry' (write \"geometry\": null for a feature without one)"
    geometry = feature["geometry"]
    if geometry is not None and not (isinstance(geometry, dict) and isinstance(geometry.get("type"), str)):
        return f"'geometry' must be a GeoJSON geometry object or null, got {_kind(geometry)}"
    return None


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number" if isinstance(value, int | float) else type(value).__name__)


def _rows(dialect: WarehouseDialect, rows: list[list[exp.Expr]], names: list[str]) -> exp.Expr:
    """A relation named `ROWS` with columns `names` holding `rows`: a VALUES list (in chunks of `CHUNK`
    joined by UNION ALL), or one-row SELECTs joined by UNION ALL where the warehouse has no VALUES in
    FROM (sqlglot would write that union itself, as a chain it takes quadratic time to build)."""
    if not _values_in_from(dialect.sqlglot_dialect):
        selects = [exp.select(*(alias(v, n) for v, n in zip(row, names, strict=True)) if i == 0 else row)
                   for i, row in enumerate(rows)]
        if dialect.one_row_table:
            selects = [s.from_(dialect.one_row_table, copy=False) for s in selects]
        return exp.Subquery(this=_union_all(selects), alias=exp.TableAlias(this=ident(ROWS)))

    def values(chunk: list[list[exp.Expr]]) -> exp.Values:
        return exp.Values(expressions=[exp.Tuple(expressions=row) for row in chunk],
                          alias=exp.TableAlias(this=ident(ROWS), columns=[ident(n) for n in names]))

    if len(rows) <= CHUNK:
        return values(rows)
    chunks = [exp.select(exp.Star()).from_(values(rows[i:i + CHUNK]), copy=False) for i in range(0, len(rows), CHUNK)]
    return exp.Subquery(this=_union_all(chunks), alias=exp.TableAlias(this=ident(ROWS)))


@cache
def _values_in_from(sqlglot_dialect: str) -> bool:
    """Whether sqlglot writes ``VALUES`` in a FROM clause as such for this dialect (it rewrites it as a
    UNION ALL of SELECTs, or BigQuery's UNNEST of STRUCTs, where the warehouse has none)."""
    return bool(Dialect.get_or_raise(sqlglot_dialect).generator().VALUES_AS_TABLE)


def _union_all(queries: list[exp.Select]) -> exp.Query:
    """UNION ALL of `queries` as a balanced tree (depth log n; sqlglot writes it flat)."""
    level: list[exp.Query] = list(queries)
    while len(level) > 1:
        paired: list[exp.Query] = [exp.union(level[i], level[i + 1], distinct=False, copy=False)
                                   for i in range(0, len(level) - 1, 2)]
        level = [*paired, level[-1]] if len(level) % 2 else paired
    return level[0]


def _free_name(name: str, taken: dict[str, str]) -> str:
    """`name`, or `name_2`, `name_3`... : one no property uses (compared as the warehouse would)."""
    used = {k.lower() for k in taken}
    candidate, n = name, 1
    while candidate.lower() in used:
        n += 1
        candidate = f"{name}_{n}"
    return candidate


def _logical(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "string"


def _maker(sql_type: exp.DataType) -> Callable[[], exp.DataType]:
    """New copies of `sql_type`, one per cell: a plain type is rebuilt from its arguments, a tenth of
    the cost of a deep copy (which was a third of the time to build a large document)."""
    if any(isinstance(v, exp.Expr | list) for v in sql_type.args.values()):
        return sql_type.copy
    args = dict(sql_type.args)
    return lambda: exp.DataType(**args)


def _cell(value: Any, kind: str, sql_type: Callable[[], exp.DataType]) -> exp.Expr:
    """`value` as a literal of logical type `kind` (`sql_type` makes its SQL type)."""
    if isinstance(value, float) and not math.isfinite(value):  # NaN / Infinity are JSON extensions
        value = None
    if isinstance(value, dict | list) or (value is not None and kind == "string" and not isinstance(value, str)):
        value = json.dumps(value)
    return exp.Cast(this=literal(value), to=sql_type())

from __future__ import annotations

import json
from typing import Any

from sqlglot import exp

from wareflow.components.base import BuildContext, Param, Port
from wareflow.components.base import Component as _Component
from wareflow.components.registry import component
from wareflow.errors import CompileError, Issue
from wareflow.sql.relation import Column, Query, alias
from wareflow.sql.usersql import literal


@component("native.tablefromgeojson", title="Table from GeoJSON", category="Sources")
class TableFromGeoJSON(_Component):
    """One row per feature: its properties as columns, then ``geometry``."""

    inputs = ()
    outputs = (Port("result"),)
    spatial = ("from_geojson",)
    geojson = Param("geojson")

    def features(self) -> list[dict[str, Any]]:
        doc = self.geojson
        if isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
            return list(doc.get("features") or [])
        if isinstance(doc, dict) and doc.get("type") == "Feature":
            return [doc]
        if (isinstance(doc, dict) and "coordinates" in doc) or (isinstance(doc, dict) and "geometries" in doc):
            return [{"type": "Feature", "properties": {}, "geometry": doc}]
        return []

    def build(self, ctx: BuildContext) -> Query:  # type: ignore[override]
        features = self.features()
        if not features:
            raise CompileError(Issue("WF203", "expected a GeoJSON FeatureCollection with at least one feature",
                                     node_id=self.node.id, component=self.id, field="geojson"))
        types: dict[str, str] = {}
        for feature in features:
            for key, value in (feature.get("properties") or {}).items():
                kind = _logical(value)
                types[key] = kind if types.get(key, kind) == kind else "string"
        rows = []
        for feature in features:
            props = feature.get("properties") or {}
            cells = [alias(_cell(ctx, props.get(k), t), k) for k, t in types.items()]
            geometry = json.dumps(feature.get("geometry"), separators=(",", ":"))
            cells.append(alias(ctx.fn("from_geojson", geojson=exp.Literal.string(geometry)), "geometry"))
            rows.append(exp.select(*cells))
        query: exp.Query = rows[0]
        for row in rows[1:]:
            query = exp.union(query, row, distinct=False)
        columns = (*(Column(k, t) for k, t in types.items()), Column("geometry", "geography"))
        return Query(query, columns)


def _logical(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "string"


def _cell(ctx: BuildContext, value: Any, kind: str) -> exp.Expr:
    if isinstance(value, dict | list) or (value is not None and kind == "string" and not isinstance(value, str)):
        value = json.dumps(value)
    return exp.Cast(this=literal(value), to=ctx.type(kind))

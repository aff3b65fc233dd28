"""The typed workflow graph: what a CARTO export means once UI details are stripped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# CARTO's connectionProvider -> sqlglot dialect of the SQL text typed into the canvas.
PROVIDER_DIALECTS: Mapping[str, str] = {
    "bigquery": "bigquery",
    "snowflake": "snowflake",
    "redshift": "redshift",
    "postgres": "postgres",
    "databricks": "databricks",
    "databricksWarehouse": "databricks",
    "databricksRest": "databricks",
    "oracle": "oracle",
    "duckdb": "duckdb",
}


@dataclass(frozen=True)
class ColumnDef:
    """A column as CARTO describes it: a name and a logical type (string, number, geography ...)."""

    name: str
    type: str = "unknown"


@dataclass(frozen=True)
class Node:
    id: str
    component: str
    version: str = "1"
    label: str = ""
    title: str = ""
    inputs: Mapping[str, Any] = field(default_factory=dict)
    input_types: Mapping[str, str] = field(default_factory=dict)
    schema: tuple[ColumnDef, ...] | None = None  # declared source schema (ReadTable)
    position: tuple[float, float] | None = None  # top-left corner on the canvas, for pictures only

    @property
    def display(self) -> str:
        return self.title or self.label or self.component


@dataclass(frozen=True)
class Note:
    """A sticky note of the canvas: text only, nothing runs. Kept for the picture of the canvas."""

    position: tuple[float, float]
    size: tuple[float, float]
    color: str = ""
    text: str = ""  # the note's markdown, its front matter removed


@dataclass(frozen=True)
class Edge:
    id: str
    source: str
    source_handle: str
    target: str
    target_handle: str


@dataclass(frozen=True)
class Variable:
    name: str
    type: str  # Number | String | GeoJsonDraw
    value: Any
    order: int = 0
    description: str = ""


@dataclass(frozen=True)
class Workflow:
    title: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    variables: tuple[Variable, ...] = ()
    provider: str = "bigquery"
    description: str = ""
    path: str | None = None
    notes: tuple[Note, ...] = ()

    @property
    def source_dialect(self) -> str:
        return PROVIDER_DIALECTS.get(self.provider, "bigquery")

    def node(self, node_id: str) -> Node:
        return self._by_id[node_id]

    @property
    def _by_id(self) -> dict[str, Node]:
        cached: dict[str, Node] | None = self.__dict__.get("_node_index")
        if cached is None:
            cached = {n.id: n for n in self.nodes}
            object.__setattr__(self, "_node_index", cached)
        return cached

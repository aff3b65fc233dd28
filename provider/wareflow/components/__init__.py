"""Components: one file each, ports and parameters declared as data, `build` makes sqlglot nodes."""

from wareflow.components.base import BuildContext, Component, Param, Port, SinkComponent, SourceComponent
from wareflow.components.registry import (
    CATALOG,
    NOT_YET_SUPPORTED,
    BoundWorkflow,
    Link,
    bind,
    catalog,
    component,
)

__all__ = [
    "CATALOG",
    "NOT_YET_SUPPORTED",
    "BoundWorkflow",
    "BuildContext",
    "Component",
    "Link",
    "Param",
    "Port",
    "SinkComponent",
    "SourceComponent",
    "bind",
    "catalog",
    "component",
]

"""Sources: tables read where they live."""

from __future__ import annotations

from wareflow.components.base import Param, SourceComponent
from wareflow.components.registry import component


@component("ReadTable", title="Table", category="Sources")
class ReadTable(SourceComponent):
    """A table from the connection, read in place (no copy)."""

    source = Param("table_name")

    def table_parts(self) -> tuple[str, ...]:
        return self.source  # type: ignore[no-any-return]


@component("native.gettablebyname", title="Get Table by Name", category="Sources")
class GetTableByName(SourceComponent):
    """A table named by a fully qualified name, read in place (CARTO makes a view; we need none)."""

    source = Param("table_name")

    def table_parts(self) -> tuple[str, ...]:
        return self.source  # type: ignore[no-any-return]

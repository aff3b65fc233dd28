from __future__ import annotations

from wareflow.components.base import BuildContext, Param, Port, SinkComponent
from wareflow.components.library._sql import passthrough
from wareflow.components.registry import component
from wareflow.sql.relation import Query, Rel


@component("native.saveastable", title="Save as Table", category="Output")
class SaveAsTable(SinkComponent):
    """Write the input to a table: replace it atomically, or append exactly once per run."""

    inputs = (Port("source"),)
    destination = Param("output_table", required=False)
    append = Param.boolean(False)

    def destination_parts(self) -> tuple[str, ...] | None:
        return self.destination  # type: ignore[no-any-return]

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        return passthrough(source)

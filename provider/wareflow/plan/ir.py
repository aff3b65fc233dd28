"""The plan: stages (one statement each = one Airflow task) and what they publish."""

from __future__ import annotations

from dataclasses import dataclass

from wareflow.components.registry import BoundWorkflow


@dataclass(frozen=True, order=True)
class Port:
    """One output of one node: the unit the planner fuses or materialises."""

    node: str
    handle: str  # "" for a sink (saveastable), which has no output


@dataclass(frozen=True)
class Stage:
    """Nodes fused into one statement that writes one table."""

    id: str  # Airflow task id: readable, and stable while the sub-graph is unchanged
    output: Port
    ports: tuple[Port, ...]  # everything computed in this statement, upstream first
    upstream: tuple[str, ...]  # ids of the stages whose tables this one reads
    content_hash: str  # hash of the sub-graph up to this output: names its table
    label: str  # what a person calls it: the output node's title

    @property
    def nodes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.node for p in self.ports))


@dataclass(frozen=True)
class Plan:
    workflow: BoundWorkflow
    stages: tuple[Stage, ...]  # in run order
    materialize: str  # "fused" | "all"
    table_map: tuple[tuple[str, str], ...] = ()

    def stage(self, stage_id: str) -> Stage:
        return self._index[0][stage_id]

    def producer(self, port: Port) -> Stage | None:
        """The stage that materialises `port`, if any."""
        return self._index[1].get(port)

    @property
    def _index(self) -> tuple[dict[str, Stage], dict[Port, Stage]]:
        cached = self.__dict__.get("_stage_index")
        if cached is None:
            cached = ({s.id: s for s in self.stages}, {s.output: s for s in self.stages})
            object.__setattr__(self, "_stage_index", cached)
        return cached  # type: ignore[no-any-return]

    def scratch(self) -> tuple[Stage, ...]:
        """Stages whose tables only feed other stages: dropped once a run has succeeded.

        Leaves (tables nothing reads) are results a person looks at and stay; with
        ``materialize="all"`` every table stays, for inspection.
        """
        if self.materialize == "all":
            return ()
        read = {u for s in self.stages for u in s.upstream}
        return tuple(s for s in self.stages if s.id in read and s.output.handle)

    @property
    def node_count(self) -> int:
        return len(self.workflow.components)

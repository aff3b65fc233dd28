"""What the DAG factory needs of a workflow's plan, as plain data: built once per file, then cached.

A `DagSpec` (named tuples: cheaper to define at import than dataclasses, which a worker's parse
would pay for) holds everything Airflow shows of a workflow (task ids and names, docs with the canvas,
dependencies, params, the tables read and written) in plain strings, numbers and tuples. The
dag-processor and every worker build the DAG from it, so a parse of an unchanged file neither
validates the workflow nor imports the compiler: the plan itself is loaded only when a task runs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote

if TYPE_CHECKING:  # a spec is read (unpickled) without the compiler; only making one needs it
    from wareflow.components.registry import BoundWorkflow
    from wareflow.plan.ir import Plan, Stage

_SCHEMA_WORDS = {"exclusiveMinimum": ">", "minimum": ">=", "maximum": "<=", "enum": "one of"}


class StageSpec(NamedTuple):
    id: str  # the task id
    label: str
    display: str  # the task's display name
    doc: str
    upstream: tuple[str, ...]
    writes: tuple[str, ...] | None  # the table a Save as Table publishes (an outlet asset)
    reads: tuple[tuple[str, ...], ...]  # the source tables it reads (inlet assets)


class ParamSpec(NamedTuple):
    name: str
    default: Any
    type: str  # JSON schema type
    description: str
    schema: tuple[tuple[str, Any], ...]  # the bounds the inputs it sets put on it


class DagSpec(NamedTuple):
    title: str
    description: str
    doc_head: str
    doc_body: str
    stages: tuple[StageSpec, ...]
    params: tuple[ParamSpec, ...]
    scratch: bool  # whether some tables only feed other stages (dropped after a run)

    def doc(self, dag_id: str) -> str:
        """The docs, with the picture of the canvas as the plugin serves it for `dag_id` (a relative link:
        the Airflow UI sets its base)."""
        link = f"![Canvas of the workflow, each node marked by its task](wareflow/dags/{quote(dag_id)}/canvas.svg)"
        return "\n".join([self.doc_head, link, "", self.doc_body])


def spec_of(plan: Plan, path: Path) -> DagSpec:
    workflow = plan.workflow.workflow
    names = _node_names(plan)
    stages = []
    for stage in plan.stages:
        writes = published_table(plan, stage)
        stages.append(StageSpec(stage.id, stage.label, task_display_name(stage, writes), task_doc(stage, names),
                                stage.upstream, writes, tuple(source_tables(plan, stage))))
    head, body = dag_doc(plan, path, stages, names)
    return DagSpec(workflow.title, workflow.description, head, body, tuple(stages), param_specs(plan.workflow),
                   bool(plan.scratch()))


def published_table(plan: Plan, stage: Stage) -> tuple[str, ...] | None:
    """The table a stage publishes under a name the workflow gives it (a Save as Table), else None."""
    from wareflow.compile.compiler import map_table
    from wareflow.components.base import SinkComponent

    sink = plan.workflow.components[stage.output.node]
    if not isinstance(sink, SinkComponent):
        return None
    parts = sink.destination_parts()
    return map_table(parts, plan.table_map) if parts else None


def source_tables(plan: Plan, stage: Stage) -> list[tuple[str, ...]]:
    """The source tables a stage reads (the tables of other stages are its upstream tasks)."""
    from wareflow.compile.compiler import map_table
    from wareflow.components.base import SourceComponent

    bound = plan.workflow
    found: dict[tuple[str, ...], None] = {}
    for node_id in stage.nodes:
        for link in bound.links.get(node_id, {}).values():
            source = bound.components[link.node]
            if isinstance(source, SourceComponent):
                found.setdefault(map_table(source.table_parts(), plan.table_map))
    return list(found)


def task_display_name(stage: Stage, written: tuple[str, ...] | None) -> str:
    """What the graph view shows: the node's label, and the table a Save as Table writes."""
    fused = len(stage.nodes) - 1
    return stage.label + (f" → {'.'.join(written)}" if written else "") + (f" (+{fused} fused)" if fused else "")


def param_specs(bound: BoundWorkflow) -> tuple[ParamSpec, ...]:
    """A typed DAG param per workflow variable, with the bounds of the inputs it sets (JSON schema:
    the trigger form and the REST API reject a value out of bounds before a run starts).

    The description says what the trigger form cannot: the variable's type and default, what it
    sets (node and input) and the bounds those inputs put on it, after the workflow's own words.
    """
    specs = []
    for var in sorted(bound.workflow.variables, key=lambda v: (v.order, v.name)):
        number = var.type.lower() == "number"
        schema = dict(bound.variable_schemas.get(var.name, {}))
        bounds = ", ".join(f"{_SCHEMA_WORDS[k]} {', '.join(map(str, v)) if k == 'enum' else v}"
                           for k, v in schema.items())
        facts = f"{var.type} variable `{var.name}`, default {json.dumps(bound.variables[var.name], default=str)}"
        used = _uses(bound, var.name)
        description = " ".join(p for p in (
            var.description.strip().rstrip(".") + "." if var.description.strip() else "",
            facts + (f"; must be {bounds}" if bounds else "") + ".",
            f"Sets {', '.join(used)}." if used else "") if p)
        specs.append(ParamSpec(var.name, bound.variables[var.name], "number" if number else "string", description,
                               tuple(schema.items())))
    return tuple(specs)


def _uses(bound: BoundWorkflow, variable: str) -> list[str]:
    """Where a variable is used: the label of each node and the input it sets, e.g. "Buffer 'distance'"."""
    pattern = re.compile(r"@" + re.escape(variable) + r"\b")
    return [f"{bound.workflow.node(n.id).display} '{name}'" for n in bound.workflow.nodes
            for name, value in sorted(n.inputs.items()) if isinstance(value, str) and pattern.search(value)][:5]


def dag_doc(plan: Plan, path: Path, stages: Sequence[StageSpec], names: Mapping[str, str]) -> tuple[str, str]:
    """The DAG's docs, before and after the picture of its canvas: the workflow's description, then
    which task runs which nodes of it (the picture's link names the DAG: see `DagSpec.doc`).

    The picture is an image Wareflow's plugin draws (the DAG page's "Canvas" tab shows it too) from
    the canvas's data embedded here as an HTML comment: Airflow's docs view skips raw HTML, and the
    api-server, which has no workflow files, finds it in the serialized DAG. Only data is embedded:
    drawing takes milliseconds a DAG parse need not spend.
    """
    from wareflow.render import canvas_data, embed_in_doc, tasks_by_node

    workflow = plan.workflow.workflow
    picture = canvas_data(workflow, tasks_by_node(plan.stages))
    head = "\n".join([f"### {_md(workflow.title)}", "", _md(workflow.description), ""])
    lines = [f"Workflow file `{path.name}`: {plan.node_count} nodes run as {len(plan.stages)} task(s) "
             f"({plan.materialize} plan).", "",
             "| task | writes | runs these nodes of the canvas |", "|---|---|---|"]
    for stage, spec in zip(plan.stages, stages, strict=True):
        written = spec.writes
        lines.append(f"| `{stage.id}` | {'`' + '.'.join(written) + '`' if written else 'an intermediate table'} "
                     f"| {', '.join(names[n] for n in stage.nodes)} |")
    return head, "\n".join([*lines, "", embed_in_doc(picture)])


def task_doc(stage: Stage, names: Mapping[str, str]) -> str:
    listed = "\n".join(f"- {names[n]} `{n}`" for n in stage.nodes)
    return f"**{_md(stage.label)}** runs {len(stage.nodes)} node(s) of the canvas in one statement:\n\n{listed}"


def _node_names(plan: Plan) -> dict[str, str]:
    """Each node as a person knows it: label and component (made once per workflow, used by every doc)."""
    bound = plan.workflow
    return {node.id: f"{_md(node.display)} ({bound.components[node.id].id})"
            for node in bound.workflow.nodes if node.id in bound.components}


def _md(text: str) -> str:
    """Text from the workflow file, inert in Markdown (no table breaks, links or HTML)."""
    return re.sub(r"([\\`*_{}\[\]<>()#+|!])", r"\\\1", text.replace("\n", " "))



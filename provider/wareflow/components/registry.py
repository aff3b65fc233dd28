"""The component catalog, and binding: workflow nodes -> validated component instances.

Binding reports every problem of the file at once (unknown components, bad inputs, edges to
missing handles, unconnected required tables, undefined or unused variables) as coded issues.
"""

from __future__ import annotations

import importlib
import logging
import math
import pkgutil
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from typing import Any, TypeVar

from wareflow.components.base import BindContext, Component, Param, ParamError, SinkComponent, SourceComponent
from wareflow.errors import Issue, WorkflowError
from wareflow.model.graph import structural_issues, topological_order
from wareflow.model.types import Workflow

log = logging.getLogger(__name__)
CATALOG: dict[str, type[Component]] = {}

# CARTO components we know of but do not compile yet: id -> why. Reported as WF214, not WF201.
NOT_YET_SUPPORTED: Mapping[str, str] = {
    **{c: "calls CARTO's Analytics Toolbox" for c in (
        "native.gwr", "native.timeseriesclustering", "native.enrichgrid", "native.dbscan")},
    **{c: "calls CARTO's location services" for c in ("native.isolines", "native.geocode", "native.importurl")},
    **{c: "not implemented yet" for c in (
        "native.joinv2", "native.cast", "native.distinct", "native.unionall", "native.summarize",
        "native.count", "native.area", "native.length", "native.centroid", "native.aswkt",
        "native.geogpoint", "native.pointfromstaticlatlon", "native.generateuuid", "native.distance",
        "native.refactorcolumns", "native.removeduplicatedrows", "native.mcptooloutput", "native.rownumber",
        "native.sample", "native.dissolve")},
}

C = TypeVar("C", bound=type[Component])


def component(id: str, *, title: str, category: str) -> Callable[[C], C]:
    """Register a component class under its CARTO id (one class per id: a second is a mistake)."""

    def register(cls: C) -> C:
        known = CATALOG.get(id)
        if known is not None and (known.__module__, known.__qualname__) != (cls.__module__, cls.__qualname__):
            raise ValueError(f"component id '{id}' is already registered by {known.__module__}.{known.__qualname__}")
        cls.id, cls.title, cls.category = id, title, category
        CATALOG[id] = cls
        return cls

    return register


ENTRY_POINT_GROUP = "wareflow.components"
BUILTINS = "wareflow.components.library"  # registered through the same entry point group as any plugin


def catalog() -> dict[str, type[Component]]:
    """Every registered component: on first use, the modules that entry point group `wareflow.components`
    names are imported (a package: each of its modules), and their `@component` classes register.

    The built-ins are one such entry (``builtins = "wareflow.components.library"``), so a component of
    ours or of a plugin is one file: adding it to a registered package is all it takes.
    """
    _load_components()
    return CATALOG


@cache
def _load_components() -> None:
    from importlib.metadata import entry_points

    modules = [ep.value for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)]
    if BUILTINS not in modules:  # running from a source tree that was never installed
        modules.insert(0, BUILTINS)
    for name in modules:
        _import_all(name)


def _import_all(name: str) -> None:
    """Import module `name`, and every module under it when it is a package. A module that fails to
    import is logged and skipped: a broken plugin, or one broken component file, must not take the
    others down (its ids stay unknown, WF201)."""
    try:
        module = importlib.import_module(name)
    except Exception:
        log.warning("wareflow: could not load components from %s", name, exc_info=True)
        return
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), module.__name__ + ".",
                                      onerror=lambda failed: log.warning("wareflow: could not load %s", failed)):
        try:
            importlib.import_module(info.name)
        except Exception:
            log.warning("wareflow: could not load components from %s", info.name, exc_info=True)


@dataclass(frozen=True)
class Link:
    """The producer feeding one input port: a node and its output handle."""

    node: str
    handle: str


@dataclass(frozen=True)
class BoundWorkflow:
    workflow: Workflow
    components: Mapping[str, Component]
    order: tuple[str, ...]  # topological, deterministic
    links: Mapping[str, Mapping[str, Link]]  # node id -> input port -> producer
    variables: Mapping[str, Any]  # name -> typed default
    warnings: tuple[Issue, ...] = ()  # not fatal: e.g. nodes wired to nothing, skipped as CARTO does
    # name -> JSON-schema keywords (minimum, exclusiveMinimum, maximum, enum) from the inputs it sets
    variable_schemas: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def readers(self, node_id: str, handle: str) -> tuple[tuple[str, str], ...]:
        """The (node, input) pairs that read output `handle` of `node_id`: `links` the other way round."""
        return self._readers.get(Link(node_id, handle), ())

    @cached_property
    def _readers(self) -> Mapping[Link, tuple[tuple[str, str], ...]]:
        readers: dict[Link, list[tuple[str, str]]] = defaultdict(list)
        for node_id, inputs in self.links.items():
            for name, link in inputs.items():
                readers[link].append((node_id, name))
        return {link: tuple(pairs) for link, pairs in readers.items()}

    def is_source(self, node_id: str) -> bool:
        return isinstance(self.components[node_id], SourceComponent)

    def is_sink(self, node_id: str) -> bool:
        return isinstance(self.components[node_id], SinkComponent)


def bind(workflow: Workflow) -> BoundWorkflow:
    """Validate `workflow` against the catalog; raise `WorkflowError` with every issue found."""
    issues = structural_issues(workflow)
    known = catalog()
    components: dict[str, Component] = {}
    used_variables: set[str] = set()
    constraints: dict[str, list[tuple[str, Param]]] = defaultdict(list)
    warnings: list[Issue] = []
    wired = {e.source for e in workflow.edges} | {e.target for e in workflow.edges}
    for node in workflow.nodes:
        cls = known.get(node.component)
        if node.id not in wired and (cls is None or any(not p.optional for p in cls.inputs)):
            # CARTO skips a node that is wired to nothing; we do too, but say so.
            warnings.append(Issue("WF215", "node is not connected to anything and is skipped",
                                  node_id=node.id, component=node.component))
            continue
        if cls is None:
            if node.component in NOT_YET_SUPPORTED:
                issues.append(Issue("WF214", f"component is not supported yet ({NOT_YET_SUPPORTED[node.component]})",
                                    node_id=node.id, component=node.component))
            else:
                issues.append(Issue("WF201", "unknown component", node_id=node.id, component=node.component,
                                    hint="run 'wareflow catalog' for the supported components"))
            continue
        ctx = BindContext(workflow, node)
        values: dict[str, Any] = {}
        for name, param in cls.params.items():
            try:
                values[name] = param.read(node.inputs.get(param.key), ctx)
            except ParamError as exc:
                issues.append(Issue(exc.code, str(exc), node_id=node.id, component=node.component, field=param.key))
        used_variables |= ctx.used_variables
        for name, params in ctx.constrained_by.items():
            constraints[name].extend((node.id, p) for p in params)
        components[node.id] = comp = cls(node, values)
        if len(values) == len(cls.params):  # every input read: check how they fit together
            issues.extend(Issue("WF203", message, node_id=node.id, component=node.component, field=field)
                          for field, message in comp.problems())
    skipped = {w.node_id for w in warnings}
    workflow = replace(workflow, nodes=tuple(n for n in workflow.nodes if n.id not in skipped))
    links = _links(workflow, components, issues)
    schemas = {name: variable_schema([p for _, p in params]) for name, params in sorted(constraints.items())}
    variables = _variables(workflow, used_variables, schemas, issues)
    if issues:
        raise WorkflowError(issues).in_file(workflow.path) if workflow.path else WorkflowError(issues)
    return BoundWorkflow(workflow, components, tuple(topological_order(workflow)), links, variables,
                         tuple(warnings), schemas)


def variable_schema(params: list[Param]) -> dict[str, Any]:
    """The JSON-schema keywords a variable must meet to suit every input it sets: the tightest bounds."""
    schema: dict[str, Any] = {}
    for param in params:
        for key, bound in param.json_schema().items():
            if key == "enum":
                schema[key] = [o for o in schema.get(key, bound) if o in bound]
            elif key not in schema:
                schema[key] = bound
            else:
                schema[key] = max(schema[key], bound) if "inimum" in key else min(schema[key], bound)
    return schema


def check_schema(value: Any, schema: Mapping[str, Any]) -> None:
    """Raise ValueError when `value` breaks one of `schema`'s keywords (see `variable_schema`)."""
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if numeric and "exclusiveMinimum" in schema and not value > schema["exclusiveMinimum"]:
        raise ValueError(f"expected a number > {schema['exclusiveMinimum']:g}, got {value!r}")
    if numeric and "minimum" in schema and not value >= schema["minimum"]:
        raise ValueError(f"expected a number >= {schema['minimum']:g}, got {value!r}")
    if numeric and "maximum" in schema and not value <= schema["maximum"]:
        raise ValueError(f"expected a number <= {schema['maximum']:g}, got {value!r}")
    if "enum" in schema and value not in schema["enum"]:
        raise ValueError(f"expected one of {', '.join(map(repr, schema['enum']))}, got {value!r}")


def _links(workflow: Workflow, components: Mapping[str, Component], issues: list[Issue]) -> dict[str, dict[str, Link]]:
    links: dict[str, dict[str, Link]] = defaultdict(dict)
    # Ports fed by an edge from an existing node, even one that failed to bind: not "unconnected".
    nodes = {n.id for n in workflow.nodes}
    fed = {(e.target, e.target_handle) for e in workflow.edges if e.source in nodes}
    for edge in workflow.edges:
        source, target = components.get(edge.source), components.get(edge.target)
        if target is not None:
            ports, _ = target.port_names()
            if edge.target_handle not in ports:
                issues.append(Issue("WF206", f"edge '{edge.id}' enters unknown input '{edge.target_handle}'",
                                    node_id=edge.target, component=target.id, field=edge.target_handle,
                                    hint=f"inputs are: {', '.join(sorted(ports)) or 'none'}"))
                continue
            if edge.target_handle in links[edge.target]:
                issues.append(Issue("WF213", "input is connected by more than one edge", node_id=edge.target,
                                    component=target.id, field=edge.target_handle))
                continue
        if source is not None:
            _, outs = source.port_names()
            if edge.source_handle not in outs:
                issues.append(Issue("WF206", f"edge '{edge.id}' leaves unknown output '{edge.source_handle}'",
                                    node_id=edge.source, component=source.id,
                                    hint=f"outputs are: {', '.join(sorted(outs)) or 'none'}"))
                continue
        if source is not None and target is not None:
            links[edge.target][edge.target_handle] = Link(edge.source, edge.source_handle)
    for node_id, comp in components.items():
        for port in comp.inputs:
            if not port.optional and (node_id, port.name) not in fed:
                issues.append(Issue("WF211", "required table input is not connected", node_id=node_id,
                                    component=comp.id, field=port.name, hint="connect an edge to it"))
    return dict(links)


def _variables(workflow: Workflow, used: set[str], schemas: Mapping[str, Mapping[str, Any]],
               issues: list[Issue]) -> dict[str, Any]:
    typed: dict[str, Any] = {}
    for var in workflow.variables:
        if var.name not in used:
            issues.append(Issue("WF208", f"variable '{var.name}' is declared but never used",
                                hint="remove it, or use it as @name in SQL or {{@name}} in an input"))
        try:
            typed[var.name] = coerce_variable(var.type, var.value)
            check_schema(typed[var.name], schemas.get(var.name, {}))
        except ValueError as exc:
            issues.append(Issue("WF203", f"variable '{var.name}': {exc}"))
    for name in sorted(used - {v.name for v in workflow.variables}):
        users = [n.id for n in workflow.nodes if f"@{name}" in str(dict(n.inputs))]
        issues.append(Issue("WF210", f"variable '@{name}' is used but not declared",
                            node_id=users[0] if users else None, hint="add it to the workflow's variables"))
    return typed


def typed_values(bound: BoundWorkflow, values: Mapping[str, Any], *, strict: bool = True) -> dict[str, Any]:
    """Values for the workflow's variables (CLI ``--var``, a run's params), each in its declared type
    and within the bounds of the inputs it sets.

    Raises `WorkflowError`: WF203 for a value of the wrong type or out of bounds, WF210 (when `strict`)
    for a name the workflow does not declare.
    """
    workflow = bound.workflow
    declared = {v.name: v.type for v in workflow.variables}
    typed: dict[str, Any] = {}
    issues: list[Issue] = []
    for name, value in values.items():
        if name not in declared:
            if strict:
                issues.append(Issue("WF210", f"variable '{name}' is not declared by the workflow",
                                    hint=f"declared: {', '.join(sorted(declared)) or 'none'}"))
            continue
        try:
            typed[name] = coerce_variable(declared[name], value)
            check_schema(typed[name], bound.variable_schemas.get(name, {}))
        except ValueError as exc:
            issues.append(Issue("WF203", f"variable '{name}': {exc}"))
    if issues:
        raise WorkflowError(issues)
    return typed


def coerce_variable(var_type: str, value: Any) -> Any:
    """A variable's value in its declared type (CARTO sends every value as a string)."""
    if var_type.lower() == "number":
        if isinstance(value, bool):
            raise ValueError(f"expected a number, got {value!r}")
        if isinstance(value, int):
            return value
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            raise ValueError(f"expected a number, got {value!r:.60}") from None
        if not math.isfinite(number):
            raise ValueError(f"expected a finite number, got {value!r:.60}")
        return int(number) if number.is_integer() else number
    if isinstance(value, dict | list):
        raise ValueError(f"expected text, got {type(value).__name__}")
    return "" if value is None else str(value)

"""Stage -> sqlglot statements for one dialect.

Within a stage every fused port becomes a CTE named after its node; the stage's output query is
published to its table (intermediate, replaced destination, or exactly-once append). Column lists
flow from the sources' schemas (declared in the workflow, given with ``--schemas``, or read from
the warehouse by the operator when the task runs) through every component.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

import sqlglot
from sqlglot import exp

import wareflow
from wareflow.components.base import BuildContext, ColumnName, Component, SinkComponent, SourceComponent
from wareflow.errors import CompileError, Issue
from wareflow.plan.ir import Plan, Port, Stage
from wareflow.plan.planner import slug
from wareflow.sql.dialects.base import WarehouseDialect
from wareflow.sql.ops import Operation, Requirement
from wareflow.sql.relation import Column, ColumnNotFound, Query, Rel, SchemaUnknown, Step, col, ident, table_ref

SchemaLookup = Callable[[str, tuple[str, ...]], "tuple[Column, ...] | None"]
# a component's small read: (query, what its functions need installed, the stage) -> rows
Fetch = Callable[[exp.Query, "tuple[Requirement, ...]", Stage], "list[tuple[Any, ...]]"]
LEDGER_TABLE = "_wareflow_appends"
MAX_FETCHED_ROWS = 10_000  # what a component may read back while building: aggregates, never the data
DEFAULT_REUSE_TTL_S = 24 * 3600  # how long a reused intermediate stays fresh (sidecar `reuse_ttl_seconds`)


@dataclass(frozen=True)
class CompiledStage:
    stage: Stage
    kind: str  # "intermediate" | "replace" | "append"
    target: exp.Table
    query: exp.Query
    statements: tuple[exp.Expr, ...]
    columns: tuple[Column, ...] | None
    requirements: tuple[Requirement, ...] = ()  # what must be installed before the statements run
    # the small results its components read while it compiled (already run when there was a warehouse)
    fetches: tuple[tuple[str, exp.Query], ...] = ()

    def sql(self, dialect: WarehouseDialect, pretty: bool = True) -> list[str]:
        """The statements as text, after the queries whose results they were built with (each marked)."""
        read = [f"-- read while compiling: {key}\n{dialect.generate(q, pretty=pretty)}" for key, q in self.fetches]
        return [*read, *(dialect.generate(s, pretty=pretty) for s in self.statements)]


def map_table(parts: tuple[str, ...], table_map: Mapping[str, str] | tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """Rewrite the longest matching prefix of a qualified name: {"proj.ds": "main"} turns
    ``proj.ds.t`` into ``main.t`` (an empty replacement leaves the bare table name)."""
    name = ".".join(parts)
    for old, new in sorted(dict(table_map).items(), key=lambda kv: -len(kv[0])):
        if name == old or name.startswith(old + "."):
            rest = name[len(old):].lstrip(".")
            mapped = ".".join(p for p in (new, rest) if p)
            return tuple(mapped.split("."))
    return parts


@dataclass
class Compiler:
    """Compiles the stages of one plan for one dialect with one set of variable values."""

    plan: Plan
    dialect: WarehouseDialect
    variables: Mapping[str, object] = field(default_factory=dict)
    schemas: SchemaLookup | None = None  # (name as written, mapped parts) -> columns
    run_key: str = "manual"
    scratch_schema: str | None = None
    fetch: Fetch | None = None  # reads a component's small results (`BuildContext.fetch`); None: placeholders
    # Intermediates named by their content, kept and reused while fresh (`wareflow.warehouses.reuse`)
    reuse: bool = False
    reuse_ttl_s: int = DEFAULT_REUSE_TTL_S

    def __post_init__(self) -> None:
        if self.reuse and self.dialect.epoch_seconds is None:
            raise CompileError(Issue("WF305", f"reuse_intermediates is not supported on {self.dialect.title} yet",
                                     hint="turn reuse_intermediates off for this connection"))
        self.bound = self.plan.workflow
        self.values = {**self.bound.variables, **self.variables}
        self._stage_columns: dict[str, tuple[Column, ...] | None] = {}
        self._scratch = {s.id for s in self.plan.scratch()}
        self._used: dict[Port, list[Operation]] = {}  # the operations each port's build asked the dialect for

    # --- names -------------------------------------------------------------------------------------
    def source_table(self, node_id: str) -> tuple[str, ...]:
        comp = self.bound.components[node_id]
        assert isinstance(comp, SourceComponent)
        return map_table(comp.table_parts(), self.plan.table_map)

    @property
    def run_token(self) -> str:
        """A short name for this run (its `run_key`): scopes scratch and staging tables to the run."""
        return hashlib.sha256(self.run_key.encode()).hexdigest()[:8]

    def intermediate_table(self, stage: Stage) -> exp.Table:
        """The table a stage that is no sink writes, named by the workflow, the stage, its sub-graph's
        content and the variable values.

        A scratch table (read by later stages, dropped once the run has succeeded) is also named by the
        run: a retry of the run overwrites its own, while two runs (of one DAG, or of two workflows
        sharing a sub-graph) never write, read or drop each other's. A table that stays (a leaf: a
        result to look at; every table with ``materialize="all"``) is not: the next run replaces it.

        With `reuse`, every such table is named by its content alone (`reuse_key`): the next run, or another
        workflow with the same sub-graph and variable values, finds it.
        """
        if self.reusable(stage):
            return self._scratch_table(stage.label, self._reuse_name(stage))
        scoped = stage.id in self._scratch
        key = json.dumps([self.bound.workflow.title, stage.id, stage.content_hash, sorted(self.values.items()),
                          self.run_key if scoped else None], default=str)
        return self._scratch_table(stage.label, key)

    def reusable(self, stage: Stage) -> bool:
        """Whether `stage`'s table is kept and reused while fresh: with `reuse`, every table but a sink's."""
        return self.reuse and bool(stage.output.handle)

    def reuse_key(self, stage: Stage) -> str:
        """What a reused table holds, in full (its name keeps 12 digits of it): the stage's sub-graph (its
        Merkle hash), the variable values, and the Wareflow release that wrote the SQL."""
        return hashlib.sha256(self._reuse_name(stage).encode()).hexdigest()

    def _reuse_name(self, stage: Stage) -> str:
        return json.dumps(["reuse", wareflow.__version__, stage.content_hash, sorted(self.values.items())],
                          default=str)

    def _scratch_table(self, label: str, key: str) -> exp.Table:
        """``wareflow_<label>_<hash of key>``, in the scratch schema when there is one."""
        name = f"wareflow_{slug(label, 24)}_{hashlib.sha256(key.encode()).hexdigest()[:12]}"
        return table_ref((self.scratch_schema, name) if self.scratch_schema else (name,))

    def destination(self, stage: Stage) -> tuple[str, ...]:
        """Where a sink writes; an empty destination writes ``<workflow>_<node>`` in the default schema."""
        sink = self.bound.components[stage.output.node]
        assert isinstance(sink, SinkComponent)
        parts = sink.destination_parts()
        if parts:
            return map_table(parts, self.plan.table_map)
        return (f"{slug(self.bound.workflow.title, 40)}_{slug(stage.output.node, 8)}",)

    def target(self, stage: Stage) -> exp.Table:
        if stage.output.handle:
            return self.intermediate_table(stage)
        return table_ref(self.destination(stage))

    def kind(self, stage: Stage) -> str:
        """``intermediate`` for a scratch table of this run; ``replace`` (published atomically) for a
        table that stays; ``append`` for a sink that appends."""
        if stage.output.handle:
            return "intermediate" if stage.id in self._scratch else "replace"
        return "append" if getattr(self.bound.components[stage.output.node], "append", False) else "replace"

    # --- compiling -----------------------------------------------------------------------------------
    def compile_all(self) -> list[CompiledStage]:
        """Every stage in run order, passing each one's output columns to the stages that read it."""
        return [self.compile_stage(stage) for stage in self.plan.stages]

    def compile_stage(self, stage: Stage, upstream_columns: Mapping[str, tuple[Column, ...] | None] | None = None
                      ) -> CompiledStage:
        if upstream_columns:
            self._stage_columns.update(upstream_columns)
        rels: dict[Port, Rel] = {}
        ctes: list[tuple[str, Query]] = []
        kept: set[str] = set()
        before: list[exp.Expr] = []  # steps made scratch tables: created before the publish
        after: list[exp.Expr] = []  # ... and dropped after it
        used_names: set[str] = set()
        # a component that fetches reads the stage's CTEs as built, before any step became a table
        fetching = any(self.bound.components[p.node].fetches for p in stage.ports)
        plain: list[tuple[str, Query]] = []
        fetched: list[tuple[str, exp.Query]] = []
        for port in stage.ports:
            name = slug(self.bound.workflow.node(port.node).display, 30)
            name = next(f"{name}_{i}" for i in range(1, len(stage.ports) + 2) if f"{name}_{i}" not in used_names)
            used_names.add(name)
            fetcher = partial(self._fetch, stage, plain, fetched) if fetching else None
            query = self.build_port(port, rels, step_prefix=name, fetcher=fetcher)
            if fetching:
                plain.extend([*((s.ref.name, _copy(s.query)) for s in query.steps), (name, _copy(query))])
            tables: dict[str, exp.Table] = {}  # steps made tables, by the name the queries read them as
            for step in query.steps:
                step_query = _retarget(step.query, tables)
                if step.shape and step.shape in self.dialect.step_tables:
                    tables[step.ref.name] = self._step_table(stage, replace(step, query=step_query), ctes, before)
                    after.append(self.dialect.drop(tables[step.ref.name]))
                else:
                    ctes.append((step.ref.name, step_query))
                    if step.reused and self.dialect.materializes_costly_ctes:
                        kept.add(step.ref.name)
            query = _retarget(query, tables)
            ctes.append((name, query))
            if self._keep_materialized(port, stage):
                kept.add(name)
            rels[port] = _named(query, name, port)
        final = self._statement(ctes, sink=not stage.output.handle, materialized=kept)
        columns = ctes[-1][1].columns
        self._stage_columns[stage.id] = columns
        target, kind = self.target(stage), self.kind(stage)
        if kind == "append":
            ledger = table_ref((*target_schema(target), LEDGER_TABLE))
            statements = self.dialect.append(target, final, ledger, ledger_key(self.run_key, stage.id))
        else:
            # a reused table is kept as an ordinary one (an UNLOGGED table is emptied by crash recovery)
            statements = self.dialect.publish(target, final, intermediate=kind == "intermediate" and not self.reuse,
                                              token=self.run_token)
            if stage.output.handle:  # read by later stages: made fast to match on
                statements += self.dialect.index_probes(target, self._probed(stage.output, columns))
        statements = [*before, *statements, *after]
        needs = self._needs(stage)
        script = [sqlglot.parse_one(r.provide, read=self.dialect.sqlglot_dialect)
                  for r in needs if r.provided_by == "script"]
        return CompiledStage(stage, kind, target, final, (*script, *statements), columns, needs, tuple(fetched))

    def _fetch(self, stage: Stage, plain: list[tuple[str, Query]], out: list[tuple[str, exp.Query]], key: str,
               query: Query, steps: tuple[Step, ...]) -> list[tuple[Any, ...]] | None:
        """Run a component's fetch (`BuildContext.fetch`): `query` with the CTEs it reads (the stage's so far,
        as built, and the node's steps), recorded in `out`; its rows, or None without a warehouse."""
        ctes = [*plain, *((s.ref.name, s.query) for s in steps)]
        wanted = _reachable([(n, _copy(q)) for n, q in ctes], _copy(query))
        statement = self._statement([*wanted, (key, _copy(query))], sink=False, materialized=set())
        out.append((key, statement))
        if self.fetch is None:
            return None
        rows = self.fetch(statement.copy(), self._needs(stage), stage)  # built so far: DuckDB's H3 functions, say
        if len(rows) > MAX_FETCHED_ROWS:  # a component's bug: it must read aggregates
            raise CompileError(Issue("WF408", f"'{key}' read {len(rows)} rows while compiling; a component may "
                                              f"read at most {MAX_FETCHED_ROWS} (aggregates, never the data)"))
        return rows

    def _needs(self, stage: Stage) -> tuple[Requirement, ...]:
        """What the stage's SQL built so far calls needs installed: the operations built, not all a component
        might use (Getis-Ord on a quadbin grid calls no H3 function)."""
        return self.dialect.required_for(op for port in stage.ports for op in self._used.get(port, ()))

    def _step_table(self, stage: Stage, step: Step, ctes: list[tuple[str, Query]], out: list[exp.Expr]) -> exp.Table:
        """Write `step` as a scratch table of this run (with the stage's CTEs it reads), indexed where it
        is probed; its statements go to `out`. Returns the table."""
        table = self._scratch_table(step.ref.name, json.dumps([stage.id, step.ref.name, self.run_key]))
        query = step.query.expression.copy()
        wanted = _reachable(ctes, replace(step.query, expression=query))  # and what those read, in turn
        if wanted:
            query = self._statement([*((n, replace(q, expression=q.expression.copy())) for n, q in wanted),
                                     ("_", replace(step.query, expression=query))], sink=False, materialized=set())
        geo = [c.name for c in step.query.columns or () if c.type == "geography"] if step.shape == "probe" else []
        out.extend([*self.dialect.publish(table, query, intermediate=True, token=self.run_token),
                    *self.dialect.index_probes(table, geo)])
        return table

    def build_port(self, port: Port, rels: Mapping[Port, Rel], step_prefix: str = "step",
                   fetcher: Callable[..., Any] | None = None) -> Query:
        comp = self.bound.components[port.node]
        node = self.bound.workflow.node(port.node)
        if not comp.expressible_in(self.dialect):
            raise unsupported(node.id, comp, self.dialect)
        inputs = {name: self._input(link.node, link.handle, rels)
                  for name, link in self.bound.links.get(port.node, {}).items()}
        ctx = BuildContext(self.dialect, self.bound.workflow.source_dialect, node, self.values, step_prefix,
                           fetcher=fetcher)
        self._used[port] = ctx.used
        try:
            built = comp.build(ctx, **inputs)
        except ColumnNotFound as exc:
            field = exc.name.field if isinstance(exc.name, ColumnName) else None
            raise CompileError(Issue(
                "WF204", f"column '{exc.name}' not found in {exc.relation}", node_id=node.id,
                component=node.component, field=field,
                hint=f"available: {', '.join(exc.available) or 'none'}")) from None
        except SchemaUnknown as exc:
            raise CompileError(Issue(
                "WF301", f"the columns of {exc.relation} are needed {exc.why}", node_id=node.id,
                component=node.component,
                hint="declare the source schema, pass --schemas FILE.json or --conn, or run it as a task")) from None
        query = built[port.handle] if isinstance(built, dict) else built
        if query.columns is None and not query.unknown_tables:  # keep naming the sources we lack
            unknown = tuple(dict.fromkeys(t for rel in inputs.values() for t in rel.unknown_tables))
            query = replace(query, unknown_tables=unknown)
        return query

    def _input(self, node_id: str, handle: str, rels: Mapping[Port, Rel]) -> Rel:
        producer = Port(node_id, handle)
        if producer in rels:
            return rels[producer]
        if self.bound.is_source(node_id):
            parts = self.source_table(node_id)
            written = ".".join(self.bound.components[node_id].table_parts())  # type: ignore[attr-defined]
            declared = self.bound.workflow.node(node_id).schema
            columns = (tuple(Column(c.name, c.type) for c in declared) if declared
                       else self.schemas(written, parts) if self.schemas else None)
            return Rel(table_ref(parts), columns, ".".join(parts), (),
                       () if columns is not None else (".".join(parts),))
        stage = self.plan.producer(producer)
        assert stage is not None, producer
        table = self.intermediate_table(stage)
        columns = self._stage_columns.get(stage.id)
        if columns is None and self.schemas:
            columns = self.schemas(table.sql(), tuple(p.name for p in table.parts))
        return Rel(table, columns, f"the output of stage '{stage.id}'", self._ordering(producer, columns),
                   () if columns is not None else (table.name,))

    def _keep_materialized(self, port: Port, stage: Stage) -> bool:
        """Whether `port`'s CTE must not be inlined: its costly columns are read by a join in the stage."""
        if not (self.dialect.materializes_costly_ctes and self.bound.components[port.node].costly):
            return False
        in_stage = {p.node for p in stage.ports}
        return any(len(self.bound.links.get(node, {})) > 1
                   for node, _ in self.bound.readers(port.node, port.handle) if node in in_stage)

    def _probed(self, output: Port, columns: tuple[Column, ...] | None) -> list[str]:
        """The geography columns of a materialised `output` that the nodes reading it match on."""
        geo = {c.name.lower(): c.name for c in columns or () if c.type == "geography"}
        wanted = (str(c).lower() for node, name in self.bound.readers(output.node, output.handle)
                  for c in self.bound.components[node].probes(name))
        return [geo[c] for c in dict.fromkeys(wanted) if c in geo]

    def _ordering(self, port: Port, columns: tuple[Column, ...] | None) -> tuple[exp.Ordered, ...]:
        """The order a port's rows are meant to have, known from the graph alone (ORDER BY upstream)."""
        comp = self.bound.components[port.node]
        while (keys := comp.sort_keys()) is None:  # walk up through order-preserving nodes
            # the order is its first declared input's (a spatial filter's `source`, not its `filter`),
            # whatever order the edges have in the file
            link = self.bound.links.get(port.node, {}).get(comp.inputs[0].name) if comp.inputs else None
            if not comp.preserves_order or link is None or self.bound.is_source(link.node):
                return ()
            port = Port(link.node, link.handle)
            comp = self.bound.components[port.node]
        names = {c.name.lower(): c.name for c in columns or ()}
        if columns is None or any(k.lower() not in names for k, _ in keys):
            return ()
        return tuple(exp.Ordered(this=col(names[k.lower()]), desc=d, nulls_first=False) for k, d in keys)

    def _statement(self, ctes: list[tuple[str, Query]], sink: bool, materialized: set[str]) -> exp.Query:
        # The queries were built for this statement alone: they are assembled in place, not copied.
        *before, (_, last) = ctes
        query = last.expression
        if (sink and last.ordering and self.dialect.orders_saved_tables and isinstance(query, exp.Select)
                and not query.args.get("order")):
            query = query.order_by(*(o.copy() for o in last.ordering), copy=False)  # saved tables keep the order
        if not before:
            return query
        own = query.args.get("with_") or query.args.get("with")
        tables = [exp.CTE(this=q.expression, alias=exp.TableAlias(this=ident(n)),
                          materialized=n in materialized or None) for n, q in before]
        if own is not None:
            tables.extend(own.expressions)
        query.set("with_" if "with_" in query.arg_types else "with", exp.With(expressions=tables))
        return query


def ledger_key(run_key: str, stage_id: str, limit: int = 255) -> str:
    """``<run>:<stage>``, kept under the ledger column's width with a hash of the full key."""
    key = f"{run_key}:{stage_id}"
    if len(key) <= limit:
        return key
    return f"{key[:limit - 17]}~{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def unsupported(node_id: str, comp: Component, dialect: WarehouseDialect) -> CompileError:
    """WF302: naming node, component, dialect, and the dialects that can express it."""
    from wareflow.sql.dialects import DIALECTS, get_dialect

    able = [name for name in sorted(DIALECTS) if comp.expressible_in(get_dialect(name))]
    missing = [op.name for op in comp.operations() if not dialect.supports(op)]
    if comp.explodes and not dialect.explodes:
        missing.append("arrays as rows")
    why = dialect.unsupported.get(comp.id) or (f"no {', '.join(missing)}" if missing else "")
    return CompileError(Issue(
        "WF302", f"the {dialect.title} dialect cannot express this component" + (f" ({why})" if why else ""),
        node_id=node_id, component=comp.id,
        hint=f"dialects that can: {', '.join(able)}" if able else "no dialect can yet"))


def compile_issues(plan: Plan, dialect: WarehouseDialect) -> list[Issue]:
    """Every problem compiling for `dialect` would raise that the workflow and its declared source
    schemas reveal, all at once (no warehouse needed): what `wareflow validate` adds to binding.

    Each node is built against the columns flowing into it; a node that fails is reported and
    its output treated as unknown, so one mistake is not reported again downstream. A source whose
    schema only the warehouse knows (WF301) is not a problem here.
    """
    compiler = Compiler(plan, dialect)
    issues: list[Issue] = []
    rels: dict[Port, Rel] = {}
    for stage in plan.stages:
        for port in stage.ports:
            try:
                query = compiler.build_port(port, rels, step_prefix=f"n{len(rels)}")
            except CompileError as exc:
                issues.extend(i for i in exc.issues if i.code != "WF301")
                query = Query(exp.select(exp.Star()), None, (), (f"node '{port.node}'",))
            rels[port] = _named(query, f"n{len(rels)}", port)
    order = {node: i for i, node in enumerate(plan.workflow.order)}
    return sorted(dict.fromkeys(issues), key=lambda i: order.get(i.node_id or "", -1))


def _copy(query: Query) -> Query:
    return replace(query, expression=query.expression.copy())


def _reachable(ctes: list[tuple[str, Query]], final: Query) -> list[tuple[str, Query]]:
    """The CTEs among `ctes` (in order, each reading only earlier ones) that `final` reads, directly or not."""
    needed = {t.name for t in final.expression.find_all(exp.Table)}
    kept = []
    for name, query in reversed(ctes):
        if name in needed:
            kept.append((name, query))
            needed |= {t.name for t in query.expression.find_all(exp.Table)}
    return kept[::-1]


def _retarget(query: Query, tables: Mapping[str, exp.Table]) -> Query:
    """`query` reading the steps named in `tables` from those tables instead of CTEs (in place)."""
    if not tables:
        return query

    def swap(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Table) and not node.args.get("db") and node.name in tables:
            table = tables[node.name].copy()
            table.set("alias", node.args.get("alias") or exp.TableAlias(this=ident(node.name)))
            return table
        return node

    expression = query.expression.transform(swap, copy=False)
    assert isinstance(expression, exp.Query)
    return replace(query, expression=expression)


def _named(query: Query, name: str, port: Port) -> Rel:
    """The relation a built port becomes for the nodes that read it: a CTE called `name`."""
    return Rel(exp.Table(this=ident(name)), query.columns, f"node '{port.node}'", query.ordering,
               query.unknown_tables)


def target_schema(table: exp.Table) -> tuple[str, ...]:
    return tuple(p.name for p in table.parts[:-1])

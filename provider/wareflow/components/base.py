"""What a component is: ports and parameters declared as data, and a `build` that makes sqlglot nodes.

Declarations drive validation (every problem reported at once, with node, input and code), the
catalog and the docs. `build` receives its inputs as `Rel`s and returns a `Query` (or one per
output handle); it never writes SQL text, and asks the dialect for anything warehouse-specific.
"""

from __future__ import annotations

import ast
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from sqlglot import exp

from wareflow.errors import CompileError, Issue
from wareflow.model.types import Node, Workflow
from wareflow.sql.dialects.base import WarehouseDialect
from wareflow.sql.ops import Operation
from wareflow.sql.relation import Query, Rel, Step, ident
from wareflow.sql.usersql import (
    UserSqlError,
    bind_variables,
    literal,
    parse_expression,
    parse_query,
    parse_select_list,
    variables_in,
)

_MISSING: Any = object()
_TEMPLATE = re.compile(r"^\s*\{\{(.*)\}\}\s*$", re.DOTALL)


@dataclass(frozen=True)
class Port:
    """A table handle: an input a node reads (``source``) or an output it yields (``result``)."""

    name: str
    optional: bool = False
    title: str = ""


class ColumnName(str):
    """A column named by an input; remembers the input so errors can name it."""

    field: str

    def __new__(cls, value: str, field: str) -> ColumnName:
        obj = super().__new__(cls, value)
        obj.field = field
        return obj

    def __reduce__(self) -> tuple[type[ColumnName], tuple[str, str]]:  # pickled with its input (the plan cache)
        return ColumnName, (str(self), self.field)


@dataclass(frozen=True)
class Templated:
    """A value written with variables (``{{@radius}}``, ``{{@count + 10}}``), bound when compiled."""

    tree: exp.Expr
    text: str


class ParamError(ValueError):
    def __init__(self, message: str, code: str = "WF203"):
        self.code = code
        super().__init__(message)


@dataclass
class BindContext:
    """What parsing an input may need: the workflow's SQL dialect and where variables were used."""

    workflow: Workflow
    node: Node
    used_variables: set[str] = field(default_factory=set)
    # variable -> the inputs that take it whole (``{{@radius}}``): their bounds become the variable's
    constrained_by: dict[str, list[Param]] = field(default_factory=dict)

    @property
    def dialect(self) -> str:
        return self.workflow.source_dialect

    def expression(self, text: str) -> exp.Expr:
        try:
            tree = parse_expression(text, self.dialect)
        except UserSqlError as exc:
            raise ParamError(str(exc), "WF212") from None
        self.note_variables(text, [tree])
        return tree

    def note_variables(self, text: str, trees: list[exp.Expr]) -> None:
        """Record the ``@variables`` used in `trees` (parsed from `text`; no walk when it has no ``@``)."""
        if "@" in text:
            for tree in trees:
                self.used_variables |= variables_in(tree)


class Param:
    """One input of a component. ``kind`` says how the raw JSON value is read."""

    kinds: ClassVar[frozenset[str]] = frozenset({
        "column", "number", "integer", "string", "boolean", "selection", "sql",
        "table_name", "output_table", "json", "aggregations", "geojson",
    })

    def __init__(self, kind: str, *, required: bool = True, default: Any = _MISSING,
                 options: Sequence[str] = (), multiple: bool = False, parent: str | None = None,
                 requires: str | None = None, gt: float | None = None, ge: float | None = None,
                 le: float | None = None, variables: bool = False, pattern: str | None = None,
                 parse_as: str = "expression", key: str | None = None, description: str = ""):
        assert kind in self.kinds, kind
        self.kind, self.multiple, self.parent, self.requires = kind, multiple, parent, requires
        self.options, self.gt, self.ge, self.le = tuple(options), gt, ge, le
        self.variables, self.pattern, self.description = variables, pattern, description
        self.parse_as = parse_as  # for kind "sql": "expression" | "select_list" | "query"
        self.default = default
        self.required = required and default is _MISSING
        self.name = self.key = key or ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.key = self.key or name  # the input's name in the workflow JSON

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        """On a bound component, the value read from the node (set in ``Component.__init__``)."""
        if obj is None:
            return self
        return obj.__dict__.get(self.name, None if self.default is _MISSING else self.default)

    # Constructors that read like the JSON they describe.
    @classmethod
    def column(cls, **kw: Any) -> Param:
        return cls("column", **kw)

    @classmethod
    def columns(cls, **kw: Any) -> Param:
        return cls("column", multiple=True, **kw)

    @classmethod
    def number(cls, **kw: Any) -> Param:
        return cls("number", **kw)

    @classmethod
    def string(cls, **kw: Any) -> Param:
        return cls("string", **kw)

    @classmethod
    def boolean(cls, default: bool = False, **kw: Any) -> Param:
        return cls("boolean", default=default, **kw)

    @classmethod
    def selection(cls, options: Sequence[str], **kw: Any) -> Param:
        return cls("selection", options=options, **kw)

    @classmethod
    def sql(cls, **kw: Any) -> Param:
        return cls("sql", **kw)

    def json_schema(self) -> dict[str, Any]:
        """The bounds of a numeric input as JSON-schema keywords (for a variable that sets it)."""
        keywords = {"exclusiveMinimum": self.gt, "minimum": self.ge, "maximum": self.le}
        schema: dict[str, Any] = {k: v for k, v in keywords.items() if v is not None}
        if self.kind == "selection":
            schema["enum"] = list(self.options)
        return schema

    def describe(self) -> dict[str, Any]:
        info: dict[str, Any] = {"name": self.key, "kind": self.kind, "required": self.required}
        if self.default is not _MISSING:
            info["default"] = self.default
        for key in ("options", "multiple", "parent", "requires", "gt", "ge", "le", "variables"):
            value = getattr(self, key)
            if value is not None and value is not False and value != ():  # 0 is a bound
                info[key] = list(value) if isinstance(value, tuple) else value
        return info

    # --- reading a raw JSON value ----------------------------------------------------------------
    def read(self, raw: Any, ctx: BindContext) -> Any:
        if _blank(raw):
            if self.required:
                raise ParamError("a value is required", "WF202")
            return None if self.default is _MISSING else self.default
        if self.variables and isinstance(raw, str) and (m := _TEMPLATE.match(raw)):
            tree = ctx.expression(m.group(1))
            if isinstance(tree, exp.Parameter):  # the variable is the value: it must meet the bounds
                ctx.constrained_by.setdefault(tree.name, []).append(self)
            return Templated(tree, raw)
        reader = getattr(self, f"_read_{self.kind}")
        return reader(raw, ctx)

    def _read_column(self, raw: Any, ctx: BindContext) -> Any:
        names = _names(raw)
        if not self.multiple:
            if len(names) != 1:
                raise ParamError(f"expected one column name, got {raw!r}")
            return ColumnName(names[0], self.key)
        if not names:
            raise ParamError("a value is required", "WF202")
        return tuple(ColumnName(n, self.key) for n in names)

    def _read_number(self, raw: Any, ctx: BindContext) -> float | int:
        try:
            value = float(raw) if not isinstance(raw, bool) else math.nan
        except (TypeError, ValueError):
            value = math.nan
        if math.isnan(value) or math.isinf(value):
            raise ParamError(f"expected a number, got {raw!r}")
        for bound, ok, text in ((self.gt, lambda v, b: v > b, ">"), (self.ge, lambda v, b: v >= b, ">="),
                                (self.le, lambda v, b: v <= b, "<=")):
            if bound is not None and not ok(value, bound):
                raise ParamError(f"expected a number {text} {bound:g}, got {raw!r}")
        return int(value) if value.is_integer() else value

    def _read_integer(self, raw: Any, ctx: BindContext) -> int:
        value = self._read_number(raw, ctx)
        if not float(value).is_integer():
            raise ParamError(f"expected a whole number, got {raw!r}")
        return int(value)

    def _read_string(self, raw: Any, ctx: BindContext) -> str:
        if isinstance(raw, dict | list):
            raise ParamError(f"expected text, got {type(raw).__name__}")
        text = str(raw)
        if self.pattern and not re.fullmatch(self.pattern, text):
            raise ParamError(f"{text!r} does not match {self.pattern}")
        return text

    def _read_boolean(self, raw: Any, ctx: BindContext) -> bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in {"true", "false"}:
            return raw.strip().lower() == "true"
        raise ParamError(f"expected true or false, got {raw!r}")

    def _read_selection(self, raw: Any, ctx: BindContext) -> str:
        value = raw.get("value") if isinstance(raw, dict) else raw
        if value not in self.options:
            raise ParamError(f"expected one of {', '.join(map(repr, self.options))}, got {value!r}")
        return str(value)

    def _read_sql(self, raw: Any, ctx: BindContext) -> Any:
        """SQL typed in the export's dialect, parsed now so errors surface at validation."""
        if not isinstance(raw, str):
            raise ParamError(f"expected SQL text, got {type(raw).__name__}")
        parse: dict[str, Any] = {"expression": parse_expression, "select_list": parse_select_list,
                                  "query": parse_query}
        try:
            tree = parse[self.parse_as](raw, ctx.dialect)
        except UserSqlError as exc:
            raise ParamError(str(exc), "WF212") from None
        ctx.note_variables(raw, tree if isinstance(tree, list) else [tree])
        return tree

    def _read_table_name(self, raw: Any, ctx: BindContext) -> tuple[str, ...]:
        parts = tuple(p.strip("`\" ") for p in str(raw).split("."))
        if not all(parts) or len(parts) > 3:
            raise ParamError(f"expected a table name like project.dataset.table, got {raw!r}")
        return parts

    _read_output_table = _read_table_name

    def _read_json(self, raw: Any, ctx: BindContext) -> Any:
        if not isinstance(raw, str):
            return raw
        try:
            return json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ParamError(f"malformed JSON: {exc.msg} at column {exc.colno}") from None

    _read_geojson = _read_json

    def _read_aggregations(self, raw: Any, ctx: BindContext) -> tuple[tuple[ColumnName, str], ...]:
        items = _names(raw)
        if not items or len(items) % 2:
            raise ParamError(f"expected pairs 'column,method,...', got {raw!r}")
        pairs = tuple((ColumnName(c, self.key), m.lower()) for c, m in zip(items[::2], items[1::2], strict=True))
        bad = [m for _, m in pairs if self.options and m not in self.options]
        if bad:
            raise ParamError(f"unknown aggregation {bad[0]!r}; expected one of {', '.join(self.options)}")
        return pairs


def _literal_number(tree: exp.Expr) -> float | None:
    """The value of a numeric literal (signed or parenthesised), else None."""
    while isinstance(tree, exp.Paren):
        tree = tree.this
    sign = 1.0
    if isinstance(tree, exp.Neg):
        sign, tree = -1.0, tree.this
    if isinstance(tree, exp.Literal) and not tree.is_string:
        try:
            return sign * float(tree.this)
        except ValueError:
            return None
    return None


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []


def _names(raw: Any) -> list[str]:
    """Column lists arrive as arrays, comma strings, or Python-list strings ("['a', 'b']")."""
    if isinstance(raw, str):
        text = raw.strip()
        if text.startswith("["):
            try:
                raw = json.loads(text)
            except json.JSONDecodeError:
                try:
                    raw = ast.literal_eval(text)
                except (ValueError, SyntaxError):
                    raw = text.strip("[]").split(",")
        else:
            raw = text.split(",")
    if not isinstance(raw, list | tuple):
        raw = [raw]
    return [str(v).strip().strip("'\"") for v in raw if str(v).strip()]


# --- the component class -----------------------------------------------------------------------
class Component:
    """Base of every component. Subclasses declare `inputs`, `outputs` and `Param` attributes."""

    id: ClassVar[str] = ""
    title: ClassVar[str] = ""
    category: ClassVar[str] = ""
    inputs: ClassVar[tuple[Port, ...]] = (Port("source"),)
    outputs: ClassVar[tuple[Port, ...]] = (Port("result"),)
    barrier: ClassVar[bool] = False  # must be materialised on its own (cannot be fused downstream)
    preserves_order: ClassVar[bool] = False  # row order of the input survives (ORDER BY ... LIMIT)
    operations_used: ClassVar[tuple[Operation, ...]] = ()  # what it asks dialects for, to check support
    costly: ClassVar[bool] = False  # its new columns are expensive per row (a geometry built from another)
    explodes: ClassVar[bool] = False  # turns arrays into rows (polyfill, k-ring): the dialect must `explode`
    fetches: ClassVar[bool] = False  # reads small results from the warehouse while it builds (`BuildContext.fetch`)
    params: ClassVar[dict[str, Param]] = {}

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        cls.params = {k: v for base in reversed(cls.__mro__) for k, v in vars(base).items() if isinstance(v, Param)}

    def __init__(self, node: Node, values: Mapping[str, Any]):
        self.node = node
        for name, value in values.items():
            setattr(self, name, value)

    @classmethod
    def supported_by(cls, dialect: WarehouseDialect, operations: tuple[Operation, ...] | None = None) -> bool:
        """Whether `dialect` can express this component: in general (the catalog and the docs), or
        with the `operations` one configured node needs (`expressible_in`)."""
        needed = cls.operations_used if operations is None else operations
        return (cls.id not in dialect.unsupported and all(dialect.supports(op) for op in needed)
                and (dialect.explodes or not cls.explodes))

    @classmethod
    def possible_operations(cls) -> tuple[Operation, ...]:
        """Every operation some configuration of this component may need (for the docs)."""
        return cls.operations_used

    def operations(self) -> tuple[Operation, ...]:
        """The operations this node needs with its inputs as set (class ones plus any chosen)."""
        return self.operations_used

    def expressible_in(self, dialect: WarehouseDialect) -> bool:
        """Whether `dialect` can express this node as configured (read by the compiler)."""
        return self.supported_by(dialect, self.operations())

    @classmethod
    def port_names(cls) -> tuple[set[str], set[str]]:
        return {p.name for p in cls.inputs}, {p.name for p in cls.outputs}

    def build(self, ctx: BuildContext, **inputs: Rel) -> Query | dict[str, Query]:
        raise NotImplementedError

    def problems(self) -> Iterable[tuple[str, str]]:
        """(input, message) for what `build` would reject that the inputs alone already show: checked
        at validation (WF203), so `wareflow validate` and a run agree. None by default."""
        return ()

    def probes(self, port: str) -> tuple[str, ...]:
        """Columns of input `port` this node matches rows on spatially: when that input is a
        materialised table, a spatial index on them is what makes the match fast."""
        return ()

    def sort_keys(self) -> tuple[tuple[str, bool], ...] | None:
        """(column, descending) pairs this node orders by; None if it sets no order of its own."""
        return None

    def describe(self) -> dict[str, Any]:
        return {}

    @classmethod
    def doc(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""


class SourceComponent(Component):
    """A node that names an existing table: it is read where it lives, never copied."""

    inputs = ()
    outputs = (Port("out"),)

    def table_parts(self) -> tuple[str, ...]:
        raise NotImplementedError


class SinkComponent(Component):
    """A node that writes a table the user named (``native.saveastable``)."""

    outputs = ()

    def destination_parts(self) -> tuple[str, ...] | None:
        raise NotImplementedError


# --- what build() gets ---------------------------------------------------------------------------
@dataclass
class BuildContext:
    """Everything a component's `build` may ask for while it makes sqlglot nodes."""

    dialect: WarehouseDialect
    source_dialect: str
    node: Node
    variables: Mapping[str, object] = field(default_factory=dict)
    step_prefix: str = "step"  # the node's name in the stage: its steps are called <prefix>_<name>
    steps: list[Step] = field(default_factory=list)
    used: list[Operation] = field(default_factory=list)  # what `fn` built: what the stage needs installed
    # runs a fetch (the compiler's): (key, query, steps so far) -> rows, or None without a warehouse
    fetcher: Callable[[str, Query, tuple[Step, ...]], list[tuple[Any, ...]] | None] | None = None

    def step(self, name: str, query: Query, *, shape: str = "", reused: bool = False) -> Rel:
        """Make `query` a named step of this node and return it as a relation to read from: a CTE, or a
        scratch table where the dialect wants steps of this `shape` materialised. The node's final query
        (and later steps) read it; `Query.steps` carries the steps to the compiler."""
        if any(step.name == name for step in self.steps):
            raise ValueError(f"step '{name}' of node '{self.node.id}' is named twice")  # a component's bug
        ref = exp.Table(this=ident(f"{self.step_prefix}_{name}"))
        self.steps.append(Step(name, ref, query, shape, reused))
        return Rel(ref, query.columns, f"step '{name}' of node '{self.node.id}'", query.ordering,
                   query.unknown_tables)

    def finish(self, query: Query) -> Query:
        """`query` with the steps built so far attached (what `build` returns when it made steps)."""
        return replace(query, steps=tuple(self.steps))

    def fetch(self, name: str, query: Query) -> list[tuple[Any, ...]] | None:
        """The rows of `query`, a small result the warehouse computes that the rest of the build needs
        (global statistics, a k x k matrix: never the data's rows), read when the stage runs. `query` may
        read the node's inputs and the steps made so far. None when compiling without a warehouse
        (`wareflow compile`, validation): the build goes on with `placeholder` values, so the compiled
        SQL shows where the fetched numbers go. Components that fetch set ``fetches = True``."""
        if self.fetcher is None:
            return None
        return self.fetcher(f"{self.step_prefix}_{name}", query, tuple(self.steps))

    def placeholder(self, name: str) -> exp.Expr:
        """Where a fetched number goes when there is no warehouse to read it from: ``:<node>_<name>``."""
        return exp.Placeholder(this=f"{self.step_prefix}_{name}")

    def fail(self, code: str, message: str, field_name: str | None = None, hint: str | None = None) -> CompileError:
        """A coded error located at this node (and input), to raise."""
        return CompileError(Issue(code, message, node_id=self.node.id, component=self.node.component,
                                  field=field_name, hint=hint))

    def constant(self, value: Any, field_name: str) -> int:
        """An integer input that must be known when compiling (a resolution, a ring size): the value,
        or its ``{{...}}`` expression evaluated with the variables bound; WF203 naming the input when
        it is not a whole number then."""
        if isinstance(value, Templated):
            from sqlglot.optimizer.simplify import simplify

            tree = simplify(self.bind(value.tree))
            number = _literal_number(tree)
            if number is None or not float(number).is_integer():
                raise CompileError(Issue(
                    "WF203", f"'{value.text}' must be a whole number when the workflow compiles, got "
                             f"{tree.sql()[:60]}", node_id=self.node.id, component=self.node.component,
                    field=field_name))
            return int(number)
        return int(value)

    def fn(self, operation: Operation, **args: exp.Expr) -> exp.Expr:
        # Components declare what they need in `operations()`; a need that depends on the columns
        # (grouping by a geometry where the warehouse cannot) is only known here.
        if not self.dialect.supports(operation):
            raise CompileError(Issue(
                "WF302", f"the {self.dialect.title} dialect cannot express operation '{operation}'",
                node_id=self.node.id, component=self.node.component))
        self.used.append(operation)
        return self.dialect.fn(operation, **args)

    def value(self, value: Any) -> exp.Expr:
        """A parameter value as SQL: a typed literal, or its ``{{...}}`` expression with variables bound."""
        if isinstance(value, Templated):
            return exp.Paren(this=self.bind(value.tree))
        if isinstance(value, exp.Expr):
            return self.bind(value)
        return literal(value)

    def bind(self, tree: exp.Expr) -> exp.Expr:
        return bind_variables(tree, dict(self.variables))

    def type(self, logical: str) -> exp.DataType:
        return self.dialect.type(logical)

"""What the grid statistics (Moran's I, local Moran's I, commercial hotspots) share: telling H3 from
quadbin by the index column's type, the cells with their values, each cell's k-ring with ring distances
(only cells present in the input), and the distance-decay weights of CARTO's k-ring statistics.

The grid is known from the data only (CARTO checks the column at run time): text is H3, an integer is
quadbin. Either family of functions is enough to compile; which one a node uses is decided by the type.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlglot import exp

from wareflow.components.base import BuildContext, Component
from wareflow.components.library._grid import explode_into, quadbin_ring
from wareflow.sql import ops
from wareflow.sql.dialects.base import WarehouseDialect
from wareflow.sql.relation import Column, Query, Rel, alias, col

DECAYS = ("uniform", "inverse", "inverse_square", "exponential")
H3_OPERATIONS: tuple[ops.Operation, ...] = (ops.H3_KRING, ops.H3_DISTANCE)
QUADBIN_OPERATIONS: tuple[ops.Operation, ...] = (ops.INT_RANGE,)


def grid_of(ctx: BuildContext, source: Rel, index: str, field: str = "indexcol") -> str:
    """``"h3"`` for a text index column, ``"quadbin"`` for an integer one; WF203 naming `field` otherwise."""
    source.known_columns("to tell an H3 index column from a quadbin one")
    grid = {"string": "h3", "number": "quadbin"}.get(source.type_of(index))
    if grid is None:
        raise ctx.fail("WF203", f"column '{index}' holds {source.type_of(index)} values, not H3 (text) or quadbin "
                                "(integer) cells", field)
    return grid


def index_type(grid: str) -> str:
    return "string" if grid == "h3" else "integer"


def cells_step(ctx: BuildContext, source: Rel, index: str, values: Sequence[tuple[str, str]], grid: str) -> Rel:
    """Step ``cells``: ``index`` and each (input column, output name) of `values` as a number; rows with a
    NULL index or any NULL value are dropped first."""
    selects: list[exp.Expr] = [alias(source.col(index), "index")]
    present: list[exp.Expr] = [exp.Not(this=exp.Is(this=source.col(index), expression=exp.Null()))]
    for column, name in values:
        selects.append(alias(exp.Cast(this=source.col(column), to=ctx.type("number")), name))
        present.append(exp.Not(this=exp.Is(this=source.col(column), expression=exp.Null())))
    query = exp.select(*selects).from_(source.table(), copy=False).where(exp.and_(*present), copy=False)
    return ctx.step("cells", Query(query, (Column("index", index_type(grid)),
                                           *(Column(name, "number") for _, name in values))))


def ring_step(ctx: BuildContext, cells: Rel, grid: str, size: int, reused: bool = False) -> Rel:
    """Step ``neighbours``: for each cell, every cell of its k-ring of radius `size` (itself included,
    whether present or not) as ``kring_index``, with the ring ``distance``. Joining it to the cells keeps
    the neighbours present in the input. `reused`: read many times, so kept whole (see `BuildContext.step`)."""
    if grid == "h3":
        query = exp.select(col("index")).from_(cells.table(), copy=False)
        neighbour = explode_into(ctx, query, ctx.fn(ops.H3_KRING, cell=col("index"),
                                                    size=exp.Literal.number(size)), "kring_index", "string")
        query.select(alias(ctx.fn(ops.H3_DISTANCE, a=col("index"), b=neighbour.copy()), "distance"), copy=False)
        ring = Query(query, (Column("index", "string"), Column("kring_index", "string"), Column("distance", "number")))
    else:
        ring = quadbin_ring(ctx, cells, "index", size, keep=("index",))
    return ctx.step("neighbours", ring, shape="fanout", reused=reused)


def decay_weight(decay: str, distance: exp.Expr) -> exp.Expr:
    """w(d) for a neighbour at ring distance d ≥ 1: uniform 1, inverse 1/d, inverse_square 1/d²,
    exponential exp(-d) (CARTO's k-ring decays, the cell itself excluded)."""
    d = exp.Cast(this=distance, to=exp.DataType.build("DOUBLE"))
    one = exp.Literal.number("1.0")
    return {
        "uniform": one,
        "inverse": exp.Div(this=one.copy(), expression=d),
        "inverse_square": exp.Div(this=one.copy(), expression=exp.Paren(this=exp.Mul(this=d, expression=d.copy()))),
        "exponential": exp.Exp(this=exp.Neg(this=d)),
    }[decay]


def number(value: float) -> exp.Expr:
    return exp.Literal.number(repr(float(value)))


def nullif_zero(value: exp.Expr) -> exp.Expr:
    return exp.Nullif(this=value, expression=exp.Literal.number(0))


def _operand(node: exp.Expr) -> exp.Expr:
    """`node` parenthesised unless it is atomic (a column, a literal, a function call, already in parentheses)."""
    atomic = isinstance(node, exp.Column | exp.Literal | exp.Func | exp.Paren) and not isinstance(
        node, exp.Binary | exp.Connector)
    return node if atomic else exp.Paren(this=node)


def div(a: exp.Expr, b: exp.Expr) -> exp.Expr:
    """a / b, NULL where b is 0."""
    return exp.Div(this=_operand(a), expression=nullif_zero(b))


def mul(*factors: exp.Expr) -> exp.Expr:
    out = _operand(factors[0])
    for f in factors[1:]:
        out = exp.Mul(this=out, expression=_operand(f))
    return out


def sub(a: exp.Expr, b: exp.Expr) -> exp.Expr:
    return exp.Sub(this=_operand(a), expression=_operand(b))


def add(a: exp.Expr, b: exp.Expr) -> exp.Expr:
    return exp.Add(this=_operand(a), expression=_operand(b))


class GridStatistic(Component):
    """A statistic over an H3 or a quadbin grid, told apart by the index column's type when it runs: the
    H3 k-ring and grid distance, or integer ranges for quadbin rings; either family compiles."""

    operations_used = H3_OPERATIONS
    explodes = True

    @classmethod
    def possible_operations(cls) -> tuple[ops.Operation, ...]:
        return H3_OPERATIONS + QUADBIN_OPERATIONS

    def operations(self) -> tuple[ops.Operation, ...]:
        return self.possible_operations()

    def expressible_in(self, dialect: WarehouseDialect) -> bool:
        return self.supported_by(dialect, H3_OPERATIONS) or self.supported_by(dialect, QUADBIN_OPERATIONS)

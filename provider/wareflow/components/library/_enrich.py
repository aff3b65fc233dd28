"""What the enrichment components share: each target shape joins every source feature that intersects it,
and each (variable, aggregation) pair becomes a column ``<variable>_<aggregation>``.

The steps, for every target kind (H3 cell, quadbin tile, point, polygon):

1. ``features``: the source rows with a geometry, their variables, and (where targets are areas) each
   feature's area and length;
2. ``shapes``: one row per distinct target shape: its key (the cell, or the geometry; its WKB where the
   warehouse cannot group geometries) and its geometry;
3. ``pairs``: every (shape, feature) that intersect, with the feature's weight: the area (polygon
   features) or length (line features) of the intersection, and its whole area or length; 1 and 1 for
   points;
4. ``enriched``: the aggregates per shape key;

then every target row, with the aggregates of its shape (NULL where no feature intersects it). Grid
components may smooth the enriched values over k-rings first (`decay_weight`).

A feature is a polygon when its area is positive, a line when its length is, a point otherwise (so a
degenerate polygon counts as a line, a zero-length line as a point).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param, Port, Templated
from wareflow.components.library._rings import DECAYS, ring_step
from wareflow.components.library._sql import check_new_column
from wareflow.sql import ops
from wareflow.sql.dialects.base import WarehouseDialect
from wareflow.sql.relation import Column, Query, Rel, alias, col

AGGREGATIONS = ("sum", "avg", "min", "max", "count")
AREAL_OPERATIONS = (ops.INTERSECTS, ops.AREA, ops.LENGTH, ops.INTERSECTION)


def variables_param() -> Param:
    return Param("aggregations", options=AGGREGATIONS, parent="source",
                 description="pairs 'column,aggregation' with aggregation one of sum, avg, min, max, count")


def source_geometry_param() -> Param:
    # optional: CARTO's canvas exports it empty (and then calls the procedure with 'null'); see `source_geometry`
    return Param.column(parent="source", requires="geography", required=False,
                        description="the source's geography column; when empty, its only one")


def source_geometry(ctx: BuildContext, source: Rel, chosen: str | None) -> str:
    """The source's geography column: the one chosen, else the only one it has (WF202 naming
    ``source_col`` when it has none or several)."""
    if chosen:
        return source.resolve(chosen)
    found = [c.name for c in source.known_columns("to find its geography column") if c.type == "geography"]
    if len(found) != 1:
        raise ctx.fail("WF202", f"a value is required: the source has {len(found) or 'no'} geography columns",
                       "source_col", f"choose one of: {', '.join(found)}" if found else
                       "the source needs a geography column")
    return found[0]


def kring_param() -> Param:
    return Param("integer", default=0, ge=0, variables=True)


def decay_param() -> Param:
    return Param.selection(DECAYS, default="uniform")


def smooths(kring: object) -> bool:
    """Whether a ring size (maybe a ``{{...}}`` expression) may ask for smoothing."""
    return isinstance(kring, Templated) or (isinstance(kring, int) and kring > 0)


@dataclass(frozen=True)
class Variable:
    """One output column: source column `column`, aggregated by `method`, read from ``pairs`` as `field`."""

    column: str
    method: str
    name: str
    field: str
    type: str


def read_variables(ctx: BuildContext, source: Rel, pairs: Sequence[tuple[str, str]], target: Rel, *,
                   numeric: bool) -> list[Variable]:
    """The variables, checked: each column exists (WF204, from `resolve`), sum and avg (every method when
    `numeric`: smoothing averages them all) need a number (WF203), the new names are new (WF304)."""
    fields: dict[str, str] = {}
    out: list[Variable] = []
    for column, method in pairs:
        real = source.resolve(column)
        kind = source.type_of(real)
        if (method in ("sum", "avg") or numeric) and method != "count" and kind not in ("number", "unknown"):
            raise ctx.fail("WF203", f"'{real},{method}' needs a numeric column, and '{real}' holds {kind} values",
                           "variables", "pick a numeric column, or min/max/count (without k-ring smoothing)")
        name = f"{real}_{method}"
        if any(v.name.lower() == name.lower() for v in out):
            raise ctx.fail("WF304", f"aggregation '{real},{method}' is listed twice", "variables")
        check_new_column(ctx, target, name, "variables")
        field = fields.setdefault(real, f"_wf_v{len(fields)}")
        out_type = "number" if method in ("sum", "avg", "count") or numeric else kind
        out.append(Variable(real, method, name, field, out_type))
    return out


def features_step(ctx: BuildContext, source: Rel, geo: str, variables: Sequence[Variable], *,
                  measured: bool) -> Rel:
    """Step ``features``: source rows with a geometry; their variables (sum and avg ones as numbers) as
    ``_wf_v<i>``; with `measured`, each feature's ``_wf_area`` (m²) and ``_wf_length`` (m)."""
    geometry = source.col(geo)
    numeric = {v.field for v in variables if v.type == "number" and v.method != "count"}
    projections: list[exp.Expr] = [alias(geometry.copy(), "_wf_geo")]
    columns = [Column("_wf_geo", "geography")]
    for real, field in dict((v.column, v.field) for v in variables).items():
        value: exp.Expr = source.col(real)
        if field in numeric:
            value = exp.Cast(this=value, to=ctx.type("number"))
        projections.append(alias(value, field))
        columns.append(Column(field, "number" if field in numeric else source.type_of(real)))
    if measured:
        projections += [alias(ctx.fn(ops.AREA, geo=geometry.copy()), "_wf_area"),
                        alias(ctx.fn(ops.LENGTH, geo=geometry.copy()), "_wf_length")]
        columns += [Column("_wf_area", "number"), Column("_wf_length", "number")]
    query = exp.select(*projections).from_(source.table(), copy=False).where(
        exp.Not(this=exp.Is(this=geometry.copy(), expression=exp.Null())), copy=False)
    return ctx.step("features", Query(query, tuple(columns)), shape="probe")


def geometry_shapes(ctx: BuildContext, target: Rel, geo: str) -> tuple[Rel, Callable[[exp.Expr], exp.Expr]]:
    """Step ``shapes`` for targets that are geometries: one row per distinct geometry, keyed by itself, or
    by its WKB where the warehouse cannot group geometries. Returns the step and how a target row's key
    is computed from its geometry (for the final join)."""
    geometry = target.col(geo)

    def key_of(value: exp.Expr) -> exp.Expr:
        return value if ctx.dialect.groups_geography else ctx.fn(ops.AS_BINARY, geo=value)

    kept = geometry.copy() if ctx.dialect.groups_geography else exp.AnyValue(this=geometry.copy())
    query = exp.select(alias(key_of(geometry.copy()), "_wf_key"), alias(kept, "_wf_geo")).from_(
        target.table(), copy=False).where(exp.Not(this=exp.Is(this=geometry.copy(), expression=exp.Null())),
                                          copy=False).group_by(key_of(geometry.copy()), copy=False)
    # the key is not typed "geography": it is matched on equality only (no spatial index for it)
    shapes = ctx.step("shapes", Query(query, (Column("_wf_key", "unknown"), Column("_wf_geo", "geography"))),
                      shape="probe")
    return shapes, key_of


def enrich(ctx: BuildContext, shapes: Rel, features: Rel, variables: Sequence[Variable], *,
           measured: bool) -> Rel:
    """Steps ``pairs`` and ``enriched``: the aggregates per shape key (``_wf_key``), one column per variable.

    SUM: polygons Σ v·|T∩f|/|f| (areas), lines the same with lengths, points Σ v; AVG: Σ v·w / Σ w over
    the features with a value, w = |T∩f| (m² or m) for polygons and lines and 1 for points; MIN, MAX plain;
    COUNT the features with a value. Without `measured` (point targets) SUM and AVG are plain."""
    on = ctx.fn(ops.INTERSECTS, a=exp.column("_wf_geo", "s"), b=exp.column("_wf_geo", "f"))
    fields = list(dict.fromkeys(v.field for v in variables))
    projections: list[exp.Expr] = [exp.column("_wf_key", "s"), *(exp.column(f, "f") for f in fields)]
    columns = [Column("_wf_key", shapes.columns[0].type if shapes.columns else "unknown"),
               *(c for c in features.columns or () if c.name in fields)]
    if measured:
        area, length = exp.column("_wf_area", "f"), exp.column("_wf_length", "f")
        overlap = ctx.fn(ops.INTERSECTION, a=exp.column("_wf_geo", "s"), b=exp.column("_wf_geo", "f"))
        positive = [exp.GT(this=area, expression=exp.Literal.number(0)),
                    exp.GT(this=length, expression=exp.Literal.number(0))]
        part = exp.Case(ifs=[exp.If(this=positive[0], true=ctx.fn(ops.AREA, geo=overlap)),
                             exp.If(this=positive[1].copy(), true=ctx.fn(ops.LENGTH, geo=overlap.copy()))],
                        default=exp.Literal.number("1.0"))
        whole = exp.Case(ifs=[exp.If(this=positive[0].copy(), true=area.copy()),
                              exp.If(this=positive[1].copy(), true=length.copy())],
                         default=exp.Literal.number("1.0"))
        projections += [alias(part, "_wf_part"), alias(whole, "_wf_whole")]
        columns += [Column("_wf_part", "number"), Column("_wf_whole", "number")]
    query = exp.select(*projections).from_(shapes.table("s"), copy=False).join(
        features.table("f"), on=on, join_type="INNER", copy=False)
    # reused: each aggregate reads the weights, which must not be recomputed per read (an inlined CTE would)
    pairs = ctx.step("pairs", Query(query, tuple(columns)), shape="fanout", reused=True)

    aggregates = [alias(_aggregate(v, measured), v.name) for v in variables]
    enriched = exp.select(col("_wf_key"), *aggregates).from_(pairs.table(), copy=False).group_by(
        col("_wf_key"), copy=False)
    return ctx.step("enriched", Query(enriched, (columns[0], *(Column(v.name, v.type) for v in variables))))


def _aggregate(variable: Variable, measured: bool) -> exp.Expr:
    value = col(variable.field)
    if variable.method == "min":
        return exp.Min(this=value)
    if variable.method == "max":
        return exp.Max(this=value)
    if variable.method == "count":
        return exp.Count(this=value)
    if not measured:
        return exp.Sum(this=value) if variable.method == "sum" else exp.Avg(this=value)
    if variable.method == "sum":
        share = exp.Div(this=col("_wf_part"), expression=col("_wf_whole"))
        return exp.Sum(this=exp.Mul(this=value, expression=exp.Paren(this=share)))
    weighted = exp.Sum(this=exp.Mul(this=value, expression=col("_wf_part")))
    weights = exp.Sum(this=exp.Case(ifs=[exp.If(this=exp.Not(this=exp.Is(this=value.copy(), expression=exp.Null())),
                                                 true=col("_wf_part"))]))
    return exp.Div(this=weighted, expression=exp.Nullif(this=weights, expression=exp.Literal.number(0)))


def decay_weight(ctx: BuildContext, decay: str, distance: exp.Expr) -> exp.Expr:
    """w(d) for ring distance d, the cell itself (d = 0) included: uniform 1, inverse 1/(1+d), inverse_square
    1/(1+d)², exponential exp(-d) (Wareflow's decision where CARTO does not document it; the k-ring
    statistics' `_rings.decay_weight` weighs neighbours only, by 1/d)."""
    d = exp.Cast(this=distance, to=ctx.type("number"))
    one_plus = exp.Paren(this=exp.Add(this=exp.Literal.number("1.0"), expression=d))
    return {
        "uniform": lambda: exp.Literal.number("1.0"),
        "inverse": lambda: exp.Div(this=exp.Literal.number("1.0"), expression=one_plus),
        "inverse_square": lambda: exp.Div(this=exp.Literal.number("1.0"), expression=exp.Paren(
            this=exp.Mul(this=one_plus, expression=one_plus.copy()))),
        "exponential": lambda: exp.Exp(this=exp.Neg(this=d)),
    }[decay]()


def smooth(ctx: BuildContext, shapes: Rel, enriched: Rel, variables: Sequence[Variable], grid: str, k: int,
           decay: str) -> Rel:
    """Steps ``ring_cells``, ``neighbours`` (`_rings.ring_step`), ``weights`` and ``smoothed``: per cell i,
    Σ_j w(d_ij)·v_j / Σ_j w(d_ij) over the cells j within `k` rings of i (itself included) whose value v_j
    is not NULL, each variable on its own."""
    key_type = shapes.columns[0].type if shapes.columns else "unknown"
    cells = ctx.step("ring_cells", Query(exp.select(alias(col("_wf_key"), "index")).from_(shapes.table(), copy=False),
                                         (Column("index", key_type),)))
    ring = ring_step(ctx, cells, grid, k)
    # the weight once per ring row (reused: an inlined CTE would recompute it in every aggregate)
    weights_query = exp.select(col("index"), col("kring_index"), alias(
        decay_weight(ctx, decay, col("distance")), "_wf_w")).from_(ring.table(), copy=False)
    weighted = ctx.step("weights", Query(weights_query, (
        Column("index", key_type), Column("kring_index", key_type), Column("_wf_w", "number"))), reused=True)
    weight = exp.column("_wf_w", "r")
    projections: list[exp.Expr] = [alias(exp.column("index", "r"), "_wf_key")]
    for v in variables:
        value = exp.column(v.name, "e")
        weights = exp.Sum(this=exp.Case(ifs=[exp.If(
            this=exp.Not(this=exp.Is(this=value.copy(), expression=exp.Null())), true=weight.copy())]))
        projections.append(alias(exp.Div(
            this=exp.Sum(this=exp.Mul(this=weight.copy(), expression=value)),
            expression=exp.Nullif(this=weights, expression=exp.Literal.number(0))), v.name))
    query = exp.select(*projections).from_(weighted.table("r"), copy=False).join(
        enriched.table("e"), on=exp.EQ(this=exp.column("kring_index", "r"), expression=exp.column("_wf_key", "e")),
        join_type="INNER", copy=False).group_by(exp.column("index", "r"), copy=False)
    return ctx.step("smoothed", Query(query, (Column("_wf_key", key_type), *(Column(v.name, "number")
                                                                             for v in variables))))


def with_enrichment(ctx: BuildContext, target: Rel, target_key: exp.Expr, enriched: Rel,
                    variables: Sequence[Variable]) -> Query:
    """Every target row (in any number, NULL keys included) with the aggregates of its shape."""
    query = exp.select(*target.star("t"), *(exp.column(v.name, "e") for v in variables)).from_(
        target.table("t"), copy=False).join(
        enriched.table("e"), on=exp.EQ(this=target_key, expression=exp.column("_wf_key", "e")),
        join_type="LEFT", copy=False)
    columns = None if target.columns is None else (*target.columns, *(Column(v.name, v.type) for v in variables))
    return ctx.finish(Query(query, columns))


# --- the component classes the four enrichments are --------------------------------------------------
class Enrichment(Component):
    """A target and a source table; the source's geometry column and the (column, aggregation) pairs."""

    inputs = (Port("target"), Port("source"))
    target_col = Param.column(parent="target")
    source_col = source_geometry_param()
    variables = variables_param()


class GridEnrichment(Enrichment):
    """Enrich H3 / Quadbin Grid: the target's distinct cells drawn as shapes (`cell_shapes`), enriched, and
    with `kring` > 0 smoothed over each cell's k-ring (`smoothing_operations` then needed)."""

    grid: ClassVar[str] = ""
    smoothing_operations: ClassVar[tuple[ops.Operation, ...]] = ()
    kring = kring_param()
    decay = decay_param()

    @classmethod
    def possible_operations(cls) -> tuple[ops.Operation, ...]:
        return (*cls.operations_used, *cls.smoothing_operations)

    def operations(self) -> tuple[ops.Operation, ...]:
        return self.possible_operations() if smooths(self.kring) else self.operations_used

    def expressible_in(self, dialect: WarehouseDialect) -> bool:
        return self.supported_by(dialect, self.operations()) and (dialect.explodes or not smooths(self.kring))

    def probes(self, port: str) -> tuple[str, ...]:
        return (self.source_col,) if port == "source" and self.source_col else ()

    def cell_shapes(self, ctx: BuildContext, target: Rel, cell: exp.Expr) -> tuple[Rel, Rel]:
        """(the distinct cells as a step whose first column is the cell, their shapes ``_wf_key``,
        ``_wf_geo``)."""
        raise NotImplementedError

    def build(self, ctx: BuildContext, target: Rel, source: Rel) -> Query:  # type: ignore[override]
        k = ctx.constant(self.kring, "kring")
        cell = target.col(self.target_col)
        variables = read_variables(ctx, source, self.variables, target, numeric=k > 0)
        features = features_step(ctx, source, source_geometry(ctx, source, self.source_col), variables, measured=True)
        cells, shapes = self.cell_shapes(ctx, target, cell)
        enriched = enrich(ctx, shapes, features, variables, measured=True)
        if k > 0:
            enriched = smooth(ctx, cells, enriched, variables, self.grid, k, self.decay)
        return with_enrichment(ctx, target, target.col(self.target_col, "t"), enriched, variables)


class GeometryEnrichment(Enrichment):
    """Enrich Points / Polygons: the target's geometries (keyed by their WKB where the warehouse cannot group
    geometries), enriched with areas and lengths when `measured`."""

    measured: ClassVar[bool] = True
    target_col = Param.column(parent="target", requires="geography")

    @classmethod
    def possible_operations(cls) -> tuple[ops.Operation, ...]:
        return (*cls.operations_used, ops.AS_BINARY)

    def operations(self) -> tuple[ops.Operation, ...]:
        return self.possible_operations()  # WKB keys only where geometries cannot be grouped: see below

    def expressible_in(self, dialect: WarehouseDialect) -> bool:
        needed = self.operations_used if dialect.groups_geography else self.possible_operations()
        return self.supported_by(dialect, needed)

    def probes(self, port: str) -> tuple[str, ...]:
        return {"target": (self.target_col,), "source": (self.source_col,) if self.source_col else ()}.get(port, ())

    def build(self, ctx: BuildContext, target: Rel, source: Rel) -> Query:  # type: ignore[override]
        variables = read_variables(ctx, source, self.variables, target, numeric=False)
        geo = source_geometry(ctx, source, self.source_col)
        features = features_step(ctx, source, geo, variables, measured=self.measured)
        shapes, key_of = geometry_shapes(ctx, target, self.target_col)
        enriched = enrich(ctx, shapes, features, variables, measured=self.measured)
        return with_enrichment(ctx, target, key_of(target.col(self.target_col, "t")), enriched, variables)

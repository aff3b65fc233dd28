"""The operation vocabulary: every warehouse function a component may ask a dialect for, as typed keys.

A dialect's function table maps each `Operation` it supports to a template taking exactly that
operation's named arguments (checked by the tests for every dialect); a component declares the
operations it may need, so the catalog, the docs and `WF302` know which warehouses can run it. sqlglot
translates none of these (ST_*, H3_*, SDO_*...): each comes from a dialect's table, keyed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Operation:
    """One function a component may ask for: a stable name and its named arguments."""

    name: str
    args: tuple[str, ...]
    description: str = ""  # as a workflow author meets it on the canvas (for the docs), when not obvious

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Requirement:
    """What must exist in the warehouse before an operation can run (an extension, a UDF, a function
    prefix), how to tell that it does, and how it is provided:

    - ``"administrator"``: installed beforehand; checked before the stage writes anything, and a missing
      one is the terminal WF407 quoting `install`;
    - ``"connection"``: created on the connection by Wareflow (`provide` names a ``module:function``
      called with the DB-API connection, once per session, e.g. DuckDB's Python UDFs), then checked;
    - ``"script"``: part of the stage's own statements (`provide` is fixed SQL of the dialect's run
      before the others, e.g. a BigQuery ``CREATE TEMP FUNCTION``).
    """

    name: str  # as a person calls it: "PostGIS"
    check: str  # a query of the dialect's own returning a row when it is there (fixed text, no input)
    install: str  # what to run, or read, to provide it
    provided_by: Literal["administrator", "connection", "script"] = "administrator"
    provide: str = ""


# constructors and conversions
POINT = Operation("point", ("lon", "lat"))
FROM_WKT = Operation("from_wkt", ("wkt",))
FROM_GEOJSON = Operation("from_geojson", ("geojson",))
AS_WKT = Operation("as_wkt", ("geo",))
AS_GEOJSON = Operation("as_geojson", ("geo",))
AS_BINARY = Operation("as_binary", ("geo",))
# measures and transformations
BUFFER = Operation("buffer", ("geo", "meters"))
CENTROID = Operation("centroid", ("geo",))
AREA = Operation("area", ("geo",), "an area in square metres (0 for points and lines)")
LENGTH = Operation("length", ("geo",), "a length in metres (0 for points; polygons: 0 or their perimeter)")
INTERSECTION = Operation("intersection", ("a", "b"))
# predicates
INTERSECTS = Operation("intersects", ("a", "b"), "predicate `intersects`")
CONTAINS = Operation("contains", ("a", "b"), "predicate `contains`")
WITHIN = Operation("within", ("a", "b"), "predicate `within`")
COVERS = Operation("covers", ("a", "b"), "predicate `covers`")
TOUCHES = Operation("touches", ("a", "b"), "predicate `touches`")
# aggregates
UNION_AGG = Operation("union_agg", ("geo",), "Group by `combine`")
CENTROID_AGG = Operation("centroid_agg", ("geo",), "Group by `centroid`")
CONVEXHULL_AGG = Operation("convexhull_agg", ("geo",), "Group by `convexhull`")

# coordinates and boxes (quadbin is integer arithmetic over these)
X = Operation("x", ("geo",))
Y = Operation("y", ("geo",))
XMIN = Operation("xmin", ("geo",))
YMIN = Operation("ymin", ("geo",))
XMAX = Operation("xmax", ("geo",))
YMAX = Operation("ymax", ("geo",))
ENVELOPE = Operation("envelope", ("xmin", "ymin", "xmax", "ymax"), "a lon/lat rectangle")
# arrays (made into rows by `WarehouseDialect.explode`)
INT_RANGE = Operation("int_range", ("low", "high"), "the integers low..high, both included, as an array")
# H3: cells are lower-case hex strings wherever a workflow sees them (CARTO's form); a dialect whose
# functions take or give integers converts inside its templates. Arrays hold hex strings too.
H3_FROM_POINT = Operation("h3_from_point", ("geo", "resolution"))
H3_POLYFILL = Operation("h3_polyfill", ("geo", "resolution"), "H3 Polyfill, mode `center`")
H3_POLYFILL_INTERSECTS = Operation("h3_polyfill_intersects", ("geo", "resolution"), "H3 Polyfill, mode `intersects`")
H3_POLYFILL_CONTAINS = Operation("h3_polyfill_contains", ("geo", "resolution"), "H3 Polyfill, mode `contains`")
H3_BOUNDARY = Operation("h3_boundary", ("cell",))
H3_CENTER = Operation("h3_center", ("cell",))
H3_KRING = Operation("h3_kring", ("cell", "size"))
H3_DISTANCE = Operation("h3_distance", ("a", "b"))
H3_TOPARENT = Operation("h3_toparent", ("cell", "resolution"))
H3_TOCHILDREN = Operation("h3_tochildren", ("cell", "resolution"))

OPERATIONS: tuple[Operation, ...] = (
    POINT, FROM_WKT, FROM_GEOJSON, AS_WKT, AS_GEOJSON, AS_BINARY, BUFFER, CENTROID, AREA, LENGTH, INTERSECTION,
    INTERSECTS, CONTAINS, WITHIN, COVERS, TOUCHES, UNION_AGG, CENTROID_AGG, CONVEXHULL_AGG,
    X, Y, XMIN, YMIN, XMAX, YMAX, ENVELOPE, INT_RANGE,
    H3_FROM_POINT, H3_POLYFILL, H3_POLYFILL_INTERSECTS, H3_POLYFILL_CONTAINS, H3_BOUNDARY, H3_CENTER,
    H3_KRING, H3_DISTANCE, H3_TOPARENT, H3_TOCHILDREN,
)
PREDICATES: dict[str, Operation] = {op.name: op for op in (INTERSECTS, CONTAINS, WITHIN, COVERS, TOUCHES)}

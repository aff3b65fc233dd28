"""An independent reference for the enrichment components, in Python: shapely for the geometry, pyproj's
`Geod` (GeographicLib on the WGS84 ellipsoid) for areas and lengths, h3 for cells and rings, the quadbin
reference in `tests.support.grids` for tiles.

It computes what the components' docstrings promise: each target shape joins the source features it
intersects; a feature is a polygon when its geodesic area is positive, a line when its geodesic length
is, a point otherwise; SUM adds v·|T∩f|/|f| (area or length; 1 for points), AVG is Σ v·|T∩f| / Σ |T∩f|
over features with a value (|T∩f| = 1 for points), MIN, MAX plain, COUNT the features with a value; a
target no feature intersects gets None everywhere. Point targets aggregate plainly. K-ring smoothing is
the weighted mean Σ w(d)·v_j / Σ w(d) over ring cells with a value.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import h3
import shapely
from pyproj import Geod
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from tests.support import grids

WGS84 = Geod(ellps="WGS84")
DECAYS: dict[str, Callable[[int], float]] = {
    "uniform": lambda d: 1.0,
    "inverse": lambda d: 1.0 / (1 + d),
    "inverse_square": lambda d: 1.0 / (1 + d) ** 2,
    "exponential": lambda d: math.exp(-d),
}


def _parts(geom: BaseGeometry) -> Iterable[BaseGeometry]:
    if hasattr(geom, "geoms"):
        for g in geom.geoms:
            yield from _parts(g)
    else:
        yield geom


def _ring_area(coords: Sequence[Sequence[float]]) -> float:
    lons, lats = zip(*((x, y) for x, y, *_ in coords), strict=True)
    return abs(WGS84.polygon_area_perimeter(lons, lats)[0])


def area(geom: BaseGeometry) -> float:
    """Geodesic area in m² (edges are geodesics between the vertices): outer rings minus holes."""
    return sum(_ring_area(p.exterior.coords) - sum(_ring_area(r.coords) for r in p.interiors)
               for p in _parts(geom) if isinstance(p, Polygon) and not p.is_empty)


def _line_length(coords: Sequence[Sequence[float]]) -> float:
    return float(WGS84.line_length([c[0] for c in coords], [c[1] for c in coords]))


def length(geom: BaseGeometry) -> float:
    """Geodesic length in m of the linear parts."""
    return math.fsum(_line_length(p.coords) for p in _parts(geom)
                     if p.geom_type in ("LineString", "LinearRing") and not p.is_empty)


@dataclass(frozen=True)
class Feature:
    geom: BaseGeometry
    values: Mapping[str, float | None]


def h3_shape(cell: str) -> Polygon:
    """The cell's boundary as a lon/lat polygon (h3's vertices)."""
    return Polygon([(lng, lat) for lat, lng in h3.cell_to_boundary(cell)])


def quadbin_shape(cell: int) -> Polygon:
    """The tile's lon/lat rectangle, its edges by the formulas Quadbin Boundary's SQL evaluates (the same
    numbers as `grids.bbox` up to the last bits: 360/π·atan(exp(π(1 - 2y/2^z))) - 90 for a row's north edge,
    360x/2^z - 180 for a column's west edge)."""
    z, x, y = grids.to_zxy(cell)

    def lon(col: int) -> float:
        return 360.0 * col / 2.0**z - 180.0

    def lat(row: int) -> float:
        return (360 / math.pi) * math.atan(math.exp(math.pi * (1 - 2.0 * row / 2.0**z))) - 90.0

    west, east, north, south = lon(x), lon(x + 1), lat(y), lat(y + 1)
    return Polygon([(west, south), (east, south), (east, north), (west, north)])


# How far a warehouse's intersection may stray from shapely's: a computed vertex of T∩f carries a rounding
# error of about 1e-16 of its coordinates (1e-14°, 1e-9 m); with different GEOS versions on either side
# (PostGIS 3.3 links GEOS 3.11, shapely 3.13) noding may differ by a few of those, so T∩f's area is allowed
# to differ by NOISE_M metres times T's perimeter, and a length by NOISE_M. It matters only for slivers.
NOISE_M = 1e-8


def perimeter(geom: BaseGeometry) -> float:
    return math.fsum(_line_length(r.coords) for p in _parts(geom) if isinstance(p, Polygon)
                     for r in (p.exterior, *p.interiors))


def enrich(shapes: Mapping[Any, BaseGeometry], features: Sequence[Feature], variables: Sequence[tuple[str, str]],
           *, measured: bool = True, tolerances: dict[Any, dict[str, float | None]] | None = None
           ) -> dict[Any, dict[str, float | None]]:
    """key -> {"<column>_<method>": value} for every shape key; with `tolerances`, each value's allowance
    for intersection noise (see `NOISE_M`) is recorded there, under the same keys."""
    tree = STRtree([f.geom for f in features])
    wholes = []
    for f in features:
        a = area(f.geom) if measured else 0.0
        ln = length(f.geom) if measured and a <= 0 else 0.0
        wholes.append((2, a) if a > 0 else (1, ln) if ln > 0 else (0, 1.0))
    out: dict[Any, dict[str, float | None]] = {}
    for key, shape in shapes.items():
        hits = [i for i in tree.query(shape, predicate="intersects")]
        rows = []
        edge = NOISE_M * perimeter(shape) if measured else 0.0
        for i in hits:
            dim, whole = wholes[i]
            if not measured or dim == 0:
                part, whole, noise = 1.0, 1.0, 0.0
            else:
                overlap = shapely.intersection(shape, features[i].geom)
                part, noise = (area(overlap), edge) if dim == 2 else (length(overlap), 2 * NOISE_M)
            rows.append((features[i].values, part, whole, noise))
        out[key] = {f"{c}_{m}": _aggregate([r[:3] for r in rows], c, m) for c, m in variables}
        if tolerances is not None:
            tolerances[key] = {f"{c}_{m}": _allowance(rows, c, m, out[key][f"{c}_{m}"]) for c, m in variables}
    return out


def _allowance(rows: list[tuple[Mapping[str, float | None], float, float, float]], column: str, method: str,
               value: float | None) -> float | None:
    """How much `value` moves when each intersection measure moves by its noise (first order)."""
    present = [(float(x), part, whole, noise) for v, part, whole, noise in rows if (x := v[column]) is not None]
    if value is None:
        return None  # as the value: smoothing the allowances then weighs the same cells as the values
    if method not in ("sum", "avg") or not present:
        return 0.0
    if method == "sum":
        return math.fsum(abs(v) * noise / whole for v, _, whole, noise in present)
    weights = math.fsum(part for _, part, _, _ in present)
    return math.fsum(abs(v - value) * noise for v, _, _, noise in present) / weights if weights else 0.0


def _aggregate(rows: list[tuple[Mapping[str, float | None], float, float]], column: str,
               method: str) -> float | None:
    """One aggregate over a shape's features (part = whole = 1 for points and for point targets)."""
    if not rows:
        return None
    present = [(float(value), part, whole) for values, part, whole in rows
               if (value := values[column]) is not None]
    if method == "count":
        return len(present)
    if not present:
        return None
    if method in ("min", "max"):
        return (min if method == "min" else max)(v for v, _, _ in present)
    if method == "sum":
        return math.fsum(v * part / whole for v, part, whole in present)
    weights = math.fsum(part for _, part, _ in present)
    return math.fsum(v * part for v, part, _ in present) / weights if weights else None


def smooth(values: Mapping[Any, Mapping[str, float | None]], rings: Callable[[Any], Mapping[Any, int]],
           decay: str) -> dict[Any, dict[str, float | None]]:
    """Σ w(d)·v_j / Σ w(d) over the ring cells j present in `values` with a value, per column (the same
    weighted mean smooths `enrich`'s tolerances into the smoothed values' ones)."""
    w = DECAYS[decay]
    out: dict[Any, dict[str, float | None]] = {}
    for cell in values:
        ring = rings(cell)
        smoothed: dict[str, float | None] = {}
        for name in values[cell]:
            pairs = [(w(d), float(v)) for j, d in ring.items() if j in values and (v := values[j][name]) is not None]
            total = math.fsum(p for p, _ in pairs)
            smoothed[name] = math.fsum(p * v for p, v in pairs) / total if pairs and total else None
        out[cell] = smoothed
    return out


def h3_rings(k: int) -> Callable[[str], dict[str, int]]:
    return lambda cell: {c: h3.grid_distance(cell, c) for c in h3.grid_disk(cell, k)}


def quadbin_rings(k: int) -> Callable[[int], dict[int, int]]:
    return lambda cell: grids.kring_distances(cell, k)

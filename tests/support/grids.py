"""Independent references for the quadbin and H3 components, and deterministic grid test data.

Written from the specification (docs `analytics.md` §7 and `components.md` §3.8), not from any SQL:
- quadbin (un-prefixed functions, Python ints): CARTO's bit layout, built on (z, x, y) arithmetic with
  explicit loops rather than the bit tricks the SQL uses, so the two are checked against each other;
- `h3_polyfill_reference`: the three polyfill modes as geometric truth with shapely (planar lon/lat);
- generators of points, polygons and cells from a seed, and rows to load them into DuckDB or PostGIS.

All geometry is planar in (lon, lat) degrees, as PostGIS `geometry` and DuckDB evaluate it. BigQuery and
Snowflake evaluate GEOGRAPHY on the sphere (geodesic edges), which differs for large shapes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Literal

import h3
import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

Mode = Literal["center", "intersects", "contains"]
MODES: tuple[Mode, ...] = ("center", "intersects", "contains")

# --------------------------------------------------------------------------------------------------
# Quadbin
# --------------------------------------------------------------------------------------------------

MAX_Z = 26
HEADER = 1 << 62                 # bit 62 always set
CELL_MODE = 1 << 59              # mode field (bits 59-61) = 1: a cell
XY_BITS = (1 << 52) - 1          # bits 0-51: 2z bits of (x, y) then 52-2z one bits
MERCATOR_LAT = 85.0511287798066  # the literal CARTO's BigQuery code writes for the z=0/z=1 boundaries
LAT_CLAMP = 89.0                 # FROMLONGLAT and POLYFILL clamp latitudes to ±89

# CARTO's BigQuery QUADBIN_BOUNDARY hard-codes z=1 with a mid-edge vertex so no edge joins antipodal
# points on the sphere. Vertex order is theirs; in (z=1, x=0, y=1) their "180 0" is written -180 here,
# the same point on the sphere but the only spelling that is the tile in planar lon/lat.
_Z1_BOUNDARY = {
    (0, 0): ((0, 0), (0, MERCATOR_LAT), (-180, MERCATOR_LAT), (-180, 0), (-90, 0), (0, 0)),
    (1, 0): ((180, 0), (180, MERCATOR_LAT), (0, MERCATOR_LAT), (0, 0), (90, 0), (180, 0)),
    (0, 1): ((0, 0), (-90, 0), (-180, 0), (-180, -MERCATOR_LAT), (0, -MERCATOR_LAT), (0, 0)),
    (1, 1): ((180, 0), (90, 0), (0, 0), (0, -MERCATOR_LAT), (180, -MERCATOR_LAT), (180, 0)),
}


def _check_z(z: int) -> None:
    if not 0 <= z <= MAX_Z:
        raise ValueError(f"quadbin resolution must be 0..{MAX_Z}, got {z}")


def from_zxy(z: int, x: int, y: int) -> int:
    """The quadbin of tile (z, x, y): header, mode 1, z, the quadkey digits, then one bits."""
    _check_z(z)
    n = 1 << z
    if not (0 <= x < n and 0 <= y < n):
        raise ValueError(f"tile ({z}, {x}, {y}) is outside the 2^{z} x 2^{z} grid")
    quadkey = 0
    for level in range(z - 1, -1, -1):   # most significant level first; digit = xbit + 2*ybit
        quadkey = quadkey * 4 + ((x >> level) & 1) + 2 * ((y >> level) & 1)
    return HEADER | CELL_MODE | (z << 52) | (quadkey << (52 - 2 * z)) | (XY_BITS >> (2 * z))


def to_zxy(q: int) -> tuple[int, int, int]:
    """(z, x, y) of a quadbin."""
    z = resolution(q)
    quadkey = (q & XY_BITS) >> (52 - 2 * z)
    x = y = 0
    for level in range(z):               # digit `level` counts from the least significant end
        digit = (quadkey >> (2 * level)) & 3
        x |= (digit & 1) << level
        y |= (digit >> 1) << level
    return z, x, y


def resolution(q: int) -> int:
    """The zoom level, bits 52-56."""
    return (q >> 52) & 31


def is_valid(q: int | None) -> bool | None:
    """CARTO's QUADBIN_ISVALID: a non-negative INT64 with the header, mode 0..6, z <= 26 and its unused bits set.

    None gives None (SQL NULL propagates; the `CASE quadbin WHEN NULL` branch in CARTO's code never fires).
    """
    if q is None:
        return None
    if not 0 <= q < (1 << 63):
        return False
    z = resolution(q)
    unused = XY_BITS >> (2 * z)
    return bool(q & HEADER) and ((q >> 59) & 7) <= 6 and z <= MAX_Z and q & unused == unused


def from_lonlat(lon: float | None, lat: float | None, z: int | None) -> int | None:
    """CARTO's QUADBIN_FROMLONGLAT, in the same floating-point operation order; any None gives None."""
    if lon is None or lat is None or z is None:
        return None
    _check_z(z)
    n = 1 << z
    lat = max(-LAT_CLAMP, min(LAT_CLAMP, lat))
    x = math.floor(n * ((lon / 360.0) + 0.5)) & (n - 1)   # lon = 180 wraps to x = 0
    s = math.sin(lat * math.pi / 180.0)
    y = math.floor(max(0.0, min(n - 1, n * (0.5 - 0.25 * math.log((1 + s) / (1 - s)) / math.pi))))
    return from_zxy(z, x, y)


def to_parent(q: int, r: int) -> int:
    """The ancestor at resolution r (0 <= r <= z)."""
    z, x, y = to_zxy(q)
    if not 0 <= r <= z:
        raise ValueError(f"parent resolution must be 0..{z}, got {r}")
    return from_zxy(r, x >> (z - r), y >> (z - r))


def to_children(q: int, r: int) -> list[int]:
    """The 4^(r-z) descendants at resolution r (z <= r <= 26), sorted."""
    z, x, y = to_zxy(q)
    if not z <= r <= MAX_Z:
        raise ValueError(f"children resolution must be {z}..{MAX_Z}, got {r}")
    side = 1 << (r - z)
    return sorted(from_zxy(r, x * side + dx, y * side + dy) for dx in range(side) for dy in range(side))


def sibling(q: int, direction: Literal["left", "right", "up", "down"]) -> int | None:
    """The adjacent tile (x wraps around the antimeridian); None past the top or bottom row."""
    dx, dy = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}[direction]
    z, x, y = to_zxy(q)
    n = 1 << z
    return from_zxy(z, (x + dx) % n, y + dy) if 0 <= y + dy < n else None


def _lon(x: float, n: int) -> float:
    return 180 * (2.0 * x / n - 1.0)


def _lat(y: float, n: int) -> float:
    return 360 * (math.atan(math.exp(-(2.0 * y / n - 1) * math.pi)) / math.pi - 0.25)


def bbox(q: int) -> list[float]:
    """[west, south, east, north] in degrees (web-mercator rows)."""
    z, x, y = to_zxy(q)
    n = 1 << z
    return [_lon(x, n), _lat(y + 1, n), _lon(x + 1, n), _lat(y, n)]


def boundary(q: int, *, special_cases: bool = True) -> Polygon:
    """The tile polygon, vertices (w,n),(w,s),(e,s),(e,n),(w,n).

    With `special_cases` (CARTO's BigQuery code, and the spec) z=0 is the ±85.0511287798066 box and z=1
    the four hard-coded polygons (the same areas as the plain boxes in planar lon/lat, plus a mid-edge
    vertex). Without, every zoom uses the formula (CARTO's PostgreSQL code: ST_MakeEnvelope of BBOX).
    """
    z, x, y = to_zxy(q)
    if special_cases and z == 0:
        return box(-180, -MERCATOR_LAT, 180, MERCATOR_LAT)
    if special_cases and z == 1:
        return Polygon(_Z1_BOUNDARY[(x, y)])
    w, s, e, n = bbox(q)
    return Polygon([(w, n), (w, s), (e, s), (e, n), (w, n)])


def center(q: int, *, special_cases: bool = True) -> tuple[float, float]:
    """(lon, lat) of the tile centre: x + 0.5 and the mercator row y + 0.5.

    With `special_cases` (BigQuery, the spec) z=0 is (0, 0) and z=1 is (±90, ±45); the formula would
    give (±90, ±66.51...) at z=1 (CARTO's PostgreSQL code has no special cases).
    """
    z, x, y = to_zxy(q)
    if special_cases and z == 0:
        return 0.0, 0.0
    if special_cases and z == 1:
        return (-90.0 if x == 0 else 90.0), (45.0 if y == 0 else -45.0)
    n = 1 << z
    return _lon(x + 0.5, n), _lat(y + 0.5, n)


def distance(a: int | None, b: int | None) -> int | None:
    """Chebyshev tile distance max(|dx|, |dy|), no antimeridian wrap; None if either is None or z differs."""
    if a is None or b is None:
        return None
    (za, xa, ya), (zb, xb, yb) = to_zxy(a), to_zxy(b)
    if za != zb:
        return None
    return max(abs(xa - xb), abs(ya - yb))


def kring_distances(q: int, k: int) -> dict[int, int]:
    """Tiles within k steps (x wraps, y is clipped) -> the smallest max(|dx|, |dy|) that reaches each.

    Near the antimeridian the ring distance can be smaller than `distance`, which does not wrap.
    """
    if k < 0:
        raise ValueError(f"k-ring size must be >= 0, got {k}")
    z, x, y = to_zxy(q)
    n = 1 << z
    out: dict[int, int] = {}
    for dx in range(-k, k + 1):
        for dy in range(-k, k + 1):
            if 0 <= y + dy < n:
                cell = from_zxy(z, (x + dx) % n, y + dy)
                d = max(abs(dx), abs(dy))
                out[cell] = min(d, out.get(cell, d))
    return out


def kring(q: int, k: int) -> set[int]:
    """The distinct tiles of `kring_distances`."""
    return set(kring_distances(q, k))


def to_quadkey(q: int) -> str:
    """Base-4 digits, one per level, most significant first ('' at z=0)."""
    z, x, y = to_zxy(q)
    return "".join(str(((x >> level) & 1) + 2 * ((y >> level) & 1)) for level in range(z - 1, -1, -1))


def from_quadkey(quadkey: str) -> int:
    """Inverse of `to_quadkey`."""
    x = y = 0
    for digit in quadkey:
        d = int(digit)
        if not 0 <= d <= 3:
            raise ValueError(f"quadkey digits are 0..3, got {quadkey!r}")
        x, y = 2 * x + (d & 1), 2 * y + (d >> 1)
    return from_zxy(len(quadkey), x, y)


def from_quadint(quadint: int) -> int:
    """CARTO's legacy quadint ((x | y << z) << 5 | z) to quadbin."""
    z, xy = quadint & 31, quadint >> 5
    return from_zxy(z, xy & ((1 << z) - 1), xy >> z)


def to_string(q: int) -> str:
    """Lower-case hex, CARTO's string form."""
    return format(q, "x")


def from_string(s: str) -> int:
    """Inverse of `to_string`."""
    return int(s, 16)


def _tile_x(lon: float, n: int) -> int:
    return min(n - 1, max(0, math.floor(n * ((lon / 360.0) + 0.5))))


def _tile_y(lat: float, n: int) -> int:
    s = math.sin(lat * math.pi / 180.0)
    return math.floor(max(0.0, min(n - 1, n * (0.5 - 0.25 * math.log((1 + s) / (1 - s)) / math.pi))))


def polyfill(geom: BaseGeometry | None, z: int, mode: Mode = "center", *,
             special_cases: bool = True) -> set[int] | None:
    """CARTO's QUADBIN_POLYFILL_MODE as planar truth: every tile of the geometry's bbox (latitudes clamped
    to ±89) whose `center` the geometry intersects, whose `boundary` it intersects, or whose boundary it
    contains. x is clipped to [0, n-1] (lon = 180 falls in the last column). None gives None.
    """
    if geom is None:
        return None
    _check_z(z)
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if geom.is_empty:
        return set()
    n = 1 << z
    minx, miny, maxx, maxy = geom.bounds
    xs = range(_tile_x(minx, n), _tile_x(maxx, n) + 1)
    ys = range(_tile_y(min(LAT_CLAMP, maxy), n), _tile_y(max(-LAT_CLAMP, miny), n) + 1)
    if len(xs) * len(ys) > 5_000_000:
        raise ValueError(f"geometry too large for a quadbin reference at zoom {z}")
    tiles = [(x, y) for y in ys for x in xs]
    cells = [from_zxy(z, x, y) for x, y in tiles]
    if mode == "center":
        shapes = [Point(center(c, special_cases=special_cases)) for c in cells]
    else:
        shapes = [boundary(c, special_cases=special_cases) for c in cells]
    shapely.prepare(geom)
    predicate = shapely.contains if mode == "contains" else shapely.intersects
    hits = predicate(geom, np.array(shapes, dtype=object))
    return {c for c, hit in zip(cells, hits, strict=True) if hit}


# --------------------------------------------------------------------------------------------------
# H3
# --------------------------------------------------------------------------------------------------

WORLD = box(-180, -90, 180, 90)


def h3_cell_polygon(cell: str) -> Polygon | MultiPolygon:
    """The cell as a planar lon/lat region: its boundary vertices joined by straight lines in lon/lat.

    A cell straddling the antimeridian becomes its two pieces at ±180; a cell around a pole is closed
    along latitude ±90. Both come from unwrapping the ring to continuous longitudes, taking the copies
    shifted by -360, 0 and +360, and clipping to the world box.
    """
    vertices = h3.cell_to_boundary(cell)
    lats = [lat for lat, _ in vertices]
    lngs = [lng for _, lng in vertices]
    if max(lngs) - min(lngs) <= 180:
        return Polygon(zip(lngs, lats, strict=True))
    unwrapped = [lngs[0]]
    for lng in [*lngs[1:], lngs[0]]:
        step = lng - unwrapped[-1]
        unwrapped.append(lng - 360 if step > 180 else lng + 360 if step < -180 else lng)
    closing = unwrapped.pop()            # the first vertex again, maybe one turn (360°) away
    ring = list(zip(unwrapped, lats, strict=True))
    if abs(closing - unwrapped[0]) > 180:  # encircles a pole: close along its latitude
        pole = 90.0 if sum(lats) > 0 else -90.0
        ring += [(closing, lats[0]), (closing, pole), (unwrapped[0], pole)]
    piece = Polygon(ring)
    copies = [affinity.translate(piece, xoff=shift) for shift in (-360, 0, 360)]
    region = shapely.union_all(copies).intersection(WORLD)
    assert isinstance(region, Polygon | MultiPolygon)
    return region


def _h3_candidates(geom: BaseGeometry, res: int, max_samples: int = 2_000_000) -> set[str]:
    """A superset of the cells the geometry can touch: every cell hit by a lat/lng lattice over the bbox
    grown by two cell widths, lattice step a quarter of the average edge (well under the smallest cell's
    inradius), plus their 1-rings; plus h3's own `bbox_overlap` fill for areal shapes.
    """
    edge_deg = h3.average_hexagon_edge_length(res, "km") / 111.19
    minx, miny, maxx, maxy = geom.bounds
    lat0, lat1 = max(-90.0, miny - 2.5 * edge_deg), min(90.0, maxy + 2.5 * edge_deg)
    shrink = max(0.02, math.cos(math.radians(max(abs(lat0), abs(lat1)))))
    step_lat, margin_lon = 0.25 * edge_deg, 2.5 * edge_deg / shrink
    step_lon = step_lat / shrink
    lat_axis = np.arange(lat0, lat1 + step_lat, step_lat)
    lon_axis = np.arange(minx - margin_lon, maxx + margin_lon + step_lon, step_lon)
    if lat_axis.size * lon_axis.size > max_samples:
        raise ValueError(f"geometry too large for an H3 reference at resolution {res}")
    lon_axis = (lon_axis + 180.0) % 360.0 - 180.0
    hit = {h3.latlng_to_cell(float(min(90.0, lat)), float(lon), res) for lat in lat_axis for lon in lon_axis}
    if isinstance(geom, Polygon | MultiPolygon):
        hit.update(h3.h3shape_to_cells_experimental(h3.geo_to_h3shape(geom), res, "bbox_overlap"))
    return {c for cell in hit for c in h3.grid_disk(cell, 1)}


def h3_polyfill_reference(geom: BaseGeometry, res: int, mode: Mode = "center") -> set[str]:
    """The H3 cells (hex strings) of `geom` by planar truth in lon/lat, from a generous candidate set.

    center: the geometry intersects the cell centre; intersects: it intersects the cell region;
    contains: it covers the cell region (`h3_cell_polygon`). Boundary contact counts, as ST_Intersects.

    Where h3's own `h3shape_to_cells_experimental` modes ('center', 'overlap', 'full') may legitimately
    differ. h3 also works in planar lat/lng (h3 C: `lineCrossesLine` is "purely Cartesian",
    `pointInsideGeoLoop` ray-casts in lat/lng, longitudes normalised when a loop's bbox crosses ±180),
    so for shapes in general position the three modes agree cell for cell, except:
    - ties: a centre exactly on an edge (h3's ray casting nudges it north); edges that touch at a point
      (h3 counts that as crossing, so 'full' drops a cell that covers keeps) or run along each other (h3
      skips parallel segments);
    - 'overlap' also takes the cell that holds the first vertex of each part's outer ring, found with
      h3's spherical `latLngToCell`; at coarse resolutions that vertex can lie outside the cell's lon/lat
      polygon, so h3 adds a cell (seen once in 480 polygons, at res 0);
    - 'overlap' misses a cell whose centre lies in a hole that the cell wholly contains (no edge crosses);
    - h3-py fills MultiPolygon parts one by one: a cell covered only by two touching parts is not 'full';
    - h3 treats a loop with an edge spanning more than 180° of longitude as crossing the antimeridian;
    - cells around a pole: h3 does not close them along ±90 as `h3_cell_polygon` does.
    On the generated polygons only the first-vertex rule has shown up.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if geom.is_empty:
        return set()
    cells = sorted(_h3_candidates(geom, res))
    shapely.prepare(geom)
    if mode == "center":
        shapes = [Point(lng, lat) for lat, lng in map(h3.cell_to_latlng, cells)]
    else:
        shapes = [h3_cell_polygon(c) for c in cells]
    predicate = shapely.covers if mode == "contains" else shapely.intersects
    hits = predicate(geom, np.array(shapes, dtype=object))
    return {c for c, hit in zip(cells, hits, strict=True) if hit}


# --------------------------------------------------------------------------------------------------
# Generators
# --------------------------------------------------------------------------------------------------

# Points every run includes (when n allows): the antimeridian, poles, the mercator limit, the origin.
SPECIAL_POINTS: tuple[tuple[float, float], ...] = (
    (0.0, 0.0), (180.0, 0.0), (-180.0, 0.0), (180.0, 45.0), (-180.0, -45.0), (0.0, 90.0), (0.0, -90.0),
    (179.9999999, 89.9999999), (-179.9999999, -89.9999999), (0.0, 89.0), (0.0, -89.0), (45.0, 89.5),
    (0.0, 85.05112877980659), (0.0, -85.05112877980659), (-0.0, 1e-12), (90.0, 0.0), (-90.0, 0.0),
)
REGION = (-10.0, 35.0, 30.0, 60.0)  # lon/lat window of `random_points(world=False)`


def random_points(n: int, seed: int, *, world: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(lon, lat) float arrays of length n. world=True: uniform on the sphere, with `SPECIAL_POINTS` first
    and one point in twenty beyond ±85°; world=False: uniform in the `REGION` window, nothing special.
    """
    rng = np.random.default_rng(seed)
    if not world:
        west, south, east, north = REGION
        return rng.uniform(west, east, n), rng.uniform(south, north, n)
    lon = rng.uniform(-180.0, 180.0, n)
    lat = np.degrees(np.arcsin(rng.uniform(-1.0, 1.0, n)))
    polar = rng.random(n) < 0.05
    lat[polar] = np.sign(lat[polar]) * rng.uniform(85.0, 90.0, int(polar.sum()))
    special = np.array(SPECIAL_POINTS[:n]).reshape(-1, 2)
    lon[: len(special)], lat[: len(special)] = special[:, 0], special[:, 1]
    return lon, lat


def random_cells(n: int, seed: int, res: int) -> list[str]:
    """n H3 cells at `res` (hex strings; may repeat at coarse resolutions): area-uniform random cells, with
    two pentagons and the cells at (0, 180) and both poles first.
    """
    lon, lat = random_points(n, seed)
    special = [*h3.get_pentagons(res)[:2], h3.latlng_to_cell(0.0, 180.0, res),
               h3.latlng_to_cell(90.0, 0.0, res), h3.latlng_to_cell(-90.0, 0.0, res)]
    cells = [h3.latlng_to_cell(float(a), float(o), res) for o, a in zip(lon, lat, strict=True)]
    return (special + cells[len(special):])[:n]


def random_quadbins(n: int, seed: int, z: int | None = None) -> list[int]:
    """n random tiles, at zoom z or at a uniform zoom in 0..26."""
    rng = np.random.default_rng(seed)
    zs = rng.integers(0, MAX_Z + 1, n) if z is None else np.full(n, z)
    out = []
    for zoom in zs.tolist():
        x, y = rng.integers(0, 1 << zoom, 2).tolist()
        out.append(from_zxy(zoom, x, y))
    return out


KINDS = ("convex", "concave", "concave", "holed", "box", "antimeridian_east", "antimeridian_west",
         "multipolygon", "holed", "sliver")


def random_polygons(n: int, seed: int, res: int, *,
                    grid: Literal["h3", "quadbin"] = "h3") -> list[Polygon | MultiPolygon]:
    """n valid polygons of a few to a few hundred cells of `grid` at `res`, centres within ±60° latitude,
    coordinates rounded to 1e-9°. Polygon i has kind KINDS[i % 10]: convex, concave (star-shaped), holed,
    axis-aligned box, within 1° of +180 or -180 without crossing (every fourth one touching it exactly),
    a MultiPolygon of 2-3 disjoint parts (one with a hole), or a thin sliver a few cells wide.
    """
    rng = np.random.default_rng(seed)
    out: list[Polygon | MultiPolygon] = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        while True:
            shape = _polygon(rng, kind, _cell_km2(res, grid), touch=(i // len(KINDS)) % 4 == 0)
            if shape.is_valid and not shape.is_empty:
                out.append(shape)
                break
    return out


def _cell_km2(res: int, grid: str) -> float:
    if grid == "h3":
        return float(h3.average_hexagon_area(res, "km^2"))
    return (40075.017 / (1 << res)) ** 2 * 0.75   # a tile at ±30°


def _polygon(rng: np.random.Generator, kind: str, cell_km2: float, touch: bool) -> Polygon | MultiPolygon:
    cells = math.exp(rng.uniform(math.log(3), math.log(300)))
    radius_km = min(1500.0, math.sqrt(cells * cell_km2 / math.pi))
    cx, cy = float(rng.uniform(-170, 170)), float(rng.uniform(-60, 60))
    ry = radius_km / 111.19
    rx = ry / math.cos(math.radians(cy))
    shape: Polygon | MultiPolygon
    if kind == "box":
        shape = box(cx - rx, cy - ry * rng.uniform(0.3, 1), cx + rx, cy + ry * rng.uniform(0.3, 1))
    elif kind == "sliver":
        length, width = rx * rng.uniform(1.5, 3), ry * rng.uniform(0.02, 0.08)
        shape = affinity.rotate(Polygon([(cx - length, cy), (cx, cy - width), (cx + length, cy), (cx, cy + width)]),
                                float(rng.uniform(0, 180)), origin=(cx, cy))
    elif kind == "multipolygon":
        parts = []
        for j in range(int(rng.integers(2, 4))):
            part = _star(rng, cx + 2.6 * rx * j, cy, rx * 0.6, ry * 0.6, 0.4)
            parts.append(_with_hole(rng, part, cx + 2.6 * rx * j, cy, rx * 0.6, ry * 0.6) if j == 0 else part)
        shape = MultiPolygon(parts)
    else:
        shape = _star(rng, cx, cy, rx, ry, 1.0 if kind == "convex" else 0.35)
        if kind == "holed" or (kind.startswith("antimeridian") and rng.random() < 0.5):
            shape = _with_hole(rng, shape, cx, cy, rx, ry)
    if kind == "antimeridian_east":
        gap = 0.0 if touch else float(rng.uniform(0, 1))
        shape = affinity.translate(shape, xoff=180 - gap - shape.bounds[2])
    elif kind == "antimeridian_west":
        gap = 0.0 if touch else float(rng.uniform(0, 1))
        shape = affinity.translate(shape, xoff=-180 + gap - shape.bounds[0])
    elif shape.bounds[2] > 179 or shape.bounds[0] < -179:   # keep other kinds clear of the antimeridian
        shape = affinity.translate(shape, xoff=(179 - shape.bounds[2]) if shape.bounds[2] > 179
                                   else (-179 - shape.bounds[0]))
    return _clip_lon(shape)


def _clip_lon(shape: Polygon | MultiPolygon) -> Polygon | MultiPolygon:
    """Round to 1e-9° and keep longitudes inside ±180 (a translate may land a hair outside)."""
    def snap(coords: np.ndarray) -> np.ndarray:
        coords = np.round(coords, 9)
        coords[:, 0] = np.clip(coords[:, 0], -180.0, 180.0)
        return coords
    return shapely.transform(shape, snap)


def _star(rng: np.random.Generator, cx: float, cy: float, rx: float, ry: float, rmin: float) -> Polygon:
    """A polygon star-shaped about (cx, cy): jittered even angles, radii in [rmin, 1] of the ellipse."""
    k = int(rng.integers(6, 15))
    angles = (np.arange(k) + rng.uniform(-0.3, 0.3, k)) * 2 * math.pi / k
    radii = np.ones(k) if rmin >= 1 else rng.uniform(rmin, 1.0, k)
    return Polygon(zip(cx + rx * radii * np.cos(angles), cy + ry * radii * np.sin(angles), strict=True))


def _with_hole(rng: np.random.Generator, outer: Polygon, cx: float, cy: float, rx: float, ry: float) -> Polygon:
    """`outer` with a star-shaped hole around its centre, shrunk until it fits strictly inside."""
    hole = _star(rng, cx, cy, rx * 0.3, ry * 0.3, 0.5)
    for _ in range(30):
        if outer.contains(hole.buffer(0.05 * ry)):
            break
        hole = affinity.scale(hole, 0.7, 0.7, origin=(cx, cy))
    return Polygon(outer.exterior.coords, [hole.exterior.coords])


# --------------------------------------------------------------------------------------------------
# Loading into warehouses
# --------------------------------------------------------------------------------------------------

# Column specs for tests.support.engines.Engine.load(table, columns, rows).
POLYGON_COLUMNS = [("id", "integer"), ("geom", "geography")]
POINT_COLUMNS = [("id", "integer"), ("lon", "number"), ("lat", "number")]
CELL_COLUMNS = [("id", "integer"), ("cell", "string")]


def _number(v: float) -> str:
    """The shortest decimal that reads back as the same double, never in exponent form."""
    text = repr(float(v))
    return format(Decimal(text), "f") if "e" in text or "E" in text else text


def _ring(coords: Iterable[Sequence[float]]) -> str:
    return "(" + ", ".join(f"{_number(x)} {_number(y)}" for x, y, *_ in coords) + ")"


def _polygon_body(p: Polygon) -> str:
    return "(" + ", ".join(_ring(r.coords) for r in (p.exterior, *p.interiors)) + ")"


def to_wkt(geom: BaseGeometry) -> str:
    """WKT whose numbers read back bit-exactly (GEOS's writer rounds to 16 digits)."""
    if isinstance(geom, Point):
        return f"POINT ({_number(geom.x)} {_number(geom.y)})"
    if isinstance(geom, LineString):
        return "LINESTRING " + _ring(geom.coords)
    if isinstance(geom, Polygon):
        return "POLYGON " + _polygon_body(geom)
    if isinstance(geom, MultiPoint):
        return "MULTIPOINT (" + ", ".join(_ring(p.coords) for p in geom.geoms) + ")"
    if isinstance(geom, MultiLineString):
        return "MULTILINESTRING (" + ", ".join(_ring(g.coords) for g in geom.geoms) + ")"
    if isinstance(geom, MultiPolygon):
        return "MULTIPOLYGON (" + ", ".join(_polygon_body(p) for p in geom.geoms) + ")"
    raise TypeError(f"no WKT writer for {geom.geom_type}")


def polygon_rows(geoms: Sequence[BaseGeometry]) -> list[tuple[int, str]]:
    """(id, wkt) rows, ids from 1, for POLYGON_COLUMNS."""
    return [(i, to_wkt(g)) for i, g in enumerate(geoms, start=1)]


def point_rows(lon: Sequence[float] | np.ndarray, lat: Sequence[float] | np.ndarray) -> list[tuple[int, float, float]]:
    """(id, lon, lat) rows of Python floats, ids from 1, for POINT_COLUMNS."""
    return [(i, float(o), float(a)) for i, (o, a) in enumerate(zip(lon, lat, strict=True), start=1)]


def cell_rows(cells: Sequence[str | int]) -> list[tuple[int, str | int]]:
    """(id, cell) rows, ids from 1, for CELL_COLUMNS (hex H3 strings) or an integer column."""
    return list(enumerate(cells, start=1))

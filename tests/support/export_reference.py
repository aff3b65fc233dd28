"""Independent references for the public CARTO exports run on the tables of tests/support/exports.py.

Each function recomputes, from the generated rows alone, what the whole export should output, with
h3 / shapely / numpy / scipy / esda and the semantics of ../shared/reference/analytics.md (its
"Decisions" where CARTO's behaviour is undocumented). Nothing here calls Wareflow.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

import h3
import numpy as np
import shapely
from pyproj import Geod
from scipy.stats import norm, rankdata
from shapely import wkt as shapely_wkt
from shapely.geometry import Point, Polygon, shape
from shapely.strtree import STRtree

from tests.support.exports import ExportData


def two_tailed(z: float | None) -> float | None:
    return None if z is None else float(2 * norm.sf(abs(z)))


def _point(text: str) -> tuple[float, float]:
    lon, lat = text[text.index("(") + 1:text.index(")")].split()
    return float(lon), float(lat)


_GEOD = Geod(ellps="WGS84")


def geodesic_area(geom: Any) -> float:
    """Area in m² on the WGS84 ellipsoid, edges geodesics between the vertices (GeographicLib)."""
    if geom.is_empty or geom.area == 0:
        return 0.0
    return abs(_GEOD.geometry_area_perimeter(geom)[0])


def cell_polygon(cell: str) -> Polygon:
    """An H3 cell as the planar lon/lat polygon of its boundary vertices (what ST_* functions see)."""
    return Polygon([(lng, lat) for lat, lng in h3.cell_to_boundary(cell)])


# --------------------------------------------------------------------------------------------------
# Getis-Ord Gi* (analytics.md §1 and Decision 1): the cell itself a neighbour, absent cells skipped,
# population S, two-tailed p.
# --------------------------------------------------------------------------------------------------
def rings(cells: list[str], size: int) -> dict[str, list[str]]:
    present = set(cells)
    return {c: [n for n in h3.grid_disk(c, size) if n in present] for c in cells}


def gi_uniform(cells: list[str], values: np.ndarray, size: int) -> dict[str, float]:
    """Uniform-kernel Gi* by the formula (Σx_j - x̄W) / (S·√((nW - W²)/(n-1))), W = |ring ∩ input|."""
    position = {c: i for i, c in enumerate(cells)}
    n, mean, sd = len(values), float(values.mean()), float(values.std())
    out = {}
    for c, ring in rings(cells, size).items():
        w = len(ring)
        s = float(values[[position[j] for j in ring]].sum())
        out[c] = (s - mean * w) / (sd * math.sqrt((n * w - w * w) / (n - 1)))
    return out


def gi_esda(cells: list[str], values: np.ndarray, size: int) -> dict[str, float]:
    """The same statistic from PySAL: esda G_Local(star=True, transform="B")."""
    from esda.getisord import G_Local
    from libpysal.weights import W

    position = {c: i for i, c in enumerate(cells)}
    w = W({position[c]: [position[j] for j in ring if j != c] for c, ring in rings(cells, size).items()},
          silence_warnings=True)
    g = G_Local(values.astype(float), w, transform="B", star=True, permutations=0)
    return {c: float(g.Zs[i]) for c, i in position.items()}


# --------------------------------------------------------------------------------------------------
# poi_hotspot
# --------------------------------------------------------------------------------------------------
def poi_hotspot(data: ExportData) -> dict[str, Any]:
    """Simple Filter `amenity <> 'NULL'` (NULL amenities fail it too) -> H3 res 9 of each point ->
    count per cell -> Gi* uniform size 3 (esda). {"counts": {cell: n}, "gi": {cell: (gi, p)}}."""
    counts: Counter[str] = Counter()
    for row in data.tables["osm_pois_stockholm"].records():
        if row["amenity"] is not None and row["amenity"] != "NULL":
            lon, lat = _point(row["geom"])
            counts[h3.latlng_to_cell(lat, lon, 9)] += 1
    cells = sorted(counts)
    values = np.array([counts[c] for c in cells], dtype=float)
    gi = gi_esda(cells, values, 3)
    return {"counts": dict(counts), "gi": {c: (g, two_tailed(g)) for c, g in gi.items()},
            "formula": gi_uniform(cells, values, 3)}


# --------------------------------------------------------------------------------------------------
# enrich_grid
# --------------------------------------------------------------------------------------------------
def export_geojson_polygon(export_path: Path) -> Any:
    """The polygon of the export's Table from GeoJSON node, read from the file itself."""
    data = json.loads(export_path.read_text(encoding="utf-8"))
    for node in data["nodes"]:
        if node["data"].get("name") == "native.tablefromgeojson":
            value = next(i["value"] for i in node["data"]["inputs"] if i["name"] == "geojson")
            features = json.loads(value)["features"]
            return shapely.union_all([shape(f["geometry"]) for f in features])
    raise LookupError("no Table from GeoJSON node")


def h3_center_fill(geom: Any, res: int) -> set[str]:
    """Cells whose centre lies in the polygon(s): h3's own polygon_to_cells (center containment)."""
    parts = getattr(geom, "geoms", [geom])
    cells: set[str] = set()
    for part in parts:
        cells |= set(h3.geo_to_cells(part.__geo_interface__, res))
    return cells


def enrich_grid(data: ExportData, export_path: Path) -> dict[str, tuple[Any, Any, Any]]:
    """H3 res-8 centre polyfill of the drawn polygon, then each target cell's population/female/male
    `sum`: Σ v_f·A(cell∩f)/A(f) over the tracts f intersecting the cell (analytics.md §6), NULL values
    skipped, NULL when nothing intersects (or every value is NULL).

    A = geodesic area on the WGS84 ellipsoid (GeographicLib, via pyproj) of the planar lon/lat
    intersection; this follows `native.h3enrich`'s docstring (planar intersections, ellipsoidal areas
    on PostGIS and DuckDB)."""
    rows = data.tables["census_tracts_madrid"].records()
    polys = [shapely_wkt.loads(r["geom"]) for r in rows]
    whole = [geodesic_area(p) for p in polys]
    tree = STRtree(polys)
    out = {}
    for cell in h3_center_fill(export_geojson_polygon(export_path), 8):
        target = cell_polygon(cell)
        acc: list[Any] = [None, None, None]
        for i in tree.query(target, predicate="intersects"):
            share = geodesic_area(polys[i].intersection(target)) / whole[i]
            for k, name in enumerate(("population", "female", "male")):
                if rows[i][name] is not None:
                    acc[k] = (acc[k] or 0.0) + rows[i][name] * share
        out[cell] = (acc[0], acc[1], acc[2])
    return out


# --------------------------------------------------------------------------------------------------
# enrich_points
# --------------------------------------------------------------------------------------------------
ENRICH_POINTS_VARIABLES = (("general_physical_risk", "max"), ("fire_frequency", "min"),
                           ("desertification_risk", "max"), ("air_quality", "avg"), ("maritime_flood_risk", "max"))


def enrich_points(data: ExportData) -> dict[str, dict[str, Any]]:
    """featurecla = 'Admin-1 capital' and sov_a3 = 'ESP', then per point the max/min/avg of the
    risk features that intersect it (plain aggregates over non-NULL values, analytics.md §6: the
    target is a point); NULL when no feature intersects. Keyed by place name (unique)."""
    places = [r for r in data.tables["populated_places"].records()
              if r["featurecla"] == "Admin-1 capital" and r["sov_a3"] == "ESP"]
    risks = data.tables["natural_risk_spain"].records()
    geoms = [shapely_wkt.loads(r["geom"]) for r in risks]
    tree = STRtree(geoms)
    out = {}
    for place in places:
        point = Point(*_point(place["geom"]))
        hits = [risks[i] for i in tree.query(point, predicate="intersects")]
        values: dict[str, Any] = dict(place)
        for var, agg in ENRICH_POINTS_VARIABLES:
            xs = [h[var] for h in hits if h[var] is not None]
            values[f"{var}_{agg}"] = (None if not xs else max(xs) if agg == "max" else min(xs) if agg == "min"
                                      else sum(xs) / len(xs))
        values["_hits"] = len(hits)
        out[place["name"]] = values
    return out


# --------------------------------------------------------------------------------------------------
# commercial_hotspots
# --------------------------------------------------------------------------------------------------
def commercial_hotspots(data: ExportData, *, threshold: float = 0.01) -> dict[str, Any]:
    """The export's own preparation, then COMMERCIAL_HOTSPOTS (Decision 4).

    - Spatial Filter: planet nodes intersecting any delivery area; Custom SQL keeps
      tag_value = 'Pizza Hut' AND tag_key = 'brand'; H3 res 10 of each restaurant;
    - H3 Polyfill res 10 (centre) of the areas, distinct cells;
    - cross join + H3 Grid Distance + Group by min: h3_distance_min = distance to the nearest restaurant;
    - Enrich H3 Grid: population_sum = Σ population_f · A(cell ∩ f) / A(f), f the Spatial Features res-8
      cells (their H3 boundaries), the intersection planar in lon/lat, A its geodesic WGS84 area (as
      `native.h3enrich`'s docstring says it measures on PostGIS and DuckDB);
    - inner Join on h3; combined_gi = 0.3·gi(h3_distance_min) + 0.7·gi(population_sum), each Gi* uniform
      with k-ring 2; p two-tailed; keep p <= 0.01.
    """
    aos = [shapely_wkt.loads(r["geom"]) for r in data.tables["honolulu_pizza_aos_geom"].records()]
    restaurants = []
    for r in data.tables["honolulu_planet_nodes"].records():
        lon, lat = _point(r["geom"])
        if r["tag_value"] == "Pizza Hut" and r["tag_key"] == "brand" and any(a.intersects(Point(lon, lat))
                                                                             for a in aos):
            restaurants.append(h3.latlng_to_cell(lat, lon, 10))
    cells: set[str] = set()
    for a in aos:
        cells |= h3_center_fill(a, 10)
    distance = {c: min(h3.grid_distance(c, r) for r in restaurants) for c in cells}
    features = data.tables["honolulu_spatial_features"].records()
    polys = [cell_polygon(f["geoid"]) for f in features]
    whole = [geodesic_area(p) for p in polys]
    tree = STRtree(polys)
    population: dict[str, float | None] = {}
    for c in cells:
        target = cell_polygon(c)
        hits = tree.query(target, predicate="intersects")
        population[c] = (None if len(hits) == 0 else
                         sum(features[i]["population"] * geodesic_area(polys[i].intersection(target)) / whole[i]
                             for i in hits))
    ordered = sorted(cells)
    gi1 = gi_uniform(ordered, np.array([distance[c] for c in ordered], dtype=float), 2)
    gi2 = gi_uniform(ordered, np.array([population[c] for c in ordered], dtype=float), 2)
    combined = {c: 0.3 * gi1[c] + 0.7 * gi2[c] for c in ordered}
    p = {c: two_tailed(g) for c, g in combined.items()}
    return {"restaurants": restaurants, "cells": ordered, "h3_distance_min": distance, "population_sum": population,
            "combined": combined, "p_value": p,
            "hotspots": {c: (combined[c], p[c]) for c in ordered if (p[c] or 1.0) <= threshold}}


# --------------------------------------------------------------------------------------------------
# composite-score-unsupervised
# --------------------------------------------------------------------------------------------------
COMPOSITE_WEIGHTS = (("fempop_15_44", 5, False), ("public_transport", 3, False), ("education", 2, False),
                     ("pois", 2, False), ("urbanity_ordinal", 1, True))
URBANITY_ORDINAL = {"Low_density_urban": 4, "Medium_density_urban": 3, "High_density_urban": 2,
                    "Very_high_density_urban": 1}


def percent_rank(x: np.ndarray) -> np.ndarray:
    """SQL PERCENT_RANK() ordered ascending: (rank - 1)/(n - 1), ties share their lowest rank."""
    n = len(x)
    return (rankdata(x, method="min") - 1) / (n - 1) if n > 1 else np.zeros(n)


def composite(data: ExportData, *, reverse: str = "negate") -> dict[int, float]:
    """Select -> Case When urbanity -> urbanity_ordinal (4..1, else NULL) -> drop urbanity ->
    CUSTOM_WEIGHTS: rows with any NULL variable dropped; RANKING scaling = percent rank per variable;
    reversed variable (urbanity_ordinal) ranked on -x (`reverse="negate"`) or as 1 - percent rank
    (`reverse="complement"`); LINEAR = Σ ŵ_k s_k with ŵ = (5,3,2,2,1)/13; RETURN_RANGE [0, 1] min-max
    rescales the score. {quadbin: spatial_score}.

    Depends on the decisions in `native.spatialcompositeunsupervised`'s docstring (CARTO is silent):
    PERCENT_RANK with ties at their lowest rank, and a reversed RANKING variable ranked in descending
    order (= percent rank of -x, the default here); on these data "complement" differs by up to 0.045
    because urbanity_ordinal has only four values (ties)."""
    rows = []
    for r in data.tables["milan_spatial_features_smoothed"].records():
        record = {k: r[k] for k in ("quadbin", "fempop_15_44", "public_transport", "education", "pois")}
        record["urbanity_ordinal"] = URBANITY_ORDINAL.get(r["urbanity"]) if r["urbanity"] is not None else None
        if all(record[name] is not None for name, _, _ in COMPOSITE_WEIGHTS):
            rows.append(record)
    total = sum(w for _, w, _ in COMPOSITE_WEIGHTS)
    score = np.zeros(len(rows))
    for name, w, rev in COMPOSITE_WEIGHTS:
        x = np.array([r[name] for r in rows], dtype=float)
        if rev and reverse == "negate":
            s = percent_rank(-x)
        elif rev:
            s = 1 - percent_rank(x)
        else:
            s = percent_rank(x)
        score += w / total * s
    lo, hi = score.min(), score.max()
    scaled = (score - lo) / (hi - lo)
    return {int(r["quadbin"]): float(s) for r, s in zip(rows, scaled, strict=True)}

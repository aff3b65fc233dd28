"""Deterministic source tables for the public CARTO exports in ../shared/carto-exports.

The exports read BigQuery tables nobody else can read; each generator here builds, from a fixed numpy
seed, local tables with the columns and types the export's nodes use, realistic for the export's
place, and says which local table each ReadTable FQN maps to (`ExportData.table_map`, the same thing
`wareflow run FILE --map FQN=main.table` does). `load_export(engine, name)` loads them into a test
Engine (DuckDB or PostGIS) and returns that table map.

Nothing here computes with Wareflow (`write_duckdb` only opens a file with its DuckDB `connect`):
the references (tests/support/export_reference.py) recompute every expected value from these same
rows with h3 / shapely / numpy / esda.

| export                          | local tables (rows)                                                   |
|---------------------------------|-----------------------------------------------------------------------|
| poi_hotspot                     | osm_pois_stockholm (3,850 POIs)                                       |
| enrich_grid                     | census_tracts_madrid (~1,470 Voronoi tract polygons)                  |
| enrich_points                   | populated_places (464), natural_risk_spain (1,903 polygons + points)  |
| commercial_hotspots             | honolulu_pizza_aos_geom (2), honolulu_planet_nodes (2,460),           |
|                                 | honolulu_spatial_features (135 H3 res-8 cells)                        |
| composite-score-unsupervised    | milan_spatial_features_smoothed (3,600 quadbin z15 tiles)             |
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import h3
import numpy as np
import shapely
from shapely.geometry import Point, Polygon, box

from tests.support import grids

# logical type -> (DuckDB type, PostgreSQL type), as tests/support/engines.py
_TYPES = {
    "number": ("DOUBLE", "DOUBLE PRECISION"),
    "integer": ("BIGINT", "BIGINT"),
    "string": ("VARCHAR", "TEXT"),
    "geography": ("GEOMETRY", "geometry(Geometry, 4326)"),
}


_ARROW: dict[str, Any] = {}  # filled on first use (pyarrow is imported lazily)


@dataclass(frozen=True)
class Table:
    columns: tuple[tuple[str, str], ...]  # (name, logical type)
    rows: list[tuple[Any, ...]]           # geometries as WKT

    @property
    def names(self) -> list[str]:
        return [c for c, _ in self.columns]

    def column(self, name: str) -> list[Any]:
        i = self.names.index(name)
        return [r[i] for r in self.rows]

    def records(self) -> list[dict[str, Any]]:
        names = self.names
        return [dict(zip(names, r, strict=True)) for r in self.rows]


@dataclass(frozen=True)
class ExportData:
    export: str                          # the export's file stem
    tables: dict[str, Table]             # local table name -> rows
    sources: dict[str, str]              # ReadTable FQN in the export -> local table name
    extra: dict[str, Any] = field(default_factory=dict)

    def table_map(self, schema: str = "main") -> dict[str, str]:
        """The `--map` entries: every source FQN of the export -> `<schema>.<local table>`."""
        return {fqn: f"{schema}.{local}" for fqn, local in self.sources.items()}


def _wkt_point(lon: float, lat: float) -> str:
    return f"POINT ({lon!r} {lat!r})"


def _wkt(geom: Any) -> str:
    return grids.to_wkt(geom)


# --------------------------------------------------------------------------------------------------
# poi_hotspot: OSM POIs of Stockholm -> H3 res 9 counts -> Gi* (uniform, size 3)
# --------------------------------------------------------------------------------------------------
POI_FQN = "cartodb-on-gcp-datascience.workflows_temp.import_465015ef_8b53_4ee5_a0a8_c956f48f1114"
AMENITIES = ("restaurant", "cafe", "bar", "fast_food", "pharmacy", "bank", "school", "parking",
             "bicycle_parking", "place_of_worship", "pub", "dentist", "atm", "post_box")


def poi_hotspot(seed: int = 11) -> ExportData:
    """~3,900 POIs around Stockholm: a uniform background over the city plus four dense clusters
    (Gamla stan, Södermalm, Östermalm, Kungsholmen); 12 % have a NULL amenity and 1 % the text 'NULL'
    (the export's Simple Filter `amenity not equal NULL` compares with the string 'NULL')."""
    rng = np.random.default_rng(seed)
    kx = 1 / math.cos(math.radians(59.33))  # degrees of longitude per degree of latitude, in metres
    parts = [(rng.uniform(17.98, 18.16, 1800), rng.uniform(59.29, 59.36, 1800))]
    for lon, lat, sd, n in ((18.0710, 59.3251, 0.0025, 700), (18.0730, 59.3150, 0.0035, 600),
                            (18.0790, 59.3370, 0.0030, 500), (18.0330, 59.3310, 0.0020, 250)):
        parts.append((rng.normal(lon, sd * kx, n), rng.normal(lat, sd, n)))
    lons = np.round(np.concatenate([p[0] for p in parts]), 7)
    lats = np.round(np.concatenate([p[1] for p in parts]), 7)
    order = rng.permutation(len(lons))
    rows = []
    for k, i in enumerate(order):
        u = rng.random()
        amenity = None if u < 0.12 else "NULL" if u < 0.13 else str(rng.choice(AMENITIES))
        name = None if amenity is None or rng.random() < 0.3 else f"{amenity.replace('_', ' ').title()} {k}"
        rows.append((20_000_000 + 13 * k, name, amenity, _wkt_point(float(lons[i]), float(lats[i]))))
    table = Table((("osm_id", "integer"), ("name", "string"), ("amenity", "string"), ("geom", "geography")), rows)
    return ExportData("poi_hotspot", {"osm_pois_stockholm": table}, {POI_FQN: "osm_pois_stockholm"})


# --------------------------------------------------------------------------------------------------
# enrich_grid: CARTO Spatial Features (Spain, H3 res 8) -> enrich the polyfill of a box around Madrid
# --------------------------------------------------------------------------------------------------
GRID_FQN = ("carto-dw-ac-2z63m9l4.workflows_temp_ernesto_exampleworkflows_38118196."
            "import_2933074a_77e8_4291_8d5e_f0be3b84079c")
# The export's drawn polygon (its Table from GeoJSON node) is the box lon -4.1428..-3.0223,
# lat 40.1492..40.5267; the features cover it with a margin of ~4 km.
GRID_BOX = (-4.19, 40.11, -2.97, 40.57)
TOWNS = ((-3.7038, 40.4168, 16000.0, 6.0), (-3.3640, 40.4820, 4000.0, 2.0), (-3.7320, 40.3050, 5000.0, 2.0),
         (-3.8640, 40.3220, 5000.0, 2.0), (-3.8250, 40.3260, 3000.0, 1.5), (-3.7630, 40.2500, 2500.0, 1.5),
         (-3.4680, 40.4560, 2000.0, 1.5), (-4.0100, 40.4800, 800.0, 1.0), (-3.5270, 40.2300, 600.0, 1.0))


def enrich_grid(seed: int = 12) -> ExportData:
    """Census-tract-like polygons over the Madrid box (the export's source, CARTO Spatial Features, is
    an H3 grid with no geography column; Wareflow's `native.h3enrich` reads the source's only geography
    column when `source_col` is empty, so the stand-in has one): a Voronoi tiling of ~1,500 seeds,
    denser where people live (Madrid centre plus eight towns), clipped to the box, vertices on a 1e-6
    degree grid. `population` from the density model times the tract's area with lognormal noise,
    `female` a Beta(52:48) share of it (NULL on 1 % of tracts), `male` the rest; 2 % of the tracts are
    left out (holes in the coverage)."""
    rng = np.random.default_rng(seed)

    def density(lon: float, lat: float) -> float:
        value = 25.0
        for tlon, tlat, peak, scale_km in TOWNS:
            d = math.hypot((lon - tlon) * 111.32 * math.cos(math.radians(lat)), (lat - tlat) * 110.57)
            value += peak * math.exp(-d / scale_km)
        return value

    seeds: list[tuple[float, float]] = []
    while len(seeds) < 1500:  # rejection sampling: seeds follow sqrt(density)
        lon, lat = float(rng.uniform(GRID_BOX[0], GRID_BOX[2])), float(rng.uniform(GRID_BOX[1], GRID_BOX[3]))
        if rng.random() < math.sqrt(density(lon, lat) / 16000.0) + 0.08:
            seeds.append((lon, lat))
    frame = box(*GRID_BOX)
    cells = shapely.voronoi_polygons(shapely.MultiPoint(seeds), extend_to=frame)
    rows = []
    for k, cell in enumerate(sorted(cells.geoms, key=lambda g: (round(g.centroid.x, 9), round(g.centroid.y, 9)))):
        tract = shapely.set_precision(cell.intersection(frame), 1e-6)
        keep = rng.random() >= 0.02
        c = tract.centroid
        km2 = tract.area * 111.32 * 110.57 * math.cos(math.radians(c.y))
        population = round(density(c.x, c.y) * km2 * float(rng.lognormal(0.0, 0.35)), 4)
        female = round(population * float(rng.beta(52, 48)), 4)
        male = round(population - female, 4)
        null_female = rng.random() < 0.01
        if keep and not tract.is_empty:
            rows.append((f"28{k:06d}", population, None if null_female else female, male, _wkt(tract)))
    table = Table((("geoid", "string"), ("population", "number"), ("female", "number"), ("male", "number"),
                   ("geom", "geography")), rows)
    return ExportData("enrich_grid", {"census_tracts_madrid": table}, {GRID_FQN: "census_tracts_madrid"})


# --------------------------------------------------------------------------------------------------
# enrich_points: Natural Earth populated places (Spanish admin-1 capitals) enriched with natural risk
# --------------------------------------------------------------------------------------------------
PLACES_FQN = ("carto-dw-ac-2z63m9l4.workflows_temp_ernesto_exampleworkflows_38118196."
              "import_66308668_6583_4270_b993_e47723e26730")
RISK_FQN = ("carto-dw-ac-2z63m9l4.workflows_temp_ernesto_exampleworkflows_38118196."
            "import_316dbcb1_c90c_41e8_afc2_b5bee2d324ee")
# (name, lon, lat, featurecla, sov_a3, adm1name): Natural Earth classes; Madrid is an Admin-0 capital,
# the autonomous-community seats "Admin-1 region capital"; Spanish provincial capitals "Admin-1 capital".
CAPITALS = (
    ("Madrid", -3.7038, 40.4168, "Admin-0 capital", "ESP", "Madrid"),
    ("Barcelona", 2.1734, 41.3851, "Admin-1 region capital", "ESP", "Cataluña"),
    ("Valencia", -0.3763, 39.4699, "Admin-1 region capital", "ESP", "Valenciana"),
    ("Sevilla", -5.9845, 37.3891, "Admin-1 region capital", "ESP", "Andalucía"),
    ("Zaragoza", -0.8891, 41.6488, "Admin-1 region capital", "ESP", "Aragón"),
    ("Málaga", -4.4214, 36.7213, "Admin-1 capital", "ESP", "Andalucía"),
    ("Murcia", -1.1307, 37.9922, "Admin-1 capital", "ESP", "Murcia"),
    ("Palma", 2.6502, 39.5696, "Admin-1 capital", "ESP", "Islas Baleares"),
    ("Las Palmas", -15.4134, 28.1235, "Admin-1 capital", "ESP", "Canary Is."),
    ("Santa Cruz de Tenerife", -16.2519, 28.4636, "Admin-1 capital", "ESP", "Canary Is."),
    ("Bilbao", -2.9350, 43.2630, "Admin-1 capital", "ESP", "País Vasco"),
    ("Alicante", -0.4810, 38.3452, "Admin-1 capital", "ESP", "Valenciana"),
    ("Córdoba", -4.7794, 37.8882, "Admin-1 capital", "ESP", "Andalucía"),
    ("Valladolid", -4.7245, 41.6523, "Admin-1 capital", "ESP", "Castilla y León"),
    ("A Coruña", -8.4115, 43.3623, "Admin-1 capital", "ESP", "Galicia"),
    ("Vitoria", -2.6727, 42.8467, "Admin-1 capital", "ESP", "País Vasco"),
    ("Granada", -3.5986, 37.1773, "Admin-1 capital", "ESP", "Andalucía"),
    ("Oviedo", -5.8494, 43.3619, "Admin-1 capital", "ESP", "Asturias"),
    ("Pamplona", -1.6432, 42.8125, "Admin-1 capital", "ESP", "Navarra"),
    ("Almería", -2.4637, 36.8340, "Admin-1 capital", "ESP", "Andalucía"),
    ("San Sebastián", -1.9812, 43.3183, "Admin-1 capital", "ESP", "País Vasco"),
    ("Burgos", -3.6969, 42.3439, "Admin-1 capital", "ESP", "Castilla y León"),
    ("Albacete", -1.8585, 38.9943, "Admin-1 capital", "ESP", "Castilla-La Mancha"),
    ("Santander", -3.8044, 43.4623, "Admin-1 capital", "ESP", "Cantabria"),
    ("Castellón", -0.0513, 39.9864, "Admin-1 capital", "ESP", "Valenciana"),
    ("Logroño", -2.4450, 42.4627, "Admin-1 capital", "ESP", "La Rioja"),
    ("Badajoz", -6.9707, 38.8794, "Admin-1 capital", "ESP", "Extremadura"),
    ("Salamanca", -5.6631, 40.9701, "Admin-1 capital", "ESP", "Castilla y León"),
    ("Huelva", -6.9447, 37.2614, "Admin-1 capital", "ESP", "Andalucía"),
    ("Lleida", 0.6200, 41.6176, "Admin-1 capital", "ESP", "Cataluña"),
    ("Tarragona", 1.2445, 41.1189, "Admin-1 capital", "ESP", "Cataluña"),
    ("León", -5.5671, 42.5987, "Admin-1 capital", "ESP", "Castilla y León"),
    ("Cádiz", -6.2885, 36.5271, "Admin-1 capital", "ESP", "Andalucía"),
    ("Jaén", -3.7849, 37.7796, "Admin-1 capital", "ESP", "Andalucía"),
    ("Ourense", -7.8662, 42.3358, "Admin-1 capital", "ESP", "Galicia"),
    ("Girona", 2.8214, 41.9794, "Admin-1 capital", "ESP", "Cataluña"),
    ("Lugo", -7.5560, 43.0097, "Admin-1 capital", "ESP", "Galicia"),
    ("Cáceres", -6.3724, 39.4753, "Admin-1 capital", "ESP", "Extremadura"),
    ("Guadalajara", -3.1667, 40.6329, "Admin-1 capital", "ESP", "Castilla-La Mancha"),
    ("Toledo", -4.0273, 39.8628, "Admin-1 region capital", "ESP", "Castilla-La Mancha"),
    ("Pontevedra", -8.6446, 42.4310, "Admin-1 capital", "ESP", "Galicia"),
    ("Palencia", -4.5286, 42.0095, "Admin-1 capital", "ESP", "Castilla y León"),
    ("Ciudad Real", -3.9273, 38.9848, "Admin-1 capital", "ESP", "Castilla-La Mancha"),
    ("Zamora", -5.7445, 41.5035, "Admin-1 capital", "ESP", "Castilla y León"),
    ("Ávila", -4.7003, 40.6566, "Admin-1 capital", "ESP", "Castilla y León"),
    ("Cuenca", -2.1340, 40.0704, "Admin-1 capital", "ESP", "Castilla-La Mancha"),
    ("Huesca", -0.4087, 42.1401, "Admin-1 capital", "ESP", "Aragón"),
    ("Segovia", -4.1184, 40.9429, "Admin-1 capital", "ESP", "Castilla y León"),
    ("Soria", -2.4650, 41.7666, "Admin-1 capital", "ESP", "Castilla y León"),
    ("Teruel", -1.1065, 40.3456, "Admin-1 capital", "ESP", "Aragón"),
    ("Mérida", -6.3436, 38.9161, "Admin-1 region capital", "ESP", "Extremadura"),
    ("Santiago de Compostela", -8.5448, 42.8782, "Admin-1 region capital", "ESP", "Galicia"),
    ("Ceuta", -5.3213, 35.8894, "Admin-1 capital", "ESP", "Ceuta"),
    ("Lisboa", -9.1393, 38.7223, "Admin-0 capital", "PRT", "Lisboa"),
    ("Porto", -8.6291, 41.1579, "Admin-1 capital", "PRT", "Porto"),
    ("Braga", -8.4265, 41.5454, "Admin-1 capital", "PRT", "Braga"),
    ("Faro", -7.9304, 37.0194, "Admin-1 capital", "PRT", "Faro"),
    ("Évora", -7.9135, 38.5714, "Admin-1 capital", "PRT", "Évora"),
    ("Bragança", -6.7567, 41.8061, "Admin-1 capital", "PRT", "Bragança"),
    ("Toulouse", 1.4442, 43.6047, "Admin-1 capital", "FRA", "Haute-Garonne"),
    ("Perpignan", 2.8956, 42.6887, "Admin-1 capital", "FRA", "Pyrénées-Orientales"),
    ("Pau", -0.3708, 43.2951, "Admin-1 capital", "FRA", "Pyrénées-Atlantiques"),
    ("Andorra la Vella", 1.5218, 42.5063, "Admin-0 capital", "AND", "Andorra"),
    ("Tanger", -5.8340, 35.7595, "Admin-1 capital", "MAR", "Tanger-Tétouan"),
)
RISK_BOX = (-9.6131, 35.6377, 3.5869, 44.0127)  # the risk grid: origin off every round coordinate
RISK_STEP = (0.2718, 0.2291)
RISK_VARIABLES = ("general_physical_risk", "fire_frequency", "desertification_risk", "air_quality",
                  "maritime_flood_risk")


def _blob(rng: np.random.Generator, lon: float, lat: float, r: float) -> Polygon:
    """A star-shaped, valid polygon of radius ~r degrees (24 vertices, 6 decimals)."""
    angles = np.sort(rng.uniform(0, 2 * math.pi, 24))
    radii = r * rng.uniform(0.6, 1.0, 24)
    kx = 1 / math.cos(math.radians(lat))
    ring = [(round(lon + kx * q * math.cos(a), 6), round(lat + q * math.sin(a), 6)) for a, q in zip(angles, radii,
                                                                                                   strict=True)]
    poly = Polygon(ring)
    return poly if poly.is_valid else shapely.make_valid(poly).buffer(0)


def enrich_points(seed: int = 13) -> ExportData:
    """`populated_places` as Natural Earth: 64 real capitals around Iberia (50 Spanish "Admin-1
    capital") plus ~400 "Populated place" rows (a few with a NULL featurecla or sov_a3).
    `natural_risk_spain`: a 0.27 x 0.23 degree grid of risk polygons over Spain, 70 overlapping
    hazard zones, and 20 air-quality station points placed exactly on capitals; `maritime_flood_risk`
    is NULL inland, `air_quality` NULL on some zones."""
    rng = np.random.default_rng(seed)
    place_cols = (("scalerank", "integer"), ("featurecla", "string"), ("name", "string"), ("adm0name", "string"),
                  ("sov_a3", "string"), ("adm1name", "string"), ("pop_max", "integer"), ("geom", "geography"))
    adm0 = {"ESP": "Spain", "PRT": "Portugal", "FRA": "France", "AND": "Andorra", "MAR": "Morocco"}
    places: list[tuple[Any, ...]] = []
    for name, lon, lat, cla, sov, adm1 in CAPITALS:
        places.append((int(rng.integers(1, 6)), cla, name, adm0[sov], sov, adm1, int(rng.integers(20_000, 900_000)),
                       _wkt_point(lon, lat)))
    for k in range(400):
        lon, lat = round(float(rng.uniform(-9.2, 3.2)), 4), round(float(rng.uniform(36.1, 43.7)), 4)
        country = "ESP" if lon > -7.0 or lat > 42.1 else str(rng.choice(["ESP", "PRT"]))
        kind = None if k % 97 == 5 else "Populated place"
        places.append((int(rng.integers(6, 11)), kind, f"Place {k:03d}", adm0[country],
                       None if k % 89 == 7 else country,
                       None, int(rng.integers(500, 60_000)), _wkt_point(lon, lat)))
    order = rng.permutation(len(places))
    places = [places[i] for i in order]

    risk_cols = (("risk_id", "integer"), ("source", "string"), *((v, "number") for v in RISK_VARIABLES),
                 ("geom", "geography"))
    coast = shapely.LineString([(-9.3, 43.7), (-1.8, 43.4), (3.2, 42.3), (-0.4, 38.8), (-2.2, 36.7),
                                (-6.3, 36.5), (-7.4, 37.2), (-8.9, 38.0), (-9.3, 43.7)])
    risks: list[tuple[Any, ...]] = []
    x0, y0, x1, y1 = RISK_BOX
    nx, ny = round((x1 - x0) / RISK_STEP[0]), round((y1 - y0) / RISK_STEP[1])
    rid = 0
    for j in range(ny):
        for i in range(nx):
            a, b = round(x0 + i * RISK_STEP[0], 4), round(y0 + j * RISK_STEP[1], 4)
            c, d = round(x0 + (i + 1) * RISK_STEP[0], 4), round(y0 + (j + 1) * RISK_STEP[1], 4)
            cell = box(a, b, c, d)
            south = (44.0 - (b + d) / 2) / 8.4  # drier, hotter south
            near_coast = cell.distance(coast) < 0.35
            rid += 1
            risks.append((rid, "grid",
                          round(float(np.clip(rng.normal(1.5 + 2.5 * south, 0.6), 0, 5)), 3),
                          round(float(rng.gamma(1.5 + 3 * south, 0.8)), 3),
                          round(float(np.clip(rng.normal(4 * south, 0.7), 0, 4)), 3),
                          round(float(rng.uniform(20, 90)), 2),
                          round(float(rng.uniform(0, 5)), 3) if near_coast else None,
                          _wkt(cell)))
    for _ in range(70):
        lon, lat = float(rng.uniform(-9.0, 3.0)), float(rng.uniform(36.3, 43.6))
        rid += 1
        risks.append((rid, "zone", round(float(rng.uniform(0, 5)), 3), round(float(rng.gamma(2, 1.5)), 3),
                      round(float(rng.uniform(0, 4)), 3),
                      None if rng.random() < 0.3 else round(float(rng.uniform(10, 95)), 2),
                      round(float(rng.uniform(0, 5)), 3) if rng.random() < 0.4 else None,
                      _wkt(_blob(rng, lon, lat, float(rng.uniform(0.3, 1.1))))))
    stations = [c for c in CAPITALS if c[4] == "ESP" and c[3] == "Admin-1 capital"][::2][:20]
    for name, lon, lat, *_ in stations:
        rid += 1
        risks.append((rid, f"station {name}", None, None, None, round(float(rng.uniform(5, 99)), 2), None,
                      _wkt_point(lon, lat)))
    return ExportData("enrich_points", {"populated_places": Table(place_cols, places),
                                        "natural_risk_spain": Table(risk_cols, risks)},
                      {PLACES_FQN: "populated_places", RISK_FQN: "natural_risk_spain"})


# --------------------------------------------------------------------------------------------------
# commercial_hotspots: Honolulu, Pizza Hut restaurants, population -> combined Gi*
# --------------------------------------------------------------------------------------------------
AOS_FQN = "cartodb-on-gcp-pm-team.workflows_temp.import_7ef67717_ffc7_4291_8ca6_dbf169672872"
FEATURES_FQN = "cartodb-on-gcp-pm-team.workflows_temp.import_9f27d06f_f249_4ee7_b50e_66c65d517e90"
NODES_FQN = "cartodb-on-gcp-pm-team.workflows_temp.import_4de5ef8f_49e3_4ca8_98f8_338d90588192"
HONOLULU = (-157.8583, 21.3069)
OTHER_TAGS = (("brand", "Domino's"), ("brand", "McDonald's"), ("brand", "Papa John's"), ("brand", "Subway"),
              ("amenity", "restaurant"), ("amenity", "fast_food"), ("amenity", "cafe"), ("shop", "convenience"),
              ("highway", "bus_stop"), ("highway", "crossing"), ("cuisine", "pizza"), ("name", "Pizza Hut"),
              ("brand:wikidata", "Q191615"), ("amenity", "Pizza Hut"))


def commercial_hotspots(seed: int = 14) -> ExportData:
    """Two overlapping delivery areas (`honolulu_pizza_aos_geom`) over Honolulu's urban core; OSM
    planet nodes, one row per (node, tag): 20 `brand=Pizza Hut` (5 outside the areas) among ~2,400
    other tags, including `name=Pizza Hut` and `amenity=Pizza Hut` decoys; Spatial Features H3 res-8
    cells (`geoid`, `population`) covering the areas with a margin."""
    rng = np.random.default_rng(seed)
    lon0, lat0 = HONOLULU
    aos = [_blob(rng, lon0 - 0.018, lat0 + 0.004, 0.022), _blob(rng, lon0 + 0.022, lat0 - 0.004, 0.020)]
    aos_rows = [(1, "Honolulu west", _wkt(aos[0])), (2, "Honolulu east", _wkt(aos[1]))]
    area = shapely.union_all(aos)
    minx, miny, maxx, maxy = area.bounds

    def inside(n: int) -> list[tuple[float, float]]:
        got: list[tuple[float, float]] = []
        while len(got) < n:
            lon, lat = float(rng.uniform(minx, maxx)), float(rng.uniform(miny, maxy))
            if area.contains(Point(lon, lat)):
                got.append((round(lon, 7), round(lat, 7)))
        return got

    node_rows = []
    nid = 5_000_000_000
    for lon, lat in inside(15) + [(round(float(rng.uniform(maxx + 0.01, maxx + 0.05)), 7),
                                   round(float(rng.uniform(miny, maxy)), 7)) for _ in range(5)]:
        nid += int(rng.integers(1, 9999))
        node_rows.append((nid, "brand", "Pizza Hut", _wkt_point(lon, lat)))
        node_rows.append((nid, "amenity", "restaurant", _wkt_point(lon, lat)))
        node_rows.append((nid, "cuisine", "pizza", _wkt_point(lon, lat)))
    for _ in range(2400):
        nid += int(rng.integers(1, 9999))
        if rng.random() < 0.7:
            lon, lat = inside(1)[0]
        else:
            lon = round(float(rng.uniform(minx - 0.03, maxx + 0.03)), 7)
            lat = round(float(rng.uniform(miny - 0.02, maxy + 0.02)), 7)
        key, value = OTHER_TAGS[int(rng.integers(len(OTHER_TAGS)))]
        node_rows.append((nid, key, value, _wkt_point(lon, lat)))
    node_rows = [node_rows[i] for i in rng.permutation(len(node_rows))]

    shape = h3.LatLngPoly([(miny - 0.02, minx - 0.02), (miny - 0.02, maxx + 0.02), (maxy + 0.02, maxx + 0.02),
                           (maxy + 0.02, minx - 0.02)])
    feature_rows = []
    for cell in sorted(h3.h3shape_to_cells(shape, 8)):
        lat, lon = h3.cell_to_latlng(cell)
        d = math.hypot((lon - lon0) * 103.7, (lat - lat0) * 110.7)
        population = round(float(rng.lognormal(0, 0.4)) * (300 + 4500 * math.exp(-d / 2.5)), 3)
        feature_rows.append((cell, population, round(population * float(rng.beta(50, 50)), 3)))
    return ExportData(
        "commercial_hotspots",
        {"honolulu_pizza_aos_geom": Table((("aos_id", "integer"), ("name", "string"), ("geom", "geography")),
                                          aos_rows),
         "honolulu_planet_nodes": Table((("id", "integer"), ("tag_key", "string"), ("tag_value", "string"),
                                         ("geom", "geography")), node_rows),
         "honolulu_spatial_features": Table((("geoid", "string"), ("population", "number"), ("female", "number")),
                                            feature_rows)},
        {AOS_FQN: "honolulu_pizza_aos_geom", FEATURES_FQN: "honolulu_spatial_features",
         NODES_FQN: "honolulu_planet_nodes"})


# --------------------------------------------------------------------------------------------------
# composite-score-unsupervised: Milan spatial features (quadbin z15) -> CUSTOM_WEIGHTS / RANKING
# --------------------------------------------------------------------------------------------------
MILAN_FQN = "cartodb-on-gcp-pm-team.workflows_temp.import_b522bf58_f16b_4f3f_8499_ac972439375a"
MILAN = (9.1900, 45.4642)
URBANITY = ("Very_high_density_urban", "High_density_urban", "Medium_density_urban", "Low_density_urban")


def composite(seed: int = 15) -> ExportData:
    """A 60 x 60 block of quadbin z15 tiles centred on Milan: `fempop_15_44` (float), counts of
    `public_transport`, `education`, `pois` (Poisson, so with many ties), `urbanity` one of the four
    urban classes by density, and 'Rural' (no ordinal: NULL) on ~3 % of the outer tiles; extra
    columns `population` and `geoid_text` the export's Select drops."""
    rng = np.random.default_rng(seed)
    _, x0, y0 = grids.to_zxy(grids.from_lonlat(MILAN[0], MILAN[1], 15) or 0)
    rows = []
    for dx in range(-30, 30):
        for dy in range(-30, 30):
            q = grids.from_zxy(15, x0 + dx, y0 + dy)
            lon, lat = grids.center(q)
            d = math.hypot((lon - MILAN[0]) * 78.0, (lat - MILAN[1]) * 111.1)
            density = 7500 * math.exp(-d / 6.0) * float(rng.lognormal(0, 0.3))
            population = round(density * 0.74, 2)
            fempop = round(population * float(rng.beta(18, 82)), 3)
            cls = 0 if density > 4500 else 1 if density > 2000 else 2 if density > 700 else 3
            urbanity = URBANITY[cls] if d < 20 or rng.random() > 0.03 else "Rural"
            rows.append((q, population, fempop, float(rng.poisson(density / 400)),
                         float(rng.poisson(density / 1500)), float(rng.poisson(density / 90)), urbanity,
                         f"q{q:x}"))
    rows = [rows[i] for i in rng.permutation(len(rows))]
    table = Table((("quadbin", "integer"), ("population", "number"), ("fempop_15_44", "number"),
                   ("public_transport", "number"), ("education", "number"), ("pois", "number"),
                   ("urbanity", "string"), ("geoid_text", "string")), rows)
    return ExportData("composite-score-unsupervised", {"milan_spatial_features_smoothed": table},
                      {MILAN_FQN: "milan_spatial_features_smoothed"})


GENERATORS: dict[str, Callable[[], ExportData]] = {
    "poi_hotspot": poi_hotspot,
    "enrich_grid": enrich_grid,
    "enrich_points": enrich_points,
    "commercial_hotspots": commercial_hotspots,
    "composite-score-unsupervised": composite,
}

_CACHE: dict[str, ExportData] = {}


def generate(export: str) -> ExportData:
    """The (cached, deterministic) tables of one export, by the export's file stem."""
    if export not in _CACHE:
        _CACHE[export] = GENERATORS[export]()
    return _CACHE[export]


# --------------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------------
def load_tables(engine: Any, tables: dict[str, Table], schema: str = "main") -> None:
    """Create `schema`.<name> for every table on a test Engine (DuckDB or PostGIS), in bulk."""
    duck = engine.name == "duckdb"
    cur = engine.conn.cursor()
    cur.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    for name, table in tables.items():
        cols = ", ".join(f'"{c}" {_TYPES[t][0 if duck else 1]}' for c, t in table.columns)
        cur.execute(f'DROP TABLE IF EXISTS "{schema}"."{name}"')
        cur.execute(f'CREATE TABLE "{schema}"."{name}" ({cols})')
        if duck:
            import pyarrow as pa

            _ARROW.update(number=pa.float64(), integer=pa.int64(), string=pa.string(), geography=pa.string())

            frame = pa.table({c: pa.array([r[i] for r in table.rows], type=_ARROW[t])
                              for i, (c, t) in enumerate(table.columns)})
            select = ", ".join(f'ST_GeomFromText("{c}")' if t == "geography" else f'"{c}"' for c, t in table.columns)
            cur.register("__export_rows", frame)
            try:
                cur.execute(f'INSERT INTO "{schema}"."{name}" SELECT {select} FROM __export_rows')
            finally:
                cur.unregister("__export_rows")
        else:
            from psycopg2.extras import execute_values

            marks = ", ".join("ST_GeomFromText(%s, 4326)" if t == "geography" else "%s" for _, t in table.columns)
            execute_values(cur, f'INSERT INTO "{schema}"."{name}" VALUES %s', table.rows, template=f"({marks})",
                           page_size=1000)
    engine.conn.commit()
    cur.close()


def load_export(engine: Any, export: str, schema: str = "main") -> dict[str, str]:
    """Load an export's generated tables into `engine` and return its table map (source FQNs)."""
    data = generate(export)
    load_tables(engine, data.tables, schema)
    return data.table_map(schema)


def write_duckdb(export: str, path: str, schema: str = "main") -> dict[str, str]:
    """Write an export's tables into a DuckDB file, for `wareflow run EXPORT --conn duckdb:///PATH
    --map FQN=main.table ...`; returns the map."""
    from types import SimpleNamespace

    from wareflow.warehouses.duckdb import connect  # only to open the file with spatial loaded

    conn = connect(path)
    try:
        return load_export(SimpleNamespace(name="duckdb", conn=conn), export, schema)
    finally:
        conn.close()


def wkt_points(wkts: Sequence[str]) -> list[tuple[float, float]]:
    """(lon, lat) of POINT WKTs written by this module."""
    out = []
    for w in wkts:
        lon, lat = w[w.index("(") + 1:w.index(")")].split()
        out.append((float(lon), float(lat)))
    return out

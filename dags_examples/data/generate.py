"""Deterministic sample data for the Wareflow example workflows.

A fictional city centred at lon -3.70, lat 40.42 (WGS84, lon/lat axis order), about 0.2 x 0.15 degrees:

* ``neighborhoods``: a 6 x 4 grid of rectangles covering the whole box (``nbhd_id`` 1..24, row-major from
  the south-west corner).
* ``stores``: points strictly inside the box and never within ``GRID_CLEARANCE`` degrees of a grid line, so
  every store lies in exactly one neighbourhood whatever the point-in-polygon predicate.
* ``stations``: 15 metro stations on three lines.
* ``customers``: points inside the box; none lies between ``RADIUS_GUARD`` metres (great-circle) of any
  station, so "within 500 m of a station" has the same answer for exact distances, polygon buffers and
  projected approximations. Names include SQL-hostile values (apostrophe, semicolon, ``--``).

Only ``random.Random(seed).random()`` is used, so the output is identical on every Python version.

Command line::

    python dags_examples/data/generate.py --duckdb demo.duckdb [--scale N] [--seed 42] [--schema main]
    python dags_examples/data/generate.py --postgres "dbname=demo user=demo" [--schema main]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# --- the city ---------------------------------------------------------------------------------------------

CENTER_LON = -3.70
CENTER_LAT = 40.42
WIDTH_DEG = 0.20
HEIGHT_DEG = 0.15
GRID_COLS = 6
GRID_ROWS = 4
MIN_LON = round(CENTER_LON - WIDTH_DEG / 2, 6)
MAX_LON = round(CENTER_LON + WIDTH_DEG / 2, 6)
MIN_LAT = round(CENTER_LAT - HEIGHT_DEG / 2, 6)
MAX_LAT = round(CENTER_LAT + HEIGHT_DEG / 2, 6)

#: Grid edges, rounded once so that adjacent polygons share bit-identical coordinates.
LON_EDGES: tuple[float, ...] = tuple(
    round(MIN_LON + i * (MAX_LON - MIN_LON) / GRID_COLS, 6) for i in range(GRID_COLS + 1)
)
LAT_EDGES: tuple[float, ...] = tuple(
    round(MIN_LAT + j * (MAX_LAT - MIN_LAT) / GRID_ROWS, 6) for j in range(GRID_ROWS + 1)
)

#: Stores are kept at least this far (degrees, strictly more) from every grid line and the outer border.
GRID_CLEARANCE = 1e-6
#: No customer lies in this band of great-circle distances (metres) from any station.
RADIUS_GUARD = (480.0, 520.0)

DEFAULT_STORES = 2000
DEFAULT_CUSTOMERS = 5000
POINT_DECIMALS = 7

EARTH_RADIUS_M = 6_371_008.8
METERS_PER_DEG_LAT = math.pi * EARTH_RADIUS_M / 180.0

NEIGHBORHOOD_NAMES = (
    "Arroyo Claro",
    "Barrio Alto",
    "Cañada Real",
    "Cuesta del Sol",
    "El Pinar",
    "Fuente Vieja",
    "Huerta Nueva",
    "La Alameda",
    "L'Almendral",
    "Las Acacias",
    "Los Olmos",
    "Mirador",
    "Molino Rojo",
    "Peñalta",
    "Plaza Mayor",
    "Puerta Norte",
    "Ribera",
    "San Bartolo",
    "Santa Clara",
    "Torrecilla",
    "Valdeverde",
    "Vega Baja",
    "Villafría",
    "Zarzal",
)

STORE_CATEGORIES = ("grocery", "pharmacy", "cafe", "electronics")
STORE_CATEGORY_WEIGHTS = (0.40, 0.15, 0.30, 0.15)
STORE_BRANDS = {
    "grocery": ("Mercado", "Super Día", "Frutería", "Despensa"),
    "pharmacy": ("Farmacia", "Botica"),
    "cafe": ("Café", "Cafetería", "Tostadero", "Bar"),
    "electronics": ("Electro", "Tecno", "Digital"),
}
#: Store revenue multipliers by category (median revenue is about 150k times the multiplier).
CATEGORY_REVENUE = {"grocery": 1.6, "pharmacy": 1.2, "cafe": 0.5, "electronics": 1.1}

#: (lon, lat) store hotspots: the old town, a business district and a mall.
STORE_HOTSPOTS = ((-3.703, 40.417), (-3.688, 40.447), (-3.742, 40.372))

#: Metro lines as straight runs between two (lon, lat) ends, five stations each.
METRO_LINES = (
    ("L1", (-3.785, 40.421), (-3.615, 40.419)),
    ("L2", (-3.701, 40.482), (-3.699, 40.358)),
    ("L3", (-3.775, 40.360), (-3.625, 40.480)),
)
STATIONS_PER_LINE = 5

FIRST_NAMES = (
    "Ana",
    "Luis",
    "María",
    "Javier",
    "Lucía",
    "Carlos",
    "Elena",
    "Pablo",
    "Sofía",
    "Diego",
    "Carmen",
    "Jorge",
    "Laura",
    "Miguel",
    "Paula",
    "Sergio",
    "Marta",
    "Andrés",
    "Irene",
    "Raúl",
)
LAST_NAMES = (
    "García",
    "Martínez",
    "López",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Fernández",
    "Díaz",
    "Moreno",
    "Álvarez",
    "Romero",
    "Navarro",
    "Torres",
    "Ruiz",
    "Ramos",
    "Gil",
    "Serrano",
    "Molina",
)
#: Customer ids that receive hostile names (and a high spend, so they reach the top-customers output).
TRICKY_CUSTOMERS = {
    7: "Siobhan O'Brien",
    21: "Smith; DROP TABLE customers",
    42: "Ana -- López",
    99: "Robert'); DROP TABLE students;--",
    123: 'Zoë "Zed" D\'Arcy',
}
SEGMENTS = ("gold", "silver", "bronze")
SEGMENT_WEIGHTS = (0.15, 0.35, 0.50)

LOGICAL_TYPES = ("number", "string", "date", "geography")


# --- tables -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A generated table: ``columns`` are ``(name, logical type)`` pairs, geometries are WKT strings."""

    columns: list[tuple[str, str]]
    rows: list[tuple[Any, ...]]

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]

    def column_values(self, index: int) -> list[Any]:
        return [row[index] for row in self.rows]

    def physical_types(self) -> list[str]:
        """Portable SQL type per column: INTEGER, BIGINT, DOUBLE, VARCHAR, DATE or GEOMETRY."""
        return [self._physical_type(i, logical) for i, (_, logical) in enumerate(self.columns)]

    def _physical_type(self, index: int, logical: str) -> str:
        if logical == "string":
            return "VARCHAR"
        if logical == "date":
            return "DATE"
        if logical == "geography":
            return "GEOMETRY"
        if logical != "number":
            raise ValueError(f"unknown logical type {logical!r}")
        values = [v for v in self.column_values(index) if v is not None]
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return "INTEGER" if all(-(2**31) < v < 2**31 for v in values) else "BIGINT"
        return "DOUBLE"


def _pick(rng: random.Random, options: Sequence[str], weights: Sequence[float] | None = None) -> str:
    u = rng.random()
    if weights is None:
        return options[min(int(u * len(options)), len(options) - 1)]
    acc = 0.0
    for option, weight in zip(options, weights, strict=True):
        acc += weight
        if u < acc:
            return option
    return options[-1]


def _gauss(rng: random.Random) -> float:
    """Standard normal draw (Box-Muller) from ``rng.random()`` only."""
    u1 = 1.0 - rng.random()  # (0, 1]
    u2 = rng.random()
    return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


def _uniform(rng: random.Random, lo: float, hi: float) -> float:
    return lo + (hi - lo) * rng.random()


def _int_between(rng: random.Random, lo: int, hi: int) -> int:
    """Integer in [lo, hi]."""
    return lo + min(int(rng.random() * (hi - lo + 1)), hi - lo)


def _date_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=_int_between(rng, 0, (last - first).days))


def _fmt(value: float) -> str:
    text = f"{value:.{POINT_DECIMALS}f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def point_wkt(lon: float, lat: float) -> str:
    return f"POINT ({_fmt(lon)} {_fmt(lat)})"


def rectangle_wkt(west: float, south: float, east: float, north: float) -> str:
    ring = [(west, south), (east, south), (east, north), (west, north), (west, south)]
    return "POLYGON ((" + ", ".join(f"{_fmt(x)} {_fmt(y)}" for x, y in ring) + "))"


def haversine_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in metres on a sphere of the mean Earth radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _clear_of_grid(lon: float, lat: float) -> bool:
    return all(abs(lon - e) > GRID_CLEARANCE for e in LON_EDGES) and all(
        abs(lat - e) > GRID_CLEARANCE for e in LAT_EDGES
    )


def _inside_box(lon: float, lat: float) -> bool:
    return MIN_LON < lon < MAX_LON and MIN_LAT < lat < MAX_LAT


def _jitter_point(rng: random.Random, lon: float, lat: float, sigma_m: float) -> tuple[float, float]:
    dlat = _gauss(rng) * sigma_m / METERS_PER_DEG_LAT
    dlon = _gauss(rng) * sigma_m / (METERS_PER_DEG_LAT * math.cos(math.radians(lat)))
    return round(lon + dlon, POINT_DECIMALS), round(lat + dlat, POINT_DECIMALS)


def _box_point(rng: random.Random) -> tuple[float, float]:
    return (
        round(_uniform(rng, MIN_LON, MAX_LON), POINT_DECIMALS),
        round(_uniform(rng, MIN_LAT, MAX_LAT), POINT_DECIMALS),
    )


def _neighborhoods(rng: random.Random) -> Table:
    rows: list[tuple[Any, ...]] = []
    for row in range(GRID_ROWS):
        for col in range(GRID_COLS):
            nbhd_id = row * GRID_COLS + col + 1
            # Denser towards the centre of the grid.
            centrality = 1.0 - (abs(col - 2.5) / 2.5 + abs(row - 1.5) / 1.5) / 2.0
            population = int(4000 + 26000 * centrality + _uniform(rng, 0, 6000))
            geom = rectangle_wkt(LON_EDGES[col], LAT_EDGES[row], LON_EDGES[col + 1], LAT_EDGES[row + 1])
            rows.append((nbhd_id, NEIGHBORHOOD_NAMES[nbhd_id - 1], population, geom))
    columns = [("nbhd_id", "number"), ("name", "string"), ("population", "number"), ("geom", "geography")]
    return Table(columns, rows)


def _store_location(rng: random.Random) -> tuple[float, float]:
    while True:
        if rng.random() < 0.55:
            lon, lat = STORE_HOTSPOTS[_int_between(rng, 0, len(STORE_HOTSPOTS) - 1)]
            lon, lat = _jitter_point(rng, lon, lat, sigma_m=1500.0)
        else:
            lon, lat = _box_point(rng)
        if _inside_box(lon, lat) and _clear_of_grid(lon, lat):
            return lon, lat


def _stores(rng: random.Random, count: int) -> Table:
    rows: list[tuple[Any, ...]] = []
    used_revenue: set[float] = set()
    for store_id in range(1, count + 1):
        category = _pick(rng, STORE_CATEGORIES, STORE_CATEGORY_WEIGHTS)
        brand = _pick(rng, STORE_BRANDS[category])
        name = f"{brand} {store_id}"
        while True:  # distinct revenues keep orderings unambiguous
            revenue = round(150_000 * CATEGORY_REVENUE[category] * math.exp(0.6 * _gauss(rng)), 2)
            if revenue not in used_revenue:
                used_revenue.add(revenue)
                break
        opened = _date_between(rng, dt.date(2005, 1, 1), dt.date(2024, 12, 31))
        lon, lat = _store_location(rng)
        rows.append((store_id, name, category, revenue, opened, point_wkt(lon, lat)))
    columns = [
        ("store_id", "number"),
        ("name", "string"),
        ("category", "string"),
        ("revenue", "number"),
        ("opened", "date"),
        ("geom", "geography"),
    ]
    return Table(columns, rows)


def _station_points(rng: random.Random) -> list[tuple[int, str, float, float]]:
    stations: list[tuple[int, str, float, float]] = []
    for line, (lon0, lat0), (lon1, lat1) in METRO_LINES:
        for k in range(STATIONS_PER_LINE):
            t = (k + 0.5) / STATIONS_PER_LINE
            lon = lon0 + t * (lon1 - lon0)
            lat = lat0 + t * (lat1 - lat0)
            lon, lat = _jitter_point(rng, lon, lat, sigma_m=150.0)
            stations.append((len(stations) + 1, line, lon, lat))
    return stations


def _stations(points: Sequence[tuple[int, str, float, float]]) -> Table:
    rows: list[tuple[Any, ...]] = [(sid, line, point_wkt(lon, lat)) for sid, line, lon, lat in points]
    return Table([("station_id", "number"), ("line", "string"), ("geom", "geography")], rows)


def _customer_location(
    rng: random.Random, stations: Sequence[tuple[int, str, float, float]]
) -> tuple[float, float]:
    low, high = RADIUS_GUARD
    while True:
        if rng.random() < 0.45:
            _, _, slon, slat = stations[_int_between(rng, 0, len(stations) - 1)]
            lon, lat = _jitter_point(rng, slon, slat, sigma_m=600.0)
        else:
            lon, lat = _box_point(rng)
        if not _inside_box(lon, lat):
            continue
        if all(not low <= haversine_m(lon, lat, slon, slat) <= high for _, _, slon, slat in stations):
            return lon, lat


def _customers(rng: random.Random, count: int, stations: Sequence[tuple[int, str, float, float]]) -> Table:
    rows: list[tuple[Any, ...]] = []
    used_spend: set[float] = set()
    for customer_id in range(1, count + 1):
        tricky = TRICKY_CUSTOMERS.get(customer_id)
        name = tricky or f"{_pick(rng, FIRST_NAMES)} {_pick(rng, LAST_NAMES)}"
        age: int | None = None if rng.random() < 0.05 else _int_between(rng, 14, 88)
        segment: str | None = None if rng.random() < 0.08 else _pick(rng, SEGMENTS, SEGMENT_WEIGHTS)
        while True:  # distinct spends keep the top-N unambiguous
            spend = round(140.0 * math.exp(1.1 * _gauss(rng)), 2)
            if tricky is not None:
                spend = round(9000.0 + customer_id + rng.random(), 2)
                age = 30 + customer_id % 40
            if spend not in used_spend:
                used_spend.add(spend)
                break
        signup = _date_between(rng, dt.date(2015, 1, 1), dt.date(2025, 6, 30))
        lon, lat = _customer_location(rng, stations)
        rows.append((customer_id, name, age, segment, spend, signup, point_wkt(lon, lat)))
    columns = [
        ("customer_id", "number"),
        ("name", "string"),
        ("age", "number"),
        ("segment", "string"),
        ("spend", "number"),
        ("signup", "date"),
        ("geom", "geography"),
    ]
    return Table(columns, rows)


def build_tables(
    seed: int = 42, scale: int = 1, *, stores: int | None = None, customers: int | None = None
) -> dict[str, Table]:
    """Build every sample table in memory.

    ``scale`` multiplies the store and customer counts (2000 and 5000 by default); ``stores`` and
    ``customers`` override the counts outright (handy for tiny test fixtures).
    """
    if scale < 1:
        raise ValueError("scale must be >= 1")
    n_stores = DEFAULT_STORES * scale if stores is None else stores
    n_customers = DEFAULT_CUSTOMERS * scale if customers is None else customers
    if n_stores < 0 or n_customers < 0:
        raise ValueError("row counts must be >= 0")
    # One independent stream per table: changing one count never changes another table.
    station_points = _station_points(random.Random(f"{seed}:stations"))
    return {
        "neighborhoods": _neighborhoods(random.Random(f"{seed}:neighborhoods")),
        "stores": _stores(random.Random(f"{seed}:stores"), n_stores),
        "stations": _stations(station_points),
        "customers": _customers(random.Random(f"{seed}:customers"), n_customers, station_points),
    }


# --- DuckDB -----------------------------------------------------------------------------------------------


def quote_ident(name: str) -> str:
    """Quote an SQL identifier (DuckDB / PostgreSQL double-quote rules)."""
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def spatial_extension_path() -> Path:
    """The spatial extension shipped by the ``duckdb-extension-spatial`` wheel (no download needed)."""
    import duckdb
    import duckdb_extension_spatial

    base = Path(duckdb_extension_spatial.__file__).resolve().parent
    return base / "extensions" / f"v{duckdb.__version__}" / "spatial.duckdb_extension"


def load_spatial(con: Any) -> None:
    """LOAD the bundled spatial extension into a DuckDB connection, offline."""
    path = spatial_extension_path()
    if not path.is_file():
        raise FileNotFoundError(f"DuckDB spatial extension not found at {path}")
    # LOAD takes no bind parameters; the path is quoted as a string literal.
    con.execute(f"LOAD {_quote_literal(str(path))}")


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_duckdb(path: str | Path, tables: Mapping[str, Table], schema: str = "main") -> None:
    """Create (or replace) the tables in a DuckDB database file with real GEOMETRY columns.

    Rows travel as one JSON parameter per table, unpacked column-wise by ``json_transform``: no
    DataFrame, no value pasted into SQL, and 5000 rows load in well under a second.
    """
    import duckdb

    con = duckdb.connect(str(path))
    try:
        load_spatial(con)
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {quote_ident(schema)}")
        for name, table in tables.items():
            _write_duckdb_table(con, schema, name, table)
    finally:
        con.close()


def _write_duckdb_table(con: Any, schema: str, name: str, table: Table) -> None:
    fqn = f"{quote_ident(schema)}.{quote_ident(name)}"
    types = table.physical_types()
    cols = [quote_ident(c) for c in table.column_names]
    col_defs = ", ".join(f"{c} {t}" for c, t in zip(cols, types, strict=True))
    con.execute(f"CREATE OR REPLACE TABLE {fqn} ({col_defs})")
    if not table.rows:
        return
    keys = [f"c{i}" for i in range(len(cols))]
    spec = {k: ("VARCHAR" if t == "GEOMETRY" else t) + "[]" for k, t in zip(keys, types, strict=True)}
    doc = {k: [_json_value(v) for v in table.column_values(i)] for i, k in enumerate(keys)}
    unnest = ", ".join(f"UNNEST(j.{k}) AS {k}" for k in keys)
    select = ", ".join(
        f"ST_GeomFromText({k})" if t == "GEOMETRY" else k for k, t in zip(keys, types, strict=True)
    )
    con.execute(
        f"INSERT INTO {fqn} ({', '.join(cols)}) SELECT {select} FROM ("
        f"SELECT {unnest} FROM (SELECT json_transform(CAST(? AS VARCHAR), CAST(? AS VARCHAR)) AS j))",
        [json.dumps(doc, ensure_ascii=False), json.dumps(spec)],
    )


# --- PostgreSQL / PostGIS ---------------------------------------------------------------------------------

_PG_TYPES = {
    "INTEGER": "INTEGER",
    "BIGINT": "BIGINT",
    "DOUBLE": "DOUBLE PRECISION",
    "VARCHAR": "TEXT",
    "DATE": "DATE",
    "GEOMETRY": "geometry(Geometry,4326)",
}


def write_postgres(dsn: str, tables: Mapping[str, Table], schema: str = "main") -> None:
    """Create (or replace) the tables in PostgreSQL with PostGIS ``geometry(Geometry,4326)`` columns."""
    import psycopg2
    from psycopg2 import sql
    from psycopg2.extras import execute_values

    conn = psycopg2.connect(dsn)
    try:
        with conn, conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
            if cur.fetchone() is None:
                cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            cur.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
            for name, table in tables.items():
                target = sql.Identifier(schema, name)
                types = table.physical_types()
                col_defs = sql.SQL(", ").join(
                    sql.SQL("{} {}").format(sql.Identifier(col), sql.SQL(_PG_TYPES[t]))
                    for col, t in zip(table.column_names, types, strict=True)
                )
                cur.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(target))
                cur.execute(sql.SQL("CREATE TABLE {} ({})").format(target, col_defs))
                if not table.rows:
                    continue
                slots = ("ST_GeomFromText(%s, 4326)" if t == "GEOMETRY" else "%s" for t in types)
                template = "(" + ", ".join(slots) + ")"
                insert = sql.SQL("INSERT INTO {} ({}) VALUES %s").format(
                    target, sql.SQL(", ").join(sql.Identifier(c) for c in table.column_names)
                )
                execute_values(cur, insert.as_string(cur), table.rows, template=template, page_size=1000)
    finally:
        conn.close()


# --- command line -----------------------------------------------------------------------------------------


def _summary(tables: Mapping[str, Table]) -> Iterable[str]:
    for name, table in tables.items():
        yield f"{name}: {len(table.rows)} rows"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the Wareflow example tables.")
    parser.add_argument("--duckdb", metavar="PATH", help="DuckDB database file to create or update")
    parser.add_argument("--postgres", metavar="DSN", help="libpq connection string of a PostGIS database")
    parser.add_argument("--schema", default="main", help="target schema (default: main)")
    parser.add_argument("--scale", type=int, default=1, help="multiply store and customer counts")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")
    args = parser.parse_args(argv)
    if not args.duckdb and not args.postgres:
        parser.error("give --duckdb PATH and/or --postgres DSN")
    tables = build_tables(seed=args.seed, scale=args.scale)
    if args.duckdb:
        write_duckdb(args.duckdb, tables, schema=args.schema)
    if args.postgres:
        write_postgres(args.postgres, tables, schema=args.schema)
    for line in _summary(tables):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Deterministic benchmark tables, generated inside the engine by one SQL statement each.

Millions of rows cannot travel through Python quickly, so every value is a pure function of the row
number, computed by the warehouse: pseudo-random numbers are multiplicative hashes of the row number
(Knuth's 2654435761 and friends, mod 2**32), and points follow the R2 low-discrepancy sequence, evenly spread
over a city-sized box around lon -3.70, lat 40.42. Same size, same rows, on every run and both engines.

Tables (schema ``bench``): ``customers`` and ``stores`` (``n`` rows each, the scaled inputs),
``neighborhoods`` (a 20 x 15 grid of rectangles over the box), ``districts`` (a 40-row lookup),
``stations`` (60 points).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

SCHEMA = "bench"

MIN_LON, MIN_LAT, WIDTH, HEIGHT = -3.80, 40.345, 0.20, 0.15
GRID_COLS, GRID_ROWS = 20, 15
DISTRICTS = 40
STATIONS = 60
#: The R2 sequence (Roberts 2018): 1/g and 1/g**2 for the plastic number g, scaled to 32 bits. Its
#: points (frac(i a1), frac(i a2)) cover a square more evenly than random ones, with no lines.
R2 = (3242174889, 2447445413)


@dataclass(frozen=True)
class Flavor:
    """What differs between the engines' spelling of the generator."""

    point: str  # format with x, y
    envelope: str  # format with x0, y0, x1, y1
    geometry: str  # column type


FLAVORS = {
    "duckdb": Flavor("ST_Point({x}, {y})", "ST_MakeEnvelope({x0}, {y0}, {x1}, {y1})", "GEOMETRY"),
    "postgres": Flavor("ST_SetSRID(ST_MakePoint({x}, {y}), 4326)", "ST_MakeEnvelope({x0}, {y0}, {x1}, {y1}, 4326)",
                       "geometry(Geometry, 4326)"),
}


def _u(i: str, mult: int) -> str:
    """A uniform number in [0, 1) from row number `i`: the top of a 32-bit multiplicative hash."""
    return f"(CAST(({i} * {mult}) % 4294967296 AS DOUBLE PRECISION) / 4294967296)"


def _scaled(low: int, span: int, m1: int, m2: int) -> str:
    """A skewed amount in [low, low + span): the product of two uniforms, as spend and revenue are."""
    return f"{low} + {span} * {_u('i', m1)} * {_u('i', m2)}"


def _money(value: str) -> str:
    return f"CAST(ROUND(CAST({value} AS NUMERIC), 2) AS DOUBLE PRECISION)"


def _pick(i: str, mult: int, options: tuple[str, ...]) -> str:
    whens = " ".join(f"WHEN {k} THEN '{v}'" for k, v in enumerate(options))
    return f"CASE CAST(FLOOR({_u(i, mult)} * {len(options)}) AS INTEGER) {whens} END"


def _lon(i: str, mult: int) -> str:
    return f"({MIN_LON} + {WIDTH} * {_u(i, mult)})"


def _lat(i: str, mult: int) -> str:
    return f"({MIN_LAT} + {HEIGHT} * {_u(i, mult)})"


def statements(engine: str, rows: int) -> Iterator[str]:
    """The SQL that (re)creates every benchmark table with `rows` customers and stores."""
    f = FLAVORS[engine]
    series = "generate_series(CAST(1 AS BIGINT), {n}) AS t(i)"
    yield f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"
    yield f"CREATE SCHEMA {SCHEMA}"
    yield (f"CREATE TABLE {SCHEMA}.customers AS SELECT "
           f"CAST(i AS BIGINT) AS customer_id, 'customer ' || CAST(i AS VARCHAR(12)) AS name, "
           f"CAST(16 + FLOOR({_u('i', 2246822519)} * 70) AS BIGINT) AS age, "
           f"{_money(_scaled(5, 995, 3266489917, 668265263))} AS spend, "
           f"{_pick('i', 374761393, ('gold', 'silver', 'silver', 'bronze', 'bronze', 'bronze'))} AS segment, "
           f"CAST(1 + FLOOR({_u('i', 2971215073)} * {DISTRICTS}) AS BIGINT) AS district_id, "
           f"{f.point.format(x=_lon('i', R2[0]), y=_lat('i', R2[1]))} AS geom "
           f"FROM {series.format(n=rows)}")
    yield (f"CREATE TABLE {SCHEMA}.stores AS SELECT "
           f"CAST(i AS BIGINT) AS store_id, "
           f"{_pick('i', 3266489917, ('grocery', 'pharmacy', 'cafe', 'electronics'))} AS category, "
           f"{_money(_scaled(20000, 480000, 2246822519, 374761393))} AS revenue, "
           f"{f.point.format(x=_lon('i', R2[1]), y=_lat('i', R2[0]))} AS geom "
           f"FROM {series.format(n=rows)}")
    cell_w, cell_h = WIDTH / GRID_COLS, HEIGHT / GRID_ROWS
    col, row = f"((i - 1) % {GRID_COLS})", f"FLOOR((i - 1) / {float(GRID_COLS)})"
    x0, y0 = f"({MIN_LON} + {cell_w} * {col})", f"({MIN_LAT} + {cell_h} * {row})"
    yield (f"CREATE TABLE {SCHEMA}.neighborhoods AS SELECT "
           f"CAST(i AS BIGINT) AS nbhd_id, 'neighborhood ' || CAST(i AS VARCHAR(12)) AS name, "
           f"CAST(1000 + FLOOR({_u('i', 2246822519)} * 50000) AS BIGINT) AS population, "
           f"{f.envelope.format(x0=x0, y0=y0, x1=f'({x0} + {cell_w})', y1=f'({y0} + {cell_h})')} AS geom "
           f"FROM {series.format(n=GRID_COLS * GRID_ROWS)}")
    yield (f"CREATE TABLE {SCHEMA}.districts AS SELECT "
           f"CAST(i AS BIGINT) AS district_id, 'district ' || CAST(i AS VARCHAR(12)) AS district_name, "
           f"{_pick('i', 2654435761, ('north', 'south', 'east', 'west', 'centre'))} AS region "
           f"FROM {series.format(n=DISTRICTS)}")
    yield (f"CREATE TABLE {SCHEMA}.stations AS SELECT "
           f"CAST(i AS BIGINT) AS station_id, 'station ' || CAST(i AS VARCHAR(12)) AS name, "
           f"{f.point.format(x=_lon('(i * 9973)', R2[0]), y=_lat('(i * 9973)', R2[1]))} AS geom "
           f"FROM {series.format(n=STATIONS)}")
    if engine == "postgres":  # what anyone loading spatial data into PostGIS does
        for table in ("customers", "stores", "neighborhoods", "stations"):
            yield f"CREATE INDEX ON {SCHEMA}.{table} USING GIST (geom)"
        yield f"ALTER TABLE {SCHEMA}.districts ADD PRIMARY KEY (district_id)"
        for table in ("customers", "stores", "neighborhoods", "districts", "stations"):
            yield f"ANALYZE {SCHEMA}.{table}"

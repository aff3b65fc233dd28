"""Spatial indexes: H3 and quadbin workflows, Wareflow's fused plan vs SQL written by hand.

Measured as `bench.warehouse_work` measures (same engines, side by side, interleaved, median, rows
checked first), on four CARTO-format workflows:

* ``h3_counts``: points -> H3 from GeoPoint (resolution 8) -> group by ``h3``, count -> save;
* ``h3_polyfill_join``: polygons -> H3 Polyfill (center, resolution 9) -> join a grid table
  (``h3``, ``value``) on ``h3`` -> save;
* ``quadbin_counts`` and ``quadbin_polyfill_join``: the same with quadbin (resolutions 15 and 17).

Sizes count cells: the points indexed (one cell each), or the cells the polyfill makes (the polygon
count is chosen for it). ``python -m bench grids`` runs this section alone.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.canvas import PROJECT, TABLE_MAP
from bench.data import FLAVORS, R2, SCHEMA, _u
from bench.timing import Timing, measure_side_by_side, table
from bench.warehouse_work import Engine, duckdb_engine, postgis_engine, spelled
from tests.support.workflows import WorkflowBuilder, out
from wareflow.runner import load_plan, run_plan
from wareflow.sql.dialects import get_dialect
from wareflow.sql.quadbin import Bits, encode, tile_x, tile_y
from wareflow.sql.relation import col
from wareflow.warehouses.session import Session

HANDWRITTEN = Path(__file__).with_name("handwritten")
SIZES = (100_000, 1_000_000)
QUICK_SIZES = (5_000,)
VARIANTS = ("fused", "hand")
FUSED_OVER_HAND = 1.10

H3_POINT_RES, H3_FILL_RES = 8, 9
QUADBIN_POINT_RES, QUADBIN_FILL_RES = 15, 17

# --- the data -----------------------------------------------------------------------------------------
# Points: the R2 sequence over a 1 x 1 degree box around Madrid (about 12,700 H3 cells of resolution 8).
POINTS_BOX = (-4.2, 40.0, 1.0, 1.0)
# Polygons: rectangles of POLYGON_W x POLYGON_H degrees on a grid of pitch PITCH_X x PITCH_Y (never
# touching), COLUMNS to a row, from the south-west corner of POINTS_BOX.
POLYGON_W, POLYGON_H, PITCH_X, PITCH_Y, COLUMNS = 0.05, 0.04, 0.06, 0.05, 80
# Cells one polygon holds, about (measured: center mode, rectangles at these latitudes); the polygon
# count of a size is cells / this.
CELLS_PER_POLYGON = {"h3": 180, "quadbin": 350}
# The grid tables cover more than the polygons (the join drops their other cells) and every cell of
# every polygon, so the rows written are the cells the polyfill made.
GRID_MARGIN = 0.004  # the quadbin grid table: the tiles of each polygon's box grown by this (degrees)


def polygons_for(grid: str, cells: int) -> int:
    return max(1, round(cells / CELLS_PER_POLYGON[grid]))


def _rects(n: int, margin: float = 0.0) -> str:
    """Rows (i, west, south, east, north) of the first `n` polygon rectangles, grown by `margin` degrees."""
    x0, y0 = POINTS_BOX[:2]
    west = f"{x0 - margin} + {PITCH_X} * ((i - 1) % {COLUMNS})"
    south = f"{y0 - margin} + {PITCH_Y} * FLOOR((i - 1) / {float(COLUMNS)})"
    return (f"SELECT i, w, s, w + {POLYGON_W + 2 * margin} AS e, s + {POLYGON_H + 2 * margin} AS n FROM "
            f"(SELECT i, {west} AS w, {south} AS s FROM generate_series(CAST(1 AS BIGINT), {n}) AS t(i)) AS r")


def _h3_cells(engine: str, n: int) -> str:
    """Rows ``h3`` (text): every resolution-9 cell of the resolution-6 cells near the rectangles, a grid
    table covering more than the polygons (children of a few parents are cheap to make; a polyfill of
    the parents in `overlap` mode is not). Every resolution-6 cell that touches a rectangle is within 2
    steps of the cell of its centre: its centre is within the rectangle's half-diagonal (3 km) and a
    cell's radius (3.7 km) of the rectangle's centre, so within 10.4 km of that cell's centre, and cells
    3 steps away are 16 km away or more (checked at 1,000,000 cells: every cell made is in the table)."""
    centre = FLAVORS[engine].point.format(x="(w + e) / 2", y="(s + n) / 2")
    if engine == "duckdb":
        parents = "unnest(h3_grid_disk(h3_latlng_to_cell_string((s + n) / 2, (w + e) / 2, 6), 2))"
        children = f"unnest(h3_cell_to_children(p, {H3_FILL_RES}))"
    else:
        parents = f"h3_grid_disk(h3_latlng_to_cell({centre}, 6), 2)"
        children = f"CAST(h3_cell_to_children(p, {H3_FILL_RES}) AS TEXT)"
    return f"SELECT {children} AS h3 FROM (SELECT DISTINCT {parents} AS p FROM ({_rects(n)}) AS g) AS parents"


def _quadbin_cells(engine: str, n: int) -> str:
    """Rows ``quadbin``: the distinct resolution-17 tiles of the grown rectangles."""
    dialect = get_dialect(engine)
    z, spelling = QUADBIN_FILL_RES, dialect.sqlglot_dialect
    x0, x1 = (tile_x(col(c), z).sql(spelling) for c in ("w", "e"))
    y0, y1 = (tile_y(col(c), z).sql(spelling) for c in ("n", "s"))  # rows count from the north
    cell = encode(Bits(dialect), col("x"), col("y"), z).sql(spelling)
    series = "unnest(generate_series({}, {}))" if engine == "duckdb" else "generate_series({}, {})"
    return (f"SELECT DISTINCT {cell} AS quadbin FROM (SELECT x, {series.format('y0', 'y1')} AS y FROM "
            f"(SELECT {y0} AS y0, {y1} AS y1, {series.format(x0, x1)} AS x "
            f"FROM ({_rects(n, GRID_MARGIN)}) AS g) AS xs) AS ys")


def statements(engine: str, cells: int, h3: bool = True) -> Iterator[str]:
    """The SQL that (re)creates the tables of size `cells`: ``grid_points`` (`cells` points),
    ``h3_polygons`` and ``quadbin_polygons`` (sized to fill about `cells` cells), and the grid tables
    ``h3_cells`` (``h3``, ``value``; not without `h3` functions) and ``quadbin_cells`` (``quadbin``,
    ``value``) over them."""
    f = FLAVORS[engine]
    x0, y0, width, height = POINTS_BOX
    yield f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"
    yield f"CREATE SCHEMA {SCHEMA}"
    point = f.point.format(x=f"({x0} + {width} * {_u('i', R2[0])})", y=f"({y0} + {height} * {_u('i', R2[1])})")
    yield (f"CREATE TABLE {SCHEMA}.grid_points AS SELECT CAST(i AS BIGINT) AS point_id, {point} AS geom "
           f"FROM generate_series(CAST(1 AS BIGINT), {cells}) AS t(i)")
    grids = ("h3", "quadbin") if h3 else ("quadbin",)
    for grid in grids:
        n = polygons_for(grid, cells)
        yield (f"CREATE TABLE {SCHEMA}.{grid}_polygons AS SELECT i AS polygon_id, "
               f"'polygon ' || CAST(i AS VARCHAR(12)) AS name, {f.envelope.format(x0='w', y0='s', x1='e', y1='n')} "
               f"AS geom FROM ({_rects(n)}) AS r")
        fill = _h3_cells(engine, n) if grid == "h3" else _quadbin_cells(engine, n)
        value = f"CAST(ROUND(CAST(1000 * {_u('i', 2654435761)} AS NUMERIC), 2) AS DOUBLE PRECISION)"
        yield (f"CREATE TABLE {SCHEMA}.{grid}_cells AS SELECT {grid}, {value} AS value FROM "
               f"(SELECT {grid}, ROW_NUMBER() OVER (ORDER BY {grid}) AS i FROM ({fill}) AS c) AS d")
    if engine == "postgres":  # what anyone loading spatial data into PostGIS does
        for grid in grids:
            yield f"ALTER TABLE {SCHEMA}.{grid}_cells ADD PRIMARY KEY ({grid})"
        for name in ("grid_points", *(f"{g}_{t}" for g in grids for t in ("polygons", "cells"))):
            yield f"ANALYZE {SCHEMA}.{name}"


# --- the workflows ------------------------------------------------------------------------------------


# (from GeoPoint component, its cell column, its resolution; polyfill component, resolution)
GRIDS = {"h3": ("native.h3frompoint", "h3", H3_POINT_RES, "native.h3polyfill", H3_FILL_RES),
         "quadbin": ("native.quadbinfromgeopoint", "quadbin", QUADBIN_POINT_RES, "native.quadbinpolyfill",
                     QUADBIN_FILL_RES)}


def counts(grid: str) -> WorkflowBuilder:
    """Points to cells of `grid`, counted per cell."""
    from_point, cell, resolution, _, _ = GRIDS[grid]
    w = WorkflowBuilder(title=f"points to {grid} cells, count per cell")
    cells = w.node(from_point, {"source": w.source(f"{PROJECT}.grid_points")}, pointscol="geom",
                   resolution=str(resolution))
    counted = w.node("native.groupby", {"source": out(cells)}, groupby=[cell], columns="point_id,count")
    w.save(out(counted), f"{PROJECT}.out_{grid}_counts")
    return w


def polyfill_join(grid: str) -> WorkflowBuilder:
    """Polygons filled with cells of `grid` (mode center), joined to a grid table on the cell."""
    _, cell, _, polyfill, resolution = GRIDS[grid]
    w = WorkflowBuilder(title=f"{grid} polyfill polygons, join a grid table")
    filled = w.node(polyfill, {"source": w.source(f"{PROJECT}.{grid}_polygons")}, geo="geom",
                    resolution=str(resolution), mode="center")
    joined = w.node("native.join", {"maintable": out(filled), "secondarytable": w.source(f"{PROJECT}.{grid}_cells")},
                    maincolumn=cell, secondarycolumn=cell, jointype="Inner")
    w.save(out(joined), f"{PROJECT}.out_{grid}_polyfill_join")
    return w


WORKFLOWS: dict[str, Callable[[], WorkflowBuilder]] = {
    "h3_counts": lambda: counts("h3"),
    "h3_polyfill_join": lambda: polyfill_join("h3"),
    "quadbin_counts": lambda: counts("quadbin"),
    "quadbin_polyfill_join": lambda: polyfill_join("quadbin"),
}


def outputs(key: str) -> tuple[str, str]:
    """The tables workflow `key` writes: Wareflow's and the hand-written script's."""
    return f"out_{key}", f"hand_{key}"


# --- running them -------------------------------------------------------------------------------------


def variants(engine: Engine, key: str, folder: Path) -> dict[str, Callable[[], object]]:
    plan = load_plan(WORKFLOWS[key]().write(folder / f"{key}.json"), table_map=TABLE_MAP)
    script = (HANDWRITTEN / f"grid_{key}.{engine.name}.sql").read_text(encoding="utf-8")

    def fused() -> float:
        """Run as a task does; returns the seconds spent in the stages' statements (the task log's)."""
        return sum(r.seconds for r in run_plan(plan, Session(engine.conn, engine.dialect)))

    return {"fused": fused, "hand": lambda: engine.execute(script)}


def check_same_rows(engine: Engine, key: str) -> int:
    """Both variants wrote the same rows (every column compared exactly: cells, counts and copied values);
    returns how many."""
    ours, hand = outputs(key)
    a, b = spelled(engine, ours), spelled(engine, hand)
    differ = engine.rows(f"SELECT (SELECT count(*) FROM ({a} EXCEPT ALL {b}) AS x), "
                         f"(SELECT count(*) FROM ({b} EXCEPT ALL {a}) AS y), (SELECT count(*) FROM ({a}) AS z)")[0]
    if differ[0] or differ[1]:
        raise AssertionError(f"{engine.name} {key}: Wareflow wrote {differ[0]} rows to {ours} that the hand-written "
                             f"script did not, and missed {differ[1]} of its rows")
    return int(differ[2])


@dataclass(frozen=True)
class Result:
    engine: str
    workflow: str
    size: int  # the cells the data was generated for
    input_rows: int
    cells: int
    rows_written: int
    timings: dict[str, Timing]

    def ratio(self, a: str, b: str) -> float:
        return self.timings[a].median / self.timings[b].median

    def rate(self, variant: str) -> float:
        return self.cells / self.timings[variant].median


def repeats_for(cells: int, quick: bool) -> int:
    """Median of 5, but 3 at a million cells: there the H3 functions (Python UDFs on DuckDB, PL/Python on
    the test server) take 4-15 s a run, and five would take the section past ten minutes."""
    return 1 if quick else 3 if cells >= 1_000_000 else 5


def h3_missing(engine: Engine) -> str | None:
    """Why `engine` cannot run the H3 workflows, or None."""
    if engine.name == "postgres" and not engine.rows(
            "SELECT 1 FROM pg_proc WHERE proname = 'h3_polygon_to_cells_experimental'"):
        return "PostgreSQL has no h3-pg functions (neither h3-pg nor the test server's stand-in): H3 rows skipped"
    return None


def bench_engine(engine: Engine, sizes: tuple[int, ...], folder: Path, quick: bool) -> list[Result]:
    keys = [k for k in WORKFLOWS if not (k.startswith("h3") and h3_missing(engine))]
    results = []
    for size in sizes:
        for sql in statements(engine.name, size, h3=any(k.startswith("h3") for k in keys)):
            engine.execute(sql)
        for key in keys:
            runs = variants(engine, key, folder)
            for variant in VARIANTS:  # untimed first runs, then the rows checked
                runs[variant]()
            written = check_same_rows(engine, key)
            grid = key.split("_")[0]
            polyfill = "polyfill" in key
            input_rows = polygons_for(grid, size) if polyfill else size
            timings = measure_side_by_side(runs, repeats_for(size, quick), engine.settle)
            results.append(Result(engine.name, key, size, input_rows, written if polyfill else size, written, timings))
            print(f"  {engine.name} {key} {size}: " + ", ".join(f"{v} {t}" for v, t in timings.items()), flush=True)
    return results


def h3_provider(engine: Engine) -> tuple[str, bool]:
    """What computes H3 on `engine`, and whether that is Python (one call per row or per batch of rows)."""
    if engine.name == "duckdb":
        from wareflow.warehouses.duckdb_h3 import install_h3

        if install_h3(engine.conn) == "extension":  # idempotent: says what the connection has
            return "DuckDB: the `h3` community extension", False
        return "DuckDB: Wareflow's Arrow UDFs over the `h3` Python package (the `h3` extension is not installed)", True
    if engine.rows("SELECT 1 FROM pg_namespace WHERE nspname = 'h3_standin'"):
        return "PostgreSQL: the test server's PL/Python stand-in for h3-pg (`tests/support/h3_standin.py`)", True
    return "PostgreSQL: h3-pg", False


def run(quick: bool = False) -> str:
    started = time.perf_counter()
    sizes = QUICK_SIZES if quick else SIZES
    results: list[Result] = []
    notes: list[str] = []
    providers: list[tuple[str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="wareflow-bench-grids-") as tmp:
        folder = Path(tmp)
        with duckdb_engine(folder) as duck:
            providers.append(h3_provider(duck))
            results += bench_engine(duck, sizes, folder, quick)
        with postgis_engine() as pg:
            if isinstance(pg, str):
                notes.append(pg)
            else:
                missing = h3_missing(pg)
                if missing:
                    print(f"  {missing}", flush=True)
                    notes.append(missing)
                else:
                    providers.append(h3_provider(pg))
                results += bench_engine(pg, sizes, folder, quick)
    return report(results, notes, providers, quick, time.perf_counter() - started)


# --- the report -------------------------------------------------------------------------------------------


def _rate(cells_per_second: float) -> str:
    return f"{cells_per_second / 1e6:.2f} M" if cells_per_second >= 1e6 else f"{cells_per_second / 1e3:.0f} k"


def report(results: list[Result], notes: list[str], providers: list[tuple[str, bool]], quick: bool,
           seconds: float) -> str:
    rows = []
    for r in results:
        t = r.timings
        part = r.cells / t["fused part"].median
        rows.append([f"`{r.engine}`", r.workflow, f"{r.input_rows:,}", f"{r.cells:,}", f"{r.rows_written:,}",
                     t["fused"], f"{t['fused part'].median:.3f} s", t["hand"], f"{r.ratio('fused', 'hand'):.2f}",
                     f"**{r.ratio('fused part', 'hand'):.2f}**", f"{_rate(part)} · {_rate(r.rate('hand'))}"])

    def worst(of: list[Result], a: str = "fused part") -> str:
        if not of:
            return "no data"
        w = max(of, key=lambda r: r.ratio(a, "hand"))
        return f"**{w.ratio(a, 'hand'):.2f}** ({w.engine} {w.workflow})"

    def verdict(of: list[Result]) -> str:
        ok = all(r.ratio("fused part", "hand") <= FUSED_OVER_HAND for r in of)
        return "no data" if not of else "met" if ok else "missed"

    sizes = sorted({r.size for r in results})
    h3 = [r for r in results if r.workflow.startswith("h3")]
    quadbin = [r for r in results if r.workflow.startswith("quadbin")]
    python = [text.split(":")[0] for text, through_python in providers if through_python]
    lines = [
        "## Spatial indexes",
        "",
        "Four CARTO-format workflows (`bench/grids.py`) on deterministic generated data: **h3_counts**, points "
        f"-> H3 from GeoPoint (resolution {H3_POINT_RES}) -> Group by `h3`, count -> save; **h3_polyfill_join**, "
        f"polygons -> H3 Polyfill (center, resolution {H3_FILL_RES}) -> Join a grid table (`h3`, `value`) on "
        "`h3` -> save; **quadbin_counts** and **quadbin_polyfill_join**, the same with quadbin (resolutions "
        f"{QUADBIN_POINT_RES} and {QUADBIN_FILL_RES}). *cells* are the points indexed, or the cells the polyfill "
        "made (the polygon count chosen for it; the grid table holds every one, and more). **fused** and "
        "*statements* as in Warehouse work; **hand** is `bench/handwritten/grid_<workflow>.<engine>.sql`, the "
        "same functions as an expert would write them. Rows checked identical before timing. Variants "
        f"interleaved (DuckDB checkpointed before each run); median of {1 if quick else '5 (3 at 1,000,000 cells)'} "
        "(min-max); cells / s over *statements* · over hand.",
        "",
        "H3 functions: " + "; ".join(text for text, _ in providers) + "." + (
            f" On {' and '.join(python)} H3 runs in Python, so the H3 rows there measure that more than the SQL "
            "around it." if python else ""),
        "",
        table(["engine", "workflow", "input rows", "cells", "rows written", "fused", "statements", "hand",
               "fused / hand", "statements / hand", "cells / s"], rows),
        "",
        "- Fused SQL against hand-written SQL (statements / hand), worst per size: " + ", ".join(
            f"{n:,} cells {worst([r for r in results if r.size == n])}" for n in sizes) +
        f"; target ≤ {FUSED_OVER_HAND:.2f}: **{verdict(results)}**. H3 alone: {worst(h3)} "
        f"(**{verdict(h3)}**); quadbin alone: {worst(quadbin)} (**{verdict(quadbin)}**).",
        f"- The whole fused run (compile included) against hand-written SQL, worst: {worst(results, 'fused')}.",
    ]
    lines += [f"\n{n}" for n in notes]
    lines += ["", f"_Section time: {seconds:.0f} s._"]
    return "\n".join(lines)

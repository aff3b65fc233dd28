"""Getis-Ord Gi* on an H3 grid: Wareflow's fused plan vs one table per node vs SQL written by hand.

Measured as `bench.warehouse_work` measures (same engines, side by side, interleaved, median, rows
checked first), on one CARTO-format workflow: a grid table (``h3``, ``value``) -> Getis-Ord (uniform
kernel, size 3) -> save. The grid is every resolution-8 cell within k rings of a cell in Madrid (a
hexagon of 3k(k + 1) + 1 cells, k chosen for the size), generated in the engine; values are a hash of
the cell's rank. The hand-written script (``bench/handwritten/getisord_h3.<engine>.sql``) is the
k-ring self-join an expert would write, with the same H3 functions. ``python -m bench getisord`` runs
this section alone.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.canvas import PROJECT, TABLE_MAP
from bench.data import SCHEMA, _u
from bench.grids import h3_provider
from bench.timing import Timing, measure_side_by_side, table
from bench.warehouse_work import Engine, duckdb_engine, postgis_engine
from tests.support.workflows import WorkflowBuilder, out
from wareflow.runner import load_plan, run_plan
from wareflow.warehouses.session import Session

HANDWRITTEN = Path(__file__).with_name("handwritten")
SIZES = (10_000, 100_000)
BIG = 1_000_000  # run where one run at the largest of SIZES predicts less than the engine's BIG_LIMIT
BIG_LIMIT = {"duckdb": 60.0, "postgres": 400.0}  # seconds a run; each variant runs twice at BIG
QUICK_SIZES = (1_000,)
VARIANTS = ("fused", "all", "hand")
FUSED_OVER_HAND = 1.10
RESOLUTION, SIZE, CENTRE = 8, 3, (40.42, -3.70)  # lat, lng
TOLERANCE = 1e-9  # relative, on gi and p_value (sums run in another order)


def rings_for(cells: int) -> int:
    """The smallest k whose disk (3k(k + 1) + 1 cells) holds at least `cells` cells."""
    k = 0
    while 3 * k * (k + 1) + 1 < cells:
        k += 1
    return k


def statements(engine: str, cells: int) -> list[str]:
    """The SQL that (re)creates ``bench.getisord_cells`` (``h3`` text, ``value`` double) for `cells`."""
    k, (lat, lng) = rings_for(cells), CENTRE
    if engine == "duckdb":
        disk = f"unnest(h3_grid_disk(h3_latlng_to_cell_string({lat}, {lng}, {RESOLUTION}), {k}))"
    else:
        disk = (f"CAST(h3_grid_disk(h3_latlng_to_cell(ST_SetSRID(ST_MakePoint({lng}, {lat}), 4326), {RESOLUTION}), "
                f"{k}) AS TEXT)")
    value = (f"CAST(ROUND(CAST(1000 * {_u('i', 2654435761)} * {_u('i', 2246822519)} AS NUMERIC), 2) "
             "AS DOUBLE PRECISION)")
    made = [f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE", f"CREATE SCHEMA {SCHEMA}",
            f"CREATE TABLE {SCHEMA}.getisord_cells AS SELECT h3, {value} AS value FROM "
            f"(SELECT h3, ROW_NUMBER() OVER (ORDER BY h3) AS i FROM (SELECT {disk} AS h3) AS d) AS r"]
    if engine == "postgres":  # what anyone loading a grid into PostgreSQL does
        made += [f"ALTER TABLE {SCHEMA}.getisord_cells ADD PRIMARY KEY (h3)", f"ANALYZE {SCHEMA}.getisord_cells"]
    return made


def workflow() -> WorkflowBuilder:
    w = WorkflowBuilder(title="Getis-Ord Gi* on an H3 grid")
    gi = w.node("native.getisord", {"source": w.source(f"{PROJECT}.getisord_cells")}, indexcol="h3",
                valuecol="value", kernel="uniform", size=str(SIZE))
    w.save(out(gi), f"{PROJECT}.out_getisord")
    return w


# --- running it -----------------------------------------------------------------------------------------


def variants(engine: Engine, folder: Path) -> dict[str, Callable[[], object]]:
    path = workflow().write(folder / "getisord.json")
    plans = {m: load_plan(path, materialize=m, table_map=TABLE_MAP) for m in ("fused", "all")}
    script = (HANDWRITTEN / f"getisord_h3.{engine.name}.sql").read_text(encoding="utf-8")

    def wareflow(materialize: str) -> Callable[[], float]:
        """Run as a task does; returns the seconds spent in the stages' statements (the task log's)."""
        return lambda: sum(r.seconds for r in run_plan(plans[materialize], Session(engine.conn, engine.dialect)))

    return {"fused": wareflow("fused"), "all": wareflow("all"), "hand": lambda: engine.execute(script)}


def check_same_rows(engine: Engine, variant: str) -> int:
    """Wareflow's output holds the hand-written script's cells, with gi and p_value equal to `TOLERANCE`
    (NULL only where the other is NULL); returns how many rows. Relative from 1 up, absolute below: gi
    near 0 is a difference of sums of ~10^4 (their last bits depend on the order a parallel sum took, in
    either variant), so a relative 1e-9 there fails on runs of the same query."""
    def off(c: str) -> str:
        a, b = f"a.{c}", f"b.{c}"
        return (f"(({a} IS NULL) <> ({b} IS NULL) OR "
                f"abs({a} - {b}) > {TOLERANCE} * GREATEST(abs({a}), abs({b}), 1.0))")

    bad, missing, extra, rows = engine.rows(
        f"SELECT count(*) FILTER (WHERE a.\"index\" IS NOT NULL AND b.\"index\" IS NOT NULL AND ({off('gi')} OR "
        f"{off('p_value')})), count(*) FILTER (WHERE a.\"index\" IS NULL), "
        f"count(*) FILTER (WHERE b.\"index\" IS NULL), count(a.\"index\") "
        f"FROM {SCHEMA}.out_getisord AS a FULL OUTER JOIN {SCHEMA}.hand_getisord AS b ON a.\"index\" = b.\"index\"")[0]
    if bad or missing or extra:
        raise AssertionError(f"{engine.name} getisord: {variant} differs from the hand-written script on {bad} cells, "
                             f"misses {missing} of its cells and has {extra} it has not")
    return int(rows)


@dataclass(frozen=True)
class Result:
    engine: str
    cells: int
    timings: dict[str, Timing]

    def ratio(self, a: str, b: str) -> float:
        return self.timings[a].median / self.timings[b].median

    def rate(self, variant: str) -> float:
        return self.cells / self.timings[variant].median


def repeats_for(cells: int, quick: bool) -> int:
    """Median of 5, 3 from 100,000 cells (there H3 in Python, UDFs or PL/Python, makes a run take seconds),
    1 at a million (each variant also runs once untimed first: 6 runs of up to a minute)."""
    return 1 if quick or cells >= BIG else 3 if cells >= 100_000 else 5


def bench_size(engine: Engine, size: int, folder: Path, quick: bool) -> Result:
    for sql in statements(engine.name, size):
        engine.execute(sql)
    runs = variants(engine, folder)
    runs["hand"]()  # untimed first runs, then the rows checked
    for variant in ("fused", "all"):
        runs[variant]()
        cells = check_same_rows(engine, variant)
    timings = measure_side_by_side(runs, repeats_for(size, quick), engine.settle)
    print(f"  {engine.name} getisord {cells:,} cells: " + ", ".join(f"{v} {t}" for v, t in timings.items()),
          flush=True)
    return Result(engine.name, cells, timings)


def bench_engine(engine: Engine, sizes: tuple[int, ...], folder: Path, quick: bool, notes: list[str]) -> list[Result]:
    results = [bench_size(engine, size, folder, quick) for size in sizes]
    if quick:
        return results
    last, limit = results[-1], BIG_LIMIT.get(engine.name, 0.0)
    slowest = max(t.median for t in last.timings.values())
    predicted = slowest * BIG / last.cells
    if predicted >= limit:
        notes.append(f"{BIG:,} cells skipped: at {last.cells:,} cells the slowest variant took {slowest:.1f} s a "
                     f"run on {engine.name}, so about {predicted:.0f} s a run at {BIG:,} (the limit is {limit:.0f} s).")
        print(f"  {notes[-1]}", flush=True)
        return results
    return [*results, bench_size(engine, BIG, folder, quick)]


def h3_missing(engine: Engine) -> str | None:
    if engine.name == "postgres" and not engine.rows("SELECT 1 FROM pg_proc WHERE proname = 'h3_grid_disk'"):
        return "PostgreSQL has no h3-pg functions (neither h3-pg nor the test server's stand-in): PostGIS rows skipped"
    return None


def run(quick: bool = False) -> str:
    started = time.perf_counter()
    sizes = QUICK_SIZES if quick else SIZES
    results: list[Result] = []
    notes: list[str] = []
    providers: list[tuple[str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="wareflow-bench-getisord-") as tmp:
        folder = Path(tmp)
        with duckdb_engine(folder) as duck:
            providers.append(h3_provider(duck))
            results += bench_engine(duck, sizes, folder, quick, notes)
        with postgis_engine() as pg:
            if isinstance(pg, str):
                notes.append(pg)
            elif missing := h3_missing(pg):
                print(f"  {missing}", flush=True)
                notes.append(missing)
            else:
                providers.append(h3_provider(pg))
                results += bench_engine(pg, sizes, folder, quick, notes)
    return report(results, notes, providers, quick, time.perf_counter() - started)


# --- the report -------------------------------------------------------------------------------------------


def _rate(cells_per_second: float) -> str:
    return f"{cells_per_second / 1e6:.2f} M" if cells_per_second >= 1e6 else f"{cells_per_second / 1e3:.1f} k"


def report(results: list[Result], notes: list[str], providers: list[tuple[str, bool]], quick: bool,
           seconds: float) -> str:
    rows = [[f"`{r.engine}`", f"{r.cells:,}", r.timings["fused"], f"{r.timings['fused part'].median:.3f} s",
             r.timings["all"], r.timings["hand"], f"{r.ratio('fused', 'hand'):.2f}",
             f"**{r.ratio('fused part', 'hand'):.2f}**", f"**{r.ratio('all', 'fused'):.2f}**",
             f"{_rate(r.cells / r.timings['fused part'].median)} · {_rate(r.rate('all'))} · {_rate(r.rate('hand'))}"]
            for r in results]
    worst = max(results, key=lambda r: r.ratio("fused part", "hand"), default=None)
    verdict = ("no data" if worst is None else "met" if worst.ratio("fused part", "hand") <= FUSED_OVER_HAND
               else "missed")
    python = [text.split(":")[0] for text, through_python in providers if through_python]
    lines = [
        "## Getis-Ord",
        "",
        "One CARTO-format workflow (`bench/getisord.py`): a grid table (`h3`, `value`) -> Getis-Ord Gi* "
        f"(`native.getisord`, uniform kernel, size {SIZE}) -> save. The grid is every resolution-{RESOLUTION} H3 "
        "cell within k rings of a cell in Madrid (k chosen for the size), generated in the engine; values a "
        "hash of the cell's rank. **fused**, *statements* and **all** (`materialize=\"all\"`, one table per "
        "node) as in Warehouse work; **hand** is `bench/handwritten/getisord_h3.<engine>.sql`, the k-ring "
        "self-join an expert would write with the same H3 functions (grid disk and grid distance). Before "
        f"timing, fused and all were checked against hand: same cells, gi and p_value within {TOLERANCE:g} "
        "(relative, absolute below 1). Variants interleaved (DuckDB checkpointed before each run); median of "
        f"{1 if quick else '5 (3 from 100,000 cells, 1 at 1,000,000)'} (min-max); cells / s over statements · "
        "all · hand.",
        "",
        "H3 functions: " + "; ".join(text for text, _ in providers) + "." + (
            f" On {' and '.join(python)} H3 runs in Python, so these rows measure that more than the SQL around "
            "it." if python else ""),
        "",
        table(["engine", "cells", "fused", "statements", "all", "hand", "fused / hand", "statements / hand",
               "all / fused", "cells / s"], rows),
        "",
        "- Fused SQL against hand-written SQL (statements / hand), worst: " + (
            f"**{worst.ratio('fused part', 'hand'):.2f}** ({worst.engine}, {worst.cells:,} cells)" if worst
            else "no data") + f"; target ≤ {FUSED_OVER_HAND:.2f}: **{verdict}**.",
    ]
    lines += [f"- {n}" for n in notes]
    lines += ["", f"_Section time: {seconds:.0f} s._"]
    return "\n".join(lines)

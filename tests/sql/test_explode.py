"""Arrays to rows through one dialect method: every dialect's form parses back, and on DuckDB and
PostGIS the rows are exactly one per element, next to the columns they came with."""

from __future__ import annotations

import pytest
import sqlglot
from sqlglot import exp

from tests.support.sqltext import assert_parses_back
from wareflow.sql.dialects import DIALECTS, get_dialect

# declared here, not derived from the dialects: a dialect that gains or loses the form fails this test
CANNOT_EXPLODE = {"redshift"}
EXPECTED = {
    "bigquery": "SELECT src.id, _wf_cell AS cell FROM src CROSS JOIN UNNEST(src.arr) AS _wf_cell",
    "databricks": "SELECT src.id, _wf_cell_rows._wf_cell AS cell FROM src "
                  "LATERAL VIEW EXPLODE(src.arr) _wf_cell_rows AS _wf_cell",
    # in the select list, which DuckDB plans without a lateral join (see `DuckDB.explode`)
    "duckdb": "SELECT src.id, src._wf_cell AS cell FROM (SELECT *, UNNEST(src.arr) AS _wf_cell FROM src) AS src",
    "oracle": "SELECT src.id, _wf_cell_rows.COLUMN_VALUE AS cell FROM src CROSS JOIN TABLE(src.arr) _wf_cell_rows",
    "postgres": "SELECT src.id, _wf_cell_rows._wf_cell AS cell FROM src "
                "CROSS JOIN LATERAL UNNEST(src.arr) AS _wf_cell_rows(_wf_cell)",
    "snowflake": "SELECT src.id, _wf_cell_rows.value AS cell FROM src, "
                 "LATERAL FLATTEN(INPUT => src.arr) AS _wf_cell_rows(SEQ, KEY, PATH, INDEX, VALUE, THIS)",
    "synapse": "SELECT src.id, _wf_cell_rows.value AS cell FROM src CROSS APPLY OPENJSON(src.arr) AS _wf_cell_rows",
}


def exploded(dialect: str) -> exp.Select:
    query = exp.select(exp.column("id", "src")).from_("src")
    return get_dialect(dialect).explode(query, exp.column("arr", "src"), "cell")


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_every_dialect_turns_arrays_into_rows_or_says_it_cannot(dialect: str):
    target = get_dialect(dialect)
    assert target.explodes == (dialect not in CANNOT_EXPLODE)
    if dialect in CANNOT_EXPLODE:
        with pytest.raises(NotImplementedError):
            exploded(dialect)
        return
    sql = target.generate(exploded(dialect), pretty=False)
    assert_parses_back(sql, target.sqlglot_dialect)
    assert sql == EXPECTED[dialect]


@pytest.mark.parametrize("query", [
    "SELECT src.id FROM src JOIN other ON other.id = src.id",  # a join: its columns would be hidden
    "SELECT src.* FROM src",  # a star: it would take the element's column too
    "SELECT src.id FROM src GROUP BY src.id",  # an aggregate
])
def test_duckdb_explodes_any_other_query_with_a_lateral_join(query: str):
    duck = get_dialect("duckdb")
    sql = duck.generate(duck.explode(sqlglot.parse_one(query, read="duckdb"), exp.column("arr", "src"), "cell"),
                        pretty=False)
    assert "CROSS JOIN UNNEST(src.arr) AS _wf_cell_rows(_wf_cell)" in sql


def test_duckdb_explodes_integer_ranges_with_a_lateral_join():
    duck = get_dialect("duckdb")
    series = exp.GenerateSeries(start=exp.column("lo", "src"), end=exp.column("hi", "src"))
    sql = duck.generate(duck.explode(exp.select(exp.column("id", "src")).from_("src"), series, "dx"), pretty=False)
    assert sql == ("SELECT src.id, _wf_dx_rows._wf_dx AS dx FROM src "
                   "CROSS JOIN UNNEST(GENERATE_SERIES(src.lo, src.hi)) AS _wf_dx_rows(_wf_dx)")


def test_explode_runs_on_duckdb_and_postgis(engine):
    arrays = {"duckdb": "[10, 20, 30]", "postgis": "ARRAY[10, 20, 30]"}[engine.name]
    empty = {"duckdb": "CAST([] AS INTEGER[])", "postgis": "CAST(ARRAY[] AS INTEGER[])"}[engine.name]
    source = f"(SELECT 1 AS id, {arrays} AS arr UNION ALL SELECT 2, {empty}) AS src"
    query = sqlglot.parse_one(f"SELECT src.id FROM {source}", read=engine.dialect.sqlglot_dialect)
    sql = engine.dialect.generate(engine.dialect.explode(query, exp.column("arr", "src"), "cell"), pretty=False)
    assert engine.rows(f"{sql} ORDER BY 1, 2") == [(1, 10), (1, 20), (1, 30)]  # an empty array: no row


def test_one_query_may_explode_twice(engine):
    """Each explode gets aliases of its own (a quadbin k-ring crosses two ranges of offsets)."""
    arrays = {"duckdb": "[1, 2]", "postgis": "ARRAY[1, 2]"}[engine.name]
    source = f"(SELECT {arrays} AS a, {arrays} AS b) AS src"
    query = sqlglot.parse_one(f"SELECT 0 AS zero FROM {source}", read=engine.dialect.sqlglot_dialect)
    query = engine.dialect.explode(query, exp.column("a", "src"), "dx")
    query = engine.dialect.explode(query, exp.column("b", "src"), "dy")
    sql = engine.dialect.generate(query, pretty=False)
    assert engine.rows(f"{sql} ORDER BY 2, 3") == [(0, 1, 1), (0, 1, 2), (0, 2, 1), (0, 2, 2)]

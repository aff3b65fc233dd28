"""SQL typed into the canvas may only read: anything else is WF212 at validation, and no text crashes.

Custom SQL, Where, Select, Create Column and ``{{...}}`` templates are all parsed by `wareflow.sql.usersql`,
so each hostile case is tried where it can be typed and in every export dialect. Independent oracles:
the corpora below are written out by hand (dropping an entry from the deny-list fails them), sqlglot
itself says whether a call parses (if it does, the refusal must name it), and the real engines' catalogs
show that what is allowed creates nothing but the workflow's own output.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
import sqlglot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlglot import exp

from tests.support.workflows import WorkflowBuilder, out
from wareflow.components import bind
from wareflow.errors import Issue, WorkflowError
from wareflow.model import parse_workflow
from wareflow.model.types import PROVIDER_DIALECTS
from wareflow.sql.usersql import (
    BLOCKED_FUNCTIONS,
    BLOCKED_PACKAGES,
    UserSqlError,
    parse_expression,
    parse_query,
    parse_select_list,
)

PROVIDERS = {dialect: provider for provider, dialect in reversed(PROVIDER_DIALECTS.items())}  # one per dialect
PEOPLE = [("id", "integer"), ("name", "string"), ("age", "number"), ("city", "string"), ("geom", "geography")]


# --- where SQL can be typed ------------------------------------------------------------------------------
def _where(wf: WorkflowBuilder, text: str) -> None:
    wf.save(out(wf.node("native.where", {"source": wf.source("p.d.people", PEOPLE)}, id="n", expression=text),
                "match"), "p.d.o")


def _select(wf: WorkflowBuilder, text: str) -> None:
    wf.save(out(wf.node("native.select", {"table": wf.source("p.d.people", PEOPLE)}, id="n", select=text)), "p.d.o")


def _create_column(wf: WorkflowBuilder, text: str) -> None:
    wf.save(out(wf.node("native.selectexpression", {"source": wf.source("p.d.people", PEOPLE)}, id="n",
                        column="c", expression=text)), "p.d.o")


def _custom_sql(wf: WorkflowBuilder, text: str) -> None:
    wf.save(out(wf.node("native.customsql", {"sourcea": wf.source("p.d.people", PEOPLE)}, id="n", sql=text)), "p.d.o")


def _template(wf: WorkflowBuilder, text: str) -> None:
    wf.save(out(wf.node("native.buffer", {"source": wf.source("p.d.people", PEOPLE)}, id="n", geo="geom",
                        distance="{{" + text + "}}")), "p.d.o")


SITES = {"where": _where, "select": _select, "create_column": _create_column, "custom_sql": _custom_sql,
         "template": _template}
FIELDS = {"where": "expression", "select": "select", "create_column": "expression", "custom_sql": "sql",
          "template": "distance"}


def issues(site: str, text: str, dialect: str = "bigquery") -> list[Issue]:
    """The issues `wareflow validate` reports for `text` typed at `site` of an export in `dialect`."""
    wf = WorkflowBuilder(provider=PROVIDERS[dialect])
    SITES[site](wf, text)
    try:
        bind(parse_workflow(wf.to_dict()))
    except WorkflowError as exc:
        return list(exc.issues)
    return []


def refusal(site: str, text: str, dialect: str = "bigquery") -> Issue:
    """The one WF212 issue `text` must raise, on the node and input where it was typed."""
    found = issues(site, text, dialect)
    assert [(i.code, i.node_id, i.field) for i in found] == [("WF212", "n", FIELDS[site])], (site, dialect, text)
    return found[0]


# --- 1. every blocked call, wherever it is typed, in every dialect ---------------------------------------
# Written out by hand, so that dropping a name from the deny-list fails here.
KNOWN_HOSTILE_CALLS = [
    "set_config('search_path', 'x', false)", "pg_read_file('/etc/passwd')", "pg_read_binary_file('/etc/passwd')",
    "pg_ls_dir('.')", "pg_stat_file('x')", "lo_import('/etc/passwd')", "lo_export(1, '/tmp/x')", "lo_get(1)",
    "dblink('host=x', 'SELECT 1')", "dblink_exec('host=x', 'DROP TABLE t')", "pg_sleep(10)", "pg_sleep_for('1 hour')",
    "pg_terminate_backend(1)", "pg_cancel_backend(1)", "pg_reload_conf()", "txid_current()", "pg_advisory_lock(1)",
    "pg_try_advisory_xact_lock(1)", "nextval('s')", "setval('s', 1)", "query_to_xml('DELETE FROM t', true, true, '')",
    "pg_notify('c', 'x')", "read_text('/etc/passwd')", "read_blob('/etc/passwd')", "read_csv('x.csv')",
    "read_csv_auto('x.csv')", "read_json('x.json')", "read_json_auto('x.json')", "read_parquet('x.parquet')",
    "parquet_scan('x.parquet')", "read_ndjson('x')", "read_ndjson_auto('x')", "glob('/etc/*')",
    "query('DROP TABLE t')", "query_table('t')", "getenv('HOME')", "st_read('/etc/passwd')", "sniff_csv('x.csv')",
    "duckdb_secrets()", "json_execute_serialized_sql('x')", "postgres_execute('db', 'DROP TABLE t')",
    "iceberg_scan('s3://b/t')", "http_get('http://x')", "system$wait(10)", "SYSTEM$CANCEL_ALL_QUERIES()",
    "external_query('conn', 'SELECT 1')", "bfilename('DIR', 'f')", "httpuritype('http://x')", "read_files('/x')",
    "reflect('java.lang.Runtime', 'getRuntime')", "java_method('java.lang.System', 'exit', 0)", "secret('s', 'k')",
    "openrowset('SQLNCLI', 'x', 'SELECT 1')", "opendatasource('SQLNCLI', 'x')", "openquery(srv, 'SELECT 1')",
    "xp_cmdshell('dir')", "READ_TEXT('/etc/passwd')", "Pg_Sleep(1)", "pg_catalog.pg_sleep(1)",
]
PACKAGE_CALLS = ["DBMS_LOCK.SLEEP(5)", "SYS.DBMS_PIPE.RECEIVE_MESSAGE('a', 5)", "DBMS_XMLGEN.GETXML('SELECT 1')",
                 "UTL_HTTP.REQUEST('http://x')", "UTL_FILE.FOPEN('D', 'f', 'r')", "utl_tcp.open_connection('x', 1)"]


def _probe(entry: str) -> str:
    """A call to a deny-list entry (a family `read_*` is probed as `read_probe`)."""
    return entry.replace("*", "probe") + "('x')"


DERIVED_CALLS = [_probe(name) for name in BLOCKED_FUNCTIONS]


def _parses_as_call(call: str, dialect: str) -> bool:
    """Whether sqlglot reads `call` as a function in `dialect` (then the refusal must name it)."""
    try:
        tree = sqlglot.parse_one(f"SELECT {call}", read=dialect)
    except sqlglot.errors.SqlglotError:
        return False
    return tree.find(exp.Func) is not None


@pytest.mark.parametrize("call", KNOWN_HOSTILE_CALLS + DERIVED_CALLS + PACKAGE_CALLS)
def test_a_blocked_call_is_wf212_in_every_dialect_and_named(call: str):
    for dialect in PROVIDERS:
        issue = refusal("custom_sql", f"SELECT * FROM $a WHERE {call} IS NOT NULL", dialect)
        if _parses_as_call(call, dialect):  # then the refusal names the function or its package
            names = [n for n in call.split("(", 1)[0].lower().split(".") if n not in ("sys", "pg_catalog")]
            assert any(f"{n}(" in issue.message.lower() or f"{n}." in issue.message.lower() for n in names), \
                (dialect, issue.message)


@pytest.mark.parametrize("call", KNOWN_HOSTILE_CALLS + PACKAGE_CALLS)
def test_a_blocked_call_is_wf212_wherever_sql_is_typed(call: str):
    cases = {"where": f"{call} IS NOT NULL", "select": f"id, {call} AS v", "create_column": call,
             "template": call, "custom_sql": f"SELECT * FROM {call}"}
    for site, text in cases.items():
        refusal(site, text)
    # Hidden a level or two down: a CTE, a subquery in FROM, a subquery in a predicate, a lateral join.
    for text in (f"WITH c AS (SELECT {call} AS v) SELECT * FROM $a, c",
                 f"SELECT * FROM (SELECT * FROM (SELECT {call} AS v) AS s) AS t",
                 f"SELECT * FROM $a WHERE id IN (SELECT id FROM (SELECT {call} AS id) AS s)",
                 f"SELECT * FROM $a WHERE EXISTS (SELECT 1 FROM $a AS b WHERE {call} IS NULL)"):
        refusal("custom_sql", text)
    refusal("where", f"id IN (SELECT id FROM (SELECT {call} AS id) AS s)")


# --- 2. statements that are not one read-only query ----------------------------------------------------
ANY_DIALECT = [
    "WITH x AS (SELECT 1 AS a) INSERT INTO t SELECT * FROM x", "SELECT * INTO t2 FROM $a",
    "SELECT * FROM $a FOR UPDATE", "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d",
    "INSERT INTO t VALUES (1)", "DELETE FROM t", "UPDATE t SET a = 1", "DROP TABLE t", "SET x = 1",
    "CREATE TABLE t AS SELECT 1 AS a", "TRUNCATE TABLE t",
    "MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN DELETE", "CALL p()", "EXECUTE p", "LOCK TABLE t",
    "COPY t TO '/tmp/x.csv'", "GRANT SELECT ON t TO u", "BEGIN", "COMMIT", "ROLLBACK", "SELECT 1; SELECT 2",
    "SELECT * FROM $a; DROP TABLE t", "VALUES (1)", "EXPLAIN ANALYZE DELETE FROM t", "USE other", "ANALYZE t",
    "ALTER TABLE t ADD COLUMN c INT", "COMMENT ON TABLE t IS 'x'", "SELECT * FROM $a -- ok\n; DELETE FROM t",
]
BY_DIALECT = {
    "duckdb": ["PRAGMA enable_profiling", "ATTACH 'x.db' AS x", "DETACH x", "INSTALL httpfs", "LOAD httpfs",
               "SET memory_limit = '1GB'", "RESET memory_limit", "CREATE SECRET s (TYPE S3)",
               "EXPORT DATABASE '/tmp/x'", "COPY (SELECT 1) TO '/tmp/x.csv'", "CHECKPOINT", "SUMMARIZE t"],
    "postgres": ["DO $$ BEGIN END $$", "LISTEN c", "NOTIFY c", "DISCARD ALL", "REFRESH MATERIALIZED VIEW v",
                 "SELECT 1 INTO TEMP t", "SELECT * FROM t FOR NO KEY UPDATE SKIP LOCKED", "VACUUM t",
                 "COPY t FROM PROGRAM 'id'", "WITH u AS (UPDATE t SET a = 1 RETURNING *) SELECT * FROM u",
                 "SELECT * FROM t FOR SHARE", "LOCK TABLE t IN ACCESS EXCLUSIVE MODE", "RESET ALL"],
    "bigquery": ["EXECUTE IMMEDIATE 'SELECT 1'", "EXPORT DATA OPTIONS(uri='gs://x/*') AS SELECT 1",
                 "LOAD DATA INTO t FROM FILES(uris=['gs://x'])", "DECLARE x INT64", "BEGIN SELECT 1; END",
                 "ASSERT 1 = 1"],
    "snowflake": ["PUT file:///tmp/x @s", "GET @s file:///tmp", "COPY INTO t FROM @s", "LIST @s",
                  "ALTER SESSION SET TIMEZONE = 'UTC'", "USE ROLE accountadmin", "EXECUTE IMMEDIATE 'SELECT 1'"],
    "oracle": ["BEGIN NULL; END;", "SELECT * FROM t FOR UPDATE NOWAIT"],
    "databricks": ["CACHE TABLE t", "UNCACHE TABLE t", "REFRESH TABLE t", "SET spark.sql.x = 1"],
    "redshift": ["UNLOAD ('SELECT 1') TO 's3://x'", "SELECT * INTO TEMP t FROM $a"],
}
FILES_AS_TABLES = ["SELECT * FROM '/etc/passwd'", "SELECT * FROM $a JOIN '/tmp/x.csv' AS f ON TRUE",
                   "SELECT * FROM 's3://bucket/x.parquet'", "SELECT * FROM \"C:\\\\data\\\\x\"", "SELECT * FROM @path",
                   "WITH c AS (SELECT * FROM '/etc/passwd') SELECT * FROM c"]
FILES_AS_TABLES_SPLIT_BY_BIGQUERY = ["SELECT * FROM 'people.csv'", "SELECT * FROM \"people.parquet\""]


@pytest.mark.parametrize("dialect", sorted(PROVIDERS))
def test_custom_sql_that_is_not_one_read_only_query_is_wf212(dialect: str):
    for text in ANY_DIALECT + BY_DIALECT.get(dialect, []):
        refusal("custom_sql", text, dialect)


@pytest.mark.parametrize("dialect", sorted(PROVIDERS))
def test_a_file_path_variable_or_stage_as_a_table_is_wf212(dialect: str):
    extra = FILES_AS_TABLES_SPLIT_BY_BIGQUERY if dialect != "bigquery" else []
    for text in FILES_AS_TABLES + extra:
        refusal("custom_sql", text, dialect)
    refusal("custom_sql", "SELECT $1 FROM @stage", dialect)
    refusal("where", "id IN (SELECT id FROM '/etc/passwd')", dialect)


def test_bigquery_splits_a_dotted_string_table_into_names_so_it_is_no_file():
    """BigQuery reads 'people.csv' as dataset `people`, table `csv`: allowed, and never a path elsewhere."""
    assert issues("custom_sql", "SELECT * FROM 'people.csv'") == []
    table = parse_query("SELECT * FROM 'people.csv'", "bigquery").find(exp.Table)
    assert table is not None and (table.db, table.name) == ("people", "csv")


@pytest.mark.parametrize("text", [
    "id IN (SELECT id FROM t FOR UPDATE)", "EXISTS (WITH d AS (DELETE FROM t RETURNING *) SELECT 1 FROM d)",
    "1 = 1; DROP TABLE t", "1 = 1 -- x\n; DROP TABLE t", "(SELECT 1 INTO t) = 1",
])
def test_statements_hidden_in_an_expression_are_wf212(text: str):
    for site in ("where", "create_column", "template"):
        refusal(site, text, "postgres")


# --- what must stay allowed: the guard cannot simply refuse everything -----------------------------------
ALLOWED = [
    ("bigquery", "custom_sql", "SELECT * FROM `p.d.events_*`"),
    ("bigquery", "custom_sql", "SELECT id, DATE(TIMESTAMP(DATETIME(name))) AS d FROM $a"),
    ("bigquery", "custom_sql", "SELECT CAST(age AS NUMERIC(10, 2)) AS v FROM $a"),
    ("bigquery", "custom_sql", "SELECT query, reads, readings, read_text FROM $a"),
    ("bigquery", "custom_sql", "SELECT 'SELECT pg_sleep(1)' AS s FROM $a WHERE name LIKE 'read_%'"),
    ("bigquery", "custom_sql", "WITH a AS (SELECT * FROM $a) SELECT a.id FROM a JOIN p.d.cities AS c USING (city)"),
    ("postgres", "custom_sql", "SELECT current_setting('server_version') AS v, pg_typeof(id) AS t FROM $a"),
    ("postgres", "custom_sql", "SELECT pg_catalog.lower(name) AS n, ST_AsText(geom) AS w FROM $a"),
    ("duckdb", "custom_sql", "SELECT * FROM $a WHERE name GLOB 'A*'"),
    ("oracle", "custom_sql", "SELECT DBMS_RANDOM.VALUE() AS r, dbms_lob.getlength(name) AS n FROM $a"),
    ("snowflake", "custom_sql", "SELECT $1 AS x FROM $a"),
    ("bigquery", "where", "query = 'x' AND reads > 1"),
    ("bigquery", "select", "id, `read_text` AS r -- a trailing comment"),
    ("bigquery", "create_column", "COALESCE(age, 0) + 1 /* a comment */"),
]


@pytest.mark.parametrize(("dialect", "site", "text"), ALLOWED)
def test_read_only_sql_is_still_allowed(dialect: str, site: str, text: str):
    assert issues(site, text, dialect) == []


# --- 3. no text gives anything but WF212 ---------------------------------------------------------------
CRASHERS = [
    "name = 'abc", "'", '"', "`abc", "/* abc", "$$abc", "$tag$ abc", "E'\\", "x'zz'", "[[[", "(((", ")))",
    "(" * 1000 + "1" + ")" * 1000, "(SELECT " * 500 + "1" + ")" * 500, "f(" * 1000 + "1" + ")" * 1000,
    "NOT " * 5000 + "x", "CASE " * 1000, "ARRAY[" * 1000, "-- nothing", "/* x */", "--", "", ";", ";;;", " ; ",
    "\x00", "a\x00b", "\ud800", "'\ud800'", "a" * 100_000, "SELECT", "SELECT a FROM", "FROM",
    "WHERE", "@", "@@x", "#", "{{", "}}", "{{ x }}", "?", "%s", ":x", "\\", "\u202e", "\t\n", "1e99999", "9" * 5000,
    "STRUCT<" * 500, "CAST(" * 300, "a -> 'b' ->> ", "/* /* */", "1; -- x", "----1", "SELECT " * 1000,
]
SLOW_TO_PARSE = ["STRUCT(" * 1000 + "1" + ")" * 1000, "DATE(" * 30 + "1" + ")" * 30, "IF[" * 40 + "1" + "]" * 40,
                 "x::INT[" * 30 + "1" + "]" * 30, "DATE(" * 6 + "+".join(["a"] * 20_000) + ")" * 6,
                 "+".join(["a"] * 60_000), "a" * 400_000]


@pytest.mark.parametrize("text", CRASHERS, ids=range(len(CRASHERS)))
def test_odd_text_is_wf212_or_accepted_never_another_error(text: str):
    for dialect in ("bigquery", "postgres", "duckdb"):
        for site in SITES:
            found = issues(site, text, dialect)  # WF212 mostly; WF202 for blank, WF210 for a bare `@`
            assert {i.code for i in found} <= {"WF212", "WF202", "WF210"}, (site, dialect, found)


@pytest.mark.parametrize("text", CRASHERS, ids=range(len(CRASHERS)))
def test_odd_text_raises_only_user_sql_error_in_every_dialect(text: str):
    for dialect in PROVIDERS:
        for parse in (parse_expression, parse_select_list, parse_query):
            with contextlib.suppress(UserSqlError):
                parse(text, dialect)


@pytest.mark.parametrize("text", SLOW_TO_PARSE, ids=range(len(SLOW_TO_PARSE)))
def test_text_that_would_parse_for_hours_is_refused_at_once(text: str):
    """sqlglot backtracks at `DATE(`, `INT[`, `IF[`: 30 nested take hours unless refused before parsing."""
    for dialect in ("bigquery", "postgres", "duckdb", "databricks"):
        start = time.perf_counter()
        refusal("where", text, dialect)
        assert time.perf_counter() - start < 5, dialect


def test_a_select_list_that_is_only_a_comment_is_wf212_not_a_key_error():
    for text in ("-- nothing", "/* x */", "-- a\n-- b"):
        for dialect in PROVIDERS:
            refusal("select", text, dialect)
    assert [e.sql() for e in parse_select_list("a -- the FROM must survive this comment", "bigquery")] == [
        "a /* the FROM must survive this comment */"]


def test_refusals_are_cached_and_repeat_identically():
    first = str(refusal("where", "name = 'abc"))
    assert str(refusal("where", "name = 'abc")) == first


SQL_BITS = ["SELECT", "FROM", "WHERE", "(", ")", "[", "]", "'", '"', "`", "--", "/*", "*/", ";", ",", "@", "$a",
            "DATE(", "STRUCT<", "CAST(", "AS", "INT", "1", "x", " ", "\n", "\x00", "\ud800", "::", "{{", "}}", "*"]


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(SQL_BITS), st.text(max_size=3)), max_size=40).map("".join),
       st.sampled_from(sorted(PROVIDERS)))
def test_fuzzed_text_raises_only_user_sql_error(text: str, dialect: str):
    for parse in (parse_expression, parse_select_list, parse_query):
        with contextlib.suppress(UserSqlError):
            parse(text, dialect)


def test_wareflow_validate_reports_a_blocked_call(tmp_path: Path):
    from typer.testing import CliRunner

    from wareflow.cli import app

    wf = WorkflowBuilder(provider="postgres")
    _where(wf, "pg_read_file('/etc/passwd') IS NOT NULL")
    path = wf.write(tmp_path / "hostile.json")
    result = CliRunner().invoke(app, ["validate", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "WF212" in result.output and "pg_read_file()" in result.output, result.output


def test_the_deny_list_is_lower_case_data_with_reasons():
    for table in (BLOCKED_FUNCTIONS, BLOCKED_PACKAGES):
        assert all(name == name.lower() and why for name, why in table.items())
    assert "current_setting" not in BLOCKED_FUNCTIONS  # harmless, and allowed on purpose


# --- 4. on real engines: allowed SQL runs, and leaves nothing behind -----------------------------------
ALLOWED_RUN = """
WITH adults AS (SELECT id, name, city FROM $a WHERE age >= 18)
SELECT a.id, a.name, c.country, ROW_NUMBER() OVER (ORDER BY a.id) AS n
FROM adults AS a LEFT JOIN $b AS c ON a.city = c.city
WHERE a.id IN (SELECT id FROM $a WHERE name <> 'Nobody')
"""


def tables(engine) -> set[str]:
    rows = engine.rows("SELECT table_schema, table_name FROM information_schema.tables "
                       "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")
    return {f"{schema}.{name}" for schema, name in rows}


def _run_custom_sql(engine, run_workflow, sql: str) -> None:
    wf = WorkflowBuilder()
    c = wf.node("native.customsql", {"sourcea": wf.source("main.people"), "sourceb": wf.source("main.cities")},
                sql=sql)
    wf.save(out(c), "main.out")
    run_workflow(engine, wf)


def test_allowed_custom_sql_runs_and_creates_only_its_output(engine, run_workflow):
    before = tables(engine)
    _run_custom_sql(engine, run_workflow, ALLOWED_RUN)
    assert engine.rows("SELECT id, name, country, n FROM main.out ORDER BY id") == [(1, "Ann", "ES", 1),
                                                                                    (4, "Dee", None, 2)]
    assert tables(engine) - before == {"main.out"}
    assert before - tables(engine) == set()


@pytest.mark.parametrize("sql", [
    "SELECT * INTO main.sneaky FROM $a",
    "WITH d AS (DELETE FROM main.people RETURNING *) SELECT * FROM d",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM '/etc/hostname'",
    "SELECT * FROM $a; CREATE TABLE main.sneaky AS SELECT 1 AS x",
    "SELECT *, pg_sleep(5) AS z FROM $a",
])
def test_refused_custom_sql_never_reaches_the_engine(engine, run_workflow, sql: str):
    before = tables(engine)
    with pytest.raises(WorkflowError) as exc:
        _run_custom_sql(engine, run_workflow, sql)
    assert exc.value.codes == ["WF212"]
    assert tables(engine) == before
    assert engine.rows("SELECT COUNT(*) FROM main.people") == [(4,)]


def test_duckdb_really_reads_a_file_named_as_a_table(tmp_path: Path):
    """Why a quoted path is refused: DuckDB reads `FROM 'file.csv'` from disk, without any function."""
    from wareflow.warehouses.duckdb import connect

    path = tmp_path / "secret.csv"
    path.write_text("k,v\nkey,42\n")
    conn = connect(":memory:")
    try:
        assert conn.execute(f"SELECT v FROM '{path}'").fetchall() == [(42,)]
        assert conn.execute(f'SELECT v FROM "{path}"').fetchall() == [(42,)]
    finally:
        conn.close()
    refusal("custom_sql", f"SELECT v FROM '{path}'", "duckdb")
    refusal("custom_sql", f'SELECT v FROM "{path}"', "duckdb")


@pytest.mark.parametrize("dialect", sorted(PROVIDERS))
def test_an_input_mark_inside_a_string_is_data_not_a_table(dialect: str):
    query = parse_query("SELECT 'costs $a' AS s, '$b' AS t FROM $a -- reads $c\n", dialect)
    assert [s.this.name for s in query.selects] == ["costs $a", "$b"]
    assert [t.name for t in query.find_all(exp.Table)] == ["__wareflow_input_a"]

"""SQL typed into the canvas: parsed in the export's dialect, checked, then rebuilt as an AST.

Parsed trees are shared and read-only: whoever builds SQL from one copies it first (`bind_variables`).

The canvas SQL is the author's own and runs with the connection's rights; what we guard against is
SQL that does more than read: a statement that is not a single query (DDL, DML, several statements,
``SELECT ... INTO``, row locks), a call that reaches outside the query (files, other servers, session
settings, SQL given as text: `BLOCKED_FUNCTIONS`), a file path or stage used as a table, and text that
smuggles values in: variables always enter as typed literals, never as text. Any text at all gives a
tree or a `UserSqlError`, never another exception, and never a parse that runs for minutes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from functools import cache, lru_cache
from itertools import pairwise
from types import MappingProxyType

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokens import Token, TokenType

# Nodes that must never appear inside SQL typed into a query component (at any depth: a CTE may
# hold a DELETE ... RETURNING, a SELECT may write a table with INTO or lock rows FOR UPDATE).
_FORBIDDEN = (exp.Insert, exp.Delete, exp.Update, exp.Create, exp.Drop, exp.Merge, exp.Command,
              exp.Alter, exp.TruncateTable, exp.Use, exp.Set, exp.Transaction, exp.Commit, exp.Rollback,
              exp.Into, exp.Lock, exp.Copy, exp.Pragma, exp.Attach, exp.Detach, exp.Install, exp.Execute,
              exp.Grant, exp.Revoke, exp.Comment, exp.Analyze, exp.Cache, exp.Uncache, exp.Refresh,
              exp.LoadData, exp.Export, exp.Declare, exp.Kill, exp.Put, exp.Get)
_INPUT_MARK = re.compile(r"([`\"]?)\$([abc])\b\1")
_PLACEHOLDER = "__wareflow_input_{}"

_FILES = "reads files or object storage"
_REMOTE = "reaches another server or database"
_AS_TEXT = "runs SQL given as text, which this check cannot see"
_SESSION = "changes session or server state"
_SLEEP = "sleeps while holding a warehouse session"
_LOCK = "takes a lock that outlives the query"
_SECRET = "reads secrets, settings or the environment of the server"
_SEQUENCE = "advances a sequence (a write)"
_OTHERS = "stops another session"

# Calls that reach outside a read-only query, by lower-case name; a trailing `*` names a family.
# Matched on every function node sqlglot parses (named or typed, at any depth, in any dialect): the
# workflow's SQL is written in its export's dialect but may run on any warehouse.
BLOCKED_FUNCTIONS: Mapping[str, str] = MappingProxyType({
    # PostgreSQL, Redshift
    "set_config": _SESSION, "pg_reload_conf": _SESSION, "pg_rotate_logfile": _SESSION, "pg_promote": _SESSION,
    "pg_switch_wal": _SESSION, "pg_create_*": _SESSION, "pg_drop_replication_slot": _SESSION,
    "pg_logical_*": _SESSION, "pg_backup_*": _SESSION, "pg_wal_replay_*": _SESSION, "pg_stat_reset*": _SESSION,
    "pg_notify": _SESSION, "pg_terminate_backend": _OTHERS, "pg_cancel_backend": _OTHERS,
    "pg_read_file": _FILES, "pg_read_binary_file": _FILES, "pg_ls_*": _FILES, "pg_stat_file": _FILES,
    "pg_file_*": _FILES, "pg_logdir_ls": _FILES, "lo_*": "moves large objects to and from server files",
    "loread": "reads large objects", "lowrite": "writes large objects",
    "dblink*": _REMOTE, "pg_sleep*": _SLEEP, "pg_advisory_*": _LOCK, "pg_try_advisory_*": _LOCK,
    "txid_*": "assigns a transaction id (a write)", "pg_current_xact_id": "assigns a transaction id (a write)",
    "nextval": _SEQUENCE, "setval": _SEQUENCE, "next_value_for": _SEQUENCE,
    "query_to_xml*": _AS_TEXT, "cursor_to_xml*": _AS_TEXT, "ts_stat": _AS_TEXT, "ts_rewrite": _AS_TEXT,
    # DuckDB (and Databricks' read_files, read_kafka, ...)
    "read_*": _FILES, "parquet_*": _FILES, "sniff_csv": _FILES, "glob": "lists files", "st_read*": _FILES,
    "iceberg_*": _FILES, "delta_scan": _FILES, "sqlite_*": _REMOTE, "postgres_*": _REMOTE, "mysql_*": _REMOTE,
    "http_*": _REMOTE, "query": _AS_TEXT, "query_table": _AS_TEXT, "json_execute_serialized_sql": _AS_TEXT,
    "getenv": _SECRET, "duckdb_secrets": _SECRET, "which_secret": _SECRET,
    "load": "loads an extension", "install": "installs an extension",
    # Snowflake
    "system$*": "is a Snowflake system function (sessions, waits, stage files)", "infer_schema": _FILES,
    "get_presigned_url": _FILES, "build_scoped_file_url": _FILES, "build_stage_file_url": _FILES,
    "get_stage_location": _FILES,
    # BigQuery
    "external_query": _REMOTE, "external_object_transform": _FILES,
    # Oracle
    "bfilename": _FILES, "httpuritype": _REMOTE,
    # Databricks
    "secret": _SECRET, "try_secret": _SECRET, "list_secrets": _SECRET, "cloud_files_state": _FILES,
    "reflect": "calls Java on the cluster", "try_reflect": "calls Java on the cluster",
    "java_method": "calls Java on the cluster",
    # Synapse (T-SQL)
    "openrowset": _FILES, "opendatasource": _REMOTE, "openquery": _REMOTE,
    "xp_*": "runs an extended stored procedure on the server", "fn_get_audit_file": _FILES,
    "fn_xe_file_target_read_file": _FILES, "fn_trace_gettable": _FILES,
    # Anywhere
    "sleep": _SLEEP,
})
# Oracle packages called as `package.function(...)`; the few harmless ones stay allowed.
BLOCKED_PACKAGES: Mapping[str, str] = MappingProxyType({
    "dbms_*": "is an Oracle system package (SQL as text, locks, sleeps, jobs)", "utl_file": _FILES,
    "utl_http": _REMOTE, "utl_tcp": _REMOTE, "utl_smtp": _REMOTE, "utl_mail": _REMOTE, "utl_inaddr": _REMOTE,
})
ALLOWED_PACKAGES = frozenset({"dbms_random", "dbms_lob"})
# A table name with one of these suffixes is a file to DuckDB (and Spark's `csv.`path`` form has a `/`).
FILE_EXTENSIONS = frozenset({"csv", "tsv", "txt", "json", "jsonl", "ndjson", "parquet", "xlsx", "xls", "arrow",
                             "avro", "orc", "gz", "zst", "zstd", "bz2", "db", "duckdb", "sqlite", "sqlite3", "shp",
                             "geojson", "gpkg", "fgb", "kml", "gml", "osm", "pbf", "xml"})

# Parsing costs are bounded before sqlglot sees the text. Its parser backtracks at a bracket after a
# type name (`DATE(`, `INT[`) or any `[`: each such bracket around a token doubles the work spent on it,
# so 25 nested `DATE(` take hours. Tokens are weighed by that factor and the total is capped; the
# nesting cap keeps the recursive parser, and whatever later walks the tree, inside Python's stack.
MAX_NESTING = 100
MAX_PARSE_WORK = 100_000  # two seconds of parsing at worst; a 100 kB query weighs about 30,000
_MAX_TEXT = 300_000  # tokenizing alone takes about a second per 400 kB
_OPENING = {TokenType.L_PAREN: TokenType.R_PAREN, TokenType.L_BRACKET: TokenType.R_BRACKET,
            TokenType.L_BRACE: TokenType.R_BRACE}
_CLOSING = frozenset(_OPENING.values())
_STRINGS = frozenset(t for t in TokenType if t.name.endswith("STRING"))  # literals in all their quotings


class UserSqlError(ValueError):
    pass


def _split(table: Mapping[str, str]) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    return ({k: v for k, v in table.items() if not k.endswith("*")},
            tuple((k[:-1], v) for k, v in table.items() if k.endswith("*")))


_FUNCTIONS, _FUNCTION_FAMILIES = _split(BLOCKED_FUNCTIONS)
_PACKAGES, _PACKAGE_FAMILIES = _split(BLOCKED_PACKAGES)


def _why_blocked(name: str, exact: Mapping[str, str], families: tuple[tuple[str, str], ...]) -> str | None:
    name = name.lower()
    return exact.get(name) or next((why for prefix, why in families if name.startswith(prefix)), None)


# Typed function nodes (exp.ReadCSV, exp.ReadParquet, exp.Secret, ...) by the names they stand for.
_BLOCKED_CLASSES: dict[type[exp.Expr], tuple[str, str]] = {
    cls: (name.lower(), why) for cls in exp.ALL_FUNCTIONS for name in cls.sql_names()
    if (why := _why_blocked(name, _FUNCTIONS, _FUNCTION_FAMILIES)) is not None
}


@cache
def _dialect(name: str) -> Dialect:
    """One settings object per dialect: sqlglot would build a new one for every parse (a third of
    the time of parsing a short expression, which a DAG folder does thousands of times)."""
    return Dialect.get_or_raise(name)


def _shown(text: str, limit: int = 60) -> str:
    """`text` quoted for a message: control characters and lone surrogates escaped, long text cut."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _name(text: str, limit: int = 60) -> str:
    """A name for a message, escaped like `_shown` but unquoted."""
    return _shown(text, limit)[1:-1]


def _tokens(text: str, dialect: Dialect) -> list[Token]:
    """`text` tokenized, once its parse is known to be cheap enough (see `MAX_PARSE_WORK`)."""
    if len(text) > _MAX_TEXT:
        raise UserSqlError(f"SQL is {len(text):,} characters long; at most {_MAX_TEXT:,} are accepted")
    if "\x00" in text:
        raise UserSqlError("SQL contains a NUL character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise UserSqlError(f"SQL is not valid Unicode at character {exc.start + 1}") from None
    tokens = dialect.tokenize(text)
    types = dialect.parser_class.TYPE_TOKENS
    stack: list[tuple[TokenType, bool]] = []
    doubling = work = 0
    for i, token in enumerate(tokens):
        kind = token.token_type
        if kind in _OPENING:
            backtracks = kind == TokenType.L_BRACKET or (i > 0 and tokens[i - 1].token_type in types)
            stack.append((_OPENING[kind], backtracks))
            doubling += backtracks
            if len(stack) > MAX_NESTING:
                raise UserSqlError(f"SQL nests brackets more than {MAX_NESTING} deep (line {token.line})")
        elif kind in _CLOSING and stack and stack[-1][0] == kind:
            doubling -= stack.pop()[1]
        work += 1 << min(doubling, 40)
        if work > MAX_PARSE_WORK:
            raise UserSqlError(f"SQL would take too long to parse: it is too long, or nests type names such as "
                               f"DATE(...) or brackets [...] too deeply (line {token.line}); simplify it or split "
                               f"it over several nodes")
    return tokens


def _read(text: str, dialect_name: str) -> exp.Expr:
    """`text` parsed into one statement and checked; raises `UserSqlError` for any refusal."""
    dialect = _dialect(dialect_name)
    text = text.strip().rstrip(";")
    try:
        statements = [s for s in dialect.parser().parse(_tokens(text, dialect), text) if s is not None]
    except UserSqlError:
        raise
    except ParseError as exc:
        first = exc.errors[0] if exc.errors else {}
        where = f" at line {first.get('line')}, column {first.get('col')}" if first else ""
        raise UserSqlError(f"cannot parse SQL{where}: {_name(str(first.get('description', exc)), 200)}") from None
    except TokenError as exc:
        raise UserSqlError(f"cannot parse SQL: a quote, quoted name or comment is not closed, or a literal is "
                           f"malformed ({_name(str(exc), 100)})") from None
    except RecursionError:
        raise UserSqlError("cannot parse SQL: it is nested too deeply") from None
    except Exception as exc:  # no input may escape as a traceback, whatever sqlglot makes of it
        raise UserSqlError(f"cannot parse SQL: {type(exc).__name__}: {_name(str(exc), 200)}") from None
    if len(statements) != 1:
        raise UserSqlError(f"expected one statement, found {len(statements)}")
    (statement,) = statements
    for node in statement.walk():
        problem = _problem(node)
        if problem is not None:
            raise UserSqlError(problem)
    return statement


def _problem(node: exp.Expr) -> str | None:
    """Why `node` has no place in SQL that only reads, if it has none."""
    if isinstance(node, _FORBIDDEN):
        return f"only a query is allowed here, found {_statement_name(node)}"
    if isinstance(node, exp.Func):
        return _call_problem(node)
    if isinstance(node, exp.Table):
        return _table_problem(node)
    return None


def _statement_name(node: exp.Expr) -> str:
    if isinstance(node, exp.Command):
        words = str(node.this).split()
        return _name(words[0].upper()) if words else "COMMAND"
    return {"into": "SELECT ... INTO", "lock": "FOR UPDATE/SHARE"}.get(node.key, node.key.upper())


def _call_problem(node: exp.Func) -> str | None:
    if isinstance(node, exp.Anonymous | exp.AnonymousAggFunc):
        name = node.name.lower()
        why = _why_blocked(name, _FUNCTIONS, _FUNCTION_FAMILIES)
    else:
        name, why = _BLOCKED_CLASSES.get(type(node), ("", None))
    if why is not None:
        return f"{_name(name)}() is not allowed: it {why}; workflow SQL may only read tables"
    for package in _packages(node):
        why = None if package in ALLOWED_PACKAGES else _why_blocked(package, _PACKAGES, _PACKAGE_FAMILIES)
        if why is not None:
            return f"{_name(package)}.{_name(node.name)}() is not allowed: {_name(package)} {why}"
    return None


def _packages(node: exp.Func) -> list[str]:
    """Lower-case qualifiers of a call written `a.b.f(...)` (Oracle packages, schemas, datasets)."""
    parent = node.parent
    parts: list[exp.Expr] = []
    if isinstance(parent, exp.Table) and parent.this is node:  # a table function: FROM a.b.f(...)
        parts = [parent.args[k] for k in ("db", "catalog") if parent.args.get(k) is not None]
    if not (isinstance(parent, exp.Dot) and parent.expression is node):
        return [p.name.lower() for p in parts if isinstance(p, exp.Identifier)]
    qualifier = parent.this
    while isinstance(qualifier, exp.Dot):
        parts.append(qualifier.expression)
        qualifier = qualifier.this
    parts.extend(qualifier.parts if isinstance(qualifier, exp.Column) else [qualifier])
    return [p.name.lower() for p in parts if isinstance(p, exp.Identifier | exp.Var)]


def _table_problem(table: exp.Table) -> str | None:
    this = table.this
    if isinstance(this, exp.Literal):
        return f"{_shown(this.name)} is a string, not a table: reading files is not allowed"
    if isinstance(this, exp.Parameter | exp.Placeholder):
        return "a variable or parameter cannot name a table"
    if isinstance(this, exp.Var) and this.name.startswith("@"):
        return f"{_shown(this.name)} is a stage: reading stage files is not allowed"
    for key in ("catalog", "db", "this"):
        part = table.args.get(key)
        if isinstance(part, exp.Identifier) and _is_path(part.name, last=key == "this"):
            return f"{_shown(part.name)} is a file path, not a table: reading files is not allowed"
    return None


def _is_path(name: str, last: bool) -> bool:
    return "/" in name or "\\" in name or (last and any(s in FILE_EXTENSIONS for s in name.lower().split(".")[1:]))


@lru_cache(maxsize=4096)
def _parse_or_refusal(text: str, dialect: str) -> exp.Expr | str:
    """`_read`, once per process, refusals included: a DAG folder repeats expressions (workflows made
    from one template, the same filter on several branches) and re-reads its files every few minutes."""
    try:
        if _at_is_parameter(dialect):
            return _read(text, dialect)
        return _as_parameters(_read(_at_to_dollar(text, dialect), dialect))
    except UserSqlError as exc:
        return str(exc)


@cache
def _at_is_parameter(dialect: str) -> bool:
    """Whether `dialect` reads the canvas's ``@name`` as a parameter (DuckDB reads ``@x`` as ABS(x))."""
    select = _dialect(dialect).parse("SELECT @wareflow_probe")[0]
    return isinstance(select, exp.Select) and isinstance(select.selects[0], exp.Parameter)


def _at_to_dollar(text: str, dialect: str) -> str:
    """The canvas's ``@name`` variables spelt ``$name`` (outside literals and comments), for a dialect
    that reads ``@`` as an operator but ``$name`` as a named placeholder."""
    tokens = _rewritable_tokens(text, dialect, "@")
    if tokens is None:
        return text
    at = [t.start for t, nxt in pairwise(tokens)
          if t.token_type == TokenType.PARAMETER and text[t.start] == "@" and nxt.start == t.end + 1]
    chars = list(text)
    for i in at:
        chars[i] = "$"
    return "".join(chars)


def _rewritable_tokens(text: str, dialect: str, sigil: str) -> list[Token] | None:
    """`text`'s tokens when it holds `sigil` and can be rewritten before parsing; None when there is
    nothing to rewrite, or the text is too long or unreadable (the parse that follows says why)."""
    if sigil not in text or len(text) > _MAX_TEXT:
        return None
    try:
        return list(_dialect(dialect).tokenize(text))
    except Exception:
        return None


def _as_parameters(tree: exp.Expr) -> exp.Expr:
    """Named placeholders (``$name``, from `_at_to_dollar`) as the parameters every other dialect parses
    ``@name`` into, so finding and binding variables is one rule. The tree is new: changed in place."""
    return tree.transform(
        lambda n: exp.Parameter(this=exp.var(n.name)) if isinstance(n, exp.Placeholder) and n.name else n,
        copy=False)


def _parse(text: str, dialect: str) -> exp.Expr:
    """`text` parsed and checked. The tree is shared, so it is never changed in place:
    `bind_variables` copies it before filling in values."""
    result = _parse_or_refusal(text, dialect)
    if isinstance(result, str):
        raise UserSqlError(result)
    return result


@lru_cache(maxsize=1024)
def _mark_inputs(text: str, dialect: str) -> str:
    """`text` with each ``$a``, ``$b``, ``$c`` that names an input replaced by its placeholder table.
    Inside a string literal (``'costs $a'``) or a comment the mark is data and stays; a double-quoted
    ``"$a"`` is a name, even where the dialect reads double quotes as a string (BigQuery)."""
    tokens = _rewritable_tokens(text, dialect, "$")
    if tokens is None:
        return text
    spans = [(t.start, t.end) for t in tokens if t.token_type not in _STRINGS or text[t.start] == '"']
    starts = [start for start, _ in spans]

    def mark(m: re.Match[str]) -> str:
        i = bisect_right(starts, m.start()) - 1
        return _PLACEHOLDER.format(m.group(2)) if i >= 0 and m.start() <= spans[i][1] else m.group(0)

    return _INPUT_MARK.sub(mark, text)


def parse_query(text: str, dialect: str) -> exp.Query:
    """A whole query (Custom SQL). ``$a``, ``$b``, ``$c`` become placeholder tables."""
    statement = _parse(_mark_inputs(text, dialect), dialect)
    if not isinstance(statement, exp.Query):
        raise UserSqlError(f"expected a SELECT query, found {_statement_name(statement)}")
    return statement


def input_placeholder(letter: str) -> str:
    return _PLACEHOLDER.format(letter)


def parse_select_list(text: str, dialect: str) -> list[exp.Expr]:
    """The body of a select list, as typed into ``native.select``."""
    # The line break ends a trailing `--` comment, which would otherwise swallow the FROM.
    statement = _parse(f"SELECT {text}\nFROM {_PLACEHOLDER.format('a')}", dialect)
    if not isinstance(statement, exp.Select) or not statement.expressions or any(
        statement.args.get(k) for k in ("where", "group", "having", "order", "limit", "joins", "with")
    ):
        raise UserSqlError("expected a list of select expressions")
    source = statement.args.get("from_") or statement.args.get("from")
    if not (isinstance(source, exp.From) and isinstance(source.this, exp.Table)
            and source.this.name == _PLACEHOLDER.format("a")):
        raise UserSqlError("expected a list of select expressions")
    return list(statement.expressions)


def parse_expression(text: str, dialect: str) -> exp.Expr:
    """One scalar expression or predicate (Where, Create Column, variables' ``{{...}}``)."""
    statement = _parse(f"SELECT {text}", dialect)
    if not isinstance(statement, exp.Select) or len(statement.expressions) != 1 or any(
        statement.args.get(k) for k in ("from", "from_", "where", "group", "having", "order", "limit", "joins")
    ):
        raise UserSqlError("expected a single expression")
    (expression,) = statement.expressions
    if isinstance(expression, exp.Alias):
        raise UserSqlError("expected a single expression without an alias")
    return expression


def variables_in(tree: exp.Expr) -> set[str]:
    """Names of the ``@variables`` used in a parsed tree."""
    return {p.name for p in tree.find_all(exp.Parameter)}


def literal(value: object) -> exp.Expr:
    """A typed SQL literal for a Python value."""
    if value is None:
        return exp.Null()
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, int | float):
        text = repr(float(value)) if isinstance(value, float) and not float(value).is_integer() else str(int(value))
        number = exp.Literal.number(text.lstrip("-"))
        return exp.Neg(this=number) if value < 0 else number
    return exp.Literal.string(str(value))


def bind_variables(tree: exp.Expr, values: dict[str, object]) -> exp.Expr:
    """Replace every ``@name`` with the typed literal of its value (parenthesised, as CARTO does)."""

    def fill(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Parameter) and node.name in values:
            value = literal(values[node.name])
            return exp.Paren(this=value) if isinstance(value, exp.Neg) else value
        return node

    return tree.copy().transform(fill)

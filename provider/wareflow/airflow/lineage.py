"""OpenLineage for a stage: the tables it reads, the table it writes, and where each written column comes from.

Airflow's OpenLineage provider calls `WareflowOperator.get_openlineage_facets_on_complete`, which returns
`operator_lineage(task)`. Everything is read from the stage the task compiled (its sqlglot ASTs), never
from the warehouse: a pure walk of the SQL, so lineage costs no query and works for every dialect.

Datasets are named as the OpenLineage spec names them (https://openlineage.io/docs/spec/naming):

=============  ==================================  =================================
warehouse      namespace                           name
=============  ==================================  =================================
PostgreSQL     ``postgres://host:port``            ``database.schema.table``
Redshift       ``redshift://cluster.region:port``  ``database.schema.table``
BigQuery       ``bigquery``                        ``project.dataset.table``
Snowflake      ``snowflake://account``             ``database.schema.table``
Databricks     ``databricks://host``               ``catalog.schema.table``
Oracle         ``oracle://host:port``              ``service.schema.table``
SQL Server     ``mssql://host:port``               ``database.schema.table``
DuckDB         ``duckdb://<absolute file path>``   ``catalog.schema.table``
=============  ==================================  =================================

DuckDB has no entry in the spec: a database is a file, so the namespace is the file's absolute path
(``duckdb://:memory:`` for an in-memory one, which no other process can see) and the name is
``catalog.schema.table`` with the catalog DuckDB gives an attached file, its stem (``demo.duckdb``:
``demo``; ``memory`` in memory). Unquoted names are written as the warehouse folds them (lower case,
upper case on Snowflake and Oracle). A name never carries a login, password or token.

Column lineage covers every output column a projection computes from columns (``DIRECT``, subtype
``IDENTITY`` for a column copied as is, possibly renamed, ``AGGREGATION`` where an aggregate
function takes part, ``TRANSFORMATION`` otherwise), followed through CTEs, subqueries, ``*`` and
``t.*``, set operations, lateral subqueries and ``UNNEST``, correlated subqueries, and the scratch
tables a component's steps are written to before the publish. The columns a stage filters, joins,
groups or sorts on go in the facet's dataset-wide ``INDIRECT`` list. A column whose origin cannot be
told from the SQL alone (an unqualified name over several sources whose columns are unknown) is left
out rather than guessed; a column computed from constants alone has no inputs and is left out too.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.optimizer.scope import Scope, build_scope

from wareflow.compile.compiler import CompiledStage
from wareflow.sql.dialects.base import WarehouseDialect

log = logging.getLogger(__name__)

TableKey = tuple[str, ...]  # a table's name parts, as the warehouse folds them
Origins = dict[tuple[TableKey, str], str]  # (input table, column) -> transformation subtype

IDENTITY, TRANSFORMATION, AGGREGATION = "IDENTITY", "TRANSFORMATION", "AGGREGATION"
_RANK = {IDENTITY: 0, TRANSFORMATION: 1, AGGREGATION: 2}
_INDIRECT = (("where", "FILTER"), ("having", "FILTER"), ("qualify", "FILTER"), ("group", "GROUP_BY"),
             ("order", "SORT"))


# --- naming ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DatasetNaming:
    """How one connection's tables are named in OpenLineage: its namespace, and what completes a
    partial table name (the database for ``schema.table``, then the schema for ``table``)."""

    namespace: str
    database: str | None = None
    schema: str | None = None
    sqlglot_dialect: str | None = None  # folds unquoted names as the warehouse does

    def key(self, table: exp.Table | Sequence[str]) -> TableKey:
        """A table's parts as the warehouse stores them (unquoted names folded)."""
        if isinstance(table, exp.Table):
            idents = [p for p in table.parts if isinstance(p, exp.Identifier)]
            if len(idents) != len(table.parts):
                return tuple(p.name for p in table.parts)
            return tuple(self.fold(p) for p in idents)
        return tuple(self.fold(exp.to_identifier(p)) if isinstance(p, str) else str(p) for p in table)

    def fold(self, identifier: exp.Identifier | str) -> str:
        ident = exp.to_identifier(identifier) if isinstance(identifier, str) else identifier
        return sqlglot.Dialect.get_or_raise(self.sqlglot_dialect).normalize_identifier(ident.copy()).name

    def name(self, table: exp.Table | Sequence[str]) -> str:
        """The dataset name of `table` (``database.schema.table`` where the defaults are known)."""
        parts = list(self.key(table) if isinstance(table, exp.Table) else table)
        if len(parts) == 1 and self.schema:
            parts.insert(0, self.fold(self.schema))
        if len(parts) == 2 and self.database:
            parts.insert(0, self.database)
        return ".".join(parts)


def _extra(conn: Any) -> dict[str, Any]:
    try:
        extra = getattr(conn, "extra_dejson", None) or {}
    except Exception:  # a malformed extra is no reason to lose the lineage
        extra = {}
    return dict(extra) if isinstance(extra, Mapping) else {}


def _pick(extra: Mapping[str, Any], *keys: str) -> str | None:
    """The first of `keys` set in a connection's extra, bare or in the old ``extra__<type>__`` form."""
    for key in keys:
        for name, value in extra.items():
            if value not in (None, "") and (name == key or name.endswith(f"__{key}")):
                return str(value)
    return None


def _authority(conn: Any, default_port: int | None) -> str:
    host = (getattr(conn, "host", None) or "").strip()
    port = getattr(conn, "port", None) or default_port
    return f"{host}:{port}" if port else host


def _redshift_authority(conn: Any) -> str:
    """``cluster.region:port`` as Airflow's Redshift hook names it, from the endpoint or the extra."""
    extra = _extra(conn)
    port = getattr(conn, "port", None) or 5439
    cluster, region = _pick(extra, "cluster_identifier"), _pick(extra, "region_name", "region")
    if cluster and region:
        return f"{cluster}.{region}:{port}"
    host = (getattr(conn, "host", None) or "").strip()
    parts = host.split(".")
    if (host.endswith("amazonaws.com") and len(parts) == 6) or (host.endswith("amazonaws.com.cn") and len(parts) == 7):
        return f"{parts[0]}.{parts[2]}:{port}"
    return f"{host}:{port}"


def _snowflake_account(conn: Any) -> str:
    account = _pick(_extra(conn), "account") or (getattr(conn, "host", None) or "").split(".snowflakecomputing.com")[0]
    try:  # normalised as the Snowflake provider's own lineage does
        from airflow.providers.snowflake.utils.openlineage import fix_account_name

        return str(fix_account_name(account))
    except Exception:
        return account


def _duckdb_path(conn: Any) -> str:
    path = (getattr(conn, "host", None) or "").strip() or _pick(_extra(conn), "path", "database") or ":memory:"
    return path if path == ":memory:" else os.path.abspath(os.path.expanduser(path))


def naming(conn_type: str, conn: Any) -> DatasetNaming:
    """The naming of the tables behind an Airflow connection (`conn`: host, port, schema, login,
    extra_dejson, as `Connection` has them). Its passwords and tokens are never read."""
    extra = _extra(conn)
    kind = (conn_type or "").lower()
    schema = getattr(conn, "schema", None) or None  # the database on most, the schema on Snowflake
    if kind in ("postgres", "postgresql"):
        return DatasetNaming(f"postgres://{_authority(conn, 5432)}", schema, "public", "postgres")
    if kind == "redshift":
        return DatasetNaming(f"redshift://{_redshift_authority(conn)}", schema, "public", "redshift")
    if kind in ("gcpbigquery", "google_cloud_platform", "bigquery"):
        return DatasetNaming("bigquery", _pick(extra, "project", "project_id"), _pick(extra, "dataset"), "bigquery")
    if kind == "snowflake":
        database = _pick(extra, "database")
        return DatasetNaming(f"snowflake://{_snowflake_account(conn)}", database and database.upper(),
                             (schema or _pick(extra, "schema") or "").upper() or None, "snowflake")
    if kind == "databricks":
        host = (getattr(conn, "host", None) or "").strip().removeprefix("https://").rstrip("/")
        return DatasetNaming(f"databricks://{host}", _pick(extra, "catalog"), schema or _pick(extra, "schema"),
                             "databricks")
    if kind == "oracle":
        service = _pick(extra, "service_name", "sid") or schema
        login = getattr(conn, "login", None)  # a user's own schema has its name: not a secret
        return DatasetNaming(f"oracle://{_authority(conn, 1521)}", service, login.upper() if login else None,
                             "oracle")
    if kind in ("mssql", "synapse"):
        return DatasetNaming(f"mssql://{_authority(conn, 1433)}", schema, "dbo", "tsql")
    if kind == "duckdb":
        path = _duckdb_path(conn)
        catalog = "memory" if path == ":memory:" else os.path.splitext(os.path.basename(path))[0]
        return DatasetNaming(f"duckdb://{path}", catalog, "main", "duckdb")
    return DatasetNaming(f"{kind}://{_authority(conn, None)}", schema, None, None)


def dataset_namespace(conn_type: str, conn: Any) -> str:
    """The OpenLineage namespace of the warehouse behind `conn` (see the module's table)."""
    return naming(conn_type, conn).namespace


def dataset_name(conn_type: str, conn: Any, table: exp.Table | Sequence[str] | str) -> str:
    """The OpenLineage name of `table` (an AST table, its parts, or a dotted name) on `conn`."""
    if isinstance(table, str):
        table = exp.to_table(table)
    return naming(conn_type, conn).name(table)


# --- the SQL walk ---------------------------------------------------------------------------------------------
def _merge(into: Origins, more: Origins, at_least: str = IDENTITY) -> None:
    for key, subtype in more.items():
        subtype = max(subtype, at_least, key=_RANK.__getitem__)
        if key not in into or _RANK[subtype] > _RANK[into[key]]:
            into[key] = subtype


def _kind(expression: exp.Expr) -> str:
    if isinstance(expression, exp.Column):
        return IDENTITY
    aggregates = [a for a in _own(expression, exp.AggFunc) if not a.find_ancestor(exp.Window)]
    return AGGREGATION if aggregates else TRANSFORMATION


def _own(expression: exp.Expr, kind: type[exp.Expr]) -> Iterator[Any]:
    """The nodes of `kind` in `expression` outside the queries nested in it (other scopes)."""
    for node in expression.walk(prune=lambda n: n is not expression and isinstance(n, exp.Query)):
        if isinstance(node, kind):
            yield node


def _same(a: str, b: str) -> bool:
    return a == b or a.casefold() == b.casefold()


@dataclass
class _Walk:
    """Traces the columns of one statement's scopes back to the real tables it reads."""

    naming: DatasetNaming
    schemas: Mapping[TableKey, tuple[str, ...]]
    _memo: dict[tuple[int, str], Origins | None] = field(default_factory=dict)
    _names: dict[int, tuple[str, ...] | None] = field(default_factory=dict)

    # which relation a name belongs to
    @staticmethod
    def real(table: exp.Table) -> bool:
        return isinstance(table.this, exp.Identifier) and bool(table.name)

    def columns_of(self, source: Any) -> tuple[str, ...] | None:
        """The column names of a source (a table, or a scope's output), when they are known."""
        if isinstance(source, exp.Table):
            return self.schemas.get(self.naming.key(source)) if self.real(source) else None
        if not isinstance(source, Scope):
            return None
        if id(source) in self._names:
            return self._names[id(source)]
        self._names[id(source)] = None  # a cycle means unknown
        names = self._scope_names(source)
        self._names[id(source)] = names
        return names

    def _scope_names(self, scope: Scope) -> tuple[str, ...] | None:
        expression = scope.expression
        if isinstance(expression, exp.SetOperation):
            return self.columns_of(scope.set_operation_scopes[0]) if scope.set_operation_scopes else None
        if isinstance(expression, exp.Unnest | exp.Lateral):
            alias = expression.args.get("alias")
            columns = alias.columns if alias is not None else []
            if columns:
                return tuple(c.name for c in columns)
            inner = self._lateral_scope(scope)
            return self.columns_of(inner) if inner is not None else None
        if not isinstance(expression, exp.Select):
            return None
        names: list[str] = []
        for projection in expression.selects:
            star = self._star_sources(scope, projection)
            if star is None:
                names.append(projection.alias_or_name)
                continue
            for source in star:
                known = self.columns_of(source)
                if known is None:
                    return None
                names.extend(known)
        return tuple(names)

    @staticmethod
    def _star_sources(scope: Scope, projection: exp.Expr) -> list[Any] | None:
        """The sources a ``*`` or ``t.*`` projection expands; None for any other projection."""
        if isinstance(projection, exp.Star):
            return [source for _, source in scope.selected_sources.values()]
        if isinstance(projection, exp.Column) and isinstance(projection.this, exp.Star):
            found = _Walk._qualified(scope, projection.table)
            return [found] if found is not None else []
        return None

    @staticmethod
    def _lateral_scope(scope: Scope) -> Scope | None:
        inner = scope.expression.this
        inner = inner.this if isinstance(inner, exp.Subquery) else inner
        for candidate in [*scope.sources.values(), *scope.subquery_scopes, *scope.derived_table_scopes]:
            if isinstance(candidate, Scope) and candidate.expression is inner:
                return candidate
        return None

    # where an output column comes from
    def output(self, scope: Scope, name: str) -> Origins | None:
        key = (id(scope), name.casefold())
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = None
        found = self._output(scope, name)
        self._memo[key] = found
        return found

    def _output(self, scope: Scope, name: str) -> Origins | None:
        expression = scope.expression
        if isinstance(expression, exp.SetOperation):
            names = self.columns_of(scope)
            position = next((i for i, n in enumerate(names or ()) if _same(n, name)), None)
            if position is None:
                return None
            found: Origins = {}
            for branch in scope.set_operation_scopes:
                branch_names = self.columns_of(branch)
                if branch_names is None or position >= len(branch_names):
                    return None
                more = self.output(branch, branch_names[position])
                if more is None:
                    return None
                _merge(found, more)
            return found
        if isinstance(expression, exp.Unnest | exp.Lateral):
            inner = self._lateral_scope(scope) if isinstance(expression, exp.Lateral) else None
            if inner is not None:
                return self.output(inner, name)
            return self.expression(scope, expression.this if isinstance(expression, exp.Lateral) else expression,
                                   at_least=TRANSFORMATION)
        if not isinstance(expression, exp.Select):
            return None
        projections = expression.selects
        explicit = [p for p in projections if self._star_sources(scope, p) is None]
        chosen = (next((p for p in explicit if p.alias_or_name == name), None)
                  or next((p for p in explicit if _same(p.alias_or_name, name)), None))
        if chosen is not None:
            return self.expression(scope, chosen.unalias() if isinstance(chosen, exp.Alias) else chosen)
        stars = [s for p in projections if (s := self._star_sources(scope, p)) is not None]
        candidates = [source for sources in stars for source in sources]
        source = self._which(candidates, name)
        return self.from_source(source, name) if source is not None else None

    def _which(self, candidates: list[Any], name: str) -> Any:
        """The one source among `candidates` that has column `name`: the only one, the only one known
        to have it, or the only one whose columns are unknown when none of the others has it."""
        if len(candidates) == 1:
            return candidates[0]
        having, unknown = [], []
        for source in candidates:
            names = self.columns_of(source)
            if names is None:
                unknown.append(source)
            elif any(_same(n, name) for n in names):
                having.append(source)
        if len(having) == 1 and not unknown:
            return having[0]
        if not having and len(unknown) == 1:
            return unknown[0]
        return None

    def from_source(self, source: Any, name: str) -> Origins | None:
        if isinstance(source, exp.Table):
            if self.real(source):
                return {(self.naming.key(source), self.naming.fold(exp.to_identifier(name))): IDENTITY}
            return None  # a table function's columns: traced by the scope reading it
        if isinstance(source, Scope):
            return self.output(source, name)
        return None

    def expression(self, scope: Scope, expression: exp.Expr, at_least: str = IDENTITY) -> Origins | None:
        """The origins of the columns `expression` reads in `scope`, with its own kind of transformation."""
        kind = max(_kind(expression), at_least, key=_RANK.__getitem__)
        found: Origins = {}
        for column in _own(expression, exp.Column):
            if isinstance(column.this, exp.Star):
                continue
            more = self.reference(scope, column)
            if more is None:
                return None
            _merge(found, more, kind)
        nested = {id(s.expression): s for s in scope.subquery_scopes}
        for node in _own(expression, exp.Query):
            if node is expression:
                continue
            query = node.this if isinstance(node, exp.Subquery) else node
            inner = nested.get(id(query))
            if inner is None or not isinstance(query, exp.Select) or len(query.selects) != 1:
                return None
            more = self.output(inner, query.selects[0].alias_or_name)
            if more is None:
                return None
            _merge(found, more, max(kind, TRANSFORMATION, key=_RANK.__getitem__))
        return found

    def reference(self, scope: Scope, column: exp.Column) -> Origins | None:
        """Where a column reference in `scope` comes from, through outer scopes for correlated ones."""
        qualifier, name = column.table, column.name
        current: Scope | None = scope
        while current is not None:
            if qualifier:
                source = self._qualified(current, qualifier)
                if source is not None:
                    return self.from_source(source, name)
            else:
                candidates = [source for _, source in current.selected_sources.values()]
                known_elsewhere = candidates and all(
                    (names := self.columns_of(c)) is not None and not any(_same(n, name) for n in names)
                    for c in candidates)
                if candidates and not known_elsewhere:
                    source = self._which(candidates, name)
                    return self.from_source(source, name) if source is not None else None
            current = current.parent
        return None

    @staticmethod
    def _qualified(scope: Scope, qualifier: str) -> Any:
        """The source `qualifier` names in `scope` (a LATERAL's alias is not among sqlglot's names for them)."""
        if qualifier in scope.selected_sources:
            return scope.selected_sources[qualifier][1]
        for node, source in scope.selected_sources.values():
            if isinstance(node, exp.Lateral | exp.Unnest) and qualifier in (node.alias, node.this.alias):
                return source  # LATERAL (...) AS x keeps its alias on either node
        found = scope.sources.get(qualifier)
        return found if isinstance(found, exp.Table) else None

    def indirect(self, root: Scope) -> dict[tuple[TableKey, str], set[str]]:
        """The input columns each scope filters, joins, groups or sorts on: (table, column) -> subtypes."""
        found: dict[tuple[TableKey, str], set[str]] = {}
        for scope in root.traverse():
            for node, subtype in _clauses(scope.expression):
                for key in self._read_by(scope, node):
                    found.setdefault(key, set()).add(subtype)
        return found

    def _read_by(self, scope: Scope, node: exp.Expr) -> Iterator[tuple[TableKey, str]]:
        """The input columns a clause of `scope` reads, in subqueries too (``EXISTS (...)``, ``IN (...)``)."""
        for column in _own(node, exp.Column):
            if not isinstance(column.this, exp.Star):
                yield from self.reference(scope, column) or {}
        for query in node.find_all(exp.Select):
            inner = next((s for s in scope.subquery_scopes if s.expression is query), None)
            if inner is not None:
                for projection in query.selects:
                    yield from self.expression(inner, projection.unalias()) or {}


def _clauses(expression: exp.Expr) -> Iterator[tuple[exp.Expr, str]]:
    """The clauses of a SELECT that decide which rows, in what order or groups: (clause, INDIRECT subtype)."""
    if not isinstance(expression, exp.Select):
        return
    for arg, subtype in _INDIRECT:
        if expression.args.get(arg) is not None:
            yield expression.args[arg], subtype
    for join in expression.args.get("joins") or []:
        if join.args.get("on") is not None:
            yield join.args["on"], "JOIN"
    for window in _own(expression, exp.Window):
        for part in [*(window.args.get("partition_by") or []), window.args.get("order")]:
            if part is not None:
                yield part, "WINDOW"


# --- a stage's lineage ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StageLineage:
    """What `stage_lineage` finds, before it becomes OpenLineage datasets (tests read it directly)."""

    inputs: tuple[TableKey, ...]
    output: TableKey
    columns: dict[str, Origins]  # output column -> its direct origins (traceable ones only)
    indirect: dict[tuple[TableKey, str], set[str]]


def _scratch_queries(compiled: CompiledStage, naming_: DatasetNaming) -> dict[TableKey, exp.Query]:
    """The tables the stage's own statements create (component steps, staging) -> the query filling each."""
    made: dict[TableKey, exp.Query] = {}
    for statement in compiled.statements:
        if isinstance(statement, exp.Create) and isinstance(statement.expression, exp.Query):
            table = statement.this.this if isinstance(statement.this, exp.Schema) else statement.this
            if isinstance(table, exp.Table):
                made[naming_.key(table)] = statement.expression
    made.pop(naming_.key(compiled.target), None)
    return made


def _inline(query: exp.Query, made: Mapping[TableKey, exp.Query], naming_: DatasetNaming,
            depth: int = 0) -> exp.Query:
    """`query` (a copy) reading the stage's own scratch tables as subqueries of the queries that fill them."""
    if depth > 20:
        raise RecursionError("scratch tables read each other in a cycle")

    def swap(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Table) and _Walk.real(node) and (key := naming_.key(node)) in made:
            inner = _inline(made[key], {k: v for k, v in made.items() if k != key}, naming_, depth + 1)
            alias = node.alias or node.name
            return exp.Subquery(this=inner, alias=exp.TableAlias(this=exp.to_identifier(alias)))
        return node

    result = query.copy().transform(swap, copy=False)
    assert isinstance(result, exp.Query)
    return result


def trace_stage(compiled: CompiledStage, naming_: DatasetNaming,
                input_schemas: Mapping[str, Sequence[str]] | None = None) -> StageLineage:
    """The tables `compiled` reads and, per output column, the input columns it is computed from."""
    schemas = {naming_.key(exp.to_table(name)): tuple(columns) for name, columns in (input_schemas or {}).items()}
    query = _inline(compiled.query, _scratch_queries(compiled, naming_), naming_)
    root = build_scope(query)
    if root is None:
        raise ValueError("the stage's query has no scope to walk")
    walk = _Walk(naming_, schemas)
    output = naming_.key(compiled.target)
    inputs = tuple(dict.fromkeys(
        naming_.key(source) for scope in root.traverse() for source in scope.sources.values()
        if isinstance(source, exp.Table) and _Walk.real(source) and naming_.key(source) != output))
    if compiled.columns is not None:
        names: Iterable[str] = [c.name for c in compiled.columns]
    else:
        names = walk.columns_of(root) or [p.alias_or_name for p in _select_of(query).selects
                                          if walk._star_sources(root, p) is None and p.alias_or_name]
    columns: dict[str, Origins] = {}
    for name in names:
        try:
            origins = walk.output(root, name)
        except Exception:  # one column the walk does not understand loses its lineage, not the others'
            log.debug("no lineage for column %s", name, exc_info=True)
            origins = None
        if origins:
            columns[name] = origins
    return StageLineage(inputs, output, columns, walk.indirect(root))


def _select_of(query: exp.Query) -> exp.Select:
    while isinstance(query, exp.SetOperation):
        query = query.this
    return query if isinstance(query, exp.Select) else exp.select()


def stage_lineage(compiled: CompiledStage, dialect: WarehouseDialect, naming_: DatasetNaming,
                  input_schemas: Mapping[str, Sequence[str]] | None = None) -> Any:
    """The `OperatorLineage` of a compiled stage: its input tables, its output table with a schema
    facet (when its columns are known) and a column-lineage facet. Pure: no I/O.

    `naming_` names the tables (see `naming`); its sqlglot dialect defaults to `dialect`'s.
    `input_schemas` (dotted table name -> column names), where known, expands ``*`` over several
    tables and gives the inputs a schema facet.
    """
    from airflow.providers.common.compat.openlineage.facet import (
        ColumnLineageDatasetFacet,
        Dataset,
        Fields,
        InputField,
        SchemaDatasetFacet,
        SchemaDatasetFacetFields,
    )
    from airflow.providers.openlineage.extractors import OperatorLineage
    from openlineage.client.generated.column_lineage_dataset import Transformation

    if naming_.sqlglot_dialect is None:
        naming_ = DatasetNaming(naming_.namespace, naming_.database, naming_.schema, dialect.sqlglot_dialect)
    traced = trace_stage(compiled, naming_, input_schemas)
    namespace = naming_.namespace
    known = {naming_.key(exp.to_table(n)): tuple(c) for n, c in (input_schemas or {}).items()}

    def dataset(key: TableKey, facets: dict[str, Any]) -> Any:
        return Dataset(namespace=namespace, name=naming_.name(key), facets=facets)

    inputs = [dataset(key, {"schema": SchemaDatasetFacet(fields=[SchemaDatasetFacetFields(name=c) for c in known[key]])}
                      if key in known else {}) for key in traced.inputs]
    fields = {}
    for column, origins in traced.columns.items():
        subtypes = set(origins.values())
        fields[column] = Fields(
            inputFields=[InputField(namespace=namespace, name=naming_.name(table), field=name,
                                    transformations=[Transformation(type="DIRECT", subtype=subtype, masking=False)])
                         for (table, name), subtype in sorted(origins.items())],
            transformationType="IDENTITY" if subtypes == {IDENTITY} else "TRANSFORMATION",
            transformationDescription="")
    indirect = [InputField(namespace=namespace, name=naming_.name(table), field=name,
                           transformations=[Transformation(type="INDIRECT", subtype=s, masking=False)
                                            for s in sorted(subtypes)])
                for (table, name), subtypes in sorted(traced.indirect.items())]
    facets: dict[str, Any] = {}
    if compiled.columns is not None:
        facets["schema"] = SchemaDatasetFacet(fields=[
            SchemaDatasetFacetFields(name=c.name, type=None if c.type == "unknown" else c.type)
            for c in compiled.columns])
    if fields or indirect:
        facets["columnLineage"] = ColumnLineageDatasetFacet(fields=fields, dataset=indirect)
    return OperatorLineage(inputs=inputs, outputs=[dataset(traced.output, facets)])


def safe_stage_lineage(compiled: CompiledStage | None, dialect: WarehouseDialect, naming_: DatasetNaming,
                       input_schemas: Mapping[str, Sequence[str]] | None = None) -> Any:
    """`stage_lineage`, or an empty `OperatorLineage` and a warning if anything goes wrong: lineage never
    fails a task."""
    from airflow.providers.openlineage.extractors import OperatorLineage

    try:
        if compiled is None:
            return OperatorLineage()
        return stage_lineage(compiled, dialect, naming_, input_schemas)
    except Exception:
        log.warning("wareflow: could not derive the OpenLineage lineage of stage %s",
                    getattr(getattr(compiled, "stage", None), "id", "?"), exc_info=True)
        return OperatorLineage()


def operator_lineage(task: Any) -> Any:
    """The lineage of the stage a `WareflowOperator` ran (its `_compiled`), named after its connection;
    an empty `OperatorLineage` (and a warning) when there is none or anything goes wrong."""
    from airflow.providers.openlineage.extractors import OperatorLineage

    try:
        compiled = getattr(task, "_compiled", None)
        if compiled is None:
            return OperatorLineage()
        from airflow.sdk import BaseHook

        conn = BaseHook.get_connection(task.conn_id)
        dialect = task._dialect()
        schemas = _declared_schemas(task)
        return safe_stage_lineage(compiled, dialect, naming(conn.conn_type or dialect.name, conn), schemas)
    except Exception:
        log.warning("wareflow: could not derive the OpenLineage lineage of task %s",
                    getattr(task, "task_id", "?"), exc_info=True)
        return OperatorLineage()


def _declared_schemas(task: Any) -> dict[str, tuple[str, ...]]:
    """The source schemas the workflow declares, by the table each source reads (after the table map)."""
    from wareflow.compile.compiler import map_table

    found: dict[str, tuple[str, ...]] = {}
    try:
        plan = task.plan
        for node_id, component in plan.workflow.components.items():
            declared = plan.workflow.workflow.node(node_id).schema
            if declared and plan.workflow.is_source(node_id) and hasattr(component, "table_parts"):
                parts = map_table(component.table_parts(), plan.table_map)
                found[".".join(parts)] = tuple(c.name for c in declared)
    except Exception:  # they only complete what the SQL says
        log.debug("no declared source schemas", exc_info=True)
    return found

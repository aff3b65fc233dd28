"""Azure Synapse Analytics dedicated SQL pools (T-SQL; relational components only).

Dedicated pools have no geometry/geography column types, so spatial components fail to
compile with WF302 naming the dialects that can run them.
Docs: https://learn.microsoft.com/en-us/azure/synapse-analytics/sql-data-warehouse/
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from wareflow.sql.dialects.base import Driver, ErrorKind, WarehouseDialect, raised_as, staging_name
from wareflow.sql.relation import ident

NO_SPATIAL = "Synapse dedicated SQL pools have no geometry or geography types"


class SynapseDriver(Driver):
    """How Synapse's driver behaves: connecting, session state, cancelling, rows written, errors."""

    conn_types = ("mssql",)
    hook = "airflow.providers.microsoft.mssql.hooks.mssql.MsSqlHook"

    # pymssql cannot cancel: KILL the request's session from a second connection.
    # https://learn.microsoft.com/sql/t-sql/functions/session-id-transact-sql
    session_id_query = "SELECT SESSION_ID()"

    def cancel_session(self, session_id: Any) -> exp.Expr | None:
        return exp.Command(this="KILL", expression=exp.Literal.string(str(session_id)).sql("tsql"))

    # No statement timeout: T-SQL has none per session (only LOCK_TIMEOUT), pymssql's `query_timeout` is
    # process-wide (FreeTDS dbsettime) and only stops the client waiting, and this driver cannot cancel its
    # own connection. A dedicated pool's workload group has `query_execution_timeout_sec`, set by an
    # administrator: https://learn.microsoft.com/sql/t-sql/statements/create-workload-group-transact-sql

    def error_kind(self, exc: BaseException) -> ErrorKind:
        # pymssql raises with the SQL Server error number first in args (`number` on _mssql's own).
        number = getattr(exc, "number", None)
        if number is None and exc.args and isinstance(exc.args[0], int):
            number = exc.args[0]
        if not raised_as(exc, "pymssql") or not isinstance(number, int):
            return super().error_kind(exc)
        if number == 208:  # invalid object name
            return "missing_table"
        if number in _MSSQL_TRANSIENT:
            return "transient"
        return "terminal"  # 18456 login failed, 229 permission denied, 102 syntax, 207 invalid column ...


# Microsoft's transient faults (https://learn.microsoft.com/azure/azure-sql/database/troubleshoot-common-errors-issues),
# deadlock victim (1205), lock timeout (1222), and FreeTDS's lost or refused connection and timeout (DB-Lib
# 20003 timeout, 20004/20006 read/write failed, 20009 unable to connect, 20017 unexpected EOF, 20047 dead).


class Synapse(SynapseDriver, WarehouseDialect):
    """Azure Synapse dedicated SQL pool (T-SQL, no spatial types)."""

    name = "synapse"
    title = "Azure Synapse"
    sqlglot_dialect = "tsql"
    publish_form = "CTAS + `RENAME OBJECT` (readers may miss the table for an instant)"
    transactional_ddl = False  # CTAS cannot run inside a user transaction in dedicated pools
    orders_saved_tables = False  # T-SQL rejects ORDER BY in the derived table that fills a table
    boolean_values = False  # T-SQL has no BOOLEAN values
    bit_shifts = False  # no << and >> in dedicated pools: powers of two instead
    ledger_primary_key = False  # dedicated pools only have NOT ENFORCED keys
    functions = {}
    unsupported = {c: NO_SPATIAL for c in ("native.buffer", "native.spatialfilter", "native.spatialjoin",
                                           "native.tablefromgeojson")}
    types = {**WarehouseDialect.types, "string": "NVARCHAR(4000)", "key": "NVARCHAR(255)", "number": "FLOAT",
             "boolean": "BIT", "timestamp": "DATETIME2"}

    # T-SQL has no array type: arrays travel as JSON text, and OPENJSON gives one row per element.
    unnest_join = "CROSS APPLY OPENJSON(:array) AS _wf_unnest"
    unnest_element = "_wf_unnest.value"

    def publish(self, target: exp.Table, query: exp.Query, *, intermediate: bool = False,
                token: str = "") -> list[exp.Expr]:
        # Microsoft's pattern for dedicated pools: CTAS a new table, then RENAME OBJECT it into place.
        staging = staging_name(target, token)
        return [
            self.drop(staging),
            self.create_table_as(staging, query, intermediate=intermediate),
            self.drop(target),
            exp.Command(this="RENAME", expression=f"OBJECT {staging.sql('tsql')} TO {ident(target.name).sql('tsql')}"),
        ]

    def unless_exists(self, create: exp.Create) -> exp.Expr:
        # No CREATE TABLE IF NOT EXISTS in T-SQL: guard with OBJECT_ID (sqlglot's IfBlock drops the END).
        table = create.this.this if isinstance(create.this, exp.Schema) else create.this
        name = exp.Literal.string(table.sql("tsql")).sql("tsql")
        return exp.Command(this="IF", expression=f"OBJECT_ID(N{name}) IS NULL {create.sql('tsql')}")

    def describe(self, table: exp.Table) -> exp.Query:
        schema = exp.Literal.string(table.db) if table.db else exp.func("SCHEMA_NAME")
        where = exp.and_(exp.EQ(this=exp.column("TABLE_NAME"), expression=exp.Literal.string(table.name)),
                         exp.EQ(this=exp.column("TABLE_SCHEMA"), expression=schema))
        return (exp.select("COLUMN_NAME", "DATA_TYPE").from_("INFORMATION_SCHEMA.COLUMNS").where(where)
                .order_by("ORDINAL_POSITION"))
_MSSQL_TRANSIENT = frozenset({26, 40, 64, 233, 615, 926, 1205, 1222, 4060, 4221, 10053, 10054, 10060, 10928, 10929,
                              40143, 40197, 40501, 40540, 40613, 42108, 42109, 49918, 49919, 49920, 20003, 20004,
                              20006, 20009, 20017, 20047})

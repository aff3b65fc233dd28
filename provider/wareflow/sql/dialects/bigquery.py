"""Google BigQuery (GEOGRAPHY on the WGS84 spheroid; metres natively).

Docs: https://cloud.google.com/bigquery/docs/reference/standard-sql/geography_functions
Statements run as GoogleSQL query jobs through ``BigQueryHook`` (the driver adapter beside it, ``bigquery_jobs``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from sqlglot import exp

from wareflow.errors import Issue, TerminalWarehouseError
from wareflow.sql import ops
from wareflow.sql.dialects.base import (
    Driver,
    ErrorKind,
    Guard,
    JobKey,
    JobState,
    Template,
    WarehouseDialect,
    call,
    raised_as,
    union_all,
)

# BigQuery has no H3 of its own: CARTO's open Analytics Toolbox functions are called where they are
# deployed, `carto-un.carto` (CARTO's public US location) unless the connection says otherwise
# (`analytics_toolbox`, see `BigQuery.configure`). https://docs.carto.com/analytics-toolbox-bigquery
TOOLBOX = "carto-un.carto"
_TOOLBOX_NAME = re.compile(r"(?:[a-z][a-z0-9-]{4,28}[a-z0-9]\.)?[A-Za-z_][A-Za-z0-9_]{0,1023}")


def toolbox_functions(location: str) -> dict[ops.Operation, Template]:
    """The H3 operations as calls of the Analytics Toolbox deployed at `location` (project.dataset)."""
    prefix = ".".join(f"`{part}`" for part in location.split("."))
    polyfill = prefix + ".H3_POLYFILL_MODE(:geo, :resolution, '{mode}')"
    return {
        ops.H3_FROM_POINT: Template(f"{prefix}.H3_FROMGEOGPOINT(:geo, :resolution)"),
        ops.H3_POLYFILL: Template(polyfill.format(mode="center")),
        ops.H3_POLYFILL_INTERSECTS: Template(polyfill.format(mode="intersects")),
        ops.H3_POLYFILL_CONTAINS: Template(polyfill.format(mode="contains")),
        ops.H3_BOUNDARY: Template(f"{prefix}.H3_BOUNDARY(:cell)"),
        ops.H3_CENTER: Template(f"{prefix}.H3_CENTER(:cell)"),
        ops.H3_KRING: Template(f"{prefix}.H3_KRING(:cell, :size)"),
        ops.H3_DISTANCE: Template(f"{prefix}.H3_DISTANCE(:a, :b)"),
        ops.H3_TOPARENT: Template(f"{prefix}.H3_TOPARENT(:cell, :resolution)"),
        ops.H3_TOCHILDREN: Template(f"{prefix}.H3_TOCHILDREN(:cell, :resolution)"),
    }


class BigQueryDriver(Driver):
    """How BigQuery's driver behaves: connecting, session state, cancelling, rows written, errors."""

    conn_types = ("gcpbigquery", "google_cloud_platform")
    hook = "airflow.providers.google.cloud.hooks.bigquery.BigQueryHook"

    def hook_arguments(self, tags: Mapping[str, str]) -> dict[str, Any]:
        return {"use_legacy_sql": False}  # the hook defaults to legacy SQL

    def connect(self, hook: Any, tags: Mapping[str, str]) -> Any:
        from wareflow.sql.dialects.bigquery_jobs import BigQueryJobs

        return BigQueryJobs(hook, tags)

    def statement_id(self, cursor: Any) -> str | None:
        return getattr(cursor, "job_id", None)

    def cancel(self, conn: Any) -> bool:
        return bool(conn.cancel())

    # Jobs found again on retry: by the id recorded in the task state store, else by their deterministic id
    # (`BigQueryJobs.job_base`); a transaction is one script job, so it resumes as a whole.
    # https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/get (status.state, status.errorResult)
    resumes_jobs = True
    transaction_is_one_job = True

    def can_resume(self, conn: Any, stored: bool) -> bool:
        return stored or conn.job_base(JobKey("", 0, "")) is not None  # the dag, task and run are known

    def find_job(self, conn: Any, key: JobKey, recorded: str | None) -> Any:
        if recorded and (job := conn.get_job(recorded)) is not None:
            return job
        base = conn.job_base(key)
        return conn.latest_job(base) if base else None

    def job_state(self, conn: Any, job: Any) -> JobState:
        if job.state != "DONE":  # PENDING, RUNNING
            return "running"
        return "failed" if job.error_result else "succeeded"

    def job_name(self, job: Any) -> str:
        return str(job.job_id)

    def submit(self, cursor: Any, sql: str, key: JobKey, record: Callable[[str], None]) -> None:
        cursor.execute(sql, job_id=cursor.conn.free_job_id(key), on_submit=record)

    def start(self, cursor: Any, sql: str, key: JobKey, record: Callable[[str], None]) -> str:
        cursor.execute(sql, job_id=cursor.conn.free_job_id(key), on_submit=record, wait=False)
        return str(cursor.job_id)

    def attach(self, cursor: Any, job: Any) -> None:
        cursor.adopt(job)

    def skip(self, cursor: Any, job: Any) -> None:
        cursor.adopt(job, wait=False)  # its rows and bytes from the job's statistics; nothing is fetched

    # Cost guards live in each job's configuration (`BigQueryJobs.run`), not in session state:
    # https://cloud.google.com/bigquery/docs/reference/rest/v2/Job#JobConfiguration (jobTimeoutMs) and
    # #JobConfigurationQuery (maximumBytesBilled: a job that would bill more fails before it bills anything).
    def statement_timeout(self, conn: Any, seconds: int | None) -> bool:
        conn.job_timeout_ms = None if seconds is None else int(seconds) * 1000
        return True

    def max_bytes_billed(self, conn: Any, limit: int | None) -> bool:
        conn.maximum_bytes_billed = limit
        return True

    def estimate_bytes(self, conn: Any, statements: Sequence[str]) -> int | None:
        # One dry run of the stage as one script: a later statement may read what an earlier one creates.
        # https://cloud.google.com/bigquery/docs/multi-statement-queries#dry_run_a_multi-statement_query
        return conn.dry_run(";\n".join(s.strip().rstrip(";") for s in statements))

    def bytes_processed(self, cursor: Any) -> int | None:
        count = getattr(cursor, "bytes_processed", None)
        return count if isinstance(count, int) else None

    def exceeded(self, exc: BaseException) -> Guard | None:
        # The job error's `reason`: https://cloud.google.com/bigquery/docs/error-messages
        reasons = {e.get("reason") for e in getattr(exc, "errors", None) or () if isinstance(e, dict)}
        if "bytesBilledLimitExceeded" in reasons:
            return "max_bytes_billed"
        if "timeout" in reasons:  # ran past jobTimeoutMs
            return "statement_timeout"
        return None

    def error_kind(self, exc: BaseException) -> ErrorKind:
        # google.api_core exceptions by HTTP status, and the job error's `reason`:
        # https://cloud.google.com/bigquery/docs/error-messages
        reasons = {e.get("reason") for e in getattr(exc, "errors", None) or () if isinstance(e, dict)}
        if reasons & _BIGQUERY_RETRY_REASONS:
            return "transient"
        if raised_as(exc, "google.api_core", "NotFound"):  # table, dataset or project
            return "missing_table"
        if raised_as(exc, "google.api_core", "TooManyRequests", "InternalServerError", "BadGateway",
                     "ServiceUnavailable", "GatewayTimeout", "DeadlineExceeded", "RetryError", "Aborted"):
            return "transient"
        if raised_as(exc, "google.auth", "TransportError"):  # could not reach the token endpoint
            return "transient"
        if raised_as(exc, "google.api_core") or raised_as(exc, "google.auth"):  # BadRequest, Forbidden ...
            return "terminal"
        return super().error_kind(exc)


class BigQuery(BigQueryDriver, WarehouseDialect):
    """BigQuery (GEOGRAPHY, metres on the spheroid)."""

    name = "bigquery"
    title = "BigQuery"
    sqlglot_dialect = "bigquery"
    publish_form = "`CREATE OR REPLACE TABLE` (atomic)"
    transactional_ddl = False  # CREATE OR REPLACE TABLE is atomic by itself
    groups_geography = False  # GROUP BY a GEOGRAPHY is an error: group by its WKB
    ledger_primary_key = False  # keys are not enforced
    functions = {
        **WarehouseDialect.functions,
        ops.POINT: call("ST_GEOGPOINT", "lon", "lat"),
        ops.FROM_WKT: call("ST_GEOGFROMTEXT", "wkt"),
        ops.FROM_GEOJSON: call("ST_GEOGFROMGEOJSON", "geojson"),
        ops.AS_BINARY: call("ST_ASBINARY", "geo"),
        ops.BUFFER: call("ST_BUFFER", "geo", "meters"),  # metres on the spheroid
        ops.AREA: call("ST_AREA", "geo"),  # m², on the sphere (edges are geodesics)
        ops.LENGTH: call("ST_LENGTH", "geo"),  # m
        ops.INTERSECTION: call("ST_INTERSECTION", "a", "b"),
        ops.UNION_AGG: call("ST_UNION_AGG", "geo"),
        ops.CENTROID_AGG: call("ST_CENTROID_AGG", "geo"),
        ops.CONVEXHULL_AGG: Template("ST_CONVEXHULL(ST_UNION_AGG(:geo))"),
        ops.XMIN: Template("ST_BOUNDINGBOX(:geo).xmin"),
        ops.YMIN: Template("ST_BOUNDINGBOX(:geo).ymin"),
        ops.XMAX: Template("ST_BOUNDINGBOX(:geo).xmax"),
        ops.YMAX: Template("ST_BOUNDINGBOX(:geo).ymax"),
        ops.ENVELOPE: Template(
            "ST_MAKEPOLYGON(ST_MAKELINE([ST_GEOGPOINT(:xmin, :ymin), ST_GEOGPOINT(:xmax, :ymin), "
            "ST_GEOGPOINT(:xmax, :ymax), ST_GEOGPOINT(:xmin, :ymax)]))"),
        ops.INT_RANGE: call("GENERATE_ARRAY", "low", "high"),
        **toolbox_functions(TOOLBOX),
    }
    types = {**WarehouseDialect.types, "string": "STRING", "key": "STRING", "number": "FLOAT64",
             "integer": "INT64", "boolean": "BOOL", "geography": "GEOGRAPHY"}
    intermediate_days: ClassVar[int] = 7  # intermediates expire by themselves even if never dropped
    unnest_join = "CROSS JOIN UNNEST(:array) AS _wf_cell"
    unnest_element = "_wf_cell"

    def configure(self, extra: Mapping[str, Any]) -> WarehouseDialect:
        """Connection extra ``analytics_toolbox`` (``project.dataset``, or a dataset of the connection's
        project) names where the H3 functions are called; CARTO's public `carto-un.carto` otherwise."""
        location = extra.get("analytics_toolbox")
        if location in (None, "", TOOLBOX):
            return self
        if not isinstance(location, str) or not _TOOLBOX_NAME.fullmatch(location):
            raise TerminalWarehouseError(Issue(
                "WF404", f"BigQuery connection extra 'analytics_toolbox' must be project.dataset, got {location!r:.80}",
                hint="e.g. {\"analytics_toolbox\": \"carto-un-eu.carto\"}"))
        configured = type(self.__class__.__name__, (self.__class__,),
                          {"functions": {**self.functions, **toolbox_functions(location)}})
        return configured()  # type: ignore[no-any-return]

    def create_table_as(self, target: exp.Table, query: exp.Query, *, intermediate: bool) -> exp.Create:
        props = None
        if intermediate:
            expires = exp.func("TIMESTAMP_ADD", exp.CurrentTimestamp(),
                               exp.Interval(this=exp.Literal.number(self.intermediate_days), unit=exp.var("DAY")))
            props = exp.Properties(expressions=[exp.Property(this=exp.var("expiration_timestamp"), value=expires)])
        return exp.Create(this=target.copy(), kind="TABLE", expression=query, replace=True, properties=props)

    def publish(self, target: exp.Table, query: exp.Query, *, intermediate: bool = False,
                token: str = "") -> list[exp.Expr]:
        return [self.create_table_as(target, query, intermediate=intermediate)]

    def describe(self, table: exp.Table) -> exp.Query:
        columns = exp.Table(this=exp.to_identifier("COLUMNS"), db=exp.to_identifier("INFORMATION_SCHEMA"))
        if table.db:  # `project.dataset`.INFORMATION_SCHEMA.COLUMNS
            dataset = f"{table.catalog}.{table.db}" if table.catalog else table.db
            columns = exp.Table(this=exp.to_identifier("COLUMNS"), db=exp.to_identifier("INFORMATION_SCHEMA"),
                                catalog=exp.to_identifier(dataset, quoted=True))
        return (exp.select("column_name", "data_type").from_(columns)
                .where(exp.EQ(this=exp.column("table_name"), expression=exp.Literal.string(table.name)))
                .order_by("ordinal_position"))

    # Reused intermediates: ages on the warehouse's clock, and the sources' last change from each dataset's
    # __TABLES__ (last_modified_time: epoch ms; type 1 = a table: a view's time is its definition's).
    # https://cloud.google.com/bigquery/docs/dataset-metadata#__tables__
    epoch_seconds = Template("UNIX_MICROS(:ts) / 1000000")

    def last_modified(self, tables: Sequence[exp.Table]) -> exp.Query | None:
        datasets: dict[tuple[str, str], list[str]] = {}
        for table in tables:  # an unqualified name has no dataset to ask: the TTL alone covers it
            if table.db:
                datasets.setdefault((table.catalog, table.db), []).append(table.name)
        queries = [exp.select(exp.alias_(exp.column("dataset_id"), "table_schema"),
                              exp.alias_(exp.column("table_id"), "table_name"),
                              exp.alias_(exp.Div(this=exp.column("last_modified_time"),
                                                 expression=exp.Literal.number(1000)), "modified_s"))
                   .from_(exp.Table(this=exp.to_identifier("__TABLES__"), db=exp.to_identifier(db),
                                    catalog=exp.to_identifier(catalog) if catalog else None))
                   .where(exp.and_(exp.EQ(this=exp.column("type"), expression=exp.Literal.number(1)),
                                   exp.column("table_id").isin(*(exp.Literal.string(n) for n in names))))
                   for (catalog, db), names in datasets.items()]
        return union_all(queries)


# Job error reasons worth a retry, whatever the HTTP status (rateLimitExceeded comes as a 403).
_BIGQUERY_RETRY_REASONS = frozenset({"backendError", "internalError", "rateLimitExceeded", "jobBackendError",
                                     "jobInternalError", "jobRateLimitExceeded"})

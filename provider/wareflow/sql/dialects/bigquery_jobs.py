"""BigQuery's driver adapter, the dialect's own: through ``BigQueryHook`` each statement is a GoogleSQL query job.

The hook's own DB-API cursor neither reports bytes processed nor cancels, and a BigQuery
transaction must live inside one script; this adapter gives `Session` the DB-API shape it
expects while doing both: job labels carry the workflow, stage and run; the log shows each job
id and the bytes it processed; ``BEGIN TRANSACTION`` ... ``COMMIT TRANSACTION`` become one script job.
Cost guards (`job_timeout_ms`, `maximum_bytes_billed`) go into every job's configuration; `dry_run`
asks what a query would process without running it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

log = logging.getLogger("wareflow")
_BEGIN = re.compile(r"^\s*BEGIN(\s+TRANSACTION)?\s*;?\s*$", re.IGNORECASE)
_COMMIT = re.compile(r"^\s*COMMIT(\s+TRANSACTION)?\s*;?\s*$", re.IGNORECASE)


def labels(tags: Mapping[str, str]) -> dict[str, str]:
    """BigQuery label rules: lower-case keys and values of ``[a-z0-9_-]``, at most 63 characters."""

    def clean(text: str) -> str:
        return re.sub(r"[^a-z0-9_-]+", "_", text.lower())[:63]

    return {clean(k): clean(v) for k, v in tags.items() if clean(k)}


class BigQueryJobs:
    """A DB-API-shaped connection running query jobs through a ``BigQueryHook``."""

    def __init__(self, hook: Any, tags: Mapping[str, str], location: str | None = None):
        self.hook = hook
        self.labels = labels(tags)
        self.location = location or getattr(hook, "location", None)
        self.running: Any = None  # the job in flight, for cancel()
        self.script: list[str] | None = None  # statements of an open transaction
        self.job_timeout_ms: int | None = None  # cost guards of every job (see `Session`'s limits)
        self.maximum_bytes_billed: int | None = None

    def cursor(self) -> JobCursor:
        return JobCursor(self)

    def commit(self) -> None:
        """Each job commits by itself; transactions are scripts (see JobCursor.execute)."""

    def rollback(self) -> None:
        self.script = None

    def close(self) -> None:
        self.script = None

    def cancel(self) -> bool:
        job = self.running
        if job is None:
            return False
        self.hook.cancel_job(job_id=job.job_id, project_id=job.project, location=job.location)
        return True

    def configuration(self, sql: str, *, dry_run: bool = False) -> dict[str, Any]:
        """A query job's configuration (REST form): the labels and the cost guards set on this connection."""
        query: dict[str, Any] = {"query": sql, "useLegacySql": False}
        config: dict[str, Any] = {"query": query, "labels": self.labels}
        if self.maximum_bytes_billed is not None:
            query["maximumBytesBilled"] = str(self.maximum_bytes_billed)  # int64 travels as a string
        if self.job_timeout_ms is not None:
            config["jobTimeoutMs"] = str(self.job_timeout_ms)
        if dry_run:
            config["dryRun"] = True
        return config

    def dry_run(self, sql: str) -> int | None:
        """Bytes `sql` would process, as BigQuery estimates it without running anything (billed nothing)."""
        job = self.hook.insert_job(configuration=self.configuration(sql, dry_run=True), location=self.location,
                                   nowait=True)  # a dry run answers at once: there is nothing to wait for
        count = getattr(job, "total_bytes_processed", None)
        return count if isinstance(count, int) else None

    def run(self, sql: str) -> Any:
        job = self.hook.insert_job(configuration=self.configuration(sql), location=self.location, nowait=True)
        self.running = job
        try:
            job.result()  # waits; raises the job's error
        finally:
            self.running = None
        log.info("BigQuery job %s processed %s bytes", job.job_id, getattr(job, "total_bytes_processed", None))
        return job


class JobCursor:
    def __init__(self, conn: BigQueryJobs):
        self.conn = conn
        self.job: Any = None
        self.rowcount = -1
        self._rows: list[tuple[Any, ...]] = []

    @property
    def job_id(self) -> str | None:
        return getattr(self.job, "job_id", None)

    @property
    def bytes_processed(self) -> int | None:
        return getattr(self.job, "total_bytes_processed", None)

    def execute(self, sql: str) -> None:
        if _BEGIN.match(sql):
            self.job = None  # no job of its own: its id and bytes come with the script's at COMMIT
            self.conn.script = []
            return
        if self.conn.script is not None and not _COMMIT.match(sql):
            self.job = None
            self.conn.script.append(sql.rstrip().rstrip(";"))
            return
        if self.conn.script is not None:  # COMMIT: the whole transaction is one script job
            body = ";\n".join(self.conn.script)
            self.conn.script = None
            sql = f"BEGIN TRANSACTION;\n{body};\nCOMMIT TRANSACTION"
        self.job = self.conn.run(sql)
        affected = getattr(self.job, "num_dml_affected_rows", None)
        self.rowcount = affected if isinstance(affected, int) else -1
        self._rows = []
        if getattr(self.job, "statement_type", None) == "SELECT":
            self._rows = [tuple(row.values()) for row in self.job.result()]

    def fetchall(self) -> list[tuple[Any, ...]]:
        rows, self._rows = self._rows, []
        return rows

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows.pop(0) if self._rows else None

    def close(self) -> None:
        self._rows = []

"""BigQuery's driver adapter, the dialect's own: through ``BigQueryHook`` each statement is a GoogleSQL query job.

The hook's own DB-API cursor neither reports bytes processed nor cancels, and a BigQuery
transaction must live inside one script; this adapter gives `Session` the DB-API shape it
expects while doing both: job labels carry the workflow, stage and run; the log shows each job
id and the bytes it processed; ``BEGIN TRANSACTION`` ... ``COMMIT TRANSACTION`` become one script job.
Cost guards (`job_timeout_ms`, `maximum_bytes_billed`) go into every job's configuration; `dry_run`
asks what a query would process without running it.

Jobs are found again on retry (`wareflow.warehouses.resume`): with the dag, task and run known, each
statement's job id is deterministic, ``wareflow_<sha256 of dag, task, run, stage, statement index,
generation and SQL>_<attempt>``, the same in every try and process. BigQuery keeps a job id for the
job's lifetime, so a failed job's id cannot be used again: a resubmission takes the first attempt
number not yet used (found by ``jobs.get``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

from wareflow.sql.dialects.base import JobKey, raised_as

log = logging.getLogger("wareflow")
_BEGIN = re.compile(r"^\s*BEGIN(\s+TRANSACTION)?\s*;?\s*$", re.IGNORECASE)
_COMMIT = re.compile(r"^\s*COMMIT(\s+TRANSACTION)?\s*;?\s*$", re.IGNORECASE)
MAX_ATTEMPTS = 50  # ids probed per statement; past them a job gets a random id (found through the store only)


def labels(tags: Mapping[str, str]) -> dict[str, str]:
    """BigQuery label rules: lower-case keys and values of ``[a-z0-9_-]``, at most 63 characters."""

    def clean(text: str) -> str:
        return re.sub(r"[^a-z0-9_-]+", "_", text.lower())[:63]

    return {clean(k): clean(v) for k, v in tags.items() if clean(k)}


class BigQueryJobs:
    """A DB-API-shaped connection running query jobs through a ``BigQueryHook``."""

    def __init__(self, hook: Any, tags: Mapping[str, str], location: str | None = None):
        self.hook = hook
        self.tags = dict(tags)
        self.labels = labels(tags)
        self.location = location or getattr(hook, "location", None)
        self.running: Any = None  # the job in flight, for cancel()
        self.script: list[str] | None = None  # statements of an open transaction
        self.job_timeout_ms: int | None = None  # cost guards of every job (see `Session`'s limits)
        self.maximum_bytes_billed: int | None = None
        self._free: dict[str, int | None] = {}  # first unused attempt of each deterministic id, once probed

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

    def run(self, sql: str, job_id: str | None = None, on_submit: Callable[[str], None] | None = None,
            wait: bool = True) -> Any:
        """Run `sql` as a query job (id `job_id`, else the hook's), `on_submit` told its id before waiting
        (`wait`: for it to end; else it is returned running)."""
        try:
            job = self.hook.insert_job(configuration=self.configuration(sql), job_id=job_id, location=self.location,
                                       nowait=True)
        except Exception as exc:
            # jobs.insert retried after a lost answer: the job was created the first time; wait for it
            if job_id is None or not raised_as(exc, "google.api_core", "Conflict"):
                raise
            job = self.get_job(job_id)
            if job is None:
                raise
        if on_submit is not None:
            on_submit(job.job_id)
        return self.wait(job) if wait else job

    def wait(self, job: Any) -> Any:
        """Wait for `job` (cancelled on kill while it runs); raises its error."""
        self.running = job
        try:
            job.result()
        finally:
            self.running = None
        log.info("BigQuery job %s processed %s bytes", job.job_id, getattr(job, "total_bytes_processed", None))
        return job

    # --- finding jobs again on retry --------------------------------------------------------------------
    def job_base(self, key: JobKey) -> str | None:
        """The deterministic id of `key`'s statement, before its attempt suffix; None unless the dag, task
        and run are known (the command line's runs are not told apart: their jobs get random ids)."""
        who = [self.tags.get(name) or "" for name in ("dag", "task", "run")]
        if not all(who):
            return None
        material = json.dumps([*who, self.tags.get("map_index", ""), key.stage, key.index, key.generation, key.sql])
        return "wareflow_" + hashlib.sha256(material.encode()).hexdigest()[:40]

    def get_job(self, job_id: str) -> Any:
        """The job `job_id` (in this connection's location), or None where there is none."""
        try:
            return self.hook.get_job(job_id=job_id, location=self.location)
        except Exception as exc:
            if raised_as(exc, "google.api_core", "NotFound"):
                return None
            raise

    def latest_job(self, base: str) -> Any:
        """The job of the highest attempt of `base` submitted so far, or None; remembers the next free one."""
        found = None
        for attempt in range(MAX_ATTEMPTS):
            job = self.get_job(f"{base}_{attempt}")
            if job is None:
                self._free[base] = attempt
                return found
            found = job
        self._free[base] = None
        return found

    def free_job_id(self, key: JobKey) -> str | None:
        """The id the next submission of `key`'s statement takes (None: a random one)."""
        base = self.job_base(key)
        if base is None:
            return None
        if base not in self._free:
            self.latest_job(base)
        attempt = self._free[base]
        if attempt is None:
            log.warning("every deterministic id of %s is taken: the job gets a random id", base)
            return None
        self._free[base] = attempt + 1
        return f"{base}_{attempt}"


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

    def execute(self, sql: str, job_id: str | None = None, on_submit: Callable[[str], None] | None = None,
                wait: bool = True) -> None:
        """Run `sql` as a job, or gather it into the open transaction's script; `wait=False`: submit the job
        and leave it running (nothing is reported until it is adopted)."""
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
        self.job = self.conn.run(sql, job_id=job_id, on_submit=on_submit, wait=wait)
        if wait:
            self._report()

    def adopt(self, job: Any, wait: bool = True) -> None:
        """Report `job`, submitted by an earlier try, as if just run here (`wait`: for it to end; else it has
        succeeded); a transaction being gathered is dropped: the job ran it."""
        self.conn.script = None
        self.job = self.conn.wait(job) if wait else job
        self._report(fetch=wait)

    def _report(self, fetch: bool = True) -> None:
        affected = getattr(self.job, "num_dml_affected_rows", None)
        self.rowcount = affected if isinstance(affected, int) else -1
        self._rows = []
        if fetch and getattr(self.job, "statement_type", None) == "SELECT":
            self._rows = [tuple(row.values()) for row in self.job.result()]

    def fetchall(self) -> list[tuple[Any, ...]]:
        rows, self._rows = self._rows, []
        return rows

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows.pop(0) if self._rows else None

    def close(self) -> None:
        self._rows = []

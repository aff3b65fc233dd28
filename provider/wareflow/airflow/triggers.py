"""The trigger a deferrable stage waits on: one warehouse job, polled from Airflow's triggerer.

A deferrable `WareflowOperator` submits a statement's job and defers (see `Session.run`'s ``defer``);
this trigger asks the warehouse what the job is now, every ``poll_interval`` seconds, on a connection
made for that question alone (through the connection's provider hook, in a thread: drivers block) and
closed right after it. It fires once: ``{"status": "succeeded"}``, ``{"status": "failed"}`` (the job's
own error is raised by the task when it resumes, classified as any other), or ``{"status": "error"}``
when the job's state could not be read (``transient``: whether a retry may read it). Its arguments are
plain values, so it serialises as Airflow stores triggers.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from airflow.triggers.base import BaseTrigger, TriggerEvent

POLL_INTERVAL_S = 10.0
MAX_POLL_ERRORS = 3  # transient failures to read the job's state in a row before the trigger gives up


class WareflowJobTrigger(BaseTrigger):
    """Fires when the job `job_id` (statement `index` of stage `stage_id`, on `conn_id`) has ended."""

    def __init__(self, *, conn_id: str, job_id: str, stage_id: str, index: int,
                 poll_interval: float = POLL_INTERVAL_S) -> None:
        super().__init__()
        self.conn_id = conn_id
        self.job_id = job_id
        self.stage_id = stage_id
        self.index = index
        self.poll_interval = poll_interval

    def serialize(self) -> tuple[str, dict[str, Any]]:
        return (f"{type(self).__module__}.{type(self).__qualname__}",
                {"conn_id": self.conn_id, "job_id": self.job_id, "stage_id": self.stage_id, "index": self.index,
                 "poll_interval": self.poll_interval})

    async def run(self) -> AsyncIterator[TriggerEvent]:
        where = {"job_id": self.job_id, "stage_id": self.stage_id, "index": self.index}
        errors = 0
        while True:
            try:
                state = await asyncio.to_thread(self._state)
            except Exception as exc:
                transient, message = self._classify(exc)
                errors = errors + 1 if transient else MAX_POLL_ERRORS
                if errors >= MAX_POLL_ERRORS:
                    yield TriggerEvent({**where, "status": "error", "transient": transient,
                                        "message": f"could not read the state of job {self.job_id}: {message}"})
                    return
                self.log.warning("could not read the state of job %s (%s); trying again", self.job_id, message)
            else:
                errors = 0
                if state != "running":
                    self.log.info("job %s of stage %s %s", self.job_id, self.stage_id, state)
                    yield TriggerEvent({**where, "status": state, "message": f"job {self.job_id} {state}"})
                    return
            await asyncio.sleep(self.poll_interval)

    def _state(self) -> str:
        """The job's state (`JobState`), on a connection opened and closed for this one question."""
        from wareflow.sql.dialects.base import JobKey
        from wareflow.warehouses.hooks import connect_conn_id, dialect_for

        dialect = dialect_for(self.conn_id)
        conn = connect_conn_id(self.conn_id, {"tool": "wareflow", "stage": self.stage_id}, dialect)
        try:
            job = dialect.find_job(conn, JobKey(self.stage_id, self.index, ""), self.job_id)
            return "failed" if job is None else dialect.job_state(conn, job)  # gone: the task's resume resubmits
        finally:
            try:
                conn.close()
            except Exception:  # closing is cleanup
                self.log.debug("closing the connection failed", exc_info=True)

    def _classify(self, exc: Exception) -> tuple[bool, str]:
        """Whether `exc` is worth polling again, and what it says (scrubbed, as the session words it)."""
        from wareflow.errors import TransientWarehouseError, WareflowError
        from wareflow.warehouses.connect import describe_error

        if isinstance(exc, WareflowError):  # connecting failed: already coded and scrubbed
            return isinstance(exc, TransientWarehouseError), str(exc)
        try:
            from wareflow.warehouses.hooks import dialect_for

            transient = dialect_for(self.conn_id).error_kind(exc) == "transient"
        except Exception:
            transient = True
        return transient, describe_error(exc)

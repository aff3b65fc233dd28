"""Resuming a stage on retry: its statements' warehouse jobs found again instead of submitted twice.

Where statements run as jobs that outlive the connection (BigQuery jobs, Snowflake queries), a retry
after a worker crash skips each statement whose job already succeeded, waits for one still running,
and submits only what failed or never started. What each job was is remembered in a `ResumeStore`
(Airflow 3.3's ``task_state_store``, per task instance, kept across retries), under one key per
stage and statement index; BigQuery also finds its jobs by deterministic ids without a store.

Keys (values are small JSON objects, far under the store's 64 KB guideline):

``wareflow/<stage>/generation``
    how many times the stage has completed in this task instance: a completed stage that runs again
    (the task cleared, or a retry after the stage had finished) starts a new generation, whose
    statements are all submitted anew.
``wareflow/<stage>/<index>``
    ``{"id": <job id>, "sql": <digest of the statement>, "generation": <n>}``, written right after the
    job was submitted; ignored when the statement's text or the generation differs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any, Protocol, TypeGuard, runtime_checkable

from wareflow.sql.dialects.base import JobKey, JobState

__all__ = ["NO_STORE", "JobKey", "JobState", "NoStore", "ResumeStore", "digest", "generation", "generation_key",
           "persistent", "recorded_id", "resume_store", "statement_key"]


@runtime_checkable
class ResumeStore(Protocol):
    """A per-task-instance key/value store kept across retries (Airflow's ``task_state_store`` fits)."""

    def get(self, key: str) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...


class NoStore:
    """A store that remembers nothing: jobs are found again only by deterministic ids (BigQuery)."""

    def get(self, key: str) -> Any:
        return None

    def set(self, key: str, value: Any) -> None:
        return None


NO_STORE = NoStore()


def persistent(store: ResumeStore | None) -> TypeGuard[ResumeStore]:
    """Whether `store` keeps what is recorded in it (a real store, not None or `NO_STORE`)."""
    return store is not None and not isinstance(store, NoStore)


def resume_store(context: Mapping[str, Any]) -> ResumeStore:
    """The task's ``task_state_store`` (Airflow 3.3+), else `NO_STORE`: what `Session.run` resumes with."""
    store = context.get("task_state_store")
    return store if store is not None else NO_STORE


def digest(sql: str) -> str:
    """A short digest of a statement's text: a record or id of other SQL is never taken for this statement's."""
    return hashlib.sha256(sql.encode()).hexdigest()[:16]


def statement_key(stage: str, index: int) -> str:
    return f"wareflow/{stage}/{index}"


def generation_key(stage: str) -> str:
    return f"wareflow/{stage}/generation"


def recorded_id(store: ResumeStore, key: JobKey) -> str | None:
    """The job id recorded for `key`'s statement, when it was recorded for the same SQL and generation."""
    try:
        value = store.get(statement_key(key.stage, key.index))
    except Exception:  # a store that cannot answer: resume without it (deterministic ids still work)
        return None
    if not isinstance(value, dict) or value.get("sql") != key.sql or value.get("generation") != key.generation:
        return None
    job = value.get("id")
    return job if isinstance(job, str) and job else None


def generation(store: ResumeStore, stage: str) -> int:
    try:
        value = store.get(generation_key(stage))
    except Exception:
        return 0
    return value if isinstance(value, int) and value >= 0 else 0

"""The whole Wareflow exception tree and the coded `Issue` every error is made of.

Codes are stable: ``WF1xx`` parse, ``WF2xx`` validate, ``WF3xx`` compile, ``WF4xx`` run.
Tests and tools match codes, never message text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Issue:
    """One problem, located as the author of the workflow JSON sees it."""

    code: str
    message: str
    node_id: str | None = None
    component: str | None = None
    field: str | None = None
    hint: str | None = None
    file: str | None = None

    def in_file(self, file: str) -> Issue:
        """This issue located in `file`, unless it already names one."""
        return self if self.file else replace(self, file=file)

    def where(self) -> str:
        parts = []
        if self.node_id is not None:
            parts.append(f"node '{self.node_id}'" + (f" ({self.component})" if self.component else ""))
        if self.field is not None:
            parts.append(f"input '{self.field}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f"; {self.hint}"
        prefix = f"{self.file}: " if self.file else ""
        return printable(f"{prefix}{self.code} {text}")


class WareflowError(Exception):
    """Base of every error Wareflow raises on purpose."""

    def __init__(self, issues: Iterable[Issue] | Issue):
        self.issues: tuple[Issue, ...] = (issues,) if isinstance(issues, Issue) else tuple(issues)
        super().__init__("\n".join(str(i) for i in self.issues))

    @property
    def codes(self) -> list[str]:
        return [i.code for i in self.issues]

    def in_file(self, file: str) -> WareflowError:
        """The same error with every issue located in `file`."""
        return type(self)(i.in_file(file) for i in self.issues)


class WorkflowError(WareflowError):
    """The workflow file cannot be parsed or does not validate; carries every issue found."""


class CompileError(WareflowError):
    """The workflow is valid but cannot be expressed for this dialect or these schemas."""


class WarehouseError(WareflowError):
    """A statement failed in the warehouse."""


class TransientWarehouseError(WarehouseError):
    """Worth retrying: connection lost, serialization failure, timeout."""


class TerminalWarehouseError(WarehouseError):
    """Retrying cannot help: syntax, permissions, missing table."""


def warehouse_error(issue: Issue, *, transient: bool) -> WarehouseError:
    """`issue` as the error to raise: worth a retry (transient) or not (terminal)."""
    return TransientWarehouseError(issue) if transient else TerminalWarehouseError(issue)


def printable(text: str) -> str:
    """`text` with what no terminal or log can encode (lone surrogates from JSON ``"\\ud800"``) escaped."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def issue(code: str, message: str, **where: str | None) -> Issue:
    """Shorthand used across the package: ``issue("WF201", "...", node_id=..., field=...)``."""
    return Issue(code, message, **where)

"""Cost guards a stage runs under: how long one statement may run, how many bytes BigQuery may bill.

`Session` applies them through the dialect's driver (session state, a job configuration, or a timer
that interrupts the statement where the warehouse has no timeout of its own); a statement that runs
into one fails with a terminal coded error: WF409 (statement timeout), WF410 (bytes billed).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Limits a stage runs under; None: no limit."""

    statement_timeout_s: int | None = None  # seconds any one statement may run
    max_bytes_billed: int | None = None  # BigQuery: bytes a stage may process (a dry run first, each job capped)

    def __post_init__(self) -> None:
        for name in ("statement_timeout_s", "max_bytes_billed"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value <= 0):
                raise ValueError(f"{name} must be a whole number > 0, got {value!r}")


def human_bytes(count: int) -> str:
    """``1536`` -> ``1.5 KiB (1536 bytes)``: bytes in binary units, as BigQuery's console shows them."""
    if count < 1024:
        return f"{count} bytes"
    units = ("KiB", "MiB", "GiB", "TiB", "PiB")
    size, unit = count / 1024, 0
    while size >= 1024 and unit < len(units) - 1:
        size, unit = size / 1024, unit + 1
    return f"{size:.1f} {units[unit]} ({count} bytes)"

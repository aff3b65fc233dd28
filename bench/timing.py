"""Repeated timings: median with min and max, measured side by side in one run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    median: float
    low: float
    high: float
    runs: int

    def __str__(self) -> str:
        return f"{self.median:.3f} s ({self.low:.3f}-{self.high:.3f})"


def measure(fn: Callable[[], object], repeats: int = 5) -> Timing:
    return measure_side_by_side({"run": fn}, repeats)["run"]


def table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def measure_side_by_side(runs: dict[str, Callable[[], object]], repeats: int,
                         settle: Callable[[], object] = lambda: None) -> dict[str, Timing]:
    """Time each of `runs` `repeats` times, interleaved (round r starts at variant r), so that drift in
    the machine's state (caches, background work) falls on every variant alike.

    A run that returns a number of seconds (a part of its work it timed itself) also gets that part
    reported, as ``"<name> part"``. `settle` runs, untimed, before every run."""
    names = list(runs)
    samples: dict[str, list[float]] = {}
    for r in range(repeats):
        for name in names[r % len(names):] + names[:r % len(names)]:
            settle()
            start = time.perf_counter()
            part = runs[name]()
            samples.setdefault(name, []).append(time.perf_counter() - start)
            if isinstance(part, float):
                samples.setdefault(f"{name} part", []).append(part)
    return {n: Timing(statistics.median(s), min(s), max(s), repeats) for n, s in samples.items()}

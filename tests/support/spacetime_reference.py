"""Independent references for the space-time components, in Python: calendar steps with `datetime`,
space-time Gi* with numpy, and the emerging hot/coldspot rules written from their description (the
trend test itself comes from pyMannKendall in the tests)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

import numpy as np


def step_of(moment: datetime, interval: str, week_start: str = "monday") -> int:
    """An integer per time step (consecutive steps differ by 1), from Python's calendar."""
    ordinal = moment.toordinal()  # 0001-01-01, a Monday, is 1
    if interval == "year":
        return moment.year
    if interval == "quarter":
        return moment.year * 4 + (moment.month - 1) // 3
    if interval == "month":
        return moment.year * 12 + moment.month - 1
    if interval == "week":
        return (ordinal - 1) // 7 if week_start == "monday" else ordinal // 7
    seconds = {"day": 86400, "hour": 3600, "minute": 60, "second": 1}[interval]
    total = ordinal * 86400 + moment.hour * 3600 + moment.minute * 60 + moment.second
    return total // seconds


def start_of(moment: datetime, interval: str, week_start: str = "monday") -> datetime:
    """The first instant of the step holding `moment` (DATE_TRUNC)."""
    day = datetime(moment.year, moment.month, moment.day)
    if interval == "year":
        return datetime(moment.year, 1, 1)
    if interval == "quarter":
        return datetime(moment.year, 3 * ((moment.month - 1) // 3) + 1, 1)
    if interval == "month":
        return datetime(moment.year, moment.month, 1)
    if interval == "week":
        back = moment.weekday() if week_start == "monday" else (moment.weekday() + 1) % 7
        return day - timedelta(days=back)
    if interval == "day":
        return day
    if interval == "hour":
        return day.replace(hour=moment.hour)
    if interval == "minute":
        return day.replace(hour=moment.hour, minute=moment.minute)
    return moment.replace(microsecond=0)


def kernel(name: str, distance: float, size: int) -> float:
    u = distance / (size + 1)
    return {"uniform": 1.0, "triangular": 1 - u, "quadratic": 1 - u**2, "quartic": (1 - u**2) ** 2,
            "gaussian": math.exp(-(u**2) / 2)}[name]


def spacetime_gi(values: Mapping[tuple[object, int], float], rings: Mapping[object, Mapping[object, int]],
                 kernels: tuple[str, str], size: int, bandwidth: int) -> dict[tuple[object, int], float | None]:
    """(cell, step) -> gi: (Σwx - x̄Σw) / (S·√((nΣw² - (Σw)²)/(n-1))), w = K_s(d)·K_t(|Δt|), over the
    (cell, step) rows present within `size` rings and `bandwidth` steps; S the population deviation."""
    x = np.array(list(values.values()), dtype=float)
    n, mean, sd = len(x), float(x.mean()), float(x.std())
    in_time = {lag: kernel(kernels[1], abs(lag), bandwidth) for lag in range(-bandwidth, bandwidth + 1)}
    out: dict[tuple[object, int], float | None] = {}
    for (cell, step) in values:
        swx = sw = sww = 0.0
        for other, d in rings[cell].items():
            in_space = kernel(kernels[0], d, size)
            for lag, k_time in in_time.items():
                v = values.get((other, step + lag))
                if v is not None:
                    w = in_space * k_time
                    swx, sw, sww = swx + w * v, sw + w, sww + w * w
        spread = (n * sww - sw**2) / (n - 1)
        out[(cell, step)] = None if sd == 0 or spread <= 0 else (swx - mean * sw) / (sd * math.sqrt(spread))
    return out


def classify(series: Sequence[tuple[float, float]], tau: float | None, tau_p: float | None, threshold: float) -> str:
    """The emerging hot/coldspot class of one cell's (gi, p) series ordered by date, by the rules in
    their order: historical, new, consecutive, intensifying, persistent, diminishing, oscillating,
    sporadic, for hotspots then coldspots; else 'undetected pattern'."""
    n = len(series)
    significant = tau_p is not None and not math.isnan(tau_p) and tau_p < threshold
    for kind, sign in (("hotspot", 1), ("coldspot", -1)):
        flags = [p < threshold and sign * g > 0 for g, p in series]
        other = [p < threshold and -sign * g > 0 for g, p in series]
        count = sum(flags)
        last = flags[-1]
        mostly = count >= 0.9 * n - 1e-9
        if not last:
            if n >= 2 and sum(flags[:-1]) >= 0.9 * (n - 1) - 1e-9:
                return f"historical {kind}"
            continue
        if count == 1:
            return f"new {kind}"
        run = 0
        for f in reversed(flags):
            if not f:
                break
            run += 1
        if not mostly and run == count:
            return f"consecutive {kind}"
        if mostly:
            toward = tau is not None and sign * tau > 0
            if significant and toward:
                return f"intensifying {kind}"
            if not significant:
                return f"persistent {kind}"
            return f"diminishing {kind}"
        return f"oscillating {kind}" if any(other) else f"sporadic {kind}"
    return "undetected pattern"


PATTERNS = ("new", "consecutive", "intensifying", "persistent", "diminishing", "sporadic", "oscillating",
            "historical")
CLASSES = (*(f"{name} {kind}" for kind in ("hotspot", "coldspot") for name in PATTERNS), "undetected pattern")

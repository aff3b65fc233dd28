"""Calendar time steps for the space-time components, as integer SQL every warehouse computes alike.

Time steps are integer arithmetic over ``EXTRACT`` of the date's fields, so every warehouse counts the
same steps: sqlglot's date truncation and date difference do not translate to Oracle or Synapse, and a
week's first day differs between warehouses. A step number is exact (months: calendar months; weeks:
whole weeks between week starts), and a step's first instant is rebuilt from its fields as zero-padded
ISO text parsed with a format (`timestamp_from_parts`; Oracle and Redshift have no TIMESTAMP_FROM_PARTS).

Days are counted from 0000-03-01 of the proleptic Gregorian calendar (H. Hinnant's ``days_from_civil``,
all divisions on non-negative numbers, so ``FLOOR(a / b)`` is integer division everywhere).
"""

from __future__ import annotations

from sqlglot import exp

from wareflow.sql.relation import alias, col

TIME_INTERVALS = ("year", "quarter", "month", "week", "day", "hour", "minute", "second")
# the day number of the first day of a week, counted from 0000-03-01 (a Wednesday): Sunday, Monday
_WEEK_OFFSET = {"sunday": 3, "monday": 2}
# the first day of a week in the export's own SQL dialect, as its DATE_TRUNC(..., WEEK) has it (BigQuery's
# WEEK is WEEK(SUNDAY); Snowflake's default WEEK_START, Postgres, Redshift and Databricks start on Monday)
WEEK_START = {"bigquery": "sunday"}


def week_start(source_dialect: str) -> str:
    return WEEK_START.get(source_dialect, "monday")


def number(value: int | str) -> exp.Expr:
    return exp.Literal.number(value)


def floor_div(a: exp.Expr, b: int) -> exp.Expr:
    """⌊a / b⌋ for a ≥ 0 (exact in a double below 2^53)."""
    return exp.Floor(this=exp.Div(this=exp.Paren(this=a), expression=number(b)))


def _mul(a: exp.Expr, k: int) -> exp.Expr:
    return exp.Mul(this=number(k), expression=exp.Paren(this=a))


def _add(*terms: exp.Expr) -> exp.Expr:
    total = terms[0]
    for term in terms[1:]:
        total = exp.Add(this=total, expression=term)
    return total


def _case(condition: exp.Expr, then: exp.Expr, otherwise: exp.Expr) -> exp.Expr:
    return exp.Case(ifs=[exp.If(this=condition, true=then)], default=otherwise)


def civil_day(y: exp.Expr, m: exp.Expr, d: exp.Expr) -> exp.Expr:
    """Days from 0000-03-01 to the date (y, m, d) (``days_from_civil`` without the 1970 offset)."""
    early = exp.LTE(this=m.copy(), expression=number(2))
    year = exp.Sub(this=y, expression=_case(early, number(1), number(0)))  # a year starting in March
    month = _case(early.copy(), exp.Add(this=m.copy(), expression=number(9)),
                  exp.Sub(this=m.copy(), expression=number(3)))
    total: exp.Expr = exp.Add(this=_mul(year, 365), expression=floor_div(year.copy(), 4))
    total = exp.Sub(this=total, expression=floor_div(year.copy(), 100))
    total = exp.Add(this=total, expression=floor_div(year.copy(), 400))
    total = exp.Add(this=total, expression=floor_div(exp.Add(this=_mul(month, 153), expression=number(2)), 5))
    return exp.Sub(this=exp.Add(this=total, expression=d), expression=number(1))


_UNITS = ("year", "month", "day", "hour", "minute", "second")


def _units(interval: str) -> tuple[str, ...]:
    """The calendar fields a step of `interval` depends on."""
    if interval in ("year", "quarter", "month"):
        return _UNITS[:2]
    return _UNITS[:3] if interval == "week" else _UNITS[:_UNITS.index(interval) + 1]


def fields(ts: exp.Expr, interval: str, integer: exp.DataType) -> list[exp.Expr]:
    """``_wf_<field>`` columns: the integer calendar fields of timestamp `ts` a step of `interval` needs."""
    out: list[exp.Expr] = []
    for unit in _units(interval):
        part: exp.Expr = exp.Extract(this=exp.var(unit.upper()), expression=ts.copy())
        if unit == "second":  # fractional in some warehouses
            part = exp.Floor(this=part)
        out.append(alias(exp.Cast(this=part, to=integer.copy()), f"_wf_{unit}"))
    return out


def step_number(interval: str, week_start: str) -> exp.Expr:
    """The time step of the row whose `fields` are columns, as an integer: consecutive steps differ by 1."""
    y, m = col("_wf_year"), col("_wf_month")
    if interval == "year":
        return y
    if interval == "quarter":
        return _add(_mul(y, 4), floor_div(exp.Sub(this=m, expression=number(1)), 3))
    if interval == "month":
        return _add(_mul(y, 12), exp.Sub(this=m, expression=number(1)))
    day = civil_day(y, m, col("_wf_day"))
    if interval == "week":
        return floor_div(exp.Add(this=day, expression=number(_WEEK_OFFSET[week_start])), 7)
    if interval == "day":
        return day
    hour = _add(_mul(day, 24), col("_wf_hour"))
    if interval == "hour":
        return hour
    minute = _add(_mul(hour, 60), col("_wf_minute"))
    if interval == "minute":
        return minute
    return _add(_mul(minute, 60), col("_wf_second"))


def calendar(steps: exp.Expr, interval: str, week_start: str, integer: exp.DataType, text: exp.DataType,
             timestamp: exp.DataType) -> exp.Select:
    """``SELECT step, date FROM steps``: each step number of column ``step`` with its first instant as a
    timestamp. Day-based steps go back to a date by ``civil_from_days``, each intermediate value in its
    own derived table so that none is written out twice."""
    step = col("step")
    one, zero = number(1), number(0)
    if interval in ("year", "quarter", "month"):
        per = {"year": 1, "quarter": 4, "month": 12}[interval]
        year = step.copy() if per == 1 else floor_div(step.copy(), per)
        within = exp.Sub(this=step.copy(), expression=_mul(year.copy(), per))
        month = {1: one.copy(), 4: exp.Add(this=_mul(within, 3), expression=one.copy()),
                 12: exp.Add(this=within, expression=one.copy())}[per]
        parts = [year, month, one.copy(), zero, zero.copy(), zero.copy()]
        start = timestamp_from_parts(parts, integer, text, timestamp)
        return exp.select(step.copy(), alias(start, "date")).from_(steps, copy=False)
    z: exp.Expr
    rem: exp.Expr
    if interval == "week":
        z, rem = exp.Sub(this=_mul(step, 7), expression=number(_WEEK_OFFSET[week_start])), zero
    else:
        per = {"day": 1, "hour": 24, "minute": 1440, "second": 86400}[interval]
        z = step if per == 1 else floor_div(step, per)
        rem = zero if per == 1 else exp.Sub(this=step.copy(), expression=_mul(z.copy(), per))
    levels = [
        ("_wf_era", floor_div(col("_wf_z"), 146097)),
        ("_wf_doe", exp.Sub(this=col("_wf_z"), expression=_mul(col("_wf_era"), 146097))),
        ("_wf_yoe", floor_div(exp.Sub(this=exp.Add(this=exp.Sub(
            this=col("_wf_doe"), expression=floor_div(col("_wf_doe"), 1460)),
            expression=floor_div(col("_wf_doe"), 36524)), expression=floor_div(col("_wf_doe"), 146096)), 365)),
        ("_wf_doy", exp.Sub(this=col("_wf_doe"), expression=exp.Paren(this=exp.Sub(this=exp.Add(
            this=_mul(col("_wf_yoe"), 365), expression=floor_div(col("_wf_yoe"), 4)),
            expression=floor_div(col("_wf_yoe"), 100))))),
        ("_wf_mp", floor_div(exp.Add(this=_mul(col("_wf_doy"), 5), expression=number(2)), 153)),
    ]
    carried = ["step", "_wf_z", "_wf_rem"]
    query: exp.Expr = exp.select(col("step"), alias(z, "_wf_z"), alias(rem, "_wf_rem")).from_(steps, copy=False)
    for i, (name, value) in enumerate(levels):
        query = exp.select(*(col(c) for c in carried), alias(value, name)).from_(
            exp.Subquery(this=query, alias=exp.TableAlias(this=exp.to_identifier(f"_wf_l{i}"))), copy=False)
        carried.append(name)
    mp = col("_wf_mp")
    day = _add(exp.Sub(this=col("_wf_doy"), expression=floor_div(
        exp.Add(this=_mul(mp.copy(), 153), expression=number(2)), 5)), number(1))
    month = _case(exp.LT(this=mp.copy(), expression=number(10)), exp.Add(this=mp.copy(), expression=number(3)),
                  exp.Sub(this=mp.copy(), expression=number(9)))
    year = _add(col("_wf_yoe"), _mul(col("_wf_era"), 400),
                _case(exp.GTE(this=mp.copy(), expression=number(10)), number(1), number(0)))
    r = col("_wf_rem")
    clock: dict[str, list[exp.Expr]] = {
        "week": [], "day": [], "hour": [r.copy()],
        "minute": [floor_div(r.copy(), 60), exp.Sub(this=r.copy(), expression=_mul(floor_div(r.copy(), 60), 60))],
        "second": [floor_div(r.copy(), 3600),
                   floor_div(exp.Sub(this=r.copy(), expression=_mul(floor_div(r.copy(), 3600), 3600)), 60),
                   exp.Sub(this=r.copy(), expression=_mul(floor_div(r.copy(), 60), 60))],
    }
    given = clock[interval]
    parts = [year, month, day, *given, *(number(0) for _ in range(3 - len(given)))]
    return exp.select(col("step"), alias(timestamp_from_parts(parts, integer, text, timestamp), "date")).from_(
        exp.Subquery(this=query, alias=exp.TableAlias(this=exp.to_identifier("_wf_days"))), copy=False)


def timestamp_from_parts(parts: list[exp.Expr], integer: exp.DataType, text: exp.DataType,
                         timestamp: exp.DataType) -> exp.Expr:
    """The timestamp (year, month, day, hour, minute, second), parsed from its zero-padded ISO text:
    sqlglot writes a parse with a format for every warehouse this reaches (Oracle and Redshift have no
    ``TIMESTAMP_FROM_PARTS``), while ``CAST(text AS TIMESTAMP)`` would depend on Oracle's NLS settings."""
    pieces: list[exp.Expr] = []
    for i, (part, width) in enumerate(zip(parts, (4, 2, 2, 2, 2, 2), strict=True)):
        if i:
            pieces.append(exp.Literal.string(" " if i == 3 else ":" if i > 3 else "-"))
        pieces.append(exp.Pad(this=exp.Cast(this=exp.Cast(this=part, to=integer.copy()), to=text.copy()),
                              expression=number(width), fill_pattern=exp.Literal.string("0"), is_left=True))
    joined = pieces[0]
    for piece in pieces[1:]:
        joined = exp.DPipe(this=joined, expression=piece, safe=True)
    parsed = exp.StrToTime(this=joined, format=exp.Literal.string("%Y-%m-%d %H:%M:%S"))
    return exp.Cast(this=parsed, to=timestamp)

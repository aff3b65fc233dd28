"""Quadbin cells as integer SQL, the same on every warehouse: no extension, no function to install.

A quadbin (CARTO's spec, https://docs.carto.com/data-and-analysis/analytics-toolbox-for-bigquery/sql-reference/quadbin)
is a positive 64-bit integer: bit 62 set (the header), mode 1 in bits 59-61, the resolution z in bits
52-56, then the tile's x and y interleaved from the most significant level down (y's bit above x's),
and every unused low bit set to 1:

    q = 0x4000000000000000 | 1 << 59 | z << 52 | interleave(x, y) << (52 - 2z) | (1 << (52 - 2z)) - 1

Tiles are Web Mercator's (z/x/y, y from the north). Where a cell's resolution varies by row, x and y
are scaled to level 26 (``x << (26 - z)``) so the interleaving shifts are constants either way. The
expressions use the warehouse's bit operators where it has them, and powers of two where it lacks
shifts (Oracle, T-SQL) or bitwise OR (Oracle: the bits ORed are disjoint, so OR is a sum).
"""

from __future__ import annotations

import math

from sqlglot import exp

from wareflow.sql.dialects.base import WarehouseDialect

MAX_RESOLUTION = 26
HEADER = 0x4000000000000000 | 1 << 59  # bit 62 and mode 1 (cells)
LOW_52 = (1 << 52) - 1
RESOLUTION_BITS = 31 << 52
MAX_LATITUDE = 89.0  # latitudes are clamped here before projecting (CARTO's rule)


def number(value: int | float) -> exp.Expr:
    return exp.Literal.number(repr(value) if isinstance(value, float) else str(value))


def greatest(a: exp.Expr, b: exp.Expr) -> exp.Expr:
    """GREATEST as every warehouse spells it (NULL in, NULL out: sqlglot's own node would add a CASE
    per argument to make some dialects agree on NULLs, which a NULL point makes moot here)."""
    return exp.Anonymous(this="GREATEST", expressions=[a, b])


def least(a: exp.Expr, b: exp.Expr) -> exp.Expr:
    return exp.Anonymous(this="LEAST", expressions=[a, b])


class Bits:
    """Integer bit operations for one dialect, on non-negative BIGINT operands."""

    def __init__(self, dialect: WarehouseDialect):
        self.dialect = dialect
        self.shifts = dialect.bit_shifts
        self.operators = dialect.bit_operators
        self.bigint = dialect.type("integer")

    def big(self, value: exp.Expr) -> exp.Expr:
        return exp.Cast(this=value, to=self.bigint.copy())

    def and_(self, a: exp.Expr, b: exp.Expr) -> exp.Expr:
        if self.operators:
            return exp.BitwiseAnd(this=_wrap(a), expression=_wrap(b))
        return exp.Anonymous(this="BITAND", expressions=[a, b])

    def or_(self, *terms: exp.Expr) -> exp.Expr:
        """OR of terms whose set bits never overlap (so a sum where there is no OR operator)."""
        node = terms[0]
        for term in terms[1:]:
            # a left-leaning chain needs no parentheses of its own: a | b | c
            node = (exp.BitwiseOr(this=node, expression=_wrap(term)) if self.operators
                    else exp.Add(this=node, expression=_wrap(term)))
        return node

    def power(self, k: int | exp.Expr) -> exp.Expr:
        """2^k as a BIGINT (a literal when k is known)."""
        if isinstance(k, int):
            return number(1 << k)
        if self.shifts:  # parenthesised: it goes into arithmetic, which binds tighter in PostgreSQL
            return exp.Paren(this=exp.BitwiseLeftShift(this=self.big(number(1)), expression=_amount(k)))
        return self.big(exp.Pow(this=number(2), expression=k))

    def shl(self, a: exp.Expr, k: int | exp.Expr) -> exp.Expr:
        if k == 0:
            return a
        if self.shifts:
            return exp.BitwiseLeftShift(this=_wrap(a), expression=_amount(k))
        return exp.Mul(this=_wrap(a), expression=_wrap(self.power(k)))

    def shr(self, a: exp.Expr, k: int | exp.Expr) -> exp.Expr:
        if k == 0:
            return a
        if self.shifts:
            return exp.BitwiseRightShift(this=_wrap(a), expression=_amount(k))
        quotient = exp.Div(this=_wrap(a), expression=_wrap(self.power(k)), typed=True)
        return self.big(exp.Floor(this=quotient)) if not self.operators else quotient


def _amount(k: int | exp.Expr) -> exp.Expr:
    """A shift amount: an INT (PostgreSQL has ``bigint >> integer`` only)."""
    return number(k) if isinstance(k, int) else exp.Cast(this=k, to=exp.DataType.build("INT"))


def _wrap(node: exp.Expr) -> exp.Expr:
    """`node` in parentheses unless it is atomic: PostgreSQL gives every bitwise operator one precedence,
    below arithmetic, so each operand of one is parenthesised."""
    atomic = (exp.Column, exp.Literal, exp.Paren, exp.Cast, exp.Anonymous)
    if isinstance(node, atomic) or (isinstance(node, exp.Func) and not isinstance(node, exp.Binary)):
        return node
    return exp.Paren(this=node)


# --- tiles ------------------------------------------------------------------------------------------
def tile_x(lon: exp.Expr, z: int, *, wrap: bool = True) -> exp.Expr:
    """The tile column of longitude `lon` at resolution `z` (180 wraps to 0, or gives 2^z unwrapped)."""
    n = 1 << z
    scaled = exp.Cast(this=exp.Floor(this=exp.Mul(this=number(n), expression=exp.Paren(this=exp.Add(
        this=exp.Div(this=lon, expression=number(360.0)), expression=number(0.5))))),
        to=exp.DataType.build("BIGINT"))
    return exp.Mod(this=scaled, expression=number(n)) if wrap else scaled


def tile_y(lat: exp.Expr, z: int) -> exp.Expr:
    """The tile row of latitude `lat` (clamped to ±89) at resolution `z`, counted from the north."""
    n = 1 << z
    clamped = least(greatest(lat, number(-MAX_LATITUDE)), number(MAX_LATITUDE))
    s = exp.Anonymous(this="SIN", expressions=[exp.Mul(this=clamped, expression=number(math.pi / 180))])
    log = exp.Ln(this=exp.Div(this=exp.Paren(this=exp.Add(this=number(1), expression=s)),
                              expression=exp.Paren(this=exp.Sub(this=number(1), expression=s.copy()))))
    row = exp.Mul(this=number(n), expression=exp.Paren(this=exp.Sub(
        this=number(0.5), expression=exp.Mul(this=number(0.25 / math.pi), expression=log))))
    bounded = least(greatest(exp.Floor(this=row), number(0)), number(n - 1))
    return exp.Cast(this=bounded, to=exp.DataType.build("BIGINT"))


def _double(x: exp.Expr) -> exp.Expr:
    """`x` as a float: PostgreSQL reads 360.0 as NUMERIC, and integer columns with it compute in NUMERIC."""
    return exp.Cast(this=x, to=exp.DataType.build("DOUBLE"))


def tile_lon(x: exp.Expr, z: exp.Expr) -> exp.Expr:
    """The west edge of tile column `x` (any numeric expression) at resolution `z`."""
    return exp.Sub(this=exp.Div(this=exp.Mul(this=number(360.0), expression=_double(x)),
                                expression=exp.Pow(this=number(2.0), expression=z)), expression=number(180.0))


def tile_lat(y: exp.Expr, z: exp.Expr) -> exp.Expr:
    """The north edge of tile row `y` at resolution `z`: 360/pi * atan(exp(pi * (1 - 2y / 2^z))) - 90."""
    ratio = exp.Div(this=exp.Mul(this=number(2.0), expression=_double(y)),
                    expression=exp.Pow(this=number(2.0), expression=z))
    inner = exp.Exp(this=exp.Mul(this=number(math.pi),
                                 expression=exp.Paren(this=exp.Sub(this=number(1), expression=ratio))))
    return exp.Sub(this=exp.Mul(this=number(360 / math.pi), expression=exp.Anonymous(this="ATAN", expressions=[inner])),
                   expression=number(90.0))


# --- cells ------------------------------------------------------------------------------------------
def encode(bits: Bits, x: exp.Expr, y: exp.Expr, z: int) -> exp.Expr:
    """The cell of tile (x, y) at a resolution known when compiling: 2z interleaving terms."""
    constant = HEADER | z << 52 | (1 << (52 - 2 * z)) - 1
    terms: list[exp.Expr] = [number(constant)]
    for i in range(z):
        terms.append(bits.shl(bits.and_(x.copy(), number(1 << i)), i + 52 - 2 * z))
        terms.append(bits.shl(bits.and_(y.copy(), number(1 << i)), i + 53 - 2 * z))
    return bits.or_(*terms)


def encode_rowwise(bits: Bits, x: exp.Expr, y: exp.Expr, z: exp.Expr) -> exp.Expr:
    """The cell of tile (x, y) at a resolution `z` that varies by row: x, y scaled to level 26 first."""
    up = exp.Sub(this=number(MAX_RESOLUTION), expression=_wrap(z))
    x26, y26 = bits.shl(x, up), bits.shl(y, up.copy())
    terms: list[exp.Expr] = [number(HEADER), bits.shl(z.copy(), 52)]
    for i in range(MAX_RESOLUTION):
        terms.append(bits.shl(bits.and_(x26.copy(), number(1 << i)), i))
        terms.append(bits.shl(bits.and_(y26.copy(), number(1 << i)), i + 1))
    unused = exp.Sub(this=number(52), expression=exp.Mul(this=number(2), expression=_wrap(z.copy())))
    ones = exp.Sub(this=_wrap(bits.power(unused)), expression=number(1))
    terms.append(ones)
    return bits.or_(*terms)


def resolution(bits: Bits, q: exp.Expr) -> exp.Expr:
    return bits.and_(bits.shr(q, 52), number(31))


def decode(bits: Bits, q: exp.Expr, z: exp.Expr) -> tuple[exp.Expr, exp.Expr]:
    """(x, y) of cell `q` whose resolution is `z` (26 de-interleaving terms each)."""
    m = bits.and_(q, number(LOW_52))
    down = exp.Sub(this=number(MAX_RESOLUTION), expression=_wrap(z))
    xs = [bits.and_(bits.shr(m.copy(), i), number(1 << i)) for i in range(MAX_RESOLUTION)]
    ys = [bits.and_(bits.shr(m.copy(), i + 1), number(1 << i)) for i in range(MAX_RESOLUTION)]
    return bits.shr(bits.or_(*xs), down), bits.shr(bits.or_(*ys), down.copy())


def parent(bits: Bits, q: exp.Expr, r: int) -> exp.Expr:
    """The ancestor of `q` at resolution `r` (NULL where `q` is coarser than `r`)."""
    keep = ((1 << 63) - 1) & ~RESOLUTION_BITS  # every bit but the resolution's (positive)
    value = bits.or_(bits.and_(q, number(keep)), number(r << 52 | (1 << (52 - 2 * r)) - 1))
    # the OR with r's bits is not disjoint from q's low bits: where the dialect sums, clear them first
    if not bits.operators:
        cleared = bits.and_(q.copy(), number(keep & ~((1 << (52 - 2 * r)) - 1)))
        value = exp.Add(this=cleared, expression=number(r << 52 | (1 << (52 - 2 * r)) - 1))
    return exp.Case().when(exp.GTE(this=resolution(bits, q.copy()), expression=number(r)), value)


def children_base(bits: Bits, q: exp.Expr, z: exp.Expr, r: int) -> exp.Expr:
    """The first child of `q` (resolution `z`) at resolution `r`: the bits of levels z+1..r cleared."""
    levels = exp.Sub(this=number(r), expression=_wrap(z))
    child_bits = exp.Sub(this=_wrap(bits.power(exp.Mul(this=number(2), expression=_wrap(levels)))),
                         expression=number(1))
    keep = ((1 << 63) - 1) & ~RESOLUTION_BITS
    cleared = bits.and_(q, number(keep))
    # clear the child levels: subtract them (they are all ones in q, below its own levels)
    without = exp.Sub(this=_wrap(cleared), expression=_wrap(bits.shl(child_bits, 52 - 2 * r)))
    return bits.or_(exp.Paren(this=without), number(r << 52))

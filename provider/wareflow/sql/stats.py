"""Statistics as portable SQL expressions (no warehouse has the same normal CDF, some have none).

`two_tailed_p(z)` is 2·(1 - Φ(|z|)) = erfc(|z|/√2), with erfc from Abramowitz & Stegun 7.1.26
(|error| < 1.5e-7 on the p-value), written with EXP and arithmetic only, so every dialect computes
the same number.
"""

from __future__ import annotations

import math

from sqlglot import exp

_P = 0.3275911
_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def _n(value: float) -> exp.Expr:
    return exp.Literal.number(repr(value))


def two_tailed_p(z: exp.Expr) -> exp.Expr:
    """2·(1 - Φ(|z|)) for a column or expression `z` (NULL stays NULL)."""
    x = exp.Mul(this=exp.Abs(this=z), expression=_n(1 / math.sqrt(2)))
    t = exp.Div(this=_n(1.0), expression=exp.Paren(this=exp.Add(this=_n(1.0), expression=exp.Mul(
        this=_n(_P), expression=x))))
    poly: exp.Expr = _n(_A[-1])
    for a in reversed(_A[:-1]):  # Horner: t·(a1 + t·(a2 + ...))
        poly = exp.Add(this=_n(a), expression=exp.Mul(this=t.copy(), expression=exp.Paren(this=poly)))
    return exp.Mul(this=exp.Mul(this=t.copy(), expression=exp.Paren(this=poly)),
                   expression=exp.Exp(this=exp.Neg(this=exp.Mul(this=x.copy(), expression=x.copy()))))

"""Checks on generated SQL text."""

from __future__ import annotations

import sqlglot


def assert_parses_back(sql: str, dialect: str) -> None:
    """`sql` parses in `dialect` into real syntax (not sqlglot's opaque Command fallback, except for the
    T-SQL statements we emit as commands), and what it generates parses and generates back to the same text."""
    tree = sqlglot.parse_one(sql, read=dialect)
    command = isinstance(tree, sqlglot.exp.Command)
    assert not command or (dialect == "tsql" and tree.name.upper() in {"IF", "RENAME", "KILL"}), sql
    text = tree.sql(dialect=dialect)
    assert sqlglot.parse_one(text, read=dialect).sql(dialect=dialect) == text, sql

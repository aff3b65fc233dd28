"""Stages -> sqlglot expressions -> SQL text for one warehouse dialect."""

"""Compile: each stage of a plan -> its statements for one warehouse dialect.

Above `plan` and below `warehouses` in the layers (model -> sql -> components -> plan -> compile ->
warehouses -> airflow/cli): it reads components and the plan, and what it makes the warehouses run.
"""

from __future__ import annotations

from wareflow.compile.compiler import CompiledStage, Compiler, SchemaLookup, compile_issues, map_table

__all__ = ["CompiledStage", "Compiler", "SchemaLookup", "compile_issues", "map_table"]

"""``python -m bench [--quick]``: run every benchmark and write bench/RESULTS.md."""

from __future__ import annotations

import os
import platform
import sys
import time
from importlib.metadata import version
from pathlib import Path

from bench import compile_scaling, dag_parse, tasks_per_workflow, warehouse_work

RESULTS = Path(__file__).with_name("RESULTS.md")


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    packages = ", ".join(f"{p} {version(p)}" for p in ("apache-airflow", "sqlglot", "duckdb", "dag-factory")
                         if _installed(p))
    return (f"Machine: {os.cpu_count()} cores, {memory:.0f} GiB, {platform.machine()}, Python "
            f"{platform.python_version()}; {packages}.")


def _installed(name: str) -> bool:
    try:
        version(name)
    except Exception:
        return False
    return True


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    started = time.perf_counter()
    sections = [warehouse_work.run(quick), tasks_per_workflow.run(), dag_parse.run(quick), compile_scaling.run(quick)]
    text = "\n\n".join(["# Wareflow benchmarks", "", machine(),
                        "Every comparison below is measured side by side in the same run.", *sections,
                        f"_Total benchmark time: {time.perf_counter() - started:.0f} s._", ""])
    if quick:
        print(text)
    else:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""``python -m bench [--quick] [section ...]``: run the benchmarks and write bench/RESULTS.md.

With section names (``python -m bench grids``) only those run, and only their parts of RESULTS.md are
replaced (a section is its ``## `` heading and what follows up to the next one)."""

from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from bench import compile_scaling, dag_parse, getisord, grids, tasks_per_workflow, warehouse_work

RESULTS = Path(__file__).with_name("RESULTS.md")
SECTIONS: dict[str, Callable[[bool], str]] = {  # in report order
    "warehouse_work": warehouse_work.run,
    "grids": grids.run,
    "getisord": getisord.run,
    "tasks_per_workflow": lambda quick: tasks_per_workflow.run(),
    "dag_parse": dag_parse.run,
    "compile_scaling": compile_scaling.run,
}


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


def replace_sections(text: str, sections: list[str]) -> str:
    """`text` with each of `sections` in place of the section of the same heading (a new one goes
    before the closing total-time line)."""
    for section in sections:
        heading = section.split("\n", 1)[0]
        start = text.find(f"\n{heading}\n")
        if start < 0:
            end = text.rfind("\n_Total benchmark time")
            text = f"{text[:end]}\n{section}\n{text[end:]}" if end >= 0 else f"{text.rstrip()}\n\n{section}\n"
            continue
        end = min((i for i in (text.find("\n## ", start + 1), text.find("\n_Total benchmark time", start + 1))
                   if i >= 0), default=len(text))
        text = f"{text[:start + 1]}{section}\n{text[end:]}"
    return text


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    chosen = [a for a in argv if not a.startswith("--")]
    if unknown := [a for a in chosen if a not in SECTIONS]:
        print(f"unknown section {', '.join(unknown)}; choose from {', '.join(SECTIONS)}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    sections = [run(quick) for name, run in SECTIONS.items() if not chosen or name in chosen]
    if chosen and not quick and RESULTS.exists():
        RESULTS.write_text(replace_sections(RESULTS.read_text(encoding="utf-8"), sections), encoding="utf-8")
        print(f"updated {', '.join(chosen)} in {RESULTS}")
        return 0
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

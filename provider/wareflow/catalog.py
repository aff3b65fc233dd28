"""The component catalog as data (``wareflow catalog``, the README table, the docs)."""

from __future__ import annotations

from typing import Any

from wareflow.components.registry import catalog
from wareflow.sql.dialects import DIALECTS, get_dialect


def describe_catalog() -> list[dict[str, Any]]:
    entries = []
    for cid, cls in sorted(catalog().items(), key=lambda kv: (kv[1].category, kv[0])):
        dialects = [name for name in sorted(DIALECTS) if cls.supported_by(get_dialect(name))]
        entries.append({
            "id": cid,
            "title": cls.title,
            "category": cls.category,
            "description": cls.doc(),
            "inputs": [p.name for p in cls.inputs],
            "outputs": [p.name for p in cls.outputs],
            "params": [p.describe() for p in cls.params.values()],
            "dialects": dialects,
        })
    return entries


def markdown_table(entries: list[dict[str, Any]]) -> str:
    rows = ["| Component | Title | Inputs -> outputs | Parameters | Dialects |", "|---|---|---|---|---|"]
    for e in entries:
        params = ", ".join(f"`{p['name']}`" + ("" if p["required"] else "?") for p in e["params"])
        ports = f"{', '.join(e['inputs']) or '-'} -> {', '.join(e['outputs']) or '(table)'}"
        rows.append(f"| `{e['id']}` | {e['title']} | {ports} | {params} | {', '.join(e['dialects'])} |")
    return "\n".join(rows)


START, END = "<!-- catalog:start -->", "<!-- catalog:end -->"


def render_readme(text: str) -> str:
    """`text` with the component table between the catalog markers regenerated."""
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{markdown_table(describe_catalog())}\n{END}{tail}"


if __name__ == "__main__":  # python -m wareflow.catalog README.md  (make docs)
    import sys
    from pathlib import Path

    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(render_readme(path.read_text(encoding="utf-8")), encoding="utf-8")

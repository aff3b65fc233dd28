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


def warehouse_table() -> str:
    """What each dialect supports and how it runs, read from the dialect classes themselves."""
    rows = ["| Warehouse | `--dialect` | Airflow connection types | Hook | Geometry | Publish | Append | "
            "Not supported |", "|---|---|---|---|---|---|---|---|"]
    components = catalog()
    for name in sorted(DIALECTS):
        d = get_dialect(name)
        used = {op for cls in components.values() for op in cls.possible_operations()}
        missing = sorted({f"`{c}`" for c, cls in components.items() if not cls.supported_by(d)} |
                         {op.description or f"`{op}`" for op in used if d.functions and not d.supports(op)})
        hook = d.hook.rsplit(".", 1)[-1]
        rows.append(f"| {d.title} | `{name}` | {', '.join(f'`{t}`' for t in d.conn_types)} | `{hook}` | "
                    f"{d.types.get('geography', 'none') if d.functions else 'none'} | {d.publish_form} | "
                    f"{d.append_guarantee} | {', '.join(missing) or '-'} |")
    return "\n".join(rows)


def reference() -> str:
    """Every component in full: what it computes, its formula and the decisions taken where CARTO documents
    nothing (the component's docstring), its parameters with their bounds, and the dialects that run it."""
    import inspect

    parts = []
    for e in describe_catalog():
        cls = catalog()[e["id"]]
        lines = [f"### `{e['id']}` — {e['title']}", "", inspect.cleandoc(cls.__doc__ or "").strip(), ""]
        for p in e["params"]:
            bounds = ", ".join(f"{k} {p[k]}" for k in ("gt", "ge", "le") if k in p)
            extra = "; ".join(filter(None, [
                f"default `{p['default']}`" if "default" in p else "required" if p["required"] else "optional",
                f"one of {', '.join(f'`{o}`' for o in p['options'])}" if "options" in p else "",
                bounds, "takes `{{@variables}}`" if p.get("variables") else ""]))
            lines.append(f"- `{p['name']}` ({p['kind']}{', several' if p.get('multiple') else ''}): {extra}")
        ports = f"{', '.join(e['inputs']) or '-'} -> {', '.join(e['outputs']) or '(table)'}"
        lines += ["", f"Ports: {ports}. Dialects: {', '.join(e['dialects'])}.", ""]
        parts.append("\n".join(lines))
    return "\n".join(parts).rstrip()


SECTIONS = {
    "catalog": lambda: markdown_table(describe_catalog()),
    "warehouses": warehouse_table,
    "reference": reference,
}
START, END = "<!-- catalog:start -->", "<!-- catalog:end -->"


def render_readme(text: str) -> str:
    """`text` with every generated section (between its markers) regenerated."""
    for key, render in SECTIONS.items():
        start, end = f"<!-- {key}:start -->", f"<!-- {key}:end -->"
        if start not in text:
            continue
        head, _, rest = text.partition(start)
        _, _, tail = rest.partition(end)
        text = f"{head}{start}\n{render()}\n{end}{tail}"
    return text


if __name__ == "__main__":  # python -m wareflow.catalog README.md  (make docs)
    import sys
    from pathlib import Path

    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(render_readme(path.read_text(encoding="utf-8")), encoding="utf-8")

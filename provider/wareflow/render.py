"""A picture of the CARTO canvas (standalone SVG), each node marked by the Airflow task that runs it.

Geometry follows the canvas: a node is drawn where CARTO drew it (its top-left corner), with CARTO's
footprint (64 x 64, a source 192 x 64), so the sticky notes, sized around those footprints, still
frame their nodes. Edges are React-Flow's Bézier curves from a node's right side to the next one's left.

Everything written into the SVG that came from a workflow file (labels, note text, colours) is either
escaped or checked against a strict pattern: the picture is served to browsers, and an export is user
input. The output is deterministic (file order, rounded coordinates) so DAG serialisation is stable.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from wareflow.model.types import Edge, Node, Note, Workflow

SOURCE_COMPONENT = "ReadTable"
NODE_SIZE = (64.0, 64.0)  # CARTO's generic node
SOURCE_SIZE = (192.0, 64.0)  # CARTO's source node
MARGIN = 32.0
COLUMN, ROW = 240.0, 144.0  # automatic layout: one column per depth, one row per node
LABEL_CHARS, SMALL_CHARS, TASK_CHARS, TASK_LINES = 24, 28, 32, 3
FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"
MONO = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace"
CHAR_WIDTH = 0.6  # average glyph width per font-size unit: enough to size the view box
NOTE_COLOR = "#F6CF71"
# (fill, stroke) per task, in order of first appearance: nodes fused into one task share a colour.
PALETTE = (("#DBEAFE", "#2563EB"), ("#DCFCE7", "#16A34A"), ("#FEF3C7", "#D97706"), ("#FCE7F3", "#DB2777"),
           ("#EDE9FE", "#7C3AED"), ("#CFFAFE", "#0891B2"), ("#FFE4E6", "#E11D48"), ("#ECFCCB", "#65A30D"))
UNRUN = ("#F8FAFC", "#94A3B8")  # a node no task runs (skipped, or a picture without a plan)
SOURCE = ("#F1F5F9", "#334155")

CANVAS_FORMAT = 1  # of `canvas_data`: bump when its shape changes
START_MARK = "<!-- wareflow:canvas"
_BLOCK = re.compile(re.escape(START_MARK) + r" (\{[^\n]*?\}) -->")
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
# Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF): a label holding one would make
# the whole document unreadable, so they are dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class StageLike(Protocol):
    """What `tasks_by_node` needs of a plan stage: its Airflow task id and the nodes fused into it."""

    @property
    def id(self) -> str: ...

    @property
    def nodes(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Box:
    """Where a node is drawn: top-left corner and size, in canvas units."""

    x: float
    y: float
    w: float
    h: float


def tasks_by_node(stages: Iterable[StageLike]) -> dict[str, tuple[str, ...]]:
    """Node id -> ids of the tasks that run it, in run order (the `tasks` argument of `render_svg`)."""
    found: dict[str, list[str]] = {}
    for stage in stages:
        for node_id in stage.nodes:
            found.setdefault(node_id, []).append(stage.id)
    return {node_id: tuple(ids) for node_id, ids in found.items()}


def render_svg(workflow: Workflow, tasks: Mapping[str, Sequence[str]] | None = None) -> str:
    """The canvas as a standalone SVG document: notes behind, then edges, then nodes on top."""
    tasks = tasks or {}
    boxes = layout(workflow)
    colors = _task_colors(workflow, tasks)
    handles = _handles(workflow.edges)
    parts = [_note(note) for note in workflow.notes]
    parts += [_edge(edge, boxes, handles) for edge in workflow.edges
              if edge.source in boxes and edge.target in boxes]
    parts += [_node(node, boxes[node.id], tuple(tasks.get(node.id, ())), colors) for node in workflow.nodes]
    left, top, right, bottom = _bounds(workflow, boxes, tasks)
    width, height = right - left, bottom - top
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_n(left)} {_n(top)} {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" font-family="{_attr(FONT)}" data-wareflow-canvas="1">',
        f"<title>{_text(workflow.title)}</title>",
        _defs(),
        f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(width)}" height="{_n(height)}" fill="#FFFFFF"/>',
        *parts,
        "</svg>",
    ]) + "\n"


def canvas_data(workflow: Workflow, tasks: Mapping[str, Sequence[str]] | None = None) -> dict[str, Any]:
    """What `render_svg` draws, as plain JSON-native data: what a DAG's docs carry (`embed_in_doc`).

    Small and cheap to make at parse time (no layout, no SVG); the plugin draws it on request."""
    return {
        "v": CANVAS_FORMAT,
        "title": workflow.title,
        "nodes": [[n.id, n.component, n.display, *(n.position or (None, None))] for n in workflow.nodes],
        "edges": [[e.source, e.source_handle, e.target, e.target_handle] for e in workflow.edges],
        "notes": [[*note.position, *note.size, note.color, _note_title(note.text)] for note in workflow.notes],
        "tasks": {node_id: list(ids) for node_id, ids in sorted((tasks or {}).items())},
    }


def render_data(data: Any) -> str:
    """The SVG of `canvas_data`'s output; ValueError when `data` is not what it makes."""
    if not isinstance(data, dict) or data.get("v") != CANVAS_FORMAT:
        raise ValueError("not a Wareflow canvas")
    try:
        nodes = tuple(Node(id=_str(i), component=_str(c), label=_str(label), position=_point(x, y))
                      for i, c, label, x, y in data["nodes"])
        edges = tuple(Edge(id=f"e{k}", source=_str(a), source_handle=_str(ah), target=_str(b), target_handle=_str(bh))
                      for k, (a, ah, b, bh) in enumerate(data["edges"]))
        notes = tuple(Note(position=_point(x, y) or (0.0, 0.0), size=_point(w, h) or (0.0, 0.0), color=_str(color),
                           text=_str(text)) for x, y, w, h, color, text in data["notes"])
        tasks = {_str(node): tuple(_str(t) for t in ids) for node, ids in data["tasks"].items()}
        workflow = Workflow(title=_str(data["title"]), nodes=nodes, edges=edges, notes=notes)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a Wareflow canvas: {exc}") from None
    return render_svg(workflow, tasks)


def embed_in_doc(data: Mapping[str, Any]) -> str:
    """`canvas_data` as an HTML comment for a DAG's ``doc_md``: the UI skips it, the plugin draws it.

    JSON never holds ``--`` outside strings, and inside them it is written ``-\\u002d``, so the comment
    cannot end early (no text from the workflow can close it and inject markup)."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    return f"{START_MARK} {text.replace('--', '-' + chr(92) + 'u002d')} -->"


def extract_from_doc(doc_md: str | None) -> str | None:
    """The SVG of the canvas embedded in `doc_md` by `embed_in_doc`, drawn now; None when there is none
    or it is not ours. Only data is read from the docs: every character of the SVG is the renderer's."""
    match = _BLOCK.search(doc_md or "")
    if match is None:
        return None
    try:
        return render_data(json.loads(match.group(1)))
    except (ValueError, RecursionError):
        return None


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _point(x: Any, y: Any) -> tuple[float, float] | None:
    if x is None and y is None:
        return None
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in (x, y)):
        raise TypeError("expected two finite numbers")
    return float(x), float(y)


# --------------------------------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------------------------------
def layout(workflow: Workflow) -> dict[str, Box]:
    """Node id -> its box: where the canvas put it, else a layered layout below what the canvas placed.

    Hand-written workflows have no positions: each node goes in the column of its longest path from a
    source, and down the column in file order.
    """
    boxes = {n.id: Box(*n.position, *_size(n)) for n in workflow.nodes if n.position is not None}
    missing = [n for n in workflow.nodes if n.position is None]
    if not missing:
        return boxes
    placed = list(boxes.values()) + [Box(*note.position, *note.size) for note in workflow.notes]
    origin_x = min((b.x for b in placed), default=0.0)
    origin_y = max((b.y + b.h + ROW for b in placed), default=0.0)
    depth = _depths(workflow)
    columns = sorted({depth[n.id] for n in missing})
    rows: dict[int, int] = {}
    for node in missing:
        column = columns.index(depth[node.id])
        row = rows.get(column, 0)
        rows[column] = row + 1
        boxes[node.id] = Box(origin_x + column * COLUMN, origin_y + row * ROW, *_size(node))
    return boxes


def _depths(workflow: Workflow) -> dict[str, int]:
    """Node id -> length of its longest path from a source (Kahn's order; nodes on a cycle keep the
    depth their acyclic predecessors gave them, so a broken graph is still drawn)."""
    depth = {n.id: 0 for n in workflow.nodes}
    after: dict[str, list[str]] = {n: [] for n in depth}
    waiting = dict.fromkeys(depth, 0)
    for edge in workflow.edges:
        if edge.source in depth and edge.target in depth:
            after[edge.source].append(edge.target)
            waiting[edge.target] += 1
    ready = deque(n for n, count in waiting.items() if count == 0)
    while ready:
        node = ready.popleft()
        for nxt in after[node]:
            depth[nxt] = max(depth[nxt], depth[node] + 1)
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                ready.append(nxt)
    return depth


def _size(node: Node) -> tuple[float, float]:
    return SOURCE_SIZE if _is_source(node) else NODE_SIZE


def _is_source(node: Node) -> bool:
    return node.component == SOURCE_COMPONENT


def _handles(edges: Sequence[Edge]) -> dict[tuple[str, str, str], tuple[int, int]]:
    """(side, node, handle) -> (index, count): a node's handles on one side, spread down that side in
    the order edges first name them (a spatial filter's two outputs leave from two points)."""
    names: dict[tuple[str, str], list[str]] = {}
    for edge in edges:
        for side, node, handle in (("out", edge.source, edge.source_handle), ("in", edge.target, edge.target_handle)):
            seen = names.setdefault((side, node), [])
            if handle not in seen:
                seen.append(handle)
    return {(side, node, h): (i, len(hs)) for (side, node), hs in names.items() for i, h in enumerate(hs)}


def _bounds(workflow: Workflow, boxes: Mapping[str, Box],
            tasks: Mapping[str, Sequence[str]]) -> tuple[float, float, float, float]:
    """Left, top, right, bottom of everything drawn (text under nodes included), with the margin."""
    rects = [(n.position[0], n.position[1], n.position[0] + n.size[0], n.position[1] + n.size[1])
             for n in workflow.notes]
    for node in workflow.nodes:
        box = boxes[node.id]
        lines = _captions(node, tuple(tasks.get(node.id, ())))
        half = max((len(text) * size * CHAR_WIDTH for text, size, _ in lines), default=0.0) / 2
        centre = box.x + box.w / 2
        bottom = box.y + box.h + sum(size + 4 for _, size, _ in lines) + 4
        rects.append((min(box.x, centre - half), box.y, max(box.x + box.w, centre + half), bottom))
    if not rects:
        return -MARGIN, -MARGIN, MARGIN, MARGIN
    left, top = min(r[0] for r in rects), min(r[1] for r in rects)
    right, bottom = max(r[2] for r in rects), max(r[3] for r in rects)
    return left - MARGIN, top - MARGIN, right + MARGIN, bottom + MARGIN


# --------------------------------------------------------------------------------------------------
# Elements
# --------------------------------------------------------------------------------------------------
def _defs() -> str:
    return ('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#64748B"/></marker></defs>')


def _note(note: Note) -> str:
    """A translucent rectangle in the note's colour, with its first heading (or line) as a title."""
    (x, y), (w, h) = note.position, note.size
    color = note.color if _COLOR.fullmatch(note.color) else NOTE_COLOR
    title = _shorten(_note_title(note.text), max(4, int((w - 24) / (13 * CHAR_WIDTH))))
    rect = (f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" rx="8" fill="{color}" '
            f'fill-opacity="0.22" stroke="{color}" stroke-opacity="0.8"/>')
    label = (f'<text x="{_n(x + 12)}" y="{_n(y + 22)}" font-size="13" font-weight="600" fill="#334155">'
             f"{_text(title)}</text>") if title else ""
    return f'<g class="note">{rect}{label}</g>'


def _note_title(markdown: str) -> str:
    """The first markdown heading of a note, else its first non-empty line, without markup."""
    lines = [line.strip() for line in markdown.splitlines() if line.strip()]
    line = next((item for item in lines if item.startswith("#")), lines[0] if lines else "")
    return re.sub(r"^#+\s*|\*\*|__|`", "", line).strip()


def _edge(edge: Edge, boxes: Mapping[str, Box], handles: Mapping[tuple[str, str, str], tuple[int, int]]) -> str:
    """React-Flow's default (Bézier) edge from the source's right side to the target's left side."""
    source, target = boxes[edge.source], boxes[edge.target]
    sx, sy = source.x + source.w, _handle_y(source, handles[("out", edge.source, edge.source_handle)])
    tx, ty = target.x, _handle_y(target, handles[("in", edge.target, edge.target_handle)])
    offset = _control_offset(tx - sx)
    path = (f"M{_n(sx)},{_n(sy)} C{_n(sx + offset)},{_n(sy)} {_n(tx - offset)},{_n(ty)} "
            f"{_n(tx)},{_n(ty)}")
    return (f'<path class="edge" data-source="{_attr(edge.source)}" data-target="{_attr(edge.target)}" '
            f'd="{path}" fill="none" stroke="#64748B" stroke-width="1.5" marker-end="url(#arrow)"/>')


def _handle_y(box: Box, slot: tuple[int, int]) -> float:
    index, count = slot
    return box.y + box.h * (index + 1) / (count + 1)


def _control_offset(distance: float, curvature: float = 0.25) -> float:
    """React-Flow's `calculateControlOffset`: half the gap forwards, a loop that grows slowly backwards."""
    return 0.5 * distance if distance >= 0 else curvature * 25 * math.sqrt(-distance)


def _node(node: Node, box: Box, task_ids: tuple[str, ...], colors: Mapping[str, tuple[str, str]]) -> str:
    """A rounded box at the node's place; under it its label, its component and the task(s) running it."""
    source = _is_source(node)
    if source:
        fill, stroke = SOURCE
    else:  # the colour of the first task that runs it; a node no task runs is dashed
        fill, stroke = colors.get(task_ids[0], UNRUN) if task_ids else UNRUN
    dashed = ' stroke-dasharray="4 3"' if not (source or task_ids) else ""
    rect = (f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.w)}" height="{_n(box.h)}" rx="10" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{2 if source else 1.5}"{dashed}/>')
    centre = box.x + box.w / 2
    inside = _shorten(node.display, 22) if source else _monogram(node.display)
    size = 13 if source else 20
    mark = (f'<text x="{_n(centre)}" y="{_n(box.y + box.h / 2 + size * 0.35)}" text-anchor="middle" '
            f'font-size="{size}" font-weight="600" fill="{stroke}">{_text(inside)}</text>')
    y = box.y + box.h
    captions = []
    for text, font_size, style in _captions(node, task_ids):
        y += font_size + 4
        captions.append(f'<text x="{_n(centre)}" y="{_n(y)}" text-anchor="middle" font-size="{font_size}" '
                        f"{style}>{_text(text)}</text>")
    kind = "node source" if source else "node"
    return (f'<g class="{kind}" data-node="{_attr(node.id)}" data-tasks="{_attr(" ".join(task_ids))}">'
            f"{rect}{mark}{''.join(captions)}</g>")


def _captions(node: Node, task_ids: tuple[str, ...]) -> list[tuple[str, int, str]]:
    """(text, font size, attributes) of the lines under a node: label, component, task ids."""
    component = node.component.removeprefix("native.")
    lines = [] if _is_source(node) else [(_shorten(node.display, LABEL_CHARS), 12, 'font-weight="600" fill="#0F172A"')]
    lines.append((_shorten(component, SMALL_CHARS), 10, 'fill="#64748B"'))
    shown = list(task_ids[:TASK_LINES])
    if len(task_ids) > TASK_LINES:
        shown[-1] = f"+{len(task_ids) - TASK_LINES + 1} more tasks"
    lines += [(_shorten(task, TASK_CHARS), 10, f'font-family="{_attr(MONO)}" fill="#1E40AF"') for task in shown]
    return lines


def _monogram(label: str) -> str:
    """Two letters for the inside of a 64-pixel node, where CARTO draws the component's icon."""
    words = re.findall(r"[A-Za-z0-9]+", label)
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].capitalize()
    return (words[0][0] + words[1][0]).upper()


def _task_colors(workflow: Workflow, tasks: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, str]]:
    """Task id -> (fill, stroke), in order of first appearance along the file's nodes."""
    colors: dict[str, tuple[str, str]] = {}
    for node in workflow.nodes:
        for task in tasks.get(node.id, ()):
            if task not in colors:
                colors[task] = PALETTE[len(colors) % len(PALETTE)]
    return colors


# --------------------------------------------------------------------------------------------------
# Text and numbers
# --------------------------------------------------------------------------------------------------
def _shorten(text: str, limit: int) -> str:
    """`text` on one line, at most `limit` characters, an ellipsis marking the cut."""
    flat = " ".join(_NOT_XML.sub("", text).split())
    return flat if len(flat) <= limit else flat[: max(limit - 1, 1)].rstrip() + "…"


def _text(value: str) -> str:
    """Character data: markup in a label stays text (``<script>`` is shown, never run)."""
    return html.escape(_NOT_XML.sub("", value), quote=True)


def _attr(value: str) -> str:
    """An attribute value (always written between double quotes)."""
    return html.escape(" ".join(_NOT_XML.sub("", value).split()), quote=True)


def _n(value: float) -> str:
    """A coordinate rounded to 0.1: stable text whatever float noise the export carries."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text

"""The canvas picture: every node and edge drawn where the canvas put them, task ids shown, text inert."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wareflow.cli import app
from wareflow.model import parse_workflow
from wareflow.model.loader import load_workflow
from wareflow.render import canvas_data, embed_in_doc, extract_from_doc, render_svg, tasks_by_node
from wareflow.runner import load_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "dags_examples"
CARTO_EXPORTS = Path("/work/shared/carto-exports")
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert('x')</script> & \"quoted\""


def node(node_id: str, name: str, label: str, x: float | None = None, y: float | None = None) -> dict[str, Any]:
    raw: dict[str, Any] = {"id": node_id, "type": "source" if name == "ReadTable" else "generic",
                           "data": {"name": name, "label": label}}
    if x is not None:
        raw["position"] = {"x": x, "y": y}
    return raw


def edge(source: str, target: str, source_handle: str = "out", target_handle: str = "source") -> dict[str, Any]:
    return {"source": source, "target": target, "sourceHandle": source_handle, "targetHandle": target_handle}


def diagram(positioned: bool = True) -> dict[str, Any]:
    """A source, a buffer, and a spatial filter whose two outputs feed two saves; one sticky note."""
    xy = (lambda x, y: (x, y)) if positioned else (lambda x, y: (None, None))
    return {
        "title": "Stores",
        "nodes": [
            node("src", "ReadTable", "stores", *xy(0, 100)),
            node("buf", "native.buffer", "Buffer stores", *xy(300, 100)),
            node("flt", "native.spatialfilter", "Filter", *xy(500, 100)),
            node("near", "native.saveastable", "Save near", *xy(700, 0)),
            node("far", "native.saveastable", "Save far", *xy(700, 200)),
            {"id": "note1", "type": "note", "position": {"x": -20, "y": -80},
             "data": {"name": "Note", "color": "#8BE0A4", "width": 400, "height": 60,
                      "markdown": "---\nlabel: x\n---\nIntro line\n## The **stores** `buffer`\nbody"}},
        ],
        "edges": [edge("src", "buf"), edge("buf", "flt", "result", "source"), edge("src", "flt", "out", "filter"),
                  edge("flt", "near", "match"), edge("flt", "far", "unmatch")],
    }


TASKS = {"buf": ("t_buffer",), "flt": ("t_near", "t_far"), "near": ("t_near",), "far": ("t_far",)}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def groups(root: ET.Element, kind: str) -> dict[str, ET.Element]:
    return {g.get("data-node", ""): g for g in root.iter(f"{SVG}g") if kind in (g.get("class") or "").split()}


def texts(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def view_box(root: ET.Element) -> tuple[float, ...]:
    return tuple(float(v) for v in (root.get("viewBox") or "").split())


def test_every_node_and_edge_is_drawn_with_its_label_component_and_tasks():
    root = parse(render_svg(parse_workflow(diagram()), TASKS))
    nodes = groups(root, "node")
    assert sorted(nodes) == ["buf", "far", "flt", "near", "src"]
    assert texts(nodes["buf"]) == ["BS", "Buffer stores", "buffer", "t_buffer"]
    assert texts(nodes["flt"])[1:] == ["Filter", "spatialfilter", "t_near", "t_far"]
    assert nodes["flt"].get("data-tasks") == "t_near t_far"
    assert "source" in (nodes["src"].get("class") or "") and texts(nodes["src"]) == ["stores", "ReadTable"]
    assert nodes["src"].get("data-tasks") == ""
    edges = [(p.get("data-source"), p.get("data-target")) for p in root.iter(f"{SVG}path") if p.get("class") == "edge"]
    assert edges == [("src", "buf"), ("buf", "flt"), ("src", "flt"), ("flt", "near"), ("flt", "far")]
    assert all(p.get("marker-end") == "url(#arrow)" for p in root.iter(f"{SVG}path") if p.get("class") == "edge")
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}title").text == "Stores"  # type: ignore[union-attr]


def test_fused_nodes_share_their_task_colour_and_sources_differ():
    nodes = groups(parse(render_svg(parse_workflow(diagram()), TASKS)), "node")
    fill = {node_id: g.find(f"{SVG}rect").get("fill") for node_id, g in nodes.items()}  # type: ignore[union-attr]
    assert fill["flt"] == fill["near"] != fill["far"] != fill["buf"]  # flt runs first in t_near
    assert fill["src"] not in {fill["buf"], fill["near"], fill["far"]}


def test_positions_are_respected_and_edges_go_right_side_to_left_side():
    root = parse(render_svg(parse_workflow(diagram()), TASKS))
    rects = {k: g.find(f"{SVG}rect") for k, g in groups(root, "node").items()}
    assert (rects["buf"].get("x"), rects["buf"].get("y")) == ("300", "100")  # type: ignore[union-attr]
    assert (rects["src"].get("width"), rects["buf"].get("width")) == ("192", "64")  # type: ignore[union-attr]
    (path,) = [p.get("d") for p in root.iter(f"{SVG}path") if p.get("data-source") == "src"
               and p.get("data-target") == "buf"]
    # from the source's right side (0 + 192, middle) to the buffer's left side (300, middle), as a cubic Bézier
    assert path == "M192,132 C246,132 246,132 300,132"
    # the filter's two inputs arrive at two points of its left side, its two outputs leave from two points
    ends = {p.get("data-source"): p.get("d", "").split()[-1] for p in root.iter(f"{SVG}path")
            if p.get("data-target") == "flt"}
    assert ends == {"buf": "500,121.3", "src": "500,142.7"}


def test_the_view_box_holds_every_element_with_a_margin():
    root = parse(render_svg(parse_workflow(diagram()), TASKS))
    left, top, width, height = view_box(root)
    assert (left, top) == (-20 - 32, -80 - 32)  # the note is the top-left-most thing drawn
    assert left + width >= 700 + 64 + 32 and top + height >= 200 + 64 + 32
    assert root.get("width") == f"{width:g}" and root.get("height") == f"{height:g}"


def test_a_note_is_drawn_behind_with_its_first_heading():
    root = parse(render_svg(parse_workflow(diagram()), TASKS))
    children = list(root)
    (note,) = [g for g in children if g.get("class") == "note"]
    assert texts(note) == ["The stores buffer"]
    rect = note.find(f"{SVG}rect")
    assert rect is not None and rect.get("fill") == "#8BE0A4" and float(rect.get("fill-opacity", "1")) < 1
    first_node = next(i for i, g in enumerate(children) if "node" in (g.get("class") or ""))
    assert children.index(note) < first_node


def test_hostile_labels_are_inert_text_and_long_ones_shortened():
    data = diagram()
    data["nodes"][1]["data"]["label"] = HOSTILE
    data["nodes"][2]["data"]["label"] = "A very long label that no node box could ever hold"
    data["nodes"][5]["data"]["markdown"] = "# <img src=x onerror=alert(1)>"
    data["nodes"][5]["data"]["color"] = 'red" onload="alert(1)'
    data["title"] = "</title><script>alert(1)</script>"
    svg = render_svg(parse_workflow(data), {"buf": ["<b>task</b>"]})
    root = parse(svg)  # still well-formed XML
    assert "<script" not in svg and "<img" not in svg and "onload=" not in svg and "<b>" not in svg
    assert not [e for e in root.iter() if e.tag.removeprefix(SVG) in {"script", "foreignObject", "image", "a"}]
    assert all(not name.startswith("on") for e in root.iter() for name in e.attrib)
    nodes = groups(root, "node")
    assert texts(nodes["buf"])[1] == "<script>alert('x')</scr…"  # escaped in the file, shown as written
    assert texts(nodes["buf"])[3] == "<b>task</b>"
    label = texts(nodes["flt"])[1]
    assert label.endswith("…") and len(label) <= 24 and label.startswith("A very long label")
    assert root.find(f"{SVG}title").text == "</title><script>alert(1)</script>"  # type: ignore[union-attr]


def test_control_characters_in_labels_do_not_break_the_document():
    data = diagram()
    data["nodes"][1]["data"]["label"] = "bad\x00\x07label\ud800"
    root = parse(render_svg(parse_workflow(data)))
    assert texts(groups(root, "node")["buf"])[1] == "badlabel"


def test_without_positions_nodes_are_laid_out_in_columns_by_depth():
    root = parse(render_svg(parse_workflow(diagram(positioned=False)), TASKS))
    at = {k: (float(g.find(f"{SVG}rect").get("x")), float(g.find(f"{SVG}rect").get("y")))  # type: ignore[union-attr,arg-type]
          for k, g in groups(root, "node").items()}
    columns = sorted({x for x, _ in at.values()})
    assert len(columns) == 4  # src | buf | flt (longest path: src -> buf -> flt) | near, far
    assert at["src"][0] < at["buf"][0] < at["flt"][0] < at["near"][0] == at["far"][0]
    assert at["near"][1] < at["far"][1]  # rows in file order
    assert len(set(at.values())) == len(at)  # no two nodes on one spot
    notes = [g for g in root if g.get("class") == "note"]
    note_bottom = -80 + 60
    assert all(y > note_bottom for _, y in at.values()) and notes  # below what the canvas placed


def test_a_cycle_or_an_empty_workflow_still_draws():
    cyclic = {"nodes": [node("a", "native.buffer", "A"), node("b", "native.buffer", "B")],
              "edges": [edge("a", "b"), edge("b", "a")]}
    assert sorted(groups(parse(render_svg(parse_workflow(cyclic))), "node")) == ["a", "b"]
    empty = parse(render_svg(parse_workflow({"nodes": []})))
    assert empty.tag == f"{SVG}svg" and view_box(empty)[2] > 0


def test_output_is_deterministic_and_rounded():
    data = diagram()
    data["nodes"][1]["position"] = {"x": 300.123456789, "y": 100.987654321}
    first = render_svg(parse_workflow(json.loads(json.dumps(data))), TASKS)
    second = render_svg(parse_workflow(json.loads(json.dumps(data))), dict(TASKS))
    assert first == second
    assert "300.1" in first and "300.12" not in first
    coordinates = re.findall(r' (?:x|y|width|height|d|viewBox)="([^"]*)"', first)
    assert coordinates and not [c for c in coordinates if re.search(r"\d\.\d{2,}", c)]


def test_the_docs_carry_the_canvas_data_and_the_picture_is_drawn_from_it():
    workflow = parse_workflow(diagram())
    svg = render_svg(workflow, TASKS)
    block = embed_in_doc(canvas_data(workflow, TASKS))
    doc = f"# Stores\n\n![canvas](wareflow/dags/x/canvas.svg)\n\n{block}\n\nMore prose."
    assert extract_from_doc(doc) == svg
    assert block.startswith("<!-- wareflow:canvas {") and block.count("-->") == 1 and "<" not in block[4:-3]
    assert extract_from_doc("no picture here") is None and extract_from_doc(None) is None
    forged = [  # not our data: nothing is drawn (and nothing from the docs is ever served as is)
        '<!-- wareflow:canvas {"v": 1} -->',
        '<!-- wareflow:canvas {"v": 1, "title": "t", "nodes": [["a", "b", "<script>", "x", 0]], "edges": [],'
        ' "notes": [], "tasks": {}} -->',
        '<!-- wareflow:canvas {"v": 2, "title": "t", "nodes": [], "edges": [], "notes": [], "tasks": {}} -->',
        '<!-- wareflow:canvas {not json} -->',
    ]
    for bad in forged:
        assert extract_from_doc(bad) is None, bad


def test_text_that_would_close_the_comment_stays_inside_it():
    flow = diagram()
    flow["nodes"][0]["data"]["label"] = "a --> <script>alert(1)</script> <!-- b ---"
    workflow = parse_workflow(flow)
    block = embed_in_doc(canvas_data(workflow, TASKS))
    assert block.count("--") == 2  # the comment's own opening and closing
    svg = extract_from_doc(block)
    assert svg == render_svg(workflow, TASKS) and "<script>" not in svg and "&lt;script&gt;" in svg


def test_tasks_by_node_follows_the_plan():
    plan = load_plan(EXAMPLES / "customers_near_stations.json")
    tasks = tasks_by_node(plan.stages)
    for stage in plan.stages:
        assert all(stage.id in tasks[n] for n in stage.nodes)
    assert any(len(ids) > 1 for ids in tasks.values())  # the spatial filter feeds both saves
    sources = [n.id for n in plan.workflow.workflow.nodes if n.component == "ReadTable"]
    assert sources and not any(s in tasks for s in sources)


def _carto_export(name: str) -> Path:
    path = CARTO_EXPORTS / name
    if not path.exists():
        pytest.skip(f"{CARTO_EXPORTS} is not available")
    return path


def test_a_real_carto_export_is_drawn_in_full():
    path = _carto_export("poi_hotspot.json")
    plan = load_plan(path)
    workflow = plan.workflow.workflow
    svg = render_svg(workflow, tasks_by_node(plan.stages))
    root = parse(svg)
    nodes = groups(root, "node")
    assert sorted(nodes) == sorted(n.id for n in workflow.nodes)
    assert len([p for p in root.iter(f"{SVG}path") if p.get("class") == "edge"]) == len(workflow.edges)
    assert len([g for g in root if g.get("class") == "note"]) == len(workflow.notes) > 0
    for n in workflow.nodes:
        rect = nodes[n.id].find(f"{SVG}rect")
        assert rect is not None and n.position is not None
        assert (float(rect.get("x", "nan")), float(rect.get("y", "nan"))) == n.position
    stage_ids = {s.id for s in plan.stages}
    shown = {t for g in nodes.values() for t in (g.get("data-tasks") or "").split()}
    assert shown == stage_ids
    assert extract_from_doc(embed_in_doc(canvas_data(workflow, tasks_by_node(plan.stages)))) == svg


def test_every_example_workflow_renders_to_valid_svg():
    paths = sorted(EXAMPLES.glob("*.json")) + sorted(CARTO_EXPORTS.glob("*.json"))
    for path in paths:
        workflow = load_workflow(path)
        root = parse(render_svg(workflow))
        assert len(groups(root, "node")) == len(workflow.nodes), path


runner = CliRunner()


def test_cli_render_writes_the_picture_with_task_ids(tmp_path: Path):
    out = tmp_path / "near.svg"
    result = runner.invoke(app, ["render", str(EXAMPLES / "customers_near_stations.json"), "-o", str(out),
                                 "--map", "wareflow-demo.demo=main"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    plan = load_plan(EXAMPLES / "customers_near_stations.json", table_map={"wareflow-demo.demo": "main"})
    root = parse(out.read_text(encoding="utf-8"))
    shown = {t for g in groups(root, "node").values() for t in (g.get("data-tasks") or "").split()}
    assert shown == {s.id for s in plan.stages}


def test_cli_render_prints_to_stdout_and_reports_coded_errors(tmp_path: Path):
    result = runner.invoke(app, ["render", str(EXAMPLES / "stores_by_neighborhood.json")], catch_exceptions=False)
    assert result.exit_code == 0
    assert parse(result.stdout).tag == f"{SVG}svg"
    missing = runner.invoke(app, ["render", str(tmp_path / "nope.json")], catch_exceptions=False)
    assert missing.exit_code == 1 and "WF101" in missing.output and "Traceback" not in missing.output
    bad_map = runner.invoke(app, ["render", str(EXAMPLES / "stores_by_neighborhood.json"), "--map", "oops"],
                            catch_exceptions=False)
    assert bad_map.exit_code == 1 and "WF001" in bad_map.output
    unwritable = runner.invoke(app, ["render", str(EXAMPLES / "stores_by_neighborhood.json"),
                                     "-o", str(tmp_path / "no" / "such" / "dir.svg")], catch_exceptions=False)
    assert unwritable.exit_code == 1 and "WF002" in unwritable.output

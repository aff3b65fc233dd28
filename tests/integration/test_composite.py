"""Composite scores (unsupervised and supervised) on DuckDB and PostGIS, on 5,000+ generated cells, against
numpy (tests/support/composite_reference.py): every scoring method, the scalings, both aggregations and every
output formatting (scores to 1e-9 relative, buckets exactly), entropy weights and principal-component
loadings, OLS coefficients and residuals against numpy.linalg.lstsq, the R² and correlation failures (WF408),
parameter errors (WF203 naming node and input), and the public CARTO export's node read and run."""

from __future__ import annotations

import copy
import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

from tests.support import composite_reference as ref
from tests.support.workflows import WorkflowBuilder, out
from wareflow.components import bind
from wareflow.components.library import _composite as cs
from wareflow.errors import CompileError, WorkflowError
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import compile_plan
from wareflow.sql.dialects import get_dialect

N = 5_200
FIRST_CELL = 5_256_566_047_934_038_015  # a quadbin-like 64-bit integer; cells are consecutive from it
SCHEMA = [("cell", "integer"), ("a", "number"), ("b", "number"), ("c", "number"), ("d", "number"), ("y", "number")]
WF_SCHEMA = [(n, "number") for n, _ in SCHEMA]
WEIGHTS = [("a", 5.0, False), ("b", 3.0, True), ("c", 2.0, False)]
EXPORT = Path(__file__).resolve().parents[3] / "shared" / "carto-exports" / "composite-score-unsupervised.json"


def generated(seed: int = 7) -> tuple[list[tuple], np.ndarray]:
    """N cells: a, b, c positive and correlated, d noise, y a linear response; one row in 50 has a NULL."""
    rng = np.random.default_rng(seed)
    base = rng.normal(0, 1, N)
    a = np.exp(0.5 * base + rng.normal(0, 0.4, N)) * 10
    b = 50 + 8 * base + rng.normal(0, 4, N)
    c = rng.gamma(3.0, 2.0, N) + 2 * np.abs(base)
    d = rng.normal(0, 1, N)
    y = 3 + 0.4 * a - 0.2 * b + 1.5 * c + rng.normal(0, 2, N)
    data = np.column_stack([a, b, c, d, y])
    rows: list[tuple] = []
    for i in range(N):
        values: list[float | None] = data[i].tolist()
        if i % 50 == 3:
            values[i % 5] = None
        rows.append((FIRST_CELL + i, *values))
    return rows, data


def complete(rows: list[tuple], columns: list[int]) -> tuple[list[int], np.ndarray]:
    """The cells and the values of `columns` (positions in a..y) of the rows with none of them NULL."""
    kept = [r for r in rows if all(r[1 + k] is not None for k in columns)]
    return [r[0] for r in kept], np.array([[r[1 + k] for k in columns] for r in kept], dtype=float)


def read(engine, table: str) -> dict:
    cur = engine.conn.cursor()  # full precision (Engine.rows rounds)
    cur.execute(f"SELECT cell, spatial_score FROM main.{table}")
    got = {int(r[0]): (None if r[1] is None else float(r[1])) for r in cur.fetchall()}
    cur.close()
    engine.conn.commit()
    return got


def weights_json(weights=WEIGHTS) -> str:
    return json.dumps([[c, w, r] for c, w, r in weights])


def unsupervised(wf: WorkflowBuilder, table: str, **params) -> None:
    node = wf.node("native.spatialcompositeunsupervised", {"source": wf.source("main.cells", schema=WF_SCHEMA)},
                   indexcol="cell", **params)
    wf.save(out(node), f"main.{table}")


def assert_scores(got: dict, cells: list[int], expected: np.ndarray) -> None:
    assert set(got) == set(cells)
    for cell, e in zip(cells, expected.tolist(), strict=True):
        if math.isnan(e):
            assert got[cell] is None
        else:
            assert got[cell] == pytest.approx(e, rel=1e-9, abs=1e-12)


def assert_buckets(got: dict, cells: list[int], expected: np.ndarray, position: np.ndarray | None = None) -> None:
    """Buckets equal; where `position` (the reference's nb·(score - low)/width) is within 1e-9 of a whole
    number the last bit of the score decides, and either neighbour is accepted."""
    assert set(got) == set(cells)
    for i, (cell, e) in enumerate(zip(cells, expected.tolist(), strict=True)):
        near_edge = position is not None and abs(position[i] - round(position[i])) < 1e-9
        assert got[cell] == e or (near_edge and abs(got[cell] - e) == 1), (cell, got[cell], e)


def load(engine, table: str, columns: list[tuple[str, str]], rows: list[tuple]) -> None:
    """`Engine.load`, in one multi-row INSERT (it inserts row by row: seconds for 5,000 rows). The values
    are generated numbers and fixed words, written as literals."""
    engine.load(table, columns, [])

    def text(v: object) -> str:
        if v is None:
            return "NULL"
        if isinstance(v, str):
            return "'" + v.replace("'", "''") + "'"
        return repr(float(v)) if isinstance(v, float) else str(int(v))  # type: ignore[call-overload]

    cur = engine.conn.cursor()
    cur.execute(f"INSERT INTO main.{table} VALUES " + ", ".join("(" + ", ".join(map(text, r)) + ")" for r in rows))
    cur.close()
    engine.conn.commit()


@pytest.fixture
def cells(engine):
    rows, _ = generated()
    load(engine, "cells", SCHEMA, rows)
    return rows


# --- unsupervised ---------------------------------------------------------------------------------
CUSTOM_SCALINGS = ("MIN_MAX_SCALER", "STANDARD_SCALER", "RANKING", "DISTANCE_TO_TARGET_MIN",
                   "DISTANCE_TO_TARGET_MAX", "DISTANCE_TO_TARGET_AVG", "PROPORTION")


def test_custom_weights_every_scaling_and_aggregation(engine, run_workflow, cells):
    wf = WorkflowBuilder(title="custom")
    for scaling in CUSTOM_SCALINGS:
        for aggregation in ("LINEAR", "GEOMETRIC"):
            unsupervised(wf, f"cw_{scaling}_{aggregation}".lower(), scoringmethod="CUSTOM_WEIGHTS",
                         weights=weights_json(), scaling=scaling, aggregation=aggregation)
    run_workflow(engine, wf)
    ids, data = complete(cells, [0, 1, 2])
    assert len(ids) >= 5_000
    for scaling in CUSTOM_SCALINGS:
        for aggregation in ("LINEAR", "GEOMETRIC"):
            expected = ref.custom_weights(data, [5, 3, 2], [False, True, False], scaling, aggregation)
            assert_scores(read(engine, f"cw_{scaling}_{aggregation}".lower()), ids, expected)


def test_output_formatting_for_every_method(engine, run_workflow, cells):
    """NONE, RETURN_RANGE, EQUAL_INTERVALS (fixed and automatic), QUANTILES and JENKS over the scores of each
    scoring method (JENKS here on 5,000 distinct scores: the summary is approximate, so the classes are checked
    for order and count; its exactness is checked below on few distinct values)."""
    methods = {"custom": dict(scoringmethod="CUSTOM_WEIGHTS", scaling="RANKING", aggregation="LINEAR"),
               "entropy": dict(scoringmethod="ENTROPY"),
               "pc": dict(scoringmethod="FIRST_PC", correlationvar="y", correlationthr="0.1")}
    formats = {"none": dict(outputformatting="NONE"),
               "range": dict(outputformatting="RETURN_RANGE", returnrange='["-1.0", "2.5"]'),
               "equal": dict(outputformatting="EQUAL_INTERVALS", nbuckets="7"),
               "auto": dict(outputformatting="EQUAL_INTERVALS", automaticnbuckets="true"),
               "quantiles": dict(outputformatting="QUANTILES", nbuckets="4"),
               "jenks": dict(outputformatting="JENKS", nbuckets="5")}
    wf = WorkflowBuilder(title="formats")
    for m, mp in methods.items():
        for f, fp in formats.items():
            unsupervised(wf, f"{m}_{f}", weights=weights_json(), **mp, **fp)
    run_workflow(engine, wf)
    ids, data = complete(cells, [0, 1, 2])
    _, with_y = complete(cells, [0, 1, 2, 4])
    scores = {
        "custom": ref.custom_weights(data, [5, 3, 2], [False, True, False], "RANKING", "LINEAR"),
        "entropy": ref.entropy(data, [False, True, False])[1],
    }
    pc_ids, pc_data = complete(cells, [0, 1, 2, 4])
    scores["pc"] = ref.first_pc(pc_data[:, :3], pc_data[:, 3])[2]
    assert len(with_y) == len(pc_ids)
    for m, score in scores.items():
        keys = pc_ids if m == "pc" else ids
        assert_scores(read(engine, f"{m}_none"), keys, score)
        assert_scores(read(engine, f"{m}_range"), keys, ref.return_range(score, -1.0, 2.5))
        lo, width = score.min(), score.max() - score.min()
        assert_buckets(read(engine, f"{m}_equal"), keys, ref.equal_intervals(score, 7), 7 * (score - lo) / width)
        nb = ref.freedman_diaconis(score, width)
        auto = read(engine, f"{m}_auto")
        assert max(auto.values()) == nb and min(auto.values()) == 1
        assert_buckets(auto, keys, ref.equal_intervals(score, nb), nb * (score - lo) / width)
        assert_buckets(read(engine, f"{m}_quantiles"), keys, ref.quantiles(score, 4))
        got = read(engine, f"{m}_jenks")
        assert sorted(set(got.values())) == [1, 2, 3, 4, 5]
        by_cell = dict(zip(keys, score.tolist(), strict=True))
        ordered = sorted(got, key=lambda c: by_cell[c])
        assert [got[c] for c in ordered] == sorted(got[c] for c in ordered)  # classes are contiguous in score


def test_jenks_is_exact_on_few_distinct_scores(engine, run_workflow):
    """Integer variables of 6 levels: at most 216 distinct scores, so the summary is the data itself."""
    rng = np.random.default_rng(3)
    data = rng.integers(0, 6, size=(N, 3)).astype(float)
    load(engine, "cells", SCHEMA, [(FIRST_CELL + i, *data[i].tolist(), 0.0, 0.0) for i in range(N)])
    wf = WorkflowBuilder(title="jenks")
    for nb in (3, 6):
        unsupervised(wf, f"jenks_{nb}", scoringmethod="CUSTOM_WEIGHTS", weights=weights_json(),
                     scaling="MIN_MAX_SCALER", outputformatting="JENKS", nbuckets=str(nb))
    run_workflow(engine, wf)
    score = ref.custom_weights(data, [5, 3, 2], [False, True, False], "MIN_MAX_SCALER", "LINEAR")
    assert len(np.unique(score)) <= 216
    for nb in (3, 6):
        assert_buckets(read(engine, f"jenks_{nb}"), [FIRST_CELL + i for i in range(N)], ref.jenks(score, nb))


def test_entropy_weights_and_scores(engine, run_workflow, cells):
    wf = WorkflowBuilder(title="entropy")
    unsupervised(wf, "entropy_ranked", scoringmethod="ENTROPY", weights=weights_json(), scaling="RANKING")
    run_workflow(engine, wf)
    ids, data = complete(cells, [0, 1, 2])
    weights, score = ref.entropy(data, [False, True, False])
    assert_scores(read(engine, "entropy_ranked"), ids, score)  # `scaling` is for CUSTOM_WEIGHTS only
    # the weights the task computes from the fetched aggregates (Σ s, Σ s ln s) equal numpy's
    s = np.column_stack([ref.scale(data[:, k], "MIN_MAX_SCALER", r) for k, r in enumerate([False, True, False])])
    slog = np.where(s > 0, s * np.log(np.where(s > 0, s, 1.0)), 0.0)
    got = cs.entropy_weights(len(s), s.sum(axis=0).tolist(), slog.sum(axis=0).tolist())
    assert got == pytest.approx(weights, rel=1e-12)
    assert got.sum() == pytest.approx(1.0) and weights.argmax() == int(np.argmax(got))


def test_first_pc_loadings_sign_and_threshold(engine, run_workflow, cells):
    ids, data = complete(cells, [0, 1, 2, 4])
    loadings, correlations, score = ref.first_pc(data[:, :3], data[:, 3])
    # the loadings from centred cross-products (what the warehouse returns) equal numpy's SVD, sign included
    centred = data - data.mean(axis=0)
    vector, eigenvalue, _ = cs.first_component((centred.T @ centred)[:3, :3])
    from wareflow.components.library.compositeunsupervised import CompositeUnsupervised
    vector = vector * CompositeUnsupervised._sign(vector, centred.T @ centred, 3, 3)
    assert vector == pytest.approx(loadings, rel=1e-9)
    assert vector * math.sqrt(eigenvalue) == pytest.approx(correlations, rel=1e-9)
    # with `y` as the correlation variable the score correlates positively with it; without one the
    # loadings sum is positive; a variable below the threshold fails naming it
    wf = WorkflowBuilder(title="pc")
    unsupervised(wf, "pc_y", scoringmethod="FIRST_PC", weights=weights_json(), correlationvar="y",
                 correlationthr="0")
    run_workflow(engine, wf)
    got = read(engine, "pc_y")
    assert_scores(got, ids, score)
    assert np.corrcoef([got[c] for c in ids], data[:, 3])[0, 1] > 0
    wf = WorkflowBuilder(title="pc weak")
    unsupervised(wf, "pc_weak", scoringmethod="FIRST_PC", weights=weights_json([*WEIGHTS, ("d", 1, False)]),
                 correlationthr="0.2")
    with pytest.raises(CompileError) as info:
        run_workflow(engine, wf)
    issue = info.value.issues[0]
    assert (issue.code, issue.field) == ("WF408", "correlationthr") and "'d'" in issue.message


def test_variables_default_to_every_numeric_column(engine, run_workflow, cells):
    wf = WorkflowBuilder(title="all columns")
    unsupervised(wf, "entropy_all", scoringmethod="ENTROPY", correlationvar="y")
    run_workflow(engine, wf)
    ids, data = complete(cells, [0, 1, 2, 3])  # a, b, c, d; y is the correlation variable
    assert_scores(read(engine, "entropy_all"), ids, ref.entropy(data, [False] * 4)[1])


# --- supervised -------------------------------------------------------------------------------------
def supervised(wf: WorkflowBuilder, table: str, predictors=("a", "b", "c"), **params) -> None:
    node = wf.node("native.spatialcompositesupervised", {"source": wf.source("main.cells", schema=WF_SCHEMA)},
                   indexcol="cell", inputpredictors=list(predictors), modelvariablecolumn="y",
                   modeloptions='{"DATA_SPLIT_METHOD":"NO_SPLIT","OPTIMIZE_STRATEGY":"NORMAL_EQUATION"}', **params)
    wf.save(out(node), f"main.{table}")


def test_residuals_and_coefficients_equal_lstsq(engine, run_workflow, cells):
    wf = WorkflowBuilder(title="ols")
    supervised(wf, "ols")
    supervised(wf, "ols_zero", bucketizemethod="EQUAL_INTERVALS_ZERO_CENTERED", nbuckets="6")
    supervised(wf, "ols_zero_all", bucketizemethod="EQUAL_INTERVALS_ZERO_CENTERED", nbuckets="4",
               removeoutliers="false")
    supervised(wf, "ols_auto", bucketizemethod="EQUAL_INTERVALS_ZERO_CENTERED", automaticnbuckets="true")
    run_workflow(engine, wf)
    ids, data = complete(cells, [0, 1, 2, 4])
    beta, residual, r2 = ref.ols(data[:, 3], data[:, :3])
    assert r2 > 0.5
    got = read(engine, "ols")
    assert_scores(got, ids, residual)
    # the coefficients: the predictions (y - residual) are exactly b0 + Xb, so lstsq on them gives b back
    predicted = data[:, 3] - np.array([got[c] for c in ids])
    design = np.column_stack([np.ones(len(ids)), data[:, :3]])
    assert np.linalg.lstsq(design, predicted, rcond=None)[0] == pytest.approx(beta, rel=1e-9)
    for table, nb, remove in (("ols_zero", 6, True), ("ols_zero_all", 4, False)):
        expected, m = ref.zero_centred(residual, nb, remove)
        assert_buckets(read(engine, table), ids, expected, nb * (residual + m) / (2 * m))
    _, m = ref.zero_centred(residual, 2, True)
    nb = ref.freedman_diaconis(residual, 2 * m)
    expected, _ = ref.zero_centred(residual, nb, True)
    assert_buckets(read(engine, "ols_auto"), ids, expected, nb * (residual + m) / (2 * m))


def test_a_low_r2_fails_naming_it(engine, run_workflow, cells):
    _, data = complete(cells, [3, 4])
    _, _, r2 = ref.ols(data[:, 1], data[:, :1])
    wf = WorkflowBuilder(title="weak model")
    supervised(wf, "weak", predictors=("d",), r2thr="0.5")
    with pytest.raises(CompileError) as info:
        run_workflow(engine, wf)
    issue = info.value.issues[0]
    assert (issue.code, issue.field) == ("WF408", "r2thr")
    assert f"{r2:.4f}" in issue.message
    assert engine.rows("SELECT table_name FROM information_schema.tables WHERE table_name = 'weak'") == []


# --- parameters, dialects, the export -----------------------------------------------------------------
def _bind_issues(component: str, **params) -> list:
    wf = WorkflowBuilder(title="bad")
    node = wf.node(component, {"source": wf.source("proj.ds.cells", schema=WF_SCHEMA)}, id="score", indexcol="cell",
                   **params)
    wf.save(out(node), "proj.ds.o")
    with pytest.raises(WorkflowError) as info:
        bind(parse_workflow(wf.to_dict()))
    return [(i.code, i.node_id, i.field, i.message) for i in info.value.issues]


@pytest.mark.parametrize(("component", "params", "field", "words"), [
    ("native.spatialcompositeunsupervised", dict(scoringmethod="CUSTOM_WEIGHTS", weights='[["a", "x", false]]'),
     "weights", "expected a number"),
    ("native.spatialcompositeunsupervised", dict(scoringmethod="CUSTOM_WEIGHTS", weights='[["a", -1, false]]'),
     "weights", ">= 0"),
    ("native.spatialcompositeunsupervised", dict(scoringmethod="CUSTOM_WEIGHTS"), "weights", "CUSTOM_WEIGHTS needs"),
    ("native.spatialcompositeunsupervised", dict(weights='[["a", 1, "maybe"]]'), "weights", "true or false"),
    ("native.spatialcompositeunsupervised", dict(outputformatting="RETURN_RANGE", returnrange='["1", "0"]'),
     "returnrange", "low < high"),
    ("native.spatialcompositeunsupervised", dict(scaling="LOG"), "scaling", "expected one of"),
    ("native.spatialcompositeunsupervised", dict(nbuckets="1"), "nbuckets", ">= 2"),
    ("native.spatialcompositesupervised", dict(inputpredictors=["a"], modelvariablecolumn="y",
                                                modelregressor="BOOSTED_TREE_REGRESSOR"),
     "modelregressor", "LINEAR_REG"),
    ("native.spatialcompositesupervised", dict(inputpredictors=["a"], modelvariablecolumn="y",
                                                modeloptions='{"L2_REG": 0.1}'), "modeloptions", "'L2_REG'"),
    ("native.spatialcompositesupervised", dict(inputpredictors=["a", "y"], modelvariablecolumn="y"),
     "modelvariablecolumn", "also a predictor"),
    ("native.spatialcompositesupervised", dict(inputpredictors=["a"], modelvariablecolumn="y", r2thr="2"),
     "r2thr", "<= 1"),
])
def test_parameter_errors_name_the_node_and_input(component, params, field, words):
    issues = _bind_issues(component, **params)
    assert any(code == "WF203" and node == "score" and f == field and words in message
               for code, node, f, message in issues), issues


DIALECTS = ("duckdb", "postgres", "bigquery", "snowflake", "databricks", "redshift", "oracle", "synapse")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_dialect_compiles_with_placeholders(dialect):
    wf = WorkflowBuilder(title="dialects")
    schema = [("quadbin", "number"), *WF_SCHEMA[1:]]
    src = wf.source("proj.ds.cells", schema=schema)
    variants = [dict(scoringmethod="ENTROPY", outputformatting="JENKS"),
                dict(scoringmethod="FIRST_PC", correlationvar="y", outputformatting="EQUAL_INTERVALS",
                     automaticnbuckets=True),
                dict(scoringmethod="CUSTOM_WEIGHTS", scaling="RANKING", aggregation="GEOMETRIC",
                     outputformatting="QUANTILES")]
    for i, params in enumerate(variants):
        node = wf.node("native.spatialcompositeunsupervised", {"source": src}, indexcol="quadbin",
                       weights=weights_json(), **params)
        wf.save(out(node), f"proj.ds.u{i}")
    node = wf.node("native.spatialcompositesupervised", {"source": src}, indexcol="quadbin",
                   inputpredictors=["a", "b"], modelvariablecolumn="y", bucketizemethod="EQUAL_INTERVALS_ZERO_CENTERED",
                   automaticnbuckets=True)
    wf.save(out(node), "proj.ds.s")
    d = get_dialect(dialect)
    stages = compile_plan(plan_workflow(bind(parse_workflow(wf.to_dict()))), d)
    # what each node reads while compiling: <node>_<name>
    fetched = sorted(re.sub(r"^.*?_\d+_", "", key) for stage in stages for key, _ in stage.fetches)
    assert fetched == ["entropy", "jenks", "moments", "moments", "score_stats", "score_stats"]
    text = "\n".join(s for stage in stages for s in stage.sql(d))
    for name in ("weight1", "break4", "loading3", "nbuckets", "b2"):
        assert name in text


@pytest.mark.skipif(not EXPORT.exists(), reason="../shared/carto-exports is absent")
def test_the_public_export_reads_and_runs(engine, run_workflow):
    data = json.loads(EXPORT.read_text(encoding="utf-8"))
    node = next(n for n in data["nodes"] if n["data"].get("name") == "native.spatialcompositeunsupervised")
    comp = bind(parse_workflow(copy.deepcopy(data))).components[node["id"]]
    assert (comp.scoringmethod, comp.scaling, comp.aggregation, comp.outputformatting) == (
        "CUSTOM_WEIGHTS", "RANKING", "LINEAR", "RETURN_RANGE")
    assert cs.read_weights(comp.weights, "weights") == tuple(cs.Variable(*v) for v in (
        ("fempop_15_44", 5.0, False), ("public_transport", 3.0, False), ("education", 2.0, False),
        ("pois", 2.0, False), ("urbanity_ordinal", 1.0, True)))
    assert cs.read_range(comp.returnrange) == (0.0, 1.0) and comp.nbuckets == 5 and comp.automaticnbuckets is False
    # run it: the source remapped to a local table of the same columns, the score saved
    rng = np.random.default_rng(11)
    levels = ["Low_density_urban", "Medium_density_urban", "High_density_urban", "Very_high_density_urban"]
    columns = [("quadbin", "integer"), ("fempop_15_44", "number"), ("public_transport", "number"),
               ("education", "number"), ("pois", "number"), ("urbanity", "string")]
    values = np.column_stack([rng.gamma(2, 50, N), rng.poisson(3, N), rng.poisson(2, N), rng.poisson(5, N)])
    urbanity = rng.integers(0, 4, N)
    load(engine, "import_b522bf58_f16b_4f3f_8499_ac972439375a", columns,
                [(FIRST_CELL + i, *values[i].tolist(), levels[urbanity[i]]) for i in range(N)])
    data["nodes"].append({"id": "save", "type": "generic", "position": {"x": 0, "y": 0}, "data": {
        "name": "native.saveastable", "version": "1", "inputs": [
            {"name": "source", "type": "Table"}, {"name": "destination", "type": "String", "value": "main.scores"}]}})
    data["edges"].append({"id": "e-save", "source": node["id"], "sourceHandle": "result", "target": "save",
                          "targetHandle": "source"})
    run_workflow(engine, data, table_map={"cartodb-on-gcp-pm-team.workflows_temp": "main"})
    ordinal = 4.0 - urbanity  # Low 4 ... Very high 1
    matrix = np.column_stack([values, ordinal])
    expected = ref.return_range(ref.custom_weights(matrix, [5, 3, 2, 2, 1], [False] * 4 + [True], "RANKING",
                                                   "LINEAR"), 0.0, 1.0)
    cur = engine.conn.cursor()
    cur.execute("SELECT quadbin, spatial_score FROM main.scores")
    got = {int(r[0]): float(r[1]) for r in cur.fetchall()}
    cur.close()
    assert_scores(got, [FIRST_CELL + i for i in range(N)], expected)


def test_a_missing_variable_is_named_with_its_input():
    wf = WorkflowBuilder(title="missing")
    node = wf.node("native.spatialcompositeunsupervised", {"source": wf.source("proj.ds.cells", schema=WF_SCHEMA)},
                   id="score", indexcol="cell", scoringmethod="CUSTOM_WEIGHTS",
                   weights='[["a",1,false],["nope",1,false]]')
    wf.save(out(node), "proj.ds.o")
    with pytest.raises(CompileError) as info:
        compile_plan(plan_workflow(bind(parse_workflow(wf.to_dict()))), get_dialect("duckdb"))
    issue = info.value.issues[0]
    assert (issue.code, issue.node_id, issue.field) == ("WF204", "score", "weights") and "'nope'" in issue.message

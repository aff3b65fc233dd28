"""BigQuery's H3 functions are CARTO's Analytics Toolbox's, called where the connection says it lives."""

from __future__ import annotations

import pytest
from sqlglot import exp

from wareflow.errors import WareflowError
from wareflow.sql import ops
from wareflow.sql.dialects import get_dialect


def h3_call(extra: dict) -> str:
    dialect = get_dialect("bigquery").configure(extra)
    return dialect.generate(dialect.fn(ops.H3_FROM_POINT, geo=exp.column("g"), resolution=exp.Literal.number(8)))


def test_the_default_is_carto_s_public_location():
    assert h3_call({}) == "`carto-un`.`carto`.H3_FROMGEOGPOINT(g, 8)"


@pytest.mark.parametrize("location,prefix", [("carto-un-eu.carto", "`carto-un-eu`.`carto`"),
                                             ("my-project-42.at", "`my-project-42`.`at`"), ("carto", "`carto`")])
def test_the_connection_extra_moves_every_h3_call(location: str, prefix: str):
    dialect = get_dialect("bigquery").configure({"analytics_toolbox": location})
    assert h3_call({"analytics_toolbox": location}) == f"{prefix}.H3_FROMGEOGPOINT(g, 8)"
    h3_templates = [t.sql for op, t in dialect.functions.items() if op.name.startswith("h3_")]
    assert len(h3_templates) == 10 and all(t.startswith(prefix + ".") for t in h3_templates)
    assert get_dialect("bigquery").functions[ops.H3_KRING].sql.startswith("`carto-un`")  # the shared one is untouched


@pytest.mark.parametrize("bad", ["x`; DROP TABLE t", "a.b.c", "", 42, "Project.ds"])
def test_a_malformed_location_is_wf404(bad):
    if bad == "":
        assert get_dialect("bigquery").configure({"analytics_toolbox": bad}) is get_dialect("bigquery")
        return
    with pytest.raises(WareflowError) as exc:
        get_dialect("bigquery").configure({"analytics_toolbox": bad})
    assert exc.value.codes == ["WF404"]


def test_other_warehouses_ignore_it():
    assert get_dialect("snowflake").configure({"analytics_toolbox": "x.y"}) is get_dialect("snowflake")

"""The README's component table is the catalog's; the provider metadata is valid for Airflow."""

from __future__ import annotations

from pathlib import Path

from wareflow import get_provider_info
from wareflow.catalog import END, START, render_readme

README = Path(__file__).resolve().parents[1] / "README.md"
REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "components.md"


def test_readme_component_table_is_generated_from_the_catalog():
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text
    assert render_readme(text) == text, "run `make docs` to regenerate the component table"


def test_component_reference_is_generated_from_the_components():
    text = REFERENCE.read_text(encoding="utf-8")
    assert "<!-- reference:start -->" in text
    assert render_readme(text) == text, "run `make docs` to regenerate docs/components.md"
    assert "### `native.getisord`" in text and "population" in text  # the formula and the decisions


def test_provider_info_is_valid_against_airflows_schema():
    import json

    import jsonschema

    from airflow import providers_manager

    schema_path = Path(providers_manager.__file__).parent / "provider_info.schema.json"
    jsonschema.validate(get_provider_info(), json.loads(schema_path.read_text()))


def test_every_sidecar_setting_is_in_the_readme_example():
    """The README's sidecar example is the settings' reference: a new setting must appear there."""
    import re

    from wareflow.airflow.settings import WorkflowSettings

    text = README.read_text(encoding="utf-8")
    block = text[text.index("# workflows/customers_near_stations.wareflow.yaml"):]
    block = block[:block.index("```")]
    shown = set(re.findall(r"^([a-z_]+):", block, flags=re.M))
    assert shown == WorkflowSettings.keys()

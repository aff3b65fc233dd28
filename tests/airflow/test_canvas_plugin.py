"""The Canvas plugin: the SVG route against real serialized DAGs in the test metadata DB, with Airflow auth."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wareflow.model import parse_workflow
from wareflow.render import canvas_data, embed_in_doc, render_svg

pytestmark = pytest.mark.usefixtures("airflow_db")

WITH_PICTURE = "wareflow_canvas_test_with_picture"
WITHOUT_PICTURE = "wareflow_canvas_test_without_picture"
HOSTILE = "wareflow_canvas_test_hostile"
URL = "/wareflow/dags/{}/canvas.svg"


def _workflow() -> Any:
    return parse_workflow({"title": "Canvas test", "nodes": [
        {"id": "s", "type": "source", "position": {"x": 0, "y": 0},
         "data": {"name": "ReadTable", "label": "stores"}},
        {"id": "b", "type": "generic", "position": {"x": 300, "y": 0},
         "data": {"name": "native.buffer", "label": "Buffer stores"}}],
        "edges": [{"source": "s", "target": "b"}]})


TASKS = {"b": ["buffer_stores"]}


def _svg() -> str:
    return render_svg(_workflow(), TASKS)


def _dag_file(folder: Path, svg: str) -> None:
    """A DAG file as the DAG factory writes doc_md: prose, a markdown image, and the embedded block."""
    docs = {
        WITH_PICTURE: f"# Stores\n\n![canvas](wareflow/dags/{WITH_PICTURE}/canvas.svg)\n\n"
                      f"{embed_in_doc(canvas_data(_workflow(), TASKS))}\n",
        WITHOUT_PICTURE: "Just words, no picture.",
        # markup that is not our data (a script where the data goes): never served
        HOSTILE: "<!-- wareflow:canvas {<svg><script>alert(1)</script></svg>} -->",
    }
    body = "".join(f"dag_{i} = DAG({dag_id!r}, schedule=None, doc_md={doc!r})\n"
                   for i, (dag_id, doc) in enumerate(docs.items()))
    (folder / "canvas_test_dags.py").write_text("from airflow.sdk import DAG\n\n" + body)


@pytest.fixture(scope="module")
def serialized_dags(tmp_path_factory: pytest.TempPathFactory, airflow_db: str) -> str:
    """Parse a DAG folder and store its DAGs in the metadata DB, as the dag-processor does."""
    from airflow.dag_processing.bundles.manager import DagBundlesManager
    from airflow.dag_processing.dagbag import BundleDagBag, sync_bag_to_db

    folder = tmp_path_factory.mktemp("canvas_dags")
    svg = _svg()
    _dag_file(folder, svg)
    DagBundlesManager().sync_bundles_to_db()
    bag = BundleDagBag(dag_folder=str(folder), bundle_path=folder, bundle_name="dags-folder")
    assert bag.import_errors == {} and sorted(bag.dag_ids) == sorted([WITH_PICTURE, WITHOUT_PICTURE, HOSTILE])
    sync_bag_to_db(bag, "dags-folder", None)
    return svg


@pytest.fixture(scope="module")
def token() -> str:
    """A JWT of the configured auth manager (the UI sends it as the `_token` cookie)."""
    from airflow.api_fastapi.app import init_auth_manager
    from airflow.api_fastapi.auth.managers.simple.user import SimpleAuthManagerUser

    manager = init_auth_manager()
    return manager.generate_jwt(SimpleAuthManagerUser(username="viewer", role="viewer"))


@pytest.fixture
def client(serialized_dags: str, token: str) -> Iterator[object]:
    """The plugin's app mounted under its prefix, as the api-server mounts it."""
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from wareflow.airflow.canvas_plugin import URL_PREFIX, app

    server = FastAPI()
    server.mount(URL_PREFIX, app)
    with TestClient(server) as test_client:
        yield test_client


def test_serves_exactly_the_embedded_svg_with_strict_headers(client, serialized_dags: str, token: str):
    response = client.get(URL.format(WITH_PICTURE), headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/svg+xml"
    assert response.headers["content-security-policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.text == serialized_dags  # the block only: none of the doc's prose or markdown
    assert response.text.startswith("<svg ") and "Buffer stores" in response.text and "# Stores" not in response.text


def test_the_ui_cookie_authenticates_too(client, token: str):
    client.cookies.set("_token", token)
    assert client.get(URL.format(WITH_PICTURE)).status_code == 200


def test_anonymous_callers_are_refused(client):
    response = client.get(URL.format(WITH_PICTURE))
    assert response.status_code == 401
    assert "<svg" not in response.text


def test_missing_dag_and_missing_picture_are_404(client, token: str):
    auth = {"Authorization": f"Bearer {token}"}
    missing = client.get(URL.format("no_such_dag"), headers=auth)
    assert missing.status_code == 404 and "not found" in missing.json()["detail"]
    no_picture = client.get(URL.format(WITHOUT_PICTURE), headers=auth)
    assert no_picture.status_code == 404 and "no Wareflow canvas" in no_picture.json()["detail"]


def test_an_svg_the_renderer_did_not_write_is_not_served(client, token: str):
    response = client.get(URL.format(HOSTILE), headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 404
    assert "<script" not in response.text


def test_the_plugin_declares_the_tab_and_the_app():
    from airflow import plugins_manager
    from wareflow.airflow.canvas_plugin import URL_PREFIX, WareflowCanvasPlugin, app

    assert plugins_manager.is_valid_plugin(WareflowCanvasPlugin)
    (view,) = WareflowCanvasPlugin.external_views
    assert view["destination"] == "dag" and view["name"] == "Canvas" and view["url_route"]
    # the UI substitutes {DAG_ID}; relative, so the UI's <base href> resolves it behind a proxy prefix
    assert view["href"] == "wareflow/dags/{DAG_ID}/canvas.svg"
    (mounted,) = WareflowCanvasPlugin.fastapi_apps
    assert mounted["app"] is app and mounted["url_prefix"] == URL_PREFIX == "/wareflow"
    from airflow.api_fastapi.app import RESERVED_URL_PREFIXES

    assert not any(URL_PREFIX.startswith(prefix) for prefix in RESERVED_URL_PREFIXES)


def test_the_plugin_module_does_not_import_the_api_security_layer():
    """Workers and the scheduler import plugin modules too; only the api-server needs the API's auth."""
    import subprocess
    import sys

    code = textwrap.dedent("""
        import sys
        import wareflow.airflow.canvas_plugin
        print("airflow.api_fastapi.core_api.security" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"

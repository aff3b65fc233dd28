"""Airflow UI plugin: a "Canvas" tab on each DAG page showing the CARTO canvas the DAG was built from.

The api-server has no workflow files, only serialized DAGs: the DAG factory embeds what the picture
shows (nodes, edges, notes, tasks: `wareflow.render.canvas_data`) in the DAG's ``doc_md``, and this
plugin draws it (`wareflow.render.extract_from_doc`) and serves it as ``image/svg+xml`` at
``/wareflow/dags/{dag_id}/canvas.svg``. Only data comes from the docs: every byte of the SVG is the
renderer's, with the workflow's text escaped.

Airflow does not authenticate plugin FastAPI apps (a mounted app inherits none of the core API's
dependencies), so the route checks the caller itself with Airflow's own ``requires_access_dag``: the
same JWT (``Authorization: Bearer`` or the UI's ``_token`` cookie, which the tab's iframe sends) and the
same DAG read permission as ``GET /api/v2/dags/{dag_id}/details``, which already returns ``doc_md``.

Registered through the ``airflow.plugins`` entry point (see pyproject.toml).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from airflow.plugins_manager import AirflowPlugin
from fastapi import Depends, FastAPI, HTTPException, Response, status

from wareflow.render import extract_from_doc

URL_PREFIX = "/wareflow"
# No script, no fetch, no frame: the picture is inert even if a DAG's doc were crafted to hold more.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-cache",
}


def dag_doc_md(dag_id: str) -> str | None:
    """The ``doc_md`` of the latest serialized version of `dag_id` in the metadata DB.

    Raises `LookupError` when no such DAG was ever serialized (a 404 to the caller).
    """
    from airflow.models.serialized_dag import SerializedDagModel

    dag = SerializedDagModel.get_dag(dag_id)
    if dag is None:
        raise LookupError(dag_id)
    doc = getattr(dag, "doc_md", None)
    return doc if isinstance(doc, str) else None


def canvas_response(dag_id: str) -> Response:
    """The canvas picture of the DAG, drawn from the data in its documentation, or a 404."""
    try:
        doc = dag_doc_md(dag_id)
    except LookupError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"The Dag with ID: `{dag_id}` was not found") from None
    svg = extract_from_doc(doc)
    if svg is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"The Dag `{dag_id}` has no Wareflow canvas picture")
    return Response(svg, media_type="image/svg+xml", headers=SECURITY_HEADERS)


@cache
def create_app() -> FastAPI:
    """The plugin's FastAPI app; Airflow's auth dependency is imported here, in the api-server only."""
    from airflow.api_fastapi.core_api.security import requires_access_dag

    app = FastAPI(title="Wareflow canvas", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_api_route(
        "/dags/{dag_id}/canvas.svg",
        canvas_response,
        methods=["GET"],
        dependencies=[Depends(requires_access_dag(method="GET"))],
        response_class=Response,
        responses={200: {"content": {"image/svg+xml": {}}}, 404: {"description": "No such DAG, or no picture"}},
    )
    return app


async def app(scope: Any, receive: Any, send: Any) -> None:
    """The ASGI app Airflow mounts: builds the FastAPI app on the first request.

    Every Airflow process that loads plugins (scheduler, workers) imports this module; only the
    api-server serves it, so only there are the API's security modules imported.
    """
    await create_app()(scope, receive, send)


class WareflowCanvasPlugin(AirflowPlugin):
    """The route above, and a "Canvas" tab on each DAG page that shows it (an iframe of the UI)."""

    name = "wareflow_canvas"
    fastapi_apps: list[Any] = [{"app": app, "url_prefix": URL_PREFIX, "name": "Wareflow canvas"}]
    # `{DAG_ID}` is replaced by the UI for destinations other than "nav". No leading slash: the UI's
    # <base href> (the api-server's base path) resolves it, so it works behind a reverse-proxy prefix.
    external_views: list[Any] = [{
        "name": "Canvas",
        "href": f"{URL_PREFIX.lstrip('/')}/dags/{{DAG_ID}}/canvas.svg",
        "destination": "dag",
        "url_route": "wareflow-canvas",
    }]

"""Tables as Airflow assets: what a stage writes is an outlet, what it reads an inlet.

An asset is named at parse time, so without any I/O: from the table's name (after the sidecar's
``table_map``) and the ``warehouse_uri`` setting, which says where the connection points (never its
credentials). The URIs are the ones Airflow's own providers define, which their OpenLineage converters
understand::

    postgres://host:5432/db/schema/table      bigquery://project/dataset/table
    snowflake://account/db/schema/table       databricks://host/catalog/schema/table
    redshift://host:5439/db/schema/table      oracle://host:1521/service/schema/table
    mssql://host:1433/db/schema/table         duckdb:///path/to/file.duckdb/schema/table

Without ``warehouse_uri`` the asset is ``wareflow://<conn_id>/<table parts>``: still one name per table
for every workflow on that connection, so one workflow can be scheduled on another's output.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from wareflow.airflow.settings import AssetCondition
from wareflow.errors import Issue, WorkflowError

# scheme -> the default schema of a one-part table name, for URIs scheme://host/database/schema/table
_NAMESPACED = {
    "postgres": "public", "postgresql": "public", "redshift": "public", "snowflake": "PUBLIC",
    "databricks": "default", "oracle": "default", "mssql": "dbo",
}


def table_uri(parts: tuple[str, ...], *, warehouse_uri: str | None, conn_id: str) -> str:
    """The asset URI of table `parts` (one to three dotted parts, as the workflow names it)."""
    if not warehouse_uri:
        return f"wareflow://{quote(conn_id, safe='')}/" + "/".join(quote(p, safe="") for p in parts)
    base = urlsplit(warehouse_uri)
    scheme = base.scheme.lower()
    root = f"{scheme}://{base.netloc}"
    path = [p for p in base.path.split("/") if p]
    if scheme == "bigquery":  # bigquery://project/dataset/table
        project = [base.netloc] if base.netloc else []
        full = (*project, *parts)[-3:]
        if len(full) < 3:
            raise ValueError(f"BigQuery table {'.'.join(parts)!r} needs a dataset")
        return f"bigquery://{full[0]}/{full[1]}/{full[2]}"
    if scheme == "duckdb":  # duckdb:///path/file.duckdb/schema/table: the file, then schema and table
        schema, table = (("main", *parts) if len(parts) == 1 else parts)[-2:]
        return f"duckdb://{base.netloc}{base.path.rstrip('/')}/{schema}/{table}"
    if scheme in _NAMESPACED:  # scheme://host[:port]/database/schema/table
        database = path[0] if path else "default"
        full = parts[-3:] if len(parts) >= 3 else (database, *parts) if len(parts) == 2 else (
            database, _NAMESPACED[scheme], parts[0])
        return root + "/" + "/".join(full)
    return warehouse_uri.rstrip("/") + "/" + "/".join(parts)  # another warehouse: its URI, then the name


def asset_uri(written: str, *, warehouse_uri: str | None, conn_id: str) -> str:
    """An asset as a sidecar names it: a URI as is, or a table name of this workflow's warehouse."""
    return written if "://" in written else table_uri(tuple(written.split(".")), warehouse_uri=warehouse_uri,
                                                      conn_id=conn_id)


def asset(uri: str):  # type: ignore[no-untyped-def]
    from airflow.sdk import Asset

    return Asset(uri=uri)


def schedule_of(condition: AssetCondition, *, warehouse_uri: str | None, conn_id: str, file: str):  # type: ignore[no-untyped-def]
    """The Airflow schedule of a sidecar's asset condition (``AssetAll`` / ``AssetAny``, nested)."""
    from airflow.sdk import AssetAll, AssetAny

    how, items = condition
    members = []
    for item in items:
        if isinstance(item, tuple):
            members.append(schedule_of(item, warehouse_uri=warehouse_uri, conn_id=conn_id, file=file))
            continue
        try:
            members.append(asset(asset_uri(item, warehouse_uri=warehouse_uri, conn_id=conn_id)))
        except ValueError as exc:
            raise WorkflowError(Issue("WF111", f"setting 'schedule': asset {item!r}: {exc}", file=file)) from None
    return AssetAll(*members) if how == "all" else AssetAny(*members)

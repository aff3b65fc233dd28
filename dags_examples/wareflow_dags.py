# Airflow DAG folder file: one DAG per CARTO workflow export in this folder.
#
# Each workflow's settings (dag_id, schedule, conn_id, retries, owner, tags, table_map) come from
# the optional sidecar `<stem>.wareflow.yaml` beside the export; the export itself stays exactly
# as CARTO produced it. Nothing here touches a warehouse: SQL is compiled when a task runs.
from __future__ import annotations

from pathlib import Path

from wareflow.airflow import load_workflows

load_workflows(Path(__file__).parent, globals())

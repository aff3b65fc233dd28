"""Wareflow: run CARTO Workflows exports as Airflow DAGs that push fused, warehouse-native SQL.

The compiler (`wareflow.model`, `.sql`, `.components`, `.plan`, `.compile`) imports without Airflow.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def get_provider_info() -> dict[str, Any]:
    """Airflow provider metadata (entry point ``apache_airflow_provider``)."""
    return {
        "package-name": "airflow-provider-wareflow",
        "name": "Wareflow",
        "description": "Run CARTO Workflows exports as Airflow DAGs on your data warehouse.",
        "versions": [__version__],
        "connection-types": [
            {"hook-class-name": "wareflow.airflow.duckdb_hook.DuckDBHook", "connection-type": "duckdb"},
        ],
        "operators": [{"integration-name": "Wareflow", "python-modules": ["wareflow.airflow.operator"]}],
        "hooks": [{"integration-name": "Wareflow", "python-modules": ["wareflow.airflow.duckdb_hook"]}],
        "integrations": [{"integration-name": "Wareflow", "external-doc-url": "https://github.com/wareflow"}],
    }

"""Running compiled stages on a warehouse connection (DB-API), with or without Airflow."""

from wareflow.warehouses.session import Session, StageResult

__all__ = ["Session", "StageResult"]

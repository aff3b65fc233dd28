"""The module Airflow expects for the ``airflow-provider-wareflow`` distribution.

Airflow guesses a third-party provider's module from its distribution name (dashes to underscores)
when it looks for providers' example DAGs (``[core] load_examples``); without this module every
Airflow command and task log starts with an ERROR and a traceback. Wareflow itself is ``wareflow``.
"""

from __future__ import annotations

from wareflow import __version__, get_provider_info

__all__ = ["__version__", "get_provider_info"]

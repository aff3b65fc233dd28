# Developer entry points for Wareflow. GNU make.

PYTHON ?= python3
VENV := .venv
VENV_PY := $(VENV)/bin/python
PYTEST_ARGS ?=

export AIRFLOW__CORE__LOAD_EXAMPLES := False

.PHONY: venv venv-demo test lint demo bench docs dist clean

# Two installs into one venv. The demo needs Airflow and the embedded DuckDB only (`.[airflow]`); the tests
# need every warehouse's provider, the references and the tools (`.[dev]`, which includes the demo's).
venv: $(VENV)/.installed
venv-demo: $(VENV)/.installed-demo

# Re-install only when pyproject.toml changes. The interpreter is an order-only prerequisite: creating
# the venv must not by itself look newer than the stamp.
# fakesnow (Snowflake emulation for the tests) pins sqlglot~=30.17 in its metadata but runs on our
# pinned 30.30 (checked by the Snowflake tests), so it is installed without its dependency pins.
FAKESNOW := fakesnow==0.11.18

# The editable install leaves setuptools' egg-info beside the package, on the import path: Python would
# then see the distribution twice (and Airflow load its plugin twice). The install's own metadata stays.
$(VENV)/.installed-demo: pyproject.toml | $(VENV_PY)
	$(VENV_PY) -m pip install -e '.[airflow]'
	rm -rf provider/*.egg-info
	touch $@

$(VENV)/.installed: pyproject.toml | $(VENV_PY)
	$(VENV_PY) -m pip install -e '.[dev]'
	$(VENV_PY) -m pip install --no-deps '$(FAKESNOW)'
	rm -rf provider/*.egg-info
	touch $@ $(VENV)/.installed-demo

$(VENV_PY):
	$(PYTHON) -m venv $(VENV)

# The servers the tests start on loopback come from Debian's packages: PostgreSQL + PostGIS, Redis.
test: venv
	$(VENV_PY) -m tests.support.postgis --ensure
	$(VENV_PY) -m tests.support.redis --ensure
	$(VENV_PY) -m pytest -n 2 -q $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check provider tests
	$(VENV)/bin/mypy provider/wareflow

demo: venv-demo
	bash dags_examples/demo.sh

docs: venv
	$(VENV_PY) -m wareflow.catalog README.md docs/components.md

# Benchmarks are never part of `make test`; dag-factory is only needed here, as the comparison.
bench: venv
	$(VENV_PY) -m pip install -q 'dag-factory==1.1.0'
	$(VENV_PY) -m bench

# A wheel and an sdist in dist/, checked as PyPI would check them.
dist: venv
	rm -rf dist
	$(VENV_PY) -m build --outdir dist .
	rm -rf provider/*.egg-info
	$(VENV)/bin/twine check --strict dist/*

clean:
	rm -rf $(VENV) build dist .airflow .pytest_cache .ruff_cache .mypy_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name '*.egg-info' -type d -prune -exec rm -rf {} +

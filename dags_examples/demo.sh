#!/usr/bin/env bash
# `make demo`: build the sample DuckDB database, run one example workflow through Airflow itself
# (`airflow dags test` on a local SQLite metadata DB), then print the first rows of its output.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv="$root/.venv/bin"
build="$root/build/demo"
mkdir -p "$build"

export AIRFLOW_HOME="$build/airflow"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__DAGS_FOLDER="$root/dags_examples"
export AIRFLOW__LOGGING__LOGGING_LEVEL=INFO
# The examples use the connection id `wareflow_examples`: a DuckDB file, given as an env connection.
export AIRFLOW_CONN_WAREFLOW_EXAMPLES="{\"conn_type\": \"duckdb\", \"host\": \"$build/demo.duckdb\"}"

echo "==> sample data -> $build/demo.duckdb"
"$venv/python" dags_examples/data/generate.py --duckdb "$build/demo.duckdb"

echo "==> Airflow metadata DB (SQLite) in $AIRFLOW_HOME"
"$venv/airflow" db migrate > "$build/db-migrate.log" 2>&1 || { cat "$build/db-migrate.log"; exit 1; }

dag=wareflow_stores_by_neighborhood
echo "==> airflow dags test $dag"
"$venv/airflow" dags test "$dag" > "$build/dags-test.log" 2>&1 || { tail -n 60 "$build/dags-test.log"; exit 1; }
grep -E "wrote [0-9]+ rows|DagRun Finished|state=success" "$build/dags-test.log" | cut -c1-200 | tail -n 4 || true

echo "==> first rows of main.stores_by_neighborhood"
"$venv/python" - "$build/demo.duckdb" <<'PY'
import sys
from wareflow.warehouses.duckdb import connect
conn = connect(sys.argv[1], read_only=True)
print(conn.sql("SELECT * FROM main.stores_by_neighborhood LIMIT 10"))
PY

"""``wareflow``: validate, compile, run and list components, without Airflow."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from wareflow.errors import Issue, WareflowError

# Exceptions reach `main`, which prints coded issues, never a traceback (WAREFLOW_DEBUG=1 shows it).
app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False)
DEBUG_ENV = "WAREFLOW_DEBUG"

MapOption = Annotated[list[str] | None, typer.Option("--map", help="Rewrite a table-name prefix: OLD=NEW.")]
VarOption = Annotated[list[str] | None, typer.Option("--var", help="Set a workflow variable: NAME=VALUE.")]


def _pairs(values: list[str] | None, what: str) -> dict[str, str]:
    pairs = {}
    for item in values or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            _fail([Issue("WF001", f"{what} must look like NAME=VALUE, got {item!r}")])
        pairs[key.strip()] = value.strip()
    return pairs


def _fail(issues: Any, code: int = 1) -> None:
    for issue in issues:
        typer.echo(str(issue), err=True)
    raise typer.Exit(code)


def _echo_error(exc: WareflowError) -> None:
    _fail(exc.issues)


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Workflow files (.json or .sql).")],
    dialect: Annotated[str, typer.Option(help="Also check what this warehouse dialect can express.")] = "duckdb",
) -> None:
    """Check workflow files as a run would; exit 0 when all are valid, else print one line per problem."""
    from wareflow.compile.compiler import compile_issues
    from wareflow.runner import load_plan
    from wareflow.sql.dialects import get_dialect

    try:
        target = get_dialect(dialect)
    except WareflowError as exc:
        _echo_error(exc)
    problems: list[Issue] = []
    for path in files:
        try:
            plan = load_plan(path)
        except WareflowError as exc:
            problems.extend(exc.in_file(str(path)).issues)
            continue
        found = compile_issues(plan, target)
        if found:
            problems.extend(i.in_file(str(path)) for i in found)
            continue
        for warning in plan.workflow.warnings:
            typer.echo(f"{path}: warning {warning}", err=True)
        typer.echo(f"{path}: valid ({plan.node_count} nodes, {len(plan.stages)} stages)")
    if problems:
        _fail(problems)


@app.command("compile")
def compile_(
    file: Path,
    dialect: Annotated[str, typer.Option(help="Target warehouse dialect.")] = "duckdb",
    map_: MapOption = None,
    var: VarOption = None,
    schemas: Annotated[Path | None, typer.Option(help="JSON: {table: [{name, type}, ...]} for sources.")] = None,
    conn: Annotated[str | None, typer.Option(help="Read source schemas from this connection URI.")] = None,
    materialize: Annotated[str, typer.Option(help="fused (default) or all (one table per node).")] = "fused",
) -> None:
    """Print every stage's SQL in run order, each preceded by ``-- stage <id>``."""
    from wareflow.compile.compiler import Compiler
    from wareflow.runner import load_plan
    from wareflow.sql.dialects import get_dialect

    try:
        plan = load_plan(file, materialize=materialize, table_map=_pairs(map_, "--map"))
        target = get_dialect(dialect)
        lookup = _schema_lookup(schemas, conn)
        compiler = Compiler(plan, target, variables=_variables(plan, var), schemas=lookup)
        for compiled in compiler.compile_all():
            typer.echo(f"-- stage {compiled.stage.id}")
            for sql in compiled.sql(target):
                typer.echo(sql + ";")
            typer.echo("")
    except WareflowError as exc:
        _echo_error(exc.in_file(str(file)))


@app.command()
def run(
    file: Path,
    conn: Annotated[str | None, typer.Option(
        help="duckdb:///path.duckdb, postgresql://user@host:port/db or snowflake://user:pw@account/db/schema")] = None,
    conn_id: Annotated[str | None, typer.Option(
        help="An Airflow connection id (any warehouse, through its provider hook).")] = None,
    var: VarOption = None,
    map_: MapOption = None,
    materialize: Annotated[str, typer.Option(help="fused (default) or all (one table per node).")] = "fused",
    keep_intermediates: Annotated[bool, typer.Option(help="Keep the tables that only fed other stages.")] = False,
    run_key: Annotated[str | None, typer.Option(
        help="Names this logical run: rerunning with the same key after a failure appends exactly once. "
             "Default: a new key per invocation, printed at the start.")] = None,
    reuse_intermediates: Annotated[bool, typer.Option(
        help="Keep intermediates named by their content; skip a stage whose table is still fresh (24 h).")] = False,
) -> None:
    """Run every stage in order on a connection, showing progress per stage.

    Ctrl-C or SIGTERM cancels the running statement in the warehouse before exiting.
    """
    from rich.console import Console

    from wareflow.runner import load_plan, run_plan
    from wareflow.warehouses.connect import connect_uri
    from wareflow.warehouses.session import Session

    console = Console(stderr=True)
    try:
        plan = load_plan(file, materialize=materialize, table_map=_pairs(map_, "--map"))
        if (conn is None) == (conn_id is None):
            _fail([Issue("WF404", "give exactly one of --conn URI or --conn-id ID")])
        if conn_id is not None:
            from wareflow.warehouses.hooks import connect_conn_id, dialect_for

            dialect = dialect_for(conn_id)
            connection = connect_conn_id(conn_id, {"tool": "wareflow-cli", "workflow": file.stem}, dialect)
        else:
            connection, dialect = connect_uri(conn)  # type: ignore[arg-type]
        started = time.perf_counter()
        console.print(f"[bold]{plan.workflow.workflow.title}[/]: {plan.node_count} nodes, "
                      f"{len(plan.stages)} stages on {dialect.title}")

        def progress(stage: Any, result: Any) -> None:
            console.print(f"  [green]✓[/] {stage.id}: {result.rows} rows -> {result.target} ({result.seconds:.2f} s)")

        key = run_key or uuid.uuid4().hex
        console.print(f"run key {key} (after a failure, rerun with --run-key {key} to finish exactly once)")
        variables = _variables(plan, var)
        with cancelled_on_signal(connection, dialect) as stopped:
            try:
                in_thread(lambda: run_plan(plan, Session(connection, dialect), variables=variables,
                                           on_stage=progress, keep_intermediates=keep_intermediates, run_key=key,
                                           reuse=reuse_intermediates))
            except WareflowError:
                if stopped:
                    _fail([Issue("WF406", f"cancelled by {stopped[0]}: the running statement was cancelled",
                                 hint=f"rerun with --run-key {key} to finish this run exactly once")],
                          code=128 + int(stopped[0]))
                raise
        console.print(f"done in {time.perf_counter() - started:.2f} s")
    except WareflowError as exc:
        _echo_error(exc.in_file(str(file)))


def in_thread(work: Callable[[], Any]) -> Any:
    """`work()` on a second thread while this one waits: a driver blocked in C does not delay the
    signal handlers, which Python runs on the main thread only."""
    outcome: list[Any] = []

    def target() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # handed to the main thread as it is
            outcome.append((False, exc))

    thread = threading.Thread(target=target, name="wareflow-run", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(0.1)
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


@contextlib.contextmanager
def cancelled_on_signal(conn: Any, dialect: Any) -> Iterator[list[signal.Signals]]:
    """While the block runs, SIGINT and SIGTERM cancel the statement running on `conn` (the driver's
    own cancel, from the signal handler) instead of killing the process under it: the query then
    fails in the warehouse, its transaction rolls back, and no orphan query keeps holding locks.
    The list it yields holds the signal once one arrived; a second signal exits at once."""
    received: list[signal.Signals] = []

    def handler(signum: int, frame: Any) -> None:
        if received:
            raise SystemExit(128 + signum)
        received.append(signal.Signals(signum))
        if not dialect.cancel(conn):
            raise KeyboardInterrupt  # the driver cannot cancel: stop the client, the warehouse ends the query

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield received
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


@app.command()
def render(
    file: Path,
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Write the SVG here (default: stdout).")] = None,
    map_: MapOption = None,
) -> None:
    """Draw the workflow's canvas as SVG, each node marked by the Airflow task that runs it."""
    from wareflow.render import render_svg, tasks_by_node
    from wareflow.runner import load_plan

    try:
        plan = load_plan(file, table_map=_pairs(map_, "--map"))  # planned, so the task ids are the DAG's
    except WareflowError as exc:
        _echo_error(exc.in_file(str(file)))
    svg = render_svg(plan.workflow.workflow, tasks_by_node(plan.stages))
    if out is None:
        typer.echo(svg, nl=False)
        return
    try:
        out.write_text(svg, encoding="utf-8")
    except OSError as exc:
        _fail([Issue("WF002", f"cannot write the picture: {exc.strerror or exc}", file=str(out))])
    typer.echo(f"{out}: {len(plan.workflow.workflow.nodes)} nodes, {len(plan.stages)} tasks", err=True)


@app.command()
def catalog(as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False) -> None:
    """Every component with its inputs, outputs and supported dialects."""
    from wareflow.catalog import describe_catalog, markdown_table

    entries = describe_catalog()
    typer.echo(json.dumps(entries, indent=2) if as_json else markdown_table(entries))


def _variables(plan: Any, values: list[str] | None) -> dict[str, Any]:
    from wareflow.components.registry import typed_values

    return typed_values(plan.workflow, _pairs(values, "--var"))


def _schema_lookup(schemas: Path | None, conn: str | None) -> Any:
    from wareflow.sql.relation import Column

    lookups = []
    if schemas is not None:
        try:
            data = json.loads(schemas.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            _fail([Issue("WF102", f"cannot read schemas: {exc}", file=str(schemas))])
        table = {k: tuple(Column(c["name"], str(c.get("type", "unknown")).lower()) for c in v) for k, v in data.items()}
        lookups.append(lambda written, parts: table.get(written) or table.get(".".join(parts)))
    if conn is not None:
        from wareflow.warehouses.connect import connect_uri
        from wareflow.warehouses.session import Session

        connection, dialect = connect_uri(conn)
        lookups.append(Session(connection, dialect).schema_lookup)
    if not lookups:
        return None
    return lambda written, parts: next((c for f in lookups if (c := f(written, parts))), None)


def main() -> None:
    try:
        app()
    except WareflowError as exc:  # anything not caught per command: still a clean, coded message
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        sys.exit(1)
    except Exception as exc:  # a bug of ours: say so, with a code, and keep the traceback for who asks
        if os.environ.get(DEBUG_ENV):
            raise
        print(Issue("WF199", f"internal error: {type(exc).__name__}: {exc}",
                    hint=f"please report it; set {DEBUG_ENV}=1 to see where"), file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()

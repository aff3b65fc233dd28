"""A real Airflow 3.3 on loopback for tests: dag-processor, scheduler and api-server as subprocesses.

``AirflowServers`` writes its whole configuration as ``AIRFLOW__*`` environment variables for a fresh
``AIRFLOW_HOME`` (temporary unless given; LocalExecutor, no example DAGs, simple auth manager with a known admin
password, a random JWT secret, a free loopback port), runs ``airflow db migrate``, then starts

- ``airflow api-server --host 127.0.0.1 --port P`` (REST API and the execution API tasks talk to),
- ``airflow scheduler --skip-serve-logs`` (no log server on 0.0.0.0; tasks write local files),
- ``airflow dag-processor``,

each in its own process group with its output in ``<home>/<name>.log``, and waits (bounded) until
``/api/v2/monitor/health`` reports all three healthy. On exit each process group gets SIGTERM, then
SIGKILL after a bound, and so does any process still running with this ``AIRFLOW_HOME`` in its
environment (a task that left the group): nothing is left running.

The metadata database is SQLite in the home unless ``sql_alchemy_conn`` names another (Airflow 3.3
accepts LocalExecutor on SQLite). REST helpers raise ``AssertionError`` on timeouts and HTTP errors,
with the tail of every server log in the message.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import httpx

LOOPBACK = "127.0.0.1"
ADMIN = "admin"
FINISHED = frozenset({"success", "failed"})
T = TypeVar("T")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


class AirflowServers:
    """dag-processor + scheduler + api-server of one throwaway Airflow; a context manager."""

    def __init__(self, dags_folder: Path | str, *, home: Path | None = None, env: Mapping[str, str] | None = None,
                 sql_alchemy_conn: str | None = None, parallelism: int = 4, parse_interval_s: int = 5,
                 start_timeout_s: float = 120, stop_timeout_s: float = 20) -> None:
        self.dags_folder = Path(dags_folder)
        self.extra_env = dict(env or {})
        self.sql_alchemy_conn = sql_alchemy_conn
        self.parallelism = parallelism
        self.parse_interval_s = parse_interval_s
        self.start_timeout_s = start_timeout_s
        self.stop_timeout_s = stop_timeout_s
        self.home = home or Path()
        self._own_home = home is None  # a temporary home is removed by cleanup(); a given one is kept
        self.port = 0
        self.password = ""
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self._env: dict[str, str] = {}
        self._client: httpx.Client | None = None
        self._token = ""

    # -- lifecycle ---------------------------------------------------------------------------------

    def __enter__(self) -> AirflowServers:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def start(self) -> AirflowServers:
        if self._own_home:
            self.home = Path(tempfile.mkdtemp(prefix="wareflow-airflow-servers-"))
        self.home.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.password = secrets.token_urlsafe(16)
        # The simple auth manager only generates passwords for users missing from this file.
        (self.home / "passwords.json").write_text(json.dumps({ADMIN: self.password}))
        self._env = self.environment()
        try:
            self._airflow(["db", "migrate"], timeout_s=240)
            self.processes["api-server"] = self._spawn("api-server", ["api-server", "--host", LOOPBACK,
                                                                      "--port", str(self.port), "--workers", "1"])
            self.processes["scheduler"] = self._spawn("scheduler", ["scheduler", "--skip-serve-logs"])
            self.processes["dag-processor"] = self._spawn("dag-processor", ["dag-processor"])
            self._client = httpx.Client(base_url=self.base_url, timeout=30)
            self.wait_until(self._healthy, self.start_timeout_s, "api-server, scheduler and dag-processor healthy")
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """SIGTERM every process group we started, SIGKILL what is left after the bound; keep no process."""
        if self._client is not None:
            self._client.close()
            self._client = None
        started = [p for p in self.processes.values() if p.poll() is None]
        for proc in started:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + self.stop_timeout_s
        for proc in started:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        for proc in started:  # the group first, then stragglers that left it (setsid), found by their home
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
        for pid in self.leftovers():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        for proc in started:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=5)

    def leftovers(self) -> list[int]:
        """Processes started with this AIRFLOW_HOME in their environment: none once stop() returned."""
        if self.home == Path():
            return []
        marker = f"AIRFLOW_HOME={self.home}\0".encode()
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and int(entry.name) != os.getpid():
                with contextlib.suppress(OSError):
                    if marker in (entry / "environ").read_bytes():
                        found.append(int(entry.name))
        return found

    def cleanup(self) -> None:
        """Remove a temporary home (logs and SQLite DB) once the servers are stopped."""
        if self._own_home and self.home != Path() and self.home.exists():
            shutil.rmtree(self.home, ignore_errors=True)

    def start_celery_worker(self, name: str, *, queues: Sequence[str], hostname: str | None = None,
                            concurrency: int = 2, start_timeout_s: float = 90) -> None:
        """``airflow celery worker`` (CeleryExecutor; its broker and result backend in ``env``), logging to
        ``<home>/<name>.log``; returns once Celery reports it ready. With `hostname` it runs in a UTS
        namespace of its own (``unshare --uts``, root only) under that host name, as on a machine of its
        own: Celery names the node after it and the task instances it runs report it. No log server
        (``--skip-serve-logs``): the workers share this machine's log folder with the api-server."""
        command = [self._executable(), "celery", "worker", "--queues", ",".join(queues),
                   "--concurrency", str(concurrency), "--skip-serve-logs", "--pid", str(self.home / f"{name}.pid")]
        if hostname:
            command = ["unshare", "--uts", "--", "sh", "-c", 'hostname "$0" && exec "$@"', hostname, *command]
        log = self.home / f"{name}.log"
        with log.open("wb") as out:
            self.processes[name] = subprocess.Popen(command, env=self._env, stdout=out, stderr=subprocess.STDOUT,
                                                    stdin=subprocess.DEVNULL, start_new_session=True)
        self.wait_until(lambda: re.search(r"celery@\S+ ready\.", log.read_text(errors="replace")),
                        start_timeout_s, f"Celery worker {name} ready", every_s=0.5)

    # -- processes ---------------------------------------------------------------------------------

    def environment(self) -> dict[str, str]:
        """The environment of every Airflow process: the whole configuration, nothing from ``airflow.cfg``."""
        inherited = {k: v for k, v in os.environ.items()
                     if not k.startswith(("AIRFLOW", "_AIRFLOW")) and not k.startswith("PYTEST_")}
        bindir = str(Path(sys.executable).parent)
        db = self.sql_alchemy_conn or f"sqlite:///{self.home / 'airflow.db'}"
        return {
            **inherited,
            "PATH": bindir + os.pathsep + inherited.get("PATH", ""),
            "AIRFLOW_HOME": str(self.home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(self.dags_folder),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__CORE__PARALLELISM": str(self.parallelism),
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{self.base_url}/execution/",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{ADMIN}:admin",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(self.home / "passwords.json"),
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": db,
            "AIRFLOW__API__HOST": LOOPBACK,
            "AIRFLOW__API__PORT": str(self.port),
            "AIRFLOW__API__BASE_URL": self.base_url,
            "AIRFLOW__API__SECRET_KEY": secrets.token_hex(32),
            "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(64),
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": str(self.parse_interval_s),
            "AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL": str(self.parse_interval_s),
            "AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES": "1",
            "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO",
            **self.extra_env,
        }

    def _airflow(self, args: list[str], timeout_s: float) -> None:
        log = self.home / f"{args[0]}-{args[-1]}.log"
        with log.open("wb") as out:
            try:
                done = subprocess.run([self._executable(), *args], env=self._env, stdout=out,
                                      stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=timeout_s)
            except subprocess.TimeoutExpired:
                raise AssertionError(f"airflow {' '.join(args)} took over {timeout_s} s\n{_tail(log, 40)}") from None
        if done.returncode != 0:
            raise AssertionError(f"airflow {' '.join(args)} exited with {done.returncode}\n{_tail(log, 40)}")

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen[bytes]:
        with (self.home / f"{name}.log").open("wb") as out:
            return subprocess.Popen([self._executable(), *args], env=self._env, stdout=out, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True)

    @staticmethod
    def _executable() -> str:
        return str(Path(sys.executable).parent / "airflow")

    def _healthy(self) -> bool:
        self._check_alive()
        try:
            health = self._http().get("/api/v2/monitor/health").json()
        except (httpx.HTTPError, ValueError):
            return False
        return all((health.get(part) or {}).get("status") == "healthy"
                   for part in ("metadatabase", "scheduler", "dag_processor"))

    def _check_alive(self) -> None:
        dead = {name: p.returncode for name, p in self.processes.items() if p.poll() is not None}
        if dead:
            raise AssertionError(f"Airflow server(s) exited: {dead}\n{self.logs()}")

    def listening(self) -> set[tuple[str, int]]:
        """(address, port) of every TCP socket our processes and their children listen on."""
        pids = {pid for p in self.processes.values() for pid in (p.pid, *_descendants(p.pid))}
        inodes: set[str] = set()
        for pid in pids:
            with contextlib.suppress(OSError):
                for fd in os.listdir(f"/proc/{pid}/fd"):
                    with contextlib.suppress(OSError):
                        target = os.readlink(f"/proc/{pid}/fd/{fd}")
                        if target.startswith("socket:["):
                            inodes.add(target[8:-1])
        return {addr for addr, inode in _listening_sockets() if inode in inodes}

    def logs(self, lines: int = 30, quiet: bool = True) -> str:
        """The tail of every server log, for assertion messages; `quiet` leaves out info and debug lines."""
        if self.home == Path():
            return ""
        return "\n".join(f"----- {log.name} (last {lines} {'non-info ' if quiet else ''}lines) -----\n"
                         f"{_tail(log, lines, quiet)}" for log in sorted(self.home.glob("*.log")))

    # -- waiting -----------------------------------------------------------------------------------

    def wait_until(self, probe: Callable[[], T | None], timeout_s: float, what: str, every_s: float = 1.0) -> T:
        """Poll `probe` until it returns something truthy; AssertionError with the server logs on timeout."""
        deadline = time.monotonic() + timeout_s
        last: Any = None
        while True:
            last = probe()
            if last:
                return last
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout_s} s waiting for {what}; last: {last!r}\n"
                                     f"{self.logs()}")
            self._check_alive()
            time.sleep(every_s)

    # -- REST --------------------------------------------------------------------------------------

    def _http(self) -> httpx.Client:
        if self._client is None:
            raise RuntimeError("AirflowServers is not started")
        return self._client

    def token(self) -> str:
        if not self._token:
            reply = self._http().post("/auth/token", json={"username": ADMIN, "password": self.password})
            self._expect(reply, "POST /auth/token")
            self._token = reply.json()["access_token"]
        return self._token

    def request(self, method: str, path: str, *, ok: tuple[int, ...] = (200,), **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token()}", **kwargs.pop("headers", {})}
        reply = self._http().request(method, path, headers=headers, **kwargs)
        self._expect(reply, f"{method} {path}", ok)
        return reply

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params=params).json()

    def patch(self, path: str, body: Mapping[str, Any]) -> Any:
        return self.request("PATCH", path, json=body).json()

    def post(self, path: str, body: Mapping[str, Any]) -> Any:
        return self.request("POST", path, json=body).json()

    def _expect(self, reply: httpx.Response, what: str, ok: tuple[int, ...] = (200, 201)) -> None:
        if reply.status_code not in ok:
            raise AssertionError(f"{what} -> HTTP {reply.status_code}: {reply.text[:2000]}\n{self.logs()}")

    def dags(self) -> dict[str, dict[str, Any]]:
        """Every DAG Airflow knows, stale ones included, by dag_id."""
        found = self.get("/api/v2/dags", limit=1000, exclude_stale=False)["dags"]
        return {d["dag_id"]: d for d in found}

    def dag_details(self, dag_id: str) -> dict[str, Any]:
        return self.get(f"/api/v2/dags/{dag_id}/details")  # type: ignore[no-any-return]

    def wait_for_dags(self, ids: set[str] | list[str], timeout_s: float = 60) -> dict[str, dict[str, Any]]:
        """Wait until every DAG of `ids` is listed and not stale; returns all listed DAGs.

        On timeout the message names the missing and the stale DAGs and the import errors."""
        wanted = set(ids)

        def listed() -> dict[str, dict[str, Any]] | None:
            dags = self.dags()
            return dags if all(d in dags and not dags[d]["is_stale"] for d in wanted) else None

        try:
            return self.wait_until(listed, timeout_s, f"active DAGs {sorted(wanted)}", every_s=2)
        except AssertionError as exc:
            dags = self.dags()
            missing = sorted(wanted - set(dags))
            stale = sorted(d for d in wanted & set(dags) if dags[d]["is_stale"])
            errors = [f"{e['filename']}: {e['stack_trace'][-1500:]}" for e in self.import_errors()]
            raise AssertionError(f"missing DAGs: {missing}\nstale DAGs: {stale}\nimport errors: {errors}\n"
                                 f"{exc}") from None

    def import_errors(self) -> list[dict[str, Any]]:
        return self.get("/api/v2/importErrors", limit=1000)["import_errors"]  # type: ignore[no-any-return]

    def unpause(self, dag_id: str) -> None:
        self.patch(f"/api/v2/dags/{dag_id}", {"is_paused": False})

    def trigger(self, dag_id: str, conf: Mapping[str, Any] | None = None) -> str:
        """Start a manual run now; returns its run_id."""
        run = self.post(f"/api/v2/dags/{dag_id}/dagRuns", {"logical_date": None, "conf": dict(conf or {})})
        return str(run["dag_run_id"])

    def run_state(self, dag_id: str, run_id: str) -> str:
        return str(self.get(f"/api/v2/dags/{dag_id}/dagRuns/{run_id}")["state"])

    def task_instances(self, dag_id: str, run_id: str) -> dict[str, dict[str, Any]]:
        found = self.get(f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances", limit=1000)["task_instances"]
        return {t["task_id"]: t for t in found}

    def wait_for_run(self, dag_id: str, run_id: str, timeout_s: float = 240) -> str:
        """Wait until the run finishes; returns "success" or "failed"."""
        try:
            return self.wait_until(lambda: (s := self.run_state(dag_id, run_id)) in FINISHED and s,
                                   timeout_s, f"run {dag_id}/{run_id} to finish", every_s=2)
        except AssertionError as exc:
            tasks = {t: v["state"] for t, v in self.task_instances(dag_id, run_id).items()}
            raise AssertionError(f"{exc}\ntask states: {tasks}") from None

    def task_log(self, dag_id: str, run_id: str, task_id: str, try_number: int = 1) -> str:
        """The task's log as text: one line per structured log entry (its event, then its other fields)."""
        path = f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances/{task_id}/logs/{try_number}"
        content = self.get(path, full_content=True)["content"]
        return "\n".join(_log_line(entry) for entry in content)

    def failure_report(self, dag_id: str, run_id: str, log_chars: int = 1500) -> str:
        """The state of every task of a run and the end of each unsuccessful one's log, for assertion messages."""
        parts = []
        for task_id, ti in self.task_instances(dag_id, run_id).items():
            parts.append(f"--- {task_id}: {ti['state']} (try {ti['try_number']} of {ti['max_tries'] + 1})")
            if ti["try_number"] and ti["state"] != "success":
                with contextlib.suppress(AssertionError):
                    parts.append(self.task_log(dag_id, run_id, task_id, ti["try_number"])[-log_chars:])
        return "\n".join(parts)


def _log_line(entry: Any) -> str:
    if not isinstance(entry, dict):
        return str(entry)
    rest = " ".join(f"{k}={v}" for k, v in entry.items() if k not in ("event", "timestamp"))
    return f"{entry.get('event', '')} {rest}".rstrip()


def _tail(path: Path, lines: int = 30, quiet: bool = False) -> str:
    try:
        text = path.read_text(errors="replace").splitlines()
    except OSError as exc:
        return f"(cannot read {path}: {exc})"
    if quiet:
        text = [line for line in text if not re.search(r"\[(info|debug) *\]", line)]
    return "\n".join(text[-lines:])


def _descendants(root: int) -> set[int]:
    """Every living process below `root`, from /proc (children of children included)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, ppid in parents.items() if ppid in frontier} - found
        found |= frontier
    return found


def _listening_sockets() -> Iterator[tuple[tuple[str, int], str]]:
    """((address, port), inode) of every listening TCP socket on this machine."""
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        with contextlib.suppress(OSError):
            for row in Path(table).read_text().splitlines()[1:]:
                cols = row.split()
                if cols[3] != "0A":  # TCP_LISTEN
                    continue
                hex_addr, hex_port = cols[1].split(":")
                yield (_address(hex_addr, width), int(hex_port, 16)), cols[9]


def _address(hex_addr: str, width: int) -> str:
    if width == 8:
        return socket.inet_ntop(socket.AF_INET, bytes.fromhex(hex_addr)[::-1])
    words = b"".join(bytes.fromhex(hex_addr[i:i + 8])[::-1] for i in range(0, 32, 8))
    return socket.inet_ntop(socket.AF_INET6, words)

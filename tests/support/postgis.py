"""Throwaway PostgreSQL + PostGIS server for the test session.

``PostgisServer`` runs ``initdb`` into a fresh temporary directory, starts ``postgres`` on a free
loopback port (durability switched off, so it is up in about two seconds) and creates a ``wareflow_test``
database with PostGIS, cloned from a ``wareflow_template`` database. Every pytest-xdist worker starts
its own server. Each test can get a brand-new database cloned from the template with
:meth:`PostgisServer.fresh_database`.

H3: the template also gets h3-pg's functions. Debian does not package h3-pg, so unless it is installed
the template gets the TEST-ONLY PL/Python stand-in of :mod:`tests.support.h3_standin`; for it the
server's Python imports the ``h3`` package (the version this venv has, i.e. the project's pin), which is
pip-installed once into a cache directory next to the server directories and put on ``PYTHONPATH``.
When that is impossible (PL/Python missing and not root) PostGIS still works and
:attr:`PostgisServer.h3_unavailable` says why there is no H3.

Escape hatch: if ``WAREFLOW_TEST_PG_DSN`` is set, that server is used instead of starting one. The
databases created there get a per-process suffix, so several workers can share the server.

Run ``python -m tests.support.postgis --ensure`` from the repo root to install the Debian packages
when they are missing (needs root) and the ``h3`` package for PL/Python, or ``--serve`` to start a
server by hand and print its DSN.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import fcntl
import getpass
import importlib.metadata
import itertools
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote, urlencode

DSN_ENV = "WAREFLOW_TEST_PG_DSN"

PG_MAJOR = "15"
PLPYTHON_PACKAGE = f"postgresql-plpython3-{PG_MAJOR}"  # PL/Python, for the test-only H3 stand-in
APT_PACKAGES = (f"postgresql-{PG_MAJOR}-postgis-3", f"postgresql-{PG_MAJOR}-postgis-3-scripts", PLPYTHON_PACKAGE)
PG_LIB_ROOT = Path("/usr/lib/postgresql")
PG_SHARE_ROOT = Path("/usr/share/postgresql")
REQUIRED_BINARIES = ("initdb", "pg_ctl", "postgres")
PLPYTHON_LIBRARY = "plpython3.so"  # its libpython3.X dependency says which Python the server embeds
H3_DISTRIBUTION = "h3"  # the PyPI package the stand-in imports

SERVICE_USER = "postgres"  # initdb/postgres refuse to run as root; as root we run them as this user
SUPERUSER = "postgres"  # the database superuser created by initdb
LOOPBACK = "127.0.0.1"
TEST_DBNAME = "wareflow_test"
TEMPLATE_DBNAME = "wareflow_template"

SERVER_SETTINGS = {
    "listen_addresses": LOOPBACK,
    "fsync": "off",
    # on: a commit reaches the OS before it returns, so a crashed backend (crash recovery) never loses a
    # committed transaction; the tests of exactly-once reruns rely on it. Without fsync it costs nothing.
    "synchronous_commit": "on",
    "full_page_writes": "off",
}
START_ATTEMPTS = 5  # another process may grab the port between probing it and postgres binding it
START_TIMEOUT_S = 60
INITDB_FLAGS = ("--no-locale", "--no-sync")  # C locale; no fsync of the new cluster (it is throwaway)


class PostgisUnavailable(RuntimeError):
    """PostgreSQL/PostGIS is missing and cannot be installed from this process."""


class H3Unavailable(RuntimeError):
    """Neither h3-pg nor the PL/Python H3 stand-in can be set up on the server."""


# --------------------------------------------------------------------------------------------------
# Installation
# --------------------------------------------------------------------------------------------------


def _extension_installed(bindir: Path, name: str) -> bool:
    return (PG_SHARE_ROOT / bindir.parent.name / "extension" / f"{name}.control").is_file()


def has_plpython(bindir: Path) -> bool:
    """Whether the PostgreSQL of ``bindir`` has PL/Python 3 (Debian: ``postgresql-plpython3-<major>``)."""
    return _extension_installed(bindir, "plpython3u") and (bindir.parent / "lib" / PLPYTHON_LIBRARY).is_file()


def has_h3_pg(bindir: Path) -> bool:
    """Whether the real h3-pg extensions are installed for the PostgreSQL of ``bindir``."""
    return _extension_installed(bindir, "h3") and _extension_installed(bindir, "h3_postgis")


def _version_key(bindir: Path) -> tuple[bool, bool, int]:
    version = bindir.parent.name
    return (version == PG_MAJOR, has_plpython(bindir), int(version) if version.isdigit() else -1)


def find_pg_bindir() -> Path | None:
    """Bin directory of an installed PostgreSQL that has PostGIS (version 15, then PL/Python, preferred)."""
    candidates = [
        bindir
        for bindir in PG_LIB_ROOT.glob("*/bin")
        if all((bindir / name).is_file() for name in REQUIRED_BINARIES)
        and (PG_SHARE_ROOT / bindir.parent.name / "extension" / "postgis.control").is_file()
    ]
    return max(candidates, key=_version_key, default=None)


def _install_hint() -> str:
    return (
        "install them as root with: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "
        f"--no-install-recommends {' '.join(APT_PACKAGES)}; or point {DSN_ENV} at a PostgreSQL server "
        "with PostGIS available"
    )


def ensure_postgis_installed() -> Path:
    """Return the PostgreSQL bin directory, installing PostgreSQL + PostGIS + PL/Python with apt-get if needed.

    Installing needs root and apt-get (Debian/Ubuntu); otherwise :class:`PostgisUnavailable` is raised
    when PostGIS is missing (a missing PL/Python only leaves the server without H3).
    Concurrent callers (pytest-xdist workers) are serialised with a file lock.
    """
    bindir = find_pg_bindir()
    if bindir is not None and (has_plpython(bindir) or os.geteuid() != 0 or shutil.which("apt-get") is None):
        return bindir
    if os.geteuid() != 0:
        raise PostgisUnavailable(f"PostgreSQL {PG_MAJOR} with PostGIS is not installed; {_install_hint()}")
    if shutil.which("apt-get") is None:
        raise PostgisUnavailable(
            f"PostgreSQL/PostGIS is not installed and apt-get is unavailable; {_install_hint()}"
        )

    lock_path = Path(tempfile.gettempdir()) / "wareflow-postgis-install.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        bindir = find_pg_bindir()  # another worker may have installed it while we waited
        if bindir is not None and has_plpython(bindir):
            return bindir
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        print(f"Installing {' '.join(APT_PACKAGES)} with apt-get ...", file=sys.stderr, flush=True)
        subprocess.run(["apt-get", "update"], check=True, env=env)
        install = ["apt-get", "install", "-y", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=600"]
        subprocess.run([*install, *APT_PACKAGES], check=True, env=env)
    bindir = find_pg_bindir()
    if bindir is None:
        raise RuntimeError(
            f"apt-get installed {' '.join(APT_PACKAGES)} but no PostgreSQL with PostGIS was found under "
            f"{PG_LIB_ROOT}"
        )
    return bindir


def plpython_version(bindir: Path) -> str | None:
    """``"3.11"``: the Python the server's PL/Python embeds (the libpython its library links), or None."""
    try:
        library = (bindir.parent / "lib" / PLPYTHON_LIBRARY).read_bytes()
    except OSError:
        return None
    found = re.search(rb"libpython(3\.\d+)\.so", library)
    return found.group(1).decode() if found else None


def h3_version() -> str:
    """The ``h3`` package version the stand-in gets: the one installed here (the project pins it)."""
    try:
        return importlib.metadata.version(H3_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        raise H3Unavailable(
            f"the {H3_DISTRIBUTION!r} package is not installed in {sys.executable}; run `make venv`"
        ) from None


def _trusted_directory(path: Path) -> bool:
    """A directory only root or we could have written: safe to hand to the server's Python."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_uid not in (0, os.geteuid()) or info.st_mode & 0o022:
        raise H3Unavailable(f"{path} is not a directory that only its owner (root or this user) can write; remove it")
    return True


def _make_readable_by_all(root: Path) -> None:
    """The server may run as another user (``postgres``): whatever umask pip ran with, let it read."""
    for directory, _subdirs, files in os.walk(root):
        os.chmod(directory, 0o755)
        for name in files:
            os.chmod(os.path.join(directory, name), 0o644)


def ensure_h3_for_plpython(bindir: Path, for_service_user: bool) -> Path:
    """A directory for the server's ``PYTHONPATH`` from which its PL/Python imports the ``h3`` package.

    pip (this interpreter's) installs the wheel of this venv's ``h3`` version built for the server's
    Python, once: the directory is a cache named by both versions, under the temporary directory (or
    /tmp when the ``postgres`` service user cannot reach that). Raises :class:`H3Unavailable`.
    """
    python = plpython_version(bindir)
    if python is None:
        raise H3Unavailable(f"PL/Python is not installed for {bindir.parent}; install {PLPYTHON_PACKAGE}")
    version = h3_version()
    cache_root = Path(_temp_parent(for_service_user) or tempfile.gettempdir())
    target = cache_root / f"wareflow-plpython-h3-{version}-py{python}"
    if _trusted_directory(target):
        return target
    with (cache_root / "wareflow-plpython-h3.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _trusted_directory(target):  # another worker installed it while we waited
            return target
        staging = Path(tempfile.mkdtemp(prefix=f"{target.name}.", dir=cache_root))
        try:
            pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input"]
            wheel_for_server = ["--target", str(staging), "--only-binary=:all:", "--python-version", python]
            print(f"Installing {H3_DISTRIBUTION}=={version} for the server's Python {python} ...", file=sys.stderr)
            result = subprocess.run(
                [*pip, *wheel_for_server, f"{H3_DISTRIBUTION}=={version}"],
                stdin=subprocess.DEVNULL, capture_output=True, text=True,
            )
            if result.returncode != 0:
                raise H3Unavailable(
                    f"pip could not install {H3_DISTRIBUTION}=={version} for Python {python} (needed by the "
                    f"PL/Python H3 stand-in):\n{(result.stdout + result.stderr).strip()[-2000:]}"
                )
            _make_readable_by_all(staging)
            staging.rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return target


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def _service_account() -> tuple[int, int]:
    """uid/gid of the ``postgres`` system user, creating the user if it does not exist."""
    try:
        entry = pwd.getpwnam(SERVICE_USER)
    except KeyError:
        useradd = ["useradd", "--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin"]
        subprocess.run([*useradd, SERVICE_USER], check=True)
        entry = pwd.getpwnam(SERVICE_USER)
    return entry.pw_uid, entry.pw_gid


def _traversable_by_others(path: Path) -> bool:
    return all(stat.S_IMODE(p.stat().st_mode) & stat.S_IXOTH for p in (path, *path.parents))


def _temp_parent(for_other_user: bool) -> str | None:
    """Where to create the server directory: the default temp dir unless another user cannot reach it."""
    default = Path(tempfile.gettempdir()).resolve()
    if for_other_user and not _traversable_by_others(default):
        return "/tmp"
    return None


def _subprocess_env(python_path: Path | None = None) -> dict[str, str]:
    # No inherited PG* settings (PGDATA, PGPORT, PGOPTIONS, ...); C locale so log messages are English.
    # No inherited PYTHON* settings either (they would steer the server's PL/Python); ours, if any.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "PYTHON"))}
    env["LC_ALL"] = "C"
    if python_path is not None:
        env["PYTHONPATH"] = str(python_path)
        env["PYTHONDONTWRITEBYTECODE"] = "1"  # the cache may not be the server user's to write
    return env


def _build_uri(params: dict[str, str]) -> str:
    """A ``postgresql://`` URI from libpq connection parameters."""
    params = dict(params)
    user = params.pop("user", "")
    password = params.pop("password", "")
    host = params.pop("host", "")
    port = params.pop("port", "")
    dbname = params.pop("dbname", "")
    userinfo = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
    hostpart = f"[{host}]" if ":" in host else quote(host, safe="")
    netloc = (userinfo + "@" if userinfo else "") + hostpart + (f":{port}" if port else "")
    query = "?" + urlencode(params) if params else ""
    return f"postgresql://{netloc}/{quote(dbname, safe='')}{query}"


def connect_waiting(dsn: str, recovery_wait_s: float = 30) -> Any:
    """An autocommit admin connection; waits (bounded) while the server is in crash recovery: a test
    that kills queries may have a backend abort (PostGIS 3.3 was seen to), and the server restarts."""
    import time

    import psycopg2  # imported lazily: `--ensure` needs the standard library only

    deadline = time.monotonic() + recovery_wait_s
    while True:
        try:
            conn = psycopg2.connect(dsn, connect_timeout=10)
            break
        except psycopg2.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    conn.autocommit = True
    return conn


# --------------------------------------------------------------------------------------------------
# Server
# --------------------------------------------------------------------------------------------------


class PostgisServer:
    """A PostgreSQL + PostGIS server for tests: started here, or the one named by ``WAREFLOW_TEST_PG_DSN``.

    Use as a context manager or call :meth:`start` / :meth:`stop`; the server is also stopped at
    interpreter exit. Connection details: :attr:`dsn`, :attr:`host`, :attr:`port`, :attr:`user`,
    :attr:`dbname`. H3: :attr:`h3_provider` (``"h3-pg"`` or ``"stand-in"``) once the template exists,
    or :attr:`h3_unavailable`, the reason there is none.
    """

    def __init__(self) -> None:
        self.host = LOOPBACK
        self.port = 0
        self.user = SUPERUSER
        self.dbname = TEST_DBNAME
        self.external = False
        self._dsn = ""
        self._params: dict[str, str] = {}
        self._owner_pid = 0
        self._started = False
        self._workdir: Path | None = None
        self._bindir: Path | None = None
        self._as_service_user = False
        self._suffix = ""  # makes database names unique on a shared (external) server
        self._template_ready = False
        self._plpython_path: Path | None = None  # the server's PYTHONPATH, for the H3 stand-in
        self.h3_provider: str | None = None
        self.h3_unavailable: str | None = None
        self._counter = itertools.count(1)
        self._created: list[str] = []  # databases to drop on stop() when the server is external

    # -- public API ------------------------------------------------------------------------------

    @property
    def dsn(self) -> str:
        if not self._started:
            raise RuntimeError("PostgisServer is not started")
        return self._dsn

    @property
    def template_dbname(self) -> str:
        return TEMPLATE_DBNAME + self._suffix

    def dsn_for(self, dbname: str) -> str:
        """The DSN of another database on this server."""
        return _build_uri({**self._params, "dbname": dbname})

    @contextlib.contextmanager
    def bare_database(self) -> Iterator[Any]:
        """A connection to a new database made from ``template0`` (no PostGIS, no H3), dropped afterwards."""
        import psycopg2
        from psycopg2 import sql

        name = f"bare_{uuid.uuid4().hex[:8]}"
        admin = psycopg2.connect(self.dsn_for("postgres"))
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)))
        try:
            with contextlib.closing(psycopg2.connect(self.dsn_for(name))) as conn:
                yield conn
        finally:
            with admin.cursor() as cur:
                cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            admin.close()

    def start(self) -> PostgisServer:
        if self._started:
            return self
        self._owner_pid = os.getpid()
        atexit.register(self.stop)
        try:
            external_dsn = os.environ.get(DSN_ENV, "").strip()
            if external_dsn:
                self._attach(external_dsn)
            else:
                self._spawn()
        except BaseException:
            self._started = True  # let stop() clean up whatever was created
            self.stop()
            raise
        self._started = True
        return self

    def stop(self) -> None:
        # A forked child (e.g. an Airflow task runner) inherits the atexit hook: only the owner stops.
        if not self._started or os.getpid() != self._owner_pid:
            return
        self._started = False
        atexit.unregister(self.stop)
        if self.external:
            self._drop_created_databases()
        if self._workdir is not None:
            datadir = self._workdir / "data"
            if (datadir / "postmaster.pid").exists():
                self._run_pg(
                    ["pg_ctl", "stop", "-D", str(datadir), "-m", "immediate", "-w", "-t", "30"], check=False
                )
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    def __enter__(self) -> PostgisServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "started" if self._started else "stopped"
        kind = "external" if self.external else "spawned"
        return f"<PostgisServer {kind} {state} {self.host}:{self.port}/{self.dbname}>"

    def create_database(self, name: str | None = None) -> tuple[str, str]:
        """Create a database cloned from the PostGIS template; returns ``(name, dsn)``."""
        self._ensure_template()
        name = name or f"test{self._suffix}_{next(self._counter)}"
        self._create_database(name, template=self.template_dbname)
        return name, self.dsn_for(name)

    def drop_database(self, name: str) -> None:
        from psycopg2 import sql

        with contextlib.closing(connect_waiting(self._maintenance_dsn())) as conn, conn.cursor() as cur:
            force = " WITH (FORCE)" if conn.server_version >= 130000 else ""
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {}" + force).format(sql.Identifier(name)))
        if name in self._created:
            self._created.remove(name)

    @contextlib.contextmanager
    def fresh_database(self) -> Iterator[str]:
        """Yield the DSN of a new database with PostGIS; it is dropped afterwards."""
        name, dsn = self.create_database()
        try:
            yield dsn
        finally:
            self.drop_database(name)

    # -- internals -------------------------------------------------------------------------------

    def _attach(self, dsn: str) -> None:
        from psycopg2.extensions import parse_dsn

        self.external = True
        self._dsn = dsn
        self._params = {k: str(v) for k, v in parse_dsn(dsn).items()}
        self.host = self._params.get("host", "")
        self.port = int(self._params.get("port", "5432"))
        self.user = self._params.get("user") or getpass.getuser()
        self.dbname = self._params.get("dbname") or self.user
        self._suffix = f"_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        with contextlib.closing(connect_waiting(dsn)) as conn, conn.cursor() as cur:
            cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")

    def _spawn(self) -> None:
        self._bindir = ensure_postgis_installed()
        self._as_service_user = os.geteuid() == 0
        if not has_h3_pg(self._bindir):
            try:
                self._plpython_path = ensure_h3_for_plpython(self._bindir, self._as_service_user)
            except H3Unavailable as exc:
                self.h3_unavailable = f"no H3 functions: {exc}"
        workdir = Path(tempfile.mkdtemp(prefix="wareflow-pg-", dir=_temp_parent(self._as_service_user)))
        self._workdir = workdir
        if self._as_service_user:
            uid, gid = _service_account()
            os.chown(workdir, uid, gid)
        datadir = workdir / "data"
        self._run_pg(
            ["initdb", "-D", str(datadir), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", *INITDB_FLAGS]
        )
        self._start_postmaster(datadir)
        self._params = {"host": self.host, "port": str(self.port), "user": self.user, "dbname": self.dbname}
        self._dsn = self.dsn_for(self.dbname)
        self._ensure_template()
        self._create_database(self.dbname, template=self.template_dbname)

    def _start_postmaster(self, datadir: Path) -> None:
        assert self._workdir is not None
        logfile = self._workdir / "postgres.log"
        for _attempt in range(START_ATTEMPTS):
            port = _free_port()
            options = ["-p", str(port), "-k", str(self._workdir)]
            for key, value in SERVER_SETTINGS.items():
                options += ["-c", f"{key}={value}"]
            wait = ["-w", "-t", str(START_TIMEOUT_S)]
            result = self._run_pg(
                ["pg_ctl", "start", *wait, "-D", str(datadir), "-l", str(logfile), "-o", shlex.join(options)],
                check=False,
                env=_subprocess_env(self._plpython_path),
            )
            if result.returncode == 0:
                self.port = port
                return
            log = logfile.read_text(errors="replace") if logfile.exists() else ""
            if "could not bind" not in log and "Address already in use" not in log:
                raise RuntimeError(
                    f"PostgreSQL failed to start:\n{result.stdout}\n{result.stderr}\n{log[-4000:]}"
                )
            logfile.unlink(missing_ok=True)
        raise RuntimeError(f"PostgreSQL could not bind a free port after {START_ATTEMPTS} attempts")

    def _run_pg(
        self, argv: Sequence[str], check: bool = True, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run a PostgreSQL binary, as the ``postgres`` system user when we are root."""
        assert self._bindir is not None and self._workdir is not None
        cmd = [str(self._bindir / argv[0]), *argv[1:]]
        if self._as_service_user:
            cmd = ["runuser", "-u", SERVICE_USER, "--", *cmd]
        result = subprocess.run(
            cmd,
            cwd=self._workdir,
            env=env if env is not None else _subprocess_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
        )
        if check and result.returncode != 0:
            output = f"{result.stdout}\n{result.stderr}".strip()
            raise RuntimeError(f"{shlex.join(cmd)} failed with exit code {result.returncode}:\n{output}")
        return result

    def _maintenance_dsn(self) -> str:
        # CREATE/DROP DATABASE run from a database nobody else uses: `postgres` on our own server.
        return self._dsn if self.external else self.dsn_for("postgres")

    def _create_database(self, name: str, template: str) -> None:
        from psycopg2 import sql

        with contextlib.closing(connect_waiting(self._maintenance_dsn())) as conn, conn.cursor() as cur:
            cur.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(template)
                )
            )
        self._created.append(name)

    def _ensure_template(self) -> None:
        if self._template_ready:
            return
        from psycopg2 import sql

        with contextlib.closing(connect_waiting(self._maintenance_dsn())) as conn, conn.cursor() as cur:
            cur.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(self.template_dbname))
            )
        self._created.append(self.template_dbname)
        # The connection must be closed before the template is cloned (no other sessions allowed on it).
        with contextlib.closing(connect_waiting(self.dsn_for(self.template_dbname))) as conn, conn.cursor() as cur:
            cur.execute("CREATE EXTENSION postgis")
            self._install_h3(cur)
        self._template_ready = True

    def _install_h3(self, cur: Any) -> None:
        """h3-pg in the template when the server has it, else the test-only stand-in (one transaction)."""
        import psycopg2

        from tests.support import h3_standin

        cur.execute("SELECT array_agg(name::text) FROM pg_available_extensions WHERE name IN ('h3', 'h3_postgis', "
                    "'plpython3u')")
        available = set(cur.fetchone()[0] or ())
        if {"h3", "h3_postgis"} <= available:
            cur.execute("CREATE EXTENSION h3; CREATE EXTENSION h3_postgis")
            self.h3_provider = "h3-pg"
            return
        if self.h3_unavailable is not None:
            return
        if "plpython3u" not in available:
            self.h3_unavailable = f"no H3 functions: the server has neither h3-pg nor PL/Python ({PLPYTHON_PACKAGE})"
            return
        try:
            cur.execute("BEGIN")
            for statement in h3_standin.statements():
                cur.execute(statement)
            cur.execute("SELECT h3_is_valid_cell('8928308280fffff')")  # the server's Python imports h3
            cur.execute("COMMIT")
        except psycopg2.Error as exc:
            cur.execute("ROLLBACK")
            reason = f"the H3 stand-in could not be created: {str(exc).strip()}"
            if not self.external:
                raise RuntimeError(reason) from exc  # we set this server up: a failure is a bug here
            self.h3_unavailable = f"no H3 functions: {reason}"
            return
        self.h3_provider = "stand-in"

    def _drop_created_databases(self) -> None:
        for name in reversed(list(self._created)):
            with contextlib.suppress(Exception):
                self.drop_database(name)


# --------------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    summary = (__doc__ or "").split("\n\n")[0]
    parser = argparse.ArgumentParser(prog="python -m tests.support.postgis", description=summary)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--ensure", action="store_true", help="install PostgreSQL + PostGIS if missing")
    group.add_argument("--serve", action="store_true", help="start a server, print its DSN, wait for Ctrl-C")
    args = parser.parse_args(argv)
    try:
        if args.ensure:
            if os.environ.get(DSN_ENV):
                print(f"{DSN_ENV} is set; using that server", file=sys.stderr)
            else:
                _ensure(as_service_user=os.geteuid() == 0)
            return 0
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # unwind the `with` so the server stops
        with PostgisServer() as server, contextlib.suppress(KeyboardInterrupt):
            print(server.dsn, flush=True)
            signal.pause()
        return 0
    except (PostgisUnavailable, H3Unavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _ensure(as_service_user: bool) -> None:
    """Install what the test server needs; without PL/Python (and not root) only warn: PostGIS still works."""
    bindir = ensure_postgis_installed()
    print(f"PostgreSQL binaries: {bindir}", file=sys.stderr)
    if has_h3_pg(bindir):
        print("H3: h3-pg is installed", file=sys.stderr)
    elif not has_plpython(bindir):
        print(f"warning: no H3 in the test server: {PLPYTHON_PACKAGE} is missing; {_install_hint()}", file=sys.stderr)
    else:
        print(f"H3: test-only stand-in, h3 from {ensure_h3_for_plpython(bindir, as_service_user)}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())

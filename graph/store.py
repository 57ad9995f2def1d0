"""The graph store interface and its factory.

Two backends implement it: the embedded FalkorDB server (default, zero set-up) and Neo4j over Bolt
(`KG_BACKEND=neo4j`). Callers only ever see rows as plain dicts of plain values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from core.settings import settings, store_path

Row = dict[str, Any]


class StoreError(Exception):
    """A store problem worth one clear line to the user (cannot start, query refused, timeout)."""


class StoreUnavailable(StoreError):
    """The store's server is not there (stopped, crashed, unreachable): opening the store again may help."""


class CypherSyntaxError(StoreError):
    """The query does not parse: the reason and where (1-based line and column of the query sent)."""

    def __init__(self, reason: str, line: int, column: int) -> None:
        super().__init__(f"syntax error at line {line}, column {column}: {reason}")
        self.reason, self.line, self.column = reason, line, column


class ReadOnlyViolation(StoreError):
    """A query sent through the read-only path tried to write."""


class GraphStore(Protocol):
    backend: str

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run one write query as one transaction: all of it lands or none of it does."""

    def read(self, query: str, params: dict[str, Any] | None = None, timeout_ms: int | None = None) -> list[Row]:
        """Run a read-only query; the store itself refuses writes on this path."""

    def ensure_schema(self) -> None: ...

    def ensure_fulltext(self) -> None: ...

    def close(self) -> None: ...


def open_store(path: Path | None = None) -> GraphStore:
    """The configured store: KG_BACKEND=falkordb (default, embedded under KG_STORE) or neo4j."""
    values = settings()
    backend = values.get("KG_BACKEND", "falkordb").lower()
    if backend == "neo4j":
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore.from_env(values)
    if backend not in {"falkordb", "embedded"}:
        raise StoreError(f"unknown KG_BACKEND {backend!r}: use falkordb or neo4j")
    from graph.falkor_store import FalkorStore

    folder = path or (Path(values["KG_STORE"]).resolve() if "KG_STORE" in values else store_path())
    return FalkorStore.open(folder)

"""The Neo4j backend: the official `neo4j` driver over Bolt, for server, cluster or Aura deployments.

Writes run in managed write transactions, reads in managed read transactions (access mode READ),
so the server itself refuses a write sent down the read path. Credentials are never logged.
"""

from __future__ import annotations

import os
from typing import Any

from graph.dialect import NEO4J_SCHEMA
from graph.store import ReadOnlyViolation, Row, StoreError


def _plain(value: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {
            "_kind": "node",
            "id": value.get("id", value.element_id),
            "labels": sorted(value.labels),
            "properties": dict(value),
        }
    if isinstance(value, Relationship):
        return {
            "_kind": "relationship",
            "type": value.type,
            "start": value.start_node.get("id") if value.start_node else None,
            "end": value.end_node.get("id") if value.end_node else None,
            "properties": dict(value),
        }
    if isinstance(value, Path):
        return {
            "_kind": "path",
            "nodes": [_plain(n) for n in value.nodes],
            "relationships": [_plain(r) for r in value.relationships],
        }
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


class Neo4jStore:
    backend = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str | None) -> None:
        from neo4j import GraphDatabase

        self.database = database
        self.driver = GraphDatabase.driver(uri, auth=(user, password))
        self.uri = uri

    @classmethod
    def from_env(cls) -> Neo4jStore:
        uri = os.environ.get("NEO4J_URI")
        if not uri:
            raise StoreError("KG_BACKEND=neo4j needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)")
        return cls(
            uri,
            os.environ.get("NEO4J_USER", "neo4j"),
            os.environ.get("NEO4J_PASSWORD", ""),
            os.environ.get("NEO4J_DATABASE") or None,
        )

    def _run(self, mode: str, query: str, params: dict[str, Any] | None, timeout_ms: int | None) -> list[Row]:
        import neo4j
        from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable

        def work(tx: Any) -> list[Row]:
            result = tx.run(query, params or {})
            return [{k: _plain(v) for k, v in record.items()} for record in result]

        timeout = timeout_ms / 1000 if timeout_ms else None
        unit = neo4j.unit_of_work(timeout=timeout)(work)
        try:
            with self.driver.session(database=self.database) as session:
                if mode == "read":
                    return session.execute_read(unit)
                return session.execute_write(unit)
        except ClientError as error:
            if (error.code and "ForbiddenDueToTransactionType" in error.code) or (
                "write" in (error.message or "").lower() and "read" in (error.message or "").lower()
            ):
                raise ReadOnlyViolation("write clauses are refused: this path is read-only") from error
            raise StoreError(error.message or str(error)) from error
        except ServiceUnavailable as error:
            raise StoreError(f"Neo4j at {self.uri} is not reachable") from error
        except Neo4jError as error:
            raise StoreError(error.message or str(error)) from error

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        return self._run("write", query, params, None)

    def read(self, query: str, params: dict[str, Any] | None = None, timeout_ms: int | None = None) -> list[Row]:
        return self._run("read", query, params, timeout_ms)

    def ensure_schema(self) -> None:
        for statement in NEO4J_SCHEMA:
            self._run("write", statement, None, None)

    def close(self) -> None:
        self.driver.close()

"""The Neo4j backend: the official `neo4j` driver (6.x) over Bolt, for server, cluster or Aura deployments.

- Writes run in managed write transactions (`Session.execute_write`): one query, one transaction,
  retried by the driver on transient errors (leader switch, lost connection) and rolled back whole
  on failure.
- Reads run in managed read transactions (`Session.execute_read`, sessions opened with access
  mode READ): the server itself refuses a write sent down the read path, whatever the console's
  own check said; such a refusal becomes `ReadOnlyViolation` at once (it is never retried).
- Every query goes through `graph.dialect.adapt(query, "neo4j")`; the schema is
  `graph.dialect.NEO4J_SCHEMA`.
- Credentials are never printed or logged: messages name the URI without any user-info part and
  have the password masked, and the driver only logs `'credentials': '*******'`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import GraphDatabase, ManagedTransaction
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship

from graph.dialect import NEO4J, NEO4J_SCHEMA, adapt
from graph.store import CypherSyntaxError, ReadOnlyViolation, Row, StoreError, StoreUnavailable

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
SETTINGS_HINT = "KG_BACKEND=neo4j needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)"

# Server answers that mean "this transaction may not write": a write in a READ transaction on one
# server (AccessMode), on a read-only database or a secondary, or routed to a follower.
READ_ONLY_CODES = frozenset(
    {
        "Neo.ClientError.Statement.AccessMode",
        "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
        "Neo.ClientError.General.ReadOnly",
        "Neo.ClientError.Cluster.NotALeader",
    }
)
# The same in GQL status codes (Neo4j 5.26+ / 2025): 08N03 "failed to write to graph … check the
# defined access mode", 08N01 "unable to write to database … on this server".
READ_ONLY_GQL_STATUSES = frozenset({"08N03", "08N01"})
TIMEOUT_CODES = frozenset(
    {
        "Neo.ClientError.Transaction.TransactionTimedOut",
        "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    }
)


# Neo4j behaviours some Bolt servers lack, by the name their agent string carries: the backend does not
# rely on them there, and the live tests say which ones were not verified against that server.
FULLTEXT = "full-text index (CREATE FULLTEXT INDEX, db.index.fulltext.*, db.awaitIndexes)"
READ_ACCESS_MODE = "the server refusing writes in a READ transaction"
TRANSACTION_TIMEOUT = "transaction time-outs"
UNSUPPORTED_BY_SERVER = {"ArcadeDB": frozenset({FULLTEXT, READ_ACCESS_MODE, TRANSACTION_TIMEOUT})}


def is_read_only_refusal(error: Neo4jError) -> bool:
    """True when the server refused a write because the transaction or the database is read-only."""
    return error.code in READ_ONLY_CODES or error.gql_status in READ_ONLY_GQL_STATUSES


def _plain(value: Any) -> Any:
    """Driver values → plain Python (nodes and relationships become dicts, like the JSON export)."""
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
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Duration …
        return value.iso_format()
    return value


def safe_uri(uri: str) -> str:
    """The URI without user-info or fragment (`neo4j://user:secret@host` → `neo4j://host`). Split by
    hand, not by urlsplit: a `#` in a password would make the rest of it a "fragment"."""
    scheme, sep, rest = uri.partition("://")
    if not sep:
        return "(NEO4J_URI without a scheme)"
    return f"{scheme}://{rest.rsplit('@', 1)[-1].split('#', 1)[0]}"


def _first_line(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[0] if lines else "(no message)"


def _one_line(text: str | None) -> str:
    return " ".join(line.strip() for line in (text or "").splitlines() if line.strip()) or "(no message)"


class Neo4jStore:
    backend = NEO4J

    def __init__(self, uri: str, user: str, password: str, database: str | None = None) -> None:
        """A driver for `uri`. It connects lazily: `from_env` (what `open_store` uses) also verifies."""
        scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
        if "@" in uri:
            raise StoreError("NEO4J_URI must not hold credentials: set NEO4J_USER and NEO4J_PASSWORD instead")
        self.uri = safe_uri(uri)
        if scheme not in SCHEMES:
            raise StoreError(f"NEO4J_URI {self.uri!r} must start with one of {', '.join(s + '://' for s in SCHEMES)}")
        self.database = database or None
        self.agent = ""  # the server's agent string (`Neo4j/5.26.0`, `Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)`)
        self.__password = password
        try:
            self.driver = GraphDatabase.driver(uri, auth=(user, password), user_agent="policy-kg")
        except (ConfigurationError, ValueError) as error:
            raise StoreError(self._redact(f"cannot use NEO4J_URI {self.uri}: {_first_line(str(error))}")) from None

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r})"

    @classmethod
    def from_env(cls, settings: Mapping[str, str] | None = None) -> Neo4jStore:
        """The store named by NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (from `settings`,
        default the environment), with the connection and the credentials verified."""
        values = os.environ if settings is None else settings
        uri = values.get("NEO4J_URI")
        if not uri:
            raise StoreError(SETTINGS_HINT)
        store = cls(
            uri,
            values.get("NEO4J_USER") or "neo4j",
            values.get("NEO4J_PASSWORD") or "",
            values.get("NEO4J_DATABASE") or None,
        )
        try:
            store.verify()
        except StoreError:
            store.close()
            raise
        return store

    def _redact(self, text: str) -> str:
        return text.replace(self.__password, "***") if self.__password else text

    def _error(self, error: Exception, timeout_ms: int | None = None) -> StoreError:
        """One clear line for a driver or server error; never the credentials."""
        if isinstance(error, AuthError):
            message = f"Neo4j at {self.uri} refused the credentials (NEO4J_USER / NEO4J_PASSWORD)"
        elif isinstance(error, ServiceUnavailable):
            message = f"Neo4j at {self.uri} is not reachable: {_one_line(str(error))}"
        elif isinstance(error, Neo4jError) and (error.code or "").endswith("SyntaxError") and error.message:
            where = re.search(r"\(line (\d+), column (\d+)", error.message)
            if where:
                reason = _first_line(error.message.split("(line")[0]).strip().rstrip(":")
                return CypherSyntaxError(reason, int(where[1]), int(where[2]))
            message = _first_line(error.message)
        elif isinstance(error, Neo4jError) and error.code in TIMEOUT_CODES:
            message = f"query stopped at the time limit of {timeout_ms} ms"
        elif isinstance(error, Neo4jError):
            message = _first_line(error.message) if error.message else str(error.code)
        else:
            message = f"Neo4j at {self.uri}: {_one_line(str(error))}"
        if isinstance(error, ServiceUnavailable):
            return StoreUnavailable(self._redact(message))
        return StoreError(self._redact(message))

    def verify(self) -> None:
        """Connect once (fails fast, without the transaction retries) and check the credentials."""
        try:
            self.driver.verify_connectivity()
            self.agent = self.driver.get_server_info().agent or ""
        except (DriverError, Neo4jError, ValueError) as error:
            raise self._error(error) from error

    @property
    def unsupported(self) -> frozenset[str]:
        """The Neo4j behaviours this server lacks (empty for Neo4j itself)."""
        return next((gaps for name, gaps in UNSUPPORTED_BY_SERVER.items() if name in self.agent), frozenset())

    def _run(self, mode: str, query: str, params: dict[str, Any] | None, timeout_ms: int | None) -> list[Row]:
        text = adapt(query, NEO4J)
        reading = mode == "read"

        def work(tx: ManagedTransaction) -> list[Row]:
            try:
                result = tx.run(text, params or {})
                return [{key: _plain(value) for key, value in record.items()} for record in result]
            except Neo4jError as error:
                if reading and is_read_only_refusal(error):
                    # not a driver error: the driver does not retry it
                    raise ReadOnlyViolation("write clauses are refused: this path is read-only") from None
                raise

        seconds = timeout_ms / 1000 if timeout_ms else None
        unit = neo4j.unit_of_work(timeout=seconds)(work)
        session_config: dict[str, Any] = {
            "database": self.database,
            "default_access_mode": neo4j.READ_ACCESS if reading else neo4j.WRITE_ACCESS,
        }
        if seconds is not None:  # a time limit also bounds the driver's retries (default 30 s)
            session_config["max_transaction_retry_time"] = seconds
        try:
            with self.driver.session(**session_config) as session:
                return session.execute_read(unit) if reading else session.execute_write(unit)
        except (DriverError, Neo4jError, ValueError) as error:
            raise self._error(error, timeout_ms) from error

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        return self._run("write", query, params, None)

    def read(self, query: str, params: dict[str, Any] | None = None, timeout_ms: int | None = None) -> list[Row]:
        return self._run("read", query, params, timeout_ms)

    def ensure_schema(self) -> None:
        """Constraints and indexes (IF NOT EXISTS: idempotent), each in its own write transaction:
        Neo4j does not mix schema and data changes in one transaction. A server without full-text
        indexes gets the rest of the schema."""
        for statement in NEO4J_SCHEMA:
            if FULLTEXT in self.unsupported and "FULLTEXT" in statement.upper():
                continue
            self._run("write", statement, None, None)

    def ensure_fulltext(self) -> None:
        """Neo4j's full-text index is part of its schema (maintained off the write path)."""
        self.ensure_schema()

    def close(self) -> None:
        self.driver.close()

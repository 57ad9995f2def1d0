"""The graph store interface and its factory.

Two backends implement it: the embedded FalkorDB server (default, zero set-up) and Neo4j over Bolt
(`KG_BACKEND=neo4j`). Callers only ever see rows as plain dicts of plain values.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Protocol

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORE = REPO_ROOT / "data" / "store"
GRAPH_NAME = "policy_kg"

Row = dict[str, Any]


class StoreError(Exception):
    """A store problem worth one clear line to the user (cannot start, query refused, timeout)."""


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


def store_path() -> Path:
    return Path(os.environ.get("KG_STORE") or DEFAULT_STORE).resolve()


SETTINGS = ("KG_BACKEND", "KG_STORE", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")


def _streamlit_secrets() -> dict[str, str]:
    """The settings found in the app's `.streamlit/secrets.toml` (top-level keys named like the
    environment variables). Only inside the app: nothing is read unless streamlit is imported."""
    if "streamlit" not in sys.modules:
        return {}
    try:
        import streamlit as st

        if not st.secrets.load_if_toml_exists():
            return {}
        return {key: str(st.secrets[key]) for key in SETTINGS if key in st.secrets and st.secrets[key] != ""}
    except Exception:  # a broken secrets file must not stop the app: fall back to the environment
        return {}


def settings() -> dict[str, str]:
    """KG_BACKEND, KG_STORE and NEO4J_* from the environment; in the app, keys set in Streamlit
    secrets win (Streamlit itself copies top-level secrets into the environment)."""
    environment = {key: os.environ[key] for key in SETTINGS if os.environ.get(key)}
    return {**environment, **_streamlit_secrets()}


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

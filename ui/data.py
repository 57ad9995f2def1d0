"""Data access for the app: one cached store connection (reopened, which restarts the embedded
server, when it went away), cached read results, parameters resolved as the named queries resolve
them, and errors as one message a person can act on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from core.settings import APP_CACHE_SECONDS, settings
from graph.coding import Selection, coded_measures
from graph.networks import Edge, dated_edges, network_report
from graph.stats import graph_stats
from graph.store import CypherSyntaxError, GraphStore, StoreError, StoreUnavailable, open_store
from queries.library import app, get
from queries.readonly import run_console
from queries.resolve import AmbiguousEntity, Resolution, UnknownEntity, entity_id

T = TypeVar("T")


def _where() -> tuple[tuple[str, str], ...]:
    """The store configuration, part of every cache key: two stores never share cached answers."""
    return tuple(sorted(settings().items()))


def store() -> GraphStore:
    """The configured store, one connection per configuration (KG_BACKEND, KG_STORE, NEO4J_*)."""
    return _store(_where())


@st.cache_resource(show_spinner=False)
def _store(where: tuple[tuple[str, str], ...]) -> GraphStore:
    return open_store()


def _with_store(action: Callable[[GraphStore], T]) -> T:
    """Run `action` on the store; if its server went away, open it again (the embedded server is
    started anew) and try once more."""
    try:
        return action(store())
    except StoreUnavailable:
        _store.clear()
        return action(store())


def rows(name: str, params: tuple[tuple[str, Any], ...] = ()) -> list[dict[str, Any]]:
    """The rows of one of the app's own queries (`queries/app/NAME.cypher`)."""
    return _rows(_where(), name, params)


def resolved(name: str, params: tuple[tuple[str, Any], ...] = ()) -> Resolution:
    """A named query's parameters as the graph names them (UnknownEntity / AmbiguousEntity otherwise)."""
    return _resolved(_where(), name, params)


def named(name: str, params: tuple[tuple[str, Any], ...] = ()) -> list[dict[str, Any]]:
    """A named query's rows, its parameters resolved first (see `resolved`)."""
    return _named(_where(), name, params)


def stats() -> dict[str, dict[str, int]]:
    return _stats(_where())


@st.cache_data(ttl=APP_CACHE_SECONDS, show_spinner=False)
def _rows(where: object, name: str, params: tuple[tuple[str, Any], ...]) -> list[dict[str, Any]]:
    return _with_store(lambda s: app(name).run(s, dict(params)))


@st.cache_data(ttl=APP_CACHE_SECONDS, show_spinner=False)
def _resolved(where: object, name: str, params: tuple[tuple[str, Any], ...]) -> Resolution:
    return _with_store(lambda s: get(name).resolve(s, dict(params)))


@st.cache_data(ttl=APP_CACHE_SECONDS, show_spinner=False)
def _named(where: object, name: str, params: tuple[tuple[str, Any], ...]) -> list[dict[str, Any]]:
    resolution = _resolved(where, name, params)
    return _with_store(lambda s: get(name).run(s, {}, resolution=resolution))


@st.cache_data(ttl=APP_CACHE_SECONDS, show_spinner=False)
def _stats(where: object) -> dict[str, dict[str, int]]:
    return _with_store(graph_stats)


def network(name: str, span: int) -> tuple[list[dict[str, Any]], list[Edge]]:
    """A network's measures per period of `span` years and its dated edges."""
    return _network(_where(), name, span)


@st.cache_data(ttl=APP_CACHE_SECONDS, show_spinner=False)
def _network(where: object, name: str, span: int) -> tuple[list[dict[str, Any]], list[Edge]]:
    return _with_store(lambda s: (network_report(s, name, span), dated_edges(s, name)))


def coded(selection: Selection, source: str, coder: str) -> list[dict[str, Any]]:
    """The selected measures with their codes (graph/coding.py), cached until a code is saved."""
    return _coded(_where(), selection, source, coder)


@st.cache_data(ttl=APP_CACHE_SECONDS, show_spinner=False)
def _coded(where: object, selection: Selection, source: str, coder: str) -> list[dict[str, Any]]:
    return _with_store(lambda s: coded_measures(s, selection, source, coder))


def clear() -> None:
    """Forget cached reads (after the app wrote a code)."""
    st.cache_data.clear()


def console(query: str) -> tuple[list[dict[str, Any]], bool]:
    """The read-only console: never cached, refused before the store when it writes."""
    return _with_store(lambda s: run_console(s, query))


def entity(label: str, written: str) -> str | None:
    """The id of the entity a name in a link (`?page=Agency&name=…`) means, resolved as the queries do."""
    try:
        return _with_store(lambda s: entity_id(label.lower(), written, s))
    except (UnknownEntity, AmbiguousEntity) as error:
        st.warning(str(error))
        return None


def safely(action: Callable[..., T], *args: Any) -> T | None:
    """Run a data call; show one message (never a traceback) and return None when it fails."""
    try:
        return action(*args)
    except StoreUnavailable as error:
        st.error(
            f"The graph store is not reachable ({error}). It was restarted once and is still down: "
            "run `python -m graph server start` (or `make run`), then reload this page."
        )
    except CypherSyntaxError as error:
        st.error(f"Syntax error at line {error.line}, column {error.column}: {error.reason}")
    except (UnknownEntity, AmbiguousEntity) as error:
        st.warning(str(error))
    except (StoreError, ValueError, KeyError) as error:
        st.error(f"{error}")
    return None

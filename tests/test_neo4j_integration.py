"""Neo4j: the end-to-end facts and parity with the embedded store on a live Bolt server, and the
credential rules everywhere.

The live tests run against the server NEO4J_URI names (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE);
without NEO4J_URI they start a local ArcadeDB server with its Bolt plugin themselves (tests/arcadedb_server.py,
the PyPI wheel arcadedb-embedded), so `pytest tests/test_neo4j_integration.py` alone runs them for real.
They ingest data/samples and data/laws with KG_BACKEND=neo4j — the same inputs as the embedded store of
tests/conftest.py — and compare statistics and named-query answers with it. They need an empty database
(or NEO4J_TEST_RESET=1, which lets them delete everything in it). Where the server lacks a Neo4j behaviour
(ArcadeDB: full-text indexes, READ access mode, transaction time-outs; the backend reads it from the
server's agent string) the test for it is skipped and says which behaviour was not verified.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.neo4j_store import FULLTEXT, READ_ACCESS_MODE, TRANSACTION_TIMEOUT, Neo4jStore
from graph.stats import graph_stats
from graph.store import GraphStore, ReadOnlyViolation, StoreError, open_store
from ingest.run import FileOutcome, ingest_paths
from queries.library import load_library
from tests.conftest import LAWS, REPO, SAMPLES, Seeded
from tests.samples import canonical_rows

SECRET = "pw-Zx9#never-print-me"
NEO4J_SETTINGS = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "NEO4J_TEST_RESET")


# --- live Neo4j -----------------------------------------------------------------------------


class Neo4jSeeded:
    def __init__(self, store: GraphStore, outcomes: list[FileOutcome]) -> None:
        self.store = store
        self.outcomes = outcomes

    def rows(self, query: str, **params: object) -> list[dict[str, Any]]:
        return self.store.read(query, params)

    def not_verified(self, behaviour: str) -> None:
        """Skip, naming the Neo4j behaviour this server lacks (so it was not verified here)."""
        store = self.store
        if isinstance(store, Neo4jStore) and behaviour in store.unsupported:
            pytest.skip(f"not verified against {store.agent}: it lacks {behaviour}")


def _wipe(store: GraphStore) -> None:
    store.write("MATCH (n) DETACH DELETE n")


@pytest.fixture(scope="module")
def neo4j_seeded(bolt_server: str) -> Iterator[Neo4jSeeded]:
    previous = os.environ.get("KG_BACKEND")
    os.environ["KG_BACKEND"] = "neo4j"
    try:
        store = open_store()
    finally:
        if previous is None:
            os.environ.pop("KG_BACKEND", None)
        else:
            os.environ["KG_BACKEND"] = previous
    assert store.backend == "neo4j"
    try:
        present = store.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
        if present and os.environ.get("NEO4J_TEST_RESET") != "1":
            pytest.skip(
                f"the Neo4j database holds {present} nodes: the end-to-end suite needs an empty one "
                "(or NEO4J_TEST_RESET=1 to let it delete everything in it)"
            )
        if present:
            _wipe(store)
        outcomes = ingest_paths([SAMPLES, LAWS], store, workers=1)  # the embedded fixture's inputs
        yield Neo4jSeeded(store, outcomes)
        _wipe(store)
    finally:
        store.close()


def test_every_document_is_added(neo4j_seeded: Neo4jSeeded) -> None:
    assert [o.status for o in neo4j_seeded.outcomes] == ["added"] * 9


def test_same_graph_as_the_embedded_store(neo4j_seeded: Neo4jSeeded, seeded: Seeded) -> None:
    stats = graph_stats(neo4j_seeded.store)
    assert stats["nodes"]["Document"] == 9
    assert stats == graph_stats(seeded.store)


def test_named_queries_give_the_same_answers(neo4j_seeded: Neo4jSeeded, seeded: Seeded) -> None:
    compared = 0
    for query in load_library().values():
        if any(p.example is None for p in query.params):
            continue
        values = {p.name: p.example for p in query.params}
        on_neo4j = query.run(neo4j_seeded.store, values)
        on_falkor = query.run(seeded.store, values)
        if "LIMIT" in query.cypher.upper():  # ties may pick different rows
            assert len(on_neo4j) == len(on_falkor), query.name
        else:
            assert canonical_rows(on_neo4j) == canonical_rows(on_falkor), query.name
        compared += 1
    assert compared >= 15


def test_000_is_issued_by_the_zhejiang_ip_office(neo4j_seeded: Neo4jSeeded) -> None:
    rows = neo4j_seeded.rows(
        "MATCH (d:Document {title: $t})-[:ISSUED_BY]->(a:Agency) RETURN a.name AS name, d.issued AS issued",
        t="浙江省2014年专利事业发展战略推进工作组织实施方案",
    )
    assert rows == [{"name": "浙江省知识产权局", "issued": "2014-04-21"}]


def test_agency_tasks(neo4j_seeded: Neo4jSeeded) -> None:
    rows = load_library()["agency_tasks"].run(neo4j_seeded.store, {"agency": "甘肃省市场监督管理局"})
    assert len(rows) >= 40


def test_reingesting_changes_nothing(neo4j_seeded: Neo4jSeeded) -> None:
    before = graph_stats(neo4j_seeded.store)
    outcomes = ingest_paths([SAMPLES, LAWS], neo4j_seeded.store, workers=1)
    assert {o.status for o in outcomes} == {"unchanged"}
    assert graph_stats(neo4j_seeded.store) == before


def test_the_server_refuses_writes_on_the_read_path(neo4j_seeded: Neo4jSeeded) -> None:
    neo4j_seeded.not_verified(READ_ACCESS_MODE)
    with pytest.raises(ReadOnlyViolation):
        neo4j_seeded.store.read("CREATE (n:ReadPathProbe) RETURN n")
    assert neo4j_seeded.rows("MATCH (n:ReadPathProbe) RETURN count(n) AS n") == [{"n": 0}]


def test_the_console_refuses_writes_before_the_server(neo4j_seeded: Neo4jSeeded) -> None:
    from queries.readonly import run_console

    with pytest.raises(ReadOnlyViolation):
        run_console(neo4j_seeded.store, "CREATE (n:ReadPathProbe) RETURN n")
    assert neo4j_seeded.rows("MATCH (n:ReadPathProbe) RETURN count(n) AS n") == [{"n": 0}]


def test_full_text_search(neo4j_seeded: Neo4jSeeded) -> None:
    neo4j_seeded.not_verified(FULLTEXT)
    neo4j_seeded.rows("CALL db.awaitIndexes(120)")
    for spelling in ("db.index.fulltext.queryNodes('measure_text', $q)", "db.idx.fulltext.queryNodes('Measure', $q)"):
        rows = neo4j_seeded.rows(f"CALL {spelling} YIELD node RETURN node.search_text AS t", q="专利")
        assert rows and all("专利" in row["t"] for row in rows)


def test_a_read_stops_at_its_time_limit(neo4j_seeded: Neo4jSeeded) -> None:
    neo4j_seeded.not_verified(TRANSACTION_TIMEOUT)
    with pytest.raises(StoreError, match="time limit"):
        neo4j_seeded.store.read(
            "UNWIND range(1, 50000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i) AS n", timeout_ms=200
        )


def test_the_export_is_the_embedded_stores_export(neo4j_seeded: Neo4jSeeded, seeded: Seeded) -> None:
    """Every node and relationship with every property, written by the loader's Cypher on both engines."""
    from graph.export import read_graph
    from tests.samples import canonical_graph

    on_neo4j, on_falkor = canonical_graph(read_graph(neo4j_seeded.store)), canonical_graph(read_graph(seeded.store))
    assert len(on_neo4j) > 1000
    assert on_neo4j == on_falkor


def test_cli_stats_on_neo4j(neo4j_seeded: Neo4jSeeded) -> None:
    env = {**os.environ, "KG_BACKEND": "neo4j"}
    result = subprocess.run(
        [sys.executable, "-m", "graph", "stats", "--json"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["nodes"]["Document"] == 9


# --- without a server -------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _settings(uri: str) -> dict[str, str]:
    return {"NEO4J_URI": uri, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": SECRET, "NEO4J_DATABASE": "neo4j"}


def test_unreachable_server_is_one_line_without_the_password(caplog: pytest.LogCaptureFixture) -> None:
    from graph.neo4j_store import Neo4jStore

    caplog.set_level(logging.DEBUG)
    for uri in (f"bolt://127.0.0.1:{_closed_port()}", f"neo4j://127.0.0.1:{_closed_port()}"):
        with pytest.raises(StoreError) as caught:
            Neo4jStore.from_env(_settings(uri))
        message = str(caught.value)
        assert "not reachable" in message and uri.split("://")[1] in message
        assert SECRET not in message and "\n" not in message
    assert caplog.records, "the driver logs its connection attempts at DEBUG"
    assert SECRET not in caplog.text


def test_credentials_in_the_uri_are_not_echoed() -> None:
    from graph.neo4j_store import Neo4jStore

    for uri in (f"bolt://neo4j:{SECRET}@127.0.0.1:{_closed_port()}", f"neo4j+s://neo4j:{SECRET}@example.invalid"):
        with pytest.raises(StoreError, match="must not hold credentials") as caught:
            Neo4jStore.from_env(_settings(uri))
        assert "pw-Zx9" not in str(caught.value)


def test_misconfiguration_gets_a_clear_message() -> None:
    from graph.neo4j_store import Neo4jStore

    with pytest.raises(StoreError, match="needs NEO4J_URI"):
        Neo4jStore.from_env({})
    with pytest.raises(StoreError, match="must start with one of bolt://"):
        Neo4jStore.from_env(_settings("http://127.0.0.1:7474"))


@pytest.mark.parametrize(
    "command",
    [
        ["-m", "graph", "stats", "--json"],
        ["-m", "queries", "run", "agency_tasks", "--param", "agency=浙江省知识产权局"],
        ["-m", "queries", "cypher", "MATCH (n) RETURN count(n) AS n"],
        ["-m", "ingest", str(SAMPLES / "000_b4bd4a8f47e595c2.txt")],
    ],
)
def test_commands_on_an_unreachable_neo4j_never_print_the_password(command: list[str]) -> None:
    env = {**os.environ, "KG_BACKEND": "neo4j", **_settings(f"bolt://127.0.0.1:{_closed_port()}")}
    result = subprocess.run([sys.executable, *command], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "not reachable" in result.stderr + result.stdout
    assert SECRET not in result.stderr + result.stdout


def _in_app_dir(tmp_path: Path, code: str, secrets: str | None) -> subprocess.CompletedProcess[str]:
    if secrets is not None:
        (tmp_path / ".streamlit").mkdir()
        (tmp_path / ".streamlit" / "secrets.toml").write_text(secrets, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_BACKEND"))}
    env["PYTHONPATH"] = str(REPO)
    env["HOME"] = str(tmp_path)  # no ~/.streamlit/secrets.toml of the machine
    return subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_app_reads_neo4j_settings_from_streamlit_secrets(tmp_path: Path) -> None:
    port = _closed_port()
    secrets = (
        f'KG_BACKEND = "neo4j"\nNEO4J_URI = "bolt://127.0.0.1:{port}"\nNEO4J_USER = "neo4j"\n'
        f'NEO4J_PASSWORD = "{SECRET}"\nNEO4J_DATABASE = "neo4j"\n'
    )
    code = (
        "import streamlit\n"
        "from graph.store import StoreError, open_store, settings\n"
        "values = settings()\n"
        "print(values['KG_BACKEND'], values['NEO4J_URI'], values['NEO4J_USER'])\n"
        "try:\n    open_store()\nexcept StoreError as error:\n    print('error:', error)\n"
    )
    result = _in_app_dir(tmp_path, code, secrets)
    assert result.returncode == 0, result.stderr
    assert f"neo4j bolt://127.0.0.1:{port} neo4j" in result.stdout
    assert "error: Neo4j at bolt://127.0.0.1" in result.stdout and "not reachable" in result.stdout
    assert SECRET not in result.stdout + result.stderr


def test_commands_ignore_streamlit_secrets(tmp_path: Path) -> None:
    """Outside the app (streamlit not imported) the settings come from the environment only."""
    code = "from graph.store import settings\nprint(sorted(settings()))\n"
    result = _in_app_dir(tmp_path, code, 'KG_BACKEND = "neo4j"\nNEO4J_URI = "bolt://example:7687"\n')
    assert result.returncode == 0, result.stderr
    assert "NEO4J_URI" not in result.stdout and "KG_BACKEND" not in result.stdout


def test_server_refusals_are_classified_and_never_echo_the_password() -> None:
    """Errors as the driver builds them from a server FAILURE message (no server here to send one)."""
    from neo4j.exceptions import Neo4jError

    from graph.neo4j_store import Neo4jStore, is_read_only_refusal

    access = Neo4jError._hydrate_neo4j(
        code="Neo.ClientError.Statement.AccessMode",
        message="Writing in read access mode not allowed. Attempted write to internal graph 0 (neo4j)",
    )
    gql = Neo4jError._hydrate_gql(
        gql_status="08N03",
        message="error: connection exception - failed to write to graph",
        description="error: connection exception - failed to write to graph. Failed to write to graph neo4j.",
        neo4j_code="Neo.ClientError.Statement.AccessMode",
    )
    syntax = Neo4jError._hydrate_neo4j(code="Neo.ClientError.Statement.SyntaxError", message="Invalid input 'X'")
    assert is_read_only_refusal(access) and is_read_only_refusal(gql) and not is_read_only_refusal(syntax)

    store = Neo4jStore(f"bolt://127.0.0.1:{_closed_port()}", "neo4j", SECRET)  # the driver connects lazily
    try:
        unauthorized = Neo4jError._hydrate_neo4j(
            code="Neo.ClientError.Security.Unauthorized", message="The client is unauthorized due to authentication"
        )
        assert "refused the credentials" in str(store._error(unauthorized))
        timed_out = Neo4jError._hydrate_neo4j(
            code="Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", message="timed out"
        )
        assert str(store._error(timed_out, 5000)) == "query stopped at the time limit of 5000 ms"
        echo = Neo4jError._hydrate_neo4j(code="Neo.ClientError.General.Unknown", message=f"echo {SECRET}\nmore")
        assert str(store._error(echo)) == "echo ***"
        assert SECRET not in repr(store)
    finally:
        store.close()

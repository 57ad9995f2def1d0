"""The read-only console refuses every write, whatever the case, spacing, comments or nesting,
by its lexer and again by the store's read-only transaction; runaway reads stop at the row cap
and the time limit with a clear message."""

from __future__ import annotations

import subprocess
import sys

import pytest

from graph.stats import graph_stats
from graph.store import ReadOnlyViolation, StoreError
from queries import readonly
from queries.readonly import check_read_only, run_console
from tests.conftest import REPO, Seeded

WRITES = [
    # the write clauses, any case and spacing
    "CREATE (n:X)",
    "create (n:X) return n",
    "MATCH (n) SET n.x = 1",
    "MATCH (n:Document) sEt n:Flagged",
    "MATCH (n) SET n += {x: 1}",
    "MATCH (n) REMOVE n.title",
    "MATCH (n) remove n:Document",
    "MATCH (n) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "match (n) detach\n\t  delete n",
    "MERGE (n:X {id: 1})",
    "MATCH (a:Agency) MERGE (a)-[:R]->(b:X)",
    "MATCH (a) MERGE (a)-[:R]->(b) ON CREATE SET b.x = 1",
    "UNWIND [1, 2] AS x CREATE (:X {v: x})",
    "MATCH (n) FOREACH (x IN [1] | SET n.x = x)",
    "INSERT (n:X)",
    # comments and odd spacing around the keyword
    "MATCH (n) /* a comment */ DELETE n",
    "MATCH (n) // a comment\nDELETE n",
    "MATCH (n)/**/SET/**/n.x=1",
    "MATCH (n)\u3000SET n.x = 1",
    "MATCH (n) WHERE n.title = 'it\\'s' DELETE n",
    "MATCH (n) WITH n AS set SET set.x = 1",
    # schema and administration
    "DROP INDEX ON :Document(id)",
    "CREATE INDEX FOR (n:Document) ON (n.title)",
    "ALTER DATABASE neo4j SET ACCESS READ ONLY",
    "START DATABASE neo4j",
    "STOP DATABASE neo4j",
    "GRANT ROLE admin TO alice",
    "TERMINATE TRANSACTIONS 'x'",
    # LOAD CSV reads files and URLs on the server's machine
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "load   csv with headers from 'https://example.org/x.csv' as r return r",
    # procedures that write (or are not known to only read)
    "CALL db.idx.fulltext.createNodeIndex('Document', 'title')",
    "call DB.IDX.FULLTEXT.CREATENODEINDEX('Document', 'title')",
    "CALL db.idx.fulltext.drop('Document')",
    "CALL `db`.`idx`.`fulltext`.`drop`('Document')",
    "CALL db.idx.fulltext . drop('Document')",
    "CALL apoc.create.node(['X'], {})",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    # subqueries that write
    "CALL { CREATE (n:X) RETURN n } RETURN 1",
    "MATCH (n) CALL { WITH n SET n.x = 1 } RETURN n",
    "MATCH (n) CALL (n) { DETACH DELETE n }",
    "MATCH (n) CALL { WITH n RETURN n AS m } IN TRANSACTIONS RETURN m",
    "MATCH (n) RETURN n.id UNION CREATE (m:X) RETURN m.id",
    # prefixes do not make a write read-only
    "EXPLAIN CREATE (n)",
    "PROFILE MATCH (n) DELETE n",
    "CYPHER x=1 CREATE (n)",
    # several statements; what the lexer cannot read to the end
    "MATCH (n) RETURN n; CREATE (m)",
    "MATCH (n) RETURN n; MATCH (m) RETURN m",
    "MATCH (n) RETURN 'unterminated",
    "MATCH (n) /* never closed DELETE n",
    "MATCH (`n) DELETE n",
]

READS = [
    "MATCH (d:Document) RETURN d.id AS id",
    "match (d:Document) where d.created is null return count(d) AS n",  # property named like a keyword
    "MATCH (n:Create) RETURN n",  # label named like a keyword
    "RETURN 'CREATE (n) SET n.x = 1; DELETE n' AS text",  # keywords in a string
    'RETURN "MERGE \\" DELETE" AS text',
    "MATCH (n:Document) // DELETE n\nRETURN count(n) AS n",
    "MATCH (n:Document) /* SET n.x = 1 */ RETURN count(n) AS n",
    "MATCH (n:Document) RETURN n.title AS `delete`",
    "MATCH (n:Document) RETURN {set: 1, merge: 2} AS m LIMIT 1",
    "MATCH (set:Document) RETURN count(set) AS n",
    "MATCH (start:Document)-[r:ISSUED_BY]->(end:Agency) RETURN count(r) AS n",
    "MATCH (d:Document) CALL { WITH d MATCH (d)-[:HAS_MEASURE]->(m) RETURN count(m) AS c } RETURN d.id, c",
    "CALL db.labels()",
    "CALL db.relationshipTypes()",
    "CALL db.idx.fulltext.queryNodes('Document', 'x') YIELD node RETURN node",
    "MATCH (n:Document) RETURN n.id AS id ORDER BY id SKIP 1 LIMIT 2;",
    "OPTIONAL MATCH (n:Nothing) RETURN n",
    "WITH 1 AS x RETURN x",
    "UNWIND [1, 2] AS x RETURN x",
    "MATCH (n:Document) WHERE n.title CONTAINS $q RETURN n.id",
]


@pytest.mark.parametrize("query", WRITES)
def test_writes_are_refused_by_the_lexer(query: str) -> None:
    with pytest.raises(ReadOnlyViolation, match="read-only"):
        check_read_only(query)


@pytest.mark.parametrize("query", READS)
def test_reads_pass_the_lexer(query: str) -> None:
    check_read_only(query)


def test_reads_run_on_the_store(seeded: Seeded) -> None:
    for query in READS:
        if "fulltext" in query:
            continue  # the index's name differs by engine; the lexer check above covers it
        rows, truncated = run_console(seeded.store, query, {"q": "专利"})
        assert not truncated, query
    rows, _ = run_console(seeded.store, "MATCH (d:Document) RETURN d.id AS id")
    assert len(rows) >= 5


def test_the_store_refuses_writes_on_its_own(seeded: Seeded) -> None:
    """The second layer: the same queries sent straight to the read path, past the lexer."""
    before = graph_stats(seeded.store)
    for query in (
        "CREATE (n:X)",
        "MATCH (n:Document) SET n.x = 1",
        "MATCH (n:Measure) DETACH DELETE n",
        "MERGE (n:X {id: 1})",
        "CALL { CREATE (n:X) RETURN n } RETURN 1",
        "MATCH (n:Document) FOREACH (x IN [1] | SET n.x = x)",
        "CALL db.idx.fulltext.createNodeIndex('X', 'name')",
    ):
        with pytest.raises(ReadOnlyViolation):
            seeded.store.read(query)
    assert graph_stats(seeded.store) == before


def test_run_console_refuses_before_the_store(seeded: Seeded) -> None:
    before = graph_stats(seeded.store)
    for query in WRITES:
        with pytest.raises(ReadOnlyViolation):
            run_console(seeded.store, query)
    assert graph_stats(seeded.store) == before


def test_row_cap_stops_the_server_and_says_so(seeded: Seeded) -> None:
    query = "MATCH (a:Measure), (b:Measure) RETURN a.id AS a, b.id AS b"
    assert readonly.with_row_cap(query, 5).endswith("\nLIMIT 6")  # the server stops at the cap
    rows, truncated = run_console(seeded.store, query, row_cap=5)
    assert len(rows) == 5 and truncated
    rows, truncated = run_console(seeded.store, "MATCH (d:Document) RETURN d.id LIMIT 2", row_cap=5)
    assert len(rows) == 2 and not truncated
    assert "row cap of 5 rows" in readonly.row_cap_message(5)


def test_time_limit_stops_a_runaway_read(seeded: Seeded) -> None:
    with pytest.raises(StoreError, match="time limit of 200 ms"):
        run_console(seeded.store, "MATCH (a:Measure), (b:Measure), (c:Measure) RETURN count(*)", timeout_ms=200)


def test_wall_clock_guard_when_the_server_checks_late(seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    """FalkorDB builds a range() before it first looks at the clock: the guard answers first."""
    monkeypatch.setattr(readonly, "GUARD_GRACE_S", 0.2)
    with pytest.raises(StoreError, match="time limit of 100 ms"):
        run_console(seeded.store, "UNWIND range(1, 10000000) AS x RETURN count(x)", timeout_ms=100)


def _console(*args: str, store: Seeded) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "KG_STORE": str(store.folder)}
    return subprocess.run(
        [sys.executable, "-m", "queries", "cypher", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_refuses_tricky_writes_and_reports_caps(seeded: Seeded) -> None:
    refused = _console("mAtCh (n) /* x */ dEtAcH\n  dElEtE n", store=seeded)
    assert refused.returncode == 2 and "read-only" in refused.stderr
    capped = _console("MATCH (m:Measure) RETURN m.id", "--limit", "3", store=seeded)
    assert capped.returncode == 0
    assert capped.stdout.strip().endswith("(3 rows)")
    assert "row cap of 3" in capped.stderr
    slow = _console("MATCH (a:Measure), (b:Measure), (c:Measure) RETURN count(*)", "--timeout-ms", "200", store=seeded)
    assert slow.returncode == 2 and "time limit of 200 ms" in slow.stderr

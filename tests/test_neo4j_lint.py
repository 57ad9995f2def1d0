"""Every Cypher string the project sends is valid Neo4j 5 Cypher, per Neo4j's own linter.

`graph.cypher_catalog.all_queries()` gathers them (named queries, schema, the loader's write for
each sample document, stats, export, the app's declared queries …) as Neo4j receives them; the
linter is `@neo4j-cypher/language-support` 2.0.0-next.38 under node (`make setup` installs it).
Also here: the dialect rules that keep the same queries running on the embedded engine.
"""

from __future__ import annotations

import shutil

import pytest

from graph import cypher_catalog
from graph.cypher_catalog import all_queries, loader_writes, project_modules, register, used_params
from graph.cypher_lint import LintIssue, lint_diagnostics, lint_queries
from graph.dialect import (
    FALKOR_FULLTEXT_SCHEMA,
    FALKOR_SCHEMA,
    FALKORDB,
    NEO4J,
    NEO4J_SCHEMA,
    adapt,
    neo4j_property_problems,
    portability_problems,
    write_param_problems,
)
from queries.library import load_library
from tests.conftest import Seeded

needs_node = pytest.mark.skipif(
    shutil.which("node") is None or shutil.which("npm") is None,
    reason="node/npm are not installed: the Neo4j Cypher linter (npm) cannot run here",
)


@pytest.fixture(scope="module")
def catalog() -> list[tuple[str, str, list[str]]]:
    return all_queries()


def _report(issues: list[LintIssue], queries: dict[str, str]) -> str:
    lines = []
    for issue in issues:
        query_line = queries[issue.name].splitlines()[issue.line - 1] if issue.name in queries else ""
        lines.append(f"{issue.name}:{issue.line}:{issue.column}: {issue.message}\n    {query_line[:200]}")
    return "\n".join(lines)


@needs_node
def test_every_query_the_project_sends_is_valid_neo4j_cypher(catalog: list[tuple[str, str, list[str]]]) -> None:
    _, unimported = project_modules()
    for module, reason in unimported.items():
        print(f"note: {module} could not be imported, its queries are not in the catalog: {reason}")
    diagnostics = lint_diagnostics(catalog)
    errors = [d for d in diagnostics if d.severity == "Error"]
    warnings = [d for d in diagnostics if d.severity != "Error"]
    print(f"linted {len(catalog)} queries with Neo4j's linter: {len(errors)} errors, {len(warnings)} warnings")
    for warning in warnings:
        print(f"warning: {warning.name}:{warning.line}:{warning.column}: {warning.message}")
    assert not errors, "Neo4j's linter found errors:\n" + _report(errors, {n: q for n, q, _ in catalog})


def test_the_catalog_has_every_kind_of_query(catalog: list[tuple[str, str, list[str]]]) -> None:
    names = [name for name, _, _ in catalog]
    assert len(names) == len(set(names)), "query names must be unique"
    for query in load_library().values():
        assert f"queries/{query.name}" in names
    assert sum(name.startswith("schema.neo4j[") for name in names) == len(NEO4J_SCHEMA)
    assert sum(name.startswith("loader.write[") for name in names) == 5  # one per sample document
    for name in ("loader.ADD_SOURCE", "loader.READ_DOCUMENTS", "stats.NODE_COUNTS", "export.READ_NODES"):
        assert name in names
    # the FalkorDB side of the dialect never goes to Neo4j
    queries = {query for _, query, _ in catalog}
    assert not queries & set(FALKOR_SCHEMA)
    assert not any("db.idx." in query for query in queries)


def test_declared_parameters_match_the_parameters_used(catalog: list[tuple[str, str, list[str]]]) -> None:
    for name, query, params in catalog:
        assert set(used_params(query)) <= set(params), f"{name} uses undeclared parameters"


def test_loader_writes_come_from_real_extractions() -> None:
    writes = loader_writes()
    for name, query, params in writes:
        assert query.startswith("UNWIND $n_Document AS row CREATE (n:Document {id: row[0], "), name
        assert " WITH count(*) AS _ " in query and query.endswith("RETURN count(*) AS written")
        assert len(params["n_Measure"]) > 0, f"{name}: no measures extracted"
        assert any(key.startswith("r_") for key in params)


@needs_node
def test_registered_queries_are_linted_with_their_declared_parameters() -> None:
    register("test.undeclared", "MATCH (d:Document {id: $id}) RETURN d.label AS label", [])
    register("test.declared", "MATCH (d:Document {id: $id}) RETURN d.label AS label", ["id"])
    try:
        items = [item for item in all_queries() if item[0].startswith("test.")]
        assert [name for name, _, _ in items] == ["test.undeclared", "test.declared"]
        issues = lint_queries(items)
        assert [(i.name, i.message) for i in issues] == [("test.undeclared", "Parameter $id is not defined.")]
    finally:
        cypher_catalog._REGISTRY.pop("test.undeclared", None)
        cypher_catalog._REGISTRY.pop("test.declared", None)


@needs_node
def test_the_linter_reports_what_neo4j_would_refuse() -> None:
    """The check is not vacuous: FalkorDB-only Cypher and plain mistakes are errors."""
    items = [
        ("falkor_fulltext", FALKOR_FULLTEXT_SCHEMA[0], []),
        ("undefined_variable", "MATCH (n:Document) RETURN m", []),
        ("property_exists", "MATCH (n:Document) WHERE exists(n.title) RETURN n", []),
        ("syntax", "MATCH (n:Document RETURN n", []),
        ("fine", "MATCH (n:Document) WHERE n.title IS NOT NULL RETURN n.id AS id", []),
    ]
    issues = lint_queries(items, use_cache=False)
    assert {issue.name for issue in issues} == {"falkor_fulltext", "undefined_variable", "property_exists", "syntax"}
    assert any("db.idx.fulltext.createNodeIndex is not present" in i.message for i in issues)


def test_catalog_queries_run_on_both_engines(catalog: list[tuple[str, str, list[str]]]) -> None:
    problems = {name: portability_problems(query) for name, query, _ in catalog}
    assert not {name: found for name, found in problems.items() if found}


def test_portability_rules() -> None:
    assert portability_problems("MATCH (n:Agency|Region) RETURN n")
    assert portability_problems("MATCH p = shortestPath((a)-[*]-(b)) RETURN p")
    assert portability_problems("MATCH (n) RETURN elementId(n)")
    assert portability_problems("MATCH (n) RETURN id(n)")
    assert portability_problems("MATCH (n) WHERE EXISTS { MATCH (n)--() } RETURN n")
    assert portability_problems("MATCH (n) WHERE exists(n.name) RETURN n")
    fine = (
        "MATCH (n)-[r:LEADS|SUPPORTS]->(m {id: $id}) WHERE n:Agency OR n:Region "
        "WITH n, r, m, 'MATCH (x:A|B) id(x)' AS text RETURN n.id AS id, m.doc_id AS doc_id, text"
    )
    assert portability_problems(fine) == []


def test_adapt_translates_full_text_search_both_ways() -> None:
    neo4j = "CALL db.index.fulltext.queryNodes('measure_text', $q) YIELD node, score RETURN node.id AS id"
    falkor = "CALL db.idx.fulltext.queryNodes('Measure', $q) YIELD node, score RETURN node.id AS id"
    assert adapt(neo4j, FALKORDB) == falkor
    assert adapt(falkor, NEO4J) == neo4j
    assert adapt(neo4j, NEO4J) == neo4j and adapt(falkor, FALKORDB) == falkor
    plain = "MATCH (m:Measure) WHERE m.search_text CONTAINS $q RETURN m.id AS id"
    assert adapt(plain, NEO4J) is plain and adapt(plain, FALKORDB) is plain


def test_neo4j_full_text_spelling_runs_on_the_embedded_store(seeded: Seeded) -> None:
    """The Neo4j spelling of a full-text search, adapted by the store, finds Chinese words."""
    seeded.store.ensure_fulltext()  # built on request (`python -m graph fulltext`), not by the ingest
    rows = seeded.rows(
        "CALL db.index.fulltext.queryNodes('measure_text', $q) YIELD node RETURN node.id AS id, node.search_text AS t",
        q="专利",
    )
    assert rows and all("专利" in row["t"] for row in rows)  # FalkorDB indexes the headings (dialect.py)


def test_loader_writes_hold_only_values_neo4j_can_store() -> None:
    for name, _, params in loader_writes():
        assert write_param_problems(params) == [], name


def test_neo4j_property_rules() -> None:
    assert neo4j_property_problems(["a", "b"]) == []
    assert neo4j_property_problems([]) == []
    assert neo4j_property_problems([1, 2.5]) == []
    assert neo4j_property_problems(None) == []
    assert neo4j_property_problems(["a", 1])
    assert neo4j_property_problems(["a", None])
    assert neo4j_property_problems([["a"]])
    assert neo4j_property_problems({"a": 1})
    assert neo4j_property_problems(2**64)

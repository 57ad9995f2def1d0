"""Every Cypher string the project sends is valid Neo4j 5 Cypher, per Neo4j's own linter.

`tests.cypher_catalog.all_queries()` lists them (named and app queries, schema, the writer's query
for each sample document, keys, stats, export, the evaluator's reads …) as Neo4j receives them; the
linter is `@neo4j-cypher/language-support` 2.0.0-next.38 under node (`make setup` installs it).
Also here: the dialect rules that keep the same queries running on the embedded engine.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import shutil

import pytest

from graph.dialect import (
    FALKOR_FULLTEXT_SCHEMA,
    FALKOR_SCHEMA,
    FALKORDB,
    NEO4J,
    NEO4J_SCHEMA,
    adapt,
    neo4j_property_problems,
    portability_problems,
    strip_literals,
    write_param_problems,
)
from queries.library import app_queries, load_library
from tests.conftest import Seeded
from tests.cypher_catalog import all_queries, cypher_texts, used_params, writer_queries
from tests.cypher_lint import LintIssue, lint_diagnostics, lint_queries

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
    for query in app_queries().values():
        assert any(name.startswith(f"queries/app/{query.name}") for name in names), query.name
    assert sum(name.startswith("queries/app/neighbourhood[") for name in names) == 12  # 6 labels × 2 depths
    assert sum(name.startswith("schema.neo4j[") for name in names) == len(NEO4J_SCHEMA)
    assert sum(name.startswith("writer.write[") for name in names) == 5  # one per sample document
    for name in ("keys.ADD_SOURCE", "keys.READ_DOCUMENT_KEYS", "stats.NODE_COUNTS", "export.READ_NODES"):
        assert name in names
    assert any(name.startswith("evaluate.READS[") for name in names)
    # the FalkorDB side of the dialect never goes to Neo4j
    queries = {query for _, query, _ in catalog}
    assert not queries & set(FALKOR_SCHEMA)
    assert not any("db.idx." in query for query in queries)


_CYPHER_START = re.compile(r"^\s*(MATCH|OPTIONAL\s+MATCH|UNWIND|CALL|CREATE|MERGE|WITH|RETURN)\b")
_NOT_SENT_TO_NEO4J = {"graph.dialect"}  # the FalkorDB side of the dialect


def _cypher_constants() -> list[tuple[str, str]]:
    """Module-level constants of the product's packages that hold Cypher (strings, or dicts and
    tuples of them), in the text the module writes."""
    found: list[tuple[str, str]] = []
    falkordb_side = {id(value) for value in vars(importlib.import_module("graph.dialect")).values()}
    for package_name in ("core", "graph", "ingest", "queries", "ui"):
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}."):
            if info.name.endswith("__main__") or info.name in _NOT_SENT_TO_NEO4J:
                continue
            module = importlib.import_module(info.name)
            for attr, value in vars(module).items():
                if not attr.isupper() or id(value) in falkordb_side:
                    continue
                values = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else [value]
                for text in values:
                    if isinstance(text, str) and _CYPHER_START.match(text):
                        found.append((f"{info.name}.{attr}", text))
    return found


def test_every_cypher_constant_is_listed() -> None:
    """A query kept in a module constant is sent somewhere: the catalog must list it (whole, or as a
    clause of a query it lists, such as the writer's MERGE clauses), or it is never linted."""
    listed = " || ".join(cypher_texts())
    constants = _cypher_constants()
    assert len(constants) > 20
    missing = [
        name
        for name, text in constants
        if " ".join(strip_literals(text.format(name="Document") if "{name}" in text else text).split()) not in listed
    ]
    assert not missing, f"Cypher constants the catalog does not list: {missing}"


def test_declared_parameters_match_the_parameters_used(catalog: list[tuple[str, str, list[str]]]) -> None:
    for name, query, params in catalog:
        assert set(used_params(query)) <= set(params), f"{name} uses undeclared parameters"


def test_writer_queries_come_from_real_extractions() -> None:
    writes = writer_queries()
    for name, query, params in writes:
        assert query.startswith("UNWIND $n_Document AS row CREATE (n:Document {id: row[0], "), name
        assert " WITH count(*) AS _ " in query and query.endswith("RETURN count(*) AS written")
        assert len(params["n_Measure"]) > 0, f"{name}: no measures extracted"
        assert any(key.startswith("r_") for key in params)


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
    assert portability_problems("MATCH (d), (r) RETURN exists((d)-[:IMPLEMENTS]->(r)) AS x")
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


def test_writer_queries_hold_only_values_neo4j_can_store() -> None:
    for name, _, params in writer_queries():
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

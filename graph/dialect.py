"""Everything that differs between the embedded engine (FalkorDB) and Neo4j 5, in one place.

The project's Cypher (named queries, the loader, stats, export, the app) is written in the subset
both engines accept. What cannot be shared lives here:

- schema statements (`FALKOR_SCHEMA`, `NEO4J_SCHEMA`): FalkorDB takes unnamed `CREATE INDEX` and
  a full-text index through a procedure; Neo4j 5 takes named, idempotent constraints and indexes
  (uniqueness of `id`, range indexes for lookups, text indexes for CONTAINS, a full-text index);
- full-text search procedures (`adapt`): `db.index.fulltext.queryNodes('measure_text', q)` on
  Neo4j is `db.idx.fulltext.queryNodes('Measure', q)` on FalkorDB; both stores pass every query
  through `adapt(query, backend)` so either spelling runs on either engine;
- constructs that only one engine accepts and that cannot be rewritten mechanically
  (`portability_problems`): the Cypher catalog test refuses them in project queries;
- property values Neo4j cannot store (`neo4j_property_problems`): FalkorDB keeps mixed-type
  arrays and arrays with nulls, Neo4j refuses them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from core.schema import LABELS, SCHEMA

FALKORDB = "falkordb"
NEO4J = "neo4j"

LOOKUP_KEYS = SCHEMA.lookups
CONTAINS_KEYS = SCHEMA.contains
FULLTEXT_INDEXES = SCHEMA.fulltext

# FalkorDB: `CREATE INDEX FOR (n:L) ON (n.p)` (no names, no IF NOT EXISTS; "already indexed" is
# ignored by the store); full-text through `db.idx.fulltext.createNodeIndex` with RediSearch's
# Chinese word segmentation (without `language: 'chinese'` a whole run of Han characters is one token).
# The index is built on request (`python -m graph fulltext`), not by every ingest: segmenting even
# the short headings on write was a third of the server's time per document (4 of 11.5 ms,
# bench/profile_notes.md), and no named query or page uses it (its dictionary segmentation misses
# words such as 质押; search is the CONTAINS on `search_text`). Once built, later writes maintain it.
FALKOR_FULLTEXT_PROPS: dict[str, tuple[str, ...]] = {"Measure": ("heading",)}
FALKOR_FULLTEXT_SCHEMA: tuple[str, ...] = tuple(
    f"CALL db.idx.fulltext.createNodeIndex({{label: '{label}', language: 'chinese'}}, "
    + ", ".join(f"'{prop}'" for prop in props)
    + ")"
    for label, props in FALKOR_FULLTEXT_PROPS.items()
)
FALKOR_INDEX_STATUS = "CALL db.indexes() YIELD label, status RETURN label, status"
FALKOR_SCHEMA: tuple[str, ...] = tuple(
    f"CREATE INDEX FOR (n:{label}) ON (n.{key})" for label, keys in LOOKUP_KEYS.items() for key in keys
)

# Neo4j 5: named, idempotent (IF NOT EXISTS) schema. A uniqueness constraint on `id` per label
# (it brings its own index, which MERGE uses), range indexes for the other lookups, text indexes
# for CONTAINS, and a full-text index with the CJK analyzer (bigrams: Chinese has no spaces).
NEO4J_SCHEMA: tuple[str, ...] = (
    *(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE" for label in LABELS),
    *(
        f"CREATE INDEX {label.lower()}_{key} IF NOT EXISTS FOR (n:{label}) ON (n.{key})"
        for label, keys in LOOKUP_KEYS.items()
        for key in keys
        if key != "id"
    ),
    *(
        f"CREATE TEXT INDEX {label.lower()}_{key}_text IF NOT EXISTS FOR (n:{label}) ON (n.{key})"
        for label, keys in CONTAINS_KEYS.items()
        for key in keys
    ),
    *(
        f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR (n:{label}) ON EACH ["
        + ", ".join(f"n.{prop}" for prop in props)
        + "] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
        for name, (label, props) in FULLTEXT_INDEXES.items()
    ),
)

# --- query adaptation -------------------------------------------------------------------------

_LITERALS = re.compile(r"//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|`[^`]*`", re.DOTALL)
_NEO4J_FULLTEXT = re.compile(r"\bdb\.index\.fulltext\.queryNodes\s*\(\s*(['\"])(?P<name>\w+)\1", re.IGNORECASE)
_FALKOR_FULLTEXT = re.compile(r"\bdb\.idx\.fulltext\.queryNodes\s*\(\s*(['\"])(?P<label>\w+)\1", re.IGNORECASE)
_INDEX_OF_LABEL = {label: name for name, (label, _) in FULLTEXT_INDEXES.items()}


def _fulltext_for_falkordb(match: re.Match[str]) -> str:
    name = match["name"]
    label = FULLTEXT_INDEXES[name][0] if name in FULLTEXT_INDEXES else name
    return f"db.idx.fulltext.queryNodes('{label}'"


def _fulltext_for_neo4j(match: re.Match[str]) -> str:
    label = match["label"]
    return f"db.index.fulltext.queryNodes('{_INDEX_OF_LABEL.get(label, label)}'"


@lru_cache(maxsize=1024)
def adapt(query: str, backend: str) -> str:
    """The query as `backend` must receive it. Both stores call this for every query they send.

    Today the only mechanical rewrite is full-text search: either engine's spelling of the
    procedure (and index name / label) becomes the target engine's. Everything else in the
    project's Cypher is already valid on both engines (checked by tests/test_neo4j_lint.py).
    """
    if "fulltext" not in query.lower():
        return query
    if backend == NEO4J:
        return _FALKOR_FULLTEXT.sub(_fulltext_for_neo4j, query)
    if backend == FALKORDB:
        return _NEO4J_FULLTEXT.sub(_fulltext_for_falkordb, query)
    raise ValueError(f"unknown backend {backend!r}")


# --- constructs only one engine accepts -------------------------------------------------------

_NOT_PORTABLE: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\(\s*\w*\s*:\s*\w+\s*[|&!]", re.IGNORECASE),
        "label expression in a node pattern (n:A|B): FalkorDB refuses it; write WHERE n:A OR n:B",
    ),
    (
        re.compile(r"(?<![\w.])(MATCH|OPTIONAL\s+MATCH)\s+\w+\s*=\s*(all)?shortestPath\s*\(", re.IGNORECASE),
        "shortestPath in MATCH: FalkorDB only takes it in WITH or RETURN (and directed)",
    ),
    (
        re.compile(r"(?<![\w.])elementId\s*\(", re.IGNORECASE),
        "elementId(): FalkorDB has no such function; use the `id` property",
    ),
    (
        re.compile(r"(?<![\w.$])id\s*\(", re.IGNORECASE),
        "id(): internal ids differ between engines and id() is deprecated on Neo4j 5; use the `id` property",
    ),
    (
        re.compile(r"(?<![\w.])(COUNT|EXISTS|COLLECT)\s*\{", re.IGNORECASE),
        "subquery expression (COUNT/EXISTS/COLLECT { … }): FalkorDB refuses it; use a pattern comprehension",
    ),
    (
        re.compile(r"(?<![\w.])exists\s*\(\s*\w+\s*\.\s*\w+\s*\)", re.IGNORECASE),
        "exists(n.prop): removed in Neo4j 5; write n.prop IS NOT NULL",
    ),
    (
        re.compile(r"(?<![\w.])exists\s*\(\s*\(", re.IGNORECASE),
        "exists(pattern): FalkorDB ignores a bound end node in it (true whenever any such edge exists); "
        "write size([(a)-[:T]->(b) | 1]) > 0",
    ),
    (
        re.compile(r"(?<![\w.])db\.idx\.fulltext\.(?!queryNodes)\w+", re.IGNORECASE),
        "FalkorDB full-text administration procedure: put schema in graph/dialect.py",
    ),
)


def strip_literals(query: str) -> str:
    """The query with comments, string literals and `quoted` names blanked (same length)."""
    return _LITERALS.sub(lambda m: " " * len(m.group(0)), query)


def portability_problems(query: str) -> list[str]:
    """Constructs in `query` that one of the two engines refuses (and `adapt` cannot rewrite)."""
    text = strip_literals(query)
    return [message for pattern, message in _NOT_PORTABLE if pattern.search(text)]


# --- property values --------------------------------------------------------------------------

_SCALARS = (str, bool, int, float)


def neo4j_property_problems(value: Any, where: str = "value") -> list[str]:
    """Why Neo4j would refuse to store `value` as a property (empty list: it can).

    Neo4j stores scalars and homogeneous lists of scalars, never maps, nested lists or lists
    holding nulls; FalkorDB is laxer, so the loader must only send what both accept.
    A top-level None is fine: SET n.p = null / n += {p: null} removes the property on both.
    """
    if value is None or isinstance(value, _SCALARS):
        if isinstance(value, int) and not isinstance(value, bool) and not -(2**63) <= value < 2**63:
            return [f"{where}: integer {value} does not fit in 64 bits"]
        return []
    if isinstance(value, dict):
        return [f"{where}: a map cannot be a property value"]
    if isinstance(value, (list, tuple)):
        if any(v is None for v in value):
            return [f"{where}: a list holding null cannot be stored"]
        if any(not isinstance(v, _SCALARS) for v in value):
            return [f"{where}: a list may only hold scalars (no maps, no nested lists)"]
        kinds = {"bool" if isinstance(v, bool) else "number" if isinstance(v, (int, float)) else "str" for v in value}
        if len(kinds) > 1:
            return [f"{where}: a list must hold one type, not {', '.join(sorted(kinds))}"]
        return []
    return [f"{where}: {type(value).__name__} is not a property type"]


def write_param_problems(params: dict[str, Any]) -> list[str]:
    """Property-value problems in a loader write's parameters (`UNWIND $x AS row … row.props`)."""
    problems: list[str] = []
    for name, rows in params.items():
        if not isinstance(rows, list):
            problems += neo4j_property_problems(rows, f"${name}")
            continue
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                continue
            for key, value in row.items():
                if key == "props" and isinstance(value, dict):
                    for prop, inner in value.items():
                        problems += neo4j_property_problems(inner, f"${name}[{index}].props.{prop}")
                else:
                    problems += neo4j_property_problems(value, f"${name}[{index}].{key}")
    return problems

"""Every Cypher string the product sends to a store, listed explicitly, as `(name, query, parameter
names)` — each as Neo4j would receive it (`graph.dialect.adapt(query, "neo4j")`), for the linter
(tests/test_neo4j_lint.py):

- the named queries (`queries/*.cypher`) and the app's own (`queries/app/*.cypher`), every
  template variant, with the parameters their headers declare (and the library's `$row_cap`);
- what the console sends for them (its row cap appended);
- the schema statements, the writer's query for each sample document (generated from a real
  extraction of `data/samples` through the resolver and the writer, in ingest order, so regulation
  renames and SAME_AS links are exercised), the identity keys, migrations and counters;
- the statistics, export, analytics, lineage, network and evaluator reads.

A query added to the product and not to this list is not linted: `test_every_cypher_constant_is_listed`
looks for Cypher text in the packages' modules and fails on any the list does not hold.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.settings import ROW_CAP
from graph import coding, counters, export, keys, lineage, migrations, networks, stats, writer
from graph.analytics import AGENCY_TASKS, CITATIONS, CO_OWNERSHIP
from graph.dialect import NEO4J, NEO4J_SCHEMA, adapt, strip_literals
from ingest.evaluate import READS
from ingest.read import iter_paths
from ingest.resolve import Resolver
from ingest.run import process_file
from queries.library import IMPLICIT, NamedQuery, app_queries, load_library
from queries.readonly import with_row_cap

Query = tuple[str, str, list[str]]

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = REPO_ROOT / "data" / "samples"
# The full-text call in FalkorDB's spelling: `adapt` must turn it into valid Neo4j.
FULLTEXT_EXAMPLE = (
    "CALL db.idx.fulltext.queryNodes('Measure', $q) YIELD node, score "
    "RETURN node.id AS id, node.heading AS heading, score ORDER BY score DESC LIMIT 20"
)


def used_params(query: str) -> list[str]:
    """The `$name` parameters a query uses (outside strings and comments), in order of first use."""
    return list(dict.fromkeys(re.findall(r"\$(\w+)", strip_literals(query))))


def declared(query: NamedQuery) -> list[str]:
    """The parameters a library query's header declares, and the implicit ones it uses."""
    return [p.name for p in query.params] + [name for name in IMPLICIT if f"${name}" in query.cypher]


def _library(prefix: str, library: dict[str, NamedQuery]) -> list[Query]:
    items: list[Query] = []
    for query in library.values():
        variants = query.variants()
        for index, text in enumerate(variants):
            suffix = f"[{index}]" if len(variants) > 1 else ""
            items.append((f"{prefix}{query.name}{suffix}", text, declared(query)))
    return items


@lru_cache(maxsize=1)
def writer_queries() -> tuple[tuple[str, str, dict[str, Any]], ...]:
    """(name, query, params) of the writer's query for each sample document, in ingest order."""
    resolver, write = Resolver(), writer.Writer()
    writes: list[tuple[str, str, dict[str, Any]]] = []
    files, _ = iter_paths([SAMPLES])
    for path in files:
        _, result, reason, _ = process_file(str(path))
        if result is None:
            raise RuntimeError(f"{Path(path).name}: extraction failed: {reason}")
        if resolver.known(result) is not None:
            continue  # the same document again: only a source is added
        resolved = resolver.resolve(result)
        writes.append((f"writer.write[{Path(path).name}]", *writer.batch_query([write.plan(resolved)])))
        resolver.remember(resolved)
    return tuple(writes)


def all_queries() -> list[Query]:
    """Every Cypher string the product sends, as Neo4j receives it: (name, query, parameter names)."""
    named = _library("queries/", load_library())
    items = named + _library("queries/app/", app_queries())
    items += [
        (f"console.capped[{name}]", capped, params)
        for name, query, params in named
        if (capped := with_row_cap(query, ROW_CAP)) != query
    ]
    items += [(f"schema.neo4j[{index}]", statement, []) for index, statement in enumerate(NEO4J_SCHEMA)]
    items += [(name, query, list(params)) for name, query, params in writer_queries()]
    items += [
        ("writer.EMPTY_WRITE", writer.EMPTY_WRITE, []),
        ("keys.READ_DOCUMENT_KEYS", keys.READ_DOCUMENT_KEYS, []),
        ("keys.READ_REGULATION_KEYS", keys.READ_REGULATION_KEYS, []),
        ("keys.ADD_SOURCE", keys.ADD_SOURCE, ["id", "sources", "sha"]),
        ("counters.UNCOUNTED_AGENCIES", counters.UNCOUNTED_AGENCIES, []),
        ("counters.COUNT_TASKS", counters.COUNT_TASKS, []),
        ("migrations.UNLABELLED_MEASURES", migrations.UNLABELLED_MEASURES, []),
        ("migrations.LABEL_MEASURES", migrations.LABEL_MEASURES, []),
        ("stats.NODE_COUNTS", stats.NODE_COUNTS, []),
        ("stats.RELATIONSHIP_COUNTS", stats.RELATIONSHIP_COUNTS, []),
        ("stats.LABEL_NAMES", stats.LABEL_NAMES, []),
        ("stats.RELATIONSHIP_TYPE_NAMES", stats.RELATIONSHIP_TYPE_NAMES, []),
        ("stats.COUNT_LABEL", stats.COUNT_LABEL.format(name="Document"), []),
        ("stats.COUNT_TYPE", stats.COUNT_TYPE.format(name="CITES"), []),
        ("export.READ_NODES", export.READ_NODES, []),
        ("export.READ_RELATIONSHIPS", export.READ_RELATIONSHIPS, []),
        ("analytics.CO_OWNERSHIP", CO_OWNERSHIP, []),
        ("analytics.AGENCY_TASKS", AGENCY_TASKS, []),
        ("analytics.CITATIONS", CITATIONS, []),
        ("lineage.AGENCIES", lineage.AGENCIES, []),
        ("lineage.WRITE", lineage.WRITE, ["steps"]),
        ("networks.ISSUERS", networks.ISSUERS, []),
        ("networks.LEAD_SUPPORT", networks.LEAD_SUPPORT, []),
        (
            "coding.SAVE",
            coding.SAVE,
            ["id", "measure_id", "axis", "code", "coder", "source", "at", "note", "suggested"],
        ),
        ("coding.CODINGS", coding.CODINGS, ["coder", "axis"]),
        ("coding.SUGGESTED", coding.SUGGESTED, ["measure_id"]),
        ("coding.CODERS", coding.CODERS, []),
        (
            "coding.MEASURES",
            coding.MEASURES.replace("{suggested}", "m.suggested_tool AS suggested_tool"),
            ["doc_ids", "year_from", "year_to"],
        ),
        ("coding.IN_REGION", coding.IN_REGION, ["region"]),
        ("coding.STEMS", coding.STEMS, []),
        ("dialect.fulltext", FULLTEXT_EXAMPLE, ["q"]),
    ]
    items += [(f"evaluate.READS[{name}]", query, []) for name, query in READS.items()]
    return [(name, adapt(query, NEO4J), params) for name, query, params in items]


def cypher_texts() -> set[str]:
    """The listed queries as the product writes them (before the dialect adapts them)."""
    return {" ".join(strip_literals(query).split()) for _, query, _ in all_queries()}

"""Every Cypher string the project sends to a store, as `(name, query, parameter names)`.

`all_queries()` gathers them for the Neo4j linter (tests/test_neo4j_lint.py), each as Neo4j would
receive it (`graph.dialect.adapt(query, "neo4j")`):

- the named queries (`queries/*.cypher`) with their declared parameters;
- the Neo4j schema statements (`graph.dialect.NEO4J_SCHEMA`);
- the loader's write query for each sample document, generated from a real extraction of
  `data/samples` by the loader's own code (an offline `Loader`, documents in ingest order so
  regulation renames and SAME_AS links are exercised), and the loader's other queries;
- the statistics and export queries;
- the read-only console's examples (`queries.readonly.EXAMPLES`, when it has some), and the named
  queries as the console sends them (with its row cap appended);
- every query declared with `register(name, query, params)`: modules that send Cypher of their
  own (the app) call it at import time; `all_queries` imports every module of the project's
  packages first, so their declarations are in;
- module-level Cypher constants of those modules that nobody registered (`MODULE.NAME`, with the
  parameters the text uses), so a query kept in a constant is linted even before it is declared.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from graph.dialect import NEO4J, NEO4J_SCHEMA, adapt, strip_literals

Query = tuple[str, str, list[str]]

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = REPO_ROOT / "data" / "samples"
# Packages whose modules may send Cypher (imported so that their `register` calls run).
PACKAGES = ("graph", "queries", "ui", "ingest")
# Modules whose constants are not meant for Neo4j (the FalkorDB side of the dialect lives there).
NOT_SCANNED = frozenset({"graph.dialect", "graph.cypher_catalog"})
# The full-text call in FalkorDB's spelling: `adapt` must turn it into valid Neo4j.
FULLTEXT_EXAMPLE = (
    "CALL db.idx.fulltext.queryNodes('Measure', $q) YIELD node, score "
    "RETURN node.id AS id, node.heading AS heading, score ORDER BY score DESC LIMIT 20"
)

_REGISTRY: dict[str, tuple[str, list[str]]] = {}
_CYPHER_START = re.compile(r"^\s*(MATCH|OPTIONAL\s+MATCH|UNWIND|CALL|CREATE|MERGE|WITH|RETURN|CYPHER)\b", re.I)
_PARAM = re.compile(r"\$(\w+)")


def register(name: str, query: str, params: Iterable[str] = ()) -> str:
    """Declare a Cypher query this module sends, with its parameter names. Returns the query,
    so a module can write `DOCUMENTS = register("app.documents", "MATCH …", [])`."""
    _REGISTRY[name] = (query, list(params))
    return query


def registered() -> list[Query]:
    return [(name, query, params) for name, (query, params) in _REGISTRY.items()]


def used_params(query: str) -> list[str]:
    """The `$name` parameters a query uses (outside strings and comments), in order of first use."""
    return list(dict.fromkeys(_PARAM.findall(strip_literals(query))))


def project_modules() -> tuple[list[ModuleType], dict[str, str]]:
    """Every module of the project's packages (not `__main__`), imported; and the modules that
    could not be imported, with the reason (their queries are missing from the catalog)."""
    modules: list[ModuleType] = []
    failed: dict[str, str] = {}
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        modules.append(package)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}.", onerror=lambda _: None):
            if info.name.rsplit(".", 1)[-1] == "__main__":
                continue
            try:
                modules.append(importlib.import_module(info.name))
            except Exception as error:  # a module being rewritten must not hide everyone else's queries
                failed[info.name] = f"{type(error).__name__}: {error}"
    return modules, failed


def _cypher_constants(module: ModuleType, excluded: set[int]) -> list[tuple[str, str]]:
    """Module-level UPPER_CASE constants holding Cypher: strings, and dicts / lists / tuples of them
    (or of `(query, params)` pairs)."""
    found: list[tuple[str, str]] = []
    for attr, value in vars(module).items():
        if not attr.isupper() or attr.startswith("_") or id(value) in excluded:
            continue
        items: list[tuple[str, Any]]
        if isinstance(value, dict):
            items = [(f"{attr}[{key}]", v) for key, v in value.items()]
        elif isinstance(value, (list, tuple)):
            items = [(f"{attr}[{index}]", v) for index, v in enumerate(value)]
        else:
            items = [(attr, value)]
        for label, text in items:
            if isinstance(text, (tuple, list)) and text and isinstance(text[0], str):
                text = text[0]  # name -> (query, params) tables
            if isinstance(text, str) and _CYPHER_START.match(text):
                found.append((f"{module.__name__}.{label}", text))
    return found


@lru_cache(maxsize=1)
def loader_writes() -> tuple[tuple[str, str, dict[str, Any]], ...]:
    """(name, query, params) of the loader's write for each sample document, in ingest order."""
    from graph.loader import Loader, batch_write
    from ingest.read import iter_paths
    from ingest.run import process_file

    loader = Loader(None)
    writes: list[tuple[str, str, dict[str, Any]]] = []
    files, _ = iter_paths([SAMPLES])
    for path in files:
        _, result, reason, _ = process_file(str(path))
        if result is None:
            raise RuntimeError(f"{Path(path).name}: extraction failed: {reason}")
        if result.document.id in loader.doc_shas:
            continue  # the same document again: the loader would only add a source
        plan = loader.plan(result)
        writes.append((f"loader.write[{Path(path).name}]", *batch_write([plan])))
        loader.commit(result, plan)
    return tuple(writes)


def _console_examples() -> list[Query]:
    from queries import readonly

    examples = getattr(readonly, "EXAMPLES", None) or ()
    pairs = examples.items() if isinstance(examples, dict) else enumerate(examples)
    out: list[Query] = []
    for key, example in pairs:
        text = example[1] if isinstance(example, (tuple, list)) else example
        label = example[0] if isinstance(example, (tuple, list)) else key
        out.append((f"console.example[{label}]", text, used_params(text)))
    return out


def _console_capped(items: list[Query]) -> list[Query]:
    """What the console sends for these reads: it appends a row cap (`LIMIT n`) to a final RETURN
    without one (`queries.readonly._with_row_cap`, when the console has it)."""
    from queries import readonly

    cap = getattr(readonly, "_with_row_cap", None)
    if cap is None:
        return []
    out: list[Query] = []
    for name, query, params in items:
        capped = cap(query, readonly.ROW_CAP)
        if capped != query:
            out.append((f"console.capped[{name}]", capped, params))
    return out


def all_queries() -> list[Query]:
    """Every Cypher string the project sends, as Neo4j receives it: (name, query, parameter names)."""
    from graph import export, loader, stats
    from queries.library import load_library

    modules, _ = project_modules()  # first: runs the modules' register() calls
    items: list[Query] = [(f"queries/{q.name}", q.cypher, [p.name for p in q.params]) for q in load_library().values()]
    items += [(f"schema.neo4j[{index}]", statement, []) for index, statement in enumerate(NEO4J_SCHEMA)]
    items += [(name, query, list(params)) for name, query, params in loader_writes()]
    items += [
        ("loader.READ_DOCUMENTS", loader.READ_DOCUMENTS, []),
        ("loader.READ_REGULATIONS", loader.READ_REGULATIONS, []),
        ("loader.ADD_SOURCE", loader.ADD_SOURCE, list(loader.ADD_SOURCE_PARAMS)),
        ("loader.EMPTY_WRITE", loader.EMPTY_WRITE, []),
        ("stats.NODE_COUNTS", stats.NODE_COUNTS, []),
        ("stats.RELATIONSHIP_COUNTS", stats.RELATIONSHIP_COUNTS, []),
        ("stats.LABELS", stats.LABELS, []),
        ("stats.RELATIONSHIP_TYPES", stats.RELATIONSHIP_TYPES, []),
        ("stats.COUNT_LABEL", stats.COUNT_LABEL.format(name="Document"), []),
        ("stats.COUNT_TYPE", stats.COUNT_TYPE.format(name="CITES"), []),
        ("export.READ_NODES", export.READ_NODES, []),
        ("export.READ_RELATIONSHIPS", export.READ_RELATIONSHIPS, []),
        ("dialect.fulltext", FULLTEXT_EXAMPLE, ["q"]),
    ]
    items += _console_examples()
    items += _console_capped([item for item in items if item[0].startswith(("queries/", "console.example["))])
    items += registered()
    seen = {query for _, query, _ in items}
    # values defined in the unscanned modules, wherever they are imported (FALKOR_SCHEMA …)
    excluded = {id(value) for name in NOT_SCANNED for value in vars(importlib.import_module(name)).values()}
    for module in modules:
        if module.__name__ in NOT_SCANNED:
            continue
        for name, query in _cypher_constants(module, excluded):
            if query not in seen:
                seen.add(query)
                items.append((name, query, used_params(query)))
    return [(name, adapt(query, NEO4J), params) for name, query, params in items]

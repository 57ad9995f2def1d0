"""The read-only Cypher console: a parser-level check before the query reaches the store.

The store's read path is read-only by construction (FalkorDB GRAPH.RO_QUERY, Neo4j READ
transactions); this check refuses writes earlier, with a clearer message, whatever the case,
spacing or comments. It lexes the query (strings, comments and backtick names are skipped) and
looks at keyword tokens, not substrings: `n.created` or a string "SET" are fine.
"""

from __future__ import annotations

import re
from typing import Any

from graph.store import GraphStore, ReadOnlyViolation, Row, StoreError

ROW_CAP = 1000
TIME_LIMIT_MS = 5000

_WRITE_KEYWORDS = {
    "CREATE",
    "MERGE",
    "SET",
    "DELETE",
    "REMOVE",
    "DROP",
    "DETACH",
    "FOREACH",
    "LOAD",
    "INSERT",
    "ALTER",
    "RENAME",
    "GRANT",
    "DENY",
    "REVOKE",
    "TERMINATE",
    "START",
    "STOP",
    "ENABLE",
}
# Procedures that only read. Any other CALL is refused: a procedure can write.
_READ_PROCEDURES = re.compile(
    r"^(db\.labels|db\.relationshiptypes|db\.propertykeys|db\.indexes|db\.constraints|db\.idx\.fulltext\.querynodes|"
    r"db\.index\.fulltext\.querynodes|db\.index\.fulltext\.queryrelationships|db\.schema\.visualization|"
    r"dbms\.components|db\.meta\.stats|algo\.\w+)$"
)
_TOKEN = re.compile(
    r"(?P<comment>//[^\n]*|/\*.*?\*/)|(?P<string>'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\")|(?P<quoted>`[^`]*`)"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_.]*)|(?P<other>\S)",
    re.DOTALL,
)


def keyword_tokens(query: str) -> list[str]:
    """The query's bare words (keywords, names), without comments, strings and `quoted` names.
    A word right after `.` or `:` or `$` is a property, label or parameter, not a keyword."""
    words: list[str] = []
    previous = ""
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup
        if kind == "word" and previous not in {".", ":", "$"}:
            words.append(match.group(0))
        if kind in {"word", "other", "quoted", "string"}:
            previous = match.group(0) if kind == "other" else ""
    return words


def check_read_only(query: str) -> None:
    """Raise ReadOnlyViolation for any write clause or any CALL of a procedure that may write."""
    words = keyword_tokens(query)
    for index, word in enumerate(words):
        upper = word.upper()
        if upper in _WRITE_KEYWORDS:
            raise ReadOnlyViolation(f"refused: {upper} writes; the console is read-only")
        if upper == "CALL" and index + 1 < len(words):
            target = words[index + 1]
            if target == "{" or not _READ_PROCEDURES.match(target.lower()):
                raise ReadOnlyViolation(f"refused: CALL {target} may write; the console only runs read procedures")
    if "{" in query and re.search(r"\bCALL\s*\{", query, re.IGNORECASE):
        raise ReadOnlyViolation("refused: CALL { … } subqueries are not allowed in the console")


def run_console(
    store: GraphStore,
    query: str,
    params: dict[str, Any] | None = None,
    row_cap: int = ROW_CAP,
    timeout_ms: int = TIME_LIMIT_MS,
) -> tuple[list[Row], bool]:
    """(rows, truncated). Writes are refused before and by the store; reads stop at the caps."""
    if not query.strip():
        raise StoreError("empty query")
    check_read_only(query)
    rows = store.read(query, params or {}, timeout_ms=timeout_ms)
    return rows[:row_cap], len(rows) > row_cap

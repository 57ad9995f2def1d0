"""The read-only Cypher console: a parser-level check, then a read-only transaction, then caps.

Three layers, each enough on its own for writes:
1. `check_read_only` lexes the query (strings, comments, backtick names and parameters are
   tokens of their own, so `n.created`, 'SET' or /* DELETE */ are not keywords) and refuses, by
   token, every write clause (CREATE, MERGE, SET, REMOVE, DELETE, DETACH DELETE, FOREACH, DROP),
   LOAD CSV (it reads files and URLs on the server's machine), any procedure not known to only
   read, CALL { … } IN TRANSACTIONS, statements that do not start like a read (ALTER, GRANT,
   START DATABASE …), several statements at once, and unterminated strings or comments (a lexer
   that cannot see the end of a string cannot vouch for what follows).
2. The store runs what passes in a read-only transaction: FalkorDB's GRAPH.RO_QUERY, which the
   server itself refuses for any write, or a Neo4j READ transaction.
3. Runaway reads stop: the store's own timeout (TIME_LIMIT_MS), a wall-clock guard a little
   longer for queries the server only checks late (a huge `range()` is built before the first
   check), and a row cap applied in the query itself (`LIMIT cap + 1` appended to a final RETURN
   without LIMIT) so the server stops producing rows instead of shipping a million of them.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from core.settings import GUARD_GRACE_S, ROW_CAP, TIME_LIMIT_MS
from graph.store import CypherSyntaxError, GraphStore, ReadOnlyViolation, Row, StoreError

# Clauses that write, anywhere in a query (subqueries included).
_WRITE_CLAUSES = {"CREATE", "MERGE", "SET", "DELETE", "REMOVE", "DETACH", "FOREACH", "DROP", "INSERT"}
# Words a read statement may start with; anything else (ALTER, GRANT, START DATABASE, …) is an
# administration or write command. CYPHER/EXPLAIN/PROFILE only prefix a query, checked in full.
_READ_STARTS = {"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL", "USE", "SHOW", "CYPHER", "EXPLAIN", "PROFILE"}
# Procedures that only read. Any other CALL is refused: a procedure can write.
_READ_PROCEDURES = re.compile(
    r"^(db\.labels|db\.relationshiptypes|db\.propertykeys|db\.indexes|db\.constraints|db\.idx\.fulltext\.querynodes|"
    r"db\.idx\.fulltext\.queryrelationships|db\.idx\.vector\.querynodes|db\.index\.fulltext\.querynodes|"
    r"db\.index\.fulltext\.queryrelationships|db\.schema\.visualization|db\.schema\.nodetypeproperties|"
    r"db\.schema\.reltypeproperties|dbms\.components|dbms\.procedures|dbms\.functions|db\.meta\.stats|"
    r"algo\.(pagerank|bfs|betweenness|labelpropagation|wcc|spath|sspaths|mspaths))$"
)

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<comment>//[^\n]*|/\*.*?\*/)
    | (?P<string>'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")
    | (?P<quoted>`(?:[^`]|``)*`)
    | (?P<param>\$(?:[^\W\d]\w*|\d+|`(?:[^`]|``)*`))
    | (?P<number>0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
    | (?P<word>[^\W\d]\w*)
    | (?P<unterminated>/\*|['"`])
    | (?P<symbol>.)
    """,
    re.DOTALL | re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: str  # word | quoted | string | param | number | symbol
    text: str
    start: int

    @property
    def upper(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def tokenize(query: str) -> list[Token]:
    """The query's tokens without whitespace and comments. An unterminated string, comment or
    backtick name is refused: whatever follows it cannot be classified."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "symbol"
        if kind in {"space", "comment"}:
            continue
        if kind == "unterminated":
            what = "comment" if match.group(0) == "/*" else "name" if match.group(0) == "`" else "string"
            raise ReadOnlyViolation(
                f"refused: unterminated {what} at character {match.start()}; the console is read-only "
                "and only runs queries it can read to the end"
            )
        tokens.append(Token(kind, match.group(0), match.start()))
    return tokens


def _is_name(tokens: list[Token], index: int) -> bool:
    """A word used as a name, never as a clause: a property (n.set), a label or type (:Create),
    a map key or labelled variable (set: 1, (create:Label)), an alias (AS delete) or a lone
    variable in parentheses ((merge)). No write clause stands in any of these places."""
    before = tokens[index - 1] if index > 0 else None
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if before is not None and before.text in {".", ":"}:
        return True
    if after is not None and after.text == ":":
        return True
    if before is not None and before.upper == "AS":
        return True
    return before is not None and before.text == "(" and after is not None and after.text == ")"


def _procedure_name(tokens: list[Token], index: int) -> tuple[str, int]:
    """The dotted procedure name starting at tokens[index] (backtick parts unquoted), and the
    index after it."""
    parts: list[str] = []
    while index < len(tokens) and tokens[index].kind in {"word", "quoted"}:
        token = tokens[index]
        parts.append(token.text[1:-1].replace("``", "`") if token.kind == "quoted" else token.text)
        index += 1
        if index < len(tokens) and tokens[index].text == ".":
            index += 1
            continue
        break
    return ".".join(parts), index


def _statements(tokens: list[Token]) -> list[list[Token]]:
    statements: list[list[Token]] = [[]]
    for token in tokens:
        if token.text == ";":
            statements.append([])
        else:
            statements[-1].append(token)
    return [s for s in statements if s]


def check_read_only(query: str) -> None:
    """Raise ReadOnlyViolation for anything that may write (or read the server's files)."""
    tokens = tokenize(query)
    statements = _statements(tokens)
    if len(statements) > 1:
        raise ReadOnlyViolation("refused: one statement at a time (found a second one after ';'); read-only console")
    if not statements:
        return
    first = statements[0][0]
    if first.upper not in _READ_STARTS:
        raise ReadOnlyViolation(
            f"refused: a statement starting with {first.text!r} is not a read query; the console is read-only "
            "(start with MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, CALL or SHOW)"
        )
    for index, token in enumerate(tokens):
        upper = token.upper
        if not upper or _is_name(tokens, index):
            continue
        if upper in _WRITE_CLAUSES:
            what = "DETACH DELETE" if upper == "DETACH" else upper
            raise ReadOnlyViolation(
                f"refused: {what} writes; the console is read-only"
                + (
                    f" (a variable named {token.text}? write it as `{token.text}`)"
                    if upper in {"SET", "CREATE"}
                    else ""
                )
            )
        if upper == "LOAD":
            raise ReadOnlyViolation(
                "refused: LOAD CSV reads files and URLs on the server's machine; the console is read-only"
            )
        if upper == "TRANSACTIONS" and index >= 1 and tokens[index - 1].upper == "IN":
            raise ReadOnlyViolation(
                "refused: CALL { … } IN TRANSACTIONS is for batched writes; the console is read-only"
            )
        if upper == "CALL":
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            if after is None or after.text in {"{", "("}:
                continue  # a subquery: its clauses are checked like the rest of the query
            name, _ = _procedure_name(tokens, index + 1)
            if not _READ_PROCEDURES.match(name.lower()):
                raise ReadOnlyViolation(
                    f"refused: CALL {name or after.text} may write; the console only runs read procedures (read-only)"
                )


def with_row_cap(query: str, cap: int) -> str:
    """The query with `LIMIT cap + 1` appended when its final clause is a RETURN without LIMIT,
    so the server stops at the cap (one more row tells that rows were cut). Otherwise unchanged:
    the rows are then cut after the fact."""
    tokens = tokenize(query)
    depth = 0
    last_return = -1
    for index, token in enumerate(tokens):
        if token.text in {"(", "[", "{"}:
            depth += 1
        elif token.text in {")", "]", "}"}:
            depth -= 1
        elif depth == 0 and token.upper == "RETURN" and not _is_name(tokens, index):
            last_return = index
    if last_return < 0:
        return query
    depth = 0
    for index, token in enumerate(tokens[last_return:], last_return):
        if token.text in {"(", "[", "{"}:
            depth += 1
        elif token.text in {")", "]", "}"}:
            depth -= 1
        elif depth == 0 and token.upper in {"LIMIT", "UNION"} and not _is_name(tokens, index):
            return query
    body = query.rstrip()
    if tokens and tokens[-1].text == ";":
        body = query[: tokens[-1].start]
    return f"{body}\nLIMIT {cap + 1}"  # on a new line: the query may end in a // comment


def _read_with_guard(store: GraphStore, query: str, params: dict[str, Any], timeout_ms: int) -> list[Row]:
    """store.read with the store's own timeout, and a wall-clock guard behind it: a query the
    server checks only late still returns control (and a clear message) to the user on time."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["rows"] = store.read(query, params, timeout_ms=timeout_ms)
        except BaseException as error:  # handed to the caller's thread
            outcome["error"] = error

    # A daemon thread: a query the server never finishes must not keep the CLI from exiting.
    worker = threading.Thread(target=run, name="console-read", daemon=True)
    worker.start()
    worker.join(timeout_ms / 1000 + GUARD_GRACE_S)
    if worker.is_alive():
        raise StoreError(time_limit_message(timeout_ms))
    if "error" in outcome:
        error = outcome["error"]
        if isinstance(error, StoreError) and "time limit" in str(error):
            raise StoreError(time_limit_message(timeout_ms)) from error
        raise error
    return outcome["rows"]


def time_limit_message(timeout_ms: int) -> str:
    return f"query stopped at the time limit of {timeout_ms} ms: narrow it (a label, a WHERE) or add LIMIT"


def row_cap_message(cap: int) -> str:
    return f"stopped at the row cap of {cap} rows: add LIMIT or narrow the query to see the rest"


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
    row_cap = max(1, row_cap)
    try:
        rows = _read_with_guard(store, with_row_cap(query, row_cap), params or {}, max(1, timeout_ms))
    except CypherSyntaxError as error:
        raise _in_the_query(error, query) from error
    return rows[:row_cap], len(rows) > row_cap


def _in_the_query(error: CypherSyntaxError, query: str) -> CypherSyntaxError:
    """The error placed in the query as typed: past its end (in the row cap's LIMIT line) is its end."""
    lines = query.rstrip().split("\n")
    if error.line > len(lines):
        return CypherSyntaxError(f"the query is incomplete ({error.reason})", len(lines), len(lines[-1]) + 1)
    return error

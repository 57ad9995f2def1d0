"""Lint Cypher queries offline with Neo4j's own linter.

The linting is done by ``tools/cypher_lint/lint.mjs`` (Node.js, package
``@neo4j-cypher/language-support``); no Neo4j server is needed. The whole
batch is linted by a single ``node`` process, because starting the linter
costs a few seconds while each query then takes milliseconds.

The linter knows the functions and procedures of a Neo4j 5 database (built-ins
plus APOC and GDS, as shipped by the package), reports unknown variables,
functions and procedures, syntax errors, and every ``$param`` that is not in
the declared parameter names. Labels, relationship types and property keys are
not checked.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
LINT_DIR = REPO_ROOT / "tools" / "cypher_lint"
LINT_SCRIPT = LINT_DIR / "lint.mjs"
LINT_PACKAGE = LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support"
TIMEOUT_SECONDS = 300.0
ERROR = "Error"


@dataclass(frozen=True)
class LintIssue:
    """One diagnostic of the linter; line and column are 1-based."""

    name: str
    message: str
    line: int
    column: int
    severity: str


def _node_path() -> str | None:
    return shutil.which("node")


def linter_available() -> bool:
    """True when node and the installed linter package are both present."""
    return _node_path() is not None and LINT_SCRIPT.is_file() and (LINT_PACKAGE / "package.json").is_file()


def _require_node() -> str:
    node = _node_path()
    if node is None:
        raise RuntimeError("Cypher linter unavailable: `node` is not on PATH; run `make setup`")
    if not LINT_SCRIPT.is_file():
        raise RuntimeError(f"Cypher linter unavailable: {LINT_SCRIPT} is missing")
    if not (LINT_PACKAGE / "package.json").is_file():
        raise RuntimeError(f"Cypher linter unavailable: {LINT_DIR / 'node_modules'} is not installed; run `make setup`")
    return node


def _one_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def lint_queries(items: list[tuple[str, str, list[str]]]) -> list[LintIssue]:
    """Lint ``(name, query, param_names)`` items; return their errors only.

    Warnings (deprecations and the like) are left out. Raises RuntimeError when
    node or the linter's node_modules is missing, or when the linter fails.
    """
    node = _require_node()
    if not items:
        return []
    payload = [{"name": name, "query": query, "params": list(params)} for name, query, params in items]
    try:
        proc = subprocess.run(
            [node, str(LINT_SCRIPT)],
            input=json.dumps(payload),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"Cypher linter timed out after {TIMEOUT_SECONDS:.0f}s") from exc
    if proc.returncode != 0:
        raise RuntimeError(f"Cypher linter failed (exit {proc.returncode}): {_one_line(proc.stderr)}")
    try:
        results = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"Cypher linter printed invalid JSON: {exc}") from exc
    if not isinstance(results, list) or len(results) != len(items):
        raise RuntimeError("Cypher linter returned an unexpected result shape")

    issues: list[LintIssue] = []
    for result in results:
        for error in result["errors"]:
            if error["severity"] != ERROR:
                continue
            issues.append(
                LintIssue(
                    name=str(result["name"]),
                    message=str(error["message"]),
                    line=int(error["line"]),
                    column=int(error["column"]),
                    severity=str(error["severity"]),
                )
            )
    return issues

"""Lint Cypher queries offline with Neo4j's own linter.

The linting is done by ``tools/cypher_lint/lint.mjs`` (Node.js, package
``@neo4j-cypher/language-support``); no Neo4j server is needed. Starting the
linter costs about two seconds and each query then a few hundred milliseconds
(semantic analysis), so a batch is split over a few ``node`` processes and
results are cached by query text and parameters.

The linter knows the functions and procedures of a Neo4j 5 database (built-ins
plus APOC and GDS, as shipped by the package), reports unknown variables,
functions and procedures, syntax errors, and every ``$param`` that is not in
the declared parameter names. Labels, relationship types and property keys are
not checked.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
LINT_DIR = REPO_ROOT / "tools" / "cypher_lint"
LINT_SCRIPT = LINT_DIR / "lint.mjs"
LINT_PACKAGE = LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support"
# Results by query text + parameters; inside node_modules, so `make clean` and `npm ci` drop it.
CACHE_FILE = LINT_DIR / "node_modules" / ".cache" / "policy-kg-lint.json"
TIMEOUT_SECONDS = 600.0
MAX_WORKERS = 4
MIN_PER_WORKER = 8  # below this many queries per process, a second process costs more than it saves
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


def _cache_key(name: str, query: str, params: list[str]) -> str:
    del name  # the same text with the same parameters lints the same whatever it is called
    return hashlib.sha256(json.dumps([query, sorted(params)], ensure_ascii=False).encode("utf-8")).hexdigest()


def _linter_fingerprint() -> str:
    """Changes whenever lint.mjs or the installed linter package changes (invalidates the cache)."""
    parts = [LINT_SCRIPT.read_bytes(), (LINT_PACKAGE / "package.json").read_bytes()]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def _load_cache(fingerprint: str) -> dict[str, list[dict[str, Any]]]:
    try:
        data = json.loads(CACHE_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("linter") != fingerprint or not isinstance(data.get("results"), dict):
        return {}
    return data["results"]


def _save_cache(fingerprint: str, results: dict[str, list[dict[str, Any]]]) -> None:
    try:
        CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
        tmp = CACHE_FILE.with_suffix(".tmp")
        tmp.write_text(json.dumps({"linter": fingerprint, "results": results}, ensure_ascii=False), encoding="utf-8")
        tmp.replace(CACHE_FILE)
    except OSError:
        pass  # a cache that cannot be written only costs time


def _run_linter(node: str, payload: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lint `payload` in parallel node processes (the linter costs ~0.4 s per query)."""
    workers = max(1, min(os.cpu_count() or 1, MAX_WORKERS, len(payload) // MIN_PER_WORKER or 1))
    chunks = [payload[index::workers] for index in range(workers)]
    procs = [
        subprocess.Popen(
            [node, str(LINT_SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for _ in chunks
    ]
    outputs: list[tuple[int, str, str]] = []
    try:
        with ThreadPoolExecutor(len(procs)) as pool:
            futures = [
                pool.submit(proc.communicate, json.dumps(chunk), TIMEOUT_SECONDS)
                for proc, chunk in zip(procs, chunks, strict=True)
            ]
            for proc, future in zip(procs, futures, strict=True):
                stdout, stderr = future.result()
                outputs.append((proc.returncode, stdout, stderr))
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"Cypher linter timed out after {TIMEOUT_SECONDS:.0f}s") from exc
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    by_item: dict[int, dict[str, Any]] = {}
    for (returncode, stdout, stderr), chunk in zip(outputs, chunks, strict=True):
        if returncode != 0:
            raise RuntimeError(f"Cypher linter failed (exit {returncode}): {_one_line(stderr)}")
        try:
            results = json.loads(stdout)
        except json.JSONDecodeError as exc:
            raise RuntimeError(f"Cypher linter printed invalid JSON: {exc}") from exc
        if not isinstance(results, list) or len(results) != len(chunk):
            raise RuntimeError("Cypher linter returned an unexpected result shape")
        for item, result in zip(chunk, results, strict=True):
            by_item[id(item)] = result
    return [by_item[id(item)] for item in payload]


def lint_diagnostics(items: list[tuple[str, str, list[str]]], use_cache: bool = True) -> list[LintIssue]:
    """Every diagnostic (errors and warnings) of ``(name, query, param_names)`` items.

    Results are cached by query text and parameters (the cache is dropped when lint.mjs or the
    package changes). Raises RuntimeError when node or the linter's node_modules is missing, or
    when the linter fails.
    """
    node = _require_node()
    if not items:
        return []
    fingerprint = _linter_fingerprint()
    cache = _load_cache(fingerprint) if use_cache else {}
    keys = [_cache_key(name, query, list(params)) for name, query, params in items]
    todo: dict[str, dict[str, Any]] = {}
    for key, (name, query, params) in zip(keys, items, strict=True):
        if key not in cache and key not in todo:
            todo[key] = {"name": name, "query": query, "params": list(params)}
    if todo:
        for key, result in zip(todo, _run_linter(node, list(todo.values())), strict=True):
            cache[key] = [*result["errors"], *result["warnings"]]
        if use_cache:
            _save_cache(fingerprint, cache)
    return [
        LintIssue(
            name=str(name),
            message=str(diagnostic["message"]),
            line=int(diagnostic["line"]),
            column=int(diagnostic["column"]),
            severity=str(diagnostic["severity"]),
        )
        for key, (name, _, _) in zip(keys, items, strict=True)
        for diagnostic in cache[key]
    ]


def lint_queries(items: list[tuple[str, str, list[str]]], use_cache: bool = True) -> list[LintIssue]:
    """Lint ``(name, query, param_names)`` items; return their errors only.

    Warnings (deprecations and the like) are left out (`lint_diagnostics` has them). Raises
    RuntimeError when node or the linter's node_modules is missing, or when the linter fails.
    """
    return [issue for issue in lint_diagnostics(items, use_cache) if issue.severity == ERROR]

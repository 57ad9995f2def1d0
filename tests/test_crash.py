"""Crash tests: `kill -9` the ingester, and separately the embedded server, in the middle of a real
ingest of a 150-document corpus (the first half of each of the five samples, in 30 variants each
with its own document number or text, so every variant is a Document of its own).

After each crash the store opens again and every Document present is complete: its measure_count
is the number of its Measure nodes, and its relationship_count and the relationships on its own
nodes are what a clean run wrote for it. Re-running the same command then completes the corpus,
and `python -m graph stats --json` is identical to a clean run's. While the ingester writes, a
second process reads the store as the app does, and every read is consistent and error-free.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.falkor_store import FalkorStore, kill_for_tests, stop_server
from tests.conftest import REPO, SAMPLES

COPIES = 30  # per sample: 150 documents
KILL_AFTER = 25  # documents in the store when the kill comes (mid-run: well before 150)

# The samples' own document numbers (as written in each file, Traditional ones included).
OWN_NUMBER = re.compile(r"(2017〕130|2020〕3|2018〕384)([号號])")

# Per document: what it says it holds, and what the graph holds for it. `own` counts the
# relationships on the document's own nodes (out of the Document, and on each of its Measures;
# a Measure-Measure edge counts from both ends), all written by the document's one transaction;
# incoming SAME_AS edges from later documents are not its own.
DOCUMENTS = (
    "MATCH (d:Document) RETURN d.id AS id, d.measure_count AS measure_count, d.relationship_count AS relationship_count"
)
MEASURES = "MATCH (m:Measure) RETURN m.doc_id AS id, count(m) AS n"
DOCUMENT_EDGES = "MATCH (d:Document)-[r]->() RETURN d.id AS id, count(r) AS n"
MEASURE_EDGES = "MATCH (m:Measure)-[r]-() RETURN m.doc_id AS id, count(r) AS n"
CONSISTENT = (
    "MATCH (d:Document) OPTIONAL MATCH (m:Measure {doc_id: d.id}) WITH d, count(m) AS n "
    "RETURN count(d) AS documents, sum(CASE WHEN n = d.measure_count THEN 0 ELSE 1 END) AS incomplete"
)


def _first_half(text: str) -> str:
    """The first half of a sample (its head, number, title and first chapters): half the
    extraction time per document, so the five runs of this file fit the test budget, and twice
    as many transactions a second for the kills to land in."""
    lines = text.split("\n")
    return "\n".join(lines[: len(lines) // 2]) if len(lines) > 10 else text[: len(text) // 2]


def make_corpus(folder: Path, copies: int = COPIES) -> int:
    """The samples × `copies`: numbered documents get a new serial (a new id), every variant a
    closing line of its own (a new text fingerprint for the documents without a number)."""
    folder.mkdir(parents=True)
    count = 0
    for sample in sorted(SAMPLES.glob("*.txt")):
        text = _first_half(sample.read_text(encoding="utf-8"))
        for k in range(1, copies + 1):
            variant = OWN_NUMBER.sub(lambda m, k=k: f"{m.group(1)}{k:02d}{m.group(2)}", text)
            (folder / f"{sample.stem[:3]}_{k:02d}.txt").write_text(f"{variant}\n\n(本文件第{k}稿)\n", encoding="utf-8")
            count += 1
    return count


def _env(store: Path) -> dict[str, str]:
    return {**os.environ, "KG_STORE": str(store)}


def ingest(corpus: Path, store: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ingest", "--quiet", str(corpus)],
        cwd=REPO,
        env=_env(store),
        capture_output=True,
        text=True,
        timeout=600,
    )


def stats_json(store: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "graph", "stats", "--json"],
        cwd=REPO,
        env=_env(store),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def signatures(store: FalkorStore) -> dict[str, tuple[int, int, int, int]]:
    """Document id → (measure_count, Measure nodes, relationship_count, relationships on its own nodes)."""
    measures = {row["id"]: row["n"] for row in store.read(MEASURES)}
    own: dict[str, int] = {}
    for query in (DOCUMENT_EDGES, MEASURE_EDGES):
        for row in store.read(query):
            own[row["id"]] = own.get(row["id"], 0) + row["n"]
    return {
        row["id"]: (row["measure_count"], measures.get(row["id"], 0), row["relationship_count"], own.get(row["id"], 0))
        for row in store.read(DOCUMENTS)
    }


@dataclass
class Clean:
    corpus: Path
    stats: dict
    signatures: dict[str, tuple[int, int, int, int]]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Clean]:
    root = tmp_path_factory.mktemp("crash")
    corpus = root / "corpus"
    assert make_corpus(corpus) == 5 * COPIES
    store = root / "clean"
    try:
        result = ingest(corpus, store)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        assert f"{5 * COPIES} added" in result.stdout
        opened = FalkorStore.open(store)
        try:
            sigs = signatures(opened)
        finally:
            opened.close()
        assert len(sigs) == 5 * COPIES
        assert all(s[0] == s[1] > 0 for s in sigs.values())
        yield Clean(corpus, stats_json(store), sigs)
    finally:
        stop_server(store)


def _read_while_writing(store_folder: Path, ingester: subprocess.Popen[str], until: int) -> list[int]:
    """Read the store as the app does while the ingester writes, until it holds `until`
    documents; every read must succeed and see only complete documents. Returns the counts seen."""
    seen: list[int] = []
    deadline = time.monotonic() + 300
    reader: FalkorStore | None = None
    while time.monotonic() < deadline:
        assert ingester.poll() is None, "the ingester ended before the kill: " + (
            ingester.stderr.read() if ingester.stderr else ""
        )
        if reader is None and (store_folder / "falkordb.sock").exists():
            reader = FalkorStore.open(store_folder)
        rows = reader.read(CONSISTENT) if reader is not None else []
        if rows:  # no rows until the ingester has created the graph (the server may be up before that)
            [row] = rows
            assert row["incomplete"] == 0, row
            seen.append(row["documents"])
            if row["documents"] >= until and reader is not None:
                reader.close()
                return seen
        time.sleep(0.2)
    raise AssertionError(f"the store never reached {until} documents: {seen[-5:]}")


def _check_present_documents_are_complete(store_folder: Path, clean: Clean) -> int:
    store = FalkorStore.open(store_folder)  # opens again: the server restarts from its append-only file
    try:
        present = signatures(store)
    finally:
        store.close()
    assert KILL_AFTER <= len(present) < len(clean.signatures), "the kill came too late to be mid-run"
    for doc_id, signature in present.items():
        assert signature[0] == signature[1], (doc_id, signature)  # measure_count = its Measure nodes
        assert signature == clean.signatures[doc_id], (doc_id, signature, clean.signatures[doc_id])
    return len(present)


def _start(corpus: Path, store: Path) -> subprocess.Popen[str]:
    # A session of its own: the kill takes the ingester and its worker processes together.
    return subprocess.Popen(
        [sys.executable, "-m", "ingest", "--quiet", str(corpus)],
        cwd=REPO,
        env=_env(store),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def test_kill_9_the_ingester_mid_run(clean: Clean, tmp_path: Path) -> None:
    store = tmp_path / "store"
    ingester = _start(clean.corpus, store)
    try:
        seen = _read_while_writing(store, ingester, KILL_AFTER)
        os.killpg(ingester.pid, signal.SIGKILL)
        ingester.wait(timeout=60)
        assert ingester.returncode == -signal.SIGKILL
        assert len(seen) >= 2 and seen == sorted(seen)  # the reader watched documents arrive
        _check_present_documents_are_complete(store, clean)
        rerun = ingest(clean.corpus, store)
        assert rerun.returncode == 0, rerun.stdout[-2000:] + rerun.stderr[-2000:]
        assert stats_json(store) == clean.stats
        opened = FalkorStore.open(store)
        try:
            assert signatures(opened) == clean.signatures
        finally:
            opened.close()
    finally:
        if ingester.poll() is None:
            os.killpg(ingester.pid, signal.SIGKILL)
        stop_server(store)


def test_kill_9_the_embedded_server_mid_run(clean: Clean, tmp_path: Path) -> None:
    store = tmp_path / "store"
    ingester = _start(clean.corpus, store)
    try:
        _read_while_writing(store, ingester, KILL_AFTER)
        kill_for_tests(store)
        _, stderr = ingester.communicate(timeout=300)
        # The ingester stops with one clear line, and nothing it wrote is half a document.
        assert ingester.returncode == 2, stderr
        assert "the store failed while writing" in stderr and "run the same command again" in stderr, stderr
        _check_present_documents_are_complete(store, clean)
        rerun = ingest(clean.corpus, store)
        assert rerun.returncode == 0, rerun.stdout[-2000:] + rerun.stderr[-2000:]
        assert stats_json(store) == clean.stats
    finally:
        if ingester.poll() is None:
            os.killpg(ingester.pid, signal.SIGKILL)
        stop_server(store)

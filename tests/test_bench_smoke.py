"""Smoke test of the benchmark corpus generator (no timing assertions: the benchmarks print figures)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from graph.falkor_store import FalkorStore
from ingest.run import ingest_paths

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.make_corpus import make_corpus  # noqa: E402


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_corpus_is_deterministic_and_ingests_without_failures(tmp_path: Path, fresh_store: FalkorStore) -> None:
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    files, size, chars = make_corpus(20, first, seed=7)
    make_corpus(20, second, seed=7)
    make_corpus(20, other, seed=8)
    assert files == 20 and size > 0 and chars > 0
    assert _files(first) == _files(second)  # same seed: byte-identical files
    assert _files(first) != _files(other)

    outcomes = ingest_paths([first], fresh_store, workers=2)
    tally = Counter(o.status for o in outcomes)
    assert tally == {"added": 20}, [f"{o.status} {o.path}: {o.reason}" for o in outcomes if o.status != "added"]

    rows = fresh_store.read(
        "MATCH (d:Document) RETURN count(d) AS docs, count(DISTINCT d.doc_number) AS numbers, "
        "sum(CASE WHEN d.doc_number IS NULL THEN 0 ELSE 1 END) AS numbered, "
        "sum(CASE WHEN d.script = 'hant' THEN 1 ELSE 0 END) AS traditional"
    )[0]
    assert rows["docs"] == 20
    assert rows["numbers"] == rows["numbered"]  # every normalised document number is unique
    cross = fresh_store.read("MATCH (:Regulation)-[s:SAME_AS]->(:Document) RETURN count(s) AS n")[0]["n"]
    assert cross > 0  # generated documents cite each other

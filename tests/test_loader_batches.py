"""Several documents per write transaction: the graph is the same as one document at a time, and a
document the store refuses fails alone while the rest of its batch lands."""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from core.records import ExtractionResult
from graph.export import read_graph
from graph.falkor_store import FalkorStore, stop_server
from graph.writer import Writer
from ingest import run as run_module
from ingest.load import Loader
from ingest.run import ingest_paths, process_file
from tests.conftest import SAMPLES
from tests.samples import canonical_graph

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.make_corpus import make_corpus  # noqa: E402


def _canonical(store: FalkorStore) -> list[str]:
    return canonical_graph(read_graph(store))


def _ingest(folder: Path, corpus: Path, batch_docs: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(run_module, "BATCH_DOCS", batch_docs)
    store = FalkorStore.open(folder)
    try:
        outcomes = ingest_paths([corpus], store, workers=2)
        assert {o.status for o in outcomes} <= {"added", "merged"}, [o.reason for o in outcomes if o.reason]
        return _canonical(store)
    finally:
        store.close()
        stop_server(folder)


def test_batched_writes_give_the_same_graph_as_one_document_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(40, corpus, seed=3)  # later plans cite earlier ones: SAME_AS links inside a batch
    for sample in sorted(SAMPLES.iterdir()):
        shutil.copy(sample, corpus / sample.name)
    shutil.copy(SAMPLES / sorted(p.name for p in SAMPLES.iterdir())[0], corpus / "zz_copy_of_a_sample.txt")

    sizes: list[int] = []
    real_load_batch = Loader.load_batch

    def recording(self: Loader, results: list[ExtractionResult]) -> list:
        sizes.append(len(results))
        return real_load_batch(self, results)

    monkeypatch.setattr(Loader, "load_batch", recording)
    one_by_one = _ingest(tmp_path / "one", corpus, 1, monkeypatch)
    assert max(sizes) == 1
    sizes.clear()
    batched = _ingest(tmp_path / "batched", corpus, 32, monkeypatch)
    assert max(sizes) > 1, sizes
    assert any('"type": "SAME_AS"' in item for item in batched)
    assert batched == one_by_one

    # Leaving out the shared rows already written (regions, agencies, their links) changes nothing.
    monkeypatch.setattr(Writer, "_unsent", lambda self, key, props: True)
    monkeypatch.setattr(Writer, "_unsent_agency", lambda self, row: True)
    monkeypatch.setattr(Writer, "_unsent_regulation", lambda self, row: True)
    assert _ingest(tmp_path / "everything", corpus, 32, monkeypatch) == batched


def _sample_results() -> list[ExtractionResult]:
    results = []
    for path in sorted(SAMPLES.iterdir())[:3]:
        _, result, reason, _ = process_file(str(path))
        assert result is not None, reason
        results.append(result)
    return results


def test_a_refused_document_fails_alone(fresh_store: FalkorStore) -> None:
    first, second, third = _sample_results()
    # A relationship type the store cannot parse: the batch's query is refused as a whole.
    broken = replace(second, relations=[replace(second.relations[0], type="NOT A TYPE"), *second.relations[1:]])

    outcomes = Loader(fresh_store).load_batch([first, broken, third])

    assert [o.status for o in outcomes] == ["added", "failed", "added"]
    assert outcomes[1].reason
    landed = fresh_store.read("MATCH (d:Document) RETURN d.id AS id ORDER BY id")
    assert {row["id"] for row in landed} == {first.document.id, third.document.id}
    left_behind = fresh_store.read("MATCH (m:Measure {doc_id: $id}) RETURN count(m) AS n", {"id": second.document.id})
    assert left_behind == [{"n": 0}]
    # The loader forgot the refused document: once mended, it is added.
    assert Loader(fresh_store).load_batch([second])[0].status == "added"


def test_the_same_document_twice_in_one_batch_is_added_then_merged(fresh_store: FalkorStore) -> None:
    first, second, _ = _sample_results()
    again = replace(first, document=replace(first.document, sources=["elsewhere/copy.txt"]))

    outcomes = Loader(fresh_store).load_batch([first, second, again])

    assert [o.status for o in outcomes] == ["added", "added", "merged"]
    rows = fresh_store.read("MATCH (d:Document {id: $id}) RETURN d.sources AS sources", {"id": first.document.id})
    assert rows == [{"sources": [*first.document.sources, "elsewhere/copy.txt"]}]


def test_the_full_text_index_is_built_on_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.__main__ import main

    folder = tmp_path / "store"
    store = FalkorStore.open(folder)
    try:
        ingest_paths([SAMPLES], store, workers=1)
        query = "CALL db.idx.fulltext.queryNodes('Measure', '知识产权') YIELD node RETURN count(node) AS n"
        assert store.read(query) == [{"n": 0}]  # not built by an ingest: it would cost every write
        monkeypatch.setenv("KG_STORE", str(folder))
        assert main(["fulltext"]) == 0
        assert store.read(query)[0]["n"] > 0
    finally:
        store.close()
        stop_server(folder)


COUNTED_BY_EDGES = (
    "MATCH (a:Agency) OPTIONAL MATCH (a)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(:Measure) "
    "WITH a, count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead, "
    "count(CASE WHEN r.role = 'responsible' THEN 1 END) AS responsible, "
    "count(CASE WHEN r.role = 'support' THEN 1 END) AS support "
    "RETURN a.id AS id, [lead, responsible, support, lead + responsible + support] AS counts ORDER BY id"
)
KEPT = (
    "MATCH (a:Agency) RETURN a.id AS id, "
    "[a.tasks_lead, a.tasks_responsible, a.tasks_support, a.tasks] AS counts ORDER BY id"
)


def test_agency_task_counts_match_the_edges_and_old_stores_are_counted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(30, corpus, seed=4)
    store = FalkorStore.open(tmp_path / "store")
    try:
        ingest_paths([corpus, SAMPLES], store, workers=2)
        ingest_paths([SAMPLES], store, workers=1)  # unchanged documents add nothing
        expected = store.read(COUNTED_BY_EDGES)
        assert any(row["counts"][3] > 10 for row in expected)
        assert store.read(KEPT) == expected
        # A store written before the counts existed is counted when a loader opens it.
        store.write("MATCH (a:Agency) REMOVE a.tasks, a.tasks_lead, a.tasks_responsible, a.tasks_support")
        Loader(store)
        assert store.read(KEPT) == expected
    finally:
        store.close()
        stop_server(tmp_path / "store")


def test_measures_carry_their_document_label_and_old_stores_get_it(fresh_store: FalkorStore) -> None:
    ingest_paths([SAMPLES], fresh_store, workers=1)
    query = (
        "MATCH (m:Measure) MATCH (d:Document {id: m.doc_id}) "
        "RETURN count(m) AS n, sum(CASE WHEN m.doc_label = d.label THEN 1 ELSE 0 END) AS labelled"
    )
    counts = fresh_store.read(query)[0]
    assert counts["n"] > 300 and counts["labelled"] == counts["n"]
    fresh_store.write("MATCH (m:Measure) REMOVE m.doc_label")
    Loader(fresh_store)  # a store written before measures had labels
    assert fresh_store.read(query)[0] == counts


SAME_AS_LAWS = Path(__file__).parent / "fixtures" / "laws_same_as"
DUPLICATE_EDGES = (
    "MATCH (a)-[r]->(b) WITH a, type(r) AS t, b, count(r) AS n WHERE n > 1 RETURN a.id AS a, t, b.id AS b, n"
)


def test_an_edge_created_and_merged_in_one_batch_is_one_edge(fresh_store: FalkorStore) -> None:
    """A regulation cited by a law before that law is ingested: the law's own SAME_AS edge and a later
    citer's shared one are the same edge, written once whether the three laws go in one batch or not."""
    results = []
    for path in sorted(p for p in SAME_AS_LAWS.glob("*.md") if p.name != "SOURCE.md"):
        _, result, reason, _ = process_file(str(path))
        assert result is not None, reason
        results.append(result)
    assert [o.status for o in Loader(fresh_store).load_batch(results)] == ["added"] * 3
    assert fresh_store.read(DUPLICATE_EDGES) == []
    same_as = fresh_store.read("MATCH (:Regulation)-[r:SAME_AS]->(:Document) RETURN count(r) AS n")[0]["n"]
    assert same_as >= 1
    for result in results:  # and the counts each document records are the edges it wrote
        stored = fresh_store.read(
            "MATCH (d:Document {id: $id}) RETURN d.relationship_count AS n", {"id": result.document.id}
        )[0]["n"]
        assert stored > 0


def test_a_batch_stops_at_its_byte_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(12, corpus, seed=2)
    monkeypatch.setattr(run_module, "BATCH_BYTES", 20_000)  # a synthetic document is ~14 KB
    paths = [str(p) for p in sorted(corpus.iterdir())]
    batches = list(run_module.extracted_batches(paths, workers=2))
    assert [path for batch in batches for path, *_ in batch] == paths  # every file once, in order
    assert max(len(batch) for batch in batches) < run_module.MIN_BATCH_DOCS
    for batch in batches:  # a batch grows until its files reach the limit, never further
        sizes = [Path(path).stat().st_size for path, *_ in batch]
        assert sum(sizes[:-1]) < 20_000

"""The load stage: extraction results → identity resolution → write queries → the store.

New documents are written in batches, one query (one transaction) per batch: the store's cost per
query is paid once a batch instead of once a document, and a batch lands whole or not at all. The
retry policy: a batch the store refuses is retried document by document, each in its own
transaction, so that only the culprit fails (outcome "failed" with the store's reason); any other
store error is raised (the store itself is failing: the run stops). After a refusal the resolver
and the writer start again from what the store holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from core.records import ExtractionResult, KnownDocument, ResolvedDocument
from graph import keys, migrations
from graph.store import GraphStore, StoreError
from graph.writer import DocumentWrite, Writer, batch_query
from ingest.resolve import Resolver


@dataclass
class LoadOutcome:
    status: str  # added | merged | unchanged | failed (the store refused the document's write)
    doc_id: str
    counts: dict[str, int] = field(default_factory=dict)
    reason: str = ""


Pending = tuple[int, ResolvedDocument, DocumentWrite]


class Loader:
    def __init__(self, store: GraphStore) -> None:
        """Opens the load stage on `store`: its schema, back-fills for older stores, its keys."""
        self.store = store
        store.ensure_schema()
        migrations.apply(store)
        self.writer = Writer()
        self.resolver = Resolver()
        self._start_over()

    def _start_over(self) -> None:
        """Keys from the store (at the start, and after a refused batch: nothing of it landed)."""
        self.resolver = Resolver(keys.document_keys(self.store), keys.regulation_keys(self.store))
        self.writer.forget()

    def load(self, result: ExtractionResult) -> LoadOutcome:
        """One document in its own transaction; raises StoreError when the store refuses it."""
        known = self.resolver.known(result)
        if known is not None:
            return self._add_source(known)
        resolved = self.resolver.resolve(result)
        write = self.writer.plan(resolved)
        try:
            self.store.write(*batch_query([write]))
        except Exception:
            self.writer.forget()
            raise
        self.resolver.remember(resolved)
        return _added(resolved)

    def load_batch(self, results: list[ExtractionResult]) -> list[LoadOutcome]:
        """Documents in order, the new ones written together."""
        outcomes: list[LoadOutcome | None] = [None] * len(results)
        pending: list[Pending] = []
        for index, result in enumerate(results):
            if pending and self.resolver.known(result) is not None:
                self._write_batch(pending, outcomes)  # the document may be in the batch: land it first
                pending = []
            known = self.resolver.known(result)
            if known is not None:
                outcomes[index] = _refusal_as_outcome(lambda _, known=known: self._add_source(known), result)
                continue
            resolved = self.resolver.resolve(result)
            pending.append((index, resolved, self.writer.plan(resolved)))
            self.resolver.remember(resolved)  # the batch's later documents resolve against this one
        if pending:
            self._write_batch(pending, outcomes)
        return [outcome for outcome in outcomes if outcome is not None]

    def _write_batch(self, pending: list[Pending], outcomes: list[LoadOutcome | None]) -> None:
        try:
            self.store.write(*batch_query([write for _, _, write in pending]))
        except StoreError as error:
            self._start_over()
            if len(pending) == 1:
                index, resolved, _ = pending[0]
                outcomes[index] = LoadOutcome("failed", resolved.result.document.id, reason=str(error))
                return
            for index, resolved, _ in pending:
                outcomes[index] = _refusal_as_outcome(self.load, resolved.result)
            return
        for index, resolved, _ in pending:
            outcomes[index] = _added(resolved)

    def _add_source(self, known: KnownDocument) -> LoadOutcome:
        if not known.changed:
            return LoadOutcome("unchanged", known.doc_id)
        keys.add_source(self.store, known.doc_id, known.new_sources, known.sha256)
        self.resolver.remember_source(known)
        return LoadOutcome("merged", known.doc_id)


def _refusal_as_outcome(load: Callable[[ExtractionResult], LoadOutcome], result: ExtractionResult) -> LoadOutcome:
    try:
        return load(result)
    except StoreError as error:
        return LoadOutcome("failed", result.document.id, reason=str(error))


def _added(resolved: ResolvedDocument) -> LoadOutcome:
    counts = resolved.result.counts()
    counts["relationships"] = len(resolved.relations)
    return LoadOutcome("added", resolved.result.document.id, counts)

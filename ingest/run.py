"""Running an ingest: files → worker processes (read + extract, plain records back) → one writer.

Each file ends as exactly one outcome: added, merged (a new source of a known document),
unchanged, skipped or failed, with a one-line reason for the last two.
"""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from graph.loader import Loader
from graph.store import GraphStore, StoreError, store_path
from ingest.extract import extract
from ingest.read import ReadError, iter_paths, read_file
from ingest.records import ExtractionResult

_PARALLEL_FROM = 8  # below this many files a worker pool costs more than it saves


@dataclass
class FileOutcome:
    path: str
    status: str  # added | merged | unchanged | skipped | failed
    reason: str = ""
    doc_id: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    title: str | None = None


@dataclass
class StageTimes:
    read_extract: float = 0.0
    load: float = 0.0
    chars: int = 0


def process_file(path: str) -> tuple[str, ExtractionResult | None, str, float]:
    """Worker: read + extract one file. Never raises: errors come back as a reason."""
    started = time.perf_counter()
    try:
        source = read_file(Path(path))
        result = extract(source)
        document = result.document
        if document.kind == "plan" and not result.measures and not document.doc_number and not document.title:
            return path, None, "no policy structure found (no title, number or numbered items)", 0.0
        return path, result, "", time.perf_counter() - started
    except ReadError as error:
        return path, None, str(error), 0.0
    except RecursionError:
        return path, None, "structure too deeply nested to parse", 0.0
    except Exception as error:
        return path, None, f"extraction failed: {type(error).__name__}: {error}", 0.0


def _results(paths: list[str], workers: int) -> Iterator[tuple[str, ExtractionResult | None, str, float]]:
    if workers <= 1 or len(paths) < _PARALLEL_FROM:
        yield from (process_file(p) for p in paths)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        yield from pool.imap(process_file, paths, chunksize=4)


@contextmanager
def writer_lock(store: GraphStore) -> Iterator[None]:
    """One ingester writes to an embedded store at a time (the loader's key caches rely on it)."""
    folder = getattr(store, "folder", None)
    if folder is None:
        yield
        return
    lock_path = Path(folder) / ".writer.lock"
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise StoreError(f"another ingest is writing to {folder}; wait for it to finish") from error
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ingest_paths(
    paths: list[Path],
    store: GraphStore,
    workers: int | None = None,
    on_outcome: Callable[[FileOutcome], None] | None = None,
    times: StageTimes | None = None,
) -> list[FileOutcome]:
    files, skipped = iter_paths(paths)
    outcomes = [FileOutcome(str(p), "skipped", reason) for p, reason in skipped]
    for outcome in outcomes:
        if on_outcome:
            on_outcome(outcome)
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    with writer_lock(store):
        loader = Loader(store)
        for path, result, reason, seconds in _results([str(f) for f in files], workers):
            if times is not None:
                times.read_extract += seconds
            if result is None:
                outcome = FileOutcome(path, "failed", reason)
            else:
                started = time.perf_counter()
                try:
                    loaded = loader.load(result)
                    outcome = FileOutcome(path, loaded.status, "", loaded.doc_id, loaded.counts, result.document.title)
                except StoreError as error:
                    outcome = FileOutcome(path, "failed", f"store refused the document: {error}")
                if times is not None:
                    times.load += time.perf_counter() - started
                    times.chars += len(result.document.text)
            outcomes.append(outcome)
            if on_outcome:
                on_outcome(outcome)
    return outcomes


def default_store_label() -> str:
    return os.environ.get("KG_BACKEND", "falkordb") + ":" + str(store_path())

"""Running an ingest: files → worker processes (read + extract, plain records back) → one writer.

Each file ends as exactly one outcome: added, merged (a new source of a known document),
unchanged, skipped or failed, with a one-line reason for the last two. A failed file leaves no
trace in the graph: it fails before its one write query, or its query is refused as a whole.

Guards (limits on the input itself live in `ingest.read`):
- EXTRACT_TIME_LIMIT_S: one file's read + extraction stops after 120 s (a pathological input
  must not stall the corpus);
- a worker process that dies (out of memory, a crash inside a parser) fails its file only: the
  files it had in hand are retried one by one in fresh processes, so the culprit is named;
- the store going away mid-run (its server killed) stops the run with one clear error: every
  document written so far is whole, and running the same command again completes the corpus.
"""

from __future__ import annotations

import fcntl
import gc
import multiprocessing
import os
import re
import signal
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from core.records import ExtractionResult
from core.settings import (
    BATCH_BYTES,
    BATCH_DOCS,
    BYTES_IN_FLIGHT,
    EXTRACT_TIME_LIMIT_S,
    MIN_BATCH_DOCS,
    MIN_CJK_CHARS,
    PARALLEL_FROM,
    WINDOW_PER_WORKER,
    store_path,
)
from graph.lineage import apply_lineage
from graph.store import GraphStore, StoreError
from ingest.extract import extract
from ingest.load import Loader
from ingest.normalize import normalize
from ingest.policy_text import decide
from ingest.read import ReadError, ReadWarning, iter_paths, read_data, read_file


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


Result = tuple[str, ExtractionResult | None, str, float]


class _TimeLimitExceeded(BaseException):
    """Raised by the alarm inside extraction; a BaseException so no step's error handling can swallow it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise _TimeLimitExceeded after `seconds` (SIGALRM: only in a process's main thread,
    which is where the CLI and the worker processes run files; elsewhere no limit applies)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(_signum: int, _frame: object) -> None:
        raise _TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_CJK = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def process_file(path: str, data: bytes | None = None) -> Result:
    """Worker: read + extract one file (or its bytes, read by the caller). Never raises: errors come
    back as a reason. On success the reason slot carries notes that did not stop the file (a ReadWarning,
    what a fragment lacks)."""
    started = time.perf_counter()
    try:
        with warnings.catch_warnings(record=True) as caught, time_limit(EXTRACT_TIME_LIMIT_S):
            warnings.simplefilter("always", ReadWarning)
            source = read_file(Path(path)) if data is None else read_data(Path(path), data)
            cjk = cjk_count(source.text)
            if cjk < MIN_CJK_CHARS:
                return path, None, f"no Chinese text ({cjk} CJK characters): not a policy document", 0.0
            result = extract(source)
        decision = decide(result, normalize(source.text))
        if not decision.accepted:
            return path, None, decision.note(), 0.0
        notes = [str(w.message) for w in caught if issubclass(w.category, ReadWarning)] + [decision.note()]
        return path, result, "; ".join(n for n in notes if n), time.perf_counter() - started
    except ReadError as error:
        return path, None, str(error), 0.0
    except _TimeLimitExceeded:
        return path, None, f"stopped: reading and extraction took longer than {EXTRACT_TIME_LIMIT_S} s", 0.0
    except RecursionError:
        return path, None, "structure too deeply nested to parse", 0.0
    except MemoryError:
        return path, None, "out of memory while extracting", 0.0
    except Exception as error:
        return path, None, f"extraction failed: {type(error).__name__}: {str(error)[:200]}", 0.0


_CRASHED = "extraction crashed its worker process (out of memory or a fault in a parser)"


def _isolated(path: str, context: multiprocessing.context.BaseContext) -> Result:
    """One file in a fresh process of its own, so a crash is pinned on the file that caused it."""
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        try:
            return pool.submit(process_file, path).result()
        except BrokenProcessPool:
            return path, None, _CRASHED, 0.0


def extracted_batches(paths: list[str], workers: int) -> Iterator[list[Result]]:
    """Results in the order of `paths` (the loader's identity resolution depends on the order,
    so a rerun after a crash resolves exactly as a clean run did), in batches: the first result
    not yet taken and the ones after it, MIN_BATCH_DOCS of them, then every one after those that is
    already done (up to BATCH_DOCS)."""
    if workers <= 1 or len(paths) < PARALLEL_FROM:
        yield from ([process_file(p)] for p in paths)
        return
    context = multiprocessing.get_context("fork")
    pending = deque(paths)
    while pending:
        pool = ProcessPoolExecutor(workers, mp_context=context)
        in_flight: deque[tuple[str, int, Future[Result]]] = deque()
        try:
            while pending or in_flight:
                while (
                    pending
                    and len(in_flight) < workers * WINDOW_PER_WORKER
                    and (not in_flight or sum(size for _, size, _ in in_flight) < BYTES_IN_FLIGHT)
                ):
                    path = pending.popleft()
                    in_flight.append((path, _size(path), pool.submit(process_file, path)))
                batch: list[Result] = []
                batch_bytes = 0
                try:
                    while (
                        in_flight
                        and (not batch or batch_bytes < BATCH_BYTES)
                        and (
                            len(batch) < min(MIN_BATCH_DOCS, BATCH_DOCS)
                            or (len(batch) < BATCH_DOCS and in_flight[0][2].done())
                        )
                    ):
                        batch.append(in_flight[0][2].result())
                        batch_bytes += in_flight[0][1]
                        in_flight.popleft()
                except BrokenProcessPool:
                    # A worker died: every file in flight lost its result. Retry them one by
                    # one, then go on with a fresh pool.
                    yield batch
                    yield [_isolated(lost, context) for lost, _, _ in in_flight]
                    in_flight.clear()
                    break
                yield batch
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # the worker reports what is wrong with it


def _warm_up() -> None:
    """Load the spaCy pipeline, gazetteer, alias table and OpenCC converter in this process."""
    from core.agencies import alias_table
    from core.regions import gazetteer
    from core.text import to_simplified
    from ingest.pipeline import build_nlp

    build_nlp()
    gazetteer()
    alias_table()
    to_simplified("體")


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect garbage less often during a run (the forked workers inherit it). A document's records
    are thousands of small objects: at the default threshold the collector ran every few hundred
    allocations and rescanned the loader's caches; records form no cycles, so little waits longer."""
    previous = gc.get_threshold()
    gc.collect()
    gc.freeze()  # what exists before the run (modules, gazetteer, alias table) is never rescanned
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.unfreeze()


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


def _prefixed(reason: str) -> tuple[str, str]:
    """iter_paths' "failed: …"/"skipped: …" reasons → (status, reason)."""
    for status in ("failed", "skipped"):
        if reason.startswith(status + ": "):
            return status, reason[len(status) + 2 :]
    return "skipped", reason


def ingest_paths(
    paths: list[Path],
    store: GraphStore,
    workers: int | None = None,
    on_outcome: Callable[[FileOutcome], None] | None = None,
    times: StageTimes | None = None,
    cluster: str | None = None,
) -> list[FileOutcome]:
    """Ingest files and folders, extracting in local worker processes or on a Dask cluster (`cluster`:
    a scheduler address, or `local[:N]`). Raises StoreError when the store itself fails (the run stops;
    what was written is whole); every problem of a single file is that file's outcome."""
    files, skipped = iter_paths(paths)
    outcomes = [FileOutcome(str(p), *_prefixed(reason)) for p, reason in skipped]
    for outcome in outcomes:
        if on_outcome:
            on_outcome(outcome)
    names = [str(f) for f in files]
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    if cluster is None and workers > 1 and len(files) >= PARALLEL_FROM:
        _warm_up()  # once here, before the freeze: every forked worker starts with it loaded
    with writer_lock(store), _fewer_collections(), _batches(names, workers, cluster) as batches:
        loader = open_loader(store)
        for batch in batches:
            for outcome in load_batch(loader, batch, times):
                outcomes.append(outcome)
                if on_outcome:
                    on_outcome(outcome)
        if any(o.status in ("added", "merged") for o in outcomes):
            apply_lineage(store)  # the new agencies' successions (data/agency_lineage.csv)
    return outcomes


@contextmanager
def _batches(paths: list[str], workers: int, cluster: str | None) -> Iterator[Iterator[list[Result]]]:
    """The extracted results in batches: from local worker processes, or from a Dask cluster."""
    if cluster is None:
        yield extracted_batches(paths, workers)
        return
    from ingest.cluster import cluster_batches, connect

    with connect(cluster) as client:
        yield cluster_batches(paths, client)


def load_batch(loader: Loader, batch: list[Result], times: StageTimes | None) -> list[FileOutcome]:
    """One batch of worker results → its files' outcomes (the extracted ones written together)."""
    extracted = [(path, result, reason) for path, result, reason, _ in batch if result is not None]
    started = time.perf_counter()
    try:
        loaded = iter(loader.load_batch([result for _, result, _ in extracted]))
    except Exception as error:
        # Not a refusal (those come back as "failed" outcomes) but the store failing (connection
        # lost, server killed): stop, rather than fail every remaining file with the same error.
        names = ", ".join(Path(path).name for path, _, _ in extracted[:3]) + (" …" if len(extracted) > 3 else "")
        raise StoreError(
            f"the store failed while writing {names}: {type(error).__name__}: {error}; "
            "every document written before is complete: run the same command again to finish"
        ) from error
    outcomes: list[FileOutcome] = []
    for path, result, reason, _ in batch:
        if result is None:
            outcomes.append(FileOutcome(path, "failed", reason))
            continue
        done = next(loaded)
        if done.status == "failed":
            outcomes.append(FileOutcome(path, "failed", f"store refused the document: {done.reason}"))
        else:
            outcomes.append(FileOutcome(path, done.status, reason, done.doc_id, done.counts, result.document.title))
    if times is not None:
        times.load += time.perf_counter() - started
        times.read_extract += sum(seconds for *_, seconds in batch)
        times.chars += sum(len(result.document.text) for _, result, _ in extracted)
    return outcomes


def open_loader(store: GraphStore) -> Loader:
    try:
        return Loader(store)
    except StoreError:
        raise
    except Exception as error:  # the store cannot be reached at all
        raise StoreError(f"cannot read the store: {type(error).__name__}: {error}") from error


def default_store_label() -> str:
    return os.environ.get("KG_BACKEND", "falkordb") + ":" + str(store_path())

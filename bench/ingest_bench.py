"""Ingest throughput at 1× and 10× corpus size.

    python bench/ingest_bench.py [--docs 500] [--scale 10] [--workers 2] [--seed 0] [--quick]
                                 [--laws [FOLDER]] [--profile OUT.prof] [--json OUT.json]

Generates (or reuses) the synthetic corpora with bench/make_corpus.py, ingests each into a *fresh*
embedded store (a temporary KG folder) through the real `ingest.run.ingest_paths` with `workers`
extraction processes, and prints for each run: documents/s, MB/s (file bytes on disk per wall
second), characters/s, the time split per stage (read, normalise, extract — summed over the worker
processes — and load, in the single writer), the peak memory of the whole process tree (ingester +
workers + the redis-server) and the server's own `used_memory_peak`, then the growth ratio
time(10×) / (10 × time(1×)).

The 10× store is kept (server stopped, data in its append-only file) for bench/query_bench.py.

`--quick` is a smoke run (50 / 500 documents). `--laws` also ingests a real-text corpus (default
../shared/corpus/laws) and prints its MB/s. `--profile OUT.prof` adds a cProfile run of the 1×
ingest in one process (workers=1, so read, extraction and loading are all in the profile) and prints
its top functions.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import ingest.extract as extract_module  # noqa: E402
import ingest.run as run_module  # noqa: E402
from bench.make_corpus import make_corpus  # noqa: E402
from graph.falkor_store import FalkorStore, stop_server  # noqa: E402
from graph.stats import graph_stats  # noqa: E402

WORK = Path(tempfile.gettempdir()) / "policy-kg-bench"
LAWS = REPO.parent / "shared" / "corpus" / "laws"


# --------------------------------------------------------------------------------------------
# Corpora
# --------------------------------------------------------------------------------------------


def corpus_dir(docs: int, seed: int) -> Path:
    """The generated corpus of `docs` documents (made once, then reused: generation is deterministic)."""
    folder = WORK / f"corpus-{docs}-s{seed}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        make_corpus(docs, folder, seed)
        done.write_text("ok\n")
    return folder


def folder_size(folder: Path) -> tuple[int, int]:
    """(files, bytes) of the .txt/.md files the ingester will read."""
    files = [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in {".txt", ".md"}]
    files = [p for p in files if not p.name.startswith(".") and p.name.upper() != "SOURCE.MD"]
    return len(files), sum(p.stat().st_size for p in files)


def store_dir(docs: int, seed: int) -> Path:
    """Where the benchmark keeps the store of a corpus for bench/query_bench.py."""
    return WORK / f"store-{docs}-s{seed}"


# --------------------------------------------------------------------------------------------
# Memory of the process tree
# --------------------------------------------------------------------------------------------


def _status(pid: int) -> dict[str, int]:
    values: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                key, _, rest = line.partition(":")
                if key in {"VmRSS", "VmHWM", "PPid"}:
                    values[key] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return values


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return found


class TreeMemory:
    """Samples RSS of this process, its children (the extraction workers) and the redis-server
    every `interval` seconds; keeps the peak of their sum and each process's own high-water mark."""

    def __init__(self, extra_pids: list[int], interval: float = 0.05) -> None:
        self.extra = extra_pids
        self.interval = interval
        self.peak_kb = 0
        self.hwm_kb: dict[int, int] = {}
        self.roles: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        me = os.getpid()
        pids = {me: "ingester", **{c: "worker" for c in _children(me)}, **{p: "redis-server" for p in self.extra}}
        total = 0
        for pid, role in pids.items():
            status = _status(pid)
            if not status:
                continue
            total += status.get("VmRSS", 0)
            self.hwm_kb[pid] = max(self.hwm_kb.get(pid, 0), status.get("VmHWM", 0))
            self.roles[pid] = role
        self.peak_kb = max(self.peak_kb, total)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._sample()
        self._stop.set()
        self._thread.join()

    def hwm_by_role(self) -> dict[str, int]:
        out: Counter[str] = Counter()
        for pid, kb in self.hwm_kb.items():
            out[self.roles[pid]] = max(out[self.roles[pid]], kb)
        return dict(out)


# --------------------------------------------------------------------------------------------
# Stage timing: read / normalise / extract in the workers, load in the writer
# --------------------------------------------------------------------------------------------

_ORIGINAL_PROCESS_FILE = run_module.process_file
_ORIGINAL_RESULTS = run_module.extracted_batches
_ORIGINAL_READ = run_module.read_file
_ORIGINAL_NORMALIZE = extract_module.normalize
_ORIGINAL_LOADER = run_module.Loader
_clock: dict[str, float] = {}


def _now() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _timed(stage: str, function: Any, *args: Any) -> Any:
    wall, cpu = _now()
    try:
        return function(*args)
    finally:
        _clock[stage + "_wall"] = _clock.get(stage + "_wall", 0.0) + time.perf_counter() - wall
        _clock[stage + "_cpu"] = _clock.get(stage + "_cpu", 0.0) + time.process_time() - cpu


def _timed_read(path: Path) -> Any:
    return _timed("read", _ORIGINAL_READ, path)


def _timed_normalize(text: str) -> str:
    return _timed("normalize", _ORIGINAL_NORMALIZE, text)


def _timed_process_file(path: str) -> tuple[Any, ...]:
    """The real `process_file`, with the wall and CPU time of its read and normalise steps beside it."""
    _clock.clear()
    out = _timed("total", _ORIGINAL_PROCESS_FILE, path)
    return (*out, dict(_clock))


class _TimedLoader(_ORIGINAL_LOADER):  # type: ignore[misc, valid-type]
    """The real loader; also counts the writer's own CPU time (the store's is the server's)."""

    cpu = 0.0

    def load_batch(self, results: Any) -> Any:
        started = time.process_time()
        try:
            return super().load_batch(results)
        finally:
            _TimedLoader.cpu += time.process_time() - started


@dataclass
class StageSplit:
    """Seconds per stage. Wall: read/normalise/extract summed over the workers (they run side by side),
    load in the single writer. CPU: each process's own CPU time; `store` is the redis-server's."""

    wall: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    cpu: dict[str, float] = field(default_factory=lambda: dict.fromkeys((*STAGES, "store"), 0.0))

    def add(self, clock: dict[str, float]) -> None:
        for kind, into in (("wall", self.wall), ("cpu", self.cpu)):
            read = clock.get(f"read_{kind}", 0.0)
            normalize = clock.get(f"normalize_{kind}", 0.0)
            into["read"] += read
            into["normalize"] += normalize
            into["extract"] += max(0.0, clock.get(f"total_{kind}", 0.0) - read - normalize)


STAGES = ("read", "normalize", "extract", "load")


@contextlib.contextmanager
def stage_timing(split: StageSplit) -> Any:
    """Wrap the ingester's worker function (the workers are forked, so they inherit the wrappers) and
    strip the timing element off again before `ingest_paths` sees the results."""

    def results(paths: list[str], workers: int) -> Any:
        for batch in _ORIGINAL_RESULTS(paths, workers):
            for item in batch:
                split.add(item[4])
            yield [item[:4] for item in batch]

    _TimedLoader.cpu = 0.0
    run_module.process_file = _timed_process_file
    run_module.read_file = _timed_read
    extract_module.normalize = _timed_normalize
    run_module.extracted_batches = results
    run_module.Loader = _TimedLoader
    try:
        yield split
    finally:
        split.cpu["load"] = _TimedLoader.cpu
        run_module.process_file = _ORIGINAL_PROCESS_FILE
        run_module.read_file = _ORIGINAL_READ
        extract_module.normalize = _ORIGINAL_NORMALIZE
        run_module.extracted_batches = _ORIGINAL_RESULTS
        run_module.Loader = _ORIGINAL_LOADER


def _cpu_seconds(pid: int | None) -> float:
    """utime + stime of a process (for the redis-server, which is not our child)."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# --------------------------------------------------------------------------------------------
# One measured ingest
# --------------------------------------------------------------------------------------------


@dataclass
class RunResult:
    name: str
    docs: int
    bytes: int
    chars: int
    seconds: float
    outcomes: dict[str, int]
    stages: dict[str, float]  # wall seconds per stage
    cpu: dict[str, float]  # CPU seconds per stage (+ "store": the redis-server)
    peak_tree_mb: float
    hwm_mb: dict[str, float]
    server_used_peak_mb: float
    nodes: int = 0
    relationships: int = 0
    stats_ms: float = 0.0
    load_average: str = ""
    failures: list[str] = field(default_factory=list)

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.seconds


def measure(name: str, corpus: Path, workers: int, keep: Path | None = None) -> RunResult:
    """Ingest `corpus` into a fresh store; the store is deleted afterwards unless `keep` is given."""
    files, size = folder_size(corpus)
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-", dir=WORK))
    store = FalkorStore.open(folder)
    server = store.server_pid()
    split = StageSplit()
    times = run_module.StageTimes()
    load_before = _load_average()
    try:
        server_cpu = _cpu_seconds(server)
        with TreeMemory([server] if server else []) as memory, stage_timing(split):
            started = time.perf_counter()
            outcomes = run_module.ingest_paths([corpus], store, workers=workers, times=times)
            seconds = time.perf_counter() - started
        split.wall["load"] = times.load
        split.cpu["store"] = _cpu_seconds(server) - server_cpu
        info = store.db.connection.info("memory")
        stats_started = time.perf_counter()
        counts = graph_stats(store)
        stats_ms = (time.perf_counter() - stats_started) * 1000
        if keep is not None:  # as `python -m ingest` does after a bulk run: the query bench starts from a snapshot
            store.rewrite_log(force=True)
            while store.db.connection.info("persistence").get("aof_rewrite_in_progress"):
                time.sleep(0.2)
    finally:
        store.close()
        stop_server(folder)
    tally = Counter(o.status for o in outcomes)
    result = RunResult(
        name=name,
        docs=files,
        bytes=size,
        chars=times.chars,
        seconds=seconds,
        outcomes=dict(tally),
        stages=split.wall,
        cpu=split.cpu,
        peak_tree_mb=memory.peak_kb / 1024,
        hwm_mb={role: kb / 1024 for role, kb in memory.hwm_by_role().items()},
        server_used_peak_mb=int(info.get("used_memory_peak", 0)) / 2**20,
        nodes=sum(counts["nodes"].values()),
        relationships=sum(counts["relationships"].values()),
        stats_ms=stats_ms,
        load_average=f"{load_before} → {_load_average()}",
        failures=[f"{o.path}: {o.reason}" for o in outcomes if o.status == "failed"][:10],
    )
    if keep is not None:
        shutil.rmtree(keep, ignore_errors=True)
        shutil.move(str(folder), str(keep))
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def report(result: RunResult, workers: int) -> str:
    wall, cpu = result.stages, result.cpu
    worker_wall = wall["read"] + wall["normalize"] + wall["extract"]
    worker_cpu = cpu["read"] + cpu["normalize"] + cpu["extract"]
    all_cpu = sum(cpu.values())
    lines = [
        f"== {result.name}: {result.docs} documents, {result.bytes / 1e6:.2f} MB, {result.chars / 1e6:.2f} M chars, "
        f"workers={workers} (load average {result.load_average})",
        f"   wall            {result.seconds:9.2f} s",
        f"   throughput      {result.docs_per_s:9.2f} docs/s   {result.mb_per_s:6.3f} MB/s   "
        f"{result.chars / result.seconds / 1e3:8.1f} k chars/s",
        f"   outcomes        {', '.join(f'{n} {s}' for s, n in sorted(result.outcomes.items()))}",
        "   stage       wall s  (workers summed)   CPU s   CPU share   CPU ms/doc",
    ]
    for stage in (*STAGES, "store"):
        stage_wall = f"{wall[stage]:9.2f}" if stage in wall else "        —"
        share = cpu[stage] / all_cpu * 100 if all_cpu else 0.0
        per_doc = cpu[stage] / max(result.docs, 1) * 1000
        label = {"load": "load (writer)", "store": "store (server)"}.get(stage, stage)
        lines.append(f"     {label:15} {stage_wall}            {cpu[stage]:9.2f}   {share:6.1f} %   {per_doc:8.2f}")
    writer_path = cpu["load"] + cpu["store"]
    free = max(all_cpu / 2, writer_path, worker_cpu / max(workers, 1))
    lines += [
        f"   CPU in all      {all_cpu:9.2f} s = {all_cpu / result.seconds:.2f} cores busy on average; "
        f"extraction {result.chars / max(worker_cpu, 1e-9) / 1e3:.0f} k chars per CPU-second "
        f"({result.chars / max(worker_wall, 1e-9) / 1e3:.0f} k chars/s per worker, wall)",
        f"   2 free cores    ≥ {free:.1f} s wall → ≤ {result.bytes / 1e6 / free:.3f} MB/s (bound from the CPU figures: "
        f"max(all CPU / 2, writer + server CPU, worker CPU / workers); other load on the machine inflates the wall)",
        f"   peak memory     {result.peak_tree_mb:9.1f} MB process tree (sampled sum of RSS); high-water marks: "
        + ", ".join(f"{role} {mb:.0f} MB" for role, mb in sorted(result.hwm_mb.items())),
        f"   redis-server    used_memory_peak {result.server_used_peak_mb:.1f} MB",
        f"   graph           {result.nodes:,} nodes, {result.relationships:,} relationships "
        f"(graph stats took {result.stats_ms:.0f} ms)",
    ]
    if result.failures:
        lines.append("   failures: " + "; ".join(result.failures))
    return "\n".join(lines)


def component_times(paths: list[Path], reps: int = 1) -> str:
    """Wall time per extraction step (normalise, spaCy make_doc, each pipeline component, building the
    records), in this process and without a profiler's overhead."""
    from ingest.pipeline import build_nlp
    from ingest.read import read_file

    nlp = build_nlp()
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, function: Any) -> Any:
        def run(*args: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args)
            finally:
                spent[name] += time.perf_counter() - started

        return run

    sources = [read_file(p) for p in paths]
    components = list(nlp._components)
    nlp._components = [(name, timed(name, proc)) for name, proc in components]
    nlp.make_doc = timed("spaCy make_doc (char tokens)", nlp.make_doc)  # type: ignore[method-assign]
    extract_module.normalize = timed("normalize", _ORIGINAL_NORMALIZE)
    try:
        extract_module.extract(sources[0])
        spent.clear()
        started = time.perf_counter()
        for _ in range(reps):
            for source in sources:
                extract_module.extract(source)
        total = time.perf_counter() - started
    finally:
        nlp._components = components
        del nlp.make_doc
        extract_module.normalize = _ORIGINAL_NORMALIZE
    spent["records (extract.py after the pipeline)"] = total - sum(spent.values())
    docs = len(sources) * reps
    chars = sum(len(s.text) for s in sources) * reps
    rate = f"{total / docs * 1000:.1f} ms/doc, {chars / total / 1e3:.0f} k chars/s"
    lines = [f"   {docs} extractions, {rate} (one process)"]
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        lines.append(f"     {name:42} {seconds / docs * 1000:8.2f} ms/doc  {seconds / total * 100:5.1f} %")
    return "\n".join(lines)


def profile_ingest(corpus: Path, out: Path, top: int) -> str:
    """cProfile of a 1× ingest in one process (workers=1): extraction and loading in one profile."""
    folder = Path(tempfile.mkdtemp(prefix="kg-profile-", dir=WORK))
    store = FalkorStore.open(folder)
    profiler = cProfile.Profile()
    try:
        started = time.perf_counter()
        profiler.enable()
        run_module.ingest_paths([corpus], store, workers=1)
        profiler.disable()
        seconds = time.perf_counter() - started
    finally:
        store.close()
        stop_server(folder)
        shutil.rmtree(folder, ignore_errors=True)
    profiler.dump_stats(str(out))
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return f"== profile of the 1× ingest, workers=1 ({seconds:.1f} s under cProfile), saved to {out}\n" + "\n".join(
        line[:160] for line in buffer.getvalue().splitlines() if line.strip()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/ingest_bench.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=500, help="documents of the 1× corpus (default 500)")
    parser.add_argument("--scale", type=int, default=10, help="size of the large corpus, in multiples of --docs")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes (default 2)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="smoke run: 50 and 500 documents")
    parser.add_argument("--only-1x", action="store_true", help="measure the 1× corpus only (no growth ratio)")
    parser.add_argument("--laws", nargs="?", const=LAWS, type=Path, default=None, help="also ingest a real corpus")
    parser.add_argument("--profile", type=Path, default=None, help="also profile the 1× ingest into this file")
    parser.add_argument("--top", type=int, default=30, help="functions shown from the profile")
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    if args.quick:
        args.docs = 50
    WORK.mkdir(parents=True, exist_ok=True)

    print(f"machine: {os.cpu_count()} CPUs, {_machine()}; python {sys.version.split()[0]}; workers={args.workers}")
    results: dict[str, Any] = {"machine": _machine(), "cpus": os.cpu_count(), "workers": args.workers}
    small_docs, large_docs = args.docs, args.docs * args.scale
    small = corpus_dir(small_docs, args.seed)
    print(f"corpus 1×: {small} ({folder_size(small)[1] / 1e6:.2f} MB)")
    one = measure("1×", small, args.workers)
    print(report(one, args.workers), flush=True)
    results["1x"] = {**asdict(one), "docs_per_s": one.docs_per_s, "mb_per_s": one.mb_per_s}

    if not args.only_1x:
        large = corpus_dir(large_docs, args.seed)
        print(f"corpus {args.scale}×: {large} ({folder_size(large)[1] / 1e6:.2f} MB)")
        keep = store_dir(large_docs, args.seed)
        ten = measure(f"{args.scale}×", large, args.workers, keep=keep)
        print(report(ten, args.workers))
        print(f"   store kept for bench/query_bench.py: {keep}")
        ratio = ten.seconds / (args.scale * one.seconds) if one.seconds else float("nan")
        per_doc = {
            stage: (ten.cpu[stage] / ten.docs) / (one.cpu[stage] / one.docs) if one.cpu[stage] else float("nan")
            for stage in ten.cpu
        }
        print(
            f"== growth ratio time({args.scale}×) / ({args.scale} × time(1×)) = {ratio:.3f}   "
            f"(CPU per document, {args.scale}× / 1×: "
            + ", ".join(f"{stage} {value:.2f}" for stage, value in per_doc.items())
            + ")"
        )
        results[f"{args.scale}x"] = {**asdict(ten), "docs_per_s": ten.docs_per_s, "mb_per_s": ten.mb_per_s}
        results["growth_ratio"] = ratio
        results["stage_growth"] = per_doc

    if args.laws is not None:
        laws = measure(f"laws ({args.laws})", Path(args.laws), args.workers)
        print(report(laws, args.workers))
        results["laws"] = {**asdict(laws), "docs_per_s": laws.docs_per_s, "mb_per_s": laws.mb_per_s}

    if args.profile is not None:
        samples = sorted((REPO / "data" / "samples").glob("*.txt"))
        print("== extraction steps, the real samples (×10):")
        print(component_times(samples, reps=10))
        print(f"== extraction steps, the 1× corpus ({small_docs} documents):")
        print(component_times(sorted(small.glob("*.txt"))))
        print(profile_ingest(small, args.profile, args.top))

    if args.json is not None:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _machine() -> str:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split("\n")[0].split()[1])
        memory = f"{kb / 2**20:.0f} GB RAM"
    return ", ".join(x for x in (model, memory) if x)


if __name__ == "__main__":
    sys.exit(main())
